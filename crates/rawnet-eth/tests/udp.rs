//! Two smoltcp interfaces joined by Ethernet-over-UDP on loopback (QEMU's `-netdev dgram`
//! wire format) exchange data over TCP, byte for byte.

mod common;

use common::{deadline, Net, Transfer};
use rawnet_eth::host::UdpDevice;
use smoltcp::socket::tcp;
use smoltcp::wire::{IpAddress, IpEndpoint, Ipv4Address, Ipv4Cidr};
use std::net::{SocketAddr, UdpSocket};

const MAC_A: [u8; 6] = [0x02, 0, 0, 0, 0, 0x0a];
const MAC_B: [u8; 6] = [0x02, 0, 0, 0, 0, 0x0b];

/// Two devices on ephemeral loopback ports, each sending to the other.
fn pair() -> (UdpDevice, UdpDevice) {
    let sa = UdpSocket::bind("127.0.0.1:0").unwrap();
    let sb = UdpSocket::bind("127.0.0.1:0").unwrap();
    let (aa, ab) = (sa.local_addr().unwrap(), sb.local_addr().unwrap());
    (
        UdpDevice::from_socket(sa, ab, MAC_A).unwrap(),
        UdpDevice::from_socket(sb, aa, MAC_B).unwrap(),
    )
}

#[test]
fn refuses_non_loopback_addresses() {
    let lo: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let out: SocketAddr = "192.0.2.1:9".parse().unwrap();
    let err = UdpDevice::bind(lo, out).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn tcp_over_udp_wire_between_two_stacks() {
    const TOTAL: usize = 128 * 1024;
    let (a, b) = pair();
    let mut na = Net::new(a);
    let mut nb = Net::new(b);
    na.set_addr(Ipv4Cidr::new(Ipv4Address::new(192, 0, 2, 10), 24), None);
    nb.set_addr(Ipv4Cidr::new(Ipv4Address::new(192, 0, 2, 20), 24), None);

    let server = nb.tcp_socket();
    nb.sockets
        .get_mut::<tcp::Socket>(server)
        .listen(7000)
        .unwrap();
    let client = na.tcp_socket();
    let ep = IpEndpoint::new(IpAddress::v4(192, 0, 2, 20), 7000);
    na.sockets
        .get_mut::<tcp::Socket>(client)
        .connect(na.iface.context(), ep, 50000)
        .unwrap();

    let mut ta = Transfer::new(TOTAL, 0xa0, 0xb0);
    let mut tb = Transfer::new(TOTAL, 0xb0, 0xa0);
    let until = deadline(20);
    while !(ta.done() && tb.done()) {
        na.poll();
        nb.poll();
        ta.step_smoltcp(na.sockets.get_mut::<tcp::Socket>(client));
        tb.step_smoltcp(nb.sockets.get_mut::<tcp::Socket>(server));
        assert!(std::time::Instant::now() < until, "transfer stalled");
    }
}
