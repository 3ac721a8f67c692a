//! Read a rawnet firmware's defmt log and print it as text: the FRDM-K64F's serial port
//! (`/dev/ttyACM0`, set to 115200 8N1 raw first), a capture file, or standard input.
//!
//! ```sh
//! stty -F /dev/ttyACM0 115200 raw -echo
//! cargo run -p rawnet-tests --example defmt_log -- \
//!     boards/frdm-k64f/target/thumbv7em-none-eabihf/release/firmware /dev/ttyACM0
//! ```
//!
//! The ELF must be the image the board runs: the log's format strings are in it, not on the
//! wire. Decoding is `rawnet_tests::defmt_log`, the same the tests and `cargo xtask demo` use.

use rawnet_tests::defmt_log::LogDecoder;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (elf, input) = match args.as_slice() {
        [elf] => (elf, None),
        [elf, input] => (elf, Some(input)),
        _ => {
            eprintln!("usage: defmt_log FIRMWARE-ELF [SERIAL-PORT-OR-FILE]  (default: stdin)");
            return ExitCode::FAILURE;
        }
    };
    let decoder = match LogDecoder::from_elf(Path::new(elf)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let print = |line: String| println!("{line}");
    match input {
        None => decoder.lines(std::io::stdin().lock(), print),
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => decoder.lines(f, print),
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        },
    }
    ExitCode::SUCCESS
}
