//! Host name resolution (lwIP's `dns_gethostbyname`), non-blocking: start a query, then
//! poll for its result.

use crate::error::{DnsError, StackError};
use crate::Stack;
use smoltcp::phy::Device;
use smoltcp::socket::dns::{self, GetQueryResultError, StartQueryError};
use smoltcp::wire::{DnsQueryType, IpAddress};

pub use smoltcp::socket::dns::DnsQuery;

/// A query started by [`Stack::dns_query`]; poll it with [`Stack::dns_result`].
///
/// Belongs to the stack that started it.
pub struct DnsQueryHandle {
    query: dns::QueryHandle,
    taken: bool,
}

impl core::fmt::Debug for DnsQueryHandle {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DnsQueryHandle")
            .field("taken", &self.taken)
            .finish_non_exhaustive()
    }
}

impl<'a, D: Device> Stack<'a, D> {
    /// Start the resolver with room for `queries.len()` lookups at once. It takes one socket
    /// slot, and asks the DNS servers of [`ipv4_settings`](Self::ipv4_settings) (static, or
    /// from the DHCP lease as it changes).
    pub fn enable_dns(&mut self, queries: &'a mut [Option<DnsQuery>]) -> Result<(), StackError> {
        if self.dns.is_some() {
            return Err(StackError::AlreadyEnabled);
        }
        let handle = self.add_socket(dns::Socket::new(&[], queries))?;
        self.dns = Some(handle);
        self.update_dns_servers();
        Ok(())
    }

    /// Start looking up the IPv4 address of `name` (an A query). The query runs as the
    /// stack is polled; [`dns_result`](Self::dns_result) gives its outcome.
    pub fn dns_query(&mut self, name: &str) -> Result<DnsQueryHandle, DnsError> {
        let handle = self.dns.ok_or(DnsError::NotEnabled)?;
        let socket = self.sockets.get_mut::<dns::Socket>(handle);
        let query = socket
            .start_query(self.iface.context(), name, DnsQueryType::A)
            .map_err(|e| match e {
                StartQueryError::NoFreeSlot => DnsError::NoFreeSlot,
                StartQueryError::InvalidName => DnsError::InvalidName,
                StartQueryError::NameTooLong => DnsError::NameTooLong,
            })?;
        Ok(DnsQueryHandle {
            query,
            taken: false,
        })
    }

    /// The outcome of a query: `WouldBlock` while it runs, then the first address found or
    /// [`DnsError::Failed`]. The outcome is given once; the query's slot is then free again.
    pub fn dns_result(&mut self, query: &mut DnsQueryHandle) -> nb::Result<IpAddress, DnsError> {
        if query.taken {
            return Err(nb::Error::Other(DnsError::AlreadyTaken));
        }
        let handle = self.dns.ok_or(nb::Error::Other(DnsError::NotEnabled))?;
        let socket = self.sockets.get_mut::<dns::Socket>(handle);
        match socket.get_query_result(query.query) {
            Err(GetQueryResultError::Pending) => Err(nb::Error::WouldBlock),
            Err(GetQueryResultError::Failed) => {
                query.taken = true;
                Err(nb::Error::Other(DnsError::Failed))
            }
            Ok(addresses) => {
                query.taken = true;
                addresses
                    .first()
                    .copied()
                    .ok_or(nb::Error::Other(DnsError::Failed))
            }
        }
    }

    /// Give up on a query whose result was not taken, freeing its slot.
    pub fn dns_cancel(&mut self, query: DnsQueryHandle) {
        if let (false, Some(handle)) = (query.taken, self.dns) {
            self.sockets
                .get_mut::<dns::Socket>(handle)
                .cancel_query(query.query);
        }
    }

    /// Hand the configured DNS servers to the resolver.
    pub(crate) fn update_dns_servers(&mut self) {
        let Some(handle) = self.dns else { return };
        let mut servers: heapless::Vec<IpAddress, { crate::config::MAX_DNS_SERVERS }> =
            heapless::Vec::new();
        if let Some(settings) = &self.ipv4 {
            for s in settings.dns_servers.iter() {
                let _ = servers.push(IpAddress::Ipv4(*s));
            }
        }
        self.sockets
            .get_mut::<dns::Socket>(handle)
            .update_servers(&servers);
    }
}
