//! The layering claim, end to end: the rawnet-mqtt client runs over rawnet-tls exactly as it
//! runs over TCP (`Tls<Client<App>>` on a rawnet-tcp connection), against a real Mosquitto
//! TLS 1.3 listener, through the whole host stack (restricted slirp, no root). Commands are
//! issued from the superloop through `Tls::with_connection`, as an lwIP application calls
//! `mqtt_publish` over `altcp_tls`.

use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_mqtt::client::{Buffers, Client, Options, Publication};
use rawnet_mqtt::wire::{QoS, ReasonCode, Subscription, SubscriptionOptions, Version};
use rawnet_tcp::smoltcp::wire::IpAddress;
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::host::{buffer, dhcp_stack, now, wait_for_lease};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::mqtt::App;
use rawnet_tests::tls::{BROKER_IP, BROKER_PORT};
use rawnet_tls::{
    session, ClientConfig, MaxFragmentLength, NoSigner, Shared, Time, Tls, Verification,
};
use std::net::SocketAddrV4;
use std::time::{Duration, Instant as StdInstant, SystemTime};

#[test]
fn rawnet_mqtt_client_over_rawnet_tls_to_mosquitto() {
    let pki = Pki::generate(&[BROKER_NAME]).unwrap();
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })
    .unwrap();

    // TLS: verified against the test CA, 1 KiB records.
    let anchors: [&[u8]; 1] = [&pki.ca_der];
    let config = ClientConfig::new(BROKER_NAME, Verification::new(&anchors).unwrap())
        .unwrap()
        .with_max_fragment_length(MaxFragmentLength::Bits10);
    let mut read_buf = vec![0u8; config.read_buffer_len()];
    let mut write_buf = vec![0u8; rawnet_tls::write_buffer_len(&config)];
    let mut scratch = [0u8; 512];
    let shared = Shared::new(&mut scratch);
    let unix = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let fut = session(
        &shared,
        &config,
        Time::Now(unix),
        &mut read_buf,
        &mut write_buf,
        rand_core::OsRng,
        NoSigner,
    )
    .unwrap();
    let mut fut = core::pin::pin!(fut);

    // MQTT 5.0 client above TLS.
    let mut options = Options::new("rawnet-mqtt-over-tls");
    options.version = Version::V5;
    options.keep_alive = 30;
    let client: Client<'static, App> = Client::new(
        App::default(),
        options,
        Buffers {
            output: buffer(1024),
            receive: buffer(1024),
            store: buffer(2048),
        },
    );
    let mut tls = Tls::new(&shared, fut.as_mut(), client);

    // The host stack: slirp's one forward to the broker's TLS port.
    let mut slirp = SlirpDevice::new(SlirpConfig::default()).unwrap();
    slirp
        .forward(
            SocketAddrV4::new(BROKER_IP, BROKER_PORT),
            broker.tls.unwrap().port(),
        )
        .unwrap();
    let mut stack = dhcp_stack(slirp, 0x7153);
    wait_for_lease(&mut stack, Duration::from_secs(10)).unwrap();
    let mut handle = stack.tcp_socket(buffer(4096), buffer(4096)).unwrap();
    stack
        .connect(&mut handle, IpAddress::Ipv4(BROKER_IP), BROKER_PORT, now())
        .unwrap();

    macro_rules! run_until {
        ($what:expr, $done:expr) => {{
            let until = StdInstant::now() + Duration::from_secs(15);
            loop {
                let t = now();
                let busy = stack.poll(t);
                stack.drive(&mut handle, &mut tls, t);
                let app = tls.inner().handler();
                if $done(app) {
                    break;
                }
                assert!(
                    app.disconnects.is_empty(),
                    "{}: disconnected {:?}\nbroker log:\n{}",
                    $what,
                    app.disconnects,
                    broker.log()
                );
                assert!(StdInstant::now() < until, "{}: timed out", $what);
                if !busy {
                    std::thread::sleep(Duration::from_micros(300));
                }
            }
        }};
    }

    // CONNECT goes out from the client's `connected`, which TLS calls after the handshake.
    run_until!("CONNACK", |a: &App| !a.connects.is_empty());
    assert!(tls.inner().is_connected());

    let topic = "rawnet/tls/client";
    let subs = [Subscription {
        filter: topic,
        options: SubscriptionOptions::qos(QoS::ExactlyOnce),
    }];
    let mut tcp = stack.connection(&mut handle);
    tls.with_connection(&mut tcp, now(), |client, conn| {
        client.subscribe(conn, &subs, now()).unwrap();
    });
    run_until!("SUBACK", |a: &App| !a.subscribed.is_empty());

    for (qos, payload) in [
        (QoS::AtLeastOnce, &b"QoS 1 over TLS"[..]),
        (QoS::ExactlyOnce, &b"QoS 2 over TLS"[..]),
    ] {
        let mut tcp = stack.connection(&mut handle);
        tls.with_connection(&mut tcp, now(), |client, conn| {
            let done = client
                .publish(conn, &Publication::new(topic, payload).qos(qos), now())
                .unwrap();
            assert_eq!(done.written, payload.len());
        });
    }
    run_until!("both messages back and both acknowledged", |a: &App| a
        .messages
        .len()
        == 2
        && a.published.len() == 2);

    let app = tls.inner().handler();
    assert!(
        app.published
            .iter()
            .all(|(id, r)| id.is_some() && *r == Ok(ReasonCode::Success)),
        "{:?}",
        app.published
    );
    let got: Vec<(&[u8], u8)> = app
        .messages
        .iter()
        .map(|m| (m.payload.as_slice(), m.qos))
        .collect();
    assert_eq!(
        got,
        vec![(&b"QoS 1 over TLS"[..], 1), (&b"QoS 2 over TLS"[..], 2)]
    );

    // A clean DISCONNECT, then close_notify and FIN.
    let mut tcp = stack.connection(&mut handle);
    tls.with_connection(&mut tcp, now(), |client, conn| {
        client.disconnect(conn, now())
    });
    run_until!("disconnect", |a: &App| !a.disconnects.is_empty()
        || !tls.is_open());
    assert!(!tls.inner().is_connected());
}
