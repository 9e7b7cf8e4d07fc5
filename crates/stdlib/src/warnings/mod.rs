//! The `_warnings` module (CPython's `Python/_warnings.c`): `warn`,
//! `warn_explicit` and `_filters_mutated`, with `filters`, `_defaultaction`
//! and `_onceregistry`. `Lib/warnings.py` imports them and makes them its
//! own; the filters it installs (`simplefilter`, `catch_warnings`) are the
//! ones consulted here, and a warning is shown through its `_showwarnmsg`
//! (`filters.rs` chooses the action, `show.rs` shows).

mod filters;
mod show;

use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::str::{intern, new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{ArgSpec, NativeFn};
use vm::class_build::lookup_attr;
use vm::exceptions::exc_class;
use vm::types::{builtin_types, is_subtype, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};
use filters::{already_warned, get_filter, once_registry, update_registry};
use show::{call_show_warning, Shown};

/// The category of a warning: the message's class when it is a `Warning`
/// instance, else `category` (default `UserWarning`), which must be a
/// `Warning` subclass (CPython's `get_category`).
fn get_category(vm: &mut Vm, message: &Value, category: &Value) -> PyResult<Value> {
    let warning = exc_class(ExcKind::Warning);
    let msg_type = message.type_ref();
    if is_subtype(vm.token(), &msg_type, &warning) {
        return Ok(Value::Obj(msg_type));
    }
    match category {
        Value::None => Ok(Value::Obj(exc_class(ExcKind::UserWarning))),
        Value::Obj(c)
            if c.downcast::<TypeObject>().is_some() && is_subtype(vm.token(), c, &warning) =>
        {
            Ok(category.clone())
        }
        other => Err(PyErr::type_error(format!(
            "category must be a Warning subclass, not '{}'",
            tname(vm, other)
        ))),
    }
}

/// The module name a file name stands for: without `.py` (CPython's
/// `normalize_module`).
fn normalize_module(vm: &mut Vm, filename: &Value) -> PyResult<Value> {
    let name = vm.str_text(filename)?.to_string_lossy().into_owned();
    Ok(if name.is_empty() {
        new_str("<unknown>")
    } else if let Some(stem) = name.strip_suffix(".py") {
        new_str(stem)
    } else {
        filename.clone()
    })
}

/// One warning to issue (the arguments of CPython's `warn_explicit`).
struct Warning {
    category: Value,
    message: Value,
    filename: Value,
    lineno: i64,
    /// `None`: normalized from `filename`; `Some(None)`: ignore the warning.
    module: Option<Value>,
    /// A dict, or `None`.
    registry: Value,
    sourceline: Option<Value>,
    source: Value,
}

/// Filters, records and shows (or raises) a warning (CPython's
/// `warn_explicit`).
fn warn_explicit_impl(vm: &mut Vm, w: Warning) -> PyResult<()> {
    let module = match w.module {
        Some(m) if m.is_none() => return Ok(()),
        Some(m) => m,
        None => normalize_module(vm, &w.filename)?,
    };
    let registry = match &w.registry {
        Value::None => None,
        Value::Obj(o) if o.downcast::<Dict>().is_some() => Some(o.clone()),
        _ => return Err(PyErr::type_error("'registry' must be a dict or None")),
    };
    let warning = exc_class(ExcKind::Warning);
    let is_warning = is_subtype(vm.token(), &w.message.type_ref(), &warning);
    let (text, message, category) = if is_warning {
        let text = vm.str(&w.message)?;
        (text, w.message.clone(), Value::Obj(w.message.type_ref()))
    } else {
        let message = vm.call(&w.category, std::slice::from_ref(&w.message), None)?;
        (w.message.clone(), message, w.category.clone())
    };
    let key = Value::Obj(Tuple::alloc(vec![
        text.clone(),
        category.clone(),
        Value::Int(w.lineno),
    ]));
    if let Some(reg) = &registry {
        if already_warned(vm, reg, key.clone(), false)? {
            return Ok(());
        }
    }
    let (action, item) = get_filter(vm, &category, &text, w.lineno, &module)?;
    let action_text = vm.str_text(&action)?.to_string_lossy().into_owned();
    match action_text.as_str() {
        "error" => {
            return match message {
                Value::Obj(o) if vm::exceptions::is_exception(&Value::Obj(o.clone())) => {
                    Err(vm.err_from_object(o))
                }
                _ => Err(PyErr::type_error(
                    "exceptions must derive from BaseException",
                )),
            }
        }
        "ignore" => return Ok(()),
        _ => {}
    }
    let mut already = false;
    if action_text != "always" {
        if let Some(reg) = &registry {
            if let Some(d) = reg.downcast::<Dict>() {
                d.set(vm, key, Value::Bool(true))?;
            }
        }
        match action_text.as_str() {
            "once" => {
                let reg = match &registry {
                    Some(r) => r.clone(),
                    None => once_registry(vm)?,
                };
                already = update_registry(vm, &reg, &text, &category)?;
            }
            "module" => {
                if let Some(reg) = &registry {
                    already = update_registry(vm, reg, &text, &category)?;
                }
            }
            "default" => {}
            _ => {
                let a = vm.repr(&action)?;
                let a = vm.str_text(&a)?.to_string_lossy().into_owned();
                let i = vm.repr(&item)?;
                let i = vm.str_text(&i)?.to_string_lossy().into_owned();
                return Err(PyErr::runtime_error(format!(
                    "Unrecognized action ({a}) in warnings.filters:\n {i}"
                )));
            }
        }
    }
    if already {
        return Ok(());
    }
    call_show_warning(
        vm,
        &Shown {
            category: &category,
            text: &text,
            message: &message,
            filename: &w.filename,
            lineno: w.lineno,
            sourceline: w.sourceline.as_ref(),
            source: &w.source,
        },
    )
}

/// Whether a frame's file is the import machinery's, which `stacklevel`
/// skips over (CPython's `is_internal_frame`).
fn is_internal_file(file: &str) -> bool {
    file.contains("importlib") && file.contains("_bootstrap")
}

/// The frame `stacklevel` levels up, skipping the import machinery's frames
/// after the first: its file, line and globals (CPython's `setup_context`).
fn context_frame(vm: &mut Vm, stacklevel: i64) -> Option<(String, i32, ObjRef)> {
    let first = vm.frame_location(0)?;
    let skip_internal = stacklevel > 0 && !is_internal_file(&first.0);
    let mut depth = 0usize;
    let mut level = stacklevel;
    loop {
        level -= 1;
        if level <= 0 {
            break;
        }
        depth += 1;
        if skip_internal {
            while vm
                .frame_location(depth)
                .is_some_and(|(f, _, _)| is_internal_file(&f))
            {
                depth += 1;
            }
        }
        vm.frame_location(depth)?;
    }
    let (file, line, globals) = vm.frame_location(depth)?;
    Some((file, line.unwrap_or(1), globals))
}

/// `_warnings.warn(message, category=None, stacklevel=1, source=None)`.
fn warn(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let names = ["message", "category", "stacklevel", "source"];
    let (pos, kws) = ArgSpec::parse(vm, "warn", args, kw, names)?;
    if pos.len() > 4 {
        return Err(PyErr::type_error(format!(
            "warn() takes at most 4 arguments ({} given)",
            pos.len()
        )));
    }
    let arg = |i: usize| kws[i].clone().or_else(|| pos.get(i).cloned());
    let Some(message) = arg(0) else {
        return Err(PyErr::type_error(
            "warn() missing required argument 'message' (pos 1)",
        ));
    };
    let category = get_category(vm, &message, &arg(1).unwrap_or(Value::None))?;
    let stacklevel = match arg(2) {
        Some(v) => vm.index_i64(&v)?,
        None => 1,
    };
    let source = arg(3).unwrap_or(Value::None);
    let (filename, lineno, module, registry) = match context_frame(vm, stacklevel) {
        Some((file, line, globals)) => {
            let (module, registry) = globals_context(vm, &globals)?;
            (new_str(&file), i64::from(line), module, registry)
        }
        None => {
            let sys = vm.import_module("sys")?;
            let globals = sys
                .downcast::<vm::module::ModuleObj>()
                .map(|m| m.dict.clone());
            let (module, registry) = match globals {
                Some(g) => globals_context(vm, &g)?,
                None => (new_str("sys"), Value::None),
            };
            (new_str("sys"), 1, module, registry)
        }
    };
    warn_explicit_impl(
        vm,
        Warning {
            category,
            message,
            filename,
            lineno,
            module: Some(module),
            registry,
            sourceline: None,
            source,
        },
    )?;
    Ok(Value::None)
}

/// The module name (`__name__` if a str or None, else `"<string>"`) and the
/// `__warningregistry__` dict (created if missing) of a frame's globals.
fn globals_context(vm: &mut Vm, globals: &ObjRef) -> PyResult<(Value, Value)> {
    let Some(d) = globals.downcast::<Dict>() else {
        return Ok((new_str("<string>"), Value::None));
    };
    let reg_key = Value::Obj(intern(vm.token(), "__warningregistry__"));
    let registry = match d.get(vm, &reg_key)? {
        Some(r) => r,
        None => {
            let r = Value::Obj(ObjRef::new(&builtin_types().dict, Dict::new()));
            d.set(vm, reg_key, r.clone())?;
            r
        }
    };
    let name_key = Value::Obj(intern(vm.token(), "__name__"));
    let module = match d.get(vm, &name_key)? {
        Some(m) if m.is_none() || m.downcast::<StrObj>().is_some() => m,
        _ => new_str("<string>"),
    };
    Ok((module, registry))
}

/// Line `lineno` of the source `module_globals`' loader gives (CPython's
/// `get_source_line`).
fn source_line(vm: &mut Vm, globals: &Value, lineno: i64) -> PyResult<Option<Value>> {
    let Some(d) = globals.downcast::<Dict>() else {
        return Err(PyErr::type_error(format!(
            "module_globals must be a dict, not '{}'",
            tname(vm, globals)
        )));
    };
    let loader_key = Value::Obj(intern(vm.token(), "__loader__"));
    let Some(loader) = d.get(vm, &loader_key)? else {
        return Ok(None);
    };
    let name_key = Value::Obj(intern(vm.token(), "__name__"));
    let Some(name) = d.get(vm, &name_key)? else {
        return Ok(None);
    };
    let Some(get_source) = lookup_attr(vm, &loader, "get_source")? else {
        return Ok(None);
    };
    let source = vm.call(&get_source, &[name], None)?;
    if source.is_none() {
        return Ok(None);
    }
    let lines = vm.call_method(&source, "splitlines", &[])?;
    let lines = lines
        .downcast::<List>()
        .map(|l| l.to_vec(vm.token()))
        .unwrap_or_default();
    let line = usize::try_from(lineno - 1)
        .ok()
        .and_then(|i| lines.get(i).cloned());
    match line {
        Some(l) => Ok(Some(l)),
        None => Err(PyErr::new(ExcKind::IndexError, "list index out of range")),
    }
}

/// `_warnings.warn_explicit(message, category, filename, lineno,
/// module=<from filename>, registry=None, module_globals=None, source=None)`.
fn warn_explicit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let names = [
        "message",
        "category",
        "filename",
        "lineno",
        "module",
        "registry",
        "module_globals",
        "source",
    ];
    let (pos, kws) = ArgSpec::parse(vm, "warn_explicit", args, kw, names)?;
    if pos.len() > names.len() {
        return Err(PyErr::type_error(format!(
            "warn_explicit() takes at most 8 arguments ({} given)",
            pos.len()
        )));
    }
    let arg = |i: usize| kws[i].clone().or_else(|| pos.get(i).cloned());
    let mut required = Vec::with_capacity(4);
    for (i, name) in names.iter().enumerate().take(4) {
        match arg(i) {
            Some(v) => required.push(v),
            None => {
                return Err(PyErr::type_error(format!(
                    "warn_explicit() missing required argument '{name}' (pos {})",
                    i + 1
                )))
            }
        }
    }
    let [message, category, filename, lineno] = <[Value; 4]>::try_from(required)
        .map_err(|_| PyErr::runtime_error("warn_explicit: bad arguments"))?;
    if filename.downcast::<StrObj>().is_none() {
        return Err(PyErr::type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            tname(vm, &filename)
        )));
    }
    let lineno = vm.index_i64(&lineno)?;
    let module_globals = arg(6).filter(|g| !g.is_none());
    let sourceline = match &module_globals {
        Some(g) => source_line(vm, g, lineno)?,
        None => None,
    };
    warn_explicit_impl(
        vm,
        Warning {
            category,
            message,
            filename,
            lineno,
            module: arg(4),
            registry: arg(5).unwrap_or(Value::None),
            sourceline,
            source: arg(7).unwrap_or(Value::None),
        },
    )?;
    Ok(Value::None)
}

/// `_warnings._filters_mutated()`: invalidates the registries.
fn filters_mutated(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    vm::calls::exact_args(vm, "_filters_mutated", args, kw, 0)?;
    filters::bump_filters_version();
    Ok(Value::None)
}

/// The default filters of a release build (CPython's `init_filters`):
/// `DeprecationWarning` shown in `__main__` and ignored elsewhere, and the
/// pending-deprecation, import and resource warnings ignored.
fn default_filters() -> Value {
    let filter = |action: &str, kind: ExcKind, module: Value| {
        Value::Obj(Tuple::alloc(vec![
            new_str(action),
            Value::None,
            Value::Obj(exc_class(kind)),
            module,
            Value::Int(0),
        ]))
    };
    Value::Obj(List::alloc(vec![
        filter("default", ExcKind::DeprecationWarning, new_str("__main__")),
        filter("ignore", ExcKind::DeprecationWarning, Value::None),
        filter("ignore", ExcKind::PendingDeprecationWarning, Value::None),
        filter("ignore", ExcKind::ImportWarning, Value::None),
        filter("ignore", ExcKind::ResourceWarning, Value::None),
    ]))
}

/// Creates the `_warnings` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("warn", warn),
        ("warn_explicit", warn_explicit),
        ("_filters_mutated", filters_mutated),
    ];
    let m = new_module(vm, "_warnings", funcs);
    set_attr(vm, &m, "filters", default_filters());
    set_attr(vm, &m, "_defaultaction", new_str("default"));
    let reg = ObjRef::new(&builtin_types().dict, Dict::new());
    set_attr(vm, &m, "_onceregistry", Value::Obj(reg));
    Ok(m)
}
