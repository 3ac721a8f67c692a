//! A Linux TAP interface as an [`EthernetDriver`].

use super::sys;
use crate::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken, MAX_FRAME_LEN};
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};
use std::os::unix::fs::OpenOptionsExt;

/// The MAC address [`TapDevice::open`] gives the stack side of the wire (locally
/// administered, unicast: `02:72:6e:00:00:01`, "rn").
pub const DEFAULT_TAP_MAC: [u8; 6] = [0x02, 0x72, 0x6e, 0x00, 0x00, 0x01];

/// A Linux TAP interface (`IFF_TAP | IFF_NO_PI`): each `read` is one Ethernet frame the
/// kernel sends toward the stack, each `write` one frame the stack sends to the kernel.
///
/// The descriptor is non-blocking, so [`EthernetDriver::receive`] returns `None` at once when
/// no frame waits. Creating a TAP interface needs `CAP_NET_ADMIN` (root); see
/// [`crate::host::netns`] for doing it inside a private network namespace.
///
/// The MAC address is the stack's own, not the kernel interface's: the kernel side of a TAP
/// has its own MAC, and the two talk across the virtual wire like two hosts on a switch.
#[derive(Debug)]
pub struct TapDevice {
    file: File,
    name: String,
    mac: [u8; 6],
    rx: Box<[u8; MAX_FRAME_LEN + 1]>,
    tx: Vec<u8>,
    tx_dropped: u64,
}

impl TapDevice {
    /// Create (or attach to) the TAP interface `name` in the calling thread's network
    /// namespace, with the stack's MAC [`DEFAULT_TAP_MAC`].
    ///
    /// The interface still has to be brought up and given an address on the kernel side
    /// (`ip link set NAME up`), as for any TAP.
    pub fn open(name: &str) -> io::Result<TapDevice> {
        Self::open_with_mac(name, DEFAULT_TAP_MAC)
    }

    /// [`open`](Self::open) with the stack's MAC address `mac`.
    pub fn open_with_mac(name: &str, mac: [u8; 6]) -> io::Result<TapDevice> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open("/dev/net/tun")?;
        let name = sys::tun_set_iff_tap(file.as_fd(), name)?;
        Ok(TapDevice {
            file,
            name,
            mac,
            rx: Box::new([0; MAX_FRAME_LEN + 1]),
            tx: Vec::with_capacity(MAX_FRAME_LEN),
            tx_dropped: 0,
        })
    }

    /// The interface name the kernel gave the TAP.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Frames dropped on transmit because the kernel's queue was full or refused them.
    pub fn tx_dropped(&self) -> u64 {
        self.tx_dropped
    }
}

impl AsRawFd for TapDevice {
    fn as_raw_fd(&self) -> RawFd {
        self.file.as_raw_fd()
    }
}

impl AsFd for TapDevice {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.file.as_fd()
    }
}

/// A frame received from a [`TapDevice`], in the device's receive buffer.
#[derive(Debug)]
pub struct TapRx<'a>(&'a mut [u8]);

/// A transmit slot on a [`TapDevice`].
#[derive(Debug)]
pub struct TapTx<'a> {
    file: &'a File,
    buf: &'a mut Vec<u8>,
    dropped: &'a mut u64,
}

impl RxToken for TapRx<'_> {
    fn consume<R>(self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        f(self.0)
    }
}

impl TxToken for TapTx<'_> {
    fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
        self.buf.clear();
        self.buf.resize(len, 0);
        let r = f(self.buf);
        // One write is one frame. A full kernel queue drops the frame, as a full wire would;
        // TCP above retransmits.
        let mut file = self.file;
        match file.write(self.buf) {
            Ok(n) if n == len => {}
            _ => *self.dropped += 1,
        }
        r
    }
}

impl EthernetDriver for TapDevice {
    type RxToken<'a> = TapRx<'a>;
    type TxToken<'a> = TapTx<'a>;

    fn receive(&mut self) -> Option<(TapRx<'_>, TapTx<'_>)> {
        loop {
            match self.file.read(&mut self.rx[..]) {
                // Longer than a frame without FCS: not for us (a larger kernel MTU). Drop it.
                Ok(n) if n > MAX_FRAME_LEN => continue,
                Ok(0) => return None,
                Ok(n) => {
                    let tx = TapTx {
                        file: &self.file,
                        buf: &mut self.tx,
                        dropped: &mut self.tx_dropped,
                    };
                    return Some((TapRx(&mut self.rx[..n]), tx));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return None,
            }
        }
    }

    fn transmit(&mut self) -> Option<TapTx<'_>> {
        Some(TapTx {
            file: &self.file,
            buf: &mut self.tx,
            dropped: &mut self.tx_dropped,
        })
    }

    fn mac_address(&self) -> [u8; 6] {
        self.mac
    }

    fn link_state(&mut self) -> LinkState {
        // The stack's end of a TAP has carrier as long as the descriptor is open.
        LinkState::Up
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }
}
