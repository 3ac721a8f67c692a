//! All-or-nothing reservations: space for one message, published only whole.

use core::fmt;

use crate::ring::{copy_in, split_range, wrap_add};
use crate::{Full, Incomplete};

/// Free space set aside in a ring for one message of a known length.
///
/// Made by [`RingBuffer::reserve`](crate::RingBuffer::reserve). While it lives, the ring
/// is borrowed and cannot change. The bytes written into it stay invisible to readers
/// until [`commit`](Self::commit), which publishes all of them at once, and only if every
/// reserved byte was written. Dropping the reservation publishes nothing: the ring is
/// exactly as it was before [`reserve`](crate::RingBuffer::reserve).
///
/// ```
/// use rawnet_ring::Ring;
///
/// let mut ring = Ring::<16>::new();
/// // A 2-byte header then a 3-byte body, length known up front.
/// let mut message = ring.reserve(5).unwrap();
/// message.write(&[0x30, 0x03]).unwrap();
/// message.write(b"abc").unwrap();
/// message.commit().unwrap();
/// assert_eq!(ring.readable(), &[0x30, 0x03, b'a', b'b', b'c']);
///
/// // Abandoned half-way: nothing of it is ever readable.
/// let mut abandoned = ring.reserve(4).unwrap();
/// abandoned.write(b"xy").unwrap();
/// drop(abandoned);
/// assert_eq!(ring.len(), 5);
/// ```
#[must_use = "a reservation publishes nothing unless it is committed"]
pub struct Reservation<'a> {
    /// The ring's whole storage.
    buf: &'a mut [u8],
    /// The ring's length, raised by `reserved` on commit.
    ring_len: &'a mut usize,
    /// Storage index of the first reserved byte (the ring's write position).
    start: usize,
    /// Number of reserved bytes.
    reserved: usize,
    /// Number of reserved bytes written so far, from the start.
    written: usize,
}

impl<'a> Reservation<'a> {
    /// Requires `reserved` bytes to be free starting at `start` in `buf`.
    pub(crate) fn new(
        buf: &'a mut [u8],
        ring_len: &'a mut usize,
        start: usize,
        reserved: usize,
    ) -> Self {
        Self {
            buf,
            ring_len,
            start,
            reserved,
            written: 0,
        }
    }

    /// Number of bytes reserved: the length of the message.
    pub fn reserved(&self) -> usize {
        self.reserved
    }

    /// Number of bytes written so far.
    pub fn written(&self) -> usize {
        self.written
    }

    /// Number of bytes still to write before [`commit`](Self::commit) can succeed.
    pub fn remaining(&self) -> usize {
        self.reserved - self.written
    }

    /// Appends `data` to what was written so far, all of it or nothing.
    ///
    /// # Errors
    ///
    /// [`Full`] (with `data.len()` and [`remaining`](Self::remaining)) if `data` is
    /// longer than what is left of the reservation; nothing is written.
    pub fn write(&mut self, data: &[u8]) -> Result<(), Full> {
        let remaining = self.remaining();
        if data.len() > remaining {
            return Err(Full {
                requested: data.len(),
                free: remaining,
            });
        }
        let at = self.cursor();
        copy_in(self.buf, at, data);
        self.written += data.len();
        Ok(())
    }

    /// The reserved bytes not yet written, in order, as two slices (the second is
    /// non-empty only where the reservation wraps around the end of the storage).
    ///
    /// For producers that fill memory in place (an encoder writing straight into the
    /// ring): write a prefix of these bytes, then call [`advance`](Self::advance) with
    /// its length. Their content before that is unspecified (stale bytes).
    pub fn unwritten_mut(&mut self) -> (&mut [u8], &mut [u8]) {
        let (first, second) = split_range(self.buf.len(), self.cursor(), self.remaining());
        // `second` lies before `first` in the storage when it is not empty.
        let (front, back) = self.buf.split_at_mut(first.start);
        (&mut back[..first.len()], &mut front[second])
    }

    /// Marks the next `n` unwritten bytes as written, after they were filled through
    /// [`unwritten_mut`](Self::unwritten_mut).
    ///
    /// # Errors
    ///
    /// [`Full`] if `n > self.remaining()`; nothing changes.
    pub fn advance(&mut self, n: usize) -> Result<(), Full> {
        let remaining = self.remaining();
        if n > remaining {
            return Err(Full {
                requested: n,
                free: remaining,
            });
        }
        self.written += n;
        Ok(())
    }

    /// Publishes the message: all [`reserved`](Self::reserved) bytes become readable at
    /// once, after the bytes already in the ring.
    ///
    /// # Errors
    ///
    /// [`Incomplete`] if fewer bytes were written than reserved. Nothing is published
    /// then (a partial message in an output stream would corrupt every message after
    /// it) and the reservation is gone, as if dropped.
    pub fn commit(self) -> Result<(), Incomplete> {
        if self.written != self.reserved {
            return Err(Incomplete {
                reserved: self.reserved,
                written: self.written,
            });
        }
        *self.ring_len += self.reserved;
        Ok(())
    }

    /// Storage index of the next byte to write.
    fn cursor(&self) -> usize {
        wrap_add(self.start, self.written, self.buf.len())
    }
}

impl fmt::Debug for Reservation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reservation")
            .field("start", &self.start)
            .field("reserved", &self.reserved)
            .field("written", &self.written)
            .finish()
    }
}
