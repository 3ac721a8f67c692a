//! rawnet-pub and rawnet-sub against a real Mosquitto, plain MQTT 3.1.1 and 5.0: each flag
//! and what it does, checked at the other end (the other tool, or the broker's log).

mod common;

use std::time::Duration;

use common::*;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn a_message_at_each_qos_in_both_versions() {
    let b = Broker::start(false, &[]);
    let port = b.port();
    for version in ["mqttv311", "mqttv5"] {
        for qos in ["0", "1", "2"] {
            let topic = format!("t/{}", rand_id());
            let sub = subscriber(
                &b,
                &["-V", version, "-q", qos, "-t", &topic, "-C", "1", "-v"],
            );
            let msg = format!("hello {version} {qos}");
            let p = run(
                "rawnet-pub",
                &[
                    "-p", &port, "-V", version, "-q", qos, "-t", &topic, "-m", &msg,
                ],
            );
            assert!(p.ok(), "{p:?}");
            let s = sub.finish(secs(10));
            assert!(s.ok(), "{s:?}");
            assert_eq!(s.stdout, format!("{topic} {msg}\n"));
        }
    }
    // The broker saw both versions: p2 is 3.1.1, p5 is 5.0.
    let log = b.log();
    assert!(
        log.contains("(p2, c1, k60)") && log.contains("(p5, c1, k60)"),
        "{log}"
    );
}

#[test]
fn retained_null_file_stdin_and_lines() {
    let b = Broker::start(false, &[]);
    let port = b.port();
    let topic = format!("r/{}", rand_id());
    // -r: a later subscriber gets it, flagged retained.
    let p = run(
        "rawnet-pub",
        &["-p", &port, "-t", &topic, "-m", "kept", "-r", "-q", "1"],
    );
    assert!(p.ok(), "{p:?}");
    let s = run(
        "rawnet-sub",
        &["-p", &port, "-t", &topic, "-C", "1", "-F", "%r %t %p"],
    );
    assert_eq!(s.stdout, format!("1 {topic} kept\n"), "{s:?}");
    // -n: an empty message, which also clears the retained one.
    let p = run("rawnet-pub", &["-p", &port, "-t", &topic, "-n", "-r"]);
    assert!(p.ok(), "{p:?}");
    let s = run("rawnet-sub", &["-p", &port, "-t", &topic, "-W", "1"]);
    assert_eq!(
        (s.code, s.stdout.as_str()),
        (Some(27), ""),
        "nothing retained any more: {s:?}"
    );

    // -f: a file's bytes, exactly (binary, no newline added).
    let dir = rawnet_tests::tmp::TempDir::new("rawnet-pub-f").unwrap();
    let file = dir.path().join("payload.bin");
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&file, &bytes).unwrap();
    let t2 = format!("f/{}", rand_id());
    let sub = subscriber(&b, &["-t", &t2, "-C", "1", "-F", "%l %x"]);
    let p = run(
        "rawnet-pub",
        &[
            "-p",
            &port,
            "-t",
            &t2,
            "-f",
            file.to_str().unwrap(),
            "-q",
            "2",
        ],
    );
    assert!(p.ok(), "{p:?}");
    let s = sub.finish(secs(10));
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(s.stdout, format!("200000 {hex}\n"));

    // -s: all of standard input as one message.
    let t3 = format!("s/{}", rand_id());
    let sub = subscriber(&b, &["-t", &t3, "-C", "1"]);
    let p = Running::with_input(
        "rawnet-pub",
        &["-p", &port, "-t", &t3, "-s"],
        b"line one\nline two\n",
    )
    .finish(secs(10));
    assert!(p.ok(), "{p:?}");
    assert_eq!(sub.finish(secs(10)).stdout, "line one\nline two\n\n");

    // -l: one message per line.
    let t4 = format!("l/{}", rand_id());
    let sub = subscriber(&b, &["-t", &t4, "-C", "3", "-q", "1"]);
    let p = Running::with_input(
        "rawnet-pub",
        &["-p", &port, "-t", &t4, "-l", "-q", "1"],
        b"a\nbb\r\nccc",
    )
    .finish(secs(10));
    assert!(p.ok(), "{p:?}");
    assert_eq!(sub.finish(secs(10)).stdout, "a\nbb\nccc\n");
}

#[test]
fn subscriber_output_and_filters() {
    let b = Broker::start(false, &[]);
    let port = b.port();
    let base = format!("o/{}", rand_id());
    let retained = format!("{base}/old");
    assert!(run(
        "rawnet-pub",
        &["-p", &port, "-t", &retained, "-m", "stale", "-r"]
    )
    .ok());

    // -R drops the retained message; -T filters a topic out; -N no newlines; -C counts what
    // is printed.
    let filter = format!("{base}/#");
    let hidden = format!("{base}/hidden/x");
    let sub = subscriber(
        &b,
        &[
            "-t",
            &filter,
            "-R",
            "-T",
            &format!("{base}/hidden/#"),
            "-N",
            "-C",
            "2",
        ],
    );
    for (t, m) in [
        (&hidden, "no"),
        (&format!("{base}/a"), "one"),
        (&format!("{base}/b"), "two"),
    ] {
        assert!(run("rawnet-pub", &["-p", &port, "-t", t, "-m", m]).ok());
    }
    let s = sub.finish(secs(10));
    assert!(s.ok(), "{s:?}");
    assert_eq!(s.stdout, "onetwo");

    // --retained-only: the retained message, then exit at the first live one.
    let sub = subscriber(&b, &["-t", &filter, "--retained-only", "-v"]);
    assert!(run(
        "rawnet-pub",
        &["-p", &port, "-t", &format!("{base}/live"), "-m", "x"]
    )
    .ok());
    let s = sub.finish(secs(10));
    assert!(s.ok(), "{s:?}");
    assert_eq!(s.stdout, format!("{retained} stale\n"));

    // -E: exit once subscribed. -U: unsubscribe (the broker logs it).
    let s = run(
        "rawnet-sub",
        &[
            "-p",
            &port,
            "-t",
            &filter,
            "-E",
            "-U",
            "nothing/here",
            "-i",
            "unsub-check",
        ],
    );
    assert!(s.ok(), "{s:?}");
    assert!(
        b.wait_log("Received UNSUBSCRIBE from unsub-check"),
        "{}",
        b.log()
    );

    // -F with escapes and JSON.
    let t = format!("{base}/json");
    let sub = subscriber(&b, &["-t", &t, "-q", "1", "-C", "1", "-F", "%t\\t%q %j"]);
    assert!(run(
        "rawnet-pub",
        &["-p", &port, "-t", &t, "-m", "say \"hi\"", "-q", "1"]
    )
    .ok());
    let s = sub.finish(secs(10));
    let (head, json) = s.stdout.split_once(' ').unwrap();
    assert_eq!(head, format!("{t}\t1"));
    assert!(
        json.starts_with("{\"tst\":\"")
            && json.ends_with(&format!(
                "\",\"topic\":\"{t}\",\"qos\":1,\"retain\":0,\"payload\":\"say \\\"hi\\\"\"}}\n"
            )),
        "{json}"
    );
}

#[test]
fn connect_options_reach_the_broker() {
    let b = Broker::start(false, &[]);
    let port = b.port();
    // -i, -k, -u, -V: in the broker's connection line.
    let p = run(
        "rawnet-pub",
        &[
            "-p",
            &port,
            "-i",
            "rawnet-id-1",
            "-k",
            "17",
            "-u",
            "alice",
            "-P",
            "secret",
            "-V",
            "mqttv5",
            "-t",
            "x",
            "-m",
            "1",
        ],
    );
    assert!(p.ok(), "{p:?}");
    assert!(
        b.wait_log("as rawnet-id-1 (p5, c1, k17, u'alice')"),
        "{}",
        b.log()
    );
    // -I: prefix and process id.
    let p = run(
        "rawnet-pub",
        &["-p", &port, "-I", "pfx-", "-t", "x", "-m", "1"],
    );
    assert!(p.ok(), "{p:?}");
    assert!(b.wait_log(" as pfx-"), "{}", b.log());
    // -c: a persistent session (c0); -x: its expiry (5.0). A message sent while the
    // subscriber is away waits for it.
    let topic = format!("c/{}", rand_id());
    let s = run(
        "rawnet-sub",
        &[
            "-p",
            &port,
            "-i",
            "persist-1",
            "-c",
            "-q",
            "1",
            "-t",
            &topic,
            "-E",
            "-V",
            "mqttv5",
            "-x",
            "60",
        ],
    );
    assert!(s.ok(), "{s:?}");
    assert!(b.wait_log("as persist-1 (p5, c0, k60)"), "{}", b.log());
    assert!(run(
        "rawnet-pub",
        &["-p", &port, "-t", &topic, "-m", "queued", "-q", "1"]
    )
    .ok());
    let s = run(
        "rawnet-sub",
        &[
            "-p",
            &port,
            "-i",
            "persist-1",
            "-c",
            "-q",
            "1",
            "-t",
            &topic,
            "-C",
            "1",
            "-V",
            "mqttv5",
            "-x",
            "60",
        ],
    );
    assert_eq!(s.stdout, "queued\n", "{s:?}");
    // -d: what happened, on standard error.
    let p = run(
        "rawnet-pub",
        &["-p", &port, "-t", "x", "-m", "1", "-q", "1", "-d"],
    );
    assert!(
        p.stderr.contains("CONNACK accepted") && p.stderr.contains("acknowledged"),
        "{p:?}"
    );
}

#[test]
fn will_and_v5_properties() {
    let b = Broker::start(false, &[]);
    let port = b.port();
    let will = format!("w/{}", rand_id());
    let witness = subscriber(&b, &["-t", &will, "-C", "1", "-F", "%r %p"]);
    // A client that dies without DISCONNECT: the broker publishes its will.
    let mut doomed = Running::start(
        "rawnet-sub",
        &[
            "-p",
            &port,
            "-t",
            "nothing",
            "-i",
            "doomed",
            "--will-topic",
            &will,
            "--will-payload",
            "gone",
            "--will-qos",
            "1",
            "--will-retain",
        ],
    );
    assert!(b.wait_log("doomed 0 nothing"), "{}", b.log());
    doomed.child.kill().unwrap();
    let _ = doomed.child.wait();
    let s = witness.finish(secs(10));
    assert_eq!(s.stdout, "0 gone\n", "{s:?}");

    // -D publish properties, seen by a 5.0 subscriber.
    let t = format!("d/{}", rand_id());
    let sub = subscriber(
        &b,
        &["-V", "mqttv5", "-t", &t, "-C", "1", "-F", "%C|%P|%R|%E|%p"],
    );
    let p = run(
        "rawnet-pub",
        &[
            "-p",
            &port,
            "-V",
            "mqttv5",
            "-t",
            &t,
            "-m",
            "body",
            "-D",
            "publish",
            "content-type",
            "text/plain",
            "-D",
            "publish",
            "user-property",
            "k",
            "v",
            "-D",
            "publish",
            "response-topic",
            "back",
            "-D",
            "publish",
            "message-expiry-interval",
            "30",
        ],
    );
    assert!(p.ok(), "{p:?}");
    let s = sub.finish(secs(10));
    let fields: Vec<&str> = s.stdout.trim_end().split('|').collect();
    assert_eq!(fields[..3], ["text/plain", "k:v", "back"], "{s:?}");
    assert!(fields[3] == "30" || fields[3] == "29", "{s:?}");
    assert_eq!(fields[4], "body");
    // -D subscribe subscription-identifier: reported with the message.
    let t = format!("si/{}", rand_id());
    let sub = subscriber(
        &b,
        &[
            "-V",
            "mqttv5",
            "-t",
            &t,
            "-C",
            "1",
            "-F",
            "%S %p",
            "-D",
            "subscribe",
            "subscription-identifier",
            "42",
        ],
    );
    assert!(run("rawnet-pub", &["-p", &port, "-t", &t, "-m", "x"]).ok());
    assert_eq!(sub.finish(secs(10)).stdout, "42 x\n");
}

#[test]
fn failures_exit_with_the_fault_named() {
    let b = Broker::start(false, &[]);
    let port = b.port();
    // -W: nothing arrives within a second.
    let s = run("rawnet-sub", &["-p", &port, "-t", "silent/#", "-W", "1"]);
    assert_eq!(s.code, Some(27), "{s:?}");
    assert!(s.stderr.contains("Timed out"), "{s:?}");
    assert!(s.took < secs(3), "{:?}", s.took);
    // Nothing listens: refused at once.
    let closed = free_port().unwrap().to_string();
    let p = run("rawnet-pub", &["-p", &closed, "-t", "x", "-m", "1"]);
    assert_eq!(p.code, Some(14), "{p:?}");
    assert!(p.stderr.contains("connection refused"), "{p:?}");
    // A name that does not resolve.
    let p = run(
        "rawnet-pub",
        &["-h", "no-such-host.invalid", "-t", "x", "-m", "1"],
    );
    assert_eq!(p.code, Some(15), "{p:?}");
    assert!(p.stderr.contains("cannot resolve"), "{p:?}");
    // Bad command lines: usage errors, exit 1, nothing connects.
    for args in [
        &["-t", "x"][..],
        &["-t", "a/+", "-m", "x"],
        &["-t", "x", "-m", "1", "-q", "3"],
        &["-t", "x", "-m", "1", "-x", "5"],
        &["-t", "x", "-m", "1", "-c"],
        &["-t", "x", "-m", "1", "--tls-version", "tlsv1.2"],
        &["-t", "x", "-m", "1", "-V", "mqttv31"],
        &["-t", "x", "-m", "1", "-C", "3"],
        &["-t", "x", "-m", "1", "-L", "mqtt://h/t"],
    ] {
        let p = run("rawnet-pub", args);
        assert_eq!(p.code, Some(1), "{args:?}: {p:?}");
        assert!(p.stderr.starts_with("Error: "), "{args:?}: {p:?}");
    }
    let s = run("rawnet-sub", &["-t", "a/#/b"]);
    assert_eq!(s.code, Some(1), "{s:?}");
}

#[test]
fn refused_connections_exit_with_the_connack_code() {
    let b = Broker::start(false, &["allow_anonymous false"]);
    let port = b.port();
    // mosquitto's rule: 3.1.1 exits with its return code (5: not authorised), 5.0 with the
    // reason code (0x87 = 135).
    let p = run("rawnet-pub", &["-p", &port, "-t", "x", "-m", "1"]);
    assert_eq!(p.code, Some(5), "{p:?}");
    assert!(
        p.stderr.contains("Connection Refused: not authorised"),
        "{p:?}"
    );
    let s = run("rawnet-sub", &["-p", &port, "-t", "x", "-V", "mqttv5"]);
    assert_eq!(s.code, Some(135), "{s:?}");
    assert!(s.stderr.contains("not authorized"), "{s:?}");
}

#[test]
fn user_name_and_password() {
    let dir = rawnet_tests::tmp::TempDir::new("rawnet-passwd").unwrap();
    let file = dir.path().join("passwd");
    let status = std::process::Command::new("mosquitto_passwd")
        .args(["-b", "-c"])
        .arg(&file)
        .args(["alice", "s3cret"])
        .status()
        .expect("mosquitto_passwd (Debian package mosquitto)");
    assert!(status.success());
    // Mosquitto started as root reads it after dropping privileges.
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let conf = format!("password_file {}", file.display());
    let b = Broker::start(false, &["allow_anonymous false", &conf]);
    let port = b.port();
    let p = run(
        "rawnet-pub",
        &[
            "-p", &port, "-u", "alice", "-P", "s3cret", "-t", "x", "-m", "1",
        ],
    );
    assert!(p.ok(), "{p:?}");
    for (version, code) in [("mqttv311", 5), ("mqttv5", 135)] {
        let p = run(
            "rawnet-pub",
            &[
                "-p", &port, "-u", "alice", "-P", "wrong", "-V", version, "-t", "x", "-m", "1",
            ],
        );
        assert_eq!(p.code, Some(code), "{version}: {p:?}");
        assert!(p.stderr.starts_with("Connection error: "), "{p:?}");
    }
}

#[test]
fn ctrl_c_disconnects_cleanly_and_exits_0() {
    let b = Broker::start(false, &[]);
    let port = b.port();
    let sub = Running::start("rawnet-sub", &["-p", &port, "-t", "x", "-i", "interrupted"]);
    assert!(b.wait_log("interrupted 0 x"), "{}", b.log());
    // SAFETY: a signal to the child this test started.
    unsafe { libc::kill(sub.child.id() as libc::pid_t, libc::SIGINT) };
    let s = sub.finish(secs(5));
    assert!(s.ok(), "{s:?}");
    // A DISCONNECT, not a dropped connection.
    assert!(
        b.wait_log("Client interrupted disconnected."),
        "{}",
        b.log()
    );
}
