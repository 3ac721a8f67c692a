//! Host name resolution (lwIP's `dns_gethostbyname`), non-blocking: start a query, then
//! poll for its result.
//!
//! rawnet's own resolver, not smoltcp's DNS socket: one A query per name over a smoltcp UDP
//! socket, sent to the DNS servers of the IPv4 settings in turn (static ones, or the DHCP
//! lease's as it changes). The first wait for an answer is 1 s, doubling with each round
//! over the servers up to 4 s; a query fails after 10 s, at once when there is no server,
//! and as soon as every server has answered with an error (SERVFAIL, REFUSED, ...). A
//! reply counts only from a configured server's port 53, with the query's transaction id
//! and its question echoed; its CNAME chain is followed within the reply (see `wire`).
//! Each lookup on an idle resolver gets a new random source port, and each query a random
//! transaction id. Time-to-live values are ignored: nothing is cached.

mod resolver;
pub(crate) mod wire;

use crate::error::{DnsError, StackError};
use crate::{Instant, Stack};
use resolver::{Rng, Slot, State};
use smoltcp::iface::SocketHandle;
use smoltcp::phy::Device;
use smoltcp::socket::udp;
use smoltcp::wire::{IpAddress, IpEndpoint, Ipv4Address};

/// The largest reply accepted: RFC 1035's limit for DNS over UDP without EDNS (a server
/// truncates a longer answer to it). Longer datagrams are dropped by the socket.
pub const DNS_MAX_REPLY_LEN: usize = 512;

const DNS_PORT: u16 = 53;

/// The resolver's memory, given to [`Stack::enable_dns`]: `QUERIES` lookup slots (each
/// keeps its name, up to 255 bytes) and the buffers of its UDP socket (one query out, one
/// reply of up to [`DNS_MAX_REPLY_LEN`] bytes in).
pub struct DnsStorage<const QUERIES: usize> {
    slots: [Slot; QUERIES],
    rx_meta: [udp::PacketMetadata; 1],
    rx: [u8; DNS_MAX_REPLY_LEN],
    tx_meta: [udp::PacketMetadata; 1],
    tx: [u8; wire::MAX_QUERY_LEN],
}

impl<const QUERIES: usize> DnsStorage<QUERIES> {
    /// Empty storage (a `const fn`, so it can be a `static`).
    pub const fn new() -> Self {
        DnsStorage {
            slots: [Slot::EMPTY; QUERIES],
            rx_meta: [udp::PacketMetadata::EMPTY; 1],
            rx: [0; DNS_MAX_REPLY_LEN],
            tx_meta: [udp::PacketMetadata::EMPTY; 1],
            tx: [0; wire::MAX_QUERY_LEN],
        }
    }
}

impl<const QUERIES: usize> Default for DnsStorage<QUERIES> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const QUERIES: usize> core::fmt::Debug for DnsStorage<QUERIES> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DnsStorage")
            .field("queries", &QUERIES)
            .finish_non_exhaustive()
    }
}

/// The running resolver, kept in the stack.
pub(crate) struct Resolver<'a> {
    socket: SocketHandle,
    slots: &'a mut [Slot],
    rng: Rng,
}

/// A query started by [`Stack::dns_query`]; poll it with [`Stack::dns_result`].
///
/// Belongs to the stack that started it.
#[derive(Debug)]
pub struct DnsQueryHandle {
    index: usize,
    id: u16,
    taken: bool,
}

/// A random port in the dynamic range.
fn random_port(rng: &mut Rng) -> u16 {
    49152 | (rng.next() as u16 & 0x3fff)
}

impl<'a, D: Device> Stack<'a, D> {
    /// Start the resolver with room for `QUERIES` lookups at once. It takes one socket
    /// slot, and asks the DNS servers of [`ipv4_settings`](Self::ipv4_settings) (static, or
    /// from the DHCP lease as it changes).
    pub fn enable_dns<const QUERIES: usize>(
        &mut self,
        storage: &'a mut DnsStorage<QUERIES>,
    ) -> Result<(), StackError> {
        if self.dns.is_some() {
            return Err(StackError::AlreadyEnabled);
        }
        let DnsStorage {
            slots,
            rx_meta,
            rx,
            tx_meta,
            tx,
        } = storage;
        for slot in slots.iter_mut() {
            slot.state = State::Free;
        }
        let mut socket = udp::Socket::new(
            udp::PacketBuffer::new(&mut rx_meta[..], &mut rx[..]),
            udp::PacketBuffer::new(&mut tx_meta[..], &mut tx[..]),
        );
        let mut rng = Rng::new(self.seed);
        // Not port 0, not bound yet: cannot fail.
        let _ = socket.bind(random_port(&mut rng));
        let socket = self.add_socket(socket)?;
        self.dns = Some(Resolver { socket, slots, rng });
        Ok(())
    }

    /// Start looking up the IPv4 address of `name` (an A query). The query runs as the
    /// stack is polled; [`dns_result`](Self::dns_result) gives its outcome.
    pub fn dns_query(&mut self, name: &str) -> Result<DnsQueryHandle, DnsError> {
        let r = self.dns.as_mut().ok_or(DnsError::NotEnabled)?;
        let idle = !r.slots.iter().any(|s| s.state == State::Pending);
        let index = resolver::start(r.slots, name, &mut r.rng)?;
        if idle {
            // Nothing in flight: a new source port, so that an off-path attacker must
            // guess it as well as the transaction id.
            let socket = self.sockets.get_mut::<udp::Socket>(r.socket);
            socket.close();
            let _ = socket.bind(random_port(&mut r.rng));
        }
        Ok(DnsQueryHandle {
            index,
            id: r.slots[index].id,
            taken: false,
        })
    }

    /// The outcome of a query: `WouldBlock` while it runs, then the first address found or
    /// [`DnsError::Failed`]. The outcome is given once; the query's slot is then free again.
    pub fn dns_result(&mut self, query: &mut DnsQueryHandle) -> nb::Result<IpAddress, DnsError> {
        if query.taken {
            return Err(nb::Error::Other(DnsError::AlreadyTaken));
        }
        let r = self
            .dns
            .as_mut()
            .ok_or(nb::Error::Other(DnsError::NotEnabled))?;
        let outcome = resolver::result(r.slots, query.index, query.id);
        if !matches!(outcome, Err(nb::Error::WouldBlock)) {
            query.taken = true;
        }
        outcome.map(IpAddress::Ipv4)
    }

    /// Give up on a query whose result was not taken, freeing its slot.
    pub fn dns_cancel(&mut self, query: DnsQueryHandle) {
        if let (false, Some(r)) = (query.taken, self.dns.as_mut()) {
            resolver::cancel(r.slots, query.index, query.id);
        }
    }

    /// The configured DNS servers.
    fn dns_servers(ipv4: &Option<crate::Ipv4Settings>) -> &[Ipv4Address] {
        ipv4.as_ref().map_or(&[], |s| s.dns_servers.as_slice())
    }

    /// Apply the replies received, then queue the queries that are due and fail those that
    /// timed out; whether anything changed.
    pub(crate) fn poll_dns(&mut self, now: Instant) -> bool {
        let Some(r) = self.dns.as_mut() else {
            return false;
        };
        let servers = Self::dns_servers(&self.ipv4);
        let socket = self.sockets.get_mut::<udp::Socket>(r.socket);
        let mut changed = false;
        while let Ok((msg, meta)) = socket.recv() {
            #[allow(unreachable_patterns)]
            let from = match meta.endpoint.addr {
                IpAddress::Ipv4(a) if meta.endpoint.port == DNS_PORT => a,
                _ => continue,
            };
            changed |= resolver::receive(r.slots, servers, from, msg, now);
        }
        changed
            | resolver::transmit(r.slots, servers, now, |server, slot| {
                let qname = slot.qname();
                let to = IpEndpoint::new(IpAddress::Ipv4(server), DNS_PORT);
                socket
                    .send_with(wire::HEADER_LEN + qname.len() + 4, to, |buf| {
                        wire::write_query(slot.id, qname, buf)
                    })
                    .is_ok()
            })
    }

    /// When a query is next due to be sent or to time out.
    pub(crate) fn dns_poll_at(&self) -> Option<Instant> {
        self.dns.as_ref().and_then(|r| resolver::poll_at(r.slots))
    }
}

/// The reply parser, for the fuzz target (`fuzz/`): `msg` read as the reply to an A query
/// for `name` with the id `msg` carries. Not a stable API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub fn fuzz_reply(msg: &[u8], name: &str) -> Option<Option<Ipv4Address>> {
    let mut qname = [0; wire::MAX_NAME_LEN];
    let len = wire::encode_name(name, &mut qname).ok()?;
    match wire::parse_reply(msg, wire::reply_id(msg)?, &qname[..len]).ok()? {
        wire::Reply::Address(a) => Some(Some(a)),
        _ => Some(None),
    }
}
