//! Ethernet over UDP on loopback; see [`UdpDevice`].

use crate::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken, MAX_FRAME_LEN};
use std::io;
use std::net::{SocketAddr, UdpSocket};

/// The MAC address [`UdpDevice::bind`] uses (locally administered: `02:72:6e:00:00:02`).
pub const DEFAULT_UDP_MAC: [u8; 6] = [0x02, 0x72, 0x6e, 0x00, 0x00, 0x02];

/// One end of an Ethernet-over-UDP wire (QEMU `-netdev dgram` compatible), loopback only.
///
/// QEMU 7.2's `net/dgram.c` sends each Ethernet frame its guest transmits as one UDP datagram
/// (`sendto` of the bare frame: no length prefix, no virtio-net header, no FCS) and hands
/// every datagram it receives to the guest as one frame. [`UdpDevice`] does the same, so a
/// host program and a QEMU guest started with
///
/// ```text
/// -netdev dgram,id=n,local.type=inet,local.host=127.0.0.1,local.port=A,remote.type=inet,remote.host=127.0.0.1,remote.port=B
/// ```
///
/// share one Ethernet wire when the host program binds `127.0.0.1:B` with remote
/// `127.0.0.1:A`.
///
/// The socket is connected to the remote address, so datagrams from anywhere else are
/// ignored by the kernel, and non-blocking.
#[derive(Debug)]
pub struct UdpDevice {
    socket: UdpSocket,
    mac: [u8; 6],
    rx: Box<[u8; MAX_FRAME_LEN + 1]>,
    tx: Vec<u8>,
    tx_dropped: u64,
}

impl UdpDevice {
    /// Bind `local` and exchange frames with `remote`, with MAC [`DEFAULT_UDP_MAC`]. Both
    /// addresses must be loopback addresses (`InvalidInput` otherwise): the wire never leaves
    /// the machine.
    pub fn bind(local: SocketAddr, remote: SocketAddr) -> io::Result<UdpDevice> {
        Self::bind_with_mac(local, remote, DEFAULT_UDP_MAC)
    }

    /// [`bind`](Self::bind) with the MAC address `mac`.
    pub fn bind_with_mac(
        local: SocketAddr,
        remote: SocketAddr,
        mac: [u8; 6],
    ) -> io::Result<UdpDevice> {
        check_loopback(local, remote)?;
        Self::from_socket(UdpSocket::bind(local)?, remote, mac)
    }

    /// Use an already bound `socket` (for example one bound to port 0, whose port the peer
    /// must learn first) to exchange frames with `remote`. Both addresses must be loopback.
    pub fn from_socket(
        socket: UdpSocket,
        remote: SocketAddr,
        mac: [u8; 6],
    ) -> io::Result<UdpDevice> {
        check_loopback(socket.local_addr()?, remote)?;
        socket.connect(remote)?;
        socket.set_nonblocking(true)?;
        Ok(UdpDevice {
            socket,
            mac,
            rx: Box::new([0; MAX_FRAME_LEN + 1]),
            tx: Vec::with_capacity(MAX_FRAME_LEN),
            tx_dropped: 0,
        })
    }

    /// The address the device is bound to (useful after binding port 0).
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.socket.local_addr()
    }

    /// Frames dropped on transmit (socket buffer full, or nobody listening at the remote
    /// address yet).
    pub fn tx_dropped(&self) -> u64 {
        self.tx_dropped
    }
}

fn check_loopback(local: SocketAddr, remote: SocketAddr) -> io::Result<()> {
    if local.ip().is_loopback() && remote.ip().is_loopback() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "UdpDevice is loopback only: both addresses must be in 127.0.0.0/8 or ::1",
        ))
    }
}

/// A frame received from a [`UdpDevice`], in the device's receive buffer.
#[derive(Debug)]
pub struct UdpRx<'a>(&'a mut [u8]);

/// A transmit slot on a [`UdpDevice`].
#[derive(Debug)]
pub struct UdpTx<'a> {
    socket: &'a UdpSocket,
    buf: &'a mut Vec<u8>,
    dropped: &'a mut u64,
}

impl RxToken for UdpRx<'_> {
    fn consume<R>(self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        f(self.0)
    }
}

impl TxToken for UdpTx<'_> {
    fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
        self.buf.clear();
        self.buf.resize(len, 0);
        let r = f(self.buf);
        match self.socket.send(self.buf) {
            Ok(n) if n == len => {}
            _ => *self.dropped += 1,
        }
        r
    }
}

impl EthernetDriver for UdpDevice {
    type RxToken<'a> = UdpRx<'a>;
    type TxToken<'a> = UdpTx<'a>;

    fn receive(&mut self) -> Option<(UdpRx<'_>, UdpTx<'_>)> {
        loop {
            match self.socket.recv(&mut self.rx[..]) {
                // Too long for an Ethernet frame (or truncated by our buffer), or too short
                // to hold an Ethernet header: drop it.
                Ok(n) if !(14..=MAX_FRAME_LEN).contains(&n) => continue,
                Ok(n) => {
                    let tx = UdpTx {
                        socket: &self.socket,
                        buf: &mut self.tx,
                        dropped: &mut self.tx_dropped,
                    };
                    return Some((UdpRx(&mut self.rx[..n]), tx));
                }
                // ECONNREFUSED from an earlier send to a port nobody had bound yet: the peer
                // is simply not up; keep going.
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::Interrupted | io::ErrorKind::ConnectionRefused
                    ) =>
                {
                    continue
                }
                Err(_) => return None,
            }
        }
    }

    fn transmit(&mut self) -> Option<UdpTx<'_>> {
        Some(UdpTx {
            socket: &self.socket,
            buf: &mut self.tx,
            dropped: &mut self.tx_dropped,
        })
    }

    fn mac_address(&self) -> [u8; 6] {
        self.mac
    }

    fn link_state(&mut self) -> LinkState {
        LinkState::Up
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }
}
