//! One TLS 1.3 client handshake (ECDHE P-256, AES-128-GCM-SHA256, a leaf under a test CA,
//! P-256 ECDSA, the name checked) against `openssl s_server` on loopback: rawnet-tls beside
//! embedded-tls 0.19 alone with its own verifier (`bench-handshake`), in instructions per
//! handshake, split into
//! - key exchange: the ephemeral key pair and the shared secret (p256 through elliptic-curve),
//! - certificate verification: the chain and the CertificateVerify signature, with the
//!   hashing they do (each client's `TlsVerifier::verify_certificate` and `verify_signature`),
//! - symmetric: AES-GCM, SHA-256, HMAC and HKDF outside the verification (the record layer,
//!   the transcript, the key schedule),
//! - the rest: parsing, state machine, buffers, the io adapter.
//!
//! Each client runs five times under callgrind: the whole handshake, then each function of
//! the key exchange and of the verifier alone.

use super::Ctx;

/// The key exchange's functions.
const KEY_EXCHANGE: &[&str] = &[
    "elliptic_curve::ecdh::diffie_hellman*",
    "elliptic_curve::public_key::PublicKey<*>::from_secret_scalar*",
];

/// The verifier's entry points, each client's `TlsVerifier` implementation.
const VERIFICATION: &[&str] = &[
    "<* as embedded_tls::config::TlsVerifier<*>>::verify_certificate",
    "<* as embedded_tls::config::TlsVerifier<*>>::verify_signature",
];

/// Whether a function is symmetric cryptography or hashing.
fn symmetric(f: &str) -> bool {
    [
        "aes::",
        "aes_gcm::",
        "ghash::",
        "polyval::",
        "sha2::",
        "hmac::",
        "hkdf::",
        "digest::",
        "ctr::",
        "cipher::",
        "universal_hash::",
    ]
    .iter()
    .any(|c| f.contains(c))
}

struct Split {
    total: f64,
    kx: f64,
    verify: f64,
    symmetric: f64,
}

fn split(ctx: &Ctx, client: &str, n: usize) -> Result<Split, String> {
    let count = n.to_string();
    let args = [client, count.as_str()];
    let all = ctx.callgrind("bench-handshake", &args)?;
    let done: usize = all.results.get("handshakes")?;
    let mut kx = 0;
    for f in KEY_EXCHANGE {
        kx += counted(ctx, &args, f)?.total;
    }
    let (mut verify, mut verify_sym) = (0, 0);
    for f in VERIFICATION {
        let p = counted(ctx, &args, f)?;
        verify += p.total;
        verify_sym += p.exclusive_where(symmetric)?;
    }
    let sym = all.exclusive_where(symmetric)? - verify_sym;
    let per = |x: u64| x as f64 / done as f64;
    Ok(Split {
        total: per(all.total),
        kx: per(kx),
        verify: per(verify),
        symmetric: per(sym),
    })
}

/// A run counting inside `toggle` only, which must count something.
fn counted(ctx: &Ctx, args: &[&str], toggle: &str) -> Result<super::Profile, String> {
    let p = ctx.callgrind_in("bench-handshake", args, toggle)?;
    if p.total == 0 {
        return Err(format!(
            "nothing counted inside `{toggle}`: the function's name changed (xtask/src/bench/handshake.rs)"
        ));
    }
    Ok(p)
}

fn m(x: f64) -> String {
    format!("{:.2} M", x / 1e6)
}

pub fn table(ctx: &Ctx) -> Result<String, String> {
    let n = if ctx.smoke { 1 } else { 8 };
    let rawnet = split(ctx, "rawnet", n)?;
    let alone = split(ctx, "embedded-tls", n)?;
    let mut t = format!(
        "Instructions per handshake (mean of {n}, x86-64; `bench-handshake`):\n\n\
         | client | total | key exchange | certificate verification | symmetric (AES-GCM, SHA-256, HKDF) | rest |\n\
         |---|---:|---:|---:|---:|---:|\n"
    );
    for (name, s) in [
        (
            "rawnet-tls (embedded-tls inside, rawnet's verifier)",
            &rawnet,
        ),
        ("embedded-tls 0.19 alone (its rustpki verifier)", &alone),
    ] {
        t += &format!(
            "| {name} | {} | {} | {} | {} | {} |\n",
            m(s.total),
            m(s.kx),
            m(s.verify),
            m(s.symmetric),
            m(s.total - s.kx - s.verify - s.symmetric)
        );
    }
    let diff = rawnet.total / alone.total - 1.0;
    t += &format!(
        "\nrawnet-tls against embedded-tls alone: {:+.1} % ({} per handshake).",
        100.0 * diff,
        m(rawnet.total - alone.total)
    );
    if !ctx.smoke && rawnet.total > alone.total {
        eprintln!("bench handshake: over the target (no more than embedded-tls alone)");
    }
    Ok(t)
}
