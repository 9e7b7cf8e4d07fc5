//! Helpers shared by every layer: Python text that may hold lone surrogates, big
//! integers, the CPython-exact `repr` of literal values, and the VM-independent
//! text and number library. The library is plain functions over [`text::Text`],
//! byte slices, `f64` and [`bigint::BigInt`]; errors are [`error::TextError`] (the
//! CPython exception type and its exact message). Where Python code must run (an
//! argument's `str()`, a `__format__`, a lookup) the VM supplies it through a small
//! trait: [`percent_format::PercentArgs`], [`percent_format::PercentBytesArgs`],
//! [`format_string::FormatArgs`].
//!
//! | module | CPython 3.11 behaviour |
//! | --- | --- |
//! | [`format_spec`] | the format-spec mini-language, `format(str, spec)`, number layout |
//! | [`format_number`] | `format()` of int/float/complex; `str(int)` with the 4300-digit limit; `bin`/`oct`/`hex`; `int(float)` |
//! | [`float_to_string`] | `PyOS_double_to_string` (`e`/`f`/`g`/`r`), correctly rounded |
//! | [`format_string`] | `str.format`/`format_map` parsing and rendering, `_string` helpers |
//! | [`percent_format`] | `str % args` and `bytes % args` |
//! | [`parse_number`] | `int(text, base)`, `float(text)`, `complex(text)` (and bytes) |
//! | [`float_hex`], [`float_round`] | `float.hex`/`float.fromhex`; `round(float[, n])` |
//! | [`str_methods`] | `str` methods: split, find, strip, pad, case mapping, `is*` |
//! | [`bytes_methods`] | `bytes` methods (ASCII semantics) |
//! | [`unicode_props`] | per-character Unicode 14.0 properties and full case mappings |
//! | [`hash`], [`set_order`] | `hash()` of constant kinds (PYTHONHASHSEED=0); set iteration order |

pub mod bigint;
pub mod bytes_methods;
pub mod error;
pub mod float_hex;
pub mod float_round;
pub mod float_to_string;
pub mod format_number;
pub mod format_spec;
pub mod format_string;
pub mod hash;
pub mod parse_number;
pub mod percent_format;
pub mod repr;
pub mod set_order;
pub mod str_methods;
pub mod substring;
pub mod text;
pub mod unicode_props;
/// Generated Unicode 14.0 tables (`tests/scripts/gen_unicode_tables.py`).
#[rustfmt::skip]
pub mod unicode_tables;
