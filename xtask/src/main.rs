//! rawnet's task runner (the cargo-xtask convention): everything that is more than one cargo
//! call. `cargo xtask help` lists the tasks.

mod bench;
mod bin;
mod board;
mod fuzz;
mod pac;
mod programs;
mod setup;
mod size;
mod soak;
mod stack;
mod test;
mod util;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task>

tasks:
  demo     run the main job: the firmware in QEMU talking TLS 1.3 + MQTT to a local Mosquitto
           (--host: the same stack on the host instead)
  test     run every check and test CI runs (fmt, clippy, thumbv7em builds, tests, docs, fuzz, size)
  board    the board crates: lan9118 and kinetis host tests, mps2-an386 build and its
           images run in QEMU, frdm-k64f build and its flash configuration field checked
  fuzz     every cargo-fuzz target from its seed corpus: --minutes N (default 1) or --seconds N
           each, and/or --runs N executions; or name targets (fuzz decoder client …);
           --no-sanitizer for long runs (4-7x faster); prints executions per target
  bench    rawnet beside the alternatives, as tables: instruction counts (callgrind) of the
           handshake, the codec, the MQTT layer and the publish path, host throughput, latency
           and scale (--smoke: each once, smallest size; or name groups)
  soak     the long form of the fault suite: --minutes N (default 10) of the host stack and
           the QEMU firmware against Mosquitto with broker restarts (SIGTERM, SIGKILL) and a
           fault schedule; prints messages, duplicates, losses, reconnects, latency, memory
  bin      bin k64f: the FRDM-K64F firmware as a .bin for the OpenSDA drag-and-drop bootloader
  pac      regenerate boards/mk64f12-pac from ../shared/vendor-data/MK64F12.svd (svd2rust, form)
  size     build the footprint images for thumbv7em-none-eabihf and print their sizes
  stack    worst-case stack of a footprint image from its .stack_sizes and call graph (stack tls)
  programs the external programs the workspace runs, their Debian packages, and the check
  setup    install what the other tasks need (rustup target, Debian packages when root)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let result = match task {
        "demo" => setup::ensure(setup::Need::DEMO).and_then(|()| test::demo(&args[1..])),
        "test" => setup::ensure(setup::Need::TEST).and_then(|()| test::all()),
        "board" => setup::ensure(setup::Need::BOARD).and_then(|()| board::test()),
        "size" => setup::ensure(setup::Need::SIZE).and_then(|()| size::run(true)),
        "stack" => setup::ensure(setup::Need::SIZE).and_then(|()| stack::run(&args[1..])),
        "fuzz" => setup::ensure(setup::Need::FUZZ).and_then(|()| fuzz::run_task(&args[1..])),
        "bench" => setup::ensure(setup::Need::DEMO).and_then(|()| bench::run_task(&args[1..])),
        "soak" => setup::ensure(setup::Need::DEMO).and_then(|()| soak::run_task(&args[1..])),
        "bin" => setup::ensure(setup::Need::BIN).and_then(|()| bin::run_task(&args[1..])),
        "pac" => pac::run_task(),
        "programs" => programs::run(),
        "setup" => setup::ensure(setup::Need::TEST),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: error: {e}");
            ExitCode::FAILURE
        }
    }
}
