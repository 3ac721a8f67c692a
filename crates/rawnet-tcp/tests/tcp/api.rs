//! The handle and stack API: write bounds, state errors, slot reuse, listeners, DNS setup.

use crate::harness::{assert_lwip_order, buf, Dev, Event, Pair, Recorder, IP_B};
use rawnet_eth::host::MemoryWire;
use rawnet_eth::SmoltcpDevice;
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::{
    Config, Connection, DhcpState, DhcpStorage, DnsError, DnsStorage, Duration, Instant, Stack,
    StackError, TcpError, TcpStatus,
};

fn established(p: &mut Pair<Dev>, tx: usize) -> (rawnet_tcp::TcpHandle, rawnet_tcp::TcpHandle) {
    let mut server = p.b.tcp_socket(buf(4096), buf(4096)).unwrap();
    p.b.listen(&mut server, 80).unwrap();
    let mut client = p.a.tcp_socket(buf(4096), buf(tx)).unwrap();
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    let (mut ca, mut cb) = (Recorder::sink(), Recorder::sink());
    let up = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(5),
        |a, b| a.events == [Event::Connected] && b.events == [Event::Connected],
    );
    assert!(up);
    (client, server)
}

#[test]
fn write_is_bounded_by_send_space_then_would_block() {
    let mut p = Pair::new(1);
    let (mut client, _server) = established(&mut p, 1500);
    let mut conn = p.a.connection(&mut client);
    assert!(conn.is_connected());
    assert_eq!(conn.send_space(), 1500);
    assert_eq!(conn.write(&[7; 1000]), Ok(1000));
    assert_eq!(conn.send_space(), 500);
    assert_eq!(
        conn.write(&[7; 1000]),
        Ok(500),
        "copied up to the free space"
    );
    assert_eq!(conn.send_space(), 0);
    assert_eq!(
        conn.write(&[7; 10]),
        Err(nb::Error::WouldBlock),
        "lwIP's ERR_MEM"
    );
    assert_eq!(conn.write(&[]), Ok(0));
    assert_eq!(client.bytes_written(), 1500);
}

#[test]
fn a_connection_that_is_not_open_refuses_io() {
    let mut p = Pair::new(1);
    let mut client = p.a.tcp_socket(buf(1024), buf(1024)).unwrap();
    {
        let mut idle = p.a.connection(&mut client);
        assert_eq!(
            idle.write(b"x"),
            Err(nb::Error::Other(TcpError::NotConnected))
        );
        assert_eq!(idle.close(), Err(TcpError::NotConnected));
        assert_eq!(idle.output(), Err(TcpError::NotConnected));
    }
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    let mut connecting = p.a.connection(&mut client);
    assert_eq!(connecting.status(), TcpStatus::Connecting);
    assert!(!connecting.is_connected());
    assert_eq!(connecting.send_space(), 0);
    assert_eq!(
        connecting.write(b"x"),
        Err(nb::Error::Other(TcpError::NotConnected))
    );
    // Closing while connecting drops the attempt: no callback follows.
    assert_eq!(connecting.close(), Ok(()));
    assert_eq!(client.status(), TcpStatus::Closed);
    assert_eq!(client.error(), None);
}

#[test]
fn management_errors() {
    let mut p = Pair::new(1);
    let mut client = p.a.tcp_socket(buf(1024), buf(1024)).unwrap();
    assert_eq!(
        p.a.tcp_socket(buf(16), buf(16)).unwrap_err(),
        StackError::NoFreeSocket
    );
    assert_eq!(
        p.a.connect(&mut client, IP_B, 0, p.now),
        Err(StackError::InvalidEndpoint)
    );
    let off_subnet = rawnet_tcp::smoltcp::wire::Ipv4Address::new(192, 168, 1, 1);
    assert_eq!(
        p.a.connect(&mut client, off_subnet, 80, p.now),
        Err(StackError::NoRoute),
        "no gateway configured"
    );
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    assert_eq!(
        p.a.connect(&mut client, IP_B, 80, p.now),
        Err(StackError::InUse)
    );
    assert_eq!(p.a.listen(&mut client, 80), Err(StackError::InUse));
    let client =
        p.a.release(client)
            .expect_err("an active handle is given back");
    assert_eq!(client.status(), TcpStatus::Connecting);
    assert_eq!(TcpError::from(StackError::NoRoute), TcpError::Unreachable);
}

#[test]
fn a_closed_handle_reconnects_and_a_released_slot_is_reused() {
    let mut p = Pair::new(1);
    let mut server = p.b.tcp_socket(buf(2048), buf(2048)).unwrap();
    let mut client = p.a.tcp_socket(buf(2048), buf(2048)).unwrap();
    let (mut ca, mut cb) = (Recorder::sink(), Recorder::sink());

    // First attempt: nobody listens.
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    assert!(p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(5),
        |a, _| { !a.events.is_empty() }
    ));
    assert_eq!(ca.events, [Event::Err(TcpError::Refused)]);

    // Same handle, same buffers, now someone listens.
    p.b.listen(&mut server, 80).unwrap();
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    let mut ca = Recorder::new(8, 9, 3000).closing();
    let mut cb = Recorder::new(9, 8, 3000).closing();
    assert!(p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(30),
        |a, b| { a.got_eof() && b.got_eof() }
    ));
    assert_eq!(
        (ca.received, cb.received, ca.mismatches, cb.mismatches),
        (3000, 3000, 0, 0)
    );
    assert_lwip_order(&ca.events);
    assert_eq!(
        client.bytes_written(),
        3000,
        "counters restart with the new connection"
    );
    // Let both closes complete.
    p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(20),
        |_, _| false,
    );
    assert_eq!(
        (client.status(), server.status()),
        (TcpStatus::Closed, TcpStatus::Closed)
    );

    // Release the client's slot and take it again with new buffers.
    p.a.release(client).unwrap();
    assert_eq!(p.a.free_slots(), 1);
    let mut again = p.a.tcp_socket(buf(1024), buf(1024)).unwrap();
    // The server's handle listens again for the next peer.
    p.b.listen(&mut server, 80).unwrap();
    p.a.connect(&mut again, IP_B, 80, p.now).unwrap();
    let (mut ca, mut cb) = (Recorder::sink(), Recorder::sink());
    assert!(p.run(
        &mut again,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(5),
        |a, b| { a.events == [Event::Connected] && b.events == [Event::Connected] }
    ));
}

#[test]
fn half_close_the_peer_still_sends_after_our_fin() {
    let mut p = Pair::new(1);
    let mut server = p.b.tcp_socket(buf(4096), buf(4096)).unwrap();
    p.b.listen(&mut server, 80).unwrap();
    let mut client = p.a.tcp_socket(buf(4096), buf(4096)).unwrap();
    p.a.connect(&mut client, IP_B, 80, p.now).unwrap();
    // The client closes at once; the server sends 50 kB after seeing the client's FIN.
    let mut ca = Recorder::new(0, 7, 0).closing();
    let mut cb = Recorder::new(7, 0, 0).closing();
    cb.close_when_done = false;
    let saw_eof = p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(5),
        |_, b| b.got_eof(),
    );
    assert!(saw_eof);
    cb.to_send = 50_000;
    cb.close_when_done = true;
    // The server's next poll callback writes (its recorder pumps from every callback).
    assert!(p.run(
        &mut client,
        &mut ca,
        &mut server,
        &mut cb,
        Duration::from_secs(30),
        |a, b| { a.got_eof() && b.sent_total() == 50_000 }
    ));
    assert_eq!(ca.received, 50_000);
    assert_eq!(ca.mismatches, 0);
    assert_eq!(cb.sent_total(), 50_000);
    assert!(ca.errors().is_empty() && cb.errors().is_empty());
    assert_lwip_order(&ca.events);
    assert_lwip_order(&cb.events);
}

#[test]
fn poll_at_tells_when_to_drive() {
    let mut p = Pair::new(1);
    let (client, _server) = established(&mut p, 1024);
    let at = client
        .poll_at()
        .expect("an open connection has a poll deadline");
    assert!(at > p.now);
    assert!(p.a.poll_at(p.now).is_none_or(|t| t >= p.now));
}

#[test]
fn dhcp_stack_has_no_address_until_leased() {
    let (wa, _wb) = MemoryWire::pair([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2], 4);
    let slots = Box::leak(Box::new([SocketStorage::EMPTY, SocketStorage::EMPTY]));
    let now = Instant::from_ticks(0);
    let config = Config::new_dhcp([2, 0, 0, 0, 0, 1], 7);
    let mut s = Stack::new(SmoltcpDevice::new(wa), config, slots, now).unwrap();
    assert_eq!(s.dhcp_state(), DhcpState::Discovering);
    assert_eq!(s.ipv4_settings(), None);
    assert_eq!(s.free_slots(), 2, "no slot until the client starts");
    s.enable_dhcp(Box::leak(Box::new(DhcpStorage::new())))
        .unwrap();
    assert_eq!(s.free_slots(), 1, "the DHCP client takes a slot");
    assert_eq!(
        s.enable_dhcp(Box::leak(Box::new(DhcpStorage::new()))),
        Err(StackError::AlreadyEnabled)
    );
    let mut h = s.tcp_socket(buf(64), buf(64)).unwrap();
    assert_eq!(s.connect(&mut h, IP_B, 80, now), Err(StackError::NoRoute));
    assert!(s.poll(now), "the DHCP client sends a DISCOVER");

    let empty: &mut [SocketStorage] = Box::leak(Box::new([]));
    let (wc, _wd) = MemoryWire::pair([2, 0, 0, 0, 0, 3], [2, 0, 0, 0, 0, 4], 4);
    let mut c = Stack::new(
        SmoltcpDevice::new(wc),
        Config::new_dhcp([2, 0, 0, 0, 0, 3], 1),
        empty,
        now,
    )
    .unwrap();
    let err = c.enable_dhcp(Box::leak(Box::new(DhcpStorage::new())));
    assert_eq!(err.unwrap_err(), StackError::NoFreeSocket);
}

#[test]
fn dns_api_errors() {
    let mut p = Pair::new(2);
    assert_eq!(
        p.a.dns_query("example.com").unwrap_err(),
        DnsError::NotEnabled
    );
    let queries = Box::leak(Box::new(DnsStorage::<2>::new()));
    p.a.enable_dns(queries).unwrap();
    assert_eq!(
        p.a.enable_dns(Box::leak(Box::new(DnsStorage::<1>::new()))),
        Err(StackError::AlreadyEnabled)
    );
    assert_eq!(p.a.dns_query("").unwrap_err(), DnsError::InvalidName);
    assert_eq!(p.a.dns_query("a..b").unwrap_err(), DnsError::InvalidName);
    // No DNS server is configured: the query fails rather than hanging.
    let mut q = p.a.dns_query("broker.local.test").unwrap();
    let mut now = p.now;
    let outcome = loop {
        p.a.poll(now);
        match p.a.dns_result(&mut q) {
            Err(nb::Error::WouldBlock) => {}
            other => break other,
        }
        assert!(
            now.as_ticks() < 60_000,
            "query neither failed nor succeeded"
        );
        now += Duration::from_millis(100);
    };
    assert_eq!(outcome, Err(nb::Error::Other(DnsError::Failed)));
    assert_eq!(
        p.a.dns_result(&mut q),
        Err(nb::Error::Other(DnsError::AlreadyTaken))
    );
}
