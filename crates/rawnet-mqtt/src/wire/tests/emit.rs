//! Representations that emit must refuse, so that whatever emit writes parses back.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::super::{
    Ack, Auth, ConnAck, Connect, Disconnect, Error, Properties, Property, Publish, PublishQos,
    ReasonCode, ReasonCodes, Repr, RetainHandling, SubAck, Subscribe, Subscription,
    SubscriptionOptions, Subscriptions, TopicFilters, UnsubAck, Unsubscribe, Version,
};
use super::pid;

const V3: Version = Version::V311;
#[cfg(feature = "v5")]
const V5: Version = Version::V5;

#[track_caller]
fn refuse(repr: Repr<'_>, version: Version, error: Error) {
    let mut buf = vec![0u8; repr.buffer_len(version) + 16];
    assert_eq!(repr.emit(&mut buf, version), Err(error), "{repr:?}");
    assert_eq!(repr.check(version).err(), Some(error), "{repr:?}");
}

fn publish<'a>(topic: &'a str, properties: Properties<'a>) -> Repr<'a> {
    Repr::Publish(Publish {
        topic,
        properties,
        ..Publish::default()
    })
}

#[cfg(feature = "v5")]
#[test]
fn publish_refusals() {
    refuse(
        publish("a/+", Properties::EMPTY),
        V3,
        Error::WildcardInTopicName,
    );
    refuse(
        publish("#", Properties::EMPTY),
        V5,
        Error::WildcardInTopicName,
    );
    refuse(publish("", Properties::EMPTY), V3, Error::EmptyTopicName);
    refuse(publish("", Properties::EMPTY), V5, Error::EmptyTopicName);
    refuse(publish("a\0b", Properties::EMPTY), V3, Error::NullCharacter);
    let long = "x".repeat(65_536);
    refuse(publish(&long, Properties::EMPTY), V3, Error::FieldTooLong);
    let dup0 = Repr::Publish(Publish {
        dup: true,
        topic: "t",
        ..Publish::default()
    });
    refuse(dup0, V3, Error::DupWithQos0);

    let props = [Property::ContentType("c")];
    refuse(
        publish("t", Properties::from_slice(&props)),
        V3,
        Error::NotInVersion,
    );
    let props = [Property::ReasonString("r")];
    refuse(
        publish("t", Properties::from_slice(&props)),
        V5,
        Error::PropertyNotAllowed,
    );
    let props = [Property::TopicAlias(1), Property::TopicAlias(2)];
    refuse(
        publish("t", Properties::from_slice(&props)),
        V5,
        Error::DuplicateProperty,
    );
    let props = [Property::TopicAlias(0)];
    refuse(
        publish("t", Properties::from_slice(&props)),
        V5,
        Error::TopicAliasZero,
    );
    let props = [Property::SubscriptionIdentifier(268_435_456)];
    refuse(
        publish("t", Properties::from_slice(&props)),
        V5,
        Error::InvalidPropertyValue,
    );
    let props = [Property::UserProperty("k", "v\0")];
    refuse(
        publish("t", Properties::from_slice(&props)),
        V5,
        Error::NullCharacter,
    );
    let props = [Property::CorrelationData(long.as_bytes())];
    refuse(
        publish("t", Properties::from_slice(&props)),
        V5,
        Error::FieldTooLong,
    );
    let props = [Property::ResponseTopic("a/#")];
    refuse(
        publish("t", Properties::from_slice(&props)),
        V5,
        Error::WildcardInTopicName,
    );
}

#[cfg(feature = "v5")]
/// Properties parsed from one packet type are checked again when emitted in another.
#[test]
fn parsed_properties_are_rechecked_for_their_new_packet() {
    let connack = b"\x20\x06\x00\x00\x03\x22\x00\x0a";
    let (repr, _) = Repr::parse_bytes(connack, V5).unwrap();
    let Repr::ConnAck(connack) = repr else {
        panic!("not a CONNACK")
    };
    refuse(
        publish("t", connack.properties),
        V5,
        Error::PropertyNotAllowed,
    );
}

#[cfg(feature = "v5")]
#[test]
fn connect_refusals() {
    let c = Connect {
        client_id: "c",
        password: Some(b"p"),
        ..Connect::default()
    };
    refuse(Repr::Connect(c), V3, Error::PasswordWithoutUsername);
    let c = Connect {
        clean_start: false,
        client_id: "",
        ..Connect::default()
    };
    refuse(Repr::Connect(c), V3, Error::EmptyClientId);
    let props = [Property::SessionExpiryInterval(1)];
    let c = Connect {
        clean_start: true,
        properties: Properties::from_slice(&props),
        ..Connect::default()
    };
    refuse(Repr::Connect(c), V3, Error::NotInVersion);
    let props = [Property::TopicAlias(1)];
    let c = Connect {
        properties: Properties::from_slice(&props),
        ..Connect::default()
    };
    refuse(Repr::Connect(c), V5, Error::PropertyNotAllowed);
}

#[cfg(feature = "v5")]
#[test]
fn connack_and_ack_refusals() {
    let c = ConnAck {
        session_present: false,
        reason: ReasonCode::Banned,
        properties: Properties::EMPTY,
    };
    refuse(Repr::ConnAck(c), V3, Error::NotInVersion);
    let c = ConnAck {
        reason: ReasonCode::GrantedQos1,
        ..c
    };
    refuse(Repr::ConnAck(c), V5, Error::InvalidReasonCode);
    let c = ConnAck {
        session_present: true,
        reason: ReasonCode::NotAuthorized,
        properties: Properties::EMPTY,
    };
    refuse(Repr::ConnAck(c), V5, Error::SessionPresentOnError);

    let a = Ack {
        reason: ReasonCode::NoMatchingSubscribers,
        ..Ack::new(pid(1))
    };
    refuse(Repr::PubAck(a), V3, Error::NotInVersion);
    refuse(Repr::PubRel(a), V5, Error::InvalidReasonCode);
    refuse(Repr::PubComp(a), V5, Error::InvalidReasonCode);
}

#[cfg(feature = "v5")]
#[test]
fn subscribe_refusals() {
    refuse(
        Repr::Subscribe(Subscribe {
            packet_id: pid(1),
            properties: Properties::EMPTY,
            subscriptions: Subscriptions::empty(),
        }),
        V3,
        Error::NoTopicFilters,
    );
    let bad = [Subscription {
        filter: "a/#/b",
        options: SubscriptionOptions::default(),
    }];
    refuse(
        Repr::Subscribe(Subscribe {
            packet_id: pid(1),
            properties: Properties::EMPTY,
            subscriptions: Subscriptions::from_slice(&bad),
        }),
        V5,
        Error::InvalidTopicFilter,
    );
    let v5_only = [Subscription {
        filter: "a",
        options: SubscriptionOptions {
            retain_handling: RetainHandling::SendIfNew,
            ..SubscriptionOptions::default()
        },
    }];
    refuse(
        Repr::Subscribe(Subscribe {
            packet_id: pid(1),
            properties: Properties::EMPTY,
            subscriptions: Subscriptions::from_slice(&v5_only),
        }),
        V3,
        Error::InvalidSubscriptionOptions,
    );
    refuse(
        Repr::Unsubscribe(Unsubscribe {
            packet_id: pid(1),
            properties: Properties::EMPTY,
            filters: TopicFilters::empty(),
        }),
        V5,
        Error::NoTopicFilters,
    );
    refuse(
        Repr::SubAck(SubAck {
            packet_id: pid(1),
            properties: Properties::EMPTY,
            reasons: ReasonCodes::empty(),
        }),
        V5,
        Error::NoReasonCodes,
    );
    let codes = [ReasonCode::NotAuthorized];
    refuse(
        Repr::SubAck(SubAck {
            packet_id: pid(1),
            properties: Properties::EMPTY,
            reasons: ReasonCodes::from_slice(&codes),
        }),
        V3,
        Error::NotInVersion,
    );
    let codes = [ReasonCode::Success];
    refuse(
        Repr::UnsubAck(UnsubAck {
            packet_id: pid(1),
            properties: Properties::EMPTY,
            reasons: ReasonCodes::from_slice(&codes),
        }),
        V3,
        Error::NotInVersion,
    );
}

#[cfg(feature = "v5")]
#[test]
fn version_refusals() {
    refuse(Repr::Auth(Auth::default()), V3, Error::NotInVersion);
    let d = Disconnect {
        reason: ReasonCode::ServerBusy,
        properties: Properties::EMPTY,
    };
    refuse(Repr::Disconnect(d), V3, Error::NotInVersion);
    let d = Disconnect {
        reason: ReasonCode::ContinueAuthentication,
        properties: Properties::EMPTY,
    };
    refuse(Repr::Disconnect(d), V5, Error::InvalidReasonCode);
}

#[cfg(feature = "v5")]
/// `emit_publish_header` followed by the payload is byte-identical to `emit`.
#[test]
fn publish_header_then_payload() {
    let payload = vec![7u8; 300];
    let props = [Property::MessageExpiryInterval(9)];
    let p = Publish {
        qos: PublishQos::ExactlyOnce(pid(3)),
        topic: "big",
        properties: Properties::from_slice(&props),
        payload: &payload,
        ..Publish::default()
    };
    for version in [V3, V5] {
        let p = if version == V3 {
            Publish {
                properties: Properties::EMPTY,
                ..p
            }
        } else {
            p
        };
        let whole_len = Repr::Publish(p).buffer_len(version);
        let mut whole = vec![0xa5; whole_len];
        Repr::Publish(p).emit(&mut whole, version).unwrap();
        let mut split = vec![0xa5; whole_len];
        let n = Repr::emit_publish_header(&p, &mut split, version).unwrap();
        split[n..].copy_from_slice(&payload);
        assert_eq!(whole, split);
        assert_eq!(n + payload.len(), whole_len);
    }
}
