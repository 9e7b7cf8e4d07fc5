//! Showing a warning (CPython's `call_show_warning` and `show_warning` in
//! `Python/_warnings.c`): through `warnings._showwarnmsg` with a
//! `warnings.WarningMessage` when the `warnings` module is there (so
//! `catch_warnings(record=True)` and a replaced `showwarning` see it), else
//! written to `sys.stderr` as `FILE:LINE: CATEGORY: TEXT` and the source line.

use std::io::Write;

use vm::builtins::str::new_str;
use vm::class_build::lookup_attr;
use vm::types::{type_name, TypeObject};
use vm::{PyErr, PyResult, Value, Vm};

use super::filters::warnings_attr;

/// What a shown warning is made of.
pub struct Shown<'a> {
    /// The warning's class.
    pub category: &'a Value,
    /// Its text (the message given, or the warning instance).
    pub text: &'a Value,
    /// The warning instance.
    pub message: &'a Value,
    /// `co_filename` of the frame it is attributed to.
    pub filename: &'a Value,
    /// The line number there.
    pub lineno: i64,
    /// The source line when the caller knows it (`warn_explicit`'s
    /// `module_globals`), else read from the file.
    pub sourceline: Option<&'a Value>,
    /// The object that caused a `ResourceWarning`, or `None`.
    pub source: &'a Value,
}

/// Shows warning `w` (CPython's `call_show_warning`).
pub fn call_show_warning(vm: &mut Vm, w: &Shown) -> PyResult<()> {
    let try_import = !w.source.is_none();
    let Some(show_fn) = warnings_attr(vm, "_showwarnmsg", try_import)? else {
        return show_warning(vm, w);
    };
    let callable = show_fn
        .type_ref()
        .downcast::<TypeObject>()
        .and_then(|t| t.slots.call.get())
        .is_some();
    if !callable {
        return Err(PyErr::type_error(
            "warnings._showwarnmsg() must be set to a callable",
        ));
    }
    let Some(cls) = warnings_attr(vm, "WarningMessage", false)? else {
        return Err(PyErr::runtime_error(
            "unable to get warnings.WarningMessage",
        ));
    };
    let msg = vm.call(
        &cls,
        &[
            w.message.clone(),
            w.category.clone(),
            w.filename.clone(),
            Value::Int(w.lineno),
            Value::None,
            Value::None,
            w.source.clone(),
        ],
        None,
    )?;
    vm.call(&show_fn, &[msg], None)?;
    Ok(())
}

/// Line `lineno` of file `path`, leading whitespace stripped (what
/// `_Py_DisplaySourceLine` prints).
fn file_line(path: &str, lineno: i64) -> Option<String> {
    let src = std::fs::read(path).ok()?;
    let src = String::from_utf8_lossy(&src);
    let idx = usize::try_from(lineno).ok()?.checked_sub(1)?;
    let line = src.lines().nth(idx)?;
    Some(line.trim_start().trim_end_matches(['\r', '\n']).to_owned())
}

fn text_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let s = vm.str(v)?;
    Ok(vm.str_text(&s)?.to_string_lossy().into_owned())
}

/// Writes the warning to `sys.stderr` (CPython's `show_warning`, used when the
/// `warnings` module isn't imported).
fn show_warning(vm: &mut Vm, w: &Shown) -> PyResult<()> {
    let name = match lookup_attr(vm, w.category, "__name__")? {
        Some(n) => text_of(vm, &n)?,
        None => match w.category.as_obj() {
            Some(c) => type_name(vm.token(), c),
            None => "Warning".to_owned(),
        },
    };
    let filename = text_of(vm, w.filename)?;
    let text = text_of(vm, w.text)?;
    let mut out = format!("{filename}:{}: {name}: {text}\n", w.lineno);
    let line = match w.sourceline {
        Some(s) => Some(text_of(vm, s)?.trim_start().to_owned()),
        None => file_line(&filename, w.lineno),
    };
    if let Some(line) = line {
        out.push_str(&format!("  {line}\n"));
    }
    let stderr = match vm.sys_modules_get("sys") {
        Some(sys) => lookup_attr(vm, &sys, "stderr")?,
        None => None,
    };
    match stderr {
        Some(f) if !f.is_none() => {
            vm.call_method(&f, "write", &[new_str(&out)])?;
        }
        _ => {
            vm.flush_stdout();
            let _ = std::io::stderr().write_all(out.as_bytes());
        }
    }
    Ok(())
}
