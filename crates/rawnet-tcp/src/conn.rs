//! TCP handles (lwIP's `tcp_pcb`) and the borrowed connection view ([`TcpConn`]) that
//! implements [`Connection`].

#[cfg(feature = "smoltcp")]
use crate::{
    error::StackError,
    time::{dur_to_smol, to_smol},
    Connection, Duration, Stack,
};
#[cfg(any(feature = "smoltcp", all(feature = "std", unix)))]
use crate::{Instant, TcpError, TcpTimers};
#[cfg(feature = "smoltcp")]
use smoltcp::{
    iface::SocketHandle,
    phy::Device,
    socket::tcp::{self, ConnectError, ListenError, SocketBuffer},
    wire::{IpAddress, IpEndpoint},
};

/// Where a [`TcpHandle`] stands, as the layer above sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum TcpStatus {
    /// Created, or reusable again: neither connecting, listening nor open.
    Idle,
    /// SYN sent, waiting for the answer (lwIP `SYN_SENT`).
    Connecting,
    /// Waiting for a peer to connect (lwIP `LISTEN`).
    Listening,
    /// [`Callbacks::connected`](crate::Callbacks::connected) was called; callbacks flow
    /// until the connection ends. Stays `Open` through a graceful close until the close
    /// completes.
    Open,
    /// Ended: the error callback fired, the layer aborted, or a close completed. No more
    /// callbacks; the handle can [`connect`](Stack::connect) or [`listen`](Stack::listen)
    /// again, or be [`release`](Stack::release)d.
    Closed,
}

/// The adapter's bookkeeping for one connection.
#[cfg(any(feature = "smoltcp", all(feature = "std", unix)))]
#[derive(Debug, Clone)]
pub(crate) struct ConnState {
    pub(crate) status: TcpStatus,
    pub(crate) timers: TcpTimers,
    /// When the SYN was sent (connect timeout).
    pub(crate) connect_since: Instant,
    /// Bytes accepted by `write` since the connection opened.
    pub(crate) written: u64,
    /// Bytes reported by `sent` so far.
    pub(crate) acked: u64,
    /// The layer called `close`.
    pub(crate) local_close: bool,
    pub(crate) eof_reported: bool,
    /// A state that follows the peer's FIN was seen.
    #[cfg(feature = "smoltcp")]
    pub(crate) fin_seen: bool,
    /// Data or a FIN was waiting for an ACK at the last drive.
    pub(crate) awaiting_ack: bool,
    /// Last time the peer acknowledged something (or nothing was waiting).
    pub(crate) last_progress: Instant,
    pub(crate) next_poll: Instant,
    /// Something should leave now rather than at the next `Stack::poll`.
    #[cfg(feature = "smoltcp")]
    pub(crate) output: bool,
    /// The local endpoint of an active open, to tell an address lost from a reset.
    #[cfg(feature = "smoltcp")]
    pub(crate) local: Option<IpEndpoint>,
    pub(crate) error: Option<TcpError>,
}

#[cfg(any(feature = "smoltcp", all(feature = "std", unix)))]
impl ConnState {
    pub(crate) fn new(timers: TcpTimers) -> Self {
        let zero = Instant::from_ticks(0);
        ConnState {
            status: TcpStatus::Idle,
            timers,
            connect_since: zero,
            written: 0,
            acked: 0,
            local_close: false,
            eof_reported: false,
            #[cfg(feature = "smoltcp")]
            fin_seen: false,
            awaiting_ack: false,
            last_progress: zero,
            next_poll: zero,
            #[cfg(feature = "smoltcp")]
            output: false,
            #[cfg(feature = "smoltcp")]
            local: None,
            error: None,
        }
    }

    /// Forget the previous connection, keep the timers.
    pub(crate) fn restart(&mut self, status: TcpStatus, now: Instant) {
        *self = ConnState::new(self.timers);
        self.status = status;
        self.connect_since = now;
        self.last_progress = now;
    }

    pub(crate) fn is_active(&self) -> bool {
        matches!(
            self.status,
            TcpStatus::Connecting | TcpStatus::Listening | TcpStatus::Open
        )
    }

    /// When the callback order is next due for its own timers (poll, connect and data
    /// timeouts); `None` when only the network can change anything.
    pub(crate) fn poll_at(&self) -> Option<Instant> {
        match self.status {
            TcpStatus::Connecting => Some(self.connect_since + self.timers.connect_timeout),
            TcpStatus::Open => {
                let timeout = self.last_progress + self.timers.data_timeout;
                Some(if self.awaiting_ack {
                    self.next_poll.min(timeout)
                } else {
                    self.next_poll
                })
            }
            _ => None,
        }
    }
}

/// One TCP connection or listener (lwIP's `tcp_pcb`): a socket slot with its buffers, and
/// the adapter's state that turns smoltcp's socket into lwIP's callbacks.
///
/// The caller owns the handle and hands it to [`Stack::drive`] and
/// [`Stack::connection`]. It belongs to the stack that made it.
#[cfg(feature = "smoltcp")]
#[derive(Debug)]
pub struct TcpHandle {
    pub(crate) socket: SocketHandle,
    pub(crate) st: ConnState,
}

#[cfg(feature = "smoltcp")]
impl TcpHandle {
    /// Where the handle stands.
    pub fn status(&self) -> TcpStatus {
        self.st.status
    }

    /// The error the last connection ended with (the one given to
    /// [`Callbacks::err`](crate::Callbacks::err)), if it ended with one.
    pub fn error(&self) -> Option<TcpError> {
        self.st.error
    }

    /// Bytes written on the current connection.
    pub fn bytes_written(&self) -> u64 {
        self.st.written
    }

    /// Bytes of the current connection the peer acknowledged and [`Stack::drive`] reported
    /// through [`Callbacks::sent`](crate::Callbacks::sent).
    pub fn bytes_acked(&self) -> u64 {
        self.st.acked
    }

    /// This handle's timers.
    pub fn timers(&self) -> TcpTimers {
        self.st.timers
    }

    /// Change this handle's timers; they apply from the next [`Stack::drive`].
    pub fn set_timers(&mut self, timers: TcpTimers) {
        self.st.timers = timers;
    }

    /// When [`Stack::drive`] is next due for this handle's own timers (the poll callback,
    /// the connect and data timeouts); `None` when only the network can change anything.
    pub fn poll_at(&self) -> Option<Instant> {
        self.st.poll_at()
    }
}

/// A connection borrowed from its [`Stack`] and [`TcpHandle`]: what callbacks are given, and
/// what [`Stack::connection`] returns for use outside callbacks.
///
/// `'s` is the borrow, `'a` the lifetime of the stack's socket storage.
#[cfg(feature = "smoltcp")]
#[derive(Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TcpConn<'s, 'a> {
    pub(crate) socket: &'s mut tcp::Socket<'a>,
    pub(crate) st: &'s mut ConnState,
}

#[cfg(feature = "smoltcp")]
impl TcpConn<'_, '_> {
    /// smoltcp's view of the connection state (RFC 793 names).
    pub fn tcp_state(&self) -> tcp::State {
        self.socket.state()
    }

    /// Where the handle stands.
    pub fn status(&self) -> TcpStatus {
        self.st.status
    }

    /// The peer's address and port, while connected.
    pub fn remote_endpoint(&self) -> Option<IpEndpoint> {
        self.socket.remote_endpoint()
    }

    /// Our address and port, while connected.
    pub fn local_endpoint(&self) -> Option<IpEndpoint> {
        self.socket.local_endpoint()
    }

    /// Bytes written and not yet acknowledged (sent or not).
    pub fn send_queue(&self) -> usize {
        self.socket.send_queue()
    }

    /// Bytes received and not yet taken by [`Callbacks::recv`](crate::Callbacks::recv).
    pub fn recv_queue(&self) -> usize {
        self.socket.recv_queue()
    }
}

#[cfg(feature = "smoltcp")]
impl Connection for TcpConn<'_, '_> {
    type Error = TcpError;

    fn send_space(&self) -> usize {
        if self.st.status == TcpStatus::Open && self.socket.may_send() {
            self.socket.send_capacity() - self.socket.send_queue()
        } else {
            0
        }
    }

    fn write(&mut self, data: &[u8]) -> nb::Result<usize, TcpError> {
        if self.st.status != TcpStatus::Open || !self.socket.may_send() {
            return Err(nb::Error::Other(TcpError::NotConnected));
        }
        if data.is_empty() {
            return Ok(0);
        }
        let n = self
            .socket
            .send_slice(data)
            .map_err(|_| nb::Error::Other(TcpError::NotConnected))?;
        if n == 0 {
            return Err(nb::Error::WouldBlock);
        }
        self.st.written += n as u64;
        Ok(n)
    }

    fn output(&mut self) -> Result<(), TcpError> {
        if self.st.status != TcpStatus::Open {
            return Err(TcpError::NotConnected);
        }
        self.st.output = true;
        Ok(())
    }

    fn close(&mut self) -> Result<(), TcpError> {
        match self.st.status {
            TcpStatus::Connecting | TcpStatus::Listening => {
                // Nothing was said yet: drop the attempt (a half-open peer gets a reset).
                self.socket.abort();
                self.st.status = TcpStatus::Closed;
                self.st.output = true;
                Ok(())
            }
            TcpStatus::Open => {
                self.socket.close();
                self.st.local_close = true;
                self.st.output = true;
                Ok(())
            }
            TcpStatus::Idle | TcpStatus::Closed => Err(TcpError::NotConnected),
        }
    }

    fn abort(&mut self) {
        if self.st.is_active() {
            self.socket.abort();
            self.st.status = TcpStatus::Closed;
            self.st.output = true;
        }
    }

    fn set_nodelay(&mut self, nodelay: bool) {
        self.socket.set_nagle_enabled(!nodelay);
    }

    fn set_keep_alive(&mut self, interval: Option<Duration>) {
        self.socket.set_keep_alive(interval.map(dur_to_smol));
    }

    fn is_connected(&self) -> bool {
        self.st.status == TcpStatus::Open && self.socket.state() == tcp::State::Established
    }
}

#[cfg(feature = "smoltcp")]
impl<'a, D: Device> Stack<'a, D> {
    /// A TCP socket with the caller's receive and transmit buffers (lwIP's `tcp_new`). The
    /// buffer sizes are the receive window and the send space.
    pub fn tcp_socket(
        &mut self,
        rx_buffer: &'a mut [u8],
        tx_buffer: &'a mut [u8],
    ) -> Result<TcpHandle, StackError> {
        let socket = tcp::Socket::new(SocketBuffer::new(rx_buffer), SocketBuffer::new(tx_buffer));
        let socket = self.add_socket(socket)?;
        Ok(TcpHandle {
            socket,
            st: ConnState::new(self.timers),
        })
    }

    /// Connect to `addr:port` from an ephemeral port (lwIP's `tcp_connect`); the SYN leaves
    /// at once. The outcome arrives through [`drive`](Self::drive):
    /// [`Callbacks::connected`](crate::Callbacks::connected) or
    /// [`Callbacks::err`](crate::Callbacks::err).
    ///
    /// A handle that is [`Idle`](TcpStatus::Idle) or [`Closed`](TcpStatus::Closed) can
    /// connect; its buffers are reused.
    pub fn connect(
        &mut self,
        handle: &mut TcpHandle,
        addr: impl Into<IpAddress>,
        port: u16,
        now: Instant,
    ) -> Result<(), StackError> {
        let addr = addr.into();
        if handle.st.is_active() || self.tcp(handle).is_open() {
            return Err(StackError::InUse);
        }
        if port == 0 || addr.is_unspecified() || addr.is_broadcast() || addr.is_multicast() {
            return Err(StackError::InvalidEndpoint);
        }
        if !self.has_route(addr) {
            return Err(StackError::NoRoute);
        }
        let local_port = self.ephemeral_port();
        let socket = self.sockets.get_mut::<tcp::Socket>(handle.socket);
        socket
            .connect(self.iface.context(), (addr, port), local_port)
            .map_err(|e| match e {
                ConnectError::InvalidState => StackError::InUse,
                ConnectError::Unaddressable => StackError::NoRoute,
            })?;
        let local = socket.local_endpoint();
        handle.st.restart(TcpStatus::Connecting, now);
        handle.st.local = local;
        self.iface
            .poll_egress(to_smol(now), &mut self.device, &mut self.sockets);
        Ok(())
    }

    /// Wait for one peer to connect to `port` (lwIP's `tcp_listen` + `tcp_accept`: the
    /// handle itself becomes the accepted connection, announced by
    /// [`Callbacks::connected`](crate::Callbacks::connected)). For several connections at
    /// once, let several handles listen on the same port.
    pub fn listen(&mut self, handle: &mut TcpHandle, port: u16) -> Result<(), StackError> {
        if handle.st.is_active() || self.tcp(handle).is_open() {
            return Err(StackError::InUse);
        }
        let socket = self.sockets.get_mut::<tcp::Socket>(handle.socket);
        socket.listen(port).map_err(|e| match e {
            ListenError::InvalidState => StackError::InUse,
            ListenError::Unaddressable => StackError::InvalidEndpoint,
        })?;
        handle
            .st
            .restart(TcpStatus::Listening, Instant::from_ticks(0));
        Ok(())
    }

    /// The connection of `handle`, to write, close or abort outside a callback. What is
    /// written leaves at the next [`poll`](Self::poll) (or [`drive`](Self::drive) after
    /// [`Connection::output`]).
    pub fn connection<'s>(&'s mut self, handle: &'s mut TcpHandle) -> TcpConn<'s, 'a> {
        TcpConn {
            socket: self.sockets.get_mut::<tcp::Socket>(handle.socket),
            st: &mut handle.st,
        }
    }

    /// Free the handle's socket slot for another [`tcp_socket`](Self::tcp_socket) (lwIP's
    /// pcb going back to its pool). Only a handle that is not connecting, listening or open
    /// can be released; otherwise it is given back. The buffers stay borrowed for `'a`:
    /// to reuse them, reuse the handle instead.
    pub fn release(&mut self, handle: TcpHandle) -> Result<(), TcpHandle> {
        if handle.st.is_active() || self.tcp(&handle).is_open() {
            return Err(handle);
        }
        self.sockets.remove(handle.socket);
        Ok(())
    }

    pub(crate) fn tcp(&self, handle: &TcpHandle) -> &tcp::Socket<'a> {
        self.sockets.get::<tcp::Socket>(handle.socket)
    }

    /// Whether `addr` is on our subnet or reachable through the default gateway.
    fn has_route(&self, addr: IpAddress) -> bool {
        let Some(settings) = &self.ipv4 else {
            return false;
        };
        #[allow(irrefutable_let_patterns)] // IpAddress has one variant without IPv6.
        let IpAddress::Ipv4(v4) = addr
        else {
            return false;
        };
        settings.address.contains_addr(&v4) || settings.router.is_some()
    }
}
