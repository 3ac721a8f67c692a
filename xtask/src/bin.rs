//! `cargo xtask bin k64f`: the FRDM-K64F firmware as a raw binary for the OpenSDA bootloader.
//!
//! Builds `boards/frdm-k64f`'s `firmware` (release) with the caller's configuration (the
//! `RAWNET_*` settings or `RAWNET_CONFIG`, boards/app/README.md; without one the build stops
//! and names what is missing), then `arm-none-eabi-objcopy -O binary` writes
//! `firmware.bin` beside the ELF: the image from address 0, vector table and flash
//! configuration field included. Copying it onto the board's `MBED`/`FRDM-K64F` USB drive
//! (DAPLink or the OpenSDA MSD firmware) programs it.

use crate::board::{cargo_in, check_flash_config};
use crate::util::{root, run};
use std::process::Command;

pub fn run_task(args: &[String]) -> Result<(), String> {
    match args {
        [b] if b == "k64f" => {}
        _ => return Err(format!("usage: cargo xtask bin k64f (got {args:?})")),
    }
    let board = root().join("boards/frdm-k64f");
    let mut build = cargo_in(&board);
    build.args(["build", "--release", "--bin", "firmware"]);
    // A relative RAWNET_CONFIG means relative to where the task was started.
    if let Some(config) = std::env::var_os("RAWNET_CONFIG") {
        let here = std::env::current_dir().map_err(|e| e.to_string())?;
        build.env("RAWNET_CONFIG", here.join(config));
    }
    run("frdm-k64f: build the firmware (release)", &mut build)?;
    let elf = board.join("target/thumbv7em-none-eabihf/release/firmware");
    check_flash_config(&elf)?;
    let bin = elf.with_extension("bin");
    run(
        "objcopy to a raw binary",
        Command::new("arm-none-eabi-objcopy")
            .args(["-O", "binary"])
            .arg(&elf)
            .arg(&bin),
    )?;
    let bytes = std::fs::read(&bin).map_err(|e| format!("{}: {e}", bin.display()))?;
    // The binary starts at address 0: its bytes 0x400..0x410 are the flash configuration.
    if bytes.get(0x400..0x410) != Some(&crate::board::FLASH_CONFIG[..]) {
        return Err(format!(
            "{}: bytes 0x400..0x410 are not the flash configuration field",
            bin.display()
        ));
    }
    eprintln!(
        "\n{} ({} bytes): copy it onto the board's USB drive (OpenSDA / DAPLink) to flash it",
        bin.display(),
        bytes.len()
    );
    Ok(())
}
