//! Frozenset constants in CPython 3.11's iteration order, for both constant types
//! (the AST's [`syntax::ast::Constant`] that the folder makes, and the code
//! object's [`crate::code::Constant`] that the code generator adds to `co_consts`).
//!
//! CPython's compiler builds a constant frozenset from a sequence more than once,
//! and each build can reorder items whose hashes collide, so each is modelled:
//! 1. `PyFrozenSet_New(tuple)` from the items in source order: `fold_iter` in
//!    `ast_opt.c` (a set display after `in` or iterated by `for`), and
//!    `starunpack_helper` in `compile.c` (any other set display of 3+ items, all
//!    constants: `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1`) — [`build`];
//! 2. `merge_consts_recursive` (`compile.c`), the first time an equal frozenset is
//!    added to a module's constants: rebuilt from the first build's iteration
//!    order (later equal frozensets reuse that object) — [`rebuild`];
//! 3. `intern_string_constants` (`codeobject.c`) at code-object creation: rebuilt
//!    once more if interning replaced one of its str items by an equal, already
//!    interned object — [`finish_const`] with a predicate saying which strings are.
//!
//! Hashes are [`common::hash`]'s (`PYTHONHASHSEED=0`); the table simulation is
//! [`common::set_order`].
//!
//! Marshal (3.11.7, measured): `.pyc` files store a frozenset's items sorted by
//! each item's own marshal bytes (`FLAG_REF` included; not in iteration order),
//! and loading adds them back one by one in stored order, so a loaded frozenset
//! iterates in the [`build`] order of the stored items.

use crate::code;
use crate::fold::number;
use common::bigint::BigInt;
use common::hash;
use common::set_order::frozenset_order;
use common::text::Text;
use syntax::ast;

/// What a constant is, as far as `hash()` and `==` need to know: implemented by
/// both constant types so one set simulation serves the folder and the code
/// generator.
#[derive(Clone, Copy)]
pub enum Kind<'a, T> {
    /// `None` (hashed by address in 3.11: [`hash::NONE_HASH`]).
    None,
    /// `...` (hashed by address in 3.11: [`hash::ELLIPSIS_HASH`]).
    Ellipsis,
    /// A bool.
    Bool(bool),
    /// An int.
    Int(&'a BigInt),
    /// A float.
    Float(f64),
    /// A complex (real, imaginary).
    Complex(f64, f64),
    /// A str.
    Str(&'a Text),
    /// A bytes.
    Bytes(&'a [u8]),
    /// A tuple.
    Tuple(&'a [T]),
    /// A frozenset.
    FrozenSet(&'a [T]),
    /// A code object: hashable in CPython, never an item of a frozenset constant
    /// made from source; hashed as 0 and equal only to itself.
    Code,
}

/// A constant that can be an item of a frozenset constant.
pub trait SetItem: Sized {
    /// The constant's kind and value.
    fn kind(&self) -> Kind<'_, Self>;
}

impl SetItem for ast::Constant {
    fn kind(&self) -> Kind<'_, Self> {
        match self {
            ast::Constant::None => Kind::None,
            ast::Constant::Ellipsis => Kind::Ellipsis,
            ast::Constant::Bool(b) => Kind::Bool(*b),
            ast::Constant::Int(i) => Kind::Int(i),
            ast::Constant::Float(f) => Kind::Float(*f),
            ast::Constant::Complex { real, imag } => Kind::Complex(*real, *imag),
            ast::Constant::Str(s) => Kind::Str(s),
            ast::Constant::Bytes(b) => Kind::Bytes(b),
            ast::Constant::Tuple(items) => Kind::Tuple(items),
            ast::Constant::FrozenSet(items) => Kind::FrozenSet(items),
        }
    }
}

impl SetItem for code::Constant {
    fn kind(&self) -> Kind<'_, Self> {
        match self {
            code::Constant::None => Kind::None,
            code::Constant::Ellipsis => Kind::Ellipsis,
            code::Constant::Bool(b) => Kind::Bool(*b),
            code::Constant::Int(i) => Kind::Int(i),
            code::Constant::Float(f) => Kind::Float(*f),
            code::Constant::Complex(real, imag) => Kind::Complex(*real, *imag),
            code::Constant::Str(s) => Kind::Str(s),
            code::Constant::Bytes(b) => Kind::Bytes(b),
            code::Constant::Tuple(items) => Kind::Tuple(items),
            code::Constant::FrozenSet(items) => Kind::FrozenSet(items),
            code::Constant::Code(_) => Kind::Code,
        }
    }
}

/// `hash(c)` in CPython 3.11 with `PYTHONHASHSEED=0` (see [`common::hash`] for the
/// address-hashed values: `None`, `...`, NaN).
pub fn hash<T: SetItem>(c: &T) -> i64 {
    match c.kind() {
        Kind::None => hash::NONE_HASH,
        Kind::Ellipsis => hash::ELLIPSIS_HASH,
        Kind::Bool(b) => hash::hash_bool(b),
        Kind::Int(i) => hash::hash_int(i),
        Kind::Float(f) => hash::hash_float(f),
        Kind::Complex(r, i) => hash::hash_complex(r, i),
        Kind::Str(s) => hash::hash_str(s),
        Kind::Bytes(b) => hash::hash_bytes(b),
        Kind::Tuple(items) => hash::hash_tuple(items.iter().map(hash)),
        Kind::FrozenSet(items) => hash::hash_frozenset(items.iter().map(hash)),
        Kind::Code => 0,
    }
}

/// The number a numeric constant stands for (`bool` is an `int`).
fn as_num<T: SetItem>(c: &T) -> Option<number::Num> {
    match c.kind() {
        Kind::Bool(b) => Some(number::Num::Int(BigInt::from(b as u8))),
        Kind::Int(i) => Some(number::Num::Int(i.clone())),
        Kind::Float(f) => Some(number::Num::Float(f)),
        Kind::Complex(r, i) => Some(number::Num::Complex(r, i)),
        _ => None,
    }
}

/// Python `==` between two distinct constant objects, as a set compares items of
/// equal hash: numbers across int, float and complex; a NaN equals nothing;
/// frozensets as sets.
pub fn eq<T: SetItem>(a: &T, b: &T) -> bool {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return number::num_eq(&x, &y);
    }
    match (a.kind(), b.kind()) {
        (Kind::None, Kind::None) | (Kind::Ellipsis, Kind::Ellipsis) => true,
        (Kind::Str(x), Kind::Str(y)) => x == y,
        (Kind::Bytes(x), Kind::Bytes(y)) => x == y,
        (Kind::Tuple(x), Kind::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (Kind::FrozenSet(x), Kind::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| eq(p, q)))
        }
        _ => false,
    }
}

/// `PyFrozenSet_New(seq)` for a sequence of constants: the items in the order the
/// new frozenset iterates them, equal items dropped (the first one kept).
pub fn build<T: SetItem>(items: Vec<T>) -> Vec<T> {
    let hashes: Vec<i64> = items.iter().map(hash).collect();
    let order = frozenset_order(&hashes, |kept, new| {
        match (items.get(kept), items.get(new)) {
            (Some(a), Some(b)) => eq(a, b),
            _ => false,
        }
    });
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|k| slots.get_mut(k).and_then(Option::take))
        .collect()
}

/// A frozenset built again from an existing one's iteration order (`items`), as
/// `merge_consts_recursive` and `intern_string_constants` do: [`build`] of the
/// same items, which reorders items whose hashes collide.
pub fn rebuild<T: SetItem + Clone>(items: &[T]) -> Vec<T> {
    build(items.to_vec())
}

/// The order a frozenset constant ends with in `co_consts`, given its order when
/// first made ([`build`]: the folder's, or `starunpack_helper`'s): the
/// [`rebuild`] of `merge_consts_recursive`, then another if
/// `intern_string_constants` replaces one of its str items, which happens when an
/// item made only of name characters ([`hash::all_name_chars`]) equals a string
/// CPython has already interned as another object (`already_interned` says which:
/// see [`likely_interned`] for the estimate Krait uses).
///
/// Call it once per distinct frozenset (by value) per module, the first time it is
/// added to the constants: CPython's constant cache gives later equal frozensets the
/// first one's object, order included.
pub fn finish_const<T: SetItem + Clone>(
    items: &[T],
    already_interned: impl Fn(&Text) -> bool,
) -> Vec<T> {
    let merged = rebuild(items);
    let replaced = merged.iter().any(|c| match c.kind() {
        Kind::Str(s) => hash::all_name_chars(s) && already_interned(s),
        _ => false,
    });
    if replaced {
        rebuild(&merged)
    } else {
        merged
    }
}

/// Whether CPython has most likely interned a string equal to the name-like str
/// constant `s` as another object by the time the code object holding it is made
/// (the `already_interned` of [`finish_const`] for compiling real code).
///
/// Interning is process state, so this is an estimate: every name-like string of
/// two or more characters is taken as interned (real code's are mostly identifiers
/// of the module or of the runtime); one-character strings per
/// [`ONE_CHAR_INTERNED`]; the empty string is its own interned singleton. Measured
/// with `tests/scripts/frozenset_lib_order.py` over CPython 3.11.7's `Lib` (tests
/// included; 254 frozenset constants of 2+ items): this rule gives the final order
/// of 250, against 232 with no intern rebuild and 243 with it always.
pub fn likely_interned(s: &Text) -> bool {
    match s.as_bytes() {
        [] => false,
        [c] => ONE_CHAR_INTERNED.as_bytes().contains(c),
        _ => true,
    }
}

/// One-character name-like strings that CPython 3.11.7 has interned as objects
/// other than its one-character singletons (measured: `sys.intern(chr(k)) is not
/// chr(k)` after `import dis`).
pub const ONE_CHAR_INTERNED: &str = "BCLST_abcdefhijklmnopqrstvwxy";

#[cfg(test)]
mod tests {
    use super::*;
    use ast::Constant as C;

    fn s(x: &str) -> C {
        C::Str(Text::from(x))
    }

    fn int(i: i64) -> C {
        C::Int(BigInt::from(i))
    }

    #[test]
    fn build_orders_by_table_slot() {
        // `list(frozenset([3, 1, 2]))` is `[1, 2, 3]`.
        assert_eq!(
            build(vec![int(3), int(1), int(2)]),
            vec![int(1), int(2), int(3)]
        );
        // PYTHONHASHSEED=0 python3 -c "print(list(frozenset(['a', 'b', 'c'])))"
        assert_eq!(
            build(vec![s("a"), s("b"), s("c")]),
            vec![s("c"), s("a"), s("b")]
        );
    }

    #[test]
    fn none_and_ellipsis_take_their_home_slots_from_the_page_offset() {
        // PYTHONHASHSEED=0 python3 -c "print(list(frozenset([None, 1, 2, 'a'])),
        //     list(frozenset([..., None, 6, 14])))": the same in every run, although
        // hash(None) and hash(...) change (their low bits do not).
        assert_eq!(
            build(vec![C::None, int(1), int(2), s("a")]),
            vec![int(1), int(2), s("a"), C::None]
        );
        assert_eq!(
            build(vec![C::Ellipsis, C::None, int(6), int(14)]),
            vec![C::None, int(14), C::Ellipsis, int(6)]
        );
    }

    #[test]
    fn equal_items_across_types_keep_the_first() {
        let items = vec![
            int(1),
            C::Float(1.0),
            C::Bool(true),
            C::Complex {
                real: 1.0,
                imag: 0.0,
            },
            C::Float(f64::NAN),
            C::Float(f64::NAN),
        ];
        let out = build(items);
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(out.iter().filter(|c| **c == int(1)).count(), 1);
    }

    #[test]
    fn rebuild_can_reorder_colliding_items() {
        // 9 collides with 1 in an 8-slot table and is placed after it; rebuilt from
        // the order [1, 9] nothing changes, but from [9, 1] (9 in slot 1, 1 moved to
        // slot 6) it does.
        assert_eq!(build(vec![int(9), int(1)]), vec![int(9), int(1)]);
        assert_eq!(rebuild(&[int(9), int(1)]), vec![int(9), int(1)]);
        let a = build(vec![int(1), int(17), int(9)]);
        let b = rebuild(&a);
        assert_eq!(a.len(), 3);
        assert_eq!(b.len(), 3);
    }
}
