//! `bytes % args` (CPython's `_PyBytes_FormatEx`): the VM side of
//! `common::percent_format::percent_format_bytes`.

use common::bigint::BigInt;
use common::error::{TextError, TextResult};
use common::percent_format::{percent_format_bytes, ByteSource, PercentBytesArgs};

use super::bytes::{bytes_of, new_bytes};
use super::{text_err, tname};
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::types::TypeObject;
use crate::value::{IntRef, Value};
use crate::vm::Vm;

struct VmBytesArgs<'a> {
    vm: &'a mut Vm,
    operand: Value,
    items: Option<Vec<Value>>,
    mapping: bool,
    err: Option<PyErr>,
}

impl VmBytesArgs<'_> {
    fn keep<T>(&mut self, r: PyResult<T>) -> TextResult<T> {
        r.map_err(|e| {
            self.err = Some(e);
            TextError::value("")
        })
    }
}

fn has_index(v: &Value) -> bool {
    v.type_ref()
        .downcast::<TypeObject>()
        .is_some_and(|t| t.number.index.get().is_some())
}

impl PercentBytesArgs for VmBytesArgs<'_> {
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

    fn get_item(&mut self, key: &[u8]) -> TextResult<Value> {
        let op = self.operand.clone();
        let r = self.vm.getitem(&op, &new_bytes(key.to_vec(), false));
        self.keep(r)
    }

    fn exact_int(&mut self, v: &Value) -> Option<BigInt> {
        v.as_int().map(IntRef::to_bigint)
    }

    fn to_bytes(&mut self, v: &Value) -> TextResult<Option<Vec<u8>>> {
        Ok(bytes_of(self.vm.token(), v))
    }

    fn ascii(&mut self, v: &Value) -> TextResult<Vec<u8>> {
        let r = self.vm.ascii(v);
        let r = self.keep(r)?;
        Ok(r.downcast::<StrObj>()
            .map(|s| s.as_bytes().to_vec())
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
            return match self.vm.index_i64(v) {
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

    fn byte_source(&mut self, v: &Value) -> TextResult<ByteSource> {
        if let Some(b) = bytes_of(self.vm.token(), v) {
            return Ok(ByteSource::Bytes(b));
        }
        if let Some(i) = v.as_int() {
            return Ok(ByteSource::Int(IntRef::to_bigint(i)));
        }
        if has_index(v) {
            let r = self.vm.index_i64(v);
            return self.keep(r).map(|i| ByteSource::Int(BigInt::from(i)));
        }
        Ok(ByteSource::Neither)
    }

    fn type_name(&mut self, v: &Value) -> String {
        tname(self.vm, v)
    }
}

/// `fmt % b` for a bytes template.
pub fn bytes_mod(vm: &mut Vm, fmt: &[u8], b: &Value) -> PyResult<Vec<u8>> {
    let items = b.downcast::<Tuple>().map(|t| t.items(vm.token()).to_vec());
    let mapping = items.is_none()
        && b.downcast::<StrObj>().is_none()
        && bytes_of(vm.token(), b).is_none()
        && b.type_ref()
            .downcast::<TypeObject>()
            .is_some_and(|t| t.slots.getitem.get().is_some());
    let mapping = mapping || b.downcast::<crate::builtins::dict::Dict>().is_some();
    let mut args = VmBytesArgs {
        vm,
        operand: b.clone(),
        items,
        mapping,
        err: None,
    };
    match percent_format_bytes(fmt, &mut args, crate::builtins::repr::INT_MAX_STR_DIGITS) {
        Ok(r) => Ok(r),
        Err(e) => Err(args.err.take().unwrap_or_else(|| text_err(e))),
    }
}
