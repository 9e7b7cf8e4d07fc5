//! CPython 3.11's `hash()` for the kinds of value a compiler constant can be, as
//! plain functions of the value (64-bit build, `PYTHONHASHSEED=0`).
//!
//! Mirrors `Python/pyhash.c` (`_Py_HashDouble`, `_Py_HashBytes` with SipHash-1-3),
//! `Objects/longobject.c` (`long_hash`), `complexobject.c` (`complex_hash`),
//! `tupleobject.c` (3.11's xxHash-based `tuplehash`) and `setobject.c`
//! (`frozenset_hash`). Every function returns what `hash(x)` prints in
//! `PYTHONHASHSEED=0 python3`, except for the values CPython 3.11 hashes by address
//! (see [`NONE_HASH`], [`ELLIPSIS_HASH`], [`NAN_HASH`]).
//!
//! The str/bytes key: with `PYTHONHASHSEED=0` CPython's `_Py_HashRandomization_Init`
//! zeroes the whole hash secret, so SipHash's `k0` and `k1` are both 0. 3.11 has no
//! small-string special case (`Py_HASH_CUTOFF` is 0): every non-empty str or bytes
//! goes through SipHash-1-3, the empty one hashes to 0.

use crate::bigint::BigInt;
use crate::text::Text;
use dashu_int::ops::UnsignedAbs;
use dashu_int::{Sign, UBig};
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

/// `_PyHASH_BITS`: numeric hashes are reduced modulo the Mersenne prime `2**61 - 1`.
pub const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS` (`sys.hash_info.modulus`): `2**61 - 1`.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `_PyHASH_INF` (`sys.hash_info.inf`): the hash of `float('inf')`.
pub const HASH_INF: i64 = 314159;
/// `_PyHASH_IMAG` (`sys.hash_info.imag`): the multiplier of a complex's imaginary
/// part's hash.
pub const HASH_IMAG: u64 = 1000003;

/// `hash(None)`. CPython 3.11 hashes `None` by address (`_Py_HashPointer`: the
/// address rotated right by 4 bits), so it changes from run to run under ASLR; only
/// the low 12 bits of the address (the offset in its page, fixed by the build) are
/// stable, and they decide the hash's low 8 bits: the home slot in any set table up
/// to 256 slots. This is the hash of the address `0x7f000000bbe0`: `python3` here
/// (3.11.7) has `None` at page offset `0xbe0`, so small frozensets that contain
/// `None` come out in the order CPython shows (except where CPython's own order
/// depends on the random bits, after a collision).
pub const NONE_HASH: i64 = 0x7f00_0000_bbe0 >> 4;
/// `hash(...)`: by address, like [`NONE_HASH`] (`Ellipsis` is at page offset
/// `0xe60` in the `python3` here).
pub const ELLIPSIS_HASH: i64 = 0x7f00_0000_de60 >> 4;
/// The hash Krait gives a NaN float. CPython 3.10+ hashes a NaN by the address of
/// the float object that holds it (`_Py_HashDouble(inst, v)`), which is arbitrary
/// (heap memory), so no constant can match it; Krait uses 0, what CPython up to 3.9
/// returned. NaNs never compare equal, so only the order of a set that holds one
/// can differ from CPython's, never its contents.
pub const NAN_HASH: i64 = 0;

/// CPython maps a computed hash of `-1` (its error marker) to `-2`.
fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `x * 2**e` modulo [`HASH_MODULUS`] for `x < HASH_MODULUS` and `e` in `0..61`: a
/// rotation of the 61-bit value, since `2**61` is 1 modulo the prime.
fn rotate61(x: u64, e: u32) -> u64 {
    if e == 0 {
        return x;
    }
    ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e))
}

/// `hash(b)` for a bool: `True` is 1, `False` is 0 (`bool` is an `int`).
pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// `hash(i)` for an int that fits 64 bits (`long_hash`): the value modulo
/// `2**61 - 1` with the sign of `i`, `-1` giving `-2`.
pub fn hash_i64(i: i64) -> i64 {
    let residue = (i.unsigned_abs() % HASH_MODULUS) as i64;
    fix_minus_one(if i < 0 { -residue } else { residue })
}

/// `hash(i)` for an int of any size (`long_hash`).
pub fn hash_int(i: &BigInt) -> i64 {
    if let Ok(small) = i64::try_from(i) {
        return hash_i64(small);
    }
    let magnitude: UBig = i.unsigned_abs();
    let residue = u64::try_from(magnitude % UBig::from(HASH_MODULUS)).unwrap_or(0) as i64;
    fix_minus_one(if i.sign() == Sign::Negative {
        -residue
    } else {
        residue
    })
}

/// The hash of a finite float's magnitude: the exact value `m * 2**e` modulo
/// `2**61 - 1` (what `_Py_HashDouble`'s 28-bits-at-a-time loop and final rotation
/// compute).
fn hash_finite_magnitude(v: f64) -> u64 {
    let bits = v.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent_bits - 1075)
    };
    // mantissa < 2**53 < the modulus, and 2**e is 2**(e mod 61) modulo it.
    rotate61(mantissa, exponent.rem_euclid(HASH_BITS as i32) as u32)
}

/// `hash(v)` for a float (`_Py_HashDouble`): equal to the hash of the int it equals
/// when integral, `±314159` for infinities, [`NAN_HASH`] for a NaN.
pub fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return NAN_HASH;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let x = hash_finite_magnitude(v.abs()) as i64;
    fix_minus_one(if v < 0.0 { -x } else { x })
}

/// `hash(complex(real, imag))` (`complex_hash`): `hash(real) + 1000003 *
/// hash(imag)` in wrapping 64-bit arithmetic, so a complex with a zero imaginary
/// part hashes like its real part.
pub fn hash_complex(real: f64, imag: f64) -> i64 {
    let h = (hash_float(real) as u64).wrapping_add(HASH_IMAG.wrapping_mul(hash_float(imag) as u64));
    fix_minus_one(h as i64)
}

/// `_Py_HashBytes`: SipHash-1-3 with the zero key over `data`, 0 for empty data,
/// `-1` giving `-2`. `hash(b)` for a bytes object `b`.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(0, 0);
    h.write(data);
    fix_minus_one(h.finish() as i64)
}

/// `hash(s)` for a str (`unicode_hash`): [`hash_bytes`] over CPython's canonical
/// (PEP 393) representation, 1, 2 or 4 little-endian bytes per code point, the
/// width chosen by the largest code point (`< 0x100`, `< 0x10000`, else 4).
pub fn hash_str(s: &Text) -> i64 {
    hash_generalized_utf8(s.as_bytes())
}

/// [`hash_str`] of text given as generalized UTF-8 (UTF-8 in which lone surrogates
/// are encoded like other 3-byte code points, as [`Text`] stores them). Malformed
/// bytes, which a `Text` never holds, are taken one byte per code point rather
/// than rejected.
pub fn hash_generalized_utf8(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    if bytes.is_ascii() {
        return hash_bytes(bytes);
    }
    let max = decode(bytes).max().unwrap_or(0);
    let width = if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    let mut h = SipHasher13::new_with_keys(0, 0);
    let mut buf = [0u8; 256];
    let mut n = 0;
    for cp in decode(bytes) {
        if n + width > buf.len() {
            h.write(&buf[..n]);
            n = 0;
        }
        if let Some(dst) = buf.get_mut(n..n + width) {
            dst.copy_from_slice(&cp.to_le_bytes()[..width]);
        }
        n += width;
    }
    h.write(&buf[..n]);
    fix_minus_one(h.finish() as i64)
}

/// The code points of generalized UTF-8, never panicking on malformed input.
fn decode(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let b0 = *bytes.get(i)? as u32;
        let (len, init) = match b0 {
            0x00..=0x7f => (1, b0),
            0xc0..=0xdf => (2, b0 & 0x1f),
            0xe0..=0xef => (3, b0 & 0x0f),
            0xf0..=0xf7 => (4, b0 & 0x07),
            _ => (1, b0),
        };
        let mut cp = init;
        for k in 1..len {
            match bytes.get(i + k) {
                Some(&b) if b & 0xc0 == 0x80 => cp = (cp << 6) | (b & 0x3f) as u32,
                _ => {
                    i += 1;
                    return Some(b0);
                }
            }
        }
        i += len;
        Some(cp)
    })
}

/// `hash(t)` for a tuple whose items hash to `items` (3.11's `tuplehash`, the
/// xxHash-64 round per item; `-1` gives `1546275796`).
pub fn hash_tuple(items: impl IntoIterator<Item = i64>) -> i64 {
    const XXPRIME_1: u64 = 11400714785074694791;
    const XXPRIME_2: u64 = 14029467366897019727;
    const XXPRIME_5: u64 = 2870177450012600261;
    let mut acc = XXPRIME_5;
    let mut len: u64 = 0;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
        len += 1;
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// `_shuffle_bits` of `frozenset_hash`.
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `hash(s)` for a frozenset whose (distinct) items hash to `items`
/// (`frozenset_hash`: independent of order and of the table's layout; `-1` gives
/// `590923713`).
pub fn hash_frozenset(items: impl IntoIterator<Item = i64>) -> i64 {
    let mut hash: u64 = 0;
    let mut len: u64 = 0;
    for h in items {
        hash ^= shuffle_bits(h as u64);
        len += 1;
    }
    hash ^= (len + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        return 590923713;
    }
    hash as i64
}

/// CPython's `all_name_chars` (`Objects/codeobject.c`): whether a str constant is
/// made only of ASCII letters, digits and `_` (the empty string included), the
/// strings code-object creation interns.
pub fn all_name_chars(s: &Text) -> bool {
    s.as_bytes()
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Text {
        Text::from(s)
    }

    #[test]
    fn ints_reduce_modulo_the_mersenne_prime() {
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(1), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hash_i64(HASH_MODULUS as i64), 0);
        assert_eq!(hash_i64(HASH_MODULUS as i64 + 5), 5);
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hash_i64(i64::MAX), 3);
        let big = BigInt::from(1u8) << 200;
        // 2**200 = 2**(200 mod 61) = 2**17 modulo 2**61 - 1.
        assert_eq!(hash_int(&big), 1 << 17);
        assert_eq!(hash_int(&-big), -(1 << 17));
        assert_eq!(hash_int(&-BigInt::from(HASH_MODULUS + 1)), -2);
    }

    #[test]
    fn floats_hash_like_equal_ints() {
        assert_eq!(hash_float(0.0), 0);
        assert_eq!(hash_float(-0.0), 0);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(
            hash_float(2f64.powi(80)),
            hash_int(&(BigInt::from(1u8) << 80))
        );
        assert_eq!(hash_float(0.5), 1 << 60);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(f64::INFINITY), 314159);
        assert_eq!(hash_float(f64::NEG_INFINITY), -314159);
        assert_eq!(hash_float(f64::NAN), NAN_HASH);
        assert_eq!(hash_float(5e-324), 1 << 24);
    }

    #[test]
    fn complex_and_bool() {
        assert_eq!(hash_complex(3.0, 0.0), 3);
        assert_eq!(hash_complex(0.0, 1.0), 1000003);
        assert_eq!(hash_complex(-1.0, 0.0), -2);
        assert_eq!(hash_bool(true), 1);
        assert_eq!(hash_bool(false), 0);
    }

    #[test]
    fn strings_use_their_pep393_width() {
        // Values printed by `PYTHONHASHSEED=0 python3 -c 'print(hash(...))'`.
        assert_eq!(hash_str(&text("")), 0);
        assert_eq!(hash_str(&text("a")), 4644417185603328019);
        assert_eq!(hash_str(&text("é")), 6047309291227476195);
        assert_eq!(hash_str(&text("\u{20ac}")), -5529981157763016009);
        assert_eq!(hash_str(&text("\u{1F600}")), -3536540696076613844);
        assert_eq!(hash_bytes(b"a"), 4644417185603328019);
        assert_eq!(hash_bytes(b""), 0);
    }

    #[test]
    fn long_strings_hash_across_buffer_chunks() {
        let s: String = "é\u{20ac}".repeat(300);
        let width2: Vec<u8> = s.chars().flat_map(|c| (c as u16).to_le_bytes()).collect();
        assert_eq!(hash_str(&text(&s)), hash_bytes(&width2));
    }

    #[test]
    fn tuples_and_frozensets() {
        assert_eq!(hash_tuple([]), 5740354900026072187);
        assert_eq!(hash_tuple([1, 2]), -3550055125485641917);
        assert_eq!(hash_frozenset([]), 133146708735736);
        assert_eq!(hash_frozenset([1, 2, 3]), -272375401224217160);
        assert_eq!(hash_frozenset([3, 1, 2]), hash_frozenset([1, 2, 3]));
    }

    #[test]
    fn name_chars() {
        assert!(all_name_chars(&text("__init__")));
        assert!(all_name_chars(&text("")));
        assert!(!all_name_chars(&text("a b")));
        assert!(!all_name_chars(&text("é")));
    }
}
