//! `--stack tap` (root): rawnet-sub's embedded stack on a TAP interface of a network
//! namespace this test creates, with a real dnsmasq (DHCP, and DNS for the broker's name) and
//! a Mosquitto listening in the namespace. Every address exists only inside it. Without root
//! the test says why it skips, after checking that it really is not root.
#![cfg(target_os = "linux")]

mod common;

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use rawnet_eth::host::netns::{is_root, NetNs};

use common::*;

const TAP: &str = "rawtap0";
const SERVER: &str = "192.0.2.1";
const BROKER_NAME: &str = "broker.rawnet.test";

fn skip_unless_root() -> bool {
    if is_root() {
        return false;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let uids = status.lines().find(|l| l.starts_with("Uid:")).unwrap();
    let euid: u32 = uids.split_whitespace().nth(2).unwrap().parse().unwrap();
    assert_ne!(euid, 0, "is_root() said no, but the effective uid is 0");
    eprintln!("tap: skipped: a network namespace and a TAP need root (euid {euid})");
    true
}

/// Kills the child on drop.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(5);
    while !ready() {
        assert!(Instant::now() < until, "{what} not ready after 5 s");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn rawnet_sub_on_a_tap_with_dhcp_and_dns() {
    if skip_unless_root() {
        return;
    }
    let ns = NetNs::create("rawnet-tools").unwrap();
    // A persistent TAP: the tool attaches to it by name.
    ns.ip(&["tuntap", "add", "dev", TAP, "mode", "tap"])
        .unwrap();
    ns.ip(&["addr", "add", &format!("{SERVER}/24"), "dev", TAP])
        .unwrap();
    ns.ip(&["link", "set", TAP, "up"]).unwrap();
    ns.ip(&["link", "set", "lo", "up"]).unwrap();
    let dir = rawnet_tests::tmp::TempDir::new("rawnet-tap").unwrap();
    let dns_log = dir.path().join("dnsmasq.log");
    let _dnsmasq = Guard(
        ns.command("dnsmasq")
            .arg("--keep-in-foreground")
            .arg("--conf-file=/dev/null")
            .args(["--no-resolv", "--no-hosts", "--no-ping", "--user=root"])
            .arg(format!("--interface={TAP}"))
            .arg("--bind-dynamic")
            .arg("--dhcp-range=192.0.2.100,192.0.2.199,255.255.255.0,1h")
            .arg(format!("--dhcp-option=option:dns-server,{SERVER}"))
            .arg(format!("--address=/{BROKER_NAME}/{SERVER}"))
            .arg(format!(
                "--dhcp-leasefile={}",
                dir.path().join("leases").display()
            ))
            .arg(format!("--log-facility={}", dns_log.display()))
            .args(["--log-dhcp", "--log-queries"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for("dnsmasq", || {
        std::fs::read_to_string(&dns_log).is_ok_and(|l| l.contains("DHCP, IP range"))
    });
    let conf = dir.path().join("mosquitto.conf");
    let mq_log = dir.path().join("mosquitto.log");
    std::fs::write(
        &conf,
        format!(
            "listener 1883 {SERVER}\nallow_anonymous true\npersistence false\nlog_dest file {}\nlog_type all\n",
            mq_log.display()
        ),
    )
    .unwrap();
    if std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
    {
        // Mosquitto drops root: let it write its log.
        let _ = std::process::Command::new("chown")
            .args(["-R", "mosquitto"])
            .arg(dir.path())
            .status();
    }
    let _mosquitto = Guard(
        ns.command("mosquitto")
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for("mosquitto", || {
        std::fs::read_to_string(&mq_log).is_ok_and(|l| l.contains("Opening ipv4 listen socket"))
    });

    // rawnet-sub on the TAP: DHCP lease, the broker's name from dnsmasq, MQTT.
    let sub_bin = bin("rawnet-sub").display().to_string();
    let sub = ns
        .command(&sub_bin)
        .args([
            "--stack",
            "tap",
            "--tap-if",
            TAP,
            "-d",
            "-h",
            BROKER_NAME,
            "-t",
            "tap/x",
            "-C",
            "1",
            "-q",
            "1",
            "-i",
            "tap-sub",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for("the subscription", || {
        std::fs::read_to_string(&mq_log).is_ok_and(|l| l.contains("tap-sub 1 tap/x"))
    });
    // The publisher inside the namespace, on the kernel's TCP.
    let pub_bin = bin("rawnet-pub").display().to_string();
    let p = ns
        .command(&pub_bin)
        .args([
            "-h",
            SERVER,
            "-t",
            "tap/x",
            "-m",
            "through a tap",
            "-q",
            "1",
        ])
        .output()
        .unwrap();
    assert!(p.status.success(), "{p:?}");
    let out = sub.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "through a tap\n");
    assert!(stderr.contains("DHCP lease 192.0.2.1"), "{stderr}");
    let dns = std::fs::read_to_string(&dns_log).unwrap();
    assert!(dns.contains(&format!("query[A] {BROKER_NAME}")), "{dns}");
    assert!(dns.contains("DHCPACK"), "{dns}");
}
