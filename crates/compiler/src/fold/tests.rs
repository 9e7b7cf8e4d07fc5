//! One test per `ast_opt.c` rule, on sources parsed by Krait's parser. The expected
//! results were read off python3 (CPython 3.11.7); the differential test
//! `tests/fold_diff.rs` covers the arithmetic at scale.

use super::*;
use common::bigint::BigInt;
use syntax::ast::{CmpOp, Expr, ExprKind, StmtKind};

fn parse(src: &str) -> Mod {
    syntax::parse(src.as_bytes(), "<test>", syntax::Mode::Exec).expect("parses")
}

fn folded(src: &str) -> Mod {
    let mut m = parse(src);
    fold_module(&mut m, 0).expect("folds");
    m
}

fn body(m: &Mod) -> &[Stmt] {
    match m {
        Mod::Module { body, .. } => body,
        _ => panic!("not a module"),
    }
}

/// The folded value of `x = (EXPR)`.
fn value(expr: &str) -> Expr {
    let m = folded(&format!("x = ({expr})\n"));
    match &body(&m)[0].kind {
        StmtKind::Assign { value, .. } => (**value).clone(),
        _ => panic!("not an assignment"),
    }
}

fn constant(expr: &str) -> Option<Constant> {
    match value(expr).into_kind() {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

fn int(i: i64) -> Constant {
    Constant::Int(BigInt::from(i))
}

fn s(t: &str) -> Constant {
    Constant::Str(t.into())
}

#[test]
fn unary_operators_on_constants() {
    assert_eq!(constant("-1"), Some(int(-1)));
    assert_eq!(constant("~5"), Some(int(-6)));
    assert_eq!(constant("~True"), Some(int(-2)));
    assert_eq!(constant("+True"), Some(int(1)));
    assert_eq!(constant("-True"), Some(int(-1)));
    assert_eq!(constant("not 0"), Some(Constant::Bool(true)));
    assert_eq!(constant("not ()"), Some(Constant::Bool(true)));
    assert_eq!(constant("not 'a'"), Some(Constant::Bool(false)));
    match constant("-0.0") {
        Some(Constant::Float(f)) => assert!(f == 0.0 && f.is_sign_negative()),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        constant("-0j"),
        Some(Constant::Complex {
            real: -0.0,
            imag: -0.0
        })
    );
    // TypeError: left alone.
    assert_eq!(constant("~1.0"), None);
    assert_eq!(constant("-'a'"), None);
}

#[test]
fn binary_operators_on_numbers() {
    assert_eq!(constant("1 + 2 * 3"), Some(int(7)));
    assert_eq!(constant("7 // -2"), Some(int(-4)));
    assert_eq!(constant("-7 % 3"), Some(int(2)));
    assert_eq!(constant("1 / 4"), Some(Constant::Float(0.25)));
    assert_eq!(constant("2 ** -1"), Some(Constant::Float(0.5)));
    assert_eq!(constant("-5 >> 1"), Some(int(-3)));
    assert_eq!(constant("-1 & 6"), Some(int(6)));
    assert_eq!(constant("True & True"), Some(Constant::Bool(true)));
    assert_eq!(constant("True + True"), Some(int(2)));
    assert_eq!(constant("0.1 + 0.2"), Some(Constant::Float(0.1 + 0.2)));
    assert_eq!(constant("-0.0 % 1.0"), Some(Constant::Float(0.0)));
    assert_eq!(constant("5.5 % -2"), Some(Constant::Float(-0.5)));
    assert_eq!(
        constant("1j * 1j"),
        Some(Constant::Complex {
            real: -1.0,
            imag: 0.0
        })
    );
    assert!(matches!(
        constant("(-8) ** (1/3)"),
        Some(Constant::Complex { .. })
    ));
    // Operations that raise stay unfolded.
    for e in [
        "1 / 0",
        "1 // 0",
        "1 % 0",
        "1.0 / 0",
        "0.0 ** -1",
        "1 << -1",
        "5 >> -1",
        "10.0 ** 400",
        "1e308 * 10 ** 400",
        "(1+2j) // 1",
        "1j ** 1e309",
        "0j ** -1",
        "1 @ 2",
        "10**400 / 3",
    ] {
        assert!(constant(e).is_none(), "{e} folded");
    }
}

#[test]
fn size_limits_of_safe_operations() {
    // MAX_INT_SIZE = 128 bits.
    assert!(constant("2 ** 64").is_some(), "2 has 2 bits: 2 <= 128 / 64");
    assert!(constant("2 ** 65").is_none(), "2 > 128 / 65");
    assert!(constant("1 << 127").is_some());
    assert!(constant("1 << 128").is_none());
    assert!(constant("2**63 * 2**63").is_some(), "64 + 64 bits");
    assert!(constant("2**63 * 2**64").is_none(), "64 + 65 bits");
    assert_eq!(constant("0 << 10**30"), Some(int(0)));
    assert!(constant("1 ** 129").is_none());
    // MAX_STR_SIZE = 4096 characters.
    assert!(constant("'a' * 4096").is_some());
    assert!(constant("'a' * 4097").is_none());
    assert!(constant("b'ab' * 2049").is_none());
    assert!(constant("'a' * -1").is_none());
    assert_eq!(constant("'' * -1"), Some(s("")));
    // MAX_COLLECTION_SIZE = 256 items, MAX_TOTAL_ITEMS = 1024.
    assert!(constant("(1,) * 256").is_some());
    assert!(constant("(1,) * 257").is_none());
    assert!(constant("((1, 2, 3, 4),) * 204").is_some());
    assert!(constant("((1, 2, 3, 4),) * 205").is_none());
}

#[test]
fn sequences_concatenate_repeat_and_index() {
    assert_eq!(constant("'a' + 'b' * 2"), Some(s("abb")));
    assert_eq!(
        constant("b'a' + b'b'"),
        Some(Constant::Bytes(b"ab".to_vec()))
    );
    assert_eq!(
        constant("(1,) + (2,)"),
        Some(Constant::Tuple(vec![int(1), int(2)]))
    );
    assert_eq!(constant("'abc'[True]"), Some(s("b")));
    assert_eq!(constant("'abc'[-1]"), Some(s("c")));
    assert_eq!(constant("b'abc'[0]"), Some(int(97)));
    assert_eq!(constant("(1, 2)[1]"), Some(int(2)));
    assert!(constant("'abc'[3]").is_none());
    assert!(constant("'abc'[1.0]").is_none());
    // %-formatting is not folded in 3.11.
    assert!(constant("'%s' % ('a',)").is_none());
    assert!(constant("'a' + b'b'").is_none());
}

#[test]
fn tuples_of_constants_become_constants_only_when_loaded() {
    assert_eq!(
        constant("(1, -2)"),
        Some(Constant::Tuple(vec![int(1), int(-2)]))
    );
    assert!(constant("(1, a)").is_none());
    let m = folded("(a, b) = 1, 2\n");
    let StmtKind::Assign { targets, value, .. } = &body(&m)[0].kind else {
        panic!()
    };
    assert!(matches!(targets[0].kind, ExprKind::Tuple { .. }));
    assert!(matches!(value.kind, ExprKind::Constant { .. }));
}

#[test]
fn in_operands_become_tuples_and_frozensets() {
    let ExprKind::Compare { comparators, .. } = value("a in [1, 2]").into_kind() else {
        panic!()
    };
    assert!(
        matches!(&comparators[0].kind, ExprKind::Constant { value: Constant::Tuple(t), .. } if t.len() == 2)
    );
    let ExprKind::Compare { comparators, .. } = value("a not in {1, 1.0, True, 2}").into_kind()
    else {
        panic!()
    };
    assert_eq!(
        constant_of(&comparators[0]),
        Some(&Constant::FrozenSet(vec![int(1), int(2)]))
    );
    let ExprKind::Compare { comparators, .. } = value("a in [b, 1]").into_kind() else {
        panic!()
    };
    assert!(matches!(comparators[0].kind, ExprKind::Tuple { .. }));
    let ExprKind::Compare { comparators, .. } = value("a in [*b]").into_kind() else {
        panic!()
    };
    assert!(matches!(comparators[0].kind, ExprKind::List { .. }));
    // Only the last comparison's operand.
    let ExprKind::Compare { comparators, .. } = value("a in [1] == [2]").into_kind() else {
        panic!()
    };
    assert!(matches!(comparators[0].kind, ExprKind::List { .. }));
}

#[test]
fn loop_and_comprehension_iterables() {
    let m = folded("for x in [1, 2]: pass\n[y for y in {3}]\n");
    let StmtKind::For(f) = &body(&m)[0].kind else {
        panic!()
    };
    assert!(matches!(
        f.iter.kind,
        ExprKind::Constant {
            value: Constant::Tuple(_),
            ..
        }
    ));
    let StmtKind::Expr { value } = &body(&m)[1].kind else {
        panic!()
    };
    let ExprKind::ListComp { generators, .. } = &value.kind else {
        panic!()
    };
    assert!(matches!(
        generators[0].iter.kind,
        ExprKind::Constant {
            value: Constant::FrozenSet(_),
            ..
        }
    ));
    // `async for` is left as written in 3.11.
    let m = folded("async def f():\n    async for x in [1, 2]: pass\n");
    let StmtKind::AsyncFunctionDef(f) = &body(&m)[0].kind else {
        panic!()
    };
    let StmtKind::AsyncFor(af) = &f.body[0].kind else {
        panic!()
    };
    assert!(matches!(af.iter.kind, ExprKind::List { .. }));
}

#[test]
fn not_of_is_or_in_becomes_the_negated_comparison() {
    for (src, op) in [
        ("not (a is b)", CmpOp::IsNot),
        ("not (a is not b)", CmpOp::Is),
        ("not (a in b)", CmpOp::NotIn),
        ("not (a not in b)", CmpOp::In),
    ] {
        let e = value(src);
        let ExprKind::Compare { ops, .. } = &e.kind else {
            panic!("{src}")
        };
        assert_eq!(ops[0], op);
        // The node is the comparison itself, at its position (inside the parens).
        assert_eq!(e.loc.col_offset, 10, "{src}");
    }
    assert!(matches!(
        value("not (a == b)").kind,
        ExprKind::UnaryOp { .. }
    ));
    assert!(matches!(
        value("not (a is b is c)").kind,
        ExprKind::UnaryOp { .. }
    ));
}

#[test]
fn debug_is_a_constant_depending_on_optimize() {
    assert_eq!(constant("__debug__"), Some(Constant::Bool(true)));
    let mut m = parse("x = __debug__\n");
    fold_module(&mut m, 1).unwrap();
    let StmtKind::Assign { value, .. } = &body(&m)[0].kind else {
        panic!()
    };
    assert_eq!(constant_of(value), Some(&Constant::Bool(false)));
}

#[test]
fn folded_strings_do_not_become_docstrings() {
    let m = folded("('a' + 'b')\ndef f():\n    'x'[0]\nclass C:\n    'doc'\n");
    let StmtKind::Expr { value } = &body(&m)[0].kind else {
        panic!()
    };
    assert!(
        matches!(&value.kind, ExprKind::JoinedStr { values } if constant_of(&values[0]) == Some(&s("ab")))
    );
    assert_eq!(value.loc, body(&m)[0].loc);
    let StmtKind::FunctionDef(f) = &body(&m)[1].kind else {
        panic!()
    };
    let StmtKind::Expr { value } = &f.body[0].kind else {
        panic!()
    };
    assert!(matches!(value.kind, ExprKind::JoinedStr { .. }));
    // A real docstring stays.
    let StmtKind::ClassDef(c) = &body(&m)[2].kind else {
        panic!()
    };
    let StmtKind::Expr { value } = &c.body[0].kind else {
        panic!()
    };
    assert!(matches!(value.kind, ExprKind::Constant { .. }));
}

#[test]
fn annotations_are_kept_under_future_annotations() {
    let m = folded("def f(x: 1+2) -> -1: pass\n");
    let StmtKind::FunctionDef(f) = &body(&m)[0].kind else {
        panic!()
    };
    assert!(matches!(
        f.args.args[0].annotation.as_deref().map(|e| &e.kind),
        Some(ExprKind::Constant { .. })
    ));
    let m = folded("from __future__ import annotations\ndef f(x: 1+2) -> -1: pass\ny: 2*3 = 2*3\n");
    let StmtKind::FunctionDef(f) = &body(&m)[1].kind else {
        panic!()
    };
    assert!(matches!(
        f.args.args[0].annotation.as_deref().map(|e| &e.kind),
        Some(ExprKind::BinOp { .. })
    ));
    assert!(matches!(
        f.returns.as_deref().map(|e| &e.kind),
        Some(ExprKind::UnaryOp { .. })
    ));
    let StmtKind::AnnAssign {
        annotation, value, ..
    } = &body(&m)[2].kind
    else {
        panic!()
    };
    assert!(matches!(annotation.kind, ExprKind::BinOp { .. }));
    assert!(matches!(
        value.as_deref().map(|e| &e.kind),
        Some(ExprKind::Constant { .. })
    ));
}

#[test]
fn patterns_try_star_and_lambdas_are_visited() {
    let m = folded(
        "match x:\n    case -1 | 1+2j: pass\ntry:\n    y = -1\nexcept* E:\n    pass\nz = lambda a=-1: -2\n",
    );
    let StmtKind::Match { cases, .. } = &body(&m)[0].kind else {
        panic!()
    };
    let PatternKind::MatchOr { patterns } = &cases[0].pattern.kind else {
        panic!()
    };
    for p in patterns {
        let PatternKind::MatchValue { value } = &p.kind else {
            panic!()
        };
        assert!(constant_of(value).is_some());
    }
    let StmtKind::TryStar(t) = &body(&m)[1].kind else {
        panic!()
    };
    let StmtKind::Assign { value, .. } = &t.body[0].kind else {
        panic!()
    };
    assert_eq!(constant_of(value), Some(&int(-1)));
    let StmtKind::Assign { value, .. } = &body(&m)[2].kind else {
        panic!()
    };
    let ExprKind::Lambda { args, body } = &value.kind else {
        panic!()
    };
    assert_eq!(constant_of(&args.defaults[0]), Some(&int(-1)));
    assert_eq!(constant_of(body), Some(&int(-2)));
}

/// `x = 1+1+…+1` with `terms` operands, built without the parser.
fn deep_sum(terms: usize) -> String {
    let mut s = String::from("x = 1");
    for _ in 1..terms {
        s.push_str("+1");
    }
    s.push('\n');
    s
}

#[test]
fn recursion_bound_is_cpythons_for_a_script() {
    // python3 file.py: 2,999 terms compile (1 statement + 2,998 BinOps + 1 leaf =
    // 3,000 nested visits), 3,000 raise RecursionError.
    let mut m = parse(&deep_sum(2999));
    assert_eq!(fold_module(&mut m, 0), Ok(()));
    let StmtKind::Assign { value, .. } = &body(&m)[0].kind else {
        panic!()
    };
    assert_eq!(constant_of(value), Some(&int(2999)));
    let mut m = parse(&deep_sum(3000));
    assert_eq!(fold_module(&mut m, 0), Err(FoldError::Recursion));
}

#[test]
fn deep_trees_do_not_overflow_a_small_stack() {
    let src = deep_sum(2999);
    let handle = std::thread::Builder::new()
        .stack_size(128 * 1024)
        .spawn(move || {
            let mut m = parse(&src);
            fold_module(&mut m, 0)
        })
        .unwrap();
    assert_eq!(handle.join().unwrap(), Ok(()));
}
