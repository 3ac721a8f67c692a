//! [`Tls`]: the layer between TCP and the layer above (lwIP's `altcp_tls`).
//!
//! Toward TCP it implements [`Callbacks`]; toward the layer above it lends a [`TlsConn`]
//! that implements [`Connection`]. Every event from below runs [`Tls::pump`]: poll the
//! session future once more, move its records into TCP, deliver decrypted data upward,
//! repeat while anything moved. Nothing blocks and nothing is polled between events.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use rawnet_altcp::{Callbacks, Connection, Duration, Instant};

use crate::diagnose::classify;
use crate::driver::{End, Outcome, Session, RECORD_OVERHEAD};
use crate::error::Error;
use crate::pipe::Shared;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting for TCP's `connected`.
    Idle,
    Handshaking,
    Open,
    /// close_notify requested or sent; waiting for TCP to finish.
    Closing,
    /// `err` was delivered or the connection was aborted: nothing more is called.
    Done,
}

/// A [`Session`] as the transports take it: pinned by the caller, its future type-erased
/// (`dyn`: the future of an `async fn` has no name to write in a struct on stable Rust).
pub type SessionRef<'s, 'b> = Pin<&'s mut Session<'b, dyn Future<Output = Outcome> + 'b>>;

/// The TLS layer: `H` is the layer above (e.g. the MQTT client). `'s` borrows the session
/// future and the [`Shared`] staging, whose buffers live for `'b`.
pub struct Tls<'s, 'b, H> {
    inner: H,
    shared: &'s Shared<'b>,
    session: Pin<&'s mut (dyn Future<Output = Outcome> + 's)>,
    session_done: bool,
    phase: Phase,
    /// Close TCP once the staged records (close_notify) have left.
    close_tcp: bool,
    deadline: Option<Instant>,
    /// Bytes TCP acknowledged that are not yet matched to a whole record.
    acked: u32,
}

impl<'s, 'b, H> Tls<'s, 'b, H> {
    /// A TLS layer running `session` (from [`crate::session`], pinned), delivering to
    /// `inner`. The handshake starts when TCP reports `connected`.
    pub fn new(session: SessionRef<'s, 'b>, inner: H) -> Self {
        let (shared, session) = session.split();
        Tls {
            inner,
            shared,
            session,
            session_done: false,
            phase: Phase::Idle,
            close_tcp: false,
            deadline: None,
            acked: 0,
        }
    }

    /// The layer above.
    pub fn inner(&self) -> &H {
        &self.inner
    }

    /// The layer above, mutably (e.g. to queue a publish from the superloop).
    pub fn inner_mut(&mut self) -> &mut H {
        &mut self.inner
    }

    /// Whether the handshake completed and the connection is open.
    pub fn is_open(&self) -> bool {
        self.phase == Phase::Open
    }

    /// Whether the connection ended: `err` was delivered to the layer above, or TLS closed.
    pub fn is_done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// The layer above, back (e.g. the MQTT client, to resume its session on the next
    /// connection with a new session future).
    pub fn into_inner(self) -> H {
        self.inner
    }
}

impl<'b, H> Tls<'_, 'b, H> {
    /// Run `f` with the layer above and the TLS connection it writes to, from outside any
    /// callback — the way an lwIP application calls `mqtt_publish` from its main loop over
    /// `altcp_tls`. `conn` is the connection below (e.g. `stack.connection(&mut handle)`).
    /// What `f` wrote is encrypted and handed to `conn` before this returns.
    pub fn with_connection<C, R>(
        &mut self,
        conn: &mut C,
        now: Instant,
        f: impl FnOnce(&mut H, &mut TlsConn<'_, 'b, C>) -> R,
    ) -> R
    where
        C: Connection,
        H: for<'c> Callbacks<TlsConn<'c, 'b, C>>,
    {
        let shared = self.shared;
        let r = f(&mut self.inner, &mut TlsConn { conn, shared });
        self.pump(conn, now);
        r
    }

    fn fail<C>(&mut self, conn: &mut C, e: Error<C::Error>, now: Instant)
    where
        C: Connection,
        H: for<'c> Callbacks<TlsConn<'c, 'b, C>>,
    {
        if self.phase == Phase::Done {
            return;
        }
        self.phase = Phase::Done;
        // A fatal alert staged by the session goes out before the FIN.
        self.drain_tx(conn);
        let _ = conn.close();
        self.inner.err(e, now);
    }

    /// Run everything that can run now (see the module documentation).
    fn pump<C>(&mut self, conn: &mut C, now: Instant)
    where
        C: Connection,
        H: for<'c> Callbacks<TlsConn<'c, 'b, C>>,
    {
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            if self.phase == Phase::Done {
                return;
            }
            let mut progress = false;
            if !self.session_done {
                if let Poll::Ready(outcome) = self.session.as_mut().poll(&mut cx) {
                    self.session_done = true;
                    self.finish(conn, outcome, now);
                    continue;
                }
            } else if self.shared.close.get() && self.phase == Phase::Open {
                // The session already ended (peer's close_notify): close TCP directly.
                self.phase = Phase::Closing;
                self.close_tcp = true;
            }
            if self.phase == Phase::Handshaking && self.shared.opened.get() {
                self.phase = Phase::Open;
                self.deadline = None;
                let shared = self.shared;
                self.inner.connected(&mut TlsConn { conn, shared }, now);
                self.shared.flush.set(true);
                progress = true;
            }
            progress |= self.drain_tx(conn);
            progress |= self.deliver(conn, now);
            if self.close_tcp && self.shared.tx.borrow().is_empty() {
                self.close_tcp = false;
                let _ = conn.close();
            }
            if !progress {
                break;
            }
        }
        let _ = conn.output();
    }

    /// Hand decrypted data to the layer above; true if it took any.
    fn deliver<C>(&mut self, conn: &mut C, now: Instant) -> bool
    where
        C: Connection,
        H: for<'c> Callbacks<TlsConn<'c, 'b, C>>,
    {
        if !matches!(self.phase, Phase::Open | Phase::Closing) {
            return false;
        }
        let shared = self.shared;
        let plain = shared.plain_rx.borrow();
        if plain.is_empty() {
            return false;
        }
        // The layer above may write from `recv`: that touches plain_tx, never plain_rx.
        let taken = self
            .inner
            .recv(&mut TlsConn { conn, shared }, plain.data(), now);
        let taken = taken.min(plain.len());
        drop(plain);
        shared.plain_rx.borrow_mut().consume(taken);
        shared.flush.set(true);
        taken > 0
    }

    /// Move staged records into TCP as far as its send space allows.
    fn drain_tx<C>(&mut self, conn: &mut C) -> bool
    where
        C: Connection,
    {
        let mut moved = false;
        let mut tx = self.shared.tx.borrow_mut();
        while !tx.is_empty() {
            match conn.write(tx.data()) {
                Ok(n) => {
                    tx.consume(n);
                    moved = true;
                }
                Err(_) => break,
            }
        }
        moved
    }

    fn finish<C>(&mut self, conn: &mut C, outcome: Outcome, now: Instant)
    where
        C: Connection,
        H: for<'c> Callbacks<TlsConn<'c, 'b, C>>,
    {
        let handshaking = self.phase == Phase::Handshaking;
        let e = match outcome.0 {
            End::Closed => {
                self.phase = Phase::Closing;
                self.close_tcp = true;
                return;
            }
            End::PeerClosed => {
                // Data decrypted before close_notify goes up first.
                while self.deliver(conn, now) {}
                let shared = self.shared;
                self.inner.eof(&mut TlsConn { conn, shared }, now);
                return;
            }
            end => classify(self.shared, end, handshaking),
        };
        // Records that decrypted before the failure are the server's: they go up first.
        while self.deliver(conn, now) {}
        self.fail(conn, e, now);
    }

    /// Whether the handshake ran past its deadline at `now` (the session then failed with
    /// [`Error::HandshakeTimeout`]): checked on every event, so neither a silent server nor one
    /// that sends a byte now and then can hold the handshake open.
    fn expired<C>(&mut self, conn: &mut C, now: Instant) -> bool
    where
        C: Connection,
        H: for<'c> Callbacks<TlsConn<'c, 'b, C>>,
    {
        if self.phase == Phase::Handshaking && self.deadline.is_some_and(|d| now >= d) {
            self.fail(conn, Error::HandshakeTimeout, now);
        }
        self.phase == Phase::Done
    }

    fn settle_acks<C>(&mut self, conn: &mut C, now: Instant)
    where
        C: Connection,
        H: for<'c> Callbacks<TlsConn<'c, 'b, C>>,
    {
        let mut app = 0usize;
        {
            let mut records = self.shared.records.borrow_mut();
            while let Some(&(wire, plain)) = records.front() {
                if self.acked < wire {
                    break;
                }
                self.acked -= wire;
                app += usize::from(plain);
                records.pop_front();
            }
        }
        if app > 0 && matches!(self.phase, Phase::Open | Phase::Closing) {
            let shared = self.shared;
            self.inner.sent(&mut TlsConn { conn, shared }, app, now);
        }
    }
}

impl<'b, C, H> Callbacks<C> for Tls<'_, 'b, H>
where
    C: Connection,
    H: for<'c> Callbacks<TlsConn<'c, 'b, C>>,
{
    fn connected(&mut self, conn: &mut C, now: Instant) {
        if self.phase != Phase::Idle {
            return;
        }
        self.phase = Phase::Handshaking;
        self.deadline = Some(now + self.shared.timeout.get());
        self.pump(conn, now);
    }

    fn recv(&mut self, conn: &mut C, data: &[u8], now: Instant) -> usize {
        if self.expired(conn, now) {
            return data.len();
        }
        let mut taken = 0;
        while taken < data.len() && self.phase != Phase::Done {
            let n = self.shared.rx.borrow_mut().push(&data[taken..]);
            if n == 0 {
                break;
            }
            taken += n;
            self.pump(conn, now);
        }
        taken
    }

    fn eof(&mut self, conn: &mut C, now: Instant) {
        if self.expired(conn, now) {
            return;
        }
        self.shared.eof.set(true);
        self.pump(conn, now);
    }

    fn sent(&mut self, conn: &mut C, len: usize, now: Instant) {
        if self.expired(conn, now) {
            return;
        }
        self.acked = self.acked.saturating_add(len as u32);
        self.settle_acks(conn, now);
        self.pump(conn, now);
    }

    fn poll(&mut self, conn: &mut C, now: Instant) {
        if self.expired(conn, now) {
            return;
        }
        if self.phase == Phase::Open {
            let shared = self.shared;
            self.inner.poll(&mut TlsConn { conn, shared }, now);
            self.shared.flush.set(true);
        }
        self.settle_acks(conn, now);
        self.pump(conn, now);
    }

    fn err(&mut self, err: C::Error, now: Instant) {
        if self.phase != Phase::Done {
            self.phase = Phase::Done;
            self.inner.err(Error::Tcp(err), now);
        }
    }
}

/// The connection the layer above writes to: plaintext in, records out.
pub struct TlsConn<'c, 'b, C> {
    conn: &'c mut C,
    shared: &'c Shared<'b>,
}

impl<C: Connection> Connection for TlsConn<'_, '_, C> {
    type Error = Error<C::Error>;

    /// Plaintext bytes [`write`](Connection::write) takes now: what still fits in the record
    /// being filled such that the whole record fits in the free TCP send space.
    fn send_space(&self) -> usize {
        let s = self.shared;
        if !s.opened.get() || s.close.get() || s.records.borrow().len() >= 7 {
            return 0;
        }
        let plain_tx = s.plain_tx.borrow();
        let pending = s.in_record.get() + plain_tx.len();
        let tcp = self
            .conn
            .send_space()
            .saturating_sub(s.tx.borrow().len() + pending + RECORD_OVERHEAD);
        tcp.min(s.capacity.get().saturating_sub(pending))
            .min(plain_tx.free())
    }

    fn write(&mut self, data: &[u8]) -> nb::Result<usize, Self::Error> {
        if !self.shared.opened.get() || self.shared.close.get() {
            return Err(nb::Error::Other(Error::NotConnected));
        }
        let n = data.len().min(self.send_space());
        if n == 0 {
            return Err(nb::Error::WouldBlock);
        }
        Ok(self.shared.plain_tx.borrow_mut().push(&data[..n]))
    }

    fn output(&mut self) -> Result<(), Self::Error> {
        self.shared.flush.set(true);
        Ok(())
    }

    fn close(&mut self) -> Result<(), Self::Error> {
        self.shared.close.set(true);
        Ok(())
    }

    fn abort(&mut self) {
        self.conn.abort();
    }

    fn set_nodelay(&mut self, nodelay: bool) {
        self.conn.set_nodelay(nodelay);
    }

    fn set_keep_alive(&mut self, interval: Option<Duration>) {
        self.conn.set_keep_alive(interval);
    }

    fn is_connected(&self) -> bool {
        self.shared.opened.get() && !self.shared.close.get() && self.conn.is_connected()
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod clock_tests;
