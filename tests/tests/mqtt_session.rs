//! A persistent session across a broker restart (SIGKILL, then the same port again, with
//! Mosquitto's persistence on): messages in flight when the broker dies, and messages
//! queued offline while it is down, all reach the subscriber; none is lost. Whole rawnet
//! stack over restricted slirp, plain TCP.

use rawnet_mqtt::client::{Backoff, Options, Publication};
use rawnet_mqtt::wire::{QoS, Subscription, SubscriptionOptions, Version};
use rawnet_tests::host::now;
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::mqtt::{Peer, Rig};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

const T: Duration = Duration::from_secs(15);

fn persistent(id: &'static str, version: Version) -> Options<'static> {
    let mut o = Options::new(id);
    o.version = version;
    o.keep_alive = 30;
    o.clean_start = false;
    o.session_expiry = 3600;
    o
}

/// Runs the stack for `d` (lets the broker's 1 s autosave write its database).
fn settle(rig: &mut Rig, peers: &mut [&mut Peer], d: Duration) {
    let until = Instant::now() + d;
    rig.run(peers, d + T, "settle", |_| Instant::now() >= until)
        .unwrap();
}

#[test]
fn persistent_session_across_a_broker_restart_loses_nothing() {
    let broker = Mosquitto::start(Config {
        persistence: true,
        ..Config::default()
    })
    .unwrap();
    let mut rig = Rig::new(broker, 2);
    let mut sub = rig.peer(persistent("rawnet-sub", Version::V311), 1024, 1024);
    let mut publ = rig.peer(persistent("rawnet-pub", Version::V5), 1024, 1024);
    rig.connect(&mut sub).unwrap();
    rig.connect(&mut publ).unwrap();
    let (mut c, client) = rig.conn(&mut sub);
    let filter = Subscription {
        filter: "p/#",
        options: SubscriptionOptions::qos(QoS::ExactlyOnce),
    };
    client.subscribe(&mut c, &[filter], now()).unwrap();
    settle(
        &mut rig,
        &mut [&mut sub, &mut publ],
        Duration::from_millis(1_500),
    );
    assert_eq!(sub.client.handler().subscribed.len(), 1);

    // Four messages acknowledged and delivered while the broker is up...
    let payloads: Vec<String> = (0..14).map(|i| format!("m{i}")).collect();
    let qos = |i: usize| {
        if i % 2 == 0 {
            QoS::AtLeastOnce
        } else {
            QoS::ExactlyOnce
        }
    };
    for (i, p) in payloads[..4].iter().enumerate() {
        let (mut c, client) = rig.conn(&mut publ);
        let msg = Publication::new("p/x", p.as_bytes()).qos(qos(i));
        let _ = client.publish(&mut c, &msg, now()).unwrap();
    }
    rig.run(&mut [&mut sub, &mut publ], T, "first four", |p| {
        p[1].client.handler().published.len() == 4 && p[0].client.handler().messages.len() >= 4
    })
    .unwrap();
    settle(
        &mut rig,
        &mut [&mut sub, &mut publ],
        Duration::from_millis(1_500),
    );
    // ...six more handed to the client, and the broker is killed before they reach it:
    // they are in flight (sent, unacknowledged) when it dies.
    for (i, p) in payloads[..10].iter().enumerate().skip(4) {
        let (mut c, client) = rig.conn(&mut publ);
        let msg = Publication::new("p/x", p.as_bytes()).qos(qos(i));
        let _ = client.publish(&mut c, &msg, now()).unwrap();
    }
    let in_flight = publ.client.in_flight();
    rig.broker.restart().unwrap();
    rig.run(
        &mut [&mut sub, &mut publ],
        T,
        "both see the broker go",
        |p| p.iter().all(|p| !p.client.is_connected()),
    )
    .unwrap();

    // While the broker is unreachable for the client: four more, in the offline queue.
    for p in &payloads[10..] {
        let msg = Publication::new("p/x", p.as_bytes()).qos(QoS::AtLeastOnce);
        publ.client.queue_publish(&msg).unwrap();
    }

    // Reconnect both, with the backoff helper deciding when.
    let mut backoff = Backoff::new(
        rawnet_tcp::Duration::from_ticks(50),
        rawnet_tcp::Duration::from_ticks(2_000),
    );
    backoff.failed(now(), 0x9e37_79b9);
    rig.run(&mut [], T, "backoff", |_| backoff.due(now()))
        .unwrap();
    rig.connect(&mut sub).unwrap();
    rig.connect(&mut publ).unwrap();
    backoff.succeeded();

    let want: BTreeSet<&[u8]> = payloads.iter().map(|p| p.as_bytes()).collect();
    rig.run(&mut [&mut sub, &mut publ], T, "every message", |p| {
        let got: BTreeSet<&[u8]> = p[0]
            .client
            .handler()
            .messages
            .iter()
            .map(|m| m.payload.as_slice())
            .collect();
        got == want && p[1].client.handler().published.len() == payloads.len()
    })
    .unwrap_or_else(|e| {
        panic!(
            "{e}: in flight at the kill {in_flight}; received {:?}; published {:?}; publisher connects {:?}",
            sub.client.handler().messages.iter().map(|m| String::from_utf8_lossy(&m.payload).into_owned()).collect::<Vec<_>>(),
            publ.client.handler().published,
            publ.client.handler().connects,
        )
    });
    let h = publ.client.handler();
    assert!(
        h.published.iter().all(|(_, r)| r.is_ok()),
        "{:?}",
        h.published
    );
    assert_eq!(publ.client.in_flight(), 0);
    // The broker saved both sessions before it died: the in-flight messages went again
    // with DUP on the resumed session, not as new ones.
    assert_eq!(h.connects, [false, true]);
    assert_eq!(publ.client.store_used(), 0);
    eprintln!(
        "in flight at the kill: {in_flight}; session present after restart: publisher {:?}, subscriber {:?}",
        h.connects,
        sub.client.handler().connects
    );
}
