//! Commands given from a handler's events ([`Commands`]), `disconnect_when_idle`, payloads
//! pulled from the handler (`next_payload`), and the request timer of streamed messages.

use super::*;
use crate::wire::Subscription;

fn subscribe_when_connected(ev: &Ev, c: &mut dyn Commands) {
    if let Ev::Connected { .. } = ev {
        c.subscribe(&[Subscription::new("cmd/#", QoS::AtLeastOnce)])
            .unwrap();
    }
}

#[test]
fn a_handler_subscribes_when_connected() {
    let mut b = Bench::new(Version::V311);
    b.client.handler_mut().react = Some(subscribe_when_connected);
    b.connect(false, Properties::EMPTY);
    assert_eq!(b.out(), [Pkt::Subscribe(1, vec!["cmd/#".into()])]);
    b.feed_repr(suback(1, &[ReasonCode::GrantedQos1]));
    assert_eq!(
        b.events(),
        [Ev::Subscribed(1, Ok(vec![ReasonCode::GrantedQos1]))]
    );
}

#[test]
fn a_subscribe_given_when_a_session_resumes_is_not_failed_by_the_resume() {
    // `connected` comes after the resumed session was sorted out: a SUBSCRIBE given there
    // is not one of the requests a reconnect fails.
    let mut b = Bench::new(Version::V311);
    b.client.handler_mut().react = Some(subscribe_when_connected);
    b.connect(true, Properties::EMPTY);
    assert_eq!(b.out(), [Pkt::Subscribe(1, vec!["cmd/#".into()])]);
    assert_eq!(b.events(), [], "nothing failed");
    assert_eq!(b.client.in_flight(), 1);
}

fn reply_to_each_message(ev: &Ev, c: &mut dyn Commands) {
    if let Ev::Data(_, true) = ev {
        let _ = c.publish(&Publication::new("reply", b"ok")).unwrap();
    }
}

#[test]
fn a_handler_answers_a_message_after_its_acknowledgement() {
    let mut b = Bench::connected(Version::V311);
    b.client.handler_mut().react = Some(reply_to_each_message);
    b.feed_repr(publish_in("cmd/a", b"go", PublishQos::AtLeastOnce(id(7))));
    let out = b.out();
    assert_eq!(out[0], Pkt::PubAck(7));
    assert!(
        matches!(&out[1], Pkt::Publish { topic, payload, .. } if topic == "reply" && payload == b"ok"),
        "{out:?}"
    );
}

/// Publishes, from `message_start`, a QoS 0 message of 64 bytes in all (topic "r"): the
/// whole 64-byte ring.
fn fill_the_ring(ev: &Ev, c: &mut dyn Commands) {
    if let Ev::Start { .. } = ev {
        let _ = c.publish(&Publication::new("r", &[0x55; 59])).unwrap();
    }
}

#[test]
fn an_acknowledgement_waits_for_a_ring_a_handler_filled_and_input_waits_for_it() {
    let mut b = Bench::with(Version::V311, 64, 256, 512, |o| o);
    b.connect(false, Properties::EMPTY);
    b.client.handler_mut().react = Some(fill_the_ring);
    let mut two = bytes(
        publish_in("cmd/a", b"go", PublishQos::AtLeastOnce(id(7))),
        Version::V311,
    );
    let first = two.len();
    two.extend(bytes(
        publish_in("cmd/b", b"go", PublishQos::AtLeastOnce(id(8))),
        Version::V311,
    ));
    b.conn.space = 0;
    assert_eq!(
        b.feed(&two),
        first,
        "the second waits while the PUBACK has no room"
    );
    assert_eq!(b.client.output_pending(), 64);
    b.conn.space = usize::MAX;
    b.client.sent(&mut b.conn, 0, b.now);
    let out = b.out();
    assert!(
        matches!(&out[..], [Pkt::Publish { topic, .. }, Pkt::PubAck(7)] if topic == "r"),
        "{out:?}"
    );
    assert_eq!(b.feed(&two[first..]), two.len() - first);
    let out = b.out();
    assert!(
        matches!(&out[..], [Pkt::Publish { .. }, Pkt::PubAck(8)]),
        "{out:?}"
    );
}

#[cfg(feature = "qos2")]
fn disconnect_when_idle_after_a_message(ev: &Ev, c: &mut dyn Commands) {
    if let Ev::Data(_, true) = ev {
        c.disconnect_when_idle();
    }
}

#[cfg(feature = "qos2")]
#[test]
fn a_qos2_subscriber_disconnects_once_the_broker_released_the_message() {
    let mut b = Bench::connected(Version::V311);
    b.client.handler_mut().react = Some(disconnect_when_idle_after_a_message);
    b.feed_repr(publish_in("cmd/a", b"x", PublishQos::ExactlyOnce(id(5))));
    assert_eq!(b.out(), [Pkt::PubRec(5)], "no DISCONNECT before PUBREL");
    assert!(b.client.is_connected());
    b.advance(1_000);
    assert_eq!(b.out(), [], "still waiting");
    b.feed_repr(Repr::PubRel(ack(5)));
    assert_eq!(
        b.out(),
        [Pkt::PubComp(5), Pkt::Disconnect(ReasonCode::Success)]
    );
    assert!(b.conn.closed);
    assert_eq!(
        b.events().last(),
        Some(&Ev::Disconnected(Disconnected::Requested))
    );
}

#[cfg(feature = "qos2")]
#[test]
fn an_idle_disconnect_gives_up_waiting_after_the_request_timeout() {
    let mut b = Bench::connected(Version::V311);
    b.client.handler_mut().react = Some(disconnect_when_idle_after_a_message);
    let asked = b.now;
    b.feed_repr(publish_in("cmd/a", b"x", PublishQos::ExactlyOnce(id(5))));
    assert_eq!(b.out(), [Pkt::PubRec(5)]);
    // The deadline is one of the client's timers.
    assert!(b.client.poll_at().unwrap() <= asked + Duration::from_ticks(8_000));
    b.advance(7_500);
    assert_eq!(b.out(), [], "no PUBREL yet, within the request timeout");
    b.advance(500);
    assert_eq!(b.out(), [Pkt::Disconnect(ReasonCode::Success)]);
    assert_eq!(b.client.last_disconnect(), Some(Disconnected::Requested));
}

#[cfg(feature = "qos2")]
#[test]
fn a_disconnect_from_a_handler_goes_at_the_end_of_the_callback() {
    fn now(ev: &Ev, c: &mut dyn Commands) {
        if let Ev::Data(_, true) = ev {
            c.disconnect();
        }
    }
    let mut b = Bench::connected(Version::V311);
    b.client.handler_mut().react = Some(now);
    let taken = b.feed(&bytes(
        publish_in("cmd/a", b"x", PublishQos::ExactlyOnce(id(5))),
        Version::V311,
    ));
    assert!(taken > 0);
    assert_eq!(
        b.out(),
        [Pkt::PubRec(5), Pkt::Disconnect(ReasonCode::Success)]
    );
}

#[cfg(feature = "qos2")]
#[test]
fn disconnect_when_idle_waits_for_the_acknowledgements_of_our_messages() {
    let mut b = Bench::connected(Version::V311);
    let one = b.publish("a", b"1", QoS::AtLeastOnce).unwrap().id.unwrap();
    let two = b.publish("a", b"2", QoS::ExactlyOnce).unwrap().id.unwrap();
    let _ = b.out();
    b.client.disconnect_when_idle(&mut b.conn, b.now);
    assert_eq!(b.out(), []);
    b.feed_repr(Repr::PubAck(ack(one.get())));
    b.feed_repr(Repr::PubRec(ack(two.get())));
    assert_eq!(b.out(), [Pkt::PubRel(two.get())], "QoS 2 not done yet");
    b.feed_repr(Repr::PubComp(ack(two.get())));
    assert_eq!(b.out(), [Pkt::Disconnect(ReasonCode::Success)]);
    let events = b.events();
    assert_eq!(
        events.last(),
        Some(&Ev::Disconnected(Disconnected::Requested))
    );
    assert_eq!(events.len(), 3, "both completed first: {events:?}");
}

#[cfg(feature = "streaming")]
#[test]
fn a_payload_larger_than_the_ring_is_pulled_from_the_handler() {
    let mut b = Bench::with(Version::V311, 64, 256, 512, |o| o);
    b.connect(false, Properties::EMPTY);
    let payload: Vec<u8> = (0..1000).map(|i| (i % 251) as u8).collect();
    b.client.handler_mut().source = payload[3..].to_vec();
    b.client.handler_mut().source_chunk = 7;
    let msg = Publication::new("big", &payload[..3]);
    let p = b
        .client
        .publish_streamed(&mut b.conn, &msg, 1000, b.now)
        .unwrap();
    assert_eq!(p.written, 3);
    assert_eq!(b.client.payload_pending(), 0, "pulled to the end at once");
    let out = b.out();
    assert!(
        matches!(&out[..], [Pkt::Publish { topic, payload: got, qos: 0, .. }] if topic == "big" && *got == payload),
        "{out:?}"
    );
    assert_eq!(b.events(), [Ev::Published(0, Ok(ReasonCode::Success))]);
}

#[cfg(feature = "streaming")]
#[test]
fn the_brokers_silence_while_a_stream_leaves_is_not_held_against_it() {
    // Received bytes wait while a PUBLISH is streamed out: a stream longer than 1.5 x the
    // keep-alive must not end in the watchdog's disconnect the moment it is done.
    let mut b = Bench::with(Version::V311, 64, 256, 512, |o| Options {
        keep_alive: 4,
        ..o
    });
    b.connect(false, Properties::EMPTY);
    b.client.handler_mut().source = vec![1; 500];
    b.conn.space = 0;
    let msg = Publication::new("big", &[]).qos(QoS::AtLeastOnce);
    let _ = b
        .client
        .publish_streamed(&mut b.conn, &msg, 500, b.now)
        .unwrap();
    b.advance(9_000);
    b.conn.space = usize::MAX;
    b.advance(500);
    assert_eq!(b.client.payload_pending(), 0);
    b.advance(1_000);
    assert!(b.client.is_connected(), "{:?}", b.client.last_disconnect());
    b.advance(6_000);
    assert_eq!(
        b.client.last_disconnect(),
        Some(Disconnected::KeepAliveTimeout),
        "silent 6 s after the stream (watchdog 1.5 x 4 s)"
    );
}

#[cfg(feature = "streaming")]
#[test]
fn the_request_timer_of_a_streamed_message_starts_with_its_last_byte() {
    let mut b = Bench::with(Version::V311, 64, 256, 512, |o| Options {
        keep_alive: 0,
        ..o
    });
    b.connect(false, Properties::EMPTY);
    b.client.handler_mut().source = vec![1; 500];
    b.conn.space = 0;
    let msg = Publication::new("big", &[]).qos(QoS::AtLeastOnce);
    let id = b
        .client
        .publish_streamed(&mut b.conn, &msg, 500, b.now)
        .unwrap()
        .id
        .unwrap();
    // The connection takes nothing for longer than the request timeout (8 s): no timeout
    // while the message is still leaving.
    b.advance(9_000);
    assert!(b.client.is_connected());
    assert!(b.client.payload_pending() > 0);
    b.conn.space = usize::MAX;
    b.advance(500);
    assert_eq!(b.client.payload_pending(), 0);
    assert_eq!(b.out().len(), 1);
    b.advance(7_000);
    assert!(
        b.client.is_connected(),
        "8 s from the last byte not over yet"
    );
    b.advance(1_000);
    assert_eq!(
        b.client.last_disconnect(),
        Some(Disconnected::RequestTimeout)
    );
    let _ = id;
}
