//! A model of the KSZ8081RNA behind MDIO for the host tests, written from its datasheet: the
//! registers the driver touches with their reset values, the self-clearing reset (which
//! takes a few reads), auto-negotiation against a link partner (a few BMSR reads long), the
//! latching-low link bit, the operation mode in PHY Control 1, and a bus with no PHY (all
//! ones). MDIO transactions take `latency` polls.

extern crate std;

use crate::phy::*;
use std::vec::Vec;

pub struct Phy {
    pub addr: u8,
    pub present: bool,
    pub id2: u16,
    pub regs: [u16; 32],
    /// BMCR reads during which the reset bit stays set (`u16::MAX`: forever).
    pub reset_reads: u16,
    resetting: u16,
    /// Whether a cable to a partner is plugged in.
    pub cable: bool,
    /// What the partner advertises (its ANAR).
    pub partner: u16,
    /// BMSR reads a negotiation takes.
    pub an_reads: u16,
    negotiating: Option<u16>,
    an_done: bool,
    link_latched_low: bool,
    /// Polls an MDIO transaction takes before `poll` returns its data.
    pub latency: u32,
    pending: Option<(u32, u16)>,
    /// Every write: (register, value).
    pub writes: Vec<(u8, u16)>,
    pub resets: u32,
}

impl Phy {
    pub fn new() -> Phy {
        let mut phy = Phy {
            addr: 0,
            present: true,
            id2: 0x1561, // KSZ8081, revision 1
            regs: [0; 32],
            reset_reads: 3,
            resetting: 0,
            cable: true,
            partner: 0x05e1, // 10/100, half and full, pause
            an_reads: 4,
            negotiating: None,
            an_done: false,
            link_latched_low: false,
            latency: 2,
            pending: None,
            writes: Vec::new(),
            resets: 0,
        };
        phy.power_on();
        phy
    }

    fn power_on(&mut self) {
        self.regs = [0; 32];
        self.regs[BMCR as usize] = 0x3100; // AN enabled, 100 Mbit/s, full duplex
        self.regs[PHYID1 as usize] = ID1;
        self.regs[PHYID2 as usize] = self.id2;
        self.regs[ANAR as usize] = 0x01e1;
        self.regs[PHYCTRL2 as usize] = 0x8100; // HP auto MDI/MDI-X, jabber on, 25 MHz mode
        self.an_done = false;
        self.negotiating = Some(self.an_reads);
    }

    /// Unplug or plug the cable.
    pub fn set_cable(&mut self, plugged: bool) {
        if self.cable && !plugged {
            self.link_latched_low = true;
        }
        self.cable = plugged;
        self.an_done = false;
        // The PHY restarts negotiation by itself when the link goes.
        self.negotiating = Some(self.an_reads);
    }

    /// The mode both ends can do best: (100 Mbit/s, full duplex).
    pub fn resolved(&self) -> Option<(bool, bool)> {
        let common = self.regs[ANAR as usize] & self.partner;
        [
            (0x0100, (true, true)),
            (0x0080, (true, false)),
            (0x0040, (false, true)),
            (0x0020, (false, false)),
        ]
        .into_iter()
        .find(|(bit, _)| common & bit != 0)
        .map(|(_, mode)| mode)
    }

    /// Link up as the PHY sees it now.
    pub fn link_up(&self) -> bool {
        self.cable && self.an_done && self.resolved().is_some()
    }

    fn read(&mut self, reg: u8) -> u16 {
        match reg {
            BMCR => {
                if self.resetting > 0 {
                    if self.resetting != u16::MAX {
                        self.resetting -= 1;
                    }
                    if self.resetting == 0 {
                        self.power_on();
                        return self.regs[BMCR as usize];
                    }
                    return BMCR_RESET | self.regs[BMCR as usize];
                }
                self.regs[BMCR as usize]
            }
            BMSR => {
                if let Some(n) = self.negotiating {
                    if self.cable && self.regs[BMCR as usize] & BMCR_ANEN != 0 {
                        if n == 0 {
                            self.negotiating = None;
                            self.an_done = true;
                        } else {
                            self.negotiating = Some(n - 1);
                        }
                    }
                }
                let mut v = 0x7809; // 100/10 full/half capable, AN capable
                if self.an_done {
                    v |= BMSR_AN_DONE;
                }
                if self.link_up() && !self.link_latched_low {
                    v |= BMSR_LINK;
                }
                self.link_latched_low = false;
                v
            }
            PHYCTRL1 => match (self.link_up(), self.resolved()) {
                (true, Some((true, true))) => 0b110,
                (true, Some((true, false))) => 0b010,
                (true, Some((false, true))) => 0b101,
                (true, Some((false, false))) => 0b001,
                _ => 0,
            },
            r => self.regs[usize::from(r & 31)],
        }
    }

    fn write(&mut self, reg: u8, value: u16) {
        self.writes.push((reg, value));
        match reg {
            BMCR if value & BMCR_RESET != 0 => {
                self.resets += 1;
                self.resetting = self.reset_reads.max(1);
            }
            BMCR => {
                self.regs[BMCR as usize] = value & !BMCR_RESTART_AN;
                if value & BMCR_RESTART_AN != 0 {
                    self.an_done = false;
                    self.negotiating = Some(self.an_reads);
                }
            }
            r => self.regs[usize::from(r & 31)] = value,
        }
    }

    /// An MDIO frame to `phy` (`read` or write of `value`), as the MAC sends it: the data the
    /// bus carries back.
    pub fn frame(&mut self, phy: u8, reg: u8, write: Option<u16>) -> u16 {
        if !self.present || phy != self.addr {
            return 0xffff;
        }
        match write {
            Some(v) => {
                self.write(reg, v);
                0
            }
            None => self.read(reg),
        }
    }
}

impl Mdio for Phy {
    fn start_read(&mut self, phy: u8, reg: u8) {
        assert!(
            self.pending.is_none(),
            "MDIO: a transaction started while one runs"
        );
        let d = self.frame(phy, reg, None);
        self.pending = Some((self.latency, d));
    }

    fn start_write(&mut self, phy: u8, reg: u8, value: u16) {
        assert!(
            self.pending.is_none(),
            "MDIO: a transaction started while one runs"
        );
        self.frame(phy, reg, Some(value));
        self.pending = Some((self.latency, 0));
    }

    fn poll(&mut self) -> Option<u16> {
        match self.pending {
            Some((0, d)) => {
                self.pending = None;
                Some(d)
            }
            Some((n, d)) => {
                self.pending = Some((n - 1, d));
                None
            }
            None => panic!("MDIO: polled with no transaction running"),
        }
    }
}
