//! `with` and `async with` statements (`compiler_with`, `compiler_async_with`,
//! `compiler_with_except_finish` in 3.11's `compile.c`).
//!
//! Not written yet: these return a `SystemError` ("not implemented"). Helpers on
//! [`Compiler`]: `push_fblock(FBlockKind::With / AsyncWith, …, FBlockDatum::Stmt(s))`,
//! `call_exit_with_nones`, `add_yield_from`, `pop_except_and_reraise`, and the
//! emission API.

use syntax::ast;

use super::{CResult, CompileError, Compiler};

impl<'a> Compiler<'a> {
    /// `compiler_with`: item `pos` of a `with` statement (items nest).
    pub(crate) fn compile_with(
        &mut self,
        _s: &'a ast::Stmt,
        _w: &'a ast::With,
        _pos: usize,
    ) -> CResult {
        Err(CompileError::System("not implemented: with".to_owned()))
    }

    /// `compiler_async_with`: item `pos` of an `async with` statement.
    pub(crate) fn compile_async_with(
        &mut self,
        _s: &'a ast::Stmt,
        _w: &'a ast::With,
        _pos: usize,
    ) -> CResult {
        Err(CompileError::System(
            "not implemented: async with".to_owned(),
        ))
    }
}
