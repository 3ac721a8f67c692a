//! CONNECT, CONNACK, keep-alive, timeouts, disconnect.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;
use crate::wire::Will;

#[test]
fn connect_carries_the_client_info_311() {
    let will = Will {
        qos: QoS::AtLeastOnce,
        retain: true,
        topic: "dev/status",
        payload: b"offline",
        properties: Properties::EMPTY,
    };
    let mut b = Bench::with(Version::V311, 256, 256, 512, |mut o| {
        o.username = Some("user");
        o.password = Some(b"secret");
        o.keep_alive = 42;
        o.will = Some(will);
        o
    });
    b.client.connected(&mut b.conn, b.now);
    let raw = b.conn.out.clone();
    let (repr, _) = Repr::parse_bytes(&raw, Version::V311).unwrap();
    let Repr::Connect(c) = repr else {
        panic!("{repr:?}")
    };
    assert_eq!(c.client_id, "rawnet-test");
    assert_eq!(c.username, Some("user"));
    assert_eq!(c.password, Some(&b"secret"[..]));
    assert_eq!(c.keep_alive, 42);
    assert!(c.clean_start);
    assert_eq!(c.will, Some(will));
    assert!(!b.client.is_connected(), "not before CONNACK");
    assert!(b.conn.outputs > 0, "output asked for at once");
}

#[cfg(feature = "v5")]
#[test]
fn connect_5_advertises_receive_maximum_and_session_expiry() {
    let mut b = Bench::with(Version::V5, 256, 256, 512, |mut o| {
        o.session_expiry = 300;
        o.clean_start = false;
        o.max_packet_size = Some(4096);
        o
    });
    b.client.connected(&mut b.conn, b.now);
    let out = b.out();
    let Pkt::Connect { clean, props, .. } = &out[0] else {
        panic!("{out:?}")
    };
    assert!(!clean);
    assert_eq!(
        props,
        &[
            "SessionExpiryInterval(300)",
            "ReceiveMaximum(2)",
            "MaximumPacketSize(4096)"
        ]
    );
}

#[test]
fn connack_accepted_then_refused_311() {
    let b = Bench::connected(Version::V311);
    assert!(b.client.is_connected());
    // A refused connection: 3.1.1 return code 5 (not authorized).
    let mut b = Bench::new(Version::V311);
    b.client.connected(&mut b.conn, b.now);
    b.out();
    b.feed(&[0x20, 2, 0, 5]);
    assert_eq!(
        b.events(),
        [Ev::Disconnected(Disconnected::Refused(
            ReasonCode::NotAuthorized
        ))]
    );
    assert!(!b.client.is_connected());
    assert!(b.conn.closed);
}

#[cfg(feature = "v5")]
#[test]
fn connack_5_limits_and_server_keep_alive() {
    let mut b = Bench::new(Version::V5);
    b.connect(
        false,
        props(&[
            Property::ReceiveMaximum(3),
            Property::MaximumQos(QoS::AtLeastOnce),
            Property::RetainAvailable(false),
            Property::MaximumPacketSize(100),
            Property::ServerKeepAlive(4),
        ]),
    );
    let limits = b.client.server_limits();
    assert_eq!(limits.receive_max, 3);
    assert_eq!(limits.max_packet, 100);
    assert_eq!(
        b.publish("t", b"x", QoS::ExactlyOnce),
        Err(Error::QosNotSupported)
    );
    let retained = Publication::new("t", b"x").retain(true);
    assert_eq!(
        b.client.publish(&mut b.conn, &retained, b.now),
        Err(Error::RetainNotSupported)
    );
    assert_eq!(
        b.publish("t", &[0; 100], QoS::AtMostOnce),
        Err(Error::PacketTooLarge)
    );
    // Server Keep Alive 4 s replaces our 10 s: PINGREQ after 4 s idle.
    b.advance(3_500);
    assert_eq!(b.out(), []);
    b.advance(500);
    assert_eq!(b.out(), [Pkt::PingReq]);
}

#[test]
fn connect_timeout() {
    let mut b = Bench::new(Version::V311);
    b.client.connected(&mut b.conn, b.now);
    b.advance(4_500);
    assert_eq!(b.events(), []);
    b.advance(500);
    assert_eq!(b.events(), [Ev::Disconnected(Disconnected::ConnectTimeout)]);
    assert!(b.conn.aborted);
}

#[test]
fn keep_alive_pings_when_idle_and_drops_a_silent_broker() {
    let mut b = Bench::connected(Version::V311);
    b.advance(9_500);
    assert_eq!(b.out(), [], "nothing before keep-alive");
    b.advance(500);
    assert_eq!(b.out(), [Pkt::PingReq], "PINGREQ after 10 s idle");
    b.feed(&[0xd0, 0]); // PINGRESP
    b.advance(10_000);
    assert_eq!(b.out(), [Pkt::PingReq], "and again");
    // Now the broker stays silent: 15 s after the last byte from it, the link is dropped.
    b.advance(4_500);
    assert_eq!(b.events(), []);
    b.advance(500);
    assert_eq!(
        b.events(),
        [Ev::Disconnected(Disconnected::KeepAliveTimeout)]
    );
    assert!(b.conn.aborted);
    assert!(!b.client.is_connected());
}

#[test]
fn ping_also_when_only_sending() {
    // Publishing QoS 0 every second keeps the send side busy; the broker says nothing.
    // The client still pings (heard nothing for a keep-alive) instead of timing out.
    let mut b = Bench::connected(Version::V311);
    for _ in 0..10 {
        let _ = b.publish("t", b"x", QoS::AtMostOnce).unwrap();
        b.advance(1_000);
    }
    let out = b.out();
    assert_eq!(out.last(), Some(&Pkt::PingReq), "{out:?}");
    b.feed(&[0xd0, 0]);
    for _ in 0..20 {
        let _ = b.publish("t", b"x", QoS::AtMostOnce).unwrap();
        b.advance(1_000);
        b.feed(&[0xd0, 0]);
    }
    assert!(b.client.is_connected());
}

#[cfg(feature = "v5")]
#[test]
fn disconnect_sends_disconnect_and_closes() {
    let mut b = Bench::connected(Version::V5);
    b.client.disconnect(&mut b.conn, b.now);
    assert_eq!(b.out(), [Pkt::Disconnect(ReasonCode::Success)]);
    assert!(b.conn.closed);
    assert_eq!(b.events(), [Ev::Disconnected(Disconnected::Requested)]);
    assert!(!b.client.is_connected());
    // Whatever follows on that connection is ignored.
    b.feed(&[0xd0, 0]);
    Callbacks::<FakeConn>::err(&mut b.client, "reset", b.now);
    assert_eq!(b.events(), []);
}

#[test]
fn disconnect_waits_for_the_ring_to_drain() {
    let mut b = Bench::connected(Version::V311);
    b.conn.space = 3;
    let _ = b.publish("topic", b"payload", QoS::AtMostOnce).unwrap();
    b.client.disconnect(&mut b.conn, b.now);
    assert!(!b.conn.closed, "bytes still in the ring");
    b.conn.space = 1000;
    b.client.sent(&mut b.conn, 3, b.now);
    assert!(b.conn.closed);
    let out = b.out();
    assert_eq!(out.len(), 2, "{out:?}");
    assert_eq!(out[1], Pkt::Disconnect(ReasonCode::Success));
    let ev = b.events();
    assert_eq!(
        ev,
        [
            Ev::Disconnected(Disconnected::Requested),
            Ev::Published(0, Ok(ReasonCode::Success))
        ]
    );
}

#[test]
fn broker_close_and_transport_error_are_reported() {
    let mut b = Bench::connected(Version::V311);
    b.client.eof(&mut b.conn, b.now);
    assert_eq!(b.events(), [Ev::Disconnected(Disconnected::Closed)]);
    assert!(b.conn.closed);
    let mut b = Bench::connected(Version::V311);
    b.drop_connection();
    assert_eq!(
        b.events(),
        [Ev::Transport, Ev::Disconnected(Disconnected::Transport)]
    );
    assert_eq!(b.client.poll_at(), None);
}

#[cfg(feature = "v5")]
#[test]
fn server_disconnect_reason_reaches_the_app() {
    let mut b = Bench::connected(Version::V5);
    b.feed_repr(server_disconnect(ReasonCode::ServerShuttingDown));
    assert_eq!(
        b.events(),
        [Ev::Disconnected(Disconnected::ByServer(
            ReasonCode::ServerShuttingDown
        ))]
    );
    assert!(b.conn.closed);
}
