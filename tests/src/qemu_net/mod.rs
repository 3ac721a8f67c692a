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
mod stats;
mod worker;

pub use dns::{DnsAnswer, DnsLog};
pub use stats::{ForwardStats, Lease, QemuNetStats, LOG_CAP};

use crate::faults::FaultPlan;
use rawnet_eth::host::SlirpConfig;
use std::io;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use worker::{lock, Worker};

/// The zone the name server answers for.
pub const ZONE: &str = "rawnet.test";
/// The broker's name, as the firmware looks it up.
pub const BROKER_NAME: &str = "broker.rawnet.test";
/// The broker's address on the guest's network (a forward's address).
pub const BROKER_ADDR: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 100);

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
    /// Faults on the guest's TCP frames from the start ([`FaultyLink`](crate::faults::FaultyLink) with
    /// [`tcp_only`](crate::faults::FaultyLink::tcp_only): DHCP and DNS are left alone so that the bring-up
    /// stays the same); [`QemuNet::set_faults`] changes them later.
    pub faults: Option<FaultPlan>,
}

impl Default for QemuNetConfig {
    fn default() -> Self {
        QemuNetConfig {
            slirp: SlirpConfig::default(),
            zone: ZONE.into(),
            records: Vec::new(),
            forwards: Vec::new(),
            log: true,
            faults: None,
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

    /// Apply `plan` to the guest's TCP frames each way (seeded: the same seed, the same
    /// decisions for the same frames).
    pub fn faults(mut self, plan: FaultPlan) -> Self {
        self.faults = Some(plan);
        self
    }

    /// No log lines on stderr.
    pub fn quiet(mut self) -> Self {
        self.log = false;
        self
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
    control: Arc<Mutex<Vec<Control>>>,
    thread: Option<JoinHandle<()>>,
}

/// A change to the faults, for the worker.
#[derive(Debug)]
enum Control {
    Plan(FaultPlan),
    BlackHole(Duration),
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
        let control = Arc::new(Mutex::new(Vec::new()));
        let (ready, started) = mpsc::channel();
        let thread = {
            let (stats, stop, control) = (stats.clone(), stop.clone(), control.clone());
            std::thread::Builder::new()
                .name("qemu-net".into())
                .spawn(move || match Worker::new(sock, &config, stats, control) {
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
            control,
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

    /// Apply `plan`'s rates to the guest's TCP frames from now on (a fault schedule; the
    /// seed stays the first plan's).
    pub fn set_faults(&self, plan: FaultPlan) {
        self.control(Control::Plan(plan));
    }

    /// Swallow the guest's TCP frames both ways for `d` from now. (The guest's link stays
    /// up: the emulated NIC has no way to report it down from here.)
    pub fn black_hole(&self, d: Duration) {
        self.control(Control::BlackHole(d));
    }

    fn control(&self, c: Control) {
        self.control
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(c);
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
