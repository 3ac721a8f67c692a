//! A model of the K64's ENET for the host tests, written from the reference manual's ENET
//! chapter: the registers the driver touches, the self-clearing reset, MDIO frames through
//! `MMFR` to a KSZ8081 model with `EIR.MII` on completion, and the uDMA walking the
//! descriptor rings the way the manual describes it.
//!
//! - Receive ([`Dma::run`]): while `RDAR` is set, each frame on the wire is filtered by
//!   destination (station address, broadcast, or `RCR.PROM`), dropped by the accelerator if
//!   `RACC` says so (bad checksums), then written with its FCS (unless `RCR.CRCFWD`) into
//!   as many empty descriptors as it needs, `MRBR` bytes each, following the W bits; the last
//!   gets L, the frame length and the error flags (LG over `RCR.MAX_FL`, CR, ICE/PCR/FRAG);
//!   every written descriptor gets E cleared and BDU set. A frame that finds too few empty
//!   descriptors is dropped and counted (`IEEE_R_DROP`) and `RDAR` clears; frames that
//!   arrive while `RDAR` is clear are dropped too (the receive FIFO is not modelled).
//! - Transmit: while `TDAR` is set, descriptors with R are sent in W order, a frame being
//!   the bytes up to L; the model checks TC, the buffer and, when checksum insertion is on,
//!   that the IPv4 header checksum field is zero before it fills it in. R clears, BDU is
//!   set, TXE when the test asks for a failure. `tx_stalled` holds the DMA (a busy wire).
//! - Frames flow only with the link up at the PHY, its 50 MHz RMII mode set, the MAC enabled,
//!   and the MAC's speed and duplex equal to the PHY's.
//!
//! Anything the manual forbids or the model does not know — a register written while
//! `ECR.ETHEREN` forbids it, a ring or buffer not 16-byte aligned, a descriptor address
//! outside the rings, an unknown register — goes into `violations`, which the tests check
//! is empty.

extern crate std;

use super::regs::*;
use super::ring::{Rings, BUF_LEN};
use super::Regs;
use crate::phy::model::Phy;
use crate::phy::PHYCTRL2;
use core::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::format;
use std::string::String;
use std::vec::Vec;

/// A frame arriving from the wire, with what the MAC's checks will find.
#[derive(Clone, Default)]
pub struct Incoming {
    pub bytes: Vec<u8>,
    pub crc_error: bool,
    pub ip_checksum_error: bool,
    pub protocol_checksum_error: bool,
    pub fragment: bool,
}

impl Incoming {
    pub fn good(bytes: Vec<u8>) -> Incoming {
        Incoming {
            bytes,
            ..Incoming::default()
        }
    }
}

pub struct State {
    pub regs: BTreeMap<u16, u32>,
    pub ecr: u32,
    /// `ECR` reads during which RESET stays set.
    pub reset_reads: u32,
    pub eir: u32,
    pub mmfr: u32,
    /// Reads of `EIR` an MDIO frame takes.
    pub mdio_latency: u32,
    mdio_pending: Option<u32>,
    pub rdar: bool,
    pub tdar: bool,
    rx_ptr: usize,
    tx_ptr: usize,
    pub wire_in: VecDeque<Incoming>,
    pub sent: Vec<Vec<u8>>,
    pub dropped: u32,
    pub discarded_by_accelerator: u32,
    pub tx_stalled: bool,
    pub tx_fail_next: bool,
    pub phy: Phy,
    pub violations: Vec<String>,
}

pub struct Dma<const RX: usize, const TX: usize> {
    pub rings: &'static Rings<RX, TX>,
    pub s: RefCell<State>,
}

/// Registers the model stores as written (and returns when read).
const PLAIN: &[u16] = &[
    EIMR, MSCR, MIBC, RCR, TCR, PALR, PAUR, IAUR, IALR, GAUR, GALR, TFWR, RDSR, TDSR, MRBR, RSFL,
    TACC, RACC,
];
/// Registers the manual lets software change only while `ECR.ETHEREN` is clear.
const WHILE_DISABLED: &[u16] = &[RCR, TCR, RDSR, TDSR, MRBR, TACC, RACC, TFWR];

impl<const RX: usize, const TX: usize> Dma<RX, TX> {
    pub fn new(rings: &'static Rings<RX, TX>) -> Self {
        let mut regs = BTreeMap::new();
        regs.insert(RCR, 0x05ee_0001);
        regs.insert(MIBC, 0xc000_0000);
        regs.insert(PAUR, 0x8808);
        Dma {
            rings,
            s: RefCell::new(State {
                regs,
                ecr: 0xf000_0000,
                reset_reads: 2,
                eir: 0,
                mmfr: 0,
                mdio_latency: 2,
                mdio_pending: None,
                rdar: false,
                tdar: false,
                rx_ptr: 0,
                tx_ptr: 0,
                wire_in: VecDeque::new(),
                sent: Vec::new(),
                dropped: 0,
                discarded_by_accelerator: 0,
                tx_stalled: false,
                tx_fail_next: false,
                phy: Phy::new(),
                violations: Vec::new(),
            }),
        }
    }

    pub fn reg(&self, offset: u16) -> u32 {
        self.s.borrow().regs.get(&offset).copied().unwrap_or(0)
    }

    /// Whether frames can flow between the MAC and the wire now.
    pub fn link_ok(&self) -> bool {
        let s = self.s.borrow();
        let Some((fast, full)) = s.phy.resolved() else {
            return false;
        };
        let rcr = s.regs[&RCR];
        let tcr = s.regs.get(&TCR).copied().unwrap_or(0);
        s.ecr & ECR_ETHEREN != 0
            && s.phy.link_up()
            && s.phy.regs[PHYCTRL2 as usize] & 0x80 != 0
            && (rcr & RCR_RMII_10T == 0) == fast
            && (tcr & TCR_FDEN != 0) == full
    }

    /// Let the DMA do everything it can: receive what waits on the wire, send what is ready.
    pub fn run(&self) {
        if !self.link_ok() {
            return;
        }
        loop {
            let next = self.s.borrow_mut().wire_in.pop_front();
            let Some(f) = next else { break };
            self.receive(f);
        }
        self.transmit();
    }

    fn rx_index(&self, ptr: usize) -> Option<usize> {
        (ptr < RX).then_some(ptr)
    }

    fn receive(&self, f: Incoming) {
        let mut s = self.s.borrow_mut();
        if !s.rdar {
            // The DMA is idle until RDAR is written: the FIFO (not modelled) overflows.
            s.dropped += 1;
            return;
        }
        let rcr = s.regs[&RCR];
        let racc = s.regs.get(&RACC).copied().unwrap_or(0);
        let mac = {
            let (l, u) = (s.regs[&PALR].to_be_bytes(), s.regs[&PAUR].to_be_bytes());
            [l[0], l[1], l[2], l[3], u[0], u[1]]
        };
        let dest = &f.bytes[..6];
        if rcr & RCR_PROM == 0 && dest != mac && dest != [0xff; 6] {
            return;
        }
        if f.crc_error && racc & RACC_LINEDIS != 0
            || f.ip_checksum_error && racc & RACC_IPDIS != 0
            || f.protocol_checksum_error && !f.fragment && racc & RACC_PRODIS != 0
        {
            s.discarded_by_accelerator += 1;
            return;
        }
        let mut data = f.bytes.clone();
        if rcr & RCR_CRCFWD == 0 {
            data.extend_from_slice(&[0xde, 0xad, 0xbe, 0xef]);
        }
        data.truncate(2047); // FTRL
        let mrbr = s.regs.get(&MRBR).copied().unwrap_or(0) as usize;
        if mrbr == 0 || mrbr % 16 != 0 || mrbr > BUF_LEN {
            s.violations.push(format!("MRBR = {mrbr}"));
            return;
        }
        // Enough empty descriptors in W order?
        let needed = data.len().div_ceil(mrbr);
        let mut chain = Vec::new();
        let mut p = s.rx_ptr;
        for _ in 0..needed {
            let Some(i) = self.rx_index(p) else {
                s.violations
                    .push(format!("RX descriptor pointer {p} outside the ring"));
                return;
            };
            let d = &self.rings.rx[i];
            if d.flags() & rx::E == 0 {
                s.dropped += 1;
                s.rdar = false;
                return;
            }
            chain.push(i);
            p = if d.flags() & rx::W != 0 { 0 } else { i + 1 };
        }
        let max_fl = ((rcr >> RCR_MAX_FL_SHIFT) & 0x3fff) as usize;
        let frame_len = f.bytes.len();
        for (k, &i) in chain.iter().enumerate() {
            let d = &self.rings.rx[i];
            let buf = match self
                .rings
                .rx_buf
                .iter()
                .position(|b| b.addr() == d.buffer())
            {
                Some(b) => &self.rings.rx_buf[b],
                None => {
                    s.violations.push(format!(
                        "RX descriptor {i}: buffer {:#x} unknown",
                        d.buffer()
                    ));
                    return;
                }
            };
            if d.buffer() % 16 != 0 {
                s.violations
                    .push(format!("RX buffer {:#x} not 16-byte aligned", d.buffer()));
            }
            let chunk = &data[k * mrbr..data.len().min((k + 1) * mrbr)];
            // SAFETY (model): the descriptor is empty, so the DMA owns the buffer.
            #[allow(unsafe_code)]
            unsafe {
                core::ptr::copy_nonoverlapping(chunk.as_ptr(), buf.ptr(), chunk.len())
            };
            let wrap = d.flags() & rx::W;
            let last = k == chain.len() - 1;
            let (len, mut flags) = if last { (data.len(), rx::L) } else { (mrbr, 0) };
            let mut ext0 = 0;
            if last {
                if frame_len + 4 > max_fl {
                    flags |= rx::LG;
                }
                if f.crc_error {
                    flags |= rx::CR;
                }
                if f.ip_checksum_error {
                    ext0 |= rx::ICE;
                }
                if f.protocol_checksum_error && !f.fragment {
                    ext0 |= rx::PCR;
                }
                if f.fragment {
                    ext0 |= rx::FRAG;
                }
            }
            d.set_ext(ext0, 0);
            d.bdu_word().set(BDU);
            d.set_len_flags(len as u16, flags | wrap);
        }
        s.rx_ptr = p;
    }

    fn transmit(&self) {
        let mut s = self.s.borrow_mut();
        if s.tx_stalled {
            return;
        }
        let tacc = s.regs.get(&TACC).copied().unwrap_or(0);
        while s.tdar {
            let mut frame = Vec::new();
            let mut p = s.tx_ptr;
            let mut descs = Vec::new();
            loop {
                if p >= TX {
                    s.violations
                        .push(format!("TX descriptor pointer {p} outside the ring"));
                    s.tdar = false;
                    return;
                }
                let d = &self.rings.tx[p];
                if d.flags() & tx::R == 0 {
                    if !descs.is_empty() {
                        s.violations
                            .push("TX frame without L before a free descriptor".into());
                    }
                    s.tdar = false;
                    return;
                }
                let Some(b) = self
                    .rings
                    .tx_buf
                    .iter()
                    .position(|b| b.addr() == d.buffer())
                else {
                    s.violations
                        .push(format!("TX buffer {:#x} unknown", d.buffer()));
                    s.tdar = false;
                    return;
                };
                let len = usize::from(d.data_len());
                if len > BUF_LEN {
                    s.violations.push(format!("TX length {len}"));
                }
                // SAFETY (model): R is set, so the DMA owns the buffer.
                #[allow(unsafe_code)]
                let bytes = unsafe {
                    core::slice::from_raw_parts(self.rings.tx_buf[b].ptr(), len.min(BUF_LEN))
                };
                frame.extend_from_slice(bytes);
                descs.push(p);
                p = if d.flags() & tx::W != 0 { 0 } else { p + 1 };
                if d.flags() & tx::L != 0 {
                    if d.flags() & tx::TC == 0 {
                        s.violations
                            .push("TX frame without TC: no FCS appended".into());
                    }
                    break;
                }
            }
            if tacc & TACC_IPCHK != 0 {
                insert_ipv4_checksum(&mut frame, &mut s.violations);
            }
            let fail = core::mem::take(&mut s.tx_fail_next);
            for &i in &descs {
                let d = &self.rings.tx[i];
                d.set_ext(if fail { tx::TXE } else { 0 }, (d.ext() >> 16) as u16);
                d.bdu_word().set(BDU);
                d.set_len_flags(d.data_len(), d.flags() & !tx::R);
            }
            if !fail {
                s.sent.push(frame);
            }
            s.tx_ptr = p;
        }
    }
}

/// What the accelerator does for `TACC.IPCHK`: an IPv4 header's checksum field must be zero
/// (the manual's condition); it is then filled in.
fn insert_ipv4_checksum(frame: &mut [u8], violations: &mut Vec<String>) {
    if frame.len() < 34 || frame[12..14] != [0x08, 0x00] {
        return;
    }
    let ihl = usize::from(frame[14] & 0x0f) * 4;
    if frame[24..26] != [0, 0] {
        violations.push("IPv4 header checksum field not zero with IPCHK".into());
        return;
    }
    let sum = checksum(&frame[14..14 + ihl]);
    frame[24..26].copy_from_slice(&sum.to_be_bytes());
}

/// The Internet checksum of `data`.
pub fn checksum(data: &[u8]) -> u16 {
    let mut sum: u32 = data
        .chunks(2)
        .map(|c| u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])))
        .sum();
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

impl<const RX: usize, const TX: usize> Regs for Dma<RX, TX> {
    fn read(&self, offset: u16) -> u32 {
        let mut s = self.s.borrow_mut();
        match offset {
            ECR => {
                if s.ecr & ECR_RESET != 0 {
                    if s.reset_reads == 0 {
                        s.ecr = 0xf000_0000;
                    } else if s.reset_reads != u32::MAX {
                        s.reset_reads -= 1;
                    }
                }
                s.ecr
            }
            EIR => {
                if let Some(n) = s.mdio_pending {
                    if n == 0 {
                        s.mdio_pending = None;
                        s.eir |= EIR_MII;
                    } else {
                        s.mdio_pending = Some(n - 1);
                    }
                }
                s.eir
            }
            MMFR => s.mmfr,
            RDAR => u32::from(s.rdar) << 24,
            TDAR => u32::from(s.tdar) << 24,
            IEEE_R_DROP => s.dropped,
            o if PLAIN.contains(&o) => s.regs.get(&o).copied().unwrap_or(0),
            o => {
                s.violations
                    .push(format!("read of unmodelled register {o:#x}"));
                0
            }
        }
    }

    fn write(&self, offset: u16, value: u32) {
        let mut s = self.s.borrow_mut();
        let enabled = s.ecr & ECR_ETHEREN != 0;
        match offset {
            ECR => {
                if value & ECR_RESET != 0 {
                    s.ecr = 0xf000_0000 | ECR_RESET;
                    s.rdar = false;
                    s.tdar = false;
                    return;
                }
                if enabled && value & ECR_ETHEREN == 0 || !enabled && value & ECR_ETHEREN != 0 {
                    // Enabling or disabling sends the uDMA back to the rings' start.
                    s.rx_ptr = 0;
                    s.tx_ptr = 0;
                    s.rdar = false;
                    s.tdar = false;
                }
                if value & ECR_ETHEREN != 0 {
                    if value & ECR_EN1588 == 0 {
                        s.violations
                            .push("ETHEREN without EN1588: legacy descriptors".into());
                    }
                    if value & ECR_DBSWP == 0 {
                        s.violations
                            .push("ETHEREN without DBSWP: big-endian descriptors".into());
                    }
                    let (rdsr, tdsr) = (s.regs.get(&RDSR).copied(), s.regs.get(&TDSR).copied());
                    if rdsr != Some(self.rings.rx_addr()) || tdsr != Some(self.rings.tx_addr()) {
                        s.violations
                            .push(format!("enabled with RDSR {rdsr:x?} TDSR {tdsr:x?}"));
                    }
                    if self.rings.rx_addr() % 16 != 0 || self.rings.tx_addr() % 16 != 0 {
                        s.violations
                            .push("descriptor ring not 16-byte aligned".into());
                    }
                }
                s.ecr = 0xf000_0000 | value;
            }
            EIR => s.eir &= !value,
            MMFR => {
                if s.mdio_pending.is_some() {
                    s.violations.push("MMFR written while a frame runs".into());
                }
                if value >> 30 != 0b01 || (value >> 16) & 3 != 0b10 {
                    s.violations
                        .push(format!("MMFR {value:#010x}: ST or TA wrong"));
                }
                let (phy, reg) = (((value >> 23) & 31) as u8, ((value >> 18) & 31) as u8);
                let data = match (value >> 28) & 3 {
                    0b01 => {
                        s.phy.frame(phy, reg, Some(value as u16));
                        value & 0xffff
                    }
                    0b10 => u32::from(s.phy.frame(phy, reg, None)),
                    op => {
                        s.violations.push(format!("MMFR op {op:#b}"));
                        0
                    }
                };
                s.mmfr = (value & 0xffff_0000) | data;
                s.mdio_pending = Some(s.mdio_latency);
            }
            RDAR => s.rdar = enabled,
            TDAR => s.tdar = enabled,
            o if PLAIN.contains(&o) => {
                if enabled && WHILE_DISABLED.contains(&o) {
                    s.violations
                        .push(format!("{o:#x} written while ETHEREN is set"));
                }
                if (o == RDSR || o == TDSR) && value % 16 != 0 {
                    s.violations
                        .push(format!("{o:#x} = {value:#x}: not 16-byte aligned"));
                }
                s.regs.insert(o, value);
            }
            o => s
                .violations
                .push(format!("write of unmodelled register {o:#x}")),
        }
    }
}
