//! The rawnet-mqtt client over the ecosystem's byte streams (`rawnet_mqtt::io`), against a
//! real Mosquitto:
//!
//! - async: `io::Driver` → rawnet-tls's `TlsStream` (verified TLS 1.3) → a loopback tokio
//!   `TcpStream` (embedded-io-adapters' `FromTokio`) → Mosquitto's TLS listener, with the
//!   keep-alive kept up by PINGREQs while every wait is cancelled at the client's
//!   `poll_at()` by a tokio timer;
//! - blocking: `io::BlockingDriver` → a std `TcpStream` with a read timeout (`FromStd`) →
//!   Mosquitto's plain listener, QoS 2 both ways, and a CONNACK refusal named by its reason.

use std::time::Duration as StdDuration;

use embedded_io_adapters::std::FromStd;
use embedded_io_adapters::tokio_1::FromTokio;
use rand_core::OsRng;
use rawnet_mqtt::client::{Buffers, Client, Disconnected, Options, Publication};
use rawnet_mqtt::io::{BlockingDriver, Driver, Error, StdClock};
use rawnet_mqtt::wire::{QoS, ReasonCode, Subscription, SubscriptionOptions, Version};
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::host::buffer;
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::mqtt::App;
use rawnet_tests::tls::unix_now;
use rawnet_tls::io::{IoError, TlsStream};
use rawnet_tls::{CertError, ClientConfig, NoSigner, Verification};

/// A client with a 1 KiB ring, receive buffer and store.
fn client(options: Options<'static>) -> Client<'static, App> {
    let buffers = Buffers {
        output: buffer(1024),
        receive: buffer(1024),
        store: buffer(1024),
    };
    Client::new(App::default(), options, buffers)
}

fn subscription(filter: &str, qos: QoS) -> [Subscription<'_>; 1] {
    [Subscription {
        filter,
        options: SubscriptionOptions::qos(qos),
    }]
}

/// `n` bytes of text.
fn payload(n: usize) -> Vec<u8> {
    (0..n).map(|i| b'a' + (i % 26) as u8).collect()
}

/// The broker's log once it contains `line` (it may come a moment after the client is done).
fn log_with(broker: &Mosquitto, line: &str) -> String {
    let until = std::time::Instant::now() + StdDuration::from_secs(5);
    loop {
        let log = broker.log();
        if log.contains(line) {
            return log;
        }
        assert!(std::time::Instant::now() < until, "no {line:?} in:\n{log}");
        std::thread::sleep(StdDuration::from_millis(20));
    }
}

/// rawnet-tls over a tokio socket.
type Tls<'s, 'b> = TlsStream<'s, 'b, FromTokio<tokio::net::TcpStream>, StdClock>;

/// Runs `f` with the client's driver over rawnet-tls over a tokio socket to `broker`'s TLS
/// listener, expecting `server_name`, and the instant the driver's clock counts from; 30 s
/// at most.
fn over_tls<R>(
    pki: &Pki,
    broker: &Mosquitto,
    server_name: &str,
    client: &mut Client<'static, App>,
    f: impl AsyncFnOnce(&mut Driver<'_, 'static, App, Tls<'_, '_>, StdClock>, tokio::time::Instant) -> R,
) -> R {
    let anchors: [&[u8]; 1] = [&pki.ca_der];
    let config = ClientConfig::new(server_name, Verification::new(&anchors).unwrap()).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .unwrap();
    rt.block_on(async {
        let tcp = tokio::net::TcpStream::connect(broker.tls.unwrap())
            .await
            .unwrap();
        tcp.set_nodelay(true).unwrap();
        rawnet_tls::test_session!(let session = &config, unix_now(), OsRng, NoSigner, write: 1024);
        let tls = TlsStream::new(session, FromTokio::new(tcp), StdClock::new());
        let (mut rx, mut tx) = ([0u8; 256], [0u8; 256]);
        let (clock, epoch) = (StdClock::new(), tokio::time::Instant::now());
        let mut mqtt = Driver::new(client, tls, clock, &mut rx, &mut tx);
        tokio::time::timeout(StdDuration::from_secs(30), f(&mut mqtt, epoch))
            .await
            .unwrap_or_else(|_| panic!("not done within 30 s; broker log:\n{}", broker.log()))
    })
}

#[test]
fn the_client_runs_over_rawnet_tls_and_tokio_with_its_keep_alive() {
    let pki = Pki::generate(&[BROKER_NAME]).unwrap();
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })
    .unwrap();
    let topic = "rawnet/io/tls";
    let message = payload(900);
    let mut options = Options::new("rawnet-io-tls");
    options.keep_alive = 1;
    let mut client = client(options);
    over_tls(
        &pki,
        &broker,
        BROKER_NAME,
        &mut client,
        async |mqtt, epoch| {
            mqtt.connect().await.unwrap();
            let subs = subscription(topic, QoS::AtLeastOnce);
            mqtt.command(|c, conn, now| c.subscribe(conn, &subs, now))
                .unwrap();
            mqtt.run_until(|c| !c.handler().subscribed.is_empty())
                .await
                .unwrap();
            let msg = Publication::new(topic, &message).qos(QoS::AtLeastOnce);
            let done = mqtt.command(|c, conn, now| c.publish(conn, &msg, now));
            assert_eq!(done.unwrap().written, message.len());
            mqtt.run_until(|c| c.handler().messages.len() == 1 && c.in_flight() == 0)
                .await
                .unwrap();

            // 3.5 s of silence from the application (keep-alive 1 s: Mosquitto drops a client
            // silent for 1.5 s). Each step waits for the broker at most until the client's
            // timers are due; the timer cancels it there, and the next step sends PINGREQ.
            let quiet = tokio::time::Instant::now() + StdDuration::from_millis(3_500);
            while tokio::time::Instant::now() < quiet {
                let due = mqtt.poll_at().expect("connected: timers run");
                let due = epoch + StdDuration::from_millis(due.as_ticks());
                if let Ok(step) = tokio::time::timeout_at(due.min(quiet), mqtt.poll()).await {
                    step.unwrap();
                } // else cancelled while waiting for the broker: nothing lost
            }
            assert!(mqtt.is_connected());
            mqtt.disconnect().await.unwrap();
            assert_eq!(
                mqtt.client().last_disconnect(),
                Some(Disconnected::Requested)
            );
        },
    );
    let app = client.handler();
    assert_eq!(app.messages.len(), 1);
    assert_eq!(app.messages[0].payload, message);
    assert_eq!(app.published, [(Some(2), Ok(ReasonCode::Success))]);
    let log = log_with(&broker, "Received DISCONNECT from rawnet-io-tls");
    assert!(log.contains("as rawnet-io-tls"), "{log}");
    assert!(
        log.matches("Received PINGREQ from rawnet-io-tls").count() >= 2,
        "{log}"
    );
}

#[test]
fn a_broker_with_another_name_fails_connect_with_the_certificate_reason() {
    let pki = Pki::generate(&[BROKER_NAME]).unwrap();
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })
    .unwrap();
    let mut client = client(Options::new("rawnet-io-impostor"));
    let err = over_tls(
        &pki,
        &broker,
        "impostor.rawnet.test",
        &mut client,
        async |mqtt, _| mqtt.connect().await.unwrap_err(),
    );
    match err {
        Error::Io(IoError(rawnet_tls::Error::Certificate(CertError::NameMismatch))) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(client.last_disconnect(), Some(Disconnected::Transport));
    assert!(!broker.log().contains("as rawnet-io-impostor"));
}

/// Steps `mqtt` until `done`; the socket's read timeout is a retry, anything else fails.
fn run_until<T>(
    mqtt: &mut BlockingDriver<'_, 'static, App, FromStd<T>, StdClock>,
    what: &str,
    done: impl Fn(&Client<'static, App>) -> bool,
) where
    T: std::io::Read + std::io::Write,
{
    let until = std::time::Instant::now() + StdDuration::from_secs(10);
    while !done(mqtt.client()) {
        match mqtt.poll() {
            Ok(()) => {}
            Err(Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) => panic!("{what}: {e}"),
        }
        assert!(std::time::Instant::now() < until, "{what}: not within 10 s");
    }
}

fn std_socket(broker: &Mosquitto) -> FromStd<std::net::TcpStream> {
    let tcp = std::net::TcpStream::connect(broker.plain).unwrap();
    tcp.set_read_timeout(Some(StdDuration::from_millis(100)))
        .unwrap();
    FromStd::new(tcp)
}

#[test]
fn the_client_runs_over_a_blocking_std_stream_at_qos_2() {
    let broker = Mosquitto::start(Config::default()).unwrap();
    let topic = "rawnet/io/std";
    let mut options = Options::new("rawnet-io-std");
    options.version = Version::V311;
    let mut client = client(options);
    let (mut rx, mut tx) = ([0u8; 64], [0u8; 64]);
    let mut mqtt = BlockingDriver::new(
        &mut client,
        std_socket(&broker),
        StdClock::new(),
        &mut rx,
        &mut tx,
    );
    mqtt.connect().unwrap();
    let subs = subscription(topic, QoS::ExactlyOnce);
    mqtt.command(|c, conn, now| c.subscribe(conn, &subs, now))
        .unwrap();
    run_until(&mut mqtt, "SUBACK", |c| !c.handler().subscribed.is_empty());
    let message = payload(700);
    let msg = Publication::new(topic, &message).qos(QoS::ExactlyOnce);
    let _ = mqtt
        .command(|c, conn, now| c.publish(conn, &msg, now))
        .unwrap();
    run_until(&mut mqtt, "PUBCOMP and the message back", |c| {
        c.in_flight() == 0 && c.handler().messages.len() == 1 && c.incoming_qos2() == 0
    });
    mqtt.disconnect().unwrap();
    assert!(matches!(
        mqtt.poll(),
        Err(Error::Disconnected(Disconnected::Requested))
    ));
    drop(mqtt);
    let app = client.handler();
    assert_eq!(app.messages[0].payload, message);
    assert_eq!(app.messages[0].qos, 2);
    assert_eq!(app.subscribed[0].1, Ok(vec![ReasonCode::GrantedQos2]));
    let log = log_with(&broker, "Received DISCONNECT from rawnet-io-std");
    for packet in ["PUBREC", "PUBCOMP"] {
        assert!(
            log.contains(&format!("Received {packet} from rawnet-io-std")),
            "{log}"
        );
    }
}

#[test]
fn a_refused_connect_is_named_by_its_reason() {
    // Anonymous clients refused: CONNACK "not authorized".
    let broker = Mosquitto::start(Config {
        extra: vec!["allow_anonymous false".into()],
        ..Config::default()
    })
    .unwrap();
    let (mut rx, mut tx) = ([0u8; 64], [0u8; 64]);
    for version in [Version::V311, Version::V5] {
        let mut options = Options::new("rawnet-io-refused");
        options.version = version;
        let mut client = client(options);
        let mut mqtt = BlockingDriver::new(
            &mut client,
            std_socket(&broker),
            StdClock::new(),
            &mut rx,
            &mut tx,
        );
        let err = mqtt.connect().unwrap_err();
        assert!(
            matches!(
                err,
                Error::Disconnected(Disconnected::Refused(ReasonCode::NotAuthorized))
            ),
            "{version:?}: {err}"
        );
        assert_eq!(
            embedded_io::Error::kind(&err),
            embedded_io::ErrorKind::ConnectionRefused
        );
    }

    // Refused before anything is sent: 3.1.1 needs a clean session for an empty client id.
    let mut options = Options::new("");
    options.version = Version::V311;
    options.clean_start = false;
    let mut client = client(options);
    let mut mqtt = BlockingDriver::new(
        &mut client,
        std_socket(&broker),
        StdClock::new(),
        &mut rx,
        &mut tx,
    );
    let err = mqtt.connect().unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot send CONNECT: cannot encode: empty client identifier without clean session"
    );
    assert!(
        matches!(err, Error::Disconnected(Disconnected::Local(_))),
        "{err:?}"
    );
}
