//! `embedded-io` / `embedded-io-async` drivers: the MQTT client over any byte stream.
//!
//! [`Client`] is driven by the callbacks of the connection below it (rawnet-tcp, or
//! rawnet-tls over it). Users of another stack (embassy-net's `TcpSocket`, a std socket,
//! rawnet-tls's own `rawnet_tls::io::TlsStream`, a modem's socket) have a byte
//! stream implementing [`embedded_io_async::Read`] + [`embedded_io_async::Write`] (or their
//! blocking [`embedded_io`] counterparts) instead. [`Driver`] (async) and [`BlockingDriver`]
//! run the client over such a stream, with time from a [`Clock`].
//!
//! The client's state machine is not changed for this: the driver plays the connection below. It lends the
//! client a [`StreamConn`] — a [`Connection`] whose send buffer is
//! the caller's `tx` staging — and calls the client's callbacks as rawnet-tcp's `Stack::drive`
//! does: `connected` once, `sent` with the bytes each write to the stream took, `recv` with
//! the bytes read (those the client does not take stay in the caller's `rx` buffer and are
//! offered again, with what arrives after them), `eof` when the stream ends, `err` when a
//! write fails, and `poll`. So the client behaves exactly as it does over TCP or TLS: the
//! same output step, the same back-pressure, the same timers.
//!
//! ## Semantics
//!
//! - **connect** tells the client the stream is up (its `connected` callback: CONNECT goes
//!   into the output ring), writes it out and runs until the broker's CONNACK accepted the
//!   connection, or fails with the reason ([`Error::Disconnected`] with
//!   [`Disconnected::Refused`] and the reason code, say). One driver carries one connection;
//!   for the next one, make a new driver over a new stream with the same client (it resumes
//!   its session). If the client still counts a connection as up (a driver was dropped in the
//!   middle of one), `connect` first ends that one as a transport failure
//!   ([`Handler::transport_error`] with `ErrorKind::ConnectionAborted`, then
//!   [`Disconnected::Transport`]), as TCP would have told it.
//! - **Commands** ([`Driver::command`]): publish, subscribe, unsubscribe, disconnect... run
//!   on the client with the [`StreamConn`] and the current time; they never wait. What they
//!   write goes to the `tx` staging (the rest waits in the client's ring) and leaves at the
//!   next `flush`, `poll` or `run_until`.
//! - **flush** writes everything staged to the stream (refilling the staging from the ring
//!   through the client's `sent` callback, as TCP acknowledgements do) and flushes the
//!   stream. It reads nothing.
//! - **poll** runs one step: the client's `poll` (timers: keep-alive PINGREQ, request and
//!   connect timeouts; queued messages), everything staged out, then **one** read from the
//!   stream, the bytes to the client, its answers (PUBACK, PUBREC...) out. Events reach the
//!   client's [`Handler`]. If the client takes no more bytes until the application acts (a
//!   PUBLISH larger than the ring being streamed with [`Client::write_payload`]) and `rx` is
//!   full, `poll` fails with [`Error::Busy`] instead of reading. **run_until** repeats `poll`
//!   until a condition on the client holds. The end of the stream reaches the client (its
//!   `eof`: it closes, [`Disconnected::Closed`]) once it took every byte read before it.
//! - **Timers**: in every step the driver calls the client's `poll` after offering it the
//!   bytes already read (rawnet-tcp's order: input first, then the timers), so its timers
//!   fire at the first step at or after [`Driver::poll_at`]. A step waiting for bytes does
//!   not wake up by itself: bound it with the executor's timer at `poll_at()`
//!   (`embassy_time::with_deadline`, `tokio::time::timeout_at`), which is safe (see
//!   cancellation) — or, blocking, give the socket a read timeout. Bytes still in the stream
//!   are read after the timers ran: an application that runs no step for 1.5 × keep-alive
//!   can see [`Disconnected::KeepAliveTimeout`] although the broker did answer.
//! - **disconnect** sends DISCONNECT after what is already in the ring, flushes, and ends
//!   the connection ([`Disconnected::Requested`]); the stream itself is not closed (take it
//!   back with `into_inner`).
//! - **Errors** are [`Error`]: [`Error::Io`] with the stream's own error, [`Error::WriteZero`],
//!   [`Error::Disconnected`] with the reason the client's [`Handler::disconnected`] got. An
//!   error from the stream's `read` leaves everything as it was, so the call can be repeated
//!   (a socket read timeout, say); to give up, [`Driver::abort`]. After an error from its
//!   `write` or `flush` (or a write of 0 bytes), part of a packet may have left: the client is
//!   told (its `err`: [`Handler::transport_error`] with the error's
//!   [`ErrorKind`], then [`Disconnected::Transport`]) and every later call returns
//!   `Error::Disconnected(Transport)`. Once the connection ended for any reason, `connect`
//!   and `poll` return `Error::Disconnected` with that reason; `flush` returns `Ok`.
//! - **Cancellation** (async): `connect`, `flush`, `poll`, `run_until` and `disconnect` may be
//!   dropped at any await without losing or duplicating a byte, provided the stream's `read`
//!   and `write` futures are cancel-safe (tokio's and embassy-net's are): every await is one
//!   stream operation whose result is applied before the next, and the call can simply be
//!   made again.
//!
//! ## Memory
//!
//! The caller's: the client's buffers, `rx` (bytes read and not yet taken; the client takes
//! whole packets from it without copying when they fit) and `tx` (the send staging: bytes
//! the client's output step copied out of its ring, waiting for the stream). 256 bytes each
//! is plenty; any size from 1 works (smaller means more stream calls). No heap.
//!
//! ## Example (async)
//!
//! ```no_run
//! use rawnet_altcp::Instant;
//! use rawnet_mqtt::client::{BufferStorage, Client, Options, Publication};
//! use rawnet_mqtt::io::{Driver, Error};
//! use rawnet_mqtt::wire::QoS;
//!
//! # async fn demo<T: embedded_io_async::Read + embedded_io_async::Write>(
//! #     socket: T, ticks_ms: fn() -> u64,
//! # ) -> Result<(), Error<T::Error>> {
//! // `socket`: any embedded-io-async stream connected to the broker (embassy-net's
//! // TcpSocket, rawnet-tls's TlsStream, ...).
//! let mut storage = BufferStorage::<512, 512, 1024>::new();
//! let mut client: Client<'_, ()> = Client::new((), Options::new("k64f"), storage.buffers());
//! let (mut rx, mut tx) = ([0u8; 256], [0u8; 256]);
//! let clock = || Instant::from_ticks(ticks_ms()); // the board's millisecond tick
//! let mut mqtt = Driver::new(&mut client, socket, clock, &mut rx, &mut tx);
//! mqtt.connect().await?; // CONNACK accepted, or the reason why not
//! let msg = Publication::new("sensors/temp", b"21.5").qos(QoS::AtLeastOnce);
//! mqtt.command(|client, conn, now| client.publish(conn, &msg, now)).ok();
//! mqtt.run_until(|client| client.in_flight() == 0).await?; // until the PUBACK
//! mqtt.disconnect().await?;
//! # Ok(())
//! # }
//! ```

// Between the client and a network stream: the same no-panic lints as the client.
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable
    )
)]

use core::fmt;

use embedded_io::ErrorKind;
use rawnet_altcp::{Callbacks, Connection, Duration, Instant};

/// Where the drivers read the time (rawnet-altcp's, shared with rawnet-tls's adapters): any
/// `FnMut() -> Instant`, or
// `StdClock` exists with `std` only: a link to it would not resolve without.
#[cfg_attr(feature = "std", doc = "[`StdClock`] with `std`.")]
#[cfg_attr(not(feature = "std"), doc = "`StdClock` with `std`.")]
pub use rawnet_altcp::Clock;
/// The host's monotonic clock (feature `std`).
#[cfg(feature = "std")]
pub use rawnet_altcp::StdClock;

use crate::client::{Client, Disconnected, Handler};

mod asynch;
mod blocking;

pub use asynch::Driver;
pub use blocking::BlockingDriver;

/// Why a driver call failed. `E` is the stream's error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Error<E> {
    /// The stream failed. From its `read`: nothing changed and the call can be repeated.
    /// From its `write` or `flush`: the connection is over (the client was told).
    Io(E),
    /// The stream took no bytes from a write: the connection is over (the client was told).
    WriteZero,
    /// The MQTT connection is over, for this reason (the one [`Handler::disconnected`] got).
    Disconnected(Disconnected),
    /// `connect` was not called yet.
    NotConnected,
    /// Nothing can be read: the client takes no received bytes until the application
    /// finishes the PUBLISH it is streaming ([`Client::write_payload`]), and `rx` is full
    /// (or the stream has ended). Nothing changed; finish the stream and call again.
    Busy,
}

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "stream error: {e:?}"),
            Error::WriteZero => f.write_str("the stream took no bytes"),
            Error::Disconnected(d) => fmt::Display::fmt(d, f),
            Error::NotConnected => f.write_str("not connected: call connect first"),
            Error::Busy => f.write_str("the client takes no input while streaming a PUBLISH"),
        }
    }
}

impl<E: fmt::Debug> core::error::Error for Error<E> {}

impl<E: embedded_io::Error> embedded_io::Error for Error<E> {
    fn kind(&self) -> ErrorKind {
        match self {
            Error::Io(e) => e.kind(),
            Error::WriteZero => ErrorKind::WriteZero,
            Error::NotConnected => ErrorKind::NotConnected,
            Error::Busy => ErrorKind::Other,
            Error::Disconnected(d) => match d {
                Disconnected::Refused(_) => ErrorKind::ConnectionRefused,
                Disconnected::ConnectTimeout
                | Disconnected::KeepAliveTimeout
                | Disconnected::RequestTimeout => ErrorKind::TimedOut,
                Disconnected::Protocol(_) => ErrorKind::InvalidData,
                Disconnected::Local(_) => ErrorKind::InvalidInput,
                Disconnected::Closed => ErrorKind::ConnectionReset,
                Disconnected::Requested => ErrorKind::NotConnected,
                _ => ErrorKind::ConnectionAborted,
            },
        }
    }
}

/// Bytes waiting in a caller's buffer: `buf[start..end]`.
#[derive(Debug)]
struct Queue<'d> {
    buf: &'d mut [u8],
    start: usize,
    end: usize,
}

impl<'d> Queue<'d> {
    fn new(buf: &'d mut [u8]) -> Self {
        Queue {
            buf,
            start: 0,
            end: 0,
        }
    }

    fn data(&self) -> &[u8] {
        self.buf.get(self.start..self.end).unwrap_or_default()
    }

    fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    fn free(&self) -> usize {
        self.buf.len().saturating_sub(self.len())
    }

    /// Moves the waiting bytes to the front.
    fn compact(&mut self) {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end = self.len();
            self.start = 0;
        }
    }

    /// The room after the waiting bytes (all of the free space).
    fn spare(&mut self) -> &mut [u8] {
        self.compact();
        self.buf.get_mut(self.end..).unwrap_or_default()
    }

    /// `n` bytes were written into [`Queue::spare`].
    fn commit(&mut self, n: usize) {
        self.end = self.end.saturating_add(n).min(self.buf.len());
    }

    /// Appends as much of `data` as fits; how much.
    fn push(&mut self, data: &[u8]) -> usize {
        let spare = self.spare();
        let n = data.len().min(spare.len());
        if let (Some(dst), Some(src)) = (spare.get_mut(..n), data.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.commit(n);
        n
    }

    fn consume(&mut self, n: usize) {
        self.start = self.start.saturating_add(n).min(self.end);
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        }
    }

    fn clear(&mut self) {
        self.start = 0;
        self.end = 0;
    }
}

/// The connection as the client sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// `connect` not called yet.
    Idle,
    /// Carrying data both ways.
    Open,
    /// The client closed it: what it wrote still leaves, then the end.
    Closing,
    /// Over: closed with everything out, aborted, or failed.
    Closed,
}

/// The [`Connection`] a driver lends the client: writes go to the caller's `tx` staging,
/// which the driver writes to the stream. Given to [`Driver::command`] for the client's
/// commands.
///
/// Its error is the [`ErrorKind`] of the stream's failure (the error itself is returned by
/// the driver call that met it). `set_nodelay` and `set_keep_alive` do nothing: set them on
/// the socket under the stream.
#[derive(Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct StreamConn<'x, 'd> {
    tx: &'x mut Queue<'d>,
    link: &'x mut Link,
}

impl Connection for StreamConn<'_, '_> {
    type Error = ErrorKind;

    fn send_space(&self) -> usize {
        match self.link {
            Link::Open => self.tx.free(),
            _ => 0,
        }
    }

    fn write(&mut self, data: &[u8]) -> nb::Result<usize, ErrorKind> {
        if *self.link != Link::Open {
            return Err(nb::Error::Other(ErrorKind::NotConnected));
        }
        match self.tx.push(data) {
            0 => Err(nb::Error::WouldBlock),
            n => Ok(n),
        }
    }

    fn output(&mut self) -> Result<(), ErrorKind> {
        // Everything staged leaves at the driver's next write.
        match self.link {
            Link::Closed => Err(ErrorKind::NotConnected),
            _ => Ok(()),
        }
    }

    fn close(&mut self) -> Result<(), ErrorKind> {
        *self.link = match *self.link {
            Link::Open => Link::Closing,
            Link::Idle => Link::Closed,
            other => other,
        };
        Ok(())
    }

    fn abort(&mut self) {
        *self.link = Link::Closed;
        self.tx.clear();
    }

    fn set_nodelay(&mut self, nodelay: bool) {
        let _ = nodelay;
    }

    fn set_keep_alive(&mut self, interval: Option<Duration>) {
        let _ = interval;
    }

    fn is_connected(&self) -> bool {
        *self.link == Link::Open
    }
}

/// What a driver call works toward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Goal {
    /// CONNACK accepted the connection.
    Connect,
    /// Everything staged written and the stream flushed; no reads.
    Flush,
    /// One read processed and its answers flushed.
    Poll,
}

/// What the driver must do next with the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// The goal is reached.
    Done,
    /// Write the staged bytes ([`Core::staged`]).
    Write,
    /// Flush the stream.
    Flush,
    /// Read into [`Core::spare`].
    Read,
}

/// The I/O-free part both drivers share: the client, the two queues and the link state;
/// says what the stream must do next and turns its results into the client's callbacks.
struct Core<'d, 'b, H, const N: usize, const M: usize> {
    client: &'d mut Client<'b, H, N, M>,
    rx: Queue<'d>,
    tx: Queue<'d>,
    link: Link,
    /// The stream ended: never read again.
    eof: bool,
    /// The client was told the end (after it took every byte before it).
    eof_told: bool,
    /// Bytes were written since the last flush of the stream.
    unflushed: bool,
}

impl<'d, 'b, H: Handler, const N: usize, const M: usize> Core<'d, 'b, H, N, M> {
    fn new(client: &'d mut Client<'b, H, N, M>, rx: &'d mut [u8], tx: &'d mut [u8]) -> Self {
        Core {
            client,
            rx: Queue::new(rx),
            tx: Queue::new(tx),
            link: Link::Idle,
            eof: false,
            eof_told: false,
            unflushed: false,
        }
    }

    /// The client and the connection it writes to.
    fn split(&mut self) -> (&mut Client<'b, H, N, M>, StreamConn<'_, 'd>) {
        let conn = StreamConn {
            tx: &mut self.tx,
            link: &mut self.link,
        };
        (self.client, conn)
    }

    fn is_connected(&self) -> bool {
        self.link == Link::Open && self.client.is_connected()
    }

    /// The error every call reports once the connection is over.
    fn ended<E>(&self) -> Error<E> {
        Error::Disconnected(
            self.client
                .last_disconnect()
                .unwrap_or(Disconnected::Transport),
        )
    }

    /// Tell the client the stream is up (ending a connection it still counts as up first).
    fn start(&mut self, now: Instant) {
        let (client, mut conn) = self.split();
        // Connected, or connecting (only then is there a connect timer): the connection a
        // dropped driver carried.
        if client.is_connected() || client.poll_at().is_some() {
            Callbacks::<StreamConn<'_, '_>>::err(client, ErrorKind::ConnectionAborted, now);
        }
        *conn.link = Link::Open;
        client.connected(&mut conn, now);
    }

    /// Offer the received bytes to the client and keep what it does not take; once it took
    /// everything before the end of the stream, tell it the end (once).
    fn offer(&mut self, now: Instant) {
        if matches!(self.link, Link::Open | Link::Closing) && !self.rx.is_empty() {
            let mut conn = StreamConn {
                tx: &mut self.tx,
                link: &mut self.link,
            };
            let data = self.rx.data();
            let taken = self.client.recv(&mut conn, data, now).min(data.len());
            self.rx.consume(taken);
        }
        if self.eof && !self.eof_told && self.rx.is_empty() && self.link == Link::Open {
            self.eof_told = true;
            let (client, mut conn) = self.split();
            client.eof(&mut conn, now);
        }
    }

    /// The next step toward `goal` at `now`; `read`: this call already read once.
    fn next<E>(&mut self, goal: Goal, read: bool, now: Instant) -> Result<Next, Error<E>> {
        if self.link == Link::Idle {
            if goal != Goal::Connect {
                return Err(Error::NotConnected);
            }
            self.start(now);
        }
        // rawnet-tcp's order: what was received (then its end), then the timers.
        self.offer(now);
        if self.link == Link::Open {
            let (client, mut conn) = self.split();
            client.poll(&mut conn, now);
        }
        if !self.tx.is_empty() {
            return Ok(Next::Write);
        }
        if self.unflushed {
            return Ok(Next::Flush);
        }
        if self.link == Link::Closing {
            // Everything the client wrote before closing is out.
            self.link = Link::Closed;
        }
        if self.link == Link::Closed {
            return match goal {
                Goal::Flush => Ok(Next::Done),
                _ => Err(self.ended()),
            };
        }
        let done = match goal {
            Goal::Connect => self.client.is_connected(),
            Goal::Flush => true,
            Goal::Poll => read,
        };
        if done {
            return Ok(Next::Done);
        }
        if self.eof || self.rx.free() == 0 {
            // Nothing more can be read (the stream ended, or `rx` is full) and the client
            // takes none of what waits: it is streaming a PUBLISH out.
            return Err(Error::Busy);
        }
        Ok(Next::Read)
    }

    /// The staged bytes to write.
    fn staged(&self) -> &[u8] {
        self.tx.data()
    }

    /// Apply a write of [`Core::staged`]: the stream took `n` (> 0) bytes, and as TCP's
    /// acknowledgement `sent` lets the client refill the staging from its ring; 0 or an
    /// error ends the connection. `Ok(true)`: everything staged has left.
    fn wrote<E: embedded_io::Error>(
        &mut self,
        result: Result<usize, E>,
        now: Instant,
    ) -> Result<bool, Error<E>> {
        let n = match result {
            Ok(0) => {
                self.failed(ErrorKind::WriteZero, now);
                return Err(Error::WriteZero);
            }
            Ok(n) => n,
            Err(e) => {
                self.failed(e.kind(), now);
                return Err(Error::Io(e));
            }
        };
        self.tx.consume(n);
        self.unflushed = true;
        if matches!(self.link, Link::Open | Link::Closing) {
            let (client, mut conn) = self.split();
            client.sent(&mut conn, n, now);
        }
        Ok(self.tx.is_empty())
    }

    /// Apply a flush of the stream; an error ends the connection.
    fn flushed<E: embedded_io::Error>(
        &mut self,
        result: Result<(), E>,
        now: Instant,
    ) -> Result<(), Error<E>> {
        match result {
            Ok(()) => {
                self.unflushed = false;
                Ok(())
            }
            Err(e) => {
                self.failed(e.kind(), now);
                Err(Error::Io(e))
            }
        }
    }

    /// Where the next read goes.
    fn spare(&mut self) -> &mut [u8] {
        self.rx.spare()
    }

    /// Apply a read into [`Core::spare`]: `n` bytes, 0 the stream ended. An error changes
    /// nothing (the call can be repeated).
    fn received<E>(&mut self, result: Result<usize, E>, now: Instant) -> Result<(), Error<E>> {
        match result.map_err(Error::Io)? {
            0 => self.eof = true,
            n => self.rx.commit(n),
        }
        self.offer(now);
        Ok(())
    }

    /// A write or flush of the stream failed (`kind`): the connection is over.
    fn failed(&mut self, kind: ErrorKind, now: Instant) {
        let was = self.link;
        self.link = Link::Closed;
        self.tx.clear();
        self.unflushed = false;
        if matches!(was, Link::Open | Link::Closing) {
            Callbacks::<StreamConn<'_, '_>>::err(self.client, kind, now);
        }
    }
}

#[cfg(test)]
mod tests;
