//! Exit codes and the messages that go with them.
//!
//! mosquitto's rule is kept: a connection refused at the MQTT level exits with the CONNACK
//! reason code (MQTT 3.1.1: 1 to 5; MQTT 5.0: the reason code, 128 and up), anything else
//! with a libmosquitto error number of the same meaning. rawnet names more of the faults,
//! each with its own message and one of these numbers:
//!
//! | code | mosquitto's name | when |
//! |---:|---|---|
//! | 0 | `MOSQ_ERR_SUCCESS` | done (also after Ctrl-C) |
//! | 1 | — | bad command line, unreadable input file |
//! | 1–5 | CONNACK return code (3.1.1) | the broker refused the connection |
//! | 2 | `MOSQ_ERR_PROTOCOL` | the broker broke the protocol (a packet not allowed now, a wrong identifier, a protocol version it was not asked for) |
//! | 7 | `MOSQ_ERR_CONN_LOST` | the broker closed or reset the connection, or sent DISCONNECT |
//! | 8 | `MOSQ_ERR_TLS` | TLS failed: the certificate (with the reason), an alert, a TLS violation |
//! | 12 | `MOSQ_ERR_ACL_DENIED` | every subscription refused, or a publish rejected (MQTT 5.0 reason code in the message) |
//! | 14 | `MOSQ_ERR_ERRNO` | the TCP connection failed (refused, unreachable, timed out) |
//! | 15 | `MOSQ_ERR_EAI` | the broker's name does not resolve |
//! | 19 | `MOSQ_ERR_KEEPALIVE` | the broker went silent for 1.5 × keep-alive |
//! | 21 | `MOSQ_ERR_MALFORMED_PACKET` | the broker sent bytes that are not MQTT |
//! | 25 | `MOSQ_ERR_OVERSIZE_PACKET` | the broker sent a packet over the limit |
//! | 27 | `MOSQ_ERR_TIMEOUT` | `-W` expired, or no CONNACK / acknowledgement in time |
//! | 128+ | CONNACK reason code (5.0) | the broker refused the connection |

use std::fmt;

use rawnet_mqtt::client::{Disconnected, ProtocolError};
use rawnet_mqtt::wire::{ReasonCode, Version};
use rawnet_tcp::TcpError;

pub const USAGE: i32 = 1;
pub const PROTOCOL: i32 = 2;
pub const CONN_LOST: i32 = 7;
pub const TLS: i32 = 8;
pub const DENIED: i32 = 12;
pub const ERRNO: i32 = 14;
pub const LOOKUP: i32 = 15;
pub const KEEPALIVE: i32 = 19;
pub const MALFORMED: i32 = 21;
pub const OVERSIZE: i32 = 25;
pub const TIMEOUT: i32 = 27;

/// Why a tool stops with a non-zero status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn new(code: i32, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }

    /// A command-line mistake.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(USAGE, message)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A failure of the connection below MQTT (TCP, or TLS over it), as the layer above was told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub code: i32,
    pub message: String,
}

/// Errors of the layers below MQTT, named for the user.
pub trait Classify {
    fn fault(&self) -> Fault;
}

impl Classify for TcpError {
    fn fault(&self) -> Fault {
        let code = match self {
            TcpError::TimedOut => ERRNO,
            _ => CONN_LOST,
        };
        Fault {
            code,
            message: format!("Error: the connection to the broker failed: {self}."),
        }
    }
}

impl<E: Classify + fmt::Debug> Classify for rawnet_tls::Error<E> {
    fn fault(&self) -> Fault {
        use rawnet_tls::Error as T;
        match self {
            T::Tcp(e) => e.fault(),
            T::Certificate(e) => Fault {
                code: TLS,
                message: format!(
                    "Error: TLS: the broker's certificate was rejected: {e} ({e:?}). Check --cafile/--capath and that -h names the broker as its certificate does."
                ),
            },
            T::Truncated => Fault {
                code: CONN_LOST,
                message: "Error: the broker closed the TLS connection without close_notify."
                    .into(),
            },
            T::AlertReceived(code) if *code != 40 => Fault {
                code: TLS,
                message: format!("Error: TLS: the broker sent fatal alert {code}{}.", alert_text(*code)),
            },
            e => Fault {
                code: TLS,
                message: format!("Error: TLS: {e}."),
            },
        }
    }
}

/// What a TLS alert from the broker means for the user (RFC 8446 §6).
fn alert_text(code: u8) -> &'static str {
    match code {
        42 => " (bad_certificate): it rejects our client certificate",
        43 => " (unsupported_certificate): it cannot use our client certificate",
        44 => " (certificate_revoked): our client certificate is revoked",
        45 => " (certificate_expired): our client certificate expired",
        46 => " (certificate_unknown): it rejects our client certificate",
        47 => " (illegal_parameter)",
        48 => " (unknown_ca): it does not trust the CA of our client certificate",
        50 => " (decode_error)",
        51 => " (decrypt_error)",
        70 => " (protocol_version): it does not speak TLS 1.3",
        80 => " (internal_error)",
        109 => " (missing_extension)",
        112 => " (unrecognized_name): it does not know the name given with -h",
        116 => " (certificate_required): it requires a client certificate (--cert and --key)",
        120 => " (no_application_protocol): it supports none of the --alpn protocols",
        _ => "",
    }
}

/// The exit status and message for a connection that ended with `why`, when the tool was
/// not done.
pub fn disconnected(why: Disconnected, version: Version, keepalive: u16) -> Failure {
    match why {
        Disconnected::Refused(code) => Failure::new(
            connack_exit_code(code, version),
            format!("Connection error: {}", connack_text(code, version)),
        ),
        Disconnected::ConnectTimeout => Failure::new(
            TIMEOUT,
            format!(
                "Error: the broker accepted the connection but sent no CONNACK within {} s.",
                keepalive.clamp(1, 10)
            ),
        ),
        Disconnected::KeepAliveTimeout => Failure::new(
            KEEPALIVE,
            format!(
                "Error: the broker went silent: nothing for 1.5 x keep-alive ({} ms).",
                u32::from(keepalive) * 1500
            ),
        ),
        Disconnected::RequestTimeout => Failure::new(
            TIMEOUT,
            "Error: the broker did not acknowledge a request in time (10 s).",
        ),
        Disconnected::ByServer(reason) => Failure::new(
            CONN_LOST,
            format!(
                "Error: the broker sent DISCONNECT: {} (reason code 0x{:02x}).",
                reason_text(reason),
                reason as u8
            ),
        ),
        Disconnected::Protocol(e) => protocol(e),
        Disconnected::Closed => Failure::new(
            CONN_LOST,
            "Error: the broker closed the connection (end of stream, no DISCONNECT).",
        ),
        Disconnected::Local(e) => Failure::new(USAGE, format!("Error: cannot send CONNECT: {e}.")),
        Disconnected::Requested => Failure::new(CONN_LOST, "Error: disconnected."),
        Disconnected::Transport => Failure::new(CONN_LOST, "Error: the connection failed."),
        _ => Failure::new(CONN_LOST, format!("Error: {why}.")),
    }
}

fn protocol(e: ProtocolError) -> Failure {
    let code = match e {
        ProtocolError::Malformed(_) => MALFORMED,
        ProtocolError::TooLarge => OVERSIZE,
        _ => PROTOCOL,
    };
    let detail = match e {
        ProtocolError::Malformed(w) => format!("a malformed packet ({w})"),
        ProtocolError::TooLarge => "a packet over the receive limit".into(),
        ProtocolError::Unexpected(t) => format!("a {t:?} packet that is not allowed now"),
        ProtocolError::UnknownPacketId(t, id) => {
            format!("a {t:?} for packet identifier {id}, which has no request waiting for it")
        }
        ProtocolError::ReasonCount => {
            "a SUBACK/UNSUBACK with the wrong number of reason codes".into()
        }
        ProtocolError::ReceiveMaximumExceeded => {
            "more unreleased QoS 2 messages than our Receive Maximum".into()
        }
        other => format!("{other}"),
    };
    Failure::new(
        code,
        format!("Error: the broker broke the MQTT protocol: it sent {detail}."),
    )
}

/// mosquitto's rule: the CONNACK code as the exit status (3.1.1's own codes in 3.1.1).
pub fn connack_exit_code(code: ReasonCode, version: Version) -> i32 {
    if version == Version::V311 {
        if let Some(c) = v311_return_code(code) {
            return i32::from(c);
        }
    }
    i32::from(code as u8)
}

/// The 3.1.1 CONNACK return code rawnet's client mapped onto `code`.
fn v311_return_code(code: ReasonCode) -> Option<u8> {
    Some(match code {
        ReasonCode::UnsupportedProtocolVersion => 1,
        ReasonCode::ClientIdentifierNotValid => 2,
        ReasonCode::ServerUnavailable => 3,
        ReasonCode::BadUserNameOrPassword => 4,
        ReasonCode::NotAuthorized => 5,
        _ => return None,
    })
}

/// mosquitto's CONNACK strings, for the same codes.
pub fn connack_text(code: ReasonCode, version: Version) -> String {
    match (version, v311_return_code(code)) {
        (Version::V311, Some(1)) => "Connection Refused: unacceptable protocol version".into(),
        (Version::V311, Some(2)) => "Connection Refused: identifier rejected".into(),
        (Version::V311, Some(3)) => "Connection Refused: broker unavailable".into(),
        (Version::V311, Some(4)) => "Connection Refused: bad user name or password".into(),
        (Version::V311, Some(5)) => "Connection Refused: not authorised".into(),
        _ => format!("{} (reason code 0x{:02x})", reason_text(code), code as u8),
    }
}

/// A reason code in words.
pub fn reason_text(code: ReasonCode) -> String {
    let s = format!("{code:?}");
    // CamelCase to words: "NotAuthorized" -> "not authorized".
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            out.push(' ');
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}
