//! The DHCP client (lwIP's `dhcp_start`): smoltcp's DHCPv4 socket, its lease applied to the
//! interface.

use crate::config::Ipv4Settings;
use crate::Stack;
use smoltcp::phy::Device;
use smoltcp::socket::dhcpv4;

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

impl<D: Device> Stack<'_, D> {
    /// Where the DHCP client stands.
    pub fn dhcp_state(&self) -> DhcpState {
        match (self.dhcp, &self.ipv4) {
            (None, _) => DhcpState::Disabled,
            (Some(_), None) => DhcpState::Discovering,
            (Some(_), Some(_)) => DhcpState::Bound,
        }
    }

    /// The DHCP lease: address, router and DNS servers; `None` without a lease or with a
    /// static address.
    pub fn dhcp_lease(&self) -> Option<&Ipv4Settings> {
        self.dhcp.and(self.ipv4.as_ref())
    }

    /// Apply a lease gained, changed or lost since the last poll; `true` if there was one.
    pub(crate) fn poll_dhcp(&mut self) -> bool {
        let Some(handle) = self.dhcp else {
            return false;
        };
        let settings = match self.sockets.get_mut::<dhcpv4::Socket>(handle).poll() {
            None => return false,
            Some(dhcpv4::Event::Deconfigured) => None,
            Some(dhcpv4::Event::Configured(lease)) => {
                let mut s = Ipv4Settings::new(lease.address);
                s.router = lease.router;
                for server in lease.dns_servers.iter() {
                    s = s.with_dns_server(*server);
                }
                Some(s)
            }
        };
        self.apply_ipv4(settings);
        true
    }
}
