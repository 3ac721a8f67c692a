//! Host drivers (behind the `std` feature): test wires and ways onto a real network.
//!
//! | driver | what it connects the stack to | needs |
//! |---|---|---|
//! | [`MemoryWire`] | another stack in the same process | nothing |
//! | [`UdpDevice`] | another process (a QEMU guest with `-netdev dgram`, another stack) over UDP on loopback | nothing |
//! | [`SlirpDevice`] | servers on `127.0.0.1`, through libslirp restricted to explicit forwards | `slirp` feature, libslirp |
//! | [`TapDevice`] | the Linux kernel's network stack (in a namespace: see [`netns`]) | root |
//! | [`Pcap`] | wraps any of them and records every frame to a pcap file | nothing |

#[cfg(target_os = "linux")]
pub mod netns;
mod pcap;
#[cfg(feature = "slirp")]
mod slirp;
#[cfg(target_os = "linux")]
mod sys;
#[cfg(target_os = "linux")]
mod tap;
mod udp;
mod wire;

pub use pcap::{Pcap, PcapRx, PcapTx, LINKTYPE_ETHERNET, PCAP_MAGIC, PCAP_SNAPLEN};
#[cfg(feature = "slirp")]
pub use slirp::{libslirp_version, SlirpConfig, SlirpDevice, SlirpRx, SlirpTx};
#[cfg(target_os = "linux")]
pub use tap::{TapDevice, TapRx, TapTx, DEFAULT_TAP_MAC};
pub use udp::{UdpDevice, UdpRx, UdpTx, DEFAULT_UDP_MAC};
pub use wire::{MemoryWire, WireEnd, WireRx, WireTx};
