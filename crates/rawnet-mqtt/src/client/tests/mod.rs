//! Client unit tests: the state machine driven with bytes and a fake clock over a fake
//! connection. The broker side is written with the codec; what the client sends is parsed
//! back with it.
#![cfg_attr(not(feature = "v5"), allow(unused))]

mod aliases;
mod commands;
mod connect;
mod hostile;
mod limits;
mod profile;
mod properties;
mod publish;
mod receive;
mod session;

use std::string::String;
use std::vec::Vec;

use super::*;
use crate::wire::{
    Ack, ConnAck, Disconnect, PacketId, Properties, Property, Publish, PublishQos, QoS, ReasonCode,
    ReasonCodes, Repr, SubAck, UnsubAck, Version,
};
use rawnet_altcp::{Callbacks, Connection, Duration, Instant};

/// A connection that keeps what it is given, with a send space the test sets.
#[derive(Debug)]
pub struct FakeConn {
    pub out: Vec<u8>,
    pub space: usize,
    pub closed: bool,
    pub aborted: bool,
    pub outputs: usize,
}

impl Default for FakeConn {
    fn default() -> Self {
        FakeConn {
            out: Vec::new(),
            space: usize::MAX,
            closed: false,
            aborted: false,
            outputs: 0,
        }
    }
}

impl FakeConn {
    /// Takes everything written so far, parsed.
    pub fn packets(&mut self, version: Version) -> Vec<Pkt> {
        let bytes = core::mem::take(&mut self.out);
        let mut at = 0;
        let mut all = Vec::new();
        while at < bytes.len() {
            let (repr, len) = Repr::parse_bytes(&bytes[at..], version)
                .unwrap_or_else(|e| panic!("client sent a bad packet at {at}: {e:?} {bytes:02x?}"));
            all.push(Pkt::from(&repr));
            at += len;
        }
        all
    }
}

impl Connection for FakeConn {
    type Error = &'static str;
    fn send_space(&self) -> usize {
        if self.closed || self.aborted {
            0
        } else {
            self.space
        }
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, &'static str> {
        let n = data.len().min(self.send_space());
        if n == 0 {
            return Err(nb::Error::WouldBlock);
        }
        self.out.extend_from_slice(&data[..n]);
        if self.space != usize::MAX {
            self.space -= n;
        }
        Ok(n)
    }
    fn output(&mut self) -> Result<(), &'static str> {
        self.outputs += 1;
        Ok(())
    }
    fn close(&mut self) -> Result<(), &'static str> {
        self.closed = true;
        Ok(())
    }
    fn abort(&mut self) {
        self.aborted = true;
    }
    fn set_nodelay(&mut self, _: bool) {}
    fn set_keep_alive(&mut self, _: Option<Duration>) {}
    fn is_connected(&self) -> bool {
        !self.closed && !self.aborted
    }
}

/// A packet the client sent, owned, with what the tests look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pkt {
    Connect {
        clean: bool,
        keep_alive: u16,
        client_id: String,
        props: Vec<String>,
    },
    Publish {
        topic: String,
        payload: Vec<u8>,
        qos: u8,
        id: u16,
        dup: bool,
        retain: bool,
    },
    PubAck(u16),
    PubRec(u16),
    PubRel(u16),
    PubComp(u16),
    Subscribe(u16, Vec<String>),
    Unsubscribe(u16, Vec<String>),
    PingReq,
    Disconnect(ReasonCode),
    Other(String),
}

impl From<&Repr<'_>> for Pkt {
    fn from(r: &Repr<'_>) -> Self {
        match r {
            Repr::Connect(c) => Pkt::Connect {
                clean: c.clean_start,
                keep_alive: c.keep_alive,
                client_id: c.client_id.into(),
                props: c.properties.iter().map(|p| format!("{p:?}")).collect(),
            },
            Repr::Publish(p) => Pkt::Publish {
                topic: p.topic.into(),
                payload: p.payload.to_vec(),
                qos: p.qos.qos().bits(),
                id: p.qos.packet_id().map_or(0, |i| i.get()),
                dup: p.dup,
                retain: p.retain,
            },
            Repr::PubAck(a) => Pkt::PubAck(a.packet_id.get()),
            Repr::PubRec(a) => Pkt::PubRec(a.packet_id.get()),
            Repr::PubRel(a) => Pkt::PubRel(a.packet_id.get()),
            Repr::PubComp(a) => Pkt::PubComp(a.packet_id.get()),
            Repr::Subscribe(s) => Pkt::Subscribe(
                s.packet_id.get(),
                s.subscriptions.iter().map(|s| s.filter.into()).collect(),
            ),
            Repr::Unsubscribe(u) => Pkt::Unsubscribe(
                u.packet_id.get(),
                u.filters.iter().map(String::from).collect(),
            ),
            Repr::PingReq => Pkt::PingReq,
            Repr::Disconnect(d) => Pkt::Disconnect(d.reason),
            other => Pkt::Other(format!("{other:?}")),
        }
    }
}

/// Every event the handler saw, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ev {
    Connected { session_present: bool },
    Disconnected(Disconnected),
    Published(u16, Result<ReasonCode, RequestError>),
    Subscribed(u16, Result<Vec<ReasonCode>, RequestError>),
    Unsubscribed(u16, Result<Vec<ReasonCode>, RequestError>),
    Start { topic: String, len: usize, qos: u8 },
    Data(Vec<u8>, bool),
    Transport,
}

#[derive(Debug, Default)]
pub struct Recorder {
    pub events: Vec<Ev>,
    /// The Subscription Identifiers of every message started, in order.
    pub sub_ids: Vec<Vec<u32>>,
    /// Run after each event is recorded, with the client's commands (tests of commands
    /// given from a handler).
    pub react: Option<fn(&Ev, &mut dyn Commands)>,
    /// What `next_payload` hands out, at most `source_chunk` bytes a call (0: unlimited).
    pub source: Vec<u8>,
    pub source_chunk: usize,
}

impl Recorder {
    pub fn take(&mut self) -> Vec<Ev> {
        core::mem::take(&mut self.events)
    }

    fn record(&mut self, ev: Ev, client: &mut impl Commands) {
        self.events.push(ev.clone());
        if let Some(react) = self.react {
            react(&ev, client);
        }
    }
}

fn codes(r: Result<ReasonCodes<'_>, RequestError>) -> Result<Vec<ReasonCode>, RequestError> {
    r.map(|c| c.iter().collect())
}

impl Handler for Recorder {
    fn connected(&mut self, info: &Connected<'_>, client: &mut impl Commands) {
        let session_present = info.session_present;
        self.record(Ev::Connected { session_present }, client);
    }
    fn disconnected(&mut self, reason: Disconnected, client: &mut impl Commands) {
        self.record(Ev::Disconnected(reason), client);
    }
    fn published(
        &mut self,
        id: Option<PacketId>,
        result: Result<ReasonCode, RequestError>,
        client: &mut impl Commands,
    ) {
        self.record(Ev::Published(id.map_or(0, |i| i.get()), result), client);
    }
    fn subscribed(
        &mut self,
        id: PacketId,
        result: Result<Granted<'_>, RequestError>,
        client: &mut impl Commands,
    ) {
        self.record(Ev::Subscribed(id.get(), codes(result)), client);
    }
    fn unsubscribed(
        &mut self,
        id: PacketId,
        result: Result<Granted<'_>, RequestError>,
        client: &mut impl Commands,
    ) {
        self.record(Ev::Unsubscribed(id.get(), codes(result)), client);
    }
    fn message_start(&mut self, m: &Message<'_>, client: &mut impl Commands) {
        self.sub_ids.push(m.subscription_identifiers().collect());
        let ev = Ev::Start {
            topic: m.topic.into(),
            len: m.len,
            qos: m.qos.bits(),
        };
        self.record(ev, client);
    }
    fn message_data(&mut self, data: &[u8], last: bool, client: &mut impl Commands) {
        self.record(Ev::Data(data.to_vec(), last), client);
    }
    fn next_payload(&mut self, buf: &mut [u8]) -> usize {
        let chunk = match self.source_chunk {
            0 => usize::MAX,
            n => n,
        };
        let n = buf.len().min(self.source.len()).min(chunk);
        buf[..n].copy_from_slice(&self.source[..n]);
        self.source.drain(..n);
        n
    }
    fn transport_error<E: core::fmt::Debug>(&mut self, _: &E) {
        self.events.push(Ev::Transport);
    }
}

pub type TestClient = Client<'static, Recorder, 4, 2>;

/// A test bench: a client with small buffers, its connection, and the fake clock.
pub struct Bench {
    pub client: TestClient,
    pub conn: FakeConn,
    pub now: Instant,
    pub version: Version,
}

pub fn leak(n: usize) -> &'static mut [u8] {
    Vec::leak(vec![0u8; n])
}

pub fn id(n: u16) -> PacketId {
    PacketId::new(n).unwrap()
}

/// Bytes of a broker packet.
pub fn bytes(repr: Repr<'_>, version: Version) -> Vec<u8> {
    let mut buf = vec![0xa5; repr.buffer_len(version)];
    let n = repr.emit(&mut buf, version).unwrap();
    assert_eq!(n, buf.len());
    buf
}

impl Bench {
    pub fn new(version: Version) -> Self {
        Self::with(version, 256, 256, 512, |o| o)
    }

    /// [`Bench::with`], then `f` on the client (topic alias storage...).
    pub fn with_client(
        version: Version,
        out: usize,
        rx: usize,
        store: usize,
        options: impl FnOnce(Options<'static>) -> Options<'static>,
        f: impl FnOnce(TestClient) -> TestClient,
    ) -> Self {
        let b = Self::with(version, out, rx, store, options);
        Bench {
            client: f(b.client),
            ..b
        }
    }

    pub fn with(
        version: Version,
        out: usize,
        rx: usize,
        store: usize,
        f: impl FnOnce(Options<'static>) -> Options<'static>,
    ) -> Self {
        let mut options = Options::new("rawnet-test");
        options.version = version;
        options.keep_alive = 10;
        options.connect_timeout = Duration::from_ticks(5_000);
        options.request_timeout = Duration::from_ticks(8_000);
        let options = f(options);
        let buffers = Buffers {
            output: leak(out),
            receive: leak(rx),
            store: leak(store),
        };
        Bench {
            client: Client::new(Recorder::default(), options, buffers),
            conn: FakeConn::default(),
            now: Instant::from_ticks(1_000),
            version,
        }
    }

    /// TCP up, CONNECT out, CONNACK in.
    pub fn connected(version: Version) -> Self {
        let mut b = Self::new(version);
        b.connect(false, Properties::EMPTY);
        b
    }

    pub fn connect(&mut self, session_present: bool, properties: Properties<'_>) {
        self.conn = FakeConn::default();
        self.client.connected(&mut self.conn, self.now);
        let out = self.out();
        assert!(matches!(out[..], [Pkt::Connect { .. }]), "{out:?}");
        self.feed(&bytes(
            Repr::ConnAck(ConnAck {
                session_present,
                reason: ReasonCode::Success,
                properties,
            }),
            self.version,
        ));
        assert!(self.client.is_connected());
        let mut events = self.events();
        // `connected` follows the completions and failures of the resumed session's
        // messages (the session is whole when the handler may give commands).
        let at = events
            .iter()
            .position(|e| *e == Ev::Connected { session_present })
            .unwrap_or_else(|| panic!("no connected event: {events:?}"));
        assert!(
            events[..at].iter().all(|e| matches!(e, Ev::Published(..))),
            "only resumed messages before connected: {events:?}"
        );
        events.remove(at);
        self.client.handler_mut().events = events;
    }

    /// Feeds broker bytes; returns how many the client took.
    pub fn feed(&mut self, data: &[u8]) -> usize {
        self.client.recv(&mut self.conn, data, self.now)
    }

    pub fn feed_repr(&mut self, repr: Repr<'_>) -> usize {
        let b = bytes(repr, self.version);
        self.feed(&b)
    }

    pub fn out(&mut self) -> Vec<Pkt> {
        self.conn.packets(self.version)
    }

    pub fn events(&mut self) -> Vec<Ev> {
        self.client.handler_mut().take()
    }

    /// Advances the fake clock by `ms` in poll steps of 500 ms (the TCP layer's default).
    pub fn advance(&mut self, ms: u64) {
        let end = self.now + Duration::from_ticks(ms);
        while self.now < end {
            let step = Duration::from_ticks(500).min(end - self.now);
            self.now += step;
            self.client.poll(&mut self.conn, self.now);
        }
    }

    pub fn publish(&mut self, topic: &str, payload: &[u8], qos: QoS) -> Result<Published, Error> {
        let msg = Publication::new(topic, payload).qos(qos);
        self.client.publish(&mut self.conn, &msg, self.now)
    }

    /// The connection dies (TCP error).
    pub fn drop_connection(&mut self) {
        Callbacks::<FakeConn>::err(&mut self.client, "reset", self.now);
    }
}

pub fn ack(id_: u16) -> Ack<'static> {
    Ack::new(id(id_))
}

pub fn publish_in<'a>(topic: &'a str, payload: &'a [u8], qos: PublishQos) -> Repr<'a> {
    Repr::Publish(Publish {
        qos,
        topic,
        payload,
        ..Publish::default()
    })
}

pub fn suback(id_: u16, codes: &'static [ReasonCode]) -> Repr<'static> {
    Repr::SubAck(SubAck {
        packet_id: id(id_),
        properties: Properties::EMPTY,
        reasons: ReasonCodes::from_slice(codes),
    })
}

pub fn unsuback(id_: u16, codes: &'static [ReasonCode]) -> Repr<'static> {
    Repr::UnsubAck(UnsubAck {
        packet_id: id(id_),
        properties: Properties::EMPTY,
        reasons: ReasonCodes::from_slice(codes),
    })
}

pub fn server_disconnect(reason: ReasonCode) -> Repr<'static> {
    Repr::Disconnect(Disconnect {
        reason,
        properties: Properties::EMPTY,
    })
}

pub fn props(list: &'static [Property<'static>]) -> Properties<'static> {
    Properties::from_slice(list)
}
