//! Data behind a stale acknowledgement: a guard for smoltcp's TCP under reordering.
//!
//! smoltcp 0.14 discards a whole TCP segment whose acknowledgement number is below what it
//! already has acknowledged from that peer (`SEG.ACK < SND.UNA`, "duplicate ACK" in
//! `socket/tcp.rs`; upstream issue smoltcp-rs/smoltcp#12, open since 2017). RFC 9293
//! §3.10.7.4 says such an acknowledgement "can be ignored": only the ACK, not the data. With
//! traffic both ways (MQTT: publishes one way, acknowledgements and messages the other) any
//! reordering on the path produces such segments: the peer sent data, then our next segment
//! was acknowledged, then its older data segment arrives. smoltcp drops it without a word
//! and the peer has to time out and send it again. Behind libslirp's TCP (1 s minimum
//! retransmission timeout, backing off) the fault suite's long form moved 35 messages a
//! second under 20 % reordering instead of thousands (docs/reliability.md).
//!
//! The guard sits where frames cross into smoltcp, and writes in place (no copy, no
//! buffer). Per TCP connection (a few, [`FLOWS`]) it keeps the highest acknowledgement the
//! peer sent that smoltcp will also have taken (from an intact segment near the receive
//! window, and at most what we sent: a corrupted or forged larger one is not learned), and
//! the window of that segment. A received data segment (or FIN) carrying an older
//! acknowledgement, though one after our initial sequence number, gets those two instead,
//! its checksum adjusted (RFC 1624); smoltcp then sees an acknowledgement and a window it
//! already has, and keeps the data. Nothing else is changed: pure acknowledgements (dropping
//! a stale one is harmless), resets, other protocols, and connections the table no longer
//! holds pass as they are. IPv4 only. The cost is one header walk per frame (and a checksum
//! pass over a segment that acknowledges something new), [`FLOWS`] × 32 bytes of RAM, and
//! about 1 KB of flash on a Cortex-M4 (docs/footprint.md).

use core::cell::Cell;

/// TCP connections the guard follows at once (the oldest is forgotten first).
pub const FLOWS: usize = 4;

const TCP_SYN: u8 = 0x02;
const TCP_RST: u8 = 0x04;
const TCP_ACK: u8 = 0x10;
const TCP_FIN: u8 = 0x01;

/// How far past our last acknowledgement a segment may start and still be learned from: more
/// than any receive window a device offers (smoltcp's largest without scaling is 64 KiB).
const NEAR: u32 = 1 << 20;

/// One connection, and what both sides have said on it.
#[derive(Debug, Clone, Copy, Default)]
struct Flow {
    /// The peer's IPv4 address and port, then ours; all zero: unused.
    key: [u8; 8],
    /// The highest acknowledgement learned from the peer (SND.UNA as smoltcp knows it).
    una: u32,
    /// The end of what we sent (SND.NXT): acknowledgements beyond it are not learned.
    nxt: u32,
    /// Our initial sequence number: an acknowledgement at or before it is never stale,
    /// only wrong (a blind guess must still land between it and `una`).
    iss: u32,
    /// What our last acknowledgement said we have received (RCV.NXT as the peer knows it):
    /// only a segment near it is learned from, as smoltcp only takes acknowledgements
    /// from segments in its receive window.
    rcv: u32,
    /// We sent an acknowledgement (`rcv` holds it).
    acked: bool,
    /// The window field of the peer's last segment that was not stale: the one smoltcp
    /// holds (it takes every segment's window as it comes).
    window: u16,
    /// A segment came from the peer since our SYN (`window` is its).
    heard: bool,
}

/// The guard's table, shared by the receive and transmit tokens of one poll.
#[derive(Debug, Default)]
pub(crate) struct StaleAcks {
    flows: Cell<[Flow; FLOWS]>,
    next: Cell<u8>,
}

/// `a` is after `b` in sequence space.
fn after(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) > 0
}

/// The fields of a TCP header the guard reads: flags, sequence and acknowledgement numbers,
/// window.
fn fields(h: &[u8; 20]) -> (u8, u32, u32, u16) {
    (
        h[13],
        u32::from_be_bytes([h[4], h[5], h[6], h[7]]),
        u32::from_be_bytes([h[8], h[9], h[10], h[11]]),
        u16::from_be_bytes([h[14], h[15]]),
    )
}

/// A TCP segment in a frame.
struct Segment {
    /// Where its header starts, and a copy of the header's fixed part.
    at: usize,
    header: [u8; 20],
    /// Its length (header and payload), and its payload's.
    len: usize,
    payload: u32,
    /// The flow key (the peer's address and port, then ours) if the segment is from the
    /// peer, and if it is to the peer.
    from: [u8; 8],
    to: [u8; 8],
}

/// The TCP segment of an unfragmented IPv4 frame, if it is one and its lengths hold.
fn segment(frame: &[u8]) -> Option<Segment> {
    let eth: &[u8; 34] = frame.get(..34)?.try_into().ok()?;
    let ip = &eth[14..];
    let ihl = usize::from(ip[0] & 0x0f) * 4;
    let total = usize::from(u16::from_be_bytes([ip[2], ip[3]]));
    // IPv4 carrying TCP, neither a later fragment nor one with more to come.
    if eth[12..14] != [8, 0] || ip[0] >> 4 != 4 || ip[9] != 6 || ip[6] & 0x3f != 0 || ip[7] != 0 {
        return None;
    }
    let tcp: [u8; 20] = frame.get(14 + ihl..34 + ihl)?.try_into().ok()?;
    let header = ihl + usize::from(tcp[12] >> 4) * 4;
    if ihl < 20 || header < ihl + 20 || header > total || 14 + total > frame.len() {
        return None;
    }
    let (s, d) = (&eth[26..30], &eth[30..34]);
    Some(Segment {
        at: 14 + ihl,
        header: tcp,
        len: total - ihl,
        payload: (total - header) as u32,
        from: [s[0], s[1], s[2], s[3], tcp[0], tcp[1], tcp[2], tcp[3]],
        to: [d[0], d[1], d[2], d[3], tcp[2], tcp[3], tcp[0], tcp[1]],
    })
}

/// Whether the segment's checksum holds (over the pseudo-header and the segment): the guard
/// learns nothing from a corrupted one, which smoltcp drops.
fn checksum_ok(frame: &[u8], s: &Segment) -> bool {
    let Some(segment) = frame.get(s.at..s.at + s.len) else {
        return false;
    };
    let mut sum = 6 + s.len as u32;
    let addresses = s.from[..4].chunks(2).chain(s.to[..4].chunks(2));
    for w in addresses.chain(segment.chunks(2)) {
        sum += u32::from(u16::from_be_bytes([w[0], w.get(1).copied().unwrap_or(0)]));
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    sum == 0xffff
}

/// `sum` with the 16-bit word `old` replaced by `new` (RFC 1624, equation 3).
fn adjust(sum: u16, old: u16, new: u16) -> u16 {
    let mut s = u32::from(!sum) + u32::from(!old) + u32::from(new);
    s = (s & 0xffff) + (s >> 16);
    s = (s & 0xffff) + (s >> 16);
    !(s as u16)
}

impl StaleAcks {
    /// A segment we send: learn where our side is (a SYN starts a connection's entry).
    pub(crate) fn sent(&self, frame: &[u8]) {
        let Some(Segment {
            header,
            payload,
            to: key,
            ..
        }) = segment(frame)
        else {
            return;
        };
        let (flags, seq, ack, _) = fields(&header);
        let mut flows = self.flows.get();
        let found = flows.iter().position(|f| f.key == key);
        let i = match (found, flags & TCP_SYN != 0) {
            (Some(i), false) => i,
            (None, false) => return,
            // Our SYN (again, or on a port used before): the connection starts here.
            (found, true) => {
                let i = found.unwrap_or_else(|| {
                    let i = usize::from(self.next.get()) % FLOWS;
                    self.next.set(((i + 1) % FLOWS) as u8);
                    i
                });
                flows[i] = Flow {
                    key,
                    una: seq,
                    nxt: seq,
                    iss: seq,
                    ..Flow::default()
                };
                i
            }
        };
        let f = &mut flows[i];
        let end = seq
            .wrapping_add(payload)
            .wrapping_add(u32::from(flags & (TCP_SYN | TCP_FIN) != 0));
        if after(end, f.nxt) {
            f.nxt = end;
        }
        if flags & TCP_ACK != 0 && (!f.acked || after(ack, f.rcv)) {
            f.rcv = ack;
            f.acked = true;
        }
        self.flows.set(flows);
    }

    /// A segment from a peer: learn its acknowledgement and window, or, on data (or a FIN)
    /// behind a stale acknowledgement, give the segment the newest acknowledgement and the
    /// window smoltcp holds instead.
    pub(crate) fn received(&self, frame: &mut [u8]) {
        let Some(seg) = segment(frame) else {
            return;
        };
        let (flags, seq, ack, window) = fields(&seg.header);
        let mut flows = self.flows.get();
        let Some(f) = flows.iter_mut().find(|f| f.key == seg.from) else {
            return;
        };
        if flags & (TCP_ACK | TCP_RST | TCP_SYN) != TCP_ACK || after(ack, f.nxt) {
            // Not a plain acknowledging segment, or one beyond what we sent (smoltcp answers
            // that with a challenge): nothing learned, nothing changed.
            return;
        }
        if !after(f.una, ack) {
            // Learned only from what smoltcp takes too: an intact segment in (or near) the
            // receive window.
            let near = f.acked && seq.wrapping_sub(f.rcv) < NEAR;
            if near && checksum_ok(frame, &seg) {
                f.una = ack;
                f.window = window;
                f.heard = true;
                self.flows.set(flows);
            }
        } else if (seg.payload > 0 || flags & TCP_FIN != 0) && f.heard && after(ack, f.iss) {
            let h = seg.header;
            let mut sum = u16::from_be_bytes([h[16], h[17]]);
            sum = adjust(sum, (ack >> 16) as u16, (f.una >> 16) as u16);
            sum = adjust(sum, ack as u16, f.una as u16);
            sum = adjust(sum, window, f.window);
            let mut new = h;
            new[8..12].copy_from_slice(&f.una.to_be_bytes());
            new[14..16].copy_from_slice(&f.window.to_be_bytes());
            new[16..18].copy_from_slice(&sum.to_be_bytes());
            if let Some(out) = frame.get_mut(seg.at..seg.at + 20) {
                out.copy_from_slice(&new);
            }
        }
    }
}

#[cfg(test)]
mod tests;
