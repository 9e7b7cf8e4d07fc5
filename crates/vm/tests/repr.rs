//! `repr()` of builtin values, checked against CPython 3.11's output.

use common::bigint::BigInt;
use common::text::Text;
use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::object::Instance;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::types::{builtin_types, new_class};
use vm::{ObjRef, Value, Vm};

fn r(vm: &mut Vm, v: &Value) -> String {
    let s = vm.repr(v).unwrap();
    s.downcast::<StrObj>().unwrap().as_str().unwrap().to_owned()
}

#[test]
fn scalars() {
    let mut vm = Vm::new().unwrap();
    assert_eq!(r(&mut vm, &Value::Int(-42)), "-42");
    assert_eq!(
        r(&mut vm, &Value::from_bigint(BigInt::from(1) << 70)),
        "1180591620717411303424"
    );
    assert_eq!(r(&mut vm, &Value::Float(-0.0)), "-0.0");
    assert_eq!(r(&mut vm, &Value::Float(1e300)), "1e+300");
    assert_eq!(r(&mut vm, &Value::Float(0.1)), "0.1");
    assert_eq!(r(&mut vm, &Value::Bool(true)), "True");
    assert_eq!(r(&mut vm, &Value::None), "None");
    let mut t = Text::from("a'\"");
    t.push_code_point(0xDC80);
    let s = Value::Obj(StrObj::alloc_text(t));
    assert_eq!(r(&mut vm, &s), r#"'a\'"\udc80'"#);
    let huge = Value::from_bigint(BigInt::from(10).pow(5000));
    let e = vm.repr(&huge).unwrap_err();
    assert_eq!(
        e.msg,
        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    );
}

#[test]
fn containers_and_recursion() {
    let mut vm = Vm::new().unwrap();
    let t = |items: Vec<Value>| Value::Obj(Tuple::alloc(items));
    assert_eq!(r(&mut vm, &t(vec![])), "()");
    assert_eq!(r(&mut vm, &t(vec![Value::Int(1)])), "(1,)");
    assert_eq!(
        r(&mut vm, &t(vec![Value::Int(1), new_str("x")])),
        "(1, 'x')"
    );
    // a = [1]; a.append(a) -> [1, [...]]; (a,) -> ([1, [...]],)
    let a = List::alloc(vec![Value::Int(1)]);
    let av = Value::Obj(a.clone());
    a.downcast::<List>().unwrap().append(vm.token(), av.clone());
    assert_eq!(r(&mut vm, &av), "[1, [...]]");
    assert_eq!(r(&mut vm, &t(vec![av.clone()])), "([1, [...]],)");
    a.downcast::<List>().unwrap().pop(vm.token()); // break the cycle
                                                   // d = {}; d[1] = d -> {1: {...}}
    let d = ObjRef::new(&builtin_types().dict, Dict::new());
    let dv = Value::Obj(d.clone());
    d.downcast::<Dict>()
        .unwrap()
        .set(&mut vm, Value::Int(1), dv.clone())
        .unwrap();
    assert_eq!(r(&mut vm, &dv), "{1: {...}}");
    d.downcast::<Dict>().unwrap().clear(vm.token());
    assert_eq!(r(&mut vm, &dv), "{}");
}

#[test]
fn types_and_instances() {
    let mut vm = Vm::new().unwrap();
    assert_eq!(
        r(&mut vm, &Value::Obj(builtin_types().int.clone())),
        "<class 'int'>"
    );
    let c = new_class(vm.token(), &builtin_types().type_.clone(), "C", vec![]).unwrap();
    assert_eq!(r(&mut vm, &Value::Obj(c.clone())), "<class '__main__.C'>");
    let o = Value::Obj(Instance::alloc(vm.token(), &c).unwrap());
    let s = r(&mut vm, &o);
    assert!(
        s.starts_with("<__main__.C object at 0x") && s.ends_with('>'),
        "{s}"
    );
}
