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
