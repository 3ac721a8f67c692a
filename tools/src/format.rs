//! How rawnet-sub prints a message: payload only, `-v` (topic, space, payload), or `-F`
//! (mosquitto's format strings), then a newline unless `-N`.
//!
//! The payload is streamed: what the format prints before it goes out when the message
//! starts, the payload as its pieces arrive, the rest after the last piece. So a format
//! may name the payload once (`%p`, `%x`, `%X` or `%j`); mosquitto's width and flag
//! modifiers, `%J` and strftime's `@` sequences are refused with a message.

use std::io::{self, Write};

use rawnet_mqtt::client::Message;
use rawnet_mqtt::wire::Property;

/// One part of a format.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Lit(Vec<u8>),
    Topic,
    Len,
    Qos,
    Retain,
    ContentType,
    CorrelationData,
    MessageExpiry,
    PayloadFormat,
    UserProperties,
    ResponseTopic,
    SubscriptionIds,
    Iso,
    Unix,
    /// The payload: raw, hex (upper case?), or JSON-escaped inside `%j`'s object.
    Payload(PayloadAs),
    /// `%j`: the object around the payload.
    JsonHead,
    JsonTail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PayloadAs {
    Raw,
    Hex { upper: bool },
    Json,
}

/// A parsed output format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Format {
    before: Vec<Piece>,
    payload: Option<PayloadAs>,
    after: Vec<Piece>,
}

impl Format {
    /// The default: the payload alone.
    pub fn payload_only() -> Self {
        Format {
            before: Vec::new(),
            payload: Some(PayloadAs::Raw),
            after: Vec::new(),
        }
    }

    /// `-v`: topic, a space, the payload.
    pub fn verbose() -> Self {
        Format {
            before: vec![Piece::Topic, Piece::Lit(b" ".to_vec())],
            payload: Some(PayloadAs::Raw),
            after: Vec::new(),
        }
    }

    /// Parse a `-F` format string.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut pieces = Vec::new();
        let mut lit = Vec::new();
        let flush = |lit: &mut Vec<u8>, pieces: &mut Vec<Piece>| {
            if !lit.is_empty() {
                pieces.push(Piece::Lit(std::mem::take(lit)));
            }
        };
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            match c {
                '%' => {
                    let Some(k) = chars.next() else {
                        return Err("Error: -F: the format ends with a lone %.".into());
                    };
                    let piece = match k {
                        '%' => {
                            lit.push(b'%');
                            continue;
                        }
                        't' => Piece::Topic,
                        'l' => Piece::Len,
                        'm' => return Err("Error: -F %m: rawnet's client does not hand incoming packet identifiers to the application.".into()),
                        'q' => Piece::Qos,
                        'r' => Piece::Retain,
                        'C' => Piece::ContentType,
                        'D' => Piece::CorrelationData,
                        'E' => Piece::MessageExpiry,
                        'F' => Piece::PayloadFormat,
                        'P' => Piece::UserProperties,
                        'R' => Piece::ResponseTopic,
                        'S' => Piece::SubscriptionIds,
                        'I' => Piece::Iso,
                        'U' => Piece::Unix,
                        'p' => Piece::Payload(PayloadAs::Raw),
                        'x' => Piece::Payload(PayloadAs::Hex { upper: false }),
                        'X' => Piece::Payload(PayloadAs::Hex { upper: true }),
                        'j' => {
                            flush(&mut lit, &mut pieces);
                            pieces.push(Piece::JsonHead);
                            pieces.push(Piece::Payload(PayloadAs::Json));
                            pieces.push(Piece::JsonTail);
                            continue;
                        }
                        'A' => return Err("Error: -F %A: rawnet's client resolves topic aliases, the message has none left.".into()),
                        'J' => return Err("Error: -F %J is not supported (rawnet streams the payload and cannot check it is JSON first); %j is.".into()),
                        '0'..='9' | '-' | '.' => {
                            return Err("Error: -F: width and flag modifiers are not supported by rawnet-sub.".into())
                        }
                        other => return Err(format!("Error: -F: unknown sequence %{other}.")),
                    };
                    flush(&mut lit, &mut pieces);
                    pieces.push(piece);
                }
                '@' => match chars.next() {
                    Some('@') => lit.push(b'@'),
                    _ => {
                        return Err("Error: -F: strftime sequences (@) are not supported by rawnet-sub; %I and %U are.".into())
                    }
                },
                '\\' => match chars.next() {
                    Some('\\') => lit.push(b'\\'),
                    Some('0') => lit.push(0),
                    Some('a') => lit.push(7),
                    Some('e') => lit.push(27),
                    Some('n') => lit.push(b'\n'),
                    Some('r') => lit.push(b'\r'),
                    Some('t') => lit.push(b'\t'),
                    Some('v') => lit.push(11),
                    other => return Err(format!("Error: -F: unknown escape \\{}.", other.unwrap_or(' '))),
                },
                c => {
                    let mut b = [0u8; 4];
                    lit.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
                }
            }
        }
        flush(&mut lit, &mut pieces);
        let at: Vec<usize> = pieces
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p, Piece::Payload(_)))
            .map(|(i, _)| i)
            .collect();
        match at[..] {
            [] => Ok(Format {
                before: pieces,
                payload: None,
                after: Vec::new(),
            }),
            [i] => {
                let after = pieces.split_off(i + 1);
                let how = match pieces.pop() {
                    Some(Piece::Payload(how)) => how,
                    _ => PayloadAs::Raw,
                };
                Ok(Format {
                    before: pieces,
                    payload: Some(how),
                    after,
                })
            }
            _ => Err(
                "Error: -F: the payload may appear once in the format (rawnet-sub streams it)."
                    .into(),
            ),
        }
    }

    /// What goes out when a message starts; returns what goes out after its payload,
    /// rendered now (it may name the message's properties, which are not kept).
    pub fn start(&self, out: &mut impl Write, m: &Message<'_>) -> io::Result<Vec<u8>> {
        self.pieces(out, &self.before, m)?;
        let mut tail = Vec::new();
        self.pieces(&mut tail, &self.after, m)?;
        Ok(tail)
    }

    /// A piece of the payload.
    pub fn data(&self, out: &mut impl Write, data: &[u8]) -> io::Result<()> {
        match self.payload {
            None => Ok(()),
            Some(PayloadAs::Raw) => out.write_all(data),
            Some(PayloadAs::Hex { upper }) => {
                let digits: &[u8; 16] = if upper {
                    b"0123456789ABCDEF"
                } else {
                    b"0123456789abcdef"
                };
                let mut buf = Vec::with_capacity(data.len() * 2);
                for b in data {
                    buf.push(digits[usize::from(b >> 4)]);
                    buf.push(digits[usize::from(b & 15)]);
                }
                out.write_all(&buf)
            }
            Some(PayloadAs::Json) => json_escape(out, data),
        }
    }

    /// What goes out after the last piece: `tail` from [`Format::start`], then the newline
    /// unless `no_eol`.
    pub fn end(&self, out: &mut impl Write, tail: &[u8], no_eol: bool) -> io::Result<()> {
        out.write_all(tail)?;
        if !no_eol {
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn pieces(&self, out: &mut impl Write, pieces: &[Piece], m: &Message<'_>) -> io::Result<()> {
        let props = || m.properties.iter();
        for p in pieces {
            match p {
                Piece::Lit(b) => out.write_all(b)?,
                Piece::Topic => out.write_all(m.topic.as_bytes())?,
                Piece::Len => write!(out, "{}", m.len)?,
                Piece::Qos => write!(out, "{}", m.qos.bits())?,
                Piece::Retain => write!(out, "{}", u8::from(m.retain))?,
                Piece::ContentType => {
                    for p in props() {
                        if let Property::ContentType(v) = p {
                            out.write_all(v.as_bytes())?;
                        }
                    }
                }
                Piece::CorrelationData => {
                    for p in props() {
                        if let Property::CorrelationData(v) = p {
                            out.write_all(v)?;
                        }
                    }
                }
                Piece::MessageExpiry => {
                    for p in props() {
                        if let Property::MessageExpiryInterval(v) = p {
                            write!(out, "{v}")?;
                        }
                    }
                }
                Piece::PayloadFormat => {
                    for p in props() {
                        if let Property::PayloadFormatIndicator(v) = p {
                            write!(out, "{}", u8::from(v))?;
                        }
                    }
                }
                Piece::UserProperties => {
                    let mut first = true;
                    for p in props() {
                        if let Property::UserProperty(k, v) = p {
                            if !first {
                                out.write_all(b" ")?;
                            }
                            first = false;
                            write!(out, "{k}:{v}")?;
                        }
                    }
                }
                Piece::ResponseTopic => {
                    for p in props() {
                        if let Property::ResponseTopic(v) = p {
                            out.write_all(v.as_bytes())?;
                        }
                    }
                }
                Piece::SubscriptionIds => {
                    let ids: Vec<String> = m
                        .subscription_identifiers()
                        .map(|i| i.to_string())
                        .collect();
                    out.write_all(ids.join(",").as_bytes())?;
                }
                Piece::Iso => out.write_all(iso8601(now()).as_bytes())?,
                Piece::Unix => {
                    let t = now();
                    write!(out, "{}.{:09}", t.as_secs(), t.subsec_nanos())?
                }
                Piece::JsonHead => {
                    write!(out, "{{\"tst\":\"{}\",\"topic\":\"", iso8601(now()))?;
                    json_escape(out, m.topic.as_bytes())?;
                    write!(
                        out,
                        "\",\"qos\":{},\"retain\":{},\"payload\":\"",
                        m.qos.bits(),
                        u8::from(m.retain)
                    )?;
                }
                Piece::JsonTail => out.write_all(b"\"}")?,
                Piece::Payload(_) => {}
            }
        }
        Ok(())
    }
}

fn now() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

/// `2016-08-10T09:47:38+0000` (UTC: rawnet-sub reads no time zone database).
fn iso8601(t: std::time::Duration) -> String {
    let secs = t.as_secs();
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+0000",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Bytes inside a JSON string: quote, backslash and control characters escaped, the rest
/// as they are.
fn json_escape(out: &mut impl Write, data: &[u8]) -> io::Result<()> {
    let mut buf = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            0..=0x1f => buf.extend_from_slice(format!("\\u{b:04x}").as_bytes()),
            _ => buf.push(b),
        }
    }
    out.write_all(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_splits_the_format() {
        let f = Format::parse("%t: %x (%l)").unwrap();
        assert_eq!(f.before, [Piece::Topic, Piece::Lit(b": ".to_vec())]);
        assert_eq!(f.payload, Some(PayloadAs::Hex { upper: false }));
        assert_eq!(
            f.after,
            [
                Piece::Lit(b" (".to_vec()),
                Piece::Len,
                Piece::Lit(b")".to_vec())
            ]
        );
    }

    #[test]
    fn refused_formats_say_why() {
        for f in ["%p%p", "%10t", "@H", "%J", "%", "\\q", "%w"] {
            assert!(Format::parse(f).is_err(), "{f}");
        }
        assert!(Format::parse("100%% @@ \\t%q").is_ok());
    }

    #[test]
    fn iso8601_of_known_instants() {
        assert_eq!(
            iso8601(std::time::Duration::from_secs(0)),
            "1970-01-01T00:00:00+0000"
        );
        assert_eq!(
            iso8601(std::time::Duration::from_secs(1_470_818_858)),
            "2016-08-10T08:47:38+0000"
        );
        assert_eq!(
            iso8601(std::time::Duration::from_secs(951_782_400)),
            "2000-02-29T00:00:00+0000"
        );
    }

    #[test]
    fn json_escapes_what_json_needs() {
        let mut out = Vec::new();
        json_escape(&mut out, b"a\"b\\c\nd\x01").unwrap();
        assert_eq!(out, b"a\\\"b\\\\c\\nd\\u0001");
    }
}
