//! The firmware's log: [defmt](https://defmt.ferrous-systems.com/) frames on UART0.
//!
//! Frames as [`armv7m::log`] makes them (whole, interrupts masked for each), written to UART0
//! with polled transmit; the timestamp is the board's clock in milliseconds since boot. The
//! host decodes them with the ELF (`rawnet_tests::defmt_log`, or `defmt-print -e firmware`).
//!
//! The panic and fault handlers ([`crate::fault`]) report through it too.
//!
//! On a host: `defmt-print -e firmware serial --path /dev/ttyACM0 --baud 115200`, or
//! `cargo run -p rawnet-tests --example defmt_log -- firmware /dev/ttyACM0` (README.md).

use armv7m::log::Frames;

use crate::uart::Uart;

static LOG: Frames = Frames::new();
armv7m::global_logger!(LOG, send);

/// Encoded bytes to UART0, as they are.
fn send(bytes: &[u8]) {
    let mut uart = Uart::steal();
    for &b in bytes {
        uart.write_byte(b);
    }
}

/// For the panic and fault handlers: end a frame the failure cut short
/// ([`Frames::restart`]).
///
/// # Safety
///
/// Interrupts are masked and the interrupted context never runs again.
pub(crate) unsafe fn restart() {
    // SAFETY: the caller's promise.
    unsafe { LOG.restart(send) };
}

defmt::timestamp!("{=u64:ms}", crate::clock::log_millis());
