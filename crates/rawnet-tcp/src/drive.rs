//! [`Stack::drive`]: turning a smoltcp socket's state into lwIP's callbacks.
//!
//! smoltcp sockets are polled, lwIP calls back. `drive` compares what the socket holds now
//! with what the handle last reported, and fires the difference in lwIP's order:
//!
//! 1. `connected`, once, when the handshake completed;
//! 2. `sent(n)` with the bytes newly acknowledged: smoltcp's transmit buffer holds exactly
//!    the written bytes not yet acknowledged, so `written - send_queue` is the acknowledged
//!    total and `sent` reports its growth (a reset does not empty that buffer, so no bytes
//!    are ever reported for a connection that failed);
//! 3. `recv`, with the received bytes in chunks of at most [`RECV_CHUNK`](crate::RECV_CHUNK); the bytes a
//!    layer takes are dequeued (opening the window), the rest is offered again next time;
//! 4. `eof`, once, after the last byte was taken and the peer's FIN was seen;
//! 5. the end: `err` with the reason, or silently after a completed close;
//! 6. the timeouts the adapter enforces itself (connect and data), ending in `err(TimedOut)`;
//! 7. `poll`, every [`TcpTimers::poll_interval`](crate::TcpTimers::poll_interval).
//!
//! After `err`, an `abort` by the layer, or a completed close, nothing more is called.

use crate::conn::{ConnState, TcpConn, TcpHandle, TcpStatus};
use crate::time::{since, to_smol};
use crate::{Callbacks, Instant, Stack, TcpError};
use smoltcp::phy::Device;
use smoltcp::socket::tcp::{self, RecvError, State};

/// Whether the handshake is behind the socket (it has been synchronized).
fn synchronized(state: State) -> bool {
    !matches!(
        state,
        State::Closed | State::Listen | State::SynSent | State::SynReceived
    )
}

/// Whether data or our FIN waits for the peer's acknowledgement.
fn awaiting_ack(socket: &tcp::Socket<'_>) -> bool {
    socket.send_queue() > 0
        || matches!(
            socket.state(),
            State::FinWait1 | State::Closing | State::LastAck
        )
}

/// Whether the peer's FIN was received and every byte before it was taken.
fn fin_taken(socket: &mut tcp::Socket<'_>) -> bool {
    socket.recv_queue() == 0 && matches!(socket.recv(|_| (0, ())), Err(RecvError::Finished))
}

/// The connection view handed to a callback (reborrowing both halves).
fn conn<'s, 'a>(socket: &'s mut tcp::Socket<'a>, st: &'s mut ConnState) -> TcpConn<'s, 'a> {
    TcpConn { socket, st }
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

impl<'a, D: Device> Stack<'a, D> {
    /// Fire `handle`'s callbacks for everything that happened since the last call (see the
    /// module docs of `drive` for the order), then send what the callbacks asked to
    /// [`output`](crate::Connection::output). Call it for every handle after each
    /// [`poll`](Self::poll), and at [`TcpHandle::poll_at`] at the latest.
    ///
    /// Does nothing for a handle that is idle or closed.
    pub fn drive<C>(&mut self, handle: &mut TcpHandle, callbacks: &mut C, now: Instant)
    where
        C: for<'s> Callbacks<TcpConn<'s, 'a>>,
    {
        if matches!(handle.st.status, TcpStatus::Idle | TcpStatus::Closed) {
            return;
        }
        self.fire(handle, callbacks, now);
        if core::mem::take(&mut handle.st.output) {
            self.iface
                .poll_egress(to_smol(now), &mut self.device, &mut self.sockets);
        }
    }

    fn fire<C>(&mut self, handle: &mut TcpHandle, cb: &mut C, now: Instant)
    where
        C: for<'s> Callbacks<TcpConn<'s, 'a>>,
    {
        let address_lost = handle
            .st
            .local
            .is_some_and(|ep| !self.iface.has_ip_addr(ep.addr));
        let socket = self.sockets.get_mut::<tcp::Socket>(handle.socket);
        let st = &mut handle.st;
        let state = socket.state();
        if matches!(
            state,
            State::CloseWait | State::LastAck | State::Closing | State::TimeWait
        ) {
            st.fin_seen = true;
        }

        // 1. connected.
        if matches!(st.status, TcpStatus::Connecting | TcpStatus::Listening) && synchronized(state)
        {
            st.status = TcpStatus::Open;
            st.last_progress = now;
            st.next_poll = now + st.timers.poll_interval;
            cb.connected(&mut conn(socket, st), now);
            if st.status != TcpStatus::Open {
                return;
            }
        }

        if st.status == TcpStatus::Open {
            // 2. sent. A socket emptied by smoltcp's `reset` (address lost, TIME-WAIT over)
            // tells nothing about acknowledgements: only count while it keeps its buffer.
            let reset_by_smoltcp = state == State::Closed && (address_lost || !st.local_close);
            if !reset_by_smoltcp {
                let acked = st.written.saturating_sub(socket.send_queue() as u64);
                if acked > st.acked {
                    let len = (acked - st.acked) as usize;
                    st.acked = acked;
                    st.last_progress = now;
                    cb.sent(&mut conn(socket, st), len, now);
                    if st.status != TcpStatus::Open {
                        return;
                    }
                }
            }

            // 3. recv.
            loop {
                let n = socket.peek_slice(&mut self.scratch).unwrap_or(0);
                if n == 0 {
                    break;
                }
                let taken = cb
                    .recv(&mut conn(socket, st), &self.scratch[..n], now)
                    .min(n);
                if st.status != TcpStatus::Open {
                    return;
                }
                dequeue(socket, taken);
                if taken < n {
                    break;
                }
            }

            // 4. eof.
            if !st.eof_reported && fin_taken(socket) {
                st.eof_reported = true;
                cb.eof(&mut conn(socket, st), now);
                if st.status != TcpStatus::Open {
                    return;
                }
            }
        }

        // 5. the end.
        let state = socket.state();
        match st.status {
            TcpStatus::Open if state == State::TimeWait => return finish(st, None, cb, now),
            TcpStatus::Open if state == State::Closed => {
                // Closed after our FIN and theirs, with everything acknowledged: LAST-ACK ended.
                let graceful =
                    st.local_close && (st.fin_seen || st.eof_reported) && socket.send_queue() == 0;
                let err = if address_lost {
                    TcpError::Unreachable
                } else {
                    TcpError::Reset
                };
                return finish(st, (!graceful).then_some(err), cb, now);
            }
            TcpStatus::Connecting if state == State::Closed => {
                let err = if address_lost {
                    TcpError::Unreachable
                } else {
                    TcpError::Refused
                };
                return finish(st, Some(err), cb, now);
            }
            // A listener whose connection came and went between two drives.
            TcpStatus::Listening if state == State::Closed => {
                return finish(st, Some(TcpError::Reset), cb, now)
            }
            _ => {}
        }

        // 6. timeouts.
        match st.status {
            TcpStatus::Connecting if since(now, st.connect_since) >= st.timers.connect_timeout => {
                socket.abort();
                st.output = true;
                return finish(st, Some(TcpError::TimedOut), cb, now);
            }
            TcpStatus::Open => {
                let waiting = awaiting_ack(socket);
                if !waiting || !st.awaiting_ack {
                    // Nothing was waiting at the last drive: the clock starts now.
                    st.last_progress = now;
                }
                st.awaiting_ack = waiting;
                if waiting && since(now, st.last_progress) >= st.timers.data_timeout {
                    socket.abort();
                    st.output = true;
                    return finish(st, Some(TcpError::TimedOut), cb, now);
                }
            }
            _ => {}
        }

        // 7. poll.
        if st.status == TcpStatus::Open && now >= st.next_poll {
            st.next_poll = now + st.timers.poll_interval;
            cb.poll(&mut conn(socket, st), now);
        }
    }
}

/// End the connection: report `err` (if any) and call nothing more.
fn finish<'x, 'a: 'x, C>(st: &mut ConnState, err: Option<TcpError>, cb: &mut C, now: Instant)
where
    C: Callbacks<TcpConn<'x, 'a>>,
{
    st.status = TcpStatus::Closed;
    st.awaiting_ack = false;
    st.error = err;
    if let Some(err) = err {
        cb.err(err, now);
    }
}
