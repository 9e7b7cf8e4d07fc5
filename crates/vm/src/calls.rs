//! The native calling convention: how Rust code is called as a Python callable
//! (CPython's vectorcall protocol, `PyCFunction` with `METH_FASTCALL |
//! METH_KEYWORDS`, and method descriptors). Design note: `docs/internals/calls.md`.
//!
//! A native function is a plain [`NativeFn`] pointer:
//!
//! ```text
//! fn(vm: &mut Vm, args: &[Value], kwnames: Option<&ObjRef>) -> PyResult<Value>
//! ```
//!
//! - `args` holds the positional arguments, then the values of the keyword
//!   arguments. For a method, `args[0]` is the receiver (`self`).
//! - `kwnames` is `None` when no keyword arguments were passed, else a `tuple` of
//!   interned `str` names, one per trailing keyword value in `args`
//!   (`args.len() - kwnames.len()` values are positional).
//! - The callee owns nothing: it clones what it keeps. No allocation happens per
//!   call in the caller; a callee that needs none allocates none.
//!
//! Two object types carry a native function:
//! - [`NativeFunction`] (`builtin_function_or_method`): a module-level function, or a
//!   method already bound to its receiver (`[].append`).
//! - [`MethodDescr`] (`method_descriptor`): a method in a type's dict (`list.append`);
//!   attribute lookup on an instance binds it (`descr_get`), and the eval loop's
//!   `LOAD_METHOD` skips the binding and calls the function with the receiver first.
//!
//! Register with [`new_native_function`] (module functions) and [`add_method`]
//! (methods of a type). Argument checking helpers with CPython's messages:
//! [`ArgSpec`], [`no_kwargs`], [`exact_args`], [`arg_range`].

use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// A native function or method (see the module docs for the convention).
pub type NativeFn = fn(&mut Vm, &[Value], Option<&ObjRef>) -> PyResult<Value>;

/// The payload of `builtin_function_or_method` (CPython's `PyCFunctionObject`):
/// a Rust function, its name, and the receiver it is bound to, if any.
pub struct NativeFunction {
    /// `__name__`.
    pub name: &'static str,
    /// The function.
    pub func: NativeFn,
    /// The bound receiver (`__self__`), passed as `args[0]`; `None` for a module
    /// function.
    pub self_: Option<Value>,
    /// `__qualname__` prefix (the owning type's name) for bound methods.
    pub owner: Option<&'static str>,
}

impl Payload for NativeFunction {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.self_ {
            visit(s);
        }
    }
}

/// The payload of `method_descriptor` (CPython's `PyMethodDescrObject`): a native
/// method stored in a type's dict.
pub struct MethodDescr {
    /// `__name__`.
    pub name: &'static str,
    /// The function; `args[0]` is the receiver.
    pub func: NativeFn,
    /// The type that defines it (`__objclass__`), whose instances it accepts.
    pub owner: ObjRef,
}

impl Payload for MethodDescr {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.owner.clone()));
    }
}

/// A new `builtin_function_or_method` for a module-level function.
pub fn new_native_function(name: &'static str, func: NativeFn) -> ObjRef {
    ObjRef::new(
        &crate::rt_types::rt().builtin_function,
        NativeFunction {
            name,
            func,
            self_: None,
            owner: None,
        },
    )
}

/// Adds native method `name` to type `ty`'s dict as a `method_descriptor`
/// (CPython's `PyMethodDef` table entry), or a `wrapper_descriptor` for a slot
/// method (`descr_types::is_slot_wrapper`), and bumps the type's version tag.
pub fn add_method(token: &mut Token, ty: &ObjRef, name: &'static str, func: NativeFn) {
    let rt = crate::rt_types::rt();
    let descr_type = if crate::descr_types::is_slot_wrapper(token, ty, name) {
        &rt.wrapper_descriptor
    } else {
        &rt.method_descriptor
    };
    let descr = ObjRef::new(
        descr_type,
        MethodDescr {
            name,
            func,
            owner: ty.clone(),
        },
    );
    let key = Value::Obj(intern(token, name));
    if let Some(t) = ty.downcast::<TypeObject>() {
        let _ = t.dict.set(
            &mut crate::builtins::dict::NativeEq(token),
            key,
            Value::Obj(descr),
        );
    }
    crate::types::type_modified(token, ty);
}

/// `method_descriptor.__get__`: through an instance, a bound
/// `builtin_function_or_method`; through the class, the descriptor itself.
pub fn method_descr_get(
    vm: &mut Vm,
    descr: &Value,
    obj: Option<&Value>,
    _ty: &ObjRef,
) -> PyResult<Value> {
    bind_method_descr(vm, descr, obj, &crate::rt_types::rt().builtin_function)
}

/// A native method descriptor bound to `obj` as an object of type
/// `bound_ty` (`builtin_function_or_method`, or `method-wrapper` for slot
/// wrappers), after CPython's receiver check; the descriptor itself when
/// reached through the class (`obj` is `None`).
pub(crate) fn bind_method_descr(
    vm: &mut Vm,
    descr: &Value,
    obj: Option<&Value>,
    bound_ty: &ObjRef,
) -> PyResult<Value> {
    let (Some(obj), Some(d)) = (obj, descr.downcast::<MethodDescr>()) else {
        return Ok(descr.clone());
    };
    check_receiver(vm, d, obj)?;
    let owner = leak_name(type_name(vm.token(), &d.owner));
    Ok(Value::Obj(ObjRef::new(
        bound_ty,
        NativeFunction {
            name: d.name,
            func: d.func,
            self_: Some(obj.clone()),
            owner: Some(owner),
        },
    )))
}

/// `f` bound to `receiver` (a new `builtin_function_or_method` passing it as
/// `args[0]`), reported as a method of a `owner` object.
pub fn bind_native(f: &NativeFunction, receiver: Value, owner: &str) -> ObjRef {
    ObjRef::new(
        &crate::rt_types::rt().builtin_function,
        NativeFunction {
            name: f.name,
            func: f.func,
            self_: Some(receiver),
            owner: Some(leak_name(owner.to_owned())),
        },
    )
}

/// `s` as a `&'static str`, interned once per distinct text (type names of
/// native types live for the program).
pub fn leak_name(s: String) -> &'static str {
    thread_local! {
        static NAMES: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    NAMES.with(|n| {
        let mut n = n.borrow_mut();
        if let Some(x) = n.iter().find(|x| **x == s) {
            return *x;
        }
        let x: &'static str = Box::leak(s.into_boxed_str());
        n.push(x);
        x
    })
}

/// The receiver check of a method descriptor: CPython's "descriptor 'append' for
/// 'list' objects doesn't apply to a 'int' object".
pub fn check_receiver(vm: &mut Vm, d: &MethodDescr, obj: &Value) -> PyResult<()> {
    let t = obj.type_ref();
    if crate::types::is_subtype(vm.token(), &t, &d.owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        d.name,
        type_name(vm.token(), &d.owner),
        type_name(vm.token(), &t)
    )))
}

/// The `call` slot of `builtin_function_or_method`: prepends the bound receiver,
/// if any (copying at most a few values onto the Rust stack).
pub fn native_function_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let Some(f) = callable.downcast::<NativeFunction>() else {
        return Err(PyErr::type_error("native call of a non-native function"));
    };
    let func = f.func;
    match &f.self_ {
        None => func(vm, args, kwnames),
        Some(s) => with_prepended(s.clone(), args, |all| func(vm, all, kwnames)),
    }
}

/// The `call` slot of `method_descriptor`: `list.append(l, x)`.
pub fn method_descr_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&ObjRef>,
) -> PyResult<Value> {
    let Some(d) = callable.downcast::<MethodDescr>() else {
        return Err(PyErr::type_error("native call of a non-native method"));
    };
    let npos = args.len() - kwnames_len(vm.token(), kwnames).min(args.len());
    if npos == 0 {
        return Err(PyErr::type_error(format!(
            "unbound method {}.{}() needs an argument",
            type_name(vm.token(), &d.owner),
            d.name
        )));
    }
    check_receiver(vm, d, &args[0])?;
    (d.func)(vm, args, kwnames)
}

/// Calls `f` with `first` followed by `rest`, without allocating for up to 8
/// values (CPython's `PY_VECTORCALL_ARGUMENTS_OFFSET` trick, done by copying).
pub fn with_prepended<R>(first: Value, rest: &[Value], f: impl FnOnce(&[Value]) -> R) -> R {
    const N: usize = 8;
    if rest.len() < N {
        let mut buf: [Value; N] = Default::default();
        buf[0] = first;
        for (slot, v) in buf[1..].iter_mut().zip(rest) {
            *slot = v.clone();
        }
        f(&buf[..rest.len() + 1])
    } else {
        let mut v = Vec::with_capacity(rest.len() + 1);
        v.push(first);
        v.extend_from_slice(rest);
        f(&v)
    }
}

/// The number of keyword arguments named by `kwnames`.
#[inline]
pub fn kwnames_len(token: &Token, kwnames: Option<&ObjRef>) -> usize {
    kwnames
        .and_then(|k| k.downcast::<Tuple>())
        .map_or(0, |t| t.len(token))
}

/// The positional part of `args` (everything but the keyword values).
#[inline]
pub fn positional<'a>(vm: &mut Vm, args: &'a [Value], kwnames: Option<&ObjRef>) -> &'a [Value] {
    let n = kwnames_len(vm.token(), kwnames).min(args.len());
    &args[..args.len() - n]
}

/// Raises CPython's "f() takes no keyword arguments" if any were passed.
#[inline]
pub fn no_kwargs(vm: &mut Vm, name: &str, kwnames: Option<&ObjRef>) -> PyResult<()> {
    if kwnames_len(vm.token(), kwnames) == 0 {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )))
    }
}

/// Checks that exactly `n` positional arguments were passed (and no keywords),
/// with CPython's messages for `METH_O` / `METH_NOARGS` functions.
pub fn exact_args<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kwnames: Option<&ObjRef>,
    n: usize,
) -> PyResult<&'a [Value]> {
    no_kwargs(vm, name, kwnames)?;
    if args.len() == n {
        return Ok(args);
    }
    Err(PyErr::type_error(match n {
        0 => format!("{name}() takes no arguments ({} given)", args.len()),
        1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
        _ => format!("{name} expected {n} arguments, got {}", args.len()),
    }))
}

/// Checks `min <= len(args) <= max` positional arguments (and no keywords), with
/// CPython's `_PyArg_CheckPositional` messages.
pub fn arg_range<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kwnames: Option<&ObjRef>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kwargs(vm, name, kwnames)?;
    let n = args.len();
    if n < min {
        return Err(PyErr::type_error(format!(
            "{name} expected {}{min} argument{}, got {n}",
            if min == max { "" } else { "at least " },
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(PyErr::type_error(format!(
            "{name} expected {}{max} argument{}, got {n}",
            if min == max { "" } else { "at most " },
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(args)
}

/// Checks the arguments of a native method (`args[0]` is the receiver, then
/// `min..=max` positional arguments, no keywords) with the message CPython
/// gives for its calling convention: `METH_NOARGS` ("list.copy() takes no
/// arguments (1 given)"), `METH_O` ("list.append() takes exactly one argument
/// (2 given)"), or Argument Clinic's positional check ("insert expected 2
/// arguments, got 1", "get expected at least 1 argument, got 0"). `qual` is
/// `type.method`; returns all of `args`, receiver included.
pub fn method_args<'a>(
    vm: &mut Vm,
    qual: &str,
    args: &'a [Value],
    kwnames: Option<&ObjRef>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if kwnames_len(vm.token(), kwnames) > 0 {
        return Err(PyErr::type_error(format!(
            "{qual}() takes no keyword arguments"
        )));
    }
    let n = args.len().saturating_sub(1);
    if (min..=max).contains(&n) && !args.is_empty() {
        return Ok(args);
    }
    let short = qual.rsplit('.').next().unwrap_or(qual);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    Err(PyErr::type_error(match (min, max) {
        (0, 0) => format!("{qual}() takes no arguments ({n} given)"),
        (1, 1) => format!("{qual}() takes exactly one argument ({n} given)"),
        _ if min == max => format!("{short} expected {min} argument{}, got {n}", plural(min)),
        _ if n < min => format!(
            "{short} expected at least {min} argument{}, got {n}",
            plural(min)
        ),
        _ => format!(
            "{short} expected at most {max} argument{}, got {n}",
            plural(max)
        ),
    }))
}

/// Keyword-argument parsing for native functions that accept some: the
/// positional arguments, and the value of each keyword named in `names` (in
/// that order), or CPython's "'x' is an invalid keyword argument for f()".
pub struct ArgSpec;

impl ArgSpec {
    /// Splits `args` into positional values and the keywords listed in `names`.
    pub fn parse<'a, const K: usize>(
        vm: &mut Vm,
        fname: &str,
        args: &'a [Value],
        kwnames: Option<&ObjRef>,
        names: [&str; K],
    ) -> PyResult<(&'a [Value], [Option<Value>; K])> {
        let mut out: [Option<Value>; K] = std::array::from_fn(|_| None);
        let Some(kw) = kwnames.and_then(|k| k.downcast::<Tuple>()) else {
            return Ok((args, out));
        };
        let kws = kw.items(vm.token());
        let npos = args.len().saturating_sub(kws.len());
        for (k, v) in kws.iter().zip(&args[npos..]) {
            let name = k
                .downcast::<StrObj>()
                .and_then(StrObj::as_str)
                .unwrap_or("");
            match names.iter().position(|n| *n == name) {
                Some(i) => out[i] = Some(v.clone()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "'{name}' is an invalid keyword argument for {fname}()"
                    )))
                }
            }
        }
        Ok((&args[..npos], out))
    }
}

impl Vm {
    /// `callable(*args)` with keyword names (CPython's `PyObject_Vectorcall`): the
    /// callable's type's `call` slot, else "'T' object is not callable". Python
    /// functions re-enter the eval loop (bounded native recursion).
    pub fn call(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwnames: Option<&ObjRef>,
    ) -> PyResult<Value> {
        let t = callable.type_ref();
        let slot = t.downcast::<TypeObject>().and_then(|t| t.slots.call.get());
        match slot {
            Some(f) => f(self, callable, args, kwnames),
            None => Err(PyErr::type_error(format!(
                "'{}' object is not callable",
                type_name(self.token(), &t)
            ))),
        }
    }

    /// `callable(*args)` without keywords.
    pub fn call0(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(callable, args, None)
    }

    /// Calls method `name` of `obj` with `args` (CPython's
    /// `PyObject_VectorcallMethod`).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = intern(self.token(), name);
        let m = self.getattr(obj, &n)?;
        self.call(&m, args, None)
    }
}
