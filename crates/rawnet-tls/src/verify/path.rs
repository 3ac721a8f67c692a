//! Path building: a depth-first search from the leaf up to a trust anchor that backtracks
//! when a candidate issuer leads nowhere, bounded in depth and work.
//!
//! At each certificate the candidates are tried in order: the trust anchors first, then the
//! other presented certificates (the first 63 after the leaf, each at most once per path).
//! A candidate is taken when its subject equals the certificate's issuer (byte-exact DER),
//! it passes the issuer checks (module documentation of [`crate::verify`]) and its key
//! verifies the signature; a trust anchor ends the search with success, an intermediate
//! becomes the next certificate to extend. When every candidate of a certificate has failed,
//! the search steps back and tries the next candidate one level down. Presented
//! certificates that do not parse (garbage, an unsupported version) are skipped like any
//! other candidate that does not fit: RFC 8446 §4.4.2 lets a client ignore the certificates
//! it does not use.
//!
//! The bounds, so that a hostile chain cannot make the device spin: at most
//! [`MAX_INTERMEDIATES`] intermediates in a path, at most [`MAX_SIGNATURES`] signature
//! verifications and [`MAX_NAME_COMPARISONS`] name-constraint comparisons for the whole
//! search; past a budget the search stops with [`CertError::PathSearchLimit`]. The state is
//! one small record per level (no certificate is copied; each is re-parsed in place when
//! needed), so the stack use does not depend on the input.
//!
//! When no path is found the error is the last reason a candidate was refused, or, when a
//! certificate had no candidate at all, what that says: [`CertError::SelfSignedLeaf`],
//! [`CertError::UntrustedRoot`] (a self-signed certificate that is not an anchor) or
//! [`CertError::UnknownIssuer`].

use super::{check_eku, check_signed_by, names, CertError, Time};
use crate::x509::{self, Cert};

/// The most intermediates between the leaf and the trust anchor.
pub const MAX_INTERMEDIATES: usize = 6;
/// The most certificate signatures one path search verifies (each is a P-256 ECDSA
/// verification: two P-256 scalar multiplications, the expensive step).
pub const MAX_SIGNATURES: u32 = 16;
/// The most (name, subtree) comparisons of name-constraint checking in one path search.
pub const MAX_NAME_COMPARISONS: u32 = 4096;

/// One level of the search: which presented certificate, the next candidate to try, the
/// non-self-issued intermediates from it down to the leaf, and whether any candidate's
/// subject matched its issuer.
#[derive(Clone, Copy)]
struct Level {
    node: u8,
    below: u8,
    matched: bool,
    next: u16,
}

/// Search a path from `chain[0]` (the leaf, already checked) to one of `anchors`.
pub(super) fn build(chain: &[&[u8]], anchors: &[&[u8]], time: Time) -> Result<(), CertError> {
    let presented = chain.len().min(64);
    let candidates = (anchors.len() + presented - 1).min(usize::from(u16::MAX));
    let mut path = [Level {
        node: 0,
        below: 0,
        matched: false,
        next: 0,
    }; MAX_INTERMEDIATES + 1];
    let mut depth = 0;
    let mut on_path: u64 = 1;
    let mut signatures = MAX_SIGNATURES;
    let mut comparisons = MAX_NAME_COMPARISONS;
    let mut err = CertError::UnknownIssuer;
    loop {
        let level = path[depth];
        let current = Cert::parse(chain[usize::from(level.node)])?;
        let j = usize::from(level.next);
        if j >= candidates {
            // Every candidate failed: step back.
            if !level.matched {
                err = if !current.is_self_issued() {
                    CertError::UnknownIssuer
                } else if depth == 0 {
                    CertError::SelfSignedLeaf
                } else {
                    CertError::UntrustedRoot
                };
            }
            if depth == 0 {
                return Err(err);
            }
            on_path &= !(1 << level.node);
            depth -= 1;
            continue;
        }
        path[depth].next += 1;
        let (der, node) = match j.checked_sub(anchors.len()) {
            None => (anchors[j], None),
            Some(k) if on_path & (1 << (k + 1)) == 0 => (chain[k + 1], Some(k + 1)),
            Some(_) => continue,
        };
        let Ok(issuer) = Cert::parse(der) else {
            continue;
        };
        if issuer.subject != current.issuer || (node.is_some() && issuer.tbs == current.tbs) {
            continue;
        }
        path[depth].matched = true;
        let pinned = node.is_none() && issuer.tbs == current.tbs;
        let checked = check_issuer(&issuer, pinned, level.below, time).and_then(|()| {
            signatures = signatures
                .checked_sub(1)
                .ok_or(CertError::PathSearchLimit)?;
            check_signed_by(&current, &issuer)?;
            // The issuer's name constraints apply to every certificate below it except
            // self-issued intermediates (RFC 5280 §6.1.3 (b), (c)).
            if let Some(nc) = issuer.name_constraints {
                for (d, below) in path[..=depth].iter().enumerate() {
                    let cert = Cert::parse(chain[usize::from(below.node)])?;
                    if d == 0 || !cert.is_self_issued() {
                        names::check_constraints(nc, &cert, &mut comparisons)?;
                    }
                }
            }
            Ok(())
        });
        match (checked, node) {
            (Err(CertError::PathSearchLimit), _) => return Err(CertError::PathSearchLimit),
            (Err(e), _) => err = e,
            (Ok(()), None) => return Ok(()),
            (Ok(()), Some(_)) if depth == MAX_INTERMEDIATES => err = CertError::PathSearchLimit,
            (Ok(()), Some(node)) => {
                on_path |= 1 << node;
                depth += 1;
                path[depth] = Level {
                    node: node as u8,
                    below: level.below + u8::from(!issuer.is_self_issued()),
                    matched: false,
                    next: 0,
                };
            }
        }
    }
}

/// What a certificate must be to issue the one below it (`below`: the non-self-issued
/// intermediates under it). `pinned`: the anchor is the leaf itself, which issues nothing.
fn check_issuer(issuer: &Cert<'_>, pinned: bool, below: u8, time: Time) -> Result<(), CertError> {
    if issuer.unknown_critical {
        return Err(CertError::UnknownCriticalExtension);
    }
    if !pinned {
        match issuer.basic_constraints {
            Some((true, max)) if max.is_some_and(|max| u32::from(below) > max) => {
                return Err(CertError::PathLenExceeded)
            }
            Some((true, _)) => {}
            _ => return Err(CertError::IssuerNotCa),
        }
        if issuer
            .key_usage
            .is_some_and(|ku| ku & x509::KU_KEY_CERT_SIGN == 0)
        {
            return Err(CertError::BadKeyUsage);
        }
    }
    check_eku(issuer)?;
    time.check(issuer)
}
