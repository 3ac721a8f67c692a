//! `bench-handshake <rawnet|embedded-tls> <count>`: `count` TLS 1.3 client handshakes
//! (ECDHE P-256, AES-128-GCM, a one-certificate chain under a test CA, P-256 ECDSA, the
//! server's name checked) against `openssl s_server` on loopback, each on a new TCP
//! connection. Only the handshakes run inside `measure` (the connections are opened before,
//! the server is another process), so callgrind counts the client's work alone.
//!
//! - `rawnet`: rawnet-tls's `BlockingTlsStream` with its verifier (chain, names, validity,
//!   key usage, basic constraints: docs/tls.md).
//! - `embedded-tls`: embedded-tls 0.19 alone, blocking, with its bundled verifier
//!   (`embedded_tls::pki::CertVerifier`, feature rustpki), the same cipher suite and buffers.

use embedded_io_adapters::std::FromStd;
use rawnet_bench::{measure, result};
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tls::io::{BlockingTlsStream, StdClock};
use rawnet_tls::{
    read_buffer_len, session, ClientConfig, NoSigner, Time, TlsBuffers, Verification,
};
use std::net::TcpStream;
use std::pin::pin;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

/// `openssl s_server` with the PKI's server certificate, for `count` connections.
fn server(pki: &Pki, count: usize) -> (Child, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let l = pki.listener(false);
    #[allow(clippy::zombie_processes)] // main kills and waits for it
    let child = Command::new("openssl")
        .args(["s_server", "-quiet", "-tls1_3", "-accept"])
        .arg(format!("127.0.0.1:{port}"))
        .args(["-naccept", &count.to_string(), "-cert"])
        .arg(&l.certfile)
        .arg("-key")
        .arg(&l.keyfile)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl s_server (apt-get install -y openssl)");
    for _ in 0..500 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            // That probe was one of the server's connections: one more to accept.
            return (child, port);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("openssl s_server did not come up");
}

fn rawnet(ca: &[u8], conns: Vec<TcpStream>) {
    let anchors = [ca];
    let config =
        ClientConfig::new(BROKER_NAME, Verification::new(&anchors).expect("CA")).expect("config");
    let mut buffers = TlsBuffers::<{ read_buffer_len(None) }, 2048>::new();
    measure(|| {
        for tcp in conns {
            let (shared, read, write) = buffers.split();
            let s = session(
                &shared,
                &config,
                Time::Now(unix_now()),
                read,
                write,
                rand_core::OsRng,
                NoSigner,
            )
            .expect("buffers");
            let s = pin!(s);
            let mut tls = BlockingTlsStream::new(s, FromStd::new(tcp), StdClock::new());
            tls.open().expect("rawnet-tls handshake");
        }
    });
}

struct Clock;
impl embedded_tls::TlsClock for Clock {
    fn now() -> Option<u64> {
        Some(unix_now())
    }
}

/// embedded-tls's provider with its own verifier.
struct Provider<'a> {
    verifier: embedded_tls::pki::CertVerifier<'a, embedded_tls::Aes128GcmSha256, Clock, 2048>,
}

impl embedded_tls::CryptoProvider for Provider<'_> {
    type CipherSuite = embedded_tls::Aes128GcmSha256;
    type Signature = &'static [u8];
    fn rng(&mut self) -> impl embedded_tls::CryptoRngCore {
        rand_core::OsRng
    }
    fn verifier(
        &mut self,
    ) -> Result<&mut impl embedded_tls::TlsVerifier<Self::CipherSuite>, embedded_tls::TlsError>
    {
        Ok(&mut self.verifier)
    }
}

fn embedded_tls(ca: &[u8], conns: Vec<TcpStream>) {
    let config = embedded_tls::TlsConfig::new().with_server_name(BROKER_NAME);
    let mut read = vec![0u8; read_buffer_len(None)];
    let mut write = vec![0u8; 2048];
    measure(|| {
        for tcp in conns {
            let mut tls: embedded_tls::blocking::TlsConnection<
                '_,
                _,
                embedded_tls::Aes128GcmSha256,
            > = embedded_tls::blocking::TlsConnection::new(
                FromStd::new(tcp),
                &mut read,
                &mut write,
            );
            let provider = Provider {
                verifier: embedded_tls::pki::CertVerifier::new(embedded_tls::Certificate::X509(ca)),
            };
            tls.open(embedded_tls::TlsContext::new(&config, provider))
                .expect("embedded-tls handshake");
        }
    });
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (which, count) = match args.as_slice() {
        [w, n] => (w.as_str(), n.parse::<usize>().expect("count")),
        _ => {
            eprintln!("usage: bench-handshake <rawnet|embedded-tls> <count>");
            std::process::exit(2);
        }
    };
    let pki = Pki::generate(&[BROKER_NAME]).expect("PKI");
    let (mut child, port) = server(&pki, count + 1);
    let conns: Vec<TcpStream> = (0..count)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).expect("connect"))
        .collect();
    match which {
        "rawnet" => rawnet(&pki.ca_der, conns),
        "embedded-tls" => embedded_tls(&pki.ca_der, conns),
        other => panic!("unknown client {other}"),
    }
    result("handshakes", count);
    let _ = child.kill();
    let _ = child.wait();
}
