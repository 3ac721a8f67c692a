//! The session: embedded-tls's async client driven over the [`Pipe`], polled with a no-op
//! waker by [`crate::Tls`] (or an [`crate::io`] adapter). [`session`] makes the future and
//! binds it to the [`Shared`] staging it works on in one [`Session`]: pin it
//! (`core::pin::pin!`) and hand it to [`crate::Tls::new`], which takes the staging from it, so
//! the two cannot be paired wrongly.

use core::future::{poll_fn, Future};
use core::pin::{pin, Pin};
use core::task::Poll;

use embedded_io_async::Write as _;
use embedded_tls::{
    Aes128GcmSha256, TlsConfig, TlsConnection, TlsContext, TlsError, TlsReader, TlsWriter,
};
use rand_core::CryptoRngCore;

use crate::config::ClientConfig;
use crate::error::Error;
use crate::guard::{self, Guard, Stop};
use crate::pipe::{Pipe, Shared};
use crate::provider::{Provider, Signer};
use crate::verify::Time;

/// Bytes a TLS 1.3 AES-GCM record adds to its plaintext: header 5, content type 1, tag 16.
pub const RECORD_OVERHEAD: usize = 22;

/// Bytes of the write buffer embedded-tls keeps free for record framing
/// (`embedded_tls::TLS_RECORD_OVERHEAD`) plus the record header it writes first.
pub(crate) const WRITE_BUFFER_RESERVE: usize = 128 + 5;

/// Conservative size of our ClientHello without ALPN and SNI (measured: ~190 bytes).
pub(crate) const CLIENT_HELLO_BASE: usize = 256;

/// A TLS session: the engine's future and the [`Shared`] staging it works on, made together
/// by [`session`]. Pin it and hand it to [`crate::Tls::new`] or an [`crate::io`] adapter.
///
/// A session built on one `Shared` cannot be given to a transport with another: the
/// transports take the staging from the session.
///
/// ```compile_fail
/// # use rawnet_tls::*;
/// # fn f<'a>(a: &'a Shared<'a>, b: &'a Shared<'a>, s: SessionRef<'a, 'a>) {
/// let tls = Tls::new(b, s, ()); // no: `Tls::new(session, inner)` has no staging argument
/// # }
/// ```
pub struct Session<'a, F: ?Sized> {
    shared: &'a Shared<'a>,
    future: F,
}

impl<'a, F: ?Sized + Future<Output = Outcome>> Session<'a, F> {
    /// The staging, and the future pinned where the session is.
    pub(crate) fn split(self: Pin<&mut Self>) -> (&'a Shared<'a>, Pin<&mut F>) {
        let shared = self.shared;
        // SAFETY: `future` is structurally pinned: nothing moves it out of a pinned `Session`
        // or hands out `&mut F` (this is the only access), `Session` has no `Drop`, and it is
        // `Unpin` only when `F` is (auto trait).
        #[allow(unsafe_code)]
        let future = unsafe { self.map_unchecked_mut(|s| &mut s.future) };
        (shared, future)
    }
}

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
    #[cfg_attr(not(feature = "psk"), allow(dead_code))]
    PskNotAccepted,
    /// The guard stopped the server's stream, or the record the engine failed on says why.
    Stopped(Stop),
    Failed(TlsError),
}

/// The write buffer a configuration needs: room for the ClientHello (or the client
/// certificate message) and at least one byte of application data, plus embedded-tls's reserve.
pub fn write_buffer_len(config: &ClientConfig<'_>) -> usize {
    let sni = config.server_name.sni().map_or(0, str::len);
    let alpn: usize = config
        .alpn
        .map_or(0, |p| p.iter().map(|a| a.len() + 1).sum());
    // pre_shared_key: type, lengths, ticket age, one 32-byte binder.
    #[cfg(feature = "psk")]
    let psk = config
        .verification
        .psk
        .map_or(0, |p| 4 + 2 + 2 + p.identity.len() + 4 + 2 + 1 + 32);
    #[cfg(not(feature = "psk"))]
    let psk = 0;
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
) -> Result<Session<'a, impl Future<Output = Outcome> + 'a>, Error<core::convert::Infallible>>
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
    shared.guard.replace(Guard::new(
        config.max_handshake_len,
        config.verification.is_psk(),
    ));
    Ok(Session {
        shared,
        future: run(
            shared, config, time, read_buf, write_buf, rng, signer, capacity,
        ),
    })
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
    #[cfg(feature = "psk")]
    let psk = config.verification.psk;
    #[cfg(feature = "psk")]
    let psk_identity;
    #[cfg(feature = "psk")]
    if let Some(psk) = psk {
        psk_identity = [psk.identity];
        tls_config = tls_config.with_psk(psk.key, &psk_identity);
    }
    let mut provider = Provider::new(shared, config, time, rng, signer);
    // The engine borrows the record buffers only for the session: after a failure they are
    // read back to name its reason (`failure`).
    let mut tls: TlsConnection<'_, Pipe<'a>, Aes128GcmSha256> =
        TlsConnection::new(Pipe { shared }, &mut *read_buf, &mut *write_buf);
    let opened = tls.open(TlsContext::new(&tls_config, &mut provider)).await;
    // Some(None): a ServerHello without pre_shared_key passed the guard.
    #[cfg(feature = "psk")]
    let selected = shared.guard.borrow().psk_selected();
    if let Err(e) = opened {
        // Offered a PSK, got a (non-HRR) ServerHello without it: the engine then fails to
        // decrypt (its key schedule always mixes our key in); name the real reason.
        #[cfg(feature = "psk")]
        if psk.is_some() && selected == Some(None) {
            return Outcome(abandon(shared, End::PskNotAccepted));
        }
        return Outcome(failure(shared, e, read_buf, true));
    }
    // The server is authenticated if it proved a certificate (the verifier checked its
    // CertificateVerify), or if we offered a PSK and the server selected it: embedded-tls
    // derives every handshake key from our PSK (and the ECDHE secret), and `open` returned
    // only after checking the server's Finished under those keys, so the server knows the key.
    #[cfg(feature = "psk")]
    let psk_used = psk.is_some() && selected == Some(Some(0));
    #[cfg(not(feature = "psk"))]
    let psk_used = false;
    if !(shared.authenticated.get() || psk_used) {
        #[cfg(feature = "psk")]
        if psk.is_some() {
            return Outcome(abandon(shared, End::PskNotAccepted));
        }
        return Outcome(abandon(shared, End::NotAuthenticated));
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
        Err(e) => failure(shared, e, read_buf, false),
    })
}

/// How a session the engine failed ends: the guard's reason if it stopped the stream (with its
/// fatal alert staged in plaintext while the handshake runs, as embedded-tls sends its own);
/// else what the last protected record says, read where the engine decrypted it, if the
/// engine failed after decrypting it; else the engine's error.
fn failure(shared: &Shared<'_>, e: TlsError, read_buf: &[u8], handshaking: bool) -> End {
    let guard = shared.guard.borrow();
    if let Some(stop) = guard.stop() {
        abandon(shared, End::Stopped(stop));
        if let (true, Some(code)) = (handshaking, stop.alert()) {
            shared.tx.borrow_mut().push(&[21, 3, 3, 0, 2, 2, code]);
        }
        return End::Stopped(stop);
    }
    if !matches!(
        e,
        TlsError::CryptoError | TlsError::Io(_) | TlsError::IoError
    ) {
        let found = guard.last_protected().and_then(|(len, tag)| {
            let (kind, content) = guard::decrypted(read_buf, len, tag)?;
            guard::explain(kind, content)
        });
        if let Some(stop) = found {
            return abandon(shared, End::Stopped(stop));
        }
    }
    abandon(shared, End::Failed(e))
}

/// A failed session sends nothing it staged (our Finished after an unauthenticated
/// handshake, a record cut by the failure): empty `tx`, then return `end`.
fn abandon(shared: &Shared<'_>, end: End) -> End {
    let mut tx = shared.tx.borrow_mut();
    let n = tx.len();
    tx.consume(n);
    end
}

enum Loop {
    CloseRequested,
    PeerClosed,
}

type Reader<'r, 'a> = TlsReader<'r, Pipe<'a>, Aes128GcmSha256>;
type Writer<'r, 'a> = TlsWriter<'r, Pipe<'a>, Aes128GcmSha256>;

/// Decrypt records into `plain_rx` while it has room.
async fn read_loop<'r, 'a: 'r>(
    reader: &mut Reader<'r, 'a>,
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
    writer: &mut Writer<'r, 'a>,
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
        // One `end_record` await for all three commands: each await point of an async fn
        // inlines its state machine (here embedded-tls's record encryption and write) again.
        let end = match cmd {
            Cmd::Data => {
                let room = (capacity - fill).min(chunk.len());
                let n = shared.plain_tx.borrow_mut().pop_into(&mut chunk[..room]);
                let mut done = 0;
                while done < n {
                    done += writer.write(&chunk[done..n]).await?;
                }
                shared.in_record.set(fill + n);
                fill + n == capacity
            }
            Cmd::Flush => {
                shared.flush.set(false);
                true
            }
            Cmd::Close => true,
        };
        if end {
            end_record(writer, shared).await?;
        }
        if matches!(cmd, Cmd::Close) {
            return Ok(Loop::CloseRequested);
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
    writer: &mut Writer<'r, 'a>,
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
