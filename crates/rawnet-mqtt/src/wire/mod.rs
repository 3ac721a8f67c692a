//! The MQTT codec: packets as checked byte views and borrowed representations.
//!
//! Modelled on smoltcp's `wire` module. Every MQTT control packet of MQTT 3.1.1 and
//! MQTT 5.0 (including AUTH, and every MQTT 5.0 property and reason code) has a
//! representation that borrows from the bytes it was parsed from:
//!
//! - [`Packet`] is a view over a byte buffer whose fixed header (type, flags, remaining
//!   length) was checked once by [`Packet::new_checked`]; after that check no accessor can
//!   fail or panic.
//! - [`Repr`] is the meaning of a packet: one variant per packet type, each holding a
//!   per-packet struct ([`Connect`], [`Publish`], [`SubAck`], ...). Topics, payloads, user
//!   properties and binary data are slices of the input: parsing never copies and never
//!   allocates. [`Repr::parse`] validates everything the specifications name as malformed
//!   and reports it as a specific [`Error`] variant; [`Repr::buffer_len`] is the exact number
//!   of bytes [`Repr::emit`] will write (coreMQTT's "get packet size" step).
//!
//! Some paths exist twice. What the client links (the parser of its decoder,
//! [`Repr::parse_body_client`], and the emitter with the checks that [`Repr::emit`] uses) is
//! written for flash size: byte loops, shared functions. [`Repr::parse_bytes`],
//! [`Repr::parse_body`] and [`Checked::emit`], which the client does not link, are written
//! for speed: inlined parsers, strings checked a machine word at a time. Both apply the same
//! rules, and the tests hold them to the same answers.
//! - [`Properties`] holds MQTT 5.0 properties without allocation: either the raw property
//!   bytes of a parsed packet (validated once, at parse time) or a caller's slice of
//!   [`Property`] values to emit; both iterate as typed [`Property`] values.
//! - [`Decoder`] is the streaming, sans-IO front end: it is fed bytes in any split and
//!   reports "need more", one complete packet, or an error. A PUBLISH larger than the
//!   receive buffer is handed over as a header event followed by payload fragments, so a
//!   device with a 4 KiB buffer still receives a 64 KiB message.
//!
//! The protocol version is an argument of every parse and emit call ([`Version`]).
//!
//! # Guarantees
//!
//! - **Parsing never panics**, on any input: [`FixedHeader::parse`], [`Packet::new_checked`],
//!   [`Repr::parse`] and [`Decoder::feed`] return an [`Error`] for every malformed,
//!   truncated or hostile byte sequence. No arithmetic in this module can overflow: lengths
//!   are combined with checked or saturating operations.
//! - **Emitting never panics.** [`Repr::emit`] into a buffer of at least
//!   [`Repr::buffer_len`] bytes writes exactly that many bytes and returns their count; into
//!   a shorter buffer it returns [`Error::BufferTooSmall`]. Emit validates the
//!   representation with the same rules as parse (for example a topic name with a wildcard,
//!   a property not allowed in the packet, or MQTT 5.0-only content emitted as MQTT 3.1.1 is
//!   an error), so anything emit writes parses back to an equal representation.
//!   [`Repr::check`] runs those rules once and gives a [`Checked`] representation, which
//!   [`Checked::emit`] writes any number of times without running them again (the
//!   representation borrows immutably what it holds, so it cannot change in between): the
//!   same guarantee, for a representation emitted more than once or checked where it is
//!   built.
//! - The non-test code of this module is compiled with `clippy::indexing_slicing`,
//!   `clippy::arithmetic_side_effects`, `clippy::unwrap_used`, `clippy::expect_used` and
//!   `clippy::panic` denied, and with no `unsafe`: the guarantees above are enforced by the
//!   compiler and the linter, not only by tests and fuzzing.
//!
//! # Strictness
//!
//! The parser rejects everything the specifications call malformed or a protocol error
//! at the encoding level, and in addition (documented per variant of [`Error`]):
//! variable byte integers that do not use the minimal number of bytes (required by MQTT
//! 5.0 §1.5.5, applied to 3.1.1 too), a DUP flag on a QoS 0 PUBLISH, and SUBACK / UNSUBACK
//! (5.0) packets carrying no reason code.

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

mod ack;
mod codec;
mod connect;
mod control;
mod decoder;
mod error;
mod list;
mod packet;
mod property;
mod publish;
mod reason;
mod repr;
mod scan;
mod subscribe;
mod topic;

#[cfg(test)]
mod tests;

/// The versions the tests run in both-version loops.
#[cfg(test)]
pub(crate) const TEST_VERSIONS: &[Version] = &[
    Version::V311,
    #[cfg(feature = "v5")]
    Version::V5,
];

pub use ack::Ack;
pub use codec::MAX_REMAINING_LENGTH;
pub use connect::{ConnAck, Connect, Will};
pub use control::{Auth, Disconnect};
pub use decoder::{Decoded, Decoder, Event};
pub use error::Error;
pub use list::{List, ListIter, ReasonCodes, Subscriptions, TopicFilters};
pub use packet::{FixedHeader, Packet, PacketType};
pub use property::{Properties, PropertiesIter, Property, PropertyContext, PropertyId};
pub use publish::{Publish, PublishQos};
pub use reason::ReasonCode;
pub use repr::{Checked, Repr};
pub use subscribe::{
    RetainHandling, SubAck, Subscribe, Subscription, SubscriptionOptions, UnsubAck, Unsubscribe,
};

/// A packet identifier: never zero on the wire.
pub type PacketId = core::num::NonZeroU16;

/// The protocol version a packet is parsed or emitted as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Version {
    /// MQTT 3.1.1 (protocol level 4).
    V311,
    /// MQTT 5.0 (protocol level 5). Only with the `v5` feature (on by default): without
    /// it the crate is MQTT 3.1.1 only and no 5.0 code is built.
    #[cfg(feature = "v5")]
    V5,
}

impl Version {
    /// The protocol level byte of the CONNECT packet.
    pub const fn level(self) -> u8 {
        match self {
            Version::V311 => 4,
            #[cfg(feature = "v5")]
            Version::V5 => 5,
        }
    }

    /// Whether this is MQTT 5.0 (always `false` without the `v5` feature, so that 5.0
    /// code behind it is not built).
    pub const fn is_v5(self) -> bool {
        match self {
            Version::V311 => false,
            #[cfg(feature = "v5")]
            Version::V5 => true,
        }
    }

    /// The version for a CONNECT protocol level byte.
    pub const fn from_level(level: u8) -> Option<Version> {
        match level {
            4 => Some(Version::V311),
            #[cfg(feature = "v5")]
            5 => Some(Version::V5),
            _ => None,
        }
    }
}

/// Quality of service of a message or subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum QoS {
    /// At most once (fire and forget).
    #[default]
    AtMostOnce = 0,
    /// At least once (PUBACK).
    AtLeastOnce = 1,
    /// Exactly once (PUBREC, PUBREL, PUBCOMP).
    ExactlyOnce = 2,
}

impl QoS {
    /// The QoS for its two-bit encoding; 3 is [`Error::InvalidQos`].
    pub const fn from_bits(bits: u8) -> Result<QoS, Error> {
        match bits {
            0 => Ok(QoS::AtMostOnce),
            1 => Ok(QoS::AtLeastOnce),
            2 => Ok(QoS::ExactlyOnce),
            _ => Err(Error::InvalidQos),
        }
    }

    /// The two-bit encoding.
    pub const fn bits(self) -> u8 {
        self as u8
    }
}
