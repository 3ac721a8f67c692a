//! minimq over rawnet-tls's `embedded-io-async` adapter, to a local Mosquitto over TLS 1.3.
//!
//! `cargo run -p rawnet-tests --example minimq_tls`
//!
//! What a user of another network stack (here: a tokio socket on loopback; on a board:
//! embassy-net's `TcpSocket`) writes to get verified TLS 1.3 under an `embedded-io-async` MQTT
//! client: build a rawnet-tls session on caller-owned buffers, wrap the connected socket in
//! `rawnet_tls::io::TlsStream`, hand that to minimq. A throwaway PKI and a Mosquitto with a
//! TLS listener are started first; `mosquitto_sub` on the plain listener is the witness.
//! Everything stays on 127.0.0.1.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::SystemTime;

use embedded_io_adapters::tokio_1::FromTokio;
use minimq::{Buffers, ConfigBuilder, Publication, QoS, Session};
use rand_core::OsRng;
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tls::io::{StdClock, TlsStream};
use rawnet_tls::{
    read_buffer_len, session, ClientConfig, MaxFragmentLength, NoSigner, Time, TlsBuffers,
    Verification,
};

const TOPIC: &str = "rawnet/minimq";
/// Records of at most 4 KiB from the broker: the read buffer is sized from it.
const MFL: MaxFragmentLength = MaxFragmentLength::Bits12;
const MESSAGE: &str = "hello from minimq over rawnet-tls";

fn main() {
    if let Err(e) = run() {
        eprintln!("minimq_tls failed: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let pki = Pki::generate(&[BROKER_NAME])?;
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })?;
    let tls_addr = broker.tls.ok_or("no TLS listener")?;
    println!(
        "Mosquitto on {} (plain) and {tls_addr} (TLS 1.3, certificate for {BROKER_NAME})",
        broker.plain
    );

    // The witness: subscribed (its SUBACK printed; stdbuf makes its output line-buffered)
    // before minimq connects.
    let mut witness = Command::new("stdbuf")
        .args([
            "-oL",
            "mosquitto_sub",
            "-d",
            "-C",
            "1",
            "-W",
            "30",
            "-V",
            "mqttv5",
        ])
        .args([
            "-h",
            "127.0.0.1",
            "-p",
            &broker.plain.port().to_string(),
            "-t",
            TOPIC,
        ])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("mosquitto_sub: {e} (apt-get install -y mosquitto-clients)"))?;
    let mut lines = BufReader::new(witness.stdout.take().ok_or("no stdout")?).lines();
    let mut next_line = move |what: &str| -> Result<String, String> {
        match lines.next() {
            Some(Ok(line)) => Ok(line),
            _ => Err(format!("mosquitto_sub ended before {what}")),
        }
    };
    while !next_line("its SUBACK")?.contains("received SUBACK") {}

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async {
        // The connected byte stream of "another stack".
        let tcp = tokio::net::TcpStream::connect(tls_addr)
            .await
            .map_err(|e| e.to_string())?;
        let socket = FromTokio::new(tcp);

        // rawnet-tls: who the server must be, and every buffer, owned here.
        let anchors: [&[u8]; 1] = [&pki.ca_der];
        let verification = Verification::new(&anchors).map_err(|e| format!("{e:?}"))?;
        let config = ClientConfig::new(BROKER_NAME, verification)
            .map_err(|e| format!("{e:?}"))?
            .with_max_fragment_length(MFL);
        let mut buffers = TlsBuffers::<{ read_buffer_len(Some(MFL)) }, 1024>::new();
        let (shared, read, write) = buffers.split();
        let unix = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_err(|e| e.to_string())?
            .as_secs();
        let time = Time::Now(unix);
        let session = session(&shared, &config, time, read, write, OsRng, NoSigner)
            .map_err(|e| e.to_string())?;
        let session = core::pin::pin!(session);
        let mut tls = TlsStream::new(session, socket, StdClock::new());
        tls.open().await.map_err(|e| format!("TLS: {e}"))?;
        println!("TLS 1.3 established, {BROKER_NAME}'s certificate verified against the CA");

        // minimq, unchanged, over the TLS stream.
        let mut rx = [0u8; 1024];
        let mut tx = [0u8; 1024];
        let mut mqtt = Session::new(
            ConfigBuilder::new(Buffers::new(&mut rx, &mut tx))
                .client_id("rawnet-minimq-example")
                .map_err(|e| format!("{e:?}"))?,
        );
        let mut conn = mqtt.connect(tls).await.map_err(|e| format!("{e:?}"))?;
        println!("MQTT 5 session up (minimq 0.13)");
        let op = conn
            .publish(Publication::text(TOPIC, MESSAGE).qos(QoS::AtLeastOnce))
            .await
            .map_err(|e| format!("{e:?}"))?
            .ok_or("QoS 1 publish without an operation handle")?;
        while conn.is_pending(&op) {
            conn.poll().await.map_err(|e| format!("{e:?}"))?;
        }
        println!("published {MESSAGE:?} to {TOPIC} (QoS 1, PUBACK received)");
        conn.disconnect().await.map_err(|e| format!("{e:?}"))?;
        let mut tls = conn.into_inner();
        tls.close().await.map_err(|e| format!("{e}"))?;
        println!("DISCONNECT sent, TLS closed with close_notify");
        Ok::<(), String>(())
    })?;

    while next_line("the message")? != MESSAGE {}
    println!("mosquitto_sub on the plain listener received: {MESSAGE:?}");
    let _ = witness.wait();
    Ok(())
}
