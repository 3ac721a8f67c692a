//! The board's failure paths, chosen by the emulator's command line (`-append WORD`): each
//! must log its reason on UART0 and end QEMU with its status.
//!
//! | `-append` | does | expected status, log |
//! |---|---|---|
//! | `panic` | `panic!` | 101, `PANIC from 0x…` (the first address resolves to this file with `arm-none-eabi-addr2line`) |
//! | `hardfault` | an undefined instruction (UsageFault, escalated) | 102, `HARDFAULT pc=…` |
//! | `irq` | pends an interrupt nobody handles | 103, `unexpected exception or interrupt 5` |
//! | `panicreset` | [`mps2_an386::fault::reset_on_fault`], then `panic!` | 0 under `-no-reboot` (the reset ends QEMU), `PANIC from …` then `resetting` |
//! | `exit7` | `exit(7)` | 7 |
//! | `clockwrap` | the timer wraps 10 ms in; 300 ms by the clock against the host's | 0, `clockwrap: … ok` |
//! | `defmt-panic` | the firmware's reports ([`mps2_an386::fault::report_with_defmt`]), then `panic!` inside a defmt frame | 101; defmt frames: the greeting, the cut frame (malformed), `PANIC from 0x…` |
//! | `defmt-hardfault` | the same with an undefined instruction inside the frame | 102; the greeting, the cut frame, `HARDFAULT pc=…` and three more lines |
//! | `defmt-irq` | the firmware's reports, then `irq` | 103; the greeting, `unexpected exception or interrupt 5` |
//! | `defmt-panicreset` | the firmware's reports and [`mps2_an386::fault::reset_on_fault`], then `panic!` | 0 under `-no-reboot`; the greeting, `PANIC from …`, `resetting` |
//! | anything else | nothing | 0 |
//!
//! The `defmt-` words log in defmt frames only (the host decodes them with this ELF:
//! tests/tests/fault_reports.rs); the others in text only.
#![no_std]
#![no_main]

use cortex_m::peripheral::NVIC;
use cortex_m_rt::entry;
use mps2_an386::{exit, println, semihosting, Board};

#[derive(Clone, Copy)]
struct Irq5;

// SAFETY: line 5 exists on the AN386 (UART2 TX; nothing here enables that UART).
unsafe impl cortex_m::interrupt::InterruptNumber for Irq5 {
    fn number(self) -> u16 {
        5
    }
}

#[entry]
fn main() -> ! {
    let board = match Board::init() {
        Ok(b) => b,
        Err(e) => {
            println!("board: {e}");
            exit(1)
        }
    };
    let mut buf = [0u8; 128];
    let cmdline = semihosting::cmdline(&mut buf).unwrap_or("");
    let word = cmdline.split_whitespace().nth(1).unwrap_or("");
    if let Some(word) = word.strip_prefix("defmt-") {
        mps2_an386::fault::report_with_defmt();
        defmt::info!("selftest: defmt-{=str}", word);
        defmt_reports(word)
    }
    println!("selftest: {word:?}");
    match word {
        "panic" => panic!("selftest panic"),
        "panicreset" => {
            mps2_an386::fault::reset_on_fault();
            panic!("selftest panic, then reset")
        }
        "hardfault" => cortex_m::asm::udf(),
        "irq" => unexpected_irq(),
        "exit7" => exit(7),
        "clockwrap" => clock_wrap(board.clock),
        _ => exit(0),
    }
}

/// Pends an interrupt nobody handles; returns only if it does not fire.
fn unexpected_irq() -> ! {
    // SAFETY: unmasking a line whose only handler is the board's DefaultHandler.
    unsafe { NVIC::unmask(Irq5) };
    NVIC::pend(Irq5);
    cortex_m::asm::isb();
    println!("selftest: the interrupt did not fire");
    exit(1)
}

/// What a failure inside a defmt frame does: [`Fails::format`] fails after the frame's
/// header and its first argument went out, as a bug in a `Format` impl or a fault in the
/// code that computes a logged value would.
#[derive(Clone, Copy)]
enum Fails {
    Panic,
    HardFault,
}

impl defmt::Format for Fails {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "about to fail: ");
        match self {
            Fails::Panic => panic!("selftest panic inside a defmt frame"),
            Fails::HardFault => cortex_m::asm::udf(),
        }
    }
}

/// The `defmt-` words: the firmware's failure reports, in defmt frames.
fn defmt_reports(word: &str) -> ! {
    match word {
        "panic" => defmt::info!("selftest: {=u32:#x} {}", 0x1234_5678, Fails::Panic),
        "hardfault" => defmt::info!("selftest: {=u32:#x} {}", 0x1234_5678, Fails::HardFault),
        "irq" => unexpected_irq(),
        "panicreset" => {
            mps2_an386::fault::reset_on_fault();
            panic!("selftest panic, then reset")
        }
        _ => defmt::error!("selftest: no such word defmt-{=str}", word),
    }
    exit(1)
}

/// The 64-bit clock across a wrap of the 32-bit counter (the wrap interrupt's path): time
/// never goes back, and 300 ms by the clock are 300 ms by the host's clock.
fn clock_wrap(clock: mps2_an386::Clock) -> ! {
    let ticks_per_ms = (mps2_an386::clock::TICK_HZ / 1000) as u32;
    clock.set_counter(10 * ticks_per_ms);
    let start = clock.now();
    let host0 = semihosting::host_clock_cs().unwrap_or(0);
    let mut last = clock.ticks();
    while clock.now() < start + rawnet_tcp::Duration::from_millis(300) {
        let t = clock.ticks();
        if t < last {
            println!("clockwrap: time went back from {last} to {t}");
            exit(1)
        }
        last = t;
    }
    let host_ms = semihosting::host_clock_cs()
        .unwrap_or(0)
        .wrapping_sub(host0)
        * 10;
    if !(250..=400).contains(&host_ms) {
        println!("clockwrap: 300 ms by the clock took {host_ms} ms by the host's");
        exit(1)
    }
    println!("clockwrap: one wrap interrupt, 300 ms by the clock = {host_ms} ms by the host's: ok");
    exit(0)
}
