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

/// An `openssl s_server` on 127.0.0.1 with an ephemeral port, killed on drop.
pub struct Server {
    child: std::process::Child,
    pub port: u16,
    dir: std::path::PathBuf,
    lines: std::sync::mpsc::Receiver<String>,
}

/// A fresh directory for one test's PEM files.
pub fn temp_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "rawnet-tls-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Server {
    /// Start `openssl s_server` serving `chain_pem` (leaf first, then intermediates) with
    /// `key_pem`, plus `args`, for one connection; wait until it accepts.
    pub fn start(chain_pem: &str, key_pem: &str, args: &[&str], files: &[(&str, &str)]) -> Server {
        let mut all = vec![
            "-cert",
            "chain.pem",
            "-cert_chain",
            "chain.pem",
            "-key",
            "key.pem",
        ];
        all.extend_from_slice(args);
        let mut all_files = vec![("chain.pem", chain_pem), ("key.pem", key_pem)];
        all_files.extend_from_slice(files);
        Server::spawn(&all, &all_files)
    }

    /// Start `openssl s_server` with only `args` (no certificate unless `args` name one), for
    /// one connection; wait until it accepts. E.g. `-nocert -psk <hex> -psk_identity <id>`.
    pub fn start_without_cert(args: &[&str], files: &[(&str, &str)]) -> Server {
        Server::spawn(args, files)
    }

    fn spawn(args: &[&str], files: &[(&str, &str)]) -> Server {
        use std::io::BufRead;
        let dir = temp_dir();
        for (name, content) in files {
            std::fs::write(dir.join(name), content).unwrap();
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = std::process::Command::new("openssl")
            .arg("s_server")
            .arg("-accept")
            .arg(format!("127.0.0.1:{port}"))
            .args(["-naccept", "1"])
            .args(args)
            .current_dir(&dir)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("openssl s_server");
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let server = Server {
            child,
            port,
            dir,
            lines,
        };
        server.wait_for("ACCEPT");
        server
    }

    /// Wait (up to 10 s) for a line of s_server's output containing `text`.
    pub fn wait_for(&self, text: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return,
                Ok(_) => {}
                Err(_) => panic!("s_server never printed {text:?}"),
            }
        }
    }

    /// Type a line on s_server's stdin (data to send, or a command such as `k`).
    pub fn type_line(&mut self, line: &str) {
        use std::io::Write;
        // One write, so s_server reads the line whole (a lone "k\n" is a command).
        let stdin = self.child.stdin.as_mut().unwrap();
        stdin.write_all(format!("{line}\n").as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// The address to connect to.
    pub fn addr(&self) -> std::net::SocketAddr {
        ([127, 0, 0, 1], self.port).into()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Server {
    /// Kill s_server now (its sockets close without a TLS close_notify).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the scripted TLS 1.3 server ([`fake_server`]) does with the one connection it takes.
#[derive(Debug, Clone, Default)]
pub struct Script {
    /// The key mixed into its key schedule (`None`: no PSK, RFC 8446 §7.1 zeros).
    pub psk_key: Option<Vec<u8>>,
    /// Put pre_shared_key (selected_identity 0) into the ServerHello, whatever the key.
    pub claim_psk: bool,
    /// Extensions of its EncryptedExtensions, encoded (type, length, data).
    pub encrypted_extensions: Vec<u8>,
}

/// What the scripted server saw.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// The client's ALPN list (the extension's data, without its length), if it sent one.
    pub alpn: Option<Vec<u8>>,
    /// How the client answered our Finished.
    pub answer: ClientAnswer,
}

/// How the client answered the scripted server's Finished.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClientAnswer {
    /// It closed the connection without sending anything more.
    #[default]
    Closed,
    /// Its Finished, verified: the client accepted the handshake.
    Finished,
    /// A record that is not a valid Finished (an alert, or a bad MAC).
    Other,
}

/// An ALPN extension selecting `protocol` (for [`Script::encrypted_extensions`]).
pub fn alpn_extension(protocol: &[u8]) -> Vec<u8> {
    let mut list = vec![protocol.len() as u8];
    list.extend_from_slice(protocol);
    let mut data = (list.len() as u16).to_be_bytes().to_vec();
    data.extend_from_slice(&list);
    let mut ext = 16u16.to_be_bytes().to_vec();
    ext.extend_from_slice(&(data.len() as u16).to_be_bytes());
    ext.extend_from_slice(&data);
    ext
}

/// A scripted TLS 1.3 server on 127.0.0.1 for one connection: ECDHE on secp256r1,
/// TLS_AES_128_GCM_SHA256, and a handshake of ServerHello, EncryptedExtensions and Finished
/// only: it never sends Certificate or CertificateVerify (an anonymous server, as an active
/// attacker would run), and can claim a PSK it does not have (see [`Script`]). The key
/// schedule is written from RFC 8446 §7.1 with the hkdf, aes-gcm and p256 crates.
pub fn fake_server(
    script: Script,
) -> (
    std::net::SocketAddr,
    std::thread::JoinHandle<std::io::Result<Seen>>,
) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = std::thread::spawn(move || {
        let (mut s, _) = listener.accept()?;
        s.set_read_timeout(Some(std::time::Duration::from_secs(20)))?;
        fake_handshake(&mut s, &script)
    });
    (addr, handle)
}

fn read_record(s: &mut std::net::TcpStream) -> std::io::Result<(u8, Vec<u8>)> {
    use std::io::Read;
    let mut header = [0u8; 5];
    s.read_exact(&mut header)?;
    let mut body = vec![0u8; usize::from(u16::from_be_bytes([header[3], header[4]]))];
    s.read_exact(&mut body)?;
    Ok((header[0], body))
}

/// The extensions of a ClientHello handshake message, as (type, data).
fn client_hello_extensions(msg: &[u8]) -> Vec<(u16, &[u8])> {
    let bad = || panic!("malformed ClientHello");
    let mut p = 4 + 2 + 32; // header, legacy_version, random
    let sid = usize::from(msg[p]);
    p += 1 + sid;
    let suites = usize::from(u16::from_be_bytes([msg[p], msg[p + 1]]));
    p += 2 + suites;
    let comp = usize::from(msg[p]);
    p += 1 + comp;
    let end = p + 2 + usize::from(u16::from_be_bytes([msg[p], msg[p + 1]]));
    p += 2;
    if end != msg.len() {
        bad();
    }
    let mut out = Vec::new();
    while p < end {
        let t = u16::from_be_bytes([msg[p], msg[p + 1]]);
        let len = usize::from(u16::from_be_bytes([msg[p + 2], msg[p + 3]]));
        out.push((t, &msg[p + 4..p + 4 + len]));
        p += 4 + len;
    }
    out
}

fn handshake_message(kind: u8, body: &[u8]) -> Vec<u8> {
    let len = body.len() as u32;
    let mut m = vec![kind, (len >> 16) as u8, (len >> 8) as u8, len as u8];
    m.extend_from_slice(body);
    m
}

fn expand_label(secret: &[u8], label: &str, context: &[u8], len: usize) -> Vec<u8> {
    let full = format!("tls13 {label}");
    let mut info = (len as u16).to_be_bytes().to_vec();
    info.push(full.len() as u8);
    info.extend_from_slice(full.as_bytes());
    info.push(context.len() as u8);
    info.extend_from_slice(context);
    let mut out = vec![0u8; len];
    hkdf::Hkdf::<sha2::Sha256>::from_prk(secret)
        .unwrap()
        .expand(&info, &mut out)
        .unwrap();
    out
}

fn extract(salt: &[u8], ikm: &[u8]) -> Vec<u8> {
    hkdf::Hkdf::<sha2::Sha256>::extract(Some(salt), ikm)
        .0
        .to_vec()
}

fn fake_handshake(s: &mut std::net::TcpStream, script: &Script) -> std::io::Result<Seen> {
    use aes_gcm::aead::{AeadInPlace, KeyInit};
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    use sha2::{Digest, Sha256};
    use std::io::Write;

    let (kind, client_hello) = read_record(s)?;
    assert_eq!(kind, 22, "ClientHello record");
    let mut seen = Seen::default();
    let mut client_key = None;
    for (t, data) in client_hello_extensions(&client_hello) {
        match t {
            16 => seen.alpn = Some(data[2..].to_vec()),
            51 => {
                // client_shares: length, then (group, key length, key); we want secp256r1 (23).
                let mut p = 2;
                while p < data.len() {
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
    let secret = p256::ecdh::EphemeralSecret::random(&mut rand_core::OsRng);
    let shared = secret.diffie_hellman(&client_key);
    let server_point = secret.public_key().to_encoded_point(false);

    let mut ext = vec![0, 43, 0, 2, 3, 4]; // supported_versions: TLS 1.3
    ext.extend_from_slice(&[0, 51, 0, 69, 0, 23, 0, 65]); // key_share: secp256r1, 65 bytes
    ext.extend_from_slice(server_point.as_bytes());
    if script.claim_psk {
        ext.extend_from_slice(&[0, 41, 0, 2, 0, 0]); // pre_shared_key: identity 0
    }
    let mut body = vec![3, 3];
    body.extend_from_slice(&[0x42; 32]);
    body.push(0); // legacy_session_id_echo: embedded-tls sends an empty one
    body.extend_from_slice(&[0x13, 0x01, 0]);
    body.extend_from_slice(&(ext.len() as u16).to_be_bytes());
    body.extend_from_slice(&ext);
    let server_hello = handshake_message(2, &body);

    let zeros = [0u8; 32];
    let early = extract(&zeros, script.psk_key.as_deref().unwrap_or(&zeros));
    let derived = expand_label(&early, "derived", &Sha256::digest(b""), 32);
    let handshake_secret = extract(&derived, shared.raw_secret_bytes());
    let mut transcript = Sha256::new();
    transcript.update(&client_hello);
    transcript.update(&server_hello);
    let traffic = expand_label(
        &handshake_secret,
        "s hs traffic",
        &transcript.clone().finalize(),
        32,
    );
    let key = expand_label(&traffic, "key", &[], 16);
    let iv = expand_label(&traffic, "iv", &[], 12);
    let cipher = aes_gcm::Aes128Gcm::new_from_slice(&key).unwrap();
    let mut seq = 0u64;
    let mut seal = |msg: &[u8]| -> Vec<u8> {
        let mut inner = msg.to_vec();
        inner.push(22); // the real content type: handshake
        let len = (inner.len() + 16) as u16;
        let header = [23, 3, 3, (len >> 8) as u8, len as u8];
        let mut nonce = [0u8; 12];
        nonce.copy_from_slice(&iv);
        for (n, b) in nonce[4..].iter_mut().zip(seq.to_be_bytes()) {
            *n ^= b;
        }
        seq += 1;
        let tag = cipher
            .encrypt_in_place_detached((&nonce).into(), &header, &mut inner)
            .unwrap();
        let mut record = header.to_vec();
        record.extend_from_slice(&inner);
        record.extend_from_slice(&tag);
        record
    };

    let mut ee_body = (script.encrypted_extensions.len() as u16)
        .to_be_bytes()
        .to_vec();
    ee_body.extend_from_slice(&script.encrypted_extensions);
    let encrypted_extensions = handshake_message(8, &ee_body);
    transcript.update(&encrypted_extensions);
    let finished_key = expand_label(&traffic, "finished", &[], 32);
    // HKDF-Extract(salt, ikm) is HMAC(salt, ikm): the verify_data of RFC 8446 §4.4.4.
    let verify_data = extract(&finished_key, &transcript.clone().finalize());
    let finished = handshake_message(20, &verify_data);

    let mut out = vec![22, 3, 3];
    out.extend_from_slice(&(server_hello.len() as u16).to_be_bytes());
    out.extend_from_slice(&server_hello);
    out.extend_from_slice(&seal(&encrypted_extensions));
    out.extend_from_slice(&seal(&finished));
    s.write_all(&out)?;
    transcript.update(&finished);

    // The client's answer: its Finished under the client handshake keys if it accepted our
    // handshake, or an alert, or nothing at all (closed).
    let client_traffic = expand_label(
        &handshake_secret,
        "c hs traffic",
        &Sha256::new()
            .chain_update(&client_hello)
            .chain_update(&server_hello)
            .finalize(),
        32,
    );
    let expected = extract(
        &expand_label(&client_traffic, "finished", &[], 32),
        &transcript.finalize(),
    );
    let client_cipher =
        aes_gcm::Aes128Gcm::new_from_slice(&expand_label(&client_traffic, "key", &[], 16)).unwrap();
    let client_iv = expand_label(&client_traffic, "iv", &[], 12);
    loop {
        match read_record(s) {
            Ok((20, _)) => continue, // change_cipher_spec (middlebox compatibility)
            Ok((23, mut record)) if record.len() >= 16 => {
                let len = record.len() as u16;
                let header = [23, 3, 3, (len >> 8) as u8, len as u8];
                let tag = record.split_off(record.len() - 16);
                let nonce: [u8; 12] = client_iv.clone().try_into().unwrap();
                let opened = client_cipher.decrypt_in_place_detached(
                    (&nonce).into(),
                    &header,
                    &mut record,
                    tag.as_slice().into(),
                );
                let mut want = handshake_message(20, &expected);
                want.push(22);
                seen.answer = if opened.is_ok() && record == want {
                    ClientAnswer::Finished
                } else {
                    ClientAnswer::Other
                };
                break;
            }
            Ok(_) => {
                seen.answer = ClientAnswer::Other;
                break;
            }
            Err(_) => break,
        }
    }
    Ok(seen)
}
