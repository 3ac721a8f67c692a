//! The drivers over a scripted in-memory stream (the broker side written with the codec):
//! what reaches the stream, what reaches the handler, and the error and cancellation rules.

use std::cell::Cell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::vec::Vec;

use embedded_io::ErrorKind;
use rawnet_altcp::Instant;

use super::{BlockingDriver, Driver, Error};
use crate::client::tests::{bytes, id, leak, publish_in, suback, Ev, Pkt, Recorder, TestClient};
use crate::client::{Buffers, Client, Disconnected, Options, Publication};
use crate::wire::Version::V311;
use crate::wire::{
    Ack, ConnAck, Properties, PublishQos, QoS, ReasonCode, Repr, Subscription, SubscriptionOptions,
};

/// The broker's end of an in-memory stream, with failure knobs.
#[derive(Debug, Default)]
struct Peer {
    /// Bytes for the driver to read.
    incoming: VecDeque<u8>,
    /// Bytes the driver wrote.
    written: Vec<u8>,
    /// At most this many bytes per read / write (0: no limit).
    read_max: usize,
    write_max: usize,
    /// The stream ends once `incoming` is drained.
    eof: bool,
    read_err: Option<ErrorKind>,
    write_err: Option<ErrorKind>,
    write_zero: bool,
    flushes: usize,
    /// Async only: every operation is pending at its first poll (so it can be cancelled
    /// there) and ready at the next.
    stall: bool,
    stalled: bool,
}

impl Peer {
    fn send(&mut self, repr: Repr<'_>) {
        self.incoming.extend(bytes(repr, V311));
    }

    /// Everything written, parsed back (panics on a lost or duplicated byte).
    fn packets(&self) -> Vec<Pkt> {
        let mut at = 0;
        let mut all = Vec::new();
        while at < self.written.len() {
            let (repr, len) = Repr::parse_bytes(&self.written[at..], V311)
                .unwrap_or_else(|e| panic!("bad packet at {at}: {e:?} {:02x?}", self.written));
            all.push(Pkt::from(&repr));
            at += len;
        }
        all
    }

    /// Whole packets written so far (a packet still being written does not count).
    fn complete(&self) -> usize {
        let mut at = 0;
        let mut n = 0;
        while let Ok((_, len)) = Repr::parse_bytes(&self.written[at..], V311) {
            at += len;
            n += 1;
        }
        n
    }

    /// Whether an async operation waits this time.
    fn stall_now(&mut self) -> bool {
        self.stalled = self.stall && !self.stalled;
        self.stalled
    }

    /// `None`: nothing to read yet (pending, or a read timeout when blocking).
    fn read_now(&mut self, buf: &mut [u8]) -> Option<Result<usize, ErrorKind>> {
        if let Some(e) = self.read_err.take() {
            return Some(Err(e));
        }
        if self.incoming.is_empty() {
            return self.eof.then_some(Ok(0));
        }
        let max = if self.read_max == 0 {
            usize::MAX
        } else {
            self.read_max
        };
        let n = buf.len().min(max).min(self.incoming.len());
        for (dst, src) in buf.iter_mut().zip(self.incoming.drain(..n)) {
            *dst = src;
        }
        Some(Ok(n))
    }

    fn write_now(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        if let Some(e) = self.write_err.take() {
            return Err(e);
        }
        if self.write_zero {
            return Ok(0);
        }
        let max = if self.write_max == 0 {
            usize::MAX
        } else {
            self.write_max
        };
        let n = buf.len().min(max);
        self.written.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl embedded_io::ErrorType for Peer {
    type Error = ErrorKind;
}

impl embedded_io::Read for Peer {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        self.read_now(buf).unwrap_or(Err(ErrorKind::TimedOut))
    }
}

impl embedded_io::Write for Peer {
    fn write(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        self.write_now(buf)
    }
    fn flush(&mut self) -> Result<(), ErrorKind> {
        self.flushes += 1;
        Ok(())
    }
}

impl embedded_io_async::Read for Peer {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        std::future::poll_fn(|_| match self.stall_now() {
            true => Poll::Pending,
            false => self.read_now(buf).map_or(Poll::Pending, Poll::Ready),
        })
        .await
    }
}

impl embedded_io_async::Write for Peer {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        std::future::poll_fn(|_| match self.stall_now() {
            true => Poll::Pending,
            false => Poll::Ready(self.write_now(buf)),
        })
        .await
    }
    async fn flush(&mut self) -> Result<(), ErrorKind> {
        std::future::poll_fn(|_| match self.stall_now() {
            true => Poll::Pending,
            false => {
                self.flushes += 1;
                Poll::Ready(Ok(()))
            }
        })
        .await
    }
}

fn poll_once<F: Future>(f: Pin<&mut F>) -> Poll<F::Output> {
    f.poll(&mut Context::from_waker(Waker::noop()))
}

/// Runs `f` to completion: the peer is never pending twice in a row unless it has nothing
/// to read, which here is a test error.
fn run<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    for _ in 0..10_000 {
        if let Poll::Ready(r) = poll_once(f.as_mut()) {
            return r;
        }
    }
    panic!("still pending: the peer has nothing to read")
}

/// A client with 256-byte buffers, keep-alive `keep_alive` s, MQTT 3.1.1.
fn client(out: usize, keep_alive: u16) -> TestClient {
    let mut options = Options::new("io-test");
    options.version = V311;
    options.keep_alive = keep_alive;
    let buffers = Buffers {
        output: leak(out),
        receive: leak(256),
        store: leak(512),
    };
    Client::new(Recorder::default(), options, buffers)
}

fn connack(reason: ReasonCode) -> Repr<'static> {
    Repr::ConnAck(ConnAck {
        session_present: false,
        reason,
        properties: Properties::EMPTY,
    })
}

/// A clock the test moves.
fn clock() -> (Rc<Cell<u64>>, impl FnMut() -> Instant) {
    let t = Rc::new(Cell::new(1_000));
    let c = t.clone();
    (t, move || Instant::from_ticks(c.get()))
}

fn events(c: &mut TestClient) -> Vec<Ev> {
    c.handler_mut().take()
}

#[test]
fn every_call_can_be_cancelled_at_every_await_without_losing_a_byte() {
    let mut c = client(256, 0);
    let peer = Peer {
        stall: true,
        read_max: 5,
        write_max: 7,
        ..Peer::default()
    };
    let (_, clock) = clock();
    let (mut rx, mut tx) = ([0u8; 32], [0u8; 16]);
    let mut d = Driver::new(&mut c, peer, clock, &mut rx, &mut tx);

    // Connect, dropping the future at every pending poll; CONNACK once CONNECT is out.
    let mut cancelled = 0;
    loop {
        let step = poll_once(pin!(d.connect()).as_mut());
        match step {
            Poll::Ready(r) => break r.unwrap(),
            Poll::Pending => cancelled += 1,
        }
        let peer = d.lower_mut();
        if peer.incoming.is_empty() && peer.complete() == 1 && peer.flushes > 0 {
            peer.send(connack(ReasonCode::Success));
        }
    }
    assert!(
        cancelled >= 4,
        "every write, the flush and the read: {cancelled}"
    );
    assert!(d.is_connected());

    // Subscribe and publish 100 bytes at QoS 1 (more than the 16-byte staging).
    let payload: Vec<u8> = (0..100).collect();
    let filters = [Subscription {
        filter: "t/in",
        options: SubscriptionOptions::qos(QoS::AtLeastOnce),
    }];
    d.command(|c, conn, now| c.subscribe(conn, &filters, now))
        .unwrap();
    let msg = Publication::new("t/out", &payload).qos(QoS::AtLeastOnce);
    let _ = d
        .command(|c, conn, now| c.publish(conn, &msg, now))
        .unwrap();
    let mut answered = false;
    while d.client().in_flight() > 0
        || !d
            .client()
            .handler()
            .events
            .contains(&Ev::Data(b"hi".to_vec(), true))
    {
        match poll_once(pin!(d.poll()).as_mut()) {
            Poll::Ready(r) => r.unwrap(),
            Poll::Pending => cancelled += 1,
        }
        let peer = d.lower_mut();
        if !answered && peer.complete() == 3 && peer.flushes > 1 {
            answered = true;
            peer.send(suback(1, &[ReasonCode::GrantedQos1]));
            peer.send(Repr::PubAck(Ack::new(id(2))));
            peer.send(publish_in("t/in", b"hi", PublishQos::AtLeastOnce(id(9))));
        }
    }
    assert!(cancelled >= 20, "{cancelled}");
    // The PUBACK for the incoming message is out once its step completed.
    run(d.flush()).unwrap();
    let sent = d.lower().packets();
    assert!(matches!(sent[0], Pkt::Connect { .. }), "{sent:?}");
    assert_eq!(sent[1], Pkt::Subscribe(1, vec!["t/in".into()]));
    assert!(
        matches!(&sent[2], Pkt::Publish { payload: p, qos: 1, id: 2, .. } if *p == payload),
        "{sent:?}"
    );
    assert_eq!(sent[3..], [Pkt::PubAck(9)]);
    drop(d);
    let ev = events(&mut c);
    assert_eq!(
        ev,
        [
            Ev::Connected {
                session_present: false
            },
            Ev::Subscribed(1, Ok(vec![ReasonCode::GrantedQos1])),
            Ev::Published(2, Ok(ReasonCode::Success)),
            Ev::Start {
                topic: "t/in".into(),
                len: 2,
                qos: 1
            },
            Ev::Data(b"hi".to_vec(), true),
        ]
    );
}

/// A blocking driver over `peer` (CONNACK already queued unless `reason` is `None`),
/// connected when the CONNACK accepts.
fn connected<'d>(
    c: &'d mut TestClient,
    mut peer: Peer,
    clock: impl FnMut() -> Instant,
    bufs: &'d mut ([u8; 64], [u8; 64]),
) -> BlockingDriver<'d, 'static, Recorder, Peer, impl FnMut() -> Instant, 4, 2> {
    peer.send(connack(ReasonCode::Success));
    let (rx, tx) = bufs;
    let mut d = BlockingDriver::new(c, peer, clock, rx, tx);
    d.connect().unwrap();
    assert!(d.is_connected());
    d
}

#[test]
fn a_read_error_leaves_everything_as_it_was() {
    let mut c = client(256, 0);
    let (_, clock) = clock();
    let mut bufs = ([0; 64], [0; 64]);
    let mut d = connected(&mut c, Peer::default(), clock, &mut bufs);
    d.lower_mut().read_err = Some(ErrorKind::ConnectionReset);
    d.lower_mut()
        .send(publish_in("t", b"x", PublishQos::AtMostOnce));
    assert_eq!(d.poll(), Err(Error::Io(ErrorKind::ConnectionReset)));
    assert!(d.is_connected());
    // Repeated: the bytes are read and delivered.
    d.poll().unwrap();
    drop(d);
    let ev = events(&mut c);
    assert_eq!(
        ev[1..],
        [
            Ev::Start {
                topic: "t".into(),
                len: 1,
                qos: 0
            },
            Ev::Data(b"x".to_vec(), true)
        ]
    );
}

#[test]
fn a_write_error_ends_the_connection_and_tells_the_client() {
    for (knob, first) in [
        (
            Some(ErrorKind::BrokenPipe),
            Error::Io(ErrorKind::BrokenPipe),
        ),
        (None, Error::WriteZero),
    ] {
        let mut c = client(256, 0);
        let (_, clock) = clock();
        let mut bufs = ([0; 64], [0; 64]);
        let mut d = connected(&mut c, Peer::default(), clock, &mut bufs);
        let msg = Publication::new("t", b"lost").qos(QoS::AtLeastOnce);
        let _ = d
            .command(|c, conn, now| c.publish(conn, &msg, now))
            .unwrap();
        d.lower_mut().write_err = knob;
        d.lower_mut().write_zero = knob.is_none();
        assert_eq!(d.flush(), Err(first));
        assert!(!d.is_connected());
        let ended = Error::Disconnected(Disconnected::Transport);
        assert_eq!(d.poll(), Err(ended));
        assert_eq!(d.connect(), Err(ended));
        assert_eq!(d.flush(), Ok(()), "nothing left to flush");
        drop(d);
        let ev = events(&mut c);
        assert_eq!(
            ev[1..],
            [Ev::Transport, Ev::Disconnected(Disconnected::Transport)]
        );
        assert_eq!(c.in_flight(), 1, "QoS 1 kept for the next connection");
    }
}

#[test]
fn the_end_of_the_stream_is_the_broker_closing() {
    let mut c = client(256, 0);
    let (_, clock) = clock();
    let mut bufs = ([0; 64], [0; 64]);
    let mut d = connected(&mut c, Peer::default(), clock, &mut bufs);
    d.lower_mut().eof = true;
    let closed = Error::Disconnected(Disconnected::Closed);
    assert_eq!(d.poll(), Err(closed));
    assert_eq!(d.poll(), Err(closed), "and on every later call");
    drop(d);
    assert_eq!(
        events(&mut c)[1..],
        [Ev::Disconnected(Disconnected::Closed)]
    );
}

#[test]
fn a_refused_connect_names_the_reason() {
    let mut c = client(256, 0);
    let (_, clock) = clock();
    let (mut rx, mut tx) = ([0; 64], [0; 64]);
    let mut peer = Peer::default();
    peer.send(connack(ReasonCode::NotAuthorized));
    let mut d = BlockingDriver::new(&mut c, peer, clock, &mut rx, &mut tx);
    let refused = Error::Disconnected(Disconnected::Refused(ReasonCode::NotAuthorized));
    assert_eq!(d.connect(), Err(refused));
    assert_eq!(
        embedded_io::Error::kind(&refused),
        ErrorKind::ConnectionRefused
    );
    assert_eq!(
        d.client().last_disconnect(),
        Some(Disconnected::Refused(ReasonCode::NotAuthorized))
    );
}

#[test]
fn keep_alive_runs_on_the_drivers_clock() {
    let mut c = client(256, 1);
    let (t, clock) = clock();
    let mut bufs = ([0; 64], [0; 64]);
    let mut d = connected(&mut c, Peer::default(), clock, &mut bufs);
    assert_eq!(d.poll_at(), Some(Instant::from_ticks(2_000)));
    // Before the keep-alive: nothing to send, the read times out.
    t.set(1_999);
    assert_eq!(d.poll(), Err(Error::Io(ErrorKind::TimedOut)));
    assert_eq!(d.lower().complete(), 1);
    // At it: PINGREQ leaves before the read.
    t.set(2_000);
    assert_eq!(d.poll(), Err(Error::Io(ErrorKind::TimedOut)));
    assert_eq!(d.lower().packets()[1..], [Pkt::PingReq]);
    d.lower_mut().incoming.extend([0xd0, 0]); // PINGRESP
    d.poll().unwrap();
    assert!(d.is_connected());
    // Then the broker falls silent for 1.5 x keep-alive.
    t.set(3_500);
    let timeout = Error::Disconnected(Disconnected::KeepAliveTimeout);
    assert_eq!(d.poll(), Err(timeout));
    assert_eq!(embedded_io::Error::kind(&timeout), ErrorKind::TimedOut);
}

#[test]
fn disconnect_sends_disconnect_and_ends_the_connection() {
    let mut c = client(256, 0);
    let (_, clock) = clock();
    let mut bufs = ([0; 64], [0; 64]);
    let mut d = connected(
        &mut c,
        Peer {
            write_max: 1,
            ..Peer::default()
        },
        clock,
        &mut bufs,
    );
    let msg = Publication::new("t", b"before");
    let _ = d
        .command(|c, conn, now| c.publish(conn, &msg, now))
        .unwrap();
    d.disconnect().unwrap();
    assert!(!d.is_connected());
    let sent = d.lower().packets();
    assert!(matches!(sent[1], Pkt::Publish { qos: 0, .. }), "{sent:?}");
    assert_eq!(sent[2..], [Pkt::Disconnect(ReasonCode::Success)]);
    let flushes = d.lower().flushes;
    assert_eq!(d.poll(), Err(Error::Disconnected(Disconnected::Requested)));
    assert_eq!(d.flush(), Ok(()));
    assert_eq!(d.lower().flushes, flushes, "nothing more written");
}

#[test]
fn a_new_driver_ends_the_connection_a_dropped_one_left() {
    let mut c = client(256, 0);
    let (_, clock1) = clock();
    let mut bufs = ([0; 64], [0; 64]);
    drop(connected(&mut c, Peer::default(), clock1, &mut bufs));
    assert!(c.is_connected(), "nobody told the client yet");
    let (_, clock2) = clock();
    let mut bufs = ([0; 64], [0; 64]);
    drop(connected(&mut c, Peer::default(), clock2, &mut bufs));
    let connected = Ev::Connected {
        session_present: false,
    };
    assert_eq!(
        events(&mut c),
        [
            connected.clone(),
            Ev::Transport,
            Ev::Disconnected(Disconnected::Transport),
            connected
        ]
    );
}

#[test]
fn nothing_happens_before_connect() {
    let mut c = client(256, 0);
    let (_, clock) = clock();
    let (mut rx, mut tx) = ([0; 64], [0; 64]);
    let mut d = BlockingDriver::new(&mut c, Peer::default(), clock, &mut rx, &mut tx);
    assert_eq!(d.poll(), Err(Error::NotConnected));
    assert_eq!(d.flush(), Err(Error::NotConnected));
    assert!(d.lower().written.is_empty());
}

/// While a PUBLISH larger than the ring is streamed the client takes no bytes: they wait
/// in `rx` (a full `rx` is not read into) and are delivered once the stream is done.
#[cfg(feature = "streaming")]
#[test]
fn bytes_the_client_does_not_take_wait_in_rx() {
    let mut c = client(32, 0);
    let (_, clock) = clock();
    let mut bufs = ([0; 64], [0; 64]);
    let incoming = bytes(publish_in("in", b"waits", PublishQos::AtMostOnce), V311);
    let (rx, tx) = &mut bufs;
    let mut peer = Peer::default();
    peer.send(connack(ReasonCode::Success));
    let mut d = BlockingDriver::new(&mut c, peer, clock, &mut rx[..incoming.len()], tx);
    d.connect().unwrap();
    let payload = [7u8; 200];
    let msg = Publication::new("out", &payload);
    let first = d
        .command(|c, conn, now| c.publish(conn, &msg, now))
        .unwrap()
        .written;
    assert!(first < payload.len());
    d.lower_mut().incoming.extend(&incoming);
    d.poll().unwrap();
    assert_eq!(d.lower().incoming.len(), 0, "read into rx");
    // rx is full and the client takes nothing: no read, no wait.
    assert_eq!(d.poll(), Err(Error::Busy));
    let delivered = |d: &BlockingDriver<'_, '_, Recorder, Peer, _, 4, 2>| {
        let ev = &d.client().handler().events;
        ev.iter()
            .filter(|e| matches!(e, Ev::Start { .. } | Ev::Data(..)))
            .cloned()
            .collect::<Vec<_>>()
    };
    let mut at = first;
    while at < payload.len() {
        assert_eq!(delivered(&d), [], "nothing delivered while streaming");
        at += d
            .command(|c, conn, now| c.write_payload(conn, &payload[at..], now))
            .unwrap();
        d.flush().unwrap(); // once the stream is done, offers rx again
    }
    assert_eq!(
        delivered(&d),
        [
            Ev::Start {
                topic: "in".into(),
                len: 5,
                qos: 0
            },
            Ev::Data(b"waits".to_vec(), true)
        ]
    );
    assert!(
        matches!(d.lower().packets()[1..], [Pkt::Publish { ref payload, .. }] if payload.len() == 200)
    );
}

/// rawnet-tcp's rule: the end of the stream is reported after the last byte before it was
/// taken, not when it is read.
#[cfg(feature = "streaming")]
#[test]
fn the_end_of_the_stream_waits_for_the_bytes_before_it() {
    let mut c = client(32, 0);
    let (_, clock) = clock();
    let mut bufs = ([0; 64], [0; 64]);
    let mut d = connected(&mut c, Peer::default(), clock, &mut bufs);
    let payload = [7u8; 100];
    let msg = Publication::new("out", &payload);
    let mut at = d
        .command(|c, conn, now| c.publish(conn, &msg, now))
        .unwrap()
        .written;
    d.lower_mut()
        .send(publish_in("in", b"last", PublishQos::AtMostOnce));
    d.lower_mut().eof = true;
    d.poll().unwrap(); // the PUBLISH, kept
    d.poll().unwrap(); // the end, kept behind it
    assert_eq!(d.poll(), Err(Error::Busy));
    assert!(d.is_connected());
    while at < payload.len() {
        at += d
            .command(|c, conn, now| c.write_payload(conn, &payload[at..], now))
            .unwrap();
        d.flush().unwrap();
    }
    assert_eq!(d.poll(), Err(Error::Disconnected(Disconnected::Closed)));
    drop(d);
    let ev = events(&mut c);
    let n = ev.len();
    assert_eq!(
        ev[n - 3..],
        [
            Ev::Start {
                topic: "in".into(),
                len: 4,
                qos: 0
            },
            Ev::Data(b"last".to_vec(), true),
            Ev::Disconnected(Disconnected::Closed)
        ]
    );
}
