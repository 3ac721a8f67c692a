//! Root-only tests in network namespaces the test creates: the TAP driver answering the
//! kernel's ping, and smoltcp's DHCP client and DNS resolver against a real dnsmasq. Every
//! address used exists only inside those namespaces. Without root each test says why it
//! skips, after checking that it really is not root.
#![cfg(target_os = "linux")]

mod common;

use common::{deadline, Net};
use rawnet_eth::host::netns::{is_root, DnsmasqNet, NetNs};
use rawnet_eth::host::Pcap;
use smoltcp::socket::{dhcpv4, dns};
use smoltcp::wire::{DnsQueryType, IpAddress, Ipv4Address, Ipv4Cidr};
use std::process::Stdio;
use std::time::Duration;

/// `true` when the test must skip (not root), after checking the kernel agrees and saying
/// why.
fn skip_unless_root(test: &str) -> bool {
    if is_root() {
        return false;
    }
    // Cross-check with the kernel's view: the effective uid is the second field of "Uid:".
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let uids = status.lines().find(|l| l.starts_with("Uid:")).unwrap();
    let euid: u32 = uids.split_whitespace().nth(2).unwrap().parse().unwrap();
    assert_ne!(euid, 0, "is_root() said no, but the effective uid is 0");
    eprintln!("{test}: skipped: creating a network namespace and a TAP needs root (euid {euid})");
    true
}

#[test]
fn kernel_pings_smoltcp_through_tap() {
    if skip_unless_root("kernel_pings_smoltcp_through_tap") {
        return;
    }
    let ns = NetNs::create("rawnet-tap").unwrap();
    let tap = ns.open_tap("rawtap0").unwrap();
    assert_eq!(tap.name(), "rawtap0");
    ns.ip(&["addr", "add", "192.0.2.1/24", "dev", "rawtap0"])
        .unwrap();
    ns.ip(&["link", "set", "rawtap0", "up"]).unwrap();

    // Capture the exchange too: real kernel frames through the pcap wrapper.
    let mut net = Net::new(Pcap::new(tap, Vec::new()).unwrap());
    net.set_addr(Ipv4Cidr::new(Ipv4Address::new(192, 0, 2, 2), 24), None);

    let mut ping = ns
        .command("ping")
        .args(["-c", "3", "-i", "0.2", "-W", "1", "192.0.2.2"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let until = deadline(15);
    let status = loop {
        net.poll();
        if let Some(status) = ping.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > until {
            let _ = ping.kill();
            panic!("ping did not finish");
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let out = ping.wait_with_output().unwrap();
    assert!(
        status.success(),
        "ping failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 received"));

    let (_tap, capture) = net.dev.into_inner().into_parts();
    // Echo replies (ICMP type 0) leaving smoltcp: at least the three ping counted.
    let mut at = 24;
    let mut replies = 0;
    while at + 16 <= capture.len() {
        let len = u32::from_le_bytes(capture[at + 8..at + 12].try_into().unwrap()) as usize;
        let f = &capture[at + 16..at + 16 + len];
        if f[12..14] == [0x08, 0x00] && f[23] == 1 && f[14 + 20] == 0 {
            replies += 1;
        }
        at += 16 + len;
    }
    assert_eq!(at, capture.len());
    assert!(replies >= 3, "{replies} echo replies captured");
}

#[test]
fn dhcp_and_dns_from_dnsmasq_in_a_namespace() {
    if skip_unless_root("dhcp_and_dns_from_dnsmasq_in_a_namespace") {
        return;
    }
    let (server, tap) = DnsmasqNet::start().unwrap();
    let mut net = Net::new(tap);

    // DHCP: smoltcp's own client.
    let mut dhcp = dhcpv4::Socket::new();
    let mut retry = dhcpv4::RetryConfig::default();
    retry.discover_timeout = smoltcp::time::Duration::from_secs(1);
    dhcp.set_retry_config(retry);
    let dh = net.sockets.add(dhcp);
    let until = deadline(15);
    let (addr, router, dns_server) = loop {
        net.poll();
        if let Some(dhcpv4::Event::Configured(cfg)) =
            net.sockets.get_mut::<dhcpv4::Socket>(dh).poll()
        {
            break (cfg.address, cfg.router, cfg.dns_servers.first().copied());
        }
        assert!(
            std::time::Instant::now() < until,
            "no lease; dnsmasq log:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(1));
    };
    let leased = addr.address().octets();
    assert_eq!(addr.prefix_len(), 24);
    assert_eq!(leased[..3], [192, 0, 2]);
    assert!(
        (100..=199).contains(&leased[3]),
        "lease {addr} outside the range"
    );
    assert_eq!(router, Some(DnsmasqNet::SERVER));
    assert_eq!(dns_server, Some(DnsmasqNet::SERVER));
    net.set_addr(addr, router);

    // DNS: smoltcp's own resolver, against the server from the lease.
    let servers = [IpAddress::Ipv4(DnsmasqNet::SERVER)];
    let qh = net.sockets.add(dns::Socket::new(&servers, vec![None]));
    let query = {
        let s = net.sockets.get_mut::<dns::Socket>(qh);
        s.start_query(
            net.iface.context(),
            DnsmasqNet::BROKER_NAME,
            DnsQueryType::A,
        )
        .unwrap()
    };
    let until = deadline(10);
    let answer = loop {
        net.poll();
        match net
            .sockets
            .get_mut::<dns::Socket>(qh)
            .get_query_result(query)
        {
            Ok(addrs) => break addrs,
            Err(dns::GetQueryResultError::Pending) => {}
            Err(e) => panic!("query failed: {e:?}; dnsmasq log:\n{}", server.log()),
        }
        assert!(std::time::Instant::now() < until, "no DNS answer");
        std::thread::sleep(Duration::from_millis(1));
    };
    assert_eq!(
        answer.as_slice(),
        [IpAddress::Ipv4(DnsmasqNet::BROKER_ADDR)]
    );
    assert!(server.log().contains(DnsmasqNet::BROKER_NAME));
}
