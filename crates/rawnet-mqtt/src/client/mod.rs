//! The MQTT client: lwIP's `apps/mqtt` client as a sans-IO state machine over any
//! [`Connection`] (TCP, or TLS over TCP).
//!
//! [`Client`] implements [`Callbacks`] for every `C: Connection`, so it is driven by the
//! layer below exactly like lwIP's client is by `tcp_recv` / `tcp_sent` / `tcp_poll` /
//! `tcp_err`: give it to `Stack::drive` (or to the TLS layer). It owns no socket and reads
//! no clock: time is an argument of every call. What happens is reported to a [`Handler`]
//! the application implements.
//!
//! # The four groups of methods
//!
//! - **Inputs** (the [`Callbacks`] implementation): `connected` sends CONNECT; `recv`
//!   decodes, checks and answers packets, and returns how many bytes it took (none while
//!   the output ring cannot hold an answer, or while a large PUBLISH is being streamed
//!   out: the connection keeps them); `sent` and `poll` run the output step; `poll` also
//!   runs the timers (connect timeout, request timeouts, keep-alive); `eof` and `err` end
//!   the connection.
//! - **Commands**: [`Client::publish`], [`Client::write_payload`], [`Client::queue_publish`],
//!   [`Client::subscribe`], [`Client::unsubscribe`], [`Client::disconnect`],
//!   [`Client::disconnect_when_idle`]. Each encodes into the output ring and runs the output
//!   step at once; none blocks. The [`Handler`]'s events get the same commands
//!   ([`Commands`]): a handler subscribes when connected and disconnects after its last
//!   message without a flag for the superloop.
//! - **Outputs**: bytes, through the output step (lwIP's `mqtt_output_send`): the ring is
//!   copied into the connection as far as its send space allows, from a command, `sent`
//!   and `poll`, never elsewhere. Events go to the [`Handler`].
//! - **Getters**: [`Client::is_connected`], [`Client::poll_at`] (when the timers need the
//!   next `poll`), [`Client::handler`], [`Client::in_flight`], [`Client::server_limits`]...
//!
//! # Limits
//!
//! `N` request records (QoS 1 and 2 PUBLISHes not yet acknowledged or queued, and
//! SUBSCRIBE / UNSUBSCRIBE waiting for their ack; lwIP's `MQTT_REQ_MAX_IN_FLIGHT`), `M`
//! received QoS 2 messages waiting for PUBREL (the client's Receive Maximum in MQTT 5.0),
//! and the caller's [`Buffers`]: output ring, receive buffer, message store.
//!
//! # Profiles
//!
//! The default features `qos2` (PUBREC / PUBREL / PUBCOMP both ways) and `streaming`
//! (publishes larger than the ring, [`Client::publish_streamed`], [`Handler::next_payload`])
//! can be turned off for lwIP's profile, QoS 0/1 without streamed publishes: the same code
//! with the QoS 2 and streaming branches compiled out. A QoS 2 publish or subscription is
//! then [`Error::QosNotSupported`], a publish larger than the ring
//! [`Error::PacketTooLarge`], and a QoS 2 PUBLISH from the broker (more than it granted)
//! ends the connection with [`ProtocolError::QosNotSubscribed`]. QoS 1 messages are kept
//! and resent across reconnects as in the full build.
//!
//! # Example
//!
//! A client driven by hand over a fake connection (a real one comes from rawnet-tcp's
//! `Stack::drive` or from rawnet-tls):
//!
//! ```
//! use rawnet_mqtt::client::{BufferStorage, Client, Commands, Connected, Handler, Options};
//! use rawnet_mqtt::wire::{QoS, Subscription};
//! use rawnet_altcp::{Callbacks, Connection, Duration, Instant};
//!
//! /// A connection that keeps what it is given.
//! #[derive(Default)]
//! struct Wire(Vec<u8>);
//! impl Connection for Wire {
//!     type Error = ();
//!     fn send_space(&self) -> usize { 4096 }
//!     fn write(&mut self, d: &[u8]) -> nb::Result<usize, ()> { self.0.extend_from_slice(d); Ok(d.len()) }
//!     fn output(&mut self) -> Result<(), ()> { Ok(()) }
//!     fn close(&mut self) -> Result<(), ()> { Ok(()) }
//!     fn abort(&mut self) {}
//!     fn set_nodelay(&mut self, _: bool) {}
//!     fn set_keep_alive(&mut self, _: Option<Duration>) {}
//!     fn is_connected(&self) -> bool { true }
//! }
//!
//! /// Subscribes once connected; after the first message, disconnects (once its
//! /// acknowledgement and everything else in flight is done).
//! #[derive(Default)]
//! struct App { got: Vec<u8> }
//! impl Handler for App {
//!     fn connected(&mut self, _: &Connected<'_>, client: &mut impl Commands) {
//!         let _ = client.subscribe(&[Subscription::new("cmd/#", QoS::AtLeastOnce)]);
//!     }
//!     fn message_data(&mut self, data: &[u8], last: bool, client: &mut impl Commands) {
//!         self.got.extend_from_slice(data);
//!         if last {
//!             client.disconnect_when_idle();
//!         }
//!     }
//! }
//!
//! let mut storage = BufferStorage::<256, 256, 256>::new();
//! let mut client: Client<'_, App> =
//!     Client::new(App::default(), Options::new("k64f"), storage.buffers());
//! let mut wire = Wire::default();
//! let now = Instant::from_ticks(0);
//!
//! client.connected(&mut wire, now); // TCP is up: CONNECT leaves
//! assert_eq!(wire.0[0], 0x10);
//! wire.0.clear();
//! client.recv(&mut wire, &[0x20, 2, 0, 0], now); // CONNACK, accepted: SUBSCRIBE leaves
//! assert!(client.is_connected());
//! assert_eq!(wire.0[0], 0x82);
//! wire.0.clear();
//! client.recv(&mut wire, &[0x90, 3, 0, 1, 1], now); // SUBACK, QoS 1 granted
//! client.recv(&mut wire, b"\x32\x0b\x00\x05cmd/a\x00\x07go", now); // QoS 1 message
//! assert_eq!(client.handler().got, b"go");
//! assert_eq!(wire.0, [0x40, 2, 0, 7, 0xe0, 0]); // PUBACK, then DISCONNECT
//! assert!(!client.is_connected());
//! ```

// The client handles hostile input too: the same no-panic lints as the codec.
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

mod alias;
mod commands;
mod context;
mod error;
mod handler;
mod incoming;
mod options;
mod output;
mod reconnect;
mod session;
pub mod state;
mod store;

#[cfg(test)]
pub(crate) mod tests;

pub use context::Commands;
pub use error::{Disconnected, Error, ProtocolError, RequestError};
pub use handler::{Connected, Granted, Handler, Message};
pub use options::{BufferStorage, Buffers, Options, Publication, Published, QueueFull};
pub use reconnect::Backoff;
pub use session::ServerLimits;

use rawnet_altcp::{Callbacks, Connection, Instant};

use crate::wire::{Decoder, Event};
use session::Session;

/// The MQTT client: `N` request records, `M` incoming QoS 2 records, buffers borrowed for
/// `'b`, events to `H`. See the [module documentation](self).
#[derive(Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Client<'b, H, const N: usize = 8, const M: usize = 20> {
    handler: H,
    decoder: Decoder<&'b mut [u8]>,
    s: Session<'b, N, M>,
    /// The broker's Topic Aliases on this connection (beside the session: a handler's
    /// `message_start` gets the session's commands and a topic borrowed from here).
    aliases_in: alias::AliasTable<'b>,
}

impl<'b, H: Handler, const N: usize, const M: usize> Client<'b, H, N, M> {
    /// A client (lwIP's `mqtt_client_new` + `mqtt_client_info_t`). It connects when the
    /// connection below reports `connected`.
    pub fn new(handler: H, options: Options<'b>, buffers: Buffers<'b>) -> Self {
        let mut decoder = Decoder::new(buffers.receive, options.version);
        if let Some(max) = options.max_packet_size {
            decoder = decoder.with_max_packet_size(usize::try_from(max).unwrap_or(usize::MAX));
        }
        Client {
            handler,
            decoder,
            s: Session::new(options, buffers.output, buffers.store),
            aliases_in: alias::AliasTable::new(&mut []),
        }
    }

    /// Lets the client send Topic Aliases (MQTT 5.0) on connections whose CONNACK has a
    /// Topic Alias Maximum above 0: `storage` holds the topics of the aliases defined on
    /// the current connection (4 bytes + the topic each). The first PUBLISH of a topic
    /// that fits defines the next alias (the topic is sent with the alias), later ones
    /// send the alias and an empty topic. Topics that do not fit, aliases beyond the
    /// broker's maximum, streamed messages and retransmissions (DUP) are sent with their
    /// full topic. The table is emptied at every connection: aliases never cross one.
    pub fn with_outgoing_topic_aliases(mut self, storage: &'b mut [u8]) -> Self {
        self.s.alias_out = alias::AliasTable::new(storage);
        self.s.alias_out_steps =
            Some((Session::push_publish_aliased, Session::push_stored_aliased));
        self
    }

    /// Accepts the broker's Topic Aliases (MQTT 5.0): CONNECT advertises Topic Alias
    /// Maximum `maximum` (nothing when `maximum` is 0 or `storage` empty), and `storage`
    /// holds the topics the broker defines (4 bytes + the topic each, at most `maximum`
    /// of them). Incoming PUBLISHes that use an alias reach [`Handler::message_start`]
    /// with the topic resolved. An alias 0, above `maximum` or not defined yet is
    /// [`ProtocolError::TopicAliasInvalid`]; a definition that does not fit in `storage`
    /// is [`ProtocolError::TopicAliasStorageFull`]. Without this, any incoming alias is
    /// invalid.
    pub fn with_incoming_topic_aliases(mut self, storage: &'b mut [u8], maximum: u16) -> Self {
        self.aliases_in = alias::AliasTable::new(storage);
        self.s.alias_in_insert = Some(alias::AliasTable::insert);
        self.s.alias_in_max = if self.aliases_in.has_storage() {
            maximum
        } else {
            0
        };
        self
    }

    /// Topic Aliases the client defined on the current connection.
    pub fn outgoing_topic_aliases(&self) -> usize {
        self.s.alias_out.len()
    }

    /// Whether CONNACK accepted the connection and it has not ended (lwIP's
    /// `mqtt_client_is_connected`).
    pub fn is_connected(&self) -> bool {
        self.s.is_connected()
    }

    /// Why the last connection ended: the reason [`Handler::disconnected`] was given.
    /// `None` before the first connection ended, and again from the next `connected`.
    pub fn last_disconnect(&self) -> Option<Disconnected> {
        self.s.ended
    }

    /// The handler.
    pub fn handler(&self) -> &H {
        &self.handler
    }

    /// The handler, to change.
    pub fn handler_mut(&mut self) -> &mut H {
        &mut self.handler
    }

    /// The options used at every connect.
    pub fn options(&self) -> &Options<'b> {
        &self.s.options
    }

    /// Change the options for the next connection (for example `clean_start` after the
    /// first).
    pub fn set_options(&mut self, options: Options<'b>) {
        self.s.options = options;
    }

    /// What the broker allowed in its last CONNACK.
    pub fn server_limits(&self) -> ServerLimits {
        self.s.server
    }

    /// Requests not finished: PUBLISHes queued or waiting for acks, SUBSCRIBE and
    /// UNSUBSCRIBE waiting for theirs.
    pub fn in_flight(&self) -> usize {
        self.s.out.len()
    }

    /// Received QoS 2 messages waiting for PUBREL.
    pub fn incoming_qos2(&self) -> usize {
        self.s.in2.len()
    }

    /// Bytes in the output ring, not yet handed to the connection.
    pub fn output_pending(&self) -> usize {
        self.s.ring.len()
    }

    /// Bytes of the message store in use.
    pub fn store_used(&self) -> usize {
        self.s.store.used()
    }

    /// When to `poll` next at the latest for the timers (keep-alive, timeouts); `None`
    /// when no connection is up. The connection below polls periodically anyway; this is
    /// for a superloop that sleeps.
    pub fn poll_at(&self) -> Option<Instant> {
        self.s.poll_at()
    }

    /// The parts, for the callbacks.
    fn parts(&mut self) -> (&mut H, &mut Session<'b, N, M>) {
        (&mut self.handler, &mut self.s)
    }
}

impl<'b, C, H, const N: usize, const M: usize> Callbacks<C> for Client<'b, H, N, M>
where
    C: Connection,
    H: Handler,
{
    fn connected(&mut self, conn: &mut C, now: Instant) {
        self.decoder.reset();
        self.decoder.set_version(self.s.options.version);
        // Topic aliases live as long as one network connection.
        self.aliases_in.clear();
        self.s.version = self.s.options.version;
        let (h, s) = self.parts();
        s.start(conn, h, now);
    }

    fn recv(&mut self, conn: &mut C, data: &[u8], now: Instant) -> usize {
        if self.s.phase == session::Phase::Idle {
            // After our DISCONNECT or an error: drain and ignore.
            return data.len();
        }
        let mut used = 0;
        while used < data.len() && self.s.phase != session::Phase::Idle {
            if self.s.rx_blocked() {
                break;
            }
            let rest = data.get(used..).unwrap_or_default();
            // Packets only a server receives are refused unparsed; `refused` keeps the type.
            let refused = core::cell::Cell::new(None);
            let parse = |header: &crate::wire::FixedHeader, body, version| {
                let r = crate::wire::Repr::parse_body_client(header, body, version);
                if matches!(r, Err(crate::wire::Error::WrongDirection)) {
                    refused.set(Some(header.packet_type()));
                }
                r
            };
            let decoded = match self.decoder.feed_with(rest, parse) {
                Ok(d) => d,
                Err(e) => {
                    let err = match e {
                        // Only a server receives it: refused unparsed, as unexpected.
                        crate::wire::Error::WrongDirection => match refused.get() {
                            Some(t) => ProtocolError::Unexpected(t),
                            None => ProtocolError::Malformed(e),
                        },
                        crate::wire::Error::PacketTooLarge
                        | crate::wire::Error::ReceiveBufferTooSmall => ProtocolError::TooLarge,
                        crate::wire::Error::TopicAliasZero => ProtocolError::TopicAliasInvalid,
                        e => ProtocolError::Malformed(e),
                    };
                    self.s
                        .fail(conn, &mut self.handler, Disconnected::Protocol(err), now);
                    return data.len();
                }
            };
            used = used.saturating_add(decoded.consumed);
            if decoded.consumed > 0 {
                self.s.last_recv = now;
                // The broker is heard (a request's timeout counts from its last packet) on
                // a packet other than PINGRESP, or a piece of a streamed PUBLISH; not on the
                // first bytes of a packet still incomplete, maybe a PINGRESP cut by TCP.
                if !matches!(
                    decoded.event,
                    Event::NeedMore | Event::Packet(crate::wire::Repr::PingResp)
                ) {
                    self.s.last_heard = now;
                }
            }
            let h = &mut self.handler;
            match decoded.event {
                Event::NeedMore => {}
                Event::Packet(repr) => self.s.packet(conn, h, &mut self.aliases_in, repr, now),
                Event::PublishStart {
                    publish,
                    payload_len,
                } => {
                    if let Err(e) =
                        self.s
                            .publish_start(h, &mut self.aliases_in, &publish, payload_len)
                    {
                        self.s.fail(conn, h, Disconnected::Protocol(e), now);
                    }
                }
                Event::PublishPayload { data, last, .. } => self.s.payload(h, data, last),
            }
        }
        if self.s.phase == session::Phase::Idle {
            return data.len();
        }
        let (h, s) = self.parts();
        s.output(conn, h, now);
        used
    }

    fn eof(&mut self, conn: &mut C, now: Instant) {
        let _ = now;
        if self.s.phase == session::Phase::Idle {
            return;
        }
        let _ = conn.close();
        let (h, s) = self.parts();
        s.end(h, Disconnected::Closed);
    }

    fn sent(&mut self, conn: &mut C, len: usize, now: Instant) {
        let _ = len;
        let (h, s) = self.parts();
        s.output(conn, h, now);
    }

    fn poll(&mut self, conn: &mut C, now: Instant) {
        let (h, s) = self.parts();
        s.tick(conn, h, now);
        s.output(conn, h, now);
    }

    fn err(&mut self, err: C::Error, now: Instant) {
        let _ = now;
        self.s.closing = false;
        if self.s.phase == session::Phase::Idle {
            return;
        }
        self.handler.transport_error(&err);
        let (h, s) = self.parts();
        s.end(h, Disconnected::Transport);
    }
}
