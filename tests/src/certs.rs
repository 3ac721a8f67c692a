//! A throwaway PKI generated at run time with rcgen (nothing secret is committed): a CA, a
//! broker certificate for the names asked for, and a client certificate for mutual TLS, all
//! ECDSA P-256. The PEM files land in a world-readable temporary folder, because Mosquitto
//! started as root drops privileges before it reads them.

use crate::mosquitto::TlsListener;
use crate::tmp::TempDir;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, PKCS_ECDSA_P256_SHA256,
};
use std::path::{Path, PathBuf};

/// The broker's name in every TLS test and the demo (sent as SNI, matched against the SAN).
pub const BROKER_NAME: &str = "broker.rawnet.test";

/// CA, broker and client certificates, and the folder holding their PEM files.
#[derive(Debug)]
pub struct Pki {
    dir: TempDir,
    /// The CA certificate (DER): the client's trust anchor, and Mosquitto's `cafile` for client
    /// certificates.
    pub ca_der: Vec<u8>,
    /// The broker's certificate (DER).
    pub server_der: Vec<u8>,
    /// The client's certificate (DER), issued by the same CA, for mutual TLS.
    pub client_der: Vec<u8>,
    /// The client's P-256 private scalar (big-endian), for `rawnet_tls::P256Signer`.
    pub client_secret: [u8; 32],
}

fn name(common_name: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    dn.push(DnType::OrganizationName, "rawnet test PKI");
    dn
}

fn key() -> Result<KeyPair, String> {
    KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(|e| e.to_string())
}

/// An end-entity certificate for `names` with the given extended key usage.
fn leaf_params(
    common_name: &str,
    names: &[&str],
    eku: ExtendedKeyUsagePurpose,
) -> Result<CertificateParams, String> {
    let sans = names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut p = CertificateParams::new(sans).map_err(|e| e.to_string())?;
    p.distinguished_name = name(common_name);
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.extended_key_usages = vec![eku];
    p.not_before = rcgen::date_time_ymd(2024, 1, 1);
    p.not_after = rcgen::date_time_ymd(2040, 1, 1);
    Ok(p)
}

impl Pki {
    /// A fresh CA, a broker certificate whose SAN lists `server_names` (DNS names or IP
    /// literals) and a client certificate, written as PEM files.
    pub fn generate(server_names: &[&str]) -> Result<Pki, String> {
        let e = |e: rcgen::Error| e.to_string();
        let mut ca = CertificateParams::default();
        ca.distinguished_name = name("rawnet test CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        ca.not_before = rcgen::date_time_ymd(2024, 1, 1);
        ca.not_after = rcgen::date_time_ymd(2040, 1, 1);
        let ca = CertifiedIssuer::self_signed(ca, key()?).map_err(e)?;

        let server_key = key()?;
        let server = leaf_params("broker", server_names, ExtendedKeyUsagePurpose::ServerAuth)?
            .signed_by(&server_key, &ca)
            .map_err(e)?;
        let client_key = key()?;
        let client = leaf_params("rawnet-client", &[], ExtendedKeyUsagePurpose::ClientAuth)?
            .signed_by(&client_key, &ca)
            .map_err(e)?;

        let dir = TempDir::new("rawnet-pki").map_err(|e| e.to_string())?;
        write_public(dir.path(), "ca.pem", &ca.pem())?;
        write_public(dir.path(), "server.pem", &server.pem())?;
        write_public(dir.path(), "server.key", &server_key.serialize_pem())?;
        // For a firmware built with mutual TLS (RAWNET_CLIENT_CERT, RAWNET_CLIENT_KEY).
        write_public(dir.path(), "client.pem", &client.pem())?;
        write_public(dir.path(), "client.key", &client_key.serialize_pem())?;
        Ok(Pki {
            dir,
            ca_der: ca.der().to_vec(),
            server_der: server.der().to_vec(),
            client_der: client.der().to_vec(),
            client_secret: p256_scalar(&client_key.serialize_der())
                .ok_or("no P-256 scalar in the client key")?,
        })
    }

    /// Mosquitto's TLS listener settings for this PKI.
    pub fn listener(&self, require_certificate: bool) -> TlsListener {
        TlsListener {
            cafile: self.path("ca.pem"),
            certfile: self.path("server.pem"),
            keyfile: self.path("server.key"),
            require_certificate,
        }
    }

    /// A file of this PKI's folder (`ca.pem`, `server.pem`, `server.key`, `client.pem`,
    /// `client.key`).
    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }
}

/// Write `text` readable by everyone (0644): Mosquitto drops root before reading it. The key
/// is a throwaway made for this run, in a folder removed on drop.
fn write_public(dir: &Path, file: &str, text: &str) -> Result<(), String> {
    let path = dir.join(file);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The private scalar of a P-256 key in PKCS#8 DER (rcgen's serialisation): inside the
/// RFC 5915 `ECPrivateKey`, `INTEGER 1` then `OCTET STRING (32 bytes)`.
fn p256_scalar(pkcs8: &[u8]) -> Option<[u8; 32]> {
    const MARK: [u8; 5] = [0x02, 0x01, 0x01, 0x04, 0x20];
    let at = pkcs8.windows(MARK.len()).position(|w| w == MARK)? + MARK.len();
    pkcs8.get(at..at + 32)?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated files exist, and the client scalar is a real key: rawnet-tls accepts it.
    #[test]
    fn generates_files_and_a_usable_client_key() {
        let pki = Pki::generate(&[BROKER_NAME]).unwrap();
        for f in ["ca.pem", "server.pem", "server.key"] {
            assert!(pki.path(f).exists(), "{f}");
        }
        assert!(rawnet_tls::P256Signer::from_bytes(&pki.client_secret).is_some());
        let anchors: [&[u8]; 1] = [&pki.ca_der];
        rawnet_tls::Verification::new(&anchors).unwrap();
    }
}
