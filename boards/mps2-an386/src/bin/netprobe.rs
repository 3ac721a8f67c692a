//! What QEMU's user network lets the guest do: a probe to run by hand with different
//! `-netdev user` options (README.md, "Network findings"). Logs each outcome, exits 0.
//!
//! 1. DHCP: the lease, with the router and DNS servers it offers.
//! 2. DNS: an A query for `broker.rawnet.test` to each of `10.0.2.3` (slirp's DNS address)
//!    and the lease's DNS servers, 4 s each.
//! 3. TCP to `10.0.2.3:53`, and to `10.0.2.2:PORT` when `-append port=PORT` names a port
//!    something listens on at the host's 127.0.0.1 (unrestricted slirp maps `10.0.2.2` to the
//!    host's loopback).
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use mps2_an386::{exit, println, semihosting, Board, Clock};
use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::smoltcp::phy::Device;
use rawnet_tcp::smoltcp::wire::{Ipv4Address, Ipv4Cidr};
use rawnet_tcp::{
    Callbacks, Config, Connection, DhcpState, DhcpStorage, DnsStorage, Duration, Instant,
    Ipv4Settings, Stack, TcpError,
};

const SLIRP_DNS: Ipv4Address = Ipv4Address::new(10, 0, 2, 3);
const SLIRP_HOST: Ipv4Address = Ipv4Address::new(10, 0, 2, 2);

/// Records how a connection attempt ended.
#[derive(Default)]
struct Outcome {
    connected: bool,
    failed: Option<TcpError>,
}

impl<C: Connection<Error = TcpError>> Callbacks<C> for Outcome {
    fn connected(&mut self, conn: &mut C, _now: Instant) {
        self.connected = true;
        conn.abort();
    }
    fn recv(&mut self, _conn: &mut C, data: &[u8], _now: Instant) -> usize {
        data.len()
    }
    fn err(&mut self, err: TcpError, _now: Instant) {
        self.failed = Some(err);
    }
}

fn poll_for<D: Device>(stack: &mut Stack<'_, D>, clock: Clock, d: Duration) {
    let end = clock.now() + d;
    while clock.now() < end {
        stack.poll(clock.now());
    }
}

fn resolve<D: Device>(stack: &mut Stack<'_, D>, clock: Clock, server: Ipv4Address) {
    let name = "broker.rawnet.test";
    let Ok(mut q) = stack.dns_query(name) else {
        println!("dns: cannot start a query");
        return;
    };
    let end = clock.now() + Duration::from_secs(4);
    loop {
        stack.poll(clock.now());
        match stack.dns_result(&mut q) {
            Ok(addr) => return println!("dns via {server}: {name} -> {addr}"),
            Err(nb::Error::Other(e)) => return println!("dns via {server}: {name}: {e}"),
            Err(nb::Error::WouldBlock) if clock.now() > end => {
                stack.dns_cancel(q);
                return println!("dns via {server}: {name}: no answer in 4 s");
            }
            Err(nb::Error::WouldBlock) => {}
        }
    }
}

/// A connection attempt from a fresh stack at `address`.
fn try_tcp(eth: &mut mps2_an386::Eth, clock: Clock, address: Ipv4Cidr, to: (Ipv4Address, u16)) {
    let (addr, port) = to;
    let mut sockets = [SocketStorage::EMPTY; 1];
    let (mut rx, mut tx) = ([0u8; 512], [0u8; 512]);
    let mac = eth.mac_address();
    let config = Config::new_static(mac, Ipv4Settings::new(address), clock.ticks());
    let Ok(mut stack) = Stack::new(SmoltcpDevice::new(eth), config, &mut sockets, clock.now())
    else {
        exit(1)
    };
    let mut conn = match stack.tcp_socket(&mut rx, &mut tx) {
        Ok(c) => c,
        Err(e) => return println!("tcp {addr}:{port}: no socket ({e:?})"),
    };
    let _ = stack.connect(&mut conn, addr, port, clock.now());
    let mut out = Outcome::default();
    let end = clock.now() + Duration::from_secs(3);
    while !out.connected && out.failed.is_none() && clock.now() < end {
        stack.poll(clock.now());
        stack.drive(&mut conn, &mut out, clock.now());
    }
    match (out.connected, out.failed) {
        (true, _) => println!("tcp {addr}:{port}: connected"),
        (false, Some(e)) => println!("tcp {addr}:{port}: {e}"),
        (false, None) => println!("tcp {addr}:{port}: no answer in 3 s"),
    }
    let _ = stack.release(conn);
}

#[entry]
fn main() -> ! {
    let mut board = Board::init().unwrap_or_else(|e| {
        println!("board: {e}");
        exit(1)
    });
    let clock = board.clock;
    let mac = board.eth.mac_address();
    let seed = board.rng.seed().unwrap_or(1);
    let mut buf = [0u8; 128];
    let port: Option<u16> = semihosting::cmdline(&mut buf)
        .and_then(|c| c.split_whitespace().find_map(|w| w.strip_prefix("port=")))
        .and_then(|p| p.parse().ok());

    // 1. DHCP.
    let mut lease = None;
    {
        let mut sockets = [SocketStorage::EMPTY; 1];
        let mut dhcp = DhcpStorage::new();
        let device = SmoltcpDevice::new(&mut board.eth);
        let Ok(mut stack) = Stack::new(
            device,
            Config::new_dhcp(mac, seed),
            &mut sockets,
            clock.now(),
        ) else {
            exit(1)
        };
        if stack.enable_dhcp(&mut dhcp).is_err() {
            exit(1)
        }
        let end = clock.now() + Duration::from_secs(10);
        while stack.dhcp_state() != DhcpState::Bound && clock.now() < end {
            stack.poll(clock.now());
        }
        match stack.dhcp_lease() {
            Some(l) => {
                println!(
                    "dhcp: {} router {:?} dns {:?}",
                    l.address,
                    l.router,
                    l.dns_servers.as_slice()
                );
                lease = Some(l.clone());
            }
            None => println!("dhcp: no lease in 10 s"),
        }
    }
    let address = lease
        .as_ref()
        .map_or(Ipv4Cidr::new(Ipv4Address::new(10, 0, 2, 15), 24), |l| {
            l.address
        });

    // 2. DNS, to slirp's address and to the lease's servers (a static stack per server).
    let mut servers: heapless::Vec<Ipv4Address, 4> = heapless::Vec::new();
    let _ = servers.push(SLIRP_DNS);
    for s in lease.iter().flat_map(|l| l.dns_servers.iter()) {
        if !servers.contains(s) {
            let _ = servers.push(*s);
        }
    }
    for server in servers {
        let mut sockets = [SocketStorage::EMPTY; 2];
        let mut slots: DnsStorage<1> = DnsStorage::new();
        let settings = Ipv4Settings::new(address).with_dns_server(server);
        let config = Config::new_static(mac, settings, seed ^ u64::from(server.octets()[3]));
        let device = SmoltcpDevice::new(&mut board.eth);
        let Ok(mut stack) = Stack::new(device, config, &mut sockets, clock.now()) else {
            exit(1)
        };
        if stack.enable_dns(&mut slots).is_err() {
            exit(1)
        }
        resolve(&mut stack, clock, server);
        poll_for(&mut stack, clock, Duration::from_millis(100));
    }

    // 3. TCP to slirp's own addresses.
    try_tcp(board.eth, clock, address, (SLIRP_DNS, 53));
    if let Some(port) = port {
        try_tcp(board.eth, clock, address, (SLIRP_HOST, port));
    }
    println!("netprobe done");
    exit(0)
}
