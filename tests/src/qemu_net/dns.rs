//! The test zone's name server: answers A queries for the names [`QemuNet`](super::QemuNet)
//! was given, and nothing else.
//!
//! It is authoritative for one zone (`rawnet.test` by default) and recursive for nothing:
//!
//! | query | answer |
//! |---|---|
//! | A, class IN, a name with a record | NOERROR, AA, the one A record (TTL 60) |
//! | another type for a name with a record, or for the zone's apex | NOERROR, AA, no answer (NODATA) |
//! | a name in the zone without a record | NXDOMAIN, AA |
//! | a name outside the zone, or a class other than IN | REFUSED |
//! | opcode other than QUERY | NOTIMP |
//! | not exactly one question, or a question that does not parse | FORMERR |
//! | shorter than a header, or a response (QR set) | dropped, no answer |
//!
//! The query comes from the guest, which is untrusted: the parser checks every length before
//! it reads, refuses compression pointers in the question (a query has nothing to point
//! back to), bounds a name at 255 bytes and labels at 63, and never panics on any input
//! (the test `arbitrary_bytes_never_panic` feeds it a million random and mutated queries).
//! Label bytes other than letters, digits, `-` and `_` appear escaped (`\DDD`) in the names it
//! logs and compares, so a label holding a `.` cannot pass for two labels.

use std::fmt::Write as _;
use std::net::Ipv4Addr;

const HEADER_LEN: usize = 12;
const TYPE_A: u16 = 1;
const CLASS_IN: u16 = 1;
const TTL_SECS: u32 = 60;
const MAX_NAME_LEN: usize = 255;

const RCODE_NOERROR: u16 = 0;
const RCODE_FORMERR: u16 = 1;
const RCODE_NXDOMAIN: u16 = 3;
const RCODE_NOTIMP: u16 = 4;
const RCODE_REFUSED: u16 = 5;

/// What the server answered to one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsAnswer {
    /// NOERROR with this A record.
    Address(Ipv4Addr),
    /// NOERROR without an answer: the name exists, but not with the asked type.
    NoData,
    /// NXDOMAIN: a name in the zone that has no record.
    NxDomain,
    /// REFUSED: a name outside the zone (nothing is ever forwarded), or a class other than IN.
    Refused,
    /// FORMERR: the query could not be read.
    FormErr,
    /// NOTIMP: an opcode other than QUERY.
    NotImp,
}

/// One query the server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsLog {
    /// The name asked for, lower-cased, without the final dot (`.` for the root); empty when
    /// the query had no readable question.
    pub name: String,
    /// The query type (1 = A, 28 = AAAA, ...); 0 when there was no readable question.
    pub qtype: u16,
    /// What was answered.
    pub answer: DnsAnswer,
}

/// The zone and its A records.
#[derive(Debug, Clone)]
pub(super) struct Zone {
    apex: String,
    records: Vec<(String, Ipv4Addr)>,
}

impl Zone {
    /// The zone `apex` (e.g. `rawnet.test`) with `records` (names inside it).
    pub fn new(apex: &str, records: &[(String, Ipv4Addr)]) -> Zone {
        let norm = |n: &str| n.trim_end_matches('.').to_ascii_lowercase();
        Zone {
            apex: norm(apex),
            records: records.iter().map(|(n, a)| (norm(n), *a)).collect(),
        }
    }

    fn contains(&self, name: &str) -> bool {
        name == self.apex
            || name
                .strip_suffix(self.apex.as_str())
                .is_some_and(|head| head.ends_with('.'))
    }

    /// The response to the DNS message `query`, and what it said; `None` when the message is
    /// not answered at all (too short for a header, or itself a response).
    pub fn answer(&self, query: &[u8]) -> Option<(Vec<u8>, DnsLog)> {
        let header = query.get(..HEADER_LEN)?;
        let flags = u16::from_be_bytes([header[2], header[3]]);
        if flags & 0x8000 != 0 {
            return None;
        }
        let reply = Reply {
            id: [header[0], header[1]],
            opcode: (flags >> 11) & 0xf,
            rd: flags & 0x0100 != 0,
        };
        let unreadable = |rcode, answer| {
            let log = DnsLog {
                name: String::new(),
                qtype: 0,
                answer,
            };
            Some((reply.emit(rcode, false, None, None), log))
        };
        if reply.opcode != 0 {
            return unreadable(RCODE_NOTIMP, DnsAnswer::NotImp);
        }
        if u16::from_be_bytes([header[4], header[5]]) != 1 {
            return unreadable(RCODE_FORMERR, DnsAnswer::FormErr);
        }
        let Some((name, end)) = parse_name(query, HEADER_LEN) else {
            return unreadable(RCODE_FORMERR, DnsAnswer::FormErr);
        };
        let Some(tail) = query.get(end..end + 4) else {
            return unreadable(RCODE_FORMERR, DnsAnswer::FormErr);
        };
        let qtype = u16::from_be_bytes([tail[0], tail[1]]);
        let qclass = u16::from_be_bytes([tail[2], tail[3]]);
        let question = &query[HEADER_LEN..end + 4];

        let record = self.records.iter().find(|(n, _)| *n == name);
        let (rcode, answer) = if qclass != CLASS_IN || !self.contains(&name) {
            (RCODE_REFUSED, DnsAnswer::Refused)
        } else if let (Some((_, addr)), TYPE_A) = (record, qtype) {
            (RCODE_NOERROR, DnsAnswer::Address(*addr))
        } else if record.is_some() || name == self.apex {
            (RCODE_NOERROR, DnsAnswer::NoData)
        } else {
            (RCODE_NXDOMAIN, DnsAnswer::NxDomain)
        };
        let authoritative = answer != DnsAnswer::Refused;
        let addr = match answer {
            DnsAnswer::Address(a) => Some(a),
            _ => None,
        };
        let bytes = reply.emit(rcode, authoritative, Some(question), addr);
        Some((
            bytes,
            DnsLog {
                name,
                qtype,
                answer,
            },
        ))
    }
}

/// The parts of a query its response repeats.
#[derive(Debug, Clone, Copy)]
struct Reply {
    id: [u8; 2],
    opcode: u16,
    rd: bool,
}

impl Reply {
    /// A response with `rcode`, the `question` (as the query wrote it) and an A record for
    /// `addr` pointing back at the question's name.
    fn emit(
        self,
        rcode: u16,
        authoritative: bool,
        question: Option<&[u8]>,
        addr: Option<Ipv4Addr>,
    ) -> Vec<u8> {
        let flags = 0x8000
            | (self.opcode << 11)
            | (u16::from(authoritative) << 10)
            | (u16::from(self.rd) << 8)
            | rcode;
        let mut out = Vec::with_capacity(HEADER_LEN + 300);
        out.extend_from_slice(&self.id);
        out.extend_from_slice(&flags.to_be_bytes());
        for count in [
            u16::from(question.is_some()),
            u16::from(addr.is_some()),
            0,
            0,
        ] {
            out.extend_from_slice(&count.to_be_bytes());
        }
        if let Some(q) = question {
            out.extend_from_slice(q);
        }
        if let Some(a) = addr {
            out.extend_from_slice(&[0xc0, HEADER_LEN as u8]); // the question's name
            out.extend_from_slice(&TYPE_A.to_be_bytes());
            out.extend_from_slice(&CLASS_IN.to_be_bytes());
            out.extend_from_slice(&TTL_SECS.to_be_bytes());
            out.extend_from_slice(&4u16.to_be_bytes());
            out.extend_from_slice(&a.octets());
        }
        out
    }
}

/// The name at `at` in `msg`, lower-cased and escaped (see the module docs), and the offset
/// just past it. `None` for a compression pointer, a reserved label type, a name longer than
/// 255 bytes, or a name running past the end.
fn parse_name(msg: &[u8], mut at: usize) -> Option<(String, usize)> {
    let mut name = String::new();
    let mut wire_len = 0;
    loop {
        let len = usize::from(*msg.get(at)?);
        wire_len += len + 1;
        if len & 0xc0 != 0 || wire_len > MAX_NAME_LEN {
            return None;
        }
        at += 1;
        if len == 0 {
            break;
        }
        let label = msg.get(at..at + len)?;
        at += len;
        if !name.is_empty() {
            name.push('.');
        }
        for &b in label {
            match b {
                b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => name.push(char::from(b)),
                b'A'..=b'Z' => name.push(char::from(b.to_ascii_lowercase())),
                _ => {
                    let _ = write!(name, "\\{b:03}");
                }
            }
        }
    }
    if name.is_empty() {
        name.push('.');
    }
    Some((name, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKER: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 100);

    fn zone() -> Zone {
        Zone::new(
            "rawnet.test",
            &[("Broker.rawnet.test.".to_string(), BROKER)],
        )
    }

    fn query(id: u16, name: &str, qtype: u16, qclass: u16) -> Vec<u8> {
        let mut q = id.to_be_bytes().to_vec();
        q.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
        for label in name.split('.').filter(|l| !l.is_empty()) {
            q.push(label.len() as u8);
            q.extend_from_slice(label.as_bytes());
        }
        q.push(0);
        q.extend_from_slice(&qtype.to_be_bytes());
        q.extend_from_slice(&qclass.to_be_bytes());
        q
    }

    fn rcode(r: &[u8]) -> u16 {
        u16::from_be_bytes([r[2], r[3]]) & 0xf
    }

    #[test]
    fn a_record_answered_with_the_question_echoed() {
        let q = query(0xbeef, "BROKER.Rawnet.Test", TYPE_A, CLASS_IN);
        let (r, log) = zone().answer(&q).unwrap();
        assert_eq!(log.answer, DnsAnswer::Address(BROKER));
        assert_eq!(log.name, "broker.rawnet.test");
        assert_eq!(&r[..2], &[0xbe, 0xef]);
        // QR, AA, RD; NOERROR; one question, one answer.
        assert_eq!(&r[2..12], &[0x85, 0x00, 0, 1, 0, 1, 0, 0, 0, 0]);
        assert_eq!(&r[12..q.len()], &q[12..], "question as asked, case kept");
        let a = &r[q.len()..];
        assert_eq!(a, &[0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 0, 2, 100]);
    }

    #[test]
    fn other_names_types_and_classes() {
        let z = zone();
        let cases = [
            (
                "unknown.rawnet.test",
                TYPE_A,
                CLASS_IN,
                DnsAnswer::NxDomain,
                3,
            ),
            ("broker.rawnet.test", 28, CLASS_IN, DnsAnswer::NoData, 0),
            ("rawnet.test", TYPE_A, CLASS_IN, DnsAnswer::NoData, 0),
            ("example.com", TYPE_A, CLASS_IN, DnsAnswer::Refused, 5),
            ("xrawnet.test", TYPE_A, CLASS_IN, DnsAnswer::Refused, 5),
            ("", TYPE_A, CLASS_IN, DnsAnswer::Refused, 5),
            ("broker.rawnet.test", TYPE_A, 3, DnsAnswer::Refused, 5),
        ];
        for (name, qtype, qclass, want, code) in cases {
            let q = query(7, name, qtype, qclass);
            let (r, log) = z.answer(&q).unwrap();
            assert_eq!(log.answer, want, "{name}");
            assert_eq!(rcode(&r), code, "{name}");
            assert_eq!(&r[4..8], &[0, 1, 0, 0], "{name}: question, no answer");
            assert_eq!(r.len(), q.len(), "{name}");
        }
    }

    #[test]
    fn malformed_queries() {
        let z = zone();
        assert!(z.answer(&[0; 11]).is_none(), "shorter than a header");
        let mut resp = query(1, "broker.rawnet.test", TYPE_A, CLASS_IN);
        resp[2] |= 0x80;
        assert!(z.answer(&resp).is_none(), "responses are never answered");

        let mut two = query(1, "broker.rawnet.test", TYPE_A, CLASS_IN);
        two[5] = 2;
        let mut pointer = query(1, "broker.rawnet.test", TYPE_A, CLASS_IN);
        pointer[12] = 0xc0;
        let truncated = &query(1, "broker.rawnet.test", TYPE_A, CLASS_IN)[..20];
        let no_type = &query(1, "broker.rawnet.test", TYPE_A, CLASS_IN)[..33];
        let long = query(1, &vec!["a".repeat(63); 4].join("."), TYPE_A, CLASS_IN);
        for (what, q) in [
            ("two questions", &two[..]),
            ("pointer", &pointer),
            ("truncated name", truncated),
            ("no type", no_type),
            ("256-byte name", &long),
        ] {
            let (r, log) = z.answer(q).unwrap();
            assert_eq!(log.answer, DnsAnswer::FormErr, "{what}");
            assert_eq!((rcode(&r), r.len()), (1, HEADER_LEN), "{what}");
        }
        let mut notify = query(1, "broker.rawnet.test", TYPE_A, CLASS_IN);
        notify[2] = 4 << 3;
        let (r, log) = z.answer(&notify).unwrap();
        assert_eq!((log.answer, rcode(&r)), (DnsAnswer::NotImp, 4));
    }

    #[test]
    fn a_label_holding_a_dot_is_not_two_labels() {
        let mut q = query(1, "x", TYPE_A, CLASS_IN);
        let name = b"\x12broker.rawnet.test\x00";
        q.splice(12..15, name.iter().copied());
        let (_, log) = zone().answer(&q).unwrap();
        assert_eq!(log.name, "broker\\046rawnet\\046test");
        assert_eq!(log.answer, DnsAnswer::Refused);
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // xorshift: reproducible without a dependency.
        let mut s = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let z = zone();
        let base = query(9, "broker.rawnet.test", TYPE_A, CLASS_IN);
        for i in 0..1_000_000u32 {
            let mut q = if i % 2 == 0 {
                let len = (next() % 80) as usize;
                (0..len).map(|_| next() as u8).collect::<Vec<_>>()
            } else {
                base.clone()
            };
            for _ in 0..(next() % 4) {
                if !q.is_empty() {
                    let at = (next() as usize) % q.len();
                    q[at] = next() as u8;
                }
            }
            if next() % 8 == 0 {
                q.truncate((next() as usize) % (q.len() + 1));
            }
            if let Some((r, _)) = z.answer(&q) {
                assert!(r.len() >= HEADER_LEN && r.len() <= 512);
                assert_eq!(r[..2], q[..2]);
            }
        }
    }
}
