//! `cargo xtask pac`: regenerate `boards/mk64f12-pac`, the FRDM-K64F's peripheral access
//! crate, from the vendor's SVD (`../shared/vendor-data/MK64F12.svd`, beside the repository).
//!
//! svd2rust on the whole chip writes 8.8 MB of Rust (73 peripherals); the board uses a dozen
//! peripherals and a few registers of each. [`KEEP`] lists them, [`filter`] cuts the SVD down
//! to that list (the kept registers are copied verbatim, fields and enumerations included),
//! and svd2rust + form + rustfmt turn the result into the checked-in crate. The ENET is not
//! in the list: its registers are in `boards/kinetis-enet` (host-tested; its offsets are
//! checked against this SVD by that crate's tests).
//!
//! The K64's system MPU is not in the list: its SVD name `MPU` is one svd2rust reserves for
//! the Cortex-M core's (from the `cortex-m` crate) and skips; the board writes its one
//! register (`CESR`) by address.
//!
//! The cut SVD is also kept in the repository, with the whole ENET peripheral added
//! ([`KEPT_SVD`]): the source the PAC was generated from, and the reference
//! `boards/kinetis`'s register tests read, so neither needs the vendor file beside the
//! repository (Freescale's BSD-3-Clause licence text stays in its header).
//!
//! Pinned tools (installed with `cargo install --locked` when missing): [`SVD2RUST`], [`FORM`].

use crate::util::{have, root, run};
use std::process::Command;

/// svd2rust version the checked-in crate was generated with.
pub const SVD2RUST: &str = "0.37.1";
/// form version that split it into modules.
pub const FORM: &str = "0.13.0";

/// Peripherals and registers kept (SVD names; a register array keeps its `%s` name).
pub const KEEP: &[(&str, &[&str])] = &[
    (
        "SIM",
        &[
            "SOPT2", "SDID", "SCGC2", "SCGC4", "SCGC5", "SCGC6", "CLKDIV1", "UIDH", "UIDMH",
            "UIDML", "UIDL",
        ],
    ),
    ("MCG", &["C1", "C2", "C4", "C5", "C6", "C7", "S"]),
    ("OSC", &["CR"]),
    ("WDOG", &["STCTRLH", "UNLOCK"]),
    ("RCM", &["SRS0", "SRS1"]),
    ("PORTA", &["PCR%s"]),
    ("PORTB", &["PCR%s"]),
    ("PORTE", &["PCR%s"]),
    ("PTB", &["PSOR", "PCOR", "PDDR"]),
    ("PTE", &["PSOR", "PCOR", "PDDR"]),
    ("UART0", &["BDH", "BDL", "C1", "C2", "S1", "D", "C4"]),
    ("RNG", &["CR", "SR", "OR"]),
    ("PIT", &["MCR", "LDVAL%s", "CVAL%s", "TCTRL%s", "TFLG%s"]),
];

/// The cut SVD in the repository (see the module documentation).
pub const KEPT_SVD: &str = "boards/mk64f12-pac/MK64F12-rawnet.svd";

/// Peripherals kept whole in [`KEPT_SVD`] but not given to svd2rust.
const WHOLE: &[&str] = &["ENET"];

/// `small` (a [`filter`] output) with the [`WHOLE`] peripherals of `svd` added verbatim.
pub fn with_whole(small: &str, svd: &str) -> Result<String, String> {
    let (_, rest) = split_once(svd, "<peripherals>")?;
    let (body, _) = split_once(rest, "</peripherals>")?;
    let mut extra = String::new();
    for name in WHOLE {
        let block = elements(body, "peripheral")
            .into_iter()
            .find(|b| first_name(b).is_ok_and(|n| n == *name))
            .ok_or_else(|| format!("the SVD has no peripheral {name}"))?;
        extra.push_str("    ");
        extra.push_str(block);
        extra.push('\n');
    }
    let (head, tail) = split_once(small, "  </peripherals>")?;
    Ok(format!("{head}{extra}  </peripherals>{tail}"))
}

pub fn run_task() -> Result<(), String> {
    let svd_path = root().join("../shared/vendor-data/MK64F12.svd");
    let svd = std::fs::read_to_string(&svd_path).map_err(|e| {
        format!(
            "{}: {e} (the vendor data beside the repository)",
            svd_path.display()
        )
    })?;
    let small = filter(&svd, KEEP)?;
    std::fs::write(root().join(KEPT_SVD), with_whole(&small, &svd)?)
        .map_err(|e| format!("{KEPT_SVD}: {e}"))?;
    let work = root().join("target/xtask-pac");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let small_path = work.join("MK64F12-rawnet.svd");
    std::fs::write(&small_path, small).map_err(|e| e.to_string())?;
    install("svd2rust", SVD2RUST)?;
    install("form", FORM)?;
    run(
        "svd2rust",
        Command::new("svd2rust")
            .arg("-i")
            .arg(&small_path)
            .args(["--target", "cortex-m", "-o"])
            .arg(&work),
    )?;
    let krate = root().join("boards/mk64f12-pac");
    let src = krate.join("src");
    let _ = std::fs::remove_dir_all(&src);
    run(
        "form (split into modules)",
        Command::new("form")
            .arg("-i")
            .arg(work.join("lib.rs"))
            .arg("-o")
            .arg(&src),
    )?;
    run(
        "rustfmt",
        Command::new("cargo").current_dir(&krate).arg("fmt"),
    )?;
    eprintln!("regenerated {}", krate.display());
    Ok(())
}

fn install(program: &str, version: &str) -> Result<(), String> {
    if have(program) {
        return Ok(());
    }
    run(
        &format!("install {program} {version}"),
        Command::new("cargo").args(["install", "--locked", program, "--version", version]),
    )
}

/// The SVD with only the peripherals and registers of `keep`; an error names any listed one
/// the SVD lacks.
pub fn filter(svd: &str, keep: &[(&str, &[&str])]) -> Result<String, String> {
    let (head, rest) = split_once(svd, "<peripherals>")?;
    let (body, tail) = split_once(rest, "</peripherals>")?;
    let mut out = String::with_capacity(svd.len() / 8);
    out.push_str(head);
    out.push_str("<peripherals>\n");
    let mut found = Vec::new();
    for block in elements(body, "peripheral") {
        let name = first_name(block)?;
        let Some((_, regs)) = keep.iter().find(|(p, _)| *p == name) else {
            continue;
        };
        found.push(name);
        let (phead, prest) = split_once(block, "<registers>")?;
        let (rbody, ptail) = split_once(prest, "</registers>")?;
        out.push_str("    ");
        out.push_str(phead);
        out.push_str("<registers>\n");
        let mut kept = Vec::new();
        for reg in elements(rbody, "register") {
            let rname = first_name(reg)?;
            if regs.contains(&rname) {
                kept.push(rname);
                out.push_str("        ");
                out.push_str(reg);
                out.push('\n');
            }
        }
        if let Some(missing) = regs.iter().find(|r| !kept.contains(r)) {
            return Err(format!("the SVD's {name} has no register {missing}"));
        }
        out.push_str("      </registers>");
        out.push_str(ptail);
        out.push('\n');
    }
    if let Some((missing, _)) = keep.iter().find(|(p, _)| !found.contains(p)) {
        return Err(format!("the SVD has no peripheral {missing}"));
    }
    out.push_str("  </peripherals>");
    out.push_str(tail);
    Ok(out)
}

fn split_once<'a>(s: &'a str, at: &str) -> Result<(&'a str, &'a str), String> {
    s.split_once(at)
        .ok_or_else(|| format!("SVD: no `{at}` where one is expected"))
}

/// The `<tag>…</tag>` elements of `s` (not nested in one another), each whole.
fn elements<'a>(s: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut list = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find(&open) {
        let Some(len) = rest[start..].find(&close) else {
            break;
        };
        let end = start + len + close.len();
        list.push(&rest[start..end]);
        rest = &rest[end..];
    }
    list
}

/// The text of the first `<name>` in an element (its own: SVD puts it first).
fn first_name(element: &str) -> Result<&str, String> {
    let (_, rest) = split_once(element, "<name>")?;
    let (name, _) = split_once(rest, "</name>")?;
    Ok(name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVD: &str = "<device><name>X</name><peripherals>
<peripheral><name>A</name><baseAddress>0x1</baseAddress><registers>
<register><name>R1</name><fields><field><name>F</name></field></fields></register>
<register><name>R2</name></register>
</registers></peripheral>
<peripheral><name>B</name><registers><register><name>R1</name></register></registers></peripheral>
</peripherals></device>";

    #[test]
    fn keeps_only_the_listed_peripherals_and_registers() {
        let out = filter(SVD, &[("A", &["R2"])]).unwrap();
        assert!(out.contains("<name>A</name>") && out.contains("<name>R2</name>"));
        assert!(!out.contains("<name>R1</name>"), "{out}");
        assert!(!out.contains("<name>B</name>"), "{out}");
        assert!(out.starts_with("<device><name>X</name>") && out.ends_with("</device>"));
    }

    #[test]
    fn a_name_the_svd_lacks_is_an_error() {
        assert!(filter(SVD, &[("C", &[])])
            .unwrap_err()
            .contains("no peripheral C"));
        assert!(filter(SVD, &[("A", &["R9"])])
            .unwrap_err()
            .contains("no register R9"));
    }

    #[test]
    fn the_kept_svd_has_everything_the_pac_was_made_from() {
        // `cargo xtask pac` writes it from the vendor's SVD; cutting it again to KEEP must
        // find every peripheral and register (an error names a missing one).
        let kept = std::fs::read_to_string(root().join(KEPT_SVD)).unwrap();
        let small = filter(&kept, KEEP).unwrap();
        assert!(
            small.len() < kept.len(),
            "the ENET is in the kept file only"
        );
        // The ENET at its base address: in the kept file, not in the PAC.
        assert!(kept.contains("0x400C0000") && !small.contains("0x400C0000"));
        assert!(kept.contains("<licenseText>Redistribution and use"));
    }
}
