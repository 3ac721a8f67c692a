//! A 256 MiB message (the largest MQTT allows) from rawnet-pub's file to rawnet-sub's
//! standard output through Mosquitto, both tools' peak memory (VmHWM) read from /proc while
//! they run: the payload is streamed on both sides, never held.

mod common;

use std::io::{BufWriter, Read, Write};
use std::time::{Duration, Instant};

use common::*;

/// MQTT's largest remaining length.
const MAX_REMAINING: usize = 268_435_455;
/// The most either tool may use (the "a few MiB"; mosquitto_sub 2.0.11 grows past
/// 500 MiB on the same message).
const PEAK_LIMIT_KB: u64 = 8 * 1024;

fn pattern(i: usize) -> u8 {
    (i % 251) as u8
}

/// Peak resident memory of `pid` so far, in KiB (`None` once it is gone).
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_256_mib_message_streams_through_both_tools_in_bounded_memory() {
    let b = Broker::start(false, &[]);
    let port = b.port();
    let topic = "big/one";
    let len = MAX_REMAINING - 2 - topic.len(); // QoS 0: topic length + topic, then payload
    let dir = rawnet_tests::tmp::TempDir::new("rawnet-big").unwrap();
    let file = dir.path().join("payload.bin");
    {
        let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(&file).unwrap());
        let chunk: Vec<u8> = (0..251 * 4096).map(pattern).collect();
        let mut left = len;
        while left > 0 {
            let n = left.min(chunk.len());
            w.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        w.flush().unwrap();
    }

    let mut sub = tool(
        "rawnet-sub",
        &["-p", &port, "-t", topic, "-C", "1", "-N", "-i", "big-sub"],
    )
    .spawn()
    .unwrap();
    assert!(b.wait_log(&format!("big-sub 0 {topic}")), "{}", b.log());
    let started = Instant::now();
    // Standard output read and checked as it comes.
    let mut out = sub.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 20];
        // The pattern repeats every 251 bytes: compare whole slices against it (fast even
        // in a debug build).
        let expected: Vec<u8> = (0..(1 << 20) + 251).map(pattern).collect();
        let (mut n, mut bad) = (0usize, None);
        loop {
            let k = out.read(&mut buf).unwrap();
            if k == 0 {
                return (n, bad);
            }
            let at = n % 251;
            if bad.is_none() && buf[..k] != expected[at..at + k] {
                bad = Some(n);
            }
            n += k;
        }
    });
    let mut publisher = tool(
        "rawnet-pub",
        &["-p", &port, "-t", topic, "-f", file.to_str().unwrap()],
    )
    .spawn()
    .unwrap();
    let (sub_pid, pub_pid) = (sub.id(), publisher.id());
    let (mut sub_peak, mut pub_peak) = (0, 0);
    let deadline = Instant::now() + Duration::from_secs(60);
    let (mut pub_done, mut sub_done) = (None, None);
    while (pub_done.is_none() || sub_done.is_none()) && Instant::now() < deadline {
        if pub_done.is_none() {
            pub_peak = pub_peak.max(vm_hwm(pub_pid).unwrap_or(0));
            pub_done = publisher.try_wait().unwrap();
        }
        if sub_done.is_none() {
            sub_peak = sub_peak.max(vm_hwm(sub_pid).unwrap_or(0));
            sub_done = sub.try_wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let took = started.elapsed();
    let _ = publisher.kill();
    let _ = sub.kill();
    let _ = publisher.wait();
    let _ = sub.wait();
    let (received, bad) = reader.join().unwrap();
    let mut err = String::new();
    let _ = sub.stderr.take().unwrap().read_to_string(&mut err);
    eprintln!(
        "256 MiB message: {took:?}; peak memory rawnet-pub {pub_peak} KiB, rawnet-sub {sub_peak} KiB"
    );
    assert!(
        pub_done.is_some_and(|s| s.success()),
        "rawnet-pub: {pub_done:?}"
    );
    assert!(
        sub_done.is_some_and(|s| s.success()),
        "rawnet-sub: {sub_done:?} {err}"
    );
    assert_eq!(received, len, "every payload byte on standard output");
    assert_eq!(bad, None, "the payload arrived unchanged");
    assert!(
        sub_peak > 0 && sub_peak < PEAK_LIMIT_KB,
        "rawnet-sub peaked at {sub_peak} KiB"
    );
    assert!(
        pub_peak > 0 && pub_peak < PEAK_LIMIT_KB,
        "rawnet-pub peaked at {pub_peak} KiB"
    );
}
