//! The ServerHello as it streams by: did the server select our PSK? (feature `psk`)

/// The special random of a HelloRetryRequest (RFC 8446 §4.1.3).
const HRR_RANDOM: [u8; 32] = [
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
];

/// pre_shared_key (RFC 8446 §4.2.11).
const EXT_PRE_SHARED_KEY: u32 = 41;

/// What the server's first record said, as far as the PSK is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    /// A ServerHello; `psk` is its pre_shared_key selected_identity, if it has one.
    ServerHello { psk: Option<u16> },
    /// A HelloRetryRequest.
    RetryRequest,
    /// Not a ServerHello in a handshake record (an alert, garbage, ...), or a malformed one.
    Other,
}

/// Which field of the first server record the next bytes belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    RecordType,
    RecordVersionLen,
    MessageType,
    MessageLen,
    Version,
    Random,
    SessionIdLen,
    SessionId,
    CipherCompression,
    ExtensionsLen,
    ExtensionType,
    ExtensionLen,
    ExtensionData,
    SelectedIdentity,
    Done,
}

/// Reads the server's first record as it streams by (a few bytes of state, no buffer) and
/// finds the ServerHello's pre_shared_key extension. It only names things: whether the
/// server knows the key is decided by the key schedule (see `run`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct HelloScan {
    field: Field,
    /// Bytes still to come in `field`.
    need: u32,
    /// Big-endian value of the field so far (only fields up to 4 bytes use it).
    value: u32,
    /// Bytes of the handshake message seen (from its type byte on).
    pos: u32,
    /// `pos` at which the extensions end, and the message.
    extensions_end: u32,
    message_end: u32,
    /// Bytes of the random that matched the HelloRetryRequest random so far.
    hrr: u8,
    extension: u32,
    psk: Option<u16>,
    answer: Option<Answer>,
}

impl HelloScan {
    pub(crate) const fn new() -> Self {
        HelloScan {
            field: Field::RecordType,
            need: 1,
            value: 0,
            pos: 0,
            extensions_end: 0,
            message_end: 0,
            hrr: 0,
            extension: 0,
            psk: None,
            answer: None,
        }
    }

    pub(crate) fn is_done(&self) -> bool {
        self.field == Field::Done
    }

    /// The verdict, once the ServerHello was read whole (or recognised as something else).
    pub(crate) fn answer(&self) -> Option<Answer> {
        self.answer
    }

    pub(crate) fn feed(&mut self, data: &[u8]) {
        for &b in data {
            if self.field == Field::Done {
                return;
            }
            self.byte(b);
        }
    }

    fn end(&mut self, answer: Answer) {
        self.answer = Some(answer);
        self.field = Field::Done;
    }

    fn next(&mut self, field: Field, need: u32) {
        self.field = field;
        self.need = need;
        self.value = 0;
    }

    /// After an extension: the next one, or the verdict at the end of the list.
    fn after_extension(&mut self) {
        if self.pos == self.extensions_end {
            self.end(Answer::ServerHello { psk: self.psk });
        } else if self.pos > self.extensions_end {
            self.end(Answer::Other);
        } else {
            self.next(Field::ExtensionType, 2);
        }
    }

    fn byte(&mut self, b: u8) {
        if self.field > Field::RecordVersionLen {
            self.pos += 1;
        }
        if self.field == Field::Random {
            let i = 32 - self.need as usize;
            if usize::from(self.hrr) == i && HRR_RANDOM.get(i) == Some(&b) {
                self.hrr += 1;
            }
        } else {
            self.value = (self.value << 8) | u32::from(b);
        }
        self.need -= 1;
        if self.need > 0 {
            return;
        }
        let v = self.value;
        match self.field {
            Field::RecordType if v == 22 => self.next(Field::RecordVersionLen, 4),
            Field::RecordType => self.end(Answer::Other),
            Field::RecordVersionLen => self.next(Field::MessageType, 1),
            Field::MessageType if v == 2 => self.next(Field::MessageLen, 3),
            Field::MessageType => self.end(Answer::Other),
            Field::MessageLen => {
                self.message_end = self.pos + v;
                self.next(Field::Version, 2);
            }
            Field::Version => self.next(Field::Random, 32),
            Field::Random if self.hrr == 32 => self.end(Answer::RetryRequest),
            Field::Random => self.next(Field::SessionIdLen, 1),
            Field::SessionIdLen if v == 0 => self.next(Field::CipherCompression, 3),
            Field::SessionIdLen if v <= 32 => self.next(Field::SessionId, v),
            Field::SessionIdLen => self.end(Answer::Other),
            Field::SessionId => self.next(Field::CipherCompression, 3),
            Field::CipherCompression => self.next(Field::ExtensionsLen, 2),
            // The extensions are the rest of the message, exactly.
            Field::ExtensionsLen if self.pos + v != self.message_end => self.end(Answer::Other),
            Field::ExtensionsLen => {
                self.extensions_end = self.pos + v;
                self.after_extension();
            }
            Field::ExtensionType => {
                self.extension = v;
                self.next(Field::ExtensionLen, 2);
            }
            Field::ExtensionLen => match (self.extension, v) {
                // A second pre_shared_key extension is malformed (RFC 8446 §4.2).
                (EXT_PRE_SHARED_KEY, 2) if self.psk.is_none() => {
                    self.next(Field::SelectedIdentity, 2)
                }
                (EXT_PRE_SHARED_KEY, _) => self.end(Answer::Other),
                (_, 0) => self.after_extension(),
                (_, len) => self.next(Field::ExtensionData, len),
            },
            Field::SelectedIdentity => {
                self.psk = Some(v as u16);
                self.after_extension();
            }
            Field::ExtensionData => self.after_extension(),
            Field::Done => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Answer, HelloScan, HRR_RANDOM};

    /// A ServerHello record with these extensions (type, data).
    fn server_hello(random: [u8; 32], session_id: &[u8], extensions: &[(u16, &[u8])]) -> Vec<u8> {
        let mut ext = Vec::new();
        for (t, d) in extensions {
            ext.extend_from_slice(&t.to_be_bytes());
            ext.extend_from_slice(&(d.len() as u16).to_be_bytes());
            ext.extend_from_slice(d);
        }
        let mut body = vec![3, 3];
        body.extend_from_slice(&random);
        body.push(session_id.len() as u8);
        body.extend_from_slice(session_id);
        body.extend_from_slice(&[0x13, 0x01, 0]);
        body.extend_from_slice(&(ext.len() as u16).to_be_bytes());
        body.extend_from_slice(&ext);
        let mut msg = vec![2, 0, (body.len() >> 8) as u8, body.len() as u8];
        msg.extend_from_slice(&body);
        let mut rec = vec![22, 3, 3, (msg.len() >> 8) as u8, msg.len() as u8];
        rec.extend_from_slice(&msg);
        rec
    }

    fn scan_in_pieces(bytes: &[u8], piece: usize) -> Option<Answer> {
        let mut scan = HelloScan::new();
        for chunk in bytes.chunks(piece) {
            scan.feed(chunk);
        }
        scan.answer()
    }

    const KEY_SHARE: &[u8] = &[0, 23, 0, 4, 1, 2, 3, 4];

    #[test]
    fn finds_the_selected_identity_in_any_split() {
        let rec = server_hello(
            [7; 32],
            &[9; 32],
            &[(43, &[3, 4]), (51, KEY_SHARE), (41, &[0, 0])],
        );
        for piece in [1, 2, 3, 5, 64, 4096] {
            assert_eq!(
                scan_in_pieces(&rec, piece),
                Some(Answer::ServerHello { psk: Some(0) })
            );
        }
        let rec = server_hello([7; 32], &[], &[(41, &[0, 3]), (43, &[3, 4])]);
        assert_eq!(
            scan_in_pieces(&rec, 1),
            Some(Answer::ServerHello { psk: Some(3) })
        );
    }

    #[test]
    fn no_pre_shared_key_extension() {
        let rec = server_hello([7; 32], &[], &[(43, &[3, 4]), (51, KEY_SHARE), (0, &[])]);
        assert_eq!(
            scan_in_pieces(&rec, 3),
            Some(Answer::ServerHello { psk: None })
        );
    }

    #[test]
    fn retry_request_alert_and_malformed() {
        let rec = server_hello(HRR_RANDOM, &[], &[(43, &[3, 4])]);
        assert_eq!(scan_in_pieces(&rec, 1), Some(Answer::RetryRequest));
        assert_eq!(
            scan_in_pieces(&[21, 3, 3, 0, 2, 2, 40], 1),
            Some(Answer::Other)
        );
        // Duplicate pre_shared_key, wrong length, extensions overrunning the message.
        let dup = server_hello([1; 32], &[], &[(41, &[0, 0]), (41, &[0, 0])]);
        assert_eq!(scan_in_pieces(&dup, 1), Some(Answer::Other));
        let long = server_hello([1; 32], &[], &[(41, &[0, 0, 0])]);
        assert_eq!(scan_in_pieces(&long, 1), Some(Answer::Other));
        let mut overrun = server_hello([1; 32], &[], &[(43, &[3, 4])]);
        let n = overrun.len();
        overrun[n - 7] += 1; // extensions length one more than the message holds
        assert_eq!(scan_in_pieces(&overrun, 1), Some(Answer::Other));
        let mut inner = server_hello([1; 32], &[], &[(43, &[3, 4])]);
        let n = inner.len();
        inner[n - 3] += 4; // an extension running past the list, into the next record
        inner.extend_from_slice(&[20, 3, 3, 0, 1, 1]);
        assert_eq!(scan_in_pieces(&inner, 1), Some(Answer::Other));
        // Truncated: no verdict yet.
        let rec = server_hello([1; 32], &[], &[(41, &[0, 0])]);
        assert_eq!(scan_in_pieces(&rec[..rec.len() - 1], 1), None);
    }
}
