//! The symbol table: CPython 3.11's `Python/symtable.c`, the pass between the AST and
//! code generation.
//!
//! It works in two passes, as CPython's does:
//!
//! 1. [`builder`] walks the AST and records raw facts per block (module, class,
//!    function, lambda, comprehension): which names are bound, used, declared
//!    `global`/`nonlocal`, are parameters, imported, annotated, or comprehension
//!    iteration variables ([`DEF_GLOBAL`] … [`DEF_COMP_ITER`]). It raises the errors
//!    `symtable.c` raises while visiting (duplicate arguments, `global` after use,
//!    `import *` in a function, `yield` in a comprehension, the walrus rules …).
//! 2. [`analysis`] resolves every name to a [`Scope`] (`LOCAL`, `GLOBAL_EXPLICIT`,
//!    `GLOBAL_IMPLICIT`, `FREE`, `CELL`), propagating free variables up through
//!    nested functions, applying the class rules (class bindings are invisible to
//!    methods; `__class__` is an implicit cell of the class when a method uses
//!    `super` or `__class__`), and raises the `nonlocal` errors.
//!
//! The result is a [`SymbolTable`]: a tree of [`SymbolTableEntry`] blocks. Flags are
//! stored exactly as CPython stores them in `ste_symbols` (definition bits, plus the
//! resolved scope shifted left by [`SCOPE_OFFSET`]), so `dump` output can be compared
//! with python3's `symtable` module (`tests/scripts/symtable_dump.py`).
//!
//! The code generator finds the block of a function, class, lambda or comprehension
//! node with [`SymbolTable::lookup_stmt`] / [`SymbolTable::lookup_expr`], which key on
//! the node's address as CPython keys `st_blocks` on the AST pointer: look up with
//! references into the same AST that was given to [`SymbolTable::build`].
//!
//! Comprehensions are not inlined (that is 3.12's PEP 709): each is its own function
//! block taking the outermost iterator as the implicit parameter `.0`.
//!
//! ## Errors
//!
//! Raised here, with CPython's messages and positions (all checked against python3
//! by `crates/compiler/tests/symtable_diff.rs`): duplicate arguments; `global` /
//! `nonlocal` after a parameter, use, assignment or annotation; annotated names
//! declared `global`/`nonlocal`; `nonlocal` and `global` together; `nonlocal` at
//! module level or without a binding; `import *` outside the module; `yield` in a
//! comprehension or generator expression; the four walrus-in-comprehension errors;
//! `yield`, `await` and `:=` inside annotations under `from __future__ import
//! annotations`; and `RecursionError` for too-deep nesting ([`SymtableError`]).
//!
//! Left to the code generator, as in CPython's `compile.c`: `'return' outside
//! function`, `'yield' outside function`, `'await' outside function` /
//! `outside async function`, `asynchronous comprehension outside of an asynchronous
//! function`, `'yield from' inside async function`, `'return' with value in async
//! generator`, `'break' outside loop`, `'continue' not properly in loop`, the
//! starred-assignment and pattern-matching errors, a late `from __future__` import
//! ([`crate::future::late_future_import_error`]), and the `SyntaxWarning`s.

mod analysis;
mod builder;
pub mod dump;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;

use syntax::ast;
use syntax::SyntaxError;

use crate::future::FutureFeatures;

/// Name declared `global` in the block (`DEF_GLOBAL`).
pub const DEF_GLOBAL: u32 = 1;
/// Name bound in the block: assigned, deleted, a `for`/`with`/`except` target, a
/// `def`/`class` name, a match capture (`DEF_LOCAL`).
pub const DEF_LOCAL: u32 = 2;
/// Name is a formal parameter (`DEF_PARAM`).
pub const DEF_PARAM: u32 = 4;
/// Name declared `nonlocal` in the block (`DEF_NONLOCAL`).
pub const DEF_NONLOCAL: u32 = 8;
/// Name is read in the block (`USE`).
pub const USE: u32 = 16;
/// Name used but not defined in a nested block (`DEF_FREE`; CPython 3.11 never sets
/// it, it is kept for the flag layout).
pub const DEF_FREE: u32 = 32;
/// A class binds a name that is also free in one of its methods (`DEF_FREE_CLASS`).
pub const DEF_FREE_CLASS: u32 = 64;
/// Name bound by an `import` (`DEF_IMPORT`).
pub const DEF_IMPORT: u32 = 128;
/// Name annotated with a simple-target annotated assignment (`DEF_ANNOT`).
pub const DEF_ANNOT: u32 = 256;
/// Name is an iteration variable of a comprehension (`DEF_COMP_ITER`).
pub const DEF_COMP_ITER: u32 = 512;
/// The flags that make a name a binding of the block (`DEF_BOUND`).
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
/// Where the resolved [`Scope`] is stored in a symbol's flags (`SCOPE_OFFSET`).
pub const SCOPE_OFFSET: u32 = 11;
/// Mask of the scope after shifting by [`SCOPE_OFFSET`] (`SCOPE_MASK`).
pub const SCOPE_MASK: u32 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/// The default compile-time recursion bound: CPython 3.11 allows
/// `COMPILER_STACK_FRAME_SCALE` (3) times the recursion limit (1000) of nested
/// statements, expressions and patterns before raising
/// `RecursionError: maximum recursion depth exceeded during compilation`.
pub const DEFAULT_RECURSION_LIMIT: u32 = 3000;

/// The resolved scope of a name (CPython's `LOCAL` … `CELL` constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Bound in this block and not used by nested functions (`LOCAL`, 1).
    Local = 1,
    /// Declared `global` here (or assigned by a walrus at module level from a
    /// comprehension) (`GLOBAL_EXPLICIT`, 2).
    GlobalExplicit = 2,
    /// Not bound in any enclosing function: a module global or builtin
    /// (`GLOBAL_IMPLICIT`, 3).
    GlobalImplicit = 3,
    /// Bound in an enclosing function, reached through a closure cell (`FREE`, 4).
    Free = 4,
    /// Bound here and used by a nested function, so stored in a cell (`CELL`, 5).
    Cell = 5,
}

impl Scope {
    /// The scope stored in `flags` (bits above [`SCOPE_OFFSET`]), if resolved.
    pub fn from_flags(flags: u32) -> Option<Scope> {
        match (flags >> SCOPE_OFFSET) & SCOPE_MASK {
            1 => Some(Scope::Local),
            2 => Some(Scope::GlobalExplicit),
            3 => Some(Scope::GlobalImplicit),
            4 => Some(Scope::Free),
            5 => Some(Scope::Cell),
            _ => None,
        }
    }

    /// CPython's constant name (`"LOCAL"`, `"GLOBAL_EXPLICIT"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Scope::Local => "LOCAL",
            Scope::GlobalExplicit => "GLOBAL_EXPLICIT",
            Scope::GlobalImplicit => "GLOBAL_IMPLICIT",
            Scope::Free => "FREE",
            Scope::Cell => "CELL",
        }
    }
}

/// The kind of a block (CPython's `_Py_block_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    /// A `def`, `async def`, `lambda` or comprehension (`FunctionBlock`).
    Function,
    /// A `class` body (`ClassBlock`).
    Class,
    /// The module, or the body of `eval`/`single` input (`ModuleBlock`).
    Module,
    /// Annotations under `from __future__ import annotations` (`AnnotationBlock`):
    /// visited for errors only, never linked into the tree, since the compiler turns
    /// those annotations into strings.
    Annotation,
}

/// Which comprehension a function block is (`_Py_comprehension_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionType {
    /// `[... for ...]` (`ListComprehension`).
    List,
    /// `{... for ...}` (`SetComprehension`).
    Set,
    /// `{k: v for ...}` (`DictComprehension`).
    Dict,
    /// `(... for ...)` (`GeneratorExpression`).
    Generator,
}

/// Index of a block in [`SymbolTable::entries`].
pub type EntryId = usize;

/// One block of the symbol table: CPython's `PySTEntryObject`.
#[derive(Clone, Debug)]
pub struct SymbolTableEntry {
    /// `top` for the module, the function or class name, `lambda`, `listcomp`,
    /// `setcomp`, `dictcomp`, `genexpr`, or `_annotation` (`ste_name`).
    pub name: String,
    /// The block kind (`ste_type`).
    pub block_type: BlockType,
    /// Position of the defining node (the module's is all zero) (`ste_lineno`,
    /// `ste_col_offset`, `ste_end_lineno`, `ste_end_col_offset`).
    pub loc: ast::Location,
    /// Symbols in first-seen order, with flags as CPython stores them.
    symbols: Vec<(String, u32)>,
    index: HashMap<String, usize>,
    /// Parameter names in order: positional-only, positional, keyword-only, `*args`,
    /// `**kwargs` (`ste_varnames`; `co_varnames` starts with these).
    pub varnames: Vec<String>,
    /// Nested blocks in the order their definitions were visited (`ste_children`).
    pub children: Vec<EntryId>,
    /// The enclosing block (`None` for the module and annotation blocks' roots).
    pub parent: Option<EntryId>,
    /// Nested in a function, directly or not (`ste_nested`).
    pub nested: bool,
    /// The block has free variables (`ste_free`).
    pub free: bool,
    /// A nested block has free variables (`ste_child_free`).
    pub child_free: bool,
    /// Contains `yield`, or is a generator expression (`ste_generator`).
    pub generator: bool,
    /// Is an `async def`, contains `await` or an async comprehension (`ste_coroutine`).
    pub coroutine: bool,
    /// Which comprehension this block is, if any (`ste_comprehension`).
    pub comprehension: Option<ComprehensionType>,
    /// Has a `*args` parameter (`ste_varargs`).
    pub varargs: bool,
    /// Has a `**kwargs` parameter (`ste_varkeywords`).
    pub varkeywords: bool,
    /// Contains `return <value>` (`ste_returns_value`).
    pub returns_value: bool,
    /// A class whose methods use `__class__` or `super`: the class body must create
    /// the `__class__` cell and store it as `__classcell__`
    /// (`ste_needs_class_closure`).
    pub needs_class_closure: bool,
    /// While visiting a comprehension's target (`ste_comp_iter_target`).
    comp_iter_target: bool,
    /// Depth of comprehension iterable expressions being visited (`ste_comp_iter_expr`).
    comp_iter_expr: u32,
    /// `global`/`nonlocal` declarations (and walrus targets lifted out of
    /// comprehensions), mangled name and statement position (`ste_directives`).
    directives: Vec<(String, ast::Location)>,
}

impl SymbolTableEntry {
    fn new(name: String, block_type: BlockType, loc: ast::Location) -> Self {
        SymbolTableEntry {
            name,
            block_type,
            loc,
            symbols: Vec::new(),
            index: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            parent: None,
            nested: false,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: Vec::new(),
        }
    }

    /// The symbols of the block in first-seen order, as (mangled name, flags).
    pub fn symbols(&self) -> impl Iterator<Item = (&str, u32)> {
        self.symbols.iter().map(|(n, f)| (n.as_str(), *f))
    }

    /// The flags of `name` (already mangled), 0 if the block does not know it
    /// (`_PyST_GetSymbol`).
    pub fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1)
    }

    /// The resolved scope of `name` (already mangled), `None` if the block does not
    /// know it (`_PyST_GetScope` returning 0).
    pub fn scope(&self, name: &str) -> Option<Scope> {
        Scope::from_flags(self.flags(name))
    }

    /// The names stored in cells, sorted as `co_cellvars` orders them
    /// (`dictbytype(symbols, CELL, 0, 0)` in `compiler_enter_scope`), with the
    /// implicit `__class__` cell of a class that [`needs_class_closure`].
    ///
    /// [`needs_class_closure`]: SymbolTableEntry::needs_class_closure
    pub fn cellvars(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .symbols()
            .filter(|&(_, f)| Scope::from_flags(f) == Some(Scope::Cell))
            .map(|(n, _)| n)
            .collect();
        if self.needs_class_closure {
            names.push("__class__");
        }
        names.sort_unstable();
        names
    }

    /// The names received from enclosing functions, sorted as `co_freevars` orders
    /// them (`dictbytype(symbols, FREE, DEF_FREE_CLASS, …)`): `FREE` names, and in a
    /// class also the names it binds that a method uses free.
    pub fn freevars(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .symbols()
            .filter(|&(_, f)| Scope::from_flags(f) == Some(Scope::Free) || f & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n)
            .collect();
        names.sort_unstable();
        names
    }

    /// Is this a function-like block (`def`, `lambda` or comprehension)?
    pub fn is_function(&self) -> bool {
        self.block_type == BlockType::Function
    }

    fn set_flags(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 = flags,
            None => {
                self.index.insert(name.to_owned(), self.symbols.len());
                self.symbols.push((name.to_owned(), flags));
            }
        }
    }
}

/// The symbol table of one module (or `eval`/`single` input): CPython's
/// `struct symtable` after `_PySymtable_Build`.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// All blocks; [`SymbolTable::TOP`] is the module. Annotation blocks (under
    /// `from __future__ import annotations`) are kept here but belong to no parent's
    /// `children`, as in CPython.
    pub entries: Vec<SymbolTableEntry>,
    /// AST node address → block, CPython's `st_blocks`.
    blocks: HashMap<usize, EntryId>,
}

/// What can go wrong while building a symbol table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymtableError {
    /// A `SyntaxError` with CPython's message and position. As in CPython
    /// (`PyErr_RangedSyntaxLocationObject`), `offset`/`end_offset` are the AST's
    /// UTF-8 *byte* columns plus one (not character offsets), and `text` is `None`:
    /// CPython fills it by re-reading the named file from disk, which is the
    /// driver's business.
    Syntax(SyntaxError),
    /// `RecursionError: maximum recursion depth exceeded during compilation`: the
    /// AST is nested deeper than the recursion limit.
    Recursion,
    /// An internal error CPython raises as `RuntimeError` (e.g. a `func_type` module).
    Runtime(String),
}

impl SymtableError {
    /// The message, as `str()` of the Python exception shows it.
    pub fn message(&self) -> &str {
        match self {
            SymtableError::Syntax(e) => &e.msg,
            SymtableError::Recursion => "maximum recursion depth exceeded during compilation",
            SymtableError::Runtime(m) => m,
        }
    }
}

impl fmt::Display for SymtableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SymtableError::Syntax(e) => write!(f, "{e}"),
            SymtableError::Recursion => write!(f, "RecursionError: {}", self.message()),
            SymtableError::Runtime(m) => write!(f, "RuntimeError: {m}"),
        }
    }
}

impl std::error::Error for SymtableError {}

/// Options for [`SymbolTable::build_with`].
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    /// How many nested statements/expressions/patterns may be visited before
    /// [`SymtableError::Recursion`]. CPython's bound is `3 * (recursion limit -
    /// current Python depth)`; [`DEFAULT_RECURSION_LIMIT`] assumes depth 0.
    pub recursion_limit: u32,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            recursion_limit: DEFAULT_RECURSION_LIMIT,
        }
    }
}

impl SymbolTable {
    /// The module block's id.
    pub const TOP: EntryId = 0;

    /// Build the symbol table of `module` (`_PySymtable_Build`): both passes.
    /// `future` gives the `from __future__` features (only `annotations` matters
    /// here); `filename` goes into error positions.
    pub fn build(
        module: &ast::Mod,
        filename: &str,
        future: &FutureFeatures,
    ) -> Result<SymbolTable, SymtableError> {
        Self::build_with(module, filename, future, BuildOptions::default())
    }

    /// [`SymbolTable::build`] with explicit [`BuildOptions`].
    pub fn build_with(
        module: &ast::Mod,
        filename: &str,
        future: &FutureFeatures,
        options: BuildOptions,
    ) -> Result<SymbolTable, SymtableError> {
        let mut table = builder::build(module, filename, future, options).map_err(|e| *e)?;
        analysis::analyze(&mut table, filename).map_err(|e| *e)?;
        Ok(table)
    }

    /// The module block.
    pub fn top(&self) -> &SymbolTableEntry {
        &self.entries[Self::TOP]
    }

    /// A block by id.
    pub fn entry(&self, id: EntryId) -> &SymbolTableEntry {
        &self.entries[id]
    }

    /// The children of a block, in order.
    pub fn children(&self, id: EntryId) -> impl Iterator<Item = (EntryId, &SymbolTableEntry)> {
        self.entries[id]
            .children
            .iter()
            .map(move |&c| (c, &self.entries[c]))
    }

    /// The block of a `def`, `async def` or `class` statement (`PySymtable_Lookup`).
    pub fn lookup_stmt(&self, stmt: &ast::Stmt) -> Option<EntryId> {
        self.blocks.get(&stmt_key(stmt)).copied()
    }

    /// The block of a `lambda` or comprehension expression (`PySymtable_Lookup`).
    pub fn lookup_expr(&self, expr: &ast::Expr) -> Option<EntryId> {
        self.blocks.get(&expr_key(expr)).copied()
    }
}

fn stmt_key(stmt: &ast::Stmt) -> usize {
    std::ptr::from_ref(stmt) as usize
}

fn expr_key(expr: &ast::Expr) -> usize {
    std::ptr::from_ref(expr) as usize
}

/// Private name mangling (`_Py_Mangle`): inside class `private`, `__spam` becomes
/// `_private__spam`. Names ending in `__`, names containing a dot, and names in a
/// class whose name is all underscores are left alone; leading underscores of the
/// class name are stripped.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let Some(private) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}
