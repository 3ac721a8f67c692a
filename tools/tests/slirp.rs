//! `--stack slirp`: the whole embedded stack in the tool's process (rawnet-eth's libslirp
//! driver, smoltcp with a DHCP lease, rawnet-tcp, rawnet-tls, rawnet-mqtt), without root,
//! forwarding to the broker's address only.

mod common;

use std::time::Duration;

use common::*;

#[test]
fn both_tools_over_the_embedded_stack_plain_and_tls() {
    let b = Broker::start(false, &[]);
    let (port, tls_port, ca) = (b.port(), b.tls_port(), b.ca());
    // Plain 3.1.1: a subscriber on the embedded stack, a publisher on the host's TCP.
    let topic = format!("slirp/{}", rand_id());
    let sub = Running::start(
        "rawnet-sub",
        &[
            "--stack",
            "slirp",
            "-d",
            "-p",
            &port,
            "-t",
            &topic,
            "-C",
            "2",
            "-q",
            "1",
            "-i",
            "slirp-sub",
        ],
    );
    assert!(b.wait_log(&format!("slirp-sub 1 {topic}")), "{}", b.log());
    assert!(run(
        "rawnet-pub",
        &["-p", &port, "-t", &topic, "-m", "one", "-q", "1"]
    )
    .ok());
    // TLS 1.3 and 5.0: a publisher on the embedded stack as well.
    let p = run(
        "rawnet-pub",
        &[
            "--stack", "slirp", "-d", "-h", NAME, "-p", &tls_port, "--cafile", &ca, "-V", "mqttv5",
            "-t", &topic, "-m", "two", "-q", "2",
        ],
    );
    assert!(p.ok(), "{p:?}");
    let s = sub.finish(Duration::from_secs(15));
    assert!(s.ok(), "{s:?}");
    assert_eq!(s.stdout, "one\ntwo\n");
    for out in [&s.stderr, &p.stderr] {
        assert!(out.contains("rawnet: DHCP lease 10.0.2."), "{out}");
        assert!(out.contains("forwards 10.0.2.100:"), "{out}");
    }
    // Nothing listens at the broker's address: named, as on the host's TCP (exit 14).
    let closed = free_port().unwrap().to_string();
    let p = run(
        "rawnet-pub",
        &[
            "--stack", "slirp", "-p", &closed, "-t", "x", "-m", "1", "-W", "5",
        ],
    );
    assert_eq!(p.code, Some(14), "{p:?}");
    assert!(
        p.stderr.contains(&format!(
            "cannot connect to the broker at 127.0.0.1:{closed}"
        )),
        "{p:?}"
    );
}
