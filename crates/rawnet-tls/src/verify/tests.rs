//! The verifier against chains built by rcgen: each negative scenario asserts its reason.

use super::*;
use crate::testkit::{self, Ca, NOW};
use rcgen::{ExtendedKeyUsagePurpose, IsCa, PKCS_ED25519};

const HOST: &str = "broker.example";

fn name(s: &str) -> ServerName<'_> {
    ServerName::parse(s).unwrap()
}

fn check(chain: &[&[u8]], anchors: &[&Ca], host: &str) -> Result<(), CertError> {
    let anchors: Vec<&[u8]> = anchors.iter().map(|a| a.der().as_ref()).collect();
    verify_server_chain(chain, &anchors, &name(host), Time::Now(NOW)).map(|_| ())
}

#[test]
fn accepts_leaf_issued_by_root() {
    let root = testkit::root("Root A");
    let (leaf, _) = testkit::leaf(&[HOST], &root);
    assert_eq!(check(&[&leaf], &[&root], HOST), Ok(()));
}

#[test]
fn accepts_chain_with_intermediate_in_any_order_and_with_root_sent() {
    let root = testkit::root("Root A");
    let int = testkit::intermediate("Intermediate A", Some(0), &root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(check(&[&leaf, int.der()], &[&root], HOST), Ok(()));
    assert_eq!(
        check(&[&leaf, root.der(), int.der()], &[&root], HOST),
        Ok(())
    );
}

#[test]
fn accepts_ip_san_and_wildcard_and_case() {
    let root = testkit::root("Root A");
    let (leaf, _) = testkit::leaf(&["127.0.0.1", "::1", "*.Example.COM"], &root);
    assert_eq!(check(&[&leaf], &[&root], "127.0.0.1"), Ok(()));
    assert_eq!(check(&[&leaf], &[&root], "::1"), Ok(()));
    assert_eq!(check(&[&leaf], &[&root], "mqtt.example.com"), Ok(()));
    assert_eq!(
        check(&[&leaf], &[&root], "127.0.0.2"),
        Err(CertError::NameMismatch)
    );
    assert_eq!(
        check(&[&leaf], &[&root], "a.b.example.com"),
        Err(CertError::NameMismatch)
    );
    assert_eq!(
        check(&[&leaf], &[&root], "example.com"),
        Err(CertError::NameMismatch)
    );
}

#[test]
fn ip_never_matches_a_dns_san() {
    let root = testkit::root("Root A");
    let (leaf, _) = testkit::leaf(&["localhost"], &root);
    assert_eq!(
        check(&[&leaf], &[&root], "127.0.0.1"),
        Err(CertError::NameMismatch)
    );
}

#[test]
fn common_name_is_never_matched() {
    let root = testkit::root("Root A");
    let mut p = testkit::leaf_params(&[]);
    p.distinguished_name.push(rcgen::DnType::CommonName, HOST);
    let (cn_only, _) = testkit::leaf_with(p, &root);
    assert_eq!(
        check(&[&cn_only], &[&root], HOST),
        Err(CertError::NameMismatch)
    );
    let mut p = testkit::leaf_params(&["other.example"]);
    p.distinguished_name.push(rcgen::DnType::CommonName, HOST);
    let (with_san, _) = testkit::leaf_with(p, &root);
    assert_eq!(
        check(&[&with_san], &[&root], HOST),
        Err(CertError::NameMismatch)
    );
}

// ---- the twelve negative scenarios of the issue ----

#[test]
fn rejects_untrusted_root() {
    let trusted = testkit::root("Root A");
    let other = testkit::root("Root B");
    let (leaf, _) = testkit::leaf(&[HOST], &other);
    assert_eq!(
        check(&[&leaf, other.der()], &[&trusted], HOST),
        Err(CertError::UntrustedRoot)
    );
}

#[test]
fn rejects_wrong_host_name() {
    let root = testkit::root("Root A");
    let (leaf, _) = testkit::leaf(&["other.example"], &root);
    assert_eq!(
        check(&[&leaf], &[&root], HOST),
        Err(CertError::NameMismatch)
    );
}

#[test]
fn rejects_expired_leaf_and_intermediate() {
    let root = testkit::root("Root A");
    let mut p = testkit::leaf_params(&[HOST]);
    p.not_after = rcgen::date_time_ymd(2029, 12, 31);
    let (leaf, _) = testkit::leaf_with(p, &root);
    assert_eq!(check(&[&leaf], &[&root], HOST), Err(CertError::Expired));

    let mut p = testkit::ca_params("Intermediate A", None);
    p.not_after = rcgen::date_time_ymd(2029, 1, 1);
    let int = testkit::issued_ca(p, &root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(
        check(&[&leaf, int.der()], &[&root], HOST),
        Err(CertError::Expired)
    );
}

#[test]
fn rejects_not_yet_valid_unless_only_a_lower_bound_is_known() {
    let root = testkit::root("Root A");
    let mut p = testkit::leaf_params(&[HOST]);
    p.not_before = rcgen::date_time_ymd(2031, 1, 1);
    let (leaf, _) = testkit::leaf_with(p, &root);
    assert_eq!(check(&[&leaf], &[&root], HOST), Err(CertError::NotYetValid));
    let anchors: [&[u8]; 1] = [root.der()];
    let lower_bound = Time::NoEarlierThan(NOW);
    assert!(verify_server_chain(&[&leaf], &anchors, &name(HOST), lower_bound).is_ok());
}

#[test]
fn rejects_self_signed_leaf() {
    let root = testkit::root("Root A");
    let mut p = testkit::leaf_params(&[HOST]);
    p.distinguished_name
        .push(rcgen::DnType::OrganizationName, "self");
    let key = rcgen::KeyPair::generate().unwrap();
    let leaf = p.self_signed(&key).unwrap();
    assert_eq!(
        check(&[leaf.der()], &[&root], HOST),
        Err(CertError::SelfSignedLeaf)
    );
}

#[test]
fn rejects_broken_signature() {
    let root = testkit::root("Root A");
    let (mut leaf, _) = testkit::leaf(&[HOST], &root);
    // The signature's last byte is the last byte of the certificate.
    *leaf.last_mut().unwrap() ^= 0x01;
    assert_eq!(
        check(&[&leaf], &[&root], HOST),
        Err(CertError::BadSignature)
    );
}

#[test]
fn rejects_intermediate_without_ca_rights() {
    let root = testkit::root("Root A");
    for is_ca in [IsCa::NoCa, IsCa::ExplicitNoCa] {
        let mut p = testkit::ca_params("Intermediate A", None);
        p.is_ca = is_ca;
        p.key_usages.clear();
        let int = testkit::issued_ca(p, &root);
        let (leaf, _) = testkit::leaf(&[HOST], &int);
        assert_eq!(
            check(&[&leaf, int.der()], &[&root], HOST),
            Err(CertError::IssuerNotCa)
        );
    }
}

#[test]
fn rejects_path_length_exceeded() {
    let root = testkit::root("Root A");
    let int1 = testkit::intermediate("Intermediate 1", Some(0), &root);
    let int2 = testkit::intermediate("Intermediate 2", None, &int1);
    let (leaf, _) = testkit::leaf(&[HOST], &int2);
    let chain = [&leaf[..], int2.der(), int1.der()];
    assert_eq!(
        check(&chain, &[&root], HOST),
        Err(CertError::PathLenExceeded)
    );
    // The anchor's own constraint counts too.
    let strict_root = testkit::root_with(
        testkit::ca_params("Root S", Some(0)),
        &rcgen::PKCS_ECDSA_P256_SHA256,
    );
    let int = testkit::intermediate("Intermediate S", None, &strict_root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(
        check(&[&leaf, int.der()], &[&strict_root], HOST),
        Err(CertError::PathLenExceeded)
    );
}

#[test]
fn rejects_wrong_extended_key_usage() {
    let root = testkit::root("Root A");
    let mut p = testkit::leaf_params(&[HOST]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let (leaf, _) = testkit::leaf_with(p, &root);
    assert_eq!(
        check(&[&leaf], &[&root], HOST),
        Err(CertError::BadExtendedKeyUsage)
    );
}

#[test]
fn rejects_truncated_chain() {
    let root = testkit::root("Root A");
    let int = testkit::intermediate("Intermediate A", None, &root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(
        check(&[&leaf], &[&root], HOST),
        Err(CertError::UnknownIssuer)
    );
}

#[test]
fn rejects_unsupported_signature_algorithm() {
    let root = testkit::root_with(testkit::ca_params("Root Ed", None), &PKCS_ED25519);
    let (leaf, _) = testkit::leaf(&[HOST], &root);
    assert_eq!(
        check(&[&leaf], &[&root], HOST),
        Err(CertError::UnsupportedSignatureAlgorithm)
    );
}

#[test]
fn rejects_garbage_certificate_bytes() {
    let root = testkit::root("Root A");
    let (leaf, _) = testkit::leaf(&[HOST], &root);
    let garbage = [0x30, 0x82, 0x01, 0x00, 0xde, 0xad, 0xbe, 0xef];
    assert_eq!(
        check(&[&garbage], &[&root], HOST),
        Err(CertError::Malformed)
    );
    // An extra certificate that is not used may be anything (RFC 8446 §4.4.2).
    assert_eq!(check(&[&leaf, &garbage], &[&root], HOST), Ok(()));
    assert_eq!(
        check(&[&leaf[..leaf.len() - 1]], &[&root], HOST),
        Err(CertError::Malformed)
    );
    assert_eq!(check(&[], &[&root], HOST), Err(CertError::NoCertificate));
}

// ---- further rejections ----

#[test]
fn rejects_leaf_key_usage_without_digital_signature() {
    let root = testkit::root("Root A");
    let mut p = testkit::leaf_params(&[HOST]);
    p.key_usages = vec![rcgen::KeyUsagePurpose::KeyEncipherment];
    let (leaf, _) = testkit::leaf_with(p, &root);
    assert_eq!(check(&[&leaf], &[&root], HOST), Err(CertError::BadKeyUsage));
}

#[test]
fn rejects_ca_without_key_cert_sign_and_ca_as_leaf() {
    let root = testkit::root("Root A");
    let mut p = testkit::ca_params("Intermediate A", None);
    p.key_usages = vec![rcgen::KeyUsagePurpose::DigitalSignature];
    let int = testkit::issued_ca(p, &root);
    let (leaf, _) = testkit::leaf(&[HOST], &int);
    assert_eq!(
        check(&[&leaf, int.der()], &[&root], HOST),
        Err(CertError::BadKeyUsage)
    );

    let mut p = testkit::leaf_params(&[HOST]);
    p.is_ca = IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let (ca_leaf, _) = testkit::leaf_with(p, &root);
    assert_eq!(
        check(&[&ca_leaf], &[&root], HOST),
        Err(CertError::CaUsedAsLeaf)
    );
}

#[test]
fn rejects_unknown_critical_extension() {
    let root = testkit::root("Root A");
    let mut p = testkit::leaf_params(&[HOST]);
    let mut ext =
        rcgen::CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 99999, 1], vec![5, 0]);
    ext.set_criticality(true);
    p.custom_extensions = vec![ext];
    let (leaf, _) = testkit::leaf_with(p, &root);
    assert_eq!(
        check(&[&leaf], &[&root], HOST),
        Err(CertError::UnknownCriticalExtension)
    );
}

#[test]
fn rejects_anchor_with_same_name_but_other_key() {
    let root = testkit::root("Root A");
    let impostor = testkit::root("Root A");
    let (leaf, _) = testkit::leaf(&[HOST], &impostor);
    assert_eq!(
        check(&[&leaf], &[&root], HOST),
        Err(CertError::BadSignature)
    );
}

#[test]
fn handshake_signature_checked_with_leaf_key() {
    use p256::ecdsa::signature::Signer;
    use p256::pkcs8::DecodePrivateKey;
    let root = testkit::root("Root A");
    let (leaf, key) = testkit::leaf(&[HOST], &root);
    let anchors: [&[u8]; 1] = [root.der()];
    let leaf_key = verify_server_chain(&[&leaf], &anchors, &name(HOST), Time::Now(NOW)).unwrap();
    let signing = p256::ecdsa::SigningKey::from_pkcs8_der(&key.serialize_der()).unwrap();
    let transcript = [7u8; 32];
    let mut msg = vec![0x20; 64];
    msg.extend_from_slice(b"TLS 1.3, server CertificateVerify\x00");
    msg.extend_from_slice(&transcript);
    let sig: p256::ecdsa::DerSignature = signing.sign(&msg);
    assert_eq!(
        leaf_key.verify_handshake_signature(0x0403, &transcript, sig.as_bytes()),
        Ok(())
    );
    assert_eq!(
        leaf_key.verify_handshake_signature(0x0403, &[8u8; 32], sig.as_bytes()),
        Err(CertError::BadHandshakeSignature)
    );
    assert_eq!(
        leaf_key.verify_handshake_signature(0x0804, &transcript, sig.as_bytes()),
        Err(CertError::UnsupportedHandshakeSignatureScheme)
    );
}

#[test]
fn server_name_syntax() {
    assert_eq!(
        ServerName::parse("a.example."),
        Some(ServerName::Dns("a.example"))
    );
    assert!(ServerName::parse("").is_none());
    assert!(ServerName::parse("bad name").is_none());
    assert!(ServerName::parse("-x.example").is_none());
    assert_eq!(ServerName::parse("10.0.0.1").unwrap().sni(), None);
}

/// rawnet's IP-literal parser accepts exactly what `core::net` accepts, with the same value.
#[test]
fn ip_literals_match_core_net() {
    use core::str::FromStr;
    use std::net::{Ipv4Addr, Ipv6Addr};
    let same = |s: &str| {
        assert_eq!(
            super::parse_ipv4(s.as_bytes()),
            Ipv4Addr::from_str(s).ok().map(|a| a.octets()),
            "IPv4 {s:?}"
        );
        assert_eq!(
            super::parse_ipv6(s.as_bytes()),
            Ipv6Addr::from_str(s).ok().map(|a| a.octets()),
            "IPv6 {s:?}"
        );
    };
    for s in [
        "",
        "0.0.0.0",
        "255.255.255.255",
        "256.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "01.2.3.4",
        "1.2.3.04",
        "1..2.3",
        "1.2.3.4.",
        ".1.2.3.4",
        "1.2.3.-4",
        "1.2.3.4 ",
        "+1.2.3.4",
        "::",
        "::1",
        "1::",
        "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1::2::3",
        ":::",
        ":1::2",
        "1::2:",
        "12345::",
        "fFfF::",
        "::ffff:1.2.3.4",
        "::1.2.3.4",
        "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4",
        "1:2:3:4:5::1.2.3.4",
        "1.2.3.4::",
        "::1.2.3.4:5",
        "fe80::1%eth0",
        "[::1]",
        "g::",
        "0:0:0:0:0:0:0:0",
        "::0000:1",
        "::00000:1",
        "1:2:3:4:5:6::7",
        "::1.2.3.256",
    ] {
        same(s);
    }
    // Deterministic pseudo-random strings over the literals' alphabet.
    let alphabet = b"0123456789aF:.:.:";
    let mut x: u32 = 0x1234_5678;
    for _ in 0..200_000 {
        let mut buf = [0u8; 24];
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let len = (x % 24) as usize;
        for b in &mut buf[..len] {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            *b = alphabet[(x % alphabet.len() as u32) as usize];
        }
        same(core::str::from_utf8(&buf[..len]).unwrap());
    }
}

/// The one-pass host-name check accepts exactly what the label-by-label definition accepts.
#[test]
fn dns_name_syntax_matches_label_definition() {
    fn reference(name: &str) -> bool {
        !name.is_empty()
            && name.len() <= 253
            && name.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
    }
    let long_label = "a".repeat(63);
    let too_long_label = "a".repeat(64);
    let long_name = ["abcdefghi"; 25].join(".");
    for s in [
        "",
        ".",
        "a",
        "a.",
        ".a",
        "a..b",
        "-a",
        "a-",
        "a-b",
        "a.-b",
        "a-.b",
        "a_b",
        "a b",
        "é.x",
        long_label.as_str(),
        too_long_label.as_str(),
        long_name.as_str(),
        "x.y.z-1.example",
    ] {
        assert_eq!(super::valid_dns_name(s.as_bytes()), reference(s), "{s:?}");
    }
    let alphabet = b"ab-_.9.-Z ";
    let mut x: u32 = 0x9e37_79b9;
    for _ in 0..200_000 {
        let mut buf = [0u8; 12];
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let len = (x % 12) as usize;
        for b in &mut buf[..len] {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            *b = alphabet[(x % alphabet.len() as u32) as usize];
        }
        let s = core::str::from_utf8(&buf[..len]).unwrap();
        assert_eq!(super::valid_dns_name(s.as_bytes()), reference(s), "{s:?}");
    }
}
