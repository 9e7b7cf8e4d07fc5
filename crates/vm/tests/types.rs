//! Type objects: C3 MRO (and CPython's errors), version tags, slot inheritance.

use vm::builtins::str::new_str;
use vm::types::{builtin_types, new_class, type_name, type_setattr, TypeObject};
use vm::{ObjRef, Token};

fn names(token: &Token, mro: &[ObjRef]) -> Vec<String> {
    mro.iter().map(|t| type_name(token, t)).collect()
}

fn class(token: &mut Token, name: &str, bases: &[&ObjRef]) -> vm::PyResult<ObjRef> {
    let meta = builtin_types().type_.clone();
    new_class(
        token,
        &meta,
        name,
        bases.iter().map(|b| (*b).clone()).collect(),
    )
}

fn mro(token: &Token, t: &ObjRef) -> Vec<String> {
    names(token, &t.downcast::<TypeObject>().unwrap().mro(token))
}

#[test]
fn c3_linearization() {
    let mut tk = Token::acquire().unwrap();
    // The classic example from the C3 paper / Python docs.
    let o = class(&mut tk, "O", &[]).unwrap();
    let f = class(&mut tk, "F", &[&o]).unwrap();
    let e = class(&mut tk, "E", &[&o]).unwrap();
    let d = class(&mut tk, "D", &[&o]).unwrap();
    let c = class(&mut tk, "C", &[&d, &f]).unwrap();
    let b = class(&mut tk, "B", &[&d, &e]).unwrap();
    let a = class(&mut tk, "A", &[&b, &c]).unwrap();
    assert_eq!(mro(&tk, &a), ["A", "B", "C", "D", "E", "F", "O", "object"]);
    assert_eq!(mro(&tk, &builtin_types().bool_), ["bool", "int", "object"]);
}

#[test]
fn mro_errors_match_cpython() {
    let mut tk = Token::acquire().unwrap();
    let a = class(&mut tk, "A", &[]).unwrap();
    let b = class(&mut tk, "B", &[]).unwrap();
    let c = class(&mut tk, "C", &[&a, &b]).unwrap();
    let d = class(&mut tk, "D", &[&b, &a]).unwrap();
    let e = class(&mut tk, "E", &[&c, &d]).unwrap_err();
    assert_eq!(
        e.msg,
        "Cannot create a consistent method resolution\norder (MRO) for bases A, B"
    );
    let e = class(&mut tk, "F", &[&a, &a]).unwrap_err();
    assert_eq!(e.msg, "duplicate base class A");
    let obj = builtin_types().object.clone();
    let e = class(&mut tk, "G", &[&obj, &a]).unwrap_err();
    assert_eq!(
        e.msg,
        "Cannot create a consistent method resolution\norder (MRO) for bases object, A"
    );
    let bl = builtin_types().bool_.clone();
    let e = class(&mut tk, "H", &[&bl]).unwrap_err();
    assert_eq!(e.msg, "type 'bool' is not an acceptable base type");
    let (s, i) = (builtin_types().str_.clone(), builtin_types().int.clone());
    let e = class(&mut tk, "I", &[&s, &i]).unwrap_err();
    assert_eq!(e.msg, "multiple bases have instance lay-out conflict");
}

#[test]
fn version_tag_changes_with_class_and_bases() {
    let mut tk = Token::acquire().unwrap();
    let a = class(&mut tk, "A", &[]).unwrap();
    let b = class(&mut tk, "B", &[&a]).unwrap();
    let c = class(&mut tk, "C", &[&b]).unwrap();
    let v = |t: &ObjRef| t.downcast::<TypeObject>().unwrap().version();
    let (va, vb, vc) = (v(&a), v(&b), v(&c));
    assert!(va != 0 && vb != 0 && va != vb);
    type_setattr(&mut tk, &a, &new_str("x"), Some(vm::Value::Int(1))).unwrap();
    assert!(
        v(&a) != va && v(&b) != vb && v(&c) != vc,
        "subclasses invalidated"
    );
    let vb2 = v(&b);
    type_setattr(&mut tk, &c, &new_str("y"), Some(vm::Value::Int(2))).unwrap();
    assert_eq!(v(&b), vb2, "a subclass change leaves the base alone");
    // Lookup along the MRO.
    let ct = c.downcast::<TypeObject>().unwrap();
    assert!(matches!(
        ct.lookup(&mut tk, &new_str("x")),
        Some(vm::Value::Int(1))
    ));
    assert!(ct.lookup(&mut tk, &new_str("zz")).is_none());
    // Builtins are immutable.
    let e = type_setattr(&mut tk, &builtin_types().int, &new_str("x"), None).unwrap_err();
    assert_eq!(e.msg, "cannot set 'x' attribute of immutable type 'int'");
    // Slots are inherited from builtin bases.
    let sub = class(&mut tk, "MyInt", &[&builtin_types().int]).unwrap();
    assert!(sub
        .downcast::<TypeObject>()
        .unwrap()
        .number
        .add
        .get()
        .is_some());
    assert_eq!(a.downcast::<TypeObject>().unwrap().subclasses(&tk).len(), 1);
}

#[test]
fn instance_attributes() {
    use vm::builtins::object::Instance;
    use vm::builtins::str::intern;
    use vm::{ExcKind, Value, Vm};
    let mut vm = Vm::new().unwrap();
    let meta = builtin_types().type_.clone();
    let c = new_class(vm.token(), &meta, "C", vec![]).unwrap();
    let x = intern(vm.token(), "x");
    let y = intern(vm.token(), "y");
    let cv = Value::Obj(c.clone());
    vm.setattr(&cv, &y, Some(Value::Int(10))).unwrap(); // C.y = 10
    let obj = Value::Obj(Instance::alloc(vm.token(), &c).unwrap());
    let e = vm.getattr(&obj, &x).unwrap_err();
    assert_eq!(e.kind, ExcKind::AttributeError);
    assert_eq!(e.msg, "'C' object has no attribute 'x'");
    vm.setattr(&obj, &x, Some(Value::Int(1))).unwrap();
    assert!(matches!(vm.getattr(&obj, &x).unwrap(), Value::Int(1)));
    assert!(
        matches!(vm.getattr(&obj, &y).unwrap(), Value::Int(10)),
        "class attribute"
    );
    vm.setattr(&obj, &y, Some(Value::Int(11))).unwrap(); // shadows C.y
    assert!(matches!(vm.getattr(&obj, &y).unwrap(), Value::Int(11)));
    assert!(matches!(vm.getattr(&cv, &y).unwrap(), Value::Int(10)));
    vm.setattr(&obj, &x, None).unwrap();
    let e = vm.setattr(&obj, &x, None).unwrap_err();
    assert_eq!(e.msg, "'C' object has no attribute 'x'");
    let e = vm
        .getattr(&Value::Obj(builtin_types().int.clone()), &x)
        .unwrap_err();
    assert_eq!(e.msg, "type object 'int' has no attribute 'x'");
    let e = vm.setattr(&cv, &x, None).unwrap_err();
    assert_eq!(e.msg, "type object 'C' has no attribute 'x'");
    let e = Instance::alloc(vm.token(), &builtin_types().int).unwrap_err();
    assert_eq!(e.msg, "object.__new__(int) is not safe, use int.__new__()");
    // An instance that refers to itself is cyclic garbage.
    let base = vm::object::gc_tracked_count();
    let o2 = Value::Obj(Instance::alloc(vm.token(), &c).unwrap());
    vm.setattr(&o2, &x, Some(o2.clone())).unwrap();
    drop(o2);
    assert_eq!(vm::gc::collect(vm.token()), 2, "instance and its __dict__");
    assert_eq!(vm::object::gc_tracked_count(), base);
}

mod descriptors {
    use std::cell::Cell;

    use vm::builtins::object::Instance;
    use vm::builtins::str::intern;
    use vm::object::{Payload, PayloadKind};
    use vm::types::{builtin_types, new_class, new_native_type, type_setattr, TypeObject};
    use vm::{ObjRef, PyResult, Value, Vm};

    struct Descr;

    impl Payload for Descr {
        const KIND: PayloadKind = PayloadKind::Other;
        const GC: bool = false;
    }

    thread_local! {
        static STORED: Cell<i64> = const { Cell::new(0) };
    }

    fn get_99(_vm: &mut Vm, d: &Value, obj: Option<&Value>, _t: &ObjRef) -> PyResult<Value> {
        Ok(if obj.is_some() {
            Value::Int(99)
        } else {
            d.clone()
        })
    }

    fn get_stored(_vm: &mut Vm, _d: &Value, _o: Option<&Value>, _t: &ObjRef) -> PyResult<Value> {
        Ok(Value::Int(STORED.with(Cell::get)))
    }

    fn set_stored(_vm: &mut Vm, _d: &Value, _o: &Value, v: Option<Value>) -> PyResult<()> {
        if let Some(Value::Int(i)) = v {
            STORED.with(|s| s.set(i));
        }
        Ok(())
    }

    #[test]
    fn data_and_non_data_descriptors() {
        let mut vm = Vm::new().unwrap();
        let nondata = new_native_type(vm.token(), "NonData", Descr::LAYOUT, None);
        let nd = nondata.downcast::<TypeObject>().unwrap();
        nd.slots.descr_get.set(Some(get_99));
        let data = new_native_type(vm.token(), "Data", Descr::LAYOUT, None);
        let dt = data.downcast::<TypeObject>().unwrap();
        dt.slots.descr_get.set(Some(get_stored));
        dt.slots.descr_set.set(Some(set_stored));

        let c = new_class(vm.token(), &builtin_types().type_.clone(), "C", vec![]).unwrap();
        let (g, p) = (intern(vm.token(), "g"), intern(vm.token(), "p"));
        let g_descr = Value::Obj(ObjRef::new(&nondata, Descr));
        type_setattr(
            vm.token(),
            &c,
            &Value::Obj(g.clone()),
            Some(g_descr.clone()),
        )
        .unwrap();
        let p_descr = Value::Obj(ObjRef::new(&data, Descr));
        type_setattr(vm.token(), &c, &Value::Obj(p.clone()), Some(p_descr)).unwrap();

        let obj = Value::Obj(Instance::alloc(vm.token(), &c).unwrap());
        assert!(
            matches!(vm.getattr(&obj, &g).unwrap(), Value::Int(99)),
            "bound via __get__"
        );
        let through_class = vm.getattr(&Value::Obj(c.clone()), &g).unwrap();
        assert!(
            through_class.is(&g_descr),
            "__get__(None, C) returns the descriptor"
        );
        vm.setattr(&obj, &g, Some(Value::Int(5))).unwrap();
        assert!(
            matches!(vm.getattr(&obj, &g).unwrap(), Value::Int(5)),
            "instance dict beats non-data"
        );
        vm.setattr(&obj, &p, Some(Value::Int(7))).unwrap();
        assert_eq!(STORED.with(Cell::get), 7, "data descriptor's __set__ ran");
        assert!(matches!(vm.getattr(&obj, &p).unwrap(), Value::Int(7)));
    }
}
