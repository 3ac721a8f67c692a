//! Path search, name constraints and the checks added for the x509-limbo suite, against
//! chains built by rcgen.

use super::*;
use crate::testkit::{self, Ca, NOW};
use rcgen::{
    CertificateParams, CertifiedIssuer, CustomExtension, ExtendedKeyUsagePurpose, GeneralSubtree,
    KeyPair, KeyUsagePurpose, NameConstraints, PKCS_ECDSA_P256_SHA256,
};

const HOST: &str = "broker.example";

fn check(chain: &[&[u8]], anchors: &[&[u8]], host: &str) -> Result<(), CertError> {
    let name = ServerName::parse(host).unwrap();
    verify_server_chain(chain, anchors, &name, Time::Now(NOW)).map(|_| ())
}

fn constrained(
    name: &str,
    permitted: Vec<GeneralSubtree>,
    excluded: Vec<GeneralSubtree>,
) -> CertificateParams {
    let mut p = testkit::ca_params(name, None);
    p.name_constraints = Some(NameConstraints {
        permitted_subtrees: permitted,
        excluded_subtrees: excluded,
    });
    p
}

fn dns(s: &str) -> GeneralSubtree {
    GeneralSubtree::DnsName(s.into())
}

#[test]
fn intermediate_eku_without_server_auth_cannot_issue_a_server_certificate() {
    let root = testkit::root("Root A");
    let mut p = testkit::ca_params("Client CA", None);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let int = testkit::issued_ca(p, &root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(
        check(&[&leaf, int.der()], &[root.der()], HOST),
        Err(CertError::BadExtendedKeyUsage)
    );
}

#[test]
fn leaf_with_key_cert_sign_is_refused() {
    let root = testkit::root("Root A");
    let mut p = testkit::leaf_params(&[HOST]);
    p.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyCertSign,
    ];
    let (leaf, _) = testkit::leaf_with(p, &root);
    assert_eq!(
        check(&[&leaf], &[root.der()], HOST),
        Err(CertError::BadKeyUsage)
    );
}

#[test]
fn anchor_must_be_a_valid_ca_unless_it_is_the_pinned_leaf() {
    let mut p = testkit::ca_params("Old Root", None);
    p.not_after = rcgen::date_time_ymd(2029, 1, 1);
    let old = testkit::root_with(p, &PKCS_ECDSA_P256_SHA256);
    let (leaf, _) = testkit::leaf(&[HOST], &old);
    assert_eq!(check(&[&leaf], &[old.der()], HOST), Err(CertError::Expired));

    let mut p = testkit::ca_params("Not A CA", None);
    p.is_ca = rcgen::IsCa::ExplicitNoCa;
    p.key_usages.clear();
    let not_ca = testkit::root_with(p, &PKCS_ECDSA_P256_SHA256);
    let (leaf, _) = testkit::leaf(&[HOST], &not_ca);
    assert_eq!(
        check(&[&leaf], &[not_ca.der()], HOST),
        Err(CertError::IssuerNotCa)
    );

    // A self-signed server certificate pinned as the anchor.
    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let pinned = testkit::leaf_params(&[HOST]).self_signed(&key).unwrap();
    assert_eq!(check(&[pinned.der()], &[pinned.der()], HOST), Ok(()));
}

#[test]
fn unused_certificates_are_ignored_used_ones_are_checked() {
    let root = testkit::root("Root A");
    let int = testkit::intermediate("Intermediate A", None, &root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    let mut p = testkit::ca_params("Unrelated", None);
    let mut ext = CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 99999, 1], vec![5, 0]);
    ext.set_criticality(true);
    p.custom_extensions = vec![ext.clone()];
    let unrelated = testkit::issued_ca(p, &root);
    let chain = [&leaf[..], unrelated.der(), int.der()];
    assert_eq!(check(&chain, &[root.der()], HOST), Ok(()));

    let mut p = testkit::ca_params("Intermediate A", None);
    p.custom_extensions = vec![ext];
    let int = testkit::issued_ca(p, &root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(
        check(&[&leaf, int.der()], &[root.der()], HOST),
        Err(CertError::UnknownCriticalExtension)
    );
}

/// The same intermediate (subject and key) cross-signed by an untrusted root and by the
/// trusted one: the first presented leads to a dead end, the search backs up and takes the
/// second.
#[test]
fn path_search_backtracks_to_the_cross_signed_issuer() {
    let trusted = testkit::root("Root A");
    let other = testkit::root("Root B");
    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let params = testkit::ca_params("Intermediate X", None);
    let via_other = params.signed_by(&key, &other).unwrap();
    let int = CertifiedIssuer::signed_by(params, key, &trusted).unwrap();
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    let chain = [&leaf[..], via_other.der(), other.der(), int.der()];
    assert_eq!(check(&chain, &[trusted.der()], HOST), Ok(()));
    // Without the good path the reason is the dead end's.
    assert_eq!(
        check(&chain[..3], &[trusted.der()], HOST),
        Err(CertError::UntrustedRoot)
    );
}

/// Many same-named intermediates with other keys: each is a candidate whose signature must
/// be checked, so the search stops at its signature budget.
#[test]
fn path_search_is_bounded() {
    let root = testkit::root("Root A");
    let int = testkit::intermediate("Intermediate A", None, &root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    let decoys: Vec<Ca> = (0..path::MAX_SIGNATURES + 1)
        .map(|_| testkit::intermediate("Intermediate A", None, &root))
        .collect();
    let mut chain = vec![&leaf[..]];
    chain.extend(decoys.iter().map(|d| &d.der()[..]));
    assert_eq!(
        check(&chain, &[root.der()], HOST),
        Err(CertError::PathSearchLimit)
    );
    chain.truncate(path::MAX_SIGNATURES as usize - 1);
    chain.push(int.der());
    assert_eq!(check(&chain, &[root.der()], HOST), Ok(()));

    // A path longer than the bound of intermediates.
    let mut cas = vec![root];
    for i in 0..=path::MAX_INTERMEDIATES {
        let next = testkit::intermediate(&format!("Intermediate {i}"), None, cas.last().unwrap());
        cas.push(next);
    }
    let (leaf, _) = testkit::leaf(&[HOST], cas.last().unwrap());
    let mut chain = vec![&leaf[..]];
    chain.extend(cas[1..].iter().rev().map(|c| &c.der()[..]));
    assert_eq!(
        check(&chain, &[cas[0].der()], HOST),
        Err(CertError::PathSearchLimit)
    );
    // Exactly the bound is fine.
    let (leaf, _) = testkit::leaf(&[HOST], &cas[path::MAX_INTERMEDIATES]);
    let mut chain = vec![&leaf[..]];
    chain.extend(
        cas[1..=path::MAX_INTERMEDIATES]
            .iter()
            .rev()
            .map(|c| &c.der()[..]),
    );
    assert_eq!(check(&chain, &[cas[0].der()], HOST), Ok(()));
}

#[test]
fn dns_name_constraints_permitted_and_excluded() {
    let root = testkit::root("Root A");
    type Case = (
        Vec<GeneralSubtree>,
        Vec<GeneralSubtree>,
        &'static [&'static str],
        bool,
    );
    let cases: [Case; 7] = [
        (vec![dns("example")], vec![], &[HOST], true),
        (
            vec![dns("broker.example")],
            vec![],
            &[HOST, "*.broker.example"],
            true,
        ),
        (vec![dns("other.example")], vec![], &[HOST], false),
        // Every name of the certificate is held to the constraints, not only the server's.
        (vec![dns("example")], vec![], &[HOST, "host.test"], false),
        (vec![], vec![dns("broker.example")], &[HOST], false),
        (
            vec![],
            vec![dns("mqtt.example")],
            &[HOST, "*.example"],
            false,
        ),
        (
            vec![],
            vec![dns("a.mqtt.example")],
            &[HOST, "*.example"],
            true,
        ),
    ];
    for (permitted, excluded, names, ok) in cases {
        let what = format!("{permitted:?} {excluded:?} {names:?}");
        let int = testkit::issued_ca(constrained("Constrained", permitted, excluded), &root);
        let (leaf, _) = testkit::leaf(names, &int);
        let expected = if ok {
            Ok(())
        } else {
            Err(CertError::NameConstraintViolation)
        };
        assert_eq!(
            check(&[&leaf, int.der()], &[root.der()], HOST),
            expected,
            "{what}"
        );
    }
}

#[test]
fn ip_name_constraints() {
    let root = testkit::root("Root A");
    let net = |a: [u8; 4], m: [u8; 4]| GeneralSubtree::IpAddress(rcgen::CidrSubnet::V4(a, m));
    let int = testkit::issued_ca(
        constrained(
            "Constrained",
            vec![net([10, 0, 0, 0], [255, 0, 0, 0])],
            vec![net([10, 9, 0, 0], [255, 255, 0, 0])],
        ),
        &root,
    );
    for (ip, expected) in [
        ("10.1.2.3", Ok(())),
        ("10.9.2.3", Err(CertError::NameConstraintViolation)),
        ("192.168.1.1", Err(CertError::NameConstraintViolation)),
        // An IPv6 address is outside IPv4-only permitted subtrees.
        ("::1", Err(CertError::NameConstraintViolation)),
    ] {
        let (leaf, _) = testkit::leaf(&[ip], &int);
        assert_eq!(
            check(&[&leaf, int.der()], &[root.der()], ip),
            expected,
            "{ip}"
        );
    }
}

/// A non-critical nameConstraints extension binds as much as a critical one, and the
/// anchor's own constraints apply.
#[test]
fn non_critical_and_anchor_name_constraints_apply() {
    // NameConstraints { permittedSubtrees [0] { GeneralSubtree { dNSName "other.example" } } }
    let mut value = vec![0x30, 19, 0xa0, 17, 0x30, 15, 0x82, 13];
    value.extend_from_slice(b"other.example");
    let mut p = testkit::ca_params("Root NC", None);
    p.custom_extensions = vec![CustomExtension::from_oid_content(&[2, 5, 29, 30], value)];
    let root = testkit::root_with(p, &PKCS_ECDSA_P256_SHA256);
    let (leaf, _) = testkit::leaf(&[HOST], &root);
    assert_eq!(
        check(&[&leaf], &[root.der()], HOST),
        Err(CertError::NameConstraintViolation)
    );
    let (leaf, _) = testkit::leaf(&["other.example"], &root);
    assert_eq!(check(&[&leaf], &[root.der()], "other.example"), Ok(()));
}

#[test]
fn unsupported_name_constraint_forms_are_refused_by_name() {
    let root = testkit::root("Root A");
    let mut dn = rcgen::DistinguishedName::new();
    dn.push(rcgen::DnType::CommonName, "server");
    let int = testkit::issued_ca(
        constrained(
            "Constrained",
            vec![GeneralSubtree::DirectoryName(dn)],
            vec![],
        ),
        &root,
    );
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(
        check(&[&leaf, int.der()], &[root.der()], HOST),
        Err(CertError::UnsupportedNameConstraint)
    );
    // An rfc822Name constraint restricts nothing when the certificate has no e-mail name.
    let int = testkit::issued_ca(
        constrained(
            "Constrained",
            vec![],
            vec![GeneralSubtree::Rfc822Name("a@b.example".into())],
        ),
        &root,
    );
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(check(&[&leaf, int.der()], &[root.der()], HOST), Ok(()));
}
