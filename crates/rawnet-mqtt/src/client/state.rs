//! The session state: a fixed table of per-request records and the transitions they may
//! take (coreMQTT's `core_mqtt_state.c`, without the client around it).
//!
//! Two tables make up what MQTT calls the client's session state:
//!
//! - [`Outgoing`]: one [`Record`] per request of ours that is not finished: a PUBLISH
//!   waiting to be sent (offline queue, or held back by the broker's Receive Maximum) or
//!   acknowledged, a SUBSCRIBE or UNSUBSCRIBE waiting for its ack. Packet identifiers are
//!   unique among the records that hold one.
//! - [`IncomingQos2`]: the packet identifiers of QoS 2 messages received and delivered but
//!   not yet released by the broker's PUBREL. A PUBLISH that reuses one of them is a
//!   duplicate and is not delivered again (exactly once).
//!
//! Every change of a record's state goes through a validator ([`on_ack`], [`on_sent`],
//! [`on_resume`]) that either names the next state or refuses; the tables hold no
//! protocol logic and the validators need no table, so both are tested alone (see
//! `state/tests.rs`).

use crate::wire::{PacketId, PacketType, QoS};
use rawnet_altcp::Instant;

/// What a record is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Kind {
    /// A PUBLISH of ours at this QoS.
    Publish(QoS),
    /// A SUBSCRIBE of this many topic filters.
    Subscribe(u16),
    /// An UNSUBSCRIBE of this many topic filters.
    Unsubscribe(u16),
}

/// Where an outgoing request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum OutState {
    /// Stored, not sent on the current connection yet.
    Queued,
    /// QoS 1 PUBLISH sent; waiting for PUBACK.
    AwaitPubAck,
    /// QoS 2 PUBLISH sent; waiting for PUBREC.
    AwaitPubRec,
    /// QoS 2 PUBREC received, PUBREL sent ("released"); waiting for PUBCOMP.
    AwaitPubComp,
    /// SUBSCRIBE sent; waiting for SUBACK.
    AwaitSubAck,
    /// UNSUBSCRIBE sent; waiting for UNSUBACK.
    AwaitUnsubAck,
}

impl OutState {
    /// Whether the request counts against the broker's Receive Maximum (a QoS 1 or 2
    /// PUBLISH sent and not completely acknowledged, MQTT 5.0 §4.9).
    pub const fn is_unacked_publish(self) -> bool {
        matches!(
            self,
            OutState::AwaitPubAck | OutState::AwaitPubRec | OutState::AwaitPubComp
        )
    }
}

/// The answer of [`on_ack`] to an acknowledgement that fits the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Next {
    /// The request is finished; free the record.
    Complete,
    /// PUBREC accepted: send PUBREL and wait for PUBCOMP.
    Release,
}

/// A transition a validator refuses: the packet does not belong to this record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Invalid;

/// The state after sending a record's packet for the first time.
pub const fn on_sent(kind: Kind) -> Option<OutState> {
    match kind {
        Kind::Publish(QoS::AtMostOnce) => None,
        Kind::Publish(QoS::AtLeastOnce) => Some(OutState::AwaitPubAck),
        Kind::Publish(QoS::ExactlyOnce) => Some(OutState::AwaitPubRec),
        Kind::Subscribe(_) => Some(OutState::AwaitSubAck),
        Kind::Unsubscribe(_) => Some(OutState::AwaitUnsubAck),
    }
}

/// The transition for acknowledgement `ack` received for a record in `state`. `failed` is
/// whether the ack carries an error reason code (MQTT 5.0); a failed PUBREC ends the QoS 2
/// flow without PUBREL ([MQTT-4.3.3-4] applies only to successful PUBRECs).
pub const fn on_ack(state: OutState, ack: PacketType, failed: bool) -> Result<Next, Invalid> {
    match (state, ack) {
        (OutState::AwaitPubAck, PacketType::PubAck) => Ok(Next::Complete),
        (OutState::AwaitPubRec, PacketType::PubRec) if failed => Ok(Next::Complete),
        (OutState::AwaitPubRec, PacketType::PubRec) => Ok(Next::Release),
        (OutState::AwaitPubComp, PacketType::PubComp) => Ok(Next::Complete),
        (OutState::AwaitSubAck, PacketType::SubAck) => Ok(Next::Complete),
        (OutState::AwaitUnsubAck, PacketType::UnsubAck) => Ok(Next::Complete),
        _ => Err(Invalid),
    }
}

/// What to do with a record when a connection starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Resume {
    /// Keep as it is (queued: sent in order once connected).
    Keep,
    /// Send the stored PUBLISH again with DUP set, same state (MQTT-4.4.0-1).
    ResendPublish,
    /// Send PUBREL again, same state.
    ResendPubRel,
    /// Send again as a new message: back to [`OutState::Queued`] (the session is new, the
    /// broker never saw it).
    Requeue,
    /// The broker already holds the message (PUBREC received) and the session that would
    /// deliver PUBCOMP is gone: the request is finished.
    Complete,
    /// The request cannot continue on a new connection (a SUBSCRIBE or UNSUBSCRIBE whose
    /// ack was lost): fail it.
    Fail,
}

/// The transition for a record in `state` when a CONNACK arrives with `session_present`.
pub const fn on_resume(state: OutState, session_present: bool) -> Resume {
    match (state, session_present) {
        (OutState::Queued, _) => Resume::Keep,
        (OutState::AwaitPubAck | OutState::AwaitPubRec, true) => Resume::ResendPublish,
        (OutState::AwaitPubComp, true) => Resume::ResendPubRel,
        (OutState::AwaitPubAck | OutState::AwaitPubRec, false) => Resume::Requeue,
        (OutState::AwaitPubComp, false) => Resume::Complete,
        (OutState::AwaitSubAck | OutState::AwaitUnsubAck, _) => Resume::Fail,
    }
}

/// A stored copy of a packet in the message store: offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Stored {
    /// Offset in the store.
    pub offset: usize,
    /// Length of the encoded packet.
    pub len: usize,
}

/// One outgoing request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Record {
    /// Packet identifier; `None` only for a queued QoS 0 PUBLISH.
    pub id: Option<PacketId>,
    /// What the request is.
    pub kind: Kind,
    /// Where it stands.
    pub state: OutState,
    /// When the packet was last sent (request timeout).
    pub sent_at: Instant,
    /// The encoded PUBLISH, when it is kept for sending (again).
    pub stored: Option<Stored>,
    /// Its packet (the PUBLISH, or PUBREL in [`OutState::AwaitPubComp`]) must be sent on
    /// this connection: queued, or resumed after a reconnect. Sent oldest first.
    pub pending: bool,
    /// Order of creation (assigned by [`Outgoing::insert`]).
    pub seq: u32,
}

/// The table of outgoing requests: `N` records at most.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Outgoing<const N: usize> {
    records: [Option<Record>; N],
    next_id: u16,
    next_seq: u32,
}

impl<const N: usize> Default for Outgoing<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Outgoing<N> {
    /// An empty table.
    pub const fn new() -> Self {
        Outgoing {
            records: [None; N],
            next_id: 0,
            next_seq: 0,
        }
    }

    /// Number of records in use.
    pub fn len(&self) -> usize {
        self.records.iter().flatten().count()
    }

    /// Whether no record is in use.
    pub fn is_empty(&self) -> bool {
        self.records.iter().all(Option::is_none)
    }

    /// Whether every record is in use.
    pub fn is_full(&self) -> bool {
        self.records.iter().all(Option::is_some)
    }

    /// QoS 1 and 2 PUBLISHes sent and not completely acknowledged.
    pub fn unacked_publishes(&self) -> usize {
        self.records
            .iter()
            .flatten()
            .filter(|r| r.state.is_unacked_publish())
            .count()
    }

    /// QoS 1 and 2 PUBLISHes sent on the current connection and not completely
    /// acknowledged (records waiting to be resent do not count until they are).
    pub fn sent_unacked(&self) -> usize {
        self.records
            .iter()
            .flatten()
            .filter(|r| r.state.is_unacked_publish() && !r.pending)
            .count()
    }

    /// A packet identifier no record holds (round robin, never zero). `None` only if
    /// 65,535 records hold one, which a table this size cannot.
    pub fn free_id(&mut self) -> Option<PacketId> {
        for _ in 0..=u16::MAX {
            self.next_id = self.next_id.wrapping_add(1);
            if let Some(id) = PacketId::new(self.next_id) {
                if self.find(id).is_none() {
                    return Some(id);
                }
            }
        }
        None
    }

    /// Adds a record (its `seq` is assigned here); the slot index, or the record back if
    /// the table is full.
    pub fn insert(&mut self, mut record: Record) -> Result<usize, Record> {
        let Some((slot, free)) = self
            .records
            .iter_mut()
            .enumerate()
            .find(|(_, r)| r.is_none())
        else {
            return Err(record);
        };
        record.seq = self.next_seq;
        self.next_seq = self.next_seq.wrapping_add(1);
        *free = Some(record);
        Ok(slot)
    }

    /// The slot of the record holding packet identifier `id`.
    pub fn find(&self, id: PacketId) -> Option<usize> {
        self.records
            .iter()
            .position(|r| r.is_some_and(|r| r.id == Some(id)))
    }

    /// The record in `slot`.
    pub fn get(&self, slot: usize) -> Option<&Record> {
        self.records.get(slot).and_then(Option::as_ref)
    }

    /// The record in `slot`, to change.
    pub fn get_mut(&mut self, slot: usize) -> Option<&mut Record> {
        self.records.get_mut(slot).and_then(Option::as_mut)
    }

    /// Frees `slot`; the record it held.
    pub fn remove(&mut self, slot: usize) -> Option<Record> {
        self.records.get_mut(slot).and_then(Option::take)
    }

    /// The oldest record that `wanted` accepts: the one created longest ago (ages count
    /// back from the next sequence number, so the wrapping counter still orders correctly).
    pub fn oldest(&self, wanted: impl Fn(&Record) -> bool) -> Option<usize> {
        self.records
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                r.filter(|r| wanted(r))
                    .map(|r| (i, self.next_seq.wrapping_sub(r.seq)))
            })
            .max_by_key(|(_, age)| *age)
            .map(|(i, _)| i)
    }

    /// Every slot in use, in slot order.
    pub fn slots(&self) -> impl Iterator<Item = usize> + '_ {
        self.records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_some())
            .map(|(i, _)| i)
    }

    /// After `len` bytes at `offset` left the message store, move every stored copy
    /// behind them down by `len`.
    pub fn shift_stored(&mut self, offset: usize, len: usize) {
        for r in self.records.iter_mut().flatten() {
            if let Some(s) = r.stored.as_mut() {
                if s.offset > offset {
                    s.offset = s.offset.saturating_sub(len);
                }
            }
        }
    }
}

/// What [`IncomingQos2::receive`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Received {
    /// A new message: deliver it (the identifier is now held until PUBREL).
    New,
    /// The identifier is held: a retransmission of a message already delivered.
    Duplicate,
}

/// The table is full: no room to remember one more QoS 2 message until its PUBREL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Full;

/// Identifiers of received QoS 2 messages waiting for PUBREL: `M` at most.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct IncomingQos2<const M: usize> {
    ids: [Option<PacketId>; M],
}

impl<const M: usize> Default for IncomingQos2<M> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const M: usize> IncomingQos2<M> {
    /// An empty table.
    pub const fn new() -> Self {
        IncomingQos2 { ids: [None; M] }
    }

    /// A QoS 2 PUBLISH with `id` arrived.
    pub fn receive(&mut self, id: PacketId) -> Result<Received, Full> {
        if self.ids.contains(&Some(id)) {
            return Ok(Received::Duplicate);
        }
        let slot = self.ids.iter_mut().find(|s| s.is_none()).ok_or(Full)?;
        *slot = Some(id);
        Ok(Received::New)
    }

    /// Whether a QoS 2 PUBLISH with `id` would be a duplicate.
    pub fn holds(&self, id: PacketId) -> bool {
        self.ids.contains(&Some(id))
    }

    /// A PUBREL for `id` arrived: forget it. Whether it was held (a PUBREL for an unknown
    /// identifier is legal after a reconnect and is answered all the same).
    pub fn release(&mut self, id: PacketId) -> bool {
        match self.ids.iter_mut().find(|s| **s == Some(id)) {
            Some(slot) => {
                *slot = None;
                true
            }
            None => false,
        }
    }

    /// Number of identifiers held.
    pub fn len(&self) -> usize {
        self.ids.iter().flatten().count()
    }

    /// Whether no identifier is held.
    pub fn is_empty(&self) -> bool {
        self.ids.iter().all(Option::is_none)
    }

    /// Forgets everything (a new session).
    pub fn clear(&mut self) {
        self.ids = [None; M];
    }
}

#[cfg(test)]
mod tests;
