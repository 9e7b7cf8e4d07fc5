//! The checks CPython's `_PyAST_Validate` (`Python/ast.c`) makes on a tree built
//! from Python objects before compiling it: contexts (`Store` targets, `Load`
//! values), non-empty bodies and lists, matching list lengths, names that are not
//! `None`/`True`/`False`, pattern shapes, with CPython's `ValueError`/`TypeError`
//! messages. (The constant-type check happens during conversion, in
//! `from_py::constant_from_py`; `None` in statement and expression lists too.)
//!
//! The tree was built by `from_py`, whose depth is bounded, so recursion here is too.

use syntax::ast::{
    Arg, Arguments, Comprehension, Constant, Expr, ExprContext, ExprKind, Keyword, Mod, Pattern,
    PatternKind, Stmt, StmtKind,
};

use crate::error::{PyErr, PyResult};

/// Validates `m` as `_PyAST_Validate` does.
pub fn validate_mod(m: &Mod) -> PyResult<()> {
    match m {
        Mod::Module { body, .. } | Mod::Interactive { body } => stmts(body),
        Mod::Expression { body } => expr(body, ExprContext::Load),
        Mod::FunctionType { argtypes, returns } => {
            exprs(argtypes, ExprContext::Load)?;
            expr(returns, ExprContext::Load)
        }
    }
}

fn err(msg: impl Into<String>) -> PyErr {
    PyErr::value_error(msg)
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

fn stmts(body: &[Stmt]) -> PyResult<()> {
    body.iter().try_for_each(stmt)
}

fn body(b: &[Stmt], owner: &str) -> PyResult<()> {
    if b.is_empty() {
        return Err(err(format!("empty body on {owner}")));
    }
    stmts(b)
}

fn nonempty<T>(seq: &[T], what: &str, owner: &str) -> PyResult<()> {
    if seq.is_empty() {
        return Err(err(format!("empty {what} on {owner}")));
    }
    Ok(())
}

fn exprs(es: &[Expr], ctx: ExprContext) -> PyResult<()> {
    es.iter().try_for_each(|e| expr(e, ctx))
}

fn opt_expr(e: &Option<Box<Expr>>, ctx: ExprContext) -> PyResult<()> {
    match e {
        Some(e) => expr(e, ctx),
        None => Ok(()),
    }
}

fn assign_list(targets: &[Expr], ctx: ExprContext, owner: &str) -> PyResult<()> {
    nonempty(targets, "targets", owner)?;
    exprs(targets, ctx)
}

fn keywords(kws: &[Keyword]) -> PyResult<()> {
    kws.iter()
        .try_for_each(|k| expr(&k.value, ExprContext::Load))
}

fn args(a: &[Arg]) -> PyResult<()> {
    a.iter()
        .try_for_each(|x| opt_expr(&x.annotation, ExprContext::Load))
}

fn arguments(a: &Arguments) -> PyResult<()> {
    args(&a.posonlyargs)?;
    args(&a.args)?;
    if let Some(v) = &a.vararg {
        opt_expr(&v.annotation, ExprContext::Load)?;
    }
    args(&a.kwonlyargs)?;
    if let Some(k) = &a.kwarg {
        opt_expr(&k.annotation, ExprContext::Load)?;
    }
    if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
        return Err(err("more positional defaults than args on arguments"));
    }
    if a.kw_defaults.len() != a.kwonlyargs.len() {
        return Err(err(
            "length of kwonlyargs is not the same as kw_defaults on arguments",
        ));
    }
    exprs(&a.defaults, ExprContext::Load)?;
    a.kw_defaults
        .iter()
        .flatten()
        .try_for_each(|e| expr(e, ExprContext::Load))
}

fn name(id: &str) -> PyResult<()> {
    if matches!(id, "None" | "True" | "False") {
        return Err(err(format!(
            "identifier field can't represent '{id}' constant"
        )));
    }
    Ok(())
}

fn stmt(s: &Stmt) -> PyResult<()> {
    let load = ExprContext::Load;
    match &s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
            let owner = if matches!(s.kind, StmtKind::FunctionDef(_)) {
                "FunctionDef"
            } else {
                "AsyncFunctionDef"
            };
            body(&f.body, owner)?;
            arguments(&f.args)?;
            exprs(&f.decorator_list, load)?;
            opt_expr(&f.returns, load)
        }
        StmtKind::ClassDef(c) => {
            body(&c.body, "ClassDef")?;
            exprs(&c.bases, load)?;
            keywords(&c.keywords)?;
            exprs(&c.decorator_list, load)
        }
        StmtKind::Return { value } => opt_expr(value, load),
        StmtKind::Delete { targets } => assign_list(targets, ExprContext::Del, "Delete"),
        StmtKind::Assign { targets, value, .. } => {
            assign_list(targets, ExprContext::Store, "Assign")?;
            expr(value, load)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, ExprContext::Store)?;
            expr(value, load)
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => {
            if *simple && !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(PyErr::type_error("AnnAssign with simple non-Name target"));
            }
            expr(target, ExprContext::Store)?;
            opt_expr(value, load)?;
            expr(annotation, load)
        }
        StmtKind::For(f) | StmtKind::AsyncFor(f) => {
            let owner = if matches!(s.kind, StmtKind::For(_)) {
                "For"
            } else {
                "AsyncFor"
            };
            expr(&f.target, ExprContext::Store)?;
            expr(&f.iter, load)?;
            body(&f.body, owner)?;
            stmts(&f.orelse)
        }
        StmtKind::While {
            test,
            body: b,
            orelse,
        }
        | StmtKind::If {
            test,
            body: b,
            orelse,
        } => {
            let owner = if matches!(s.kind, StmtKind::While { .. }) {
                "While"
            } else {
                "If"
            };
            expr(test, load)?;
            body(b, owner)?;
            stmts(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => {
            let owner = if matches!(s.kind, StmtKind::With(_)) {
                "With"
            } else {
                "AsyncWith"
            };
            nonempty(&w.items, "items", owner)?;
            for i in &w.items {
                expr(&i.context_expr, load)?;
                opt_expr(&i.optional_vars, ExprContext::Store)?;
            }
            body(&w.body, owner)
        }
        StmtKind::Match { subject, cases } => {
            expr(subject, load)?;
            nonempty(cases, "cases", "Match")?;
            for c in cases {
                pattern(&c.pattern, false)?;
                opt_expr(&c.guard, load)?;
                body(&c.body, "match_case")?;
            }
            Ok(())
        }
        StmtKind::Raise { exc, cause } => {
            if exc.is_none() && cause.is_some() {
                return Err(err("Raise with cause but no exception"));
            }
            opt_expr(exc, load)?;
            opt_expr(cause, load)
        }
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            let owner = if matches!(s.kind, StmtKind::Try(_)) {
                "Try"
            } else {
                "TryStar"
            };
            body(&t.body, owner)?;
            if t.handlers.is_empty() && t.finalbody.is_empty() {
                return Err(err(format!(
                    "{owner} has neither except handlers nor finalbody"
                )));
            }
            if t.handlers.is_empty() && !t.orelse.is_empty() {
                return Err(err(format!("{owner} has orelse but no except handlers")));
            }
            for h in &t.handlers {
                opt_expr(&h.type_, load)?;
                body(&h.body, "ExceptHandler")?;
            }
            stmts(&t.finalbody)?;
            stmts(&t.orelse)
        }
        StmtKind::Assert { test, msg } => {
            expr(test, load)?;
            opt_expr(msg, load)
        }
        StmtKind::Import { names } => nonempty(names, "names", "Import"),
        StmtKind::ImportFrom { names, .. } => nonempty(names, "names", "ImportFrom"),
        StmtKind::Global { names } => nonempty(names, "names", "Global"),
        StmtKind::Nonlocal { names } => nonempty(names, "names", "Nonlocal"),
        StmtKind::Expr { value } => expr(value, load),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
    }
}

fn comprehensions(gens: &[Comprehension]) -> PyResult<()> {
    if gens.is_empty() {
        return Err(err("comprehension with no generators"));
    }
    for g in gens {
        expr(&g.target, ExprContext::Store)?;
        expr(&g.iter, ExprContext::Load)?;
        exprs(&g.ifs, ExprContext::Load)?;
    }
    Ok(())
}

fn expr(e: &Expr, ctx: ExprContext) -> PyResult<()> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || expr_inner(e, ctx))
}

fn expr_inner(e: &Expr, ctx: ExprContext) -> PyResult<()> {
    let load = ExprContext::Load;
    let actual = match &e.kind {
        ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. }
        | ExprKind::Starred { ctx, .. }
        | ExprKind::Name { ctx, .. }
        | ExprKind::List { ctx, .. }
        | ExprKind::Tuple { ctx, .. } => Some(*ctx),
        _ => None,
    };
    match actual {
        Some(a) if a != ctx => {
            return Err(err(format!(
                "expression must have {} context but has {} instead",
                ctx_name(ctx),
                ctx_name(a)
            )))
        }
        None if ctx != load => {
            return Err(err(format!(
                "expression which can't be assigned to in {} context",
                ctx_name(ctx)
            )))
        }
        _ => {}
    }
    match &e.kind {
        ExprKind::BoolOp { values, .. } => {
            if values.len() < 2 {
                return Err(err("BoolOp with less than 2 values"));
            }
            exprs(values, load)
        }
        ExprKind::BinOp { left, right, .. } => {
            expr(left, load)?;
            expr(right, load)
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, load),
        ExprKind::Lambda { args, body } => {
            arguments(args)?;
            expr(body, load)
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, load)?;
            expr(body, load)?;
            expr(orelse, load)
        }
        ExprKind::Dict { keys, values } => {
            if keys.len() != values.len() {
                return Err(err("Dict doesn't have the same number of keys as values"));
            }
            keys.iter().flatten().try_for_each(|k| expr(k, load))?;
            exprs(values, load)
        }
        ExprKind::Set { elts } => exprs(elts, load),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            comprehensions(generators)?;
            expr(elt, load)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            comprehensions(generators)?;
            expr(key, load)?;
            expr(value, load)
        }
        ExprKind::Yield { value } => opt_expr(value, load),
        ExprKind::YieldFrom { value } | ExprKind::Await { value } => expr(value, load),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            if comparators.is_empty() {
                return Err(err("Compare with no comparators"));
            }
            if comparators.len() != ops.len() {
                return Err(err(
                    "Compare has a different number of comparators and operands",
                ));
            }
            exprs(comparators, load)?;
            expr(left, load)
        }
        ExprKind::Call {
            func,
            args,
            keywords: kws,
        } => {
            expr(func, load)?;
            exprs(args, load)?;
            keywords(kws)
        }
        ExprKind::Constant { .. } => Ok(()),
        ExprKind::JoinedStr { values } => exprs(values, load),
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            expr(value, load)?;
            opt_expr(format_spec, load)
        }
        ExprKind::Attribute { value, .. } => expr(value, load),
        ExprKind::Subscript { value, slice, .. } => {
            expr(slice, load)?;
            expr(value, load)
        }
        ExprKind::Starred { value, ctx } => expr(value, *ctx),
        ExprKind::Slice { lower, upper, step } => {
            opt_expr(lower, load)?;
            opt_expr(upper, load)?;
            opt_expr(step, load)
        }
        ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => exprs(elts, *ctx),
        ExprKind::NamedExpr { target, value } => {
            if !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(PyErr::type_error("NamedExpr target must be a Name"));
            }
            expr(value, load)
        }
        ExprKind::Name { id, .. } => name(id),
    }
}

fn capture(n: &str) -> PyResult<()> {
    if n == "_" {
        return Err(err("can't capture name '_' in patterns"));
    }
    name(n)
}

/// `validate_pattern_match_value`: a literal, a negated or complex literal, or an
/// attribute lookup.
fn match_value(e: &Expr) -> PyResult<()> {
    expr(e, ExprContext::Load)?;
    match &e.kind {
        ExprKind::Constant { value, .. } => match value {
            Constant::None | Constant::Bool(_) => {
                Err(err("unexpected constant inside of a literal pattern"))
            }
            _ => Ok(()),
        },
        ExprKind::Attribute { .. } | ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. } => Ok(()),
        ExprKind::JoinedStr { .. } => Ok(()),
        _ => Err(err(
            "patterns may only match literals and attribute lookups",
        )),
    }
}

fn patterns(ps: &[Pattern], star_ok: bool) -> PyResult<()> {
    ps.iter().try_for_each(|p| pattern(p, star_ok))
}

fn pattern(p: &Pattern, star_ok: bool) -> PyResult<()> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || pattern_inner(p, star_ok))
}

fn pattern_inner(p: &Pattern, star_ok: bool) -> PyResult<()> {
    match &p.kind {
        PatternKind::MatchValue { value } => match_value(value),
        PatternKind::MatchSingleton { value } => match value {
            Constant::None | Constant::Bool(_) => Ok(()),
            _ => Err(err("MatchSingleton can only contain True, False and None")),
        },
        PatternKind::MatchSequence { patterns: ps } => patterns(ps, true),
        PatternKind::MatchMapping {
            keys,
            patterns: ps,
            rest,
        } => {
            if keys.len() != ps.len() {
                return Err(err(
                    "MatchMapping doesn't have the same number of keys as patterns",
                ));
            }
            if let Some(r) = rest {
                capture(r)?;
            }
            for k in keys {
                if !matches!(
                    k.kind,
                    ExprKind::Constant { .. } | ExprKind::Attribute { .. }
                ) {
                    match_value(k)?;
                }
            }
            patterns(ps, false)
        }
        PatternKind::MatchClass {
            cls,
            patterns: ps,
            kwd_attrs,
            kwd_patterns,
        } => {
            expr(cls, ExprContext::Load)?;
            let mut c = cls.as_ref();
            loop {
                match &c.kind {
                    ExprKind::Name { .. } => break,
                    ExprKind::Attribute { value, .. } => c = value,
                    _ => {
                        return Err(err(
                            "MatchClass cls field can only contain Name or Attribute nodes.",
                        ))
                    }
                }
            }
            if kwd_attrs.len() != kwd_patterns.len() {
                return Err(err(
                    "MatchClass doesn't have the same number of keyword attributes as patterns",
                ));
            }
            kwd_attrs.iter().try_for_each(|a| name(a))?;
            patterns(ps, false)?;
            patterns(kwd_patterns, false)
        }
        PatternKind::MatchStar { name: n } => {
            if !star_ok {
                return Err(err("can't use MatchStar here"));
            }
            match n {
                Some(n) => capture(n),
                None => Ok(()),
            }
        }
        PatternKind::MatchAs {
            pattern: sub,
            name: n,
        } => {
            if let Some(n) = n {
                capture(n)?;
            }
            match sub {
                Some(_) if n.is_none() => Err(err(
                    "MatchAs must specify a target name if a pattern is given",
                )),
                Some(s) => pattern(s, false),
                None => Ok(()),
            }
        }
        PatternKind::MatchOr { patterns: ps } => {
            if ps.len() < 2 {
                return Err(err("MatchOr requires at least 2 patterns"));
            }
            patterns(ps, false)
        }
    }
}
