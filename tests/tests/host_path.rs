//! The rootless host path: the whole rawnet stack — `SlirpDevice` (libslirp, restricted) →
//! smoltcp → rawnet-tcp's callbacks — reaching a real kernel TCP server on 127.0.0.1 through
//! an explicit forward. Nothing here needs root, and nothing leaves the machine.

mod exchange;

use exchange::{Event, Exchange};
use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_tcp::smoltcp::wire::{IpAddress, Ipv4Address};
use rawnet_tcp::TcpError;
use rawnet_tests::host::{buffer, dhcp_stack, now, run_until, wait_for_lease};
use rawnet_tests::pattern;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddrV4, TcpListener};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const FORWARD: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 100);
const GUEST_PORT: u16 = 7000;
const TOTAL: u64 = 1024 * 1024;
const CLIENT_SEED: u64 = 1;
const SERVER_SEED: u64 = 2;

/// A kernel TCP server on 127.0.0.1: accepts one connection, sends `TOTAL` bytes of the
/// server stream while reading the client stream to its end (the client's FIN). Returns the
/// bytes it read and whether they were all correct. It closes only when `release` says so.
///
/// The server closes only after the client has: libslirp's forward API cannot pass a FIN
/// from the host to the stack, so the driver turns a host close into a reset (see
/// docs/hostnet.md), and this test is about the data and the client's orderly close.
fn spawn_server(
    listener: TcpListener,
    release: mpsc::Receiver<()>,
) -> thread::JoinHandle<(u64, bool)> {
    thread::spawn(move || {
        let (stream, peer) = listener.accept().expect("accept");
        assert!(peer.ip().is_loopback(), "only loopback peers: {peer}");
        let mut writer = stream.try_clone().unwrap();
        let send = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut at = 0;
            while at < TOTAL {
                let n = (TOTAL - at).min(buf.len() as u64) as usize;
                pattern::fill(SERVER_SEED, at, &mut buf[..n]);
                writer.write_all(&buf[..n]).expect("server write");
                at += n as u64;
            }
        });
        let mut reader = stream;
        let (mut got, mut ok) = (0u64, true);
        let mut buf = [0u8; 8192];
        loop {
            let n = reader.read(&mut buf).expect("server read");
            if n == 0 {
                break;
            }
            ok &= pattern::check(CLIENT_SEED, got, &buf[..n]).is_ok();
            got += n as u64;
        }
        send.join().unwrap();
        // Hold the connection until the test has checked the client side.
        let _ = release.recv();
        let _ = reader.shutdown(Shutdown::Both);
        (got, ok)
    })
}

#[test]
fn one_mib_both_ways_with_a_loopback_server_through_restricted_slirp() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (release, hold) = mpsc::channel();
    let server = spawn_server(listener, hold);

    let mut slirp = SlirpDevice::new(SlirpConfig::default()).unwrap();
    slirp
        .forward(SocketAddrV4::new(FORWARD, GUEST_PORT), port)
        .unwrap();
    let mut stack = dhcp_stack(slirp, 0x1234);
    wait_for_lease(&mut stack, Duration::from_secs(10)).unwrap();
    let lease = stack.dhcp_lease().unwrap();
    assert_eq!(lease.address.address(), Ipv4Address::new(10, 0, 2, 15));

    let mut conn = stack
        .tcp_socket(buffer(16 * 1024), buffer(16 * 1024))
        .unwrap();
    let addr = IpAddress::Ipv4(FORWARD);
    stack.connect(&mut conn, addr, GUEST_PORT, now()).unwrap();
    let mut app = Exchange::new(CLIENT_SEED, SERVER_SEED, TOTAL);
    run_until(
        &mut stack,
        &mut conn,
        &mut app,
        Duration::from_secs(60),
        "1 MiB both ways",
        |a| (a.received == TOTAL && a.acked == TOTAL) || a.failed().is_some(),
    )
    .unwrap();

    assert_eq!(
        app.failed(),
        None,
        "written {} acked {} received {} of {TOTAL}; last events: {:?}",
        app.written,
        app.acked,
        app.received,
        &app.events[app.events.len().saturating_sub(6)..]
    );
    assert_eq!(app.corrupt_at, None, "received stream corrupt");
    assert_eq!(app.received, TOTAL);
    assert_eq!(app.acked, TOTAL, "sent() must add up to what was written");
    assert_eq!(app.events.first(), Some(&Event::Connected));
    assert!(app.closed, "the client closed after its last byte");
    // The server reads to the client's FIN: the orderly close went through.
    release.send(()).unwrap();
    let (got, ok) = server.join().unwrap();
    assert_eq!(got, TOTAL, "the server read the whole client stream");
    assert!(ok, "the server saw a corrupt client stream");
}

#[test]
fn a_destination_without_a_forward_is_refused() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // A forward exists, but for another address: unrestricted slirp would map 10.0.2.2:port
    // to the host's loopback; restricted slirp must refuse it.
    let mut slirp = SlirpDevice::new(SlirpConfig::default()).unwrap();
    slirp
        .forward(SocketAddrV4::new(FORWARD, GUEST_PORT), port)
        .unwrap();
    let mut stack = dhcp_stack(slirp, 0x4321);
    wait_for_lease(&mut stack, Duration::from_secs(10)).unwrap();

    for (addr, port) in [
        (Ipv4Address::new(10, 0, 2, 2), port),
        (FORWARD, GUEST_PORT + 1),
    ] {
        let mut conn = stack.tcp_socket(buffer(2048), buffer(2048)).unwrap();
        stack
            .connect(&mut conn, IpAddress::Ipv4(addr), port, now())
            .unwrap();
        let mut app = Exchange::new(CLIENT_SEED, SERVER_SEED, 16);
        run_until(
            &mut stack,
            &mut conn,
            &mut app,
            Duration::from_secs(10),
            "refusal",
            |a| a.failed().is_some() || a.events.contains(&Event::Connected),
        )
        .unwrap();
        assert_eq!(
            app.events,
            vec![Event::Err(TcpError::Refused)],
            "{addr}:{port} must be refused"
        );
        stack.release(conn).unwrap();
    }
    listener.set_nonblocking(true).unwrap();
    assert!(
        listener.accept().is_err(),
        "nothing may reach the loopback server without its forward"
    );
}
