//! The client's errors: refused commands, failed requests, and why a connection ended.

use core::fmt;

use crate::wire::{self, PacketId, PacketType, ReasonCode};

/// Why a command ([`Client::publish`](super::Client::publish) and friends) was refused.
/// Nothing was queued or sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Error {
    /// The client is not connected (no CONNACK yet, or the connection is gone). Offline
    /// publishes go through [`Client::queue_publish`](super::Client::queue_publish).
    NotConnected,
    /// The output ring has not enough free space now (lwIP's `ERR_MEM`): retry after the
    /// connection took some bytes (`sent`, `poll`).
    OutputFull,
    /// Every request record is in use (lwIP's `MQTT_REQ_MAX_IN_FLIGHT`).
    TooManyRequests,
    /// The broker's Receive Maximum is reached and the message cannot be stored to wait.
    ReceiveMaximum,
    /// The message store has no room for this message now.
    StoreFull,
    /// A large PUBLISH is being streamed: finish it with
    /// [`Client::write_payload`](super::Client::write_payload) first.
    Busy,
    /// The packet is larger than the broker's Maximum Packet Size (MQTT 5.0).
    PacketTooLarge,
    /// The broker does not support this QoS (its Maximum QoS, MQTT 5.0).
    QosNotSupported,
    /// The broker does not support retained messages (MQTT 5.0).
    RetainNotSupported,
    /// No PUBLISH is being streamed.
    NoStream,
    /// The broker does not support Subscription Identifiers (MQTT 5.0 CONNACK).
    SubscriptionIdentifiersNotSupported,
    /// A DISCONNECT may not set a non-zero Session Expiry Interval when CONNECT sent zero
    /// ([MQTT-3.14.2-2]).
    SessionExpiryNotAllowed,
    /// The packet cannot be encoded (bad topic, property not allowed, ...).
    Encode(wire::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotConnected => f.write_str("not connected"),
            Error::OutputFull => f.write_str("output ring full"),
            Error::TooManyRequests => f.write_str("too many requests in flight"),
            Error::ReceiveMaximum => f.write_str("broker's receive maximum reached"),
            Error::StoreFull => f.write_str("message store full"),
            Error::Busy => f.write_str("a publish is being streamed"),
            Error::PacketTooLarge => f.write_str("packet larger than the broker accepts"),
            Error::QosNotSupported => f.write_str("QoS not supported by the broker"),
            Error::RetainNotSupported => f.write_str("retain not supported by the broker"),
            Error::NoStream => f.write_str("no publish is being streamed"),
            Error::SubscriptionIdentifiersNotSupported => {
                f.write_str("subscription identifiers not supported by the broker")
            }
            Error::SessionExpiryNotAllowed => {
                f.write_str("session expiry cannot be set when CONNECT had none")
            }
            Error::Encode(e) => write!(f, "cannot encode: {e}"),
        }
    }
}

impl core::error::Error for Error {}

impl From<wire::Error> for Error {
    fn from(e: wire::Error) -> Self {
        Error::Encode(e)
    }
}

/// Why a request (publish, subscribe, unsubscribe) did not complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum RequestError {
    /// The broker answered with an error reason code (MQTT 5.0; a 3.1.1 SUBACK failure
    /// return code is [`ReasonCode::UnspecifiedError`]).
    Rejected(ReasonCode),
    /// No answer within the request timeout (lwIP's `ERR_TIMEOUT`). The connection is
    /// closed as well: an MQTT request cannot be retried on the same connection.
    Timeout,
    /// The connection ended before the answer, and the request cannot be continued on the
    /// next one (SUBSCRIBE / UNSUBSCRIBE, QoS 0 PUBLISH still in the output ring).
    ConnectionLost,
    /// The broker started a new session and the message was not kept in the message store,
    /// so it cannot be sent again: publish it again if it still matters.
    NotStored,
    /// Dropped from a full offline queue to make room for a newer message
    /// ([`QueueFull::DropOldest`](super::QueueFull::DropOldest)).
    Dropped,
    /// A stored or queued message is larger than the Maximum Packet Size the broker
    /// announced in the CONNACK of a later connection: it cannot be sent on it.
    PacketTooLarge,
    /// A queued message's QoS is above the Maximum QoS the broker announced in the
    /// CONNACK of a later connection.
    QosNotSupported,
    /// A queued retained message, and the broker's later CONNACK says Retain Available 0.
    RetainNotSupported,
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Rejected(r) => write!(f, "rejected by the broker ({r:?})"),
            RequestError::Timeout => f.write_str("request timed out"),
            RequestError::ConnectionLost => f.write_str("connection lost"),
            RequestError::NotStored => f.write_str("session lost and message not stored"),
            RequestError::Dropped => f.write_str("dropped from the offline queue"),
            RequestError::PacketTooLarge => {
                f.write_str("larger than the broker's maximum packet size")
            }
            RequestError::QosNotSupported => f.write_str("QoS not supported by the broker"),
            RequestError::RetainNotSupported => f.write_str("retain not supported by the broker"),
        }
    }
}

impl core::error::Error for RequestError {}

/// A broker that broke the protocol. The client closes the connection (after a DISCONNECT
/// with [`ProtocolError::reason`] in MQTT 5.0) and keeps every QoS 1 and 2 message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ProtocolError {
    /// The bytes are not a valid MQTT packet.
    Malformed(wire::Error),
    /// A packet larger than the receive limit (the client's Maximum Packet Size, or a
    /// non-PUBLISH packet larger than the receive buffer).
    TooLarge,
    /// A packet a broker may not send, or not in this state (a second CONNACK, a PUBLISH
    /// before CONNACK, a SUBSCRIBE...).
    Unexpected(PacketType),
    /// An acknowledgement for a packet identifier with no matching request in the right
    /// state.
    UnknownPacketId(PacketType, PacketId),
    /// A SUBACK / UNSUBACK with a number of reason codes other than the topics requested.
    ReasonCount,
    /// More unreleased QoS 2 messages than the client can track (its Receive Maximum).
    ReceiveMaximumExceeded,
    /// A Topic Alias of 0, above the client's Topic Alias Maximum, or not yet defined.
    TopicAliasInvalid,
    /// An MQTT 5.0 AUTH packet: the client does not use enhanced authentication.
    AuthNotSupported,
    /// The broker defined a Topic Alias whose topic does not fit in what is left of the
    /// incoming alias storage the application gave (not a broker fault: the storage is
    /// too small for the advertised Topic Alias Maximum and the broker's topics).
    /// DISCONNECT reason 0x97 Quota exceeded.
    TopicAliasStorageFull,
    /// A QoS 2 PUBLISH to a client built without the `qos2` feature, which never subscribes
    /// above QoS 1: the broker sent more than it granted. DISCONNECT reason 0x9B QoS not
    /// supported.
    QosNotSubscribed,
}

impl ProtocolError {
    /// The MQTT 5.0 DISCONNECT reason code sent to the broker.
    pub const fn reason(self) -> ReasonCode {
        match self {
            ProtocolError::Malformed(_) => ReasonCode::MalformedPacket,
            ProtocolError::TooLarge => ReasonCode::PacketTooLarge,
            ProtocolError::ReceiveMaximumExceeded => ReasonCode::ReceiveMaximumExceeded,
            ProtocolError::TopicAliasInvalid => ReasonCode::TopicAliasInvalid,
            ProtocolError::TopicAliasStorageFull => ReasonCode::QuotaExceeded,
            ProtocolError::QosNotSubscribed => ReasonCode::QosNotSupported,
            ProtocolError::Unexpected(_)
            | ProtocolError::UnknownPacketId(..)
            | ProtocolError::ReasonCount
            | ProtocolError::AuthNotSupported => ReasonCode::ProtocolError,
        }
    }
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::Malformed(e) => write!(f, "malformed packet: {e}"),
            ProtocolError::TooLarge => f.write_str("packet over the receive limit"),
            ProtocolError::Unexpected(t) => write!(f, "unexpected {t:?}"),
            ProtocolError::UnknownPacketId(t, id) => write!(f, "{t:?} for unknown id {id}"),
            ProtocolError::ReasonCount => f.write_str("wrong number of reason codes"),
            ProtocolError::ReceiveMaximumExceeded => f.write_str("receive maximum exceeded"),
            ProtocolError::TopicAliasInvalid => f.write_str("invalid topic alias"),
            ProtocolError::AuthNotSupported => f.write_str("AUTH not supported"),
            ProtocolError::TopicAliasStorageFull => f.write_str("topic alias storage full"),
            ProtocolError::QosNotSubscribed => f.write_str("QoS 2 PUBLISH without QoS 2 support"),
        }
    }
}

impl core::error::Error for ProtocolError {}

/// Why a connection ended (lwIP's `mqtt_connection_status_t` beyond "accepted").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Disconnected {
    /// [`Client::disconnect`](super::Client::disconnect) was called.
    Requested,
    /// The broker refused the CONNECT with this reason (3.1.1 return codes map onto 5.0
    /// reason codes).
    Refused(ReasonCode),
    /// No CONNACK within the connect timeout (lwIP's `MQTT_CONNECT_TIMEOUT`).
    ConnectTimeout,
    /// The broker was silent for 1.5 × keep-alive (lwIP's `MQTT_CONNECT_TIMEOUT` from the
    /// watchdog).
    KeepAliveTimeout,
    /// A request timed out (see [`RequestError::Timeout`]).
    RequestTimeout,
    /// The broker sent DISCONNECT with this reason (MQTT 5.0; a 3.1.1 broker never sends
    /// one).
    ByServer(ReasonCode),
    /// The broker broke the protocol.
    Protocol(ProtocolError),
    /// The broker closed the connection (end of stream) without a DISCONNECT.
    Closed,
    /// The client could not send its CONNECT: the options do not encode, or the packet
    /// is larger than the output ring and the store.
    Local(Error),
    /// The connection below failed (reset, timeout...), lwIP's `MQTT_CONNECT_DISCONNECTED`
    /// from `tcp_err`. The error itself went to [`Handler::transport_error`](super::Handler::transport_error).
    Transport,
}

impl fmt::Display for Disconnected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Disconnected::Requested => f.write_str("disconnected on request"),
            Disconnected::Refused(r) => write!(f, "connection refused ({r:?})"),
            Disconnected::ConnectTimeout => f.write_str("no CONNACK in time"),
            Disconnected::KeepAliveTimeout => f.write_str("broker silent for 1.5 x keep-alive"),
            Disconnected::RequestTimeout => f.write_str("request timed out"),
            Disconnected::ByServer(r) => write!(f, "disconnected by the broker ({r:?})"),
            Disconnected::Protocol(e) => write!(f, "protocol error: {e}"),
            Disconnected::Closed => f.write_str("connection closed by the broker"),
            Disconnected::Local(e) => write!(f, "cannot send CONNECT: {e}"),
            Disconnected::Transport => f.write_str("transport error"),
        }
    }
}
