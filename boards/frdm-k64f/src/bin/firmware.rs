//! The firmware: rawnet's application (boards/app) on the FRDM-K64F.
//!
//! Boots, paints the stack, brings the board up (watchdog off, 120 MHz, UART0 log, RNGA seed,
//! ENET), logs what it found, and runs the shared application: link, DHCP, DNS, TLS 1.3 to
//! the configured broker, MQTT status messages and commands (`led on` / `led off` drive the
//! green LED), reconnects. A panic or fault logs its reason and resets. With
//! `RAWNET_STOP_AFTER` it disconnects after that many acknowledged status messages, logs
//! its peak stack and halts in `wfi`; without, it runs for ever. Configuration:
//! boards/app/README.md.
//!
//! The log is defmt frames on UART0 (`frdm_k64f::log`), decoded on the host with this ELF
//! (README.md: reading the log).
//!
//! ```text
//! RAWNET_CONFIG=../app/config/example.env cargo build --release
//! ```
#![no_std]
#![no_main]

use core::ptr::addr_of_mut;

use cortex_m_rt::entry;
use frdm_k64f::stack::Meter;
use frdm_k64f::{Board, Clock, Color, Led};
use rawnet_eth::EthernetDriver;
use rawnet_tcp::Instant;

/// The application's buffers, in `.bss`.
static mut MEMORY: rawnet_app::Memory = rawnet_app::Memory::new();

/// What the application sees of the board.
struct K64f {
    clock: Clock,
    led: Led,
    stack: Meter,
}

impl rawnet_app::Board for K64f {
    fn now(&mut self) -> Instant {
        self.clock.now()
    }

    fn set_led(&mut self, on: bool) {
        self.led.set(Color::Green, on);
    }

    fn free_stack(&self) -> Option<usize> {
        Some(self.stack.free())
    }

    fn idle(&mut self) {
        frdm_k64f::clock::idle();
    }
}

#[entry]
fn main() -> ! {
    let stack = frdm_k64f::stack::paint();
    let mut board = match Board::init() {
        Ok(b) => b,
        // The log works from here: init set up the clocks and UART0 before anything that
        // can fail. Retry from a clean reset.
        Err(e) => {
            defmt::error!("board: {}", e);
            panic!("board init failed")
        }
    };
    let fc = frdm_k64f::flash_config_in_flash();
    defmt::info!(
        "frdm-k64f: MK64FN1M0VLL12, core {=u32} MHz, bus {=u32} MHz; reset cause {}",
        frdm_k64f::clock::CORE_HZ / 1_000_000,
        frdm_k64f::clock::BUS_HZ / 1_000_000,
        board.reset_cause
    );
    defmt::info!(
        "flash config FSEC {=u8:#04x} FOPT {=u8:#04x} ({=str})",
        fc[12],
        fc[13],
        if fc[12] & 3 == 0b10 {
            "unsecured"
        } else {
            "SECURED"
        }
    );
    let mac = board.eth.mac_address();
    defmt::info!(
        "enet: {=u8:02x}:{=u8:02x}:{=u8:02x}:{=u8:02x}:{=u8:02x}:{=u8:02x} (from the unique id), RMII, {=usize} RX + {=usize} TX descriptors; stack {=usize} B painted",
        mac[0], mac[1], mac[2], mac[3], mac[4], mac[5],
        frdm_k64f::eth::RX,
        frdm_k64f::eth::TX,
        stack.window()
    );
    defmt::info!(
        "entropy: RNGA, {=usize} words through SHA-256 into ChaCha20",
        frdm_k64f::rng::SEED_WORDS
    );
    frdm_k64f::clock::start_idle_tick();
    // SAFETY: `main` runs once and is the only user of MEMORY.
    let memory = unsafe { &mut *addr_of_mut!(MEMORY) };
    let mut k64f = K64f {
        clock: board.clock,
        led: board.led,
        stack,
    };
    let stop = rawnet_app::run(&mut k64f, &mut board.eth, &mut board.rng, memory);
    let s = board.eth.stats();
    defmt::info!(
        "enet: rx {=u32} frames ({=u32} errors), tx {=u32} frames ({=u32} errors), {=u32} MAC restarts",
        s.rx_frames, s.rx_errors, s.tx_frames, s.tx_errors, s.restarts
    );
    defmt::info!(
        "stack: peak {=usize} B below main's frame (of {=usize} B painted)",
        stack.used(),
        stack.window()
    );
    match stop {
        rawnet_app::Stop::Done => defmt::info!("firmware: done"),
        rawnet_app::Stop::Fatal(why) => {
            defmt::error!("firmware: stopped: {=str}", why);
            panic!("firmware stopped")
        }
    }
    loop {
        frdm_k64f::clock::idle();
    }
}
