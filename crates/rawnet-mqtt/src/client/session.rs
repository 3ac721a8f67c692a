//! The client's state besides the decoder and the handler: connection phase, session
//! tables, output ring, store and timers; and the connection's life cycle (CONNECT,
//! CONNACK, keep-alive, timeouts, the end of a connection).

use rawnet_altcp::{Connection, Duration, Instant};
use rawnet_ring::RingRef;

use super::alias::AliasTable;
use super::context::Ctx;
use super::state::{on_resume, IncomingQos2, Kind, OutState, Outgoing, Resume, Stored};
use super::{Connected, Disconnected, Handler, Options, RequestError};
use crate::wire::{
    ConnAck, Connect, Disconnect, PacketId, Properties, Property, Publish, QoS, ReasonCode, Repr,
    Version,
};

/// Where the connection stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Phase {
    /// No connection (before the first, between two).
    Idle,
    /// CONNECT sent; waiting for CONNACK.
    Connecting,
    /// CONNACK accepted the connection.
    Connected,
}

/// What the broker allowed in its CONNACK (MQTT 5.0; 3.1.1 allows everything).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ServerLimits {
    /// Receive Maximum: our QoS 1 and 2 PUBLISHes unacknowledged at once.
    pub receive_max: usize,
    /// Maximum QoS.
    pub max_qos: QoS,
    /// Retain Available.
    pub retain: bool,
    /// Maximum Packet Size.
    pub max_packet: usize,
    /// Topic Alias Maximum: the client's aliases toward the broker go up to it (when the
    /// application gave storage for them, see
    /// [`Client::with_outgoing_topic_aliases`](super::Client::with_outgoing_topic_aliases)).
    pub topic_alias_max: u16,
    /// Subscription Identifier Available.
    pub subscription_ids: bool,
}

impl ServerLimits {
    pub(crate) const NONE: ServerLimits = ServerLimits {
        receive_max: u16::MAX as usize,
        max_qos: QoS::ExactlyOnce,
        retain: true,
        max_packet: usize::MAX,
        topic_alias_max: 0,
        subscription_ids: true,
    };
}

/// An incoming PUBLISH being delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Incoming {
    pub qos: QoS,
    pub id: Option<PacketId>,
    /// A QoS 2 duplicate: its payload is not delivered.
    pub duplicate: bool,
}

/// A PUBLISH larger than the ring, being streamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stream {
    pub id: Option<PacketId>,
    pub left: usize,
}

/// A disconnect asked for with `disconnect_when_idle` or from a handler, carried out by the
/// output step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Requested {
    No,
    /// Once nothing is in flight either way, or at the deadline (in `connect_at`).
    WhenIdle,
    /// At the next output step.
    Now,
}

/// Everything but the decoder and the handler (kept apart so that a packet borrowed from
/// the decoder can be handled while the session changes).
#[derive(Debug)]
pub struct Session<'b, const N: usize, const M: usize> {
    pub(crate) options: Options<'b>,
    pub(crate) version: Version,
    pub(crate) phase: Phase,
    pub(crate) ring: RingRef<'b>,
    pub(crate) store: super::store::Store<'b>,
    pub(crate) out: Outgoing<N>,
    pub(crate) in2: IncomingQos2<M>,
    pub(crate) server: ServerLimits,
    /// Keep-alive in force (0: off).
    pub(crate) keep_alive: Duration,
    /// When CONNECT was sent (the connect timeout); once connected, the deadline of a
    /// requested disconnect ([`Requested::WhenIdle`]).
    pub(crate) connect_at: Instant,
    pub(crate) last_sent: Instant,
    pub(crate) last_recv: Instant,
    /// When bytes of a packet other than PINGRESP last came: a request's timeout counts from
    /// the later of its sending and this (see [`Session::request_timeouts`]).
    pub(crate) last_heard: Instant,
    pub(crate) ping_at: Option<Instant>,
    /// Bytes pushed into the ring / written to a connection (QoS 0 completion), modulo
    /// 2^32: they are only compared with each other, never more than the ring's capacity
    /// apart (`pushed - written` is what the ring holds), so wrapping arithmetic suffices.
    pub(crate) pushed: u32,
    pub(crate) written: u32,
    pub(crate) qos0_pending: u16,
    pub(crate) qos0_end: u32,
    pub(crate) stream: Option<Stream>,
    pub(crate) incoming: Option<Incoming>,
    /// A requested DISCONNECT is still leaving; close when the ring is empty.
    pub(crate) closing: bool,
    /// Why the last connection ended (`None` before the first end and from `start` on).
    pub(crate) ended: Option<Disconnected>,
    /// Our Topic Aliases on this connection (empty storage: none are sent).
    pub(crate) alias_out: AliasTable<'b>,
    /// The Topic Alias Maximum the client advertises (0 with no storage).
    pub(crate) alias_in_max: u16,
    /// The outgoing Topic Alias steps, installed by
    /// [`Client::with_outgoing_topic_aliases`](super::Client::with_outgoing_topic_aliases):
    /// reached only through these pointers, so an application that never calls it does
    /// not link them.
    pub(crate) alias_out_steps: Option<AliasOutSteps<'b, N, M>>,
    /// Defines an incoming Topic Alias (`AliasTable::insert`), installed by
    /// [`Client::with_incoming_topic_aliases`](super::Client::with_incoming_topic_aliases)
    /// for the same reason.
    pub(crate) alias_in_insert: Option<fn(&mut AliasTable<'b>, u16, &str) -> bool>,
    /// An acknowledgement (PUBACK, PUBREC, PUBREL, PUBCOMP) waiting for room in the ring
    /// (a handler's command took it). Nothing is read meanwhile.
    pub(crate) ack_due: Option<(crate::wire::PacketType, PacketId)>,
    /// Commands from a handler are refused ([`Error::Busy`](super::Error::Busy)): the
    /// session is in a loop a command could make endless (dropping queued messages).
    pub(crate) no_commands: bool,
    /// A disconnect asked for with `disconnect_when_idle` (or from a handler).
    pub(crate) disconnect: Requested,
}

/// The outgoing Topic Alias steps: a PUBLISH pushed with an alias (`None`: no alias
/// chosen, push it plainly), and a stored PUBLISH's first send pushed with an alias
/// (whether it went in; `None`: push it plainly).
pub(crate) type AliasOutSteps<'b, const N: usize, const M: usize> = (
    fn(&mut Session<'b, N, M>, &Publish<'_>) -> Option<Result<(), super::Error>>,
    fn(&mut Session<'b, N, M>, Stored) -> Option<bool>,
);

impl<'b, const N: usize, const M: usize> Session<'b, N, M> {
    pub(crate) fn new(options: Options<'b>, output: &'b mut [u8], store: &'b mut [u8]) -> Self {
        let zero = Instant::from_ticks(0);
        Session {
            version: options.version,
            options,
            phase: Phase::Idle,
            ring: RingRef::new(output),
            store: super::store::Store::new(store),
            out: Outgoing::new(),
            in2: IncomingQos2::new(),
            server: ServerLimits::NONE,
            keep_alive: Duration::from_ticks(0),
            connect_at: zero,
            last_sent: zero,
            last_recv: zero,
            last_heard: zero,
            ping_at: None,
            pushed: 0,
            written: 0,
            qos0_pending: 0,
            qos0_end: 0,
            stream: None,
            incoming: None,
            closing: false,
            ended: None,
            alias_out: AliasTable::new(&mut []),
            alias_in_max: 0,
            alias_out_steps: None,
            alias_in_insert: None,
            ack_due: None,
            no_commands: false,
            disconnect: Requested::No,
        }
    }

    /// The PUBLISH being streamed out; always `None` without the `streaming` feature (so
    /// that everything behind it leaves the image).
    pub(crate) fn stream(&self) -> Option<Stream> {
        match cfg!(feature = "streaming") {
            true => self.stream,
            false => None,
        }
    }

    pub(crate) fn is_connected(&self) -> bool {
        self.phase == Phase::Connected
    }

    /// The connection below is up: send CONNECT (lwIP's `mqtt_tcp_connect_cb`).
    pub(crate) fn start<C: Connection, H: Handler>(
        &mut self,
        conn: &mut C,
        h: &mut H,
        now: Instant,
    ) {
        self.ring.clear();
        self.stream = None;
        self.incoming = None;
        self.closing = false;
        self.ended = None;
        self.disconnect = Requested::No;
        self.ack_due = None;
        self.pushed = 0;
        self.written = 0;
        self.qos0_pending = 0;
        self.server = ServerLimits::NONE;
        self.phase = Phase::Connecting;
        self.connect_at = now;
        self.last_recv = now;
        self.last_heard = now;
        self.last_sent = now;
        self.ping_at = None;
        // Topic aliases live as long as one network connection.
        self.alias_out.clear();
        let o = self.options;
        let mut props = [Property::ReceiveMaximum(1); 4];
        let mut n = 0;
        if o.version.is_v5() {
            let mut add = |p| {
                if let Some(slot) = props.get_mut(n) {
                    *slot = p;
                    n = n.saturating_add(1);
                }
            };
            if o.session_expiry != 0 {
                add(Property::SessionExpiryInterval(o.session_expiry));
            }
            let receive_max = u16::try_from(M).unwrap_or(u16::MAX);
            if receive_max > 0 {
                add(Property::ReceiveMaximum(receive_max));
            }
            if let Some(max) = o.max_packet_size {
                add(Property::MaximumPacketSize(max));
            }
            if self.alias_in_max > 0 {
                add(Property::TopicAliasMaximum(self.alias_in_max));
            }
        }
        let connect = Repr::Connect(Connect {
            clean_start: o.clean_start,
            keep_alive: o.keep_alive,
            client_id: o.client_id,
            will: o.will,
            username: o.username,
            password: o.password,
            properties: Properties::from_slice(props.get(..n).unwrap_or_default()),
        });
        match self.push_repr(&connect) {
            Ok(()) => self.output(conn, h, now),
            Err(e) => {
                let _ = conn.close();
                self.end(h, Disconnected::Local(e));
            }
        }
    }

    /// A CONNACK arrived while connecting.
    pub(crate) fn connack<C: Connection, H: Handler>(
        &mut self,
        conn: &mut C,
        h: &mut H,
        ack: &ConnAck<'_>,
        now: Instant,
    ) {
        if ack.reason != ReasonCode::Success {
            let _ = conn.close();
            self.end(h, Disconnected::Refused(ack.reason));
            return;
        }
        let mut server = ServerLimits::NONE;
        let mut keep_alive = self.options.keep_alive;
        let mut assigned = None;
        // CONNACK properties are MQTT 5.0 (none in 3.1.1, and none parsed there).
        if self.version.is_v5() {
            for p in ack.properties.iter() {
                match p {
                    Property::ReceiveMaximum(v) => server.receive_max = usize::from(v),
                    Property::MaximumQos(q) => server.max_qos = q,
                    Property::RetainAvailable(r) => server.retain = r,
                    Property::MaximumPacketSize(v) => {
                        server.max_packet = usize::try_from(v).unwrap_or(usize::MAX)
                    }
                    Property::TopicAliasMaximum(v) => server.topic_alias_max = v,
                    Property::SubscriptionIdentifierAvailable(v) => server.subscription_ids = v,
                    Property::ServerKeepAlive(v) => keep_alive = v,
                    Property::AssignedClientIdentifier(id) => assigned = Some(id),
                    _ => {}
                }
            }
        }
        self.server = server;
        self.keep_alive = Duration::from_ticks(u64::from(keep_alive).saturating_mul(1000));
        self.phase = Phase::Connected;
        self.resume(h, ack.session_present);
        let info = Connected {
            session_present: ack.session_present,
            assigned_client_id: assigned,
            keep_alive,
            properties: ack.properties,
        };
        h.connected(&info, &mut Ctx { s: self });
        self.output(conn, h, now);
    }

    /// Applies [`on_resume`] to every record.
    fn resume<H: Handler>(&mut self, h: &mut H, session_present: bool) {
        if !session_present {
            self.in2.clear();
        }
        let slots: [Option<usize>; N] = {
            let mut all = [None; N];
            for (dst, slot) in all.iter_mut().zip(self.out.slots()) {
                *dst = Some(slot);
            }
            all
        };
        for slot in slots.into_iter().flatten() {
            let Some(r) = self.out.get_mut(slot) else {
                continue;
            };
            let action = on_resume(r.state, session_present);
            if matches!(
                action,
                Resume::Keep | Resume::ResendPublish | Resume::Requeue
            ) {
                if let Some(stored) = r.stored {
                    // The broker's limits may have changed with this CONNACK.
                    let first = action != Resume::ResendPublish;
                    let bytes = self.store.get(stored);
                    if let Some(e) = exceeds(&self.server, bytes, first) {
                        self.fail_record(h, slot, e);
                        continue;
                    }
                }
            }
            let Some(r) = self.out.get_mut(slot) else {
                continue;
            };
            match action {
                Resume::Keep => {}
                Resume::ResendPublish | Resume::ResendPubRel => r.pending = true,
                Resume::Requeue => {
                    r.state = OutState::Queued;
                    r.pending = true;
                }
                Resume::Complete => {
                    let id = r.id;
                    self.remove_record(slot);
                    h.published(id, Ok(ReasonCode::Success), &mut Ctx { s: self });
                }
                Resume::Fail => self.fail_record(h, slot, RequestError::ConnectionLost),
            }
        }
    }

    /// Frees a record and its stored copy.
    pub(crate) fn remove_record(&mut self, slot: usize) {
        if let Some(r) = self.out.remove(slot) {
            if let Some(s) = r.stored {
                self.store.remove(s);
                self.out.shift_stored(s.offset, s.len);
            }
        }
    }

    /// Frees a record and reports it failed.
    pub(crate) fn fail_record<H: Handler>(&mut self, h: &mut H, slot: usize, e: RequestError) {
        let Some(r) = self.out.get(slot).copied() else {
            return;
        };
        self.remove_record(slot);
        let cx = &mut Ctx { s: self };
        match (r.kind, r.id) {
            (Kind::Publish(_), id) => h.published(id, Err(e), cx),
            (Kind::Subscribe(_), Some(id)) => h.subscribed(id, Err(e), cx),
            (Kind::Unsubscribe(_), Some(id)) => h.unsubscribed(id, Err(e), cx),
            _ => {}
        }
    }

    /// Ends the connection because of something the broker did or did not do: a
    /// DISCONNECT with `reason` first (MQTT 5.0, when it can still go out whole), then the
    /// close; then [`Session::end`].
    pub(crate) fn fail<C: Connection, H: Handler>(
        &mut self,
        conn: &mut C,
        h: &mut H,
        why: Disconnected,
        now: Instant,
    ) {
        let reason = match why {
            Disconnected::Protocol(e) => Some(e.reason()),
            _ => None,
        };
        if let (Some(reason), true, None) = (reason, self.version.is_v5(), self.stream()) {
            // Whatever is still in the ring was for this connection only.
            self.ring.clear();
            let d = Repr::Disconnect(Disconnect {
                reason,
                properties: Properties::EMPTY,
            });
            if self.push_repr(&d).is_ok() {
                self.phase = Phase::Idle;
                self.output(conn, h, now);
            }
        }
        match why {
            Disconnected::KeepAliveTimeout | Disconnected::ConnectTimeout => conn.abort(),
            _ => {
                if conn.close().is_err() {
                    conn.abort();
                }
            }
        }
        self.end(h, why);
    }

    /// The connection is over (whatever the cause): fail what cannot continue, keep what
    /// can, tell the handler.
    pub(crate) fn end<H: Handler>(&mut self, h: &mut H, why: Disconnected) {
        self.end_with(h, why, false)
    }

    /// [`Session::end`], keeping the output ring's bytes to leave (`keep_output`: a
    /// requested disconnect) or dropping them.
    pub(crate) fn end_with<H: Handler>(&mut self, h: &mut H, why: Disconnected, keep_output: bool) {
        self.phase = Phase::Idle;
        self.ended = Some(why);
        self.incoming = None;
        self.ping_at = None;
        self.disconnect = Requested::No;
        let stream = self.stream();
        self.stream = None;
        if let Some(stream) = stream {
            if stream.id.is_none() {
                h.published(
                    None,
                    Err(RequestError::ConnectionLost),
                    &mut Ctx { s: self },
                );
            }
        }
        if !keep_output {
            self.ring.clear();
            self.ack_due = None;
            self.closing = false;
            for _ in 0..core::mem::take(&mut self.qos0_pending) {
                h.published(
                    None,
                    Err(RequestError::ConnectionLost),
                    &mut Ctx { s: self },
                );
            }
        }
        let mut slots = [None; N];
        for (dst, slot) in slots.iter_mut().zip(self.out.slots()) {
            *dst = Some(slot);
        }
        for slot in slots.into_iter().flatten() {
            let Some(r) = self.out.get_mut(slot) else {
                continue;
            };
            match (r.kind, r.state, r.stored) {
                (Kind::Subscribe(_) | Kind::Unsubscribe(_), _, _) => {
                    self.fail_record(h, slot, RequestError::ConnectionLost)
                }
                // Sent, not stored: it cannot be sent again.
                (Kind::Publish(_), OutState::AwaitPubAck | OutState::AwaitPubRec, None) => {
                    self.fail_record(h, slot, RequestError::NotStored)
                }
                _ => r.pending = false,
            }
        }
        h.disconnected(why, &mut Ctx { s: self });
    }

    /// Timers (from `poll`): connect timeout, request timeouts, keep-alive.
    pub(crate) fn tick<C: Connection, H: Handler>(
        &mut self,
        conn: &mut C,
        h: &mut H,
        now: Instant,
    ) {
        let since = |t: Instant| {
            now.checked_duration_since(t)
                .unwrap_or(Duration::from_ticks(0))
        };
        match self.phase {
            Phase::Idle => {}
            Phase::Connecting => {
                if since(self.connect_at) >= self.options.connect_timeout {
                    self.fail(conn, h, Disconnected::ConnectTimeout, now);
                }
            }
            Phase::Connected => {
                // While a PUBLISH is streamed out, received bytes wait (answers too): no
                // request can be answered, none times out. The streamed one's timer starts
                // with its last byte.
                if self.stream().is_none() && self.request_timeouts(h, now) {
                    self.fail(conn, h, Disconnected::RequestTimeout, now);
                    return;
                }
                let ka = self.keep_alive;
                if ka.as_ticks() == 0 || self.stream().is_some() {
                    return;
                }
                // The broker silent for 1.5 x keep-alive: it is gone.
                if since(self.last_recv) >= watchdog(ka) {
                    self.fail(conn, h, Disconnected::KeepAliveTimeout, now);
                    return;
                }
                // PINGREQ when we sent nothing, or heard nothing, for a keep-alive period.
                let ping_due = self.ping_at.is_none_or(|t| since(t) >= ka);
                let idle = since(self.last_sent) >= ka || since(self.last_recv) >= ka;
                if ping_due && idle && self.push_repr(&Repr::PingReq).is_ok() {
                    self.ping_at = Some(now);
                }
            }
        }
    }

    /// When a request waiting for its answer since `sent_at` times out: the request timeout
    /// after the later of `sent_at` and the broker's last packet other than PINGRESP. A broker
    /// still sending is working through what it had queued for us before the answer (one
    /// TCP stream, in order): a backlog of thousands of messages at a slow link takes longer
    /// than any fixed timeout, and reconnecting would only restart it. A broker silent, or
    /// answering pings only (its PINGRESP comes after the answer it withholds), times out;
    /// and so does one that keeps sending but never answers, at the latest
    /// [`BACKLOG_TIMEOUTS`] request timeouts after the request.
    fn request_deadline(&self, sent_at: Instant) -> Instant {
        let timeout = self.options.request_timeout;
        let latest = Duration::from_ticks(timeout.as_ticks().saturating_mul(BACKLOG_TIMEOUTS));
        let latest = after(sent_at, latest);
        after(sent_at.max(self.last_heard), timeout).min(latest)
    }

    /// Fails SUBSCRIBE / UNSUBSCRIBE requests and notes PUBLISHes not answered within the
    /// request timeout (see [`Session::request_deadline`]); whether any timed out.
    fn request_timeouts<H: Handler>(&mut self, h: &mut H, now: Instant) -> bool {
        let mut expired = [None; N];
        let mut any = false;
        for (dst, slot) in expired.iter_mut().zip(self.out.slots()) {
            let Some(r) = self.out.get(slot) else {
                continue;
            };
            let waiting = !r.pending && r.state != OutState::Queued;
            if waiting && now >= self.request_deadline(r.sent_at) {
                any = true;
                if matches!(r.kind, Kind::Subscribe(_) | Kind::Unsubscribe(_)) {
                    *dst = Some(slot);
                }
            }
        }
        for slot in expired.into_iter().flatten() {
            self.fail_record(h, slot, RequestError::Timeout);
        }
        any
    }

    /// When the client wants to be polled next (keep-alive, timeouts), if anything is due.
    pub(crate) fn poll_at(&self) -> Option<Instant> {
        match self.phase {
            Phase::Idle => None,
            Phase::Connecting => Some(after(self.connect_at, self.options.connect_timeout)),
            Phase::Connected => {
                let requests = self
                    .out
                    .slots()
                    .filter_map(|s| self.out.get(s))
                    .filter(|r| !r.pending && r.state != OutState::Queued)
                    .map(|r| self.request_deadline(r.sent_at))
                    .min();
                let ka = self.keep_alive;
                let keep_alive = (ka.as_ticks() > 0).then(|| {
                    let ping = after(self.last_sent.min(self.last_recv), ka);
                    ping.min(after(self.last_recv, watchdog(ka)))
                });
                let disconnect = (self.disconnect != Requested::No).then_some(self.connect_at);
                let first = match (requests, keep_alive) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                match (first, disconnect) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            }
        }
    }

    /// Nothing in flight either way: no request, no streamed PUBLISH, no received message
    /// unfinished or waiting for PUBREL.
    pub(crate) fn is_idle(&self) -> bool {
        self.out.is_empty()
            && self.in2.is_empty()
            && self.stream().is_none()
            && self.incoming.is_none()
    }

    /// Note a disconnect request (from `disconnect_when_idle` or a handler); the output step
    /// carries it out.
    pub(crate) fn request_disconnect(&mut self, idle: bool, now: Instant) {
        if self.phase != Phase::Connected {
            return;
        }
        // An immediate request wins; an idle one keeps its first deadline.
        self.disconnect = match (self.disconnect, idle) {
            (_, false) | (Requested::Now, _) => Requested::Now,
            (Requested::WhenIdle, true) => Requested::WhenIdle,
            (Requested::No, true) => {
                self.connect_at = after(now, self.options.request_timeout);
                Requested::WhenIdle
            }
        };
    }

    /// Whether the client must not take more received bytes now.
    pub(crate) fn rx_blocked(&self) -> bool {
        self.stream().is_some()
            || self.ring.free() < super::output::ACK_LEN
            || self.ack_due.is_some()
    }
}

/// Whether a stored PUBLISH (`bytes`, the encoded packet) no longer fits what the broker
/// allows: larger than its Maximum Packet Size, or (`first`: not sent to it before) above
/// its Maximum QoS or retained where it has none. The error reported for it.
fn exceeds(server: &ServerLimits, bytes: &[u8], first: bool) -> Option<RequestError> {
    if bytes.len() > server.max_packet {
        return Some(RequestError::PacketTooLarge);
    }
    let flags = bytes.first().copied().unwrap_or(0);
    if !first {
        return None;
    }
    match QoS::from_bits((flags >> 1) & 0b11) {
        Ok(q) if q > server.max_qos => return Some(RequestError::QosNotSupported),
        _ => {}
    }
    if flags & 1 != 0 && !server.retain {
        return Some(RequestError::RetainNotSupported);
    }
    None
}

/// `t + d`; `t` itself in the (u64 milliseconds: theoretical) case it overflows.
/// How many request timeouts a request may wait while the broker keeps sending other packets
/// (see `Session::request_deadline`): 60 s with the default 10 s timeout.
pub(crate) const BACKLOG_TIMEOUTS: u64 = 6;

pub(crate) fn after(t: Instant, d: Duration) -> Instant {
    t.checked_add_duration(d).unwrap_or(t)
}

/// 1.5 x keep-alive: how long the broker may stay silent.
fn watchdog(keep_alive: Duration) -> Duration {
    let ms = keep_alive.as_ticks();
    Duration::from_ticks(ms.saturating_add(ms / 2))
}
