//! The streaming decoder under every split of the input.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::super::{
    Ack, ConnAck, Decoder, Error, Event, Properties, Property, Publish, PublishQos, QoS,
    ReasonCode, ReasonCodes, Repr, SubAck, Subscribe, Subscription, SubscriptionOptions,
    Subscriptions, Version,
};
use super::pid;

fn emit(repr: &Repr<'_>, version: Version) -> Vec<u8> {
    let mut buf = vec![0; repr.buffer_len(version)];
    let n = repr.emit(&mut buf, version).unwrap();
    assert_eq!(n, buf.len());
    buf
}

/// Feeds `chunks` to a decoder with a `buf_len`-byte receive buffer and returns every
/// packet re-emitted as bytes; a streamed PUBLISH is put back together first. Checks the
/// streaming invariants on the way.
fn drive(chunks: &[&[u8]], buf_len: usize, version: Version) -> Result<Vec<Vec<u8>>, Error> {
    let mut rx = vec![0u8; buf_len];
    let mut decoder = Decoder::new(&mut rx[..], version);
    let mut out = Vec::new();
    // (re-emitted PUBLISH header info, payload so far, expected length)
    let mut streaming: Option<(Vec<u8>, Vec<u8>, usize)> = None;
    for chunk in chunks {
        let mut chunk: &[u8] = chunk;
        loop {
            let decoded = decoder.feed(chunk)?;
            assert!(decoded.consumed <= chunk.len());
            match decoded.event {
                Event::NeedMore => {
                    assert_eq!(decoded.consumed, chunk.len(), "NeedMore consumes all");
                    break;
                }
                Event::Packet(repr) => {
                    assert!(streaming.is_none());
                    out.push(emit(&repr, version));
                }
                Event::PublishStart {
                    publish,
                    payload_len,
                } => {
                    assert!(streaming.is_none());
                    assert!(publish.payload.is_empty());
                    assert!(payload_len > 0);
                    // Keep the header as the bytes of an equivalent empty-payload PUBLISH.
                    let header = emit(&Repr::Publish(publish), version);
                    streaming = Some((header, Vec::new(), payload_len));
                }
                Event::PublishPayload { data, offset, last } => {
                    let (header, payload, total) = streaming.as_mut().expect("payload after start");
                    assert!(!data.is_empty());
                    assert_eq!(offset, payload.len());
                    payload.extend_from_slice(data);
                    assert_eq!(last, payload.len() == *total);
                    if last {
                        let (header, payload) = (header.clone(), payload.clone());
                        streaming = None;
                        let (repr, _) = Repr::parse_bytes(&header, version).unwrap();
                        let Repr::Publish(mut p) = repr else {
                            panic!("not a PUBLISH")
                        };
                        p.payload = &payload;
                        out.push(emit(&Repr::Publish(p), version));
                    }
                }
            }
            chunk = &chunk[decoded.consumed..];
            if chunk.is_empty() {
                break;
            }
        }
    }
    assert!(streaming.is_none(), "stream ended inside a PUBLISH payload");
    assert!(decoder.is_idle(), "stream ended inside a packet");
    Ok(out)
}

/// A stream of assorted packets and their individual encodings.
fn samples(version: Version) -> Vec<Vec<u8>> {
    let props = [
        Property::TopicAlias(3),
        Property::UserProperty("key", "value"),
    ];
    let props = if version.is_v5() {
        Properties::from_slice(&props)
    } else {
        Properties::EMPTY
    };
    let subs = [Subscription {
        filter: "a/+",
        options: SubscriptionOptions::qos(QoS::AtLeastOnce),
    }];
    let codes = [ReasonCode::GrantedQos1];
    let payload: Vec<u8> = (0..200u8).collect();
    let reprs = [
        Repr::ConnAck(ConnAck {
            session_present: false,
            reason: ReasonCode::Success,
            properties: Properties::EMPTY,
        }),
        Repr::Publish(Publish {
            qos: PublishQos::AtLeastOnce(pid(1)),
            topic: "sensors/temp",
            properties: props,
            payload: &payload,
            ..Publish::default()
        }),
        Repr::PingResp,
        Repr::Subscribe(Subscribe {
            packet_id: pid(2),
            properties: Properties::EMPTY,
            subscriptions: Subscriptions::from_slice(&subs),
        }),
        Repr::SubAck(SubAck {
            packet_id: pid(2),
            properties: Properties::EMPTY,
            reasons: ReasonCodes::from_slice(&codes),
        }),
        Repr::Publish(Publish {
            topic: "t",
            payload: b"0123456789abcdefghij0123456789abcdefghij0123456789abcdefghij",
            ..Publish::default()
        }),
        Repr::PubAck(Ack::new(pid(1))),
        Repr::Publish(Publish {
            qos: PublishQos::ExactlyOnce(pid(9)),
            retain: true,
            topic: "x",
            ..Publish::default()
        }),
    ];
    reprs.iter().map(|r| emit(r, version)).collect()
}

/// Buffer sizes: everything fits; the big PUBLISH streams; even the small one streams.
const BUF_LENS: [usize; 3] = [512, 64, 40];

#[test]
fn one_byte_at_a_time() {
    for &version in crate::wire::TEST_VERSIONS {
        let packets = samples(version);
        let stream = packets.concat();
        for buf_len in BUF_LENS {
            let chunks: Vec<&[u8]> = stream.chunks(1).collect();
            assert_eq!(drive(&chunks, buf_len, version), Ok(packets.clone()));
            // And all at once (the zero-copy path).
            assert_eq!(drive(&[&stream], buf_len, version), Ok(packets.clone()));
        }
    }
}

#[test]
fn every_split_in_two_and_three() {
    for &version in crate::wire::TEST_VERSIONS {
        let packets = samples(version);
        let stream = packets.concat();
        for buf_len in BUF_LENS {
            for i in 0..=stream.len() {
                let (a, b) = stream.split_at(i);
                assert_eq!(
                    drive(&[a, b], buf_len, version),
                    Ok(packets.clone()),
                    "split {i}"
                );
            }
        }
        // Every pair of cut points, with the buffer that makes the big PUBLISH stream.
        for i in 0..=stream.len() {
            for j in i..=stream.len() {
                let chunks = [&stream[..i], &stream[i..j], &stream[j..]];
                assert_eq!(
                    drive(&chunks, 64, version),
                    Ok(packets.clone()),
                    "cuts {i} {j}"
                );
            }
        }
    }
}

/// A 64 KiB message through a 256-byte receive buffer, in TCP-segment-sized and in
/// single-byte pieces: the payload arrives whole and in order.
#[test]
fn publish_64k_through_small_buffer() {
    let payload: Vec<u8> = (0..65_536u32).map(|i| (i * 7 + i / 256) as u8).collect();
    for &version in crate::wire::TEST_VERSIONS {
        let repr = Repr::Publish(Publish {
            qos: PublishQos::AtLeastOnce(pid(42)),
            topic: "firmware/image",
            payload: &payload,
            ..Publish::default()
        });
        let bytes = emit(&repr, version);
        for chunk_len in [1460, 1, 4096, bytes.len()] {
            let chunks: Vec<&[u8]> = bytes.chunks(chunk_len).collect();
            assert_eq!(drive(&chunks, 256, version), Ok(vec![bytes.clone()]));
        }
        // Also check the events directly: header, then fragments that add up.
        let mut rx = [0u8; 256];
        let mut decoder = Decoder::new(&mut rx[..], version);
        let d = decoder.feed(&bytes[..1000]).unwrap();
        match d.event {
            Event::PublishStart {
                publish,
                payload_len,
            } => {
                assert_eq!(publish.topic, "firmware/image");
                assert_eq!(publish.qos, PublishQos::AtLeastOnce(pid(42)));
                assert_eq!(payload_len, 65_536);
            }
            other => panic!("{other:?}"),
        }
        let header_len = d.consumed;
        let d = decoder.feed(&bytes[header_len..1000]).unwrap();
        assert_eq!(
            d.event,
            Event::PublishPayload {
                data: &payload[..1000 - header_len],
                offset: 0,
                last: false
            }
        );
    }
}

#[test]
fn whole_packet_in_input_is_not_copied() {
    let repr = Repr::Publish(Publish {
        topic: "t",
        payload: b"payload",
        ..Publish::default()
    });
    let bytes = emit(&repr, Version::V311);
    let mut rx = [0u8; 64];
    let mut decoder = Decoder::new(&mut rx[..], Version::V311);
    let d = decoder.feed(&bytes).unwrap();
    let Event::Packet(Repr::Publish(p)) = d.event else {
        panic!("{:?}", d.event)
    };
    assert_eq!(p.payload, b"payload");
    assert!(bytes.as_ptr_range().contains(&p.payload.as_ptr()));
}

#[cfg(feature = "v5")]
#[test]
fn errors() {
    // A SUBACK larger than the receive buffer.
    let codes = [ReasonCode::Success; 40];
    let suback = emit(
        &Repr::SubAck(SubAck {
            packet_id: pid(1),
            properties: Properties::EMPTY,
            reasons: ReasonCodes::from_slice(&codes),
        }),
        Version::V311,
    );
    assert_eq!(
        drive(&[&suback], 16, Version::V311),
        Err(Error::ReceiveBufferTooSmall)
    );
    // Reported as soon as the fixed header is known, byte by byte too.
    let chunks: Vec<&[u8]> = suback[..2].chunks(1).collect();
    assert_eq!(
        drive(&chunks, 16, Version::V311),
        Err(Error::ReceiveBufferTooSmall)
    );

    // Over the maximum packet size, from the fixed header alone.
    let mut rx = [0u8; 64];
    let mut decoder = Decoder::new(&mut rx[..], Version::V5).with_max_packet_size(1000);
    assert_eq!(decoder.feed(&[0x30, 0xe6]).unwrap().event, Event::NeedMore);
    assert_eq!(decoder.feed(&[0x07]), Err(Error::PacketTooLarge));
    // Errors are sticky until reset.
    assert_eq!(decoder.feed(&[0xc0, 0x00]), Err(Error::PacketTooLarge));
    decoder.reset();
    assert_eq!(
        decoder.feed(&[0xd0, 0x00]).unwrap().event,
        Event::Packet(Repr::PingResp)
    );

    // A PUBLISH whose topic alone overflows the buffer.
    let topic = "t".repeat(100);
    let payload = [0u8; 100];
    let big = emit(
        &Repr::Publish(Publish {
            topic: &topic,
            payload: &payload,
            ..Publish::default()
        }),
        Version::V311,
    );
    assert_eq!(
        drive(&[&big], 64, Version::V311),
        Err(Error::ReceiveBufferTooSmall)
    );
    let chunks: Vec<&[u8]> = big.chunks(7).collect();
    assert_eq!(
        drive(&chunks, 64, Version::V311),
        Err(Error::ReceiveBufferTooSmall)
    );

    // A streamed PUBLISH whose topic length runs past its remaining length.
    let mut bad = vec![0x30, 0x80, 0x01, 0x00, 0xff];
    bad.extend_from_slice(&[b'a'; 126]);
    assert_eq!(drive(&[&bad], 64, Version::V311), Err(Error::Truncated));
    // A streamed PUBLISH with a wildcard in its topic.
    let mut bad = vec![0x30, 0x80, 0x01, 0x00, 0x01, b'#'];
    bad.extend_from_slice(&[0; 125]);
    assert_eq!(
        drive(&[&bad], 64, Version::V311),
        Err(Error::WildcardInTopicName)
    );
    let chunks: Vec<&[u8]> = bad.chunks(1).collect();
    assert_eq!(
        drive(&chunks, 64, Version::V311),
        Err(Error::WildcardInTopicName)
    );

    // Malformed packets are reported whatever the split.
    for bytes in [
        &b"\x00\x00"[..],
        b"\x60\x02\x00\x01",
        b"\x40\x02\x00\x00",
        b"\x30\xff\xff\xff\xff\x01",
    ] {
        let want = Repr::parse_bytes(bytes, Version::V311).unwrap_err();
        let chunks: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(drive(&chunks, 64, Version::V311), Err(want), "{bytes:02x?}");
        assert_eq!(
            drive(&[bytes], 64, Version::V311),
            Err(want),
            "{bytes:02x?}"
        );
    }
}

/// `feed_client` refuses server-bound packets (here a well-formed SUBSCRIBE and PINGREQ)
/// whatever the split, for good; it delivers the rest as `feed` does.
#[test]
fn feed_client_refuses_server_bound_packets() {
    let subscribe: &[u8] = b"\x82\x06\x00\x01\x00\x01a\x00";
    let pingreq: &[u8] = b"\xc0\x00";
    for bytes in [subscribe, pingreq] {
        let mut rx = [0u8; 32];
        assert!(matches!(
            Decoder::new(&mut rx[..], Version::V311)
                .feed(bytes)
                .unwrap()
                .event,
            Event::Packet(_)
        ));
        for split in 0..bytes.len() {
            let mut rx = [0u8; 32];
            let mut decoder = Decoder::new(&mut rx[..], Version::V311);
            let (a, b) = bytes.split_at(split);
            let first = decoder.feed_client(a);
            let result = match first {
                Ok(d) => {
                    assert_eq!((d.consumed, d.event), (a.len(), Event::NeedMore));
                    decoder.feed_client(b).map(|d| d.event)
                }
                Err(e) => Err(e),
            };
            assert_eq!(result, Err(Error::WrongDirection), "split at {split}");
            assert_eq!(decoder.feed_client(b"\xd0\x00"), Err(Error::WrongDirection));
        }
    }
    let mut rx = [0u8; 32];
    let mut decoder = Decoder::new(&mut rx[..], Version::V311);
    let d = decoder.feed_client(b"\xd0\x00").unwrap();
    assert_eq!((d.consumed, d.event), (2, Event::Packet(Repr::PingResp)));
}

#[cfg(feature = "v5")]
#[test]
fn version_can_change_between_packets() {
    let mut rx = [0u8; 32];
    let mut decoder = Decoder::new(&mut rx[..], Version::V5);
    assert_eq!(decoder.version(), Version::V5);
    decoder.set_version(Version::V311);
    let d = decoder.feed(b"\xb0\x02\x00\x01").unwrap();
    assert!(matches!(d.event, Event::Packet(Repr::UnsubAck(_))));
}

#[cfg(feature = "v5")]
/// Found by the fuzzer: an oversized PUBLISH whose property length is malformed past the
/// end of a small receive buffer gave `MalformedVarInt` when the packet arrived in one
/// piece (zero-copy path) but `ReceiveBufferTooSmall` byte by byte. Both paths must agree.
#[test]
fn oversized_publish_errors_do_not_depend_on_the_split() {
    let mut bytes = b"\x32\x51\x00\x0atest/prop".to_vec();
    bytes.extend_from_slice(&[0xff; 8]);
    bytes.resize(2 + 0x51, b'x');
    for buf_len in [12, 16, 20, 24, 28, 60] {
        let whole = drive(&[&bytes], buf_len, Version::V5);
        let chunks: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(
            drive(&chunks, buf_len, Version::V5),
            whole,
            "buffer {buf_len}"
        );
        assert!(whole.is_err());
    }
}
