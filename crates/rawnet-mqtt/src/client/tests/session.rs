//! Persistent sessions, the broker's Receive Maximum, the offline queue.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;

fn publish_pkt(topic: &str, payload: &[u8], qos: u8, id: u16, dup: bool) -> Pkt {
    Pkt::Publish {
        topic: topic.into(),
        payload: payload.to_vec(),
        qos,
        id,
        dup,
        retain: false,
    }
}

#[cfg(feature = "qos2")]
fn persistent(version: Version) -> Bench {
    let mut b = Bench::with(version, 256, 256, 512, |mut o| {
        o.clean_start = false;
        o.session_expiry = 600;
        o
    });
    b.connect(false, Properties::EMPTY);
    b
}

#[cfg(feature = "qos2")]
#[test]
fn unacked_messages_are_resent_with_dup_when_the_session_is_resumed() {
    for &version in crate::wire::TEST_VERSIONS {
        let mut b = persistent(version);
        let one = b
            .publish("q/1", b"one", QoS::AtLeastOnce)
            .unwrap()
            .id
            .unwrap()
            .get();
        let two = b
            .publish("q/2", b"two", QoS::ExactlyOnce)
            .unwrap()
            .id
            .unwrap()
            .get();
        let three = b
            .publish("q/2", b"three", QoS::ExactlyOnce)
            .unwrap()
            .id
            .unwrap()
            .get();
        b.feed_repr(Repr::PubRec(ack(three))); // released
        b.out();
        b.drop_connection();
        assert_eq!(
            b.events(),
            [Ev::Transport, Ev::Disconnected(Disconnected::Transport)]
        );
        assert_eq!(b.client.in_flight(), 3, "{version:?}: nothing lost");

        b.connect(true, Properties::EMPTY);
        assert_eq!(
            b.out(),
            [
                publish_pkt("q/1", b"one", 1, one, true),
                publish_pkt("q/2", b"two", 2, two, true),
                Pkt::PubRel(three),
            ],
            "{version:?}"
        );
        b.feed_repr(Repr::PubAck(ack(one)));
        b.feed_repr(Repr::PubRec(ack(two)));
        b.feed_repr(Repr::PubComp(ack(three)));
        b.feed_repr(Repr::PubComp(ack(two)));
        assert_eq!(b.out(), [Pkt::PubRel(two)]);
        assert_eq!(
            b.events(),
            [
                Ev::Published(one, Ok(ReasonCode::Success)),
                Ev::Published(three, Ok(ReasonCode::Success)),
                Ev::Published(two, Ok(ReasonCode::Success)),
            ]
        );
        assert_eq!((b.client.in_flight(), b.client.store_used()), (0, 0));
    }
}

#[cfg(feature = "qos2")]
#[test]
fn a_new_session_requeues_stored_messages_as_new() {
    let mut b = persistent(Version::V311);
    let one = b
        .publish("q", b"one", QoS::AtLeastOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    let two = b
        .publish("q", b"two", QoS::ExactlyOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    b.feed_repr(Repr::PubRec(ack(two)));
    b.out();
    b.drop_connection();
    b.events();
    // First a resumed session resends with DUP...
    b.connect(true, Properties::EMPTY);
    assert_eq!(
        b.out(),
        [publish_pkt("q", b"one", 1, one, true), Pkt::PubRel(two)]
    );
    b.drop_connection();
    b.events();
    // ...then the broker lost the session: the message is new again (no DUP), and the
    // released QoS 2 message is complete (the broker had it).
    b.connect(false, Properties::EMPTY);
    assert_eq!(b.out(), [publish_pkt("q", b"one", 1, one, false)]);
    assert_eq!(b.events(), [Ev::Published(two, Ok(ReasonCode::Success))]);
}

#[cfg(feature = "qos2")]
#[test]
fn incoming_qos2_state_survives_a_resumed_session_only() {
    let mut b = persistent(Version::V311);
    b.feed_repr(publish_in("c", b"x", PublishQos::ExactlyOnce(id(6))));
    b.out();
    b.drop_connection();
    b.events();
    b.connect(true, Properties::EMPTY);
    // The broker resends the PUBLISH (it missed our PUBREC): a duplicate.
    b.feed_repr(publish_in("c", b"x", PublishQos::ExactlyOnce(id(6))));
    assert_eq!(b.events(), [], "not delivered twice across the reconnect");
    assert_eq!(b.out(), [Pkt::PubRec(6)]);
    b.drop_connection();
    b.events();
    b.connect(false, Properties::EMPTY);
    assert_eq!(b.client.incoming_qos2(), 0, "a new session forgets it");
}

#[cfg(feature = "v5")]
#[test]
fn broker_receive_maximum_holds_messages_back() {
    let mut b = Bench::new(Version::V5);
    b.connect(false, props(&[Property::ReceiveMaximum(1)]));
    let one = b
        .publish("t", b"1", QoS::AtLeastOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    let two = b
        .publish("t", b"2", QoS::AtLeastOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    assert_eq!(b.out(), [publish_pkt("t", b"1", 1, one, false)]);
    b.feed_repr(Repr::PubAck(ack(one)));
    assert_eq!(b.out(), [publish_pkt("t", b"2", 1, two, false)]);
}

#[test]
fn offline_queue_leaves_after_connack_in_order() {
    let mut b = Bench::new(Version::V311);
    let a = b
        .client
        .queue_publish(&Publication::new("t", b"a"))
        .unwrap();
    let q = Publication::new("t", b"b").qos(QoS::AtLeastOnce);
    let id = b.client.queue_publish(&q).unwrap().unwrap().get();
    assert_eq!(a, None);
    b.connect(false, Properties::EMPTY);
    assert_eq!(
        b.out(),
        [
            publish_pkt("t", b"a", 0, 0, false),
            publish_pkt("t", b"b", 1, id, false)
        ]
    );
    assert_eq!(b.events(), [Ev::Published(0, Ok(ReasonCode::Success))]);
}

#[test]
fn offline_queue_full_refuses_or_drops_oldest() {
    let payload = [0u8; 100];
    let msg = Publication::new("t", &payload).qos(QoS::AtLeastOnce);
    let mut b = Bench::with(Version::V311, 256, 256, 250, |o| o);
    b.client.queue_publish(&msg).unwrap();
    b.client.queue_publish(&msg).unwrap();
    assert_eq!(b.client.queue_publish(&msg), Err(Error::StoreFull));
    assert_eq!(b.events(), [], "refused, nothing dropped");

    let mut b = Bench::with(Version::V311, 256, 256, 250, |mut o| {
        o.queue_full = QueueFull::DropOldest;
        o
    });
    let first = b.client.queue_publish(&msg).unwrap().unwrap().get();
    b.client.queue_publish(&msg).unwrap();
    b.client.queue_publish(&msg).unwrap();
    assert_eq!(
        b.events(),
        [Ev::Published(first, Err(RequestError::Dropped))],
        "never silent"
    );
    assert_eq!(b.client.in_flight(), 2);
}
