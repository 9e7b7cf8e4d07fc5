//! Identity for NaN floats. Floats are inline values, so `is` compares their
//! bits; in CPython every float result is a new object, and containers test
//! identity before `==` (`PyObject_RichCompareBool`), so
//! `nan in [nan]` is True while `float('nan') in [float('nan')]` and
//! `(1, float('nan')) == (1, float('nan'))` are False. Only NaN can tell
//! (every other float is `==` to an equal one), so each NaN a float operation
//! produces gets a fresh identity written into its payload: bit 50 marks it
//! and the low 32 bits hold a per-thread counter. Copying the value keeps the
//! identity (`x = nan; x is x`, `math.nan is math.nan`). Where the bits become
//! observable (`struct.pack`, `marshal`, `memoryview`), [`canonical`] removes
//! the tag so the bytes are the ones CPython writes.
//!
//! A NaN whose payload already uses the tag bits (built from foreign bytes)
//! is kept as it is, and loses nothing.

use std::cell::Cell;

use crate::value::Value;

/// The mark of a tagged NaN: a payload bit below the quiet bit.
const MARK: u64 = 1 << 50;
/// Where the identity counter lives.
const COUNTER: u64 = 0xffff_ffff;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

fn is_tagged(bits: u64) -> bool {
    bits & MARK != 0 && bits & COUNTER != 0
}

/// `x` with a new NaN identity (a no-op for other floats).
#[cold]
fn fresh_nan(x: f64) -> f64 {
    let bits = x.to_bits();
    if bits & (MARK | COUNTER) != 0 && !is_tagged(bits) {
        return x;
    }
    let id = NEXT_ID.with(|n| {
        let v = n.get().wrapping_add(1).max(1);
        n.set(v);
        v
    });
    f64::from_bits((bits & !(MARK | COUNTER)) | MARK | u64::from(id))
}

/// A float result as a value: a new object in CPython, so a NaN gets an
/// identity of its own.
#[inline(always)]
pub fn new_float(x: f64) -> Value {
    if x.is_nan() {
        Value::Float(fresh_nan(x))
    } else {
        Value::Float(x)
    }
}

/// `x` as CPython stores it: a NaN without Krait's identity tag (for
/// `struct.pack`, `marshal`, buffers).
#[inline]
pub fn canonical(x: f64) -> f64 {
    let bits = x.to_bits();
    if x.is_nan() && is_tagged(bits) {
        f64::from_bits(bits & !(MARK | COUNTER))
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_nan_is_distinct_and_canonical_again() {
        let (a, b) = (new_float(f64::NAN), new_float(f64::NAN));
        assert!(!a.is(&b));
        assert!(a.is(&a.clone()));
        let (Value::Float(x), Value::Float(y)) = (a, b) else {
            panic!("not floats")
        };
        assert!(x.is_nan() && y.is_nan());
        assert_eq!(canonical(x).to_bits(), f64::NAN.to_bits());
        // Arithmetic on a tagged NaN gives a new identity.
        let Value::Float(z) = new_float(x + 1.0) else {
            panic!("not a float")
        };
        assert_ne!(z.to_bits(), x.to_bits());
        // Other floats and foreign payloads are untouched.
        assert_eq!(canonical(1.5), 1.5);
        let foreign = f64::from_bits(0x7ff8_0000_0000_0001);
        assert!(new_float(foreign).is(&Value::Float(foreign)));
        assert_eq!(canonical(foreign).to_bits(), foreign.to_bits());
    }
}
