//! The parser's AST as Python `ast` node objects (CPython's `PyAST_mod2obj` and
//! the `ast2obj_*` functions of `Python-ast.c`): each node an instance of its
//! `_ast` class with its fields (then `lineno`, `col_offset`, `end_lineno`,
//! `end_col_offset`) in its `__dict__`; lists as `list`s; identifiers as interned
//! `str`; operators and contexts as their shared instances.
//!
//! The conversion recurses once per tree level, bounded as CPython bounds it: a
//! budget of 3 x the recursion limit levels, starting from 3 x the current frame
//! depth, with "maximum recursion depth exceeded during ast construction".

use std::rc::Rc;

use syntax::ast::{
    Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, ExceptHandler, Expr,
    ExprContext, ExprKind, Keyword, Location, MatchCase, Mod, Operator, Pattern, PatternKind, Stmt,
    StmtKind, TypeIgnore, UnaryOp, WithItem,
};

use crate::builtins::list::List;
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

use super::classes::{state, AstState};

/// Converts a parsed module to its Python `ast` objects.
pub fn mod_to_py(vm: &mut Vm, m: &Mod) -> PyResult<Value> {
    let st = state(vm)?;
    let limit = 3 * vm.recursion_limit() as usize;
    let start = 3 * (vm.frames.len() + 1);
    let mut c = ToPy {
        vm,
        st,
        depth: start,
        limit,
    };
    c.module(m)
}

struct ToPy<'a> {
    vm: &'a mut Vm,
    st: Rc<AstState>,
    depth: usize,
    limit: usize,
}

/// Python's `ctx`/operator class names for the parser's enums.
fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

/// The class name of a boolean operator.
pub(super) fn boolop_name(op: BoolOp) -> &'static str {
    match op {
        BoolOp::And => "And",
        BoolOp::Or => "Or",
    }
}

/// The class name of a binary operator.
pub(super) fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

/// The class name of a unary operator.
pub(super) fn unaryop_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert",
        UnaryOp::Not => "Not",
        UnaryOp::UAdd => "UAdd",
        UnaryOp::USub => "USub",
    }
}

/// The class name of a comparison operator.
pub(super) fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

/// A parser constant as the Python value it stands for.
pub fn constant_to_py(vm: &mut Vm, c: &Constant) -> PyResult<Value> {
    Ok(match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Ellipsis => Value::Obj(crate::rt_types::rt().ellipsis.clone()),
        Constant::Int(i) => Value::from_bigint(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => crate::methods::complex::new_complex(*real, *imag)
            .ok_or_else(|| PyErr::new(ExcKind::SystemError, "no complex type"))?,
        Constant::Str(t) => Value::Obj(StrObj::alloc_text(t.clone())),
        Constant::Bytes(b) => crate::methods::bytes::new_bytes(b.clone(), false),
        Constant::Tuple(items) => {
            let mut v = Vec::with_capacity(items.len());
            for i in items {
                v.push(constant_to_py(vm, i)?);
            }
            Value::Obj(Tuple::alloc(v))
        }
        Constant::FrozenSet(items) => {
            let mut v = Vec::with_capacity(items.len());
            for i in items {
                v.push(constant_to_py(vm, i)?);
            }
            crate::methods::frozenset::new_frozenset(vm, v)?
        }
    })
}

fn loc_values(loc: &Location) -> [Value; 4] {
    [
        Value::Int(i64::from(loc.lineno)),
        Value::Int(i64::from(loc.col_offset)),
        Value::Int(i64::from(loc.end_lineno)),
        Value::Int(i64::from(loc.end_col_offset)),
    ]
}

impl ToPy<'_> {
    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded during ast construction",
            ));
        }
        Ok(())
    }

    fn node(
        &mut self,
        name: &str,
        mut values: Vec<Value>,
        loc: Option<&Location>,
    ) -> PyResult<Value> {
        if let Some(l) = loc {
            values.extend(loc_values(l));
        }
        let id = self.st.id(name);
        let st = self.st.clone();
        st.node(self.vm.token(), id, values)
    }

    fn ident(&mut self, s: &str) -> Value {
        Value::Obj(intern(self.vm.token(), s))
    }

    fn opt_ident(&mut self, s: &Option<String>) -> Value {
        match s {
            Some(s) => self.ident(s),
            None => Value::None,
        }
    }

    fn opt_string(s: &Option<String>) -> Value {
        match s {
            Some(s) => Value::Obj(StrObj::alloc(s)),
            None => Value::None,
        }
    }

    fn list(items: Vec<Value>) -> Value {
        Value::Obj(List::alloc(items))
    }

    fn simple(&mut self, name: &str) -> PyResult<Value> {
        self.node(name, Vec::new(), None)
    }

    fn module(&mut self, m: &Mod) -> PyResult<Value> {
        self.enter()?;
        let r = match m {
            Mod::Module { body, type_ignores } => {
                let b = self.stmts(body)?;
                let t = self.type_ignores(type_ignores)?;
                self.node("Module", vec![b, t], None)
            }
            Mod::Interactive { body } => {
                let b = self.stmts(body)?;
                self.node("Interactive", vec![b], None)
            }
            Mod::Expression { body } => {
                let b = self.expr(body)?;
                self.node("Expression", vec![b], None)
            }
            Mod::FunctionType { argtypes, returns } => {
                let a = self.exprs(argtypes)?;
                let r = self.expr(returns)?;
                self.node("FunctionType", vec![a, r], None)
            }
        };
        self.depth -= 1;
        r
    }

    fn type_ignores(&mut self, t: &[TypeIgnore]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(t.len());
        for ti in t {
            let tag = Value::Obj(StrObj::alloc(&ti.tag));
            v.push(self.node(
                "TypeIgnore",
                vec![Value::Int(i64::from(ti.lineno)), tag],
                None,
            )?);
        }
        Ok(Self::list(v))
    }

    fn stmts(&mut self, body: &[Stmt]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(body.len());
        for s in body {
            v.push(self.stmt(s)?);
        }
        Ok(Self::list(v))
    }

    fn exprs(&mut self, body: &[Expr]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(body.len());
        for e in body {
            v.push(self.expr(e)?);
        }
        Ok(Self::list(v))
    }

    fn opt_exprs(&mut self, body: &[Option<Expr>]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(body.len());
        for e in body {
            v.push(match e {
                Some(e) => self.expr(e)?,
                None => Value::None,
            });
        }
        Ok(Self::list(v))
    }

    fn opt_expr(&mut self, e: &Option<Box<Expr>>) -> PyResult<Value> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(Value::None),
        }
    }

    fn idents(&mut self, names: &[String]) -> Value {
        let v = names.iter().map(|n| self.ident(n)).collect();
        Self::list(v)
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult<Value> {
        self.enter()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(s));
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> PyResult<Value> {
        let loc = Some(&s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let name = if matches!(s.kind, StmtKind::FunctionDef(_)) {
                    "FunctionDef"
                } else {
                    "AsyncFunctionDef"
                };
                let v = vec![
                    self.ident(&f.name),
                    self.arguments(&f.args)?,
                    self.stmts(&f.body)?,
                    self.exprs(&f.decorator_list)?,
                    self.opt_expr(&f.returns)?,
                    Self::opt_string(&f.type_comment),
                ];
                self.node(name, v, loc)
            }
            StmtKind::ClassDef(c) => {
                let v = vec![
                    self.ident(&c.name),
                    self.exprs(&c.bases)?,
                    self.keywords(&c.keywords)?,
                    self.stmts(&c.body)?,
                    self.exprs(&c.decorator_list)?,
                ];
                self.node("ClassDef", v, loc)
            }
            StmtKind::Return { value } => {
                let v = vec![self.opt_expr(value)?];
                self.node("Return", v, loc)
            }
            StmtKind::Delete { targets } => {
                let v = vec![self.exprs(targets)?];
                self.node("Delete", v, loc)
            }
            StmtKind::Assign {
                targets,
                value,
                type_comment,
            } => {
                let v = vec![
                    self.exprs(targets)?,
                    self.expr(value)?,
                    Self::opt_string(type_comment),
                ];
                self.node("Assign", v, loc)
            }
            StmtKind::AugAssign { target, op, value } => {
                let v = vec![
                    self.expr(target)?,
                    self.simple(operator_name(*op))?,
                    self.expr(value)?,
                ];
                self.node("AugAssign", v, loc)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let v = vec![
                    self.expr(target)?,
                    self.expr(annotation)?,
                    self.opt_expr(value)?,
                    Value::Int(i64::from(*simple)),
                ];
                self.node("AnnAssign", v, loc)
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                let name = if matches!(s.kind, StmtKind::For(_)) {
                    "For"
                } else {
                    "AsyncFor"
                };
                let v = vec![
                    self.expr(&f.target)?,
                    self.expr(&f.iter)?,
                    self.stmts(&f.body)?,
                    self.stmts(&f.orelse)?,
                    Self::opt_string(&f.type_comment),
                ];
                self.node(name, v, loc)
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                let name = if matches!(s.kind, StmtKind::While { .. }) {
                    "While"
                } else {
                    "If"
                };
                let v = vec![self.expr(test)?, self.stmts(body)?, self.stmts(orelse)?];
                self.node(name, v, loc)
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                let name = if matches!(s.kind, StmtKind::With(_)) {
                    "With"
                } else {
                    "AsyncWith"
                };
                let mut items = Vec::with_capacity(w.items.len());
                for i in &w.items {
                    items.push(self.withitem(i)?);
                }
                let v = vec![
                    Self::list(items),
                    self.stmts(&w.body)?,
                    Self::opt_string(&w.type_comment),
                ];
                self.node(name, v, loc)
            }
            StmtKind::Match { subject, cases } => {
                let subj = self.expr(subject)?;
                let mut cs = Vec::with_capacity(cases.len());
                for c in cases {
                    cs.push(self.match_case(c)?);
                }
                self.node("Match", vec![subj, Self::list(cs)], loc)
            }
            StmtKind::Raise { exc, cause } => {
                let v = vec![self.opt_expr(exc)?, self.opt_expr(cause)?];
                self.node("Raise", v, loc)
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                let name = if matches!(s.kind, StmtKind::Try(_)) {
                    "Try"
                } else {
                    "TryStar"
                };
                let body = self.stmts(&t.body)?;
                let mut hs = Vec::with_capacity(t.handlers.len());
                for h in &t.handlers {
                    hs.push(self.handler(h)?);
                }
                let v = vec![
                    body,
                    Self::list(hs),
                    self.stmts(&t.orelse)?,
                    self.stmts(&t.finalbody)?,
                ];
                self.node(name, v, loc)
            }
            StmtKind::Assert { test, msg } => {
                let v = vec![self.expr(test)?, self.opt_expr(msg)?];
                self.node("Assert", v, loc)
            }
            StmtKind::Import { names } => {
                let v = vec![self.aliases(names)?];
                self.node("Import", v, loc)
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let v = vec![
                    self.opt_ident(module),
                    self.aliases(names)?,
                    Value::Int(i64::from(*level)),
                ];
                self.node("ImportFrom", v, loc)
            }
            StmtKind::Global { names } => {
                let v = vec![self.idents(names)];
                self.node("Global", v, loc)
            }
            StmtKind::Nonlocal { names } => {
                let v = vec![self.idents(names)];
                self.node("Nonlocal", v, loc)
            }
            StmtKind::Expr { value } => {
                let v = vec![self.expr(value)?];
                self.node("Expr", v, loc)
            }
            StmtKind::Pass => self.node("Pass", Vec::new(), loc),
            StmtKind::Break => self.node("Break", Vec::new(), loc),
            StmtKind::Continue => self.node("Continue", Vec::new(), loc),
        }
    }

    fn aliases(&mut self, names: &[Alias]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(names.len());
        for a in names {
            let f = vec![self.ident(&a.name), self.opt_ident(&a.asname)];
            v.push(self.node("alias", f, Some(&a.loc))?);
        }
        Ok(Self::list(v))
    }

    fn keywords(&mut self, kws: &[Keyword]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(kws.len());
        for k in kws {
            self.enter()?;
            let f = vec![self.opt_ident(&k.arg), self.expr(&k.value)?];
            v.push(self.node("keyword", f, Some(&k.loc))?);
            self.depth -= 1;
        }
        Ok(Self::list(v))
    }

    fn withitem(&mut self, w: &WithItem) -> PyResult<Value> {
        self.enter()?;
        let f = vec![
            self.expr(&w.context_expr)?,
            self.opt_expr(&w.optional_vars)?,
        ];
        self.depth -= 1;
        self.node("withitem", f, None)
    }

    fn handler(&mut self, h: &ExceptHandler) -> PyResult<Value> {
        self.enter()?;
        let f = vec![
            self.opt_expr(&h.type_)?,
            self.opt_ident(&h.name),
            self.stmts(&h.body)?,
        ];
        self.depth -= 1;
        self.node("ExceptHandler", f, Some(&h.loc))
    }

    fn match_case(&mut self, c: &MatchCase) -> PyResult<Value> {
        self.enter()?;
        let f = vec![
            self.pattern(&c.pattern)?,
            self.opt_expr(&c.guard)?,
            self.stmts(&c.body)?,
        ];
        self.depth -= 1;
        self.node("match_case", f, None)
    }

    fn arg(&mut self, a: &Arg) -> PyResult<Value> {
        self.enter()?;
        let f = vec![
            self.ident(&a.arg),
            self.opt_expr(&a.annotation)?,
            Self::opt_string(&a.type_comment),
        ];
        self.depth -= 1;
        self.node("arg", f, Some(&a.loc))
    }

    fn args(&mut self, a: &[Arg]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(a.len());
        for x in a {
            v.push(self.arg(x)?);
        }
        Ok(Self::list(v))
    }

    fn opt_arg(&mut self, a: &Option<Box<Arg>>) -> PyResult<Value> {
        match a {
            Some(a) => self.arg(a),
            None => Ok(Value::None),
        }
    }

    fn arguments(&mut self, a: &Arguments) -> PyResult<Value> {
        self.enter()?;
        let f = vec![
            self.args(&a.posonlyargs)?,
            self.args(&a.args)?,
            self.opt_arg(&a.vararg)?,
            self.args(&a.kwonlyargs)?,
            self.opt_exprs(&a.kw_defaults)?,
            self.opt_arg(&a.kwarg)?,
            self.exprs(&a.defaults)?,
        ];
        self.depth -= 1;
        self.node("arguments", f, None)
    }

    fn comprehensions(&mut self, gens: &[Comprehension]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(gens.len());
        for g in gens {
            self.enter()?;
            let f = vec![
                self.expr(&g.target)?,
                self.expr(&g.iter)?,
                self.exprs(&g.ifs)?,
                Value::Int(i64::from(g.is_async)),
            ];
            self.depth -= 1;
            v.push(self.node("comprehension", f, None)?);
        }
        Ok(Self::list(v))
    }

    fn expr(&mut self, e: &Expr) -> PyResult<Value> {
        self.enter()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e));
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> PyResult<Value> {
        let loc = Some(&e.loc);
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let v = vec![self.simple(boolop_name(*op))?, self.exprs(values)?];
                self.node("BoolOp", v, loc)
            }
            ExprKind::NamedExpr { target, value } => {
                let v = vec![self.expr(target)?, self.expr(value)?];
                self.node("NamedExpr", v, loc)
            }
            ExprKind::BinOp { left, op, right } => {
                let v = vec![
                    self.expr(left)?,
                    self.simple(operator_name(*op))?,
                    self.expr(right)?,
                ];
                self.node("BinOp", v, loc)
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = vec![self.simple(unaryop_name(*op))?, self.expr(operand)?];
                self.node("UnaryOp", v, loc)
            }
            ExprKind::Lambda { args, body } => {
                let v = vec![self.arguments(args)?, self.expr(body)?];
                self.node("Lambda", v, loc)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let v = vec![self.expr(test)?, self.expr(body)?, self.expr(orelse)?];
                self.node("IfExp", v, loc)
            }
            ExprKind::Dict { keys, values } => {
                let v = vec![self.opt_exprs(keys)?, self.exprs(values)?];
                self.node("Dict", v, loc)
            }
            ExprKind::Set { elts } => {
                let v = vec![self.exprs(elts)?];
                self.node("Set", v, loc)
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match &e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let v = vec![self.expr(elt)?, self.comprehensions(generators)?];
                self.node(name, v, loc)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let v = vec![
                    self.expr(key)?,
                    self.expr(value)?,
                    self.comprehensions(generators)?,
                ];
                self.node("DictComp", v, loc)
            }
            ExprKind::Await { value } => {
                let v = vec![self.expr(value)?];
                self.node("Await", v, loc)
            }
            ExprKind::Yield { value } => {
                let v = vec![self.opt_expr(value)?];
                self.node("Yield", v, loc)
            }
            ExprKind::YieldFrom { value } => {
                let v = vec![self.expr(value)?];
                self.node("YieldFrom", v, loc)
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let l = self.expr(left)?;
                let mut o = Vec::with_capacity(ops.len());
                for op in ops {
                    o.push(self.simple(cmpop_name(*op))?);
                }
                let v = vec![l, Self::list(o), self.exprs(comparators)?];
                self.node("Compare", v, loc)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let v = vec![
                    self.expr(func)?,
                    self.exprs(args)?,
                    self.keywords(keywords)?,
                ];
                self.node("Call", v, loc)
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let v = vec![
                    self.expr(value)?,
                    Value::Int(i64::from(*conversion)),
                    self.opt_expr(format_spec)?,
                ];
                self.node("FormattedValue", v, loc)
            }
            ExprKind::JoinedStr { values } => {
                let v = vec![self.exprs(values)?];
                self.node("JoinedStr", v, loc)
            }
            ExprKind::Constant { value, kind } => {
                let v = vec![constant_to_py(self.vm, value)?, Self::opt_string(kind)];
                self.node("Constant", v, loc)
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let v = vec![
                    self.expr(value)?,
                    self.ident(attr),
                    self.simple(ctx_name(*ctx))?,
                ];
                self.node("Attribute", v, loc)
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let v = vec![
                    self.expr(value)?,
                    self.expr(slice)?,
                    self.simple(ctx_name(*ctx))?,
                ];
                self.node("Subscript", v, loc)
            }
            ExprKind::Starred { value, ctx } => {
                let v = vec![self.expr(value)?, self.simple(ctx_name(*ctx))?];
                self.node("Starred", v, loc)
            }
            ExprKind::Name { id, ctx } => {
                let v = vec![self.ident(id), self.simple(ctx_name(*ctx))?];
                self.node("Name", v, loc)
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let name = if matches!(e.kind, ExprKind::List { .. }) {
                    "List"
                } else {
                    "Tuple"
                };
                let v = vec![self.exprs(elts)?, self.simple(ctx_name(*ctx))?];
                self.node(name, v, loc)
            }
            ExprKind::Slice { lower, upper, step } => {
                let v = vec![
                    self.opt_expr(lower)?,
                    self.opt_expr(upper)?,
                    self.opt_expr(step)?,
                ];
                self.node("Slice", v, loc)
            }
        }
    }

    fn patterns(&mut self, ps: &[Pattern]) -> PyResult<Value> {
        let mut v = Vec::with_capacity(ps.len());
        for p in ps {
            v.push(self.pattern(p)?);
        }
        Ok(Self::list(v))
    }

    fn pattern(&mut self, p: &Pattern) -> PyResult<Value> {
        self.enter()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.pattern_inner(p));
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, p: &Pattern) -> PyResult<Value> {
        let loc = Some(&p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                let v = vec![self.expr(value)?];
                self.node("MatchValue", v, loc)
            }
            PatternKind::MatchSingleton { value } => {
                let v = vec![constant_to_py(self.vm, value)?];
                self.node("MatchSingleton", v, loc)
            }
            PatternKind::MatchSequence { patterns } => {
                let v = vec![self.patterns(patterns)?];
                self.node("MatchSequence", v, loc)
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let v = vec![
                    self.exprs(keys)?,
                    self.patterns(patterns)?,
                    self.opt_ident(rest),
                ];
                self.node("MatchMapping", v, loc)
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let v = vec![
                    self.expr(cls)?,
                    self.patterns(patterns)?,
                    self.idents(kwd_attrs),
                    self.patterns(kwd_patterns)?,
                ];
                self.node("MatchClass", v, loc)
            }
            PatternKind::MatchStar { name } => {
                let v = vec![self.opt_ident(name)];
                self.node("MatchStar", v, loc)
            }
            PatternKind::MatchAs { pattern, name } => {
                let pv = match pattern {
                    Some(p) => self.pattern(p)?,
                    None => Value::None,
                };
                let v = vec![pv, self.opt_ident(name)];
                self.node("MatchAs", v, loc)
            }
            PatternKind::MatchOr { patterns } => {
                let v = vec![self.patterns(patterns)?];
                self.node("MatchOr", v, loc)
            }
        }
    }
}
