//! Expression rules against python3: each snippet, parsed in `eval` mode through the
//! two-pass driver, must give CPython 3.11's AST dump (with positions) or its error
//! (type, message, lineno, offset, end_lineno, end_offset).

use crate::dump::dump;
use crate::parser::test_support::{error_line, python_results};
use crate::parser::{parse_tokens, Mode};
use crate::tokenizer::tokenize_mode;

fn ours(src: &str) -> String {
    // `eval` input: CPython appends no newline (`exec_input` is false).
    let toks = tokenize_mode(src, false);
    match parse_tokens(src, "<unknown>", toks.tokens, toks.error, Mode::Eval) {
        Ok(m) => dump(&m),
        Err(e) => error_line(&e, false),
    }
}

fn check(snippets: &[&str]) {
    let expected = python_results(snippets, "eval", false);
    let mut failures = Vec::new();
    for (src, want) in snippets.iter().zip(&expected) {
        let got = ours(src);
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

#[test]
fn operators() {
    check(&[
        "a or b or c and d",
        "not a and not not b",
        "a < b <= c == d != e > f >= g in h not in i is j is not k",
        "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
        "-a ** -b ** c",
        "~+-x",
        "await x ** 2",
        "a if b else c if d else e",
        "1 + 2.5 + 3j + 0x1F + 0o17 + 0b101 + 1_000 + 1e10",
        "x.y.z(1)[2]",
        "f(a)(b)(c)",
        "(\n a +\n b\n)",
        "a <> b",
        "1 if 2",
    ]);
}

#[test]
fn atoms_and_displays() {
    check(&[
        "None, True, False, ...",
        "()",
        "(1,)",
        "(1, 2, *a)",
        "((a))",
        "[]",
        "[1, *a, 3,]",
        "{}",
        "{1: 2, **a, 3: 4,}",
        "{1, 2, *a}",
        "(yield)",
        "(yield x)",
        "(yield from x)",
        "(x := 1)",
        "[x := 1, y := 2]",
        "'a' 'b'",
    ]);
}

#[test]
fn slices_and_calls() {
    check(&[
        "a[1]",
        "a[1:2]",
        "a[::]",
        "a[:2, 3:]",
        "a[1,]",
        "a[*b]",
        "a[b, *c]",
        "a[x := 1]",
        "f()",
        "f(a, b=1, *c, d=2, **e)",
        "f(*a, *b, c=1, **d, e=2)",
        "f(x for x in y)",
        "f(a, (x for x in y))",
        "f(a := 1)",
        "f(a,)",
        "f(**a, b=1)",
    ]);
}

#[test]
fn comprehensions_and_lambdas() {
    check(&[
        "[x for x in y]",
        "[x for x in y if a if b for z in w]",
        "{x for x in y}",
        "{x: y for x, y in z}",
        "(x for x in y)",
        "[x async for x in y]",
        "[(a, b) for a, b in c]",
        "[x for *a, b in c]",
        "lambda: 0",
        "lambda a, b=1, *c, d, e=2, **f: 0",
        "lambda a, /, b: 0",
        "lambda a=1, /, b=2: 0",
        "lambda *, a: 0",
        "lambda *a, b=1: 0",
        "lambda **k: 0",
        "lambda: lambda: x",
        "lambda a, b,: 0",
    ]);
}

#[test]
fn errors() {
    check(&[
        "{1: *a}",
        "{1: 2, 3}",
        "{1: 2, 3 , 4:5}",
        "{1:}",
        "f(**a, *b)",
        "f(x, *:)",
        "f(*a, *:)",
        "f(a=1, *)",
        "f(x, *)",
        "f(x, y=1, **k, *b)",
        "f(x for x in y, 1)",
        "f(a, x for x in y)",
        "f(a=1, b)",
        "f(**a, b)",
        "f(a, b for b in c if d)",
        "[x for 1 in y]",
        "[x for a in]",
        "[*a for a in b]",
        "[a, b for a in c]",
        "[a, for a in c]",
        "{**a for a in b}",
        "(*a)",
        "(**a)",
        "f(True=1)",
        "f(a.b=1)",
        "f(a=1 for a in b)",
        "print \"hello\"",
        "print x",
        "(a b)",
        "a b",
        "(a := 1 := 2)",
        "(a.b := 1)",
        "(x = 1)",
        "(a.b = 1)",
        "lambda a=1, b: 0",
        "lambda (a): 0",
        "lambda /, a: 0",
        "lambda a, /, b, /: 0",
        "lambda *, a, /: 0",
        "lambda a=1, /*: 0",
        "lambda *: 0",
        "lambda *a=1: 0",
        "lambda *a, *b: 0",
        "lambda **a=1: 0",
        "lambda **a, b: 0",
        "lambda **a, *: 0",
        "f(**a=1)",
        "[a for a in b if]",
        "f(a for a in b, c for c in d)",
        "(a, b c)",
        "[1 2]",
        "f(a b)",
        "{1: 2 3}",
        "x = 1",
        "(1 +)",
        "[(x := 1) for x in y]",
    ]);
}

/// The generic error on the ENDMARKER of input without a newline: offset 0.
#[test]
fn error_at_endmarker() {
    check(&["a +"]);
}
