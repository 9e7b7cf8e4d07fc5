//! Sizes of the hot types: growing one is a visible decision (ARCHITECTURE §4).

use std::mem::size_of;

use vm::{ObjRef, Value};

#[test]
fn value_is_two_words() {
    assert!(
        size_of::<Value>() <= 16,
        "Value is {} bytes",
        size_of::<Value>()
    );
    assert_eq!(size_of::<Option<Value>>(), size_of::<Value>());
}

#[test]
fn objref_is_one_word() {
    assert_eq!(size_of::<ObjRef>(), size_of::<usize>());
    assert_eq!(size_of::<Option<ObjRef>>(), size_of::<usize>());
}
