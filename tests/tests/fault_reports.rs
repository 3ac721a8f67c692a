//! The firmware's failure reports in the firmware's own log format (defmt frames on UART0),
//! read back as a user reads them: decoded with the ELF (`rawnet_tests::defmt_log`).
//!
//! `cargo xtask board` runs the board's `selftest` image for the text reports of the bring-up
//! programs; the firmware switches its reports to defmt (`fault::report_with_defmt`), which
//! only these tests exercise: `selftest`'s `defmt-` words fail inside a defmt frame (a panic,
//! an undefined instruction) or with an interrupt nobody handles. Each report must decode
//! after the frame the failure cut short, name the failure, and end QEMU with its status; the
//! panic's first return address must resolve to the selftest's source with
//! `arm-none-eabi-addr2line`. Skipped, saying why, without `qemu-system-arm`.

use rawnet_tests::{defmt_log, firmware};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

/// The longest one run may take (each ends in well under a second).
const TIMEOUT: Duration = Duration::from_secs(60);

fn selftest() -> &'static PathBuf {
    static ELF: OnceLock<PathBuf> = OnceLock::new();
    ELF.get_or_init(|| firmware::build_program("selftest").unwrap())
}

fn skip() -> bool {
    if firmware::have_qemu() {
        return false;
    }
    eprintln!("skipped: qemu-system-arm is not installed (cargo xtask setup installs it)");
    true
}

/// Run the selftest with `-append word` (no network; `-no-reboot`, so a reset ends QEMU):
/// it must end with `status` and log the greeting (`selftest: defmt-WORD`) as its first
/// frame, undisturbed by the report after it; the lines after the greeting, a line per frame
/// (decoded with the ELF).
fn report(word: &str, status: i32) -> Vec<String> {
    let elf = selftest();
    let (end, bytes) = firmware::run_to_end(
        firmware::qemu(elf).args(["-nic", "none", "-no-reboot", "-append", word]),
        TIMEOUT,
    )
    .unwrap();
    let lines = defmt_log::decode(elf, &bytes).unwrap();
    for l in &lines {
        eprintln!("{word} | {l}");
    }
    let end = end.unwrap_or_else(|| panic!("{word}: QEMU did not end within {TIMEOUT:?}"));
    assert_eq!(end.code(), Some(status), "{word}: QEMU ended by {end}");
    let first = lines.first().map(String::as_str).unwrap_or_default();
    assert!(
        first.contains(&format!("INFO  selftest: {word}")),
        "{word}: the first line is {first:?}, not the greeting"
    );
    lines[1..].to_vec()
}

/// The frame a failure cut short: the decoder must see it as one malformed frame (the
/// handler ended it), not swallow the report's first frame with it.
fn cut_frame<'a>(word: &str, lines: &'a [String]) -> &'a [String] {
    assert_eq!(
        lines.first().map(String::as_str),
        Some(defmt_log::MALFORMED),
        "{word}: no cut-short frame after the greeting: {lines:?}"
    );
    &lines[1..]
}

/// The hexadecimal numbers after `key` in `line` (`0x` and eight digits each).
fn hex_after(line: &str, key: &str) -> Vec<u32> {
    line.split(key)
        .skip(1)
        .filter_map(|rest| rest.strip_prefix("0x")?.get(..8))
        .filter_map(|hex| u32::from_str_radix(hex, 16).ok())
        .collect()
}

/// The source line `arm-none-eabi-addr2line` gives for the call before return address `addr`.
fn call_site(elf: &Path, addr: u32) -> String {
    // The return address follows a 4-byte `bl`; `- 2` lands inside it, Thumb bit cleared.
    let call = format!("{:#x}", (addr & !1) - 2);
    let out = Command::new("arm-none-eabi-addr2line")
        .arg("-e")
        .arg(elf)
        .arg(&call)
        .output()
        .expect("arm-none-eabi-addr2line (cargo xtask setup installs binutils-arm-none-eabi)");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn a_panic_inside_a_defmt_frame_is_reported_after_it() {
    if skip() {
        return;
    }
    let word = "defmt-panic";
    let lines = report(word, 101);
    let rest = cut_frame(word, &lines);
    assert_eq!(rest.len(), 1, "{word}: one report line: {rest:?}");
    let report = &rest[0];
    assert!(report.contains("ERROR"), "{word}: {report:?}");
    let from = hex_after(report, "PANIC from ");
    let chain = hex_after(report, " ");
    assert!(
        !from.is_empty() && chain.len() == 3,
        "{word}: not three return addresses: {report:?}"
    );
    // The first address is in the code that panicked: `Fails::format` in the selftest.
    let site = call_site(selftest(), from[0]);
    assert!(
        site.contains("selftest.rs"),
        "{word}: the first return address {:#x} is {site}, not the selftest",
        from[0]
    );
}

#[test]
fn a_hardfault_inside_a_defmt_frame_is_reported_after_it() {
    if skip() {
        return;
    }
    let word = "defmt-hardfault";
    let lines = report(word, 102);
    let rest = cut_frame(word, &lines);
    assert_eq!(rest.len(), 4, "{word}: four report lines: {rest:?}");
    assert!(rest.iter().all(|l| l.contains("ERROR")), "{word}: {rest:?}");
    let pc = hex_after(&rest[0], "pc=");
    assert_eq!(pc.len(), 1, "{word}: no pc in {:?}", rest[0]);
    // The stacked pc is the undefined instruction, in `Fails::format`.
    let site = call_site(selftest(), pc[0] + 2);
    assert!(
        site.contains("selftest.rs") || site.contains("cortex-m"),
        "{word}: pc {:#x} is {site}, not the selftest's `udf`",
        pc[0]
    );
    assert!(rest[1].contains("r0=0x"), "{word}: {:?}", rest[1]);
    // An undefined instruction is a UsageFault (CFSR.UNDEFINSTR, bit 16) escalated to a
    // HardFault (HFSR.FORCED, bit 30).
    let cfsr = hex_after(&rest[2], "CFSR=");
    let hfsr = hex_after(&rest[2], "HFSR=");
    assert_eq!(cfsr, [1 << 16], "{word}: CFSR in {:?}", rest[2]);
    assert_eq!(hfsr, [1 << 30], "{word}: HFSR in {:?}", rest[2]);
    assert!(
        rest[3].contains("MMFAR not valid, BFAR not valid"),
        "{word}: {:?}",
        rest[3]
    );
}

#[test]
fn an_unexpected_interrupt_is_reported() {
    if skip() {
        return;
    }
    let word = "defmt-irq";
    let rest = report(word, 103);
    assert_eq!(rest.len(), 1, "{word}: one report line: {rest:?}");
    assert!(
        rest[0].contains("ERROR") && rest[0].ends_with("unexpected exception or interrupt 5"),
        "{word}: {:?}",
        rest[0]
    );
}

#[test]
fn a_panic_then_a_reset() {
    if skip() {
        return;
    }
    let word = "defmt-panicreset";
    // `-no-reboot`: the reset ends QEMU with status 0.
    let rest = report(word, 0);
    assert_eq!(
        rest.len(),
        2,
        "{word}: the report and `resetting`: {rest:?}"
    );
    assert_eq!(hex_after(&rest[0], " ").len(), 3, "{word}: {:?}", rest[0]);
    assert!(rest[0].contains("PANIC from 0x"), "{word}: {:?}", rest[0]);
    assert!(rest[1].ends_with("resetting"), "{word}: {:?}", rest[1]);
}
