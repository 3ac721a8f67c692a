//! Connections broken at exact places, under the whole stack: driver → smoltcp → rawnet-tcp →
//! rawnet-tls (TLS 1.3) → rawnet-mqtt on the host, against a real Mosquitto TLS listener.
//!
//! The device (MQTT 5.0, persistent session) reaches Mosquitto through a [`Cutter`], a proxy
//! that forwards whole TLS records and breaks the stream where a test arms it: halfway
//! through the server's handshake, halfway through a record after it, between two records of
//! one MQTT packet, a record shortened by a byte, a bit flipped in a record of the device's
//! (Mosquitto answers with a real encrypted alert), or the device's side no longer read (its
//! TCP send window closes). The peer (MQTT 3.1.1) trades QoS 1 and 2 messages with the
//! device through a second proxy that never cuts.
//!
//! Checked for each: the device's connection ends with the specific error the break calls
//! for (the TLS error handed to the MQTT client, or the MQTT keep-alive watchdog), it closes
//! its end where the proxy kept the connection open, it reconnects by itself and resumes its
//! session, and every QoS 1 and 2 message of both sides arrives, QoS 2 exactly once.
//!
//! The stack runs on a TAP in a network namespace each test creates (its DHCP lease from
//! dnsmasq there), and the proxies listen inside it: the kernel's TCP is the device's peer,
//! so a FIN reaches it as a FIN (restricted slirp turns a server's close into a reset). The
//! proxies connect to Mosquitto on 127.0.0.1; nothing else is reachable. Needs root
//! (`CAP_NET_ADMIN`), `ip` and `dnsmasq` (`cargo xtask setup` installs them); skipped, saying
//! why, without root.

use rawnet_eth::host::netns::{is_root, DnsmasqNet};
use rawnet_eth::host::TapDevice;
use rawnet_mqtt::client::Disconnected;
use rawnet_mqtt::wire::QoS;
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::cutter::{Action, Cut, Cutter, Dir, End, Fired};
use rawnet_tests::endpoint::{client_config, payload, settle, Endpoint, HostStack, GUEST_PORT};
use rawnet_tests::host::{dhcp_stack, now, wait_for_lease};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tls::ClientConfig;
use std::net::{Ipv4Addr, TcpListener};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The device's proxy: the kernel side of the TAP.
const DEVICE_PROXY: Ipv4Addr = DnsmasqNet::SERVER;
/// The peer's proxy: a second address on the kernel side.
const PEER_PROXY: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 2);
/// Messages per QoS and side around each cut.
const N: usize = 10;
/// A record's body at the device's max_fragment_length (1024 B of plaintext, its content type
/// byte and the AES-GCM tag).
const FULL_RECORD: usize = 1024 + 1 + 16;

fn setup() -> &'static (Pki, &'static ClientConfig<'static>) {
    static PKI: OnceLock<(Pki, &'static ClientConfig<'static>)> = OnceLock::new();
    PKI.get_or_init(|| {
        let pki = Pki::generate(&[BROKER_NAME]).expect("test PKI");
        let config = client_config(&pki).expect("client configuration");
        (pki, config)
    })
}

/// Messages one side published, with their QoS.
type Sent = Vec<(QoS, Vec<u8>)>;

/// Mosquitto, the namespace with its proxies, and the two clients on one host stack,
/// settled.
struct World {
    _broker: Mosquitto,
    cutter: Cutter,
    _passthrough: Cutter,
    stack: HostStack<TapDevice>,
    device: Endpoint,
    peer: Endpoint,
    config: &'static ClientConfig<'static>,
    /// QoS 1 and 2 payloads each side published: (device's, peer's).
    sent: (Sent, Sent),
    // Dropped last: the namespace outlives the sockets in it.
    _net: DnsmasqNet,
}

impl World {
    /// Everything up; `first` is armed before the device's first connection. `None`
    /// without root (the namespace needs it), saying so: the test is skipped.
    fn new(first: Option<Cut>, keep_alive: u16) -> Option<World> {
        if !is_root() {
            eprintln!("skipped: the cut suite needs root for its network namespace");
            return None;
        }
        let (pki, config) = setup();
        let broker = Mosquitto::start(Config {
            tls: Some(pki.listener(false)),
            ..Config::default()
        })
        .expect("mosquitto");
        let tls_port = broker.tls.expect("TLS listener").port();
        let (net, tap) = DnsmasqNet::start().expect("namespace with dnsmasq");
        let ns = net.netns();
        ns.ip(&["addr", "add", "192.0.2.2/24", "dev", DnsmasqNet::TAP_NAME])
            .expect("second address");
        let listen = |addr: Ipv4Addr| {
            ns.run_in(|| TcpListener::bind((addr, GUEST_PORT)))
                .expect("proxy listener in the namespace")
        };
        let cutter = Cutter::new(listen(DEVICE_PROXY), tls_port).expect("proxy");
        let passthrough = Cutter::new(listen(PEER_PROXY), tls_port).expect("proxy");
        if let Some(cut) = first {
            cutter.arm(cut);
        }
        let mut stack = dhcp_stack(tap, 0xc075);
        wait_for_lease(&mut stack, Duration::from_secs(20)).expect("DHCP lease");
        let (mut device, mut peer) = Endpoint::pair(
            &mut stack,
            [DEVICE_PROXY, PEER_PROXY],
            ("c/up", "c/down"),
            |o| o.keep_alive = keep_alive,
        );
        settle(
            &mut stack,
            &mut [&mut device, &mut peer],
            config,
            Duration::from_secs(30),
        )
        .expect("both clients connected");
        Some(World {
            _broker: broker,
            cutter,
            _passthrough: passthrough,
            stack,
            device,
            peer,
            config,
            sent: (Vec::new(), Vec::new()),
            _net: net,
        })
    }

    /// Queue `n` QoS 1 and `n` QoS 2 messages of `len` bytes on the device (`up`) or the peer.
    fn queue(&mut self, up: bool, n: usize, len: usize) {
        let (ep, sent) = if up {
            (&mut self.device, &mut self.sent.0)
        } else {
            (&mut self.peer, &mut self.sent.1)
        };
        for _ in 0..n {
            for qos in [QoS::AtLeastOnce, QoS::ExactlyOnce] {
                let p = payload(ep.name, sent.len() as u32, qos, len);
                ep.queue.push_back((qos, p.clone()));
                sent.push((qos, p));
            }
        }
    }

    /// Every QoS 1 and 2 message published so far has arrived (QoS 2 once), both ways, and
    /// both clients have their acknowledgements.
    fn all_delivered(&self) -> bool {
        let arrived = |sent: &[(QoS, Vec<u8>)], at: &Endpoint| {
            sent.iter()
                .all(|(_, p)| at.app().messages.iter().any(|m| &m.payload == p))
        };
        let acked = |e: &Endpoint, n: usize| {
            e.queue.is_empty() && e.app().published_ok + e.app().publish_errors.len() >= n
        };
        arrived(&self.sent.0, &self.peer)
            && arrived(&self.sent.1, &self.device)
            && acked(&self.device, self.sent.0.len())
            && acked(&self.peer, self.sent.1.len())
    }

    /// Drive everything until `done`, failing with `what` and the state after `within`.
    fn run_until(&mut self, what: &str, within: Duration, done: impl Fn(&World) -> bool) {
        let deadline = Instant::now() + within;
        while !done(self) {
            assert!(
                Instant::now() < deadline,
                "{what}: not within {within:?}; device: {} connections, disconnects {:?}, \
                 transport errors {:?}, queue {}, acked {}; peer: queue {}, acked {}; cut {:?}",
                self.device.opened,
                self.device.app().disconnects,
                self.device.tap().observer.failures,
                self.device.queue.len(),
                self.device.app().published_ok,
                self.peer.queue.len(),
                self.peer.app().published_ok,
                self.cutter.fired(),
            );
            let t = now();
            let busy = self.stack.poll(t);
            self.device.step(&mut self.stack, self.config, t);
            self.peer.step(&mut self.stack, self.config, t);
            if !busy {
                std::thread::sleep(Duration::from_micros(300));
            }
        }
    }

    /// After the break: the device's connection ended once, with `error` from the layer
    /// below MQTT (or `reason` from MQTT itself); it reconnected and resumed its session;
    /// messages queued on both sides after reconnecting arrive too, and nothing was
    /// delivered twice at QoS 2.
    fn recovers(&mut self, error: Option<&str>, reason: Disconnected) -> Fired {
        self.run_until("the cut and the reconnect", Duration::from_secs(40), |w| {
            w.cutter.fired().is_some()
                && w.device.opened >= 2
                && w.device.tap().inner.is_connected()
        });
        let fired = self.cutter.fired().expect("fired");
        let app = self.device.app();
        assert_eq!(
            self.device
                .tap()
                .observer
                .failures
                .first()
                .map(String::as_str),
            error,
            "the device's transport error; disconnects {:?}",
            app.disconnects
        );
        assert_eq!(app.disconnects.first(), Some(&reason));
        assert_eq!(
            self.device.opened, 2,
            "one reconnect: {:?}",
            app.disconnects
        );
        self.deliver_both_ways("delivery after the reconnect");
        fired
    }

    /// Messages queued now on both sides arrive, with every one before them, and nothing is
    /// delivered twice at QoS 2 or refused.
    fn deliver_both_ways(&mut self, what: &str) {
        self.queue(true, N, 48);
        self.queue(false, N, 48);
        self.run_until(what, Duration::from_secs(30), |w| w.all_delivered());
        for (side, at) in [(&self.sent.0, &self.peer), (&self.sent.1, &self.device)] {
            for (qos, p) in side {
                let n = at.app().messages.iter().filter(|m| &m.payload == p).count();
                if *qos == QoS::ExactlyOnce {
                    assert_eq!(n, 1, "a QoS 2 message arrived {n} times");
                }
            }
        }
        assert!(self.device.refused.is_empty() && self.peer.refused.is_empty());
    }
}

/// A session never set up before the cut: the first attempt ends in the handshake, the
/// second sets the session up.
fn handshake_cut(end: End, error: &str) {
    let Some(mut w) = World::new(
        Some(Cut {
            dir: Dir::ToClient,
            skip: 1,
            action: Action::Halfway(end),
        }),
        30,
    ) else {
        return;
    };
    assert_eq!(
        w.device.opened, 2,
        "the cut attempt and the one that worked"
    );
    assert_eq!(
        w.device.tap().observer.failures,
        [error],
        "{:?}",
        w.device.app().disconnects
    );
    assert_eq!(w.device.app().connects, [false], "no CONNACK before");
    let fired = w.cutter.fired().expect("fired");
    assert_eq!(fired.connection, 1);
    w.deliver_both_ways("delivery after the handshake cut");
}

#[test]
fn a_fin_mid_handshake_is_closed_during_handshake() {
    handshake_cut(End::Fin, "ClosedDuringHandshake");
}

#[test]
fn a_reset_mid_handshake_is_a_tcp_reset() {
    handshake_cut(End::Reset, "Tcp(Reset)");
}

/// Messages from the peer are on their way to the device when the next record to it is cut
/// halfway.
fn record_cut(end: End, error: &str) {
    let Some(mut w) = World::new(None, 30) else {
        return;
    };
    w.cutter.arm(Cut {
        dir: Dir::ToClient,
        skip: 0,
        action: Action::Halfway(end),
    });
    w.queue(false, N, 48);
    w.queue(true, N, 48);
    let fired = w.recovers(Some(error), Disconnected::Transport);
    assert_eq!(fired.content_type, 23, "an application data record");
}

#[test]
fn a_fin_mid_record_is_truncation() {
    record_cut(End::Fin, "Truncated");
}

#[test]
fn a_reset_mid_record_is_a_tcp_reset() {
    record_cut(End::Reset, "Tcp(Reset)");
}

#[test]
fn a_fin_mid_packet_is_truncation_and_the_message_comes_again_whole() {
    let Some(mut w) = World::new(None, 30) else {
        return;
    };
    // The next record to the device is the first of the two that carry an 1800-byte
    // PUBLISH; it arrives whole, then the connection ends.
    w.cutter.arm(Cut {
        dir: Dir::ToClient,
        skip: 0,
        action: Action::After(End::Fin),
    });
    let big = payload("peer", 1000, QoS::AtLeastOnce, 1800);
    w.peer.queue.push_back((QoS::AtLeastOnce, big.clone()));
    w.sent.1.push((QoS::AtLeastOnce, big.clone()));
    let fired = w.recovers(Some("Truncated"), Disconnected::Transport);
    assert_eq!(
        (fired.content_type, fired.len),
        (23, FULL_RECORD),
        "the cut fell after a full record, inside the PUBLISH"
    );
    let got: Vec<_> = w
        .device
        .app()
        .messages
        .iter()
        .filter(|m| m.payload.len() > 1000)
        .collect();
    assert_eq!(got.len(), 1, "the big message once, whole");
    assert_eq!(got[0].payload, big);
    assert!(got[0].dup, "redelivered by the broker with DUP");
}

#[test]
fn a_corrupted_record_from_the_device_brings_the_brokers_alert() {
    let Some(mut w) = World::new(None, 30) else {
        return;
    };
    w.cutter.arm(Cut {
        dir: Dir::ToServer,
        skip: 0,
        action: Action::FlipBit,
    });
    w.queue(true, N, 48);
    // Mosquitto's OpenSSL fails to decrypt the record and sends bad_record_mac (20),
    // encrypted, before closing.
    w.recovers(Some("AlertReceived(20)"), Disconnected::Transport);
    assert!(w.cutter.client_closed(1), "the device closed its end");
}

#[test]
fn a_shortened_record_is_refused_and_the_device_closes() {
    let Some(mut w) = World::new(None, 30) else {
        return;
    };
    w.cutter.arm(Cut {
        dir: Dir::ToClient,
        skip: 0,
        action: Action::Shorten,
    });
    w.queue(false, N, 48);
    // The proxy keeps the connection open: the device must end it itself.
    w.recovers(
        Some("Protocol(EngineError(CryptoError))"),
        Disconnected::Transport,
    );
    assert!(w.cutter.client_closed(1), "the device closed its end");
}

#[test]
fn a_server_that_stops_reading_trips_the_keep_alive_watchdog() {
    let keep_alive = 2;
    let Some(mut w) = World::new(None, keep_alive) else {
        return;
    };
    w.cutter.arm(Cut {
        dir: Dir::ToServer,
        skip: 0,
        action: Action::Stall,
    });
    // QoS 0 messages of 1000 B until the device's send window and output ring are full, then
    // QoS 1 and 2 ones held in its session store.
    for i in 0..200 {
        w.device.queue.push_back((
            QoS::AtMostOnce,
            payload("device", 5000 + i, QoS::AtMostOnce, 1000),
        ));
    }
    w.queue(true, N, 48);
    w.recovers(None, Disconnected::KeepAliveTimeout);
    assert!(
        w.device.output_full > 0,
        "the device's publishes met a full output ring: the window closed"
    );
}
