//! Symbol table, code generation and code objects for CPython 3.11 bytecode.
//!
//! The plain-data half, which needs no parser:
//! - [`opcode`]: the one opcode table and everything derived from it;
//! - [`code`]: [`code::CodeObject`] and [`code::Constant`], with the location and
//!   exception table decoders;
//! - [`marshal`] and [`pyc`]: CPython 3.11's `.pyc` format, both ways;
//! - [`dis`]: a `python3 -m dis`-compatible disassembler;
//! - [`ir`]: the code generator's control-flow graph (basic blocks, virtual opcodes);
//! - [`assemble`]: instruction sequences to `co_code` and its tables (the back end);
//! - [`cli`]: the `krait --dis` entry point.
//!
//! The analysis half: [`future`], [`fold`] (constant folding, as CPython's
//! `ast_opt.c`) and [`symtable`] (scopes, as CPython's `symtable.c`); [`frozenset`]
//! puts frozenset constants in CPython's iteration order for both.
//!
//! The code generator: [`codegen`] (CPython's `compile.c` visitors), entered through
//! [`compile`] (source) and [`compile_ast`] (an AST), as `compile()` / `_PyAST_Compile`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod assemble;
pub mod cli;
pub mod code;
pub mod codegen;
pub mod dis;
pub mod flowgraph;
pub mod fold;
pub mod frozenset;
pub mod ir;
pub mod marshal;
pub mod opcode;
pub mod pyc;

pub mod future;
pub mod symtable;

pub use codegen::{CompileError, CompileOptions, CompileWarning};

use syntax::ast;

/// Compile Python source as CPython 3.11's `compile(source, filename, mode)` does:
/// parse, then [`compile_ast`]. `optimize` is `-O`'s level (0, 1 or 2).
pub fn compile(
    source: &[u8],
    filename: &str,
    mode: syntax::Mode,
    optimize: u32,
) -> Result<code::CodeObject, CompileError> {
    let options = CompileOptions { optimize, flags: 0 };
    compile_with_options(source, filename, mode, options).map(|(c, _)| c)
}

/// Compile an AST as `_PyAST_Compile` does: future scan, constant folding, symbol
/// table, code generation, flow-graph passes and assembly.
pub fn compile_ast(
    module: &mut ast::Mod,
    filename: &str,
    optimize: u32,
) -> Result<code::CodeObject, CompileError> {
    let options = CompileOptions { optimize, flags: 0 };
    compile_ast_with_options(module, filename, options).map(|(c, _)| c)
}

/// [`compile`] with `compile()`'s `flags` (inherited future features,
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`), also returning the compile-time `SyntaxWarning`s
/// for the caller to issue through `warnings`, as CPython's `compiler_warn` does.
pub fn compile_with_options(
    source: &[u8],
    filename: &str,
    mode: syntax::Mode,
    options: CompileOptions,
) -> Result<(code::CodeObject, Vec<CompileWarning>), CompileError> {
    let mut module = syntax::parse(source, filename, mode)?;
    compile_ast_with_options(&mut module, filename, options)
}

/// [`compile_ast`] with `compile()`'s flags, also returning the `SyntaxWarning`s.
pub fn compile_ast_with_options(
    module: &mut ast::Mod,
    filename: &str,
    options: CompileOptions,
) -> Result<(code::CodeObject, Vec<CompileWarning>), CompileError> {
    let mut future = future::future_from_ast(module, filename)?;
    // `_PyAST_Compile`: the flags' features count as imported.
    future.features |= options.flags;
    let fold_options = fold::FoldOptions {
        optimize: options.optimize as i32,
        future_annotations: future.features & future::CO_FUTURE_ANNOTATIONS != 0,
        recursion_limit: symtable::DEFAULT_RECURSION_LIMIT,
    };
    fold::fold_module_with(module, &fold_options).map_err(|_| CompileError::Recursion)?;
    let st = symtable::SymbolTable::build(module, filename, &future)?;
    codegen::compile_mod_with_warnings(module, &st, future, filename, options, &finish_unit)
}

/// The flow-graph passes and assembler for one finished unit; their failures are
/// the `SystemError`s CPython's `assemble()` raises.
fn finish_unit(unit: ir::Unit) -> Result<code::CodeObject, CompileError> {
    flowgraph::finish(unit).map_err(|e| CompileError::System(e.to_string()))
}
