//! The rawnet-mqtt client through the whole rawnet stack on the host — restricted slirp,
//! smoltcp, rawnet-tcp's callbacks — against a real Mosquitto on 127.0.0.1, plain TCP.
//! Every client is a rawnet client on its own slirp forward; nothing needs root.

use rawnet_mqtt::client::{Disconnected, Options, Publication};
use rawnet_mqtt::wire::{QoS, ReasonCode, Subscription, SubscriptionOptions, Version, Will};
use rawnet_tests::host::now;
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::mqtt::{Peer, Rig};
use std::time::Duration;

const T: Duration = Duration::from_secs(15);

fn options(id: &'static str, version: Version) -> Options<'static> {
    let mut o = Options::new(id);
    o.version = version;
    o.keep_alive = 30;
    o
}

fn sub(filter: &str, qos: QoS) -> Subscription<'_> {
    Subscription {
        filter,
        options: SubscriptionOptions::qos(qos),
    }
}

fn subscribe(rig: &mut Rig, p: &mut Peer, filter: &str, qos: QoS) {
    let before = p.client.handler().subscribed.len();
    let (mut c, client) = rig.conn(p);
    client
        .subscribe(&mut c, &[sub(filter, qos)], now())
        .unwrap();
    rig.run(&mut [p], T, "SUBACK", |p| {
        p[0].client.handler().subscribed.len() > before
    })
    .unwrap();
    let (_, granted) = p.client.handler().subscribed.last().unwrap();
    assert!(
        granted.as_ref().unwrap().iter().all(|c| !c.is_error()),
        "{granted:?}"
    );
}

fn publish(rig: &mut Rig, p: &mut Peer, msg: &Publication<'_>) {
    let (mut c, client) = rig.conn(p);
    let done = client.publish(&mut c, msg, now()).unwrap();
    assert_eq!(done.written, msg.payload.len());
}

#[test]
fn connect_3_1_1_and_5_qos_0_1_2_both_ways_and_retained() {
    let broker = Mosquitto::start(Config::default()).unwrap();
    let mut rig = Rig::new(broker, 6);
    for version in [Version::V311, Version::V5] {
        let tag = if version == Version::V5 { "v5" } else { "v311" };
        let mut a = rig.peer(options("rawnet-a", version), 1024, 1024);
        let mut b = rig.peer(options("rawnet-b", version), 1024, 1024);
        rig.connect(&mut a).unwrap();
        rig.connect(&mut b).unwrap();
        let topic = format!("{tag}/t/#");
        subscribe(&mut rig, &mut a, &topic, QoS::ExactlyOnce);
        subscribe(&mut rig, &mut b, &topic, QoS::ExactlyOnce);
        // Each client publishes at every QoS; each receives the other's messages at that
        // QoS (and its own).
        let topics: Vec<String> = (0..3).map(|q| format!("{tag}/t/{q}")).collect();
        for (q, qos) in [QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce]
            .into_iter()
            .enumerate()
        {
            publish(
                &mut rig,
                &mut a,
                &Publication::new(&topics[q], b"from a").qos(qos),
            );
            publish(
                &mut rig,
                &mut b,
                &Publication::new(&topics[q], b"from b").qos(qos),
            );
        }
        rig.run(&mut [&mut a, &mut b], T, "messages", |p| {
            p.iter().all(|p| {
                p.client.handler().messages.len() == 6 && p.client.handler().published.len() == 3
            })
        })
        .unwrap();
        for p in [&a, &b] {
            let h = p.client.handler();
            assert!(
                h.published.iter().all(|(_, r)| r.is_ok()),
                "{:?}",
                h.published
            );
            for q in 0..3u8 {
                let got: Vec<_> = h
                    .messages
                    .iter()
                    .filter(|m| m.topic == topics[q as usize])
                    .collect();
                assert_eq!(got.len(), 2, "{tag} qos {q}: {got:?}");
                assert!(got.iter().all(|m| m.qos == q && !m.retain));
            }
        }
        // Retained: a later subscription gets it with the retain flag.
        let retained = format!("{tag}/r");
        publish(
            &mut rig,
            &mut a,
            &Publication::new(&retained, b"kept")
                .qos(QoS::AtLeastOnce)
                .retain(true),
        );
        rig.run(&mut [&mut a], T, "retained publish", |p| {
            p[0].client.handler().published.len() == 4
        })
        .unwrap();
        subscribe(&mut rig, &mut b, &retained, QoS::AtLeastOnce);
        rig.run(&mut [&mut b], T, "retained message", |p| {
            p[0].client
                .handler()
                .messages
                .iter()
                .any(|m| m.topic == retained)
        })
        .unwrap();
        let m = b
            .client
            .handler()
            .messages
            .iter()
            .find(|m| m.topic == retained)
            .unwrap();
        assert!(m.retain && m.payload == b"kept", "{m:?}");
        for p in [&mut a, &mut b] {
            let (mut c, client) = rig.conn(p);
            client.disconnect(&mut c, now());
            assert_eq!(p.client.handler().disconnects, [Disconnected::Requested]);
        }
        rig.run(&mut [&mut a, &mut b], T, "close", |_| true)
            .unwrap();
    }
}

#[test]
fn will_on_abrupt_drop_not_on_clean_disconnect() {
    let broker = Mosquitto::start(Config::default()).unwrap();
    let mut rig = Rig::new(broker, 3);
    let mut watcher = rig.peer(options("watcher", Version::V5), 1024, 1024);
    rig.connect(&mut watcher).unwrap();
    subscribe(&mut rig, &mut watcher, "will/#", QoS::AtLeastOnce);
    let with_will = |id: &'static str, topic: &'static str| {
        let mut o = options(id, Version::V5);
        o.will = Some(Will {
            qos: QoS::AtLeastOnce,
            topic,
            payload: b"gone",
            ..Will::default()
        });
        o
    };
    let mut clean = rig.peer(with_will("clean", "will/clean"), 1024, 1024);
    let mut abrupt = rig.peer(with_will("abrupt", "will/abrupt"), 1024, 1024);
    rig.connect(&mut clean).unwrap();
    rig.connect(&mut abrupt).unwrap();
    let (mut c, client) = rig.conn(&mut clean);
    client.disconnect(&mut c, now());
    rig.run(&mut [&mut clean, &mut watcher], T, "clean close", |p| {
        !p[0].client.is_connected()
    })
    .unwrap();
    // The abrupt one: its TCP connection is reset under it.
    use rawnet_tcp::Connection;
    rig.stack.connection(&mut abrupt.handle).abort();
    rig.run(&mut [&mut watcher], T, "will", |p| {
        !p[0].client.handler().messages.is_empty()
    })
    .unwrap();
    // A marker after the will: everything the broker sent before it has arrived.
    publish(
        &mut rig,
        &mut watcher,
        &Publication::new("will/marker", b"m").qos(QoS::AtLeastOnce),
    );
    rig.run(&mut [&mut watcher], T, "marker", |p| {
        p[0].client
            .handler()
            .messages
            .iter()
            .any(|m| m.topic == "will/marker")
    })
    .unwrap();
    let topics: Vec<_> = watcher
        .client
        .handler()
        .messages
        .iter()
        .map(|m| m.topic.as_str())
        .collect();
    assert_eq!(
        topics,
        ["will/abrupt", "will/marker"],
        "will only for the abrupt drop"
    );
}

#[test]
fn payload_of_64_kib_both_ways_with_a_1_kib_ring() {
    let broker = Mosquitto::start(Config::default()).unwrap();
    let mut rig = Rig::new(broker, 1);
    let mut p = rig.peer(options("big", Version::V5), 1024, 1024);
    rig.connect(&mut p).unwrap();
    subscribe(&mut rig, &mut p, "big", QoS::AtLeastOnce);
    let payload: Vec<u8> = (0..64 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let msg = Publication::new("big", &payload).qos(QoS::AtLeastOnce);
    let (mut c, client) = rig.conn(&mut p);
    let started = client.publish(&mut c, &msg, now()).unwrap();
    assert!(
        started.written < payload.len(),
        "streamed through the 1 KiB ring"
    );
    let mut at = started.written;
    while at < payload.len() {
        rig.run(&mut [&mut p], T, "ring drains", |_| true).unwrap();
        let (mut c, client) = rig.conn(&mut p);
        at += client.write_payload(&mut c, &payload[at..], now()).unwrap();
    }
    rig.run(&mut [&mut p], T, "echo", |p| {
        !p[0].client.handler().messages.is_empty() && !p[0].client.handler().published.is_empty()
    })
    .unwrap();
    let h = p.client.handler();
    assert_eq!(h.published[0].1, Ok(ReasonCode::Success));
    let m = &h.messages[0];
    assert_eq!(m.payload.len(), payload.len());
    assert!(m.payload == payload, "payload corrupted");
    assert!(
        m.fragments > 1,
        "received in fragments through a 1 KiB buffer"
    );
}

#[test]
fn keep_alive_holds_over_three_periods_of_silence() {
    let broker = Mosquitto::start(Config::default()).unwrap();
    let mut rig = Rig::new(broker, 1);
    let mut o = options("idle", Version::V311);
    o.keep_alive = 2;
    let mut p = rig.peer(o, 1024, 1024);
    rig.connect(&mut p).unwrap();
    let start = std::time::Instant::now();
    rig.run(&mut [&mut p], Duration::from_secs(10), "idle", |p| {
        !p[0].client.is_connected() || start.elapsed() >= Duration::from_millis(6_500)
    })
    .unwrap();
    assert!(
        p.client.is_connected(),
        "{:?}",
        p.client.handler().disconnects
    );
    let pings = rig
        .broker
        .log()
        .matches("Received PINGREQ from idle")
        .count();
    assert!(
        pings >= 2,
        "PINGREQs while idle: {pings}\n{}",
        rig.broker.log()
    );
    subscribe(&mut rig, &mut p, "still/here", QoS::AtMostOnce);
}
