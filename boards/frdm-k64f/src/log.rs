//! The firmware's log: [defmt](https://defmt.ferrous-systems.com/) frames on UART0.
//!
//! The `#[defmt::global_logger]` encodes each frame (rzCOBS, frames ended by a zero byte) and
//! writes it to UART0 with polled transmit, interrupts masked for the frame, so a frame is
//! never cut by another; the timestamp is the board's clock in milliseconds since boot. The
//! format strings stay in the ELF's `.defmt` section (not in flash): the host decodes the
//! bytes with the same ELF (`rawnet_tests::defmt_log`, or `defmt-print -e firmware`).
//!
//! The panic and fault handlers ([`crate::fault`]) report through it too.
//!
//! On a host: `defmt-print -e firmware serial --path /dev/ttyACM0 --baud 115200`, or
//! `cargo run -p rawnet-tests --example defmt_log -- firmware /dev/ttyACM0` (README.md).

use core::ptr::addr_of_mut;
use core::sync::atomic::{AtomicBool, Ordering};

use crate::uart::Uart;

/// A frame is being written.
static TAKEN: AtomicBool = AtomicBool::new(false);
/// Interrupts were enabled when the frame started (restored when it ends).
static RESTORE: AtomicBool = AtomicBool::new(false);
static mut ENCODER: defmt::Encoder = defmt::Encoder::new();

#[defmt::global_logger]
struct Logger;

// SAFETY: `acquire` masks interrupts and refuses a second frame until `release`, so the
// encoder is used by one frame at a time.
unsafe impl defmt::Logger for Logger {
    fn acquire() {
        // `Primask::Active`: exceptions are taken (PRIMASK clear), i.e. interrupts enabled.
        let enabled = cortex_m::register::primask::read().is_active();
        cortex_m::interrupt::disable();
        if TAKEN.swap(true, Ordering::Acquire) {
            // Only a log call inside a log call (a `Format` implementation that logs) or from
            // a panic while logging reaches here; the panic handler starts a fresh frame.
            panic!("defmt logger taken twice");
        }
        RESTORE.store(enabled, Ordering::Relaxed);
        // SAFETY: TAKEN is ours: no other frame uses the encoder.
        unsafe { (*addr_of_mut!(ENCODER)).start_frame(send) }
    }

    unsafe fn flush() {
        // Every byte was handed to the UART when it was written (polled transmit).
    }

    unsafe fn release() {
        // SAFETY: called after `acquire` (the trait's contract).
        unsafe { (*addr_of_mut!(ENCODER)).end_frame(send) };
        TAKEN.store(false, Ordering::Release);
        if RESTORE.load(Ordering::Relaxed) {
            // SAFETY: interrupts were enabled before `acquire`.
            unsafe { cortex_m::interrupt::enable() };
        }
    }

    unsafe fn write(bytes: &[u8]) {
        // SAFETY: between `acquire` and `release` (the trait's contract).
        unsafe { (*addr_of_mut!(ENCODER)).write(bytes, send) }
    }
}

/// Encoded bytes to UART0, as they are.
fn send(bytes: &[u8]) {
    let mut uart = Uart::steal();
    for &b in bytes {
        uart.write_byte(b);
    }
}

/// For the panic and fault handlers (interrupts masked): abandon a frame that was being
/// written (a zero byte ends it, the host drops it as malformed) so the handler's own
/// frames go out whole.
pub(crate) fn restart() {
    if TAKEN.swap(false, Ordering::Acquire) {
        // SAFETY: interrupts are masked and the interrupted frame is abandoned: nothing else
        // uses the encoder.
        unsafe { *addr_of_mut!(ENCODER) = defmt::Encoder::new() };
        send(&[0]);
    }
}

defmt::timestamp!("{=u64:ms}", crate::clock::log_millis());
