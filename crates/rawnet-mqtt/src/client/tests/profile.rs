//! The cargo-feature profiles: what `qos2` and `streaming` add, and what a build without
//! them (the lean profile: QoS 0/1, no streamed publishes) does instead. Each test checks
//! the behaviour of the build it runs in.

use super::*;
use crate::wire::Subscription;

/// QoS 2 publishes and subscriptions: accepted with `qos2`, refused without, with nothing
/// sent and no request kept.
#[test]
fn qos2_commands_follow_the_qos2_feature() {
    for &version in crate::wire::TEST_VERSIONS {
        let mut b = Bench::connected(version);
        b.out();
        let publish = b.publish("t", b"x", QoS::ExactlyOnce);
        let topics = [Subscription::new("cmd/#", QoS::ExactlyOnce)];
        let subscribe = b.client.subscribe(&mut b.conn, &topics, b.now);
        if cfg!(feature = "qos2") {
            assert!(publish.is_ok() && subscribe.is_ok(), "{version:?}");
            assert_eq!(b.client.in_flight(), 2);
        } else {
            assert_eq!(publish.unwrap_err(), Error::QosNotSupported, "{version:?}");
            assert_eq!(
                subscribe.unwrap_err(),
                Error::QosNotSupported,
                "{version:?}"
            );
            assert_eq!((b.client.in_flight(), b.out()), (0, vec![]), "{version:?}");
            // QoS 0 and 1 are unchanged.
            assert!(b.publish("t", b"x", QoS::AtLeastOnce).is_ok());
            let topics = [Subscription::new("cmd/#", QoS::AtLeastOnce)];
            assert!(b.client.subscribe(&mut b.conn, &topics, b.now).is_ok());
            assert_eq!(b.out().len(), 2);
        }
    }
}

/// A QoS 2 PUBLISH from the broker: delivered and answered with PUBREC with `qos2`;
/// without it the broker sent more than any subscription granted: the connection ends
/// (DISCONNECT 0x9B in 5.0), the message is not delivered, QoS 1 messages stay.
#[test]
fn an_incoming_qos2_publish_follows_the_qos2_feature() {
    for &version in crate::wire::TEST_VERSIONS {
        let mut b = Bench::connected(version);
        b.out();
        let kept = b.publish("t", b"kept", QoS::AtLeastOnce).unwrap().id;
        b.out();
        b.feed_repr(publish_in("cmd/a", b"go", PublishQos::ExactlyOnce(id(9))));
        if cfg!(feature = "qos2") {
            assert_eq!(b.out(), [Pkt::PubRec(9)], "{version:?}");
            assert!(b.client.is_connected());
            continue;
        }
        let why = Disconnected::Protocol(ProtocolError::QosNotSubscribed);
        assert_eq!(b.events(), [Ev::Disconnected(why)], "{version:?}");
        assert!(!b.client.is_connected());
        let out = b.out();
        if version.is_v5() {
            assert_eq!(out, [Pkt::Disconnect(ReasonCode::QosNotSupported)]);
        } else {
            assert_eq!(out, []);
        }
        assert!(kept.is_some());
        assert_eq!(
            b.client.in_flight(),
            1,
            "{version:?}: the QoS 1 message is kept"
        );
    }
}

/// PUBREC, PUBREL and PUBCOMP from the broker without `qos2`: unexpected packets, the
/// connection ends as for any protocol error (no panic, nothing answered).
#[cfg(not(feature = "qos2"))]
#[test]
fn qos2_acknowledgements_are_unexpected_without_qos2() {
    use crate::wire::PacketType;
    for &version in crate::wire::TEST_VERSIONS {
        for (repr, kind) in [
            (Repr::PubRec(ack(1)), PacketType::PubRec),
            (Repr::PubRel(ack(1)), PacketType::PubRel),
            (Repr::PubComp(ack(1)), PacketType::PubComp),
        ] {
            let mut b = Bench::connected(version);
            b.out();
            b.feed_repr(repr);
            let why = Disconnected::Protocol(ProtocolError::Unexpected(kind));
            assert_eq!(b.events(), [Ev::Disconnected(why)], "{version:?} {kind:?}");
            assert!(!b.out().iter().any(|p| matches!(p, Pkt::PubComp(_))));
        }
    }
}

/// QoS 1 messages survive a reconnect in every profile: resent with DUP when the session
/// is resumed, sent again as new when it is not.
#[test]
fn qos1_messages_survive_a_reconnect_in_every_profile() {
    for &version in crate::wire::TEST_VERSIONS {
        for resumed in [true, false] {
            let mut b = Bench::with(version, 256, 256, 512, |mut o| {
                o.clean_start = false;
                o.session_expiry = 600;
                o
            });
            b.connect(false, Properties::EMPTY);
            b.out();
            let one = b
                .publish("q/1", b"one", QoS::AtLeastOnce)
                .unwrap()
                .id
                .unwrap();
            b.out();
            b.drop_connection();
            b.events();
            b.connect(resumed, Properties::EMPTY);
            let out = b.out();
            let Some(Pkt::Publish { id: sent, dup, .. }) = out.first().cloned() else {
                panic!("{version:?}: not resent: {out:?}");
            };
            assert_eq!((out.len(), dup), (1, resumed), "{version:?}");
            if resumed {
                assert_eq!(sent, one.get());
            }
            b.feed_repr(Repr::PubAck(ack(sent)));
            assert_eq!(
                b.events(),
                [Ev::Published(sent, Ok(ReasonCode::Success))],
                "{version:?}"
            );
            assert_eq!((b.client.in_flight(), b.client.store_used()), (0, 0));
        }
    }
}

/// A message larger than the output ring: streamed with `streaming`; refused without it
/// (`PacketTooLarge`, nothing sent, the client still usable), and so is `publish_streamed`.
#[test]
fn a_publish_larger_than_the_ring_follows_the_streaming_feature() {
    for &version in crate::wire::TEST_VERSIONS {
        let mut b = Bench::with(version, 64, 256, 512, |o| o);
        b.connect(false, Properties::EMPTY);
        b.out();
        let big = [b'x'; 100];
        let r = b.publish("t", &big, QoS::AtMostOnce);
        let msg = Publication::new("t", b"");
        let streamed = b.client.publish_streamed(&mut b.conn, &msg, 10, b.now);
        if cfg!(feature = "streaming") {
            assert!(r.is_ok_and(|p| p.written < big.len()), "{version:?}");
            assert_eq!(streamed.unwrap_err(), Error::Busy);
            continue;
        }
        assert_eq!(r.unwrap_err(), Error::PacketTooLarge, "{version:?}");
        assert_eq!(streamed.unwrap_err(), Error::PacketTooLarge, "{version:?}");
        assert_eq!((b.out(), b.client.payload_pending()), (vec![], 0));
        assert!(b.publish("t", b"small", QoS::AtMostOnce).is_ok());
        assert_eq!(b.out().len(), 1);
    }
}
