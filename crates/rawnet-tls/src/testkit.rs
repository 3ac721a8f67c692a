//! Test-only PKI built with rcgen at test time: nothing secret is committed.

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose, SignatureAlgorithm, PKCS_ECDSA_P256_SHA256,
};

/// 2030-01-01T00:00:00Z: "now" for every verifier test.
pub const NOW: u64 = 1_893_456_000;

/// A CA that can issue certificates.
pub type Ca = CertifiedIssuer<'static, KeyPair>;

/// Parameters for a CA named `name` with an optional path length constraint.
pub fn ca_params(name: &str, path_len: Option<u8>) -> CertificateParams {
    let mut p = CertificateParams::default();
    p.distinguished_name = rcgen::DistinguishedName::new();
    p.distinguished_name.push(DnType::CommonName, name);
    p.distinguished_name
        .push(DnType::OrganizationName, "rawnet test");
    p.is_ca = IsCa::Ca(match path_len {
        Some(n) => BasicConstraints::Constrained(n),
        None => BasicConstraints::Unconstrained,
    });
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p.not_before = rcgen::date_time_ymd(2020, 1, 1);
    p.not_after = rcgen::date_time_ymd(2040, 1, 1);
    p
}

/// A self-signed root CA.
pub fn root(name: &str) -> Ca {
    root_with(ca_params(name, None), &PKCS_ECDSA_P256_SHA256)
}

/// A self-signed root from explicit parameters and key algorithm.
pub fn root_with(params: CertificateParams, alg: &'static SignatureAlgorithm) -> Ca {
    CertifiedIssuer::self_signed(params, KeyPair::generate_for(alg).unwrap()).unwrap()
}

/// An intermediate CA issued by `parent`.
pub fn intermediate(name: &str, path_len: Option<u8>, parent: &Ca) -> Ca {
    issued_ca(ca_params(name, path_len), parent)
}

/// A CA from explicit parameters, issued by `parent`.
pub fn issued_ca(params: CertificateParams, parent: &Ca) -> Ca {
    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    CertifiedIssuer::signed_by(params, key, parent).unwrap()
}

/// Server (leaf) parameters for the given SAN names (DNS names or IP literals).
pub fn leaf_params(names: &[&str]) -> CertificateParams {
    let mut p =
        CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    p.distinguished_name = rcgen::DistinguishedName::new();
    p.distinguished_name.push(DnType::CommonName, "server");
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    p.not_before = rcgen::date_time_ymd(2025, 1, 1);
    p.not_after = rcgen::date_time_ymd(2035, 1, 1);
    p
}

/// A leaf certificate (DER) and its key, issued by `issuer`.
pub fn leaf_with(params: CertificateParams, issuer: &Ca) -> (Vec<u8>, KeyPair) {
    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let cert = params.signed_by(&key, issuer).unwrap();
    (cert.der().to_vec(), key)
}

/// A leaf for `names` issued by `issuer`.
pub fn leaf(names: &[&str], issuer: &Ca) -> (Vec<u8>, KeyPair) {
    leaf_with(leaf_params(names), issuer)
}
