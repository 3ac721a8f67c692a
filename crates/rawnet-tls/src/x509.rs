//! A borrowed view of one X.509 v3 certificate (RFC 5280 §4.1), parsed in place.
//!
//! [`Cert::parse`] checks the structure once and keeps slices into the caller's bytes (for
//! the TLS transport: the record buffer), so no certificate is ever copied. Extensions are
//! decoded only as far as path validation needs. An unknown *critical* extension does not fail
//! the parse but is recorded ([`Cert::unknown_critical`]): RFC 5280 §4.2 forbids *using* such a
//! certificate, and RFC 8446 §4.4.2 lets a client ignore presented certificates it does not
//! use, so the verifier refuses it only when it would become part of the path. Only X.509 v3
//! is accepted (v1 and v2 certificates carry no basicConstraints and are refused by name).

use crate::der::{self, tag, DerError, Reader};
use crate::verify::CertError;

/// Object identifiers (their DER contents octets).
pub(crate) mod oid {
    pub const ECDSA_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
    pub const ECDSA_SHA384: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03];
    pub const EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
    pub const P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
    pub const P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
    pub const BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];
    pub const KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x0f];
    pub const EXT_KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x25];
    pub const SUBJECT_ALT_NAME: &[u8] = &[0x55, 0x1d, 0x11];
    pub const NAME_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x1e];
    pub const ANY_EKU: &[u8] = &[0x55, 0x1d, 0x25, 0x00];
    pub const SERVER_AUTH: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01];
}

/// How a certificate is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SigAlg {
    EcdsaSha256,
    EcdsaSha384,
    /// Anything else (RSA, Ed25519, ...): rejected when the signature must be checked.
    Unsupported,
}

/// The kind of a subject public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    P256,
    P384,
    Unsupported,
}

/// A subject public key: its kind and, for EC keys, the SEC1 encoded point.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PublicKey<'a> {
    pub kind: KeyKind,
    pub point: &'a [u8],
}

/// keyUsage bits (RFC 5280 §4.2.1.3) as the first two BIT STRING octets, big-endian.
pub(crate) const KU_DIGITAL_SIGNATURE: u16 = 0x8000;
pub(crate) const KU_KEY_CERT_SIGN: u16 = 0x0400;

/// One parsed certificate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cert<'a> {
    /// The whole `tbsCertificate` encoding: what the issuer signed.
    pub tbs: &'a [u8],
    pub sig_alg: SigAlg,
    /// The signature octets (DER `Ecdsa-Sig-Value` for ECDSA).
    pub signature: &'a [u8],
    /// The whole encoding of the issuer and subject Names (compared byte for byte).
    pub issuer: &'a [u8],
    pub subject: &'a [u8],
    pub not_before: u64,
    pub not_after: u64,
    pub key: PublicKey<'a>,
    /// `Some((cA, pathLenConstraint))` when basicConstraints is present.
    pub basic_constraints: Option<(bool, Option<u32>)>,
    pub key_usage: Option<u16>,
    /// Contents of the ExtKeyUsageSyntax SEQUENCE.
    pub ext_key_usage: Option<&'a [u8]>,
    /// Contents of the GeneralNames SEQUENCE.
    pub subject_alt_name: Option<&'a [u8]>,
    /// Contents of the NameConstraints SEQUENCE (checked for shape: not empty, `[0]` and `[1]`
    /// each non-empty when present).
    pub name_constraints: Option<&'a [u8]>,
    /// The certificate has a critical extension this verifier does not process.
    pub unknown_critical: bool,
}

impl<'a> Cert<'a> {
    /// Parse and structurally check a DER certificate.
    pub fn parse(der: &'a [u8]) -> Result<Cert<'a>, CertError> {
        Self::parse_inner(der).map_err(|e| match e {
            Fail::Der(DerError) => CertError::Malformed,
            Fail::Cert(e) => e,
        })
    }

    fn parse_inner(der: &'a [u8]) -> Result<Cert<'a>, Fail> {
        let mut outer = Reader::new(der);
        let mut cert = outer.sequence()?;
        outer.finish()?;
        let tbs = cert.read_raw(tag::SEQUENCE)?;
        let outer_alg = cert.read(tag::SEQUENCE)?;
        let signature = cert.bit_string_octets()?;
        cert.finish()?;

        let mut t = Reader::new(tbs).sequence()?;
        let version = match t.read_optional(tag::context_constructed(0))? {
            Some(v) => {
                let mut v = Reader::new(v);
                let n = v.small_unsigned()?;
                v.finish()?;
                n
            }
            None => 0,
        };
        if version != 2 {
            return Err(Fail::Cert(CertError::UnsupportedVersion));
        }
        t.read(tag::INTEGER)?; // serialNumber
        let inner_alg = t.read(tag::SEQUENCE)?;
        if inner_alg != outer_alg {
            return Err(Fail::Der(DerError)); // RFC 5280 §4.1.1.2: the two must match
        }
        let issuer = t.read_raw(tag::SEQUENCE)?;
        let mut validity = t.sequence()?;
        let (nb_tag, nb, _) = validity.read_any()?;
        let (na_tag, na, _) = validity.read_any()?;
        validity.finish()?;
        let not_before = der::parse_time(nb_tag, nb)?;
        let not_after = der::parse_time(na_tag, na)?;
        let subject = t.read_raw(tag::SEQUENCE)?;
        let key = parse_spki(t.read(tag::SEQUENCE)?)?;
        t.read_optional(tag::context_primitive(1))?; // issuerUniqueID
        t.read_optional(tag::context_primitive(2))?; // subjectUniqueID

        let mut cert = Cert {
            tbs,
            sig_alg: parse_sig_alg(outer_alg)?,
            signature,
            issuer,
            subject,
            not_before,
            not_after,
            key,
            basic_constraints: None,
            key_usage: None,
            ext_key_usage: None,
            subject_alt_name: None,
            name_constraints: None,
            unknown_critical: false,
        };
        if let Some(exts) = t.read_optional(tag::context_constructed(3))? {
            let mut outer = Reader::new(exts);
            let mut exts = outer.sequence()?;
            outer.finish()?;
            while !exts.is_empty() {
                cert.parse_extension(exts.sequence()?)?;
            }
        }
        t.finish()?;
        Ok(cert)
    }

    fn parse_extension(&mut self, mut ext: Reader<'a>) -> Result<(), Fail> {
        let id = ext.read(tag::OID)?;
        let critical = if ext.peek_tag() == Some(tag::BOOLEAN) {
            ext.boolean()?
        } else {
            false
        };
        let value = ext.read(tag::OCTET_STRING)?;
        ext.finish()?;
        let mut v = Reader::new(value);
        let duplicate = match id {
            oid::BASIC_CONSTRAINTS => {
                let mut bc = v.sequence()?;
                let ca = if bc.peek_tag() == Some(tag::BOOLEAN) {
                    bc.boolean()?
                } else {
                    false
                };
                let path_len = if bc.is_empty() {
                    None
                } else {
                    Some(bc.small_unsigned()?)
                };
                bc.finish()?;
                self.basic_constraints.replace((ca, path_len)).is_some()
            }
            oid::KEY_USAGE => {
                let bits = v.read(tag::BIT_STRING)?;
                let (first, second) = match bits {
                    [unused, a] if *unused < 8 => (*a, 0),
                    [unused, a, b, ..] if *unused < 8 => (*a, *b),
                    _ => return Err(Fail::Der(DerError)),
                };
                self.key_usage
                    .replace(u16::from_be_bytes([first, second]))
                    .is_some()
            }
            oid::EXT_KEY_USAGE => self.ext_key_usage.replace(v.read(tag::SEQUENCE)?).is_some(),
            oid::SUBJECT_ALT_NAME => self
                .subject_alt_name
                .replace(v.read(tag::SEQUENCE)?)
                .is_some(),
            oid::NAME_CONSTRAINTS => {
                let nc = v.read(tag::SEQUENCE)?;
                // RFC 5280 §4.2.1.10: at least one of the two, and neither an empty list.
                let mut r = Reader::new(nc);
                r.read_optional(tag::context_constructed(0))?
                    .map_or(Ok(()), non_empty)?;
                r.read_optional(tag::context_constructed(1))?
                    .map_or(Ok(()), non_empty)?;
                r.finish()?;
                non_empty(nc)?;
                self.name_constraints.replace(nc).is_some()
            }
            _ => {
                // An extension we do not need; remembered if it is critical.
                self.unknown_critical |= critical;
                return Ok(());
            }
        };
        if duplicate {
            return Err(Fail::Der(DerError)); // RFC 5280 §4.2: at most one instance
        }
        v.finish()?;
        Ok(())
    }

    /// Whether subject and issuer are the same name (RFC 5280 "self-issued").
    pub fn is_self_issued(&self) -> bool {
        self.subject == self.issuer
    }
}

enum Fail {
    Der(DerError),
    Cert(CertError),
}

fn non_empty(value: &[u8]) -> Result<(), DerError> {
    if value.is_empty() {
        Err(DerError)
    } else {
        Ok(())
    }
}

impl From<DerError> for Fail {
    fn from(e: DerError) -> Self {
        Fail::Der(e)
    }
}

fn parse_sig_alg(alg: &[u8]) -> Result<SigAlg, DerError> {
    let mut r = Reader::new(alg);
    let id = r.read(tag::OID)?;
    // ECDSA identifiers carry no parameters (RFC 5758 §3.2); others are not checked further.
    Ok(match id {
        oid::ECDSA_SHA256 if r.is_empty() => SigAlg::EcdsaSha256,
        oid::ECDSA_SHA384 if r.is_empty() => SigAlg::EcdsaSha384,
        oid::ECDSA_SHA256 | oid::ECDSA_SHA384 => return Err(DerError),
        _ => SigAlg::Unsupported,
    })
}

fn parse_spki(spki: &[u8]) -> Result<PublicKey<'_>, DerError> {
    let mut r = Reader::new(spki);
    let mut alg = r.sequence()?;
    let point = r.bit_string_octets()?;
    r.finish()?;
    let id = alg.read(tag::OID)?;
    let kind = if id == oid::EC_PUBLIC_KEY {
        match alg.read(tag::OID)? {
            oid::P256 => KeyKind::P256,
            oid::P384 => KeyKind::P384,
            _ => KeyKind::Unsupported,
        }
    } else {
        KeyKind::Unsupported
    };
    Ok(PublicKey { kind, point })
}
