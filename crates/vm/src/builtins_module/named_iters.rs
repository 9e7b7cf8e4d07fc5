//! Iterator types named as CPython names them, over a snapshot list:
//! `bytes_iterator`, `bytearray_iterator`, `list_reverseiterator` (all
//! `SeqIter`s); the dict views' live `dict_keyiterator`, `dict_valueiterator`
//! and `dict_itemiterator` (`DictKeyIter`s, which see size changes); and `__length_hint__` on the sequence and range iterators
//! (CPython's `listiter_len`, `tupleiter_len`, `rangeiter_len`...), which
//! `operator.length_hint` reads.

use std::cell::RefCell;

use crate::builtins::dict::Dict;
use crate::builtins::iter::{dict_iter_next, self_iter, seq_iter_next, DictKeyIter, SeqIter};
use crate::builtins::list::List;
use crate::builtins::range::RangeIter;
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, method_args};
use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyCell, Token};
use crate::types::{new_native_type, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// Which named iterator.
#[derive(Clone, Copy)]
pub enum NamedIter {
    /// `iter(bytes)`.
    Bytes = 0,
    /// `iter(bytearray)`.
    ByteArray = 1,
    /// `reversed(list)`.
    ListReverse = 2,
}

const NAMES: [&str; 3] = [
    "bytes_iterator",
    "bytearray_iterator",
    "list_reverseiterator",
];

/// The dict view iterators after the keys one: `what` 1 and 2 of `DictKeyIter`.
const DICT_NAMES: [&str; 2] = ["dict_valueiterator", "dict_itemiterator"];

thread_local! {
    static TYPES: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
    static DICT_TYPES: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
}

/// A live iterator over dict `dict`'s keys (`what` 0), values (1) or items (2).
pub fn new_dict_iter(vm: &mut Vm, dict: &ObjRef, what: u8) -> Option<Value> {
    let ty = match what {
        0 => crate::rt_types::rt().dict_iterator.clone(),
        w => DICT_TYPES.with(|t| t.borrow().get(usize::from(w) - 1).cloned())?,
    };
    let it = dict.downcast::<Dict>()?.iter(vm.token());
    Some(Value::Obj(ObjRef::new(
        &ty,
        DictKeyIter {
            dict: dict.clone(),
            it: PyCell::new(it),
            what,
        },
    )))
}

/// A new iterator of kind `kind` over the items of `list` (a `list` value).
pub fn new_named_iter(kind: NamedIter, list: Value) -> Option<Value> {
    let ty = TYPES.with(|t| t.borrow().get(kind as usize).cloned())?;
    Some(Value::Obj(SeqIter::alloc(&ty, list)))
}

/// `it.__length_hint__()` of a `SeqIter`: the items not yet produced.
fn seq_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "__length_hint__", args, kw, 0, 0)?;
    let Some(it) = a[0].downcast::<SeqIter>() else {
        return Ok(Value::Int(0));
    };
    let t = vm.token();
    let len = match it.seq.borrow(t) {
        Some(s) => match (s.downcast::<List>(), s.downcast::<Tuple>()) {
            (Some(l), _) => l.len(t),
            (_, Some(tu)) => tu.len(t),
            _ => 0,
        },
        None => 0,
    };
    Ok(Value::Int(len.saturating_sub(it.index.get()) as i64))
}

/// `range_iterator.__length_hint__()`.
fn range_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = method_args(vm, "__length_hint__", args, kw, 0, 0)?;
    let n = a[0]
        .downcast::<RangeIter>()
        .map_or(0, |r| r.remaining.get());
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// Creates the named iterator types and adds `__length_hint__` to them and to
/// the list, tuple and range iterators.
pub fn install(token: &mut Token) {
    let types: Vec<ObjRef> = NAMES
        .iter()
        .map(|name| {
            let t = new_native_type(token, name, SeqIter::LAYOUT, None);
            if let Some(tp) = t.downcast::<TypeObject>() {
                tp.slots.iter.set(Some(self_iter));
                tp.slots.iternext.set(Some(seq_iter_next));
            }
            t
        })
        .collect();
    let rt = crate::rt_types::rt();
    for t in types.iter().chain([&rt.list_iterator, &rt.tuple_iterator]) {
        add_method(token, t, "__length_hint__", seq_length_hint);
    }
    add_method(
        token,
        &rt.range_iterator,
        "__length_hint__",
        range_length_hint,
    );
    TYPES.with(|t| *t.borrow_mut() = types);
    let dict_types: Vec<ObjRef> = DICT_NAMES
        .iter()
        .map(|name| {
            let t = new_native_type(token, name, DictKeyIter::LAYOUT, None);
            if let Some(tp) = t.downcast::<TypeObject>() {
                tp.slots.iter.set(Some(self_iter));
                tp.slots.iternext.set(Some(dict_iter_next));
            }
            t
        })
        .collect();
    DICT_TYPES.with(|t| *t.borrow_mut() = dict_types);
}
