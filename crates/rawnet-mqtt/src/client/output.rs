//! The output side: packets encoded into the ring, queued records pumped into it, and the
//! output step (lwIP's `mqtt_output_send`) that copies the ring into the connection.

use rawnet_altcp::{Connection, Instant};

use super::alias::AliasTable;
use super::context::Ctx;
use super::session::ServerLimits;
use super::session::{Phase, Stream};
use super::state::{on_sent, Kind, OutState, Record, Stored};
use super::{Error, Handler, Session};
use crate::wire::{self, PacketId, Publish, Repr, Version};

/// PUBACK, PUBREC, PUBREL, PUBCOMP without properties or reason: the most a received
/// packet makes the client answer. Received bytes are only taken while the ring has this
/// much room, so an answer always fits.
pub(crate) const ACK_LEN: usize = 4;

/// The most payload bytes one [`Handler::next_payload`] call is asked for.
const PULL_CHUNK: usize = 128;

/// The DUP flag in a PUBLISH's first byte.
const DUP: u8 = 0b1000;

impl<'b, const N: usize, const M: usize> Session<'b, N, M> {
    /// Appends one packet of `total` bytes to the ring as one message: the first
    /// `total - tail.len()` bytes are written by `emit_head`, then `tail`. All or nothing.
    ///
    /// The head is encoded in place when the ring's free space does not wrap before its
    /// end, else in the store's free space and copied.
    pub(crate) fn push_packet(
        &mut self,
        total: usize,
        emit_head: impl FnOnce(&mut [u8]) -> Result<usize, wire::Error>,
        tail: &[u8],
    ) -> Result<(), Error> {
        let head_len = total.checked_sub(tail.len()).ok_or(Error::OutputFull)?;
        let mut r = self.ring.reserve(total).map_err(|_| Error::OutputFull)?;
        let (first, _) = r.unwritten_mut();
        if let Some(head) = first.get_mut(..head_len) {
            let n = emit_head(head)?;
            r.advance(n).map_err(|_| Error::OutputFull)?;
        } else {
            let scratch = self.store.scratch();
            let head = scratch.get_mut(..head_len).ok_or(Error::OutputFull)?;
            let n = emit_head(head)?;
            r.write(head.get(..n).unwrap_or_default())
                .map_err(|_| Error::OutputFull)?;
        }
        r.write(tail).map_err(|_| Error::OutputFull)?;
        r.commit().map_err(|_| Error::OutputFull)?;
        self.pushed = self.pushed.wrapping_add(total as u32);
        Ok(())
    }

    /// Appends a whole PUBLISH (first send on this connection), with a Topic Alias when
    /// outgoing aliases are on and [`alias_choice`] picks one.
    pub(crate) fn push_publish(&mut self, p: &Publish<'_>) -> Result<(), Error> {
        if let Some((aliased, _)) = self.alias_out_steps {
            if let Some(result) = aliased(self, p) {
                return result;
            }
        }
        let version = self.version;
        let total = Repr::Publish(*p).buffer_len_client(version);
        self.push_packet(
            total,
            |buf| Repr::emit_publish_header(p, buf, version),
            p.payload,
        )
    }

    /// [`Session::push_publish`] with the Topic Alias [`alias_choice`] picks, if any
    /// (`None`: no alias, push it plainly); a definition is noted once the packet is in the
    /// ring.
    pub(crate) fn push_publish_aliased(&mut self, p: &Publish<'_>) -> Option<Result<(), Error>> {
        let (alias, with_topic, total) = alias_choice(
            self.version,
            &self.server,
            &self.alias_out,
            self.ring.capacity(),
            p,
        )?;
        let emit = |buf: &mut [u8]| Repr::emit_publish_header_aliased(p, alias, with_topic, buf);
        Some(self.push_packet(total, emit, p.payload).map(|()| {
            if with_topic {
                let _ = self.alias_out.insert(alias, p.topic);
            }
        }))
    }

    /// Copies a stored PUBLISH into the ring: as stored (full topic, no alias) for a
    /// resend, with a Topic Alias for a first send when outgoing aliases are on and
    /// [`Session::push_stored_aliased`] manages. Whether it went in.
    fn push_stored(&mut self, stored: Stored, first_send: bool) -> bool {
        if first_send {
            if let Some((_, aliased)) = self.alias_out_steps {
                if let Some(pushed) = aliased(self, stored) {
                    return pushed;
                }
            }
        }
        let bytes = self.store.get(stored);
        let pushed = self.ring.push_all(bytes).is_ok();
        if pushed {
            self.pushed = self.pushed.wrapping_add(stored.len as u32);
        }
        pushed
    }

    /// A stored PUBLISH's first send with a Topic Alias, when one is chosen and its header
    /// can be encoded in place (the ring's free space does not wrap before its end; the
    /// store holding the packet cannot lend its scratch space now): whether it went in,
    /// or `None` to push the plain packet, which is always correct.
    pub(crate) fn push_stored_aliased(&mut self, stored: Stored) -> Option<bool> {
        let bytes = self.store.get(stored);
        let p = parse_stored_publish(bytes, self.version)?;
        let choice = alias_choice(
            self.version,
            &self.server,
            &self.alias_out,
            self.ring.capacity(),
            &p,
        );
        let (alias, with_topic, total) = choice?;
        let head = total.saturating_sub(p.payload.len());
        let Ok(mut r) = self.ring.reserve(total) else {
            return Some(false);
        };
        let (first, _) = r.unwritten_mut();
        let buf = first.get_mut(..head)?;
        let done = Repr::emit_publish_header_aliased(&p, alias, with_topic, buf)
            .ok()
            .and_then(|n| r.advance(n).ok())
            .and_then(|()| r.write(p.payload).ok())
            .and_then(|()| r.commit().ok());
        done?;
        if with_topic {
            let _ = self.alias_out.insert(alias, p.topic);
        }
        self.pushed = self.pushed.wrapping_add(total as u32);
        Some(true)
    }

    /// Appends a whole packet given as its representation.
    pub(crate) fn push_repr(&mut self, repr: &Repr<'_>) -> Result<(), Error> {
        let version = self.version;
        let total = repr.buffer_len_client(version);
        self.push_packet(total, |buf| repr.emit_client(buf, version), &[])
    }

    /// Appends an acknowledgement (PUBACK, PUBREC, PUBREL, PUBCOMP) with success and no
    /// properties; room for it was checked before the packet that asks for it was taken.
    pub(crate) fn push_ack(&mut self, kind: wire::PacketType, id: PacketId) {
        self.ack_due = Some((kind, id));
        self.flush_ack();
    }

    /// Puts the acknowledgement waiting for room (a handler's command filled the ring) into
    /// the ring, if there is room now.
    pub(crate) fn flush_ack(&mut self) {
        let Some((kind, id)) = self.ack_due else {
            return;
        };
        let ack = wire::Ack::new(id);
        let repr = match kind {
            wire::PacketType::PubAck => Repr::PubAck(ack),
            wire::PacketType::PubRec => Repr::PubRec(ack),
            wire::PacketType::PubRel => Repr::PubRel(ack),
            _ => Repr::PubComp(ack),
        };
        if self.push_repr(&repr).is_ok() {
            self.ack_due = None;
        }
    }

    /// Copies stored packets that must be sent (queued messages, resumed flows) into the
    /// ring, oldest first, while they fit and the broker's Receive Maximum allows.
    pub(crate) fn pump<H: Handler>(&mut self, h: &mut H, now: Instant) {
        if !self.is_connected() || self.stream().is_some() {
            return;
        }
        while let Some(slot) = self.out.oldest(|r| r.pending) {
            let Some(record) = self.out.get(slot).copied() else {
                return;
            };
            let first_send = record.state == OutState::Queued;
            let counts = matches!(
                record.kind,
                Kind::Publish(wire::QoS::AtLeastOnce | wire::QoS::ExactlyOnce)
            );
            // The broker's Receive Maximum bounds the QoS 1 and 2 PUBLISHes unacknowledged
            // on this connection, resent ones included ([MQTT-4.9.0-2] after a reconnect).
            let publish_again = counts && record.state != OutState::AwaitPubComp;
            if publish_again && self.out.sent_unacked() >= self.server.receive_max {
                return;
            }
            let sent = match (record.state, record.stored, record.id) {
                (OutState::AwaitPubComp, _, Some(id)) => {
                    self.ring.free() >= ACK_LEN && {
                        self.push_ack(wire::PacketType::PubRel, id);
                        true
                    }
                }
                (_, Some(stored), _) => {
                    let bytes = self.store.get_mut(stored);
                    if let Some(b) = bytes.first_mut() {
                        // DUP on a resend only ([MQTT-3.3.1-1]); a requeued message is new.
                        if first_send {
                            *b &= !DUP;
                        } else {
                            *b |= DUP;
                        }
                    }
                    self.push_stored(stored, first_send)
                }
                // A record with nothing to send: nothing can make it sendable.
                _ => {
                    self.fail_record(h, slot, super::RequestError::NotStored);
                    continue;
                }
            };
            if !sent {
                return;
            }
            self.mark_sent(h, slot, record, now);
        }
    }

    /// A record's packet went into the ring.
    fn mark_sent<H: Handler>(&mut self, h: &mut H, slot: usize, record: Record, now: Instant) {
        if record.state != OutState::Queued {
            if let Some(r) = self.out.get_mut(slot) {
                r.pending = false;
                r.sent_at = now;
            }
            return;
        }
        match on_sent(record.kind) {
            Some(state) => {
                if let Some(r) = self.out.get_mut(slot) {
                    r.pending = false;
                    r.state = state;
                    r.sent_at = now;
                }
            }
            None => {
                // QoS 0 from the queue: done once its bytes leave the ring.
                self.remove_record(slot);
                self.qos0_sent();
            }
        }
        let _ = h;
    }

    /// A QoS 0 PUBLISH ends at the current end of the ring.
    pub(crate) fn qos0_sent(&mut self) {
        self.qos0_pending = self.qos0_pending.saturating_add(1);
        self.qos0_end = self.pushed;
    }

    /// The output step (lwIP's `mqtt_output_send`): pump queued packets (and the payload of
    /// a streamed PUBLISH the handler supplies) into the ring and copy the ring into the
    /// connection, as much as it takes; then report QoS 0 messages that left, carry out a
    /// requested disconnect, and finish a requested close once everything left.
    pub(crate) fn output<C: Connection, H: Handler>(
        &mut self,
        conn: &mut C,
        h: &mut H,
        now: Instant,
    ) {
        if self.disconnect != super::session::Requested::No && self.disconnect_due(now) {
            self.end_with(h, super::Disconnected::Requested, true);
        }
        let mut wrote = false;
        loop {
            self.flush_ack();
            self.pump(h, now);
            self.pull_payload(h, now);
            let chunk = self.ring.readable();
            let space = conn.send_space();
            if chunk.is_empty() || space == 0 {
                break;
            }
            let chunk = chunk.get(..space).unwrap_or(chunk);
            match conn.write(chunk) {
                Ok(n) if n > 0 => {
                    self.ring.consume(n);
                    self.written = self.written.wrapping_add(n as u32);
                    wrote = true;
                }
                _ => break,
            }
        }
        if wrote {
            self.last_sent = now;
            let _ = conn.output();
        }
        // `written` has reached `qos0_end` (both modulo 2^32; while QoS 0 completions are
        // pending they are at most the ring's capacity apart). What a handler writes from
        // these events leaves at the next output step (the connection's `sent` for these
        // very bytes is one).
        if self.qos0_pending > 0 && self.written.wrapping_sub(self.qos0_end) <= u32::MAX / 2 {
            for _ in 0..core::mem::take(&mut self.qos0_pending) {
                h.published(None, Ok(wire::ReasonCode::Success), &mut Ctx { s: self });
            }
        }
        if self.closing && self.ring.is_empty() && self.stream().is_none() {
            self.closing = false;
            let _ = conn.close();
        }
    }

    /// Carry out a disconnect asked for with `disconnect_when_idle` or from a handler, when
    /// it is due: DISCONNECT (reason 0, no properties: the same 2 bytes in 3.1.1 and 5.0)
    /// after what is in the ring; the close follows once the ring is empty (then the
    /// caller ends the session). It waits while a PUBLISH is streamed, an acknowledgement
    /// waits for room (it goes first), or the ring is full.
    /// Runs first in the output step, so that the DISCONNECT leaves in it.
    fn disconnect_due(&mut self, now: Instant) -> bool {
        // A request is made while connected; `connect_at` holds its deadline.
        self.flush_ack();
        let due = self.disconnect == super::session::Requested::Now
            || now >= self.connect_at
            || self.is_idle();
        let blocked = self.stream().is_some() || self.ack_due.is_some();
        if self.phase != Phase::Connected || !due || blocked {
            return false;
        }
        if self
            .push_repr(&Repr::Disconnect(wire::Disconnect::default()))
            .is_err()
        {
            return false;
        }
        self.disconnect = super::session::Requested::No;
        self.closing = true;
        true
    }

    /// Fills the ring with the payload of the PUBLISH being streamed, from
    /// [`Handler::next_payload`], while it gives bytes and the ring has room. The handler
    /// writes into a small buffer on the stack that is then copied into the ring: for a
    /// handler that does not implement `next_payload` (it returns 0) all of this is dead
    /// code and leaves the image.
    fn pull_payload<H: Handler>(&mut self, h: &mut H, now: Instant) {
        let mut buf = [0u8; PULL_CHUNK];
        while let Some(stream) = self.stream() {
            let want = self.ring.free().min(stream.left).min(PULL_CHUNK);
            let Some(dst) = buf.get_mut(..want) else {
                return;
            };
            let n = h.next_payload(dst).min(want);
            if n == 0
                || self
                    .ring
                    .push_all(buf.get(..n).unwrap_or_default())
                    .is_err()
            {
                return;
            }
            self.streamed(n, now);
        }
    }

    /// `n` more payload bytes of the streamed PUBLISH are in the ring.
    pub(crate) fn streamed(&mut self, n: usize, now: Instant) {
        let Some(stream) = self.stream() else {
            return;
        };
        self.pushed = self.pushed.wrapping_add(n as u32);
        let left = stream.left.saturating_sub(n);
        if left > 0 {
            self.stream = Some(Stream { left, ..stream });
            return;
        }
        self.stream = None;
        // Received bytes waited while the stream went out: the broker's silence is counted
        // from now, not from before the stream (a long one would trip the keep-alive
        // watchdog and the request timeouts with answers unread).
        self.last_recv = self.last_recv.max(now);
        self.last_heard = self.last_heard.max(now);
        match stream.id {
            None => self.qos0_sent(),
            // Its answer is due from now: the request timer starts with the last byte.
            Some(id) => {
                if let Some(r) = self.out.find(id).and_then(|slot| self.out.get_mut(slot)) {
                    r.sent_at = now;
                }
            }
        }
    }
}

/// The Topic Alias to send `p` with as a first send on this connection: `(alias, with
/// topic, packet length)`, or `None` to send the full topic without one. An alias is
/// used when MQTT 5.0, the broker allows aliases, the application gave storage and the
/// aliased packet stays within the broker's Maximum Packet Size and the ring: the topic's
/// alias if defined, else the next alias number if within the broker's maximum and the
/// topic fits the storage (then this PUBLISH defines it).
fn alias_choice(
    version: Version,
    server: &ServerLimits,
    table: &AliasTable<'_>,
    ring_capacity: usize,
    p: &Publish<'_>,
) -> Option<(u16, bool, usize)> {
    let usable = version.is_v5()
        && server.topic_alias_max > 0
        && table.has_storage()
        && !p.topic.is_empty()
        && p.properties.topic_alias().is_none();
    if !usable {
        return None;
    }
    let (alias, with_topic) = match table.find(p.topic) {
        Some(a) => (a, false),
        None => {
            let next = u16::try_from(table.len().saturating_add(1)).ok()?;
            if next > server.topic_alias_max || !table.fits(p.topic) {
                return None;
            }
            (next, true)
        }
    };
    let total = Repr::publish_aliased_len(p, with_topic);
    (total <= server.max_packet && total <= ring_capacity).then_some((alias, with_topic, total))
}

/// A stored PUBLISH (encoded by the client itself) parsed back; `None` if it is anything
/// else. Parses only as a PUBLISH, so that no other packet type's parser is linked.
fn parse_stored_publish(bytes: &[u8], version: Version) -> Option<Publish<'_>> {
    let header = wire::FixedHeader::parse(bytes).ok()?;
    if header.packet_type() != wire::PacketType::Publish {
        return None;
    }
    let body = bytes.get(header.header_len()..header.total_len())?;
    Publish::parse(header.flags(), body, version).ok()
}
