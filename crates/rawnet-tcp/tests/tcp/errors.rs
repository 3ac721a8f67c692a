//! The error callback: refused, reset, timed out — each with the exact reason, once, last.

use crate::harness::{assert_lwip_order, buf, Event, Pair, Recorder, IP_B};
use rawnet_tcp::{Connection, Duration, TcpError, TcpStatus};

#[test]
fn connect_to_a_closed_port_is_refused() {
    let mut p = Pair::new(1);
    let mut idle = p.b.tcp_socket(buf(1024), buf(1024)).unwrap();
    let mut client = p.a.tcp_socket(buf(1024), buf(1024)).unwrap();
    p.a.connect(&mut client, IP_B, 9, p.now).unwrap();
    let mut ca = Recorder::new(1, 0, 100);
    let mut cb = Recorder::sink();
    let done = p.run(
        &mut client,
        &mut ca,
        &mut idle,
        &mut cb,
        Duration::from_secs(10),
        |a, _| !a.events.is_empty(),
    );
    assert!(done);
    assert_eq!(ca.events, vec![Event::Err(TcpError::Refused)]);
    assert_eq!(client.status(), TcpStatus::Closed);
    assert_eq!(client.error(), Some(TcpError::Refused));
    // Nothing more, ever.
    p.run(
        &mut client,
        &mut ca,
        &mut idle,
        &mut cb,
        Duration::from_secs(10),
        |_, _| false,
    );
    assert_eq!(ca.events, vec![Event::Err(TcpError::Refused)]);
    assert!(cb.events.is_empty());
}

#[test]
fn peer_abort_is_reported_as_reset() {
    let mut p = Pair::new(1);
    let mut server = p.b.tcp_socket(buf(4096), buf(4096)).unwrap();
    p.b.listen(&mut server, 80).unwrap();
    let mut client = p.a.tcp_socket(buf(4096), buf(4096)).unwrap();
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    let mut ca = Recorder::new(1, 2, 1000);
    let mut cb = Recorder::new(2, 1, 1000);
    let up = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(10),
        |a, b| a.received == 1000 && b.received == 1000,
    );
    assert!(up);

    p.b.connection(&mut server).abort();
    assert_eq!(server.status(), TcpStatus::Closed);
    let done = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(10),
        |a, _| !a.errors().is_empty(),
    );
    assert!(done);
    p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(5),
        |_, _| false,
    );
    assert_eq!(ca.errors(), vec![TcpError::Reset]);
    assert_eq!(ca.events.last(), Some(&Event::Err(TcpError::Reset)));
    assert_lwip_order(&ca.events);
    assert!(
        cb.errors().is_empty(),
        "abort calls no callback on the aborting side"
    );
    assert_eq!(client.error(), Some(TcpError::Reset));
}

#[test]
fn peer_vanishing_with_data_in_flight_times_out() {
    let mut p = Pair::new(1);
    let mut server = p.b.tcp_socket(buf(4096), buf(4096)).unwrap();
    p.b.listen(&mut server, 80).unwrap();
    let mut client = p.a.tcp_socket(buf(4096), buf(4096)).unwrap();
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    // The client has far more to send than the peer's window: data is always in flight.
    let mut ca = Recorder::new(1, 2, 1 << 20);
    let mut cb = Recorder::sink();
    let up = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(10),
        |a, b| !a.events.is_empty() && !b.events.is_empty(),
    );
    assert!(up);

    // The peer vanishes: the wire delivers nothing any more, either way.
    p.a.device().driver().set_link(false);
    let done = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(120),
        |a, _| !a.errors().is_empty(),
    );
    assert!(
        done,
        "no timeout: {:?}",
        &ca.events[ca.events.len().saturating_sub(5)..]
    );
    assert_eq!(ca.errors(), vec![TcpError::TimedOut]);
    assert_lwip_order(&ca.events);
    assert_eq!(client.status(), TcpStatus::Closed);
    // sent() counted acknowledgements, not writes: it stopped short of what was written,
    // and never exceeded what reached the peer.
    let reached = cb.received + p.b.connection(&mut server).recv_queue();
    assert!(
        ca.sent_total() < ca.written,
        "{} < {}",
        ca.sent_total(),
        ca.written
    );
    assert!(
        ca.sent_total() <= reached,
        "{} <= {reached}",
        ca.sent_total()
    );
    assert_eq!(client.bytes_acked(), ca.sent_total() as u64);
    // The silent side with nothing to send keeps waiting: no error for it.
    assert!(cb.errors().is_empty());
    assert_eq!(server.status(), TcpStatus::Open);
}

#[test]
fn no_answer_to_the_syn_times_out() {
    let mut p = Pair::new(1);
    let mut idle = p.b.tcp_socket(buf(1024), buf(1024)).unwrap();
    p.a.device().driver().set_link(false);
    let mut client = p.a.tcp_socket(buf(1024), buf(1024)).unwrap();
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    let mut ca = Recorder::sink();
    let mut cb = Recorder::sink();
    let done = p.run(
        &mut client,
        &mut ca,
        &mut idle,
        &mut cb,
        Duration::from_secs(120),
        |a, _| !a.events.is_empty(),
    );
    assert!(done);
    assert_eq!(ca.events, vec![Event::Err(TcpError::TimedOut)]);
    assert_eq!(client.error(), Some(TcpError::TimedOut));
}

#[test]
fn a_slow_reader_is_not_a_timeout_while_the_sender_is_idle() {
    // Nothing waits for an ACK: a silent connection never times out (lwIP has no idle
    // timeout either; keep-alive is the tool for that).
    let mut p = Pair::new(1);
    let mut server = p.b.tcp_socket(buf(1024), buf(1024)).unwrap();
    p.b.listen(&mut server, 80).unwrap();
    let mut client = p.a.tcp_socket(buf(1024), buf(1024)).unwrap();
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    let mut ca = Recorder::sink();
    let mut cb = Recorder::sink();
    p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(60),
        |_, _| false,
    );
    assert!(ca.errors().is_empty() && cb.errors().is_empty());
    assert!(
        ca.count(|e| *e == Event::Poll) > 0,
        "poll keeps firing on an idle connection"
    );
    assert!(p.a.connection(&mut client).is_connected());
}
