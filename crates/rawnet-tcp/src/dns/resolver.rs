//! The resolver's state machine, without I/O: query slots, which server to ask when, and
//! what a reply does to its query. The stack's glue (`super`) moves the datagrams.

use super::wire::{self, Reply, MAX_NAME_LEN};
use crate::error::DnsError;
use crate::{Duration, Instant};
use smoltcp::wire::Ipv4Address;

/// The first wait for an answer, in milliseconds; it doubles after each round over the
/// servers, up to four times as long.
pub const FIRST_WAIT_MS: u64 = 1000;
/// How long a query may take in all before it fails.
pub const TIMEOUT: Duration = Duration::from_millis(10_000);
/// When a query could not be queued for sending (the socket's buffer was full), the next
/// try, in milliseconds.
pub const BUSY_RETRY_MS: u64 = 50;

/// The deadline of a query not sent yet.
const NOT_STARTED: Instant = Instant::from_ticks(u64::MAX);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Free,
    Pending,
    Done(Ipv4Address),
    Failed,
}

/// One lookup: its name, transaction id and timers.
pub struct Slot {
    pub state: State,
    pub id: u16,
    qname: [u8; MAX_NAME_LEN],
    qname_len: u8,
    /// Queries sent so far; the next goes to server `sent % servers`.
    sent: u8,
    /// Servers (by index) that answered with an error.
    refused: u8,
    next_at: Instant,
    deadline: Instant,
}

impl Slot {
    pub const EMPTY: Slot = Slot {
        state: State::Free,
        id: 0,
        qname: [0; MAX_NAME_LEN],
        qname_len: 0,
        sent: 0,
        refused: 0,
        next_at: Instant::from_ticks(0),
        deadline: NOT_STARTED,
    };

    /// The question's name in wire form.
    pub fn qname(&self) -> &[u8] {
        &self.qname[..usize::from(self.qname_len)]
    }
}

/// A xorshift32 generator for transaction ids and ports, seeded per boot. Its outputs are
/// not secret from whoever sees the queries; they only keep an off-path sender guessing.
#[derive(Debug, Clone)]
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u64) -> Self {
        // Not smoltcp's sequence for the same seed, and never zero.
        Rng((seed as u32 ^ (seed >> 32) as u32 ^ 0x9e37_79b9) | 1)
    }

    pub fn next(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }
}

/// Start a lookup of `name` in a free slot; its index. The query is sent at the next
/// [`transmit`], which also starts its timeout.
pub fn start(slots: &mut [Slot], name: &str, rng: &mut Rng) -> Result<usize, DnsError> {
    // An id no other pending query has (at most slots.len() - 1 are taken).
    let id = loop {
        let id = rng.next() as u16;
        if !slots
            .iter()
            .any(|s| s.state == State::Pending && s.id == id)
        {
            break id;
        }
    };
    let index = slots
        .iter()
        .position(|s| s.state == State::Free)
        .ok_or(DnsError::NoFreeSlot)?;
    let slot = &mut slots[index];
    slot.qname_len = wire::encode_name(name, &mut slot.qname)? as u8;
    slot.state = State::Pending;
    slot.id = id;
    slot.sent = 0;
    slot.refused = 0;
    slot.next_at = Instant::from_ticks(0);
    slot.deadline = NOT_STARTED;
    Ok(index)
}

/// Fail what has timed out and send what is due: `send(server, slot)` queues one query and
/// says whether it could. Whether anything changed.
pub fn transmit(
    slots: &mut [Slot],
    servers: &[Ipv4Address],
    now: Instant,
    mut send: impl FnMut(Ipv4Address, &Slot) -> bool,
) -> bool {
    let mut changed = false;
    let n = servers.len();
    for slot in slots.iter_mut() {
        if slot.state != State::Pending {
            continue;
        }
        if slot.deadline == NOT_STARTED {
            slot.deadline = now + TIMEOUT;
        }
        let sent = usize::from(slot.sent);
        let Some(&server) = servers.get(sent.checked_rem(n).unwrap_or(usize::MAX)) else {
            // No server to ask.
            slot.state = State::Failed;
            changed = true;
            continue;
        };
        if now >= slot.deadline {
            slot.state = State::Failed;
            changed = true;
            continue;
        }
        if now < slot.next_at {
            continue;
        }
        changed = true;
        let wait = if send(server, slot) {
            slot.sent = slot.sent.wrapping_add(1);
            FIRST_WAIT_MS << (sent / n).min(2)
        } else {
            BUSY_RETRY_MS
        };
        slot.next_at = (now + Duration::from_ticks(wait)).min(slot.deadline);
    }
    changed
}

/// A datagram from `from` (port 53 checked by the caller): apply it to the query it
/// answers, if it answers one. Whether it did.
pub fn receive(
    slots: &mut [Slot],
    servers: &[Ipv4Address],
    from: Ipv4Address,
    msg: &[u8],
    now: Instant,
) -> bool {
    let Some(server) = servers.iter().position(|s| *s == from) else {
        return false;
    };
    let Some(id) = wire::reply_id(msg) else {
        return false;
    };
    let Some(slot) = slots
        .iter_mut()
        .find(|s| s.state == State::Pending && s.id == id)
    else {
        return false;
    };
    slot.state = match wire::parse_reply(msg, id, slot.qname()) {
        Err(wire::Malformed) => return false,
        Ok(Reply::Address(addr)) => State::Done(addr),
        Ok(Reply::NoAddress) => State::Failed,
        Ok(Reply::ServerError) => {
            slot.refused |= 1 << server;
            // The next server that has not refused, at once; none left: failed.
            let n = servers.len();
            let next = (0..n)
                .map(|k| (usize::from(slot.sent) + k) % n)
                .find(|&i| slot.refused & (1 << i) == 0);
            match next {
                None => State::Failed,
                Some(i) => {
                    // `sent % n == i` from now on, in the same round.
                    let sent = usize::from(slot.sent);
                    slot.sent = (sent - sent % n + i) as u8;
                    slot.next_at = now;
                    State::Pending
                }
            }
        }
    };
    true
}

/// When the next query is due (or times out).
pub fn poll_at(slots: &[Slot]) -> Option<Instant> {
    slots
        .iter()
        .filter(|s| s.state == State::Pending)
        .map(|s| s.next_at)
        .min()
}

/// The outcome of slot `index` if it still holds query `id`; the slot is freed when an
/// outcome is given.
pub fn result(slots: &mut [Slot], index: usize, id: u16) -> nb::Result<Ipv4Address, DnsError> {
    let slot = slots
        .get_mut(index)
        .filter(|s| s.id == id && s.state != State::Free)
        .ok_or(nb::Error::Other(DnsError::AlreadyTaken))?;
    let outcome = match slot.state {
        State::Pending => return Err(nb::Error::WouldBlock),
        State::Done(addr) => Ok(addr),
        _ => Err(nb::Error::Other(DnsError::Failed)),
    };
    slot.state = State::Free;
    outcome
}

/// Drop the query in slot `index` if it is still `id`'s.
pub fn cancel(slots: &mut [Slot], index: usize, id: u16) {
    if let Some(slot) = slots.get_mut(index).filter(|s| s.id == id) {
        slot.state = State::Free;
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    const S0: Ipv4Address = Ipv4Address::new(10, 0, 0, 1);
    const S1: Ipv4Address = Ipv4Address::new(10, 0, 0, 2);
    const ADDR: Ipv4Address = Ipv4Address::new(192, 0, 2, 9);

    fn at(ms: u64) -> Instant {
        Instant::from_ticks(ms)
    }

    /// A reply to `slot`'s query with `rcode` and, if given, one A record.
    fn reply(slot: &Slot, rcode: u8, addr: Option<Ipv4Address>) -> Vec<u8> {
        let mut m = Vec::new();
        m.extend_from_slice(&slot.id.to_be_bytes());
        m.extend_from_slice(&[
            0x81,
            0x80 | rcode,
            0,
            1,
            0,
            u8::from(addr.is_some()),
            0,
            0,
            0,
            0,
        ]);
        m.extend_from_slice(slot.qname());
        m.extend_from_slice(&[0, 1, 0, 1]);
        if let Some(a) = addr {
            m.extend_from_slice(&[0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
            m.extend_from_slice(&a.octets());
        }
        m
    }

    /// Run `transmit` every 100 ms until `until`; the (time, server) of each query sent.
    fn sends(
        slots: &mut [Slot],
        servers: &[Ipv4Address],
        from: u64,
        until: u64,
    ) -> Vec<(u64, Ipv4Address)> {
        let mut out = Vec::new();
        let mut t = from;
        while t < until {
            transmit(slots, servers, at(t), |s, _| {
                out.push((t, s));
                true
            });
            t += 100;
        }
        out
    }

    #[test]
    fn servers_in_turn_with_growing_waits_then_a_timeout() {
        let mut slots = [Slot::EMPTY];
        let mut rng = Rng::new(1);
        let i = start(&mut slots, "a.test", &mut rng).unwrap();
        assert_eq!(poll_at(&slots), Some(at(0)), "due at once");
        let sent = sends(&mut slots, &[S0, S1], 5_000, 16_000);
        assert_eq!(
            sent,
            [
                (5_000, S0),
                (6_000, S1),
                (7_000, S0),
                (9_000, S1),
                (11_000, S0),
                // The next wait (4 s) would end at the deadline.
            ]
        );
        assert_eq!(slots[i].state, State::Failed, "10 s after the first query");
        let id = slots[i].id;
        assert_eq!(
            result(&mut slots, i, id),
            Err(nb::Error::Other(DnsError::Failed))
        );
        assert_eq!(slots[i].state, State::Free);
        assert_eq!(poll_at(&slots), None);
    }

    #[test]
    fn no_server_fails_at_once_and_a_full_buffer_is_retried_soon() {
        let mut slots = [Slot::EMPTY];
        let mut rng = Rng::new(2);
        start(&mut slots, "a.test", &mut rng).unwrap();
        assert!(transmit(&mut slots, &[], at(0), |_, _| unreachable!()));
        assert_eq!(slots[0].state, State::Failed);

        let mut slots = [Slot::EMPTY];
        start(&mut slots, "a.test", &mut rng).unwrap();
        transmit(&mut slots, &[S0], at(0), |_, _| false);
        assert_eq!(poll_at(&slots), Some(at(BUSY_RETRY_MS)));
        let sent = sends(&mut slots, &[S0], 100, 1_000);
        assert_eq!(sent, [(100, S0)], "not counted as sent before");
    }

    #[test]
    fn replies_count_only_from_a_server_for_a_pending_id() {
        let mut slots = [Slot::EMPTY, Slot::EMPTY];
        let mut rng = Rng::new(3);
        let a = start(&mut slots, "a.test", &mut rng).unwrap();
        let b = start(&mut slots, "b.test", &mut rng).unwrap();
        assert_ne!(slots[a].id, slots[b].id);
        assert_eq!(
            start(&mut slots, "c.test", &mut rng),
            Err(DnsError::NoFreeSlot)
        );
        transmit(&mut slots, &[S0], at(0), |_, _| true);
        let good = reply(&slots[b], 0, Some(ADDR));
        let stranger = Ipv4Address::new(10, 9, 9, 9);
        assert!(!receive(&mut slots, &[S0], stranger, &good, at(1)));
        // b's id with a's question.
        let mut wrong = reply(&slots[a], 0, Some(ADDR));
        wrong[..2].copy_from_slice(&slots[b].id.to_be_bytes());
        assert!(!receive(&mut slots, &[S0], S0, &wrong, at(1)));
        let id = slots[b].id;
        assert_eq!(result(&mut slots, b, id), Err(nb::Error::WouldBlock));
        assert!(receive(&mut slots, &[S0], S0, &good, at(1)));
        assert!(!receive(&mut slots, &[S0], S0, &good, at(1)), "once");
        assert_eq!(result(&mut slots, b, id), Ok(ADDR));
        assert_eq!(
            result(&mut slots, b, id),
            Err(nb::Error::Other(DnsError::AlreadyTaken))
        );
        // NXDOMAIN fails a.
        let nx = reply(&slots[a], 3, None);
        assert!(receive(&mut slots, &[S0], S0, &nx, at(2)));
        assert_eq!(slots[a].state, State::Failed);
        let id = slots[a].id;
        cancel(&mut slots, a, id);
        assert_eq!(slots[a].state, State::Free);
    }

    #[test]
    fn a_server_error_moves_to_the_next_server_at_once() {
        let mut slots = [Slot::EMPTY];
        let mut rng = Rng::new(4);
        start(&mut slots, "a.test", &mut rng).unwrap();
        let servers = [S0, S1];
        assert_eq!(sends(&mut slots, &servers, 0, 100), [(0, S0)]);
        let refused = reply(&slots[0], 5, None);
        assert!(receive(&mut slots, &servers, S0, &refused, at(150)));
        assert_eq!(slots[0].state, State::Pending);
        assert_eq!(sends(&mut slots, &servers, 200, 300), [(200, S1)]);
        // The first server refusing again changes nothing; the second one too: failed.
        assert!(receive(&mut slots, &servers, S0, &refused, at(250)));
        assert_eq!(slots[0].state, State::Pending);
        assert!(receive(&mut slots, &servers, S1, &refused, at(300)));
        assert_eq!(slots[0].state, State::Failed);
    }
}
