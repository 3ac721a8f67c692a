//! `cargo xtask fuzz [--minutes N | --seconds N] [--runs N] [--no-sanitizer] [target…]`: every
//! cargo-fuzz target of the crates (each `crates/<crate>/fuzz/fuzz_targets/<target>.rs`), one
//! after the other, each for the time asked, or until it has executed `--runs` inputs (then
//! without a time limit unless one is given too); `cargo xtask test` runs them briefly.
//!
//! The targets run under AddressSanitizer by default. `--no-sanitizer` (cargo fuzz's `-s
//! none`) is for the long runs: the crates forbid `unsafe` code, so what ASan adds is checks
//! of the dependencies' unsafe code (the crypto crates' intrinsics) at a 4–7× slower rate
//! (`server_stream` 580 → 3,900 and `after_handshake` 100 → 400 inputs a second here); a
//! panic, the findings that matter for network input, is caught either way.
//!
//! Each target starts from its seed corpus, committed under `fuzz/seeds/<target>/` (inputs that
//! reach deep paths: real packets, a real handshake, the regression inputs of earlier
//! findings), and grows its working corpus in `fuzz/corpus/<target>/` (not committed). A
//! crash ends the task with the failing input in `fuzz/artifacts/<target>/`; it becomes a
//! regression test of its crate and a seed. The table at the end gives the executions per
//! target, the figure docs/reliability.md records.

use crate::util::root;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

/// One fuzz target: its crate folder and name.
pub struct Target {
    pub krate: PathBuf,
    pub name: String,
}

/// Every target of every crate, sorted by crate then name.
pub fn targets() -> Result<Vec<Target>, String> {
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("crates"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("fuzz/Cargo.toml").exists())
        .collect();
    dirs.sort();
    let mut all = Vec::new();
    for krate in dirs {
        let folder = krate.join("fuzz/fuzz_targets");
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                name.strip_suffix(".rs").map(str::to_owned)
            })
            .collect();
        names.sort();
        all.extend(names.into_iter().map(|name| Target {
            krate: krate.clone(),
            name,
        }));
    }
    Ok(all)
}

/// What one run reported.
struct Outcome {
    target: String,
    /// Wall time of the whole run, the build included.
    secs: f64,
    executions: u64,
    /// libFuzzer's own average, over the fuzzing time only.
    per_sec: u64,
    corpus: usize,
}

/// How long each target runs.
#[derive(Clone, Copy)]
pub struct Limit {
    /// Seconds (0: no time limit).
    pub secs: u64,
    /// Executions (0: no limit).
    pub runs: u64,
    /// Under AddressSanitizer (the default).
    pub sanitizer: bool,
}

/// `cargo xtask fuzz` with its arguments.
pub fn run_task(args: &[String]) -> Result<(), String> {
    let mut secs = None;
    let mut runs = 0;
    let mut sanitizer = true;
    let mut only = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--minutes" | "--seconds" | "--runs" => {
                let n: u64 = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| format!("{a} needs a whole number"))?;
                match a.as_str() {
                    "--minutes" => secs = Some(n * 60),
                    "--seconds" => secs = Some(n),
                    _ => runs = n,
                }
            }
            "--no-sanitizer" => sanitizer = false,
            name if !name.starts_with('-') => only.push(name.to_owned()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    // A minute each by default; with `--runs` alone, as long as the runs take.
    let secs = secs.unwrap_or(if runs > 0 { 0 } else { 60 });
    run(
        Limit {
            secs,
            runs,
            sanitizer,
        },
        &only,
    )
}

/// Runs each target (or those named in `only`) within `limit` and prints the table.
pub fn run(limit: Limit, only: &[String]) -> Result<(), String> {
    let all = targets()?;
    if let Some(unknown) = only.iter().find(|n| !all.iter().any(|t| &t.name == *n)) {
        let names: Vec<_> = all.iter().map(|t| t.name.as_str()).collect();
        return Err(format!("no fuzz target `{unknown}` (targets: {names:?})"));
    }
    let mut outcomes = Vec::new();
    for t in all
        .iter()
        .filter(|t| only.is_empty() || only.contains(&t.name))
    {
        outcomes.push(one(t, limit)?);
    }
    eprintln!(
        "\n    {:<16} {:>8} {:>14} {:>10} {:>8}",
        "target", "wall s", "executions", "exec/s", "corpus"
    );
    for o in &outcomes {
        eprintln!(
            "    {:<16} {:>8.0} {:>14} {:>10} {:>8}",
            o.target, o.secs, o.executions, o.per_sec, o.corpus
        );
    }
    Ok(())
}

fn one(t: &Target, limit: Limit) -> Result<Outcome, String> {
    let fuzz = t.krate.join("fuzz");
    let corpus = fuzz.join("corpus").join(&t.name);
    let seeds = fuzz.join("seeds").join(&t.name);
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&t.krate)
        .args(["+nightly", "fuzz", "run", &t.name]);
    if !limit.sanitizer {
        cmd.args(["-s", "none"]);
    }
    cmd.arg(&corpus);
    if seeds.is_dir() {
        cmd.arg(&seeds);
    }
    cmd.arg("--")
        .arg(format!("-max_total_time={}", limit.secs))
        .arg("-print_final_stats=1")
        .stderr(Stdio::piped());
    if limit.runs > 0 {
        cmd.arg(format!("-runs={}", limit.runs));
    }
    let mut what = Vec::new();
    if limit.secs > 0 {
        what.push(format!("{} s", limit.secs));
    }
    if limit.runs > 0 {
        what.push(format!("{} runs", limit.runs));
    }
    eprintln!(
        "\n==> fuzz {} for {} (seeds: {})\n    $ {cmd:?}",
        t.name,
        what.join(" or "),
        if seeds.is_dir() {
            seeds.display().to_string()
        } else {
            "none".into()
        }
    );
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
    let mut executions = None;
    let mut per_sec = 0;
    // libFuzzer reports on stderr: pass it through and keep the final statistics.
    for line in BufReader::new(child.stderr.take().expect("piped")).lines() {
        let line = line.map_err(|e| e.to_string())?;
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            executions = n.trim().parse().ok();
        }
        if let Some(n) = line.strip_prefix("stat::average_exec_per_sec:") {
            per_sec = n.trim().parse().unwrap_or(0);
        }
        eprintln!("{line}");
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!(
            "fuzz target {} failed ({status}): the input is in {}",
            t.name,
            fuzz.join("artifacts").join(&t.name).display()
        ));
    }
    let corpus_len = std::fs::read_dir(&corpus).map(|d| d.count()).unwrap_or(0);
    Ok(Outcome {
        target: t.name.clone(),
        secs: start.elapsed().as_secs_f64(),
        executions: executions
            .ok_or_else(|| format!("fuzz {}: libFuzzer printed no statistics", t.name))?,
        per_sec,
        corpus: corpus_len,
    })
}
