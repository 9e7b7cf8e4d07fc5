//! Unit tests on hand-built ASTs. The differential tests against python3's
//! `symtable` are in `crates/compiler/tests/symtable_diff.rs`.

use syntax::ast::*;

use super::*;
use crate::future::{
    future_from_ast, FutureFeatures, CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL,
};

fn loc(line: u32, col: u32, end_col: u32) -> Location {
    Location {
        lineno: line,
        col_offset: col,
        end_lineno: line,
        end_col_offset: end_col,
    }
}

fn expr(kind: ExprKind) -> Expr {
    Expr {
        kind,
        loc: loc(1, 0, 1),
    }
}

fn name(id: &str, ctx: ExprContext) -> Expr {
    expr(ExprKind::Name {
        id: id.to_owned(),
        ctx,
    })
}

fn load(id: &str) -> Expr {
    name(id, ExprContext::Load)
}

fn store(id: &str) -> Expr {
    name(id, ExprContext::Store)
}

fn stmt(kind: StmtKind) -> Stmt {
    Stmt {
        kind,
        loc: loc(1, 0, 1),
    }
}

fn expr_stmt(e: Expr) -> Stmt {
    stmt(StmtKind::Expr { value: Box::new(e) })
}

fn assign(target: &str, value: Expr) -> Stmt {
    stmt(StmtKind::Assign {
        targets: vec![store(target)],
        value: Box::new(value),
        type_comment: None,
    })
}

fn arg(n: &str) -> Arg {
    Arg {
        arg: n.to_owned(),
        annotation: None,
        type_comment: None,
        loc: loc(1, 0, 1),
    }
}

fn def(n: &str, args: Arguments, body: Vec<Stmt>, is_async: bool) -> Stmt {
    let f = FunctionDef {
        name: n.to_owned(),
        args: Box::new(args),
        body,
        decorator_list: vec![],
        returns: None,
        type_comment: None,
    };
    stmt(if is_async {
        StmtKind::AsyncFunctionDef(f)
    } else {
        StmtKind::FunctionDef(f)
    })
}

fn class(n: &str, body: Vec<Stmt>) -> Stmt {
    stmt(StmtKind::ClassDef(ClassDef {
        name: n.to_owned(),
        bases: vec![],
        keywords: vec![],
        body,
        decorator_list: vec![],
    }))
}

fn call(f: Expr) -> Expr {
    expr(ExprKind::Call {
        func: Box::new(f),
        args: vec![],
        keywords: vec![],
    })
}

fn listcomp(elt: Expr, target: &str, iter: Expr, is_async: bool) -> Expr {
    expr(ExprKind::ListComp {
        elt: Box::new(elt),
        generators: vec![Comprehension {
            target: store(target),
            iter,
            ifs: vec![],
            is_async,
        }],
    })
}

fn module(body: Vec<Stmt>) -> Mod {
    Mod::Module {
        body,
        type_ignores: vec![],
    }
}

fn build(m: &Mod) -> Result<SymbolTable, SymtableError> {
    SymbolTable::build(m, "<test>", &FutureFeatures::default())
}

#[test]
fn mangling_follows_py_mangle() {
    assert_eq!(mangle(Some("A"), "__x"), "_A__x");
    assert_eq!(mangle(Some("_A"), "__x"), "_A__x");
    assert_eq!(mangle(Some("__A_"), "__x"), "_A___x");
    assert_eq!(mangle(Some("___"), "__x"), "__x");
    assert_eq!(mangle(Some("A"), "__x__"), "__x__");
    assert_eq!(mangle(Some("A"), "__"), "__");
    assert_eq!(mangle(Some("A"), "_x"), "_x");
    assert_eq!(mangle(Some("A"), "__a.b"), "__a.b");
    assert_eq!(mangle(None, "__x"), "__x");
}

#[test]
fn locals_globals_and_params() {
    // def f(a, *b, **c): x = a; return y
    let args = Arguments {
        args: vec![arg("a")],
        vararg: Some(Box::new(arg("b"))),
        kwarg: Some(Box::new(arg("c"))),
        ..Default::default()
    };
    let body = vec![
        assign("x", load("a")),
        stmt(StmtKind::Return {
            value: Some(Box::new(load("y"))),
        }),
    ];
    let m = module(vec![def("f", args, body, false)]);
    let t = build(&m).unwrap();
    assert_eq!(t.top().scope("f"), Some(Scope::Local));
    let Mod::Module { body, .. } = &m else {
        unreachable!()
    };
    let f = t.entry(t.lookup_stmt(&body[0]).unwrap());
    assert_eq!(f.name, "f");
    assert_eq!(f.varnames, ["a", "b", "c"]);
    assert!(f.varargs && f.varkeywords && f.returns_value && !f.generator);
    assert_eq!(f.scope("x"), Some(Scope::Local));
    assert_eq!(f.scope("y"), Some(Scope::GlobalImplicit));
    assert_eq!(f.flags("a") & (DEF_PARAM | USE), DEF_PARAM | USE);
    assert_eq!(f.scope("nope"), None);
}

#[test]
fn super_makes_class_cell() {
    // class A:\n def f(self): super()
    let args = Arguments {
        args: vec![arg("self")],
        ..Default::default()
    };
    let m = module(vec![class(
        "A",
        vec![def("f", args, vec![expr_stmt(call(load("super")))], false)],
    )]);
    let t = build(&m).unwrap();
    let (cid, c) = t.children(SymbolTable::TOP).next().unwrap();
    assert_eq!(c.block_type, BlockType::Class);
    assert!(c.needs_class_closure);
    let (_, f) = t.children(cid).next().unwrap();
    assert_eq!(f.scope("__class__"), Some(Scope::Free));
}

#[test]
fn cells_and_frees() {
    // def f(): x = 1; def g(): return x
    let g = def(
        "g",
        Arguments::default(),
        vec![stmt(StmtKind::Return {
            value: Some(Box::new(load("x"))),
        })],
        false,
    );
    let m = module(vec![def(
        "f",
        Arguments::default(),
        vec![
            assign(
                "x",
                expr(ExprKind::Constant {
                    value: Constant::None,
                    kind: None,
                }),
            ),
            g,
        ],
        false,
    )]);
    let t = build(&m).unwrap();
    let (fid, f) = t.children(SymbolTable::TOP).next().unwrap();
    assert_eq!(f.scope("x"), Some(Scope::Cell));
    assert!(f.child_free);
    let (_, g) = t.children(fid).next().unwrap();
    assert_eq!(g.scope("x"), Some(Scope::Free));
    assert!(g.free && g.nested);
}

#[test]
fn comprehension_blocks_and_async_propagation() {
    // async def f(): return [[x async for x in y] for z in w]
    let inner = listcomp(load("x"), "x", load("y"), true);
    let outer = listcomp(inner, "z", load("w"), false);
    let m = module(vec![def(
        "f",
        Arguments::default(),
        vec![stmt(StmtKind::Return {
            value: Some(Box::new(outer)),
        })],
        true,
    )]);
    let t = build(&m).unwrap();
    let (fid, f) = t.children(SymbolTable::TOP).next().unwrap();
    assert!(f.coroutine);
    assert_eq!(f.scope("w"), Some(Scope::GlobalImplicit));
    let (oid, o) = t.children(fid).next().unwrap();
    assert_eq!(o.name, "listcomp");
    assert_eq!(o.comprehension, Some(ComprehensionType::List));
    assert_eq!(o.varnames, [".0"]);
    assert!(
        o.coroutine,
        "an async inner comprehension makes the outer one a coroutine"
    );
    let (_, i) = t.children(oid).next().unwrap();
    assert!(i.coroutine);
    assert_eq!(i.flags("x") & DEF_COMP_ITER, DEF_COMP_ITER);
    // The lookup key is the node.
    let Mod::Module { body, .. } = &m else {
        unreachable!()
    };
    let StmtKind::AsyncFunctionDef(fd) = &body[0].kind else {
        unreachable!()
    };
    let StmtKind::Return { value: Some(v) } = &fd.body[0].kind else {
        unreachable!()
    };
    assert_eq!(t.lookup_expr(v), Some(oid));
}

#[test]
fn errors_have_cpython_positions() {
    // def f(a, a): pass  -- the second `a` at columns 9..10
    let mut second = arg("a");
    second.loc = loc(1, 9, 10);
    let args = Arguments {
        args: vec![arg("a"), second],
        ..Default::default()
    };
    let m = module(vec![def("f", args, vec![stmt(StmtKind::Pass)], false)]);
    let SymtableError::Syntax(e) = build(&m).unwrap_err() else {
        panic!("expected a SyntaxError")
    };
    assert_eq!(e.msg, "duplicate argument 'a' in function definition");
    assert_eq!(
        (e.lineno, e.offset, e.end_lineno, e.end_offset),
        (Some(1), Some(10), Some(1), Some(11))
    );
    assert_eq!(e.text, None);
}

/// Build `-(-(...(x)))` `depth` levels deep, without recursion.
fn deep_unary(depth: usize) -> Expr {
    let mut e = load("x");
    for _ in 0..depth {
        e = expr(ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand: Box::new(e),
        });
    }
    e
}

/// Drop a deep unary chain without recursion.
fn drop_deep(mut e: Expr) {
    while let ExprKind::UnaryOp { operand, .. } = e.into_kind() {
        e = *operand;
    }
}

fn unwrap_expr(m: Mod) -> Expr {
    match m {
        Mod::Expression { body } => *body,
        _ => unreachable!(),
    }
}

#[test]
fn deep_nesting_is_a_recursion_error_not_a_crash() {
    // Runs on the test thread's default (2 MiB) stack.
    let m = Mod::Expression {
        body: Box::new(deep_unary(100_000)),
    };
    assert_eq!(build(&m).unwrap_err(), SymtableError::Recursion);
    assert_eq!(
        SymtableError::Recursion.message(),
        "maximum recursion depth exceeded during compilation"
    );
    drop_deep(unwrap_expr(m));
    // Just under the limit still works.
    let m = Mod::Expression {
        body: Box::new(deep_unary(DEFAULT_RECURSION_LIMIT as usize - 1)),
    };
    assert!(build(&m).is_ok());
    drop_deep(unwrap_expr(m));
}

#[test]
fn deep_lambdas_bounded_too() {
    // lambda: lambda: ... : x, 5000 blocks deep: bounded by the same limit.
    let mut e = load("x");
    for _ in 0..5000 {
        e = expr(ExprKind::Lambda {
            args: Box::default(),
            body: Box::new(e),
        });
    }
    let m = Mod::Expression { body: Box::new(e) };
    assert_eq!(build(&m).unwrap_err(), SymtableError::Recursion);
    let mut e = unwrap_expr(m);
    while let ExprKind::Lambda { body, .. } = e.into_kind() {
        e = *body;
    }
}

#[test]
fn future_features() {
    let import = |names: &[&str], line: u32| Stmt {
        kind: StmtKind::ImportFrom {
            module: Some("__future__".to_owned()),
            names: names
                .iter()
                .map(|n| Alias {
                    name: (*n).to_owned(),
                    asname: None,
                    loc: loc(line, 0, 1),
                })
                .collect(),
            level: 0,
        },
        loc: loc(line, 0, 1),
    };
    let m = module(vec![
        import(&["annotations", "division"], 1),
        import(&["barry_as_FLUFL"], 2),
    ]);
    let ff = future_from_ast(&m, "<test>").unwrap();
    assert_eq!(ff.features, CO_FUTURE_ANNOTATIONS | CO_FUTURE_BARRY_AS_BDFL);
    assert_eq!(ff.lineno, Some(2));
    let m = module(vec![import(&["braces"], 1)]);
    let e = future_from_ast(&m, "<test>").unwrap_err();
    assert_eq!(
        (e.msg.as_str(), e.offset, e.end_offset),
        ("not a chance", Some(1), None)
    );
    let m = module(vec![import(&["spam"], 1)]);
    assert_eq!(
        future_from_ast(&m, "<test>").unwrap_err().msg,
        "future feature spam is not defined"
    );
}

#[test]
fn nesting_just_under_the_limit_fits_a_2mib_stack() {
    // 2,999 nested lambdas: 2,999 blocks, each pass recursing once per block.
    let mut e = load("x");
    for _ in 0..DEFAULT_RECURSION_LIMIT - 1 {
        e = expr(ExprKind::Lambda {
            args: Box::default(),
            body: Box::new(e),
        });
    }
    let m = Mod::Expression { body: Box::new(e) };
    let t = build(&m).unwrap();
    assert_eq!(t.entries.len(), DEFAULT_RECURSION_LIMIT as usize);
    let mut e = unwrap_expr(m);
    while let ExprKind::Lambda { body, .. } = e.into_kind() {
        e = *body;
    }
    // Nested comprehensions (the deepest Rust frames per level): [[... for a in b] ...]
    let mut e = load("x");
    for _ in 0..DEFAULT_RECURSION_LIMIT / 2 - 1 {
        e = listcomp(e, "a", load("b"), false);
    }
    let m = Mod::Expression { body: Box::new(e) };
    assert!(build(&m).is_ok());
    let mut e = unwrap_expr(m);
    while let ExprKind::ListComp { elt, .. } = e.into_kind() {
        e = *elt;
    }
}

/// `x = 1+1+...+1` with `n` additions.
fn deep_sum(n: usize) -> Mod {
    let one = || {
        expr(ExprKind::Constant {
            value: Constant::None,
            kind: None,
        })
    };
    let mut e = one();
    for _ in 0..n {
        e = expr(ExprKind::BinOp {
            left: Box::new(e),
            op: Operator::Add,
            right: Box::new(one()),
        });
    }
    module(vec![assign("x", e)])
}

fn drop_deep_sum(m: Mod) {
    let Mod::Module { mut body, .. } = m else {
        unreachable!()
    };
    let Some(Stmt {
        kind: StmtKind::Assign { value, .. },
        ..
    }) = body.pop()
    else {
        unreachable!()
    };
    let mut e = *value;
    while let ExprKind::BinOp { left, .. } = e.into_kind() {
        e = *left;
    }
}

#[test]
fn recursion_threshold_is_cpythons_for_a_script() {
    // `python3 file.py` compiles at Python depth 0: `x = 1+1...` with 2,998
    // additions compiles, 2,999 raise RecursionError (statement + 2,999 BinOps +
    // the last operand = 3,001 nested visits > 3,000).
    let m = deep_sum(2998);
    assert!(build(&m).is_ok());
    drop_deep_sum(m);
    let m = deep_sum(2999);
    assert_eq!(build(&m).unwrap_err(), SymtableError::Recursion);
    drop_deep_sum(m);
}
