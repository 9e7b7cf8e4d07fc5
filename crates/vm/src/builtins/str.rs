//! `str` (CPython's `Objects/unicodeobject.c`), minimal: immutable text with its
//! length in code points, a hash computed once, and interning so identifiers
//! compare by pointer.
//!
//! Contents are a `common::text::Text`: "generalized UTF-8" (UTF-8 that may encode
//! lone surrogates), the same type the compiler's string constants use.

use std::cell::Cell;

use common::text::Text;
use hashbrown::HashTable;

use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::builtin_types;
use crate::value::Value;

/// The payload of a `str`.
pub struct StrObj {
    data: Text,
    char_len: usize,
    ascii: bool,
    /// `-1` until computed (CPython's `hash` field works the same way).
    hash: Cell<isize>,
    interned: Cell<bool>,
}

impl Payload for StrObj {
    const KIND: PayloadKind = PayloadKind::Str;
    const GC: bool = false;
}

impl StrObj {
    /// The payload for a Rust string (no surrogates).
    pub fn from_rust(s: &str) -> StrObj {
        StrObj::from_text(Text::from(s))
    }

    /// The payload for Python text (may hold lone surrogates).
    pub fn from_text(data: Text) -> StrObj {
        StrObj {
            ascii: data.is_ascii(),
            char_len: data.len_code_points(),
            data,
            hash: Cell::new(-1),
            interned: Cell::new(false),
        }
    }

    /// A new exact `str` object holding `t`.
    pub fn alloc_text(t: Text) -> ObjRef {
        ObjRef::new(&builtin_types().str_, StrObj::from_text(t))
    }

    /// The contents.
    #[inline]
    pub fn text(&self) -> &Text {
        &self.data
    }

    /// A new exact `str` object.
    pub fn alloc(s: &str) -> ObjRef {
        ObjRef::new(&builtin_types().str_, StrObj::from_rust(s))
    }

    /// The contents as generalized UTF-8.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        self.data.as_bytes()
    }

    /// The contents as a Rust string, unless they hold a lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        self.data.as_str()
    }

    /// `len(s)`: the number of code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Whether every code point is ASCII (then indexing is byte indexing).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// `hash(s)`, computed on first use and cached.
    #[inline]
    pub fn hash(&self) -> isize {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(self.data.as_bytes());
        self.hash.set(h);
        h
    }

    /// Whether this object is the interned copy of its contents.
    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }
}

/// The code points of generalized UTF-8 (lone surrogates decode like any other
/// 3-byte sequence). Input comes from `StrObj`, so it is well formed.
pub fn code_points(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let b0 = *bytes.get(i)? as u32;
        let cont = |k: usize| (bytes.get(i + k).copied().unwrap_or(0x80) & 0x3f) as u32;
        let (cp, n) = if b0 < 0x80 {
            (b0, 1)
        } else if b0 < 0xe0 {
            (((b0 & 0x1f) << 6) | cont(1), 2)
        } else if b0 < 0xf0 {
            (((b0 & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3)
        } else {
            (
                ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
                4,
            )
        };
        i += n;
        Some(cp)
    })
}

/// The hash of str contents given as generalized UTF-8, as CPython computes it with
/// `PYTHONHASHSEED=0` (`unicode_hash`): see `common::hash::hash_str`, the one
/// implementation the compiler (frozenset constant order) and the VM share.
pub fn str_hash(bytes: &[u8]) -> isize {
    common::hash::hash_generalized_utf8(bytes) as isize
}

thread_local! {
    /// This thread's interned strings (CPython's `interned` dict). Entries are
    /// strong references: interned strings live as long as the thread, like
    /// CPython 3.12's immortal interned strings.
    static INTERNED: PyCell<HashTable<ObjRef>> = const { PyCell::new(HashTable::new()) };
    /// Interned strs of names known at compile time, by the address and length of
    /// their `&'static str` ([`static_name`]).
    static STATIC_NAMES: PyCell<HashTable<(usize, usize, ObjRef)>> =
        const { PyCell::new(HashTable::new()) };
}

/// The interned str for a name fixed at compile time (`"__init__"`), found by the
/// address of the `&'static str` after the first call: no hashing of the text and
/// no string compare on hot paths (CPython keeps such names as static objects,
/// `_Py_ID(__init__)`).
pub fn static_name(token: &mut Token, s: &'static str) -> ObjRef {
    let key = (s.as_ptr() as usize, s.len());
    let h = (key.0 as u64 ^ (key.1 as u64).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let found = STATIC_NAMES.with(|t| {
        t.borrow(token)
            .find(h, |e| (e.0, e.1) == key)
            .map(|e| e.2.clone())
    });
    if let Some(o) = found {
        return o;
    }
    let o = intern(token, s);
    STATIC_NAMES.with(|t| {
        t.borrow_mut(token)
            .insert_unique(h, (key.0, key.1, o.clone()), |e| {
                (e.0 as u64 ^ (e.1 as u64).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            });
    });
    o
}

fn interned_hash(h: isize) -> u64 {
    (h as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The interned `str` with contents `s` (CPython's `PyUnicode_InternFromString`):
/// equal identifiers become the same object, so name lookups compare pointers.
pub fn intern(token: &mut Token, s: &str) -> ObjRef {
    let hash = str_hash(s.as_bytes());
    INTERNED.with(|table| {
        let table = table.borrow_mut(token);
        let found = table.find(interned_hash(hash), |o| {
            o.downcast::<StrObj>()
                .is_some_and(|x| x.as_bytes() == s.as_bytes())
        });
        if let Some(o) = found {
            return o.clone();
        }
        let payload = StrObj::from_rust(s);
        payload.hash.set(hash);
        payload.interned.set(true);
        let obj = ObjRef::new(&builtin_types().str_, payload);
        table.insert_unique(interned_hash(hash), obj.clone(), |o| {
            interned_hash(o.downcast::<StrObj>().map_or(0, StrObj::hash))
        });
        obj
    })
}

/// Interns an existing exact `str` object (CPython's `PyUnicode_InternInPlace`):
/// returns the canonical object, which is `obj` itself if it is the first.
pub fn intern_obj(token: &mut Token, obj: ObjRef) -> ObjRef {
    let Some(s) = obj.downcast::<StrObj>() else {
        return obj;
    };
    if s.is_interned() || !obj.type_obj().is_builtin() {
        return obj;
    }
    let hash = s.hash();
    let existing = INTERNED.with(|table| {
        table
            .borrow(token)
            .find(interned_hash(hash), |o| {
                o.downcast::<StrObj>()
                    .is_some_and(|x| x.as_bytes() == s.as_bytes())
            })
            .cloned()
    });
    if let Some(o) = existing {
        return o;
    }
    s.interned.set(true);
    INTERNED.with(|table| {
        table
            .borrow_mut(token)
            .insert_unique(interned_hash(hash), obj.clone(), |o| {
                interned_hash(o.downcast::<StrObj>().map_or(0, StrObj::hash))
            });
    });
    obj
}

/// A new `str` value.
pub fn new_str(s: &str) -> Value {
    Value::Obj(StrObj::alloc(s))
}

// ---------------------------------------------------------------------------
// Slots of `str`.
// ---------------------------------------------------------------------------

use crate::error::PyResult;
use crate::types::CompareOp;
use crate::vm::Vm;

/// `str.__hash__`.
pub fn slot_hash(_vm: &mut Vm, v: &Value) -> PyResult<isize> {
    Ok(v.downcast::<StrObj>().map_or(0, StrObj::hash))
}

/// `str.__eq__`, `str.__lt__`, ...: code point order, which is the byte order of
/// (generalized) UTF-8.
pub fn slot_richcompare(
    _vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: CompareOp,
) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) else {
        return Ok(None);
    };
    let o = x.as_bytes().cmp(y.as_bytes());
    Ok(Some(Value::Bool(crate::builtins::int::compare_result(
        o, op,
    ))))
}

/// `str.__len__`.
pub fn slot_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<StrObj>().map_or(0, StrObj::char_len))
}

/// `str.__repr__` (CPython 3.11's quoting and escapes, from `common::repr`).
pub fn slot_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = v
        .downcast::<StrObj>()
        .map_or_else(String::new, |s| common::repr::repr_str(s.text()));
    Ok(new_str(&r))
}

/// `str.__str__`: the string itself (exact str) or a copy of its contents.
pub fn slot_str(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj() {
        Some(o) if o.type_obj().is_builtin() => Ok(v.clone()),
        _ => Ok(v.downcast::<StrObj>().map_or_else(
            || new_str(""),
            |s| Value::Obj(StrObj::alloc_text(s.text().clone())),
        )),
    }
}
