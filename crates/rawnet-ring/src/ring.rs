//! The ring itself: storage, the read index and the length.

use core::fmt;
use core::ops::Range;

use crate::{Full, Reservation};

/// A fixed-capacity FIFO of bytes over any byte storage `S`.
///
/// Use it through one of its two names:
///
/// - [`Ring<N>`]: owns a `[u8; N]`, can live in a `static` ([`Ring::new`] is `const`);
/// - [`RingRef<'a>`](RingRef): borrows a `&'a mut [u8]` the caller already has.
///
/// Any other storage that hands out the same byte slice every time through
/// [`AsRef<[u8]>`] and [`AsMut<[u8]>`] works with [`RingBuffer::from_storage`] (a
/// `Vec<u8>` on the host, say). The capacity is that slice's length: any length,
/// 0 and 1 included.
///
/// # State
///
/// The ring keeps the index of its oldest byte (`head`, always below the capacity, or
/// 0 when the capacity is 0) and how many bytes it holds (`len`, at most the
/// capacity). The write position is derived from the two. Neither ever grows past the
/// capacity, so there is no free-running counter to overflow however long the ring
/// runs, and "full" (`len == capacity`) can never be mistaken for "empty" (`len == 0`).
/// Indices wrap by comparison and subtraction, never by masking or `%`, so every
/// capacity behaves the same.
///
/// # Panics
///
/// No method panics, provided the storage returns a slice of the same length every
/// time (true for arrays, slices and vectors the ring owns or borrows exclusively).
pub struct RingBuffer<S> {
    storage: S,
    /// Index of the oldest stored byte: `< capacity`, or `0` if the capacity is 0.
    head: usize,
    /// Number of stored bytes: `<= capacity`.
    len: usize,
}

/// A ring that owns `N` bytes of storage.
///
/// ```
/// use rawnet_ring::Ring;
///
/// // `new` is const: a ring can be a static (behind a critical-section mutex on a MCU).
/// static OUTPUT: std::sync::Mutex<Ring<1024>> = std::sync::Mutex::new(Ring::new());
/// assert_eq!(OUTPUT.lock().unwrap().free(), 1024);
///
/// let mut ring = Ring::<5>::new();
/// assert_eq!(ring.capacity(), 5);
/// ring.push_all(b"hello").unwrap();
/// assert!(ring.is_full());
/// ```
pub type Ring<const N: usize> = RingBuffer<[u8; N]>;

/// A ring over a byte slice the caller lends it.
///
/// ```
/// use rawnet_ring::RingRef;
///
/// let mut memory = [0u8; 100]; // not a power of two, and that is fine
/// let mut ring = RingRef::new(&mut memory);
/// ring.push_all(b"abc").unwrap();
/// assert_eq!(ring.readable(), b"abc");
/// ```
pub type RingRef<'a> = RingBuffer<&'a mut [u8]>;

impl<const N: usize> RingBuffer<[u8; N]> {
    /// An empty ring owning `N` zeroed bytes.
    pub const fn new() -> Self {
        Self::from_storage([0; N])
    }
}

impl<const N: usize> Default for RingBuffer<[u8; N]> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a> RingBuffer<&'a mut [u8]> {
    /// An empty ring over `buf`; its capacity is `buf.len()`. What `buf` held before
    /// is ignored.
    pub const fn new(buf: &'a mut [u8]) -> Self {
        Self::from_storage(buf)
    }
}

impl<S> RingBuffer<S> {
    /// An empty ring over any storage; its capacity is the length of the storage's
    /// byte slice. What the storage held before is ignored.
    pub const fn from_storage(storage: S) -> Self {
        Self {
            storage,
            head: 0,
            len: 0,
        }
    }

    /// Gives the storage back (its bytes are whatever the ring last wrote there).
    pub fn into_storage(self) -> S {
        self.storage
    }

    /// Number of bytes stored and not yet consumed (lwIP `mqtt_ringbuf_len`).
    pub const fn len(&self) -> usize {
        self.len
    }

    /// `true` if no byte is stored.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<S: AsRef<[u8]> + AsMut<[u8]>> RingBuffer<S> {
    /// Total number of bytes the ring can hold (lwIP `MQTT_OUTPUT_RINGBUF_SIZE`).
    pub fn capacity(&self) -> usize {
        self.storage.as_ref().len()
    }

    /// Number of bytes that can be pushed now (lwIP `mqtt_ringbuf_free`).
    pub fn free(&self) -> usize {
        self.capacity() - self.len
    }

    /// `true` if no byte can be pushed (always the case for capacity 0).
    pub fn is_full(&self) -> bool {
        self.len == self.capacity()
    }

    /// Forgets every stored byte and moves the read index back to the start of the
    /// storage, so that the next pushes are contiguous.
    pub fn clear(&mut self) {
        self.head = 0;
        self.len = 0;
    }

    /// Appends all of `data`, or nothing if it does not fit.
    ///
    /// Pushing an empty slice always succeeds, even on a full ring.
    ///
    /// # Errors
    ///
    /// [`Full`] (with `data.len()` and the free space) if `data.len() > self.free()`;
    /// the ring is then unchanged.
    pub fn push_all(&mut self, data: &[u8]) -> Result<(), Full> {
        let free = self.free();
        if data.len() > free {
            return Err(Full {
                requested: data.len(),
                free,
            });
        }
        let cap = self.capacity();
        let tail = wrap_add(self.head, self.len, cap);
        copy_in(self.storage.as_mut(), tail, data);
        self.len += data.len();
        Ok(())
    }

    /// Reserves `n` bytes of free space for one message whose length is known before
    /// its bytes are.
    ///
    /// Fill the [`Reservation`] with [`Reservation::write`] (or through
    /// [`Reservation::unwritten_mut`] and [`Reservation::advance`]), then
    /// [`Reservation::commit`] it: only then do the `n` bytes become readable, all at
    /// once. Dropping the reservation, or committing it before all `n` bytes were
    /// written, leaves the ring as it was.
    ///
    /// # Errors
    ///
    /// [`Full`] if `n > self.free()`; nothing is reserved.
    pub fn reserve(&mut self, n: usize) -> Result<Reservation<'_>, Full> {
        let free = self.free();
        if n > free {
            return Err(Full { requested: n, free });
        }
        let cap = self.capacity();
        let start = wrap_add(self.head, self.len, cap);
        Ok(Reservation::new(
            self.storage.as_mut(),
            &mut self.len,
            start,
            n,
        ))
    }

    /// The oldest stored bytes that are contiguous in the storage: the first chunk to
    /// hand to the layer below (lwIP `mqtt_ringbuf_get_ptr` with
    /// `mqtt_ringbuf_linear_read_length`).
    ///
    /// Empty only if the ring is empty. When the stored bytes wrap around the end of
    /// the storage, this is the part before the end; [`consume`](Self::consume) it and
    /// the rest becomes readable.
    pub fn readable(&self) -> &[u8] {
        self.readable_pair().0
    }

    /// All stored bytes, oldest first, as two slices: the part up to the end of the
    /// storage and the part that wrapped around to its start (empty if none did).
    ///
    /// The second slice is non-empty only if the first is.
    pub fn readable_pair(&self) -> (&[u8], &[u8]) {
        let buf = self.storage.as_ref();
        let (first, second) = split_range(buf.len(), self.head, self.len);
        (&buf[first], &buf[second])
    }

    /// Drops up to `n` of the oldest bytes (lwIP `mqtt_ringbuf_advance_get_idx`) and
    /// returns how many were dropped: `n`, or [`len`](Self::len) if that is smaller.
    ///
    /// When the ring becomes empty, the read index moves back to the start of the
    /// storage, so that the next message is stored (and readable) in one piece.
    pub fn consume(&mut self, n: usize) -> usize {
        let n = n.min(self.len);
        self.len -= n;
        if self.len == 0 {
            self.head = 0;
        } else {
            self.head = wrap_add(self.head, n, self.capacity());
        }
        n
    }

    /// Copies the oldest bytes into `out`, as many as fit, consumes them and returns
    /// their number.
    pub fn read(&mut self, out: &mut [u8]) -> usize {
        let (first, second) = self.readable_pair();
        let from_first = first.len().min(out.len());
        let from_second = second.len().min(out.len() - from_first);
        out[..from_first].copy_from_slice(&first[..from_first]);
        out[from_first..from_first + from_second].copy_from_slice(&second[..from_second]);
        self.consume(from_first + from_second)
    }

    /// Checks the representation invariants (tests only).
    #[cfg(test)]
    pub(crate) fn assert_invariants(&self) {
        let cap = self.capacity();
        assert!(self.len <= cap, "len {} > capacity {cap}", self.len);
        if cap == 0 {
            assert_eq!(self.head, 0);
        } else {
            assert!(self.head < cap, "head {} >= capacity {cap}", self.head);
        }
    }
}

impl<S: AsRef<[u8]>> fmt::Debug for RingBuffer<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RingBuffer")
            .field("capacity", &self.storage.as_ref().len())
            .field("head", &self.head)
            .field("len", &self.len)
            .finish()
    }
}

impl<S: Clone> Clone for RingBuffer<S> {
    fn clone(&self) -> Self {
        Self {
            storage: self.storage.clone(),
            head: self.head,
            len: self.len,
        }
    }
}

/// `index + n`, wrapped into `0..cap`.
///
/// Requires `index < cap` (or `index == 0` when `cap == 0`) and `n <= cap`. Compares
/// against the distance to the end instead of adding first, so no intermediate value
/// exceeds `cap`: nothing can overflow, whatever the capacity. Landing exactly on the
/// end gives 0 (the case lwIP bug #51602 got wrong).
pub(crate) const fn wrap_add(index: usize, n: usize, cap: usize) -> usize {
    let to_end = cap - index;
    if n >= to_end {
        n - to_end
    } else {
        index + n
    }
}

/// The `n` bytes starting at `start` in a ring of capacity `cap`, as the range up to the
/// end of the storage and the range that wrapped around to its start.
///
/// Requires `start < cap` (or `start == 0` when `cap == 0`) and `n <= cap`. The second
/// range is empty unless the first one reaches the end of the storage.
pub(crate) const fn split_range(
    cap: usize,
    start: usize,
    n: usize,
) -> (Range<usize>, Range<usize>) {
    let to_end = cap - start;
    if n <= to_end {
        (start..start + n, 0..0)
    } else {
        (start..cap, 0..n - to_end)
    }
}

/// Copies `data` into `buf` starting at `start`, wrapping around the end of `buf`.
///
/// Requires `start < buf.len()` (or `start == 0` for an empty `buf`) and
/// `data.len() <= buf.len()`.
pub(crate) fn copy_in(buf: &mut [u8], start: usize, data: &[u8]) {
    let (first, second) = split_range(buf.len(), start, data.len());
    let (data_first, data_second) = data.split_at(first.len());
    buf[first].copy_from_slice(data_first);
    buf[second].copy_from_slice(data_second);
}
