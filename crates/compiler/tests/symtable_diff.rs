//! Differential tests of the symbol table against python3's `symtable` module: each
//! snippet is parsed by python3 (`tests/scripts/ast_export.py`) and read back, and
//! also parsed by Krait's parser, then run through Krait's symbol table, and dumped in `tests/scripts/symtable_dump.py`'s
//! format, which must be identical (scopes, symbols, flags, or the error's message
//! and position), as must the facts python3's code objects show (generator, coroutine,
//! varargs, nested flags, cell and free variables). Skipped when python3 is not
//! installed.

mod support;

use std::path::PathBuf;
use std::process::Command;

use compiler::future::future_from_ast;
use compiler::symtable::{dump, SymbolTable, SymtableError};
use support::ast_import::import_module;

/// Snippets for the symbol table: scoping rules, then every error `symtable.c`
/// (and `future.c`) raises.
const CASES: &[&str] = &[
    // Scopes, closures, cells.
    "x = 1\ndef f(a, /, b, *c, d, **e):\n    global x\n    x = a\n    return b\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n        def h():\n            return x\n    return g\n",
    "def f(x):\n    return lambda y: x + y\n",
    "def f():\n    def g():\n        return y\n    y = 1\n",
    "def outer():\n    v = 1\n    class C:\n        v = 2\n        def m(self):\n            return v\n    return C\n",
    "class A:\n    def f(self):\n        return super().f()\n    def g(self):\n        return __class__\n",
    "class A:\n    __x = 1\n    def __f(self, __y):\n        import __m.sub as __n\n        return self.__x, __y, __z__\n",
    "class __:\n    __x = 1\nclass _A_:\n    __y = 2\n",
    "def f():\n    class A:\n        x = 1\n        def g(self):\n            global x\n            return x\n",
    "def f():\n    x = 1\n    class A:\n        x = 2\n        def g(self):\n            return x\n",
    "def f():\n    x = 1\n    class A:\n        nonlocal x\n        x = 2\n",
    // Comprehensions and the walrus.
    "def f(a):\n    return [x for x in a if x], {x: y for x, y in a}, {x for x in a}, (x for x in a)\n",
    "def f():\n    return [y for x in a for y in x]\n",
    "def f(a):\n    if any((w := x) > 0 for x in a):\n        return w\n",
    "[y := x for x in range(3)]\nprint(y)\n",
    "def f():\n    global g\n    [g := 1 for x in y]\n",
    "def f():\n    [[(z := x) for x in y] for y in w]\n    return z\n",
    "class A:\n    x = [i for i in range(3)]\n    y = lambda: (z := 1)\n",
    "async def f():\n    return [x async for x in y], [await x for x in y]\n",
    "async def f():\n    return [[x async for x in y] for z in w]\n",
    "def f():\n    yield 1\n    return 2\n",
    "lambda: (yield)\n",
    // Annotations.
    "x: int\ny: list[int] = []\n(z): int = 1\na.b: int\ndef f(p: P, *q: Q, r: R = 1, **s: S) -> T:\n    v: V\n    w: W = 1\n",
    "from __future__ import annotations\nx: int\ndef f(p: P, *q: Q, r: R = 1, **s: S) -> T:\n    v: V\n    w: W = 1\n",
    "from __future__ import annotations\ndef f(x: (lambda: y)): pass\n",
    "\"\"\"doc\"\"\"\nfrom __future__ import annotations, division\nx: int\n",
    "def f():\n    x: int\n    print(x)\n",
    // Other bindings.
    "import a.b.c\nimport a.b as d\nfrom m import e, f as g\nfrom . import h\nfrom m import *\n",
    "try:\n    pass\nexcept E as e:\n    pass\ntry:\n    pass\nexcept* F as f:\n    pass\nwith a as (b, c), d as e.f:\n    pass\nfor i, *j in k:\n    del i\n",
    "match x:\n    case [a, *b, c] | {\"k\": a, **b} | C(a, b=c) as d:\n        pass\n    case {**rest}:\n        pass\n    case _ if g:\n        pass\n",
    "def f():\n    f'{a!r:{b}}'\n    return c[d:e:f], g(*h, **i), j if k else l\n",
    "@dec(a)\nclass A(B, metaclass=M, **kw):\n    @staticmethod\n    def f(x=lambda: y, *, z=w): pass\n",
    // Errors raised while visiting.
    "def f(a, a): pass\n",
    "def f(\u{e9}, \u{e9}): pass\n",
    "def f(a, *, a): pass\n",
    "lambda a, a: 1\n",
    "class f:\n  def g(__a, _f__a): pass\n",
    "def f(x):\n    global x\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f():\n    x: int\n    global x\n",
    "def f():\n    global x\n    x: int = 3\n",
    "def f():\n  global x\n  x: int\n",
    "global x\nx: int\n",
    "def f(x):\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        x = 1\n        nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        x: int\n        nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n",
    "def f():\n    from os import *\n",
    "class A:\n    from os import *\n",
    "[(yield x) for x in y]\n",
    "def f():\n    [(yield x) for x in y]\n",
    "def f():\n    {(yield x) for x in y}\n",
    "def f():\n    {(yield x): 1 for x in y}\n",
    "def f():\n    ((yield from x) for x in y)\n",
    "def f():\n  [(yield 1) for y in (yield 2)]\n",
    "[x := 1 for x in y]\n",
    "[[x := 1 for y in z] for x in w]\n",
    "class A:\n    [y := 1 for x in z]\n",
    "[x for x in (y := z)]\n",
    "[x for x in [(lambda: (y := 1))]]\n",
    "[x for x in [y for y in (z := 1)]]\n",
    "[(x, y) for x in a for y in (z := b)]\n",
    "[i for i in range(5) if (j := 0) for j in range(5)]\n",
    "def f():\n  [j for i in range(5) if (j := 0) for j in range(5)]\n",
    "from __future__ import annotations\ndef f(x: (yield)): pass\n",
    "from __future__ import annotations\nx: (y := 1)\n",
    "from __future__ import annotations\nasync def f(x: (await y)): pass\n",
    "from __future__ import annotations\ndef f() -> (yield from x): pass\n",
    // Errors raised by the analysis.
    "nonlocal x\n",
    "nonlocal x\ndef f(a, a): pass\n",
    "def f():\n    nonlocal x\n",
    "class A:\n  nonlocal x\n",
    "def f():\n  class A:\n    nonlocal x\n",
    "def f():\n    global x\n    nonlocal x\n",
    "def f():\n  x=1\n  def g():\n    global x\n    nonlocal x\n",
    "class A:\n  def f(self):\n    global __x\n    __x = 1\n  def g(): nonlocal __y\n",
    "def f():\n    def g(): nonlocal y\n    y = 1\n",
    // future.c.
    "from __future__ import braces\n",
    "from __future__ import foo\n",
    "from __future__ import nested_scopes, generators, division, absolute_import, with_statement, print_function, unicode_literals, barry_as_FLUFL, generator_stop, annotations\n",
    "import os; from __future__ import annotations\n",
    "from __future__ import annotations; import os; from __future__ import division\n",
    "  \nfrom __future__ import (\n    annotations,\n    nope)\n",
];

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn krait_dump(ast_text: &str, filename: &str) -> String {
    let module = import_module(ast_text).expect("import");
    let ff = match future_from_ast(&module, filename) {
        Ok(ff) => ff,
        Err(e) => return dump::dump_error(&SymtableError::Syntax(e)),
    };
    match SymbolTable::build(&module, filename, &ff) {
        Ok(t) => dump::dump(&t),
        Err(e) => dump::dump_error(&e),
    }
}

#[test]
fn symtable_matches_python3() {
    if Command::new("python3").arg("-V").output().is_err() {
        eprintln!("python3 not found; skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("krait-symtable-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (i, src) in CASES.iter().enumerate() {
        let p = dir.join(format!("case{i}.py"));
        std::fs::write(&p, src).unwrap();
        files.push(p);
    }
    let out = dir.join("out");
    let status = Command::new("python3")
        .arg(repo_root().join("tests/scripts/ast_export.py"))
        .arg(&out)
        .args(&files)
        .status()
        .unwrap();
    assert!(status.success());
    let mut failures = Vec::new();
    for (i, src) in CASES.iter().enumerate() {
        let ast = out.join(format!("{i}.ast"));
        let Ok(ast_text) = std::fs::read_to_string(&ast) else {
            failures.push(format!("case {i} {src:?}: python3 could not parse it"));
            continue;
        };
        let filename = files[i].to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(out.join(format!("{i}.expected"))).unwrap();
        let actual = krait_dump(&ast_text, &filename);
        if expected != actual {
            failures.push(format!(
                "case {i} {src:?}\n--- python3\n{expected}--- krait\n{actual}"
            ));
        }
        // The same through Krait's own parser.
        let through_parser = match syntax::parse(src.as_bytes(), &filename, syntax::Mode::Exec) {
            Ok(m) => match future_from_ast(&m, &filename) {
                Ok(ff) => match SymbolTable::build(&m, &filename, &ff) {
                    Ok(t) => dump::dump(&t),
                    Err(e) => dump::dump_error(&e),
                },
                Err(e) => dump::dump_error(&SymtableError::Syntax(e)),
            },
            Err(e) => dump::dump_error(&SymtableError::Syntax(e)),
        };
        if expected != through_parser {
            failures.push(format!(
                "case {i} {src:?} (Krait parser)\n--- python3\n{expected}--- krait\n{through_parser}"
            ));
        }
        // The facts code objects show (flags, cell and free variables).
        if let Ok(code) = std::fs::read_to_string(out.join(format!("{i}.code"))) {
            let module = import_module(&ast_text).unwrap();
            let ff = future_from_ast(&module, &filename).unwrap();
            let facts =
                dump::dump_code_facts(&SymbolTable::build(&module, &filename, &ff).unwrap());
            if facts != code {
                failures.push(format!(
                    "case {i} {src:?}\n--- python3 code objects\n{code}--- krait\n{facts}"
                ));
            }
        }
        // A symbol-table error is also what compile() raises first.
        if actual.starts_with("error") {
            let compiled = std::fs::read_to_string(out.join(format!("{i}.compile"))).unwrap();
            if compiled != actual {
                failures.push(format!(
                    "case {i} {src:?}\n--- python3 compile()\n{compiled}--- krait\n{actual}"
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
