//! The compiler's `SyntaxWarning`s issued through the warnings machinery
//! (CPython's `_PyErr_EmitSyntaxWarning`): `_warnings.warn_explicit(msg,
//! SyntaxWarning, filename, lineno)`, so filters (`-W error`,
//! `filterwarnings("ignore", ...)`) and `showwarning` apply; a warning the
//! filters turn into an error becomes a `SyntaxError` at that line.

use compiler::CompileWarning;

use crate::builtins::str::{intern, new_str};
use crate::error::{ExcKind, PyResult};
use crate::exceptions::exc_class;
use crate::value::Value;
use crate::vm::Vm;

/// Issues `warnings` of compiling `source` as `filename`.
pub fn emit(
    vm: &mut Vm,
    warnings: &[CompileWarning],
    filename: &str,
    source: &[u8],
) -> PyResult<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let module = vm.import_module("_warnings")?;
    let name = intern(vm.token(), "warn_explicit");
    let warn_explicit = vm.getattr(&module, &name)?;
    let category = Value::Obj(exc_class(ExcKind::SyntaxWarning));
    for w in warnings {
        let args = [
            new_str(&w.msg),
            category.clone(),
            new_str(filename),
            Value::Int(i64::from(w.lineno)),
        ];
        if let Err(mut e) = vm.call(&warn_explicit, &args, None) {
            if !vm.err_matches(&mut e, &category)? {
                return Err(e);
            }
            let text = String::from_utf8_lossy(source);
            let line = usize::try_from(w.lineno - 1)
                .ok()
                .and_then(|i| text.lines().nth(i))
                .map(|l| format!("{l}\n"));
            let err = compiler::CompileError::Syntax(syntax::SyntaxError {
                error_type: syntax::SyntaxErrorType::SyntaxError,
                msg: w.msg.clone(),
                filename: filename.to_owned(),
                lineno: Some(w.lineno),
                offset: None,
                end_lineno: None,
                end_offset: None,
                text: line,
            });
            return Err(super::cache::compile_error_to_exc(vm, &err, source));
        }
    }
    Ok(())
}
