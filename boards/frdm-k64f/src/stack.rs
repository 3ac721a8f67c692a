//! Stack painting ([`armv7m::stack`]) on this board: the stack has SRAM_L to itself (64 KiB
//! below `0x2000_0000`, memory.x), and [`paint`] fills it from its bottom up to just below
//! the caller's stack pointer.

pub use armv7m::stack::Meter;

extern "C" {
    /// The bottom of SRAM_L (memory.x).
    static _stack_end: u32;
}

/// Paint SRAM_L below the current stack pointer. Call it first thing in `main`, once.
pub fn paint() -> Meter {
    // Only the symbol's address is taken.
    let bottom = core::ptr::addr_of!(_stack_end) as usize;
    // SAFETY: nothing but the stack lives in SRAM_L (memory.x).
    unsafe { Meter::paint(|_| bottom) }
}
