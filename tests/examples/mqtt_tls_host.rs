//! MQTT over verified TLS 1.3 from a host program, in the fewest lines rawnet allows: the
//! rawnet-mqtt client (`io::BlockingDriver`) over rawnet-tls (`io::BlockingTlsStream`) over a
//! std `TcpStream`. The user code between the markers is the whole setup and a publish: 17 lines, 12
//! rawnet types, 4 caller buffers (`TlsBuffers`, the MQTT client's storage, the driver's rx and
//! tx staging), no lifetime to write.
//!
//! ```text
//! cargo run -p rawnet-tests --example mqtt_tls_host -- 127.0.0.1:8883 ca.der broker.example
//! ```
//! With no arguments it starts its own Mosquitto with a test PKI on loopback and talks to it.

use core::pin::pin;
use embedded_io_adapters::std::FromStd;

use rand_core::OsRng;
use rawnet_mqtt::client::{BufferStorage, Client, Options, Publication};
use rawnet_mqtt::io::BlockingDriver;
use rawnet_tls::io::{BlockingTlsStream, StdClock};
use rawnet_tls::{
    read_buffer_len, session, ClientConfig, NoSigner, Time, TlsBuffers, Verification,
};
use std::net::TcpStream;
use std::time::{SystemTime, UNIX_EPOCH};

type Error = Box<dyn std::error::Error>;

fn publish(addr: &str, ca_der: &[u8], name: &str) -> Result<(), Error> {
    // --- the whole setup: verified TLS 1.3, then MQTT ---
    let anchors = [ca_der];
    let config = ClientConfig::new(name, Verification::new(&anchors)?)?;
    let mut tls_buffers = TlsBuffers::<{ read_buffer_len(None) }, 1024>::new();
    let (shared, read, write) = tls_buffers.split();
    let now = Time::Now(SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs());
    let session = session(&shared, &config, now, read, write, OsRng, NoSigner)?;
    let tls = pin!(session);
    let tcp = FromStd::new(TcpStream::connect(addr)?);
    let tls = BlockingTlsStream::new(tls, tcp, StdClock::new());
    let mut storage = BufferStorage::<1024, 1024, 2048>::new();
    let mut client: Client<'_, ()> = Client::new((), Options::new("host"), storage.buffers());
    let (mut rx, mut tx) = ([0u8; 1024], [0u8; 256]);
    let mut mqtt = BlockingDriver::new(&mut client, tls, StdClock::new(), &mut rx, &mut tx);
    mqtt.connect()?;
    let msg = Publication::new("rawnet/host", b"hello");
    mqtt.command(|c, conn, now| c.publish(conn, &msg, now).map(drop))?;
    mqtt.disconnect()?;
    // --- end of the setup ---
    println!("published `hello` on rawnet/host to {addr} over TLS 1.3, {name} verified");
    Ok(())
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [addr, ca, name] = args.as_slice() {
        return publish(addr, &std::fs::read(ca)?, name);
    }
    use rawnet_tests::certs::{Pki, BROKER_NAME};
    use rawnet_tests::mosquitto::{Config, Mosquitto};
    let pki = Pki::generate(&[BROKER_NAME])?;
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })?;
    publish(
        &broker.tls.ok_or("no TLS listener")?.to_string(),
        &pki.ca_der,
        BROKER_NAME,
    )
}
