//! Finalizers (`__del__`, PEP 442): run once, after the last reference dies, at
//! the VM's next safe point; resurrection; cyclic garbage with finalizers.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use vm::builtins::object::Instance;
use vm::builtins::str::intern;
use vm::object::{has_pending_finalizers, Payload, PayloadKind};
use vm::types::{builtin_types, new_class, new_native_type, TypeObject};
use vm::{ObjRef, Value, Vm};

struct Canary(Rc<Cell<usize>>);

impl Drop for Canary {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

impl Payload for Canary {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

thread_local! {
    static CALLS: Cell<usize> = const { Cell::new(0) };
    static RESURRECT: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static KEEP: Cell<bool> = const { Cell::new(false) };
}

fn finalizer(_vm: &mut Vm, v: &Value) {
    CALLS.with(|c| c.set(c.get() + 1));
    if KEEP.with(Cell::get) {
        RESURRECT.with(|r| r.borrow_mut().push(v.clone()));
    }
}

fn set_finalizer(t: &ObjRef) {
    t.downcast::<TypeObject>()
        .unwrap()
        .slots
        .finalize
        .set(Some(finalizer));
}

#[test]
fn finalizer_runs_once_then_object_is_freed() {
    let mut vm = Vm::new().unwrap();
    let ty = new_native_type(vm.token(), "F", Canary::LAYOUT, None);
    set_finalizer(&ty);
    let drops = Rc::new(Cell::new(0));
    let obj = ObjRef::new(&ty, Canary(drops.clone()));
    drop(obj);
    assert!(has_pending_finalizers());
    assert_eq!(
        (CALLS.with(Cell::get), drops.get()),
        (0, 0),
        "waits for a safe point"
    );
    vm.run_finalizers();
    assert_eq!((CALLS.with(Cell::get), drops.get()), (1, 1));
    assert!(!has_pending_finalizers());
}

#[test]
fn resurrected_object_is_not_finalized_twice() {
    let mut vm = Vm::new().unwrap();
    let ty = new_native_type(vm.token(), "F", Canary::LAYOUT, None);
    set_finalizer(&ty);
    let drops = Rc::new(Cell::new(0));
    KEEP.with(|k| k.set(true));
    drop(ObjRef::new(&ty, Canary(drops.clone())));
    vm.run_finalizers();
    assert_eq!((CALLS.with(Cell::get), drops.get()), (1, 0), "resurrected");
    KEEP.with(|k| k.set(false));
    RESURRECT.with(|r| r.borrow_mut().clear());
    assert!(!has_pending_finalizers());
    assert_eq!(
        (CALLS.with(Cell::get), drops.get()),
        (1, 1),
        "freed without a second call"
    );
}

#[test]
fn cyclic_garbage_is_finalized_before_it_is_cleared() {
    let mut vm = Vm::new().unwrap();
    let c = new_class(vm.token(), &builtin_types().type_.clone(), "C", vec![]).unwrap();
    set_finalizer(&c);
    let me = intern(vm.token(), "me");
    let obj = Value::Obj(Instance::alloc(vm.token(), &c).unwrap());
    vm.setattr(&obj, &me, Some(obj.clone())).unwrap();
    drop(obj);
    let base = vm::object::gc_tracked_count();
    assert_eq!(
        vm::gc::collect(vm.token()),
        0,
        "finalizer first, nothing freed"
    );
    assert!(has_pending_finalizers());
    vm.run_finalizers();
    assert_eq!(CALLS.with(Cell::get), 1);
    assert_eq!(
        vm::gc::collect(vm.token()),
        2,
        "then instance and __dict__ go"
    );
    assert_eq!(vm::object::gc_tracked_count(), base - 2);
    assert_eq!(CALLS.with(Cell::get), 1);
}
