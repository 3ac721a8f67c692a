//! The external programs rawnet runs, each with the Debian package that provides it.
//!
//! [`PROGRAMS`] is the one list: every program that the workspace's tests, examples, xtask,
//! board runners and scripts spawn, with where it comes from. `cargo xtask setup` (and every
//! task through [`crate::setup::ensure`]) installs the packages of the [`Source::Install`]
//! entries plus the few build-time libraries in [`LIBRARIES`]; nothing else keeps a package
//! list.
//!
//! The unit test `every_spawned_program_is_listed` (in `programs/tests.rs`, run by
//! `cargo test --workspace`) reads the sources with [`scan()`] and fails, naming file and line,
//! when code spawns a program that is not in the table. What the scanner recognises:
//!
//! - Rust (`.rs`): `Command::new("prog")`; a non-literal `Command::new(expr)` must be in
//!   [`DYNAMIC`] with the programs it can name, or the test fails; the helpers in [`HELPERS`]
//!   called with a literal (`ns.command("ping")` runs `ip netns exec NS ping`,
//!   `have("cargo-fuzz")` checks the PATH before running it); the program behind a wrapper in
//!   [`WRAPPERS`] (`stdbuf -oL mosquitto_sub`, `sh -c SCRIPT`). Comments and the contents of
//!   string literals are not code, so the test can hold its own examples.
//! - Shell scripts (`.sh`, or a `#!…sh` first line): the first word of each command.
//! - `.cargo/config.toml` (the workspace's and every crate's): the first word of a `runner`.

mod scan;
#[cfg(test)]
mod tests;

use crate::util::have;
pub use scan::{scan, Found, Spawn};

/// Where a program comes from on a fresh Debian machine with rustup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Not on a fresh machine: `cargo xtask setup` installs this Debian package.
    Install(&'static str),
    /// On every Debian system already (an Essential or priority-important package); named
    /// for the reader, never installed.
    Base(&'static str),
    /// The Rust toolchain (rustup, cargo) or what xtask installs with it (cargo-fuzz).
    Toolchain,
    /// A crates.io tool installed with `cargo install --locked CRATE` by whoever needs it
    /// (flashing a board, regenerating the PAC); no `cargo xtask test` step runs it.
    Crate(&'static str),
    /// Built from this workspace (cargo builds it before the tests that run it).
    Workspace,
}

/// One program: its name as spawned, its source, and who spawns it.
#[derive(Debug)]
pub struct Program {
    pub name: &'static str,
    pub source: Source,
    pub spawned_by: &'static str,
}

const fn p(name: &'static str, source: Source, spawned_by: &'static str) -> Program {
    Program {
        name,
        source,
        spawned_by,
    }
}

use Source::{Base, Crate, Install, Toolchain, Workspace};

/// Every program the workspace spawns.
#[rustfmt::skip]
pub const PROGRAMS: &[Program] = &[
    p("mosquitto", Install("mosquitto"), "tests/src/mosquitto.rs: the broker of the host and firmware tests"),
    p("mosquitto_pub", Install("mosquitto-clients"), "tests/src/firmware.rs: a command to the firmware"),
    p("mosquitto_sub", Install("mosquitto-clients"), "tests/examples/demo.rs, minimq_tls: independent witness (through stdbuf)"),
    p("openssl", Install("openssl"), "rawnet-tls testkit: `openssl s_server` as a real TLS peer"),
    p("dnsmasq", Install("dnsmasq"), "rawnet-eth host::netns::DnsmasqNet: DHCP + DNS in a namespace"),
    p("ip", Install("iproute2"), "rawnet-eth host::netns: `ip netns`, `ip link`, `ip addr` (on a fresh machine already; listed anyway)"),
    p("ping", Install("iputils-ping"), "rawnet-eth tests/netns.rs: the namespace's kernel pings the stack"),
    p("tcpdump", Install("tcpdump"), "rawnet-eth tests/pcap.rs: reads the captured pcap back"),
    p("pkg-config", Install("pkg-config"), "rawnet-eth build.rs (feature slirp), through the pkg-config crate: finds libslirp"),
    p("arm-none-eabi-size", Install("binutils-arm-none-eabi"), "xtask size: flash and RAM of the images"),
    p("arm-none-eabi-objcopy", Install("binutils-arm-none-eabi"), "xtask bin k64f: the FRDM-K64F firmware as a raw .bin for OpenSDA"),
    p("arm-none-eabi-objdump", Install("binutils-arm-none-eabi"), "xtask stack: call graph of the footprint images"),
    p("arm-none-eabi-addr2line", Install("binutils-arm-none-eabi"), "xtask board, tests/tests/fault_reports.rs: the panic report's return addresses back to file:line"),
    p("qemu-system-arm", Install("qemu-system-arm"), "xtask board, boards/mps2-an386's cargo runner, tests/src/firmware.rs (qemu_guest, fault_reports, firmware_qemu, soak): the firmware on QEMU's mps2-an386"),
    p("probe-rs", Crate("probe-rs-tools"), "boards/frdm-k64f's cargo runner: flashes a connected board (`cargo run --release`)"),
    p("svd2rust", Crate("svd2rust"), "xtask pac: boards/mk64f12-pac from the vendor SVD (installed by the task when missing)"),
    p("form", Crate("form"), "xtask pac: splits svd2rust's lib.rs into modules (installed by the task when missing)"),
    p("sh", Base("dash"), "xtask util::have: `sh -c 'command -v PROG'`"),
    p("id", Base("coreutils"), "xtask util::is_root, tests/src/mosquitto.rs: are we root?"),
    p("dirname", Base("coreutils"), ".ci/run: the repository root"),
    p("chown", Base("coreutils"), "tests/src/mosquitto.rs: the broker's folder for the `mosquitto` user"),
    p("cat", Base("coreutils"), "boards/mps2-an386's cargo runner: QEMU's guestfwd cmd:cat, an echo per connection"),
    p("stdbuf", Base("coreutils"), "tests: line-buffers mosquitto_sub's output"),
    p("setpriv", Base("util-linux"), "xtask test: the host-path test again as uid 65534"),
    p("dpkg-query", Base("dpkg"), "xtask setup: which packages are installed"),
    p("apt-get", Base("apt"), "xtask setup: installs the Install packages (as root)"),
    p("cargo", Toolchain, "xtask (builds, tests, images), .ci/run, tests/src/firmware.rs (builds the board images for the QEMU tests)"),
    p("rustup", Toolchain, "xtask setup: the thumbv7em target, the nightly check"),
    p("cargo-fuzz", Toolchain, "xtask test: the fuzz targets (`cargo install cargo-fuzz` by xtask setup)"),
    p("rawnet-pub", Workspace, "tools/tests: the tool under test (tools/src/bin)"),
    p("rawnet-sub", Workspace, "tools/tests: the tool under test (tools/src/bin)"),
    p("valgrind", Install("valgrind"), "xtask bench: instruction counts (callgrind) of the workloads"),
    p("callgrind_annotate", Install("valgrind"), "xtask bench: callgrind's counts per function (the splits of the tables)"),
    p("git", Install("git"), "xtask bench: the commit each table was measured at"),
    p("rustc", Toolchain, "xtask bench: the compiler version each table names"),
    p("bench-handshake", Workspace, "xtask bench: the handshake workload (bench/src/bin)"),
    p("bench-throughput", Workspace, "xtask bench: the throughput and latency workload (bench/src/bin)"),
    p("bench-scale", Workspace, "xtask bench: the scale workload (bench/src/bin)"),
    p("bench-mqtt", Workspace, "xtask bench: the MQTT clients' workload (bench/src/bin)"),
    p("bench-codec", Workspace, "xtask bench: the MQTT codec workload (bench/src/bin)"),
    p("mosquitto_passwd", Install("mosquitto"), "tools/tests/pub_sub.rs: a password file for -u/-P"),
];

/// Debian packages that are build-time libraries, not programs anyone spawns.
pub const LIBRARIES: &[&str] = &[
    "libslirp-dev", // the user-mode network behind the rootless host path (feature slirp)
    "libglib2.0-dev", // libslirp's dependency (its pkg-config file requires glib-2.0)
];

/// Programs in [`PROGRAMS`] that no workspace source spawns itself: a dependency does.
pub const INDIRECT: &[&str] = &[
    "pkg-config",      // the pkg-config crate, in rawnet-eth's build.rs
    "cat",             // QEMU, for the guestfwd cmd: in boards/mps2-an386/.cargo/config.toml
    "bench-handshake", // xtask bench runs it under valgrind (an argument, not a Command)
    "bench-mqtt",      // likewise
    "bench-codec",     // likewise
];

/// Non-literal `Command::new(…)` arguments, as the scanner renders them (tokens without
/// spaces), and the programs each can name.
pub const DYNAMIC: &[(&str, &[&str])] = &[
    // tests/src/mosquitto.rs: /usr/sbin/mosquitto or /usr/bin/mosquitto or `mosquitto`.
    ("mosquitto_path()", &["mosquitto"]),
    // tools/tests/common: the tool binary cargo built for the test (CARGO_BIN_EXE_*).
    ("tool_binary", &["rawnet-pub", "rawnet-sub"]),
    // xtask bench: a workload binary of the rawnet-bench crate, run natively.
    ("self.bin(bin)", &["bench-throughput", "bench-scale"]),
    // xtask util::cargo: the cargo that runs xtask.
    (
        "std::env::var(\"CARGO\").unwrap_or_else(|_|\"cargo\".into())",
        &["cargo"],
    ),
];

/// Functions whose first argument, when a string literal, names a program they run.
pub const HELPERS: &[&str] = &[
    "command", // rawnet-eth host::netns::NetNs::command: `ip netns exec NS PROG`
    "have",    // xtask util::have: is PROG on the PATH (run next)
];

/// How a wrapper names the program it runs, among the string literals of its statement.
#[derive(Debug, Clone, Copy)]
pub enum Operand {
    /// The first literal that is not an option (`stdbuf -oL PROG …`).
    FirstNonOption,
    /// The literal after `--` (`setpriv … -- PROG …`).
    AfterDashDash,
    /// A shell script in the literal after `-c` (`sh -c SCRIPT`).
    ShellScript,
}

/// Programs that run another program given as an argument.
pub const WRAPPERS: &[(&str, Operand)] = &[
    ("stdbuf", Operand::FirstNonOption),
    ("setpriv", Operand::AfterDashDash),
    ("sh", Operand::ShellScript),
];

/// The program called `name`, if listed.
pub fn find(name: &str) -> Option<&'static Program> {
    PROGRAMS.iter().find(|p| p.name == name)
}

/// The Debian packages to install for all of [`PROGRAMS`] and [`LIBRARIES`], without repeats.
pub fn all_packages() -> Vec<&'static str> {
    let names: Vec<&str> = PROGRAMS.iter().map(|p| p.name).collect();
    let mut list = packages_for(&names);
    list.extend(LIBRARIES);
    list
}

/// The Debian packages to install for the named programs, without repeats (panics on a name
/// not in [`PROGRAMS`]: a bug in xtask, caught by its tests).
pub fn packages_for(programs: &[&str]) -> Vec<&'static str> {
    let mut list = Vec::new();
    for name in programs {
        let prog = find(name).unwrap_or_else(|| panic!("{name} is not in PROGRAMS"));
        if let Source::Install(pkg) = prog.source {
            if !list.contains(&pkg) {
                list.push(pkg);
            }
        }
    }
    list
}

/// What is wrong with the workspace's spawns: programs not in [`PROGRAMS`], `Command::new`
/// arguments the scanner cannot read, and entries nothing spawns any more.
pub fn check(spawns: &[Spawn]) -> Vec<String> {
    let mut bad: Vec<String> = spawns
        .iter()
        .filter_map(|s| {
            let at = format!("{}:{}", s.file.display(), s.line);
            match &s.what {
                Found::Program(name) if find(name).is_none() => Some(format!(
                    "{at}: spawns `{name}`, which is not in xtask/src/programs.rs PROGRAMS \
                     (add it with its Debian package)"
                )),
                Found::Program(_) => None,
                Found::Unknown(expr) => Some(format!(
                    "{at}: `Command::new({expr})`: add the expression to DYNAMIC in \
                     xtask/src/programs.rs with the programs it can name"
                )),
            }
        })
        .collect();
    for p in PROGRAMS {
        let spawned = spawns
            .iter()
            .any(|s| s.what == Found::Program(p.name.into()));
        if !spawned && !INDIRECT.contains(&p.name) {
            bad.push(format!(
                "`{}` is in PROGRAMS but nothing spawns it any more (or add it to INDIRECT)",
                p.name
            ));
        }
    }
    bad
}

/// `cargo xtask programs`: the table, whether each program is on the PATH, and the check.
pub fn run() -> Result<(), String> {
    for p in PROGRAMS {
        let source = match p.source {
            Source::Install(pkg) => format!("Debian {pkg} (installed by setup)"),
            Source::Base(pkg) => format!("base system ({pkg})"),
            Source::Toolchain => "Rust toolchain".into(),
            Source::Crate(c) => format!("cargo install --locked {c} (when needed)"),
            Source::Workspace => "built from this workspace".into(),
        };
        let here = match (p.source, have(p.name)) {
            (Source::Workspace, _) => "built by cargo",
            (_, true) => "found",
            (_, false) => "MISSING",
        };
        println!(
            "{:<22} {here:<8} {source}\n{:<31}{}",
            p.name, "", p.spawned_by
        );
    }
    println!("libraries: {}", LIBRARIES.join(" "));
    let bad = check(&scan(&crate::util::root()));
    if bad.is_empty() {
        println!("every program the workspace spawns is listed");
        Ok(())
    } else {
        Err(bad.join("\n"))
    }
}
