//! What a TLS client connection needs before it starts: who the server must be, what it
//! may present, and the optional client identity.

use embedded_tls::MaxFragmentLength;
use rawnet_altcp::Duration;

use crate::verify::ServerName;
use crate::x509::Cert;

/// Why a [`ClientConfig`] could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ConfigError {
    /// [`Verification::new`] got an empty list of trust anchors.
    NoTrustAnchors,
    /// The trust anchor at this index is not a DER X.509 certificate.
    BadTrustAnchor(usize),
    /// The server name is neither an IP address nor a valid DNS name.
    InvalidServerName,
    /// The PSK identity given to `Verification::psk` (feature `psk`) is empty or longer than
    /// 256 bytes.
    InvalidPskIdentity,
    /// The key given to `Verification::psk` (feature `psk`) is shorter than 16 bytes, longer
    /// than 64, or all zero (a zero key of 32 bytes derives the same secrets as "no PSK" in
    /// TLS 1.3).
    WeakPskKey,
}

impl ConfigError {
    /// A short English description, without `core::fmt`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            ConfigError::NoTrustAnchors => "no trust anchor given",
            ConfigError::BadTrustAnchor(_) => "a trust anchor is not a DER X.509 certificate",
            ConfigError::InvalidServerName => {
                "the server name is neither a DNS name nor an IP address"
            }
            ConfigError::InvalidPskIdentity => "the PSK identity is empty or over 256 bytes",
            ConfigError::WeakPskKey => "the PSK key is under 16 bytes, over 64, or all zero",
        }
    }
}

impl core::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ConfigError::BadTrustAnchor(i) => {
                write!(f, "trust anchor {i} is not a DER X.509 certificate")
            }
            other => f.write_str(other.as_str()),
        }
    }
}

impl core::error::Error for ConfigError {}

/// An external pre-shared key (RFC 8446 §2.2, psk_dhe_ke): the identity the server knows it
/// by and the secret itself. `Debug` does not show the key.
#[cfg(feature = "psk")]
#[derive(Clone, Copy)]
pub(crate) struct Psk<'a> {
    pub(crate) identity: &'a [u8],
    pub(crate) key: &'a [u8],
}

#[cfg(feature = "psk")]
impl core::fmt::Debug for Psk<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Psk")
            .field("identity", &self.identity)
            .field("key", &"<redacted>")
            .finish()
    }
}

/// How the server is authenticated. There is no default: trust anchors, a pre-shared key, or
/// a call whose name says what it does.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Verification<'a> {
    /// `None`: insecure. `Some(&[])` (PSK): no certificate can ever verify.
    pub(crate) anchors: Option<&'a [&'a [u8]]>,
    #[cfg(feature = "psk")]
    pub(crate) psk: Option<Psk<'a>>,
}

/// No trust anchor at all: with a PSK, a certificate the server shows anyway is refused.
#[cfg(feature = "psk")]
const NO_ANCHORS: &[&[u8]] = &[];

impl<'a> Verification<'a> {
    /// Verify the server's chain against these trust anchors (DER X.509 CA certificates, kept
    /// borrowed: flash is fine). See [`crate::verify`] for the checks.
    pub fn new(anchors: &'a [&'a [u8]]) -> Result<Self, ConfigError> {
        if anchors.is_empty() {
            return Err(ConfigError::NoTrustAnchors);
        }
        for (i, der) in anchors.iter().enumerate() {
            Cert::parse(der).map_err(|_| ConfigError::BadTrustAnchor(i))?;
        }
        Ok(Verification {
            anchors: Some(anchors),
            #[cfg(feature = "psk")]
            psk: None,
        })
    }

    #[cfg(feature = "psk")]
    /// Shortest PSK key [`Verification::psk`] accepts: 16 bytes (128 bits).
    pub const MIN_PSK_KEY: usize = 16;
    #[cfg(feature = "psk")]
    /// Longest PSK key [`Verification::psk`] accepts: 64 bytes.
    pub const MAX_PSK_KEY: usize = 64;
    #[cfg(feature = "psk")]
    /// Longest PSK identity [`Verification::psk`] accepts: 256 bytes.
    pub const MAX_PSK_IDENTITY: usize = 256;

    /// Authenticate with an external pre-shared key (TLS 1.3 psk_dhe_ke: the key plus an
    /// ephemeral ECDHE exchange, so past sessions stay secret if the key leaks later).
    /// `identity` names the key to the server (e.g. OpenSSL's `-psk_identity`, Mosquitto's
    /// `psk_file` entry); `key` is the secret bytes (at least 16, random).
    ///
    /// The server must select this PSK in its ServerHello and prove it knows the key by its
    /// Finished message; a server that answers without it fails with
    /// [`crate::Error::PskNotAccepted`] and there is no fallback to certificates. A
    /// Certificate the server sends anyway is refused. The client proves the key too (PSK
    /// authentication is mutual): no client certificate is sent. The server name is sent
    /// as SNI but not checked against anything. See docs/tls.md. Needs the `psk` feature.
    #[cfg(feature = "psk")]
    pub fn psk(identity: &'a [u8], key: &'a [u8]) -> Result<Self, ConfigError> {
        if identity.is_empty() || identity.len() > Self::MAX_PSK_IDENTITY {
            return Err(ConfigError::InvalidPskIdentity);
        }
        if key.len() < Self::MIN_PSK_KEY
            || key.len() > Self::MAX_PSK_KEY
            || key.iter().all(|&b| b == 0)
        {
            return Err(ConfigError::WeakPskKey);
        }
        Ok(Verification {
            anchors: Some(NO_ANCHORS),
            psk: Some(Psk { identity, key }),
        })
    }

    /// **INSECURE**: accept any server, whatever certificate it shows: the chain, the name
    /// and the dates are not checked. Anyone on the path can read and change the traffic.
    /// For lab tests only; never ship it. The server must still send a certificate and a
    /// CertificateVerify; a handshake without them fails with
    /// [`crate::Error::ServerNotAuthenticated`] even here.
    pub const fn dangerous_accept_any_server_insecure() -> Self {
        Verification {
            anchors: None,
            #[cfg(feature = "psk")]
            psk: None,
        }
    }

    /// Whether this is [`Verification::dangerous_accept_any_server_insecure`].
    pub const fn is_insecure(&self) -> bool {
        self.anchors.is_none()
    }

    /// Whether this is `Verification::psk` (always false without the `psk` feature).
    pub const fn is_psk(&self) -> bool {
        #[cfg(feature = "psk")]
        return self.psk.is_some();
        #[cfg(not(feature = "psk"))]
        false
    }
}

/// Configuration of one TLS client connection (TLS 1.3, TLS_AES_128_GCM_SHA256, secp256r1).
#[derive(Debug, Clone, Copy)]
pub struct ClientConfig<'a> {
    pub(crate) server_name: ServerName<'a>,
    pub(crate) verification: Verification<'a>,
    pub(crate) alpn: Option<&'a [&'a [u8]]>,
    pub(crate) max_fragment_length: Option<MaxFragmentLength>,
    pub(crate) client_certificate: Option<&'a [u8]>,
    pub(crate) handshake_timeout: Duration,
    pub(crate) max_handshake_len: u32,
}

impl<'a> ClientConfig<'a> {
    /// A configuration for `server_name` (a DNS name, sent as SNI and matched against the
    /// certificate, or an IP literal, matched against iPAddress SANs) verified as `verification`
    /// says. Handshake timeout: 10 s; at most [`ClientConfig::DEFAULT_MAX_HANDSHAKE_LEN`] bytes
    /// from the server before the handshake completes.
    pub fn new(server_name: &'a str, verification: Verification<'a>) -> Result<Self, ConfigError> {
        Ok(ClientConfig {
            server_name: ServerName::parse(server_name).ok_or(ConfigError::InvalidServerName)?,
            verification,
            alpn: None,
            max_fragment_length: None,
            client_certificate: None,
            handshake_timeout: Duration::from_ticks(10_000),
            max_handshake_len: Self::DEFAULT_MAX_HANDSHAKE_LEN,
        })
    }

    /// The default bound on the bytes a server may send before the handshake completes:
    /// 32 KiB, twice the largest record, far above a ServerHello and a chain of a few
    /// certificates (2 to 5 KB with P-256 keys).
    pub const DEFAULT_MAX_HANDSHAKE_LEN: u32 = 32 * 1024;

    /// Offer these ALPN protocol names (e.g. `b"x-amzn-mqtt-ca"` for MQTT to AWS IoT Core on
    /// port 443).
    ///
    /// A server that supports none of them refuses the handshake with a
    /// no_application_protocol alert: [`crate::Error::AlertReceived`]`(120)` (RFC 7301 §3.2).
    /// The server's choice itself is not visible: embedded-tls 0.19 discards the
    /// EncryptedExtensions message that carries it, so a server that ignores ALPN or selects
    /// a protocol not offered is not detected (docs/tls.md, "ALPN").
    pub fn with_alpn(mut self, protocols: &'a [&'a [u8]]) -> Self {
        self.alpn = Some(protocols);
        self
    }

    /// Ask the server for records of at most this many plaintext bytes (RFC 6066), so the read
    /// buffer can be `2^n + 256 + 5` bytes instead of 16,645. Writes are always fragmented to
    /// it. A server that ignores the extension may still send 16 KiB records: then the read
    /// fails with [`crate::Error::BufferTooSmall`] naming the size needed.
    pub fn with_max_fragment_length(mut self, mfl: MaxFragmentLength) -> Self {
        self.max_fragment_length = Some(mfl);
        self
    }

    #[cfg(test)]
    pub(crate) fn with_max_fragment_length_opt(mut self, mfl: Option<MaxFragmentLength>) -> Self {
        self.max_fragment_length = mfl;
        self
    }

    /// Present this DER certificate when the server asks for one (mutual TLS). The private
    /// key stays behind the [`crate::Signer`] given to [`crate::session`].
    pub fn with_client_certificate(mut self, der: &'a [u8]) -> Self {
        self.client_certificate = Some(der);
        self
    }

    /// Fail the handshake with [`crate::Error::HandshakeTimeout`] after this long (10 s by
    /// default), however the server paces its bytes. [`crate::Tls`] measures it with the
    /// `now` of its callbacks, the [`crate::io`] adapters with their [`crate::io::Clock`].
    pub fn with_handshake_timeout(mut self, timeout: Duration) -> Self {
        self.handshake_timeout = timeout;
        self
    }

    /// Fail the handshake with [`crate::Violation::HandshakeTooLarge`] once the server sent
    /// more than `bytes` (record headers included) before it completed
    /// ([`ClientConfig::DEFAULT_MAX_HANDSHAKE_LEN`] by default).
    pub fn with_max_handshake_len(mut self, bytes: u32) -> Self {
        self.max_handshake_len = bytes;
        self
    }

    /// The largest plaintext a record may carry under this configuration.
    pub fn max_plaintext(&self) -> usize {
        match self.max_fragment_length {
            Some(MaxFragmentLength::Bits9) => 512,
            Some(MaxFragmentLength::Bits10) => 1024,
            Some(MaxFragmentLength::Bits11) => 2048,
            Some(MaxFragmentLength::Bits12) => 4096,
            None => 16384,
        }
    }

    /// The read buffer that holds any record the server may send under this configuration:
    /// the largest record (plaintext + 256 bytes of expansion allowed by RFC 8446 §5.2) plus
    /// its 5-byte header.
    pub const fn read_buffer_len(&self) -> usize {
        crate::read_buffer_len(self.max_fragment_length)
    }
}
