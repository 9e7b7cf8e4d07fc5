//! Statement, target and pattern rules against python3: each snippet, parsed in
//! `exec` mode through the two-pass driver, must give CPython 3.11's AST dump (with
//! positions) or its error (type, message, lineno, offset, end_lineno, end_offset).

use crate::dump::dump;
use crate::parser::test_support::{error_line, python_results};
use crate::parser::Mode;

fn ours(src: &str, mode: Mode) -> String {
    match crate::parse(src.as_bytes(), "<unknown>", mode) {
        Ok(m) => dump(&m),
        Err(e) => error_line(&e, false),
    }
}

fn check(snippets: &[&str]) {
    check_mode(snippets, Mode::Exec);
}

fn check_mode(snippets: &[&str], mode: Mode) {
    let name = if mode == Mode::Single {
        "single"
    } else {
        "exec"
    };
    let expected = python_results(snippets, name, false);
    let mut failures = Vec::new();
    for (src, want) in snippets.iter().zip(&expected) {
        let got = ours(src, mode);
        if &got != want {
            failures.push(format!("{src:?}\n  python: {want}\n  krait:  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every kind of statement, target and pattern, in one module.
#[test]
fn statements_dump_like_python() {
    check(&[
        "import os, sys as s\nfrom . import x\nfrom ..a.b import (c as d, e,)\nfrom ...x import *\nx = y = 1\nx: int = 3\n(x): int\na.b[c] += 2\na, *b = c\n[a, (b, c)] = d\ndel a, b.c, d[0], (e, f), [g]\ndef f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n    global x\n    nonlocal y\n    return x\n@dec\n@dec2(1)\nasync def g(*, a: int, **k):\n    await x\n    async for i in y:\n        pass\n    async with a as b, c:\n        pass\nclass A(B, metaclass=M):\n    x = 1\nif a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\nwhile x:\n    break\nelse:\n    continue\nfor i, j in k:\n    pass\nelse:\n    pass\nwith (a as b, c as d,):\n    pass\nwith (a, b) as c:\n    pass\ntry:\n    pass\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\ntry:\n    pass\nexcept* E:\n    pass\ntry:\n    pass\nfinally:\n    pass\nraise\nraise X from Y\nassert x, \"m\"\nyield x\nx = yield\na; b; c;\ndef h(a, *args: *Ts): pass\nlambda a, b=1, *c, d, **e: 0\nmatch x:\n    case 1 | 2 | -3 | 1+2j | \"s\" | None | True:\n        pass\n    case [a, *rest] | (a, b) | () | []:\n        pass\n    case {\"k\": v, 1: w, **r}:\n        pass\n    case Point(x=0, y=y) | Point(1, 2, z=3) | a.b.C():\n        pass\n    case x if x > 0:\n        pass\n    case (a as b) | _:\n        pass\n    case a.B:\n        pass\nmatch = 1\nmatch(x)\ncase = 2\n",
        // Corners: parenthesized with items, soft keywords as names, every pattern.
        "with (a, b):\n    pass\nwith (a):\n    pass\nwith (yield):\n    pass\nwith a, (b):\n    pass\nwith (a, b) as c, d:\n    pass\nwith (a for a in b):\n    pass\n@a.b[c](d)\n@(lambda f: f)\ndef f(): ...\ndel x,\ndel (x,)\ndel (x), y\nglobal a, b\nfrom . import *\nimport a.b.c\nx: int\nx.y: int\nx[0]: int = yield\n(x): int = 5\nmatch(x)\nmatch[x]\nmatch.x = 1\nmatch = case = _ = 1\nprint(match, case)\nmatch -x:\n    case _:\n        pass\nmatch *a, b:\n    case [a, *_, b] | (a,) | () | {\"a\": 1, **rest,} | {1: _, \"x\": [*_]}:\n        pass\n    case -0j | 1 - 2j | -1.5 + 2j | a.b.c | Point(x=[1, 2]) | str() | bytes() | True | False | None:\n        pass\n    case \"a\" \"b\" | b\"x\" | f\"y\" if x:\n        pass\nmatch (x):\n    case {}:\n        pass\nmatch x,:\n    case (a):\n        pass\nmatch not x:\n    case _:\n        pass\nmatch lambda: 1:\n    case _:\n        pass\nmatch [a]:\n    case [[]]:\n        pass\nmatch {a}:\n    case {**r}:\n        pass\nx = *a, *b\na, = b\n[] = x\n() = x\nfor [] in (): pass\nfor x, in y: pass\na = b = c = d\na += yield x\nx: list[int] = [1]\ndef f(*, a=1, b, c=2, **k): pass\ndef f(a, /, b, *c, d, **e): pass\ndef f(a=1, /, b=2, *, c): pass\ndef f(a, b=1, /): pass\ndef f(*a: int, b: \"x\" = 3): pass\ndef f(a:int=1,*b:*tuple[int],c:int): pass\nasync def f():\n    async with a as (b, c):\n        pass\n    async for (a, b) in c:\n        pass\n    else:\n        pass\n    return await x\nclass A: pass\nclass A(): pass\nclass A(*a, **k): pass\ntry:\n    pass\nexcept (A, B) as e:\n    pass\ntry:\n    pass\nexcept* (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\nif a: pass\nelif b: pass\nwhile a: pass\nraise a from None\nassert (a, b)\nnonlocal a, b\nx = 1;\nlambda: (yield)\n",
        "match x:\n case 1 + 1: pass\n",
        "if elif x:\n    pass\n",
        "if x:\n    pass\nelif elif y:\n    pass\n",
        "match x:\n case 2j + 1: pass\n",
        "match x:\n case -1j - 1j: pass\n",
        "match x:\n case {**r, **s}: pass\n",
        "x = 1\ny = 2\n",
        "if a:\n    if b:\n        pass\n    else:\n        pass\n",
        "def f(a, /): pass\ndef g(a=1, /, b=2): pass\ndef h(*, a): pass\n",
        "x[1:2, ::3] = f(a)(b)[c].d\n",
        "(a.b) = (c) = [d] = e\n",
        "del (a), [b], (c.d)\n",
        "match a, *b:\n    case [*_]:\n        pass\n    case {**rest}:\n        pass\n    case -1-2j:\n        pass\n",
    ]);
}

/// The `invalid_*` rules of statements, targets and patterns: message, type and range.
#[test]
fn statement_errors_like_python() {
    check(&[
        "def f:\n pass",
        "def f(a=1, b):\n pass",
        "def f(*):\n pass",
        "def f(*a=1): pass",
        "def f(**a=1): pass",
        "def f(**a, b): pass",
        "def f(*a, *b): pass",
        "def f(/): pass",
        "def f(a, /, /): pass",
        "def f(a) pass",
        "class A pass",
        "class A(x)\n pass",
        "with a b:\n pass",
        "with a\n pass",
        "for x in y z:\n pass",
        "for x in y\n pass",
        "try:\n pass\nx=1",
        "try:\n pass\nexcept A, B:\n pass",
        "try:\n pass\nexcept A, B as c:\n pass",
        "try:\n pass\nexcept*:\n pass",
        "raise from x",
        "import",
        "from x import",
        "from x import a,",
        "import a as b.c",
        "match x:\n case {**r, a: 1}: pass",
        "if x:\n pass\nelse:\n pass\nelif y: pass",
        "def f(a, (b, c)): pass",
        "def f(a=): pass",
        "else: pass",
        "f() = 1",
        "del f()",
        "for f() in x: pass",
        "with a as f(): pass",
        "x: int, y = 1",
        "(a, b): int",
        "a + 1 += 1",
        "a = yield = 1",
        "try:\npass",
        "def f(/, a): pass",
        "def f(a=1, /, b): pass",
        "def f(a, *, /): pass",
        "def f(a /, *): pass",
        "def f(a=1 /, *): pass",
        "def f(*, **a): pass",
        "def f(*,): pass",
        "def f(**a, *b): pass",
        "class A:\nx",
        "if x:\nx",
        "if x\n pass",
        "while x\n pass",
        "try:\n pass\nexcept A:\n pass\nexcept* B:\n pass",
        "try:\n pass\nexcept* A:\n pass\nexcept B:\n pass",
        "try:\n pass\nexcept A\n pass",
        "try:\n pass\nfinally:\nx",
        "with (a, b)\n pass",
        "with a:\nx",
        "def f():\nx",
        "async def f():\n async with a:\n x",
        "match x:\n case 1:\n x",
        "match x\n case 1: pass",
        "match x:\ncase 1: pass",
        "case 1: pass",
        "match x:\n case 1 as _: pass",
        "match x:\n case 1 as a.b: pass",
        "match x:\n case 1 as 1: pass",
        "match x:\n case C(a=1, b): pass",
        "match x:\n case 1\n  pass",
        "match x:\n case 1:\n pass",
        "match x:\n case 1j+1: pass",
        "match x:\n case 1+1: pass",
        "del *a",
        "del (a, 1)",
        "del [a, b+1]",
        "for 1 in x: pass",
        "for a, b() in x: pass",
        "[a, b]: int",
        "a, b: int",
        "a.b: int = 1",
        "1: int",
        "a = b = 1 = 2",
        "(yield) = 1",
        "f() += 1",
        "x = 1 if 2",
        "while x:\npass",
        "for x in y:\npass",
        "else:\npass",
        "try:\n pass\nexcept:\npass",
        "try:\n pass\nexcept A as b:\npass",
        "try:\n pass\nexcept* A:\npass",
        "try:\n pass\nelse:\n pass",
        "def f(a, *a, b, *c): pass",
        "def f(a, **b, c=1): pass",
        "def f(**b, /): pass",
        "def f(**b, **c): pass",
        "def f(a=1, /, *, b, /): pass",
        "def f(a, /, b, /): pass",
        "def f() -> :\n pass",
        "with a as b c: pass",
        "with (a as b c): pass",
        "import a.b.c as",
        "from . import (a, b",
        "from . import a as",
        "global x,",
        "nonlocal",
        "assert",
        "with open() as f, :\n pass",
        "except: pass",
        "finally: pass",
        "elif x: pass",
        "f(**a, *b)",
        "@x\nclass\n",
        "@x\nx = 1",
        "lambda x=: 1",
        "lambda *, **k: 1",
        "lambda **k, a: 1",
        "def f(a: int = 1, b: *int): pass",
    ]);
}

/// `single` mode: one statement, and CPython's "multiple statements" check.
#[test]
fn single_mode_like_python() {
    check_mode(
        &[
            "x = 1\n",
            "if x:\n  pass\n\n",
            "x = 1; y = 2\n",
            "x = 1\ny = 2\n",
            "x = 1\n# c\n\n",
            "if x:\n  pass\ny=1\n",
            "if x:\n  pass\nelse:\n  pass\n",
            "x = 1 # c\n  # d\n",
            "@d\ndef f(): pass\n",
        ],
        Mode::Single,
    );
}

/// Which error wins when both the parser and the tokenizer fail
/// (`_PyPegen_set_syntax_error`), and errors located on INDENT, DEDENT and ENDMARKER
/// tokens, which CPython's tokenizer gives no columns.
#[test]
fn error_choice_and_positionless_tokens_like_python() {
    check(&[
        "x = (1,\ny = 2 3\n",
        "x = 1 +\ny = (\n",
        "f(a b)\nx = 'abc\n",
        "f(a b)\n  x = 1\n",
        "if x:\n  a\n b\n",
        "x = 1\n  y = 2\n",
        "try:\n   x = 34\n\n",
        "def f():\n    if x:\n    pass\n",
        "class A:\n    def f(self):\n",
        "match x:\n    case []:\npass\n",
        "@without_gc\n",
        "x = 1 $ 2\ny = 'abc\n",
        "x = 1 ? 2\n",
        "f(a, global\n",
        "print(f(a, global\n",
        "for x in y:\n    pass\n  else: pass\n",
    ]);
}
