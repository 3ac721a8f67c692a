//! The application's commands: publish (whole, streamed or queued), subscribe,
//! unsubscribe, disconnect.

use rawnet_altcp::{Connection, Instant};

use super::session::{Phase, Stream};
use super::state::{Kind, OutState, Record};
use super::{Client, Error, Handler, Publication, Published, QueueFull, RequestError, Session};
use crate::wire::{
    Disconnect, PacketId, Properties, Publish, PublishQos, QoS, Repr, Subscribe, Subscription,
    Subscriptions, TopicFilters, Unsubscribe,
};

impl<'b, H: Handler, const N: usize, const M: usize> Client<'b, H, N, M> {
    /// Publish a message (lwIP's `mqtt_publish`): it is encoded into the output ring and
    /// the output step runs at once.
    ///
    /// - QoS 1 and 2 messages are kept in the message store until acknowledged (sent
    ///   again with DUP after a reconnect that resumes the session). One larger than the
    ///   store is sent without a copy; if its connection ends before the ack it is reported
    ///   with [`RequestError::NotStored`].
    /// - Beyond the broker's Receive Maximum, a stored message waits in the store and
    ///   leaves when an earlier one is acknowledged.
    /// - A message larger than the whole ring is streamed: the header and as much payload
    ///   as fits go now ([`Published::written`]); hand the rest to
    ///   [`Client::write_payload`] as the ring drains. Until the end, other commands
    ///   return [`Error::Busy`] and received bytes wait in the connection.
    ///
    /// Completion is reported by [`Handler::published`].
    pub fn publish<C: Connection>(
        &mut self,
        conn: &mut C,
        msg: &Publication<'_>,
        now: Instant,
    ) -> Result<Published, Error> {
        let published = self.s.publish::<false>(msg, 0, now)?;
        self.s.output(conn, &mut self.handler, now);
        Ok(published)
    }

    /// [`Client::publish`] of a message whose payload is `payload_len` bytes in all, of
    /// which `msg.payload` are the first (possibly none): the rest is handed over as the
    /// ring drains, by [`Handler::next_payload`] or [`Client::write_payload`] (until then
    /// other commands return [`Error::Busy`] and received bytes wait in the connection). A
    /// payload larger than memory (a file, a log in flash) goes this way. Such a message is
    /// never kept in the store: if its connection ends before the acknowledgement it is
    /// reported [`RequestError::NotStored`]. Its request timer starts with its last byte.
    pub fn publish_streamed<C: Connection>(
        &mut self,
        conn: &mut C,
        msg: &Publication<'_>,
        payload_len: usize,
        now: Instant,
    ) -> Result<Published, Error> {
        let published = self.s.publish::<true>(msg, payload_len, now)?;
        self.s.output(conn, &mut self.handler, now);
        Ok(published)
    }

    /// Queue a message for the next connection (or send it now if connected): the whole
    /// packet goes into the message store, then leaves like [`Client::publish`]'s. When
    /// the store or the record table is full, [`Options::queue_full`](super::Options)
    /// decides: refuse, or drop the oldest queued messages (reported
    /// [`RequestError::Dropped`]). A packet larger than the ring or the store is refused
    /// with [`Error::StoreFull`].
    pub fn queue_publish(&mut self, msg: &Publication<'_>) -> Result<Option<PacketId>, Error> {
        self.s.queue(&mut self.handler, msg)
    }

    /// Continue a streamed PUBLISH: takes as much of `data` as the ring has room for (the
    /// rest of the payload, in order) and runs the output step. Returns the bytes taken. (A
    /// [`Handler::next_payload`] that supplies the bytes makes this call unnecessary.)
    pub fn write_payload<C: Connection>(
        &mut self,
        conn: &mut C,
        data: &[u8],
        now: Instant,
    ) -> Result<usize, Error> {
        let n = self.s.write_payload(data, now)?;
        self.s.output(conn, &mut self.handler, now);
        Ok(n)
    }

    /// Payload bytes the current streamed PUBLISH still needs (0: none is streaming).
    pub fn payload_pending(&self) -> usize {
        self.s.stream().map_or(0, |s| s.left)
    }

    /// Subscribe to one or more topic filters (lwIP's `mqtt_subscribe`, several at once).
    /// Completion: [`Handler::subscribed`] with one reason code per filter.
    pub fn subscribe<C: Connection>(
        &mut self,
        conn: &mut C,
        topics: &[Subscription<'_>],
        now: Instant,
    ) -> Result<PacketId, Error> {
        self.subscribe_with_properties(conn, topics, Properties::EMPTY, now)
    }

    /// [`Client::subscribe`] with SUBSCRIBE properties (MQTT 5.0): a
    /// [`Property::SubscriptionIdentifier`](crate::wire::Property::SubscriptionIdentifier)
    /// (then reported by [`Message::subscription_identifiers`](super::Message::subscription_identifiers)
    /// on the messages it matches) and User Properties. Another property is
    /// [`Error::Encode`]; properties in 3.1.1 are `Error::Encode(NotInVersion)`; an
    /// identifier when the broker's CONNACK said Subscription Identifier Available 0 is
    /// [`Error::SubscriptionIdentifiersNotSupported`].
    pub fn subscribe_with_properties<C: Connection>(
        &mut self,
        conn: &mut C,
        topics: &[Subscription<'_>],
        properties: Properties<'_>,
        now: Instant,
    ) -> Result<PacketId, Error> {
        let id = self.s.subscribe(topics, properties, now)?;
        self.s.output(conn, &mut self.handler, now);
        Ok(id)
    }

    /// Unsubscribe from one or more topic filters (lwIP's `mqtt_unsubscribe`).
    /// Completion: [`Handler::unsubscribed`].
    pub fn unsubscribe<C: Connection>(
        &mut self,
        conn: &mut C,
        filters: &[&str],
        now: Instant,
    ) -> Result<PacketId, Error> {
        self.unsubscribe_with_properties(conn, filters, Properties::EMPTY, now)
    }

    /// [`Client::unsubscribe`] with UNSUBSCRIBE properties (MQTT 5.0: User Properties
    /// only; anything else is [`Error::Encode`]).
    pub fn unsubscribe_with_properties<C: Connection>(
        &mut self,
        conn: &mut C,
        filters: &[&str],
        properties: Properties<'_>,
        now: Instant,
    ) -> Result<PacketId, Error> {
        let id = self.s.unsubscribe(filters, properties, now)?;
        self.s.output(conn, &mut self.handler, now);
        Ok(id)
    }

    /// Disconnect cleanly (lwIP's `mqtt_disconnect`, but with a real DISCONNECT packet, so
    /// the broker discards the will): the DISCONNECT leaves after what is already in the
    /// ring, then the connection is closed. [`Handler::disconnected`] with
    /// [`Disconnected::Requested`](super::Disconnected::Requested) follows at once; QoS 1
    /// and 2 messages stay for the next connection.
    pub fn disconnect<C: Connection>(&mut self, conn: &mut C, now: Instant) {
        let _ = self.disconnect_with(conn, &Disconnect::default(), now);
    }

    /// [`Client::disconnect`] with a reason code and properties (MQTT 5.0): for example
    /// [`ReasonCode::DisconnectWithWillMessage`](crate::wire::ReasonCode::DisconnectWithWillMessage)
    /// to have the broker publish the will, a
    /// [`Property::SessionExpiryInterval`](crate::wire::Property::SessionExpiryInterval)
    /// overriding the CONNECT's (not allowed to become non-zero when CONNECT sent 0:
    /// [`Error::SessionExpiryNotAllowed`]), a Reason String, User Properties.
    ///
    /// A reason or property that cannot be sent (not a DISCONNECT reason code, a property
    /// DISCONNECT does not carry, anything but the default in 3.1.1) is refused with
    /// [`Error::Encode`] and the connection stays up. Otherwise it behaves as
    /// [`Client::disconnect`] (which is this with the default, reason 0 and no
    /// properties); when no DISCONNECT can be sent (not connected yet, a PUBLISH being
    /// streamed, the ring full) the connection is just closed.
    pub fn disconnect_with<C: Connection>(
        &mut self,
        conn: &mut C,
        disconnect: &Disconnect<'_>,
        now: Instant,
    ) -> Result<(), Error> {
        self.s.disconnect(conn, &mut self.handler, disconnect, now)
    }

    /// Disconnect once nothing is in flight either way: every request answered (QoS 1 and
    /// 2 PUBLISHes acknowledged, SUBSCRIBE / UNSUBSCRIBE answered), no PUBLISH being
    /// streamed, every received QoS 2 message released by the broker's PUBREL (and our
    /// PUBCOMP in the ring). Then it behaves as [`Client::disconnect`]. If that takes longer
    /// than [`Options::request_timeout`](super::Options::request_timeout), it disconnects
    /// anyway (the requests still open are reported failed, as with `disconnect`). The
    /// check runs in every output step: after each acknowledgement, and at the latest at
    /// [`Client::poll_at`].
    pub fn disconnect_when_idle<C: Connection>(&mut self, conn: &mut C, now: Instant) {
        self.s.request_disconnect(true, now);
        self.s.output(conn, &mut self.handler, now);
    }
}

impl<'b, const N: usize, const M: usize> Session<'b, N, M> {
    /// [`Client::write_payload`] without the output step.
    pub(crate) fn write_payload(&mut self, data: &[u8], now: Instant) -> Result<usize, Error> {
        let stream = self.stream().ok_or(Error::NoStream)?;
        let n = data.len().min(stream.left).min(self.ring.free());
        let chunk = data.get(..n).unwrap_or_default();
        self.ring.push_all(chunk).map_err(|_| Error::OutputFull)?;
        self.streamed(n, now);
        Ok(n)
    }

    /// [`Client::subscribe_with_properties`] without the output step.
    pub(crate) fn subscribe(
        &mut self,
        topics: &[Subscription<'_>],
        properties: Properties<'_>,
        now: Instant,
    ) -> Result<PacketId, Error> {
        let count = u16::try_from(topics.len()).map_err(|_| Error::TooManyRequests)?;
        if !topics.iter().all(|t| qos_enabled(t.options.qos)) {
            return Err(Error::QosNotSupported);
        }
        let with_id =
            self.version.is_v5() && properties.subscription_identifiers().next().is_some();
        if with_id && !self.server.subscription_ids {
            return Err(Error::SubscriptionIdentifiersNotSupported);
        }
        self.request(Kind::Subscribe(count), now, |id| {
            Repr::Subscribe(Subscribe {
                packet_id: id,
                properties,
                subscriptions: Subscriptions::from_slice(topics),
            })
        })
    }

    /// [`Client::unsubscribe_with_properties`] without the output step.
    pub(crate) fn unsubscribe(
        &mut self,
        filters: &[&str],
        properties: Properties<'_>,
        now: Instant,
    ) -> Result<PacketId, Error> {
        let count = u16::try_from(filters.len()).map_err(|_| Error::TooManyRequests)?;
        self.request(Kind::Unsubscribe(count), now, |id| {
            Repr::Unsubscribe(Unsubscribe {
                packet_id: id,
                properties,
                filters: TopicFilters::from_slice(filters),
            })
        })
    }

    /// [`Client::disconnect_with`].
    pub(crate) fn disconnect<C: Connection, H: Handler>(
        &mut self,
        conn: &mut C,
        h: &mut H,
        disconnect: &Disconnect<'_>,
        now: Instant,
    ) -> Result<(), Error> {
        let version = self.version;
        let repr = Repr::Disconnect(*disconnect);
        let expiry = match version.is_v5() {
            true => disconnect.properties.iter().find_map(|p| match p {
                crate::wire::Property::SessionExpiryInterval(v) => Some(v),
                _ => None,
            }),
            false => None,
        };
        if expiry.is_some_and(|v| v != 0) && self.options.session_expiry == 0 {
            return Err(Error::SessionExpiryNotAllowed);
        }
        // Check it encodes before anything changes (into the store's free space).
        let total = repr.buffer_len_client(version);
        if let Some(buf) = self.store.scratch().get_mut(..total) {
            repr.emit_client(buf, version)?;
        }
        self.disconnect = super::session::Requested::No;
        if self.phase == Phase::Idle {
            let _ = conn.close();
            return Ok(());
        }
        let connected = self.phase == Phase::Connected && self.stream().is_none();
        // An acknowledgement still waiting for room goes first.
        self.flush_ack();
        let pushed = if connected {
            match self.push_repr(&repr) {
                Err(e @ Error::Encode(_)) => return Err(e),
                r => r.is_ok(),
            }
        } else {
            false
        };
        if pushed {
            // What is in the ring (the DISCONNECT last) still leaves; the output step
            // closes the connection once it is empty.
            self.closing = true;
            self.end_with(h, super::Disconnected::Requested, true);
            self.output(conn, h, now);
        } else {
            let _ = conn.close();
            self.end(h, super::Disconnected::Requested);
        }
        Ok(())
    }

    fn check_publish(&self, msg: &Publication<'_>) -> Result<(), Error> {
        if self.stream().is_some() {
            return Err(Error::Busy);
        }
        if msg.qos > self.server.max_qos || !qos_enabled(msg.qos) {
            return Err(Error::QosNotSupported);
        }
        if msg.retain && !self.server.retain {
            return Err(Error::RetainNotSupported);
        }
        // (A 3.1.1-only build refuses any property when encoding: NotInVersion.)
        if cfg!(feature = "v5") && msg.properties.topic_alias().is_some() {
            return Err(Error::Encode(crate::wire::Error::PropertyNotAllowed));
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn publish<const STREAMED: bool>(
        &mut self,
        msg: &Publication<'_>,
        payload_len: usize,
        now: Instant,
    ) -> Result<Published, Error> {
        if self.phase != Phase::Connected {
            return Err(Error::NotConnected);
        }
        self.check_publish(msg)?;
        let qos = msg.qos;
        let id = match qos {
            QoS::AtMostOnce => None,
            _ => {
                if self.out.is_full() {
                    return Err(Error::TooManyRequests);
                }
                self.out.free_id()
            }
        };
        let publish = to_publish(msg, id);
        let repr = Repr::Publish(publish);
        let version = self.version;
        // `STREAMED`: declared longer than the bytes given, the rest comes later, so it
        // streams. (A constant: `publish` does not link what only `publish_streamed` needs.)
        let len = match STREAMED {
            true => payload_len.max(msg.payload.len()),
            false => msg.payload.len(),
        };
        let partial = STREAMED && len > msg.payload.len();
        let total = match STREAMED {
            true => Repr::publish_len(&publish, len, version),
            false => repr.buffer_len_client(version),
        };
        if total > self.server.max_packet {
            return Err(Error::PacketTooLarge);
        }
        let fits_store =
            !partial && total <= self.store.capacity() && total <= self.ring.capacity();
        if qos != QoS::AtMostOnce && fits_store {
            // Kept: encoded into the store, then pumped into the ring in order.
            self.store_publish(&repr, total, id, qos, now)?;
            return Ok(Published {
                id,
                written: msg.payload.len(),
            });
        }
        if qos != QoS::AtMostOnce && self.out.unacked_publishes() >= self.server.receive_max {
            return Err(Error::ReceiveMaximum);
        }
        let written = if !partial && total <= self.ring.capacity() {
            self.push_publish(&publish)?;
            msg.payload.len()
        } else if !cfg!(feature = "streaming") {
            // Streaming is what sends a packet larger than the ring (or not all here).
            return Err(Error::PacketTooLarge);
        } else {
            // Larger than the ring, or not all here: the header now, the payload as the
            // ring drains.
            let head = total.saturating_sub(len);
            let emit_head = |buf: &mut [u8]| match STREAMED {
                true => Repr::emit_publish_header_len(&publish, len, buf, version),
                false => Repr::emit_publish_header(&publish, buf, version),
            };
            self.push_packet(head, emit_head, &[])?;
            let n = msg.payload.len().min(self.ring.free());
            let _ = self.ring.push_all(msg.payload.get(..n).unwrap_or_default());
            self.pushed = self.pushed.wrapping_add(n as u32);
            n
        };
        let left = len.saturating_sub(written);
        if left > 0 {
            self.stream = Some(Stream { id, left });
        }
        match id {
            None if left == 0 => self.qos0_sent(),
            None => {}
            Some(_) => {
                let record = Record {
                    id,
                    kind: Kind::Publish(qos),
                    state: super::state::on_sent(Kind::Publish(qos)).unwrap_or(OutState::Queued),
                    sent_at: now,
                    stored: None,
                    pending: false,
                    seq: 0,
                };
                let _ = self.out.insert(record);
            }
        }
        Ok(Published { id, written })
    }

    /// Encodes a PUBLISH into the store and adds its queued record.
    fn store_publish(
        &mut self,
        repr: &Repr<'_>,
        total: usize,
        id: Option<PacketId>,
        qos: QoS,
        now: Instant,
    ) -> Result<(), Error> {
        if self.out.is_full() {
            return Err(Error::TooManyRequests);
        }
        let scratch = self.store.scratch();
        let buf = scratch.get_mut(..total).ok_or(Error::StoreFull)?;
        repr.emit_client(buf, self.version)?;
        let stored = self.store.keep(total).ok_or(Error::StoreFull)?;
        let record = Record {
            id,
            kind: Kind::Publish(qos),
            state: OutState::Queued,
            sent_at: now,
            stored: Some(stored),
            pending: true,
            seq: 0,
        };
        if self.out.insert(record).is_err() {
            self.store.remove(stored);
            return Err(Error::TooManyRequests);
        }
        Ok(())
    }

    fn queue<H: Handler>(
        &mut self,
        h: &mut H,
        msg: &Publication<'_>,
    ) -> Result<Option<PacketId>, Error> {
        self.check_publish(msg)?;
        let qos = msg.qos;
        loop {
            let id = match qos {
                QoS::AtMostOnce => None,
                _ => self.out.free_id(),
            };
            let repr = Repr::Publish(to_publish(msg, id));
            let total = repr.buffer_len_client(self.version);
            if total > self.store.capacity() || total > self.ring.capacity() {
                return Err(Error::StoreFull);
            }
            if total > self.server.max_packet {
                return Err(Error::PacketTooLarge);
            }
            let now = self.last_sent;
            match self.store_publish(&repr, total, id, qos, now) {
                Ok(()) => return Ok(id),
                Err(e @ (Error::StoreFull | Error::TooManyRequests)) => {
                    let oldest = self
                        .out
                        .oldest(|r| r.state == OutState::Queued && r.stored.is_some());
                    match (self.options.queue_full, oldest) {
                        (QueueFull::DropOldest, Some(slot)) => {
                            // A handler that queued again on every drop would keep this
                            // loop going: no commands from it meanwhile.
                            self.no_commands = true;
                            self.fail_record(h, slot, RequestError::Dropped);
                            self.no_commands = false;
                        }
                        _ => return Err(e),
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Adds a SUBSCRIBE / UNSUBSCRIBE request and puts its packet in the ring.
    fn request<'r>(
        &mut self,
        kind: Kind,
        now: Instant,
        make: impl FnOnce(PacketId) -> Repr<'r>,
    ) -> Result<PacketId, Error> {
        if self.phase != Phase::Connected {
            return Err(Error::NotConnected);
        }
        if self.stream().is_some() {
            return Err(Error::Busy);
        }
        if self.out.is_full() {
            return Err(Error::TooManyRequests);
        }
        let id = self.out.free_id().ok_or(Error::TooManyRequests)?;
        let repr = make(id);
        let total = repr.buffer_len_client(self.version);
        if total > self.server.max_packet {
            return Err(Error::PacketTooLarge);
        }
        self.push_repr(&repr)?;
        let record = Record {
            id: Some(id),
            kind,
            state: super::state::on_sent(kind).unwrap_or(OutState::Queued),
            sent_at: now,
            stored: None,
            pending: false,
            seq: 0,
        };
        // Cannot fail: checked above and nothing was added since.
        let _ = self.out.insert(record);
        Ok(id)
    }
}

/// Whether this build handles `qos`: QoS 2 only with the `qos2` feature.
fn qos_enabled(qos: QoS) -> bool {
    cfg!(feature = "qos2") || qos != QoS::ExactlyOnce
}

fn to_publish<'a>(msg: &Publication<'a>, id: Option<PacketId>) -> Publish<'a> {
    let qos = match (msg.qos, id) {
        (QoS::AtLeastOnce, Some(id)) => PublishQos::AtLeastOnce(id),
        (QoS::ExactlyOnce, Some(id)) => PublishQos::ExactlyOnce(id),
        _ => PublishQos::AtMostOnce,
    };
    Publish {
        dup: false,
        qos,
        retain: msg.retain,
        topic: msg.topic,
        properties: msg.properties,
        payload: msg.payload,
    }
}
