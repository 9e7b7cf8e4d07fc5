//! Instances of Python subclasses of `int` (`class Meters(int)`): a heap object
//! whose payload is `Subclassed<IntObj>` holding the value, in or out of the
//! `i64` range (CPython's `long_subtype_new`). Exact ints keep their inline /
//! normalized big-int forms; `Value::as_int` reads a subclass instance's value
//! as a small int when it fits, so arithmetic, comparison, hashing and
//! formatting see the number and return plain ints.

use crate::builtins::int::IntObj;
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::type_name;
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// A new instance of the `int` subclass `cls` with the int value `v`.
pub fn new(vm: &mut Vm, cls: &ObjRef, v: &Value) -> PyResult<Value> {
    let value = match v.as_int() {
        Some(IntRef::Small(i)) => common::bigint::BigInt::from(i),
        Some(IntRef::Big(b)) => b.clone(),
        None => {
            return Err(PyErr::type_error(format!(
                "int.__new__ returned non-int (type {})",
                type_name(vm.token(), &v.type_ref())
            )))
        }
    };
    crate::builtins::subclassed::new_instance(vm.token(), cls, IntObj { value }, "int")
        .map(Value::Obj)
}
