//! A `Callbacks` implementation that sends a pattern stream, checks the one it receives, and
//! records the order of events, for the integration tests.

use rawnet_tcp::{Callbacks, Connection, Instant, TcpError};
use rawnet_tests::pattern;

/// What happened on the connection, in order (repeated `recv`/`sent` are folded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Connected,
    Recv,
    Sent,
    Eof,
    Err(TcpError),
}

/// Sends `to_send` bytes of stream `send_seed`, then closes; expects stream `recv_seed`.
#[derive(Debug)]
pub struct Exchange {
    pub send_seed: u64,
    pub recv_seed: u64,
    pub to_send: u64,
    pub written: u64,
    pub acked: u64,
    pub received: u64,
    pub closed: bool,
    pub corrupt_at: Option<u64>,
    pub events: Vec<Event>,
}

impl Exchange {
    pub fn new(send_seed: u64, recv_seed: u64, to_send: u64) -> Exchange {
        Exchange {
            send_seed,
            recv_seed,
            to_send,
            written: 0,
            acked: 0,
            received: 0,
            closed: false,
            corrupt_at: None,
            events: Vec::new(),
        }
    }

    fn push(&mut self, e: Event) {
        if self.events.last() != Some(&e) || !matches!(e, Event::Recv | Event::Sent) {
            self.events.push(e);
        }
    }

    /// Write as much of the stream as the connection takes; close after the last byte.
    fn pump<C: Connection>(&mut self, conn: &mut C) {
        let mut chunk = [0u8; 1024];
        while self.written < self.to_send {
            let n = (self.to_send - self.written).min(chunk.len() as u64) as usize;
            pattern::fill(self.send_seed, self.written, &mut chunk[..n]);
            match conn.write(&chunk[..n]) {
                Ok(k) => self.written += k as u64,
                Err(nb::Error::WouldBlock) => break,
                Err(nb::Error::Other(e)) => panic!("write failed: {e:?}"),
            }
        }
        let _ = conn.output();
        if self.written == self.to_send && !self.closed {
            self.closed = true;
            conn.close().expect("close");
        }
    }

    pub fn failed(&self) -> Option<TcpError> {
        self.events.iter().find_map(|e| match e {
            Event::Err(e) => Some(*e),
            _ => None,
        })
    }
}

impl<C: Connection<Error = TcpError>> Callbacks<C> for Exchange {
    fn connected(&mut self, conn: &mut C, _now: Instant) {
        self.push(Event::Connected);
        self.pump(conn);
    }

    fn recv(&mut self, _conn: &mut C, data: &[u8], _now: Instant) -> usize {
        self.push(Event::Recv);
        if let Err(at) = pattern::check(self.recv_seed, self.received, data) {
            self.corrupt_at.get_or_insert(at);
        }
        self.received += data.len() as u64;
        data.len()
    }

    fn sent(&mut self, conn: &mut C, len: usize, _now: Instant) {
        self.push(Event::Sent);
        self.acked += len as u64;
        self.pump(conn);
    }

    fn poll(&mut self, conn: &mut C, _now: Instant) {
        self.pump(conn);
    }

    fn eof(&mut self, _conn: &mut C, _now: Instant) {
        self.push(Event::Eof);
    }

    fn err(&mut self, err: TcpError, _now: Instant) {
        self.push(Event::Err(err));
    }
}
