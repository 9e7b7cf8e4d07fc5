//! Operations on constants as `ast_opt.c` performs them: `PyNumber_*` with the
//! `safe_multiply`, `safe_power`, `safe_lshift` and `safe_mod` guards, unary
//! operators, `PyObject_GetItem` for subscripts, and the equality a frozenset
//! display uses to drop duplicates. Each returns `None` where CPython's call fails
//! (or is refused by a guard), which leaves the expression unfolded.

use super::number::{self, Num};
use common::bigint::BigInt;
use common::text::Text;
use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::Sign;
use syntax::ast::{Constant, Operator, UnaryOp};

/// `MAX_INT_SIZE`: the largest int (in bits) `*`, `**` and `<<` may produce.
pub const MAX_INT_SIZE: usize = 128;
/// `MAX_COLLECTION_SIZE`: the longest tuple `*` may produce.
pub const MAX_COLLECTION_SIZE: usize = 256;
/// `MAX_STR_SIZE`: the longest str or bytes `*` may produce.
pub const MAX_STR_SIZE: usize = 4096;
/// `MAX_TOTAL_ITEMS`: the most items, nested ones included, `*` may produce.
pub const MAX_TOTAL_ITEMS: isize = 1024;

/// The number a constant stands for in arithmetic (`bool` is an `int`).
fn as_num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Bool(b) => Some(Num::Int(BigInt::from(*b as u8))),
        Constant::Int(i) => Some(Num::Int(i.clone())),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

/// The integer value of an `int` or `bool` constant.
fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(*b as u8)),
        Constant::Int(i) => Some(i.clone()),
        _ => None,
    }
}

fn from_num(n: Num) -> Constant {
    match n {
        Num::Int(i) => Constant::Int(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(real, imag) => Constant::Complex { real, imag },
    }
}

/// `PyObject_IsTrue` of a constant.
pub fn is_true(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => !items.is_empty(),
    }
}

/// `fold_unaryop` on a constant operand: `~`, `not`, unary `+` and `-`.
pub fn unary(op: UnaryOp, c: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return Some(Constant::Bool(!is_true(c)));
    }
    let n = as_num(c)?;
    Some(from_num(match (op, n) {
        (UnaryOp::Invert, Num::Int(i)) => Num::Int(-i - BigInt::ONE),
        (UnaryOp::Invert, _) => return None,
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::USub, Num::Int(i)) => Num::Int(-i),
        (UnaryOp::USub, Num::Float(f)) => Num::Float(-f),
        (UnaryOp::USub, Num::Complex(r, i)) => Num::Complex(-r, -i),
        (UnaryOp::Not, _) => return None,
    }))
}

/// `fold_binop` on two constant operands.
pub fn binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    match op {
        Operator::MatMult => None,
        Operator::Mult => safe_multiply(l, r),
        Operator::Pow => safe_power(l, r),
        Operator::LShift => safe_lshift(l, r),
        Operator::Mod => match l {
            // `safe_mod`: %-formatting is never folded.
            Constant::Str(_) | Constant::Bytes(_) => None,
            _ => numeric(op, l, r),
        },
        Operator::Add => match (l, r) {
            (Constant::Str(a), Constant::Str(b)) => {
                let mut t = a.clone();
                t.push_text(b);
                Some(Constant::Str(t))
            }
            (Constant::Bytes(a), Constant::Bytes(b)) => {
                Some(Constant::Bytes([&a[..], &b[..]].concat()))
            }
            (Constant::Tuple(a), Constant::Tuple(b)) => {
                Some(Constant::Tuple(a.iter().chain(b.iter()).cloned().collect()))
            }
            _ => numeric(op, l, r),
        },
        Operator::BitAnd | Operator::BitOr | Operator::BitXor => match (l, r) {
            // `bool`'s own `&`, `|`, `^` keep the type.
            (Constant::Bool(a), Constant::Bool(b)) => Some(Constant::Bool(match op {
                Operator::BitAnd => a & b,
                Operator::BitOr => a | b,
                _ => a ^ b,
            })),
            _ => numeric(op, l, r),
        },
        _ => numeric(op, l, r),
    }
}

/// `_PyLong_NumBits`: bits in the magnitude.
fn num_bits(i: &BigInt) -> usize {
    i.unsigned_abs().bit_len()
}

/// `PyLong_AsLong`: `None` on overflow.
fn as_long(i: &BigInt) -> Option<i64> {
    i64::try_from(i).ok()
}

/// `PyLong_AsSize_t`: `None` for negative or too large values.
fn as_size_t(i: &BigInt) -> Option<u64> {
    u64::try_from(i).ok()
}

/// The number of items of a tuple or frozenset constant.
fn collection_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Tuple(items) | Constant::FrozenSet(items) => Some(items.len()),
        _ => None,
    }
}

/// `check_complexity`: `limit` minus the items in `c` and its nested collections,
/// stopping as soon as it goes negative.
fn check_complexity(c: &Constant, mut limit: isize) -> isize {
    if let Constant::Tuple(items) | Constant::FrozenSet(items) = c {
        limit -= items.len() as isize;
        for item in items {
            if limit < 0 {
                break;
            }
            limit = check_complexity(item, limit);
        }
    }
    limit
}

/// `safe_multiply`: refuses ints over [`MAX_INT_SIZE`] bits and repeated
/// sequences over [`MAX_COLLECTION_SIZE`], [`MAX_TOTAL_ITEMS`] or [`MAX_STR_SIZE`].
fn safe_multiply(v: &Constant, w: &Constant) -> Option<Constant> {
    match (as_int(v), as_int(w)) {
        (Some(a), Some(b)) => {
            if !a.is_zero() && !b.is_zero() && num_bits(&a) + num_bits(&b) > MAX_INT_SIZE {
                return None;
            }
        }
        (Some(n), None) => {
            if let Some(size) = collection_len(w) {
                if let Some(most) = MAX_COLLECTION_SIZE.checked_div(size) {
                    let n = as_long(&n)?;
                    if n < 0 || n > most as i64 {
                        return None;
                    }
                    if n != 0 && check_complexity(w, MAX_TOTAL_ITEMS / n as isize) < 0 {
                        return None;
                    }
                }
            } else if let Some(size) = text_len(w) {
                if let Some(most) = MAX_STR_SIZE.checked_div(size) {
                    let n = as_long(&n)?;
                    if n < 0 || n > most as i64 {
                        return None;
                    }
                }
            }
        }
        (None, Some(_)) => {
            if collection_len(v).is_some() || text_len(v).is_some() {
                return safe_multiply(w, v);
            }
        }
        (None, None) => {}
    }
    multiply(v, w)
}

/// The length of a str (code points) or bytes constant.
fn text_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.len_code_points()),
        Constant::Bytes(b) => Some(b.len()),
        _ => None,
    }
}

/// `PyNumber_Multiply`: numbers, or sequence repetition.
fn multiply(v: &Constant, w: &Constant) -> Option<Constant> {
    if let (Some(n), None) = (as_int(v), as_num(w)) {
        return repeat(w, &n);
    }
    if let (None, Some(n)) = (as_num(v), as_int(w)) {
        return repeat(v, &n);
    }
    numeric(Operator::Mult, v, w)
}

/// `seq * n` (`sq_repeat`): the count must fit a `Py_ssize_t`; negative repeats
/// give an empty sequence.
fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let n = i64::try_from(n).ok()?;
    let count = n.max(0) as usize;
    let len = match seq {
        Constant::Str(s) => s.as_bytes().len(),
        Constant::Bytes(b) => b.len(),
        Constant::Tuple(t) => t.len(),
        _ => return None,
    };
    // The guards above bound every non-empty repetition; refuse anything else big
    // rather than allocate it.
    if len != 0 && count > (MAX_STR_SIZE * 4) / len {
        return None;
    }
    if len == 0 {
        return Some(seq.clone());
    }
    Some(match seq {
        Constant::Str(s) => {
            let mut t = Text::with_capacity(len * count);
            for _ in 0..count {
                t.push_text(s);
            }
            Constant::Str(t)
        }
        Constant::Bytes(b) => Constant::Bytes(b.repeat(count)),
        Constant::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            Constant::Tuple(out)
        }
        _ => return None,
    })
}

/// `safe_power`: refuses int results over [`MAX_INT_SIZE`] bits.
fn safe_power(v: &Constant, w: &Constant) -> Option<Constant> {
    if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
        if !a.is_zero() && b.sign() == Sign::Positive && !b.is_zero() {
            let vbits = num_bits(&a);
            let wbits = as_size_t(&b)?;
            if vbits as u64 > MAX_INT_SIZE as u64 / wbits {
                return None;
            }
        }
    }
    numeric(Operator::Pow, v, w)
}

/// `safe_lshift`: refuses int results over [`MAX_INT_SIZE`] bits.
fn safe_lshift(v: &Constant, w: &Constant) -> Option<Constant> {
    if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
        if !a.is_zero() && !b.is_zero() {
            let vbits = num_bits(&a) as u64;
            let wbits = as_size_t(&b)?;
            if wbits > MAX_INT_SIZE as u64 || vbits > MAX_INT_SIZE as u64 - wbits {
                return None;
            }
        }
    }
    numeric(Operator::LShift, v, w)
}

/// A binary operator on two numbers, with Python's promotions
/// (int → float → complex).
fn numeric(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    let a = as_num(l)?;
    let b = as_num(r)?;
    let result = match (a, b) {
        (Num::Int(x), Num::Int(y)) => int_op(op, &x, &y)?,
        (Num::Complex(ar, ai), other) => complex_op(op, (ar, ai), to_complex(&other)?)?,
        (other, Num::Complex(br, bi)) => complex_op(op, to_complex(&other)?, (br, bi))?,
        (x, y) => float_op(op, to_float(&x)?, to_float(&y)?)?,
    };
    Some(from_num(result))
}

fn to_float(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => number::int_to_f64(i),
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

fn to_complex(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(r, i) => Some((*r, *i)),
        other => Some((to_float(other)?, 0.0)),
    }
}

/// `int` binary operators (`long_add` … `long_and`).
fn int_op(op: Operator, a: &BigInt, b: &BigInt) -> Option<Num> {
    Some(Num::Int(match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => return number::int_true_divide(a, b).map(Num::Float),
        Operator::FloorDiv => number::int_floor_divmod(a, b)?.0,
        Operator::Mod => number::int_floor_divmod(a, b)?.1,
        Operator::Pow => return int_pow(a, b),
        Operator::LShift => {
            if b.sign() == Sign::Negative && !b.is_zero() {
                return None;
            }
            if a.is_zero() {
                BigInt::ZERO
            } else {
                let n = usize::try_from(b).ok()?;
                if n > MAX_INT_SIZE {
                    return None;
                }
                a << n
            }
        }
        Operator::RShift => {
            if b.sign() == Sign::Negative && !b.is_zero() {
                return None;
            }
            match usize::try_from(b) {
                Ok(n) if n < a.unsigned_abs().bit_len() + 1 => a >> n,
                _ => {
                    if a.sign() == Sign::Negative && !a.is_zero() {
                        -BigInt::ONE
                    } else {
                        BigInt::ZERO
                    }
                }
            }
        }
        Operator::BitAnd => a & b,
        Operator::BitOr => a | b,
        Operator::BitXor => a ^ b,
        Operator::MatMult => return None,
    }))
}

/// `long_pow` without a modulus: a negative exponent goes through `float_pow`.
fn int_pow(a: &BigInt, b: &BigInt) -> Option<Num> {
    if b.sign() == Sign::Negative && !b.is_zero() {
        return number::float_pow(number::int_to_f64(a)?, number::int_to_f64(b)?);
    }
    if b.is_zero() {
        return Some(Num::Int(BigInt::ONE));
    }
    if a.is_zero() || a.is_one() {
        return Some(Num::Int(a.clone()));
    }
    if *a == -BigInt::ONE {
        return Some(Num::Int(if b.bit(0) { a.clone() } else { BigInt::ONE }));
    }
    // `safe_power` has bounded the result for the callers; stay bounded anyway.
    let n = usize::try_from(b).ok()?;
    if num_bits(a).saturating_mul(n) > 64 * MAX_INT_SIZE {
        return None;
    }
    Some(Num::Int(a.pow(n)))
}

/// `float` binary operators; ints have already been converted.
fn float_op(op: Operator, a: f64, b: f64) -> Option<Num> {
    Some(Num::Float(match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => number::float_div(a, b)?,
        Operator::FloorDiv => number::float_floor_div(a, b)?,
        Operator::Mod => number::float_mod(a, b)?,
        Operator::Pow => return number::float_pow(a, b),
        _ => return None,
    }))
}

/// `complex` binary operators (`//` and `%` raise `TypeError`).
fn complex_op(op: Operator, a: (f64, f64), b: (f64, f64)) -> Option<Num> {
    let (r, i) = match op {
        Operator::Add => (a.0 + b.0, a.1 + b.1),
        Operator::Sub => (a.0 - b.0, a.1 - b.1),
        Operator::Mult => number::c_prod(a, b),
        Operator::Div => number::c_quot(a, b)?,
        Operator::Pow => number::complex_pow(a, b)?,
        _ => return None,
    };
    Some(Num::Complex(r, i))
}

/// `PyObject_GetItem(value, index)` for constants: indexing a str, bytes or tuple
/// with an int (slices are `Slice` nodes, never constants).
pub fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = as_int(index)?;
    let i = i64::try_from(&i).ok()?;
    let len = match value {
        Constant::Str(s) => s.len_code_points(),
        Constant::Bytes(b) => b.len(),
        Constant::Tuple(t) => t.len(),
        _ => return None,
    } as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return None;
    }
    let i = i as usize;
    match value {
        Constant::Str(s) => {
            let cp = s.code_points().nth(i)?;
            let mut t = Text::new();
            t.push_code_point(cp);
            Some(Constant::Str(t))
        }
        Constant::Bytes(b) => b.get(i).map(|&x| Constant::Int(BigInt::from(x))),
        Constant::Tuple(t) => t.get(i).cloned(),
        _ => None,
    }
}

/// `frozenset(items)` as `fold_iter` makes it (`PyFrozenSet_New` of the tuple of
/// items): duplicates dropped, the first of equal items kept, in CPython 3.11's
/// iteration order for `PYTHONHASHSEED=0` (see [`crate::frozenset`]).
pub fn frozenset(items: Vec<Constant>) -> Constant {
    Constant::FrozenSet(crate::frozenset::build(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(c: Constant) -> Vec<Constant> {
        match c {
            Constant::FrozenSet(items) => items,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn frozenset_drops_equal_items_across_numeric_types() {
        let s = items(frozenset(vec![
            Constant::Int(BigInt::ZERO),
            Constant::Float(-0.0),
            Constant::Bool(false),
            Constant::Complex {
                real: 0.0,
                imag: -0.0,
            },
        ]));
        assert_eq!(
            s,
            vec![Constant::Int(BigInt::ZERO)],
            "the first one is kept"
        );
        let s = items(frozenset(vec![
            Constant::Tuple(vec![Constant::Int(BigInt::ONE), Constant::Float(2.5)]),
            Constant::Tuple(vec![
                Constant::Float(1.0),
                Constant::Complex {
                    real: 2.5,
                    imag: 0.0,
                },
            ]),
            Constant::Str("a".into()),
            Constant::Bytes(b"a".to_vec()),
            Constant::Float(f64::NAN),
            Constant::Float(f64::NAN),
            Constant::Float(f64::INFINITY),
            Constant::Float(f64::INFINITY),
        ]));
        assert_eq!(s.len(), 6, "{s:?}");
    }

    #[test]
    fn guards_refuse_oversized_results() {
        let big = Constant::Int(BigInt::ONE << 100);
        assert!(binary(Operator::Mult, &big, &big).is_none());
        assert!(
            binary(Operator::Add, &big, &big).is_some(),
            "+ has no guard"
        );
        let t = Constant::Tuple(vec![Constant::None; 3]);
        assert!(binary(Operator::Mult, &Constant::Int(BigInt::from(85)), &t).is_some());
        assert!(binary(Operator::Mult, &Constant::Int(BigInt::from(86)), &t).is_none());
    }
}
