//! The register offsets and bit positions of [`crate::enet::regs`] against the vendor's SVD
//! (the cut of `MK64F12.svd` kept in `boards/mk64f12-pac/MK64F12-rawnet.svd` by
//! `cargo xtask pac`, the ENET peripheral whole), so a typo in a hand-written constant fails
//! here rather than on a board.

extern crate std;

use crate::enet::regs::*;
use std::string::String;

fn enet_block() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../mk64f12-pac/MK64F12-rawnet.svd"
    );
    let svd = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    svd.split("<peripheral>")
        .find(|p| p.trim_start().starts_with("<name>ENET</name>"))
        .expect("ENET in the SVD")
        .into()
}

/// The `<register>` element named `name` in `block`.
fn register<'a>(block: &'a str, name: &str) -> &'a str {
    let at = block
        .find(&std::format!("<name>{name}</name>"))
        .unwrap_or_else(|| panic!("no register {name}"));
    let end = at + block[at..].find("</register>").unwrap();
    &block[at..end]
}

fn number(s: &str) -> u32 {
    match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u32::from_str_radix(h, 16).unwrap(),
        None => s.parse().unwrap(),
    }
}

fn tag<'a>(element: &'a str, tag: &str) -> &'a str {
    let open = std::format!("<{tag}>");
    let at = element.find(&open).unwrap() + open.len();
    let end = at + element[at..].find('<').unwrap();
    element[at..end].trim()
}

/// The field `field` of `reg`: (bit offset, width).
fn field(reg: &str, field: &str) -> (u32, u32) {
    let at = reg
        .find(&std::format!("<name>{field}</name>"))
        .unwrap_or_else(|| panic!("no field {field}"));
    let f = &reg[at..at + reg[at..].find("</field>").unwrap()];
    (number(tag(f, "bitOffset")), number(tag(f, "bitWidth")))
}

#[test]
fn register_offsets_match_the_svd() {
    let enet = enet_block();
    for (name, offset) in [
        ("EIR", EIR),
        ("EIMR", EIMR),
        ("RDAR", RDAR),
        ("TDAR", TDAR),
        ("ECR", ECR),
        ("MMFR", MMFR),
        ("MSCR", MSCR),
        ("MIBC", MIBC),
        ("RCR", RCR),
        ("TCR", TCR),
        ("PALR", PALR),
        ("PAUR", PAUR),
        ("IAUR", IAUR),
        ("IALR", IALR),
        ("GAUR", GAUR),
        ("GALR", GALR),
        ("TFWR", TFWR),
        ("RDSR", RDSR),
        ("TDSR", TDSR),
        ("MRBR", MRBR),
        ("RSFL", RSFL),
        ("TACC", TACC),
        ("RACC", RACC),
        ("IEEE_R_DROP", IEEE_R_DROP),
        ("IEEE_R_CRC", IEEE_R_CRC),
    ] {
        let r = register(&enet, name);
        assert_eq!(number(tag(r, "addressOffset")), u32::from(offset), "{name}");
    }
}

#[test]
fn bits_match_the_svd() {
    let enet = enet_block();
    let one = |reg: &str, f: &str, mask: u32| {
        let (off, width) = field(register(&enet, reg), f);
        assert_eq!((1 << off, width), (mask, 1), "{reg}.{f}");
    };
    one("EIR", "MII", EIR_MII);
    one("EIR", "EBERR", EIR_EBERR);
    one("RDAR", "RDAR", DAR_ACTIVE);
    one("TDAR", "TDAR", DAR_ACTIVE);
    one("ECR", "RESET", ECR_RESET);
    one("ECR", "ETHEREN", ECR_ETHEREN);
    one("ECR", "EN1588", ECR_EN1588);
    one("ECR", "DBSWP", ECR_DBSWP);
    one("MIBC", "MIB_DIS", MIBC_MIB_DIS);
    one("MIBC", "MIB_CLEAR", MIBC_MIB_CLEAR);
    one("RCR", "DRT", RCR_DRT);
    one("RCR", "MII_MODE", RCR_MII_MODE);
    one("RCR", "PROM", RCR_PROM);
    one("RCR", "FCE", RCR_FCE);
    one("RCR", "RMII_MODE", RCR_RMII_MODE);
    one("RCR", "RMII_10T", RCR_RMII_10T);
    one("RCR", "CRCFWD", RCR_CRCFWD);
    one("TCR", "FDEN", TCR_FDEN);
    one("TFWR", "STRFWD", TFWR_STRFWD);
    one("TACC", "IPCHK", TACC_IPCHK);
    one("TACC", "PROCHK", TACC_PROCHK);
    one("RACC", "IPDIS", RACC_IPDIS);
    one("RACC", "PRODIS", RACC_PRODIS);
    one("RACC", "LINEDIS", RACC_LINEDIS);
    let multi = |reg: &str, f: &str, shift: u32, width: u32| {
        assert_eq!(field(register(&enet, reg), f), (shift, width), "{reg}.{f}");
    };
    multi("RCR", "MAX_FL", RCR_MAX_FL_SHIFT, 14);
    multi("MSCR", "MII_SPEED", MSCR_MII_SPEED_SHIFT, 6);
    multi("MMFR", "PA", MMFR_PA_SHIFT, 5);
    multi("MMFR", "RA", MMFR_RA_SHIFT, 5);
    multi("MMFR", "ST", 30, 2);
    multi("MMFR", "OP", 28, 2);
    multi("MMFR", "TA", 16, 2);
    // MRBR counts in 16-byte units from bit 4: the buffer length is a multiple of 16.
    multi("MRBR", "R_BUF_SIZE", 4, 10);
    assert_eq!(crate::enet::BUF_LEN % 16, 0);
    // RDSR/TDSR hold bits 31:3 of the ring's address.
    multi("RDSR", "R_DES_START", 3, 29);
    multi("TDSR", "X_DES_START", 3, 29);
}
