//! A hostile broker: each violation gets a specific error, the connection is closed (with
//! DISCONNECT and a reason in 5.0), and no QoS 1 / 2 message is lost. Nothing panics.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;
use proptest::prelude::*;

#[cfg(feature = "v5")]
/// A connected 5.0 client with one QoS 1 message in flight.
fn bench_with_message() -> (Bench, u16) {
    let mut b = Bench::connected(Version::V5);
    let id = b
        .publish("keep", b"me", QoS::AtLeastOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    b.out();
    (b, id)
}

#[cfg(feature = "v5")]
fn check(input: &[u8], want: ProtocolError) {
    let (mut b, _) = bench_with_message();
    assert_eq!(b.feed(input), input.len(), "{want:?}: input drained");
    assert_eq!(
        b.events(),
        [Ev::Disconnected(Disconnected::Protocol(want))],
        "{input:02x?}"
    );
    assert_eq!(b.out(), [Pkt::Disconnect(want.reason())], "{want:?}");
    assert!(b.conn.closed);
    assert!(!b.client.is_connected());
    assert_eq!(
        b.client.in_flight(),
        1,
        "{want:?}: the QoS 1 message is kept"
    );
    // And it goes out again on the next connection.
    b.connect(true, Properties::EMPTY);
    let out = b.out();
    assert!(
        matches!(&out[..], [Pkt::Publish { dup: true, .. }]),
        "{want:?}: {out:?}"
    );
}

#[cfg(feature = "v5")]
#[test]
fn malformed_packet() {
    // PUBLISH QoS 3.
    check(
        &[0x36, 3, 0, 1, b'a'],
        ProtocolError::Malformed(crate::wire::Error::InvalidQos),
    );
    // Reserved packet type 0.
    check(
        &[0x00, 0],
        ProtocolError::Malformed(crate::wire::Error::ReservedPacketType),
    );
}

#[cfg(feature = "v5")]
#[test]
fn packets_not_allowed_now() {
    use crate::wire::PacketType as T;
    check(&[0x20, 3, 0, 0, 0], ProtocolError::Unexpected(T::ConnAck)); // CONNACK twice
    check(&[0xc0, 0], ProtocolError::Unexpected(T::PingReq));
    check(
        &[0x82, 7, 0, 1, 0, 0, 1, b'a', 0],
        ProtocolError::Unexpected(T::Subscribe),
    );
    check(&[0xf0, 0], ProtocolError::AuthNotSupported);
}

#[cfg(feature = "v5")]
#[cfg(feature = "qos2")]
#[test]
fn unknown_packet_ids_and_wrong_acks() {
    use crate::wire::PacketType as T;
    check(
        &[0x40, 2, 0x12, 0x34],
        ProtocolError::UnknownPacketId(T::PubAck, id(0x1234)),
    );
    // The right id but the wrong ack for a QoS 1 message.
    check(
        &[0x50, 2, 0, 1],
        ProtocolError::UnknownPacketId(T::PubRec, id(1)),
    );
    check(
        &[0x70, 2, 0, 1],
        ProtocolError::UnknownPacketId(T::PubComp, id(1)),
    );
    check(
        &[0x90, 4, 0, 1, 0, 0],
        ProtocolError::UnknownPacketId(T::SubAck, id(1)),
    );
}

#[cfg(feature = "v5")]
#[test]
fn too_large_and_topic_alias() {
    // A PINGRESP claiming 2000 bytes (receive buffer: 256).
    check(&[0xd0, 0xd0, 0x0f], ProtocolError::TooLarge);
    let alias = [Property::TopicAlias(1)];
    let p = Repr::Publish(Publish {
        topic: "a",
        properties: Properties::from_slice(&alias),
        payload: b"x",
        ..Publish::default()
    });
    check(&bytes(p, Version::V5), ProtocolError::TopicAliasInvalid);
}

#[cfg(feature = "v5")]
#[test]
fn wrong_number_of_suback_codes() {
    let mut b = Bench::connected(Version::V5);
    let s = crate::wire::Subscription {
        filter: "a",
        options: crate::wire::SubscriptionOptions::qos(QoS::AtMostOnce),
    };
    let sid = b
        .client
        .subscribe(&mut b.conn, &[s, s], b.now)
        .unwrap()
        .get();
    b.out();
    b.feed_repr(suback(sid, &[ReasonCode::Success]));
    assert_eq!(
        b.events(),
        [
            Ev::Subscribed(sid, Err(RequestError::ConnectionLost)),
            Ev::Disconnected(Disconnected::Protocol(ProtocolError::ReasonCount))
        ]
    );
}

#[test]
fn publish_before_connack_and_3_1_1_closes_without_disconnect() {
    let mut b = Bench::new(Version::V311);
    b.client.connected(&mut b.conn, b.now);
    b.out();
    b.feed_repr(publish_in("a", b"x", PublishQos::AtMostOnce));
    assert_eq!(
        b.events(),
        [Ev::Disconnected(Disconnected::Protocol(
            ProtocolError::Unexpected(crate::wire::PacketType::Publish)
        ))]
    );
    assert_eq!(
        b.out(),
        [],
        "3.1.1 has no DISCONNECT from the client for errors"
    );
    assert!(b.conn.closed);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Arbitrary broker bytes in arbitrary pieces, after CONNACK: no panic, every byte is
    /// either taken or the connection is over, and QoS 1 messages are never dropped (and
    /// everything the client writes parses: `Bench::out` checks).
    #[test]
    fn arbitrary_broker_bytes_never_panic(
        data in proptest::collection::vec(any::<u8>(), 0..400),
        cuts in proptest::collection::vec(1usize..50, 1..20),
        v5 in any::<bool>(),
    ) {
        let versions = crate::wire::TEST_VERSIONS;
        let version = versions[usize::from(v5) % versions.len()];
        // Topic aliases both ways (5.0): the broker's are resolved, ours defined and used.
        let mut b = Bench::with_client(version, 256, 256, 512, |o| o, |c| {
            c.with_incoming_topic_aliases(leak(64), 4)
                .with_outgoing_topic_aliases(leak(64))
        });
        let limits = [Property::TopicAliasMaximum(4)];
        let limits = if version.is_v5() { &limits[..] } else { &[] };
        b.connect(false, Properties::from_slice(limits));
        let id = b.publish("keep", b"me", QoS::AtLeastOnce).unwrap().id.unwrap().get();
        let _ = b.publish("keep", b"again", QoS::AtMostOnce).unwrap();
        let mut at = 0;
        let mut cut = cuts.iter().cycle();
        let mut stalls = 0;
        while at < data.len() && stalls < 3 {
            let end = (at + cut.next().unwrap()).min(data.len());
            let n = b.feed(&data[at..end]);
            if n == 0 { stalls += 1; b.conn.space = usize::MAX; b.client.sent(&mut b.conn, 0, b.now); }
            at += n;
            b.advance(100);
            b.out(); // parses whatever the client wrote, or panics
        }
        let acked = b.events().contains(&Ev::Published(id, Ok(ReasonCode::Success)));
        prop_assert!(acked || b.client.in_flight() >= 1);
    }
}
