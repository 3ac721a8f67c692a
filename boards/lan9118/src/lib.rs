//! # lan9118: the SMSC LAN9118 Ethernet controller as a rawnet-eth driver
//!
//! The LAN9118 (and the register-compatible LAN9220 of ARM's MPS2 boards, which QEMU's
//! `mps2-an385`/`mps2-an386` machines model as a LAN9118) is a MAC + PHY behind a 256-byte
//! register window with FIFOs instead of DMA: the CPU writes a frame into the TX data FIFO
//! after two command words and reads received frames out of the RX data FIFO after their
//! status word. [`Lan9118`] drives it polled (no interrupt) and implements
//! [`rawnet_eth::EthernetDriver`].
//!
//! Register access goes through the [`Regs`] trait: a board implements it with volatile
//! loads and stores at the chip's base address; the tests implement it with a model of the
//! chip's FIFOs written from the datasheet, so all the frame and FIFO logic here runs on the
//! host.
//!
//! ## What the driver does
//!
//! - **Bring-up** ([`Lan9118::new`]): checks `BYTE_TEST`, waits for `PMT_CTRL.READY`, soft
//!   reset (`HW_CFG.SRST`), resets the internal PHY and starts auto-negotiation, masks every
//!   interrupt, programs the station address through the MAC CSRs, turns the transmitter on
//!   (`TX_CFG.TX_ON`, `TXSAO`) and enables MAC transmit and receive with the address filter
//!   on (the reset default is promiscuous). Every wait on the chip is bounded
//!   ([`POLL_LIMIT`] register reads) and fails with an [`Error`] rather than hanging.
//! - **Transmit**: one frame per TX command pair (first and last segment, no offset, 4-byte
//!   end alignment), the frame's bytes as little-endian words. A transmit token is handed
//!   out only while `TX_FIFO_INF.TXFREE` has room for a whole maximum frame, so a token can
//!   always be honoured. The MAC pads short frames and appends the FCS.
//! - **Receive**: a status word (length with FCS, error bits), then the frame's words. Frames
//!   with an error status, failing the filter, shorter than an Ethernet header or longer
//!   than [`MAX_FRAME_LEN`] are read out and discarded (not
//!   fast-forwarded with `RX_DP_CTRL`: QEMU 7.2's model of it moves its read pointer
//!   without its word count, which corrupts the next frame); the FCS is stripped.
//! - **Trouble**: frames the chip dropped for lack of FIFO space are counted from
//!   `RX_DROP`; a status word whose length the data FIFO does not hold, or a receiver error
//!   (`INT_STS.RXE`), makes the driver stop the receiver, dump both RX FIFOs and restart
//!   (counted in [`Stats::rx_resyncs`]); a TX data FIFO overrun dumps the TX FIFO. Nothing
//!   the network sends can make the driver panic or read outside its buffers.
#![no_std]
#![deny(unsafe_code)]
#![warn(missing_docs)]

#[cfg(test)]
mod model;
pub mod regs;
#[cfg(test)]
mod tests;

use rawnet_eth::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken, MAX_FRAME_LEN};
use regs::*;

/// Register access to one chip: 32-bit reads and writes at byte offsets of its window.
///
/// Reads take `&mut self` because reading a FIFO port pops it.
pub trait Regs {
    /// Read the register at `offset`.
    fn read(&mut self, offset: u16) -> u32;
    /// Write `value` to the register at `offset`.
    fn write(&mut self, offset: u16, value: u32);
}

/// How many times a wait on the chip polls before it gives up (a register read takes at
/// least tens of nanoseconds, so this is well over the datasheet's longest wait, the
/// soft reset's few milliseconds, on any CPU the chip is wired to).
pub const POLL_LIMIT: u32 = 1_000_000;

/// Bytes of one RX frame buffer: the longest accepted frame with its FCS, in whole words.
const RX_BUF: usize = (MAX_FRAME_LEN + 4).next_multiple_of(4);
/// Bytes of the TX frame buffer, in whole words.
const TX_BUF: usize = MAX_FRAME_LEN.next_multiple_of(4);
/// TX FIFO space a frame needs: its words and the two command words.
const TX_NEED: u32 = TX_BUF as u32 + 8;
/// TX data FIFO bytes with `HW_CFG.TX_FIF_SZ` = 5 (5 KiB less the 512-byte status FIFO).
const TX_FIFO_BYTES: u32 = 4608;
/// Bad frames one `receive` call reads out before it returns.
const MAX_DISCARDS: usize = 16;

/// Why the chip could not be brought up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Error {
    /// `BYTE_TEST` did not read `0x87654321`: no chip at this address, or the bus is set up
    /// wrong.
    NotFound {
        /// What `BYTE_TEST` read.
        byte_test: u32,
    },
    /// A wait on the chip did not end within [`POLL_LIMIT`] reads.
    Timeout(Wait),
    /// No address was given and the chip loaded none from its EEPROM.
    NoMacAddress,
}

/// What the chip was being waited for when it timed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Wait {
    /// `PMT_CTRL.READY` after power-up or reset.
    Ready,
    /// `HW_CFG.SRST` to clear.
    SoftReset,
    /// `MAC_CSR_CMD.CSRBusy` to clear.
    MacCsr,
    /// `MII_ACC.MIIBZY` to clear.
    Mii,
    /// The PHY's reset bit to clear.
    PhyReset,
    /// `INT_STS.RXSTOP` after disabling the receiver.
    RxStop,
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Error::NotFound { byte_test } => {
                write!(f, "no LAN9118: BYTE_TEST reads {byte_test:#010x}")
            }
            Error::Timeout(what) => write!(f, "LAN9118 timed out waiting for {what:?}"),
            Error::NoMacAddress => f.write_str("LAN9118: no MAC address given or in its EEPROM"),
        }
    }
}

/// Counters of what the driver saw (all wrap at `u32::MAX`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Stats {
    /// Frames handed to the stack.
    pub rx_frames: u32,
    /// Frames discarded for an error status, a failed filter or a bad length.
    pub rx_errors: u32,
    /// Frames the chip dropped for lack of RX FIFO space (`RX_DROP`).
    pub rx_dropped: u32,
    /// Times the RX FIFOs were dumped to get back in step with the chip.
    pub rx_resyncs: u32,
    /// Frames written to the TX FIFO.
    pub tx_frames: u32,
    /// TX status words with the error bit, TX FIFO overruns, and oversized frames refused.
    pub tx_errors: u32,
}

/// The driver: the chip's registers, one RX and one TX frame buffer, and counters.
pub struct Lan9118<R: Regs> {
    regs: R,
    mac: [u8; 6],
    rx: [u8; RX_BUF],
    tx: [u8; TX_BUF],
    stats: Stats,
}

impl<R: Regs> Lan9118<R> {
    /// Reset and configure the chip (see the crate docs), with station address `mac`, or
    /// with `None` the address the chip loaded from its EEPROM at reset (QEMU: the NIC's
    /// `mac=` property, `52:54:00:12:34:56` by default).
    pub fn new(regs: R, mac: Option<[u8; 6]>) -> Result<Self, Error> {
        let mut dev = Lan9118 {
            regs,
            mac: mac.unwrap_or([0; 6]),
            rx: [0; RX_BUF],
            tx: [0; TX_BUF],
            stats: Stats::default(),
        };
        dev.init()?;
        Ok(dev)
    }

    fn init(&mut self) -> Result<(), Error> {
        let byte_test = self.regs.read(BYTE_TEST);
        if byte_test != BYTE_TEST_VALUE {
            return Err(Error::NotFound { byte_test });
        }
        self.wait(PMT_CTRL, PMT_CTRL_READY, true, Wait::Ready)?;
        self.regs.write(HW_CFG, HW_CFG_SRST);
        self.wait(HW_CFG, HW_CFG_SRST, false, Wait::SoftReset)?;
        self.wait(PMT_CTRL, PMT_CTRL_READY, true, Wait::Ready)?;
        self.regs.write(HW_CFG, HW_CFG_MBO | HW_CFG_TX_FIF_SZ_5K);
        // Polled: no interrupt enabled, none pending.
        self.regs.write(INT_EN, 0);
        self.regs.write(IRQ_CFG, 0);
        self.regs.write(INT_STS, u32::MAX);

        self.phy_write(PHY_BCR, BCR_RESET)?;
        let mut reset_done = false;
        for _ in 0..POLL_LIMIT / 100 {
            if self.phy_read(PHY_BCR)? & BCR_RESET == 0 {
                reset_done = true;
                break;
            }
        }
        if !reset_done {
            return Err(Error::Timeout(Wait::PhyReset));
        }
        self.phy_write(PHY_ANAR, ANAR_ALL)?;
        self.phy_write(PHY_BCR, BCR_AN_ENABLE | BCR_AN_RESTART)?;

        if self.mac == [0; 6] {
            let [a, b, c, d] = self.mac_read(MAC_ADDRL)?.to_le_bytes();
            let [e, f, ..] = self.mac_read(MAC_ADDRH)?.to_le_bytes();
            self.mac = [a, b, c, d, e, f];
            // No EEPROM (or an erased one): all ones; a multicast address is no station's.
            if self.mac == [0; 6] || self.mac[0] & 1 != 0 {
                return Err(Error::NoMacAddress);
            }
        }
        let [a, b, c, d, e, f] = self.mac;
        self.mac_write(MAC_ADDRL, u32::from_le_bytes([a, b, c, d]))?;
        self.mac_write(MAC_ADDRH, u32::from_le_bytes([e, f, 0, 0]))?;
        self.regs.write(TX_CFG, TX_CFG_TX_ON | TX_CFG_TXSAO);
        self.regs.write(RX_CFG, 0);
        let full_duplex = self.full_duplex()?;
        let mut cr = MAC_CR_TXEN | MAC_CR_RXEN;
        if full_duplex {
            cr |= MAC_CR_FDPX;
        }
        self.mac_write(MAC_CR, cr)?;
        self.regs.read(RX_DROP); // start counting from zero
        Ok(())
    }

    /// Whether auto-negotiation (as far as it got) agreed on full duplex: a mode both ends
    /// advertise.
    fn full_duplex(&mut self) -> Result<bool, Error> {
        let common = self.phy_read(PHY_ANAR)? & self.phy_read(PHY_ANLPAR)?;
        Ok(common & (AN_100_FULL | AN_10_FULL) != 0)
    }

    /// The counters, with the chip's dropped-frame counter folded in.
    pub fn stats(&mut self) -> Stats {
        self.collect_drops();
        self.stats
    }

    /// The register access, for what this driver does not cover.
    pub fn regs(&mut self) -> &mut R {
        &mut self.regs
    }

    fn collect_drops(&mut self) {
        let dropped = self.regs.read(RX_DROP);
        self.stats.rx_dropped = self.stats.rx_dropped.wrapping_add(dropped);
    }

    /// Poll `offset` until `mask` is set (`set`) or clear, at most [`POLL_LIMIT`] times.
    fn wait(&mut self, offset: u16, mask: u32, set: bool, what: Wait) -> Result<(), Error> {
        for _ in 0..POLL_LIMIT {
            if (self.regs.read(offset) & mask != 0) == set {
                return Ok(());
            }
        }
        Err(Error::Timeout(what))
    }

    fn mac_read(&mut self, index: u8) -> Result<u32, Error> {
        self.wait(MAC_CSR_CMD, CSR_BUSY, false, Wait::MacCsr)?;
        self.regs
            .write(MAC_CSR_CMD, CSR_BUSY | CSR_READ | u32::from(index));
        self.wait(MAC_CSR_CMD, CSR_BUSY, false, Wait::MacCsr)?;
        Ok(self.regs.read(MAC_CSR_DATA))
    }

    fn mac_write(&mut self, index: u8, value: u32) -> Result<(), Error> {
        self.wait(MAC_CSR_CMD, CSR_BUSY, false, Wait::MacCsr)?;
        self.regs.write(MAC_CSR_DATA, value);
        self.regs.write(MAC_CSR_CMD, CSR_BUSY | u32::from(index));
        self.wait(MAC_CSR_CMD, CSR_BUSY, false, Wait::MacCsr)
    }

    fn mii_wait(&mut self) -> Result<(), Error> {
        for _ in 0..POLL_LIMIT / 100 {
            if self.mac_read(MII_ACC)? & MII_BUSY == 0 {
                return Ok(());
            }
        }
        Err(Error::Timeout(Wait::Mii))
    }

    fn mii_command(reg: u8, write: bool) -> u32 {
        let w = if write { MII_WRITE } else { 0 };
        (PHY_ADDR << 11) | (u32::from(reg & 0x1f) << 6) | w | MII_BUSY
    }

    fn phy_read(&mut self, reg: u8) -> Result<u32, Error> {
        self.mii_wait()?;
        self.mac_write(MII_ACC, Self::mii_command(reg, false))?;
        self.mii_wait()?;
        Ok(self.mac_read(MII_DATA)? & 0xffff)
    }

    fn phy_write(&mut self, reg: u8, value: u32) -> Result<(), Error> {
        self.mii_wait()?;
        self.mac_write(MII_DATA, value & 0xffff)?;
        self.mac_write(MII_ACC, Self::mii_command(reg, true))?;
        self.mii_wait()
    }

    /// Stop the receiver, empty both RX FIFOs and start it again: the way back in step when
    /// the driver and the chip disagree about where a frame starts.
    fn resync_rx(&mut self) {
        self.stats.rx_resyncs = self.stats.rx_resyncs.wrapping_add(1);
        let cr = self.mac_read(MAC_CR).unwrap_or(MAC_CR_TXEN | MAC_CR_RXEN);
        let _ = self.mac_write(MAC_CR, cr & !MAC_CR_RXEN);
        let _ = self.wait(INT_STS, INT_RXSTOP, true, Wait::RxStop);
        self.regs.write(RX_CFG, RX_CFG_RX_DUMP);
        let _ = self.wait(RX_CFG, RX_CFG_RX_DUMP, false, Wait::RxStop);
        self.regs.write(INT_STS, INT_RXSTOP | INT_RXE);
        let _ = self.mac_write(MAC_CR, cr | MAC_CR_RXEN);
    }

    /// Handle the chip's error flags: receiver error, TX overrun, TX status errors.
    fn check_errors(&mut self) {
        let sts = self.regs.read(INT_STS);
        if sts & INT_RXE != 0 {
            self.resync_rx();
        }
        if sts & INT_TDFO != 0 {
            self.stats.tx_errors = self.stats.tx_errors.wrapping_add(1);
            self.regs
                .write(TX_CFG, TX_CFG_TX_ON | TX_CFG_TXSAO | TX_CFG_TXD_DUMP);
        }
        if sts & INT_RXDF != 0 {
            self.collect_drops();
        }
        let handled = sts & (INT_TDFO | INT_RXDF | INT_TXE);
        if handled != 0 {
            self.regs.write(INT_STS, handled);
        }
    }

    /// Whether the TX FIFO has room for a whole frame; reads out the TX statuses on the way
    /// (`TXSAO` lets them overflow, but they say which frames failed).
    fn tx_ready(&mut self) -> bool {
        let inf = self.regs.read(TX_FIFO_INF);
        for _ in 0..(inf >> 16) & 0xff {
            if self.regs.read(TX_STATUS_FIFO) & TXS_ERROR != 0 {
                self.stats.tx_errors = self.stats.tx_errors.wrapping_add(1);
            }
        }
        inf & 0xffff >= TX_NEED
    }

    /// Read the next good frame into the RX buffer and return its length (FCS stripped);
    /// discard bad frames on the way. `None` when no frame is waiting.
    fn next_frame(&mut self) -> Option<usize> {
        // Bounded, so a flood of bad frames cannot hold the superloop here.
        for _ in 0..MAX_DISCARDS {
            let inf = self.regs.read(RX_FIFO_INF);
            if (inf >> 16) & 0xff == 0 {
                return None;
            }
            let status = self.regs.read(RX_STATUS_FIFO);
            let len = rx_status_len(status);
            let words = len.div_ceil(4);
            if words * 4 > (inf & 0xffff) as usize {
                // The status claims more data than the FIFO holds: out of step.
                self.resync_rx();
                return None;
            }
            let bad = status & (RXS_ERROR | RXS_FILTER_FAIL | RXS_LENGTH_ERROR) != 0;
            if bad || !(14 + 4..=MAX_FRAME_LEN + 4).contains(&len) {
                for _ in 0..words {
                    self.regs.read(RX_DATA_FIFO);
                }
                self.stats.rx_errors = self.stats.rx_errors.wrapping_add(1);
                continue;
            }
            for chunk in self.rx[..words * 4].chunks_exact_mut(4) {
                chunk.copy_from_slice(&self.regs.read(RX_DATA_FIFO).to_le_bytes());
            }
            self.stats.rx_frames = self.stats.rx_frames.wrapping_add(1);
            return Some(len - 4);
        }
        None
    }
}

/// A received frame in the driver's RX buffer.
pub struct Rx<'a>(&'a mut [u8]);

/// The TX buffer and the registers to push it into the TX FIFO.
pub struct Tx<'a, R: Regs> {
    regs: &'a mut R,
    buf: &'a mut [u8; TX_BUF],
    stats: &'a mut Stats,
}

impl RxToken for Rx<'_> {
    fn consume<T>(self, f: impl FnOnce(&mut [u8]) -> T) -> T {
        f(self.0)
    }
}

impl<R: Regs> TxToken for Tx<'_, R> {
    fn consume<T>(self, len: usize, f: impl FnOnce(&mut [u8]) -> T) -> T {
        if len > MAX_FRAME_LEN {
            // Outside the contract: give the closure its bytes, send nothing.
            self.stats.tx_errors = self.stats.tx_errors.wrapping_add(1);
            let mut scratch = [0u8; 0];
            return f(&mut scratch[..]);
        }
        let out = f(&mut self.buf[..len]);
        let size = len as u32;
        self.regs.write(TX_DATA_FIFO, TXA_FIRST | TXA_LAST | size);
        // Command B: packet tag (the frame count, for a reader of the status FIFO) and length.
        self.regs
            .write(TX_DATA_FIFO, (self.stats.tx_frames << 16) | size);
        for chunk in self.buf[..len.next_multiple_of(4)].chunks_exact(4) {
            let word = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
            self.regs.write(TX_DATA_FIFO, word);
        }
        self.stats.tx_frames = self.stats.tx_frames.wrapping_add(1);
        out
    }
}

impl<R: Regs> EthernetDriver for Lan9118<R> {
    type RxToken<'a>
        = Rx<'a>
    where
        Self: 'a;
    type TxToken<'a>
        = Tx<'a, R>
    where
        Self: 'a;

    fn receive(&mut self) -> Option<(Rx<'_>, Tx<'_, R>)> {
        self.check_errors();
        if !self.tx_ready() {
            return None; // the frame waits until an answer could be sent
        }
        let len = self.next_frame()?;
        let rx = Rx(&mut self.rx[..len]);
        let tx = Tx {
            regs: &mut self.regs,
            buf: &mut self.tx,
            stats: &mut self.stats,
        };
        Some((rx, tx))
    }

    fn transmit(&mut self) -> Option<Tx<'_, R>> {
        if !self.tx_ready() {
            self.check_errors();
            return None;
        }
        Some(Tx {
            regs: &mut self.regs,
            buf: &mut self.tx,
            stats: &mut self.stats,
        })
    }

    fn mac_address(&self) -> [u8; 6] {
        self.mac
    }

    fn link_state(&mut self) -> LinkState {
        // The link bit latches low: the first read reports a loss since the last one.
        let _ = self.phy_read(PHY_BSR);
        match self.phy_read(PHY_BSR) {
            Ok(bsr) if bsr & BSR_LINK != 0 => LinkState::Up,
            _ => LinkState::Down,
        }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_frame_len: MAX_FRAME_LEN,
            max_burst: Some((TX_FIFO_BYTES / TX_NEED) as u8),
            ..Capabilities::default()
        }
    }
}
