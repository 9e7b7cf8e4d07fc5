//! Weak references in the object model: cleared when the referent is freed
//! (by its count or by the cycle collector), callbacks queued for the next safe
//! point in CPython's order, the basic reference shared, and weak references
//! that are garbage themselves never calling back.

use std::cell::RefCell;

use vm::builtins::object::Instance;
use vm::builtins::str::intern;
use vm::calls::new_native_function;
use vm::object::{has_pending_finalizers, weak_refs_of, Payload, WeakKind};
use vm::types::{builtin_types, new_class, new_native_type};
use vm::weakref::{new_weakref, WeakRefObj};
use vm::{ObjRef, PyResult, Value, Vm};

thread_local! {
    /// Ids of the weak references whose callback ran, in order.
    static CALLED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn record(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let id = args.first().and_then(Value::as_obj).map_or(0, ObjRef::id);
    CALLED.with(|c| c.borrow_mut().push(id));
    Ok(Value::None)
}

fn setup(vm: &mut Vm) -> (ObjRef, ObjRef, Value) {
    let ref_type = new_native_type(vm.token(), "ref", WeakRefObj::LAYOUT, None);
    let cls = new_class(vm.token(), &builtin_types().type_.clone(), "C", vec![]).unwrap();
    let cb = Value::Obj(new_native_function("record", record));
    (ref_type, cls, cb)
}

fn alive(vm: &mut Vm, w: &ObjRef) -> bool {
    w.downcast::<WeakRefObj>()
        .unwrap()
        .get(vm.token())
        .is_some()
}

#[test]
fn cleared_on_free_with_callbacks_most_recent_first() {
    let mut vm = Vm::new().unwrap();
    let (ref_type, cls, cb) = setup(&mut vm);
    let obj = Instance::alloc(vm.token(), &cls).unwrap();
    let basic = new_weakref(
        &mut vm,
        &ref_type,
        &obj,
        Value::None,
        Some(WeakKind::BasicRef),
    )
    .unwrap();
    let again = new_weakref(
        &mut vm,
        &ref_type,
        &obj,
        Value::None,
        Some(WeakKind::BasicRef),
    )
    .unwrap();
    assert!(basic.is(&again), "the basic reference is shared");
    let first = new_weakref(&mut vm, &ref_type, &obj, cb.clone(), None).unwrap();
    let second = new_weakref(&mut vm, &ref_type, &obj, cb, None).unwrap();
    let listed: Vec<usize> = weak_refs_of(vm.token(), &obj, None)
        .iter()
        .map(ObjRef::id)
        .collect();
    assert_eq!(listed, vec![basic.id(), second.id(), first.id()]);
    assert!(alive(&mut vm, &basic));
    drop(obj);
    assert!(!alive(&mut vm, &basic) && !alive(&mut vm, &first));
    assert!(has_pending_finalizers());
    vm.run_finalizers();
    let called = CALLED.with(|c| c.borrow().clone());
    assert_eq!(called, vec![second.id(), first.id()]);
}

#[test]
fn dropping_the_weak_reference_first_unregisters_it() {
    let mut vm = Vm::new().unwrap();
    let (ref_type, cls, cb) = setup(&mut vm);
    let obj = Instance::alloc(vm.token(), &cls).unwrap();
    let w = new_weakref(&mut vm, &ref_type, &obj, cb, None).unwrap();
    assert_eq!(weak_refs_of(vm.token(), &obj, None).len(), 1);
    drop(w);
    assert_eq!(weak_refs_of(vm.token(), &obj, None).len(), 0);
    drop(obj);
    assert!(
        !has_pending_finalizers(),
        "no callback for a freed weak reference"
    );
}

#[test]
fn collector_clears_weakrefs_to_garbage_and_skips_garbage_callbacks() {
    let mut vm = Vm::new().unwrap();
    let (ref_type, cls, cb) = setup(&mut vm);
    CALLED.with(|c| c.borrow_mut().clear());
    let me = intern(vm.token(), "me");
    let wr_attr = intern(vm.token(), "wr");
    let a = Instance::alloc(vm.token(), &cls).unwrap();
    let av = Value::Obj(a.clone());
    vm.setattr(&av, &me, Some(av.clone())).unwrap();
    // A weak reference held from outside: its callback runs.
    let outside = new_weakref(&mut vm, &ref_type, &a, cb.clone(), None).unwrap();
    // A weak reference stored in the garbage itself: no callback.
    let inside = new_weakref(&mut vm, &ref_type, &a, cb, None).unwrap();
    vm.setattr(&av, &wr_attr, Some(Value::Obj(inside))).unwrap();
    drop((a, av));
    assert!(
        alive(&mut vm, &outside),
        "a cycle survives reference counting"
    );
    vm::gc::collect(vm.token());
    assert!(!alive(&mut vm, &outside));
    vm.run_finalizers();
    let called = CALLED.with(|c| c.borrow().clone());
    assert_eq!(called, vec![outside.id()]);
}

#[test]
fn only_gc_objects_can_be_weakly_referenced() {
    let mut vm = Vm::new().unwrap();
    let (ref_type, _, _) = setup(&mut vm);
    let s = vm::builtins::str::new_str("not gc");
    let target = s.as_obj().unwrap().clone();
    assert!(new_weakref(&mut vm, &ref_type, &target, Value::None, None).is_err());
}
