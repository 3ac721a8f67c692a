//! The FRDM-K64F's clock plan, as numbers checked at compile time and in the tests.
//!
//! The board has one 50 MHz oscillator; it drives the KSZ8081's XI (RMII 50 MHz clock mode)
//! and the MCU's EXTAL0 pin. The MCU uses it twice: as the RMII reference clock of the ENET
//! (`SIM_SOPT2.RMIISRC` = EXTAL) and as the MCG's external reference (OSC0 in external clock
//! mode: `MCG_C2.EREFS0` = 0, no crystal to start). From it, MCG mode PEE:
//!
//! - PLL: 50 MHz / ([`PLAN`]`.prdiv` + 1 = 20) = 2.5 MHz reference (the PLL takes 2..4 MHz),
//!   × (`vdiv` + 24 = 48) = 120 MHz, the MK64FN1M0VLL12's maximum core clock.
//! - `SIM_CLKDIV1`: core and system ÷1 = 120 MHz, bus ÷2 = 60 MHz, FlexBus ÷3 = 40 MHz,
//!   flash ÷5 = 24 MHz (limits from the K64 data sheet: 120, 60, 50, 25 MHz). The dividers
//!   are set while the core still runs from the 50 MHz reference, before the switch to the
//!   PLL, so no clock is ever above its limit.
//! - FLL reference while passing through FBE and PBE: 50 MHz / 1536 (`FRDIV` = 7 with
//!   `RANGE0` ≠ 0) = 32.55 kHz, inside the FLL's 31.25..39.0625 kHz.
//!
//! **Flash wait states**: the K64's flash controller inserts them itself from the ratio of
//! the core to the flash clock (`FMC_PFB0CR.B0RWSC` is read-only); what software must do is
//! keep the flash clock at or below 25 MHz, which `OUTDIV4` does.
//!
//! Derived: the ENET's MDC from the system clock ([`mscr`]), UART0's baud divisor from the
//! system clock ([`uart_divisor`]), the PIT's tick from the bus clock.

/// The external reference on EXTAL0: the board's 50 MHz oscillator.
pub const EXT_HZ: u32 = 50_000_000;

/// MCG and SIM divider settings, as register field values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// `MCG_C5.PRDIV0`: the PLL reference divider is `prdiv + 1`.
    pub prdiv: u8,
    /// `MCG_C6.VDIV0`: the PLL multiplier is `vdiv + 24`.
    pub vdiv: u8,
    /// `MCG_C1.FRDIV` (with `RANGE0` ≠ 0: 7 divides by 1536).
    pub frdiv: u8,
    /// `SIM_CLKDIV1.OUTDIV1..4`: core/system, bus, FlexBus, flash; each divides by n + 1.
    pub outdiv: [u8; 4],
}

/// The plan the board runs (see the module documentation).
pub const PLAN: Plan = Plan {
    prdiv: 19,
    vdiv: 24,
    frdiv: 7,
    outdiv: [0, 1, 2, 4],
};

const _: () = assert!(PLAN.check().is_ok(), "the clock plan breaks a limit");

impl Plan {
    /// PLL reference (Hz).
    pub const fn pll_ref_hz(&self) -> u32 {
        EXT_HZ / (self.prdiv as u32 + 1)
    }
    /// PLL output, MCGOUTCLK in PEE (Hz).
    pub const fn pll_hz(&self) -> u32 {
        self.pll_ref_hz() * (self.vdiv as u32 + 24)
    }
    /// Core and system clock (Hz): the ENET, UART0 and SysTick run from it.
    pub const fn core_hz(&self) -> u32 {
        self.pll_hz() / (self.outdiv[0] as u32 + 1)
    }
    /// Bus clock (Hz): the PIT runs from it.
    pub const fn bus_hz(&self) -> u32 {
        self.pll_hz() / (self.outdiv[1] as u32 + 1)
    }
    /// FlexBus clock (Hz).
    pub const fn flexbus_hz(&self) -> u32 {
        self.pll_hz() / (self.outdiv[2] as u32 + 1)
    }
    /// Flash clock (Hz).
    pub const fn flash_hz(&self) -> u32 {
        self.pll_hz() / (self.outdiv[3] as u32 + 1)
    }
    /// FLL reference during FBE and PBE (Hz, rounded down): with `RANGE0` ≠ 0, FRDIV 0..5
    /// divides by 32 << FRDIV, 6 by 1280, 7 by 1536.
    pub const fn fll_ref_hz(&self) -> u32 {
        let div = match self.frdiv {
            0..=5 => 32 << self.frdiv,
            6 => 1280,
            _ => 1536,
        };
        EXT_HZ / div
    }

    /// Whether every clock is inside the K64's limits; the first one broken otherwise.
    pub const fn check(&self) -> Result<(), &'static str> {
        let r = self.pll_ref_hz();
        if r < 2_000_000 || r > 4_000_000 {
            return Err("PLL reference outside 2..4 MHz");
        }
        let p = self.pll_hz();
        if p < 48_000_000 || p > 120_000_000 {
            return Err("PLL output outside 48..120 MHz");
        }
        if self.core_hz() > 120_000_000 {
            return Err("core clock above 120 MHz");
        }
        if self.bus_hz() > 60_000_000 {
            return Err("bus clock above 60 MHz");
        }
        if self.flexbus_hz() > 50_000_000 {
            return Err("FlexBus clock above 50 MHz");
        }
        if self.flash_hz() > 25_000_000 {
            return Err("flash clock above 25 MHz");
        }
        if self.core_hz() % self.bus_hz() != 0 || self.core_hz() % self.flash_hz() != 0 {
            return Err("bus and flash clocks must divide the core clock");
        }
        let f = self.fll_ref_hz();
        if f < 31_250 || f > 39_063 {
            return Err("FLL reference outside 31.25..39.0625 kHz");
        }
        Ok(())
    }
}

/// `ENET_MSCR` for a module clock of `hz`: MDC at most 2.5 MHz (IEEE 802.3 clause 22),
/// `MII_SPEED` = ⌈hz / 5 MHz⌉ − 1, and a hold time on MDIO of at least 10 ns
/// (`HOLDTIME` = ⌈10 ns × hz⌉ − 1).
pub const fn mscr(hz: u32) -> u32 {
    let mii_speed = hz.div_ceil(5_000_000) - 1;
    let hold = ((hz as u64 * 10).div_ceil(1_000_000_000) - 1) as u32;
    (mii_speed << 1) | (hold << 8)
}

/// MDC frequency for an `MSCR` value and module clock (Hz).
pub const fn mdc_hz(mscr: u32, hz: u32) -> u32 {
    hz / ((((mscr >> 1) & 0x3f) + 1) * 2)
}

/// UART0's divisor for `baud` from a module clock of `hz`: baud = hz / (16 × (SBR +
/// BRFA/32)), so 32 × SBR + BRFA = 2 × hz / baud, rounded. Returns (SBR, BRFA).
pub const fn uart_divisor(hz: u32, baud: u32) -> (u16, u8) {
    let total = (2 * hz as u64 + baud as u64 / 2) / baud as u64;
    ((total / 32) as u16, (total % 32) as u8)
}

/// The baud rate a divisor gives.
pub const fn uart_baud(hz: u32, sbr: u16, brfa: u8) -> u32 {
    (2 * hz as u64 / (32 * sbr as u64 + brfa as u64)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_gives_120_mhz_and_keeps_every_limit() {
        assert_eq!(PLAN.pll_ref_hz(), 2_500_000);
        assert_eq!(PLAN.core_hz(), 120_000_000);
        assert_eq!(PLAN.bus_hz(), 60_000_000);
        assert_eq!(PLAN.flexbus_hz(), 40_000_000);
        assert_eq!(PLAN.flash_hz(), 24_000_000);
        assert_eq!(PLAN.fll_ref_hz(), 32_552);
        assert_eq!(PLAN.check(), Ok(()));
    }

    #[test]
    fn a_plan_that_breaks_a_limit_is_named() {
        let fast_flash = Plan {
            outdiv: [0, 1, 2, 3],
            ..PLAN
        };
        assert_eq!(fast_flash.check(), Err("flash clock above 25 MHz"));
        let overclock = Plan { vdiv: 26, ..PLAN };
        assert_eq!(overclock.check(), Err("PLL output outside 48..120 MHz"));
        let high_ref = Plan {
            prdiv: 9,
            vdiv: 0,
            ..PLAN
        };
        assert_eq!(high_ref.check(), Err("PLL reference outside 2..4 MHz"));
        let fll = Plan { frdiv: 5, ..PLAN };
        assert_eq!(fll.check(), Err("FLL reference outside 31.25..39.0625 kHz"));
    }

    #[test]
    fn mdc_is_at_most_2_5_mhz_with_10_ns_hold() {
        let v = mscr(PLAN.core_hz());
        assert_eq!((v >> 1) & 0x3f, 23, "MII_SPEED: 120 MHz / 48");
        assert_eq!(mdc_hz(v, PLAN.core_hz()), 2_500_000);
        assert_eq!((v >> 8) & 7, 1, "two module clocks (16.7 ns) of hold");
        for hz in [20_971_520, 48_000_000, 50_000_000, 100_000_000] {
            assert!(mdc_hz(mscr(hz), hz) <= 2_500_000, "{hz}");
        }
    }

    #[test]
    fn uart0_runs_115200_within_a_tenth_of_a_percent() {
        let (sbr, brfa) = uart_divisor(PLAN.core_hz(), 115_200);
        assert_eq!((sbr, brfa), (65, 3));
        let actual = uart_baud(PLAN.core_hz(), sbr, brfa);
        assert!(actual.abs_diff(115_200) * 1000 < 115_200, "{actual}");
    }
}
