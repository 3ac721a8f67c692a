//! The emulated board's network: what a QEMU guest on `-netdev dgram` sees, run on the host
//! without root. See [`QemuNet`].
//!
//! ```text
//!  QEMU mps2-an386 (LAN9118)          QemuNet (a thread of the test or demo process)           host
//!  ─────────────────────────          ───────────────────────────────────────────────          ────
//!  -netdev dgram ── UDP on 127.0.0.1 ─► frame from the guest
//!    one datagram per frame             ├ UDP to 10.0.2.3:53 ──► zone responder: A records of
//!                                       │                        the test zone, else NXDOMAIN /
//!                                       │                        REFUSED; never forwarded
//!                                       └ anything else ───────► SlirpDevice (libslirp restricted)
//!                                           ARP, DHCP, ICMP echo of 10.0.2.2/.3 answered
//!                                           TCP to a forward ──── TcpStream per connection ──► 127.0.0.1:PORT
//!                                           other TCP: reset; other UDP: dropped
//!                                     frame to the guest ◄── libslirp; DHCP offer/ack get
//!                                                            option 6 (DNS server 10.0.2.3)
//! ```
//!
//! Why this and not QEMU's own `-netdev user,restrict=on` (measured in
//! `boards/mps2-an386/README.md`): QEMU 7.2's restricted user network offers no DNS server,
//! drops DNS, and its `guestfwd=tcp:…` connects to the host port once, when QEMU starts, so a
//! broker started later or restarted is unreachable. Here the same restricted libslirp runs
//! in-process behind `rawnet_eth::host::SlirpDevice`, which opens a fresh connection to
//! `127.0.0.1:PORT` for every guest connection, and the two missing pieces are added around
//! it: a name server for the test zone, and the DNS server option in libslirp's DHCP replies
//! (libslirp 4.7 leaves out the router and DNS options in restricted mode, `bootp.c`, and
//! `vnameserver` does not change that; the option is written into its offer and ack in place,
//! see `frames::add_dns_server`). No router is offered: everything the guest may reach is
//! on its link (`10.0.2.3` and the forwards' addresses, which libslirp answers ARP for), and
//! a destination off the link fails at once in the guest instead of being sent anywhere.
//!
//! The guarantees are `SlirpDevice`'s (restricted libslirp, `disable_dns`,
//! `disable_host_loopback`, the forwards as the only host connections, to `127.0.0.1` only)
//! plus: the name server answers from its own table and opens no socket; the UDP socket
//! facing QEMU is bound to `127.0.0.1` and talks to the first loopback sender only.

mod dns;
mod frames;

pub use dns::{DnsAnswer, DnsLog};

use dns::Zone;
use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_eth::{EthernetDriver, RxToken, TxToken, MAX_FRAME_LEN};
use std::io;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The zone the name server answers for.
pub const ZONE: &str = "rawnet.test";
/// The broker's name, as the firmware looks it up.
pub const BROKER_NAME: &str = "broker.rawnet.test";
/// The broker's address on the guest's network (a forward's address).
pub const BROKER_ADDR: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 100);
/// Entries kept in each log of [`QemuNetStats`]; the counters go on counting.
const LOG_CAP: usize = 1024;

/// What the guest's network offers.
#[derive(Debug, Clone)]
pub struct QemuNetConfig {
    /// The virtual network (QEMU's `10.0.2.0/24`; DHCP server `.2`, name server `.3`).
    pub slirp: SlirpConfig,
    /// The zone the name server is authoritative for.
    pub zone: String,
    /// A records (names inside `zone`).
    pub records: Vec<(String, Ipv4Addr)>,
    /// Guest `address:port` → `127.0.0.1:port` forwards.
    pub forwards: Vec<(SocketAddrV4, u16)>,
    /// Log leases, DNS answers and connections on stderr (`qemu-net: …`).
    pub log: bool,
}

impl Default for QemuNetConfig {
    fn default() -> Self {
        QemuNetConfig {
            slirp: SlirpConfig::default(),
            zone: ZONE.into(),
            records: Vec::new(),
            forwards: Vec::new(),
            log: true,
        }
    }
}

impl QemuNetConfig {
    /// The broker: [`BROKER_NAME`] → [`BROKER_ADDR`], and `BROKER_ADDR:guest_port` forwarded
    /// to `127.0.0.1:host_port`.
    pub fn broker(self, guest_port: u16, host_port: u16) -> Self {
        self.record(BROKER_NAME, BROKER_ADDR)
            .forward(SocketAddrV4::new(BROKER_ADDR, guest_port), host_port)
    }

    /// An A record `name` → `addr`.
    pub fn record(mut self, name: &str, addr: Ipv4Addr) -> Self {
        self.records.push((name.into(), addr));
        self
    }

    /// Carry the guest's connections to `guest` to `127.0.0.1:host_port`.
    pub fn forward(mut self, guest: SocketAddrV4, host_port: u16) -> Self {
        self.forwards.push((guest, host_port));
        self
    }

    /// No log lines on stderr.
    pub fn quiet(mut self) -> Self {
        self.log = false;
        self
    }
}

/// A DHCP lease libslirp acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    pub mac: [u8; 6],
    pub address: Ipv4Addr,
    /// The DNS server the ack named (always the name server, unless the ack had no room).
    pub dns_server: Option<Ipv4Addr>,
}

/// One forward's connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForwardStats {
    pub guest: SocketAddrV4,
    pub host_port: u16,
    /// Connections opened to `127.0.0.1:host_port`, one per guest connection.
    pub opened: u64,
    /// Guest connections ended with a reset because the host side ended.
    pub reset: u64,
}

/// What the guest did on its network, for tests to check.
#[derive(Debug, Clone, Default)]
pub struct QemuNetStats {
    pub frames_from_guest: u64,
    pub frames_to_guest: u64,
    /// Frames for the guest not sent: it had not sent a frame yet, or the send failed.
    pub frames_to_guest_dropped: u64,
    /// Datagrams from a second sender, ignored.
    pub foreign_datagrams: u64,
    /// DHCP acks, in order.
    pub leases: Vec<Lease>,
    /// DNS queries answered, in order (the first [`LOG_CAP`]).
    pub dns: Vec<DnsLog>,
    pub dns_queries: u64,
    pub forwards: Vec<ForwardStats>,
    /// Connection attempts to a destination without a forward (libslirp resets them), in
    /// order (the first [`LOG_CAP`]).
    pub refused_tcp: Vec<SocketAddrV4>,
    pub refused_tcp_count: u64,
}

impl QemuNetStats {
    /// Connections opened for the forward at `guest`.
    pub fn opened(&self, guest: SocketAddrV4) -> u64 {
        self.forwards
            .iter()
            .find(|f| f.guest == guest)
            .map_or(0, |f| f.opened)
    }

    /// The answers given to queries for `name`.
    pub fn answers(&self, name: &str) -> Vec<DnsAnswer> {
        let name = name.to_ascii_lowercase();
        let name = name.trim_end_matches('.');
        self.dns
            .iter()
            .filter(|l| l.name == name)
            .map(|l| l.answer.clone())
            .collect()
    }
}

/// The guest's network, running in a thread until dropped.
///
/// ```no_run
/// use rawnet_tests::qemu_net::{QemuNet, QemuNetConfig, BROKER_ADDR};
/// use std::net::SocketAddrV4;
/// # let mosquitto_tls_port = 8883;
/// let net = QemuNet::start(QemuNetConfig::default().broker(8883, mosquitto_tls_port))?;
/// let mut qemu = std::process::Command::new("qemu-system-arm");
/// qemu.args(["-M", "mps2-an386", "-kernel", "firmware.elf"]).args(net.qemu_args());
/// // ... run the guest, then:
/// let stats = net.stats();
/// assert_eq!(stats.leases.len(), 1);
/// assert!(stats.opened(SocketAddrV4::new(BROKER_ADDR, 8883)) >= 1);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct QemuNet {
    addr: SocketAddr,
    stats: Arc<Mutex<QemuNetStats>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl QemuNet {
    /// Bind the host end of the wire on `127.0.0.1:<free port>`, create the restricted
    /// libslirp with `config`'s forwards, and serve the guest from a thread.
    pub fn start(config: QemuNetConfig) -> io::Result<QemuNet> {
        let sock = UdpSocket::bind("127.0.0.1:0")?;
        sock.set_read_timeout(Some(Duration::from_millis(1)))?;
        let addr = sock.local_addr()?;
        let stats = Arc::new(Mutex::new(QemuNetStats {
            forwards: config
                .forwards
                .iter()
                .map(|&(guest, host_port)| ForwardStats {
                    guest,
                    host_port,
                    opened: 0,
                    reset: 0,
                })
                .collect(),
            ..Default::default()
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (ready, started) = mpsc::channel();
        let thread = {
            let (stats, stop) = (stats.clone(), stop.clone());
            std::thread::Builder::new()
                .name("qemu-net".into())
                .spawn(move || match Worker::new(sock, &config, stats) {
                    Ok(mut w) => {
                        let _ = ready.send(Ok(()));
                        w.run(&stop);
                    }
                    Err(e) => {
                        let _ = ready.send(Err(e));
                    }
                })?
        };
        let net = QemuNet {
            addr,
            stats,
            stop,
            thread: Some(thread),
        };
        started
            .recv()
            .unwrap_or_else(|_| Err(io::Error::other("qemu-net thread ended")))?;
        Ok(net)
    }

    /// The host end of the wire (QEMU's `remote`).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// QEMU's `-netdev` value for netdev `id`: dgram, QEMU on an ephemeral port of
    /// 127.0.0.1, sending to this network.
    pub fn netdev(&self, id: &str) -> String {
        format!(
            "dgram,id={id},local.type=inet,local.host=127.0.0.1,local.port=0,\
             remote.type=inet,remote.host=127.0.0.1,remote.port={}",
            self.addr.port()
        )
    }

    /// QEMU arguments connecting the board's NIC to this network:
    /// `-netdev <netdev("net0")> -net nic,netdev=net0`.
    pub fn qemu_args(&self) -> Vec<String> {
        vec![
            "-netdev".into(),
            self.netdev("net0"),
            "-net".into(),
            "nic,netdev=net0".into(),
        ]
    }

    /// A snapshot of what happened so far.
    pub fn stats(&self) -> QemuNetStats {
        lock(&self.stats).clone()
    }

    /// Wait until `done` holds for the stats, or fail after `timeout` naming `what`.
    pub fn wait_for(
        &self,
        what: &str,
        timeout: Duration,
        mut done: impl FnMut(&QemuNetStats) -> bool,
    ) -> Result<QemuNetStats, String> {
        let until = Instant::now() + timeout;
        loop {
            let stats = self.stats();
            if done(&stats) {
                return Ok(stats);
            }
            if Instant::now() > until {
                return Err(format!(
                    "qemu-net: {what}: not within {timeout:?}: {stats:?}"
                ));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for QemuNet {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn lock(stats: &Mutex<QemuNetStats>) -> MutexGuard<'_, QemuNetStats> {
    stats.lock().unwrap_or_else(|p| p.into_inner())
}

/// The thread's state: the wire, libslirp, the zone.
struct Worker {
    sock: UdpSocket,
    peer: Option<SocketAddr>,
    slirp: SlirpDevice,
    zone: Zone,
    nameserver: Ipv4Addr,
    stats: Arc<Mutex<QemuNetStats>>,
    log: bool,
    t0: Instant,
}

impl Worker {
    fn new(
        sock: UdpSocket,
        config: &QemuNetConfig,
        stats: Arc<Mutex<QemuNetStats>>,
    ) -> io::Result<Worker> {
        let mut slirp = SlirpDevice::new(config.slirp)?;
        for &(guest, port) in &config.forwards {
            slirp.forward(guest, port)?;
        }
        Ok(Worker {
            sock,
            peer: None,
            slirp,
            zone: Zone::new(&config.zone, &config.records),
            nameserver: config.slirp.nameserver,
            stats,
            log: config.log,
            t0: Instant::now(),
        })
    }

    fn log(&self, what: std::fmt::Arguments<'_>) {
        if self.log {
            eprintln!("qemu-net [{:>6} ms] {what}", self.t0.elapsed().as_millis());
        }
    }

    fn run(&mut self, stop: &AtomicBool) {
        let mut buf = vec![0u8; MAX_FRAME_LEN + 1];
        while !stop.load(Ordering::Relaxed) {
            // Waits up to 1 ms (the socket's read timeout) for the guest.
            if let Ok((n, from)) = self.sock.recv_from(&mut buf) {
                self.guest_frame(&buf[..n], from);
            }
            self.slirp_frames();
            self.count_connections();
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

    fn count_connections(&mut self) {
        let mut opened_now = Vec::new();
        {
            let mut s = lock(&self.stats);
            for f in &mut s.forwards {
                let opened = self.slirp.connections_opened(f.guest);
                if opened != f.opened {
                    opened_now.push((f.guest, f.host_port, opened));
                }
                f.opened = opened;
                f.reset = self.slirp.connections_reset(f.guest);
            }
        }
        for (guest, port, n) in opened_now {
            self.log(format_args!(
                "tcp to {guest}: connection {n} opened to 127.0.0.1:{port}"
            ));
        }
    }
}
