//! Stack painting: how deep the stack has been, measured at run time.
//!
//! [`paint`] fills a window of [`WINDOW`] bytes below the caller's stack pointer with a
//! pattern; [`Meter::free`] counts the bytes at the bottom of the window the program never
//! overwrote. The window sits at the top of the 4 MiB RAM, far above `.bss`, so painting
//! overwrites nothing. The figure is the peak below the frame that called [`paint`]
//! (the firmware's `main`), which is what `cargo xtask stack` bounds statically too.

/// Bytes painted below the stack pointer.
pub const WINDOW: usize = 64 * 1024;
/// Bytes left unpainted right below the stack pointer (the painter's own frame).
const MARGIN: usize = 256;
const PAINT: u32 = 0xa5a5_5a5a;

/// The painted window: where it starts and ends.
#[derive(Debug, Clone, Copy)]
pub struct Meter {
    bottom: usize,
    top: usize,
}

/// Paint the window below the current stack pointer. Call it first thing in `main`, once.
#[inline(never)]
pub fn paint() -> Meter {
    let sp = cortex_m::register::msp::read() as usize;
    let top = (sp - MARGIN) & !3;
    let bottom = top - WINDOW;
    let mut p = bottom;
    while p < top {
        // SAFETY: below the live stack (the stack pointer minus a margin for this frame), in
        // RAM, word aligned; nothing else lives there (the stack grows into it later).
        unsafe { core::ptr::write_volatile(p as *mut u32, PAINT) };
        p += 4;
    }
    Meter { bottom, top }
}

impl Meter {
    /// Bytes of the window never used so far.
    pub fn free(&self) -> usize {
        let mut p = self.bottom;
        // SAFETY: inside the painted window, word aligned.
        while p < self.top && unsafe { core::ptr::read_volatile(p as *const u32) } == PAINT {
            p += 4;
        }
        p - self.bottom
    }

    /// Peak stack used below the painting frame, in bytes.
    pub fn used(&self) -> usize {
        WINDOW - self.free()
    }
}
