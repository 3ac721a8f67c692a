//! The adapters against a real `openssl s_server` on 127.0.0.1: the async one over a tokio
//! `TcpStream` (embedded-io-adapters' `FromTokio`), the blocking one over a std `TcpStream`
//! (`FromStd`), optionally cut into small reads and writes by [`Chunked`].

use std::net::SocketAddr;

use embedded_io::ErrorKind;
use embedded_io_adapters::std::FromStd;
use embedded_io_adapters::tokio_1::FromTokio;
use rand_core::OsRng;

use super::{BlockingTlsStream, IoError, TlsStream};
use crate::testkit::{self, Ca, Server};
use crate::{CertError, ClientConfig, Error, NoSigner, Time, Verification};

/// A CA and a server chain (leaf, then an intermediate) for `names`.
struct Pki {
    ca: Ca,
    chain_pem: String,
    key_pem: String,
}

fn pki(names: &[&str]) -> Pki {
    let ca = testkit::root("Adapter Root");
    let int = testkit::intermediate("Adapter Intermediate", Some(0), &ca);
    let key = rcgen::KeyPair::generate().unwrap();
    let leaf = testkit::leaf_params(names).signed_by(&key, &int).unwrap();
    Pki {
        chain_pem: format!("{}{}", leaf.pem(), int.pem()),
        key_pem: key.serialize_pem(),
        ca,
    }
}

fn start(pki: &Pki, args: &[&str], files: &[(&str, &str)]) -> Server {
    Server::start(&pki.chain_pem, &pki.key_pem, args, files)
}

/// Lower stream wrapper: at most `read` bytes per read and `write` bytes per write, so TLS
/// records cross many lower reads and writes.
struct Chunked<T> {
    inner: T,
    read: usize,
    write: usize,
    /// Everything written, to count the records afterwards.
    out: Vec<u8>,
}

impl<T> Chunked<T> {
    fn new(inner: T, read: usize, write: usize) -> Self {
        Chunked {
            inner,
            read,
            write,
            out: Vec::new(),
        }
    }

    /// Plaintext lengths (without content type and tag) of the records written with outer type 23
    /// (application_data: after the ClientHello, every TLS 1.3 record; the client's
    /// Finished comes first).
    fn record_lens(&self) -> Vec<usize> {
        let mut lens = Vec::new();
        let mut rest = &self.out[..];
        while rest.len() >= 5 {
            let len = usize::from(u16::from_be_bytes([rest[3], rest[4]]));
            if rest[0] == 23 {
                lens.push(len - 17);
            }
            rest = &rest[(5 + len).min(rest.len())..];
        }
        lens
    }
}

impl<T: embedded_io::ErrorType> embedded_io::ErrorType for Chunked<T> {
    type Error = T::Error;
}

impl<T: embedded_io_async::Read> embedded_io_async::Read for Chunked<T> {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, T::Error> {
        let n = buf.len().min(self.read);
        self.inner.read(&mut buf[..n]).await
    }
}

impl<T: embedded_io_async::Write> embedded_io_async::Write for Chunked<T> {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, T::Error> {
        let n = buf.len().min(self.write);
        let n = self.inner.write(&buf[..n]).await?;
        self.out.extend_from_slice(&buf[..n]);
        Ok(n)
    }
    async fn flush(&mut self) -> Result<(), T::Error> {
        self.inner.flush().await
    }
}

impl<T: embedded_io::Read> embedded_io::Read for Chunked<T> {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, T::Error> {
        let n = buf.len().min(self.read);
        self.inner.read(&mut buf[..n])
    }
}

impl<T: embedded_io::Write> embedded_io::Write for Chunked<T> {
    fn write(&mut self, buf: &[u8]) -> Result<usize, T::Error> {
        let n = buf.len().min(self.write);
        let n = self.inner.write(&buf[..n])?;
        self.out.extend_from_slice(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> Result<(), T::Error> {
        self.inner.flush()
    }
}

/// Run `f` on a current-thread tokio runtime with a loopback `TcpStream` to `addr`.
fn tokio_run<R>(addr: SocketAddr, f: impl AsyncFnOnce(FromTokio<tokio::net::TcpStream>) -> R) -> R {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .unwrap();
    rt.block_on(async {
        let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        tcp.set_nodelay(true).unwrap();
        f(FromTokio::new(tcp)).await
    })
}

fn std_tcp(addr: SocketAddr) -> FromStd<std::net::TcpStream> {
    let tcp = std::net::TcpStream::connect(addr).unwrap();
    tcp.set_nodelay(true).unwrap();
    // A stuck test fails instead of hanging (a timeout is an error, never `Ok`).
    tcp.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    FromStd::new(tcp)
}

/// An async TLS stream named `$tls` over `$lower` for `$config`, in the current scope, on
/// the least buffers (records carry at most `write_buffer_len - 133` plaintext bytes).
macro_rules! async_tls {
    ($tls:ident, $config:expr, $lower:expr) => {
        crate::test_session!(let session = &$config, Time::Now(testkit::NOW), OsRng, NoSigner);
        let mut $tls = TlsStream::new(session, $lower, crate::io::StdClock::new());
    };
}

/// The blocking variant of [`async_tls`].
macro_rules! blocking_tls {
    ($tls:ident, $config:expr, $lower:expr) => {
        crate::test_session!(let session = &$config, Time::Now(testkit::NOW), OsRng, NoSigner);
        let mut $tls = BlockingTlsStream::new(session, $lower, crate::io::StdClock::new());
    };
}

fn config<'a>(name: &'a str, anchors: &'a [&'a [u8]]) -> ClientConfig<'a> {
    ClientConfig::new(name, Verification::new(anchors).unwrap()).unwrap()
}

/// What `s_server -rev` answers to `line` (without its newline): the line reversed.
fn reversed(line: &[u8]) -> Vec<u8> {
    let mut r: Vec<u8> = line.iter().rev().copied().collect();
    r.push(b'\n');
    r
}

/// 3,000 printable bytes and a newline: more than ten records of at most 287 bytes.
fn long_line() -> Vec<u8> {
    let mut line: Vec<u8> = (0..3000).map(|i| b'a' + (i % 26) as u8).collect();
    line.push(b'\n');
    line
}

async fn read_line_async<T: embedded_io_async::Read>(r: &mut T, want: usize) -> Vec<u8> {
    let mut got = Vec::new();
    let mut buf = [0u8; 100];
    while got.len() < want && !got.ends_with(b"\n") {
        let n = r.read(&mut buf).await.map_err(|_| ()).unwrap();
        assert!(n > 0, "end of stream after {} bytes", got.len());
        got.extend_from_slice(&buf[..n]);
    }
    got
}

fn read_line_blocking<T: embedded_io::Read>(r: &mut T, want: usize) -> Vec<u8> {
    let mut got = Vec::new();
    let mut buf = [0u8; 100];
    while got.len() < want && !got.ends_with(b"\n") {
        let n = r.read(&mut buf).map_err(|_| ()).unwrap();
        assert!(n > 0, "end of stream after {} bytes", got.len());
        got.extend_from_slice(&buf[..n]);
    }
    got
}

#[test]
fn async_echo_round_trip_then_close_notify() {
    use embedded_io_async::{Read as _, Write as _};
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3", "-rev", "-msg"], &[]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    tokio_run(server.addr(), async |tcp| {
        async_tls!(tls, config("localhost", &anchors), tcp);
        assert!(!tls.is_open());
        tls.open().await.unwrap();
        assert!(tls.is_open());
        tls.write_all(b"hello tls\n").await.unwrap();
        tls.flush().await.unwrap();
        assert_eq!(read_line_async(&mut tls, 10).await, b"slt olleh\n");
        tls.close().await.unwrap();
        assert!(!tls.is_open());
        let mut buf = [0u8; 8];
        let e = tls.read(&mut buf).await.unwrap_err();
        assert!(matches!(e.reason(), Error::NotConnected), "{:?}", e);
        assert_eq!(embedded_io::Error::kind(&e), ErrorKind::NotConnected);
        let e = tls.write(b"more").await.unwrap_err();
        assert!(matches!(e.reason(), Error::NotConnected), "{:?}", e);
    });
    server.wait_for("close_notify");
}

#[test]
fn blocking_echo_round_trip_with_handshake_on_first_write() {
    use embedded_io::Write as _;
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3", "-rev", "-msg"], &[]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    blocking_tls!(tls, config("localhost", &anchors), std_tcp(server.addr()));
    // No explicit open: the first write runs the handshake.
    tls.write_all(b"hello blocking\n").unwrap();
    assert!(tls.is_open());
    tls.flush().unwrap();
    assert_eq!(read_line_blocking(&mut tls, 15), b"gnikcolb olleh\n");
    tls.close().unwrap();
    server.wait_for("close_notify");
}

#[test]
fn async_large_transfer_split_across_records_and_lower_chunks() {
    use embedded_io_async::Write as _;
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3", "-rev"], &[]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    let line = long_line();
    tokio_run(server.addr(), async |tcp| {
        async_tls!(tls, config("localhost", &anchors), Chunked::new(tcp, 7, 61));
        // Written in odd-sized pieces; each write takes what the staging has room for.
        for piece in line.chunks(333) {
            tls.write_all(piece).await.unwrap();
        }
        tls.flush().await.unwrap();
        let got = read_line_async(&mut tls, line.len()).await;
        assert_eq!(got, reversed(&line[..3000]));
        // Records carry at most write_buffer_len - 133 = 287 plaintext bytes here: the line
        // left in at least 11 of them (plus the Finished, 36 + 1 bytes, first).
        let lens = tls.lower().record_lens();
        assert_eq!(lens.iter().skip(1).sum::<usize>(), 3001, "{lens:?}");
        assert!(lens.len() > 11, "{lens:?}");
        assert!(lens.iter().all(|&l| l <= 287), "{lens:?}");
        tls.close().await.unwrap();
    });
}

#[test]
fn blocking_large_transfer_split_across_records_and_lower_chunks() {
    use embedded_io::Write as _;
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3", "-rev"], &[]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    let line = long_line();
    let lower = Chunked::new(std_tcp(server.addr()), 7, 61);
    blocking_tls!(tls, config("localhost", &anchors), lower);
    tls.open().unwrap();
    tls.write_all(&line).unwrap();
    tls.flush().unwrap();
    assert_eq!(
        read_line_blocking(&mut tls, line.len()),
        reversed(&line[..3000])
    );
    tls.close().unwrap();
}

/// 100,000 bytes from the server (`s_server -WWW`: a file, then close_notify) in 16 KiB
/// records: read until `Ok(0)`, which comes only after the close_notify.
#[test]
fn async_download_until_close_notify_is_end_of_stream() {
    use embedded_io_async::{Read as _, Write as _};
    let pki = pki(&["localhost"]);
    let body: String = (0..100_000)
        .map(|i| (b'a' + (i % 23) as u8) as char)
        .collect();
    let server = start(&pki, &["-tls1_3", "-WWW"], &[("big.txt", &body)]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    tokio_run(server.addr(), async |tcp| {
        async_tls!(tls, config("localhost", &anchors), tcp);
        tls.write_all(b"GET /big.txt HTTP/1.0\r\n\r\n")
            .await
            .unwrap();
        tls.flush().await.unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 1000];
        loop {
            let n = tls.read(&mut buf).await.unwrap();
            if n == 0 {
                break;
            }
            got.extend_from_slice(&buf[..n]);
        }
        assert!(got.starts_with(b"HTTP/1.0 200 ok\r\n"), "{:?}", &got[..40]);
        assert!(got.ends_with(body.as_bytes()));
        // End of stream stays end of stream; writing after the server closed is refused.
        assert_eq!(tls.read(&mut buf).await.unwrap(), 0);
        let e = tls.write(b"x").await.unwrap_err();
        assert!(matches!(e.reason(), Error::NotConnected), "{:?}", e);
        // Nothing left to send: close succeeds without a session.
        tls.close().await.unwrap();
    });
}

#[test]
fn blocking_download_until_close_notify_is_end_of_stream() {
    use embedded_io::{Read as _, Write as _};
    let pki = pki(&["localhost"]);
    let body: String = (0..100_000)
        .map(|i| (b'a' + (i % 23) as u8) as char)
        .collect();
    let server = start(&pki, &["-tls1_3", "-WWW"], &[("big.txt", &body)]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    blocking_tls!(tls, config("localhost", &anchors), std_tcp(server.addr()));
    tls.write_all(b"GET /big.txt HTTP/1.0\r\n\r\n").unwrap();
    tls.flush().unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 1000];
    loop {
        let n = tls.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    assert!(got.ends_with(body.as_bytes()));
    assert_eq!(tls.read(&mut buf).unwrap(), 0);
}

#[test]
fn async_wrong_name_rejected_with_the_reason() {
    use embedded_io_async::Write as _;
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3"], &[]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    tokio_run(server.addr(), async |tcp| {
        async_tls!(tls, config("other.example", &anchors), tcp);
        let e: IoError<_> = tls.open().await.unwrap_err();
        assert!(
            matches!(e.reason(), Error::Certificate(CertError::NameMismatch)),
            "{:?}",
            e
        );
        assert!(!tls.is_open());
        // The failure is sticky, with the same reason.
        let e = tls.write(b"x").await.unwrap_err();
        assert!(matches!(
            e.into_reason(),
            Error::Certificate(CertError::NameMismatch)
        ));
    });
}

#[test]
fn blocking_untrusted_server_rejected_on_first_use() {
    use embedded_io::{Read as _, Write as _};
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3"], &[]);
    let other = testkit::root("Someone Else");
    let anchors: [&[u8]; 1] = [other.der()];
    blocking_tls!(tls, config("localhost", &anchors), std_tcp(server.addr()));
    let mut buf = [0u8; 8];
    let e = tls.read(&mut buf).unwrap_err();
    assert!(
        matches!(e.reason(), Error::Certificate(CertError::UnknownIssuer)),
        "{:?}",
        e
    );
    assert_eq!(embedded_io::Error::kind(&e), ErrorKind::Other);
    assert_eq!(
        e.to_string(),
        Error::<()>::Certificate(CertError::UnknownIssuer).to_string()
    );
    assert!(tls.write(b"x").is_err());
}

/// The server goes away after the handshake without close_notify: the read says so
/// (`Truncated`, `ConnectionAborted`), it never returns a clean end of stream.
#[test]
fn async_end_of_stream_without_close_notify_is_truncated() {
    use embedded_io_async::{Read as _, Write as _};
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3", "-rev"], &[]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    tokio_run(server.addr(), async |tcp| {
        async_tls!(tls, config("localhost", &anchors), tcp);
        // A round trip first: the server has read everything we sent, so killing it closes
        // its socket with a FIN (unread data would make it a reset).
        tls.write_all(b"ping\n").await.unwrap();
        tls.flush().await.unwrap();
        assert_eq!(read_line_async(&mut tls, 5).await, b"gnip\n");
        drop(server); // killed: the kernel closes its socket, no TLS alert
        let mut buf = [0u8; 64];
        let e = tls.read(&mut buf).await.unwrap_err();
        assert!(matches!(e.reason(), Error::Truncated), "{:?}", e);
        assert_eq!(embedded_io::Error::kind(&e), ErrorKind::ConnectionAborted);
    });
}

/// A read timeout of the lower stream comes back as its own error, with its kind, and leaves
/// the TLS stream usable: the next read gets the answer.
#[test]
fn blocking_lower_read_timeout_is_reported_and_retryable() {
    use embedded_io::Write as _;
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3", "-rev"], &[]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    blocking_tls!(tls, config("localhost", &anchors), std_tcp(server.addr()));
    tls.open().unwrap();
    // The server sends nothing until we do: this read times out.
    let socket = tls.lower().inner().try_clone().unwrap();
    socket
        .set_read_timeout(Some(std::time::Duration::from_millis(1)))
        .unwrap();
    let mut buf = [0u8; 8];
    let e = embedded_io::Read::read(&mut tls, &mut buf).unwrap_err();
    assert!(
        matches!(e.reason(), Error::Tcp(k) if matches!(k.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut)),
        "{e:?}"
    );
    socket
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    tls.write_all(b"ping\n").unwrap();
    tls.flush().unwrap();
    assert_eq!(read_line_blocking(&mut tls, 5), b"gnip\n");
}

/// A write error of the lower stream comes back with its kind; the TLS stream is then
/// unusable (part of a record may have left) and says so.
#[test]
fn blocking_lower_write_error_breaks_the_stream() {
    use embedded_io::Write as _;
    let pki = pki(&["localhost"]);
    let server = start(&pki, &["-tls1_3", "-rev"], &[]);
    let anchors: [&[u8]; 1] = [pki.ca.der()];
    blocking_tls!(tls, config("localhost", &anchors), std_tcp(server.addr()));
    tls.open().unwrap();
    tls.lower()
        .inner()
        .shutdown(std::net::Shutdown::Write)
        .unwrap();
    tls.write_all(b"lost\n").unwrap(); // buffered in the record
    let e = tls.flush().unwrap_err();
    assert!(
        matches!(e.reason(), Error::Tcp(k) if k.kind() == std::io::ErrorKind::BrokenPipe),
        "{e:?}"
    );
    assert_eq!(embedded_io::Error::kind(&e), ErrorKind::BrokenPipe);
    let e = tls.write(b"more").unwrap_err();
    assert!(matches!(e.reason(), Error::NotConnected), "{e:?}");
}
