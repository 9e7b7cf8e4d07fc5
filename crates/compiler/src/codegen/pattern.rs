//! `match` statements and patterns (PEP 634; `compiler_match`, `compiler_pattern*`
//! in 3.11's `compile.c`).
//!
//! Not written yet: this returns a `SystemError` ("not implemented").

use syntax::ast;

use super::{CResult, CompileError, Compiler};

impl<'a> Compiler<'a> {
    /// `compiler_match`.
    pub(crate) fn compile_match(
        &mut self,
        _s: &'a ast::Stmt,
        _subject: &'a ast::Expr,
        _cases: &'a [ast::MatchCase],
    ) -> CResult {
        Err(CompileError::System("not implemented: match".to_owned()))
    }
}
