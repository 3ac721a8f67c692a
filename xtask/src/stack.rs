//! `cargo xtask stack <image>`: worst-case stack depth of a footprint image, computed from the
//! image itself.
//!
//! - Frame sizes: the `.stack_sizes` section that rustc writes with `-Z emit-stack-sizes`
//!   (`RUSTC_BOOTSTRAP=1` on a stable toolchain): one entry per function LLVM compiled, its
//!   address and its static frame (callee-saved registers, spills, locals). Functions LLVM did
//!   not compile in this image (compiler-builtins' `memcpy` & co., the runtime's assembly) have
//!   no entry: their frame is read from their prologue (`push`, `vpush`, `sub sp`), and they
//!   are listed as such.
//! - Call graph: `arm-none-eabi-objdump -d` of the linked image. `bl` is a call, a branch
//!   (`b`, `b.w`, conditional or not) to another function is a tail call (the caller's frame is
//!   gone when the callee runs). `blx rN` is an indirect call and `bx rN` (not `lr`) an
//!   indirect tail call: their targets are not in the instruction.
//! - Indirect calls: the candidates are the address-taken functions, whose address (with the
//!   Thumb bit) appears as a word in the image outside the vector table (vtables in `.rodata`,
//!   literal pools in `.text`). Every indirect call is bounded by the deepest candidate; the
//!   report lists the call sites and the candidates so a reader can narrow them down.
//! - Recursion: a cycle in the call graph is named, and counted once (its depth is unknown).
//! - Roots: `Reset` (which calls `main`) and every exception handler in the vector table. An
//!   exception stacks 32 B of context on top of whatever is running (104 B with the FPU's
//!   lazily stacked context), so the peak is the deepest `Reset` path plus the deepest
//!   handler plus 104 B (handlers of one priority do not nest).
//!
//! The image is built into `footprint/<image>/target/stack` (its own target dir, so the
//! measured `cargo xtask size` build is not disturbed); `--elf PATH` analyses a given image.

use crate::util::{self, have, output, root};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What is known about one function.
#[derive(Debug, Default)]
struct Func {
    name: String,
    start: u32,
    end: u32,
    /// The static frame in bytes.
    frame: u32,
    /// Where `frame` comes from: `.stack_sizes` (true) or the prologue (false).
    from_stack_sizes: bool,
    calls: BTreeSet<u32>,
    tail_calls: BTreeSet<u32>,
    /// `blx rN` instructions not resolved to a function: (address, register).
    indirect_calls: Vec<(u32, String)>,
    /// `bx rN` (N not lr) / `mov pc, rN` instructions not resolved: (address, register).
    indirect_jumps: Vec<(u32, String)>,
    /// Indirect calls and jumps resolved to the functions whose address the register holds.
    resolved: usize,
    /// The instructions: (address, mnemonic, operands).
    insns: Vec<(u32, String, String)>,
}

/// How indirect calls are counted in a depth computation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Indirect {
    /// As if they called nothing (a lower bound of the truth).
    Ignore,
    /// As a call to the deepest address-taken function.
    Candidates,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut image = None;
    let mut elf = None;
    let mut features = Vec::new();
    let mut assume = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => return check(),
            "--elf" => elf = Some(PathBuf::from(it.next().ok_or("--elf needs a path")?)),
            "--features" => features.push(it.next().ok_or("--features needs a list")?.clone()),
            "--assume-no-call" => {
                assume.push(it.next().ok_or("--assume-no-call needs a name")?.clone())
            }
            s if !s.starts_with('-') && image.is_none() => image = Some(s.to_string()),
            s => return Err(format!("unknown argument `{s}`\n\n{USAGE}")),
        }
    }
    if !have("arm-none-eabi-objdump") {
        return Err(
            "arm-none-eabi-objdump is missing; run:\n    sudo apt-get install -y binutils-arm-none-eabi"
                .into(),
        );
    }
    let elf = match (elf, image) {
        (Some(elf), _) => elf,
        (None, Some(image)) => build(&image, &features)?,
        (None, None) => return Err(USAGE.into()),
    };
    let report = analyse(&elf, &assume)?;
    print!("{report}");
    Ok(())
}

/// Stack budgets checked by `cargo xtask test` (after the footprint sizes): an image, the
/// `--assume-no-call` names its analysis needs (each justified in docs/footprint.md), and the
/// limit for the deepest path above `main`'s own frame (what the layer under test adds).
const BUDGETS: &[(&str, &[&str], u64)] = &[
    // Issue #6: a TLS handshake's peak stack at most 10 KB besides main's data; measured
    // 8,232 B (2026-12-05; 8,504 B before the verifier's path search). smoltcp's timestamp hook is never set by rawnet-tcp.
    ("tls", &["smoltcp::"], 10 * 1024),
];

/// Check every image in [`BUDGETS`]: the worst case with each indirect call bound by its
/// deepest candidate, minus the cumulative stack at `main`'s frame.
pub fn check() -> Result<(), String> {
    for (image, assume, limit) in BUDGETS {
        let elf = build(image, &[])?;
        let assume: Vec<String> = assume.iter().map(|a| a.to_string()).collect();
        let report = analyse(&elf, &assume)?;
        let above = above_main(&report)
            .ok_or_else(|| format!("stack report of `{image}` not understood:\n{report}"))?;
        eprintln!("    stack of `{image}` above main's frame: {above} B (limit {limit})");
        if above > *limit {
            return Err(format!(
                "stack of `{image}` over budget: {above} B above main's frame (limit {limit}); run `cargo xtask stack {image}`"
            ));
        }
    }
    Ok(())
}

/// From a report: total of the bounded worst case minus the cumulative figure on the line of
/// the image's `main` (`__cortex_m_rt_main`) in that path.
fn above_main(report: &str) -> Option<u64> {
    let (_, bounded) = report.split_once("every indirect call bound by its deepest candidate: ")?;
    let total: u64 = bounded.split_whitespace().next()?.parse().ok()?;
    let at_main: u64 = bounded
        .lines()
        .find(|l| l.ends_with("__cortex_m_rt_main"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    total.checked_sub(at_main)
}

const USAGE: &str = "\
cargo xtask stack <image> [--features F]   build footprint/<image> with -Z emit-stack-sizes and
                                           print its worst-case stack (image: tls, net)
cargo xtask stack --elf PATH               analyse an image built with -Z emit-stack-sizes
cargo xtask stack --check                  hold the images to their stack budgets (run by `test`)
  --assume-no-call NAME   the unresolved indirect calls in functions whose name contains NAME
                          call nothing (an assumption the report repeats; say why in docs)";

/// Build `footprint/<image>` with `-Z emit-stack-sizes` into its `target/stack` dir.
fn build(image: &str, features: &[String]) -> Result<PathBuf, String> {
    let dir = root().join("footprint").join(image);
    if !dir.join("Cargo.toml").exists() {
        return Err(format!("footprint image {} is missing", dir.display()));
    }
    let target = dir.join("target/stack");
    let mut cmd = Command::new("cargo");
    // `cargo rustc` adds the flag to the image crate only, keeping the image's own rustflags
    // (`.cargo/config.toml`); with fat LTO that crate's rustc compiles the whole program, so
    // every function gets its entry.
    cmd.current_dir(&dir)
        .env("CARGO_TARGET_DIR", &target)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["rustc", "--release", "--quiet"]);
    if !features.is_empty() {
        cmd.arg("--features").arg(features.join(","));
    }
    cmd.args(["--", "-Z", "emit-stack-sizes"]);
    util::run(
        &format!("footprint image `{image}` with -Z emit-stack-sizes"),
        &mut cmd,
    )?;
    Ok(target
        .join("thumbv7em-none-eabihf/release")
        .join(format!("footprint-{image}")))
}

/// The sections of an ELF32 little-endian file: name, address, file bytes, allocated.
struct Section<'a> {
    name: String,
    addr: u32,
    data: &'a [u8],
    alloc: bool,
}

fn sections(elf: &[u8]) -> Result<Vec<Section<'_>>, String> {
    let u16_at = |o: usize| -> Result<u16, String> {
        elf.get(o..o + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .ok_or_else(|| "truncated ELF".to_string())
    };
    let u32_at = |o: usize| -> Result<u32, String> {
        elf.get(o..o + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| "truncated ELF".to_string())
    };
    if elf.get(..6) != Some(&[0x7f, b'E', b'L', b'F', 1, 1][..]) {
        return Err("not a 32-bit little-endian ELF file".into());
    }
    let shoff = u32_at(0x20)? as usize;
    let shentsize = u16_at(0x2e)? as usize;
    let shnum = u16_at(0x30)? as usize;
    let shstrndx = u16_at(0x32)? as usize;
    let header = |i: usize| -> Result<(u32, u32, u32, u32, usize, usize), String> {
        let h = shoff + i * shentsize;
        Ok((
            u32_at(h)?,               // name
            u32_at(h + 4)?,           // type
            u32_at(h + 8)?,           // flags
            u32_at(h + 12)?,          // addr
            u32_at(h + 16)? as usize, // offset
            u32_at(h + 20)? as usize, // size
        ))
    };
    let (_, _, _, _, stroff, strsize) = header(shstrndx)?;
    let strtab = elf
        .get(stroff..stroff + strsize)
        .ok_or("truncated section names")?;
    let mut out = Vec::new();
    for i in 0..shnum {
        let (name, ty, flags, addr, offset, size) = header(i)?;
        let name = strtab
            .get(name as usize..)
            .and_then(|s| s.split(|&b| b == 0).next())
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default();
        const SHT_NOBITS: u32 = 8;
        const SHF_ALLOC: u32 = 2;
        let data = if ty == SHT_NOBITS {
            &[][..]
        } else {
            elf.get(offset..offset + size)
                .ok_or_else(|| format!("section {name} is truncated"))?
        };
        out.push(Section {
            name,
            addr,
            data,
            alloc: flags & SHF_ALLOC != 0,
        });
    }
    Ok(out)
}

/// `.stack_sizes`: (function address, frame bytes) pairs; address a u32, size a ULEB128.
fn stack_sizes(data: &[u8]) -> Result<Vec<(u32, u32)>, String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let addr = data
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or("truncated .stack_sizes entry")?;
        i += 4;
        let mut size: u64 = 0;
        let mut shift = 0;
        loop {
            let b = *data.get(i).ok_or("truncated .stack_sizes size")?;
            i += 1;
            if shift > 35 {
                return Err("oversized .stack_sizes size".into());
            }
            size |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        out.push((
            addr & !1,
            u32::try_from(size).map_err(|_| "frame over 4 GiB")?,
        ));
    }
    Ok(out)
}

/// A hexadecimal branch target at the start of `operands` (`1234 <name+0x10>`).
fn target(operands: &str) -> Option<u32> {
    let word = operands.split_whitespace().next()?;
    u32::from_str_radix(word, 16).ok()
}

/// Registers in a `{r4, r5, r6, r7, lr}` / `{d8-d15}` list, counted.
fn reg_count(list: &str) -> u32 {
    let Some(inner) = list
        .split_once('{')
        .and_then(|(_, rest)| rest.split_once('}'))
        .map(|(inner, _)| inner)
    else {
        return 0;
    };
    inner
        .split(',')
        .map(|r| {
            let r = r.trim();
            match r.split_once('-') {
                Some((a, b)) => {
                    let n = |s: &str| {
                        s.trim_start_matches(|c: char| c.is_alphabetic())
                            .parse::<u32>()
                    };
                    match (n(a), n(b)) {
                        (Ok(a), Ok(b)) if b >= a => b - a + 1,
                        _ => 1,
                    }
                }
                None => 1,
            }
        })
        .sum()
}

/// An immediate `#123` or `#0x7b` in `operands`, the last one.
fn immediate(operands: &str) -> Option<u32> {
    let imm = operands.rsplit('#').next()?;
    let imm = imm
        .split(|c: char| c == ']' || c == ',' || c.is_whitespace() || c == '@')
        .next()?;
    match imm.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => imm.parse().ok(),
    }
}

/// The frame a prologue builds: pushes and `sub sp` before the first branch.
fn prologue_frame(insns: &[(u32, String, String)]) -> u32 {
    let mut frame = 0;
    for (_, m, ops) in insns.iter().take(8) {
        let m = m.trim_end_matches(".w").trim_end_matches(".n");
        match m {
            "push" => frame += 4 * reg_count(ops),
            "stmdb" if ops.starts_with("sp!") => frame += 4 * reg_count(ops),
            "vpush" => {
                let per = if ops.contains('d') { 8 } else { 4 };
                frame += per * reg_count(ops);
            }
            "str" if ops.contains("[sp, #-") && ops.ends_with("]!") => {
                frame += immediate(ops).unwrap_or(0)
            }
            "sub" | "subw" if ops.starts_with("sp, ") => frame += immediate(ops).unwrap_or(0),
            m if m.starts_with('b') || m == "cbz" || m == "cbnz" => break,
            _ => {}
        }
    }
    frame
}

/// Parse the disassembly into functions with their calls.
fn functions(disassembly: &str) -> BTreeMap<u32, Func> {
    let mut funcs: BTreeMap<u32, Func> = BTreeMap::new();
    let mut insns: BTreeMap<u32, Vec<(u32, String, String)>> = BTreeMap::new();
    let mut current: Option<u32> = None;
    let mut section_ends = Vec::new();
    let mut last_addr = 0;
    for line in disassembly.lines() {
        if let Some(rest) = line.strip_prefix("Disassembly of section ") {
            let _ = rest;
            if current.is_some() {
                section_ends.push(last_addr);
            }
            current = None;
            continue;
        }
        // `00000400 <Reset>:`
        if let Some((addr, rest)) = line.split_once(" <") {
            if let (Ok(addr), Some(name)) = (u32::from_str_radix(addr, 16), rest.strip_suffix(">:"))
            {
                funcs.insert(
                    addr,
                    Func {
                        name: name.to_string(),
                        start: addr,
                        ..Func::default()
                    },
                );
                current = Some(addr);
                continue;
            }
        }
        // `     400:\tbl\taaa2 <DefaultPreInit>`
        let Some(cur) = current else { continue };
        let mut parts = line.trim_start().splitn(3, '\t');
        let (Some(addr), Some(mnemonic)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(addr) = addr
            .strip_suffix(':')
            .and_then(|a| u32::from_str_radix(a, 16).ok())
        else {
            continue;
        };
        last_addr = addr;
        let operands = parts.next().unwrap_or("").trim().to_string();
        insns
            .entry(cur)
            .or_default()
            .push((addr, mnemonic.to_string(), operands));
    }
    // A function ends where the next symbol starts.
    let starts: Vec<u32> = funcs.keys().copied().collect();
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(u32::MAX);
        let f = funcs.get_mut(start).expect("key from the map");
        f.end = end;
        let Some(body) = insns.get(start) else {
            continue;
        };
        f.frame = prologue_frame(body);
        for (addr, m, ops) in body {
            let base = m.trim_end_matches(".w").trim_end_matches(".n");
            let reg = first_reg(ops);
            if is_branch(base) {
                if let Some(t) = target(ops) {
                    if t < f.start || t >= f.end {
                        f.tail_calls.insert(t);
                    }
                }
            } else if base.starts_with("blx") {
                match reg {
                    Some(r) => f.indirect_calls.push((*addr, r)),
                    None => {
                        if let Some(t) = target(ops) {
                            f.calls.insert(t);
                        }
                    }
                }
            } else if base.starts_with("bx") {
                if let Some(r) = reg.filter(|r| r != "lr") {
                    f.indirect_jumps.push((*addr, r));
                }
            } else if base.starts_with("bl") {
                // `bl`, or `blne` etc. inside an IT block (`ble`/`bls`/`blt` are branches).
                if let Some(t) = target(ops) {
                    f.calls.insert(t);
                }
            } else if (base.starts_with("mov") || base.starts_with("ldr"))
                && ops.starts_with("pc,")
                && !ops.contains("[sp]")
            {
                f.indirect_jumps.push((*addr, "pc".into()));
            }
        }
        f.insns = body.clone();
    }
    funcs
}

/// An instruction after which the next one is reached only by a jump.
fn ends_block(m: &str, ops: &str) -> bool {
    let base = m.trim_end_matches(".w").trim_end_matches(".n");
    base == "b"
        || base == "bx"
        || base == "tbb"
        || base == "tbh"
        || base == "udf"
        || (base == "pop" || base == "ldmia") && ops.contains("pc")
        || base.starts_with("ldr") && ops.starts_with("pc,")
        || base == "mov" && ops.starts_with("pc,")
}

/// `b`, `beq`, `bne`, ... (not `bl`, `blx`, `bx`, `bic`, `bfi`, `bkpt`, ...).
fn is_branch(m: &str) -> bool {
    const CONDS: [&str; 15] = [
        "", "eq", "ne", "cs", "cc", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt",
    ];
    const MORE: [&str; 3] = ["gt", "le", "al"];
    m.strip_prefix('b')
        .is_some_and(|c| CONDS.contains(&c) || MORE.contains(&c))
}

/// A symbol without the generic arguments nested two or more levels deep (`Foo<..>`).
fn short(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in name.chars() {
        match c {
            '<' => {
                depth += 1;
                out.push_str(match depth {
                    1 => "<",
                    2 => "<..",
                    _ => "",
                });
            }
            '>' => {
                if depth <= 2 {
                    out.push('>');
                }
                depth = depth.saturating_sub(1);
            }
            c if depth < 2 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The first operand as a core register name (`r0`..`r12`, `sp`, `lr`, `pc`), if it is one.
fn first_reg(ops: &str) -> Option<String> {
    let r = ops.split(|c: char| c == ',' || c.is_whitespace()).next()?;
    let r = match r {
        "sb" => "r9",
        "sl" => "r10",
        "fp" => "r11",
        "ip" => "r12",
        r => r,
    };
    let core = r
        .strip_prefix('r')
        .is_some_and(|n| n.parse::<u8>().is_ok_and(|n| n <= 12));
    (core || matches!(r, "sp" | "lr" | "pc")).then(|| r.to_string())
}

/// Core registers named in `ops` (`r0`.., `ip` as `r12`), in order.
fn regs_in(ops: &str) -> Vec<String> {
    ops.split(|c: char| !c.is_alphanumeric())
        .filter_map(first_reg)
        .collect()
}

/// The core registers an instruction writes (a conservative reading of Thumb-2 syntax).
fn writes(m: &str, ops: &str) -> Vec<String> {
    let m = m.trim_end_matches(".w").trim_end_matches(".n");
    const NONE: [&str; 27] = [
        "stm", "push", "vpush", "vst", "cmp", "cmn", "tst", "teq", "cbz", "cbnz", "it", "nop",
        "dsb", "dmb", "isb", "udf", "svc", "cps", "wfi", "wfe", "msr", "vmsr", "tbb", "tbh", "pld",
        "vcmp", "bkpt",
    ];
    if (m.starts_with("str") && !m.starts_with("strex"))
        || NONE.iter().any(|p| m.starts_with(p))
        || is_branch(m)
        || m.starts_with("bl")
        || m.starts_with("bx")
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let list = |ops: &str| {
        ops.split_once('{')
            .and_then(|(_, r)| r.split_once('}'))
            .map(|(inner, _)| {
                inner
                    .split(',')
                    .flat_map(|r| {
                        let r = r.trim();
                        match r.split_once('-') {
                            Some((a, b)) => {
                                let n = |s: &str| s.trim_start_matches('r').parse::<u8>().ok();
                                match (n(a), n(b)) {
                                    (Some(a), Some(b)) => {
                                        (a..=b).map(|i| format!("r{i}")).collect::<Vec<_>>()
                                    }
                                    _ => Vec::new(),
                                }
                            }
                            None => first_reg(r).into_iter().collect(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    if m.starts_with("pop") || m.starts_with("ldm") {
        out.extend(list(ops));
    } else if [
        "ldrd", "ldrexd", "umull", "smull", "umlal", "smlal", "vmov", "strexd",
    ]
    .iter()
    .any(|p| m.starts_with(p))
    {
        out.extend(regs_in(ops).into_iter().take(2));
    } else {
        out.extend(first_reg(ops));
    }
    // Base register writeback: `[r1, #4]!`, `[r1], #4`, `ldm r0!, {..}`.
    if ops.contains("]!")
        || ops.contains("], ")
        || ops.split('{').next().is_some_and(|h| h.contains('!'))
    {
        if let Some(b) = ops
            .split_once('[')
            .map_or(first_reg(ops), |(_, r)| first_reg(r))
        {
            out.push(b);
        }
    }
    out
}

/// The function whose address a `ldr rN, [pc, #..] @ (addr ...)` loads, if it loads one.
fn literal_function(
    ops: &str,
    word_at: &dyn Fn(u32) -> Option<u32>,
    funcs: &BTreeMap<u32, Func>,
) -> Option<u32> {
    if !ops.contains("[pc") {
        return None;
    }
    // `@ (1bd4 <f+0x310>)` for `ldr`, `@ b5bc <f+0x21c>` for `ldr.w`
    let lit = ops.split_once("@ ")?.1.trim_start_matches('(');
    let lit = lit.split_whitespace().next()?;
    let v = word_at(u32::from_str_radix(lit, 16).ok()?)?;
    (v & 1 == 1 && funcs.contains_key(&(v & !1))).then_some(v & !1)
}

/// A register's value in the dataflow: unknown, or one of these functions' addresses.
type Val = Option<BTreeSet<u32>>;

fn reg_index(r: &str) -> Option<usize> {
    match r {
        "sp" => Some(13),
        "lr" => Some(14),
        "pc" => Some(15),
        r => r.strip_prefix('r')?.parse().ok().filter(|n| *n <= 12),
    }
}

/// One instruction's effect on what the registers are known to hold (see [`register_values`]).
fn step(
    st: &mut [Val; 16],
    m: &str,
    ops: &str,
    word_at: &dyn Fn(u32) -> Option<u32>,
    funcs: &BTreeMap<u32, Func>,
) {
    let base = m.trim_end_matches(".w").trim_end_matches(".n");
    if base.starts_with("bl") && !is_branch(base)
        || is_branch(base) && target(ops).is_some_and(|t| funcs.contains_key(&t))
    {
        for r in [0, 1, 2, 3, 12, 14] {
            st[r] = None;
        }
    }
    // A register copy keeps what is known (`mov fp, sl`).
    let copied = match (m, regs_in(ops).as_slice()) {
        ("mov", [d, src]) if !ops.contains('#') => reg_index(d).zip(reg_index(src)),
        _ => None,
    };
    let copied = copied.map(|(d, src)| (d, st[src].clone()));
    for w in writes(m, ops) {
        if let Some(r) = reg_index(&w) {
            st[r] = None;
        }
    }
    if let Some((d, v)) = copied {
        st[d] = v;
    }
    if m == "ldr" || m == "ldr.w" {
        if let (Some(r), Some(t)) = (
            first_reg(ops).and_then(|r| reg_index(&r)),
            literal_function(ops, word_at, funcs),
        ) {
            st[r] = Some(BTreeSet::from([t]));
        }
    }
}

/// Which functions each core register can hold before each instruction of `f`: a forward
/// dataflow over the function's branches, where only a literal-pool load of a function's
/// address (`ldr rN, [pc, #..]`) gives a known value (LLVM keeps a callee's address in a
/// register to call it with the 2-byte `blx rN` instead of the 4-byte `bl`). Everything is
/// unknown at entry; a call makes r0-r3, r12 and lr unknown; any other write makes its
/// destination unknown. Jump tables (`tbb`/`tbh`) are read from the image; `None` when one
/// cannot be.
fn register_values(
    f: &Func,
    word_at: &dyn Fn(u32) -> Option<u32>,
    funcs: &BTreeMap<u32, Func>,
) -> Option<Vec<Option<[Val; 16]>>> {
    let n = f.insns.len();
    let index: HashMap<u32, usize> = f
        .insns
        .iter()
        .enumerate()
        .map(|(i, (a, _, _))| (*a, i))
        .collect();
    let mut state: Vec<Option<[Val; 16]>> = vec![None; n];
    if n == 0 {
        return Some(state);
    }
    state[0] = Some(std::array::from_fn(|_| None));
    let join = |into: &mut Option<[Val; 16]>, from: &[Val; 16]| -> bool {
        match into {
            None => {
                *into = Some(from.clone());
                true
            }
            Some(cur) => {
                let mut changed = false;
                for (c, v) in cur.iter_mut().zip(from) {
                    let new = match (&*c, v) {
                        (Some(a), Some(b)) => Some(a.union(b).copied().collect::<BTreeSet<u32>>()),
                        _ => None,
                    };
                    if new != *c {
                        *c = new;
                        changed = true;
                    }
                }
                changed
            }
        }
    };
    let mut work: Vec<usize> = vec![0];
    while let Some(i) = work.pop() {
        let Some(mut st) = state[i].clone() else {
            continue;
        };
        let (_, m, ops) = &f.insns[i];
        let base = m.trim_end_matches(".w").trim_end_matches(".n");
        let outlined = (base.starts_with("bl") && !is_branch(base))
            .then(|| target(ops).and_then(|t| funcs.get(&t)))
            .flatten()
            .filter(|c| c.name.starts_with("OUTLINED_FUNCTION_"));
        match outlined {
            // An outlined sequence is no ABI function: it runs as if inlined here.
            Some(callee) => {
                for (_, cm, cops) in &callee.insns {
                    step(&mut st, cm, cops, word_at, funcs);
                }
                st[14] = None;
            }
            None => step(&mut st, m, ops, word_at, funcs),
        }
        let mut succ = Vec::new();
        if !ends_block(m, ops) && i + 1 < n {
            succ.push(i + 1);
        }
        if base == "tbb" || base == "tbh" {
            // The table follows the instruction (objdump shows it as data): offsets in
            // halfwords from the table's start.
            let table = f.insns[i].0 + 4;
            let end = f.insns[i + 1..]
                .iter()
                .find(|(_, m, _)| !m.starts_with('.'))
                .map(|(a, _, _)| *a)?;
            let width = if base == "tbb" { 1 } else { 2 };
            let mut at = table;
            while at + width <= end {
                let byte = |a: u32| word_at(a & !3).map(|w| (w >> (8 * (a & 3))) & 0xff);
                let v = if width == 1 {
                    byte(at)?
                } else {
                    byte(at)? | byte(at + 1)? << 8
                };
                let j = *index.get(&(table + 2 * v))?;
                if f.insns[j].1.starts_with('.') {
                    return None; // not an instruction: the table was misread
                }
                succ.push(j);
                at += width;
            }
        }
        let dest = if base.starts_with("cb") {
            ops.split_once(", ").and_then(|(_, t)| target(t))
        } else if is_branch(base) {
            target(ops)
        } else {
            None
        };
        if let Some(j) = dest.and_then(|t| index.get(&t)) {
            succ.push(*j);
        }
        for j in succ {
            if join(&mut state[j], &st) {
                work.push(j);
            }
        }
    }
    Some(state)
}

/// The functions `reg` can hold at instruction address `site` of `f`, if known: from the
/// dataflow when the function has one, else from the straight-line run before `site`.
fn resolve(
    f: &Func,
    values: Option<&Vec<Option<[Val; 16]>>>,
    reg: &str,
    site: u32,
    word_at: &dyn Fn(u32) -> Option<u32>,
    funcs: &BTreeMap<u32, Func>,
) -> Option<BTreeSet<u32>> {
    let at = f.insns.iter().position(|(a, _, _)| *a == site)?;
    if let Some(values) = values {
        let st = values.get(at)?.as_ref()?;
        return st[reg_index(reg)?].clone().filter(|s| !s.is_empty());
    }
    // Jump tables: walk back from `site` to the start of its straight-line run (a branch
    // target, or the instruction after an unconditional transfer).
    let targets: BTreeSet<u32> = f
        .insns
        .iter()
        .filter_map(|(_, m, ops)| {
            let base = m.trim_end_matches(".w").trim_end_matches(".n");
            if base.starts_with("cb") {
                ops.split_once(", ").and_then(|(_, t)| target(t))
            } else if is_branch(base) {
                target(ops)
            } else {
                None
            }
        })
        .collect();
    let callee_saved = ["r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11"].contains(&reg);
    for i in (0..at).rev() {
        let (a, m, ops) = &f.insns[i];
        let base = m.trim_end_matches(".w").trim_end_matches(".n");
        if base.starts_with("bl") && !is_branch(base) {
            let outlined = target(ops)
                .and_then(|t| funcs.get(&t))
                .is_some_and(|c| c.name.starts_with("OUTLINED_FUNCTION_"));
            if !callee_saved || outlined {
                return None; // the call may clobber it
            }
        }
        if writes(m, ops).iter().any(|w| w == reg) {
            // An unconditional literal load only (not `ldrne` inside an IT block).
            return match m.as_str() {
                "ldr" | "ldr.w" => {
                    literal_function(ops, word_at, funcs).map(|t| BTreeSet::from([t]))
                }
                _ => None,
            };
        }
        let after_transfer = i
            .checked_sub(1)
            .is_some_and(|p| ends_block(&f.insns[p].1, &f.insns[p].2));
        if targets.contains(a) || after_transfer {
            return None;
        }
    }
    None
}

/// Resolve the indirect calls and jumps that load their target from a literal pool (see
/// [`resolve`]). An outlined function (`OUTLINED_FUNCTION_n`, LLVM's machine outliner) that
/// calls through a register set by its caller is resolved at each of its call sites.
fn resolve_all(funcs: &mut BTreeMap<u32, Func>, word_at: &dyn Fn(u32) -> Option<u32>) {
    let values: HashMap<u32, Vec<Option<[Val; 16]>>> = funcs
        .iter()
        .filter_map(|(&a, f)| Some((a, register_values(f, word_at, funcs)?)))
        .collect();
    // (function, [(site, tail call, targets if resolved)])
    type Sites = Vec<(u32, bool, Option<BTreeSet<u32>>)>;
    let mut changes: Vec<(u32, Sites)> = Vec::new();
    for (&start, f) in funcs.iter() {
        let mut sites = Vec::new();
        let all = f
            .indirect_calls
            .iter()
            .map(|s| (s, false))
            .chain(f.indirect_jumps.iter().map(|s| (s, true)));
        for ((site, reg), tail) in all {
            let mut set = resolve(f, values.get(&start), reg, *site, word_at, funcs);
            if set.is_none() && f.name.starts_with("OUTLINED_FUNCTION_") {
                // Resolved at every call site (the register is set by the caller), or not.
                let mut union = BTreeSet::new();
                let mut ok = true;
                let mut callers = 0;
                for c in funcs.values() {
                    for (a, m, ops) in &c.insns {
                        let base = m.trim_end_matches(".w").trim_end_matches(".n");
                        if target(ops) == Some(start) && (base.starts_with("bl") || is_branch(base))
                        {
                            callers += 1;
                            match resolve(c, values.get(&c.start), reg, *a, word_at, funcs) {
                                Some(s) => union.extend(s),
                                None => ok = false,
                            }
                        }
                    }
                }
                if ok && callers > 0 {
                    set = Some(union);
                }
            }
            sites.push((*site, tail, set));
        }
        if !sites.is_empty() {
            changes.push((start, sites));
        }
    }
    for (start, sites) in changes {
        let f = funcs.get_mut(&start).expect("key from the map");
        for (site, tail, set) in sites {
            let Some(set) = set else { continue };
            f.resolved += 1;
            if tail {
                f.indirect_jumps.retain(|(a, _)| *a != site);
                f.tail_calls.extend(set);
            } else {
                f.indirect_calls.retain(|(a, _)| *a != site);
                f.calls.extend(set);
            }
        }
    }
}

struct Graph {
    funcs: BTreeMap<u32, Func>,
    /// Address-taken functions: candidates of every indirect call.
    taken: BTreeSet<u32>,
}

/// Depth computation: memoised longest path, cycles cut and recorded.
struct Walk<'g> {
    g: &'g Graph,
    mode: Indirect,
    memo: HashMap<u32, (u32, Option<Step>)>,
    on_path: BTreeSet<u32>,
    cycles: BTreeSet<Vec<u32>>,
    path: Vec<u32>,
}

/// The deepest continuation of a function: to which callee, and whether it is a tail call.
#[derive(Clone, Copy)]
struct Step {
    to: u32,
    tail: bool,
    indirect: bool,
}

impl Walk<'_> {
    fn depth(&mut self, f: u32) -> u32 {
        if let Some((d, _)) = self.memo.get(&f) {
            return *d;
        }
        let Some(func) = self.g.funcs.get(&f) else {
            return 0;
        };
        if self.on_path.contains(&f) {
            let at = self.path.iter().position(|&p| p == f).unwrap_or(0);
            let mut cycle = self.path[at..].to_vec();
            // Name a cycle the same way whichever function it was entered by.
            let min = cycle
                .iter()
                .enumerate()
                .min_by_key(|(_, a)| **a)
                .map(|(i, _)| i);
            cycle.rotate_left(min.unwrap_or(0));
            self.cycles.insert(cycle);
            return 0;
        }
        self.on_path.insert(f);
        self.path.push(f);
        let mut best = func.frame;
        let mut step = None;
        let mut consider = |this: &mut Self, to: u32, tail: bool, indirect: bool| {
            let d = this.depth(to) + if tail { 0 } else { func.frame };
            if d > best {
                best = d;
                step = Some(Step { to, tail, indirect });
            }
        };
        for &c in &func.calls {
            consider(self, c, false, false);
        }
        for &t in &func.tail_calls {
            consider(self, t, true, false);
        }
        if self.mode == Indirect::Candidates {
            let taken: Vec<u32> = self.g.taken.iter().copied().collect();
            if !func.indirect_calls.is_empty() {
                for &c in &taken {
                    consider(self, c, false, true);
                }
            }
            if !func.indirect_jumps.is_empty() {
                for &c in &taken {
                    consider(self, c, true, true);
                }
            }
        }
        self.path.pop();
        self.on_path.remove(&f);
        self.memo.insert(f, (best, step));
        best
    }

    /// The deepest path from `f`: (function, frame counted on this path, how it was reached).
    fn path_from(&self, f: u32) -> Vec<(u32, u32, &'static str)> {
        let mut out = Vec::new();
        let mut cur = f;
        let mut how = "";
        let mut seen = BTreeSet::new();
        while seen.insert(cur) {
            let frame = self.g.funcs.get(&cur).map_or(0, |f| f.frame);
            let step = self.memo.get(&cur).and_then(|(_, s)| *s);
            let tail_next = step.is_some_and(|s| s.tail);
            // A function that tail-calls on the deepest path has no frame on it.
            out.push((cur, if tail_next { 0 } else { frame }, how));
            let Some(s) = step else { break };
            how = match (s.tail, s.indirect) {
                (false, false) => "",
                (true, false) => "tail call",
                (false, true) => "indirect call",
                (true, true) => "indirect tail call",
            };
            cur = s.to;
        }
        out
    }
}

fn analyse(elf_path: &Path, assume: &[String]) -> Result<String, String> {
    use std::fmt::Write;
    let bytes =
        std::fs::read(elf_path).map_err(|e| format!("cannot read {}: {e}", elf_path.display()))?;
    let secs = sections(&bytes)?;
    let sizes = secs
        .iter()
        .find(|s| s.name == ".stack_sizes")
        .ok_or_else(|| {
            format!(
                "{} has no .stack_sizes section: build it with RUSTC_BOOTSTRAP=1 and -Z emit-stack-sizes",
                elf_path.display()
            )
        })?;
    let sizes = stack_sizes(sizes.data)?;
    let dis = output(
        Command::new("arm-none-eabi-objdump")
            .args(["-d", "--no-show-raw-insn", "-C"])
            .arg(elf_path),
    )?;
    let mut funcs = functions(&dis);
    let word_at = |a: u32| -> Option<u32> {
        secs.iter().filter(|s| s.alloc).find_map(|s| {
            let off = a.checked_sub(s.addr)? as usize;
            let w = s.data.get(off..off + 4)?;
            Some(u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        })
    };
    resolve_all(&mut funcs, &word_at);
    let mut assumed = Vec::new();
    for f in funcs.values_mut() {
        if assume.iter().any(|a| f.name.contains(a.as_str()))
            && !(f.indirect_calls.is_empty() && f.indirect_jumps.is_empty())
        {
            assumed.push(format!(
                "{} ({} sites)",
                short(&f.name),
                f.indirect_calls.len() + f.indirect_jumps.len()
            ));
            f.indirect_calls.clear();
            f.indirect_jumps.clear();
        }
    }
    let mut unknown_sizes = 0;
    for (addr, size) in &sizes {
        match funcs.get_mut(addr) {
            Some(f) => {
                // The prologue is a lower bound; .stack_sizes is LLVM's own figure.
                f.frame = f.frame.max(*size);
                f.from_stack_sizes = true;
            }
            None => unknown_sizes += 1,
        }
    }
    // Address-taken functions and the vector table's handlers.
    let mut taken = BTreeSet::new();
    let mut handlers = BTreeSet::new();
    for s in secs.iter().filter(|s| s.alloc) {
        for (i, w) in s.data.chunks_exact(4).enumerate() {
            let v = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            if v & 1 == 1 && funcs.contains_key(&(v & !1)) {
                if s.name == ".vector_table" {
                    if i >= 1 {
                        handlers.insert(v & !1);
                    }
                } else {
                    taken.insert(v & !1);
                }
            }
        }
    }
    let g = Graph { funcs, taken };
    let name = |a: u32| {
        g.funcs
            .get(&a)
            .map_or_else(|| format!("{a:#x}"), |f| short(&f.name))
    };
    let reset = g
        .funcs
        .values()
        .find(|f| f.name == "Reset")
        .map(|f| f.start)
        .ok_or("no Reset symbol")?;

    let mut out = String::new();
    let _ = writeln!(out, "stack: {}", elf_path.display());
    let no_size: Vec<&Func> = g.funcs.values().filter(|f| !f.from_stack_sizes).collect();
    let _ = writeln!(
        out,
        "  functions: {} ({} with a .stack_sizes frame; {} without, frame read from the prologue{})",
        g.funcs.len(),
        g.funcs.len() - no_size.len(),
        no_size.len(),
        if unknown_sizes > 0 {
            format!("; {unknown_sizes} .stack_sizes entries match no symbol")
        } else {
            String::new()
        }
    );

    let mut direct = Walk {
        g: &g,
        mode: Indirect::Ignore,
        memo: HashMap::new(),
        on_path: BTreeSet::new(),
        cycles: BTreeSet::new(),
        path: Vec::new(),
    };
    let reset_direct = direct.depth(reset);
    let print_path = |out: &mut String, w: &Walk<'_>, from: u32| {
        let mut total = 0;
        for (f, frame, how) in w.path_from(from) {
            total += frame;
            let tag = if how.is_empty() {
                String::new()
            } else {
                format!(" ({how})")
            };
            let src = match g.funcs.get(&f) {
                Some(func) if !func.from_stack_sizes => ", prologue",
                _ => "",
            };
            let _ = writeln!(out, "      {total:>6}  {frame:>5}{src}  {}{tag}", name(f));
        }
    };
    for a in &assumed {
        let _ = writeln!(
            out,
            "  ASSUMED (--assume-no-call): the indirect calls in {a} call nothing"
        );
    }
    let _ = writeln!(
        out,
        "\n  Reset -> main, direct calls only (indirect calls counted as calling nothing): {reset_direct} B"
    );
    let _ = writeln!(out, "    deepest path (cumulative, frame, function):");
    print_path(&mut out, &direct, reset);

    // Indirect call sites reachable from the roots.
    let mut reach = BTreeSet::new();
    let mut todo: Vec<u32> = core::iter::once(reset)
        .chain(handlers.iter().copied())
        .collect();
    while let Some(f) = todo.pop() {
        if !reach.insert(f) {
            continue;
        }
        if let Some(func) = g.funcs.get(&f) {
            todo.extend(func.calls.iter().chain(&func.tail_calls).copied());
            if !func.indirect_calls.is_empty() || !func.indirect_jumps.is_empty() {
                todo.extend(g.taken.iter().copied());
            }
        }
    }
    let sites: Vec<&Func> = reach
        .iter()
        .filter_map(|a| g.funcs.get(a))
        .filter(|f| !f.indirect_calls.is_empty() || !f.indirect_jumps.is_empty())
        .collect();
    let _ = writeln!(
        out,
        "\n  indirect calls resolved to the function a literal-pool load put in the register: {}",
        g.funcs.values().map(|f| f.resolved).sum::<usize>()
    );
    let _ = writeln!(
        out,
        "  indirect call sites left, reachable from the roots: {} in {} functions (frame, sites):",
        sites
            .iter()
            .map(|f| f.indirect_calls.len() + f.indirect_jumps.len())
            .sum::<usize>(),
        sites.len()
    );
    for f in &sites {
        let list = |v: &[(u32, String)]| {
            v.iter()
                .map(|(a, r)| format!("{a:x} {r}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = write!(out, "    {:>5}  {}:", f.frame, short(&f.name));
        if !f.indirect_calls.is_empty() {
            let _ = write!(out, " blx at {}", list(&f.indirect_calls));
        }
        if !f.indirect_jumps.is_empty() {
            let _ = write!(out, " bx (tail) at {}", list(&f.indirect_jumps));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "  candidates (address-taken functions; deepest direct path from each):"
    );
    let mut cands: Vec<(u32, u32)> = g.taken.iter().map(|&a| (direct.depth(a), a)).collect();
    cands.sort_by(|a, b| b.cmp(a));
    for (d, a) in &cands {
        let _ = writeln!(out, "    {d:>5}  {}", name(*a));
    }

    let mut full = Walk {
        g: &g,
        mode: Indirect::Candidates,
        memo: HashMap::new(),
        on_path: BTreeSet::new(),
        cycles: BTreeSet::new(),
        path: Vec::new(),
    };
    let reset_full = full.depth(reset);
    let _ = writeln!(
        out,
        "\n  Reset -> main, every indirect call bound by its deepest candidate: {reset_full} B"
    );
    let _ = writeln!(out, "    deepest path:");
    print_path(&mut out, &full, reset);

    let mut worst_handler = (0, reset);
    let _ = writeln!(
        out,
        "\n  exception handlers (vector table), candidates bound:"
    );
    for &h in &handlers {
        if h == reset {
            continue;
        }
        let d = full.depth(h);
        let _ = writeln!(out, "    {d:>5}  {}", name(h));
        if d > worst_handler.0 {
            worst_handler = (d, h);
        }
    }
    if worst_handler.0 > 0 {
        let _ = writeln!(out, "    deepest handler path:");
        print_path(&mut out, &full, worst_handler.1);
    }

    let cycles: BTreeSet<Vec<u32>> = direct.cycles.union(&full.cycles).cloned().collect();
    if cycles.is_empty() {
        let _ = writeln!(out, "\n  recursion: none in the call graph");
    } else {
        let _ = writeln!(
            out,
            "\n  recursion (cycles; each counted once, so depths through them are lower bounds):"
        );
        for c in &cycles {
            let names: Vec<String> = c.iter().map(|&a| name(a)).collect();
            let _ = writeln!(out, "    {}", names.join(" -> "));
        }
    }
    let reachable_no_size: Vec<&Func> = no_size
        .iter()
        .filter(|f| reach.contains(&f.start))
        .copied()
        .collect();
    let _ = writeln!(
        out,
        "\n  reachable functions without a .stack_sizes entry (frame from the prologue):"
    );
    for f in &reachable_no_size {
        let _ = writeln!(out, "    {:>5}  {}", f.frame, short(&f.name));
    }
    const EXCEPTION_FRAME: u32 = 104; // 8 words + 17 FPU words + alignment
    let _ = writeln!(
        out,
        "\n  peak: {reset_direct} B (Reset, direct calls) .. {reset_full} B (indirect calls bound), \
         + deepest handler {} B + {EXCEPTION_FRAME} B exception frame = {} B{}",
        worst_handler.0,
        reset_full + worst_handler.0 + EXCEPTION_FRAME,
        if cycles.is_empty() {
            ""
        } else {
            " (recursion: see above)"
        }
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn above_main_reads_the_bounded_path() {
        let report = "\
  Reset -> main, direct calls only (indirect calls counted as calling nothing): 12140 B
    deepest path (cumulative, frame, function):
           8      8  main
       10256  10248  footprint_tls::__cortex_m_rt_main
  Reset -> main, every indirect call bound by its deepest candidate: 18760 B
    deepest path:
           0      0, prologue  Reset
           8      8  main
       10260  10252  footprint_tls::__cortex_m_rt_main
       12232   1864  rawnet_tls::driver::run (indirect call)
";
        assert_eq!(super::above_main(report), Some(18760 - 10260));
        assert_eq!(super::above_main("no such report"), None);
    }

    use super::*;

    #[test]
    fn uleb_entries() {
        // 0x458 -> 0x198 (two ULEB bytes), 0x568 -> 0
        let data = [0x58, 4, 0, 0, 0x98, 0x03, 0x69, 5, 0, 0, 0];
        assert_eq!(
            stack_sizes(&data).unwrap(),
            vec![(0x458, 0x198), (0x568, 0)]
        );
        assert!(stack_sizes(&data[..5]).is_err());
    }

    #[test]
    fn prologue() {
        let i = |m: &str, o: &str| (0, m.to_string(), o.to_string());
        let body = [
            i("push", "{r4, r5, r6, r7, lr}"),
            i("vpush", "{d8-d9}"),
            i("sub.w", "sp, sp, #1024\t@ 0x400"),
            i("bl", "400 <x>"),
            i("sub", "sp, #8"),
        ];
        assert_eq!(prologue_frame(&body), 20 + 16 + 1024);
    }

    #[test]
    fn calls_and_tail_calls() {
        let dis = "\
Disassembly of section .text:

00000400 <a>:
     400:\tpush\t{r7, lr}
     402:\tbl\t410 <b>
     406:\tbeq.n\t402 <a+0x2>
     408:\tblx\tr3
     40a:\tpop\t{r7, pc}

0000040c <c>:
     40c:\tb.w\t400 <a>

00000410 <b>:
     410:\tbx\tlr
     412:\tbx\tr2
";
        let f = functions(dis);
        assert_eq!(f[&0x400].calls, BTreeSet::from([0x410]));
        assert!(f[&0x400].tail_calls.is_empty());
        assert_eq!(f[&0x400].indirect_calls, vec![(0x408, "r3".to_string())]);
        assert_eq!(f[&0x400].frame, 8);
        assert_eq!(f[&0x40c].tail_calls, BTreeSet::from([0x400]));
        assert_eq!(f[&0x410].indirect_jumps, vec![(0x412, "r2".to_string())]);
        let g = Graph {
            funcs: f,
            taken: BTreeSet::new(),
        };
        let mut w = Walk {
            g: &g,
            mode: Indirect::Ignore,
            memo: HashMap::new(),
            on_path: BTreeSet::new(),
            cycles: BTreeSet::new(),
            path: Vec::new(),
        };
        assert_eq!(w.depth(0x40c), 8);
    }

    fn resolved_calls(dis: &str, words: &[(u32, u32)]) -> BTreeMap<u32, Func> {
        let mut f = functions(dis);
        let words = words.to_vec();
        let word_at = move |a: u32| words.iter().find(|(w, _)| *w == a).map(|(_, v)| *v);
        resolve_all(&mut f, &word_at);
        f
    }

    #[test]
    fn register_cached_call_resolved_through_a_loop() {
        let dis = "\
00000400 <f>:
     400:\tpush\t{r4, lr}
     402:\tldr\tr4, [pc, #8]\t@ (40c <f+0xc>)
     404:\tblx\tr4
     406:\tcmp\tr0, #0
     408:\tbne.n\t404 <f+0x4>
     40a:\tpop\t{r4, pc}
     40c:\t.word\t0x00000411

00000410 <g>:
     410:\tbx\tlr
";
        let f = resolved_calls(dis, &[(0x40c, 0x411)]);
        assert!(f[&0x400].indirect_calls.is_empty());
        assert_eq!(f[&0x400].calls, BTreeSet::from([0x410]));
        assert_eq!(f[&0x400].resolved, 1);

        // The register is overwritten on the loop's back edge: unknown, left unresolved.
        let dis = dis.replace("     406:\tcmp\tr0, #0", "     406:\tmov\tr4, r0");
        let f = resolved_calls(&dis, &[(0x40c, 0x411)]);
        assert_eq!(f[&0x400].indirect_calls, vec![(0x404, "r4".to_string())]);
        // A literal that is not a function's address (no Thumb bit) resolves nothing.
        let f = resolved_calls(dis.as_str(), &[(0x40c, 0x410)]);
        assert_eq!(f[&0x400].indirect_calls.len(), 1);
    }

    #[test]
    fn jump_table_targets_join_the_dataflow() {
        // tbb at 0x402: a 2-byte table at 0x406 with offsets (halfwords) 1 and 2 -> 0x408, 0x40a.
        let dis = "\
00000400 <f>:
     400:\tldr\tr5, [pc, #16]\t@ (414 <f+0x14>)
     402:\ttbb\t[pc, r0]
     406:\t.short\t0x0201
     408:\tmov\tr5, r1
     40a:\tblx\tr5
     40c:\tpop\t{r4, r5, pc}
     414:\t.word\t0x00000421

00000420 <g>:
     420:\tbx\tlr
";
        let words = [(0x414, 0x421), (0x404, 0x0201_0000)];
        // Entry 0x408 overwrites r5 before falling into the call: unresolved.
        let f = resolved_calls(dis, &words);
        assert_eq!(f[&0x400].indirect_calls.len(), 1);
        // Without that write both table entries reach the call with g's address.
        let dis = dis.replace("mov\tr5, r1", "mov\tr6, r1");
        let f = resolved_calls(&dis, &words);
        assert_eq!(f[&0x400].calls, BTreeSet::from([0x420]));
        // The straight-line fallback alone would not see it: 0x40a follows no load directly.
    }
}
