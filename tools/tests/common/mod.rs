//! What the tools' tests share: the built binaries, a broker with a plain and a TLS 1.3
//! listener and a PKI, and runs with a deadline.
#![allow(dead_code, unused_imports)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub use rawnet_tests::certs::Pki;
pub use rawnet_tests::mosquitto::{free_port, Config, Mosquitto};

/// The name every TLS test's broker certificate carries; it resolves to 127.0.0.1.
pub const NAME: &str = "localhost";

/// The path of a tool built for these tests.
pub fn bin(tool: &str) -> PathBuf {
    match tool {
        "rawnet-pub" => env!("CARGO_BIN_EXE_rawnet-pub").into(),
        _ => env!("CARGO_BIN_EXE_rawnet-sub").into(),
    }
}

/// A tool about to run.
pub fn tool(name: &str, args: &[&str]) -> Command {
    let tool_binary = bin(name);
    let mut c = Command::new(tool_binary);
    c.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// What a finished run left.
#[derive(Debug)]
pub struct Output {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

impl Output {
    pub fn ok(&self) -> bool {
        self.code == Some(0)
    }
}

/// A running tool.
pub struct Running {
    pub child: Child,
    pub started: Instant,
    pub what: String,
}

impl Running {
    /// Start `name` with `args`.
    pub fn start(name: &str, args: &[&str]) -> Running {
        Running::spawn(tool(name, args), name, args)
    }

    /// Start `name` with `args` and `input` on its standard input (written, then closed).
    pub fn with_input(name: &str, args: &[&str], input: &[u8]) -> Running {
        let mut c = tool(name, args);
        c.stdin(Stdio::piped());
        let mut r = Running::spawn(c, name, args);
        let mut stdin = r.child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        r
    }

    fn spawn(mut c: Command, name: &str, args: &[&str]) -> Running {
        let child = c
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        Running {
            child,
            started: Instant::now(),
            what: format!("{name} {}", args.join(" ")),
        }
    }

    /// Wait for the exit (killing it after `limit`) and collect its output.
    pub fn finish(mut self, limit: Duration) -> Output {
        let mut out = self.child.stdout.take().unwrap();
        let mut err = self.child.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = out.read_to_end(&mut s);
            s
        });
        let err_reader = std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = err.read_to_end(&mut s);
            s
        });
        let status = wait(&mut self.child, limit)
            .unwrap_or_else(|| panic!("{} still running after {limit:?}", self.what));
        let took = self.started.elapsed();
        Output {
            code: status.code(),
            stdout: String::from_utf8_lossy(&reader.join().unwrap()).into_owned(),
            stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
            took,
        }
    }
}

/// Wait for `child` at most `limit`; kill it after that.
pub fn wait(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let until = Instant::now() + limit;
    loop {
        if let Ok(Some(s)) = child.try_wait() {
            return Some(s);
        }
        if Instant::now() > until {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Run `name` with `args` to its end (10 s at most).
pub fn run(name: &str, args: &[&str]) -> Output {
    Running::start(name, args).finish(Duration::from_secs(10))
}

/// A broker with a plain listener and a TLS 1.3 one, and the PKI of the latter.
pub struct Broker {
    pub mosquitto: Mosquitto,
    pub pki: Pki,
    pub extra: Vec<String>,
}

impl Broker {
    /// Client certificates required on the TLS listener when `mutual`.
    pub fn start(mutual: bool, extra: &[&str]) -> Broker {
        Broker::with_names(&[NAME, "127.0.0.1"], mutual, extra)
    }

    /// [`Broker::start`] with a certificate for `names`.
    pub fn with_names(names: &[&str], mutual: bool, extra: &[&str]) -> Broker {
        let pki = Pki::generate(names).unwrap();
        let config = Config {
            tls: Some(pki.listener(mutual)),
            extra: extra.iter().map(|s| s.to_string()).collect(),
            ..Config::default()
        };
        // A port `free_port` found may be taken again before the broker binds it (another
        // test's connection, say): try again with new ports.
        let mut tries = 0;
        let mosquitto = loop {
            match Mosquitto::start(config.clone()) {
                Ok(m) => break m,
                Err(e) if e.contains("Address already in use") && tries < 5 => tries += 1,
                Err(e) => panic!("{e}"),
            }
        };
        Broker {
            mosquitto,
            pki,
            extra: extra.iter().map(|s| s.to_string()).collect(),
        }
    }

    pub fn port(&self) -> String {
        self.mosquitto.plain.port().to_string()
    }

    pub fn tls_port(&self) -> String {
        self.mosquitto.tls.unwrap().port().to_string()
    }

    pub fn ca(&self) -> String {
        self.pki.path("ca.pem").display().to_string()
    }

    pub fn log(&self) -> String {
        self.mosquitto.log()
    }

    /// Wait until the broker's log has `needle` (5 s at most).
    pub fn wait_log(&self, needle: &str) -> bool {
        self.wait_log_any(&[needle])
    }

    /// Wait until the broker's log has one of `needles` (5 s at most).
    pub fn wait_log_any(&self, needles: &[&str]) -> bool {
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            let log = self.log();
            if needles.iter().any(|n| log.contains(n)) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }
}

/// A subscriber that is subscribed (its SUBSCRIBE reached the broker) before this returns.
pub fn subscriber(broker: &Broker, args: &[&str]) -> Running {
    let id = format!("witness-{}", rand_id());
    let mut all: Vec<&str> = vec!["-p", "", "-i", ""];
    let port = broker.port();
    all[1] = &port;
    all[3] = &id;
    all.extend_from_slice(args);
    let r = Running::start("rawnet-sub", &all);
    let granted: Vec<String> = (0..3).map(|q| format!("{id} {q} ")).collect();
    let granted: Vec<&str> = granted.iter().map(String::as_str).collect();
    assert!(
        broker.wait_log_any(&granted),
        "the subscriber did not subscribe:\n{}",
        broker.log()
    );
    r
}

/// A short random identifier for client ids and topics.
pub fn rand_id() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}
