//! Naming why a session failed: what the byte stream from the server showed (the first bytes,
//! to recognise a HelloRetryRequest; the record headers, to size a record that did not fit)
//! together with the engine's error and the verifier's verdict. Shared by [`crate::Tls`] and
//! the `embedded-io` adapters ([`crate::io`]) so both report the same reasons.

use embedded_tls::TlsError;

use crate::error::{EngineError, Error};
use crate::pipe::Shared;

/// The first bytes of a HelloRetryRequest: handshake record, ServerHello, then the special
/// random of RFC 8446 §4.1.3 at offset 11.
const HRR_RANDOM: [u8; 32] = [
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
];
const SNIFF_LEN: usize = 11 + 32;

/// What the server's byte stream showed so far.
#[derive(Debug)]
pub(crate) struct Diagnosis {
    /// The first bytes the server sent, to recognise a HelloRetryRequest.
    sniff: [u8; SNIFF_LEN],
    sniffed: usize,
    /// Header of the server record being received, to name the size of one that does not fit.
    record: RecordTracker,
}

impl Diagnosis {
    pub const fn new() -> Self {
        Diagnosis {
            sniff: [0; SNIFF_LEN],
            sniffed: 0,
            record: RecordTracker {
                header: [0; 5],
                have: 0,
                remaining: 0,
                last_len: 0,
            },
        }
    }

    /// Follow `data`, the next bytes from the server (in stream order, each byte once).
    pub fn observe(&mut self, data: &[u8], handshaking: bool) {
        if handshaking && self.sniffed < SNIFF_LEN {
            let k = data.len().min(SNIFF_LEN - self.sniffed);
            self.sniff[self.sniffed..self.sniffed + k].copy_from_slice(&data[..k]);
            self.sniffed += k;
        }
        self.record.feed(data);
    }

    /// Name the reason of an engine error as precisely as what we saw allows.
    pub fn classify<E>(&self, shared: &Shared<'_>, e: TlsError, handshaking: bool) -> Error<E> {
        if let Some(cert) = shared.cert_error.get() {
            return Error::Certificate(cert);
        }
        if handshaking
            && self.sniffed == SNIFF_LEN
            && self.sniff[0] == 22
            && self.sniff[5] == 2
            && self.sniff[11..] == HRR_RANDOM
        {
            return Error::HelloRetryRequestUnsupported;
        }
        match e {
            TlsError::HandshakeAborted(_, desc) if desc as u8 == 70 => Error::ProtocolVersion,
            TlsError::HandshakeAborted(_, desc) => Error::AlertReceived(desc as u8),
            TlsError::IoError | TlsError::Io(_) if shared.eof.get() => {
                if handshaking {
                    Error::ClosedDuringHandshake
                } else {
                    Error::Truncated
                }
            }
            TlsError::InsufficientSpace if self.record.last_len > 0 => Error::BufferTooSmall {
                needed: self.record.last_len + 5,
            },
            // In the application phase embedded-tls reports an undecodable handshake message
            // (KeyUpdate) as Unimplemented and a non-close_notify alert as InternalError.
            TlsError::Unimplemented | TlsError::InternalError if !handshaking => {
                Error::PostHandshakeUnsupported
            }
            other => Error::Protocol(EngineError(other)),
        }
    }
}

/// Follows the record framing of the byte stream from the server.
#[derive(Debug)]
struct RecordTracker {
    header: [u8; 5],
    have: usize,
    remaining: usize,
    /// Length of the most recent record header seen.
    last_len: usize,
}

impl RecordTracker {
    fn feed(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.remaining > 0 {
                let k = self.remaining.min(data.len());
                self.remaining -= k;
                data = &data[k..];
            } else {
                let k = (5 - self.have).min(data.len());
                self.header[self.have..self.have + k].copy_from_slice(&data[..k]);
                self.have += k;
                data = &data[k..];
                if self.have == 5 {
                    self.have = 0;
                    self.remaining =
                        usize::from(u16::from_be_bytes([self.header[3], self.header[4]]));
                    self.last_len = self.remaining;
                }
            }
        }
    }
}
