//! `bench-throughput <rawnet|mosquitto_pub> <qos 0|1> <payload bytes> <count> [rate]`:
//! wall time, not instructions. A publisher sends `count` messages over TLS 1.3 to a local
//! Mosquitto, as fast as it can (at most 8 unacknowledged at QoS 1) or, with `rate`, paced
//! at `rate` messages per second; `mosquitto_sub` on the broker's plain listener receives
//! them. Each payload begins with the moment it was handed to the publisher (µs since the
//! Unix epoch), so the receiver's arrival time gives the latency.
//!
//! - `rawnet`: rawnet-mqtt's async driver over rawnet-tls's `TlsStream` on a tokio socket
//!   (as `bench-mqtt`), the certificate and name verified.
//! - `mosquitto_pub`: `mosquitto_pub -l` (one message per line of its input) over TLS 1.3
//!   with the same CA; `--insecure` because the test certificate names `broker.rawnet.test`
//!   and it connects to 127.0.0.1 (the chain is still verified). Its timestamps are taken when
//!   a line is written to its input, paced the same way.
//!
//! Paced runs leave out the messages made in the first half second (the publisher's
//! connection). Prints `result seconds` (the publisher's time, from its connection to the last message
//! flushed or acknowledged), `result received` (what the subscriber got: at QoS 0 the broker
//! drops what a slower subscriber cannot take), `result p50_us`, `result p99_us`.

use rawnet_bench::{result, tls_to};
use rawnet_mqtt::client::{BufferStorage, Client, Error, Options, Publication};
use rawnet_mqtt::io::Driver;
use rawnet_mqtt::wire::QoS;
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tls::io::StdClock;
use std::io::{BufRead, BufReader, Write as _};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const TOPIC: &str = "bench/throughput";

fn now_us() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_micros() as u64
}

/// A payload of `size` bytes (at least 17) stamped with now: 16 digits, a space, letters.
fn stamped(size: usize) -> Vec<u8> {
    let mut p = format!("{:016} ", now_us()).into_bytes();
    p.resize(size.max(p.len()), b'x');
    p
}

/// Sleeps until message `i` is due at `rate` per second from `start` (no pacing without one).
fn pace(start: Instant, i: usize, rate: Option<f64>) -> Option<Duration> {
    let rate = rate?;
    let due = start + Duration::from_secs_f64(i as f64 / rate);
    Some(due.saturating_duration_since(Instant::now()))
}

fn rawnet(pki: &Pki, broker: &Mosquitto, qos: u8, size: usize, count: usize, rate: Option<f64>) {
    tls_to(pki, broker.tls.expect("TLS"), async |tls| {
        let mut storage = BufferStorage::<32768, 4096, 65536>::new();
        let mut client: Client<'_, ()> =
            Client::new((), Options::new("bench-throughput"), storage.buffers());
        let (mut rx, mut tx) = (vec![0u8; 4096], vec![0u8; 16384]);
        let mut mqtt = Driver::new(&mut client, tls, StdClock::new(), &mut rx, &mut tx);
        mqtt.connect().await.expect("MQTT connect");
        let q = if qos == 0 {
            QoS::AtMostOnce
        } else {
            QoS::AtLeastOnce
        };
        let start = Instant::now();
        for i in 0..count {
            if let Some(wait) = pace(start, i, rate) {
                mqtt.flush().await.expect("flush");
                tokio::time::sleep(wait).await;
            }
            let payload = stamped(size);
            let msg = Publication::new(TOPIC, &payload).qos(q);
            loop {
                match mqtt.command(|c, conn, now| c.publish(conn, &msg, now)) {
                    Ok(_) => break,
                    Err(Error::OutputFull) => mqtt.flush().await.expect("flush"),
                    Err(Error::TooManyRequests | Error::StoreFull) => {
                        mqtt.poll().await.expect("poll")
                    }
                    Err(e) => panic!("publish: {e:?}"),
                }
            }
        }
        if qos == 0 {
            mqtt.flush().await.expect("flush");
        } else {
            mqtt.run_until(|c| c.in_flight() == 0).await.expect("acks");
        }
        mqtt.disconnect().await.expect("disconnect");
    });
}

fn mosquitto_pub(
    pki: &Pki,
    broker: &Mosquitto,
    qos: u8,
    size: usize,
    count: usize,
    rate: Option<f64>,
) {
    let mut child = Command::new("mosquitto_pub")
        .args([
            "-h",
            "127.0.0.1",
            "-p",
            &broker.tls.expect("TLS").port().to_string(),
        ])
        .args([
            "-V",
            "mqttv5",
            "--tls-version",
            "tlsv1.3",
            "--insecure",
            "--cafile",
        ])
        .arg(pki.path("ca.pem"))
        .args(["-t", TOPIC, "-q", &qos.to_string(), "-l"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("mosquitto_pub (apt-get install -y mosquitto-clients)");
    let mut stdin = child.stdin.take().expect("stdin");
    let start = Instant::now();
    for i in 0..count {
        if let Some(wait) = pace(start, i, rate) {
            std::thread::sleep(wait);
        }
        let mut line = stamped(size);
        line.push(b'\n');
        stdin.write_all(&line).expect("mosquitto_pub's input");
    }
    drop(stdin);
    let _ = child.wait();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (who, qos, size, count, rate) = match args.as_slice() {
        [w, q, s, n] => (w, q, s, n, None),
        [w, q, s, n, r] => (w, q, s, n, Some(r.parse::<f64>().expect("rate"))),
        _ => {
            eprintln!("usage: bench-throughput <rawnet|mosquitto_pub> <qos 0|1> <payload bytes> <count> [rate]");
            std::process::exit(2);
        }
    };
    let (qos, size, count): (u8, usize, usize) = (
        qos.parse().expect("qos"),
        size.parse().expect("size"),
        count.parse().expect("count"),
    );
    let pki = Pki::generate(&[BROKER_NAME]).expect("PKI");
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        extra: vec![
            "max_inflight_messages 8".into(),
            // Room for a saturating run's backlog toward the subscriber.
            "max_queued_messages 0".into(),
            "max_queued_bytes 0".into(),
        ],
        ..Config::default()
    })
    .expect("mosquitto");
    // The receiver: mosquitto_sub on the plain listener, each line timed on arrival.
    let mut sub = Command::new("stdbuf")
        .args(["-oL", "mosquitto_sub", "-h", "127.0.0.1"])
        .args(["-p", &broker.plain.port().to_string(), "-t", TOPIC])
        .args(["-q", &qos.to_string(), "-C", &count.to_string(), "-d"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("mosquitto_sub");
    let out = sub.stdout.take().expect("stdout");
    let (tx, lines) = mpsc::channel::<(u64, String)>();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send((now_us(), line)).is_err() {
                break;
            }
        }
    });
    loop {
        let (_, l) = lines
            .recv_timeout(Duration::from_secs(10))
            .expect("mosquitto_sub subscribed");
        if l.contains("received SUBACK") {
            break;
        }
    }
    let start_us = now_us();
    let publisher = std::thread::spawn({
        let who = who.clone();
        move || {
            let t = Instant::now();
            match who.as_str() {
                "rawnet" => rawnet(&pki, &broker, qos, size, count, rate),
                "mosquitto_pub" => mosquitto_pub(&pki, &broker, qos, size, count, rate),
                w => panic!("unknown publisher {w}"),
            }
            t.elapsed()
        }
    });
    let mut latencies = Vec::with_capacity(count);
    let mut received = 0;
    let mut quiet_since = Instant::now();
    // Until every message arrived, or the publisher is done and nothing came for 2 s (at
    // QoS 0 the broker drops what a slower subscriber cannot take).
    while received < count {
        match lines.recv_timeout(Duration::from_millis(200)) {
            Ok((at, line)) => {
                quiet_since = Instant::now();
                if line.starts_with("Client ") {
                    continue;
                }
                if let Some(sent) = line.get(..16).and_then(|d| d.parse::<u64>().ok()) {
                    received += 1;
                    // Paced runs: the first half second is the publisher's connection
                    // (mosquitto_pub's lines wait in its input meanwhile), not latency.
                    if rate.is_none() || sent >= start_us + 500_000 {
                        latencies.push(at.saturating_sub(sent));
                    }
                }
            }
            Err(_) if publisher.is_finished() && quiet_since.elapsed() > Duration::from_secs(2) => {
                break
            }
            Err(_) => {}
        }
    }
    let publishing = publisher.join().expect("publisher");
    let _ = sub.kill();
    let _ = sub.wait();
    latencies.sort_unstable();
    let q = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    };
    result("received", received);
    // From the first message handed over to the last one flushed (QoS 0) or acknowledged
    // (QoS 1): the publisher's rate.
    result("seconds", publishing.as_secs_f64());
    result("p50_us", q(0.5));
    result("p99_us", q(0.99));
}
