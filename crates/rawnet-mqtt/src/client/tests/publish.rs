//! Outgoing PUBLISH at every QoS, the output ring, streaming, subscribe and unsubscribe.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;

fn pubpkt(topic: &str, payload: &[u8], qos: u8, id: u16, dup: bool) -> Pkt {
    Pkt::Publish {
        topic: topic.into(),
        payload: payload.to_vec(),
        qos,
        id,
        dup,
        retain: false,
    }
}

#[test]
fn qos0_is_reported_once_its_bytes_left() {
    let mut b = Bench::connected(Version::V311);
    b.conn.space = 0;
    let p = b.publish("a/b", b"hi", QoS::AtMostOnce).unwrap();
    assert_eq!(
        p,
        Published {
            id: None,
            written: 2
        }
    );
    assert_eq!(b.events(), [], "still in the ring");
    assert_eq!(b.client.output_pending(), 9);
    b.conn.space = 4;
    b.client.sent(&mut b.conn, 0, b.now);
    assert_eq!(b.events(), [], "half out");
    b.conn.space = 100;
    b.client.poll(&mut b.conn, b.now);
    assert_eq!(b.events(), [Ev::Published(0, Ok(ReasonCode::Success))]);
    assert_eq!(b.out(), [pubpkt("a/b", b"hi", 0, 0, false)]);
}

#[test]
fn qos0_completion_across_the_byte_counters_wrapping() {
    // The ring's byte counters are u32 modulo 2^32: the 9-byte PUBLISH wraps them.
    let mut b = Bench::connected(Version::V311);
    b.client.s.pushed = u32::MAX - 4;
    b.client.s.written = u32::MAX - 4;
    b.conn.space = 0;
    let _ = b.publish("a/b", b"hi", QoS::AtMostOnce).unwrap();
    assert_eq!(b.client.s.pushed, 4, "wrapped");
    b.conn.space = 4;
    b.client.sent(&mut b.conn, 0, b.now);
    assert_eq!(b.events(), [], "4 of 9 out, not wrapped yet");
    b.conn.space = 3;
    b.client.sent(&mut b.conn, 0, b.now);
    assert_eq!(
        b.events(),
        [],
        "7 of 9 out, written wrapped, qos0_end not reached"
    );
    b.conn.space = 100;
    b.client.poll(&mut b.conn, b.now);
    assert_eq!(b.events(), [Ev::Published(0, Ok(ReasonCode::Success))]);
    assert_eq!(b.out(), [pubpkt("a/b", b"hi", 0, 0, false)]);
}

#[test]
fn qos1_completes_on_puback_and_frees_the_store() {
    let mut b = Bench::connected(Version::V311);
    let p = b.publish("a", b"one", QoS::AtLeastOnce).unwrap();
    let id = p.id.unwrap().get();
    assert_eq!(b.out(), [pubpkt("a", b"one", 1, id, false)]);
    assert!(b.client.store_used() > 0);
    b.feed_repr(Repr::PubAck(ack(id)));
    assert_eq!(b.events(), [Ev::Published(id, Ok(ReasonCode::Success))]);
    assert_eq!((b.client.in_flight(), b.client.store_used()), (0, 0));
}

#[cfg(feature = "qos2")]
#[test]
fn qos2_flow_pubrec_pubrel_pubcomp() {
    let mut b = Bench::connected(Version::V311);
    let id = b
        .publish("a", b"two", QoS::ExactlyOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    assert_eq!(b.out(), [pubpkt("a", b"two", 2, id, false)]);
    b.feed_repr(Repr::PubRec(ack(id)));
    assert_eq!(b.out(), [Pkt::PubRel(id)]);
    assert_eq!(b.client.store_used(), 0, "released: only the id is kept");
    assert_eq!(b.events(), []);
    b.feed_repr(Repr::PubComp(ack(id)));
    assert_eq!(b.events(), [Ev::Published(id, Ok(ReasonCode::Success))]);
    assert_eq!(b.client.in_flight(), 0);
}

#[cfg(feature = "v5")]
#[cfg(feature = "qos2")]
#[test]
fn reason_codes_on_acks_5() {
    let mut b = Bench::connected(Version::V5);
    let a = b
        .publish("a", b"1", QoS::AtLeastOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    let c = b
        .publish("a", b"2", QoS::ExactlyOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    b.out();
    let mut puback = ack(a);
    puback.reason = ReasonCode::NoMatchingSubscribers;
    b.feed_repr(Repr::PubAck(puback));
    let mut pubrec = ack(c);
    pubrec.reason = ReasonCode::QuotaExceeded;
    b.feed_repr(Repr::PubRec(pubrec));
    assert_eq!(
        b.events(),
        [
            Ev::Published(a, Ok(ReasonCode::NoMatchingSubscribers)),
            Ev::Published(c, Err(RequestError::Rejected(ReasonCode::QuotaExceeded))),
        ]
    );
    assert_eq!(b.out(), [], "no PUBREL after a failed PUBREC");
}

#[test]
fn bytes_leave_only_as_the_connection_takes_them() {
    let mut b = Bench::connected(Version::V311);
    b.conn.space = 5;
    let _ = b.publish("abc", b"0123456789", QoS::AtMostOnce).unwrap();
    assert_eq!(b.conn.out.len(), 5);
    // A message that fits the ring but not its free space now is refused whole.
    let big = [7u8; 240];
    assert_eq!(
        b.publish("abc", &big, QoS::AtMostOnce),
        Err(Error::OutputFull)
    );
    b.conn.space = 1000;
    b.client.sent(&mut b.conn, 5, b.now);
    assert_eq!(b.out(), [pubpkt("abc", b"0123456789", 0, 0, false)]);
    assert!(b.publish("abc", &big, QoS::AtMostOnce).is_ok());
}

#[cfg(feature = "streaming")]
#[test]
fn a_publish_larger_than_the_ring_is_streamed() {
    let mut b = Bench::connected(Version::V311);
    let payload: Vec<u8> = (0..2000u32).map(|i| (i * 7) as u8).collect();
    b.conn.space = 100;
    let p = b.publish("big/topic", &payload, QoS::AtMostOnce).unwrap();
    assert!(p.written < payload.len());
    let mut at = p.written;
    assert_eq!(b.publish("x", b"y", QoS::AtMostOnce), Err(Error::Busy));
    while at < payload.len() {
        b.conn.space = 100;
        b.client.sent(&mut b.conn, 100, b.now);
        at += b
            .client
            .write_payload(&mut b.conn, &payload[at..], b.now)
            .unwrap();
    }
    assert_eq!(b.client.payload_pending(), 0);
    b.conn.space = usize::MAX;
    b.client.poll(&mut b.conn, b.now);
    assert_eq!(b.out(), [pubpkt("big/topic", &payload, 0, 0, false)]);
    assert_eq!(b.events(), [Ev::Published(0, Ok(ReasonCode::Success))]);
    assert_eq!(
        b.client.write_payload(&mut b.conn, b"x", b.now),
        Err(Error::NoStream)
    );
}

#[cfg(feature = "streaming")]
#[test]
fn a_large_qos1_publish_streams_without_a_copy() {
    let mut b = Bench::connected(Version::V311);
    let payload = vec![1u8; 1000]; // larger than the 512-byte store and the ring
    let p = b.publish("t", &payload, QoS::AtLeastOnce).unwrap();
    let id = p.id.unwrap().get();
    let mut at = p.written;
    while at < payload.len() {
        at += b
            .client
            .write_payload(&mut b.conn, &payload[at..], b.now)
            .unwrap();
    }
    assert_eq!(b.out(), [pubpkt("t", &payload, 1, id, false)]);
    assert_eq!(b.client.store_used(), 0);
    // Lost before its PUBACK: it cannot be sent again, and the app is told so.
    b.drop_connection();
    let ev = b.events();
    assert!(
        ev.contains(&Ev::Published(id, Err(RequestError::NotStored))),
        "{ev:?}"
    );
}

#[test]
fn in_flight_requests_are_bounded() {
    let mut b = Bench::connected(Version::V311);
    for _ in 0..4 {
        let _ = b.publish("t", b"x", QoS::AtLeastOnce).unwrap();
    }
    assert_eq!(
        b.publish("t", b"x", QoS::AtLeastOnce),
        Err(Error::TooManyRequests)
    );
    assert_eq!(
        b.client.subscribe(&mut b.conn, &[sub("a")], b.now),
        Err(Error::TooManyRequests)
    );
    assert!(
        b.publish("t", b"x", QoS::AtMostOnce).is_ok(),
        "QoS 0 needs no record"
    );
}

fn sub(filter: &str) -> crate::wire::Subscription<'_> {
    crate::wire::Subscription {
        filter,
        options: crate::wire::SubscriptionOptions::qos(QoS::AtLeastOnce),
    }
}

#[test]
fn subscribe_and_unsubscribe_several_topics() {
    let mut b = Bench::connected(Version::V311);
    let s = b
        .client
        .subscribe(&mut b.conn, &[sub("a/+"), sub("b/#")], b.now)
        .unwrap()
        .get();
    assert_eq!(
        b.out(),
        [Pkt::Subscribe(s, vec!["a/+".into(), "b/#".into()])]
    );
    b.feed_repr(suback(
        s,
        &[ReasonCode::GrantedQos1, ReasonCode::UnspecifiedError],
    ));
    assert_eq!(
        b.events(),
        [Ev::Subscribed(
            s,
            Ok(vec![ReasonCode::GrantedQos1, ReasonCode::UnspecifiedError])
        )]
    );
    let u = b
        .client
        .unsubscribe(&mut b.conn, &["a/+", "b/#"], b.now)
        .unwrap()
        .get();
    assert_eq!(
        b.out(),
        [Pkt::Unsubscribe(u, vec!["a/+".into(), "b/#".into()])]
    );
    b.feed_repr(unsuback(u, &[]));
    assert_eq!(b.events(), [Ev::Unsubscribed(u, Ok(vec![]))]);
    assert_eq!(b.client.in_flight(), 0);
}

#[test]
fn request_timeout_fails_the_request_and_closes() {
    let mut b = Bench::connected(Version::V311);
    let s = b
        .client
        .subscribe(&mut b.conn, &[sub("a")], b.now)
        .unwrap()
        .get();
    let p = b
        .publish("t", b"x", QoS::AtLeastOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    b.out();
    for _ in 0..8 {
        b.advance(1_000);
        b.feed(&[0xd0, 0]); // the broker answers pings, not the requests
    }
    let ev = b.events();
    assert_eq!(
        ev,
        [
            Ev::Subscribed(s, Err(RequestError::Timeout)),
            Ev::Disconnected(Disconnected::RequestTimeout)
        ]
    );
    assert_eq!(b.client.in_flight(), 1, "the QoS 1 message {p} is kept");
}

#[test]
fn pings_split_across_reads_do_not_hold_a_request() {
    // TCP may cut a PINGRESP in two: its first byte is not yet a packet other than
    // PINGRESP, so it does not move the request's deadline either.
    let mut b = Bench::connected(Version::V311);
    let _ = b.publish("t", b"x", QoS::AtLeastOnce).unwrap();
    b.out();
    let sent = b.now;
    let mut timed_out = None;
    for _ in 0..20 {
        b.advance(500);
        b.feed(&[0xd0]);
        b.advance(500);
        b.feed(&[0]);
        if b.events()
            .contains(&Ev::Disconnected(Disconnected::RequestTimeout))
        {
            timed_out = Some(b.now);
            break;
        }
    }
    assert_eq!(timed_out, Some(sent + Duration::from_ticks(8_000)));
}

#[test]
fn request_timeout_counts_from_the_brokers_last_packet() {
    // A broker working through a backlog it queued for us before the answer keeps sending:
    // the request waits (TCP delivers the answer after the backlog). Once it falls silent,
    // the timeout (8 s here) counts from its last packet.
    let mut b = Bench::connected(Version::V311);
    let p = b
        .publish("t", b"x", QoS::AtLeastOnce)
        .unwrap()
        .id
        .unwrap()
        .get();
    b.out();
    for _ in 0..30 {
        b.advance(1_000);
        b.feed_repr(publish_in("backlog", b"m", PublishQos::AtMostOnce));
    }
    let last = b.now;
    assert!(
        !b.events().iter().any(|e| matches!(e, Ev::Disconnected(_))),
        "30 s and no timeout while the broker sends"
    );
    assert_eq!(
        b.client.poll_at(),
        Some(last + Duration::from_ticks(8_000)),
        "the deadline moves with the broker's packets"
    );
    b.advance(7_500);
    assert!(b.events().is_empty());
    b.advance(500);
    assert_eq!(b.events(), [Ev::Disconnected(Disconnected::RequestTimeout)]);
    assert_eq!(b.client.in_flight(), 1, "the QoS 1 message {p} is kept");
}

#[test]
fn a_broker_that_keeps_sending_but_never_answers_times_out_at_last() {
    // Traffic keeps the request waiting, but not beyond six request timeouts (48 s here).
    let mut b = Bench::connected(Version::V311);
    let _ = b.publish("t", b"x", QoS::AtLeastOnce).unwrap();
    b.out();
    let sent = b.now;
    let mut timed_out = None;
    for _ in 0..60 {
        b.advance(1_000);
        b.feed_repr(publish_in("other", b"m", PublishQos::AtMostOnce));
        if b.events()
            .contains(&Ev::Disconnected(Disconnected::RequestTimeout))
        {
            timed_out = Some(b.now);
            break;
        }
    }
    assert_eq!(timed_out, Some(sent + Duration::from_ticks(48_000)));
}

#[test]
fn commands_need_a_connection() {
    let mut b = Bench::new(Version::V311);
    assert_eq!(
        b.publish("t", b"x", QoS::AtMostOnce),
        Err(Error::NotConnected)
    );
    assert_eq!(
        b.client.subscribe(&mut b.conn, &[sub("a")], b.now),
        Err(Error::NotConnected)
    );
}
