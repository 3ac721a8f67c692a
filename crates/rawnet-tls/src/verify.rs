//! RFC 5280 path validation of a TLS server's certificate chain, in place and without alloc.
//!
//! What is checked, in order (the first failure is the [`CertError`] returned):
//!
//! 1. The end-entity (leaf) certificate: it parses as X.509 v3; it has no unknown critical
//!    extension; its validity period contains the time given ([`Time`]); it is not a CA
//!    (`basicConstraints cA=TRUE`); `keyUsage`, if present, allows `digitalSignature` and
//!    not `keyCertSign`; `extendedKeyUsage`, if present, contains `serverAuth` (or
//!    `anyExtendedKeyUsage`); the server name matches a `subjectAltName` entry (DNS names
//!    case-insensitively, one leading `*.` wildcard label; IP addresses byte for byte). The
//!    commonName is never used.
//! 2. The chain, found by a bounded depth-first search with backtracking ([`path`]): the
//!    issuer of each certificate is looked for by name (byte-exact DER comparison) first
//!    among the trust anchors, then among the other certificates the server sent (in any
//!    order; those never used may be anything). An issuer must be X.509 v3, a CA
//!    (`basicConstraints cA=TRUE`), allow `keyCertSign` if it has `keyUsage`, allow
//!    `serverAuth` if it has `extendedKeyUsage`, be within its validity period, not have
//!    more non-self-issued intermediates below it than its `pathLenConstraint`, have no
//!    unknown critical extension, verify the signature, and its `nameConstraints` must hold
//!    for the certificates below it (DNS and IP forms; the module `names` has the rules).
//!    The trust anchor is held to the same checks, except a self-signed leaf that is itself
//!    the anchor (a pinned server certificate). docs/tls.md ("Decisions on what is
//!    accepted") gives the reasons, and the x509-limbo figures.
//!
//! Signatures: ECDSA with SHA-256 on a P-256 key, and with SHA-384 when the crate's `sha384`
//! feature is on (it costs ~12 KB of flash). Anything else (RSA, Ed25519,
//! P-384 keys) is rejected as [`CertError::UnsupportedSignatureAlgorithm`] or
//! [`CertError::UnsupportedPublicKey`], never skipped.

use core::net::IpAddr;

use sha2::{Digest, Sha256};

use crate::der::{tag, Reader};
use crate::x509::{self, oid, Cert, KeyKind, SigAlg};

/// Why a server certificate chain was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum CertError {
    /// A certificate is not well-formed DER X.509 v3 (garbage bytes, truncation, ...).
    Malformed,
    /// The server sent no certificate.
    NoCertificate,
    /// The server sent a raw public key (RFC 7250) instead of an X.509 certificate.
    RawPublicKeyUnsupported,
    /// A certificate is signed with an algorithm this verifier does not implement.
    UnsupportedSignatureAlgorithm,
    /// A certificate carries a public key of a type this verifier does not implement.
    UnsupportedPublicKey,
    /// A certificate's signature does not verify with its issuer's key.
    BadSignature,
    /// A certificate's notAfter is before the current time.
    Expired,
    /// A certificate's notBefore is after the current time.
    NotYetValid,
    /// The server name matches neither a subjectAltName nor (without SAN) the commonName.
    NameMismatch,
    /// No trust anchor and no presented certificate issued a certificate of the chain: the
    /// chain is incomplete (truncated) or the issuing CA is not trusted.
    UnknownIssuer,
    /// The chain ends at a self-signed root that is not one of the trust anchors.
    UntrustedRoot,
    /// The leaf is self-signed and not itself a trust anchor.
    SelfSignedLeaf,
    /// An issuing certificate is not a CA (no `basicConstraints cA=TRUE`).
    IssuerNotCa,
    /// The leaf is a CA certificate (`basicConstraints cA=TRUE`).
    CaUsedAsLeaf,
    /// A CA's `pathLenConstraint` is exceeded by the intermediates below it.
    PathLenExceeded,
    /// `keyUsage` forbids the use (leaf: digitalSignature; CA: keyCertSign).
    BadKeyUsage,
    /// An `extendedKeyUsage` of the path (leaf or CA) does not include `serverAuth`.
    BadExtendedKeyUsage,
    /// A certificate has a critical extension this verifier does not process.
    UnknownCriticalExtension,
    /// A certificate is not X.509 version 3.
    UnsupportedVersion,
    /// A name of a certificate is outside a CA's permitted subtrees or inside its excluded
    /// ones (`nameConstraints`, RFC 5280 §4.2.1.10).
    NameConstraintViolation,
    /// A CA's `nameConstraints` has a form this verifier does not process (anything but
    /// dNSName and iPAddress) for a name the certificate below carries.
    UnsupportedNameConstraint,
    /// The path search reached one of its bounds ([`path`]: intermediates, signature
    /// verifications, name comparisons) without finding a path.
    PathSearchLimit,
    /// The server's CertificateVerify signature does not verify with the leaf's key.
    BadHandshakeSignature,
    /// The server signed the handshake with a scheme that does not fit the leaf's key.
    UnsupportedHandshakeSignatureScheme,
}

impl CertError {
    /// A short English description, without `core::fmt`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            CertError::Malformed => "malformed certificate",
            CertError::NoCertificate => "no certificate",
            CertError::RawPublicKeyUnsupported => "raw public keys are not supported",
            CertError::UnsupportedSignatureAlgorithm => "unsupported signature algorithm",
            CertError::UnsupportedPublicKey => "unsupported public key type",
            CertError::BadSignature => "bad certificate signature",
            CertError::Expired => "certificate expired",
            CertError::NotYetValid => "certificate not yet valid",
            CertError::NameMismatch => "certificate not valid for the server name",
            CertError::UnknownIssuer => "unknown issuer (incomplete chain or untrusted CA)",
            CertError::UntrustedRoot => "chain ends at an untrusted root",
            CertError::SelfSignedLeaf => "self-signed certificate",
            CertError::IssuerNotCa => "issuer is not a CA",
            CertError::CaUsedAsLeaf => "CA certificate used as server certificate",
            CertError::PathLenExceeded => "path length constraint exceeded",
            CertError::BadKeyUsage => "key usage does not allow this use",
            CertError::BadExtendedKeyUsage => "extended key usage lacks serverAuth",
            CertError::UnknownCriticalExtension => "unknown critical extension",
            CertError::UnsupportedVersion => "certificate is not X.509 v3",
            CertError::NameConstraintViolation => "name constraint violated",
            CertError::UnsupportedNameConstraint => "unsupported name constraint form",
            CertError::PathSearchLimit => "path search limit reached",
            CertError::BadHandshakeSignature => "bad CertificateVerify signature",
            CertError::UnsupportedHandshakeSignatureScheme => {
                "unsupported CertificateVerify signature scheme"
            }
        }
    }
}

impl core::fmt::Display for CertError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Seconds since 1970-01-01T00:00:00Z (UTC, no leap seconds), as X.509 dates are compared.
pub type UnixTime = u64;

/// What the device knows about the current date, for the validity-period check.
///
/// The policy when the device has no time yet (no RTC, SNTP not answered): use
/// [`Time::NoEarlierThan`] with a time that is surely in the past, such as the firmware's
/// build time. Certificates that expired before it are still rejected; `notBefore` cannot be
/// checked and is not. Passing `NoEarlierThan(0)` disables the expiry check too, visibly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Time {
    /// The current UTC time is known (RTC, SNTP): notBefore and notAfter are both checked.
    Now(UnixTime),
    /// Only a lower bound of the current time is known: notAfter is checked against it,
    /// notBefore is not checked.
    NoEarlierThan(UnixTime),
}

impl Time {
    fn check(self, cert: &Cert<'_>) -> Result<(), CertError> {
        let (now, check_not_before) = match self {
            Time::Now(t) => (t, true),
            Time::NoEarlierThan(t) => (t, false),
        };
        if now > cert.not_after {
            Err(CertError::Expired)
        } else if check_not_before && now < cert.not_before {
            Err(CertError::NotYetValid)
        } else {
            Ok(())
        }
    }
}

/// The name the client expects the server's certificate to carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerName<'a> {
    /// A DNS host name (matched against SAN dNSName entries).
    Dns(&'a str),
    /// An IP address (matched against SAN iPAddress entries only).
    Ip(IpAddr),
}

impl<'a> ServerName<'a> {
    /// Classify `name`: an IPv4/IPv6 literal becomes [`ServerName::Ip`], anything else must be
    /// a syntactically valid DNS name (letters, digits, `-`, dots; a trailing dot is dropped).
    ///
    /// IP literals are read by rawnet's own parser ([`parse_ipv4`], [`parse_ipv6`]) rather
    /// than `core::net`'s `FromStr`, which costs ~1.5 KB of flash on a Cortex-M4; both accept
    /// the same strings (the unit tests compare them).
    pub fn parse(name: &'a str) -> Option<Self> {
        if let Some(ip) = parse_ipv4(name.as_bytes()) {
            return Some(ServerName::Ip(IpAddr::from(ip)));
        }
        if let Some(ip) = parse_ipv6(name.as_bytes()) {
            return Some(ServerName::Ip(IpAddr::from(ip)));
        }
        let name = name.strip_suffix('.').unwrap_or(name);
        valid_dns_name(name.as_bytes()).then_some(ServerName::Dns(name))
    }

    /// The name for the TLS server_name extension, if it is a DNS name (RFC 6066: no IPs).
    pub fn sni(&self) -> Option<&'a str> {
        match self {
            ServerName::Dns(name) => Some(name),
            ServerName::Ip(_) => None,
        }
    }
}

/// Host-name syntax, in one pass: 1 to 253 bytes of labels separated by single dots, each
/// label 1 to 63 letters, digits, `-` or `_`, not starting or ending with `-`.
fn valid_dns_name(name: &[u8]) -> bool {
    if name.is_empty() || name.len() > 253 {
        return false;
    }
    let mut label = 0;
    let mut prev = b'.';
    for &b in name {
        if b == b'.' {
            if label == 0 || prev == b'-' {
                return false;
            }
            label = 0;
        } else {
            if !(b.is_ascii_alphanumeric() || b == b'_' || (b == b'-' && label > 0)) {
                return false;
            }
            label += 1;
            if label > 63 {
                return false;
            }
        }
        prev = b;
    }
    prev != b'-' && label > 0
}

/// A dotted-quad IPv4 literal: four decimal octets 0-255, no leading zeros (`01` is
/// refused, as `core::net` refuses it: it reads as octal elsewhere).
pub fn parse_ipv4(s: &[u8]) -> Option<[u8; 4]> {
    // One pass: `v` is the octet being read, `digits` its length (0 right after a dot).
    let mut out = [0u8; 4];
    let mut n = 0;
    let mut v: u16 = 0;
    let mut digits = 0;
    for &b in s {
        if b == b'.' {
            if digits == 0 || n == 3 {
                return None;
            }
            out[n] = v as u8;
            n += 1;
            v = 0;
            digits = 0;
        } else if b.is_ascii_digit() {
            if digits == 1 && v == 0 {
                return None; // a leading zero
            }
            v = v * 10 + u16::from(b - b'0');
            digits += 1;
            if v > 255 {
                return None;
            }
        } else {
            return None;
        }
    }
    if digits == 0 || n != 3 {
        return None;
    }
    out[3] = v as u8;
    Some(out)
}

/// An IPv6 literal (RFC 4291 §2.2): eight groups of 1-4 hex digits, at most one `::` standing
/// for one or more zero groups, optionally ending in a dotted-quad IPv4 address. No zone
/// (`%eth0`) and no brackets.
pub fn parse_ipv6(s: &[u8]) -> Option<[u8; 16]> {
    // One pass: groups go to `words` in order; `gap` is where `::` stood (the words after it
    // move to the end once their number is known).
    let mut words = [0u16; 8];
    let mut n = 0;
    let mut gap = None;
    let mut i = 0;
    if s.starts_with(b"::") {
        gap = Some(0);
        i = 2;
    }
    while i < s.len() {
        let end = s[i..]
            .iter()
            .position(|&b| b == b':')
            .map_or(s.len(), |k| i + k);
        let g = &s[i..end];
        if end == s.len() && g.contains(&b'.') {
            // A dotted-quad tail: two words, and it must end the address.
            let v4 = parse_ipv4(g)?;
            if n > 6 {
                return None;
            }
            words[n] = u16::from_be_bytes([v4[0], v4[1]]);
            words[n + 1] = u16::from_be_bytes([v4[2], v4[3]]);
            n += 2;
            break;
        }
        if g.is_empty() || g.len() > 4 || n == 8 {
            return None;
        }
        let mut v: u16 = 0;
        for &b in g {
            let d = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return None,
            };
            v = v << 4 | u16::from(d);
        }
        words[n] = v;
        n += 1;
        if end == s.len() {
            break;
        }
        // `s[end]` is ':'; a second one is the `::`.
        i = end + 1;
        if s.get(i) == Some(&b':') {
            if gap.is_some() {
                return None;
            }
            gap = Some(n);
            i += 1;
        } else if i == s.len() {
            return None; // a trailing single ':'
        }
    }
    match gap {
        // `::` stands for at least one zero group.
        Some(at) if n < 8 => {
            let tail = n - at;
            words.copy_within(at..n, 8 - tail);
            words[at..8 - tail].fill(0);
        }
        None if n == 8 => {}
        _ => return None,
    }
    let mut out = [0u8; 16];
    for (o, w) in out.chunks_exact_mut(2).zip(words) {
        o.copy_from_slice(&w.to_be_bytes());
    }
    Some(out)
}

/// The leaf's public key, kept after chain validation to check the server's CertificateVerify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct LeafKey {
    point: [u8; 65],
}

impl LeafKey {
    /// Check a TLS 1.3 CertificateVerify (RFC 8446 §4.4.3) signed by this key.
    /// `scheme` is the TLS SignatureScheme code point, `transcript_hash` the handshake hash up
    /// to and including the Certificate message.
    pub fn verify_handshake_signature(
        &self,
        scheme: u16,
        transcript_hash: &[u8],
        signature: &[u8],
    ) -> Result<(), CertError> {
        const ECDSA_SECP256R1_SHA256: u16 = 0x0403;
        if scheme != ECDSA_SECP256R1_SHA256 {
            return Err(CertError::UnsupportedHandshakeSignatureScheme);
        }
        let mut h = Sha256::new();
        h.update([0x20; 64]);
        h.update(b"TLS 1.3, server CertificateVerify\x00");
        h.update(transcript_hash);
        verify_p256(&self.point, &h.finalize(), signature)
            .map_err(|_| CertError::BadHandshakeSignature)
    }
}

/// Validate a server's chain (`chain[0]` is the leaf, as in the TLS Certificate message)
/// against `anchors` (DER certificates) for `name` at `time`. Returns the leaf's key.
pub fn verify_server_chain(
    chain: &[&[u8]],
    anchors: &[&[u8]],
    name: &ServerName<'_>,
    time: Time,
) -> Result<LeafKey, CertError> {
    let leaf = Cert::parse(chain.first().ok_or(CertError::NoCertificate)?)?;
    if leaf.unknown_critical {
        return Err(CertError::UnknownCriticalExtension);
    }
    time.check(&leaf)?;
    if matches!(leaf.basic_constraints, Some((true, _))) {
        return Err(CertError::CaUsedAsLeaf);
    }
    // digitalSignature for the handshake signature; keyCertSign only with cA (RFC 5280
    // §4.2.1.3), which a leaf has not.
    if leaf
        .key_usage
        .is_some_and(|ku| ku & x509::KU_DIGITAL_SIGNATURE == 0 || ku & x509::KU_KEY_CERT_SIGN != 0)
    {
        return Err(CertError::BadKeyUsage);
    }
    check_eku(&leaf)?;
    names::check_name(&leaf, name)?;
    let key = match leaf.key.kind {
        KeyKind::P256 if leaf.key.point.len() == 65 => {
            let mut point = [0; 65];
            point.copy_from_slice(leaf.key.point);
            LeafKey { point }
        }
        _ => return Err(CertError::UnsupportedPublicKey),
    };
    path::build(chain, anchors, time)?;
    Ok(key)
}

fn check_signed_by(cert: &Cert<'_>, issuer: &Cert<'_>) -> Result<(), CertError> {
    let prehash_256;
    #[cfg(feature = "sha384")]
    let prehash_384;
    let prehash: &[u8] = match cert.sig_alg {
        SigAlg::EcdsaSha256 => {
            prehash_256 = Sha256::digest(cert.tbs);
            &prehash_256
        }
        // SHA-384 costs ~10 KB of flash on a Cortex-M4 (SHA-512's compression function): only
        // with the `sha384` feature.
        #[cfg(feature = "sha384")]
        SigAlg::EcdsaSha384 => {
            prehash_384 = <sha2::Sha384 as Digest>::digest(cert.tbs);
            &prehash_384
        }
        #[cfg(not(feature = "sha384"))]
        SigAlg::EcdsaSha384 => return Err(CertError::UnsupportedSignatureAlgorithm),
        SigAlg::Unsupported => return Err(CertError::UnsupportedSignatureAlgorithm),
    };
    match issuer.key.kind {
        KeyKind::P256 => verify_p256(issuer.key.point, prehash, cert.signature),
        KeyKind::P384 | KeyKind::Unsupported => Err(CertError::UnsupportedPublicKey),
    }
}

/// Verify a DER `Ecdsa-Sig-Value` over `prehash` with a SEC1 P-256 point.
fn verify_p256(point: &[u8], prehash: &[u8], der_sig: &[u8]) -> Result<(), CertError> {
    let (r, s) = ecdsa_sig_scalars(der_sig).ok_or(CertError::BadSignature)?;
    ecdsa::verify(point, prehash, &r, &s).map_err(|e| match e {
        ecdsa::Invalid::Key => CertError::Malformed,
        ecdsa::Invalid::Signature => CertError::BadSignature,
    })
}

/// Split `SEQUENCE { r INTEGER, s INTEGER }` into two 32-byte big-endian scalars.
fn ecdsa_sig_scalars(der_sig: &[u8]) -> Option<([u8; 32], [u8; 32])> {
    let mut outer = Reader::new(der_sig);
    let mut seq = outer.sequence().ok()?;
    outer.finish().ok()?;
    let r = fixed_scalar(seq.read(tag::INTEGER).ok()?)?;
    let s = fixed_scalar(seq.read(tag::INTEGER).ok()?)?;
    seq.finish().ok()?;
    Some((r, s))
}

fn fixed_scalar(int: &[u8]) -> Option<[u8; 32]> {
    let digits = match int {
        [0, rest @ ..] if rest.first().is_some_and(|b| b & 0x80 != 0) => rest,
        [b, ..] if b & 0x80 == 0 => int,
        _ => return None, // empty, negative or not minimal
    };
    let mut out = [0; 32];
    let at = 32usize.checked_sub(digits.len())?;
    out[at..].copy_from_slice(digits);
    Some(out)
}

/// `extendedKeyUsage`, where present (on the leaf and on every CA of the path), must list
/// serverAuth or anyExtendedKeyUsage.
fn check_eku(cert: &Cert<'_>) -> Result<(), CertError> {
    let Some(eku) = cert.ext_key_usage else {
        return Ok(());
    };
    let mut r = Reader::new(eku);
    while !r.is_empty() {
        let id = r.read(tag::OID).map_err(|_| CertError::Malformed)?;
        if id == oid::SERVER_AUTH || id == oid::ANY_EKU {
            return Ok(());
        }
    }
    Err(CertError::BadExtendedKeyUsage)
}

mod ecdsa;
mod names;
pub mod path;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod chain_tests;
