//! Stack painting: how deep the stack has been, measured at run time.
//!
//! [`Meter::paint`] fills the memory from a bottom the board names (the end of the region
//! its stack may grow into, or a window's size below) up to just below the caller's stack pointer with a pattern;
//! [`Meter::free`] counts the bytes at the bottom the program never overwrote: what is left
//! before the stack would run out of it. Called first thing in `main`, the figure is the
//! peak below `main`'s frame, which is what `cargo xtask stack` bounds statically too.

/// Bytes left unpainted right below the stack pointer (the painter's own frame).
pub const MARGIN: usize = 256;
const PAINT: u32 = 0xa5a5_5a5a;

/// The painted window: where it starts and ends.
#[derive(Debug, Clone, Copy)]
pub struct Meter {
    bottom: usize,
    top: usize,
}

impl Meter {
    /// Paint from `bottom(top)` up to `top`, [`MARGIN`] bytes below the current stack
    /// pointer. Call it once, first thing in `main`.
    ///
    /// # Safety
    ///
    /// From the bottom to the stack pointer is memory nothing but the stack uses (nor will
    /// until the stack grows into it).
    #[inline(never)]
    pub unsafe fn paint(bottom: impl FnOnce(usize) -> usize) -> Meter {
        let sp = cortex_m::register::msp::read() as usize;
        let top = (sp - MARGIN) & !3;
        let bottom = (bottom(top) + 3) & !3;
        let mut p = bottom;
        while p < top {
            // SAFETY: below the live stack (the stack pointer minus a margin for this frame),
            // word aligned, and the stack's alone (the caller's promise).
            unsafe { core::ptr::write_volatile(p as *mut u32, PAINT) };
            p += 4;
        }
        Meter { bottom, top }
    }

    /// Bytes at the bottom of the window never used so far.
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
        self.window() - self.free()
    }

    /// Bytes painted.
    pub fn window(&self) -> usize {
        self.top - self.bottom
    }
}
