//! A small DER reader: just what X.509 path validation needs.
//!
//! Only definite lengths in their minimal encoding and single-byte tags are accepted (DER
//! requires both for everything X.509 uses). Every method is bounds-checked and returns
//! [`DerError`] instead of panicking, whatever the input.

/// The input is not the DER this reader expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DerError;

/// Universal and context tags used by X.509 (the full identifier octet).
pub mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const OID: u8 = 0x06;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
    /// `[n]` constructed (EXPLICIT) context tag.
    pub const fn context_constructed(n: u8) -> u8 {
        0xa0 | n
    }
    /// `[n]` primitive (IMPLICIT of a primitive type) context tag.
    pub const fn context_primitive(n: u8) -> u8 {
        0x80 | n
    }
}

/// A cursor over DER bytes.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Read from `data`.
    pub const fn new(data: &'a [u8]) -> Self {
        Reader { data }
    }

    /// Whether all input has been read.
    pub const fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The tag of the next element, if any.
    pub fn peek_tag(&self) -> Option<u8> {
        self.data.first().copied()
    }

    /// Read one element: its tag, its value and the whole encoding (tag, length and value).
    pub fn read_any(&mut self) -> Result<(u8, &'a [u8], &'a [u8]), DerError> {
        let data = self.data;
        let (&tag, rest) = data.split_first().ok_or(DerError)?;
        if tag & 0x1f == 0x1f {
            return Err(DerError); // high tag numbers are not used by X.509
        }
        let (&first, mut rest) = rest.split_first().ok_or(DerError)?;
        let len = if first < 0x80 {
            usize::from(first)
        } else {
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 3 || rest.len() < n {
                return Err(DerError); // indefinite, too long for a certificate, or truncated
            }
            let mut len = 0usize;
            for &b in &rest[..n] {
                len = (len << 8) | usize::from(b);
            }
            // Minimal encoding: no leading zero byte, and the long form only from 128 on.
            if rest[0] == 0 || len < 0x80 {
                return Err(DerError);
            }
            rest = &rest[n..];
            len
        };
        if rest.len() < len {
            return Err(DerError);
        }
        let header = data.len() - rest.len();
        let (value, after) = rest.split_at(len);
        self.data = after;
        Ok((tag, value, &data[..header + len]))
    }

    /// Read an element that must carry `expected` as tag; return its value.
    pub fn read(&mut self, expected: u8) -> Result<&'a [u8], DerError> {
        let (tag, value, _) = self.read_any()?;
        if tag == expected {
            Ok(value)
        } else {
            Err(DerError)
        }
    }

    /// Read an element that must carry `expected` as tag; return its whole encoding.
    pub fn read_raw(&mut self, expected: u8) -> Result<&'a [u8], DerError> {
        let (tag, _, raw) = self.read_any()?;
        if tag == expected {
            Ok(raw)
        } else {
            Err(DerError)
        }
    }

    /// Read the element if the next tag is `expected`.
    pub fn read_optional(&mut self, expected: u8) -> Result<Option<&'a [u8]>, DerError> {
        if self.peek_tag() == Some(expected) {
            self.read(expected).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Read a SEQUENCE and return a reader over its contents.
    pub fn sequence(&mut self) -> Result<Reader<'a>, DerError> {
        self.read(tag::SEQUENCE).map(Reader::new)
    }

    /// Read a DER BOOLEAN (0x00 or 0xff only).
    pub fn boolean(&mut self) -> Result<bool, DerError> {
        match self.read(tag::BOOLEAN)? {
            [0x00] => Ok(false),
            [0xff] => Ok(true),
            _ => Err(DerError),
        }
    }

    /// Read a non-negative INTEGER that fits in a `u32`.
    pub fn small_unsigned(&mut self) -> Result<u32, DerError> {
        let v = self.read(tag::INTEGER)?;
        match v {
            [] => Err(DerError),
            [b, ..] if b & 0x80 != 0 => Err(DerError), // negative
            [0, b, ..] if b & 0x80 == 0 => Err(DerError), // not minimal
            _ => {
                let digits = if v[0] == 0 { &v[1..] } else { v };
                if digits.len() > 4 {
                    return Err(DerError);
                }
                Ok(digits
                    .iter()
                    .fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
            }
        }
    }

    /// Read a BIT STRING with no unused bits (signatures, keys) and return its bytes.
    pub fn bit_string_octets(&mut self) -> Result<&'a [u8], DerError> {
        match self.read(tag::BIT_STRING)? {
            [0, rest @ ..] => Ok(rest),
            _ => Err(DerError),
        }
    }

    /// Expect the end of input.
    pub fn finish(&self) -> Result<(), DerError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(DerError)
        }
    }
}

/// Seconds since 1970-01-01T00:00:00Z of an X.509 UTCTime or GeneralizedTime value
/// (RFC 5280 §4.1.2.5: always `Z`, always with seconds, no fractions).
pub fn parse_time(tag: u8, value: &[u8]) -> Result<u64, DerError> {
    // Both forms are two-digit fields then 'Z': UTCTime YYMMDDhhmmssZ (6 fields),
    // GeneralizedTime YYYYMMDDhhmmssZ (7; the century is a field of its own).
    let fields = match (tag, value.len()) {
        (tag::UTC_TIME, 13) => 6,
        (tag::GENERALIZED_TIME, 15) => 7,
        _ => return Err(DerError),
    };
    let mut f = [0u32; 7];
    for (k, out) in f[..fields].iter_mut().enumerate() {
        let (a, b) = (
            value[2 * k].wrapping_sub(b'0'),
            value[2 * k + 1].wrapping_sub(b'0'),
        );
        if a > 9 || b > 9 {
            return Err(DerError);
        }
        *out = u32::from(a) * 10 + u32::from(b);
    }
    if value[2 * fields] != b'Z' {
        return Err(DerError);
    }
    let (year, [month, day, hour, minute, second]) = if fields == 6 {
        let yy = f[0];
        (
            if yy >= 50 { 1900 + yy } else { 2000 + yy },
            [f[1], f[2], f[3], f[4], f[5]],
        )
    } else {
        (f[0] * 100 + f[1], [f[2], f[3], f[4], f[5], f[6]])
    };
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return Err(DerError);
    }
    let days = days_from_civil(year, month, day);
    Ok(days * 86_400 + u64::from(hour * 3600 + minute * 60 + second))
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date (Howard Hinnant's `days_from_civil`); dates before
/// 1970 saturate to day 0: such a certificate is long expired anyway.
fn days_from_civil(year: u32, month: u32, day: u32) -> u64 {
    // Days since 1970-01-01 of a proleptic Gregorian date (the era/year-of-era method, with
    // years counted from March). Years are 0..=9999 here; shifting them by one 400-year era
    // keeps everything unsigned and in 32 bits, so no 64-bit division is linked in.
    let y = year + 400 - u32::from(month <= 2);
    let era = y / 400;
    let yoe = y % 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // Dates before 1970 saturate to 0, as the verifier never needs them.
    u64::from(era * 146_097 + doe).saturating_sub(146_097 + 719_468)
}

#[cfg(test)]
#[path = "der_tests.rs"]
mod tests;
