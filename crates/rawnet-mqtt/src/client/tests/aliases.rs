//! Topic Aliases (MQTT 5.0) both ways: the client's toward the broker (defined on first
//! use, used after, gone at every reconnect, never on a retransmission) and the broker's
//! toward the client (resolved; invalid ones are a protocol error with DISCONNECT 0x94).
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;

/// A PUBLISH the client sent, with its Topic Alias.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Out {
    topic: String,
    alias: Option<u16>,
    qos: u8,
    dup: bool,
    payload: Vec<u8>,
}

fn out(topic: &str, alias: Option<u16>, qos: u8, dup: bool, payload: &[u8]) -> Out {
    Out {
        topic: topic.into(),
        alias,
        qos,
        dup,
        payload: payload.to_vec(),
    }
}

/// The PUBLISHes written so far (everything written is parsed and taken).
fn publishes(b: &mut Bench) -> Vec<Out> {
    let bytes = core::mem::take(&mut b.conn.out);
    let mut at = 0;
    let mut all = Vec::new();
    while at < bytes.len() {
        let (repr, len) = Repr::parse_bytes(&bytes[at..], b.version).unwrap();
        if let Repr::Publish(p) = repr {
            all.push(out(
                p.topic,
                p.properties.topic_alias(),
                p.qos.qos().bits(),
                p.dup,
                p.payload,
            ));
        }
        at += len;
    }
    all
}

fn aliased(version: Version, storage: usize) -> Bench {
    Bench::with_client(
        version,
        256,
        256,
        512,
        |o| o,
        |c| c.with_outgoing_topic_aliases(leak(storage)),
    )
}

const MAX2: &[Property<'static>] = &[Property::TopicAliasMaximum(2)];

#[cfg(feature = "v5")]
#[cfg(feature = "qos2")]
#[test]
fn outgoing_alias_is_defined_then_used_up_to_the_broker_maximum() {
    let mut b = aliased(Version::V5, 64);
    b.connect(false, props(MAX2));
    let _ = b.publish("a/b", b"1", QoS::AtMostOnce).unwrap();
    let _ = b.publish("a/b", b"2", QoS::AtMostOnce).unwrap();
    let _ = b.publish("c", b"3", QoS::AtLeastOnce).unwrap();
    let _ = b.publish("c", b"4", QoS::ExactlyOnce).unwrap();
    // The broker's maximum is 2: a third topic goes in full, without alias.
    let _ = b.publish("d", b"5", QoS::AtMostOnce).unwrap();
    let _ = b.publish("a/b", b"6", QoS::AtLeastOnce).unwrap();
    assert_eq!(
        publishes(&mut b),
        [
            out("a/b", Some(1), 0, false, b"1"),
            out("", Some(1), 0, false, b"2"),
            out("c", Some(2), 1, false, b"3"),
            out("", Some(2), 2, false, b"4"),
            out("d", None, 0, false, b"5"),
            out("", Some(1), 1, false, b"6"),
        ]
    );
    assert_eq!(b.client.outgoing_topic_aliases(), 2);
}

#[cfg(feature = "v5")]
#[test]
fn no_alias_without_storage_without_broker_maximum_or_in_3_1_1() {
    // Storage, but the broker allows none (no Topic Alias Maximum in CONNACK).
    let mut b = aliased(Version::V5, 64);
    b.connect(false, Properties::EMPTY);
    let _ = b.publish("a", b"1", QoS::AtMostOnce).unwrap();
    let _ = b.publish("a", b"2", QoS::AtLeastOnce).unwrap();
    // The broker allows them, but the application gave no storage.
    let mut c = Bench::new(Version::V5);
    c.connect(false, props(MAX2));
    let _ = c.publish("a", b"1", QoS::AtMostOnce).unwrap();
    let _ = c.publish("a", b"2", QoS::AtMostOnce).unwrap();
    for mut b in [b, c] {
        let all = publishes(&mut b);
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(|p| p.topic == "a" && p.alias.is_none()));
    }
    // 3.1.1 has no aliases at all.
    let mut d = aliased(Version::V311, 64);
    d.connect(false, Properties::EMPTY);
    let _ = d.publish("a", b"1", QoS::AtMostOnce).unwrap();
    let _ = d.publish("a", b"2", QoS::AtMostOnce).unwrap();
    assert!(publishes(&mut d).iter().all(|p| p.alias.is_none()));
}

#[cfg(feature = "v5")]
#[test]
fn topics_that_do_not_fit_the_storage_go_in_full() {
    // 4 + 3 bytes: room for "abc", not for "abcd" as well.
    let mut b = aliased(Version::V5, 9);
    b.connect(false, props(MAX2));
    let _ = b.publish("abc", b"", QoS::AtMostOnce).unwrap();
    let _ = b.publish("abcd", b"", QoS::AtMostOnce).unwrap();
    let _ = b.publish("abcd", b"", QoS::AtMostOnce).unwrap();
    let _ = b.publish("abc", b"", QoS::AtMostOnce).unwrap();
    assert_eq!(
        publishes(&mut b),
        [
            out("abc", Some(1), 0, false, b""),
            out("abcd", None, 0, false, b""),
            out("abcd", None, 0, false, b""),
            out("", Some(1), 0, false, b""),
        ]
    );
}

#[cfg(feature = "v5")]
#[test]
fn an_explicit_alias_stays_refused() {
    let mut b = aliased(Version::V5, 64);
    b.connect(false, props(MAX2));
    let p = [Property::TopicAlias(1)];
    let msg = Publication::new("a", b"x").properties(Properties::from_slice(&p));
    assert_eq!(
        b.client.publish(&mut b.conn, &msg, b.now),
        Err(Error::Encode(crate::wire::Error::PropertyNotAllowed))
    );
    assert_eq!(
        b.client.queue_publish(&msg),
        Err(Error::Encode(crate::wire::Error::PropertyNotAllowed))
    );
}

#[cfg(feature = "v5")]
#[cfg(feature = "qos2")]
#[test]
fn aliases_end_with_the_connection_and_retransmissions_carry_the_full_topic() {
    let mut b = Bench::with_client(
        Version::V5,
        256,
        256,
        512,
        |mut o| {
            o.clean_start = false;
            o.session_expiry = 600;
            o
        },
        |c| c.with_outgoing_topic_aliases(leak(64)),
    );
    b.connect(false, props(MAX2));
    let one = b
        .publish("s/1", b"a", QoS::AtLeastOnce)
        .unwrap()
        .id
        .unwrap();
    let two = b
        .publish("s/1", b"b", QoS::ExactlyOnce)
        .unwrap()
        .id
        .unwrap();
    assert_eq!(
        publishes(&mut b),
        [
            out("s/1", Some(1), 1, false, b"a"),
            out("", Some(1), 2, false, b"b"),
        ]
    );
    b.drop_connection();
    b.events();
    // Queued while offline: stored with its full topic.
    b.client
        .queue_publish(&Publication::new("s/1", b"c").qos(QoS::AtLeastOnce))
        .unwrap();

    // Resumed session, aliases allowed again: the two retransmissions go with DUP and the
    // full topic, no alias (the old connection's aliases are gone); the queued message is
    // a first send on this connection and defines alias 1 anew.
    b.connect(true, props(MAX2));
    assert_eq!(b.client.outgoing_topic_aliases(), 1);
    assert_eq!(
        publishes(&mut b),
        [
            out("s/1", None, 1, true, b"a"),
            out("s/1", None, 2, true, b"b"),
            out("s/1", Some(1), 1, false, b"c"),
        ]
    );
    b.feed_repr(Repr::PubAck(Ack::new(one)));
    b.feed_repr(Repr::PubRec(Ack::new(two)));
    b.feed_repr(Repr::PubComp(Ack::new(two)));
    let _ = b.publish("s/1", b"d", QoS::AtMostOnce).unwrap();
    assert_eq!(publishes(&mut b), [out("", Some(1), 0, false, b"d")]);

    // A new session where the broker allows no alias: full topics only.
    b.drop_connection();
    b.events();
    b.connect(false, Properties::EMPTY);
    let again = publishes(&mut b);
    assert_eq!(again, [out("s/1", None, 1, false, b"c")], "requeued");
    let _ = b.publish("s/1", b"e", QoS::AtMostOnce).unwrap();
    assert_eq!(publishes(&mut b), [out("s/1", None, 0, false, b"e")]);
    assert_eq!(b.client.outgoing_topic_aliases(), 0);
}

#[cfg(feature = "v5")]
#[test]
fn a_definition_over_the_broker_maximum_packet_size_goes_without_alias() {
    // PUBLISH QoS 0 "abc", payload "xy": 1 + 1 + (2 + 3) + 1 (no properties) + 2 = 10
    // bytes; defining the alias adds 3 bytes of property.
    let limits = [
        Property::TopicAliasMaximum(2),
        Property::MaximumPacketSize(10),
    ];
    let mut b = aliased(Version::V5, 64);
    b.connect(false, Properties::from_slice(&limits));
    let _ = b.publish("abc", b"xy", QoS::AtMostOnce).unwrap();
    assert_eq!(publishes(&mut b), [out("abc", None, 0, false, b"xy")]);
    assert_eq!(b.client.outgoing_topic_aliases(), 0);
}

#[cfg(feature = "v5")]
#[test]
fn stored_first_send_over_a_wrapping_ring_goes_without_alias() {
    // A 32-byte ring: the QoS 0 message fills it to offset 25, so the QoS 1 packet that
    // follows wraps; it is sent from the store as stored (full topic), still correctly.
    let mut b = Bench::with_client(
        Version::V5,
        32,
        256,
        512,
        |o| o,
        |c| c.with_outgoing_topic_aliases(leak(64)),
    );
    b.connect(false, props(MAX2));
    b.out();
    b.conn.space = 0;
    let _ = b.publish("t", &[7; 18], QoS::AtMostOnce).unwrap();
    b.conn.space = 25;
    b.client.poll(&mut b.conn, b.now);
    b.conn.space = 0;
    let _ = b.publish("t", b"later", QoS::AtLeastOnce).unwrap();
    b.conn.space = usize::MAX;
    b.client.poll(&mut b.conn, b.now);
    let all = publishes(&mut b);
    assert_eq!(all[0], out("t", Some(1), 0, false, &[7; 18]));
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].payload, b"later");
    assert!(
        all[1] == out("", Some(1), 1, false, b"later")
            || all[1] == out("t", None, 1, false, b"later"),
        "{all:?}"
    );
}

// ---- incoming ------------------------------------------------------------------------

#[cfg(feature = "v5")]
fn accepting(max: u16, storage: usize) -> Bench {
    let mut b = Bench::with_client(
        Version::V5,
        256,
        256,
        512,
        |o| o,
        |c| c.with_incoming_topic_aliases(leak(storage), max),
    );
    b.connect(false, Properties::EMPTY);
    b
}

fn aliased_in<'a>(topic: &'a str, alias: &'a [Property<'a>], payload: &'a [u8]) -> Repr<'a> {
    Repr::Publish(Publish {
        topic,
        properties: Properties::from_slice(alias),
        payload,
        ..Publish::default()
    })
}

fn start(topic: &str, len: usize) -> Ev {
    Ev::Start {
        topic: topic.into(),
        len,
        qos: 0,
    }
}

#[cfg(feature = "v5")]
#[test]
fn connect_advertises_the_maximum_only_with_storage() {
    let mut b = Bench::with_client(
        Version::V5,
        256,
        256,
        512,
        |o| o,
        |c| c.with_incoming_topic_aliases(leak(32), 3),
    );
    b.client.connected(&mut b.conn, b.now);
    let [Pkt::Connect { props, .. }] = &b.out()[..] else {
        panic!()
    };
    assert!(props.contains(&"TopicAliasMaximum(3)".into()), "{props:?}");
    for f in [
        |c: TestClient| c.with_incoming_topic_aliases(leak(0), 3),
        |c: TestClient| c.with_incoming_topic_aliases(leak(32), 0),
        |c: TestClient| c,
    ] {
        let mut b = Bench::with_client(Version::V5, 256, 256, 512, |o| o, f);
        b.client.connected(&mut b.conn, b.now);
        let [Pkt::Connect { props, .. }] = &b.out()[..] else {
            panic!()
        };
        assert!(!props.iter().any(|p| p.contains("TopicAlias")), "{props:?}");
    }
}

#[cfg(feature = "v5")]
#[test]
fn incoming_aliases_are_resolved_and_redefined() {
    let mut b = accepting(2, 64);
    let one = [Property::TopicAlias(1)];
    let two = [Property::TopicAlias(2)];
    b.feed_repr(aliased_in("x/y", &one, b"a"));
    b.feed_repr(aliased_in("", &one, b"bb"));
    b.feed_repr(aliased_in("z", &two, b""));
    b.feed_repr(aliased_in("", &two, b"c"));
    b.feed_repr(aliased_in("w/v", &one, b"d")); // redefined
    b.feed_repr(aliased_in("", &one, b"e"));
    b.feed_repr(aliased_in("", &two, b"f"));
    let starts: Vec<_> = b
        .events()
        .into_iter()
        .filter(|e| matches!(e, Ev::Start { .. }))
        .collect();
    assert_eq!(
        starts,
        [
            start("x/y", 1),
            start("x/y", 2),
            start("z", 0),
            start("z", 1),
            start("w/v", 1),
            start("w/v", 1),
            start("z", 1),
        ]
    );
    assert!(b.client.is_connected());
}

#[cfg(feature = "v5")]
#[test]
fn incoming_alias_resolved_for_a_streamed_publish() {
    // A 32-byte receive buffer: the payload arrives in fragments after the header.
    let mut b = Bench::with_client(
        Version::V5,
        256,
        32,
        512,
        |o| o,
        |c| c.with_incoming_topic_aliases(leak(32), 1),
    );
    b.connect(false, Properties::EMPTY);
    let one = [Property::TopicAlias(1)];
    b.feed_repr(aliased_in("big", &one, b"x"));
    let payload = [9u8; 100];
    let bytes = bytes(aliased_in("", &one, &payload), Version::V5);
    for chunk in bytes.chunks(7) {
        assert_eq!(b.feed(chunk), chunk.len());
    }
    let events = b.events();
    assert_eq!(events[2], start("big", 100), "{events:?}");
    let got: Vec<u8> = events[3..]
        .iter()
        .flat_map(|e| match e {
            Ev::Data(d, _) => d.clone(),
            _ => panic!("{e:?}"),
        })
        .collect();
    assert_eq!(got, payload);
}

#[cfg(feature = "v5")]
/// Feeds `input` to a client accepting 2 aliases with "t" defined as 1 and checks the
/// protocol error, the DISCONNECT reason and the close.
fn refused(input: &[u8], want: ProtocolError, reason: u8, storage: usize) {
    let mut b = accepting(2, storage);
    let one = [Property::TopicAlias(1)];
    b.feed_repr(aliased_in("t", &one, b""));
    b.events();
    assert_eq!(b.feed(input), input.len());
    assert_eq!(b.events(), [Ev::Disconnected(Disconnected::Protocol(want))]);
    let out = b.out();
    assert_eq!(out, [Pkt::Disconnect(want.reason())]);
    assert_eq!(want.reason().to_u8(), reason);
    assert!(b.conn.closed && !b.client.is_connected());
}

#[cfg(feature = "v5")]
#[test]
fn invalid_incoming_aliases() {
    let invalid = ProtocolError::TopicAliasInvalid;
    // Alias 0 (PUBLISH QoS 0, topic "t", properties 23 00 00).
    refused(&[0x30, 7, 0, 1, b't', 3, 0x23, 0, 0], invalid, 0x94, 64);
    // Above the maximum (3 > 2), defining or using.
    refused(
        &bytes(
            aliased_in("u", &[Property::TopicAlias(3)], b""),
            Version::V5,
        ),
        invalid,
        0x94,
        64,
    );
    refused(
        &bytes(aliased_in("", &[Property::TopicAlias(3)], b""), Version::V5),
        invalid,
        0x94,
        64,
    );
    // Within the maximum but never defined.
    refused(
        &bytes(aliased_in("", &[Property::TopicAlias(2)], b""), Version::V5),
        invalid,
        0x94,
        64,
    );
    // A definition that does not fit the storage: 5 bytes used by "t", 3 left.
    refused(
        &bytes(
            aliased_in("long/topic", &[Property::TopicAlias(2)], b""),
            Version::V5,
        ),
        ProtocolError::TopicAliasStorageFull,
        0x97,
        8,
    );
}

#[cfg(feature = "v5")]
#[test]
fn any_incoming_alias_is_invalid_without_storage_and_after_a_reconnect() {
    let mut b = Bench::connected(Version::V5);
    b.feed_repr(aliased_in("t", &[Property::TopicAlias(1)], b""));
    assert_eq!(
        b.events(),
        [Ev::Disconnected(Disconnected::Protocol(
            ProtocolError::TopicAliasInvalid
        ))]
    );
    // Defined on one connection, used on the next: not defined there.
    let mut b = accepting(2, 64);
    b.feed_repr(aliased_in("t", &[Property::TopicAlias(1)], b""));
    b.drop_connection();
    b.events();
    b.connect(false, Properties::EMPTY);
    b.events();
    b.feed_repr(aliased_in("", &[Property::TopicAlias(1)], b""));
    assert_eq!(
        b.events(),
        [Ev::Disconnected(Disconnected::Protocol(
            ProtocolError::TopicAliasInvalid
        ))]
    );
}
