//! Generic object protocols the eval loop and builtins use (CPython's
//! `Objects/abstract.c` and `object.c`): `str`, `len`, subscription,
//! containment, iteration, unary and in-place operators, index conversion.
//! Each tries native fast paths for builtin types first, then the type's slot.

use common::text::Text;

use crate::builtins::dict::Dict;
use crate::builtins::iter::{DictKeyIter, SeqIter, StrIter};
use crate::builtins::list::List;
use crate::builtins::range::RangeObj;
use crate::builtins::set::Set;
use crate::builtins::slice::{slice_items, SliceObj};
use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, PyCell};
use crate::types::{builtin_types, type_name, TypeObject};
use crate::value::{IntRef, Value};
use crate::vm::{BinOp, Vm};
use compiler::opcode::num;

fn tname(vm: &mut Vm, v: &Value) -> String {
    type_name(vm.token(), &v.type_ref())
}

fn slots(v: &Value) -> ObjRef {
    v.type_ref()
}

impl Vm {
    /// `str(v)` (CPython's `PyObject_Str`): exact str as is, else the `str` slot,
    /// else `repr`.
    pub fn str(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            if o.type_is(&builtin_types().str_) {
                return Ok(v.clone());
            }
        }
        let t = slots(v);
        match t.downcast::<TypeObject>().and_then(|t| t.slots.str_.get()) {
            Some(f) => {
                let r = self.guarded(" while getting the str of an object", |vm| f(vm, v))?;
                if r.downcast::<StrObj>().is_none() {
                    return Err(PyErr::type_error(format!(
                        "__str__ returned non-string (type {})",
                        tname(self, &r)
                    )));
                }
                Ok(r)
            }
            None => self.repr(v),
        }
    }

    /// `str(v)` as Rust text.
    pub fn str_text(&mut self, v: &Value) -> PyResult<Text> {
        let s = self.str(v)?;
        Ok(s.downcast::<StrObj>()
            .map(|s| s.text().clone())
            .unwrap_or_default())
    }

    /// `ascii(v)`: `repr` with non-ASCII characters escaped.
    pub fn ascii(&mut self, v: &Value) -> PyResult<Value> {
        let r = self.repr(v)?;
        let Some(s) = r.downcast::<StrObj>() else {
            return Ok(r);
        };
        if s.is_ascii() {
            return Ok(r.clone());
        }
        let mut out = String::new();
        for cp in s.text().code_points() {
            match cp {
                0..=0x7f => out.push(cp as u8 as char),
                0x80..=0xff => out.push_str(&format!("\\x{cp:02x}")),
                0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
                _ => out.push_str(&format!("\\U{cp:08x}")),
            }
        }
        Ok(new_str(&out))
    }

    /// `format(v, spec)` (CPython's `PyObject_Format`): `__format__` of builtins
    /// with the common specs.
    pub fn format(&mut self, v: &Value, spec: &Value) -> PyResult<Value> {
        let spec_s = spec
            .downcast::<StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .unwrap_or_default();
        let plain = matches!(
            v,
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None
        ) || v
            .as_obj()
            .is_some_and(|o| o.type_is(&crate::types::builtin_types().str_));
        if spec_s.is_empty() && plain {
            return self.str(v);
        }
        let key = crate::builtins::str::intern(self.token(), "__format__");
        let t = v.type_ref();
        let user = t
            .downcast::<TypeObject>()
            .and_then(|tp| tp.lookup(self.token(), &Value::Obj(key.clone())))
            .filter(|f| f.downcast::<crate::function::FunctionObj>().is_some());
        if user.is_some() {
            let m = self.getattr(v, &key)?;
            return self.call(&m, std::slice::from_ref(spec), None);
        }
        if spec_s.is_empty() {
            return self.str(v);
        }
        crate::format::format_builtin(self, v, &spec_s).map(|s| new_str(&s))
    }

    /// `len(v)` (CPython's `PyObject_Size`).
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        let t = slots(v);
        if let Some(f) = t.downcast::<TypeObject>().and_then(|t| t.slots.len.get()) {
            return f(self, v);
        }
        if let Some(l) = v.downcast::<List>() {
            return Ok(l.len(self.token()));
        }
        if let Some(s) = v.downcast::<Set>() {
            return Ok(s.len(self.token()));
        }
        Err(PyErr::type_error(format!(
            "object of type '{}' has no len()",
            tname(self, v)
        )))
    }

    /// An index operand as `isize` (CPython's `PyNumber_AsSsize_t` with
    /// `IndexError` on overflow).
    pub fn index_isize(&mut self, v: &Value) -> PyResult<isize> {
        match v {
            Value::Int(i) => isize::try_from(*i).map_err(|_| overflow_index(self, v)),
            Value::Bool(b) => Ok(*b as isize),
            _ => match v.as_int() {
                Some(IntRef::Big(_)) => Err(overflow_index(self, v)),
                _ => {
                    let i = self.index_i64(v)?;
                    Ok(i as isize)
                }
            },
        }
    }

    /// `operator.index(v)` as `i64`: ints, or `__index__`.
    pub fn index_i64(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            _ => {
                // Instances of int subclasses too, as CPython's `PyLong_Check`.
                match v.as_int() {
                    Some(IntRef::Small(i)) => return Ok(i),
                    Some(IntRef::Big(_)) => {
                        return Err(PyErr::new(
                            ExcKind::OverflowError,
                            "Python int too large to convert to C ssize_t",
                        ))
                    }
                    None => {}
                }
                let t = slots(v);
                if let Some(f) = t
                    .downcast::<TypeObject>()
                    .and_then(|t| t.number.index.get())
                {
                    let r = f(self, v)?;
                    if let Value::Int(i) = r {
                        return Ok(i);
                    }
                }
                Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tname(self, v)
                )))
            }
        }
    }

    /// `container[key]` (CPython's `PyObject_GetItem`).
    pub fn getitem(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = container {
            let t = o.type_obj();
            if !t.is_builtin() {
                if let Some(f) = t.slots.getitem.get() {
                    return f(self, container, key);
                }
            }
        }
        self.getitem_builtin(container, key)
    }

    /// `container[key]` by the builtin base's behaviour, ignoring a user class's
    /// `__getitem__` (what `list.__getitem__(self, key)` does).
    pub fn getitem_builtin(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        if let Some(l) = container.downcast::<List>() {
            if let Value::Int(i) = key {
                let n = l.len(self.token()) as i64;
                let j = if *i < 0 { i + n } else { *i };
                return match (j >= 0).then(|| l.get(self.token(), j as usize)).flatten() {
                    Some(v) => Ok(v),
                    None => Err(PyErr::new(ExcKind::IndexError, "list index out of range")),
                };
            }
            if let Some(s) = key.downcast::<SliceObj>() {
                let items = l.to_vec(self.token());
                return Ok(Value::Obj(List::alloc(slice_items(self, s, &items)?)));
            }
            return self.seq_index(container, key, "list", |vm, i| {
                let l = container.downcast::<List>();
                Ok(l.and_then(|l| l.get(vm.token(), i)))
            });
        }
        if let Some(t) = container.downcast::<Tuple>() {
            if let Some(s) = key.downcast::<SliceObj>() {
                let items = t.items(self.token()).to_vec();
                return Ok(Value::Obj(Tuple::alloc(slice_items(self, s, &items)?)));
            }
            return self.seq_index(container, key, "tuple", |vm, i| {
                Ok(container
                    .downcast::<Tuple>()
                    .and_then(|t| t.get(vm.token(), i)))
            });
        }
        if let Some(d) = container.downcast::<Dict>() {
            if container
                .as_obj()
                .is_some_and(|o| o.type_is(&builtin_types().dict))
            {
                return d.getitem(self, key);
            }
        }
        if let Some(s) = container.downcast::<StrObj>() {
            let cps: Vec<u32> = s.text().code_points().collect();
            if let Some(sl) = key.downcast::<SliceObj>() {
                let picked = slice_items(self, sl, &cps)?;
                let mut t = Text::with_capacity(picked.len());
                for cp in picked {
                    t.push_code_point(cp);
                }
                return Ok(Value::Obj(StrObj::alloc_text(t)));
            }
            return self.seq_index(container, key, "string", |_, i| {
                Ok(cps.get(i).map(|cp| {
                    let mut t = Text::new();
                    t.push_code_point(*cp);
                    Value::Obj(StrObj::alloc_text(t))
                }))
            });
        }
        if let Some(r) = container.downcast::<RangeObj>() {
            let n = r.len();
            if r.big.is_some()
                || n > i64::MAX as u64
                || !matches!(key, Value::Int(_) | Value::Bool(_))
            {
                return crate::builtins::range_big::getitem(self, r, key);
            }
            let i = self.index_i64(key)?;
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j as u64 >= n {
                return Err(PyErr::new(
                    ExcKind::IndexError,
                    "range object index out of range",
                ));
            }
            return Ok(Value::Int(r.item(j as u64)));
        }
        let t = slots(container);
        if let Some(f) = t
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.getitem.get())
        {
            return f(self, container, key);
        }
        if let Some(d) = container.downcast::<Dict>() {
            return match d.get(self, key)? {
                Some(v) => Ok(v),
                None => crate::methods::containers::dict_missing(self, container, key),
            };
        }
        if container.downcast::<TypeObject>().is_some() {
            if let Some(v) = crate::generic_alias::class_getitem(self, container, key)? {
                return Ok(v);
            }
            let name = type_name(self.token(), container.as_obj().unwrap_or(&t));
            return Err(PyErr::type_error(format!(
                "type '{name}' is not subscriptable"
            )));
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            tname(self, container)
        )))
    }

    fn seq_index(
        &mut self,
        container: &Value,
        key: &Value,
        what: &str,
        get: impl FnOnce(&mut Vm, usize) -> PyResult<Option<Value>>,
    ) -> PyResult<Value> {
        if key.as_int().is_none() && !has_index(key) {
            if what == "string" {
                return Err(PyErr::type_error(format!(
                    "string indices must be integers, not '{}'",
                    tname(self, key)
                )));
            }
            let indices = &format!("{what} indices");
            return Err(PyErr::type_error(format!(
                "{indices} must be integers or slices, not {}",
                tname(self, key)
            )));
        }
        let i = self.index_isize(key)?;
        let n = self.len(container)? as isize;
        let j = if i < 0 { i + n } else { i };
        let r = if j < 0 { None } else { get(self, j as usize)? };
        r.ok_or_else(|| PyErr::new(ExcKind::IndexError, format!("{what} index out of range")))
    }

    /// `container[key] = value`, or `del container[key]` with `None`.
    pub fn setitem(
        &mut self,
        container: &Value,
        key: &Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        if let Some(l) = container.downcast::<List>() {
            if key.downcast::<SliceObj>().is_some() {
                return self.list_set_slice(container, key, value);
            }
            if key.as_int().is_none() && !has_index(key) {
                return Err(PyErr::type_error(format!(
                    "list indices must be integers or slices, not {}",
                    tname(self, key)
                )));
            }
            let i = self.index_isize(key)?;
            let n = l.len(self.token()) as isize;
            let j = if i < 0 { i + n } else { i };
            let ok = j >= 0 && j < n;
            let old = if !ok {
                None
            } else {
                match value {
                    Some(v) => l.set(self.token(), j as usize, v),
                    None => l.remove(self.token(), j as usize),
                }
            };
            if old.is_none() {
                return Err(PyErr::new(
                    ExcKind::IndexError,
                    "list assignment index out of range",
                ));
            }
            return Ok(());
        }
        if let Some(d) = container.downcast::<Dict>() {
            if container
                .as_obj()
                .is_some_and(|o| o.type_is(&builtin_types().dict))
                || slots(container)
                    .downcast::<TypeObject>()
                    .and_then(|t| t.slots.setitem.get())
                    .is_none()
            {
                return match value {
                    Some(v) => d.set(self, key.clone(), v),
                    None => d.del(self, key),
                };
            }
        }
        let t = slots(container);
        if let Some(f) = t
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.setitem.get())
        {
            return f(self, container, key, value);
        }
        Err(PyErr::type_error(format!(
            "'{}' object does not support item {}",
            tname(self, container),
            if value.is_some() {
                "assignment"
            } else {
                "deletion"
            }
        )))
    }

    fn list_set_slice(
        &mut self,
        container: &Value,
        key: &Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        let (Some(l), Some(s)) = (container.downcast::<List>(), key.downcast::<SliceObj>()) else {
            return Ok(());
        };
        let items = l.to_vec(self.token());
        let (start, _stop, step, n) = s.indices(self, items.len())?;
        let new_items = match &value {
            Some(v) if !self.is_iterable(v) => {
                return Err(PyErr::type_error(if step == 1 {
                    "can only assign an iterable"
                } else {
                    "must assign iterable to extended slice"
                }))
            }
            Some(v) => self.sequence_to_vec(v)?,
            None => vec![],
        };
        let mut out = items.clone();
        if step == 1 {
            let start = start.max(0) as usize;
            let end = start + n;
            out.splice(start..end.min(out.len()), new_items);
        } else {
            let idx: Vec<usize> = (0..n)
                .map(|k| (start + k as isize * step) as usize)
                .collect();
            if value.is_some() {
                if new_items.len() != n {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {n}",
                        new_items.len()
                    )));
                }
                for (i, v) in idx.into_iter().zip(new_items) {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = v;
                    }
                }
            } else {
                let mut sorted = idx;
                sorted.sort_unstable();
                for i in sorted.into_iter().rev() {
                    if i < out.len() {
                        out.remove(i);
                    }
                }
            }
        }
        let old = l.replace_all(self.token(), out);
        drop(old);
        Ok(())
    }

    /// `item in container` (CPython's `PySequence_Contains`).
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(d) = container.downcast::<Dict>() {
            return d.contains(self, item);
        }
        if let Some(s) = container.downcast::<Set>() {
            return s.contains(self, item);
        }
        if let Some(s) = container.downcast::<StrObj>() {
            let Some(sub) = item.downcast::<StrObj>() else {
                return Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    tname(self, item)
                )));
            };
            let (h, n) = (s.as_bytes(), sub.as_bytes());
            return Ok(n.is_empty() || h.windows(n.len()).any(|w| w == n));
        }
        if let Some(r) = container.downcast::<RangeObj>() {
            if let (Value::Int(i), None) = (item, &r.big) {
                let (lo, hi, st) = (r.start, r.stop, r.step);
                let inside = if st > 0 {
                    lo <= *i && *i < hi
                } else {
                    hi < *i && *i <= lo
                };
                return Ok(inside && (i128::from(*i) - i128::from(lo)) % i128::from(st) == 0);
            }
            if let Some(found) = crate::builtins::range_big::contains(r, item) {
                return Ok(found);
            }
            // Not an exact int: CPython's `_PySequence_IterSearch`.
            let it = self.iter(container)?;
            while let Some(x) = self.next(&it)? {
                if self.eq_bool(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let items = if let Some(t) = container.downcast::<Tuple>() {
            Some(t.items(self.token()).to_vec())
        } else {
            container.downcast::<List>().map(|l| l.to_vec(self.token()))
        };
        if let Some(items) = items {
            for x in &items {
                if self.eq_bool(x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let key = crate::builtins::str::intern(self.token(), "__contains__");
        let t = container.type_ref();
        let m = t
            .downcast::<TypeObject>()
            .and_then(|tp| tp.lookup(self.token(), &Value::Obj(key.clone())));
        if m.is_some() {
            let f = self.getattr(container, &key)?;
            let r = self.call(&f, std::slice::from_ref(item), None)?;
            return self.is_true(&r);
        }
        if !self.is_iterable(container) {
            return Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                tname(self, container)
            )));
        }
        let it = self.iter(container)?;
        while let Some(x) = self.next(&it)? {
            if self.eq_bool(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Whether `iter(v)` would succeed without calling it.
    pub fn is_iterable(&mut self, v: &Value) -> bool {
        if v.downcast::<List>().is_some()
            || v.downcast::<Tuple>().is_some()
            || v.downcast::<StrObj>().is_some()
            || v.downcast::<Dict>().is_some()
            || v.downcast::<Set>().is_some()
            || v.downcast::<RangeObj>().is_some()
        {
            return true;
        }
        let t = slots(v);
        t.downcast::<TypeObject>()
            .is_some_and(|t| t.slots.iter.get().is_some() || t.slots.getitem.get().is_some())
    }

    /// `iter(v)` (CPython's `PyObject_GetIter`).
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let rt = crate::rt_types::rt();
        let t = slots(v);
        let tp = t.downcast::<TypeObject>();
        if let Some(f) = tp.and_then(|t| t.slots.iter.get()) {
            let r = f(self, v)?;
            let rt_ = r.type_ref();
            if rt_
                .downcast::<TypeObject>()
                .and_then(|t| t.slots.iternext.get())
                .is_none()
            {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    tname(self, &r)
                )));
            }
            return Ok(r);
        }
        if let Some(it) = self.payload_iter(v) {
            return Ok(it);
        }
        if tp.and_then(|t| t.slots.getitem.get()).is_some() {
            return Ok(Value::Obj(ObjRef::new(
                &rt.seq_getitem_iterator,
                crate::builtins::iter::SeqIter {
                    seq: PyCell::new(Some(v.clone())),
                    index: std::cell::Cell::new(0),
                },
            )));
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            tname(self, v)
        )))
    }

    /// The iterator of a list, tuple, str, dict or set payload (also inside a
    /// subclass instance), ignoring any `__iter__` a subclass defines: what
    /// `list.__iter__(x)` returns.
    pub fn payload_iter(&mut self, v: &Value) -> Option<Value> {
        let rt = crate::rt_types::rt();
        if v.downcast::<List>().is_some() {
            return Some(Value::Obj(SeqIter::alloc(&rt.list_iterator, v.clone())));
        }
        if v.downcast::<Tuple>().is_some() {
            return Some(Value::Obj(SeqIter::alloc(&rt.tuple_iterator, v.clone())));
        }
        if let Some(o) = v.as_obj().filter(|o| o.downcast::<StrObj>().is_some()) {
            return Some(Value::Obj(ObjRef::new(
                &rt.str_iterator,
                StrIter {
                    s: o.clone(),
                    pos: std::cell::Cell::new(0),
                },
            )));
        }
        if let (Some(d), Some(o)) = (v.downcast::<Dict>(), v.as_obj()) {
            let it = d.iter(self.token());
            return Some(Value::Obj(ObjRef::new(
                &rt.dict_iterator,
                DictKeyIter {
                    dict: o.clone(),
                    it: PyCell::new(it),
                    what: 0,
                },
            )));
        }
        if let (Some(_), Some(o)) = (v.downcast::<Set>(), v.as_obj()) {
            return Some(Value::Obj(crate::builtins::set::SetIter::alloc(
                self.token(),
                o,
            )));
        }
        None
    }

    /// `next(it)` without the `StopIteration`: `None` when exhausted (CPython's
    /// `tp_iternext` returning `NULL` without an error).
    #[inline]
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = it.downcast::<crate::builtins::range::RangeIter>() {
            return Ok(r.next_value().map(Value::Int));
        }
        let t = slots(it);
        match t
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.iternext.get())
        {
            // As `PyIter_Next`, a `StopIteration` raised by the iterator
            // (e.g. from `map`'s function) ends the iteration.
            Some(f) => match f(self, it) {
                Err(e) if e.kind == ExcKind::StopIteration => Ok(None),
                r => r,
            },
            None => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                tname(self, it)
            ))),
        }
    }

    /// All items of an iterable (`list(v)`'s contents).
    pub fn sequence_to_vec(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = v.downcast::<Tuple>() {
            return Ok(t.items(self.token()).to_vec());
        }
        if let Some(l) = v.downcast::<List>() {
            return Ok(l.to_vec(self.token()));
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `-v`, `+v`, `~v` by opcode.
    pub(crate) fn unary_op(&mut self, op: u8, v: &Value) -> PyResult<Value> {
        use crate::builtins::int;
        match (op, v) {
            (num::UNARY_NEGATIVE, Value::Int(i)) => return Ok(int::neg(IntRef::Small(*i))),
            (num::UNARY_NEGATIVE, Value::Float(f)) => {
                return Ok(crate::nan_identity::new_float(-f))
            }
            (num::UNARY_NEGATIVE, Value::Bool(b)) => return Ok(Value::Int(-(*b as i64))),
            (num::UNARY_POSITIVE, Value::Int(_) | Value::Float(_)) => return Ok(v.clone()),
            (num::UNARY_POSITIVE, Value::Bool(b)) => return Ok(Value::Int(*b as i64)),
            (num::UNARY_INVERT, Value::Int(i)) => return Ok(Value::Int(!i)),
            (num::UNARY_INVERT, Value::Bool(b)) => return Ok(Value::Int(!(*b as i64))),
            _ => {}
        }
        if let (num::UNARY_NEGATIVE, Some(IntRef::Big(_))) = (op, v.as_int()) {
            if let Some(i) = v.as_int() {
                return Ok(int::neg(i));
            }
        }
        if let (num::UNARY_INVERT, Some(i)) = (op, v.as_int()) {
            // ~x == -(x+1)
            let x1 = int::add(i, IntRef::Small(1));
            if let Some(j) = x1.as_int() {
                return Ok(int::neg(j));
            }
        }
        if let (num::UNARY_POSITIVE, Some(IntRef::Big(_))) = (op, v.as_int()) {
            return Ok(v.clone());
        }
        let t = slots(v);
        let f = t.downcast::<TypeObject>().and_then(|t| match op {
            num::UNARY_NEGATIVE => t.number.negative.get(),
            num::UNARY_POSITIVE => t.number.positive.get(),
            _ => t.number.invert.get(),
        });
        match f {
            Some(f) => f(self, v),
            // An instance of a float subclass without its own method.
            None if op != num::UNARY_INVERT && v.as_float().is_some() => {
                let x = v.as_float().unwrap_or_default();
                Ok(Value::Float(if op == num::UNARY_NEGATIVE { -x } else { x }))
            }
            None => Err(PyErr::type_error(format!(
                "bad operand type for unary {}: '{}'",
                match op {
                    num::UNARY_NEGATIVE => "-",
                    num::UNARY_POSITIVE => "+",
                    _ => "~",
                },
                tname(self, v)
            ))),
        }
    }

    /// `a op= b` (CPython's `PyNumber_InPlace*`): `list += iterable` extends in
    /// place; a user `__iadd__` & co. is tried; else the binary operator.
    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        if op == BinOp::Add {
            if let Some(l) = a.downcast::<List>() {
                let items = self.sequence_to_vec(b)?;
                for v in items {
                    l.append(self.token(), v);
                }
                return Ok(a.clone());
            }
        }
        if let Some(r) = crate::methods::containers::inplace_builtin(self, a, b, op)? {
            return Ok(r);
        }
        if let Value::Obj(_) = a {
            let name = crate::class::inplace_dunder(op);
            let t = a.type_ref();
            let key = crate::builtins::str::intern(self.token(), name);
            let found = t
                .downcast::<TypeObject>()
                .filter(|t| !t.is_builtin())
                .and_then(|tp| tp.lookup(self.token(), &Value::Obj(key.clone())));
            if found.is_some() {
                let m = self.getattr(a, &key)?;
                let r = self.call(&m, std::slice::from_ref(b), None)?;
                if !r.is(&Value::Obj(crate::rt_types::rt().not_implemented.clone())) {
                    return Ok(r);
                }
            }
        }
        let r = if op == BinOp::Power {
            self.power(a, b)
        } else {
            self.binary_op(a, b, op)
        };
        r.map_err(|mut e| {
            if e.exc.is_none() && e.msg.starts_with("unsupported operand type(s) for ") {
                let sym = op.symbol();
                let sym = if op == BinOp::Power { "**" } else { sym };
                e.msg =
                    e.msg
                        .replacen(&format!("for {}:", op.symbol()), &format!("for {sym}=:"), 1);
            }
            e
        })
    }

    /// Writes a str value to buffered stdout.
    pub(crate) fn write_stdout_value(&mut self, v: &Value) {
        if let Some(s) = v.downcast::<StrObj>() {
            let t = s.text().to_string_lossy();
            self.stdout.write(t.as_bytes());
        }
    }
}

fn has_index(v: &Value) -> bool {
    let t = v.type_ref();
    t.downcast::<TypeObject>()
        .is_some_and(|t| t.number.index.get().is_some())
}

#[cold]
fn overflow_index(vm: &mut Vm, v: &Value) -> PyErr {
    PyErr::new(
        ExcKind::IndexError,
        format!("cannot fit '{}' into an index-sized integer", tname(vm, v)),
    )
}
