//! The async-generator hooks at work (CPython's `async_gen_init_hooks` and
//! the async-generator part of `_PyGen_Finalize`, `Objects/genobject.c`):
//! the first `__anext__`/`asend`/`athrow`/`aclose` of an async generator
//! calls `sys.set_asyncgen_hooks`' `firstiter` with it and remembers the
//! `finalizer`; when the generator is freed unfinished, the finalizer is
//! called with it instead of closing it (asyncio then runs its `aclose()` on
//! the event loop).
//!
//! `GeneratorObj` has no room for CPython's `ag_hooks_inited` and
//! `ag_origin_or_finalizer`, so they live in a per-thread table by object
//! id; each entry holds a weak reference that tells it apart from a stale
//! entry left by a dead generator at the same address.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::builtins::str::intern;
use crate::error::PyResult;
use crate::generator::{GenKind, GeneratorObj};
use crate::object::{ObjRef, WeakKind};
use crate::value::Value;
use crate::vm::Vm;
use crate::weakref::{new_weakref, WeakRefObj};

/// One async generator's hook state.
struct Entry {
    /// A weak reference to the generator (dead: the entry is stale).
    weak: ObjRef,
    /// The finalizer saved at the first iteration, until it is called.
    finalizer: Option<Value>,
}

thread_local! {
    static ENTRIES: RefCell<HashMap<usize, Entry>> = RefCell::new(HashMap::new());
}

/// Whether `entry` belongs to the live object `obj`.
fn is_for(vm: &mut Vm, entry: &Entry, obj: &ObjRef) -> bool {
    entry
        .weak
        .downcast::<WeakRefObj>()
        .and_then(|w| w.get(vm.token()))
        .is_some_and(|o| o.is(obj))
}

/// `weakref.ref`, from the `_weakref` module.
fn ref_type(vm: &mut Vm) -> PyResult<Option<ObjRef>> {
    let m = vm.import_module("_weakref")?;
    let name = intern(vm.token(), "ref");
    Ok(vm.getattr(&m, &name)?.as_obj().cloned())
}

/// Sets up the hooks of async generator `agen` on its first iteration
/// (CPython's `async_gen_init_hooks`); a no-op afterwards, and while no
/// hook is set.
pub(crate) fn init_hooks(vm: &mut Vm, agen: &Value) -> PyResult<()> {
    let Some(obj) = agen.as_obj() else {
        return Ok(());
    };
    let id = obj.id();
    let known = ENTRIES.with(|e| e.borrow_mut().remove(&id));
    if let Some(entry) = known {
        let live = is_for(vm, &entry, obj);
        ENTRIES.with(|e| e.borrow_mut().insert(id, entry));
        if live {
            return Ok(());
        }
    }
    let (firstiter, finalizer) = crate::builtins_module::sys_asyncgen::current_hooks();
    if firstiter.is_none() && finalizer.is_none() {
        ENTRIES.with(|e| e.borrow_mut().remove(&id));
        return Ok(());
    }
    let Some(cls) = ref_type(vm)? else {
        return Ok(());
    };
    let weak = new_weakref(vm, &cls, obj, Value::None, Some(WeakKind::BasicRef))?;
    let finalizer = (!finalizer.is_none()).then_some(finalizer);
    ENTRIES.with(|e| e.borrow_mut().insert(id, Entry { weak, finalizer }));
    if !firstiter.is_none() {
        vm.call(&firstiter, std::slice::from_ref(agen), None)?;
    }
    Ok(())
}

/// For an unfinished, unclosed async generator being freed that saved a
/// finalizer: calls it with the generator (once) and returns `true`; the
/// caller then doesn't close the generator itself.
pub(crate) fn run_finalizer(vm: &mut Vm, v: &Value) -> bool {
    let Some(g) = v.downcast::<GeneratorObj>() else {
        return false;
    };
    let Some(obj) = v.as_obj() else {
        return false;
    };
    if g.kind != GenKind::AsyncGenerator || g.ag_closed.get() || !g.has_frame(vm.token()) {
        return false;
    }
    let id = obj.id();
    let Some(mut entry) = ENTRIES.with(|e| e.borrow_mut().remove(&id)) else {
        return false;
    };
    if !is_for(vm, &entry, obj) {
        return false;
    }
    let finalizer = entry.finalizer.take();
    ENTRIES.with(|e| e.borrow_mut().insert(id, entry));
    let Some(f) = finalizer else {
        return false;
    };
    if let Err(e) = vm.call(&f, std::slice::from_ref(v), None) {
        vm.write_unraisable(e, Some(v));
    }
    true
}
