//! `cargo xtask demo`: the best end-to-end path rawnet has today.
//!
//! A local Mosquitto broker is started on a free loopback port. A rawnet stack — the
//! restricted libslirp driver (`rawnet-eth`), smoltcp with DHCP (`rawnet-tcp`) and the MQTT
//! 5.0 codec (`rawnet-mqtt`) — gets a lease, opens a TCP connection to the broker through
//! the driver's only forward (guest 10.0.2.100:1883 → 127.0.0.1:PORT), connects, subscribes,
//! publishes a QoS 1 message, receives it back, and disconnects. `mosquitto_sub` listens on
//! the same topic as an independent witness. Everything stays on this machine; nothing
//! needs root.
//!
//! Later issues replace the hand-driven MQTT exchange below with the rawnet-mqtt client,
//! put TLS (rawnet-tls) under it, and run the same application as firmware in QEMU.

use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_mqtt::wire::{
    Connect, Decoder, Disconnect, Event, PacketId, Properties, Publish, PublishQos, QoS,
    ReasonCode, Repr, Subscribe, Subscription, SubscriptionOptions, Subscriptions, Version,
};
use rawnet_tcp::smoltcp::wire::IpAddress;
use rawnet_tcp::{Callbacks, Connection, Instant, TcpError};
use rawnet_tests::host::{buffer, dhcp_stack, now, run_until, wait_for_lease};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::process::{Command, Stdio};
use std::time::Duration;

const TOPIC: &str = "rawnet/demo";
const MESSAGE: &[u8] = b"hello from rawnet";
const BROKER: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 100);

/// Where the MQTT exchange stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Connecting,
    Subscribing,
    Publishing,
    Done,
}

/// The application: an MQTT 5.0 exchange driven by the TCP callbacks.
struct Demo {
    step: Step,
    decoder: Decoder<Vec<u8>>,
    puback: bool,
    echoed: bool,
    failure: Option<String>,
}

fn send<C: Connection>(conn: &mut C, repr: &Repr<'_>) {
    let mut buf = vec![0u8; repr.buffer_len(Version::V5)];
    let n = repr.emit(&mut buf, Version::V5).expect("emit");
    assert!(
        conn.send_space() >= n,
        "send buffer too small for one packet"
    );
    let _ = conn.write(&buf[..n]);
    let _ = conn.output();
}

fn id(n: u16) -> PacketId {
    PacketId::new(n).unwrap()
}

impl Demo {
    fn packet<C: Connection>(&mut self, conn: &mut C, packet: Repr<'_>) {
        println!("  <- {}", describe(&packet));
        match (self.step, packet) {
            (Step::Connecting, Repr::ConnAck(ack)) if ack.reason == ReasonCode::Success => {
                self.step = Step::Subscribing;
                let subs = [Subscription {
                    filter: TOPIC,
                    options: SubscriptionOptions {
                        qos: QoS::AtLeastOnce,
                        ..SubscriptionOptions::default()
                    },
                }];
                let sub = Repr::Subscribe(Subscribe {
                    packet_id: id(1),
                    properties: Properties::EMPTY,
                    subscriptions: Subscriptions::from_slice(&subs),
                });
                println!("  -> {}", describe(&sub));
                send(conn, &sub);
            }
            (Step::Subscribing, Repr::SubAck(_)) => {
                self.step = Step::Publishing;
                let publish = Repr::Publish(Publish {
                    qos: PublishQos::AtLeastOnce(id(2)),
                    topic: TOPIC,
                    payload: MESSAGE,
                    ..Publish::default()
                });
                println!("  -> {}", describe(&publish));
                send(conn, &publish);
            }
            (Step::Publishing, Repr::PubAck(ack)) if ack.packet_id == id(2) => self.puback = true,
            (Step::Publishing, Repr::Publish(p)) if p.topic == TOPIC && p.payload == MESSAGE => {
                self.echoed = true;
                if let Some(pid) = p.qos.packet_id() {
                    send(
                        conn,
                        &Repr::PubAck(rawnet_mqtt::wire::Ack {
                            packet_id: pid,
                            reason: ReasonCode::Success,
                            properties: Properties::EMPTY,
                        }),
                    );
                }
            }
            (_, other) => self.failure = Some(format!("unexpected {other:?}")),
        }
        if self.step == Step::Publishing && self.puback && self.echoed {
            let bye = Repr::Disconnect(Disconnect::default());
            println!("  -> {}", describe(&bye));
            send(conn, &bye);
            let _ = conn.close();
            self.step = Step::Done;
        }
    }
}

fn describe(p: &Repr<'_>) -> String {
    match p {
        Repr::Connect(c) => format!("CONNECT client id {:?}", c.client_id),
        Repr::ConnAck(a) => format!("CONNACK {:?}", a.reason),
        Repr::Subscribe(_) => format!("SUBSCRIBE {TOPIC} (QoS 1)"),
        Repr::SubAck(a) => format!("SUBACK {:?}", a.reasons.iter().collect::<Vec<_>>()),
        Repr::Publish(p) => format!(
            "PUBLISH {} {:?} ({:?})",
            p.topic,
            String::from_utf8_lossy(p.payload),
            p.qos.qos()
        ),
        Repr::PubAck(a) => format!("PUBACK {}", a.packet_id),
        Repr::Disconnect(_) => "DISCONNECT".into(),
        other => format!("{other:?}"),
    }
}

impl<C: Connection<Error = TcpError>> Callbacks<C> for Demo {
    fn connected(&mut self, conn: &mut C, _now: Instant) {
        println!("TCP connected to the broker; MQTT 5.0:");
        let connect = Repr::Connect(Connect {
            clean_start: true,
            keep_alive: 30,
            client_id: "rawnet-demo",
            ..Connect::default()
        });
        println!("  -> {}", describe(&connect));
        send(conn, &connect);
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
                let (repr, _) = Repr::parse_bytes(&bytes, Version::V5).expect("re-parse");
                self.packet(conn, repr);
            }
        }
        total
    }

    fn err(&mut self, err: TcpError, _now: Instant) {
        if self.step != Step::Done {
            self.failure = Some(format!("connection failed: {err}"));
        }
    }
}

/// The packet's bytes, so it outlives the decoder's borrow while we answer it.
fn copy(p: &Repr<'_>) -> Vec<u8> {
    let mut buf = vec![0u8; p.buffer_len(Version::V5)];
    p.emit(&mut buf, Version::V5).expect("emit");
    buf
}

fn main() {
    if let Err(e) = run() {
        eprintln!("demo failed: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let broker = Mosquitto::start(Config::default())?;
    println!("Mosquitto listening on {}", broker.plain);

    // An independent witness: mosquitto_sub waits for one message on the topic.
    let witness = Command::new("mosquitto_sub")
        .args(["-h", "127.0.0.1", "-p", &broker.plain.port().to_string()])
        .args(["-t", TOPIC, "-C", "1", "-W", "30", "-V", "mqttv5"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("mosquitto_sub: {e} (apt-get install -y mosquitto-clients)"))?;
    std::thread::sleep(Duration::from_millis(300));

    let mut slirp = SlirpDevice::new(SlirpConfig::default()).map_err(|e| e.to_string())?;
    slirp
        .forward(SocketAddrV4::new(BROKER, 1883), broker.plain.port())
        .map_err(|e| e.to_string())?;
    let mut stack = dhcp_stack(slirp, std::process::id().into());
    wait_for_lease(&mut stack, Duration::from_secs(10))?;
    let lease = stack.dhcp_lease().unwrap();
    println!("DHCP lease from libslirp: {}", lease.address);

    let mut conn = stack
        .tcp_socket(buffer(4096), buffer(4096))
        .map_err(|e| format!("{e:?}"))?;
    stack
        .connect(&mut conn, IpAddress::Ipv4(BROKER), 1883, now())
        .map_err(|e| format!("{e:?}"))?;
    let mut demo = Demo {
        step: Step::Connecting,
        decoder: Decoder::new(vec![0u8; 1024], Version::V5),
        puback: false,
        echoed: false,
        failure: None,
    };
    run_until(
        &mut stack,
        &mut conn,
        &mut demo,
        Duration::from_secs(20),
        "MQTT exchange",
        |d| d.step == Step::Done || d.failure.is_some(),
    )?;
    if let Some(f) = demo.failure {
        return Err(f);
    }
    let out = witness.wait_with_output().map_err(|e| e.to_string())?;
    let seen = String::from_utf8_lossy(&out.stdout);
    println!("mosquitto_sub received: {}", seen.trim());
    if seen.trim().as_bytes() != MESSAGE {
        return Err("mosquitto_sub did not receive the message".into());
    }
    println!("demo: OK");
    Ok(())
}
