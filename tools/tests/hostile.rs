//! Brokers that misbehave — silent, lying about lengths, sending bytes that are not MQTT,
//! flooding, answering in another protocol version — played by a scripted server on
//! 127.0.0.1. Each ends the tool with a message naming the fault and a non-zero status,
//! within the keep-alive bound, in bounded memory.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::*;

/// A fake broker: accepts one connection, reads the CONNECT, then runs `script` on it.
fn fake(script: impl FnOnce(&mut TcpStream) + Send + 'static) -> (String, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let h = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut buf = [0u8; 512];
        let _ = s.read(&mut buf); // CONNECT
        script(&mut s);
    });
    (port, h)
}

/// Keep the connection open, reading and discarding, until the client leaves.
fn drain(s: &mut TcpStream) {
    let mut buf = [0u8; 4096];
    while matches!(s.read(&mut buf), Ok(n) if n > 0) {}
}

const CONNACK_311: &[u8] = &[0x20, 2, 0, 0];

fn check(out: &Output, code: i32, needle: &str) {
    assert_eq!(out.code, Some(code), "{out:?}");
    assert!(out.stderr.contains(needle), "expected '{needle}': {out:?}");
}

#[test]
fn a_silent_broker_is_named_within_the_keep_alive() {
    // Nothing after the CONNECT: no CONNACK within the keep-alive (5 s).
    let (port, h) = fake(drain);
    let before = Running::start("rawnet-sub", &["-p", &port, "-t", "x", "-k", "5"]);
    // Silent after its CONNACK: our PINGREQ unanswered, gone after 1.5 x keep-alive.
    let (port2, h2) = fake(|s| {
        s.write_all(CONNACK_311).unwrap();
        drain(s);
    });
    let after = Running::start("rawnet-sub", &["-p", &port2, "-t", "x", "-k", "5"]);
    let out = before.finish(Duration::from_secs(15));
    check(&out, 27, "no CONNACK within 5 s");
    assert!(out.took < Duration::from_millis(6_500), "{out:?}");
    let out = after.finish(Duration::from_secs(15));
    check(&out, 19, "went silent");
    assert!(out.took < Duration::from_millis(9_000), "{out:?}");
    h.join().unwrap();
    h2.join().unwrap();
}

#[test]
fn malformed_packets_and_lying_lengths() {
    // A packet type that does not exist in 3.1.1.
    let (port, h) = fake(|s| {
        s.write_all(CONNACK_311).unwrap();
        s.write_all(&[0xf0, 0x00]).unwrap();
        drain(s);
    });
    check(
        &run("rawnet-sub", &["-p", &port, "-t", "x"]),
        21,
        "malformed packet",
    );
    h.join().unwrap();
    // A SUBACK with three return codes for one filter.
    let (port, h) = fake(|s| {
        s.write_all(CONNACK_311).unwrap();
        let mut buf = [0u8; 256];
        let _ = s.read(&mut buf); // SUBSCRIBE, packet identifier 1
        s.write_all(&[0x90, 5, 0, 1, 0, 0, 0]).unwrap();
        drain(s);
    });
    check(
        &run("rawnet-sub", &["-p", &port, "-t", "x"]),
        2,
        "wrong number of reason codes",
    );
    h.join().unwrap();
    // A PUBLISH announcing 256 MiB to a client that accepts 64 KiB (5.0 Maximum Packet Size).
    let (port, h) = fake(|s| {
        s.write_all(&[0x20, 3, 0, 0, 0]).unwrap();
        s.write_all(&[0x30, 0xff, 0xff, 0xff, 0x7f, 0, 1, b'x'])
            .unwrap();
        drain(s);
    });
    let out = run(
        "rawnet-sub",
        &[
            "-p",
            &port,
            "-t",
            "x",
            "-V",
            "mqttv5",
            "-D",
            "connect",
            "maximum-packet-size",
            "65536",
        ],
    );
    check(&out, 25, "over the receive limit");
    h.join().unwrap();
    // Every subscription refused (SUBACK 0x80): exit 12, the reason named.
    let (port, h) = fake(|s| {
        s.write_all(CONNACK_311).unwrap();
        let mut buf = [0u8; 256];
        let _ = s.read(&mut buf);
        s.write_all(&[0x90, 3, 0, 1, 0x80]).unwrap();
        drain(s);
    });
    check(
        &run("rawnet-sub", &["-p", &port, "-t", "x"]),
        12,
        "All subscription requests were denied (x: unspecified error)",
    );
    h.join().unwrap();
    // An acknowledgement for a message never sent.
    let (port, h) = fake(|s| {
        s.write_all(CONNACK_311).unwrap();
        s.write_all(&[0x40, 2, 0x12, 0x34]).unwrap();
        drain(s);
    });
    check(
        &run("rawnet-sub", &["-p", &port, "-t", "x"]),
        2,
        "packet identifier 4660",
    );
    h.join().unwrap();
}

#[test]
fn a_protocol_version_that_was_not_asked_for() {
    // 3.1.1 asked for, a 5.0 CONNACK (with a property length) answered.
    let (port, h) = fake(|s| {
        s.write_all(&[0x20, 3, 0, 0, 0]).unwrap();
        drain(s);
    });
    let out = run("rawnet-pub", &["-p", &port, "-t", "x", "-m", "1"]);
    check(&out, 21, "malformed packet");
    assert!(out.stderr.contains("-V mqttv5"), "{out:?}");
    h.join().unwrap();
    // 5.0 asked for, a 3.1.1 CONNACK answered.
    let (port, h) = fake(|s| {
        s.write_all(CONNACK_311).unwrap();
        drain(s);
    });
    let out = run(
        "rawnet-pub",
        &["-p", &port, "-t", "x", "-m", "1", "-V", "mqttv5"],
    );
    check(&out, 21, "malformed packet");
    assert!(out.stderr.contains("3.1.1 rather than the 5.0"), "{out:?}");
    h.join().unwrap();
    // Closed right after the CONNECT.
    let (port, h) = fake(|_| {});
    let out = run("rawnet-pub", &["-p", &port, "-t", "x", "-m", "1"]);
    assert_eq!(out.code, Some(7), "{out:?}");
    assert!(
        out.stderr.contains("before the broker's CONNACK"),
        "{out:?}"
    );
    h.join().unwrap();
}

#[test]
fn a_flood_passes_in_bounded_memory() {
    const N: usize = 200_000;
    let (port, h) = fake(|s| {
        s.write_all(CONNACK_311).unwrap();
        let mut buf = [0u8; 256];
        let _ = s.read(&mut buf); // SUBSCRIBE
        s.write_all(&[0x90, 3, 0, 1, 0]).unwrap();
        // Messages as fast as the socket takes them, without reading anything.
        let one = [
            0x30, 10, 0, 3, b'f', b'l', b'd', b'h', b'e', b'l', b'l', b'o',
        ];
        let batch: Vec<u8> = one.iter().copied().cycle().take(one.len() * 1000).collect();
        for _ in 0..N / 1000 {
            if s.write_all(&batch).is_err() {
                return;
            }
        }
        drain(s);
    });
    let started = Instant::now();
    let mut sub = tool(
        "rawnet-sub",
        &["-p", &port, "-t", "fld", "-C", &N.to_string()],
    )
    .spawn()
    .unwrap();
    let pid = sub.id();
    let mut out = sub.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        out.read_to_end(&mut all).unwrap();
        all
    });
    let mut peak = 0;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            if let Some(kb) = status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        if let Some(s) = sub.try_wait().unwrap() {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "still running");
        std::thread::sleep(Duration::from_millis(5));
    };
    let all = reader.join().unwrap();
    assert!(status.success(), "{status:?}");
    assert_eq!(all.len(), N * 6, "every message printed");
    assert!(peak > 0 && peak < 8 * 1024, "peak {peak} KiB");
    h.join().unwrap();
}
