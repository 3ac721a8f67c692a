//! The session future: embedded-tls's async client driven over the [`Pipe`], polled with a
//! no-op waker by [`crate::Tls`] from the callbacks. Create it with [`session`], pin it
//! (`core::pin::pin!`) and hand it to [`crate::Tls::new`].

use core::cell::Cell;
use core::future::{poll_fn, Future};
use core::pin::pin;
use core::task::Poll;

use embedded_io_async::Write as _;
use embedded_tls::{
    Aes128GcmSha256, TlsConfig, TlsConnection, TlsContext, TlsError, TlsReader, TlsWriter,
};
use rand_core::CryptoRngCore;

use crate::config::ClientConfig;
use crate::error::Error;
use crate::pipe::{Pipe, Shared};
use crate::provider::{Provider, Signer};
use crate::verify::Time;

/// Bytes a TLS 1.3 AES-GCM record adds to its plaintext: header 5, content type 1, tag 16.
pub const RECORD_OVERHEAD: usize = 22;

/// Bytes of the write buffer embedded-tls keeps free for record framing
/// (`embedded_tls::TLS_RECORD_OVERHEAD`) plus the record header it writes first.
const WRITE_BUFFER_RESERVE: usize = 128 + 5;

/// Conservative size of our ClientHello without ALPN and SNI (measured: ~190 bytes).
const CLIENT_HELLO_BASE: usize = 256;

/// How the session future ended.
#[derive(Debug, Clone, Copy)]
pub struct Outcome(pub(crate) End);

#[derive(Debug, Clone, Copy)]
pub(crate) enum End {
    /// close_notify sent after a local close.
    Closed,
    /// The server sent close_notify.
    PeerClosed,
    /// Handshake completed without Certificate/CertificateVerify (and without our PSK).
    NotAuthenticated,
    /// We offered a PSK; the server's ServerHello did not select it.
    PskNotAccepted,
    Failed(TlsError),
}

/// The write buffer a configuration needs: room for the ClientHello (or the client
/// certificate message) and at least one byte of application data, plus embedded-tls's reserve.
pub fn write_buffer_len(config: &ClientConfig<'_>) -> usize {
    let sni = config.server_name.sni().map_or(0, str::len);
    let alpn: usize = config
        .alpn
        .map_or(0, |p| p.iter().map(|a| a.len() + 1).sum());
    // pre_shared_key + psk_key_exchange_modes: type, lengths, ticket age, one 32-byte binder.
    let psk = config
        .verification
        .psk
        .map_or(0, |p| 4 + 2 + 2 + p.identity.len() + 4 + 2 + 1 + 32);
    let hello = CLIENT_HELLO_BASE + sni + alpn + psk;
    let cert = config.client_certificate.map_or(0, |c| c.len() + 16);
    WRITE_BUFFER_RESERVE + RECORD_OVERHEAD + hello.max(cert)
}

/// Build the session future of one connection.
///
/// `read_buf` must hold [`ClientConfig::read_buffer_len`] bytes, `write_buf`
/// [`write_buffer_len`]; both are checked and a shortfall is reported with the size needed.
/// `time` is what the device knows about the date now (see [`Time`]); `rng` must be a
/// cryptographically secure generator (the board's TRNG, or a DRBG seeded from it); `signer`
/// holds the client key for mutual TLS ([`crate::NoSigner`] otherwise).
#[allow(clippy::too_many_arguments)]
pub fn session<'a, R, S>(
    shared: &'a Shared<'a>,
    config: &'a ClientConfig<'a>,
    time: Time,
    read_buf: &'a mut [u8],
    write_buf: &'a mut [u8],
    rng: R,
    signer: S,
) -> Result<impl Future<Output = Outcome> + 'a, Error<core::convert::Infallible>>
where
    R: CryptoRngCore + 'a,
    S: Signer + 'a,
{
    let needed = config.read_buffer_len();
    if read_buf.len() < needed {
        return Err(Error::BufferTooSmall { needed });
    }
    let needed = write_buffer_len(config);
    if write_buf.len() < needed {
        return Err(Error::BufferTooSmall { needed });
    }
    let capacity = (write_buf.len() - WRITE_BUFFER_RESERVE).min(config.max_plaintext());
    shared.capacity.set(capacity);
    shared.timeout.set(config.handshake_timeout);
    Ok(run(
        shared, config, time, read_buf, write_buf, rng, signer, capacity,
    ))
}

#[allow(clippy::too_many_arguments)]
async fn run<'a, R: CryptoRngCore, S: Signer>(
    shared: &'a Shared<'a>,
    config: &'a ClientConfig<'a>,
    time: Time,
    read_buf: &'a mut [u8],
    write_buf: &'a mut [u8],
    rng: R,
    signer: S,
    capacity: usize,
) -> Outcome {
    let mut tls_config = TlsConfig::new();
    if let Some(sni) = config.server_name.sni() {
        tls_config = tls_config.with_server_name(sni);
    }
    if let Some(alpn) = config.alpn {
        tls_config = tls_config.with_alpn(alpn);
    }
    if let Some(mfl) = config.max_fragment_length {
        tls_config = tls_config.with_max_fragment_length(mfl);
    }
    let psk = config.verification.psk;
    let psk_identity;
    if let Some(psk) = psk {
        psk_identity = [psk.identity];
        tls_config = tls_config.with_psk(psk.key, &psk_identity);
    }
    let hello = Cell::new(HelloScan::new());
    let mut provider = Provider::new(shared, config, time, rng, signer);
    let mut tls: TlsConnection<'_, Wire<'a, '_>, Aes128GcmSha256> = TlsConnection::new(
        Wire {
            pipe: Pipe { shared },
            hello: &hello,
        },
        read_buf,
        write_buf,
    );
    let opened = tls.open(TlsContext::new(&tls_config, &mut provider)).await;
    let answer = hello.get().answer();
    if let Err(e) = opened {
        // Offered a PSK, got a (non-HRR) ServerHello without it: the engine then fails to
        // decrypt (its key schedule always mixes our key in); name the real reason.
        if psk.is_some() && matches!(answer, Some(Answer::ServerHello { psk: None })) {
            return Outcome(End::PskNotAccepted);
        }
        return Outcome(End::Failed(e));
    }
    // The server is authenticated if it proved a certificate (the verifier checked its
    // CertificateVerify), or if we offered a PSK and the server selected it: embedded-tls
    // derives every handshake key from our PSK (and the ECDHE secret), and `open` returned
    // only after checking the server's Finished under those keys, so the server knows the key.
    let psk_used = psk.is_some() && matches!(answer, Some(Answer::ServerHello { psk: Some(0) }));
    if !(shared.authenticated.get() || psk_used) {
        return Outcome(if psk.is_some() && !psk_used {
            End::PskNotAccepted
        } else {
            End::NotAuthenticated
        });
    }
    // Everything written so far is handshake: acknowledged, it carries no application data.
    let _ = shared
        .records
        .borrow_mut()
        .push_back((shared.written.get(), 0));
    shared.opened.set(true);

    let end = {
        let (mut reader, mut writer) = tls.split();
        let mut r = pin!(read_loop(&mut reader, shared));
        let mut w = pin!(write_loop(&mut writer, shared, capacity));
        poll_fn(|cx| match r.as_mut().poll(cx) {
            Poll::Ready(x) => Poll::Ready(x),
            Poll::Pending => w.as_mut().poll(cx),
        })
        .await
    };
    Outcome(match end {
        Ok(Loop::CloseRequested) => match tls.close().await {
            Ok(_) => End::Closed,
            Err((_, e)) => End::Failed(e),
        },
        Ok(Loop::PeerClosed) => End::PeerClosed,
        Err(e) => End::Failed(e),
    })
}

enum Loop {
    CloseRequested,
    PeerClosed,
}

type Reader<'r, 'a, 'h> = TlsReader<'r, Wire<'a, 'h>, Aes128GcmSha256>;
type Writer<'r, 'a, 'h> = TlsWriter<'r, Wire<'a, 'h>, Aes128GcmSha256>;

/// Decrypt records into `plain_rx` while it has room.
async fn read_loop<'r, 'a: 'r>(
    reader: &mut Reader<'r, 'a, 'r>,
    shared: &'a Shared<'a>,
) -> Result<Loop, TlsError> {
    loop {
        poll_fn(|_| {
            if shared.plain_rx.borrow().free() > 0 {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        })
        .await;
        match reader.read_buffered().await {
            Ok(mut buf) => {
                let mut plain = shared.plain_rx.borrow_mut();
                let n = plain.free().min(buf.len());
                plain.push(buf.pop(n));
            }
            Err(TlsError::ConnectionClosed) => return Ok(Loop::PeerClosed),
            Err(e) => return Err(e),
        }
    }
}

/// Move `plain_tx` into records of at most `capacity` bytes; close a record on flush.
async fn write_loop<'r, 'a: 'r>(
    writer: &mut Writer<'r, 'a, 'r>,
    shared: &'a Shared<'a>,
    capacity: usize,
) -> Result<Loop, TlsError> {
    let mut chunk = [0u8; 32];
    loop {
        let cmd = poll_fn(|_| {
            if !shared.plain_tx.borrow().is_empty() {
                Poll::Ready(Cmd::Data)
            } else if shared.flush.get() {
                Poll::Ready(Cmd::Flush)
            } else if shared.close.get() {
                Poll::Ready(Cmd::Close)
            } else {
                Poll::Pending
            }
        })
        .await;
        let fill = shared.in_record.get();
        match cmd {
            Cmd::Data => {
                let room = (capacity - fill).min(chunk.len());
                let n = shared.plain_tx.borrow_mut().pop_into(&mut chunk[..room]);
                let mut done = 0;
                while done < n {
                    done += writer.write(&chunk[done..n]).await?;
                }
                shared.in_record.set(fill + n);
                if fill + n == capacity {
                    end_record(writer, shared).await?;
                }
            }
            Cmd::Flush => {
                shared.flush.set(false);
                end_record(writer, shared).await?;
            }
            Cmd::Close => {
                end_record(writer, shared).await?;
                return Ok(Loop::CloseRequested);
            }
        }
    }
}

enum Cmd {
    Data,
    Flush,
    Close,
}

/// Encrypt the record being filled (if any) and note its sizes for `sent` accounting.
async fn end_record<'r, 'a: 'r>(
    writer: &mut Writer<'r, 'a, 'r>,
    shared: &'a Shared<'a>,
) -> Result<(), TlsError> {
    let fill = shared.in_record.get();
    if fill == 0 {
        return Ok(());
    }
    writer.flush().await?;
    shared.in_record.set(0);
    // Room is guaranteed: `TlsConn::send_space` is zero while the queue is nearly full.
    let _ = shared
        .records
        .borrow_mut()
        .push_back(((fill + RECORD_OVERHEAD) as u32, fill as u16));
    Ok(())
}

/// The engine's transport: the [`Pipe`], with the bytes it reads shown to a [`HelloScan`].
#[derive(Clone, Copy)]
struct Wire<'a, 'h> {
    pipe: Pipe<'a>,
    hello: &'h Cell<HelloScan>,
}

impl embedded_io::ErrorType for Wire<'_, '_> {
    type Error = crate::pipe::PipeError;
}

impl embedded_io_async::Read for Wire<'_, '_> {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        let n = embedded_io_async::Read::read(&mut self.pipe, buf).await?;
        let mut hello = self.hello.get();
        if !hello.is_done() {
            hello.feed(&buf[..n]);
            self.hello.set(hello);
        }
        Ok(n)
    }
}

impl embedded_io_async::Write for Wire<'_, '_> {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        self.pipe.write(buf).await
    }

    async fn flush(&mut self) -> Result<(), Self::Error> {
        self.pipe.flush().await
    }
}

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
