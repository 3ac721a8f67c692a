//! ECDSA verification on P-256 (FIPS 186-5 §6.4.2, SEC 1 §4.1.4) with rawnet's own arithmetic
//! modulo the group order n.
//!
//! Why not `p256::ecdsa::VerifyingKey`: its scalar arithmetic (a 64-bit-limb Barrett
//! multiplication, inversion, reduction: ~3.5 KB of flash on a Cortex-M4) is needed by nothing
//! else in a TLS client, while the point arithmetic is: embedded-tls's ECDH already uses
//! p256's `ProjectivePoint` scalar multiplication, addition and `to_affine`. So the point
//! side here is p256's (the very instantiations embedded-tls pulls in) and the scalar side is
//! a 32-bit Montgomery multiplication of ~200 bytes. Everything is public data (signature,
//! digest, key), so nothing needs to be constant-time.

use p256::elliptic_curve::point::AffineCoordinates;
use p256::elliptic_curve::PrimeField;
use p256::{AffinePoint, FieldBytes, ProjectivePoint, PublicKey, Scalar};

/// A 256-bit integer as eight little-endian 32-bit limbs.
type U256 = [u32; 8];

/// The order n of the P-256 group.
const N: U256 = [
    0xfc63_2551,
    0xf3b9_cac2,
    0xa717_9e84,
    0xbce6_faad,
    0xffff_ffff,
    0xffff_ffff,
    0x0000_0000,
    0xffff_ffff,
];
/// -n^-1 mod 2^32 (Montgomery reduction constant).
const N0_INV: u32 = 0xee00_bc4f;
/// R^2 mod n with R = 2^256 (into Montgomery form).
const R2: U256 = [
    0xbe79_eea2,
    0x8324_4c95,
    0x49bd_6fa6,
    0x4699_799c,
    0x2b6b_ec59,
    0x2845_b239,
    0xf3d9_5620,
    0x66e1_2d94,
];

/// Why a signature does not verify (the caller maps it to its error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Invalid {
    /// The public key is not a point on the curve.
    Key,
    /// The signature does not verify (including r or s out of [1, n-1]).
    Signature,
}

fn from_be(b: &[u8; 32]) -> U256 {
    let mut out = [0; 8];
    for (i, limb) in out.iter_mut().enumerate() {
        let at = 28 - 4 * i;
        *limb = u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    }
    out
}

fn to_be(a: &U256) -> [u8; 32] {
    let mut out = [0; 32];
    for (i, limb) in a.iter().enumerate() {
        let at = 28 - 4 * i;
        out[at..at + 4].copy_from_slice(&limb.to_be_bytes());
    }
    out
}

/// a < b
fn less(a: &U256, b: &U256) -> bool {
    for i in (0..8).rev() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
    }
    false
}

/// a -= b (mod 2^256)
fn sub_assign(a: &mut U256, b: &U256) {
    let mut borrow = 0u64;
    for (x, y) in a.iter_mut().zip(b) {
        let d = u64::from(*x)
            .wrapping_sub(u64::from(*y))
            .wrapping_sub(borrow);
        *x = d as u32;
        borrow = (d >> 63) & 1;
    }
}

/// a mod n for any a < 2^256 (< 2n, so one subtraction suffices).
fn reduce(mut a: U256) -> U256 {
    if !less(&a, &N) {
        sub_assign(&mut a, &N);
    }
    a
}

/// a * b * R^-1 mod n, for a, b < n (CIOS Montgomery multiplication).
fn mont_mul(a: &U256, b: &U256) -> U256 {
    let mut t = [0u32; 10];
    for &bi in b {
        let mut carry = 0u64;
        for j in 0..8 {
            let s = u64::from(t[j]) + u64::from(a[j]) * u64::from(bi) + carry;
            t[j] = s as u32;
            carry = s >> 32;
        }
        let s = u64::from(t[8]) + carry;
        t[8] = s as u32;
        t[9] = (s >> 32) as u32;
        let m = t[0].wrapping_mul(N0_INV);
        let mut carry = (u64::from(t[0]) + u64::from(m) * u64::from(N[0])) >> 32;
        for j in 1..8 {
            let s = u64::from(t[j]) + u64::from(m) * u64::from(N[j]) + carry;
            t[j - 1] = s as u32;
            carry = s >> 32;
        }
        let s = u64::from(t[8]) + carry;
        t[7] = s as u32;
        t[8] = t[9] + (s >> 32) as u32;
    }
    let mut r = [0; 8];
    r.copy_from_slice(&t[..8]);
    // t < 2n here: one conditional subtraction.
    if t[8] != 0 || !less(&r, &N) {
        sub_assign(&mut r, &N);
    }
    r
}

/// a += b (mod 2^256), returning the carry out.
fn add_assign(a: &mut U256, b: &U256) -> u32 {
    let mut carry = 0u64;
    for (x, y) in a.iter_mut().zip(b) {
        let s = u64::from(*x) + u64::from(*y) + carry;
        *x = s as u32;
        carry = s >> 32;
    }
    carry as u32
}

/// a = (a + top * 2^256) / 2, for an even a (with `top` the bit above it).
fn shr1(a: &mut U256, top: u32) {
    for i in 0..7 {
        a[i] = (a[i] >> 1) | (a[i + 1] << 31);
    }
    a[7] = (a[7] >> 1) | (top << 31);
}

/// x / 2 mod n, for x < n.
fn halve_mod(x: &mut U256) {
    let top = if x[0] & 1 == 1 { add_assign(x, &N) } else { 0 };
    shr1(x, top);
}

/// a - b mod n, for a, b < n.
fn sub_mod(a: &mut U256, b: &U256) {
    let wrap = less(a, b);
    sub_assign(a, b);
    if wrap {
        add_assign(a, &N);
    }
}

/// a^-1 mod n for a in [1, n-1] (plain form), by the binary extended Euclidean algorithm.
///
/// Variable-time, which is fine here (s is public) and about 6x fewer instructions than
/// Fermat's a^(n-2) with `mont_mul`. The loop ends: u and v keep gcd(u, v) = gcd(a, n) = 1
/// (n is prime), so inside the loop u != v (that would make both 1), every subtraction
/// leaves a non-zero even number, and each step shrinks u + v.
fn invert(a: &U256) -> U256 {
    const ONE: U256 = [1, 0, 0, 0, 0, 0, 0, 0];
    // Invariants: x1 * a = u and x2 * a = v (mod n).
    let (mut u, mut v) = (*a, N);
    let (mut x1, mut x2) = (ONE, [0; 8]);
    while u != ONE && v != ONE {
        while u[0] & 1 == 0 {
            shr1(&mut u, 0);
            halve_mod(&mut x1);
        }
        while v[0] & 1 == 0 {
            shr1(&mut v, 0);
            halve_mod(&mut x2);
        }
        if less(&u, &v) {
            sub_assign(&mut v, &u);
            sub_mod(&mut x2, &x1);
        } else {
            sub_assign(&mut u, &v);
            sub_mod(&mut x1, &x2);
        }
    }
    if u == ONE {
        x1
    } else {
        x2
    }
}

/// Verify an ECDSA signature (r, s as 32-byte big-endian integers) over `prehash` (a SHA-256
/// or longer digest: its leftmost 256 bits are used, as FIPS 186-5 §6.4.2 says) with the
/// SEC1-encoded P-256 public key `point`.
pub(crate) fn verify(
    point: &[u8],
    prehash: &[u8],
    r: &[u8; 32],
    s: &[u8; 32],
) -> Result<(), Invalid> {
    let q = PublicKey::from_sec1_bytes(point).map_err(|_| Invalid::Key)?;
    let z: &[u8; 32] = prehash
        .get(..32)
        .and_then(|z| z.try_into().ok())
        .ok_or(Invalid::Signature)?;
    let (r_int, s_int) = (from_be(r), from_be(s));
    let zero = [0; 8];
    if r_int == zero || s_int == zero || !less(&r_int, &N) || !less(&s_int, &N) {
        return Err(Invalid::Signature);
    }
    let z = reduce(from_be(z));
    // w = s^-1, into Montgomery form; u1 = z w, u2 = r w (plain form: R^-1 cancels R).
    let w = mont_mul(&invert(&s_int), &R2);
    let u1 = mont_mul(&z, &w);
    let u2 = mont_mul(&r_int, &w);
    let scalar = |u: &U256| {
        Option::<Scalar>::from(Scalar::from_repr(FieldBytes::from(to_be(u))))
            .ok_or(Invalid::Signature)
    };
    let (u1, u2) = (scalar(&u1)?, scalar(&u2)?);
    let p = ProjectivePoint::GENERATOR * u1 + ProjectivePoint::from(*q.as_affine()) * u2;
    // The point at infinity has x = 0 here, and r is in [1, n-1]: it never matches.
    let x: [u8; 32] = AffinePoint::x(&p.to_affine()).into();
    if reduce(from_be(&x)) == r_int {
        Ok(())
    } else {
        Err(Invalid::Signature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::signature::hazmat::{PrehashSigner, PrehashVerifier};
    use p256::ecdsa::{Signature, SigningKey, VerifyingKey};
    use rand_core::OsRng;

    /// (a + b) mod n, for the reference computations below.
    fn add_mod(a: &U256, b: &U256) -> U256 {
        let mut out = [0; 8];
        let mut carry = 0u64;
        for i in 0..8 {
            let s = u64::from(a[i]) + u64::from(b[i]) + carry;
            out[i] = s as u32;
            carry = s >> 32;
        }
        if carry != 0 || !less(&out, &N) {
            sub_assign(&mut out, &N);
        }
        out
    }

    #[test]
    fn constants() {
        assert_eq!(N0_INV.wrapping_mul(N[0]), u32::MAX); // n0 * (-n0^-1) = -1
                                                         // R^2 mod n = 2^512 mod n by doubling 1 mod n 512 times.
        let mut x = [1, 0, 0, 0, 0, 0, 0, 0];
        for _ in 0..512 {
            x = add_mod(&x, &x);
        }
        assert_eq!(x, R2);
        let n_be = to_be(&N);
        assert_eq!(from_be(&n_be), N);
        assert_eq!(n_be[0], 0xff);
        assert_eq!(n_be[31], 0x51);
    }

    #[test]
    fn arithmetic_matches_p256_scalars() {
        let mut seed = [7u8; 32];
        for round in 0..200u32 {
            seed[..4].copy_from_slice(&round.to_le_bytes());
            let a = reduce(from_be(&seed));
            let mut other = seed;
            other.reverse();
            let b = reduce(from_be(&other));
            let to_scalar = |x: &U256| Scalar::from_repr(FieldBytes::from(to_be(x))).unwrap();
            // a * b mod n
            let am = mont_mul(&a, &R2);
            let prod = mont_mul(&am, &b);
            let expect = to_scalar(&a) * to_scalar(&b);
            assert_eq!(FieldBytes::from(to_be(&prod)), expect.to_repr());
            // a^-1
            if a != [0; 8] {
                let expect = to_scalar(&a).invert().unwrap();
                assert_eq!(FieldBytes::from(to_be(&invert(&a))), expect.to_repr());
            }
            seed = FieldBytes::from(to_be(&prod)).into();
        }
    }

    #[test]
    fn inverts_the_edges() {
        let one = [1, 0, 0, 0, 0, 0, 0, 0];
        let mut n_minus = N;
        n_minus[0] -= 1;
        let mut top = [0; 8];
        top[7] = 0x8000_0000; // 2^255 < n
        for a in [
            one,
            [2, 0, 0, 0, 0, 0, 0, 0],
            [3, 0, 0, 0, 0, 0, 0, 0],
            n_minus,
            top,
            R2,
        ] {
            let inv = invert(&a);
            assert!(less(&inv, &N));
            // a * a^-1 = 1: (a R) * inv * R^-1 = a inv.
            assert_eq!(mont_mul(&mont_mul(&a, &R2), &inv), one, "{a:x?}");
        }
        assert_eq!(invert(&n_minus), n_minus); // (-1)^-1 = -1
    }

    #[test]
    fn agrees_with_p256_verifier() {
        for i in 0..40u8 {
            let key = SigningKey::random(&mut OsRng);
            let vk = VerifyingKey::from(&key);
            let point = vk.to_encoded_point(false);
            let digest = [i; 32];
            let sig: Signature = key.sign_prehash(&digest).unwrap();
            let (r, s) = sig.split_bytes();
            let (r, s): ([u8; 32], [u8; 32]) = (r.into(), s.into());
            assert_eq!(verify(point.as_bytes(), &digest, &r, &s), Ok(()));
            // Compressed keys too.
            let compressed = vk.to_encoded_point(true);
            assert_eq!(verify(compressed.as_bytes(), &digest, &r, &s), Ok(()));
            // The high-s twin (n - s) verifies too (ECDSA verification does not normalise).
            let mut high = N;
            sub_assign(&mut high, &from_be(&s));
            assert_eq!(verify(point.as_bytes(), &digest, &r, &to_be(&high)), Ok(()));
            // Longer digests: the leftmost 256 bits count.
            let mut long = [0xa5u8; 48];
            long[..32].copy_from_slice(&digest);
            assert_eq!(verify(point.as_bytes(), &long, &r, &s), Ok(()));
            // Any change is refused, as p256 refuses it.
            for (bad_digest, bad_r, bad_s) in [
                ([i ^ 1; 32], r, s),
                (
                    digest,
                    {
                        let mut x = r;
                        x[31] ^= 1;
                        x
                    },
                    s,
                ),
                (digest, r, {
                    let mut x = s;
                    x[0] ^= 0x40;
                    x
                }),
            ] {
                let ours = verify(point.as_bytes(), &bad_digest, &bad_r, &bad_s);
                let theirs = Signature::from_scalars(bad_r, bad_s)
                    .map_err(|_| ())
                    .and_then(|sig| vk.verify_prehash(&bad_digest, &sig).map_err(|_| ()));
                assert_eq!(ours.is_ok(), theirs.is_ok());
                assert_eq!(ours, Err(Invalid::Signature));
            }
        }
    }

    #[test]
    fn refuses_out_of_range_scalars_and_bad_keys() {
        let key = SigningKey::random(&mut OsRng);
        let point = VerifyingKey::from(&key).to_encoded_point(false);
        let digest = [3u8; 32];
        let sig: Signature = key.sign_prehash(&digest).unwrap();
        let (r, s) = sig.split_bytes();
        let (r, s): ([u8; 32], [u8; 32]) = (r.into(), s.into());
        let n = to_be(&N);
        for (rr, ss) in [([0; 32], s), (r, [0; 32]), (n, s), (r, n), ([0xff; 32], s)] {
            assert_eq!(
                verify(point.as_bytes(), &digest, &rr, &ss),
                Err(Invalid::Signature)
            );
        }
        let mut off_curve = point.as_bytes().to_vec();
        off_curve[64] ^= 1;
        assert_eq!(verify(&off_curve, &digest, &r, &s), Err(Invalid::Key));
        assert_eq!(verify(&[], &digest, &r, &s), Err(Invalid::Key));
        assert_eq!(
            verify(point.as_bytes(), &digest[..31], &r, &s),
            Err(Invalid::Signature)
        );
    }
}
