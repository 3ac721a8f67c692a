//! `cargo xtask test` (everything CI runs) and `cargo xtask demo`.

use crate::util::{cargo, run};
use std::process::Command;

/// Crates under `crates/` that must build for the microcontroller without `std`.
const NO_STD_CRATES: &[&str] = &[
    "rawnet-altcp",
    "rawnet-eth",
    "rawnet-tcp",
    "rawnet-ring",
    "rawnet-tls",
    "rawnet-mqtt",
];

/// Seconds each fuzz target runs in the test command (override with RAWNET_FUZZ_SECS).
const FUZZ_SECS_DEFAULT: u64 = 20;

pub fn all() -> Result<(), String> {
    run("format", cargo().args(["fmt", "--all", "--check"]))?;
    run(
        "clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // Default features never include `std`, so both builds are `no_std`; the second
    // proves the optional protocol features (DHCP, DNS, ...) build for the MCU too.
    for krate in NO_STD_CRATES {
        for (label, flags) in [
            ("no default features", &["--no-default-features"][..]),
            ("default features", &[][..]),
            ("feature defmt", &["--features", "defmt"][..]),
        ] {
            run(
                &format!("{krate} for thumbv7em-none-eabihf, {label}"),
                cargo()
                    .args(["build", "-p", krate, "--target", "thumbv7em-none-eabihf"])
                    .args(flags),
            )?;
        }
    }
    run(
        "tests",
        cargo().args(["test", "--workspace", "--all-features"]),
    )?;
    // rawnet-mqtt's builds without some default features are different programs: without
    // `v5` MQTT 3.1.1 only (every 5.0 branch compiled out); without `qos2` and `streaming`
    // the lean profile (QoS 0/1, no streamed publishes). Lint and test those builds too.
    for (label, features) in [
        ("3.1.1-only", "qos2,streaming"),
        ("lean 3.1.1-only", ""),
        ("lean 5.0", "v5"),
    ] {
        let flags = ["--no-default-features", "--features", features];
        run(
            &format!("rawnet-mqtt {label} (--no-default-features --features '{features}'): clippy"),
            cargo()
                .args(["clippy", "-p", "rawnet-mqtt", "--all-targets"])
                .args(flags)
                .args(["--", "-D", "warnings"]),
        )?;
        run(
            &format!("rawnet-mqtt {label} (--no-default-features --features '{features}'): tests"),
            cargo().args(["test", "-p", "rawnet-mqtt"]).args(flags),
        )?;
    }
    rootless_host_path()?;
    package()?;
    crate::board::test()?;
    run(
        "docs",
        cargo()
            .args(["doc", "--workspace", "--no-deps", "--all-features"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )?;
    // rawnet-tcp without smoltcp (the callback contract and `host::HostTcp` only), the form
    // `--all-features` above never builds.
    run(
        "docs: rawnet-tcp --no-default-features --features std",
        cargo()
            .args(["doc", "-p", "rawnet-tcp", "--no-deps"])
            .args(["--no-default-features", "--features", "std"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )?;
    fuzz()?;
    // The soak's short form: the host stack and the firmware through every phase of the
    // fault schedule and three broker restarts in 1.5 minutes. SIGTERM only: a SIGKILL can
    // lose what Mosquitto acknowledged in its last second (docs/reliability.md), which the
    // long form counts apart and a pass/fail check in CI cannot.
    crate::soak::run_task(&[
        "--graceful-restarts".into(),
        "--minutes".into(),
        "1.5".into(),
        "--phase".into(),
        "10".into(),
        "--restart-every".into(),
        "25".into(),
    ])?;
    // Every bench once at its smallest size, valgrind included: the harness cannot rot.
    crate::bench::run_task(&["--smoke".into()])?;
    crate::size::run(false)?;
    crate::stack::check()?;
    eprintln!("\nxtask test: all checks passed");
    Ok(())
}

/// The host path must work without root. Under root (as in CI), run its test binary again as
/// the unprivileged uid 65534 from a world-readable copy, so a privilege it silently relied
/// on would show up as a failure here.
fn rootless_host_path() -> Result<(), String> {
    if !crate::util::is_root() {
        return Ok(()); // the test run above was already unprivileged
    }
    let json = crate::util::output(cargo().args([
        "test",
        "-p",
        "rawnet-tests",
        "--all-features",
        "--test",
        "host_path",
        "--no-run",
        "--message-format=json",
    ]))?;
    let exe = json
        .lines()
        .filter(|l| l.contains("\"name\":\"host_path\""))
        .find_map(|l| {
            let start = l.find("\"executable\":\"")? + "\"executable\":\"".len();
            let end = l[start..].find('"')? + start;
            Some(l[start..end].to_owned())
        })
        .ok_or("cannot find the host_path test binary")?;
    let dir = std::env::temp_dir().join(format!("rawnet-rootless-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let copy = dir.join("host_path");
    std::fs::copy(&exe, &copy).map_err(|e| format!("copy {exe}: {e}"))?;
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(&dir, mode.clone()).map_err(|e| e.to_string())?;
        std::fs::set_permissions(&copy, mode).map_err(|e| e.to_string())?;
    }
    let result = run(
        "host path as uid 65534 (no root)",
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(&copy)
            .current_dir(&dir)
            .env("HOME", &dir),
    );
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Every library crate packages (metadata, licence files, no path-only dependency) and the
/// packaged sources build on their own, without a warning from cargo. The tools and the test
/// crates are not published.
fn package() -> Result<(), String> {
    let out = crate::util::output_all(cargo().args([
        "package",
        "--workspace",
        "--exclude",
        "rawnet-tests",
        "--exclude",
        "xtask",
        "--exclude",
        "rawnet-tools",
        "--exclude",
        "rawnet-bench",
        "--allow-dirty",
    ]))?;
    eprintln!("\n==> cargo package (library crates): packaged and verified");
    if let Some(w) = out.lines().find(|l| l.contains("warning:")) {
        return Err(format!(
            "cargo package warned: {w}
{out}"
        ));
    }
    Ok(())
}

/// Run every cargo-fuzz target found under `crates/*/fuzz` for a bounded time.
fn fuzz() -> Result<(), String> {
    let secs: u64 = std::env::var("RAWNET_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(FUZZ_SECS_DEFAULT);
    crate::fuzz::run(
        crate::fuzz::Limit {
            secs,
            runs: 0,
            sanitizer: true,
        },
        &[],
    )
}

/// The main job: the firmware in QEMU against a local Mosquitto (`tests/examples/demo.rs`),
/// or with `--host` the whole stack on the host (`tests/examples/host_demo.rs`).
pub fn demo(args: &[String]) -> Result<(), String> {
    let example = match args {
        [] => "demo",
        [flag] if flag == "--host" => "host_demo",
        _ => return Err(format!("demo takes no argument but --host, not {args:?}")),
    };
    run(
        "demo",
        cargo().args([
            "run",
            "-p",
            "rawnet-tests",
            "--all-features",
            "--example",
            example,
        ]),
    )
}
