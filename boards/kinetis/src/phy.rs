//! The KSZ8081RNA PHY (Microchip datasheet DS00002199) as a non-blocking state machine over
//! MDIO: reset, identify, 50 MHz RMII clock mode, advertise, auto-negotiate, then watch the
//! link.
//!
//! [`Ksz8081::poll`] does at most one MDIO step per call: it collects the result of the
//! transaction started by the previous call (if the MAC has finished it) and starts the next
//! one. A management frame takes about 26 µs at a 2.5 MHz MDC, so the superloop, which asks
//! for the link state on every pass, never waits for the PHY; the link is re-read every
//! second call.
//!
//! The sequence, in states:
//!
//! 1. `Id1`, `Id2`: PHYID1 must read `0x0022` and PHYID2 `0x156x` (Microchip's OUI, model
//!    0x16 = KSZ8081); anything else, 0xffff on a bus with no PHY for one, is
//!    [`Fault::WrongId`], and nothing is written to a PHY the driver does not know.
//! 2. `Reset`: BMCR ← reset, then read BMCR until the reset bit clears (at most
//!    [`RESET_POLLS`] reads; the datasheet's reset takes well under a millisecond).
//! 3. `Ctrl2`: PHY Control 2 (0x1f) bit 7 set: "RMII 50 MHz clock mode". The KSZ8081**RNA**
//!    defaults to a 25 MHz crystal at XI; the FRDM-K64F feeds XI from the same 50 MHz
//!    oscillator as the MCU's EXTAL0, so without this the PHY's RMII timing is wrong.
//!    (Read, then written back with the bit: the register's other defaults stay.)
//! 4. `Advertise`: ANAR ← 10/100, half/full duplex, symmetric pause (the MAC honours
//!    pause frames, `RCR.FCE`).
//! 5. `Negotiate`: BMCR ← auto-negotiation enable | restart.
//! 6. `Watch`: read BMSR; link up and auto-negotiation complete → read PHY Control 1
//!    (0x1e) for the operation mode (speed, duplex) → [`Link::Up`]. BMSR's link bit latches
//!    low, so a drop between two reads is still seen. On link loss the PHY restarts
//!    negotiation by itself; the machine keeps watching.
//!
//! A fault (a reset that never ends, a wrong id) is reported by [`Ksz8081::fault`] and the
//! machine starts over after [`RETRY_POLLS`] calls, so a PHY that comes up late (its reset
//! pin, its clock) is found without a reboot.

#[cfg(test)]
pub(crate) mod model;
#[cfg(test)]
mod tests;

/// Management interface (MDIO): one transaction at a time, non-blocking.
pub trait Mdio {
    /// Start reading register `reg` of the PHY at address `phy`.
    fn start_read(&mut self, phy: u8, reg: u8);
    /// Start writing `value` to register `reg` of the PHY at address `phy`.
    fn start_write(&mut self, phy: u8, reg: u8, value: u16);
    /// The data of the finished transaction (anything for a write); `None` while it runs.
    fn poll(&mut self) -> Option<u16>;
}

/// Basic control register.
pub const BMCR: u8 = 0x00;
/// Basic status register.
pub const BMSR: u8 = 0x01;
/// PHY identifier 1.
pub const PHYID1: u8 = 0x02;
/// PHY identifier 2.
pub const PHYID2: u8 = 0x03;
/// Auto-negotiation advertisement.
pub const ANAR: u8 = 0x04;
/// PHY Control 1 (operation mode indication in bits 2:0).
pub const PHYCTRL1: u8 = 0x1e;
/// PHY Control 2 (RMII reference clock select in bit 7).
pub const PHYCTRL2: u8 = 0x1f;

/// BMCR: software reset (self-clearing).
pub const BMCR_RESET: u16 = 1 << 15;
/// BMCR: auto-negotiation enable.
pub const BMCR_ANEN: u16 = 1 << 12;
/// BMCR: restart auto-negotiation (self-clearing).
pub const BMCR_RESTART_AN: u16 = 1 << 9;
/// BMSR: auto-negotiation complete.
pub const BMSR_AN_DONE: u16 = 1 << 5;
/// BMSR: link up (latches low).
pub const BMSR_LINK: u16 = 1 << 2;
/// ANAR: symmetric pause, 100 full, 100 half, 10 full, 10 half, IEEE 802.3 selector.
pub const ANAR_ALL: u16 = 0x0400 | 0x0100 | 0x0080 | 0x0040 | 0x0020 | 0x0001;
/// PHY Control 2: RMII reference clock 50 MHz.
pub const PHYCTRL2_RMII_50MHZ: u16 = 1 << 7;
/// PHYID1 of every Micrel/Microchip KSZ80xx.
pub const ID1: u16 = 0x0022;
/// PHYID2 of the KSZ8081 without its revision bits (3:0).
pub const ID2: u16 = 0x1560;

/// BMCR reads after the reset before it counts as a fault.
pub const RESET_POLLS: u16 = 1000;
/// Calls to [`Ksz8081::poll`] between a fault and the next attempt.
pub const RETRY_POLLS: u32 = 10_000;

/// What the link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// No link (or not negotiated yet).
    Down,
    /// Link up with the negotiated mode.
    Up {
        /// 100 Mbit/s (else 10).
        fast: bool,
        /// Full duplex (else half).
        full_duplex: bool,
    },
}

/// Why the PHY is not usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// BMCR's reset bit did not clear.
    ResetTimeout,
    /// The identifier registers read something else than a KSZ8081.
    WrongId(u16, u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Reset,
    ResetPoll(u16),
    Id1,
    Id2(u16),
    Ctrl2Read,
    Ctrl2Write,
    Advertise,
    Negotiate,
    Watch,
    Mode,
    Fault(u32),
}

/// The state machine (see the module documentation).
#[derive(Debug)]
pub struct Ksz8081 {
    addr: u8,
    state: State,
    /// An MDIO transaction is running; its result belongs to `state`.
    busy: bool,
    link: Link,
    fault: Option<Fault>,
    resets: u32,
    /// PHY Control 2 as read, to be written back with the 50 MHz bit.
    ctrl2: u16,
}

impl Ksz8081 {
    /// A PHY at MDIO address `addr` (0 on the FRDM-K64F), not yet identified.
    pub const fn new(addr: u8) -> Self {
        Ksz8081 {
            addr,
            state: State::Id1,
            busy: false,
            link: Link::Down,
            fault: None,
            resets: 0,
            ctrl2: 0,
        }
    }

    /// The link as last seen.
    pub fn link(&self) -> Link {
        self.link
    }

    /// The last fault, if the PHY has not come up since.
    pub fn fault(&self) -> Option<Fault> {
        self.fault
    }

    /// How many times the PHY was reset (1 after a clean bring-up).
    pub fn resets(&self) -> u32 {
        self.resets
    }

    /// One step: finish the running MDIO transaction if it is done, start the next. Returns
    /// the link.
    pub fn poll(&mut self, mdio: &mut impl Mdio) -> Link {
        let data = if self.busy {
            match mdio.poll() {
                Some(d) => {
                    self.busy = false;
                    Some(d)
                }
                None => return self.link,
            }
        } else {
            None
        };
        if let Some(d) = data {
            self.state = self.on_result(d);
        }
        self.start(mdio);
        self.link
    }

    /// The state after the result `d` of the transaction `self.state` started.
    fn on_result(&mut self, d: u16) -> State {
        match self.state {
            State::Reset => State::ResetPoll(0),
            State::ResetPoll(_) if d & BMCR_RESET == 0 => State::Ctrl2Read,
            State::ResetPoll(n) if n + 1 >= RESET_POLLS => self.failed(Fault::ResetTimeout),
            State::ResetPoll(n) => State::ResetPoll(n + 1),
            State::Id1 => State::Id2(d),
            State::Id2(id1) if id1 == ID1 && d & 0xfff0 == ID2 => State::Reset,
            State::Id2(id1) => self.failed(Fault::WrongId(id1, d)),
            State::Ctrl2Read => {
                self.ctrl2 = d;
                State::Ctrl2Write
            }
            State::Ctrl2Write => State::Advertise,
            State::Advertise => State::Negotiate,
            State::Negotiate => {
                self.fault = None;
                State::Watch
            }
            State::Watch if d & (BMSR_LINK | BMSR_AN_DONE) == BMSR_LINK | BMSR_AN_DONE => {
                State::Mode
            }
            State::Watch => {
                self.link = Link::Down;
                State::Watch
            }
            // Operation mode: 001 10/half, 010 100/half, 101 10/full, 110 100/full; 000 (still
            // negotiating) and the reserved codes are no link yet.
            State::Mode => {
                self.link = match d & 0b111 {
                    0b001 => Link::Up {
                        fast: false,
                        full_duplex: false,
                    },
                    0b010 => Link::Up {
                        fast: true,
                        full_duplex: false,
                    },
                    0b101 => Link::Up {
                        fast: false,
                        full_duplex: true,
                    },
                    0b110 => Link::Up {
                        fast: true,
                        full_duplex: true,
                    },
                    _ => Link::Down,
                };
                State::Watch
            }
            State::Fault(_) => State::Fault(0),
        }
    }

    fn failed(&mut self, fault: Fault) -> State {
        self.fault = Some(fault);
        self.link = Link::Down;
        State::Fault(0)
    }

    /// Start the transaction of `self.state` (or count down a fault).
    fn start(&mut self, mdio: &mut impl Mdio) {
        let a = self.addr;
        match self.state {
            State::Reset => {
                self.resets += 1;
                mdio.start_write(a, BMCR, BMCR_RESET);
            }
            State::ResetPoll(_) => mdio.start_read(a, BMCR),
            State::Id1 => mdio.start_read(a, PHYID1),
            State::Id2(_) => mdio.start_read(a, PHYID2),
            State::Ctrl2Read => mdio.start_read(a, PHYCTRL2),
            State::Ctrl2Write => mdio.start_write(a, PHYCTRL2, self.ctrl2 | PHYCTRL2_RMII_50MHZ),
            State::Advertise => mdio.start_write(a, ANAR, ANAR_ALL),
            State::Negotiate => mdio.start_write(a, BMCR, BMCR_ANEN | BMCR_RESTART_AN),
            State::Watch => mdio.start_read(a, BMSR),
            State::Mode => mdio.start_read(a, PHYCTRL1),
            State::Fault(n) if n >= RETRY_POLLS => {
                self.state = State::Id1;
                return self.start(mdio);
            }
            State::Fault(n) => {
                self.state = State::Fault(n + 1);
                return;
            }
        }
        self.busy = true;
    }
}
