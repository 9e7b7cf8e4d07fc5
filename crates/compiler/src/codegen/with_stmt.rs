//! `with` and `async with` statements (`compiler_with`, `compiler_async_with`,
//! `compiler_with_except_finish` in 3.11's `compile.c`).
//!
//! Each item nests: item `pos` is entered, its body is item `pos + 1` (or the
//! statement's body after the last item), and it is left by calling `__exit__` with
//! `(None, None, None)` on the normal path or from the `SETUP_WITH` handler with
//! `WITH_EXCEPT_START`:
//!
//! ```text
//!         <context expr>
//!         BEFORE_WITH                  (async: BEFORE_ASYNC_WITH, await)
//!         SETUP_WITH final
//! block:  <store to VAR> or POP_TOP
//!         <body>
//!         POP_BLOCK
//!         <__exit__(None, None, None)>; POP_TOP   (async: await before POP_TOP)
//!         JUMP exit
//! final:  SETUP_CLEANUP cleanup
//!         PUSH_EXC_INFO
//!         WITH_EXCEPT_START                       (async: await)
//!         POP_JUMP_IF_TRUE suppress
//!         RERAISE 2
//! cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//! suppress: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
//! exit:
//! ```

use syntax::ast;

use super::fblock::{FBlockDatum, FBlockKind};
use super::{CResult, Compiler, ScopeType};
use crate::code::Constant;
use crate::ir::{BlockId, Pseudo};
use crate::opcode::Opcode;

impl<'a> Compiler<'a> {
    /// `compiler_with`: item `pos` of a `with` statement (items nest).
    pub(crate) fn compile_with(
        &mut self,
        s: &'a ast::Stmt,
        w: &'a ast::With,
        pos: usize,
    ) -> CResult {
        let Some(item) = w.items.get(pos) else {
            return Err(super::CompileError::System(
                "with statement without items".to_owned(),
            ));
        };
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();

        self.visit_expr(&item.context_expr)?;
        // Pushes the bound __exit__, then the result of __enter__().
        self.addop(Opcode::BEFORE_WITH);
        self.addop_j(Pseudo::SetupWith, final_);

        self.use_next_block(block);
        self.push_fblock(
            FBlockKind::With,
            Some(block),
            Some(final_),
            FBlockDatum::Stmt(s),
        )?;
        match &item.optional_vars {
            Some(target) => self.visit_expr(target)?,
            // Discard the result of __enter__().
            None => self.addop(Opcode::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.compile_with(s, w, pos + 1)?;
        }

        // Everything that follows is artificial, but for the exit call.
        self.unset_loc();
        self.addop(Pseudo::PopBlock);
        self.pop_fblock(FBlockKind::With, Some(block));

        // Normal exit: __exit__(None, None, None).
        self.set_loc(&s.loc);
        self.call_exit_with_nones();
        self.addop(Opcode::POP_TOP);
        self.addop_j(Pseudo::Jump, exit);

        // Exceptional exit.
        self.use_next_block(final_);
        self.addop_j(Pseudo::SetupCleanup, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        self.addop(Opcode::WITH_EXCEPT_START);
        self.with_except_finish(cleanup);

        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_async_with`: item `pos` of an `async with` statement; as
    /// [`Compiler::compile_with`], awaiting `__aenter__()` and `__aexit__(...)`.
    pub(crate) fn compile_async_with(
        &mut self,
        s: &'a ast::Stmt,
        w: &'a ast::With,
        pos: usize,
    ) -> CResult {
        let Some(item) = w.items.get(pos) else {
            return Err(super::CompileError::System(
                "async with statement without items".to_owned(),
            ));
        };
        if self.is_top_level_await() {
            // `ste_coroutine = 1`: the module becomes a coroutine.
            self.u().coroutine = true;
        } else if self.scope_type() != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();

        self.visit_expr(&item.context_expr)?;
        self.addop(Opcode::BEFORE_ASYNC_WITH);
        self.addop_i(Opcode::GET_AWAITABLE, 1);
        self.load_const(Constant::None);
        self.add_yield_from(true);

        self.addop_j(Pseudo::SetupWith, final_);

        self.use_next_block(block);
        self.push_fblock(
            FBlockKind::AsyncWith,
            Some(block),
            Some(final_),
            FBlockDatum::Stmt(s),
        )?;
        match &item.optional_vars {
            Some(target) => self.visit_expr(target)?,
            // Discard the result of __aenter__().
            None => self.addop(Opcode::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.compile_async_with(s, w, pos + 1)?;
        }

        self.pop_fblock(FBlockKind::AsyncWith, Some(block));
        // 3.11 leaves this POP_BLOCK at the location of the body's end.
        self.addop(Pseudo::PopBlock);

        // Normal exit: await __aexit__(None, None, None).
        self.set_loc(&s.loc);
        self.call_exit_with_nones();
        self.addop_i(Opcode::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.addop(Opcode::POP_TOP);
        self.addop_j(Pseudo::Jump, exit);

        // Exceptional exit.
        self.use_next_block(final_);
        self.addop_j(Pseudo::SetupCleanup, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        self.addop(Opcode::WITH_EXCEPT_START);
        self.addop_i(Opcode::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.with_except_finish(cleanup);

        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_with_except_finish`: after `WITH_EXCEPT_START` (and its await),
    /// re-raise unless `__exit__` returned a true value, else drop the exception and
    /// the `__exit__` / `lasti` under it.
    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.addop_j(Pseudo::PopJumpIfTrue, exit);
        self.addop_i(Opcode::RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.addop(Opcode::POP_TOP); // exc_value
        self.addop(Pseudo::PopBlock);
        self.addop(Opcode::POP_EXCEPT);
        self.addop(Opcode::POP_TOP);
        self.addop(Opcode::POP_TOP);
    }
}
