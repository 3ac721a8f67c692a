//! `cargo xtask soak [--minutes N] [soak's flags]`: the long form of the fault suite: the
//! host stack and the QEMU firmware against one Mosquitto for N minutes with broker restarts
//! and a fault schedule (`tests/src/bin/soak.rs` says what runs and what is judged). Built
//! in release, so that the harness's own CPU stays small beside QEMU's. The report is
//! printed at the end; docs/reliability.md keeps the figures of the long runs.

use crate::util::{cargo, run};

/// Run the soak with `args` (passed on to the soak binary: `--minutes`, `--rate`, `--phase`,
/// `--restart-every`, `--period-ms`, `--seed`, `--no-firmware`).
pub fn run_task(args: &[String]) -> Result<(), String> {
    run(
        "soak",
        cargo()
            .args([
                "run",
                "--release",
                "-q",
                "-p",
                "rawnet-tests",
                "--bin",
                "soak",
                "--",
            ])
            .args(args),
    )
}
