//! `cargo xtask size`: build the footprint images under `footprint/` for
//! thumbv7em-none-eabihf and hold them to their budgets.
//!
//! Each image is a minimal firmware (opt-level "z", fat LTO, panic abort) that exercises one
//! slice of rawnet end to end, so its `size` is what that slice costs on a Cortex-M4.
//! docs/footprint.md records the figures and where the bytes go; this command prints
//! today's. The limits below are those figures plus a small margin, without the figures
//! themselves (they would go stale here).

use crate::util::{self, have, output, root};
use std::process::Command;

/// An image, what it measures, and the limits its network-layer figure is held to.
///
/// The figure is `image - baseline`: the same image built with `--features baseline` (the
/// runtime, the stand-in MAC driver and the timer, without the stack) is subtracted, so the
/// vector table, startup code and the driver do not count, as they do not in the C anchor's
/// per-library table.
struct Budget {
    image: &'static str,
    /// Build with `--no-default-features` (the image's features then come from `features`).
    no_default: bool,
    /// Features of the measured build (the baseline gets `baseline` on top).
    features: &'static [&'static str],
    what: &'static str,
    /// What `image - baseline` is: the layers the figure measures.
    layer: &'static str,
    /// The goal from the issue tracker; reported, not enforced until it is met.
    target_flash: u64,
    /// What the image measures today plus a small margin: exceeding it fails the check, so
    /// flash cannot creep up unnoticed. Lower it whenever the image shrinks.
    max_flash: u64,
    /// Static RAM (data + bss) limit for the whole image.
    max_ram: u64,
}

const BUDGETS: &[Budget] = &[
    Budget {
        image: "net",
        no_default: false,
        features: &[],
        what: "rawnet-eth + rawnet-tcp: DHCP, DNS lookup, one TCP connection",
        layer: "network layers",
        target_flash: 28 * 1024,
        max_flash: 32_600,
        max_ram: 12 * 1024,
    },
    Budget {
        image: "tls",
        no_default: false,
        features: &[],
        what: "rawnet-tls over rawnet-tcp: one verified TLS 1.3 handshake (baseline: the same without TLS)",
        layer: "TLS layer",
        target_flash: 40 * 1024,
        max_flash: 50_300,
        // TCP 2 x 4 KiB, MAC frames, TLS records for MFL 1024 + scratch.
        max_ram: 14 * 1024,
    },
    Budget {
        image: "mqtt",
        no_default: false,
        features: &[],
        what: "rawnet-mqtt client (default features: 5.0 and 3.1.1, QoS 0/1/2, streaming; will, subscribe, keep-alive, reconnect) over rawnet-tcp (baseline: the net image's echo application)",
        layer: "MQTT client, 5.0 + 3.1.1",
        target_flash: 12 * 1024,
        max_flash: 20_450,
        // TCP 2 x 2 KiB, MAC frames, client ring/receive/store 3 x 1 KiB.
        max_ram: 11 * 1024,
    },
    Budget {
        image: "mqtt",
        no_default: true,
        features: &["full"],
        what: "rawnet-mqtt client, 3.1.1 only (no `v5`; QoS 0/1/2, streaming)",
        layer: "MQTT client, 3.1.1 only",
        target_flash: 5 * 1024,
        max_flash: 14_300,
        max_ram: 11 * 1024,
    },
    Budget {
        image: "mqtt",
        no_default: true,
        features: &[],
        what: "rawnet-mqtt lean profile: 3.1.1 only, QoS 0/1, no streamed publishes (lwIP's feature set)",
        layer: "MQTT client, lean 3.1.1",
        target_flash: 5 * 1024,
        max_flash: 13_900,
        max_ram: 11 * 1024,
    },
];

/// Sizes from `arm-none-eabi-size` (Berkeley format).
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub text: u64,
    pub data: u64,
    pub bss: u64,
}

impl Sizes {
    fn flash(&self) -> u64 {
        self.text + self.data
    }
    fn ram(&self) -> u64 {
        self.data + self.bss
    }
}

fn build(
    dir: &std::path::Path,
    image: &str,
    no_default: bool,
    features: &[&str],
) -> Result<Sizes, String> {
    let label = format!(
        "footprint image `{image}`{}{}",
        if no_default {
            " --no-default-features"
        } else {
            ""
        },
        if features.is_empty() {
            String::new()
        } else {
            format!(" --features {}", features.join(","))
        }
    );
    let mut cmd = Command::new("cargo");
    cmd.current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .args(["build", "--release", "--quiet"]);
    if no_default {
        cmd.arg("--no-default-features");
    }
    if !features.is_empty() {
        cmd.arg("--features").arg(features.join(","));
    }
    util::run(&label, &mut cmd)?;
    measure(
        &dir.join("target/thumbv7em-none-eabihf/release")
            .join(format!("footprint-{image}")),
    )
}

/// A whole firmware image: the shared application on QEMU's mps2-an386, built as
/// `cargo xtask board` builds it (release, the example configuration).
struct Firmware {
    what: &'static str,
    features: &'static [&'static str],
    /// The goal from issue 15; reported, not enforced until it is met.
    target_flash: u64,
    /// Regression limit: what the image measures today plus a small margin.
    max_flash: u64,
    /// Static RAM (data + bss) limit.
    max_ram: u64,
}

const FIRMWARE: &[Firmware] = &[
    Firmware {
        what: "rawnet firmware, QEMU mps2-an386, MQTT 3.1.1 (whole image)",
        features: &[],
        target_flash: 75_000,
        max_flash: 109_900,
        max_ram: 14 * 1024,
    },
    Firmware {
        what: "rawnet firmware, QEMU mps2-an386, MQTT 5.0 (whole image)",
        features: &["mqtt5"],
        target_flash: 82_000,
        max_flash: 115_600,
        max_ram: 14 * 1024,
    },
];

/// What rawnet is set beside, from `../shared/anchors/` (measured there, not rebuilt here):
/// (what, flash, static RAM, the rest of the RAM).
const ANCHORS: &[(&str, u64, u64, &str)] = &[
    (
        "C stack: lwIP + apps/mqtt + altcp_tls + mbedTLS 2.28 (anchors/c-stack)",
        82_856,
        43_348,
        "+13.7 KB TLS heap +3.6 KB stack = 61 KB",
    ),
    (
        "Rust status quo: smoltcp + embedded-tls + minimq (anchors/rust-status-quo)",
        126_948,
        22_780,
        "+43 KB stack",
    ),
];

fn firmware(f: &Firmware) -> Result<Sizes, String> {
    let board = root().join("boards/mps2-an386");
    let example = root().join("boards/app/config/example.env");
    let mut cmd = crate::board::cargo_in(&board);
    cmd.args(["build", "--release", "--quiet", "--bin", "firmware"])
        .env("RAWNET_CONFIG", &example);
    if !f.features.is_empty() {
        cmd.arg("--features").arg(f.features.join(","));
    }
    util::run(&format!("firmware ({})", f.what), &mut cmd)?;
    measure(&board.join("target/thumbv7em-none-eabihf/release/firmware"))
}

/// One row of the summary table.
struct Row {
    what: String,
    flash: u64,
    ram: Option<u64>,
    note: String,
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn verdict(value: u64, target: u64) -> String {
    format!(
        "target {}: {}",
        group(target),
        if value <= target { "met" } else { "not met" }
    )
}

pub fn run(verbose: bool) -> Result<(), String> {
    if !have("arm-none-eabi-size") {
        return Err(
            "arm-none-eabi-size is missing; run:\n    sudo apt-get install -y binutils-arm-none-eabi"
                .into(),
        );
    }
    let mut over = Vec::new();
    let mut rows = Vec::new();
    // The 5.0 build first, so the image left in boards/mps2-an386/target is the default one.
    for f in FIRMWARE.iter().rev() {
        let s = firmware(f)?;
        if s.flash() > f.max_flash || s.ram() > f.max_ram {
            over.push(f.what);
        }
        rows.push(Row {
            what: f.what.into(),
            flash: s.flash(),
            ram: Some(s.ram()),
            note: format!(
                "{}; RAM + run-time stack: docs/footprint.md",
                verdict(s.flash(), f.target_flash)
            ),
        });
    }
    rows.reverse();
    for b in BUDGETS {
        let dir = root().join("footprint").join(b.image);
        if !dir.join("Cargo.toml").exists() {
            return Err(format!("footprint image {} is missing", dir.display()));
        }
        let mut base_features = b.features.to_vec();
        base_features.push("baseline");
        let base = build(&dir, b.image, b.no_default, &base_features)?;
        let full = build(&dir, b.image, b.no_default, b.features)?;
        let net = full.flash().saturating_sub(base.flash());
        if verbose {
            eprintln!(
                "    footprint/{}: {}\n      image: text {} data {} bss {} (flash {} B, static RAM {} B); baseline: flash {} B; limit {} B\n      elf and map: {}",
                b.image,
                b.what,
                full.text,
                full.data,
                full.bss,
                full.flash(),
                full.ram(),
                base.flash(),
                b.max_flash,
                dir.join("target").display(),
            );
        }
        if net > b.max_flash || full.ram() > b.max_ram {
            over.push(b.image);
        }
        rows.push(Row {
            what: format!(
                "rawnet layer: {} (footprint/{} - baseline)",
                b.layer, b.image
            ),
            flash: net,
            ram: None,
            note: verdict(net, b.target_flash),
        });
    }
    for (what, flash, ram, note) in ANCHORS {
        rows.push(Row {
            what: (*what).into(),
            flash: *flash,
            ram: Some(*ram),
            note: (*note).into(),
        });
    }
    let width = rows.iter().map(|r| r.what.len()).max().unwrap_or(0);
    eprintln!(
        "\n    {:width$}  {:>9}  {:>10}  notes",
        "TLS MQTT client on a Cortex-M4F (thumbv7em, opt-level z)", "flash B", "static RAM"
    );
    for r in &rows {
        eprintln!(
            "    {:width$}  {:>9}  {:>10}  {}",
            r.what,
            group(r.flash),
            r.ram.map(group).unwrap_or_else(|| "-".into()),
            r.note
        );
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "over the regression limits in xtask/src/size.rs: {over:?} (see docs/footprint.md)"
        ))
    }
}

pub fn measure(elf: &std::path::Path) -> Result<Sizes, String> {
    let out = output(Command::new("arm-none-eabi-size").arg(elf))?;
    let line = out
        .lines()
        .nth(1)
        .ok_or_else(|| format!("unexpected size output: {out}"))?;
    let f: Vec<u64> = line
        .split_whitespace()
        .take(3)
        .map(|x| x.parse().map_err(|e| format!("size output `{line}`: {e}")))
        .collect::<Result<_, _>>()?;
    Ok(Sizes {
        text: f[0],
        data: f[1],
        bss: f[2],
    })
}
