//! TLS settings from the command line: trust anchors from `--cafile` / `--capath`, the
//! client certificate and key of `--cert` / `--key`, ALPN. The verification is rawnet-tls's
//! own, exactly as on a device: the chain to one of the anchors (RFC 5280), the name given
//! with `-h` against the certificate, the dates against the host's clock.

use std::path::Path;

use rawnet_tls::{P256Signer, SignError, Signer, Time};

use crate::args::TlsArgs;
use crate::exit::{Failure, USAGE};

/// What the TLS options load into (owned; the configuration borrows it).
pub struct Material {
    /// DER certificates to trust.
    pub anchors: Vec<Vec<u8>>,
    /// The client certificate (DER), with its key.
    pub client: Option<(Vec<u8>, [u8; 32])>,
    pub alpn: Vec<Vec<u8>>,
    pub insecure: bool,
}

/// What `--insecure` turns off, said every time it is used.
pub const INSECURE_WARNING: &str =
    "WARNING: --insecure: the broker's certificate is NOT verified at all \
(not its chain, not its name, not its dates): anyone on the path can read and change this session. \
mosquitto's --insecure skips only the name check; rawnet-tls has no half measure. Never use it \
outside a lab.";

fn read(path: &Path, what: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| {
        Failure::new(
            USAGE,
            format!("Error: cannot read the {what} {}: {e}.", path.display()),
        )
    })
}

/// The CERTIFICATE blocks of a PEM file, as DER.
fn certificates(path: &Path, what: &str) -> Result<Vec<Vec<u8>>, Failure> {
    let text = read(path, what)?;
    let blocks = pem::parse_many(&text).map_err(|e| {
        Failure::new(
            USAGE,
            format!("Error: the {what} {} is not PEM: {e}.", path.display()),
        )
    })?;
    Ok(blocks
        .into_iter()
        .filter(|b| b.tag() == "CERTIFICATE")
        .map(|b| b.into_contents())
        .collect())
}

/// The P-256 private scalar of a PEM key (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY").
fn private_key(path: &Path) -> Result<[u8; 32], Failure> {
    let text = read(path, "key file")?;
    let bad = |why: &str| {
        Failure::new(
            USAGE,
            format!(
                "Error: the key file {} {why} (rawnet-tls signs with ECDSA P-256 keys only).",
                path.display()
            ),
        )
    };
    let blocks = pem::parse_many(&text).map_err(|_| bad("is not PEM"))?;
    for b in blocks {
        let key = match b.tag() {
            "PRIVATE KEY" => {
                use p256::pkcs8::DecodePrivateKey;
                p256::SecretKey::from_pkcs8_der(b.contents())
                    .map_err(|_| bad("holds no P-256 key"))?
            }
            "EC PRIVATE KEY" => p256::SecretKey::from_sec1_der(b.contents())
                .map_err(|_| bad("holds no P-256 key"))?,
            _ => continue,
        };
        return Ok(key.to_bytes().into());
    }
    Err(bad("has no PRIVATE KEY or EC PRIVATE KEY block"))
}

impl Material {
    /// Load what `args` names.
    pub fn load(args: &TlsArgs) -> Result<Material, Failure> {
        let mut anchors = Vec::new();
        if let Some(f) = &args.cafile {
            let found = certificates(f, "CA file")?;
            if found.is_empty() {
                return Err(Failure::new(
                    USAGE,
                    format!("Error: the CA file {} holds no CERTIFICATE.", f.display()),
                ));
            }
            anchors.extend(found);
        }
        if let Some(dir) = &args.capath {
            let entries = std::fs::read_dir(dir).map_err(|e| {
                Failure::new(
                    USAGE,
                    format!(
                        "Error: cannot read the CA directory {}: {e}.",
                        dir.display()
                    ),
                )
            })?;
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths.iter().filter(|p| p.is_file()) {
                // Like OpenSSL's hashed directories: files that are not PEM are skipped.
                if let Ok(found) = certificates(p, "CA file") {
                    anchors.extend(found);
                }
            }
            if anchors.is_empty() {
                return Err(Failure::new(
                    USAGE,
                    format!(
                        "Error: the CA directory {} holds no PEM certificate.",
                        dir.display()
                    ),
                ));
            }
        }
        if anchors.is_empty() && !args.insecure {
            return Err(Failure::new(
                USAGE,
                "Error: TLS needs the broker's CA: --cafile or --capath (or --insecure, which verifies nothing).",
            ));
        }
        let client = match (&args.cert, &args.key) {
            (Some(cert), Some(key)) => {
                let mut certs = certificates(cert, "certificate file")?;
                if certs.is_empty() {
                    return Err(Failure::new(
                        USAGE,
                        format!(
                            "Error: the certificate file {} holds no CERTIFICATE.",
                            cert.display()
                        ),
                    ));
                }
                Some((certs.swap_remove(0), private_key(key)?))
            }
            _ => None,
        };
        Ok(Material {
            anchors,
            client,
            alpn: args.alpn.iter().map(|a| a.clone().into_bytes()).collect(),
            insecure: args.insecure,
        })
    }
}

/// The host's clock for certificate dates.
pub fn now() -> Time {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Time::Now(secs)
}

/// The client key, when there is one.
pub struct KeySigner(pub Option<P256Signer>);

impl Signer for KeySigner {
    fn sign_p256_sha256(&mut self, message: &[u8], out: &mut [u8; 72]) -> Result<usize, SignError> {
        match &mut self.0 {
            Some(s) => s.sign_p256_sha256(message, out),
            None => Err(SignError),
        }
    }
}
