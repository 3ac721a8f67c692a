use super::*;
extern crate std;
use std::{vec, vec::Vec};

const US: [u8; 4] = [10, 0, 2, 15];
const PEER: [u8; 4] = [10, 0, 2, 100];
const OUR_PORT: u16 = 50_000;
const PEER_PORT: u16 = 8883;

/// The one's complement sum of `data` as 16-bit words, folded, not inverted.
fn sum(data: &[u8], mut acc: u32) -> u32 {
    for pair in data.chunks(2) {
        let word = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
        acc += u32::from(word);
    }
    while acc > 0xffff {
        acc = (acc & 0xffff) + (acc >> 16);
    }
    acc
}

/// The TCP checksum of the segment in `frame`, computed from scratch.
fn tcp_checksum(frame: &[u8]) -> u16 {
    let ip = &frame[14..34];
    let tcp = &frame[34..];
    let mut pseudo = [0u8; 12];
    pseudo[..4].copy_from_slice(&ip[12..16]);
    pseudo[4..8].copy_from_slice(&ip[16..20]);
    pseudo[9] = 6;
    pseudo[10..].copy_from_slice(&(tcp.len() as u16).to_be_bytes());
    let mut zeroed = tcp.to_vec();
    zeroed[16] = 0;
    zeroed[17] = 0;
    !(sum(&zeroed, sum(&pseudo, 0)) as u16)
}

/// An Ethernet frame with an IPv4 TCP segment from `src` to `dst`, checksum filled in.
#[allow(clippy::too_many_arguments)]
fn frame(
    src: ([u8; 4], u16),
    dst: ([u8; 4], u16),
    flags: u8,
    seq: u32,
    ack: u32,
    window: u16,
    payload: &[u8],
) -> Vec<u8> {
    let mut f = vec![0u8; 14];
    f[12] = 0x08;
    let total = (20 + 20 + payload.len()) as u16;
    let mut ip = [0u8; 20];
    ip[0] = 0x45;
    ip[2..4].copy_from_slice(&total.to_be_bytes());
    ip[6] = 0x40; // don't fragment
    ip[8] = 64;
    ip[9] = 6;
    ip[12..16].copy_from_slice(&src.0);
    ip[16..20].copy_from_slice(&dst.0);
    let ip_sum = !(sum(&ip, 0) as u16);
    ip[10..12].copy_from_slice(&ip_sum.to_be_bytes());
    f.extend_from_slice(&ip);
    let mut tcp = [0u8; 20];
    tcp[..2].copy_from_slice(&src.1.to_be_bytes());
    tcp[2..4].copy_from_slice(&dst.1.to_be_bytes());
    tcp[4..8].copy_from_slice(&seq.to_be_bytes());
    tcp[8..12].copy_from_slice(&ack.to_be_bytes());
    tcp[12] = 5 << 4;
    tcp[13] = flags;
    tcp[14..16].copy_from_slice(&window.to_be_bytes());
    f.extend_from_slice(&tcp);
    f.extend_from_slice(payload);
    let c = tcp_checksum(&f);
    f[50..52].copy_from_slice(&c.to_be_bytes());
    f
}

fn ours(flags: u8, seq: u32, ack: u32, payload: &[u8]) -> Vec<u8> {
    frame(
        (US, OUR_PORT),
        (PEER, PEER_PORT),
        flags,
        seq,
        ack,
        4096,
        payload,
    )
}

fn theirs(flags: u8, seq: u32, ack: u32, window: u16, payload: &[u8]) -> Vec<u8> {
    frame(
        (PEER, PEER_PORT),
        (US, OUR_PORT),
        flags,
        seq,
        ack,
        window,
        payload,
    )
}

fn be16(f: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([f[at], f[at + 1]])
}

fn ack_of(f: &[u8]) -> u32 {
    u32::from_be_bytes([f[42], f[43], f[44], f[45]])
}

fn window_of(f: &[u8]) -> u16 {
    be16(f, 48)
}

/// A connection up: our SYN at 1000, their SYN-ACK at 5000, 100 bytes of ours sent.
fn connected() -> StaleAcks {
    let g = StaleAcks::default();
    g.sent(&ours(TCP_SYN, 1000, 0, &[]));
    g.received(&mut theirs(TCP_SYN | TCP_ACK, 5000, 1001, 64_000, &[]));
    g.sent(&ours(TCP_ACK, 1001, 5001, &[]));
    g.received(&mut theirs(TCP_ACK, 5001, 1001, 60_000, &[]));
    g.sent(&ours(TCP_ACK, 1001, 5001, &[7; 100]));
    g
}

#[test]
fn data_behind_a_stale_acknowledgement_gets_the_newest_one() {
    let g = connected();
    // The peer sends data (acknowledging 1001), then acknowledges our 100 bytes with more
    // data; the two arrive the other way round.
    let mut late = theirs(TCP_ACK | 0x08, 5001, 1001, 60_000, b"first");
    let mut early = theirs(TCP_ACK | 0x08, 5006, 1101, 50_000, b"second");
    g.received(&mut early);
    assert_eq!(ack_of(&early), 1101, "a current segment is left alone");
    let before = late.clone();
    g.received(&mut late);
    assert_eq!(ack_of(&late), 1101);
    assert_eq!(
        window_of(&late),
        50_000,
        "the window that came with the newest ack"
    );
    assert_eq!(be16(&late, 50), tcp_checksum(&late), "checksum adjusted");
    assert_eq!(late[..42], before[..42], "nothing before the ack changed");
    assert_eq!(late[54..], before[54..], "the payload is as it was");
}

#[test]
fn a_stale_pure_acknowledgement_is_left_to_smoltcp() {
    let g = connected();
    g.received(&mut theirs(TCP_ACK, 5001, 1101, 50_000, &[]));
    let mut old = theirs(TCP_ACK, 5001, 1001, 60_000, &[]);
    let before = old.clone();
    g.received(&mut old);
    assert_eq!(old, before);
}

#[test]
fn an_acknowledgement_beyond_what_we_sent_is_not_learned() {
    let g = connected();
    // Forged: acknowledges bytes we never sent.
    g.received(&mut theirs(TCP_ACK, 5001, 900_000, 1, &[]));
    g.received(&mut theirs(TCP_ACK, 5001, 1050, 40_000, &[]));
    let mut stale = theirs(TCP_ACK, 5001, 1001, 60_000, b"x");
    g.received(&mut stale);
    assert_eq!(ack_of(&stale), 1050, "the real newest, not the forged one");
    assert_eq!(window_of(&stale), 40_000);
    assert_eq!(be16(&stale, 50), tcp_checksum(&stale));
}

#[test]
fn other_connections_resets_and_other_frames_pass_untouched() {
    let g = connected();
    g.received(&mut theirs(TCP_ACK, 5001, 1101, 50_000, &[]));
    let other_port = frame(
        (PEER, PEER_PORT),
        (US, OUR_PORT + 1),
        TCP_ACK,
        5001,
        1001,
        1,
        b"x",
    );
    let other_host = frame(
        ([10, 0, 2, 101], PEER_PORT),
        (US, OUR_PORT),
        TCP_ACK,
        5001,
        1001,
        1,
        b"x",
    );
    let reset = theirs(TCP_ACK | TCP_RST, 5001, 1001, 0, b"x");
    let mut udp = theirs(TCP_ACK, 5001, 1001, 0, b"x");
    udp[23] = 17;
    for f in [other_port, other_host, reset, udp] {
        let mut g2 = f.clone();
        g.received(&mut g2);
        assert_eq!(g2, f);
    }
}

#[test]
fn a_new_syn_on_the_same_ports_starts_over() {
    let g = connected();
    g.received(&mut theirs(TCP_ACK, 5001, 1101, 50_000, &[]));
    // A new connection on the same ports, its numbers far from the old one's.
    g.sent(&ours(TCP_SYN, 70_000, 0, &[]));
    g.received(&mut theirs(TCP_SYN | TCP_ACK, 9000, 70_001, 64_000, &[]));
    g.sent(&ours(TCP_ACK, 70_001, 9001, &[1; 50]));
    g.received(&mut theirs(TCP_ACK, 9001, 70_051, 30_000, &[]));
    let mut stale = theirs(TCP_ACK, 9001, 70_001, 64_000, b"x");
    g.received(&mut stale);
    assert_eq!(ack_of(&stale), 70_051, "the new connection's numbers");
    assert_eq!(window_of(&stale), 30_000);
}

#[test]
fn a_corrupted_acknowledgement_is_not_learned() {
    let g = connected();
    // A bit flipped in flight: 1050 became 1082 (still within what we sent); the checksum
    // no longer holds, smoltcp drops the segment, and so must the guard.
    let mut flipped = theirs(TCP_ACK, 5001, 1050, 40_000, &[]);
    flipped[45] ^= 0x20;
    assert_eq!(ack_of(&flipped), 1082);
    g.received(&mut flipped);
    g.received(&mut theirs(TCP_ACK, 5001, 1050, 40_000, &[]));
    let mut stale = theirs(TCP_ACK, 5001, 1001, 60_000, b"x");
    g.received(&mut stale);
    assert_eq!(ack_of(&stale), 1050);
}

#[test]
fn a_segment_far_from_our_window_is_not_learned() {
    let g = connected();
    // Sequence numbers far past what we acknowledged: smoltcp takes no ACK from such a
    // segment.
    g.received(&mut theirs(TCP_ACK, 5001 + NEAR + 1, 1101, 50_000, &[]));
    let mut stale = theirs(TCP_ACK, 5001, 1001, 60_000, b"x");
    let before = stale.clone();
    g.received(&mut stale);
    assert_eq!(stale, before, "nothing newer was learned: nothing to write");
}

#[test]
fn an_acknowledgement_before_our_first_byte_is_left_alone() {
    let g = connected();
    g.received(&mut theirs(TCP_ACK, 5001, 1101, 50_000, &[]));
    // Not stale but wrong (a blind guess): smoltcp refuses it as it is.
    for ack in [1000, 999, 1000u32.wrapping_sub(1 << 30)] {
        let mut f = theirs(TCP_ACK, 5001, ack, 60_000, b"x");
        let before = f.clone();
        g.received(&mut f);
        assert_eq!(f, before, "ack {ack}");
    }
}

#[test]
fn a_fin_behind_a_stale_acknowledgement_is_kept_too() {
    let g = connected();
    g.received(&mut theirs(TCP_ACK, 5001, 1101, 50_000, &[]));
    let mut fin = theirs(TCP_ACK | TCP_FIN, 5001, 1001, 60_000, &[]);
    g.received(&mut fin);
    assert_eq!(ack_of(&fin), 1101);
    assert_eq!(be16(&fin, 50), tcp_checksum(&fin));
}

#[test]
fn sequence_numbers_wrap() {
    let g = StaleAcks::default();
    let iss = u32::MAX - 50;
    let peer_iss = u32::MAX - 5;
    g.sent(&ours(TCP_SYN, iss, 0, &[]));
    g.received(&mut theirs(
        TCP_SYN | TCP_ACK,
        peer_iss,
        iss + 1,
        64_000,
        &[],
    ));
    g.sent(&ours(TCP_ACK, iss + 1, peer_iss.wrapping_add(1), &[7; 100]));
    let una = (iss + 1).wrapping_add(100);
    let their_next = peer_iss.wrapping_add(11);
    g.received(&mut theirs(TCP_ACK, their_next, una, 50_000, &[]));
    let mut stale = theirs(
        TCP_ACK,
        peer_iss.wrapping_add(1),
        iss + 1,
        60_000,
        b"0123456789",
    );
    g.received(&mut stale);
    assert_eq!(ack_of(&stale), una);
    assert_eq!(be16(&stale, 50), tcp_checksum(&stale));
}

#[test]
fn truncated_and_odd_frames_never_panic() {
    let g = connected();
    g.received(&mut theirs(TCP_ACK, 5001, 1101, 50_000, &[]));
    let whole = theirs(TCP_ACK, 5001, 1001, 60_000, b"payload");
    // Cut short: the IP total length then exceeds the frame, and nothing is touched.
    for n in 0..whole.len() {
        let mut f = whole[..n].to_vec();
        g.received(&mut f);
        assert_eq!(f, whole[..n]);
        g.sent(&f);
    }
    // Lengths that lie: IP total beyond the frame, header lengths out of range.
    for (at, value) in [
        (16, 0xff),
        (17, 0xff),
        (14, 0x4f),
        (14, 0x41),
        (46, 0xf0),
        (46, 0x10),
    ] {
        let mut f = whole.clone();
        f[at] = value;
        let before = f.clone();
        g.received(&mut f);
        g.sent(&f);
        assert_eq!(f, before, "byte {at} = {value:#x}");
    }
}

#[test]
fn checksum_adjustment_matches_a_full_computation() {
    let full = |d: &[u8]| !(sum(d, 0) as u16);
    for (old, new) in [(0x1234, 0x4321), (0, 0xffff), (0xffff, 0), (0xfffe, 0x0001)] {
        let mut data = [0x12u8, 0x34, 0xab, 0xcd, 0, 0];
        data[4..].copy_from_slice(&u16::to_be_bytes(old));
        let before = full(&data);
        data[4..].copy_from_slice(&u16::to_be_bytes(new));
        assert_eq!(
            adjust(before, old, new),
            full(&data),
            "{old:#x} -> {new:#x}"
        );
    }
}
