//! The workloads of `cargo xtask bench` (xtask/src/bench.rs runs them and prints the tables;
//! docs/benchmarks.md reads them).
//!
//! Each binary in `src/bin/` does one kind of work, for rawnet and for what users would pick
//! instead, chosen by its arguments. CPU-bound work is counted in instructions: the xtask runs
//! the binary under `valgrind --tool=callgrind --toggle-collect='*rawnet_bench::measure*'`,
//! so only what runs inside [`measure`] (or while a [`measure_async`] future is polled) is
//! counted (setup, connection and the peer's side are
//! not), and divides by the iterations the binary reports. Wall-time figures (throughput,
//! latency, scale) are printed by the binaries themselves, run without valgrind.
//!
//! A binary prints its results as `result <key> <value>` lines on stdout, which the xtask
//! reads; anything else it prints is for people.

use std::future::Future;
use std::hint::black_box;

/// Runs `f` once; callgrind counts only what runs below this function (its toggle).
#[inline(never)]
pub fn measure<R>(f: impl FnOnce() -> R) -> R {
    black_box(f())
}

/// `f`, counted by callgrind only while it is polled: between polls (waiting for the
/// network in the runtime) nothing is counted.
pub fn measure_async<F: Future>(f: F) -> measure_future::Measured<F> {
    measure_future::Measured(Box::pin(f))
}

/// The future of [`measure_async`] (its `poll` is what callgrind's toggle matches).
pub mod measure_future {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    /// A future whose polls are counted.
    pub struct Measured<F>(pub(crate) Pin<Box<F>>);

    impl<F: Future> Future for Measured<F> {
        type Output = F::Output;
        #[inline(never)]
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            self.0.as_mut().poll(cx)
        }
    }
}

/// Prints a result line for the xtask: `result <key> <value>`.
pub fn result(key: &str, value: impl std::fmt::Display) {
    println!("result {key} {value}");
}

/// The TLS stream the MQTT workloads run on: rawnet-tls's async adapter over a tokio socket.
pub type Tls<'s, 'b> = rawnet_tls::io::TlsStream<
    's,
    'b,
    embedded_io_adapters::tokio_1::FromTokio<tokio::net::TcpStream>,
    rawnet_tls::io::StdClock,
>;

/// Runs `f` on a verified TLS 1.3 connection to `addr` (a listener with a certificate of
/// `pki` for [`BROKER_NAME`](rawnet_tests::certs::BROKER_NAME)), in a current-thread tokio
/// runtime with I/O and timers: TCP connected with `TCP_NODELAY`, handshake done, so `f`
/// starts with the connection open. The session's buffers live on this function's stack,
/// hence the closure rather than a returned stream.
pub fn tls_to<R>(
    pki: &rawnet_tests::certs::Pki,
    addr: std::net::SocketAddr,
    f: impl for<'s, 'b> AsyncFnOnce(Tls<'s, 'b>) -> R,
) -> R {
    use rawnet_tls::{ClientConfig, NoSigner, Time, Verification};
    let anchors: [&[u8]; 1] = [&pki.ca_der];
    let config = ClientConfig::new(
        rawnet_tests::certs::BROKER_NAME,
        Verification::new(&anchors).expect("CA"),
    )
    .expect("config");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let tcp = tokio::net::TcpStream::connect(addr)
            .await
            .expect("connect");
        tcp.set_nodelay(true).expect("nodelay");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs();
        rawnet_tls::test_session!(let session = &config, Time::Now(now), rand_core::OsRng, NoSigner);
        let mut tls = rawnet_tls::io::TlsStream::new(
            session,
            embedded_io_adapters::tokio_1::FromTokio::new(tcp),
            rawnet_tls::io::StdClock::new(),
        );
        tls.open().await.expect("TLS handshake");
        f(tls).await
    })
}
