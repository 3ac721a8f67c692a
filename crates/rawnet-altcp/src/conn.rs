//! The two traits of the contract: [`Connection`] (down) and [`Callbacks`] (up).

use crate::{Duration, Instant};

/// What a layer can do to the connection below it (lwIP's `altcp_*` functions).
///
/// Implemented by rawnet-tcp's TCP connection, by rawnet-tls's TLS connection and by
/// rawnet-mqtt's `embedded-io` driver. Nothing here blocks: a write that cannot proceed returns
/// [`nb::Error::WouldBlock`] (lwIP's `ERR_MEM`) and the layer retries from its
/// [`Callbacks::sent`] or [`Callbacks::poll`].
pub trait Connection {
    /// The reason an operation failed.
    type Error: core::fmt::Debug;

    /// Bytes [`write`](Self::write) accepts now (lwIP's `tcp_sndbuf`).
    fn send_space(&self) -> usize;

    /// Copy up to [`send_space`](Self::send_space) bytes of `data` into the send buffer and
    /// return how many were taken (at least one). `WouldBlock` when no space is free.
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, Self::Error>;

    /// Ask for written data to leave now rather than at the next poll (lwIP's `tcp_output`).
    fn output(&mut self) -> Result<(), Self::Error>;

    /// Close gracefully: data already written is still sent, then a FIN (or, for TLS, a
    /// close_notify alert and then the TCP close).
    fn close(&mut self) -> Result<(), Self::Error>;

    /// Close at once with a reset, dropping unsent data. No callback follows.
    fn abort(&mut self);

    /// Disable (`true`) or enable (`false`) Nagle's algorithm.
    fn set_nodelay(&mut self, nodelay: bool);

    /// Send TCP keep-alive probes after `interval` of silence, or stop (`None`).
    fn set_keep_alive(&mut self, interval: Option<Duration>);

    /// Whether the connection is established and can carry data both ways.
    fn is_connected(&self) -> bool;
}

/// What a layer is told by the connection below it (lwIP's `tcp_*` callbacks).
///
/// `C` is the connection the callbacks come from; a layer that works over any connection
/// implements `Callbacks<C>` for every `C: Connection`. Every method gets the current time.
///
/// Order, as in lwIP: `connected` first; then any mix of `recv`, `sent` and `poll`; `eof`
/// at most once after the last `recv`; `err` at most once, after which nothing more is
/// called and the connection is gone.
pub trait Callbacks<C: Connection + ?Sized> {
    /// The connection is established (lwIP's `tcp_connected` callback).
    fn connected(&mut self, conn: &mut C, now: Instant) {
        let _ = (conn, now);
    }

    /// Data arrived. Return how many bytes of `data` were taken; that is lwIP's `tcp_recved`:
    /// the receive window opens by that much. Bytes not taken stay queued and are offered
    /// again, with anything that arrives after them, at the next event. `data` is never empty.
    fn recv(&mut self, conn: &mut C, data: &[u8], now: Instant) -> usize;

    /// The peer closed its side: no more data will arrive (lwIP's `tcp_recv` with a NULL
    /// pbuf). The connection can still send until the layer calls [`Connection::close`].
    fn eof(&mut self, conn: &mut C, now: Instant) {
        let _ = (conn, now);
    }

    /// The peer acknowledged `len` more bytes of what was written (lwIP's `tcp_sent`). Summed
    /// over a connection's life, the lengths equal the bytes written and acknowledged.
    fn sent(&mut self, conn: &mut C, len: usize, now: Instant) {
        let _ = (conn, len, now);
    }

    /// Periodic call while the connection is open (lwIP's `tcp_poll`): retry a blocked write,
    /// run timers.
    fn poll(&mut self, conn: &mut C, now: Instant) {
        let _ = (conn, now);
    }

    /// The connection failed and is gone (lwIP's `tcp_err`). Nothing is called after this.
    fn err(&mut self, err: C::Error, now: Instant);
}
