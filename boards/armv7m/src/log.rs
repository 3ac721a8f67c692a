//! The defmt log's frames, for a board that writes them to a byte sink (its UART).
//!
//! [`Frames`] encodes each frame (rzCOBS, frames ended by a zero byte) and hands the bytes
//! to the board's `send` as they come, with interrupts masked for the frame so that a frame
//! is never cut by another; [`global_logger!`](crate::global_logger) declares it as the program's
//! `#[defmt::global_logger]`. The format strings stay in the ELF's `.defmt` section (not in
//! flash): the host decodes the bytes with the same ELF (`rawnet_tests::defmt_log`, or
//! `defmt-print -e firmware`).

use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicBool, Ordering};

/// The state of the log: the frame being written, if any.
pub struct Frames {
    /// A frame is being written.
    taken: AtomicBool,
    /// Interrupts were enabled when the frame started (restored when it ends).
    restore: AtomicBool,
    encoder: UnsafeCell<defmt::Encoder>,
}

// SAFETY: the encoder is used only between `acquire` and `release`, with interrupts masked
// and `taken` set, or by `restart` with interrupts masked: by one context at a time.
unsafe impl Sync for Frames {}

impl Frames {
    /// No frame started.
    pub const fn new() -> Frames {
        Frames {
            taken: AtomicBool::new(false),
            restore: AtomicBool::new(false),
            encoder: UnsafeCell::new(defmt::Encoder::new()),
        }
    }

    /// Start a frame (`defmt::Logger::acquire`): interrupts masked until [`Frames::release`].
    pub fn acquire(&self, send: impl FnMut(&[u8])) {
        // `Primask::Active`: exceptions are taken (PRIMASK clear), i.e. interrupts enabled.
        let enabled = cortex_m::register::primask::read().is_active();
        cortex_m::interrupt::disable();
        if self.taken.swap(true, Ordering::Acquire) {
            // Only a log call inside a log call (a `Format` implementation that logs) or from
            // a panic while logging reaches here; the panic handler starts a fresh frame.
            panic!("defmt logger taken twice");
        }
        self.restore.store(enabled, Ordering::Relaxed);
        // SAFETY: `taken` is ours: no other frame uses the encoder.
        unsafe { (*self.encoder.get()).start_frame(send) }
    }

    /// End the frame (`defmt::Logger::release`) and unmask interrupts if they were enabled.
    ///
    /// # Safety
    ///
    /// After [`Frames::acquire`], once.
    pub unsafe fn release(&self, send: impl FnMut(&[u8])) {
        // SAFETY: after `acquire` (the caller's promise).
        unsafe { (*self.encoder.get()).end_frame(send) };
        self.taken.store(false, Ordering::Release);
        if self.restore.load(Ordering::Relaxed) {
            // SAFETY: interrupts were enabled before `acquire`.
            unsafe { cortex_m::interrupt::enable() };
        }
    }

    /// Bytes of the frame (`defmt::Logger::write`).
    ///
    /// # Safety
    ///
    /// Between [`Frames::acquire`] and [`Frames::release`].
    pub unsafe fn write(&self, bytes: &[u8], send: impl FnMut(&[u8])) {
        // SAFETY: between `acquire` and `release` (the caller's promise).
        unsafe { (*self.encoder.get()).write(bytes, send) }
    }

    /// For the panic and fault handlers: abandon a frame that was being written (a zero
    /// byte ends it, the host drops it as malformed) so the handler's own frames go out
    /// whole.
    ///
    /// # Safety
    ///
    /// Interrupts are masked, and the context the failure interrupted never runs again (the
    /// handler resets or exits): it may have been inside [`Frames::write`].
    pub unsafe fn restart(&self, mut send: impl FnMut(&[u8])) {
        if self.taken.swap(false, Ordering::Acquire) {
            // SAFETY: interrupts are masked and the interrupted frame is abandoned for good
            // (the caller's promise): nothing else uses the encoder.
            unsafe { *self.encoder.get() = defmt::Encoder::new() };
            send(&[0]);
        }
    }
}

impl Default for Frames {
    fn default() -> Frames {
        Frames::new()
    }
}

/// Declare the program's defmt global logger: frames of `$frames` (a `static` [`Frames`])
/// to `$send` (a function of `&[u8]` that writes the bytes out, polled; a function item, so
/// that each call to it is direct).
///
/// ```ignore
/// static LOG: armv7m::log::Frames = armv7m::log::Frames::new();
/// armv7m::global_logger!(LOG, send);
/// ```
#[macro_export]
macro_rules! global_logger {
    ($frames:path, $send:path) => {
        #[$crate::__defmt::global_logger]
        struct Logger;

        // SAFETY: `Frames` masks interrupts and refuses a second frame until `release`, so
        // the encoder is used by one frame at a time.
        unsafe impl $crate::__defmt::Logger for Logger {
            fn acquire() {
                $frames.acquire($send)
            }

            unsafe fn flush() {
                // Every byte was handed to the sink when it was written (polled).
            }

            unsafe fn release() {
                // SAFETY: after `acquire` (the trait's contract).
                unsafe { $frames.release($send) }
            }

            unsafe fn write(bytes: &[u8]) {
                // SAFETY: between `acquire` and `release` (the trait's contract).
                unsafe { $frames.write(bytes, $send) }
            }
        }
    };
}
