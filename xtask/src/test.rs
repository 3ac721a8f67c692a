//! `cargo xtask test` (everything CI runs) and `cargo xtask demo`.

use crate::util::{cargo, root, run};
use std::process::Command;

/// Crates under `crates/` that must build for the microcontroller without `std`.
const NO_STD_CRATES: &[&str] = &[
    "rawnet-eth",
    "rawnet-tcp",
    "rawnet-ring",
    "rawnet-tls",
    "rawnet-mqtt",
];

/// Seconds each fuzz target runs in the test command (override with RAWNET_FUZZ_SECS).
const FUZZ_SECS_DEFAULT: u32 = 30;

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
    run(
        "docs",
        cargo()
            .args(["doc", "--workspace", "--no-deps", "--all-features"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )?;
    fuzz()?;
    crate::size::run(false)?;
    eprintln!("\nxtask test: all checks passed");
    Ok(())
}

/// Run every cargo-fuzz target found under `crates/*/fuzz` for a bounded time.
fn fuzz() -> Result<(), String> {
    let secs: u32 = std::env::var("RAWNET_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(FUZZ_SECS_DEFAULT);
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("crates"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("fuzz"))
        .filter(|p| p.join("Cargo.toml").exists())
        .collect();
    dirs.sort();
    for dir in dirs {
        let krate = dir.parent().unwrap().to_path_buf();
        let mut targets: Vec<String> = std::fs::read_dir(dir.join("fuzz_targets"))
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                name.strip_suffix(".rs").map(str::to_owned)
            })
            .collect();
        targets.sort();
        for t in targets {
            run(
                &format!("fuzz {t} for {secs} s"),
                Command::new("cargo")
                    .current_dir(&krate)
                    .args(["+nightly", "fuzz", "run", &t, "--"])
                    .arg(format!("-max_total_time={secs}"))
                    .args(["-print_final_stats=1"]),
            )?;
        }
    }
    Ok(())
}

pub fn demo() -> Result<(), String> {
    run(
        "demo",
        cargo().args([
            "run",
            "-p",
            "rawnet-tests",
            "--all-features",
            "--example",
            "demo",
        ]),
    )
}
