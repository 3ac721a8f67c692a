//! The byte checks of strings (U+0000 anywhere, `+` and `#` in a topic name, wildcard
//! placement in a topic filter), a machine word at a time: SWAR, "SIMD within a register",
//! with `usize` words (8 bytes on a 64-bit host, 4 on a Cortex-M), in one pass over the
//! string and without `unsafe`.
//!
//! They serve the paths built for speed, which the client does not link:
//! [`Repr::parse_bytes`](super::Repr::parse_bytes) and
//! [`Repr::parse_body`](super::Repr::parse_body) (PUBLISH's topic, CONNECT's strings,
//! SUBSCRIBE's and UNSUBSCRIBE's filters). The client parses with
//! [`Repr::parse_body_client`](super::Repr::parse_body_client) and emits with the checks'
//! byte loops (`topic.rs`, `codec.rs`): smaller code, which is what its flash budget asks.
//!
//! The word tricks, for a word `w` of bytes:
//! - `w - 0x01…01 & !w & 0x80…80` is not zero exactly when some byte of `w` is zero (the
//!   borrow of a zero byte may also mark the byte above it, so it says whether, not where);
//! - `!((w & 0x7f…7f) + 0x7f…7f | w | 0x7f…7f)` has exactly the high bit of every zero byte
//!   (no carry crosses a byte: where, for the topic filter's wildcards);
//! - `(w | 0x08…08) ^ 0x2b…2b` turns every `+` (0x2b) and `#` (0x23, which differs from `+`
//!   only in bit 3) into a zero byte, and no other byte.

use super::Error;

const W: usize = core::mem::size_of::<usize>();
const LO: usize = usize::from_ne_bytes([0x01; W]);
const HI: usize = usize::from_ne_bytes([0x80; W]);
const LOW7: usize = usize::from_ne_bytes([0x7f; W]);

/// Not zero when some byte of `w` is zero (it says whether, once masked with `HI`; the
/// unmasked values of several words may be ORed together first).
#[inline(always)]
fn zero_any(w: usize) -> usize {
    w.wrapping_sub(LO) & !w
}

/// Exactly the high bit of every zero byte of `w`.
#[inline(always)]
fn zero_bytes(w: usize) -> usize {
    !((w & LOW7).wrapping_add(LOW7) | w | LOW7)
}

/// `w` with its `+` and `#` bytes, and only those, turned to zero.
#[inline(always)]
fn wildcards(w: usize) -> usize {
    (w | usize::from_ne_bytes([0x08; W])) ^ usize::from_ne_bytes([b'+'; W])
}

/// Checks a topic name's characters: U+0000 is [`Error::NullCharacter`], then `+` or `#`
/// [`Error::WildcardInTopicName`]. One pass that may report a byte that is none of them (it
/// tests the word ANDed with its wildcard transform for zero bytes, which also turns up the
/// bytes that share no bit with their transform, a space for one), then a precise byte loop
/// when it reports anything.
#[inline(always)]
pub(crate) fn check_topic_name_fast(bytes: &[u8]) -> Result<(), Error> {
    let mut maybe = 0;
    let mut chunks = bytes.chunks_exact(W);
    for chunk in &mut chunks {
        let w = usize::from_le_bytes(chunk.try_into().unwrap_or_default());
        maybe |= zero_any(w & wildcards(w));
    }
    if !chunks.remainder().is_empty() {
        match last_word(bytes) {
            Some(w) => maybe |= zero_any(w & wildcards(w)),
            None => return check_topic_name_precise(bytes),
        }
    }
    if maybe & HI == 0 {
        Ok(())
    } else {
        check_topic_name_precise(bytes)
    }
}

/// The last word of a string for the fast passes: its last `W` bytes (overlapping the word
/// before), or for a string of `W / 2` to `W` bytes its first and last `W / 2` bytes
/// (overlapping each other); `None` for a shorter one.
#[inline(always)]
fn last_word(bytes: &[u8]) -> Option<usize> {
    if let Some(last) = bytes.last_chunk::<W>() {
        return Some(usize::from_le_bytes(*last));
    }
    let (first, last) = (bytes.first_chunk::<H>()?, bytes.last_chunk::<H>()?);
    let mut word = [0u8; W];
    if let Some((low, high)) = word.split_first_chunk_mut::<H>() {
        *low = *first;
        for (to, from) in high.iter_mut().zip(last) {
            *to = *from;
        }
    }
    Some(usize::from_le_bytes(word))
}

/// Half a word.
const H: usize = W / 2;

/// [`has_null`] for the parser built for speed (inlined, one test a word).
#[inline(always)]
pub(crate) fn has_null_fast(bytes: &[u8]) -> bool {
    let mut any = 0;
    let mut chunks = bytes.chunks_exact(W);
    for chunk in &mut chunks {
        any |= zero_any(usize::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    if !chunks.remainder().is_empty() {
        match last_word(bytes) {
            Some(last) => any |= zero_any(last),
            None => return bytes.contains(&0),
        }
    }
    any & HI != 0
}

/// The precise answer of [`check_topic_name_fast`], byte by byte.
fn check_topic_name_precise(bytes: &[u8]) -> Result<(), Error> {
    if bytes.contains(&0) {
        Err(Error::NullCharacter)
    } else if bytes.iter().any(|&b| b == b'+' || b == b'#') {
        Err(Error::WildcardInTopicName)
    } else {
        Ok(())
    }
}

/// Checks a topic filter's characters in one pass (the whole words, then the last word's
/// worth of bytes, overlapping the word before; a string shorter than a word is one word
/// padded with `a`): U+0000 is [`Error::NullCharacter`]; a
/// `+` or `#` that is not a whole level, or a `#` that is not the last level, is
/// [`Error::InvalidTopicFilter`].
pub(crate) fn check_topic_filter_chars(bytes: &[u8]) -> Result<(), Error> {
    let mut null = 0;
    let mut misplaced = false;
    let len = bytes.len();
    let mut at = 0usize;
    while at < len {
        let word = match bytes.get(at..).and_then(<[u8]>::first_chunk::<W>) {
            Some(word) => *word,
            None => match bytes.last_chunk::<W>() {
                Some(last) => {
                    at = len.wrapping_sub(W);
                    *last
                }
                None => {
                    let mut word = [b'a'; W];
                    for (to, from) in word.iter_mut().zip(bytes) {
                        *to = *from;
                    }
                    word
                }
            },
        };
        let w = usize::from_le_bytes(word);
        null |= zero_any(w);
        // Where the wildcards are: each must be a whole level.
        let mut wild = zero_bytes(wildcards(w));
        while wild != 0 {
            let i = at.wrapping_add((wild.trailing_zeros() / 8) as usize);
            misplaced |= !whole_level(bytes, i);
            wild &= wild.wrapping_sub(1);
        }
        at = at.wrapping_add(W);
    }
    if null & HI != 0 {
        Err(Error::NullCharacter)
    } else if misplaced {
        Err(Error::InvalidTopicFilter)
    } else {
        Ok(())
    }
}

/// Whether the wildcard at `bytes[i]` is a whole level (after `/` or at the start, before
/// `/` or at the end) and, if it is `#`, the last one.
#[inline(always)]
fn whole_level(bytes: &[u8], i: usize) -> bool {
    let after_slash = match i.checked_sub(1) {
        Some(j) => bytes.get(j) == Some(&b'/'),
        None => true,
    };
    let next = bytes.get(i.wrapping_add(1));
    after_slash && (next.is_none() || (next == Some(&b'/') && bytes.get(i) == Some(&b'+')))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to 19 bytes over an alphabet of the bytes the checks look for and
    /// their neighbours in value, at every offset: the same answers as a byte loop.
    #[test]
    fn agrees_with_byte_loops() {
        // With the bytes that share no bit with their wildcard transform (space, `!`), which
        // the fast topic-name pass reports for the precise one to clear.
        let alphabet = [
            0u8, 1, b'#', b'+', b'/', b'a', b' ', b'!', 0x22, 0x2a, 0x2c, 0x80, 0xff, 0x03, 0x0b,
        ];
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let len = (rng % 20) as usize;
            let s: Vec<u8> = (0..len)
                .map(|k| alphabet[((rng >> (3 * k % 60)) as usize + k) % alphabet.len()])
                .collect();
            check(&s);
        }
        for len in 0..=24 {
            for pos in 0..len {
                for b in [0u8, b'+', b'#'] {
                    let mut s = vec![b'x'; len];
                    s[pos] = b;
                    check(&s);
                    if pos > 0 {
                        s[pos - 1] = b'/';
                    }
                    check(&s);
                    if pos + 1 < len {
                        s[pos + 1] = b'/';
                    }
                    check(&s);
                }
            }
        }
    }

    fn check(s: &[u8]) {
        let null = s.contains(&0);
        let wild = s.iter().any(|&b| b == b'+' || b == b'#');
        assert_eq!(has_null_fast(s), null, "{s:?}");
        let name = if null {
            Err(Error::NullCharacter)
        } else if wild {
            Err(Error::WildcardInTopicName)
        } else {
            Ok(())
        };
        assert_eq!(check_topic_name_fast(s), name, "{s:?}");
        let levels: Vec<&[u8]> = s.split(|&b| b == b'/').collect();
        let misplaced = levels.iter().enumerate().any(|(i, level)| {
            level.iter().any(|&b| b == b'+' || b == b'#')
                && !(*level == b"+" || (*level == b"#" && i + 1 == levels.len()))
        });
        let filter = if null {
            Err(Error::NullCharacter)
        } else if misplaced {
            Err(Error::InvalidTopicFilter)
        } else {
            Ok(())
        };
        assert_eq!(check_topic_filter_chars(s), filter, "{s:?}");
    }
}
