//! Host helper (feature `std`): a [`Connection`] over a non-blocking `std::net::TcpStream`
//! and a small event loop, standing in for rawnet-tcp's smoltcp stack in tests.
//!
//! "Acknowledged" here means "accepted by the kernel": [`Callbacks::sent`] is reported when
//! `write` on the socket succeeds.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::time::Instant as StdInstant;

use rawnet_altcp::{Callbacks, Connection, Duration, Instant};

/// A TCP connection over a std socket, with an explicit send-buffer size.
#[derive(Debug)]
pub struct StdTcp {
    stream: TcpStream,
    out: Vec<u8>,
    send_buffer: usize,
    newly_sent: usize,
    closing: bool,
    closed: bool,
    eof: bool,
    pending_in: Vec<u8>,
    started: bool,
    epoch: StdInstant,
}

impl StdTcp {
    /// Connect (blocking) to `addr`, then switch to non-blocking with a send buffer of
    /// `send_buffer` bytes.
    pub fn connect(addr: SocketAddr, send_buffer: usize) -> std::io::Result<Self> {
        let stream = TcpStream::connect(addr)?;
        stream.set_nonblocking(true)?;
        stream.set_nodelay(true)?;
        Ok(StdTcp {
            stream,
            out: Vec::new(),
            send_buffer,
            newly_sent: 0,
            closing: false,
            closed: false,
            eof: false,
            pending_in: Vec::new(),
            started: false,
            epoch: StdInstant::now(),
        })
    }

    /// Milliseconds since this connection was made, as a rawnet [`Instant`].
    pub fn now(&self) -> Instant {
        Instant::from_ticks(self.epoch.elapsed().as_millis() as u64)
    }

    /// Whether the connection was closed or aborted locally.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    fn flush_out(&mut self) -> Result<(), ErrorKind> {
        while !self.out.is_empty() {
            match self.stream.write(&self.out) {
                Ok(n) => {
                    self.out.drain(..n);
                    self.newly_sent += n;
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) => return Err(e.kind()),
            }
        }
        if self.closing && self.out.is_empty() && !self.closed {
            self.closed = true;
            let _ = self.stream.shutdown(Shutdown::Write);
        }
        Ok(())
    }

    /// One turn of the event loop: `connected` the first time, then received bytes (at most
    /// `read_chunk` per `recv`, to split records), end of stream, `sent`, and `poll`.
    /// Returns `false` once the socket failed (`err` was delivered).
    pub fn turn<L: Callbacks<StdTcp>>(&mut self, layer: &mut L, read_chunk: usize) -> bool {
        let now = self.now();
        if !self.started {
            self.started = true;
            layer.connected(self, now);
        }
        let mut buf = vec![0u8; read_chunk.max(1)];
        if !self.eof {
            match self.stream.read(&mut buf) {
                Ok(0) => self.eof = true,
                Ok(n) => self.pending_in.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(e) => {
                    layer.err(e.kind(), now);
                    return false;
                }
            }
        }
        if !self.pending_in.is_empty() {
            let data = std::mem::take(&mut self.pending_in);
            let taken = layer.recv(self, &data, now).min(data.len());
            let mut rest = data[taken..].to_vec();
            rest.extend_from_slice(&self.pending_in);
            self.pending_in = rest;
        } else if self.eof {
            self.eof = false;
            self.pending_in.clear();
            // Deliver end of stream once, then stop reading.
            layer.eof(self, now);
            self.eof = true;
        }
        if let Err(e) = self.flush_out() {
            layer.err(e, now);
            return false;
        }
        if self.newly_sent > 0 {
            let n = std::mem::take(&mut self.newly_sent);
            layer.sent(self, n, now);
        }
        layer.poll(self, now);
        if let Err(e) = self.flush_out() {
            layer.err(e, now);
            return false;
        }
        true
    }
}

impl Connection for StdTcp {
    type Error = ErrorKind;

    fn send_space(&self) -> usize {
        if self.closing {
            0
        } else {
            self.send_buffer.saturating_sub(self.out.len())
        }
    }

    fn write(&mut self, data: &[u8]) -> nb::Result<usize, ErrorKind> {
        if self.closing {
            return Err(nb::Error::Other(ErrorKind::NotConnected));
        }
        let n = data.len().min(self.send_space());
        if n == 0 {
            return Err(nb::Error::WouldBlock);
        }
        self.out.extend_from_slice(&data[..n]);
        Ok(n)
    }

    fn output(&mut self) -> Result<(), ErrorKind> {
        self.flush_out()
    }

    fn close(&mut self) -> Result<(), ErrorKind> {
        self.closing = true;
        self.flush_out()
    }

    fn abort(&mut self) {
        self.closing = true;
        self.closed = true;
        self.out.clear();
        let _ = self.stream.shutdown(Shutdown::Both);
    }

    fn set_nodelay(&mut self, nodelay: bool) {
        let _ = self.stream.set_nodelay(nodelay);
    }

    fn set_keep_alive(&mut self, _interval: Option<Duration>) {}

    fn is_connected(&self) -> bool {
        !self.closing
    }
}
