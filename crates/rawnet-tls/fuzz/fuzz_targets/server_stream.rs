//! Arbitrary bytes as what the server sends, cut into TCP segments of fuzzer-chosen sizes:
//! the transport (record framing, HRR sniffing, embedded-tls's ServerHello and record
//! parsing) must never panic and must end in an error or keep waiting.
#![no_main]

use core::pin::pin;
use libfuzzer_sys::fuzz_target;
use rawnet_altcp::{Callbacks, Connection, Duration, Instant};
use rawnet_tls::{
    read_buffer_len, session, ClientConfig, Error, NoSigner, Time, Tls, TlsBuffers, TlsConn,
    Verification,
};

struct Sink;
impl Connection for Sink {
    type Error = ();
    fn send_space(&self) -> usize {
        4096
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, ()> {
        Ok(data.len())
    }
    fn output(&mut self) -> Result<(), ()> {
        Ok(())
    }
    fn close(&mut self) -> Result<(), ()> {
        Ok(())
    }
    fn abort(&mut self) {}
    fn set_nodelay(&mut self, _: bool) {}
    fn set_keep_alive(&mut self, _: Option<Duration>) {}
    fn is_connected(&self) -> bool {
        true
    }
}

struct App;
impl<'c, 'b> Callbacks<TlsConn<'c, 'b, Sink>> for App {
    fn recv(&mut self, _: &mut TlsConn<'c, 'b, Sink>, data: &[u8], _: Instant) -> usize {
        data.len()
    }
    fn err(&mut self, _: Error<()>, _: Instant) {}
}

/// Deterministic bytes: randomness does not matter when nothing can be decrypted anyway.
struct Counter(u8);
impl rand_core::RngCore for Counter {
    fn next_u32(&mut self) -> u32 {
        rand_core::impls::next_u32_via_fill(self)
    }
    fn next_u64(&mut self) -> u64 {
        rand_core::impls::next_u64_via_fill(self)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for b in dest {
            self.0 = self.0.wrapping_add(1);
            *b = self.0;
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}
impl rand_core::CryptoRng for Counter {}

// A throwaway anchor: verification is reached only if a fuzzer forges a handshake.
const ANCHOR: &[u8] = include_bytes!("anchor.der");

fuzz_target!(|data: &[u8]| {
    let Some((&seg, stream)) = data.split_first() else {
        return;
    };
    let seg = usize::from(seg % 64) + 1;
    let anchors = [ANCHOR];
    let config = ClientConfig::new("broker.example", Verification::new(&anchors).unwrap()).unwrap();
    // A small staging scratch (256 B): records cross it in more pieces.
    let mut buffers = Box::new(TlsBuffers::<{ read_buffer_len(None) }, 1024, 256>::new());
    let (shared, read, write) = buffers.split();
    let fut = session(
        &shared,
        &config,
        Time::Now(1_900_000_000),
        read,
        write,
        Counter(0),
        NoSigner,
    )
    .unwrap();
    let mut fut = pin!(fut);
    let mut tls = Tls::new(fut.as_mut(), App);
    let mut conn = Sink;
    let now = Instant::from_ticks(0);
    tls.connected(&mut conn, now);
    for chunk in stream.chunks(seg) {
        let mut rest = chunk;
        while !rest.is_empty() {
            let n = tls.recv(&mut conn, rest, now);
            if n == 0 {
                break;
            }
            rest = &rest[n..];
        }
    }
    tls.eof(&mut conn, now);
});
