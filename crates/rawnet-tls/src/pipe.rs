//! The memory shared by the callback side ([`crate::Tls`]) and the handshake/record driver
//! (an embedded-tls future): four small staging areas and a few flags.
//!
//! The driver reads TCP bytes from `rx` and writes TLS records to `tx` through [`Pipe`],
//! an `embedded-io-async` transport that returns `Pending` instead of blocking. Decrypted
//! data goes to `plain_rx` for the layer above; data written from above waits in `plain_tx`.
//! Everything is single-threaded: `Cell`/`RefCell`, never held across an `await`.

use core::cell::{Cell, Ref, RefCell, RefMut};
use core::future::poll_fn;
use core::task::Poll;

use crate::guard::Guard;
use crate::verify::CertError;

/// A linear byte queue over a borrowed slice, compacted when it needs room at the end.
#[derive(Debug)]
pub(crate) struct Staging<'b> {
    buf: &'b mut [u8],
    start: usize,
    end: usize,
}

impl<'b> Staging<'b> {
    fn new(buf: &'b mut [u8]) -> Self {
        Staging {
            buf,
            start: 0,
            end: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn free(&self) -> usize {
        self.buf.len() - self.len()
    }

    pub fn data(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    pub fn consume(&mut self, n: usize) {
        self.start += n.min(self.len());
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        }
    }

    /// Append as much of `data` as fits; return how much.
    pub fn push(&mut self, data: &[u8]) -> usize {
        if self.buf.len() - self.end < data.len() && self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        let n = data.len().min(self.buf.len() - self.end);
        self.buf[self.end..self.end + n].copy_from_slice(&data[..n]);
        self.end += n;
        n
    }

    /// The free room at the end (compacted first), to read into in place; [`Staging::commit`]
    /// then appends what was written there.
    pub fn spare(&mut self) -> &mut [u8] {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        &mut self.buf[self.end..]
    }

    /// Append the first `n` bytes of [`Staging::spare`].
    pub fn commit(&mut self, n: usize) {
        self.end += n.min(self.buf.len() - self.end);
    }

    /// Move up to `out.len()` bytes out; return how many.
    pub fn pop_into(&mut self, out: &mut [u8]) -> usize {
        let n = out.len().min(self.len());
        out[..n].copy_from_slice(&self.buf[self.start..self.start + n]);
        self.consume(n);
        n
    }
}

/// A `RefCell` whose borrows share one panic location.
///
/// `RefCell::borrow` is `#[track_caller]`: every call site would carry its own
/// `core::panic::Location` (16 B plus the file's path) for a double borrow that cannot happen
/// here (no borrow is held across an `await` or a callback). These methods are not
/// `#[track_caller]`, so all sites point at this impl: 564 B less flash in a firmware whose
/// panic handler reads the location (the QEMU firmware as it was); nothing either way when
/// the handler reads nothing of `PanicInfo` (the boards' today, docs/footprint.md).
#[derive(Debug)]
pub(crate) struct Slot<T>(RefCell<T>);

impl<T> Slot<T> {
    pub(crate) const fn new(value: T) -> Self {
        Slot(RefCell::new(value))
    }

    #[inline]
    pub(crate) fn borrow(&self) -> Ref<'_, T> {
        self.0.borrow()
    }

    #[inline]
    pub(crate) fn borrow_mut(&self) -> RefMut<'_, T> {
        self.0.borrow_mut()
    }

    #[inline]
    pub(crate) fn replace(&self, value: T) -> T {
        self.0.replace(value)
    }
}

/// Staging memory and flags shared by [`crate::Tls`] and its driver. Create one per
/// connection with [`Shared::new`] and keep it alive as long as both.
#[derive(Debug)]
pub struct Shared<'b> {
    pub(crate) rx: Slot<Staging<'b>>,
    pub(crate) tx: Slot<Staging<'b>>,
    pub(crate) plain_rx: Slot<Staging<'b>>,
    pub(crate) plain_tx: Slot<Staging<'b>>,
    /// The connection below reported end of stream.
    pub(crate) eof: Cell<bool>,
    /// The layer above asked for buffered plaintext to leave as a record.
    pub(crate) flush: Cell<bool>,
    /// The layer above asked for close_notify.
    pub(crate) close: Cell<bool>,
    /// The handshake completed and the server is authenticated.
    pub(crate) opened: Cell<bool>,
    pub(crate) authenticated: Cell<bool>,
    pub(crate) cert_error: Cell<Option<CertError>>,
    /// Handshake timeout from the configuration.
    pub(crate) timeout: Cell<rawnet_altcp::Duration>,
    /// Largest plaintext of one record we write (write buffer and max_fragment_length).
    pub(crate) capacity: Cell<usize>,
    /// Plaintext bytes in the record embedded-tls is filling.
    pub(crate) in_record: Cell<usize>,
    /// Total bytes the driver wrote to `tx` (handshake accounting).
    pub(crate) written: Cell<u32>,
    /// Records written and not yet acknowledged: (bytes on the wire, plaintext bytes).
    pub(crate) records: Slot<heapless::Deque<(u32, u16), 8>>,
    /// The record-layer guard every byte read by the engine passes first.
    pub(crate) guard: Slot<Guard>,
}

impl<'b> Shared<'b> {
    /// Split `scratch` into the four staging areas. 512 bytes is a good size (128 each);
    /// any size from 64 works, larger means fewer driver polls per record.
    pub fn new(scratch: &'b mut [u8]) -> Self {
        let quarter = scratch.len() / 4;
        let (a, rest) = scratch.split_at_mut(quarter);
        let (b, rest) = rest.split_at_mut(quarter);
        let (c, d) = rest.split_at_mut(quarter);
        Shared {
            rx: Slot::new(Staging::new(a)),
            tx: Slot::new(Staging::new(b)),
            plain_rx: Slot::new(Staging::new(c)),
            plain_tx: Slot::new(Staging::new(d)),
            eof: Cell::new(false),
            flush: Cell::new(false),
            close: Cell::new(false),
            opened: Cell::new(false),
            authenticated: Cell::new(false),
            cert_error: Cell::new(None),
            timeout: Cell::new(rawnet_altcp::Duration::from_ticks(10_000)),
            capacity: Cell::new(0),
            in_record: Cell::new(0),
            written: Cell::new(0),
            records: Slot::new(heapless::Deque::new()),
            guard: Slot::new(Guard::new(u32::MAX, false)),
        }
    }
}

/// The driver's transport: reads from `rx` through the [`Guard`], writes to `tx`, `Pending`
/// instead of blocking.
#[derive(Clone, Copy)]
pub(crate) struct Pipe<'a> {
    pub shared: &'a Shared<'a>,
}

/// The guard stopped the server's stream (its reason stays in the guard); end of stream is a
/// read of 0 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PipeError;

impl core::fmt::Display for PipeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("pipe error")
    }
}

impl core::error::Error for PipeError {}

impl embedded_io::Error for PipeError {
    fn kind(&self) -> embedded_io::ErrorKind {
        embedded_io::ErrorKind::Other
    }
}

impl embedded_io::ErrorType for Pipe<'_> {
    type Error = PipeError;
}

impl embedded_io_async::Read for Pipe<'_> {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, PipeError> {
        poll_fn(|_| {
            let mut rx = self.shared.rx.borrow_mut();
            if buf.is_empty() || !rx.is_empty() {
                let n = rx.pop_into(buf);
                let opened = self.shared.opened.get();
                let checked = self.shared.guard.borrow_mut().feed(&buf[..n], opened);
                Poll::Ready(checked.map(|()| n).map_err(|_| PipeError))
            } else if self.shared.eof.get() {
                Poll::Ready(Ok(0))
            } else {
                Poll::Pending
            }
        })
        .await
    }
}

impl embedded_io_async::Write for Pipe<'_> {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, PipeError> {
        poll_fn(|_| {
            let n = self.shared.tx.borrow_mut().push(buf);
            if n == 0 && !buf.is_empty() {
                Poll::Pending
            } else {
                let total = self.shared.written.get().wrapping_add(n as u32);
                self.shared.written.set(total);
                Poll::Ready(Ok(n))
            }
        })
        .await
    }

    async fn flush(&mut self) -> Result<(), PipeError> {
        Ok(())
    }
}
