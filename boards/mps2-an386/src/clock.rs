//! The board's monotonic clock: CMSDK APB timer 0 counting down at SYSCLK (25 MHz),
//! extended to 64 bits.
//!
//! The timer runs free from `0xffff_ffff` (one wrap every 171.8 s). Every read takes the
//! ticks since the previous read (`previous - current`, wrapping) and adds them to a 64-bit
//! total, inside a critical section; the timer's wrap interrupt (IRQ 8) does a read too, so
//! no wrap goes unseen however long the application goes without asking the time.
//!
//! In QEMU the counter's value is computed from the emulator's virtual clock, which follows
//! the host's real time (no `-icount`): the instants are right even when the emulated CPU is
//! slow or the host is busy, unlike a tick count kept by a 1 kHz interrupt, which loses
//! ticks when interrupts are delayed.

use core::cell::Cell;
use core::ptr::{read_volatile, write_volatile};
use core::sync::atomic::{AtomicU32, Ordering};
use cortex_m::interrupt::{self, Mutex};
use cortex_m::peripheral::NVIC;
use rawnet_tcp::{Duration, Instant};

/// Timer 0's base address on the MPS2 AN385/AN386 images.
const BASE: usize = 0x4000_0000;
const CTRL: usize = BASE;
const VALUE: usize = BASE + 0x04;
const RELOAD: usize = BASE + 0x08;
const INTCLEAR: usize = BASE + 0x0c;
const CTRL_ENABLE: u32 = 1 << 0;
const CTRL_IRQ_ENABLE: u32 = 1 << 3;

/// Counter frequency: the APB clock, SYSCLK (25 MHz on the AN386 image and in QEMU).
pub const TICK_HZ: u64 = 25_000_000;
/// Timer 0's interrupt number.
pub(crate) const IRQ: u16 = 8;

#[derive(Clone, Copy)]
struct Irq;

// SAFETY: 8 is timer 0's interrupt line on the AN386 image (32 lines).
unsafe impl cortex_m::interrupt::InterruptNumber for Irq {
    fn number(self) -> u16 {
        IRQ
    }
}

#[derive(Clone, Copy)]
struct State {
    last: u32,
    total: u64,
}

static STATE: Mutex<Cell<State>> = Mutex::new(Cell::new(State {
    last: u32::MAX,
    total: 0,
}));

/// Wrap interrupts taken (for the self-test).
static WRAPS: AtomicU32 = AtomicU32::new(0);

/// The clock (a handle: the state is the timer and a static).
#[derive(Debug, Clone, Copy)]
pub struct Clock(());

impl Clock {
    /// Start timer 0 from `0xffff_ffff` and unmask its wrap interrupt. Time starts at zero.
    pub(crate) fn init() -> Clock {
        interrupt::free(|cs| {
            // SAFETY: timer 0's registers; the timer is stopped before it is reloaded.
            unsafe {
                write_volatile(CTRL as *mut u32, 0);
                write_volatile(RELOAD as *mut u32, u32::MAX);
                write_volatile(VALUE as *mut u32, u32::MAX);
                write_volatile(INTCLEAR as *mut u32, 1);
                write_volatile(CTRL as *mut u32, CTRL_ENABLE | CTRL_IRQ_ENABLE);
            }
            STATE.borrow(cs).set(State {
                last: u32::MAX,
                total: 0,
            });
        });
        // SAFETY: the handler (crate::fault's DefaultHandler dispatch) only updates STATE
        // inside a critical section.
        unsafe { NVIC::unmask(Irq) };
        Clock(())
    }

    /// The clock, for the log's timestamp (which may be read before [`Clock::init`]: it is
    /// then near zero).
    pub(crate) fn steal() -> Clock {
        Clock(())
    }

    /// Timer ticks (1/25 µs) since the board was initialised.
    pub fn ticks(&self) -> u64 {
        interrupt::free(|cs| advance(STATE.borrow(cs)))
    }

    /// Now, in milliseconds since boot (rawnet's [`Instant`]).
    pub fn now(&self) -> Instant {
        Instant::from_ticks(self.ticks() / (TICK_HZ / 1000))
    }

    /// Move the counter (and the clock's record of it) to `value` without changing the time:
    /// `selftest` uses it to make the 32-bit counter wrap within milliseconds.
    #[doc(hidden)]
    pub fn set_counter(&self, value: u32) {
        interrupt::free(|cs| {
            let state = STATE.borrow(cs);
            advance(state);
            // SAFETY: timer 0's counter; the clock's record moves with it below.
            unsafe { write_volatile(VALUE as *mut u32, value) };
            let mut s = state.get();
            s.last = value;
            state.set(s);
        });
    }

    /// How many times timer 0's wrap interrupt ran.
    pub fn wraps(&self) -> u32 {
        WRAPS.load(Ordering::Relaxed)
    }

    /// Wait, doing nothing, for `d`.
    pub fn delay(&self, d: Duration) {
        let end = self.now() + d;
        while self.now() < end {}
    }
}

/// Add the ticks since the last read to the total; returns the new total.
fn advance(state: &Cell<State>) -> u64 {
    // SAFETY: a read of timer 0's counter.
    let value = unsafe { read_volatile(VALUE as *const u32) };
    let mut s = state.get();
    s.total += u64::from(s.last.wrapping_sub(value));
    s.last = value;
    state.set(s);
    s.total
}

/// Timer 0's wrap interrupt: account for the ticks up to the wrap.
pub(crate) fn on_interrupt() {
    interrupt::free(|cs| {
        // SAFETY: clearing timer 0's interrupt.
        unsafe { write_volatile(INTCLEAR as *mut u32, 1) };
        advance(STATE.borrow(cs));
    });
    WRAPS.fetch_add(1, Ordering::Relaxed);
}

/// Start SysTick at 1 kHz with its (empty) exception, so that [`idle`] wakes at least every
/// millisecond: the LAN9118 is polled, so a superloop sleeping in `wfi` must be woken to look.
/// Under QEMU this takes the emulator from a busy core to nearly idle.
pub fn start_idle_tick() {
    // SAFETY: SysTick is used by nothing else on this board.
    let mut syst = unsafe { cortex_m::Peripherals::steal() }.SYST;
    syst.set_clock_source(cortex_m::peripheral::syst::SystClkSource::Core);
    syst.set_reload((TICK_HZ / 1000) as u32 - 1);
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
