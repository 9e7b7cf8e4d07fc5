//! The `_opcode` module (CPython's `Modules/_opcode.c`): `stack_effect` from
//! the compiler's opcode table, with CPython's `ValueError`s.

use vm::calls::ArgSpec;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::new_module;

fn stack_effect(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [jump]) = ArgSpec::parse(vm, "stack_effect", args, kw, ["jump"])?;
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "stack_effect expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    let op = vm.index_i64(&pos[0])?;
    let oparg = match pos.get(1) {
        Some(v) if !v.is_none() => Some(vm.index_i64(v)?),
        _ => None,
    };
    let jump = match jump {
        None | Some(Value::None) => None,
        Some(j) => Some(vm.is_true(&j)?),
    };
    let invalid = || PyErr::value_error("invalid opcode or oparg");
    let has_arg = op >= i64::from(compiler::opcode::HAVE_ARGUMENT);
    match (has_arg, oparg) {
        (true, None) => {
            return Err(PyErr::value_error(
                "stack_effect: opcode requires oparg but oparg was not specified",
            ))
        }
        (false, Some(_)) => {
            return Err(PyErr::value_error(
                "stack_effect: opcode does not permit oparg but oparg was specified",
            ))
        }
        _ => {}
    }
    let op = u8::try_from(op).map_err(|_| invalid())?;
    let oparg = u32::try_from(oparg.unwrap_or(0)).map_err(|_| invalid())?;
    match compiler::opcode::stack_effect(op, oparg, jump) {
        Some(e) => Ok(Value::Int(i64::from(e))),
        None => Err(invalid()),
    }
}

/// Creates the `_opcode` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    Ok(new_module(vm, "_opcode", &[("stack_effect", stack_effect)]))
}
