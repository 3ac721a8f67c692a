//! # rawnet-mqtt: MQTT 3.1.1 and 5.0 for bare metal (lwIP's `apps/mqtt`)
//!
//! The MQTT layer of rawnet, in two parts:
//!
//! - [`wire`], the codec: every MQTT 3.1.1 and MQTT 5.0 control packet (AUTH, all
//!   properties and reason codes included) as a checked byte view ([`wire::Packet`]) and a
//!   borrowed representation ([`wire::Repr`]) with `parse`, `buffer_len` and `emit`, plus a
//!   streaming, sans-IO [`wire::Decoder`] that takes bytes in any split and hands over large
//!   PUBLISH payloads in fragments.
//! - [`client`], the client state machine (lwIP's `mqtt_client_t`): it implements
//!   rawnet-altcp's `Callbacks` for any `Connection`, so it runs over plain TCP or TLS
//!   unchanged; output goes through a rawnet-ring output ring as in lwIP; QoS 0/1/2 both
//!   ways (QoS 2 with the default `qos2` feature), keep-alive, request timeouts, MQTT 5.0
//!   limits and reason codes, persistent sessions, an offline queue and a reconnect
//!   backoff. docs/mqtt.md maps lwIP's MQTT API
//!   onto it.
//! - [`io`], drivers that run the client over an `embedded-io-async` or `embedded-io` byte
//!   stream (embassy-net's `TcpSocket`, a std socket, rawnet-tls's `TlsStream`) instead of
//!   rawnet-tcp's callbacks.
//!
//! `no_std`, no allocation, no `unsafe`; parsing never panics on any input, emitting never
//! panics (see the guarantees in [`wire`]).
//!
//! ## How it maps to lwIP
//!
//! | lwIP (`src/apps/mqtt/mqtt.c`) | rawnet-mqtt |
//! |---|---|
//! | `mqtt_output_append_*`, `mqtt_output_append_fixed_header` | [`wire::Repr::emit`] into a caller's buffer, sized by [`wire::Repr::buffer_len`] |
//! | `mqtt_parse_incoming` / `mqtt_message_received` | [`wire::Decoder::feed`] → [`wire::Event`] |
//! | `mqtt_incoming_publish_cb_t(topic, tot_len)` | [`wire::Event::PublishStart`] (`payload_len`) |
//! | `mqtt_incoming_data_cb_t(data, len, MQTT_DATA_FLAG_LAST)` | [`wire::Event::PublishPayload`] (`last`) |
//! | `MQTT_VAR_HEADER_BUFFER_LEN` (`rx_buffer`) | the decoder's receive buffer, any size you give it |
//! | `mqtt_connect_client_info_t` | [`wire::Connect`] (+ [`wire::Will`]) |
//! | `mqtt_connection_status_t` | [`wire::ReasonCode`] (3.1.1 return codes map onto it) |
//! | `err_t` | [`wire::Error`]: one variant per malformed encoding |
//!
//! Unlike lwIP's client, the codec speaks MQTT 5.0 as well as 3.1.1, chosen per call with
//! [`wire::Version`].
//!
//! ## Example
//!
//! Emit a PUBLISH, then receive it through the streaming decoder in small pieces (MQTT
//! 5.0, so built with the `v5` feature):
//!
#![cfg_attr(feature = "v5", doc = "```")]
#![cfg_attr(not(feature = "v5"), doc = "```ignore")]
//! use rawnet_mqtt::wire::{
//!     Decoder, Event, PacketId, Properties, Property, Publish, PublishQos, Repr, Version,
//! };
//!
//! let props = [Property::ContentType("text/plain"), Property::UserProperty("k", "v")];
//! let publish = Publish {
//!     qos: PublishQos::AtLeastOnce(PacketId::new(7).unwrap()),
//!     topic: "sensors/k64f/temp",
//!     properties: Properties::from_slice(&props),
//!     payload: b"21.5",
//!     ..Publish::default()
//! };
//! let repr = Repr::Publish(publish);
//! let mut out = [0u8; 64];
//! let len = repr.emit(&mut out, Version::V5).unwrap();
//! assert_eq!(len, repr.buffer_len(Version::V5));
//!
//! // Feed it three bytes at a time, as a TCP receive callback might.
//! let mut rx = [0u8; 64];
//! let mut decoder = Decoder::new(&mut rx[..], Version::V5);
//! let mut received = false;
//! for chunk in out[..len].chunks(3) {
//!     let mut chunk = chunk;
//!     while !chunk.is_empty() {
//!         let decoded = decoder.feed(chunk).unwrap();
//!         if let Event::Packet(packet) = decoded.event {
//!             assert_eq!(packet, repr);
//!             received = true;
//!         }
//!         chunk = &chunk[decoded.consumed..];
//!     }
//! }
//! assert!(received);
//! ```
#![cfg_attr(not(any(test, feature = "std")), no_std)]
#![forbid(unsafe_code)]
// Without MQTT 5.0, parameters and helpers that only 5.0 paths use are left unused.
#![cfg_attr(not(feature = "v5"), allow(unused))]
#![warn(missing_docs)]

// Footprint rule (docs/footprint-mqtt.md has the figures and how to measure them): the code
// is written plainly (packets through the codec, plain calls) and LTO decides inlining,
// except where a measured change of the `footprint/mqtt` image saves at least ~200 B.
// Two `#[inline(never)]` pass that bar: `Session::publish` (one body for `publish`,
// `publish_streamed` and the handler's commands) and the decoder's `publish_start` (the end
// of an oversized PUBLISH's header, shared by the zero-copy and the buffered path); and
// the Topic Alias steps reached only through the function pointers that
// `with_outgoing_topic_aliases` / `with_incoming_topic_aliases` install (not linked when
// aliases are never turned on: 2 KB with 5.0).

pub mod client;
pub mod io;
pub mod wire;
