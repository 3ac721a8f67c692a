//! Names: the server name against the leaf's subjectAltName (RFC 6125), and a CA's
//! nameConstraints against the names of the certificates below it (RFC 5280 §4.2.1.10).
//!
//! Name constraints are processed for the two forms a TLS client meets: dNSName subtrees
//! (a constraint `example.com` covers `example.com` and every name ending in `.example.com`,
//! case-insensitively; the empty constraint covers every name) and iPAddress subtrees
//! (address and mask, IPv4 or IPv6, the mask a contiguous prefix). Permitted subtrees of a
//! form restrict every name of that form to at least one of them; excluded subtrees forbid
//! their names. A wildcard subjectAltName `*.s` is checked as the set of names it matches:
//! it is permitted when the whole set is, and excluded when any of it is (so an excluded
//! `host.s` also excludes `*.s`).
//!
//! Every other form (directoryName, rfc822Name, URI, otherName, ...) is refused by name
//! ([`CertError::UnsupportedNameConstraint`]) as soon as the certificate carries a name of
//! that form that the constraint would have to judge: a directoryName constraint against a
//! non-empty subject, any other form against a subjectAltName entry of the same form. A
//! constraint of a form the certificate has no name of restricts nothing, as RFC 5280 says.
//! A dNSName constraint that is not a host name (`.example.com`, with the leading period RFC
//! 5280 does not allow for DNS names) and an iPAddress constraint whose length or mask is
//! wrong are [`CertError::Malformed`].
//!
//! Work is bounded: each (name, subtree) comparison counts against a budget shared by the
//! whole path search, so a certificate with thousands of names under thousands of subtrees
//! ends in [`CertError::PathSearchLimit`] instead of spinning.

use core::net::IpAddr;

use super::{valid_dns_name, CertError, ServerName};
use crate::der::{tag, Reader};
use crate::x509::Cert;

const DNS: u8 = tag::context_primitive(2);
const IP: u8 = tag::context_primitive(7);
const DIRECTORY: u8 = tag::context_constructed(4);

/// The server name against the leaf's subjectAltName entries. There is no commonName
/// fallback: a leaf without subjectAltName matches no name (RFC 6125 §6.4.4 allows the
/// fallback, CA/Browser Forum certificates always carry a SAN, and the commonName escapes
/// the name constraints processed here).
pub(super) fn check_name(leaf: &Cert<'_>, name: &ServerName<'_>) -> Result<(), CertError> {
    let mut names = Reader::new(leaf.subject_alt_name.ok_or(CertError::NameMismatch)?);
    while !names.is_empty() {
        let (t, value, _) = names.read_any().map_err(|_| CertError::Malformed)?;
        let hit = match name {
            ServerName::Dns(dns) => t == DNS && dns_matches(value, dns.as_bytes()),
            ServerName::Ip(IpAddr::V4(ip)) => t == IP && value == ip.octets(),
            ServerName::Ip(IpAddr::V6(ip)) => t == IP && value == ip.octets(),
        };
        if hit {
            return Ok(());
        }
    }
    Err(CertError::NameMismatch)
}

/// RFC 6125 §6.4: case-insensitive, a wildcard only as the whole left-most label, matching
/// exactly one label, and never for a pattern with fewer than three labels (`*.com`).
fn dns_matches(pattern: &[u8], name: &[u8]) -> bool {
    let pattern = pattern.strip_suffix(b".").unwrap_or(pattern);
    if let Some(suffix) = pattern.strip_prefix(b"*.") {
        let labels = suffix.iter().filter(|&&b| b == b'.').count() + 1;
        let Some(dot) = name.iter().position(|&b| b == b'.') else {
            return false;
        };
        return labels >= 2 && dot > 0 && suffix.eq_ignore_ascii_case(&name[dot + 1..]);
    }
    pattern.eq_ignore_ascii_case(name)
}

/// Check `cert`'s names against the NameConstraints contents `nc` of a CA above it,
/// counting comparisons in `budget`.
pub(super) fn check_constraints(
    nc: &[u8],
    cert: &Cert<'_>,
    budget: &mut u32,
) -> Result<(), CertError> {
    let mut r = Reader::new(nc);
    let permitted = r
        .read_optional(tag::context_constructed(0))
        .map_err(|_| CertError::Malformed)?;
    let excluded = r
        .read_optional(tag::context_constructed(1))
        .map_err(|_| CertError::Malformed)?;
    // The subject as a directoryName: refused if any subtree would have to judge it.
    if cert.subject.len() > 2 {
        for subtrees in [permitted, excluded].into_iter().flatten() {
            if for_each_base(subtrees, |t, _| Ok(t != DIRECTORY))? {
                return Err(CertError::UnsupportedNameConstraint);
            }
        }
    }
    let mut names = Reader::new(cert.subject_alt_name.unwrap_or(&[]));
    while !names.is_empty() {
        let (form, name, _) = names.read_any().map_err(|_| CertError::Malformed)?;
        if let Some(subtrees) = excluded {
            if for_each_base(subtrees, |t, base| {
                Ok(t != form || !covers(t, base, name, true, budget)?)
            })? {
                return Err(CertError::NameConstraintViolation);
            }
        }
        if let Some(subtrees) = permitted {
            let mut of_form = false;
            let hit = for_each_base(subtrees, |t, base| {
                of_form |= t == form;
                Ok(t != form || !covers(t, base, name, false, budget)?)
            })?;
            if of_form && !hit {
                return Err(CertError::NameConstraintViolation);
            }
        }
    }
    Ok(())
}

/// Call `f(form, base)` for each GeneralSubtree until it returns `false`; whether it did.
/// A subtree with minimum or maximum (which RFC 5280 forbids) is malformed.
fn for_each_base(
    subtrees: &[u8],
    mut f: impl FnMut(u8, &[u8]) -> Result<bool, CertError>,
) -> Result<bool, CertError> {
    let mut r = Reader::new(subtrees);
    while !r.is_empty() {
        let parsed = r.sequence().and_then(|mut s| {
            let base = s.read_any()?;
            s.finish().map(|()| base)
        });
        let (form, base, _) = parsed.map_err(|_| CertError::Malformed)?;
        if !f(form, base)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether subtree `base` of `form` covers `name` (for an excluded subtree when `excluded`:
/// a wildcard name is covered when any name it matches is).
fn covers(
    form: u8,
    base: &[u8],
    name: &[u8],
    excluded: bool,
    budget: &mut u32,
) -> Result<bool, CertError> {
    *budget = budget.checked_sub(1).ok_or(CertError::PathSearchLimit)?;
    match form {
        DNS => {
            let plain = name.strip_prefix(b"*.").unwrap_or(name);
            if (!base.is_empty() && !valid_dns_name(base)) || !valid_dns_name(plain) {
                return Err(CertError::Malformed);
            }
            if excluded {
                // `*.s` matches `x.s` for one label x: excluded `x.s` excludes it.
                if let (Some(s), Some(dot)) = (
                    name.strip_prefix(b"*."),
                    base.iter().position(|&b| b == b'.'),
                ) {
                    if s.eq_ignore_ascii_case(&base[dot + 1..]) {
                        return Ok(true);
                    }
                }
            }
            Ok(in_dns_subtree(name, base))
        }
        IP => {
            let half = base.len() / 2;
            if !matches!(base.len(), 8 | 32) || !contiguous(&base[half..]) {
                return Err(CertError::Malformed);
            }
            Ok(name.len() == half
                && name
                    .iter()
                    .zip(base.iter().zip(&base[half..]))
                    .all(|(n, (b, m))| n & m == b & m))
        }
        _ => Err(CertError::UnsupportedNameConstraint),
    }
}

/// `name` is `base` or ends in `.base` (case-insensitively); every name is in the empty base.
fn in_dns_subtree(name: &[u8], base: &[u8]) -> bool {
    let name = name.strip_suffix(b".").unwrap_or(name);
    match name.len().checked_sub(base.len()) {
        Some(0) => name.eq_ignore_ascii_case(base),
        Some(at) => {
            base.is_empty() || (name[at - 1] == b'.' && name[at..].eq_ignore_ascii_case(base))
        }
        None => false,
    }
}

/// A mask of leading one bits followed only by zero bits.
fn contiguous(mask: &[u8]) -> bool {
    let mut zero_seen = false;
    mask.iter().all(|&m| {
        let ok = if zero_seen {
            m == 0
        } else {
            m.leading_ones() + m.trailing_zeros() >= 8
        };
        zero_seen |= m != 0xff;
        ok
    })
}
