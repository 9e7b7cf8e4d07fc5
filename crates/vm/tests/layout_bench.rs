//! The measurement behind the object layout decision (docs/internals/memory.md):
//! allocate and free 1M small mixed objects with the real header + exact payload
//! layout, versus one struct holding an enum of payloads sized to the largest.
//! Run: `cargo test -p vm --test layout_bench -- --ignored --nocapture`.

use std::cell::Cell;
use std::hint::black_box;
use std::time::Instant;

use common::bigint::BigInt;
use vm::builtins::int::normalize;
use vm::builtins::str::StrObj;
use vm::builtins::tuple::Tuple;
use vm::{ObjRef, Token, Value};

#[allow(dead_code)]
enum Payload {
    Str(Box<str>),
    Big(BigInt),
    Tuple(Box<[Value]>),
    Dict {
        indices: Vec<u32>,
        entries: Vec<(isize, Value, Value)>,
        used: usize,
        version: u64,
    },
    Other(Box<dyn std::any::Any>),
}

#[allow(dead_code)]
struct EnumObj {
    refcnt: Cell<usize>,
    ty: usize,
    payload: Payload,
}

#[test]
#[ignore]
fn layout_header_plus_payload_vs_enum() {
    let _t = Token::acquire().unwrap();
    const N: usize = 1_000_000;
    let big = BigInt::from(1) << 70;
    println!(
        "sizes: Value {} B, enum object {} B",
        std::mem::size_of::<Value>(),
        std::mem::size_of::<EnumObj>()
    );
    for round in 0..3 {
        let t = Instant::now();
        let mut v: Vec<ObjRef> = Vec::with_capacity(N);
        for i in 0..N {
            v.push(match i % 3 {
                0 => StrObj::alloc("x"),
                1 => match normalize(big.clone()) {
                    Value::Obj(o) => o,
                    _ => unreachable!(),
                },
                _ => Tuple::alloc(vec![Value::Int(i as i64), Value::Int(1)]),
            });
        }
        black_box(v.iter().map(ObjRef::refcount).sum::<usize>());
        drop(v);
        let a = t.elapsed();
        let t = Instant::now();
        let mut v: Vec<Box<EnumObj>> = Vec::with_capacity(N);
        for i in 0..N {
            let payload = match i % 3 {
                0 => Payload::Str("x".into()),
                1 => Payload::Big(big.clone()),
                _ => Payload::Tuple(vec![Value::Int(i as i64), Value::Int(1)].into()),
            };
            v.push(Box::new(EnumObj {
                refcnt: Cell::new(1),
                ty: i % 3,
                payload,
            }));
        }
        black_box(v.iter().map(|o| o.refcnt.get() + o.ty).sum::<usize>());
        drop(v);
        let b = t.elapsed();
        println!("round {round}: header+payload {a:?}, enum payload {b:?}");
    }
}
