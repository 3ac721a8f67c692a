//! Why a TLS connection failed: the error the layer above receives in its `err` callback.

use crate::guard::Violation;
use crate::verify::CertError;

/// Why a TLS connection failed or an operation on it was refused.
///
/// `E` is the error of the connection below (`rawnet_tcp::TcpError` over TCP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Error<E> {
    /// The connection below failed.
    Tcp(E),
    /// The server's certificate chain or handshake signature was rejected, and why.
    Certificate(CertError),
    /// The server finished the handshake without proving a certificate (no Certificate or no
    /// CertificateVerify message). embedded-tls alone would accept this; rawnet-tls does not.
    ServerNotAuthenticated,
    /// We offered a pre-shared key (`Verification::psk`, feature `psk`) and the server's
    /// ServerHello did not select it: no pre_shared_key extension (an identity the server does
    /// not know, or no PSK support) or an identity index we did not offer. There is no
    /// fallback to certificates.
    PskNotAccepted,
    /// The server sent a fatal alert: its TLS AlertDescription code (RFC 8446 §6), e.g. 116
    /// certificate_required (after the handshake, when it refuses our client certificate), or
    /// 40 handshake_failure: nothing in common among what rawnet-tls offers
    /// (TLS_AES_128_GCM_SHA256, secp256r1, ecdsa_secp256r1_sha256), typically a server with only
    /// an RSA certificate. An encrypted alert's code is read back from the record buffer.
    AlertReceived(u8),
    /// The server does not speak TLS 1.3 (it answered with a protocol_version alert).
    ProtocolVersion,
    /// The server asked for a HelloRetryRequest (a key share for another group), which
    /// embedded-tls 0.19 does not implement.
    HelloRetryRequestUnsupported,
    /// After the handshake the server sent a message embedded-tls 0.19 does not implement (in
    /// practice a KeyUpdate).
    PostHandshakeUnsupported,
    /// The server's byte stream broke a rule of TLS 1.3 that rawnet-tls enforces below
    /// embedded-tls (see [`Violation`]): a malformed or unexpected record or ServerHello, or a
    /// record someone on the path injected. The offending bytes were not interpreted.
    Violation(Violation),
    /// The server sent a handshake message larger than the record that carries it (`msg_type`,
    /// e.g. 11 for a Certificate chain of `len` bytes split over records by a small
    /// max_fragment_length): embedded-tls 0.19 needs each handshake message in one record.
    HandshakeMessageSpansRecords {
        /// The handshake message type (RFC 8446 §4).
        msg_type: u8,
        /// The message's length.
        len: u32,
    },
    /// The server broke the protocol (malformed or unexpected record or message, bad MAC);
    /// the engine's own reason is attached.
    Protocol(EngineError),
    /// The handshake did not complete within the configured time.
    HandshakeTimeout,
    /// The connection below was closed by the peer before the handshake completed.
    ClosedDuringHandshake,
    /// The peer closed the connection below without a close_notify alert (possible truncation).
    Truncated,
    /// A caller-provided buffer is too small; `needed` bytes would do.
    BufferTooSmall {
        /// The size that would have been enough.
        needed: usize,
    },
    /// The operation needs an established TLS connection.
    NotConnected,
}

impl<E> Error<E> {
    /// A short English description, without `core::fmt` (the TCP error is not described).
    pub const fn as_str(&self) -> &'static str {
        match self {
            Error::Tcp(_) => "TCP error",
            Error::Certificate(e) => e.as_str(),
            Error::ServerNotAuthenticated => "server did not authenticate",
            Error::PskNotAccepted => "server did not accept the pre-shared key",
            Error::AlertReceived(_) => "fatal alert received",
            Error::ProtocolVersion => "server does not support TLS 1.3",
            Error::HelloRetryRequestUnsupported => "HelloRetryRequest not supported",
            Error::PostHandshakeUnsupported => "unsupported post-handshake message (KeyUpdate)",
            Error::Violation(v) => v.as_str(),
            Error::HandshakeMessageSpansRecords { .. } => "handshake message spans records",
            Error::Protocol(_) => "TLS protocol error",
            Error::HandshakeTimeout => "TLS handshake timed out",
            Error::ClosedDuringHandshake => "connection closed during the TLS handshake",
            Error::Truncated => "connection closed without close_notify",
            Error::BufferTooSmall { .. } => "buffer too small",
            Error::NotConnected => "TLS connection not established",
        }
    }
}

impl<E: core::fmt::Debug> core::fmt::Display for Error<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Error::Tcp(e) => write!(f, "TCP error: {e:?}"),
            Error::AlertReceived(40) => f.write_str(
                "fatal alert 40 (handshake_failure): no cipher suite, group or signature scheme \
                 in common (rawnet-tls offers TLS_AES_128_GCM_SHA256, secp256r1 and \
                 ecdsa_secp256r1_sha256: the server needs an ECDSA P-256 certificate)",
            ),
            Error::AlertReceived(code) => write!(f, "fatal alert {code} received"),
            Error::Violation(v) => write!(f, "TLS violation: {} ({v:?})", v.as_str()),
            Error::HandshakeMessageSpansRecords { msg_type, len } => write!(
                f,
                "handshake message {msg_type} of {len} bytes spans records (unsupported)"
            ),
            Error::BufferTooSmall { needed } => {
                write!(f, "buffer too small: {needed} bytes needed")
            }
            other => f.write_str(other.as_str()),
        }
    }
}

impl<E: core::fmt::Debug> core::error::Error for Error<E> {}

/// An error of the TLS engine (embedded-tls) that rawnet-tls cannot name more precisely.
/// Two values are equal when they are the same variant.
#[derive(Debug, Clone, Copy)]
pub struct EngineError(pub embedded_tls::TlsError);

/// defmt shows the engine's error without its detail: embedded-tls's own `defmt` feature
/// would also turn on its logging, which only a firmware with a defmt logger can link.
#[cfg(feature = "defmt")]
impl defmt::Format for EngineError {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "EngineError(..)");
    }
}

impl PartialEq for EngineError {
    fn eq(&self, other: &Self) -> bool {
        core::mem::discriminant(&self.0) == core::mem::discriminant(&other.0)
    }
}

impl Eq for EngineError {}

impl<E: core::fmt::Debug> embedded_io::Error for Error<E> {
    fn kind(&self) -> embedded_io::ErrorKind {
        match self {
            Error::NotConnected => embedded_io::ErrorKind::NotConnected,
            Error::Truncated | Error::ClosedDuringHandshake => {
                embedded_io::ErrorKind::ConnectionAborted
            }
            Error::HandshakeTimeout => embedded_io::ErrorKind::TimedOut,
            Error::BufferTooSmall { .. } => embedded_io::ErrorKind::OutOfMemory,
            _ => embedded_io::ErrorKind::Other,
        }
    }
}
