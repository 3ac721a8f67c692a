//! Clocks and time: the watchdog off, the MCG to 120 MHz (PEE from the 50 MHz reference,
//! the plan in [`kinetis::clock`]), the PIT as a 64-bit monotonic counter, SysTick as the
//! idle wake-up.
//!
//! **Time**: PIT channels 0 and 1 chained (`TCTRL1.CHN`), both loaded with `0xffff_ffff`,
//! count down at the 60 MHz bus clock as one 64-bit counter that wraps after 9,700 years.
//! A read takes channel 1, channel 0, and channel 1 again (and channel 0 once more if
//! channel 1 moved in between), so no interrupt is needed and no tick is ever lost, unlike a
//! millisecond counter kept by an interrupt. (The K64's PIT has a lifetime-timer register
//! pair for this, `LTMR64H/L`, which the vendor SVD does not describe; the three reads do the
//! same.)

use core::sync::atomic::{AtomicBool, Ordering};

use kinetis::clock::PLAN;
use mk64f12_pac as pac;
use rawnet_tcp::Instant;

/// Core/system clock after [`init`].
pub const CORE_HZ: u32 = PLAN.core_hz();
/// Bus clock after [`init`]: the PIT counts at it.
pub const BUS_HZ: u32 = PLAN.bus_hz();

/// Disable the watchdog (on after every reset, with a 250 ms timeout at the reset clock).
/// The unlock sequence's two writes must come within 20 bus clocks of each other, and the
/// update within 256 after: interrupts are off for the three writes.
pub fn disable_watchdog() {
    // SAFETY: the WDOG's registers; nothing else uses them.
    let wdog = unsafe { pac::Wdog::steal() };
    cortex_m::interrupt::free(|_| {
        wdog.unlock()
            .write(|w| unsafe { w.wdogunlock().bits(0xc520) });
        wdog.unlock()
            .write(|w| unsafe { w.wdogunlock().bits(0xd928) });
        wdog.stctrlh().modify(|_, w| w.wdogen().clear_bit());
    });
}

/// MCG from FEI (20.97 MHz, the reset state) through FBE and PBE to PEE at 120 MHz; the
/// `SIM_CLKDIV1` dividers are set before the core leaves the 50 MHz reference. Each wait is
/// on a status bit the manual says follows within microseconds; a board without its
/// 50 MHz oscillator hangs in the first wait (FBE), before anything is logged.
pub fn init() {
    // SAFETY: the MCG and SIM clock registers; `init` runs once, first thing in `main`.
    let (mcg, sim) = unsafe { (pac::Mcg::steal(), pac::Sim::steal()) };
    // OSC0 in external clock mode (EREFS0 = 0: a clock on EXTAL0, no crystal), very high
    // frequency range; OSC0 is the MCG's external reference (OSCSEL = 0).
    mcg.c2()
        .write(|w| unsafe { w.range().bits(2) }.erefs().clear_bit());
    mcg.c7().write(|w| unsafe { w.oscsel().bits(0) });
    // FBE: MCGOUTCLK = the 50 MHz reference; the FLL's reference divided by 1536.
    mcg.c1().write(|w| {
        unsafe { w.clks().bits(0b10).frdiv().bits(PLAN.frdiv) }
            .irefs()
            .clear_bit()
    });
    while mcg.s().read().irefst().bit_is_set() {}
    while mcg.s().read().clkst().bits() != 0b10 {}
    // PBE: the PLL from 50 MHz / 20 = 2.5 MHz, × 48 = 120 MHz; wait for lock.
    mcg.c5().write(|w| unsafe { w.prdiv0().bits(PLAN.prdiv) });
    mcg.c6()
        .write(|w| unsafe { w.vdiv0().bits(PLAN.vdiv) }.plls().set_bit());
    while mcg.s().read().pllst().bit_is_clear() {}
    while mcg.s().read().lock0().bit_is_clear() {}
    let [core, bus, flexbus, flash] = PLAN.outdiv;
    sim.clkdiv1().write(|w| {
        w.outdiv1()
            .set(core)
            .outdiv2()
            .set(bus)
            .outdiv3()
            .set(flexbus)
            .outdiv4()
            .set(flash)
    });
    // PEE: MCGOUTCLK = the PLL.
    mcg.c1().modify(|_, w| unsafe { w.clks().bits(0b00) });
    while mcg.s().read().clkst().bits() != 0b11 {}
}

/// The monotonic clock (a handle: the state is the PIT).
#[derive(Debug, Clone, Copy)]
pub struct Clock(());

impl Clock {
    /// Start PIT channels 0 and 1 as one chained 64-bit down-counter. Time starts at zero.
    pub(crate) fn init() -> Clock {
        // SAFETY: the PIT and its clock gate; used by nothing else.
        let (pit, sim) = unsafe { (pac::Pit::steal(), pac::Sim::steal()) };
        sim.scgc6().modify(|_, w| w.pit().set_bit());
        pit.mcr().write(|w| w.mdis().clear_bit().frz().clear_bit());
        for ch in [1, 0] {
            pit.tctrl(ch).write(|w| w.ten().clear_bit());
            pit.ldval(ch).write(|w| unsafe { w.tsv().bits(u32::MAX) });
        }
        pit.tctrl(1).write(|w| w.chn().set_bit().ten().set_bit());
        pit.tctrl(0).write(|w| w.ten().set_bit());
        STARTED.store(true, Ordering::Release);
        Clock(())
    }

    /// Bus clock ticks since the board started the clock.
    pub fn ticks(&self) -> u64 {
        // SAFETY: reads of the PIT's counters.
        let pit = unsafe { pac::Pit::steal() };
        let hi = pit.cval(1).read().tvl().bits();
        let mut lo = pit.cval(0).read().tvl().bits();
        let hi2 = pit.cval(1).read().tvl().bits();
        if hi2 != hi {
            lo = pit.cval(0).read().tvl().bits();
        }
        !(u64::from(hi2) << 32 | u64::from(lo))
    }

    /// Now, in milliseconds since boot (rawnet's [`Instant`]).
    pub fn now(&self) -> Instant {
        Instant::from_ticks(self.ticks() / u64::from(BUS_HZ / 1000))
    }
}

/// The PIT runs (its registers may be read: before its clock gate is on, a read faults).
static STARTED: AtomicBool = AtomicBool::new(false);

/// Milliseconds since the clock started, 0 before: the log's timestamp, which a fault
/// handler may take at any time.
pub(crate) fn log_millis() -> u64 {
    if STARTED.load(Ordering::Acquire) {
        Clock(()).now().as_ticks()
    } else {
        0
    }
}

/// Start SysTick at 1 kHz with its (empty) exception, so that [`idle`] wakes at least every
/// millisecond: the ENET is polled, so a superloop sleeping in `wfi` must be woken to look.
pub fn start_idle_tick() {
    // SAFETY: SysTick is used by nothing else on this board.
    let mut syst = unsafe { cortex_m::Peripherals::steal() }.SYST;
    syst.set_clock_source(cortex_m::peripheral::syst::SystClkSource::Core);
    syst.set_reload(CORE_HZ / 1000 - 1);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
}

/// Sleep until the next interrupt: at most a millisecond after [`start_idle_tick`].
pub fn idle() {
    cortex_m::asm::wfi();
}

#[cortex_m_rt::exception]
fn SysTick() {}
