//! The superloop: network up, then one connection after another to the broker (DNS, TCP, TLS,
//! MQTT), each failure logged with its reason and followed by a backoff.

use core::pin::pin;

use rand_core::CryptoRngCore;
use rawnet_eth::{EthernetDriver, LinkState, SmoltcpDevice};
use rawnet_mqtt::client::{Backoff, Error as MqttError, Publication};
use rawnet_mqtt::wire::{QoS, Subscription, SubscriptionOptions};
use rawnet_tcp::smoltcp::socket::tcp;
use rawnet_tcp::smoltcp::wire::{IpAddress, Ipv4Address};
use rawnet_tcp::{
    Callbacks, Connection, DhcpState, Duration, Instant, Stack, TcpError, TcpHandle, TcpStatus,
};
use rawnet_tls::{
    session, ClientConfig, NoSigner, P256Signer, SignError, Signer, Time, Tls, TlsBuffers,
    Verification,
};

use crate::status::Status;
use crate::{config, Board, Mqtt, Stop};

/// How long a DNS answer may take.
const DNS_TIMEOUT: Duration = Duration::from_ticks(5_000);
/// How long a requested DISCONNECT may take to leave before TCP is aborted.
const CLOSE_TIMEOUT: Duration = Duration::from_ticks(2_000);
/// How soon a status message the client had no room for is tried again (ms).
const STATUS_RETRY_MS: u64 = 100;

/// The application's state between connections.
pub(crate) struct Device<'d, B, E: EthernetDriver> {
    pub board: &'d mut B,
    pub stack: Stack<'d, SmoltcpDevice<E>>,
    pub handle: TcpHandle,
    /// The MQTT client, here between connections and inside TLS during one.
    pub client: Option<Mqtt>,
    pub backoff: Backoff,
    pub link: LinkState,
    pub dhcp: DhcpState,
    pub boot: Instant,
    pub next_status: Instant,
    /// Status messages made so far.
    pub count: u32,
    /// The next status message was refused for want of room (its number, once logged).
    pub waiting: Option<u32>,
    /// MQTT sessions established since boot.
    pub connections: u32,
    /// Turns of the superloop since boot (calls of `tick`).
    pub polls: u32,
}

/// How one connection ended.
enum End {
    /// Failed or lost: back off and try again.
    Failed,
    /// The requested DISCONNECT after `RAWNET_STOP_AFTER` status messages.
    Stopped,
    /// Retrying cannot help.
    Fatal(&'static str),
}

/// Why the TLS connection failed, as the MQTT client above it hears it.
type TlsError = rawnet_tls::Error<TcpError>;

/// The layer between TLS and the MQTT client: forwards every callback and keeps the reason a
/// connection failed (the client does not hear errors before its CONNECT went out, e.g. a
/// rejected certificate), to be logged through its `defmt::Format`.
struct Watch {
    client: Mqtt,
    error: Option<TlsError>,
}

impl<C: Connection<Error = TlsError>> Callbacks<C> for Watch {
    fn connected(&mut self, conn: &mut C, now: Instant) {
        Callbacks::<C>::connected(&mut self.client, conn, now);
    }
    fn recv(&mut self, conn: &mut C, data: &[u8], now: Instant) -> usize {
        self.client.recv(conn, data, now)
    }
    fn eof(&mut self, conn: &mut C, now: Instant) {
        self.client.eof(conn, now);
    }
    fn sent(&mut self, conn: &mut C, len: usize, now: Instant) {
        self.client.sent(conn, len, now);
    }
    fn poll(&mut self, conn: &mut C, now: Instant) {
        self.client.poll(conn, now);
    }
    fn err(&mut self, err: C::Error, now: Instant) {
        self.error = Some(err);
        Callbacks::<C>::err(&mut self.client, err, now);
    }
}

/// What is left to do after CONNACK (see `Device::setup`).
#[derive(Default)]
struct Setup {
    online: bool,
    subscribe: bool,
    /// The reason for waiting was logged.
    said: bool,
}

impl Setup {
    fn note(&mut self, e: rawnet_mqtt::client::Error) {
        if !core::mem::replace(&mut self.said, true) {
            defmt::info!("mqtt: announcing and subscribing later: {}", e);
        }
    }
}

/// The device's key for mutual TLS, if one is configured.
enum DeviceSigner {
    None(NoSigner),
    Key(P256Signer),
}

impl Signer for DeviceSigner {
    fn sign_p256_sha256(&mut self, message: &[u8], out: &mut [u8; 72]) -> Result<usize, SignError> {
        match self {
            // `Key` is built only when a key is configured; the constant test lets the
            // compiler drop ECDSA signing (scalar arithmetic, RFC 6979) from images without
            // one, which the stored enum alone does not (docs/footprint.md).
            DeviceSigner::Key(s) if config::CLIENT_KEY.is_some() => {
                s.sign_p256_sha256(message, out)
            }
            DeviceSigner::Key(_) | DeviceSigner::None(_) => NoSigner.sign_p256_sha256(message, out),
        }
    }
}

impl<'d, B: Board, E: EthernetDriver> Device<'d, B, E> {
    /// The superloop (see the crate documentation).
    pub fn run<R: CryptoRngCore, const READ: usize, const WRITE: usize>(
        &mut self,
        rng: &mut R,
        tls: &mut TlsBuffers<READ, WRITE>,
    ) -> Stop {
        loop {
            let now = self.tick();
            self.status_offline(now);
            if self.link != LinkState::Up
                || self.stack.ipv4_address().is_none()
                || !self.backoff.due(now)
            {
                self.board.idle();
                continue;
            }
            let Some(ip) = self.resolve() else {
                self.failed(rng);
                continue;
            };
            match self.connect(ip, rng, tls) {
                End::Failed => self.failed(rng),
                End::Stopped => return Stop::Done,
                End::Fatal(why) => {
                    defmt::error!("fatal: {=str}", why);
                    return Stop::Fatal(why);
                }
            }
        }
    }

    /// Poll the stack; log link and lease changes. The time of the poll.
    fn tick(&mut self) -> Instant {
        self.polls = self.polls.wrapping_add(1);
        let now = self.board.now();
        self.stack.poll(now);
        let link = self.stack.device_mut().driver_mut().link_state();
        if link != self.link {
            self.link = link;
            if link == LinkState::Up {
                defmt::info!("link up");
            } else {
                defmt::warn!("link down");
            }
        }
        let dhcp = self.stack.dhcp_state();
        if dhcp != self.dhcp {
            self.dhcp = dhcp;
            match (dhcp, self.stack.ipv4_settings()) {
                (DhcpState::Bound | DhcpState::Disabled, Some(s)) => defmt::info!(
                    "ipv4: {}/{=u8} router {} dns {}{=str}",
                    s.address.address(),
                    s.address.prefix_len(),
                    s.router,
                    s.dns_servers.as_slice(),
                    if dhcp == DhcpState::Bound {
                        " (DHCP lease)"
                    } else {
                        " (static)"
                    }
                ),
                _ => defmt::info!("ipv4: no address (DHCP discovering)"),
            }
        }
        now
    }

    /// A connection attempt or the connection failed: count it, log when the next one starts.
    fn failed<R: CryptoRngCore>(&mut self, rng: &mut R) {
        let now = self.board.now();
        let delay = self.backoff.failed(now, rng.next_u32());
        defmt::info!(
            "retrying in {=u64} ms (attempt {} failed)",
            delay.as_ticks(),
            self.backoff.attempts()
        );
    }

    /// The next status message (number `count + 1`), when its time has come. It counts as
    /// made once the client took it ([`Session::status_taken`]), so a message the client
    /// has no room for yet is made again a little later, never lost.
    fn status_due(
        &mut self,
        now: Instant,
    ) -> Option<heapless::String<{ crate::status::MAX_STATUS }>> {
        if now < self.next_status {
            return None;
        }
        let status = Status {
            count: self.count + 1,
            uptime_ms: (now - self.boot).as_ticks(),
            free_stack: self.board.free_stack(),
            connections: self.connections,
            polls: self.polls,
        };
        Some(status.to_json())
    }

    /// What became of the status message [`Session::status_due`] made: taken (`Ok`), refused
    /// for now, or refused for good. Returns whether it took a number.
    fn status_taken(&mut self, result: Result<(), MqttError>, now: Instant) -> bool {
        let number = self.count + 1;
        match result {
            Ok(()) => {}
            // Full for now (every request record or the store in use, acknowledgements
            // outstanding): the same message again shortly, with a fresh uptime.
            Err(
                e @ (MqttError::TooManyRequests
                | MqttError::StoreFull
                | MqttError::ReceiveMaximum
                | MqttError::OutputFull
                | MqttError::Busy),
            ) => {
                if self.waiting != Some(number) {
                    defmt::info!("status #{=u32} waits for room: {}", number, e);
                    self.waiting = Some(number);
                }
                self.next_status = now + Duration::from_ticks(STATUS_RETRY_MS);
                return false;
            }
            Err(e) => defmt::warn!("status #{=u32} lost: {}", number, e),
        }
        self.waiting = None;
        self.count = number;
        self.next_status = now + Duration::from_ticks(config::PERIOD_MS);
        true
    }

    /// Between connections: status messages go to the client's store (QoS 1), to leave
    /// after the reconnect.
    fn status_offline(&mut self, now: Instant) {
        let Some(payload) = self.status_due(now) else {
            return;
        };
        let Some(client) = self.client.as_mut() else {
            return;
        };
        let msg = Publication::new(config::STATUS_TOPIC, payload.as_bytes()).qos(QoS::AtLeastOnce);
        let result = client.queue_publish(&msg);
        if let Ok(Some(id)) = result {
            let _ = client.handler_mut().status.push((id, self.count + 1));
        }
        if self.status_taken(result.map(drop), now) && result.is_ok() {
            defmt::info!(
                "status #{=u32} queued offline: {=str}",
                self.count,
                payload.as_str()
            );
            self.log_dropped();
        }
    }

    /// Say which status messages the client dropped from its full offline queue (the oldest
    /// make room for the newest; nothing is dropped unsaid).
    fn log_dropped(&mut self) {
        let Some(client) = self.client.as_mut() else {
            return;
        };
        let dropped = core::mem::take(&mut client.handler_mut().dropped);
        for count in dropped {
            defmt::warn!("status #{=u32} dropped: offline queue full", count);
        }
    }

    /// The broker's address: the configured literal, or a DNS answer.
    fn resolve(&mut self) -> Option<IpAddress> {
        if let Ok(ip) = config::BROKER.parse::<Ipv4Address>() {
            return Some(IpAddress::Ipv4(ip));
        }
        let start = self.board.now();
        let mut query = match self.stack.dns_query(config::BROKER) {
            Ok(q) => q,
            Err(e) => {
                defmt::warn!("dns: {=str} cannot be asked: {}", config::BROKER, e);
                return None;
            }
        };
        loop {
            let now = self.tick();
            match self.stack.dns_result(&mut query) {
                Ok(ip) => {
                    defmt::info!(
                        "dns: {=str} is {} ({=u64} ms)",
                        config::BROKER,
                        Ip(ip),
                        (now - start).as_ticks()
                    );
                    return Some(ip);
                }
                Err(nb::Error::Other(e)) => {
                    defmt::warn!("dns: {=str} failed: {}", config::BROKER, e);
                    return None;
                }
                Err(nb::Error::WouldBlock) if now > start + DNS_TIMEOUT => {
                    self.stack.dns_cancel(query);
                    defmt::warn!("dns: no answer for {=str} in 5 s", config::BROKER);
                    return None;
                }
                Err(nb::Error::WouldBlock) => self.board.idle(),
            }
        }
    }

    /// One connection: TCP, TLS, MQTT, until it ends.
    fn connect<R: CryptoRngCore, const READ: usize, const WRITE: usize>(
        &mut self,
        ip: IpAddress,
        rng: &mut R,
        tls: &mut TlsBuffers<READ, WRITE>,
    ) -> End {
        let start = self.board.now();
        if let Err(e) = self
            .stack
            .connect(&mut self.handle, ip, config::BROKER_PORT, start)
        {
            defmt::warn!("tcp: cannot connect to {}: {}", Ip(ip), e);
            return End::Failed;
        }
        defmt::info!("tcp: connecting to {}:{=u16}", Ip(ip), config::BROKER_PORT);
        let Ok(verification) = Verification::new(config::CA_DER) else {
            return End::Fatal("the configured CA certificate does not parse");
        };
        let Ok(tls_config) = ClientConfig::new(config::TLS_NAME, verification) else {
            return End::Fatal("the configured TLS name is invalid");
        };
        let mut tls_config = tls_config.with_max_fragment_length(config::MAX_FRAGMENT);
        let mut signer = DeviceSigner::None(NoSigner);
        if let (Some(cert), Some(key)) = (config::CLIENT_CERT_DER, config::CLIENT_KEY) {
            tls_config = tls_config.with_client_certificate(cert);
            match P256Signer::from_bytes(&key) {
                Some(s) => signer = DeviceSigner::Key(s),
                None => return End::Fatal("the configured client key is not a P-256 key"),
            }
        }
        let (shared, tls_read, tls_write) = tls.split();
        let time = Time::NoEarlierThan(config::BUILD_TIME);
        let Ok(fut) = session(&shared, &tls_config, time, tls_read, tls_write, rng, signer) else {
            return End::Fatal("TLS buffers too small for this configuration");
        };
        let fut = pin!(fut);
        let Some(client) = self.client.take() else {
            return End::Fatal("no MQTT client");
        };
        let mut tls = Tls::new(
            fut,
            Watch {
                client,
                error: None,
            },
        );
        let end = self.converse(&mut tls, start);
        self.client = Some(tls.into_inner().client);
        // The handle must be reusable for the next attempt.
        let now = self.board.now();
        if !matches!(self.handle.status(), TcpStatus::Idle | TcpStatus::Closed) {
            self.stack.connection(&mut self.handle).abort();
            self.stack.poll(now);
        }
        end
    }

    /// The life of one connection, from the SYN to its end.
    fn converse(&mut self, tls: &mut Tls<'_, '_, Watch>, start: Instant) -> End {
        let mut tcp_up = false;
        let mut tls_up = false;
        let mut stopping: Option<Instant> = None;
        let mut setup = Setup::default();
        loop {
            let now = self.tick();
            self.stack.drive(&mut self.handle, tls, now);
            if !tcp_up && self.handle.status() == TcpStatus::Open {
                tcp_up = true;
                defmt::info!("tcp: connected ({=u64} ms)", (now - start).as_ticks());
            }
            if !tls_up && tls.is_open() {
                tls_up = true;
                defmt::info!(
                    "tls: TLS 1.3 handshake done in {=u64} ms, {=str} verified",
                    (now - start).as_ticks(),
                    config::TLS_NAME
                );
            }
            let connected = tls.inner().client.is_connected();
            let events = tls.inner_mut().client.handler_mut();
            if let Some(resumed) = events.connack.take() {
                self.connections += 1;
                self.backoff.succeeded();
                defmt::info!(
                    "mqtt: connected as {=str} (session {=str})",
                    config::CLIENT_ID,
                    if resumed { "resumed" } else { "new" }
                );
                setup = Setup {
                    online: true,
                    subscribe: true,
                    said: false,
                };
            }
            if connected {
                self.setup(tls, &mut setup, now);
            }
            let events = tls.inner_mut().client.handler_mut();
            if let Some(granted) = events.subscribed.take() {
                if granted {
                    defmt::info!(
                        "mqtt: subscription to {=str} granted",
                        config::COMMAND_TOPIC
                    );
                } else {
                    defmt::warn!(
                        "mqtt: subscription to {=str} refused",
                        config::COMMAND_TOPIC
                    );
                }
            }
            for count in core::mem::take(&mut events.dropped) {
                defmt::warn!("status #{=u32} dropped: offline queue full", count);
            }
            let events = tls.inner_mut().client.handler_mut();
            if let Some(cmd) = events.command.take() {
                self.on_command(tls, &cmd, now);
            }
            if let Some(payload) = self.status_due(now) {
                self.publish_status(tls, &payload, connected, now);
            }
            let events = tls.inner_mut().client.handler_mut();
            if let (Some(n), None) = (config::STOP_AFTER, stopping) {
                if events.status_acked >= n && events.status.is_empty() {
                    defmt::info!("{=u32} status messages acknowledged: disconnecting", n);
                    stopping = Some(now);
                    self.with_client(tls, now, |c, conn, now| c.disconnect(conn, now));
                }
            }
            let events = tls.inner_mut().client.handler_mut();
            if let Some(reason) = events.ended.take() {
                if stopping.is_some() {
                    defmt::info!("mqtt: disconnected: {}", reason);
                    return self.close(tls);
                }
                match &tls.inner().error {
                    Some(e) => defmt::warn!("mqtt: disconnected: {}: {}", reason, e),
                    None => defmt::warn!("mqtt: disconnected: {}", reason),
                }
                return End::Failed;
            }
            if tls.is_done() || self.handle.status() == TcpStatus::Closed {
                match &tls.inner().error {
                    Some(e) => defmt::warn!("connection failed: {}", e),
                    None => defmt::warn!("connection closed"),
                }
                return End::Failed;
            }
            if self.link != LinkState::Up {
                defmt::warn!("connection abandoned: link down");
                return End::Failed;
            }
            self.board.idle();
        }
    }

    /// After a requested DISCONNECT: let it and TLS's close_notify leave, then stop.
    fn close(&mut self, tls: &mut Tls<'_, '_, Watch>) -> End {
        let until = self.board.now() + CLOSE_TIMEOUT;
        loop {
            let now = self.tick();
            self.stack.drive(&mut self.handle, tls, now);
            // Our FIN acknowledged, so the DISCONNECT and close_notify before it arrived (the
            // broker's own FIN and TIME-WAIT are the stack's business), or the connection gone.
            let state = self.stack.connection(&mut self.handle).tcp_state();
            let done = matches!(
                state,
                tcp::State::FinWait2 | tcp::State::TimeWait | tcp::State::Closed
            );
            if done || self.handle.status() == TcpStatus::Closed || now > until {
                defmt::info!("tcp: closed ({=str})", state_name(state));
                return End::Stopped;
            }
            self.board.idle();
        }
    }

    /// Run a client command from the superloop on the TLS connection.
    fn with_client<T>(
        &mut self,
        tls: &mut Tls<'_, '_, Watch>,
        now: Instant,
        f: impl FnOnce(
            &mut Mqtt,
            &mut rawnet_tls::TlsConn<'_, '_, rawnet_tcp::TcpConn<'_, 'd>>,
            Instant,
        ) -> T,
    ) -> T {
        let mut tcp = self.stack.connection(&mut self.handle);
        tls.with_connection(&mut tcp, now, |watch, conn| f(&mut watch.client, conn, now))
    }

    /// After CONNACK: say we are online (retained; the will says the opposite) and subscribe
    /// to commands. Each is tried again on later turns while the client's request table is
    /// full (status messages queued while offline go first); `pending` says what is left.
    fn setup(&mut self, tls: &mut Tls<'_, '_, Watch>, pending: &mut Setup, now: Instant) {
        if pending.online {
            let online = Publication::new(config::ONLINE_TOPIC, b"true")
                .qos(QoS::AtLeastOnce)
                .retain(true);
            match self.with_client(tls, now, |c, conn, now| c.publish(conn, &online, now)) {
                Ok(_) => pending.online = false,
                Err(e) => pending.note(e),
            }
        }
        if pending.subscribe {
            let subs = [Subscription {
                filter: config::COMMAND_TOPIC,
                options: SubscriptionOptions::qos(QoS::AtLeastOnce),
            }];
            match self.with_client(tls, now, |c, conn, now| c.subscribe(conn, &subs, now)) {
                Ok(_) => pending.subscribe = false,
                Err(e) => pending.note(e),
            }
        }
    }

    /// A command: act, then answer on the response topic.
    fn on_command(&mut self, tls: &mut Tls<'_, '_, Watch>, cmd: &[u8], now: Instant) {
        let text = core::str::from_utf8(cmd).unwrap_or("<not UTF-8>").trim();
        defmt::info!("command: \"{=str}\"", text);
        let mut reply: heapless::String<96> = heapless::String::new();
        match text {
            "ping" => {
                let _ = reply.push_str("pong");
            }
            "led on" | "led off" => {
                self.board.set_led(text == "led on");
                let _ = reply.push_str("ok: ");
                let _ = reply.push_str(text);
            }
            "status" => {
                self.next_status = now;
                let _ = reply.push_str("ok: status follows");
            }
            _ => {
                let _ = reply.push_str("unknown command: ");
                // The command is at most MAX_COMMAND (64) bytes: it fits after the prefix.
                let _ = reply.push_str(text);
            }
        }
        let msg = Publication::new(config::RESPONSE_TOPIC, reply.as_bytes()).qos(QoS::AtLeastOnce);
        if let Err(e) = self.with_client(tls, now, |c, conn, now| c.publish(conn, &msg, now)) {
            defmt::warn!("reply lost: {}", e);
        } else {
            defmt::info!(
                "reply on {=str}: \"{=str}\"",
                config::RESPONSE_TOPIC,
                reply.as_str()
            );
        }
    }

    /// A status message: published now if the MQTT session is up, else queued for it.
    fn publish_status(
        &mut self,
        tls: &mut Tls<'_, '_, Watch>,
        payload: &str,
        connected: bool,
        now: Instant,
    ) {
        let msg = Publication::new(config::STATUS_TOPIC, payload.as_bytes()).qos(QoS::AtLeastOnce);
        // Connected: out now. Otherwise (or with the request table full) into the store, where
        // a full queue drops its oldest message, which is logged.
        let sent_now = connected
            .then(|| self.with_client(tls, now, |c, conn, now| c.publish(conn, &msg, now)))
            .and_then(Result::ok);
        let id = match sent_now {
            Some(published) => Ok(published.id),
            None => tls.inner_mut().client.queue_publish(&msg),
        };
        if let Ok(Some(id)) = id {
            let number = self.count + 1;
            let _ = tls
                .inner_mut()
                .client
                .handler_mut()
                .status
                .push((id, number));
        }
        if self.status_taken(id.map(drop), now) && id.is_ok() {
            defmt::info!("status #{=u32}: {=str}", self.count, payload);
        }
    }
}

/// An IP address as defmt shows it (smoltcp's own `defmt` feature would turn on its logging).
struct Ip(IpAddress);

impl defmt::Format for Ip {
    fn format(&self, f: defmt::Formatter<'_>) {
        match self.0 {
            IpAddress::Ipv4(a) => defmt::write!(f, "{}", a),
        }
    }
}

/// A TCP state's name, as smoltcp's `Display` writes it.
fn state_name(state: tcp::State) -> &'static str {
    match state {
        tcp::State::Closed => "CLOSED",
        tcp::State::Listen => "LISTEN",
        tcp::State::SynSent => "SYN-SENT",
        tcp::State::SynReceived => "SYN-RECEIVED",
        tcp::State::Established => "ESTABLISHED",
        tcp::State::FinWait1 => "FIN-WAIT-1",
        tcp::State::FinWait2 => "FIN-WAIT-2",
        tcp::State::CloseWait => "CLOSE-WAIT",
        tcp::State::Closing => "CLOSING",
        tcp::State::LastAck => "LAST-ACK",
        tcp::State::TimeWait => "TIME-WAIT",
    }
}
