//! A model of the LAN9118 for the host tests, written from the datasheet: the registers the
//! driver touches, the RX/TX data and status FIFOs with their sizes, the address filter,
//! soft reset, the MAC CSR and MII indirections, and the failure behaviour (drops counted
//! in `RX_DROP`, `RXE` on reading an empty RX data FIFO, `TDFO` on a TX overrun).
//!
//! Anything the model does not know (a write to an unmodelled register, a FIFO dump with the
//! receiver running) is recorded in `violations`, which the tests check is empty.

extern crate std;

use crate::regs::*;
use crate::Regs;
use std::collections::VecDeque;
use std::format;
use std::string::String;
use std::vec::Vec;

/// Frame check sequence bytes the model appends (not a real CRC: the driver drops it).
const FCS: [u8; 4] = [0xde, 0xad, 0xbe, 0xef];

#[derive(Default)]
struct TxFrame {
    size: usize,
    length: usize,
    cmd_b: bool,
    bytes: Vec<u8>,
    words: usize,
}

pub struct Chip {
    pub byte_test: u32,
    /// Reads of `HW_CFG` during which `SRST` stays set (`u32::MAX`: forever).
    pub reset_reads: u32,
    resetting: Option<u32>,
    pub mac: [u8; 6],
    pub mac_cr: u32,
    csr_data: u32,
    csr_cmd: u32,
    /// Whether `MAC_CSR_CMD.CSRBusy` never clears.
    pub csr_stuck: bool,
    mii_data: u32,
    pub phy: [u32; 32],
    /// What the link partner advertises (`PHY_ANLPAR` after a PHY reset).
    pub partner: u32,
    pub int_sts: u32,
    int_en: u32,
    rx_cfg: u32,
    pub tx_cfg: u32,
    pub rx_status: VecDeque<u32>,
    pub rx_data: VecDeque<u32>,
    /// RX status FIFO capacity in entries, RX data FIFO capacity in bytes.
    pub rx_status_cap: usize,
    pub rx_data_cap: usize,
    pub rx_drop: u32,
    pub tx_free: u32,
    tx: Option<TxFrame>,
    pub sent: Vec<Vec<u8>>,
    pub tx_status: VecDeque<u32>,
    pub resets: u32,
    pub violations: Vec<String>,
}

impl Chip {
    pub fn new(mac: [u8; 6]) -> Chip {
        let mut chip = Chip {
            byte_test: BYTE_TEST_VALUE,
            reset_reads: 3,
            resetting: None,
            mac,
            mac_cr: 0,
            csr_data: 0,
            csr_cmd: 0,
            csr_stuck: false,
            mii_data: 0,
            phy: [0; 32],
            partner: 0x45e1, // 10/100, half and full duplex
            int_sts: 0,
            int_en: 0,
            rx_cfg: 0,
            tx_cfg: 0,
            rx_status: VecDeque::new(),
            rx_data: VecDeque::new(),
            rx_status_cap: 704 / 4,
            rx_data_cap: 10_560,
            rx_drop: 0,
            tx_free: 4608,
            tx: None,
            sent: Vec::new(),
            tx_status: VecDeque::new(),
            resets: 0,
            violations: Vec::new(),
        };
        chip.reset();
        chip
    }

    fn reset(&mut self) {
        self.resets += 1;
        self.mac_cr = MAC_CR_PRMS;
        self.int_sts = 0;
        self.int_en = 0;
        self.rx_cfg = 0;
        self.tx_cfg = 0;
        self.rx_status.clear();
        self.rx_data.clear();
        self.tx = None;
        self.tx_status.clear();
        self.phy_reset();
    }

    fn phy_reset(&mut self) {
        self.phy = [0; 32];
        self.phy[PHY_BCR as usize] = 0x3000;
        self.phy[PHY_BSR as usize] = 0x782d; // link up, auto-negotiation complete
        self.phy[PHY_ANAR as usize] = ANAR_ALL;
        self.phy[PHY_ANLPAR as usize] = self.partner;
    }

    /// A frame arrives from the wire; `false` if the chip does not keep it.
    pub fn deliver(&mut self, frame: &[u8]) -> bool {
        if self.mac_cr & MAC_CR_RXEN == 0 {
            return false;
        }
        let dest = &frame[..6];
        let pass = self.mac_cr & MAC_CR_PRMS != 0 || dest == self.mac || dest == [0xff; 6];
        if !pass {
            return false;
        }
        let mut bytes = frame.to_vec();
        bytes.extend_from_slice(&FCS);
        let status = ((bytes.len() as u32) << 16) | if dest == [0xff; 6] { 1 << 13 } else { 0 };
        self.push_raw(status, &bytes)
    }

    /// A status word and data as the MAC would queue them (for malformed cases).
    pub fn push_raw(&mut self, status: u32, bytes: &[u8]) -> bool {
        let words = bytes.len().div_ceil(4);
        let used = self.rx_data.len() * 4;
        if self.rx_status.len() == self.rx_status_cap || used + words * 4 > self.rx_data_cap {
            self.rx_drop += 1;
            return false;
        }
        for chunk in bytes.chunks(4) {
            let mut w = [0u8; 4];
            w[..chunk.len()].copy_from_slice(chunk);
            self.rx_data.push_back(u32::from_le_bytes(w));
        }
        self.rx_status.push_back(status);
        true
    }

    fn mac_reg(&mut self, index: u32) -> u32 {
        match index as u8 {
            MAC_CR => self.mac_cr,
            MAC_ADDRH => u32::from_le_bytes([self.mac[4], self.mac[5], 0, 0]),
            MAC_ADDRL => u32::from_le_bytes([self.mac[0], self.mac[1], self.mac[2], self.mac[3]]),
            MII_ACC => 0, // MII operations complete at once here
            MII_DATA => self.mii_data,
            other => {
                self.violations.push(format!("read of MAC CSR {other}"));
                0
            }
        }
    }

    fn set_mac_reg(&mut self, index: u32, value: u32) {
        match index as u8 {
            MAC_CR => {
                if self.mac_cr & MAC_CR_RXEN != 0 && value & MAC_CR_RXEN == 0 {
                    self.int_sts |= INT_RXSTOP;
                }
                self.mac_cr = value;
            }
            MAC_ADDRH => self.mac[4..].copy_from_slice(&value.to_le_bytes()[..2]),
            MAC_ADDRL => self.mac[..4].copy_from_slice(&value.to_le_bytes()),
            MII_DATA => self.mii_data = value & 0xffff,
            MII_ACC => self.mii(value),
            other => self.violations.push(format!("write of MAC CSR {other}")),
        }
    }

    fn mii(&mut self, acc: u32) {
        if acc & MII_BUSY == 0 {
            return;
        }
        let (addr, reg) = ((acc >> 11) & 0x1f, ((acc >> 6) & 0x1f) as usize);
        if addr != PHY_ADDR {
            self.mii_data = 0xffff; // nobody answers at that address
            return;
        }
        if acc & MII_WRITE == 0 {
            self.mii_data = self.phy[reg];
        } else if reg == PHY_BCR as usize && self.mii_data & BCR_RESET != 0 {
            self.phy_reset();
        } else {
            self.phy[reg] = self.mii_data;
        }
    }

    fn tx_push(&mut self, word: u32) {
        let Some(frame) = self.tx.as_mut() else {
            // Command A.
            let size = (word & 0x7ff) as usize;
            if word & (TXA_FIRST | TXA_LAST) != TXA_FIRST | TXA_LAST || word & 0x031f_0000 != 0 {
                self.violations
                    .push(format!("unexpected TX command A {word:#x}"));
            }
            if size.div_ceil(4) * 4 + 8 > self.tx_free as usize {
                self.int_sts |= INT_TDFO;
            }
            self.tx = Some(TxFrame {
                size,
                ..TxFrame::default()
            });
            return;
        };
        if !frame.cmd_b {
            frame.cmd_b = true;
            frame.length = (word & 0x7ff) as usize;
            self.tx_status.push_back(word & 0xffff_0000);
        } else {
            frame.bytes.extend_from_slice(&word.to_le_bytes());
            frame.words += 1;
        }
        if frame.cmd_b && frame.words == frame.size.div_ceil(4) {
            let mut frame = self.tx.take().unwrap_or_default();
            if frame.length != frame.size {
                self.violations
                    .push(format!("TX lengths {} / {}", frame.size, frame.length));
            }
            frame.bytes.truncate(frame.length);
            if self.int_sts & INT_TDFO == 0 {
                self.sent.push(frame.bytes);
            }
        }
    }
}

impl Regs for Chip {
    fn read(&mut self, offset: u16) -> u32 {
        match offset {
            0x00..=0x1c => self.rx_data.pop_front().unwrap_or_else(|| {
                self.int_sts |= INT_RXE;
                0
            }),
            RX_STATUS_FIFO => self.rx_status.pop_front().unwrap_or(0),
            TX_STATUS_FIFO => self.tx_status.pop_front().unwrap_or(0),
            ID_REV => 0x0118_0001,
            INT_STS => self.int_sts,
            INT_EN => self.int_en,
            BYTE_TEST => self.byte_test,
            RX_CFG => self.rx_cfg,
            TX_CFG => self.tx_cfg,
            HW_CFG => match self.resetting {
                Some(0) => {
                    self.resetting = None;
                    self.reset();
                    HW_CFG_MBO | HW_CFG_TX_FIF_SZ_5K
                }
                Some(n) => {
                    self.resetting = Some(n.saturating_sub(u32::from(n != u32::MAX)));
                    HW_CFG_SRST
                }
                None => HW_CFG_MBO | HW_CFG_TX_FIF_SZ_5K,
            },
            RX_FIFO_INF => ((self.rx_status.len() as u32) << 16) | (self.rx_data.len() as u32 * 4),
            TX_FIFO_INF => ((self.tx_status.len() as u32) << 16) | self.tx_free,
            PMT_CTRL => u32::from(self.resetting.is_none()) * PMT_CTRL_READY,
            RX_DROP => core::mem::take(&mut self.rx_drop),
            MAC_CSR_CMD => self.csr_cmd | if self.csr_stuck { CSR_BUSY } else { 0 },
            MAC_CSR_DATA => self.csr_data,
            _ => {
                self.violations.push(format!("read of {offset:#x}"));
                0
            }
        }
    }

    fn write(&mut self, offset: u16, value: u32) {
        match offset {
            0x20..=0x3c => self.tx_push(value),
            IRQ_CFG => {}
            INT_STS => self.int_sts &= !value,
            INT_EN => self.int_en = value,
            RX_CFG => {
                if value & RX_CFG_RX_DUMP != 0 {
                    if self.mac_cr & MAC_CR_RXEN != 0 {
                        self.violations.push("RX_DUMP with the receiver on".into());
                    }
                    self.rx_status.clear();
                    self.rx_data.clear();
                }
                self.rx_cfg = value & !RX_CFG_RX_DUMP;
            }
            TX_CFG => {
                if value & TX_CFG_TXD_DUMP != 0 {
                    self.tx = None;
                    self.int_sts &= !INT_TDFO;
                }
                self.tx_cfg = value & !TX_CFG_TXD_DUMP;
            }
            HW_CFG if value & HW_CFG_SRST != 0 => self.resetting = Some(self.reset_reads),
            HW_CFG => {}
            MAC_CSR_CMD => {
                self.csr_cmd = value & !CSR_BUSY;
                if value & CSR_BUSY != 0 && !self.csr_stuck {
                    if value & CSR_READ != 0 {
                        self.csr_data = self.mac_reg(value & 0xff);
                    } else {
                        self.set_mac_reg(value & 0xff, self.csr_data);
                    }
                }
            }
            MAC_CSR_DATA => self.csr_data = value,
            _ => self
                .violations
                .push(format!("write of {value:#x} to {offset:#x}")),
        }
    }
}
