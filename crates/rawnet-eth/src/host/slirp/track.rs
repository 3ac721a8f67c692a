//! Following one forwarded TCP connection from the frames on the wire, so the driver can end
//! it with a reset when its host stream ends: libslirp's guestfwd API has no call that closes
//! the guest's side.

use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{
    EthernetAddress, EthernetFrame, EthernetProtocol, EthernetRepr, IpAddress, IpProtocol,
    Ipv4Packet, Ipv4Repr, TcpControl, TcpPacket, TcpRepr, TcpSeqNumber,
};
use std::net::SocketAddrV4;

/// A TCP segment seen on the wire, reduced to what tracking needs.
#[derive(Debug, Clone, Copy)]
pub(super) struct Segment {
    pub src_mac: [u8; 6],
    pub src: SocketAddrV4,
    pub dst: SocketAddrV4,
    pub syn: bool,
    pub ack: Option<u32>,
    pub fin: bool,
    pub rst: bool,
    pub seq: u32,
    /// Sequence space the segment takes: payload plus SYN and FIN.
    pub seq_len: u32,
}

impl Segment {
    /// The TCP segment in an Ethernet/IPv4 frame, if it is one with valid IPv4 and TCP
    /// checksums (checked parsing: never panics on any input).
    ///
    /// A damaged frame is not a segment: libslirp drops it on its checksum, so the driver
    /// must not act on it either. A bit flipped into the RST, SYN or FIN flag, or into the
    /// sequence number, would otherwise close a forward's host stream (or open a new one)
    /// under a connection libslirp still holds open.
    pub fn parse(frame: &[u8]) -> Option<Segment> {
        let eth = EthernetFrame::new_checked(frame).ok()?;
        if eth.ethertype() != EthernetProtocol::Ipv4 {
            return None;
        }
        let ip = Ipv4Packet::new_checked(eth.payload()).ok()?;
        if ip.next_header() != IpProtocol::Tcp || ip.frag_offset() != 0 || ip.more_frags() {
            return None;
        }
        if !ip.verify_checksum() {
            return None;
        }
        let tcp = TcpPacket::new_checked(ip.payload()).ok()?;
        let (src, dst) = (
            IpAddress::Ipv4(ip.src_addr()),
            IpAddress::Ipv4(ip.dst_addr()),
        );
        if !tcp.verify_checksum(&src, &dst) {
            return None;
        }
        Some(Segment {
            src_mac: eth.src_addr().0,
            src: SocketAddrV4::new(ip.src_addr(), tcp.src_port()),
            dst: SocketAddrV4::new(ip.dst_addr(), tcp.dst_port()),
            syn: tcp.syn(),
            ack: tcp.ack().then(|| tcp.ack_number().0 as u32),
            fin: tcp.fin(),
            rst: tcp.rst(),
            seq: tcp.seq_number().0 as u32,
            seq_len: tcp.segment_len() as u32,
        })
    }
}

/// `a` is later than `b` in sequence space.
fn after(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) > 0
}

/// What the wire has shown of the current connection on a forward.
#[derive(Debug, Clone, Copy)]
pub(super) struct Track {
    guest_mac: [u8; 6],
    guest: SocketAddrV4,
    /// The guest's next sequence number.
    guest_next: u32,
    /// The last acknowledgement the guest sent.
    guest_ack: Option<u32>,
    slirp_mac: Option<[u8; 6]>,
    /// libslirp's initial sequence number (from its SYN-ACK).
    slirp_iss: Option<u32>,
}

impl Track {
    /// A connection opened by the guest's SYN `seg`.
    pub fn new(seg: &Segment) -> Track {
        Track {
            guest_mac: seg.src_mac,
            guest: seg.src,
            guest_next: seg.seq.wrapping_add(seg.seq_len),
            guest_ack: seg.ack,
            slirp_mac: None,
            slirp_iss: None,
        }
    }

    /// The guest's port on this connection.
    pub fn guest(&self) -> SocketAddrV4 {
        self.guest
    }

    /// A segment from the guest on this connection.
    pub fn guest_sent(&mut self, seg: &Segment) {
        let end = seg.seq.wrapping_add(seg.seq_len);
        if after(end, self.guest_next) {
            self.guest_next = end;
        }
        if seg.ack.is_some() {
            self.guest_ack = seg.ack;
        }
    }

    /// A segment from libslirp to the guest on this connection.
    pub fn slirp_sent(&mut self, seg: &Segment) {
        self.slirp_mac = Some(seg.src_mac);
        if seg.syn {
            self.slirp_iss = Some(seg.seq);
        }
    }

    /// libslirp's sequence number after `delivered` bytes of data (libslirp never sends a
    /// FIN on a forward), once its SYN-ACK has been seen.
    fn slirp_next(&self, delivered: u64) -> Option<u32> {
        Some(
            self.slirp_iss?
                .wrapping_add(1)
                .wrapping_add(delivered as u32),
        )
    }

    /// The guest has acknowledged all `delivered` bytes handed to libslirp for it.
    pub fn guest_caught_up(&self, delivered: u64) -> bool {
        self.slirp_next(delivered).is_some() && self.slirp_next(delivered) == self.guest_ack
    }

    /// The two resets that end the connection for `fwd` after `delivered` bytes toward the
    /// guest: one to the guest as if from libslirp, one to libslirp as if from the guest.
    /// `None` until libslirp's SYN-ACK has been seen (its MAC address and sequence numbers
    /// are known only then).
    pub fn resets(&self, fwd: SocketAddrV4, delivered: u64) -> Option<([u8; 54], [u8; 54])> {
        let (slirp_mac, slirp_next) = (self.slirp_mac?, self.slirp_next(delivered)?);
        let to_guest = rst_frame(
            slirp_mac,
            self.guest_mac,
            fwd,
            self.guest,
            slirp_next,
            Some(self.guest_next),
        );
        let to_slirp = rst_frame(
            self.guest_mac,
            slirp_mac,
            self.guest,
            fwd,
            self.guest_next,
            None,
        );
        Some((to_guest, to_slirp))
    }
}

/// An Ethernet/IPv4/TCP frame carrying a bare RST (with ACK when `ack` is given).
fn rst_frame(
    src_mac: [u8; 6],
    dst_mac: [u8; 6],
    src: SocketAddrV4,
    dst: SocketAddrV4,
    seq: u32,
    ack: Option<u32>,
) -> [u8; 54] {
    let mut buf = [0u8; 54];
    let tcp = TcpRepr {
        src_port: src.port(),
        dst_port: dst.port(),
        control: TcpControl::Rst,
        seq_number: TcpSeqNumber(seq as i32),
        ack_number: ack.map(|a| TcpSeqNumber(a as i32)),
        window_len: 0,
        window_scale: None,
        max_seg_size: None,
        sack_permitted: false,
        sack_ranges: [None; 3],
        timestamp: None,
        payload: &[],
    };
    let ip = Ipv4Repr {
        src_addr: *src.ip(),
        dst_addr: *dst.ip(),
        next_header: IpProtocol::Tcp,
        payload_len: tcp.buffer_len(),
        hop_limit: 64,
    };
    let eth = EthernetRepr {
        src_addr: EthernetAddress(src_mac),
        dst_addr: EthernetAddress(dst_mac),
        ethertype: EthernetProtocol::Ipv4,
    };
    let caps = ChecksumCapabilities::default();
    let mut frame = EthernetFrame::new_unchecked(&mut buf[..]);
    eth.emit(&mut frame);
    let mut packet = Ipv4Packet::new_unchecked(frame.payload_mut());
    ip.emit(&mut packet, &caps);
    let mut segment = TcpPacket::new_unchecked(packet.payload_mut());
    tcp.emit(
        &mut segment,
        &IpAddress::Ipv4(*src.ip()),
        &IpAddress::Ipv4(*dst.ip()),
        &caps,
    );
    buf
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn reset_frames_parse_back() {
        let guest = SocketAddrV4::new(Ipv4Addr::new(10, 0, 2, 15), 49152);
        let fwd = SocketAddrV4::new(Ipv4Addr::new(10, 0, 2, 100), 1883);
        let syn = Segment {
            src_mac: [2, 0, 0, 0, 0, 1],
            src: guest,
            dst: fwd,
            syn: true,
            ack: None,
            fin: false,
            rst: false,
            seq: u32::MAX,
            seq_len: 1,
        };
        let mut t = Track::new(&syn);
        assert!(
            t.resets(fwd, 0).is_none(),
            "libslirp's side is not known yet"
        );
        let mut synack = syn;
        (synack.src_mac, synack.src, synack.dst) = ([0x52, 0x55, 10, 0, 2, 100], fwd, guest);
        (synack.seq, synack.ack) = (1000, Some(0));
        t.slirp_sent(&synack);
        assert!(!t.guest_caught_up(0));
        let mut ack = syn;
        (ack.syn, ack.seq, ack.seq_len, ack.ack) = (false, 0, 0, Some(1001));
        t.guest_sent(&ack);
        assert!(t.guest_caught_up(0));
        assert!(
            !t.guest_caught_up(1),
            "a byte handed to libslirp is not acknowledged yet"
        );

        let (to_guest, to_slirp) = t.resets(fwd, 0).unwrap();
        let g = Segment::parse(&to_guest).unwrap();
        assert!(g.rst && !g.syn && !g.fin);
        assert_eq!((g.src, g.dst, g.seq, g.ack), (fwd, guest, 1001, Some(0)));
        assert_eq!(g.src_mac, [0x52, 0x55, 10, 0, 2, 100]);
        let s = Segment::parse(&to_slirp).unwrap();
        assert!(s.rst);
        assert_eq!((s.src, s.dst, s.seq, s.ack), (guest, fwd, 0, None));
        // Checksums are right: smoltcp's checked parse verifies them.
        let ip = Ipv4Packet::new_checked(&to_guest[14..]).unwrap();
        assert!(ip.verify_checksum());
        let tcp = TcpPacket::new_checked(ip.payload()).unwrap();
        assert!(tcp.verify_checksum(&IpAddress::Ipv4(*fwd.ip()), &IpAddress::Ipv4(*guest.ip())));
    }

    /// A frame damaged on the wire (a bit flipped past the Ethernet header) is not a
    /// segment: libslirp drops it on its checksum, and the tracker must not see a reset, a
    /// SYN or another sequence number in it (tests/tests/faults.rs corrupts frames on this path).
    #[test]
    fn damaged_frames_are_not_segments() {
        let guest = SocketAddrV4::new(Ipv4Addr::new(10, 0, 2, 15), 49152);
        let fwd = SocketAddrV4::new(Ipv4Addr::new(10, 0, 2, 100), 8883);
        let good = rst_frame(
            [2, 0, 0, 0, 0, 1],
            [2, 0, 0, 0, 0, 2],
            guest,
            fwd,
            7,
            Some(9),
        );
        assert!(Segment::parse(&good).is_some());
        for bit in 14 * 8..good.len() * 8 {
            let mut bad = good;
            bad[bit / 8] ^= 1 << (bit % 8);
            assert!(
                Segment::parse(&bad).is_none(),
                "bit {bit} flipped: {:?}",
                Segment::parse(&bad)
            );
        }
        // An ACK whose RST flag a flipped bit set: no reset for the tracker.
        let mut ack = good;
        ack[14 + 20 + 13] = 0x10; // flags: ACK only (the checksum was computed for RST|ACK)
        assert!(Segment::parse(&ack).is_none());
    }
}
