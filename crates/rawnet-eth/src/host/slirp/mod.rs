//! libslirp (QEMU's user-mode network) as an in-process [`EthernetDriver`]; see
//! [`SlirpDevice`].

mod ffi;
mod track;

use crate::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken, MAX_FRAME_LEN};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddrV4, TcpStream};
use track::{Segment, Track};

pub use ffi::version as libslirp_version;

/// Frames libslirp may queue toward the stack before newer ones are dropped (libslirp's own
/// TCP retransmits; a real NIC's RX ring drops the same way).
const RX_QUEUE_FRAMES: usize = 512;
/// Bytes read from a host stream ahead of what the guest has taken.
const HOST_READ_AHEAD: usize = 64 * 1024;

/// The virtual network libslirp emulates. [`Default`] is QEMU's: `10.0.2.0/24`, host
/// (gateway, DHCP server) `10.0.2.2`, nameserver `10.0.2.3`, leases from `10.0.2.15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlirpConfig {
    /// The network address.
    pub network: Ipv4Addr,
    /// The network's prefix length (1..=30).
    pub prefix_len: u8,
    /// The virtual host: DHCP server, and ICMP echo target.
    pub host: Ipv4Addr,
    /// The first address DHCP hands out.
    pub dhcp_start: Ipv4Addr,
    /// The virtual nameserver address (restricted mode answers no DNS on it).
    pub nameserver: Ipv4Addr,
    /// The MAC address of the stack's end of the wire.
    pub mac: [u8; 6],
}

impl Default for SlirpConfig {
    fn default() -> Self {
        SlirpConfig {
            network: Ipv4Addr::new(10, 0, 2, 0),
            prefix_len: 24,
            host: Ipv4Addr::new(10, 0, 2, 2),
            dhcp_start: Ipv4Addr::new(10, 0, 2, 15),
            nameserver: Ipv4Addr::new(10, 0, 2, 3),
            mac: [0x52, 0x54, 0x00, 0x12, 0x34, 0x56],
        }
    }
}

/// State the libslirp callbacks write into; read by the driver. Only shared references
/// are ever made to it.
struct Shared {
    to_guest: RefCell<VecDeque<Vec<u8>>>,
    guest_errors: Cell<u64>,
    rx_dropped: Cell<u64>,
}

impl Shared {
    fn frame_to_guest(&self, frame: &[u8]) {
        let mut q = self.to_guest.borrow_mut();
        if q.len() >= RX_QUEUE_FRAMES || frame.len() > MAX_FRAME_LEN {
            self.rx_dropped.set(self.rx_dropped.get() + 1);
        } else {
            q.push_back(frame.to_vec());
        }
    }
}

/// One guest `address:port` → host `address:port` forward (`127.0.0.1:port` unless made with
/// [`SlirpDevice::forward_to`]). Only shared references are ever made to it (libslirp's write
/// callback holds its address).
struct Forward {
    guest: SocketAddrV4,
    host: SocketAddrV4,
    /// Bytes the guest sent that are not yet written to the host stream.
    to_host: RefCell<Vec<u8>>,
    conn: RefCell<Option<HostConn>>,
    /// The guest opened a connection the host stream has not been opened for yet.
    open_pending: Cell<bool>,
    /// (source port, initial sequence number) of the last SYN seen, to tell a new
    /// connection from a retransmitted SYN.
    last_syn: Cell<Option<(SocketAddrV4, u32)>>,
    /// Host streams opened so far.
    opened: Cell<u64>,
    /// The current guest connection as seen on the wire.
    track: Cell<Option<Track>>,
    /// The host side of the current connection is finished (closed, failed, or never
    /// opened): the guest's side is reset once it has everything.
    host_done: Cell<bool>,
    /// Bytes handed to libslirp for the guest on the current connection.
    delivered: Cell<u64>,
    /// Connections ended with a synthesised reset.
    resets: Cell<u64>,
}

struct HostConn {
    stream: TcpStream,
    from_host: Vec<u8>,
    host_eof: bool,
    guest_fin: bool,
    write_shut: bool,
}

impl Forward {
    fn guest_sent(&self, data: &[u8]) {
        self.to_host.borrow_mut().extend_from_slice(data);
    }

    /// A segment the guest sent to this forward.
    fn guest_segment(&self, seg: &Segment) {
        if seg.syn && seg.ack.is_none() {
            if self.last_syn.get() != Some((seg.src, seg.seq)) {
                // A new connection: forget the old one and open a fresh host stream.
                self.last_syn.set(Some((seg.src, seg.seq)));
                self.track.set(Some(Track::new(seg)));
                self.conn.borrow_mut().take();
                self.to_host.borrow_mut().clear();
                self.open_pending.set(true);
                self.host_done.set(false);
                self.delivered.set(0);
            }
            return;
        }
        let Some(mut t) = self.track.get() else {
            return;
        };
        if t.guest() != seg.src {
            return;
        }
        if seg.rst {
            self.track.set(None);
            self.conn.borrow_mut().take();
            self.to_host.borrow_mut().clear();
            self.open_pending.set(false);
            return;
        }
        t.guest_sent(seg);
        self.track.set(Some(t));
        if seg.fin {
            if let Some(c) = self.conn.borrow_mut().as_mut() {
                c.guest_fin = true;
            }
        }
    }

    /// A segment libslirp sent to the guest from this forward.
    fn slirp_segment(&self, seg: &Segment) {
        if let Some(mut t) = self.track.get() {
            if t.guest() == seg.dst {
                t.slirp_sent(seg);
                self.track.set(Some(t));
            }
        }
    }

    /// End the guest's connection with a reset once the host side is finished and the guest
    /// has acknowledged everything libslirp sent it.
    fn reset_if_done(&self, slirp: &ffi::Instance) {
        let Some(t) = self.track.get() else {
            return;
        };
        let delivered = self.delivered.get();
        if !self.host_done.get() || !t.guest_caught_up(delivered) {
            return;
        }
        let Some((to_guest, to_slirp)) = t.resets(self.guest, delivered) else {
            return;
        };
        slirp.shared().frame_to_guest(&to_guest);
        slirp.input(&to_slirp);
        self.track.set(None);
        self.conn.borrow_mut().take();
        self.to_host.borrow_mut().clear();
        self.resets.set(self.resets.get() + 1);
    }

    fn open(&self) {
        let stream = TcpStream::connect(self.host).and_then(|s| {
            s.set_nonblocking(true)?;
            s.set_nodelay(true)?;
            Ok(s)
        });
        self.open_pending.set(false);
        match stream {
            Ok(stream) => {
                self.opened.set(self.opened.get() + 1);
                *self.conn.borrow_mut() = Some(HostConn {
                    stream,
                    from_host: Vec::new(),
                    host_eof: false,
                    guest_fin: false,
                    write_shut: false,
                })
            }
            // Nobody listening: the guest's connection is reset (see `reset_if_done`).
            Err(_) => {
                self.to_host.borrow_mut().clear();
                self.host_done.set(true);
            }
        }
    }

    /// Move bytes between the host stream and libslirp, without blocking.
    fn pump(&self, slirp: &ffi::Instance) {
        if self.open_pending.get()
            || (self.conn.borrow().is_none() && !self.to_host.borrow().is_empty())
        {
            self.open();
        }
        self.pump_stream(slirp);
        self.reset_if_done(slirp);
    }

    fn pump_stream(&self, slirp: &ffi::Instance) {
        let mut conn_slot = self.conn.borrow_mut();
        let Some(conn) = conn_slot.as_mut() else {
            return;
        };
        // Guest → host.
        {
            let mut to_host = self.to_host.borrow_mut();
            let mut written = 0;
            while written < to_host.len() && !conn.write_shut {
                match conn.stream.write(&to_host[written..]) {
                    Ok(0) => break,
                    Ok(n) => written += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    // The host side is gone: what the guest sends has nowhere to go.
                    Err(_) => {
                        written = to_host.len();
                        conn.write_shut = true;
                    }
                }
            }
            to_host.drain(..written);
            if conn.write_shut {
                to_host.clear();
            }
            if conn.guest_fin && to_host.is_empty() && !conn.write_shut {
                let _ = conn.stream.shutdown(Shutdown::Write);
                conn.write_shut = true;
            }
        }
        // Host → guest.
        let mut buf = [0u8; 16 * 1024];
        while !conn.host_eof && conn.from_host.len() < HOST_READ_AHEAD {
            match conn.stream.read(&mut buf) {
                Ok(0) => conn.host_eof = true,
                Ok(n) => conn.from_host.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(_) => conn.host_eof = true,
            }
        }
        while !conn.from_host.is_empty() {
            let room = slirp.can_recv(self.guest);
            if room == 0 {
                break;
            }
            let n = room.min(conn.from_host.len());
            slirp.socket_recv(self.guest, &conn.from_host[..n]);
            conn.from_host.drain(..n);
            self.delivered.set(self.delivered.get() + n as u64);
        }
        // The host has nothing more for the guest: end the guest's side too.
        if conn.host_eof && conn.from_host.is_empty() {
            self.host_done.set(true);
        }
    }
}

/// libslirp (QEMU's user-mode network) as an in-process [`EthernetDriver`]: the rootless
/// path from a rawnet stack on the host to real servers on `127.0.0.1`.
///
/// The stack sees an Ethernet wire with libslirp's virtual host on it, as a QEMU guest
/// started with `-netdev user,restrict=on` does. [`SlirpDevice`] runs libslirp **restricted**
/// (`restricted = 1`): the guest reaches libslirp's built-in DHCP (and TFTP, unconfigured) and
/// ICMP echo of the virtual host, and otherwise *only* the forwards added with
/// [`SlirpDevice::forward`], each a guest `address:port` whose connections this driver
/// carries to `127.0.0.1:port` on the host with a `std::net::TcpStream`. What restricted mode
/// does, checked in libslirp 4.7's source:
///
/// - TCP to any address and port that is not a forward is answered with a reset
///   (`tcp_input`: "dropwithreset"), so `connect` is refused and no host socket is opened.
/// - UDP other than DHCP (port 67) and TFTP (port 69) is dropped before a host socket exists
///   (`udp_input`). **DNS to the virtual nameserver therefore gets no answer**: restricted
///   slirp does not forward DNS, and this driver also sets `disable_dns`, so libslirp never
///   reads the host's `/etc/resolv.conf` nor sends a query anywhere.
/// - ICMP echo is answered for the virtual host and nameserver addresses and dropped for any
///   other address.
/// - The DHCP offer carries no router and no DNS server option.
/// - `disable_host_loopback` is set as well, so libslirp itself never connects to the host's
///   loopback; the only host connections are the ones this driver opens for forwards.
///
/// Everything is driven from the driver calls: each [`EthernetDriver::receive`] and each
/// transmitted frame runs libslirp's timers and host sockets (`slirp_pollfds_fill`, `poll(2)`
/// with timeout 0, `slirp_pollfds_poll`) and pumps the forwards' host streams, all
/// non-blocking on the caller's thread.
///
/// ## Forwards and their limits
///
/// A forward is libslirp's "guestfwd" with a write callback (the mechanism behind QEMU's
/// `guestfwd=tcp:ADDR:PORT-chardev`). libslirp accepts the guest's connection itself; this
/// driver watches the guest's frames for the connection's SYN, FIN and RST and
///
/// - on a SYN, connects a fresh `TcpStream` to `127.0.0.1:port` (closing an older one),
/// - pumps bytes both ways (`slirp_socket_recv` bounded by `slirp_socket_can_recv` toward
///   the guest; the write callback toward the host),
/// - on the guest's FIN shuts down the host stream's write side once all data is written,
///   and on its RST closes the host stream.
///
/// libslirp 4.7's guestfwd API has no call that closes the guest's side. So when the host
/// side is finished — the server closed the stream (after the guest has acknowledged every
/// byte of it), the connection failed, or nothing listens on `127.0.0.1:port` — the driver
/// ends the connection with a **reset**: one frame to the stack as if from libslirp, one to
/// libslirp as if from the stack, with the sequence numbers it followed on the wire. The
/// stack sees "connection reset by peer" after all the data, rather than a FIN. Each
/// forward carries one connection at a time, as QEMU's guestfwd does.
///
/// ## Example
///
/// ```no_run
/// use rawnet_eth::host::{SlirpConfig, SlirpDevice};
/// use std::net::{Ipv4Addr, SocketAddrV4};
///
/// let mut dev = SlirpDevice::new(SlirpConfig::default())?;
/// // The stack connects to 10.0.2.100:1883; the driver connects to 127.0.0.1:1883.
/// dev.forward(SocketAddrV4::new(Ipv4Addr::new(10, 0, 2, 100), 1883), 1883)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct SlirpDevice {
    slirp: ffi::Instance,
    config: SlirpConfig,
    tx: Vec<u8>,
}

impl core::fmt::Debug for SlirpDevice {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SlirpDevice")
            .field("config", &self.config)
            .field(
                "forwards",
                &self
                    .slirp
                    .forwards()
                    .map(|f| (f.guest, f.host))
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl SlirpDevice {
    /// A restricted libslirp instance with the virtual network `config` and no forwards yet.
    pub fn new(config: SlirpConfig) -> io::Result<SlirpDevice> {
        if !(1..=30).contains(&config.prefix_len) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "prefix_len must be 1..=30",
            ));
        }
        let mask = u32::MAX << (32 - u32::from(config.prefix_len));
        let net = ffi::NetConfig {
            network: Ipv4Addr::from(u32::from(config.network) & mask),
            netmask: Ipv4Addr::from(mask),
            host: config.host,
            dhcp_start: config.dhcp_start,
            nameserver: config.nameserver,
        };
        let shared = Shared {
            to_guest: RefCell::new(VecDeque::new()),
            guest_errors: Cell::new(0),
            rx_dropped: Cell::new(0),
        };
        Ok(SlirpDevice {
            slirp: ffi::Instance::new(&net, shared)?,
            config,
            tx: Vec::with_capacity(MAX_FRAME_LEN),
        })
    }

    /// Carry the stack's TCP connections to `guest` (an address inside the virtual network
    /// other than the host and nameserver addresses) to `127.0.0.1:host_port`.
    ///
    /// This is the only way out of the virtual network. libslirp answers ARP for `guest`,
    /// so the stack needs no router to reach it.
    pub fn forward(&mut self, guest: SocketAddrV4, host_port: u16) -> io::Result<()> {
        self.forward_to(guest, SocketAddrV4::new(Ipv4Addr::LOCALHOST, host_port))
    }

    /// [`SlirpDevice::forward`] to `host` instead of `127.0.0.1`: the stack's connections to
    /// `guest` are carried to that one address (a broker elsewhere; `rawnet-sub --stack
    /// slirp`). Still the only way out of the virtual network.
    pub fn forward_to(&mut self, guest: SocketAddrV4, host: SocketAddrV4) -> io::Result<()> {
        self.slirp.add_forward(Forward {
            guest,
            host,
            to_host: RefCell::new(Vec::new()),
            conn: RefCell::new(None),
            open_pending: Cell::new(false),
            last_syn: Cell::new(None),
            opened: Cell::new(0),
            track: Cell::new(None),
            host_done: Cell::new(false),
            delivered: Cell::new(0),
            resets: Cell::new(0),
        })
    }

    /// The virtual network's configuration.
    pub fn config(&self) -> &SlirpConfig {
        &self.config
    }

    /// Host streams opened so far for the forward at `guest` (0 if there is no such forward).
    pub fn connections_opened(&self, guest: SocketAddrV4) -> u64 {
        self.slirp
            .forwards()
            .find(|f| f.guest == guest)
            .map_or(0, |f| f.opened.get())
    }

    /// Connections on the forward at `guest` that the driver ended with a reset because their
    /// host stream ended (0 if there is no such forward).
    pub fn connections_reset(&self, guest: SocketAddrV4) -> u64 {
        self.slirp
            .forwards()
            .find(|f| f.guest == guest)
            .map_or(0, |f| f.resets.get())
    }

    /// Frames from libslirp dropped because the stack did not receive them in time.
    pub fn rx_dropped(&self) -> u64 {
        self.slirp.shared().rx_dropped.get()
    }

    /// Frames libslirp reported as guest misbehaviour.
    pub fn guest_errors(&self) -> u64 {
        self.slirp.shared().guest_errors.get()
    }

    /// Run libslirp's timers and pump every forward (done by every driver call already).
    pub fn poll(&mut self) {
        pump(&self.slirp);
    }
}

fn pump(slirp: &ffi::Instance) {
    slirp.poll();
    for fwd in slirp.forwards() {
        fwd.pump(slirp);
    }
}

/// Look at a frame the guest sends for TCP segments to a forward.
fn inspect_from_guest(slirp: &ffi::Instance, frame: &[u8]) {
    if let Some(seg) = Segment::parse(frame) {
        if let Some(fwd) = slirp.forwards().find(|f| f.guest == seg.dst) {
            fwd.guest_segment(&seg);
        }
    }
}

/// Look at a frame libslirp sends for TCP segments from a forward.
fn inspect_to_guest(slirp: &ffi::Instance, frame: &[u8]) {
    if let Some(seg) = Segment::parse(frame) {
        if let Some(fwd) = slirp.forwards().find(|f| f.guest == seg.src) {
            fwd.slirp_segment(&seg);
        }
    }
}

/// A frame from libslirp.
#[derive(Debug)]
pub struct SlirpRx(Vec<u8>);

/// A transmit slot on a [`SlirpDevice`]: the frame goes into libslirp when consumed.
pub struct SlirpTx<'a> {
    slirp: &'a ffi::Instance,
    buf: &'a mut Vec<u8>,
}

impl core::fmt::Debug for SlirpTx<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SlirpTx").finish_non_exhaustive()
    }
}

impl RxToken for SlirpRx {
    fn consume<R>(mut self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        f(&mut self.0)
    }
}

impl TxToken for SlirpTx<'_> {
    fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
        self.buf.clear();
        self.buf.resize(len, 0);
        let r = f(self.buf);
        inspect_from_guest(self.slirp, self.buf);
        self.slirp.input(self.buf);
        pump(self.slirp);
        r
    }
}

impl EthernetDriver for SlirpDevice {
    type RxToken<'a> = SlirpRx;
    type TxToken<'a> = SlirpTx<'a>;

    fn receive(&mut self) -> Option<(SlirpRx, SlirpTx<'_>)> {
        pump(&self.slirp);
        let frame = self.slirp.shared().to_guest.borrow_mut().pop_front()?;
        inspect_to_guest(&self.slirp, &frame);
        Some((
            SlirpRx(frame),
            SlirpTx {
                slirp: &self.slirp,
                buf: &mut self.tx,
            },
        ))
    }

    fn transmit(&mut self) -> Option<SlirpTx<'_>> {
        Some(SlirpTx {
            slirp: &self.slirp,
            buf: &mut self.tx,
        })
    }

    fn mac_address(&self) -> [u8; 6] {
        self.config.mac
    }

    fn link_state(&mut self) -> LinkState {
        LinkState::Up
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }
}
