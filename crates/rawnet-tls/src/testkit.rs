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

pub use crate::scripted::{ClientAnswer, Script};

/// What the scripted server saw.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// The client's ALPN list (the extension's data, without its length), if it sent one.
    pub alpn: Option<Vec<u8>>,
    /// How the client answered our Finished.
    pub answer: ClientAnswer,
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

/// The [`crate::scripted::ScriptedServer`] on 127.0.0.1 for one connection, over a real
/// TcpStream: it answers the ClientHello and reports how the client answered its Finished
/// (or that the client closed first).
pub fn fake_server(
    script: Script,
) -> (
    std::net::SocketAddr,
    std::thread::JoinHandle<std::io::Result<Seen>>,
) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = std::thread::spawn(move || {
        let (mut s, _) = listener.accept()?;
        s.set_read_timeout(Some(std::time::Duration::from_secs(20)))?;
        let mut server = crate::scripted::ScriptedServer::new(script, &mut rand_core::OsRng);
        let mut buf = [0u8; 4096];
        loop {
            let n = match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            server.receive(&buf[..n]);
            s.write_all(&server.take_output())?;
            if server.answer != ClientAnswer::Closed {
                break;
            }
        }
        Ok(Seen {
            alpn: server.alpn.clone(),
            answer: server.answer,
        })
    });
    (addr, handle)
}
