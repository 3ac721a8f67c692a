//! rawnet-tls against a hostile server and a hostile network (test harness).
//!
//! Every case drives the [`ScriptedServer`] (an authenticated server with a certificate from a
//! test CA, which can also misbehave) through all three transports — [`Tls`] over an
//! in-memory [`Connection`], [`BlockingTlsStream`] and [`TlsStream`] over in-memory lower
//! streams — on a fake clock, and the three must report the same thing: the same error, the
//! same plaintext delivered (never a byte of an injected record), the same end of stream.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::rc::Rc;
use std::sync::OnceLock;
use std::task::{Context, Poll, Waker};

use embedded_io::ErrorKind;
use rawnet_altcp::{Callbacks, Connection, Duration, Instant};

use crate::io::{BlockingTlsStream, TlsStream};
use crate::scripted::{Script, ScriptedServer};
use rand_core::OsRng;

use crate::testkit::NOW;
use crate::{ClientConfig, Error, NoSigner, Time, Tls, TlsConn, Verification};

mod cases;

/// The server name the test certificate carries.
const NAME: &str = "broker.test";

/// A CA and a chain for [`NAME`] with the leaf's key, made once per test binary.
struct Pki {
    ca: Vec<u8>,
    chain: Vec<Vec<u8>>,
    key: p256::ecdsa::SigningKey,
}

fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(|| {
        use p256::pkcs8::DecodePrivateKey;
        let ca = crate::testkit::root("Hostile Test Root");
        let (leaf, key) = crate::testkit::leaf(&[NAME], &ca);
        Pki {
            ca: ca.der().to_vec(),
            chain: vec![leaf],
            key: p256::ecdsa::SigningKey::from_pkcs8_der(&key.serialize_der()).unwrap(),
        }
    })
}

/// A server script that authenticates with the test chain.
fn authenticated() -> Script {
    let pki = pki();
    Script {
        certificate: Some((pki.chain.clone(), pki.key.clone())),
        ..Script::default()
    }
}

/// What the server does once the client's Finished verified, in order.
#[derive(Debug, Clone)]
enum Step {
    /// Application data, sealed.
    Data(&'static [u8]),
    /// A record sealed under the server's application key: inner content type and content.
    Sealed(u8, Vec<u8>),
    /// Bytes as they are: what someone on the path injects.
    Inject(Vec<u8>),
}

/// One case: the server's script and behaviour, the client's configuration.
#[derive(Clone)]
struct Case {
    script: Script,
    after_handshake: Vec<Step>,
    /// The server's bytes reach the client one at a time, this many ms apart.
    drip_ms: Option<u64>,
    /// The server never answers the ClientHello.
    stall: bool,
    max_handshake_len: Option<u32>,
}

impl Case {
    fn new(script: Script) -> Self {
        Case {
            script,
            after_handshake: Vec::new(),
            drip_ms: None,
            stall: false,
            max_handshake_len: None,
        }
    }

    fn then(mut self, steps: Vec<Step>) -> Self {
        self.after_handshake = steps;
        self
    }
}

/// What the layer above saw, and what the server saw.
#[derive(Debug)]
struct Report {
    /// The error (its `Debug`, the lower stream's error reduced to its kind).
    error: Option<String>,
    /// When the error came, ms on the fake clock.
    error_at: u64,
    /// Plaintext delivered.
    received: Vec<u8>,
    /// End of stream after the server's close_notify.
    eof: bool,
    /// Alerts the server received from the client: (level, description).
    alerts: Vec<(u8, u8)>,
    /// The client's application data as the server decrypted it.
    server_got: Vec<u8>,
    /// The callback transport closed TCP with a FIN (not an abort); the adapters always
    /// return the failure and never `Ok(0)`, checked by the drivers.
    clean_close: bool,
}

/// The message the client sends once connected.
const PING: &[u8] = b"ping";

fn config(case: &Case) -> ClientConfig<'static> {
    let anchors: &'static [&'static [u8]] = Box::leak(Box::new([pki().ca.as_slice()]));
    let mut config = ClientConfig::new(NAME, Verification::new(anchors).unwrap()).unwrap();
    if let Some(n) = case.max_handshake_len {
        config = config.with_max_handshake_len(n);
    }
    config
}

/// The server end the drivers share: the scripted server, what it still has to say, a clock.
struct Peer {
    server: ScriptedServer,
    steps: Option<Vec<Step>>,
    to_client: VecDeque<u8>,
    drip_ms: Option<u64>,
    stall: bool,
    now: Rc<Cell<u64>>,
}

impl Peer {
    fn new(case: &Case, now: Rc<Cell<u64>>) -> Self {
        let mut rng = rand_core::OsRng;
        Peer {
            server: ScriptedServer::new(case.script.clone(), &mut rng),
            steps: Some(case.after_handshake.clone()),
            to_client: VecDeque::new(),
            drip_ms: case.drip_ms,
            stall: case.stall,
            now,
        }
    }

    /// Bytes from the client.
    fn hear(&mut self, data: &[u8]) {
        if self.stall {
            return;
        }
        self.server.receive(data);
        if self.server.is_established() {
            for step in self.steps.take().unwrap_or_default() {
                match step {
                    Step::Data(d) => self.server.send(d),
                    Step::Sealed(kind, content) => self.server.send_sealed(kind, &content),
                    Step::Inject(bytes) => self.server.inject(&bytes),
                }
            }
        }
        self.to_client.extend(self.server.take_output());
    }

    /// Up to `max` bytes for the client now, advancing the clock as the server paces them;
    /// empty: nothing now (the clock moves on by a second, a socket's read timeout).
    fn say(&mut self, max: usize) -> Vec<u8> {
        let n = match self.drip_ms {
            Some(ms) if !self.to_client.is_empty() => {
                self.tick(ms);
                1
            }
            _ => max.min(self.to_client.len()),
        };
        if n == 0 {
            self.tick(1000);
        }
        self.to_client.drain(..n).collect()
    }

    fn tick(&self, ms: u64) {
        self.now.set(self.now.get() + ms);
    }

    fn report(self, error: Option<String>, received: Vec<u8>, eof: bool, clean: bool) -> Report {
        Report {
            error,
            error_at: self.now.get(),
            received,
            eof,
            alerts: self.server.client_alerts.clone(),
            server_got: self.server.app_data.clone(),
            clean_close: clean,
        }
    }
}

/// A `Connection` in memory: what the client writes, and how it ended.
#[derive(Default)]
struct Mem {
    out: Vec<u8>,
    fin: bool,
    aborted: bool,
}

impl Connection for Mem {
    type Error = ErrorKind;
    fn send_space(&self) -> usize {
        65_536 - self.out.len()
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, ErrorKind> {
        if self.fin {
            return Err(nb::Error::Other(ErrorKind::NotConnected));
        }
        let n = data.len().min(self.send_space());
        self.out.extend_from_slice(&data[..n]);
        Ok(n)
    }
    fn output(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
    fn close(&mut self) -> Result<(), ErrorKind> {
        self.fin = true;
        Ok(())
    }
    fn abort(&mut self) {
        self.aborted = true;
    }
    fn set_nodelay(&mut self, _: bool) {}
    fn set_keep_alive(&mut self, _: Option<Duration>) {}
    fn is_connected(&self) -> bool {
        !self.fin && !self.aborted
    }
}

/// The layer above the callback transport: says [`PING`] once connected, records the rest.
#[derive(Default)]
struct App {
    received: Vec<u8>,
    eof: bool,
    error: Option<Error<ErrorKind>>,
}

impl<'c, 'b> Callbacks<TlsConn<'c, 'b, Mem>> for App {
    fn connected(&mut self, conn: &mut TlsConn<'c, 'b, Mem>, _: Instant) {
        assert_eq!(conn.write(PING), Ok(PING.len()));
        conn.output().unwrap();
    }
    fn recv(&mut self, _: &mut TlsConn<'c, 'b, Mem>, data: &[u8], _: Instant) -> usize {
        assert!(self.error.is_none() && !self.eof, "data after the end");
        self.received.extend_from_slice(data);
        data.len()
    }
    fn eof(&mut self, _: &mut TlsConn<'c, 'b, Mem>, _: Instant) {
        self.eof = true;
    }
    fn err(&mut self, err: Error<ErrorKind>, _: Instant) {
        assert!(self.error.is_none(), "err twice");
        self.error = Some(err);
    }
}

fn ms(now: &Cell<u64>) -> Instant {
    Instant::from_ticks(now.get())
}

/// The case through [`Tls`] and its callbacks.
fn via_callbacks(case: &Case) -> Report {
    let now = Rc::new(Cell::new(0));
    let mut peer = Peer::new(case, now.clone());
    let config = config(case);
    crate::test_session!(let session = &config, Time::Now(NOW), OsRng, NoSigner, write: 1024);
    let mut tls = Tls::new(session, App::default());
    let mut conn = Mem::default();
    tls.connected(&mut conn, ms(&now));
    for _ in 0..200_000 {
        let app = tls.inner();
        if app.error.is_some() || app.eof || now.get() > 60_000 {
            break;
        }
        let out = std::mem::take(&mut conn.out);
        if !out.is_empty() {
            peer.hear(&out);
            tls.sent(&mut conn, out.len(), ms(&now));
        }
        let data = peer.say(1500);
        if data.is_empty() {
            tls.poll(&mut conn, ms(&now));
        } else {
            let taken = tls.recv(&mut conn, &data, ms(&now));
            assert!(taken == data.len() || tls.inner().error.is_some());
        }
        if peer.to_client.is_empty() && peer.steps.is_none() && conn.out.is_empty() {
            // Everything said; one more poll, then stop.
            tls.poll(&mut conn, ms(&now));
            if tls.inner().error.is_none() && !tls.inner().eof {
                break;
            }
        }
    }
    peer.hear(&std::mem::take(&mut conn.out));
    let app = std::mem::take(tls.inner_mut());
    let clean = conn.fin && !conn.aborted;
    let error = app.error.map(|e| format!("{e:?}"));
    peer.report(error, app.received, app.eof, clean)
}

/// The lower stream of the adapters: the peer, and the clock the adapter reads.
struct Lower {
    peer: Rc<RefCell<Peer>>,
}

impl embedded_io::ErrorType for Lower {
    type Error = ErrorKind;
}

impl embedded_io::Read for Lower {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        let data = self.peer.borrow_mut().say(buf.len());
        if data.is_empty() {
            // What a socket with a read timeout says.
            return Err(ErrorKind::TimedOut);
        }
        buf[..data.len()].copy_from_slice(&data);
        Ok(data.len())
    }
}

impl embedded_io::Write for Lower {
    fn write(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        self.peer.borrow_mut().hear(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}

impl embedded_io_async::Read for Lower {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        embedded_io::Read::read(self, buf)
    }
}

impl embedded_io_async::Write for Lower {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        embedded_io::Write::write(self, buf)
    }
    async fn flush(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}

/// Read until an error other than "nothing now" twice in a row, or the end of stream.
/// `op` is one read of the adapter under test.
fn read_all(
    mut op: impl FnMut(&mut [u8]) -> Result<usize, Error<ErrorKind>>,
) -> (Vec<u8>, bool, Option<String>) {
    let mut received = Vec::new();
    let mut idle = 0;
    let mut buf = [0u8; 256];
    for _ in 0..10_000 {
        match op(&mut buf) {
            Ok(0) => {
                // The end stays the end.
                assert_eq!(op(&mut buf).map_err(|e| format!("{e:?}")), Ok(0));
                return (received, true, None);
            }
            Ok(n) => {
                received.extend_from_slice(&buf[..n]);
                idle = 0;
            }
            Err(Error::Tcp(ErrorKind::TimedOut)) if idle < 2 => idle += 1,
            Err(Error::Tcp(ErrorKind::TimedOut)) => return (received, false, None),
            Err(e) => {
                // A failure is for good: the next call says the same, never Ok(0).
                assert_eq!(
                    op(&mut buf).map_err(|e| format!("{e:?}")),
                    Err(format!("{e:?}"))
                );
                return (received, false, Some(format!("{e:?}")));
            }
        }
    }
    panic!("the adapter never settled");
}

/// Open (retrying after the lower stream's read timeouts, as a caller would), say [`PING`].
fn open_and_ping(
    mut open: impl FnMut() -> Result<(), Error<ErrorKind>>,
    mut ping: impl FnMut() -> Result<(), Error<ErrorKind>>,
) -> Option<String> {
    for _ in 0..1000 {
        match open() {
            Ok(()) => return ping().err().map(|e| format!("{e:?}")),
            Err(Error::Tcp(ErrorKind::TimedOut)) => continue,
            Err(e) => return Some(format!("{e:?}")),
        }
    }
    panic!("open never settled");
}

/// The case through [`BlockingTlsStream`].
fn via_blocking(case: &Case) -> Report {
    use embedded_io::{Read, Write};
    let now = Rc::new(Cell::new(0));
    let peer = Rc::new(RefCell::new(Peer::new(case, now.clone())));
    let config = config(case);
    crate::test_session!(let session = &config, Time::Now(NOW), OsRng, NoSigner, write: 1024);
    let clock = {
        let now = now.clone();
        move || ms(&now)
    };
    let lower = Lower { peer: peer.clone() };
    let tls = RefCell::new(BlockingTlsStream::new(session, lower, clock));
    let mut error = open_and_ping(
        || tls.borrow_mut().open().map_err(|e| e.into_reason()),
        || {
            let mut t = tls.borrow_mut();
            t.write_all(PING).map_err(|e| e.into_reason())?;
            t.flush().map_err(|e| e.into_reason())
        },
    );
    let (mut received, mut eof) = (Vec::new(), false);
    if error.is_none() {
        (received, eof, error) =
            read_all(|buf| tls.borrow_mut().read(buf).map_err(|e| e.into_reason()));
    }
    drop(tls);
    let peer = Rc::into_inner(peer).unwrap().into_inner();
    peer.report(error, received, eof, true)
}

/// Poll `f` to completion with a no-op waker: the lower stream never waits.
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = core::pin::pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    match f.as_mut().poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("the adapter waited on a lower stream that is always ready"),
    }
}

/// The case through [`TlsStream`]. The lower stream is always ready, so `block_on` completes each call in one poll and the
/// `RefCell` borrow held across its awaits cannot meet another.
#[allow(clippy::await_holding_refcell_ref)]
fn via_async(case: &Case) -> Report {
    use embedded_io_async::{Read, Write};
    let now = Rc::new(Cell::new(0));
    let peer = Rc::new(RefCell::new(Peer::new(case, now.clone())));
    let config = config(case);
    crate::test_session!(let session = &config, Time::Now(NOW), OsRng, NoSigner, write: 1024);
    let clock = {
        let now = now.clone();
        move || ms(&now)
    };
    let lower = Lower { peer: peer.clone() };
    let tls = RefCell::new(TlsStream::new(session, lower, clock));
    let mut error = open_and_ping(
        || block_on(tls.borrow_mut().open()).map_err(|e| e.into_reason()),
        || {
            block_on(async {
                let mut t = tls.borrow_mut();
                t.write_all(PING).await.map_err(|e| e.into_reason())?;
                t.flush().await.map_err(|e| e.into_reason())
            })
        },
    );
    let (mut received, mut eof) = (Vec::new(), false);
    if error.is_none() {
        (received, eof, error) =
            read_all(|buf| block_on(tls.borrow_mut().read(buf)).map_err(|e| e.into_reason()));
    }
    drop(tls);
    let peer = Rc::into_inner(peer).unwrap().into_inner();
    peer.report(error, received, eof, true)
}

/// Run `case` through the three transports; they must agree. The callback transport's report.
fn run(case: &Case) -> Report {
    let callbacks = via_callbacks(case);
    if callbacks.error.is_some() {
        assert!(
            callbacks.clean_close,
            "a failure closes TCP with a FIN, no abort"
        );
    }
    for (name, other) in [("blocking", via_blocking(case)), ("async", via_async(case))] {
        assert_eq!(other.error, callbacks.error, "{name} vs callbacks: error");
        assert_eq!(other.received, callbacks.received, "{name}: plaintext");
        assert_eq!(other.eof, callbacks.eof, "{name}: end of stream");
        assert_eq!(
            other.alerts, callbacks.alerts,
            "{name}: alerts the server got"
        );
        if callbacks.error.as_deref() == Some("HandshakeTimeout") {
            assert!(
                other.error_at >= 10_000 && other.error_at <= 11_100,
                "{name}: {other:?}"
            );
        }
    }
    callbacks
}
