//! The [`Stack`]: smoltcp's interface and socket set, polled from the superloop.

use crate::config::{Config, Ipv4Config, Ipv4Settings};
use crate::error::StackError;
use crate::time::{from_smol, to_smol};
use crate::TcpTimers;
use crate::{Duration, Instant};
use smoltcp::iface::{self, Interface, PollResult, SocketHandle, SocketSet, SocketStorage};
use smoltcp::phy::Device;
use smoltcp::socket::AnySocket;
use smoltcp::wire::{EthernetAddress, HardwareAddress, IpCidr, Ipv4Address};

/// How many received bytes one [`Callbacks::recv`](crate::Callbacks::recv) call is offered
/// at most (the size of the stack's receive staging buffer).
pub const RECV_CHUNK: usize = 1024;

/// The network stack: one Ethernet interface, its IPv4 configuration (static or DHCP), an
/// optional DNS resolver and TCP sockets in caller-provided slots (lwIP's `netif` plus the
/// TCP/DHCP/DNS modules, `NO_SYS=1`).
///
/// Method groups, in the order a superloop uses them:
///
/// - **setup**: [`new`](Self::new), `enable_dhcp` (feature `dhcpv4`),
///   `enable_dns` (feature `dns`),
///   [`tcp_socket`](Self::tcp_socket);
/// - **inputs**: [`poll`](Self::poll) with the current time (lwIP's `ethernet_input` for
///   every waiting frame, then `sys_check_timeouts`);
/// - **per connection**: [`connect`](Self::connect) / [`listen`](Self::listen), then
///   [`drive`](Self::drive) after every `poll` (this fires the
///   [`Callbacks`](crate::Callbacks)), and [`connection`](Self::connection) to act on a
///   connection outside a callback;
/// - **when to call again**: [`poll_at`](Self::poll_at) / [`poll_delay`](Self::poll_delay)
///   for the interface and [`TcpHandle::poll_at`](crate::TcpHandle::poll_at) for each
///   connection's timers;
/// - **getters**: [`ipv4_settings`](Self::ipv4_settings), [`dhcp_state`](Self::dhcp_state),
///   [`device`](Self::device), [`interface`](Self::interface).
///
/// `D` is any [`smoltcp::phy::Device`]: a [`rawnet_eth::SmoltcpDevice`] over a MAC driver,
/// or one wrapped in smoltcp's `FaultInjector` or `Tracer`.
pub struct Stack<'a, D: Device> {
    pub(crate) device: D,
    pub(crate) iface: Interface,
    pub(crate) sockets: SocketSet<'a>,
    slots: usize,
    /// The configuration asks for DHCP.
    #[cfg(feature = "dhcpv4")]
    pub(crate) dhcp_wanted: bool,
    #[cfg(feature = "dhcpv4")]
    pub(crate) dhcp: Option<crate::dhcp::Client>,
    #[cfg(feature = "dns")]
    pub(crate) dns: Option<crate::dns::Resolver<'a>>,
    /// Seeds the resolver's and the DHCP client's ports and transaction ids.
    #[cfg(any(feature = "dns", feature = "dhcpv4"))]
    pub(crate) seed: u64,
    pub(crate) ipv4: Option<Ipv4Settings>,
    next_port: u16,
    pub(crate) timers: TcpTimers,
    pub(crate) scratch: [u8; RECV_CHUNK],
}

/// The earlier of two optional instants.
#[cfg(any(feature = "dns", feature = "dhcpv4"))]
fn earliest(a: Option<Instant>, b: Option<Instant>) -> Option<Instant> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

const EPHEMERAL_FIRST: u16 = 49152;
const EPHEMERAL_COUNT: u16 = 16384;

impl<'a, D: Device> Stack<'a, D> {
    /// Bring up the interface on `device` with `config`; sockets live in `sockets` (one slot
    /// per TCP connection or listener, one for the DHCP client, one for DNS).
    ///
    /// With [`Config::new_dhcp`](crate::Config::new_dhcp), the DHCP client starts with
    /// [`enable_dhcp`](Self::enable_dhcp). (Infallible today; the `Result` is kept for
    /// configurations that need a slot at once.)
    pub fn new(
        mut device: D,
        config: Config,
        sockets: &'a mut [SocketStorage<'a>],
        now: Instant,
    ) -> Result<Self, StackError> {
        let hw = HardwareAddress::Ethernet(EthernetAddress(config.mac));
        let mut iface_config = iface::Config::new(hw);
        iface_config.random_seed = config.random_seed;
        let iface = Interface::new(iface_config, &mut device, to_smol(now));
        let slots = sockets.len();
        let mut stack = Stack {
            device,
            iface,
            sockets: SocketSet::new(sockets),
            slots,
            #[cfg(feature = "dhcpv4")]
            dhcp_wanted: false,
            #[cfg(feature = "dhcpv4")]
            dhcp: None,
            #[cfg(feature = "dns")]
            dns: None,
            #[cfg(any(feature = "dns", feature = "dhcpv4"))]
            seed: config.random_seed,
            ipv4: None,
            next_port: EPHEMERAL_FIRST + (config.random_seed % u64::from(EPHEMERAL_COUNT)) as u16,
            timers: config.tcp,
            scratch: [0; RECV_CHUNK],
        };
        match config.ipv4 {
            Ipv4Config::Static(settings) => stack.apply_ipv4(Some(settings)),
            #[cfg(feature = "dhcpv4")]
            Ipv4Config::Dhcp => stack.dhcp_wanted = true,
        }
        Ok(stack)
    }

    /// Process every waiting frame, run the timers and send what is due (lwIP's
    /// `ethernet_input` + `sys_check_timeouts` + `tcp_output`). Call it from the superloop,
    /// then [`drive`](Self::drive) each connection.
    ///
    /// Returns whether anything happened (a frame went in or out, a socket or the DHCP lease
    /// changed); `false` means the stack is idle until [`poll_at`](Self::poll_at).
    pub fn poll(&mut self, now: Instant) -> bool {
        let at = to_smol(now);
        let mut busy = self.iface.poll(at, &mut self.device, &mut self.sockets) != PollResult::None;
        #[allow(unused_mut)]
        let mut again = false;
        #[cfg(feature = "dhcpv4")]
        {
            again |= self.poll_dhcp(now);
        }
        #[cfg(feature = "dns")]
        {
            again |= self.poll_dns(now);
        }
        if again {
            busy = true;
            // Send at once what changed (after a new lease: ARP for the gateway, queued
            // SYNs; DNS queries due).
            self.iface.poll(at, &mut self.device, &mut self.sockets);
        }
        busy
    }

    /// When [`poll`](Self::poll) is next due for the interface's own timers (retransmissions,
    /// delayed ACKs, DHCP renewals, DNS retries); `None` when only a received frame can
    /// change anything. Connections' callback timers are given by
    /// [`TcpHandle::poll_at`](crate::TcpHandle::poll_at).
    pub fn poll_at(&mut self, now: Instant) -> Option<Instant> {
        let at = self
            .iface
            .poll_at(to_smol(now), &self.sockets)
            .map(from_smol);
        #[cfg(feature = "dhcpv4")]
        let at = earliest(at, self.dhcp_poll_at());
        #[cfg(feature = "dns")]
        let at = earliest(at, self.dns_poll_at());
        at.map(|at| at.max(now))
    }

    /// How long until [`poll`](Self::poll) is due (zero: now); `None` as in
    /// [`poll_at`](Self::poll_at).
    pub fn poll_delay(&mut self, now: Instant) -> Option<Duration> {
        self.poll_at(now).map(|at| crate::time::since(at, now))
    }

    /// The IPv4 settings in use: the static ones, or the current DHCP lease; `None` while
    /// DHCP has no lease.
    pub fn ipv4_settings(&self) -> Option<&Ipv4Settings> {
        self.ipv4.as_ref()
    }

    /// The interface's IPv4 address, if it has one.
    pub fn ipv4_address(&self) -> Option<Ipv4Address> {
        self.iface.ipv4_addr()
    }

    /// The timers given to TCP handles created from now on.
    pub fn tcp_timers(&self) -> TcpTimers {
        self.timers
    }

    /// Change the timers given to TCP handles created from now on.
    pub fn set_tcp_timers(&mut self, timers: TcpTimers) {
        self.timers = timers;
    }

    /// The device (to read a driver's link state, say).
    pub fn device(&self) -> &D {
        &self.device
    }

    /// The device, mutably.
    pub fn device_mut(&mut self) -> &mut D {
        &mut self.device
    }

    /// The smoltcp interface, for what this API does not cover.
    pub fn interface(&self) -> &Interface {
        &self.iface
    }

    /// The smoltcp interface, mutably. Changing addresses here bypasses
    /// [`ipv4_settings`](Self::ipv4_settings).
    pub fn interface_mut(&mut self) -> &mut Interface {
        &mut self.iface
    }

    /// Free socket slots.
    pub fn free_slots(&self) -> usize {
        self.slots - self.sockets.iter().count()
    }

    /// Put another smoltcp socket (UDP for NTP or a test server, say) into a free slot; it is
    /// polled with the rest. smoltcp's own `SocketSet::add` panics when full, this fails with
    /// [`StackError::NoFreeSocket`].
    pub fn add_socket<T: AnySocket<'a>>(&mut self, socket: T) -> Result<SocketHandle, StackError> {
        if self.free_slots() == 0 {
            return Err(StackError::NoFreeSocket);
        }
        Ok(self.sockets.add(socket))
    }

    /// A socket added with [`add_socket`](Self::add_socket).
    ///
    /// # Panics
    /// If `handle` is not a socket of this stack of type `T` (smoltcp's rule).
    pub fn socket_mut<T: AnySocket<'a>>(&mut self, handle: SocketHandle) -> &mut T {
        self.sockets.get_mut(handle)
    }

    /// The next ephemeral port not used by a TCP socket of this stack.
    pub(crate) fn ephemeral_port(&mut self) -> u16 {
        loop {
            let port = self.next_port;
            self.next_port = if port == u16::MAX {
                EPHEMERAL_FIRST
            } else {
                port + 1
            };
            let in_use = self.sockets.iter().any(|(_, s)| {
                smoltcp::socket::tcp::Socket::downcast(s)
                    .and_then(|t| t.local_endpoint())
                    .is_some_and(|ep| ep.port == port)
            });
            if !in_use {
                return port;
            }
        }
    }

    /// Install IPv4 settings on the interface (or remove them); the resolver reads their DNS
    /// servers from here.
    pub(crate) fn apply_ipv4(&mut self, settings: Option<Ipv4Settings>) {
        self.iface.update_ip_addrs(|addrs| {
            addrs.clear();
            if let Some(s) = &settings {
                // The address list has room for at least one entry.
                let _ = addrs.push(IpCidr::Ipv4(s.address));
            }
        });
        match settings.as_ref().and_then(|s| s.router) {
            Some(router) => {
                // One default route replaces the other: the table cannot be full.
                let _ = self.iface.routes_mut().add_default_ipv4_route(router);
            }
            None => {
                self.iface.routes_mut().remove_default_ipv4_route();
            }
        }
        self.ipv4 = settings;
    }
}

impl<D: Device> core::fmt::Debug for Stack<'_, D> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut s = f.debug_struct("Stack");
        s.field("ipv4", &self.ipv4).field("slots", &self.slots);
        #[cfg(feature = "dhcpv4")]
        s.field("dhcp", &self.dhcp_wanted);
        #[cfg(feature = "dns")]
        s.field("dns", &self.dns.is_some());
        s.finish_non_exhaustive()
    }
}
