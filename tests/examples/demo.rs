//! `cargo xtask demo`: the firmware talks TLS 1.3 + MQTT to a local Mosquitto.
//!
//! The rawnet firmware (boards/app on boards/mps2-an386) runs on QEMU's Cortex-M4 board. A
//! throwaway PKI is generated, Mosquitto starts with a TLS 1.3 listener on a free loopback
//! port, the firmware is built to trust the PKI's CA and to reach `broker.rawnet.test`, and it
//! boots on the emulated board's network: a DHCP lease, the broker's name answered by DNS,
//! and a forward to Mosquitto on 127.0.0.1 (nothing else is reachable). The device's log is
//! shown as it runs (`device |`), with every message that arrives at a subscriber on the
//! broker (`broker |`). Once subscribed, the device gets a `ping` command and answers; after
//! a handful of status messages it disconnects cleanly and exits 0. Everything stays on this
//! machine; nothing needs root.

use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::firmware::{self, Device, Witness};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::qemu_net::{QemuNet, QemuNetConfig};
use std::time::{Duration, Instant};

const PREFIX: &str = "rawnet/demo";
const MESSAGES: u32 = 5;
const STEP: Duration = Duration::from_secs(30);

fn main() {
    if let Err(e) = demo() {
        eprintln!("demo failed: {e}");
        std::process::exit(1);
    }
}

fn demo() -> Result<(), String> {
    if !firmware::have_qemu() {
        return Err("qemu-system-arm is missing: run `cargo xtask setup` (or apt-get install -y qemu-system-arm)".into());
    }
    let pki = Pki::generate(&[BROKER_NAME])?;
    println!("Test PKI: a CA and a P-256 certificate for {BROKER_NAME}");
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })?;
    let tls_port = broker.tls.ok_or("no TLS listener")?.port();
    println!(
        "Mosquitto: TLS 1.3 on 127.0.0.1:{tls_port}, plain on {} (for the subscriber)",
        broker.plain
    );

    let t = Instant::now();
    println!("Building the firmware for thumbv7em-none-eabihf (boards/mps2-an386, release)...");
    let elf = firmware::build(&[
        ("RAWNET_BROKER", BROKER_NAME.to_string()),
        ("RAWNET_CA", pki.path("ca.pem").display().to_string()),
        ("RAWNET_CLIENT_ID", "rawnet-demo".to_string()),
        ("RAWNET_TOPIC_PREFIX", PREFIX.to_string()),
        ("RAWNET_PERIOD_MS", "1000".to_string()),
        ("RAWNET_STOP_AFTER", MESSAGES.to_string()),
    ])?;
    let size = std::fs::metadata(&elf).map(|m| m.len()).unwrap_or(0);
    println!(
        "  built in {:.1} s: {} ({size} B ELF)",
        t.elapsed().as_secs_f64(),
        elf.display()
    );

    let net = QemuNet::start(QemuNetConfig::default().broker(8883, tls_port).quiet())
        .map_err(|e| e.to_string())?;
    let witness = Witness::start_echoing(
        broker.plain.port(),
        &format!("{PREFIX}/#"),
        Some("broker |"),
    )?;
    println!("Subscriber on the broker: {PREFIX}/#");
    println!("Booting the firmware on QEMU's mps2-an386 (Cortex-M4F, LAN9118)...");
    let mut dev = Device::boot(&elf, &net, Some("device"))?;
    let (at, _) = dev.wait_for("granted", 0, STEP)?;
    println!("demo  | sending the command \"ping\" to {PREFIX}/command");
    firmware::publish(broker.plain.port(), &format!("{PREFIX}/command"), "ping")?;
    dev.wait_for("command: \"ping\"", at, STEP)?;
    witness.wait_for(&format!("{PREFIX}/response pong"), STEP)?;
    let code = dev.wait_exit(STEP)?;
    if code != 0 {
        return Err(format!("the firmware exited with {code}"));
    }
    let got = witness
        .messages()
        .iter()
        .filter(|m| m.starts_with(&format!("{PREFIX}/status ")))
        .count();
    if got < MESSAGES as usize {
        return Err(format!(
            "the subscriber got {got} status messages, expected {MESSAGES}"
        ));
    }
    let stats = net.stats();
    println!(
        "demo: OK: {got} status messages and the command's answer reached the broker; the \
         network gave {} lease(s), answered {} DNS query(ies), forwarded {} connection(s) to \
         127.0.0.1:{tls_port}, refused {} other attempt(s)",
        stats.leases.len(),
        stats.dns.len(),
        stats.forwards.iter().map(|f| f.opened).sum::<u64>(),
        stats.refused_tcp_count,
    );
    Ok(())
}
