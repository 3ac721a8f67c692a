//! The firmware in QEMU on the emulated board's network: the bring-up image of
//! `boards/mps2-an386` (built here with cargo, a no-op when up to date) on QEMU's
//! `mps2-an386` with `-netdev dgram` into `rawnet_tests::qemu_net::QemuNet`. The real LAN9118
//! driver and the firmware's stack get a DHCP lease naming the DNS server, resolve
//! `broker.rawnet.test`, and echo 16 KiB through the forward to a server on 127.0.0.1. No
//! root. Skipped, saying why, when `qemu-system-arm` is not installed (`cargo xtask setup`
//! installs it).

use rawnet_tests::echo::EchoServer;
use rawnet_tests::firmware;
use rawnet_tests::qemu_net::{DnsAnswer, QemuNet, QemuNetConfig, BROKER_ADDR, BROKER_NAME};
use std::net::SocketAddrV4;
use std::time::{Duration, Instant};

const QEMU_TIMEOUT: Duration = Duration::from_secs(60);
/// QEMU's default NIC address (`-nic` without `mac=`).
const QEMU_MAC: [u8; 6] = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56];

#[test]
fn bringup_firmware_gets_lease_dns_and_echo_through_qemu_net() {
    if !firmware::have_qemu() {
        eprintln!("skipped: qemu-system-arm is not installed (cargo xtask setup installs it)");
        return;
    }
    let elf = firmware::build_program("bringup").unwrap();
    let echo = EchoServer::start(0).unwrap();
    let net = QemuNet::start(QemuNetConfig::default().broker(7, echo.port())).unwrap();

    let t = Instant::now();
    let (status, out) =
        firmware::run_to_end(firmware::qemu(&elf).args(net.qemu_args()), QEMU_TIMEOUT).unwrap();
    let code = status.and_then(|s| s.code());
    let out = String::from_utf8_lossy(&out).replace("\r\n", "\n");
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
