//! An in-memory Ethernet wire linking two drivers in one process.

use crate::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

#[derive(Debug, Default)]
struct Queues {
    /// Frames travelling from end A to end B, and from B to A.
    to: [VecDeque<Vec<u8>>; 2],
    link_up: bool,
}

/// A full-duplex in-memory wire: what one end transmits, the other receives, in order.
///
/// Each direction holds at most `depth` frames (the peer's RX ring); a transmit when it is
/// full is refused with `None`, exactly as a MAC with a full TX ring refuses one.
#[derive(Debug)]
pub struct MemoryWire;

impl MemoryWire {
    /// A pair of connected ends, each direction `depth` frames deep.
    #[allow(clippy::new_ret_no_self)]
    pub fn pair(mac_a: [u8; 6], mac_b: [u8; 6], depth: usize) -> (WireEnd, WireEnd) {
        let q = Arc::new(Mutex::new(Queues {
            link_up: true,
            ..Queues::default()
        }));
        let end = |side, mac| WireEnd {
            q: q.clone(),
            side,
            mac,
            depth,
            scratch: Vec::new(),
        };
        (end(0, mac_a), end(1, mac_b))
    }
}

/// One end of a [`MemoryWire`].
#[derive(Debug)]
pub struct WireEnd {
    q: Arc<Mutex<Queues>>,
    side: usize,
    mac: [u8; 6],
    depth: usize,
    scratch: Vec<u8>,
}

impl WireEnd {
    /// Bring the link down (frames sent while down are dropped) or up again.
    pub fn set_link(&self, up: bool) {
        self.q.lock().unwrap().link_up = up;
    }

    /// Frames waiting for this end to receive.
    pub fn pending(&self) -> usize {
        self.q.lock().unwrap().to[self.side].len()
    }

    fn push(&self, frame: Vec<u8>) {
        let mut q = self.q.lock().unwrap();
        if q.link_up {
            q.to[1 - self.side].push_back(frame);
        }
    }

    fn tx_free(&self) -> bool {
        self.q.lock().unwrap().to[1 - self.side].len() < self.depth
    }
}

/// A frame received from a [`WireEnd`].
#[derive(Debug)]
pub struct WireRx(Vec<u8>);

/// A transmit slot on a [`WireEnd`].
#[derive(Debug)]
pub struct WireTx<'a>(&'a mut WireEnd);

impl RxToken for WireRx {
    fn consume<R>(mut self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        f(&mut self.0)
    }
}

impl TxToken for WireTx<'_> {
    fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
        let mut buf = core::mem::take(&mut self.0.scratch);
        buf.clear();
        buf.resize(len, 0);
        let r = f(&mut buf);
        self.0.push(buf);
        r
    }
}

impl EthernetDriver for WireEnd {
    type RxToken<'a> = WireRx;
    type TxToken<'a> = WireTx<'a>;

    fn receive(&mut self) -> Option<(WireRx, WireTx<'_>)> {
        if !self.tx_free() {
            return None;
        }
        let frame = self.q.lock().unwrap().to[self.side].pop_front()?;
        Some((WireRx(frame), WireTx(self)))
    }

    fn transmit(&mut self) -> Option<WireTx<'_>> {
        self.tx_free().then_some(WireTx(self))
    }

    fn mac_address(&self) -> [u8; 6] {
        self.mac
    }

    fn link_state(&mut self) -> LinkState {
        if self.q.lock().unwrap().link_up {
            LinkState::Up
        } else {
            LinkState::Down
        }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_cross_in_order_and_ring_fills() {
        let (mut a, mut b) = MemoryWire::pair([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2], 2);
        for i in 0..2u8 {
            a.transmit().unwrap().consume(60, |buf| buf.fill(i));
        }
        assert!(
            a.transmit().is_none(),
            "depth 2 reached: TX must be refused"
        );
        for i in 0..2u8 {
            let (rx, _tx) = b.receive().unwrap();
            rx.consume(|f| {
                assert_eq!(f.len(), 60);
                assert!(f.iter().all(|&x| x == i));
            });
        }
        assert!(b.receive().is_none());
        assert!(a.transmit().is_some());
    }

    #[test]
    fn link_down_drops_frames() {
        let (mut a, mut b) = MemoryWire::pair([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2], 4);
        a.set_link(false);
        assert_eq!(b.link_state(), LinkState::Down);
        a.transmit().unwrap().consume(60, |_| ());
        assert_eq!(b.pending(), 0);
    }
}
