//! [`Stack::drive`]: a smoltcp socket's state turned into lwIP's callbacks, in the order
//! rawnet-tcp's `order` module defines for every socket rawnet-tcp drives.
//!
//! What smoltcp's socket tells that order:
//!
//! - acknowledged bytes: smoltcp's transmit buffer holds exactly the written bytes not yet
//!   acknowledged, so `written - send_queue` is the acknowledged total (a reset does not
//!   empty that buffer, so no bytes are ever reported for a connection that failed);
//! - received bytes: peeked into the stack's [`RECV_CHUNK`](crate::RECV_CHUNK) scratch, the
//!   bytes a layer takes dequeued;
//! - the end: TIME-WAIT, or CLOSED after both FINs with everything acknowledged, is a
//!   completed close; CLOSED otherwise is a reset (or `Unreachable` when the interface lost
//!   the connection's address), and while connecting a refusal.

use crate::conn::{ConnState, TcpConn, TcpHandle, TcpStatus};
use crate::order::{fire, Lower};
use crate::time::to_smol;
use crate::{Callbacks, Instant, Stack, TcpError, RECV_CHUNK};
use smoltcp::phy::Device;
use smoltcp::socket::tcp::{self, RecvError, State};

/// A smoltcp socket as the callback order sees it.
struct Smol<'x, 'a> {
    socket: &'x mut tcp::Socket<'a>,
    scratch: &'x mut [u8; RECV_CHUNK],
    /// The interface no longer has the address the connection was made from.
    address_lost: bool,
}

/// Dequeue `n` received bytes (the ring may wrap, so this may take two slices).
fn dequeue(socket: &mut tcp::Socket<'_>, mut n: usize) {
    while n > 0 {
        match socket.recv(|buf| {
            let k = n.min(buf.len());
            (k, k)
        }) {
            Ok(0) | Err(_) => break,
            Ok(k) => n -= k,
        }
    }
}

impl<'a, C> Lower<C> for Smol<'_, 'a>
where
    C: for<'s> Callbacks<TcpConn<'s, 'a>>,
{
    fn synchronized(&mut self) -> bool {
        !matches!(
            self.socket.state(),
            State::Closed | State::Listen | State::SynSent | State::SynReceived
        )
    }

    fn acked(&mut self, st: &ConnState) -> Option<u64> {
        // A socket emptied by smoltcp's `reset` (address lost, TIME-WAIT over) tells nothing
        // about acknowledgements: only count while it keeps its buffer.
        let reset = self.socket.state() == State::Closed && (self.address_lost || !st.local_close);
        (!reset).then(|| st.written.saturating_sub(self.socket.send_queue() as u64))
    }

    fn recv(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) -> (usize, usize) {
        let n = self.socket.peek_slice(self.scratch).unwrap_or(0);
        if n == 0 {
            return (0, 0);
        }
        let conn = &mut TcpConn {
            socket: self.socket,
            st,
        };
        let taken = cb.recv(conn, &self.scratch[..n], now).min(n);
        if st.status == TcpStatus::Open {
            dequeue(self.socket, taken);
        }
        (n, taken)
    }

    fn fin_taken(&mut self) -> bool {
        self.socket.recv_queue() == 0
            && matches!(self.socket.recv(|_| (0, ())), Err(RecvError::Finished))
    }

    fn ended(&mut self, st: &mut ConnState) -> Option<Option<TcpError>> {
        let state = self.socket.state();
        if matches!(
            state,
            State::CloseWait | State::LastAck | State::Closing | State::TimeWait
        ) {
            st.fin_seen = true;
        }
        match (st.status, state) {
            (TcpStatus::Open, State::TimeWait) => Some(None),
            (TcpStatus::Open, State::Closed) => {
                // Closed after our FIN and theirs, with everything acknowledged: LAST-ACK
                // ended.
                let graceful = st.local_close
                    && (st.fin_seen || st.eof_reported)
                    && self.socket.send_queue() == 0;
                let err = if self.address_lost {
                    TcpError::Unreachable
                } else {
                    TcpError::Reset
                };
                Some((!graceful).then_some(err))
            }
            (TcpStatus::Connecting, State::Closed) => Some(Some(if self.address_lost {
                TcpError::Unreachable
            } else {
                TcpError::Refused
            })),
            // A listener whose connection came and went between two drives.
            (TcpStatus::Listening, State::Closed) => Some(Some(TcpError::Reset)),
            _ => None,
        }
    }

    fn awaiting_ack(&mut self) -> bool {
        self.socket.send_queue() > 0
            || matches!(
                self.socket.state(),
                State::FinWait1 | State::Closing | State::LastAck
            )
    }

    fn abort(&mut self, st: &mut ConnState) {
        self.socket.abort();
        st.output = true;
    }

    fn connected(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) {
        cb.connected(
            &mut TcpConn {
                socket: self.socket,
                st,
            },
            now,
        );
    }

    fn sent(&mut self, st: &mut ConnState, cb: &mut C, len: usize, now: Instant) {
        cb.sent(
            &mut TcpConn {
                socket: self.socket,
                st,
            },
            len,
            now,
        );
    }

    fn eof(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) {
        cb.eof(
            &mut TcpConn {
                socket: self.socket,
                st,
            },
            now,
        );
    }

    fn poll(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) {
        cb.poll(
            &mut TcpConn {
                socket: self.socket,
                st,
            },
            now,
        );
    }

    fn err(cb: &mut C, err: TcpError, now: Instant) {
        cb.err(err, now);
    }
}

impl<'a, D: Device> Stack<'a, D> {
    /// Fire `handle`'s callbacks for everything that happened since the last call (in the
    /// order rawnet-tcp defines once for every socket it drives ([crate] docs): connected, sent, recv, eof, the end, timeouts,
    /// poll), then send what the callbacks asked to [`output`](crate::Connection::output).
    /// Call it for every handle after each [`poll`](Self::poll), and at
    /// [`TcpHandle::poll_at`] at the latest.
    ///
    /// Does nothing for a handle that is idle or closed.
    pub fn drive<C>(&mut self, handle: &mut TcpHandle, callbacks: &mut C, now: Instant)
    where
        C: for<'s> Callbacks<TcpConn<'s, 'a>>,
    {
        if matches!(handle.st.status, TcpStatus::Idle | TcpStatus::Closed) {
            return;
        }
        let address_lost = handle
            .st
            .local
            .is_some_and(|ep| !self.iface.has_ip_addr(ep.addr));
        let mut lower = Smol {
            socket: self.sockets.get_mut::<tcp::Socket>(handle.socket),
            scratch: &mut self.scratch,
            address_lost,
        };
        fire(&mut lower, &mut handle.st, callbacks, now);
        if core::mem::take(&mut handle.st.output) {
            self.iface
                .poll_egress(to_smol(now), &mut self.device, &mut self.sockets);
        }
    }
}
