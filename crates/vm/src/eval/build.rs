//! Building and unpacking collections (`BUILD_*`, `LIST_EXTEND`, `DICT_MERGE`,
//! `UNPACK_*`) and f-strings (`FORMAT_VALUE`, `BUILD_STRING`).

use super::bad_code;
use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::set::Set;
use crate::builtins::slice::SliceObj;
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{builtin_types, type_name};
use crate::value::Value;
use crate::vm::Vm;
use common::text::Text;
use compiler::opcode::num::*;

impl Vm {
    /// Pops the top `n` values, bottom first.
    pub(crate) fn pop_n(&mut self, n: usize) -> PyResult<Vec<Value>> {
        let len = self.stack.len();
        let start = len
            .checked_sub(n)
            .ok_or_else(|| bad_code("stack underflow"))?;
        Ok(self
            .stack
            .drain(start..)
            .map(Option::unwrap_or_default)
            .collect())
    }

    #[inline(never)]
    pub(crate) fn build(&mut self, op: u8, arg: u32) -> PyResult<()> {
        let n = arg as usize;
        let v = match op {
            BUILD_TUPLE => Value::Obj(Tuple::alloc(self.pop_n(n)?)),
            BUILD_LIST => Value::Obj(List::alloc(self.pop_n(n)?)),
            LIST_TO_TUPLE => {
                let l = self.pop();
                let items = l
                    .downcast::<List>()
                    .map(|l| l.to_vec(&self.token))
                    .unwrap_or_default();
                Value::Obj(Tuple::alloc(items))
            }
            BUILD_SET => {
                let items = self.pop_n(n)?;
                let s = Set::alloc_empty();
                if let Some(set) = s.downcast::<Set>() {
                    for v in items {
                        set.add(self, v)?;
                    }
                }
                Value::Obj(s)
            }
            BUILD_MAP => {
                let items = self.pop_n(2 * n)?;
                let d = ObjRef::new(&builtin_types().dict, Dict::new());
                if let Some(dict) = d.downcast::<Dict>() {
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        dict.set(self, k, v)?;
                    }
                }
                Value::Obj(d)
            }
            BUILD_CONST_KEY_MAP => {
                let keys = self.pop();
                let values = self.pop_n(n)?;
                let keys = keys
                    .downcast::<Tuple>()
                    .map(|t| t.items(&self.token).to_vec())
                    .unwrap_or_default();
                let d = ObjRef::new(&builtin_types().dict, Dict::new());
                if let Some(dict) = d.downcast::<Dict>() {
                    for (k, v) in keys.into_iter().zip(values) {
                        dict.set(self, k, v)?;
                    }
                }
                Value::Obj(d)
            }
            BUILD_STRING => {
                let parts = self.pop_n(n)?;
                let mut t = Text::new();
                for p in &parts {
                    if let Some(s) = p.downcast::<StrObj>() {
                        t.push_text(s.text());
                    }
                }
                Value::Obj(StrObj::alloc_text(t))
            }
            BUILD_SLICE => {
                let items = self.pop_n(n)?;
                let (start, stop, step) = match items.as_slice() {
                    [a, b] => (a.clone(), b.clone(), Value::None),
                    [a, b, c] => (a.clone(), b.clone(), c.clone()),
                    _ => return Err(bad_code("BUILD_SLICE")),
                };
                Value::Obj(SliceObj::alloc(start, stop, step))
            }
            _ => return Err(bad_code("build")),
        };
        self.push(v);
        Ok(())
    }

    /// `SET_ADD`, `MAP_ADD`, `LIST_EXTEND`, `SET_UPDATE`, `DICT_UPDATE`,
    /// `DICT_MERGE`: the collection is `arg` deep under the operand(s).
    #[inline(never)]
    pub(crate) fn collection_update(&mut self, op: u8, arg: u32) -> PyResult<()> {
        let n = arg as usize;
        match op {
            MAP_ADD => {
                let v = self.pop();
                let k = self.pop();
                let d = self.peek(n);
                let dict = d.downcast::<Dict>().ok_or_else(|| bad_code("MAP_ADD"))?;
                dict.set(self, k, v)
            }
            SET_ADD => {
                let v = self.pop();
                let s = self.peek(n);
                let set = s.downcast::<Set>().ok_or_else(|| bad_code("SET_ADD"))?;
                set.add(self, v)
            }
            LIST_EXTEND => {
                let it = self.pop();
                let l = self.peek(n);
                let items = match self.sequence_to_vec(&it) {
                    Ok(v) => v,
                    Err(e)
                        if e.kind == ExcKind::TypeError
                            && e.exc.is_none()
                            && !self.is_iterable(&it) =>
                    {
                        return Err(PyErr::type_error(format!(
                            "Value after * must be an iterable, not {}",
                            type_name(&self.token, &it.type_ref())
                        )))
                    }
                    Err(e) => return Err(e),
                };
                let list = l
                    .downcast::<List>()
                    .ok_or_else(|| bad_code("LIST_EXTEND"))?;
                for v in items {
                    list.append(&mut self.token, v);
                }
                Ok(())
            }
            SET_UPDATE => {
                let it = self.pop();
                let s = self.peek(n);
                let set = s.downcast::<Set>().ok_or_else(|| bad_code("SET_UPDATE"))?;
                crate::builtins::set_algo::update_internal(self, set, &it)
            }
            DICT_UPDATE | DICT_MERGE => {
                let other = self.pop();
                let d = self.peek(n);
                let Some(src) = other.downcast::<Dict>() else {
                    let tn = type_name(&self.token, &other.type_ref());
                    let f = self.peek(n + 2);
                    let fname = self.function_str(&f);
                    return Err(PyErr::type_error(if op == DICT_MERGE {
                        format!("{fname} argument after ** must be a mapping, not {tn}")
                    } else {
                        format!("'{tn}' object is not a mapping")
                    }));
                };
                let items = src.items(&self.token);
                let dict = d
                    .downcast::<Dict>()
                    .ok_or_else(|| bad_code("DICT_UPDATE"))?;
                for (k, v) in items {
                    if op == DICT_MERGE && dict.get(self, &k)?.is_some() {
                        let r = self.repr(&k)?;
                        let ks = r
                            .downcast::<StrObj>()
                            .map(|s| s.text().to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let f = self.peek(n + 2);
                        let fname = self.function_str(&f);
                        return Err(PyErr::type_error(format!(
                            "{fname} got multiple values for keyword argument {ks}"
                        )));
                    }
                    dict.set(self, k, v)?;
                }
                Ok(())
            }
            _ => Err(bad_code("collection update")),
        }
    }

    /// How CPython names a callable in call errors (`_PyObject_FunctionStr`):
    /// `module.qualname()`, without the module for builtins.
    pub(crate) fn function_str(&mut self, f: &Value) -> String {
        let q = intern(&mut self.token, "__qualname__");
        let m = intern(&mut self.token, "__module__");
        let qual = self.getattr(f, &q).ok().and_then(|v| {
            v.downcast::<StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
        });
        let Some(qual) = qual else {
            let r = self.str(f).ok().and_then(|v| {
                v.downcast::<StrObj>()
                    .map(|s| s.text().to_string_lossy().into_owned())
            });
            return format!("{} object", r.unwrap_or_default());
        };
        let module = self.getattr(f, &m).ok().and_then(|v| {
            v.downcast::<StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
        });
        match module {
            Some(m) if m != "builtins" => format!("{m}.{qual}()"),
            _ => format!("{qual}()"),
        }
    }

    /// `UNPACK_SEQUENCE n`: pushes the items of the top value, last first.
    pub(crate) fn unpack_sequence(&mut self, n: usize) -> PyResult<()> {
        let seq = self.pop();
        let items = match (seq.downcast::<Tuple>(), seq.downcast::<List>()) {
            (Some(t), _) => t.items(&self.token).to_vec(),
            (_, Some(l)) => l.to_vec(&self.token),
            _ => {
                if !self.is_iterable(&seq) {
                    return Err(PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        type_name(&self.token, &seq.type_ref())
                    )));
                }
                // Stop after n + 1 items, as CPython does.
                let it = self.iter(&seq)?;
                let mut v = Vec::with_capacity(n);
                while v.len() <= n {
                    match self.next(&it)? {
                        Some(x) => v.push(x),
                        None => break,
                    }
                }
                v
            }
        };
        if items.len() < n {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() > n {
            // 3.11 gives no count here, whatever the iterable (3.12 adds one).
            return Err(PyErr::value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        for v in items.into_iter().rev() {
            self.push(v);
        }
        Ok(())
    }

    /// `UNPACK_EX (after << 8) | before`: `a, *b, c = seq`.
    #[inline(never)]
    pub(crate) fn unpack_ex(&mut self, arg: u32) -> PyResult<()> {
        let before = (arg & 0xff) as usize;
        let after = (arg >> 8) as usize;
        let seq = self.pop();
        if !self.is_iterable(&seq) {
            return Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {} object",
                type_name(&self.token, &seq.type_ref())
            )));
        }
        let items = self.sequence_to_vec(&seq)?;
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mid_end = items.len() - after;
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend_from_slice(&items[..before]);
        out.push(Value::Obj(List::alloc(items[before..mid_end].to_vec())));
        out.extend_from_slice(&items[mid_end..]);
        for v in out.into_iter().rev() {
            self.push(v);
        }
        Ok(())
    }

    /// `FORMAT_VALUE flags`: conversion (`!s`, `!r`, `!a`) then `format(v, spec)`.
    #[inline(never)]
    pub(crate) fn format_value(&mut self, flags: u32) -> PyResult<()> {
        let spec = if flags & 4 != 0 {
            Some(self.pop())
        } else {
            None
        };
        let mut v = self.pop();
        v = match flags & 3 {
            1 => self.str(&v)?,
            2 => self.repr(&v)?,
            3 => self.ascii(&v)?,
            _ => v,
        };
        let r = match spec {
            None if v.as_obj().is_some_and(|o| o.type_is(&builtin_types().str_)) => v,
            None => {
                let empty = Value::Obj(crate::builtins::str::intern(&mut self.token, ""));
                self.format(&v, &empty)?
            }
            Some(s) => self.format(&v, &s)?,
        };
        self.push(r);
        Ok(())
    }
}
