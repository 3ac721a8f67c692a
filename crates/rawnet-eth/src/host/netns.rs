//! Private network namespaces for root-only tests: a TAP inside a namespace the test creates,
//! and a dnsmasq there serving DHCP and one DNS record, so nothing ever leaves the namespace.
//!
//! Everything here shells out to `ip` (iproute2) and `dnsmasq` and needs root
//! (`CAP_SYS_ADMIN` + `CAP_NET_ADMIN`); use [`is_root`] to skip otherwise. Each value tears
//! down what it created when dropped, also when a test panics.

use super::{sys, TapDevice};
use std::fs::File;
use std::io;
use std::net::Ipv4Addr;
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// Whether this process runs as root (effective uid 0), which the namespace helpers need.
pub fn is_root() -> bool {
    sys::effective_uid() == 0
}

/// A network namespace created with `ip netns add` and deleted with `ip netns del` on drop.
#[derive(Debug)]
pub struct NetNs {
    name: String,
}

fn run(cmd: &mut Command) -> io::Result<()> {
    let out = cmd.stdin(Stdio::null()).output()?;
    if out.status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{cmd:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

impl NetNs {
    /// Create the namespace `<prefix>-<pid>-<n>` (unique within this process), with its
    /// loopback interface up.
    pub fn create(prefix: &str) -> io::Result<NetNs> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let name = format!("{prefix}-{}-{n}", std::process::id());
        if run(Command::new("ip").args(["netns", "add", &name])).is_err() {
            // A namespace left behind by a killed run with a recycled pid: replace it.
            let _ = run(Command::new("ip").args(["netns", "del", &name]));
            run(Command::new("ip").args(["netns", "add", &name]))?;
        }
        let ns = NetNs { name };
        ns.ip(&["link", "set", "lo", "up"])?;
        Ok(ns)
    }

    /// The namespace's name (as `ip netns` knows it).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Run `f` on a thread that has entered this namespace (network namespaces are per
    /// thread), and return its result. Sockets and devices `f` creates belong to the
    /// namespace and may be used from any thread afterwards.
    pub fn run_in<T: Send>(&self, f: impl FnOnce() -> io::Result<T> + Send) -> io::Result<T> {
        let handle = File::open(format!("/run/netns/{}", self.name))?;
        std::thread::scope(|s| {
            s.spawn(|| {
                sys::setns_net(handle.as_fd())?;
                f()
            })
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("namespace thread panicked")))
        })
    }

    /// Create the TAP interface `name` inside this namespace and open it.
    pub fn open_tap(&self, name: &str) -> io::Result<TapDevice> {
        self.run_in(|| TapDevice::open(name))
    }

    /// A command that runs `program` inside this namespace (`ip netns exec NAME program`).
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", &self.name, program]);
        cmd
    }

    /// Run `ip ARGS…` inside this namespace; an error carries `ip`'s message.
    pub fn ip(&self, args: &[&str]) -> io::Result<()> {
        run(Command::new("ip").args(["-n", &self.name]).args(args))
    }
}

impl Drop for NetNs {
    fn drop(&mut self) {
        let _ = run(Command::new("ip").args(["netns", "del", &self.name]));
    }
}

/// A namespace with a TAP whose kernel side is a DHCP and DNS server (dnsmasq), for testing a
/// stack's DHCP client and DNS resolver against a real server.
///
/// Addresses (RFC 5737 TEST-NET-1, and only inside the namespace): the kernel side of the TAP
/// is [`DnsmasqNet::SERVER`]`/24`, leases come from `192.0.2.100`–`192.0.2.199`, the router
/// and DNS server offered are [`DnsmasqNet::SERVER`], and the one name dnsmasq knows is
/// [`DnsmasqNet::BROKER_NAME`] → [`DnsmasqNet::BROKER_ADDR`]. dnsmasq runs with `--no-resolv
/// --no-hosts`: it forwards no query anywhere and reads no host file, so every other name
/// fails and no DNS traffic leaves the namespace.
///
/// Dropping it stops dnsmasq (the child this value started, by its pid) and deletes the
/// namespace with the TAP in it.
#[derive(Debug)]
pub struct DnsmasqNet {
    dnsmasq: Child,
    dir: PathBuf,
    // Dropped last: the namespace outlives the server running in it.
    ns: NetNs,
}

impl DnsmasqNet {
    /// The kernel side of the TAP: DHCP server, router and DNS server.
    pub const SERVER: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 1);
    /// The name the DNS server answers for.
    pub const BROKER_NAME: &'static str = "broker.rawnet.test";
    /// The address [`BROKER_NAME`](Self::BROKER_NAME) resolves to.
    pub const BROKER_ADDR: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 1);
    /// The TAP interface's name inside the namespace.
    pub const TAP_NAME: &'static str = "rawnet0";

    /// Create the namespace, the TAP and the server; return them with the stack's end of the
    /// TAP.
    pub fn start() -> io::Result<(DnsmasqNet, TapDevice)> {
        let ns = NetNs::create("rawnet-dns")?;
        let tap = ns.open_tap(Self::TAP_NAME)?;
        ns.ip(&["addr", "add", "192.0.2.1/24", "dev", Self::TAP_NAME])?;
        ns.ip(&["link", "set", Self::TAP_NAME, "up"])?;

        let dir = std::env::temp_dir().join(ns.name());
        std::fs::create_dir_all(&dir)?;
        let log = dir.join("dnsmasq.log");
        let dnsmasq = ns
            .command("dnsmasq")
            .arg("--keep-in-foreground")
            .arg("--conf-file=/dev/null")
            .arg("--no-resolv")
            .arg("--no-hosts")
            .arg("--no-ping")
            .arg("--user=root")
            .arg(format!("--interface={}", Self::TAP_NAME))
            .arg("--bind-interfaces")
            .arg("--dhcp-range=192.0.2.100,192.0.2.199,255.255.255.0,1h")
            .arg(format!(
                "--address=/{}/{}",
                Self::BROKER_NAME,
                Self::BROKER_ADDR
            ))
            .arg(format!("--dhcp-leasefile={}", dir.join("leases").display()))
            .arg(format!("--pid-file={}", dir.join("pid").display()))
            .arg(format!("--log-facility={}", log.display()))
            .arg("--log-dhcp")
            .arg("--log-queries")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()?;
        let mut net = DnsmasqNet { dnsmasq, dir, ns };
        net.wait_ready(&log)?;
        Ok((net, tap))
    }

    /// Wait until dnsmasq has bound its sockets (it logs its DHCP range once it has).
    fn wait_ready(&mut self, log: &std::path::Path) -> io::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(status) = self.dnsmasq.try_wait()? {
                let text = std::fs::read_to_string(log).unwrap_or_default();
                return Err(io::Error::other(format!(
                    "dnsmasq exited ({status}): {text}"
                )));
            }
            let text = std::fs::read_to_string(log).unwrap_or_default();
            if text.contains("DHCP, IP range") {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(io::Error::other(format!(
                    "dnsmasq not ready after 5 s: {text}"
                )));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The namespace (to run more commands in it).
    pub fn netns(&self) -> &NetNs {
        &self.ns
    }

    /// dnsmasq's log so far (DHCP exchanges and queries).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("dnsmasq.log")).unwrap_or_default()
    }
}

impl Drop for DnsmasqNet {
    fn drop(&mut self) {
        // `ip netns exec` execs dnsmasq in place, so this pid is dnsmasq's own.
        let _ = self.dnsmasq.kill();
        let _ = self.dnsmasq.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
