//! `try` statements: `try`/`except`/`else`/`finally` and `try`/`except*`
//! (`compiler_try`, `compiler_try_except`, `compiler_try_finally`,
//! `compiler_try_star*` in 3.11's `compile.c`).
//!
//! Not written yet: these return a `SystemError` ("not implemented"). The helpers
//! they need are on [`Compiler`]: `push_fblock`/`pop_fblock` with
//! `FBlockKind::{TryExcept, FinallyTry, FinallyEnd, ExceptionHandler,
//! ExceptionGroupHandler, HandlerCleanup}`, `pop_except_and_reraise`, `visit_stmts`,
//! `visit_expr`, `nameop`, `new_block`/`use_next_block`, `addop*` (with
//! `Pseudo::SetupFinally`/`SetupCleanup`/`PopBlock`/`Jump`), `set_loc`/`unset_loc`.

use syntax::ast;

use super::{CResult, CompileError, Compiler};

impl<'a> Compiler<'a> {
    /// `compiler_try`: `try` with `except` clauses and/or `finally`.
    pub(crate) fn compile_try(&mut self, _s: &'a ast::Stmt, _t: &'a ast::Try) -> CResult {
        Err(CompileError::System("not implemented: try".to_owned()))
    }

    /// `compiler_try_star`: `try` with `except*` clauses.
    pub(crate) fn compile_try_star(&mut self, _s: &'a ast::Stmt, _t: &'a ast::Try) -> CResult {
        Err(CompileError::System(
            "not implemented: try/except*".to_owned(),
        ))
    }
}
