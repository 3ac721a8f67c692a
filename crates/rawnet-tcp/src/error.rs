//! Errors of the stack's management calls (the connection errors are [`TcpError`]).

use crate::TcpError;

/// Why a management call on the [`Stack`](crate::Stack) failed (opening a socket,
/// connecting, listening, enabling DHCP or DNS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum StackError {
    /// Every socket slot given to [`Stack::new`](crate::Stack::new) is taken (lwIP's
    /// `ERR_MEM` from `tcp_new`).
    NoFreeSocket,
    /// The interface has no IPv4 address yet, or no route to the destination (lwIP's
    /// `ERR_RTE`).
    NoRoute,
    /// Port 0, or an unspecified address (lwIP's `ERR_VAL`).
    InvalidEndpoint,
    /// The handle is still connecting, listening or open; abort or close it first (lwIP's
    /// `ERR_ISCONN`).
    InUse,
    /// The feature was already enabled (DHCP, DNS).
    AlreadyEnabled,
}

impl core::fmt::Display for StackError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            StackError::NoFreeSocket => "no free socket slot",
            StackError::NoRoute => "no address or no route",
            StackError::InvalidEndpoint => "invalid address or port",
            StackError::InUse => "handle in use",
            StackError::AlreadyEnabled => "already enabled",
        })
    }
}

impl core::error::Error for StackError {}

impl From<StackError> for TcpError {
    /// The nearest connection error, for callers that report everything as [`TcpError`].
    fn from(e: StackError) -> Self {
        match e {
            StackError::InUse => TcpError::NotConnected,
            _ => TcpError::Unreachable,
        }
    }
}

#[cfg(feature = "dns")]
/// Why a DNS lookup failed or cannot start (lwIP's `dns_gethostbyname` errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum DnsError {
    /// [`Stack::enable_dns`](crate::Stack::enable_dns) was not called.
    NotEnabled,
    /// All query slots given to `enable_dns` are in use.
    NoFreeSlot,
    /// The name is empty or has an empty or over-long label.
    InvalidName,
    /// The name is longer than DNS allows (255 bytes in wire form, about 253 characters).
    NameTooLong,
    /// The servers did not answer, or answered without an address.
    Failed,
    /// The result of this query was already taken.
    AlreadyTaken,
}

#[cfg(feature = "dns")]
impl core::fmt::Display for DnsError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            DnsError::NotEnabled => "DNS not enabled",
            DnsError::NoFreeSlot => "no free DNS query slot",
            DnsError::InvalidName => "invalid host name",
            DnsError::NameTooLong => "host name too long",
            DnsError::Failed => "name not resolved",
            DnsError::AlreadyTaken => "query result already taken",
        })
    }
}
