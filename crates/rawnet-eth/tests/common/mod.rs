//! Shared by the integration tests: a smoltcp interface on a rawnet driver, a wall clock, and
//! a byte-exact bulk transfer checker. Not every test file uses every helper.
#![allow(dead_code)]

use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use smoltcp::iface::{Config, Interface, SocketSet};
use smoltcp::socket::tcp;
use smoltcp::time::Instant;
use smoltcp::wire::{EthernetAddress, HardwareAddress, IpCidr, Ipv4Address, Ipv4Cidr};
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::OnceLock;

/// Milliseconds since the first call, as smoltcp wants them.
pub fn now() -> Instant {
    static ORIGIN: OnceLock<std::time::Instant> = OnceLock::new();
    let origin = ORIGIN.get_or_init(std::time::Instant::now);
    Instant::from_millis(origin.elapsed().as_millis() as i64)
}

/// A smoltcp interface with its sockets on a rawnet driver.
pub struct Net<D: EthernetDriver> {
    pub dev: SmoltcpDevice<D>,
    pub iface: Interface,
    pub sockets: SocketSet<'static>,
}

impl<D: EthernetDriver> Net<D> {
    pub fn new(driver: D) -> Self {
        let mut dev = SmoltcpDevice::new(driver);
        let mac = EthernetAddress(dev.driver().mac_address());
        let mut cfg = Config::new(HardwareAddress::Ethernet(mac));
        cfg.random_seed = 0x5eed;
        let iface = Interface::new(cfg, &mut dev, now());
        Net {
            dev,
            iface,
            sockets: SocketSet::new(Vec::new()),
        }
    }

    pub fn set_addr(&mut self, cidr: Ipv4Cidr, router: Option<Ipv4Address>) {
        self.iface.update_ip_addrs(|addrs| {
            addrs.clear();
            addrs.push(IpCidr::Ipv4(cidr)).unwrap();
        });
        self.iface.routes_mut().remove_default_ipv4_route();
        if let Some(gw) = router {
            self.iface.routes_mut().add_default_ipv4_route(gw).unwrap();
        }
    }

    pub fn poll(&mut self) {
        self.iface.poll(now(), &mut self.dev, &mut self.sockets);
    }

    pub fn tcp_socket(&mut self) -> smoltcp::iface::SocketHandle {
        let rx = tcp::SocketBuffer::new(vec![0; 64 * 1024]);
        let tx = tcp::SocketBuffer::new(vec![0; 64 * 1024]);
        self.sockets.add(tcp::Socket::new(rx, tx))
    }
}

/// The byte at offset `i` of stream `seed`: position-dependent, so a lost, duplicated or
/// reordered chunk shows.
pub fn pattern(seed: u8, i: usize) -> u8 {
    ((i as u32).wrapping_mul(2_654_435_761) >> 24) as u8 ^ (i / 256) as u8 ^ seed
}

/// One direction pair of a bulk transfer: send `total` bytes of stream `tx_seed`, expect
/// `total` bytes of stream `rx_seed`, compared byte for byte.
pub struct Transfer {
    /// Bytes to send.
    pub total: usize,
    /// Bytes to receive.
    pub rx_total: usize,
    pub sent: usize,
    pub received: usize,
    tx_seed: u8,
    rx_seed: u8,
    chunk: Vec<u8>,
}

impl Transfer {
    pub fn new(total: usize, tx_seed: u8, rx_seed: u8) -> Self {
        Transfer {
            total,
            rx_total: total,
            sent: 0,
            received: 0,
            tx_seed,
            rx_seed,
            chunk: vec![0; 16 * 1024],
        }
    }

    /// Send nothing; expect `total` bytes of stream `rx_seed`.
    pub fn receive_only(total: usize, rx_seed: u8) -> Self {
        Transfer {
            total: 0,
            rx_total: total,
            ..Transfer::new(0, 0, rx_seed)
        }
    }

    pub fn done(&self) -> bool {
        self.sent == self.total && self.received == self.rx_total
    }

    fn fill(&mut self) -> usize {
        let n = self.chunk.len().min(self.total - self.sent);
        for (k, b) in self.chunk[..n].iter_mut().enumerate() {
            *b = pattern(self.tx_seed, self.sent + k);
        }
        n
    }

    fn check(&mut self, data: &[u8]) {
        assert!(
            self.received + data.len() <= self.rx_total,
            "more bytes than were sent"
        );
        for (k, &b) in data.iter().enumerate() {
            let at = self.received + k;
            assert_eq!(b, pattern(self.rx_seed, at), "byte {at} differs");
        }
        self.received += data.len();
    }

    /// Move what can move on a smoltcp TCP socket.
    pub fn step_smoltcp(&mut self, s: &mut tcp::Socket) {
        while self.sent < self.total && s.can_send() {
            let n = self.fill();
            let sent = s.send_slice(&self.chunk[..n]).unwrap();
            if sent == 0 {
                break;
            }
            self.sent += sent;
        }
        while s.can_recv() {
            let mut buf = [0u8; 8192];
            let n = s.recv_slice(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            self.check(&buf[..n]);
        }
    }

    /// Move what can move on a non-blocking std TCP stream.
    pub fn step_std(&mut self, s: &mut TcpStream) {
        while self.sent < self.total {
            let n = self.fill();
            match s.write(&self.chunk[..n]) {
                Ok(k) => self.sent += k,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) => panic!("host write: {e}"),
            }
        }
        let mut buf = [0u8; 8192];
        loop {
            match s.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.check(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) => panic!("host read: {e}"),
            }
        }
    }
}

/// A deadline `secs` from now.
pub fn deadline(secs: u64) -> std::time::Instant {
    std::time::Instant::now() + std::time::Duration::from_secs(secs)
}
