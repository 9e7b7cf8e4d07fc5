//! Int promotion/normalization, Python floor semantics, and numeric hashes
//! against values printed by CPython 3.11.

use common::bigint::BigInt;
use vm::builtins::{float, int};
use vm::value::IntRef;
use vm::{Token, Value, Vm};

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        _ => None,
    }
}

#[test]
fn overflow_promotes_and_shrinking_normalizes() {
    let _t = Token::acquire().unwrap();
    let big = int::add(IntRef::Small(i64::MAX), IntRef::Small(1));
    assert!(small(&big).is_none());
    let IntRef::Big(b) = big.as_int().unwrap() else {
        panic!()
    };
    assert_eq!(*b, BigInt::from(i64::MAX) + BigInt::from(1));
    // Back into range: inline again, indistinguishable from a small int.
    let back = int::sub(big.as_int().unwrap(), IntRef::Small(1));
    assert_eq!(small(&back), Some(i64::MAX));
    assert_eq!(
        small(&int::neg(IntRef::Small(i64::MIN + 1))),
        Some(i64::MAX)
    );
    assert!(small(&int::neg(IntRef::Small(i64::MIN))).is_none());
    assert!(small(&int::mul(IntRef::Small(1 << 40), IntRef::Small(1 << 40))).is_none());
    let q = int::floordiv(IntRef::Small(i64::MIN), IntRef::Small(-1)).unwrap();
    assert!(small(&q).is_none());
    assert_eq!(
        Value::from_bigint(BigInt::from(-7))
            .as_int()
            .map(|i| matches!(i, IntRef::Small(-7))),
        Some(true)
    );
    // Equal values from both paths compare and hash equal.
    let a = int::add(IntRef::Small(i64::MAX), IntRef::Small(10));
    let b = int::add(IntRef::Small(i64::MAX - 5), IntRef::Small(15));
    assert_eq!(a.native_eq(&b), Some(true));
    assert_eq!(a.native_hash(), b.native_hash());
}

#[test]
fn floor_division_and_modulo_follow_python() {
    let _t = Token::acquire().unwrap();
    for (a, b, q, r) in [
        (7, 2, 3, 1),
        (-7, 2, -4, 1),
        (7, -2, -4, -1),
        (-7, -2, 3, -1),
        (0, 5, 0, 0),
    ] {
        assert_eq!(
            small(&int::floordiv(IntRef::Small(a), IntRef::Small(b)).unwrap()),
            Some(q)
        );
        assert_eq!(
            small(&int::modulo(IntRef::Small(a), IntRef::Small(b)).unwrap()),
            Some(r)
        );
    }
    let e = int::floordiv(IntRef::Small(1), IntRef::Small(0)).unwrap_err();
    assert_eq!(e.msg, "integer division or modulo by zero");
    let e = int::modulo(IntRef::Small(1), IntRef::Small(0)).unwrap_err();
    assert_eq!(e.msg, "integer modulo by zero");
    assert_eq!(
        float::truediv(1.0, 0.0).unwrap_err().msg,
        "float division by zero"
    );
    assert_eq!(
        float::floordiv(1.0, 0.0).unwrap_err().msg,
        "float floor division by zero"
    );
    assert_eq!(float::modulo(1.0, 0.0).unwrap_err().msg, "float modulo");
    assert_eq!(float::modulo(-7.5, 2.0).unwrap(), 0.5);
    assert_eq!(float::floordiv(-7.5, 2.0).unwrap(), -4.0);
    // Big operands.
    let big = int::mul(IntRef::Small(i64::MAX), IntRef::Small(3));
    let r = int::modulo(big.as_int().unwrap(), IntRef::Small(-10)).unwrap();
    // python3: (9223372036854775807*3) % -10 == -9
    assert_eq!(small(&r), Some(-9));
    let q = int::floordiv(big.as_int().unwrap(), IntRef::Small(-10)).unwrap();
    // python3: (9223372036854775807*3) // -10 == -2767011611056432743
    assert_eq!(small(&q), Some(-2767011611056432743));
}

#[test]
fn numeric_hashes_match_cpython() {
    let _t = Token::acquire().unwrap();
    // PYTHONHASHSEED=0 python3 -c "print(hash(2**61), hash(-2**63), hash(1.5), hash(-1),
    //   hash(float('inf')), hash(2**100), hash(-(2**100)), hash(1e300))"
    assert_eq!(int::hash_i64(1 << 61), 1);
    assert_eq!(int::hash_i64(i64::MIN), -4);
    assert_eq!(float::hash_f64(1.5), 1152921504606846977);
    assert_eq!(int::hash_i64(-1), -2);
    assert_eq!(float::hash_f64(f64::INFINITY), 314159);
    let p100 = BigInt::from(1) << 100;
    assert_eq!(int::hash_big(&p100), 549755813888);
    assert_eq!(int::hash_big(&-p100.clone()), -549755813888);
    assert_eq!(float::hash_f64(1e300), 1224995262755759164);
    // hash(x) == hash(float(x)) for integral floats.
    assert_eq!(float::hash_f64((1u128 << 100) as f64), int::hash_big(&p100));
    assert_eq!(Value::Float(3.0).native_eq(&Value::Int(3)), Some(true));
    assert_eq!(
        Value::Float((1u128 << 100) as f64).native_eq(&Value::from_bigint(p100)),
        Some(true)
    );
}

#[test]
fn vm_compare_and_hash_through_slots() {
    let mut vm = Vm::new().unwrap();
    use vm::types::CompareOp;
    let r = vm
        .rich_compare(&Value::Int(1), &Value::Float(1.5), CompareOp::Lt)
        .unwrap();
    assert!(matches!(r, Value::Bool(true)));
    let r = vm
        .rich_compare(&Value::Float(f64::NAN), &Value::Int(1), CompareOp::Ne)
        .unwrap();
    assert!(matches!(r, Value::Bool(true)));
    let e = vm
        .rich_compare(&Value::Int(1), &Value::None, CompareOp::Lt)
        .unwrap_err();
    assert_eq!(
        e.msg,
        "'<' not supported between instances of 'int' and 'NoneType'"
    );
    let l = Value::Obj(vm::builtins::list::List::alloc(vec![]));
    assert_eq!(vm.hash(&l).unwrap_err().msg, "unhashable type: 'list'");
    assert!(!vm.is_true(&l).unwrap());
}

#[test]
fn binary_op_dispatch() {
    use vm::vm::BinOp;
    let mut vm = Vm::new().unwrap();
    let r = vm
        .binary_op(&Value::Int(2), &Value::Float(0.5), BinOp::Add)
        .unwrap();
    assert!(matches!(r, Value::Float(f) if f == 2.5));
    let r = vm
        .binary_op(&Value::Float(0.5), &Value::Bool(true), BinOp::Subtract)
        .unwrap();
    assert!(matches!(r, Value::Float(f) if f == -0.5));
    let r = vm
        .binary_op(
            &Value::Int(i64::MAX),
            &Value::Int(i64::MAX),
            BinOp::Multiply,
        )
        .unwrap();
    assert!(matches!(r, Value::Obj(_)));
    let r = vm
        .binary_op(&r, &Value::Int(0), BinOp::FloorDivide)
        .unwrap_err();
    assert_eq!(r.msg, "integer division or modulo by zero");
    let s = vm::builtins::str::new_str("a");
    let e = vm.binary_op(&Value::Int(1), &s, BinOp::Add).unwrap_err();
    assert_eq!(e.msg, "unsupported operand type(s) for +: 'int' and 'str'");
    let e = vm
        .binary_op(&Value::None, &Value::Int(1), BinOp::Power)
        .unwrap_err();
    assert_eq!(
        e.msg,
        "unsupported operand type(s) for ** or pow(): 'NoneType' and 'int'"
    );
    assert_eq!(BinOp::from_oparg(13), Some((BinOp::Add, true)));
    assert_eq!(BinOp::from_oparg(26), None);
}

#[test]
fn deep_nesting_raises_recursion_error_not_a_crash() {
    use vm::builtins::list::List;
    use vm::builtins::tuple::Tuple;
    use vm::types::CompareOp;
    let mut vm = Vm::new().unwrap();
    let depth = if cfg!(miri) { 1_100 } else { 100_000 };
    let (mut a, mut b, mut t) = (Value::None, Value::None, Value::None);
    for _ in 0..depth {
        a = Value::Obj(List::alloc(vec![a]));
        b = Value::Obj(List::alloc(vec![b]));
        t = Value::Obj(Tuple::alloc(vec![t]));
    }
    let e = vm.rich_compare(&a, &b, CompareOp::Eq).unwrap_err();
    assert_eq!(e.kind, vm::ExcKind::RecursionError);
    assert_eq!(e.msg, "maximum recursion depth exceeded in comparison");
    let e = vm.hash(&t).unwrap_err();
    assert_eq!(e.kind, vm::ExcKind::RecursionError);
    // The depth counter unwinds: shallow operations work again.
    assert!(vm.eq_bool(&Value::Int(1), &Value::Int(1)).unwrap());
    let shallow = Value::Obj(Tuple::alloc(vec![Value::Int(1)]));
    assert!(vm.hash(&shallow).is_ok());
}
