//! The command line: mosquitto_pub's and mosquitto_sub's flags with their meanings, checked
//! the way mosquitto checks them (and a little stricter where mosquitto lets a mistake
//! through), into a [`Config`].

use std::ffi::OsString;
use std::path::PathBuf;

use rawnet_mqtt::wire::{QoS, Version};

use crate::exit::Failure;
use crate::props::{PropArg, PropCommand};

/// Which tool parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// rawnet-pub.
    Pub,
    /// rawnet-sub.
    Sub,
}

impl Tool {
    /// The program's name.
    pub fn name(self) -> &'static str {
        match self {
            Tool::Pub => "rawnet-pub",
            Tool::Sub => "rawnet-sub",
        }
    }
}

/// Where the TCP connection comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StackKind {
    /// The host's own TCP (a kernel socket driven like a rawnet-tcp connection).
    #[default]
    Host,
    /// The whole embedded stack (rawnet-eth, smoltcp with DHCP, rawnet-tcp) behind libslirp,
    /// forwarding to the broker's address only.
    Slirp,
    /// The whole embedded stack on a TAP interface (root): DHCP and DNS from that network.
    Tap(String),
}

/// What rawnet-pub sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `-m`: this message.
    Message(Vec<u8>),
    /// `-n`: an empty message.
    Null,
    /// `-f`: a file's contents, streamed.
    File(PathBuf),
    /// `-s`: all of standard input, as one message.
    Stdin,
    /// `-l`: one message per line of standard input.
    Lines,
}

/// The last will.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WillArgs {
    pub topic: String,
    pub payload: Vec<u8>,
    pub qos: QoS,
    pub retain: bool,
}

/// TLS settings; TLS is on when any is given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TlsArgs {
    pub cafile: Option<PathBuf>,
    pub capath: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    pub insecure: bool,
    pub alpn: Vec<String>,
    pub version: Option<String>,
}

impl TlsArgs {
    /// Whether any TLS option was given.
    pub fn enabled(&self) -> bool {
        self.cafile.is_some()
            || self.capath.is_some()
            || self.cert.is_some()
            || self.insecure
            || !self.alpn.is_empty()
            || self.version.is_some()
    }
}

/// Everything the command line says.
#[derive(Debug, Clone)]
pub struct Config {
    pub tool: Tool,
    pub host: String,
    pub port: Option<u16>,
    pub id: Option<String>,
    pub id_prefix: Option<String>,
    pub keepalive: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub version: Version,
    /// Clean session / clean start (`-c` turns it off).
    pub clean: bool,
    pub session_expiry: Option<u32>,
    pub qos: QoS,
    pub will: Option<WillArgs>,
    pub tls: TlsArgs,
    pub stack: StackKind,
    pub debug: bool,
    pub quiet: bool,
    /// `-W`: seconds until the tool gives up.
    pub timeout: Option<u32>,
    pub nodelay: bool,
    pub props: Vec<PropArg>,
    pub topics: Vec<String>,
    // rawnet-pub
    pub source: Option<Source>,
    pub retain: bool,
    // rawnet-sub
    pub count: Option<u32>,
    pub no_stale: bool,
    pub retained_only: bool,
    pub exit_after_sub: bool,
    pub verbose: bool,
    pub no_eol: bool,
    pub format: Option<String>,
    pub filter_out: Vec<String>,
    pub unsubscribe: Vec<String>,
}

impl Config {
    fn new(tool: Tool) -> Self {
        Config {
            tool,
            host: "localhost".into(),
            port: None,
            id: None,
            id_prefix: None,
            keepalive: 60,
            username: None,
            password: None,
            version: Version::V311,
            clean: true,
            session_expiry: None,
            qos: QoS::AtMostOnce,
            will: None,
            tls: TlsArgs::default(),
            stack: StackKind::Host,
            debug: false,
            quiet: false,
            timeout: None,
            nodelay: false,
            props: Vec::new(),
            topics: Vec::new(),
            source: None,
            retain: false,
            count: None,
            no_stale: false,
            retained_only: false,
            exit_after_sub: false,
            verbose: false,
            no_eol: false,
            format: None,
            filter_out: Vec::new(),
            unsubscribe: Vec::new(),
        }
    }

    /// The port to connect to: `-p`, else 8883 with TLS and 1883 without.
    pub fn port(&self) -> u16 {
        self.port
            .unwrap_or(if self.tls.enabled() { 8883 } else { 1883 })
    }

    /// The client identifier: `-i`, `-I` + the process id, or the tool's name + the
    /// process id.
    pub fn client_id(&self) -> String {
        match (&self.id, &self.id_prefix) {
            (Some(id), _) => id.clone(),
            (None, Some(prefix)) => format!("{prefix}{}", std::process::id()),
            (None, None) => format!("{}-{}", self.tool.name(), std::process::id()),
        }
    }
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Parsed {
    Run(Box<Config>),
    Help,
    Version,
}

fn usage(tool: Tool, msg: impl Into<String>) -> Failure {
    Failure::usage(format!(
        "{}\nUse '{} --help' to see usage.",
        msg.into(),
        tool.name()
    ))
}

/// Parse `args` (without the program name) for `tool`.
pub fn parse(tool: Tool, args: impl IntoIterator<Item = OsString>) -> Result<Parsed, Failure> {
    let mut words = Vec::new();
    for a in args {
        match a.into_string() {
            Ok(s) => words.push(s),
            Err(a) => return Err(usage(tool, format!("Error: argument {a:?} is not UTF-8."))),
        }
    }
    let mut c = Config::new(tool);
    let mut it = words.into_iter();
    let (mut will_payload, mut will_qos, mut will_retain) = (None, None, false);
    let mut will_topic = None;
    let mut disable_clean = false;
    while let Some(flag) = it.next() {
        let mut value = |what: &str| {
            it.next().ok_or_else(|| {
                usage(
                    tool,
                    format!("Error: {flag} argument given but no {what} specified."),
                )
            })
        };
        let both = matches!(
            flag.as_str(),
            "-h" | "--host"
                | "-p"
                | "--port"
                | "-t"
                | "--topic"
                | "-q"
                | "--qos"
                | "-i"
                | "--id"
                | "-I"
                | "--id-prefix"
                | "-k"
                | "--keepalive"
                | "-u"
                | "--username"
                | "-P"
                | "--pw"
                | "-V"
                | "--protocol-version"
                | "-W"
                | "-x"
                | "-d"
                | "--debug"
                | "-c"
                | "--disable-clean-session"
                | "-D"
                | "--property"
                | "--quiet"
                | "--nodelay"
                | "--will-topic"
                | "--will-payload"
                | "--will-qos"
                | "--will-retain"
                | "--cafile"
                | "--capath"
                | "--cert"
                | "--key"
                | "--insecure"
                | "--tls-version"
                | "--alpn"
                | "--tls-alpn"
                | "--stack"
                | "--tap-if"
                | "--help"
                | "--version"
        );
        let for_pub = matches!(
            flag.as_str(),
            "-m" | "--message"
                | "-f"
                | "--file"
                | "-s"
                | "--stdin-file"
                | "-l"
                | "--stdin-line"
                | "-n"
                | "--null-message"
                | "-r"
                | "--retain"
        );
        let for_sub = matches!(
            flag.as_str(),
            "-C" | "-R"
                | "-N"
                | "-v"
                | "--verbose"
                | "-E"
                | "-F"
                | "-T"
                | "--filter-out"
                | "-U"
                | "--unsubscribe"
                | "--retained-only"
        );
        let ours = both || (tool == Tool::Pub && for_pub) || (tool == Tool::Sub && for_sub);
        if !ours {
            return Err(unknown(tool, &flag, for_pub || for_sub));
        }
        match flag.as_str() {
            "--help" => return Ok(Parsed::Help),
            "--version" => return Ok(Parsed::Version),
            "-h" | "--host" => c.host = value("host")?,
            "-p" | "--port" => {
                let v = value("port")?;
                c.port = Some(number(tool, &v, 1, 65535, "Invalid port given")? as u16);
            }
            "-t" | "--topic" => {
                let t = value("topic")?;
                if tool == Tool::Pub && !c.topics.is_empty() {
                    return Err(usage(tool, "Error: Only one topic can be given with -t."));
                }
                c.topics.push(t);
            }
            "-q" | "--qos" => c.qos = qos(tool, &value("QoS")?)?,
            "-i" | "--id" => c.id = Some(value("id")?),
            "-I" | "--id-prefix" => c.id_prefix = Some(value("id prefix")?),
            "-k" | "--keepalive" => {
                let v = value("keepalive")?;
                c.keepalive = number(
                    tool,
                    &v,
                    5,
                    65535,
                    "Invalid keepalive given, it must be between 5 and 65535 inclusive",
                )? as u16;
            }
            "-u" | "--username" => c.username = Some(value("username")?),
            "-P" | "--pw" => c.password = Some(value("password")?),
            "-V" | "--protocol-version" => {
                c.version = match value("protocol version")?.as_str() {
                    "mqttv5" | "5" => Version::V5,
                    "mqttv311" | "311" => Version::V311,
                    "mqttv31" | "31" => {
                        return Err(usage(
                            tool,
                            "Error: MQTT 3.1 (mqttv31) is not supported: rawnet speaks 3.1.1 (mqttv311) and 5.0 (mqttv5).",
                        ))
                    }
                    v => {
                        return Err(usage(
                            tool,
                            format!("Error: Invalid protocol version argument given: {v} (mqttv5 or mqttv311)."),
                        ))
                    }
                }
            }
            "-W" => {
                let v = value("timeout")?;
                c.timeout = Some(number(tool, &v, 1, 3_600_000, "Invalid timeout given, it must be a positive number of seconds")? as u32);
            }
            "-x" => c.session_expiry = Some(session_expiry(tool, &value("session expiry interval")?)?),
            "-d" | "--debug" => c.debug = true,
            "-c" | "--disable-clean-session" => disable_clean = true,
            "-D" | "--property" => {
                let cmd = value("command")?;
                let id = value("identifier")?;
                let cmd = PropCommand::parse(&cmd).map_err(|e| usage(tool, e))?;
                let first = value("value")?;
                let second = match id.as_str() {
                    "user-property" => Some(value("value")?),
                    _ => None,
                };
                c.props
                    .push(PropArg::parse(cmd, &id, first, second).map_err(|e| usage(tool, e))?);
            }
            "--quiet" => c.quiet = true,
            "--nodelay" => c.nodelay = true,
            "--will-topic" => will_topic = Some(value("will topic")?),
            "--will-payload" => will_payload = Some(value("will payload")?.into_bytes()),
            "--will-qos" => will_qos = Some(qos(tool, &value("will QoS")?)?),
            "--will-retain" => will_retain = true,
            "--cafile" => c.tls.cafile = Some(value("file")?.into()),
            "--capath" => c.tls.capath = Some(value("directory")?.into()),
            "--cert" => c.tls.cert = Some(value("file")?.into()),
            "--key" => c.tls.key = Some(value("file")?.into()),
            "--insecure" => c.tls.insecure = true,
            "--tls-version" => {
                let v = value("version")?;
                if v != "tlsv1.3" {
                    return Err(usage(
                        tool,
                        format!("Error: --tls-version {v}: rawnet speaks TLS 1.3 only (tlsv1.3)."),
                    ));
                }
                c.tls.version = Some(v);
            }
            "--alpn" | "--tls-alpn" => c.tls.alpn.push(value("protocol")?),
            "--stack" => {
                c.stack = match value("stack")?.as_str() {
                    "host" => StackKind::Host,
                    "slirp" => StackKind::Slirp,
                    "tap" => StackKind::Tap(String::new()),
                    s => {
                        return Err(usage(
                            tool,
                            format!("Error: --stack {s}: host, slirp or tap."),
                        ))
                    }
                }
            }
            "--tap-if" => {
                let name = value("interface")?;
                c.stack = StackKind::Tap(name);
            }
            // rawnet-pub
            "-m" | "--message" => set_source(tool, &mut c, Source::Message(value("message")?.into_bytes()))?,
            "-f" | "--file" => set_source(tool, &mut c, Source::File(value("file")?.into()))?,
            "-s" | "--stdin-file" => set_source(tool, &mut c, Source::Stdin)?,
            "-l" | "--stdin-line" => set_source(tool, &mut c, Source::Lines)?,
            "-n" | "--null-message" => set_source(tool, &mut c, Source::Null)?,
            "-r" | "--retain" => c.retain = true,
            // rawnet-sub
            "-C" => {
                let v = value("count")?;
                c.count = Some(number(tool, &v, 1, u32::MAX as u64, "Invalid message count, it must be at least 1")? as u32);
            }
            "-R" => c.no_stale = true,
            "-N" => c.no_eol = true,
            "-v" | "--verbose" => c.verbose = true,
            "-E" => c.exit_after_sub = true,
            "-F" => c.format = Some(value("format")?),
            "-T" | "--filter-out" => c.filter_out.push(value("topic")?),
            "-U" | "--unsubscribe" => c.unsubscribe.push(value("topic")?),
            "--retained-only" => c.retained_only = true,
            _ => return Err(unknown(tool, &flag, false)),
        }
    }

    // Consistency, as mosquitto checks it (and a little more).
    if c.id.is_some() && c.id_prefix.is_some() {
        return Err(usage(
            tool,
            "Error: -i and -I argument cannot be used together.",
        ));
    }
    if disable_clean {
        if c.id.is_none() && c.id_prefix.is_none() {
            return Err(usage(
                tool,
                "Error: You must provide a client id if you are using the -c option.",
            ));
        }
        c.clean = false;
        if c.session_expiry.is_none() && c.version == Version::V5 {
            c.session_expiry = Some(u32::MAX);
        }
    }
    if c.session_expiry.is_some_and(|v| v > 0) && c.version != Version::V5 {
        return Err(usage(
            tool,
            "Error: -x (session expiry interval) is MQTT 5.0: add -V mqttv5.",
        ));
    }
    if !c.props.is_empty() && c.version != Version::V5 {
        return Err(usage(
            tool,
            "Error: -D (properties) is MQTT 5.0: add -V mqttv5.",
        ));
    }
    for p in &c.props {
        p.check(tool).map_err(|e| usage(tool, e))?;
    }
    if will_topic.is_none() && (will_payload.is_some() || will_qos.is_some() || will_retain) {
        return Err(usage(
            tool,
            "Error: Will payload, QoS or retain given, but no will topic given.",
        ));
    }
    if let Some(topic) = will_topic {
        check_topic_name(tool, &topic, "Will topic")?;
        c.will = Some(WillArgs {
            topic,
            payload: will_payload.unwrap_or_default(),
            qos: will_qos.unwrap_or(QoS::AtMostOnce),
            retain: will_retain,
        });
    }
    if c.tls.key.is_some() != c.tls.cert.is_some() {
        return Err(usage(
            tool,
            "Error: Both certfile and keyfile must be provided if one of them is set.",
        ));
    }
    if matches!(&c.stack, StackKind::Tap(name) if name.is_empty()) {
        return Err(usage(tool, "Error: --stack tap needs --tap-if NAME."));
    }
    match tool {
        Tool::Pub => {
            if c.topics.is_empty() || c.source.is_none() {
                return Err(usage(
                    tool,
                    "Error: Both topic and message must be supplied.",
                ));
            }
            check_topic_name(tool, &c.topics[0], "Topic")?;
        }
        Tool::Sub => {
            if c.topics.is_empty() && c.unsubscribe.is_empty() {
                return Err(usage(
                    tool,
                    "Error: You must specify a topic to subscribe to.",
                ));
            }
            for t in c.topics.iter().chain(&c.unsubscribe).chain(&c.filter_out) {
                check_topic_filter(tool, t)?;
            }
            if c.no_stale && c.retained_only {
                return Err(usage(
                    tool,
                    "Error: -R and --retained-only cannot be used together.",
                ));
            }
            if let Some(f) = &c.format {
                crate::format::Format::parse(f).map_err(|e| usage(tool, e))?;
            }
        }
    }
    Ok(Parsed::Run(Box::new(c)))
}

fn set_source(tool: Tool, c: &mut Config, s: Source) -> Result<(), Failure> {
    if c.source.is_some() {
        return Err(usage(
            tool,
            "Error: Only one type of message can be sent at once.",
        ));
    }
    c.source = Some(s);
    Ok(())
}

fn unknown(tool: Tool, flag: &str, other_tool: bool) -> Failure {
    let known_elsewhere = [
        "-A",
        "-L",
        "--unix",
        "--proxy",
        "--psk",
        "--psk-identity",
        "--ciphers",
        "--tls-engine",
        "--keyform",
        "--tls-engine-kpass-sha1",
        "--tls-use-os-certs",
        "-M",
        "--repeat",
        "--repeat-delay",
        "--random-filter",
        "--pretty",
        "--remove-retained",
    ];
    if other_tool {
        let other = match tool {
            Tool::Pub => "rawnet-sub",
            Tool::Sub => "rawnet-pub",
        };
        usage(
            tool,
            format!(
                "Error: {flag} is an option of {other}, not of {}.",
                tool.name()
            ),
        )
    } else if known_elsewhere.contains(&flag) {
        usage(
            tool,
            format!(
                "Error: {flag} is a mosquitto option that {} does not have (docs/tools.md lists the differences).",
                tool.name()
            ),
        )
    } else {
        usage(tool, format!("Error: Unknown option '{flag}'."))
    }
}

fn number(tool: Tool, v: &str, min: u64, max: u64, what: &str) -> Result<u64, Failure> {
    match v.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(usage(tool, format!("Error: {what}: {v}."))),
    }
}

fn qos(tool: Tool, v: &str) -> Result<QoS, Failure> {
    match v {
        "0" => Ok(QoS::AtMostOnce),
        "1" => Ok(QoS::AtLeastOnce),
        "2" => Ok(QoS::ExactlyOnce),
        _ => Err(usage(tool, format!("Error: Invalid QoS given: {v}."))),
    }
}

fn session_expiry(tool: Tool, v: &str) -> Result<u32, Failure> {
    match v {
        "-1" | "∞" => Ok(u32::MAX),
        _ => number(
            tool,
            v,
            0,
            u32::MAX as u64,
            "Invalid session-expiry-interval given (0 to 4294967295, or -1 for none)",
        )
        .map(|n| n as u32),
    }
}

/// A topic name to publish to: no wildcards, not empty, at most 65,535 bytes, no NUL.
fn check_topic_name(tool: Tool, t: &str, what: &str) -> Result<(), Failure> {
    if t.is_empty() || t.len() > 65535 || t.contains(['+', '#', '\0']) {
        return Err(usage(
            tool,
            format!("Error: {what} '{t}' is not a valid topic name (not empty, no + # or NUL)."),
        ));
    }
    Ok(())
}

/// A topic filter: `+` and `#` only as whole levels, `#` last.
fn check_topic_filter(tool: Tool, t: &str) -> Result<(), Failure> {
    let levels: Vec<&str> = t.split('/').collect();
    let bad_level = levels.iter().enumerate().any(|(i, l)| {
        (l.contains('+') && *l != "+") || (l.contains('#') && (*l != "#" || i + 1 != levels.len()))
    });
    if t.is_empty() || t.len() > 65535 || t.contains('\0') || bad_level {
        return Err(usage(
            tool,
            format!(
                "Error: Invalid subscription topic '{t}', are all '+' and '#' wildcards correct?"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
#[path = "args_tests.rs"]
mod tests;
