//! MQTT 5.0 properties on SUBSCRIBE, UNSUBSCRIBE and the client's DISCONNECT, and the
//! Subscription Identifiers of incoming PUBLISHes.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;
use crate::wire::{Subscription, SubscriptionOptions};

/// The properties of the packets written so far (taken), as debug strings.
fn sent_properties(b: &mut Bench) -> Vec<(String, Vec<String>)> {
    let bytes = core::mem::take(&mut b.conn.out);
    let mut at = 0;
    let mut all = Vec::new();
    while at < bytes.len() {
        let (repr, len) = Repr::parse_bytes(&bytes[at..], b.version).unwrap();
        let (name, p, extra) = match repr {
            Repr::Subscribe(s) => ("SUBSCRIBE", s.properties, String::new()),
            Repr::Unsubscribe(u) => ("UNSUBSCRIBE", u.properties, String::new()),
            Repr::Disconnect(d) => ("DISCONNECT", d.properties, format!("{:?}", d.reason)),
            other => panic!("{other:?}"),
        };
        let mut list: Vec<String> = p.iter().map(|p| format!("{p:?}")).collect();
        if !extra.is_empty() {
            list.insert(0, extra);
        }
        all.push((name.into(), list));
        at += len;
    }
    all
}

fn sub(filter: &str) -> [Subscription<'_>; 1] {
    [Subscription {
        filter,
        options: SubscriptionOptions::qos(QoS::AtLeastOnce),
    }]
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[cfg(feature = "v5")]
#[test]
fn subscribe_and_unsubscribe_carry_their_properties() {
    let mut b = Bench::connected(Version::V5);
    let p = [
        Property::SubscriptionIdentifier(300),
        Property::UserProperty("k", "v"),
    ];
    let id = b
        .client
        .subscribe_with_properties(&mut b.conn, &sub("a/#"), Properties::from_slice(&p), b.now)
        .unwrap();
    let u = [Property::UserProperty("why", "done")];
    let uid = b
        .client
        .unsubscribe_with_properties(&mut b.conn, &["a/#"], Properties::from_slice(&u), b.now)
        .unwrap();
    assert_eq!(
        sent_properties(&mut b),
        [
            (
                "SUBSCRIBE".into(),
                strings(&["SubscriptionIdentifier(300)", "UserProperty(\"k\", \"v\")"])
            ),
            (
                "UNSUBSCRIBE".into(),
                strings(&["UserProperty(\"why\", \"done\")"])
            ),
        ]
    );
    b.feed_repr(suback(id.get(), &[ReasonCode::GrantedQos1]));
    b.feed_repr(unsuback(uid.get(), &[ReasonCode::Success]));
    assert_eq!(b.events().len(), 2);
}

#[cfg(feature = "v5")]
#[test]
fn properties_that_cannot_be_sent_are_refused_and_nothing_leaves() {
    use crate::wire::Error as W;
    let mut b = Bench::connected(Version::V5);
    let bad = [Property::ContentType("x")];
    let refused = |b: &mut Bench, p: &[Property<'_>]| {
        b.client
            .subscribe_with_properties(&mut b.conn, &sub("a"), Properties::from_slice(p), b.now)
    };
    assert_eq!(
        refused(&mut b, &bad),
        Err(Error::Encode(W::PropertyNotAllowed))
    );
    let two = [
        Property::SubscriptionIdentifier(1),
        Property::SubscriptionIdentifier(2),
    ];
    assert_eq!(
        refused(&mut b, &two),
        Err(Error::Encode(W::DuplicateProperty))
    );
    let uid = [Property::SubscriptionIdentifier(1)];
    assert_eq!(
        b.client.unsubscribe_with_properties(
            &mut b.conn,
            &["a"],
            Properties::from_slice(&uid),
            b.now
        ),
        Err(Error::Encode(W::PropertyNotAllowed))
    );
    assert_eq!((b.out(), b.client.in_flight()), (vec![], 0));

    // The broker said it has no subscription identifiers.
    let mut b = Bench::new(Version::V5);
    b.connect(
        false,
        props(&[Property::SubscriptionIdentifierAvailable(false)]),
    );
    assert_eq!(
        refused(&mut b, &uid),
        Err(Error::SubscriptionIdentifiersNotSupported)
    );
    let user = [Property::UserProperty("k", "v")];
    assert!(refused(&mut b, &user).is_ok(), "user properties still go");

    // 3.1.1 has no properties.
    let mut b = Bench::connected(Version::V311);
    assert_eq!(refused(&mut b, &user), Err(Error::Encode(W::NotInVersion)));
    assert_eq!(b.out(), []);
}

#[cfg(feature = "v5")]
#[test]
fn disconnect_with_reason_and_properties() {
    let mut b = Bench::with(Version::V5, 256, 256, 512, |mut o| {
        o.session_expiry = 60;
        o
    });
    b.connect(false, Properties::EMPTY);
    let p = [
        Property::SessionExpiryInterval(0),
        Property::ReasonString("bye"),
        Property::UserProperty("k", "v"),
    ];
    let d = Disconnect {
        reason: ReasonCode::DisconnectWithWillMessage,
        properties: Properties::from_slice(&p),
    };
    b.client.disconnect_with(&mut b.conn, &d, b.now).unwrap();
    assert_eq!(
        sent_properties(&mut b),
        [(
            "DISCONNECT".into(),
            strings(&[
                "DisconnectWithWillMessage",
                "SessionExpiryInterval(0)",
                "ReasonString(\"bye\")",
                "UserProperty(\"k\", \"v\")"
            ])
        )]
    );
    assert_eq!(b.events(), [Ev::Disconnected(Disconnected::Requested)]);
    assert!(b.conn.closed);
}

#[cfg(feature = "v5")]
#[test]
fn disconnect_that_cannot_be_sent_is_refused_and_the_connection_stays() {
    use crate::wire::Error as W;
    // CONNECT had Session Expiry 0: DISCONNECT may not make it non-zero [MQTT-3.14.2-2].
    let mut b = Bench::connected(Version::V5);
    let p = [Property::SessionExpiryInterval(30)];
    let d = Disconnect {
        reason: ReasonCode::Success,
        properties: Properties::from_slice(&p),
    };
    assert_eq!(
        b.client.disconnect_with(&mut b.conn, &d, b.now),
        Err(Error::SessionExpiryNotAllowed)
    );
    // Not a DISCONNECT reason code; not a DISCONNECT property.
    let d = Disconnect {
        reason: ReasonCode::GrantedQos1,
        properties: Properties::EMPTY,
    };
    assert_eq!(
        b.client.disconnect_with(&mut b.conn, &d, b.now),
        Err(Error::Encode(W::InvalidReasonCode))
    );
    let p = [Property::ContentType("x")];
    let d = Disconnect {
        reason: ReasonCode::Success,
        properties: Properties::from_slice(&p),
    };
    assert_eq!(
        b.client.disconnect_with(&mut b.conn, &d, b.now),
        Err(Error::Encode(W::PropertyNotAllowed))
    );
    assert!(b.client.is_connected() && !b.conn.closed);
    assert_eq!((b.out(), b.events()), (vec![], vec![]));
    // 3.1.1: only the plain DISCONNECT.
    let mut b = Bench::connected(Version::V311);
    let d = Disconnect {
        reason: ReasonCode::DisconnectWithWillMessage,
        properties: Properties::EMPTY,
    };
    assert_eq!(
        b.client.disconnect_with(&mut b.conn, &d, b.now),
        Err(Error::Encode(W::NotInVersion))
    );
    b.client.disconnect(&mut b.conn, b.now);
    assert_eq!(b.out(), [Pkt::Disconnect(ReasonCode::Success)]);
}

#[cfg(feature = "v5")]
#[test]
fn subscription_identifiers_of_incoming_messages_reach_the_handler() {
    let mut b = Bench::connected(Version::V5);
    let p = [
        Property::SubscriptionIdentifier(7),
        Property::SubscriptionIdentifier(268_435_455),
    ];
    b.feed_repr(Repr::Publish(Publish {
        topic: "a/b",
        properties: Properties::from_slice(&p),
        payload: b"x",
        ..Publish::default()
    }));
    b.feed_repr(publish_in("c", b"y", PublishQos::AtMostOnce));
    assert_eq!(b.client.handler().sub_ids, [vec![7, 268_435_455], vec![]]);
}
