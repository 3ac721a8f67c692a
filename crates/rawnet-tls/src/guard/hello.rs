//! The ServerHello, checked as it streams by (RFC 8446 §4.1.3): a few bytes of state, no
//! buffer. What our ClientHello offered is fixed by embedded-tls 0.19: legacy_version 0x0303,
//! an empty legacy_session_id, the one cipher suite TLS_AES_128_GCM_SHA256, a key share for
//! secp256r1 only, supported_versions TLS 1.3 only, and a pre_shared_key with one identity
//! when a PSK is configured.
//!
//! The first field that breaks a rule is remembered and reported when the message ends, unless
//! the message turns out to be a TLS 1.2 (or older) ServerHello, which breaks them all: that is
//! reported as the version problem it is. Lengths that do not add up are reported at once.

use embedded_tls::{Aes128GcmSha256, TlsCipherSuite};

use super::{Stop, Violation};

/// The special random of a HelloRetryRequest (RFC 8446 §4.1.3).
const HRR_RANDOM: [u8; 32] = [
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
];

const SERVER_HELLO: u32 = 2;
const SUITE: u32 = <Aes128GcmSha256 as TlsCipherSuite>::CODE_POINT as u32;
const SECP256R1: u32 = 23;
const TLS13: u32 = 0x0304;
const EXT_PRE_SHARED_KEY: u32 = 41;
const EXT_SUPPORTED_VERSIONS: u32 = 43;
const EXT_KEY_SHARE: u32 = 51;

/// Which field the next bytes belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    MessageType,
    MessageLen,
    Version,
    Random,
    SessionIdLen,
    SessionId,
    CipherSuite,
    Compression,
    ExtensionsLen,
    ExtensionType,
    ExtensionLen,
    /// The two-byte value of supported_versions or pre_shared_key.
    Value,
    KeyShareGroup,
    KeyShareLen,
    /// Bytes skipped to the end of the extension.
    Skip,
    /// After the message: no byte may come.
    Done,
}

/// Extensions a ServerHello may carry, as bits of `seen`.
const fn bit(ext: u32) -> u8 {
    match ext {
        EXT_SUPPORTED_VERSIONS => 1,
        EXT_KEY_SHARE => 2,
        EXT_PRE_SHARED_KEY => 4,
        _ => 0,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Hello {
    field: Field,
    /// Bytes still to come in `field`, and the big-endian value read so far.
    need: u32,
    value: u32,
    /// Bytes of the message read (from its type byte on), where it ends, and where the
    /// current extension ends.
    pos: u32,
    message_end: u32,
    extension_end: u32,
    /// Random bytes that matched the HelloRetryRequest random so far.
    hrr: u8,
    extension: u32,
    seen: u8,
    psk_offered: bool,
    psk: Option<u16>,
    /// The first rule broken, reported at the end of the message.
    broken: Option<Violation>,
}

impl Hello {
    pub(crate) const fn new(psk_offered: bool) -> Self {
        Hello {
            field: Field::MessageType,
            need: 1,
            value: 0,
            pos: 0,
            message_end: 0,
            extension_end: 0,
            hrr: 0,
            extension: 0,
            seen: 0,
            psk_offered,
            psk: None,
            broken: None,
        }
    }

    /// The pre_shared_key selected_identity of a ServerHello that passed.
    pub(crate) fn psk(&self) -> Option<u16> {
        self.psk
    }

    /// The record ended (after its last byte went through [`Hello::byte`]).
    pub(crate) fn finish(&self) -> Result<(), Stop> {
        if self.field == Field::Done {
            Ok(())
        } else if self.message_end > 0 {
            Err(Stop::SpansRecords {
                msg_type: SERVER_HELLO as u8,
                len: self.message_end - 4,
            })
        } else {
            Self::malformed()
        }
    }

    fn next(&mut self, field: Field, need: u32) {
        self.field = field;
        self.need = need;
        self.value = 0;
    }

    fn note(&mut self, v: Violation) {
        self.broken.get_or_insert(v);
    }

    fn malformed() -> Result<(), Stop> {
        Err(Stop::Violation(Violation::MalformedServerHello))
    }

    /// The next byte of the ServerHello's record.
    pub(crate) fn byte(&mut self, b: u8) -> Result<(), Stop> {
        if self.field == Field::Done {
            return Err(Stop::Violation(Violation::ServerHelloNotAtRecordEnd));
        }
        self.pos += 1;
        if self.field == Field::Random {
            let i = 32 - self.need as usize;
            if usize::from(self.hrr) == i && HRR_RANDOM[i] == b {
                self.hrr += 1;
            }
        } else {
            self.value = (self.value << 8) | u32::from(b);
        }
        self.need -= 1;
        if self.need > 0 {
            return Ok(());
        }
        let v = self.value;
        match self.field {
            Field::MessageType if v == SERVER_HELLO => self.next(Field::MessageLen, 3),
            Field::MessageType => return Err(Stop::Violation(Violation::NotServerHello(v as u8))),
            Field::MessageLen => {
                self.message_end = 4 + v;
                self.next(Field::Version, 2);
            }
            Field::Version => {
                if v != 0x0303 {
                    self.note(Violation::LegacyVersion(v as u16));
                }
                self.next(Field::Random, 32);
            }
            Field::Random if self.hrr == 32 => return Err(Stop::HelloRetry),
            Field::Random => self.next(Field::SessionIdLen, 1),
            Field::SessionIdLen if v > 32 => return Self::malformed(),
            Field::SessionIdLen if v > 0 => {
                self.note(Violation::SessionIdEcho);
                self.next(Field::SessionId, v);
            }
            Field::SessionIdLen | Field::SessionId => self.next(Field::CipherSuite, 2),
            Field::CipherSuite => {
                if v != SUITE {
                    self.note(Violation::CipherSuite(v as u16));
                }
                self.next(Field::Compression, 1);
            }
            Field::Compression => {
                if v != 0 {
                    self.note(Violation::Compression(v as u8));
                }
                // A TLS 1.2 ServerHello may end here, without extensions.
                if self.pos == self.message_end {
                    return self.end();
                }
                self.next(Field::ExtensionsLen, 2);
            }
            Field::ExtensionsLen => {
                if self.pos + v != self.message_end {
                    return Self::malformed();
                }
                return self.after_extension();
            }
            Field::ExtensionType => {
                self.extension = v;
                self.next(Field::ExtensionLen, 2);
            }
            Field::ExtensionLen => return self.extension_start(v),
            Field::Value => {
                if self.extension == EXT_SUPPORTED_VERSIONS && v != TLS13 {
                    self.note(Violation::SupportedVersion(v as u16));
                } else if self.extension == EXT_PRE_SHARED_KEY {
                    if v != 0 {
                        self.note(Violation::PskIdentity(v as u16));
                    }
                    self.psk = Some(v as u16);
                }
                return self.after_extension();
            }
            Field::KeyShareGroup => {
                if v != SECP256R1 {
                    self.note(Violation::KeyShareGroup(v as u16));
                }
                self.next(Field::KeyShareLen, 2);
            }
            Field::KeyShareLen => {
                if self.pos + v != self.extension_end || v == 0 {
                    return Self::malformed();
                }
                self.next(Field::Skip, v);
            }
            Field::Skip => return self.after_extension(),
            Field::Done => {}
        }
        Ok(())
    }

    /// An extension of `len` bytes starts (its type is in `self.extension`).
    fn extension_start(&mut self, len: u32) -> Result<(), Stop> {
        self.extension_end = self.pos + len;
        if self.extension_end > self.message_end {
            return Self::malformed();
        }
        let ext = self.extension;
        let bit = bit(ext);
        if bit != 0 && self.seen & bit != 0 {
            self.note(Violation::DuplicateExtension(ext as u16));
        }
        self.seen |= bit;
        let known = bit != 0 && (ext != EXT_PRE_SHARED_KEY || self.psk_offered);
        if !known {
            self.note(Violation::UnexpectedExtension(ext as u16));
        }
        match (known, ext, len) {
            (true, EXT_KEY_SHARE, 5..) => self.next(Field::KeyShareGroup, 2),
            (true, EXT_SUPPORTED_VERSIONS | EXT_PRE_SHARED_KEY, 2) => self.next(Field::Value, 2),
            (true, _, _) => return Self::malformed(),
            (false, _, 0) => return self.after_extension(),
            (false, _, _) => self.next(Field::Skip, len),
        }
        Ok(())
    }

    /// After an extension (each ends exactly at its length: the fields above make sure): the
    /// next one, or the end of the message.
    fn after_extension(&mut self) -> Result<(), Stop> {
        if self.pos < self.message_end {
            self.next(Field::ExtensionType, 2);
            Ok(())
        } else {
            self.end()
        }
    }

    /// The message ended: the verdict on it.
    fn end(&mut self) -> Result<(), Stop> {
        self.field = Field::Done;
        if self.seen & bit(EXT_SUPPORTED_VERSIONS) == 0 {
            return Err(Stop::ProtocolVersion);
        }
        if let Some(v) = self.broken {
            return Err(Stop::Violation(v));
        }
        if self.seen & bit(EXT_KEY_SHARE) == 0 {
            return Err(Stop::Violation(Violation::MissingKeyShare));
        }
        Ok(())
    }
}
