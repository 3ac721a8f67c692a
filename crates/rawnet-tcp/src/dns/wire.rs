//! The DNS messages the resolver needs, and nothing more: one A query written, its reply
//! checked and read. Pure functions over byte slices (RFC 1035 §4).
//!
//! A reply is hostile input: every length and offset is checked against the message, a
//! compression pointer must point before the name segment it is found in (so a name is read
//! in at most as many steps as the message has bytes) and a name may not exceed 255 bytes,
//! and a CNAME chain is followed only through the records of the same message, for at most
//! [`MAX_CHAIN`] links. Anything else is [`Malformed`] and the datagram is ignored.

use crate::error::DnsError;
use smoltcp::wire::Ipv4Address;

/// Length of the fixed message header.
pub const HEADER_LEN: usize = 12;
/// Longest name in wire form (length-prefixed labels and the root label), RFC 1035 §2.3.4.
pub const MAX_NAME_LEN: usize = 255;
/// Longest query: header, the question's name, type and class.
pub const MAX_QUERY_LEN: usize = HEADER_LEN + MAX_NAME_LEN + 4;
/// How many CNAME links of one reply are followed before giving up on it.
pub const MAX_CHAIN: usize = 8;

const TYPE_A: u16 = 1;
const TYPE_CNAME: u16 = 5;
const CLASS_IN: u16 = 1;
const FLAG_QR: u16 = 0x8000;
const RCODE_NXDOMAIN: u16 = 3;

/// A datagram that is not a well-formed answer to the query: ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// What a well-formed reply to the query says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// The name (or the end of its CNAME chain) has this address; the first one given.
    Address(Ipv4Address),
    /// The name does not exist (NXDOMAIN), or exists without an address in this reply.
    NoAddress,
    /// The server could not or would not answer (SERVFAIL, REFUSED, ...): ask another.
    ServerError,
}

/// `name` (dotted, an optional final dot) in wire form into `out`; the length used.
pub fn encode_name(name: &str, out: &mut [u8; MAX_NAME_LEN]) -> Result<usize, DnsError> {
    let name = name.as_bytes();
    let name = match name {
        [rest @ .., b'.'] => rest,
        _ => name,
    };
    // Each dot becomes a length byte; one more length byte in front, the root label last.
    let len = name.len() + 2;
    if len > MAX_NAME_LEN {
        return Err(DnsError::NameTooLong);
    }
    // Where the current label's length byte goes.
    let mut start = 0;
    for i in 0..=name.len() {
        match name.get(i) {
            Some(&b) if b != b'.' => out[i + 1] = b,
            _ => {
                let label = i - start;
                if label == 0 || label > 63 {
                    return Err(DnsError::InvalidName);
                }
                out[start] = label as u8;
                start = i + 1;
            }
        }
    }
    out[len - 1] = 0;
    Ok(len)
}

/// Write an A query with transaction `id` for `qname` (wire form) into `buf`; the length
/// written, or 0 when `buf` is too short.
pub fn write_query(id: u16, qname: &[u8], buf: &mut [u8]) -> usize {
    let len = HEADER_LEN + qname.len() + 4;
    let Some(buf) = buf.get_mut(..len) else {
        return 0;
    };
    let [hi, lo] = id.to_be_bytes();
    // Recursion desired, one question; then the question: the name, type A, class IN.
    buf[..HEADER_LEN].copy_from_slice(&[hi, lo, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    buf[HEADER_LEN..len - 4].copy_from_slice(qname);
    buf[len - 4..].copy_from_slice(&[0, 1, 0, 1]);
    len
}

/// The transaction id of a reply, to find its query.
pub fn reply_id(msg: &[u8]) -> Option<u16> {
    be16(msg, 0).ok()
}

/// Check `msg` as the reply to the A query `id` for `qname` (wire form) and read it.
pub fn parse_reply(msg: &[u8], id: u16, qname: &[u8]) -> Result<Reply, Malformed> {
    let flags = be16(msg, 2)?;
    // The id, a response, opcode QUERY, and our question echoed once.
    if be16(msg, 0)? != id || flags & FLAG_QR == 0 || (flags >> 11) & 0xf != 0 {
        return Err(Malformed);
    }
    if be16(msg, 4)? != 1 {
        return Err(Malformed);
    }
    let ancount = be16(msg, 6)?;
    let mut question = Name::new(HEADER_LEN);
    let mut ours = Name::new(0);
    if !names_equal(msg, &mut question, qname, &mut ours)? {
        return Err(Malformed);
    }
    let qend = question.end.ok_or(Malformed)?;
    if be16(msg, qend)? != TYPE_A || be16(msg, qend + 2)? != CLASS_IN {
        return Err(Malformed);
    }
    match flags & 0xf {
        0 => {}
        RCODE_NXDOMAIN => return Ok(Reply::NoAddress),
        _ => return Ok(Reply::ServerError),
    }
    let answers = qend + 4;
    // The name looked for: the question's, then each CNAME target in turn (all offsets
    // into this message). Each pass over the answers either finds an address, moves the
    // target along the chain, or ends the search.
    let mut target = HEADER_LEN;
    for _ in 0..=MAX_CHAIN {
        let mut pos = answers;
        let mut moved = false;
        for _ in 0..ancount {
            let owner = pos;
            let fixed = skip_name(msg, pos)?;
            let rtype = be16(msg, fixed)?;
            let class = be16(msg, fixed + 2)?;
            let rdlen = usize::from(be16(msg, fixed + 8)?);
            let rdata = fixed + 10;
            let rdata_bytes = msg.get(rdata..rdata + rdlen).ok_or(Malformed)?;
            pos = rdata + rdlen;
            if class != CLASS_IN || (rtype != TYPE_A && rtype != TYPE_CNAME) {
                continue;
            }
            let (mut a, mut b) = (Name::new(owner), Name::new(target));
            if !names_equal(msg, &mut a, msg, &mut b)? {
                continue;
            }
            if rtype == TYPE_A {
                let octets: [u8; 4] = rdata_bytes.try_into().map_err(|_| Malformed)?;
                return Ok(Reply::Address(Ipv4Address::from(octets)));
            }
            // A CNAME: its target name must lie within its record data.
            if skip_name(msg, rdata)? != rdata + rdlen {
                return Err(Malformed);
            }
            if rdata != target {
                target = rdata;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    Ok(Reply::NoAddress)
}

fn be16(msg: &[u8], at: usize) -> Result<u16, Malformed> {
    match msg.get(at..at + 2) {
        Some(&[a, b]) => Ok(u16::from_be_bytes([a, b])),
        _ => Err(Malformed),
    }
}

/// A cursor over the labels of a (possibly compressed) name.
struct Name {
    /// The next length byte or pointer.
    pos: usize,
    /// Start of the segment being read: a pointer must point below it.
    floor: usize,
    /// Bytes of the name so far (length bytes and labels).
    len: usize,
    /// Where the name ends in its record: after its first pointer or its root label.
    end: Option<usize>,
}

impl Name {
    fn new(pos: usize) -> Self {
        Name {
            pos,
            floor: pos,
            len: 0,
            end: None,
        }
    }

    /// The next label; `None` after the root label.
    fn next<'m>(&mut self, msg: &'m [u8]) -> Result<Option<&'m [u8]>, Malformed> {
        loop {
            let b = *msg.get(self.pos).ok_or(Malformed)?;
            match b & 0xc0 {
                0x00 => {
                    self.len += 1 + usize::from(b);
                    if self.len > MAX_NAME_LEN {
                        return Err(Malformed);
                    }
                    if b == 0 {
                        self.end.get_or_insert(self.pos + 1);
                        return Ok(None);
                    }
                    let start = self.pos + 1;
                    let label = msg.get(start..start + usize::from(b)).ok_or(Malformed)?;
                    self.pos = start + usize::from(b);
                    return Ok(Some(label));
                }
                0xc0 => {
                    let low = *msg.get(self.pos + 1).ok_or(Malformed)?;
                    let to = usize::from(b & 0x3f) << 8 | usize::from(low);
                    // Strictly backwards from where this segment began: the floor falls
                    // with every pointer, so a name cannot loop.
                    if to >= self.floor || to < HEADER_LEN {
                        return Err(Malformed);
                    }
                    self.end.get_or_insert(self.pos + 2);
                    self.pos = to;
                    self.floor = to;
                }
                // The extended label types (0x40, 0x80) are not used in replies.
                _ => return Err(Malformed),
            }
        }
    }
}

/// Where the record after the name at `pos` begins.
fn skip_name(msg: &[u8], pos: usize) -> Result<usize, Malformed> {
    let mut name = Name::new(pos);
    while name.next(msg)?.is_some() {}
    name.end.ok_or(Malformed)
}

/// Whether two names are equal, ASCII case ignored; both cursors are read to the end of
/// the shorter name.
fn names_equal(ma: &[u8], a: &mut Name, mb: &[u8], b: &mut Name) -> Result<bool, Malformed> {
    loop {
        match (a.next(ma)?, b.next(mb)?) {
            (None, None) => return Ok(true),
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
            _ => return Ok(false),
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    const ID: u16 = 0x4a7b;
    const ADDR: Ipv4Address = Ipv4Address::new(192, 0, 2, 7);

    fn qname(name: &str) -> Vec<u8> {
        let mut out = [0; MAX_NAME_LEN];
        let n = encode_name(name, &mut out).unwrap();
        out[..n].to_vec()
    }

    /// A reply header and the question for `name`; `rcode`, `ancount` as given.
    fn reply(name: &str, rcode: u16, ancount: u16) -> Vec<u8> {
        let mut m = Vec::new();
        m.extend_from_slice(&ID.to_be_bytes());
        m.extend_from_slice(&(0x8180 | rcode).to_be_bytes());
        m.extend_from_slice(&[0, 1]);
        m.extend_from_slice(&ancount.to_be_bytes());
        m.extend_from_slice(&[0, 0, 0, 0]);
        m.extend_from_slice(&qname(name));
        m.extend_from_slice(&[0, 1, 0, 1]);
        m
    }

    /// A resource record: owner (wire form, maybe a pointer), type, class IN, rdata.
    fn record(m: &mut Vec<u8>, owner: &[u8], rtype: u16, rdata: &[u8]) {
        m.extend_from_slice(owner);
        m.extend_from_slice(&rtype.to_be_bytes());
        m.extend_from_slice(&[0, 1, 0, 0, 0x0e, 0x10]);
        m.extend_from_slice(&(rdata.len() as u16).to_be_bytes());
        m.extend_from_slice(rdata);
    }

    const TO_QUESTION: [u8; 2] = [0xc0, 12];

    fn parse(m: &[u8], name: &str) -> Result<Reply, Malformed> {
        parse_reply(m, ID, &qname(name))
    }

    #[test]
    fn names_are_encoded_or_refused() {
        assert_eq!(
            qname("broker.rawnet.test"),
            b"\x06broker\x06rawnet\x04test\x00"
        );
        assert_eq!(qname("broker.rawnet.test."), qname("broker.rawnet.test"));
        let mut out = [0; MAX_NAME_LEN];
        for bad in ["", ".", "a..b", ".a", "a.b..", &"x".repeat(64)] {
            assert_eq!(
                encode_name(bad, &mut out),
                Err(DnsError::InvalidName),
                "{bad:?}"
            );
        }
        assert!(encode_name(&"x".repeat(63), &mut out).is_ok());
        // 4 labels of 63: 4 * 64 + 1 = 257 bytes in wire form.
        let long = [&"x".repeat(63)[..]; 4].join(".");
        assert_eq!(encode_name(&long, &mut out), Err(DnsError::NameTooLong));
        // The longest name that fits: 253 characters, 255 bytes.
        let max = [
            &"x".repeat(63)[..],
            &"x".repeat(63),
            &"x".repeat(63),
            &"x".repeat(61),
        ]
        .join(".");
        assert_eq!(max.len(), 253);
        assert_eq!(encode_name(&max, &mut out), Ok(MAX_NAME_LEN));
    }

    #[test]
    fn a_query_is_the_header_and_one_question() {
        let q = qname("a.example");
        let mut buf = [0xff; MAX_QUERY_LEN];
        let n = write_query(0x1234, &q, &mut buf);
        assert_eq!(
            &buf[..n],
            b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x01a\x07example\x00\x00\x01\x00\x01"
        );
        assert_eq!(write_query(1, &q, &mut buf[..n - 1]), 0);
        assert_eq!(reply_id(&buf[..n]), Some(0x1234));
        assert_eq!(reply_id(&buf[..1]), None);
    }

    #[test]
    fn an_answer_gives_its_address() {
        let mut m = reply("broker.rawnet.test", 0, 1);
        record(&mut m, &TO_QUESTION, TYPE_A, &ADDR.octets());
        assert_eq!(parse(&m, "broker.rawnet.test"), Ok(Reply::Address(ADDR)));
        // The question echoed in another case (0x20 randomisation by the server).
        let mut upper = m.clone();
        upper[13..19].copy_from_slice(b"BROKER");
        assert_eq!(
            parse(&upper, "broker.rawnet.test"),
            Ok(Reply::Address(ADDR))
        );
        // The owner written out in full rather than compressed.
        let mut m = reply("broker.rawnet.test", 0, 1);
        record(&mut m, &qname("Broker.Rawnet.Test"), TYPE_A, &ADDR.octets());
        assert_eq!(parse(&m, "broker.rawnet.test"), Ok(Reply::Address(ADDR)));
    }

    #[test]
    fn a_reply_to_something_else_is_malformed() {
        let mut good = reply("a.test", 0, 1);
        record(&mut good, &TO_QUESTION, TYPE_A, &ADDR.octets());
        assert_eq!(parse_reply(&good, ID + 1, &qname("a.test")), Err(Malformed));
        assert_eq!(parse(&good, "b.test"), Err(Malformed));
        assert_eq!(parse(&good, "a.test.x"), Err(Malformed));
        let patched = |at: usize, bytes: &[u8]| {
            let mut m = good.clone();
            m[at..at + bytes.len()].copy_from_slice(bytes);
            parse(&m, "a.test")
        };
        assert_eq!(
            patched(2, &[0x01, 0x80]),
            Err(Malformed),
            "a query, not a reply"
        );
        assert_eq!(patched(2, &[0x89, 0x80]), Err(Malformed), "opcode 1");
        assert_eq!(patched(4, &[0, 0]), Err(Malformed), "no question");
        assert_eq!(patched(4, &[0, 2]), Err(Malformed), "two questions");
        assert_eq!(patched(20, &[0, 28]), Err(Malformed), "AAAA question");
        assert_eq!(patched(22, &[0, 3]), Err(Malformed), "class CH");
        // An A record with 5 bytes of data.
        let mut m = reply("a.test", 0, 1);
        record(&mut m, &TO_QUESTION, TYPE_A, &[1, 2, 3, 4, 5]);
        assert_eq!(parse(&m, "a.test"), Err(Malformed));
    }

    #[test]
    fn rcodes() {
        assert_eq!(
            parse(&reply("a.test", 3, 0), "a.test"),
            Ok(Reply::NoAddress)
        );
        for rcode in [1, 2, 4, 5, 9, 15] {
            assert_eq!(
                parse(&reply("a.test", rcode, 0), "a.test"),
                Ok(Reply::ServerError)
            );
        }
        // NOERROR with no answer, or only an AAAA, or an A for another name: no address.
        assert_eq!(
            parse(&reply("a.test", 0, 0), "a.test"),
            Ok(Reply::NoAddress)
        );
        let mut m = reply("a.test", 0, 2);
        record(&mut m, &TO_QUESTION, 28, &[0; 16]);
        record(&mut m, &qname("evil.test"), TYPE_A, &ADDR.octets());
        assert_eq!(parse(&m, "a.test"), Ok(Reply::NoAddress));
    }

    #[test]
    fn cname_chains_are_followed_within_the_reply() {
        // a.test CNAME b.test, b.test A: in order, and the other way round.
        let mut m = reply("a.test", 0, 2);
        let b_at = m.len() + 2 + 10;
        record(&mut m, &TO_QUESTION, TYPE_CNAME, &qname("b.test"));
        record(&mut m, &[0xc0, b_at as u8], TYPE_A, &ADDR.octets());
        assert_eq!(parse(&m, "a.test"), Ok(Reply::Address(ADDR)));

        let mut m = reply("a.test", 0, 2);
        record(&mut m, &qname("b.test"), TYPE_A, &ADDR.octets());
        record(&mut m, &TO_QUESTION, TYPE_CNAME, &[1, b'b', 0xc0, 14]);
        assert_eq!(parse(&m, "a.test"), Ok(Reply::Address(ADDR)));

        // A CNAME to a name without an address here: nothing (no lookup outside).
        let mut m = reply("a.test", 0, 1);
        record(
            &mut m,
            &TO_QUESTION,
            TYPE_CNAME,
            &qname("elsewhere.example"),
        );
        assert_eq!(parse(&m, "a.test"), Ok(Reply::NoAddress));

        // A loop a -> b -> a ends.
        let mut m = reply("a.test", 0, 2);
        let b_at = m.len() + 2 + 10;
        record(&mut m, &TO_QUESTION, TYPE_CNAME, &qname("b.test"));
        record(&mut m, &[0xc0, b_at as u8], TYPE_CNAME, &TO_QUESTION);
        assert_eq!(parse(&m, "a.test"), Ok(Reply::NoAddress));

        // A chain longer than MAX_CHAIN, written backwards so each pass moves one link.
        let n = MAX_CHAIN + 2;
        let mut m = reply("c0.test", 0, n as u16);
        for i in (0..n).rev() {
            let target = std::format!("c{}.test", i + 1);
            record(
                &mut m,
                &qname(&std::format!("c{i}.test")),
                TYPE_CNAME,
                &qname(&target),
            );
        }
        assert_eq!(parse(&m, "c0.test"), Ok(Reply::NoAddress));

        // A CNAME whose name runs past its record data.
        let mut m = reply("a.test", 0, 1);
        record(&mut m, &TO_QUESTION, TYPE_CNAME, &[1, b'b']);
        m.extend_from_slice(&[0, 0, 0, 0]);
        assert_eq!(parse(&m, "a.test"), Err(Malformed));
    }

    #[test]
    fn hostile_names_are_malformed() {
        let answers_at = reply("a.test", 0, 1).len() as u8;
        for owner in [
            &[0xc0, answers_at][..],          // a pointer to itself
            &[0xc0, answers_at + 2][..],      // forwards
            &[0xc0, 3][..],                   // into the header
            &[1, b'x', 0xc0, answers_at][..], // back to its own start
            &[0x40, 0][..],                   // extended label type
            &[0x80, 0][..],
            &[63, b'x'][..], // a label past the end
        ] {
            let mut m = reply("a.test", 0, 1);
            record(&mut m, owner, TYPE_A, &ADDR.octets());
            assert_eq!(parse(&m, "a.test"), Err(Malformed), "{owner:?}");
        }
        // Names over 255 bytes, built from backward pointers each adding a 63-byte label:
        // the labels sit in the data of a record of another type, the A record's owner
        // points at the last. Five labels are too many; three make a name (not ours).
        for (labels, outcome) in [(5, Err(Malformed)), (3, Ok(Reply::NoAddress))] {
            let mut m = reply("a.test", 0, 2);
            let data_at = m.len() + 2 + 10;
            let mut data = Vec::new();
            let mut prev = 12u16;
            for _ in 0..labels {
                let at = (data_at + data.len()) as u16;
                data.push(63);
                data.extend_from_slice(&[b'y'; 63]);
                data.extend_from_slice(&(0xc000 | prev).to_be_bytes());
                prev = at;
            }
            record(&mut m, &TO_QUESTION, 16, &data);
            record(
                &mut m,
                &(0xc000 | prev).to_be_bytes(),
                TYPE_A,
                &ADDR.octets(),
            );
            assert_eq!(parse(&m, "a.test"), outcome, "{labels} labels");
        }
    }

    #[test]
    fn every_truncation_and_a_lying_count_are_refused_without_panic() {
        let mut m = reply("broker.rawnet.test", 0, 2);
        record(&mut m, &TO_QUESTION, TYPE_CNAME, &qname("b.test"));
        let b_at = (m.len() - 8) as u8;
        record(&mut m, &[0xc0, b_at], TYPE_A, &ADDR.octets());
        assert_eq!(parse(&m, "broker.rawnet.test"), Ok(Reply::Address(ADDR)));
        for n in 0..m.len() {
            assert_eq!(
                parse(&m[..n], "broker.rawnet.test"),
                Err(Malformed),
                "prefix {n}"
            );
        }
        let mut lying = m.clone();
        lying[6..8].copy_from_slice(&[0xff, 0xff]);
        assert_eq!(
            parse(&lying, "broker.rawnet.test"),
            Ok(Reply::Address(ADDR))
        );
        let mut lying = reply("a.test", 0, 0xffff);
        record(&mut lying, &qname("b.test"), 28, &[0; 16]);
        assert_eq!(parse(&lying, "a.test"), Err(Malformed));
    }

    #[test]
    fn random_and_mutated_replies_never_panic() {
        let mut m = reply("broker.rawnet.test", 0, 2);
        record(&mut m, &TO_QUESTION, TYPE_CNAME, &qname("b.test"));
        let b_at = (m.len() - 8) as u8;
        record(&mut m, &[0xc0, b_at], TYPE_A, &ADDR.octets());
        let q = qname("broker.rawnet.test");
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut rand = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let mut t = m.clone();
            for _ in 0..1 + rand() % 4 {
                let at = rand() as usize % t.len();
                t[at] = rand() as u8;
            }
            let _ = parse_reply(&t, ID, &q);
            let len = rand() as usize % 80;
            let junk: Vec<u8> = (0..len).map(|_| rand() as u8).collect();
            let _ = parse_reply(
                &junk,
                u16::from_be_bytes([
                    junk.first().copied().unwrap_or(0),
                    junk.get(1).copied().unwrap_or(0),
                ]),
                &q,
            );
        }
    }
}
