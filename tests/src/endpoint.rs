//! A rawnet MQTT client over TLS 1.3 on a host stack that reconnects by itself, with a tap on
//! its traffic: the network-fault suite (`tests/tests/faults.rs`) and the soak
//! (`src/bin/soak.rs`) run two of these on one stack over a [`FaultyLink`].
//!
//! A [`Tap`] sits between TLS and the client and reads the MQTT bytes both ways: each PUBLISH
//! the client writes (how often each message was sent and whether a resend carried DUP), and
//! each PUBACK or PUBREC it receives (the moment the broker took a message over). Messages
//! are told apart by their payload, which [`payload`] writes and [`parse_payload`] reads:
//! the sender's name, a sequence number, the QoS and the time it was made.

use crate::certs::{Pki, BROKER_NAME};
use crate::faults::{FaultPlan, FaultyLink};
use crate::host::{buffer, dhcp_stack, now, wait_for_lease};
use crate::tap::{Observer, Tap};
use crate::tls::unix_now;
use rawnet_altcp::{Connection, Instant};
use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use rawnet_mqtt::client::{
    Backoff, Buffers, Client, Commands, Connected, Disconnected, Error as MqttError, Granted,
    Handler, Message, Options, Publication, RequestError,
};
use rawnet_mqtt::wire::{PacketId, QoS, ReasonCode, Subscription, SubscriptionOptions, Version};
use rawnet_tcp::smoltcp::wire::IpAddress;
use rawnet_tcp::{Stack, TcpHandle};
use rawnet_tls::test_session::TestBuffers;
use rawnet_tls::{ClientConfig, MaxFragmentLength, NoSigner, SessionRef, Tls, Verification};
use std::collections::{HashMap, VecDeque};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::sync::OnceLock;
use std::time::{Duration, Instant as StdInstant};

/// Request records per client.
pub const RECORDS: usize = 16;
/// The broker's TLS port inside the virtual network.
pub const GUEST_PORT: u16 = 8883;

/// QoS 2 identifiers a client holds between PUBLISH and PUBREL (the client's `M`; advertised
/// as its Receive Maximum in 5.0). Mosquitto 2.0.11 does not keep to a client's Receive
/// Maximum (nor to its own `max_inflight_messages` for 3.1.1) once acknowledgements are
/// delayed or a client reconnects: with the default 20 it sent up to 87 unacknowledged QoS
/// 1/2 PUBLISHes; with 512, in the fault suite's long form (10,000 QoS 2 messages queued at
/// once) under reordering and after a black hole, more than 512. The client ended each
/// connection with 0x93 Receive Maximum exceeded (as MQTT 5.0 requires), the broker sent its
/// whole queue again on the next, and the sessions never drained. A table larger than the
/// most a run queues (the long form's N) keeps that broker behaviour out of the figures; it
/// costs 2 bytes an entry, on the host.
pub const QOS2_IN: usize = 12_288;

/// The client type of an endpoint.
pub type Mqtt = Client<'static, Recorder, RECORDS, QOS2_IN>;
/// The client with its tap, under TLS.
pub type Layer = Tls<'static, 'static, Tap<Mqtt, Sends>>;
/// A host stack over driver `D`, which endpoints share.
pub type HostStack<D> = Stack<'static, SmoltcpDevice<D>>;
/// The host stack of the fault suite and the soak: a [`FaultyLink`] over restricted slirp.
pub type Net = HostStack<FaultyLink<SlirpDevice>>;

// ---------------------------------------------------------------------------------------
// Payloads.

/// Microseconds since the first call in this process.
pub fn micros() -> u64 {
    static START: OnceLock<StdInstant> = OnceLock::new();
    START.get_or_init(StdInstant::now).elapsed().as_micros() as u64
}

/// The payload of message `seq` from `name` at `qos`, `len` bytes long (padded with dots;
/// at least the header's length), stamped with [`micros`].
pub fn payload(name: &str, seq: u32, qos: QoS, len: usize) -> Vec<u8> {
    let mut p = format!("{name} {seq:08} q{} t{:012}", qos.bits(), micros()).into_bytes();
    if p.len() < len {
        p.resize(len, b'.');
    }
    p
}

/// What [`payload`] wrote: the sender, the sequence number, the QoS and the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp<'a> {
    /// The sender's name.
    pub name: &'a str,
    /// The sender's sequence number.
    pub seq: u32,
    /// The QoS the message was published at.
    pub qos: u8,
    /// [`micros`] when it was made.
    pub made: u64,
}

/// Reads a [`payload`]'s header.
pub fn parse_payload(p: &[u8]) -> Option<Stamp<'_>> {
    let text = std::str::from_utf8(p.get(..p.len().min(64))?).ok()?;
    let mut words = text.split(' ');
    let name = words.next()?;
    let seq = words.next()?.parse().ok()?;
    let qos = words.next()?.strip_prefix('q')?.parse().ok()?;
    let made = words
        .next()?
        .strip_prefix('t')?
        .trim_end_matches('.')
        .parse()
        .ok()?;
    Some(Stamp {
        name,
        seq,
        qos,
        made,
    })
}

// ---------------------------------------------------------------------------------------
// What a client's handler records.

/// A message received whole.
#[derive(Debug, Clone)]
pub struct Got {
    /// Its payload.
    pub payload: Vec<u8>,
    /// The QoS it arrived at.
    pub qos: u8,
    /// Its DUP flag.
    pub dup: bool,
    /// When its last byte arrived.
    pub at: StdInstant,
    /// The MQTT connection it arrived on (1 for the first CONNACK, and so on).
    pub connection: usize,
}

/// The handler: what happened to the client, for the test to read.
#[derive(Debug)]
pub struct Recorder {
    /// The filter subscribed to (QoS 2) when the broker has no session.
    subscribe: &'static str,
    /// Each CONNACK's session-present flag.
    pub connects: Vec<bool>,
    /// Why each connection ended.
    pub disconnects: Vec<Disconnected>,
    /// Publishes acknowledged.
    pub published_ok: usize,
    /// Publishes that failed, with their packet identifier.
    pub publish_errors: Vec<(Option<u16>, RequestError)>,
    /// Subscriptions refused or failed.
    pub subscribe_errors: usize,
    /// Messages received (drained by a long run).
    pub messages: Vec<Got>,
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
        result: Result<Granted<'_>, RequestError>,
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
            at: StdInstant::now(),
            connection: self.connects.len(),
        });
    }
    fn message_data(&mut self, data: &[u8], last: bool, _: &mut impl Commands) {
        if let Some(c) = self.current.as_mut() {
            c.payload.extend_from_slice(data);
        }
        if last {
            if let Some(mut c) = self.current.take() {
                c.at = StdInstant::now();
                self.messages.push(c);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The tap.

/// What the tap saw of the client's PUBLISH packets and the broker's acknowledgements.
#[derive(Debug, Default)]
pub struct Sends {
    version: Option<Version>,
    /// Bytes of the current connection's outgoing stream not yet parsed.
    out: Vec<u8>,
    /// Bytes of the incoming stream not yet parsed.
    incoming: Vec<u8>,
    /// Times each message not yet taken over by the broker was sent, by sequence number.
    count: HashMap<u32, u32>,
    /// The message each packet identifier last carried.
    ids: HashMap<u16, u32>,
    /// Sends after the first (resends).
    pub resends: u64,
    /// Resends without DUP, or PUBLISHes the tap could not read: wrong.
    pub dup_wrong: Vec<String>,
    /// First sends (as far as TLS saw) with DUP.
    pub dup_first: u64,
    /// Messages the broker took over (PUBACK, or PUBREC without an error): sequence number,
    /// when, and on which connection (see [`Sends::connections`]), in order; a long run
    /// drains it.
    pub owned: Vec<(u32, StdInstant, u32)>,
    /// Connections that came up so far (TLS established): an acknowledgement on connection
    /// `n` came from the broker process that served it.
    pub connections: u32,
    /// The packet identifiers each message (by sequence number) was written with, and when
    /// (Unix seconds): to find its trace in the broker's log. A long run removes the
    /// messages that arrived.
    pub ids_sent: HashMap<u32, Vec<(u16, u64)>>,
    /// How each connection failed, as TLS reported it to the client (the `Debug` form of
    /// its error: `Truncated`, `Tcp(Reset)`, `ClosedDuringHandshake`...), including the
    /// connections that failed before MQTT started on them.
    pub failures: Vec<String>,
    /// Received QoS 2 identifiers the client holds (PUBLISH taken, no PUBCOMP written yet):
    /// the message (sequence number) and the connection it came on.
    held: HashMap<u16, (u32, u32)>,
    /// QoS 2 PUBLISHes that came under an identifier the client held for *another* message
    /// (MQTT: the same message again, acknowledged and not delivered): see [`Reused`].
    pub reused: Vec<Reused>,
    /// Received QoS 2 identifiers the client released (PUBCOMP written): the message and the
    /// connection it came on, until the identifier carries another.
    released: HashMap<u16, (u32, u32)>,
    /// Identifiers the client wrote PUBCOMP for and no PUBREL has been seen for yet.
    unasked: std::collections::HashSet<u16>,
    /// Identifiers the broker released with PUBREL and no PUBCOMP has been seen for yet (on
    /// this connection).
    asked: std::collections::HashSet<u16>,
    /// QoS 2 PUBLISHes the broker sent again after it had released them: see [`Resent`].
    pub resent: Vec<Resent>,
}

/// A QoS 2 PUBLISH (DUP) the broker sent again under an identifier it had already released
/// with PUBREL (the receiver answered PUBCOMP and freed the identifier). MQTT (4.4) has the
/// broker re-send the PUBREL after a reconnect, not the PUBLISH; to a receiver whose
/// identifier is free the PUBLISH is a new message, delivered again. Mosquitto 2.0.11 does this
/// after a restart when it had received the PUBREC in the last moments of the old process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resent {
    /// The packet identifier.
    pub id: u16,
    /// The message (sequence number), and the connection it came on again.
    pub seq: u32,
    pub connection: u32,
    /// The connection on which it first came (and was released, on that one or a later).
    pub released_connection: u32,
}

/// A received QoS 2 PUBLISH whose identifier the client held for another message from an
/// earlier PUBLISH; a broker that forgot it had sent that one (a restored database) does
/// this, and the new message is lost to the receiver by the rule of MQTT (4.3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reused {
    /// The packet identifier.
    pub id: u16,
    /// The message that came under it (sequence number) and on which connection.
    pub seq: u32,
    pub connection: u32,
    /// The message the client held it for, and the connection that one came on.
    pub held_seq: u32,
    pub held_connection: u32,
}

impl Sends {
    fn new(version: Version) -> Sends {
        Sends {
            version: Some(version),
            ..Sends::default()
        }
    }

    fn wrote(&mut self, data: &[u8]) {
        self.out.extend_from_slice(data);
        while let Some((first, body)) = next_packet(&mut self.out) {
            match first >> 4 {
                3 => self.publish(first, &body),
                // PUBCOMP, or a PUBREC with an error code (5.0): the client released a
                // received QoS 2 identifier.
                7 if body.len() >= 2 => {
                    let id = u16::from_be_bytes([body[0], body[1]]);
                    if let Some(held) = self.held.remove(&id) {
                        self.released.insert(id, held);
                    }
                    // Matched with the PUBREL it answers in either order: the tap reports
                    // what the client took when its `recv` returns, after a PUBCOMP written
                    // inside it; a PUBCOMP the connection had no room for goes out later.
                    if !self.asked.remove(&id) {
                        self.unasked.insert(id);
                    }
                }
                5 if body.get(2).is_some_and(|&r| r >= 0x80) => {
                    self.held.remove(&u16::from_be_bytes([body[0], body[1]]));
                }
                _ => {}
            }
        }
    }

    /// An incoming PUBLISH: a QoS 2 one takes its identifier, or comes under one held.
    fn received_publish(&mut self, first: u8, body: &[u8]) {
        let qos = (first >> 1) & 3;
        let v5 = self.version == Some(Version::V5);
        if qos != 2 {
            return;
        }
        let Some((Some(id), payload)) = publish_parts(body, qos, v5) else {
            return;
        };
        let Some(stamp) = parse_payload(payload) else {
            return;
        };
        match self.held.get(&id) {
            Some(&(held_seq, held_connection)) if held_seq != stamp.seq => {
                self.reused.push(Reused {
                    id,
                    seq: stamp.seq,
                    connection: self.connections,
                    held_seq,
                    held_connection,
                })
            }
            Some(_) => {}
            None => {
                let dup = first & 0x08 != 0;
                match self.released.remove(&id) {
                    // Released without the broker's PUBREL: the client's fault, not the
                    // broker's.
                    Some(_) if self.unasked.contains(&id) => self
                        .dup_wrong
                        .push(format!("PUBCOMP {id} without a PUBREL")),
                    Some((seq, released_connection)) if dup && seq == stamp.seq => {
                        self.resent.push(Resent {
                            id,
                            seq,
                            connection: self.connections,
                            released_connection,
                        })
                    }
                    _ => {}
                }
                self.held.insert(id, (stamp.seq, self.connections));
            }
        }
    }

    fn read(&mut self, data: &[u8]) {
        self.incoming.extend_from_slice(data);
        while let Some((first, body)) = next_packet(&mut self.incoming) {
            match first >> 4 {
                3 => self.received_publish(first, &body),
                // CONNACK without a session: the client forgets the identifiers it held.
                2 if body.first().is_some_and(|f| f & 1 == 0) => self.held.clear(),
                6 if body.len() >= 2 => {
                    let id = u16::from_be_bytes([body[0], body[1]]);
                    if !self.unasked.remove(&id) {
                        self.asked.insert(id);
                    }
                }
                _ => {}
            }
            // PUBACK (4) or PUBREC (5): the broker has the message, unless its reason code
            // (5.0, after the identifier) is an error.
            if matches!(first >> 4, 4 | 5)
                && body.len() >= 2
                && body.get(2).is_none_or(|&r| r < 0x80)
            {
                let id = u16::from_be_bytes([body[0], body[1]]);
                if let Some(seq) = self.ids.remove(&id) {
                    self.count.remove(&seq);
                    self.owned.push((seq, StdInstant::now(), self.connections));
                }
            }
        }
    }

    fn publish(&mut self, first: u8, body: &[u8]) {
        let dup = first & 0x08 != 0;
        let qos = (first >> 1) & 3;
        let Some((id, payload)) = publish_parts(body, qos, self.version == Some(Version::V5))
        else {
            self.dup_wrong
                .push(format!("unparsable PUBLISH {body:02x?}"));
            return;
        };
        let Some(stamp) = parse_payload(payload) else {
            self.dup_wrong.push(format!(
                "PUBLISH of an unknown payload {:?}",
                String::from_utf8_lossy(payload)
            ));
            return;
        };
        if let Some(id) = id {
            self.ids.insert(id, stamp.seq);
            let unix = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            self.ids_sent.entry(stamp.seq).or_default().push((id, unix));
        }
        let n = self.count.entry(stamp.seq).or_insert(0);
        *n += 1;
        if *n > 1 {
            self.resends += 1;
            if !dup {
                self.dup_wrong.push(format!(
                    "resend {n} of {} #{} without DUP",
                    stamp.name, stamp.seq
                ));
            }
        } else if dup {
            // Encoded into the client's output ring before the connection ended, but never
            // handed to TLS: the client cannot tell it from a PUBLISH that left, and sends
            // it with DUP. Allowed ("might be a re-delivery", MQTT 3.3.1.1); counted.
            self.dup_first += 1;
        }
    }
}

impl Observer for Sends {
    fn connected(&mut self) {
        self.out.clear();
        self.incoming.clear();
        self.asked.clear();
        self.connections += 1;
    }
    fn failed(&mut self, error: &dyn std::fmt::Debug) {
        self.failures.push(format!("{error:?}"));
    }
    fn wrote(&mut self, data: &[u8]) {
        Sends::wrote(self, data)
    }
    fn received(&mut self, offered: &[u8], taken: usize) {
        self.read(&offered[..taken])
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

/// Takes the first whole packet off `buf`: its first byte and its body.
fn next_packet(buf: &mut Vec<u8>) -> Option<(u8, Vec<u8>)> {
    let (len, header) = packet_len(buf)?;
    if buf.len() < header + len {
        return None;
    }
    let packet: Vec<u8> = buf.drain(..header + len).collect();
    Some((packet[0], packet[header..].to_vec()))
}

/// The packet identifier and the payload of a PUBLISH body (variable header onward).
fn publish_parts(body: &[u8], qos: u8, v5: bool) -> Option<(Option<u16>, &[u8])> {
    let topic = usize::from(u16::from_be_bytes([*body.first()?, *body.get(1)?]));
    let mut at = 2 + topic;
    let id = if qos > 0 {
        at += 2;
        Some(u16::from_be_bytes([*body.get(at - 2)?, *body.get(at - 1)?]))
    } else {
        None
    };
    if v5 {
        let (props, n) = packet_len(body.get(at - 1..)?)?;
        at += n - 1 + props;
    }
    Some((id, body.get(at..)?))
}

// ---------------------------------------------------------------------------------------
// Setting up: the configuration, the stack, the first connections.

/// The TLS configuration every endpoint uses: TLS 1.3 to [`BROKER_NAME`], its chain verified
/// against `pki`'s CA, 1 KiB records (max_fragment_length).
pub fn client_config(pki: &Pki) -> Result<&'static ClientConfig<'static>, String> {
    let ca: &'static [u8] = Box::leak(pki.ca_der.clone().into_boxed_slice());
    let anchors: &'static [&'static [u8]] = Box::leak(Box::new([ca]));
    let config = ClientConfig::new(
        BROKER_NAME,
        Verification::new(anchors).map_err(|e| format!("{e:?}"))?,
    )
    .map_err(|e| format!("{e:?}"))?
    .with_max_fragment_length(MaxFragmentLength::Bits10);
    Ok(Box::leak(Box::new(config)))
}

/// A host stack with its DHCP lease, on a [`FaultyLink`] following `plan`, over restricted
/// slirp whose only ways out are `forwards`: each guest address's [`GUEST_PORT`] to a port
/// on 127.0.0.1.
pub fn faulty_stack(plan: FaultPlan, forwards: &[(Ipv4Addr, u16)]) -> Result<Net, String> {
    let mut slirp = SlirpDevice::new(SlirpConfig::default()).map_err(|e| e.to_string())?;
    for &(addr, port) in forwards {
        slirp
            .forward(SocketAddrV4::new(addr, GUEST_PORT), port)
            .map_err(|e| e.to_string())?;
    }
    let mut stack: Net = dhcp_stack(FaultyLink::new(slirp, plan), plan.seed);
    wait_for_lease(&mut stack, Duration::from_secs(10))?;
    Ok(stack)
}

/// Open each endpoint's connection and drive the stack until all of them are settled
/// (connected, subscribed, nothing in flight), reconnecting any whose attempt fails; an
/// error naming how each connection ended after `within`. Queue messages after it: an
/// endpoint publishes from its queue as soon as it is connected, maybe before the others
/// subscribed.
pub fn settle<D: EthernetDriver>(
    stack: &mut HostStack<D>,
    endpoints: &mut [&mut Endpoint],
    config: &'static ClientConfig<'static>,
    within: Duration,
) -> Result<(), String> {
    let t = now();
    for e in endpoints.iter_mut() {
        e.open(stack, config, t);
    }
    let deadline = StdInstant::now() + within;
    while !endpoints.iter().all(|e| e.settled()) {
        if StdInstant::now() > deadline {
            let states: Vec<String> = endpoints
                .iter()
                .map(|e| format!("{}: {:?}", e.name, e.app().disconnects))
                .collect();
            return Err(format!(
                "setup: not connected and subscribed in {within:?}: {}",
                states.join(", ")
            ));
        }
        let t = now();
        let busy = stack.poll(t);
        for e in endpoints.iter_mut() {
            e.step(stack, config, t);
        }
        if !busy {
            std::thread::sleep(Duration::from_micros(300));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// A client on the faulty stack, reconnecting as needed.

/// A TLS session for one connection, and the storage it lives in. The session borrows its
/// buffers for `'static`, so they are allocated with `Box::into_raw`; the endpoint gives them
/// back ([`SessionStorage::free`]) when the connection's [`Layer`] has been dropped, so a run
/// of thousands of reconnections keeps the memory of one.
fn new_session(
    config: &'static ClientConfig<'static>,
) -> (SessionRef<'static, 'static>, SessionStorage) {
    let buffers: *mut TestBuffers = Box::into_raw(Box::new(TestBuffers::new()));
    // SAFETY: a fresh allocation, freed only by `SessionStorage::free`, whose caller
    // promises that nothing borrowed from it is left.
    let (shared, read, write) = unsafe { &mut *buffers }.split();
    let shared = Box::into_raw(Box::new(shared));
    let read = &mut read[..config.read_buffer_len()];
    let write = &mut write[..rawnet_tls::write_buffer_len(config)];
    let session = rawnet_tls::session(
        // SAFETY: as above.
        unsafe { &*shared },
        config,
        unix_now(),
        read,
        write,
        rand_core::OsRng,
        NoSigner,
    )
    .expect("TestBuffers hold the configuration");
    let session = Box::into_raw(Box::new(Box::pin(session)));
    let free = move || {
        // SAFETY: each pointer came from `Box::into_raw` above and is freed once, the session
        // (which borrows the other two) first.
        unsafe {
            drop(Box::from_raw(session));
            drop(Box::from_raw(shared));
            drop(Box::from_raw(buffers));
        }
    };
    // SAFETY: as above.
    let session = unsafe { &mut *session }.as_mut();
    (session, SessionStorage(Box::new(free)))
}

/// What [`new_session`] allocated for one connection.
struct SessionStorage(Box<dyn FnOnce()>);

impl SessionStorage {
    /// Give the storage back.
    ///
    /// # Safety
    ///
    /// The session made with it, and the [`Layer`] that held it, are gone.
    unsafe fn free(self) {
        (self.0)()
    }
}

/// One client: its TCP connection, its TLS session while connected, its queue of messages
/// to publish.
pub struct Endpoint {
    /// Its name (client identifier, and the first word of its payloads).
    pub name: &'static str,
    addr: Ipv4Addr,
    handle: TcpHandle,
    layer: Option<Layer>,
    /// The storage of `layer`'s session.
    storage: Option<SessionStorage>,
    idle: Option<Tap<Mqtt, Sends>>,
    backoff: Backoff,
    seen_disconnects: usize,
    /// Connections opened (TCP connects).
    pub opened: u32,
    topic: &'static str,
    /// Messages waiting to be published, with their QoS.
    pub queue: VecDeque<(QoS, Vec<u8>)>,
    /// Messages the client accepted.
    pub published: usize,
    /// Publishes the client refused (not for want of room).
    pub refused: Vec<MqttError>,
    /// Publishes put off because the output ring was full (the connection below took no
    /// more).
    pub output_full: usize,
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        self.layer = None;
        self.free_session();
    }
}

impl Endpoint {
    /// The two clients every suite runs: the "device" (MQTT 5.0) publishing on `topics.0`
    /// and subscribed to `topics.1`, and the "peer" (MQTT 3.1.1) the other way round, each
    /// reaching the broker at its address in `addrs` (the device's, the peer's) port
    /// [`GUEST_PORT`], on persistent sessions (keep-alive 30 s, an hour's expiry). `tweak` is
    /// applied to the device's options last.
    pub fn pair<D: EthernetDriver>(
        stack: &mut HostStack<D>,
        addrs: [Ipv4Addr; 2],
        (up, down): (&'static str, &'static str),
        tweak: impl FnOnce(&mut Options<'static>),
    ) -> (Endpoint, Endpoint) {
        (
            Endpoint::new(stack, "device", addrs[0], Version::V5, up, down, tweak),
            Endpoint::new(stack, "peer", addrs[1], Version::V311, down, up, |_| {}),
        )
    }

    /// A client named `name` speaking `version`, reaching the broker at `addr`:GUEST_PORT,
    /// publishing on `topic` and subscribed (QoS 2) to `subscribe`, `tweak` applied last.
    fn new<D: EthernetDriver>(
        stack: &mut HostStack<D>,
        name: &'static str,
        addr: Ipv4Addr,
        version: Version,
        topic: &'static str,
        subscribe: &'static str,
        tweak: impl FnOnce(&mut Options<'static>),
    ) -> Endpoint {
        let mut options = Options::new(name);
        options.version = version;
        options.keep_alive = 30;
        options.clean_start = false;
        options.session_expiry = 3600;
        tweak(&mut options);
        let client = Client::new(
            Recorder::new(subscribe),
            options,
            Buffers {
                output: buffer(2048),
                receive: buffer(1024),
                store: buffer(8192),
            },
        );
        Endpoint {
            name,
            addr,
            handle: stack
                .tcp_socket(buffer(4096), buffer(4096))
                .expect("socket"),
            layer: None,
            storage: None,
            idle: Some(Tap {
                inner: client,
                observer: Sends::new(version),
            }),
            backoff: Backoff::new(
                rawnet_altcp::Duration::from_ticks(100),
                rawnet_altcp::Duration::from_ticks(2_000),
            ),
            seen_disconnects: 0,
            opened: 0,
            topic,
            queue: VecDeque::new(),
            published: 0,
            refused: Vec::new(),
            output_full: 0,
        }
    }

    /// The client and its tap.
    pub fn tap(&self) -> &Tap<Mqtt, Sends> {
        match (&self.layer, &self.idle) {
            (Some(l), _) => l.inner(),
            (None, Some(t)) => t,
            (None, None) => unreachable!("the client is always somewhere"),
        }
    }

    /// The client and its tap, to drain what they recorded.
    pub fn tap_mut(&mut self) -> &mut Tap<Mqtt, Sends> {
        match (&mut self.layer, &mut self.idle) {
            (Some(l), _) => l.inner_mut(),
            (None, Some(t)) => t,
            (None, None) => unreachable!("the client is always somewhere"),
        }
    }

    /// What the handler recorded.
    pub fn app(&self) -> &Recorder {
        self.tap().inner.handler()
    }

    /// Whether the client is connected with nothing in flight and its first session set up.
    pub fn settled(&self) -> bool {
        self.tap().inner.is_connected()
            && self.app().connects.len() == 1
            && self.tap().inner.in_flight() == 0
    }

    /// Give back the storage of the last connection's session, whose layer is gone.
    fn free_session(&mut self) {
        debug_assert!(self.layer.is_none());
        if let Some(storage) = self.storage.take() {
            // SAFETY: the layer that held the session was dropped (taken apart by
            // `into_inner`, or dropped by `Drop`), and with it the session.
            unsafe { storage.free() }
        }
    }

    /// Open a connection now.
    pub fn open<D: EthernetDriver>(
        &mut self,
        stack: &mut HostStack<D>,
        config: &'static ClientConfig<'static>,
        t: Instant,
    ) {
        let tap = self.idle.take().expect("idle client");
        let (session, storage) = new_session(config);
        self.layer = Some(Tls::new(session, tap));
        self.storage = Some(storage);
        self.opened += 1;
        let ip = IpAddress::Ipv4(self.addr);
        if let Err(e) = stack.connect(&mut self.handle, ip, GUEST_PORT, t) {
            panic!("{}: connect: {e:?}", self.name);
        }
    }

    /// Drive the connection (while setting up, before [`Endpoint::step`] takes over).
    pub fn drive<D: EthernetDriver>(&mut self, stack: &mut HostStack<D>, t: Instant) {
        if let Some(layer) = self.layer.as_mut() {
            stack.drive(&mut self.handle, layer, t);
        }
    }

    /// One turn of the superloop for this client: drive the connection, reconnect after a
    /// backoff when it ended, publish from the queue while the client takes more.
    pub fn step<D: EthernetDriver>(
        &mut self,
        stack: &mut HostStack<D>,
        config: &'static ClientConfig<'static>,
        t: Instant,
    ) {
        let Some(layer) = self.layer.as_mut() else {
            if self.backoff.due(t) {
                self.open(stack, config, t);
            }
            return;
        };
        stack.drive(&mut self.handle, layer, t);
        let ends = layer.inner().inner.handler().disconnects.len();
        if layer.is_done() || ends > self.seen_disconnects {
            // The connection ended: drop what is left of it and try again after a while.
            stack.connection(&mut self.handle).abort();
            let tap = self.layer.take().expect("layer").into_inner();
            self.free_session();
            self.seen_disconnects = tap.inner.handler().disconnects.len();
            self.idle = Some(tap);
            self.backoff
                .failed(t, rand_core::RngCore::next_u32(&mut rand_core::OsRng));
            return;
        }
        if !layer.inner().inner.is_connected() {
            return;
        }
        self.backoff.succeeded();
        while let Some((qos, payload)) = self.queue.front() {
            let msg = Publication::new(self.topic, payload).qos(*qos);
            let mut tcp = stack.connection(&mut self.handle);
            let r = layer.with_connection(&mut tcp, t, |tap, conn| {
                tap.with(conn, |client, c| client.publish(c, &msg, t))
            });
            match r {
                Ok(p) => {
                    // A payload larger than the output ring would be streamed
                    // (`write_payload`), which the endpoint does not do.
                    assert_eq!(
                        p.written,
                        payload.len(),
                        "{}: a message larger than the output ring",
                        self.name
                    );
                    self.published += 1;
                    self.queue.pop_front();
                }
                Err(MqttError::OutputFull) => {
                    self.output_full += 1;
                    break;
                }
                Err(
                    MqttError::TooManyRequests
                    | MqttError::ReceiveMaximum
                    | MqttError::StoreFull
                    | MqttError::NotConnected,
                ) => break,
                Err(e) => {
                    self.refused.push(e);
                    self.queue.pop_front();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_parse_back() {
        let p = payload("device", 42, QoS::ExactlyOnce, 48);
        assert_eq!(p.len(), 48);
        let s = parse_payload(&p).unwrap();
        assert_eq!((s.name, s.seq, s.qos), ("device", 42, 2));
        assert!(s.made <= micros());
        assert_eq!(parse_payload(b"device 1 q1"), None);
    }

    #[test]
    fn the_tap_counts_resends_and_sees_the_broker_take_messages_over() {
        let mut s = Sends::new(Version::V311);
        let p = payload("d", 7, QoS::AtLeastOnce, 40);
        let publish = |first: u8| {
            let mut b = vec![first, (2 + 1 + 2 + p.len()) as u8, 0, 1, b't', 0, 9];
            b.extend_from_slice(&p);
            b
        };
        s.wrote(&publish(0x32));
        // Split across writes: parsed once whole.
        let again = publish(0x3a);
        s.wrote(&again[..5]);
        s.wrote(&again[5..]);
        assert_eq!((s.resends, s.dup_wrong.len()), (1, 0));
        s.wrote(&publish(0x32));
        assert_eq!(s.dup_wrong.len(), 1, "a resend without DUP");
        s.read(&[0x40, 2, 0, 9]);
        assert_eq!(s.owned.iter().map(|o| o.0).collect::<Vec<_>>(), [7]);
        // Once the broker has it, the count is gone: a later PUBLISH of it is a first send.
        s.wrote(&publish(0x32));
        assert_eq!(s.resends, 2);
    }

    #[test]
    fn the_tap_sees_a_qos2_identifier_reused_while_held() {
        let mut s = Sends::new(Version::V311);
        // PUBLISH QoS 2 under identifier 5 carrying message `seq`.
        let publish = |seq: u32, dup: bool| {
            let p = payload("p", seq, QoS::ExactlyOnce, 40);
            let mut b = vec![0x34 | if dup { 8 } else { 0 }, (2 + 1 + 2 + p.len()) as u8];
            b.extend_from_slice(&[0, 1, b't', 0, 5]);
            b.extend_from_slice(&p);
            b
        };
        s.connected();
        s.read(&[0x20, 2, 0, 0]);
        s.read(&publish(1, false));
        s.connected();
        s.read(&[0x20, 2, 1, 0]); // session present: 5 still held
        s.read(&publish(1, true)); // the same message again: fine
        s.read(&publish(2, false)); // another under the held 5
        let reused = Reused {
            id: 5,
            seq: 2,
            connection: 2,
            held_seq: 1,
            held_connection: 1,
        };
        assert_eq!(s.reused, [reused]);
        s.wrote(&[0x70, 2, 0, 5]); // PUBCOMP: released
        s.read(&publish(3, false));
        s.connected();
        s.read(&[0x20, 2, 0, 0]); // no session: nothing held
        s.read(&publish(4, false));
        assert_eq!(s.reused, [reused]);
    }
}
