//! The application's build-time configuration: every setting comes from the environment or
//! from a `KEY=value` file named by `RAWNET_CONFIG` (the environment wins), never from an edit
//! to the code. A missing or wrong value fails the build with a message naming it. The
//! settings and their defaults are in README.md; the result is `$OUT_DIR/config.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Every setting: name, default (None: required), what it is.
const SETTINGS: &[(&str, Option<&str>, &str)] = &[
    (
        "RAWNET_BROKER",
        None,
        "the broker's DNS name or IPv4 address, e.g. broker.rawnet.test",
    ),
    ("RAWNET_BROKER_PORT", Some("8883"), "the broker's TLS port"),
    (
        "RAWNET_TLS_NAME",
        Some(""),
        "the name the broker's certificate must carry (default: RAWNET_BROKER)",
    ),
    (
        "RAWNET_CA",
        None,
        "a file with the CA certificate(s) the broker's chain must lead to (PEM or DER)",
    ),
    (
        "RAWNET_CLIENT_CERT",
        Some(""),
        "the device's certificate for mutual TLS (PEM or DER; with RAWNET_CLIENT_KEY)",
    ),
    (
        "RAWNET_CLIENT_KEY",
        Some(""),
        "the device's P-256 key for mutual TLS (PKCS#8 or SEC1, PEM or DER)",
    ),
    (
        "RAWNET_CLIENT_ID",
        Some("rawnet-device"),
        "the MQTT client identifier",
    ),
    (
        "RAWNET_TOPIC_PREFIX",
        Some("rawnet/device"),
        "topics are <prefix>/status, /command, /response, /online",
    ),
    (
        "RAWNET_PERIOD_MS",
        Some("5000"),
        "milliseconds between status messages",
    ),
    (
        "RAWNET_KEEP_ALIVE_S",
        Some("30"),
        "MQTT keep-alive in seconds",
    ),
    (
        "RAWNET_MAX_FRAGMENT",
        Some("1024"),
        "TLS record size asked of the broker: 512, 1024, 2048 or 4096",
    ),
    (
        "RAWNET_STATIC_IPV4",
        Some(""),
        "a static address a.b.c.d/len instead of DHCP",
    ),
    (
        "RAWNET_GATEWAY",
        Some(""),
        "with RAWNET_STATIC_IPV4: the default router",
    ),
    (
        "RAWNET_DNS_SERVER",
        Some(""),
        "with RAWNET_STATIC_IPV4: the DNS server",
    ),
    (
        "RAWNET_STOP_AFTER",
        Some(""),
        "stop after this many acknowledged status messages (demos, tests)",
    ),
];

fn main() {
    if let Err(e) = build() {
        eprintln!("\nrawnet-app configuration error: {e}\n");
        eprintln!("Settings (environment, or KEY=value lines in the file named by RAWNET_CONFIG):");
        for (name, default, what) in SETTINGS {
            let d = match default {
                None => "required".to_string(),
                Some("") => "optional".to_string(),
                Some(d) => format!("default {d}"),
            };
            eprintln!("  {name:<22} {what} ({d})");
        }
        std::process::exit(1);
    }
}

fn build() -> Result<(), String> {
    println!("cargo:rerun-if-env-changed=RAWNET_CONFIG");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    if let Some(file) = std::env::var_os("RAWNET_CONFIG") {
        let file = PathBuf::from(file);
        println!("cargo:rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("RAWNET_CONFIG={}: {e}", file.display()))?;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line
                .split_once('=')
                .ok_or_else(|| format!("{}:{}: not a KEY=value line", file.display(), n + 1))?;
            let k = k.trim();
            if !SETTINGS.iter().any(|(name, ..)| *name == k) {
                return Err(format!("{}:{}: unknown setting {k}", file.display(), n + 1));
            }
            // Paths in the file are relative to the file.
            let v = v.trim().trim_matches('"').to_string();
            let v = if is_path(k) && !v.is_empty() && Path::new(&v).is_relative() {
                file.parent()
                    .unwrap_or(Path::new("."))
                    .join(v)
                    .display()
                    .to_string()
            } else {
                v
            };
            values.insert(k.to_string(), v);
        }
    }
    for (name, default, _) in SETTINGS {
        println!("cargo:rerun-if-env-changed={name}");
        if let Ok(v) = std::env::var(name) {
            values.insert(name.to_string(), v);
        } else if !values.contains_key(*name) {
            match default {
                Some(d) => {
                    values.insert(name.to_string(), d.to_string());
                }
                None => return Err(format!("{name} is not set: {}", describe(name))),
            }
        }
    }
    let get = |k: &str| values[k].as_str();
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let mut rs = String::from("// Generated by build.rs from the RAWNET_* settings.\n");

    let broker = get("RAWNET_BROKER");
    if broker.parse::<std::net::Ipv4Addr>().is_err() && !valid_dns_name(broker) {
        return Err(format!(
            "RAWNET_BROKER={broker:?}: neither an IPv4 address nor a DNS name"
        ));
    }
    let tls_name = match get("RAWNET_TLS_NAME") {
        "" => broker,
        n if n.parse::<std::net::Ipv4Addr>().is_ok() || valid_dns_name(n) => n,
        n => {
            return Err(format!(
                "RAWNET_TLS_NAME={n:?}: not a DNS name or IPv4 address"
            ))
        }
    };
    let port: u16 = number("RAWNET_BROKER_PORT", get("RAWNET_BROKER_PORT"), 1, 65535)?;
    let client_id = get("RAWNET_CLIENT_ID");
    if client_id.is_empty()
        || client_id.len() > 64
        || !client_id.chars().all(|c| c.is_ascii_graphic())
    {
        return Err(format!(
            "RAWNET_CLIENT_ID={client_id:?}: 1 to 64 printable ASCII characters"
        ));
    }
    let prefix = get("RAWNET_TOPIC_PREFIX");
    if prefix.is_empty()
        || prefix.len() > 100
        || prefix.contains(['#', '+', '\0'])
        || prefix.ends_with('/')
    {
        return Err(format!(
            "RAWNET_TOPIC_PREFIX={prefix:?}: a topic without wildcards, not ending in '/'"
        ));
    }
    let period: u64 = number("RAWNET_PERIOD_MS", get("RAWNET_PERIOD_MS"), 100, 86_400_000)?;
    let keep_alive: u16 = number("RAWNET_KEEP_ALIVE_S", get("RAWNET_KEEP_ALIVE_S"), 5, 65535)?;
    let mfl = match get("RAWNET_MAX_FRAGMENT") {
        "512" => ("Bits9", 512),
        "1024" => ("Bits10", 1024),
        "2048" => ("Bits11", 2048),
        "4096" => ("Bits12", 4096),
        v => {
            return Err(format!(
                "RAWNET_MAX_FRAGMENT={v:?}: one of 512, 1024, 2048, 4096"
            ))
        }
    };

    // Certificates and key, as DER next to config.rs.
    let cas = certificates("RAWNET_CA", get("RAWNET_CA"))?;
    let mut anchors = String::new();
    for (i, der) in cas.iter().enumerate() {
        let name = format!("ca{i}.der");
        write_file(&out.join(&name), der)?;
        let _ = write!(
            anchors,
            "include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\")), "
        );
    }
    let (cert, key) = match (get("RAWNET_CLIENT_CERT"), get("RAWNET_CLIENT_KEY")) {
        ("", "") => ("None".to_string(), "None".to_string()),
        ("", _) | (_, "") => {
            return Err("RAWNET_CLIENT_CERT and RAWNET_CLIENT_KEY go together".to_string())
        }
        (c, k) => {
            let certs = certificates("RAWNET_CLIENT_CERT", c)?;
            if certs.len() != 1 {
                return Err("RAWNET_CLIENT_CERT: exactly one certificate".to_string());
            }
            write_file(&out.join("client.der"), &certs[0])?;
            (
                "Some(include_bytes!(concat!(env!(\"OUT_DIR\"), \"/client.der\")))".to_string(),
                format!("Some({:?})", client_key(k)?),
            )
        }
    };

    let static_ipv4 = match get("RAWNET_STATIC_IPV4") {
        "" => "None".to_string(),
        v => {
            let (addr, len) = v
                .split_once('/')
                .ok_or(format!("RAWNET_STATIC_IPV4={v:?}: a.b.c.d/len"))?;
            let addr: std::net::Ipv4Addr = addr
                .parse()
                .map_err(|_| format!("RAWNET_STATIC_IPV4={v:?}: bad address"))?;
            let len: u8 = number("RAWNET_STATIC_IPV4 prefix length", len, 1, 32)?;
            let opt = |k: &str| -> Result<String, String> {
                match get(k) {
                    "" => Ok("None".to_string()),
                    a => a
                        .parse::<std::net::Ipv4Addr>()
                        .map(|a| format!("Some({:?})", a.octets()))
                        .map_err(|_| format!("{k}={a:?}: not an IPv4 address")),
                }
            };
            format!(
                "Some(StaticIpv4 {{ address: {:?}, prefix_len: {len}, gateway: {}, dns: {} }})",
                addr.octets(),
                opt("RAWNET_GATEWAY")?,
                opt("RAWNET_DNS_SERVER")?
            )
        }
    };
    if static_ipv4 == "None"
        && (!get("RAWNET_GATEWAY").is_empty() || !get("RAWNET_DNS_SERVER").is_empty())
    {
        return Err("RAWNET_GATEWAY and RAWNET_DNS_SERVER need RAWNET_STATIC_IPV4".to_string());
    }
    let stop_after = match get("RAWNET_STOP_AFTER") {
        "" => "None".to_string(),
        v => format!(
            "Some({})",
            number::<u32>("RAWNET_STOP_AFTER", v, 1, 1_000_000)?
        ),
    };
    let build_time = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v
            .parse::<u64>()
            .map_err(|_| format!("SOURCE_DATE_EPOCH={v:?}: not a number"))?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| e.to_string())?
            .as_secs(),
    };

    let mut item = |doc: &str, line: String| {
        let _ = writeln!(rs, "/// {doc}\n{line}");
    };
    item(
        "The broker's DNS name or IPv4 address (`RAWNET_BROKER`).",
        format!("pub const BROKER: &str = {broker:?};"),
    );
    item(
        "The name the broker's certificate must carry (`RAWNET_TLS_NAME`).",
        format!("pub const TLS_NAME: &str = {tls_name:?};"),
    );
    item(
        "The broker's TLS port (`RAWNET_BROKER_PORT`).",
        format!("pub const BROKER_PORT: u16 = {port};"),
    );
    item(
        "The trust anchors, DER (`RAWNET_CA`).",
        format!("pub const CA_DER: &[&[u8]] = &[{anchors}];"),
    );
    item(
        "The device's certificate, DER (`RAWNET_CLIENT_CERT`).",
        format!("pub const CLIENT_CERT_DER: Option<&[u8]> = {cert};"),
    );
    item(
        "The device's P-256 private scalar (`RAWNET_CLIENT_KEY`).",
        format!("pub const CLIENT_KEY: Option<[u8; 32]> = {key};"),
    );
    item(
        "The MQTT client identifier (`RAWNET_CLIENT_ID`).",
        format!("pub const CLIENT_ID: &str = {client_id:?};"),
    );
    for (name, leaf, doc) in [
        ("STATUS", "status", "Where status messages go."),
        ("COMMAND", "command", "Where commands come from."),
        ("RESPONSE", "response", "Where answers to commands go."),
        (
            "ONLINE",
            "online",
            "`true` while connected (retained), `false` by the will.",
        ),
    ] {
        item(
            doc,
            format!("pub const {name}_TOPIC: &str = \"{prefix}/{leaf}\";"),
        );
    }
    item(
        "Milliseconds between status messages (`RAWNET_PERIOD_MS`).",
        format!("pub const PERIOD_MS: u64 = {period};"),
    );
    item(
        "MQTT keep-alive (`RAWNET_KEEP_ALIVE_S`).",
        format!("pub const KEEP_ALIVE_S: u16 = {keep_alive};"),
    );
    item("The record size asked of the broker (`RAWNET_MAX_FRAGMENT`).", format!("pub const MAX_FRAGMENT: rawnet_tls::MaxFragmentLength = rawnet_tls::MaxFragmentLength::{};", mfl.0));
    item(
        "[`MAX_FRAGMENT`] in bytes.",
        format!("pub const MAX_FRAGMENT_LEN: usize = {};", mfl.1),
    );
    item(
        "A static address instead of DHCP (`RAWNET_STATIC_IPV4`).",
        format!("pub const STATIC_IPV4: Option<StaticIpv4> = {static_ipv4};"),
    );
    item(
        "Stop after this many acknowledged status messages (`RAWNET_STOP_AFTER`).",
        format!("pub const STOP_AFTER: Option<u32> = {stop_after};"),
    );
    item(
        "The build's time (Unix seconds): the earliest date the device can be at.",
        format!("pub const BUILD_TIME: u64 = {build_time};"),
    );
    write_file(&out.join("config.rs"), rs.as_bytes())
}

fn is_path(key: &str) -> bool {
    matches!(
        key,
        "RAWNET_CA" | "RAWNET_CLIENT_CERT" | "RAWNET_CLIENT_KEY"
    )
}

fn describe(name: &str) -> &'static str {
    SETTINGS
        .iter()
        .find(|(n, ..)| *n == name)
        .map_or("", |(_, _, what)| what)
}

fn number<T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy>(
    name: &str,
    v: &str,
    min: T,
    max: T,
) -> Result<T, String> {
    match v.trim().parse::<T>() {
        Ok(n) if n >= min && n <= max => Ok(n),
        _ => Err(format!("{name}={v:?}: a number from {min} to {max}")),
    }
}

fn valid_dns_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

fn read(name: &str, path: &str) -> Result<Vec<u8>, String> {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read(path).map_err(|e| format!("{name}={path}: {e}"))
}

/// The certificates of a PEM file (every CERTIFICATE block) or a DER file (one).
fn certificates(name: &str, path: &str) -> Result<Vec<Vec<u8>>, String> {
    let bytes = read(name, path)?;
    if bytes.first() == Some(&0x30) {
        return Ok(vec![bytes]);
    }
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{name}={path}: neither PEM nor DER"))?;
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let body = &rest[start + 27..];
        let end = body
            .find("-----END CERTIFICATE-----")
            .ok_or(format!("{name}={path}: unterminated PEM block"))?;
        out.push(base64(&body[..end]).ok_or(format!("{name}={path}: bad base64"))?);
        rest = &body[end..];
    }
    if out.is_empty() {
        return Err(format!("{name}={path}: no CERTIFICATE in it"));
    }
    Ok(out)
}

fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// The 32-byte P-256 scalar of a PKCS#8 or SEC1 key, PEM or DER.
fn client_key(path: &str) -> Result<[u8; 32], String> {
    use p256::pkcs8::DecodePrivateKey;
    let bytes = read("RAWNET_CLIENT_KEY", path)?;
    let key = match std::str::from_utf8(&bytes) {
        Ok(text) if text.contains("-----BEGIN") => p256::SecretKey::from_pkcs8_pem(text)
            .or_else(|_| p256::SecretKey::from_sec1_pem(text))
            .map_err(|e| format!("RAWNET_CLIENT_KEY={path}: not a P-256 key ({e})"))?,
        _ => p256::SecretKey::from_pkcs8_der(&bytes)
            .or_else(|_| p256::SecretKey::from_sec1_der(&bytes))
            .map_err(|e| format!("RAWNET_CLIENT_KEY={path}: not a P-256 key ({e})"))?,
    };
    Ok(key.to_bytes().into())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    // Unchanged files keep their timestamps: no needless rebuild of the crate.
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
