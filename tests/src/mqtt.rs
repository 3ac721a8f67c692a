//! rawnet-mqtt clients on a host rawnet stack, talking to a real Mosquitto through the
//! restricted slirp driver: each client gets its own forward (guest 10.0.2.(100+i):1883 →
//! 127.0.0.1:broker port), since a slirp forward carries one connection at a time.

use crate::host::{buffer, dhcp_stack, now, wait_for_lease};
use crate::mosquitto::Mosquitto;
use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_eth::SmoltcpDevice;
use rawnet_mqtt::client::{
    Buffers, Client, Commands, Connected, Disconnected, Granted, Handler, Message, Options,
    RequestError,
};
use rawnet_mqtt::wire::{PacketId, ReasonCode};
use rawnet_tcp::smoltcp::wire::{IpAddress, Ipv4Address};
use rawnet_tcp::{Callbacks, Stack, TcpConn, TcpHandle};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::time::{Duration, Instant as StdInstant};

/// The broker's port inside the virtual network.
pub const GUEST_PORT: u16 = 1883;

/// A received message, reassembled from its fragments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// Topic.
    pub topic: String,
    /// Whole payload.
    pub payload: Vec<u8>,
    /// QoS it arrived with (0..=2).
    pub qos: u8,
    /// Retain flag.
    pub retain: bool,
    /// Number of `message_data` calls it took.
    pub fragments: usize,
    /// Subscription Identifiers it carried (MQTT 5.0).
    pub subscription_ids: Vec<u32>,
}

/// What a test client's handler saw.
#[derive(Debug, Default)]
pub struct App {
    /// CONNACKs accepted: session present flag of each.
    pub connects: Vec<bool>,
    /// Ends of connections.
    pub disconnects: Vec<Disconnected>,
    /// Completed publishes.
    pub published: Vec<(Option<u16>, Result<ReasonCode, RequestError>)>,
    /// Completed subscribes: id and reason codes.
    pub subscribed: Vec<(u16, Result<Vec<ReasonCode>, RequestError>)>,
    /// Completed unsubscribes: id and reason codes.
    pub unsubscribed: Vec<(u16, Result<Vec<ReasonCode>, RequestError>)>,
    /// Messages received whole.
    pub messages: Vec<Received>,
    current: Option<Received>,
}

impl Handler for App {
    fn connected(&mut self, info: &Connected<'_>, _: &mut impl Commands) {
        self.connects.push(info.session_present);
    }
    fn disconnected(&mut self, reason: Disconnected, _: &mut impl Commands) {
        self.disconnects.push(reason);
    }
    fn published(
        &mut self,
        id: Option<PacketId>,
        result: Result<ReasonCode, RequestError>,
        _: &mut impl Commands,
    ) {
        self.published.push((id.map(|i| i.get()), result));
    }
    fn subscribed(
        &mut self,
        id: PacketId,
        result: Result<Granted<'_>, RequestError>,
        _: &mut impl Commands,
    ) {
        self.subscribed
            .push((id.get(), result.map(|c| c.iter().collect())));
    }
    fn unsubscribed(
        &mut self,
        id: PacketId,
        result: Result<Granted<'_>, RequestError>,
        _: &mut impl Commands,
    ) {
        self.unsubscribed
            .push((id.get(), result.map(|c| c.iter().collect())));
    }
    fn message_start(&mut self, m: &Message<'_>, _: &mut impl Commands) {
        self.current = Some(Received {
            topic: m.topic.into(),
            payload: Vec::with_capacity(m.len),
            qos: m.qos.bits(),
            retain: m.retain,
            fragments: 0,
            subscription_ids: m.subscription_identifiers().collect(),
        });
    }
    fn message_data(&mut self, data: &[u8], last: bool, _: &mut impl Commands) {
        if let Some(c) = self.current.as_mut() {
            c.payload.extend_from_slice(data);
            c.fragments += 1;
        }
        if last {
            if let Some(c) = self.current.take() {
                self.messages.push(c);
            }
        }
    }
}

/// Request records of a test client (the default is 8).
pub const RECORDS: usize = 16;

/// A test client: its TCP handle, its forward address and the MQTT client.
pub struct Peer {
    /// The TCP connection.
    pub handle: TcpHandle,
    /// The guest address of its forward.
    pub addr: Ipv4Addr,
    /// The client.
    pub client: Client<'static, App, RECORDS>,
}

/// The whole stack on slirp with a broker behind it.
pub struct Rig {
    /// The rawnet stack.
    pub stack: Stack<'static, SmoltcpDevice<SlirpDevice>>,
    /// The broker.
    pub broker: Mosquitto,
    peers: u8,
}

impl Rig {
    /// A stack with `forwards` forwards to `broker`, holding a DHCP lease.
    pub fn new(broker: Mosquitto, forwards: u8) -> Rig {
        let mut slirp = SlirpDevice::new(SlirpConfig::default()).expect("slirp");
        for i in 0..forwards {
            let guest = Ipv4Addr::new(10, 0, 2, 100 + i);
            slirp
                .forward(SocketAddrV4::new(guest, GUEST_PORT), broker.plain.port())
                .expect("forward");
        }
        let mut stack = dhcp_stack(slirp, 0x6d71 + u64::from(forwards));
        wait_for_lease(&mut stack, Duration::from_secs(10)).expect("lease");
        Rig {
            stack,
            broker,
            peers: 0,
        }
    }

    /// A client on the next forward, with `options` and an output ring / receive buffer of
    /// `ring` / `rx` bytes and a 4 KiB store. Not connected yet.
    pub fn peer(&mut self, options: Options<'static>, ring: usize, rx: usize) -> Peer {
        self.peer_with(options, ring, rx, |c| c)
    }

    /// [`Rig::peer`], with `setup` applied to the client (topic alias storage...).
    pub fn peer_with(
        &mut self,
        options: Options<'static>,
        ring: usize,
        rx: usize,
        setup: impl FnOnce(Client<'static, App, RECORDS>) -> Client<'static, App, RECORDS>,
    ) -> Peer {
        let addr = Ipv4Addr::new(10, 0, 2, 100 + self.peers);
        self.peers += 1;
        let handle = self
            .stack
            .tcp_socket(buffer(8 * 1024), buffer(8 * 1024))
            .expect("socket");
        let buffers = Buffers {
            output: buffer(ring),
            receive: buffer(rx),
            store: buffer(4096),
        };
        Peer {
            handle,
            addr,
            client: setup(Client::new(App::default(), options, buffers)),
        }
    }

    /// Opens `peer`'s TCP connection; MQTT follows from the `connected` callback.
    pub fn open(&mut self, peer: &mut Peer) {
        let a = peer.addr.octets();
        let ip = IpAddress::Ipv4(Ipv4Address::new(a[0], a[1], a[2], a[3]));
        self.stack
            .connect(&mut peer.handle, ip, GUEST_PORT, now())
            .expect("connect");
    }

    /// Opens `peer` and runs until the broker accepted it.
    pub fn connect(&mut self, peer: &mut Peer) -> Result<(), String> {
        let before = peer.client.handler().connects.len();
        let ends = peer.client.handler().disconnects.len();
        self.open(peer);
        self.run(&mut [peer], Duration::from_secs(10), "CONNACK", |p| {
            p[0].client.handler().connects.len() > before
                || p[0].client.handler().disconnects.len() > ends
        })?;
        if peer.client.is_connected() {
            Ok(())
        } else {
            Err(format!(
                "not connected: {:?}",
                peer.client.handler().disconnects
            ))
        }
    }

    /// The superloop over several clients: poll the stack, drive every connection, until
    /// `done` or `timeout` (then an error naming `what`).
    pub fn run(
        &mut self,
        peers: &mut [&mut Peer],
        timeout: Duration,
        what: &str,
        mut done: impl FnMut(&[&mut Peer]) -> bool,
    ) -> Result<(), String> {
        let until = StdInstant::now() + timeout;
        loop {
            let t = now();
            let busy = self.stack.poll(t);
            for p in peers.iter_mut() {
                drive(&mut self.stack, &mut p.handle, &mut p.client, t);
            }
            if done(peers) {
                return Ok(());
            }
            if StdInstant::now() > until {
                return Err(format!("{what}: not done within {timeout:?}"));
            }
            if !busy {
                std::thread::sleep(Duration::from_micros(300));
            }
        }
    }

    /// The connection of `peer`, for a command.
    pub fn conn<'s>(
        &'s mut self,
        peer: &'s mut Peer,
    ) -> (TcpConn<'s, 'static>, &'s mut Client<'static, App, RECORDS>) {
        (self.stack.connection(&mut peer.handle), &mut peer.client)
    }
}

fn drive<C>(
    stack: &mut Stack<'static, SmoltcpDevice<SlirpDevice>>,
    h: &mut TcpHandle,
    c: &mut C,
    t: rawnet_tcp::Instant,
) where
    C: for<'s> Callbacks<TcpConn<'s, 'static>>,
{
    stack.drive(h, c, t);
}
