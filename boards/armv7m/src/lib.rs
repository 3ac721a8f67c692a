//! What every rawnet board on an ARMv7-M core (Cortex-M3/M4/M7) shares, whatever its chip:
//!
//! - [`log`]: the defmt log's frames, written whole to a byte sink the board names (its
//!   UART), with interrupts masked for a frame; the board declares the global logger with
//!   [`global_logger!`].
//! - [`fault`]: what a panic or fault handler reports — the call chain from the frame
//!   records (not the panic's location: see there), the stacked registers and the system
//!   control block's fault status registers — in defmt frames.
//! - [`stack`]: stack painting, the run-time measure of the deepest the stack has been.
//!
//! The handlers themselves (`#[panic_handler]`, `HardFault`, `DefaultHandler`) stay in the
//! board crates: what follows a failure (a reset, an LED, an emulator's exit status) is the
//! board's.

#![no_std]

pub mod fault;
pub mod log;
pub mod stack;

#[doc(hidden)]
pub use defmt as __defmt;
