use super::scan::scan_text;
use super::*;
use std::path::Path;

/// The complaints [`check`] has about these spawns alone (no stale-entry check).
fn unlisted(spawns: &[Spawn]) -> Vec<String> {
    check(spawns)
        .into_iter()
        .filter(|m| !m.contains("nothing spawns it"))
        .collect()
}

fn programs_in(file: &str, text: &str) -> Vec<Found> {
    scan_text(Path::new(file), text)
        .into_iter()
        .map(|s| s.what)
        .collect()
}

fn prog(name: &str) -> Found {
    Found::Program(name.into())
}

#[test]
fn every_spawned_program_is_listed() {
    let spawns = scan(&crate::util::root());
    let bad = check(&spawns);
    assert!(bad.is_empty(), "\n{}\n", bad.join("\n"));
    // The scan does see the workspace: a few spawns known to exist.
    for name in [
        "ping",
        "tcpdump",
        "mosquitto",
        "mosquitto_sub",
        "dnsmasq",
        "cargo",
    ] {
        assert!(
            spawns.iter().any(|s| s.what == prog(name)),
            "the scan no longer finds `{name}`: is the scanner broken?"
        );
    }
}

#[test]
fn a_new_program_fails_the_check() {
    let snippets: &[(&str, &str)] = &[
        (
            "a.rs",
            r#"let out = Command::new("tshark").arg("-r").output();"#,
        ),
        (
            "a.rs",
            "let c = std::process::Command::new(\n    \"/usr/bin/tshark\",\n);",
        ),
        ("a.rs", r#"let child = ns.command("tshark").spawn();"#),
        ("a.rs", r#"if have("tshark") { run(); }"#),
        (
            "a.rs",
            r#"Command::new("stdbuf").args(["-oL", "tshark", "-i", "x"]).spawn();"#,
        ),
        (
            "a.rs",
            r#"Command::new("setpriv").args(["--reuid=1", "--", "tshark"]).status();"#,
        ),
        (
            "a.rs",
            r#"Command::new("sh").args(["-c", "tshark -r x | head"]).status();"#,
        ),
        ("run.sh", "set -e\nexec tshark -r x.pcap\n"),
        ("ci", "#!/bin/sh\nFOO=1 tshark -r \"$(mktemp)\" && true\n"),
        (
            ".cargo/config.toml",
            "[target.x]\nrunner = \"tshark -M x\"\n",
        ),
    ];
    for (file, text) in snippets {
        let found = programs_in(file, text);
        assert!(
            found.contains(&prog("tshark")),
            "{file}: {text}\nfound {found:?}"
        );
        let spawns = scan_text(Path::new(file), text);
        let bad = unlisted(&spawns);
        assert!(
            bad.iter().any(|m| m.contains("`tshark`")),
            "{text}: {bad:?}"
        );
    }
    // A program named by an expression the scanner cannot read fails too.
    let spawns = scan_text(Path::new("a.rs"), "Command::new(tshark_path()).spawn();");
    assert_eq!(spawns[0].what, Found::Unknown("tshark_path()".into()));
    assert_eq!(unlisted(&spawns).len(), 1);
}

#[test]
fn the_scanner_reads_the_workspace_idioms() {
    // The spawns the workspace has today, written the way it writes them.
    let cases: &[(&str, &str, &[&str])] = &[
        ("a.rs", "Command::new(mosquitto_path()).arg(\"-c\")", &["mosquitto"]),
        (
            "a.rs",
            "let mut c = Command::new(std::env::var(\"CARGO\").unwrap_or_else(|_| \"cargo\".into()));",
            &["cargo"],
        ),
        (
            "a.rs",
            "let w = Command::new(\"stdbuf\")\n    .args([\"-oL\", \"mosquitto_sub\"])\n    .args([\"-h\", \"127.0.0.1\"]);",
            &["stdbuf", "mosquitto_sub"],
        ),
        (
            "a.rs",
            "run(\"x\", Command::new(\"setpriv\").args([\"--reuid=65534\", \"--\"]).arg(&copy).env(\"HOME\", &dir));",
            &["setpriv"],
        ),
        (
            "a.rs",
            "Command::new(\"sh\").args([\"-c\", &format!(\"command -v {program} >/dev/null 2>&1\")])",
            &["sh"],
        ),
        ("a.rs", "let mut cmd = Command::new(\"ip\");\ncmd.args([\"netns\", \"exec\", &self.name, program]);", &["ip"]),
        ("run", "#!/usr/bin/env bash\nset -euo pipefail\ncd \"$(dirname \"$0\")/..\"\nexec cargo xtask test\n", &["dirname", "cargo"]),
    ];
    for (file, text, want) in cases {
        let found = programs_in(file, text);
        let want: Vec<Found> = want.iter().map(|w| prog(w)).collect();
        assert_eq!(found, want, "{text}");
    }
}

#[test]
fn comments_strings_and_lookalikes_are_not_spawns() {
    let text = r##"
        // Command::new("tshark")
        /* Command::new("tshark") /* nested */ Command::new("tshark") */
        let doc = "Command::new(\"tshark\")";
        let raw = r#"Command::new("tshark")"#;
        let c = '"'; let q = b'"'; fn f<'a>(x: &'a str) {}
        s.command(|client, conn| client.publish(conn, &msg, now()));
        pub fn have(program: &str) -> bool { true }
    "##;
    assert_eq!(programs_in("a.rs", text), Vec::<Found>::new());
    // After all of that, the lexer is still in step with the code.
    let after = format!("{text}\nCommand::new(\"tshark\");");
    assert_eq!(programs_in("a.rs", &after), vec![prog("tshark")]);
}

#[test]
fn the_package_list_derives_from_the_table() {
    let all = all_packages();
    for pkg in [
        "iputils-ping",
        "tcpdump",
        "qemu-system-arm",
        "iproute2",
        "mosquitto",
    ] {
        assert!(all.contains(&pkg), "{pkg} missing from {all:?}");
    }
    for lib in LIBRARIES {
        assert!(all.contains(lib));
    }
    // No repeats, and nothing from the base system or the toolchain.
    let mut sorted = all.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), all.len(), "{all:?}");
    assert!(!all.contains(&"coreutils") && !all.contains(&"dpkg"));
    assert_eq!(
        packages_for(&["arm-none-eabi-size", "arm-none-eabi-objdump"]),
        ["binutils-arm-none-eabi"]
    );
}

#[test]
fn the_table_is_consistent() {
    for (k, p) in PROGRAMS.iter().enumerate() {
        assert!(
            PROGRAMS[..k].iter().all(|q| q.name != p.name),
            "{} twice",
            p.name
        );
        assert!(!p.spawned_by.is_empty(), "{}: say who spawns it", p.name);
    }
    let named = DYNAMIC.iter().flat_map(|(_, names)| names.iter());
    let wrappers = WRAPPERS.iter().map(|(w, _)| w);
    for name in named.chain(wrappers).chain(INDIRECT) {
        assert!(find(name).is_some(), "{name} is not in PROGRAMS");
    }
}
