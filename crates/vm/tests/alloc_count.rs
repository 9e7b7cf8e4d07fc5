//! Proves with a counting allocator that inline ints, floats, bools and None
//! allocate nothing: arithmetic, clone and drop (ARCHITECTURE §4).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use vm::builtins::{float, int};
use vm::value::IntRef;
use vm::{Token, Value};

struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; the counter is a const-initialized
// thread-local Cell, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocs() -> usize {
    ALLOCS.with(Cell::get)
}

#[test]
fn inline_arithmetic_allocates_nothing() {
    let _token = Token::acquire().unwrap(); // creates the builtin types first
    let before = allocs();
    let mut acc = Value::Int(0);
    let mut facc = Value::Float(0.0);
    let n: i64 = if cfg!(miri) { 200 } else { 100_000 };
    for i in 0..n {
        let Value::Int(a) = acc else { panic!() };
        acc = int::add(IntRef::Small(a), IntRef::Small(i));
        let Value::Int(a) = acc else { panic!() };
        acc = int::sub(IntRef::Small(a), IntRef::Small(i / 2));
        let Value::Int(a) = acc else { panic!() };
        acc = int::floordiv(IntRef::Small(a), IntRef::Small(3)).unwrap();
        let Value::Int(a) = acc else { panic!() };
        acc = int::mul(IntRef::Small(a), IntRef::Small(7));
        let Value::Int(a) = acc else { panic!() };
        acc = int::modulo(IntRef::Small(a), IntRef::Small(1_000_003)).unwrap();
        let Value::Float(f) = facc else { panic!() };
        facc = Value::Float(f + i as f64 * 0.5);
        let _ = float::modulo(f, 3.0).unwrap();
        let _ = float::floordiv(f, 3.0).unwrap();
        let _ = acc.native_hash();
        let _ = facc.native_hash();
    }
    assert_eq!(allocs() - before, 0, "inline arithmetic allocated");
}

#[test]
fn inline_clone_and_drop_allocate_nothing() {
    let _token = Token::acquire().unwrap();
    let values = [
        Value::None,
        Value::Bool(true),
        Value::Int(-5),
        Value::Float(2.5),
    ];
    let before = allocs();
    for _ in 0..if cfg!(miri) { 10 } else { 10_000 } {
        for v in &values {
            let c = v.clone();
            let d = c.clone();
            assert!(d.is(v));
            drop(c);
        }
    }
    assert_eq!(allocs() - before, 0, "inline clone/drop allocated");
}

#[test]
fn overflow_allocates_a_big_int() {
    let _token = Token::acquire().unwrap();
    let before = allocs();
    let v = int::add(IntRef::Small(i64::MAX), IntRef::Small(1));
    assert!(allocs() > before);
    assert!(matches!(v, Value::Obj(_)));
}
