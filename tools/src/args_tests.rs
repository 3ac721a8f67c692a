//! The command line's defaults and checks.

use super::*;

fn parse_ok(tool: Tool, args: &[&str]) -> Config {
    match parse(tool, args.iter().map(OsString::from)) {
        Ok(Parsed::Run(c)) => *c,
        other => panic!("{args:?}: {other:?}"),
    }
}

fn parse_err(tool: Tool, args: &[&str]) -> String {
    match parse(tool, args.iter().map(OsString::from)) {
        Err(f) => {
            assert_eq!(f.code, 1, "{args:?}");
            f.message
        }
        other => panic!("{args:?} accepted: {other:?}"),
    }
}

#[test]
fn defaults_are_mosquittos() {
    let c = parse_ok(Tool::Sub, &["-t", "a/#"]);
    assert_eq!(
        (c.host.as_str(), c.port(), c.keepalive),
        ("localhost", 1883, 60)
    );
    assert_eq!(
        (c.version, c.qos, c.clean),
        (Version::V311, QoS::AtMostOnce, true)
    );
    assert!(c.client_id().starts_with("rawnet-sub-"));
    let c = parse_ok(Tool::Pub, &["-t", "a", "-m", "x", "--cafile", "ca.pem"]);
    assert_eq!(c.port(), 8883, "8883 with TLS");
    let c = parse_ok(Tool::Pub, &["-t", "a", "-n", "-I", "dev-"]);
    assert_eq!(c.client_id(), format!("dev-{}", std::process::id()));
}

#[test]
fn persistent_sessions() {
    let c = parse_ok(Tool::Sub, &["-t", "a", "-c", "-i", "me", "-V", "mqttv5"]);
    assert!(!c.clean);
    assert_eq!(
        c.session_expiry,
        Some(u32::MAX),
        "5.0 -c: never expires unless -x"
    );
    let c = parse_ok(
        Tool::Sub,
        &["-t", "a", "-c", "-i", "me", "-V", "5", "-x", "30"],
    );
    assert_eq!(c.session_expiry, Some(30));
    let c = parse_ok(Tool::Sub, &["-t", "a", "-x", "-1", "-V", "mqttv5"]);
    assert_eq!(c.session_expiry, Some(u32::MAX));
    assert!(parse_err(Tool::Sub, &["-t", "a", "-c"]).contains("client id"));
}

#[test]
fn mistakes_are_named() {
    for (tool, args, says) in [
        (Tool::Pub, &["-t", "a"][..], "Both topic and message"),
        (
            Tool::Pub,
            &["-t", "a", "-m", "x", "-f", "y"],
            "Only one type of message",
        ),
        (
            Tool::Pub,
            &["-t", "a", "-t", "b", "-m", "x"],
            "Only one topic",
        ),
        (Tool::Pub, &["-t", "a", "-m", "x", "-k", "3"], "keepalive"),
        (Tool::Pub, &["-t", "a", "-m", "x", "-p", "0"], "port"),
        (
            Tool::Pub,
            &["-t", "a", "-m", "x", "--will-qos", "1"],
            "no will topic",
        ),
        (
            Tool::Pub,
            &["-t", "a", "-m", "x", "--cert", "c.pem"],
            "keyfile",
        ),
        (
            Tool::Pub,
            &["-t", "a", "-m", "x", "-D", "publish", "topic-alias", "1"],
            "topic-alias",
        ),
        (
            Tool::Pub,
            &[
                "-t",
                "a",
                "-m",
                "x",
                "-V",
                "5",
                "-D",
                "subscribe",
                "user-property",
                "k",
                "v",
            ],
            "rawnet-sub",
        ),
        (
            Tool::Pub,
            &["-t", "a", "-m", "x", "-i", "a", "-I", "b"],
            "-i and -I",
        ),
        (
            Tool::Pub,
            &["-t", "a", "-m", "x", "--stack", "tap"],
            "--tap-if",
        ),
        (
            Tool::Pub,
            &["-t", "a", "-m", "x", "--psk", "00"],
            "does not have",
        ),
        (
            Tool::Pub,
            &["-t", "a", "-m", "x", "-C", "1"],
            "option of rawnet-sub",
        ),
        (Tool::Sub, &["-t", "a", "-m", "x"], "option of rawnet-pub"),
        (Tool::Sub, &[][..], "specify a topic"),
        (Tool::Sub, &["-t", "a/b#"], "Invalid subscription topic"),
        (
            Tool::Sub,
            &["-t", "a", "-R", "--retained-only"],
            "-R and --retained-only",
        ),
        (Tool::Sub, &["-t", "a", "-F", "%p%x"], "once"),
        (Tool::Sub, &["-t", "a", "-q"], "no QoS specified"),
    ] {
        let msg = parse_err(tool, args);
        assert!(msg.contains(says), "{args:?}: {msg}");
        assert!(msg.contains("--help"), "{args:?}: {msg}");
    }
}

#[test]
fn unsubscribe_alone_and_stack_choices() {
    let c = parse_ok(Tool::Sub, &["-U", "old/#", "-E"]);
    assert!(c.topics.is_empty() && c.unsubscribe == ["old/#"]);
    let c = parse_ok(
        Tool::Sub,
        &["-t", "a", "--stack", "tap", "--tap-if", "tap0"],
    );
    assert_eq!(c.stack, StackKind::Tap("tap0".into()));
    let c = parse_ok(Tool::Sub, &["-t", "a", "--stack", "slirp"]);
    assert_eq!(c.stack, StackKind::Slirp);
}
