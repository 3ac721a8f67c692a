//! MQTT 5.0 features of the rawnet-mqtt client against a real Mosquitto, through the whole
//! rawnet stack over restricted slirp: the client's Topic Aliases (defined, used, gone at
//! the reconnect, retransmissions with the full topic) as a witness subscriber sees them,
//! SUBSCRIBE / UNSUBSCRIBE properties and Subscription Identifiers on delivered messages,
//! and a DISCONNECT with reason 0x04 that makes the broker publish the will.

use rawnet_mqtt::client::{Disconnected, Options, Publication};
use rawnet_mqtt::wire::{
    Disconnect, Properties, Property, QoS, ReasonCode, Subscription, SubscriptionOptions, Version,
    Will,
};
use rawnet_tcp::TcpStatus;
use rawnet_tests::host::{buffer, now};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::mqtt::{Peer, Received, Rig};
use std::time::Duration;

const T: Duration = Duration::from_secs(15);

fn options(id: &'static str) -> Options<'static> {
    let mut o = Options::new(id);
    o.version = Version::V5;
    o.keep_alive = 30;
    o
}

/// Subscribes `p` to `filter` at QoS 2 with `properties` and waits for the SUBACK.
fn subscribe(rig: &mut Rig, p: &mut Peer, filter: &str, properties: &[Property<'_>]) {
    let before = p.client.handler().subscribed.len();
    let (mut c, client) = rig.conn(p);
    let sub = Subscription {
        filter,
        options: SubscriptionOptions::qos(QoS::ExactlyOnce),
    };
    client
        .subscribe_with_properties(&mut c, &[sub], Properties::from_slice(properties), now())
        .unwrap();
    rig.run(&mut [p], T, "SUBACK", |p| {
        p[0].client.handler().subscribed.len() > before
    })
    .unwrap();
    let (_, granted) = p.client.handler().subscribed.last().unwrap();
    assert_eq!(granted.as_ref().unwrap(), &[ReasonCode::GrantedQos2]);
}

fn publish(rig: &mut Rig, p: &mut Peer, topic: &str, payload: &[u8], qos: QoS) {
    let (mut c, client) = rig.conn(p);
    let msg = Publication::new(topic, payload).qos(qos);
    let done = client.publish(&mut c, &msg, now()).unwrap();
    assert_eq!(done.written, payload.len());
}

fn got(m: &Received) -> (String, String) {
    (
        m.topic.clone(),
        String::from_utf8_lossy(&m.payload).into_owned(),
    )
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn topic_aliases_to_mosquitto_across_a_reconnect_as_a_witness_sees_them() {
    let broker = Mosquitto::start(Config::default()).unwrap();
    let mut rig = Rig::new(broker, 2);
    // The witness accepts the broker's aliases too (Mosquitto sends none, but it must take
    // the advertised Topic Alias Maximum) and subscribes with an identifier.
    let mut witness = rig.peer_with(options("rawnet-witness"), 1024, 1024, |c| {
        c.with_incoming_topic_aliases(buffer(256), 8)
    });
    let mut o = options("rawnet-aliases");
    o.clean_start = false;
    o.session_expiry = 600;
    let mut sender = rig.peer_with(o, 1024, 1024, |c| {
        c.with_outgoing_topic_aliases(buffer(256))
    });
    rig.connect(&mut witness).unwrap();
    rig.connect(&mut sender).unwrap();
    let max = sender.client.server_limits().topic_alias_max;
    assert!(max >= 2, "Mosquitto's Topic Alias Maximum: {max}");
    eprintln!("Mosquitto's Topic Alias Maximum: {max}");
    subscribe(
        &mut rig,
        &mut witness,
        "alias/#",
        &[Property::SubscriptionIdentifier(42)],
    );

    // First connection: "alias/a" defines alias 1, "alias/b" alias 2, repeats use them.
    publish(&mut rig, &mut sender, "alias/a", b"1", QoS::AtMostOnce);
    publish(&mut rig, &mut sender, "alias/a", b"2", QoS::AtLeastOnce);
    publish(&mut rig, &mut sender, "alias/b", b"3", QoS::ExactlyOnce);
    publish(&mut rig, &mut sender, "alias/a", b"4", QoS::ExactlyOnce);
    publish(&mut rig, &mut sender, "alias/b", b"5", QoS::AtLeastOnce);
    assert_eq!(sender.client.outgoing_topic_aliases(), 2);
    rig.run(&mut [&mut witness, &mut sender], T, "first five", |p| {
        p[0].client.handler().messages.len() == 5 && p[1].client.handler().published.len() == 5
    })
    .unwrap();

    // Two more, and the client disconnects before their acks can arrive: they stay stored
    // and go again on the next connection with DUP and their full topic (the aliases of
    // this connection are gone); Mosquitto would refuse an undefined alias with 0x94.
    publish(&mut rig, &mut sender, "alias/a", b"6", QoS::AtLeastOnce);
    publish(&mut rig, &mut sender, "alias/b", b"7", QoS::ExactlyOnce);
    assert_eq!(sender.client.in_flight(), 2);
    let (mut c, client) = rig.conn(&mut sender);
    client.disconnect(&mut c, now());
    assert_eq!(sender.client.in_flight(), 2, "kept for the next connection");
    // Queued offline: a first send on the next connection, defining alias 1 anew.
    sender
        .client
        .queue_publish(&Publication::new("alias/b", b"8").qos(QoS::AtLeastOnce))
        .unwrap();
    rig.run(&mut [&mut witness, &mut sender], T, "closed", |p| {
        matches!(p[1].handle.status(), TcpStatus::Closed | TcpStatus::Idle)
    })
    .unwrap();
    rig.connect(&mut sender).unwrap();
    publish(&mut rig, &mut sender, "alias/b", b"9", QoS::AtLeastOnce);
    publish(&mut rig, &mut sender, "alias/c", b"10", QoS::AtMostOnce);
    rig.run(&mut [&mut witness, &mut sender], T, "the rest", |p| {
        let payloads: Vec<_> = p[0]
            .client
            .handler()
            .messages
            .iter()
            .map(|m| m.payload.clone())
            .collect();
        ["6", "7", "8", "9", "10"]
            .iter()
            .all(|w| payloads.contains(&w.as_bytes().to_vec()))
            && p[1].client.in_flight() == 0
    })
    .unwrap_or_else(|e| {
        panic!(
            "{e}: witness {:?}; sender {:?} {:?}",
            witness.client.handler().messages,
            sender.client.handler().published,
            sender.client.handler().disconnects
        )
    });
    let h = sender.client.handler();
    assert_eq!(h.connects, [false, true], "the session was resumed");
    assert_eq!(h.disconnects, [Disconnected::Requested]);
    assert!(
        h.published.iter().all(|(_, r)| r.is_ok()),
        "{:?}",
        h.published
    );
    assert_eq!(h.published.len(), 10);
    // "alias/b" (8 defines it anew) and "alias/c": 2 on this connection.
    assert_eq!(sender.client.outgoing_topic_aliases(), 2);

    // The witness saw every message with its full topic and the subscription's identifier;
    // 6 (QoS 1) may come twice: once from the first connection, once resent. QoS 2
    // deliveries take more round trips, so the order across QoS levels varies.
    let w = witness.client.handler();
    let mut seen: Vec<_> = w.messages.iter().map(got).collect();
    seen.sort();
    seen.dedup();
    let mut want = pairs(&[
        ("alias/a", "1"),
        ("alias/a", "2"),
        ("alias/b", "3"),
        ("alias/a", "4"),
        ("alias/b", "5"),
        ("alias/a", "6"),
        ("alias/b", "7"),
        ("alias/b", "8"),
        ("alias/b", "9"),
        ("alias/c", "10"),
    ]);
    want.sort();
    assert_eq!(seen, want);
    assert!(w.messages.iter().all(|m| m.subscription_ids == [42]));
    assert!(witness.client.is_connected() && w.disconnects.is_empty());
}

#[test]
fn subscribe_unsubscribe_properties_and_disconnect_with_will() {
    let broker = Mosquitto::start(Config::default()).unwrap();
    let mut rig = Rig::new(broker, 2);
    let mut watcher = rig.peer(options("rawnet-watcher"), 1024, 1024);
    let mut o = options("rawnet-leaver");
    o.will = Some(Will {
        topic: "will/leaver",
        payload: b"gone on purpose",
        ..Will::default()
    });
    let mut leaver = rig.peer(o, 1024, 1024);
    rig.connect(&mut watcher).unwrap();
    rig.connect(&mut leaver).unwrap();
    assert!(watcher.client.server_limits().subscription_ids);
    let user = [
        Property::SubscriptionIdentifier(7),
        Property::UserProperty("site", "lab"),
    ];
    subscribe(&mut rig, &mut watcher, "will/#", &user);
    subscribe(
        &mut rig,
        &mut watcher,
        "news/#",
        &[Property::SubscriptionIdentifier(9)],
    );

    publish(&mut rig, &mut leaver, "news/x", b"n", QoS::AtLeastOnce);
    rig.run(&mut [&mut watcher, &mut leaver], T, "news", |p| {
        p[0].client.handler().messages.len() == 1
    })
    .unwrap();
    assert_eq!(watcher.client.handler().messages[0].subscription_ids, [9]);

    // UNSUBSCRIBE with a user property: Mosquitto answers success for a filter it had.
    let (mut c, client) = rig.conn(&mut watcher);
    let up = [Property::UserProperty("why", "done")];
    client
        .unsubscribe_with_properties(&mut c, &["news/#"], Properties::from_slice(&up), now())
        .unwrap();
    rig.run(&mut [&mut watcher], T, "UNSUBACK", |p| {
        !p[0].client.handler().unsubscribed.is_empty()
    })
    .unwrap();
    let (_, codes) = &watcher.client.handler().unsubscribed[0];
    assert_eq!(codes.as_ref().unwrap(), &[ReasonCode::Success]);

    // A clean DISCONNECT normally discards the will; reason 0x04 asks for it.
    let (mut c, client) = rig.conn(&mut leaver);
    let reason = [Property::ReasonString("leaving")];
    client
        .disconnect_with(
            &mut c,
            &Disconnect {
                reason: ReasonCode::DisconnectWithWillMessage,
                properties: Properties::from_slice(&reason),
            },
            now(),
        )
        .unwrap();
    publish(
        &mut rig,
        &mut watcher,
        "news/x",
        b"after unsubscribe",
        QoS::AtLeastOnce,
    );
    rig.run(&mut [&mut watcher, &mut leaver], T, "will", |p| {
        p[0].client.handler().messages.len() == 2 && p[0].client.handler().published.len() == 1
    })
    .unwrap();
    let m = &watcher.client.handler().messages[1];
    assert_eq!(got(m), ("will/leaver".into(), "gone on purpose".into()));
    assert_eq!(m.subscription_ids, [7]);
    assert_eq!(
        leaver.client.handler().disconnects,
        [Disconnected::Requested]
    );
}
