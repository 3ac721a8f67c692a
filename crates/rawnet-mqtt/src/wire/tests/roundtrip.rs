//! Property tests: arbitrary representation → emit → parse gives it back, for every packet
//! type in both versions; arbitrary and mutated bytes never make the parser panic.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::super::{
    Ack, Auth, ConnAck, Connect, Decoder, Disconnect, Error, Event, Packet, PacketId, PacketType,
    Properties, Property, PropertyContext, Publish, PublishQos, QoS, ReasonCode, ReasonCodes, Repr,
    RetainHandling, SubAck, Subscribe, Subscription, SubscriptionOptions, Subscriptions,
    TopicFilters, UnsubAck, Unsubscribe, Version, Will,
};

// Strategies build `'static` representations from leaked test data: a few KiB per case.
fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}
fn leak_bytes(b: Vec<u8>) -> &'static [u8] {
    Box::leak(b.into_boxed_slice())
}
fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn text() -> impl Strategy<Value = &'static str> {
    "[^\\x00]{0,12}".prop_map(leak_str)
}
fn bytes() -> impl Strategy<Value = &'static [u8]> {
    vec(any::<u8>(), 0..48).prop_map(leak_bytes)
}
fn topic_name() -> impl Strategy<Value = &'static str> {
    "[a-zA-Z0-9/$ é🦀_-]{1,16}".prop_map(leak_str)
}
fn topic_filter() -> impl Strategy<Value = &'static str> {
    (
        vec(prop_oneof![Just("+".to_owned()), "[a-z0-9$ ]{0,5}"], 1..5),
        any::<bool>(),
    )
        .prop_map(|(levels, hash)| {
            let mut filter = levels.join("/");
            if hash {
                filter.push_str(if filter.is_empty() { "#" } else { "/#" });
            }
            if filter.is_empty() {
                filter.push('x');
            }
            leak_str(filter)
        })
}
fn packet_id() -> impl Strategy<Value = PacketId> {
    (1..=u16::MAX).prop_map(|n| PacketId::new(n).unwrap())
}
fn qos() -> impl Strategy<Value = QoS> {
    select(vec![QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce])
}

fn property() -> impl Strategy<Value = Property<'static>> {
    use Property as P;
    prop_oneof![
        any::<bool>().prop_map(P::PayloadFormatIndicator),
        any::<u32>().prop_map(P::MessageExpiryInterval),
        text().prop_map(P::ContentType),
        topic_name().prop_map(P::ResponseTopic),
        bytes().prop_map(P::CorrelationData),
        (1..=268_435_455u32).prop_map(P::SubscriptionIdentifier),
        any::<u32>().prop_map(P::SessionExpiryInterval),
        text().prop_map(P::AssignedClientIdentifier),
        any::<u16>().prop_map(P::ServerKeepAlive),
        text().prop_map(P::AuthenticationMethod),
        bytes().prop_map(P::AuthenticationData),
        any::<bool>().prop_map(P::RequestProblemInformation),
        any::<u32>().prop_map(P::WillDelayInterval),
        any::<bool>().prop_map(P::RequestResponseInformation),
        text().prop_map(P::ResponseInformation),
        text().prop_map(P::ServerReference),
        text().prop_map(P::ReasonString),
        (1..=u16::MAX).prop_map(P::ReceiveMaximum),
        any::<u16>().prop_map(P::TopicAliasMaximum),
        (1..=u16::MAX).prop_map(P::TopicAlias),
        select(vec![QoS::AtMostOnce, QoS::AtLeastOnce]).prop_map(P::MaximumQos),
        any::<bool>().prop_map(P::RetainAvailable),
        (text(), text()).prop_map(|(k, v)| P::UserProperty(k, v)),
        (1..=u32::MAX).prop_map(P::MaximumPacketSize),
        any::<bool>().prop_map(P::WildcardSubscriptionAvailable),
        any::<bool>().prop_map(P::SubscriptionIdentifierAvailable),
        any::<bool>().prop_map(P::SharedSubscriptionAvailable),
    ]
}

/// Valid properties for `context` (empty in 3.1.1): arbitrary ones, filtered to those
/// allowed there, single-occurrence ones kept once.
fn properties(context: PropertyContext, version: Version) -> BoxedStrategy<Properties<'static>> {
    if version == Version::V311 {
        return Just(Properties::EMPTY).boxed();
    }
    vec(property(), 0..8)
        .prop_map(move |list| {
            let mut kept: Vec<Property<'static>> = Vec::new();
            for p in list {
                let id = p.id();
                let dup = !id.repeatable_in(context) && kept.iter().any(|k| k.id() == id);
                if id.allowed_in(context) && !dup {
                    kept.push(p);
                }
            }
            Properties::from_slice(leak(kept))
        })
        .boxed()
}

fn reason(kind: PacketType) -> impl Strategy<Value = ReasonCode> {
    select(
        ReasonCode::ALL
            .iter()
            .copied()
            .filter(|c| c.allowed_in(kind))
            .collect::<Vec<_>>(),
    )
}

fn connect(v: Version) -> impl Strategy<Value = Repr<'static>> {
    let will = (
        qos(),
        any::<bool>(),
        topic_name(),
        bytes(),
        properties(PropertyContext::Will, v),
    )
        .prop_map(|(qos, retain, topic, payload, properties)| Will {
            qos,
            retain,
            topic,
            payload,
            properties,
        });
    (
        any::<bool>(),
        any::<u16>(),
        text(),
        proptest::option::of(will),
        proptest::option::of(text()),
        proptest::option::of(bytes()),
        properties(PropertyContext::Connect, v),
    )
        .prop_map(
            move |(clean, keep_alive, client_id, will, username, password, properties)| {
                let mut c = Connect {
                    clean_start: clean,
                    keep_alive,
                    client_id,
                    will,
                    username,
                    password,
                    properties,
                };
                if v == Version::V311 {
                    c.clean_start |= client_id.is_empty();
                    if c.username.is_none() {
                        c.password = None;
                    }
                }
                Repr::Connect(c)
            },
        )
}

fn connack(v: Version) -> impl Strategy<Value = Repr<'static>> {
    let reason = match v {
        Version::V311 => select(
            (0..=5)
                .filter_map(ReasonCode::from_v311_connack)
                .collect::<Vec<_>>(),
        )
        .boxed(),
        #[cfg(feature = "v5")]
        Version::V5 => reason(PacketType::ConnAck).boxed(),
    };
    (
        any::<bool>(),
        reason,
        properties(PropertyContext::ConnAck, v),
    )
        .prop_map(|(sp, reason, properties)| {
            Repr::ConnAck(ConnAck {
                session_present: sp && reason == ReasonCode::Success,
                reason,
                properties,
            })
        })
}

fn publish(v: Version) -> impl Strategy<Value = Repr<'static>> {
    let q = prop_oneof![
        Just(PublishQos::AtMostOnce),
        packet_id().prop_map(PublishQos::AtLeastOnce),
        packet_id().prop_map(PublishQos::ExactlyOnce),
    ];
    (
        any::<bool>(),
        q,
        any::<bool>(),
        topic_name(),
        properties(PropertyContext::Publish, v),
        vec(any::<u8>(), 0..300).prop_map(leak_bytes),
        any::<bool>(),
    )
        .prop_map(
            move |(dup, qos, retain, topic, properties, payload, alias_only)| {
                // In 5.0, a Topic Alias allows an empty topic.
                let topic = if alias_only && properties.topic_alias().is_some() {
                    ""
                } else {
                    topic
                };
                Repr::Publish(Publish {
                    dup: dup && qos != PublishQos::AtMostOnce,
                    qos,
                    retain,
                    topic,
                    properties,
                    payload,
                })
            },
        )
}

fn ack(v: Version, kind: PacketType) -> impl Strategy<Value = Repr<'static>> {
    let reason = match v {
        Version::V311 => Just(ReasonCode::Success).boxed(),
        #[cfg(feature = "v5")]
        Version::V5 => reason(kind).boxed(),
    };
    (packet_id(), reason, properties(PropertyContext::Ack, v)).prop_map(
        move |(packet_id, reason, properties)| {
            let ack = Ack {
                packet_id,
                reason,
                properties,
            };
            match kind {
                PacketType::PubAck => Repr::PubAck(ack),
                PacketType::PubRec => Repr::PubRec(ack),
                PacketType::PubRel => Repr::PubRel(ack),
                _ => Repr::PubComp(ack),
            }
        },
    )
}

fn subscribe(v: Version) -> impl Strategy<Value = Repr<'static>> {
    let options = (
        qos(),
        any::<bool>(),
        any::<bool>(),
        select(vec![
            RetainHandling::SendAtSubscribe,
            RetainHandling::SendIfNew,
            RetainHandling::DoNotSend,
        ]),
    )
        .prop_map(move |(qos, no_local, rap, rh)| match v {
            Version::V311 => SubscriptionOptions::qos(qos),
            #[cfg(feature = "v5")]
            Version::V5 => SubscriptionOptions {
                qos,
                no_local,
                retain_as_published: rap,
                retain_handling: rh,
            },
        });
    let filter = prop_oneof![
        4 => topic_filter(),
        1 => topic_filter().prop_map(|f| leak_str(format!("$share/grp/{f}"))),
    ];
    let sub = (filter, options).prop_map(|(filter, mut options)| {
        if filter.starts_with("$share/") {
            options.no_local = false;
        }
        Subscription { filter, options }
    });
    (
        packet_id(),
        properties(PropertyContext::Subscribe, v),
        vec(sub, 1..5),
    )
        .prop_map(|(packet_id, properties, subs)| {
            Repr::Subscribe(Subscribe {
                packet_id,
                properties,
                subscriptions: Subscriptions::from_slice(leak(subs)),
            })
        })
}

fn suback(v: Version) -> impl Strategy<Value = Repr<'static>> {
    let code = reason(PacketType::SubAck)
        .prop_filter("3.1.1 code", move |c| v.is_v5() || c.is_v311_suback());
    (
        packet_id(),
        properties(PropertyContext::SubAck, v),
        vec(code, 1..6),
    )
        .prop_map(|(packet_id, properties, codes)| {
            Repr::SubAck(SubAck {
                packet_id,
                properties,
                reasons: ReasonCodes::from_slice(leak(codes)),
            })
        })
}

fn unsubscribe(v: Version) -> impl Strategy<Value = Repr<'static>> {
    (
        packet_id(),
        properties(PropertyContext::Unsubscribe, v),
        vec(topic_filter(), 1..5),
    )
        .prop_map(|(packet_id, properties, filters)| {
            Repr::Unsubscribe(Unsubscribe {
                packet_id,
                properties,
                filters: TopicFilters::from_slice(leak(filters)),
            })
        })
}

fn unsuback(v: Version) -> impl Strategy<Value = Repr<'static>> {
    let codes = match v {
        Version::V311 => Just(Vec::new()).boxed(),
        #[cfg(feature = "v5")]
        Version::V5 => vec(reason(PacketType::UnsubAck), 1..6).boxed(),
    };
    (packet_id(), properties(PropertyContext::UnsubAck, v), codes).prop_map(
        |(packet_id, properties, codes)| {
            Repr::UnsubAck(UnsubAck {
                packet_id,
                properties,
                reasons: ReasonCodes::from_slice(leak(codes)),
            })
        },
    )
}

fn disconnect(v: Version) -> impl Strategy<Value = Repr<'static>> {
    let reason = match v {
        Version::V311 => Just(ReasonCode::Success).boxed(),
        #[cfg(feature = "v5")]
        Version::V5 => reason(PacketType::Disconnect).boxed(),
    };
    (reason, properties(PropertyContext::Disconnect, v))
        .prop_map(|(reason, properties)| Repr::Disconnect(Disconnect { reason, properties }))
}

#[cfg(feature = "v5")]
fn auth() -> impl Strategy<Value = Repr<'static>> {
    (
        reason(PacketType::Auth),
        properties(PropertyContext::Auth, Version::V5),
    )
        .prop_map(|(reason, properties)| Repr::Auth(Auth { reason, properties }))
}

#[cfg(feature = "v5")]
/// Any packet valid in `v`.
fn any_repr(v: Version) -> BoxedStrategy<Repr<'static>> {
    let mut all = vec![
        connect(v).boxed(),
        connack(v).boxed(),
        publish(v).boxed(),
        ack(v, PacketType::PubAck).boxed(),
        ack(v, PacketType::PubRec).boxed(),
        ack(v, PacketType::PubRel).boxed(),
        ack(v, PacketType::PubComp).boxed(),
        subscribe(v).boxed(),
        suback(v).boxed(),
        unsubscribe(v).boxed(),
        unsuback(v).boxed(),
        Just(Repr::PingReq).boxed(),
        Just(Repr::PingResp).boxed(),
        disconnect(v).boxed(),
    ];
    if v.is_v5() {
        all.push(auth().boxed());
    }
    proptest::strategy::Union::new(all).boxed()
}

/// emit → parse gives the same representation; the length is `buffer_len`; re-emitting
/// the parsed form gives the same bytes; the decoder agrees under a random split.
fn check_roundtrip(repr: &Repr<'_>, v: Version, split: usize) -> Result<(), TestCaseError> {
    let len = repr.buffer_len(v);
    let mut buf = vec![0xa5u8; len + 4];
    prop_assert_eq!(repr.emit(&mut buf, v), Ok(len));
    prop_assert!(buf[len..].iter().all(|&b| b == 0xa5));
    let (parsed, n) =
        Repr::parse_bytes(&buf[..len], v).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    prop_assert_eq!(n, len);
    prop_assert_eq!(&parsed, repr);
    let mut again = vec![0u8; len];
    prop_assert_eq!(parsed.emit(&mut again, v), Ok(len));
    prop_assert_eq!(&again[..], &buf[..len]);
    // Checked once, emitted without the checks: the same bytes.
    let checked = repr
        .check(v)
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    prop_assert_eq!(checked.buffer_len(), len);
    let mut trusted = vec![0x5au8; len + 4];
    prop_assert_eq!(checked.emit(&mut trusted), Ok(len));
    prop_assert_eq!(&trusted[..len], &buf[..len]);
    prop_assert!(trusted[len..].iter().all(|&b| b == 0x5a));
    prop_assert_eq!(
        checked.emit(&mut trusted[..len - 1]),
        Err(Error::BufferTooSmall)
    );

    // Streaming decoder, input split in two at `split`, buffer big enough.
    let split = split % (len + 1);
    let mut rx = vec![0u8; len];
    let mut decoder = Decoder::new(&mut rx[..], v);
    let first = decoder.feed(&buf[..split]).unwrap();
    if split < len {
        prop_assert_eq!(first.event, Event::NeedMore);
        let second = decoder.feed(&buf[split..len]).unwrap();
        prop_assert_eq!(second.consumed, len - split);
        prop_assert_eq!(second.event, Event::Packet(*repr));
    } else {
        prop_assert_eq!(first.event, Event::Packet(*repr));
    }
    Ok(())
}

macro_rules! roundtrip_tests {
    ($($name:ident: $strategy:expr, $version:expr;)*) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(96))]
            $(
                #[test]
                fn $name(repr in $strategy, split in any::<usize>()) {
                    check_roundtrip(&repr, $version, split)?;
                }
            )*
        }
    };
}

const V3: Version = Version::V311;
#[cfg(feature = "v5")]
const V5: Version = Version::V5;

roundtrip_tests! {
    connect_311: connect(V3), V3;
    connack_311: connack(V3), V3;
    publish_311: publish(V3), V3;
    puback_311: ack(V3, PacketType::PubAck), V3;
    pubrec_311: ack(V3, PacketType::PubRec), V3;
    pubrel_311: ack(V3, PacketType::PubRel), V3;
    pubcomp_311: ack(V3, PacketType::PubComp), V3;
    subscribe_311: subscribe(V3), V3;
    suback_311: suback(V3), V3;
    unsubscribe_311: unsubscribe(V3), V3;
    unsuback_311: unsuback(V3), V3;
    ping_311: prop_oneof![Just(Repr::PingReq), Just(Repr::PingResp)], V3;
    disconnect_311: disconnect(V3), V3;
}

#[cfg(feature = "v5")]
mod v5 {
    use super::*;

    roundtrip_tests! {
        connect_5: connect(V5), V5;
        connack_5: connack(V5), V5;
        publish_5: publish(V5), V5;
        puback_5: ack(V5, PacketType::PubAck), V5;
        pubrec_5: ack(V5, PacketType::PubRec), V5;
        pubrel_5: ack(V5, PacketType::PubRel), V5;
        pubcomp_5: ack(V5, PacketType::PubComp), V5;
        subscribe_5: subscribe(V5), V5;
        suback_5: suback(V5), V5;
        unsubscribe_5: unsubscribe(V5), V5;
        unsuback_5: unsuback(V5), V5;
        ping_5: prop_oneof![Just(Repr::PingReq), Just(Repr::PingResp)], V5;
        disconnect_5: disconnect(V5), V5;
        auth_5: auth(), V5;
    }
}

/// Parses `bytes` in both versions; whatever parses must emit again, and the emitted bytes
/// must parse to the same packet. The bytes themselves may differ where the specification
/// allows two encodings of one packet (an MQTT 5.0 acknowledgement may spell out a Success
/// reason code and an empty property list, or leave them out); emit always writes the short
/// form.
fn parse_never_panics(bytes: &[u8]) -> Result<(), TestCaseError> {
    for &v in crate::wire::TEST_VERSIONS {
        // The two builds of the parser (parse / parse_bytes for speed, parse_body_client for
        // size) give the same answer, errors included, for every packet a client receives.
        if let Ok(packet) = Packet::new_checked(bytes) {
            let fast = Repr::parse(&packet, v);
            prop_assert_eq!(Repr::parse_bytes(bytes, v).map(|(r, _)| r), fast);
            let client = Repr::parse_body_client(packet.header(), packet.body_ref(), v);
            match packet.packet_type() {
                PacketType::Connect
                | PacketType::Subscribe
                | PacketType::Unsubscribe
                | PacketType::PingReq => prop_assert_eq!(client, Err(Error::WrongDirection)),
                _ => prop_assert_eq!(client, fast),
            }
        }
        if let Ok((repr, n)) = Repr::parse_bytes(bytes, v) {
            let mut out = vec![0u8; repr.buffer_len(v)];
            let emitted = repr.emit(&mut out, v);
            prop_assert_eq!(emitted, Ok(out.len()));
            let checked = repr.check(v);
            prop_assert!(checked.is_ok(), "{:?}", checked);
            let mut trusted = vec![0u8; out.len()];
            prop_assert_eq!(checked.unwrap().emit(&mut trusted), Ok(out.len()));
            prop_assert_eq!(&trusted, &out);
            prop_assert!(out.len() <= n, "emit is never longer than what was parsed");
            if out[..] != bytes[..n] {
                prop_assert_eq!(Repr::parse_bytes(&out, v), Ok((repr, out.len())));
            }
        }
        let mut rx = [0u8; 32];
        let mut decoder = Decoder::new(&mut rx[..], v);
        let mut rest = bytes;
        while let Ok(d) = decoder.feed(rest) {
            rest = &rest[d.consumed..];
            if rest.is_empty() {
                break;
            }
        }
    }
    Ok(())
}

#[cfg(feature = "v5")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..64), first in any::<u8>()) {
        let mut bytes = bytes;
        // Make the remaining length plausible so that bodies get parsed, not just headers.
        let body_len = bytes.len() as u8;
        bytes.splice(0..0, [first, body_len.min(127)]);
        parse_never_panics(&bytes)?;
    }

    #[test]
    fn mutated_packets_never_panic(
        repr in any_repr(V5),
        flips in vec((any::<usize>(), any::<u8>()), 1..4),
    ) {
        let mut buf = vec![0u8; repr.buffer_len(V5)];
        repr.emit(&mut buf, V5).unwrap();
        for (at, byte) in flips {
            let at = at % buf.len();
            buf[at] = byte;
        }
        parse_never_panics(&buf)?;
    }
}

#[cfg(feature = "v5")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A stream of arbitrary packets through a small buffer in arbitrary chunks: every
    /// packet comes out (PUBLISH payloads possibly in fragments), in order.
    #[test]
    fn decoder_stream(
        reprs in vec(any_repr(V5), 1..6),
        chunk in 1usize..80,
    ) {
        let mut stream = Vec::new();
        for r in &reprs {
            let mut b = vec![0u8; r.buffer_len(V5)];
            r.emit(&mut b, V5).unwrap();
            stream.extend_from_slice(&b);
        }
        let mut rx = vec![0u8; 512];
        let mut decoder = Decoder::new(&mut rx[..], V5);
        let mut got: Vec<Vec<u8>> = Vec::new();
        let mut payload: Option<(Publish<'static>, Vec<u8>)> = None;
        for piece in stream.chunks(chunk) {
            let mut piece = piece;
            while !piece.is_empty() {
                let d = decoder.feed(piece).unwrap();
                match d.event {
                    Event::NeedMore => {}
                    Event::Packet(r) => {
                        let mut b = vec![0u8; r.buffer_len(V5)];
                        r.emit(&mut b, V5).unwrap();
                        got.push(b);
                    }
                    Event::PublishStart { publish, .. } => {
                        let topic = leak_str(publish.topic.to_owned());
                        let props = leak_bytes(publish.properties.as_encoded().unwrap().to_vec());
                        let properties = Properties::from_encoded(props, PropertyContext::Publish).unwrap();
                        let header = Publish {
                            dup: publish.dup,
                            qos: publish.qos,
                            retain: publish.retain,
                            topic,
                            properties,
                            payload: &[],
                        };
                        payload = Some((header, Vec::new()));
                    }
                    Event::PublishPayload { data, last, .. } => {
                        let (p, acc) = payload.as_mut().unwrap();
                        acc.extend_from_slice(data);
                        if last {
                            let p = Publish { payload: acc, ..*p };
                            let r = Repr::Publish(p);
                            let mut b = vec![0u8; r.buffer_len(V5)];
                            r.emit(&mut b, V5).unwrap();
                            got.push(b);
                            payload = None;
                        }
                    }
                }
                piece = &piece[d.consumed..];
            }
        }
        prop_assert_eq!(got.concat(), stream);
    }
}

/// PUBLISHes malformed in one way or two (U+0000, a wildcard, an empty topic, bad UTF-8,
/// a missing or zero packet identifier, a Topic Alias, bad properties): both builds of the
/// parser report the same error, or the same packet.
#[test]
fn both_parsers_agree_on_publish() {
    let topics: [&[u8]; 7] = [
        b"a/b",
        b"a+b",
        b"a\0b",
        b"",
        b"a#\0",
        b"\xff",
        b"a/b/c/d/e/f/g/h",
    ];
    let tails: [&[u8]; 8] = [
        &[],
        &[0x00],
        &[0x00, 0x01],
        &[0x00, 0x00, 0x00],
        &[0x00, 0x01, 0x00],
        &[0x00, 0x01, 0x03, 0x23, 0x00, 0x05],
        &[0x03, 0x23, 0x00, 0x05],
        &[0x02, 0x99, 0x00],
    ];
    for &v in crate::wire::TEST_VERSIONS {
        for topic in topics {
            for flags in [0u8, 0b0010, 0b0100, 0b1011] {
                for tail in tails {
                    let mut body = vec![0, topic.len() as u8];
                    body.extend_from_slice(topic);
                    body.extend_from_slice(tail);
                    let mut bytes = vec![0x30 | flags, body.len() as u8];
                    bytes.extend_from_slice(&body);
                    let packet = Packet::new_checked(&bytes[..]).unwrap();
                    let client = Repr::parse_body_client(packet.header(), packet.body_ref(), v);
                    assert_eq!(Repr::parse(&packet, v), client, "{bytes:?} {v:?}");
                    let fast = Repr::parse_bytes(&bytes, v).map(|(r, _)| r);
                    assert_eq!(fast, client, "{bytes:?} {v:?}");
                }
            }
        }
    }
}
