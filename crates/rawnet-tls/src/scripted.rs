//! A scripted TLS 1.3 server, sans-IO (feature `testkit`; test helper, not for firmware).
//!
//! What a test or a fuzz target needs on the other end of rawnet-tls and what a real server
//! will not do on request: authenticate with a certificate or not at all, claim a PSK it does
//! not have, put any value in any ServerHello field, and, once the handshake is done, send
//! records sealed under its real application traffic key (an encrypted alert, a KeyUpdate,
//! a CertificateRequest) or let the test inject plaintext records as someone on the path
//! would. Bytes go in with [`ScriptedServer::receive`] and come out of
//! [`ScriptedServer::take_output`]; nothing blocks, nothing reads a clock.
//!
//! One connection: ECDHE on secp256r1, TLS_AES_128_GCM_SHA256, ServerHello, EncryptedExtensions,
//! Certificate and CertificateVerify (ecdsa_secp256r1_sha256) when [`Script::certificate`] is
//! set, Finished; then the client's Finished is checked and application data flows both ways.
//! The key schedule is written from RFC 8446 §7.1 with the hkdf, aes-gcm and p256 crates.

use aes_gcm::aead::{AeadInPlace, KeyInit};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use rand_core::CryptoRngCore;
use sha2::{Digest, Sha256};

/// The ServerHello's fields; the default is what a correct server sends to rawnet-tls.
#[derive(Debug, Clone)]
pub struct HelloFields {
    /// legacy_version (0x0303).
    pub legacy_version: u16,
    /// legacy_session_id_echo (empty, as embedded-tls sends an empty session id).
    pub session_id: Vec<u8>,
    /// cipher_suite (0x1301).
    pub cipher_suite: u16,
    /// legacy_compression_method (0).
    pub compression: u8,
    /// The supported_versions value (0x0304); `None`: no such extension (a TLS 1.2 hello).
    pub supported_version: Option<u16>,
    /// The key_share group (23, secp256r1; the share itself is always a P-256 point).
    pub group: u16,
    /// More extensions, appended as (type, data).
    pub extra_extensions: Vec<(u16, Vec<u8>)>,
}

impl Default for HelloFields {
    fn default() -> Self {
        HelloFields {
            legacy_version: 0x0303,
            session_id: Vec::new(),
            cipher_suite: 0x1301,
            compression: 0,
            supported_version: Some(0x0304),
            group: 23,
            extra_extensions: Vec::new(),
        }
    }
}

/// What the scripted server does with its one connection.
#[derive(Debug, Clone, Default)]
pub struct Script {
    /// The key mixed into its key schedule (`None`: no PSK, RFC 8446 §7.1 zeros).
    pub psk_key: Option<Vec<u8>>,
    /// Put pre_shared_key (selected_identity 0) into the ServerHello, whatever the key.
    pub claim_psk: bool,
    /// Extensions of its EncryptedExtensions, encoded (type, length, data).
    pub encrypted_extensions: Vec<u8>,
    /// The chain (DER, leaf first) and the leaf's P-256 key: send Certificate and
    /// CertificateVerify. `None`: an anonymous server, as an active attacker would run.
    pub certificate: Option<(Vec<Vec<u8>>, p256::ecdsa::SigningKey)>,
    /// The ServerHello's fields.
    pub hello: HelloFields,
    /// Send a change_cipher_spec after the ServerHello (middlebox compatibility mode).
    pub change_cipher_spec: bool,
}

/// How the client answered the server's Finished.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClientAnswer {
    /// Nothing (yet): it closed or is still thinking.
    #[default]
    Closed,
    /// Its Finished, verified: the client accepted the handshake.
    Finished,
    /// A record that is not a valid Finished (an alert, or a bad MAC).
    Other,
}

/// One direction's traffic protection: key, IV, sequence number.
#[derive(Clone)]
struct Protection {
    cipher: aes_gcm::Aes128Gcm,
    iv: [u8; 12],
    seq: u64,
}

impl Protection {
    fn new(secret: &[u8]) -> Self {
        let key = expand_label(secret, "key", &[], 16);
        Protection {
            cipher: aes_gcm::Aes128Gcm::new_from_slice(&key).unwrap(),
            iv: expand_label(secret, "iv", &[], 12).try_into().unwrap(),
            seq: 0,
        }
    }

    fn nonce(&mut self) -> [u8; 12] {
        let mut nonce = self.iv;
        for (n, b) in nonce[4..].iter_mut().zip(self.seq.to_be_bytes()) {
            *n ^= b;
        }
        self.seq += 1;
        nonce
    }

    /// A record of `content` with inner content type `kind`.
    fn seal(&mut self, kind: u8, content: &[u8]) -> Vec<u8> {
        let mut inner = content.to_vec();
        inner.push(kind);
        let len = (inner.len() + 16) as u16;
        let header = [23, 3, 3, (len >> 8) as u8, len as u8];
        let nonce = self.nonce();
        let tag = self
            .cipher
            .encrypt_in_place_detached((&nonce).into(), &header, &mut inner)
            .unwrap();
        let mut record = header.to_vec();
        record.extend_from_slice(&inner);
        record.extend_from_slice(&tag);
        record
    }

    /// The inner content type and content of a protected record body, if it opens.
    fn open(&mut self, body: &[u8]) -> Option<(u8, Vec<u8>)> {
        let split = body.len().checked_sub(16)?;
        let header = [23, 3, 3, (body.len() >> 8) as u8, body.len() as u8];
        let mut inner = body[..split].to_vec();
        let nonce = self.nonce();
        self.cipher
            .decrypt_in_place_detached((&nonce).into(), &header, &mut inner, body[split..].into())
            .ok()?;
        let kind_at = inner.iter().rposition(|&b| b != 0)?;
        let kind = inner[kind_at];
        inner.truncate(kind_at);
        Some((kind, inner))
    }
}

#[derive(Clone)]
enum State {
    AwaitHello,
    /// Waiting for the client's Finished: its handshake protection, the Finished it must send,
    /// and the application secrets to switch to.
    AwaitFinished {
        client: Protection,
        expected: Vec<u8>,
        client_app: Vec<u8>,
    },
    Established {
        client: Protection,
    },
    Failed,
}

/// The server (see the module documentation). A clone is an independent copy of its whole
/// state (keys and sequence numbers included): a fuzz target makes one handshake and clones
/// the established server for each input.
#[derive(Clone)]
pub struct ScriptedServer {
    script: Script,
    /// The ephemeral ECDHE key, until the ClientHello uses it.
    secret: Option<p256::NonZeroScalar>,
    state: State,
    input: Vec<u8>,
    output: Vec<u8>,
    /// The server's application protection, once its Finished is sent.
    app: Option<Protection>,
    /// The client's ALPN list (the extension's data, without its length), if it sent one.
    pub alpn: Option<Vec<u8>>,
    /// How the client answered the server's Finished.
    pub answer: ClientAnswer,
    /// Application data the client sent, decrypted.
    pub app_data: Vec<u8>,
    /// Alerts the client sent (plaintext or protected): (level, description).
    pub client_alerts: Vec<(u8, u8)>,
}

impl ScriptedServer {
    /// A server that will follow `script`; `rng` draws its ephemeral key.
    pub fn new(script: Script, rng: &mut impl CryptoRngCore) -> Self {
        ScriptedServer {
            script,
            secret: Some(p256::NonZeroScalar::random(rng)),
            state: State::AwaitHello,
            input: Vec::new(),
            output: Vec::new(),
            app: None,
            alpn: None,
            answer: ClientAnswer::Closed,
            app_data: Vec::new(),
            client_alerts: Vec::new(),
        }
    }

    /// Whether the client's Finished arrived and verified.
    pub fn is_established(&self) -> bool {
        matches!(self.state, State::Established { .. })
    }

    /// Bytes from the client; whole records are processed, the rest waits.
    pub fn receive(&mut self, data: &[u8]) {
        self.input.extend_from_slice(data);
        while self.input.len() >= 5 {
            let len = usize::from(u16::from_be_bytes([self.input[3], self.input[4]]));
            if self.input.len() < 5 + len {
                break;
            }
            let record: Vec<u8> = self.input.drain(..5 + len).collect();
            self.record(record[0], &record[5..]);
        }
    }

    /// Bytes for the client.
    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.output)
    }

    /// Queue `bytes` for the client as they are (a record someone on the path injects).
    pub fn inject(&mut self, bytes: &[u8]) {
        self.output.extend_from_slice(bytes);
    }

    /// Queue a record sealed under the server's application traffic key: inner content type
    /// `kind` (23 data, 21 alert, 22 handshake) and `content`. Panics before the server's
    /// Finished was sent.
    pub fn send_sealed(&mut self, kind: u8, content: &[u8]) {
        let record = self
            .app
            .as_mut()
            .expect("handshake not done")
            .seal(kind, content);
        self.output.extend_from_slice(&record);
    }

    /// Queue application data (one record).
    pub fn send(&mut self, data: &[u8]) {
        self.send_sealed(23, data);
    }

    fn record(&mut self, kind: u8, body: &[u8]) {
        if kind == 20 {
            return; // change_cipher_spec: ignored, as RFC 8446 §5 says
        }
        if let (21, [level, desc]) = (kind, body) {
            self.client_alerts.push((*level, *desc));
            if matches!(self.state, State::AwaitFinished { .. }) {
                self.answer = ClientAnswer::Other;
            }
            return;
        }
        let state = std::mem::replace(&mut self.state, State::Failed);
        self.state = match (state, kind) {
            (State::AwaitHello, 22) => return self.client_hello(body),
            (
                State::AwaitFinished {
                    mut client,
                    expected,
                    client_app,
                },
                23,
            ) => {
                let opened = client.open(body);
                if opened
                    .as_ref()
                    .is_some_and(|(k, m)| *k == 22 && *m == expected)
                {
                    self.answer = ClientAnswer::Finished;
                    State::Established {
                        client: Protection::new(&client_app),
                    }
                } else {
                    if let Some((21, [level, desc])) = opened.as_ref().map(|(k, m)| (*k, &m[..])) {
                        self.client_alerts.push((*level, *desc));
                    }
                    self.answer = ClientAnswer::Other;
                    State::Failed
                }
            }
            (State::Established { mut client }, 23) => match client.open(body) {
                Some((23, data)) => {
                    self.app_data.extend_from_slice(&data);
                    State::Established { client }
                }
                Some((21, alert)) if alert.len() == 2 => {
                    self.client_alerts.push((alert[0], alert[1]));
                    State::Established { client }
                }
                _ => State::Failed,
            },
            _ => State::Failed,
        };
    }

    fn client_hello(&mut self, client_hello: &[u8]) {
        let mut client_key = None;
        for (t, data) in client_hello_extensions(client_hello) {
            match t {
                16 => self.alpn = Some(data[2..].to_vec()),
                51 => {
                    // client_shares: length, then (group, key length, key).
                    let mut p = 2;
                    while p + 4 <= data.len() {
                        let group = u16::from_be_bytes([data[p], data[p + 1]]);
                        let len = usize::from(u16::from_be_bytes([data[p + 2], data[p + 3]]));
                        if group == 23 {
                            client_key = Some(data[p + 4..p + 4 + len].to_vec());
                        }
                        p += 4 + len;
                    }
                }
                _ => {}
            }
        }
        let client_key = p256::PublicKey::from_sec1_bytes(&client_key.expect("P-256 key share"))
            .expect("client key share");
        let secret = self.secret.take().expect("one ClientHello");
        let shared = p256::ecdh::diffie_hellman(secret, client_key.as_affine());
        let server_hello = self.server_hello(&secret);

        let zeros = [0u8; 32];
        let early = extract(&zeros, self.script.psk_key.as_deref().unwrap_or(&zeros));
        let derived = expand_label(&early, "derived", &Sha256::digest(b""), 32);
        let handshake_secret = extract(&derived, shared.raw_secret_bytes());
        let mut transcript = Sha256::new();
        transcript.update(client_hello);
        transcript.update(&server_hello);
        let hello_hash = transcript.clone().finalize();
        let server_hs = expand_label(&handshake_secret, "s hs traffic", &hello_hash, 32);
        let client_hs = expand_label(&handshake_secret, "c hs traffic", &hello_hash, 32);
        let mut protect = Protection::new(&server_hs);

        self.output.extend(record(22, &server_hello));
        if self.script.change_cipher_spec {
            self.output.extend(record(20, &[1]));
        }
        let mut ee = (self.script.encrypted_extensions.len() as u16)
            .to_be_bytes()
            .to_vec();
        ee.extend_from_slice(&self.script.encrypted_extensions);
        let mut flight = vec![handshake_message(8, &ee)];
        if let Some((chain, key)) = &self.script.certificate {
            let mut list = Vec::new();
            for der in chain {
                list.extend_from_slice(&(der.len() as u32).to_be_bytes()[1..]);
                list.extend_from_slice(der);
                list.extend_from_slice(&[0, 0]);
            }
            let mut body = vec![0];
            body.extend_from_slice(&(list.len() as u32).to_be_bytes()[1..]);
            body.extend_from_slice(&list);
            flight.push(handshake_message(11, &body));
            for m in &flight {
                transcript.update(m);
            }
            let mut signed = vec![0x20; 64];
            signed.extend_from_slice(b"TLS 1.3, server CertificateVerify\0");
            signed.extend_from_slice(&transcript.clone().finalize());
            let sig: p256::ecdsa::Signature = signature::Signer::sign(key, &signed);
            let der = sig.to_der();
            let mut body = vec![4, 3];
            body.extend_from_slice(&(der.as_bytes().len() as u16).to_be_bytes());
            body.extend_from_slice(der.as_bytes());
            let cv = handshake_message(15, &body);
            transcript.update(&cv);
            flight.push(cv);
        } else {
            transcript.update(&flight[0]);
        }
        let finished_key = expand_label(&server_hs, "finished", &[], 32);
        // HKDF-Extract(salt, ikm) is HMAC(salt, ikm): the verify_data of RFC 8446 §4.4.4.
        let verify_data = extract(&finished_key, &transcript.clone().finalize());
        let finished = handshake_message(20, &verify_data);
        transcript.update(&finished);
        flight.push(finished);
        for m in &flight {
            let sealed = protect.seal(22, m);
            self.output.extend(sealed);
        }

        let through_finished = transcript.clone().finalize();
        let derived = expand_label(&handshake_secret, "derived", &Sha256::digest(b""), 32);
        let master = extract(&derived, &zeros);
        let server_app = expand_label(&master, "s ap traffic", &through_finished, 32);
        let client_app = expand_label(&master, "c ap traffic", &through_finished, 32);
        self.app = Some(Protection::new(&server_app));
        let expected = handshake_message(
            20,
            &extract(
                &expand_label(&client_hs, "finished", &[], 32),
                &through_finished,
            ),
        );
        self.state = State::AwaitFinished {
            client: Protection::new(&client_hs),
            expected,
            client_app,
        };
    }

    fn server_hello(&self, secret: &p256::NonZeroScalar) -> Vec<u8> {
        let h = &self.script.hello;
        let mut ext = Vec::new();
        if let Some(v) = h.supported_version {
            ext.extend_from_slice(&[0, 43, 0, 2]);
            ext.extend_from_slice(&v.to_be_bytes());
        }
        let point = p256::PublicKey::from_secret_scalar(secret).to_encoded_point(false);
        ext.extend_from_slice(&[0, 51, 0, 69]);
        ext.extend_from_slice(&h.group.to_be_bytes());
        ext.extend_from_slice(&[0, 65]);
        ext.extend_from_slice(point.as_bytes());
        if self.script.claim_psk {
            ext.extend_from_slice(&[0, 41, 0, 2, 0, 0]); // pre_shared_key: identity 0
        }
        for (t, d) in &h.extra_extensions {
            ext.extend_from_slice(&t.to_be_bytes());
            ext.extend_from_slice(&(d.len() as u16).to_be_bytes());
            ext.extend_from_slice(d);
        }
        let mut body = h.legacy_version.to_be_bytes().to_vec();
        body.extend_from_slice(&[0x42; 32]);
        body.push(h.session_id.len() as u8);
        body.extend_from_slice(&h.session_id);
        body.extend_from_slice(&h.cipher_suite.to_be_bytes());
        body.push(h.compression);
        body.extend_from_slice(&(ext.len() as u16).to_be_bytes());
        body.extend_from_slice(&ext);
        handshake_message(2, &body)
    }
}

/// A plaintext record.
pub fn record(kind: u8, body: &[u8]) -> Vec<u8> {
    let mut r = vec![kind, 3, 3];
    r.extend_from_slice(&(body.len() as u16).to_be_bytes());
    r.extend_from_slice(body);
    r
}

/// A handshake message: type, 24-bit length, body.
pub fn handshake_message(kind: u8, body: &[u8]) -> Vec<u8> {
    let mut m = vec![kind];
    m.extend_from_slice(&(body.len() as u32).to_be_bytes()[1..]);
    m.extend_from_slice(body);
    m
}

/// The extensions of a ClientHello handshake message, as (type, data).
fn client_hello_extensions(msg: &[u8]) -> Vec<(u16, &[u8])> {
    let mut p = 4 + 2 + 32; // header, legacy_version, random
    let sid = usize::from(msg[p]);
    p += 1 + sid;
    let suites = usize::from(u16::from_be_bytes([msg[p], msg[p + 1]]));
    p += 2 + suites;
    let comp = usize::from(msg[p]);
    p += 1 + comp;
    let end = p + 2 + usize::from(u16::from_be_bytes([msg[p], msg[p + 1]]));
    p += 2;
    assert_eq!(end, msg.len(), "malformed ClientHello");
    let mut out = Vec::new();
    while p < end {
        let t = u16::from_be_bytes([msg[p], msg[p + 1]]);
        let len = usize::from(u16::from_be_bytes([msg[p + 2], msg[p + 3]]));
        out.push((t, &msg[p + 4..p + 4 + len]));
        p += 4 + len;
    }
    out
}

fn expand_label(secret: &[u8], label: &str, context: &[u8], len: usize) -> Vec<u8> {
    let full = format!("tls13 {label}");
    let mut info = (len as u16).to_be_bytes().to_vec();
    info.push(full.len() as u8);
    info.extend_from_slice(full.as_bytes());
    info.push(context.len() as u8);
    info.extend_from_slice(context);
    let mut out = vec![0u8; len];
    hkdf::Hkdf::<Sha256>::from_prk(secret)
        .unwrap()
        .expand(&info, &mut out)
        .unwrap();
    out
}

fn extract(salt: &[u8], ikm: &[u8]) -> Vec<u8> {
    hkdf::Hkdf::<Sha256>::extract(Some(salt), ikm).0.to_vec()
}
