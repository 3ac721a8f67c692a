//! A reproducible byte stream, so both ends of a transfer can check every byte.

/// The `i`-th byte of stream `seed` (a cheap mix; different seeds give different streams).
pub fn byte(seed: u64, i: u64) -> u8 {
    let mut x = i.wrapping_add(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 32;
    x as u8
}

/// Fill `buf` with the stream `seed` from offset `at`.
pub fn fill(seed: u64, at: u64, buf: &mut [u8]) {
    for (k, b) in buf.iter_mut().enumerate() {
        *b = byte(seed, at + k as u64);
    }
}

/// Whether `buf` is the stream `seed` from offset `at`; the offset of the first wrong byte
/// otherwise.
pub fn check(seed: u64, at: u64, buf: &[u8]) -> Result<(), u64> {
    match buf
        .iter()
        .enumerate()
        .find(|(k, b)| **b != byte(seed, at + *k as u64))
    {
        None => Ok(()),
        Some((k, _)) => Err(at + k as u64),
    }
}
