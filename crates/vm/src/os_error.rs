//! `OSError` specifics (CPython's `Objects/exceptions.c` `OSError_new`/
//! `OSError_str`): the `errno` → subclass mapping (`OSError(2, ...)` is a
//! `FileNotFoundError`), `filename`/`filename2` kept out of `args`, and the
//! `[Errno 2] No such file or directory: 'x'` string.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, new_str};
use crate::error::{ExcKind, PyResult};
use crate::exceptions::{exc_class, ExceptionObj};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// The `OSError` subclass CPython picks for a Linux `errno`.
pub fn kind_for_errno(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        11 | 114 | 115 => ExcKind::BlockingIOError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        17 => ExcKind::FileExistsError,
        2 => ExcKind::FileNotFoundError,
        4 => ExcKind::InterruptedError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        1 | 13 => ExcKind::PermissionError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        _ => return None,
    })
}

/// Creates an instance of `cls` (`OSError` or a subclass) from `args`.
pub fn new_os_error(vm: &mut Vm, cls: &ObjRef, args: &[Value]) -> PyResult<Value> {
    let mut cls = cls.clone();
    if cls.is(&exc_class(ExcKind::OSError)) && (2..=5).contains(&args.len()) {
        if let Some(k) = args[0].as_int().and_then(|i| match i {
            crate::value::IntRef::Small(s) => kind_for_errno(s),
            crate::value::IntRef::Big(_) => None,
        }) {
            cls = exc_class(k);
        }
    }
    if !(3..=5).contains(&args.len()) {
        return Ok(Value::Obj(ExceptionObj::alloc(&cls, args.to_vec())));
    }
    let e = ExceptionObj::alloc(&cls, args[..2].to_vec());
    if let Some(x) = e.downcast::<ExceptionObj>() {
        let d = x.dict(vm.token());
        if let Some(dd) = d.downcast::<Dict>() {
            let put = |vm: &mut Vm, name: &str, v: Value| -> PyResult<()> {
                let k = Value::Obj(intern(vm.token(), name));
                dd.set(&mut NativeEq(vm.token()), k, v)
            };
            put(vm, "filename", args[2].clone())?;
            put(vm, "filename2", args.get(4).cloned().unwrap_or(Value::None))?;
        }
    }
    Ok(Value::Obj(e))
}

/// `OSError.__str__`.
pub fn os_error_str(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = intern(vm.token(), n);
        vm.getattr(v, &k)
    };
    let errno = get(vm, "errno")?;
    let strerror = get(vm, "strerror")?;
    let filename = get(vm, "filename")?;
    let filename2 = get(vm, "filename2")?;
    let s = |vm: &mut Vm, x: &Value, repr: bool| -> PyResult<String> {
        let r = if repr { vm.repr(x)? } else { vm.str(x)? };
        Ok(r.downcast::<crate::builtins::str::StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .unwrap_or_default())
    };
    if !filename.is_none() {
        let (e, se, f) = (
            s(vm, &errno, false)?,
            s(vm, &strerror, false)?,
            s(vm, &filename, true)?,
        );
        let text = if filename2.is_none() {
            format!("[Errno {e}] {se}: {f}")
        } else {
            let f2 = s(vm, &filename2, true)?;
            format!("[Errno {e}] {se}: {f} -> {f2}")
        };
        return Ok(Some(new_str(&text)));
    }
    if !errno.is_none() && !strerror.is_none() {
        let (e, se) = (s(vm, &errno, false)?, s(vm, &strerror, false)?);
        return Ok(Some(new_str(&format!("[Errno {e}] {se}"))));
    }
    Ok(None)
}
