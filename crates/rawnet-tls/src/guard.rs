//! The record-layer guard: what rawnet-tls lets through to embedded-tls.
//!
//! embedded-tls 0.19 hands every record whose type is not application_data to its handshake
//! or alert logic without decrypting it, after the handshake too: a plaintext close_notify
//! injected by anyone on the path ends the stream as if the server had closed it, and a
//! plaintext CertificateRequest reaches an `unimplemented!()`. The engine reads the server's
//! bytes only through rawnet-tls's transport (`Wire` in [`crate::driver`]), so every byte
//! passes [`Guard::feed`] before the engine sees it, and the guard enforces RFC 8446's record
//! rules itself:
//!
//! | stage | records that pass |
//! |---|---|
//! | until the ServerHello | one handshake record holding exactly the ServerHello, checked field by field ([`hello`]); a plaintext alert of exactly two bytes |
//! | ServerHello → handshake complete | application_data (the protected handshake); one change_cipher_spec, the single byte 1; a plaintext alert of exactly two bytes until the server's first protected record (servers do send one there: a refused client certificate, say) |
//! | after the handshake | application_data only |
//!
//! Anything else stops the session with a [`Violation`] before the engine reads the record's
//! first body byte: the offending bytes are never interpreted, nothing reaches the layer
//! above, and the fatal alert RFC 8446 prescribes ([`Violation::alert`]) is sent while the
//! handshake runs. A record longer than RFC 8446 allows (2^14 bytes of plaintext, 2^14 + 256
//! protected) stops it at its header, before anything is buffered. Protected records shorter
//! than a content type and the AEAD tag (17 bytes) are refused too: embedded-tls would index
//! an empty plaintext. The server's bytes before the handshake completes are bounded
//! ([`crate::ClientConfig::with_max_handshake_len`]).
//!
//! A plaintext alert that passes ends the session as well (every alert but close_notify is
//! fatal in TLS 1.3, and close_notify cannot precede the handshake's end): the guard names its
//! code. It also remembers the length and tag of the last protected record, so that after an
//! engine failure [`decrypted`] can find that record's plaintext where embedded-tls decrypted
//! it in place (an encrypted alert's code, a handshake message cut at the record's end).

mod hello;
#[cfg(test)]
mod tests;

pub(crate) use hello::Hello;

/// Longest plaintext record (RFC 8446 §5.1).
const MAX_PLAINTEXT: u16 = 1 << 14;
/// Longest protected record: plaintext + content type + padding + tag (RFC 8446 §5.2).
const MAX_PROTECTED: u16 = MAX_PLAINTEXT + 256;
/// Shortest protected record: content type + AES-GCM tag.
const MIN_PROTECTED: u16 = 1 + TAG_LEN as u16;
const TAG_LEN: usize = 16;

const CHANGE_CIPHER_SPEC: u8 = 20;
const ALERT: u8 = 21;
const HANDSHAKE: u8 = 22;
const APPLICATION_DATA: u8 = 23;

/// A rule of TLS 1.3 (RFC 8446) the server's byte stream broke, as rawnet-tls checks it below
/// embedded-tls. Also what someone on the path who injects records produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Violation {
    /// A record of a type not allowed at this point (its content type): a plaintext alert,
    /// handshake or change_cipher_spec record after the handshake, application data before the
    /// ServerHello, an unknown type. unexpected_message.
    UnexpectedRecord(u8),
    /// A record longer than RFC 8446 §5 allows (its length). record_overflow.
    RecordOverflow(u16),
    /// A protected record too short to hold a content type and the tag, or an empty plaintext
    /// record (its length). decode_error.
    ShortRecord(u16),
    /// A change_cipher_spec record that is not the single byte 1, or a second one.
    /// unexpected_message.
    ChangeCipherSpec,
    /// A plaintext alert record that is not exactly two bytes. decode_error.
    MalformedAlert,
    /// The server's first handshake message is not a ServerHello (its type).
    /// unexpected_message.
    NotServerHello(u8),
    /// The ServerHello's lengths do not add up. decode_error.
    MalformedServerHello,
    /// The ServerHello's legacy_version is not 0x0303. illegal_parameter.
    LegacyVersion(u16),
    /// The ServerHello's legacy_session_id_echo is not the (empty) session id we sent.
    /// illegal_parameter.
    SessionIdEcho,
    /// The ServerHello selects a cipher suite we did not offer (its code point).
    /// illegal_parameter.
    CipherSuite(u16),
    /// The ServerHello's legacy_compression_method is not 0. illegal_parameter.
    Compression(u8),
    /// The ServerHello's supported_versions selects a version other than TLS 1.3 (0x0304).
    /// illegal_parameter.
    SupportedVersion(u16),
    /// The ServerHello's key_share is for a group we sent no share for (its code point).
    /// illegal_parameter.
    KeyShareGroup(u16),
    /// The ServerHello has no key_share (we offer only psk_dhe_ke and full handshakes).
    /// missing_extension.
    MissingKeyShare,
    /// An extension appears twice in the ServerHello (its type). illegal_parameter.
    DuplicateExtension(u16),
    /// The ServerHello carries an extension we did not offer or one that does not belong in a
    /// ServerHello (its type). unsupported_extension.
    UnexpectedExtension(u16),
    /// The ServerHello's pre_shared_key selects an identity we did not offer (its index).
    /// illegal_parameter.
    PskIdentity(u16),
    /// More handshake data follows the ServerHello in its record: it must end at the key
    /// change (RFC 8446 §5.1). unexpected_message.
    ServerHelloNotAtRecordEnd,
    /// The server sent more than the configured bound of bytes before the handshake
    /// completed. handshake_failure.
    HandshakeTooLarge,
}

impl Violation {
    /// The TLS alert (RFC 8446 §6) this violation calls for.
    pub const fn alert(&self) -> u8 {
        match self {
            Violation::UnexpectedRecord(_)
            | Violation::ChangeCipherSpec
            | Violation::NotServerHello(_)
            | Violation::ServerHelloNotAtRecordEnd => 10, // unexpected_message
            Violation::RecordOverflow(_) => 22, // record_overflow
            Violation::ShortRecord(_)
            | Violation::MalformedAlert
            | Violation::MalformedServerHello => 50, // decode_error
            Violation::LegacyVersion(_)
            | Violation::SessionIdEcho
            | Violation::CipherSuite(_)
            | Violation::Compression(_)
            | Violation::SupportedVersion(_)
            | Violation::KeyShareGroup(_)
            | Violation::DuplicateExtension(_)
            | Violation::PskIdentity(_) => 47, // illegal_parameter
            Violation::MissingKeyShare => 109,  // missing_extension
            Violation::UnexpectedExtension(_) => 110, // unsupported_extension
            Violation::HandshakeTooLarge => 40, // handshake_failure
        }
    }

    /// A short English description, without `core::fmt`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Violation::UnexpectedRecord(_) => "record type not allowed here",
            Violation::RecordOverflow(_) => "record too long",
            Violation::ShortRecord(_) => "record too short",
            Violation::ChangeCipherSpec => "bad or repeated change_cipher_spec",
            Violation::MalformedAlert => "malformed alert record",
            Violation::NotServerHello(_) => "first handshake message is not a ServerHello",
            Violation::MalformedServerHello => "malformed ServerHello",
            Violation::LegacyVersion(_) => "ServerHello legacy_version is not 0x0303",
            Violation::SessionIdEcho => "ServerHello does not echo our session id",
            Violation::CipherSuite(_) => "ServerHello selects a cipher suite not offered",
            Violation::Compression(_) => "ServerHello selects compression",
            Violation::SupportedVersion(_) => "ServerHello selects a version other than TLS 1.3",
            Violation::KeyShareGroup(_) => "ServerHello key share for a group not offered",
            Violation::MissingKeyShare => "ServerHello without key share",
            Violation::DuplicateExtension(_) => "ServerHello repeats an extension",
            Violation::UnexpectedExtension(_) => "ServerHello extension not offered or not allowed",
            Violation::PskIdentity(_) => "ServerHello selects a PSK identity not offered",
            Violation::ServerHelloNotAtRecordEnd => "ServerHello does not end its record",
            Violation::HandshakeTooLarge => "handshake exceeds the configured size",
        }
    }
}

/// Why the guard stopped the server's stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The server sent an alert (plaintext, where that is allowed): its description code.
    Alert(u8),
    /// The ServerHello is a HelloRetryRequest, which embedded-tls 0.19 does not implement.
    HelloRetry,
    /// The ServerHello negotiates TLS 1.2 or older (no supported_versions extension).
    ProtocolVersion,
    /// A handshake message longer than the record that carries it: embedded-tls 0.19 parses
    /// each record on its own.
    SpansRecords { msg_type: u8, len: u32 },
    /// A broken rule.
    Violation(Violation),
}

impl Stop {
    /// The alert to send the server (while the handshake runs), if any.
    pub(crate) const fn alert(&self) -> Option<u8> {
        match self {
            Stop::Violation(v) => Some(v.alert()),
            Stop::ProtocolVersion => Some(70), // protocol_version
            Stop::Alert(_) | Stop::HelloRetry | Stop::SpansRecords { .. } => None,
        }
    }
}

/// Where the connection stands, as far as record types go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Waiting for the ServerHello.
    Hello,
    /// After the ServerHello, until the engine completed the handshake.
    Handshake,
    /// After the handshake.
    Open,
}

/// The guard's state: a few dozen bytes, no buffer (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct Guard {
    stage: Stage,
    header: [u8; 5],
    have: u8,
    /// Content type and length of the record being read, and its body bytes still to come.
    kind: u8,
    len: u16,
    remaining: u16,
    /// The first two body bytes (an alert; a change_cipher_spec's one byte).
    body: [u8; 2],
    protected_seen: bool,
    ccs_seen: bool,
    /// Bytes the server sent before the handshake completed, and their bound.
    handshake_bytes: u32,
    max_handshake_bytes: u32,
    hello: Hello,
    /// Last 16 bytes of the last protected record (its tag) and whether it was the last record.
    tag: [u8; TAG_LEN],
    last_protected: bool,
    stop: Option<Stop>,
}

impl Guard {
    pub(crate) const fn new(max_handshake_bytes: u32, psk_offered: bool) -> Self {
        Guard {
            stage: Stage::Hello,
            header: [0; 5],
            have: 0,
            kind: 0,
            len: 0,
            remaining: 0,
            body: [0; 2],
            protected_seen: false,
            ccs_seen: false,
            handshake_bytes: 0,
            max_handshake_bytes,
            hello: Hello::new(psk_offered),
            tag: [0; TAG_LEN],
            last_protected: false,
            stop: None,
        }
    }

    /// Why the stream was stopped, if it was.
    pub(crate) fn stop(&self) -> Option<Stop> {
        self.stop
    }

    /// The ServerHello's pre_shared_key selected_identity, once the ServerHello passed.
    #[cfg_attr(not(feature = "psk"), allow(dead_code))]
    pub(crate) fn psk_selected(&self) -> Option<Option<u16>> {
        (self.stage != Stage::Hello).then_some(self.hello.psk())
    }

    /// Length of the record whose header was read last (0 before the first).
    pub(crate) fn last_len(&self) -> usize {
        usize::from(self.len)
    }

    /// The last record, if it was protected and read whole: its length and tag.
    pub(crate) fn last_protected(&self) -> Option<(usize, &[u8; TAG_LEN])> {
        (self.last_protected && self.remaining == 0 && self.have == 0)
            .then_some((usize::from(self.len), &self.tag))
    }

    /// Check `data`, the next bytes of the server's stream as the engine reads them. `opened`:
    /// the engine completed the handshake. An error stops the stream for good.
    pub(crate) fn feed(&mut self, data: &[u8], opened: bool) -> Result<(), Stop> {
        if let Some(stop) = self.stop {
            return Err(stop);
        }
        let r = self.feed_inner(data, opened);
        if let Err(stop) = r {
            self.stop = Some(stop);
        }
        r
    }

    fn feed_inner(&mut self, mut data: &[u8], opened: bool) -> Result<(), Stop> {
        while !data.is_empty() {
            if self.remaining == 0 {
                let k = (5 - usize::from(self.have)).min(data.len());
                let have = usize::from(self.have);
                self.header[have..have + k].copy_from_slice(&data[..k]);
                self.have += k as u8;
                data = &data[k..];
                if self.have == 5 {
                    self.have = 0;
                    self.record_start(opened)?;
                }
                continue;
            }
            let k = usize::from(self.remaining).min(data.len());
            self.body(&data[..k])?;
            data = &data[k..];
        }
        Ok(())
    }

    /// A record header is complete: may such a record come now?
    fn record_start(&mut self, opened: bool) -> Result<(), Stop> {
        if opened {
            self.stage = Stage::Open;
        }
        let [kind, _, _, hi, lo] = self.header;
        let len = u16::from_be_bytes([hi, lo]);
        self.kind = kind;
        self.len = len;
        self.remaining = len;
        self.last_protected = kind == APPLICATION_DATA;
        if self.stage != Stage::Open {
            self.handshake_bytes = self.handshake_bytes.saturating_add(5 + u32::from(len));
            if self.handshake_bytes > self.max_handshake_bytes {
                return Err(Stop::Violation(Violation::HandshakeTooLarge));
            }
        }
        let max = if kind == APPLICATION_DATA {
            MAX_PROTECTED
        } else {
            MAX_PLAINTEXT
        };
        if len > max {
            return Err(Stop::Violation(Violation::RecordOverflow(len)));
        }
        let allowed = match (self.stage, kind) {
            (Stage::Hello, HANDSHAKE | ALERT) => true,
            (Stage::Handshake, ALERT) => !self.protected_seen,
            (Stage::Handshake, CHANGE_CIPHER_SPEC) => !core::mem::replace(&mut self.ccs_seen, true),
            (Stage::Handshake | Stage::Open, APPLICATION_DATA) => {
                self.protected_seen = true;
                true
            }
            _ => false,
        };
        if !allowed {
            return Err(Stop::Violation(if kind == CHANGE_CIPHER_SPEC {
                Violation::ChangeCipherSpec
            } else {
                Violation::UnexpectedRecord(kind)
            }));
        }
        match kind {
            APPLICATION_DATA if len < MIN_PROTECTED => Err(Violation::ShortRecord(len)),
            ALERT if len != 2 => Err(Violation::MalformedAlert),
            CHANGE_CIPHER_SPEC if len != 1 => Err(Violation::ChangeCipherSpec),
            _ if len == 0 => Err(Violation::ShortRecord(0)),
            _ => Ok(()),
        }
        .map_err(Stop::Violation)
    }

    /// The next body bytes of the current record (at most what remains of it).
    fn body(&mut self, data: &[u8]) -> Result<(), Stop> {
        let at = usize::from(self.len - self.remaining);
        self.remaining -= data.len() as u16;
        match self.kind {
            APPLICATION_DATA => {
                // Keep the bytes that end up in the tag's 16 positions (only the tail of a
                // record is copied: this runs over every byte of application data).
                let tag_start = usize::from(self.len) - TAG_LEN;
                let end = at + data.len();
                if end > tag_start {
                    let from = at.max(tag_start);
                    self.tag[from - tag_start..end - tag_start].copy_from_slice(&data[from - at..]);
                }
                Ok(())
            }
            HANDSHAKE => {
                for &b in data {
                    self.hello.byte(b)?;
                }
                if self.remaining == 0 {
                    self.hello.finish()?;
                    self.stage = Stage::Handshake;
                }
                Ok(())
            }
            // An alert (two bytes) or a change_cipher_spec (one).
            _ => {
                for (i, &b) in (at..).zip(data) {
                    self.body[i] = b;
                }
                if self.remaining > 0 {
                    return Ok(());
                }
                if self.kind == ALERT {
                    Err(Stop::Alert(self.body[1]))
                } else if self.body[0] != 1 {
                    Err(Stop::Violation(Violation::ChangeCipherSpec))
                } else {
                    Ok(())
                }
            }
        }
    }
}

/// The plaintext of the last protected record, found where embedded-tls decrypted it in place
/// in `read_buf` (AES-GCM leaves the tag's bytes after the plaintext): its content type and
/// content without padding. Only meaningful after the engine failed on that record for a reason
/// other than decryption; `None` when it cannot be found.
pub(crate) fn decrypted<'r>(
    read_buf: &'r [u8],
    len: usize,
    tag: &[u8; TAG_LEN],
) -> Option<(u8, &'r [u8])> {
    let inner = len.checked_sub(TAG_LEN)?;
    let last = read_buf.len().checked_sub(TAG_LEN)?;
    let end = (inner..=last).find(|&p| read_buf[p..p + TAG_LEN] == *tag)?;
    let plain = &read_buf[end - inner..end];
    let kind = plain.iter().rposition(|&b| b != 0)?;
    Some((plain[kind], &plain[..kind]))
}

/// What a decrypted record that made the engine fail says: an alert's code, or a handshake
/// message cut at the record's end.
pub(crate) fn explain(kind: u8, content: &[u8]) -> Option<Stop> {
    match (kind, content) {
        (ALERT, [_, code]) => Some(Stop::Alert(*code)),
        (HANDSHAKE, _) => {
            let mut rest = content;
            while let [msg_type, a, b, c, body @ ..] = rest {
                let len = u32::from_be_bytes([0, *a, *b, *c]);
                if len as usize > body.len() {
                    return Some(Stop::SpansRecords {
                        msg_type: *msg_type,
                        len,
                    });
                }
                rest = &body[len as usize..];
            }
            None
        }
        _ => None,
    }
}
