//! The codec's error type.

use core::fmt;

/// Why a byte sequence is not a valid MQTT packet, or why a representation cannot be
/// emitted.
///
/// Each variant names one rule of the MQTT 3.1.1 / 5.0 specifications (section numbers in
/// the variant docs refer to MQTT 5.0 unless said otherwise). The type is `Copy` and has no
/// payload, like smoltcp's `wire::Error`, so it costs nothing to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Error {
    // ---- framing -------------------------------------------------------------------------
    /// The input ends before the end of a structure it declares (a fixed header, a length
    /// prefix, a string, a property, a packet shorter than its remaining length...).
    Truncated,
    /// Bytes are left over inside a packet after its last field (for example a PINGREQ with
    /// a non-zero remaining length, or a 3.1.1 PUBACK with a remaining length of 3).
    TrailingBytes,
    /// A variable byte integer (remaining length, property length, subscription identifier)
    /// has a continuation bit on its fourth byte (§1.5.5: at most four bytes).
    MalformedVarInt,
    /// A variable byte integer is not encoded in the minimum number of bytes
    /// ([MQTT-1.5.5-1]; applied to 3.1.1 as well).
    NonMinimalVarInt,
    /// The packet is larger than the configured maximum packet size, or (on emit) its
    /// remaining length exceeds 268,435,455.
    PacketTooLarge,
    /// Decoder: a packet other than PUBLISH, or the header part of a PUBLISH, does not fit in
    /// the receive buffer.
    ReceiveBufferTooSmall,
    /// Emit: the output buffer is shorter than [`Repr::buffer_len`](super::Repr::buffer_len).
    BufferTooSmall,

    // ---- fixed header --------------------------------------------------------------------
    /// Packet type 0, or AUTH (15) in MQTT 3.1.1.
    ReservedPacketType,
    /// A packet type that only the other side receives: a client parsing (with
    /// [`Repr::parse_body_client`](super::Repr::parse_body_client) or
    /// [`Decoder::feed_client`](super::Decoder::feed_client)) a CONNECT, SUBSCRIBE,
    /// UNSUBSCRIBE or PINGREQ, which a server never sends. The body is not parsed. (Also
    /// the client's own encoder refusing a packet type it never sends.)
    WrongDirection,
    /// Reserved bits of the fixed header flags are not as the specification requires
    /// (0b0010 for PUBREL, SUBSCRIBE, UNSUBSCRIBE; 0 for every type but PUBLISH).
    InvalidFlags,
    /// A QoS field (PUBLISH flags, Will QoS, subscription options) has the value 3.
    InvalidQos,
    /// A QoS 0 PUBLISH with the DUP flag set ([MQTT-3.3.1-2]).
    DupWithQos0,
    /// A packet identifier is 0 where one is required ([MQTT-2.2.1-3]).
    ZeroPacketId,

    // ---- strings and topics -------------------------------------------------------------
    /// A UTF-8 encoded string is not well-formed UTF-8 (which includes surrogates).
    InvalidUtf8,
    /// A UTF-8 encoded string contains U+0000 ([MQTT-1.5.4-2]).
    NullCharacter,
    /// Emit: a string or binary field is longer than 65,535 bytes.
    FieldTooLong,
    /// A topic name is empty (PUBLISH without a Topic Alias, Will Topic, Response Topic).
    EmptyTopicName,
    /// A topic name contains `+` or `#` ([MQTT-3.3.2-2]).
    WildcardInTopicName,
    /// A topic filter is empty ([MQTT-4.7.3-1]).
    EmptyTopicFilter,
    /// A topic filter uses `+` or `#` other than as a whole level (`#` also only last), or a
    /// shared subscription (`$share/{name}/{filter}`) has an empty or invalid share name or
    /// filter (§4.7.1, §4.8.2).
    InvalidTopicFilter,
    /// A SUBSCRIBE or UNSUBSCRIBE carries no topic filter ([MQTT-3.8.3-2], [MQTT-3.10.3-2]).
    NoTopicFilters,
    /// A SUBACK, or an MQTT 5.0 UNSUBACK, carries no reason code.
    NoReasonCodes,
    /// Reserved bits of subscription options are set, Retain Handling is 3, or No Local is
    /// set on a shared subscription (§3.8.3.1, [MQTT-3.8.3-4]).
    InvalidSubscriptionOptions,

    // ---- CONNECT / CONNACK --------------------------------------------------------------
    /// The CONNECT protocol name is not `MQTT`.
    InvalidProtocolName,
    /// The CONNECT protocol level is neither 4 (3.1.1) nor 5 (5.0).
    UnsupportedProtocolLevel,
    /// The CONNECT protocol level names a supported version other than the one requested.
    ProtocolVersionMismatch,
    /// The reserved bit 0 of the CONNECT flags is set ([MQTT-3.1.2-3]).
    ConnectReservedFlag,
    /// Will QoS or Will Retain set without the Will Flag ([MQTT-3.1.2-11], [MQTT-3.1.2-13]).
    InvalidWillFlags,
    /// MQTT 3.1.1: the Password Flag is set without the User Name Flag ([MQTT-3.1.2-22]).
    PasswordWithoutUsername,
    /// MQTT 3.1.1: a zero-length client identifier with Clean Session 0 ([MQTT-3.1.3-7]).
    EmptyClientId,
    /// CONNACK acknowledge flags other than Session Present are set ([MQTT-3.2.2-1]).
    InvalidConnAckFlags,
    /// CONNACK with Session Present set and a non-success reason code ([MQTT-3.2.2-4],
    /// [MQTT-3.2.2-6]).
    SessionPresentOnError,

    // ---- reason codes and properties ----------------------------------------------------
    /// A reason code (or 3.1.1 return code) that is not defined for this packet type.
    InvalidReasonCode,
    /// A property identifier that MQTT 5.0 does not define.
    UnknownProperty,
    /// A property that may appear at most once appears twice (§2.2.2.2).
    DuplicateProperty,
    /// A property that is not allowed in this packet (or in the Will properties).
    PropertyNotAllowed,
    /// A property has a forbidden value: a byte property other than 0 or 1, Maximum QoS 2,
    /// zero Receive Maximum, Maximum Packet Size or Subscription Identifier.
    InvalidPropertyValue,
    /// A Topic Alias of 0 (§3.3.2.3.4: not permitted; the receiver answers with reason
    /// 0x94 Topic Alias invalid rather than 0x81 Malformed Packet).
    TopicAliasZero,

    // ---- emit only -----------------------------------------------------------------------
    /// Emit: the representation uses MQTT 5.0-only content (properties, a reason code other
    /// than success, AUTH, subscription options beyond QoS, UNSUBACK reason codes) and is
    /// emitted as MQTT 3.1.1; or a reason code has no MQTT 3.1.1 return code.
    NotInVersion,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Error::Truncated => "truncated packet",
            Error::TrailingBytes => "trailing bytes in packet",
            Error::MalformedVarInt => "variable byte integer longer than 4 bytes",
            Error::NonMinimalVarInt => "variable byte integer not minimally encoded",
            Error::PacketTooLarge => "packet exceeds the maximum packet size",
            Error::ReceiveBufferTooSmall => "packet does not fit the receive buffer",
            Error::BufferTooSmall => "output buffer too small",
            Error::ReservedPacketType => "reserved packet type",
            Error::WrongDirection => "packet type a server never sends",
            Error::InvalidFlags => "invalid fixed header flags",
            Error::InvalidQos => "QoS 3",
            Error::DupWithQos0 => "DUP flag on a QoS 0 PUBLISH",
            Error::ZeroPacketId => "packet identifier 0",
            Error::InvalidUtf8 => "invalid UTF-8 string",
            Error::NullCharacter => "U+0000 in string",
            Error::FieldTooLong => "string or binary field longer than 65535 bytes",
            Error::EmptyTopicName => "empty topic name",
            Error::WildcardInTopicName => "wildcard in topic name",
            Error::EmptyTopicFilter => "empty topic filter",
            Error::InvalidTopicFilter => "invalid topic filter",
            Error::NoTopicFilters => "no topic filter",
            Error::NoReasonCodes => "no reason code",
            Error::InvalidSubscriptionOptions => "invalid subscription options",
            Error::InvalidProtocolName => "protocol name is not MQTT",
            Error::UnsupportedProtocolLevel => "unsupported protocol level",
            Error::ProtocolVersionMismatch => "protocol level differs from requested version",
            Error::ConnectReservedFlag => "CONNECT reserved flag set",
            Error::InvalidWillFlags => "Will QoS or Will Retain without Will Flag",
            Error::PasswordWithoutUsername => "password without user name",
            Error::EmptyClientId => "empty client identifier without clean session",
            Error::InvalidConnAckFlags => "invalid CONNACK flags",
            Error::SessionPresentOnError => "session present with an error reason code",
            Error::InvalidReasonCode => "reason code not valid for this packet",
            Error::UnknownProperty => "unknown property identifier",
            Error::DuplicateProperty => "duplicate property",
            Error::PropertyNotAllowed => "property not allowed in this packet",
            Error::InvalidPropertyValue => "invalid property value",
            Error::TopicAliasZero => "topic alias 0",
            Error::NotInVersion => "content not representable in this protocol version",
        };
        f.write_str(s)
    }
}

impl core::error::Error for Error {}
