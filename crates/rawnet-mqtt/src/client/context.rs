//! [`Commands`]: what a [`Handler`](super::Handler) can do from inside an event.
//!
//! lwIP's MQTT callbacks may call `mqtt_subscribe` or `mqtt_publish` (subscribe from the
//! connection callback is the example's flow). rawnet's handler runs inside the client, so
//! it gets the client's commands as an argument instead: every event (but
//! `transport_error`) comes with `client: &mut impl Commands`.
//!
//! The commands act on the client at once (a publish is in the output ring, a subscribe has
//! its request record, when the call returns), without the connection and without the time
//! (both are the event's): what they write leaves in the output step that ends the callback
//! which delivered the event. Three rules keep the state machine whole while it is in the
//! middle of an input:
//!
//! - a command from a handler may fill the output ring; an acknowledgement the packet being
//!   received then needs waits for room (in the output step, before anything else) and
//!   nothing more is read until it is in the ring;
//! - [`Commands::disconnect`] and [`Commands::disconnect_when_idle`] are requests: the
//!   client carries them out in the output step, after the event, never in the middle of
//!   one;
//! - a handler never runs inside a command it gave: commands from a handler report nothing
//!   to the handler (a refusal is their return value; completions come as later events).
//!
//! Events are delivered where the session is consistent: `connected` after the resumed
//! session's messages were sorted out (their completions come first), `message_data` with
//! `last` after the message's acknowledgement went into the ring.

use rawnet_altcp::Instant;

use super::session::{Phase, Session};
use super::{Error, Publication, Published, ServerLimits};
use crate::wire::{PacketId, Properties, Subscription};

/// The client's commands, as a [`Handler`](super::Handler) event gets them (see the module
/// documentation of [`client`](super) and `context.rs` for the rules).
pub trait Commands {
    /// [`Client::publish`](super::Client::publish). A message larger than the output ring
    /// is streamed: the rest of its payload comes from
    /// [`Handler::next_payload`](super::Handler::next_payload) or
    /// [`Commands::write_payload`].
    fn publish(&mut self, msg: &Publication<'_>) -> Result<Published, Error>;

    /// [`Client::publish_streamed`](super::Client::publish_streamed).
    fn publish_streamed(
        &mut self,
        msg: &Publication<'_>,
        payload_len: usize,
    ) -> Result<Published, Error>;

    /// [`Client::write_payload`](super::Client::write_payload).
    fn write_payload(&mut self, data: &[u8]) -> Result<usize, Error>;

    /// [`Client::subscribe`](super::Client::subscribe).
    fn subscribe(&mut self, topics: &[Subscription<'_>]) -> Result<PacketId, Error> {
        self.subscribe_with_properties(topics, Properties::EMPTY)
    }

    /// [`Client::subscribe_with_properties`](super::Client::subscribe_with_properties).
    fn subscribe_with_properties(
        &mut self,
        topics: &[Subscription<'_>],
        properties: Properties<'_>,
    ) -> Result<PacketId, Error>;

    /// [`Client::unsubscribe`](super::Client::unsubscribe).
    fn unsubscribe(&mut self, filters: &[&str]) -> Result<PacketId, Error> {
        self.unsubscribe_with_properties(filters, Properties::EMPTY)
    }

    /// [`Client::unsubscribe_with_properties`](super::Client::unsubscribe_with_properties).
    fn unsubscribe_with_properties(
        &mut self,
        filters: &[&str],
        properties: Properties<'_>,
    ) -> Result<PacketId, Error>;

    /// Disconnect at the end of this callback: [`Client::disconnect`](super::Client::disconnect)
    /// in the output step, after what is in the ring (acknowledgements included).
    fn disconnect(&mut self);

    /// [`Client::disconnect_when_idle`](super::Client::disconnect_when_idle): DISCONNECT once
    /// nothing is in flight either way.
    fn disconnect_when_idle(&mut self);

    /// Whether CONNACK accepted the connection and it has not ended.
    fn is_connected(&self) -> bool;

    /// [`Client::in_flight`](super::Client::in_flight).
    fn in_flight(&self) -> usize;

    /// [`Client::incoming_qos2`](super::Client::incoming_qos2).
    fn incoming_qos2(&self) -> usize;

    /// [`Client::payload_pending`](super::Client::payload_pending).
    fn payload_pending(&self) -> usize;

    /// [`Client::server_limits`](super::Client::server_limits).
    fn server_limits(&self) -> ServerLimits;
}

/// The session, lent to a handler for one event.
pub(crate) struct Ctx<'x, 'b, const N: usize, const M: usize> {
    pub(crate) s: &'x mut Session<'b, N, M>,
}

impl<const N: usize, const M: usize> Ctx<'_, '_, N, M> {
    /// The time a command from a handler is given: the latest the client saw in a callback
    /// that received or sent bytes, which is the event's own time for the events of
    /// received packets and of QoS 0 messages that left. (Threading the callback's time to
    /// every event cost more flash than this is worth: docs/footprint-mqtt.md.)
    fn now(&self) -> Instant {
        self.s.last_recv.max(self.s.last_sent)
    }

    /// Run `f` on the session, unless it lends itself to no command now.
    fn run<R>(
        &mut self,
        f: impl FnOnce(&mut Session<'_, N, M>) -> Result<R, Error>,
    ) -> Result<R, Error> {
        if self.s.no_commands {
            return Err(Error::Busy);
        }
        f(self.s)
    }
}

impl<const N: usize, const M: usize> Commands for Ctx<'_, '_, N, M> {
    fn publish(&mut self, msg: &Publication<'_>) -> Result<Published, Error> {
        let now = self.now();
        self.run(|s| s.publish::<false>(msg, 0, now))
    }

    fn publish_streamed(
        &mut self,
        msg: &Publication<'_>,
        payload_len: usize,
    ) -> Result<Published, Error> {
        let now = self.now();
        self.run(|s| s.publish::<true>(msg, payload_len, now))
    }

    fn write_payload(&mut self, data: &[u8]) -> Result<usize, Error> {
        let now = self.now();
        self.run(|s| s.write_payload(data, now))
    }

    fn subscribe_with_properties(
        &mut self,
        topics: &[Subscription<'_>],
        properties: Properties<'_>,
    ) -> Result<PacketId, Error> {
        let now = self.now();
        self.run(|s| s.subscribe(topics, properties, now))
    }

    fn unsubscribe_with_properties(
        &mut self,
        filters: &[&str],
        properties: Properties<'_>,
    ) -> Result<PacketId, Error> {
        let now = self.now();
        self.run(|s| s.unsubscribe(filters, properties, now))
    }

    fn disconnect(&mut self) {
        let now = self.now();
        self.s.request_disconnect(false, now);
    }

    fn disconnect_when_idle(&mut self) {
        let now = self.now();
        self.s.request_disconnect(true, now);
    }

    fn is_connected(&self) -> bool {
        self.s.phase == Phase::Connected
    }

    fn in_flight(&self) -> usize {
        self.s.out.len()
    }

    fn incoming_qos2(&self) -> usize {
        self.s.in2.len()
    }

    fn payload_pending(&self) -> usize {
        self.s.stream().map_or(0, |s| s.left)
    }

    fn server_limits(&self) -> ServerLimits {
        self.s.server
    }
}
