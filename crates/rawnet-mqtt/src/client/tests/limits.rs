//! The broker's limits are those of the latest CONNACK: stored and queued messages that
//! no longer fit them get a specific error (never dropped silently), and resends after a
//! reconnect respect the new Receive Maximum.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;

#[cfg(feature = "v5")]
fn persistent() -> Bench {
    let mut b = Bench::with(Version::V5, 256, 256, 1024, |mut o| {
        o.clean_start = false;
        o.session_expiry = 600;
        o
    });
    b.connect(false, Properties::EMPTY);
    b.out();
    b
}

#[cfg(feature = "qos2")]
fn queue(b: &mut Bench, payload: &'static [u8], qos: QoS, retain: bool) -> u16 {
    let msg = Publication::new("t", payload).qos(qos).retain(retain);
    b.client.queue_publish(&msg).unwrap().map_or(0, |i| i.get())
}

fn sent(b: &mut Bench, payload: &[u8], qos: QoS) -> u16 {
    b.publish("t", payload, qos).unwrap().id.unwrap().get()
}

fn publish_pkt(payload: &[u8], qos: u8, id: u16, dup: bool) -> Pkt {
    Pkt::Publish {
        topic: "t".into(),
        payload: payload.to_vec(),
        qos,
        id,
        dup,
        retain: false,
    }
}

#[cfg(feature = "v5")]
#[cfg(feature = "qos2")]
#[test]
fn messages_over_the_new_maximum_packet_size_fail_with_a_specific_error() {
    let mut b = persistent();
    // In flight on the first connection (no limit then): 40 and 10 payload bytes.
    let big = sent(&mut b, &[1; 40], QoS::AtLeastOnce);
    let small = sent(&mut b, b"0123456789", QoS::ExactlyOnce);
    b.out();
    b.drop_connection();
    b.events();
    // Queued while offline: QoS 0 big, QoS 1 small.
    queue(&mut b, &[3; 40], QoS::AtMostOnce, false);
    let queued = queue(&mut b, b"ok", QoS::AtLeastOnce, false);
    assert_eq!(b.client.in_flight(), 4);

    // The next broker takes packets of 30 bytes at most: the 40-byte payloads (46 and 48
    // bytes) cannot go; the others (18 and 10 bytes) do.
    b.connect(true, props(&[Property::MaximumPacketSize(30)]));
    assert_eq!(
        b.events(),
        [
            Ev::Published(big, Err(RequestError::PacketTooLarge)),
            Ev::Published(0, Err(RequestError::PacketTooLarge)),
        ]
    );
    assert_eq!(
        b.out(),
        [
            publish_pkt(b"0123456789", 2, small, true),
            publish_pkt(b"ok", 1, queued, false),
        ]
    );
    assert_eq!(b.client.in_flight(), 2);
    b.feed_repr(Repr::PubRec(ack(small)));
    b.feed_repr(Repr::PubComp(ack(small)));
    b.feed_repr(Repr::PubAck(ack(queued)));
    assert_eq!(
        b.events(),
        [
            Ev::Published(small, Ok(ReasonCode::Success)),
            Ev::Published(queued, Ok(ReasonCode::Success)),
        ]
    );
    assert_eq!((b.client.in_flight(), b.client.store_used()), (0, 0));
}

#[cfg(feature = "v5")]
#[cfg(feature = "qos2")]
#[test]
fn queued_messages_over_the_new_maximum_qos_or_retain_fail_with_a_specific_error() {
    let mut b = persistent();
    b.drop_connection();
    b.events();
    let two = queue(&mut b, b"2", QoS::ExactlyOnce, false);
    let kept = queue(&mut b, b"r", QoS::AtLeastOnce, true);
    let fine = queue(&mut b, b"1", QoS::AtLeastOnce, false);
    let limits = [
        Property::MaximumQos(QoS::AtLeastOnce),
        Property::RetainAvailable(false),
    ];
    b.connect(false, Properties::from_slice(&limits));
    assert_eq!(
        b.events(),
        [
            Ev::Published(two, Err(RequestError::QosNotSupported)),
            Ev::Published(kept, Err(RequestError::RetainNotSupported)),
        ]
    );
    assert_eq!(b.out(), [publish_pkt(b"1", 1, fine, false)]);
}

#[cfg(feature = "v5")]
#[test]
fn resends_after_a_reconnect_respect_the_new_receive_maximum() {
    let mut b = persistent();
    let ids: Vec<u16> = (0..3u8)
        .map(|i| sent(&mut b, &[b'a' + i], QoS::AtLeastOnce))
        .collect();
    assert_eq!(b.out().len(), 3, "no limit on the first connection");
    b.drop_connection();
    b.events();
    b.connect(true, props(&[Property::ReceiveMaximum(1)]));
    assert_eq!(
        b.out(),
        [publish_pkt(b"a", 1, ids[0], true)],
        "one at a time"
    );
    // A new message waits behind the resends.
    let new = sent(&mut b, b"d", QoS::AtLeastOnce);
    assert_eq!(b.out(), []);
    b.feed_repr(Repr::PubAck(ack(ids[0])));
    assert_eq!(b.out(), [publish_pkt(b"b", 1, ids[1], true)]);
    b.feed_repr(Repr::PubAck(ack(ids[1])));
    assert_eq!(b.out(), [publish_pkt(b"c", 1, ids[2], true)]);
    b.feed_repr(Repr::PubAck(ack(ids[2])));
    assert_eq!(b.out(), [publish_pkt(b"d", 1, new, false)]);
    b.feed_repr(Repr::PubAck(ack(new)));
    assert_eq!(b.events().len(), 4);
    assert_eq!(b.client.in_flight(), 0);
}
