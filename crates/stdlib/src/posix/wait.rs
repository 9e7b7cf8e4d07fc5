//! Child-process status functions of `posix` (CPython's `os.waitpid`,
//! `os.waitstatus_to_exitcode` and the `WIFEXITED`/`WEXITSTATUS`... status
//! decoders), which `subprocess` binds at import time.

use vm::builtins::tuple::Tuple;
use vm::calls::{exact_args, NativeFn};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::errno_error;

/// `waitpid(pid, options)`: `(pid, status)` of a child that changed state,
/// `(0, 0)` with `WNOHANG` when none did.
fn waitpid(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "waitpid", args, kw, 2)?;
    let pid = vm.index_i64(&a[0])?;
    let options = vm.index_i64(&a[1])?;
    let opts = rustix::process::WaitOptions::from_bits_retain(options as u32);
    let target = match pid {
        -1 => None,
        p => match i32::try_from(p)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        {
            Some(p) => Some(p),
            None => return Err(errno_error(vm, i64::from(libc::ECHILD), None, None)),
        },
    };
    loop {
        match rustix::process::waitpid(target, opts) {
            Ok(Some((p, status))) => {
                return Ok(Value::Obj(Tuple::alloc(vec![
                    Value::Int(i64::from(p.as_raw_nonzero().get())),
                    Value::Int(i64::from(status.as_raw())),
                ])))
            }
            Ok(None) => return Ok(Value::Obj(Tuple::alloc(vec![Value::Int(0), Value::Int(0)]))),
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(errno_error(vm, i64::from(e.raw_os_error()), None, None)),
        }
    }
}

fn status_arg(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>, name: &str) -> PyResult<i64> {
    let a = exact_args(vm, name, args, kw, 1)?;
    Ok(vm.index_i64(&a[0])? & 0xffff_ffff)
}

/// The glibc `W*` macros on a raw wait status.
fn exited(s: i64) -> bool {
    s & 0x7f == 0
}
fn term_sig(s: i64) -> i64 {
    s & 0x7f
}
fn signaled(s: i64) -> bool {
    ((s & 0x7f) + 1) as i8 >> 1 > 0
}
fn stopped(s: i64) -> bool {
    s & 0xff == 0x7f
}

fn wifexited(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Bool(exited(status_arg(vm, args, kw, "WIFEXITED")?)))
}
fn wexitstatus(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Int(
        (status_arg(vm, args, kw, "WEXITSTATUS")? >> 8) & 0xff,
    ))
}
fn wifsignaled(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Bool(signaled(status_arg(
        vm,
        args,
        kw,
        "WIFSIGNALED",
    )?)))
}
fn wtermsig(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Int(term_sig(status_arg(vm, args, kw, "WTERMSIG")?)))
}
fn wifstopped(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Bool(stopped(status_arg(
        vm,
        args,
        kw,
        "WIFSTOPPED",
    )?)))
}
fn wstopsig(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Int(
        (status_arg(vm, args, kw, "WSTOPSIG")? >> 8) & 0xff,
    ))
}
fn wifcontinued(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Bool(
        status_arg(vm, args, kw, "WIFCONTINUED")? == 0xffff,
    ))
}
fn wcoredump(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Bool(
        status_arg(vm, args, kw, "WCOREDUMP")? & 0x80 != 0,
    ))
}

/// `waitstatus_to_exitcode(status)`: the exit code, or minus the signal
/// number that killed the process (CPython's messages otherwise).
fn waitstatus_to_exitcode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = status_arg(vm, args, kw, "waitstatus_to_exitcode")?;
    if exited(s) {
        return Ok(Value::Int((s >> 8) & 0xff));
    }
    if signaled(s) {
        return Ok(Value::Int(-term_sig(s)));
    }
    Err(PyErr::value_error(format!("invalid wait status: {s}")))
}

/// The functions of this file, by name.
pub(crate) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("waitpid", waitpid),
    ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    ("WIFEXITED", wifexited),
    ("WEXITSTATUS", wexitstatus),
    ("WIFSIGNALED", wifsignaled),
    ("WTERMSIG", wtermsig),
    ("WIFSTOPPED", wifstopped),
    ("WSTOPSIG", wstopsig),
    ("WIFCONTINUED", wifcontinued),
    ("WCOREDUMP", wcoredump),
];

#[cfg(test)]
mod tests {
    use super::{exited, signaled, stopped, term_sig};

    #[test]
    fn status_decoding() {
        // exit(3), killed by SIGKILL, stopped by SIGSTOP, continued.
        assert!(exited(3 << 8) && !signaled(3 << 8));
        assert!(signaled(9) && !exited(9) && term_sig(9) == 9);
        assert!(stopped((19 << 8) | 0x7f) && !signaled((19 << 8) | 0x7f));
        assert!(!signaled(0xffff) && !exited(0xffff));
    }
}
