//! `cargo xtask board` (also part of `cargo xtask test`): the board crates under `boards/`.
//!
//! - `boards/lan9118`: format, clippy and its host tests (the driver against the chip model).
//! - `boards/armv7m` (what both boards share: the log's framing, fault reports, stack
//!   painting): format, clippy and docs for thumbv7em-none-eabihf; its code runs in the
//!   `selftest` and `firmware` images below.
//! - `boards/mps2-an386`: format, clippy and a release build for thumbv7em-none-eabihf; then
//!   the images run in QEMU's `mps2-an386`, headless, each with a timeout: `bringup` against
//!   an echo server this task starts on 127.0.0.1 (QEMU's restricted user network, whose only
//!   way out is a `guestfwd` of `10.0.2.100:7` to that server) must exit 0, and `selftest`'s
//!   panic, HardFault and unexpected-interrupt paths must log their reason and exit with
//!   their status, and its clock must stay right across a wrap of the timer. The firmware's
//!   log lines must be in its ELF (defmt's table) and not in flash. Finally the bring-up
//!   image's flash and RAM.
//! - `boards/kinetis` and `boards/frdm-k64f`: see [`k64f`].

mod k64f;

use crate::util::{root, run};
pub use k64f::{check_flash_config, check_log_not_in_flash, FLASH_CONFIG};
use std::io::Read;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The longest any one QEMU run may take.
const QEMU_TIMEOUT: Duration = Duration::from_secs(60);

pub fn test() -> Result<(), String> {
    let lan = root().join("boards/lan9118");
    lint("lan9118", &lan, Clippy::AllTargets)?;
    run("lan9118: host tests", cargo_in(&lan).arg("test"))?;

    let armv7m = root().join("boards/armv7m");
    lint("armv7m", &armv7m, Clippy::Library)?;
    docs("armv7m", &armv7m)?;

    let board = root().join("boards/mps2-an386");
    run(
        "mps2-an386: format",
        cargo_in(&board).args(["fmt", "--check"]),
    )?;
    let app = root().join("boards/app");
    run("app: format", cargo_in(&app).args(["fmt", "--check"]))?;
    // The firmware needs a configuration (boards/app/README.md): the example one builds.
    let example = app.join("config/example.env");
    run(
        "app: clippy (example configuration)",
        cargo_in(&app)
            .args([
                "clippy",
                "--target",
                "thumbv7em-none-eabihf",
                "--",
                "-D",
                "warnings",
            ])
            .env("RAWNET_CONFIG", &example),
    )?;
    run(
        "mps2-an386: clippy (the firmware with boards/app/config/example.env)",
        cargo_in(&board)
            .args(["clippy", "--release", "--", "-D", "warnings"])
            .env("RAWNET_CONFIG", &example),
    )?;
    run(
        "mps2-an386: build (thumbv7em-none-eabihf, release, example configuration)",
        cargo_in(&board)
            .args(["build", "--release"])
            .env("RAWNET_CONFIG", &example),
    )?;
    let bin = board.join("target/thumbv7em-none-eabihf/release");
    check_log_not_in_flash(&bin.join("firmware"))?;
    bringup(&bin.join("bringup"))?;
    for (word, status, log) in [
        ("panic", 101, "PANIC from 0x"),
        ("hardfault", 102, "HARDFAULT pc="),
        ("irq", 103, "unexpected exception or interrupt 5"),
        ("panicreset", 0, "resetting"),
        ("exit7", 7, "selftest: \"exit7\""),
        ("clockwrap", 0, "clockwrap: one wrap interrupt"),
    ] {
        let (code, out) = qemu(&bin.join("selftest"), "none", Some(word))?;
        if code != Some(status) || !out.contains(log) {
            return Err(format!(
                "selftest {word}: expected status {status} and `{log}`, got {code:?}:\n{out}"
            ));
        }
        if word == "panic" {
            panic_site(&bin.join("selftest"), &out, "src/bin/selftest.rs")?;
        }
        eprintln!("    selftest {word}: status {status}, logged `{log}`");
    }
    let sizes = crate::size::measure(&bin.join("bringup"))?;
    eprintln!(
        "    bringup image: text {} data {} bss {} (flash {} B, static RAM {} B)",
        sizes.text,
        sizes.data,
        sizes.bss,
        sizes.text + sizes.data,
        sizes.data + sizes.bss
    );
    k64f::test()
}

/// The panic handler logs return addresses, not the location (docs/footprint.md): the first
/// one, resolved with the ELF by `arm-none-eabi-addr2line`, must name `file`.
fn panic_site(elf: &Path, out: &str, file: &str) -> Result<(), String> {
    let addr = out
        .split("PANIC from 0x")
        .nth(1)
        .and_then(|rest| rest.get(..8))
        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
        .ok_or_else(|| format!("no return address in the panic report:\n{out}"))?;
    // The return address follows the 4-byte `bl`; `- 2` lands inside it, Thumb bit cleared.
    let call = format!("{:#x}", (addr & !1) - 2);
    let lines = crate::util::output(
        Command::new("arm-none-eabi-addr2line")
            .arg("-e")
            .arg(elf)
            .arg(&call),
    )?;
    if lines.contains(file) {
        eprintln!("    selftest panic: {call} is {}", lines.trim());
        Ok(())
    } else {
        Err(format!(
            "panic report {call} resolves to {lines}, not {file}"
        ))
    }
}

/// What clippy checks in a board-side crate.
#[derive(Clone, Copy)]
enum Clippy {
    /// The library and its host tests (crates with a `cargo test` of their own).
    AllTargets,
    /// The library alone, for the crate's own target (thumbv7em-none-eabihf).
    Library,
}

/// `cargo fmt --check` and `cargo clippy -D warnings` for the board-side crate `name` in `dir`.
fn lint(name: &str, dir: &Path, clippy: Clippy) -> Result<(), String> {
    run(
        &format!("{name}: format"),
        cargo_in(dir).args(["fmt", "--check"]),
    )?;
    let targets: &[&str] = match clippy {
        Clippy::AllTargets => &["--all-targets"],
        Clippy::Library => &[],
    };
    run(
        &format!("{name}: clippy"),
        cargo_in(dir)
            .arg("clippy")
            .args(targets)
            .args(["--", "-D", "warnings"]),
    )
}

/// The crate's docs, with rustdoc's warnings as errors.
fn docs(name: &str, dir: &Path) -> Result<(), String> {
    run(
        &format!("{name}: docs"),
        cargo_in(dir)
            .args(["doc", "--no-deps"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )
}

/// `cargo` run in a board crate's folder: its own workspace, `.cargo/config.toml` and
/// `target/` (so the host workspace's build is not disturbed).
pub fn cargo_in(dir: &Path) -> Command {
    let mut c = Command::new("cargo");
    c.current_dir(dir).env_remove("CARGO_TARGET_DIR");
    c
}

/// The bring-up image against an echo server on 127.0.0.1.
fn bringup(elf: &Path) -> Result<(), String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("echo server: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut out = stream.try_clone()?;
                let mut input = stream;
                std::io::copy(&mut input, &mut out)
            });
        }
    });
    // QEMU connects the guestfwd's socket to the server when it starts; the guest's
    // connections to 10.0.2.100:7 are carried over it.
    let net = format!("user,restrict=on,guestfwd=tcp:10.0.2.100:7-tcp:127.0.0.1:{port}");
    let t = Instant::now();
    let (code, out) = qemu(elf, &net, None)?;
    eprintln!("{}", indent(&out));
    if code != Some(0) || !out.contains("bring-up OK") {
        return Err(format!("bring-up in QEMU failed (status {code:?})"));
    }
    eprintln!("    (bring-up in QEMU: {:.1} s)", t.elapsed().as_secs_f64());
    Ok(())
}

/// Run `elf` on `mps2-an386` with NIC backend `-nic NET` (`none`: no network) and optional
/// `-append` text; return its exit status and what it wrote on UART0 (and stderr).
fn qemu(elf: &Path, net: &str, append: Option<&str>) -> Result<(Option<i32>, String), String> {
    let mut cmd = Command::new("qemu-system-arm");
    // -no-reboot: a reset (the firmware's answer to a panic) ends QEMU instead of restarting.
    cmd.args([
        "-M",
        "mps2-an386",
        "-display",
        "none",
        "-monitor",
        "none",
        "-no-reboot",
    ])
    .args(["-serial", "stdio"])
    .args(["-semihosting-config", "enable=on,target=native"])
    .args(["-nic", net])
    .arg("-kernel")
    .arg(elf);
    if let Some(a) = append {
        cmd.args(["-append", a]);
    }
    let log = std::env::temp_dir().join(format!("rawnet-qemu-{}.log", std::process::id()));
    let file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
    let err = file.try_clone().map_err(|e| e.to_string())?;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(err)
        .spawn()
        .map_err(|e| {
            format!("cannot start qemu-system-arm ({e}): cargo xtask setup installs it")
        })?;
    let deadline = Instant::now() + QEMU_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut out = String::new();
    std::fs::File::open(&log)
        .and_then(|mut f| f.read_to_string(&mut out))
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&log);
    let out = out.replace("\r\n", "\n");
    match status {
        Some(s) => Ok((s.code(), out)),
        None => Err(format!(
            "QEMU did not finish in {} s:\n{out}",
            QEMU_TIMEOUT.as_secs()
        )),
    }
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("      {l}\n")).collect()
}
