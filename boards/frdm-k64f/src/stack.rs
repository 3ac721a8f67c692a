//! Stack painting: how deep the stack has been, measured at run time.
//!
//! The stack has SRAM_L to itself (64 KiB below `0x2000_0000`, memory.x). [`paint`] fills
//! SRAM_L from its bottom up to just below the caller's stack pointer with a pattern;
//! [`Meter::free`] counts the bytes at the bottom the program never overwrote: what is left
//! before the stack would overflow.

/// Bytes left unpainted right below the stack pointer (the painter's own frame).
const MARGIN: usize = 256;
const PAINT: u32 = 0xa5a5_5a5a;

extern "C" {
    /// The bottom of SRAM_L (memory.x).
    static _stack_end: u32;
}

/// The painted window: where it starts and ends.
#[derive(Debug, Clone, Copy)]
pub struct Meter {
    bottom: usize,
    top: usize,
}

/// Paint SRAM_L below the current stack pointer. Call it first thing in `main`, once.
#[inline(never)]
pub fn paint() -> Meter {
    let sp = cortex_m::register::msp::read() as usize;
    let top = (sp - MARGIN) & !3;
    // Only the symbol's address is taken.
    let bottom = core::ptr::addr_of!(_stack_end) as usize;
    let mut p = bottom;
    while p < top {
        // SAFETY: below the live stack (the stack pointer minus a margin for this frame), in
        // SRAM_L, word aligned; nothing but the stack lives there.
        unsafe { core::ptr::write_volatile(p as *mut u32, PAINT) };
        p += 4;
    }
    Meter { bottom, top }
}

impl Meter {
    /// Bytes at the bottom of the stack never used so far.
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
        self.top - self.bottom - self.free()
    }

    /// Bytes painted.
    pub fn window(&self) -> usize {
        self.top - self.bottom
    }
}
