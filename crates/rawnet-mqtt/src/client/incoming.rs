//! The input side: every packet a broker may send, checked against the connection phase
//! and the session tables (lwIP's `mqtt_message_received`).

use rawnet_altcp::{Connection, Instant};

use super::alias::AliasTable;
use super::context::Ctx;
use super::session::{Incoming, Phase};
use super::state::{on_ack, IncomingQos2, Kind, Next, OutState, Received};
use super::{Disconnected, Handler, Message, ProtocolError, RequestError, Session};
use crate::wire::{Ack, PacketId, PacketType, Publish, PublishQos, QoS, ReasonCodes, Repr};

impl<'b, const N: usize, const M: usize> Session<'b, N, M> {
    /// A whole packet arrived.
    pub(crate) fn packet<C: Connection, H: Handler>(
        &mut self,
        conn: &mut C,
        h: &mut H,
        aliases: &mut AliasTable<'b>,
        repr: Repr<'_>,
        now: Instant,
    ) {
        let result = match (self.phase, repr) {
            // After our DISCONNECT, or after the end: nothing matters any more.
            (Phase::Idle, _) => Ok(()),
            (Phase::Connecting, Repr::ConnAck(ack)) => {
                self.connack(conn, h, &ack, now);
                Ok(())
            }
            (_, Repr::Disconnect(d)) => {
                let _ = conn.close();
                self.end(h, Disconnected::ByServer(d.reason));
                Ok(())
            }
            (_, Repr::Auth(_)) => Err(ProtocolError::AuthNotSupported),
            (Phase::Connected, Repr::Publish(p)) => self
                .publish_start(h, aliases, &p, p.payload.len())
                .map(|()| self.payload(h, p.payload, true)),
            (Phase::Connected, Repr::PubAck(a)) => self.ack(h, PacketType::PubAck, &a, now),
            // Without the `qos2` feature, QoS 2 packets are unexpected (no QoS 2 is sent,
            // none subscribed to).
            #[cfg(feature = "qos2")]
            (Phase::Connected, Repr::PubRec(a)) => self.ack(h, PacketType::PubRec, &a, now),
            #[cfg(feature = "qos2")]
            (Phase::Connected, Repr::PubComp(a)) => self.ack(h, PacketType::PubComp, &a, now),
            #[cfg(feature = "qos2")]
            (Phase::Connected, Repr::PubRel(a)) => {
                // Answered even for an identifier we do not hold (a retransmission after
                // a reconnect, [MQTT-4.3.3-13]).
                self.in2.release(a.packet_id);
                self.push_ack(PacketType::PubComp, a.packet_id);
                Ok(())
            }
            (Phase::Connected, Repr::SubAck(s)) => {
                self.sub_ack(h, PacketType::SubAck, s.packet_id, s.reasons)
            }
            (Phase::Connected, Repr::UnsubAck(u)) => {
                self.sub_ack(h, PacketType::UnsubAck, u.packet_id, u.reasons)
            }
            (Phase::Connected, Repr::PingResp) => {
                self.ping_at = None;
                Ok(())
            }
            (_, other) => Err(ProtocolError::Unexpected(other.packet_type())),
        };
        if let Err(e) = result {
            self.fail(conn, h, Disconnected::Protocol(e), now);
        }
    }

    /// An incoming PUBLISH starts: check it, note what its end must answer, announce it.
    pub(crate) fn publish_start<H: Handler>(
        &mut self,
        h: &mut H,
        aliases: &mut AliasTable<'b>,
        p: &Publish<'_>,
        len: usize,
    ) -> Result<(), ProtocolError> {
        if self.phase != Phase::Connected {
            return Err(ProtocolError::Unexpected(PacketType::Publish));
        }
        // Topic Alias: defined by a PUBLISH with a topic, used by one without. The
        // maximum is 0 (any alias invalid) unless the application gave storage.
        let alias = if self.version.is_v5() {
            p.properties.topic_alias()
        } else {
            None
        };
        if let Some(alias) = alias {
            if alias == 0 || alias > self.alias_in_max {
                return Err(ProtocolError::TopicAliasInvalid);
            }
            if !p.topic.is_empty() {
                let insert = self.alias_in_insert;
                if !insert.is_some_and(|insert| insert(aliases, alias, p.topic)) {
                    return Err(ProtocolError::TopicAliasStorageFull);
                }
            } else if aliases.get(alias).is_none() {
                return Err(ProtocolError::TopicAliasInvalid);
            }
        }
        let duplicate = match p.qos {
            PublishQos::ExactlyOnce(_) if !cfg!(feature = "qos2") => {
                return Err(ProtocolError::QosNotSubscribed)
            }
            PublishQos::ExactlyOnce(id) => receive_qos2(&mut self.in2, id)?,
            _ => false,
        };
        self.incoming = Some(Incoming {
            qos: p.qos.qos(),
            id: p.qos.packet_id(),
            duplicate,
        });
        if !duplicate {
            let topic = match alias {
                Some(a) if p.topic.is_empty() => aliases.get(a).unwrap_or_default(),
                _ => p.topic,
            };
            let message = Message {
                topic,
                len,
                qos: p.qos.qos(),
                retain: p.retain,
                dup: p.dup,
                properties: p.properties,
            };
            h.message_start(&message, &mut Ctx { s: self });
        }
        Ok(())
    }

    /// A piece of the current incoming payload; the last one sends the acknowledgement.
    pub(crate) fn payload<H: Handler>(&mut self, h: &mut H, data: &[u8], last: bool) {
        let Some(incoming) = self.incoming else {
            return;
        };
        if last {
            // The acknowledgement first: the handler may act on the message being complete
            // (disconnect, say), and it goes after it.
            self.incoming = None;
            match (incoming.qos, incoming.id) {
                (QoS::AtLeastOnce, Some(id)) => self.push_ack(PacketType::PubAck, id),
                (QoS::ExactlyOnce, Some(id)) => self.push_ack(PacketType::PubRec, id),
                _ => {}
            }
        }
        if !incoming.duplicate {
            h.message_data(data, last, &mut Ctx { s: self });
        }
    }

    /// PUBACK, PUBREC or PUBCOMP for one of our PUBLISHes.
    fn ack<H: Handler>(
        &mut self,
        h: &mut H,
        kind: PacketType,
        ack: &Ack<'_>,
        now: Instant,
    ) -> Result<(), ProtocolError> {
        let id = ack.packet_id;
        let unknown = ProtocolError::UnknownPacketId(kind, id);
        let slot = self.out.find(id).ok_or(unknown)?;
        let record = self.out.get(slot).copied().ok_or(unknown)?;
        if record.pending || !matches!(record.kind, Kind::Publish(_)) {
            return Err(unknown);
        }
        let failed = ack.reason.is_error();
        match on_ack(record.state, kind, failed).map_err(|_| unknown)? {
            Next::Complete => {
                self.remove_record(slot);
                let result = if failed {
                    Err(RequestError::Rejected(ack.reason))
                } else {
                    Ok(ack.reason)
                };
                h.published(Some(id), result, &mut Ctx { s: self });
            }
            Next::Release => {
                // The broker owns the message now: only the identifier is needed.
                if let Some(s) = record.stored {
                    self.store.remove(s);
                    self.out.shift_stored(s.offset, s.len);
                }
                if let Some(r) = self.out.get_mut(slot) {
                    r.stored = None;
                    r.state = OutState::AwaitPubComp;
                    r.sent_at = now;
                }
                self.push_ack(PacketType::PubRel, id);
            }
        }
        Ok(())
    }

    /// SUBACK or UNSUBACK.
    fn sub_ack<H: Handler>(
        &mut self,
        h: &mut H,
        kind: PacketType,
        id: PacketId,
        codes: ReasonCodes<'_>,
    ) -> Result<(), ProtocolError> {
        let unknown = ProtocolError::UnknownPacketId(kind, id);
        let slot = self.out.find(id).ok_or(unknown)?;
        let record = self.out.get(slot).copied().ok_or(unknown)?;
        on_ack(record.state, kind, false).map_err(|_| unknown)?;
        let expected = match record.kind {
            Kind::Subscribe(n) | Kind::Unsubscribe(n) => usize::from(n),
            Kind::Publish(_) => return Err(unknown),
        };
        let counted = kind == PacketType::SubAck || self.version.is_v5();
        if counted && codes.len() != expected {
            return Err(ProtocolError::ReasonCount);
        }
        self.remove_record(slot);
        let cx = &mut Ctx { s: self };
        if kind == PacketType::SubAck {
            h.subscribed(id, Ok(codes), cx);
        } else {
            h.unsubscribed(id, Ok(codes), cx);
        }
        Ok(())
    }
}

/// Notes a received QoS 2 identifier; whether it is a duplicate.
fn receive_qos2<const M: usize>(
    table: &mut IncomingQos2<M>,
    id: PacketId,
) -> Result<bool, ProtocolError> {
    match table.receive(id) {
        Ok(Received::New) => Ok(false),
        Ok(Received::Duplicate) => Ok(true),
        Err(_) => Err(ProtocolError::ReceiveMaximumExceeded),
    }
}
