//! The whole rawnet stack with TLS on the host: `SlirpDevice` → smoltcp/rawnet-tcp →
//! rawnet-tls → an MQTT 5.0 exchange written with the rawnet-mqtt `wire` codec, against a real
//! Mosquitto TLS 1.3 listener on 127.0.0.1 (reached through slirp's one forward, guest
//! 10.0.2.100:8883 → 127.0.0.1:PORT).
//!
//! [`run`] performs one connection and reports what each layer saw: the MQTT exchange
//! ([`WireMqtt`]), the TLS records in both directions and the TCP segments handed up
//! ([`Stats`], counted by a tap between TCP and TLS), and the buffer sizes used.

use crate::certs::Pki;
use crate::host::{buffer, dhcp_stack, now, run_until, wait_for_lease};
use crate::tap::{Observer, Tap};
use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_mqtt::wire::{
    Ack, Connect, Decoder, Disconnect, Event, PacketId, Properties, Publish, PublishQos, QoS,
    ReasonCode, Repr, Subscribe, Subscription, SubscriptionOptions, Subscriptions, Version,
};
use rawnet_tcp::smoltcp::wire::{IpAddress, Ipv4Address};
use rawnet_tcp::{Callbacks, Connection, Instant, TcpError};
use rawnet_tls::{
    ClientConfig, MaxFragmentLength, P256Signer, SignError, Signer, Time, Tls, Verification,
};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::time::{Duration, Instant as StdInstant, SystemTime};

/// The broker's address inside slirp's virtual network, and its TLS port there.
pub const BROKER_IP: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 100);
/// MQTT over TLS.
pub const BROKER_PORT: u16 = 8883;

/// The error the layer above TLS receives.
pub type TlsError = rawnet_tls::Error<TcpError>;

/// Where the MQTT exchange stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    /// Waiting for TLS to open.
    #[default]
    Idle,
    /// CONNECT sent.
    Connecting,
    /// SUBSCRIBE sent.
    Subscribing,
    /// PUBLISH sent, waiting for PUBACK and our own message.
    Publishing,
    /// DISCONNECT sent and TLS closed.
    Done,
}

/// An MQTT 5.0 client written with the `wire` codec: CONNECT, SUBSCRIBE to `topic`,
/// PUBLISH `message` (QoS 1) to it, receive it back, DISCONNECT, close. Works over any
/// [`Connection`] whose error is `E`; writes only what the connection's send space takes.
#[derive(Debug)]
pub struct WireMqtt<E> {
    /// Client identifier.
    pub client_id: String,
    /// Topic subscribed to and published on.
    pub topic: String,
    /// Payload published.
    pub message: Vec<u8>,
    /// Print each packet as it goes (the demo), or stay quiet (the tests).
    pub verbose: bool,
    /// Printed (when `verbose`) as the connection below opens, before CONNECT.
    pub banner: String,
    /// Progress.
    pub step: Step,
    /// When the layer below reported `connected` (for TLS: the handshake completed).
    pub connected_at: Option<StdInstant>,
    /// The broker acknowledged our PUBLISH.
    pub puback: bool,
    /// The message as received back from the broker.
    pub echoed: Option<Vec<u8>>,
    /// Application bytes the connection reported acknowledged (`sent`).
    pub acked: usize,
    /// The connection's error, if any (after `Done` errors are ignored).
    pub error: Option<E>,
    /// Anything unexpected from the broker.
    pub failure: Option<String>,
    decoder: Decoder<Vec<u8>>,
    out: Vec<u8>,
}

impl<E> WireMqtt<E> {
    /// A client that will publish `message` on `topic`; `rx` is the size of its receive buffer.
    pub fn new(client_id: &str, topic: &str, message: &[u8], rx: usize) -> Self {
        WireMqtt {
            client_id: client_id.into(),
            topic: topic.into(),
            message: message.into(),
            verbose: false,
            banner: String::new(),
            step: Step::Idle,
            connected_at: None,
            puback: false,
            echoed: None,
            acked: 0,
            error: None,
            failure: None,
            decoder: Decoder::new(vec![0u8; rx], Version::V5),
            out: Vec::new(),
        }
    }

    /// Whether the exchange ended, well or badly.
    pub fn finished(&self) -> bool {
        self.step == Step::Done || self.error.is_some() || self.failure.is_some()
    }

    fn queue(&mut self, repr: &Repr<'_>) {
        if self.verbose {
            println!("  -> {}", describe(repr));
        }
        let at = self.out.len();
        self.out.resize(at + repr.buffer_len(Version::V5), 0);
        if let Err(e) = repr.emit(&mut self.out[at..], Version::V5) {
            self.failure = Some(format!("cannot emit {repr:?}: {e:?}"));
        }
    }

    /// Write what the connection takes now, then ask it to send.
    fn push<C: Connection>(&mut self, conn: &mut C) {
        while !self.out.is_empty() {
            match conn.write(&self.out) {
                Ok(n) => {
                    self.out.drain(..n);
                }
                Err(_) => break,
            }
        }
        let _ = conn.output();
        if self.step == Step::Done && self.out.is_empty() {
            let _ = conn.close();
        }
    }

    fn packet(&mut self, packet: Repr<'_>) {
        if self.verbose {
            println!("  <- {}", describe(&packet));
        }
        let topic = self.topic.clone();
        match (self.step, packet) {
            (Step::Connecting, Repr::ConnAck(ack)) if ack.reason == ReasonCode::Success => {
                self.step = Step::Subscribing;
                let subs = [Subscription {
                    filter: &topic,
                    options: SubscriptionOptions {
                        qos: QoS::AtLeastOnce,
                        ..SubscriptionOptions::default()
                    },
                }];
                self.queue(&Repr::Subscribe(Subscribe {
                    packet_id: id(1),
                    properties: Properties::EMPTY,
                    subscriptions: Subscriptions::from_slice(&subs),
                }));
            }
            (Step::Subscribing, Repr::SubAck(_)) => {
                self.step = Step::Publishing;
                let message = self.message.clone();
                self.queue(&Repr::Publish(Publish {
                    qos: PublishQos::AtLeastOnce(id(2)),
                    topic: &topic,
                    payload: &message,
                    ..Publish::default()
                }));
            }
            (Step::Publishing, Repr::PubAck(ack)) if ack.packet_id == id(2) => self.puback = true,
            (Step::Publishing, Repr::Publish(p)) if p.topic == topic => {
                self.echoed = Some(p.payload.to_vec());
                if let Some(pid) = p.qos.packet_id() {
                    self.queue(&Repr::PubAck(Ack {
                        packet_id: pid,
                        reason: ReasonCode::Success,
                        properties: Properties::EMPTY,
                    }));
                }
            }
            (_, other) => self.failure = Some(format!("unexpected {other:?}")),
        }
        if self.step == Step::Publishing && self.puback && self.echoed.is_some() {
            self.queue(&Repr::Disconnect(Disconnect::default()));
            self.step = Step::Done;
        }
    }
}

fn id(n: u16) -> PacketId {
    PacketId::new(n).expect("non-zero")
}

/// One line per packet, for the demo's output.
pub fn describe(p: &Repr<'_>) -> String {
    match p {
        Repr::Connect(c) => format!("CONNECT client id {:?}", c.client_id),
        Repr::ConnAck(a) => format!("CONNACK {:?}", a.reason),
        Repr::Subscribe(s) => format!(
            "SUBSCRIBE {:?}",
            s.subscriptions.iter().map(|s| s.filter).collect::<Vec<_>>()
        ),
        Repr::SubAck(a) => format!("SUBACK {:?}", a.reasons.iter().collect::<Vec<_>>()),
        Repr::Publish(p) if p.payload.len() <= 64 => format!(
            "PUBLISH {} {:?} ({:?})",
            p.topic,
            String::from_utf8_lossy(p.payload),
            p.qos.qos()
        ),
        Repr::Publish(p) => format!(
            "PUBLISH {} ({} bytes, {:?})",
            p.topic,
            p.payload.len(),
            p.qos.qos()
        ),
        Repr::PubAck(a) => format!("PUBACK {}", a.packet_id),
        Repr::Disconnect(_) => "DISCONNECT".into(),
        other => format!("{other:?}"),
    }
}

impl<C: Connection<Error = E>, E> Callbacks<C> for WireMqtt<E> {
    fn connected(&mut self, conn: &mut C, _now: Instant) {
        self.connected_at = Some(StdInstant::now());
        if self.verbose {
            println!("{}", self.banner);
        }
        self.step = Step::Connecting;
        let client_id = self.client_id.clone();
        self.queue(&Repr::Connect(Connect {
            clean_start: true,
            keep_alive: 30,
            client_id: &client_id,
            ..Connect::default()
        }));
        self.push(conn);
    }

    fn recv(&mut self, conn: &mut C, mut data: &[u8], _now: Instant) -> usize {
        let total = data.len();
        while !data.is_empty() && self.failure.is_none() {
            let (consumed, packet) = match self.decoder.feed(data) {
                Ok(d) => match d.event {
                    Event::Packet(p) => (d.consumed, Some(copy(&p))),
                    Event::NeedMore => (d.consumed, None),
                    other => {
                        self.failure = Some(format!("unexpected {other:?}"));
                        (d.consumed, None)
                    }
                },
                Err(e) => {
                    self.failure = Some(format!("malformed packet from the broker: {e:?}"));
                    break;
                }
            };
            data = &data[consumed..];
            if let Some(bytes) = packet {
                match Repr::parse_bytes(&bytes, Version::V5) {
                    Ok((repr, _)) => self.packet(repr),
                    Err(e) => self.failure = Some(format!("re-parse: {e:?}")),
                }
            }
        }
        self.push(conn);
        total
    }

    fn sent(&mut self, conn: &mut C, len: usize, _now: Instant) {
        self.acked += len;
        self.push(conn);
    }

    fn poll(&mut self, conn: &mut C, _now: Instant) {
        self.push(conn);
    }

    fn err(&mut self, err: E, _now: Instant) {
        if self.step != Step::Done {
            self.error = Some(err);
        }
    }
}

/// The packet's bytes, so it outlives the decoder's borrow while we answer it.
fn copy(p: &Repr<'_>) -> Vec<u8> {
    let mut buf = vec![0u8; p.buffer_len(Version::V5)];
    let _ = p.emit(&mut buf, Version::V5);
    buf
}

/// Follows TLS record framing over a byte stream: how many records, how large.
#[derive(Debug, Default, Clone)]
pub struct Records {
    header: [u8; 5],
    have: usize,
    remaining: usize,
    /// Record headers seen.
    pub count: usize,
    /// Largest record body (the length field; add 5 for the header).
    pub max_len: usize,
    /// Length of every record, in order.
    pub lens: Vec<usize>,
}

impl Records {
    fn feed(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.remaining > 0 {
                let k = self.remaining.min(data.len());
                self.remaining -= k;
                data = &data[k..];
                continue;
            }
            let k = (5 - self.have).min(data.len());
            self.header[self.have..self.have + k].copy_from_slice(&data[..k]);
            self.have += k;
            data = &data[k..];
            if self.have == 5 {
                self.have = 0;
                self.remaining = usize::from(u16::from_be_bytes([self.header[3], self.header[4]]));
                self.count += 1;
                self.max_len = self.max_len.max(self.remaining);
                self.lens.push(self.remaining);
            }
        }
    }
}

/// What the tap between TCP and TLS saw.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Records from the broker.
    pub from_broker: Records,
    /// Records to the broker.
    pub to_broker: Records,
    /// `recv` calls from TCP (each one or more TCP segments' worth).
    pub recv_calls: usize,
    /// Largest `recv` slice.
    pub max_recv: usize,
    /// `sent` calls from TCP.
    pub sent_calls: usize,
}

/// Sits between TCP and TLS (through a [`Tap`]) and counts; changes nothing.
impl Observer for Stats {
    fn wrote(&mut self, data: &[u8]) {
        self.to_broker.feed(data);
    }
    fn received(&mut self, offered: &[u8], taken: usize) {
        self.recv_calls += 1;
        self.max_recv = self.max_recv.max(offered.len());
        self.from_broker.feed(&offered[..taken]);
    }
    fn sent(&mut self, _len: usize) {
        self.sent_calls += 1;
    }
}

/// The client key for mutual TLS, or none.
struct ClientKey(Option<P256Signer>);

impl Signer for ClientKey {
    fn sign_p256_sha256(&mut self, message: &[u8], out: &mut [u8; 72]) -> Result<usize, SignError> {
        match &mut self.0 {
            Some(s) => s.sign_p256_sha256(message, out),
            None => Err(SignError),
        }
    }
}

/// How to connect.
#[derive(Debug, Clone)]
pub struct Options {
    /// The name the client expects (SNI and certificate check).
    pub server_name: String,
    /// TCP receive and send buffer sizes.
    pub tcp_rx: usize,
    /// TCP send buffer size.
    pub tcp_tx: usize,
    /// max_fragment_length to ask for.
    pub mfl: Option<MaxFragmentLength>,
    /// Present the PKI's client certificate (mutual TLS).
    pub client_cert: bool,
    /// How long the whole exchange may take.
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            server_name: crate::certs::BROKER_NAME.into(),
            tcp_rx: 4096,
            tcp_tx: 4096,
            mfl: None,
            client_cert: false,
            timeout: Duration::from_secs(10),
        }
    }
}

/// What one connection did.
#[derive(Debug)]
pub struct Report {
    /// The MQTT client, with its outcome.
    pub app: WireMqtt<TlsError>,
    /// The tap's counts.
    pub stats: Stats,
    /// TLS read buffer size used (the least the configuration needs).
    pub read_buf: usize,
    /// TLS write buffer size used (the least the configuration needs).
    pub write_buf: usize,
    /// From TCP connected to TLS connected.
    pub handshake: Option<Duration>,
}

/// The time the host's clock says, for a session's certificate checks.
pub fn unix_now() -> Time {
    let unix = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("the clock is past 1970");
    Time::Now(unix.as_secs())
}

/// Connect the whole host stack to the broker's TLS listener on 127.0.0.1:`tls_port`, trusting
/// `pki`'s CA, and run `app` until it finishes or `opts.timeout` passes.
pub fn run(
    pki: &Pki,
    tls_port: u16,
    opts: &Options,
    app: WireMqtt<TlsError>,
) -> Result<Report, String> {
    let anchors: [&[u8]; 1] = [&pki.ca_der];
    let mut config = ClientConfig::new(
        &opts.server_name,
        Verification::new(&anchors).map_err(|e| format!("{e:?}"))?,
    )
    .map_err(|e| format!("{e:?}"))?;
    if let Some(mfl) = opts.mfl {
        config = config.with_max_fragment_length(mfl);
    }
    if opts.client_cert {
        config = config.with_client_certificate(&pki.client_der);
    }
    let key = ClientKey(if opts.client_cert {
        P256Signer::from_bytes(&pki.client_secret)
    } else {
        None
    });
    rawnet_tls::test_session!(let session = &config, unix_now(), rand_core::OsRng, key);

    let mut slirp = SlirpDevice::new(SlirpConfig::default()).map_err(|e| e.to_string())?;
    slirp
        .forward(SocketAddrV4::new(BROKER_IP, BROKER_PORT), tls_port)
        .map_err(|e| e.to_string())?;
    let mut stack = dhcp_stack(slirp, u64::from(tls_port));
    wait_for_lease(&mut stack, Duration::from_secs(10))?;
    let mut conn = stack
        .tcp_socket(buffer(opts.tcp_rx), buffer(opts.tcp_tx))
        .map_err(|e| format!("{e:?}"))?;
    let o = BROKER_IP.octets();
    let ip = IpAddress::Ipv4(Ipv4Address::new(o[0], o[1], o[2], o[3]));
    stack
        .connect(&mut conn, ip, BROKER_PORT, now())
        .map_err(|e| format!("{e:?}"))?;
    let started = StdInstant::now();
    let mut tap = Tap {
        inner: Tls::new(session, app),
        observer: Stats::default(),
    };
    let result = run_until(
        &mut stack,
        &mut conn,
        &mut tap,
        opts.timeout,
        "MQTT over TLS",
        |t| t.inner.inner().finished(),
    );
    // Let DISCONNECT and close_notify leave before the stack goes away.
    let _ = run_until(
        &mut stack,
        &mut conn,
        &mut tap,
        Duration::from_millis(200),
        "linger",
        |_| false,
    );
    result?;
    let app = std::mem::replace(tap.inner.inner_mut(), WireMqtt::new("", "", b"", 0));
    Ok(Report {
        handshake: app.connected_at.map(|t| t - started),
        app,
        stats: tap.observer,
        read_buf: config.read_buffer_len(),
        write_buf: rawnet_tls::write_buffer_len(&config),
    })
}
