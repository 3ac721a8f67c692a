//! The application's side: the events the client reports ([`Handler`]) and what they
//! carry.

use core::fmt::Debug;

use super::{Commands, Disconnected, RequestError};
use crate::wire::{PacketId, Properties, QoS, ReasonCode, ReasonCodes};

/// What a CONNACK that accepted the connection told (lwIP's `MQTT_CONNECT_ACCEPTED`, with
/// the MQTT 5.0 details).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Connected<'a> {
    /// The broker resumed the session (unacknowledged messages are being sent again).
    pub session_present: bool,
    /// The client identifier the broker assigned (MQTT 5.0, when the client sent an empty
    /// one).
    pub assigned_client_id: Option<&'a str>,
    /// The keep-alive in force, in seconds: the broker's Server Keep Alive if it sent one.
    pub keep_alive: u16,
    /// All CONNACK properties (MQTT 5.0; empty in 3.1.1).
    pub properties: Properties<'a>,
}

/// An incoming PUBLISH, as announced by [`Handler::message_start`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Message<'a> {
    /// Topic name (resolved from the Topic Alias when the broker used one).
    pub topic: &'a str,
    /// Total payload length (lwIP's `tot_len`).
    pub len: usize,
    /// QoS the message arrived with.
    pub qos: QoS,
    /// Retained message (sent because of a subscription).
    pub retain: bool,
    /// The broker marked it as a possible retransmission (QoS 1 duplicates are delivered;
    /// QoS 2 duplicates never reach the handler).
    pub dup: bool,
    /// PUBLISH properties (MQTT 5.0; empty in 3.1.1).
    pub properties: Properties<'a>,
}

impl<'a> Message<'a> {
    /// The Subscription Identifiers of the subscriptions this message matched (MQTT 5.0:
    /// one per matching subscription made with one, see
    /// [`Client::subscribe_with_properties`](super::Client::subscribe_with_properties)).
    pub fn subscription_identifiers(&self) -> impl Iterator<Item = u32> + 'a {
        self.properties.subscription_identifiers()
    }
}

/// The outcome of a SUBSCRIBE (per topic, in request order) or UNSUBSCRIBE (MQTT 5.0; a
/// 3.1.1 UNSUBACK carries no codes and reports an empty list).
pub type Granted<'a> = ReasonCodes<'a>;

/// The events of an MQTT connection, implemented by the application (lwIP's callbacks:
/// `mqtt_connection_cb_t`, `mqtt_request_cb_t`, `mqtt_incoming_publish_cb_t`,
/// `mqtt_incoming_data_cb_t`).
///
/// Every method has an empty default. They run inside the connection's callbacks, so they
/// must not block. Each event but `transport_error` gets the client's [`Commands`]: a handler
/// subscribes when connected, publishes an answer to a message, disconnects after the last
/// one, without keeping flags for a superloop (see [`Commands`] for what they may do there).
pub trait Handler {
    /// The broker accepted the connection (CONNACK with success). Messages of a resumed
    /// session that completed or failed with this CONNACK were reported just before.
    fn connected(&mut self, info: &Connected<'_>, client: &mut impl Commands) {
        let _ = (info, client);
    }

    /// The connection ended (refused, timed out, lost, or on request). Requests that
    /// cannot continue have already been reported failed; QoS 1 and 2 messages are kept
    /// for the next connection.
    fn disconnected(&mut self, reason: Disconnected, client: &mut impl Commands) {
        let _ = (reason, client);
    }

    /// A PUBLISH of ours completed: `id` is what [`Client::publish`](super::Client::publish)
    /// returned (`None` for QoS 0, reported once its bytes were handed to the connection).
    /// `Ok` carries the ack's reason code (MQTT 5.0: success or "no matching
    /// subscribers"; always [`ReasonCode::Success`] in 3.1.1).
    fn published(
        &mut self,
        id: Option<PacketId>,
        result: Result<ReasonCode, RequestError>,
        client: &mut impl Commands,
    ) {
        let _ = (id, result, client);
    }

    /// A SUBSCRIBE completed: one reason code per topic filter (granted QoS or failure).
    fn subscribed(
        &mut self,
        id: PacketId,
        result: Result<Granted<'_>, RequestError>,
        client: &mut impl Commands,
    ) {
        let _ = (id, result, client);
    }

    /// An UNSUBSCRIBE completed.
    fn unsubscribed(
        &mut self,
        id: PacketId,
        result: Result<Granted<'_>, RequestError>,
        client: &mut impl Commands,
    ) {
        let _ = (id, result, client);
    }

    /// An incoming message starts: topic and total length first (lwIP's
    /// `mqtt_incoming_publish_cb_t`), then [`Handler::message_data`] until `last`.
    fn message_start(&mut self, message: &Message<'_>, client: &mut impl Commands) {
        let _ = (message, client);
    }

    /// A piece of the current message's payload (lwIP's `mqtt_incoming_data_cb_t`); `last`
    /// is `MQTT_DATA_FLAG_LAST`. An empty payload is one empty piece with `last` set. With
    /// `last`, the message's acknowledgement (PUBACK, PUBREC) is already in the output ring.
    fn message_data(&mut self, data: &[u8], last: bool, client: &mut impl Commands) {
        let _ = (data, last, client);
    }

    /// A PUBLISH larger than the output ring is being streamed and the ring has room: write
    /// its next payload bytes into `buf` (at most the bytes still due) and return how many.
    /// 0 (the default) means none now: hand them to
    /// [`Client::write_payload`](super::Client::write_payload) instead. Called from the
    /// output step, as often as the ring drains, so a payload larger than memory (a file)
    /// needs no loop in the application.
    fn next_payload(&mut self, buf: &mut [u8]) -> usize {
        let _ = buf;
        0
    }

    /// The connection below reported this error (it is gone; [`Handler::disconnected`]
    /// follows).
    fn transport_error<E: Debug>(&mut self, error: &E) {
        let _ = error;
    }
}

/// A handler that ignores everything.
impl Handler for () {}
