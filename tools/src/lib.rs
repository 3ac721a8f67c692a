//! # rawnet-pub and rawnet-sub
//!
//! mosquitto_pub and mosquitto_sub as people already type them, answered by rawnet's own
//! MQTT client (rawnet-mqtt) and TLS 1.3 (rawnet-tls) — the code a device runs — over the
//! host's TCP (`rawnet_tcp::host::HostTcp`, driven in rawnet-tcp's callback order) or over
//! the whole embedded stack in the process (`--stack slirp`, `--stack tap`).
//!
//! The flow of each tool is its MQTT handler ([`publisher::Publisher`],
//! [`subscriber::Subscriber`]): it publishes or subscribes when the client reports the
//! CONNACK and asks for the disconnect once it has what it came for, through the commands
//! the client gives handlers. [`link::run`] only drives the connection and steps in for
//! what no MQTT event brings (`-W`, Ctrl-C, `-l` lines). docs/tools.md maps every flag to
//! mosquitto's and lists the differences.

pub mod args;
pub mod exit;
pub mod format;
pub mod help;
pub mod link;
pub mod net;
pub mod props;
pub mod publisher;
pub mod session;
pub mod signal;
pub mod subscriber;
pub mod tls;

use std::ffi::OsString;

use args::{Parsed, Source, Tool};
use exit::Failure;

/// Parse, run, report: the exit status of `tool` with `args` (without the program name).
pub fn main(tool: Tool, args: impl IntoIterator<Item = OsString>) -> i32 {
    let cfg = match args::parse(tool, args) {
        Ok(Parsed::Run(cfg)) => cfg,
        Ok(Parsed::Help) => {
            print!("{}", help::text(tool));
            return 0;
        }
        Ok(Parsed::Version) => {
            println!("{} {} (rawnet)", tool.name(), env!("CARGO_PKG_VERSION"));
            return 0;
        }
        Err(f) => return report(f, false),
    };
    signal::install();
    let result = match tool {
        Tool::Pub => run_pub(&cfg),
        Tool::Sub => session::run(&cfg, subscriber::Subscriber::new(&cfg)),
    };
    match result {
        Ok(()) => 0,
        Err(f) => report(f, cfg.quiet),
    }
}

fn run_pub(cfg: &args::Config) -> Result<(), Failure> {
    let payload = match cfg.source.as_ref() {
        Some(Source::Message(m)) => publisher::Payload::Bytes(m.clone()),
        Some(Source::Null) | None => publisher::Payload::Bytes(Vec::new()),
        Some(Source::File(path)) => publisher::open_file(path)?,
        Some(Source::Stdin) => publisher::stdin_whole()?,
        Some(Source::Lines) => publisher::Payload::Lines(publisher::stdin_lines()),
    };
    session::run(cfg, publisher::Publisher::new(cfg, payload))
}

fn report(f: Failure, quiet: bool) -> i32 {
    if !quiet {
        eprintln!("{f}");
    }
    f.code
}
