//! Builtin types' payloads and operations, one file per type (CPython's
//! `Objects/*object.c`).

pub mod class_assign;
pub mod dict;
pub mod float;
pub mod float_subclass;
pub mod int;
pub mod int_subclass;
pub mod iter;
pub mod list;
pub mod object;
pub mod range;
pub mod repr;
pub mod set;
pub mod set_algo;
pub mod set_table;
pub mod slice;
pub mod slot_methods;
pub mod slots_layout;
pub mod str;
pub mod subclassed;
pub mod tuple;
