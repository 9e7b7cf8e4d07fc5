//! First pass of the symbol table: walk the AST and record, per block, the raw facts
//! about each name (CPython's `symtable_visit_*` functions). The visiting order is
//! CPython's, so children, symbols and the first error found are the same.

use std::collections::HashMap;

use syntax::ast::{
    self, Alias, Arg, Arguments, Comprehension, ExceptHandler, Expr, ExprContext, ExprKind,
    Location, Mod, Pattern, PatternKind, Stmt, StmtKind,
};
use syntax::{SyntaxError, SyntaxErrorType};

use super::{
    expr_key, mangle, stmt_key, BlockType, BuildOptions, ComprehensionType, EntryId, SymbolTable,
    SymbolTableEntry, SymtableError, DEF_ANNOT, DEF_COMP_ITER, DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL,
    DEF_NONLOCAL, DEF_PARAM, USE,
};
use crate::future::{FutureFeatures, CO_FUTURE_ANNOTATIONS};

/// A `SyntaxError` at `loc` as `PyErr_RangedSyntaxLocationObject(filename, lineno,
/// col_offset + 1, end_lineno, end_col_offset + 1)` makes it.
#[cold]
#[inline(never)]
pub(super) fn syntax_error(filename: &str, msg: String, loc: Location) -> Box<SymtableError> {
    Box::new(SymtableError::Syntax(SyntaxError {
        error_type: SyntaxErrorType::SyntaxError,
        msg,
        filename: filename.to_owned(),
        lineno: Some(loc.lineno as i32),
        offset: Some((loc.col_offset + 1) as i32),
        end_lineno: Some(loc.end_lineno as i32),
        end_offset: Some((loc.end_col_offset + 1) as i32),
        text: None,
    }))
}

/// Errors are boxed inside the passes so that every recursive frame stays small.
type Res = Result<(), Box<SymtableError>>;

struct Builder<'a> {
    filename: &'a str,
    entries: Vec<SymbolTableEntry>,
    blocks: HashMap<usize, EntryId>,
    /// Blocks being visited, innermost last (`st_stack`; `st_cur` is the last).
    stack: Vec<EntryId>,
    /// Name of the innermost enclosing class, for mangling (`st_private`).
    private: Option<&'a str>,
    future_annotations: bool,
    depth: u32,
    limit: u32,
}

/// Run the first pass over `module` (`_PySymtable_Build` up to `symtable_analyze`).
pub(super) fn build(
    module: &Mod,
    filename: &str,
    future: &FutureFeatures,
    options: BuildOptions,
) -> Result<SymbolTable, Box<SymtableError>> {
    let mut b = Builder {
        filename,
        entries: Vec::new(),
        blocks: HashMap::new(),
        stack: Vec::new(),
        private: None,
        future_annotations: future.features & CO_FUTURE_ANNOTATIONS != 0,
        depth: 0,
        limit: options.recursion_limit,
    };
    b.enter_block(
        "top".to_owned(),
        BlockType::Module,
        None,
        Location::default(),
    );
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => {
            for s in body {
                b.visit_stmt(s)?;
            }
        }
        Mod::Expression { body } => b.visit_expr(body)?,
        Mod::FunctionType { .. } => {
            return Err(Box::new(SymtableError::Runtime(
                "this compiler does not handle FunctionTypes".to_owned(),
            )))
        }
    }
    b.exit_block();
    Ok(SymbolTable {
        entries: b.entries,
        blocks: b.blocks,
    })
}

impl<'a> Builder<'a> {
    fn cur(&self) -> EntryId {
        self.stack[self.stack.len() - 1]
    }

    fn cur_entry(&mut self) -> &mut SymbolTableEntry {
        let id = self.cur();
        &mut self.entries[id]
    }

    #[cold]
    #[inline(never)]
    fn error(&self, msg: String, loc: Location) -> Box<SymtableError> {
        syntax_error(self.filename, msg, loc)
    }

    /// `symtable_enter_block`.
    fn enter_block(
        &mut self,
        name: String,
        block_type: BlockType,
        key: Option<usize>,
        loc: Location,
    ) {
        let id = self.entries.len();
        let mut ste = SymbolTableEntry::new(name, block_type, loc);
        if let Some(&prev) = self.stack.last() {
            let p = &self.entries[prev];
            ste.nested = p.nested || p.block_type == BlockType::Function;
            // bpo-37757: no assignment expression anywhere in the outermost iterable
            // of a comprehension, even inside a nested lambda or comprehension.
            ste.comp_iter_expr = p.comp_iter_expr;
            if block_type != BlockType::Annotation {
                ste.parent = Some(prev);
            }
        }
        self.entries.push(ste);
        if let Some(key) = key {
            self.blocks.insert(key, id);
        }
        if block_type != BlockType::Annotation {
            if let Some(&prev) = self.stack.last() {
                self.entries[prev].children.push(id);
            }
        }
        self.stack.push(id);
    }

    /// `symtable_exit_block`.
    fn exit_block(&mut self) {
        self.stack.pop();
    }

    fn enter_depth(&mut self) -> Res {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(Box::new(SymtableError::Recursion));
        }
        Ok(())
    }

    /// `symtable_add_def_helper`: add `flag` to `name` (mangled here) in block `ste`.
    fn add_def_in(&mut self, name: &str, flag: u32, ste: EntryId, loc: Location) -> Res {
        let mangled = mangle(self.private, name);
        let entry = &self.entries[ste];
        let mut val = entry.flags(&mangled);
        if entry.index.contains_key(mangled.as_ref()) {
            if flag & DEF_PARAM != 0 && val & DEF_PARAM != 0 {
                return Err(self.error(
                    format!("duplicate argument '{name}' in function definition"),
                    loc,
                ));
            }
            val |= flag;
        } else {
            val = flag;
        }
        if entry.comp_iter_target {
            // An iteration variable of a comprehension: it may not also be a walrus
            // target lifted out of this comprehension.
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.error(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let mangled = mangled.into_owned();
        let entry = &mut self.entries[ste];
        entry.set_flags(&mangled, val);
        if flag & DEF_PARAM != 0 {
            entry.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            // The module's symbols double as CPython's `st_global`.
            let top = &mut self.entries[SymbolTable::TOP];
            let g = top.flags(&mangled) | flag;
            top.set_flags(&mangled, g);
        }
        Ok(())
    }

    /// `symtable_add_def`: in the current block.
    fn add_def(&mut self, name: &str, flag: u32, loc: Location) -> Res {
        let cur = self.cur();
        self.add_def_in(name, flag, cur, loc)
    }

    /// `symtable_lookup`: the current flags of `name` in the current block.
    fn lookup(&self, name: &str) -> u32 {
        self.entries[self.cur()].flags(&mangle(self.private, name))
    }

    /// `symtable_record_directive`.
    fn record_directive(&mut self, name: &str, loc: Location) {
        let mangled = mangle(self.private, name).into_owned();
        self.cur_entry().directives.push((mangled, loc));
    }

    fn visit_stmts(&mut self, stmts: &'a [Stmt]) -> Res {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, exprs: &'a [Expr]) -> Res {
        for e in exprs {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_opt_expr(&mut self, expr: &'a Option<Box<Expr>>) -> Res {
        match expr {
            Some(e) => self.visit_expr(e),
            None => Ok(()),
        }
    }

    /// `symtable_visit_stmt`.
    fn visit_stmt(&mut self, s: &'a Stmt) -> Res {
        self.enter_depth()?;
        self.visit_stmt_kind(s)?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_stmt_kind(&mut self, s: &'a Stmt) -> Res {
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let is_async = matches!(s.kind, StmtKind::AsyncFunctionDef(_));
                self.visit_function_def(s, f, is_async)?;
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.loc)?;
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(&c.decorator_list)?;
                self.enter_block(c.name.clone(), BlockType::Class, Some(stmt_key(s)), s.loc);
                let saved = self.private.replace(&c.name);
                let r = self.visit_stmts(&c.body);
                self.private = saved;
                r?;
                self.exit_block();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur_entry().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    let is_module = self.cur() == SymbolTable::TOP;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_module && *simple {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(
                            self.error(format!("annotated name '{id}' can't be {what}"), s.loc)
                        );
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_annotation(annotation)?;
                self.visit_opt_expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_stmts(&f.body)?;
                self.visit_stmts(&f.orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt_expr(&case.guard)?;
                    self.visit_stmts(&case.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.visit_opt_expr(exc)?;
                self.visit_opt_expr(cause)?;
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.visit_stmts(&t.body)?;
                self.visit_stmts(&t.orelse)?;
                for h in &t.handlers {
                    self.visit_excepthandler(h)?;
                }
                self.visit_stmts(&t.finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                self.visit_opt_expr(msg)?;
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    self.visit_declaration(s, name, true)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    self.visit_declaration(s, name, false)?;
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    self.visit_opt_expr(&item.optional_vars)?;
                }
                self.visit_stmts(&w.body)?;
            }
        }
        Ok(())
    }

    /// The `FunctionDef_kind` / `AsyncFunctionDef_kind` cases.
    fn visit_function_def(&mut self, s: &'a Stmt, f: &'a ast::FunctionDef, is_async: bool) -> Res {
        self.add_def(&f.name, DEF_LOCAL, s.loc)?;
        self.visit_exprs(&f.args.defaults)?;
        for d in f.args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        self.visit_annotations(s, &f.args, f.returns.as_deref())?;
        self.visit_exprs(&f.decorator_list)?;
        self.enter_block(
            f.name.clone(),
            BlockType::Function,
            Some(stmt_key(s)),
            s.loc,
        );
        if is_async {
            self.cur_entry().coroutine = true;
        }
        self.visit_arguments(&f.args)?;
        self.visit_stmts(&f.body)?;
        self.exit_block();
        Ok(())
    }

    /// The `Global_kind` / `Nonlocal_kind` cases, for one name.
    fn visit_declaration(&mut self, s: &Stmt, name: &str, global: bool) -> Res {
        let cur = self.lookup(name);
        if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
            let what = if global { "global" } else { "nonlocal" };
            let msg = if cur & DEF_PARAM != 0 {
                format!("name '{name}' is parameter and {what}")
            } else if cur & USE != 0 {
                format!("name '{name}' is used prior to {what} declaration")
            } else if cur & DEF_ANNOT != 0 {
                format!("annotated name '{name}' can't be {what}")
            } else {
                format!("name '{name}' is assigned to before {what} declaration")
            };
            return Err(self.error(msg, s.loc));
        }
        let flag = if global { DEF_GLOBAL } else { DEF_NONLOCAL };
        self.add_def(name, flag, s.loc)?;
        self.record_directive(name, s.loc);
        Ok(())
    }

    /// `symtable_visit_expr`.
    fn visit_expr(&mut self, e: &'a Expr) -> Res {
        self.enter_depth()?;
        self.visit_expr_kind(e)?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_expr_kind(&mut self, e: &'a Expr) -> Res {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                self.visit_namedexpr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.visit_expr(d)?;
                }
                self.enter_block(
                    "lambda".to_owned(),
                    BlockType::Function,
                    Some(expr_key(e)),
                    e.loc,
                );
                self.visit_arguments(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => self.visit_comprehension(
                e,
                "genexpr",
                ComprehensionType::Generator,
                generators,
                elt,
                None,
            )?,
            ExprKind::ListComp { elt, generators } => self.visit_comprehension(
                e,
                "listcomp",
                ComprehensionType::List,
                generators,
                elt,
                None,
            )?,
            ExprKind::SetComp { elt, generators } => self.visit_comprehension(
                e,
                "setcomp",
                ComprehensionType::Set,
                generators,
                elt,
                None,
            )?,
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(
                e,
                "dictcomp",
                ComprehensionType::Dict,
                generators,
                key,
                Some(value),
            )?,
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_opt_expr(value)?;
                self.visit_yield(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(value)?;
                self.visit_yield(e)?;
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", e)?;
                self.visit_expr(value)?;
                self.cur_entry().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                self.visit_opt_expr(format_spec)?;
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                self.visit_opt_expr(lower)?;
                self.visit_opt_expr(upper)?;
                self.visit_opt_expr(step)?;
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, e.loc)?;
                // `super` in a function counts as a use of `__class__`.
                if *ctx == ExprContext::Load
                    && self.entries[self.cur()].block_type == BlockType::Function
                    && id == "super"
                {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    /// The end of the `Yield_kind` / `YieldFrom_kind` cases: mark the generator, and
    /// reject `yield` in a comprehension (`symtable_raise_if_comprehension_block`).
    fn visit_yield(&mut self, e: &Expr) -> Res {
        let cur = self.cur_entry();
        cur.generator = true;
        if let Some(kind) = cur.comprehension {
            let what = match kind {
                ComprehensionType::List => "list comprehension",
                ComprehensionType::Set => "set comprehension",
                ComprehensionType::Dict => "dict comprehension",
                ComprehensionType::Generator => "generator expression",
            };
            return Err(self.error(format!("'yield' inside {what}"), e.loc));
        }
        Ok(())
    }

    /// `symtable_raise_if_annotation_block`.
    fn raise_if_annotation_block(&self, what: &str, e: &Expr) -> Res {
        if self.entries[self.cur()].block_type == BlockType::Annotation {
            return Err(self.error(
                format!("'{what}' can not be used within an annotation"),
                e.loc,
            ));
        }
        Ok(())
    }

    /// `symtable_handle_namedexpr`.
    fn visit_namedexpr(&mut self, e: &Expr, target: &'a Expr, value: &'a Expr) -> Res {
        if self.entries[self.cur()].comp_iter_expr > 0 {
            return Err(self.error(
                "assignment expression cannot be used in a comprehension iterable expression"
                    .to_owned(),
                e.loc,
            ));
        }
        if self.entries[self.cur()].comprehension.is_some() {
            self.extend_namedexpr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// `symtable_extend_namedexpr_scope`: a walrus in a comprehension binds in the
    /// nearest enclosing function (as `nonlocal`) or module (as `global`).
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> Res {
        let ExprKind::Name { id: name, .. } = &target.kind else {
            // The parser only allows a name as a walrus target.
            return Ok(());
        };
        let loc = target.loc;
        for i in (0..self.stack.len()).rev() {
            let ste = self.stack[i];
            let entry = &self.entries[ste];
            if entry.comprehension.is_some() {
                if entry.flags(name) & DEF_COMP_ITER != 0 {
                    return Err(self.error(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        loc,
                    ));
                }
                continue;
            }
            match entry.block_type {
                BlockType::Function => {
                    let flag = if entry.flags(name) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, loc)?;
                    self.record_directive(name, loc);
                    return self.add_def_in(name, DEF_LOCAL, ste, loc);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, loc)?;
                    self.record_directive(name, loc);
                    return self.add_def_in(name, DEF_GLOBAL, ste, loc);
                }
                BlockType::Class => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .to_owned(),
                        loc,
                    ));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`: the outermost iterable is evaluated in the
    /// enclosing block; the rest is a new function block taking it as `.0`.
    fn visit_comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        kind: ComprehensionType,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Res {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.cur_entry().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_entry().comp_iter_expr -= 1;
        self.enter_block(
            name.to_owned(),
            BlockType::Function,
            Some(expr_key(e)),
            e.loc,
        );
        let cur = self.cur_entry();
        cur.comprehension = Some(kind);
        if outermost.is_async {
            cur.coroutine = true;
        }
        // The outermost iterator is received as the argument `.0`.
        let loc = cur.loc;
        self.add_def(".0", DEF_PARAM, loc)?;
        self.cur_entry().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur_entry().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur_entry().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur_entry().comp_iter_target = false;
            self.cur_entry().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur_entry().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur_entry().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == ComprehensionType::Generator;
        let cur = self.cur_entry();
        cur.generator = is_generator;
        // An async list/set/dict comprehension makes the enclosing block a coroutine.
        let is_async = cur.coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.cur_entry().coroutine = true;
        }
        Ok(())
    }

    /// `symtable_visit_arguments`: parameters in `co_varnames` order.
    fn visit_arguments(&mut self, a: &'a Arguments) -> Res {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
        }
        if let Some(arg) = &a.vararg {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
            self.cur_entry().varargs = true;
        }
        if let Some(arg) = &a.kwarg {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
            self.cur_entry().varkeywords = true;
        }
        Ok(())
    }

    /// `symtable_visit_annotation`: one annotation, in its own annotation block under
    /// `from __future__ import annotations`.
    fn visit_annotation(&mut self, annotation: &'a Expr) -> Res {
        if self.future_annotations {
            self.enter_block(
                "_annotation".to_owned(),
                BlockType::Annotation,
                None,
                annotation.loc,
            );
            self.visit_expr(annotation)?;
            self.exit_block();
            Ok(())
        } else {
            self.visit_expr(annotation)
        }
    }

    /// `symtable_visit_annotations`: a function's parameter annotations (positional-only,
    /// positional, `*args`, `**kwargs`, keyword-only), then its return annotation.
    fn visit_annotations(&mut self, s: &Stmt, a: &'a Arguments, returns: Option<&'a Expr>) -> Res {
        if self.future_annotations {
            self.enter_block("_annotation".to_owned(), BlockType::Annotation, None, s.loc);
        }
        let args = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(a.vararg.as_deref())
            .chain(a.kwarg.as_deref())
            .chain(&a.kwonlyargs);
        for arg in args {
            self.visit_arg_annotation(arg)?;
        }
        if self.future_annotations {
            self.exit_block();
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_arg_annotation(&mut self, arg: &'a Arg) -> Res {
        match &arg.annotation {
            Some(ann) => self.visit_expr(ann),
            None => Ok(()),
        }
    }

    /// `symtable_visit_excepthandler`.
    fn visit_excepthandler(&mut self, h: &'a ExceptHandler) -> Res {
        self.visit_opt_expr(&h.type_)?;
        if let Some(name) = &h.name {
            self.add_def(name, DEF_LOCAL, h.loc)?;
        }
        self.visit_stmts(&h.body)
    }

    /// `symtable_visit_alias`: an import binds the first component of a dotted name
    /// (or the `as` name); `import *` is only allowed in a module block.
    fn visit_alias(&mut self, a: &Alias) -> Res {
        let name = a.asname.as_deref().unwrap_or(&a.name);
        if name == "*" {
            if self.entries[self.cur()].block_type != BlockType::Module {
                return Err(self.error("import * only allowed at module level".to_owned(), a.loc));
            }
            return Ok(());
        }
        let store_name = name.split('.').next().unwrap_or(name);
        self.add_def(store_name, DEF_IMPORT, a.loc)
    }

    /// `symtable_visit_pattern`.
    fn visit_pattern(&mut self, p: &'a Pattern) -> Res {
        self.enter_depth()?;
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                for q in patterns {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = rest {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }
}
