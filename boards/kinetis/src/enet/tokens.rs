//! The tokens that lend a received frame or a transmit buffer to the stack, and MDIO through
//! the MAC's `MMFR` (the module documentation of [`super`] describes the handover).

use core::sync::atomic::{fence, Ordering};

use super::regs::*;
use super::{ring, Regs, Rings, RxRing, TxRing};
use crate::phy::Mdio;
use rawnet_eth::{RxToken, TxToken, MAX_FRAME_LEN};

/// Hand receive descriptor `d` back to the DMA, empty.
pub(super) fn give_back(d: &ring::Descriptor, wrap: bool) {
    d.set_ext(0, 0);
    d.bdu_word().set(0);
    fence(Ordering::Release);
    d.set_len_flags(0, rx::E | if wrap { rx::W } else { 0 });
}

/// A received frame (see [`RxToken`]).
pub struct Rx<'a, R: Regs, const RX: usize, const TX: usize> {
    pub(super) regs: &'a R,
    pub(super) rings: &'a Rings<RX, TX>,
    pub(super) ring: &'a mut RxRing,
    pub(super) index: usize,
}

impl<R: Regs, const RX: usize, const TX: usize> RxToken for Rx<'_, R, RX, TX> {
    fn consume<T>(self, f: impl FnOnce(&mut [u8]) -> T) -> T {
        let d = &self.rings.rx[self.index];
        let len = usize::from(d.data_len()).min(MAX_FRAME_LEN);
        // SAFETY: the CPU owns this buffer (E clear) until `give_back` below; `len` is within
        // its BUF_LEN bytes; no other slice of it exists (one token per frame, borrowed from
        // the driver).
        #[allow(unsafe_code)]
        let frame =
            unsafe { core::slice::from_raw_parts_mut(self.rings.rx_buf[self.index].ptr(), len) };
        let out = f(frame);
        give_back(d, self.index == RX - 1);
        self.ring.next = (self.index + 1) % RX;
        self.ring.frames = self.ring.frames.wrapping_add(1);
        fence(Ordering::SeqCst);
        self.regs.write(RDAR, DAR_ACTIVE);
        out
    }
}

/// A transmit buffer (see [`TxToken`]).
pub struct Tx<'a, R: Regs, const RX: usize, const TX: usize> {
    pub(super) regs: &'a R,
    pub(super) rings: &'a Rings<RX, TX>,
    pub(super) ring: &'a mut TxRing,
}

impl<R: Regs, const RX: usize, const TX: usize> TxToken for Tx<'_, R, RX, TX> {
    fn consume<T>(self, len: usize, f: impl FnOnce(&mut [u8]) -> T) -> T {
        let i = self.ring.next;
        let n = len.min(MAX_FRAME_LEN);
        // SAFETY: the CPU owns this buffer (R clear: `transmit` checked the ring has room);
        // `n` is within its BUF_LEN bytes; one token at a time.
        #[allow(unsafe_code)]
        let buf = unsafe { core::slice::from_raw_parts_mut(self.rings.tx_buf[i].ptr(), n) };
        let out = f(buf);
        if n != len {
            // Longer than any Ethernet frame: the stack broke the contract; send nothing.
            self.ring.errors = self.ring.errors.wrapping_add(1);
            return out;
        }
        let d = &self.rings.tx[i];
        d.set_ext(0, tx::PINS | tx::IINS);
        d.bdu_word().set(0);
        fence(Ordering::Release);
        let wrap = if i == TX - 1 { tx::W } else { 0 };
        d.set_len_flags(n as u16, tx::R | tx::L | tx::TC | wrap);
        self.ring.next = (i + 1) % TX;
        self.ring.in_flight += 1;
        fence(Ordering::SeqCst);
        self.regs.write(TDAR, DAR_ACTIVE);
        out
    }
}

/// MDIO through `MMFR`; a finished frame sets `EIR.MII`.
pub(super) struct EnetMdio<'a, R: Regs>(pub(super) &'a R);

impl<R: Regs> Mdio for EnetMdio<'_, R> {
    fn start_read(&mut self, phy: u8, reg: u8) {
        self.0.write(EIR, EIR_MII);
        self.0.write(MMFR, mmfr(phy, reg) | MMFR_OP_READ);
    }

    fn start_write(&mut self, phy: u8, reg: u8, value: u16) {
        self.0.write(EIR, EIR_MII);
        self.0
            .write(MMFR, mmfr(phy, reg) | MMFR_OP_WRITE | u32::from(value));
    }

    fn poll(&mut self) -> Option<u16> {
        if self.0.read(EIR) & EIR_MII == 0 {
            return None;
        }
        self.0.write(EIR, EIR_MII);
        Some(self.0.read(MMFR) as u16)
    }
}

fn mmfr(phy: u8, reg: u8) -> u32 {
    MMFR_ST | MMFR_TA | u32::from(phy & 31) << MMFR_PA_SHIFT | u32::from(reg & 31) << MMFR_RA_SHIFT
}
