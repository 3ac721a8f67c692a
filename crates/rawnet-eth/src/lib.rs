//! # rawnet-eth: the Ethernet driver trait (lwIP's `netif`)
//!
//! A MAC driver implements [`EthernetDriver`]; [`SmoltcpDevice`] turns any driver into a
//! [`smoltcp::phy::Device`] so the rest of rawnet (and any smoltcp user) can run on it.
//!
//! | lwIP | rawnet-eth |
//! |---|---|
//! | `netif->hwaddr` | [`EthernetDriver::mac_address`] |
//! | `netif_set_link_up/down` | [`EthernetDriver::link_state`] (polled) |
//! | `netif->linkoutput` | [`EthernetDriver::transmit`] + [`TxToken::consume`] |
//! | `ethernet_input` (driver → stack) | [`EthernetDriver::receive`] + [`RxToken::consume`] |
//! | `NETIF_FLAG_*`, `CHECKSUM_GEN_*` | [`Capabilities`] |
//!
//! ## The driver contract
//!
//! - **Frames** are whole Ethernet II frames: destination MAC, source MAC, EtherType,
//!   payload. No preamble, no FCS (the MAC adds and strips it). A received frame is at most
//!   [`Capabilities::max_frame_len`] bytes (1514 by default); a driver drops longer frames and
//!   frames with a bad FCS itself.
//! - **Zero copy.** The driver lends its own buffer: [`RxToken::consume`] hands the caller
//!   the received frame in place (a DMA buffer, for example) and the buffer goes back to the
//!   driver when the closure returns; [`TxToken::consume`] hands the caller a buffer of exactly
//!   the requested length to fill, and the frame is queued for transmission when the closure
//!   returns. No token is ever held across calls.
//! - **TX ring full.** [`EthernetDriver::transmit`] returns `None` when the driver has no
//!   free transmit buffer (lwIP's `ERR_MEM` from `linkoutput`). The stack keeps its data and
//!   retries on a later poll; nothing is lost and nothing blocks.
//! - **Receive** returns `None` when no frame is waiting. When a frame is waiting it also
//!   returns a transmit token so the stack can answer at once (an ARP reply, a TCP ACK); a
//!   driver whose TX ring is full at that moment returns `None` rather than a token it cannot
//!   honour, and the frame waits for the next poll.
//! - **Checksum offload.** [`Capabilities::checksum`] says which checksums the MAC computes
//!   on transmit and verifies on receive (the K64F's ENET does both for IPv4/TCP/UDP/ICMP);
//!   the stack then skips them in software.
//! - Nothing blocks and nothing allocates. A driver may be interrupt-driven inside, but
//!   these calls are made from the superloop.
//!
//! ## Host drivers (feature `std`)
//!
//! The `host` module has drivers for running a stack on a development machine or in CI;
//! which to use for what is in `docs/hostnet.md` of the repository:
//!
//! - `host::MemoryWire`: two stacks in one process (tests).
//! - `host::UdpDevice`: Ethernet over UDP on loopback, the wire format of QEMU's
//!   `-netdev dgram`, so a host program and a QEMU guest (or two processes) share a wire.
//! - `host::SlirpDevice` (feature `slirp`): the rootless way to real servers. libslirp
//!   runs in-process, **restricted**: the stack reaches DHCP and nothing else but explicit
//!   forwards of a guest `address:port` to `127.0.0.1:port`. No DNS, nothing off the machine.
//! - `host::TapDevice`: a Linux TAP (root), with `host::netns` to put it in a private
//!   network namespace, optionally with dnsmasq serving DHCP and DNS there.
//! - `host::Pcap`: wraps any driver and writes both directions to a pcap file.
//!
//! ## Example
//!
//! ```
//! use rawnet_eth::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken};
//!
//! /// A driver with one receive and one transmit buffer (think of a single DMA descriptor).
//! struct OneFrame {
//!     rx: [u8; 1514], rx_len: usize,
//!     tx: [u8; 1514], tx_len: usize,
//! }
//! struct Rx<'a>(&'a mut [u8]);
//! struct Tx<'a>(&'a mut [u8; 1514], &'a mut usize);
//! impl RxToken for Rx<'_> {
//!     fn consume<R>(self, f: impl FnOnce(&mut [u8]) -> R) -> R { f(self.0) }
//! }
//! impl TxToken for Tx<'_> {
//!     fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
//!         *self.1 = len;
//!         f(&mut self.0[..len])
//!     }
//! }
//! impl EthernetDriver for OneFrame {
//!     type RxToken<'a> = Rx<'a>;
//!     type TxToken<'a> = Tx<'a>;
//!     fn receive(&mut self) -> Option<(Rx<'_>, Tx<'_>)> {
//!         if self.rx_len == 0 || self.tx_len != 0 { return None; }
//!         let len = core::mem::take(&mut self.rx_len);
//!         Some((Rx(&mut self.rx[..len]), Tx(&mut self.tx, &mut self.tx_len)))
//!     }
//!     fn transmit(&mut self) -> Option<Tx<'_>> {
//!         (self.tx_len == 0).then(|| Tx(&mut self.tx, &mut self.tx_len))
//!     }
//!     fn mac_address(&self) -> [u8; 6] { [0x02, 0, 0, 0, 0, 1] }
//!     fn link_state(&mut self) -> LinkState { LinkState::Up }
//!     fn capabilities(&self) -> Capabilities { Capabilities::default() }
//! }
//!
//! let mut drv = OneFrame { rx: [0; 1514], rx_len: 0, tx: [0; 1514], tx_len: 0 };
//! let tx = drv.transmit().unwrap();
//! tx.consume(60, |buf| buf.fill(0xff));
//! assert!(drv.transmit().is_none(), "the one TX buffer is in use: TX ring full");
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod device;
#[cfg(feature = "std")]
pub mod host;
pub mod stale_ack;

pub use device::SmoltcpDevice;

/// The largest Ethernet II frame without FCS and without a VLAN tag: 14 bytes of header and
/// 1500 of payload.
pub const MAX_FRAME_LEN: usize = 1514;

/// Link state as the PHY reports it (lwIP's `netif_set_link_up` / `netif_set_link_down`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum LinkState {
    /// No carrier: frames sent now are lost.
    Down,
    /// Carrier present, frames flow.
    Up,
}

/// Which checksums the hardware handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChecksumOffload {
    /// The MAC fills in IPv4 header checksums on transmit and verifies them on receive
    /// (dropping frames that fail).
    pub ipv4: bool,
    /// The same for TCP checksums (IPv4 and IPv6).
    pub tcp: bool,
    /// The same for UDP checksums.
    pub udp: bool,
    /// The same for ICMPv4 checksums.
    pub icmpv4: bool,
}

/// What a driver can do, reported once by [`EthernetDriver::capabilities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Capabilities {
    /// The longest frame (header + payload, no FCS) the driver can send and receive.
    pub max_frame_len: usize,
    /// How many frames the stack may hand the driver in one burst before it must expect
    /// `transmit` to return `None` (the TX ring depth); `None` if unknown.
    pub max_burst: Option<u8>,
    /// Checksums computed and verified by the hardware.
    pub checksum: ChecksumOffload,
}

impl Default for Capabilities {
    fn default() -> Self {
        Capabilities {
            max_frame_len: MAX_FRAME_LEN,
            max_burst: None,
            checksum: ChecksumOffload::default(),
        }
    }
}

/// A received frame, lent by the driver (see the crate docs for the contract).
pub trait RxToken {
    /// Call `f` with the received frame in the driver's buffer; the buffer returns to the
    /// driver when `f` returns.
    fn consume<R>(self, f: impl FnOnce(&mut [u8]) -> R) -> R;
}

/// A transmit buffer, lent by the driver (see the crate docs for the contract).
pub trait TxToken {
    /// Call `f` with a buffer of exactly `len` bytes (`len` ≤ `max_frame_len`) to fill with
    /// one frame; the frame is queued for transmission when `f` returns.
    fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R;
}

/// An Ethernet MAC driver (lwIP's `netif`): see the crate docs for the contract.
pub trait EthernetDriver {
    /// Token for one received frame.
    type RxToken<'a>: RxToken
    where
        Self: 'a;
    /// Token for one frame to transmit.
    type TxToken<'a>: TxToken
    where
        Self: 'a;

    /// A received frame, with a transmit token for an immediate answer; `None` when no frame
    /// is waiting (or when one is but no transmit buffer is free).
    fn receive(&mut self) -> Option<(Self::RxToken<'_>, Self::TxToken<'_>)>;

    /// A free transmit buffer, or `None` when the TX ring is full.
    fn transmit(&mut self) -> Option<Self::TxToken<'_>>;

    /// The station's MAC address.
    fn mac_address(&self) -> [u8; 6];

    /// The current link state (the driver may poll its PHY here).
    fn link_state(&mut self) -> LinkState;

    /// What the driver and its hardware can do.
    fn capabilities(&self) -> Capabilities;
}

/// A driver borrowed mutably is a driver (so a `static` MAC can be lent to the stack).
impl<T: EthernetDriver + ?Sized> EthernetDriver for &mut T {
    type RxToken<'a>
        = T::RxToken<'a>
    where
        Self: 'a;
    type TxToken<'a>
        = T::TxToken<'a>
    where
        Self: 'a;

    fn receive(&mut self) -> Option<(Self::RxToken<'_>, Self::TxToken<'_>)> {
        (**self).receive()
    }

    fn transmit(&mut self) -> Option<Self::TxToken<'_>> {
        (**self).transmit()
    }

    fn mac_address(&self) -> [u8; 6] {
        (**self).mac_address()
    }

    fn link_state(&mut self) -> LinkState {
        (**self).link_state()
    }

    fn capabilities(&self) -> Capabilities {
        (**self).capabilities()
    }
}
