//! [`BlockingDriver`]: the MQTT client over a blocking `embedded-io` byte stream.

use embedded_io::{Read, Write};
use rawnet_altcp::Instant;

use super::{Clock, Core, Error, Goal, Next, StreamConn};
use crate::client::{Client, Handler};

/// The MQTT client over `T`, a blocking [`embedded_io`] byte stream already connected to the
/// broker (its `read` blocks until at least one byte, the end of the stream, or an error
/// such as a read timeout), with time from `K`. See the [module documentation](crate::io) for the semantics.
pub struct BlockingDriver<'d, 'b, H, T, K, const N: usize = 8, const M: usize = 20> {
    core: Core<'d, 'b, H, N, M>,
    lower: T,
    clock: K,
}

impl<'d, 'b, H: Handler, T, K: Clock, const N: usize, const M: usize>
    BlockingDriver<'d, 'b, H, T, K, N, M>
{
    /// A driver for one connection of `client` over `lower`, with `rx` for received bytes
    /// not yet taken and `tx` as the send staging (see the module's Memory section). Nothing
    /// is sent before [`BlockingDriver::connect`].
    pub fn new(
        client: &'d mut Client<'b, H, N, M>,
        lower: T,
        clock: K,
        rx: &'d mut [u8],
        tx: &'d mut [u8],
    ) -> Self {
        BlockingDriver {
            core: Core::new(client, rx, tx),
            lower,
            clock,
        }
    }

    /// The client.
    pub fn client(&self) -> &Client<'b, H, N, M> {
        self.core.client
    }

    /// The client, mutably (its handler, `queue_publish`...). Commands that write go through
    /// [`BlockingDriver::command`].
    pub fn client_mut(&mut self) -> &mut Client<'b, H, N, M> {
        self.core.client
    }

    /// Whether CONNACK accepted the connection and it has not ended.
    pub fn is_connected(&self) -> bool {
        self.core.is_connected()
    }

    /// When to run a step at the latest for the client's timers (keep-alive, timeouts);
    /// `None` when no connection is up.
    pub fn poll_at(&self) -> Option<Instant> {
        self.core.client.poll_at()
    }

    /// Run a client command with the connection and the current time, e.g.
    /// `driver.command(|c, conn, now| c.publish(conn, &msg, now))`. It does not wait: what
    /// it writes leaves at the next [`flush`](Self::flush), [`poll`](Self::poll) or
    /// [`run_until`](Self::run_until).
    pub fn command<R>(
        &mut self,
        f: impl FnOnce(&mut Client<'b, H, N, M>, &mut StreamConn<'_, 'd>, Instant) -> R,
    ) -> R {
        let now = self.clock.now();
        let (client, mut conn) = self.core.split();
        f(client, &mut conn, now)
    }

    /// Give up on the connection (after a read error that does not go away, say): the
    /// client is told the transport failed; nothing more is read or written.
    pub fn abort(&mut self) {
        let now = self.clock.now();
        self.core
            .failed(embedded_io::ErrorKind::ConnectionAborted, now);
    }

    /// The stream.
    pub fn lower(&self) -> &T {
        &self.lower
    }

    /// The stream, mutably. Reading or writing it directly corrupts the MQTT connection.
    pub fn lower_mut(&mut self) -> &mut T {
        &mut self.lower
    }

    /// Give the stream back (e.g. to close the socket after [`BlockingDriver::disconnect`]).
    pub fn into_inner(self) -> T {
        self.lower
    }
}

impl<H: Handler, T: Read + Write, K: Clock, const N: usize, const M: usize>
    BlockingDriver<'_, '_, H, T, K, N, M>
{
    /// Start MQTT on the stream (CONNECT) and run until the broker accepted the connection.
    /// Fails with the reason, e.g. `Error::Disconnected(Disconnected::Refused(code))`.
    pub fn connect(&mut self) -> Result<(), Error<T::Error>> {
        self.drive(Goal::Connect)
    }

    /// Write out everything the client wrote so far and flush the stream. Reads nothing.
    pub fn flush(&mut self) -> Result<(), Error<T::Error>> {
        self.drive(Goal::Flush)
    }

    /// One step: timers, output, one read and the answers to it (see the module
    /// documentation).
    pub fn poll(&mut self) -> Result<(), Error<T::Error>> {
        self.drive(Goal::Poll)
    }

    /// Run steps until `done(client)` holds (checked before each step).
    pub fn run_until(
        &mut self,
        mut done: impl FnMut(&Client<'_, H, N, M>) -> bool,
    ) -> Result<(), Error<T::Error>> {
        while !done(self.core.client) {
            self.poll()?;
        }
        Ok(())
    }

    /// Disconnect cleanly ([`Client::disconnect`]): DISCONNECT leaves after what is already
    /// in the ring, the stream is flushed, the connection is over.
    pub fn disconnect(&mut self) -> Result<(), Error<T::Error>> {
        self.command(|c, conn, now| c.disconnect(conn, now));
        self.flush()
    }

    /// Work with the stream until `goal` is reached (one stream operation at a time, its
    /// result applied to the core before the next).
    fn drive(&mut self, goal: Goal) -> Result<(), Error<T::Error>> {
        let mut read = false;
        loop {
            match self.core.next(goal, read, self.clock.now())? {
                Next::Done => return Ok(()),
                // Everything staged, and what the client refills from its ring as the stream
                // takes it, leaves before the next step: a stream that takes little at a time
                // (a TLS stream's staging) costs a write each, not a step each.
                Next::Write => loop {
                    let result = self.lower.write(self.core.staged());
                    if self.core.wrote(result, self.clock.now())? {
                        break;
                    }
                },
                Next::Flush => {
                    let result = self.lower.flush();
                    self.core.flushed(result, self.clock.now())?;
                }
                Next::Read => {
                    let result = self.lower.read(self.core.spare());
                    self.core.received(result, self.clock.now())?;
                    read = true;
                }
            }
        }
    }
}
