//! The cycle collector frees unreachable cycles and nothing else.

use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::gc::collect;
use vm::object::gc_tracked_count;
use vm::types::{builtin_types, new_class};
use vm::{ObjRef, Value, Vm};

#[test]
fn self_referencing_dict_is_collected() {
    let mut vm = Vm::new().unwrap();
    let base = gc_tracked_count();
    let d = ObjRef::new(&builtin_types().dict, Dict::new());
    let dv = Value::Obj(d.clone());
    d.downcast::<Dict>()
        .unwrap()
        .set(&mut vm, Value::Int(1), dv.clone())
        .unwrap();
    drop(dv);
    assert_eq!(d.refcount(), 2);
    assert_eq!(collect(vm.token()), 0, "still referenced from the stack");
    drop(d);
    assert_eq!(
        gc_tracked_count(),
        base + 1,
        "refcounting alone can't free it"
    );
    assert_eq!(collect(vm.token()), 1);
    assert_eq!(gc_tracked_count(), base);
}

#[test]
fn longer_cycles_and_live_neighbours() {
    let mut vm = Vm::new().unwrap();
    let base = gc_tracked_count();
    // a -> b -> c -> a, and c -> keep (alive from outside).
    let keep = List::alloc(vec![]);
    let a = List::alloc(vec![]);
    let b = List::alloc(vec![Value::Obj(a.clone())]);
    let c = List::alloc(vec![Value::Obj(b.clone()), Value::Obj(keep.clone())]);
    a.downcast::<List>()
        .unwrap()
        .append(vm.token(), Value::Obj(c.clone()));
    drop((a, b, c));
    assert_eq!(collect(vm.token()), 3);
    assert_eq!(gc_tracked_count(), base + 1);
    assert_eq!(keep.refcount(), 1);
    // A class is always in a cycle (its MRO holds itself).
    let cls = new_class(vm.token(), &builtin_types().type_.clone(), "C", vec![]).unwrap();
    let before = gc_tracked_count();
    drop(cls);
    assert_eq!(collect(vm.token()), 1);
    assert_eq!(gc_tracked_count(), before - 1);
}

#[test]
fn automatic_collection_keeps_cyclic_garbage_bounded() {
    let mut vm = Vm::new().unwrap();
    vm::gc::collect(vm.token());
    let base = gc_tracked_count();
    let mut freed = 0;
    let n = if cfg!(miri) { 1_000 } else { 20_000 };
    for _ in 0..n {
        // A two-list cycle per iteration, unreachable at once.
        let a = List::alloc(vec![]);
        let b = List::alloc(vec![Value::Obj(a.clone())]);
        a.downcast::<List>()
            .unwrap()
            .append(vm.token(), Value::Obj(b));
        drop(a);
        freed += vm::gc::maybe_collect(vm.token());
        assert!(gc_tracked_count() - base <= 2 * 702);
    }
    assert!(freed >= 2 * n - 2 * 702, "freed {freed}");
    vm::gc::set_enabled(false);
    assert!(!vm::gc::should_collect());
    vm::gc::set_enabled(true);
}
