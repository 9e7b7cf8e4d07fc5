//! Reference counts reach zero and destructors run exactly once; deep chains
//! free without overflowing the Rust stack.

use std::cell::Cell;
use std::rc::Rc;

use vm::builtins::list::List;
use vm::builtins::tuple::Tuple;
use vm::object::{Payload, PayloadKind};
use vm::types::new_native_type;
use vm::{ObjRef, Token, Value};

/// A payload that counts its drops.
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

#[test]
fn destructor_runs_once_at_zero() {
    let mut token = Token::acquire().unwrap();
    let ty = new_native_type(&mut token, "Canary", Canary::LAYOUT, None);
    let drops = Rc::new(Cell::new(0));
    let obj = ObjRef::new(&ty, Canary(drops.clone()));
    assert_eq!(obj.refcount(), 1);
    let v = Value::Obj(obj.clone());
    let w = v.clone();
    assert_eq!(obj.refcount(), 3);
    drop(v);
    drop(obj);
    assert_eq!(drops.get(), 0);
    let Value::Obj(o) = &w else { panic!() };
    assert_eq!(o.refcount(), 1);
    assert!(o.downcast::<Canary>().is_some());
    assert!(o.downcast::<List>().is_none());
    drop(w);
    assert_eq!(drops.get(), 1);
}

#[test]
fn type_outlives_its_instances() {
    let mut token = Token::acquire().unwrap();
    let drops = Rc::new(Cell::new(0));
    let ty = new_native_type(&mut token, "Canary", Canary::LAYOUT, None);
    let base_count = ty.refcount();
    let obj = ObjRef::new(&ty, Canary(drops.clone()));
    assert_eq!(ty.refcount(), base_count + 1);
    drop(ty); // the instance keeps the type alive
    let t2 = obj.type_ref();
    drop(obj);
    assert_eq!(drops.get(), 1);
    assert_eq!(t2.refcount(), base_count);
}

#[test]
fn containers_release_their_items() {
    let mut token = Token::acquire().unwrap();
    let ty = new_native_type(&mut token, "Canary", Canary::LAYOUT, None);
    let drops = Rc::new(Cell::new(0));
    let items: Vec<Value> = (0..10)
        .map(|_| Value::Obj(ObjRef::new(&ty, Canary(drops.clone()))))
        .collect();
    let t = Tuple::alloc(items.clone());
    let l = List::alloc(items);
    drop(l);
    assert_eq!(drops.get(), 0);
    drop(t);
    assert_eq!(drops.get(), 10);
}

#[test]
fn deep_chain_frees_without_stack_overflow() {
    let _token = Token::acquire().unwrap();
    // Miri is ~1000x slower; 2,000 levels still go far past the trashcan limit.
    const N: usize = if cfg!(miri) { 2_000 } else { 1_000_000 };
    let mut v = Value::None;
    for _ in 0..N {
        v = Value::Obj(Tuple::alloc(vec![v]));
    }
    let before = vm::object::gc_tracked_count();
    drop(v);
    assert_eq!(before - vm::object::gc_tracked_count(), N);
}

#[test]
#[should_panic(expected = "payload does not match")]
fn payload_must_match_the_type_layout() {
    let _token = Token::acquire().unwrap();
    // A str type object with a list payload would make downcasts unsound.
    let _ = ObjRef::new(&vm::types::builtin_types().str_, List::default());
}

#[test]
fn cloning_scalars_copies_them() {
    for v in [
        Value::None,
        Value::Bool(true),
        Value::Int(-7),
        Value::Float(2.5),
    ] {
        let c = v.clone();
        assert!(c.is(&v));
        assert_eq!(format!("{c:?}"), format!("{v:?}"));
    }
}
