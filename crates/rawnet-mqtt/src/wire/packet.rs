//! The fixed header (§2.1) and the checked [`Packet`] view.

use super::codec::decode_varint;
use super::{Error, QoS};

/// MQTT control packet type (the high nibble of the first byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[allow(missing_docs)]
pub enum PacketType {
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
    /// MQTT 5.0 only.
    Auth = 15,
}

impl PacketType {
    /// The packet type for a four-bit value; 0 is reserved.
    pub const fn from_nibble(value: u8) -> Option<PacketType> {
        Some(match value {
            1 => PacketType::Connect,
            2 => PacketType::ConnAck,
            3 => PacketType::Publish,
            4 => PacketType::PubAck,
            5 => PacketType::PubRec,
            6 => PacketType::PubRel,
            7 => PacketType::PubComp,
            8 => PacketType::Subscribe,
            9 => PacketType::SubAck,
            10 => PacketType::Unsubscribe,
            11 => PacketType::UnsubAck,
            12 => PacketType::PingReq,
            13 => PacketType::PingResp,
            14 => PacketType::Disconnect,
            15 => PacketType::Auth,
            _ => return None,
        })
    }

    /// The fixed header flags every packet of this type carries (all but PUBLISH).
    pub(crate) const fn fixed_flags(self) -> u8 {
        match self {
            PacketType::PubRel | PacketType::Subscribe | PacketType::Unsubscribe => 0b0010,
            _ => 0,
        }
    }
}

/// The fixed header of a packet: type, flags and remaining length.
///
/// [`FixedHeader::parse`] checks the type, the flags the specification fixes for that type
/// (and QoS / DUP for PUBLISH) and the encoding of the remaining length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FixedHeader {
    packet_type: PacketType,
    flags: u8,
    remaining_len: u32,
    header_len: u8,
}

impl FixedHeader {
    /// Parses the fixed header at the start of `buf`.
    ///
    /// [`Error::Truncated`] means `buf` ends inside the fixed header: a streaming caller
    /// waits for more bytes. Every other error is final.
    pub fn parse(buf: &[u8]) -> Result<FixedHeader, Error> {
        Self::parse_inline::<false>(buf)
    }

    /// [`FixedHeader::parse`], inlined where it is called ([`Repr::parse_bytes`], which the
    /// client does not link: it parses from its decoder).
    ///
    /// [`Repr::parse_bytes`]: super::Repr::parse_bytes
    /// With `FAST`, a one-byte remaining length is read without the loop.
    #[inline(always)]
    pub(crate) fn parse_inline<const FAST: bool>(buf: &[u8]) -> Result<FixedHeader, Error> {
        let (&first, rest) = buf.split_first().ok_or(Error::Truncated)?;
        let packet_type = PacketType::from_nibble(first >> 4).ok_or(Error::ReservedPacketType)?;
        let flags = first & 0x0f;
        Self::check_flags(packet_type, flags)?;
        let (remaining_len, used) = match rest.first() {
            Some(&len @ 0..0x80) if FAST => (u32::from(len), 1),
            _ => decode_varint(rest)?,
        };
        Ok(FixedHeader {
            packet_type,
            flags,
            remaining_len,
            // `used` is 1..=4, so the header is 2..=5 bytes.
            header_len: (used as u8).wrapping_add(1),
        })
    }

    fn check_flags(packet_type: PacketType, flags: u8) -> Result<(), Error> {
        if packet_type == PacketType::Publish {
            let qos = QoS::from_bits((flags >> 1) & 0b11)?;
            if qos == QoS::AtMostOnce && flags & 0b1000 != 0 {
                return Err(Error::DupWithQos0);
            }
            Ok(())
        } else if flags == packet_type.fixed_flags() {
            Ok(())
        } else {
            Err(Error::InvalidFlags)
        }
    }

    /// The packet type.
    pub const fn packet_type(&self) -> PacketType {
        self.packet_type
    }

    /// The four flag bits (meaningful for PUBLISH only).
    pub const fn flags(&self) -> u8 {
        self.flags
    }

    /// The remaining length: bytes after the fixed header.
    pub const fn remaining_len(&self) -> usize {
        self.remaining_len as usize
    }

    /// The length of the fixed header itself (2 to 5 bytes).
    pub const fn header_len(&self) -> usize {
        self.header_len as usize
    }

    /// The length of the whole packet.
    pub const fn total_len(&self) -> usize {
        // At most 5 + 268,435,455: no overflow even on 32-bit targets.
        self.remaining_len().saturating_add(self.header_len())
    }
}

/// A view over the bytes of one MQTT packet, checked once.
///
/// After [`Packet::new_checked`] succeeds, the buffer holds the whole fixed header and at
/// least `remaining length` bytes after it, and no accessor can fail. Bytes after the end of
/// the packet are allowed and ignored (the next packet of a stream, for instance).
#[derive(Debug, Clone)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Packet<T: AsRef<[u8]>> {
    buffer: T,
    header: FixedHeader,
}

impl<T: AsRef<[u8]>> Packet<T> {
    /// Checks the fixed header and that the buffer holds the whole packet.
    pub fn new_checked(buffer: T) -> Result<Packet<T>, Error> {
        let header = FixedHeader::parse(buffer.as_ref())?;
        if buffer.as_ref().len() < header.total_len() {
            return Err(Error::Truncated);
        }
        Ok(Packet { buffer, header })
    }

    /// The checked fixed header.
    pub const fn header(&self) -> &FixedHeader {
        &self.header
    }

    /// The packet type.
    pub const fn packet_type(&self) -> PacketType {
        self.header.packet_type
    }

    /// The length of the whole packet (fixed header and remaining length).
    pub const fn total_len(&self) -> usize {
        self.header.total_len()
    }

    /// The variable header and payload: the `remaining length` bytes after the fixed header.
    pub fn body(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(self.header.header_len()..self.header.total_len())
            .unwrap_or_default()
    }

    /// The whole packet, without any bytes after it.
    pub fn as_bytes(&self) -> &[u8] {
        self.buffer
            .as_ref()
            .get(..self.header.total_len())
            .unwrap_or_default()
    }

    /// The underlying buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Packet<&'a T> {
    /// The body, borrowed for the lifetime of the underlying buffer (what
    /// [`Repr::parse`](super::Repr::parse) borrows from).
    pub fn body_ref(&self) -> &'a [u8] {
        self.buffer
            .as_ref()
            .get(self.header.header_len()..self.header.total_len())
            .unwrap_or_default()
    }
}
