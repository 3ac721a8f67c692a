//! `cargo xtask soak --minutes N`: the whole stack for a long time against one Mosquitto
//! (TLS 1.3, persistence on), with the broker restarted now and then and the network changing
//! under it, and a report at the end.
//!
//! Two things run at once:
//! - **The host stack** (driver → smoltcp → rawnet-tcp → rawnet-tls → rawnet-mqtt over the
//!   restricted libslirp driver behind a
//!   [`FaultyLink`](rawnet_tests::faults::FaultyLink)): a "device" (MQTT 5.0) and a "peer"
//!   (3.1.1), each publishing QoS 1 and QoS 2 in turn at `--rate` messages per second to the
//!   other, on persistent sessions. The link follows a schedule, one phase per `--phase`
//!   seconds: clean, 5 % loss, 1 % corruption, 20 % reordering, 10 % duplication, a 5 s black
//!   hole, the link down for 12 s.
//! - **The firmware** (boards/app on boards/mps2-an386) in QEMU, on its own restricted
//!   network, publishing a QoS 1 status message every `--period-ms`, which `mosquitto_sub`
//!   receives on a persistent session; its TCP frames follow the same fault schedule (a
//!   link-down is a black hole there).
//!
//! Every `--restart-every` seconds the broker goes down and comes back on the same ports:
//! in turn stopped with SIGTERM (it writes its database first) and killed with SIGKILL.
//! Mosquitto writes its database once a second (`autosave_interval 1`), so a SIGKILL can take
//! with it what the broker had acknowledged in the second before, and a QoS 2 delivery it had
//! completed (it sends the message again). The report counts such messages apart, as the
//! broker's: lost after an acknowledgement that came on a connection whose broker process was
//! then killed; lost because the restored broker sent it under a packet identifier the
//! receiver still held for another message from the killed process (MQTT has the receiver
//! take it for that message again: the tap records such PUBLISHes, [`Reused`]); or delivered
//! twice after a first delivery on a killed process's connection (for the firmware, whose
//! acknowledgements are not in its log: made within [`KILL_WINDOW`] before a kill); or
//! delivered twice because the restarted broker, after either signal, sent a QoS 2 PUBLISH
//! again that it had already released with PUBREL (the receiver's tap sees PUBLISH, PUBREL,
//! its PUBCOMP, then the same PUBLISH with DUP: [`Resent`]). Counted
//! apart too, in a run with SIGKILLs: a message the restored broker refused with quota
//! exceeded (0x97, its last answer to it in its log; it counts incoming QoS 2 messages the
//! killed process had completed against the client's quota). Any other loss, a QoS 2 message delivered twice, a resend without DUP, or the
//! firmware ending is a failure: the exit status is 1.
//!
//! The report gives messages, duplicates, losses, reconnects, latency (p50, p99, max: from
//! the moment a message was made to its arrival), and memory: this process's RSS at the
//! start and the end (with what the harness itself keeps, counted) and the firmware's free
//! stack (painted) in its first and last status messages.

use rawnet_mqtt::wire::QoS;
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::endpoint::{
    client_config, faulty_stack, parse_payload, payload, settle, Endpoint, Resent, Reused,
};
use rawnet_tests::faults::FaultPlan;
use rawnet_tests::firmware::{self, Device, Witness};
use rawnet_tests::host::now;
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::qemu_net::{QemuNet, QemuNetConfig};
use std::collections::{HashMap, VecDeque};
use std::fmt::Write as _;
use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

/// A firmware status message made this long before a SIGKILL may be lost with it
/// (Mosquitto's `autosave_interval 1`, and a margin for its main loop).
const KILL_WINDOW: Duration = Duration::from_secs(3);
/// How long the end of a run waits for what is still in flight.
const DRAIN: Duration = Duration::from_secs(120);
/// Payload length of the host messages.
const PAYLOAD: usize = 48;
/// The firmware's topic prefix.
const PREFIX: &str = "rawnet/soak";
/// The firmware's superloop turns a minute judged a busy loop (its idle rate is SysTick's
/// 1 kHz: 60,000).
const MAX_POLLS_PER_MINUTE: f64 = 90_000.0;

struct Args {
    minutes: f64,
    rate: f64,
    phase: Duration,
    restart_every: Duration,
    period_ms: u64,
    firmware: bool,
    /// Restart the broker with SIGTERM only (no SIGKILL).
    graceful: bool,
    seed: u64,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        minutes: 10.0,
        rate: 20.0,
        phase: Duration::from_secs(60),
        restart_every: Duration::from_secs(300),
        period_ms: 1000,
        firmware: true,
        graceful: false,
        seed: 0x50a4,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let num = |v: String| v.parse::<f64>().map_err(|e| format!("{flag} {v}: {e}"));
        match flag.as_str() {
            "--minutes" => a.minutes = num(value()?)?,
            "--rate" => a.rate = num(value()?)?,
            "--phase" => a.phase = Duration::from_secs_f64(num(value()?)?),
            "--restart-every" => a.restart_every = Duration::from_secs_f64(num(value()?)?),
            "--period-ms" => a.period_ms = num(value()?)? as u64,
            "--seed" => a.seed = num(value()?)? as u64,
            "--no-firmware" => a.firmware = false,
            "--graceful-restarts" => a.graceful = true,
            "-h" | "--help" => {
                println!(
                    "soak [--minutes N (10)] [--rate MSG/S per client (20)] [--phase S (60)]\n     \
                     [--restart-every S (300)] [--period-ms MS (1000)] [--seed N] [--no-firmware]\n     \
                     [--graceful-restarts (SIGTERM only)]"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other} (see --help)")),
        }
    }
    if a.minutes <= 0.0 || a.rate <= 0.0 || a.phase.is_zero() || a.restart_every.is_zero() {
        return Err("--minutes, --rate, --phase and --restart-every must be positive".into());
    }
    Ok(a)
}

// ---------------------------------------------------------------------------------------
// Latency.

/// Latencies in a fixed histogram (1 ms buckets to 10 s, then 100 ms buckets to 10 min), so
/// that the harness's memory does not grow with the run.
struct Hist {
    fine: Vec<u64>,
    coarse: Vec<u64>,
    n: u64,
    max: Duration,
}

impl Hist {
    fn new() -> Hist {
        Hist {
            fine: vec![0; 10_000],
            coarse: vec![0; 6_000],
            n: 0,
            max: Duration::ZERO,
        }
    }

    fn add(&mut self, d: Duration) {
        let ms = d.as_millis() as usize;
        if ms < self.fine.len() {
            self.fine[ms] += 1;
        } else {
            let i = (ms / 100).min(self.coarse.len() - 1);
            self.coarse[i] += 1;
        }
        self.n += 1;
        self.max = self.max.max(d);
    }

    /// The `q` quantile's upper bucket edge, in ms.
    fn quantile(&self, q: f64) -> u64 {
        let want = (q * self.n as f64).ceil() as u64;
        let mut seen = 0;
        for (i, c) in self.fine.iter().enumerate() {
            seen += c;
            if seen >= want {
                return i as u64 + 1;
            }
        }
        for (i, c) in self.coarse.iter().enumerate() {
            seen += c;
            if seen >= want {
                return (i as u64 + 1) * 100;
            }
        }
        self.max.as_millis() as u64
    }

    fn summary(&self) -> String {
        if self.n == 0 {
            return "no samples".into();
        }
        format!(
            "p50 {} ms, p99 {} ms, max {} ms",
            self.quantile(0.5),
            self.quantile(0.99),
            self.max.as_millis()
        )
    }
}

// ---------------------------------------------------------------------------------------
// One direction of the host's traffic.

/// What happened to the messages one host client sent to the other.
struct Flow {
    from: &'static str,
    /// Messages made (sequence numbers `0..made`).
    made: u32,
    /// Every sequence number below `base` arrived.
    base: u32,
    /// Arrivals of `base..`, one count per sequence number.
    window: VecDeque<u8>,
    /// The connection (of the sender's, see `Sends::connections`) on which the broker took
    /// over each message that has not arrived yet.
    owned: HashMap<u32, u32>,
    /// Arrivals of the last few seconds: (sequence number, when, the receiver's connection).
    recent: VecDeque<(u32, Instant, usize)>,
    duplicates_qos1: u64,
    /// QoS 2 messages delivered twice.
    duplicates_qos2: Vec<Dup>,
    /// Messages that left `recent` since the last `drain`.
    expired: Vec<u32>,
    unexpected: Vec<String>,
    latency: Hist,
}

/// A QoS 2 message delivered twice: its sequence number, its first arrival (when and on
/// which of the receiver's connections, if recent) and the second.
type Dup = (u32, Option<(Instant, usize)>, Instant);

/// A broker restart: how, and how many connections each host client (device, peer) had
/// opened by then, counted by its tap (TLS) and by its handler (CONNACKs).
struct Restart {
    kill: bool,
    tls: [u32; 2],
    mqtt: [usize; 2],
}

/// The restart that ended the broker process which served a client's connection `conn`:
/// the first by which the client had opened `conn` connections (`count` reads that count).
fn ended_by(
    restarts: &[Restart],
    conn: usize,
    count: impl Fn(&Restart) -> usize,
) -> Option<&Restart> {
    restarts.iter().find(|r| count(r) >= conn)
}

fn qos_of(seq: u32) -> QoS {
    if seq % 2 == 0 {
        QoS::AtLeastOnce
    } else {
        QoS::ExactlyOnce
    }
}

impl Flow {
    fn new(from: &'static str) -> Flow {
        Flow {
            from,
            made: 0,
            base: 0,
            window: VecDeque::new(),
            owned: HashMap::new(),
            recent: VecDeque::new(),
            duplicates_qos1: 0,
            duplicates_qos2: Vec::new(),
            expired: Vec::new(),
            unexpected: Vec::new(),
            latency: Hist::new(),
        }
    }

    fn made(&mut self, ep: &mut Endpoint) {
        let seq = self.made;
        ep.queue
            .push_back((qos_of(seq), payload(self.from, seq, qos_of(seq), PAYLOAD)));
        self.made += 1;
        self.window.push_back(0);
    }

    fn owned(&mut self, seq: u32, connection: u32) {
        if seq >= self.base && self.window.get((seq - self.base) as usize) == Some(&0) {
            self.owned.insert(seq, connection);
        }
    }

    fn arrived(&mut self, p: &[u8], qos: u8, at: Instant, connection: usize, epoch: Instant) {
        let Some(stamp) = parse_payload(p) else {
            self.unexpected
                .push(format!("unparsable {:?}", String::from_utf8_lossy(p)));
            return;
        };
        if stamp.name != self.from || stamp.seq >= self.made || qos != qos_of(stamp.seq).bits() {
            self.unexpected.push(format!("{stamp:?} at QoS {qos}"));
            return;
        }
        let seq = stamp.seq;
        let first = seq >= self.base && self.window[(seq - self.base) as usize] == 0;
        if first {
            self.window[(seq - self.base) as usize] = 1;
            self.owned.remove(&seq);
            let made = epoch + Duration::from_micros(stamp.made);
            self.latency.add(at.saturating_duration_since(made));
            self.recent.push_back((seq, at, connection));
        } else if qos_of(seq) == QoS::AtLeastOnce {
            self.duplicates_qos1 += 1;
        } else {
            let before = self.recent.iter().find(|r| r.0 == seq).map(|r| (r.1, r.2));
            self.duplicates_qos2.push((seq, before, at));
        }
        while self.window.front() == Some(&1) {
            self.window.pop_front();
            self.base += 1;
        }
        while self
            .recent
            .front()
            .is_some_and(|r| at.duration_since(r.1) > 2 * KILL_WINDOW + Duration::from_secs(30))
        {
            if let Some((seq, _, _)) = self.recent.pop_front() {
                self.expired.push(seq);
            }
        }
    }

    fn missing(&self) -> Vec<u32> {
        (0..self.window.len())
            .filter(|&i| self.window[i] == 0)
            .map(|i| self.base + i as u32)
            .collect()
    }
}

/// Moves what `tx`'s tap saw the broker take over and what `rx` received into `flow`.
fn drain(flow: &mut Flow, tx: &mut Endpoint, rx: &mut Endpoint, epoch: Instant) {
    for (seq, _, connection) in std::mem::take(&mut tx.tap_mut().observer.owned) {
        flow.owned(seq, connection);
    }
    let got = std::mem::take(&mut rx.tap_mut().inner.handler_mut().messages);
    for m in got {
        flow.arrived(&m.payload, m.qos, m.at, m.connection, epoch);
    }
    // What a message was sent under is kept to trace a loss or a duplicate in the broker's
    // log; one that arrived long enough ago to be out of `recent` needs none (and an hour's
    // messages would hold megabytes).
    let sent = &mut tx.tap_mut().observer.ids_sent;
    for seq in flow.expired.drain(..) {
        sent.remove(&seq);
    }
}

/// Whether `at` falls in the window before one of the SIGKILLs.
/// The lines of Mosquitto's log (`log_type all`, each line led by its Unix time) about
/// `client`'s packets with one of the identifiers in `sent`, within 10 s after each was
/// written, and the broker's own start and stop lines in between: what became of a message.
fn broker_trace(log: &str, client: &str, sent: &[(u16, u64)]) -> Vec<String> {
    let Some(from) = sent.iter().map(|s| s.1).min() else {
        return Vec::new();
    };
    let until = sent.iter().map(|s| s.1).max().unwrap_or(from) + 10;
    let marks: Vec<String> = sent
        .iter()
        .flat_map(|(id, _)| [format!("m{id},"), format!("m{id})"), format!("Mid: {id})")])
        .collect();
    log.lines()
        .filter(|l| {
            let t: u64 = l
                .split(':')
                .next()
                .and_then(|t| t.trim().parse().ok())
                .unwrap_or(0);
            (from.saturating_sub(1)..=until).contains(&t)
                && ((l.contains(client) && marks.iter().any(|m| l.contains(m.as_str())))
                    || l.contains("mosquitto version")
                    || l.contains("Saving in-memory database"))
        })
        .take(40)
        .map(str::to_owned)
        .collect()
}

/// Quota exceeded: what a Mosquitto restored after a SIGKILL answers (see the module doc).
const QUOTA_EXCEEDED: u8 = 0x97;

/// Whether the broker's last answer to `sent`'s PUBLISHes was a refusal with
/// [`QUOTA_EXCEEDED`] (its log: `Sending PUBACK to peer (m5416, rc151)`). Mosquitto logs the
/// code for a 3.1.1 client too, whose PUBACK cannot carry it: there the refusal is silent.
fn refused_by_broker(log: &str, client: &str, sent: &[(u16, u64)]) -> bool {
    let last = broker_trace(log, client, sent)
        .into_iter()
        .rev()
        .find(|l| l.contains("Sending PUBACK") || l.contains("Sending PUBREC"));
    last.and_then(|l| l.rsplit(", rc").next()?.trim_end_matches(')').parse().ok())
        == Some(QUOTA_EXCEEDED)
}

/// Prints how many of `items` (`what`, as `who` saw them) the run met, and the first five.
fn note_first<T: std::fmt::Debug>(who: &str, what: &str, items: &[T]) {
    if !items.is_empty() {
        let first = &items[..items.len().min(5)];
        eprintln!("soak: {who}: {} {what}: {first:?}", items.len());
    }
}

fn before_a_kill(at: Instant, kills: &[Instant]) -> bool {
    kills
        .iter()
        .any(|&k| at <= k && k.duration_since(at) <= KILL_WINDOW)
}

// ---------------------------------------------------------------------------------------
// The firmware's status messages.

#[derive(Default)]
struct Firmware {
    /// Status messages made: count → when the device logged it.
    made: HashMap<u32, Instant>,
    /// Counts the device said it dropped (offline queue full) or lost.
    declared: Vec<u32>,
    /// Arrivals per count.
    arrived: HashMap<u32, u32>,
    connects: u32,
    free_stack: Vec<u64>,
    /// (uptime ms, superloop turns since boot) from each status message that arrived.
    polls: Vec<(u64, u64)>,
    latency: Option<Hist>,
    log_at: usize,
    witness_at: usize,
    last_count: u32,
}

fn number_after(line: &str, key: &str) -> Option<u64> {
    line.split(key)
        .nth(1)?
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

impl Firmware {
    fn take(&mut self, dev: &Device, witness: &Witness) {
        let hist = self.latency.get_or_insert_with(Hist::new);
        let lines = dev.timed_from(self.log_at);
        self.log_at += lines.len();
        for (at, l) in lines {
            if l.contains("dropped: offline queue full") || l.contains(" lost: ") {
                if let Some(c) = number_after(&l, "status #") {
                    self.declared.push(c as u32);
                }
            } else if let Some(c) = number_after(&l, "status #") {
                self.made.entry(c as u32).or_insert(at);
                self.last_count = self.last_count.max(c as u32);
            }
            if l.contains("mqtt: connected") {
                self.connects += 1;
            }
        }
        let lines = witness.timed_from(self.witness_at);
        self.witness_at += lines.len();
        for (at, l) in lines {
            if !l.starts_with(&format!("{PREFIX}/status ")) {
                continue;
            }
            let Some(c) = number_after(&l, "\"count\":") else {
                continue;
            };
            let n = self.arrived.entry(c as u32).or_insert(0);
            *n += 1;
            if *n == 1 {
                if let Some(made) = self.made.get(&(c as u32)) {
                    hist.add(at.saturating_duration_since(*made));
                }
            }
            if let Some(f) = number_after(&l, "\"free_stack\":") {
                self.free_stack.push(f);
            }
            if let (Some(up), Some(p)) = (
                number_after(&l, "\"uptime_ms\":"),
                number_after(&l, "\"polls\":"),
            ) {
                self.polls.push((up, p));
            }
        }
    }

    /// Superloop turns a minute over the run, and the most between two status messages at
    /// least 10 s apart (a busy spell shows there).
    fn polls_per_minute(&self) -> Option<(f64, f64)> {
        let mut points = self.polls.clone();
        points.sort_unstable();
        points.dedup_by_key(|p| p.0);
        let rate = |a: &(u64, u64), b: &(u64, u64)| {
            b.1.saturating_sub(a.1) as f64 * 60_000.0 / (b.0 - a.0).max(1) as f64
        };
        let whole = rate(points.first()?, points.last()?);
        let mut most: f64 = 0.0;
        let mut from = 0;
        for to in 1..points.len() {
            if points[to].0 - points[from].0 >= 10_000 {
                most = most.max(rate(&points[from], &points[to]));
                from = to;
            }
        }
        Some((whole, most))
    }
}

// ---------------------------------------------------------------------------------------
// The schedule.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Clean,
    Loss,
    Corruption,
    Reordering,
    Duplication,
    BlackHole,
    LinkDown,
}

const PHASES: [Phase; 7] = [
    Phase::Clean,
    Phase::Loss,
    Phase::Corruption,
    Phase::Reordering,
    Phase::Duplication,
    Phase::BlackHole,
    Phase::LinkDown,
];

impl Phase {
    fn plan(self, seed: u64) -> FaultPlan {
        let clean = FaultPlan::clean(seed);
        match self {
            Phase::Loss => FaultPlan {
                loss: 0.05,
                ..clean
            },
            Phase::Corruption => FaultPlan {
                corrupt: 0.01,
                ..clean
            },
            Phase::Reordering => FaultPlan {
                reorder: 0.20,
                ..clean
            },
            Phase::Duplication => FaultPlan {
                duplicate: 0.10,
                ..clean
            },
            _ => clean,
        }
    }
}

/// Resident set size and its peak (kB), from /proc/self/status.
fn rss() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn main() {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("soak: {e}");
            std::process::exit(2);
        }
    };
    match soak(&args) {
        Ok(true) => {}
        Ok(false) => std::process::exit(1),
        Err(e) => {
            eprintln!("soak: {e}");
            std::process::exit(1);
        }
    }
}

fn soak(args: &Args) -> Result<bool, String> {
    let epoch = {
        // The payloads' clock (endpoint::micros) starts at its first call: now.
        let t = Instant::now();
        let _ = rawnet_tests::endpoint::micros();
        t
    };
    let pki = Pki::generate(&[BROKER_NAME])?;
    // Mosquitto's default has Nagle on its client sockets. Here the socket's other end is
    // libslirp's host socket, which the kernel acknowledges with its 40 ms delayed ACK, not
    // the device's stack: a packet the broker writes right behind another (a PUBLISH behind
    // a PUBACK) waited those 40 ms, a median of 42 ms in one direction that a device on a
    // wire (smoltcp's ACK delay: 10 ms) would not see. Off, the latency is the stack's.
    let mut broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        persistence: true,
        extra: vec!["set_tcp_nodelay true".into()],
    })?;
    let tls_port = broker.tls.expect("TLS listener").port();

    // The firmware, first: building it takes a while.
    let mut fw = None;
    if args.firmware {
        if !firmware::have_qemu() {
            return Err("qemu-system-arm is not installed (cargo xtask setup installs it); --no-firmware runs the host part alone".into());
        }
        eprintln!("soak: building the firmware");
        let elf = firmware::build(&[
            ("RAWNET_BROKER", BROKER_NAME.to_string()),
            ("RAWNET_CA", pki.path("ca.pem").display().to_string()),
            ("RAWNET_CLIENT_ID", "rawnet-soak".to_string()),
            ("RAWNET_TOPIC_PREFIX", PREFIX.to_string()),
            ("RAWNET_PERIOD_MS", args.period_ms.to_string()),
            ("RAWNET_KEEP_ALIVE_S", "10".to_string()),
        ])?;
        let net = QemuNet::start(
            QemuNetConfig::default()
                .broker(8883, tls_port)
                .faults(FaultPlan::clean(args.seed))
                .quiet(),
        )
        .map_err(|e| e.to_string())?;
        let witness = Witness::start_session(
            broker.plain.port(),
            &format!("{PREFIX}/status"),
            "soak-witness",
        )?;
        let dev = Device::boot(&elf, &net, None)?;
        fw = Some((net, witness, dev, Firmware::default()));
    }

    // The host stack.
    let config = client_config(&pki)?;
    let addrs = [Ipv4Addr::new(10, 0, 2, 100), Ipv4Addr::new(10, 0, 2, 101)];
    let mut stack = faulty_stack(
        FaultPlan::clean(args.seed),
        &[(addrs[0], tls_port), (addrs[1], tls_port)],
    )?;
    let (mut device, mut peer) = Endpoint::pair(&mut stack, addrs, ("s/up", "s/down"), |_| {});
    settle(
        &mut stack,
        &mut [&mut device, &mut peer],
        config,
        Duration::from_secs(30),
    )?;
    stack.device_mut().driver_mut().arm();
    let rss_start = rss();

    let mut up = Flow::new("device");
    let mut down = Flow::new("peer");
    let run = Duration::from_secs_f64(args.minutes * 60.0);
    let start = Instant::now();
    let mut kills: Vec<Instant> = Vec::new();
    let mut restarts = 0u32;
    let mut ends: Vec<Restart> = Vec::new();
    let mut phase_at = usize::MAX;
    let mut check_at = Instant::now();
    let mut report_at = Instant::now() + Duration::from_secs(60);
    let mut problems: Vec<String> = Vec::new();
    let mut draining_since: Option<Instant> = None;

    loop {
        let t = now();
        let busy = stack.poll(t);
        device.step(&mut stack, config, t);
        peer.step(&mut stack, config, t);
        let wall = Instant::now();
        if wall >= check_at {
            check_at = wall + Duration::from_millis(20);
            let elapsed = wall - start;
            if draining_since.is_none() {
                // Make messages at the rate.
                let due = (elapsed.as_secs_f64() * args.rate) as u32;
                while up.made < due {
                    up.made(&mut device);
                }
                while down.made < due {
                    down.made(&mut peer);
                }
                // The network's phase.
                let p = (elapsed.as_secs_f64() / args.phase.as_secs_f64()) as usize;
                if p != phase_at {
                    phase_at = p;
                    let phase = PHASES[p % PHASES.len()];
                    let link = stack.device_mut().driver_mut();
                    link.set_plan(phase.plan(args.seed));
                    match phase {
                        Phase::BlackHole => link.black_hole(Duration::from_secs(5)),
                        Phase::LinkDown => link.link_down(Duration::from_secs(12)),
                        _ => {}
                    }
                    if let Some((net, ..)) = &fw {
                        // The same schedule on the firmware's TCP frames; its link stays up
                        // (a link down is a black hole of the same length there).
                        net.set_faults(phase.plan(args.seed));
                        match phase {
                            Phase::BlackHole => net.black_hole(Duration::from_secs(5)),
                            Phase::LinkDown => net.black_hole(Duration::from_secs(12)),
                            _ => {}
                        }
                    }
                    eprintln!("soak: {:>6.0} s: {phase:?}", elapsed.as_secs_f64());
                }
                // The broker's restarts.
                let due = (elapsed.as_secs_f64() / args.restart_every.as_secs_f64()) as u32;
                if due > restarts {
                    restarts = due;
                    let kill = restarts % 2 == 1 && !args.graceful;
                    ends.push(Restart {
                        kill,
                        tls: [&device, &peer].map(|e| e.tap().observer.connections),
                        mqtt: [&device, &peer].map(|e| e.app().connects.len()),
                    });
                    if kill {
                        eprintln!("soak: {:>6.0} s: broker SIGKILL", elapsed.as_secs_f64());
                        kills.push(Instant::now());
                        broker.restart()?;
                    } else {
                        eprintln!("soak: {:>6.0} s: broker SIGTERM", elapsed.as_secs_f64());
                        broker.restart_gracefully()?;
                    }
                }
                if elapsed >= run {
                    eprintln!("soak: {:>6.0} s: draining", elapsed.as_secs_f64());
                    draining_since = Some(wall);
                    stack
                        .device_mut()
                        .driver_mut()
                        .set_plan(FaultPlan::clean(args.seed));
                    if let Some((net, ..)) = &fw {
                        net.set_faults(FaultPlan::clean(args.seed));
                    }
                }
            }
            // What arrived, and what the broker took over.
            drain(&mut up, &mut device, &mut peer, epoch);
            drain(&mut down, &mut peer, &mut device, epoch);
            if let Some((_, witness, dev, f)) = fw.as_mut() {
                f.take(dev, witness);
                if let Some(status) = dev.exited() {
                    problems.push(format!(
                        "the firmware ended ({status}); its last lines:\n{}",
                        dev.timed_from(f.log_at.saturating_sub(30))
                            .into_iter()
                            .map(|l| l.1)
                            .collect::<Vec<_>>()
                            .join("\n")
                    ));
                    break;
                }
            }
            if wall >= report_at {
                report_at = wall + Duration::from_secs(60);
                eprintln!(
                    "soak: {:>6.0} s: host up {} / {} arrived, down {} / {}; firmware {} made, {} arrived; RSS {} kB",
                    elapsed.as_secs_f64(),
                    up.made as usize - up.missing().len(),
                    up.made,
                    down.made as usize - down.missing().len(),
                    down.made,
                    fw.as_ref().map_or(0, |f| f.3.made.len()),
                    fw.as_ref().map_or(0, |f| f.3.arrived.len()),
                    rss().0
                );
            }
            if let Some(since) = draining_since {
                let host_done = up.missing().is_empty()
                    && down.missing().is_empty()
                    && device.queue.is_empty()
                    && peer.queue.is_empty();
                let fw_done = fw.as_ref().is_none_or(|(.., f)| {
                    f.made
                        .keys()
                        .all(|c| f.arrived.contains_key(c) || f.declared.contains(c))
                });
                if (host_done && fw_done) || wall - since > DRAIN {
                    break;
                }
            }
        }
        if !busy {
            std::thread::sleep(Duration::from_micros(300));
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let rss_end = rss();

    // Judge and report.
    let mut report = String::new();
    let mut broker_lost = 0usize;
    let mut broker_refused = 0usize;
    let mut broker_resent = 0usize;
    let log = broker.log();
    let _ = writeln!(
        report,
        "\n## soak: {:.1} min, {} broker restarts ({} SIGKILL), phases of {} s\n",
        seconds / 60.0,
        restarts,
        kills.len(),
        args.phase.as_secs()
    );
    let _ = writeln!(report, "| what | messages | arrived | QoS 1 duplicates | QoS 2 duplicates | lost | lost with a SIGKILL | reconnects | latency |");
    let _ = writeln!(report, "|---|---|---|---|---|---|---|---|---|");
    for (i, flow, tx) in [(0, &up, &device), (1, &down, &peer)] {
        let missing = flow.missing();
        let rx = if i == 0 { &peer } else { &device };
        let killed = |conn: u32, side: usize| {
            ended_by(&ends, conn as usize, |r| r.tls[side] as usize).is_some_and(|r| r.kill)
        };
        // Lost by the broker: taken over on a connection whose broker process was killed, or
        // sent by a restored broker under an identifier the receiver held for another message
        // from a killed process (acknowledged as that one again, as MQTT requires).
        let reused: Vec<&Reused> = rx
            .tap()
            .observer
            .reused
            .iter()
            .filter(|r| r.connection > r.held_connection && killed(r.held_connection, 1 - i))
            .collect();
        let (theirs, ours): (Vec<u32>, Vec<u32>) = missing.iter().partition(|&&seq| {
            flow.owned.get(&seq).is_some_and(|&c| killed(c, i))
                || reused.iter().any(|r| r.seq == seq)
        });
        // Refused by a broker restored after a SIGKILL (quota exceeded, its last answer to
        // the message, in its log): reported to a 5.0 sender as an error, silent to a 3.1.1
        // one. Counted apart; never in a run without SIGKILLs.
        let sent_ids = |seq: &u32| {
            tx.tap()
                .observer
                .ids_sent
                .get(seq)
                .map_or(&[][..], Vec::as_slice)
        };
        let (refused, ours): (Vec<u32>, Vec<u32>) = ours
            .into_iter()
            .partition(|seq| !kills.is_empty() && refused_by_broker(&log, tx.name, sent_ids(seq)));
        note_first(
            flow.from,
            "messages refused by the broker (quota exceeded)",
            &refused,
        );
        broker_refused += refused.len();
        note_first(
            rx.name,
            "QoS 2 messages came under an identifier it held from a killed broker",
            &reused,
        );
        broker_lost += theirs.len();
        // Delivered twice by the broker: first delivered on a connection (the receiver's)
        // whose broker process was killed before it recorded the delivery as complete.
        let (dup_theirs, dup_ours): (Vec<&Dup>, Vec<_>) =
            flow.duplicates_qos2.iter().partition(|(_, first, _)| {
                first.is_some_and(|(_, c)| {
                    ended_by(&ends, c, |r| r.mqtt[1 - i]).is_some_and(|r| r.kill)
                })
            });
        // Delivered twice by the broker: sent again (DUP) after its PUBREL had released it,
        // which MQTT forbids (see `Resent`); the receiver's log of its own packets shows it.
        let resent: Vec<&Resent> = rx
            .tap()
            .observer
            .resent
            .iter()
            .filter(|r| r.connection > r.released_connection)
            .collect();
        let (dup_resent, dup_ours): (Vec<&Dup>, Vec<_>) = dup_ours
            .into_iter()
            .partition(|(seq, _, _)| resent.iter().any(|r| r.seq == *seq));
        note_first(
            rx.name,
            "QoS 2 messages the broker sent again after releasing them (PUBREL; one first delivered on a connection to a SIGKILLed broker counts in that column)",
            &resent,
        );
        broker_resent += dup_resent.len();
        let _ =
            writeln!(
            report,
            "| host {} → {} ({}) | {} | {} | {} | {} (+{} with a SIGKILL, +{} sent again after PUBREL) | {} | {} | {} | {} |",
            flow.from,
            if flow.from == "device" { "peer" } else { "device" },
            if flow.from == "device" { "5.0" } else { "3.1.1" },
            flow.made,
            flow.made as usize - missing.len(),
            flow.duplicates_qos1,
            dup_ours.len(),
            dup_theirs.len(),
            dup_resent.len(),
            ours.len(),
            theirs.len(),
            tx.opened - 1,
            flow.latency.summary()
        );
        if !ours.is_empty() {
            let mut trace = String::new();
            for seq in ours.iter().take(3) {
                let sent = tx.tap().observer.ids_sent.get(seq);
                let taken = match flow.owned.get(seq) {
                    Some(&c) => match ended_by(&ends, c as usize, |r| r.tls[i] as usize) {
                        Some(_) => format!(
                            "taken over on connection {c}, whose broker was then stopped (SIGTERM)"
                        ),
                        None => format!("taken over on connection {c}, the last"),
                    },
                    None => "never taken over".to_string(),
                };
                let _ = write!(
                    trace,
                    "\n  #{seq} {taken}; written with (packet id, unix s) {sent:?}; the broker's log:"
                );
                for line in broker_trace(&log, tx.name, sent.map_or(&[], Vec::as_slice)) {
                    let _ = write!(trace, "\n    {line}");
                }
            }
            problems.push(format!(
                "{}: {} messages lost: {:?}{trace}",
                flow.from,
                ours.len(),
                &ours[..ours.len().min(20)]
            ));
        }
        if !dup_ours.is_empty() {
            let mut trace = String::new();
            for (seq, first, _) in dup_ours.iter().take(3) {
                let how = match first {
                    Some((_, c)) => match ended_by(&ends, *c, |r| r.mqtt[1 - i]) {
                        Some(_) => format!(
                            "first on connection {c}, whose broker was then stopped (SIGTERM)"
                        ),
                        None => format!("first on connection {c}, the last"),
                    },
                    None => "first arrival not recent".to_string(),
                };
                let sent = tx.tap().observer.ids_sent.get(seq);
                let _ = write!(
                    trace,
                    "\n  #{seq} to {}: {how}; sent with (packet id, unix s) {sent:?}; the broker's log:",
                    rx.name
                );
                for line in broker_trace(&log, tx.name, sent.map_or(&[], Vec::as_slice)) {
                    let _ = write!(trace, "\n    {line}");
                }
            }
            problems.push(format!(
                "{}: QoS 2 delivered twice: {:?}{trace}",
                flow.from,
                dup_ours.iter().map(|d| d.0).take(10).collect::<Vec<_>>()
            ));
        }
        if !flow.unexpected.is_empty() {
            problems.push(format!("{}: unexpected {:?}", flow.from, flow.unexpected));
        }
        let s = &tx.tap().observer;
        if !s.dup_wrong.is_empty() {
            problems.push(format!("{}: {:?}", tx.name, s.dup_wrong));
        }
        if !tx.refused.is_empty() {
            problems.push(format!("{}: publishes refused {:?}", tx.name, tx.refused));
        }
        if !tx.app().publish_errors.is_empty() {
            // Reported, not judged: a PUBREL for a message the killed broker forgot is
            // answered "packet identifier not found" (5.0), which is the broker's loss above.
            eprintln!(
                "soak: {}: publishes that ended in an error: {:?}",
                tx.name,
                tx.app().publish_errors
            );
        }
    }
    if let Some((net, witness, dev, mut f)) = fw {
        f.take(&dev, &witness);
        let cutoff = f.made.len();
        let mut lost = Vec::new();
        let mut theirs = 0;
        for (c, at) in &f.made {
            if f.arrived.contains_key(c) || f.declared.contains(c) {
                continue;
            }
            // The device's acknowledgements are not in its log: a message made within the
            // window before a kill (or while the broker was down and acknowledged at once
            // after) counts as the broker's.
            if before_a_kill(*at, &kills) {
                theirs += 1;
            } else {
                lost.push(*c);
            }
        }
        lost.sort_unstable();
        broker_lost += theirs;
        let dups: u32 = f.arrived.values().map(|n| n - 1).sum();
        let _ = writeln!(
            report,
            "| firmware (QEMU) status, QoS 1 | {} | {} | {} | – | {} (+{} dropped, said) | {} | {} | {} |",
            cutoff,
            f.arrived.len(),
            dups,
            lost.len(),
            f.declared.len(),
            theirs,
            f.connects.saturating_sub(1),
            f.latency.as_ref().map_or("no samples".into(), Hist::summary)
        );
        if !lost.is_empty() {
            problems.push(format!(
                "firmware: {} status messages lost: {:?}",
                lost.len(),
                &lost[..lost.len().min(20)]
            ));
        }
        // The painted stack's free bytes only shrink: the question is whether they stop.
        let at = |share: usize| {
            f.free_stack
                .get(f.free_stack.len() * share / 4)
                .or(f.free_stack.last())
                .copied()
                .unwrap_or(0)
        };
        let _ = writeln!(
            report,
            "\nFirmware: stack never used (painted) {} B in the first status message, {} B a quarter into the run, {} B halfway, {} B in the last; superloop turns a minute {}; its link (TCP frames): {}; {} SYNs.",
            at(0),
            at(1),
            at(2),
            f.free_stack.last().copied().unwrap_or(0),
            f.polls_per_minute().map_or("unknown".to_string(), |(whole, most)| format!(
                "{whole:.0} over the run, at most {most:.0} over 10 s"
            )),
            net.stats().link.summary(),
            net.stats().syns_from_guest,
        );
        // The superloop sleeps in `wfi` between interrupts, SysTick's millisecond at most:
        // about 60,000 turns a minute. A spinning loop turns millions of times.
        if let Some((_, most)) = f.polls_per_minute() {
            if most > MAX_POLLS_PER_MINUTE {
                problems.push(format!(
                    "firmware: {most:.0} superloop turns a minute over 10 s: a busy loop"
                ));
            }
        }
    }
    let link = stack.device().driver().stats();
    let _ = writeln!(report, "Host link: {}.", link.summary());
    let _ = writeln!(
        report,
        "Host memory: RSS {} kB at the start, {} kB at the end (peak {} kB), over {} connections; the harness keeps the firmware's and the witness's log lines.",
        rss_start.0,
        rss_end.0,
        rss_end.1,
        device.opened + peer.opened,
    );
    let _ = writeln!(
        report,
        "Lost with a SIGKILL (the host's: taken over by the broker process then killed, or sent by the restored broker under an identifier the receiver held from the killed one; the firmware's: made within {} s before a kill; Mosquitto's database is written once a second): {broker_lost}. Refused by the broker restored after a SIGKILL (quota exceeded; a 3.1.1 sender cannot see it): {broker_refused}. QoS 2 messages delivered twice because the restarted broker sent them again after it had released them with PUBREL (the receiver had freed the identifier, as MQTT has it): {broker_resent}.",
        KILL_WINDOW.as_secs()
    );
    println!("{report}");
    if problems.is_empty() {
        println!("soak: passed");
        Ok(true)
    } else {
        for p in &problems {
            println!("soak: FAILED: {p}");
        }
        println!("soak: the broker's log: {}", broker.keep_log("soak-broker"));
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines as Mosquitto 2.0.11 logs them (`log_type all`), from a kill-heavy soak.
    const LOG: &str = "\
1796537844: Received PUBLISH from peer (d0, q1, r0, m5416, 's/down', ... (48 bytes))
1796537844: Sending PUBACK to peer (m5416, rc151)
1796537844: Received PUBLISH from peer (d0, q1, r0, m5418, 's/down', ... (48 bytes))
1796537844: Sending PUBACK to peer (m5418, rc0)
1796537845: Received PUBLISH from device (d0, q2, r0, m5416, 's/up', ... (48 bytes))
1796537845: Sending PUBREC to device (m5416, rc0)
";

    #[test]
    fn a_refusal_is_read_from_the_brokers_log() {
        assert!(refused_by_broker(LOG, "peer", &[(5416, 1796537844)]));
        assert!(!refused_by_broker(LOG, "peer", &[(5418, 1796537844)]));
        assert!(!refused_by_broker(LOG, "device", &[(5416, 1796537845)]));
        // Outside the time the message was written: not this message's.
        assert!(!refused_by_broker(LOG, "peer", &[(5416, 1796530000)]));
        // Refused, then taken on a resend: the last answer counts.
        let resent = format!("{LOG}1796537846: Sending PUBACK to peer (m5416, rc0)\n");
        assert!(!refused_by_broker(&resent, "peer", &[(5416, 1796537844)]));
        // Another refusal is not the restored broker's quota.
        let other = LOG.replace("rc151", "rc144");
        assert!(!refused_by_broker(&other, "peer", &[(5416, 1796537844)]));
    }
}
