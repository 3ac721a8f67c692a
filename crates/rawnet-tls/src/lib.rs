//! # rawnet-tls: TLS 1.3 over rawnet's connection traits (lwIP's `altcp_tls`)
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod der;
pub mod verify;
mod x509;

#[cfg(test)]
mod testkit;

pub use verify::{verify_server_chain, CertError, LeafKey, ServerName, Time, UnixTime};
