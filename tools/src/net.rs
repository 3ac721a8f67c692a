//! The TCP connection to the broker: the host's own (`--stack host`, the default), or the
//! whole embedded stack in the process (`--stack slirp`: rawnet-eth's libslirp driver with
//! one forward, to the broker's address only; `--stack tap --tap-if NAME`: a TAP interface
//! of a network that hands out addresses by DHCP).

#[cfg(feature = "slirp")]
use std::net::SocketAddrV4;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs};
use std::time::{Duration as StdDuration, Instant as StdInstant};

use rawnet_altcp::{Clock, StdClock};
use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use rawnet_tcp::host::HostTcp;
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::smoltcp::wire::IpAddress;

use rawnet_tcp::{Config as StackConfig, DhcpState, Stack, TcpError, TcpTimers};

use crate::exit::{self, Failure};
use crate::link::StackNet;

/// The broker's addresses (`-h` resolved by the host, like mosquitto does).
pub fn resolve(host: &str, port: u16) -> Result<Vec<SocketAddr>, Failure> {
    let addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| {
            Failure::new(
                exit::LOOKUP,
                format!("Error: cannot resolve the broker's name '{host}': {e}."),
            )
        })?
        .collect();
    if addrs.is_empty() {
        return Err(Failure::new(
            exit::LOOKUP,
            format!("Error: the broker's name '{host}' has no address."),
        ));
    }
    Ok(addrs)
}

fn connect_failure(addr: SocketAddr, e: TcpError) -> Failure {
    let what = match e {
        TcpError::Refused => "connection refused (nothing listens there)",
        TcpError::TimedOut => "no answer (connect timed out)",
        TcpError::Unreachable => "network or host unreachable",
        _ => "connection failed",
    };
    Failure::new(
        exit::ERRNO,
        format!("Error: cannot connect to the broker at {addr}: {what}."),
    )
}

/// `--stack host`: the host kernel's TCP, tried on each address in turn.
pub fn host(addrs: &[SocketAddr], nodelay: bool) -> Result<HostTcp, Failure> {
    let timers = TcpTimers {
        connect_timeout: rawnet_altcp::Duration::from_secs(10),
        ..TcpTimers::default()
    };
    let mut last = None;
    for &addr in addrs {
        match HostTcp::connect(addr, timers) {
            Ok(tcp) => {
                let mut tcp = tcp.with_send_buffer(64 * 1024);
                if nodelay {
                    use rawnet_altcp::Connection;
                    tcp.connection().set_nodelay(true);
                }
                return Ok(tcp);
            }
            Err(e) => last = Some(connect_failure(addr, e)),
        }
    }
    Err(last.unwrap_or_else(|| Failure::new(exit::ERRNO, "Error: no address to connect to.")))
}

fn leak(n: usize) -> &'static mut [u8] {
    Box::leak(vec![0u8; n].into_boxed_slice())
}

fn slots(n: usize) -> &'static mut [SocketStorage<'static>] {
    Box::leak((0..n).map(|_| SocketStorage::EMPTY).collect())
}

/// A random seed for the stack (sequence numbers, ports).
fn seed() -> u64 {
    let mut b = [0u8; 8];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut b);
    u64::from_le_bytes(b)
}

/// A DHCP stack on `driver`, with a lease; `debug` prints it.
fn dhcp_stack<D: EthernetDriver>(
    driver: D,
    clock: &mut StdClock,
    debug: bool,
) -> Result<Stack<'static, SmoltcpDevice<D>>, Failure> {
    let config = StackConfig::new_dhcp(driver.mac_address(), seed());
    let mut stack = Stack::new(SmoltcpDevice::new(driver), config, slots(4), clock.now())
        .map_err(|e| Failure::new(exit::ERRNO, format!("Error: cannot start the stack: {e}.")))?;
    stack
        .enable_dhcp(Box::leak(Box::new(rawnet_tcp::DhcpStorage::new())))
        .map_err(|e| Failure::new(exit::ERRNO, format!("Error: cannot start DHCP: {e}.")))?;
    let until = StdInstant::now() + StdDuration::from_secs(10);
    while stack.dhcp_state() != DhcpState::Bound {
        if StdInstant::now() > until {
            return Err(Failure::new(
                exit::ERRNO,
                "Error: the embedded stack got no DHCP lease within 10 s.",
            ));
        }
        if !stack.poll(clock.now()) {
            std::thread::sleep(StdDuration::from_millis(1));
        }
    }
    if debug {
        if let Some(s) = stack.ipv4_settings() {
            eprintln!("rawnet: DHCP lease {} (router {:?})", s.address, s.router);
        }
    }
    Ok(stack)
}

/// Open the connection to `ip:port` on `stack` and wait for nothing: the handshake
/// completes in the loop (`connected`), or fails there.
fn open<D: EthernetDriver>(
    mut stack: Stack<'static, SmoltcpDevice<D>>,
    ip: Ipv4Addr,
    port: u16,
    clock: &mut StdClock,
) -> Result<StackNet<'static, D>, Failure> {
    let mut handle = stack
        .tcp_socket(leak(64 * 1024), leak(64 * 1024))
        .map_err(|e| Failure::new(exit::ERRNO, format!("Error: no socket: {e}.")))?;
    stack
        .connect(&mut handle, IpAddress::Ipv4(ip), port, clock.now())
        .map_err(|e| Failure::new(exit::ERRNO, format!("Error: cannot connect: {e}.")))?;
    Ok(StackNet { stack, handle })
}

/// The broker's address inside slirp's network (QEMU's customary guestfwd address).
pub const SLIRP_BROKER: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 100);

/// `--stack slirp`: the embedded stack behind restricted libslirp, whose only way out is
/// the forward from `10.0.2.100:port` to the broker's address.
#[cfg(feature = "slirp")]
pub fn slirp(
    addrs: &[SocketAddr],
    clock: &mut StdClock,
    debug: bool,
) -> Result<StackNet<'static, rawnet_eth::host::SlirpDevice>, Failure> {
    use rawnet_eth::host::{SlirpConfig, SlirpDevice};
    let broker = addrs
        .iter()
        .find_map(|a| match a {
            SocketAddr::V4(v4) => Some(*v4),
            SocketAddr::V6(_) => None,
        })
        .ok_or_else(|| {
            Failure::new(
                exit::ERRNO,
                "Error: --stack slirp reaches IPv4 brokers only, and the broker's name has no IPv4 address.",
            )
        })?;
    let mut dev = SlirpDevice::new(SlirpConfig::default())
        .map_err(|e| Failure::new(exit::ERRNO, format!("Error: cannot start libslirp: {e}.")))?;
    let guest = SocketAddrV4::new(SLIRP_BROKER, broker.port());
    dev.forward_to(guest, broker)
        .map_err(|e| Failure::new(exit::ERRNO, format!("Error: cannot add the forward: {e}.")))?;
    if debug {
        eprintln!("rawnet: slirp forwards {guest} to {broker}, and nothing else");
    }
    let stack = dhcp_stack(dev, clock, debug)?;
    open(stack, SLIRP_BROKER, broker.port(), clock)
}

/// Why the forward failed, when libslirp never reached the broker (nothing listens there):
/// the stack itself only saw a reset.
#[cfg(feature = "slirp")]
pub fn slirp_diagnosis(
    net: &StackNet<'static, rawnet_eth::host::SlirpDevice>,
    broker: SocketAddr,
) -> Option<Failure> {
    let port = broker.port();
    let dev = net.stack.device().driver();
    let guest = SocketAddrV4::new(SLIRP_BROKER, port);
    (dev.connections_opened(guest) == 0 && dev.connections_reset(guest) > 0).then(|| {
        Failure::new(
            exit::ERRNO,
            format!("Error: cannot connect to the broker at {broker} (libslirp's connection to it failed: connection refused or unreachable)."),
        )
    })
}

/// `--stack slirp` without the feature.
#[cfg(not(feature = "slirp"))]
pub fn slirp_diagnosis(
    _: &StackNet<'static, rawnet_eth::host::TapDevice>,
    _: SocketAddr,
) -> Option<Failure> {
    None
}

/// `--stack slirp` without the feature.
#[cfg(not(feature = "slirp"))]
pub fn slirp(
    _: &[SocketAddr],
    _: &mut StdClock,
    _: bool,
) -> Result<StackNet<'static, rawnet_eth::host::TapDevice>, Failure> {
    Err(Failure::usage(
        "Error: this build has no --stack slirp (built without the `slirp` feature).",
    ))
}

/// `--stack tap --tap-if NAME`: the embedded stack on a TAP interface (root); the address
/// and the DNS servers come from DHCP, and the stack resolves the broker's name itself.
pub fn tap(
    name: &str,
    host: &str,
    port: u16,
    clock: &mut StdClock,
    debug: bool,
) -> Result<StackNet<'static, rawnet_eth::host::TapDevice>, Failure> {
    let dev = rawnet_eth::host::TapDevice::open(name).map_err(|e| {
        Failure::new(
            exit::ERRNO,
            format!("Error: cannot open the TAP interface {name}: {e} (it needs root, or CAP_NET_ADMIN)."),
        )
    })?;
    let mut stack = dhcp_stack(dev, clock, debug)?;
    let ip = match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip,
        Ok(IpAddr::V6(_)) => {
            return Err(Failure::new(
                exit::ERRNO,
                "Error: the embedded stack is IPv4 only.",
            ))
        }
        Err(_) => resolve_on_stack(&mut stack, host, clock)?,
    };
    if debug {
        eprintln!("rawnet: connecting to {ip}:{port} from the embedded stack");
    }
    open(stack, ip, port, clock)
}

/// A name resolved by the embedded stack's DNS client, with the servers of the lease.
fn resolve_on_stack<D: EthernetDriver>(
    stack: &mut Stack<'static, SmoltcpDevice<D>>,
    host: &str,
    clock: &mut StdClock,
) -> Result<Ipv4Addr, Failure> {
    let lookup = |e: rawnet_tcp::DnsError| {
        Failure::new(
            exit::LOOKUP,
            format!("Error: cannot resolve '{host}' on the embedded stack: {e}."),
        )
    };
    let slots = Box::leak(Box::new(rawnet_tcp::DnsStorage::<1>::new()));
    stack
        .enable_dns(slots)
        .map_err(|e| Failure::new(exit::LOOKUP, format!("Error: DNS: {e}.")))?;
    let mut query = stack.dns_query(host).map_err(lookup)?;
    let until = StdInstant::now() + StdDuration::from_secs(10);
    loop {
        stack.poll(clock.now());
        match stack.dns_result(&mut query) {
            Ok(IpAddress::Ipv4(v4)) => return Ok(v4),
            Err(nb::Error::WouldBlock) if StdInstant::now() < until => {
                std::thread::sleep(StdDuration::from_millis(1))
            }
            Err(nb::Error::WouldBlock) => return Err(lookup(rawnet_tcp::DnsError::Failed)),
            Err(nb::Error::Other(e)) => return Err(lookup(e)),
        }
    }
}
