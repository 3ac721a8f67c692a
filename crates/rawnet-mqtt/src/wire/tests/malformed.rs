//! A table of malformed packets, each with the exact error the parser must return.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::super::{Error, Repr, Version};

const V3: Version = Version::V311;
#[cfg(feature = "v5")]
const V5: Version = Version::V5;

/// A packet from its first byte and body; the remaining length is computed.
fn pkt(first: u8, body: &[u8]) -> Vec<u8> {
    assert!(body.len() < 128);
    let mut out = vec![first, body.len() as u8];
    out.extend_from_slice(body);
    out
}

/// A CONNECT body: protocol name, level, flags, keep alive, then `rest`.
fn connect(level: u8, flags: u8, rest: &[u8]) -> Vec<u8> {
    let mut body = b"\x00\x04MQTT".to_vec();
    body.extend_from_slice(&[level, flags, 0, 60]);
    body.extend_from_slice(rest);
    pkt(0x10, &body)
}

/// A 5.0 PUBLISH (QoS 0, topic "t") with these property bytes.
fn publish_props(props: &[u8]) -> Vec<u8> {
    let mut body = b"\x00\x01t".to_vec();
    body.push(props.len() as u8);
    body.extend_from_slice(props);
    pkt(0x30, &body)
}

#[cfg(feature = "v5")]
/// A 3.1.1 or 5.0 SUBSCRIBE (packet id 1) with one filter and options byte.
fn subscribe(version: Version, filter: &str, options: u8) -> Vec<u8> {
    let mut body = vec![0, 1];
    if version == V5 {
        body.push(0);
    }
    body.extend_from_slice(&(filter.len() as u16).to_be_bytes());
    body.extend_from_slice(filter.as_bytes());
    body.push(options);
    pkt(0x82, &body)
}

#[track_caller]
fn expect(name: &str, bytes: &[u8], version: Version, error: Error) {
    assert_eq!(
        Repr::parse_bytes(bytes, version).map(|(_, n)| n),
        Err(error),
        "{name}: {bytes:02x?}"
    );
}

#[cfg(feature = "v5")]
#[test]
fn framing() {
    let cases: &[(&str, &[u8], Version, Error)] = &[
        ("empty input", b"", V3, Error::Truncated),
        ("fixed header cut", b"\x30", V3, Error::Truncated),
        ("remaining length cut", b"\x30\x80", V3, Error::Truncated),
        (
            "remaining length 5 bytes",
            b"\x30\xff\xff\xff\xff\x7f",
            V3,
            Error::MalformedVarInt,
        ),
        (
            "remaining length 4 bytes, continued",
            b"\x30\x80\x80\x80\x80",
            V5,
            Error::MalformedVarInt,
        ),
        (
            "remaining length non-minimal",
            b"\xc0\x80\x00",
            V3,
            Error::NonMinimalVarInt,
        ),
        (
            "remaining length non-minimal 2",
            b"\x20\x82\x00\x00\x00",
            V5,
            Error::NonMinimalVarInt,
        ),
        (
            "body shorter than remaining length",
            b"\x20\x02\x00",
            V3,
            Error::Truncated,
        ),
        (
            "PINGREQ with a body",
            b"\xc0\x01\x00",
            V3,
            Error::TrailingBytes,
        ),
        (
            "PINGRESP with a body",
            b"\xd0\x01\x00",
            V5,
            Error::TrailingBytes,
        ),
        (
            "3.1.1 PUBACK of 3 bytes",
            b"\x40\x03\x00\x01\x00",
            V3,
            Error::TrailingBytes,
        ),
        (
            "3.1.1 DISCONNECT with a body",
            b"\xe0\x01\x00",
            V3,
            Error::TrailingBytes,
        ),
        (
            "3.1.1 UNSUBACK with a code",
            b"\xb0\x03\x00\x01\x00",
            V3,
            Error::TrailingBytes,
        ),
        (
            "CONNACK with an extra byte",
            b"\x20\x03\x00\x00\x00",
            V3,
            Error::TrailingBytes,
        ),
        (
            "5.0 CONNACK without property length",
            b"\x20\x02\x00\x00",
            V5,
            Error::Truncated,
        ),
        (
            "5.0 PUBACK property length past end",
            b"\x40\x05\x00\x01\x00\x05\x1f",
            V5,
            Error::Truncated,
        ),
        ("packet type 0", b"\x00\x00", V3, Error::ReservedPacketType),
        ("AUTH in 3.1.1", b"\xf0\x00", V3, Error::ReservedPacketType),
        ("CONNECT flags", b"\x11\x00", V3, Error::InvalidFlags),
        (
            "PUBREL flags 0",
            b"\x60\x02\x00\x01",
            V3,
            Error::InvalidFlags,
        ),
        (
            "SUBSCRIBE flags 0",
            b"\x80\x02\x00\x01",
            V3,
            Error::InvalidFlags,
        ),
        (
            "UNSUBSCRIBE flags 0",
            b"\xa0\x02\x00\x01",
            V5,
            Error::InvalidFlags,
        ),
        ("PINGREQ flags", b"\xc1\x00", V3, Error::InvalidFlags),
        ("DISCONNECT flags", b"\xe8\x00", V5, Error::InvalidFlags),
        (
            "PUBLISH QoS 3",
            b"\x36\x05\x00\x01t\x00\x01",
            V3,
            Error::InvalidQos,
        ),
        (
            "PUBLISH DUP with QoS 0",
            b"\x38\x03\x00\x01t",
            V3,
            Error::DupWithQos0,
        ),
    ];
    for &(name, bytes, version, error) in cases {
        expect(name, bytes, version, error);
    }
}

#[cfg(feature = "v5")]
#[test]
fn packet_identifiers() {
    let cases: &[(&str, &[u8], Version)] = &[
        ("PUBLISH QoS 1", b"\x32\x05\x00\x01t\x00\x00", V3),
        ("PUBLISH QoS 2", b"\x34\x06\x00\x01t\x00\x00\x00", V5),
        ("PUBACK", b"\x40\x02\x00\x00", V3),
        ("PUBREC", b"\x50\x02\x00\x00", V5),
        ("PUBREL", b"\x62\x02\x00\x00", V3),
        ("PUBCOMP", b"\x70\x02\x00\x00", V5),
        ("SUBSCRIBE", b"\x82\x06\x00\x00\x00\x01a\x00", V3),
        ("SUBACK", b"\x90\x03\x00\x00\x00", V3),
        ("UNSUBSCRIBE", b"\xa2\x05\x00\x00\x00\x01a", V3),
        ("UNSUBACK", b"\xb0\x02\x00\x00", V3),
    ];
    for &(name, bytes, version) in cases {
        expect(name, bytes, version, Error::ZeroPacketId);
    }
}

#[cfg(feature = "v5")]
#[test]
fn strings_and_topics() {
    let cases: Vec<(&str, Vec<u8>, Version, Error)> = vec![
        (
            "topic not UTF-8",
            pkt(0x30, b"\x00\x01\xff"),
            V3,
            Error::InvalidUtf8,
        ),
        (
            "topic with a surrogate",
            pkt(0x30, b"\x00\x03\xed\xa0\x80"),
            V3,
            Error::InvalidUtf8,
        ),
        (
            "topic with overlong NUL",
            pkt(0x30, b"\x00\x02\xc0\x80"),
            V3,
            Error::InvalidUtf8,
        ),
        (
            "topic cut inside a character",
            pkt(0x30, b"\x00\x02a\xf0"),
            V3,
            Error::InvalidUtf8,
        ),
        (
            "topic with U+0000",
            pkt(0x30, b"\x00\x02a\x00"),
            V3,
            Error::NullCharacter,
        ),
        (
            "topic length past end",
            pkt(0x30, b"\x00\x09a/b"),
            V3,
            Error::Truncated,
        ),
        (
            "empty topic, 3.1.1",
            pkt(0x30, b"\x00\x00"),
            V3,
            Error::EmptyTopicName,
        ),
        (
            "empty topic, 5.0, no alias",
            pkt(0x30, b"\x00\x00\x00"),
            V5,
            Error::EmptyTopicName,
        ),
        (
            "topic with +",
            pkt(0x30, b"\x00\x03a/+"),
            V3,
            Error::WildcardInTopicName,
        ),
        (
            "topic with #",
            pkt(0x30, b"\x00\x03a/#\x00"),
            V5,
            Error::WildcardInTopicName,
        ),
        (
            "empty topic with alias but #",
            pkt(0x30, b"\x00\x01#\x03\x23\x00\x01"),
            V5,
            Error::WildcardInTopicName,
        ),
        (
            "client id with U+0000",
            connect(4, 0x02, b"\x00\x01\x00"),
            V3,
            Error::NullCharacter,
        ),
        (
            "user name not UTF-8",
            connect(4, 0x82, b"\x00\x01c\x00\x01\xfe"),
            V3,
            Error::InvalidUtf8,
        ),
        (
            "will topic with wildcard",
            connect(4, 0x06, b"\x00\x01c\x00\x01+\x00\x00"),
            V3,
            Error::WildcardInTopicName,
        ),
        (
            "will topic empty",
            connect(4, 0x06, b"\x00\x01c\x00\x00\x00\x00"),
            V3,
            Error::EmptyTopicName,
        ),
        (
            "SUBSCRIBE without filters, 3.1.1",
            pkt(0x82, b"\x00\x01"),
            V3,
            Error::NoTopicFilters,
        ),
        (
            "SUBSCRIBE without filters, 5.0",
            pkt(0x82, b"\x00\x01\x00"),
            V5,
            Error::NoTopicFilters,
        ),
        (
            "UNSUBSCRIBE without filters",
            pkt(0xa2, b"\x00\x01"),
            V3,
            Error::NoTopicFilters,
        ),
        (
            "UNSUBSCRIBE empty filter",
            pkt(0xa2, b"\x00\x01\x00\x00"),
            V3,
            Error::EmptyTopicFilter,
        ),
        (
            "UNSUBSCRIBE filter a+",
            pkt(0xa2, b"\x00\x01\x00\x02a+"),
            V3,
            Error::InvalidTopicFilter,
        ),
        (
            "SUBSCRIBE options byte missing",
            pkt(0x82, b"\x00\x01\x00\x01a"),
            V3,
            Error::Truncated,
        ),
        (
            "SUBACK without codes",
            pkt(0x90, b"\x00\x01"),
            V3,
            Error::NoReasonCodes,
        ),
        (
            "5.0 UNSUBACK without codes",
            pkt(0xb0, b"\x00\x01\x00"),
            V5,
            Error::NoReasonCodes,
        ),
    ];
    for (name, bytes, version, error) in &cases {
        expect(name, bytes, *version, *error);
    }
}

#[cfg(feature = "v5")]
#[test]
fn topic_filters() {
    for (filter, version, error) in [
        ("", V3, Error::EmptyTopicFilter),
        ("a/#/b", V3, Error::InvalidTopicFilter),
        ("#/a", V3, Error::InvalidTopicFilter),
        ("a#", V3, Error::InvalidTopicFilter),
        ("a/b#", V5, Error::InvalidTopicFilter),
        ("a+", V3, Error::InvalidTopicFilter),
        ("+a/b", V5, Error::InvalidTopicFilter),
        ("a/++", V3, Error::InvalidTopicFilter),
        ("$share//x", V5, Error::InvalidTopicFilter),
        ("$share/g", V5, Error::InvalidTopicFilter),
        ("$share/g/", V5, Error::InvalidTopicFilter),
        ("$share/g+/x", V5, Error::InvalidTopicFilter),
        ("$share/#/x", V5, Error::InvalidTopicFilter),
    ] {
        expect(filter, &subscribe(version, filter, 0), version, error);
    }
    // The same shapes that are valid.
    for (filter, version) in [
        ("#", V3),
        ("+", V3),
        ("a/+/b", V3),
        ("+/+/#", V5),
        ("/", V3),
        ("a//b", V5),
        ("$SYS/#", V3),
        ("$share/g/+/x", V5),
        ("$share/g", V3), // only a shared subscription in 5.0
    ] {
        let bytes = subscribe(version, filter, 1);
        assert!(Repr::parse_bytes(&bytes, version).is_ok(), "{filter}");
    }
}

#[cfg(feature = "v5")]
#[test]
fn subscription_options() {
    for (options, version, error) in [
        (0x04, V3, Error::InvalidSubscriptionOptions), // No Local is 5.0 only
        (0x10, V3, Error::InvalidSubscriptionOptions),
        (0x80, V3, Error::InvalidSubscriptionOptions),
        (0x40, V5, Error::InvalidSubscriptionOptions), // reserved bit 6
        (0x80, V5, Error::InvalidSubscriptionOptions), // reserved bit 7
        (0x30, V5, Error::InvalidSubscriptionOptions), // Retain Handling 3
        (0x03, V3, Error::InvalidQos),
        (0x03, V5, Error::InvalidQos),
    ] {
        expect("options", &subscribe(version, "a", options), version, error);
    }
    expect(
        "No Local on a shared subscription",
        &subscribe(V5, "$share/g/a", 0x04),
        V5,
        Error::InvalidSubscriptionOptions,
    );
}

#[cfg(feature = "v5")]
#[test]
fn connect_and_connack() {
    let cases: Vec<(&str, Vec<u8>, Version, Error)> = vec![
        (
            "protocol name MQIsdp",
            pkt(0x10, b"\x00\x06MQIsdp\x03\x02\x00\x3c\x00\x01c"),
            V3,
            Error::InvalidProtocolName,
        ),
        (
            "protocol name mqtt",
            pkt(0x10, b"\x00\x04mqtt\x04\x02\x00\x3c\x00\x01c"),
            V3,
            Error::InvalidProtocolName,
        ),
        (
            "protocol level 3",
            connect(3, 0x02, b"\x00\x01c"),
            V3,
            Error::UnsupportedProtocolLevel,
        ),
        (
            "protocol level 6",
            connect(6, 0x02, b"\x00\x00\x01c"),
            V5,
            Error::UnsupportedProtocolLevel,
        ),
        (
            "level 5 parsed as 3.1.1",
            connect(5, 0x02, b"\x00\x00\x01c"),
            V3,
            Error::ProtocolVersionMismatch,
        ),
        (
            "level 4 parsed as 5.0",
            connect(4, 0x02, b"\x00\x01c"),
            V5,
            Error::ProtocolVersionMismatch,
        ),
        (
            "reserved flag",
            connect(4, 0x03, b"\x00\x01c"),
            V3,
            Error::ConnectReservedFlag,
        ),
        (
            "Will QoS without Will",
            connect(4, 0x0a, b"\x00\x01c"),
            V3,
            Error::InvalidWillFlags,
        ),
        (
            "Will Retain without Will",
            connect(5, 0x22, b"\x00\x00\x01c"),
            V5,
            Error::InvalidWillFlags,
        ),
        (
            "Will QoS 3",
            connect(4, 0x1e, b"\x00\x01c\x00\x01t\x00\x00"),
            V3,
            Error::InvalidQos,
        ),
        (
            "password without user name",
            connect(4, 0x42, b"\x00\x01c\x00\x01p"),
            V3,
            Error::PasswordWithoutUsername,
        ),
        (
            "empty client id, no clean session",
            connect(4, 0x00, b"\x00\x00"),
            V3,
            Error::EmptyClientId,
        ),
        (
            "password missing",
            connect(4, 0xc2, b"\x00\x01c\x00\x01u"),
            V3,
            Error::Truncated,
        ),
        (
            "trailing byte",
            connect(4, 0x02, b"\x00\x01cx"),
            V3,
            Error::TrailingBytes,
        ),
        (
            "CONNACK reserved flags",
            pkt(0x20, b"\x02\x00"),
            V3,
            Error::InvalidConnAckFlags,
        ),
        (
            "CONNACK session present on error",
            pkt(0x20, b"\x01\x05"),
            V3,
            Error::SessionPresentOnError,
        ),
        (
            "5.0 CONNACK session present on error",
            pkt(0x20, b"\x01\x87\x00"),
            V5,
            Error::SessionPresentOnError,
        ),
        (
            "CONNACK return code 6",
            pkt(0x20, b"\x00\x06"),
            V3,
            Error::InvalidReasonCode,
        ),
        (
            "5.0 CONNACK reason 0x10",
            pkt(0x20, b"\x00\x10\x00"),
            V5,
            Error::InvalidReasonCode,
        ),
    ];
    for (name, bytes, version, error) in &cases {
        expect(name, bytes, *version, *error);
    }
}

#[cfg(feature = "v5")]
#[test]
fn reason_codes() {
    let cases: Vec<(&str, Vec<u8>, Version)> = vec![
        ("PUBACK 0x92", pkt(0x40, b"\x00\x01\x92"), V5),
        ("PUBACK undefined 0x03", pkt(0x40, b"\x00\x01\x03"), V5),
        ("PUBREC 0x92", pkt(0x50, b"\x00\x01\x92"), V5),
        ("PUBREL 0x10", pkt(0x62, b"\x00\x01\x10"), V5),
        ("PUBCOMP 0x80", pkt(0x70, b"\x00\x01\x80"), V5),
        ("SUBACK 0x03", pkt(0x90, b"\x00\x01\x00\x03"), V5),
        ("SUBACK 0x11", pkt(0x90, b"\x00\x01\x00\x11"), V5),
        ("3.1.1 SUBACK 0x83", pkt(0x90, b"\x00\x01\x83"), V3),
        ("3.1.1 SUBACK 0x03", pkt(0x90, b"\x00\x01\x03"), V3),
        ("UNSUBACK 0x01", pkt(0xb0, b"\x00\x01\x00\x01"), V5),
        ("DISCONNECT 0x01", pkt(0xe0, b"\x01"), V5),
        ("DISCONNECT 0x84", pkt(0xe0, b"\x84"), V5),
        ("AUTH 0x04", pkt(0xf0, b"\x04"), V5),
        ("AUTH 0x80", pkt(0xf0, b"\x80\x00"), V5),
    ];
    for (name, bytes, version) in &cases {
        expect(name, bytes, *version, Error::InvalidReasonCode);
    }
}

#[cfg(feature = "v5")]
#[test]
fn properties() {
    let cases: Vec<(&str, Vec<u8>, Error)> = vec![
        (
            "unknown id 0x05",
            publish_props(b"\x05\x00"),
            Error::UnknownProperty,
        ),
        (
            "unknown id 0x7f",
            publish_props(b"\x7f"),
            Error::UnknownProperty,
        ),
        (
            "id 128 (two bytes)",
            publish_props(b"\x80\x01\x00"),
            Error::UnknownProperty,
        ),
        (
            "id non-minimal",
            publish_props(b"\x81\x00\x00"),
            Error::NonMinimalVarInt,
        ),
        (
            "duplicate Topic Alias",
            publish_props(b"\x23\x00\x01\x23\x00\x02"),
            Error::DuplicateProperty,
        ),
        (
            "duplicate Content Type",
            publish_props(b"\x03\x00\x00\x03\x00\x00"),
            Error::DuplicateProperty,
        ),
        (
            "duplicate Payload Format",
            publish_props(b"\x01\x00\x01\x01"),
            Error::DuplicateProperty,
        ),
        (
            "Reason String in PUBLISH",
            publish_props(b"\x1f\x00\x00"),
            Error::PropertyNotAllowed,
        ),
        (
            "Session Expiry in PUBLISH",
            publish_props(b"\x11\x00\x00\x00\x00"),
            Error::PropertyNotAllowed,
        ),
        (
            "Payload Format 2",
            publish_props(b"\x01\x02"),
            Error::InvalidPropertyValue,
        ),
        (
            "Topic Alias 0",
            publish_props(b"\x23\x00\x00"),
            Error::TopicAliasZero,
        ),
        (
            "Subscription Identifier 0",
            publish_props(b"\x0b\x00"),
            Error::InvalidPropertyValue,
        ),
        (
            "Response Topic with wildcard",
            publish_props(b"\x08\x00\x01#"),
            Error::WildcardInTopicName,
        ),
        (
            "Response Topic empty",
            publish_props(b"\x08\x00\x00"),
            Error::EmptyTopicName,
        ),
        (
            "Content Type not UTF-8",
            publish_props(b"\x03\x00\x01\xff"),
            Error::InvalidUtf8,
        ),
        (
            "User Property value with U+0000",
            publish_props(b"\x26\x00\x01k\x00\x01\x00"),
            Error::NullCharacter,
        ),
        (
            "u32 cut by property length",
            publish_props(b"\x02\x00\x00"),
            Error::Truncated,
        ),
        (
            "string cut by property length",
            publish_props(b"\x03\x00\x05ab"),
            Error::Truncated,
        ),
        (
            "property length past body",
            pkt(0x30, b"\x00\x01t\x09\x01"),
            Error::Truncated,
        ),
        (
            "property length malformed",
            pkt(0x30, b"\x00\x01t\xff\xff\xff\xff\x01"),
            Error::MalformedVarInt,
        ),
        (
            "Topic Alias in CONNECT",
            connect(5, 0x02, b"\x03\x23\x00\x01\x00\x01c"),
            Error::PropertyNotAllowed,
        ),
        (
            "Will Delay in CONNECT",
            connect(5, 0x02, b"\x05\x18\x00\x00\x00\x01\x00\x01c"),
            Error::PropertyNotAllowed,
        ),
        (
            "Session Expiry in Will",
            connect(
                5,
                0x06,
                b"\x00\x00\x01c\x05\x11\x00\x00\x00\x01\x00\x01t\x00\x00",
            ),
            Error::PropertyNotAllowed,
        ),
        (
            "Receive Maximum 0",
            connect(5, 0x02, b"\x03\x21\x00\x00\x00\x01c"),
            Error::InvalidPropertyValue,
        ),
        (
            "Maximum Packet Size 0",
            connect(5, 0x02, b"\x05\x27\x00\x00\x00\x00\x00\x01c"),
            Error::InvalidPropertyValue,
        ),
        (
            "Request Problem Information 2",
            connect(5, 0x02, b"\x02\x17\x02\x00\x01c"),
            Error::InvalidPropertyValue,
        ),
        (
            "duplicate Session Expiry",
            connect(
                5,
                0x02,
                b"\x0a\x11\x00\x00\x00\x01\x11\x00\x00\x00\x01\x00\x01c",
            ),
            Error::DuplicateProperty,
        ),
        (
            "Maximum QoS 2",
            pkt(0x20, b"\x00\x00\x02\x24\x02"),
            Error::InvalidPropertyValue,
        ),
        (
            "Retain Available 2",
            pkt(0x20, b"\x00\x00\x02\x25\x02"),
            Error::InvalidPropertyValue,
        ),
        (
            "Will Delay in CONNACK",
            pkt(0x20, b"\x00\x00\x05\x18\x00\x00\x00\x00"),
            Error::PropertyNotAllowed,
        ),
        (
            "duplicate Subscription Identifier in SUBSCRIBE",
            pkt(0x82, b"\x00\x01\x04\x0b\x01\x0b\x02\x00\x01a\x00"),
            Error::DuplicateProperty,
        ),
        (
            "Topic Alias in SUBSCRIBE",
            pkt(0x82, b"\x00\x01\x03\x23\x00\x01\x00\x01a\x00"),
            Error::PropertyNotAllowed,
        ),
        (
            "Server Reference in PUBACK",
            pkt(0x40, b"\x00\x01\x00\x04\x1c\x00\x01s"),
            Error::PropertyNotAllowed,
        ),
        (
            "duplicate Reason String in SUBACK",
            pkt(0x90, b"\x00\x01\x06\x1f\x00\x00\x1f\x00\x00\x00"),
            Error::DuplicateProperty,
        ),
        (
            "Reason String in UNSUBSCRIBE",
            pkt(0xa2, b"\x00\x01\x03\x1f\x00\x00\x00\x01a"),
            Error::PropertyNotAllowed,
        ),
        (
            "Session Expiry in AUTH",
            pkt(0xf0, b"\x18\x05\x11\x00\x00\x00\x00"),
            Error::PropertyNotAllowed,
        ),
        (
            "Authentication Method in DISCONNECT",
            pkt(0xe0, b"\x00\x03\x15\x00\x00"),
            Error::PropertyNotAllowed,
        ),
    ];
    for (name, bytes, error) in &cases {
        expect(name, bytes, V5, *error);
    }
}
