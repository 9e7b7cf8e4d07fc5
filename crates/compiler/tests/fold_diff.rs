//! Differential test of the constant folder against python3 (CPython 3.11):
//! `tests/scripts/fold_oracle.py` compiles `x = (EXPR)` for a few thousand generated
//! expressions and lists the constants the bytecode loads; Krait parses and folds the
//! same source and lists the constants left in the folded tree, in evaluation order.
//! The two lists must be identical (type and repr, `-0.0` apart from `0.0`), which
//! checks both what is folded and what is left alone.

use common::repr;
use compiler::fold::fold_module;
use std::path::PathBuf;
use std::process::Command;
use syntax::ast::{Constant, Expr, ExprKind, Mod, StmtKind};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The oracle script's `canon`: type name and repr; tuples item by item;
/// frozensets as sorted sets.
fn canon(c: &Constant) -> String {
    match c {
        Constant::None => "NoneType:None".into(),
        Constant::Bool(b) => format!("bool:{}", if *b { "True" } else { "False" }),
        Constant::Ellipsis => "ellipsis:Ellipsis".into(),
        Constant::Int(i) => format!("int:{}", repr::repr_int(i)),
        Constant::Float(f) => format!("float:{}", repr::repr_float(*f)),
        Constant::Complex { real, imag } => format!("complex:{}", repr::repr_complex(*real, *imag)),
        Constant::Str(s) => format!("str:{}", repr::repr_str(s)),
        Constant::Bytes(b) => format!("bytes:{}", repr::repr_bytes(b)),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(canon).collect();
            format!("({},)", parts.join(", "))
        }
        Constant::FrozenSet(items) => {
            let mut parts: Vec<String> = items.iter().map(canon).collect();
            parts.sort();
            format!("frozenset{{{}}}", parts.join(", "))
        }
    }
}

/// The constants the code generator would load for `e`, in order (the expression
/// kinds the oracle generates).
fn collect(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Constant { value, .. } => out.push(canon(value)),
        ExprKind::BinOp { left, right, .. } => {
            collect(left, out);
            collect(right, out);
        }
        ExprKind::UnaryOp { operand, .. } => collect(operand, out),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            collect(left, out);
            comparators.iter().for_each(|c| collect(c, out));
        }
        ExprKind::Subscript { value, slice, .. } => {
            collect(value, out);
            collect(slice, out);
        }
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } | ExprKind::Set { elts } => {
            elts.iter().for_each(|c| collect(c, out))
        }
        ExprKind::IfExp { test, body, orelse } => {
            collect(test, out);
            collect(body, out);
            collect(orelse, out);
        }
        ExprKind::Starred { value, .. } => collect(value, out),
        _ => {}
    }
}

fn krait_constants(expr: &str) -> Result<Vec<String>, String> {
    let src = format!("x = ({expr})\n");
    let mut m = syntax::parse(src.as_bytes(), "<fold>", syntax::Mode::Exec)
        .map_err(|e| format!("parse: {e:?}"))?;
    fold_module(&mut m, 0).map_err(|e| e.to_string())?;
    let Mod::Module { body, .. } = &m else {
        return Err("not a module".into());
    };
    let Some(StmtKind::Assign { value, .. }) = body.first().map(|s| &s.kind) else {
        return Err("not an assignment".into());
    };
    let mut out = Vec::new();
    collect(value, &mut out);
    Ok(out)
}

fn run(seed: u32, count: u32) -> (usize, Vec<String>) {
    let out = Command::new("python3")
        .arg(repo_root().join("tests/scripts/fold_oracle.py"))
        .arg(seed.to_string())
        .arg(count.to_string())
        .output()
        .expect("python3 is required for this test (CPython 3.11 is the oracle)");
    assert!(
        out.status.success(),
        "oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 oracle output");
    let mut failures = Vec::new();
    let mut total = 0;
    for line in text.lines() {
        let Some((expr, consts)) = line.split_once('\x1e') else {
            panic!("bad oracle line {line:?}");
        };
        total += 1;
        let expected: Vec<String> = if consts.is_empty() {
            Vec::new()
        } else {
            consts.split('\x1f').map(String::from).collect()
        };
        match krait_constants(expr) {
            Ok(actual) if actual == expected => {}
            Ok(actual) => failures.push(format!(
                "{expr}\n  python3: {expected:?}\n  krait:   {actual:?}"
            )),
            Err(e) => failures.push(format!("{expr}\n  krait error: {e}")),
        }
    }
    (total, failures)
}

/// Seeds 1 and 2 with 3,000 expressions of each kind; `FOLD_DIFF_SEEDS=1,2,3,...`
/// and `FOLD_DIFF_COUNT=N` run a larger comparison.
#[test]
fn folding_matches_python3() {
    let seeds: Vec<u32> = std::env::var("FOLD_DIFF_SEEDS")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2]);
    let count: u32 = std::env::var("FOLD_DIFF_COUNT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let mut total = 0;
    let mut failures = Vec::new();
    for seed in seeds {
        let (t, f) = run(seed, count);
        total += t;
        failures.extend(f);
    }
    eprintln!(
        "fold_diff: {} expressions compared, {} identical",
        total,
        total - failures.len()
    );
    assert!(total > 12000, "the oracle produced too few cases");
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(40).collect();
        panic!(
            "{} of {} expressions differ:\n{}",
            failures.len(),
            total,
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// What a folded iterable is, as the oracle reads it off the instruction before
/// `GET_ITER`/`GET_AITER`/`CONTAINS_OP`.
fn iter_kind(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Constant { value, .. } => format!("const:{}", canon(value)),
        ExprKind::Tuple { .. } => "tuple".into(),
        ExprKind::List { .. } => "list".into(),
        ExprKind::Set { .. } => "set".into(),
        _ => "other".into(),
    }
}

/// The docstring a folded body keeps (`None` if it has none).
fn docstring(body: &[syntax::ast::Stmt]) -> String {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr { value }) => match &value.kind {
            ExprKind::Constant {
                value: c @ Constant::Str(_),
                ..
            } => canon(c),
            _ => "None".into(),
        },
        _ => "None".into(),
    }
}

/// Krait's answer for one `--statements` case of the oracle.
fn statement_result(kind: &str, src: &str) -> Result<String, String> {
    let mut m = syntax::parse(src.as_bytes(), "<fold>", syntax::Mode::Exec)
        .map_err(|e| format!("parse: {e:?}"))?;
    fold_module(&mut m, 0).map_err(|e| e.to_string())?;
    let Mod::Module { body, .. } = &m else {
        return Err("not a module".into());
    };
    let first = body.first().map(|s| &s.kind).ok_or("empty module")?;
    Ok(match (kind, first) {
        ("moddoc", _) => docstring(body),
        ("fndoc", StmtKind::FunctionDef(f)) => docstring(&f.body),
        ("classdoc", StmtKind::ClassDef(c)) => docstring(&c.body),
        ("for", StmtKind::For(f)) => iter_kind(&f.iter),
        ("comp", StmtKind::Expr { value }) => match &value.kind {
            ExprKind::ListComp { generators, .. } => iter_kind(&generators[0].iter),
            _ => return Err("not a comprehension".into()),
        },
        ("afor", StmtKind::AsyncFunctionDef(f)) => match f.body.first().map(|s| &s.kind) {
            Some(StmtKind::AsyncFor(af)) => iter_kind(&af.iter),
            _ => return Err("not an async for".into()),
        },
        ("in", StmtKind::Assign { value, .. }) => match &value.kind {
            ExprKind::Compare { comparators, .. } => {
                iter_kind(comparators.last().ok_or("no comparator")?)
            }
            _ => return Err("not a comparison".into()),
        },
        _ => return Err(format!("unexpected case kind {kind}")),
    })
}

/// Docstrings (kept, or blocked when folding made the string) and the iterables of
/// `for`, comprehensions, `async for` and `in`, against python3's bytecode.
#[test]
fn statement_rules_match_python3() {
    let out = Command::new("python3")
        .arg(repo_root().join("tests/scripts/fold_oracle.py"))
        .arg("--statements")
        .output()
        .expect("python3 is required for this test (CPython 3.11 is the oracle)");
    assert!(
        out.status.success(),
        "oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 oracle output");
    let mut total = 0;
    let mut failures = Vec::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split('\x1e').collect();
        let [kind, src, expected] = parts[..] else {
            panic!("bad oracle line {line:?}");
        };
        let src = src.replace("\\n", "\n");
        total += 1;
        match statement_result(kind, &src) {
            Ok(actual) if actual == expected => {}
            Ok(actual) => failures.push(format!(
                "{kind} {src:?}: python3 {expected}, krait {actual}"
            )),
            Err(e) => failures.push(format!("{kind} {src:?}: {e}")),
        }
    }
    eprintln!(
        "fold_diff statements: {} cases compared, {} identical",
        total,
        total - failures.len()
    );
    assert!(total > 100, "the oracle produced too few cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
