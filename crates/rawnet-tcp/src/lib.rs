//! # rawnet-tcp: lwIP's raw TCP API over smoltcp
//!
//! This crate implements rawnet's layering contract — the pair of traits every layer shares,
//! [`Connection`] (what a layer can do to the connection below it) and [`Callbacks`] (what a
//! layer is told by the connection below it), defined in `rawnet-altcp` and re-exported
//! here — for TCP over smoltcp. TLS (`rawnet-tls`) implements [`Callbacks`] toward TCP and
//! [`Connection`] toward the layer above, so the MQTT client runs over TCP or TLS unchanged,
//! as lwIP's MQTT client runs over `altcp` or `altcp_tls`. Neither of those crates depends on
//! this one: they depend on `rawnet-altcp` only.
//!
//! | lwIP raw API | rawnet |
//! |---|---|
//! | `netif_add` + `dhcp_start` | [`Stack::new`] with a [`Config`] (+ `Stack::enable_dhcp`) |
//! | `ethernet_input` + `sys_check_timeouts` | [`Stack::poll`] (then [`Stack::drive`]) |
//! | `sys_timeouts_sleeptime` | [`Stack::poll_at`], [`TcpHandle::poll_at`] |
//! | `dhcp_supplied_address`, `netif->ip_addr` | [`Stack::dhcp_state`], [`Stack::ipv4_settings`] |
//! | `dns_gethostbyname` | [`Stack::dns_query`] + [`Stack::dns_result`] |
//! | `tcp_new` | [`Stack::tcp_socket`] (caller's buffers) |
//! | `tcp_connect` / `tcp_listen` + `tcp_accept` | [`Stack::connect`] / [`Stack::listen`] |
//! | `tcp_arg` + function pointers | a value implementing [`Callbacks`], given to [`Stack::drive`] |
//! | `tcp_connected` callback | [`Callbacks::connected`] |
//! | `tcp_recv` callback | [`Callbacks::recv`] (return value = `tcp_recved`) |
//! | `tcp_recv` callback with `p == NULL` | [`Callbacks::eof`] |
//! | `tcp_sent` callback | [`Callbacks::sent`] |
//! | `tcp_err` callback | [`Callbacks::err`] |
//! | `tcp_poll` callback | [`Callbacks::poll`] |
//! | `tcp_write` / `tcp_sndbuf` | [`Connection::write`] / [`Connection::send_space`] |
//! | `tcp_output` | [`Connection::output`] |
//! | `tcp_close` / `tcp_abort` | [`Connection::close`] / [`Connection::abort`] |
//! | `tcp_nagle_disable` / `SOF_KEEPALIVE` | [`Connection::set_nodelay`] / [`Connection::set_keep_alive`] |
//! | the pcb outside a callback | [`Stack::connection`] |
//!
//! With `std` (on Unix),
// `host` exists with `std` on Unix only: a link to it would not resolve elsewhere.
#![cfg_attr(all(feature = "std", unix), doc = "[`host::HostTcp`]")]
#![cfg_attr(not(all(feature = "std", unix)), doc = "`host::HostTcp`")]
//! drives a TCP connection of the host's own kernel
//! with the same callbacks in the same order (one definition of that order serves both), so
//! rawnet-tls and the rawnet-mqtt client run on a development machine over a plain socket;
//! its module documentation lists what the kernel's socket keeps of the contract.
//!
//! Time is always an argument ([`Instant`], milliseconds on a monotonic 64-bit timeline); no
//! layer reads a clock. Nothing allocates: sockets, buffers and DNS query slots are the
//! caller's.
//!
//! ## How smoltcp's polled sockets become lwIP's callbacks
//!
//! smoltcp processes frames in [`Stack::poll`] and keeps the results in its sockets;
//! [`Stack::drive`] then compares each socket with what its [`TcpHandle`] last reported and
//! calls the [`Callbacks`] in lwIP's order (connected, sent, recv, eof, err, poll). The
//! acknowledged byte counts given to `sent` are exact (smoltcp's transmit buffer holds
//! precisely the unacknowledged bytes), and the connect and data timeouts are enforced here
//! rather than left to smoltcp, so [`TcpError::TimedOut`] is never a guess.
//!
//! One difference from lwIP: a `recv` callback gets a copy of the received bytes (at most
//! [`RECV_CHUNK`] at a time) in a buffer of the stack, not a slice of the socket's own
//! buffer, because the callback also gets the connection mutably (to write an answer) and
//! both live in the same smoltcp socket. Bytes it does not take stay in the socket.
//!
//! ## Example: two stacks on an in-memory wire
//!
// The example is the smoltcp stack's: without the `smoltcp` feature it is shown, not run.
#![cfg_attr(feature = "smoltcp", doc = "```")]
#![cfg_attr(not(feature = "smoltcp"), doc = "```ignore")]
//! use rawnet_eth::{host::MemoryWire, SmoltcpDevice};
//! use rawnet_tcp::smoltcp::iface::SocketStorage;
//! use rawnet_tcp::smoltcp::wire::{Ipv4Address, Ipv4Cidr};
//! use rawnet_tcp::{Callbacks, Config, Connection, Duration, Instant, Ipv4Settings, Stack};
//!
//! /// Says hello as soon as it is connected.
//! struct Client;
//! impl<C: Connection> Callbacks<C> for Client {
//!     fn connected(&mut self, conn: &mut C, _now: Instant) {
//!         conn.write(b"hello").unwrap();
//!         conn.output().unwrap();
//!     }
//!     fn recv(&mut self, _conn: &mut C, data: &[u8], _now: Instant) -> usize {
//!         data.len()
//!     }
//!     fn err(&mut self, err: C::Error, _now: Instant) {
//!         panic!("client: {err:?}")
//!     }
//! }
//!
//! /// Keeps what it receives.
//! struct Server(Vec<u8>);
//! impl<C: Connection> Callbacks<C> for Server {
//!     fn recv(&mut self, _conn: &mut C, data: &[u8], _now: Instant) -> usize {
//!         self.0.extend_from_slice(data);
//!         data.len()
//!     }
//!     fn err(&mut self, err: C::Error, _now: Instant) {
//!         panic!("server: {err:?}")
//!     }
//! }
//!
//! let (mac_a, mac_b) = ([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2]);
//! let ip = |last| Ipv4Settings::new(Ipv4Cidr::new(Ipv4Address::new(10, 0, 0, last), 24));
//! let (wire_a, wire_b) = MemoryWire::pair(mac_a, mac_b, 8);
//! let (mut rx_a, mut tx_a, mut rx_b, mut tx_b) = ([0; 2048], [0; 2048], [0; 2048], [0; 2048]);
//! let mut slots_a = [SocketStorage::EMPTY; 1];
//! let mut slots_b = [SocketStorage::EMPTY; 1];
//! let mut now = Instant::from_ticks(0);
//!
//! let config_a = Config::new_static(mac_a, ip(1), 1);
//! let mut a = Stack::new(SmoltcpDevice::new(wire_a), config_a, &mut slots_a, now).unwrap();
//! let config_b = Config::new_static(mac_b, ip(2), 2);
//! let mut b = Stack::new(SmoltcpDevice::new(wire_b), config_b, &mut slots_b, now).unwrap();
//!
//! let mut listener = b.tcp_socket(&mut rx_b, &mut tx_b).unwrap();
//! b.listen(&mut listener, 7).unwrap();
//! let mut conn = a.tcp_socket(&mut rx_a, &mut tx_a).unwrap();
//! a.connect(&mut conn, Ipv4Address::new(10, 0, 0, 2), 7, now).unwrap();
//!
//! let mut server = Server(Vec::new());
//! while server.0 != b"hello" {
//!     assert!(now.as_ticks() < 1_000, "no hello after a simulated second");
//!     // The superloop: poll each stack, then drive each connection.
//!     a.poll(now);
//!     b.poll(now);
//!     a.drive(&mut conn, &mut Client, now);
//!     b.drive(&mut listener, &mut server, now);
//!     now = now + Duration::from_millis(1);
//! }
//! ```
//!
//! ## Cargo features
//!
//! - `smoltcp` (default; implied by `dhcpv4`, `dns` and `udp`): the stack over smoltcp —
//!   [`Stack`], [`TcpHandle`], [`TcpConn`], [`Config`]. Without it the crate is the callback
//!   contract's TCP types ([`TcpError`], [`TcpStatus`], [`TcpTimers`]) and, with `std`,
//!   `host::HostTcp`: neither smoltcp nor `rawnet-eth` is compiled (the TLS crate's tests
//!   run over `HostTcp` that way).
//! - `dhcpv4` (default): the DHCP client ([`Config::new_dhcp`], `Stack::enable_dhcp`,
//!   `Stack::dhcp_state`), rawnet-tcp's own over a smoltcp UDP socket.
//! - `dns` (default): the resolver (`Stack::enable_dns`, `Stack::dns_query`), rawnet-tcp's
//!   own over a smoltcp UDP socket.
//! - `udp`: smoltcp's UDP sockets, for applications that add their own.
//! - `std`: host helpers; on Unix, `host::HostTcp` (the host kernel's TCP, driven like a
//!   rawnet-tcp connection).
//!
//! What a feature leaves out is not in the image at all; docs/footprint.md gives the bytes
//! each costs on a Cortex-M4.
#![cfg_attr(not(feature = "std"), no_std)]
// The documentation describes the smoltcp stack (`Stack`, `TcpHandle`, `Config`, ...);
// without feature `smoltcp` those items do not exist and the links to them have no target.
#![cfg_attr(not(feature = "smoltcp"), allow(rustdoc::broken_intra_doc_links))]
#![deny(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "smoltcp")]
mod config;
mod conn;
#[cfg(feature = "dhcpv4")]
mod dhcp;
#[cfg(feature = "dns")]
mod dns;
#[cfg(feature = "smoltcp")]
mod drive;
mod error;
#[cfg(all(feature = "std", unix))]
pub mod host;
#[cfg(any(feature = "smoltcp", all(feature = "std", unix)))]
mod order;
#[cfg(feature = "smoltcp")]
mod stack;
#[cfg(any(feature = "smoltcp", all(feature = "std", unix)))]
mod time;
mod timers;

#[cfg(feature = "smoltcp")]
pub use config::{Config, Ipv4Config, Ipv4Settings, MAX_DNS_SERVERS};
pub use conn::TcpStatus;
#[cfg(feature = "smoltcp")]
pub use conn::{TcpConn, TcpHandle};
#[cfg(feature = "dhcpv4")]
pub use dhcp::{DhcpState, DhcpStorage, DHCP_MAX_REPLY_LEN};
#[cfg(feature = "dns")]
pub use dns::{DnsQueryHandle, DnsStorage, DNS_MAX_REPLY_LEN};
#[cfg(feature = "dns")]
pub use error::DnsError;

/// Entry points for the fuzz targets (`fuzz/`); not a stable API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing {
    #[cfg(feature = "dhcpv4")]
    pub use crate::dhcp::fuzz_reply as dhcp_reply;
    #[cfg(feature = "dns")]
    pub use crate::dns::fuzz_reply as dns_reply;
}
pub use error::StackError;
/// The layering contract (from rawnet-altcp), re-exported so `rawnet_tcp::{Connection,
/// Callbacks, Instant, Duration}` keep working for users of this crate.
pub use rawnet_altcp::{Callbacks, Connection, Duration, Instant};
/// The smoltcp this crate is built on, for its address types and socket storage.
#[cfg(feature = "smoltcp")]
pub use smoltcp;
#[cfg(feature = "smoltcp")]
pub use stack::{Stack, RECV_CHUNK};
pub use timers::TcpTimers;

/// Why a TCP connection failed (the `err_t` of lwIP's `tcp_err` callback).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum TcpError {
    /// The peer answered the SYN with a reset (lwIP `ERR_RST` during connect; a closed port).
    Refused,
    /// The peer reset an open connection (lwIP `ERR_RST`).
    Reset,
    /// No answer within the connection's timeout: to the SYN, or to data sent (lwIP `ERR_ABRT`
    /// after `TCP_MAXRTX`).
    TimedOut,
    /// The connection was aborted locally with [`Connection::abort`] (lwIP `ERR_ABRT`).
    Aborted,
    /// The operation needs an open connection and this one is not open (lwIP `ERR_CONN`).
    NotConnected,
    /// No route, no address yet, or no free socket (lwIP `ERR_RTE` / `ERR_MEM` at connect).
    Unreachable,
}

impl core::fmt::Display for TcpError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            TcpError::Refused => "connection refused",
            TcpError::Reset => "connection reset by peer",
            TcpError::TimedOut => "connection timed out",
            TcpError::Aborted => "connection aborted",
            TcpError::NotConnected => "not connected",
            TcpError::Unreachable => "destination unreachable",
        })
    }
}

impl core::error::Error for TcpError {}
