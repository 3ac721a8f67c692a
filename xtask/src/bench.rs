//! `cargo xtask bench [--smoke] [group…]`: rawnet beside what users would pick instead, in one
//! run on one machine, printed as tables (docs/benchmarks.md keeps them and reads them).
//!
//! The workloads are the binaries of the `rawnet-bench` crate (`bench/`). What is CPU-bound
//! is counted in instructions with callgrind, which gives the same count for the same binary
//! and input whatever else the machine is doing: the binary runs under
//! `valgrind --tool=callgrind --toggle-collect='*rawnet_bench::measure*'`, so only the work
//! inside `rawnet_bench::measure` (or while a `measure_async` future is polled) is counted. Wall-time figures (throughput, latency, scale)
//! come from the binaries run natively. Each table is printed with the date, the machine,
//! the commit and the command.
//!
//! `--smoke` runs every workload once at its smallest size, valgrind included, and checks
//! that each table comes out: the test command runs it so that the harness cannot rot. Its
//! figures are not benchmarks.

mod codec;
mod handshake;
mod mqtt;
mod scale;
mod throughput;

use crate::util::{cargo, output, root, run};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A group of benchmarks: its name (as given on the command line) and what prints it.
struct Group {
    name: &'static str,
    about: &'static str,
    run: fn(&Ctx) -> Result<String, String>,
}

const GROUPS: &[Group] = &[
    Group {
        name: "handshake",
        about: "TLS 1.3 client handshake: rawnet-tls beside embedded-tls alone (instructions)",
        run: handshake::table,
    },
    Group {
        name: "mqtt",
        about:
            "MQTT layer per message: rawnet-mqtt, minimq, rust-mqtt over rawnet-tls (instructions)",
        run: mqtt::table,
    },
    Group {
        name: "codec",
        about: "MQTT 3.1.1 codec: rawnet-mqtt beside mqttbytes and mqttrs (instructions)",
        run: codec::table,
    },
    Group {
        name: "throughput",
        about:
            "host throughput and latency over TLS to Mosquitto: rawnet vs mosquitto_pub (wall time)",
        run: throughput::table,
    },
    Group {
        name: "scale",
        about: "concurrent TLS MQTT sessions in one process against one Mosquitto (wall time, RSS)",
        run: scale::table,
    },
];

/// What every group needs: whether this is the smoke run, and where the binaries are.
pub struct Ctx {
    pub smoke: bool,
    bins: PathBuf,
}

impl Ctx {
    /// The path of a `rawnet-bench` binary.
    pub fn bin(&self, name: &str) -> PathBuf {
        self.bins.join(name)
    }

    /// Runs `bin args…` natively; its `result KEY VALUE` lines.
    pub fn results(&self, bin: &str, args: &[&str]) -> Result<Results, String> {
        let out = output(Command::new(self.bin(bin)).args(args))?;
        Ok(Results::parse(&out))
    }

    /// Runs `bin args…` under callgrind, counting what runs inside `rawnet_bench::measure`:
    /// the instructions counted and the binary's results.
    pub fn callgrind(&self, bin: &str, args: &[&str]) -> Result<Profile, String> {
        self.callgrind_in(bin, args, "*rawnet_bench::measure*")
    }

    /// [`Ctx::callgrind`], counting only inside the functions matching `toggle` (callgrind's
    /// `--toggle-collect` pattern: it must not match a function that calls another match, or
    /// the inner one switches counting off; valgrind 3.19 keeps only the last of several
    /// `--toggle-collect` options, so one run per pattern).
    pub fn callgrind_in(&self, bin: &str, args: &[&str], toggle: &str) -> Result<Profile, String> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static RUN: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!("rawnet-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let file = dir.join(format!(
            "callgrind.{bin}.{}.out",
            RUN.fetch_add(1, Ordering::Relaxed)
        ));
        let out = output(
            Command::new("valgrind")
                .arg("--tool=callgrind")
                .arg(format!("--toggle-collect={toggle}"))
                .arg(format!("--callgrind-out-file={}", file.display()))
                .arg(self.bin(bin))
                .args(args),
        )
        .map_err(|e| format!("{e}\n(valgrind: apt-get install -y valgrind)"))?;
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let total = text
            .lines()
            .find_map(|l| {
                l.strip_prefix("totals: ")
                    .or_else(|| l.strip_prefix("summary: "))
            })
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .ok_or_else(|| format!("{}: no totals line", file.display()))?;
        Ok(Profile {
            total,
            file,
            results: Results::parse(&out),
        })
    }
}

/// The `result KEY VALUE` lines a binary printed.
#[derive(Debug, Default)]
pub struct Results(Vec<(String, String)>);

impl Results {
    fn parse(out: &str) -> Results {
        Results(
            out.lines()
                .filter_map(|l| {
                    let rest = l.strip_prefix("result ")?;
                    let (k, v) = rest.split_once(' ')?;
                    Some((k.to_owned(), v.trim().to_owned()))
                })
                .collect(),
        )
    }

    /// The value of `key`, parsed.
    pub fn get<T: std::str::FromStr>(&self, key: &str) -> Result<T, String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.parse().ok())
            .ok_or_else(|| format!("no result `{key}` in {:?}", self.0))
    }
}

/// One callgrind run.
pub struct Profile {
    /// Instructions counted inside `rawnet_bench::measure`.
    pub total: u64,
    /// The callgrind output file.
    pub file: PathBuf,
    /// What the binary printed as results.
    pub results: Results,
}

impl Profile {
    /// Self instructions per function (inlined code counted in the function it was
    /// inlined into), largest first, as (instructions, demangled function name).
    pub fn exclusive(&self) -> Result<Vec<(u64, String)>, String> {
        let mut by_name: Vec<(u64, String)> = Vec::new();
        for (n, _, f) in annotate(&self.file)? {
            match by_name.iter_mut().find(|(_, g)| *g == f) {
                Some(e) => e.0 += n,
                None => by_name.push((n, f)),
            }
        }
        by_name.sort_by_key(|e| std::cmp::Reverse(e.0));
        Ok(by_name)
    }

    /// The self instructions of the code whose source file `pick` says yes to.
    pub fn by_source(&self, pick: impl Fn(&str) -> bool) -> Result<u64, String> {
        Ok(annotate(&self.file)?
            .iter()
            .filter(|(_, src, _)| pick(src))
            .map(|(n, _, _)| n)
            .sum())
    }

    /// The self instructions of the functions for which `pick` says yes.
    pub fn exclusive_where(&self, pick: impl Fn(&str) -> bool) -> Result<u64, String> {
        Ok(self
            .exclusive()?
            .iter()
            .filter(|(_, f)| pick(f))
            .map(|(n, _)| n)
            .sum())
    }
}

/// `callgrind_annotate`'s self counts: (instructions, source file, function) per file and
/// function (code inlined from another crate keeps its own file).
fn annotate(file: &Path) -> Result<Vec<(u64, String, String)>, String> {
    let text = output(
        Command::new("callgrind_annotate")
            .args(["--inclusive=no", "--threshold=100", "--auto=no"])
            .arg(file),
    )
    .map_err(|e| format!("{e}\n(callgrind_annotate: apt-get install -y valgrind)"))?;
    Ok(text
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let (count, rest) = l.split_once(' ')?;
            let count: u64 = count.replace(',', "").parse().ok()?;
            // `N (p%)  file:function [object]` (valgrind 3.19: `N  file:function`).
            let rest = rest.trim_start();
            let rest = match rest.strip_prefix('(') {
                Some(r) => r.split_once(')')?.1.trim_start(),
                None => rest,
            };
            let (src, func) = rest.split_once(':').unwrap_or(("???", rest));
            let func = func.rsplit_once(" [").map_or(func, |(f, _)| f);
            Some((count, src.to_owned(), func.trim().to_owned()))
        })
        .collect())
}

/// Now, as `YYYY-MM-DD HH:MM UTC` (the civil date from days since 1970, proleptic
/// Gregorian).
fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// The lines printed above every table: date, machine, commit, command.
fn provenance(args: &[String]) -> String {
    let date = utc_now();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let commit = output(
        Command::new("git")
            .args(["-C"])
            .arg(root())
            .args(["describe", "--always", "--dirty"]),
    )
    .unwrap_or_default()
    .trim()
    .to_owned();
    let rustc = output(Command::new("rustc").arg("--version"))
        .unwrap_or_default()
        .trim()
        .to_owned();
    format!(
        "{date}; {cpu}, {cores} cores; commit {commit}; {rustc}, release profile; `cargo xtask bench {}`",
        args.join(" ")
    )
}

pub fn run_task(args: &[String]) -> Result<(), String> {
    let smoke = args.iter().any(|a| a == "--smoke");
    let names: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(String::as_str)
        .collect();
    for n in &names {
        if !GROUPS.iter().any(|g| g.name == *n) {
            let list: Vec<String> = GROUPS
                .iter()
                .map(|g| format!("  {:<11}{}", g.name, g.about))
                .collect();
            return Err(format!(
                "no bench group `{n}`; the groups:\n{}",
                list.join("\n")
            ));
        }
    }
    run(
        "build the workloads (rawnet-bench, release)",
        cargo().args(["build", "--release", "-p", "rawnet-bench", "--bins"]),
    )?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_relative() { root().join(t) } else { t })
        .unwrap_or_else(|| root().join("target"));
    let ctx = Ctx {
        smoke,
        bins: target.join("release"),
    };
    let header = provenance(args);
    let mut failures = Vec::new();
    for g in GROUPS {
        if !names.is_empty() && !names.contains(&g.name) {
            continue;
        }
        eprintln!("\n==> bench {}: {}", g.name, g.about);
        match (g.run)(&ctx) {
            Ok(table) => println!("\n### {}\n\n{header}\n\n{table}", g.about),
            Err(e) => {
                eprintln!("bench {}: {e}", g.name);
                failures.push(g.name);
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("bench groups failed: {failures:?}"))
    }
}
