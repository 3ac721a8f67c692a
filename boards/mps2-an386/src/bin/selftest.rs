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
//! | anything else | nothing | 0 |
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
    println!("selftest: {word:?}");
    match word {
        "panic" => panic!("selftest panic"),
        "panicreset" => {
            mps2_an386::fault::reset_on_fault();
            panic!("selftest panic, then reset")
        }
        "hardfault" => cortex_m::asm::udf(),
        "irq" => {
            // SAFETY: unmasking a line whose only handler is the board's DefaultHandler.
            unsafe { NVIC::unmask(Irq5) };
            NVIC::pend(Irq5);
            cortex_m::asm::isb();
            println!("selftest: the interrupt did not fire");
            exit(1)
        }
        "exit7" => exit(7),
        "clockwrap" => clock_wrap(board.clock),
        _ => exit(0),
    }
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
