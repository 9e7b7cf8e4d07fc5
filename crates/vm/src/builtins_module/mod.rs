//! The `builtins` module (CPython's `Python/bltinmodule.c`) and the first native
//! modules (`sys`): functions, constructors of the builtin types, exceptions.

mod async_iter;
mod callable_iter;
pub(crate) mod ctors;
mod exec;
mod functions;
mod iterators;
mod methods;
pub(crate) mod modpow;
mod mutable_inits;
pub mod named_iters;
mod sort;
mod sys;
pub mod sys_asyncgen;
mod sys_extra;
mod sys_hooks;

use crate::builtins::str::intern;
use crate::calls::{new_native_function, NativeFn};
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::types::builtin_types;
use crate::value::Value;
use crate::vm::Vm;

/// The iterator types defined here, created once per thread.
pub use iterators::IterTypes;

fn set(vm: &mut Vm, name: &str, v: Value) {
    let m = vm.builtins_module.clone();
    if let Some(m) = m.downcast::<ModuleObj>() {
        m.set(vm.token(), name, v);
    }
}

fn func(vm: &mut Vm, name: &'static str, f: NativeFn) {
    set(vm, name, Value::Obj(new_native_function(name, f)));
}

/// Fills the `builtins` module.
pub fn install(vm: &mut Vm) {
    crate::arith::install();
    crate::class::install(vm);
    ctors::install(vm);
    methods::install(vm);
    crate::methods::install(vm);
    mutable_inits::install(vm);
    let rt = crate::rt_types::rt();
    crate::generator::install(vm.token(), &rt.generator);
    crate::coroutine::init(vm.token());
    callable_iter::install(vm.token());
    named_iters::install(vm.token());
    let b = builtin_types();
    for (name, t) in [
        ("object", &b.object),
        ("type", &b.type_),
        ("int", &b.int),
        ("bool", &b.bool_),
        ("float", &b.float),
        ("str", &b.str_),
        ("dict", &b.dict),
        ("tuple", &b.tuple),
        ("list", &b.list),
        ("set", &rt.set),
        ("range", &rt.range),
        ("slice", &rt.slice),
        ("staticmethod", &rt.staticmethod),
        ("classmethod", &rt.classmethod),
        ("property", &rt.property),
        ("super", &rt.super_),
        ("enumerate", &rt.iters.enumerate),
        ("zip", &rt.iters.zip),
        ("map", &rt.iters.map),
        ("filter", &rt.iters.filter),
        ("reversed", &rt.iters.reversed),
    ] {
        set(vm, name, Value::Obj(t.clone()));
    }
    for (name, cls) in rt.exc.all() {
        set(vm, name, Value::Obj(cls.clone()));
    }
    let os_error = rt.exc.get(crate::error::ExcKind::OSError).clone();
    set(vm, "EnvironmentError", Value::Obj(os_error.clone()));
    set(vm, "IOError", Value::Obj(os_error));
    set(vm, "Ellipsis", Value::Obj(rt.ellipsis.clone()));
    set(vm, "NotImplemented", Value::Obj(rt.not_implemented.clone()));
    set(vm, "None", Value::None);
    set(vm, "True", Value::Bool(true));
    set(vm, "False", Value::Bool(false));
    functions::install(vm, func);
    sort::install(vm, func);
    exec::install(vm, func);
    async_iter::install(vm, func);
    func(vm, "__build_class__", crate::class_build::build_class);
    func(vm, "__import__", crate::import::builtin_import);
    let name = intern(vm.token(), "__debug__");
    let _ = name;
    set(vm, "__debug__", Value::Bool(true));
    crate::reduce::install_builtin_reducers(vm);
    crate::class::register_ctor(&rt.method, crate::function::method_new, false);
    if let Some(m) = vm.builtins_module.clone().downcast::<ModuleObj>() {
        crate::class::install_builtin_docs(vm, &m.dict);
    }
}

/// A builtin module other than `builtins` by name, created on first import.
pub fn builtin_module(vm: &mut Vm, name: &str) -> Option<ObjRef> {
    match name {
        "sys" => Some(sys::create(vm)),
        _ => {
            let init = vm
                .native_modules
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, f)| *f)?;
            init(vm).ok()
        }
    }
}
