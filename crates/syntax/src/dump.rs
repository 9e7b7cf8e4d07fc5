//! The AST as text, exactly as CPython 3.11's `ast.dump(tree, include_attributes=True)`
//! prints it (no `indent`): the parser's differential test compares the two.
//!
//! The rules of `Lib/ast.py`'s `dump`, as 3.11 has them:
//! - a node prints as `Name(field=value, ...)`, fields in `_fields` order, then the
//!   attributes `lineno`, `col_offset`, `end_lineno`, `end_col_offset` for nodes that
//!   have positions;
//! - a field or attribute is left out only when its value is `None` and the node class
//!   declares it optional (ASDL `?`: `Constant.kind`, `FunctionDef.returns`,
//!   `arg.annotation`, `MatchAs.name`, ...). `None` inside a list (`Dict.keys`,
//!   `arguments.kw_defaults`) and non-optional `None` values (`Constant(value=None)`,
//!   `MatchSingleton(value=None)`) are printed;
//! - lists always print, empty ones as `[]` (so `type_ignores=[]`, `decorator_list=[]`);
//! - operators and contexts are nodes without fields: `Add()`, `Load()`;
//! - everything else prints as its `repr`: identifiers and strings as `str` reprs,
//!   `int` fields (`level`, `simple`, `is_async`, `conversion`) as integers, constants
//!   through [`common::repr`].
//!
//! The printer walks the tree with an explicit work stack instead of recursion, so an
//! arbitrarily deep tree (a left-nested `a+a+...+a` of 100,000 terms parses fine) cannot
//! overflow the Rust stack; all text goes into one `String`.

use std::fmt::Write as _;

use common::repr;

use crate::ast::{
    Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, ExceptHandler, Expr,
    ExprContext, ExprKind, For, FunctionDef, Identifier, Keyword, Location, MatchCase, Mod,
    Operator, Pattern, PatternKind, Stmt, StmtKind, Try, TypeIgnore, UnaryOp, With, WithItem,
};

/// `ast.dump(module, include_attributes=True)` as CPython 3.11 prints it.
pub fn dump(module: &Mod) -> String {
    dump_with_depth_limit(module, usize::MAX).unwrap_or_default()
}

/// The deepest tree `ast.parse` can return when called from a module's top level
/// (`python3 -c "... ast.parse(...)"`): CPython 3.11 turns its internal AST into Python
/// objects with a depth budget of 3 x the recursion limit (3,000), starting from 3 x the
/// caller's frame depth (3 frames: 9), one level per node, so a tree of 2,991 levels
/// converts and one of 2,992 raises `RecursionError`.
pub const AST_CONSTRUCTION_DEPTH: usize = 2991;

/// The error `ast.parse` raises for a tree deeper than its conversion budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AstTooDeep;

impl std::fmt::Display for AstTooDeep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecursionError: maximum recursion depth exceeded during ast construction")
    }
}

/// [`dump`], failing as CPython's AST-to-object conversion does when the tree is more
/// than `max_depth` nodes deep (the module counting as 1; see [`AST_CONSTRUCTION_DEPTH`]).
pub fn dump_with_depth_limit(module: &Mod, max_depth: usize) -> Result<String, AstTooDeep> {
    match dump_inner(module, max_depth, usize::MAX) {
        Ok(s) => Ok(s),
        Err(_) => Err(AstTooDeep),
    }
}

/// The recursion limit of the reference command (`sys.getrecursionlimit()`).
pub const PYTHON_RECURSION_LIMIT: usize = 1000;

/// Why [`dump_like_reference`] fails: `ast.parse` could not build the tree, or the
/// Python-level `ast.dump` ran out of recursion depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DumpError {
    /// `ast.parse`'s "during ast construction" (see [`AST_CONSTRUCTION_DEPTH`]).
    AstTooDeep,
    /// `ast.dump`'s `_format` recursion overflowed; the message's suffix.
    FormatTooDeep(&'static str),
}

impl std::fmt::Display for DumpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DumpError::AstTooDeep => AstTooDeep.fmt(f),
            DumpError::FormatTooDeep(during) => {
                write!(
                    f,
                    "RecursionError: maximum recursion depth exceeded{during}"
                )
            }
        }
    }
}

/// What `python3 -c "import ast,sys; print(ast.dump(ast.parse(...),
/// include_attributes=True))"` does with this tree: the dump, or its `RecursionError`
/// from `ast.parse` (trees past [`AST_CONSTRUCTION_DEPTH`]) or from `ast.dump`'s
/// recursive `_format` (trees about 990 levels deep).
///
/// `_format`'s frames are modelled as measured on CPython 3.11.7 with the default limit
/// of 1000: the module is formatted at frame depth 4; a field's value one frame deeper
/// than its node; a list element three deeper than the list (the generator expression
/// given to `str.join`, entered from C); a scalar's `repr()` one deeper than its frame.
/// This gives CPython's exact threshold for chains of unary operators, calls,
/// attributes, subscripts and binary operators (989, 989, 989, 990 links). The
/// message is taken from the first step (in `_format`'s order) past the limit: a
/// `repr()` gives " while getting the repr of an object"; a frame for a scalar or a
/// field-less node (`Load()`, `USub()`) " while calling a Python object"; any other
/// frame (an empty list's too) no suffix. That rule matches the measured shapes; it is an empirical
/// approximation of where CPython's checks (frame pushes, C calls) fall.
pub fn dump_like_reference(module: &Mod) -> Result<String, DumpError> {
    dump_inner(module, AST_CONSTRUCTION_DEPTH, PYTHON_RECURSION_LIMIT)
}

fn dump_inner(module: &Mod, max_depth: usize, frame_limit: usize) -> Result<String, DumpError> {
    let mut d = Dumper {
        out: String::new(),
        todo: vec![Item::Mod(module)],
        depth: 0,
        max_depth,
        frames: vec![FrameCtx {
            frame: MODULE_FRAME - 1,
            in_list: false,
        }],
        expect_value: true,
        frame_limit,
        overflow: None,
    };
    while let Some(item) = d.todo.pop() {
        d.step(item);
        if d.depth > d.max_depth {
            return Err(DumpError::AstTooDeep);
        }
    }
    match d.overflow {
        Some(during) => Err(DumpError::FormatTooDeep(during)),
        None => Ok(d.out),
    }
}

/// `ast.dump`'s `_format(module)` frame depth under the reference command.
const MODULE_FRAME: usize = 4;

/// The `_format` frame of a node being dumped and whether its items are inside a list.
#[derive(Clone, Copy)]
struct FrameCtx {
    frame: usize,
    in_list: bool,
}

/// One piece of pending output: literal text, a scalar, or a node still to expand.
#[derive(Clone, Copy)]
enum Item<'a> {
    /// Literal text.
    Text(&'static str),
    /// `, name=`, without the comma right after the node's `(`.
    Field(&'static str),
    /// `, ` between list elements, nothing right after the list's `[`.
    Sep,
    U32(u32),
    I32(i32),
    /// A list's `[`, knowing whether the list is empty.
    ListOpen(bool),
    /// A list's `]`.
    ListClose,
    /// An identifier (or other Rust string), printed as its `str` repr.
    Ident(&'a str),
    Constant(&'a Constant),
    /// The four position attributes, then the node's closing `)`.
    LocEnd(&'a Location),
    Mod(&'a Mod),
    Stmt(&'a Stmt),
    Expr(&'a Expr),
    /// A list element that may be `None` (`Dict.keys`, `arguments.kw_defaults`).
    OptExpr(&'a Option<Expr>),
    Pattern(&'a Pattern),
    Arguments(&'a Arguments),
    Arg(&'a Arg),
    Keyword(&'a Keyword),
    Alias(&'a Alias),
    Withitem(&'a WithItem),
    MatchCase(&'a MatchCase),
    Comprehension(&'a Comprehension),
    ExceptHandler(&'a ExceptHandler),
    TypeIgnore(&'a TypeIgnore),
    /// The end of a node's expansion: one level up.
    Leave,
}

struct Dumper<'a> {
    out: String,
    /// Pending items, the next one last. A node's expansion is pushed in reading
    /// order and then reversed in place (see [`Dumper::expand`]).
    todo: Vec<Item<'a>>,
    /// Nesting depth of the node being expanded (the module is 1).
    depth: usize,
    max_depth: usize,
    /// `_format` frames of the nodes being expanded (see [`dump_like_reference`]).
    frames: Vec<FrameCtx>,
    /// The next item is a field value or list element (after `Field` or a list's `Sep`).
    expect_value: bool,
    frame_limit: usize,
    /// The suffix of the first `RecursionError` `ast.dump` would raise.
    overflow: Option<&'static str>,
}

impl<'a> Dumper<'a> {
    /// Records a `_format` step at `depth` frames: `leaf` for a frame that makes no
    /// further Python call, `repr` for a scalar's `repr()`.
    fn frame_step(&mut self, depth: usize, kind: &'static str) {
        if depth > self.frame_limit && self.overflow.is_none() {
            self.overflow = Some(kind);
        }
    }

    /// The frame of the value about to be dumped, and its step (see
    /// [`dump_like_reference`]); `None` when the item is not a field value.
    fn value_frame(&mut self, item: &Item<'a>) -> Option<usize> {
        if !std::mem::take(&mut self.expect_value) || self.frame_limit == usize::MAX {
            return None;
        }
        let ctx = *self.frames.last()?;
        let frame = ctx.frame + if ctx.in_list { 4 } else { 1 };
        const LEAF: &str = " while calling a Python object";
        const REPR: &str = " while getting the repr of an object";
        match item {
            Item::Text(_) => self.frame_step(frame, LEAF),
            Item::U32(_)
            | Item::I32(_)
            | Item::Ident(_)
            | Item::Constant(_)
            | Item::OptExpr(None) => {
                self.frame_step(frame, LEAF);
                self.frame_step(frame + 1, REPR);
            }
            Item::ListOpen(false) => {
                self.frame_step(frame, "");
                self.frame_step(frame + 2, "");
            }
            _ => self.frame_step(frame, ""),
        }
        Some(frame)
    }

    /// Writes a scalar item, or pushes the expansion of a node item.
    fn step(&mut self, item: Item<'a>) {
        let value_frame = self.value_frame(&item);
        match item {
            Item::Text(s) => self.out.push_str(s),
            Item::ListOpen(_) => {
                self.out.push('[');
                if let Some(ctx) = self.frames.last_mut() {
                    ctx.in_list = true;
                }
            }
            Item::ListClose => {
                self.out.push(']');
                if let Some(ctx) = self.frames.last_mut() {
                    ctx.in_list = false;
                }
            }
            Item::Field(name) => {
                self.sep();
                self.out.push_str(name);
                self.out.push('=');
                self.expect_value = true;
            }
            Item::Sep => {
                self.sep();
                self.expect_value = true;
            }
            // Writing to a String cannot fail.
            Item::U32(n) => {
                let _ = write!(self.out, "{n}");
            }
            Item::I32(n) => {
                let _ = write!(self.out, "{n}");
            }
            Item::Ident(s) => repr::write_repr_rust_str(&mut self.out, s),
            Item::Constant(c) => self.constant(c),
            Item::LocEnd(loc) => {
                if let Some(ctx) = self.frames.last() {
                    // Four scalar attributes, each a frame and a `repr()`.
                    let frame = ctx.frame + 1;
                    self.frame_step(frame, " while calling a Python object");
                    self.frame_step(frame + 1, " while getting the repr of an object");
                }
                self.sep();
                let _ = write!(
                    self.out,
                    "lineno={}, col_offset={}, end_lineno={}, end_col_offset={})",
                    loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset
                );
            }
            Item::OptExpr(None) => self.out.push_str("None"),
            _ => self.step_node(item, value_frame),
        }
    }

    /// Pushes the expansion of a node item whose `_format` frame is `value_frame`.
    fn step_node(&mut self, item: Item<'a>, value_frame: Option<usize>) {
        if !matches!(item, Item::Leave) {
            let frame = value_frame.unwrap_or(MODULE_FRAME);
            self.frames.push(FrameCtx {
                frame,
                in_list: false,
            });
        }
        match item {
            Item::OptExpr(Some(e)) | Item::Expr(e) => self.expand(|d| d.expr(e)),
            Item::Mod(m) => self.expand(|d| d.module(m)),
            Item::Stmt(s) => self.expand(|d| d.stmt(s)),
            Item::Pattern(p) => self.expand(|d| d.pattern(p)),
            Item::Arguments(a) => self.expand(|d| d.arguments(a)),
            Item::Arg(a) => self.expand(|d| d.arg(a)),
            Item::Keyword(k) => self.expand(|d| d.keyword(k)),
            Item::Alias(a) => self.expand(|d| d.alias(a)),
            Item::Withitem(w) => self.expand(|d| d.withitem(w)),
            Item::MatchCase(m) => self.expand(|d| d.match_case(m)),
            Item::Comprehension(c) => self.expand(|d| d.comprehension(c)),
            Item::ExceptHandler(h) => self.expand(|d| d.excepthandler(h)),
            Item::TypeIgnore(t) => self.expand(|d| d.type_ignore(t)),
            Item::Leave => {
                self.depth -= 1;
                self.frames.pop();
            }
            _ => {}
        }
    }

    /// Runs `push`, which pushes a node's items in reading order, then reverses them
    /// so that they pop in that order; one level deeper until the node's `Leave`.
    fn expand(&mut self, push: impl FnOnce(&mut Self)) {
        self.depth += 1;
        // Below the node's items, so it pops after all of them.
        self.todo.push(Item::Leave);
        let mark = self.todo.len();
        push(self);
        if let Some(pushed) = self.todo.get_mut(mark..) {
            pushed.reverse();
        }
    }

    /// `, ` unless the output is right after an opening `(` or `[`.
    fn sep(&mut self) {
        if !matches!(self.out.as_bytes().last(), Some(b'(' | b'[') | None) {
            self.out.push_str(", ");
        }
    }

    fn constant(&mut self, c: &Constant) {
        write_constant(&mut self.out, c);
    }

    // Pushing helpers, used inside `expand`.

    fn text(&mut self, s: &'static str) {
        self.todo.push(Item::Text(s));
    }

    fn field(&mut self, name: &'static str, value: Item<'a>) {
        self.todo.push(Item::Field(name));
        self.todo.push(value);
    }

    /// A field of ASDL type `T?`: left out when `None`, as `ast.dump` does.
    fn opt_field<T: 'a>(
        &mut self,
        name: &'static str,
        value: &'a Option<T>,
        item: fn(&'a T) -> Item<'a>,
    ) {
        if let Some(v) = value {
            self.field(name, item(v));
        }
    }

    /// A field of ASDL type `T*`: always printed, `[]` when empty.
    fn list<T>(&mut self, name: &'static str, xs: &'a [T], item: fn(&'a T) -> Item<'a>) {
        self.todo.push(Item::Field(name));
        self.todo.push(Item::ListOpen(xs.is_empty()));
        for x in xs {
            self.todo.push(Item::Sep);
            self.todo.push(item(x));
        }
        self.todo.push(Item::ListClose);
    }

    fn expr_field(&mut self, name: &'static str, e: &'a Expr) {
        self.field(name, Item::Expr(e));
    }

    fn opt_expr_field(&mut self, name: &'static str, e: &'a Option<Box<Expr>>) {
        self.opt_field(name, e, |e| Item::Expr(e));
    }

    fn ident_field(&mut self, name: &'static str, s: &'a str) {
        self.field(name, Item::Ident(s));
    }

    fn opt_ident_field(&mut self, name: &'static str, s: &'a Option<String>) {
        self.opt_field(name, s, |s| Item::Ident(s));
    }

    fn stmts(&mut self, name: &'static str, body: &'a [Stmt]) {
        self.list(name, body, Item::Stmt);
    }

    fn exprs(&mut self, name: &'static str, xs: &'a [Expr]) {
        self.list(name, xs, Item::Expr);
    }

    fn end(&mut self, loc: &'a Location) {
        self.todo.push(Item::LocEnd(loc));
    }

    // One function per ASDL type.

    fn module(&mut self, m: &'a Mod) {
        match m {
            Mod::Module { body, type_ignores } => {
                self.text("Module(");
                self.stmts("body", body);
                self.list("type_ignores", type_ignores, Item::TypeIgnore);
            }
            Mod::Interactive { body } => {
                self.text("Interactive(");
                self.stmts("body", body);
            }
            Mod::Expression { body } => {
                self.text("Expression(");
                self.expr_field("body", body);
            }
            Mod::FunctionType { argtypes, returns } => {
                self.text("FunctionType(");
                self.exprs("argtypes", argtypes);
                self.expr_field("returns", returns);
            }
        }
        self.text(")");
    }

    fn type_ignore(&mut self, t: &'a TypeIgnore) {
        self.text("TypeIgnore(");
        self.field("lineno", Item::U32(t.lineno));
        self.ident_field("tag", &t.tag);
        self.text(")");
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def("FunctionDef(", f),
            StmtKind::AsyncFunctionDef(f) => self.function_def("AsyncFunctionDef(", f),
            StmtKind::ClassDef(c) => {
                self.text("ClassDef(");
                self.ident_field("name", &c.name);
                self.exprs("bases", &c.bases);
                self.list("keywords", &c.keywords, Item::Keyword);
                self.stmts("body", &c.body);
                self.exprs("decorator_list", &c.decorator_list);
            }
            StmtKind::Return { value } => {
                self.text("Return(");
                self.opt_expr_field("value", value);
            }
            StmtKind::Delete { targets } => {
                self.text("Delete(");
                self.exprs("targets", targets);
            }
            StmtKind::Assign {
                targets,
                value,
                type_comment,
            } => {
                self.text("Assign(");
                self.exprs("targets", targets);
                self.expr_field("value", value);
                self.opt_ident_field("type_comment", type_comment);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.text("AugAssign(");
                self.expr_field("target", target);
                self.field("op", Item::Text(operator_name(*op)));
                self.expr_field("value", value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.text("AnnAssign(");
                self.expr_field("target", target);
                self.expr_field("annotation", annotation);
                self.opt_expr_field("value", value);
                self.field("simple", Item::U32(u32::from(*simple)));
            }
            StmtKind::For(f) => self.for_("For(", f),
            StmtKind::AsyncFor(f) => self.for_("AsyncFor(", f),
            StmtKind::While { test, body, orelse } => {
                self.text("While(");
                self.expr_field("test", test);
                self.stmts("body", body);
                self.stmts("orelse", orelse);
            }
            StmtKind::If { test, body, orelse } => {
                self.text("If(");
                self.expr_field("test", test);
                self.stmts("body", body);
                self.stmts("orelse", orelse);
            }
            StmtKind::With(w) => self.with("With(", w),
            StmtKind::AsyncWith(w) => self.with("AsyncWith(", w),
            StmtKind::Match { subject, cases } => {
                self.text("Match(");
                self.expr_field("subject", subject);
                self.list("cases", cases, Item::MatchCase);
            }
            StmtKind::Raise { exc, cause } => {
                self.text("Raise(");
                self.opt_expr_field("exc", exc);
                self.opt_expr_field("cause", cause);
            }
            StmtKind::Try(t) => self.try_("Try(", t),
            StmtKind::TryStar(t) => self.try_("TryStar(", t),
            StmtKind::Assert { test, msg } => {
                self.text("Assert(");
                self.expr_field("test", test);
                self.opt_expr_field("msg", msg);
            }
            StmtKind::Import { names } => {
                self.text("Import(");
                self.list("names", names, Item::Alias);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.text("ImportFrom(");
                self.opt_ident_field("module", module);
                self.list("names", names, Item::Alias);
                self.field("level", Item::U32(*level));
            }
            StmtKind::Global { names } => {
                self.text("Global(");
                self.list("names", names, |n: &Identifier| Item::Ident(n));
            }
            StmtKind::Nonlocal { names } => {
                self.text("Nonlocal(");
                self.list("names", names, |n: &Identifier| Item::Ident(n));
            }
            StmtKind::Expr { value } => {
                self.text("Expr(");
                self.expr_field("value", value);
            }
            StmtKind::Pass => self.text("Pass("),
            StmtKind::Break => self.text("Break("),
            StmtKind::Continue => self.text("Continue("),
        }
        self.end(&s.loc);
    }

    fn function_def(&mut self, open: &'static str, f: &'a FunctionDef) {
        self.text(open);
        self.ident_field("name", &f.name);
        self.field("args", Item::Arguments(&f.args));
        self.stmts("body", &f.body);
        self.exprs("decorator_list", &f.decorator_list);
        self.opt_expr_field("returns", &f.returns);
        self.opt_ident_field("type_comment", &f.type_comment);
    }

    fn for_(&mut self, open: &'static str, f: &'a For) {
        self.text(open);
        self.expr_field("target", &f.target);
        self.expr_field("iter", &f.iter);
        self.stmts("body", &f.body);
        self.stmts("orelse", &f.orelse);
        self.opt_ident_field("type_comment", &f.type_comment);
    }

    fn with(&mut self, open: &'static str, w: &'a With) {
        self.text(open);
        self.list("items", &w.items, Item::Withitem);
        self.stmts("body", &w.body);
        self.opt_ident_field("type_comment", &w.type_comment);
    }

    fn try_(&mut self, open: &'static str, t: &'a Try) {
        self.text(open);
        self.stmts("body", &t.body);
        self.list("handlers", &t.handlers, Item::ExceptHandler);
        self.stmts("orelse", &t.orelse);
        self.stmts("finalbody", &t.finalbody);
    }

    fn expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.text("BoolOp(");
                self.field("op", Item::Text(boolop_name(*op)));
                self.exprs("values", values);
            }
            ExprKind::NamedExpr { target, value } => {
                self.text("NamedExpr(");
                self.expr_field("target", target);
                self.expr_field("value", value);
            }
            ExprKind::BinOp { left, op, right } => {
                self.text("BinOp(");
                self.expr_field("left", left);
                self.field("op", Item::Text(operator_name(*op)));
                self.expr_field("right", right);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.text("UnaryOp(");
                self.field("op", Item::Text(unaryop_name(*op)));
                self.expr_field("operand", operand);
            }
            ExprKind::Lambda { args, body } => {
                self.text("Lambda(");
                self.field("args", Item::Arguments(args));
                self.expr_field("body", body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.text("IfExp(");
                self.expr_field("test", test);
                self.expr_field("body", body);
                self.expr_field("orelse", orelse);
            }
            ExprKind::Dict { keys, values } => {
                self.text("Dict(");
                self.list("keys", keys, Item::OptExpr);
                self.exprs("values", values);
            }
            ExprKind::Set { elts } => {
                self.text("Set(");
                self.exprs("elts", elts);
            }
            ExprKind::ListComp { elt, generators } => {
                self.text("ListComp(");
                self.expr_field("elt", elt);
                self.list("generators", generators, Item::Comprehension);
            }
            ExprKind::SetComp { elt, generators } => {
                self.text("SetComp(");
                self.expr_field("elt", elt);
                self.list("generators", generators, Item::Comprehension);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.text("DictComp(");
                self.expr_field("key", key);
                self.expr_field("value", value);
                self.list("generators", generators, Item::Comprehension);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.text("GeneratorExp(");
                self.expr_field("elt", elt);
                self.list("generators", generators, Item::Comprehension);
            }
            ExprKind::Await { value } => {
                self.text("Await(");
                self.expr_field("value", value);
            }
            ExprKind::Yield { value } => {
                self.text("Yield(");
                self.opt_expr_field("value", value);
            }
            ExprKind::YieldFrom { value } => {
                self.text("YieldFrom(");
                self.expr_field("value", value);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.text("Compare(");
                self.expr_field("left", left);
                self.list("ops", ops, |op: &CmpOp| Item::Text(cmpop_name(*op)));
                self.exprs("comparators", comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.text("Call(");
                self.expr_field("func", func);
                self.exprs("args", args);
                self.list("keywords", keywords, Item::Keyword);
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.text("FormattedValue(");
                self.expr_field("value", value);
                self.field("conversion", Item::I32(*conversion));
                self.opt_expr_field("format_spec", format_spec);
            }
            ExprKind::JoinedStr { values } => {
                self.text("JoinedStr(");
                self.exprs("values", values);
            }
            ExprKind::Constant { value, kind } => {
                self.text("Constant(");
                self.field("value", Item::Constant(value));
                self.opt_ident_field("kind", kind);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.text("Attribute(");
                self.expr_field("value", value);
                self.ident_field("attr", attr);
                self.field("ctx", Item::Text(ctx_name(*ctx)));
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.text("Subscript(");
                self.expr_field("value", value);
                self.expr_field("slice", slice);
                self.field("ctx", Item::Text(ctx_name(*ctx)));
            }
            ExprKind::Starred { value, ctx } => {
                self.text("Starred(");
                self.expr_field("value", value);
                self.field("ctx", Item::Text(ctx_name(*ctx)));
            }
            ExprKind::Name { id, ctx } => {
                self.text("Name(");
                self.ident_field("id", id);
                self.field("ctx", Item::Text(ctx_name(*ctx)));
            }
            ExprKind::List { elts, ctx } => {
                self.text("List(");
                self.exprs("elts", elts);
                self.field("ctx", Item::Text(ctx_name(*ctx)));
            }
            ExprKind::Tuple { elts, ctx } => {
                self.text("Tuple(");
                self.exprs("elts", elts);
                self.field("ctx", Item::Text(ctx_name(*ctx)));
            }
            ExprKind::Slice { lower, upper, step } => {
                self.text("Slice(");
                self.opt_expr_field("lower", lower);
                self.opt_expr_field("upper", upper);
                self.opt_expr_field("step", step);
            }
        }
        self.end(&e.loc);
    }

    fn comprehension(&mut self, c: &'a Comprehension) {
        self.text("comprehension(");
        self.expr_field("target", &c.target);
        self.expr_field("iter", &c.iter);
        self.exprs("ifs", &c.ifs);
        self.field("is_async", Item::U32(u32::from(c.is_async)));
        self.text(")");
    }

    fn excepthandler(&mut self, h: &'a ExceptHandler) {
        self.text("ExceptHandler(");
        self.opt_expr_field("type", &h.type_);
        self.opt_ident_field("name", &h.name);
        self.stmts("body", &h.body);
        self.end(&h.loc);
    }

    fn arguments(&mut self, a: &'a Arguments) {
        self.text("arguments(");
        self.list("posonlyargs", &a.posonlyargs, Item::Arg);
        self.list("args", &a.args, Item::Arg);
        self.opt_field("vararg", &a.vararg, |a| Item::Arg(a));
        self.list("kwonlyargs", &a.kwonlyargs, Item::Arg);
        self.list("kw_defaults", &a.kw_defaults, Item::OptExpr);
        self.opt_field("kwarg", &a.kwarg, |a| Item::Arg(a));
        self.exprs("defaults", &a.defaults);
        self.text(")");
    }

    fn arg(&mut self, a: &'a Arg) {
        self.text("arg(");
        self.ident_field("arg", &a.arg);
        self.opt_expr_field("annotation", &a.annotation);
        self.opt_ident_field("type_comment", &a.type_comment);
        self.end(&a.loc);
    }

    fn keyword(&mut self, k: &'a Keyword) {
        self.text("keyword(");
        self.opt_ident_field("arg", &k.arg);
        self.expr_field("value", &k.value);
        self.end(&k.loc);
    }

    fn alias(&mut self, a: &'a Alias) {
        self.text("alias(");
        self.ident_field("name", &a.name);
        self.opt_ident_field("asname", &a.asname);
        self.end(&a.loc);
    }

    fn withitem(&mut self, w: &'a WithItem) {
        self.text("withitem(");
        self.expr_field("context_expr", &w.context_expr);
        self.opt_expr_field("optional_vars", &w.optional_vars);
        self.text(")");
    }

    fn match_case(&mut self, m: &'a MatchCase) {
        self.text("match_case(");
        self.field("pattern", Item::Pattern(&m.pattern));
        self.opt_expr_field("guard", &m.guard);
        self.stmts("body", &m.body);
        self.text(")");
    }

    fn pattern(&mut self, p: &'a Pattern) {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.text("MatchValue(");
                self.expr_field("value", value);
            }
            PatternKind::MatchSingleton { value } => {
                self.text("MatchSingleton(");
                self.field("value", Item::Constant(value));
            }
            PatternKind::MatchSequence { patterns } => {
                self.text("MatchSequence(");
                self.list("patterns", patterns, Item::Pattern);
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.text("MatchMapping(");
                self.exprs("keys", keys);
                self.list("patterns", patterns, Item::Pattern);
                self.opt_ident_field("rest", rest);
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.text("MatchClass(");
                self.expr_field("cls", cls);
                self.list("patterns", patterns, Item::Pattern);
                self.list("kwd_attrs", kwd_attrs, |n: &Identifier| Item::Ident(n));
                self.list("kwd_patterns", kwd_patterns, Item::Pattern);
            }
            PatternKind::MatchStar { name } => {
                self.text("MatchStar(");
                self.opt_ident_field("name", name);
            }
            PatternKind::MatchAs { pattern, name } => {
                self.text("MatchAs(");
                self.opt_field("pattern", pattern, |p| Item::Pattern(p));
                self.opt_ident_field("name", name);
            }
            PatternKind::MatchOr { patterns } => {
                self.text("MatchOr(");
                self.list("patterns", patterns, Item::Pattern);
            }
        }
        self.end(&p.loc);
    }
}

/// `ast.dump` text of an `expr_context` node.
fn ctx_name(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "Load()",
        ExprContext::Store => "Store()",
        ExprContext::Del => "Del()",
    }
}

/// `ast.dump` text of a `boolop` node.
fn boolop_name(op: BoolOp) -> &'static str {
    match op {
        BoolOp::And => "And()",
        BoolOp::Or => "Or()",
    }
}

/// `ast.dump` text of an `operator` node.
fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add()",
        Operator::Sub => "Sub()",
        Operator::Mult => "Mult()",
        Operator::MatMult => "MatMult()",
        Operator::Div => "Div()",
        Operator::Mod => "Mod()",
        Operator::Pow => "Pow()",
        Operator::LShift => "LShift()",
        Operator::RShift => "RShift()",
        Operator::BitOr => "BitOr()",
        Operator::BitXor => "BitXor()",
        Operator::BitAnd => "BitAnd()",
        Operator::FloorDiv => "FloorDiv()",
    }
}

/// `ast.dump` text of a `unaryop` node.
fn unaryop_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert()",
        UnaryOp::Not => "Not()",
        UnaryOp::UAdd => "UAdd()",
        UnaryOp::USub => "USub()",
    }
}

/// `ast.dump` text of a `cmpop` node.
fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}

#[cfg(test)]
mod tests {
    //! Differential tests against CPython 3.11: Python parses each source, sends its
    //! tree in a small token format (read back below into `crate::ast` values) and
    //! its `ast.dump(tree, include_attributes=True)`; `dump` must print the same.

    use super::*;
    use crate::ast::*;
    use common::bigint::BigInt;
    use common::text::Text;
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    /// Serializes trees as tokens: `(Name` fields attributes `)`, `[` items `]`,
    /// `N`, `T`, `F`, `E`, `i<int>`, `f<bits>`, `c<bits>,<bits>`, `s<hex cps>`, `b<hex>`.
    const ORACLE: &str = r#"
import ast, struct, sys
sys.set_int_max_str_digits(0)
def bits(x): return struct.pack('>d', x).hex()
def ser(x, out):
    if isinstance(x, ast.AST):
        out.append('(' + type(x).__name__)
        for f in x._fields + x._attributes: ser(getattr(x, f, None), out)
        out.append(')')
    elif isinstance(x, list):
        out.append('[')
        for y in x: ser(y, out)
        out.append(']')
    elif x is None: out.append('N')
    elif x is True: out.append('T')
    elif x is False: out.append('F')
    elif x is ...: out.append('E')
    elif isinstance(x, int): out.append('i%d' % x)
    elif isinstance(x, float): out.append('f' + bits(x))
    elif isinstance(x, complex): out.append('c%s,%s' % (bits(x.real), bits(x.imag)))
    elif isinstance(x, str): out.append('s' + ','.join('%x' % ord(c) for c in x))
    elif isinstance(x, bytes): out.append('b' + x.hex())
    else: raise TypeError(type(x))
for line in sys.stdin:
    kind, mode, tc, arg = line.rstrip('\n').split(' ')
    src = open(arg, 'rb').read() if kind == 'file' else bytes.fromhex(arg)
    tree = ast.parse(src, mode=mode, type_comments=tc == '1')
    out = []
    ser(tree, out)
    print(' '.join(out))
    print(ast.dump(tree, include_attributes=True))
"#;

    /// Sources covering every node kind, field and optional-field case.
    const SOURCES: &[(&str, &str)] = &[
        ("exec", "pass\nbreak\ncontinue\n"),
        ("exec", "x = 1\nx += 2\nx: int = 3\ny: int\n(a): int = 1\na.b: c\nx = y = z\n"),
        ("exec", "del a, b[0], c.d\n"),
        ("exec", "def f(a, /, b: int = 1, *args: str, c, d=2, **kw: int) -> None:\n    return\n    return a\n"),
        ("exec", "def f(*, a, b=1): pass\ndef g(a=1, /, b=2): pass\ndef h(): pass\n"),
        ("exec", "async def g():\n    await x\n    async for i in y: pass\n    async with a as b, c: pass\n    yield\n    yield 1\n    yield from z\n    [x async for x in y]\n"),
        ("exec", "@dec\n@dec2(1)\nclass C(B, metaclass=M, **kw):\n    '''doc'''\n    x = 1\nclass D: pass\n"),
        ("exec", "for i in range(10):\n    pass\nelse:\n    pass\nfor a, b in c: pass\n"),
        ("exec", "while x:\n    break\nelse:\n    pass\n"),
        ("exec", "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n"),
        ("exec", "with open(f) as g, h:\n    pass\nwith (a as b, c as (d, e)):\n    pass\n"),
        ("exec", "match x:\n    case 1 | 2: pass\n    case None | True | False: pass\n    case [a, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=_) if x > 0: pass\n    case C(1, 2, a=b): pass\n    case (a as b): pass\n    case -1 | 1+2j | 'str' | b'b' | a.b: pass\n    case [*_]: pass\n    case {}: pass\n    case {1: _}: pass\n    case _: pass\n"),
        ("exec", "raise\nraise E\nraise E from F\n"),
        ("exec", "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"),
        ("exec", "try:\n    pass\nexcept* E:\n    pass\nexcept* F as f:\n    pass\n"),
        ("exec", "assert x\nassert x, 'msg'\n"),
        ("exec", "import a, b.c as d\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *\n"),
        ("exec", "def f():\n    global a, b\n    nonlocal c\n"),
        ("exec", "a and b or c and not d\n(x := 5)\n"),
        ("exec", "a + b - c * d @ e / f % g ** h << i >> j | k ^ l & m // n\nx -= 1; x *= 2; x @= 3; x /= 4; x %= 5; x **= 6; x <<= 7; x >>= 8; x |= 9; x ^= 10; x &= 11; x //= 12\n"),
        ("exec", "~a; +b; -c; not d\n"),
        ("exec", "lambda: 0\nlambda x, *y, z=1, **w: x\nlambda *, k: k\n"),
        ("exec", "a if b else c\n"),
        ("exec", "{1: 2, **d, 3: 4}\n{1, 2}\n{}\n[]\n()\n"),
        ("exec", "[x for x in y if x if z]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x for x in y for z in x)\n"),
        ("exec", "a < b <= c > d >= e == f != g is h is not i in j not in k\n"),
        ("exec", "f(a, *b, c=d, **e)\nf()\nf(x for x in y)\n"),
        ("exec", "f'{x!r:>{width}} {y!s} {z!a} {w=} {v:x}' f'plain'\nf''\n"),
        ("exec", "1; 2.5; 3j; 'str'; b'bytes'; u'uni'; None; True; False; ...\n10**100; 1e400; 1e400j; 0x10; 0.1; 1e16; 1e-5; 0j; 1_000.5e-7\n"),
        ("exec", "'it''s'; '\"'; '\\'\"'; b'\\x00\\xff\\'\"'; '\\\\'\n"),
        ("exec", "a.b.c; a[1]; a[1:2]; a[::3]; a[:]; a[1:2, 3]; a[b:c:d]\n*a, b = c; [a, b] = c; (a, b) = c; a[1] = b.c = 2\n"),
        ("exec", "'\\ud800\\udfff\\x00\\x7f\\xa0\\xad\\u2028\\U000e0001é🐍'\n"),
        ("exec", "ünïcode = '日本'; ﬁ = 1\n"),
        ("exec", "# comment\n\n  \nif x:\n\n    y = (1 +\n         2)\n"),
        ("exec", ""),
        ("exec", "x = 1  # type: int\nfor i in y:  # type: int\n    pass\nwith a:  # type: int\n    pass\ndef f(a,  # type: int\n      ):\n    # type: () -> None\n    pass\nasync def g(): # type: () -> None\n    pass\nimport x  # type: ignore[abc]\nimport y  # type: ignore\n"),
        ("eval", "1 + 2"),
        ("eval", "x"),
        ("single", "x = 1\n"),
        ("single", "if x:\n    pass\n"),
        ("func_type", "(int, str) -> bool"),
        ("func_type", "() -> None"),
    ];

    #[derive(Debug)]
    enum V {
        Node(String, Vec<V>),
        List(Vec<V>),
        None,
        True,
        False,
        Ellipsis,
        Int(BigInt),
        Float(f64),
        Complex(f64, f64),
        Str(Text),
        Bytes(Vec<u8>),
    }

    fn read(tokens: &mut std::str::SplitAsciiWhitespace<'_>) -> V {
        let t = tokens.next().expect("token");
        let (tag, rest) = t.split_at(1);
        let float = |h: &str| f64::from_bits(u64::from_str_radix(h, 16).unwrap());
        match tag {
            "(" => {
                let mut fields = Vec::new();
                loop {
                    let mut peek = tokens.clone();
                    if peek.next() == Some(")") {
                        *tokens = peek;
                        return V::Node(rest.to_owned(), fields);
                    }
                    fields.push(read(tokens));
                }
            }
            "[" => {
                let mut items = Vec::new();
                loop {
                    let mut peek = tokens.clone();
                    if peek.next() == Some("]") {
                        *tokens = peek;
                        return V::List(items);
                    }
                    items.push(read(tokens));
                }
            }
            "N" => V::None,
            "T" => V::True,
            "F" => V::False,
            "E" => V::Ellipsis,
            "i" => V::Int(rest.parse().unwrap()),
            "f" => V::Float(float(rest)),
            "c" => {
                let (r, i) = rest.split_once(',').unwrap();
                V::Complex(float(r), float(i))
            }
            "s" => {
                let mut text = Text::new();
                for h in rest.split(',').filter(|h| !h.is_empty()) {
                    text.push_code_point(u32::from_str_radix(h, 16).unwrap());
                }
                V::Str(text)
            }
            "b" => V::Bytes(
                (0..rest.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&rest[i..i + 2], 16).unwrap())
                    .collect(),
            ),
            _ => panic!("bad token {t}"),
        }
    }

    // Conversion of the token tree into `crate::ast` values.

    fn node(v: &V) -> (&str, &[V]) {
        match v {
            V::Node(name, fields) => (name, fields),
            _ => panic!("expected node, got {v:?}"),
        }
    }

    fn list(v: &V) -> &[V] {
        match v {
            V::List(items) => items,
            _ => panic!("expected list, got {v:?}"),
        }
    }

    fn int(v: &V) -> i64 {
        match v {
            V::Int(i) => i64::try_from(i.clone()).unwrap(),
            _ => panic!("expected int, got {v:?}"),
        }
    }

    fn string(v: &V) -> String {
        match v {
            V::Str(t) => t.as_str().unwrap().to_owned(),
            _ => panic!("expected str, got {v:?}"),
        }
    }

    fn opt_string(v: &V) -> Option<String> {
        match v {
            V::None => None,
            _ => Some(string(v)),
        }
    }

    fn loc(f: &[V]) -> Location {
        let a = &f[f.len() - 4..];
        Location {
            lineno: int(&a[0]) as u32,
            col_offset: int(&a[1]) as u32,
            end_lineno: int(&a[2]) as u32,
            end_col_offset: int(&a[3]) as u32,
        }
    }

    fn many<T>(v: &V, f: fn(&V) -> T) -> Vec<T> {
        list(v).iter().map(f).collect()
    }

    fn opt<T>(v: &V, f: fn(&V) -> T) -> Option<T> {
        match v {
            V::None => None,
            _ => Some(f(v)),
        }
    }

    fn bx(v: &V) -> Box<Expr> {
        Box::new(expr(v))
    }

    fn module(v: &V) -> Mod {
        let (name, f) = node(v);
        match name {
            "Module" => Mod::Module {
                body: many(&f[0], stmt),
                type_ignores: many(&f[1], |v| {
                    let (_, f) = node(v);
                    TypeIgnore {
                        lineno: int(&f[0]) as u32,
                        tag: string(&f[1]),
                    }
                }),
            },
            "Interactive" => Mod::Interactive {
                body: many(&f[0], stmt),
            },
            "Expression" => Mod::Expression { body: bx(&f[0]) },
            "FunctionType" => Mod::FunctionType {
                argtypes: many(&f[0], expr),
                returns: bx(&f[1]),
            },
            _ => panic!("{name}"),
        }
    }

    fn ctx(v: &V) -> ExprContext {
        match node(v).0 {
            "Load" => ExprContext::Load,
            "Store" => ExprContext::Store,
            "Del" => ExprContext::Del,
            n => panic!("{n}"),
        }
    }

    fn operator(v: &V) -> Operator {
        use Operator::*;
        match node(v).0 {
            "Add" => Add,
            "Sub" => Sub,
            "Mult" => Mult,
            "MatMult" => MatMult,
            "Div" => Div,
            "Mod" => Mod,
            "Pow" => Pow,
            "LShift" => LShift,
            "RShift" => RShift,
            "BitOr" => BitOr,
            "BitXor" => BitXor,
            "BitAnd" => BitAnd,
            "FloorDiv" => FloorDiv,
            n => panic!("{n}"),
        }
    }

    fn cmpop(v: &V) -> CmpOp {
        use CmpOp::*;
        match node(v).0 {
            "Eq" => Eq,
            "NotEq" => NotEq,
            "Lt" => Lt,
            "LtE" => LtE,
            "Gt" => Gt,
            "GtE" => GtE,
            "Is" => Is,
            "IsNot" => IsNot,
            "In" => In,
            "NotIn" => NotIn,
            n => panic!("{n}"),
        }
    }

    fn constant(v: &V) -> Constant {
        match v {
            V::None => Constant::None,
            V::True => Constant::Bool(true),
            V::False => Constant::Bool(false),
            V::Ellipsis => Constant::Ellipsis,
            V::Int(i) => Constant::Int(i.clone()),
            V::Float(x) => Constant::Float(*x),
            V::Complex(real, imag) => Constant::Complex {
                real: *real,
                imag: *imag,
            },
            V::Str(t) => Constant::Str(t.clone()),
            V::Bytes(b) => Constant::Bytes(b.clone()),
            _ => panic!("constant {v:?}"),
        }
    }

    fn function_def(f: &[V]) -> FunctionDef {
        FunctionDef {
            name: string(&f[0]),
            args: Box::new(arguments(&f[1])),
            body: many(&f[2], stmt),
            decorator_list: many(&f[3], expr),
            returns: opt(&f[4], bx),
            type_comment: opt_string(&f[5]),
        }
    }

    fn for_(f: &[V]) -> For {
        For {
            target: bx(&f[0]),
            iter: bx(&f[1]),
            body: many(&f[2], stmt),
            orelse: many(&f[3], stmt),
            type_comment: opt_string(&f[4]),
        }
    }

    fn with(f: &[V]) -> With {
        With {
            items: many(&f[0], |v| {
                let (_, f) = node(v);
                WithItem {
                    context_expr: expr(&f[0]),
                    optional_vars: opt(&f[1], bx),
                }
            }),
            body: many(&f[1], stmt),
            type_comment: opt_string(&f[2]),
        }
    }

    fn try_(f: &[V]) -> Try {
        Try {
            body: many(&f[0], stmt),
            handlers: many(&f[1], |v| {
                let (_, f) = node(v);
                ExceptHandler {
                    type_: opt(&f[0], bx),
                    name: opt_string(&f[1]),
                    body: many(&f[2], stmt),
                    loc: loc(f),
                }
            }),
            orelse: many(&f[2], stmt),
            finalbody: many(&f[3], stmt),
        }
    }

    fn stmt(v: &V) -> Stmt {
        let (name, f) = node(v);
        let kind = match name {
            "FunctionDef" => StmtKind::FunctionDef(function_def(f)),
            "AsyncFunctionDef" => StmtKind::AsyncFunctionDef(function_def(f)),
            "ClassDef" => StmtKind::ClassDef(ClassDef {
                name: string(&f[0]),
                bases: many(&f[1], expr),
                keywords: many(&f[2], keyword),
                body: many(&f[3], stmt),
                decorator_list: many(&f[4], expr),
            }),
            "Return" => StmtKind::Return {
                value: opt(&f[0], bx),
            },
            "Delete" => StmtKind::Delete {
                targets: many(&f[0], expr),
            },
            "Assign" => StmtKind::Assign {
                targets: many(&f[0], expr),
                value: bx(&f[1]),
                type_comment: opt_string(&f[2]),
            },
            "AugAssign" => StmtKind::AugAssign {
                target: bx(&f[0]),
                op: operator(&f[1]),
                value: bx(&f[2]),
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: bx(&f[0]),
                annotation: bx(&f[1]),
                value: opt(&f[2], bx),
                simple: int(&f[3]) != 0,
            },
            "For" => StmtKind::For(for_(f)),
            "AsyncFor" => StmtKind::AsyncFor(for_(f)),
            "While" => StmtKind::While {
                test: bx(&f[0]),
                body: many(&f[1], stmt),
                orelse: many(&f[2], stmt),
            },
            "If" => StmtKind::If {
                test: bx(&f[0]),
                body: many(&f[1], stmt),
                orelse: many(&f[2], stmt),
            },
            "With" => StmtKind::With(with(f)),
            "AsyncWith" => StmtKind::AsyncWith(with(f)),
            "Match" => StmtKind::Match {
                subject: bx(&f[0]),
                cases: many(&f[1], |v| {
                    let (_, f) = node(v);
                    MatchCase {
                        pattern: pattern(&f[0]),
                        guard: opt(&f[1], bx),
                        body: many(&f[2], stmt),
                    }
                }),
            },
            "Raise" => StmtKind::Raise {
                exc: opt(&f[0], bx),
                cause: opt(&f[1], bx),
            },
            "Try" => StmtKind::Try(try_(f)),
            "TryStar" => StmtKind::TryStar(try_(f)),
            "Assert" => StmtKind::Assert {
                test: bx(&f[0]),
                msg: opt(&f[1], bx),
            },
            "Import" => StmtKind::Import {
                names: many(&f[0], alias),
            },
            "ImportFrom" => StmtKind::ImportFrom {
                module: opt_string(&f[0]),
                names: many(&f[1], alias),
                level: int(&f[2]) as u32,
            },
            "Global" => StmtKind::Global {
                names: many(&f[0], string),
            },
            "Nonlocal" => StmtKind::Nonlocal {
                names: many(&f[0], string),
            },
            "Expr" => StmtKind::Expr { value: bx(&f[0]) },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            _ => panic!("{name}"),
        };
        Stmt { kind, loc: loc(f) }
    }

    fn comprehension(v: &V) -> Comprehension {
        let (_, f) = node(v);
        Comprehension {
            target: expr(&f[0]),
            iter: expr(&f[1]),
            ifs: many(&f[2], expr),
            is_async: int(&f[3]) != 0,
        }
    }

    fn expr(v: &V) -> Expr {
        let (name, f) = node(v);
        let kind = match name {
            "BoolOp" => ExprKind::BoolOp {
                op: if node(&f[0]).0 == "And" {
                    BoolOp::And
                } else {
                    BoolOp::Or
                },
                values: many(&f[1], expr),
            },
            "NamedExpr" => ExprKind::NamedExpr {
                target: bx(&f[0]),
                value: bx(&f[1]),
            },
            "BinOp" => ExprKind::BinOp {
                left: bx(&f[0]),
                op: operator(&f[1]),
                right: bx(&f[2]),
            },
            "UnaryOp" => ExprKind::UnaryOp {
                op: match node(&f[0]).0 {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    _ => UnaryOp::USub,
                },
                operand: bx(&f[1]),
            },
            "Lambda" => ExprKind::Lambda {
                args: Box::new(arguments(&f[0])),
                body: bx(&f[1]),
            },
            "IfExp" => ExprKind::IfExp {
                test: bx(&f[0]),
                body: bx(&f[1]),
                orelse: bx(&f[2]),
            },
            "Dict" => ExprKind::Dict {
                keys: many(&f[0], |v| opt(v, expr)),
                values: many(&f[1], expr),
            },
            "Set" => ExprKind::Set {
                elts: many(&f[0], expr),
            },
            "ListComp" => ExprKind::ListComp {
                elt: bx(&f[0]),
                generators: many(&f[1], comprehension),
            },
            "SetComp" => ExprKind::SetComp {
                elt: bx(&f[0]),
                generators: many(&f[1], comprehension),
            },
            "DictComp" => ExprKind::DictComp {
                key: bx(&f[0]),
                value: bx(&f[1]),
                generators: many(&f[2], comprehension),
            },
            "GeneratorExp" => ExprKind::GeneratorExp {
                elt: bx(&f[0]),
                generators: many(&f[1], comprehension),
            },
            "Await" => ExprKind::Await { value: bx(&f[0]) },
            "Yield" => ExprKind::Yield {
                value: opt(&f[0], bx),
            },
            "YieldFrom" => ExprKind::YieldFrom { value: bx(&f[0]) },
            "Compare" => ExprKind::Compare {
                left: bx(&f[0]),
                ops: many(&f[1], cmpop),
                comparators: many(&f[2], expr),
            },
            "Call" => ExprKind::Call {
                func: bx(&f[0]),
                args: many(&f[1], expr),
                keywords: many(&f[2], keyword),
            },
            "FormattedValue" => ExprKind::FormattedValue {
                value: bx(&f[0]),
                conversion: int(&f[1]) as i32,
                format_spec: opt(&f[2], bx),
            },
            "JoinedStr" => ExprKind::JoinedStr {
                values: many(&f[0], expr),
            },
            "Constant" => ExprKind::Constant {
                value: constant(&f[0]),
                kind: opt_string(&f[1]),
            },
            "Attribute" => ExprKind::Attribute {
                value: bx(&f[0]),
                attr: string(&f[1]),
                ctx: ctx(&f[2]),
            },
            "Subscript" => ExprKind::Subscript {
                value: bx(&f[0]),
                slice: bx(&f[1]),
                ctx: ctx(&f[2]),
            },
            "Starred" => ExprKind::Starred {
                value: bx(&f[0]),
                ctx: ctx(&f[1]),
            },
            "Name" => ExprKind::Name {
                id: string(&f[0]),
                ctx: ctx(&f[1]),
            },
            "List" => ExprKind::List {
                elts: many(&f[0], expr),
                ctx: ctx(&f[1]),
            },
            "Tuple" => ExprKind::Tuple {
                elts: many(&f[0], expr),
                ctx: ctx(&f[1]),
            },
            "Slice" => ExprKind::Slice {
                lower: opt(&f[0], bx),
                upper: opt(&f[1], bx),
                step: opt(&f[2], bx),
            },
            _ => panic!("{name}"),
        };
        Expr { kind, loc: loc(f) }
    }

    fn arguments(v: &V) -> Arguments {
        let (_, f) = node(v);
        Arguments {
            posonlyargs: many(&f[0], arg),
            args: many(&f[1], arg),
            vararg: opt(&f[2], |v| Box::new(arg(v))),
            kwonlyargs: many(&f[3], arg),
            kw_defaults: many(&f[4], |v| opt(v, expr)),
            kwarg: opt(&f[5], |v| Box::new(arg(v))),
            defaults: many(&f[6], expr),
        }
    }

    fn arg(v: &V) -> Arg {
        let (_, f) = node(v);
        Arg {
            arg: string(&f[0]),
            annotation: opt(&f[1], bx),
            type_comment: opt_string(&f[2]),
            loc: loc(f),
        }
    }

    fn keyword(v: &V) -> Keyword {
        let (_, f) = node(v);
        Keyword {
            arg: opt_string(&f[0]),
            value: expr(&f[1]),
            loc: loc(f),
        }
    }

    fn alias(v: &V) -> Alias {
        let (_, f) = node(v);
        Alias {
            name: string(&f[0]),
            asname: opt_string(&f[1]),
            loc: loc(f),
        }
    }

    fn pattern(v: &V) -> Pattern {
        let (name, f) = node(v);
        let kind = match name {
            "MatchValue" => PatternKind::MatchValue { value: bx(&f[0]) },
            "MatchSingleton" => PatternKind::MatchSingleton {
                value: constant(&f[0]),
            },
            "MatchSequence" => PatternKind::MatchSequence {
                patterns: many(&f[0], pattern),
            },
            "MatchMapping" => PatternKind::MatchMapping {
                keys: many(&f[0], expr),
                patterns: many(&f[1], pattern),
                rest: opt_string(&f[2]),
            },
            "MatchClass" => PatternKind::MatchClass {
                cls: bx(&f[0]),
                patterns: many(&f[1], pattern),
                kwd_attrs: many(&f[2], string),
                kwd_patterns: many(&f[3], pattern),
            },
            "MatchStar" => PatternKind::MatchStar {
                name: opt_string(&f[0]),
            },
            "MatchAs" => PatternKind::MatchAs {
                pattern: opt(&f[0], |v| Box::new(pattern(v))),
                name: opt_string(&f[1]),
            },
            "MatchOr" => PatternKind::MatchOr {
                patterns: many(&f[0], pattern),
            },
            _ => panic!("{name}"),
        };
        Pattern { kind, loc: loc(f) }
    }

    /// Asks CPython for (tree tokens, expected dump) of each `(kind, mode, tc, arg)`.
    fn oracle(requests: &[String]) -> Vec<(String, String)> {
        let mut child = Command::new("python3")
            .args(["-c", ORACLE])
            .env("PYTHONIOENCODING", "utf-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 (CPython 3.11, the oracle) must be installed");
        let mut stdin = child.stdin.take().unwrap();
        let input = requests.join("\n") + "\n";
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        assert!(out.status.success(), "python3 failed");
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2 * requests.len());
        lines
            .chunks(2)
            .map(|c| (c[0].to_owned(), c[1].to_owned()))
            .collect()
    }

    fn hex(s: &str) -> String {
        s.bytes().map(|b| format!("{b:02x}")).collect()
    }

    /// Checks `dump` on each request; returns the node class names seen.
    fn check(requests: &[String]) -> std::collections::BTreeSet<String> {
        let mut seen = std::collections::BTreeSet::new();
        for (req, (tokens, expected)) in requests.iter().zip(oracle(requests)) {
            let tree = module(&read(&mut tokens.split_ascii_whitespace()));
            assert_eq!(dump(&tree), expected, "for {req}");
            seen.extend(
                tokens
                    .split_ascii_whitespace()
                    .filter_map(|t| t.strip_prefix('('))
                    .map(str::to_owned),
            );
        }
        seen
    }

    #[test]
    fn every_node_kind_matches_python() {
        let requests: Vec<String> = SOURCES
            .iter()
            .map(|(mode, src)| {
                let tc = if src.contains("# type:") { 1 } else { 0 };
                format!("src {mode} {tc} {}", hex(src))
            })
            .collect();
        let seen = check(&requests);
        // Every concrete node class of CPython 3.11's `ast` (deprecated aliases aside).
        let all = Command::new("python3")
            .args([
                "-c",
                "import ast\n\
                 old = {'Num', 'Str', 'Bytes', 'NameConstant', 'Ellipsis', 'Index', 'ExtSlice', 'Suite', 'AugLoad', 'AugStore', 'Param', 'slice'}\n\
                 for n in dir(ast):\n\
                 \x20   c = getattr(ast, n)\n\
                 \x20   if isinstance(c, type) and issubclass(c, ast.AST) and not c.__subclasses__() and n not in old: print(n)",
            ])
            .output()
            .unwrap();
        let all = String::from_utf8(all.stdout).unwrap();
        let missing: Vec<&str> = all.lines().filter(|n| !seen.contains(*n)).collect();
        assert_eq!(all.lines().count(), 106);
        assert!(missing.is_empty(), "not covered: {missing:?}");
    }

    #[test]
    fn stdlib_modules_match_python() {
        let lib = Command::new("python3")
            .args([
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
            ])
            .output()
            .unwrap();
        let lib = String::from_utf8(lib.stdout).unwrap();
        let names = ["ast.py", "dataclasses.py", "string.py"];
        let requests: Vec<String> = names
            .iter()
            .map(|n| format!("file exec 0 {}/{n}", lib.trim()))
            .collect();
        check(&requests);
    }

    /// Every stdlib module; slow (minutes), so run on demand:
    /// `cargo test -p syntax -- --ignored whole_stdlib`.
    #[test]
    #[ignore]
    fn whole_stdlib_matches_python() {
        let list = Command::new("python3")
            .args([
                "-c",
                "import sysconfig, pathlib, ast\n\
                 for p in sorted(pathlib.Path(sysconfig.get_paths()['stdlib']).rglob('*.py')):\n\
                 \x20   try: ast.parse(p.read_bytes()); print(p)\n\
                 \x20   except Exception: pass",
            ])
            .output()
            .unwrap();
        let list = String::from_utf8(list.stdout).unwrap();
        let requests: Vec<String> = list.lines().map(|p| format!("file exec 0 {p}")).collect();
        for chunk in requests.chunks(50) {
            check(chunk);
        }
    }

    fn at(lineno: u32, col: u32, end_col: u32) -> Location {
        Location {
            lineno,
            col_offset: col,
            end_lineno: lineno,
            end_col_offset: end_col,
        }
    }

    fn module_of(value: Expr) -> Mod {
        let loc = value.loc;
        Mod::Module {
            body: vec![Stmt {
                kind: StmtKind::Expr {
                    value: Box::new(value),
                },
                loc,
            }],
            type_ignores: vec![],
        }
    }

    #[test]
    fn hand_built_constants() {
        // Expected texts from python3 -c "import ast; print(ast.dump(ast.parse(SRC), include_attributes=True))"
        let c = |value, kind: Option<&str>, end| Expr {
            kind: ExprKind::Constant {
                value,
                kind: kind.map(str::to_owned),
            },
            loc: at(1, 0, end),
        };
        assert_eq!(
            dump(&module_of(c(Constant::Ellipsis, None, 3))),
            "Module(body=[Expr(value=Constant(value=Ellipsis, lineno=1, col_offset=0, end_lineno=1, end_col_offset=3), lineno=1, col_offset=0, end_lineno=1, end_col_offset=3)], type_ignores=[])"
        );
        assert_eq!(
            dump(&module_of(c(Constant::Str(Text::from("a")), Some("u"), 4))),
            "Module(body=[Expr(value=Constant(value='a', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=4), lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)], type_ignores=[])"
        );
        assert_eq!(
            dump(&module_of(c(Constant::Complex { real: 0.0, imag: 1.0 }, None, 2))),
            "Module(body=[Expr(value=Constant(value=1j, lineno=1, col_offset=0, end_lineno=1, end_col_offset=2), lineno=1, col_offset=0, end_lineno=1, end_col_offset=2)], type_ignores=[])"
        );
        assert_eq!(
            dump(&Mod::Expression { body: Box::new(c(Constant::None, None, 4)) }),
            "Expression(body=Constant(value=None, lineno=1, col_offset=0, end_lineno=1, end_col_offset=4))"
        );
        assert_eq!(
            dump(&Mod::Interactive {
                body: vec![Stmt {
                    kind: StmtKind::Pass,
                    loc: at(1, 0, 4)
                }]
            }),
            "Interactive(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)])"
        );
    }

    #[test]
    fn very_deep_tree_does_not_overflow() {
        // `a+a+...+a` with 200,000 terms: a left-nested BinOp chain.
        const N: usize = 200_000;
        let name = |col| Expr {
            kind: ExprKind::Name {
                id: "a".into(),
                ctx: ExprContext::Load,
            },
            loc: at(1, col, col + 1),
        };
        let mut e = name(0);
        for i in 1..N as u32 {
            let right = name(2 * i);
            e = Expr {
                kind: ExprKind::BinOp {
                    left: Box::new(e),
                    op: Operator::Add,
                    right: Box::new(right),
                },
                loc: at(1, 0, 2 * i + 1),
            };
        }
        let tree = module_of(e);
        let out = dump(&tree);
        // Dropping the tree would recurse as deep as it is; that is the tree's
        // business, not the printer's, so the test leaks it.
        std::mem::forget(tree);
        assert!(out.starts_with("Module(body=[Expr(value=BinOp(left=BinOp(left="));
        assert_eq!(out.matches("BinOp(").count(), N - 1);
        assert!(out.ends_with("end_col_offset=399999)], type_ignores=[])"));
    }
}

#[cfg(test)]
mod depth_limit_tests {
    use super::*;
    use crate::parser::Mode;

    fn parse(src: &str) -> Mod {
        crate::parse(src.as_bytes(), "<t>", Mode::Exec).expect("parses")
    }

    /// The limit is `ast.parse`'s: `-`*2988 + `1` converts (Module, Expr, 2988
    /// UnaryOps, Constant: 2991 levels), one more unary minus does not.
    #[test]
    fn unary_chain_limit_matches_cpython() {
        let ok = parse(&format!("{}1\n", "-".repeat(2988)));
        assert!(dump_with_depth_limit(&ok, AST_CONSTRUCTION_DEPTH).is_ok());
        let deep = parse(&format!("{}1\n", "-".repeat(2989)));
        assert_eq!(
            dump_with_depth_limit(&deep, AST_CONSTRUCTION_DEPTH),
            Err(AstTooDeep)
        );
    }

    #[test]
    fn wide_trees_are_not_deep() {
        let wide = parse(&"x = 1\n".repeat(10_000));
        assert!(dump_with_depth_limit(&wide, 4).is_ok());
    }
}

/// Writes `repr(c)` (folded tuples and frozensets included).
fn write_constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Int(i) => repr::write_repr_int(out, i),
        Constant::Float(x) => repr::write_repr_float(out, *x),
        Constant::Complex { real, imag } => repr::write_repr_complex(out, *real, *imag),
        Constant::Str(s) => repr::write_repr_str(out, s),
        Constant::Bytes(b) => repr::write_repr_bytes(out, b),
        Constant::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_constant(out, item);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                out.push_str("frozenset()");
                return;
            }
            out.push_str("frozenset({");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_constant(out, item);
            }
            out.push_str("})");
        }
    }
}
