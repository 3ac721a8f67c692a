//! [`BlockingTlsStream`]: TLS over a blocking `embedded-io` byte stream, `embedded-io` upward.

use embedded_io::{ErrorType, Read, Write};

use super::{Clock, Core, Goal, IoError, Next};
use crate::error::Error;
use crate::transport::SessionRef;

/// A TLS 1.3 client stream over `T`, a blocking [`embedded_io`] byte stream already connected
/// to the server (its `read` blocks until at least one byte or the end of stream). See the [module documentation](crate::io) for the semantics.
pub struct BlockingTlsStream<'s, 'b, T, K> {
    core: Core<'s, 'b>,
    lower: T,
    clock: K,
}

impl<'s, 'b, T, K: Clock> BlockingTlsStream<'s, 'b, T, K> {
    /// A TLS stream over `lower`, running `session` (from [`crate::session`], pinned by the
    /// caller). `clock` times the handshake (see [`Clock`]). Nothing is sent before the first
    /// call.
    pub fn new(session: SessionRef<'s, 'b>, lower: T, clock: K) -> Self {
        BlockingTlsStream {
            core: Core::new(session),
            lower,
            clock,
        }
    }

    /// Whether the handshake completed and neither side closed or failed.
    pub fn is_open(&self) -> bool {
        self.core.is_open()
    }

    /// The lower stream.
    pub fn lower(&self) -> &T {
        &self.lower
    }

    /// The lower stream, mutably. Reading or writing it directly corrupts the TLS stream.
    pub fn lower_mut(&mut self) -> &mut T {
        &mut self.lower
    }

    /// Give the lower stream back (e.g. to shut the socket down after
    /// [`BlockingTlsStream::close`]).
    pub fn into_inner(self) -> T {
        self.lower
    }
}

impl<T: Read + Write, K: Clock> BlockingTlsStream<'_, '_, T, K> {
    /// Run the handshake (if not done yet) and hand its last flight to the lower stream.
    /// Fails with the reason, e.g. [`Error::Certificate`] when the server's chain is rejected.
    pub fn open(&mut self) -> Result<(), IoError<T::Error>> {
        self.drive(Goal::Open)
    }

    /// Flush, send close_notify and flush the lower stream (see the module documentation).
    pub fn close(&mut self) -> Result<(), IoError<T::Error>> {
        if self.core.request_close() {
            self.drive(Goal::Close)?;
            self.lower.flush().map_err(|e| IoError(Error::Tcp(e)))?;
        }
        Ok(())
    }

    /// Work with the lower stream until `goal` is reached.
    fn drive(&mut self, goal: Goal) -> Result<(), IoError<T::Error>> {
        let shared = self.core.shared;
        loop {
            match self.core.next(goal, self.clock.now())? {
                Next::Done => return Ok(()),
                Next::Alert => {
                    let _ = {
                        let tx = shared.tx.borrow();
                        self.lower.write(tx.data())
                    };
                    self.core.alert_sent();
                }
                Next::Output => {
                    let r = {
                        let tx = shared.tx.borrow();
                        self.lower.write(tx.data())
                    };
                    match r {
                        Ok(0) => {
                            self.core.broken();
                            return Err(IoError(Error::NotConnected));
                        }
                        Ok(n) => self.core.sent(n),
                        Err(e) => {
                            self.core.broken();
                            return Err(IoError(Error::Tcp(e)));
                        }
                    }
                }
                Next::Input => {
                    let r = {
                        let mut rx = shared.rx.borrow_mut();
                        let spare = rx.spare();
                        if spare.is_empty() {
                            // Cannot happen: the session consumes `rx` before it waits.
                            Ok(None)
                        } else {
                            self.lower.read(spare).map(Some)
                        }
                    };
                    match r {
                        Ok(Some(n)) => self.core.received(n),
                        Ok(None) => return Err(IoError(Error::NotConnected)),
                        // Nothing was read: the stream is as it was, the call can be retried
                        // (e.g. after a socket read timeout).
                        Err(e) => return Err(IoError(Error::Tcp(e))),
                    }
                }
            }
        }
    }
}

impl<T: ErrorType, K> ErrorType for BlockingTlsStream<'_, '_, T, K> {
    type Error = IoError<T::Error>;
}

impl<T: Read + Write, K: Clock> Read for BlockingTlsStream<'_, '_, T, K> {
    /// Decrypted bytes, at least one; `Ok(0)` after the server's close_notify.
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        if buf.is_empty() {
            return Ok(0);
        }
        self.drive(Goal::Read)?;
        Ok(self.core.pop(buf))
    }
}

impl<T: Read + Write, K: Clock> Write for BlockingTlsStream<'_, '_, T, K> {
    /// Queue plaintext (at least one byte); it leaves encrypted when a record fills or on
    /// [`flush`](Write::flush).
    fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        if buf.is_empty() {
            return Ok(0);
        }
        self.drive(Goal::Write)?;
        Ok(self.core.push(buf))
    }

    /// Encrypt everything written so far, hand it to the lower stream, flush that.
    fn flush(&mut self) -> Result<(), Self::Error> {
        if self.core.request_flush() {
            self.drive(Goal::Flush)?;
            self.lower.flush().map_err(|e| IoError(Error::Tcp(e)))?;
        }
        Ok(())
    }
}
