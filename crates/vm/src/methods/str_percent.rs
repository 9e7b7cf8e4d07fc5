//! `str % args` (CPython's `PyUnicode_Format`): the VM side of
//! `common::percent_format::percent_format`. Installed as `str`'s `%` slot,
//! replacing the first version in `strformat.rs`.

use common::bigint::BigInt;
use common::error::{TextError, TextResult};
use common::percent_format::{percent_format, CharSource, PercentArgs};
use common::text::Text;

use super::{str_value, text_err, tname};
use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::types::TypeObject;
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// The right operand of `%`, seen by the common formatter. VM errors are kept in
/// `err` and surface when the formatter returns.
struct VmPercentArgs<'a> {
    vm: &'a mut Vm,
    operand: Value,
    items: Option<Vec<Value>>,
    mapping: bool,
    err: Option<PyErr>,
}

impl VmPercentArgs<'_> {
    fn keep<T>(&mut self, r: PyResult<T>) -> TextResult<T> {
        r.map_err(|e| {
            self.err = Some(e);
            TextError::value("")
        })
    }
}

fn has_slot(v: &Value, pick: impl Fn(&TypeObject) -> bool) -> bool {
    v.type_ref().downcast::<TypeObject>().is_some_and(pick)
}

fn has_index(v: &Value) -> bool {
    has_slot(v, |t| t.number.index.get().is_some())
}

impl PercentArgs for VmPercentArgs<'_> {
    type Value = Value;

    fn tuple_len(&self) -> Option<usize> {
        self.items.as_ref().map(Vec::len)
    }

    fn tuple_item(&mut self, i: usize) -> Value {
        self.items
            .as_ref()
            .and_then(|v| v.get(i).cloned())
            .unwrap_or_default()
    }

    fn whole(&mut self) -> Value {
        self.operand.clone()
    }

    fn is_mapping(&self) -> bool {
        self.mapping
    }

    fn get_item(&mut self, key: &Text) -> TextResult<Value> {
        let op = self.operand.clone();
        let r = self.vm.getitem(&op, &str_value(key.clone()));
        self.keep(r)
    }

    fn exact_int(&mut self, v: &Value) -> Option<BigInt> {
        v.as_int().map(IntRef::to_bigint)
    }

    fn to_text(&mut self, v: &Value, conversion: char) -> TextResult<Text> {
        let r = match conversion {
            'r' => self.vm.repr(v),
            'a' => self.vm.ascii(v),
            _ => self.vm.str(v),
        };
        let r = self.keep(r)?;
        Ok(r.downcast::<StrObj>()
            .map(|s| s.text().clone())
            .unwrap_or_default())
    }

    fn to_integer(&mut self, v: &Value, index_only: bool) -> TextResult<Option<BigInt>> {
        if let Some(i) = v.as_int() {
            return Ok(Some(IntRef::to_bigint(i)));
        }
        if !index_only {
            if let Some(f) = v.as_float() {
                return common::format_number::float_to_int(f).map(Some);
            }
        }
        if has_index(v) {
            let r = self.vm.index_i64(v);
            return match r {
                Ok(i) => Ok(Some(BigInt::from(i))),
                Err(e) if e.is_kind(ExcKind::TypeError) => Ok(None),
                Err(e) => self.keep(Err(e)),
            };
        }
        Ok(None)
    }

    fn to_float(&mut self, v: &Value) -> TextResult<Option<f64>> {
        match v.as_float() {
            Some(f) => Ok(Some(f)),
            None => match v.as_int() {
                Some(i) => {
                    let r = crate::arith::int_to_f64(i);
                    self.keep(r).map(Some)
                }
                None => Ok(None),
            },
        }
    }

    fn char_source(&mut self, v: &Value) -> TextResult<CharSource> {
        if let Some(s) = v.downcast::<StrObj>() {
            return Ok(CharSource::Str(s.text().clone()));
        }
        if let Some(i) = v.as_int() {
            return Ok(CharSource::Int(IntRef::to_bigint(i)));
        }
        if has_index(v) {
            let r = self.vm.index_i64(v);
            return self.keep(r).map(|i| CharSource::Int(BigInt::from(i)));
        }
        Ok(CharSource::Neither)
    }

    fn type_name(&mut self, v: &Value) -> String {
        tname(self.vm, v)
    }
}

/// Whether `%` treats the operand as a mapping (CPython: `PyMapping_Check` and not
/// a tuple or str): it has `__getitem__`.
fn is_mapping(v: &Value) -> bool {
    if v.downcast::<Tuple>().is_some() || v.downcast::<StrObj>().is_some() {
        return false;
    }
    v.downcast::<Dict>().is_some()
        || v.downcast::<List>().is_some()
        || v.downcast::<crate::builtins::range::RangeObj>().is_some()
        || has_slot(v, |t| t.slots.getitem.get().is_some())
}

/// The `%` slot of `str`: `NotImplemented` unless the left operand is a `str`.
pub fn str_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(fmt) = a.downcast::<StrObj>() else {
        return Ok(None);
    };
    let fmt = fmt.text().clone();
    let items = b.downcast::<Tuple>().map(|t| t.items(vm.token()).to_vec());
    let mut args = VmPercentArgs {
        vm,
        operand: b.clone(),
        items,
        mapping: is_mapping(b),
        err: None,
    };
    match percent_format(&fmt, &mut args, crate::builtins::repr::INT_MAX_STR_DIGITS) {
        Ok(t) => Ok(Some(str_value(t))),
        Err(e) => Err(args.err.take().unwrap_or_else(|| text_err(e))),
    }
}

/// Makes [`str_mod`] the `%` operator of `str`.
pub fn install() {
    let b = crate::types::builtin_types();
    if let Some(t) = b.str_.downcast::<TypeObject>() {
        t.number.remainder.set(Some(str_mod));
    }
}
