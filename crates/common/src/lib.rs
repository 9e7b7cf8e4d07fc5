//! Helpers shared by every layer: Python text that may hold lone surrogates, big
//! integers, and the CPython-exact `repr` of literal values.

pub mod bigint;
pub mod hash;
pub mod repr;
pub mod set_order;
pub mod text;
