//! PUBLISH (§3.3).

use super::codec::{decode_varint, field_len, varint_len, Reader, Sink};
use super::scan;
use super::topic::{check_no_wildcards, check_topic_name};
use super::{Error, PacketId, Properties, Property, PropertyContext, QoS, Version};

mod flag {
    pub const RETAIN: u8 = 0b0001;
    pub const QOS_SHIFT: u32 = 1;
    pub const DUP: u8 = 0b1000;
}

/// The QoS of a PUBLISH together with its packet identifier, which exists exactly when
/// the QoS is above 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum PublishQos {
    /// QoS 0: no packet identifier.
    #[default]
    AtMostOnce,
    /// QoS 1.
    AtLeastOnce(PacketId),
    /// QoS 2.
    ExactlyOnce(PacketId),
}

impl PublishQos {
    /// The QoS level.
    pub const fn qos(self) -> QoS {
        match self {
            PublishQos::AtMostOnce => QoS::AtMostOnce,
            PublishQos::AtLeastOnce(_) => QoS::AtLeastOnce,
            PublishQos::ExactlyOnce(_) => QoS::ExactlyOnce,
        }
    }

    /// The packet identifier (QoS 1 and 2).
    pub const fn packet_id(self) -> Option<PacketId> {
        match self {
            PublishQos::AtMostOnce => None,
            PublishQos::AtLeastOnce(id) | PublishQos::ExactlyOnce(id) => Some(id),
        }
    }
}

/// A PUBLISH packet.
///
/// The topic may be empty only in MQTT 5.0 and only with a Topic Alias property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Publish<'a> {
    /// DUP: a re-delivery. Must be false for QoS 0.
    pub dup: bool,
    /// QoS and packet identifier.
    pub qos: PublishQos,
    /// RETAIN.
    pub retain: bool,
    /// Topic name.
    pub topic: &'a str,
    /// PUBLISH properties (5.0).
    pub properties: Properties<'a>,
    /// Application message.
    pub payload: &'a [u8],
}

impl<'a> Publish<'a> {
    /// Parses everything but the payload from the start of a PUBLISH body: returns the
    /// PUBLISH (with an empty payload) and the length of its variable header.
    pub fn parse_header(
        flags: u8,
        body: &'a [u8],
        version: Version,
    ) -> Result<(Self, usize), Error> {
        Self::parse_header_inline::<false>(flags, body, version)
    }

    /// [`Publish::parse_header`], inlined where it is called; with `FAST`, the topic's check
    /// is inlined too ([`Publish::parse_inline`]).
    #[inline(always)]
    fn parse_header_inline<const FAST: bool>(
        flags: u8,
        body: &'a [u8],
        version: Version,
    ) -> Result<(Self, usize), Error> {
        let qos_bits = QoS::from_bits((flags >> flag::QOS_SHIFT) & 0b11)?;
        let dup = flags & flag::DUP != 0;
        if dup && qos_bits == QoS::AtMostOnce {
            return Err(Error::DupWithQos0);
        }
        let mut r = Reader::new(body);
        // FAST: U+0000, `+` and `#` in one pass; U+0000 is reported here, a wildcard after
        // the properties (where the other build finds it: the same error for every input).
        let (topic, wildcard) = if FAST {
            let topic = r.utf8_inline()?;
            match scan::check_topic_name_fast(topic.as_bytes()) {
                Err(Error::WildcardInTopicName) => (topic, true),
                other => other.map(|()| (topic, false))?,
            }
        } else {
            (r.string()?, false)
        };
        let qos = match qos_bits {
            QoS::AtMostOnce => PublishQos::AtMostOnce,
            QoS::AtLeastOnce => PublishQos::AtLeastOnce(r.packet_id()?),
            QoS::ExactlyOnce => PublishQos::ExactlyOnce(r.packet_id()?),
        };
        let properties = match version {
            #[cfg(feature = "v5")]
            Version::V5 => Properties::read(&mut r, PropertyContext::Publish)?,
            Version::V311 => Properties::EMPTY,
        };
        if FAST {
            // An empty topic has no wildcard: the order of the two errors is the other build's.
            if topic.is_empty() && !(version.is_v5() && properties.topic_alias().is_some()) {
                return Err(Error::EmptyTopicName);
            }
            if wildcard {
                return Err(Error::WildcardInTopicName);
            }
        } else {
            check_publish_topic(topic, &properties, version)?;
        }
        let header_len = body.len().saturating_sub(r.remaining());
        Ok((
            Publish {
                dup,
                qos,
                retain: flags & flag::RETAIN != 0,
                topic,
                properties,
                payload: &[],
            },
            header_len,
        ))
    }

    pub(crate) fn parse(flags: u8, body: &'a [u8], version: Version) -> Result<Self, Error> {
        let (mut publish, header_len) = Self::parse_header(flags, body, version)?;
        publish.payload = body.get(header_len..).unwrap_or_default();
        Ok(publish)
    }

    /// [`Publish::parse`] with the header parser inlined, for [`Repr::parse_body`] (which
    /// the client, parsing with [`Repr::parse_body_client`], does not link).
    ///
    /// [`Repr::parse_body`]: super::Repr::parse_body
    /// [`Repr::parse_body_client`]: super::Repr::parse_body_client
    #[inline(always)]
    pub(crate) fn parse_inline(flags: u8, body: &'a [u8], version: Version) -> Result<Self, Error> {
        let (mut publish, header_len) = Self::parse_header_inline::<true>(flags, body, version)?;
        publish.payload = body.get(header_len..).unwrap_or_default();
        Ok(publish)
    }

    /// How many bytes of a PUBLISH body the variable header needs, judging from the
    /// `prefix` received so far: `(n, true)` when the variable header is exactly `n` bytes,
    /// `(n, false)` when at least `n` bytes are needed to tell. (Used by the streaming
    /// decoder, which must stop copying where the payload starts.)
    pub(crate) fn header_len_hint(
        flags: u8,
        prefix: &[u8],
        version: Version,
    ) -> Result<(usize, bool), Error> {
        let topic_len = match prefix {
            [a, b, ..] => usize::from(u16::from_be_bytes([*a, *b])),
            _ => return Ok((2, false)),
        };
        let mut len = field_len(topic_len);
        if flags & (0b11 << flag::QOS_SHIFT) != 0 {
            len = len.saturating_add(2);
        }
        if !version.is_v5() {
            return Ok((len, true));
        }
        let Some(rest) = prefix.get(len..) else {
            // At least the first byte of the property length is needed.
            return Ok((len.saturating_add(1), false));
        };
        match decode_varint(rest) {
            Ok((props_len, used)) => Ok((
                len.saturating_add(used).saturating_add(props_len as usize),
                true,
            )),
            Err(Error::Truncated) => Ok((prefix.len().saturating_add(1), false)),
            Err(e) => Err(e),
        }
    }

    /// The fixed header flags.
    pub(crate) fn flags(&self) -> u8 {
        let mut flags = self.qos.qos().bits() << flag::QOS_SHIFT;
        if self.dup {
            flags |= flag::DUP;
        }
        if self.retain {
            flags |= flag::RETAIN;
        }
        flags
    }

    /// Length of the variable header (everything before the payload).
    pub fn header_body_len(&self, version: Version) -> usize {
        let mut len = field_len(self.topic.len());
        if self.qos.packet_id().is_some() {
            len = len.saturating_add(2);
        }
        if version.is_v5() {
            len = len.saturating_add(self.properties.wire_len());
        }
        len
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        self.header_body_len(version)
            .saturating_add(self.payload.len())
    }

    /// Writes the variable header (topic, packet identifier, properties) but not the
    /// payload.
    pub(crate) fn emit_header<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        self.write_header(w, version)
    }

    /// [`Publish::emit_header`], inlined where it is called.
    #[inline(always)]
    fn write_header<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        if S::CHECK {
            if self.dup && self.qos == PublishQos::AtMostOnce {
                return Err(Error::DupWithQos0);
            }
            if !version.is_v5() && !self.properties.is_empty() {
                return Err(Error::NotInVersion);
            }
            check_publish_topic(self.topic, &self.properties, version)?;
        }
        w.string(self.topic)?;
        if let Some(id) = self.qos.packet_id() {
            w.u16(id.get())?;
        }
        if version.is_v5() {
            self.properties.write(w, PropertyContext::Publish)?;
        }
        Ok(())
    }

    /// Length of the MQTT 5.0 variable header when sent with a Topic Alias added to the
    /// properties, the topic name left out unless `with_topic` (see
    /// [`Repr::emit_publish_header_aliased`](super::Repr::emit_publish_header_aliased)).
    pub(crate) fn aliased_header_body_len(&self, with_topic: bool) -> usize {
        let topic = if with_topic { self.topic.len() } else { 0 };
        let mut len = field_len(topic);
        if self.qos.packet_id().is_some() {
            len = len.saturating_add(2);
        }
        // The Topic Alias property: identifier byte and two-byte value.
        let props = self.properties.encoded_len().saturating_add(3);
        len.saturating_add(varint_len(props)).saturating_add(props)
    }

    /// Writes the MQTT 5.0 variable header with Topic Alias `alias` appended to the
    /// properties and the topic name written only if `with_topic` (an empty one otherwise).
    pub(crate) fn emit_aliased_header<S: Sink>(
        &self,
        w: &mut S,
        alias: u16,
        with_topic: bool,
    ) -> Result<(), Error> {
        if self.dup && self.qos == PublishQos::AtMostOnce {
            return Err(Error::DupWithQos0);
        }
        if alias == 0 {
            return Err(Error::TopicAliasZero);
        }
        if S::CHECK {
            check_topic_name(self.topic)?;
        }
        w.string(if with_topic { self.topic } else { "" })?;
        if let Some(id) = self.qos.packet_id() {
            w.u16(id.get())?;
        }
        self.properties.write_with(
            w,
            PropertyContext::Publish,
            Some(Property::TopicAlias(alias)),
        )
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        self.emit_header(w, version)?;
        w.put(self.payload)
    }

    /// [`Publish::emit_body`], inlined where it is called ([`Checked::emit`]: one call site,
    /// which the client does not link).
    ///
    /// [`Checked::emit`]: super::Checked::emit
    #[inline(always)]
    pub(crate) fn emit_body_inline<S: Sink>(
        &self,
        w: &mut S,
        version: Version,
    ) -> Result<(), Error> {
        self.write_header(w, version)?;
        w.put(self.payload)
    }
}

/// Checks a PUBLISH's topic name: no `+` or `#` (U+0000 is checked with the string), and not
/// empty unless a Topic Alias stands for it (§3.3.2.3.4: a zero-length topic with a Topic
/// Alias uses the alias' topic; MQTT 5.0).
fn check_publish_topic(
    topic: &str,
    properties: &Properties<'_>,
    version: Version,
) -> Result<(), Error> {
    if topic.is_empty() && version.is_v5() && properties.topic_alias().is_some() {
        return check_no_wildcards(topic);
    }
    check_topic_name(topic)
}
