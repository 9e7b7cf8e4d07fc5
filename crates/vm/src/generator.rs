//! Generators (CPython 3.11's `Objects/genobject.c`): `RETURN_GENERATOR` moves
//! the new frame (its record and its data-stack slice) into a generator object;
//! each resumption moves it back onto the data stack and re-enters the eval
//! loop, and `YIELD_VALUE` moves it out again. `send`, `throw`, `close`.

use std::cell::Cell;

use crate::builtins::str::new_str;
use crate::calls::{add_method, arg_range, exact_args};
use crate::code::CodeObj;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::eval::Exit;
use crate::frame::Frame;
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::value::Value;
use crate::vm::Vm;

/// A suspended frame taken out of its generator as one value (for the cold
/// paths: `throw()` into a delegate, `gi_frame`): its record and its
/// data-stack slice (localsplus and value stack).
pub struct SavedFrame {
    /// The frame record (`base`/`ret_at` are reassigned on resumption).
    pub frame: Frame,
    /// The slots from `base` up.
    pub values: Vec<Option<Value>>,
}

/// Which of CPython's three frame-owning objects a [`GeneratorObj`] is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    /// `generator` (`PyGenObject`).
    Generator,
    /// `coroutine` (`PyCoroObject`, from `async def`).
    Coroutine,
    /// `async_generator` (`PyAsyncGenObject`).
    AsyncGenerator,
}

impl GenKind {
    /// The word CPython's messages use for this kind.
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// The payload of a `generator`, `coroutine` or `async_generator`.
pub struct GeneratorObj {
    /// Generator, coroutine or async generator.
    pub kind: GenKind,
    /// `ag_running_async`: an `asend`/`athrow` awaitable is running it.
    pub running_async: Cell<bool>,
    /// `ag_closed`: `aclose()` was called or it raised `StopAsyncIteration`.
    pub ag_closed: Cell<bool>,
    /// The suspended frame's record; `None` while running or once finished.
    frame: PyCell<Option<Frame>>,
    /// The suspended frame's data-stack slots (localsplus and value stack);
    /// emptied while the frame runs, keeping its capacity so that suspending
    /// again allocates nothing.
    values: PyCell<Vec<Option<Value>>>,
    /// `gi_running`.
    pub running: Cell<bool>,
    /// Whether it has been resumed at least once (else only `None` may be sent).
    pub started: Cell<bool>,
    /// The generator's own "exception being handled" (swapped with the VM's
    /// while it runs, as CPython's `gi_exc_state`).
    pub exc_state: PyCell<Value>,
    /// `__name__`.
    pub name: ObjRef,
    /// `__qualname__`.
    pub qualname: ObjRef,
    /// `gi_code` / `cr_code` / `ag_code`.
    pub code: ObjRef,
}

impl GeneratorObj {
    /// Whether a suspended frame is held (not running, not finished).
    pub fn has_frame(&self, token: &Token) -> bool {
        self.frame.borrow(token).is_some()
    }

    /// `f_lasti` of the suspended frame.
    pub fn saved_lasti(&self, token: &Token) -> Option<usize> {
        self.frame.borrow(token).as_ref().map(|f| f.lasti)
    }

    /// The sub-iterator the suspended frame delegates to and where it goes on
    /// (see [`Vm::yield_from_target`]).
    pub fn saved_yield_from(&self, token: &Token) -> Option<(Value, usize)> {
        let f = self.frame.borrow(token).as_ref()?;
        Vm::yield_from_target(f, self.values.borrow(token))
    }

    /// Takes the suspended frame out (the generator then looks finished until
    /// [`GeneratorObj::put_saved`] gives it back).
    pub fn take_saved(&self, token: &mut Token) -> Option<SavedFrame> {
        let frame = self.frame.borrow_mut(token).take()?;
        let values = std::mem::take(self.values.borrow_mut(token));
        Some(SavedFrame { frame, values })
    }

    /// Stores a suspended frame.
    pub fn put_saved(&self, token: &mut Token, saved: SavedFrame) {
        *self.frame.borrow_mut(token) = Some(saved.frame);
        *self.values.borrow_mut(token) = saved.values;
    }

    /// Drops the suspended frame: the generator is finished.
    pub fn drop_saved(&self, token: &mut Token) {
        let frame = self.frame.borrow_mut(token).take();
        let values = std::mem::take(self.values.borrow_mut(token));
        drop((frame, values));
    }
}

impl Payload for GeneratorObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = self.frame.borrow(token) {
            self.values
                .borrow(token)
                .iter()
                .flatten()
                .for_each(&mut *visit);
            visit(&Value::Obj(f.code.clone()));
            visit(&Value::Obj(f.globals.clone()));
            if let Some(func) = &f.func {
                visit(&Value::Obj(func.clone()));
            }
            if let Some(o) = &f.obj {
                visit(&Value::Obj(o.clone()));
            }
        }
        visit(self.exc_state.borrow(token));
        visit(&Value::Obj(self.code.clone()));
    }

    fn clear(&self, token: &mut Token) {
        self.drop_saved(token);
    }
}

/// The outcome of a `throw()` offered to a delegated-to sub-iterator.
enum Delegated {
    /// The sub-iterator yielded: the generator stays suspended.
    Yield(SavedFrame, Value),
    /// Resume the generator's frame, sending a value or raising an error.
    Resume(SavedFrame, Value, Option<PyErr>),
}

/// What a resumption produced.
pub enum SendResult {
    /// The generator yielded this value.
    Yield(Value),
    /// The generator returned this value (`StopIteration.value`).
    Return(Value),
}

impl Vm {
    /// `RETURN_GENERATOR`: moves frame `fi` (resuming at `ip`) into a new
    /// generator object. The caller then pops the (now empty) frame.
    pub(crate) fn make_generator(&mut self, fi: usize, ip: usize) -> PyResult<Value> {
        let f = &self.frames[fi];
        let base = f.base;
        let mut frame = f.clone();
        frame.ip = ip;
        frame.lasti = ip.saturating_sub(1);
        let values: Vec<Option<Value>> = self.stack.drain(base..).collect();
        let (name, qualname) = match frame.code.downcast::<CodeObj>() {
            Some(co) => (co.name.clone(), co.qualname.clone()),
            None => (
                crate::builtins::str::intern(&mut self.token, "?"),
                crate::builtins::str::intern(&mut self.token, "?"),
            ),
        };
        let flags = frame.code.downcast::<CodeObj>().map_or(0, |c| c.flags());
        let (kind, ty) = if flags & crate::code::CO_COROUTINE != 0 {
            (
                GenKind::Coroutine,
                crate::coroutine::types().coroutine.clone(),
            )
        } else if flags & crate::code::CO_ASYNC_GENERATOR != 0 {
            (
                GenKind::AsyncGenerator,
                crate::coroutine::types().async_generator.clone(),
            )
        } else {
            (GenKind::Generator, crate::rt_types::rt().generator.clone())
        };
        let g = GeneratorObj {
            code: frame.code.clone(),
            kind,
            running_async: Cell::new(false),
            ag_closed: Cell::new(false),
            frame: PyCell::new(Some(frame)),
            values: PyCell::new(values),
            running: Cell::new(false),
            started: Cell::new(false),
            exc_state: PyCell::new(Value::None),
            name,
            qualname,
        };
        Ok(Value::Obj(ObjRef::new(&ty, g)))
    }

    /// Resumes generator `gen` with `sent` pushed, or with `throw` raised at its
    /// suspension point (CPython's `gen_send_ex2`).
    pub fn resume_generator(
        &mut self,
        gen: &Value,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<SendResult> {
        let Some(g) = gen.downcast::<GeneratorObj>() else {
            return Err(PyErr::type_error("not a generator"));
        };
        let kind = g.kind;
        if g.running.get() {
            return Err(PyErr::value_error(format!(
                "{} already executing",
                kind.noun()
            )));
        }
        let Some(mut frame) = g.frame.borrow_mut(&mut self.token).take() else {
            if kind == GenKind::Coroutine
                && throw
                    .as_ref()
                    .is_none_or(|e| e.kind != ExcKind::GeneratorExit)
            {
                return Err(PyErr::runtime_error(
                    "cannot reuse already awaited coroutine",
                ));
            }
            return match throw {
                Some(e) => Err(e),
                None => Ok(SendResult::Return(Value::None)),
            };
        };
        if !g.started.get() && throw.is_none() && !sent.is_none() {
            *g.frame.borrow_mut(&mut self.token) = Some(frame);
            return Err(PyErr::type_error(format!(
                "can't send non-None value to a just-started {}",
                kind.noun()
            )));
        }
        g.started.set(true);
        if self.frames.len() >= self.recursion_limit() as usize {
            *g.frame.borrow_mut(&mut self.token) = Some(frame);
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let (sent, throw) = match throw {
            Some(e) => {
                let values = std::mem::take(g.values.borrow_mut(&mut self.token));
                match self.throw_into_delegate(g, SavedFrame { frame, values }, e) {
                    Delegated::Yield(saved, v) => {
                        g.put_saved(&mut self.token, saved);
                        return Ok(SendResult::Yield(v));
                    }
                    Delegated::Resume(saved, sent, throw) => {
                        *g.values.borrow_mut(&mut self.token) = saved.values;
                        frame = saved.frame;
                        (sent, throw)
                    }
                }
            }
            None => (sent, None),
        };
        self.unpack_saved_frame(g, &mut frame);
        frame.entry = true;
        frame.inline_gen = None;
        let throwing = throw.is_some();
        if !throwing {
            self.push(sent);
        }
        self.frames.push(frame);
        let entry = self.frames.len() - 1;
        g.running.set(true);
        let gen_exc = std::mem::take(g.exc_state.borrow_mut(&mut self.token));
        let caller_exc = std::mem::replace(&mut self.exc_info, gen_exc);
        self.exc_outer.push(caller_exc);
        let r = self.guarded("", |vm| match throw {
            Some(mut e) => {
                // `throw()` restores the exception into the frame as is
                // (CPython's `PyErr_Restore`): it is not chained there.
                crate::eval::mark_propagated(vm.exc_object(&mut e));
                match vm.unwind(e, entry) {
                    Some(e) => Err(e),
                    None => vm.run_frames(entry),
                }
            }
            None => vm.run_frames(entry),
        });
        let caller_exc = self.exc_outer.pop().unwrap_or(Value::None);
        let gen_exc = std::mem::replace(&mut self.exc_info, caller_exc);
        g.running.set(false);
        match r {
            Ok(Exit::Yield(v)) => {
                *g.exc_state.borrow_mut(&mut self.token) = gen_exc;
                self.suspend_frame_object();
                let Some(frame) = self.frames.pop() else {
                    return Err(PyErr::new(ExcKind::SystemError, "generator frame lost"));
                };
                let values = g.values.borrow_mut(&mut self.token);
                crate::object::move_tail(&mut self.stack, frame.base, values);
                *g.frame.borrow_mut(&mut self.token) = Some(frame);
                Ok(SendResult::Yield(v))
            }
            Ok(Exit::Return(v)) => Ok(SendResult::Return(v)),
            Err(mut e) => {
                let stop_async =
                    kind == GenKind::AsyncGenerator && e.kind == ExcKind::StopAsyncIteration;
                if e.kind == ExcKind::StopIteration || stop_async {
                    let what = if stop_async {
                        "StopAsyncIteration"
                    } else {
                        "StopIteration"
                    };
                    return Err(self.generator_raised_stop_iteration(&mut e, kind.noun(), what));
                }
                Err(e)
            }
        }
    }

    /// Moves a suspended frame's slots back onto the data stack (one bulk
    /// move; the generator's vector keeps its capacity for the next
    /// suspension, so a yield/resume cycle allocates nothing) and rebases the
    /// frame record there.
    #[inline(always)]
    fn unpack_saved_frame(&mut self, g: &GeneratorObj, frame: &mut Frame) {
        let base = self.stack.len();
        frame.base = base;
        frame.ret_at = base;
        self.stack.append(g.values.borrow_mut(&mut self.token));
    }

    /// `FOR_ITER` over a plain generator: resumes its frame on top of the
    /// caller's in the running eval loop instead of re-entering it (CPython
    /// 3.12's `FOR_ITER_GEN`; 3.11 recurses in C here). `exit_ip` is where the
    /// caller continues once the generator is exhausted. Returns `false` when
    /// the generator can't be resumed this way (not a suspended plain
    /// generator, or at the recursion limit): the caller then uses `next`,
    /// which gives the right result or error.
    pub(crate) fn push_generator_frame(&mut self, gen: &ObjRef, exit_ip: usize) -> bool {
        let Some(g) = gen.downcast::<GeneratorObj>() else {
            return false;
        };
        if g.kind != GenKind::Generator
            || g.running.get()
            || self.frames.len() >= self.recursion_limit() as usize
        {
            return false;
        }
        let Some(mut frame) = g.frame.borrow_mut(&mut self.token).take() else {
            return false;
        };
        g.started.set(true);
        g.running.set(true);
        self.unpack_saved_frame(g, &mut frame);
        frame.entry = false;
        frame.inline_gen = Some((gen.clone(), exit_ip));
        self.push(Value::None);
        // While it runs, the VM holds the generator's "exception being
        // handled" and the caller's waits on `exc_outer`.
        let gen_exc = std::mem::take(g.exc_state.borrow_mut(&mut self.token));
        let caller_exc = std::mem::replace(&mut self.exc_info, gen_exc);
        self.exc_outer.push(caller_exc);
        self.frames.push(frame);
        true
    }

    /// `YIELD_VALUE` in a generator frame resumed by [`Vm::push_generator_frame`]:
    /// suspends it back into its generator and gives the value to the caller's
    /// `FOR_ITER`.
    pub(crate) fn yield_inline_generator(&mut self, v: Value) -> PyResult<()> {
        self.suspend_frame_object();
        let Some(mut frame) = self.frames.pop() else {
            return Err(PyErr::new(ExcKind::SystemError, "generator frame lost"));
        };
        let Some((gen, _)) = frame.inline_gen.take() else {
            return Err(PyErr::new(ExcKind::SystemError, "generator frame lost"));
        };
        let Some(g) = gen.downcast::<GeneratorObj>() else {
            return Err(PyErr::new(ExcKind::SystemError, "generator frame lost"));
        };
        let values = g.values.borrow_mut(&mut self.token);
        crate::object::move_tail(&mut self.stack, frame.base, values);
        self.restore_caller_exc(g, true);
        g.running.set(false);
        *g.frame.borrow_mut(&mut self.token) = Some(frame);
        self.push(v);
        Ok(())
    }

    /// A generator frame resumed in place finished (returned, or `err` is
    /// unwinding out of it; the frame is already popped): marks the generator
    /// done and gives the caller back its exception state. An escaping
    /// `StopIteration` becomes CPython's `RuntimeError("generator raised
    /// StopIteration")`.
    pub(crate) fn finish_inline_generator(&mut self, gen: &ObjRef, err: Option<&mut PyErr>) {
        let Some(g) = gen.downcast::<GeneratorObj>() else {
            return;
        };
        self.restore_caller_exc(g, false);
        g.running.set(false);
        if let Some(e) = err {
            if e.kind == ExcKind::StopIteration {
                *e = self.generator_raised_stop_iteration(e, "generator", "StopIteration");
            }
        }
    }

    /// Swaps the caller's exception state back into the VM; keeps the
    /// generator's own in it when `suspending`.
    fn restore_caller_exc(&mut self, g: &GeneratorObj, suspending: bool) {
        let caller_exc = self.exc_outer.pop().unwrap_or(Value::None);
        let gen_exc = std::mem::replace(&mut self.exc_info, caller_exc);
        if suspending {
            *g.exc_state.borrow_mut(&mut self.token) = gen_exc;
        }
    }

    /// The `RuntimeError` that replaces a `StopIteration` (or
    /// `StopAsyncIteration`) escaping a generator (PEP 479), chained to it.
    fn generator_raised_stop_iteration(&mut self, e: &mut PyErr, noun: &str, what: &str) -> PyErr {
        let exc = self.exc_object(e);
        let mut re = PyErr::runtime_error(format!("{noun} raised {what}"));
        let new = self.exc_object(&mut re);
        if let Some(n) = new.downcast::<crate::exceptions::ExceptionObj>() {
            *n.cause.borrow_mut(&mut self.token) = Value::Obj(exc.clone());
            *n.suppress_context.borrow_mut(&mut self.token) = true;
            *n.context.borrow_mut(&mut self.token) = Value::Obj(exc);
        }
        re
    }

    /// The sub-iterator a suspended frame delegates to (`yield from`/`await`)
    /// and the instruction after its `SEND` loop (CPython's `_PyGen_yf`: the
    /// next instruction is `RESUME` with oparg 2 or 3).
    pub(crate) fn yield_from_target(
        frame: &Frame,
        values: &[Option<Value>],
    ) -> Option<(Value, usize)> {
        use compiler::opcode::num::{EXTENDED_ARG, RESUME, SEND};
        let co = frame.code.downcast::<CodeObj>()?;
        let ins: &[u8] = &co.instrs;
        let ip = frame.ip;
        if *ins.get(ip * 2)? != RESUME || *ins.get(ip * 2 + 1)? < 2 {
            return None;
        }
        let send_at = frame.lasti.checked_sub(1)?;
        if *ins.get(send_at * 2)? != SEND {
            return None;
        }
        let mut jump = *ins.get(send_at * 2 + 1)? as usize;
        let mut k = send_at;
        let mut shift = 8;
        while k > 0 && shift < 32 && ins.get((k - 1) * 2) == Some(&EXTENDED_ARG) {
            jump |= (*ins.get((k - 1) * 2 + 1)? as usize) << shift;
            shift += 8;
            k -= 1;
        }
        let yf = values.last()?.clone()?;
        Some((yf, frame.lasti + jump))
    }

    /// `close()` of a sub-iterator (CPython's `gen_close_iter`).
    fn close_iter(&mut self, yf: &Value) -> PyResult<()> {
        if yf.downcast::<GeneratorObj>().is_some() {
            return gen_close(self, std::slice::from_ref(yf), None).map(drop);
        }
        let n = crate::builtins::str::intern(&mut self.token, "close");
        match self.getattr(yf, &n) {
            Ok(m) => self.call(&m, &[], None).map(drop),
            Err(e) if e.kind == ExcKind::AttributeError => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `throw()` into a generator suspended in `yield from`/`await`: the
    /// exception goes to the sub-iterator first (CPython's `_gen_throw`).
    fn throw_into_delegate(
        &mut self,
        g: &GeneratorObj,
        mut saved: SavedFrame,
        e: PyErr,
    ) -> Delegated {
        let Some((yf, target)) = Self::yield_from_target(&saved.frame, &saved.values) else {
            return Delegated::Resume(saved, Value::None, Some(e));
        };
        g.running.set(true);
        if e.kind == ExcKind::GeneratorExit {
            let r = self.close_iter(&yf);
            g.running.set(false);
            return match r {
                Err(ce) => Delegated::Resume(saved, Value::None, Some(ce)),
                Ok(()) => Delegated::Resume(saved, Value::None, Some(e)),
            };
        }
        let r = if yf.downcast::<GeneratorObj>().is_some() {
            self.resume_generator(&yf, Value::None, Some(e))
        } else if let Some(r) = crate::coroutine::awaitable_throw(self, &yf, e.clone()) {
            r
        } else {
            let n = crate::builtins::str::intern(&mut self.token, "throw");
            match self.getattr(&yf, &n) {
                Ok(m) => {
                    let mut e = e;
                    let exc = self.exc_object(&mut e);
                    match self.call(&m, &[Value::Obj(exc)], None) {
                        Ok(v) => Ok(SendResult::Yield(v)),
                        Err(mut x) if x.kind == ExcKind::StopIteration => {
                            Ok(SendResult::Return(stop_iteration_value(self, &mut x)))
                        }
                        Err(x) => Err(x),
                    }
                }
                Err(ae) if ae.kind == ExcKind::AttributeError => {
                    g.running.set(false);
                    return Delegated::Resume(saved, Value::None, Some(e));
                }
                Err(x) => Err(x),
            }
        };
        g.running.set(false);
        let (sent, throw) = match r {
            Ok(SendResult::Yield(v)) => return Delegated::Yield(saved, v),
            Ok(SendResult::Return(v)) => (v, None),
            Err(x) => (Value::None, Some(x)),
        };
        saved.values.pop();
        saved.frame.ip = target;
        saved.frame.lasti = target.saturating_sub(1);
        Delegated::Resume(saved, sent, throw)
    }

    /// `SEND`: sends `v` into `receiver` (a generator, or any iterator when `v`
    /// is `None`).
    pub(crate) fn send(&mut self, receiver: &Value, v: Value) -> PyResult<SendResult> {
        if receiver.downcast::<GeneratorObj>().is_some() {
            return self.resume_generator(receiver, v, None);
        }
        if let Some(r) = crate::coroutine::awaitable_send(self, receiver, v.clone()) {
            return r;
        }
        if v.is_none() {
            return crate::coroutine::send_none(self, receiver);
        }
        let r = self.call_method(receiver, "send", &[v]);
        match r {
            Ok(x) => Ok(SendResult::Yield(x)),
            Err(mut e) if e.kind == ExcKind::StopIteration => {
                Ok(SendResult::Return(stop_iteration_value(self, &mut e)))
            }
            Err(e) => Err(e),
        }
    }
}

/// `StopIteration.value` of a raised `StopIteration` (CPython's
/// `_PyGen_FetchStopIterationValue`).
pub fn stop_iteration_value(vm: &mut Vm, e: &mut PyErr) -> Value {
    let exc = vm.exc_object(e);
    let token = vm.token();
    exc.downcast::<crate::exceptions::ExceptionObj>()
        .and_then(|x| {
            x.args
                .borrow(token)
                .downcast::<crate::builtins::tuple::Tuple>()
                .and_then(|t| t.get(token, 0))
        })
        .unwrap_or_default()
}

/// `next(gen)`.
pub fn gen_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match vm.resume_generator(v, Value::None, None)? {
        SendResult::Yield(x) => Ok(Some(x)),
        SendResult::Return(_) => Ok(None),
    }
}

/// A `StopIteration` carrying a generator's return value.
pub fn stop_iteration(vm: &mut Vm, value: Value) -> PyErr {
    if value.is_none() {
        return PyErr::bare(ExcKind::StopIteration);
    }
    let cls = crate::exceptions::exc_class(ExcKind::StopIteration);
    let e = crate::exceptions::ExceptionObj::alloc(&cls, vec![value]);
    vm.err_from_object(e)
}

/// `next(gen)` from the `next` builtin: `StopIteration(value)` at the end.
pub fn gen_next_builtin(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match vm.resume_generator(v, Value::None, None)? {
        SendResult::Yield(x) => Ok(x),
        SendResult::Return(r) => Err(stop_iteration(vm, r)),
    }
}

pub(crate) fn gen_send(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "send", args, kw, 2)?;
    match vm.resume_generator(&args[0], args[1].clone(), None)? {
        SendResult::Yield(x) => Ok(x),
        SendResult::Return(r) => Err(stop_iteration(vm, r)),
    }
}

pub(crate) fn gen_throw(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = arg_range(vm, "throw", args, kw, 2, 4)?;
    let exc = crate::coroutine::make_exception(vm, &args[1], args.get(2))?;
    let Value::Obj(o) = exc else {
        return Err(PyErr::type_error("bad exception"));
    };
    let err = vm.err_from_object(o);
    match vm.resume_generator(&args[0], Value::None, Some(err))? {
        SendResult::Yield(x) => Ok(x),
        SendResult::Return(r) => Err(stop_iteration(vm, r)),
    }
}

pub(crate) fn gen_close(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "close", args, kw, 1)?;
    let g = &args[0];
    let started = g
        .downcast::<GeneratorObj>()
        .and_then(|g| g.saved_lasti(vm.token()))
        .is_some();
    if !started {
        return Ok(Value::None);
    }
    let err = PyErr::bare(ExcKind::GeneratorExit);
    match vm.resume_generator(g, Value::None, Some(err)) {
        Ok(SendResult::Yield(_)) => {
            let noun = g
                .downcast::<GeneratorObj>()
                .map_or("generator", |g| g.kind.noun());
            Err(PyErr::runtime_error(format!(
                "{noun} ignored GeneratorExit"
            )))
        }
        Ok(SendResult::Return(_)) => Ok(Value::None),
        Err(e) if matches!(e.kind, ExcKind::GeneratorExit | ExcKind::StopIteration) => {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// `tp_finalize` of generators, coroutines and async generators (CPython's
/// `_PyGen_Finalize`): a suspended one is closed; errors are reported through
/// `sys.unraisablehook` ("Exception ignored in: <generator object ...>").
pub fn gen_finalize(vm: &mut Vm, v: &Value) {
    if crate::agen_hooks::run_finalizer(vm, v) {
        return;
    }
    let suspended = v
        .downcast::<GeneratorObj>()
        .is_some_and(|g| g.started.get() && !g.running.get() && g.has_frame(vm.token()));
    if suspended {
        if let Err(e) = gen_close(vm, std::slice::from_ref(v), None) {
            vm.write_unraisable(e, Some(v));
        }
    }
}

/// `repr(gen)`: `<generator object f at 0x...>`.
pub fn gen_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let q = v
        .downcast::<GeneratorObj>()
        .and_then(|g| {
            g.qualname
                .downcast::<crate::builtins::str::StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    let id = v.as_obj().map_or(0, ObjRef::id);
    Ok(new_str(&format!("<generator object {q} at {id:#x}>")))
}

/// Installs the generator type's slots and methods.
pub fn install(token: &mut Token, ty: &ObjRef) {
    if let Some(t) = ty.downcast::<crate::types::TypeObject>() {
        t.slots.iter.set(Some(crate::builtins::iter::self_iter));
        t.slots.iternext.set(Some(gen_iternext));
        t.slots.repr.set(Some(gen_repr));
        t.slots.getattro.set(Some(crate::coroutine::gen_getattro));
        t.slots.finalize.set(Some(gen_finalize));
    }
    add_method(token, ty, "send", gen_send);
    add_method(token, ty, "throw", gen_throw);
    add_method(token, ty, "close", gen_close);
}
