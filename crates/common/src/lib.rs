//! Helpers shared by every layer: Python text that may hold lone surrogates, big
//! integers, the CPython-exact `repr` of literal values, and the VM-independent
//! text and number library (format specs, `%`-formatting, number parsing, `str`
//! methods, Unicode 14.0 character properties).

pub mod bigint;
pub mod error;
pub mod float_to_string;
pub mod format_number;
pub mod format_spec;
pub mod format_string;
pub mod parse_number;
pub mod percent_format;
pub mod repr;
pub mod str_methods;
pub mod text;
pub mod unicode_props;
#[rustfmt::skip]
pub mod unicode_tables;
