//! The callback order, written once for every TCP connection rawnet-tcp drives: smoltcp's
//! sockets ([`Stack::drive`](crate::Stack::drive)) and, with `std`, the host's kernel sockets
//! ([`HostTcp::drive`](crate::host::HostTcp::drive)).
//!
//! A driver compares what its socket holds now with what the handle last reported, and
//! fires the difference in lwIP's order:
//!
//! 1. `connected`, once, when the handshake completed;
//! 2. `sent(n)` with the bytes newly acknowledged;
//! 3. `recv`, with the received bytes in chunks; the bytes a layer takes are dequeued
//!    (opening the window), the rest is offered again next time;
//! 4. `eof`, once, after the last byte was taken and the peer's FIN was seen;
//! 5. the end: `err` with the reason, or silently after a completed close;
//! 6. the timeouts the adapter enforces itself (connect and data), ending in `err(TimedOut)`;
//! 7. `poll`, every [`TcpTimers::poll_interval`](crate::TcpTimers::poll_interval).
//!
//! After `err`, an `abort` by the layer, or a completed close, nothing more is called. A
//! callback that ends the connection (abort, or a close that completes at once) stops the
//! sequence where it is.
//!
//! [`fire`] is that sequence; a socket type plugs into it through [`Lower`], which says what
//! the socket holds (acknowledged bytes, the FIN, how it ended) and hands each callback the
//! socket's own [`Connection`](crate::Connection) view. The bookkeeping the order needs (status,
//! counters, timer starts) is the [`ConnState`] both kinds of handle keep.
//!
//! `fire` is out of line: inlined into a superloop it made the footprint images larger (the
//! network layers 84 B, the TLS layer 172 B; docs/footprint.md).

use crate::conn::{ConnState, TcpStatus};
use crate::time::since;
use crate::{Instant, TcpError};

/// What [`fire`] needs from one kind of socket, for callbacks of type `C`.
///
/// The methods that take `cb` call the callback of the same name with this socket's
/// connection view (they exist because that view's type differs per socket); the others
/// observe the socket.
pub(crate) trait Lower<C> {
    /// The handshake is behind the socket.
    fn synchronized(&mut self) -> bool;
    /// Bytes of the connection acknowledged so far (the running total `sent` reports the
    /// growth of), or `None` when the socket cannot tell now.
    fn acked(&mut self, st: &ConnState) -> Option<u64>;
    /// Offer the next received bytes to `cb.recv` and dequeue what it took (unless the
    /// callback ended the connection): `(offered, taken)`, `(0, 0)` when nothing waits.
    fn recv(&mut self, st: &mut ConnState, cb: &mut C, now: Instant) -> (usize, usize);
    /// The peer's FIN arrived and every byte before it was taken.
    fn fin_taken(&mut self) -> bool;
    /// Whether the connection is over: `Some(None)` after a completed close, `Some(Some(e))`
    /// failed with `e`, `None` still going.
    fn ended(&mut self, st: &mut ConnState) -> Option<Option<TcpError>>;
    /// Data (or our FIN) waits for the peer: the data timeout runs.
    fn awaiting_ack(&mut self) -> bool;
    /// Reset the connection (a timeout fired).
    fn abort(&mut self, st: &mut ConnState);

    fn connected(&mut self, st: &mut ConnState, cb: &mut C, now: Instant);
    fn sent(&mut self, st: &mut ConnState, cb: &mut C, len: usize, now: Instant);
    fn eof(&mut self, st: &mut ConnState, cb: &mut C, now: Instant);
    fn poll(&mut self, st: &mut ConnState, cb: &mut C, now: Instant);
    fn err(cb: &mut C, err: TcpError, now: Instant);
}

/// Fire the callbacks for everything that happened since the last call, in the order of the
/// module documentation.
#[inline(never)]
pub(crate) fn fire<L: Lower<C>, C>(l: &mut L, st: &mut ConnState, cb: &mut C, now: Instant) {
    // 1. connected.
    if matches!(st.status, TcpStatus::Connecting | TcpStatus::Listening) && l.synchronized() {
        st.status = TcpStatus::Open;
        st.last_progress = now;
        st.next_poll = now + st.timers.poll_interval;
        l.connected(st, cb, now);
        if st.status != TcpStatus::Open {
            return;
        }
    }

    if st.status == TcpStatus::Open {
        // 2. sent.
        if let Some(acked) = l.acked(st) {
            if acked > st.acked {
                let len = (acked - st.acked) as usize;
                st.acked = acked;
                st.last_progress = now;
                l.sent(st, cb, len, now);
                if st.status != TcpStatus::Open {
                    return;
                }
            }
        }

        // 3. recv, while the layer takes whole chunks.
        loop {
            let (offered, taken) = l.recv(st, cb, now);
            if st.status != TcpStatus::Open {
                return;
            }
            if offered == 0 || taken < offered {
                break;
            }
        }

        // 4. eof.
        if !st.eof_reported && l.fin_taken() {
            st.eof_reported = true;
            l.eof(st, cb, now);
            if st.status != TcpStatus::Open {
                return;
            }
        }
    }

    // 5. the end.
    if let Some(err) = l.ended(st) {
        return finish::<L, C>(st, err, cb, now);
    }

    // 6. timeouts.
    match st.status {
        TcpStatus::Connecting if since(now, st.connect_since) >= st.timers.connect_timeout => {
            l.abort(st);
            return finish::<L, C>(st, Some(TcpError::TimedOut), cb, now);
        }
        TcpStatus::Open => {
            let waiting = l.awaiting_ack();
            if !waiting || !st.awaiting_ack {
                // Nothing was waiting at the last drive: the clock starts now.
                st.last_progress = now;
            }
            st.awaiting_ack = waiting;
            if waiting && since(now, st.last_progress) >= st.timers.data_timeout {
                l.abort(st);
                return finish::<L, C>(st, Some(TcpError::TimedOut), cb, now);
            }
        }
        _ => {}
    }

    // 7. poll.
    if st.status == TcpStatus::Open && now >= st.next_poll {
        st.next_poll = now + st.timers.poll_interval;
        l.poll(st, cb, now);
    }
}

/// End the connection: report `err` (if any) and call nothing more.
fn finish<L: Lower<C>, C>(st: &mut ConnState, err: Option<TcpError>, cb: &mut C, now: Instant) {
    st.status = TcpStatus::Closed;
    st.awaiting_ack = false;
    st.error = err;
    if let Some(err) = err {
        L::err(cb, err, now);
    }
}
