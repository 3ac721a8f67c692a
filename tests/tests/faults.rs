//! Network faults under the whole stack: driver → smoltcp → rawnet-tcp → rawnet-tls (TLS 1.3)
//! → rawnet-mqtt, on the host, against a real Mosquitto TLS listener.
//!
//! A [`FaultyLink`] sits between the stack and the wire (restricted libslirp, whose only way
//! out is one forward per client to Mosquitto's TLS listener on 127.0.0.1). Two rawnet
//! clients share the stack: the "device" (MQTT 5.0) and the "peer" (MQTT 3.1.1), each with a
//! persistent session. Under each fault, and on a clean link as the reference, the device
//! publishes N QoS 1 and N QoS 2 messages that the peer receives, and the peer as many that
//! the device receives. A client whose connection fails reconnects with backoff and resumes
//! its session (a fresh TLS session each time).
//!
//! Checked for every run: nothing lost, no QoS 2 message delivered twice, every resend of a
//! PUBLISH by a rawnet client carries DUP (read from the bytes each client writes into TLS),
//! every publish acknowledged, within a time bound computed from the fault. A table of the
//! figures (copy it to docs/reliability.md) is printed at the end.
//!
//! N is `RAWNET_FAULT_MESSAGES` (default [`SHORT_N`], the form `cargo test` runs; the soak
//! runs e.g. 10000); `RAWNET_FAULTS=loss,mtu` runs only the faults named; `RAWNET_FAULT_SEED`
//! changes the seed of the per-frame decisions.

use rawnet_altcp::{Callbacks, Connection, Instant};
use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_eth::SmoltcpDevice;
use rawnet_mqtt::client::{
    Backoff, Buffers, Client, Commands, Connected, Disconnected, Error as MqttError, Handler,
    Message, Options, Publication, RequestError,
};
use rawnet_mqtt::wire::{PacketId, QoS, ReasonCode, Subscription, SubscriptionOptions, Version};
use rawnet_tcp::smoltcp::wire::IpAddress;
use rawnet_tcp::{Stack, TcpHandle};
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::faults::{FaultPlan, FaultStats, FaultyLink, IN, OUT};
use rawnet_tests::host::{buffer, dhcp_stack, now, wait_for_lease};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::tls::unix_now;
use rawnet_tls::test_session::TestBuffers;
use rawnet_tls::{ClientConfig, MaxFragmentLength, NoSigner, SessionRef, Tls, Verification};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::{Ipv4Addr, SocketAddrV4};
use std::time::{Duration, Instant as StdInstant};

/// Messages per QoS and direction in the short form.
const SHORT_N: usize = 200;
/// Request records per client.
const RECORDS: usize = 16;
/// Payload length of every message.
const PAYLOAD: usize = 48;
/// The TLS port inside the virtual network.
const GUEST_PORT: u16 = 8883;
/// The black hole's length.
const BLACK_HOLE: Duration = Duration::from_secs(5);
/// How long the link stays down: longer than the MQTT request timeout (10 s), so that the
/// clients give up their connections and resume their sessions on new ones (QoS 1 and 2
/// resent with DUP, PUBREL resent) once the link is back.
const LINK_DOWN: Duration = Duration::from_secs(12);

/// QoS 2 identifiers a client holds between PUBLISH and PUBREL (the client's `M`; advertised
/// as its Receive Maximum in 5.0). Mosquitto 2.0.11 does not keep to a client's Receive
/// Maximum (nor to its own `max_inflight_messages` for 3.1.1) once acknowledgements are
/// delayed: with the default 20 it sent up to 87 unacknowledged QoS 1/2 PUBLISHes, the client
/// ended each connection with 0x93 Receive Maximum exceeded (as MQTT 5.0 requires), the
/// broker resent its whole window on the next, and under 10 % loss the sessions never drained.
/// Room for every message of a run keeps that broker behaviour out of the figures.
const QOS2_IN: usize = 512;

type Mqtt = Client<'static, Recorder, RECORDS, QOS2_IN>;
type Layer = Tls<'static, 'static, Tap<Mqtt>>;
type Net = Stack<'static, SmoltcpDevice<FaultyLink<SlirpDevice>>>;

// ---------------------------------------------------------------------------------------
// What a client's handler records.

/// A message received whole.
#[derive(Debug, Clone)]
struct Got {
    payload: Vec<u8>,
    qos: u8,
    dup: bool,
}

#[derive(Debug)]
struct Recorder {
    /// The filter subscribed to when the broker has no session.
    subscribe: &'static str,
    connects: Vec<bool>,
    disconnects: Vec<Disconnected>,
    published_ok: usize,
    publish_errors: Vec<(Option<u16>, RequestError)>,
    subscribe_errors: usize,
    messages: Vec<Got>,
    current: Option<Got>,
}

impl Recorder {
    fn new(subscribe: &'static str) -> Recorder {
        Recorder {
            subscribe,
            connects: Vec::new(),
            disconnects: Vec::new(),
            published_ok: 0,
            publish_errors: Vec::new(),
            subscribe_errors: 0,
            messages: Vec::new(),
            current: None,
        }
    }
}

impl Handler for Recorder {
    fn connected(&mut self, info: &Connected<'_>, client: &mut impl Commands) {
        self.connects.push(info.session_present);
        if !info.session_present {
            let filter = [Subscription {
                filter: self.subscribe,
                options: SubscriptionOptions::qos(QoS::ExactlyOnce),
            }];
            if client.subscribe(&filter).is_err() {
                self.subscribe_errors += 1;
            }
        }
    }
    fn disconnected(&mut self, reason: Disconnected, _: &mut impl Commands) {
        self.disconnects.push(reason);
    }
    fn published(
        &mut self,
        id: Option<PacketId>,
        result: Result<ReasonCode, RequestError>,
        _: &mut impl Commands,
    ) {
        match result {
            Ok(_) => self.published_ok += 1,
            Err(e) => self.publish_errors.push((id.map(|i| i.get()), e)),
        }
    }
    fn subscribed(
        &mut self,
        _: PacketId,
        result: Result<rawnet_mqtt::client::Granted<'_>, RequestError>,
        _: &mut impl Commands,
    ) {
        if result.is_err() {
            self.subscribe_errors += 1;
        }
    }
    fn message_start(&mut self, m: &Message<'_>, _: &mut impl Commands) {
        self.current = Some(Got {
            payload: Vec::with_capacity(m.len),
            qos: m.qos.bits(),
            dup: m.dup,
        });
    }
    fn message_data(&mut self, data: &[u8], last: bool, _: &mut impl Commands) {
        if let Some(c) = self.current.as_mut() {
            c.payload.extend_from_slice(data);
        }
        if last {
            if let Some(c) = self.current.take() {
                self.messages.push(c);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// A tap between TLS and the MQTT client: reads every PUBLISH the client writes.

/// What the tap saw of the client's outgoing PUBLISH packets.
#[derive(Debug, Default)]
struct Sends {
    version: Option<Version>,
    /// Bytes of the current connection's outgoing stream not yet parsed.
    pending: Vec<u8>,
    /// Times each payload was sent.
    count: HashMap<Vec<u8>, u32>,
    /// Sends after the first (resends).
    resends: u64,
    /// Resends without DUP: wrong.
    dup_wrong: Vec<String>,
    /// First sends (as far as TLS saw) with DUP.
    dup_first: u64,
}

impl Sends {
    fn wrote(&mut self, data: &[u8]) {
        self.pending.extend_from_slice(data);
        loop {
            let Some((len, header)) = packet_len(&self.pending) else {
                return;
            };
            if self.pending.len() < header + len {
                return;
            }
            let packet: Vec<u8> = self.pending.drain(..header + len).collect();
            if packet[0] >> 4 == 3 {
                self.publish(packet[0], &packet[header..]);
            }
        }
    }

    fn publish(&mut self, first: u8, body: &[u8]) {
        let dup = first & 0x08 != 0;
        let qos = (first >> 1) & 3;
        let Some(payload) = publish_payload(body, qos, self.version == Some(Version::V5)) else {
            self.dup_wrong
                .push(format!("unparsable PUBLISH {body:02x?}"));
            return;
        };
        let n = self.count.entry(payload.to_vec()).or_insert(0);
        *n += 1;
        let name = String::from_utf8_lossy(payload).into_owned();
        if *n > 1 {
            self.resends += 1;
            if !dup {
                self.dup_wrong
                    .push(format!("resend {n} of {name:?} without DUP"));
            }
        } else if dup {
            // Encoded into the client's output ring before the connection ended, but never
            // handed to TLS: the client cannot tell it from a PUBLISH that left, and sends
            // it with DUP. Allowed ("might be a re-delivery", MQTT 3.3.1.1); counted.
            self.dup_first += 1;
        }
    }
}

/// The remaining length of the packet at the start of `b` and its fixed header's length.
fn packet_len(b: &[u8]) -> Option<(usize, usize)> {
    let mut len = 0usize;
    for i in 0..4 {
        let byte = *b.get(1 + i)?;
        len |= usize::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((len, 2 + i));
        }
    }
    None
}

/// The payload of a PUBLISH body (variable header onward).
fn publish_payload(body: &[u8], qos: u8, v5: bool) -> Option<&[u8]> {
    let topic = usize::from(u16::from_be_bytes([*body.first()?, *body.get(1)?]));
    let mut at = 2 + topic + if qos > 0 { 2 } else { 0 };
    if v5 {
        let (props, n) = packet_len(body.get(at - 1..)?)?;
        at += n - 1 + props;
    }
    body.get(at..)
}

/// The MQTT client with the tap in front of it.
struct Tap<H> {
    client: H,
    sends: Sends,
}

/// The connection below, as the client sees it through the tap.
struct TapConn<'a, C> {
    conn: &'a mut C,
    sends: &'a mut Sends,
}

impl<C: Connection> Connection for TapConn<'_, C> {
    type Error = C::Error;
    fn send_space(&self) -> usize {
        self.conn.send_space()
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, C::Error> {
        let n = self.conn.write(data)?;
        self.sends.wrote(&data[..n]);
        Ok(n)
    }
    fn output(&mut self) -> Result<(), C::Error> {
        self.conn.output()
    }
    fn close(&mut self) -> Result<(), C::Error> {
        self.conn.close()
    }
    fn abort(&mut self) {
        self.conn.abort()
    }
    fn set_nodelay(&mut self, nodelay: bool) {
        self.conn.set_nodelay(nodelay)
    }
    fn set_keep_alive(&mut self, interval: Option<rawnet_altcp::Duration>) {
        self.conn.set_keep_alive(interval)
    }
    fn is_connected(&self) -> bool {
        self.conn.is_connected()
    }
}

impl<H> Tap<H> {
    fn with<C: Connection, R>(
        &mut self,
        conn: &mut C,
        f: impl FnOnce(&mut H, &mut TapConn<'_, C>) -> R,
    ) -> R {
        let mut tc = TapConn {
            conn,
            sends: &mut self.sends,
        };
        f(&mut self.client, &mut tc)
    }
}

impl<C, H> Callbacks<C> for Tap<H>
where
    C: Connection,
    H: for<'x> Callbacks<TapConn<'x, C>>,
{
    fn connected(&mut self, conn: &mut C, now: Instant) {
        self.sends.pending.clear();
        self.with(conn, |h, c| h.connected(c, now))
    }
    fn recv(&mut self, conn: &mut C, data: &[u8], now: Instant) -> usize {
        self.with(conn, |h, c| h.recv(c, data, now))
    }
    fn eof(&mut self, conn: &mut C, now: Instant) {
        self.with(conn, |h, c| h.eof(c, now))
    }
    fn sent(&mut self, conn: &mut C, len: usize, now: Instant) {
        self.with(conn, |h, c| h.sent(c, len, now))
    }
    fn poll(&mut self, conn: &mut C, now: Instant) {
        self.with(conn, |h, c| h.poll(c, now))
    }
    fn err(&mut self, err: C::Error, now: Instant) {
        self.client.err(err, now)
    }
}

// ---------------------------------------------------------------------------------------
// A client on the faulty stack, reconnecting as needed.

/// A TLS session for one connection. Leaked: a run opens a handful.
fn new_session(config: &'static ClientConfig<'static>) -> SessionRef<'static, 'static> {
    let buffers: &'static mut TestBuffers = Box::leak(Box::new(TestBuffers::new()));
    let (shared, read, write) = buffers.split();
    let shared = Box::leak(Box::new(shared));
    let read = &mut read[..config.read_buffer_len()];
    let write = &mut write[..rawnet_tls::write_buffer_len(config)];
    let session = rawnet_tls::session(
        shared,
        config,
        unix_now(),
        read,
        write,
        rand_core::OsRng,
        NoSigner,
    )
    .expect("TestBuffers hold the configuration");
    Box::leak(Box::new(Box::pin(session))).as_mut()
}

struct Endpoint {
    name: &'static str,
    addr: Ipv4Addr,
    handle: TcpHandle,
    layer: Option<Layer>,
    idle: Option<Tap<Mqtt>>,
    backoff: Backoff,
    seen_disconnects: usize,
    /// Connections opened (TCP connects).
    opened: u32,
    topic: &'static str,
    outgoing: Vec<Vec<u8>>,
    next: usize,
    refused: Vec<MqttError>,
}

fn qos_of(i: usize) -> QoS {
    if i % 2 == 0 {
        QoS::AtLeastOnce
    } else {
        QoS::ExactlyOnce
    }
}

impl Endpoint {
    #[allow(clippy::too_many_arguments)]
    fn new(
        stack: &mut Net,
        name: &'static str,
        addr: Ipv4Addr,
        version: Version,
        topic: &'static str,
        subscribe: &'static str,
        n: usize,
    ) -> Endpoint {
        let mut options = Options::new(name);
        options.version = version;
        options.keep_alive = 30;
        options.clean_start = false;
        options.session_expiry = 3600;
        let client = Client::new(
            Recorder::new(subscribe),
            options,
            Buffers {
                output: buffer(2048),
                receive: buffer(1024),
                store: buffer(8192),
            },
        );
        let outgoing = (0..2 * n)
            .map(|i| {
                let mut p = format!("{name} {i:06} q{}", qos_of(i).bits()).into_bytes();
                p.resize(PAYLOAD, b'.');
                p
            })
            .collect();
        Endpoint {
            name,
            addr,
            handle: stack
                .tcp_socket(buffer(4096), buffer(4096))
                .expect("socket"),
            layer: None,
            idle: Some(Tap {
                client,
                sends: Sends {
                    version: Some(version),
                    ..Sends::default()
                },
            }),
            backoff: Backoff::new(
                rawnet_altcp::Duration::from_ticks(100),
                rawnet_altcp::Duration::from_ticks(2_000),
            ),
            seen_disconnects: 0,
            opened: 0,
            topic,
            outgoing,
            next: 0,
            refused: Vec::new(),
        }
    }

    fn tap(&self) -> &Tap<Mqtt> {
        match (&self.layer, &self.idle) {
            (Some(l), _) => l.inner(),
            (None, Some(t)) => t,
            (None, None) => unreachable!("the client is always somewhere"),
        }
    }

    fn app(&self) -> &Recorder {
        self.tap().client.handler()
    }

    fn open(&mut self, stack: &mut Net, config: &'static ClientConfig<'static>, t: Instant) {
        let tap = self.idle.take().expect("idle client");
        self.layer = Some(Tls::new(new_session(config), tap));
        self.opened += 1;
        let ip = IpAddress::Ipv4(self.addr);
        if let Err(e) = stack.connect(&mut self.handle, ip, GUEST_PORT, t) {
            panic!("{}: connect: {e:?}", self.name);
        }
    }

    /// One turn of the superloop for this client.
    fn step(&mut self, stack: &mut Net, config: &'static ClientConfig<'static>, t: Instant) {
        let Some(layer) = self.layer.as_mut() else {
            if self.backoff.due(t) {
                self.open(stack, config, t);
            }
            return;
        };
        stack.drive(&mut self.handle, layer, t);
        let ends = layer.inner().client.handler().disconnects.len();
        if layer.is_done() || ends > self.seen_disconnects {
            // The connection ended: drop what is left of it and try again after a while.
            stack.connection(&mut self.handle).abort();
            let tap = self.layer.take().expect("layer").into_inner();
            self.seen_disconnects = tap.client.handler().disconnects.len();
            self.idle = Some(tap);
            self.backoff
                .failed(t, rand_core::RngCore::next_u32(&mut rand_core::OsRng));
            return;
        }
        if !layer.inner().client.is_connected() {
            return;
        }
        self.backoff.succeeded();
        while self.next < self.outgoing.len() {
            let msg =
                Publication::new(self.topic, &self.outgoing[self.next]).qos(qos_of(self.next));
            let mut tcp = stack.connection(&mut self.handle);
            let r = layer.with_connection(&mut tcp, t, |tap, conn| {
                tap.with(conn, |client, c| client.publish(c, &msg, t))
            });
            match r {
                Ok(_) => self.next += 1,
                Err(
                    MqttError::OutputFull
                    | MqttError::TooManyRequests
                    | MqttError::ReceiveMaximum
                    | MqttError::StoreFull
                    | MqttError::NotConnected,
                ) => break,
                Err(e) => {
                    self.refused.push(e);
                    self.next += 1;
                }
            }
        }
    }
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
/// libslirp's minimum), the outage, and what TCP's backoff and a reconnect add after it.
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

fn run(
    fault: &Fault,
    n: usize,
    pki: &Pki,
    config: &'static ClientConfig<'static>,
) -> Result<Figures, String> {
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })?;
    let tls_port = broker.tls.expect("TLS listener").port();
    let mut slirp = SlirpDevice::new(SlirpConfig::default()).map_err(|e| e.to_string())?;
    let addrs = [Ipv4Addr::new(10, 0, 2, 100), Ipv4Addr::new(10, 0, 2, 101)];
    for a in addrs {
        slirp
            .forward(SocketAddrV4::new(a, GUEST_PORT), tls_port)
            .map_err(|e| e.to_string())?;
    }
    let mut stack: Net = dhcp_stack(FaultyLink::new(slirp, fault.plan), fault.plan.seed);
    wait_for_lease(&mut stack, Duration::from_secs(10))?;
    let mut device = Endpoint::new(
        &mut stack,
        "device",
        addrs[0],
        Version::V5,
        "f/up",
        "f/down",
        n,
    );
    let mut peer = Endpoint::new(
        &mut stack,
        "peer",
        addrs[1],
        Version::V311,
        "f/down",
        "f/up",
        n,
    );
    // Both connected and subscribed on a clean link before the clock starts and the faults
    // begin, so that neither misses a message sent before its subscription.
    let t = now();
    device.open(&mut stack, config, t);
    peer.open(&mut stack, config, t);
    let setup = StdInstant::now() + Duration::from_secs(20);
    loop {
        let t = now();
        let busy = stack.poll(t);
        for ep in [&mut device, &mut peer] {
            if let Some(layer) = ep.layer.as_mut() {
                stack.drive(&mut ep.handle, layer, t);
            }
        }
        let subscribed = |e: &Endpoint| {
            e.tap().client.is_connected()
                && e.app().connects.len() == 1
                && e.tap().client.in_flight() == 0
        };
        if subscribed(&device) && subscribed(&peer) {
            break;
        }
        if StdInstant::now() > setup {
            return Err(format!(
                "setup: not connected and subscribed in 20 s: device {:?}, peer {:?}",
                device.app().disconnects,
                peer.app().disconnects
            ));
        }
        if !busy {
            std::thread::sleep(Duration::from_micros(300));
        }
    }
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
                e.next == e.outgoing.len()
                    && e.app().published_ok + e.app().publish_errors.len() >= e.outgoing.len()
            };
            if progress == total && finished(&device) && finished(&peer) {
                break;
            }
        }
        if start.elapsed() > limit {
            return Err(format!(
                "{}: not done within {limit:?}: {progress} of {total} messages delivered; device sent {} acked {} ({:?}), peer sent {} acked {} ({:?}); link {:?}",
                fault.name,
                device.next,
                device.app().published_ok,
                device.app().disconnects,
                peer.next,
                peer.app().published_ok,
                peer.app().disconnects,
                stack.device().driver().stats(),
            ) + &format!("; broker log: {}", keep_log(&broker, fault.name)));
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
    for (rx, tx) in [(&peer, &device), (&device, &peer)] {
        let mut count: HashMap<&[u8], Vec<&Got>> = HashMap::new();
        for m in &rx.app().messages {
            count.entry(&m.payload).or_default().push(m);
        }
        for (i, p) in tx.outgoing.iter().enumerate() {
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
        if app.published_ok != tx.outgoing.len() {
            problems.push(format!(
                "{}: {} of {} publishes acknowledged",
                tx.name,
                app.published_ok,
                tx.outgoing.len()
            ));
        }
        let sends = &tx.tap().sends;
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
        resends: device.tap().sends.resends + peer.tap().sends.resends,
        dup_first: device.tap().sends.dup_first + peer.tap().sends.dup_first,
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
        "  {}: device connections ended {:?}, peer connections ended {:?}",
        fault.name,
        device.app().disconnects,
        peer.app().disconnects
    );
    if std::env::var_os("RAWNET_FAULT_KEEP_LOGS").is_some() {
        eprintln!("  broker log: {}", keep_log(&broker, fault.name));
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
            keep_log(&broker, fault.name),
        ))
    }
}

/// Keeps the broker's log of a failed run; its path.
fn keep_log(broker: &Mosquitto, fault: &str) -> String {
    let name: String = fault
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let path = std::env::temp_dir().join(format!("rawnet-faults-{name}.log"));
    match std::fs::write(&path, broker.log()) {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("not kept ({e})"),
    }
}

#[test]
fn qos1_and_qos2_both_ways_survive_every_network_fault() {
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
    let ca: &'static [u8] = Box::leak(pki.ca_der.clone().into_boxed_slice());
    let anchors: &'static [&'static [u8]] = Box::leak(Box::new([ca]));
    let config: &'static ClientConfig<'static> = Box::leak(Box::new(
        ClientConfig::new(BROKER_NAME, Verification::new(anchors).unwrap())
            .unwrap()
            .with_max_fragment_length(MaxFragmentLength::Bits10),
    ));

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
        match run(&fault, n, &pki, config) {
            Ok(f) => {
                eprintln!("{}", f.row());
                let _ = write!(table, "\n{}", f.row());
            }
            Err(e) => {
                eprintln!("FAILED {e}");
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
    eprintln!("\nseed {seed:#x}, N = {n} per QoS and direction\n{table}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
