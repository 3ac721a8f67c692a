//! The thread behind [`QemuNet`](super::QemuNet): frames between the UDP wire, the zone's
//! name server and libslirp.

use super::dns::Zone;
use super::stats::{Lease, QemuNetStats, LOG_CAP};
use super::{frames, Control, QemuNetConfig};
use crate::faults::{FaultPlan, FaultyLink};
use rawnet_eth::host::SlirpDevice;
use rawnet_eth::{EthernetDriver, RxToken, TxToken, MAX_FRAME_LEN};
use std::io;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

pub(super) fn lock(stats: &Mutex<QemuNetStats>) -> MutexGuard<'_, QemuNetStats> {
    stats.lock().unwrap_or_else(|p| p.into_inner())
}

/// The thread's state: the wire, libslirp, the zone.
pub(super) struct Worker {
    sock: UdpSocket,
    peer: Option<SocketAddr>,
    slirp: FaultyLink<SlirpDevice>,
    zone: Zone,
    nameserver: Ipv4Addr,
    stats: Arc<Mutex<QemuNetStats>>,
    log: bool,
    t0: Instant,
    /// Changes to the faults, from [`QemuNet`](super::QemuNet)'s methods.
    control: Arc<Mutex<Vec<Control>>>,
}

impl Worker {
    pub(super) fn new(
        sock: UdpSocket,
        config: &QemuNetConfig,
        stats: Arc<Mutex<QemuNetStats>>,
        control: Arc<Mutex<Vec<Control>>>,
    ) -> io::Result<Worker> {
        let mut slirp = SlirpDevice::new(config.slirp)?;
        for &(guest, port) in &config.forwards {
            slirp.forward(guest, port)?;
        }
        let plan = config.faults.unwrap_or(FaultPlan::clean(0x5eed));
        let mut slirp = FaultyLink::new(slirp, plan).tcp_only();
        slirp.arm();
        Ok(Worker {
            sock,
            peer: None,
            slirp,
            zone: Zone::new(&config.zone, &config.records),
            nameserver: config.slirp.nameserver,
            stats,
            log: config.log,
            t0: Instant::now(),
            control,
        })
    }

    fn log(&self, what: std::fmt::Arguments<'_>) {
        if self.log {
            eprintln!("qemu-net [{:>6} ms] {what}", self.t0.elapsed().as_millis());
        }
    }

    pub(super) fn run(&mut self, stop: &AtomicBool) {
        let mut buf = vec![0u8; MAX_FRAME_LEN + 1];
        while !stop.load(Ordering::Relaxed) {
            // Waits up to 1 ms (the socket's read timeout) for the guest.
            if let Ok((n, from)) = self.sock.recv_from(&mut buf) {
                self.guest_frame(&buf[..n], from);
            }
            self.slirp_frames();
            self.count_connections();
            self.apply_controls();
        }
    }

    fn guest_frame(&mut self, frame: &[u8], from: SocketAddr) {
        match self.peer {
            _ if !from.ip().is_loopback() => return,
            None => {
                self.peer = Some(from);
                self.log(format_args!("guest's end of the wire: {from}"));
            }
            Some(p) if p != from => {
                lock(&self.stats).foreign_datagrams += 1;
                return;
            }
            Some(_) => {}
        }
        if !(14..=MAX_FRAME_LEN).contains(&frame.len()) {
            return;
        }
        lock(&self.stats).frames_from_guest += 1;
        if let Some(udp) = frames::Udp::parse(frame) {
            if udp.dst == SocketAddrV4::new(self.nameserver, 53) {
                return self.answer_dns(&udp);
            }
        }
        if let Some(dst) = frames::tcp_syn_to(frame) {
            lock(&self.stats).syns_from_guest += 1;
            if !lock(&self.stats).forwards.iter().any(|f| f.guest == dst) {
                self.log(format_args!("tcp to {dst}: no forward, refused"));
                let mut s = lock(&self.stats);
                s.refused_tcp_count += 1;
                if s.refused_tcp.len() < LOG_CAP {
                    s.refused_tcp.push(dst);
                }
            }
        }
        if let Some(tx) = self.slirp.transmit() {
            tx.consume(frame.len(), |b| b.copy_from_slice(frame));
        }
    }

    fn answer_dns(&mut self, query: &frames::Udp<'_>) {
        let Some((reply, entry)) = self.zone.answer(query.payload) else {
            return;
        };
        // From the MAC the guest addressed (libslirp's ARP answer for the name server).
        let [a, b, c, d] = self.nameserver.octets();
        let src_mac = if query.dst_mac[0] & 1 == 0 {
            query.dst_mac
        } else {
            [0x52, 0x55, a, b, c, d]
        };
        let frame = frames::udp_frame(src_mac, query.src_mac, query.dst, query.src, &reply);
        self.log(format_args!(
            "dns: {} (type {}) -> {:?}",
            entry.name, entry.qtype, entry.answer
        ));
        {
            let mut s = lock(&self.stats);
            s.dns_queries += 1;
            if s.dns.len() < LOG_CAP {
                s.dns.push(entry);
            }
        }
        self.send(&frame);
    }

    /// Everything libslirp has for the guest, DHCP replies completed with the DNS server.
    fn slirp_frames(&mut self) {
        let nameserver = self.nameserver;
        while let Some((rx, _)) = self.slirp.receive() {
            let (frame, dhcp) = rx.consume(|f| {
                let dhcp = frames::add_dns_server(f, nameserver);
                (f.to_vec(), dhcp)
            });
            if let Some(r) = dhcp.filter(|r| r.msg_type == frames::DHCP_ACK) {
                let m = r.client_mac;
                self.log(format_args!(
                    "dhcp: {} to {:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}, dns {:?}",
                    r.address, m[0], m[1], m[2], m[3], m[4], m[5], r.dns_server
                ));
                lock(&self.stats).leases.push(Lease {
                    mac: m,
                    address: r.address,
                    dns_server: r.dns_server,
                });
            }
            self.send(&frame);
        }
    }

    fn send(&mut self, frame: &[u8]) {
        let sent = self
            .peer
            .is_some_and(|p| self.sock.send_to(frame, p).is_ok_and(|n| n == frame.len()));
        let mut s = lock(&self.stats);
        if sent {
            s.frames_to_guest += 1;
        } else {
            s.frames_to_guest_dropped += 1;
        }
    }

    fn apply_controls(&mut self) {
        let controls = std::mem::take(&mut *self.control.lock().unwrap_or_else(|p| p.into_inner()));
        for c in controls {
            match c {
                Control::Plan(plan) => self.slirp.set_plan(plan),
                Control::BlackHole(d) => self.slirp.black_hole(d),
            }
        }
    }

    fn count_connections(&mut self) {
        let mut opened_now = Vec::new();
        {
            let mut s = lock(&self.stats);
            for f in &mut s.forwards {
                let opened = self.slirp.inner_mut().connections_opened(f.guest);
                if opened != f.opened {
                    opened_now.push((f.guest, f.host_port, opened));
                }
                f.opened = opened;
                f.reset = self.slirp.inner_mut().connections_reset(f.guest);
            }
            s.link = self.slirp.stats();
        }
        for (guest, port, n) in opened_now {
            self.log(format_args!(
                "tcp to {guest}: connection {n} opened to 127.0.0.1:{port}"
            ));
        }
    }
}
