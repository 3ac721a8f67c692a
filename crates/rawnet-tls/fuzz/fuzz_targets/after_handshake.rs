//! Arbitrary server bytes after a real handshake. The scripted server (rawnet-tls's testkit)
//! completes a TLS 1.3 handshake with the client over the callback transport; then the input
//! is a program of what reaches the client: raw bytes (anything someone on the path injects),
//! application data sealed under the server's real key, or any sealed record (the
//! authenticated server's own messages, but for the one known embedded-tls limit below), cut
//! into TCP segments of input-chosen sizes.
//!
//! The handshake is the same for every input (both sides draw from fixed counters), so it is
//! made once per process with full verification (chain and CertificateVerify) and recorded.
//! Each input then replays the server's recorded flight to a fresh client whose verifier is
//! `dangerous_accept_any_server_insecure` (the checks passed once on these very bytes; the
//! client's own output must match the record byte for byte) and continues with a clone of the
//! established server. Only the client's key exchange remains per input: about 5× the rate of
//! a full verified handshake on both sides (docs/reliability.md).
//!
//! Beyond "never panics": the layer above receives exactly a prefix of the sealed application
//! data, in order, and sees the end of stream only after a sealed close_notify.
//!
//! Excluded: a sealed post-handshake handshake message of a type embedded-tls 0.19 parses,
//! other than NewSessionTicket (ServerHello 2, EncryptedExtensions 8, Certificate 11,
//! CertificateRequest 13, CertificateVerify 15, Finished 20), reaches its `unimplemented!()`
//! in `DecryptedReadHandler::handle`, which only the authenticated server can trigger
//! (docs/tls.md, "Known limits"; this target found the Certificate case, the seed
//! `sealed_certificate`, and the same after a NewSessionTicket, whose parser ignores the
//! message's length: the seed `sealed_after_ticket`). The type byte of the first such message
//! in sealed handshake content, found by walking it as embedded-tls does, is changed to 14,
//! which embedded-tls refuses with an error.
#![no_main]

use core::pin::pin;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rawnet_altcp::{Callbacks, Connection, Duration, Instant};
use rawnet_tls::scripted::{Script, ScriptedServer};
use rawnet_tls::{
    read_buffer_len, session, ClientConfig, Error, NoSigner, Time, Tls, TlsBuffers, TlsConn,
    Verification,
};

/// A test CA and a chain for "broker.fuzz" with the leaf's key, made once.
struct Pki {
    ca: Vec<u8>,
    leaf: Vec<u8>,
    key: p256::ecdsa::SigningKey,
}

fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(|| {
        use p256::pkcs8::DecodePrivateKey;
        use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
        let mut ca = CertificateParams::default();
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.not_before = rcgen::date_time_ymd(2020, 1, 1);
        ca.not_after = rcgen::date_time_ymd(2040, 1, 1);
        let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().unwrap()).unwrap();
        let mut leaf = CertificateParams::new(vec!["broker.fuzz".to_string()]).unwrap();
        leaf.not_before = rcgen::date_time_ymd(2020, 1, 1);
        leaf.not_after = rcgen::date_time_ymd(2040, 1, 1);
        let key = KeyPair::generate().unwrap();
        let cert = leaf.signed_by(&key, &ca).unwrap();
        Pki {
            ca: ca.der().to_vec(),
            leaf: cert.der().to_vec(),
            key: p256::ecdsa::SigningKey::from_pkcs8_der(&key.serialize_der()).unwrap(),
        }
    })
}

/// Deterministic bytes: the fuzzer explores inputs, not key material.
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
            self.0 = self.0.wrapping_add(7);
            *b = self.0;
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}
impl rand_core::CryptoRng for Counter {}

#[derive(Default)]
struct Mem {
    out: Vec<u8>,
}
impl Connection for Mem {
    type Error = ();
    fn send_space(&self) -> usize {
        65_536 - self.out.len()
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, ()> {
        let n = data.len().min(self.send_space());
        self.out.extend_from_slice(&data[..n]);
        Ok(n)
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

#[derive(Default)]
struct App {
    connected: bool,
    received: Vec<u8>,
    eof: bool,
    failed: bool,
}
impl<'c, 'b> Callbacks<TlsConn<'c, 'b, Mem>> for App {
    fn connected(&mut self, _: &mut TlsConn<'c, 'b, Mem>, _: Instant) {
        self.connected = true;
    }
    fn recv(&mut self, _: &mut TlsConn<'c, 'b, Mem>, data: &[u8], _: Instant) -> usize {
        assert!(!self.eof && !self.failed, "data after the end");
        self.received.extend_from_slice(data);
        data.len()
    }
    fn eof(&mut self, _: &mut TlsConn<'c, 'b, Mem>, _: Instant) {
        self.eof = true;
    }
    fn err(&mut self, _: Error<()>, _: Instant) {
        assert!(!self.failed, "err twice");
        self.failed = true;
    }
}

/// Walk the handshake messages in `content` as embedded-tls 0.19 does and change the type of
/// the first one that would reach its `unimplemented!()` after the handshake to 14 (which it
/// refuses). Its parsers ignore the 24-bit length (but Finished's): the message after a
/// NewSessionTicket starts where the ticket's own fields end, and any other type ends the
/// walk (an error, or the panic this prevents).
fn unparseable_types(content: &mut [u8]) {
    let mut at = 0;
    while let Some(&kind) = content.get(at) {
        match kind {
            2 | 8 | 11 | 13 | 15 | 20 => {
                content[at] = 14;
                return;
            }
            4 => match ticket_end(content, at + 4) {
                Some(end) => at = end,
                None => return,
            },
            _ => return,
        }
    }
}

/// Where a NewSessionTicket body starting at `at` ends as embedded-tls reads it: lifetime
/// (4), age_add (4), nonce (u8 length), ticket (u16 length), extensions (u16 length).
fn ticket_end(content: &[u8], at: usize) -> Option<usize> {
    let u16_at = |i: usize| {
        Some(usize::from(u16::from_be_bytes([
            *content.get(i)?,
            *content.get(i + 1)?,
        ])))
    };
    let nonce = at + 8;
    let ticket = nonce + 1 + usize::from(*content.get(nonce)?);
    let extensions = ticket + 2 + u16_at(ticket)?;
    let end = extensions + 2 + u16_at(extensions)?;
    (end <= content.len()).then_some(end)
}

/// The handshake of every input: what the client wrote and what the server answered, round
/// by round, and the server once established.
struct Recorded {
    rounds: Vec<(Vec<u8>, Vec<u8>)>,
    server: ScriptedServer,
}

/// Made by the first input, with full verification and a live server.
static RECORDED: OnceLock<Recorded> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let pki = pki();
    let anchors = [pki.ca.as_slice()];
    let recorded = RECORDED.get();
    let verification = match recorded {
        Some(_) => Verification::dangerous_accept_any_server_insecure(),
        None => Verification::new(&anchors).unwrap(),
    };
    let config = ClientConfig::new("broker.fuzz", verification).unwrap();
    let mut buffers = Box::new(TlsBuffers::<{ read_buffer_len(None) }, 1024>::new());
    let (shared, read, write) = buffers.split();
    let now = Instant::from_ticks(0);
    let fut = session(
        &shared,
        &config,
        Time::Now(1_900_000_000),
        read,
        write,
        Counter(1),
        NoSigner,
    )
    .unwrap();
    let mut fut = pin!(fut);
    let mut tls = Tls::new(fut.as_mut(), App::default());
    let mut conn = Mem::default();
    let mut live = ScriptedServer::new(
        Script {
            certificate: Some((vec![pki.leaf.clone()], pki.key.clone())),
            ..Script::default()
        },
        &mut Counter(99),
    );

    // The handshake: live the first time, then replayed (the client must write what it
    // wrote then, byte for byte).
    tls.connected(&mut conn, now);
    let mut rounds = Vec::new();
    for round in 0..8 {
        let out = core::mem::take(&mut conn.out);
        tls.sent(&mut conn, out.len(), now);
        let back = match recorded {
            Some(r) => {
                assert_eq!(out, r.rounds[round].0, "the handshake is deterministic");
                r.rounds[round].1.clone()
            }
            None => {
                live.receive(&out);
                let back = live.take_output();
                rounds.push((out, back.clone()));
                back
            }
        };
        if !back.is_empty() {
            tls.recv(&mut conn, &back, now);
        }
    }
    assert!(tls.inner().connected, "handshake");
    let mut server = match recorded {
        Some(r) => r.server.clone(),
        None => {
            assert!(live.is_established(), "handshake");
            let _ = RECORDED.set(Recorded {
                rounds,
                server: live.clone(),
            });
            live
        }
    };

    // The program.
    let mut sealed_data = Vec::new();
    let mut close_notify_sent = false;
    let mut segment = 1500;
    let mut input = data;
    while let [op, rest @ ..] = input {
        let (len, rest) = match rest {
            [len, rest @ ..] => (usize::from(*len), rest),
            [] => break,
        };
        let n = len.min(rest.len());
        let (bytes, rest) = rest.split_at(n);
        input = rest;
        match op % 4 {
            0 => server.inject(bytes),
            1 => {
                server.send(bytes);
                sealed_data.extend_from_slice(bytes);
            }
            2 => {
                let Some((&kind, content)) = bytes.split_first() else {
                    continue;
                };
                // What the client will see: the inner content type is the last non-zero byte
                // of content + kind (RFC 8446 §5.4), the rest is padding.
                let mut content = content.to_vec();
                let mut inner = content.clone();
                inner.push(kind);
                let Some(at) = inner.iter().rposition(|&b| b != 0) else {
                    server.send_sealed(kind, &content);
                    continue;
                };
                let seen = &inner[..at];
                match inner[at] {
                    22 => {
                        let end = at.min(content.len());
                        unparseable_types(&mut content[..end]);
                    }
                    23 => sealed_data.extend_from_slice(seen),
                    21 if seen.get(1) == Some(&0) => close_notify_sent = true,
                    _ => {}
                }
                server.send_sealed(kind, &content);
            }
            _ => segment = len.max(1),
        }
        let out = server.take_output();
        for chunk in out.chunks(segment) {
            let mut rest = chunk;
            while !rest.is_empty() {
                let n = tls.recv(&mut conn, rest, now);
                if n == 0 {
                    break;
                }
                rest = &rest[n..];
            }
        }
        tls.poll(&mut conn, now);
    }
    tls.eof(&mut conn, now);
    let app = tls.inner();
    assert!(
        sealed_data.starts_with(&app.received),
        "only sealed data, in order"
    );
    assert!(
        !app.eof || close_notify_sent,
        "end of stream without a sealed close_notify"
    );
});
