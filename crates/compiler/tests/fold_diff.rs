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

#[test]
fn folding_matches_python3() {
    let (total, failures) = run(1, 3000);
    let (total2, failures2) = run(2, 3000);
    let total = total + total2;
    let failures: Vec<String> = failures.into_iter().chain(failures2).collect();
    eprintln!(
        "fold_diff: {} expressions compared, {} identical",
        total,
        total - failures.len()
    );
    assert!(total > 6000, "the oracle produced too few cases");
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
