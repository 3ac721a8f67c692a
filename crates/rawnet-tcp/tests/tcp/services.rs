//! DHCP and DNS against small servers run on the peer stack (smoltcp UDP sockets speaking
//! the real protocols), then a TCP connection to the resolved address.

use crate::harness::{buf, static_config, Event, Recorder, IP_A, MAC_A, MAC_B};
use rawnet_eth::host::MemoryWire;
use rawnet_eth::SmoltcpDevice;
use rawnet_tcp::smoltcp::iface::{SocketHandle, SocketStorage};
use rawnet_tcp::smoltcp::phy::Device;
use rawnet_tcp::smoltcp::socket::udp;
use rawnet_tcp::smoltcp::wire::{
    DhcpMessageType, DhcpPacket, DhcpRepr, IpAddress, IpEndpoint, Ipv4Address, Ipv4Cidr,
};
use rawnet_tcp::{
    Config, DhcpState, DhcpStorage, DnsStorage, Duration, Instant, Ipv4Settings, Stack,
};

const LEASED: Ipv4Address = Ipv4Address::new(10, 0, 0, 50);

fn udp_socket<D: Device>(stack: &mut Stack<'static, D>, port: u16) -> SocketHandle {
    let meta = || Box::leak(vec![udp::PacketMetadata::EMPTY; 4].into_boxed_slice());
    let socket = udp::Socket::new(
        udp::PacketBuffer::new(meta(), buf(2048)),
        udp::PacketBuffer::new(meta(), buf(2048)),
    );
    let handle = stack.add_socket(socket).unwrap();
    stack.socket_mut::<udp::Socket>(handle).bind(port).unwrap();
    handle
}

/// Answer DISCOVER with OFFER and REQUEST with ACK, leasing `LEASED` with the server as
/// router and DNS server.
fn serve_dhcp<D: Device>(stack: &mut Stack<'static, D>, handle: SocketHandle) -> usize {
    let mut answered = 0;
    let mut request = [0u8; 1024];
    while let Ok((n, _)) = stack
        .socket_mut::<udp::Socket>(handle)
        .recv_slice(&mut request)
    {
        let packet = DhcpPacket::new_checked(&request[..n]).unwrap();
        let req = DhcpRepr::parse(&packet).unwrap();
        let message_type = match req.message_type {
            DhcpMessageType::Discover => DhcpMessageType::Offer,
            DhcpMessageType::Request => DhcpMessageType::Ack,
            _ => continue,
        };
        let reply = DhcpRepr {
            message_type,
            transaction_id: req.transaction_id,
            secs: 0,
            client_hardware_address: req.client_hardware_address,
            client_ip: Ipv4Address::UNSPECIFIED,
            your_ip: LEASED,
            server_ip: IP_A,
            router: Some(IP_A),
            subnet_mask: Some(Ipv4Address::new(255, 255, 255, 0)),
            relay_agent_ip: Ipv4Address::UNSPECIFIED,
            broadcast: false,
            requested_ip: None,
            client_identifier: None,
            server_identifier: Some(IP_A),
            parameter_request_list: None,
            dns_servers: Some(core::iter::once(IP_A).collect()),
            max_size: None,
            lease_duration: Some(3600),
            renew_duration: None,
            rebind_duration: None,
            additional_options: &[],
        };
        let mut out = vec![0u8; reply.buffer_len()];
        reply
            .emit(&mut DhcpPacket::new_unchecked(&mut out[..]))
            .unwrap();
        let to = IpEndpoint::new(IpAddress::Ipv4(Ipv4Address::BROADCAST), 68);
        stack
            .socket_mut::<udp::Socket>(handle)
            .send_slice(&out, to)
            .unwrap();
        answered += 1;
    }
    answered
}

/// Answer every A query with `IP_A` (the answer points back at the question's name).
fn serve_dns<D: Device>(stack: &mut Stack<'static, D>, handle: SocketHandle) -> usize {
    let mut answered = 0;
    let mut datagram = [0u8; 512];
    while let Ok((n, meta)) = stack
        .socket_mut::<udp::Socket>(handle)
        .recv_slice(&mut datagram)
    {
        let q = &datagram[..n];
        // Header (12 bytes), then the question: labels up to a zero byte, type, class.
        let mut end = 12;
        while q[end] != 0 {
            end += 1 + q[end] as usize;
        }
        end += 1 + 4;
        let mut r = q[..end].to_vec();
        r[2] = 0x81; // response, recursion desired
        r[3] = 0x80; // recursion available, no error
        r[6..8].copy_from_slice(&1u16.to_be_bytes()); // one answer
        r.extend_from_slice(&[0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
        r.extend_from_slice(&IP_A.octets());
        stack
            .socket_mut::<udp::Socket>(handle)
            .send_slice(&r, meta.endpoint)
            .unwrap();
        answered += 1;
    }
    answered
}

#[test]
fn dhcp_lease_then_dns_then_tcp_to_the_resolved_address() {
    let (wa, wb) = MemoryWire::pair(MAC_A, MAC_B, 16);
    let mut now = Instant::from_ticks(5_000);
    let server_slots = Box::leak(Box::new([const { SocketStorage::EMPTY }; 3]));
    let mut server = Stack::new(
        SmoltcpDevice::new(wa),
        static_config(MAC_A, IP_A, 1),
        server_slots,
        now,
    )
    .unwrap();
    let dhcp = udp_socket(&mut server, 67);
    let dns = udp_socket(&mut server, 53);
    let client_slots = Box::leak(Box::new([const { SocketStorage::EMPTY }; 3]));
    let mut client = Stack::new(
        SmoltcpDevice::new(wb),
        Config::new_dhcp(MAC_B, 2),
        client_slots,
        now,
    )
    .unwrap();
    assert_eq!(client.dhcp_state(), DhcpState::Discovering);
    client
        .enable_dhcp(Box::leak(Box::new(DhcpStorage::new())))
        .unwrap();

    // DHCP: DISCOVER, OFFER, REQUEST, ACK.
    let mut dhcp_answers = 0;
    while client.dhcp_state() != DhcpState::Bound {
        assert!(now.as_ticks() < 120_000, "no lease");
        client.poll(now);
        server.poll(now);
        dhcp_answers += serve_dhcp(&mut server, dhcp);
        now += Duration::from_millis(10);
    }
    assert_eq!(dhcp_answers, 2, "an OFFER and an ACK");
    let lease = Ipv4Settings::new(Ipv4Cidr::new(LEASED, 24))
        .with_router(IP_A)
        .with_dns_server(IP_A);
    assert_eq!(client.dhcp_lease(), Some(&lease));
    assert_eq!(client.ipv4_settings(), Some(&lease));
    assert_eq!(client.ipv4_address(), Some(LEASED));

    // DNS through the server the lease named.
    client
        .enable_dns(Box::leak(Box::new(DnsStorage::<1>::new())))
        .unwrap();
    let mut query = client.dns_query("broker.example").unwrap();
    let addr = loop {
        assert!(now.as_ticks() < 240_000, "no DNS answer");
        client.poll(now);
        server.poll(now);
        serve_dns(&mut server, dns);
        match client.dns_result(&mut query) {
            Ok(addr) => break addr,
            Err(nb::Error::WouldBlock) => {}
            Err(e) => panic!("{e:?}"),
        }
        now += Duration::from_millis(10);
    };
    assert_eq!(addr, IpAddress::Ipv4(IP_A));

    // TCP to the resolved address, from the leased one.
    let mut listener = server.tcp_socket(buf(1024), buf(1024)).unwrap();
    server.listen(&mut listener, 8883).unwrap();
    let mut conn = client.tcp_socket(buf(1024), buf(1024)).unwrap();
    client.connect(&mut conn, addr, 8883, now).unwrap();
    let (mut rc, mut rs) = (Recorder::new(1, 2, 500), Recorder::new(2, 1, 500));
    while rc.received < 500 || rs.received < 500 {
        assert!(now.as_ticks() < 300_000, "no TCP exchange");
        client.poll(now);
        server.poll(now);
        client.drive(&mut conn, &mut rc, now);
        server.drive(&mut listener, &mut rs, now);
        now += Duration::from_millis(1);
    }
    assert_eq!(rc.events.first(), Some(&Event::Connected));
    assert_eq!((rc.mismatches, rs.mismatches), (0, 0));
    let peer = client.connection(&mut conn).local_endpoint().unwrap();
    assert_eq!(peer.addr, IpAddress::Ipv4(LEASED));
}
