//! The firmware in QEMU on the emulated board's network: the bring-up image of
//! `boards/mps2-an386` (built here with cargo, a no-op when up to date) on QEMU's
//! `mps2-an386` with `-netdev dgram` into `rawnet_tests::qemu_net::QemuNet`. The real LAN9118
//! driver and the firmware's stack get a DHCP lease naming the DNS server, resolve
//! `broker.rawnet.test`, and echo 16 KiB through the forward to a server on 127.0.0.1. No
//! root. Skipped, saying why, when `qemu-system-arm` is not installed (`cargo xtask setup`
//! installs it).

use rawnet_tests::echo::EchoServer;
use rawnet_tests::qemu_net::{DnsAnswer, QemuNet, QemuNetConfig, BROKER_ADDR, BROKER_NAME};
use std::io::Read;
use std::net::SocketAddrV4;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const QEMU_TIMEOUT: Duration = Duration::from_secs(60);
/// QEMU's default NIC address (`-nic` without `mac=`).
const QEMU_MAC: [u8; 6] = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56];

fn board_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../boards/mps2-an386")
}

/// `cargo build --release --bin bringup` in the board's own workspace (its
/// `.cargo/config.toml` sets the target and linker script, so flags meant for the host
/// build are kept out).
fn build_bringup() -> PathBuf {
    let dir = board_dir();
    let t = Instant::now();
    let status = Command::new("cargo")
        .args([
            "build",
            "--release",
            "--no-default-features",
            "--bin",
            "bringup",
        ])
        .current_dir(&dir)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .status()
        .expect("cargo");
    assert!(status.success(), "building the bring-up image failed");
    eprintln!("bring-up image built (or up to date) in {:?}", t.elapsed());
    dir.join("target/thumbv7em-none-eabihf/release/bringup")
}

fn have_qemu() -> bool {
    Command::new("qemu-system-arm")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Wait for `child` up to `timeout` (then kill it); its exit code and combined output.
fn wait(mut child: Child, timeout: Duration) -> (Option<i32>, String) {
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let until = Instant::now() + timeout;
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if Instant::now() > until {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    (code, reader.join().unwrap().replace("\r\n", "\n"))
}

#[test]
fn bringup_firmware_gets_lease_dns_and_echo_through_qemu_net() {
    if !have_qemu() {
        eprintln!("skipped: qemu-system-arm is not installed (cargo xtask setup installs it)");
        return;
    }
    let elf = build_bringup();
    let echo = EchoServer::start(0).unwrap();
    let net = QemuNet::start(QemuNetConfig::default().broker(7, echo.port())).unwrap();

    let t = Instant::now();
    let child = Command::new("qemu-system-arm")
        .args(["-M", "mps2-an386", "-display", "none", "-monitor", "none"])
        .args(["-serial", "stdio"])
        .args(["-semihosting-config", "enable=on,target=native"])
        .args(net.qemu_args())
        .arg("-kernel")
        .arg(&elf)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("qemu-system-arm");
    let (code, out) = wait(child, QEMU_TIMEOUT);
    eprintln!("{out}(QEMU ran {:?})", t.elapsed());
    assert_eq!(code, Some(0), "bring-up failed:\n{out}");
    for line in [
        "dhcp: 10.0.2.15/24 router None dns [10.0.2.3]",
        "dns: broker.rawnet.test -> 10.0.2.100",
        "tcp: connected to 10.0.2.100:7",
        "16384 bytes sent and echoed intact",
        "bring-up OK",
    ] {
        assert!(out.contains(line), "missing `{line}` in:\n{out}");
    }

    let stats = net.stats();
    assert_eq!(stats.leases.len(), 1, "{stats:?}");
    assert_eq!(stats.leases[0].mac, QEMU_MAC);
    assert_eq!(
        stats.answers(BROKER_NAME),
        [DnsAnswer::Address(BROKER_ADDR)]
    );
    assert_eq!(stats.opened(SocketAddrV4::new(BROKER_ADDR, 7)), 1);
    assert_eq!(echo.accepted(), 1);
    assert_eq!(stats.refused_tcp_count, 0);
}
