//! Incoming PUBLISH: delivery in fragments, acknowledgements, exactly once.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;

fn start(topic: &str, len: usize, qos: u8) -> Ev {
    Ev::Start {
        topic: topic.into(),
        len,
        qos,
    }
}

#[cfg(feature = "qos2")]
#[test]
fn qos0_1_2_delivered_and_acknowledged() {
    let mut b = Bench::connected(Version::V311);
    b.feed_repr(publish_in("a", b"zero", PublishQos::AtMostOnce));
    b.feed_repr(publish_in("b", b"one", PublishQos::AtLeastOnce(id(5))));
    b.feed_repr(publish_in("c", b"", PublishQos::ExactlyOnce(id(6))));
    assert_eq!(
        b.events(),
        [
            start("a", 4, 0),
            Ev::Data(b"zero".to_vec(), true),
            start("b", 3, 1),
            Ev::Data(b"one".to_vec(), true),
            start("c", 0, 2),
            Ev::Data(vec![], true),
        ]
    );
    assert_eq!(b.out(), [Pkt::PubAck(5), Pkt::PubRec(6)]);
    assert_eq!(b.client.incoming_qos2(), 1);
    b.feed_repr(Repr::PubRel(ack(6)));
    assert_eq!(b.out(), [Pkt::PubComp(6)]);
    assert_eq!(b.client.incoming_qos2(), 0);
    // A PUBREL for an identifier not held is still answered ([MQTT-4.3.3-13]).
    b.feed_repr(Repr::PubRel(ack(9)));
    assert_eq!(b.out(), [Pkt::PubComp(9)]);
}

#[cfg(feature = "qos2")]
#[test]
fn qos2_duplicates_are_not_delivered_twice() {
    let mut b = Bench::connected(Version::V311);
    let mut first = publish_in("c", b"once", PublishQos::ExactlyOnce(id(6)));
    b.feed_repr(first);
    if let Repr::Publish(p) = &mut first {
        p.dup = true;
    }
    b.feed_repr(first);
    assert_eq!(
        b.events(),
        [start("c", 4, 2), Ev::Data(b"once".to_vec(), true)]
    );
    assert_eq!(b.out(), [Pkt::PubRec(6), Pkt::PubRec(6)], "both answered");
    b.feed_repr(Repr::PubRel(ack(6)));
    b.feed_repr(first);
    assert_eq!(b.events().len(), 2, "after PUBREL the id is a new message");
}

#[test]
fn a_payload_larger_than_the_receive_buffer_arrives_in_fragments() {
    let mut b = Bench::with(Version::V311, 256, 32, 512, |o| o);
    b.connect(false, Properties::EMPTY);
    let payload: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
    let raw = bytes(
        publish_in("big", &payload, PublishQos::AtLeastOnce(id(3))),
        Version::V311,
    );
    let mut at = 0;
    for chunk in raw.chunks(97) {
        at += b.feed(chunk);
    }
    assert_eq!(at, raw.len());
    let ev = b.events();
    assert_eq!(ev[0], start("big", 1000, 1));
    let mut got = Vec::new();
    for (i, e) in ev[1..].iter().enumerate() {
        let Ev::Data(d, last) = e else {
            panic!("{e:?}")
        };
        assert_eq!(*last, i == ev.len() - 2, "last only on the last piece");
        got.extend_from_slice(d);
    }
    assert_eq!(got, payload);
    assert_eq!(b.out(), [Pkt::PubAck(3)], "acked after the last piece");
}

#[test]
fn input_waits_while_the_ring_cannot_hold_an_answer() {
    let mut b = Bench::with(Version::V311, 32, 64, 512, |o| o);
    b.connect(false, Properties::EMPTY);
    b.conn.space = 0;
    let _ = b.publish("t", &[9; 25], QoS::AtMostOnce).unwrap(); // 30 of 32 bytes
    let raw = bytes(
        publish_in("a", b"x", PublishQos::AtLeastOnce(id(1))),
        Version::V311,
    );
    assert_eq!(b.feed(&raw), 0, "no room for a PUBACK: nothing taken");
    assert_eq!(b.events(), []);
    b.conn.space = 100;
    b.client.sent(&mut b.conn, 0, b.now);
    assert_eq!(b.feed(&raw), raw.len());
    let out = b.out();
    assert_eq!(out.last(), Some(&Pkt::PubAck(1)));
}

#[cfg(feature = "v5")]
#[cfg(feature = "qos2")]
#[test]
fn receive_maximum_exceeded_by_the_broker() {
    let mut b = Bench::connected(Version::V5); // M = 2
    b.feed_repr(publish_in("a", b"1", PublishQos::ExactlyOnce(id(1))));
    b.feed_repr(publish_in("a", b"2", PublishQos::ExactlyOnce(id(2))));
    b.out();
    b.events();
    b.feed_repr(publish_in("a", b"3", PublishQos::ExactlyOnce(id(3))));
    assert_eq!(
        b.events(),
        [Ev::Disconnected(Disconnected::Protocol(
            ProtocolError::ReceiveMaximumExceeded
        ))]
    );
    assert_eq!(
        b.out(),
        [Pkt::Disconnect(ReasonCode::ReceiveMaximumExceeded)]
    );
}
