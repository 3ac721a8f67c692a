//! What the client is configured with: connect options (lwIP's `mqtt_connect_client_info_t`),
//! timeouts, buffers, and outgoing messages.

use rawnet_altcp::Duration;

use crate::wire::{Properties, QoS, Version, Will};

/// What to do when the offline queue (the message store) has no room for a new message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum QueueFull {
    /// Refuse the new message ([`Error::StoreFull`](super::Error::StoreFull)).
    #[default]
    Refuse,
    /// Drop the oldest messages not sent yet until the new one fits; each dropped message is
    /// reported with [`RequestError::Dropped`](super::RequestError::Dropped).
    DropOldest,
}

/// How to connect (lwIP's `mqtt_connect_client_info_t` plus MQTT 5.0 and timers).
///
/// Borrowed strings live as long as the client: they are sent again at every reconnect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Options<'a> {
    /// Protocol version of every connection.
    pub version: Version,
    /// Client identifier (`client_id`). Empty asks the broker to assign one (5.0, or 3.1.1
    /// with a clean session).
    pub client_id: &'a str,
    /// User name (`client_user`).
    pub username: Option<&'a str>,
    /// Password (`client_pass`).
    pub password: Option<&'a [u8]>,
    /// Keep-alive in seconds (`keep_alive`); 0 turns it off.
    pub keep_alive: u16,
    /// Last will (`will_topic`, `will_msg`, `will_qos`, `will_retain`; and will properties
    /// in 5.0).
    pub will: Option<Will<'a>>,
    /// Clean session (3.1.1) / clean start (5.0). `false` resumes the broker's session:
    /// unacknowledged QoS 1 and 2 messages are sent again after a reconnect.
    pub clean_start: bool,
    /// Session Expiry Interval in seconds (5.0; 0 = the session ends with the connection,
    /// `u32::MAX` = never).
    pub session_expiry: u32,
    /// Maximum Packet Size the client accepts (5.0 property, and the decoder's limit in
    /// both versions). Larger packets are a protocol error.
    pub max_packet_size: Option<u32>,
    /// Time for the broker to answer CONNECT (lwIP's `MQTT_CONNECT_TIMOUT`).
    pub connect_timeout: Duration,
    /// Time for the broker to acknowledge a request (lwIP's `MQTT_REQ_TIMEOUT`), counted
    /// from the request or from the broker's last packet other than PINGRESP, whichever is
    /// later: a broker still sending what it queued before the answer is not timed out, up
    /// to six timeouts after the request.
    pub request_timeout: Duration,
    /// What [`Client::queue_publish`](super::Client::queue_publish) does when the store is
    /// full.
    pub queue_full: QueueFull,
}

impl<'a> Options<'a> {
    /// Options for `client_id`: MQTT 3.1.1, clean session, keep-alive 60 s, connect timeout
    /// 10 s, request timeout 10 s, no will, no credentials.
    ///
    /// lwIP waits 100 s for a CONNACK and 30 s for an acknowledgement; a broker that
    /// accepted the TCP (and TLS) connection answers CONNECT, SUBSCRIBE and PUBLISH in
    /// milliseconds, so those waits only delayed the report of a broken or hostile one. The
    /// request timer of a streamed PUBLISH starts with its last byte.
    pub const fn new(client_id: &'a str) -> Self {
        Options {
            version: Version::V311,
            client_id,
            username: None,
            password: None,
            keep_alive: 60,
            will: None,
            clean_start: true,
            session_expiry: 0,
            max_packet_size: None,
            connect_timeout: Duration::from_ticks(10_000),
            request_timeout: Duration::from_ticks(10_000),
            queue_full: QueueFull::Refuse,
        }
    }
}

/// The caller's buffers (lwIP's compile-time sizes, chosen per client).
#[derive(Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Buffers<'b> {
    /// The output ring (`MQTT_OUTPUT_RINGBUF_SIZE`): every packet is encoded here and
    /// leaves from here. A PUBLISH larger than it is streamed through it.
    pub output: &'b mut [u8],
    /// The receive buffer (`MQTT_VAR_HEADER_BUFFER_LEN`): every incoming packet but a
    /// PUBLISH payload must fit; larger payloads arrive in fragments.
    pub receive: &'b mut [u8],
    /// The message store: QoS 1 and 2 messages kept until acknowledged (sent again after a
    /// reconnect), and the offline queue. Also the scratch area for encoding a packet
    /// header when the ring's free space wraps.
    pub store: &'b mut [u8],
}

/// Owned storage for [`Buffers`], sized by const generics, for a `static` or `main`'s
/// stack. Defaults fit a FRDM-K64F comfortably: 1 KiB ring, 1 KiB receive buffer, 2 KiB
/// store.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BufferStorage<const OUT: usize = 1024, const RX: usize = 1024, const STORE: usize = 2048>
{
    output: [u8; OUT],
    receive: [u8; RX],
    store: [u8; STORE],
}

impl<const OUT: usize, const RX: usize, const STORE: usize> BufferStorage<OUT, RX, STORE> {
    /// Zeroed storage.
    pub const fn new() -> Self {
        BufferStorage {
            output: [0; OUT],
            receive: [0; RX],
            store: [0; STORE],
        }
    }

    /// The buffers, borrowed.
    pub fn buffers(&mut self) -> Buffers<'_> {
        Buffers {
            output: &mut self.output,
            receive: &mut self.receive,
            store: &mut self.store,
        }
    }
}

impl<const OUT: usize, const RX: usize, const STORE: usize> Default
    for BufferStorage<OUT, RX, STORE>
{
    fn default() -> Self {
        Self::new()
    }
}

/// An outgoing message for [`Client::publish`](super::Client::publish).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Publication<'a> {
    /// Topic name (no wildcards).
    pub topic: &'a str,
    /// Payload.
    pub payload: &'a [u8],
    /// Quality of service.
    pub qos: QoS,
    /// Retain on the broker.
    pub retain: bool,
    /// PUBLISH properties (5.0 only; must be empty in 3.1.1). A Topic Alias is not allowed:
    /// the client does not send aliases.
    pub properties: Properties<'a>,
}

impl<'a> Publication<'a> {
    /// A QoS 0, non-retained message.
    pub const fn new(topic: &'a str, payload: &'a [u8]) -> Self {
        Publication {
            topic,
            payload,
            qos: QoS::AtMostOnce,
            retain: false,
            properties: Properties::EMPTY,
        }
    }

    /// With this QoS.
    pub const fn qos(mut self, qos: QoS) -> Self {
        self.qos = qos;
        self
    }

    /// Retained or not.
    pub const fn retain(mut self, retain: bool) -> Self {
        self.retain = retain;
        self
    }

    /// With these properties (5.0).
    pub const fn properties(mut self, properties: Properties<'a>) -> Self {
        self.properties = properties;
        self
    }
}

/// What [`Client::publish`](super::Client::publish) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[must_use]
pub struct Published {
    /// The packet identifier (QoS 1 and 2), as [`Handler::published`](super::Handler::published)
    /// will report it.
    pub id: Option<crate::wire::PacketId>,
    /// Payload bytes taken. Less than the payload only for a message larger than the
    /// output ring: pass the rest to [`Client::write_payload`](super::Client::write_payload)
    /// as the ring drains.
    pub written: usize,
}
