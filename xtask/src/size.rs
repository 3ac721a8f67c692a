//! `cargo xtask size`: build the footprint images under `footprint/` for
//! thumbv7em-none-eabihf and hold them to their budgets.
//!
//! Each image is a minimal firmware (opt-level "z", fat LTO, panic abort) that exercises one
//! slice of rawnet end to end, so its `size` is what that slice costs on a Cortex-M4.
//! docs/footprint.md records the figures and where the bytes go.

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
        what: "rawnet-eth + rawnet-tcp: DHCP, DNS lookup, one TCP connection",
        layer: "network layers",
        target_flash: 28 * 1024,
        max_flash: 32_700,
        max_ram: 12 * 1024,
    },
    Budget {
        image: "tls",
        what: "rawnet-tls over rawnet-tcp: one verified TLS 1.3 handshake (baseline: the same without TLS)",
        layer: "TLS layer",
        target_flash: 40 * 1024,
        // Measured 49,312 B (2026-12-05: the record-layer guard and the ServerHello check,
        // +2,400 B from 46,912) + 2%.
        max_flash: 50_300,
        // Measured 13,548 B: TCP 2 x 4 KiB, MAC frames, TLS records for MFL 1024 + scratch.
        max_ram: 14 * 1024,
    },
    Budget {
        image: "mqtt",
        what: "rawnet-mqtt client (default features: 5.0 and 3.1.1, QoS 0/1/2, streaming; will, subscribe, keep-alive, reconnect) over rawnet-tcp (baseline: the net image's echo application)",
        layer: "MQTT client",
        target_flash: 12 * 1024,
        // Measured 20,336 B (2026-12-05; 3.1.1-only 13,996 B, lean profiles 19,508 and
        // 13,376 B: docs/footprint-mqtt.md) + a small margin.
        max_flash: 20_450,
        // Measured 10,208 B: TCP 2 x 2 KiB, MAC frames, client ring/receive/store 3 x 1 KiB.
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

fn build(dir: &std::path::Path, image: &str, features: &[&str]) -> Result<Sizes, String> {
    let label = if features.is_empty() {
        format!("footprint image `{image}`")
    } else {
        format!("footprint image `{image}` ({})", features.join(" "))
    };
    let mut cmd = Command::new("cargo");
    cmd.current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .args(["build", "--release", "--quiet"]);
    if !features.is_empty() {
        cmd.arg("--features").arg(features.join(","));
    }
    util::run(&label, &mut cmd)?;
    measure(
        &dir.join("target/thumbv7em-none-eabihf/release")
            .join(format!("footprint-{image}")),
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
    for b in BUDGETS {
        let dir = root().join("footprint").join(b.image);
        if !dir.join("Cargo.toml").exists() {
            return Err(format!("footprint image {} is missing", dir.display()));
        }
        let base = build(&dir, b.image, &["baseline"])?;
        let full = build(&dir, b.image, &[])?;
        let net = full.flash().saturating_sub(base.flash());
        eprintln!(
            "    {}: {}\n      image: text {} data {} bss {} (flash {} B, static RAM {} B)\n      baseline: flash {} B\n      {}: {} B of flash (limit {}, target {}: {})",
            b.image,
            b.what,
            full.text,
            full.data,
            full.bss,
            full.flash(),
            full.ram(),
            base.flash(),
            b.layer,
            net,
            b.max_flash,
            b.target_flash,
            if net <= b.target_flash { "met" } else { "not met yet" },
        );
        if verbose {
            eprintln!("      elf and map: {}", dir.join("target").display());
        }
        if net > b.max_flash || full.ram() > b.max_ram {
            over.push(b.image);
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over budget: {over:?} (see docs/footprint.md)"))
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
