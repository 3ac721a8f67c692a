//! Stack painting ([`armv7m::stack`]) on this board: [`paint`] fills a window of [`WINDOW`]
//! bytes below the caller's stack pointer. The window sits at the top of the 4 MiB RAM, far
//! above `.bss`, so painting overwrites nothing.

pub use armv7m::stack::Meter;

/// Bytes painted below the stack pointer.
pub const WINDOW: usize = 64 * 1024;

/// Paint the window below the current stack pointer. Call it first thing in `main`, once.
pub fn paint() -> Meter {
    // SAFETY: the 64 KiB below the stack pointer at the top of RAM are the stack's: `.bss`
    // and `.data` are at its bottom (memory.x).
    unsafe { Meter::paint(|top| top - WINDOW) }
}
