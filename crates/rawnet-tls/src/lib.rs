//! # rawnet-tls: TLS 1.3 over rawnet's connection traits (lwIP's `altcp_tls`)
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod config;
mod der;
mod driver;
mod error;
mod pipe;
mod provider;
mod transport;
pub mod verify;
mod x509;

#[cfg(feature = "std")]
pub mod std_tcp;

#[cfg(test)]
mod testkit;

pub use config::{ClientConfig, ConfigError, Verification};
pub use driver::{session, write_buffer_len, Outcome, RECORD_OVERHEAD};
pub use embedded_tls::MaxFragmentLength;
pub use error::{EngineError, Error};
pub use pipe::Shared;
pub use provider::{NoSigner, P256Signer, SignError, Signer};
pub use transport::{SessionRef, Tls, TlsConn};
pub use verify::{verify_server_chain, CertError, LeafKey, ServerName, Time, UnixTime};
