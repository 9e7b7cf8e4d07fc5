//! `repr()` of a module (CPython's `module_repr`, which calls importlib's
//! `_module_repr` and `_module_repr_from_spec`): from `__spec__` when it is
//! set (`<module 'm' from 'FILE'>`, `<module 'sys' (built-in)>`), else
//! the loader's `module_repr`, else `__name__`, `__file__` and `__loader__`.

use crate::builtins::str::new_str;
use crate::error::{ExcKind, PyResult};
use crate::exceptions::exc_class;
use crate::value::Value;
use crate::vm::Vm;

fn repr_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = vm.repr(v)?;
    Ok(vm.str_text(&r)?.to_string_lossy().into_owned())
}

fn str_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = vm.str(v)?;
    Ok(vm.str_text(&r)?.to_string_lossy().into_owned())
}

/// The repr a module spec gives its module (`_module_repr_from_spec`).
fn repr_from_spec(vm: &mut Vm, spec: &Value) -> PyResult<String> {
    let name = vm.getattr_opt(spec, "name")?.unwrap_or(Value::None);
    let shown = if name.is_none() {
        "'?'".to_owned()
    } else {
        repr_text(vm, &name)?
    };
    let origin = vm.getattr_opt(spec, "origin")?.unwrap_or(Value::None);
    if origin.is_none() {
        let loader = vm.getattr_opt(spec, "loader")?.unwrap_or(Value::None);
        if loader.is_none() {
            return Ok(format!("<module {shown}>"));
        }
        let loader = repr_text(vm, &loader)?;
        return Ok(format!("<module {shown} ({loader})>"));
    }
    let has_location = match vm.getattr_opt(spec, "has_location")? {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    if has_location {
        let origin = repr_text(vm, &origin)?;
        Ok(format!("<module {shown} from {origin}>"))
    } else {
        let name = repr_text(vm, &name)?;
        let origin = str_text(vm, &origin)?;
        Ok(format!("<module {name} ({origin})>"))
    }
}

/// `repr(module)` (importlib's `_module_repr`).
pub fn module_repr(vm: &mut Vm, module: &Value) -> PyResult<Value> {
    let loader = vm.getattr_opt(module, "__loader__")?.unwrap_or(Value::None);
    let spec = vm.getattr_opt(module, "__spec__")?.unwrap_or(Value::None);
    if vm.is_true(&spec)? {
        return Ok(new_str(&repr_from_spec(vm, &spec)?));
    }
    if let Some(f) = vm.getattr_opt(&loader, "module_repr")? {
        match vm.call(&f, std::slice::from_ref(module), None) {
            Ok(r) => return Ok(r),
            Err(mut e) => {
                let exception = Value::Obj(exc_class(ExcKind::Exception));
                if !vm.err_matches(&mut e, &exception)? {
                    return Err(e);
                }
            }
        }
    }
    let name = match vm.getattr_opt(module, "__name__")? {
        Some(n) => repr_text(vm, &n)?,
        None => "'?'".to_owned(),
    };
    let text = match vm.getattr_opt(module, "__file__")? {
        Some(f) => format!("<module {name} from {}>", repr_text(vm, &f)?),
        None if loader.is_none() => format!("<module {name}>"),
        None => format!("<module {name} ({})>", repr_text(vm, &loader)?),
    };
    Ok(new_str(&text))
}
