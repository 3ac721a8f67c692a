//! `cargo xtask demo`: secure MQTT from the rawnet stack to a local Mosquitto.
//!
//! A throwaway PKI is generated (rcgen: a CA, a certificate for `broker.rawnet.test`), and a
//! local Mosquitto broker is started with a plain listener and a TLS 1.3 listener on free
//! loopback ports. A rawnet stack — the restricted libslirp driver (`rawnet-eth`), smoltcp
//! with DHCP (`rawnet-tcp`), TLS 1.3 with rawnet's own certificate verifier (`rawnet-tls`)
//! and the MQTT 5.0 codec (`rawnet-mqtt`) — gets a lease, opens TCP to the broker through the
//! driver's only forward (guest 10.0.2.100:8883 → 127.0.0.1:TLS port), completes the TLS
//! handshake asking for 1 KiB records (max_fragment_length), verifies the broker's
//! certificate against the CA, connects, subscribes, publishes a QoS 1 message, receives it
//! back, and disconnects. `mosquitto_sub` on the plain listener is an independent witness.
//! Finally a client that expects another server name shows the rejection it reports.
//! Everything stays on this machine; nothing needs root.
//!
//! The helpers live in `tests/src/` (`certs` for the PKI, `tls` for the stack, the tap that
//! counts records and the wire-codec MQTT exchange), shared with `tests/tests/tls_mosquitto.rs`.

use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::tls::{run, Options, TlsError, WireMqtt, BROKER_IP, BROKER_PORT};
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
        "rawnet stack: slirp -> DHCP -> TCP {BROKER_IP}:{BROKER_PORT} -> TLS as {BROKER_NAME:?}"
    );
    let opts = Options {
        mfl: Some(MaxFragmentLength::Bits10),
        ..Options::default()
    };
    let mut app: WireMqtt<TlsError> = WireMqtt::new("rawnet-demo", TOPIC, MESSAGE, 1024);
    app.verbose = true;
    app.banner = format!(
        "TLS 1.3 handshake complete (TLS_AES_128_GCM_SHA256, secp256r1)\n\
         server certificate verified: chain to the test CA, validity, name {BROKER_NAME}, \
         CertificateVerify signature\nMQTT 5.0 over TLS:"
    );
    let report = run(&pki, tls_port, &opts, app)?;
    if let Some(e) = report.app.error {
        return Err(format!("TLS connection failed: {e}\n{}", broker.log()));
    }
    if let Some(f) = report.app.failure {
        return Err(f);
    }
    let from = &report.stats.from_broker;
    println!(
        "TLS: TCP + TLS handshake took {} ms; {} records from the broker, largest {} B \
         (max_fragment_length 1024 honoured); buffers: read {} B, write {} B",
        report.handshake.unwrap_or_default().as_millis(),
        from.count,
        from.max_len + 5,
        report.read_buf,
        report.write_buf,
    );

    let out = witness.wait_with_output().map_err(|e| e.to_string())?;
    let seen = String::from_utf8_lossy(&out.stdout);
    println!("mosquitto_sub (plain listener) received: {}", seen.trim());
    if seen.trim().as_bytes() != MESSAGE {
        return Err("mosquitto_sub did not receive the message".into());
    }

    // The same broker, a client that expects another name: refused before any MQTT byte.
    let wrong = Options {
        server_name: "other.rawnet.test".into(),
        ..opts
    };
    let report = run(&pki, tls_port, &wrong, WireMqtt::new("x", TOPIC, b"", 1024))?;
    match report.app.error {
        Some(e) => println!("a client expecting \"other.rawnet.test\" refuses the broker: {e}"),
        None => return Err("a client expecting another name accepted the broker".into()),
    }
    println!("demo: OK");
    Ok(())
}
