//! # rawnet-tls: TLS 1.3 over rawnet's connection traits (lwIP's `altcp_tls`)
//!
//! [`Tls`] sits between TCP and the layer above exactly like lwIP's `altcp_tls`: it
//! implements [`rawnet_altcp::Callbacks`] toward the connection below and lends the layer above
//! a [`TlsConn`] implementing [`rawnet_altcp::Connection`], so the MQTT client runs over TCP or
//! TLS unchanged (`Tls<Mqtt<App>>`). The TLS 1.3 engine is embedded-tls 0.19, driven
//! without blocking: its async client is a future ([`session`]) that [`Tls`] polls with a
//! no-op waker from the callbacks, over an in-memory pipe ([`Shared`]) that says `Pending`
//! instead of waiting.
//!
//! | lwIP / mbedTLS | rawnet-tls |
//! |---|---|
//! | `altcp_tls_create_config_client(ca, len)` | [`ClientConfig::new`] + [`Verification::new`] |
//! | `mbedtls_ssl_set_hostname` | the `server_name` of [`ClientConfig::new`] (required) |
//! | `MBEDTLS_SSL_VERIFY_NONE` | [`Verification::dangerous_accept_any_server_insecure`] |
//! | `altcp_tls_create_config_client_2wayauth` | [`ClientConfig::with_client_certificate`] + [`Signer`] |
//! | `altcp_tls_wrap` / `altcp_tls_new` | [`session`] + [`Tls::new`] |
//! | `MBEDTLS_SSL_MAX_CONTENT_LEN` | [`TlsBuffers`] sized by [`read_buffer_len`] / [`write_buffer_len_for`], [`ClientConfig::with_max_fragment_length`] |
//! | `altcp_tls_create_config_client` with `mbedtls_ssl_conf_psk` | `Verification::psk(identity, key)` (feature `psk`) |
//! | `mbedtls_ssl_set_bio` (TLS over another stack's socket) | [`io::TlsStream`] (`embedded-io-async`), [`io::BlockingTlsStream`] (`embedded-io`) |
//! | `mbedtls_ssl_handshake` / `_read` / `_write` / `_close_notify` | `open` / `read` / `write` + `flush` / `close` of the [`io`] adapters |
//!
//! Verification is not optional: a configuration needs the server name and either trust
//! anchors, in which case the server must present a chain that passes [`verify`] (RFC 5280
//! path validation, name matching, validity against the [`Time`] the board knows) and prove
//! its key in CertificateVerify, or (feature `psk`) a pre-shared key the server must select
//! and prove in its Finished, with no fallback to certificates. Every failure reaches the layer above as its `err` with an [`Error`]
//! that names the reason ([`Error::Certificate`] with a [`CertError`], [`Error::AlertReceived`],
//! [`Error::HelloRetryRequestUnsupported`], ...).
//!
//! ## Example
//!
//! ```no_run
//! use core::pin::pin;
//! use rawnet_altcp::{Callbacks, Connection, Instant};
//! use rawnet_tls::{
//!     read_buffer_len, session, write_buffer_len_for, ClientConfig, Error, MaxFragmentLength,
//!     NoSigner, Time, Tls, TlsBuffers, TlsConn, Verification,
//! };
//!
//! /// The layer above TLS (here: says hello once connected).
//! struct Hello;
//! impl<'c, 'b, C: Connection> Callbacks<TlsConn<'c, 'b, C>> for Hello {
//!     fn connected(&mut self, conn: &mut TlsConn<'c, 'b, C>, _now: Instant) {
//!         let _ = conn.write(b"hello");
//!         let _ = conn.output();
//!     }
//!     fn recv(&mut self, _conn: &mut TlsConn<'c, 'b, C>, data: &[u8], _now: Instant) -> usize {
//!         data.len()
//!     }
//!     fn err(&mut self, err: Error<C::Error>, _now: Instant) {
//!         let _reason: &str = err.as_str();
//!     }
//! }
//!
//! # fn board_rng() -> impl rand_core::CryptoRngCore { struct R; impl rand_core::RngCore for R { fn next_u32(&mut self) -> u32 { 4 } fn next_u64(&mut self) -> u64 { 4 } fn fill_bytes(&mut self, d: &mut [u8]) { d.fill(4) } fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), rand_core::Error> { d.fill(4); Ok(()) } } impl rand_core::CryptoRng for R {} R }
//! # const CA_DER: &[u8] = &[];
//! const BROKER: &str = "broker.local";
//! const MFL: MaxFragmentLength = MaxFragmentLength::Bits10; // 1 KiB records
//! // Every buffer of the connection, sized from the configuration (a `static` on a board).
//! let mut buffers =
//!     TlsBuffers::<{ read_buffer_len(Some(MFL)) }, { write_buffer_len_for(BROKER.len(), 0, 0) }>::new();
//!
//! let anchors: [&[u8]; 1] = [CA_DER]; // the broker's CA, DER, e.g. from flash
//! let config = ClientConfig::new(BROKER, Verification::new(&anchors).unwrap())
//!     .unwrap()
//!     .with_max_fragment_length(MFL);
//! let now = Time::NoEarlierThan(1_764_000_000); // no RTC yet: firmware build time
//! let (shared, read_buf, write_buf) = buffers.split();
//! let session = session(&shared, &config, now, read_buf, write_buf, board_rng(), NoSigner)
//!     .unwrap();
//! let mut session = pin!(session);
//! let tls = Tls::new(session.as_mut(), Hello);
//! // Hand `tls` to rawnet-tcp as the callbacks of a connection to broker.local:8883;
//! // the handshake starts at `connected`, and `Hello::connected` runs once it completes.
//! # drop(tls);
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod buffers;
mod config;
mod der;
mod diagnose;
mod driver;
mod error;
mod guard;
pub mod io;
mod pipe;
mod provider;
mod transport;
pub mod verify;
mod x509;

#[cfg(test)]
mod hostile;
#[cfg(any(test, feature = "testkit"))]
pub mod scripted;
#[cfg(any(test, feature = "testkit"))]
pub mod test_session;
#[cfg(test)]
mod testkit;

pub use buffers::{read_buffer_len, write_buffer_len_for, TlsBuffers, SCRATCH_LEN};
pub use config::{ClientConfig, ConfigError, Verification};
pub use driver::{session, write_buffer_len, Outcome, Session, RECORD_OVERHEAD};
pub use embedded_tls::MaxFragmentLength;
pub use error::{EngineError, Error};
pub use guard::Violation;
pub use pipe::Shared;
pub use provider::{NoSigner, P256Signer, SignError, Signer};
pub use transport::{SessionRef, Tls, TlsConn};
pub use verify::{verify_server_chain, CertError, LeafKey, ServerName, Time, UnixTime};
