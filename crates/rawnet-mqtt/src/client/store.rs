//! The message store: encoded PUBLISH packets kept until they are acknowledged (for
//! sending again after a reconnect) or until they can be sent (the offline queue), in a
//! caller's byte buffer.
//!
//! Packets are stored one after the other from the start of the buffer; removing one moves
//! the packets behind it down (a few hundred bytes at most on a device), and the caller
//! fixes the offsets its records hold with
//! [`Outgoing::shift_stored`](super::state::Outgoing::shift_stored). The free space at the
//! end doubles as the scratch area where packets are encoded before they are copied into
//! the output ring.

use super::state::Stored;

/// A byte arena over a caller's buffer.
#[derive(Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Store<'b> {
    buf: &'b mut [u8],
    used: usize,
}

impl<'b> Store<'b> {
    /// An empty store over `buf`.
    pub fn new(buf: &'b mut [u8]) -> Self {
        Store { buf, used: 0 }
    }

    /// Total size.
    pub fn capacity(&self) -> usize {
        self.buf.len()
    }

    /// Bytes free at the end.
    pub fn free(&self) -> usize {
        self.buf.len().saturating_sub(self.used)
    }

    /// Bytes held.
    pub fn used(&self) -> usize {
        self.used
    }

    /// The free space at the end, to encode into; [`Store::keep`] makes the first `len`
    /// bytes of it a stored packet.
    pub fn scratch(&mut self) -> &mut [u8] {
        self.buf.get_mut(self.used..).unwrap_or_default()
    }

    /// Keeps the first `len` bytes of the scratch area as a stored packet.
    pub fn keep(&mut self, len: usize) -> Option<Stored> {
        if len > self.free() {
            return None;
        }
        let stored = Stored {
            offset: self.used,
            len,
        };
        self.used = self.used.saturating_add(len);
        Some(stored)
    }

    /// The bytes of a stored packet.
    pub fn get(&self, s: Stored) -> &[u8] {
        self.buf
            .get(s.offset..s.offset.saturating_add(s.len))
            .unwrap_or_default()
    }

    /// The bytes of a stored packet, to change (the DUP flag).
    pub fn get_mut(&mut self, s: Stored) -> &mut [u8] {
        self.buf
            .get_mut(s.offset..s.offset.saturating_add(s.len))
            .unwrap_or_default()
    }

    /// Drops a stored packet and moves the ones behind it down by its length.
    pub fn remove(&mut self, s: Stored) {
        let end = s.offset.saturating_add(s.len).min(self.used);
        if s.offset >= end {
            return;
        }
        self.buf.copy_within(end..self.used, s.offset);
        self.used = self.used.saturating_sub(end.saturating_sub(s.offset));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_get_remove_compacts() {
        let mut buf = [0u8; 16];
        let mut store = Store::new(&mut buf);
        store.scratch()[..3].copy_from_slice(b"abc");
        let a = store.keep(3).unwrap();
        store.scratch()[..4].copy_from_slice(b"defg");
        let b = store.keep(4).unwrap();
        assert_eq!((store.used(), store.free()), (7, 9));
        assert_eq!(store.get(a), b"abc");
        store.remove(a);
        assert_eq!(store.used(), 4);
        let b = Stored { offset: 0, ..b };
        assert_eq!(store.get(b), b"defg");
        assert!(store.keep(13).is_none(), "more than is free");
        store.remove(Stored { offset: 40, len: 2 }); // out of range: nothing happens, no panic
        assert_eq!(store.used(), 4);
    }
}
