//! A tap between a connection and the callbacks above it (TLS under MQTT, TCP under TLS):
//! it hands everything through unchanged and shows an [`Observer`] the bytes each way, so a
//! test reads what a layer wrote and took without changing it.

use rawnet_altcp::{Callbacks, Connection, Duration, Instant};

/// What a [`Tap`] shows.
pub trait Observer {
    /// A connection came up: what was half parsed belonged to the last one.
    fn connected(&mut self) {}
    /// The layer above wrote `data` and the connection took all of it.
    fn wrote(&mut self, data: &[u8]);
    /// The layer above was offered `offered` and took its first `taken` bytes.
    fn received(&mut self, _offered: &[u8], _taken: usize) {}
    /// The connection reported `len` bytes acknowledged.
    fn sent(&mut self, _len: usize) {}
    /// The connection failed with `error` (also before the layer above was connected: a
    /// TLS handshake that failed never reaches an MQTT client's handler).
    fn failed(&mut self, _error: &dyn core::fmt::Debug) {}
}

/// Callbacks `inner` with an observer in front of them.
pub struct Tap<T, O> {
    /// The layer above.
    pub inner: T,
    /// What watches it.
    pub observer: O,
}

/// The connection below, as the layer above sees it through the tap.
pub struct TapConn<'a, C, O> {
    conn: &'a mut C,
    observer: &'a mut O,
}

impl<C: Connection, O: Observer> Connection for TapConn<'_, C, O> {
    type Error = C::Error;
    fn send_space(&self) -> usize {
        self.conn.send_space()
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, C::Error> {
        let n = self.conn.write(data)?;
        self.observer.wrote(&data[..n]);
        Ok(n)
    }
    fn output(&mut self) -> Result<(), C::Error> {
        self.conn.output()
    }
    fn close(&mut self) -> Result<(), C::Error> {
        self.conn.close()
    }
    fn abort(&mut self) {
        self.conn.abort()
    }
    fn set_nodelay(&mut self, nodelay: bool) {
        self.conn.set_nodelay(nodelay)
    }
    fn set_keep_alive(&mut self, interval: Option<Duration>) {
        self.conn.set_keep_alive(interval)
    }
    fn is_connected(&self) -> bool {
        self.conn.is_connected()
    }
}

impl<T, O> Tap<T, O> {
    /// Run `f` on the layer above with the connection seen through the tap (a command the
    /// test issues, such as a publish).
    pub fn with<C: Connection, R>(
        &mut self,
        conn: &mut C,
        f: impl FnOnce(&mut T, &mut TapConn<'_, C, O>) -> R,
    ) -> R {
        let mut tc = TapConn {
            conn,
            observer: &mut self.observer,
        };
        f(&mut self.inner, &mut tc)
    }
}

impl<C, T, O> Callbacks<C> for Tap<T, O>
where
    C: Connection,
    C::Error: core::fmt::Debug,
    O: Observer,
    T: for<'x> Callbacks<TapConn<'x, C, O>>,
{
    fn connected(&mut self, conn: &mut C, now: Instant) {
        self.observer.connected();
        self.with(conn, |t, c| t.connected(c, now))
    }
    fn recv(&mut self, conn: &mut C, data: &[u8], now: Instant) -> usize {
        let n = self.with(conn, |t, c| t.recv(c, data, now));
        self.observer.received(data, n.min(data.len()));
        n
    }
    fn eof(&mut self, conn: &mut C, now: Instant) {
        self.with(conn, |t, c| t.eof(c, now))
    }
    fn sent(&mut self, conn: &mut C, len: usize, now: Instant) {
        self.observer.sent(len);
        self.with(conn, |t, c| t.sent(c, len, now))
    }
    fn poll(&mut self, conn: &mut C, now: Instant) {
        self.with(conn, |t, c| t.poll(c, now))
    }
    fn err(&mut self, err: C::Error, now: Instant) {
        self.observer.failed(&err);
        self.inner.err(err, now)
    }
}
