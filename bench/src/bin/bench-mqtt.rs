//! `bench-mqtt <rawnet|minimq|rust-mqtt> <publish|receive> <qos 0|1> <payload bytes> <count>`:
//! an MQTT 5.0 client over rawnet-tls's async adapter (`TlsStream`, TLS 1.3) on a loopback
//! tokio socket to Mosquitto's TLS listener, publishing `count` messages of `payload` bytes
//! (at most 8 unacknowledged) or receiving as many, after a warm-up of the same work. Only
//! the measured part's polls are counted (`measure_async`); the broker and, for `receive`,
//! the publisher (`mosquitto_pub -l` on the plain listener) are other processes.
//!
//! The same TLS, socket and runtime under each client: what differs between the three rows
//! is the MQTT library and its glue. `cargo xtask bench mqtt` runs two counts and takes the
//! difference, so the per-message figure is at steady state (connection and warm-up cancel).
//!
//! `bench-mqtt aes-gcm <payload bytes> <count>`: the floor, AES-128-GCM of the same bytes as
//! one TLS record per message, alone.

// minimq takes its clock from embassy-time: its std driver, linked.
use embassy_time as _;
use rawnet_bench::{measure_async, result, tls_to, Tls};
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tls::io::StdClock;
use std::io::Write as _;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const TOPIC: &str = "bench/mqtt";
/// Unacknowledged QoS 1 messages each client may have.
const WINDOW: usize = 8;
/// Messages of warm-up before the measured ones.
const WARM_UP: usize = 20;

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Publish,
    Receive,
}

struct Work {
    op: Op,
    qos: u8,
    payload: Vec<u8>,
    count: usize,
    plain_port: u16,
}

/// `mosquitto_pub -l` on the plain listener, fed `n` lines of `payload` (the receive side's
/// publisher, another process).
fn publisher(work: &Work, n: usize) -> Child {
    let mut child = Command::new("mosquitto_pub")
        .args(["-h", "127.0.0.1", "-p", &work.plain_port.to_string()])
        .args(["-t", TOPIC, "-q", &work.qos.to_string(), "-l"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("mosquitto_pub (apt-get install -y mosquitto-clients)");
    let mut stdin = child.stdin.take().expect("stdin");
    let line = [&work.payload[..], b"\n"].concat();
    std::thread::spawn(move || {
        for _ in 0..n {
            if stdin.write_all(&line).is_err() {
                break;
            }
        }
    });
    child
}

// ---------------------------------------------------------------------------------------
// rawnet-mqtt (its async driver).

mod rawnet {
    use super::*;
    use rawnet_mqtt::client::{
        BufferStorage, Client, Commands, Error, Handler, Message, Options, Publication,
    };
    use rawnet_mqtt::io::Driver;
    use rawnet_mqtt::wire::{QoS, Subscription, SubscriptionOptions};

    #[derive(Default)]
    pub struct Count {
        pub messages: usize,
        pub bytes: usize,
    }

    impl Handler for Count {
        fn message_start(&mut self, _: &Message<'_>, _: &mut impl Commands) {}
        fn message_data(&mut self, data: &[u8], last: bool, _: &mut impl Commands) {
            self.bytes += data.len();
            if last {
                self.messages += 1;
            }
        }
    }

    type D<'d, 'b, 's, 't> = Driver<'d, 'b, Count, Tls<'s, 't>, StdClock, WINDOW>;

    async fn publish(mqtt: &mut D<'_, '_, '_, '_>, work: &Work, n: usize) {
        let qos = if work.qos == 0 {
            QoS::AtMostOnce
        } else {
            QoS::AtLeastOnce
        };
        let msg = Publication::new(TOPIC, &work.payload).qos(qos);
        for _ in 0..n {
            loop {
                match mqtt.command(|c, conn, now| c.publish(conn, &msg, now)) {
                    Ok(_) => break,
                    // The ring is full: write it out (nothing need come back at QoS 0).
                    Err(Error::OutputFull) => mqtt.flush().await.expect("flush"),
                    // Acknowledgements are needed first.
                    Err(Error::TooManyRequests | Error::StoreFull) => {
                        mqtt.poll().await.expect("poll")
                    }
                    Err(e) => panic!("publish: {e:?}"),
                }
            }
        }
        if work.qos == 0 {
            mqtt.flush().await.expect("flush");
        } else {
            mqtt.run_until(|c| c.in_flight() == 0).await.expect("acks");
        }
    }

    pub async fn run(tls: Tls<'_, '_>, work: &Work) {
        let mut storage = BufferStorage::<8192, 8192, 65536>::new();
        let options = Options::new("bench-rawnet");
        let mut client: Client<'_, Count, WINDOW> =
            Client::new(Count::default(), options, storage.buffers());
        let (mut rx, mut tx) = (vec![0u8; 8192], vec![0u8; 8192]);
        let mut mqtt = Driver::new(&mut client, tls, StdClock::new(), &mut rx, &mut tx);
        mqtt.connect().await.expect("connect");
        match work.op {
            Op::Publish => {
                publish(&mut mqtt, work, WARM_UP).await;
                measure_async(publish(&mut mqtt, work, work.count)).await;
            }
            Op::Receive => {
                let q = if work.qos == 0 {
                    QoS::AtMostOnce
                } else {
                    QoS::AtLeastOnce
                };
                let subs = [Subscription {
                    filter: TOPIC,
                    options: SubscriptionOptions::qos(q),
                }];
                mqtt.command(|c, conn, now| c.subscribe(conn, &subs, now))
                    .expect("subscribe");
                mqtt.run_until(|c| c.in_flight() == 0)
                    .await
                    .expect("suback");
                let mut publisher = publisher(work, WARM_UP + work.count);
                mqtt.run_until(|c| c.handler().messages >= WARM_UP)
                    .await
                    .expect("warm-up");
                let want = WARM_UP + work.count;
                measure_async(mqtt.run_until(|c| c.handler().messages >= want))
                    .await
                    .expect("receive");
                let _ = publisher.wait();
            }
        }
        let got = mqtt.client().handler().messages;
        mqtt.disconnect().await.expect("disconnect");
        if work.op == Op::Receive {
            result("received", got - WARM_UP);
        }
    }
}

// ---------------------------------------------------------------------------------------
// minimq 0.13.

mod minimq_client {
    use super::*;
    use minimq::{
        Buffers, ConfigBuilder, Publication, QoS, Session, SubscriptionOptions, TopicFilter,
    };

    fn qos(work: &Work) -> QoS {
        if work.qos == 0 {
            QoS::AtMostOnce
        } else {
            QoS::AtLeastOnce
        }
    }

    pub async fn run(tls: Tls<'_, '_>, work: &Work) {
        let mut rx = vec![0u8; 8192];
        let mut tx = vec![0u8; 65536];
        let mut session = Session::new(
            ConfigBuilder::new(Buffers::new(&mut rx, &mut tx))
                .client_id("bench-minimq")
                .expect("client id"),
        );
        let mut conn = session.connect(tls).await.expect("connect");
        match work.op {
            Op::Publish => {
                let publish = async |conn: &mut minimq::Connection<'_, '_, Tls<'_, '_>>,
                                     n: usize| {
                    let mut last = None;
                    for _ in 0..n {
                        // minimq keeps to the broker's Receive Maximum (WINDOW).
                        while !conn.can_publish(qos(work)) {
                            conn.poll().await.expect("poll");
                        }
                        let op = conn
                            .publish(Publication::bytes(TOPIC, &work.payload).qos(qos(work)))
                            .await
                            .expect("publish");
                        if let Some(op) = op {
                            last = Some(op);
                        }
                    }
                    while last.as_ref().is_some_and(|op| conn.is_pending(op)) {
                        conn.poll().await.expect("poll");
                    }
                };
                publish(&mut conn, WARM_UP).await;
                measure_async(publish(&mut conn, work.count)).await;
            }
            Op::Receive => {
                let topics = [TopicFilter::new(TOPIC)
                    .options(SubscriptionOptions::default().maximum_qos(qos(work)))];
                let sub = conn.subscribe(&topics, &[]).await.expect("subscribe");
                while conn.is_pending(&sub) {
                    conn.poll().await.expect("poll");
                }
                let mut publisher = publisher(work, WARM_UP + work.count);
                let receive = async |conn: &mut minimq::Connection<'_, '_, Tls<'_, '_>>,
                                     n: usize| {
                    let mut got = 0;
                    while got < n {
                        if let Some(m) = conn.poll().await.expect("poll") {
                            assert_eq!(m.payload().len(), work.payload.len());
                            got += 1;
                        }
                    }
                    got
                };
                receive(&mut conn, WARM_UP).await;
                let got = measure_async(receive(&mut conn, work.count)).await;
                let _ = publisher.wait();
                result("received", got);
            }
        }
        conn.disconnect().await.expect("disconnect");
    }
}

// ---------------------------------------------------------------------------------------
// rust-mqtt 0.6.

mod rust_mqtt_client {
    use super::*;
    use rust_mqtt::buffer::AllocBuffer;
    use rust_mqtt::client::event::Event;
    use rust_mqtt::client::options::{
        ConnectOptions, PublicationOptions, SubscriptionOptions, TopicReference,
    };
    use rust_mqtt::client::{Client, MqttError};
    use rust_mqtt::types::{MqttString, QoS, TopicFilter, TopicName};
    use rust_mqtt::Bytes;

    type C<'a, 'c, 's, 't> =
        Client<'a, 'c, Tls<'s, 't>, AllocBuffer, 1, WINDOW, WINDOW, 0, 0, 0, 0>;

    fn qos(work: &Work) -> QoS {
        if work.qos == 0 {
            QoS::AtMostOnce
        } else {
            QoS::AtLeastOnce
        }
    }

    async fn publish(client: &mut C<'_, '_, '_, '_>, work: &Work, n: usize) {
        let name = TopicName::new(MqttString::from_str(TOPIC).expect("topic")).expect("topic");
        let options = PublicationOptions::new(TopicReference::Name(name)).qos(qos(work));
        let mut unacked = 0usize;
        for _ in 0..n {
            while unacked >= WINDOW {
                if let Event::PublishAcknowledged(_) = client.poll().await.expect("poll") {
                    unacked -= 1;
                }
            }
            match client
                .publish(&options, Bytes::from(&work.payload[..]))
                .await
            {
                Ok(Some(_)) => unacked += 1,
                Ok(None) => {}
                Err(MqttError::SendQuotaExceeded) => {
                    panic!("rust-mqtt: send quota exceeded with {unacked} unacknowledged")
                }
                Err(e) => panic!("rust-mqtt publish: {e:?}"),
            }
        }
        while unacked > 0 {
            if let Event::PublishAcknowledged(_) = client.poll().await.expect("poll") {
                unacked -= 1;
            }
        }
    }

    pub async fn run(tls: Tls<'_, '_>, work: &Work) {
        let mut buffer = AllocBuffer;
        let mut client: C<'_, '_, '_, '_> = Client::new(&mut buffer);
        client
            .connect(
                tls,
                &ConnectOptions::new(),
                Some(MqttString::from_str("bench-rust-mqtt").expect("id")),
            )
            .await
            .expect("connect");
        match work.op {
            Op::Publish => {
                publish(&mut client, work, WARM_UP).await;
                measure_async(publish(&mut client, work, work.count)).await;
            }
            Op::Receive => {
                let filter =
                    TopicFilter::new(MqttString::from_str(TOPIC).expect("topic")).expect("filter");
                client
                    .subscribe(filter, &SubscriptionOptions::new().qos(qos(work)))
                    .await
                    .expect("subscribe");
                loop {
                    if let Event::Suback(_) = client.poll().await.expect("suback") {
                        break;
                    }
                }
                let mut publisher = publisher(work, WARM_UP + work.count);
                async fn receive(client: &mut C<'_, '_, '_, '_>, len: usize, n: usize) -> usize {
                    let mut got = 0;
                    while got < n {
                        if let Event::Publish(p) = client.poll().await.expect("poll") {
                            assert_eq!(p.message.len(), len);
                            got += 1;
                        }
                    }
                    got
                }
                receive(&mut client, work.payload.len(), WARM_UP).await;
                let got = measure_async(receive(&mut client, work.payload.len(), work.count)).await;
                let _ = publisher.wait();
                result("received", got);
            }
        }
        let _ = client
            .disconnect(&rust_mqtt::client::options::DisconnectOptions::new())
            .await;
    }
}

/// The floor of a publish: the AES-128-GCM encryption of one TLS 1.3 record holding the
/// PUBLISH (fixed header, topic, properties and payload, plus the record's content type),
/// `count` times, as the record layer does it (in place, with the record header as AAD).
fn aes_gcm(size: usize, count: usize) {
    use aes_gcm::aead::{AeadInPlace, KeyInit};
    let cipher = aes_gcm::Aes128Gcm::new(&[7u8; 16].into());
    let packet = 2 + 2 + TOPIC.len() + 2 + 1 + size + 1;
    let mut record = vec![0u8; packet];
    let aad = [23u8, 3, 3, 0, 0];
    rawnet_bench::measure(|| {
        for i in 0..count as u64 {
            let mut nonce = [0u8; 12];
            nonce[4..].copy_from_slice(&i.to_be_bytes());
            let tag = cipher
                .encrypt_in_place_detached(&nonce.into(), &aad, &mut record)
                .expect("encrypt");
            std::hint::black_box(tag);
        }
    });
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [c, size, count] = args.as_slice() {
        if c == "aes-gcm" {
            aes_gcm(size.parse().expect("size"), count.parse().expect("count"));
            result("messages", count);
            return;
        }
    }
    let [client, op, qos, size, count] = args.as_slice() else {
        eprintln!(
            "usage: bench-mqtt <rawnet|minimq|rust-mqtt> <publish|receive> <qos 0|1> <payload bytes> <count>"
        );
        std::process::exit(2);
    };
    let op = match op.as_str() {
        "publish" => Op::Publish,
        "receive" => Op::Receive,
        o => panic!("unknown operation {o}"),
    };
    let pki = Pki::generate(&[BROKER_NAME]).expect("PKI");
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        extra: vec![format!("max_inflight_messages {WINDOW}")],
        ..Config::default()
    })
    .expect("mosquitto");
    let work = Work {
        op,
        qos: qos.parse().expect("qos"),
        // Text without a newline: mosquitto_pub -l sends one message per line.
        payload: (0..size.parse::<usize>().expect("size"))
            .map(|i| b'a' + (i % 26) as u8)
            .collect(),
        count: count.parse().expect("count"),
        plain_port: broker.plain.port(),
    };
    tls_to(&pki, broker.tls.expect("TLS listener"), async |tls| {
        let done = tokio::time::timeout(Duration::from_secs(120), async {
            match client.as_str() {
                "rawnet" => rawnet::run(tls, &work).await,
                "minimq" => minimq_client::run(tls, &work).await,
                "rust-mqtt" => rust_mqtt_client::run(tls, &work).await,
                c => panic!("unknown client {c}"),
            }
        })
        .await;
        done.unwrap_or_else(|_| panic!("not done in 120 s; broker log:\n{}", broker.log()));
    });
    result("messages", work.count);
}
