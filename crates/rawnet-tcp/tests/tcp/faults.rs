//! Transfers under smoltcp's fault injector.

use crate::harness::{assert_lwip_order, buf, Pair, Recorder, IP_B};
use rawnet_tcp::Duration;

#[test]
fn one_mib_both_ways_survives_ten_percent_loss() {
    const N: usize = 1 << 20;
    let mut p = Pair::lossy(1, 10);
    let mut server = p.b.tcp_socket(buf(16384), buf(16384)).unwrap();
    p.b.listen(&mut server, 8883).unwrap();
    let mut client = p.a.tcp_socket(buf(16384), buf(16384)).unwrap();
    p.a.connect(&mut client, IP_B, 8883, p.now).unwrap();
    let mut ca = Recorder::new(5, 6, N).closing();
    let mut cb = Recorder::new(6, 5, N).closing();
    // Losses stall a connection for seconds at a time; the data timeout must not fire.
    for h in [&mut client, &mut server] {
        let mut t = h.timers();
        t.data_timeout = Duration::from_secs(600);
        t.connect_timeout = Duration::from_secs(600);
        h.set_timers(t);
    }

    let done = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(100_000),
        |a, b| a.got_eof() && b.got_eof() && a.sent_total() == N && b.sent_total() == N,
    );
    assert!(
        done,
        "client wrote {} got {} / server wrote {} got {}",
        ca.written, ca.received, cb.written, cb.received
    );
    eprintln!("simulated time: {} ms", p.now.as_ticks());
    for r in [&ca, &cb] {
        assert_eq!(r.received, N);
        assert_eq!(r.mismatches, 0, "bytes corrupted under loss");
        assert_eq!(r.sent_total(), N);
        assert!(r.errors().is_empty(), "{:?}", r.errors());
        assert_lwip_order(&r.events);
    }
}
