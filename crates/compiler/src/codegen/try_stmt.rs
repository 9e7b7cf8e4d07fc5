//! `try` statements: `try`/`except`/`else`/`finally` and `try`/`except*`
//! (`compiler_try`, `compiler_try_except`, `compiler_try_finally`,
//! `compiler_try_star`, `compiler_try_star_except`, `compiler_try_star_finally` in
//! 3.11's `compile.c`).
//!
//! The protected ranges are delimited with the virtual `SETUP_FINALLY` /
//! `SETUP_CLEANUP` / `POP_BLOCK` instructions; the flow-graph passes turn them into
//! exception-table entries. Block allocation order and instruction order follow
//! `compile.c` exactly, since both decide the final layout.

use syntax::ast;

use super::fblock::{FBlockDatum, FBlockKind};
use super::{CResult, Compiler};
use crate::code::Constant;
use crate::ir::Pseudo;
use crate::opcode::Opcode;

impl<'a> Compiler<'a> {
    /// `compiler_try`: `try` with `except` clauses and/or `finally`.
    pub(crate) fn compile_try(&mut self, _s: &'a ast::Stmt, t: &'a ast::Try) -> CResult {
        if t.finalbody.is_empty() {
            self.compile_try_except(t)
        } else {
            self.compile_try_finally(t)
        }
    }

    /// `compiler_try_star`: `try` with `except*` clauses.
    pub(crate) fn compile_try_star(&mut self, _s: &'a ast::Stmt, t: &'a ast::Try) -> CResult {
        if t.finalbody.is_empty() {
            self.compile_try_star_except(t)
        } else {
            self.compile_try_star_finally(t)
        }
    }

    /// `compiler_try_finally` and `compiler_try_star_finally` (identical but for the
    /// inner statement): the body (or the whole `try`/`except` as the body) under a
    /// `SETUP_FINALLY`, the `finally` body inlined on the normal path, and again in
    /// the handler, which re-raises.
    ///
    /// ```text
    ///         SETUP_FINALLY end
    /// body:   <body>            (or the try/except statement)
    ///         POP_BLOCK
    ///         <finalbody>
    ///         JUMP exit
    /// end:    SETUP_CLEANUP cleanup
    ///         PUSH_EXC_INFO
    ///         <finalbody>
    ///         RERAISE 0
    /// cleanup: COPY 3; POP_EXCEPT; RERAISE 1
    /// exit:
    /// ```
    fn compile_finally_around(&mut self, t: &'a ast::Try, star: bool) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        // `try` block
        self.addop_j(Pseudo::SetupFinally, end);
        self.use_next_block(body);
        self.push_fblock(
            FBlockKind::FinallyTry,
            Some(body),
            Some(end),
            FBlockDatum::Body(&t.finalbody),
        )?;
        if t.handlers.is_empty() {
            self.visit_stmts(&t.body)?;
        } else if star {
            self.compile_try_star_except(t)?;
        } else {
            self.compile_try_except(t)?;
        }
        self.addop_noline(Pseudo::PopBlock);
        self.pop_fblock(FBlockKind::FinallyTry, Some(body));
        self.visit_stmts(&t.finalbody)?;
        self.addop_j_noline(Pseudo::Jump, exit);
        // `finally` block
        self.use_next_block(end);
        self.unset_loc();
        self.addop_j(Pseudo::SetupCleanup, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None, FBlockDatum::None)?;
        self.visit_stmts(&t.finalbody)?;
        self.pop_fblock(FBlockKind::FinallyEnd, Some(end));
        self.addop_i(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_try_finally`.
    fn compile_try_finally(&mut self, t: &'a ast::Try) -> CResult {
        self.compile_finally_around(t, false)
    }

    /// `compiler_try_star_finally`.
    fn compile_try_star_finally(&mut self, t: &'a ast::Try) -> CResult {
        self.compile_finally_around(t, true)
    }

    /// `compiler_try_except`: the body under `SETUP_FINALLY`, then `else`, then the
    /// handlers, tested in turn with `CHECK_EXC_MATCH`. A handler binding a name runs
    /// its body under a second cleanup handler that unbinds the name
    /// (`name = None; del name`) however the body is left.
    fn compile_try_except(&mut self, t: &'a ast::Try) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(Pseudo::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, FBlockDatum::None)?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock(FBlockKind::TryExcept, Some(body));
        self.addop_noline(Pseudo::PopBlock);
        if !t.orelse.is_empty() {
            self.visit_stmts(&t.orelse)?;
        }
        self.addop_j_noline(Pseudo::Jump, end);
        let n = t.handlers.len();
        self.use_next_block(except);

        self.unset_loc();
        self.addop_j(Pseudo::SetupCleanup, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        // The runtime pushes a block here; account for it.
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, FBlockDatum::None)?;
        for (i, handler) in t.handlers.iter().enumerate() {
            self.set_loc(&handler.loc);
            if handler.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(type_) = &handler.type_ {
                self.visit_expr(type_)?;
                self.addop(Opcode::CHECK_EXC_MATCH);
                self.addop_j(Pseudo::PopJumpIfFalse, except);
            }
            if let Some(name) = &handler.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, ast::ExprContext::Store)?;
                // try: <body> finally: name = None; del name
                self.addop_j(Pseudo::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::Name(name),
                )?;
                self.visit_stmts(&handler.body)?;
                self.pop_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body));
                // name = None; del name (artificial)
                self.unset_loc();
                self.addop(Pseudo::PopBlock);
                self.addop(Pseudo::PopBlock);
                self.addop(Opcode::POP_EXCEPT);
                self.unbind_handler_name(name)?;
                self.addop_j(Pseudo::Jump, end);

                // The body raised: unbind and re-raise.
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.unbind_handler_name(name)?;
                self.addop_i(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.addop(Opcode::POP_TOP); // exc_value
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::None,
                )?;
                self.visit_stmts(&handler.body)?;
                self.pop_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body));
                self.unset_loc();
                self.addop(Pseudo::PopBlock);
                self.addop(Opcode::POP_EXCEPT);
                self.addop_j(Pseudo::Jump, end);
            }
            self.use_next_block(except);
        }
        // No handler matched: re-raise (artificial).
        self.unset_loc();
        self.pop_fblock(FBlockKind::ExceptionHandler, None);
        self.addop_i(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    /// `name = None; del name`: what leaving an `except … as name` body emits.
    fn unbind_handler_name(&mut self, name: &str) -> CResult {
        self.load_const(Constant::None);
        self.nameop(name, ast::ExprContext::Store)?;
        self.nameop(name, ast::ExprContext::Del)
    }

    /// `compiler_try_star_except`: the handlers of `except*` split the exception
    /// group with `CHECK_EG_MATCH`, collect what each body raises (or re-raises) in a
    /// list, and `PREP_RERAISE_STAR` combines the list with the unhandled rest.
    ///
    /// Stack while the handlers run: `[orig, res, rest]`, where `orig` is the
    /// original group, `res` the list of raised exceptions and `rest` what is still
    /// unmatched. The `else` body comes after the handlers, reached by a jump from
    /// the end of the `try` body.
    fn compile_try_star_except(&mut self, t: &'a ast::Try) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();

        self.addop_j(Pseudo::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, FBlockDatum::None)?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock(FBlockKind::TryExcept, Some(body));
        self.addop_noline(Pseudo::PopBlock);
        self.addop_j_noline(Pseudo::Jump, orelse);
        let n = t.handlers.len();
        self.use_next_block(except);

        self.unset_loc();
        self.addop_j(Pseudo::SetupCleanup, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        // The runtime pushes a block here; account for it.
        self.push_fblock(
            FBlockKind::ExceptionGroupHandler,
            None,
            None,
            FBlockDatum::None,
        )?;
        for (i, handler) in t.handlers.iter().enumerate() {
            self.set_loc(&handler.loc);
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // [exc] -> [orig, exc] -> [orig, exc, []] -> [orig, [], exc]
                self.addop_i(Opcode::COPY, 1);
                self.addop_i(Opcode::BUILD_LIST, 0);
                self.addop_i(Opcode::SWAP, 2);
            }
            if let Some(type_) = &handler.type_ {
                self.visit_expr(type_)?;
                self.addop(Opcode::CHECK_EG_MATCH);
                self.addop_i(Opcode::COPY, 1);
                self.addop_j(Pseudo::PopJumpIfNone, no_match);
            }

            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();

            match &handler.name {
                Some(name) => self.nameop(name, ast::ExprContext::Store)?,
                None => self.addop(Opcode::POP_TOP), // match
            }

            // try: <body> finally: name = None; del name
            self.addop_j(Pseudo::SetupCleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            let datum = match &handler.name {
                Some(name) => FBlockDatum::Name(name),
                None => FBlockDatum::None,
            };
            self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None, datum)?;
            self.visit_stmts(&handler.body)?;
            self.pop_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body));
            // name = None; del name (artificial)
            self.unset_loc();
            self.addop(Pseudo::PopBlock);
            if let Some(name) = &handler.name {
                self.unbind_handler_name(name)?;
            }
            self.addop_j(Pseudo::Jump, except);

            // The body raised.
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &handler.name {
                self.unbind_handler_name(name)?;
            }
            // Add the raised exception to the result list.
            self.addop_i(Opcode::LIST_APPEND, 3); // exc
            self.addop(Opcode::POP_TOP); // lasti
            self.addop_j(Pseudo::Jump, except_with_error);

            self.use_next_block(except);
            self.addop(Opcode::NOP); // holds a propagated location
            self.addop_j(Pseudo::Jump, except_with_error);
            self.use_next_block(no_match);
            self.addop(Opcode::POP_TOP); // match (None)

            self.use_next_block(except_with_error);
            if i + 1 == n {
                // Add the unhandled rest (or None) to the list.
                self.addop_i(Opcode::LIST_APPEND, 1);
                self.addop_j(Pseudo::Jump, reraise_star);
            }
        }
        // Artificial from here.
        self.unset_loc();
        self.pop_fblock(FBlockKind::ExceptionGroupHandler, None);
        let reraise = self.new_block();

        self.use_next_block(reraise_star);
        self.addop(Opcode::PREP_RERAISE_STAR);
        self.addop_i(Opcode::COPY, 1);
        self.addop_j(Pseudo::PopJumpIfNotNone, reraise);

        // Nothing to re-raise.
        self.addop(Opcode::POP_TOP);
        self.addop(Pseudo::PopBlock);
        self.addop(Opcode::POP_EXCEPT);
        self.addop_j(Pseudo::Jump, end);
        self.use_next_block(reraise);
        self.addop(Pseudo::PopBlock);
        self.addop_i(Opcode::SWAP, 2);
        self.addop(Opcode::POP_EXCEPT);
        self.addop_i(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse);
        self.visit_stmts(&t.orelse)?;
        self.use_next_block(end);
        Ok(())
    }
}
