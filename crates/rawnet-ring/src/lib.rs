//! # rawnet-ring: a fixed-capacity byte ring (lwIP's `mqtt_ringbuf_t`, done right)
//!
//! The MQTT client encodes every outgoing packet into an output ring; bytes leave only
//! when its output step copies them into the connection below, as much as that
//! connection has room for. This crate is that ring: `no_std`, no heap, no `unsafe`, any
//! capacity (not only powers of two, 0 and 1 included), and no method that panics.
//!
//! - **Whole messages or nothing.** [`RingBuffer::push_all`] appends a whole slice or
//!   refuses with [`Full`]. [`RingBuffer::reserve`] sets aside space for a message whose
//!   length is known before its bytes (an MQTT packet: `buffer_len` first, then the
//!   header, then the payload in pieces); its bytes become readable only when the
//!   [`Reservation`] is committed complete, and dropping it leaves the ring untouched.
//!   A reader can never see half a packet.
//! - **Zero-copy reads.** [`RingBuffer::readable`] is the oldest contiguous chunk, to be
//!   copied straight into the layer below; [`RingBuffer::consume`] drops what it took.
//!   [`RingBuffer::readable_pair`] shows everything stored, as two slices.
//! - **Storage of your choice.** [`Ring<N>`] owns a `[u8; N]` (and fits in a `static`);
//!   [`RingRef<'a>`](RingRef) borrows a `&'a mut [u8]`. Both are the same
//!   [`RingBuffer`] code.
//!
//! ## lwIP mapping
//!
//! | lwIP (`src/apps/mqtt/mqtt.c`) | rawnet-ring |
//! |---|---|
//! | `struct mqtt_ringbuf_t` | [`RingBuffer`] ([`Ring<N>`], [`RingRef`]) |
//! | `MQTT_OUTPUT_RINGBUF_SIZE` | `N` or the slice length: [`RingBuffer::capacity`] |
//! | `mqtt_output_check_space` then `mqtt_output_append_*` | [`RingBuffer::reserve`], [`Reservation::write`], [`Reservation::commit`] |
//! | `mqtt_ringbuf_put` (one byte at a time) | [`RingBuffer::push_all`] (a whole slice) |
//! | `mqtt_ringbuf_get_ptr` + `mqtt_ringbuf_linear_read_length` | [`RingBuffer::readable`] |
//! | `mqtt_ringbuf_advance_get_idx` | [`RingBuffer::consume`] |
//! | `mqtt_ringbuf_len` / `mqtt_ringbuf_free` | [`RingBuffer::len`] / [`RingBuffer::free`] |
//!
//! The index bugs lwIP had and the tests that rule them out: savannah #51525 (indices
//! masked with `SIZE - 1`, silently wrong unless the size was a power of two) and
//! #51602 (the read index was wrapped only when it went *past* the end, so landing
//! exactly on it left it pointing outside the buffer with a linear read length of 0,
//! and output stalled). Here the ring keeps a read index below the capacity and a
//! length, wraps by compare-and-subtract, and can tell full from empty. See
//! `tests/lwip_regressions.rs` and `docs/ring.md`.
//!
//! ## Why not heapless or bbqueue
//!
//! `heapless::Deque<u8, N>` (0.9) has `as_slices`, but no bulk push (its `Extend`
//! panics when full), no access to free space so no in-place reservation, no borrowed
//! `&mut [u8]` storage, and `N == 0` does not compile. `bbqueue` (0.7) is an SPSC BipBuffer:
//! its write grants must be contiguous, so `grant_exact(n)` skips the tail of the
//! storage and can fail while `n` bytes are free, it pulls in atomics or critical
//! sections the single-owner superloop does not need, and its storage is an owned array
//! or a `Box`. Details in `docs/ring.md`.
//!
//! ## Example: the MQTT output step
//!
//! ```
//! use rawnet_ring::{Full, Ring};
//!
//! let mut output = Ring::<10>::new();
//!
//! // `publish`: the packet's length is known first, then its bytes.
//! let mut packet = output.reserve(7).unwrap();
//! packet.write(&[0x30, 0x05]).unwrap(); // fixed header
//! packet.write(b"t/hi!").unwrap(); // topic and payload, maybe in pieces
//! packet.commit().unwrap();
//!
//! // A packet that does not fit is refused whole; the ring is unchanged.
//! assert_eq!(
//!     output.push_all(b"toolong"),
//!     Err(Full { requested: 7, free: 3 })
//! );
//!
//! // `mqtt_output_send`: copy straight out of the ring into the connection below,
//! // no more than it has room for, then drop what it took.
//! let mut tcp_send_buffer = Vec::new();
//! let send_space = 4;
//! let chunk = output.readable();
//! let n = chunk.len().min(send_space);
//! tcp_send_buffer.extend_from_slice(&chunk[..n]);
//! output.consume(n);
//!
//! // Now the next packet fits; it wraps around the end of the storage.
//! output.push_all(b"\xc0\x00\xe0\x00").unwrap(); // PINGREQ, DISCONNECT
//! let (first, second) = output.readable_pair();
//! assert_eq!((first.len(), second.len()), (6, 1));
//! while !output.is_empty() {
//!     let chunk = output.readable();
//!     tcp_send_buffer.extend_from_slice(chunk);
//!     let n = chunk.len();
//!     output.consume(n);
//! }
//! assert_eq!(tcp_send_buffer, b"\x30\x05t/hi!\xc0\x00\xe0\x00");
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod reservation;
mod ring;

pub use error::{Full, Incomplete};
pub use reservation::Reservation;
pub use ring::{Ring, RingBuffer, RingRef};

#[cfg(test)]
mod tests;
