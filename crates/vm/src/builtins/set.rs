//! `set` (CPython's `Objects/setobject.c`), minimal: a hash set stored as a
//! [`Dict`] whose values are `None`, so it shares the dict's hashing, equality
//! and insertion order (CPython's set order differs; iteration order of a set
//! is not part of the language, but output may differ from CPython's).

use crate::builtins::dict::{Dict, PyEq};
use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::value::Value;

/// The payload of a `set`.
#[derive(Default)]
pub struct Set {
    /// The elements, as keys.
    pub dict: Dict,
}

impl Payload for Set {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.dict.traverse(token, visit);
    }

    fn clear(&self, token: &mut Token) {
        self.dict.clear(token);
    }
}

impl Set {
    /// A new empty `set`.
    pub fn alloc_empty() -> ObjRef {
        ObjRef::new(&crate::rt_types::rt().set, Set::default())
    }

    /// `s.add(v)`.
    pub fn add(&self, cx: &mut impl PyEq, v: Value) -> PyResult<()> {
        self.dict.set(cx, v, Value::None)
    }

    /// `v in s`.
    pub fn contains(&self, cx: &mut impl PyEq, v: &Value) -> PyResult<bool> {
        self.dict.contains(cx, v)
    }

    /// The elements.
    pub fn items(&self, token: &Token) -> Vec<Value> {
        self.dict.keys(token)
    }

    /// `len(s)`.
    pub fn len(&self, token: &Token) -> usize {
        self.dict.len(token)
    }

    /// Whether the set is empty.
    pub fn is_empty(&self, token: &Token) -> bool {
        self.len(token) == 0
    }
}

/// `repr(set)`: `{1, 2}`, or `set()` when empty.
pub fn set_repr(vm: &mut crate::vm::Vm, v: &Value) -> PyResult<Value> {
    let items = v
        .downcast::<Set>()
        .map(|s| s.items(vm.token()))
        .unwrap_or_default();
    if items.is_empty() {
        return Ok(crate::builtins::str::new_str("set()"));
    }
    let id = v.as_obj().map_or(0, ObjRef::id);
    if !vm.repr_enter(id) {
        return Ok(crate::builtins::str::new_str("{...}"));
    }
    let mut out = String::from("{");
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(x) {
            Ok(r) => out.push_str(
                &r.downcast::<crate::builtins::str::StrObj>()
                    .map(|s| s.text().to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
            Err(e) => {
                vm.repr_leave(id);
                return Err(e);
            }
        }
    }
    vm.repr_leave(id);
    out.push('}');
    Ok(crate::builtins::str::new_str(&out))
}

/// `len(set)`.
pub fn set_len(vm: &mut crate::vm::Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<Set>().map_or(0, |s| s.len(vm.token())))
}

/// `set == set`, `set != set` (subset comparisons come with the full set type).
pub fn set_richcompare(
    vm: &mut crate::vm::Vm,
    a: &Value,
    b: &Value,
    op: crate::types::CompareOp,
) -> PyResult<Option<Value>> {
    use crate::types::CompareOp;
    let (Some(x), Some(y)) = (a.downcast::<Set>(), b.downcast::<Set>()) else {
        return Ok(None);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let mut eq = x.len(vm.token()) == y.len(vm.token());
    if eq {
        for v in x.items(vm.token()) {
            if !y.contains(vm, &v)? {
                eq = false;
                break;
            }
        }
    }
    Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
}

/// `iter(set)`: over a snapshot of the elements.
pub fn set_iter(vm: &mut crate::vm::Vm, v: &Value) -> PyResult<Value> {
    let items = v
        .downcast::<Set>()
        .map(|s| s.items(vm.token()))
        .unwrap_or_default();
    let rt = crate::rt_types::rt();
    Ok(Value::Obj(crate::builtins::iter::SeqIter::alloc(
        &rt.set_iterator,
        Value::Obj(crate::builtins::tuple::Tuple::alloc(items)),
    )))
}
