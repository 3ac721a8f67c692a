//! rawnet-pub and rawnet-sub over TLS 1.3 to Mosquitto: rawnet-tls's verification (the CA,
//! the name, client certificates), and each way it fails named with exit 8.

mod common;

use std::time::Duration;

use common::*;

#[test]
fn tls_round_trip_with_cafile_and_capath_in_both_versions() {
    let b = Broker::start(false, &[]);
    let (port, ca) = (b.tls_port(), b.ca());
    let capath = b.pki.path("").display().to_string();
    for (version, trust) in [
        ("mqttv311", ["--cafile", &ca]),
        ("mqttv5", ["--capath", &capath]),
    ] {
        let topic = format!("tls/{}", rand_id());
        let sub = Running::start(
            "rawnet-sub",
            &[
                "-h",
                NAME,
                "-p",
                &port,
                trust[0],
                trust[1],
                "-V",
                version,
                "-t",
                &topic,
                "-C",
                "1",
                "-q",
                "2",
                "-i",
                &format!("tls-sub-{version}"),
            ],
        );
        assert!(
            b.wait_log(&format!("tls-sub-{version} 2 {topic}")),
            "{}",
            b.log()
        );
        let p = run(
            "rawnet-pub",
            &[
                "-h",
                NAME,
                "-p",
                &port,
                trust[0],
                trust[1],
                "--tls-version",
                "tlsv1.3",
                "-V",
                version,
                "-t",
                &topic,
                "-m",
                "over tls",
                "-q",
                "2",
            ],
        );
        assert!(p.ok(), "{p:?}");
        let s = sub.finish(Duration::from_secs(10));
        assert!(s.ok(), "{s:?}");
        assert_eq!(s.stdout, "over tls\n");
    }
    // Both went through the TLS listener: Mosquitto logs the TLS connections there.
    assert!(
        b.log().contains(&format!("on port {port}")) || b.log().contains("tls"),
        "{}",
        b.log()
    );
}

#[test]
fn the_certificate_is_verified_and_each_fault_named() {
    let b = Broker::start(false, &[]);
    let port = b.tls_port();
    // Another CA, even one with the same name: rejected, exit 8, the reason in the message.
    let other = Pki::generate(&[NAME]).unwrap();
    let other_ca = other.path("ca.pem").display().to_string();
    let p = run(
        "rawnet-pub",
        &[
            "-h", NAME, "-p", &port, "--cafile", &other_ca, "-t", "x", "-m", "1",
        ],
    );
    assert_eq!(p.code, Some(8), "{p:?}");
    assert!(p.stderr.contains("certificate was rejected"), "{p:?}");
    // ALPN offered: Mosquitto without an ALPN setting ignores it (RFC 7301 allows that).
    let p = run(
        "rawnet-pub",
        &[
            "-h",
            NAME,
            "-p",
            &port,
            "--cafile",
            &b.ca(),
            "--alpn",
            "mqtt",
            "-t",
            "x",
            "-m",
            "1",
        ],
    );
    assert!(p.ok(), "{p:?}");
    // --insecure: accepted, with a loud warning.
    let p = run(
        "rawnet-pub",
        &[
            "-h",
            NAME,
            "-p",
            &port,
            "--cafile",
            &other_ca,
            "--insecure",
            "-t",
            "x",
            "-m",
            "1",
        ],
    );
    assert!(p.ok(), "{p:?}");
    assert!(p.stderr.contains("NOT verified at all"), "{p:?}");
    // A name the certificate does not carry: rejected.
    let named = Broker::with_names(&["broker.rawnet.test"], false, &[]);
    let p = run(
        "rawnet-pub",
        &[
            "-h",
            NAME,
            "-p",
            &named.tls_port(),
            "--cafile",
            &named.ca(),
            "-t",
            "x",
            "-m",
            "1",
        ],
    );
    assert_eq!(p.code, Some(8), "{p:?}");
    assert!(
        p.stderr.contains("certificate was rejected") && p.stderr.contains("Name"),
        "{p:?}"
    );
    // Plain MQTT to the TLS port: the broker drops it; named as a TLS/connection fault, not
    // a hang.
    let p = run(
        "rawnet-pub",
        &["-h", NAME, "-p", &port, "-t", "x", "-m", "1", "-W", "5"],
    );
    assert_ne!(p.code, Some(0), "{p:?}");
    assert!(p.took < Duration::from_secs(6), "{p:?}");
}

#[test]
fn client_certificates() {
    let b = Broker::start(true, &[]);
    let (port, ca) = (b.tls_port(), b.ca());
    let cert = b.pki.path("client.pem").display().to_string();
    let key = b.pki.path("client.key").display().to_string();
    // Without one: the broker refuses the handshake.
    let p = run(
        "rawnet-pub",
        &[
            "-h", NAME, "-p", &port, "--cafile", &ca, "-t", "x", "-m", "1",
        ],
    );
    assert_eq!(p.code, Some(8), "{p:?}");
    assert!(p.stderr.contains("alert"), "{p:?}");
    // With it: accepted, in both directions.
    let topic = format!("mtls/{}", rand_id());
    let sub = Running::start(
        "rawnet-sub",
        &[
            "-h", NAME, "-p", &port, "--cafile", &ca, "--cert", &cert, "--key", &key, "-t", &topic,
            "-C", "1", "-i", "mtls-sub",
        ],
    );
    assert!(b.wait_log(&format!("mtls-sub 0 {topic}")), "{}", b.log());
    let p = run(
        "rawnet-pub",
        &[
            "-h", NAME, "-p", &port, "--cafile", &ca, "--cert", &cert, "--key", &key, "-t", &topic,
            "-m", "mutual",
        ],
    );
    assert!(p.ok(), "{p:?}");
    assert_eq!(sub.finish(Duration::from_secs(10)).stdout, "mutual\n");
    // A key file that is not a key: named.
    let p = run(
        "rawnet-pub",
        &[
            "-h", NAME, "-p", &port, "--cafile", &ca, "--cert", &cert, "--key", &ca, "-t", "x",
            "-m", "1",
        ],
    );
    assert_eq!(p.code, Some(1), "{p:?}");
    assert!(p.stderr.contains("key file"), "{p:?}");
}
