//! DHCP and DNS against a real server: rawnet-tcp's `Stack` on a TAP inside a network
//! namespace this test creates, where dnsmasq serves leases and one name. Needs root (CI
//! runs as root); otherwise the test says why it does nothing. No traffic leaves the
//! namespace: dnsmasq runs with `--no-resolv --no-hosts`.

use rawnet_eth::host::netns::{is_root, DnsmasqNet};
use rawnet_tcp::smoltcp::wire::IpAddress;
use rawnet_tcp::{Callbacks, Connection, DnsError, DnsStorage, TcpError};
use rawnet_tests::host::{buffer, dhcp_stack, now, run_until, wait_for_lease};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::time::{Duration, Instant};

#[test]
fn lease_and_lookup_from_dnsmasq_then_tcp_to_the_resolved_address() {
    if !is_root() {
        eprintln!("skipped: creating a network namespace and a TAP needs root");
        return;
    }
    let (net, tap) = DnsmasqNet::start().expect("namespace with dnsmasq");
    let mut stack = dhcp_stack(tap, 0xd4c9);
    wait_for_lease(&mut stack, Duration::from_secs(20))
        .unwrap_or_else(|e| panic!("{e}\ndnsmasq log:\n{}", net.log()));

    // The lease: an address from dnsmasq's range, its router and DNS server.
    let lease = stack.dhcp_lease().unwrap().clone();
    let [a, b, c, d] = lease.address.address().octets();
    assert_eq!([a, b, c], [192, 0, 2], "lease {lease:?}");
    assert!((100..=199).contains(&d), "lease {lease:?}");
    assert_eq!(lease.address.prefix_len(), 24);
    let server = DnsmasqNet::SERVER;
    assert_eq!(lease.router, Some(server));
    assert_eq!(lease.dns_servers.as_slice(), &[server]);

    // DNS: the known name resolves, an unknown one fails (dnsmasq forwards nothing).
    let slots = Box::leak(Box::new(DnsStorage::<2>::new()));
    stack.enable_dns(slots).unwrap();
    let resolve = |stack: &mut _, name: &str| -> Result<IpAddress, DnsError> {
        let stack: &mut rawnet_tcp::Stack<'static, _> = stack;
        let mut q = stack.dns_query(name).unwrap();
        let until = Instant::now() + Duration::from_secs(20);
        loop {
            stack.poll(now());
            match stack.dns_result(&mut q) {
                Ok(addr) => return Ok(addr),
                Err(nb::Error::Other(e)) => return Err(e),
                Err(nb::Error::WouldBlock) => {}
            }
            assert!(Instant::now() < until, "no DNS answer for {name}");
            std::thread::sleep(Duration::from_millis(1));
        }
    };
    let broker = resolve(&mut stack, DnsmasqNet::BROKER_NAME).unwrap();
    assert_eq!(broker, IpAddress::Ipv4(DnsmasqNet::BROKER_ADDR));
    assert_eq!(
        resolve(&mut stack, "unknown.rawnet.test"),
        Err(DnsError::Failed)
    );

    // TCP to the resolved address, where a server runs inside the namespace.
    let listener = net
        .netns()
        .run_in(|| TcpListener::bind(SocketAddr::from((DnsmasqNet::BROKER_ADDR, 0))))
        .unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut got = [0u8; 5];
        s.read_exact(&mut got).unwrap();
        s.write_all(b"world").unwrap();
        got
    });
    let mut conn = stack.tcp_socket(buffer(2048), buffer(2048)).unwrap();
    stack.connect(&mut conn, broker, port, now()).unwrap();
    let mut hello = Hello::default();
    run_until(
        &mut stack,
        &mut conn,
        &mut hello,
        Duration::from_secs(20),
        "hello/world",
        |h| h.heard.len() == 5 || h.failed.is_some(),
    )
    .unwrap();
    assert_eq!(hello.heard, b"world");
    assert_eq!(&server.join().unwrap(), b"hello");
    assert!(hello.said);
    assert_eq!(hello.failed, None);
}

/// Says "hello" once connected and keeps what it hears.
#[derive(Default)]
struct Hello {
    said: bool,
    heard: Vec<u8>,
    failed: Option<TcpError>,
}

impl<C: Connection<Error = TcpError>> Callbacks<C> for Hello {
    fn connected(&mut self, conn: &mut C, _now: rawnet_tcp::Instant) {
        self.said = conn.write(b"hello") == Ok(5);
        let _ = conn.output();
    }
    fn recv(&mut self, _conn: &mut C, data: &[u8], _now: rawnet_tcp::Instant) -> usize {
        self.heard.extend_from_slice(data);
        data.len()
    }
    fn err(&mut self, err: TcpError, _now: rawnet_tcp::Instant) {
        self.failed = Some(err);
    }
}
