//! The guard alone: record rules per stage, the ServerHello checks, reading a decrypted record
//! back. Every case is fed in every split (1 byte at a time, and whole), since the engine's
//! reads cut the stream anywhere.

use super::{decrypted, explain, Guard, Stop, Violation};

const HRR_RANDOM: [u8; 32] = [
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
];

/// The fields of a ServerHello, as a valid TLS 1.3 one has them by default.
#[derive(Clone)]
struct Hello {
    version: u16,
    random: [u8; 32],
    session_id: Vec<u8>,
    suite: u16,
    compression: u8,
    extensions: Vec<(u16, Vec<u8>)>,
}

fn key_share(group: u16) -> (u16, Vec<u8>) {
    let mut d = group.to_be_bytes().to_vec();
    d.extend_from_slice(&65u16.to_be_bytes());
    d.push(4);
    d.extend_from_slice(&[7; 64]);
    (51, d)
}

impl Default for Hello {
    fn default() -> Self {
        Hello {
            version: 0x0303,
            random: [0x42; 32],
            session_id: vec![],
            suite: 0x1301,
            compression: 0,
            extensions: vec![(43, vec![3, 4]), key_share(23)],
        }
    }
}

impl Hello {
    /// The handshake message.
    fn message(&self) -> Vec<u8> {
        let mut body = self.version.to_be_bytes().to_vec();
        body.extend_from_slice(&self.random);
        body.push(self.session_id.len() as u8);
        body.extend_from_slice(&self.session_id);
        body.extend_from_slice(&self.suite.to_be_bytes());
        body.push(self.compression);
        let mut ext = Vec::new();
        for (t, d) in &self.extensions {
            ext.extend_from_slice(&t.to_be_bytes());
            ext.extend_from_slice(&(d.len() as u16).to_be_bytes());
            ext.extend_from_slice(d);
        }
        if !self.extensions.is_empty() {
            body.extend_from_slice(&(ext.len() as u16).to_be_bytes());
            body.extend_from_slice(&ext);
        }
        let len = body.len() as u32;
        let mut msg = vec![2, (len >> 16) as u8, (len >> 8) as u8, len as u8];
        msg.extend_from_slice(&body);
        msg
    }

    fn record(&self) -> Vec<u8> {
        record(22, &self.message())
    }
}

fn record(kind: u8, body: &[u8]) -> Vec<u8> {
    let mut r = vec![kind, 3, 3];
    r.extend_from_slice(&(body.len() as u16).to_be_bytes());
    r.extend_from_slice(body);
    r
}

/// A protected record of `len` bytes (contents do not matter to the guard).
fn protected(len: usize) -> Vec<u8> {
    record(23, &vec![0xee; len])
}

/// Feed `stream` to a fresh guard in pieces of `piece` bytes; `opened_after`: the engine
/// completes the handshake once this many bytes were fed. The guard's verdict.
fn run(stream: &[u8], piece: usize, opened_after: usize, psk: bool) -> Result<(), Stop> {
    let mut g = Guard::new(32 * 1024, psk);
    let mut fed = 0;
    for chunk in stream.chunks(piece) {
        g.feed(chunk, fed >= opened_after)?;
        fed += chunk.len();
    }
    Ok(())
}

/// The verdict, checked to be the same in every split.
fn verdict(stream: &[u8], opened_after: usize, psk: bool) -> Result<(), Stop> {
    let whole = run(stream, stream.len().max(1), opened_after, psk);
    for piece in [1, 2, 3, 5, 7, 64] {
        assert_eq!(
            run(stream, piece, opened_after, psk),
            whole,
            "piece {piece}"
        );
    }
    whole
}

fn handshake() -> Vec<u8> {
    let mut s = Hello::default().record();
    s.extend(record(20, &[1]));
    s.extend(protected(40)); // EncryptedExtensions..Finished
    s
}

#[test]
fn a_normal_handshake_and_application_data_pass() {
    let mut s = handshake();
    let opened = s.len();
    s.extend(protected(17));
    s.extend(protected(16_640));
    assert_eq!(verdict(&s, opened, false), Ok(()));
}

#[test]
fn plaintext_records_after_the_handshake_are_refused() {
    let opened = handshake().len();
    for (kind, body, v) in [
        (21u8, &[1u8, 0][..], Violation::UnexpectedRecord(21)), // close_notify
        (
            22,
            &[13, 0, 0, 4, 0, 0, 0, 0][..],
            Violation::UnexpectedRecord(22),
        ), // CertificateRequest
        (20, &[1][..], Violation::ChangeCipherSpec),
        (24, &[1, 2][..], Violation::UnexpectedRecord(24)),
        (0, &[1][..], Violation::UnexpectedRecord(0)),
    ] {
        let mut s = handshake();
        s.extend(record(kind, body));
        assert_eq!(verdict(&s, opened, false), Err(Stop::Violation(v)));
    }
}

#[test]
fn records_are_refused_at_their_header() {
    // Nothing after the header is needed for the verdict: the body never reaches the engine.
    let opened = handshake().len();
    let mut s = handshake();
    s.extend_from_slice(&[21, 3, 3, 0, 2]);
    assert_eq!(
        verdict(&s, opened, false),
        Err(Stop::Violation(Violation::UnexpectedRecord(21)))
    );
    let mut s = handshake();
    s.extend_from_slice(&[23, 3, 3, 0x41, 0x01]); // 16,641
    assert_eq!(
        verdict(&s, opened, false),
        Err(Stop::Violation(Violation::RecordOverflow(16_641)))
    );
}

#[test]
fn record_lengths() {
    let opened = handshake().len();
    let mut s = handshake();
    s.extend(protected(16));
    assert_eq!(
        verdict(&s, opened, false),
        Err(Stop::Violation(Violation::ShortRecord(16)))
    );
    // Plaintext records are bounded by 2^14.
    assert_eq!(
        verdict(&[22, 3, 3, 0x40, 0x01], usize::MAX, false),
        Err(Stop::Violation(Violation::RecordOverflow(16_385)))
    );
    assert_eq!(
        verdict(&record(22, &[]), usize::MAX, false),
        Err(Stop::Violation(Violation::ShortRecord(0)))
    );
}

#[test]
fn alerts_during_the_handshake_end_it_with_their_code() {
    assert_eq!(
        verdict(&record(21, &[2, 40]), usize::MAX, false),
        Err(Stop::Alert(40))
    );
    let mut s = Hello::default().record();
    s.extend(record(21, &[2, 116]));
    assert_eq!(verdict(&s, usize::MAX, false), Err(Stop::Alert(116)));
    // Not after the first protected record, and never of another length.
    let mut s = Hello::default().record();
    s.extend(protected(20));
    s.extend(record(21, &[2, 116]));
    assert_eq!(
        verdict(&s, usize::MAX, false),
        Err(Stop::Violation(Violation::UnexpectedRecord(21)))
    );
    assert_eq!(
        verdict(&record(21, &[2, 40, 0]), usize::MAX, false),
        Err(Stop::Violation(Violation::MalformedAlert))
    );
}

#[test]
fn change_cipher_spec_once_and_only_the_byte_1() {
    let mut s = Hello::default().record();
    s.extend(record(20, &[2]));
    assert_eq!(
        verdict(&s, usize::MAX, false),
        Err(Stop::Violation(Violation::ChangeCipherSpec))
    );
    let mut s = Hello::default().record();
    s.extend(record(20, &[1]));
    s.extend(protected(30));
    s.extend(record(20, &[1]));
    assert_eq!(
        verdict(&s, usize::MAX, false),
        Err(Stop::Violation(Violation::ChangeCipherSpec))
    );
    // Before the ServerHello embedded-tls cannot take one.
    assert_eq!(
        verdict(&record(20, &[1]), usize::MAX, false),
        Err(Stop::Violation(Violation::ChangeCipherSpec))
    );
}

#[test]
fn application_data_before_the_server_hello_is_refused() {
    assert_eq!(
        verdict(&protected(30), usize::MAX, false),
        Err(Stop::Violation(Violation::UnexpectedRecord(23)))
    );
}

fn hello_verdict(h: &Hello, psk: bool) -> Result<(), Stop> {
    verdict(&h.record(), usize::MAX, psk)
}

#[test]
fn server_hello_fields_are_checked() {
    let ok = Hello::default();
    assert_eq!(hello_verdict(&ok, false), Ok(()));
    let cases: Vec<(Hello, Violation)> = vec![
        (
            Hello {
                version: 0x0304,
                ..ok.clone()
            },
            Violation::LegacyVersion(0x0304),
        ),
        (
            Hello {
                session_id: vec![1; 32],
                ..ok.clone()
            },
            Violation::SessionIdEcho,
        ),
        (
            Hello {
                suite: 0x1302,
                ..ok.clone()
            },
            Violation::CipherSuite(0x1302),
        ),
        (
            Hello {
                compression: 1,
                ..ok.clone()
            },
            Violation::Compression(1),
        ),
        (
            Hello {
                extensions: vec![(43, vec![3, 3]), key_share(23)],
                ..ok.clone()
            },
            Violation::SupportedVersion(0x0303),
        ),
        (
            Hello {
                extensions: vec![(43, vec![3, 4]), key_share(29)],
                ..ok.clone()
            },
            Violation::KeyShareGroup(29),
        ),
        (
            Hello {
                extensions: vec![(43, vec![3, 4])],
                ..ok.clone()
            },
            Violation::MissingKeyShare,
        ),
        (
            Hello {
                extensions: vec![(43, vec![3, 4]), key_share(23), (43, vec![3, 4])],
                ..ok.clone()
            },
            Violation::DuplicateExtension(43),
        ),
        (
            Hello {
                extensions: vec![
                    (43, vec![3, 4]),
                    key_share(23),
                    (16, vec![0, 3, 2, b'h', b'2']),
                ],
                ..ok.clone()
            },
            Violation::UnexpectedExtension(16),
        ),
        (
            // pre_shared_key without our offering one.
            Hello {
                extensions: vec![(43, vec![3, 4]), key_share(23), (41, vec![0, 0])],
                ..ok.clone()
            },
            Violation::UnexpectedExtension(41),
        ),
    ];
    for (h, v) in cases {
        assert_eq!(hello_verdict(&h, false), Err(Stop::Violation(v)), "{v:?}");
    }
}

#[test]
fn the_first_broken_rule_is_named() {
    let h = Hello {
        suite: 0x1302,
        extensions: vec![(43, vec![3, 4]), key_share(29)],
        ..Hello::default()
    };
    assert_eq!(
        hello_verdict(&h, false),
        Err(Stop::Violation(Violation::CipherSuite(0x1302)))
    );
}

#[test]
fn pre_shared_key_when_offered() {
    let with = |id: u8| Hello {
        extensions: vec![(43, vec![3, 4]), key_share(23), (41, vec![0, id])],
        ..Hello::default()
    };
    let mut g = Guard::new(32 * 1024, true);
    assert_eq!(g.feed(&with(0).record(), false), Ok(()));
    assert_eq!(g.psk_selected(), Some(Some(0)));
    assert_eq!(
        hello_verdict(&with(1), true),
        Err(Stop::Violation(Violation::PskIdentity(1)))
    );
    let mut g = Guard::new(32 * 1024, true);
    assert_eq!(g.psk_selected(), None);
    assert_eq!(g.feed(&Hello::default().record(), false), Ok(()));
    assert_eq!(g.psk_selected(), Some(None));
}

#[test]
fn a_tls12_server_hello_is_a_version_problem() {
    // Without extensions, and with TLS 1.2 extensions instead of supported_versions.
    let bare = Hello {
        extensions: vec![],
        session_id: vec![5; 32],
        suite: 0xc02b,
        ..Hello::default()
    };
    assert_eq!(hello_verdict(&bare, false), Err(Stop::ProtocolVersion));
    let tls12 = Hello {
        extensions: vec![(0xff01, vec![0]), (11, vec![1, 0]), (23, vec![])],
        ..bare.clone()
    };
    assert_eq!(hello_verdict(&tls12, false), Err(Stop::ProtocolVersion));
    // Followed by its Certificate in the same record: still named as a version problem.
    let mut msg = tls12.message();
    msg.extend_from_slice(&[11, 0, 0, 3, 0, 0, 0]);
    assert_eq!(
        verdict(&record(22, &msg), usize::MAX, false),
        Err(Stop::ProtocolVersion)
    );
}

#[test]
fn hello_retry_request_is_recognised() {
    let h = Hello {
        random: HRR_RANDOM,
        extensions: vec![(43, vec![3, 4]), (51, vec![0, 29])],
        ..Hello::default()
    };
    assert_eq!(hello_verdict(&h, false), Err(Stop::HelloRetry));
}

#[test]
fn server_hello_framing() {
    // Not a ServerHello first.
    assert_eq!(
        verdict(&record(22, &[11, 0, 0, 0]), usize::MAX, false),
        Err(Stop::Violation(Violation::NotServerHello(11)))
    );
    // More handshake data after it in the same record.
    let mut msg = Hello::default().message();
    msg.extend_from_slice(&[8, 0, 0, 2, 0, 0]);
    assert_eq!(
        verdict(&record(22, &msg), usize::MAX, false),
        Err(Stop::Violation(Violation::ServerHelloNotAtRecordEnd))
    );
    // Split over two records: embedded-tls parses records alone.
    let msg = Hello::default().message();
    let mut s = record(22, &msg[..40]);
    s.extend(record(22, &msg[40..]));
    assert_eq!(
        verdict(&s, usize::MAX, false),
        Err(Stop::SpansRecords {
            msg_type: 2,
            len: msg.len() as u32 - 4
        })
    );
    // Lengths that do not add up.
    let mut msg = Hello::default().message();
    let n = msg.len();
    msg[n - 70] += 1; // key_share extension length one too long
    assert_eq!(
        verdict(&record(22, &msg), usize::MAX, false),
        Err(Stop::Violation(Violation::MalformedServerHello))
    );
}

#[test]
fn garbage_never_panics_and_stays_stopped() {
    let mut x = 0x1234_5678u32;
    for _ in 0..20_000 {
        let mut g = Guard::new(4096, x & 1 == 0);
        let mut stream = Hello::default().record();
        let len = (x >> 8) as usize % 300;
        for _ in 0..len {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            stream.push(x as u8);
        }
        // Flip one byte of the hello too, sometimes.
        let i = x as usize % stream.len();
        if x & 2 == 0 {
            stream[i] ^= (x >> 3) as u8 | 1;
        }
        let mut first = None;
        for chunk in stream.chunks(1 + (x as usize % 9)) {
            if let Err(stop) = g.feed(chunk, x & 4 == 0) {
                first.get_or_insert(stop);
                assert_eq!(g.feed(&[0], false), Err(*first.as_ref().unwrap()));
            }
        }
    }
}

#[test]
fn handshake_bytes_are_bounded() {
    let mut g = Guard::new(1000, false);
    assert_eq!(g.feed(&Hello::default().record(), false), Ok(()));
    assert_eq!(g.feed(&protected(500), false), Ok(()));
    assert_eq!(
        g.feed(&protected(400), false),
        Err(Stop::Violation(Violation::HandshakeTooLarge))
    );
    // The bound is on the handshake only.
    let mut g = Guard::new(200, false);
    assert_eq!(g.feed(&Hello::default().record(), false), Ok(()));
    assert_eq!(g.feed(&protected(5000), true), Ok(()));
}

#[test]
fn a_decrypted_record_is_found_and_explained() {
    let tag = [0x5a; 16];
    // An alert decrypted in place: [level, code, type 21, padding] then the tag's bytes.
    let mut buf = vec![0u8; 64];
    buf[10..14].copy_from_slice(&[2, 116, 21, 0]);
    buf[14..30].copy_from_slice(&tag);
    let (kind, content) = decrypted(&buf, 20, &tag).unwrap();
    assert_eq!((kind, content), (21, &[2u8, 116][..]));
    assert_eq!(explain(kind, content), Some(Stop::Alert(116)));
    // A handshake record whose second message (a Certificate) runs past its end.
    let mut plain = vec![8, 0, 0, 2, 0, 0, 11, 0, 0x12, 0x34, 1, 2, 3];
    plain.push(22);
    let mut buf = plain.clone();
    buf.extend_from_slice(&tag);
    let (kind, content) = decrypted(&buf, plain.len() + 16, &tag).unwrap();
    assert_eq!(
        explain(kind, content),
        Some(Stop::SpansRecords {
            msg_type: 11,
            len: 0x1234
        })
    );
    // Not there (another tag), or whole messages only: nothing to say.
    assert_eq!(decrypted(&buf, plain.len() + 16, &[1; 16]), None);
    assert_eq!(explain(22, &[8, 0, 0, 2, 0, 0]), None);
    assert_eq!(explain(23, b"data"), None);
}
