//! How a [`Stack`](crate::Stack) is set up: station address, IPv4 settings, TCP timers.

use crate::TcpTimers;
use smoltcp::wire::{Ipv4Address, Ipv4Cidr};

/// How many DNS servers an [`Ipv4Settings`] carries (smoltcp's DHCP client keeps three).
pub const MAX_DNS_SERVERS: usize = 3;

/// IPv4 settings of the interface: static ones, or the ones a DHCP lease brought
/// (lwIP's `netif_set_addr` + `dns_setserver`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ipv4Settings {
    /// The interface address and prefix length, e.g. `10.0.2.15/24`.
    pub address: Ipv4Cidr,
    /// The default gateway, if any.
    pub router: Option<Ipv4Address>,
    /// DNS servers, in order of preference.
    pub dns_servers: heapless::Vec<Ipv4Address, MAX_DNS_SERVERS>,
}

impl Ipv4Settings {
    /// Settings with an address only: no gateway, no DNS server.
    pub fn new(address: Ipv4Cidr) -> Self {
        Ipv4Settings {
            address,
            router: None,
            dns_servers: heapless::Vec::new(),
        }
    }

    /// The same settings with a default gateway.
    pub fn with_router(mut self, router: Ipv4Address) -> Self {
        self.router = Some(router);
        self
    }

    /// The same settings with one more DNS server (ignored when [`MAX_DNS_SERVERS`] are
    /// already set).
    pub fn with_dns_server(mut self, server: Ipv4Address) -> Self {
        let _ = self.dns_servers.push(server);
        self
    }
}

/// Where the interface's IPv4 address comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ipv4Config {
    /// A fixed address (lwIP's `netif_add` with an address).
    Static(Ipv4Settings),
    /// A DHCP lease (lwIP's `dhcp_start`). The client starts with
    /// [`Stack::enable_dhcp`](crate::Stack::enable_dhcp), which takes one socket slot and
    /// the socket's buffers.
    #[cfg(feature = "dhcpv4")]
    Dhcp,
}

/// Everything a [`Stack`](crate::Stack) needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The station's MAC address (the driver's [`mac_address`](rawnet_eth::EthernetDriver::mac_address)).
    pub mac: [u8; 6],
    /// Static IPv4 settings or DHCP.
    pub ipv4: Ipv4Config,
    /// Seed for initial sequence numbers, ephemeral ports and DNS transaction ids. Give
    /// each boot a different one (from the hardware RNG): predictable sequence numbers let
    /// an attacker inject segments.
    pub random_seed: u64,
    /// Timers given to every new TCP handle (each handle can change its own).
    pub tcp: TcpTimers,
}

impl Config {
    /// A configuration with a static address and default timers.
    pub fn new_static(mac: [u8; 6], settings: Ipv4Settings, random_seed: u64) -> Self {
        Config {
            mac,
            ipv4: Ipv4Config::Static(settings),
            random_seed,
            tcp: TcpTimers::default(),
        }
    }

    /// A configuration that asks DHCP for an address, with default timers.
    #[cfg(feature = "dhcpv4")]
    pub fn new_dhcp(mac: [u8; 6], random_seed: u64) -> Self {
        Config {
            mac,
            ipv4: Ipv4Config::Dhcp,
            random_seed,
            tcp: TcpTimers::default(),
        }
    }
}
