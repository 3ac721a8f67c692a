//! rawnet-tls's verifier against the x509-limbo conformance suite (C2SP/x509-limbo with its
//! BetterTLS part; provenance and license in `tests/data/limbo/`), compared with the expected
//! results and with rustls-webpki 0.103.13's answers on the same file.
//!
//! Every SERVER testcase with a DNS or IP peer name goes through `verify_server_chain` the
//! way a user calls it: the name through `ServerName::parse` (a name it refuses is a
//! rejection), the peer certificate followed by the untrusted intermediates as the server's
//! Certificate message, the trusted certificates as anchors, `Time::Now(validation time)`
//! (the wall clock when the testcase has none). The suite's other inputs (max chain depth,
//! expected key usages, CRLs) have no counterpart in rawnet's API and are ignored;
//! rustls-webpki's harness skips the first two and was given the CRLs, so a revoked
//! certificate that rawnet accepts is counted as a false accept but not held against it.
//!
//! The test fails on any false accept that rustls-webpki rejects, and when the false rejects
//! or the disagreements with rustls-webpki grow past the figures reached (docs/tls.md has
//! the table). `cargo test -p rawnet-tls --test limbo -- --nocapture` prints the table;
//! `LIMBO_LIST=1` also prints every case where rawnet differs from the expected result or
//! from rustls-webpki, with rawnet's reason.

use std::collections::HashMap;
use std::io::BufReader;

use rawnet_tls::verify::{verify_server_chain, CertError, ServerName, Time};
use serde_json::Value;

/// The most false rejects (expected SUCCESS, rawnet rejects) the verifier may have.
const MAX_FALSE_REJECTS: usize = 17;
/// The most cases where rawnet rejects what rustls-webpki accepts.
const MAX_STRICTER_THAN_WEBPKI: usize = 29;

fn xz_json(name: &str) -> Value {
    let path = format!("{}/tests/data/limbo/{name}", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut json = Vec::new();
    lzma_rs::xz_decompress(&mut BufReader::new(file), &mut json).expect("xz");
    serde_json::from_slice(&json).expect("json")
}

fn der(pem_text: &Value) -> Vec<u8> {
    pem::parse(pem_text.as_str().expect("PEM string"))
        .expect("PEM")
        .into_contents()
}

/// Seconds since the epoch of an RFC 3339 time as the suite writes it
/// (`YYYY-MM-DDTHH:MM:SS[.fff]+00:00`); fractions are dropped.
fn unix_time(s: &str) -> u64 {
    let b = s.as_bytes();
    let num = |r: core::ops::Range<usize>| -> u64 { s[r].parse().expect("digits") };
    assert!(s.ends_with("+00:00") && b[10] == b'T', "{s}");
    let (y, m, d) = (num(0..4) as i64, num(5..7) as i64, num(8..10) as i64);
    // Days from civil (proleptic Gregorian), years counted from March.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days as u64 * 86_400 + num(11..13) * 3600 + num(14..16) * 60 + num(17..19)
}

/// rawnet's answer on one testcase.
fn rawnet(tc: &Value) -> Result<(), CertError> {
    let peer = &tc["expected_peer_name"];
    let Some(name) = ServerName::parse(peer["value"].as_str().unwrap()) else {
        return Err(CertError::NameMismatch);
    };
    let anchors: Vec<Vec<u8>> = tc["trusted_certs"]
        .as_array()
        .unwrap()
        .iter()
        .map(der)
        .collect();
    let mut chain = vec![der(&tc["peer_certificate"])];
    chain.extend(
        tc["untrusted_intermediates"]
            .as_array()
            .unwrap()
            .iter()
            .map(der),
    );
    let time = match tc["validation_time"].as_str() {
        Some(t) => unix_time(t),
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    };
    let anchors: Vec<&[u8]> = anchors.iter().map(Vec::as_slice).collect();
    let chain: Vec<&[u8]> = chain.iter().map(Vec::as_slice).collect();
    verify_server_chain(&chain, &anchors, &name, Time::Now(time)).map(|_| ())
}

#[derive(Default)]
struct Row {
    agree: usize,
    false_accept: usize,
    false_reject: usize,
}

impl Row {
    fn add(&mut self, expected: bool, actual: bool) {
        match (expected, actual) {
            (e, a) if e == a => self.agree += 1,
            (false, true) => self.false_accept += 1,
            _ => self.false_reject += 1,
        }
    }
}

#[test]
fn limbo_server_cases_against_rustls_webpki() {
    let limbo = xz_json("limbo.json.xz");
    let webpki = xz_json("rustls-webpki-0.103.13-results.json.xz");
    let webpki: HashMap<&str, &str> = webpki["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["actual_result"].as_str().unwrap(),
            )
        })
        .collect();
    let list = std::env::var_os("LIMBO_LIST").is_some();

    let (mut ours, mut theirs) = (Row::default(), Row::default());
    let mut reasons: HashMap<&'static str, usize> = HashMap::new();
    let (mut cases, mut stricter, mut laxer) = (0, 0, 0);
    let mut accepted_what_webpki_rejects = Vec::new();
    for tc in limbo["testcases"].as_array().unwrap() {
        let id = tc["id"].as_str().unwrap();
        if tc["validation_kind"] != "SERVER" || !tc["expected_peer_name"].is_object() {
            continue;
        }
        cases += 1;
        let expected = tc["expected_result"] == "SUCCESS";
        let answer = rawnet(tc);
        let accepted = answer.is_ok();
        ours.add(expected, accepted);
        if let Err(e) = answer {
            *reasons.entry(e.as_str()).or_default() += 1;
        }
        let reference = webpki.get(id).copied();
        match reference {
            Some("SUCCESS") => theirs.add(expected, true),
            Some("FAILURE") => theirs.add(expected, false),
            _ => {} // skipped by rustls-webpki's harness
        }
        let webpki_accepts = match reference {
            Some("SUCCESS") => Some(true),
            Some("FAILURE") => Some(false),
            _ => None,
        };
        // Revocation is not part of rawnet's verifier (no CRL input): those cases are
        // counted in the table but not held to rustls-webpki, which was given the CRLs.
        let has_crl = tc["crls"].as_array().is_some_and(|c| !c.is_empty());
        if webpki_accepts == Some(false) && accepted && !expected && !has_crl {
            accepted_what_webpki_rejects.push(id);
        }
        match webpki_accepts {
            Some(true) if !accepted => stricter += 1,
            Some(false) if accepted => laxer += 1,
            _ => {}
        }
        if list && (accepted != expected || webpki_accepts.is_some_and(|w| w != accepted)) {
            println!(
                "{id}: expected {}, webpki {}, rawnet {}",
                tc["expected_result"].as_str().unwrap(),
                reference.unwrap_or("-"),
                answer.map_or_else(|e| e.as_str(), |()| "SUCCESS"),
            );
        }
    }

    println!("x509-limbo: {cases} SERVER testcases with a DNS or IP name");
    println!("| | agree | false accept | false reject |");
    println!("|---|---:|---:|---:|");
    for (who, row) in [("rawnet-tls", &ours), ("rustls-webpki 0.103.13", &theirs)] {
        println!(
            "| {who} | {} | {} | {} |",
            row.agree, row.false_accept, row.false_reject
        );
    }
    println!(
        "rawnet vs rustls-webpki: {laxer} accepted that rustls-webpki rejects, \
         {stricter} rejected that rustls-webpki accepts"
    );
    let mut reasons: Vec<_> = reasons.into_iter().collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("rawnet's rejections by reason: {reasons:?}");

    assert!(cases > 9_000, "the suite went missing ({cases} cases)");
    assert_eq!(
        accepted_what_webpki_rejects,
        Vec::<&str>::new(),
        "false accepts that rustls-webpki rejects"
    );
    assert!(
        ours.false_reject <= MAX_FALSE_REJECTS,
        "{} false rejects, at most {MAX_FALSE_REJECTS} expected",
        ours.false_reject
    );
    assert!(
        stricter <= MAX_STRICTER_THAN_WEBPKI,
        "{stricter} rejections of what rustls-webpki accepts, at most {MAX_STRICTER_THAN_WEBPKI} expected"
    );
}
