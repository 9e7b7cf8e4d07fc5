//! Iterators over builtin containers (CPython's `listiterator`,
//! `tupleiterator`, `str_ascii_iterator`, `dict_keyiterator`) and the iterator
//! protocol's identity `__iter__`.

use std::cell::Cell;

use crate::builtins::dict::{Dict, DictIter};
use crate::builtins::list::List;
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a list or tuple iterator: the sequence and the next index.
pub struct SeqIter {
    /// The list or tuple (`None` once exhausted, as CPython drops it).
    pub seq: PyCell<Option<Value>>,
    /// The next index.
    pub index: Cell<usize>,
}

impl Payload for SeqIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = self.seq.borrow(token) {
            visit(s);
        }
    }

    fn clear(&self, token: &mut Token) {
        let old = self.seq.borrow_mut(token).take();
        drop(old);
    }
}

impl SeqIter {
    /// A new iterator over list or tuple `seq`, of type `ty`.
    pub fn alloc(ty: &ObjRef, seq: Value) -> ObjRef {
        ObjRef::new(
            ty,
            SeqIter {
                seq: PyCell::new(Some(seq)),
                index: Cell::new(0),
            },
        )
    }

    /// The next item (no allocation for list and tuple).
    #[inline]
    pub fn next_item(&self, token: &mut Token) -> Option<Value> {
        let i = self.index.get();
        let item = match self.seq.borrow(token) {
            Some(s) => {
                if let Some(l) = s.downcast::<List>() {
                    l.get(token, i)
                } else if let Some(t) = s.downcast::<Tuple>() {
                    t.get(token, i)
                } else {
                    None
                }
            }
            None => None,
        };
        match item {
            Some(v) => {
                self.index.set(i + 1);
                Some(v)
            }
            None => {
                let old = self.seq.borrow_mut(token).take();
                drop(old);
                None
            }
        }
    }
}

/// `next()` of list and tuple iterators.
pub fn seq_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    Ok(v.downcast::<SeqIter>()
        .and_then(|it| it.next_item(vm.token())))
}

/// The payload of a str iterator: the string and the next byte offset.
pub struct StrIter {
    /// The string.
    pub s: ObjRef,
    /// Byte offset of the next character.
    pub pos: Cell<usize>,
}

impl Payload for StrIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

/// `next()` of a str iterator: one-character strings.
pub fn str_iter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<StrIter>() else {
        return Ok(None);
    };
    let Some(s) = it.s.downcast::<StrObj>() else {
        return Ok(None);
    };
    let bytes = s.as_bytes();
    let pos = it.pos.get();
    let Some(&b0) = bytes.get(pos) else {
        return Ok(None);
    };
    let n = match b0 {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    };
    let end = (pos + n).min(bytes.len());
    it.pos.set(end);
    let t = common::text::Text::from_generalized_utf8(&bytes[pos..end]).unwrap_or_default();
    Ok(Some(Value::Obj(StrObj::alloc_text(t))))
}

/// The payload of a dict key iterator.
pub struct DictKeyIter {
    /// The dict.
    pub dict: ObjRef,
    /// The iteration state.
    pub it: PyCell<DictIter>,
    /// 0: keys, 1: values, 2: items.
    pub what: u8,
}

impl Payload for DictKeyIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.dict.clone()));
    }
}

/// `next()` of a dict iterator.
pub fn dict_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<DictKeyIter>() else {
        return Ok(None);
    };
    let Some(d) = it.dict.downcast::<Dict>() else {
        return Ok(None);
    };
    let fresh = d.iter(vm.token());
    let mut state = std::mem::replace(it.it.borrow_mut(vm.token()), fresh);
    let r = d.next_item(vm.token(), &mut state);
    *it.it.borrow_mut(vm.token()) = state;
    Ok(r?.map(|(k, val)| match it.what {
        0 => k,
        1 => val,
        _ => Value::Obj(Tuple::alloc(vec![k, val])),
    }))
}

/// `iter(it)` of an iterator: itself.
pub fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// `next()` of the `__getitem__`-protocol iterator: `seq[i]` for i = 0, 1, ...
/// until `IndexError` or `StopIteration`.
pub fn getitem_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<SeqIter>() else {
        return Ok(None);
    };
    let Some(seq) = it.seq.borrow(vm.token()).clone() else {
        return Ok(None);
    };
    let i = it.index.get();
    match vm.getitem(&seq, &Value::Int(i as i64)) {
        Ok(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        Err(e)
            if matches!(
                e.kind,
                crate::error::ExcKind::IndexError | crate::error::ExcKind::StopIteration
            ) =>
        {
            let old = it.seq.borrow_mut(vm.token()).take();
            drop(old);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}
