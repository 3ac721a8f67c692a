//! An attacker on the path between rawnet-tls and a real server (`openssl s_server`): a TCP
//! proxy that follows the server's record framing and, once told to, slips a plaintext record
//! in at the next record boundary. What the guard exists for, end to end.

use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration as StdDuration;

use super::*;
use crate::scripted::record;

/// A proxy to `server` that injects `record` into the server-to-client stream after `go`.
struct Mitm {
    addr: std::net::SocketAddr,
    go: Arc<AtomicBool>,
    injected: Arc<AtomicBool>,
}

impl Mitm {
    fn start(server: std::net::SocketAddr, inject: Vec<u8>) -> Mitm {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let go = Arc::new(AtomicBool::new(false));
        let injected = Arc::new(AtomicBool::new(false));
        let (go2, injected2) = (go.clone(), injected.clone());
        std::thread::spawn(move || {
            let (client, _) = listener.accept().unwrap();
            let upstream = TcpStream::connect(server).unwrap();
            let (mut c_read, mut u_write) =
                (client.try_clone().unwrap(), upstream.try_clone().unwrap());
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut c_read, &mut u_write);
                let _ = u_write.shutdown(std::net::Shutdown::Write);
            });
            server_to_client(upstream, client, &inject, &go2, &injected2);
        });
        Mitm { addr, go, injected }
    }
}

/// Copy the server's records to the client; at the first record boundary after `go`, write
/// `inject` first.
fn server_to_client(
    mut from: TcpStream,
    mut to: TcpStream,
    inject: &[u8],
    go: &AtomicBool,
    injected: &AtomicBool,
) {
    from.set_read_timeout(Some(StdDuration::from_millis(20)))
        .unwrap();
    let mut pending: Vec<u8> = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        // Forward whole records only, so an injection lands between two of them.
        while pending.len() >= 5 {
            let len = 5 + usize::from(u16::from_be_bytes([pending[3], pending[4]]));
            if pending.len() < len {
                break;
            }
            if to.write_all(&pending[..len]).is_err() {
                return;
            }
            pending.drain(..len);
        }
        let inject_now = pending.is_empty() && go.load(Ordering::SeqCst);
        if inject_now && !injected.swap(true, Ordering::SeqCst) && to.write_all(inject).is_err() {
            return;
        }
        match from.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => pending.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return,
        }
    }
}

/// The client says a line, gets it back reversed from s_server (`-rev`), then the proxy
/// injects `inject`: the client must fail with `expected`, close with a FIN and deliver
/// nothing after the reversed line.
fn injected_after_the_handshake(inject: Vec<u8>, expected: Error<TcpError>) {
    let pki = pki(&["localhost"]);
    let server = Server::start(&pki.chain_pem, &pki.key_pem, &["-tls1_3", "-rev"], &[]);
    let mitm = Mitm::start(server.addr(), inject);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    let go = mitm.go.clone();
    let app = run(
        mitm.addr,
        "localhost",
        verified(&anchors),
        line_app(b"abc\n"),
        Run::default(),
        NoSigner,
        |app: &App| {
            if app.received.ends_with(b"\n") {
                go.store(true, Ordering::SeqCst);
            }
            finished(app)
        },
    );
    assert!(mitm.injected.load(Ordering::SeqCst), "the proxy injected");
    assert_eq!(
        app.received, b"cba\n",
        "nothing after the injection reached the app"
    );
    assert_eq!(app.error, Some(expected));
    assert!(!app.eof, "a forged record is not the server's close");
    assert!(app.tcp_closed, "TCP closed with a FIN");
}

#[test]
fn a_plaintext_certificate_request_injected_on_the_path() {
    injected_after_the_handshake(
        record(22, &[13, 0, 0, 3, 0, 0, 0]),
        Error::Violation(crate::Violation::UnexpectedRecord(22)),
    );
}

#[test]
fn a_plaintext_close_notify_injected_on_the_path() {
    injected_after_the_handshake(
        record(21, &[1, 0]),
        Error::Violation(crate::Violation::UnexpectedRecord(21)),
    );
}
