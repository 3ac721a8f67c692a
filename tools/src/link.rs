//! The loop: rawnet's layers (the MQTT client, TLS when asked for) on a TCP connection
//! (the host's, or the embedded stack's), driven until the tool is done.
//!
//! The tool's work happens in its [`App`], the client's handler: it publishes or subscribes
//! when the client reports CONNACK and asks for the disconnect when it has what it came
//! for (rawnet-mqtt's handler commands). The loop only drives the connection, sleeps until
//! something is due, and steps in for what no MQTT event brings: `-W`, Ctrl-C, lines on
//! standard input (`-l`).

use std::time::Duration as StdDuration;

use rawnet_altcp::{Callbacks, Clock, Connection, Duration, Instant, StdClock};
use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use rawnet_mqtt::client::{Client, Disconnected, Error as ClientError, Handler, Publication};
use rawnet_mqtt::wire::{Properties, QoS, Version};
use rawnet_tcp::host::{HostConn, HostTcp};
use rawnet_tcp::{Stack, TcpConn, TcpHandle};
use rawnet_tls::{Tls, TlsConn};

use crate::exit::{self, Classify, Failure, Fault};
use crate::props::PropArg;

/// A message the loop publishes (`-l`).
#[derive(Debug, Clone)]
pub struct Message {
    pub topic: String,
    pub payload: Vec<u8>,
    pub qos: QoS,
    pub retain: bool,
    pub props: Vec<PropArg>,
}

/// What the loop asks of the client outside its events.
#[derive(Debug, Clone)]
pub enum Cmd {
    Publish(Message),
    DisconnectWhenIdle,
    Disconnect,
}

/// A tool's handler, as the loop sees it.
pub trait App: Handler {
    /// The tool got what it came for (it asked for the disconnect).
    fn finished(&self) -> bool;
    /// A failure the tool found (a refused subscription, a rejected publish, an input it
    /// cannot read): the loop disconnects and exits with it.
    fn failure(&mut self) -> Option<Failure>;
    /// Keep `f` for [`App::failure`] (a command the loop gave failed).
    fn note_failure(&mut self, f: Failure);
    /// Work between events: the next command (`-l` lines), given whether the client is
    /// connected and how many requests are in flight.
    fn next_command(&mut self, connected: bool, in_flight: usize) -> Option<Cmd> {
        let _ = (connected, in_flight);
        None
    }
    /// A command from [`App::next_command`] was refused; whether the app keeps it to give
    /// again (no room now). Otherwise the tool fails with the error.
    fn command_failed(&mut self, cmd: Cmd, e: ClientError) -> bool {
        let _ = (cmd, e);
        false
    }
    /// How often the loop must call [`App::next_command`] at the least.
    fn tick(&self) -> Option<StdDuration> {
        None
    }
}

/// The client's state, for the loop.
#[derive(Debug, Clone, Copy)]
pub struct State {
    pub connected: bool,
    pub in_flight: usize,
    pub poll_at: Option<Instant>,
    pub ended: Option<Disconnected>,
    /// A CONNACK accepted the connection at some point.
    pub connacked: bool,
}

/// The MQTT client with the first fault of the connection below it (the error its `err`
/// callback was given, named for the user).
pub struct Tap<'b, A> {
    pub client: Client<'b, A>,
    pub fault: Option<Fault>,
    /// The broker's CONNACK accepted the connection at some point.
    pub connacked: bool,
}

impl<'b, A: Handler> Tap<'b, A> {
    pub fn new(client: Client<'b, A>) -> Self {
        Tap {
            client,
            fault: None,
            connacked: false,
        }
    }
}

impl<C, A> Callbacks<C> for Tap<'_, A>
where
    C: Connection,
    C::Error: Classify,
    A: Handler,
{
    fn connected(&mut self, conn: &mut C, now: Instant) {
        self.client.connected(conn, now);
    }
    fn recv(&mut self, conn: &mut C, data: &[u8], now: Instant) -> usize {
        let taken = self.client.recv(conn, data, now);
        self.connacked |= self.client.is_connected();
        taken
    }
    fn eof(&mut self, conn: &mut C, now: Instant) {
        self.client.eof(conn, now);
    }
    fn sent(&mut self, conn: &mut C, len: usize, now: Instant) {
        self.client.sent(conn, len, now);
    }
    fn poll(&mut self, conn: &mut C, now: Instant) {
        self.client.poll(conn, now);
    }
    fn err(&mut self, err: C::Error, now: Instant) {
        if self.fault.is_none() {
            self.fault = Some(err.fault());
        }
        <Client<'_, A> as Callbacks<C>>::err(&mut self.client, err, now);
    }
}

/// What the loop reads of a layer stack.
pub trait Observe {
    type App: App;
    fn app(&self) -> &Self::App;
    fn app_mut(&mut self) -> &mut Self::App;
    fn state(&self) -> State;
    fn fault(&self) -> Option<&Fault>;
}

impl<A: App> Observe for Tap<'_, A> {
    type App = A;
    fn app(&self) -> &A {
        self.client.handler()
    }
    fn app_mut(&mut self) -> &mut A {
        self.client.handler_mut()
    }
    fn state(&self) -> State {
        State {
            connected: self.client.is_connected(),
            in_flight: self.client.in_flight(),
            poll_at: self.client.poll_at(),
            ended: self.client.last_disconnect(),
            connacked: self.connacked,
        }
    }
    fn fault(&self) -> Option<&Fault> {
        self.fault.as_ref()
    }
}

impl<O: Observe> Observe for Tls<'_, '_, O> {
    type App = O::App;
    fn app(&self) -> &O::App {
        self.inner().app()
    }
    fn app_mut(&mut self) -> &mut O::App {
        self.inner_mut().app_mut()
    }
    fn state(&self) -> State {
        self.inner().state()
    }
    fn fault(&self) -> Option<&Fault> {
        self.inner().fault()
    }
}

/// Commands on a layer stack over the connection `C`.
pub trait Layer<C> {
    fn exec(&mut self, conn: &mut C, cmd: &Cmd, now: Instant) -> Result<(), ClientError>;
}

impl<C, A> Layer<C> for Tap<'_, A>
where
    C: Connection,
    A: Handler,
{
    fn exec(&mut self, conn: &mut C, cmd: &Cmd, now: Instant) -> Result<(), ClientError> {
        match cmd {
            Cmd::Publish(m) => {
                let props: Vec<_> = m.props.iter().map(PropArg::property).collect();
                let msg = Publication::new(&m.topic, &m.payload)
                    .qos(m.qos)
                    .retain(m.retain)
                    .properties(Properties::from_slice(&props));
                self.client.publish(conn, &msg, now).map(|_| ())
            }
            Cmd::DisconnectWhenIdle => {
                self.client.disconnect_when_idle(conn, now);
                Ok(())
            }
            Cmd::Disconnect => {
                self.client.disconnect(conn, now);
                Ok(())
            }
        }
    }
}

impl<'b, C, L> Layer<C> for Tls<'_, 'b, L>
where
    C: Connection,
    L: for<'c> Callbacks<TlsConn<'c, 'b, C>> + for<'c> Layer<TlsConn<'c, 'b, C>>,
{
    fn exec(&mut self, conn: &mut C, cmd: &Cmd, now: Instant) -> Result<(), ClientError> {
        self.with_connection(conn, now, |inner, tls| inner.exec(tls, cmd, now))
    }
}

/// A TCP connection the loop drives, with the layers `L` on it.
pub trait Transport<L> {
    fn drive(&mut self, layer: &mut L, now: Instant);
    /// Whether callbacks may still come (the connection has not ended).
    fn active(&self) -> bool;
    /// Sleep until something is due, or `until`.
    fn wait(&mut self, until: Option<Instant>, now: Instant);
    fn exec(&mut self, layer: &mut L, cmd: &Cmd, now: Instant) -> Result<(), ClientError>;
    fn abort(&mut self);
}

impl<L> Transport<L> for HostTcp
where
    L: for<'s> Callbacks<HostConn<'s>> + for<'s> Layer<HostConn<'s>>,
{
    fn drive(&mut self, layer: &mut L, now: Instant) {
        HostTcp::drive(self, layer, now);
    }
    fn active(&self) -> bool {
        self.is_active()
    }
    fn wait(&mut self, until: Option<Instant>, now: Instant) {
        let _ = HostTcp::wait(self, until, now);
    }
    fn exec(&mut self, layer: &mut L, cmd: &Cmd, now: Instant) -> Result<(), ClientError> {
        layer.exec(&mut self.connection(), cmd, now)
    }
    fn abort(&mut self) {
        self.connection().abort();
    }
}

/// The embedded stack in the process: a smoltcp interface on an Ethernet driver (libslirp,
/// or a TAP), one TCP connection.
pub struct StackNet<'a, D: EthernetDriver> {
    pub stack: Stack<'a, SmoltcpDevice<D>>,
    pub handle: TcpHandle,
}

impl<'a, D, L> Transport<L> for StackNet<'a, D>
where
    D: EthernetDriver,
    L: for<'s> Callbacks<TcpConn<'s, 'a>> + for<'s> Layer<TcpConn<'s, 'a>>,
{
    fn drive(&mut self, layer: &mut L, now: Instant) {
        self.stack.poll(now);
        self.stack.drive(&mut self.handle, layer, now);
    }
    fn active(&self) -> bool {
        matches!(
            self.handle.status(),
            rawnet_tcp::TcpStatus::Connecting | rawnet_tcp::TcpStatus::Open
        )
    }
    fn wait(&mut self, until: Option<Instant>, now: Instant) {
        // The drivers have no descriptor to sleep on (libslirp's host sockets are polled in
        // every driver call): a short nap, bounded by what is due.
        let mut due = now + Duration::from_millis(1);
        for t in [until, self.stack.poll_at(now), self.handle.poll_at()]
            .into_iter()
            .flatten()
        {
            due = due.min(t);
        }
        if let Some(d) = due.checked_duration_since(now) {
            std::thread::sleep(StdDuration::from_millis(d.as_ticks().min(1)));
        }
    }
    fn exec(&mut self, layer: &mut L, cmd: &Cmd, now: Instant) -> Result<(), ClientError> {
        let r = layer.exec(&mut self.stack.connection(&mut self.handle), cmd, now);
        self.stack.poll(now);
        r
    }
    fn abort(&mut self) {
        self.stack.connection(&mut self.handle).abort();
    }
}

/// How the loop ends the tool besides the App.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// `-W`: give up (exit 27) at this time.
    pub deadline: Option<Instant>,
    pub version: Version,
    pub keepalive: u16,
}

/// Why the loop asked for the end.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stop {
    TimedOut,
    Interrupted,
    Failed(Failure),
}

/// How long a DISCONNECT and the close may take once the tool stops, before the
/// connection is reset.
const LINGER: Duration = Duration::from_millis(2_000);

/// Run the layers `L` on `net` until the tool is done; the tool's exit status.
pub fn run<L, T>(
    net: &mut T,
    layer: &mut L,
    clock: &mut StdClock,
    limits: Limits,
) -> Result<(), Failure>
where
    L: Observe,
    T: Transport<L>,
{
    let mut stop: Option<(Stop, Instant)> = None;
    // When the MQTT session ended (the transport may still be closing).
    let mut ended_at: Option<Instant> = None;
    loop {
        let now = clock.now();
        net.drive(layer, now);
        if !net.active() {
            break;
        }
        let state = layer.state();
        if stop.is_none() {
            let why = if crate::signal::interrupted() {
                Some(Stop::Interrupted)
            } else if limits.deadline.is_some_and(|d| now >= d) {
                Some(Stop::TimedOut)
            } else {
                layer.app_mut().failure().map(Stop::Failed)
            };
            if let Some(why) = why {
                if state.connected {
                    let _ = net.exec(layer, &Cmd::Disconnect, now);
                }
                stop = Some((why, now));
            }
        }
        if stop.is_none() {
            while let Some(cmd) = layer
                .app_mut()
                .next_command(state.connected, state.in_flight)
            {
                if let Err(e) = net.exec(layer, &cmd, now) {
                    if !layer.app_mut().command_failed(cmd, e) {
                        let f =
                            Failure::new(exit::PROTOCOL, format!("Error: cannot publish: {e}."));
                        layer.app_mut().note_failure(f);
                    }
                    break;
                }
            }
        }
        let state = layer.state();
        if ended_at.is_none() && state.ended.is_some() {
            ended_at = Some(now);
        }
        let linger_from = stop.as_ref().map(|s| s.1).or(ended_at);
        if let Some(t) = linger_from {
            if now >= t + LINGER {
                net.abort();
                break;
            }
        }
        let mut wake = [
            limits.deadline,
            state.poll_at,
            linger_from.map(|t| t + LINGER),
        ]
        .into_iter()
        .flatten()
        .min();
        if let Some(tick) = layer.app().tick() {
            let t = now + Duration::from_millis(tick.as_millis() as u64);
            wake = Some(wake.map_or(t, |w| w.min(t)));
        }
        if crate::signal::interrupted() && stop.is_none() {
            wake = Some(now);
        }
        net.wait(wake, now);
    }
    conclude(layer, stop.map(|s| s.0), limits)
}

/// The exit status once the loop ended.
fn conclude<L: Observe>(layer: &mut L, stop: Option<Stop>, limits: Limits) -> Result<(), Failure> {
    let state = layer.state();
    conclude_with(layer, stop, limits).map_err(|f| match state.connacked || f.code == exit::USAGE {
        true => f,
        false => before_connack(f, limits),
    })
}

/// A failure before the broker accepted the connection: the usual causes, named.
fn before_connack(mut f: Failure, limits: Limits) -> Failure {
    let hint = match f.code {
        exit::CONN_LOST | exit::ERRNO => Some(
            "This happened before the broker's CONNACK: is it a TLS port (then --cafile), or a plain one given TLS options?",
        ),
        exit::MALFORMED | exit::PROTOCOL => Some(match limits.version {
            Version::V311 => "This happened before the broker's CONNACK: does it answer MQTT 5.0 (-V mqttv5) rather than the 3.1.1 asked for?",
            _ => "This happened before the broker's CONNACK: does it answer MQTT 3.1.1 rather than the 5.0 asked for?",
        }),
        _ => None,
    };
    if let Some(h) = hint {
        f.message.push('\n');
        f.message.push_str(h);
    }
    f
}

fn conclude_with<L: Observe>(
    layer: &mut L,
    stop: Option<Stop>,
    limits: Limits,
) -> Result<(), Failure> {
    match stop {
        Some(Stop::Interrupted) => return Ok(()),
        Some(Stop::TimedOut) => return Err(Failure::new(exit::TIMEOUT, "Timed out")),
        Some(Stop::Failed(f)) => return Err(f),
        None => {}
    }
    if let Some(f) = layer.app_mut().failure() {
        return Err(f);
    }
    let state = layer.state();
    if layer.app().finished() && state.ended == Some(Disconnected::Requested) {
        return Ok(());
    }
    // The broker's refusal or protocol fault is more precise than the transport's end
    // that followed it; a transport fault is all there is otherwise.
    match (state.ended, layer.fault()) {
        (Some(Disconnected::Transport) | None, Some(f)) => {
            Err(Failure::new(f.code, f.message.clone()))
        }
        (Some(why), _) => Err(exit::disconnected(why, limits.version, limits.keepalive)),
        (None, None) => Err(Failure::new(
            exit::CONN_LOST,
            "Error: the connection ended before the MQTT session started.",
        )),
    }
}

/// `now + secs`.
pub fn after_secs(clock: &mut StdClock, secs: u32) -> Instant {
    clock.now() + Duration::from_secs(u64::from(secs))
}
