//! rawnet-pub's handler: publish what `-m`, `-n`, `-f`, `-s` or `-l` gives once the broker
//! accepted the connection, then disconnect once every message is acknowledged.
//!
//! A file (`-f`, or `-s` when standard input is a file) is streamed: its length goes into
//! the PUBLISH header (`publish_streamed`) and its bytes are read as the output ring drains
//! (`Handler::next_payload`), so a file larger than memory goes out in bounded memory.
//! Standard input that is a pipe is read whole first (its length is not known before),
//! as mosquitto_pub does.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration as StdDuration;

use rawnet_mqtt::client::{
    Commands, Connected, Error as ClientError, Handler, Publication, RequestError,
};
use rawnet_mqtt::wire::{PacketId, Properties, QoS, ReasonCode};

use crate::exit::{self, Failure};
use crate::link::{App, Cmd, Message};
use crate::props::{PropArg, PropCommand};

/// What is sent, ready.
pub enum Payload {
    /// In memory (`-m`, `-n`, `-s` from a pipe).
    Bytes(Vec<u8>),
    /// A file of this length, read as it goes out.
    File { file: BufReader<File>, len: u64 },
    /// `-l`: lines from a reader thread.
    Lines(Receiver<std::io::Result<Vec<u8>>>),
}

/// rawnet-pub's [`Handler`].
pub struct Publisher {
    topic: String,
    qos: QoS,
    retain: bool,
    props: Vec<PropArg>,
    payload: Payload,
    debug: bool,
    /// The one message was handed to the client.
    sent: bool,
    /// A line refused for lack of room, to give again.
    pending: Option<Cmd>,
    lines_done: bool,
    finished: bool,
    failure: Option<Failure>,
    published: u64,
}

impl Publisher {
    pub fn new(cfg: &crate::args::Config, payload: Payload) -> Self {
        Publisher {
            topic: cfg.topics[0].clone(),
            qos: cfg.qos,
            retain: cfg.retain,
            props: cfg
                .props
                .iter()
                .filter(|p| p.command == PropCommand::Publish)
                .cloned()
                .collect(),
            payload,
            debug: cfg.debug,
            sent: false,
            pending: None,
            lines_done: false,
            finished: false,
            failure: None,
            published: 0,
        }
    }

    fn fail(&mut self, f: Failure, client: &mut impl Commands) {
        if self.failure.is_none() {
            self.failure = Some(f);
        }
        client.disconnect();
    }
}

impl Handler for Publisher {
    fn connected(&mut self, info: &Connected<'_>, client: &mut impl Commands) {
        if self.debug {
            eprintln!(
                "rawnet-pub: CONNACK accepted (session present {}, keep-alive {} s)",
                u8::from(info.session_present),
                info.keep_alive
            );
        }
        if self.sent {
            return;
        }
        let props: Vec<_> = self.props.iter().map(PropArg::property).collect();
        let base = Publication::new(&self.topic, &[])
            .qos(self.qos)
            .retain(self.retain)
            .properties(Properties::from_slice(&props));
        let r = match &self.payload {
            Payload::Bytes(b) => client.publish(&Publication { payload: b, ..base }),
            Payload::File { len, .. } => match usize::try_from(*len) {
                Ok(len) => client.publish_streamed(&base, len),
                Err(_) => Err(ClientError::PacketTooLarge),
            },
            Payload::Lines(_) => return,
        };
        self.sent = true;
        match r {
            Ok(_) => {
                self.finished = true;
                client.disconnect_when_idle();
            }
            Err(e) => self.fail(
                Failure::new(exit::PROTOCOL, format!("Error: cannot publish: {e}.")),
                client,
            ),
        }
    }

    fn published(
        &mut self,
        id: Option<PacketId>,
        result: Result<ReasonCode, RequestError>,
        client: &mut impl Commands,
    ) {
        match result {
            Ok(code) => {
                self.published += 1;
                if self.debug {
                    eprintln!(
                        "rawnet-pub: message {} acknowledged ({code:?})",
                        id.map_or(0, |i| i.get())
                    );
                }
            }
            Err(RequestError::Rejected(code)) => self.fail(
                Failure::new(
                    exit::DENIED,
                    format!(
                        "Error: the broker rejected the message: {} (reason code 0x{:02x}).",
                        exit::reason_text(code),
                        code as u8
                    ),
                ),
                client,
            ),
            Err(e) => {
                // The connection is ending: its reason is the tool's exit status.
                if self.debug {
                    eprintln!("rawnet-pub: message not delivered: {e}");
                }
                self.finished = false;
            }
        }
    }

    fn next_payload(&mut self, buf: &mut [u8]) -> usize {
        let Payload::File { file, .. } = &mut self.payload else {
            return 0;
        };
        match file.read(buf) {
            Ok(n) => n,
            Err(e) => {
                self.failure.get_or_insert(Failure::new(
                    exit::USAGE,
                    format!("Error: cannot read the message file: {e}."),
                ));
                0
            }
        }
    }
}

impl App for Publisher {
    fn finished(&self) -> bool {
        self.finished
    }

    fn failure(&mut self) -> Option<Failure> {
        self.failure.take()
    }

    fn note_failure(&mut self, f: Failure) {
        self.failure.get_or_insert(f);
    }

    fn next_command(&mut self, connected: bool, in_flight: usize) -> Option<Cmd> {
        let Payload::Lines(rx) = &self.payload else {
            return None;
        };
        if !connected || self.lines_done || in_flight >= 8 {
            return None;
        }
        if let Some(cmd) = self.pending.take() {
            return Some(cmd);
        }
        match rx.try_recv() {
            Ok(Ok(line)) => Some(Cmd::Publish(Message {
                topic: self.topic.clone(),
                payload: line,
                qos: self.qos,
                retain: self.retain,
                props: self.props.clone(),
            })),
            Ok(Err(e)) => {
                self.failure.get_or_insert(Failure::new(
                    exit::USAGE,
                    format!("Error: cannot read standard input: {e}."),
                ));
                None
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.lines_done = true;
                self.finished = true;
                Some(Cmd::DisconnectWhenIdle)
            }
        }
    }

    fn command_failed(&mut self, cmd: Cmd, e: ClientError) -> bool {
        match e {
            // No room now: the same line again at the next step.
            ClientError::OutputFull
            | ClientError::TooManyRequests
            | ClientError::ReceiveMaximum => {
                self.pending = Some(cmd);
                true
            }
            _ => false,
        }
    }

    fn tick(&self) -> Option<StdDuration> {
        match self.payload {
            Payload::Lines(_) if !self.lines_done => Some(StdDuration::from_millis(20)),
            _ => None,
        }
    }
}

/// Standard input line by line, on a thread (the loop never blocks on it).
pub fn stdin_lines() -> Receiver<std::io::Result<Vec<u8>>> {
    let (tx, rx) = std::sync::mpsc::sync_channel(64);
    std::thread::spawn(move || {
        let mut input = std::io::stdin().lock();
        loop {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => return,
                Ok(_) => {
                    if line.last() == Some(&b'\n') {
                        line.pop();
                        if line.last() == Some(&b'\r') {
                            line.pop();
                        }
                    }
                    if tx.send(Ok(line)).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        }
    });
    rx
}

/// The payload of a `-f` file, or of `-s`.
pub fn open_file(path: &std::path::Path) -> Result<Payload, Failure> {
    let bad = |e: std::io::Error| {
        Failure::new(
            exit::USAGE,
            format!("Error: Unable to read file {}: {e}.", path.display()),
        )
    };
    let file = File::open(path).map_err(bad)?;
    let meta = file.metadata().map_err(bad)?;
    if !meta.is_file() {
        return Err(Failure::new(
            exit::USAGE,
            format!("Error: {} is not a regular file.", path.display()),
        ));
    }
    Ok(Payload::File {
        file: BufReader::with_capacity(64 * 1024, file),
        len: meta.len(),
    })
}

/// `-s`: standard input as one message; streamed when it is a regular file.
pub fn stdin_whole() -> Result<Payload, Failure> {
    use std::io::Seek;
    use std::os::fd::AsFd;
    let stdin = std::io::stdin();
    if let Ok(fd) = stdin.as_fd().try_clone_to_owned() {
        let mut file = File::from(fd);
        if let (Ok(meta), Ok(at)) = (file.metadata(), file.stream_position()) {
            if meta.is_file() {
                return Ok(Payload::File {
                    file: BufReader::with_capacity(64 * 1024, file),
                    len: meta.len().saturating_sub(at),
                });
            }
        }
    }
    let mut all = Vec::new();
    stdin.lock().read_to_end(&mut all).map_err(|e| {
        Failure::new(
            exit::USAGE,
            format!("Error: cannot read standard input: {e}."),
        )
    })?;
    Ok(Payload::Bytes(all))
}
