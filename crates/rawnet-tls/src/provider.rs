//! The embedded-tls `CryptoProvider` of rawnet-tls: always returns a verifier (so
//! embedded-tls's silent "no verifier, no verification" path cannot be reached), reports the
//! exact rejection reason to the transport, and signs through the [`Signer`] trait.

use embedded_tls::{
    Aes128GcmSha256, Certificate, CertificateRef, CertificateVerifyRef, CryptoProvider,
    SignatureScheme, TlsError, TlsVerifier,
};
use rand_core::CryptoRngCore;
use sha2::{Digest, Sha256};

use crate::pipe::Shared;
use crate::verify::{self, CertError, LeafKey, ServerName, Time};

/// Signs the client's CertificateVerify (mutual TLS) with a P-256 key that may live outside
/// the MCU's memory (a secure element such as an ATECC608 or SE050).
pub trait Signer {
    /// Sign `message` with ECDSA P-256 over SHA-256 (the signer hashes). Write the signature
    /// as a DER `Ecdsa-Sig-Value` into `out` and return its length.
    fn sign_p256_sha256(&mut self, message: &[u8], out: &mut [u8; 72]) -> Result<usize, SignError>;
}

/// The signer failed (key missing, secure element not answering).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SignError;

/// No client key: for connections without a client certificate.
#[derive(Debug, Clone, Copy, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct NoSigner;

impl Signer for NoSigner {
    fn sign_p256_sha256(&mut self, _: &[u8], _: &mut [u8; 72]) -> Result<usize, SignError> {
        Err(SignError)
    }
}

/// A P-256 private key held in RAM (software signing, deterministic RFC 6979 nonces).
pub struct P256Signer(p256::ecdsa::SigningKey);

impl P256Signer {
    /// From the 32-byte big-endian private scalar.
    pub fn from_bytes(secret: &[u8; 32]) -> Option<Self> {
        p256::ecdsa::SigningKey::from_bytes(secret.into())
            .ok()
            .map(P256Signer)
    }
}

impl Signer for P256Signer {
    fn sign_p256_sha256(&mut self, message: &[u8], out: &mut [u8; 72]) -> Result<usize, SignError> {
        use p256::ecdsa::signature::hazmat::PrehashSigner;
        let digest = Sha256::digest(message);
        let sig: p256::ecdsa::Signature = self.0.sign_prehash(&digest).map_err(|_| SignError)?;
        let (r, s) = sig.split_bytes();
        Ok(encode_ecdsa_der(&r, &s, out))
    }
}

/// Encode two 32-byte scalars as `SEQUENCE { INTEGER r, INTEGER s }` (at most 72 bytes).
fn encode_ecdsa_der(r: &[u8], s: &[u8], out: &mut [u8; 72]) -> usize {
    fn int(x: &[u8], out: &mut [u8]) -> usize {
        let x = &x[x.iter().position(|&b| b != 0).unwrap_or(x.len() - 1)..];
        let pad = usize::from(x[0] & 0x80 != 0);
        out[0] = 0x02;
        out[1] = (x.len() + pad) as u8;
        out[2] = 0;
        out[2 + pad..2 + pad + x.len()].copy_from_slice(x);
        2 + pad + x.len()
    }
    let n = int(r, &mut out[2..]);
    let m = int(s, &mut out[2 + n..]);
    out[0] = 0x30;
    out[1] = (n + m) as u8;
    2 + n + m
}

/// A signature as embedded-tls wants it (`AsRef<[u8]>`).
pub struct SignatureBytes {
    buf: [u8; 72],
    len: usize,
}

impl AsRef<[u8]> for SignatureBytes {
    fn as_ref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

struct SignerAdapter<'s, S>(&'s mut S);

impl<S: Signer> signature::SignerMut<SignatureBytes> for SignerAdapter<'_, S> {
    fn try_sign(&mut self, msg: &[u8]) -> Result<SignatureBytes, signature::Error> {
        let mut buf = [0; 72];
        let len = self
            .0
            .sign_p256_sha256(msg, &mut buf)
            .map_err(|_| signature::Error::new())?;
        if len > buf.len() {
            return Err(signature::Error::new());
        }
        Ok(SignatureBytes { buf, len })
    }
}

/// Checks the server with [`verify::verify_server_chain`] and records the outcome in `shared`.
pub(crate) struct Verifier<'a> {
    shared: &'a Shared<'a>,
    anchors: Option<&'a [&'a [u8]]>,
    name: ServerName<'a>,
    time: Time,
    leaf: Option<(LeafKey, [u8; 32])>,
}

impl Verifier<'_> {
    fn reject(&self, e: CertError) -> TlsError {
        self.shared.cert_error.set(Some(e));
        TlsError::InvalidCertificate
    }
}

impl TlsVerifier<Aes128GcmSha256> for Verifier<'_> {
    fn set_hostname_verification(&mut self, _hostname: &str) -> Result<(), TlsError> {
        Ok(()) // the name comes from our own ClientConfig, IP addresses included
    }

    fn verify_certificate(
        &mut self,
        transcript: &Sha256,
        cert: CertificateRef,
    ) -> Result<(), TlsError> {
        let Some(anchors) = self.anchors else {
            return Ok(()); // dangerous_accept_any_server_insecure
        };
        let mut chain: heapless::Vec<&[u8], 16> = heapless::Vec::new();
        for entry in &cert.entries {
            match entry {
                embedded_tls::CertificateEntryRef::X509(der) => {
                    // Cannot overflow: embedded-tls holds at most 16 entries too.
                    let _ = chain.push(der);
                }
                embedded_tls::CertificateEntryRef::RawPublicKey(_) => {
                    return Err(self.reject(CertError::RawPublicKeyUnsupported))
                }
            }
        }
        match verify::verify_server_chain(&chain, anchors, &self.name, self.time) {
            Ok(key) => {
                self.leaf = Some((key, transcript.clone().finalize().into()));
                Ok(())
            }
            Err(e) => Err(self.reject(e)),
        }
    }

    fn verify_signature(&mut self, verify: CertificateVerifyRef) -> Result<(), TlsError> {
        if self.anchors.is_none() {
            self.shared.authenticated.set(true);
            return Ok(());
        }
        let Some((key, transcript)) = &self.leaf else {
            return Err(self.reject(CertError::NoCertificate));
        };
        match key.verify_handshake_signature(
            verify.signature_scheme.as_u16(),
            transcript,
            verify.signature,
        ) {
            Ok(()) => {
                self.shared.authenticated.set(true);
                Ok(())
            }
            Err(e) => Err(self.reject(e)),
        }
    }
}

/// What embedded-tls asks for: randomness, the verifier, the client identity.
pub(crate) struct Provider<'a, R, S> {
    rng: R,
    verifier: Verifier<'a>,
    signer: S,
    client_certificate: Option<&'a [u8]>,
}

impl<'a, R, S> Provider<'a, R, S> {
    pub(crate) fn new(
        shared: &'a Shared<'a>,
        config: &crate::ClientConfig<'a>,
        time: Time,
        rng: R,
        signer: S,
    ) -> Self {
        Provider {
            rng,
            verifier: Verifier {
                shared,
                anchors: config.verification.anchors,
                name: config.server_name,
                time,
                leaf: None,
            },
            signer,
            client_certificate: config.client_certificate,
        }
    }
}

impl<R: CryptoRngCore, S: Signer> CryptoProvider for Provider<'_, R, S> {
    type CipherSuite = Aes128GcmSha256;
    type Signature = SignatureBytes;

    fn rng(&mut self) -> impl CryptoRngCore {
        &mut self.rng
    }

    fn verifier(&mut self) -> Result<&mut impl TlsVerifier<Aes128GcmSha256>, TlsError> {
        Ok(&mut self.verifier)
    }

    fn signer(
        &mut self,
    ) -> Result<(impl signature::SignerMut<SignatureBytes>, SignatureScheme), TlsError> {
        Ok((
            SignerAdapter(&mut self.signer),
            SignatureScheme::EcdsaSecp256r1Sha256,
        ))
    }

    fn client_cert(&mut self) -> Option<Certificate<impl AsRef<[u8]>>> {
        self.client_certificate.map(Certificate::X509)
    }
}
