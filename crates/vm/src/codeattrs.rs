//! Code objects' Python-level attributes and methods (CPython's
//! `code_memberlist`, `code_getsetlist` and `code_methods` in
//! `Objects/codeobject.c`): the `co_*` fields, `co_lines()`,
//! `co_positions()`, `_varname_from_oparg`, `replace()`, `repr`, `==`/`hash`.

use common::text::Text;

use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::code::CodeObj;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Token};
use crate::types::CompareOp;
use crate::value::Value;
use crate::vm::Vm;

fn code_of(v: &Value) -> PyResult<&CodeObj> {
    v.downcast::<CodeObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'code' object"))
}

fn texts(items: &[Text]) -> Value {
    Value::Obj(Tuple::alloc(
        items
            .iter()
            .map(|t| Value::Obj(crate::builtins::str::StrObj::alloc_text(t.clone())))
            .collect(),
    ))
}

fn text(t: &Text) -> Value {
    Value::Obj(StrObj::alloc_text(t.clone()))
}

fn opt_int(v: Option<i32>) -> Value {
    v.map_or(Value::None, |n| Value::Int(n as i64))
}

/// Attribute lookup on code objects: the `co_*` fields, then the type's
/// methods.
pub fn code_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let attr = name.downcast::<StrObj>().and_then(StrObj::as_str);
    if let (Some(attr), Some(co)) = (attr, obj.downcast::<CodeObj>()) {
        let d = &co.data;
        let v = match attr {
            "co_argcount" => Some(Value::Int(d.argcount as i64)),
            "co_posonlyargcount" => Some(Value::Int(d.posonlyargcount as i64)),
            "co_kwonlyargcount" => Some(Value::Int(d.kwonlyargcount as i64)),
            "co_stacksize" => Some(Value::Int(d.stacksize as i64)),
            "co_flags" => Some(Value::Int(d.flags as i64)),
            "co_firstlineno" => Some(Value::Int(d.firstlineno as i64)),
            "co_nlocals" => Some(Value::Int(d.nlocals() as i64)),
            "co_consts" => Some(Value::Obj(Tuple::alloc(co.consts.to_vec()))),
            "co_names" => Some(texts(&d.names)),
            "co_varnames" => Some(texts(&d.varnames())),
            "co_cellvars" => Some(texts(&d.cellvars())),
            "co_freevars" => Some(texts(&d.freevars())),
            "co_filename" => Some(text(&d.filename)),
            "co_name" => Some(text(&d.name)),
            "co_qualname" => Some(text(&d.qualname)),
            _ => None,
        };
        if let Some(v) = v {
            return Ok(v);
        }
        let raw = match attr {
            "co_code" => Some(d.code.clone()),
            "_co_code_adaptive" => Some(co.instrs.to_vec()),
            "co_linetable" => Some(d.linetable.clone()),
            "co_exceptiontable" => Some(d.exceptiontable.clone()),
            "co_lnotab" => Some(d.lnotab()),
            _ => None,
        };
        if let Some(raw) = raw {
            return bytes_value(vm, &raw);
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// A `bytes` object holding `raw`, made by calling the builtin `bytes` on a
/// list of ints (the VM's bytes type lives with the builtin types' methods).
fn bytes_value(vm: &mut Vm, raw: &[u8]) -> PyResult<Value> {
    let key = Value::Obj(crate::builtins::str::intern(vm.token(), "bytes"));
    let b = vm.builtins.clone();
    let ctor = b
        .downcast::<crate::builtins::dict::Dict>()
        .and_then(|d| d.get_str(vm.token(), &key));
    let Some(ctor) = ctor else {
        return Err(PyErr::new(
            crate::error::ExcKind::NotImplementedError,
            "code attributes of type bytes need the bytes type",
        ));
    };
    let items = raw.iter().map(|&x| Value::Int(x as i64)).collect();
    let list = Value::Obj(crate::builtins::list::List::alloc(items));
    vm.call(&ctor, &[list], None)
}

/// `code.__repr__`: `<code object f at 0x..., file "x.py", line 1>`.
pub fn code_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let co = code_of(v)?;
    let id = v.as_obj().map_or(0, ObjRef::id);
    Ok(new_str(&format!(
        "<code object {} at {id:#x}, file \"{}\", line {}>",
        co.data.name.to_string_lossy(),
        co.data.filename.to_string_lossy(),
        co.data.firstlineno
    )))
}

/// The fields `==` compares (CPython's `code_richcompare`, minus constants
/// compared by identity of nested code).
fn same_code(a: &CodeObj, b: &CodeObj) -> bool {
    let (x, y) = (&a.data, &b.data);
    x.name == y.name
        && x.qualname == y.qualname
        && x.argcount == y.argcount
        && x.posonlyargcount == y.posonlyargcount
        && x.kwonlyargcount == y.kwonlyargcount
        && x.flags == y.flags
        && x.firstlineno == y.firstlineno
        && x.code == y.code
        && x.consts == y.consts
        && x.names == y.names
        && x.localsplusnames == y.localsplusnames
        && x.linetable == y.linetable
        && x.exceptiontable == y.exceptiontable
}

/// `code.__eq__`/`__ne__`.
fn code_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (a.downcast::<CodeObj>(), b.downcast::<CodeObj>()) else {
        return Ok(None);
    };
    match op {
        CompareOp::Eq => Ok(Some(Value::Bool(same_code(x, y)))),
        CompareOp::Ne => Ok(Some(Value::Bool(!same_code(x, y)))),
        _ => Ok(None),
    }
}

/// `code.__hash__`: from the name, flags, first line and bytecode.
fn code_hash(_vm: &mut Vm, v: &Value) -> PyResult<isize> {
    use std::hash::{Hash, Hasher};
    let co = code_of(v)?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    co.data.name.to_string_lossy().hash(&mut h);
    co.data.flags.hash(&mut h);
    co.data.firstlineno.hash(&mut h);
    co.data.code.hash(&mut h);
    let r = h.finish() as isize;
    Ok(if r == -1 { -2 } else { r })
}

/// `code.co_lines()`: an iterator of `(start, end, line)`.
fn co_lines(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let co = code_of(args.first().unwrap_or(&Value::None))?;
    let items: Vec<Value> = co
        .data
        .lines()
        .into_iter()
        .map(|(s, e, l)| {
            Value::Obj(Tuple::alloc(vec![
                Value::Int(s as i64),
                Value::Int(e as i64),
                opt_int(l),
            ]))
        })
        .collect();
    vm.iter(&Value::Obj(Tuple::alloc(items)))
}

/// `code.co_positions()`: an iterator of `(line, end_line, col, end_col)`
/// per code unit.
fn co_positions(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let co = code_of(args.first().unwrap_or(&Value::None))?;
    let items: Vec<Value> = co
        .data
        .positions()
        .into_iter()
        .map(|(a, b, c, d)| {
            Value::Obj(Tuple::alloc(vec![
                opt_int(a),
                opt_int(b),
                opt_int(c),
                opt_int(d),
            ]))
        })
        .collect();
    vm.iter(&Value::Obj(Tuple::alloc(items)))
}

/// `code._varname_from_oparg(i)`.
fn varname_from_oparg(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let co = code_of(args.first().unwrap_or(&Value::None))?;
    let i = match args.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => return Err(PyErr::type_error("_varname_from_oparg() missing oparg")),
    };
    usize::try_from(i)
        .ok()
        .and_then(|i| co.data.varname_from_oparg(i))
        .map(text)
        .ok_or_else(|| {
            PyErr::new(
                crate::error::ExcKind::IndexError,
                "tuple index out of range",
            )
        })
}

/// `code.replace(**changes)`: a copy with the named `co_*` fields changed
/// (strings and integers; other fields raise `NotImplementedError` for now).
fn replace(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let co = code_of(args.first().unwrap_or(&Value::None))?;
    let kws: Vec<Value> = kw
        .and_then(|k| k.downcast::<Tuple>())
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    if args.len() != 1 + kws.len() {
        return Err(PyErr::type_error("replace() takes no positional arguments"));
    }
    let mut data = co.data.clone();
    for (k, v) in kws.iter().zip(&args[1..]) {
        let name = k
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .unwrap_or("")
            .to_owned();
        let as_text = |v: &Value| -> PyResult<Text> {
            v.downcast::<StrObj>()
                .map(|s| s.text().clone())
                .ok_or_else(|| {
                    PyErr::type_error(format!("replace() argument '{name}' must be str"))
                })
        };
        match name.as_str() {
            "co_name" => data.name = as_text(v)?,
            "co_qualname" => data.qualname = as_text(v)?,
            "co_filename" => data.filename = as_text(v)?,
            "co_firstlineno" => data.firstlineno = vm.index_i64(v)? as i32,
            "co_flags" => data.flags = vm.index_i64(v)? as u32,
            "co_stacksize" => data.stacksize = vm.index_i64(v)? as u32,
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_code"
            | "co_consts" | "co_names" | "co_varnames" | "co_freevars" | "co_cellvars"
            | "co_linetable" | "co_exceptiontable" | "co_nlocals" => {
                return Err(PyErr::new(
                    crate::error::ExcKind::NotImplementedError,
                    format!("code.replace({name}=...) is not supported yet"),
                ))
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{name}' is an invalid keyword argument for replace()"
                )))
            }
        }
    }
    Ok(Value::Obj(CodeObj::alloc(vm.token(), data)?))
}

/// Sets up the `code` type's slots and methods.
pub fn install(token: &mut Token, ty: &ObjRef) {
    if let Some(t) = ty.downcast::<crate::types::TypeObject>() {
        t.slots.getattro.set(Some(code_getattro));
        t.slots.repr.set(Some(code_repr));
        t.slots.richcompare.set(Some(code_richcompare));
        t.slots.hash.set(Some(code_hash));
    }
    crate::calls::add_method(token, ty, "co_lines", co_lines);
    crate::calls::add_method(token, ty, "co_positions", co_positions);
    crate::calls::add_method(token, ty, "_varname_from_oparg", varname_from_oparg);
    crate::calls::add_method(token, ty, "replace", replace);
}
