//! The eval loop on code compiled by CPython (`python3` must be installed):
//! results, errors with CPython's messages, deep recursion without Rust
//! recursion, and allocation-free Python-to-Python calls.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::process::Command;

use vm::{ExcKind, Value, Vm};

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

/// `src` compiled by CPython.
fn compile(src: &str) -> compiler::code::CodeObject {
    let out = Command::new("python3")
        .args([
            "-c",
            "import marshal, sys; sys.stdout.buffer.write(marshal.dumps(compile(sys.argv[1], '<test>', 'exec')))",
            src,
        ])
        .output()
        .expect("python3 must be installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    compiler::marshal::loads_code(&out.stdout).expect("CPython's marshal output loads")
}

fn int(v: Option<Value>) -> i64 {
    match v {
        Some(Value::Int(i)) => i,
        other => panic!("expected an int, got {other:?}"),
    }
}

#[test]
fn functions_loops_and_closures_compute() {
    let mut vm = Vm::new().unwrap();
    let g = vm
        .exec_module(
            "t",
            compile(
                "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\
                 def adder(k):\n    return lambda x: x + k\n\
                 total = 0\nfor i in range(100):\n    total += adder(i)(1)\n\
                 r = fib(15)\n",
            ),
        )
        .unwrap();
    assert_eq!(int(vm.global(&g, "r")), 610);
    assert_eq!(int(vm.global(&g, "total")), 5050);
}

#[test]
fn argument_errors_have_cpythons_messages() {
    let mut vm = Vm::new().unwrap();
    let e = vm
        .exec_module("t", compile("def f(a, b):\n    pass\nf(1)\n"))
        .unwrap_err();
    assert_eq!(e.kind, ExcKind::TypeError);
    assert_eq!(e.msg, "f() missing 1 required positional argument: 'b'");
    let e = vm
        .exec_module("t", compile("def f(a):\n    pass\nf(1, 2)\n"))
        .unwrap_err();
    assert_eq!(e.msg, "f() takes 1 positional argument but 2 were given");
    let e = vm
        .exec_module("t", compile("def f(a):\n    pass\nf(a=1, b=2)\n"))
        .unwrap_err();
    assert_eq!(e.msg, "f() got an unexpected keyword argument 'b'");
}

#[test]
fn recursion_limit_raises_and_deep_recursion_needs_no_rust_stack() {
    let mut vm = Vm::new().unwrap();
    let e = vm
        .exec_module("t", compile("def f(n):\n    return f(n + 1)\nf(0)\n"))
        .unwrap_err();
    assert_eq!(e.kind, ExcKind::RecursionError);
    // 200,000 Python frames on this test thread's small Rust stack: only
    // possible because Python-to-Python calls don't recurse in Rust.
    vm.set_recursion_limit(300_000);
    let g = vm
        .exec_module(
            "t",
            compile("def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nr = d(200000)\n"),
        )
        .unwrap();
    assert_eq!(int(vm.global(&g, "r")), 200_000);
}

#[test]
fn python_calls_allocate_nothing_per_call() {
    let mut vm = Vm::new().unwrap();
    let src = "def add(a, b):\n    return a + b\n\
               def run(n):\n    s = 0\n    for i in range(n):\n        s = add(s, i)\n    return s\n";
    let g = vm.exec_module("t", compile(src)).unwrap();
    let run = vm.global(&g, "run").unwrap();
    vm.call(&run, &[Value::Int(10)], None).unwrap(); // warm up the data stack
    let measure = |vm: &mut Vm, n: i64| {
        let before = allocs();
        let r = vm.call(&run, &[Value::Int(n)], None).unwrap();
        assert!(matches!(r, Value::Int(_)));
        allocs() - before
    };
    let small = measure(&mut vm, 1_000);
    let large = measure(&mut vm, 100_000);
    assert_eq!(large, small, "allocations grow with the number of calls");
}

#[test]
fn generator_resumptions_allocate_nothing_per_item() {
    let mut vm = Vm::new().unwrap();
    // Both ways of resuming: `FOR_ITER` in place and `next()` from native code.
    let src = "def gen(n):\n    for i in range(n):\n        yield i\n\
               def run(n):\n    s = 0\n    for x in gen(n):\n        s += x\n    \
               it = gen(n)\n    for _ in range(n):\n        s += next(it)\n    return s\n";
    let g = vm.exec_module("t", compile(src)).unwrap();
    let run = vm.global(&g, "run").unwrap();
    vm.call(&run, &[Value::Int(10)], None).unwrap(); // warm up the data stack
    let measure = |vm: &mut Vm, n: i64| {
        let before = allocs();
        let r = vm.call(&run, &[Value::Int(n)], None).unwrap();
        assert!(matches!(r, Value::Int(_)));
        allocs() - before
    };
    // Each generator object and its frame's save area are allocated once;
    // nothing is allocated per item.
    let small = measure(&mut vm, 1_000);
    let large = measure(&mut vm, 100_000);
    assert!(
        large <= small,
        "allocations grow with the number of items: {small} -> {large}"
    );
}

#[test]
fn exceptions_are_caught_by_the_exception_table() {
    let mut vm = Vm::new().unwrap();
    let g = vm
        .exec_module(
            "t",
            compile(
                "def f():\n    raise KeyError('k')\n\
                 try:\n    f()\nexcept LookupError as e:\n    r = 1\nelse:\n    r = 2\n\
                 try:\n    [][0]\nexcept IndexError:\n    q = 3\n",
            ),
        )
        .unwrap();
    assert_eq!(int(vm.global(&g, "r")), 1);
    assert_eq!(int(vm.global(&g, "q")), 3);
}

#[test]
fn native_reentry_at_the_default_limit_fits_an_8mb_stack() {
    // Every level goes through `type.__call__` -> `__init__` (native re-entry
    // of the eval loop), as CPython's C stack does.
    let code = compile(
        "class I:\n    def __init__(self, n):\n        if n:\n            I(n - 1)\n\
         try:\n    I(100000)\nexcept RecursionError:\n    r = 1\n",
    );
    let r = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let mut vm = Vm::new().unwrap();
            let g = vm.exec_module("t", code).unwrap();
            int(vm.global(&g, "r"))
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(r, 1);
}

#[test]
fn deep_native_reentry_with_a_raised_limit_does_not_overflow_a_small_stack() {
    let code = compile(
        "import sys\nsys.setrecursionlimit(100000)\n\
         class I:\n    def __init__(self, n):\n        if n:\n            I(n - 1)\n\
         try:\n    I(100000)\nexcept RecursionError:\n    r = 1\n",
    );
    let r = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let mut vm = Vm::new().unwrap();
            let g = vm.exec_module("t", code).unwrap();
            int(vm.global(&g, "r"))
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(r, 1);
}
