//! Fuzz target for rawnet-mqtt's codec and streaming decoder.
//!
//! Input: two control bytes (version, receive buffer size, split seed), then the bytes of
//! a stream of packets.
//!
//! 1. check → parse → emit → parse: whatever the checked view and `Repr::parse` accept
//!    emits to exactly `buffer_len` bytes, parses back equal, and re-emits identically;
//!    emitting into a buffer one byte short is `BufferTooSmall`. `Repr::parse_bytes` and the
//!    client's `Repr::parse_body_client` give the same answer as `Repr::parse`, errors
//!    included, and `Repr::check` + `Checked::emit` the same bytes as `Repr::emit`.
//! 2. The streaming decoder fed the whole stream at once and fed it in pseudo-random
//!    splits (one byte at a time included) produces the same packets, the same streamed
//!    PUBLISH headers and payload bytes, and the same final error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rawnet_mqtt::wire::{Decoder, Error, Event, Packet, PacketType, Repr, Version};

#[derive(Debug, PartialEq)]
enum Owned {
    Packet(Vec<u8>),
    Start(Vec<u8>, usize),
    Payload(Vec<u8>),
}

fn emit(repr: &Repr<'_>, version: Version) -> Vec<u8> {
    let len = repr.buffer_len(version);
    let mut out = vec![0u8; len];
    assert_eq!(repr.emit(&mut out, version), Ok(len), "{repr:?}");
    out
}

fn check_parse_emit(bytes: &[u8], version: Version) {
    let Ok(packet) = Packet::new_checked(bytes) else {
        return;
    };
    // The two builds of the parser agree, errors included, on what a client receives.
    let parsed = Repr::parse(&packet, version);
    assert_eq!(Repr::parse_bytes(bytes, version).map(|(r, _)| r), parsed);
    if !matches!(
        packet.packet_type(),
        PacketType::Connect | PacketType::Subscribe | PacketType::Unsubscribe | PacketType::PingReq
    ) {
        let client = Repr::parse_body_client(packet.header(), packet.body_ref(), version);
        assert_eq!(client, parsed, "{bytes:?}");
    }
    let Ok(repr) = parsed else {
        return;
    };
    // Checked once, emitted without the checks: the same bytes as emit.
    let checked = repr.check(version).expect("a parsed packet passes the check");
    let mut trusted = vec![0u8; checked.buffer_len()];
    assert_eq!(checked.emit(&mut trusted), Ok(trusted.len()));
    assert_eq!(trusted, emit(&repr, version));
    let out = emit(&repr, version);
    // Emit may pick a shorter equivalent form (5.0 acks without reason / properties).
    assert!(out.len() <= packet.total_len());
    let (again, n) = Repr::parse_bytes(&out, version).expect("emitted bytes parse");
    assert_eq!(n, out.len());
    assert_eq!(again, repr);
    assert_eq!(emit(&again, version), out);
    let mut short = vec![0u8; out.len().saturating_sub(1)];
    if !out.is_empty() {
        assert_eq!(repr.emit(&mut short, version), Err(Error::BufferTooSmall));
    }
}

/// Runs the decoder over `stream` cut by `cuts`; returns the events and the final error.
fn decode(
    stream: &[u8],
    version: Version,
    buf_len: usize,
    mut cut: impl FnMut() -> usize,
) -> (Vec<Owned>, Option<Error>) {
    let mut rx = vec![0u8; buf_len];
    let mut decoder = Decoder::new(&mut rx[..], version);
    let mut events = Vec::new();
    let mut rest = stream;
    while !rest.is_empty() {
        let n = cut().clamp(1, rest.len());
        let mut piece = &rest[..n];
        rest = &rest[n..];
        while !piece.is_empty() {
            let d = match decoder.feed(piece) {
                Ok(d) => d,
                Err(e) => return (events, Some(e)),
            };
            assert!(d.consumed <= piece.len());
            match d.event {
                Event::NeedMore => assert_eq!(d.consumed, piece.len()),
                Event::Packet(repr) => events.push(Owned::Packet(emit(&repr, version))),
                Event::PublishStart {
                    publish,
                    payload_len,
                } => {
                    assert!(payload_len > 0 && publish.payload.is_empty());
                    events.push(Owned::Start(
                        emit(&Repr::Publish(publish), version),
                        payload_len,
                    ));
                }
                Event::PublishPayload { data, .. } => {
                    assert!(!data.is_empty());
                    match events.last_mut() {
                        Some(Owned::Payload(acc)) => acc.extend_from_slice(data),
                        _ => events.push(Owned::Payload(data.to_vec())),
                    }
                }
            }
            piece = &piece[d.consumed..];
        }
    }
    (events, None)
}

fuzz_target!(|data: &[u8]| {
    let [ctl0, ctl1, stream @ ..] = data else {
        return;
    };
    let version = if ctl0 & 1 == 0 {
        Version::V311
    } else {
        Version::V5
    };
    let buf_len = 4 + usize::from(*ctl1);

    check_parse_emit(stream, version);

    let whole = decode(stream, version, buf_len, || usize::MAX);
    let mut state = u32::from(*ctl0) << 8 | u32::from(*ctl1) | 1;
    let max_cut = 1 + usize::from(ctl0 >> 1);
    let random = decode(stream, version, buf_len, || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        1 + state as usize % max_cut
    });
    assert_eq!(whole, random);
    let bytewise = decode(stream, version, buf_len, || 1);
    assert_eq!(whole, bytewise);
});
