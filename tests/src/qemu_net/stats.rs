//! What the guest did on its network: the counters and logs [`QemuNet`](super::QemuNet)
//! keeps for tests.

use super::dns::{DnsAnswer, DnsLog};
use crate::faults::FaultStats;
use std::net::{Ipv4Addr, SocketAddrV4};

/// Entries kept in each log of [`QemuNetStats`]; the counters go on counting.
pub const LOG_CAP: usize = 1024;

/// A DHCP lease libslirp acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    /// The guest's MAC address (the ack's `chaddr`).
    pub mac: [u8; 6],
    /// The leased address.
    pub address: Ipv4Addr,
    /// The DNS server the ack named (always the name server, unless the ack had no room).
    pub dns_server: Option<Ipv4Addr>,
}

/// One forward's connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForwardStats {
    /// The address and port the guest connects to.
    pub guest: SocketAddrV4,
    /// The port on 127.0.0.1 its connections are carried to.
    pub host_port: u16,
    /// Connections opened to `127.0.0.1:host_port`, one per guest connection.
    pub opened: u64,
    /// Guest connections ended with a reset because the host side ended.
    pub reset: u64,
}

/// What the guest did on its network, for tests to check.
#[derive(Debug, Clone, Default)]
pub struct QemuNetStats {
    /// Frames the guest sent.
    pub frames_from_guest: u64,
    /// Frames sent to the guest.
    pub frames_to_guest: u64,
    /// Frames for the guest not sent: it had not sent a frame yet, or the send failed.
    pub frames_to_guest_dropped: u64,
    /// Datagrams from a second sender, ignored.
    pub foreign_datagrams: u64,
    /// DHCP acks, in order.
    pub leases: Vec<Lease>,
    /// DNS queries answered, in order (the first [`LOG_CAP`]).
    pub dns: Vec<DnsLog>,
    /// DNS queries answered.
    pub dns_queries: u64,
    /// Each forward's connections, in configuration order.
    pub forwards: Vec<ForwardStats>,
    /// Connection attempts to a destination without a forward (libslirp resets them), in
    /// order (the first [`LOG_CAP`]).
    pub refused_tcp: Vec<SocketAddrV4>,
    /// Connection attempts to a destination without a forward.
    pub refused_tcp_count: u64,
    /// TCP SYNs the guest sent (connection attempts, retransmitted SYNs included).
    pub syns_from_guest: u64,
    /// What the faulty link between the guest and libslirp saw and did to TCP frames
    /// ([`QemuNetConfig::faults`](super::QemuNetConfig::faults)); index
    /// [`OUT`](crate::faults::OUT) is the guest's frames.
    pub link: FaultStats,
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
