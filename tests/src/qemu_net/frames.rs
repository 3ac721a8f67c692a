//! The few frames [`QemuNet`](super::QemuNet) looks into: UDP datagrams (DNS queries from the
//! guest, DHCP replies from libslirp) and TCP SYNs. Checked parsing throughout: nothing here
//! panics on any input, and a frame that does not parse is simply not one of these.

use rawnet_tcp::smoltcp::phy::ChecksumCapabilities;
use rawnet_tcp::smoltcp::wire::{
    EthernetAddress, EthernetFrame, EthernetProtocol, EthernetRepr, IpAddress, IpProtocol,
    Ipv4Packet, Ipv4Repr, TcpPacket, UdpPacket, UdpRepr,
};
use std::net::{Ipv4Addr, SocketAddrV4};

/// A UDP datagram in an unfragmented Ethernet/IPv4 frame with correct checksums.
#[derive(Debug, Clone, Copy)]
pub(super) struct Udp<'a> {
    pub src_mac: [u8; 6],
    pub dst_mac: [u8; 6],
    pub src: SocketAddrV4,
    pub dst: SocketAddrV4,
    pub payload: &'a [u8],
}

/// An Ethernet frame and the IPv4 packet in it.
type Ipv4Frame<'a> = (EthernetFrame<&'a [u8]>, Ipv4Packet<&'a [u8]>);

fn ipv4(frame: &[u8], protocol: IpProtocol) -> Option<Ipv4Frame<'_>> {
    let eth = EthernetFrame::new_checked(frame).ok()?;
    if eth.ethertype() != EthernetProtocol::Ipv4 {
        return None;
    }
    let ip = Ipv4Packet::new_checked(eth.payload()).ok()?;
    if ip.next_header() != protocol || ip.more_frags() || ip.frag_offset() != 0 {
        return None;
    }
    ip.verify_checksum().then_some((eth, ip))
}

impl<'a> Udp<'a> {
    pub fn parse(frame: &'a [u8]) -> Option<Udp<'a>> {
        let (eth, ip) = ipv4(frame, IpProtocol::Udp)?;
        let (src_ip, dst_ip) = (ip.src_addr(), ip.dst_addr());
        let udp = UdpPacket::new_checked(ip.payload()).ok()?;
        if !udp.verify_checksum(&IpAddress::Ipv4(src_ip), &IpAddress::Ipv4(dst_ip)) {
            return None;
        }
        let src = SocketAddrV4::new(src_ip, udp.src_port());
        let dst = SocketAddrV4::new(dst_ip, udp.dst_port());
        let payload = udp.payload();
        Some(Udp {
            src_mac: eth.src_addr().0,
            dst_mac: eth.dst_addr().0,
            src,
            dst,
            payload,
        })
    }
}

/// An Ethernet/IPv4/UDP frame carrying `payload`.
pub(super) fn udp_frame(
    src_mac: [u8; 6],
    dst_mac: [u8; 6],
    src: SocketAddrV4,
    dst: SocketAddrV4,
    payload: &[u8],
) -> Vec<u8> {
    let caps = ChecksumCapabilities::default();
    let udp = UdpRepr {
        src_port: src.port(),
        dst_port: dst.port(),
    };
    let ip = Ipv4Repr {
        src_addr: *src.ip(),
        dst_addr: *dst.ip(),
        next_header: IpProtocol::Udp,
        payload_len: udp.header_len() + payload.len(),
        hop_limit: 64,
    };
    let eth = EthernetRepr {
        src_addr: EthernetAddress(src_mac),
        dst_addr: EthernetAddress(dst_mac),
        ethertype: EthernetProtocol::Ipv4,
    };
    let mut buf = vec![0u8; eth.buffer_len() + ip.buffer_len() + ip.payload_len];
    let mut frame = EthernetFrame::new_unchecked(&mut buf[..]);
    eth.emit(&mut frame);
    let mut packet = Ipv4Packet::new_unchecked(frame.payload_mut());
    ip.emit(&mut packet, &caps);
    udp.emit(
        &mut UdpPacket::new_unchecked(packet.payload_mut()),
        &IpAddress::Ipv4(*src.ip()),
        &IpAddress::Ipv4(*dst.ip()),
        payload.len(),
        |p| p.copy_from_slice(payload),
        &caps,
    );
    buf
}

/// The destination of a TCP SYN (a connection attempt) in `frame`, if it is one.
pub(super) fn tcp_syn_to(frame: &[u8]) -> Option<SocketAddrV4> {
    let (_, ip) = ipv4(frame, IpProtocol::Tcp)?;
    let tcp = TcpPacket::new_checked(ip.payload()).ok()?;
    (tcp.syn() && !tcp.ack()).then(|| SocketAddrV4::new(ip.dst_addr(), tcp.dst_port()))
}

/// DHCP message types (RFC 2132 option 53) this module names.
pub(super) const DHCP_OFFER: u8 = 2;
pub(super) const DHCP_ACK: u8 = 5;
const OPT_PAD: u8 = 0;
const OPT_DNS: u8 = 6;
const OPT_MSG_TYPE: u8 = 53;
const OPT_END: u8 = 255;
/// BOOTP fixed header (236 bytes) plus the magic cookie.
const OPTIONS_AT: usize = 240;
const COOKIE: [u8; 4] = [99, 130, 83, 99];

/// A DHCP reply libslirp sent to the guest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DhcpReply {
    pub msg_type: u8,
    pub client_mac: [u8; 6],
    pub address: Ipv4Addr,
    /// The DNS server the reply names after [`add_dns_server`] (`None`: none, and none added).
    pub dns_server: Option<Ipv4Addr>,
}

/// If `frame` is a DHCP offer or ack (UDP 67 → 68) without a DNS server option, write option
/// 6 naming `dns` over the END option and the zero padding after it, put END after it, and
/// recompute the UDP checksum. Lengths do not change: libslirp sends its replies with the
/// options area padded with zeros to 312 bytes, and its own options use under 30 of them.
/// Returns what the reply says, or `None` when `frame` is no DHCP reply.
pub(super) fn add_dns_server(frame: &mut [u8], dns: Ipv4Addr) -> Option<DhcpReply> {
    let (src, dst) = {
        let udp = Udp::parse(frame)?;
        if udp.src.port() != 67 || udp.dst.port() != 68 {
            return None;
        }
        (*udp.src.ip(), *udp.dst.ip())
    };
    let mut eth = EthernetFrame::new_checked(&mut *frame).ok()?;
    let mut ip = Ipv4Packet::new_checked(eth.payload_mut()).ok()?;
    let mut udp = UdpPacket::new_checked(ip.payload_mut()).ok()?;
    let bootp = udp.payload_mut();
    if bootp.first() != Some(&2) || bootp.get(236..240) != Some(&COOKIE[..]) {
        return None;
    }
    let client_mac: [u8; 6] = bootp.get(28..34)?.try_into().ok()?;
    let address = Ipv4Addr::from(<[u8; 4]>::try_from(bootp.get(16..20)?).ok()?);
    let (mut at, mut msg_type, mut dns_server, mut end) = (OPTIONS_AT, 0, None, None);
    while let Some(&tag) = bootp.get(at) {
        match tag {
            OPT_PAD => at += 1,
            OPT_END => {
                end = Some(at);
                break;
            }
            _ => {
                let len = usize::from(*bootp.get(at + 1)?);
                let value = bootp.get(at + 2..at + 2 + len)?;
                match (tag, value) {
                    (OPT_MSG_TYPE, [t]) => msg_type = *t,
                    (OPT_DNS, [a, b, c, d, ..]) => dns_server = Some(Ipv4Addr::new(*a, *b, *c, *d)),
                    _ => {}
                }
                at += 2 + len;
            }
        }
    }
    let mut reply = DhcpReply {
        msg_type,
        client_mac,
        address,
        dns_server,
    };
    let wants_dns = matches!(msg_type, DHCP_OFFER | DHCP_ACK) && dns_server.is_none();
    if let (true, Some(end)) = (wants_dns, end) {
        let room = bootp.get_mut(end..end + 7);
        if let Some(room) = room.filter(|r| r[1..].iter().all(|&b| b == 0)) {
            let [a, b, c, d] = dns.octets();
            room.copy_from_slice(&[OPT_DNS, 4, a, b, c, d, OPT_END]);
            reply.dns_server = Some(dns);
            udp.fill_checksum(&IpAddress::Ipv4(src), &IpAddress::Ipv4(dst));
        }
    }
    Some(reply)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLIRP_MAC: [u8; 6] = [0x52, 0x55, 10, 0, 2, 2];
    const GUEST_MAC: [u8; 6] = [0x52, 0x54, 0, 0x12, 0x34, 0x56];

    /// A reply shaped like libslirp's: options, END, zeros to 312 bytes of options area.
    fn slirp_reply(msg_type: u8) -> Vec<u8> {
        let mut bootp = vec![0u8; 236];
        bootp[0] = 2;
        bootp[16..20].copy_from_slice(&[10, 0, 2, 15]);
        bootp[28..34].copy_from_slice(&GUEST_MAC);
        bootp.extend_from_slice(&COOKIE);
        bootp.extend_from_slice(&[53, 1, msg_type, 54, 4, 10, 0, 2, 2, 1, 4, 255, 255, 255, 0]);
        bootp.extend_from_slice(&[51, 4, 0, 1, 0x51, 0x80, 255]);
        bootp.resize(236 + 312, 0);
        udp_frame(
            SLIRP_MAC,
            [0xff; 6],
            SocketAddrV4::new(Ipv4Addr::new(10, 0, 2, 2), 67),
            SocketAddrV4::new(Ipv4Addr::BROADCAST, 68),
            &bootp,
        )
    }

    #[test]
    fn dns_option_added_to_offer_and_ack() {
        let dns = Ipv4Addr::new(10, 0, 2, 3);
        for t in [DHCP_OFFER, DHCP_ACK] {
            let mut f = slirp_reply(t);
            let len = f.len();
            let r = add_dns_server(&mut f, dns).unwrap();
            assert_eq!(f.len(), len);
            assert_eq!(r.msg_type, t);
            assert_eq!(r.client_mac, GUEST_MAC);
            assert_eq!(r.address, Ipv4Addr::new(10, 0, 2, 15));
            assert_eq!(r.dns_server, Some(dns));
            // Still a valid datagram (checksums verified by the parse), now naming the server.
            let again = add_dns_server(&mut f.clone(), Ipv4Addr::new(1, 2, 3, 4)).unwrap();
            assert_eq!(again.dns_server, Some(dns), "option 6 present: left alone");
            let udp = Udp::parse(&f).unwrap();
            assert_eq!(&udp.payload[261..269], &[6, 4, 10, 0, 2, 3, 255, 0]);
        }
    }

    #[test]
    fn other_frames_untouched() {
        let dns = Ipv4Addr::new(10, 0, 2, 3);
        // A NAK, a reply without room after END, a request to the server, garbage.
        let mut nak = slirp_reply(6);
        let before = nak.clone();
        assert_eq!(add_dns_server(&mut nak, dns).unwrap().dns_server, None);
        assert_eq!(nak, before);
        // Options end 22 bytes in, followed by one zero byte: no room for 6 more.
        let full = slirp_reply(DHCP_ACK);
        let udp = Udp::parse(&full).unwrap();
        let short = udp_frame(
            udp.src_mac,
            udp.dst_mac,
            udp.src,
            udp.dst,
            &udp.payload[..263],
        );
        let mut tight = short.clone();
        assert_eq!(add_dns_server(&mut tight, dns).unwrap().dns_server, None);
        assert_eq!(tight, short);
        let mut garbage = vec![0xabu8; 300];
        assert!(add_dns_server(&mut garbage, dns).is_none());
        for cut in 0..before.len() {
            let mut f = before[..cut].to_vec();
            let _ = add_dns_server(&mut f, dns);
        }
    }
}
