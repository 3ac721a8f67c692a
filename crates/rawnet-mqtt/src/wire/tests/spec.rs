//! One byte-exact vector per packet type and version, laid out field by field as in the
//! MQTT 3.1.1 and 5.0 specifications (§3.x "Variable Header" / "Payload" figures).
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::super::{
    Ack, Auth, ConnAck, Connect, Disconnect, Properties, Property, Publish, PublishQos, QoS,
    ReasonCode, ReasonCodes, Repr, RetainHandling, SubAck, Subscribe, Subscription,
    SubscriptionOptions, Subscriptions, TopicFilters, UnsubAck, Unsubscribe, Version, Will,
};
use super::{check_vector, pid};

const V3: Version = Version::V311;
#[cfg(feature = "v5")]
const V5: Version = Version::V5;

// ---- MQTT 3.1.1 ------------------------------------------------------------------------

/// §3.1 CONNECT with every flag of the spec's "Connect Flags" example (0xCE: user name,
/// password, Will QoS 1, Will, Clean Session) and keep alive 10.
static CONNECT_311: &[u8] = b"\x10\x22\x00\x04MQTT\x04\xce\x00\x0a\
\x00\x06rawnet\x00\x03w/t\x00\x03bye\x00\x01u\x00\x01p";

#[test]
fn connect_311() {
    let repr = Repr::Connect(Connect {
        clean_start: true,
        keep_alive: 10,
        client_id: "rawnet",
        will: Some(Will {
            qos: QoS::AtLeastOnce,
            retain: false,
            topic: "w/t",
            payload: b"bye",
            properties: Properties::EMPTY,
        }),
        username: Some("u"),
        password: Some(b"p"),
        properties: Properties::EMPTY,
    });
    check_vector(CONNECT_311, repr, V3);
}

/// The smallest CONNECT: empty client id with Clean Session, keep alive 60.
static CONNECT_311_MIN: &[u8] = b"\x10\x0c\x00\x04MQTT\x04\x02\x00\x3c\x00\x00";

#[test]
fn connect_311_minimal() {
    let repr = Repr::Connect(Connect {
        clean_start: true,
        keep_alive: 60,
        ..Connect::default()
    });
    check_vector(CONNECT_311_MIN, repr, V3);
}

#[test]
fn connack_311() {
    let ok = |session_present, reason| {
        Repr::ConnAck(ConnAck {
            session_present,
            reason,
            properties: Properties::EMPTY,
        })
    };
    check_vector(b"\x20\x02\x00\x00", ok(false, ReasonCode::Success), V3);
    check_vector(b"\x20\x02\x01\x00", ok(true, ReasonCode::Success), V3);
    // Return code 5, "Connection Refused, not authorized".
    check_vector(
        b"\x20\x02\x00\x05",
        ok(false, ReasonCode::NotAuthorized),
        V3,
    );
    check_vector(
        b"\x20\x02\x00\x01",
        ok(false, ReasonCode::UnsupportedProtocolVersion),
        V3,
    );
}

#[test]
fn publish_311() {
    // QoS 0: no packet identifier.
    let repr = Repr::Publish(Publish {
        topic: "a/b",
        payload: b"hi",
        ..Publish::default()
    });
    check_vector(b"\x30\x07\x00\x03a/bhi", repr, V3);
    // §3.3.2.3 example: topic "a/b", packet identifier 10; here QoS 1, DUP and RETAIN.
    let repr = Repr::Publish(Publish {
        dup: true,
        qos: PublishQos::AtLeastOnce(pid(10)),
        retain: true,
        topic: "a/b",
        properties: Properties::EMPTY,
        payload: b"x",
    });
    check_vector(b"\x3b\x08\x00\x03a/b\x00\x0ax", repr, V3);
    // QoS 2, empty payload.
    let repr = Repr::Publish(Publish {
        qos: PublishQos::ExactlyOnce(pid(0x1234)),
        topic: "t",
        ..Publish::default()
    });
    check_vector(b"\x34\x05\x00\x01t\x12\x34", repr, V3);
}

#[test]
fn acks_311() {
    let ack = Ack::new(pid(10));
    check_vector(b"\x40\x02\x00\x0a", Repr::PubAck(ack), V3);
    check_vector(b"\x50\x02\x00\x0a", Repr::PubRec(ack), V3);
    check_vector(b"\x62\x02\x00\x0a", Repr::PubRel(ack), V3);
    check_vector(b"\x70\x02\x00\x0a", Repr::PubComp(ack), V3);
}

#[test]
fn subscribe_311() {
    let subs = [
        Subscription {
            filter: "a/#",
            options: SubscriptionOptions::qos(QoS::AtLeastOnce),
        },
        Subscription {
            filter: "+/b",
            options: SubscriptionOptions::qos(QoS::ExactlyOnce),
        },
    ];
    let repr = Repr::Subscribe(Subscribe {
        packet_id: pid(1),
        properties: Properties::EMPTY,
        subscriptions: Subscriptions::from_slice(&subs),
    });
    check_vector(b"\x82\x0e\x00\x01\x00\x03a/#\x01\x00\x03+/b\x02", repr, V3);
}

#[test]
fn suback_311() {
    // §3.9.3 example: granted QoS 0, 1, 2 and Failure.
    let codes = [
        ReasonCode::Success,
        ReasonCode::GrantedQos1,
        ReasonCode::GrantedQos2,
        ReasonCode::UnspecifiedError,
    ];
    let repr = Repr::SubAck(SubAck {
        packet_id: pid(1),
        properties: Properties::EMPTY,
        reasons: ReasonCodes::from_slice(&codes),
    });
    check_vector(b"\x90\x06\x00\x01\x00\x01\x02\x80", repr, V3);
}

#[test]
fn unsubscribe_unsuback_311() {
    let filters = ["a/b", "c"];
    let repr = Repr::Unsubscribe(Unsubscribe {
        packet_id: pid(2),
        properties: Properties::EMPTY,
        filters: TopicFilters::from_slice(&filters),
    });
    check_vector(b"\xa2\x0a\x00\x02\x00\x03a/b\x00\x01c", repr, V3);
    let repr = Repr::UnsubAck(UnsubAck {
        packet_id: pid(2),
        properties: Properties::EMPTY,
        reasons: ReasonCodes::empty(),
    });
    check_vector(b"\xb0\x02\x00\x02", repr, V3);
}

#[test]
fn ping_disconnect_311() {
    check_vector(b"\xc0\x00", Repr::PingReq, V3);
    check_vector(b"\xd0\x00", Repr::PingResp, V3);
    check_vector(b"\xe0\x00", Repr::Disconnect(Disconnect::default()), V3);
}

// ---- MQTT 5.0 --------------------------------------------------------------------------

/// §3.1 CONNECT with CONNECT properties, Will properties, user name and password.
static CONNECT_5: &[u8] = b"\x10\x3a\x00\x04MQTT\x05\xce\x00\x3c\
\x0f\x11\x00\x00\x0e\x10\x21\x00\x14\x26\x00\x01k\x00\x01v\
\x00\x06rawnet\
\x07\x18\x00\x00\x00\x05\x01\x01\
\x00\x03w/t\x00\x03bye\x00\x01u\x00\x01p";

#[cfg(feature = "v5")]
#[test]
fn connect_5() {
    let props = [
        Property::SessionExpiryInterval(3600),
        Property::ReceiveMaximum(20),
        Property::UserProperty("k", "v"),
    ];
    let will_props = [
        Property::WillDelayInterval(5),
        Property::PayloadFormatIndicator(true),
    ];
    let repr = Repr::Connect(Connect {
        clean_start: true,
        keep_alive: 60,
        client_id: "rawnet",
        will: Some(Will {
            qos: QoS::AtLeastOnce,
            retain: false,
            topic: "w/t",
            payload: b"bye",
            properties: Properties::from_slice(&will_props),
        }),
        username: Some("u"),
        password: Some(b"p"),
        properties: Properties::from_slice(&props),
    });
    check_vector(CONNECT_5, repr, V5);
    // 5.0 allows a password without a user name.
    let repr = Repr::Connect(Connect {
        client_id: "c",
        password: Some(b"secret"),
        ..Connect::default()
    });
    check_vector(
        b"\x10\x16\x00\x04MQTT\x05\x40\x00\x00\x00\x00\x01c\x00\x06secret",
        repr,
        V5,
    );
}

#[cfg(feature = "v5")]
#[test]
fn connack_5() {
    let props = [
        Property::TopicAliasMaximum(10),
        Property::MaximumQos(QoS::AtLeastOnce),
        Property::AssignedClientIdentifier("abc"),
    ];
    let repr = Repr::ConnAck(ConnAck {
        session_present: false,
        reason: ReasonCode::Success,
        properties: Properties::from_slice(&props),
    });
    check_vector(
        b"\x20\x0e\x00\x00\x0b\x22\x00\x0a\x24\x01\x12\x00\x03abc",
        repr,
        V5,
    );
    let repr = Repr::ConnAck(ConnAck {
        session_present: false,
        reason: ReasonCode::NotAuthorized,
        properties: Properties::EMPTY,
    });
    check_vector(b"\x20\x03\x00\x87\x00", repr, V5);
}

#[cfg(feature = "v5")]
#[test]
fn publish_5() {
    let props = [
        Property::PayloadFormatIndicator(true),
        Property::MessageExpiryInterval(60),
        Property::TopicAlias(1),
        Property::ResponseTopic("r"),
        Property::CorrelationData(&[0xab, 0xcd]),
        Property::SubscriptionIdentifier(7),
        Property::ContentType("text"),
    ];
    let repr = Repr::Publish(Publish {
        dup: false,
        qos: PublishQos::AtLeastOnce(pid(5)),
        retain: false,
        topic: "a/b",
        properties: Properties::from_slice(&props),
        payload: b"hi",
    });
    check_vector(
        b"\x32\x26\x00\x03a/b\x00\x05\x1c\x01\x01\x02\x00\x00\x00\x3c\x23\x00\x01\
\x08\x00\x01r\x09\x00\x02\xab\xcd\x0b\x07\x03\x00\x04texthi",
        repr,
        V5,
    );
    // A zero-length topic name is allowed with a Topic Alias (§3.3.2.3.4).
    let props = [Property::TopicAlias(2)];
    let repr = Repr::Publish(Publish {
        topic: "",
        properties: Properties::from_slice(&props),
        payload: b"x",
        ..Publish::default()
    });
    check_vector(b"\x30\x07\x00\x00\x03\x23\x00\x02x", repr, V5);
    // Subscription Identifier may repeat in PUBLISH.
    let props = [
        Property::SubscriptionIdentifier(1),
        Property::SubscriptionIdentifier(268_435_455),
    ];
    let repr = Repr::Publish(Publish {
        topic: "t",
        properties: Properties::from_slice(&props),
        ..Publish::default()
    });
    check_vector(
        b"\x30\x0b\x00\x01t\x07\x0b\x01\x0b\xff\xff\xff\x7f",
        repr,
        V5,
    );
}

#[cfg(feature = "v5")]
#[test]
fn acks_5() {
    // Success without properties: the 2-byte form.
    check_vector(b"\x40\x02\x00\x01", Repr::PubAck(Ack::new(pid(1))), V5);
    let no_match = Ack {
        reason: ReasonCode::NoMatchingSubscribers,
        ..Ack::new(pid(1))
    };
    check_vector(b"\x40\x03\x00\x01\x10", Repr::PubAck(no_match), V5);
    check_vector(b"\x50\x03\x00\x01\x10", Repr::PubRec(no_match), V5);
    let props = [Property::ReasonString("bad")];
    let with_props = Ack {
        packet_id: pid(1),
        reason: ReasonCode::UnspecifiedError,
        properties: Properties::from_slice(&props),
    };
    check_vector(
        b"\x40\x0a\x00\x01\x80\x06\x1f\x00\x03bad",
        Repr::PubAck(with_props),
        V5,
    );
    let not_found = Ack {
        reason: ReasonCode::PacketIdentifierNotFound,
        ..Ack::new(pid(1))
    };
    check_vector(b"\x62\x03\x00\x01\x92", Repr::PubRel(not_found), V5);
    check_vector(b"\x70\x03\x00\x01\x92", Repr::PubComp(not_found), V5);
    check_vector(b"\x70\x02\x00\x01", Repr::PubComp(Ack::new(pid(1))), V5);
}

#[cfg(feature = "v5")]
#[test]
fn subscribe_5() {
    let props = [Property::SubscriptionIdentifier(5)];
    let subs = [
        Subscription {
            filter: "a/+",
            options: SubscriptionOptions {
                qos: QoS::AtLeastOnce,
                no_local: true,
                retain_as_published: true,
                retain_handling: RetainHandling::DoNotSend,
            },
        },
        Subscription {
            filter: "$share/g/x",
            options: SubscriptionOptions::default(),
        },
    ];
    let repr = Repr::Subscribe(Subscribe {
        packet_id: pid(1),
        properties: Properties::from_slice(&props),
        subscriptions: Subscriptions::from_slice(&subs),
    });
    check_vector(
        b"\x82\x18\x00\x01\x02\x0b\x05\x00\x03a/+\x2d\x00\x0a$share/g/x\x00",
        repr,
        V5,
    );
}

#[cfg(feature = "v5")]
#[test]
fn suback_5() {
    let codes = [
        ReasonCode::GrantedQos1,
        ReasonCode::GrantedQos2,
        ReasonCode::WildcardSubscriptionsNotSupported,
    ];
    let repr = Repr::SubAck(SubAck {
        packet_id: pid(1),
        properties: Properties::EMPTY,
        reasons: ReasonCodes::from_slice(&codes),
    });
    check_vector(b"\x90\x06\x00\x01\x00\x01\x02\xa2", repr, V5);
    let props = [Property::ReasonString("nah")];
    let codes = [ReasonCode::UnspecifiedError];
    let repr = Repr::SubAck(SubAck {
        packet_id: pid(1),
        properties: Properties::from_slice(&props),
        reasons: ReasonCodes::from_slice(&codes),
    });
    check_vector(b"\x90\x0a\x00\x01\x06\x1f\x00\x03nah\x80", repr, V5);
}

#[cfg(feature = "v5")]
#[test]
fn unsubscribe_unsuback_5() {
    let props = [Property::UserProperty("a", "b")];
    let filters = ["a/b"];
    let repr = Repr::Unsubscribe(Unsubscribe {
        packet_id: pid(2),
        properties: Properties::from_slice(&props),
        filters: TopicFilters::from_slice(&filters),
    });
    check_vector(
        b"\xa2\x0f\x00\x02\x07\x26\x00\x01a\x00\x01b\x00\x03a/b",
        repr,
        V5,
    );
    let codes = [ReasonCode::Success, ReasonCode::NoSubscriptionExisted];
    let repr = Repr::UnsubAck(UnsubAck {
        packet_id: pid(2),
        properties: Properties::EMPTY,
        reasons: ReasonCodes::from_slice(&codes),
    });
    check_vector(b"\xb0\x05\x00\x02\x00\x00\x11", repr, V5);
}

#[cfg(feature = "v5")]
#[test]
fn disconnect_5() {
    check_vector(b"\xe0\x00", Repr::Disconnect(Disconnect::default()), V5);
    let with_will = Disconnect {
        reason: ReasonCode::DisconnectWithWillMessage,
        properties: Properties::EMPTY,
    };
    check_vector(b"\xe0\x01\x04", Repr::Disconnect(with_will), V5);
    let props = [
        Property::ServerReference("s"),
        Property::SessionExpiryInterval(0),
    ];
    let moved = Disconnect {
        reason: ReasonCode::ServerShuttingDown,
        properties: Properties::from_slice(&props),
    };
    check_vector(
        b"\xe0\x0b\x8b\x09\x1c\x00\x01s\x11\x00\x00\x00\x00",
        Repr::Disconnect(moved),
        V5,
    );
}

#[cfg(feature = "v5")]
#[test]
fn auth_5() {
    check_vector(b"\xf0\x00", Repr::Auth(Auth::default()), V5);
    let props = [
        Property::AuthenticationMethod("SCRAM"),
        Property::AuthenticationData(&[1, 2]),
    ];
    let repr = Repr::Auth(Auth {
        reason: ReasonCode::ContinueAuthentication,
        properties: Properties::from_slice(&props),
    });
    check_vector(
        b"\xf0\x0f\x18\x0d\x15\x00\x05SCRAM\x16\x00\x02\x01\x02",
        repr,
        V5,
    );
}

#[cfg(feature = "v5")]
#[test]
fn ping_5() {
    check_vector(b"\xc0\x00", Repr::PingReq, V5);
    check_vector(b"\xd0\x00", Repr::PingResp, V5);
}

/// §1.5.5 remaining length boundaries: 127 / 128, 16,383 / 16,384, 2,097,151 / 2,097,152.
#[test]
fn remaining_length_boundaries() {
    for (body_len, header) in [
        (127usize, &[0x30u8, 0x7f][..]),
        (128, &[0x30, 0x80, 0x01]),
        (16_383, &[0x30, 0xff, 0x7f]),
        (16_384, &[0x30, 0x80, 0x80, 0x01]),
        (2_097_151, &[0x30, 0xff, 0xff, 0x7f]),
        (2_097_152, &[0x30, 0x80, 0x80, 0x80, 0x01]),
    ] {
        let payload = vec![0x5au8; body_len - 3];
        let repr = Repr::Publish(Publish {
            topic: "t",
            payload: &payload,
            ..Publish::default()
        });
        let mut buf = vec![0xa5; repr.buffer_len(V3)];
        let n = repr.emit(&mut buf, V3).unwrap();
        assert_eq!(n, header.len() + body_len);
        assert_eq!(&buf[..header.len()], header);
        assert_eq!(Repr::parse_bytes(&buf, V3), Ok((repr, n)));
    }
}

/// §1.5.4: "A𪛔" is 0x41 0xF0 0xAA 0x9B 0x94; any valid UTF-8 goes through untouched.
#[test]
fn utf8_string_example() {
    let repr = Repr::Publish(Publish {
        topic: "A\u{2A6D4}",
        ..Publish::default()
    });
    check_vector(b"\x30\x07\x00\x05\x41\xf0\xaa\x9b\x94", repr, V3);
}
