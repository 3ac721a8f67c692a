//! [`HostTcp`] against real kernel peers on 127.0.0.1: the callback order, bytes not taken
//! kept, the end of the stream, acknowledged counts, resets both ways, the data timeout.

use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration as StdDuration, Instant as StdInstant};

use rawnet_altcp::{Clock, StdClock};

use super::{sys, HostConn, HostTcp};
use crate::{Callbacks, Connection, Duration, Instant, TcpError, TcpStatus, TcpTimers};

/// What a layer was told, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Event {
    Connected,
    Recv(Vec<u8>),
    Eof,
    Sent(usize),
    Err(TcpError),
}

/// A layer that records its callbacks, takes at most `take` bytes per `recv`, writes
/// `to_send` as space allows, and closes (or aborts) when told to.
#[derive(Default)]
struct Layer {
    events: Vec<Event>,
    take: usize,
    to_send: Vec<u8>,
    close_on_eof: bool,
    abort_on_connect: bool,
}

impl Layer {
    fn push(&mut self, conn: &mut HostConn<'_>) {
        while !self.to_send.is_empty() {
            match conn.write(&self.to_send) {
                Ok(n) => drop(self.to_send.drain(..n)),
                Err(_) => break,
            }
        }
        let _ = conn.output();
    }

    fn received(&self) -> Vec<u8> {
        let mut all = Vec::new();
        for e in &self.events {
            if let Event::Recv(d) = e {
                all.extend_from_slice(d);
            }
        }
        all
    }

    fn sent(&self) -> usize {
        self.events
            .iter()
            .map(|e| match e {
                Event::Sent(n) => *n,
                _ => 0,
            })
            .sum()
    }
}

impl<'s> Callbacks<HostConn<'s>> for Layer {
    fn connected(&mut self, conn: &mut HostConn<'s>, _now: Instant) {
        self.events.push(Event::Connected);
        if self.abort_on_connect {
            conn.abort();
            return;
        }
        self.push(conn);
    }
    fn recv(&mut self, _conn: &mut HostConn<'s>, data: &[u8], _now: Instant) -> usize {
        let n = data.len().min(self.take);
        self.events.push(Event::Recv(data[..n].to_vec()));
        n
    }
    fn eof(&mut self, conn: &mut HostConn<'s>, _now: Instant) {
        self.events.push(Event::Eof);
        if self.close_on_eof {
            conn.close().unwrap();
        }
    }
    fn sent(&mut self, conn: &mut HostConn<'s>, len: usize, _now: Instant) {
        self.events.push(Event::Sent(len));
        self.push(conn);
    }
    fn poll(&mut self, conn: &mut HostConn<'s>, _now: Instant) {
        self.push(conn);
    }
    fn err(&mut self, err: TcpError, _now: Instant) {
        self.events.push(Event::Err(err));
    }
}

/// A listener on a free loopback port and a thread serving one connection with `serve`.
fn peer(serve: impl FnOnce(TcpStream) + Send + 'static) -> (HostTcp, thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = thread::spawn(move || serve(listener.accept().unwrap().0));
    let timers = TcpTimers {
        data_timeout: Duration::from_millis(700),
        ..TcpTimers::default()
    };
    (HostTcp::connect(addr, timers).unwrap(), server)
}

/// Drive until the connection ends or `secs` pass.
fn run(tcp: &mut HostTcp, layer: &mut Layer, secs: u64) {
    let mut clock = StdClock::new();
    let until = StdInstant::now() + StdDuration::from_secs(secs);
    while tcp.is_active() && StdInstant::now() < until {
        tcp.drive(layer, clock.now());
        let limit = clock.now() + Duration::from_millis(100);
        tcp.wait(Some(limit), clock.now()).unwrap();
    }
}

#[test]
fn callbacks_in_order_with_untaken_bytes_kept_then_a_graceful_close() {
    let (mut tcp, server) = peer(|mut s| {
        s.write_all(b"hello, kernel").unwrap();
        s.shutdown(std::net::Shutdown::Write).unwrap();
        let mut rest = Vec::new();
        s.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, b"bye");
    });
    let mut layer = Layer {
        take: 3,
        to_send: b"bye".to_vec(),
        close_on_eof: true,
        ..Layer::default()
    };
    run(&mut tcp, &mut layer, 10);
    server.join().unwrap();
    assert_eq!(tcp.status(), TcpStatus::Closed);
    assert_eq!(tcp.error(), None, "a completed close is no error");
    assert_eq!(layer.events.first(), Some(&Event::Connected));
    assert_eq!(layer.received(), b"hello, kernel");
    // Every piece offered at most 3 bytes was taken whole, so `recv` saw them in order;
    // the end of the stream came after the last byte, and nothing after it but `sent`.
    let eof = layer.events.iter().position(|e| *e == Event::Eof).unwrap();
    let last_recv = layer
        .events
        .iter()
        .rposition(|e| matches!(e, Event::Recv(_)))
        .unwrap();
    assert!(last_recv < eof, "{:?}", layer.events);
    assert!(!layer.events.iter().any(|e| matches!(e, Event::Err(_))));
    assert_eq!(layer.sent(), 3, "every written byte reported once");
    assert!(tcp.closed_locally());
}

#[test]
fn sent_reports_every_byte_once() {
    const LEN: usize = 3 << 20;
    let (mut tcp, server) = peer(|mut s| {
        let mut got = Vec::new();
        s.read_to_end(&mut got).unwrap();
        assert_eq!(got.len(), LEN);
        assert!(got.iter().enumerate().all(|(i, &b)| b == (i % 251) as u8));
    });
    let mut layer = Layer {
        take: usize::MAX,
        to_send: (0..LEN).map(|i| (i % 251) as u8).collect(),
        ..Layer::default()
    };
    let mut clock = StdClock::new();
    let until = StdInstant::now() + StdDuration::from_secs(20);
    while layer.sent() < LEN && StdInstant::now() < until {
        tcp.drive(&mut layer, clock.now());
        tcp.wait(Some(clock.now() + Duration::from_millis(50)), clock.now())
            .unwrap();
    }
    assert_eq!(layer.sent(), LEN);
    assert_eq!(tcp.bytes_acked(), LEN as u64);
    assert_eq!(tcp.bytes_written(), LEN as u64);
    tcp.connection().close().unwrap();
    layer.close_on_eof = true;
    run(&mut tcp, &mut layer, 10);
    server.join().unwrap();
    assert_eq!(tcp.error(), None);
}

#[test]
fn a_reset_from_the_peer_is_err_reset() {
    let (mut tcp, server) = peer(|s| {
        sys::linger_zero(&s).unwrap();
        thread::sleep(StdDuration::from_millis(100));
        drop(s); // SO_LINGER 0: a reset
    });
    let mut layer = Layer::default();
    run(&mut tcp, &mut layer, 10);
    server.join().unwrap();
    assert_eq!(
        layer.events,
        [Event::Connected, Event::Err(TcpError::Reset)]
    );
    assert_eq!(tcp.error(), Some(TcpError::Reset));
}

#[test]
fn abort_sends_a_reset_and_calls_nothing_more() {
    let (mut tcp, server) = peer(|mut s| {
        s.set_read_timeout(Some(StdDuration::from_secs(5))).unwrap();
        let mut buf = [0u8; 16];
        let e = s.read(&mut buf).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ConnectionReset, "{e}");
    });
    let mut layer = Layer {
        abort_on_connect: true,
        ..Layer::default()
    };
    run(&mut tcp, &mut layer, 10);
    server.join().unwrap();
    assert_eq!(layer.events, [Event::Connected]);
    assert_eq!(tcp.status(), TcpStatus::Closed);
    assert!(tcp.closed_locally());
}

#[test]
fn a_peer_that_stops_reading_ends_in_the_data_timeout() {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (mut tcp, server) = peer(move |s| {
        let _ = rx.recv_timeout(StdDuration::from_secs(20)); // hold the socket, read nothing
        drop(s);
    });
    let mut layer = Layer {
        take: usize::MAX,
        to_send: vec![7; 64 << 20],
        ..Layer::default()
    };
    let started = StdInstant::now();
    run(&mut tcp, &mut layer, 20);
    let _ = tx.send(());
    server.join().unwrap();
    assert_eq!(layer.events.last(), Some(&Event::Err(TcpError::TimedOut)));
    assert!(started.elapsed() < StdDuration::from_secs(15));
    // What still waited in this process was never reported sent.
    assert!(tcp.bytes_acked() < tcp.bytes_written());
}

#[test]
fn connect_to_a_closed_port_is_refused() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = ([127, 0, 0, 1], port).into();
    let err = HostTcp::connect(addr, TcpTimers::default()).unwrap_err();
    assert_eq!(err, TcpError::Refused);
}
