//! The two ways an operation can refuse: not enough space, or an unfinished message.

use core::fmt;

/// Not enough space: nothing was pushed, reserved or written.
///
/// Returned by [`RingBuffer::push_all`](crate::RingBuffer::push_all) and
/// [`RingBuffer::reserve`](crate::RingBuffer::reserve) (space left in the ring), and by
/// [`Reservation::write`](crate::Reservation::write) and
/// [`Reservation::advance`](crate::Reservation::advance) (space left in the
/// reservation). A request larger than the ring's
/// [`capacity`](crate::RingBuffer::capacity) will never fit, however much is consumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Full {
    /// Bytes asked for.
    pub requested: usize,
    /// Bytes that were available.
    pub free: usize,
}

impl fmt::Display for Full {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ring full: {} bytes requested, {} free",
            self.requested, self.free
        )
    }
}

impl core::error::Error for Full {}

/// A reservation was committed before all its bytes were written; nothing was
/// published.
///
/// Returned by [`Reservation::commit`](crate::Reservation::commit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Incomplete {
    /// Bytes reserved (the message length).
    pub reserved: usize,
    /// Bytes written before the commit.
    pub written: usize,
}

impl fmt::Display for Incomplete {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "incomplete message: {} of {} reserved bytes written, nothing published",
            self.written, self.reserved
        )
    }
}

impl core::error::Error for Incomplete {}
