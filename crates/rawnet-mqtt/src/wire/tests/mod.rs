//! Tests of the codec, one file per concern:
//!
//! - `spec`: a byte array per packet type built from the specifications' layouts, then
//!   deconstruct (parse), construct (emit into a buffer pre-filled with 0xa5), truncated.
//! - `malformed`: a table of hostile inputs with the exact expected error.
//! - `emit`: representations that emit must refuse.
//! - `roundtrip`: proptest round trips for every packet type in both versions, and
//!   "never panics" on arbitrary bytes.
//! - `decoder`: the streaming decoder under every split.
//! - `fixtures`: packets captured from a real Mosquitto.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::{Error, Packet, PacketId, Repr, Version};

mod decoder;
mod emit;
mod fixtures;
mod malformed;
mod roundtrip;
mod spec;

pub(crate) fn pid(n: u16) -> PacketId {
    PacketId::new(n).expect("non-zero packet id")
}

/// Deconstruct, construct and truncate one byte-exact vector.
#[track_caller]
pub(crate) fn check_vector(bytes: &[u8], repr: Repr<'_>, version: Version) {
    // Deconstruct.
    let packet = Packet::new_checked(bytes).expect("fixed header");
    assert_eq!(packet.total_len(), bytes.len());
    assert_eq!(
        Repr::parse(&packet, version),
        Ok(repr),
        "parse {bytes:02x?}"
    );
    assert_eq!(packet.packet_type(), repr.packet_type());

    // Construct, into a buffer pre-filled with 0xa5 to catch bytes left unwritten.
    let len = repr.buffer_len(version);
    assert_eq!(len, bytes.len(), "buffer_len");
    let mut buf = vec![0xa5u8; len + 8];
    assert_eq!(repr.emit(&mut buf, version), Ok(len));
    assert_eq!(&buf[..len], bytes, "emit");
    assert!(
        buf[len..].iter().all(|&b| b == 0xa5),
        "emit wrote past buffer_len"
    );

    // The client's split paths: the same bytes for what it sends, WrongDirection for the
    // rest, unparsed server-bound packets, the same result for everything else.
    use super::PacketType as T;
    let server_bound = matches!(
        repr.packet_type(),
        T::Connect | T::Subscribe | T::Unsubscribe | T::PingReq
    );
    let client_sent = !matches!(
        repr.packet_type(),
        T::ConnAck | T::SubAck | T::UnsubAck | T::PingResp | T::Auth
    );
    let header = *packet.header();
    let client_parse = Repr::parse_body_client(&header, packet.body(), version);
    if server_bound {
        assert_eq!(client_parse, Err(Error::WrongDirection), "client parse");
    } else {
        assert_eq!(client_parse, Ok(repr), "client parse");
    }
    let mut client_buf = vec![0xa5u8; len + 8];
    if client_sent {
        assert_eq!(repr.buffer_len_client(version), len, "client buffer_len");
        assert_eq!(repr.emit_client(&mut client_buf, version), Ok(len));
        assert_eq!(&client_buf[..len], bytes, "client emit");
        assert_eq!(
            repr.emit_client(&mut client_buf[..len - 1], version),
            Err(Error::BufferTooSmall)
        );
    } else {
        assert_eq!(
            repr.emit_client(&mut client_buf, version),
            Err(Error::WrongDirection)
        );
    }

    // A buffer one byte short is an error, never a panic.
    assert_eq!(
        repr.emit(&mut buf[..len - 1], version),
        Err(Error::BufferTooSmall)
    );

    // Truncated: every proper prefix is Truncated for the checked view.
    for n in 0..bytes.len() {
        assert_eq!(
            Packet::new_checked(&bytes[..n]).err(),
            Some(Error::Truncated),
            "prefix of {n} bytes"
        );
    }

    // Truncated inside: the same fixed header over a shorter body is an error (which one
    // depends on where the cut lands), never a panic and never a success with a different
    // meaning.
    let body = packet.body();
    for n in 0..body.len() {
        assert!(
            Repr::parse_body(&header, &body[..n], version).is_err(),
            "body cut at {n}"
        );
    }
}
