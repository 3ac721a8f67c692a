//! The board's failure paths, chosen by the emulator's command line (`-append WORD`): each
//! must log its reason on UART0 and end QEMU with its status.
//!
//! | `-append` | does | expected status, log |
//! |---|---|---|
//! | `panic` | `panic!` | 101, `PANIC at src/bin/selftest.rs:…` |
//! | `hardfault` | an undefined instruction (UsageFault, escalated) | 102, `HARDFAULT pc=…` |
//! | `irq` | pends an interrupt nobody handles | 103, `unexpected exception or interrupt 5` |
//! | `exit7` | `exit(7)` | 7 |
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
    if let Err(e) = Board::init() {
        println!("board: {e}");
        exit(1);
    }
    let mut buf = [0u8; 128];
    let cmdline = semihosting::cmdline(&mut buf).unwrap_or("");
    let word = cmdline.split_whitespace().nth(1).unwrap_or("");
    println!("selftest: {word:?}");
    match word {
        "panic" => panic!("selftest panic"),
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
        _ => exit(0),
    }
}
