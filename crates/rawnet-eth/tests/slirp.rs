//! The rootless host path: smoltcp on `SlirpDevice` (libslirp, restricted) reaching a real
//! kernel TCP server on 127.0.0.1 through an explicit forward, and nothing else.

mod common;

use common::{deadline, now, Net, Transfer};
use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use smoltcp::socket::{dhcpv4, tcp, udp};
use smoltcp::wire::{IpAddress, IpEndpoint, Ipv4Address, Ipv4Cidr};
use std::io::{ErrorKind, Read};
use std::net::{Ipv4Addr, SocketAddrV4, TcpListener, TcpStream};

const GUEST_FWD: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 100);

/// Run smoltcp's DHCP client against slirp's built-in server and return the lease.
fn dhcp(net: &mut Net<SlirpDevice>) -> dhcpv4::Config<'static> {
    let handle = net.sockets.add(dhcpv4::Socket::new());
    let until = deadline(10);
    loop {
        net.poll();
        if let Some(dhcpv4::Event::Configured(cfg)) =
            net.sockets.get_mut::<dhcpv4::Socket>(handle).poll()
        {
            let lease = dhcpv4::Config {
                server: cfg.server,
                address: cfg.address,
                router: cfg.router,
                dns_servers: cfg.dns_servers.clone(),
                packet: None,
            };
            net.set_addr(lease.address, lease.router);
            return lease;
        }
        assert!(
            std::time::Instant::now() < until,
            "no DHCP lease from slirp"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

#[test]
fn dhcp_lease_from_restricted_slirp() {
    let mut net = Net::new(SlirpDevice::new(SlirpConfig::default()).unwrap());
    let lease = dhcp(&mut net);
    assert_eq!(
        lease.address,
        Ipv4Cidr::new(Ipv4Address::new(10, 0, 2, 15), 24)
    );
    assert_eq!(lease.server.address, Ipv4Address::new(10, 0, 2, 2));
    // Restricted slirp offers neither a router nor a DNS server (bootp.c).
    assert_eq!(lease.router, None);
    assert!(lease.dns_servers.is_empty());
}

#[test]
fn tcp_256k_both_ways_through_guestfwd_to_loopback_server() {
    const TOTAL: usize = 256 * 1024;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let guest = SocketAddrV4::new(GUEST_FWD, 1883);

    let mut dev = SlirpDevice::new(SlirpConfig::default()).unwrap();
    dev.forward(guest, port).unwrap();
    let mut net = Net::new(dev);
    dhcp(&mut net);

    let h = net.tcp_socket();
    let remote = IpEndpoint::new(IpAddress::Ipv4(GUEST_FWD), 1883);
    net.sockets
        .get_mut::<tcp::Socket>(h)
        .connect(net.iface.context(), remote, 49152)
        .unwrap();

    let mut guest_side = Transfer::new(TOTAL, 0x11, 0x22);
    let mut host_side = Transfer::new(TOTAL, 0x22, 0x11);
    let mut server: Option<TcpStream> = None;
    let until = deadline(30);
    while !(guest_side.done() && host_side.done()) {
        net.poll();
        if server.is_none() {
            match listener.accept() {
                Ok((s, peer)) => {
                    assert!(peer.ip().is_loopback());
                    s.set_nonblocking(true).unwrap();
                    server = Some(s);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(e) => panic!("accept: {e}"),
            }
        }
        if let Some(s) = server.as_mut() {
            host_side.step_std(s);
        }
        guest_side.step_smoltcp(net.sockets.get_mut::<tcp::Socket>(h));
        assert!(
            std::time::Instant::now() < until,
            "transfer stalled: guest sent {} got {}, host sent {} got {}",
            guest_side.sent,
            guest_side.received,
            host_side.sent,
            host_side.received
        );
    }
    assert_eq!(net.dev.driver().connections_opened(guest), 1);

    // The guest's FIN reaches the host server as end of stream.
    net.sockets.get_mut::<tcp::Socket>(h).close();
    let mut server = server.unwrap();
    let until = deadline(10);
    loop {
        net.poll();
        let mut b = [0u8; 16];
        match server.read(&mut b) {
            Ok(0) => break,
            Ok(n) => panic!("{n} unexpected bytes after the transfer"),
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Err(e) => panic!("host read: {e}"),
        }
        assert!(
            std::time::Instant::now() < until,
            "guest FIN never reached the host"
        );
    }
}

/// Connect from the guest to `remote` and poll until the socket either establishes or
/// closes; return whether it established.
fn try_connect(net: &mut Net<SlirpDevice>, remote: (Ipv4Addr, u16), secs: u64) -> bool {
    let h = net.tcp_socket();
    let ep = IpEndpoint::new(IpAddress::Ipv4(remote.0), remote.1);
    net.sockets
        .get_mut::<tcp::Socket>(h)
        .connect(net.iface.context(), ep, 49200)
        .unwrap();
    let until = deadline(secs);
    loop {
        net.poll();
        let s = net.sockets.get_mut::<tcp::Socket>(h);
        match s.state() {
            tcp::State::Established => return true,
            tcp::State::Closed => return false,
            _ => {}
        }
        assert!(
            std::time::Instant::now() < until,
            "connect to {remote:?} neither refused nor established (state {})",
            s.state()
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

#[test]
fn restricted_slirp_refuses_what_is_not_forwarded() {
    // A real server on the host's loopback, deliberately not forwarded.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();

    let mut dev = SlirpDevice::new(SlirpConfig::default()).unwrap();
    // A forward for some other port, so the forward path exists but must not be a way in.
    dev.forward(SocketAddrV4::new(GUEST_FWD, 1883), port)
        .unwrap();
    let mut net = Net::new(dev);
    net.set_addr(Ipv4Cidr::new(Ipv4Address::new(10, 0, 2, 15), 24), None);

    // Unrestricted slirp maps the gateway 10.0.2.2 to the host's 127.0.0.1: restricted must
    // answer with a reset.
    assert!(!try_connect(
        &mut net,
        (Ipv4Addr::new(10, 0, 2, 2), port),
        5
    ));
    // The forward's address on another port is not forwarded either.
    assert!(!try_connect(&mut net, (GUEST_FWD, port), 5));
    // DNS over TCP to the virtual nameserver is refused too.
    assert!(!try_connect(&mut net, (Ipv4Addr::new(10, 0, 2, 3), 53), 5));

    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("the unforwarded host server was reached: {other:?}"),
    }
    assert_eq!(
        net.dev
            .driver()
            .connections_opened(SocketAddrV4::new(GUEST_FWD, 1883)),
        0
    );
}

/// A DNS query for `example.com` A, id 0x7261.
fn dns_query() -> Vec<u8> {
    let mut q = vec![0x72, 0x61, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in ["example", "com"] {
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.extend_from_slice(&[0, 0, 1, 0, 1]);
    q
}

#[test]
fn restricted_slirp_answers_no_dns() {
    let mut net = Net::new(SlirpDevice::new(SlirpConfig::default()).unwrap());
    net.set_addr(Ipv4Cidr::new(Ipv4Address::new(10, 0, 2, 15), 24), None);
    let rx = udp::PacketBuffer::new(vec![udp::PacketMetadata::EMPTY; 4], vec![0; 2048]);
    let tx = udp::PacketBuffer::new(vec![udp::PacketMetadata::EMPTY; 4], vec![0; 2048]);
    let h = net.sockets.add(udp::Socket::new(rx, tx));
    net.sockets.get_mut::<udp::Socket>(h).bind(40000).unwrap();
    let ns = IpEndpoint::new(IpAddress::v4(10, 0, 2, 3), 53);
    let query = dns_query();
    let start = now();
    let mut sent = 0;
    let until = deadline(2);
    while std::time::Instant::now() < until {
        net.poll();
        let s = net.sockets.get_mut::<udp::Socket>(h);
        // Send a few, spaced, so ARP has resolved for the later ones.
        if sent < 3 && (now() - start).total_millis() >= sent * 300 {
            s.send_slice(&query, ns).unwrap();
            sent += 1;
        }
        assert!(!s.can_recv(), "restricted slirp answered a DNS query");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert_eq!(sent, 3);
}

#[test]
fn links_libslirp_4() {
    let v = rawnet_eth::host::libslirp_version();
    assert!(v.starts_with('4'), "libslirp version {v}");
}

/// A guest connection on a fresh restricted slirp with one forward to `port`, established
/// after DHCP; returns the network and the socket handle.
fn connected(port: u16) -> (Net<SlirpDevice>, smoltcp::iface::SocketHandle) {
    let mut dev = SlirpDevice::new(SlirpConfig::default()).unwrap();
    dev.forward(SocketAddrV4::new(GUEST_FWD, 1883), port)
        .unwrap();
    let mut net = Net::new(dev);
    dhcp(&mut net);
    let h = net.tcp_socket();
    let ep = IpEndpoint::new(IpAddress::Ipv4(GUEST_FWD), 1883);
    net.sockets
        .get_mut::<tcp::Socket>(h)
        .connect(net.iface.context(), ep, 49300)
        .unwrap();
    (net, h)
}

#[test]
fn host_close_reaches_the_guest_as_a_reset_after_all_data() {
    const TOTAL: usize = 100_000;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (mut net, h) = connected(port);
    // The server writes its data and closes at once.
    let server = std::thread::spawn(move || {
        use std::io::Write;
        let (mut s, _) = listener.accept().unwrap();
        let data: Vec<u8> = (0..TOTAL).map(|i| common::pattern(7, i)).collect();
        s.write_all(&data).unwrap();
    });
    let mut got = Transfer::receive_only(TOTAL, 7);
    let until = deadline(20);
    loop {
        net.poll();
        let s = net.sockets.get_mut::<tcp::Socket>(h);
        got.step_smoltcp(s);
        if s.state() == tcp::State::Closed {
            break;
        }
        assert!(
            std::time::Instant::now() < until,
            "the guest never learned of the close"
        );
    }
    server.join().unwrap();
    assert_eq!(got.received, TOTAL, "every byte arrived before the reset");
    let guest = SocketAddrV4::new(GUEST_FWD, 1883);
    assert_eq!(net.dev.driver().connections_reset(guest), 1);
}

#[test]
fn forward_with_nothing_listening_resets_the_guest() {
    // Take a port and free it again: nothing listens there now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (mut net, h) = connected(port);
    let until = deadline(10);
    let mut established = false;
    loop {
        net.poll();
        let s = net.sockets.get_mut::<tcp::Socket>(h);
        established |= s.state() == tcp::State::Established;
        if s.state() == tcp::State::Closed {
            break;
        }
        assert!(
            std::time::Instant::now() < until,
            "no reset for a dead forward"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    // libslirp accepts before the driver can know; the reset follows at once.
    assert!(established);
    let guest = SocketAddrV4::new(GUEST_FWD, 1883);
    assert_eq!(net.dev.driver().connections_reset(guest), 1);
}
