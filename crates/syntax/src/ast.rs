//! The abstract syntax tree, node for node as CPython 3.11's `ast` module defines it
//! (`Parser/Python.asdl`): the same node kinds, the same fields in the same order, and
//! the same positions (1-based lines, 0-based UTF-8 byte columns, with end positions).
//!
//! Field names follow the ASDL names (`type_` where the name is a Rust keyword), so a
//! reader can go from `ast.dump` output to these structs without a dictionary.

use common::bigint::BigInt;
use common::text::Text;

/// Source position of a node: CPython's `lineno`, `col_offset`, `end_lineno`,
/// `end_col_offset` attributes. Columns are byte offsets into the UTF-8 line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

/// Python identifiers, as the ASDL `identifier` type.
pub type Identifier = String;

/// `mod`: the root of a parse, one per compile mode (`exec`, `single`, `eval`,
/// `func_type`).
#[derive(Clone, Debug, PartialEq)]
pub enum Mod {
    Module {
        body: Vec<Stmt>,
        type_ignores: Vec<TypeIgnore>,
    },
    Interactive {
        body: Vec<Stmt>,
    },
    Expression {
        body: Box<Expr>,
    },
    FunctionType {
        argtypes: Vec<Expr>,
        returns: Box<Expr>,
    },
}

/// `type_ignore = TypeIgnore(int lineno, string tag)`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeIgnore {
    pub lineno: u32,
    pub tag: String,
}

/// A statement node (`stmt`) with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub loc: Location,
}

/// The statement kinds of the `stmt` sum type, fields in ASDL order.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    FunctionDef(FunctionDef),
    AsyncFunctionDef(FunctionDef),
    ClassDef(ClassDef),
    Return {
        value: Option<Box<Expr>>,
    },
    Delete {
        targets: Vec<Expr>,
    },
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
        type_comment: Option<String>,
    },
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
    },
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        simple: bool,
    },
    For(For),
    AsyncFor(For),
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With(With),
    AsyncWith(With),
    Match {
        subject: Box<Expr>,
        cases: Vec<MatchCase>,
    },
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    Try(Try),
    TryStar(Try),
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    Import {
        names: Vec<Alias>,
    },
    ImportFrom {
        module: Option<Identifier>,
        names: Vec<Alias>,
        level: u32,
    },
    Global {
        names: Vec<Identifier>,
    },
    Nonlocal {
        names: Vec<Identifier>,
    },
    Expr {
        value: Box<Expr>,
    },
    Pass,
    Break,
    Continue,
}

/// Fields shared by `FunctionDef` and `AsyncFunctionDef`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: Identifier,
    pub args: Box<Arguments>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Box<Expr>>,
    pub type_comment: Option<String>,
}

/// `ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)`.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Identifier,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

/// Fields shared by `For` and `AsyncFor`.
#[derive(Clone, Debug, PartialEq)]
pub struct For {
    pub target: Box<Expr>,
    pub iter: Box<Expr>,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub type_comment: Option<String>,
}

/// Fields shared by `With` and `AsyncWith`.
#[derive(Clone, Debug, PartialEq)]
pub struct With {
    pub items: Vec<WithItem>,
    pub body: Vec<Stmt>,
    pub type_comment: Option<String>,
}

/// Fields shared by `Try` and `TryStar`.
#[derive(Clone, Debug, PartialEq)]
pub struct Try {
    pub body: Vec<Stmt>,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
}

/// An expression node (`expr`) with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Location,
}

/// The expression kinds of the `expr` sum type, fields in ASDL order.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `keys[i]` is `None` for a `**mapping` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set {
        elts: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await {
        value: Box<Expr>,
    },
    Yield {
        value: Option<Box<Expr>>,
    },
    YieldFrom {
        value: Box<Expr>,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `conversion` is -1 (none), or the code of `'s'`, `'r'` or `'a'`.
    FormattedValue {
        value: Box<Expr>,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    JoinedStr {
        values: Vec<Expr>,
    },
    /// `kind` is `Some("u")` for a `u"..."` string, else `None`.
    Constant {
        value: Constant,
        kind: Option<String>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Identifier,
        ctx: ExprContext,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: Identifier,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// The ASDL `constant` type as the parser produces it. The parser never folds, so
/// `-1` is `UnaryOp(USub, Constant(1))`, and complex constants are purely imaginary.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    /// `real`, `imag`; the parser only ever makes `real == 0.0`.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Text),
    Bytes(Vec<u8>),
    /// A tuple; made only by constant folding (`ast_opt.c`), never by the parser.
    Tuple(Vec<Constant>),
    /// A frozenset, in insertion order; made only by constant folding.
    FrozenSet(Vec<Constant>),
}

/// `expr_context = Load | Store | Del`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

/// `boolop = And | Or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

/// `operator`, the binary and augmented-assignment operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

/// `unaryop = Invert | Not | UAdd | USub`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

/// `cmpop`, the comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `comprehension(expr target, expr iter, expr* ifs, int is_async)` (no position).
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// `ExceptHandler(expr? type, identifier? name, stmt* body)` with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub type_: Option<Box<Expr>>,
    pub name: Option<Identifier>,
    pub body: Vec<Stmt>,
    pub loc: Location,
}

/// `arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs,
/// expr* kw_defaults, arg? kwarg, expr* defaults)`; `kw_defaults[i]` is `None` where
/// keyword-only argument `i` has no default.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    pub defaults: Vec<Expr>,
}

/// `arg(identifier arg, expr? annotation, string? type_comment)` with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub arg: Identifier,
    pub annotation: Option<Box<Expr>>,
    pub type_comment: Option<String>,
    pub loc: Location,
}

/// `keyword(identifier? arg, expr value)`; `arg` is `None` for `**kwargs`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub arg: Option<Identifier>,
    pub value: Expr,
    pub loc: Location,
}

/// `alias(identifier name, identifier? asname)` with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub name: Identifier,
    pub asname: Option<Identifier>,
    pub loc: Location,
}

/// `withitem(expr context_expr, expr? optional_vars)` (no position).
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

/// `match_case(pattern pattern, expr? guard, stmt* body)` (no position).
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

/// A pattern node (`pattern`) with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub loc: Location,
}

/// The pattern kinds of the `pattern` sum type, fields in ASDL order.
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    MatchValue {
        value: Box<Expr>,
    },
    /// `value` is `None`, `True` or `False`.
    MatchSingleton {
        value: Constant,
    },
    MatchSequence {
        patterns: Vec<Pattern>,
    },
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Identifier>,
    },
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Identifier>,
        kwd_patterns: Vec<Pattern>,
    },
    MatchStar {
        name: Option<Identifier>,
    },
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<Identifier>,
    },
    MatchOr {
        patterns: Vec<Pattern>,
    },
}

/// How deep `Expr` values are dropped recursively before [`Expr`]'s `Drop` switches to
/// an explicit work list: loops in the parser build left-nested chains (`1+1+…`,
/// `a.b.c…`, `f()()…`) of any depth, which plain recursive drop would overflow the
/// stack on.
const RECURSIVE_DROP_DEPTH: u32 = 256;

thread_local! {
    static DROP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl Expr {
    /// Take the node's kind by value. `Expr` has a `Drop` impl (deep chains are freed
    /// iteratively), so its fields cannot be moved out by destructuring: use this.
    pub fn into_kind(mut self) -> ExprKind {
        std::mem::replace(&mut self.kind, Expr::placeholder())
    }

    /// A childless placeholder left behind when a node's contents are moved out.
    fn placeholder() -> ExprKind {
        ExprKind::Constant {
            value: Constant::None,
            kind: None,
        }
    }
}

impl Drop for Expr {
    fn drop(&mut self) {
        if matches!(self.kind, ExprKind::Name { .. } | ExprKind::Constant { .. }) {
            return;
        }
        let kind = std::mem::replace(&mut self.kind, Expr::placeholder());
        let depth = DROP_DEPTH.with(|d| d.get());
        if depth < RECURSIVE_DROP_DEPTH {
            DROP_DEPTH.with(|d| d.set(depth + 1));
            drop(kind);
            DROP_DEPTH.with(|d| d.set(depth));
            return;
        }
        // Too deep: move every child expression onto a work list and empty them there,
        // so each node is dropped with no expression children left in it.
        let mut work = Vec::new();
        let mut kind = kind;
        take_expr_children(&mut kind, &mut work);
        drop(kind);
        while let Some(mut e) = work.pop() {
            let mut k = std::mem::replace(&mut e.kind, Expr::placeholder());
            take_expr_children(&mut k, &mut work);
            drop(k);
        }
    }
}

/// Move the expressions directly inside `kind` (and inside its comprehensions,
/// keywords and arguments) into `out`, leaving placeholders behind.
fn take_expr_children(kind: &mut ExprKind, out: &mut Vec<Expr>) {
    fn take_box(b: &mut Box<Expr>, out: &mut Vec<Expr>) {
        let e = std::mem::replace(&mut b.kind, Expr::placeholder());
        out.push(Expr {
            kind: e,
            loc: b.loc,
        });
    }
    fn take_opt(b: &mut Option<Box<Expr>>, out: &mut Vec<Expr>) {
        if let Some(b) = b {
            take_box(b, out);
        }
    }
    fn take_inline(e: &mut Expr, out: &mut Vec<Expr>) {
        let kind = std::mem::replace(&mut e.kind, Expr::placeholder());
        out.push(Expr { kind, loc: e.loc });
    }
    fn take_comps(gens: &mut [Comprehension], out: &mut Vec<Expr>) {
        for g in gens.iter_mut() {
            take_inline(&mut g.target, out);
            take_inline(&mut g.iter, out);
            out.append(&mut g.ifs);
        }
    }
    match kind {
        ExprKind::BoolOp { values, .. } => out.append(values),
        ExprKind::NamedExpr { target, value } => {
            take_box(target, out);
            take_box(value, out);
        }
        ExprKind::BinOp { left, right, .. } => {
            take_box(left, out);
            take_box(right, out);
        }
        ExprKind::UnaryOp { operand, .. } => take_box(operand, out),
        ExprKind::Lambda { args, body } => {
            out.append(&mut args.defaults);
            out.extend(args.kw_defaults.drain(..).flatten());
            take_box(body, out);
        }
        ExprKind::IfExp { test, body, orelse } => {
            take_box(test, out);
            take_box(body, out);
            take_box(orelse, out);
        }
        ExprKind::Dict { keys, values } => {
            out.extend(keys.drain(..).flatten());
            out.append(values);
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            out.append(elts)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            take_box(elt, out);
            take_comps(generators, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            take_box(key, out);
            take_box(value, out);
            take_comps(generators, out);
        }
        ExprKind::Await { value }
        | ExprKind::YieldFrom { value }
        | ExprKind::Attribute { value, .. }
        | ExprKind::Starred { value, .. } => take_box(value, out),
        ExprKind::Yield { value } => take_opt(value, out),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            take_box(left, out);
            out.append(comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            take_box(func, out);
            out.append(args);
            for k in keywords.iter_mut() {
                let e = std::mem::replace(&mut k.value.kind, Expr::placeholder());
                out.push(Expr {
                    kind: e,
                    loc: k.value.loc,
                });
            }
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            take_box(value, out);
            take_opt(format_spec, out);
        }
        ExprKind::JoinedStr { values } => out.append(values),
        ExprKind::Subscript { value, slice, .. } => {
            take_box(value, out);
            take_box(slice, out);
        }
        ExprKind::Slice { lower, upper, step } => {
            take_opt(lower, out);
            take_opt(upper, out);
            take_opt(step, out);
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
    }
}

#[cfg(test)]
mod drop_tests {
    use super::*;

    fn leaf() -> Expr {
        Expr {
            kind: ExprKind::Name {
                id: "a".into(),
                ctx: ExprContext::Load,
            },
            loc: Location::default(),
        }
    }

    /// A million-deep left-nested chain (what `a+a+…+a` parses to) drops without
    /// overflowing a small thread stack.
    #[test]
    fn deep_chain_drops_iteratively() {
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let mut e = leaf();
                for _ in 0..1_000_000 {
                    e = Expr {
                        kind: ExprKind::BinOp {
                            left: Box::new(e),
                            op: Operator::Add,
                            right: Box::new(leaf()),
                        },
                        loc: Location::default(),
                    };
                }
                let mut a = leaf();
                for _ in 0..100_000 {
                    a = Expr {
                        kind: ExprKind::Call {
                            func: Box::new(a),
                            args: vec![leaf()],
                            keywords: vec![],
                        },
                        loc: Location::default(),
                    };
                }
                drop(e);
                drop(a);
            })
            .unwrap();
        assert!(handle.join().is_ok());
    }
}
