//! Network faults under the whole stack: driver → smoltcp → rawnet-tcp → rawnet-tls (TLS 1.3)
//! → rawnet-mqtt, on the host, against a real Mosquitto TLS listener.
//!
//! A [`FaultyLink`] sits between the stack and the wire. Two rawnet clients share the stack:
//! the "device" (MQTT 5.0) and the "peer" (MQTT 3.1.1), each with a persistent session.
//! Under each fault, and on a clean link as the reference, the device publishes N QoS 1 and
//! N QoS 2 messages that the peer receives, and the peer as many that the device receives. A
//! client whose connection fails reconnects with backoff and resumes its session (a fresh
//! TLS session each time).
//!
//! The suite runs on two wires, one test each, with the same faults, run and verdict; only
//! the step that makes the stack and the broker's addresses differs ([`Wire`]):
//!
//! - `slirp`: restricted libslirp, whose only way out is one forward per client to
//!   Mosquitto's TLS listener on 127.0.0.1. The TCP across the link from smoltcp's is
//!   libslirp's.
//! - `tap`: a TAP in a network namespace the test creates
//!   ([`FaultyTap`]: DHCP from dnsmasq there, one relay per client listening inside it and
//!   connecting to Mosquitto on 127.0.0.1). The TCP across the link is the Linux kernel's,
//!   and every frame it sends or receives passes through the fault plan: the faults hit the
//!   broker's side of the connection as a real kernel sees them (the substitute for
//!   `tc netem`, which this kernel lacks). Needs root (`ip`, `dnsmasq`); skipped, saying so,
//!   without. The same faults and N as on slirp: the whole short form takes about a minute
//!   on this wire.
//!
//! Checked for every run: nothing lost, no QoS 2 message delivered twice, every resend of a
//! PUBLISH by a rawnet client carries DUP (read from the bytes each client writes into TLS),
//! every publish acknowledged, within a time bound computed from the fault. A table of the
//! figures per wire (copy it to docs/reliability.md) is printed at the end.
//!
//! N is `RAWNET_FAULT_MESSAGES` (default [`SHORT_N`], the form `cargo test` runs; the soak
//! runs e.g. 10000); `RAWNET_FAULTS=loss,mtu` runs only the faults named;
//! `RAWNET_FAULT_SEED` changes the seed of the per-frame decisions; `RAWNET_FAULT_NET=slirp`
//! or `=tap` runs one wire only (unset: both, as two tests the harness may run at once).

use rawnet_eth::host::netns::is_root;
use rawnet_eth::EthernetDriver;
use rawnet_mqtt::wire::QoS;
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::endpoint::{
    client_config, faulty_stack, payload, settle, Endpoint, Got, HostStack,
};
use rawnet_tests::faults::{FaultPlan, FaultStats, FaultyLink, IN, OUT};
use rawnet_tests::host::now;
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::netns_stack::FaultyTap;
use rawnet_tls::ClientConfig;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::Ipv4Addr;
use std::time::{Duration, Instant as StdInstant};

/// Messages per QoS and direction in the short form.
const SHORT_N: usize = 200;
/// Payload length of every message.
const PAYLOAD: usize = 48;
/// The black hole's length.
const BLACK_HOLE: Duration = Duration::from_secs(5);
/// How long the link stays down: longer than the MQTT request timeout (10 s), so that the
/// clients give up their connections and resume their sessions on new ones (QoS 1 and 2
/// resent with DUP, PUBREL resent) once the link is back.
const LINK_DOWN: Duration = Duration::from_secs(12);

fn qos_of(i: usize) -> QoS {
    if i % 2 == 0 {
        QoS::AtLeastOnce
    } else {
        QoS::ExactlyOnce
    }
}

/// The messages `ep` publishes in a run: 2n, QoS 1 and 2 in turn, queued all at once.
fn fill(ep: &mut Endpoint, n: usize) -> Vec<Vec<u8>> {
    let out: Vec<Vec<u8>> = (0..2 * n)
        .map(|i| payload(ep.name, i as u32, qos_of(i), PAYLOAD))
        .collect();
    ep.queue
        .extend(out.iter().enumerate().map(|(i, p)| (qos_of(i), p.clone())));
    out
}

// ---------------------------------------------------------------------------------------
// One run.

/// A fault of the suite.
#[derive(Debug, Clone, Copy)]
enum Outage {
    None,
    BlackHole,
    LinkDown,
}

#[derive(Debug, Clone, Copy)]
struct Fault {
    name: &'static str,
    plan: FaultPlan,
    outage: Outage,
}

fn faults(seed: u64) -> Vec<Fault> {
    let clean = FaultPlan::clean(seed);
    let f = |name, plan, outage| Fault { name, plan, outage };
    vec![
        f("clean", clean, Outage::None),
        f(
            "loss 10 %",
            FaultPlan {
                loss: 0.10,
                ..clean
            },
            Outage::None,
        ),
        f(
            "corruption 1 %",
            FaultPlan {
                corrupt: 0.01,
                ..clean
            },
            Outage::None,
        ),
        f(
            "reordering 20 % by 2-20 ms",
            FaultPlan {
                reorder: 0.20,
                reorder_delay: Duration::from_millis(20),
                ..clean
            },
            Outage::None,
        ),
        f(
            "duplication 10 %",
            FaultPlan {
                duplicate: 0.10,
                ..clean
            },
            Outage::None,
        ),
        f("black hole 5 s", clean, Outage::BlackHole),
        f(
            "MTU 576",
            FaultPlan {
                mtu: Some(576),
                ..clean
            },
            Outage::None,
        ),
        f("link down 12 s, up", clean, Outage::LinkDown),
    ]
}

/// What one run measured.
#[derive(Debug)]
struct Figures {
    fault: &'static str,
    n: usize,
    seconds: f64,
    link: FaultStats,
    resends: u64,
    dup_first: u64,
    duplicates: u64,
    dup_flagged: u64,
    reconnects: u32,
}

impl Figures {
    fn row(&self) -> String {
        let msgs = 4 * self.n;
        let l = &self.link;
        format!(
            "| {} | {} | {:.2} | {:.0} | {} / {} | {} | {} | {} (+{}) | {} ({} with DUP) | {} |",
            self.fault,
            2 * self.n,
            self.seconds,
            msgs as f64 / self.seconds,
            l.tcp_retransmissions[OUT],
            l.tcp_retransmissions[IN],
            l.dropped(),
            l.corrupted[OUT]
                + l.corrupted[IN]
                + l.duplicated[OUT]
                + l.duplicated[IN]
                + l.reordered[OUT]
                + l.reordered[IN],
            self.resends,
            self.dup_first,
            self.duplicates,
            self.dup_flagged,
            self.reconnects,
        )
    }
}

const TABLE_HEADER: &str = "| fault | messages each way (half QoS 1, half QoS 2) | seconds | messages/s (both ways) | TCP retransmissions (device side / broker side) | frames dropped by the link | frames corrupted, reordered or duplicated | PUBLISH resent by a client, all with DUP (+ first sends with DUP) | QoS 1 delivered twice | reconnects |\n|---|---|---|---|---|---|---|---|---|---|";

/// The time a run may take: setup, a per-message budget that grows with the fault's loss
/// (each lost segment costs at least one 1 s retransmission timeout, smoltcp's and
/// libslirp's minimum; the kernel's is 200 ms, so the same budget holds on the TAP), the
/// outage, and what TCP's backoff and a reconnect add after it.
fn budget(fault: &Fault, n: usize) -> Duration {
    let msgs = (4 * n) as f64;
    let p = fault.plan;
    let per_message = 0.010 + 0.75 * (p.loss + p.corrupt) + 0.02 * p.reorder + 0.01 * p.duplicate;
    let outage = match fault.outage {
        Outage::None => 0.0,
        // After the outage: TCP's next retransmission (its timeout doubled while nothing
        // came back, up to twice the outage), the MQTT request timeout (10 s) and a
        // reconnect with backoff (2 s) if the client gave up.
        Outage::BlackHole => BLACK_HOLE.as_secs_f64() * 3.0 + 12.0,
        Outage::LinkDown => LINK_DOWN.as_secs_f64() * 3.0 + 12.0,
    };
    Duration::from_secs_f64(30.0 + msgs * per_message + outage)
}

/// One run of `fault` on `wire`: a fresh broker, a fresh network, the exchange.
fn run(
    wire: Wire,
    fault: &Fault,
    n: usize,
    pki: &Pki,
    config: &'static ClientConfig<'static>,
) -> Result<Figures, String> {
    // All 4N messages are queued at once: the broker must hold up to 2N for a receiver, more
    // than Mosquitto's default queue of 1,000 per client, beyond which it drops them (and
    // says so in its log, checked below).
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        extra: vec!["max_queued_messages 0".into()],
        ..Config::default()
    })?;
    let tls_port = broker.tls.expect("TLS listener").port();
    let log = format!("faults-{}-{}", wire.name(), fault.name);
    match wire {
        Wire::Slirp => {
            let addrs = [Ipv4Addr::new(10, 0, 2, 100), Ipv4Addr::new(10, 0, 2, 101)];
            let stack = faulty_stack(fault.plan, &[(addrs[0], tls_port), (addrs[1], tls_port)])?;
            exchange(stack, addrs, fault, n, config, &broker, &log)
        }
        Wire::Tap => {
            // `net` (the namespace and its relays) outlives the stack and the run.
            let (net, stack) = FaultyTap::start(fault.plan, &[tls_port, tls_port])?;
            let addrs = [net.addrs()[0], net.addrs()[1]];
            exchange(stack, addrs, fault, n, config, &broker, &log)
        }
    }
}

/// The exchange and its verdict on `stack` (its lease taken, nothing connected yet), whose
/// link is a [`FaultyLink`] over any wire; the clients reach the broker at `addrs` (the
/// device's, the peer's). `log` names the broker's log if it is kept.
fn exchange<D: EthernetDriver>(
    mut stack: HostStack<FaultyLink<D>>,
    addrs: [Ipv4Addr; 2],
    fault: &Fault,
    n: usize,
    config: &'static ClientConfig<'static>,
    broker: &Mosquitto,
    log: &str,
) -> Result<Figures, String> {
    let (mut device, mut peer) = Endpoint::pair(&mut stack, addrs, ("f/up", "f/down"), |_| {});
    // Both connected and subscribed on a clean link before the messages are queued, the
    // clock starts and the faults begin, so that neither misses a message sent before its
    // subscription.
    settle(
        &mut stack,
        &mut [&mut device, &mut peer],
        config,
        Duration::from_secs(20),
    )?;
    let device_out = fill(&mut device, n);
    let peer_out = fill(&mut peer, n);
    stack.device_mut().driver_mut().arm();

    let total = 4 * n;
    let limit = budget(fault, n);
    let start = StdInstant::now();
    let mut outage_done = false;
    let delivered = |d: &Endpoint, p: &Endpoint| {
        let mut seen: std::collections::HashSet<&[u8]> = std::collections::HashSet::new();
        for m in d.app().messages.iter().chain(&p.app().messages) {
            seen.insert(&m.payload);
        }
        seen.len()
    };
    let mut check_at = StdInstant::now();
    let mut progress = 0;
    loop {
        let t = now();
        let busy = stack.poll(t);
        device.step(&mut stack, config, t);
        peer.step(&mut stack, config, t);
        if StdInstant::now() >= check_at {
            check_at = StdInstant::now() + Duration::from_millis(20);
            progress = delivered(&device, &peer);
            if !outage_done && progress >= total / 3 {
                outage_done = true;
                let link = stack.device_mut().driver_mut();
                match fault.outage {
                    Outage::None => {}
                    Outage::BlackHole => link.black_hole(BLACK_HOLE),
                    Outage::LinkDown => link.link_down(LINK_DOWN),
                }
            }
            let finished = |e: &Endpoint| {
                e.queue.is_empty() && e.app().published_ok + e.app().publish_errors.len() >= 2 * n
            };
            if progress == total && finished(&device) && finished(&peer) {
                break;
            }
        }
        if start.elapsed() > limit {
            let dropped = broker.log().contains("Outgoing messages are being dropped");
            return Err(format!(
                "{}: not done within {limit:?}: {progress} of {total} messages delivered{}; device sent {} acked {} ({:?}), peer sent {} acked {} ({:?}); link {:?}",
                fault.name,
                if dropped { " (the broker dropped outgoing messages: its queue limit)" } else { "" },
                device.published,
                device.app().published_ok,
                device.app().disconnects,
                peer.published,
                peer.app().published_ok,
                peer.app().disconnects,
                stack.device().driver().stats(),
            ) + &format!("; broker log: {}", broker.keep_log(log)));
        }
        if !busy {
            std::thread::sleep(Duration::from_micros(300));
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let link = stack.device().driver().stats();

    // What each side received of the other's messages.
    let mut problems = Vec::new();
    let (mut duplicates, mut dup_flagged) = (0, 0);
    for (rx, tx, outgoing) in [(&peer, &device, &device_out), (&device, &peer, &peer_out)] {
        let mut count: HashMap<&[u8], Vec<&Got>> = HashMap::new();
        for m in &rx.app().messages {
            count.entry(&m.payload).or_default().push(m);
        }
        for (i, p) in outgoing.iter().enumerate() {
            let got = count.remove(p.as_slice()).unwrap_or_default();
            let name = String::from_utf8_lossy(p);
            match (qos_of(i), got.len()) {
                (_, 0) => problems.push(format!("{name:?} lost")),
                (QoS::ExactlyOnce, k) if k > 1 => {
                    problems.push(format!("{name:?} (QoS 2) delivered {k} times"))
                }
                (QoS::AtLeastOnce, k) if k > 1 => {
                    duplicates += k as u64 - 1;
                    dup_flagged += got[1..].iter().filter(|m| m.dup).count() as u64;
                }
                _ => {}
            }
            if let Some(m) = got.iter().find(|m| m.qos != qos_of(i).bits()) {
                problems.push(format!("{name:?} arrived at QoS {}", m.qos));
            }
        }
        for p in count.keys() {
            problems.push(format!(
                "{}: unexpected message {:?}",
                rx.name,
                String::from_utf8_lossy(p)
            ));
        }
        let app = tx.app();
        if !app.publish_errors.is_empty() || !tx.refused.is_empty() || app.subscribe_errors > 0 {
            problems.push(format!(
                "{}: publishes failed {:?}, refused {:?}, subscribe errors {}",
                tx.name, app.publish_errors, tx.refused, app.subscribe_errors
            ));
        }
        if app.published_ok != outgoing.len() {
            problems.push(format!(
                "{}: {} of {} publishes acknowledged",
                tx.name,
                app.published_ok,
                outgoing.len()
            ));
        }
        let sends = &tx.tap().observer;
        problems.extend(sends.dup_wrong.iter().map(|w| format!("{}: {w}", tx.name)));
        if app.connects.iter().skip(1).any(|present| !present) {
            problems.push(format!(
                "{}: a reconnect found no session: {:?}",
                tx.name, app.connects
            ));
        }
    }
    if let Some(mtu) = fault.plan.mtu {
        eprintln!(
            "  {}: longest frames {:?} (limit {})",
            fault.name,
            link.largest,
            mtu + 14
        );
    }
    if link.oversize != [0, 0] {
        problems.push(format!("frames longer than the MTU: {:?}", link.oversize));
    }
    let figures = Figures {
        fault: fault.name,
        n,
        seconds,
        link,
        resends: device.tap().observer.resends + peer.tap().observer.resends,
        dup_first: device.tap().observer.dup_first + peer.tap().observer.dup_first,
        duplicates,
        dup_flagged,
        reconnects: device.opened + peer.opened - 2,
    };
    if matches!(fault.outage, Outage::None) && fault.plan == FaultPlan::clean(fault.plan.seed) {
        // The reference: nothing to recover from.
        if figures.reconnects != 0 || figures.resends != 0 || figures.duplicates != 0 {
            problems.push(format!("clean link, yet {figures:?}"));
        }
    }
    eprintln!(
        "  {}: device connections ended {:?}, peer connections ended {:?}; link: {}",
        fault.name,
        device.app().disconnects,
        peer.app().disconnects,
        link.summary(),
    );
    if std::env::var_os("RAWNET_FAULT_KEEP_LOGS").is_some() {
        eprintln!("  broker log: {}", broker.keep_log(log));
    }
    if problems.is_empty() {
        Ok(figures)
    } else {
        problems.truncate(20);
        Err(format!(
            "{}: {}\n  figures: {figures:?}\n  device disconnects {:?}, peer disconnects {:?}\n  broker log: {}",
            fault.name,
            problems.join("\n  "),
            device.app().disconnects,
            peer.app().disconnects,
            broker.keep_log(log),
        ))
    }
}

/// The wire behind the [`FaultyLink`]: what the stack's TCP talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wire {
    /// Restricted libslirp (its own TCP), one forward per client to Mosquitto.
    Slirp,
    /// A TAP in a network namespace: the kernel's TCP, relays to Mosquitto.
    Tap,
}

impl Wire {
    fn name(self) -> &'static str {
        match self {
            Wire::Slirp => "slirp",
            Wire::Tap => "tap",
        }
    }

    /// Whether `RAWNET_FAULT_NET` (unset: both) selects this wire; says so when not.
    fn selected(self) -> bool {
        let chosen = std::env::var("RAWNET_FAULT_NET").ok();
        let yes = chosen
            .as_deref()
            .is_none_or(|w| w.trim().eq_ignore_ascii_case(self.name()));
        if !yes {
            eprintln!(
                "skipped: RAWNET_FAULT_NET={} leaves out the {} wire",
                chosen.unwrap_or_default(),
                self.name()
            );
        }
        yes
    }
}

/// The suite on `wire`: every fault (or those `RAWNET_FAULTS` names), a row each.
fn suite(wire: Wire) {
    let n: usize = std::env::var("RAWNET_FAULT_MESSAGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SHORT_N);
    let seed: u64 = std::env::var("RAWNET_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let only: Option<Vec<String>> = std::env::var("RAWNET_FAULTS")
        .ok()
        .map(|s| s.split(',').map(|f| f.trim().to_lowercase()).collect());
    let pki = Pki::generate(&[BROKER_NAME]).unwrap();
    let config = client_config(&pki).unwrap();

    let mut table = String::from(TABLE_HEADER);
    let mut failures = Vec::new();
    for fault in faults(seed) {
        if let Some(only) = &only {
            if !only
                .iter()
                .any(|o| fault.name.to_lowercase().starts_with(o.as_str()))
            {
                continue;
            }
        }
        match run(wire, &fault, n, &pki, config) {
            Ok(f) => {
                eprintln!("{}: {}", wire.name(), f.row());
                let _ = write!(table, "\n{}", f.row());
            }
            Err(e) => {
                eprintln!("FAILED ({}) {e}", wire.name());
                let _ = write!(
                    table,
                    "\n| {} | {} | failed | | | | | | | |",
                    fault.name,
                    2 * n
                );
                failures.push(e);
            }
        }
    }
    eprintln!(
        "\n{} wire, seed {seed:#x}, N = {n} per QoS and direction\n{table}",
        wire.name()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Restricted libslirp behind the link: its TCP is the broker side's.
#[test]
fn qos1_and_qos2_both_ways_survive_every_network_fault() {
    if Wire::Slirp.selected() {
        suite(Wire::Slirp);
    }
}

/// A TAP in a network namespace behind the link: the kernel's TCP is the broker side's, and
/// meets every fault too. Needs root.
#[test]
fn the_same_faults_with_the_kernels_tcp_on_the_broker_side() {
    if !Wire::Tap.selected() {
        return;
    }
    if !is_root() {
        eprintln!("skipped: the TAP wire needs root for its network namespace");
        return;
    }
    suite(Wire::Tap);
}
