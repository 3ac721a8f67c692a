//! The firmware: rawnet's application (boards/app) on QEMU's mps2-an386.
//!
//! Boots, paints the stack, brings the board up and runs the shared application: DHCP, DNS,
//! TLS 1.3 to the configured broker, MQTT status messages and commands, reconnects. With
//! `RAWNET_STOP_AFTER` it disconnects after that many acknowledged status messages and exits
//! 0 through semihosting (1 if the application stopped on an error); without, it runs for
//! ever. Configuration: boards/app/README.md.
//!
//! The log is defmt frames on UART0 (`mps2_an386::log`; QEMU's `-serial stdio`), decoded on
//! the host with this ELF: `cargo xtask demo` and the tests do it (`rawnet_tests::defmt_log`).
//!
//! ```text
//! RAWNET_BROKER=broker.rawnet.test RAWNET_CA=ca.pem cargo build --release --bin firmware
//! ```
#![no_std]
#![no_main]

use core::ptr::addr_of_mut;

use cortex_m_rt::entry;
use mps2_an386::stack::Meter;
use mps2_an386::{exit, Board, Clock};
use rawnet_tcp::Instant;

/// The application's buffers, in `.bss`.
static mut MEMORY: rawnet_app::Memory = rawnet_app::Memory::new();

/// What the application sees of the board.
struct Qemu {
    clock: Clock,
    stack: Meter,
}

impl rawnet_app::Board for Qemu {
    fn now(&mut self) -> Instant {
        self.clock.now()
    }

    fn set_led(&mut self, on: bool) {
        // The MPS2's user LEDs are FPGA I/O that QEMU does not show: say it instead.
        defmt::info!("LED {=str}", if on { "on" } else { "off" });
    }

    fn free_stack(&self) -> Option<usize> {
        Some(self.stack.free())
    }

    fn idle(&mut self) {
        mps2_an386::clock::idle();
    }
}

#[entry]
fn main() -> ! {
    let stack = mps2_an386::stack::paint();
    // A panic or a fault logs its reason (in the defmt log) and resets: the application
    // starts over.
    mps2_an386::fault::report_with_defmt();
    mps2_an386::fault::reset_on_fault();
    let mut board = Board::init().unwrap_or_else(|e| {
        defmt::error!("board: {}", e);
        exit(1)
    });
    mps2_an386::clock::start_idle_tick();
    // SAFETY: `main` runs once and is the only user of MEMORY.
    let memory = unsafe { &mut *addr_of_mut!(MEMORY) };
    let mut qemu = Qemu {
        clock: board.clock,
        stack,
    };
    let stop = rawnet_app::run(&mut qemu, board.eth, &mut board.rng, memory);
    defmt::info!(
        "stack: peak {=usize} B below main's frame (of {=usize} B painted)",
        stack.used(),
        mps2_an386::stack::WINDOW
    );
    match stop {
        rawnet_app::Stop::Done => {
            defmt::info!("firmware: done");
            exit(0)
        }
        rawnet_app::Stop::Fatal(why) => {
            defmt::error!("firmware: stopped: {=str}", why);
            exit(1)
        }
    }
}
