//! Installing what the tasks need, or saying exactly what to run.

use crate::programs;
use crate::util::{have, is_root, output, run};
use std::process::Command;

/// What a task needs from the machine.
#[derive(Clone, Copy)]
pub struct Need {
    /// The programs (from [`crate::programs::PROGRAMS`]) whose Debian packages the task
    /// needs; `None`: all of them, and the build-time libraries.
    programs: Option<&'static [&'static str]>,
    thumb: bool,
    fuzz: bool,
}

impl Need {
    pub const TEST: Need = Need {
        programs: None,
        thumb: true,
        fuzz: true,
    };
    pub const DEMO: Need = Need {
        programs: None,
        // The demo builds the firmware.
        thumb: true,
        fuzz: false,
    };
    pub const BOARD: Need = Need {
        programs: Some(&[
            "qemu-system-arm",
            "arm-none-eabi-size",
            "arm-none-eabi-addr2line",
        ]),
        thumb: true,
        fuzz: false,
    };
    pub const BIN: Need = Need {
        programs: Some(&["arm-none-eabi-objcopy"]),
        thumb: true,
        fuzz: false,
    };
    pub const FUZZ: Need = Need {
        programs: Some(&[]),
        thumb: false,
        fuzz: true,
    };
    pub const SIZE: Need = Need {
        programs: Some(&["arm-none-eabi-size", "arm-none-eabi-objdump"]),
        thumb: true,
        fuzz: false,
    };

    fn packages(&self) -> Vec<&'static str> {
        match self.programs {
            None => programs::all_packages(),
            Some(list) => programs::packages_for(list),
        }
    }
}

/// Make sure everything in `need` is present: install it when we can, otherwise fail with the
/// exact command to run.
pub fn ensure(need: Need) -> Result<(), String> {
    if need.thumb {
        ensure_target("thumbv7em-none-eabihf", None)?;
    }
    ensure_packages(&need.packages())?;
    if need.fuzz {
        ensure_fuzz()?;
    }
    Ok(())
}

fn ensure_target(target: &str, toolchain: Option<&str>) -> Result<(), String> {
    let mut list = Command::new("rustup");
    if let Some(tc) = toolchain {
        list.arg(format!("+{tc}"));
    }
    let installed = output(list.args(["target", "list", "--installed"]))
        .map_err(|e| format!("rustup is needed to add the {target} target: {e}"))?;
    if installed.lines().any(|l| l.trim() == target) {
        return Ok(());
    }
    let mut add = Command::new("rustup");
    if let Some(tc) = toolchain {
        add.arg(format!("+{tc}"));
    }
    run(
        &format!("add rust target {target}"),
        add.args(["target", "add", target]),
    )
}

fn missing_packages(packages: &[&str]) -> Vec<String> {
    packages
        .iter()
        .filter(|p| {
            let st = output(Command::new("dpkg-query").args(["-W", "-f=${Status}", p]));
            !matches!(st, Ok(s) if s.contains("install ok installed"))
        })
        .map(|p| p.to_string())
        .collect()
}

fn ensure_packages(packages: &[&str]) -> Result<(), String> {
    if !have("dpkg-query") {
        eprintln!("xtask: not a Debian system; make sure these are installed: {packages:?}");
        return Ok(());
    }
    let missing = missing_packages(packages);
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    if !is_root() {
        return Err(format!(
            "missing Debian packages; run:\n    sudo apt-get update && sudo apt-get install -y {list}"
        ));
    }
    run(
        "apt-get update",
        Command::new("apt-get").args(["update", "-qq"]),
    )?;
    run(
        "install Debian packages",
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    let still = missing_packages(packages);
    if still.is_empty() {
        Ok(())
    } else {
        Err(format!("apt-get did not install: {}", still.join(" ")))
    }
}

fn ensure_fuzz() -> Result<(), String> {
    let toolchains = output(Command::new("rustup").args(["toolchain", "list"]))?;
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        return Err(
            "the fuzz targets need a nightly toolchain; run:\n    rustup toolchain install nightly"
                .into(),
        );
    }
    if !have("cargo-fuzz") {
        run(
            "install cargo-fuzz",
            Command::new("cargo").args(["install", "--locked", "cargo-fuzz"]),
        )?;
    }
    Ok(())
}
