//! `cargo xtask demo --host`: secure MQTT from the rawnet stack, on the host, to a local Mosquitto.
//!
//! A throwaway PKI is generated (rcgen: a CA, a certificate for `broker.rawnet.test`), and a
//! local Mosquitto broker is started with a plain listener and a TLS 1.3 listener on free
//! loopback ports. A rawnet stack — the restricted libslirp driver (`rawnet-eth`), smoltcp
//! with DHCP (`rawnet-tcp`), TLS 1.3 with rawnet's own certificate verifier (`rawnet-tls`)
//! and the MQTT 5.0 client (`rawnet-mqtt`) — gets a lease, opens TCP to the broker through the
//! driver's only forward (guest 10.0.2.100:8883 → 127.0.0.1:TLS port), completes the TLS
//! handshake asking for 1 KiB records (max_fragment_length), verifies the broker's
//! certificate against the CA, connects, subscribes, publishes a QoS 1 message, receives it
//! back, and disconnects. `mosquitto_sub` on the plain listener is an independent witness.
//! Finally a client that expects another server name shows the rejection it reports.
//! Everything stays on this machine; nothing needs root.
//!
//! The helpers live in `tests/src/` (`certs` for the PKI, `secure` for `Tls<Client<App>>` on
//! the host stack, `tls` for the wire-level exchange used to show the name rejection), shared
//! with the tests in `tests/tests/`.

use rawnet_mqtt::client::{Options as ClientOptions, Publication};
use rawnet_mqtt::wire::{QoS, Subscription, SubscriptionOptions, Version};
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::host::now;
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::secure::with_secure_client;
use rawnet_tests::tls::{run, Options, WireMqtt, BROKER_IP, BROKER_PORT};
use rawnet_tls::MaxFragmentLength;
use std::process::{Command, Stdio};
use std::time::Duration;

const TOPIC: &str = "rawnet/demo";
const MESSAGE: &[u8] = b"hello from rawnet over TLS";

fn main() {
    if let Err(e) = demo() {
        eprintln!("demo failed: {e}");
        std::process::exit(1);
    }
}

fn demo() -> Result<(), String> {
    let pki = Pki::generate(&[BROKER_NAME])?;
    println!("Test PKI generated: a CA and a P-256 certificate for {BROKER_NAME}");
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })?;
    let tls_port = broker.tls.ok_or("no TLS listener")?.port();
    println!(
        "Mosquitto listening on {} (plain) and 127.0.0.1:{tls_port} (TLS 1.3)",
        broker.plain
    );

    // An independent witness on the plain listener: waits for one message on the topic.
    let witness = Command::new("mosquitto_sub")
        .args(["-h", "127.0.0.1", "-p", &broker.plain.port().to_string()])
        .args(["-t", TOPIC, "-C", "1", "-W", "30", "-V", "mqttv5"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("mosquitto_sub: {e} (apt-get install -y mosquitto-clients)"))?;
    std::thread::sleep(Duration::from_millis(300));

    println!(
        "rawnet stack: slirp -> DHCP -> TCP {BROKER_IP}:{BROKER_PORT} -> TLS 1.3 as \
         {BROKER_NAME:?} (1 KiB records) -> rawnet-mqtt client (MQTT 5.0)"
    );
    let mut options = ClientOptions::new("rawnet-demo");
    options.version = Version::V5;
    options.keep_alive = 30;
    with_secure_client(&pki, tls_port, BROKER_NAME, options, |s| {
        s.run_until("CONNACK", |a| !a.connects.is_empty())?;
        println!(
            "  TLS handshake complete; broker certificate verified (chain to the test CA, \
             validity, name {BROKER_NAME}, CertificateVerify)"
        );
        println!("  CONNECT -> CONNACK: connected");
        let subs = [Subscription {
            filter: TOPIC,
            options: SubscriptionOptions::qos(QoS::AtLeastOnce),
        }];
        s.command(|c, conn| c.subscribe(conn, &subs, now()))
            .map_err(|e| format!("subscribe: {e:?}"))?;
        s.run_until("SUBACK", |a| !a.subscribed.is_empty())?;
        println!(
            "  SUBSCRIBE {TOPIC} -> SUBACK {:?}",
            s.app().subscribed[0].1
        );
        let msg = Publication::new(TOPIC, MESSAGE).qos(QoS::AtLeastOnce);
        let published = s
            .command(|c, conn| c.publish(conn, &msg, now()))
            .map_err(|e| format!("publish: {e:?}"))?;
        if published.written != MESSAGE.len() {
            return Err("the whole message should fit the output ring".into());
        }
        s.run_until("PUBACK and the message back", |a| {
            !a.published.is_empty() && !a.messages.is_empty()
        })?;
        let app = s.app();
        println!("  PUBLISH (QoS 1) -> PUBACK {:?}", app.published[0].1);
        let m = &app.messages[0];
        println!(
            "  received on {}: {:?} (QoS {})",
            m.topic,
            String::from_utf8_lossy(&m.payload),
            m.qos
        );
        if m.payload != MESSAGE {
            return Err("the message came back different".into());
        }
        s.command(|c, conn| c.disconnect(conn, now()));
        let _ = s.run_until("DISCONNECT", |a| !a.disconnects.is_empty());
        println!("  DISCONNECT, TLS close_notify, TCP FIN");
        Ok(())
    })
    .map_err(|e| format!("{e}\nbroker log:\n{}", broker.log()))?;

    let out = witness.wait_with_output().map_err(|e| e.to_string())?;
    let seen = String::from_utf8_lossy(&out.stdout);
    println!("mosquitto_sub (plain listener) received: {}", seen.trim());
    if seen.trim().as_bytes() != MESSAGE {
        return Err("mosquitto_sub did not receive the message".into());
    }

    // The same broker, a client that expects another name: refused before any MQTT byte.
    let wrong = Options {
        server_name: "other.rawnet.test".into(),
        mfl: Some(MaxFragmentLength::Bits10),
        ..Options::default()
    };
    let report = run(&pki, tls_port, &wrong, WireMqtt::new("x", TOPIC, b"", 1024))?;
    match report.app.error {
        Some(e) => println!("a client expecting \"other.rawnet.test\" refuses the broker: {e}"),
        None => return Err("a client expecting another name accepted the broker".into()),
    }
    println!("demo: OK");
    Ok(())
}
