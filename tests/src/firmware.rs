//! The firmware on QEMU's Cortex-M4 board, for tests and the demo: build the image of
//! `boards/mps2-an386` with a configuration (the `RAWNET_*` settings of `boards/app`), boot it
//! on `-netdev dgram` into a [`QemuNet`], and follow its log (defmt, decoded) line by line; plus a witness on
//! the broker (`mosquitto_sub`) and a way to send it a command (`mosquitto_pub`).

use crate::defmt_log::LogDecoder;
use crate::qemu_net::QemuNet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The board crate's folder.
pub fn board_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../boards/mps2-an386")
}

/// Whether `qemu-system-arm` can be started.
pub fn have_qemu() -> bool {
    Command::new("qemu-system-arm")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `cargo build --release --bin firmware` in the board's own workspace with `settings`
/// (`RAWNET_*`, nothing inherited from the caller's environment); a copy of the ELF of its own
/// (the next build with other settings replaces the one in `target/`), kept until the process
/// ends.
pub fn build(settings: &[(&str, String)]) -> Result<PathBuf, String> {
    build_bin("firmware", &[], settings)
}

/// `cargo build --release --no-default-features --bin BIN`: one of the board's programs
/// without the application (`bringup`, `selftest`, `netprobe`); a copy of the ELF as
/// [`build`] makes.
pub fn build_program(bin: &str) -> Result<PathBuf, String> {
    build_bin(bin, &["--no-default-features"], &[])
}

/// `qemu-system-arm` for `elf` on `mps2-an386`, headless: UART0 on its stdout (piped),
/// semihosting on (the exit status, entropy, `-append`), stderr inherited. The caller adds
/// the network (`-nic none`, [`QemuNet::qemu_args`]), `-no-reboot`, `-append`.
pub fn qemu(elf: &Path) -> Command {
    let mut cmd = Command::new("qemu-system-arm");
    cmd.args(["-M", "mps2-an386", "-display", "none", "-monitor", "none"])
        .args(["-serial", "stdio"])
        .args(["-semihosting-config", "enable=on,target=native"])
        .arg("-kernel")
        .arg(elf)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    cmd
}

/// Start `qemu` and wait up to `timeout` for it to end (then kill it): its exit status
/// (`None`: killed at the timeout) and all it wrote on UART0.
pub fn run_to_end(
    qemu: &mut Command,
    timeout: Duration,
) -> Result<(Option<ExitStatus>, Vec<u8>), String> {
    let mut child = qemu
        .spawn()
        .map_err(|e| format!("qemu-system-arm: {e} (cargo xtask setup installs it)"))?;
    let mut out = child.stdout.take().ok_or("no stdout")?;
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = out.read_to_end(&mut bytes);
        bytes
    });
    let until = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        if Instant::now() > until {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ok((status, reader.join().unwrap_or_default()))
}

fn build_bin(bin: &str, flags: &[&str], settings: &[(&str, String)]) -> Result<PathBuf, String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    // One build at a time: cargo serialises them anyway, and the copy must be of ours.
    static LOCK: Mutex<()> = Mutex::new(());
    let _one = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let dir = board_dir();
    let mut cmd = Command::new("cargo");
    cmd.args(["build", "--release", "--bin", bin])
        .args(flags)
        .current_dir(&dir)
        // The board has its own target, linker script and flags (.cargo/config.toml).
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS");
    for (key, _) in std::env::vars() {
        if key.starts_with("RAWNET_") {
            cmd.env_remove(key);
        }
    }
    for (k, v) in settings {
        cmd.env(k, v);
    }
    let out = cmd.output().map_err(|e| format!("cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "building `{bin}` failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let built = dir.join("target/thumbv7em-none-eabihf/release").join(bin);
    let copy = std::env::temp_dir().join(format!(
        "rawnet-{bin}-{}-{}.elf",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::copy(&built, &copy).map_err(|e| format!("{}: {e}", built.display()))?;
    Ok(copy)
}

/// A booted firmware: QEMU, and its UART log as it comes, decoded from defmt
/// ([`crate::defmt_log`]).
pub struct Device {
    child: Child,
    lines: Arc<Mutex<Vec<(Instant, String)>>>,
    started: Instant,
}

impl Device {
    /// Boot `elf` on `mps2-an386` on `net`'s network; every log line is echoed to stderr
    /// prefixed with `label` (`None`: printed by the caller).
    pub fn boot(elf: &Path, net: &QemuNet, label: Option<&str>) -> Result<Device, String> {
        let mut child = qemu(elf)
            // A reset (the firmware's answer to a panic) ends QEMU: tests see it.
            .arg("-no-reboot")
            .args(net.qemu_args())
            .spawn()
            .map_err(|e| format!("qemu-system-arm: {e} (cargo xtask setup installs it)"))?;
        let out = child.stdout.take().ok_or("no stdout")?;
        let lines = Arc::new(Mutex::new(Vec::new()));
        let sink = lines.clone();
        let label = label.map(str::to_owned);
        // The UART carries defmt frames: decoded here with the image's ELF.
        let decoder = LogDecoder::from_elf(elf)?;
        std::thread::spawn(move || {
            decoder.lines(out, |line| {
                if let Some(l) = &label {
                    println!("{l} | {line}");
                }
                sink.lock().unwrap().push((Instant::now(), line));
            });
        });
        Ok(Device {
            child,
            lines,
            started: Instant::now(),
        })
    }

    /// CPU time QEMU has used so far (user + system, from `/proc/<pid>/stat` in Linux's
    /// USER_HZ = 100 ticks per second): a guest that waits in `wfi` costs the host almost
    /// nothing, a busy loop a whole core.
    pub fn cpu_time(&self) -> Option<Duration> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        // Fields after the command name (which may hold spaces, inside parentheses).
        let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
        let ticks: u64 =
            fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        Some(Duration::from_millis(ticks * 10))
    }

    /// Every line so far.
    pub fn log(&self) -> Vec<String> {
        self.lines_from(0)
    }

    /// The lines from index `from` on.
    pub fn lines_from(&self, from: usize) -> Vec<String> {
        self.timed_from(from).into_iter().map(|(_, l)| l).collect()
    }

    /// The lines from index `from` on, each with the moment it was decoded.
    pub fn timed_from(&self, from: usize) -> Vec<(Instant, String)> {
        self.lines
            .lock()
            .unwrap()
            .get(from..)
            .unwrap_or_default()
            .to_vec()
    }

    /// Wait until a line at index `from` or later contains `text`; that line and its index.
    pub fn wait_for(
        &mut self,
        text: &str,
        from: usize,
        timeout: Duration,
    ) -> Result<(usize, String), String> {
        let until = Instant::now() + timeout;
        loop {
            {
                let lines = self.lines.lock().unwrap();
                if let Some((i, (_, l))) = lines
                    .iter()
                    .enumerate()
                    .skip(from)
                    .find(|(_, (_, l))| l.contains(text))
                {
                    return Ok((i, l.clone()));
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // The reader may still be catching up with the last lines.
                std::thread::sleep(Duration::from_millis(100));
                if let Some(found) = self.find(text, from) {
                    return Ok(found);
                }
                return Err(format!(
                    "the firmware exited ({status}) without `{text}`:\n{}",
                    self.log().join("\n")
                ));
            }
            if Instant::now() > until {
                return Err(format!(
                    "no `{text}` from the firmware within {timeout:?}:\n{}",
                    self.log().join("\n")
                ));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn find(&self, text: &str, from: usize) -> Option<(usize, String)> {
        let lines = self.lines.lock().unwrap();
        lines
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, (_, l))| l.contains(text))
            .map(|(i, (_, l))| (i, l.clone()))
    }

    /// Wait for QEMU to end (the firmware's exit status through semihosting).
    pub fn wait_exit(&mut self, timeout: Duration) -> Result<i32, String> {
        let until = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                std::thread::sleep(Duration::from_millis(100));
                return status
                    .code()
                    .ok_or_else(|| format!("QEMU ended by {status}"));
            }
            if Instant::now() > until {
                return Err(format!(
                    "the firmware did not exit within {timeout:?}:\n{}",
                    self.log().join("\n")
                ));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether QEMU has ended (the firmware exited, or reset after a panic), and how.
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Time since boot.
    pub fn uptime(&self) -> Duration {
        self.started.elapsed()
    }
}

impl Drop for Device {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `mosquitto_sub` on a broker's plain listener: every message on `topic`, as
/// `topic payload` lines.
pub struct Witness {
    child: Child,
    lines: Arc<Mutex<Vec<(Instant, String)>>>,
}

impl Witness {
    /// Subscribe to `topic` (QoS 1) at `127.0.0.1:port`; returns once the broker granted it.
    pub fn start(port: u16, topic: &str) -> Result<Witness, String> {
        Self::start_echoing(port, topic, None)
    }

    /// [`Witness::start`], printing each message to stdout after `label`.
    pub fn start_echoing(port: u16, topic: &str, label: Option<&str>) -> Result<Witness, String> {
        Self::spawn(port, topic, label, None)
    }

    /// [`Witness::start`] with a persistent session named `client_id` (`-c -i`): when the
    /// broker restarts, mosquitto_sub reconnects and receives what was queued for it.
    pub fn start_session(port: u16, topic: &str, client_id: &str) -> Result<Witness, String> {
        Self::spawn(port, topic, None, Some(client_id))
    }

    fn spawn(
        port: u16,
        topic: &str,
        label: Option<&str>,
        session: Option<&str>,
    ) -> Result<Witness, String> {
        let mut cmd = Command::new("stdbuf");
        cmd.args(["-oL", "mosquitto_sub", "-h", "127.0.0.1"]).args([
            "-p",
            &port.to_string(),
            "-t",
            topic,
            "-q",
            "1",
            "-v",
            "-d",
        ]);
        if let Some(id) = session {
            cmd.args(["-c", "-i", id]);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("mosquitto_sub: {e} (apt-get install -y mosquitto-clients)"))?;
        let out = child.stdout.take().ok_or("no stdout")?;
        let lines = Arc::new(Mutex::new(Vec::new()));
        let sink = lines.clone();
        let label = label.map(str::to_owned);
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if let (Some(l), false) = (&label, line.starts_with("Client ")) {
                    if !line.starts_with("Subscribed") {
                        println!("{l} {line}");
                    }
                }
                sink.lock().unwrap().push((Instant::now(), line));
            }
        });
        let w = Witness { child, lines };
        w.wait_for("received SUBACK", Duration::from_secs(10))?;
        Ok(w)
    }

    /// The messages received so far (`topic payload`), without mosquitto_sub's debug lines.
    pub fn messages(&self) -> Vec<String> {
        self.messages_timed().into_iter().map(|(_, m)| m).collect()
    }

    /// [`Witness::messages`], each with the moment mosquitto_sub printed it.
    pub fn messages_timed(&self) -> Vec<(Instant, String)> {
        self.lines
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, l)| !l.starts_with("Client ") && !l.starts_with("Subscribed"))
            .cloned()
            .collect()
    }

    /// Every line (messages and mosquitto_sub's debug lines) from index `from` on, each with
    /// the moment it was printed.
    pub fn timed_from(&self, from: usize) -> Vec<(Instant, String)> {
        self.lines
            .lock()
            .unwrap()
            .get(from..)
            .unwrap_or_default()
            .to_vec()
    }

    /// Wait until a line (message or debug) contains `text`.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> Result<String, String> {
        let until = Instant::now() + timeout;
        loop {
            if let Some((_, l)) = self
                .lines
                .lock()
                .unwrap()
                .iter()
                .find(|(_, l)| l.contains(text))
            {
                return Ok(l.clone());
            }
            if Instant::now() > until {
                return Err(format!(
                    "mosquitto_sub saw no `{text}` within {timeout:?}: {:?}",
                    self.lines.lock().unwrap()
                ));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Witness {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Publish `payload` on `topic` at `127.0.0.1:port` with QoS 1 (`mosquitto_pub`).
pub fn publish(port: u16, topic: &str, payload: &str) -> Result<(), String> {
    let out = Command::new("mosquitto_pub")
        .args(["-h", "127.0.0.1", "-p", &port.to_string()])
        .args(["-t", topic, "-m", payload, "-q", "1"])
        .output()
        .map_err(|e| format!("mosquitto_pub: {e} (apt-get install -y mosquitto-clients)"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "mosquitto_pub failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}
