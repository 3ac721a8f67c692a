//! pcap capture of a driver's traffic: a TCP exchange over the in-memory wire, captured on
//! one end, must give a classic pcap file whose headers and records check out (and that
//! tcpdump reads, when it is installed).

mod common;

use common::{deadline, Net, Transfer};
use rawnet_eth::host::{MemoryWire, Pcap};
use smoltcp::socket::tcp;
use smoltcp::wire::{IpAddress, IpEndpoint, Ipv4Address, Ipv4Cidr};
use std::io::BufWriter;
use std::time::{SystemTime, UNIX_EPOCH};

const MAC_A: [u8; 6] = [0x02, 0, 0, 0, 0, 0x0a];
const MAC_B: [u8; 6] = [0x02, 0, 0, 0, 0, 0x0b];

fn u16le(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn u32le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

struct Record {
    micros: u64,
    frame: Vec<u8>,
}

/// Check the global header and split the file into records, checking each record header.
fn parse(file: &[u8]) -> Vec<Record> {
    assert!(file.len() >= 24, "no global header");
    assert_eq!(
        u32le(file, 0),
        0xa1b2_c3d4,
        "magic (microsecond, little-endian)"
    );
    assert_eq!((u16le(file, 4), u16le(file, 6)), (2, 4), "version 2.4");
    assert_eq!(u32le(file, 8), 0, "thiszone");
    assert_eq!(u32le(file, 12), 0, "sigfigs");
    assert_eq!(u32le(file, 16), 65_535, "snaplen");
    assert_eq!(u32le(file, 20), 1, "LINKTYPE_ETHERNET");
    let mut at = 24;
    let mut out = Vec::new();
    while at < file.len() {
        assert!(file.len() - at >= 16, "truncated record header at {at}");
        let (secs, usecs) = (u32le(file, at), u32le(file, at + 4));
        let (incl, orig) = (u32le(file, at + 8) as usize, u32le(file, at + 12) as usize);
        assert!(usecs < 1_000_000, "microseconds out of range");
        assert_eq!(incl, orig, "frames are never cut");
        assert!((14..=1514).contains(&incl), "frame length {incl}");
        at += 16;
        assert!(file.len() - at >= incl, "truncated frame at {at}");
        out.push(Record {
            micros: u64::from(secs) * 1_000_000 + u64::from(usecs),
            frame: file[at..at + incl].to_vec(),
        });
        at += incl;
    }
    out
}

fn wall_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_micros() as u64
}

#[test]
fn capture_of_a_tcp_exchange_parses() {
    let path = std::env::temp_dir().join(format!("rawnet-pcap-{}.pcap", std::process::id()));
    let start = wall_micros();

    let (a, b) = MemoryWire::pair(MAC_A, MAC_B, 64);
    let file = BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut na = Net::new(Pcap::new(a, file).unwrap());
    let mut nb = Net::new(b);
    na.set_addr(Ipv4Cidr::new(Ipv4Address::new(192, 0, 2, 10), 24), None);
    nb.set_addr(Ipv4Cidr::new(Ipv4Address::new(192, 0, 2, 20), 24), None);
    let server = nb.tcp_socket();
    nb.sockets
        .get_mut::<tcp::Socket>(server)
        .listen(7000)
        .unwrap();
    let client = na.tcp_socket();
    let ep = IpEndpoint::new(IpAddress::v4(192, 0, 2, 20), 7000);
    na.sockets
        .get_mut::<tcp::Socket>(client)
        .connect(na.iface.context(), ep, 50000)
        .unwrap();
    let mut ta = Transfer::new(8 * 1024, 1, 2);
    let mut tb = Transfer::new(8 * 1024, 2, 1);
    let until = deadline(10);
    while !(ta.done() && tb.done()) {
        na.poll();
        nb.poll();
        ta.step_smoltcp(na.sockets.get_mut::<tcp::Socket>(client));
        tb.step_smoltcp(nb.sockets.get_mut::<tcp::Socket>(server));
        assert!(std::time::Instant::now() < until, "transfer stalled");
    }
    let pcap = na.dev.into_inner();
    assert_eq!(pcap.error(), None);
    let records = pcap.records();
    drop(pcap.into_parts());
    let end = wall_micros();

    let bytes = std::fs::read(&path).unwrap();
    let recs = parse(&bytes);
    assert_eq!(recs.len() as u64, records);
    let (mut sent, mut received, mut arp, mut syn) = (0, 0, 0, 0);
    let mut last = 0;
    for r in &recs {
        assert!(r.micros >= last, "timestamps go backwards");
        assert!(
            r.micros + 1_000_000 >= start && r.micros <= end + 1_000_000,
            "timestamp outside the test's run"
        );
        last = r.micros;
        let (dst, src) = (&r.frame[0..6], &r.frame[6..12]);
        if src == MAC_A {
            sent += 1;
        } else {
            assert!(
                dst == MAC_A || dst == [0xff; 6],
                "a frame neither to nor from A"
            );
            received += 1;
        }
        match [r.frame[12], r.frame[13]] {
            [0x08, 0x06] => arp += 1,
            // IPv4, TCP, SYN flag set.
            [0x08, 0x00] if r.frame[23] == 6 && r.frame[14 + 20 + 13] & 0x02 != 0 => syn += 1,
            _ => {}
        }
    }
    assert!(sent > 0 && received > 0, "both directions captured");
    assert!(arp >= 2, "ARP request and reply captured");
    assert_eq!(syn, 2, "SYN and SYN-ACK captured");

    // tcpdump, when installed, must read the same number of packets.
    match std::process::Command::new("tcpdump")
        .args(["-nn", "-r"])
        .arg(&path)
        .output()
    {
        Ok(out) => {
            assert!(
                out.status.success(),
                "tcpdump failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                text.lines().count(),
                recs.len(),
                "tcpdump sees other packets:\n{text}"
            );
            assert!(text.contains("ARP"));
            assert!(text.contains("Flags [S]"));
        }
        Err(e) => eprintln!("tcpdump not run ({e}); the pcap was checked by hand only"),
    }
    let _ = std::fs::remove_file(&path);
}
