//! Host drivers (behind the `std` feature): test wires and ways onto a real network.

mod wire;

pub use wire::{MemoryWire, WireEnd};
