//! `repr()` of the builtin types (CPython's `*_repr` functions): scalars through
//! `common::repr` (shared with the AST printer, so both print the same
//! characters), containers item by item with no borrow held while an item's
//! `__repr__` runs, and CPython's recursion markers (`[...]`, `{...}`, `(...)`,
//! `Py_ReprEnter`) for containers that contain themselves.

use common::text::Text;

use crate::builtins::dict::Dict;
use crate::builtins::int::IntObj;
use crate::builtins::list::List;
use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `int.__repr__`: decimal digits; more than 4300 digits is CPython 3.11's
/// `ValueError`.
pub fn int_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = match v {
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => (*b as i64).to_string(),
        _ => match v.downcast::<IntObj>() {
            Some(b) => {
                let s = common::repr::repr_int(&b.value);
                if s.trim_start_matches('-').len() > INT_MAX_STR_DIGITS {
                    return Err(PyErr::new(
                        ExcKind::ValueError,
                        format!(
                            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string \
                             conversion; use sys.set_int_max_str_digits() to increase the limit"
                        ),
                    ));
                }
                s
            }
            None => String::new(),
        },
    };
    Ok(new_str(&s))
}

/// `bool.__repr__`.
pub fn bool_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(if matches!(v, Value::Bool(true)) {
        "True"
    } else {
        "False"
    }))
}

/// `NoneType.__repr__`.
pub fn none_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(new_str("None"))
}

/// `float.__repr__` (shortest round-trip digits, CPython's `float_repr`).
pub fn float_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = v.as_float().unwrap_or(0.0);
    Ok(new_str(&common::repr::repr_float(f)))
}

fn type_display_name(vm: &mut Vm, t: &TypeObject) -> String {
    // A class's `__module__` entry wins over the one recorded at creation
    // (CPython's `type_module`: `namedtuple(..., module=...)` assigns it).
    let key = Value::Obj(crate::builtins::str::intern(vm.token(), "__module__"));
    let module = t
        .dict
        .get_str(vm.token(), &key)
        .and_then(|m| {
            m.downcast::<StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| t.module(vm.token()));
    let qualname = t.qualname(vm.token());
    if module == "builtins" {
        qualname
    } else {
        format!("{module}.{qualname}")
    }
}

/// `object.__repr__`: `<module.Qualname object at 0x...>`.
pub fn object_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = v.type_ref();
    let name = match ty.downcast::<TypeObject>() {
        Some(t) => type_display_name(vm, t),
        None => "?".to_owned(),
    };
    let id = v.as_obj().map_or(0, |o| o.id());
    Ok(new_str(&format!("<{name} object at {id:#x}>")))
}

/// `type.__repr__`: `<class 'module.Qualname'>`.
pub fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = match v.downcast::<TypeObject>() {
        Some(t) => type_display_name(vm, t),
        None => "?".to_owned(),
    };
    Ok(new_str(&format!("<class '{name}'>")))
}

/// Appends `repr(v)` to `out`.
fn push_repr(vm: &mut Vm, out: &mut Text, v: &Value) -> PyResult<()> {
    let r = vm.repr(v)?;
    if let Some(s) = r.downcast::<StrObj>() {
        out.push_text(s.text());
    }
    Ok(())
}

/// Runs `body` unless `v` is already being repr'd further up (then returns
/// `marker`), like CPython's `Py_ReprEnter`/`Py_ReprLeave`.
fn with_repr_guard(
    vm: &mut Vm,
    v: &Value,
    marker: &str,
    body: impl FnOnce(&mut Vm, &mut Text) -> PyResult<()>,
) -> PyResult<Value> {
    let id = v.as_obj().map_or(0, |o| o.id());
    if !vm.repr_enter(id) {
        return Ok(new_str(marker));
    }
    let mut out = Text::new();
    let r = body(vm, &mut out);
    vm.repr_leave(id);
    r?;
    Ok(Value::Obj(StrObj::alloc_text(out)))
}

/// `tuple.__repr__`: `()`, `(x,)`, `(x, y)`.
pub fn tuple_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast::<Tuple>() else {
        return Ok(new_str("()"));
    };
    if t.is_empty(vm.token()) {
        return Ok(new_str("()"));
    }
    with_repr_guard(vm, v, "(...)", |vm, out| {
        out.push_str("(");
        let mut i = 0;
        while let Some(item) = t.get(vm.token(), i) {
            if i > 0 {
                out.push_str(", ");
            }
            push_repr(vm, out, &item)?;
            i += 1;
        }
        out.push_str(if i == 1 { ",)" } else { ")" });
        Ok(())
    })
}

/// `list.__repr__`: `[x, y]`, items read afresh at each step (a list mutated by
/// an item's `__repr__` is printed as it is then, as CPython does).
pub fn list_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(l) = v.downcast::<List>() else {
        return Ok(new_str("[]"));
    };
    if l.is_empty(vm.token()) {
        return Ok(new_str("[]"));
    }
    with_repr_guard(vm, v, "[...]", |vm, out| {
        out.push_str("[");
        let mut i = 0;
        while let Some(item) = l.get(vm.token(), i) {
            if i > 0 {
                out.push_str(", ");
            }
            push_repr(vm, out, &item)?;
            i += 1;
        }
        out.push_str("]");
        Ok(())
    })
}

/// `dict.__repr__`: `{k: v, ...}` over a snapshot of the items.
pub fn dict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(d) = v.downcast::<Dict>() else {
        return Ok(new_str("{}"));
    };
    if d.is_empty(vm.token()) {
        return Ok(new_str("{}"));
    }
    with_repr_guard(vm, v, "{...}", |vm, out| {
        out.push_str("{");
        for (i, (k, val)) in d.items(vm.token()).into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_repr(vm, out, &k)?;
            out.push_str(": ");
            push_repr(vm, out, &val)?;
        }
        out.push_str("}");
        Ok(())
    })
}
