//! The output side: packets encoded into the ring, queued records pumped into it, and the
//! output step (lwIP's `mqtt_output_send`) that copies the ring into the connection.

use rawnet_tcp::{Connection, Instant};

use super::state::{on_sent, Kind, OutState, Record};
use super::{Error, Handler, Session};
use crate::wire::{self, Ack, PacketId, Repr};

/// PUBACK, PUBREC, PUBREL, PUBCOMP without properties or reason: the most a received
/// packet makes the client answer. Received bytes are only taken while the ring has this
/// much room, so an answer always fits.
pub(crate) const ACK_LEN: usize = 4;

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
        self.pushed = self.pushed.saturating_add(total as u64);
        Ok(())
    }

    /// Appends a whole packet given as its representation.
    pub(crate) fn push_repr(&mut self, repr: &Repr<'_>) -> Result<(), Error> {
        let version = self.version;
        let total = repr.buffer_len(version);
        self.push_packet(total, |buf| repr.emit(buf, version), &[])
    }

    /// Appends an acknowledgement (PUBACK, PUBREC, PUBREL, PUBCOMP) with success and no
    /// properties; room for it was checked before the packet that asks for it was taken.
    pub(crate) fn push_ack(&mut self, make: fn(Ack<'static>) -> Repr<'static>, id: PacketId) {
        let _ = self.push_repr(&make(Ack::new(id)));
    }

    /// Copies stored packets that must be sent (queued messages, resumed flows) into the
    /// ring, oldest first, while they fit and the broker's Receive Maximum allows.
    pub(crate) fn pump<H: Handler>(&mut self, h: &mut H, now: Instant) {
        if !self.is_connected() || self.stream.is_some() {
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
            if first_send && counts && self.out.unacked_publishes() >= self.server.receive_max {
                return;
            }
            let sent = match (record.state, record.stored, record.id) {
                (OutState::AwaitPubComp, _, Some(id)) => {
                    self.ring.free() >= ACK_LEN && {
                        self.push_ack(Repr::PubRel, id);
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
                    let pushed = self.ring.push_all(bytes).is_ok();
                    if pushed {
                        self.pushed = self.pushed.saturating_add(stored.len as u64);
                    }
                    pushed
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

    /// The output step (lwIP's `mqtt_output_send`): pump queued packets into the ring and
    /// copy the ring into the connection, as much as it takes; then report QoS 0 messages
    /// that left, and finish a requested close once everything left.
    pub(crate) fn output<C: Connection, H: Handler>(
        &mut self,
        conn: &mut C,
        h: &mut H,
        now: Instant,
    ) {
        let mut wrote = false;
        loop {
            self.pump(h, now);
            let chunk = self.ring.readable();
            let space = conn.send_space();
            if chunk.is_empty() || space == 0 {
                break;
            }
            let chunk = chunk.get(..space).unwrap_or(chunk);
            match conn.write(chunk) {
                Ok(n) if n > 0 => {
                    self.ring.consume(n);
                    self.written = self.written.saturating_add(n as u64);
                    wrote = true;
                }
                _ => break,
            }
        }
        if wrote {
            self.last_sent = now;
            let _ = conn.output();
        }
        if self.qos0_pending > 0 && self.written >= self.qos0_end {
            for _ in 0..core::mem::take(&mut self.qos0_pending) {
                h.published(None, Ok(wire::ReasonCode::Success));
            }
        }
        if self.closing && self.ring.is_empty() && self.stream.is_none() {
            self.closing = false;
            let _ = conn.close();
        }
    }
}
