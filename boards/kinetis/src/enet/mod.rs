//! The K64's ENET MAC as a [`rawnet_eth::EthernetDriver`]: RMII, enhanced buffer
//! descriptors, polled (no interrupt), the KSZ8081 over its MDIO.
//!
//! ## Ownership handover
//!
//! Each descriptor belongs to the DMA while its E (receive) or R (transmit) bit is set and to
//! the CPU otherwise; the CPU only ever sets the bit, the DMA only ever clears it. The CPU
//! writes a descriptor's other words first and the flags word last, with a fence between
//! (a `dmb` on the Cortex-M4), then a fence and a write to `RDAR`/`TDAR` so the DMA looks
//! again; after it sees a bit cleared it fences before reading what the DMA wrote. The last
//! descriptor of each ring carries W, and the DMA goes back to the ring's start after it.
//!
//! - **Receive**: every receive descriptor starts empty (E). [`Enet::receive`] looks at the
//!   next one in ring order; a cleared E means the DMA finished writing a buffer. A frame
//!   whose last descriptor (L) has an error flag (LG, NO, CR, OV, TR), a MAC/PHY/collision
//!   error, a checksum error the accelerator found (ICE, PCR), or that is an IPv4 fragment
//!   is given back and counted.
//!   **Frames spanning buffers**: buffers are [`ring::BUF_LEN`] = 1520 bytes and `RCR.MAX_FL`
//!   is 1518, so a good frame always fits in one; a frame over several descriptors (an
//!   oversized one, flagged LG, or a misconfiguration) is given back whole — every descriptor
//!   up to its L — so the ring stays in step. A frame whose L descriptor the DMA still owns
//!   is left for the next call. The frame is lent to the stack in place (zero copy) and its
//!   descriptor goes back to the DMA when the token is consumed.
//! - **Transmit**: [`Enet::transmit`] first reclaims the descriptors the DMA has finished
//!   (R cleared, in order; TXE counted as an error), then lends the next free buffer; the
//!   frame goes out when the token is consumed (R, L, TC and the checksum insertion flags set,
//!   `TDAR` written). With every descriptor in flight the **ring is full**: `transmit`
//!   returns `None` and the stack retries on a later poll.
//!
//! ## Checksum offload, and why it is sound here
//!
//! Transmit: the accelerator inserts the IPv4 header and TCP/UDP/ICMP checksums
//! (`TACC.IPCHK`, `PROCHK`, and `IINS`/`PINS` per descriptor, with `TFWR.STRFWD` so the whole
//! frame is in the FIFO first). The manual requires the checksum fields to be zero; smoltcp
//! writes zero when told the hardware computes them. Receive: with `RSFL` = 0 (store and
//! forward) the MAC discards frames with a wrong IPv4 header or protocol checksum
//! (`RACC.IPDIS`, `PRODIS`), and the driver also drops any whose descriptor says ICE or PCR.
//! The accelerator does not check the protocol checksum of IPv4 fragments; rawnet's smoltcp
//! has no reassembly and would read a fragment as a whole datagram, so the driver drops
//! fragments — with software checksums they would have failed anyway. It finds them in the
//! IPv4 header (More Fragments, fragment offset) rather than by the descriptor's FRAG bit,
//! whose meaning NXP's documents disagree on.
//!
//! ## Link changes
//!
//! [`Enet::link_state`] steps the PHY ([`crate::phy`]); when the link comes up the MAC is
//! restarted for the negotiated speed and duplex (`RCR.RMII_10T`, `TCR.FDEN`, `RCR.DRT`,
//! which the manual allows to change only while `ECR.ETHEREN` is clear; clearing it also
//! sends the DMA back to the start of both rings, so the driver resets its rings with it).

#[cfg(test)]
mod model;
pub mod regs;
pub mod ring;
#[cfg(test)]
mod tests;
mod tokens;

use core::sync::atomic::{fence, Ordering};

use crate::phy::{Ksz8081, Link};
use rawnet_eth::{Capabilities, ChecksumOffload, EthernetDriver, LinkState, MAX_FRAME_LEN};
use regs::*;
pub use ring::{Rings, BUF_LEN};
use tokens::{give_back, EnetMdio};
pub use tokens::{Rx, Tx};

/// Register access to the ENET: 32-bit reads and writes at byte offsets from its base.
/// `&self`: a register access has no Rust-visible state (the model keeps its own in cells).
pub trait Regs {
    /// Read the register at `offset`.
    fn read(&self, offset: u16) -> u32;
    /// Write `value` to the register at `offset`.
    fn write(&self, offset: u16, value: u32);
}

/// How long the driver waits for `ECR.RESET` to clear, in register reads.
pub const RESET_POLLS: u32 = 10_000;

/// The longest frame accepted (`RCR.MAX_FL`): 1514 bytes and the FCS.
const MAX_FL: u32 = 1518;

/// What the driver is configured with.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// The station address.
    pub mac: [u8; 6],
    /// `MSCR` (MDC and hold time for the module clock): [`crate::clock::mscr`].
    pub mscr: u32,
    /// The PHY's MDIO address.
    pub phy_addr: u8,
}

/// Why the MAC could not be brought up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Error {
    /// `ECR.RESET` did not clear (the ENET has no clock: `SIM_SCGC2.ENET`, or no RMII
    /// reference clock).
    ResetTimeout,
}

/// Counters (wrapping).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Stats {
    /// Frames handed to the stack.
    pub rx_frames: u32,
    /// Frames given back for an error flag, a checksum error, a fragment or a bad length.
    pub rx_errors: u32,
    /// Frames that spanned more than one buffer (also counted in `rx_errors`).
    pub rx_spanning: u32,
    /// Frames the DMA finished sending.
    pub tx_frames: u32,
    /// Frames the DMA finished with TXE, or refused as too long.
    pub tx_errors: u32,
    /// MAC restarts for a link change.
    pub restarts: u32,
}

/// Receive ring state: the next descriptor to look at, and counters.
#[derive(Default)]
struct RxRing {
    next: usize,
    frames: u32,
    errors: u32,
    spanning: u32,
}

/// Transmit ring state.
#[derive(Default)]
struct TxRing {
    /// Next descriptor to fill.
    next: usize,
    /// Oldest descriptor handed to the DMA and not reclaimed.
    clean: usize,
    /// Descriptors handed to the DMA and not reclaimed.
    in_flight: usize,
    frames: u32,
    errors: u32,
}

/// The driver (see the module documentation).
pub struct Enet<'r, R: Regs, const RX: usize, const TX: usize> {
    regs: R,
    rings: &'r Rings<RX, TX>,
    rx: RxRing,
    tx: TxRing,
    phy: Ksz8081,
    link: LinkState,
    mac: [u8; 6],
    restarts: u32,
}

impl<'r, R: Regs, const RX: usize, const TX: usize> Enet<'r, R, RX, TX> {
    /// Reset and configure the MAC (RMII, station address, accelerators, rings) and start
    /// receiving. The PHY is brought up by [`EthernetDriver::link_state`], step by step.
    pub fn new(regs: R, rings: &'r Rings<RX, TX>, config: Config) -> Result<Self, Error> {
        const {
            assert!(
                RX >= 2 && TX >= 1,
                "ENET rings need 2 RX and 1 TX descriptors"
            )
        };
        let mut enet = Enet {
            regs,
            rings,
            rx: RxRing::default(),
            tx: TxRing::default(),
            phy: Ksz8081::new(config.phy_addr),
            link: LinkState::Down,
            mac: config.mac,
            restarts: 0,
        };
        enet.regs.write(ECR, ECR_RESET);
        if !(0..RESET_POLLS).any(|_| enet.regs.read(ECR) & ECR_RESET == 0) {
            return Err(Error::ResetTimeout);
        }
        let r = &enet.regs;
        r.write(EIMR, 0);
        r.write(EIR, u32::MAX);
        r.write(MSCR, config.mscr);
        r.write(MIBC, MIBC_MIB_DIS | MIBC_MIB_CLEAR);
        r.write(MIBC, 0);
        let [a, b, c, d, e, f] = config.mac;
        r.write(PALR, u32::from_be_bytes([a, b, c, d]));
        r.write(PAUR, u32::from_be_bytes([e, f, 0x88, 0x08]));
        for hash in [IAUR, IALR, GAUR, GALR] {
            r.write(hash, 0);
        }
        r.write(TFWR, TFWR_STRFWD);
        r.write(RSFL, 0);
        r.write(TACC, TACC_IPCHK | TACC_PROCHK);
        r.write(RACC, RACC_IPDIS | RACC_PRODIS | RACC_LINEDIS);
        r.write(MRBR, BUF_LEN as u32);
        enet.start(Link::Up {
            fast: true,
            full_duplex: true,
        });
        Ok(enet)
    }

    /// (Re)start the MAC for `mode`: disable, rings to their start, mode, enable, receive.
    fn start(&mut self, mode: Link) {
        let r = &self.regs;
        r.write(ECR, 0);
        let rings = self.rings;
        for (i, d) in rings.rx.iter().enumerate() {
            d.words[1].set(rings.rx_buf[i].addr());
            d.set_ext(0, 0);
            d.bdu_word().set(0);
            d.set_len_flags(0, rx::E | if i == RX - 1 { rx::W } else { 0 });
        }
        for (i, d) in rings.tx.iter().enumerate() {
            d.words[1].set(rings.tx_buf[i].addr());
            d.set_ext(0, 0);
            d.bdu_word().set(0);
            d.set_len_flags(0, if i == TX - 1 { tx::W } else { 0 });
        }
        self.rx.next = 0;
        self.tx.next = 0;
        self.tx.clean = 0;
        self.tx.in_flight = 0;
        let (fast, full) = match mode {
            Link::Up { fast, full_duplex } => (fast, full_duplex),
            Link::Down => (true, true),
        };
        let mut rcr = MAX_FL << RCR_MAX_FL_SHIFT | RCR_CRCFWD | RCR_RMII_MODE | RCR_MII_MODE;
        if full {
            rcr |= RCR_FCE;
        } else {
            rcr |= RCR_DRT;
        }
        if !fast {
            rcr |= RCR_RMII_10T;
        }
        r.write(RCR, rcr);
        r.write(TCR, if full { TCR_FDEN } else { 0 });
        r.write(RDSR, rings.rx_addr());
        r.write(TDSR, rings.tx_addr());
        fence(Ordering::SeqCst);
        r.write(ECR, ECR_ETHEREN | ECR_EN1588 | ECR_DBSWP);
        r.write(RDAR, DAR_ACTIVE);
    }

    /// The register access (the tests reach the model through it).
    pub fn regs(&self) -> &R {
        &self.regs
    }

    /// Counters.
    pub fn stats(&self) -> Stats {
        Stats {
            rx_frames: self.rx.frames,
            rx_errors: self.rx.errors,
            rx_spanning: self.rx.spanning,
            tx_frames: self.tx.frames,
            tx_errors: self.tx.errors,
            restarts: self.restarts,
        }
    }

    /// The PHY's state machine (its fault, its reset count).
    pub fn phy(&self) -> &Ksz8081 {
        &self.phy
    }

    /// Take back the transmit descriptors the DMA has finished, oldest first.
    fn reclaim(&mut self) {
        while self.tx.in_flight > 0 {
            let d = &self.rings.tx[self.tx.clean];
            if d.flags() & tx::R != 0 {
                break;
            }
            fence(Ordering::Acquire);
            if d.ext() as u16 & tx::TXE != 0 {
                self.tx.errors = self.tx.errors.wrapping_add(1);
            } else {
                self.tx.frames = self.tx.frames.wrapping_add(1);
            }
            self.tx.clean = (self.tx.clean + 1) % TX;
            self.tx.in_flight -= 1;
        }
    }

    /// The next good received frame's descriptor index, giving back bad ones on the way;
    /// `None` when the DMA has nothing finished.
    fn next_frame(&mut self) -> Option<usize> {
        for _ in 0..RX {
            let first = self.rx.next;
            if self.rings.rx[first].flags() & rx::E != 0 {
                return None;
            }
            // Find the frame's last descriptor.
            let mut last = first;
            let mut count = 1;
            while self.rings.rx[last].flags() & rx::L == 0 {
                last = (last + 1) % RX;
                count += 1;
                if count > RX || self.rings.rx[last].flags() & rx::E != 0 {
                    // Still being written (or no L in a whole ring of CPU-owned descriptors,
                    // which the DMA never leaves: wait for it either way).
                    return None;
                }
            }
            fence(Ordering::Acquire);
            let d = &self.rings.rx[last];
            let (ext0, ext1) = (d.ext() as u16, (d.ext() >> 16) as u16);
            let len = usize::from(d.data_len());
            let bad = count > 1
                || d.flags() & rx::ERRORS != 0
                || ext0 & (rx::ICE | rx::PCR) != 0
                || ext1 & (rx::ME | rx::PE | rx::CE) != 0
                || !(14..=MAX_FRAME_LEN).contains(&len)
                || ipv4_fragment(&self.rings.rx_buf[first]);
            if !bad {
                return Some(first);
            }
            self.rx.errors = self.rx.errors.wrapping_add(1);
            if count > 1 {
                self.rx.spanning = self.rx.spanning.wrapping_add(1);
            }
            let mut i = first;
            for _ in 0..count {
                give_back(&self.rings.rx[i], i == RX - 1);
                i = (i + 1) % RX;
            }
            self.rx.next = i;
            fence(Ordering::SeqCst);
            self.regs.write(RDAR, DAR_ACTIVE);
        }
        None
    }
}

/// Whether the frame in `buf` is an IPv4 fragment: EtherType 0x0800 and, in the IPv4 header,
/// More Fragments set or a fragment offset (bytes 20..22 of the frame).
fn ipv4_fragment(buf: &ring::Buffer) -> bool {
    let ethertype = u16::from_be_bytes([buf.byte(12), buf.byte(13)]);
    let frag = u16::from_be_bytes([buf.byte(20), buf.byte(21)]);
    ethertype == 0x0800 && frag & 0x3fff != 0
}

impl<R: Regs, const RX: usize, const TX: usize> EthernetDriver for Enet<'_, R, RX, TX> {
    type RxToken<'a>
        = Rx<'a, R, RX, TX>
    where
        Self: 'a;
    type TxToken<'a>
        = Tx<'a, R, RX, TX>
    where
        Self: 'a;

    fn receive(&mut self) -> Option<(Self::RxToken<'_>, Self::TxToken<'_>)> {
        self.reclaim();
        if self.tx.in_flight == TX {
            return None;
        }
        let index = self.next_frame()?;
        let Enet {
            regs,
            rings,
            rx,
            tx,
            ..
        } = self;
        Some((
            Rx {
                regs,
                rings,
                ring: rx,
                index,
            },
            Tx {
                regs,
                rings,
                ring: tx,
            },
        ))
    }

    fn transmit(&mut self) -> Option<Self::TxToken<'_>> {
        self.reclaim();
        if self.tx.in_flight == TX {
            return None;
        }
        Some(Tx {
            regs: &self.regs,
            rings: self.rings,
            ring: &mut self.tx,
        })
    }

    fn mac_address(&self) -> [u8; 6] {
        self.mac
    }

    fn link_state(&mut self) -> LinkState {
        let before = self.phy.link();
        let now = self.phy.poll(&mut EnetMdio(&self.regs));
        if now != before {
            if let Link::Up { .. } = now {
                self.start(now);
                self.restarts = self.restarts.wrapping_add(1);
            }
        }
        self.link = match now {
            Link::Up { .. } => LinkState::Up,
            Link::Down => LinkState::Down,
        };
        self.link
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_frame_len: MAX_FRAME_LEN,
            max_burst: Some(TX as u8),
            checksum: ChecksumOffload {
                ipv4: true,
                tcp: true,
                udp: true,
                icmpv4: true,
            },
        }
    }
}
