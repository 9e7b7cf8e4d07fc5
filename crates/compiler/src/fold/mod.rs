//! The AST optimizer: CPython 3.11's `Python/ast_opt.c` (`_PyAST_Optimize`), run by
//! the compiler after the future features are known and before the symbol table.
//!
//! What it does, as 3.11 does it:
//! - unary and binary operators on constants are computed ([`ops`], [`number`]),
//!   with the `safe_*` size guards, leaving anything that would raise unfolded;
//! - `not (a is b)` / `not (a in b)` become `a is not b` / `a not in b`;
//! - tuples of constants become tuple constants; constant subscripts are computed;
//! - a list or set display on the right of `in`/`not in`, or iterated by `for` or a
//!   comprehension, becomes a tuple (constant if its items are) or frozenset
//!   constant;
//! - `__debug__` becomes `True`, or `False` under `-O`;
//! - a body whose first statement folds into a string is kept from gaining a
//!   docstring (the string is wrapped in a `JoinedStr`);
//! - nesting deeper than the compile-time recursion bound is a `RecursionError`.
//!
//! `%`-formatting of strings is not folded in 3.11, nor are comparisons.

pub mod number;
pub mod ops;

use crate::future::{self, CO_FUTURE_ANNOTATIONS};
use crate::symtable::DEFAULT_RECURSION_LIMIT;
use std::fmt;
use syntax::ast::{
    Arguments, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Mod, Pattern,
    PatternKind, Stmt, StmtKind, UnaryOp,
};

/// Why folding failed: CPython's `_PyAST_Optimize` only fails on a too-deep tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoldError {
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Recursion,
}

impl FoldError {
    /// The message, as `str()` of the Python exception shows it.
    pub fn message(&self) -> &str {
        match self {
            FoldError::Recursion => "maximum recursion depth exceeded during compilation",
        }
    }
}

impl fmt::Display for FoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FoldError::Recursion => {
                write!(
                    f,
                    "RecursionError: maximum recursion depth exceeded during compilation"
                )
            }
        }
    }
}

impl std::error::Error for FoldError {}

/// `_PyASTOptimizeState`: what the folder needs to know besides the tree.
#[derive(Clone, Copy, Debug)]
pub struct FoldOptions {
    /// The resolved optimization level (`-O` count); `__debug__` is `True` only at 0.
    pub optimize: i32,
    /// `from __future__ import annotations` is in effect: annotations are left as
    /// written (they become strings).
    pub future_annotations: bool,
    /// How many nested statements/expressions/patterns may be visited:
    /// `3 * (recursion limit - current Python depth)` in CPython.
    pub recursion_limit: u32,
}

/// Fold `m` in place as CPython 3.11 does before compiling it, at optimization level
/// `optimize`, reading `from __future__ import annotations` from the module itself
/// and assuming compilation at Python depth 0 (`python3 file.py`).
pub fn fold_module(m: &mut Mod, optimize: i32) -> Result<(), FoldError> {
    let future_annotations = future::future_from_ast(m, "")
        .map(|f| f.features & CO_FUTURE_ANNOTATIONS != 0)
        .unwrap_or(false);
    fold_module_with(
        m,
        &FoldOptions {
            optimize,
            future_annotations,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
        },
    )
}

/// [`fold_module`] with every `_PyASTOptimizeState` field given explicitly.
pub fn fold_module_with(m: &mut Mod, options: &FoldOptions) -> Result<(), FoldError> {
    let mut folder = Folder {
        options: *options,
        depth: 0,
    };
    match m {
        Mod::Module { body, .. } => folder.body(body),
        Mod::Interactive { body } => folder.stmts(body),
        Mod::Expression { body } => folder.expr(body),
        Mod::FunctionType { .. } => Ok(()),
    }
}

/// Stack kept free before each nested visit, and the size of each extension.
const RED_ZONE: usize = 64 * 1024;
const STACK_GROWTH: usize = 2 * 1024 * 1024;

/// The tree walk (`astfold_*`), with the recursion counter.
struct Folder {
    options: FoldOptions,
    depth: u32,
}

type Fold = Result<(), FoldError>;

/// A childless node to leave behind while a node's contents are moved.
fn placeholder() -> ExprKind {
    ExprKind::Constant {
        value: Constant::None,
        kind: None,
    }
}

/// Turn `e` into a constant node at the same position (`make_const`).
fn make_const(e: &mut Expr, value: Constant) {
    e.kind = ExprKind::Constant { value, kind: None };
}

/// The constant value of a `Constant` node.
fn constant_of(e: &Expr) -> Option<&Constant> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

/// `_PyAST_GetDocString`: whether the body starts with a string expression.
fn has_docstring(body: &[Stmt]) -> bool {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr { value }) => matches!(
            value.kind,
            ExprKind::Constant {
                value: Constant::Str(_),
                ..
            }
        ),
        _ => false,
    }
}

/// `make_const_tuple`: the items' values if every item is a constant (moved out).
fn take_constants(elts: &mut Vec<Expr>) -> Option<Vec<Constant>> {
    if !elts.iter().all(|e| constant_of(e).is_some()) {
        return None;
    }
    let items = std::mem::take(elts);
    Some(
        items
            .into_iter()
            .filter_map(|e| match e.into_kind() {
                ExprKind::Constant { value, .. } => Some(value),
                _ => None,
            })
            .collect(),
    )
}

impl Folder {
    fn enter(&mut self) -> Fold {
        self.depth += 1;
        if self.depth > self.options.recursion_limit {
            return Err(FoldError::Recursion);
        }
        Ok(())
    }

    fn annotations_folded(&self) -> bool {
        !self.options.future_annotations
    }

    /// `astfold_body`: fold the statements, then keep a string the folding produced
    /// from becoming a docstring.
    fn body(&mut self, stmts: &mut [Stmt]) -> Fold {
        let had_docstring = has_docstring(stmts);
        self.stmts(stmts)?;
        if !had_docstring && has_docstring(stmts) {
            if let Some(Stmt {
                kind: StmtKind::Expr { value },
                loc,
            }) = stmts.first_mut()
            {
                let loc = *loc;
                let inner = std::mem::replace(
                    &mut **value,
                    Expr {
                        kind: placeholder(),
                        loc,
                    },
                );
                **value = Expr {
                    kind: ExprKind::JoinedStr {
                        values: vec![inner],
                    },
                    loc,
                };
            }
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &mut [Stmt]) -> Fold {
        stmts.iter_mut().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, exprs: &mut [Expr]) -> Fold {
        exprs.iter_mut().try_for_each(|e| self.expr(e))
    }

    fn opt_expr(&mut self, e: &mut Option<Box<Expr>>) -> Fold {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn stmt(&mut self, s: &mut Stmt) -> Fold {
        self.enter()?;
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.stmt_kind(&mut s.kind))?;
        self.depth -= 1;
        Ok(())
    }

    fn stmt_kind(&mut self, kind: &mut StmtKind) -> Fold {
        match kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                self.arguments(&mut f.args)?;
                self.body(&mut f.body)?;
                self.exprs(&mut f.decorator_list)?;
                if self.annotations_folded() {
                    self.opt_expr(&mut f.returns)?;
                }
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&mut c.bases)?;
                for k in &mut c.keywords {
                    self.expr(&mut k.value)?;
                }
                self.body(&mut c.body)?;
                self.exprs(&mut c.decorator_list)?;
            }
            StmtKind::Return { value } => self.opt_expr(value)?,
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.expr(target)?;
                if self.annotations_folded() {
                    self.expr(annotation)?;
                }
                self.opt_expr(value)?;
            }
            StmtKind::For(f) => {
                self.expr(&mut f.target)?;
                self.expr(&mut f.iter)?;
                self.stmts(&mut f.body)?;
                self.stmts(&mut f.orelse)?;
                fold_iter(&mut f.iter);
            }
            StmtKind::AsyncFor(f) => {
                // 3.11 does not fold an `async for` iterable.
                self.expr(&mut f.target)?;
                self.expr(&mut f.iter)?;
                self.stmts(&mut f.body)?;
                self.stmts(&mut f.orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &mut w.items {
                    self.expr(&mut item.context_expr)?;
                    self.opt_expr(&mut item.optional_vars)?;
                }
                self.stmts(&mut w.body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&mut case.pattern)?;
                    self.opt_expr(&mut case.guard)?;
                    self.stmts(&mut case.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc)?;
                self.opt_expr(cause)?;
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.stmts(&mut t.body)?;
                for h in &mut t.handlers {
                    self.opt_expr(&mut h.type_)?;
                    self.stmts(&mut h.body)?;
                }
                self.stmts(&mut t.orelse)?;
                self.stmts(&mut t.finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg)?;
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// `astfold_arguments` (annotations only without `from __future__ import
    /// annotations`).
    fn arguments(&mut self, a: &mut Arguments) -> Fold {
        let fold_annotations = self.annotations_folded();
        let Arguments {
            posonlyargs,
            args,
            vararg,
            kwonlyargs,
            kw_defaults,
            kwarg,
            defaults,
        } = a;
        for arg in posonlyargs.iter_mut().chain(args.iter_mut()) {
            if fold_annotations {
                self.opt_expr(&mut arg.annotation)?;
            }
        }
        if let Some(arg) = vararg {
            if fold_annotations {
                self.opt_expr(&mut arg.annotation)?;
            }
        }
        for arg in kwonlyargs.iter_mut() {
            if fold_annotations {
                self.opt_expr(&mut arg.annotation)?;
            }
        }
        for d in kw_defaults.iter_mut().flatten() {
            self.expr(d)?;
        }
        if let Some(arg) = kwarg {
            if fold_annotations {
                self.opt_expr(&mut arg.annotation)?;
            }
        }
        self.exprs(defaults)
    }

    fn comprehensions(&mut self, gens: &mut [Comprehension]) -> Fold {
        for g in gens {
            self.expr(&mut g.target)?;
            self.expr(&mut g.iter)?;
            self.exprs(&mut g.ifs)?;
            fold_iter(&mut g.iter);
        }
        Ok(())
    }

    fn pattern(&mut self, p: &mut Pattern) -> Fold {
        self.enter()?;
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.pattern_kind(&mut p.kind))?;
        self.depth -= 1;
        Ok(())
    }

    fn pattern_kind(&mut self, kind: &mut PatternKind) -> Fold {
        match kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter_mut().try_for_each(|p| self.pattern(p))
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                self.exprs(keys)?;
                patterns.iter_mut().try_for_each(|p| self.pattern(p))
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns.iter_mut().try_for_each(|p| self.pattern(p))?;
                kwd_patterns.iter_mut().try_for_each(|p| self.pattern(p))
            }
            PatternKind::MatchAs { pattern, .. } => match pattern {
                Some(p) => self.pattern(p),
                None => Ok(()),
            },
        }
    }

    /// `astfold_expr`: fold the children, then the node itself.
    fn expr(&mut self, e: &mut Expr) -> Fold {
        self.enter()?;
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.expr_node(e))?;
        self.depth -= 1;
        Ok(())
    }

    fn expr_node(&mut self, e: &mut Expr) -> Fold {
        match &mut e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
                fold_binop(e);
            }
            ExprKind::UnaryOp { operand, .. } => {
                self.expr(operand)?;
                fold_unaryop(e);
            }
            ExprKind::Lambda { args, body } => {
                self.arguments(args)?;
                self.expr(body)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt)?;
                self.comprehensions(generators)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.expr(key)?;
                self.expr(value)?;
                self.comprehensions(generators)?;
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value)?,
            ExprKind::Yield { value } => self.opt_expr(value)?,
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
                // `fold_compare`: only the last operator's right operand.
                if matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                    if let Some(last) = comparators.last_mut() {
                        fold_iter(last);
                    }
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&mut k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                self.opt_expr(format_spec)?;
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => {
                self.expr(value)?
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value)?;
                self.expr(slice)?;
                if *ctx == ExprContext::Load {
                    if let (Some(v), Some(i)) = (constant_of(value), constant_of(slice)) {
                        if let Some(c) = ops::subscript(v, i) {
                            make_const(e, c);
                        }
                    }
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower)?;
                self.opt_expr(upper)?;
                self.opt_expr(step)?;
            }
            ExprKind::List { elts, .. } => self.exprs(elts)?,
            ExprKind::Tuple { elts, ctx } => {
                self.exprs(elts)?;
                if *ctx == ExprContext::Load {
                    if let Some(items) = take_constants(elts) {
                        make_const(e, Constant::Tuple(items));
                    }
                }
            }
            ExprKind::Name { id, ctx } => {
                if *ctx == ExprContext::Load && id == "__debug__" {
                    make_const(e, Constant::Bool(self.options.optimize == 0));
                }
            }
            ExprKind::NamedExpr { value, .. } => self.expr(value)?,
            ExprKind::Constant { .. } => {}
        }
        Ok(())
    }
}

/// `fold_binop` (children already folded).
fn fold_binop(e: &mut Expr) {
    if let ExprKind::BinOp { left, op, right } = &e.kind {
        if let (Some(l), Some(r)) = (constant_of(left), constant_of(right)) {
            if let Some(c) = ops::binary(*op, l, r) {
                make_const(e, c);
            }
        }
    }
}

/// `fold_unaryop` (operand already folded), including `not` of a single `is`/`in`
/// comparison becoming the negated comparison (the node takes the comparison's
/// position, as CPython copies the node).
fn fold_unaryop(e: &mut Expr) {
    let ExprKind::UnaryOp { op, operand } = &mut e.kind else {
        return;
    };
    if let Some(c) = constant_of(operand) {
        if let Some(v) = ops::unary(*op, c) {
            make_const(e, v);
        }
        return;
    }
    if *op != UnaryOp::Not {
        return;
    }
    let ExprKind::Compare { ops, .. } = &mut operand.kind else {
        return;
    };
    if ops.len() != 1 {
        return;
    }
    let negated = match ops[0] {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return,
    };
    ops[0] = negated;
    if let ExprKind::UnaryOp { operand, .. } = std::mem::replace(&mut e.kind, placeholder()) {
        *e = *operand;
    }
}

/// `fold_iter`: a list display (without `*`) becomes a tuple, constant if all its
/// items are; a set display of constants becomes a frozenset constant.
fn fold_iter(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::List { elts, ctx } => {
            if elts
                .iter()
                .any(|x| matches!(x.kind, ExprKind::Starred { .. }))
            {
                return;
            }
            let ctx = *ctx;
            let elts = std::mem::take(elts);
            e.kind = ExprKind::Tuple { elts, ctx };
            if let ExprKind::Tuple { elts, .. } = &mut e.kind {
                if let Some(items) = take_constants(elts) {
                    make_const(e, Constant::Tuple(items));
                }
            }
        }
        ExprKind::Set { elts } => {
            if let Some(items) = take_constants(elts) {
                make_const(e, ops::frozenset(items));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
