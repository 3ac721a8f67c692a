//! `bench-codec <codec> <packet> <encode|decode> <iterations>`: one MQTT 3.1.1 packet encoded
//! or decoded `iterations` times by one codec, inside `measure`, so that callgrind counts the
//! codec's work alone (xtask/src/bench/codec.rs divides by the iterations and prints the
//! table).
//!
//! The codecs: rawnet-mqtt's `wire` module, mqttbytes 0.6 (`v4`, rumqttc's codec) and mqttrs
//! 0.4, on the same packets (MQTT 3.1.1, the version all three speak):
//!
//! - `connect`: client id `rawnet-bench-client`, keep alive 60, clean session, user name and
//!   password;
//! - `publish_16B`, `publish_1KiB`, `publish_64KiB`: QoS 1 to `devices/frdm-k64f/telemetry`;
//! - `subscribe`: three filters at QoS 1 (`devices/+/commands`, `config/#`, `broadcast`).
//!
//! rawnet-mqtt's encode is measured three ways (its decode one way, as `rawnet`):
//! - `rawnet`: `Checked::emit` of a representation checked before (`Repr::check`, where the
//!   packet is built, as the other codecs' representations are built before);
//! - `rawnet-emit`: `Repr::emit`, which checks the representation at every emit;
//! - `rawnet-check`: `Repr::check` alone.
//!
//! Before anything is measured the binary checks that the three codecs encode the packet to
//! identical bytes, and that each decodes those bytes back to the packet it encodes.
//!
//! What runs inside `measure`, called once per iteration:
//! - encode: the packet representation (built before) written into a buffer allocated before
//!   (rawnet-mqtt and mqttrs into a `&mut [u8]`, mqttbytes into a `BytesMut` cleared each
//!   time, its capacity kept);
//! - decode: one complete packet parsed from its bytes (rawnet-mqtt and mqttrs borrow them;
//!   mqttbytes' `read` consumes a `BytesMut`, so one copy per iteration is made before). Each
//!   decoded packet is dropped after `measure` returns: what mqttbytes and mqttrs allocate is
//!   counted, freeing it is not, and the allocator sees the steady state of a program that
//!   decodes and drops packets in turn.
//!
//! One iteration of each runs before the measured ones (it also resolves the lazily bound
//! symbols such as `memcpy`, so that the first call's binding is not counted).

use bytes::BytesMut;
use rawnet_bench::{measure, result};
use rawnet_mqtt::wire::{
    Connect, PacketId, Properties, Publish, PublishQos, QoS, Repr, Subscribe, Subscription,
    SubscriptionOptions, Subscriptions, Version,
};
use std::hint::black_box;

const V: Version = Version::V311;
const CLIENT_ID: &str = "rawnet-bench-client";
const USERNAME: &str = "user";
const PASSWORD: &[u8] = b"secret-password";
const TOPIC: &str = "devices/frdm-k64f/telemetry";
const FILTERS: [&str; 3] = ["devices/+/commands", "config/#", "broadcast"];

/// The packets of the table, in its order.
const PACKETS: &[&str] = &[
    "connect",
    "publish_16B",
    "publish_1KiB",
    "publish_64KiB",
    "subscribe",
];

static SUBSCRIPTIONS: [Subscription<'static>; 3] = [
    Subscription {
        filter: FILTERS[0],
        options: SubscriptionOptions::qos(QoS::AtLeastOnce),
    },
    Subscription {
        filter: FILTERS[1],
        options: SubscriptionOptions::qos(QoS::AtLeastOnce),
    },
    Subscription {
        filter: FILTERS[2],
        options: SubscriptionOptions::qos(QoS::AtLeastOnce),
    },
];

/// One packet as each codec represents it.
struct Packet<'a> {
    rawnet: Repr<'a>,
    mqttbytes: mqttbytes::v4::Packet,
    mqttrs: mqttrs::Packet<'a>,
}

fn packet<'a>(name: &str, payload: &'a [u8]) -> Packet<'a> {
    match name {
        "connect" => Packet {
            rawnet: Repr::Connect(Connect {
                clean_start: true,
                keep_alive: 60,
                client_id: CLIENT_ID,
                will: None,
                username: Some(USERNAME),
                password: Some(PASSWORD),
                properties: Properties::EMPTY,
            }),
            mqttbytes: {
                let mut c = mqttbytes::v4::Connect::new(CLIENT_ID);
                c.keep_alive = 60;
                c.clean_session = true;
                c.set_login(USERNAME, std::str::from_utf8(PASSWORD).expect("ASCII"));
                mqttbytes::v4::Packet::Connect(c)
            },
            mqttrs: mqttrs::Packet::Connect(mqttrs::Connect {
                protocol: mqttrs::Protocol::MQTT311,
                keep_alive: 60,
                client_id: CLIENT_ID,
                clean_session: true,
                last_will: None,
                username: Some(USERNAME),
                password: Some(PASSWORD),
            }),
        },
        "subscribe" => Packet {
            rawnet: Repr::Subscribe(Subscribe {
                packet_id: PacketId::new(2).expect("not zero"),
                properties: Properties::EMPTY,
                subscriptions: Subscriptions::from_slice(&SUBSCRIPTIONS),
            }),
            mqttbytes: {
                let mut s = mqttbytes::v4::Subscribe::new_many(FILTERS.iter().map(|f| {
                    mqttbytes::v4::SubscribeFilter::new(f.to_string(), mqttbytes::QoS::AtLeastOnce)
                }));
                s.pkid = 2;
                mqttbytes::v4::Packet::Subscribe(s)
            },
            mqttrs: mqttrs::Packet::Subscribe(mqttrs::Subscribe {
                pid: mqttrs::Pid::try_from(2).expect("not zero"),
                topics: FILTERS
                    .iter()
                    .map(|f| mqttrs::SubscribeTopic {
                        topic_path: f.to_string(),
                        qos: mqttrs::QoS::AtLeastOnce,
                    })
                    .collect(),
            }),
        },
        _ => Packet {
            rawnet: Repr::Publish(Publish {
                dup: false,
                qos: PublishQos::AtLeastOnce(PacketId::new(1).expect("not zero")),
                retain: false,
                topic: TOPIC,
                properties: Properties::EMPTY,
                payload,
            }),
            mqttbytes: {
                let mut p = mqttbytes::v4::Publish::new(
                    TOPIC,
                    mqttbytes::QoS::AtLeastOnce,
                    payload.to_vec(),
                );
                p.pkid = 1;
                mqttbytes::v4::Packet::Publish(p)
            },
            mqttrs: mqttrs::Packet::Publish(mqttrs::Publish {
                dup: false,
                qospid: mqttrs::QosPid::AtLeastOnce(mqttrs::Pid::try_from(1).expect("not zero")),
                retain: false,
                topic_name: TOPIC,
                payload,
            }),
        },
    }
}

fn payload_len(name: &str) -> usize {
    match name {
        "publish_16B" => 16,
        "publish_1KiB" => 1024,
        "publish_64KiB" => 65_536,
        _ => 0,
    }
}

/// mqttbytes' encoder for one packet (its `Packet` has no `write`: each type has its own).
/// What it returns is not always the length written (CONNECT's leaves out the fixed header).
fn mqttbytes_write(p: &mqttbytes::v4::Packet, buf: &mut BytesMut) -> usize {
    use mqttbytes::v4::Packet as P;
    match p {
        P::Connect(c) => c.write(buf),
        P::Publish(c) => c.write(buf),
        P::Subscribe(c) => c.write(buf),
        _ => unreachable!("not a packet of the table"),
    }
    .expect("mqttbytes encodes")
}

/// The packet's bytes, checked identical across the three codecs and decoded back by each.
fn encoded(p: &Packet<'_>) -> Vec<u8> {
    let mut a = vec![0u8; p.rawnet.buffer_len(V)];
    let n = p.rawnet.emit(&mut a, V).expect("rawnet-mqtt encodes");
    assert_eq!(n, a.len());
    let mut b = vec![0u8; a.len() + 16];
    let n = mqttrs::encode_slice(&p.mqttrs, &mut b).expect("mqttrs encodes");
    b.truncate(n);
    let mut c = BytesMut::new();
    mqttbytes_write(&p.mqttbytes, &mut c);
    assert_eq!(a, b, "rawnet-mqtt and mqttrs encode differently");
    assert_eq!(a, &c[..], "rawnet-mqtt and mqttbytes encode differently");

    let (repr, used) = Repr::parse_bytes(&a, V).expect("rawnet-mqtt decodes");
    assert_eq!((repr, used), (p.rawnet, a.len()));
    let decoded = mqttrs::decode_slice(&a)
        .expect("mqttrs decodes")
        .expect("a whole packet");
    assert_eq!(decoded, p.mqttrs);
    let decoded =
        mqttbytes::v4::read(&mut BytesMut::from(&a[..]), 1 << 20).expect("mqttbytes decodes");
    assert_eq!(decoded, p.mqttbytes);
    a
}

fn encode(codec: &str, p: &Packet<'_>, len: usize, n: usize) {
    match codec {
        "rawnet" => {
            // Checked once, where the packet is built; emitted without checking again.
            let checked = p.rawnet.check(V).expect("rawnet-mqtt checks");
            let mut out = vec![0u8; len];
            let once = |out: &mut [u8]| black_box(&checked).emit(out).expect("rawnet-mqtt encodes");
            assert_eq!(once(&mut out), len);
            for _ in 0..n {
                measure(|| once(&mut out));
            }
        }
        "rawnet-emit" => {
            // Repr::emit: the checks at every emit.
            let mut out = vec![0u8; len];
            let once = |out: &mut [u8]| {
                black_box(&p.rawnet)
                    .emit(out, V)
                    .expect("rawnet-mqtt encodes")
            };
            assert_eq!(once(&mut out), len);
            for _ in 0..n {
                measure(|| once(&mut out));
            }
        }
        "rawnet-check" => {
            // Repr::check alone: what building a checked representation costs.
            let once = || black_box(&p.rawnet).check(V).expect("rawnet-mqtt checks");
            assert_eq!(once().buffer_len(), len);
            for _ in 0..n {
                measure(once);
            }
        }
        "mqttbytes" => {
            // Each packet type's own `write`, as a mqttbytes user calls it (v4 has no
            // `Packet::write`): no dispatch inside `measure`.
            use mqttbytes::v4::Packet as P;
            match &p.mqttbytes {
                P::Connect(c) => encode_mqttbytes(c, |c, b| c.write(b), len, n),
                P::Publish(c) => encode_mqttbytes(c, |c, b| c.write(b), len, n),
                P::Subscribe(c) => encode_mqttbytes(c, |c, b| c.write(b), len, n),
                _ => unreachable!("not a packet of the table"),
            }
        }
        "mqttrs" => {
            let mut out = vec![0u8; len];
            let once = |out: &mut [u8]| {
                mqttrs::encode_slice(black_box(&p.mqttrs), out).expect("mqttrs encodes")
            };
            assert_eq!(once(&mut out), len);
            for _ in 0..n {
                measure(|| once(&mut out));
            }
        }
        _ => usage(),
    }
}

fn decode(codec: &str, bytes: &[u8], n: usize) {
    match codec {
        "rawnet" => {
            let once = || Repr::parse_bytes(black_box(bytes), V).expect("rawnet-mqtt decodes");
            once();
            for _ in 0..n {
                measure(once);
            }
        }
        "mqttbytes" => {
            let mut inputs: Vec<BytesMut> = (0..=n).map(|_| BytesMut::from(bytes)).collect();
            let once = |input: &mut BytesMut| {
                mqttbytes::v4::read(black_box(input), 1 << 20).expect("mqttbytes decodes")
            };
            let (first, rest) = inputs.split_first_mut().expect("n + 1 inputs");
            drop(once(first));
            for input in rest {
                drop(measure(|| once(input)));
            }
        }
        "mqttrs" => {
            let once = || {
                mqttrs::decode_slice(black_box(bytes))
                    .expect("mqttrs decodes")
                    .expect("a whole packet")
            };
            drop(once());
            for _ in 0..n {
                drop(measure(once));
            }
        }
        _ => usage(),
    }
}

/// `n` encodings of one mqttbytes packet by its type's `write` into a `BytesMut` cleared
/// each time (its capacity kept).
fn encode_mqttbytes<T>(
    packet: &T,
    write: impl Fn(&T, &mut BytesMut) -> Result<usize, mqttbytes::Error>,
    len: usize,
    n: usize,
) {
    let mut buf = BytesMut::with_capacity(len);
    let once = |buf: &mut BytesMut| {
        buf.clear();
        write(black_box(packet), buf).expect("mqttbytes encodes")
    };
    once(&mut buf);
    assert_eq!(buf.len(), len);
    for _ in 0..n {
        measure(|| once(&mut buf));
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: bench-codec <rawnet|rawnet-emit|rawnet-check|mqttbytes|mqttrs> <{}> <encode|decode> <iterations>",
        PACKETS.join("|")
    );
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [codec, name, op, n] = &args[..] else {
        usage()
    };
    if !PACKETS.contains(&name.as_str()) {
        usage()
    }
    let n: usize = n.parse().unwrap_or_else(|_| usage());
    let payload: Vec<u8> = (0..payload_len(name)).map(|i| i as u8).collect();
    let p = packet(name, &payload);
    let bytes = encoded(&p);
    match op.as_str() {
        "encode" => encode(codec, &p, bytes.len(), n),
        "decode" => decode(codec, &bytes, n),
        _ => usage(),
    }
    result("iterations", n);
    result("bytes", bytes.len());
}
