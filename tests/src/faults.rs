//! A faulty link: an [`EthernetDriver`] wrapper that sits between a host stack and the wire
//! (in practice [`SlirpDevice`](rawnet_eth::host::SlirpDevice), or a
//! [`TapDevice`](rawnet_eth::host::TapDevice) whose other side is the kernel's network stack
//! in a namespace: [`crate::netns_stack`]) and loses, corrupts,
//! reorders and duplicates frames, shrinks the MTU, swallows everything for a while (a black
//! hole), or takes the link down and up again.
//!
//! Every per-frame decision comes from a seeded generator, one stream per direction, drawn
//! the same number of times for every frame: the same seed and the same sequence of frames
//! give the same faults. Outages ([`FaultyLink::black_hole`], [`FaultyLink::link_down`]) are
//! started by the caller, so a test can tie them to its own progress rather than to a clock.
//!
//! Corruption flips one bit past the Ethernet header, so the IPv4 header checksum or the TCP
//! checksum rejects the frame at its receiver: it models a router that damages a packet and
//! recomputes the frame check sequence (the MAC drops frames with a bad FCS by itself).
//!
//! The link also counts what it saw: frames each way, frames it dropped, corrupted,
//! reordered and duplicated, and TCP retransmissions (a segment whose sequence space the
//! same sender had already sent, seen before any fault is applied).

use rawnet_eth::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken};
use rawnet_tcp::smoltcp::wire::{
    EthernetFrame, EthernetProtocol, IpProtocol, Ipv4Packet, TcpPacket,
};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::time::{Duration, Instant};

/// Length of an Ethernet II header.
const ETH_HEADER: usize = 14;
/// Frames a direction may hold (delayed or waiting for the inner driver) before the link
/// refuses more, as a full TX ring does.
const QUEUE_LIMIT: usize = 4096;

/// What the link does to every frame, each direction alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaultPlan {
    /// Seed of the per-frame decisions.
    pub seed: u64,
    /// Fraction of frames lost (0.0..=1.0).
    pub loss: f64,
    /// Fraction of frames with one bit flipped past the Ethernet header.
    pub corrupt: f64,
    /// Fraction of frames held back, so that later frames overtake them.
    pub reorder: f64,
    /// How long a held-back frame waits at most (uniform from a tenth of it up to it).
    pub reorder_delay: Duration,
    /// Fraction of frames delivered twice.
    pub duplicate: f64,
    /// The link's IP MTU: frames longer than `mtu + 14` are dropped (and counted); the driver
    /// reports the smaller frame size to the stack.
    pub mtu: Option<usize>,
}

impl FaultPlan {
    /// A link without faults (the reference).
    pub const fn clean(seed: u64) -> FaultPlan {
        FaultPlan {
            seed,
            loss: 0.0,
            corrupt: 0.0,
            reorder: 0.0,
            reorder_delay: Duration::from_millis(20),
            duplicate: 0.0,
            mtu: None,
        }
    }
}

/// What a [`FaultyLink`] saw and did, per direction: index 0 is the stack's transmissions
/// (toward the wire), index 1 what the wire delivers to the stack.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FaultStats {
    /// Frames offered to the link.
    pub frames: [u64; 2],
    /// Frames lost at random.
    pub lost: [u64; 2],
    /// Frames with a bit flipped.
    pub corrupted: [u64; 2],
    /// Frames held back.
    pub reordered: [u64; 2],
    /// Frames delivered twice.
    pub duplicated: [u64; 2],
    /// Frames dropped as longer than the MTU.
    pub oversize: [u64; 2],
    /// Frames swallowed by a black hole.
    pub black_holed: [u64; 2],
    /// Frames dropped while the link was down.
    pub link_down: [u64; 2],
    /// TCP segments that repeat sequence space their sender had sent before.
    pub tcp_retransmissions: [u64; 2],
    /// The longest frame offered to the link.
    pub largest: [usize; 2],
}

impl FaultStats {
    /// Frames the link dropped on purpose, both ways.
    pub fn dropped(&self) -> u64 {
        (0..2)
            .map(|d| self.lost[d] + self.oversize[d] + self.black_holed[d] + self.link_down[d])
            .sum()
    }

    /// One line for a report: frames each way, what the link did, TCP retransmissions.
    pub fn summary(&self) -> String {
        format!(
            "{} / {} frames each way, {} dropped by the link, {} corrupted, {} reordered, {} duplicated, TCP retransmissions {} / {}",
            self.frames[OUT],
            self.frames[IN],
            self.dropped(),
            self.corrupted[OUT] + self.corrupted[IN],
            self.reordered[OUT] + self.reordered[IN],
            self.duplicated[OUT] + self.duplicated[IN],
            self.tcp_retransmissions[OUT],
            self.tcp_retransmissions[IN],
        )
    }
}

/// SplitMix64: small, seedable, good enough to pick faults.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One direction of the link: its generator and the frames on their way.
#[derive(Debug)]
struct Lane {
    rng: Rng,
    /// Frames by (release time, arrival order).
    queue: BinaryHeap<Reverse<(Instant, u64, Vec<u8>)>>,
    order: u64,
    /// Highest sequence number sent per TCP flow (src, sport, dst, dport).
    flows: HashMap<([u8; 4], u16, [u8; 4], u16), u32>,
}

impl Lane {
    fn new(seed: u64) -> Lane {
        Lane {
            rng: Rng(seed),
            queue: BinaryHeap::new(),
            order: 0,
            flows: HashMap::new(),
        }
    }

    fn push(&mut self, at: Instant, frame: Vec<u8>) {
        self.order += 1;
        self.queue.push(Reverse((at, self.order, frame)));
    }

    /// The next frame due at `now`, if any.
    fn pop_due(&mut self, now: Instant) -> Option<Vec<u8>> {
        if self
            .queue
            .peek()
            .is_some_and(|Reverse((at, _, _))| *at <= now)
        {
            self.queue.pop().map(|Reverse((_, _, f))| f)
        } else {
            None
        }
    }

    /// Whether `frame` is a TCP segment that repeats sequence space its flow sent before.
    fn retransmission(&mut self, frame: &[u8]) -> bool {
        let Some((key, seq, len)) = tcp_segment(frame) else {
            return false;
        };
        if len == 0 {
            return false; // a bare ACK
        }
        let end = seq.wrapping_add(len);
        match self.flows.get_mut(&key) {
            Some(high) => {
                let repeat = (seq.wrapping_sub(*high) as i32) < 0;
                if (end.wrapping_sub(*high) as i32) > 0 {
                    *high = end;
                }
                repeat
            }
            None => {
                self.flows.insert(key, end);
                false
            }
        }
    }
}

/// The flow, sequence number and sequence length of a TCP segment in an Ethernet frame.
#[allow(clippy::type_complexity)]
fn tcp_segment(frame: &[u8]) -> Option<(([u8; 4], u16, [u8; 4], u16), u32, u32)> {
    let eth = EthernetFrame::new_checked(frame).ok()?;
    if eth.ethertype() != EthernetProtocol::Ipv4 {
        return None;
    }
    let ip = Ipv4Packet::new_checked(eth.payload()).ok()?;
    if ip.next_header() != IpProtocol::Tcp {
        return None;
    }
    let tcp = TcpPacket::new_checked(ip.payload()).ok()?;
    let key = (
        ip.src_addr().octets(),
        tcp.src_port(),
        ip.dst_addr().octets(),
        tcp.dst_port(),
    );
    Some((key, tcp.seq_number().0 as u32, tcp.segment_len() as u32))
}

/// Index of the stack's transmissions in [`FaultStats`].
pub const OUT: usize = 0;
/// Index of the frames delivered to the stack in [`FaultStats`].
pub const IN: usize = 1;

/// An [`EthernetDriver`] that applies a [`FaultPlan`] between the stack and `D`.
#[derive(Debug)]
pub struct FaultyLink<D> {
    inner: D,
    plan: FaultPlan,
    armed: bool,
    lanes: [Lane; 2],
    black_hole_until: Option<Instant>,
    link_down_until: Option<Instant>,
    stats: FaultStats,
    tcp_only: bool,
}

impl<D: EthernetDriver> FaultyLink<D> {
    /// Wrap `inner`. The link is clean until [`FaultyLink::arm`] (so a test can take its
    /// lease and open its sessions first); outages work at any time.
    pub fn new(inner: D, plan: FaultPlan) -> FaultyLink<D> {
        FaultyLink {
            inner,
            plan,
            armed: false,
            lanes: [
                Lane::new(plan.seed),
                Lane::new(plan.seed ^ 0x5eed_0f1a_u64.rotate_left(17)),
            ],
            black_hole_until: None,
            link_down_until: None,
            stats: FaultStats::default(),
            tcp_only: false,
        }
    }

    /// Faults and outages touch IPv4 TCP frames only; everything else (ARP, DHCP, DNS)
    /// passes untouched, so that a guest's bring-up stays the same whatever the plan.
    pub fn tcp_only(mut self) -> FaultyLink<D> {
        self.tcp_only = true;
        self
    }

    /// Start applying the plan's per-frame faults.
    pub fn arm(&mut self) {
        self.armed = true;
    }

    /// The wrapped driver.
    pub fn inner_mut(&mut self) -> &mut D {
        &mut self.inner
    }

    /// What the link saw and did so far.
    pub fn stats(&self) -> FaultStats {
        self.stats
    }

    /// The plan.
    pub fn plan(&self) -> &FaultPlan {
        &self.plan
    }

    /// Apply `plan`'s rates from now on (a fault schedule). The seed and the MTU stay those
    /// given to [`FaultyLink::new`]: the stack read its frame size once.
    pub fn set_plan(&mut self, plan: FaultPlan) {
        self.plan = FaultPlan {
            seed: self.plan.seed,
            mtu: self.plan.mtu,
            ..plan
        };
    }

    /// Swallow every frame, both ways, for `d` from now (the link stays up).
    pub fn black_hole(&mut self, d: Duration) {
        self.black_hole_until = Some(Instant::now() + d);
    }

    /// Take the link down for `d` from now: frames are lost both ways and
    /// [`EthernetDriver::link_state`] reports [`LinkState::Down`] until it comes back.
    pub fn link_down(&mut self, d: Duration) {
        self.link_down_until = Some(Instant::now() + d);
    }

    /// Whether an outage (black hole or link down) is on now.
    pub fn outage(&self) -> bool {
        let now = Instant::now();
        self.black_hole_until.is_some_and(|t| now < t)
            || self.link_down_until.is_some_and(|t| now < t)
    }

    fn max_frame(&self) -> usize {
        let inner = self.inner.capabilities().max_frame_len;
        self.plan.mtu.map_or(inner, |m| inner.min(m + ETH_HEADER))
    }

    /// A frame enters the link in direction `dir`: count it, apply the faults, queue what
    /// survives.
    fn admit(&mut self, dir: usize, mut frame: Vec<u8>) {
        let now = Instant::now();
        let max = self.max_frame();
        let plan = self.plan;
        let lane = &mut self.lanes[dir];
        let s = &mut self.stats;
        s.frames[dir] += 1;
        s.largest[dir] = s.largest[dir].max(frame.len());
        if lane.retransmission(&frame) {
            s.tcp_retransmissions[dir] += 1;
        }
        // Draw the same numbers for every frame, whatever happens to it.
        let draws = [
            lane.rng.unit(),
            lane.rng.unit(),
            lane.rng.unit(),
            lane.rng.unit(),
            lane.rng.unit(),
        ];
        let spot = lane.rng.next();
        if self.tcp_only && tcp_segment(&frame).is_none() {
            lane.push(now, frame);
            return;
        }
        if self.link_down_until.is_some_and(|t| now < t) {
            s.link_down[dir] += 1;
            return;
        }
        if self.black_hole_until.is_some_and(|t| now < t) {
            s.black_holed[dir] += 1;
            return;
        }
        if frame.len() > max {
            s.oversize[dir] += 1;
            return;
        }
        if !self.armed {
            lane.push(now, frame);
            return;
        }
        if draws[0] < plan.loss {
            s.lost[dir] += 1;
            return;
        }
        if draws[1] < plan.corrupt && frame.len() > ETH_HEADER {
            let bits = (frame.len() - ETH_HEADER) as u64 * 8;
            let bit = spot % bits;
            frame[ETH_HEADER + (bit / 8) as usize] ^= 1 << (bit % 8);
            s.corrupted[dir] += 1;
        }
        let mut at = now;
        if draws[2] < plan.reorder {
            let max = plan.reorder_delay.as_secs_f64();
            at += Duration::from_secs_f64(max * (0.1 + 0.9 * draws[3]));
            s.reordered[dir] += 1;
        }
        if draws[4] < plan.duplicate {
            s.duplicated[dir] += 1;
            lane.push(at, frame.clone());
        }
        lane.push(at, frame);
    }

    /// Hand the inner driver every transmitted frame that is due.
    fn flush_out(&mut self) {
        let now = Instant::now();
        while let Some(frame) = self.lanes[OUT].pop_due(now) {
            match self.inner.transmit() {
                Some(tx) => tx.consume(frame.len(), |buf| buf.copy_from_slice(&frame)),
                None => {
                    // The inner TX ring is full: try again at the next call.
                    self.lanes[OUT].push(now, frame);
                    return;
                }
            }
        }
    }

    /// Take every frame the inner driver has received into the link.
    fn pull_in(&mut self) {
        while self.lanes[IN].queue.len() < QUEUE_LIMIT {
            let Some(frame) = self
                .inner
                .receive()
                .map(|(rx, _tx)| rx.consume(|f| f.to_vec()))
            else {
                return;
            };
            self.admit(IN, frame);
        }
    }
}

/// A frame delivered by a [`FaultyLink`].
#[derive(Debug)]
pub struct FaultRx(Vec<u8>);

/// A transmit slot on a [`FaultyLink`]: the frame enters the link when consumed.
#[derive(Debug)]
pub struct FaultTx<'a, D: EthernetDriver>(&'a mut FaultyLink<D>);

impl RxToken for FaultRx {
    fn consume<R>(mut self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        f(&mut self.0)
    }
}

impl<D: EthernetDriver> TxToken for FaultTx<'_, D> {
    fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
        let mut frame = vec![0; len];
        let r = f(&mut frame);
        self.0.admit(OUT, frame);
        self.0.flush_out();
        r
    }
}

impl<D: EthernetDriver> EthernetDriver for FaultyLink<D> {
    type RxToken<'a>
        = FaultRx
    where
        Self: 'a;
    type TxToken<'a>
        = FaultTx<'a, D>
    where
        Self: 'a;

    fn receive(&mut self) -> Option<(FaultRx, FaultTx<'_, D>)> {
        self.flush_out();
        self.pull_in();
        if self.lanes[OUT].queue.len() >= QUEUE_LIMIT {
            return None;
        }
        let frame = self.lanes[IN].pop_due(Instant::now())?;
        Some((FaultRx(frame), FaultTx(self)))
    }

    fn transmit(&mut self) -> Option<FaultTx<'_, D>> {
        self.flush_out();
        (self.lanes[OUT].queue.len() < QUEUE_LIMIT).then_some(FaultTx(self))
    }

    fn mac_address(&self) -> [u8; 6] {
        self.inner.mac_address()
    }

    fn link_state(&mut self) -> LinkState {
        if self.link_down_until.is_some_and(|t| Instant::now() < t) {
            LinkState::Down
        } else {
            self.inner.link_state()
        }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_frame_len: self.max_frame(),
            ..self.inner.capabilities()
        }
    }
}
