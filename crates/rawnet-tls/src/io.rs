//! `embedded-io` / `embedded-io-async` adapters: rawnet-tls over any byte stream.
//!
//! [`crate::Tls`] is driven by rawnet-tcp's callbacks. Users of another stack (embassy-net, a
//! blocking socket, a cellular modem's AT socket) have a byte stream implementing
//! [`embedded_io_async::Read`] + [`embedded_io_async::Write`] (or their blocking
//! [`embedded_io`] counterparts) instead. [`TlsStream`] (async) and [`BlockingTlsStream`]
//! put rawnet-tls on such a stream and implement the same traits upward, so an
//! embedded-io-async MQTT client such as minimq runs over verified TLS 1.3.
//!
//! Both adapters drive the same session future as [`crate::Tls`] ([`crate::session`] over a
//! [`Shared`]), with the same provider and verifier: a [`ClientConfig`](crate::ClientConfig)
//! cannot be used without a [`Verification`](crate::Verification) decision, the server must
//! present a chain that passes [`crate::verify`] and prove its key, and a failure carries the
//! same [`Error`] reason.
//!
//! ## Semantics
//!
//! - **Handshake**: explicit with `open()`, or on first use: the first `read` or `write` runs
//!   it (a `flush` with nothing written does nothing). A handshake failure is returned by that call (e.g.
//!   `Error::Certificate(CertError::NameMismatch)` in [`IoError::reason`]).
//! - **Handshake deadline**: the handshake must complete within
//!   [`ClientConfig::with_handshake_timeout`](crate::ClientConfig::with_handshake_timeout)
//!   (10 s by default) of the first call, measured with the adapter's [`Clock`]. The clock is
//!   read each time the lower stream returns, so a server that sends a byte now and then
//!   cannot stretch the handshake: past the deadline every call fails with
//!   [`Error::HandshakeTimeout`] (`ErrorKind::TimedOut`). A server that sends nothing at all
//!   leaves the lower `read` waiting: give a blocking socket a read timeout (its error is
//!   returned and the call can be repeated; once the deadline passed, the repeat fails with
//!   `HandshakeTimeout`), and bound an async `open()` with the executor's timer
//!   (`embassy_time::with_timeout`, `tokio::time::timeout`): it is cancel-safe.
//! - **write** accepts plaintext into the record being filled and returns how much it took (at
//!   least one byte, at most the free staging room). Bytes are encrypted and leave as records
//!   of at most `min(write buffer - 133, max_fragment_length)` plaintext bytes; a record is
//!   closed when it is full or on **flush**, which returns once every byte written so far has
//!   been encrypted and handed to the lower stream and the lower stream's `flush` returned.
//!   Data written without a flush may stay buffered indefinitely: call `flush` before waiting
//!   for an answer (MQTT clients do).
//! - **read** waits until decrypted data is available and returns at least one byte; it
//!   returns `Ok(0)` (end of stream) once the server's close_notify has been received and all
//!   data before it was read, and on every later call. End of the lower stream without
//!   close_notify is [`Error::Truncated`] (`ErrorKind::ConnectionAborted`), never `Ok(0)`.
//! - **close** flushes, sends close_notify and flushes the lower stream. It does not wait for
//!   the server's close_notify and does not close the lower stream (take it back with
//!   `into_inner`). After `close`, `read` and `write` fail with [`Error::NotConnected`]. After
//!   the server's close_notify, `write` fails with [`Error::NotConnected`] and `close` sends
//!   nothing (the session has ended, as in [`crate::Tls`]).
//! - **Errors** are [`IoError`]: the rawnet-tls [`Error`] reason, with `kind()` taken from the
//!   lower stream's error for [`Error::Tcp`] and from [`Error`]'s `embedded_io::Error` mapping
//!   otherwise. After a TLS failure, plaintext that decrypted before it is still read first; then every later call returns the same reason. An error from the
//!   lower stream's `read` is returned as is and leaves the TLS stream as it was, so the call
//!   can be repeated (a socket read timeout, say); after an error from its `write` (or a write
//!   of 0 bytes) part of a record may have left, and later calls return [`Error::NotConnected`].
//! - **Cancellation** (async): `read`, `write` and `flush` futures may be dropped at any await
//!   (minimq does it with deadlines) without losing or duplicating bytes, provided the lower
//!   stream's futures are cancel-safe in the same sense (tokio's and embassy-net's sockets are).
//!
//! ## Memory
//!
//! All caller-owned, as for [`crate::Tls`]: the [`crate::TlsBuffers`] (the [`Shared`] scratch
//! and the record buffers given to [`crate::session`]) and the pinned session future. The adapter
//! itself adds a few words and the failure diagnosis (~80 bytes). No heap.
//!
//! ## Example (async)
//!
//! ```no_run
//! use core::pin::pin;
//! use embedded_io_async::{Read, Write};
//! use rawnet_tls::io::TlsStream;
//! use rawnet_tls::{
//!     read_buffer_len, session, ClientConfig, NoSigner, Time, TlsBuffers, Verification,
//! };
//!
//! # async fn demo<T: embedded_io_async::Read + embedded_io_async::Write>(
//! #     socket: T, rng: impl rand_core::CryptoRngCore, ca_der: &[u8], ticks_ms: fn() -> u64,
//! # ) -> Result<(), rawnet_tls::io::IoError<T::Error>> {
//! // `socket`: any embedded-io-async byte stream already connected to broker.local:8883.
//! let anchors: [&[u8]; 1] = [ca_der];
//! let config = ClientConfig::new("broker.local", Verification::new(&anchors).unwrap()).unwrap();
//! let mut buffers = TlsBuffers::<{ read_buffer_len(None) }, 1024>::new();
//! let (shared, read_buf, write_buf) = buffers.split();
//! let time = Time::NoEarlierThan(1_764_000_000);
//! let session = session(&shared, &config, time, read_buf, write_buf, rng, NoSigner).unwrap();
//! let session = pin!(session);
//! let clock = || rawnet_altcp::Instant::from_ticks(ticks_ms()); // the board's millisecond tick
//! let mut tls = TlsStream::new(session, socket, clock);
//! tls.open().await?; // verified TLS 1.3, or the reason why not
//! tls.write_all(b"hello").await?;
//! tls.flush().await?;
//! let mut buf = [0u8; 64];
//! let n = tls.read(&mut buf).await?; // 0: the server closed with close_notify
//! tls.close().await?;
//! # let _ = n; Ok(())
//! # }
//! ```

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use rawnet_altcp::Instant;

use crate::diagnose::classify;
use crate::driver::{End, Outcome};
use crate::error::Error;
use crate::pipe::Shared;
use crate::transport::SessionRef;

mod asynch;
mod blocking;

pub use asynch::TlsStream;
pub use blocking::BlockingTlsStream;

/// The error of the adapters: why the TLS stream failed ([`IoError::reason`]), with an
/// [`embedded_io::Error::kind`] for generic code.
///
/// `E` is the lower stream's error; it is kept whole in [`Error::Tcp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct IoError<E>(pub Error<E>);

impl<E> IoError<E> {
    /// The rawnet-tls reason (e.g. [`Error::Certificate`] with its [`crate::CertError`]).
    pub fn reason(&self) -> &Error<E> {
        &self.0
    }

    /// The rawnet-tls reason, by value.
    pub fn into_reason(self) -> Error<E> {
        self.0
    }
}

impl<E> From<Error<E>> for IoError<E> {
    fn from(e: Error<E>) -> Self {
        IoError(e)
    }
}

impl<E: fmt::Debug> fmt::Display for IoError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl<E: fmt::Debug> core::error::Error for IoError<E> {}

impl<E: embedded_io::Error> embedded_io::Error for IoError<E> {
    fn kind(&self) -> embedded_io::ErrorKind {
        match &self.0 {
            Error::Tcp(e) => e.kind(),
            other => embedded_io::Error::kind(other),
        }
    }
}

/// Where the adapters read the time for the handshake deadline
/// ([`ClientConfig::with_handshake_timeout`](crate::ClientConfig::with_handshake_timeout), 10 s
/// by default): rawnet-altcp's clock, shared with the other layers' drivers. Any
/// `FnMut() -> Instant` is one; with `std`, [`StdClock`].
pub use rawnet_altcp::Clock;
/// The host's monotonic clock (feature `std`), from rawnet-altcp.
#[cfg(feature = "std")]
pub use rawnet_altcp::StdClock;

/// What an operation waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Goal {
    /// Handshake complete and its last flight handed to the lower stream.
    Open,
    /// Decrypted data to read, or end of stream.
    Read,
    /// Room for plaintext.
    Write,
    /// Everything written is encrypted and handed to the lower stream.
    Flush,
    /// close_notify handed to the lower stream.
    Close,
}

/// What the adapter must do next with the lower stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// The goal is reached.
    Done,
    /// Write `shared.tx` to the lower stream.
    Output,
    /// Read from the lower stream into `shared.rx`.
    Input,
    /// The session failed and staged a fatal alert in `shared.tx`: write it (errors ignored),
    /// [`Core::alert_sent`], then ask again for the error.
    Alert,
}

#[derive(Debug, Clone, Copy)]
enum State {
    Running,
    /// We sent close_notify (or gave up before the handshake completed).
    Closed,
    /// The server sent close_notify.
    PeerClosed,
    /// The session failed; `handshaking`: before the handshake completed.
    Failed {
        end: End,
        handshaking: bool,
    },
    /// A write to the lower stream failed (reported once, with its error).
    Broken,
    /// The handshake ran past its deadline.
    TimedOut,
}

/// The I/O-free part shared by both adapters: polls the session future (no-op waker: it only
/// waits on [`Shared`], which only the adapter changes) and says what the lower stream must do.
struct Core<'s, 'b> {
    shared: &'s Shared<'b>,
    session: Pin<&'s mut (dyn core::future::Future<Output = Outcome> + 's)>,
    state: State,
    /// When the handshake must be complete (set by the first operation).
    deadline: Option<Instant>,
}

impl<'s, 'b> Core<'s, 'b> {
    fn new(session: SessionRef<'s, 'b>) -> Self {
        let (shared, session) = session.split();
        Core {
            shared,
            session,
            state: State::Running,
            deadline: None,
        }
    }

    fn is_open(&self) -> bool {
        matches!(self.state, State::Running) && self.shared.opened.get()
    }

    /// Let the session run as far as it can without I/O.
    fn poll(&mut self) {
        if !matches!(self.state, State::Running) {
            return;
        }
        let mut cx = Context::from_waker(Waker::noop());
        if let Poll::Ready(Outcome(end)) = self.session.as_mut().poll(&mut cx) {
            let handshaking = !self.shared.opened.get();
            self.state = match end {
                End::Closed => State::Closed,
                End::PeerClosed => State::PeerClosed,
                end => State::Failed { end, handshaking },
            };
        }
        // Record accounting serves `Tls`'s `sent` callback; nothing reads it here.
        self.shared.records.borrow_mut().clear();
    }

    /// The error every call reports once the session failed.
    fn failure<E>(&self) -> Option<Error<E>> {
        match self.state {
            State::Failed { end, handshaking } => Some(classify(self.shared, end, handshaking)),
            State::Broken => Some(Error::NotConnected),
            State::TimedOut => Some(Error::HandshakeTimeout),
            State::Running | State::Closed | State::PeerClosed => None,
        }
    }

    /// The next step toward `goal`, at `now`.
    fn next<E>(&mut self, goal: Goal, now: Instant) -> Result<Next, Error<E>> {
        self.poll();
        if matches!(self.state, State::Running) && !self.shared.opened.get() {
            let deadline = *self
                .deadline
                .get_or_insert_with(|| now + self.shared.timeout.get());
            if now >= deadline {
                self.state = State::TimedOut;
            }
        }
        if goal == Goal::Read && !self.shared.plain_rx.borrow().is_empty() {
            // What decrypted before a failure is the server's: it is read first.
            return Ok(Next::Done);
        }
        if let Some(e) = self.failure() {
            let handshaking = matches!(
                self.state,
                State::Failed {
                    handshaking: true,
                    ..
                }
            );
            if handshaking && !self.shared.tx.borrow().is_empty() {
                // The session's fatal alert: out first, once, whatever the lower stream says.
                return Ok(Next::Alert);
            }
            return Err(e);
        }
        let s = self.shared;
        let ended = !matches!(self.state, State::Running);
        let tx_empty = s.tx.borrow().is_empty();
        let unsent = !s.plain_tx.borrow().is_empty() || s.in_record.get() > 0;
        let done = match goal {
            Goal::Open => s.opened.get() && tx_empty,
            Goal::Read => {
                if !s.plain_rx.borrow().is_empty() || matches!(self.state, State::PeerClosed) {
                    true
                } else if ended {
                    return Err(Error::NotConnected);
                } else {
                    false
                }
            }
            Goal::Write => {
                if ended || s.close.get() {
                    return Err(Error::NotConnected);
                }
                s.opened.get() && s.plain_tx.borrow().free() > 0
            }
            Goal::Flush => {
                if ended && unsent {
                    return Err(Error::NotConnected);
                }
                (!s.flush.get() || ended) && !unsent && tx_empty
            }
            Goal::Close => ended && tx_empty,
        };
        if done {
            Ok(Next::Done)
        } else if !tx_empty {
            Ok(Next::Output)
        } else if ended {
            Err(Error::NotConnected)
        } else if s.eof.get() {
            // The session read the end of stream and still waits: it fails on its next read;
            // never ask the lower stream again.
            Err(if s.opened.get() {
                Error::Truncated
            } else {
                Error::ClosedDuringHandshake
            })
        } else {
            Ok(Next::Input)
        }
    }

    /// `n` bytes were read from the lower stream into `shared.rx`'s spare room (0: its end).
    fn received(&mut self, n: usize) {
        if n == 0 {
            self.shared.eof.set(true);
        } else {
            self.shared.rx.borrow_mut().commit(n);
        }
    }

    /// The fatal alert was written (or the lower stream refused it): drop what is left.
    fn alert_sent(&mut self) {
        let mut tx = self.shared.tx.borrow_mut();
        let n = tx.len();
        tx.consume(n);
    }

    /// `n` bytes of `shared.tx` were written to the lower stream.
    fn sent(&mut self, n: usize) {
        self.shared.tx.borrow_mut().consume(n);
    }

    /// A write to the lower stream failed or took nothing: part of a record may have left.
    fn broken(&mut self) {
        self.state = State::Broken;
    }

    /// Queue plaintext; the session takes it into the record being filled.
    fn push(&mut self, data: &[u8]) -> usize {
        let n = self.shared.plain_tx.borrow_mut().push(data);
        self.poll();
        n
    }

    /// Move decrypted plaintext out; the session may then decrypt more.
    fn pop(&mut self, out: &mut [u8]) -> usize {
        let n = self.shared.plain_rx.borrow_mut().pop_into(out);
        self.poll();
        n
    }

    /// Ask for a flush; false if there is nothing to flush (no handshake needed for that).
    fn request_flush(&mut self) -> bool {
        if !self.shared.opened.get() && matches!(self.state, State::Running) {
            return false;
        }
        if matches!(self.state, State::Running) {
            self.shared.flush.set(true);
        }
        true
    }

    /// Ask for close_notify; false if the stream is already closed (or never opened).
    fn request_close(&mut self) -> bool {
        match self.state {
            State::Running if self.shared.opened.get() => {
                self.shared.close.set(true);
                true
            }
            State::Running => {
                // Nothing to close before the handshake: give up on it.
                self.state = State::Closed;
                false
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests;
