//! Raising and unwinding (CPython 3.11's `exception_unwind` with the exception
//! table, `do_raise`, `_PyErr_SetObject`'s context chaining), and the `with`
//! statement's opcodes.

use super::bad_code;
use crate::builtins::str::intern;
use crate::builtins::tuple::Tuple;
use crate::code::CodeObj;
use crate::error::{PyErr, PyResult};
use crate::exceptions::{is_exception, is_exception_class, ExceptionObj};
use crate::object::ObjRef;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Unwinds `err` from the top frame: records a traceback entry, jumps to the
    /// frame's handler if the exception table has one (`None` then), else pops
    /// the frame and tries its caller, down to frame `entry` (then returns the
    /// error for the native caller).
    pub(crate) fn unwind(&mut self, mut err: PyErr, entry: usize) -> Option<PyErr> {
        let reraise = std::mem::take(&mut self.reraising);
        // An exception that already left an eval loop (through native code:
        // `next()` resuming a generator, a call from a builtin) was chained
        // when it was raised; CPython's caller only propagates it.
        let passing_through = err
            .exc
            .as_ref()
            .and_then(|e| e.downcast::<ExceptionObj>())
            .is_some_and(|e| e.propagated.replace(false));
        let mut first = true;
        loop {
            let fi = self.frames.len().checked_sub(1)?;
            let (code, lasti, base) = {
                let f = &self.frames[fi];
                (f.code.clone(), f.lasti, f.base)
            };
            if first && !reraise && !passing_through {
                self.chain_context(&mut err);
            }
            if !(first && reraise) {
                let frame = self.frame_object(fi);
                self.add_traceback(&mut err, &code, lasti, frame);
            }
            first = false;
            if let Some(co) = code.downcast::<CodeObj>() {
                if let Some(h) = co.handler_for((lasti * 2) as u32).copied() {
                    let depth = base + co.nlocalsplus + h.depth as usize;
                    if self.stack.len() >= depth {
                        self.stack.truncate(depth);
                        if h.lasti {
                            self.push(Value::Int(lasti as i64));
                        }
                        let exc = self.exc_object(&mut err);
                        self.push(Value::Obj(exc));
                        self.frames[fi].ip = (h.target / 2) as usize;
                        return None;
                    }
                }
            }
            self.detach_frame_object();
            let f = self.frames.pop()?;
            self.truncate_stack(f.ret_at);
            if let Some((gen, _)) = &f.inline_gen {
                self.finish_inline_generator(gen, Some(&mut err));
            }
            if self.frames.len() <= entry || f.entry {
                mark_propagated(self.exc_object(&mut err));
                return Some(err);
            }
        }
    }

    /// Sets `__context__` of a newly raised exception to the exception being
    /// handled, unless that would make a cycle (CPython's `_PyErr_SetObject`).
    fn chain_context(&mut self, err: &mut PyErr) {
        let Value::Obj(handled) = self.handled_exception() else {
            return;
        };
        let exc = self.exc_object(err);
        if exc.is(&handled) {
            return;
        }
        let Some(e) = exc.downcast::<ExceptionObj>() else {
            return;
        };
        if !e.context.borrow(&self.token).is_none() {
            return;
        }
        // Break a cycle: if `exc` is already in the handled exception's chain,
        // cut the chain there.
        let mut o = handled.clone();
        for _ in 0..10_000 {
            let Some(oe) = o.downcast::<ExceptionObj>() else {
                break;
            };
            let next = oe.context.borrow(&self.token).clone();
            match next {
                Value::Obj(n) if n.is(&exc) => {
                    *oe.context.borrow_mut(&mut self.token) = Value::None;
                    break;
                }
                Value::Obj(n) => o = n,
                _ => break,
            }
        }
        *e.context.borrow_mut(&mut self.token) = Value::Obj(handled);
    }

    /// `RERAISE`: raises `exc` again without a new traceback entry.
    #[inline(never)]
    pub(crate) fn reraise(&mut self, exc: Value) -> PyErr {
        self.reraising = true;
        match exc {
            Value::Obj(o) if is_exception(&Value::Obj(o.clone())) => self.err_from_object(o),
            _ => bad_code("RERAISE of a non-exception"),
        }
    }

    /// An exception instance from `raise X` operand: an instance, or a class to
    /// call with no arguments.
    fn exception_from_operand(&mut self, v: &Value, what: &str) -> PyResult<ObjRef> {
        if is_exception(v) {
            if let Some(o) = v.as_obj() {
                return Ok(o.clone());
            }
        }
        if is_exception_class(&self.token, v) {
            let r = self.call(v, &[], None)?;
            if let Value::Obj(o) = &r {
                if is_exception(&r) {
                    return Ok(o.clone());
                }
            }
            return Err(PyErr::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                self.repr_string(v),
                type_name(&self.token, &r.type_ref())
            )));
        }
        Err(PyErr::type_error(what.to_owned()))
    }

    /// `RAISE_VARARGS argc`: `raise`, `raise exc`, `raise exc from cause`.
    /// Returns the error to raise.
    #[inline(never)]
    pub(crate) fn raise_varargs(&mut self, argc: u32) -> PyResult<PyErr> {
        match argc {
            0 => match self.handled_exception() {
                Value::Obj(o) => {
                    self.reraising = true;
                    Ok(self.err_from_object(o))
                }
                _ => Ok(PyErr::runtime_error("No active exception to reraise")),
            },
            1 => {
                let v = self.pop();
                let exc =
                    self.exception_from_operand(&v, "exceptions must derive from BaseException")?;
                if let Some(e) = exc.downcast::<ExceptionObj>() {
                    // A fresh `raise e` is chained where it is raised.
                    e.propagated.set(false);
                }
                Ok(self.err_from_object(exc))
            }
            2 => {
                let cause = self.pop();
                let v = self.pop();
                let exc =
                    self.exception_from_operand(&v, "exceptions must derive from BaseException")?;
                let cause = if cause.is_none() {
                    Value::None
                } else {
                    Value::Obj(self.exception_from_operand(
                        &cause,
                        "exception causes must derive from BaseException",
                    )?)
                };
                if let Some(e) = exc.downcast::<ExceptionObj>() {
                    e.propagated.set(false);
                    *e.cause.borrow_mut(&mut self.token) = cause;
                    *e.suppress_context.borrow_mut(&mut self.token) = true;
                }
                Ok(self.err_from_object(exc))
            }
            _ => Err(bad_code("RAISE_VARARGS oparg")),
        }
    }

    /// `except X:` requires X to be an exception class or a tuple of them.
    #[inline(never)]
    pub(crate) fn check_except_class(&mut self, cls: &Value) -> PyResult<()> {
        let ok = match cls.downcast::<Tuple>() {
            Some(t) => t
                .items(&self.token)
                .iter()
                .all(|c| is_exception_class(&self.token, c)),
            None => is_exception_class(&self.token, cls),
        };
        if ok {
            Ok(())
        } else {
            Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ))
        }
    }

    /// `BEFORE_WITH`: pushes the bound `__exit__`, then the result of `__enter__()`.
    #[inline(never)]
    pub(crate) fn before_with(&mut self) -> PyResult<()> {
        let mgr = self.pop();
        let enter_n = intern(&mut self.token, "__enter__");
        let exit_n = intern(&mut self.token, "__exit__");
        let tn = type_name(&self.token, &mgr.type_ref());
        let enter = self.getattr(&mgr, &enter_n).map_err(|_| {
            PyErr::type_error(format!(
                "'{tn}' object does not support the context manager protocol"
            ))
        })?;
        let exit = self.getattr(&mgr, &exit_n).map_err(|_| {
            PyErr::type_error(format!(
                "'{tn}' object does not support the context manager protocol (missed __exit__ method)"
            ))
        })?;
        self.push(exit);
        let r = self.call(&enter, &[], None)?;
        self.push(r);
        Ok(())
    }

    /// `WITH_EXCEPT_START`: `[exit, lasti, prev_exc, exc]` -> calls
    /// `exit(type(exc), exc, tb)` and pushes its result.
    #[inline(never)]
    pub(crate) fn with_except_start(&mut self) -> PyResult<()> {
        let exc = self.top();
        let exit = self.peek(4);
        let tb = exc
            .downcast::<ExceptionObj>()
            .map(|e| e.traceback.borrow(&self.token).clone())
            .unwrap_or_default();
        let r = self.call(&exit, &[Value::Obj(exc.type_ref()), exc, tb], None)?;
        self.push(r);
        Ok(())
    }

    /// `repr(v)` as a Rust string (for messages).
    pub fn repr_string(&mut self, v: &Value) -> String {
        match self.repr(v) {
            Ok(r) => r
                .downcast::<crate::builtins::str::StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
                .unwrap_or_default(),
            Err(_) => "<repr failed>".to_owned(),
        }
    }
}

/// Marks `exc` as leaving an eval loop (or thrown into a frame): the next
/// frame to receive it does not chain it again (CPython chains once, where an
/// exception is raised).
pub(crate) fn mark_propagated(exc: ObjRef) {
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        e.propagated.set(true);
    }
}
