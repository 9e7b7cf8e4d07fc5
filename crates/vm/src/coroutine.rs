//! Coroutines and async generators (CPython 3.11's `Objects/genobject.c`):
//! the `coroutine` and `async_generator` types (frames owned by a
//! [`GeneratorObj`] of another [`GenKind`]), `coroutine.__await__`'s
//! `coroutine_wrapper`, and the `asend`/`athrow` awaitables with the
//! wrapped-value protocol of `ASYNC_GEN_WRAP`.

use std::cell::Cell;

use crate::builtins::str::new_str;
use crate::calls::{add_method, arg_range, exact_args};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::generator::{
    gen_close, gen_send, gen_throw, stop_iteration, GenKind, GeneratorObj, SendResult,
};
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::{new_native_type, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// `CO_ITERABLE_COROUTINE`: a generator usable in `await` (`types.coroutine`).
pub const CO_ITERABLE_COROUTINE: u32 = 0x100;

/// The coroutine-related types.
pub struct CoroTypes {
    /// `coroutine`.
    pub coroutine: ObjRef,
    /// `async_generator`.
    pub async_generator: ObjRef,
    /// `coroutine_wrapper` (what `coroutine.__await__()` returns).
    pub coroutine_wrapper: ObjRef,
    /// `async_generator_asend`.
    pub asend: ObjRef,
    /// `async_generator_athrow`.
    pub athrow: ObjRef,
    /// `async_generator_wrapped_value`.
    pub wrapped: ObjRef,
}

thread_local! {
    static TYPES: Cell<Option<&'static CoroTypes>> = const { Cell::new(None) };
}

/// This thread's coroutine types (created on first use).
pub fn types() -> &'static CoroTypes {
    match TYPES.with(Cell::get) {
        Some(t) => t,
        None => match Token::acquire() {
            Some(mut token) => init(&mut token),
            // The VM holds the token: `init` ran at start-up (builtins setup).
            None => std::process::abort(),
        },
    }
}

/// Creates and installs the coroutine types (CPython's `PyCoro_Type`,
/// `PyAsyncGen_Type` and their awaitables).
pub fn init(token: &mut Token) -> &'static CoroTypes {
    if let Some(t) = TYPES.with(Cell::get) {
        return t;
    }
    let t = CoroTypes {
        coroutine: new_native_type(token, "coroutine", GeneratorObj::LAYOUT, None),
        async_generator: new_native_type(token, "async_generator", GeneratorObj::LAYOUT, None),
        coroutine_wrapper: new_native_type(token, "coroutine_wrapper", CoroWrapper::LAYOUT, None),
        asend: new_native_type(token, "async_generator_asend", ASend::LAYOUT, None),
        athrow: new_native_type(token, "async_generator_athrow", AThrow::LAYOUT, None),
        wrapped: new_native_type(
            token,
            "async_generator_wrapped_value",
            Wrapped::LAYOUT,
            None,
        ),
    };
    let t: &'static CoroTypes = Box::leak(Box::new(t));
    TYPES.with(|c| c.set(Some(t)));
    install(token, t);
    t
}

fn install(token: &mut Token, t: &CoroTypes) {
    if let Some(ty) = t.coroutine.downcast::<TypeObject>() {
        ty.slots.repr.set(Some(gen_like_repr));
        ty.slots.getattro.set(Some(gen_getattro));
        ty.slots.finalize.set(Some(crate::generator::gen_finalize));
    }
    add_method(token, &t.coroutine, "send", gen_send);
    add_method(token, &t.coroutine, "throw", gen_throw);
    add_method(token, &t.coroutine, "close", gen_close);
    add_method(token, &t.coroutine, "__await__", coro_await);
    if let Some(ty) = t.async_generator.downcast::<TypeObject>() {
        ty.slots.repr.set(Some(gen_like_repr));
        ty.slots.getattro.set(Some(gen_getattro));
        ty.slots.finalize.set(Some(crate::generator::gen_finalize));
    }
    add_method(token, &t.async_generator, "__aiter__", self_method);
    add_method(token, &t.async_generator, "__anext__", ag_anext);
    add_method(token, &t.async_generator, "asend", ag_asend);
    add_method(token, &t.async_generator, "athrow", ag_athrow);
    add_method(token, &t.async_generator, "aclose", ag_aclose);
    for ty in [&t.coroutine_wrapper, &t.asend, &t.athrow] {
        if let Some(tt) = ty.downcast::<TypeObject>() {
            tt.slots.iter.set(Some(crate::builtins::iter::self_iter));
            tt.slots.iternext.set(Some(awaitable_iternext));
        }
        add_method(token, ty, "send", awaitable_send_method);
        add_method(token, ty, "throw", awaitable_throw_method);
        add_method(token, ty, "close", awaitable_close_method);
    }
    add_method(token, &t.asend, "__await__", self_method);
    add_method(token, &t.athrow, "__await__", self_method);
}

/// `coroutine.__await__()`'s iterator.
pub struct CoroWrapper {
    coro: Value,
}

impl Payload for CoroWrapper {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.coro);
    }
}

/// A value yielded by an async generator's `yield` (`ASYNC_GEN_WRAP`), told
/// apart from values its `await`s pass through to the event loop.
pub struct Wrapped {
    value: Value,
}

impl Payload for Wrapped {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.value);
    }
}

const INIT: u8 = 0;
const ITER: u8 = 1;
const CLOSED: u8 = 2;

/// `agen.asend(v)` / `agen.__anext__()` awaitable.
pub struct ASend {
    gen: Value,
    sendval: PyCell<Value>,
    state: Cell<u8>,
}

impl Payload for ASend {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.gen);
        visit(self.sendval.borrow(token));
    }
}

/// `agen.athrow(...)` / `agen.aclose()` awaitable.
pub struct AThrow {
    gen: Value,
    /// The exception to throw; `None` for `aclose()`.
    exc: PyCell<Option<Value>>,
    is_close: bool,
    state: Cell<u8>,
}

impl Payload for AThrow {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.gen);
        if let Some(v) = self.exc.borrow(token) {
            visit(v);
        }
    }
}

/// `ASYNC_GEN_WRAP`: wraps the value an async generator yields.
pub fn wrap_value(v: Value) -> Value {
    Value::Obj(ObjRef::new(&types().wrapped, Wrapped { value: v }))
}

fn self_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "__await__", args, kw, 1)?;
    Ok(args[0].clone())
}

fn coro_await(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "__await__", args, kw, 1)?;
    Ok(Value::Obj(ObjRef::new(
        &types().coroutine_wrapper,
        CoroWrapper {
            coro: args[0].clone(),
        },
    )))
}

/// `repr()` of a coroutine or async generator.
fn gen_like_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (noun, q) = v
        .downcast::<GeneratorObj>()
        .map(|g| {
            let noun = match g.kind {
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
                GenKind::Generator => "generator",
            };
            let q = g
                .qualname
                .downcast::<crate::builtins::str::StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
                .unwrap_or_default();
            (noun, q)
        })
        .unwrap_or(("coroutine", String::new()));
    let _ = vm;
    let id = v.as_obj().map_or(0, ObjRef::id);
    Ok(new_str(&format!("<{noun} object {q} at {id:#x}>")))
}

fn agen_arg(vm: &mut Vm, v: &Value) -> PyResult<()> {
    match v.downcast::<GeneratorObj>() {
        Some(g) if g.kind == GenKind::AsyncGenerator => Ok(()),
        _ => {
            let tn = crate::types::type_name(vm.token(), &v.type_ref());
            Err(PyErr::type_error(format!(
                "descriptor requires an 'async_generator' object but received a '{tn}'"
            )))
        }
    }
}

/// `agen.__anext__()`.
pub fn anext_awaitable(gen: &Value, sendval: Value) -> Value {
    Value::Obj(ObjRef::new(
        &types().asend,
        ASend {
            gen: gen.clone(),
            sendval: PyCell::new(sendval),
            state: Cell::new(INIT),
        },
    ))
}

fn ag_anext(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "__anext__", args, kw, 1)?;
    agen_arg(vm, &args[0])?;
    crate::agen_hooks::init_hooks(vm, &args[0])?;
    Ok(anext_awaitable(&args[0], Value::None))
}

fn ag_asend(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "asend", args, kw, 2)?;
    agen_arg(vm, &args[0])?;
    crate::agen_hooks::init_hooks(vm, &args[0])?;
    Ok(anext_awaitable(&args[0], args[1].clone()))
}

fn athrow_awaitable(gen: &Value, exc: Option<Value>) -> Value {
    let is_close = exc.is_none();
    Value::Obj(ObjRef::new(
        &types().athrow,
        AThrow {
            gen: gen.clone(),
            exc: PyCell::new(exc),
            is_close,
            state: Cell::new(INIT),
        },
    ))
}

fn ag_athrow(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = arg_range(vm, "athrow", args, kw, 2, 4)?;
    agen_arg(vm, &args[0])?;
    crate::agen_hooks::init_hooks(vm, &args[0])?;
    let exc = make_exception(vm, &args[1], args.get(2))?;
    Ok(athrow_awaitable(&args[0], Some(exc)))
}

fn ag_aclose(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "aclose", args, kw, 1)?;
    agen_arg(vm, &args[0])?;
    crate::agen_hooks::init_hooks(vm, &args[0])?;
    Ok(athrow_awaitable(&args[0], None))
}

/// The exception instance for `throw(typ[, val])` (CPython's
/// `_gen_throw` argument checks plus `_PyErr_NormalizeException`).
pub fn make_exception(vm: &mut Vm, typ: &Value, val: Option<&Value>) -> PyResult<Value> {
    let val = val.filter(|v| !v.is_none());
    if crate::exceptions::is_exception(typ) {
        if val.is_some() {
            return Err(PyErr::type_error(
                "instance exception may not have a separate value",
            ));
        }
        return Ok(typ.clone());
    }
    if crate::exceptions::is_exception_class(vm.token(), typ) {
        if let Some(v) = val {
            if crate::exceptions::is_exception(v) && crate::class::isinstance(vm, v, typ)? {
                return Ok(v.clone());
            }
            if let Some(t) = v.downcast::<crate::builtins::tuple::Tuple>() {
                let items = t.items(vm.token()).to_vec();
                return vm.call(typ, &items, None);
            }
            return vm.call(typ, std::slice::from_ref(v), None);
        }
        return vm.call(typ, &[], None);
    }
    let tn = crate::types::type_name(vm.token(), &typ.type_ref());
    Err(PyErr::type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {tn}"
    )))
}

/// `throw()` into a `coroutine_wrapper` or `asend`/`athrow` awaitable; `None`
/// for other objects.
pub(crate) fn awaitable_throw(vm: &mut Vm, this: &Value, e: PyErr) -> Option<PyResult<SendResult>> {
    if this.downcast::<CoroWrapper>().is_none()
        && this.downcast::<ASend>().is_none()
        && this.downcast::<AThrow>().is_none()
    {
        return None;
    }
    Some(awaitable_step(vm, this, Value::None, Some(e)))
}

fn to_err(vm: &mut Vm, exc: Value) -> PyErr {
    match exc {
        Value::Obj(o) => vm.err_from_object(o),
        _ => PyErr::type_error("bad exception"),
    }
}

/// An async generator's resumption result seen through an awaitable
/// (CPython's `async_gen_unwrap_value`).
fn unwrap_value(vm: &mut Vm, g: &GeneratorObj, r: PyResult<SendResult>) -> PyResult<SendResult> {
    match r {
        Ok(SendResult::Yield(v)) => {
            if let Some(w) = v.downcast::<Wrapped>() {
                g.running_async.set(false);
                let x = w.value.clone();
                let _ = vm;
                return Ok(SendResult::Return(x));
            }
            Ok(SendResult::Yield(v))
        }
        Ok(SendResult::Return(_)) => {
            g.running_async.set(false);
            g.ag_closed.set(true);
            Err(PyErr::bare(ExcKind::StopAsyncIteration))
        }
        Err(e) => {
            g.running_async.set(false);
            if matches!(e.kind, ExcKind::StopAsyncIteration | ExcKind::GeneratorExit) {
                g.ag_closed.set(true);
            }
            Err(e)
        }
    }
}

/// `send`/`throw` of an awaitable; `Return(v)` stands for `StopIteration(v)`.
fn awaitable_step(
    vm: &mut Vm,
    this: &Value,
    v: Value,
    throw: Option<PyErr>,
) -> PyResult<SendResult> {
    if let Some(w) = this.downcast::<CoroWrapper>() {
        let coro = w.coro.clone();
        return vm.resume_generator(&coro, v, throw);
    }
    if let Some(a) = this.downcast::<ASend>() {
        let gen = a.gen.clone();
        let Some(g) = gen.downcast::<GeneratorObj>() else {
            return Err(PyErr::type_error("bad async generator"));
        };
        if a.state.get() == CLOSED {
            return Err(PyErr::runtime_error(
                "cannot reuse already awaited __anext__()/asend()",
            ));
        }
        let mut v = v;
        if a.state.get() == INIT {
            // `async for` makes its `__anext__()` awaitable without the method.
            crate::agen_hooks::init_hooks(vm, &gen)?;
            if g.running_async.get() {
                return Err(PyErr::runtime_error(
                    "anext(): asynchronous generator is already running",
                ));
            }
            if v.is_none() {
                v = std::mem::take(a.sendval.borrow_mut(vm.token()));
            }
            a.state.set(ITER);
        }
        g.running_async.set(true);
        let r = if g.ag_closed.get() && throw.is_none() {
            Err(PyErr::bare(ExcKind::StopAsyncIteration))
        } else {
            vm.resume_generator(&gen, v, throw)
        };
        let r = unwrap_value(vm, g, r);
        if !matches!(r, Ok(SendResult::Yield(_))) {
            a.state.set(CLOSED);
        }
        return r;
    }
    if let Some(a) = this.downcast::<AThrow>() {
        return athrow_step(vm, a, v, throw);
    }
    Err(PyErr::type_error("not an awaitable"))
}

fn athrow_step(vm: &mut Vm, a: &AThrow, v: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    let gen = a.gen.clone();
    let Some(g) = gen.downcast::<GeneratorObj>() else {
        return Err(PyErr::type_error("bad async generator"));
    };
    let what = if a.is_close { "aclose()" } else { "athrow()" };
    if a.state.get() == CLOSED {
        return Err(PyErr::runtime_error(
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    let finished = !g.has_frame(vm.token()) && g.started.get() && !g.running.get();
    if finished && throw.is_none() {
        a.state.set(CLOSED);
        return Ok(SendResult::Return(Value::None));
    }
    // A `throw()` goes straight into the generator, even before the first
    // `send()`, and leaves a just-created awaitable unstarted (CPython
    // 3.11's `async_gen_athrow_throw`): its first `send()` still throws
    // the `athrow()`/`aclose()` exception.
    let r = if a.state.get() == INIT && throw.is_none() {
        if g.running_async.get() {
            a.state.set(CLOSED);
            return Err(PyErr::runtime_error(format!(
                "{what}: asynchronous generator is already running"
            )));
        }
        if g.ag_closed.get() {
            a.state.set(CLOSED);
            return Err(PyErr::bare(ExcKind::StopAsyncIteration));
        }
        if !v.is_none() {
            return Err(PyErr::runtime_error(
                "can't send non-None value to a just-started coroutine",
            ));
        }
        a.state.set(ITER);
        g.running_async.set(true);
        let exc = match a.exc.borrow(vm.token()).clone() {
            Some(x) => to_err(vm, x),
            None => {
                g.ag_closed.set(true);
                PyErr::bare(ExcKind::GeneratorExit)
            }
        };
        if !g.started.get() && a.is_close {
            // An unstarted generator closes without running.
            g.drop_saved(vm.token());
            Err(exc)
        } else {
            vm.resume_generator(&gen, Value::None, Some(exc))
        }
    } else {
        vm.resume_generator(&gen, v, throw)
    };
    if a.is_close {
        match r {
            Ok(SendResult::Yield(x)) => {
                if x.downcast::<Wrapped>().is_some() {
                    g.running_async.set(false);
                    a.state.set(CLOSED);
                    return Err(PyErr::runtime_error(
                        "async generator ignored GeneratorExit",
                    ));
                }
                Ok(SendResult::Yield(x))
            }
            Ok(SendResult::Return(_)) => {
                g.running_async.set(false);
                a.state.set(CLOSED);
                Ok(SendResult::Return(Value::None))
            }
            Err(e) => {
                g.running_async.set(false);
                a.state.set(CLOSED);
                if matches!(e.kind, ExcKind::StopAsyncIteration | ExcKind::GeneratorExit) {
                    return Ok(SendResult::Return(Value::None));
                }
                Err(e)
            }
        }
    } else {
        let r = unwrap_value(vm, g, r);
        if !matches!(r, Ok(SendResult::Yield(_))) {
            a.state.set(CLOSED);
        }
        r
    }
}

/// `SEND` into a `coroutine_wrapper` or an `asend`/`athrow` awaitable (native,
/// so `StopIteration` values travel without exception objects); `None` for
/// other receivers.
pub(crate) fn awaitable_send(vm: &mut Vm, this: &Value, v: Value) -> Option<PyResult<SendResult>> {
    if this.downcast::<CoroWrapper>().is_none()
        && this.downcast::<ASend>().is_none()
        && this.downcast::<AThrow>().is_none()
    {
        return None;
    }
    Some(awaitable_step(vm, this, v, None))
}

/// `SEND` of `None` into an iterator that isn't a generator: its
/// `tp_iternext`, the value of a `StopIteration` it raises being the result
/// (CPython's `_PyGen_FetchStopIterationValue`), as for a custom awaitable
/// whose `__next__` raises `StopIteration(value)`.
pub(crate) fn send_none(vm: &mut Vm, receiver: &Value) -> PyResult<SendResult> {
    let ty = receiver.type_ref();
    let Some(t) = ty.downcast::<TypeObject>() else {
        return vm.next(receiver).map(|_| SendResult::Return(Value::None));
    };
    let Some(next) = t.slots.iternext.get() else {
        return vm.next(receiver).map(|_| SendResult::Return(Value::None));
    };
    // A class's `__next__` is called directly: its `StopIteration` carries
    // the result, which the slot's "exhausted" answer would drop.
    let r = if t.is_builtin() {
        next(vm, receiver)
    } else {
        vm.call_method(receiver, "__next__", &[]).map(Some)
    };
    match r {
        Ok(Some(x)) => Ok(SendResult::Yield(x)),
        Ok(None) => Ok(SendResult::Return(Value::None)),
        Err(mut e) if e.kind == ExcKind::StopIteration => Ok(SendResult::Return(
            crate::generator::stop_iteration_value(vm, &mut e),
        )),
        Err(e) => Err(e),
    }
}

fn finish(vm: &mut Vm, r: PyResult<SendResult>) -> PyResult<Value> {
    match r? {
        SendResult::Yield(x) => Ok(x),
        SendResult::Return(r) => Err(stop_iteration(vm, r)),
    }
}

fn awaitable_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let r = awaitable_step(vm, v, Value::None, None);
    finish(vm, r).map(Some)
}

fn awaitable_send_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "send", args, kw, 2)?;
    let r = awaitable_step(vm, &args[0], args[1].clone(), None);
    finish(vm, r)
}

fn awaitable_throw_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = arg_range(vm, "throw", args, kw, 2, 4)?;
    let exc = make_exception(vm, &args[1], args.get(2))?;
    let err = to_err(vm, exc);
    let r = awaitable_step(vm, &args[0], Value::None, Some(err));
    finish(vm, r)
}

fn awaitable_close_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let args = exact_args(vm, "close", args, kw, 1)?;
    let this = &args[0];
    if let Some(w) = this.downcast::<CoroWrapper>() {
        let c = w.coro.clone();
        return gen_close(vm, &[c], None);
    }
    if let Some(a) = this.downcast::<ASend>() {
        a.state.set(CLOSED);
    }
    if let Some(a) = this.downcast::<AThrow>() {
        a.state.set(CLOSED);
    }
    Ok(Value::None)
}

impl Vm {
    /// `GET_AWAITABLE` (CPython's `_PyCoro_GetAwaitableIter` plus the opcode's
    /// messages): a coroutine or an iterable coroutine as is, else the
    /// iterator `__await__` returns.
    pub(crate) fn get_awaitable(&mut self, v: &Value, where_: u32) -> PyResult<Value> {
        if let Some(g) = v.downcast::<GeneratorObj>() {
            let iterable_coro = g.kind == GenKind::Coroutine
                || (g.kind == GenKind::Generator
                    && g.has_frame(self.token())
                    && g.code
                        .downcast::<crate::code::CodeObj>()
                        .is_some_and(|c| c.flags() & CO_ITERABLE_COROUTINE != 0));
            if iterable_coro {
                let awaited =
                    g.kind == GenKind::Coroutine && g.saved_yield_from(self.token()).is_some();
                if awaited {
                    return Err(PyErr::runtime_error("coroutine is being awaited already"));
                }
                return Ok(v.clone());
            }
        }
        let t = v.type_ref();
        let key = Value::Obj(crate::builtins::str::intern(self.token(), "__await__"));
        let meth = t
            .downcast::<TypeObject>()
            .and_then(|tt| tt.lookup(self.token(), &key));
        let tn = crate::types::type_name(self.token(), &t);
        let Some(meth) = meth else {
            return Err(PyErr::type_error(match where_ {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {tn}"
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {tn}"
                ),
                _ => format!("object {tn} can't be used in 'await' expression"),
            }));
        };
        let r = self.call(&meth, std::slice::from_ref(v), None)?;
        if let Some(g) = r.downcast::<GeneratorObj>() {
            if g.kind == GenKind::Coroutine {
                return Err(PyErr::type_error("__await__() returned a coroutine"));
            }
            return Ok(r);
        }
        let rt = r.type_ref();
        let is_iter = rt
            .downcast::<TypeObject>()
            .is_some_and(|tt| tt.slots.iternext.get().is_some());
        if !is_iter {
            let rn = crate::types::type_name(self.token(), &rt);
            return Err(PyErr::type_error(format!(
                "__await__() returned non-iterator of type '{rn}'"
            )));
        }
        Ok(r)
    }
}

/// Attribute access on generators, coroutines and async generators: the
/// `gi_*`/`cr_*`/`ag_*` getters and `__name__`/`__qualname__` of CPython's
/// `gen_getsetlist`, then the generic lookup.
pub fn gen_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    if let Some(g) = obj.downcast::<GeneratorObj>() {
        let n = name
            .downcast::<crate::builtins::str::StrObj>()
            .and_then(crate::builtins::str::StrObj::as_str)
            .unwrap_or("");
        let prefix = match g.kind {
            GenKind::Generator => "gi_",
            GenKind::Coroutine => "cr_",
            GenKind::AsyncGenerator => "ag_",
        };
        let field = match n {
            "__name__" => return Ok(Value::Obj(g.name.clone())),
            "__qualname__" => return Ok(Value::Obj(g.qualname.clone())),
            _ => n.strip_prefix(prefix).unwrap_or(""),
        };
        match field {
            "code" => return Ok(Value::Obj(g.code.clone())),
            "running" => {
                let r = if g.kind == GenKind::AsyncGenerator {
                    g.running_async.get()
                } else {
                    g.running.get()
                };
                return Ok(Value::Bool(r));
            }
            "frame" => return crate::genattrs::gen_frame(vm, g),
            "suspended" => return Ok(Value::Bool(crate::genattrs::gen_suspended(vm, g))),
            "yieldfrom" | "await" => {
                let yf = g.saved_yield_from(vm.token()).map(|(v, _)| v);
                return Ok(yf.unwrap_or_default());
            }
            _ => {}
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}
