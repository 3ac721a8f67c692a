//! A real Mosquitto broker on a free loopback port, for the length of a test.

use crate::tmp::TempDir;
use std::fmt::Write as _;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// TLS settings for a broker listener.
#[derive(Debug, Clone)]
pub struct TlsListener {
    /// CA file (PEM) clients' certificates are checked against, when `require_certificate`.
    pub cafile: PathBuf,
    /// The broker's certificate chain (PEM).
    pub certfile: PathBuf,
    /// The broker's private key (PEM).
    pub keyfile: PathBuf,
    /// Ask every client for a certificate (mutual TLS).
    pub require_certificate: bool,
}

/// How to start the broker.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Add a TLS 1.3 listener beside the plain one.
    pub tls: Option<TlsListener>,
    /// Keep sessions and retained messages on disk across a restart (in the broker's folder).
    pub persistence: bool,
    /// Extra lines for mosquitto.conf.
    pub extra: Vec<String>,
}

/// A running broker, stopped on drop.
#[derive(Debug)]
pub struct Mosquitto {
    child: Option<Child>,
    dir: TempDir,
    config: Config,
    /// The plain MQTT listener (127.0.0.1).
    pub plain: SocketAddr,
    /// The TLS listener, when configured.
    pub tls: Option<SocketAddr>,
}

/// A port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl Mosquitto {
    /// Start a broker with `config`; fails with Mosquitto's own output if it does not come up.
    pub fn start(config: Config) -> Result<Mosquitto, String> {
        let dir = TempDir::new("rawnet-mosquitto").map_err(|e| e.to_string())?;
        let port = || {
            free_port()
                .map(|p| SocketAddr::from(([127, 0, 0, 1], p)))
                .map_err(|e| e.to_string())
        };
        let mut m = Mosquitto {
            child: None,
            dir,
            plain: port()?,
            tls: match config.tls {
                Some(_) => Some(port()?),
                None => None,
            },
            config,
        };
        m.spawn_on_free_ports()?;
        Ok(m)
    }

    /// Spawn; if a port was taken meanwhile, again on new ports.
    fn spawn_on_free_ports(&mut self) -> Result<(), String> {
        let port = || {
            free_port()
                .map(|p| SocketAddr::from(([127, 0, 0, 1], p)))
                .map_err(|e| e.to_string())
        };
        // A port free a moment ago can be taken before Mosquitto binds it (tests start
        // brokers in parallel, and every outgoing connection takes a port from the same
        // range): then Mosquitto exits with "Address already in use" and we try new ports.
        let mut tries = 0;
        loop {
            match self.spawn() {
                Err(e) if tries < 4 && e.contains("Address already in use") => {
                    tries += 1;
                    self.plain = port()?;
                    if self.tls.is_some() {
                        self.tls = Some(port()?);
                    }
                }
                r => return r,
            }
        }
    }

    /// Stop the broker (as a crash would: SIGKILL) and start it again on the same ports.
    pub fn restart(&mut self) -> Result<(), String> {
        self.stop();
        self.spawn()
    }

    /// Stop the broker as an operator would (SIGTERM: Mosquitto writes its persistence
    /// database and exits) and start it again on the same ports.
    pub fn restart_gracefully(&mut self) -> Result<(), String> {
        if let Some(mut c) = self.child.take() {
            let pid = libc::pid_t::try_from(c.id()).map_err(|e| e.to_string())?;
            // SAFETY: kill(2) on our own child, which has not been waited for yet (its pid
            // cannot have been reused).
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let until = Instant::now() + Duration::from_secs(10);
            while c.try_wait().map_err(|e| e.to_string())?.is_none() {
                if Instant::now() > until {
                    let _ = c.kill();
                    let _ = c.wait();
                    return Err("mosquitto did not stop within 10 s of SIGTERM".into());
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        self.spawn()
    }

    /// Stop the broker.
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// The broker's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("mosquitto.log")).unwrap_or_default()
    }

    /// The log's length in bytes.
    fn log_len(&self) -> u64 {
        std::fs::metadata(self.dir.path().join("mosquitto.log")).map_or(0, |m| m.len())
    }

    /// The log from byte `offset` on.
    fn log_since(&self, offset: u64) -> String {
        use std::io::{Read, Seek, SeekFrom};
        let mut new = Vec::new();
        if let Ok(mut f) = std::fs::File::open(self.dir.path().join("mosquitto.log")) {
            if f.seek(SeekFrom::Start(offset)).is_ok() {
                let _ = f.read_to_end(&mut new);
            }
        }
        String::from_utf8_lossy(&new).into_owned()
    }

    /// Copy the log to `rawnet-<name>.log` in the temporary directory (it outlives the
    /// broker, whose directory goes when it is dropped); the path, or why not.
    pub fn keep_log(&self, name: &str) -> String {
        let name: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let path = std::env::temp_dir().join(format!("rawnet-{name}.log"));
        match std::fs::write(&path, self.log()) {
            Ok(()) => path.display().to_string(),
            Err(e) => format!("not kept ({e})"),
        }
    }

    fn conf(&self) -> String {
        let d = self.dir.path().display();
        let mut c = String::new();
        let _ = writeln!(c, "per_listener_settings false");
        let _ = writeln!(c, "allow_anonymous true");
        let _ = writeln!(c, "log_dest file {d}/mosquitto.log");
        let _ = writeln!(c, "log_type all");
        if self.config.persistence {
            let _ = writeln!(c, "persistence true");
            let _ = writeln!(c, "persistence_location {d}/");
            let _ = writeln!(c, "autosave_interval 1");
        } else {
            let _ = writeln!(c, "persistence false");
        }
        let _ = writeln!(c, "listener {} 127.0.0.1", self.plain.port());
        if let (Some(t), Some(addr)) = (&self.config.tls, self.tls) {
            let _ = writeln!(c, "listener {} 127.0.0.1", addr.port());
            let _ = writeln!(c, "tls_version tlsv1.3");
            let _ = writeln!(c, "cafile {}", t.cafile.display());
            let _ = writeln!(c, "certfile {}", t.certfile.display());
            let _ = writeln!(c, "keyfile {}", t.keyfile.display());
            let _ = writeln!(c, "require_certificate {}", t.require_certificate);
        }
        for l in &self.config.extra {
            let _ = writeln!(c, "{l}");
        }
        c
    }

    fn spawn(&mut self) -> Result<(), String> {
        let conf = self.dir.path().join("mosquitto.conf");
        // Mosquitto logs "running" once every listener is bound; a connection alone could
        // reach another test's broker on a port ours failed to bind.
        // Only what this start wrote is read (the log of an hour's soak is tens of MB, and
        // this runs every 20 ms until the broker is up).
        let before = self.log_len();
        let running = |log: &str| log.lines().any(|l| l.ends_with(" running"));
        std::fs::write(&conf, self.conf()).map_err(|e| e.to_string())?;
        if running_as_root() {
            // Mosquitto started as root drops to the `mosquitto` user: let it write its log
            // and persistence file.
            let _ = Command::new("chown")
                .args(["-R", "mosquitto"])
                .arg(self.dir.path())
                .status();
        }
        let child = Command::new(mosquitto_path())
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("cannot start mosquitto ({e}); install it: apt-get install -y mosquitto")
            })?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        let ready =
            |a: SocketAddr| TcpStream::connect_timeout(&a, Duration::from_millis(200)).is_ok();
        while Instant::now() < deadline {
            if let Some(Ok(Some(status))) = self.child.as_mut().map(|c| c.try_wait()) {
                // This start's lines only: an earlier attempt's "Address already in use"
                // must not make a different failure look like one.
                return Err(format!(
                    "mosquitto exited ({status}):\n{}",
                    self.log_since(before)
                ));
            }
            if running(&self.log_since(before)) && ready(self.plain) && self.tls.is_none_or(ready) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.stop();
        Err(format!(
            "mosquitto did not come up in 10 s:\n{}",
            self.log_since(before)
        ))
    }
}

impl Drop for Mosquitto {
    fn drop(&mut self) {
        self.stop();
    }
}

fn mosquitto_path() -> PathBuf {
    for p in ["/usr/sbin/mosquitto", "/usr/bin/mosquitto"] {
        if std::path::Path::new(p).exists() {
            return p.into();
        }
    }
    "mosquitto".into()
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.trim_ascii() == b"0")
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// The harness starts a real broker that answers a raw MQTT 3.1.1 CONNECT with a CONNACK,
    /// and restarts it on the same port.
    /// A broker whose port another broker took before it could bind comes up on new ports,
    /// and is not mistaken for the other one while it fails.
    #[test]
    fn taken_port_is_replaced() {
        let first = Mosquitto::start(Config::default()).unwrap();
        let mut second = Mosquitto {
            child: None,
            dir: TempDir::new("rawnet-mosquitto").unwrap(),
            config: Config::default(),
            plain: first.plain,
            tls: None,
        };
        let taken = second.spawn().unwrap_err();
        assert!(taken.contains("Address already in use"), "{taken}");
        second.spawn_on_free_ports().unwrap();
        assert_ne!(second.plain, first.plain);
        assert!(second
            .log()
            .contains(&format!("port {}", second.plain.port())));
    }

    #[test]
    fn broker_answers_connect_and_restarts() {
        let mut m = Mosquitto::start(Config::default()).unwrap();
        for _ in 0..2 {
            let mut s = TcpStream::connect(m.plain).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            // CONNECT, MQTT 3.1.1, clean session, keep-alive 60, client id "t".
            s.write_all(&[
                0x10, 13, 0, 4, b'M', b'Q', b'T', b'T', 4, 0x02, 0, 60, 0, 1, b't',
            ])
            .unwrap();
            let mut ack = [0u8; 4];
            s.read_exact(&mut ack).unwrap();
            assert_eq!(ack, [0x20, 2, 0, 0], "CONNACK, accepted");
            m.restart().unwrap();
        }
    }
}
