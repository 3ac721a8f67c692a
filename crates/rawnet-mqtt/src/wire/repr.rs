//! [`Repr`]: the meaning of any MQTT packet, with parse / buffer_len / emit.

use super::codec::{varint_len, Counter, Sink, Trusted, Writer};
use super::{
    Ack, Auth, ConnAck, Connect, Disconnect, Error, FixedHeader, Packet, PacketType, Publish,
    SubAck, Subscribe, UnsubAck, Unsubscribe, Version,
};

/// A parsed (or to-be-emitted) MQTT control packet.
///
/// Parsing borrows topics, payloads, properties and lists from the input; emitting writes
/// into a caller's buffer of [`Repr::buffer_len`] bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[allow(missing_docs)]
pub enum Repr<'a> {
    Connect(Connect<'a>),
    ConnAck(ConnAck<'a>),
    Publish(Publish<'a>),
    PubAck(Ack<'a>),
    PubRec(Ack<'a>),
    PubRel(Ack<'a>),
    PubComp(Ack<'a>),
    Subscribe(Subscribe<'a>),
    SubAck(SubAck<'a>),
    Unsubscribe(Unsubscribe<'a>),
    UnsubAck(UnsubAck<'a>),
    PingReq,
    PingResp,
    Disconnect(Disconnect<'a>),
    /// MQTT 5.0 only.
    Auth(Auth<'a>),
}

impl<'a> Repr<'a> {
    /// Parses a checked packet as `version`.
    pub fn parse<T: AsRef<[u8]> + ?Sized>(
        packet: &Packet<&'a T>,
        version: Version,
    ) -> Result<Repr<'a>, Error> {
        Self::parse_body(packet.header(), packet.body_ref(), version)
    }

    /// Parses a packet from the start of `bytes`: the packet and its total length. Bytes
    /// after the packet are left alone.
    pub fn parse_bytes(bytes: &'a [u8], version: Version) -> Result<(Repr<'a>, usize), Error> {
        let header = FixedHeader::parse_inline::<true>(bytes)?;
        let total = header.total_len();
        let body = bytes
            .get(header.header_len()..total)
            .ok_or(Error::Truncated)?;
        // The packet types parsed most, and the largest, straight into the result rather
        // than through the match.
        match header.packet_type() {
            PacketType::Publish => {
                let publish = Publish::parse_inline(header.flags(), body, version)?;
                return Ok((Repr::Publish(publish), total));
            }
            PacketType::Connect => {
                return Ok((Repr::Connect(Connect::parse(body, version)?), total));
            }
            _ => {}
        }
        Ok((Self::parse_whole_body(&header, body, version)?, total))
    }

    /// Parses a packet body (the `remaining length` bytes after the fixed header).
    pub fn parse_body(
        header: &FixedHeader,
        body: &'a [u8],
        version: Version,
    ) -> Result<Repr<'a>, Error> {
        if body.len() != header.remaining_len() {
            return Err(Error::Truncated);
        }
        Self::parse_whole_body(header, body, version)
    }

    /// [`Repr::parse_body`] of a body of the header's remaining length: every packet type,
    /// in one match, inlined into [`Repr::parse_body`] and [`Repr::parse_bytes`] (the
    /// client parses with [`Repr::parse_body_client`] and does not link it).
    #[inline(always)]
    fn parse_whole_body(
        header: &FixedHeader,
        body: &'a [u8],
        version: Version,
    ) -> Result<Repr<'a>, Error> {
        let kind = header.packet_type();
        Ok(match kind {
            PacketType::Connect => Repr::Connect(Connect::parse(body, version)?),
            PacketType::ConnAck => Repr::ConnAck(ConnAck::parse(body, version)?),
            PacketType::Publish => {
                Repr::Publish(Publish::parse_inline(header.flags(), body, version)?)
            }
            PacketType::PubAck => Repr::PubAck(Ack::parse(kind, body, version)?),
            PacketType::PubRec => Repr::PubRec(Ack::parse(kind, body, version)?),
            PacketType::PubRel => Repr::PubRel(Ack::parse(kind, body, version)?),
            PacketType::PubComp => Repr::PubComp(Ack::parse(kind, body, version)?),
            PacketType::Subscribe => Repr::Subscribe(Subscribe::parse(body, version)?),
            PacketType::SubAck => Repr::SubAck(SubAck::parse(body, version)?),
            PacketType::Unsubscribe => Repr::Unsubscribe(Unsubscribe::parse(body, version)?),
            PacketType::UnsubAck => Repr::UnsubAck(UnsubAck::parse(body, version)?),
            PacketType::PingReq => {
                empty(body)?;
                Repr::PingReq
            }
            PacketType::PingResp => {
                empty(body)?;
                Repr::PingResp
            }
            PacketType::Disconnect => Repr::Disconnect(Disconnect::parse(body, version)?),
            PacketType::Auth => Repr::Auth(Auth::parse(body, version)?),
        })
    }

    /// [`Repr::parse_body`] as a client receives packets: the packet types only a server
    /// receives (CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ) are [`Error::WrongDirection`]
    /// without their body being looked at; every other type is parsed exactly as
    /// [`Repr::parse_body`] does. A client using this instead of [`Repr::parse_body`] (or
    /// [`Decoder::feed_client`](super::Decoder::feed_client)) does not link the parsers of
    /// server-bound packets.
    pub fn parse_body_client(
        header: &FixedHeader,
        body: &'a [u8],
        version: Version,
    ) -> Result<Repr<'a>, Error> {
        if body.len() != header.remaining_len() {
            return Err(Error::Truncated);
        }
        let kind = header.packet_type();
        Ok(match kind {
            PacketType::Connect
            | PacketType::Subscribe
            | PacketType::Unsubscribe
            | PacketType::PingReq => return Err(Error::WrongDirection),
            PacketType::ConnAck => Repr::ConnAck(ConnAck::parse(body, version)?),
            PacketType::Publish => Repr::Publish(Publish::parse(header.flags(), body, version)?),
            PacketType::PubAck => Repr::PubAck(Ack::parse(kind, body, version)?),
            PacketType::PubRec => Repr::PubRec(Ack::parse(kind, body, version)?),
            PacketType::PubRel => Repr::PubRel(Ack::parse(kind, body, version)?),
            PacketType::PubComp => Repr::PubComp(Ack::parse(kind, body, version)?),
            PacketType::SubAck => Repr::SubAck(SubAck::parse(body, version)?),
            PacketType::UnsubAck => Repr::UnsubAck(UnsubAck::parse(body, version)?),
            PacketType::PingResp => {
                empty(body)?;
                Repr::PingResp
            }
            PacketType::Disconnect => Repr::Disconnect(Disconnect::parse(body, version)?),
            PacketType::Auth => Repr::Auth(Auth::parse(body, version)?),
        })
    }

    /// The packet type.
    pub const fn packet_type(&self) -> PacketType {
        match self {
            Repr::Connect(_) => PacketType::Connect,
            Repr::ConnAck(_) => PacketType::ConnAck,
            Repr::Publish(_) => PacketType::Publish,
            Repr::PubAck(_) => PacketType::PubAck,
            Repr::PubRec(_) => PacketType::PubRec,
            Repr::PubRel(_) => PacketType::PubRel,
            Repr::PubComp(_) => PacketType::PubComp,
            Repr::Subscribe(_) => PacketType::Subscribe,
            Repr::SubAck(_) => PacketType::SubAck,
            Repr::Unsubscribe(_) => PacketType::Unsubscribe,
            Repr::UnsubAck(_) => PacketType::UnsubAck,
            Repr::PingReq => PacketType::PingReq,
            Repr::PingResp => PacketType::PingResp,
            Repr::Disconnect(_) => PacketType::Disconnect,
            Repr::Auth(_) => PacketType::Auth,
        }
    }

    /// The remaining length this packet encodes to.
    pub fn remaining_len(&self, version: Version) -> usize {
        match self {
            Repr::ConnAck(p) => p.body_len(version),
            Repr::SubAck(p) => p.body_len(version),
            Repr::UnsubAck(p) => p.body_len(version),
            Repr::PingResp => 0,
            Repr::Auth(p) => p.body_len(version),
            _ => self.client_remaining_len(version).unwrap_or(0),
        }
    }

    /// [`Repr::remaining_len`] of the packet types the client sends (CONNECT, PUBLISH and
    /// its acknowledgements, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT); `None` for the
    /// others. Kept apart so that a client does not link the others' encoders.
    fn client_remaining_len(&self, version: Version) -> Option<usize> {
        Some(match self {
            Repr::Connect(p) => p.body_len(version),
            Repr::Publish(p) => p.body_len(version),
            Repr::PubAck(p) | Repr::PubRec(p) | Repr::PubRel(p) | Repr::PubComp(p) => {
                p.body_len(version)
            }
            Repr::Subscribe(p) => p.body_len(version),
            Repr::Unsubscribe(p) => p.body_len(version),
            Repr::PingReq => 0,
            Repr::Disconnect(p) => p.body_len(version),
            _ => return None,
        })
    }

    /// The exact number of bytes [`Repr::emit`] writes for `version`.
    pub fn buffer_len(&self, version: Version) -> usize {
        let body = self.remaining_len(version);
        body.saturating_add(varint_len(body)).saturating_add(1)
    }

    /// [`Repr::buffer_len`] for the client's own packets ([`Repr::emit_client`]); 0 for a
    /// packet type the client does not send.
    pub(crate) fn buffer_len_client(&self, version: Version) -> usize {
        match self.client_remaining_len(version) {
            Some(body) => body.saturating_add(varint_len(body)).saturating_add(1),
            None => 0,
        }
    }

    fn first_byte(&self) -> u8 {
        let kind = self.packet_type();
        let flags = match self {
            Repr::Publish(p) => p.flags(),
            _ => kind.fixed_flags(),
        };
        (kind as u8) << 4 | flags
    }

    /// Emits the packet as `version` into the start of `buf`; returns the number of bytes
    /// written, which is [`Repr::buffer_len`].
    ///
    /// Checks the representation with the same rules as [`Repr::parse`]; a buffer shorter
    /// than [`Repr::buffer_len`] is [`Error::BufferTooSmall`] (and nothing useful is
    /// written). To emit the same representation more than once, [`Repr::check`] it once and
    /// emit the [`Checked`] representation.
    pub fn emit(&self, buf: &mut [u8], version: Version) -> Result<usize, Error> {
        let body = self.remaining_len(version);
        self.emit_framed(buf, body, |w| self.emit_body(w, version))
    }

    /// Checks the representation for `version` with the rules [`Repr::emit`] applies (the
    /// parser's), once: the [`Checked`] representation emits without checking again.
    pub fn check(&self, version: Version) -> Result<Checked<'a>, Error> {
        let mut counter = Counter::default();
        self.emit_body(&mut counter, version)?;
        let body = counter.len();
        debug_assert_eq!(body, self.remaining_len(version));
        if body > super::MAX_REMAINING_LENGTH as usize {
            return Err(Error::PacketTooLarge);
        }
        Ok(Checked {
            repr: *self,
            version,
            first_byte: self.first_byte(),
            body,
            total: body.saturating_add(varint_len(body)).saturating_add(1),
        })
    }

    /// [`Repr::emit`] for the packet types the client sends; the others are
    /// [`Error::WrongDirection`]. The same bytes as [`Repr::emit`], without linking the
    /// encoders of CONNACK, SUBACK, UNSUBACK, PINGRESP and AUTH.
    pub(crate) fn emit_client(&self, buf: &mut [u8], version: Version) -> Result<usize, Error> {
        let body = self
            .client_remaining_len(version)
            .ok_or(Error::WrongDirection)?;
        self.emit_framed(buf, body, |w| self.emit_client_body(w, version))
    }

    /// The fixed header for a body of `body` bytes, then the body.
    fn emit_framed(
        &self,
        buf: &mut [u8],
        body: usize,
        emit_body: impl FnOnce(&mut Writer<'_>) -> Result<(), Error>,
    ) -> Result<usize, Error> {
        if body > super::MAX_REMAINING_LENGTH as usize {
            return Err(Error::PacketTooLarge);
        }
        let total = body.saturating_add(varint_len(body)).saturating_add(1);
        if buf.len() < total {
            return Err(Error::BufferTooSmall);
        }
        let mut w = Writer::new(buf);
        w.u8(self.first_byte())?;
        w.varint(body)?;
        emit_body(&mut w)?;
        debug_assert_eq!(w.position(), total);
        Ok(w.position())
    }

    /// Emits only the fixed header and variable header of a PUBLISH, leaving out the
    /// payload (for writing a large payload from elsewhere, or in pieces into a ring
    /// buffer). Returns the bytes written; the packet is complete once
    /// `publish.payload.len()` payload bytes follow.
    pub fn emit_publish_header(
        publish: &Publish<'_>,
        buf: &mut [u8],
        version: Version,
    ) -> Result<usize, Error> {
        let body = publish.body_len(version);
        if body > super::MAX_REMAINING_LENGTH as usize {
            return Err(Error::PacketTooLarge);
        }
        let mut w = Writer::new(buf);
        w.u8(Repr::Publish(*publish).first_byte())?;
        w.varint(body)?;
        publish.emit_header(&mut w, version)?;
        Ok(w.position())
    }

    /// The whole length of `publish` with a payload of `payload_len` bytes in place of its
    /// own (a payload streamed later).
    pub(crate) fn publish_len(
        publish: &Publish<'_>,
        payload_len: usize,
        version: Version,
    ) -> usize {
        let body = publish
            .body_len(version)
            .saturating_sub(publish.payload.len())
            .saturating_add(payload_len);
        body.saturating_add(varint_len(body)).saturating_add(1)
    }

    /// [`Repr::emit_publish_header`] for a payload of `payload_len` bytes in place of
    /// `publish`'s own (separate, so that only a client that streams such payloads links
    /// it).
    pub(crate) fn emit_publish_header_len(
        publish: &Publish<'_>,
        payload_len: usize,
        buf: &mut [u8],
        version: Version,
    ) -> Result<usize, Error> {
        let body = publish
            .body_len(version)
            .saturating_sub(publish.payload.len())
            .saturating_add(payload_len);
        if body > super::MAX_REMAINING_LENGTH as usize {
            return Err(Error::PacketTooLarge);
        }
        let mut w = Writer::new(buf);
        w.u8(Repr::Publish(*publish).first_byte())?;
        w.varint(body)?;
        publish.emit_header(&mut w, version)?;
        Ok(w.position())
    }

    /// Bytes [`Repr::emit_publish_header_aliased`] writes plus the payload: the whole
    /// MQTT 5.0 PUBLISH with Topic Alias added (and the topic name left out unless
    /// `with_topic`).
    pub(crate) fn publish_aliased_len(publish: &Publish<'_>, with_topic: bool) -> usize {
        let body = publish
            .aliased_header_body_len(with_topic)
            .saturating_add(publish.payload.len());
        body.saturating_add(varint_len(body)).saturating_add(1)
    }

    /// [`Repr::emit_publish_header`] for MQTT 5.0 with a Topic Alias property appended to
    /// `publish`'s properties, which must not hold one: the topic name is written when
    /// `with_topic` (this PUBLISH defines the alias) and left empty otherwise (it uses
    /// it).
    pub(crate) fn emit_publish_header_aliased(
        publish: &Publish<'_>,
        alias: u16,
        with_topic: bool,
        buf: &mut [u8],
    ) -> Result<usize, Error> {
        let body = publish
            .aliased_header_body_len(with_topic)
            .saturating_add(publish.payload.len());
        if body > super::MAX_REMAINING_LENGTH as usize {
            return Err(Error::PacketTooLarge);
        }
        let mut w = Writer::new(buf);
        w.u8(Repr::Publish(*publish).first_byte())?;
        w.varint(body)?;
        publish.emit_aliased_header(&mut w, alias, with_topic)?;
        Ok(w.position())
    }

    fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        match self {
            Repr::ConnAck(p) => p.emit_body(w, version),
            Repr::SubAck(p) => p.emit_body(w, version),
            Repr::UnsubAck(p) => p.emit_body(w, version),
            Repr::PingResp => Ok(()),
            Repr::Auth(p) => p.emit_body(w, version),
            _ => self.emit_client_body(w, version),
        }
    }

    fn emit_client_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        let kind = self.packet_type();
        match self {
            Repr::Connect(p) => p.emit_body(w, version),
            Repr::Publish(p) => p.emit_body(w, version),
            Repr::PubAck(p) | Repr::PubRec(p) | Repr::PubRel(p) | Repr::PubComp(p) => {
                p.emit_body(kind, w, version)
            }
            Repr::Subscribe(p) => p.emit_body(w, version),
            Repr::Unsubscribe(p) => p.emit_body(w, version),
            Repr::PingReq => Ok(()),
            Repr::Disconnect(p) => p.emit_body(w, version),
            _ => Err(Error::WrongDirection),
        }
    }
}

/// A [`Repr`] that [`Repr::check`] accepted for a version, with its remaining length:
/// [`Checked::emit`] writes it without checking again (the representation borrows what it
/// holds immutably, so it cannot change after the check), and what it writes parses back as
/// the representation.
///
/// For emitting one representation many times (a retransmission, a broker's copies of one
/// message), or for checking where it is built rather than where it is sent.
///
/// ```
/// use rawnet_mqtt::wire::{PacketId, Publish, PublishQos, Repr, Version};
///
/// let publish = Publish {
///     qos: PublishQos::AtLeastOnce(PacketId::new(1).unwrap()),
///     topic: "devices/k64f/telemetry",
///     payload: b"21.5",
///     ..Publish::default()
/// };
/// let checked = Repr::Publish(publish).check(Version::V311).unwrap();
/// let mut buf = [0u8; 64];
/// let n = checked.emit(&mut buf).unwrap();
/// assert_eq!(n, checked.buffer_len());
/// assert_eq!(Repr::parse_bytes(&buf[..n], Version::V311).unwrap(), (Repr::Publish(publish), n));
/// // A wildcard in a topic name does not pass the check.
/// let bad = Publish { topic: "devices/+/telemetry", ..publish };
/// assert!(Repr::Publish(bad).check(Version::V311).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Checked<'a> {
    repr: Repr<'a>,
    version: Version,
    /// The fixed header's first byte.
    first_byte: u8,
    /// The remaining length.
    body: usize,
    /// The whole packet's length.
    total: usize,
}

impl<'a> Checked<'a> {
    /// The representation.
    pub const fn repr(&self) -> &Repr<'a> {
        &self.repr
    }

    /// The version it was checked for and is emitted as.
    pub const fn version(&self) -> Version {
        self.version
    }

    /// The exact number of bytes [`Checked::emit`] writes.
    pub const fn buffer_len(&self) -> usize {
        self.total
    }

    /// Emits the packet into the start of `buf`; returns the number of bytes written, which
    /// is [`Checked::buffer_len`]. A shorter buffer is [`Error::BufferTooSmall`], the only
    /// error.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, Error> {
        let total = self.buffer_len();
        let buf = buf.get_mut(..total).ok_or(Error::BufferTooSmall)?;
        let mut w = Trusted::new(buf);
        w.u8(self.first_byte)?;
        w.varint(self.body)?;
        let (v, w) = (self.version, &mut w);
        match &self.repr {
            Repr::Connect(p) => p.emit_body_inline(w, v),
            Repr::ConnAck(p) => p.emit_body(w, v),
            Repr::Publish(p) => p.emit_body_inline(w, v),
            Repr::PubAck(p) | Repr::PubRec(p) | Repr::PubRel(p) | Repr::PubComp(p) => {
                p.emit_body(self.repr.packet_type(), w, v)
            }
            Repr::Subscribe(p) => p.emit_body_inline(w, v),
            Repr::SubAck(p) => p.emit_body(w, v),
            Repr::Unsubscribe(p) => p.emit_body(w, v),
            Repr::UnsubAck(p) => p.emit_body(w, v),
            Repr::PingReq | Repr::PingResp => Ok(()),
            Repr::Disconnect(p) => p.emit_body(w, v),
            Repr::Auth(p) => p.emit_body(w, v),
        }?;
        debug_assert_eq!(w.position(), total);
        Ok(total)
    }
}

macro_rules! from_packet {
    ($($ty:ident),*) => {
        $(impl<'a> From<$ty<'a>> for Repr<'a> {
            fn from(p: $ty<'a>) -> Self {
                Repr::$ty(p)
            }
        })*
    };
}

from_packet!(
    Connect,
    ConnAck,
    Publish,
    Subscribe,
    SubAck,
    Unsubscribe,
    UnsubAck,
    Disconnect,
    Auth
);

/// A body that must be empty (PINGREQ, PINGRESP).
fn empty(body: &[u8]) -> Result<(), Error> {
    if body.is_empty() {
        Ok(())
    } else {
        Err(Error::TrailingBytes)
    }
}
