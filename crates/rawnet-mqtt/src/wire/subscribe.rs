//! SUBSCRIBE (§3.8), SUBACK (§3.9), UNSUBSCRIBE (§3.10) and UNSUBACK (§3.11).

use super::codec::{Reader, Sink};
use super::list::{ReasonCodes, Subscriptions, TopicFilters};
use super::topic::{check_topic_filter, check_topic_filter_fast, is_shared};
use super::{Error, PacketId, PacketType, Properties, PropertyContext, QoS, ReasonCode, Version};

/// What the server does with retained messages when a subscription is made (5.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum RetainHandling {
    /// Send retained messages at the time of the subscribe.
    #[default]
    SendAtSubscribe = 0,
    /// Send them only if the subscription does not already exist.
    SendIfNew = 1,
    /// Do not send them.
    DoNotSend = 2,
}

/// Subscription options (§3.8.3.1). In MQTT 3.1.1 only `qos` exists; the other fields
/// must keep their defaults there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SubscriptionOptions {
    /// Maximum QoS.
    pub qos: QoS,
    /// No Local (5.0).
    pub no_local: bool,
    /// Retain As Published (5.0).
    pub retain_as_published: bool,
    /// Retain Handling (5.0).
    pub retain_handling: RetainHandling,
}

impl SubscriptionOptions {
    /// Options with only a QoS (all that MQTT 3.1.1 has).
    pub const fn qos(qos: QoS) -> Self {
        SubscriptionOptions {
            qos,
            no_local: false,
            retain_as_published: false,
            retain_handling: RetainHandling::SendAtSubscribe,
        }
    }

    /// Decodes the options byte (reserved bits 6 and 7 must be 0).
    pub(crate) fn from_byte(byte: u8) -> Result<Self, Error> {
        if byte & 0b1100_0000 != 0 {
            return Err(Error::InvalidSubscriptionOptions);
        }
        let qos = QoS::from_bits(byte & 0b11)?;
        let retain_handling = match (byte >> 4) & 0b11 {
            0 => RetainHandling::SendAtSubscribe,
            1 => RetainHandling::SendIfNew,
            2 => RetainHandling::DoNotSend,
            _ => return Err(Error::InvalidSubscriptionOptions),
        };
        Ok(SubscriptionOptions {
            qos,
            no_local: byte & 0b0100 != 0,
            retain_as_published: byte & 0b1000 != 0,
            retain_handling,
        })
    }

    /// Encodes the options byte.
    pub(crate) fn to_byte(self) -> u8 {
        self.qos.bits()
            | u8::from(self.no_local) << 2
            | u8::from(self.retain_as_published) << 3
            | (self.retain_handling as u8) << 4
    }

    /// Whether these options exist in `version`.
    fn check(self, filter: &str, version: Version) -> Result<(), Error> {
        match version {
            Version::V311 if self != SubscriptionOptions::qos(self.qos) => {
                Err(Error::InvalidSubscriptionOptions)
            }
            #[cfg(feature = "v5")]
            Version::V5 if self.no_local && is_shared(filter) => {
                Err(Error::InvalidSubscriptionOptions)
            }
            _ => Ok(()),
        }
    }
}

/// One topic filter of a SUBSCRIBE with its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Subscription<'a> {
    /// Topic filter.
    pub filter: &'a str,
    /// Subscription options.
    pub options: SubscriptionOptions,
}

impl<'a> Subscription<'a> {
    /// A subscription to `filter` with maximum QoS `qos` and the other options at their
    /// defaults (what MQTT 3.1.1 has).
    pub const fn new(filter: &'a str, qos: QoS) -> Self {
        Subscription {
            filter,
            options: SubscriptionOptions::qos(qos),
        }
    }
}

/// A SUBSCRIBE packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Subscribe<'a> {
    /// Packet identifier.
    pub packet_id: PacketId,
    /// SUBSCRIBE properties (5.0).
    pub properties: Properties<'a>,
    /// At least one subscription.
    pub subscriptions: Subscriptions<'a>,
}

fn read_props<'a>(
    r: &mut Reader<'a>,
    context: PropertyContext,
    version: Version,
) -> Result<Properties<'a>, Error> {
    match version {
        #[cfg(feature = "v5")]
        Version::V5 => Properties::read(r, context),
        Version::V311 => Ok(Properties::EMPTY),
    }
}

fn props_len(properties: &Properties<'_>, version: Version) -> usize {
    match version {
        #[cfg(feature = "v5")]
        Version::V5 => properties.wire_len(),
        Version::V311 => 0,
    }
}

fn write_props<S: Sink>(
    w: &mut S,
    properties: &Properties<'_>,
    context: PropertyContext,
    version: Version,
) -> Result<(), Error> {
    match version {
        #[cfg(feature = "v5")]
        Version::V5 => properties.write(w, context),
        Version::V311 if properties.is_empty() => Ok(()),
        Version::V311 => Err(Error::NotInVersion),
    }
}

impl<'a> Subscribe<'a> {
    pub(crate) fn parse(body: &'a [u8], version: Version) -> Result<Self, Error> {
        let mut r = Reader::new(body);
        let packet_id = r.packet_id()?;
        let properties = read_props(&mut r, PropertyContext::Subscribe, version)?;
        let payload = r.take_rest();
        let mut p = Reader::new(payload);
        if p.is_empty() {
            return Err(Error::NoTopicFilters);
        }
        while !p.is_empty() {
            let filter = p.utf8_inline()?;
            check_topic_filter_fast(filter, version)?;
            let byte = p.u8()?;
            if !version.is_v5() && byte & 0b1111_1100 != 0 {
                return Err(Error::InvalidSubscriptionOptions);
            }
            SubscriptionOptions::from_byte(byte)?.check(filter, version)?;
        }
        Ok(Subscribe {
            packet_id,
            properties,
            subscriptions: Subscriptions::encoded(payload),
        })
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        props_len(&self.properties, version)
            .saturating_add(2)
            .saturating_add(self.subscriptions.encoded_len())
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        self.emit_body_inline(w, version)
    }

    /// [`Subscribe::emit_body`], inlined where it is called (once in `emit_body`, once in
    /// [`Checked::emit`](super::Checked::emit), which the client does not link).
    #[inline(always)]
    pub(crate) fn emit_body_inline<S: Sink>(
        &self,
        w: &mut S,
        version: Version,
    ) -> Result<(), Error> {
        if S::CHECK && self.subscriptions.is_empty() {
            return Err(Error::NoTopicFilters);
        }
        w.u16(self.packet_id.get())?;
        write_props(w, &self.properties, PropertyContext::Subscribe, version)?;
        if !S::CHECK {
            return self.subscriptions.write_trusted(w);
        }
        self.subscriptions.write_checked(w, |s| {
            check_topic_filter(s.filter, version)?;
            s.options.check(s.filter, version)
        })
    }
}

/// A SUBACK packet: one reason code (3.1.1: return code) per subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SubAck<'a> {
    /// Packet identifier of the SUBSCRIBE.
    pub packet_id: PacketId,
    /// SUBACK properties (5.0).
    pub properties: Properties<'a>,
    /// At least one reason code. In 3.1.1 only granted QoS 0/1/2 and
    /// [`ReasonCode::UnspecifiedError`] (Failure).
    pub reasons: ReasonCodes<'a>,
}

fn parse_codes<'a>(
    r: &mut Reader<'a>,
    kind: PacketType,
    version: Version,
) -> Result<ReasonCodes<'a>, Error> {
    let codes = r.take_rest();
    if codes.is_empty() {
        return Err(Error::NoReasonCodes);
    }
    for &byte in codes {
        let code = ReasonCode::parse(byte, kind)?;
        if !version.is_v5() && !code.is_v311_suback() {
            return Err(Error::InvalidReasonCode);
        }
    }
    Ok(ReasonCodes::encoded(codes))
}

fn write_codes<S: Sink>(
    w: &mut S,
    codes: &ReasonCodes<'_>,
    kind: PacketType,
    version: Version,
) -> Result<(), Error> {
    if codes.is_empty() {
        return Err(Error::NoReasonCodes);
    }
    codes.write_checked(w, |code| {
        if !code.allowed_in(kind) {
            Err(Error::InvalidReasonCode)
        } else if !version.is_v5() && !code.is_v311_suback() {
            Err(Error::NotInVersion)
        } else {
            Ok(())
        }
    })
}

impl<'a> SubAck<'a> {
    pub(crate) fn parse(body: &'a [u8], version: Version) -> Result<Self, Error> {
        let mut r = Reader::new(body);
        let packet_id = r.packet_id()?;
        let properties = read_props(&mut r, PropertyContext::SubAck, version)?;
        let reasons = parse_codes(&mut r, PacketType::SubAck, version)?;
        Ok(SubAck {
            packet_id,
            properties,
            reasons,
        })
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        props_len(&self.properties, version)
            .saturating_add(2)
            .saturating_add(self.reasons.encoded_len())
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        w.u16(self.packet_id.get())?;
        write_props(w, &self.properties, PropertyContext::SubAck, version)?;
        write_codes(w, &self.reasons, PacketType::SubAck, version)
    }
}

/// An UNSUBSCRIBE packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Unsubscribe<'a> {
    /// Packet identifier.
    pub packet_id: PacketId,
    /// UNSUBSCRIBE properties (5.0).
    pub properties: Properties<'a>,
    /// At least one topic filter.
    pub filters: TopicFilters<'a>,
}

impl<'a> Unsubscribe<'a> {
    pub(crate) fn parse(body: &'a [u8], version: Version) -> Result<Self, Error> {
        let mut r = Reader::new(body);
        let packet_id = r.packet_id()?;
        let properties = read_props(&mut r, PropertyContext::Unsubscribe, version)?;
        let payload = r.take_rest();
        let mut p = Reader::new(payload);
        if p.is_empty() {
            return Err(Error::NoTopicFilters);
        }
        while !p.is_empty() {
            check_topic_filter_fast(p.utf8_inline()?, version)?;
        }
        Ok(Unsubscribe {
            packet_id,
            properties,
            filters: TopicFilters::encoded(payload),
        })
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        props_len(&self.properties, version)
            .saturating_add(2)
            .saturating_add(self.filters.encoded_len())
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        if self.filters.is_empty() {
            return Err(Error::NoTopicFilters);
        }
        w.u16(self.packet_id.get())?;
        write_props(w, &self.properties, PropertyContext::Unsubscribe, version)?;
        self.filters
            .write_checked(w, |filter| check_topic_filter(filter, version))
    }
}

/// An UNSUBACK packet. MQTT 3.1.1 UNSUBACK carries only the packet identifier (`reasons`
/// empty); MQTT 5.0 carries one reason code per topic filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct UnsubAck<'a> {
    /// Packet identifier of the UNSUBSCRIBE.
    pub packet_id: PacketId,
    /// UNSUBACK properties (5.0).
    pub properties: Properties<'a>,
    /// Reason codes (5.0: at least one; 3.1.1: none).
    pub reasons: ReasonCodes<'a>,
}

impl<'a> UnsubAck<'a> {
    pub(crate) fn parse(body: &'a [u8], version: Version) -> Result<Self, Error> {
        let mut r = Reader::new(body);
        let packet_id = r.packet_id()?;
        match version {
            Version::V311 => {
                r.finish()?;
                Ok(UnsubAck {
                    packet_id,
                    properties: Properties::EMPTY,
                    reasons: ReasonCodes::empty(),
                })
            }
            #[cfg(feature = "v5")]
            Version::V5 => {
                let properties = Properties::read(&mut r, PropertyContext::UnsubAck)?;
                let reasons = parse_codes(&mut r, PacketType::UnsubAck, version)?;
                Ok(UnsubAck {
                    packet_id,
                    properties,
                    reasons,
                })
            }
        }
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        match version {
            Version::V311 => 2,
            #[cfg(feature = "v5")]
            Version::V5 => self
                .properties
                .wire_len()
                .saturating_add(2)
                .saturating_add(self.reasons.encoded_len()),
        }
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        match version {
            Version::V311 => {
                if !self.properties.is_empty() || !self.reasons.is_empty() {
                    return Err(Error::NotInVersion);
                }
                w.u16(self.packet_id.get())
            }
            #[cfg(feature = "v5")]
            Version::V5 => {
                w.u16(self.packet_id.get())?;
                self.properties.write(w, PropertyContext::UnsubAck)?;
                write_codes(w, &self.reasons, PacketType::UnsubAck, version)
            }
        }
    }
}
