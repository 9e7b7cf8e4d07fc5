//! Python `ast` node objects back to the parser's AST (CPython's `PyAST_obj2mod`
//! and the `obj2ast_*` functions of `Python-ast.c`), for `compile(tree, ...)`.
//!
//! Fields are read in `_fields` order as the ASDL table lists them, with CPython's
//! errors: `required field "x" missing from Y`, `Y field "x" must be a list, not a
//! T`, `expected some sort of expr, but got ...`, `field 'x' is required for Y`,
//! `AST identifier must be of type str`, `invalid integer value: ...`. Positions
//! default as CPython's do: a missing `end_lineno`/`end_col_offset` is the start.
//! `None` inside statement and expression lists is refused here with the message
//! CPython's validator gives later ("None disallowed in ... list").

use std::rc::Rc;

use common::bigint::BigInt;
use syntax::ast::{
    Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, ExceptHandler, Expr,
    ExprContext, ExprKind, For, FunctionDef, Keyword, Location, MatchCase, Mod, Operator, Pattern,
    PatternKind, Stmt, StmtKind, Try, TypeIgnore, UnaryOp, With, WithItem,
};

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::object::Instance;
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::types::{builtin_types, is_subtype, type_name};
use crate::value::{IntRef, Value};
use crate::vm::Vm;

use super::asdl::Quantity;
use super::classes::{state, AstState};
use super::to_py::{boolop_name, cmpop_name, operator_name, unaryop_name};

/// Converts `obj` to the parser's AST for compile mode `mode`: `obj` must be a
/// `Module` (exec), `Expression` (eval), `Interactive` (single) or `FunctionType`
/// (func_type), else CPython's "expected Module node, got ...".
pub fn py_to_mod(vm: &mut Vm, obj: &Value, mode: syntax::Mode) -> PyResult<Mod> {
    let st = state(vm)?;
    let want = match mode {
        syntax::Mode::Eval => "Expression",
        syntax::Mode::Single => "Interactive",
        syntax::Mode::FuncType => "FunctionType",
        _ => "Module",
    };
    let row = st.id(want);
    let t = obj.type_ref();
    if !is_subtype(vm.token(), &t, &st.classes[row]) {
        return Err(PyErr::type_error(format!(
            "expected {want} node, got {}",
            type_name(vm.token(), &t)
        )));
    }
    // `obj2ast` counts against the recursion limit from the current depth
    // (measured on CPython 3.11.7: a module-level `compile(tree)` of an n-deep
    // unary chain fails from n = 997 with the default limit).
    let limit = vm.recursion_limit() as usize;
    let depth = vm.frames.len();
    let mut c = FromPy {
        vm,
        st,
        depth,
        limit,
    };
    c.module(obj, row)
}

struct FromPy<'a> {
    vm: &'a mut Vm,
    st: Rc<AstState>,
    depth: usize,
    limit: usize,
}

/// The raw field values of one node, in `_fields` order: a value (perhaps
/// `None`) for single and optional fields, the list's items for list fields.
struct Fields {
    row: usize,
    one: Vec<Value>,
    lists: Vec<Vec<Value>>,
}

impl Fields {
    fn get(&self, i: usize) -> Value {
        self.one.get(i).cloned().unwrap_or(Value::None)
    }

    fn list(&self, i: usize) -> &[Value] {
        self.lists.get(i).map_or(&[], Vec::as_slice)
    }
}

const OPERATORS: [Operator; 13] = [
    Operator::Add,
    Operator::Sub,
    Operator::Mult,
    Operator::MatMult,
    Operator::Div,
    Operator::Mod,
    Operator::Pow,
    Operator::LShift,
    Operator::RShift,
    Operator::BitOr,
    Operator::BitXor,
    Operator::BitAnd,
    Operator::FloorDiv,
];
const CMPOPS: [CmpOp; 10] = [
    CmpOp::Eq,
    CmpOp::NotEq,
    CmpOp::Lt,
    CmpOp::LtE,
    CmpOp::Gt,
    CmpOp::GtE,
    CmpOp::Is,
    CmpOp::IsNot,
    CmpOp::In,
    CmpOp::NotIn,
];
const UNARYOPS: [UnaryOp; 4] = [UnaryOp::Invert, UnaryOp::Not, UnaryOp::UAdd, UnaryOp::USub];
const BOOLOPS: [BoolOp; 2] = [BoolOp::And, BoolOp::Or];

fn str_text(v: &Value) -> Option<String> {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
}

impl FromPy<'_> {
    fn enter(&mut self, owner: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded while traversing '{owner}' node"),
            ));
        }
        Ok(())
    }

    /// Runs `f` one level deeper, as `obj2ast_<name>` counts itself.
    fn nested<T>(&mut self, name: &str, f: impl FnOnce(&mut Self) -> PyResult<T>) -> PyResult<T> {
        self.enter(name)?;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn type_name_of(&mut self, v: &Value) -> String {
        type_name(self.vm.token(), &v.type_ref())
    }

    /// `_PyObject_LookupAttr`: the attribute, or `None` when it is missing.
    fn lookup(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let Some(k) = name.as_obj() else {
            return Ok(None);
        };
        // Fast path: an instance of one of the node classes themselves keeps its
        // fields in its `__dict__`, and those classes have no descriptors for them.
        if self.st.row_of_class(&obj.type_ref()).is_some() {
            let found = obj
                .downcast::<Instance>()
                .and_then(|i| i.existing_dict(self.vm.token()))
                .and_then(|d| {
                    d.downcast::<Dict>()
                        .and_then(|d| d.get_str(self.vm.token(), name))
                });
            if found.is_some() {
                return Ok(found);
            }
        }
        match self.vm.getattr(obj, &k.clone()) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_kind(ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Reads the fields of `obj` as row `row` of the table describes them.
    fn fields(&mut self, obj: &Value, row: usize) -> PyResult<Fields> {
        let st = self.st.clone();
        let spec = &st.specs[row];
        let keys = st.keys(row);
        let mut out = Fields {
            row,
            one: Vec::with_capacity(spec.fields.len()),
            lists: Vec::new(),
        };
        for (i, f) in spec.fields.iter().enumerate() {
            let v = self.lookup(obj, &keys[i])?;
            match (f.quantity, v) {
                (Quantity::Optional, v) => out.one.push(v.unwrap_or(Value::None)),
                (_, None) => {
                    return Err(PyErr::type_error(format!(
                        "required field \"{}\" missing from {}",
                        f.name, spec.name
                    )))
                }
                (Quantity::One, Some(v)) => out.one.push(v),
                (Quantity::Sequence, Some(v)) => {
                    let Some(l) = v.downcast::<List>() else {
                        let t = self.type_name_of(&v);
                        return Err(PyErr::type_error(format!(
                            "{} field \"{}\" must be a list, not a {t}",
                            spec.name, f.name
                        )));
                    };
                    let items = l.to_vec(self.vm.token());
                    while out.lists.len() < i {
                        out.lists.push(Vec::new());
                    }
                    out.lists.push(items);
                    out.one.push(Value::None);
                }
            }
        }
        Ok(out)
    }

    fn field_name(&self, f: &Fields, i: usize) -> (&str, &str) {
        let spec = &self.st.specs[f.row];
        (
            spec.fields.get(i).map_or("", |x| x.name.as_str()),
            spec.name.as_str(),
        )
    }

    #[cold]
    fn required(&self, f: &Fields, i: usize) -> PyErr {
        let (field, owner) = self.field_name(f, i);
        PyErr::value_error(format!("field '{field}' is required for {owner}"))
    }

    /// Row of the constructor of sum `sum` that `obj` is an instance of, or
    /// CPython's "expected some sort of <sum>, but got <repr>".
    fn which(&mut self, obj: &Value, sum: &str) -> PyResult<usize> {
        let st = self.st.clone();
        let sum_row = st.id(sum);
        let t = obj.type_ref();
        if let Some(row) = st.row_of_class(&t) {
            if st.specs[row].base == Some(sum_row) {
                return Ok(row);
            }
        }
        for (i, spec) in st.specs.iter().enumerate() {
            if spec.base == Some(sum_row) && is_subtype(self.vm.token(), &t, &st.classes[i]) {
                return Ok(i);
            }
        }
        let r = self.vm.repr(obj)?;
        let r = str_text(&r).unwrap_or_default();
        Err(PyErr::type_error(format!(
            "expected some sort of {sum}, but got {r}"
        )))
    }

    /// An `int` attribute (CPython's `obj2ast_int`).
    fn int_value(&mut self, v: &Value) -> PyResult<i64> {
        match v.as_int() {
            Some(IntRef::Small(i)) => Ok(i),
            Some(IntRef::Big(_)) => Err(PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            )),
            None => {
                let r = self.vm.repr(v)?;
                Err(PyErr::value_error(format!(
                    "invalid integer value: {}",
                    str_text(&r).unwrap_or_default()
                )))
            }
        }
    }

    fn int_i32(&mut self, v: &Value) -> PyResult<i32> {
        let i = self.int_value(v)?;
        i32::try_from(i).map_err(|_| {
            PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            )
        })
    }

    /// The position attributes of `obj`, owned by row `owner` (`expr`, `stmt`, `arg`, ...).
    fn location(&mut self, obj: &Value, owner: usize) -> PyResult<Location> {
        let st = self.st.clone();
        let spec = &st.specs[owner];
        let nf = spec.fields.len();
        let keys = &st.keys(owner)[nf..];
        let mut vals = [0i32; 4];
        for (i, a) in spec.attributes.iter().enumerate().take(4) {
            let v = self.lookup(obj, &keys[i])?;
            let v = match (v, a.quantity) {
                (None, Quantity::Optional) | (Some(Value::None), Quantity::Optional) => {
                    // `end_lineno` / `end_col_offset` default to the start.
                    vals[i] = vals[i - 2.min(i)];
                    continue;
                }
                (None, _) => {
                    return Err(PyErr::type_error(format!(
                        "required field \"{}\" missing from {}",
                        a.name, spec.name
                    )))
                }
                (Some(v), _) => v,
            };
            vals[i] = self.int_i32(&v)?;
        }
        if matches!(spec.name.as_str(), "stmt" | "expr" | "pattern") {
            check_positions(vals)?;
        }
        let u = |x: i32| u32::try_from(x).unwrap_or(0);
        Ok(Location {
            lineno: u(vals[0]),
            col_offset: u(vals[1]),
            end_lineno: u(vals[2]),
            end_col_offset: u(vals[3]),
        })
    }

    // --- typed field readers -------------------------------------------------

    fn req_expr(&mut self, f: &Fields, i: usize) -> PyResult<Box<Expr>> {
        match self.expr(&f.get(i))? {
            Some(e) => Ok(Box::new(e)),
            None => Err(self.required(f, i)),
        }
    }

    fn opt_expr(&mut self, f: &Fields, i: usize) -> PyResult<Option<Box<Expr>>> {
        Ok(self.expr(&f.get(i))?.map(Box::new))
    }

    fn exprs(&mut self, f: &Fields, i: usize) -> PyResult<Vec<Expr>> {
        let items = f.list(i).to_vec();
        let mut out = Vec::with_capacity(items.len());
        for v in &items {
            match self.expr(v)? {
                Some(e) => out.push(e),
                None => return Err(PyErr::value_error("None disallowed in expression list")),
            }
        }
        Ok(out)
    }

    fn opt_exprs(&mut self, f: &Fields, i: usize) -> PyResult<Vec<Option<Expr>>> {
        let items = f.list(i).to_vec();
        let mut out = Vec::with_capacity(items.len());
        for v in &items {
            out.push(self.expr(v)?);
        }
        Ok(out)
    }

    fn stmts(&mut self, f: &Fields, i: usize) -> PyResult<Vec<Stmt>> {
        let items = f.list(i).to_vec();
        let mut out = Vec::with_capacity(items.len());
        for v in &items {
            match self.stmt(v)? {
                Some(s) => out.push(s),
                None => return Err(PyErr::value_error("None disallowed in statement list")),
            }
        }
        Ok(out)
    }

    fn identifier(&mut self, v: &Value) -> PyResult<Option<String>> {
        if v.is_none() {
            return Ok(None);
        }
        let t = v.type_ref();
        if !t.is(&builtin_types().str_) {
            return Err(PyErr::type_error("AST identifier must be of type str"));
        }
        Ok(str_text(v))
    }

    fn ident(&mut self, f: &Fields, i: usize) -> PyResult<String> {
        match self.identifier(&f.get(i))? {
            Some(s) => Ok(s),
            None => Err(self.required(f, i)),
        }
    }

    fn opt_ident(&mut self, f: &Fields, i: usize) -> PyResult<Option<String>> {
        self.identifier(&f.get(i))
    }

    fn idents(&mut self, f: &Fields, i: usize) -> PyResult<Vec<String>> {
        let items = f.list(i).to_vec();
        let mut out = Vec::with_capacity(items.len());
        for v in &items {
            match self.identifier(v)? {
                Some(s) => out.push(s),
                None => return Err(self.required(f, i)),
            }
        }
        Ok(out)
    }

    /// A `string` field (CPython's `obj2ast_string`: `str` or `bytes`).
    fn opt_string(&mut self, f: &Fields, i: usize) -> PyResult<Option<String>> {
        let v = f.get(i);
        if v.is_none() {
            return Ok(None);
        }
        match str_text(&v) {
            Some(s) => Ok(Some(s)),
            None => match crate::methods::bytes::bytes_of(self.vm.token(), &v) {
                Some(b) => Ok(Some(String::from_utf8_lossy(&b).into_owned())),
                None => Err(PyErr::type_error("AST string must be of type str")),
            },
        }
    }

    fn int(&mut self, f: &Fields, i: usize) -> PyResult<i64> {
        self.int_value(&f.get(i))
    }

    fn flag(&mut self, f: &Fields, i: usize) -> PyResult<bool> {
        Ok(self.int(f, i)? != 0)
    }

    fn constant(&mut self, f: &Fields, i: usize) -> PyResult<Constant> {
        let v = f.get(i);
        constant_from_py(self.vm, &v)
    }

    fn simple_sum(&mut self, v: &Value, sum: &str) -> PyResult<String> {
        let row = self.which(v, sum)?;
        Ok(self.st.specs[row].name.clone())
    }

    fn operator(&mut self, f: &Fields, i: usize) -> PyResult<Operator> {
        let n = self.simple_sum(&f.get(i), "operator")?;
        Ok(OPERATORS
            .into_iter()
            .find(|o| operator_name(*o) == n)
            .unwrap_or(Operator::Add))
    }

    fn unaryop(&mut self, f: &Fields, i: usize) -> PyResult<UnaryOp> {
        let n = self.simple_sum(&f.get(i), "unaryop")?;
        Ok(UNARYOPS
            .into_iter()
            .find(|o| unaryop_name(*o) == n)
            .unwrap_or(UnaryOp::Not))
    }

    fn boolop(&mut self, f: &Fields, i: usize) -> PyResult<BoolOp> {
        let n = self.simple_sum(&f.get(i), "boolop")?;
        Ok(BOOLOPS
            .into_iter()
            .find(|o| boolop_name(*o) == n)
            .unwrap_or(BoolOp::And))
    }

    fn cmpops(&mut self, f: &Fields, i: usize) -> PyResult<Vec<CmpOp>> {
        let items = f.list(i).to_vec();
        let mut out = Vec::with_capacity(items.len());
        for v in &items {
            let n = self.simple_sum(v, "cmpop")?;
            out.push(
                CMPOPS
                    .into_iter()
                    .find(|o| cmpop_name(*o) == n)
                    .unwrap_or(CmpOp::Eq),
            );
        }
        Ok(out)
    }

    fn ctx(&mut self, f: &Fields, i: usize) -> PyResult<ExprContext> {
        Ok(match self.simple_sum(&f.get(i), "expr_context")?.as_str() {
            "Store" => ExprContext::Store,
            "Del" => ExprContext::Del,
            _ => ExprContext::Load,
        })
    }

    // --- nodes ----------------------------------------------------------------

    fn module(&mut self, obj: &Value, row: usize) -> PyResult<Mod> {
        self.enter("mod")?;
        let f = self.fields(obj, row)?;
        Ok(match self.st.specs[row].name.as_str() {
            "Module" => {
                let body = self.stmts(&f, 0)?;
                let mut type_ignores = Vec::new();
                for v in f.list(1).to_vec() {
                    type_ignores.push(self.type_ignore(&v)?);
                }
                Mod::Module { body, type_ignores }
            }
            "Interactive" => Mod::Interactive {
                body: self.stmts(&f, 0)?,
            },
            "Expression" => Mod::Expression {
                body: self.req_expr(&f, 0)?,
            },
            _ => Mod::FunctionType {
                argtypes: self.exprs(&f, 0)?,
                returns: self.req_expr(&f, 1)?,
            },
        })
    }

    fn type_ignore(&mut self, v: &Value) -> PyResult<TypeIgnore> {
        let row = self.which(v, "type_ignore")?;
        let f = self.fields(v, row)?;
        let lineno = self.int(&f, 0)?;
        let tag = match self.opt_string(&f, 1)? {
            Some(t) => t,
            None => return Err(self.required(&f, 1)),
        };
        Ok(TypeIgnore {
            lineno: u32::try_from(lineno).unwrap_or(0),
            tag,
        })
    }

    fn stmt(&mut self, obj: &Value) -> PyResult<Option<Stmt>> {
        if obj.is_none() {
            return Ok(None);
        }
        let sum = self.st.id("stmt");
        let loc = self.location(obj, sum)?;
        let row = self.which(obj, "stmt")?;
        self.enter("stmt")?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_kind(obj, row));
        self.depth -= 1;
        Ok(Some(Stmt { kind: r?, loc }))
    }

    fn stmt_kind(&mut self, obj: &Value, row: usize) -> PyResult<StmtKind> {
        let f = self.fields(obj, row)?;
        let name = self.st.specs[row].name.clone();
        Ok(match name.as_str() {
            "FunctionDef" | "AsyncFunctionDef" => {
                let def = FunctionDef {
                    name: self.ident(&f, 0)?,
                    args: Box::new(self.req_arguments(&f, 1)?),
                    body: self.stmts(&f, 2)?,
                    decorator_list: self.exprs(&f, 3)?,
                    returns: self.opt_expr(&f, 4)?,
                    type_comment: self.opt_string(&f, 5)?,
                };
                if name == "FunctionDef" {
                    StmtKind::FunctionDef(def)
                } else {
                    StmtKind::AsyncFunctionDef(def)
                }
            }
            "ClassDef" => StmtKind::ClassDef(syntax::ast::ClassDef {
                name: self.ident(&f, 0)?,
                bases: self.exprs(&f, 1)?,
                keywords: self.keywords(&f, 2)?,
                body: self.stmts(&f, 3)?,
                decorator_list: self.exprs(&f, 4)?,
            }),
            "Return" => StmtKind::Return {
                value: self.opt_expr(&f, 0)?,
            },
            "Delete" => StmtKind::Delete {
                targets: self.exprs(&f, 0)?,
            },
            "Assign" => StmtKind::Assign {
                targets: self.exprs(&f, 0)?,
                value: self.req_expr(&f, 1)?,
                type_comment: self.opt_string(&f, 2)?,
            },
            "AugAssign" => StmtKind::AugAssign {
                target: self.req_expr(&f, 0)?,
                op: self.operator(&f, 1)?,
                value: self.req_expr(&f, 2)?,
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.req_expr(&f, 0)?,
                annotation: self.req_expr(&f, 1)?,
                value: self.opt_expr(&f, 2)?,
                simple: self.flag(&f, 3)?,
            },
            "For" | "AsyncFor" => {
                let x = For {
                    target: self.req_expr(&f, 0)?,
                    iter: self.req_expr(&f, 1)?,
                    body: self.stmts(&f, 2)?,
                    orelse: self.stmts(&f, 3)?,
                    type_comment: self.opt_string(&f, 4)?,
                };
                if name == "For" {
                    StmtKind::For(x)
                } else {
                    StmtKind::AsyncFor(x)
                }
            }
            "While" => StmtKind::While {
                test: self.req_expr(&f, 0)?,
                body: self.stmts(&f, 1)?,
                orelse: self.stmts(&f, 2)?,
            },
            "If" => StmtKind::If {
                test: self.req_expr(&f, 0)?,
                body: self.stmts(&f, 1)?,
                orelse: self.stmts(&f, 2)?,
            },
            "With" | "AsyncWith" => {
                let mut items = Vec::new();
                for v in f.list(0).to_vec() {
                    items.push(self.withitem(&v)?);
                }
                let w = With {
                    items,
                    body: self.stmts(&f, 1)?,
                    type_comment: self.opt_string(&f, 2)?,
                };
                if name == "With" {
                    StmtKind::With(w)
                } else {
                    StmtKind::AsyncWith(w)
                }
            }
            "Match" => {
                let subject = self.req_expr(&f, 0)?;
                let mut cases = Vec::new();
                for v in f.list(1).to_vec() {
                    cases.push(self.match_case(&v)?);
                }
                StmtKind::Match { subject, cases }
            }
            "Raise" => StmtKind::Raise {
                exc: self.opt_expr(&f, 0)?,
                cause: self.opt_expr(&f, 1)?,
            },
            "Try" | "TryStar" => {
                let body = self.stmts(&f, 0)?;
                let mut handlers = Vec::new();
                for v in f.list(1).to_vec() {
                    handlers.push(self.handler(&v)?);
                }
                let t = Try {
                    body,
                    handlers,
                    orelse: self.stmts(&f, 2)?,
                    finalbody: self.stmts(&f, 3)?,
                };
                if name == "Try" {
                    StmtKind::Try(t)
                } else {
                    StmtKind::TryStar(t)
                }
            }
            "Assert" => StmtKind::Assert {
                test: self.req_expr(&f, 0)?,
                msg: self.opt_expr(&f, 1)?,
            },
            "Import" => StmtKind::Import {
                names: self.aliases(&f, 0)?,
            },
            "ImportFrom" => {
                let module = self.opt_ident(&f, 0)?;
                let names = self.aliases(&f, 1)?;
                let level = match f.get(2) {
                    Value::None => 0,
                    v => self.int_i32(&v)?,
                };
                if level < 0 {
                    return Err(PyErr::value_error("Negative ImportFrom level"));
                }
                StmtKind::ImportFrom {
                    module,
                    names,
                    level: u32::try_from(level).unwrap_or(0),
                }
            }
            "Global" => StmtKind::Global {
                names: self.idents(&f, 0)?,
            },
            "Nonlocal" => StmtKind::Nonlocal {
                names: self.idents(&f, 0)?,
            },
            "Expr" => StmtKind::Expr {
                value: self.req_expr(&f, 0)?,
            },
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            _ => StmtKind::Pass,
        })
    }

    fn aliases(&mut self, f: &Fields, i: usize) -> PyResult<Vec<Alias>> {
        let row = self.st.id("alias");
        let mut out = Vec::new();
        for v in f.list(i).to_vec() {
            let g = self.fields(&v, row)?;
            let name = self.identifier(&g.get(0))?;
            let asname = self.opt_ident(&g, 1)?;
            let loc = self.location(&v, row)?;
            let Some(name) = name else {
                return Err(self.required(&g, 0));
            };
            out.push(Alias { name, asname, loc });
        }
        Ok(out)
    }

    fn keywords(&mut self, f: &Fields, i: usize) -> PyResult<Vec<Keyword>> {
        let row = self.st.id("keyword");
        let mut out = Vec::new();
        for v in f.list(i).to_vec() {
            // A product type: fields, then attributes, then the required checks.
            let g = self.fields(&v, row)?;
            let arg = self.opt_ident(&g, 0)?;
            let value = self.expr(&g.get(1))?;
            let loc = self.location(&v, row)?;
            let Some(value) = value else {
                return Err(self.required(&g, 1));
            };
            out.push(Keyword { arg, value, loc });
        }
        Ok(out)
    }

    fn withitem(&mut self, v: &Value) -> PyResult<WithItem> {
        self.nested("withitem", |c| c.withitem_inner(v))
    }

    fn withitem_inner(&mut self, v: &Value) -> PyResult<WithItem> {
        let row = self.st.id("withitem");
        let g = self.fields(v, row)?;
        Ok(WithItem {
            context_expr: *self.req_expr(&g, 0)?,
            optional_vars: self.opt_expr(&g, 1)?,
        })
    }

    fn match_case(&mut self, v: &Value) -> PyResult<MatchCase> {
        self.nested("match_case", |c| c.match_case_inner(v))
    }

    fn match_case_inner(&mut self, v: &Value) -> PyResult<MatchCase> {
        let row = self.st.id("match_case");
        let g = self.fields(v, row)?;
        let pattern = match self.pattern(&g.get(0))? {
            Some(p) => p,
            None => return Err(self.required(&g, 0)),
        };
        Ok(MatchCase {
            pattern,
            guard: self.opt_expr(&g, 1)?,
            body: self.stmts(&g, 2)?,
        })
    }

    fn handler(&mut self, v: &Value) -> PyResult<ExceptHandler> {
        self.nested("excepthandler", |c| c.handler_inner(v))
    }

    fn handler_inner(&mut self, v: &Value) -> PyResult<ExceptHandler> {
        let sum = self.st.id("excepthandler");
        let loc = self.location(v, sum)?;
        let row = self.which(v, "excepthandler")?;
        let g = self.fields(v, row)?;
        Ok(ExceptHandler {
            type_: self.opt_expr(&g, 0)?,
            name: self.opt_ident(&g, 1)?,
            body: self.stmts(&g, 2)?,
            loc,
        })
    }

    fn arg(&mut self, v: &Value) -> PyResult<Option<Arg>> {
        if v.is_none() {
            return Ok(None);
        }
        let row = self.st.id("arg");
        let g = self.fields(v, row)?;
        let arg = self.identifier(&g.get(0))?;
        let annotation = self.opt_expr(&g, 1)?;
        let type_comment = self.opt_string(&g, 2)?;
        let loc = self.location(v, row)?;
        let Some(arg) = arg else {
            return Err(self.required(&g, 0));
        };
        Ok(Some(Arg {
            arg,
            annotation,
            type_comment,
            loc,
        }))
    }

    fn arg_list(&mut self, f: &Fields, i: usize) -> PyResult<Vec<Arg>> {
        let mut out = Vec::new();
        for v in f.list(i).to_vec() {
            match self.arg(&v)? {
                Some(a) => out.push(a),
                None => return Err(self.required(f, i)),
            }
        }
        Ok(out)
    }

    fn req_arguments(&mut self, f: &Fields, i: usize) -> PyResult<Arguments> {
        let v = f.get(i);
        if v.is_none() {
            return Err(self.required(f, i));
        }
        self.arguments(&v)
    }

    fn arguments(&mut self, v: &Value) -> PyResult<Arguments> {
        self.nested("arguments", |c| c.arguments_inner(v))
    }

    fn arguments_inner(&mut self, v: &Value) -> PyResult<Arguments> {
        let row = self.st.id("arguments");
        let g = self.fields(v, row)?;
        Ok(Arguments {
            posonlyargs: self.arg_list(&g, 0)?,
            args: self.arg_list(&g, 1)?,
            vararg: self.arg(&g.get(2))?.map(Box::new),
            kwonlyargs: self.arg_list(&g, 3)?,
            kw_defaults: self.opt_exprs(&g, 4)?,
            kwarg: self.arg(&g.get(5))?.map(Box::new),
            defaults: self.exprs(&g, 6)?,
        })
    }

    fn comprehensions(&mut self, f: &Fields, i: usize) -> PyResult<Vec<Comprehension>> {
        let row = self.st.id("comprehension");
        let mut out = Vec::new();
        for v in f.list(i).to_vec() {
            let g = self.fields(&v, row)?;
            out.push(Comprehension {
                target: *self.req_expr(&g, 0)?,
                iter: *self.req_expr(&g, 1)?,
                ifs: self.exprs(&g, 2)?,
                is_async: self.flag(&g, 3)?,
            });
        }
        Ok(out)
    }

    fn expr(&mut self, obj: &Value) -> PyResult<Option<Expr>> {
        if obj.is_none() {
            return Ok(None);
        }
        let sum = self.st.id("expr");
        let loc = self.location(obj, sum)?;
        let row = self.which(obj, "expr")?;
        self.enter("expr")?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_kind(obj, row));
        self.depth -= 1;
        Ok(Some(Expr { kind: r?, loc }))
    }

    fn expr_kind(&mut self, obj: &Value, row: usize) -> PyResult<ExprKind> {
        let f = self.fields(obj, row)?;
        let name = self.st.specs[row].name.clone();
        Ok(match name.as_str() {
            "BoolOp" => ExprKind::BoolOp {
                op: self.boolop(&f, 0)?,
                values: self.exprs(&f, 1)?,
            },
            "NamedExpr" => ExprKind::NamedExpr {
                target: self.req_expr(&f, 0)?,
                value: self.req_expr(&f, 1)?,
            },
            "BinOp" => ExprKind::BinOp {
                left: self.req_expr(&f, 0)?,
                op: self.operator(&f, 1)?,
                right: self.req_expr(&f, 2)?,
            },
            "UnaryOp" => ExprKind::UnaryOp {
                op: self.unaryop(&f, 0)?,
                operand: self.req_expr(&f, 1)?,
            },
            "Lambda" => ExprKind::Lambda {
                args: Box::new(self.req_arguments(&f, 0)?),
                body: self.req_expr(&f, 1)?,
            },
            "IfExp" => ExprKind::IfExp {
                test: self.req_expr(&f, 0)?,
                body: self.req_expr(&f, 1)?,
                orelse: self.req_expr(&f, 2)?,
            },
            "Dict" => ExprKind::Dict {
                keys: self.opt_exprs(&f, 0)?,
                values: self.exprs(&f, 1)?,
            },
            "Set" => ExprKind::Set {
                elts: self.exprs(&f, 0)?,
            },
            "ListComp" => ExprKind::ListComp {
                elt: self.req_expr(&f, 0)?,
                generators: self.comprehensions(&f, 1)?,
            },
            "SetComp" => ExprKind::SetComp {
                elt: self.req_expr(&f, 0)?,
                generators: self.comprehensions(&f, 1)?,
            },
            "GeneratorExp" => ExprKind::GeneratorExp {
                elt: self.req_expr(&f, 0)?,
                generators: self.comprehensions(&f, 1)?,
            },
            "DictComp" => ExprKind::DictComp {
                key: self.req_expr(&f, 0)?,
                value: self.req_expr(&f, 1)?,
                generators: self.comprehensions(&f, 2)?,
            },
            "Await" => ExprKind::Await {
                value: self.req_expr(&f, 0)?,
            },
            "Yield" => ExprKind::Yield {
                value: self.opt_expr(&f, 0)?,
            },
            "YieldFrom" => ExprKind::YieldFrom {
                value: self.req_expr(&f, 0)?,
            },
            "Compare" => ExprKind::Compare {
                left: self.req_expr(&f, 0)?,
                ops: self.cmpops(&f, 1)?,
                comparators: self.exprs(&f, 2)?,
            },
            "Call" => ExprKind::Call {
                func: self.req_expr(&f, 0)?,
                args: self.exprs(&f, 1)?,
                keywords: self.keywords(&f, 2)?,
            },
            "FormattedValue" => ExprKind::FormattedValue {
                value: self.req_expr(&f, 0)?,
                conversion: self.int_i32(&f.get(1))?,
                format_spec: self.opt_expr(&f, 2)?,
            },
            "JoinedStr" => ExprKind::JoinedStr {
                values: self.exprs(&f, 0)?,
            },
            "Constant" => ExprKind::Constant {
                value: self.constant(&f, 0)?,
                kind: self.opt_string(&f, 1)?,
            },
            "Attribute" => ExprKind::Attribute {
                value: self.req_expr(&f, 0)?,
                attr: self.ident(&f, 1)?,
                ctx: self.ctx(&f, 2)?,
            },
            "Subscript" => ExprKind::Subscript {
                value: self.req_expr(&f, 0)?,
                slice: self.req_expr(&f, 1)?,
                ctx: self.ctx(&f, 2)?,
            },
            "Starred" => ExprKind::Starred {
                value: self.req_expr(&f, 0)?,
                ctx: self.ctx(&f, 1)?,
            },
            "Name" => ExprKind::Name {
                id: self.ident(&f, 0)?,
                ctx: self.ctx(&f, 1)?,
            },
            "List" => ExprKind::List {
                elts: self.exprs(&f, 0)?,
                ctx: self.ctx(&f, 1)?,
            },
            "Tuple" => ExprKind::Tuple {
                elts: self.exprs(&f, 0)?,
                ctx: self.ctx(&f, 1)?,
            },
            _ => ExprKind::Slice {
                lower: self.opt_expr(&f, 0)?,
                upper: self.opt_expr(&f, 1)?,
                step: self.opt_expr(&f, 2)?,
            },
        })
    }

    fn patterns(&mut self, f: &Fields, i: usize) -> PyResult<Vec<Pattern>> {
        let mut out = Vec::new();
        for v in f.list(i).to_vec() {
            match self.pattern(&v)? {
                Some(p) => out.push(p),
                None => return Err(self.required(f, i)),
            }
        }
        Ok(out)
    }

    fn pattern(&mut self, obj: &Value) -> PyResult<Option<Pattern>> {
        if obj.is_none() {
            return Ok(None);
        }
        let sum = self.st.id("pattern");
        let loc = self.location(obj, sum)?;
        let row = self.which(obj, "pattern")?;
        self.enter("pattern")?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.pattern_kind(obj, row));
        self.depth -= 1;
        Ok(Some(Pattern { kind: r?, loc }))
    }

    fn pattern_kind(&mut self, obj: &Value, row: usize) -> PyResult<PatternKind> {
        let f = self.fields(obj, row)?;
        let name = self.st.specs[row].name.clone();
        Ok(match name.as_str() {
            "MatchValue" => PatternKind::MatchValue {
                value: self.req_expr(&f, 0)?,
            },
            "MatchSingleton" => PatternKind::MatchSingleton {
                value: self.constant(&f, 0)?,
            },
            "MatchSequence" => PatternKind::MatchSequence {
                patterns: self.patterns(&f, 0)?,
            },
            "MatchMapping" => PatternKind::MatchMapping {
                keys: self.exprs(&f, 0)?,
                patterns: self.patterns(&f, 1)?,
                rest: self.opt_ident(&f, 2)?,
            },
            "MatchClass" => PatternKind::MatchClass {
                cls: self.req_expr(&f, 0)?,
                patterns: self.patterns(&f, 1)?,
                kwd_attrs: self.idents(&f, 2)?,
                kwd_patterns: self.patterns(&f, 3)?,
            },
            "MatchStar" => PatternKind::MatchStar {
                name: self.opt_ident(&f, 0)?,
            },
            "MatchAs" => PatternKind::MatchAs {
                pattern: self.pattern(&f.get(0))?.map(Box::new),
                name: self.opt_ident(&f, 1)?,
            },
            _ => PatternKind::MatchOr {
                patterns: self.patterns(&f, 0)?,
            },
        })
    }
}

/// `VALIDATE_POSITIONS` of CPython's validator, for statements, expressions and
/// patterns: `[lineno, col_offset, end_lineno, end_col_offset]` must be a range.
fn check_positions(v: [i32; 4]) -> PyResult<()> {
    let [line, col, end_line, end_col] = v;
    if line > end_line {
        return Err(PyErr::value_error(format!(
            "AST node line range ({line}, {end_line}) is not valid"
        )));
    }
    if (line < 0 && end_line != line) || (col < 0 && col != end_col) {
        return Err(PyErr::value_error(format!(
            "AST node column range ({col}, {end_col}) for line range ({line}, {end_line}) is not valid"
        )));
    }
    if line == end_line && col > end_col {
        return Err(PyErr::value_error(format!(
            "line {line}, column {col}-{end_col} is not a valid range"
        )));
    }
    Ok(())
}

/// A `Constant` node's value as the parser's constant: `None`, `...`, `bool`,
/// `int`, `float`, `complex`, `str`, `bytes`, and tuples and frozensets of them,
/// exact types only (CPython's `validate_constant`); anything else is "got an
/// invalid type in Constant: T".
pub fn constant_from_py(vm: &mut Vm, v: &Value) -> PyResult<Constant> {
    constant_from_py_depth(vm, v, 0)
}

fn constant_from_py_depth(vm: &mut Vm, v: &Value, depth: usize) -> PyResult<Constant> {
    let bt = builtin_types();
    let t = v.type_ref();
    let invalid = |vm: &mut Vm| {
        PyErr::type_error(format!(
            "got an invalid type in Constant: {}",
            type_name(vm.token(), &t)
        ))
    };
    if depth > 200 {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
        ));
    }
    Ok(match v {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(i) => Constant::Int(BigInt::from(*i)),
        Value::Float(f) => Constant::Float(*f),
        Value::Obj(o) => {
            if o.is(&crate::rt_types::rt().ellipsis) {
                Constant::Ellipsis
            } else if t.is(&bt.int) {
                match v.as_int() {
                    Some(IntRef::Big(b)) => Constant::Int(b.clone()),
                    Some(IntRef::Small(i)) => Constant::Int(BigInt::from(i)),
                    None => return Err(invalid(vm)),
                }
            } else if t.is(&bt.float) {
                return Err(invalid(vm));
            } else if t.is(&bt.str_) {
                match o.downcast::<StrObj>() {
                    Some(s) => Constant::Str(s.text().clone()),
                    None => return Err(invalid(vm)),
                }
            } else if let Some(c) = o
                .downcast::<crate::methods::complex::ComplexObj>()
                .filter(|_| crate::methods::complex::complex_type().is_some_and(|ct| t.is(&ct)))
            {
                Constant::Complex {
                    real: c.re,
                    imag: c.im,
                }
            } else if t.is(&crate::methods::bytes::new_bytes(Vec::new(), false).type_ref()) {
                match crate::methods::bytes::bytes_of(vm.token(), v) {
                    Some(b) => Constant::Bytes(b),
                    None => return Err(invalid(vm)),
                }
            } else if t.is(&bt.tuple) {
                let items = o
                    .downcast::<Tuple>()
                    .map(|tu| tu.items(vm.token()).to_vec())
                    .unwrap_or_default();
                let mut out = Vec::with_capacity(items.len());
                for i in &items {
                    out.push(constant_from_py_depth(vm, i, depth + 1)?);
                }
                Constant::Tuple(out)
            } else if crate::methods::frozenset::frozenset_type().is_some_and(|ft| t.is(&ft)) {
                let items = vm.sequence_to_vec(v)?;
                let mut out = Vec::with_capacity(items.len());
                for i in &items {
                    out.push(constant_from_py_depth(vm, i, depth + 1)?);
                }
                Constant::FrozenSet(out)
            } else {
                return Err(invalid(vm));
            }
        }
    })
}
