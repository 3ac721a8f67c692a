//! [`HostTcp`] (feature `std`, Unix): a TCP connection of the host's own kernel, driven with
//! the same callbacks, in the same order, as a connection of the smoltcp [`Stack`](crate::Stack).
//!
//! The layers above rawnet-tcp (rawnet-tls, the rawnet-mqtt client) are written against
//! [`Connection`] and [`Callbacks`]. On a development machine they can run over a socket of
//! the host instead of the embedded stack: `HostTcp::connect(addr, timers)` opens it, and
//! [`HostTcp::drive`] fires the callbacks with the code that [`Stack::drive`](crate::Stack::drive)
//! uses (the order of the [crate] documentation: connected, sent, recv, eof, the end, timeouts, poll), so a
//! layer cannot tell the two apart except where the kernel keeps other promises (below).
//! [`HostTcp::wait`] sleeps until the socket or the order's timers need a `drive`.
//!
//! ```no_run
//! use rawnet_altcp::{Callbacks, Connection, Instant, StdClock, Clock};
//! use rawnet_tcp::host::HostTcp;
//! use rawnet_tcp::TcpTimers;
//!
//! struct Hello;
//! impl<C: Connection> Callbacks<C> for Hello {
//!     fn connected(&mut self, conn: &mut C, _: Instant) {
//!         let _ = conn.write(b"hello\n");
//!         let _ = conn.close();
//!     }
//!     fn recv(&mut self, _: &mut C, data: &[u8], _: Instant) -> usize {
//!         data.len()
//!     }
//!     fn err(&mut self, e: C::Error, _: Instant) {
//!         eprintln!("{e:?}");
//!     }
//! }
//!
//! let mut clock = StdClock::new();
//! let mut tcp = HostTcp::connect("127.0.0.1:7".parse().unwrap(), TcpTimers::default())?;
//! while tcp.is_active() {
//!     tcp.drive(&mut Hello, clock.now());
//!     tcp.wait(None, clock.now())?;
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## What the kernel's socket keeps of the [`Connection`] contract
//!
//! - **`sent` reports the bytes the kernel took**, not the peer's acknowledgement: the kernel
//!   gives no event when an acknowledgement arrives, so a `sent` that waited for one would
//!   leave the layers idle until their next poll (a 256 MiB publish took 11 s that way
//!   instead of under one). The send space is [`HostTcp::with_send_buffer`]'s buffer in this
//!   process (bytes the kernel did not take yet); the kernel's own buffer comes on top of it.
//!   What does need the acknowledgement reads it from the kernel (Linux's `SIOCOUTQ`: bytes
//!   written and not acknowledged): the data timeout and the graceful end.
//! - **`abort` sends a reset** (`SO_LINGER` 0, then the socket is closed), as smoltcp's does.
//! - **The connect blocks** ([`HostTcp::connect`], bounded by the connect timeout): std has no
//!   non-blocking connect, so a refusal or a timeout is that call's error, not an `err`
//!   callback, and `connected` comes with the first `drive`.
//! - **The data timeout** runs while bytes wait in this process or in the kernel unacknowledged
//!   (Linux), like smoltcp's; the kernel's own retransmission limit (minutes) may end the
//!   connection earlier, as `err(TimedOut)` too.
//! - **Errors** are the kernel's, named as [`TcpError`]s: a reset is `Reset`, `ETIMEDOUT` is
//!   `TimedOut`, unreachable networks and hosts are `Unreachable`, anything else on an open
//!   connection is reported as `Reset` (the connection is gone).
//! - `set_keep_alive` sets the kernel's TCP keep-alive (idle time and interval);
//!   `set_nodelay` its `TCP_NODELAY`.

mod sys;
#[cfg(test)]
mod tests;

use std::io::{self, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};

use crate::conn::{ConnState, TcpStatus};
use crate::order::{fire, Lower};
use crate::time::since;
use crate::{Callbacks, Connection, Duration, Instant, TcpError, TcpTimers};

/// The send buffer in this process unless [`HostTcp::with_send_buffer`] says otherwise.
pub const DEFAULT_SEND_BUFFER: usize = 64 * 1024;
/// The most received bytes one `recv` callback is offered (unless
/// [`HostTcp::with_recv_chunk`] says less).
pub const MAX_RECV_CHUNK: usize = 16 * 1024;

/// The kernel's socket and what this process keeps for it.
#[derive(Debug)]
struct Io {
    /// `None` once aborted (the descriptor is closed, which sent the reset).
    stream: Option<TcpStream>,
    /// Bytes the layer wrote that the kernel has not taken yet.
    tx: Vec<u8>,
    capacity: usize,
    /// Bytes handed to the kernel on this connection.
    to_kernel: u64,
    /// The peer's FIN: a peek found the end of the stream (so every byte before it was
    /// taken).
    fin: bool,
    /// Our FIN was handed to the kernel (`shutdown(Write)` after a close, once `tx` emptied).
    shut: bool,
    /// The socket failed with this error.
    failed: Option<ErrorKind>,
}

impl Io {
    /// Hand buffered bytes to the kernel, as many as it takes without blocking; after a
    /// close, our FIN once they are all in.
    fn flush(&mut self, st: &ConnState) {
        let Some(stream) = &mut self.stream else {
            return;
        };
        while !self.tx.is_empty() && self.failed.is_none() {
            match stream.write(&self.tx) {
                Ok(0) => self.failed = Some(ErrorKind::WriteZero),
                Ok(n) => {
                    self.tx.drain(..n);
                    self.to_kernel += n as u64;
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => self.failed = Some(e.kind()),
            }
        }
        if st.local_close && self.tx.is_empty() && !self.shut && self.failed.is_none() {
            self.shut = true;
            if let Err(e) = stream.shutdown(Shutdown::Write) {
                self.failed = Some(e.kind());
            }
        }
    }

    /// Bytes (and our FIN, counted as one) in the kernel that the peer has not acknowledged;
    /// 0 where the system cannot tell.
    fn in_flight(&self) -> u64 {
        let n = self.stream.as_ref().and_then(sys::unacknowledged);
        n.unwrap_or(0)
    }

    fn abort(&mut self) {
        if let Some(stream) = self.stream.take() {
            let _ = sys::linger_zero(&stream);
            // Dropping the stream closes it: with SO_LINGER 0, a reset.
        }
        self.tx.clear();
    }
}

/// A TCP connection of the host's kernel, driven like a rawnet-tcp connection (see the
/// [module documentation](self)).
#[derive(Debug)]
pub struct HostTcp {
    io: Io,
    st: ConnState,
    scratch: Box<[u8]>,
    chunk: usize,
    peer: SocketAddr,
}

impl HostTcp {
    /// Connect to `addr`, blocking for at most `timers.connect_timeout`. The connection is
    /// announced to the callbacks (`connected`) by the first [`drive`](Self::drive).
    pub fn connect(addr: SocketAddr, timers: TcpTimers) -> Result<HostTcp, TcpError> {
        let timeout = std::time::Duration::from_millis(timers.connect_timeout.as_ticks().max(1));
        let stream = TcpStream::connect_timeout(&addr, timeout).map_err(|e| tcp_error(e.kind()))?;
        HostTcp::from_stream(stream, timers).map_err(|e| tcp_error(e.kind()))
    }

    /// Drive an already connected `stream` (it is made non-blocking).
    pub fn from_stream(stream: TcpStream, timers: TcpTimers) -> io::Result<HostTcp> {
        stream.set_nonblocking(true)?;
        let peer = stream.peer_addr()?;
        let mut st = ConnState::new(timers);
        st.restart(TcpStatus::Connecting, Instant::from_ticks(0));
        Ok(HostTcp {
            io: Io {
                stream: Some(stream),
                tx: Vec::new(),
                capacity: DEFAULT_SEND_BUFFER,
                to_kernel: 0,
                fin: false,
                shut: false,
                failed: None,
            },
            st,
            scratch: vec![0; MAX_RECV_CHUNK].into_boxed_slice(),
            chunk: MAX_RECV_CHUNK,
            peer,
        })
    }

    /// The send buffer in this process: what [`Connection::send_space`] offers when the kernel
    /// took everything ([`DEFAULT_SEND_BUFFER`] by default; at least 1).
    pub fn with_send_buffer(mut self, bytes: usize) -> Self {
        self.io.capacity = bytes.max(1);
        self
    }

    /// Offer received bytes in pieces of at most `bytes` (1 to [`MAX_RECV_CHUNK`]): to test
    /// how a layer reassembles its records.
    pub fn with_recv_chunk(mut self, bytes: usize) -> Self {
        self.chunk = bytes.clamp(1, MAX_RECV_CHUNK);
        self
    }

    /// Fire the callbacks for everything that happened since the last call, in rawnet-tcp's
    /// order (see the [crate] documentation); bytes the callbacks wrote are handed to the
    /// kernel before this returns. Does nothing once the connection ended.
    pub fn drive<C>(&mut self, callbacks: &mut C, now: Instant)
    where
        C: for<'s> Callbacks<HostConn<'s>>,
    {
        if !self.is_active() {
            return;
        }
        self.io.flush(&self.st);
        let mut lower = Host {
            io: &mut self.io,
            scratch: &mut self.scratch[..self.chunk],
        };
        fire(&mut lower, &mut self.st, callbacks, now);
        self.io.flush(&self.st);
    }

    /// Sleep until the socket has something for [`drive`](Self::drive) (bytes, the peer's
    /// FIN, an error, room for buffered bytes, a `sent` to report), the connection's own
    /// timers are due
    /// ([`poll_at`](Self::poll_at)), or `until`. Returns at once when the connection ended.
    pub fn wait(&self, until: Option<Instant>, now: Instant) -> io::Result<()> {
        let Some(stream) = &self.io.stream else {
            return Ok(());
        };
        if !self.is_active() || self.io.failed.is_some() {
            return Ok(());
        }
        let deadline = match (until, self.poll_at()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if self.io.to_kernel > self.st.acked {
            // Bytes the kernel took are not reported yet: `drive` has a `sent` to give.
            return Ok(());
        }
        let timeout = deadline.map(|d| since(d, now).as_ticks());
        sys::wait(stream, !self.io.fin, !self.io.tx.is_empty(), timeout)
    }

    /// The connection, to write, close or abort outside a callback (what is written is
    /// handed to the kernel at once when [`Connection::output`] is called, else at the next
    /// `drive`).
    pub fn connection(&mut self) -> HostConn<'_> {
        HostConn {
            io: &mut self.io,
            st: &mut self.st,
        }
    }

    /// Where the connection stands ([`TcpStatus::Connecting`] until the first `drive`).
    pub fn status(&self) -> TcpStatus {
        self.st.status
    }

    /// Whether the layer closed the connection (a FIN) or aborted it.
    pub fn closed_locally(&self) -> bool {
        self.st.local_close || self.io.stream.is_none()
    }

    /// Whether callbacks may still come: the connection did not end.
    pub fn is_active(&self) -> bool {
        self.st.is_active()
    }

    /// The error the connection ended with (the one given to `err`), if any.
    pub fn error(&self) -> Option<TcpError> {
        self.st.error
    }

    /// When [`drive`](Self::drive) is next due for the connection's own timers.
    pub fn poll_at(&self) -> Option<Instant> {
        self.st.poll_at()
    }

    /// Bytes written on the connection.
    pub fn bytes_written(&self) -> u64 {
        self.st.written
    }

    /// Bytes reported through `sent`.
    pub fn bytes_acked(&self) -> u64 {
        self.st.acked
    }

    /// The peer's address.
    pub fn peer_addr(&self) -> SocketAddr {
        self.peer
    }

    /// This connection's timers.
    pub fn timers(&self) -> TcpTimers {
        self.st.timers
    }

    /// Change the timers; they apply from the next `drive`.
    pub fn set_timers(&mut self, timers: TcpTimers) {
        self.st.timers = timers;
    }
}

/// The kernel's socket as the callback order sees it.
struct Host<'x> {
    io: &'x mut Io,
    scratch: &'x mut [u8],
}

impl<C> Lower<C> for Host<'_>
where
    C: for<'s> Callbacks<HostConn<'s>>,
{
    fn synchronized(&mut self) -> bool {
        true
    }

    fn acked(&mut self, _st: &ConnState) -> Option<u64> {
        Some(self.io.to_kernel)
    }

    fn recv(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) -> (usize, usize) {
        let Some(stream) = &self.io.stream else {
            return (0, 0);
        };
        if self.io.fin || self.io.failed.is_some() {
            return (0, 0);
        }
        let n = match stream.peek(self.scratch) {
            Ok(0) => {
                self.io.fin = true;
                return (0, 0);
            }
            Ok(n) => n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) => {
                return (0, 0)
            }
            Err(e) => {
                self.io.failed = Some(e.kind());
                return (0, 0);
            }
        };
        let conn = &mut HostConn { io: self.io, st };
        let taken = cb.recv(conn, &self.scratch[..n], now).min(n);
        if st.status == TcpStatus::Open {
            self.dequeue(taken);
        }
        (n, taken)
    }

    fn fin_taken(&mut self) -> bool {
        self.io.fin
    }

    fn ended(&mut self, st: &mut ConnState) -> Option<Option<TcpError>> {
        if let Some(kind) = self.io.failed {
            return Some(Some(tcp_error(kind)));
        }
        // Both FINs, and ours acknowledged with everything before it: LAST-ACK ended.
        let graceful = st.local_close && self.io.shut && self.io.fin && self.io.in_flight() == 0;
        graceful.then_some(None)
    }

    fn awaiting_ack(&mut self) -> bool {
        !self.io.tx.is_empty() || self.io.in_flight() > 0
    }

    fn abort(&mut self, _st: &mut ConnState) {
        self.io.abort();
    }

    fn connected(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) {
        cb.connected(&mut HostConn { io: self.io, st }, now);
    }

    fn sent(&mut self, st: &mut ConnState, cb: &mut C, len: usize, now: Instant) {
        cb.sent(&mut HostConn { io: self.io, st }, len, now);
    }

    fn eof(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) {
        cb.eof(&mut HostConn { io: self.io, st }, now);
    }

    fn poll(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) {
        cb.poll(&mut HostConn { io: self.io, st }, now);
    }

    fn err(cb: &mut C, err: TcpError, now: Instant) {
        cb.err(err, now);
    }
}

impl Host<'_> {
    /// Take `n` bytes the layer accepted out of the kernel's receive queue (they were
    /// peeked, so they are there).
    fn dequeue(&mut self, mut n: usize) {
        let Some(stream) = &mut self.io.stream else {
            return;
        };
        while n > 0 {
            let k = n.min(self.scratch.len());
            match stream.read(&mut self.scratch[..k]) {
                Ok(0) => break,
                Ok(k) => n -= k,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => {
                    self.io.failed = Some(e.kind());
                    break;
                }
            }
        }
    }
}

/// A [`HostTcp`] borrowed: what callbacks are given, and what [`HostTcp::connection`]
/// returns.
#[derive(Debug)]
pub struct HostConn<'s> {
    io: &'s mut Io,
    st: &'s mut ConnState,
}

impl HostConn<'_> {
    /// Where the connection stands.
    pub fn status(&self) -> TcpStatus {
        self.st.status
    }

    /// Bytes written and not yet taken by the kernel.
    pub fn buffered(&self) -> usize {
        self.io.tx.len()
    }

    fn open(&self) -> bool {
        self.st.status == TcpStatus::Open && !self.st.local_close && self.io.failed.is_none()
    }
}

impl Connection for HostConn<'_> {
    type Error = TcpError;

    fn send_space(&self) -> usize {
        match self.open() {
            true => self.io.capacity.saturating_sub(self.io.tx.len()),
            false => 0,
        }
    }

    fn write(&mut self, data: &[u8]) -> nb::Result<usize, TcpError> {
        if !self.open() {
            return Err(nb::Error::Other(TcpError::NotConnected));
        }
        if data.is_empty() {
            return Ok(0);
        }
        let n = data.len().min(self.send_space());
        if n == 0 {
            return Err(nb::Error::WouldBlock);
        }
        self.io.tx.extend_from_slice(&data[..n]);
        self.st.written += n as u64;
        Ok(n)
    }

    fn output(&mut self) -> Result<(), TcpError> {
        if self.st.status != TcpStatus::Open {
            return Err(TcpError::NotConnected);
        }
        self.io.flush(self.st);
        Ok(())
    }

    fn close(&mut self) -> Result<(), TcpError> {
        match self.st.status {
            TcpStatus::Open => {
                self.st.local_close = true;
                self.io.flush(self.st);
                Ok(())
            }
            TcpStatus::Connecting | TcpStatus::Listening => {
                self.io.abort();
                self.st.status = TcpStatus::Closed;
                Ok(())
            }
            TcpStatus::Idle | TcpStatus::Closed => Err(TcpError::NotConnected),
        }
    }

    fn abort(&mut self) {
        if self.st.is_active() {
            self.io.abort();
            self.st.status = TcpStatus::Closed;
        }
    }

    fn set_nodelay(&mut self, nodelay: bool) {
        if let Some(s) = &self.io.stream {
            let _ = s.set_nodelay(nodelay);
        }
    }

    fn set_keep_alive(&mut self, interval: Option<Duration>) {
        if let Some(s) = &self.io.stream {
            let secs = interval.map(|d| u32::try_from(d.as_ticks() / 1000).unwrap_or(u32::MAX));
            let _ = sys::keep_alive(s, secs);
        }
    }

    fn is_connected(&self) -> bool {
        self.open() && !self.io.fin
    }
}

/// The kernel's error as the reason a connection failed.
fn tcp_error(kind: ErrorKind) -> TcpError {
    match kind {
        ErrorKind::ConnectionRefused => TcpError::Refused,
        ErrorKind::TimedOut => TcpError::TimedOut,
        ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable => TcpError::Unreachable,
        ErrorKind::AddrNotAvailable => TcpError::Unreachable,
        ErrorKind::ConnectionAborted => TcpError::Aborted,
        ErrorKind::NotConnected => TcpError::NotConnected,
        _ => TcpError::Reset,
    }
}
