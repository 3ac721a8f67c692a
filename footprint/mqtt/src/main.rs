//! Footprint image for the MQTT client (rawnet-mqtt's codec, client and output ring) over
//! rawnet-tcp.
//!
//! Exists only to be measured by `cargo xtask size`. It does what the C anchor's MQTT
//! application does with lwIP's `apps/mqtt`: DHCP, a DNS lookup of the broker, one TCP
//! connection, CONNECT with a will, one SUBSCRIBE, a PUBLISH at QoS 0, 1 and 2 every second,
//! incoming messages counted, requests timed out, keep-alive, and a reconnect with backoff
//! when the connection ends. Without the `full` feature (the lean profile: rawnet-mqtt
//! without `qos2` and `streaming`) the QoS 2 publish and subscription are QoS 1. The baseline (`--features baseline`) is the same program with
//! the `footprint/net` echo application on the TCP connection instead of the client, so
//! `image - baseline` is the MQTT client alone.
#![no_std]
#![no_main]

use core::ptr::addr_of_mut;
use cortex_m_rt::entry;
use footprint_support::{now, wfi, Mac};
use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::{Config, DnsStorage, Duration, Stack};

static mut MAC: Mac = Mac::new();
static mut TCP_RX: [u8; 2048] = [0; 2048];
static mut TCP_TX: [u8; 2048] = [0; 2048];

#[cfg(not(feature = "baseline"))]
mod app {
    use rawnet_mqtt::client::{Commands, Connected, Disconnected, Handler, Message, RequestError};
    use rawnet_mqtt::wire::{PacketId, ReasonCode};

    /// The application's MQTT events: what lwIP's example callbacks do (count and remember).
    #[derive(Default)]
    pub struct App {
        pub up: bool,
        pub ended: bool,
        pub received: usize,
        pub messages: u32,
        pub completed: u32,
        pub failed: u32,
    }

    impl Handler for App {
        fn connected(&mut self, _info: &Connected<'_>, _: &mut impl Commands) {
            self.up = true;
        }
        fn disconnected(&mut self, _reason: Disconnected, _: &mut impl Commands) {
            self.up = false;
            self.ended = true;
        }
        fn published(
            &mut self,
            _id: Option<PacketId>,
            result: Result<ReasonCode, RequestError>,
            _: &mut impl Commands,
        ) {
            match result {
                Ok(_) => self.completed += 1,
                Err(_) => self.failed += 1,
            }
        }
        fn message_start(&mut self, _message: &Message<'_>, _: &mut impl Commands) {
            self.messages += 1;
        }
        fn message_data(&mut self, data: &[u8], _last: bool, _: &mut impl Commands) {
            self.received += data.len();
        }
    }
}

#[cfg(feature = "baseline")]
mod app {
    /// The `footprint/net`-style echo application (shared with the tls image).
    pub type App = footprint_support::Echo;
}

/// The highest QoS the image uses: 2, or 1 in the lean profile (no `full`).
#[cfg(all(not(feature = "baseline"), feature = "full"))]
const TOP_QOS: rawnet_mqtt::wire::QoS = rawnet_mqtt::wire::QoS::ExactlyOnce;
#[cfg(all(not(feature = "baseline"), not(feature = "full")))]
const TOP_QOS: rawnet_mqtt::wire::QoS = rawnet_mqtt::wire::QoS::AtLeastOnce;
#[cfg(not(feature = "baseline"))]
const SUB_QOS: rawnet_mqtt::wire::QoS = TOP_QOS;

#[cfg(not(feature = "baseline"))]
static mut MQTT: rawnet_mqtt::client::BufferStorage<1024, 1024, 1024> =
    rawnet_mqtt::client::BufferStorage::new();

#[entry]
fn main() -> ! {
    // SAFETY: `main` runs once; these statics are handed out exactly once, here.
    let (mac, tcp_rx, tcp_tx) = unsafe {
        (
            &mut *addr_of_mut!(MAC),
            &mut *addr_of_mut!(TCP_RX),
            &mut *addr_of_mut!(TCP_TX),
        )
    };
    let mut dhcp = rawnet_tcp::DhcpStorage::new();
    let mut sockets = [SocketStorage::EMPTY; 3];
    let config = Config::new_dhcp(mac.mac_address(), 0x5eed);
    let Ok(mut stack) = Stack::new(SmoltcpDevice::new(mac), config, &mut sockets, now()) else {
        panic!()
    };
    if stack.enable_dhcp(&mut dhcp).is_err() {
        panic!()
    }
    let mut dns: DnsStorage<1> = DnsStorage::new();
    if stack.enable_dns(&mut dns).is_err() {
        panic!()
    }
    let Ok(mut conn) = stack.tcp_socket(tcp_rx, tcp_tx) else {
        panic!()
    };

    #[cfg(not(feature = "baseline"))]
    let mut client = {
        use rawnet_mqtt::client::{Client, Options};
        use rawnet_mqtt::wire::{QoS, Version, Will};
        // SAFETY: as above.
        let storage = unsafe { &mut *addr_of_mut!(MQTT) };
        let mut options = Options::new("frdm-k64f");
        #[cfg(all(feature = "v5", not(feature = "v311")))]
        {
            options.version = Version::V5;
        }
        #[cfg(not(all(feature = "v5", not(feature = "v311"))))]
        {
            options.version = Version::V311;
        }
        options.keep_alive = 60;
        options.will = Some(Will {
            qos: QoS::AtLeastOnce,
            topic: "devices/frdm-k64f/status",
            payload: b"offline",
            ..Will::default()
        });
        let client: Client<'_, app::App, 4, 4> =
            Client::new(app::App::default(), options, storage.buffers());
        client
    };
    #[cfg(feature = "baseline")]
    let mut client = app::App::default();

    #[cfg(not(feature = "baseline"))]
    let mut backoff = rawnet_mqtt::client::Backoff::new(
        Duration::from_ticks(1_000),
        Duration::from_ticks(60_000),
    );
    #[cfg(feature = "baseline")]
    let _ = Duration::from_ticks(0);
    #[cfg(not(feature = "baseline"))]
    let mut subscribed = false;
    #[cfg(not(feature = "baseline"))]
    let mut next_publish = now();
    #[cfg(not(feature = "baseline"))]
    let mut seq: u8 = 0;

    let mut query = None;
    loop {
        let t = now();
        stack.poll(t);
        match (&mut query, stack.ipv4_address()) {
            (None, Some(_)) => query = stack.dns_query("broker.example").ok(),
            (Some(q), Some(_)) => {
                #[cfg(not(feature = "baseline"))]
                let due = backoff.due(t);
                #[cfg(feature = "baseline")]
                let due = true;
                if due {
                    if let Ok(addr) = stack.dns_result(q) {
                        let _ = stack.connect(&mut conn, addr, 1883, t);
                    }
                }
            }
            _ => {}
        }
        stack.drive(&mut conn, &mut client, t);

        #[cfg(not(feature = "baseline"))]
        {
            use rawnet_mqtt::client::Publication;
            use rawnet_mqtt::wire::{QoS, Subscription, SubscriptionOptions};
            if client.is_connected() {
                backoff.succeeded();
                let mut c = stack.connection(&mut conn);
                if !subscribed {
                    let topics = [Subscription {
                        filter: "devices/frdm-k64f/cmd/#",
                        options: SubscriptionOptions::qos(SUB_QOS),
                    }];
                    subscribed = client.subscribe(&mut c, &topics, t).is_ok();
                }
                if t >= next_publish {
                    next_publish = t + Duration::from_ticks(1_000);
                    seq = seq.wrapping_add(1);
                    let qos = match seq % 3 {
                        0 => QoS::AtMostOnce,
                        1 => QoS::AtLeastOnce,
                        _ => TOP_QOS,
                    };
                    let payload = [b'0' + seq % 10; 8];
                    let msg = Publication::new("devices/frdm-k64f/temp", &payload).qos(qos);
                    let _ = client.publish(&mut c, &msg, t);
                }
            }
            if client.handler().ended {
                client.handler_mut().ended = false;
                subscribed = false;
                query = None;
                let _ = backoff.failed(t, t.duration_since_epoch().as_millis() as u32);
            }
        }
        #[cfg(feature = "baseline")]
        if client.failed {
            client.failed = false;
            query = None;
        }
        wfi();
    }
}
