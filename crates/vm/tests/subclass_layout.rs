//! Instances of subclasses of builtins: the `Subclassed<T>` payload keeps `T`
//! readable through `downcast::<T>()`, adds an instance part (dict, slots), and
//! the cycle collector sees references held by that part.

use vm::builtins::list::List;
use vm::builtins::object::instance_dict_of;
use vm::builtins::str::intern;
use vm::types::{builtin_types, new_class};
use vm::{ObjRef, Value, Vm};

fn list_subclass(vm: &mut Vm) -> ObjRef {
    let bt = builtin_types();
    new_class(vm.token(), &bt.type_, "L", vec![bt.list.clone()]).unwrap()
}

#[test]
fn subclass_instance_reads_its_builtin_payload() {
    let mut vm = Vm::new().unwrap();
    let cls = list_subclass(&mut vm);
    let obj = ObjRef::new(&cls, List::default());
    assert!(obj.downcast::<List>().is_some());
    assert!(obj.downcast_exact::<List>().is_none());
    assert!(obj.instance_part().is_some());
    let exact = ObjRef::new(&builtin_types().list, List::default());
    assert!(exact.instance_part().is_none());
    assert!(exact.downcast_exact::<List>().is_some());
}

#[test]
fn subclass_instance_has_a_dict() {
    let mut vm = Vm::new().unwrap();
    let cls = list_subclass(&mut vm);
    let obj = Value::Obj(ObjRef::new(&cls, List::default()));
    let x = intern(vm.token(), "x");
    vm.setattr(&obj, &x, Some(Value::Int(7))).unwrap();
    assert!(matches!(vm.getattr(&obj, &x).unwrap(), Value::Int(7)));
    assert!(instance_dict_of(vm.token(), &obj).is_some());
    let exact = Value::Obj(ObjRef::new(&builtin_types().list, List::default()));
    assert!(vm.setattr(&exact, &x, Some(Value::Int(1))).is_err());
}

#[test]
fn cycle_through_the_instance_dict_is_collected() {
    let mut vm = Vm::new().unwrap();
    let cls = list_subclass(&mut vm);
    let before = vm::object::gc_tracked_count();
    {
        let obj = Value::Obj(ObjRef::new(&cls, List::default()));
        let me = intern(vm.token(), "me");
        vm.setattr(&obj, &me, Some(obj.clone())).unwrap();
    }
    vm::gc::collect(vm.token());
    assert!(vm::object::gc_tracked_count() <= before);
}
