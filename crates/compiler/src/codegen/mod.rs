//! The code generator: CPython 3.11's `compile.c` visitors, from the AST (after the
//! symbol table) to one [`crate::ir::Unit`] per code object.
//!
//! A [`Compiler`] keeps a stack of `CompilerUnit`s, one per code object being
//! generated (module, class body, function, lambda, comprehension), as `compile.c`
//! keeps `c->u` and `c->c_stack`. Each unit appends instructions to its current basic
//! block (`emit.rs`); frame blocks (`fblock.rs`) record the loops and handlers that
//! `return`/`break`/`continue` must unwind. When a nested unit is finished it is
//! handed to the flow-graph passes (the `finish` function given to
//! [`compile_mod`]) and the resulting code object becomes a constant of its parent.
//!
//! Files, by construct: `stmt.rs` (statement dispatch, `if`/`for`/`while`,
//! `return`, `break`, `continue`, `raise`, `assert`), `assign.rs` (assignment,
//! unpacking, augmented and annotated assignment), `expr.rs` (expressions,
//! conditions), `call.rs` (the 3.11 call sequence), `function.rs` (`def`, `lambda`,
//! arguments, closures, decorators), `class.rs`, `comprehension.rs`, `import.rs`,
//! `unparse.rs` (annotations as strings), [`warnings`] (`SyntaxWarning`s), and the
//! statements with exception handlers: `try_stmt.rs`, `with_stmt.rs`, `pattern.rs`.

mod assign;
mod call;
mod class;
mod comprehension;
pub(crate) mod emit;
pub mod error;
mod expr;
pub(crate) mod fblock;
mod function;
mod import;
pub(crate) mod pattern;
mod stmt;
pub(crate) mod try_stmt;
mod unparse;
pub mod warnings;
pub(crate) mod with_stmt;

pub use error::CompileError;
pub use warnings::CompileWarning;

use common::text::Text;
use syntax::ast;

use crate::assemble::Location;
use crate::code::{CodeObject, Constant};
use crate::future::FutureFeatures;
use crate::ir::{BlockId, Cfg, NameTable, Unit};
use crate::opcode::Opcode;
use crate::symtable::{BlockType, EntryId, Scope, SymbolTable, SymbolTableEntry};

use fblock::FBlock;

/// The result of a code-generator step (`0` / `1` returns in `compile.c`).
pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// The flow-graph passes and assembler: turns a finished [`Unit`] into a code object
/// (`assemble()` in 3.11's `compile.c`).
pub type Finisher<'f> = &'f dyn Fn(Unit) -> Result<CodeObject, CompileError>;

/// `PyCF_MASK`: the `from __future__` flags every code object of the module inherits.
const PYCF_MASK: u32 = crate::future::CO_FUTURE_DIVISION
    | crate::future::CO_FUTURE_ABSOLUTE_IMPORT
    | crate::future::CO_FUTURE_WITH_STATEMENT
    | crate::future::CO_FUTURE_PRINT_FUNCTION
    | crate::future::CO_FUTURE_UNICODE_LITERALS
    | crate::future::CO_FUTURE_BARRY_AS_BDFL
    | crate::future::CO_FUTURE_GENERATOR_STOP
    | crate::future::CO_FUTURE_ANNOTATIONS;

/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await`, `async for`, `async with` and async
/// comprehensions are allowed at module level, making the module a coroutine.
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;

/// What `compile()` passes beyond the source: the optimization level and the
/// `flags` argument (`PyCompilerFlags.cf_flags`: inherited `CO_FUTURE_*` features
/// and `PyCF_*` bits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// `-O` level: 1 drops `assert`s and makes `__debug__` false, 2 also drops
    /// docstrings.
    pub optimize: u32,
    /// `cf_flags`: `CO_FUTURE_*` features in effect as if imported, and
    /// [`PYCF_ALLOW_TOP_LEVEL_AWAIT`].
    pub flags: u32,
}

/// `co_flags` bits set by `compute_code_flags`.
pub(crate) mod flags {
    /// `CO_OPTIMIZED`.
    pub const OPTIMIZED: u32 = 0x1;
    /// `CO_NEWLOCALS`.
    pub const NEWLOCALS: u32 = 0x2;
    /// `CO_VARARGS`.
    pub const VARARGS: u32 = 0x4;
    /// `CO_VARKEYWORDS`.
    pub const VARKEYWORDS: u32 = 0x8;
    /// `CO_NESTED`.
    pub const NESTED: u32 = 0x10;
    /// `CO_GENERATOR`.
    pub const GENERATOR: u32 = 0x20;
    /// `CO_COROUTINE`.
    pub const COROUTINE: u32 = 0x80;
    /// `CO_ASYNC_GENERATOR`.
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// The kind of code object a unit compiles (`COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    /// The module (also `eval` and `single` input).
    Module,
    /// A class body.
    Class,
    /// A `def`.
    Function,
    /// An `async def`.
    AsyncFunction,
    /// A `lambda`.
    Lambda,
    /// A comprehension or generator expression.
    Comprehension,
}

/// One code object being generated: CPython's `struct compiler_unit`.
pub(crate) struct CompilerUnit<'a> {
    /// The graph and tables handed to the flow-graph passes.
    pub(crate) unit: Unit,
    /// The unit's symbol-table block (`u_ste`).
    pub(crate) ste: EntryId,
    /// What kind of code object this is (`u_scope_type`).
    pub(crate) scope_type: ScopeType,
    /// The enclosing class name, for private-name mangling (`u_private`).
    pub(crate) private: Option<&'a str>,
    /// The block instructions are appended to (`u_curblock`).
    pub(crate) curblock: BlockId,
    /// The last instruction ended a block: start a new one before the next
    /// (`u_need_new_implicit_block`).
    pub(crate) need_new_implicit_block: bool,
    /// The frame-block stack (`u_fblock`).
    pub(crate) fblocks: Vec<FBlock<'a>>,
    /// The location given to the next instructions (`u_lineno` … `u_end_col_offset`).
    pub(crate) loc: Location,
    /// The module became a coroutine through a top-level `async for`/`async with`
    /// or async generator expression (the compiler's writes to `ste_coroutine`).
    pub(crate) coroutine: bool,
}

/// The code generator's state for one compilation: CPython's `struct compiler`.
pub struct Compiler<'a> {
    /// The module's symbol table (`c_st`).
    pub(crate) st: &'a SymbolTable,
    /// The `from __future__` features (`c_future`).
    pub(crate) future: FutureFeatures,
    /// `co_filename` and the file named in errors (`c_filename`).
    pub(crate) filename: String,
    /// The optimization level: 1 drops `assert`s, 2 also docstrings (`c_optimize`).
    pub(crate) optimize: u32,
    /// `c_flags->cf_flags`: the future features and `PyCF_*` bits.
    pub(crate) flags: u32,
    /// Compiling `single` input: expression statements print (`c_interactive`).
    pub(crate) interactive: bool,
    /// How many units are open (`c_nestlevel`).
    pub(crate) nestlevel: u32,
    /// The open units, innermost last (`c->u` and `c->c_stack`).
    pub(crate) units: Vec<CompilerUnit<'a>>,
    /// Turns finished units into code objects.
    finish: Finisher<'a>,
    /// The `SyntaxWarning`s raised so far.
    pub(crate) warnings: Vec<CompileWarning>,
}

/// Compile `module` (already past the future scan, constant folding and the symbol
/// table `st` built from this very AST) into its code object (`compiler_mod`).
/// `future` holds the module's own features merged with those in
/// `options.flags`. Runs on a stack grown as needed, so deep (symtable-bounded)
/// nesting cannot overflow.
pub fn compile_mod(
    module: &ast::Mod,
    st: &SymbolTable,
    future: FutureFeatures,
    filename: &str,
    options: CompileOptions,
    finish: Finisher<'_>,
) -> Result<CodeObject, CompileError> {
    compile_mod_with_warnings(module, st, future, filename, options, finish).map(|(c, _)| c)
}

/// [`compile_mod`], also returning the `SyntaxWarning`s the code generator raised,
/// in order.
pub fn compile_mod_with_warnings(
    module: &ast::Mod,
    st: &SymbolTable,
    future: FutureFeatures,
    filename: &str,
    options: CompileOptions,
    finish: Finisher<'_>,
) -> Result<(CodeObject, Vec<CompileWarning>), CompileError> {
    // Nesting is bounded by the symbol table's recursion limit; this much stack
    // covers the deepest accepted input in unoptimized builds too. Less than that
    // left here: continue on a fresh stack.
    const STACK: usize = 256 * 1024 * 1024;
    stacker::maybe_grow(STACK, STACK, || {
        let mut c = Compiler {
            st,
            future,
            filename: filename.to_owned(),
            optimize: options.optimize,
            flags: options.flags | future.features,
            interactive: false,
            nestlevel: 0,
            units: Vec::new(),
            finish,
            warnings: Vec::new(),
        };
        let code = c.compile_mod(module)?;
        Ok((code, c.warnings))
    })
}

/// The code-object constant of an AST constant.
pub(crate) fn constant(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Int(i) => Constant::Int(i.clone()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex(*real, *imag),
        ast::Constant::Str(s) => Constant::Str(s.clone()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.clone()),
        ast::Constant::Tuple(items) => Constant::Tuple(items.iter().map(constant).collect()),
        ast::Constant::FrozenSet(items) => {
            Constant::FrozenSet(items.iter().map(constant).collect())
        }
    }
}

/// A `str` constant.
pub(crate) fn str_const(s: &str) -> Constant {
    Constant::Str(Text::from(s))
}

/// An AST position as an instruction location.
pub(crate) fn loc_of(l: &ast::Location) -> Location {
    Location {
        lineno: l.lineno as i32,
        end_lineno: l.end_lineno as i32,
        col_offset: l.col_offset as i32,
        end_col_offset: l.end_col_offset as i32,
    }
}

/// `_PyAST_GetDocString`: the docstring of a body, if its first statement is a
/// string expression.
pub(crate) fn docstring(body: &[ast::Stmt]) -> Option<&Text> {
    match &body.first()?.kind {
        ast::StmtKind::Expr { value } => match &value.kind {
            ast::ExprKind::Constant {
                value: ast::Constant::Str(s),
                ..
            } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    /// The innermost unit (`c->u`).
    pub(crate) fn u(&mut self) -> &mut CompilerUnit<'a> {
        self.units
            .last_mut()
            .expect("code generator used outside of any unit")
    }

    /// The innermost unit, shared.
    pub(crate) fn u_ref(&self) -> &CompilerUnit<'a> {
        self.units
            .last()
            .expect("code generator used outside of any unit")
    }

    /// The symbol-table block of the innermost unit (`c->u->u_ste`).
    pub(crate) fn ste(&self) -> &'a SymbolTableEntry {
        self.st.entry(self.u_ref().ste)
    }

    /// `compiler_mod`: the module, interactive or expression code object.
    fn compile_mod(&mut self, module: &'a ast::Mod) -> CResult<CodeObject> {
        self.enter_scope("<module>", ScopeType::Module, SymbolTable::TOP, 1)?;
        self.u().loc.lineno = 1;
        let mut add_none = true;
        match module {
            ast::Mod::Module { body, .. } => self.compile_body(body)?,
            ast::Mod::Interactive { body } => {
                if stmt::find_ann(body) {
                    self.addop(Opcode::SETUP_ANNOTATIONS);
                }
                self.interactive = true;
                self.visit_stmts(body)?;
            }
            ast::Mod::Expression { body } => {
                self.visit_expr(body)?;
                add_none = false;
            }
            ast::Mod::FunctionType { .. } => {
                return Err(CompileError::System(
                    "module kind 4 should not be possible".to_owned(),
                ))
            }
        }
        let code = self.assemble(add_none)?;
        self.exit_scope();
        Ok(code)
    }

    /// `compiler_enter_scope`: open a unit for block `ste` named `name` whose first
    /// line is `lineno`, and emit its `RESUME`.
    pub(crate) fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        ste: EntryId,
        lineno: u32,
    ) -> CResult {
        let entry = self.st.entry(ste);
        let mut unit = Unit {
            cfg: Cfg::new(),
            firstlineno: lineno as i32,
            name: Text::from(name),
            qualname: Text::from(name),
            filename: Text::from(self.filename.as_str()),
            ..Unit::default()
        };
        unit.varnames = names_table(entry.varnames.iter().map(String::as_str));
        unit.cellvars = names_table(entry.cellvars());
        unit.freevars = names_table(entry.freevars());
        let lineno = lineno as i32;
        let private = self.units.last().and_then(|u| u.private);
        self.units.push(CompilerUnit {
            unit,
            ste,
            scope_type,
            private,
            curblock: Cfg::ENTRY,
            need_new_implicit_block: false,
            fblocks: Vec::new(),
            loc: Location {
                lineno,
                end_lineno: lineno,
                col_offset: 0,
                end_col_offset: 0,
            },
            coroutine: false,
        });
        self.nestlevel += 1;
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.addop_i(Opcode::RESUME, 0);
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = -1;
        }
        Ok(())
    }

    /// `compiler_exit_scope`: close the innermost unit.
    pub(crate) fn exit_scope(&mut self) {
        self.nestlevel -= 1;
        self.units.pop();
    }

    /// `compiler_set_qualname`: the innermost unit's `co_qualname`, from its parent's.
    fn set_qualname(&mut self) {
        let n = self.units.len();
        let u = &self.units[n - 1];
        let mut base: Option<String> = None;
        // CPython's `c_stack` holds the ancestors: a parent other than the module.
        if n > 2 {
            let parent = &self.units[n - 2];
            let mut force_global = false;
            if matches!(
                u.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
            ) {
                let name = u.unit.name.to_string_lossy();
                let mangled = crate::symtable::mangle(parent.private, &name);
                if self.st.entry(parent.ste).scope(&mangled) == Some(Scope::GlobalExplicit) {
                    force_global = true;
                }
            }
            if !force_global {
                let pq = parent.unit.qualname.to_string_lossy().into_owned();
                if matches!(
                    parent.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                ) {
                    base = Some(format!("{pq}.<locals>"));
                } else {
                    base = Some(pq);
                }
            }
        }
        let name = u.unit.name.to_string_lossy().into_owned();
        let qualname = match base {
            Some(b) => format!("{b}.{name}"),
            None => name,
        };
        self.u().unit.qualname = Text::from(qualname);
    }

    /// `compute_code_flags`: `co_flags` of the innermost unit.
    fn compute_code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut f = 0;
        if ste.block_type == BlockType::Function {
            f |= flags::NEWLOCALS | flags::OPTIMIZED;
            if ste.nested {
                f |= flags::NESTED;
            }
            match (ste.generator, ste.coroutine) {
                (true, false) => f |= flags::GENERATOR,
                (false, true) => f |= flags::COROUTINE,
                (true, true) => f |= flags::ASYNC_GENERATOR,
                (false, false) => {}
            }
            if ste.varargs {
                f |= flags::VARARGS;
            }
            if ste.varkeywords {
                f |= flags::VARKEYWORDS;
            }
        }
        f |= self.flags & PYCF_MASK;
        let coroutine = ste.coroutine || self.u_ref().coroutine;
        if self.is_top_level_await() && coroutine && !ste.generator {
            f |= flags::COROUTINE;
        }
        f
    }

    /// `IS_TOP_LEVEL_AWAIT`: compiling the module with
    /// [`PYCF_ALLOW_TOP_LEVEL_AWAIT`].
    pub(crate) fn is_top_level_await(&self) -> bool {
        self.flags & PYCF_ALLOW_TOP_LEVEL_AWAIT != 0 && self.ste().block_type == BlockType::Module
    }

    /// The start of `assemble()` that belongs to the code generator: append the
    /// implicit `return None` when the last block does not return, then hand the
    /// unit to the flow-graph passes.
    pub(crate) fn assemble(&mut self, add_none: bool) -> CResult<CodeObject> {
        let cur = self.u_ref().curblock;
        let returns = self
            .u_ref()
            .unit
            .cfg
            .block(cur)
            .instrs
            .iter()
            .any(|i| i.op == crate::ir::Op::Real(Opcode::RETURN_VALUE));
        if !returns {
            self.unset_loc();
            if add_none {
                self.load_const(Constant::None);
            }
            self.addop(Opcode::RETURN_VALUE);
        }
        let flags = self.compute_code_flags();
        let u = self.u();
        u.unit.flags = flags;
        let unit = std::mem::take(&mut u.unit);
        let code = (self.finish)(unit)?;
        Ok(code)
    }

    /// `compiler_body`: a module or class body, with `SETUP_ANNOTATIONS` when it
    /// has annotated names and its docstring stored as `__doc__`.
    pub(crate) fn compile_body(&mut self, stmts: &'a [ast::Stmt]) -> CResult {
        if self.u_ref().scope_type == ScopeType::Module {
            if let Some(first) = stmts.first() {
                self.set_loc(&first.loc);
            }
        }
        if stmt::find_ann(stmts) {
            self.addop(Opcode::SETUP_ANNOTATIONS);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut rest = stmts;
        if self.optimize < 2 && docstring(stmts).is_some() {
            if let ast::StmtKind::Expr { value } = &stmts[0].kind {
                self.visit_expr(value)?;
                self.unset_loc();
                self.nameop("__doc__", ast::ExprContext::Store)?;
                rest = &stmts[1..];
            }
        }
        self.visit_stmts(rest)
    }

    /// A syntax error at the current location (`compiler_error`).
    pub(crate) fn error(&self, msg: impl Into<String>) -> CompileError {
        error::syntax_error(&self.filename, msg.into(), self.u_ref().loc)
    }
}

/// A name table holding `names` in order.
fn names_table<'n>(names: impl IntoIterator<Item = &'n str>) -> NameTable {
    let mut t = NameTable::default();
    for n in names {
        t.add(&Text::from(n));
    }
    t
}

#[cfg(test)]
mod tests {
    /// The deepest nesting the symbol table accepts compiles on a small thread
    /// stack (the code generator grows its own).
    #[test]
    fn deep_nesting_on_a_small_stack() {
        let src = format!("x = {}y\n", "not ".repeat(2900));
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || crate::compile(src.as_bytes(), "<deep>", syntax::Mode::Exec, 0).is_ok())
            .unwrap();
        assert!(handle.join().unwrap());
    }

    /// `co_flags` of modules compiled with compile()'s flags, as python3 gives them.
    #[test]
    fn module_flags_follow_compile_flags() {
        let cases: &[(&str, u32, u32)] = &[
            ("await x", 0x2000, 0x80),
            ("x = 1", 0x2000, 0),
            ("async for a in b: pass", 0x2000, 0x80),
            ("g = (z async for z in w)", 0x2000, 0x80),
            ("[z async for z in w]", 0x2000, 0x80),
            ("def f(): pass", 0x2000, 0),
            ("x: int", 0x100_0000, 0x100_0000),
        ];
        for &(src, flags, want) in cases {
            let options = super::CompileOptions { optimize: 0, flags };
            let (code, _) =
                crate::compile_with_options(src.as_bytes(), "<t>", syntax::Mode::Exec, options)
                    .unwrap();
            assert_eq!(code.flags, want, "{src}");
        }
    }

    /// Past the limit: CPython's RecursionError, not a crash.
    #[test]
    fn too_deep_is_recursion_error() {
        let src = format!("x = {}\n", vec!["a"; 100_000].join("+"));
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || crate::compile(src.as_bytes(), "<deep>", syntax::Mode::Exec, 0))
            .unwrap();
        let r = handle.join().unwrap();
        assert_eq!(r.unwrap_err(), crate::CompileError::Recursion);
    }
}
