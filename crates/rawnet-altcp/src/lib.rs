//! # rawnet-altcp: the layering contract of rawnet (lwIP's `altcp.h`)
//!
//! Every rawnet layer speaks to the one below and the one above through one pair of traits,
//! and this crate is nothing but that pair, the time types and the clock:
//!
//! - [`Connection`]: what a layer can do to the connection below it (write bytes, report
//!   free send space, push data out, close, abort);
//! - [`Callbacks`]: what a layer is told by the connection below it (connected, data
//!   received, end of stream, bytes acknowledged, error, periodic poll);
//! - [`Instant`] and [`Duration`]: milliseconds on a monotonic 64-bit timeline (`fugit`).
//!   Time is always an argument: no layer reads a clock;
//! - [`Clock`]: where a driver that owns a byte stream (rawnet-tls's and rawnet-mqtt's
//!   `embedded-io` adapters) reads that time.
//!
//! rawnet-tcp implements [`Connection`] over smoltcp; rawnet-tls implements [`Callbacks`]
//! toward the connection below and [`Connection`] toward the layer above; the rawnet-mqtt
//! client implements [`Callbacks`]. Composition is by value and generics
//! (`Tls<Client<App>>` on a TCP connection). Because the contract lives here and depends on
//! nothing heavier than `fugit` and `nb`, rawnet-tls and rawnet-mqtt build without smoltcp:
//! over embassy-net, a modem's socket or a host stream they never compile a network stack,
//! and a smoltcp upgrade is not a breaking change for them.
//!
//! | lwIP (`altcp.h`, `tcp.h`) | rawnet-altcp |
//! |---|---|
//! | `struct altcp_pcb` + `altcp_functions` | a type implementing [`Connection`] |
//! | `altcp_arg` + `altcp_recv/sent/err/poll` | a value implementing [`Callbacks`] |
//! | `altcp_connected_fn` | [`Callbacks::connected`] |
//! | `altcp_recv_fn` / `altcp_recved` | [`Callbacks::recv`] (its return value is `altcp_recved`) |
//! | `altcp_recv_fn` with a NULL pbuf | [`Callbacks::eof`] |
//! | `altcp_sent_fn` | [`Callbacks::sent`] |
//! | `altcp_err_fn` | [`Callbacks::err`] |
//! | `altcp_poll_fn` | [`Callbacks::poll`] |
//! | `altcp_write` / `altcp_sndbuf` / `ERR_MEM` | [`Connection::write`] / [`Connection::send_space`] / [`nb::Error::WouldBlock`] |
//! | `altcp_output` | [`Connection::output`] |
//! | `altcp_close` / `altcp_abort` | [`Connection::close`] / [`Connection::abort`] |
//! | `altcp_nagle_disable`, `altcp_keepalive_*` | [`Connection::set_nodelay`], [`Connection::set_keep_alive`] |
//! | `sys_now()` | an [`Instant`] argument; [`Clock`] where a driver needs one |
//!
//! ## Example: a layer written once, over any connection
//!
//! ```
//! use rawnet_altcp::{Callbacks, Connection, Duration, Instant};
//!
//! /// A layer that answers every line it receives with "ok\n" (it could equally sit on a
//! /// rawnet-tcp connection or a rawnet-tls one).
//! struct Ack;
//! impl<C: Connection> Callbacks<C> for Ack {
//!     fn recv(&mut self, conn: &mut C, data: &[u8], _now: Instant) -> usize {
//!         let Some(end) = data.iter().position(|&b| b == b'\n') else {
//!             return 0; // no whole line yet: leave the bytes with the connection
//!         };
//!         if conn.send_space() < 3 {
//!             return 0; // no room for the answer: take nothing, be offered it again
//!         }
//!         let _ = conn.write(b"ok\n");
//!         let _ = conn.output();
//!         end + 1
//!     }
//!     fn err(&mut self, _err: C::Error, _now: Instant) {}
//! }
//!
//! /// A connection that keeps what it is given, with 8 bytes of send space.
//! #[derive(Default)]
//! struct Wire(Vec<u8>);
//! impl Connection for Wire {
//!     type Error = ();
//!     fn send_space(&self) -> usize { 8 - self.0.len() }
//!     fn write(&mut self, d: &[u8]) -> nb::Result<usize, ()> {
//!         let n = d.len().min(self.send_space());
//!         if n == 0 { return Err(nb::Error::WouldBlock) }
//!         self.0.extend_from_slice(&d[..n]);
//!         Ok(n)
//!     }
//!     fn output(&mut self) -> Result<(), ()> { Ok(()) }
//!     fn close(&mut self) -> Result<(), ()> { Ok(()) }
//!     fn abort(&mut self) {}
//!     fn set_nodelay(&mut self, _: bool) {}
//!     fn set_keep_alive(&mut self, _: Option<Duration>) {}
//!     fn is_connected(&self) -> bool { true }
//! }
//!
//! let (mut wire, now) = (Wire::default(), Instant::from_ticks(0));
//! assert_eq!(Ack.recv(&mut wire, b"hel", now), 0); // kept below, offered again later
//! assert_eq!(Ack.recv(&mut wire, b"hello\nwor", now), 6);
//! assert_eq!(wire.0, b"ok\n");
//! ```
//!
//! ## Cargo features
//!
//! - `std`: [`StdClock`], the host's monotonic clock.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod clock;
mod conn;

pub use clock::Clock;
#[cfg(feature = "std")]
pub use clock::StdClock;
pub use conn::{Callbacks, Connection};
/// The non-blocking results of [`Connection::write`], re-exported so that an implementation
/// needs no direct dependency on `nb`.
pub use nb;

/// A point in time: milliseconds on the board's monotonic timeline.
pub type Instant = fugit::MonotonicTimerInstantU64<1000>;
/// A span of time in milliseconds.
pub type Duration = fugit::MillisDurationU64;

#[cfg(test)]
mod tests;
