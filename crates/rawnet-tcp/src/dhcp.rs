//! The DHCP client (lwIP's `dhcp_start`): rawnet-tcp's own, over a smoltcp UDP socket, its
//! lease applied to the interface.
//!
//! DISCOVER, OFFER, REQUEST, ACK (RFC 2131), with the broadcast flag set while the
//! interface has no address (smoltcp drops unicast to an address it does not have); NAK
//! starts over; the lease is renewed from its server at T1, rebound by broadcast at T2 and
//! dropped when it expires. Only the options a device needs are read: subnet mask, router,
//! DNS servers, lease time, server identifier, T1 and T2. A reply is hostile input: it
//! counts only from port 67 with our transaction id and hardware address, every option's
//! length is checked against the message, and a lease without a usable address or subnet
//! mask is ignored.

use crate::config::Ipv4Settings;
use crate::error::StackError;
use crate::{Duration, Instant, Stack};
use smoltcp::iface::SocketHandle;
use smoltcp::phy::Device;
use smoltcp::socket::udp;
use smoltcp::wire::{HardwareAddress, IpAddress, IpEndpoint, Ipv4Address, Ipv4Cidr};

/// Where the DHCP client stands (lwIP's `dhcp_supplied_address`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum DhcpState {
    /// The stack has a static address.
    Disabled,
    /// No lease yet (or the lease was lost): discovering or requesting.
    Discovering,
    /// A lease is held; [`Stack::ipv4_settings`] gives it.
    Bound,
}

/// The largest reply accepted: the 576 bytes every DHCP client must accept (RFC 2131 §2);
/// longer datagrams are dropped by the socket.
pub const DHCP_MAX_REPLY_LEN: usize = 576;
/// A request: the BOOTP header, the magic cookie and the options, padded to BOOTP's 300.
const REQUEST_LEN: usize = 300;
const OPTIONS: usize = 240;
const CLIENT_PORT: u16 = 68;
const SERVER_PORT: u16 = 67;

const DISCOVER: u8 = 1;
const OFFER: u8 = 2;
const REQUEST: u8 = 3;
const ACK: u8 = 5;
const NAK: u8 = 6;

/// The shortest lease taken (a shorter one is taken as this long).
const MIN_LEASE_S: u32 = 60;

/// The DHCP client's memory, given to [`Stack::enable_dhcp`]: the buffers of its UDP
/// socket (one request out, one reply of up to [`DHCP_MAX_REPLY_LEN`] bytes in).
pub struct DhcpStorage {
    rx_meta: [udp::PacketMetadata; 1],
    rx: [u8; DHCP_MAX_REPLY_LEN],
    tx_meta: [udp::PacketMetadata; 1],
    tx: [u8; REQUEST_LEN],
}

impl DhcpStorage {
    /// Empty storage (a `const fn`, so it can be a `static`).
    pub const fn new() -> Self {
        DhcpStorage {
            rx_meta: [udp::PacketMetadata::EMPTY; 1],
            rx: [0; DHCP_MAX_REPLY_LEN],
            tx_meta: [udp::PacketMetadata::EMPTY; 1],
            tx: [0; REQUEST_LEN],
        }
    }
}

impl Default for DhcpStorage {
    fn default() -> Self {
        Self::new()
    }
}

impl core::fmt::Debug for DhcpStorage {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DhcpStorage").finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Discover,
    Request,
    Bound,
    Renew,
    Rebind,
}

/// The running client, kept in the stack.
pub(crate) struct Client {
    socket: SocketHandle,
    mac: [u8; 6],
    phase: Phase,
    xid: u32,
    rng: u32,
    tries: u8,
    next_at: Instant,
    /// The offered (then leased) address and its server.
    offered: Ipv4Address,
    server: Ipv4Address,
    rebind_at: Instant,
    expire_at: Instant,
}

/// What a reply says, as far as the client reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reply {
    kind: u8,
    yiaddr: Ipv4Address,
    server: Option<Ipv4Address>,
    prefix: Option<u8>,
    router: Option<Ipv4Address>,
    dns: heapless::Vec<Ipv4Address, { crate::config::MAX_DNS_SERVERS }>,
    lease: Option<u32>,
    t1: Option<u32>,
    t2: Option<u32>,
}

fn addr(b: &[u8]) -> Option<Ipv4Address> {
    Some(Ipv4Address::from(<[u8; 4]>::try_from(b.get(..4)?).ok()?))
}

fn be32(b: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(b.try_into().ok()?))
}

/// Read `msg` as a reply to transaction `xid` for hardware address `mac`; `None` when it is
/// not one or is malformed.
pub(crate) fn parse(msg: &[u8], xid: u32, mac: &[u8; 6]) -> Option<Reply> {
    // op BOOTREPLY, Ethernet, 6-byte addresses; our xid and address; the magic cookie.
    if msg.get(..3)? != [2, 1, 6]
        || be32(msg.get(4..8)?)? != xid
        || msg.get(28..34)? != mac
        || msg.get(236..OPTIONS)? != [99, 130, 83, 99]
    {
        return None;
    }
    let mut r = Reply {
        kind: 0,
        yiaddr: addr(&msg[16..20])?,
        server: None,
        prefix: None,
        router: None,
        dns: heapless::Vec::new(),
        lease: None,
        t1: None,
        t2: None,
    };
    let mut i = OPTIONS;
    while let Some(&code) = msg.get(i) {
        match code {
            0 => {
                i += 1;
                continue;
            }
            255 => break,
            _ => {}
        }
        let len = usize::from(*msg.get(i + 1)?);
        let data = msg.get(i + 2..i + 2 + len)?;
        i += 2 + len;
        match (code, len) {
            (53, 1) => r.kind = data[0],
            (1, 4) => {
                let mask = be32(data)?;
                // Contiguous ones, then zeros; not /0.
                let ones = mask.leading_ones();
                if ones == 0 || mask.count_ones() != ones {
                    return None;
                }
                r.prefix = Some(ones as u8);
            }
            (3, _) => r.router = addr(data),
            (6, _) => {
                for a in data.chunks_exact(4).filter_map(addr) {
                    let _ = r.dns.push(a);
                }
            }
            (51, 4) => r.lease = be32(data),
            (54, 4) => r.server = addr(data),
            (58, 4) => r.t1 = be32(data),
            (59, 4) => r.t2 = be32(data),
            _ => {}
        }
    }
    Some(r)
}

/// A usable leased address: unicast, not 0.x.x.x, loopback or class E.
fn usable(a: Ipv4Address) -> bool {
    let o = a.octets();
    o[0] != 0 && o[0] != 127 && o[0] < 224
}

/// Write a request of `kind` into `buf` (at least [`REQUEST_LEN`] long); its length.
fn write_request(c: &Client, kind: u8, ciaddr: Ipv4Address, buf: &mut [u8]) -> usize {
    let Some(buf) = buf.get_mut(..REQUEST_LEN) else {
        return 0;
    };
    buf.fill(0);
    put(buf, 0, &[1, 1, 6, 0]);
    put(buf, 4, &c.xid.to_be_bytes());
    if ciaddr.is_unspecified() {
        // Broadcast flag: replies must reach a client without an address.
        put(buf, 10, &[0x80]);
    }
    put(buf, 12, &ciaddr.octets());
    put(buf, 28, &c.mac);
    // Cookie, message type, parameter request list (subnet, router, DNS, lease).
    put(
        buf,
        236,
        &[99, 130, 83, 99, 53, 1, kind, 55, 4, 1, 3, 6, 51],
    );
    let mut end = 236 + 13;
    if kind == REQUEST && c.phase == Phase::Request {
        put(buf, end, &[50, 4]);
        put(buf, end + 2, &c.offered.octets());
        put(buf, end + 6, &[54, 4]);
        put(buf, end + 8, &c.server.octets());
        end += 12;
    }
    put(buf, end, &[255]);
    REQUEST_LEN
}

/// Copy `bytes` into `buf` at `at`. The request's offsets are constants well inside
/// [`REQUEST_LEN`]; a write that did not fit would be dropped, not panic. One out-of-line
/// copy instead of a range check and a `copy_from_slice` (each with its own panic location)
/// per field: 316 B less flash in a firmware whose panic handler reads the location, 28 B
/// in the QEMU firmware, whose handler does not (docs/footprint.md).
#[inline(never)]
fn put(buf: &mut [u8], at: usize, bytes: &[u8]) {
    if let Some(dst) = buf.get_mut(at..).and_then(|b| b.get_mut(..bytes.len())) {
        dst.copy_from_slice(bytes);
    }
}

/// What a poll of the client did to the lease.
pub(crate) enum Event {
    Configured(Ipv4Settings),
    Deconfigured,
}

impl Client {
    fn new(socket: SocketHandle, mac: [u8; 6], seed: u64) -> Self {
        let mut c = Client {
            socket,
            mac,
            phase: Phase::Discover,
            xid: 0,
            rng: (seed as u32 ^ (seed >> 32) as u32 ^ 0x85eb_ca6b) | 1,
            tries: 0,
            next_at: Instant::from_ticks(0),
            offered: Ipv4Address::UNSPECIFIED,
            server: Ipv4Address::UNSPECIFIED,
            rebind_at: Instant::from_ticks(0),
            expire_at: Instant::from_ticks(0),
        };
        c.restart(Instant::from_ticks(0));
        c
    }

    /// Back to DISCOVER, with a new transaction id, at `now`.
    fn restart(&mut self, now: Instant) {
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.rng = x;
        self.xid = x;
        self.phase = Phase::Discover;
        self.tries = 0;
        self.next_at = now;
    }

    /// Apply one reply; the lease event it causes.
    pub(crate) fn receive(&mut self, r: &Reply, now: Instant) -> Option<Event> {
        match (self.phase, r.kind) {
            (Phase::Discover, OFFER) if usable(r.yiaddr) => {
                self.offered = r.yiaddr;
                self.server = r.server?;
                self.phase = Phase::Request;
                self.tries = 0;
                self.next_at = now;
                None
            }
            (Phase::Request | Phase::Renew | Phase::Rebind, ACK) => {
                if self.phase == Phase::Request && r.server.is_some_and(|s| s != self.server) {
                    return None;
                }
                if !usable(r.yiaddr) {
                    return None;
                }
                let lease = r.lease?.max(MIN_LEASE_S);
                let t2 = r.t2.unwrap_or(lease / 8 * 7).min(lease);
                let t1 = r.t1.unwrap_or(lease / 2).min(t2);
                let at = |s: u32| now + Duration::from_ticks(u64::from(s) * 1000);
                let mut s = Ipv4Settings::new(Ipv4Cidr::new(r.yiaddr, r.prefix?));
                s.router = r.router;
                s.dns_servers = r.dns.clone();
                self.offered = r.yiaddr;
                if let Some(server) = r.server {
                    self.server = server;
                }
                self.phase = Phase::Bound;
                self.next_at = at(t1);
                self.rebind_at = at(t2);
                self.expire_at = at(lease);
                Some(Event::Configured(s))
            }
            (Phase::Request | Phase::Renew | Phase::Rebind, NAK) => {
                let bound = self.phase != Phase::Request;
                self.restart(now);
                bound.then_some(Event::Deconfigured)
            }
            _ => None,
        }
    }

    /// Run the timers: `send(kind, to, ciaddr)` queues a request. The lease event, if the
    /// lease expired.
    pub(crate) fn transmit(
        &mut self,
        now: Instant,
        mut send: impl FnMut(&Client, u8, Ipv4Address, Ipv4Address) -> bool,
    ) -> Option<Event> {
        if self.phase == Phase::Bound && now >= self.next_at {
            self.phase = Phase::Renew;
        }
        if self.phase == Phase::Renew && now >= self.rebind_at {
            self.phase = Phase::Rebind;
        }
        if self.phase == Phase::Rebind && now >= self.expire_at {
            self.restart(now);
            return Some(Event::Deconfigured);
        }
        if self.phase == Phase::Bound || now < self.next_at {
            return None;
        }
        if self.phase == Phase::Request && self.tries >= 4 {
            self.restart(now);
        }
        let (kind, to, ciaddr, wait_s) = match self.phase {
            Phase::Discover => (
                DISCOVER,
                Ipv4Address::BROADCAST,
                Ipv4Address::UNSPECIFIED,
                4u64 << self.tries.min(3),
            ),
            Phase::Request => (REQUEST, Ipv4Address::BROADCAST, Ipv4Address::UNSPECIFIED, 4),
            Phase::Renew => (REQUEST, self.server, self.offered, 10),
            _ => (REQUEST, Ipv4Address::BROADCAST, self.offered, 10),
        };
        let wait = if send(self, kind, to, ciaddr) {
            self.tries = self.tries.saturating_add(1);
            wait_s * 1000
        } else {
            50
        };
        let mut next = now + Duration::from_ticks(wait);
        if self.phase == Phase::Renew {
            next = next.min(self.rebind_at);
        } else if self.phase == Phase::Rebind {
            next = next.min(self.expire_at);
        }
        self.next_at = next;
        None
    }

    pub(crate) fn poll_at(&self) -> Instant {
        self.next_at
    }
}

impl<'a, D: Device> Stack<'a, D> {
    /// Start the DHCP client of a stack made with [`Config::new_dhcp`](crate::Config::new_dhcp)
    /// (lwIP's `dhcp_start`). It takes one socket slot and `storage` for its socket's buffers.
    /// Fails with [`StackError::AlreadyEnabled`] when it runs already, or the stack has a
    /// static address.
    pub fn enable_dhcp(&mut self, storage: &'a mut DhcpStorage) -> Result<(), StackError> {
        if !self.dhcp_wanted || self.dhcp.is_some() {
            return Err(StackError::AlreadyEnabled);
        }
        let DhcpStorage {
            rx_meta,
            rx,
            tx_meta,
            tx,
        } = storage;
        let mut socket = udp::Socket::new(
            udp::PacketBuffer::new(&mut rx_meta[..], &mut rx[..]),
            udp::PacketBuffer::new(&mut tx_meta[..], &mut tx[..]),
        );
        // Port 68, not bound yet: cannot fail.
        let _ = socket.bind(CLIENT_PORT);
        let handle = self.add_socket(socket)?;
        #[allow(irrefutable_let_patterns)]
        let mac = if let HardwareAddress::Ethernet(m) = self.iface.hardware_addr() {
            m.0
        } else {
            [0; 6]
        };
        self.dhcp = Some(Client::new(handle, mac, self.seed));
        Ok(())
    }

    /// Where the DHCP client stands.
    pub fn dhcp_state(&self) -> DhcpState {
        match (self.dhcp_wanted, &self.ipv4) {
            (false, _) => DhcpState::Disabled,
            (true, None) => DhcpState::Discovering,
            (true, Some(_)) => DhcpState::Bound,
        }
    }

    /// The DHCP lease: address, router and DNS servers; `None` without a lease or with a
    /// static address.
    pub fn dhcp_lease(&self) -> Option<&Ipv4Settings> {
        self.ipv4.as_ref().filter(|_| self.dhcp_wanted)
    }

    /// Apply the replies received, run the timers, apply a lease gained, changed or lost;
    /// `true` if anything happened.
    pub(crate) fn poll_dhcp(&mut self, now: Instant) -> bool {
        let Some(c) = self.dhcp.as_mut() else {
            return false;
        };
        let socket = self.sockets.get_mut::<udp::Socket>(c.socket);
        let mut event = None;
        let mut busy = false;
        while let Ok((msg, meta)) = socket.recv() {
            if meta.endpoint.port != SERVER_PORT {
                continue;
            }
            if let Some(r) = parse(msg, c.xid, &c.mac) {
                busy = true;
                event = c.receive(&r, now).or(event);
            }
        }
        let expired = c.transmit(now, |c, kind, to, ciaddr| {
            let mut meta =
                udp::UdpMetadata::from(IpEndpoint::new(IpAddress::Ipv4(to), SERVER_PORT));
            if ciaddr.is_unspecified() {
                meta.local_address = Some(IpAddress::Ipv4(Ipv4Address::UNSPECIFIED));
            }
            busy = true;
            socket
                .send_with(REQUEST_LEN, meta, |buf| write_request(c, kind, ciaddr, buf))
                .is_ok()
        });
        match expired.or(event) {
            None => busy,
            Some(Event::Deconfigured) => {
                self.apply_ipv4(None);
                true
            }
            Some(Event::Configured(s)) => {
                if self.ipv4.as_ref() != Some(&s) {
                    self.apply_ipv4(Some(s));
                }
                true
            }
        }
    }

    /// When the DHCP client next sends or changes phase.
    pub(crate) fn dhcp_poll_at(&self) -> Option<Instant> {
        self.dhcp.as_ref().map(Client::poll_at)
    }
}

/// The reply parser and the client's state machine, for the fuzz target (`fuzz/`): `msg`
/// read as a reply to the transaction and hardware address it carries, then given to a
/// client in each phase. Not a stable API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub fn fuzz_reply(msg: &[u8]) {
    let (Some(xid), Some(mac)) = (
        msg.get(4..8).and_then(be32),
        msg.get(28..34).and_then(|m| <[u8; 6]>::try_from(m).ok()),
    ) else {
        return;
    };
    let Some(r) = parse(msg, xid, &mac) else {
        return;
    };
    for phase in [
        Phase::Discover,
        Phase::Request,
        Phase::Bound,
        Phase::Renew,
        Phase::Rebind,
    ] {
        let mut c = Client::new(SocketHandle::default(), mac, 1);
        c.xid = xid;
        c.phase = phase;
        let now = Instant::from_ticks(1_000);
        let _ = c.receive(&r, now);
        let _ = c.transmit(now, |c, kind, _, ciaddr| {
            let mut buf = [0; REQUEST_LEN];
            write_request(c, kind, ciaddr, &mut buf) == REQUEST_LEN
        });
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    const MAC: [u8; 6] = [2, 0, 0, 0, 0, 9];
    const SERVER: Ipv4Address = Ipv4Address::new(10, 0, 2, 2);
    const YOU: Ipv4Address = Ipv4Address::new(10, 0, 2, 15);

    fn at(s: u64) -> Instant {
        Instant::from_ticks(s * 1000)
    }

    /// A server's reply of `kind` to `xid` with `options` (code, data) after the type.
    fn reply(xid: u32, kind: u8, options: &[(u8, &[u8])]) -> Vec<u8> {
        let mut m = std::vec![0u8; 240];
        m[..3].copy_from_slice(&[2, 1, 6]);
        m[4..8].copy_from_slice(&xid.to_be_bytes());
        m[16..20].copy_from_slice(&YOU.octets());
        m[28..34].copy_from_slice(&MAC);
        m[236..240].copy_from_slice(&[99, 130, 83, 99]);
        m.extend_from_slice(&[53, 1, kind]);
        for (code, data) in options {
            m.push(*code);
            m.push(data.len() as u8);
            m.extend_from_slice(data);
        }
        m.push(255);
        m
    }

    fn full(xid: u32, kind: u8) -> Vec<u8> {
        reply(
            xid,
            kind,
            &[
                (1, &[255, 255, 255, 0]),
                (3, &[10, 0, 2, 2]),
                (6, &[10, 0, 2, 3, 1, 1, 1, 1]),
                (51, &3600u32.to_be_bytes()),
                (54, &SERVER.octets()),
            ],
        )
    }

    /// Every request `transmit` makes at `now`: (kind, to, ciaddr).
    fn sends(c: &mut Client, now: Instant) -> (Vec<(u8, Ipv4Address, Ipv4Address)>, Option<Event>) {
        let mut out = Vec::new();
        let ev = c.transmit(now, |c, kind, to, ciaddr| {
            let mut buf = [0u8; REQUEST_LEN];
            assert_eq!(write_request(c, kind, ciaddr, &mut buf), REQUEST_LEN);
            // Our own request is not a reply.
            assert_eq!(parse(&buf, c.xid, &c.mac), None);
            out.push((kind, to, ciaddr));
            true
        });
        (out, ev)
    }

    fn client() -> Client {
        Client::new(SocketHandle::default(), MAC, 7)
    }

    #[test]
    fn a_full_reply_is_read() {
        let r = parse(&full(5, ACK), 5, &MAC).unwrap();
        assert_eq!(r.kind, ACK);
        assert_eq!(r.yiaddr, YOU);
        assert_eq!(r.prefix, Some(24));
        assert_eq!(r.router, Some(SERVER));
        assert_eq!(
            r.dns.as_slice(),
            [Ipv4Address::new(10, 0, 2, 3), Ipv4Address::new(1, 1, 1, 1)]
        );
        assert_eq!(r.lease, Some(3600));
        assert_eq!(r.server, Some(SERVER));
    }

    #[test]
    fn hostile_replies_are_refused_without_panic() {
        let good = full(5, ACK);
        assert_eq!(parse(&good, 6, &MAC), None, "another transaction");
        assert_eq!(parse(&good, 5, &[2, 0, 0, 0, 0, 8]), None, "another client");
        let mut op = good.clone();
        op[0] = 1;
        assert_eq!(parse(&op, 5, &MAC), None, "a request");
        let mut cookie = good.clone();
        cookie[239] = 0;
        assert_eq!(parse(&cookie, 5, &MAC), None);
        for mask in [[255, 0, 255, 0], [0, 0, 0, 0], [0, 255, 255, 255]] {
            assert_eq!(
                parse(&reply(5, ACK, &[(1, &mask)]), 5, &MAC),
                None,
                "{mask:?}"
            );
        }
        // Every truncation (short of the end option): refused (an option running past the
        // end) or read without the options cut off.
        for n in 0..good.len() - 1 {
            if let Some(r) = parse(&good[..n], 5, &MAC) {
                assert!(n >= 240);
                assert_ne!(r, parse(&good, 5, &MAC).unwrap());
            }
        }
        // An option claiming more bytes than there are.
        let mut long = reply(5, ACK, &[]);
        long.truncate(long.len() - 1);
        long.extend_from_slice(&[6, 200, 1, 2, 3, 4]);
        assert_eq!(parse(&long, 5, &MAC), None);
        // Many DNS servers: three kept.
        let r = parse(&reply(5, ACK, &[(6, &[9; 40])]), 5, &MAC).unwrap();
        assert_eq!(r.dns.len(), 3);
        // Random mutations.
        let mut x = 0x9e37_79b9u32;
        for _ in 0..100_000 {
            let mut t = good.clone();
            for _ in 0..3 {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                let i = x as usize % t.len();
                t[i] = (x >> 24) as u8;
            }
            t.truncate(240 + (x as usize >> 8) % (t.len() - 239));
            let _ = parse(&t, 5, &MAC);
        }
    }

    #[test]
    fn discover_offer_request_ack_then_renew_rebind_and_expiry() {
        let mut c = client();
        let (s, _) = sends(&mut c, at(0));
        assert_eq!(
            s,
            [(DISCOVER, Ipv4Address::BROADCAST, Ipv4Address::UNSPECIFIED)]
        );
        assert_eq!(c.poll_at(), at(4));
        assert!(sends(&mut c, at(3)).0.is_empty());
        assert_eq!(sends(&mut c, at(4)).0.len(), 1, "retransmitted");
        assert_eq!(c.poll_at(), at(12));
        // An OFFER without a server id, then one with an unusable address: ignored.
        let r = parse(&reply(c.xid, OFFER, &[]), c.xid, &MAC).unwrap();
        assert!(c.receive(&r, at(5)).is_none());
        assert_eq!(c.phase, Phase::Discover);
        let mut r = parse(&full(c.xid, OFFER), c.xid, &MAC).unwrap();
        r.yiaddr = Ipv4Address::BROADCAST;
        assert!(c.receive(&r, at(5)).is_none());
        assert_eq!(c.phase, Phase::Discover);
        let r = parse(&full(c.xid, OFFER), c.xid, &MAC).unwrap();
        assert!(c.receive(&r, at(5)).is_none());
        let (s, _) = sends(&mut c, at(5));
        assert_eq!(
            s,
            [(REQUEST, Ipv4Address::BROADCAST, Ipv4Address::UNSPECIFIED)]
        );
        // An ACK without a lease time is not a lease.
        let r = parse(&reply(c.xid, ACK, &[(1, &[255, 255, 255, 0])]), c.xid, &MAC).unwrap();
        assert!(c.receive(&r, at(6)).is_none());
        let r = parse(&full(c.xid, ACK), c.xid, &MAC).unwrap();
        let Some(Event::Configured(s)) = c.receive(&r, at(6)) else {
            panic!("no lease")
        };
        assert_eq!(s.address, Ipv4Cidr::new(YOU, 24));
        assert_eq!(s.router, Some(SERVER));
        // Bound until T1 (1800 s), then REQUEST to the server from the address.
        assert_eq!(c.poll_at(), at(6 + 1800));
        assert!(sends(&mut c, at(1805)).0.is_empty());
        assert_eq!(sends(&mut c, at(1806)).0, [(REQUEST, SERVER, YOU)]);
        assert_eq!(sends(&mut c, at(1816)).0, [(REQUEST, SERVER, YOU)]);
        // T2 (3150 s): broadcast.
        assert_eq!(
            sends(&mut c, at(6 + 3150)).0,
            [(REQUEST, Ipv4Address::BROADCAST, YOU)]
        );
        // Expiry: the lease goes, DISCOVER again with a new transaction.
        let xid = c.xid;
        let (_, ev) = sends(&mut c, at(6 + 3600));
        assert!(matches!(ev, Some(Event::Deconfigured)));
        assert_ne!(c.xid, xid);
        assert_eq!(sends(&mut c, at(6 + 3600)).0[0].0, DISCOVER);
    }

    #[test]
    fn a_nak_starts_over_and_silence_after_requests_too() {
        let mut c = client();
        sends(&mut c, at(0));
        let r = parse(&full(c.xid, OFFER), c.xid, &MAC).unwrap();
        c.receive(&r, at(1));
        for t in [1, 5, 9, 13] {
            assert_eq!(sends(&mut c, at(t)).0[0].0, REQUEST, "at {t}");
        }
        assert_eq!(
            sends(&mut c, at(17)).0[0].0,
            DISCOVER,
            "four REQUESTs unanswered"
        );
        let r = parse(&full(c.xid, OFFER), c.xid, &MAC).unwrap();
        c.receive(&r, at(18));
        let r = parse(&full(c.xid, ACK), c.xid, &MAC).unwrap();
        assert!(matches!(c.receive(&r, at(18)), Some(Event::Configured(_))));
        sends(&mut c, at(18 + 1800));
        let r = parse(&reply(c.xid, NAK, &[]), c.xid, &MAC).unwrap();
        assert!(matches!(c.receive(&r, at(1820)), Some(Event::Deconfigured)));
        assert_eq!(c.phase, Phase::Discover);
        // A lease of 1 s is taken as a minute.
        sends(&mut c, at(1820));
        let r = parse(&full(c.xid, OFFER), c.xid, &MAC).unwrap();
        c.receive(&r, at(1821));
        let r = parse(
            &reply(c.xid, ACK, &[(1, &[255, 255, 255, 0]), (51, &[0, 0, 0, 1])]),
            c.xid,
            &MAC,
        )
        .unwrap();
        assert!(c.receive(&r, at(1821)).is_some());
        assert_eq!(c.poll_at(), at(1821 + 30));
    }
}
