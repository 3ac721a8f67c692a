//! rawnet-sub's handler: subscribe once the broker accepted the connection, print every
//! message as it arrives, disconnect after `-C` messages (or the SUBACK with `-E`).
//!
//! Payloads are streamed to standard output piece by piece as the client delivers them
//! (`message_data`), so a message of any size passes in the memory of the client's buffers.
//! The disconnect after the last message waits until nothing is in flight either way
//! (`disconnect_when_idle`): a QoS 2 message is released by the broker's PUBREL and our
//! PUBCOMP before the DISCONNECT.

use std::io::{self, BufWriter, Stdout, Write};

use rawnet_mqtt::client::{Commands, Connected, Granted, Handler, Message, RequestError};
use rawnet_mqtt::wire::{PacketId, Properties, QoS, Subscription};

use crate::args::Config;
use crate::exit::{self, Failure};
use crate::format::Format;
use crate::link::App;
use crate::props::{self, PropArg, PropCommand};

/// The message being printed: what the format prints after its payload.
struct Printing {
    tail: Vec<u8>,
}

/// rawnet-sub's [`Handler`].
pub struct Subscriber {
    topics: Vec<String>,
    qos: QoS,
    sub_props: Vec<PropArg>,
    unsubscribe: Vec<String>,
    unsub_props: Vec<PropArg>,
    filter_out: Vec<String>,
    no_stale: bool,
    retained_only: bool,
    exit_after_sub: bool,
    count: Option<u32>,
    no_eol: bool,
    debug: bool,
    format: Format,
    out: BufWriter<Stdout>,
    current: Option<Printing>,
    received: u32,
    subscribed: bool,
    finished: bool,
    failure: Option<Failure>,
}

impl Subscriber {
    pub fn new(cfg: &Config) -> Self {
        let format = match (&cfg.format, cfg.verbose) {
            // Checked when the command line was read.
            (Some(f), _) => Format::parse(f).unwrap_or_else(|_| Format::payload_only()),
            (None, true) => Format::verbose(),
            (None, false) => Format::payload_only(),
        };
        let only = |c| {
            cfg.props
                .iter()
                .filter(|p| p.command == c)
                .cloned()
                .collect()
        };
        Subscriber {
            topics: cfg.topics.clone(),
            qos: cfg.qos,
            sub_props: only(PropCommand::Subscribe),
            unsubscribe: cfg.unsubscribe.clone(),
            unsub_props: only(PropCommand::Unsubscribe),
            filter_out: cfg.filter_out.clone(),
            no_stale: cfg.no_stale,
            retained_only: cfg.retained_only,
            exit_after_sub: cfg.exit_after_sub,
            count: cfg.count,
            no_eol: cfg.no_eol,
            debug: cfg.debug,
            format,
            out: BufWriter::with_capacity(64 * 1024, io::stdout()),
            current: None,
            received: 0,
            subscribed: false,
            finished: false,
            failure: None,
        }
    }

    /// Stop after this message, or because the output is gone.
    fn done(&mut self, client: &mut impl Commands) {
        self.finished = true;
        client.disconnect_when_idle();
    }

    fn wrote(&mut self, r: io::Result<()>, client: &mut impl Commands) {
        if let Err(e) = r {
            self.current = None;
            if e.kind() != io::ErrorKind::BrokenPipe {
                self.failure.get_or_insert(Failure::new(
                    exit::USAGE,
                    format!("Error: cannot write the output: {e}."),
                ));
            }
            self.done(client);
        }
    }
}

/// Whether `topic` matches the subscription filter `filter` (MQTT's `+` and `#`; a topic
/// starting with `$` matches no filter starting with a wildcard).
pub fn matches(filter: &str, topic: &str) -> bool {
    if topic.starts_with('$') && (filter.starts_with('+') || filter.starts_with('#')) {
        return false;
    }
    let mut t = topic.split('/');
    for f in filter.split('/') {
        match (f, t.next()) {
            ("#", _) => return true,
            ("+", Some(_)) => {}
            (f, Some(level)) if f == level => {}
            _ => return false,
        }
    }
    t.next().is_none()
}

impl Handler for Subscriber {
    fn connected(&mut self, info: &Connected<'_>, client: &mut impl Commands) {
        if self.debug {
            eprintln!(
                "rawnet-sub: CONNACK accepted (session present {}, keep-alive {} s)",
                u8::from(info.session_present),
                info.keep_alive
            );
        }
        if !self.topics.is_empty() {
            let subs: Vec<_> = self
                .topics
                .iter()
                .map(|t| Subscription::new(t, self.qos))
                .collect();
            let props = props::for_command(&self.sub_props, PropCommand::Subscribe);
            if let Err(e) = client.subscribe_with_properties(&subs, Properties::from_slice(&props))
            {
                self.failure.get_or_insert(Failure::new(
                    exit::PROTOCOL,
                    format!("Error: cannot subscribe: {e}."),
                ));
                client.disconnect();
                return;
            }
        }
        if !self.unsubscribe.is_empty() {
            let filters: Vec<&str> = self.unsubscribe.iter().map(String::as_str).collect();
            let props = props::for_command(&self.unsub_props, PropCommand::Unsubscribe);
            if let Err(e) =
                client.unsubscribe_with_properties(&filters, Properties::from_slice(&props))
            {
                self.failure.get_or_insert(Failure::new(
                    exit::PROTOCOL,
                    format!("Error: cannot unsubscribe: {e}."),
                ));
                client.disconnect();
            }
        }
        if self.topics.is_empty() && self.exit_after_sub {
            self.done(client);
        }
    }

    fn subscribed(
        &mut self,
        _id: PacketId,
        result: Result<Granted<'_>, RequestError>,
        client: &mut impl Commands,
    ) {
        let codes = match result {
            Ok(codes) => codes,
            Err(e) => {
                if self.debug {
                    eprintln!("rawnet-sub: SUBSCRIBE not answered: {e}");
                }
                return;
            }
        };
        let mut denied = Vec::new();
        for (topic, code) in self.topics.iter().zip(codes.iter()) {
            if code.is_error() {
                denied.push(format!("{topic}: {}", exit::reason_text(code)));
            } else if self.debug {
                eprintln!("rawnet-sub: subscribed to {topic} ({code:?})");
            }
        }
        self.subscribed = true;
        if !denied.is_empty() && denied.len() == self.topics.len() {
            self.failure.get_or_insert(Failure::new(
                exit::DENIED,
                format!(
                    "All subscription requests were denied ({}).",
                    denied.join("; ")
                ),
            ));
            client.disconnect();
            return;
        }
        for d in &denied {
            eprintln!("Warning: subscription denied: {d}");
        }
        if self.exit_after_sub {
            self.done(client);
        }
    }

    fn message_start(&mut self, m: &Message<'_>, client: &mut impl Commands) {
        if self.finished {
            return;
        }
        if self.retained_only && !m.retain {
            // The first live message: every retained one was printed.
            self.done(client);
            return;
        }
        if (self.no_stale && m.retain) || self.filter_out.iter().any(|f| matches(f, m.topic)) {
            return;
        }
        if self.debug {
            eprintln!(
                "rawnet-sub: PUBLISH (d{}, q{}, r{}, '{}', ... ({} bytes))",
                u8::from(m.dup),
                m.qos.bits(),
                u8::from(m.retain),
                m.topic,
                m.len
            );
        }
        match self.format.start(&mut self.out, m) {
            Ok(tail) => self.current = Some(Printing { tail }),
            Err(e) => self.wrote(Err(e), client),
        }
    }

    fn message_data(&mut self, data: &[u8], last: bool, client: &mut impl Commands) {
        if self.current.is_none() {
            return;
        }
        let r = self.format.data(&mut self.out, data);
        self.wrote(r, client);
        if !last {
            return;
        }
        let Some(p) = self.current.take() else {
            return;
        };
        let r = self
            .format
            .end(&mut self.out, &p.tail, self.no_eol)
            .and_then(|()| self.out.flush());
        self.wrote(r, client);
        self.received = self.received.saturating_add(1);
        if self.count.is_some_and(|c| self.received >= c) {
            self.done(client);
        }
    }
}

impl App for Subscriber {
    fn finished(&self) -> bool {
        self.finished
    }

    fn failure(&mut self) -> Option<Failure> {
        self.failure.take()
    }

    fn note_failure(&mut self, f: Failure) {
        self.failure.get_or_insert(f);
    }
}

impl Drop for Subscriber {
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn topic_filters_match_as_mqtt_says() {
        assert!(matches("a/+/c", "a/b/c"));
        assert!(matches("a/#", "a"));
        assert!(matches("a/#", "a/b/c"));
        assert!(matches("#", "a/b"));
        assert!(!matches("#", "$SYS/x"));
        assert!(!matches("+/x", "$SYS/x"));
        assert!(matches("$SYS/#", "$SYS/x"));
        assert!(!matches("a/+", "a/b/c"));
        assert!(!matches("a/b", "a"));
        assert!(matches("+", ""));
        assert!(matches("a//c", "a//c"));
    }
}
