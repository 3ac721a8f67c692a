//! Packets captured from a real Mosquitto 2.0.11 by `fixtures/capture.py` (raw MQTT over
//! a loopback socket): each must parse to the expected representation and re-emit to the
//! identical bytes, and the decoder must agree byte by byte.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::super::{
    Ack, ConnAck, Decoder, Disconnect, Event, Properties, Property, Publish, PublishQos,
    ReasonCode, ReasonCodes, Repr, SubAck, UnsubAck, Version,
};
use super::pid;

macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            &include_bytes!(concat!("../../../fixtures/mosquitto/", $name, ".bin"))[..],
        )
    };
}

fn connack(reason: ReasonCode, properties: Properties<'static>) -> Repr<'static> {
    Repr::ConnAck(ConnAck {
        session_present: false,
        reason,
        properties,
    })
}

fn publish(qos: PublishQos, topic: &'static str, payload: &'static [u8]) -> Publish<'static> {
    Publish {
        qos,
        topic,
        payload,
        ..Publish::default()
    }
}

fn suback(id: u16, codes: &'static [ReasonCode]) -> Repr<'static> {
    Repr::SubAck(SubAck {
        packet_id: pid(id),
        properties: Properties::EMPTY,
        reasons: ReasonCodes::from_slice(codes),
    })
}

fn v311() -> Vec<(&'static str, &'static [u8], Repr<'static>)> {
    static BIG: [u8; 300] = {
        let mut b = [0u8; 300];
        let mut i = 0;
        while i < 256 {
            b[i] = i as u8;
            i += 1;
        }
        b
    };
    let ok = Properties::EMPTY;
    vec![
        (fixture!("v311_connack"), connack(ReasonCode::Success, ok)),
        (
            fixture!("v311_connack_bad_protocol"),
            connack(ReasonCode::UnsupportedProtocolVersion, ok),
        ),
        (
            fixture!("v311_connack_identifier_rejected"),
            connack(ReasonCode::ClientIdentifierNotValid, ok),
        ),
        (
            fixture!("v311_suback"),
            suback(1, &[ReasonCode::GrantedQos2, ReasonCode::GrantedQos1]),
        ),
        (
            fixture!("v311_suback_retained"),
            suback(2, &[ReasonCode::GRANTED_QOS_0]),
        ),
        (
            fixture!("v311_publish_qos0"),
            Repr::Publish(publish(PublishQos::AtMostOnce, "test/a", b"hello")),
        ),
        (
            fixture!("v311_publish_qos1"),
            Repr::Publish(publish(
                PublishQos::AtLeastOnce(pid(1)),
                "test/b",
                b"qos1 payload",
            )),
        ),
        (
            fixture!("v311_publish_qos2"),
            Repr::Publish(publish(PublishQos::ExactlyOnce(pid(2)), "test/c", b"qos2")),
        ),
        (
            fixture!("v311_publish_300"),
            Repr::Publish(publish(PublishQos::AtMostOnce, "test/big", &BIG)),
        ),
        (
            fixture!("v311_publish_retained"),
            Repr::Publish(Publish {
                retain: true,
                ..publish(PublishQos::AtMostOnce, "ret/x", b"kept")
            }),
        ),
        (
            fixture!("v311_publish_will"),
            Repr::Publish(publish(PublishQos::AtMostOnce, "will/c", b"c is gone")),
        ),
        (fixture!("v311_puback"), Repr::PubAck(Ack::new(pid(10)))),
        (fixture!("v311_pubrec"), Repr::PubRec(Ack::new(pid(11)))),
        (fixture!("v311_pubrel"), Repr::PubRel(Ack::new(pid(2)))),
        (fixture!("v311_pubcomp"), Repr::PubComp(Ack::new(pid(11)))),
        (
            fixture!("v311_unsuback"),
            Repr::UnsubAck(UnsubAck {
                packet_id: pid(3),
                properties: ok,
                reasons: ReasonCodes::empty(),
            }),
        ),
        (fixture!("v311_pingresp"), Repr::PingResp),
    ]
    .into_iter()
    .map(|((name, bytes), repr)| (name, bytes, repr))
    .collect()
}

fn v5() -> Vec<(&'static str, &'static [u8], Repr<'static>)> {
    static CONNACK: [Property<'static>; 2] = [
        Property::TopicAliasMaximum(10),
        Property::ReceiveMaximum(20),
    ];
    static CONNACK_ID: [Property<'static>; 3] = [
        Property::TopicAliasMaximum(10),
        Property::AssignedClientIdentifier("auto-87EFC47C-CFED-EEAF-0CCD-8393ED5542A4"),
        Property::ReceiveMaximum(20),
    ];
    // Mosquitto puts the Subscription Identifier first and the remaining Message Expiry
    // Interval last, around the publisher's own properties.
    static PUBLISH: [Property<'static>; 7] = [
        Property::SubscriptionIdentifier(7),
        Property::PayloadFormatIndicator(true),
        Property::ContentType("text/plain"),
        Property::ResponseTopic("reply/here"),
        Property::CorrelationData(&[1, 2, 3]),
        Property::UserProperty("origin", "rawnet"),
        Property::MessageExpiryInterval(3600),
    ];
    static SUB_ID: [Property<'static>; 1] = [Property::SubscriptionIdentifier(7)];
    static WILL: [Property<'static>; 2] = [
        Property::ContentType("text/plain"),
        Property::UserProperty("k", "v"),
    ];
    let ok = Properties::EMPTY;
    vec![
        (
            fixture!("v5_connack"),
            connack(ReasonCode::Success, Properties::from_slice(&CONNACK)),
        ),
        (
            fixture!("v5_connack_assigned_id"),
            connack(ReasonCode::Success, Properties::from_slice(&CONNACK_ID)),
        ),
        (
            fixture!("v5_connack_bad_auth_method"),
            connack(ReasonCode::BadAuthenticationMethod, ok),
        ),
        (
            fixture!("v5_suback"),
            suback(1, &[ReasonCode::GrantedQos2, ReasonCode::GrantedQos1]),
        ),
        (
            fixture!("v5_publish_props"),
            Repr::Publish(Publish {
                properties: Properties::from_slice(&PUBLISH),
                ..publish(PublishQos::AtLeastOnce(pid(1)), "test/props", b"hello v5")
            }),
        ),
        (
            fixture!("v5_publish_qos2"),
            Repr::Publish(Publish {
                properties: Properties::from_slice(&SUB_ID),
                ..publish(PublishQos::ExactlyOnce(pid(2)), "test/q2", b"two")
            }),
        ),
        (
            fixture!("v5_publish_will"),
            Repr::Publish(Publish {
                properties: Properties::from_slice(&WILL),
                ..publish(PublishQos::AtLeastOnce(pid(3)), "will/c5", b"gone")
            }),
        ),
        (fixture!("v5_puback"), Repr::PubAck(Ack::new(pid(5)))),
        (
            fixture!("v5_puback_no_subscribers"),
            Repr::PubAck(Ack {
                reason: ReasonCode::NoMatchingSubscribers,
                ..Ack::new(pid(6))
            }),
        ),
        (
            fixture!("v5_pubrec_no_subscribers"),
            Repr::PubRec(Ack::new(pid(7))),
        ),
        (fixture!("v5_pubrel"), Repr::PubRel(Ack::new(pid(2)))),
        (fixture!("v5_pubcomp"), Repr::PubComp(Ack::new(pid(7)))),
        (
            fixture!("v5_pubcomp_unknown_id"),
            Repr::PubComp(Ack::new(pid(0x63))),
        ),
        (
            fixture!("v5_unsuback"),
            Repr::UnsubAck(UnsubAck {
                packet_id: pid(2),
                properties: ok,
                reasons: ReasonCodes::from_slice(&[
                    ReasonCode::Success,
                    ReasonCode::NoSubscriptionExisted,
                ]),
            }),
        ),
        (fixture!("v5_pingresp"), Repr::PingResp),
        (
            fixture!("v5_disconnect_topic_alias_invalid"),
            Repr::Disconnect(Disconnect {
                reason: ReasonCode::TopicAliasInvalid,
                properties: ok,
            }),
        ),
    ]
    .into_iter()
    .map(|((name, bytes), repr)| (name, bytes, repr))
    .collect()
}

#[cfg(feature = "v5")]
#[test]
fn mosquitto_fixtures_parse_and_reemit_identically() {
    for (version, table) in [(Version::V311, v311()), (Version::V5, v5())] {
        for (name, bytes, expected) in table {
            let (repr, n) =
                Repr::parse_bytes(bytes, version).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(n, bytes.len(), "{name}");
            assert_eq!(repr, expected, "{name}");
            let mut out = vec![0xa5u8; expected.buffer_len(version)];
            assert_eq!(expected.emit(&mut out, version), Ok(bytes.len()), "{name}");
            assert_eq!(out, bytes, "{name}");
        }
    }
}

#[cfg(feature = "v5")]
/// All fixtures of a version as one stream, one byte at a time, through an 80-byte buffer:
/// the one PUBLISH larger than that streams, everything else arrives whole.
#[test]
fn mosquitto_stream_through_decoder() {
    for (version, table) in [(Version::V311, v311()), (Version::V5, v5())] {
        let stream: Vec<u8> = table
            .iter()
            .flat_map(|(_, b, _)| b.iter().copied())
            .collect();
        let mut rx = [0u8; 80];
        let mut decoder = Decoder::new(&mut rx[..], version);
        let mut seen = Vec::new();
        let mut streamed = 0usize;
        for byte in stream.chunks(1) {
            match decoder.feed(byte).unwrap().event {
                Event::NeedMore => {}
                Event::Packet(repr) => seen.push(repr.packet_type()),
                Event::PublishStart {
                    publish,
                    payload_len,
                } => {
                    let want = match version {
                        Version::V311 => ("test/big", 300),
                        #[cfg(feature = "v5")]
                        Version::V5 => ("test/props", 8),
                    };
                    assert_eq!((publish.topic, payload_len), want);
                    seen.push(super::super::PacketType::Publish);
                }
                Event::PublishPayload { last, .. } => streamed += usize::from(last),
            }
        }
        let want: Vec<_> = table.iter().map(|(_, _, r)| r.packet_type()).collect();
        assert_eq!(seen, want);
        assert_eq!(streamed, 1);
    }
}
