//! Footprint image for the network layers (rawnet-eth + rawnet-tcp on smoltcp).
//!
//! Exists only to be measured by `cargo xtask size`: it brings up DHCP, resolves a host name,
//! opens one TCP connection and exchanges bytes through the callback interface, the same work
//! the C anchor's lwIP core does. The MAC driver is a stand-in (one RX and one TX buffer whose
//! "DMA" state is read with volatile loads so nothing is optimised away), as in the anchors:
//! a real MAC driver and its descriptor memory are counted separately.
#![no_std]
#![no_main]

use core::ptr::addr_of_mut;
use cortex_m_rt::entry;
use footprint_support::{now, wfi, Mac};
use rawnet_eth::EthernetDriver;
#[cfg(not(feature = "baseline"))]
use rawnet_eth::SmoltcpDevice;
#[cfg(feature = "baseline")]
use rawnet_eth::{RxToken, TxToken};
#[cfg(not(feature = "baseline"))]
use rawnet_tcp::smoltcp::iface::SocketStorage;
#[cfg(all(not(feature = "baseline"), feature = "dns"))]
use rawnet_tcp::DnsStorage;
#[cfg(not(feature = "baseline"))]
use rawnet_tcp::Instant;
#[cfg(not(feature = "baseline"))]
use rawnet_tcp::{Callbacks, Config, Connection, Stack, TcpError};

#[cfg(not(feature = "baseline"))]
/// The application: sends a greeting when connected, counts what comes back.
struct App {
    received: usize,
    acked: usize,
    failed: Option<TcpError>,
}

#[cfg(not(feature = "baseline"))]
impl<C: Connection<Error = TcpError>> Callbacks<C> for App {
    fn connected(&mut self, conn: &mut C, _now: Instant) {
        let _ = conn.write(b"hello from the footprint image");
        let _ = conn.output();
    }

    fn recv(&mut self, conn: &mut C, data: &[u8], _now: Instant) -> usize {
        self.received += data.len();
        // Echo what fits.
        match conn.write(data) {
            Ok(n) => n,
            Err(_) => 0,
        }
    }

    fn sent(&mut self, _conn: &mut C, len: usize, _now: Instant) {
        self.acked += len;
    }

    fn eof(&mut self, conn: &mut C, _now: Instant) {
        let _ = conn.close();
    }

    fn err(&mut self, err: TcpError, _now: Instant) {
        self.failed = Some(err);
    }
}

static mut MAC: Mac = Mac::new();
#[cfg(not(feature = "baseline"))]
static mut TCP_RX: [u8; 4096] = [0; 4096];
#[cfg(not(feature = "baseline"))]
static mut TCP_TX: [u8; 4096] = [0; 4096];

/// The baseline build (`--features baseline`): the same runtime, driver and timer without the
/// network stack, so `full - baseline` is what the network layers cost.
#[cfg(feature = "baseline")]
#[entry]
fn main() -> ! {
    // SAFETY: as in the full build.
    let mac = unsafe { &mut *addr_of_mut!(MAC) };
    loop {
        if let Some((rx, tx)) = mac.receive() {
            let echo = rx.consume(|f| f.len());
            tx.consume(echo, |f| f.fill(0));
        }
        let _ = now();
        wfi();
    }
}

#[cfg(not(feature = "baseline"))]
#[entry]
fn main() -> ! {
    // SAFETY: `main` runs once; these statics are handed out exactly once, here.
    let (mac, tcp_rx, tcp_tx) = unsafe {
        (
            &mut *addr_of_mut!(MAC),
            &mut *addr_of_mut!(TCP_RX),
            &mut *addr_of_mut!(TCP_TX),
        )
    };
    #[cfg(feature = "dhcpv4")]
    let mut dhcp = rawnet_tcp::DhcpStorage::new();
    let mut sockets = [SocketStorage::EMPTY; 3];
    #[cfg(feature = "dhcpv4")]
    let config = Config::new_dhcp(mac.mac_address(), 0x5eed);
    #[cfg(not(feature = "dhcpv4"))]
    let config = {
        use rawnet_tcp::smoltcp::wire::{Ipv4Address, Ipv4Cidr};
        let cidr = Ipv4Cidr::new(Ipv4Address::new(192, 0, 2, 10), 24);
        let settings = rawnet_tcp::Ipv4Settings::new(cidr)
            .with_router(Ipv4Address::new(192, 0, 2, 1))
            .with_dns_server(Ipv4Address::new(192, 0, 2, 1));
        Config::new_static(mac.mac_address(), settings, 0x5eed)
    };
    let Ok(mut stack) = Stack::new(SmoltcpDevice::new(mac), config, &mut sockets, now()) else {
        panic!()
    };
    #[cfg(feature = "dhcpv4")]
    if stack.enable_dhcp(&mut dhcp).is_err() {
        panic!()
    }
    #[cfg(feature = "dns")]
    let mut dns: DnsStorage<1> = DnsStorage::new();
    #[cfg(feature = "dns")]
    if stack.enable_dns(&mut dns).is_err() {
        panic!()
    }
    let Ok(mut conn) = stack.tcp_socket(tcp_rx, tcp_tx) else {
        panic!()
    };
    let mut app = App {
        received: 0,
        acked: 0,
        failed: None,
    };
    #[cfg(feature = "dns")]
    let mut query = None;
    #[cfg(not(feature = "dns"))]
    let mut started = false;
    loop {
        let t = now();
        stack.poll(t);
        #[cfg(feature = "dns")]
        match (&mut query, stack.ipv4_address()) {
            (None, Some(_)) => query = stack.dns_query("broker.example").ok(),
            (Some(q), Some(_)) => {
                if let Ok(addr) = stack.dns_result(q) {
                    let _ = stack.connect(&mut conn, addr, 1883, t);
                }
            }
            _ => {}
        }
        #[cfg(not(feature = "dns"))]
        if !started && stack.ipv4_address().is_some() {
            use rawnet_tcp::smoltcp::wire::{IpAddress, Ipv4Address};
            let broker = IpAddress::Ipv4(Ipv4Address::new(192, 0, 2, 1));
            started = stack.connect(&mut conn, broker, 1883, t).is_ok();
        }
        stack.drive(&mut conn, &mut app, t);
        if app.failed.take().is_some() {
            #[cfg(feature = "dns")]
            {
                query = None;
            }
            #[cfg(not(feature = "dns"))]
            {
                started = false;
            }
        }
        wfi();
    }
}
