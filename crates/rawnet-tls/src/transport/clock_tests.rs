//! `Tls` driven by hand: a fake connection below and a fake clock, no server.

use rawnet_altcp::{Callbacks, Connection, Duration, Instant};

use crate::{ClientConfig, Error, NoSigner, Time, Tls, TlsConn, Verification};

/// The connection below: takes everything, remembers it.
#[derive(Default)]
struct Wire {
    written: Vec<u8>,
    closed: bool,
}

impl Connection for Wire {
    type Error = ();
    fn send_space(&self) -> usize {
        4096
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, ()> {
        self.written.extend_from_slice(data);
        Ok(data.len())
    }
    fn output(&mut self) -> Result<(), ()> {
        Ok(())
    }
    fn close(&mut self) -> Result<(), ()> {
        self.closed = true;
        Ok(())
    }
    fn abort(&mut self) {
        self.closed = true;
    }
    fn set_nodelay(&mut self, _: bool) {}
    fn set_keep_alive(&mut self, _: Option<Duration>) {}
    fn is_connected(&self) -> bool {
        !self.closed
    }
}

#[derive(Default)]
struct Above {
    connected: bool,
    errors: Vec<Error<()>>,
}

impl<'c, 'b> Callbacks<TlsConn<'c, 'b, Wire>> for Above {
    fn connected(&mut self, _: &mut TlsConn<'c, 'b, Wire>, _: Instant) {
        self.connected = true;
    }
    fn recv(&mut self, _: &mut TlsConn<'c, 'b, Wire>, data: &[u8], _: Instant) -> usize {
        data.len()
    }
    fn err(&mut self, err: Error<()>, _: Instant) {
        self.errors.push(err);
    }
}

fn rng() -> impl rand_core::CryptoRngCore {
    rand_core::OsRng
}

fn at(ms: u64) -> Instant {
    Instant::from_ticks(ms)
}

/// The server never answers: the ClientHello leaves at `connected`, nothing happens before the
/// deadline, `HandshakeTimeout` arrives exactly once at the first poll at or after it, and the
/// connection below is closed.
#[test]
fn handshake_timeout_fires_at_the_deadline_once() {
    let config = ClientConfig::new(
        "broker.example",
        Verification::dangerous_accept_any_server_insecure(),
    )
    .unwrap()
    .with_handshake_timeout(Duration::from_ticks(2_000));
    crate::test_session!(let session = &config, Time::NoEarlierThan(0), rng(), NoSigner);
    let mut tls = Tls::new(session, Above::default());
    let mut wire = Wire::default();

    tls.connected(&mut wire, at(1_000));
    assert_eq!(
        wire.written.first(),
        Some(&22),
        "a handshake record (ClientHello) left"
    );
    let hello = wire.written.len();
    for t in [1_500, 2_999] {
        tls.poll(&mut wire, at(t));
        assert!(tls.inner().errors.is_empty(), "no timeout at {t} ms");
        assert!(!wire.closed);
    }
    tls.poll(&mut wire, at(3_000));
    assert_eq!(tls.inner().errors, vec![Error::HandshakeTimeout]);
    assert!(wire.closed);
    // Nothing more afterwards: no second error, no bytes.
    tls.poll(&mut wire, at(10_000));
    tls.recv(&mut wire, &[22, 3, 3, 0, 1, 0], at(10_001));
    assert_eq!(tls.inner().errors.len(), 1);
    assert_eq!(wire.written.len(), hello);
    assert!(!tls.inner().connected);
}

/// End of stream before the server said anything is `ClosedDuringHandshake`, not `Truncated`.
#[test]
fn eof_before_the_server_hello_is_closed_during_handshake() {
    let config = ClientConfig::new(
        "broker.example",
        Verification::dangerous_accept_any_server_insecure(),
    )
    .unwrap();
    crate::test_session!(let session = &config, Time::NoEarlierThan(0), rng(), NoSigner);
    let mut tls = Tls::new(session, Above::default());
    let mut wire = Wire::default();
    tls.connected(&mut wire, at(0));
    tls.eof(&mut wire, at(5));
    assert_eq!(tls.inner().errors, vec![Error::ClosedDuringHandshake]);
    // The deadline passing afterwards changes nothing.
    tls.poll(&mut wire, at(60_000));
    assert_eq!(tls.inner().errors.len(), 1);
}
