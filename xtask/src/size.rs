//! `cargo xtask size`: build the footprint images under `footprint/` for
//! thumbv7em-none-eabihf and hold them to their budgets.
//!
//! Each image is a minimal firmware (opt-level "z", fat LTO, panic abort) that exercises one
//! slice of rawnet end to end, so its `size` is what that slice costs on a Cortex-M4.
//! docs/footprint.md records the figures and where the bytes go.

use crate::util::{self, have, output, root};
use std::process::Command;

/// An image and the flash (text + data) and static RAM (data + bss) it may use.
struct Budget {
    image: &'static str,
    what: &'static str,
    flash: u64,
    ram: u64,
}

const BUDGETS: &[Budget] = &[Budget {
    image: "net",
    what: "rawnet-eth + rawnet-tcp: DHCP, DNS lookup, one TCP connection",
    flash: 28 * 1024,
    ram: 16 * 1024,
}];

/// Sizes from `arm-none-eabi-size` (Berkeley format).
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub text: u64,
    pub data: u64,
    pub bss: u64,
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
        util::run(
            &format!("footprint image `{}`", b.image),
            Command::new("cargo")
                .current_dir(&dir)
                .args(["build", "--release", "--quiet"]),
        )?;
        let elf = dir
            .join("target/thumbv7em-none-eabihf/release")
            .join(format!("footprint-{}", b.image));
        let s = measure(&elf)?;
        let (flash, ram) = (s.text + s.data, s.data + s.bss);
        eprintln!(
            "    {:<6} {}\n           text {} data {} bss {} -> flash {} B (budget {}), static RAM {} B (budget {})",
            b.image, b.what, s.text, s.data, s.bss, flash, b.flash, ram, b.ram
        );
        if verbose {
            eprintln!("           elf: {}", elf.display());
        }
        if flash > b.flash || ram > b.ram {
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
