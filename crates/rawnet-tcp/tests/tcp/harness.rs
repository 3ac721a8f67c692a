//! The shared harness: two stacks on a `MemoryWire` with a fake clock, and a recording
//! `Callbacks` implementation that sends a pseudo-random pattern and checks what it gets.

use rawnet_eth::host::{MemoryWire, WireEnd};
use rawnet_eth::SmoltcpDevice;
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::smoltcp::phy::{Device, FaultInjector};
use rawnet_tcp::smoltcp::wire::{Ipv4Address, Ipv4Cidr};
use rawnet_tcp::{
    Callbacks, Config, Connection, Duration, Instant, Ipv4Settings, Stack, TcpError, TcpHandle,
    TcpTimers,
};

pub const MAC_A: [u8; 6] = [2, 0, 0, 0, 0, 0xa];
pub const MAC_B: [u8; 6] = [2, 0, 0, 0, 0, 0xb];
pub const IP_A: Ipv4Address = Ipv4Address::new(10, 0, 0, 1);
pub const IP_B: Ipv4Address = Ipv4Address::new(10, 0, 0, 2);

/// The wire device, plain.
pub type Dev = SmoltcpDevice<WireEnd>;

/// Storage that lives as long as the test process (tests only: it is never freed).
pub fn buf(len: usize) -> &'static mut [u8] {
    Box::leak(vec![0; len].into_boxed_slice())
}

fn slots(n: usize) -> &'static mut [SocketStorage<'static>] {
    Box::leak(
        (0..n)
            .map(|_| SocketStorage::EMPTY)
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

/// Timers short enough for tests (simulated time costs nothing, but fewer iterations do).
pub fn test_timers() -> TcpTimers {
    TcpTimers {
        connect_timeout: Duration::from_secs(5),
        data_timeout: Duration::from_secs(10),
        poll_interval: Duration::from_millis(500),
    }
}

pub fn static_config(mac: [u8; 6], ip: Ipv4Address, seed: u64) -> Config {
    let mut c = Config::new_static(mac, Ipv4Settings::new(Ipv4Cidr::new(ip, 24)), seed);
    c.tcp = test_timers();
    c
}

/// Two stacks, A (10.0.0.1) and B (10.0.0.2), on one wire, and the fake clock.
pub struct Pair<D: Device> {
    pub a: Stack<'static, D>,
    pub b: Stack<'static, D>,
    pub now: Instant,
}

impl Pair<Dev> {
    /// A clean wire, 16 frames deep each way; `slots` socket slots per stack.
    pub fn new(slots: usize) -> Self {
        Pair::wrapped(slots, |d| d)
    }
}

impl Pair<FaultInjector<Dev>> {
    /// A wire that loses `pct` percent of the frames in each direction: A's device drops
    /// that share of what it sends and of what it receives (B's injector does nothing, as
    /// each frame would otherwise face two draws).
    pub fn lossy(slots: usize, pct: u8) -> Self {
        let mut first = true;
        Pair::wrapped(slots, |d| {
            let mut f = FaultInjector::new(d, 0x5eed);
            if core::mem::take(&mut first) {
                f.set_drop_chance(pct);
            }
            f
        })
    }
}

impl<D: Device> Pair<D> {
    pub fn wrapped(n: usize, mut wrap: impl FnMut(Dev) -> D) -> Self {
        let (wa, wb) = MemoryWire::pair(MAC_A, MAC_B, 16);
        let now = Instant::from_ticks(1_000);
        let a = Stack::new(
            wrap(SmoltcpDevice::new(wa)),
            static_config(MAC_A, IP_A, 0xa),
            slots(n),
            now,
        )
        .unwrap();
        let b = Stack::new(
            wrap(SmoltcpDevice::new(wb)),
            static_config(MAC_B, IP_B, 0xb),
            slots(n),
            now,
        )
        .unwrap();
        Pair { a, b, now }
    }

    /// Run the superloop (poll both stacks, drive both handles) until `done` holds or
    /// `limit` of simulated time passed; returns whether `done` held. Time moves 1 ms per
    /// busy iteration and jumps to the next deadline when both stacks are idle.
    pub fn run<CA, CB>(
        &mut self,
        ha: &mut TcpHandle,
        ca: &mut CA,
        hb: &mut TcpHandle,
        cb: &mut CB,
        limit: Duration,
        mut done: impl FnMut(&CA, &CB) -> bool,
    ) -> bool
    where
        CA: for<'s> Callbacks<rawnet_tcp::TcpConn<'s, 'static>>,
        CB: for<'s> Callbacks<rawnet_tcp::TcpConn<'s, 'static>>,
    {
        let end = self.now + limit;
        while self.now < end {
            let busy_a = self.a.poll(self.now);
            let busy_b = self.b.poll(self.now);
            self.a.drive(ha, ca, self.now);
            self.b.drive(hb, cb, self.now);
            if done(ca, cb) {
                return true;
            }
            let step = self.now + Duration::from_millis(1);
            self.now = if busy_a || busy_b {
                step
            } else {
                [
                    self.a.poll_at(self.now),
                    self.b.poll_at(self.now),
                    ha.poll_at(),
                    hb.poll_at(),
                ]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(self.now + Duration::from_millis(100))
                .max(step)
            };
        }
        false
    }
}

/// Byte `i` of the pattern with `seed`: a cheap hash of the position, so that a lost,
/// duplicated or reordered byte shows.
pub fn pattern(seed: u64, i: usize) -> u8 {
    let mut x = seed ^ ((i / 8) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 31;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 29;
    (x >> ((i % 8) * 8)) as u8
}

/// What a callback reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Connected,
    Recv(usize),
    Eof,
    Sent(usize),
    Poll,
    Err(TcpError),
}

/// A `Callbacks` implementation that records every call, sends `to_send` bytes of its
/// pattern whenever there is room, optionally closes once everything is written, and checks
/// received bytes against the peer's pattern.
#[derive(Debug)]
pub struct Recorder {
    pub events: Vec<Event>,
    pub seed: u64,
    pub peer_seed: u64,
    pub to_send: usize,
    pub written: usize,
    pub received: usize,
    pub close_when_done: bool,
    pub closed: bool,
    /// Take at most this many bytes per `recv` (to exercise partial consumption).
    pub take_limit: usize,
    /// Offsets of received bytes that did not match the peer's pattern.
    pub mismatches: usize,
    /// Bytes offered by `recv` calls, summed (with re-offers).
    pub offered: usize,
}

impl Recorder {
    pub fn new(seed: u64, peer_seed: u64, to_send: usize) -> Self {
        Recorder {
            events: Vec::new(),
            seed,
            peer_seed,
            to_send,
            written: 0,
            received: 0,
            close_when_done: false,
            closed: false,
            take_limit: usize::MAX,
            mismatches: 0,
            offered: 0,
        }
    }

    pub fn closing(mut self) -> Self {
        self.close_when_done = true;
        self
    }

    /// A recorder that sends nothing and takes everything.
    pub fn sink() -> Self {
        Recorder::new(0, 0, 0)
    }

    pub fn count(&self, f: impl Fn(&Event) -> bool) -> usize {
        self.events.iter().filter(|e| f(e)).count()
    }

    pub fn sent_total(&self) -> usize {
        self.events
            .iter()
            .map(|e| match e {
                Event::Sent(n) => *n,
                _ => 0,
            })
            .sum()
    }

    pub fn errors(&self) -> Vec<TcpError> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Err(e) => Some(*e),
                _ => None,
            })
            .collect()
    }

    pub fn got_eof(&self) -> bool {
        self.events.contains(&Event::Eof)
    }

    /// Write as much of the pattern as fits; close when all is written (if asked).
    fn pump<C: Connection>(&mut self, conn: &mut C) {
        let mut chunk = [0u8; 1024];
        while self.written < self.to_send {
            let n = chunk.len().min(self.to_send - self.written);
            for (k, b) in chunk[..n].iter_mut().enumerate() {
                *b = pattern(self.seed, self.written + k);
            }
            match conn.write(&chunk[..n]) {
                Ok(w) => {
                    assert!(w >= 1 && w <= n, "write took {w} of {n}");
                    self.written += w;
                }
                Err(nb::Error::WouldBlock) => {
                    assert_eq!(conn.send_space(), 0, "WouldBlock with free space");
                    break;
                }
                Err(nb::Error::Other(e)) => panic!("write failed: {e:?}"),
            }
        }
        if self.written == self.to_send && self.close_when_done && !self.closed {
            conn.close().unwrap();
            self.closed = true;
        }
        let _ = conn.output();
    }
}

impl<C: Connection<Error = TcpError>> Callbacks<C> for Recorder {
    fn connected(&mut self, conn: &mut C, _now: Instant) {
        self.events.push(Event::Connected);
        assert!(conn.is_connected());
        self.pump(conn);
    }

    fn recv(&mut self, conn: &mut C, data: &[u8], _now: Instant) -> usize {
        assert!(!data.is_empty(), "recv with no data");
        self.events.push(Event::Recv(data.len()));
        self.offered += data.len();
        let take = data.len().min(self.take_limit);
        for (k, &b) in data[..take].iter().enumerate() {
            if b != pattern(self.peer_seed, self.received + k) {
                self.mismatches += 1;
            }
        }
        self.received += take;
        self.pump(conn);
        take
    }

    fn eof(&mut self, conn: &mut C, _now: Instant) {
        self.events.push(Event::Eof);
        self.pump(conn);
    }

    fn sent(&mut self, conn: &mut C, len: usize, _now: Instant) {
        assert!(len > 0, "sent(0)");
        self.events.push(Event::Sent(len));
        self.pump(conn);
    }

    fn poll(&mut self, conn: &mut C, _now: Instant) {
        self.events.push(Event::Poll);
        self.pump(conn);
    }

    fn err(&mut self, err: TcpError, _now: Instant) {
        self.events.push(Event::Err(err));
    }
}

/// lwIP's order: `connected` exactly once and first; nothing after `err`; `err` at most
/// once; `eof` at most once and no `recv` after it.
pub fn assert_lwip_order(events: &[Event]) {
    assert_eq!(
        events.first(),
        Some(&Event::Connected),
        "connected first: {events:?}"
    );
    assert_eq!(
        events.iter().filter(|e| **e == Event::Connected).count(),
        1,
        "connected once"
    );
    if let Some(i) = events.iter().position(|e| matches!(e, Event::Err(_))) {
        assert_eq!(i, events.len() - 1, "nothing after err: {:?}", &events[i..]);
    }
    if let Some(i) = events.iter().position(|e| *e == Event::Eof) {
        assert!(
            !events[i + 1..]
                .iter()
                .any(|e| matches!(e, Event::Recv(_) | Event::Eof)),
            "recv or eof after eof"
        );
    }
}
