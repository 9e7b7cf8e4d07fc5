//! The `_warnings` module (CPython's `Python/_warnings.c`): `warn` with the
//! `filters` list (actions `error`, `ignore`, `always`, `default`, `module`,
//! `once`), printing CPython's format to stderr
//! (`file:line: Category: message` and the source line).
//! Only the warning classes the VM defines appear in the default filters.

use std::io::Write;

use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{ArgSpec, NativeFn};
use vm::exceptions::exc_class;
use vm::types::{builtin_types, is_subtype};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

fn module_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = vm.import_module("_warnings")?;
    let k = intern(vm.token(), name);
    vm.getattr(&m, &k)
}

fn text_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let s = vm.str(v)?;
    Ok(vm.str_text(&s)?.to_string_lossy().into_owned())
}

/// The action the filters give a warning: `(action, filter matched)`.
fn find_action(
    vm: &mut Vm,
    text: &str,
    category: &ObjRef,
    module: &str,
    line: i64,
) -> PyResult<String> {
    let filters = module_attr(vm, "filters")?;
    let items = match filters.downcast::<List>() {
        Some(l) => l.to_vec(vm.token()),
        None => return Err(PyErr::value_error("_warnings.filters must be a list")),
    };
    for f in items {
        let parts = f
            .downcast::<Tuple>()
            .map(|t| t.items(vm.token()).to_vec())
            .unwrap_or_default();
        let [action, msg, cat, modname, lineno] = parts.as_slice() else {
            return Err(PyErr::value_error("_warnings.filters item isn't a 5-tuple"));
        };
        let msg_ok = if msg.is_none() {
            true
        } else {
            let m = intern(vm.token(), "match");
            let f = vm.getattr(msg, &m)?;
            let r = vm.call(&f, &[new_str(text)], None)?;
            vm.is_true(&r)?
        };
        let cat_ok = match cat.as_obj() {
            Some(c) => is_subtype(vm.token(), category, c),
            None => false,
        };
        let mod_ok = if modname.is_none() {
            true
        } else if let Some(s) = modname.downcast::<StrObj>() {
            s.text().to_string_lossy() == module
        } else {
            let m = intern(vm.token(), "match");
            let f = vm.getattr(modname, &m)?;
            let r = vm.call(&f, &[new_str(module)], None)?;
            vm.is_true(&r)?
        };
        let ln = vm.index_i64(lineno).unwrap_or(0);
        if msg_ok && cat_ok && mod_ok && (ln == 0 || ln == line) {
            return text_of(vm, action);
        }
    }
    let d = module_attr(vm, "_defaultaction")?;
    text_of(vm, &d)
}

/// Records `key` in the registry dict; whether it was already there.
fn seen(vm: &mut Vm, key: Vec<Value>) -> PyResult<bool> {
    let reg = module_attr(vm, "_onceregistry")?;
    let Some(d) = reg.downcast::<Dict>() else {
        return Ok(false);
    };
    let k = Value::Obj(Tuple::alloc(key));
    if d.get(vm, &k)?.is_some() {
        return Ok(true);
    }
    d.set(vm, k, Value::Bool(true))?;
    Ok(false)
}

fn source_line(file: &str, line: i32) -> Option<String> {
    let src = std::fs::read_to_string(file).ok()?;
    let l = src
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    Some(l.trim().to_owned())
}

fn warn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [km, kc, ks, ksrc]) = ArgSpec::parse(
        vm,
        "warn",
        args,
        kw,
        ["message", "category", "stacklevel", "source"],
    )?;
    let _ = ksrc;
    let Some(message) = km.or_else(|| pos.first().cloned()) else {
        return Err(PyErr::type_error(
            "warn() missing required argument 'message' (pos 1)",
        ));
    };
    let category = kc.or_else(|| pos.get(1).cloned()).unwrap_or(Value::None);
    let stacklevel = match ks.or_else(|| pos.get(2).cloned()) {
        Some(v) => vm.index_i64(&v)?,
        None => 1,
    };
    let warning = exc_class(ExcKind::Warning);
    let msg_type = message.type_ref();
    let (category, text) = if is_subtype(vm.token(), &msg_type, &warning) {
        let t = text_of(vm, &message)?;
        (msg_type, t)
    } else {
        let cat = match &category {
            Value::None => exc_class(ExcKind::UserWarning),
            Value::Obj(c)
                if c.type_ref().is(&builtin_types().type_)
                    && is_subtype(vm.token(), c, &warning) =>
            {
                c.clone()
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "category must be a Warning subclass, not '{}'",
                    tname(vm, other)
                )))
            }
        };
        (cat, text_of(vm, &message)?)
    };
    let depth = usize::try_from(stacklevel.max(1) - 1).unwrap_or(0);
    let (file, line, module) = match vm.frame_location(depth) {
        Some((file, line, globals)) => {
            let key = Value::Obj(intern(vm.token(), "__name__"));
            let name = globals
                .downcast::<Dict>()
                .and_then(|d| d.get_str(vm.token(), &key));
            let name = match name {
                Some(n) => text_of(vm, &n)?,
                None => "<string>".to_owned(),
            };
            (file, line.unwrap_or(1), name)
        }
        None => ("sys".to_owned(), 1, "sys".to_owned()),
    };
    let action = find_action(vm, &text, &category, &module, i64::from(line))?;
    let cat_name = vm::types::type_name(vm.token(), &category);
    match action.as_str() {
        "error" => {
            let exc = if message.type_ref().is(&category) {
                message.clone()
            } else {
                vm.call(&Value::Obj(category.clone()), &[new_str(&text)], None)?
            };
            return match exc {
                Value::Obj(o) => Err(vm.err_from_object(o)),
                _ => Err(PyErr::runtime_error("warning is not an exception")),
            };
        }
        "ignore" => return Ok(Value::None),
        "always" => {}
        "once" => {
            if seen(
                vm,
                vec![
                    new_str("once"),
                    new_str(&text),
                    Value::Obj(category.clone()),
                ],
            )? {
                return Ok(Value::None);
            }
        }
        "module" => {
            let key = vec![
                new_str(&module),
                new_str(&text),
                Value::Obj(category.clone()),
            ];
            if seen(vm, key)? {
                return Ok(Value::None);
            }
        }
        "default" => {
            let key = vec![
                new_str(&file),
                new_str(&text),
                Value::Obj(category.clone()),
                Value::Int(i64::from(line)),
            ];
            if seen(vm, key)? {
                return Ok(Value::None);
            }
        }
        other => {
            return Err(PyErr::runtime_error(format!(
                "Unrecognized action ({other}) in warnings.filters:\n {other}"
            )))
        }
    }
    let mut out = format!("{file}:{line}: {cat_name}: {text}\n");
    if let Some(src) = source_line(&file, line) {
        out.push_str(&format!("  {src}\n"));
    }
    vm.flush_stdout();
    let _ = std::io::stderr().write_all(out.as_bytes());
    Ok(Value::None)
}

fn filters_mutated(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::exact_args(vm, "_filters_mutated", args, kw, 0)?;
    Ok(Value::None)
}

/// Creates the `_warnings` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] =
        &[("warn", warn), ("_filters_mutated", filters_mutated)];
    let m = new_module(vm, "_warnings", funcs);
    let dep = Value::Obj(exc_class(ExcKind::DeprecationWarning));
    let filters = vec![
        Value::Obj(Tuple::alloc(vec![
            new_str("default"),
            Value::None,
            dep.clone(),
            new_str("__main__"),
            Value::Int(0),
        ])),
        Value::Obj(Tuple::alloc(vec![
            new_str("ignore"),
            Value::None,
            dep,
            Value::None,
            Value::Int(0),
        ])),
    ];
    set_attr(vm, &m, "filters", Value::Obj(List::alloc(filters)));
    set_attr(vm, &m, "_defaultaction", new_str("default"));
    let reg = ObjRef::new(&builtin_types().dict, Dict::new());
    set_attr(vm, &m, "_onceregistry", Value::Obj(reg));
    Ok(m)
}
