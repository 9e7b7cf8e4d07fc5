//! Dict behaviour: order, deletion, resize/compaction, reentrant mutation from
//! `__eq__`, iteration errors, and a speed figure (printed, not asserted).

use std::time::Instant;

use vm::builtins::dict::{Dict, PyEq};
use vm::builtins::str::{intern, new_str, StrObj};
use vm::object::{Payload, PayloadKind};
use vm::types::new_native_type;
use vm::{ExcKind, ObjRef, PyResult, Token, Value, Vm};

fn ints(d: &Dict, token: &Token) -> Vec<i64> {
    d.keys(token)
        .iter()
        .map(|k| match k {
            Value::Int(i) => *i,
            _ => -999,
        })
        .collect()
}

#[test]
fn insertion_order_and_overwrite() {
    let mut vm = Vm::new().unwrap();
    let d = Dict::new();
    for k in [5, 3, 9, 1] {
        d.set(&mut vm, Value::Int(k), Value::Int(k * 10)).unwrap();
    }
    d.set(&mut vm, Value::Int(3), Value::Int(-1)).unwrap();
    assert_eq!(ints(&d, vm.token()), vec![5, 3, 9, 1]);
    assert!(matches!(
        d.get(&mut vm, &Value::Int(3)).unwrap(),
        Some(Value::Int(-1))
    ));
    // 1 == 1.0 == True: one key, the first key object kept (CPython keeps it).
    d.set(&mut vm, Value::Float(1.0), Value::Int(7)).unwrap();
    d.set(&mut vm, Value::Bool(true), Value::Int(8)).unwrap();
    assert_eq!(d.len(vm.token()), 4);
    assert!(matches!(d.keys(vm.token())[3], Value::Int(1)));
    assert!(matches!(
        d.get(&mut vm, &Value::Int(1)).unwrap(),
        Some(Value::Int(8))
    ));
}

#[test]
fn deletion_and_reinsertion_goes_last() {
    let mut vm = Vm::new().unwrap();
    let d = Dict::new();
    for k in 0..5 {
        d.set(&mut vm, Value::Int(k), Value::None).unwrap();
    }
    d.del(&mut vm, &Value::Int(1)).unwrap();
    d.del(&mut vm, &Value::Int(3)).unwrap();
    let err = d.del(&mut vm, &Value::Int(3)).unwrap_err();
    assert_eq!(err.kind, ExcKind::KeyError);
    d.set(&mut vm, Value::Int(1), Value::None).unwrap();
    assert_eq!(ints(&d, vm.token()), vec![0, 2, 4, 1]);
    assert!(matches!(d.popitem(vm.token()).unwrap().0, Value::Int(1)));
    assert_eq!(ints(&d, vm.token()), vec![0, 2, 4]);
    d.clear(vm.token());
    let e = d.popitem(vm.token()).unwrap_err();
    assert_eq!(e.msg, "popitem(): dictionary is empty");
}

#[test]
fn resize_and_compaction_keep_order() {
    let mut vm = Vm::new().unwrap();
    let d = Dict::new();
    // Churn: insert many, delete most, keep inserting: compaction must happen
    // and order must survive it.
    let mut expect = Vec::new();
    for k in 0..if cfg!(miri) { 300i64 } else { 10_000 } {
        d.set(&mut vm, Value::Int(k), Value::Int(k)).unwrap();
        if k % 10 != 0 {
            d.del(&mut vm, &Value::Int(k)).unwrap();
        } else {
            expect.push(k);
        }
    }
    assert_eq!(ints(&d, vm.token()), expect);
    for &k in &expect {
        assert!(d.contains(&mut vm, &Value::Int(k)).unwrap());
    }
    assert!(!d.contains(&mut vm, &Value::Int(5)).unwrap());
}

#[test]
fn str_keys_by_identity_and_content() {
    let mut vm = Vm::new().unwrap();
    let d = Dict::new();
    let a = Value::Obj(intern(vm.token(), "spam"));
    let b = Value::Obj(intern(vm.token(), "spam"));
    assert!(a.is(&b), "interned strings are one object");
    d.set(&mut vm, a, Value::Int(1)).unwrap();
    // A distinct but equal str object finds it through contents.
    let c = new_str("spam");
    assert!(matches!(d.get(&mut vm, &c).unwrap(), Some(Value::Int(1))));
    assert!(matches!(d.get_str(vm.token(), &b), Some(Value::Int(1))));
    assert!(d.get_str(vm.token(), &new_str("eggs")).is_none());
    // Inline-cache style access.
    let version = d.keys_version(vm.token());
    let ix = d.index_of_str(vm.token(), &b).unwrap();
    d.set(&mut vm, new_str("spam"), Value::Int(2)).unwrap(); // value change only
    assert_eq!(d.keys_version(vm.token()), version);
    assert!(matches!(d.value_at(vm.token(), ix), Some(Value::Int(2))));
    d.set(&mut vm, new_str("ham"), Value::Int(3)).unwrap();
    assert_ne!(d.keys_version(vm.token()), version);
    // Unhashable key.
    let inner = Value::Obj(ObjRef::new(&vm::types::builtin_types().dict, Dict::new()));
    let e = d.set(&mut vm, inner, Value::None).unwrap_err();
    assert_eq!(e.msg, "unhashable type: 'dict'");
}

#[test]
fn str_hash_matches_cpython_with_hashseed_0() {
    // PYTHONHASHSEED=0 python3 -c "print(hash('abc'), ...)"
    let cases: [(&str, isize); 5] = [
        ("abc", -4594863902769663758),
        ("é", 6047309291227476195),
        ("€uro", 7542247858446192590),
        ("\u{1F600}", -3536540696076613844),
        ("", 0),
    ];
    for (s, h) in cases {
        assert_eq!(vm::builtins::str::str_hash(s.as_bytes()), h, "{s:?}");
    }
    let long = "a".repeat(100);
    assert_eq!(StrObj::from_rust(&long).hash(), -2643860352045292050);
}

// ---- reentrancy ----------------------------------------------------------

/// A key type whose equality is decided by the mock context.
struct Key(i64);

impl Payload for Key {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

/// A mock interpreter: all `Key`s hash to 42; `eq` mutates the dict on its first
/// `mutations` calls (clearing it, or inserting new keys), then compares payloads.
struct Mock<'d> {
    token: Token,
    dict: &'d Dict,
    mutations: usize,
    eq_calls: usize,
    clear: bool,
}

impl PyEq for Mock<'_> {
    fn token(&mut self) -> &mut Token {
        &mut self.token
    }
    fn hash(&mut self, _key: &Value) -> PyResult<isize> {
        Ok(42)
    }
    fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        self.eq_calls += 1;
        if self.mutations > 0 {
            self.mutations -= 1;
            let d = self.dict;
            if self.clear {
                d.clear(&mut self.token);
            } else {
                let n = 1000 + self.eq_calls as i64;
                // Reentrant insert through the same API (resizes the table).
                for k in 0..50 {
                    d.set(self, Value::Int(n * 100 + k), Value::None)?;
                }
            }
        }
        let x = a.downcast::<Key>().map(|k| k.0);
        let y = b.downcast::<Key>().map(|k| k.0);
        Ok(x.is_some() && x == y)
    }
}

fn key(ty: &ObjRef, i: i64) -> Value {
    Value::Obj(ObjRef::new(ty, Key(i)))
}

#[test]
fn eq_that_inserts_restarts_the_lookup() {
    let token = Token::acquire().unwrap();
    let d = Dict::new();
    let mut cx = Mock {
        token,
        dict: &d,
        mutations: 0,
        eq_calls: 0,
        clear: false,
    };
    let ty = new_native_type(cx.token(), "Key", Key::LAYOUT, None);
    for i in 0..5 {
        d.set(&mut cx, key(&ty, i), Value::Int(i)).unwrap();
    }
    cx.mutations = 3;
    let got = d.get(&mut cx, &key(&ty, 3)).unwrap();
    assert!(matches!(got, Some(Value::Int(3))));
    assert_eq!(d.len(cx.token()), 5 + 3 * 50);
    // Keys still in insertion order, first five first.
    let keys = d.keys(cx.token());
    for (i, k) in keys.iter().take(5).enumerate() {
        assert_eq!(k.downcast::<Key>().map(|k| k.0), Some(i as i64));
    }
}

#[test]
fn eq_that_clears_the_dict_is_safe() {
    let token = Token::acquire().unwrap();
    let d = Dict::new();
    let mut cx = Mock {
        token,
        dict: &d,
        mutations: 0,
        eq_calls: 0,
        clear: true,
    };
    let ty = new_native_type(cx.token(), "Key", Key::LAYOUT, None);
    for i in 0..5 {
        d.set(&mut cx, key(&ty, i), Value::Int(i)).unwrap();
    }
    cx.mutations = 1;
    // The candidate key object is kept alive by the lookup while the dict drops it.
    assert!(d.get(&mut cx, &key(&ty, 4)).unwrap().is_none());
    assert_eq!(d.len(cx.token()), 0);
    cx.mutations = 1;
    d.set(&mut cx, key(&ty, 1), Value::Int(1)).unwrap();
    d.set(&mut cx, key(&ty, 2), Value::Int(2)).unwrap(); // eq clears, then inserts
    assert_eq!(d.len(cx.token()), 1);
    assert!(d.pop(&mut cx, &key(&ty, 9)).unwrap().is_none());
}

#[test]
fn mutation_during_iteration_raises() {
    let mut vm = Vm::new().unwrap();
    let d = Dict::new();
    d.set(&mut vm, Value::Int(1), Value::Int(1)).unwrap();
    let mut it = d.iter(vm.token());
    let (k, _) = d.next_item(vm.token(), &mut it).unwrap().unwrap();
    let Value::Int(k) = k else { panic!() };
    d.set(&mut vm, Value::Int(k + 1), Value::Int(1)).unwrap();
    let e = d.next_item(vm.token(), &mut it).unwrap_err();
    assert_eq!(e.kind, ExcKind::RuntimeError);
    assert_eq!(e.msg, "dictionary changed size during iteration");
    assert!(d.next_item(vm.token(), &mut it).is_err(), "keeps failing");
    // Exhausted iterators stay exhausted.
    let mut it = d.iter(vm.token());
    while d.next_item(vm.token(), &mut it).unwrap().is_some() {}
    d.set(&mut vm, Value::Int(99), Value::Int(1)).unwrap();
    assert!(d.next_item(vm.token(), &mut it).unwrap().is_none());
}

#[test]
#[cfg_attr(miri, ignore)]
fn speed_one_million() {
    let mut vm = Vm::new().unwrap();
    const N: i64 = 1_000_000;
    let d = Dict::new();
    let t = Instant::now();
    for i in 0..N {
        d.set(&mut vm, Value::Int(i), Value::Int(i)).unwrap();
    }
    let ins = t.elapsed();
    let t = Instant::now();
    let mut sum = 0i64;
    for i in 0..N {
        if let Some(Value::Int(v)) = d.get(&mut vm, &Value::Int(i)).unwrap() {
            sum += v;
        }
    }
    let look = t.elapsed();
    assert_eq!(sum, N * (N - 1) / 2);
    let keys: Vec<Value> = (0..N)
        .map(|i| Value::Obj(intern(vm.token(), &format!("k{i}"))))
        .collect();
    let ds = Dict::new();
    let t = Instant::now();
    for k in &keys {
        ds.set(&mut vm, k.clone(), Value::None).unwrap();
    }
    let sins = t.elapsed();
    let t = Instant::now();
    let mut found = 0;
    for k in &keys {
        found += ds.get_str(vm.token(), k).is_some() as usize;
    }
    let slook = t.elapsed();
    assert_eq!(found, N as usize);
    // Cache-resident: 10k int keys, looked up 100 times each.
    let small = Dict::new();
    for i in 0..10_000 {
        small
            .set(&mut vm, Value::Int(i * 7919), Value::Int(i))
            .unwrap();
    }
    let t = Instant::now();
    let mut hits = 0usize;
    for _ in 0..100 {
        for i in 0..10_000 {
            hits += small.get(&mut vm, &Value::Int(i * 7919)).unwrap().is_some() as usize;
        }
    }
    let small_look = t.elapsed();
    assert_eq!(hits, 1_000_000);
    println!(
        "dict 10k int keys (cache-resident): lookup {:.1} ns/op",
        small_look.as_nanos() as f64 / 1e6
    );
    println!(
        "dict 1M int keys: insert {:.1} ns/op, lookup {:.1} ns/op; 1M interned str keys: insert {:.1} ns/op, get_str {:.1} ns/op",
        ins.as_nanos() as f64 / N as f64,
        look.as_nanos() as f64 / N as f64,
        sins.as_nanos() as f64 / N as f64,
        slook.as_nanos() as f64 / N as f64,
    );
}

#[test]
fn tuple_keys_hash_and_compare_by_value() {
    use vm::builtins::tuple::Tuple;
    let mut vm = Vm::new().unwrap();
    let t = |items: Vec<Value>| Value::Obj(Tuple::alloc(items));
    // PYTHONHASHSEED=0 python3 -c "print(hash(()), hash((1,2)), hash(((),)),
    //   hash(('abc',2.5,(1,))))"
    assert_eq!(vm.hash(&t(vec![])).unwrap(), 5740354900026072187);
    assert_eq!(
        vm.hash(&t(vec![Value::Int(1), Value::Int(2)])).unwrap(),
        -3550055125485641917
    );
    assert_eq!(vm.hash(&t(vec![t(vec![])])).unwrap(), -5486347211504344842);
    let nested = t(vec![
        new_str("abc"),
        Value::Float(2.5),
        t(vec![Value::Int(1)]),
    ]);
    assert_eq!(vm.hash(&nested).unwrap(), -1869860024024716857);
    let d = Dict::new();
    d.set(&mut vm, t(vec![Value::Int(1), new_str("x")]), Value::Int(7))
        .unwrap();
    let probe = t(vec![Value::Float(1.0), new_str("x")]);
    assert!(matches!(
        d.get(&mut vm, &probe).unwrap(),
        Some(Value::Int(7))
    ));
    use vm::types::CompareOp;
    let a = t(vec![Value::Int(1), Value::Int(2)]);
    let b = t(vec![Value::Int(1), Value::Int(3)]);
    assert!(matches!(
        vm.rich_compare(&a, &b, CompareOp::Lt).unwrap(),
        Value::Bool(true)
    ));
    assert!(matches!(
        vm.rich_compare(&a, &t(vec![Value::Int(1)]), CompareOp::Gt)
            .unwrap(),
        Value::Bool(true)
    ));
    let l = t(vec![vm::Value::Obj(vm::builtins::list::List::alloc(
        vec![],
    ))]);
    assert_eq!(vm.hash(&l).unwrap_err().msg, "unhashable type: 'list'");
}
