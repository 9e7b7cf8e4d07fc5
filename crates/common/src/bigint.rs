//! Arbitrary-precision integers, as Python's `int` needs them (see ARCHITECTURE §4 for
//! the choice of `dashu-int`).

/// A signed arbitrary-precision integer.
pub type BigInt = dashu_int::IBig;
