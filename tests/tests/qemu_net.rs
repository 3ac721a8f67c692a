//! The emulated board's network (`rawnet_tests::qemu_net`) with a host rawnet stack as the
//! guest: rawnet-tcp's `Stack` on a `UdpDevice`, which speaks QEMU's `-netdev dgram` frame
//! format, against `QemuNet` on loopback. DHCP with a DNS server, the test zone's answers,
//! TCP through the forward to a 127.0.0.1 echo server, and a reconnect after that server is
//! restarted. No root; nothing leaves 127.0.0.1. (`qemu_guest.rs` does the same with the
//! firmware in QEMU.)

mod exchange;

use exchange::{Event, Exchange};
use rawnet_eth::host::{UdpDevice, DEFAULT_UDP_MAC};
use rawnet_eth::SmoltcpDevice;
use rawnet_tcp::smoltcp::wire::{IpAddress, Ipv4Address};
use rawnet_tcp::{DnsError, DnsStorage, Stack, TcpError};
use rawnet_tests::echo::EchoServer;
use rawnet_tests::host::{buffer, dhcp_stack, now, run_until, wait_for_lease};
use rawnet_tests::qemu_net::{DnsAnswer, QemuNet, QemuNetConfig, BROKER_ADDR, BROKER_NAME};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::time::{Duration, Instant};

type HostStack = Stack<'static, SmoltcpDevice<UdpDevice>>;

const ECHO_PORT: u16 = 7;
const NAMESERVER: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 3);
/// Bytes sent (and echoed) on each connection.
const TOTAL: u64 = 64 * 1024;

/// Resolve `name`; also returns how long it took.
fn resolve(stack: &mut HostStack, name: &str) -> (Result<IpAddress, DnsError>, Duration) {
    let t = Instant::now();
    let mut q = stack.dns_query(name).unwrap();
    loop {
        stack.poll(now());
        match stack.dns_result(&mut q) {
            Ok(addr) => return (Ok(addr), t.elapsed()),
            Err(nb::Error::Other(e)) => return (Err(e), t.elapsed()),
            Err(nb::Error::WouldBlock) => {}
        }
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "no DNS outcome for {name}"
        );
        std::thread::sleep(Duration::from_micros(500));
    }
}

/// Connect to `addr:port`, send `TOTAL` bytes, expect them back; the app's last state.
fn echo_once(stack: &mut HostStack, addr: IpAddress, port: u16, seed: u64) -> Exchange {
    let mut conn = stack
        .tcp_socket(buffer(16 * 1024), buffer(16 * 1024))
        .unwrap();
    stack.connect(&mut conn, addr, port, now()).unwrap();
    let mut app = Exchange::new(seed, seed, TOTAL);
    run_until(
        stack,
        &mut conn,
        &mut app,
        Duration::from_secs(30),
        "echo",
        |a| a.received == TOTAL || a.failed().is_some(),
    )
    .unwrap();
    // Let the close and the forward's reset (the echo server closes after our FIN) settle.
    let until = Instant::now() + Duration::from_millis(300);
    while Instant::now() < until {
        stack.poll(now());
        stack.drive(&mut conn, &mut app, now());
        std::thread::sleep(Duration::from_millis(1));
    }
    stack.release(conn).unwrap();
    app
}

fn assert_echoed(app: &Exchange, what: &str) {
    assert_eq!(
        app.events.first(),
        Some(&Event::Connected),
        "{what}: {app:?}"
    );
    assert_eq!(app.received, TOTAL, "{what}: {app:?}");
    assert_eq!(app.corrupt_at, None, "{what}: echo corrupt");
}

#[test]
fn lease_with_dns_zone_answers_and_tcp_through_the_forward_across_a_server_restart() {
    let t0 = Instant::now();
    let mut echo = EchoServer::start(0).unwrap();
    let net = QemuNet::start(QemuNetConfig::default().broker(ECHO_PORT, echo.port())).unwrap();
    let wire = UdpDevice::bind("127.0.0.1:0".parse().unwrap(), net.local_addr()).unwrap();
    let mut stack = dhcp_stack(wire, 0x9e7);

    // DHCP: libslirp's lease, with the DNS server option QemuNet adds and no router.
    wait_for_lease(&mut stack, Duration::from_secs(10)).unwrap();
    let lease = stack.dhcp_lease().unwrap().clone();
    assert_eq!(lease.address.address(), Ipv4Address::new(10, 0, 2, 15));
    assert_eq!(lease.address.prefix_len(), 24);
    assert_eq!(lease.dns_servers.as_slice(), &[NAMESERVER]);
    assert_eq!(lease.router, None);
    let stats = net.stats();
    assert_eq!(stats.leases.len(), 1, "{stats:?}");
    assert_eq!(stats.leases[0].mac, DEFAULT_UDP_MAC);
    assert_eq!(stats.leases[0].dns_server, Some(NAMESERVER));
    eprintln!("lease after {:?}", t0.elapsed());

    // DNS: the broker's name, a missing name in the zone, a name outside it. Every outcome
    // is an answer (well under smoltcp's 10 s timeout), none a timeout.
    let slots = Box::leak(Box::new(DnsStorage::<2>::new()));
    stack.enable_dns(slots).unwrap();
    let (broker, took) = resolve(&mut stack, BROKER_NAME);
    assert_eq!(broker, Ok(IpAddress::Ipv4(BROKER_ADDR)));
    eprintln!("{BROKER_NAME} -> {BROKER_ADDR} in {took:?}");
    for name in ["unknown.rawnet.test", "example.com"] {
        let (r, took) = resolve(&mut stack, name);
        assert_eq!(r, Err(DnsError::Failed), "{name}");
        assert!(
            took < Duration::from_secs(2),
            "{name}: answered, not timed out"
        );
    }
    let stats = net.stats();
    assert_eq!(
        stats.answers(BROKER_NAME),
        [DnsAnswer::Address(BROKER_ADDR)]
    );
    assert_eq!(stats.answers("unknown.rawnet.test"), [DnsAnswer::NxDomain]);
    assert_eq!(stats.answers("example.com"), [DnsAnswer::Refused]);
    assert_eq!(stats.dns_queries, 3);

    // TCP through the forward to the echo server on 127.0.0.1.
    let broker = broker.unwrap();
    assert_echoed(&echo_once(&mut stack, broker, ECHO_PORT, 1), "first");
    let fwd = SocketAddrV4::new(BROKER_ADDR, ECHO_PORT);
    net.wait_for("one host connection", Duration::from_secs(1), |s| {
        s.opened(fwd) == 1
    })
    .unwrap();
    assert_eq!(echo.accepted(), 1);

    // The server goes away: a connection is accepted by libslirp, then reset when the
    // forward finds nothing listening on 127.0.0.1.
    echo.stop();
    let down = echo_once(&mut stack, broker, ECHO_PORT, 2);
    assert_eq!(down.received, 0, "{down:?}");
    assert_eq!(
        down.failed(),
        Some(TcpError::Reset),
        "no server: accepted by libslirp, then reset: {down:?}"
    );

    // Back on the same port: the next connection reaches it.
    echo.restart().unwrap();
    assert_echoed(
        &echo_once(&mut stack, broker, ECHO_PORT, 3),
        "after restart",
    );
    assert_eq!(echo.accepted(), 2);
    assert_eq!(net.stats().opened(fwd), 2, "{:?}", net.stats());

    // A destination without a forward is refused, and logged.
    let mut conn = stack.tcp_socket(buffer(2048), buffer(2048)).unwrap();
    stack
        .connect(&mut conn, broker, ECHO_PORT + 1, now())
        .unwrap();
    let mut app = Exchange::new(4, 4, 16);
    run_until(
        &mut stack,
        &mut conn,
        &mut app,
        Duration::from_secs(10),
        "refusal",
        |a| a.failed().is_some() || a.events.contains(&Event::Connected),
    )
    .unwrap();
    assert_eq!(app.events, [Event::Err(TcpError::Refused)]);
    let stats = net.stats();
    let refused = SocketAddrV4::new(BROKER_ADDR, ECHO_PORT + 1);
    assert_eq!(stats.refused_tcp, [refused], "{stats:?}");
    assert_eq!(stats.frames_to_guest_dropped, 0);
    assert_eq!(stats.foreign_datagrams, 0);
    eprintln!("done in {:?}: {stats:?}", t0.elapsed());
}
