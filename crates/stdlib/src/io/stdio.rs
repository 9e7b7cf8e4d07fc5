//! The standard streams as CPython builds them at startup (`create_stdio`
//! in `Python/pylifecycle.c`): `sys.stdin`, `sys.stdout` and `sys.stderr`
//! are `TextIOWrapper`s over buffered `FileIO`s of descriptors 0, 1 and 2
//! (UTF-8; errors `strict`, stderr `backslashreplace`; line-buffered on a
//! terminal), also kept as `sys.__stdin__`... Text written to stdout, through
//! any layer, lands in the VM's stdout buffer, which `print` also fills
//! directly while `sys.stdout` is still the original object. Also the
//! `input()` builtin.

use vm::builtins::str::{intern, new_str, StrObj};
use vm::calls::arg_range;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::{buffered, fileio, io_type, textio};

/// Builds one standard stream over descriptor `fd`.
fn std_stream(vm: &mut Vm, fd: i64, errors: &str) -> PyResult<Value> {
    let fio = io_type(vm, "FileIO")?;
    let mode = if fd == 0 { "rb" } else { "wb" };
    let raw = fileio::open_raw(vm, &fio, &Value::Int(fd), mode, false, &Value::None)?;
    let name = ["<stdin>", "<stdout>", "<stderr>"][usize::from(fd != 0) + usize::from(fd == 2)];
    fileio::mark_std(vm, &raw, name);
    let tty = crate::posix::fds::isatty_fd(vm, fd);
    let (cls, kind, size) = if fd == 0 {
        (
            "BufferedReader",
            buffered::Kind::Reader,
            super::DEFAULT_BUFFER_SIZE,
        )
    } else {
        // Writes pass straight to the raw stream, whose buffer is the VM's.
        ("BufferedWriter", buffered::Kind::Writer, 1)
    };
    let bcls = io_type(vm, cls)?;
    let buffer = buffered::wrap(vm, &bcls, kind, raw, size)?;
    let tcls = io_type(vm, "TextIOWrapper")?;
    let o = textio::TextOptions {
        encoding: "utf-8".to_owned(),
        errors: errors.to_owned(),
        newline: if fd == 0 { None } else { Some("\n".to_owned()) },
        line_buffering: tty || fd == 2,
        write_through: fd != 0,
    };
    let w = textio::wrap(vm, &tcls, buffer, o)?;
    textio::set_mode(vm, &w, if fd == 0 { "r" } else { "w" });
    Ok(w)
}

/// Replaces the VM's placeholder streams in a new `sys` module with `_io`
/// objects (the VM's [`vm::io::StdioInit`] hook).
pub fn install_std_streams(vm: &mut Vm, sys: &ObjRef) {
    if let Err(e) = try_install(vm, sys) {
        let _ = e;
    }
}

fn try_install(vm: &mut Vm, sys: &ObjRef) -> PyResult<()> {
    let stdin = std_stream(vm, 0, "strict")?;
    let stdout = std_stream(vm, 1, "strict")?;
    let stderr = std_stream(vm, 2, "backslashreplace")?;
    if let Value::Obj(o) = &stdout {
        vm.set_fast_stdout(Some(o.clone()));
    }
    for (name, v) in [
        ("stdin", &stdin),
        ("stdout", &stdout),
        ("stderr", &stderr),
        ("__stdin__", &stdin),
        ("__stdout__", &stdout),
        ("__stderr__", &stderr),
    ] {
        crate::util::set_attr(vm, sys, name, v.clone());
    }
    Ok(())
}

fn sys_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let sys = vm.import_module("sys")?;
    let k = intern(vm.token(), name);
    vm.getattr(&sys, &k)
        .map_err(|_| PyErr::runtime_error(format!("input(): lost sys.{name}")))
}

/// `input(prompt='')`: the prompt to `sys.stdout` (flushed), a line from
/// `sys.stdin` without its newline; `EOFError` at end of input.
pub(crate) fn input(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "input", args, kw, 0, 1)?;
    let stdin = sys_attr(vm, "stdin")?;
    let stdout = sys_attr(vm, "stdout")?;
    if let Ok(err) = sys_attr(vm, "stderr") {
        if !err.is_none() {
            let _ = vm.call_method(&err, "flush", &[]);
        }
    }
    if let Some(p) = a.first() {
        let s = vm.str(p)?;
        vm.call_method(&stdout, "write", &[s])?;
    }
    let _ = vm.call_method(&stdout, "flush", &[]);
    let line = vm.call_method(&stdin, "readline", &[])?;
    let Some(s) = line.downcast::<StrObj>() else {
        return Err(PyErr::type_error("object.readline() returned non-string"));
    };
    let text = s.text().to_string_lossy().into_owned();
    if text.is_empty() {
        return Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line"));
    }
    Ok(new_str(text.strip_suffix('\n').unwrap_or(&text)))
}
