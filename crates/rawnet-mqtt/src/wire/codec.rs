//! Primitive encodings (§1.5): two- and four-byte integers, variable byte integers,
//! UTF-8 encoded strings and binary data, read through a bounds-checked cursor and written
//! through a bounds-checked writer.

use super::Error;

/// The largest value a variable byte integer can carry, and so the largest remaining
/// length of any packet (§1.5.5): 268,435,455 bytes.
pub const MAX_REMAINING_LENGTH: u32 = 268_435_455;

/// Decodes a variable byte integer from the start of `buf`: `(value, bytes used)`.
///
/// [`Error::Truncated`] when `buf` ends before the last byte (so a streaming caller knows
/// to wait for more), [`Error::MalformedVarInt`] on a fifth byte,
/// [`Error::NonMinimalVarInt`] when a shorter encoding exists.
pub(crate) fn decode_varint(buf: &[u8]) -> Result<(u32, usize), Error> {
    let mut value: u32 = 0;
    let mut shift: u32 = 0;
    let mut used: usize = 0;
    for &byte in buf.iter().take(4) {
        value |= u32::from(byte & 0x7f).wrapping_shl(shift);
        shift = shift.wrapping_add(7);
        used = used.wrapping_add(1);
        if byte & 0x80 == 0 {
            // A last byte of zero after at least one continuation byte means the same value
            // fits in fewer bytes.
            if byte == 0 && used > 1 {
                return Err(Error::NonMinimalVarInt);
            }
            return Ok((value, used));
        }
    }
    if used == 4 {
        Err(Error::MalformedVarInt)
    } else {
        Err(Error::Truncated)
    }
}

/// Number of bytes the variable byte integer encoding of `value` takes (1..=4; values
/// above [`MAX_REMAINING_LENGTH`] are reported as 4 and rejected by the writer).
pub(crate) const fn varint_len(value: usize) -> usize {
    if value < 0x80 {
        1
    } else if value < 0x4000 {
        2
    } else if value < 0x20_0000 {
        3
    } else {
        4
    }
}

/// Checks a string for the rules of §1.5.4 that Rust's `str` does not already enforce:
/// no U+0000. (Surrogates cannot occur in a `str`.)
#[inline]
pub(crate) fn check_no_null(s: &str) -> Result<(), Error> {
    if s.as_bytes().contains(&0) {
        Err(Error::NullCharacter)
    } else {
        Ok(())
    }
}

/// Encoded length of a string or binary field: two length bytes plus the data.
#[inline]
pub(crate) const fn field_len(data_len: usize) -> usize {
    data_len.saturating_add(2)
}

/// A bounds-checked reading cursor over a packet body.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) const fn new(buf: &'a [u8]) -> Self {
        Reader { rest: buf }
    }

    pub(crate) const fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub(crate) const fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// Everything not read yet; the cursor moves to the end.
    pub(crate) fn take_rest(&mut self) -> &'a [u8] {
        core::mem::take(&mut self.rest)
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let (head, tail) = self.rest.split_at_checked(n).ok_or(Error::Truncated)?;
        self.rest = tail;
        Ok(head)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, Error> {
        let (&byte, tail) = self.rest.split_first().ok_or(Error::Truncated)?;
        self.rest = tail;
        Ok(byte)
    }

    pub(crate) fn u16(&mut self) -> Result<u16, Error> {
        match self.take(2)? {
            &[a, b] => Ok(u16::from_be_bytes([a, b])),
            _ => Err(Error::Truncated),
        }
    }

    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        match self.take(4)? {
            &[a, b, c, d] => Ok(u32::from_be_bytes([a, b, c, d])),
            _ => Err(Error::Truncated),
        }
    }

    pub(crate) fn varint(&mut self) -> Result<u32, Error> {
        let (value, used) = decode_varint(self.rest)?;
        self.take(used)?;
        Ok(value)
    }

    /// Binary data (§1.5.6): a two-byte length and that many bytes.
    pub(crate) fn binary(&mut self) -> Result<&'a [u8], Error> {
        let len = self.u16()?;
        self.take(usize::from(len))
    }

    /// A UTF-8 encoded string (§1.5.4).
    pub(crate) fn string(&mut self) -> Result<&'a str, Error> {
        let s = self.utf8()?;
        check_no_null(s)?;
        Ok(s)
    }

    /// [`Reader::string`], inlined where it is called (the parsers built for speed).
    #[inline(always)]
    pub(crate) fn string_inline(&mut self) -> Result<&'a str, Error> {
        let s = self.utf8_inline()?;
        if super::scan::has_null_fast(s.as_bytes()) {
            return Err(Error::NullCharacter);
        }
        Ok(s)
    }

    /// A string checked for UTF-8 only: the caller checks U+0000 (with the other characters
    /// it looks for, in the same pass).
    pub(crate) fn utf8(&mut self) -> Result<&'a str, Error> {
        self.utf8_inline()
    }

    /// [`Reader::utf8`], inlined where it is called.
    #[inline(always)]
    pub(crate) fn utf8_inline(&mut self) -> Result<&'a str, Error> {
        core::str::from_utf8(self.binary()?).map_err(|_| Error::InvalidUtf8)
    }

    /// A packet identifier that must not be zero.
    pub(crate) fn packet_id(&mut self) -> Result<super::PacketId, Error> {
        super::PacketId::new(self.u16()?).ok_or(Error::ZeroPacketId)
    }

    /// Succeeds only if everything was read.
    pub(crate) fn finish(&self) -> Result<(), Error> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(Error::TrailingBytes)
        }
    }
}

/// Where an emitter writes: a caller's buffer ([`Writer`]), a length count that runs the
/// checks without writing ([`Counter`], for [`Repr::check`](super::Repr::check)), or a
/// caller's buffer for a representation already checked ([`Trusted`]).
///
/// The checks an emitter runs depend on [`Sink::CHECK`]: with it the representation is
/// checked with the parser's rules as it is written (strings for U+0000, topic names and
/// filters, properties for their packet), without it those scans are left out because
/// [`Repr::check`](super::Repr::check) did them. The constant-time checks (version, flags,
/// reason codes) run either way.
pub trait Sink {
    /// Whether the scans run as the packet is written.
    const CHECK: bool;

    fn put(&mut self, bytes: &[u8]) -> Result<(), Error>;

    fn u8(&mut self, value: u8) -> Result<(), Error>;

    /// Bytes of a length known at compile time.
    fn array<const N: usize>(&mut self, bytes: [u8; N]) -> Result<(), Error> {
        self.put(&bytes)
    }

    fn u16(&mut self, value: u16) -> Result<(), Error> {
        self.array(value.to_be_bytes())
    }

    fn u32(&mut self, value: u32) -> Result<(), Error> {
        self.array(value.to_be_bytes())
    }

    /// A variable byte integer; values above [`MAX_REMAINING_LENGTH`] are
    /// [`Error::PacketTooLarge`].
    fn varint(&mut self, value: usize) -> Result<(), Error> {
        if !Self::CHECK {
            if let Ok(byte @ 0..0x80) = u8::try_from(value) {
                return self.u8(byte);
            }
        }
        let mut value = u32::try_from(value).map_err(|_| Error::PacketTooLarge)?;
        if value > MAX_REMAINING_LENGTH {
            return Err(Error::PacketTooLarge);
        }
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                return self.u8(low);
            }
            self.u8(low | 0x80)?;
        }
    }

    /// Binary data: two length bytes and the data; over 65,535 bytes is
    /// [`Error::FieldTooLong`].
    fn binary(&mut self, data: &[u8]) -> Result<(), Error> {
        let len = match u16::try_from(data.len()) {
            Ok(len) => len,
            // Repr::check found no longer field: the length is not looked at again.
            Err(_) if !Self::CHECK => data.len() as u16,
            Err(_) => return Err(Error::FieldTooLong),
        };
        self.u16(len)?;
        self.put(data)
    }

    /// A UTF-8 encoded string, checked for U+0000 (with [`Sink::CHECK`]) and length.
    fn string(&mut self, s: &str) -> Result<(), Error> {
        if Self::CHECK {
            check_no_null(s)?;
        }
        self.binary(s.as_bytes())
    }

    /// A string whose content the caller already validated.
    fn string_unchecked(&mut self, s: &str) -> Result<(), Error> {
        self.binary(s.as_bytes())
    }
}

/// A bounds-checked writer into a caller's buffer. Every write that would run past the
/// end returns [`Error::BufferTooSmall`] instead of panicking.
#[derive(Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Writer<'b> {
    buf: &'b mut [u8],
    pos: usize,
}

impl<'b> Writer<'b> {
    pub(crate) fn new(buf: &'b mut [u8]) -> Self {
        Writer { buf, pos: 0 }
    }

    /// Bytes written so far.
    pub(crate) const fn position(&self) -> usize {
        self.pos
    }
}

impl Sink for Writer<'_> {
    const CHECK: bool = true;

    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let end = self
            .pos
            .checked_add(bytes.len())
            .ok_or(Error::BufferTooSmall)?;
        let dst = self
            .buf
            .get_mut(self.pos..end)
            .ok_or(Error::BufferTooSmall)?;
        dst.copy_from_slice(bytes);
        self.pos = end;
        Ok(())
    }

    fn u8(&mut self, value: u8) -> Result<(), Error> {
        let dst = self.buf.get_mut(self.pos).ok_or(Error::BufferTooSmall)?;
        *dst = value;
        self.pos = self.pos.wrapping_add(1);
        Ok(())
    }
}

/// Counts the bytes an emitter would write, running every check, and writes nothing.
#[derive(Debug, Default)]
pub(crate) struct Counter(usize);

impl Counter {
    /// Bytes counted.
    pub(crate) const fn len(&self) -> usize {
        self.0
    }
}

impl Sink for Counter {
    const CHECK: bool = true;

    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.0 = self.0.saturating_add(bytes.len());
        Ok(())
    }

    fn u8(&mut self, _value: u8) -> Result<(), Error> {
        self.0 = self.0.saturating_add(1);
        Ok(())
    }
}

/// The writer of [`Checked::emit`](super::Checked::emit), for a representation that
/// [`Repr::check`](super::Repr::check) accepted: the scans are not run again, and it is
/// built for speed rather than size (the client does not link it). Every write stays bounds
/// checked.
#[derive(Debug)]
pub(crate) struct Trusted<'b> {
    /// What is left of the buffer.
    rest: &'b mut [u8],
    /// The buffer's length.
    len: usize,
}

impl<'b> Trusted<'b> {
    pub(crate) fn new(buf: &'b mut [u8]) -> Self {
        Trusted {
            len: buf.len(),
            rest: buf,
        }
    }

    /// Bytes written so far.
    pub(crate) const fn position(&self) -> usize {
        self.len.wrapping_sub(self.rest.len())
    }

    /// The next `N` bytes of the buffer, which the caller writes.
    #[inline(always)]
    fn chunk<const N: usize>(&mut self) -> Result<&'b mut [u8; N], Error> {
        let (dst, rest) = core::mem::take(&mut self.rest)
            .split_first_chunk_mut::<N>()
            .ok_or(Error::BufferTooSmall)?;
        self.rest = rest;
        Ok(dst)
    }
}

impl Sink for Trusted<'_> {
    const CHECK: bool = false;

    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let (dst, rest) = core::mem::take(&mut self.rest)
            .split_at_mut_checked(bytes.len())
            .ok_or(Error::BufferTooSmall)?;
        dst.copy_from_slice(bytes);
        self.rest = rest;
        Ok(())
    }

    #[inline]
    fn u8(&mut self, value: u8) -> Result<(), Error> {
        *self.chunk::<1>()? = [value];
        Ok(())
    }

    #[inline]
    fn array<const N: usize>(&mut self, bytes: [u8; N]) -> Result<(), Error> {
        *self.chunk::<N>()? = bytes;
        Ok(())
    }
}
