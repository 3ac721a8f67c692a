//! rawnet-tls with an external pre-shared key (feature `psk`) against a real Mosquitto PSK
//! listener (`psk_hint` + `psk_file`, TLS 1.3, no certificate at all): an MQTT 5.0 exchange
//! (the `wire`-codec client of `rawnet_tests::tls`) over rawnet-tcp's `HostTcp` (the host's
//! TCP) on 127.0.0.1. Mosquitto is stopped at the end of each test.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use rand_core::OsRng;
use rawnet_altcp::{Clock, StdClock};
use rawnet_tcp::host::HostTcp;
use rawnet_tcp::{TcpError, TcpTimers};
use rawnet_tests::mosquitto::{free_port, Config, Mosquitto};
use rawnet_tests::tls::{Step, WireMqtt};
use rawnet_tls::{ClientConfig, Error, NoSigner, Time, Tls, Verification};

const KEY_HEX: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f000112233445566778899aabbccddeeff";

fn key() -> Vec<u8> {
    assert_eq!(KEY_HEX.len(), 64);
    (0..KEY_HEX.len() / 2)
        .map(|i| u8::from_str_radix(&KEY_HEX[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// A broker with a PSK-only TLS 1.3 listener knowing `identity` (key [`KEY_HEX`]); returns it
/// with the listener's port. The psk_file lives in its own world-readable directory (a broker
/// started as root reads it as the `mosquitto` user).
fn broker(identity: &str) -> (Mosquitto, u16, std::path::PathBuf) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("rawnet-psk-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = dir.join("psk.txt");
    std::fs::write(&file, format!("{identity}:{KEY_HEX}\n")).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let port = free_port().unwrap();
    let broker = Mosquitto::start(Config {
        extra: vec![
            format!("psk_file {}", file.display()),
            format!("listener {port} 127.0.0.1"),
            "psk_hint rawnet".into(),
            "tls_version tlsv1.3".into(),
        ],
        ..Config::default()
    })
    .unwrap();
    (broker, port, dir)
}

/// Connect with `identity` and the key, run the MQTT exchange until it ends or 10 s pass.
fn exchange(port: u16, identity: &[u8], key: &[u8]) -> WireMqtt<Error<TcpError>> {
    let config = ClientConfig::new("localhost", Verification::psk(identity, key).unwrap()).unwrap();
    rawnet_tls::test_session!(let session = &config, Time::NoEarlierThan(0), OsRng, NoSigner);
    let app = WireMqtt::new("rawnet-psk", "rawnet/psk", b"hello over a PSK", 4096);
    let mut tls = Tls::new(session, app);
    let addr = ([127, 0, 0, 1], port).into();
    let mut tcp = HostTcp::connect(addr, TcpTimers::default())
        .unwrap()
        .with_send_buffer(8192)
        .with_recv_chunk(4096);
    let mut clock = StdClock::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline && !tls.inner().finished() {
        tcp.drive(&mut tls, clock.now());
        if !tcp.is_active() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    // Let DISCONNECT and close_notify leave.
    for _ in 0..50 {
        tcp.drive(&mut tls, clock.now());
        if !tcp.is_active() {
            break;
        }
    }
    std::mem::replace(tls.inner_mut(), WireMqtt::new("", "", b"", 0))
}

#[test]
fn psk_round_trip_with_mosquitto() {
    let (broker, port, dir) = broker("device-1");
    let app = exchange(port, b"device-1", &key());
    assert_eq!(app.error, None, "broker log:\n{}", broker.log());
    assert_eq!(app.failure, None);
    assert_eq!(app.step, Step::Done);
    assert!(app.puback);
    assert_eq!(app.echoed.as_deref(), Some(&b"hello over a PSK"[..]));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn psk_refused_by_mosquitto() {
    let (broker, port, dir) = broker("device-1");
    let mut wrong = key();
    wrong[0] ^= 1;
    // Wrong key: OpenSSL in Mosquitto rejects our binder with illegal_parameter.
    let app = exchange(port, b"device-1", &wrong);
    assert_eq!(app.error, Some(Error::AlertReceived(47)));
    assert_eq!(app.step, Step::Idle, "no MQTT byte was sent");
    // Unknown identity: OpenSSL goes on without a PSK and has no certificate.
    let app = exchange(port, b"device-2", &key());
    assert_eq!(app.error, Some(Error::AlertReceived(40)));
    assert_eq!(app.step, Step::Idle);
    assert!(
        broker.log().contains("binder does not verify"),
        "broker log:\n{}",
        broker.log()
    );
    let _ = std::fs::remove_dir_all(dir);
}
