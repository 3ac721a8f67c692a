//! # rawnet-app: the application both boards run
//!
//! The NXP FRDM-K64F lwIP + mbedTLS MQTT example, made robust: bring the link up, get an
//! address (DHCP, or a static one), resolve the broker's name, open TCP, run TLS 1.3 verifying
//! the broker against the CA compiled in (and presenting the device's certificate if one is
//! configured), connect MQTT with a will, subscribe to a command topic, publish a status
//! message every period, answer commands. Any failure — link loss, no lease, DNS, refused, TLS
//! alert or certificate, MQTT error, keep-alive — is logged with its reason and followed by a
//! reconnect with exponential backoff and jitter; QoS 1 status messages published while the
//! broker is unreachable wait in the client's store and leave after the reconnect.
//!
//! A board supplies its drivers through [`Board`], its Ethernet driver, a cryptographically
//! secure RNG and the [`Memory`] (a `static`), and calls [`run`] from its `main`:
//!
//! ```ignore
//! static MEMORY: StaticCell<rawnet_app::Memory> = ...;
//! let stop = rawnet_app::run(&mut board, eth, &mut rng, memory);
//! ```
//!
//! Everything the application is configured with (broker, port, CA, client certificate and
//! key, client id, topics, period, static address) is read at build time from `RAWNET_*`
//! settings by `build.rs`; see README.md. The device has no real-time clock: certificates are
//! checked against the firmware's build time as the earliest possible date
//! (`Time::NoEarlierThan`), so an expired certificate is caught only once the firmware is newer
//! than its expiry — documented in docs/tls.md ("Time").
//!
//! The superloop never blocks: [`run`] polls the stack, drives the one TCP connection (TLS
//! over it, MQTT over TLS) and asks [`Board::idle`] to wait between events.
//!
//! The log is [defmt](https://defmt.ferrous-systems.com/): every line is a `defmt` macro
//! whose format string stays in the ELF (not in flash), and the errors and states are logged
//! through the rawnet crates' `defmt::Format` derives, so the image links no `core::fmt`.
//! The board supplies the `#[defmt::global_logger]` (its serial port) and a
//! `defmt::timestamp!` in milliseconds since boot (`{=u64:ms}`); the host decodes the frames
//! with the firmware's ELF (`rawnet_tests::defmt_log`, `defmt-print`). Lines are `info`,
//! failures `warn`, what stops the application `error`: build with `DEFMT_LOG=info` (the
//! boards' `.cargo/config.toml` sets it), since defmt's default filter keeps `error` only.
#![no_std]
#![warn(missing_docs)]
#![deny(unsafe_code)]

pub mod config;
mod events;
mod session;
mod status;

use rand_core::CryptoRngCore;
use rawnet_eth::{EthernetDriver, LinkState, SmoltcpDevice};
use rawnet_mqtt::client::{Backoff, BufferStorage, Client, Options, QueueFull};
use rawnet_mqtt::wire::{Properties, QoS, Version, Will};
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::smoltcp::wire::{Ipv4Address, Ipv4Cidr};
use rawnet_tcp::{
    Config, DhcpState, DhcpStorage, DnsStorage, Duration, Instant, Ipv4Settings, Stack,
};
use rawnet_tls::TlsBuffers;

pub use events::Events;

/// What the application needs from a board besides the Ethernet driver and the RNG (and the
/// defmt logger and timestamp: see the crate documentation).
pub trait Board {
    /// Milliseconds since boot, monotonic.
    fn now(&mut self) -> Instant;
    /// Turn the board's LED on or off (commands `led on` / `led off`).
    fn set_led(&mut self, on: bool) {
        let _ = on;
    }
    /// Bytes of stack never used since boot (stack painting), if the board measures it.
    fn free_stack(&self) -> Option<usize> {
        None
    }
    /// Nothing to do until the next frame or timer (a board may `wfi` here).
    fn idle(&mut self) {}
}

/// Sizes of the buffers in [`Memory`].
pub mod sizes {
    /// TCP receive buffer (the window) and send buffer.
    pub const TCP_RX: usize = 2048;
    /// TCP send buffer.
    pub const TCP_TX: usize = 2048;
    /// TLS read buffer: one record of the configured size + 256 of expansion + header.
    pub const TLS_READ: usize = rawnet_tls::read_buffer_len(Some(super::config::MAX_FRAGMENT));
    /// TLS write buffer: the ClientHello for the configured name, or the client's Certificate
    /// message.
    pub const TLS_WRITE: usize = rawnet_tls::write_buffer_len_for(
        super::config::TLS_NAME.len(),
        0,
        match super::config::CLIENT_CERT_DER {
            Some(c) => c.len(),
            None => 0,
        },
    );
    /// MQTT output ring, receive buffer, message store (QoS 1 messages kept across
    /// reconnects).
    pub const MQTT_OUT: usize = 1024;
    /// MQTT receive buffer.
    pub const MQTT_RX: usize = 1024;
    /// MQTT message store.
    pub const MQTT_STORE: usize = 2048;
}

/// The application's memory: every buffer of the stack, TLS and MQTT, in one `static`. All
/// zeros, so it costs `.bss` only (the socket and DNS query slots, whose empty values are not
/// zeros, live in [`run`]'s frame).
pub struct Memory {
    tcp_rx: [u8; sizes::TCP_RX],
    tcp_tx: [u8; sizes::TCP_TX],
    tls: TlsBuffers<{ sizes::TLS_READ }, { sizes::TLS_WRITE }>,
    mqtt: BufferStorage<{ sizes::MQTT_OUT }, { sizes::MQTT_RX }, { sizes::MQTT_STORE }>,
}

impl Memory {
    /// Zeroed memory, for a `static`.
    pub const fn new() -> Self {
        Memory {
            tcp_rx: [0; sizes::TCP_RX],
            tcp_tx: [0; sizes::TCP_TX],
            tls: TlsBuffers::new(),
            mqtt: BufferStorage::new(),
        }
    }
}

impl Default for Memory {
    fn default() -> Self {
        Self::new()
    }
}

/// Why [`run`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, defmt::Format)]
pub enum Stop {
    /// `RAWNET_STOP_AFTER` status messages were acknowledged and the client disconnected.
    Done,
    /// Something that retrying cannot fix (a configuration the stack refuses).
    Fatal(&'static str),
}

/// Backoff between connection attempts: 1 s doubling to 60 s, with up to half again of jitter.
const BACKOFF: (Duration, Duration) = (Duration::from_ticks(1_000), Duration::from_ticks(60_000));

/// The MQTT client as the application holds it across connections.
pub(crate) type Mqtt = Client<'static, Events, 8, 4>;

/// Run the application until it stops (only with `RAWNET_STOP_AFTER`; otherwise forever).
pub fn run<B, E, R>(board: &mut B, eth: E, rng: &mut R, memory: &'static mut Memory) -> Stop
where
    B: Board,
    E: EthernetDriver,
    R: CryptoRngCore,
{
    let Memory {
        tcp_rx,
        tcp_tx,
        tls,
        mqtt,
    } = memory;
    let now = board.now();
    let mac = eth.mac_address();
    defmt::info!(
        "rawnet: {=str} -> mqtts://{=str}:{=u16} (TLS name {=str}), client id {=str}",
        board_name(),
        config::BROKER,
        config::BROKER_PORT,
        config::TLS_NAME,
        config::CLIENT_ID
    );
    let seed = rng.next_u64();
    // DHCP, DNS, TCP.
    let mut sockets = [
        SocketStorage::EMPTY,
        SocketStorage::EMPTY,
        SocketStorage::EMPTY,
    ];
    let mut dns: DnsStorage<1> = DnsStorage::new();
    let mut dhcp = DhcpStorage::new();
    let net = match config::STATIC_IPV4 {
        Some(s) => {
            let mut settings =
                Ipv4Settings::new(Ipv4Cidr::new(Ipv4Address::from(s.address), s.prefix_len));
            if let Some(gw) = s.gateway {
                settings = settings.with_router(Ipv4Address::from(gw));
            }
            if let Some(dns) = s.dns {
                settings = settings.with_dns_server(Ipv4Address::from(dns));
            }
            Config::new_static(mac, settings, seed)
        }
        None => Config::new_dhcp(mac, seed),
    };
    let mut stack = match Stack::new(SmoltcpDevice::new(eth), net, &mut sockets, now) {
        Ok(s) => s,
        Err(_) => return Stop::Fatal("no stack"),
    };
    if stack.dhcp_state() == DhcpState::Discovering && stack.enable_dhcp(&mut dhcp).is_err() {
        return Stop::Fatal("no socket slot for DHCP");
    }
    if stack.enable_dns(&mut dns).is_err() {
        return Stop::Fatal("no socket slot for DNS");
    }
    let Ok(handle) = stack.tcp_socket(tcp_rx, tcp_tx) else {
        return Stop::Fatal("no socket slot for TCP");
    };
    let mut options = Options::new(config::CLIENT_ID);
    // MQTT 3.1.1 unless the firmware is built with `mqtt5` (which links the 5.0 paths).
    #[cfg(feature = "mqtt5")]
    let version = Version::V5;
    #[cfg(not(feature = "mqtt5"))]
    let version = Version::V311;
    options.version = version;
    options.keep_alive = config::KEEP_ALIVE_S;
    options.clean_start = false;
    options.connect_timeout = Duration::from_ticks(10_000);
    options.request_timeout = Duration::from_ticks(15_000);
    options.queue_full = QueueFull::DropOldest;
    options.will = Some(Will {
        qos: QoS::AtLeastOnce,
        retain: true,
        topic: config::ONLINE_TOPIC,
        payload: b"false",
        properties: Properties::EMPTY,
    });
    let client: Mqtt = Client::new(Events::default(), options, mqtt.buffers());
    let mut device = session::Device {
        board,
        stack,
        handle,
        client: Some(client),
        backoff: Backoff::new(BACKOFF.0, BACKOFF.1),
        link: LinkState::Down,
        dhcp: DhcpState::Discovering,
        boot: now,
        next_status: now,
        count: 0,
        waiting: None,
        connections: 0,
        polls: 0,
    };
    device.run(rng, tls)
}

/// The board's name for the log (set by the board crate's `RAWNET_BOARD` at build time).
fn board_name() -> &'static str {
    match option_env!("RAWNET_BOARD") {
        Some(name) => name,
        None => "board",
    }
}
