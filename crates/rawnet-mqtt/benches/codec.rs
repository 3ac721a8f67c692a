//! Encode / decode benchmarks: rawnet-mqtt's `wire` codec side by side with rumqttc's
//! codec (the `mqttbytes` crate, MQTT 3.1.1 `v4` module) and `mqttrs`, on the same
//! packets (MQTT 3.1.1, the version all three speak).
//!
//! Run: `cargo bench -p rawnet-mqtt --bench codec`. Results: docs/benchmarks.md.
//!
//! Fairness notes:
//! - Encode: each codec writes into a buffer allocated once outside the loop (rawnet and
//!   mqttrs into a `&mut [u8]`, mqttbytes into a `BytesMut` cleared each iteration). The
//!   packet representation is built once outside the loop for every codec.
//! - Decode: rawnet and mqttrs parse from a borrowed `&[u8]`. mqttbytes' `read` consumes a
//!   `BytesMut`, so a fresh copy of the input is made in `iter_batched`'s untimed setup.
//!   Every result is passed through `black_box`.

use std::hint::black_box;
use std::time::Duration;

use bytes::BytesMut;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rawnet_mqtt::wire::{
    Connect, PacketId, Properties, Publish, PublishQos, QoS, Repr, Subscribe, Subscription,
    SubscriptionOptions, Subscriptions, Version,
};

const V: Version = Version::V311;
const CLIENT_ID: &str = "rawnet-bench-client";
const USERNAME: &str = "user";
const PASSWORD: &[u8] = b"secret-password";
const TOPIC: &str = "devices/frdm-k64f/telemetry";
const FILTERS: [&str; 3] = ["devices/+/commands", "config/#", "broadcast"];

fn rawnet_connect() -> Repr<'static> {
    Repr::Connect(Connect {
        clean_start: true,
        keep_alive: 60,
        client_id: CLIENT_ID,
        will: None,
        username: Some(USERNAME),
        password: Some(PASSWORD),
        properties: Properties::EMPTY,
    })
}

fn rawnet_publish(payload: &[u8]) -> Repr<'_> {
    Repr::Publish(Publish {
        dup: false,
        qos: PublishQos::AtLeastOnce(PacketId::new(1).unwrap()),
        retain: false,
        topic: TOPIC,
        properties: Properties::EMPTY,
        payload,
    })
}

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

fn rawnet_subscribe() -> Repr<'static> {
    Repr::Subscribe(Subscribe {
        packet_id: PacketId::new(2).unwrap(),
        properties: Properties::EMPTY,
        subscriptions: Subscriptions::from_slice(&SUBSCRIPTIONS),
    })
}

fn mqttbytes_connect() -> mqttbytes::v4::Connect {
    let mut c = mqttbytes::v4::Connect::new(CLIENT_ID);
    c.keep_alive = 60;
    c.clean_session = true;
    c.set_login(USERNAME, std::str::from_utf8(PASSWORD).unwrap());
    c
}

fn mqttbytes_publish(payload: &[u8]) -> mqttbytes::v4::Publish {
    let mut p = mqttbytes::v4::Publish::new(TOPIC, mqttbytes::QoS::AtLeastOnce, payload.to_vec());
    p.pkid = 1;
    p
}

fn mqttbytes_subscribe() -> mqttbytes::v4::Subscribe {
    let mut s =
        mqttbytes::v4::Subscribe::new_many(FILTERS.iter().map(|f| {
            mqttbytes::v4::SubscribeFilter::new(f.to_string(), mqttbytes::QoS::AtLeastOnce)
        }));
    s.pkid = 2;
    s
}

fn mqttrs_connect() -> mqttrs::Packet<'static> {
    mqttrs::Packet::Connect(mqttrs::Connect {
        protocol: mqttrs::Protocol::MQTT311,
        keep_alive: 60,
        client_id: CLIENT_ID,
        clean_session: true,
        last_will: None,
        username: Some(USERNAME),
        password: Some(PASSWORD),
    })
}

fn mqttrs_publish(payload: &[u8]) -> mqttrs::Packet<'_> {
    mqttrs::Packet::Publish(mqttrs::Publish {
        dup: false,
        qospid: mqttrs::QosPid::AtLeastOnce(mqttrs::Pid::try_from(1).unwrap()),
        retain: false,
        topic_name: TOPIC,
        payload,
    })
}

fn mqttrs_subscribe() -> mqttrs::Packet<'static> {
    mqttrs::Packet::Subscribe(mqttrs::Subscribe {
        pid: mqttrs::Pid::try_from(2).unwrap(),
        topics: FILTERS
            .iter()
            .map(|f| mqttrs::SubscribeTopic {
                topic_path: f.to_string(),
                qos: mqttrs::QoS::AtLeastOnce,
            })
            .collect(),
    })
}

/// The encoded bytes, checked to be identical across the three codecs.
fn encoded(
    rawnet: &Repr<'_>,
    mqttrs: &mqttrs::Packet<'_>,
    mqttbytes: impl Fn(&mut BytesMut),
) -> Vec<u8> {
    let mut a = vec![0u8; rawnet.buffer_len(V)];
    rawnet.emit(&mut a, V).unwrap();
    let mut b = vec![0u8; a.len() + 16];
    let n = mqttrs::encode_slice(mqttrs, &mut b).unwrap();
    b.truncate(n);
    let mut c = BytesMut::new();
    mqttbytes(&mut c);
    assert_eq!(a, b, "rawnet and mqttrs encode differently");
    assert_eq!(a, &c[..], "rawnet and mqttbytes encode differently");
    a
}

fn bench_row(
    c: &mut Criterion,
    name: &str,
    rawnet: Repr<'_>,
    mqttrs_packet: mqttrs::Packet<'_>,
    mqttbytes_write: impl Fn(&mut BytesMut),
) {
    let bytes = encoded(&rawnet, &mqttrs_packet, &mqttbytes_write);

    let mut group = c.benchmark_group(format!("{name}/encode"));
    let mut out = vec![0u8; bytes.len() + 16];
    group.bench_function("rawnet-mqtt", |b| {
        b.iter(|| black_box(black_box(&rawnet).emit(&mut out, V).unwrap()))
    });
    group.bench_function("mqttbytes", |b| {
        let mut buf = BytesMut::with_capacity(bytes.len() + 16);
        b.iter(|| {
            buf.clear();
            mqttbytes_write(&mut buf);
            black_box(buf.len())
        })
    });
    group.bench_function("mqttrs", |b| {
        b.iter(|| black_box(mqttrs::encode_slice(black_box(&mqttrs_packet), &mut out).unwrap()))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("{name}/decode"));
    group.bench_function("rawnet-mqtt", |b| {
        b.iter(|| black_box(Repr::parse_bytes(black_box(&bytes), V).unwrap()))
    });
    group.bench_function("mqttbytes", |b| {
        b.iter_batched(
            || BytesMut::from(&bytes[..]),
            |mut input| black_box(mqttbytes::v4::read(&mut input, 1 << 20).unwrap()),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("mqttrs", |b| {
        b.iter(|| black_box(mqttrs::decode_slice(black_box(&bytes)).unwrap()))
    });
    group.finish();
}

fn codec(c: &mut Criterion) {
    let connect = mqttbytes_connect();
    bench_row(c, "connect", rawnet_connect(), mqttrs_connect(), |buf| {
        connect.write(buf).unwrap();
    });
    for (name, len) in [
        ("publish_16B", 16usize),
        ("publish_1KiB", 1024),
        ("publish_64KiB", 65_536),
    ] {
        let payload: Vec<u8> = (0..len).map(|i| i as u8).collect();
        let p = mqttbytes_publish(&payload);
        bench_row(
            c,
            name,
            rawnet_publish(&payload),
            mqttrs_publish(&payload),
            |buf| {
                p.write(buf).unwrap();
            },
        );
    }
    let subscribe = mqttbytes_subscribe();
    bench_row(
        c,
        "subscribe",
        rawnet_subscribe(),
        mqttrs_subscribe(),
        |buf| {
            subscribe.write(buf).unwrap();
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    targets = codec
}
criterion_main!(benches);
