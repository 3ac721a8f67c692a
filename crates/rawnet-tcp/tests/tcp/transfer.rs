//! Data transfer: integrity, callback order and exact `sent` accounting.

use crate::harness::{assert_lwip_order, buf, Event, Pair, Recorder, IP_B};
use rawnet_tcp::{Duration, TcpStatus};

const MIB: usize = 1 << 20;

#[test]
fn one_mib_both_ways_in_lwip_order() {
    let mut p = Pair::new(2);
    let mut server = p.b.tcp_socket(buf(8192), buf(8192)).unwrap();
    p.b.listen(&mut server, 1883).unwrap();
    let mut client = p.a.tcp_socket(buf(8192), buf(8192)).unwrap();
    p.a.connect(&mut client, IP_B, 1883, p.now).unwrap();
    let mut ca = Recorder::new(1, 2, MIB).closing();
    let mut cb = Recorder::new(2, 1, MIB).closing();

    let done = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(600),
        |a, b| a.got_eof() && b.got_eof() && a.sent_total() == MIB && b.sent_total() == MIB,
    );
    assert!(done, "transfer did not finish: a {ca:?} b {cb:?}");

    for (name, r) in [("client", &ca), ("server", &cb)] {
        assert_eq!(r.received, MIB, "{name} received");
        assert_eq!(r.mismatches, 0, "{name} got corrupted bytes");
        assert_eq!(r.written, MIB, "{name} written");
        assert_eq!(r.sent_total(), MIB, "{name}: sent() sums to bytes written");
        assert!(r.errors().is_empty(), "{name} errors: {:?}", r.errors());
        assert_lwip_order(&r.events);
        assert_eq!(r.count(|e| *e == Event::Eof), 1, "{name} eof once");
        let last_recv = r.events.iter().rposition(|e| matches!(e, Event::Recv(_)));
        let eof = r.events.iter().position(|e| *e == Event::Eof);
        assert!(last_recv < eof, "{name}: eof after the last recv");
    }

    // Both closed: the connections end without an error and report nothing more.
    let closed = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(30),
        |_, _| false,
    );
    assert!(!closed);
    let (ea, eb) = (ca.events.len(), cb.events.len());
    assert_eq!(client.status(), TcpStatus::Closed);
    assert_eq!(server.status(), TcpStatus::Closed);
    assert_eq!((client.error(), server.error()), (None, None));
    assert_eq!(client.bytes_acked(), MIB as u64);
    assert_eq!(server.bytes_written(), MIB as u64);
    p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(5),
        |_, _| false,
    );
    assert_eq!(
        (ca.events.len(), cb.events.len()),
        (ea, eb),
        "callbacks after close"
    );
}

#[test]
fn sent_sums_exactly_to_bytes_written_with_a_small_send_buffer() {
    // An odd size through a 1000-byte send buffer: many partial writes, many ACKs.
    const N: usize = 100_003;
    let mut p = Pair::new(1);
    let mut server = p.b.tcp_socket(buf(3000), buf(1000)).unwrap();
    p.b.listen(&mut server, 7).unwrap();
    let mut client = p.a.tcp_socket(buf(1000), buf(1000)).unwrap();
    p.a.connect(&mut client, IP_B, 7, p.now).unwrap();
    let mut ca = Recorder::new(3, 0, N);
    let mut cb = Recorder::new(0, 3, 0);

    let done = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(120),
        |a, b| b.received == N && a.sent_total() == N,
    );
    assert!(done, "a {:?} b {}", ca.sent_total(), cb.received);
    assert_eq!(cb.mismatches, 0);
    assert_eq!(ca.written, N);
    assert_eq!(
        ca.sent_total(),
        N,
        "sum of sent() is exactly what was written"
    );
    assert!(
        ca.count(|e| matches!(e, Event::Sent(_))) > 1,
        "acknowledged in steps"
    );
    assert!(
        ca.events
            .iter()
            .all(|e| !matches!(e, Event::Sent(n) if *n > 1000)),
        "no sent() larger than the send buffer"
    );
    assert_eq!(client.bytes_acked(), N as u64);

    // Idle for a while: no spurious sent(), only polls.
    let before = ca.sent_total();
    p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(3),
        |_, _| false,
    );
    assert_eq!(ca.sent_total(), before);
    assert_lwip_order(&ca.events);
    assert_lwip_order(&cb.events);
}

#[test]
fn bytes_not_taken_are_offered_again() {
    const N: usize = 20_000;
    let mut p = Pair::new(1);
    let mut server = p.b.tcp_socket(buf(4096), buf(1024)).unwrap();
    p.b.listen(&mut server, 7).unwrap();
    let mut client = p.a.tcp_socket(buf(1024), buf(4096)).unwrap();
    p.a.connect(&mut client, IP_B, 7, p.now).unwrap();
    let mut ca = Recorder::new(4, 0, N).closing();
    let mut cb = Recorder::new(0, 4, 0);
    cb.take_limit = 100; // take 100 bytes of each offer, leave the rest

    let done = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(120),
        |_, b| b.got_eof(),
    );
    assert!(done);
    assert_eq!(cb.received, N);
    assert_eq!(
        cb.mismatches, 0,
        "re-offered bytes come back in order, once taken"
    );
    assert!(cb.offered > N, "untaken bytes were offered again");
    assert!(
        cb.events
            .iter()
            .all(|e| !matches!(e, Event::Recv(n) if *n > rawnet_tcp::RECV_CHUNK)),
        "recv chunks bounded by RECV_CHUNK"
    );
    assert_lwip_order(&cb.events);
}
