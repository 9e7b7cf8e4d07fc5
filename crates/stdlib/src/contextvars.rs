//! `_contextvars` (CPython's `Python/context.c`, PEP 567): `ContextVar`,
//! `Token`, `Context` and `copy_context`, which `contextvars`, `decimal`
//! (`_pydecimal`), `asyncio` and `contextlib` build on.
//!
//! A context is a small mapping from variables (compared by identity) to
//! values, here a vector of pairs: contexts hold few variables, and copying one
//! (`copy_context`, each asyncio task) is a vector clone. The interpreter's
//! current context lives in a thread-local, created empty on first use.

use std::cell::RefCell;

use vm::builtins::list::List;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{add_method, arg_range, exact_args, kwnames_len, ArgSpec, NativeFn};
use vm::class::register_ctor;
use vm::methods::{add_classmethod, add_getter};
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr};

/// The payload of a `ContextVar`: its name and default.
pub struct ContextVar {
    name: Value,
    default: Option<Value>,
}

impl Payload for ContextVar {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        if let Some(d) = &self.default {
            visit(d);
        }
    }
}

/// The payload of a `Context`: the variables' values, and whether `run` is
/// using it now.
pub struct Context {
    vars: PyCell<Vec<(ObjRef, Value)>>,
    entered: PyCell<bool>,
}

impl Payload for Context {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        for (k, v) in self.vars.borrow(token).iter() {
            visit(&Value::Obj(k.clone()));
            visit(v);
        }
    }
    fn clear(&self, token: &mut Token) {
        let old = std::mem::take(self.vars.borrow_mut(token));
        drop(old);
    }
}

/// The payload of a `Token`: what `ContextVar.reset` needs to undo a `set`.
pub struct CtxToken {
    ctx: ObjRef,
    var: ObjRef,
    /// The previous value; `None` for `Token.MISSING`.
    old: Option<Value>,
    used: PyCell<bool>,
}

impl Payload for CtxToken {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.ctx.clone()));
        visit(&Value::Obj(self.var.clone()));
        if let Some(o) = &self.old {
            visit(o);
        }
    }
}

/// The module's types, made by [`create`].
struct Types {
    context: ObjRef,
    token: ObjRef,
    missing: ObjRef,
}

thread_local! {
    static TYPES: RefCell<Option<Types>> = const { RefCell::new(None) };
    /// The current context (CPython's `ts->context`).
    static CURRENT: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

fn types_get<T>(f: impl FnOnce(&Types) -> T) -> PyResult<T> {
    TYPES.with(|t| {
        t.borrow()
            .as_ref()
            .map(f)
            .ok_or_else(|| PyErr::runtime_error("_contextvars is not initialized"))
    })
}

fn new_context(vars: Vec<(ObjRef, Value)>) -> PyResult<ObjRef> {
    let ty = types_get(|t| t.context.clone())?;
    Ok(ObjRef::new(
        &ty,
        Context {
            vars: PyCell::new(vars),
            entered: PyCell::new(false),
        },
    ))
}

/// The current context, made empty on first use.
fn current() -> PyResult<ObjRef> {
    if let Some(c) = CURRENT.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let c = new_context(Vec::new())?;
    CURRENT.with(|cur| *cur.borrow_mut() = Some(c.clone()));
    Ok(c)
}

fn lookup(vm: &mut Vm, ctx: &ObjRef, var: &ObjRef) -> Option<Value> {
    let c = ctx.downcast::<Context>()?;
    c.vars
        .borrow(vm.token())
        .iter()
        .find(|(k, _)| k.is(var))
        .map(|(_, v)| v.clone())
}

fn store(vm: &mut Vm, ctx: &ObjRef, var: &ObjRef, value: Option<Value>) {
    let Some(c) = ctx.downcast::<Context>() else {
        return;
    };
    let vars = c.vars.borrow_mut(vm.token());
    let pos = vars.iter().position(|(k, _)| k.is(var));
    let old = match (pos, value) {
        (Some(i), Some(v)) => Some(std::mem::replace(&mut vars[i].1, v)),
        (Some(i), None) => Some(vars.remove(i).1),
        (None, Some(v)) => {
            vars.push((var.clone(), v));
            None
        }
        (None, None) => None,
    };
    drop(old);
}

fn var_of<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a ObjRef> {
    match v.as_obj().filter(|o| o.downcast::<ContextVar>().is_some()) {
        Some(o) => Ok(o),
        None => Err(PyErr::type_error(format!(
            "{what}{}",
            vm.repr(v)
                .and_then(|r| vm.str_text(&r))
                .map(|t| t.to_string_lossy().into_owned())
                .unwrap_or_default()
        ))),
    }
}

fn ctx_of(v: &Value) -> PyResult<&ObjRef> {
    v.as_obj()
        .filter(|o| o.downcast::<Context>().is_some())
        .ok_or_else(|| PyErr::type_error("a Context object is required"))
}

// ---- ContextVar ----

/// `ContextVar(name, *, default=<missing>)`.
fn contextvar_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pos, [default]) = ArgSpec::parse(vm, "ContextVar", args, kw, ["default"])?;
    if pos.len() != 1 {
        return Err(PyErr::type_error(if pos.is_empty() {
            "ContextVar() missing required argument 'name' (pos 1)".to_owned()
        } else {
            format!(
                "ContextVar() takes exactly 1 positional argument ({} given)",
                pos.len()
            )
        }));
    }
    if pos[0].downcast::<StrObj>().is_none() {
        return Err(PyErr::type_error("context variable name must be a str"));
    }
    Ok(Value::Obj(ObjRef::new(
        cls,
        ContextVar {
            name: pos[0].clone(),
            default,
        },
    )))
}

/// `var.get([default])`.
fn contextvar_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "get", args, kw, 1, 2)?;
    let var = var_of(vm, &a[0], "")?.clone();
    let ctx = current()?;
    if let Some(v) = lookup(vm, &ctx, &var) {
        return Ok(v);
    }
    if let Some(d) = a.get(1) {
        return Ok(d.clone());
    }
    if let Some(d) = var.downcast::<ContextVar>().and_then(|c| c.default.clone()) {
        return Ok(d);
    }
    Err(PyErr {
        kind: ExcKind::LookupError,
        msg: String::new(),
        arg: Some(Value::Obj(var)),
        exc: None,
    })
}

/// `var.set(value)`: a `Token` that can undo it.
fn contextvar_set(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "set", args, kw, 2)?;
    let var = var_of(vm, &a[0], "")?.clone();
    let ctx = current()?;
    let old = lookup(vm, &ctx, &var);
    store(vm, &ctx, &var, Some(a[1].clone()));
    let ty = types_get(|t| t.token.clone())?;
    Ok(Value::Obj(ObjRef::new(
        &ty,
        CtxToken {
            ctx,
            var,
            old,
            used: PyCell::new(false),
        },
    )))
}

/// `var.reset(token)`: restores the value before `set` made `token`.
fn contextvar_reset(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "reset", args, kw, 2)?;
    let var = var_of(vm, &a[0], "")?.clone();
    let Some(tok) = a[1].downcast::<CtxToken>() else {
        let r = vm.repr(&a[1])?;
        let r = vm.str_text(&r)?.to_string_lossy().into_owned();
        return Err(PyErr::type_error(format!(
            "expected an instance of Token, got {r}"
        )));
    };
    let what = |vm: &mut Vm| -> String {
        vm.repr(&a[1])
            .and_then(|r| vm.str_text(&r))
            .map(|t| t.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    if *tok.used.borrow(vm.token()) {
        let r = what(vm);
        return Err(PyErr::runtime_error(format!(
            "{r} has already been used once"
        )));
    }
    if !tok.var.is(&var) {
        let r = what(vm);
        return Err(PyErr::value_error(format!(
            "{r} was created by a different ContextVar"
        )));
    }
    let ctx = current()?;
    if !tok.ctx.is(&ctx) {
        let r = what(vm);
        return Err(PyErr::value_error(format!(
            "{r} was created in a different Context"
        )));
    }
    *tok.used.borrow_mut(vm.token()) = true;
    let old = tok.old.clone();
    store(vm, &ctx, &var, old);
    Ok(Value::None)
}

/// `var.name`.
fn contextvar_name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "name", args, kw, 1)?;
    match a[0].downcast::<ContextVar>() {
        Some(c) => Ok(c.name.clone()),
        None => Err(PyErr::type_error("a ContextVar is required")),
    }
}

/// `<ContextVar name='x' default=1 at 0x...>`.
fn contextvar_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(c) = v.downcast::<ContextVar>() else {
        return Ok(new_str("<ContextVar>"));
    };
    let (name, default) = (c.name.clone(), c.default.clone());
    let mut out = String::from("<ContextVar name=");
    let r = vm.repr(&name)?;
    out.push_str(&vm.str_text(&r)?.to_string_lossy());
    if let Some(d) = default {
        let r = vm.repr(&d)?;
        out.push_str(" default=");
        out.push_str(&vm.str_text(&r)?.to_string_lossy());
    }
    let id = v.as_obj().map_or(0, ObjRef::id);
    out.push_str(&format!(" at {id:#x}>"));
    Ok(new_str(&out))
}

/// `ContextVar[T]`: a `types.GenericAlias`.
fn contextvar_class_getitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__class_getitem__", args, kw, 2)?;
    Ok(vm::generic_alias::new_alias(vm, &a[0], &a[1]))
}

// ---- Token ----

fn token_of(v: &Value) -> PyResult<&CtxToken> {
    v.downcast::<CtxToken>()
        .ok_or_else(|| PyErr::type_error("a Token is required"))
}

/// `token.var`.
fn token_var(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "var", args, kw, 1)?;
    Ok(Value::Obj(token_of(&a[0])?.var.clone()))
}

/// `token.old_value` (`Token.MISSING` when the variable had no value).
fn token_old_value(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "old_value", args, kw, 1)?;
    match &token_of(&a[0])?.old {
        Some(v) => Ok(v.clone()),
        None => Ok(Value::Obj(types_get(|t| t.missing.clone())?)),
    }
}

/// `<Token var=<ContextVar ...> at 0x...>` (`<Token used var=...>` once used).
fn token_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = token_of(v)?;
    let used = *t.used.borrow(vm.token());
    let var = Value::Obj(t.var.clone());
    let r = vm.repr(&var)?;
    let r = vm.str_text(&r)?.to_string_lossy().into_owned();
    let id = v.as_obj().map_or(0, ObjRef::id);
    let used = if used { " used" } else { "" };
    Ok(new_str(&format!("<Token{used} var={r} at {id:#x}>")))
}

fn missing_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(new_str("<Token.MISSING>"))
}

// ---- Context ----

/// `Context()`: a new empty context.
fn context_new(vm: &mut Vm, _cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    if !args.is_empty() || kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error("Context() does not accept any arguments"));
    }
    Ok(Value::Obj(new_context(Vec::new())?))
}

/// `ctx.run(callable, *args, **kwargs)`: calls it with `ctx` as the current
/// context.
fn context_run(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let npos = args.len() - kwnames_len(vm.token(), kw).min(args.len());
    if npos < 2 {
        return Err(PyErr::type_error(
            "run() missing 1 required positional argument",
        ));
    }
    let ctx = ctx_of(&args[0])?.clone();
    let Some(c) = ctx.downcast::<Context>() else {
        return Err(PyErr::type_error("a Context object is required"));
    };
    if *c.entered.borrow(vm.token()) {
        let r = vm.repr(&args[0])?;
        let r = vm.str_text(&r)?.to_string_lossy().into_owned();
        return Err(PyErr::runtime_error(format!(
            "cannot enter context: {r} is already entered"
        )));
    }
    *c.entered.borrow_mut(vm.token()) = true;
    let saved = CURRENT.with(|cur| cur.borrow_mut().replace(ctx.clone()));
    let r = vm.call(&args[1], &args[2..], kw);
    let inner = CURRENT.with(|cur| std::mem::replace(&mut *cur.borrow_mut(), saved));
    drop(inner);
    if let Some(c) = ctx.downcast::<Context>() {
        *c.entered.borrow_mut(vm.token()) = false;
    }
    r
}

/// `ctx.copy()`.
fn context_copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "copy", args, kw, 1)?;
    let vars = ctx_vars(vm, &a[0])?;
    Ok(Value::Obj(new_context(vars)?))
}

fn ctx_vars(vm: &mut Vm, v: &Value) -> PyResult<Vec<(ObjRef, Value)>> {
    let c = ctx_of(v)?;
    Ok(c.downcast::<Context>()
        .map(|c| c.vars.borrow(vm.token()).clone())
        .unwrap_or_default())
}

/// `ctx[var]`.
fn context_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let ctx = ctx_of(v)?.clone();
    let var = var_of(vm, key, "a ContextVar key was expected, got ")?.clone();
    lookup(vm, &ctx, &var).ok_or_else(|| PyErr::key_error(key.clone()))
}

fn context_getitem_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__getitem__", args, kw, 2)?;
    context_getitem(vm, &a[0], &a[1])
}

/// `ctx.get(var, default=None)`.
fn context_get(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "get", args, kw, 2, 3)?;
    let ctx = ctx_of(&a[0])?.clone();
    let var = var_of(vm, &a[1], "a ContextVar key was expected, got ")?.clone();
    Ok(lookup(vm, &ctx, &var).unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

/// `var in ctx`.
fn context_contains(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__contains__", args, kw, 2)?;
    let ctx = ctx_of(&a[0])?.clone();
    let var = var_of(vm, &a[1], "a ContextVar key was expected, got ")?.clone();
    Ok(Value::Bool(lookup(vm, &ctx, &var).is_some()))
}

fn context_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(ctx_vars(vm, v)?.len())
}

fn context_len_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__len__", args, kw, 1)?;
    Ok(Value::Int(context_len(vm, &a[0])? as i64))
}

fn keys_list(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let vars = ctx_vars(vm, v)?;
    Ok(Value::Obj(List::alloc(
        vars.into_iter().map(|(k, _)| Value::Obj(k)).collect(),
    )))
}

fn context_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let l = keys_list(vm, v)?;
    vm.iter(&l)
}

fn context_iter_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__iter__", args, kw, 1)?;
    context_iter(vm, &a[0])
}

/// `ctx.keys()`.
fn context_keys(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "keys", args, kw, 1)?;
    keys_list(vm, &a[0])
}

/// `ctx.values()`.
fn context_values(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "values", args, kw, 1)?;
    let vars = ctx_vars(vm, &a[0])?;
    Ok(Value::Obj(List::alloc(
        vars.into_iter().map(|(_, v)| v).collect(),
    )))
}

/// `ctx.items()`.
fn context_items(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "items", args, kw, 1)?;
    let vars = ctx_vars(vm, &a[0])?;
    Ok(Value::Obj(List::alloc(
        vars.into_iter()
            .map(|(k, v)| Value::Obj(Tuple::alloc(vec![Value::Obj(k), v])))
            .collect(),
    )))
}

/// `copy_context()`: a copy of the current context.
fn copy_context(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "copy_context", args, kw, 0)?;
    let cur = Value::Obj(current()?);
    let vars = ctx_vars(vm, &cur)?;
    Ok(Value::Obj(new_context(vars)?))
}

fn set_module_name(vm: &mut Vm, ty: &ObjRef) {
    if let Some(tp) = ty.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "_contextvars");
    }
}

/// Creates the `_contextvars` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(vm, "_contextvars", &[("copy_context", copy_context)]);

    let var_t = new_native_type(vm.token(), "ContextVar", ContextVar::LAYOUT, None);
    set_module_name(vm, &var_t);
    if let Some(tp) = var_t.downcast::<TypeObject>() {
        tp.slots.repr.set(Some(contextvar_repr));
    }
    register_ctor(&var_t, contextvar_new, false);
    let var_methods: [(&'static str, NativeFn); 3] = [
        ("get", contextvar_get),
        ("set", contextvar_set),
        ("reset", contextvar_reset),
    ];
    for (name, f) in var_methods {
        add_method(vm.token(), &var_t, name, f);
    }
    add_getter(vm.token(), &var_t, "name", contextvar_name);
    add_classmethod(
        vm.token(),
        &var_t,
        "__class_getitem__",
        contextvar_class_getitem,
    );

    let token_t = new_native_type(vm.token(), "Token", CtxToken::LAYOUT, None);
    set_module_name(vm, &token_t);
    if let Some(tp) = token_t.downcast::<TypeObject>() {
        tp.slots.repr.set(Some(token_repr));
    }
    add_getter(vm.token(), &token_t, "var", token_var);
    add_getter(vm.token(), &token_t, "old_value", token_old_value);
    add_classmethod(
        vm.token(),
        &token_t,
        "__class_getitem__",
        contextvar_class_getitem,
    );
    let missing_t = new_native_type(
        vm.token(),
        "Token.MISSING",
        <vm::types::builtin::BaseObject as Payload>::LAYOUT,
        None,
    );
    set_module_name(vm, &missing_t);
    if let Some(tp) = missing_t.downcast::<TypeObject>() {
        tp.slots.repr.set(Some(missing_repr));
    }
    let missing = ObjRef::new(&missing_t, vm::types::builtin::BaseObject);
    if let Some(tp) = token_t.downcast::<TypeObject>() {
        let k = Value::Obj(vm::builtins::str::intern(vm.token(), "MISSING"));
        let _ = tp.dict.set(
            &mut vm::builtins::dict::NativeEq(vm.token()),
            k,
            Value::Obj(missing.clone()),
        );
    }

    let ctx_t = new_native_type(vm.token(), "Context", Context::LAYOUT, None);
    set_module_name(vm, &ctx_t);
    if let Some(tp) = ctx_t.downcast::<TypeObject>() {
        tp.slots.getitem.set(Some(context_getitem));
        tp.slots.len.set(Some(context_len));
        tp.slots.iter.set(Some(context_iter));
    }
    register_ctor(&ctx_t, context_new, false);
    let ctx_methods: [(&'static str, NativeFn); 10] = [
        ("run", context_run),
        ("copy", context_copy),
        ("get", context_get),
        ("keys", context_keys),
        ("values", context_values),
        ("items", context_items),
        ("__getitem__", context_getitem_method),
        ("__contains__", context_contains),
        ("__len__", context_len_method),
        ("__iter__", context_iter_method),
    ];
    for (name, f) in ctx_methods {
        add_method(vm.token(), &ctx_t, name, f);
    }

    TYPES.with(|t| {
        *t.borrow_mut() = Some(Types {
            context: ctx_t.clone(),
            token: token_t.clone(),
            missing,
        })
    });
    set_attr(vm, &m, "ContextVar", Value::Obj(var_t));
    set_attr(vm, &m, "Token", Value::Obj(token_t));
    set_attr(vm, &m, "Context", Value::Obj(ctx_t));
    Ok(m)
}
