//! Statements: the dispatch (`compiler_visit_stmt`) and the control-flow
//! statements (`if`, `for`, `async for`, `while`, `return`, `break`, `continue`,
//! `raise`, `assert`, expression statements).

use syntax::ast::{self, Stmt, StmtKind};

use super::fblock::{FBlockDatum, FBlockKind};
use super::{CResult, Compiler, ScopeType};
use crate::code::Constant;
use crate::ir::Pseudo;
use crate::opcode::Opcode;

/// `find_ann`: does the body (not nested functions or classes) contain an
/// annotated assignment?
pub(crate) fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|st| match &st.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For(f) | StmtKind::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            find_ann(body) || find_ann(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => find_ann(&w.body),
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            t.handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// `VISIT_SEQ(c, stmt, …)`.
    pub(crate) fn visit_stmts(&mut self, stmts: &'a [Stmt]) -> CResult {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// `compiler_visit_stmt`: one statement; every statement starts at its own
    /// location.
    pub(crate) fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(&s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.compile_function(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.compile_function(s, f, true),
            StmtKind::ClassDef(cd) => self.compile_class(s, cd),
            StmtKind::Return { value } => self.compile_return(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value, .. } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.addop_i(Opcode::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.compile_augassign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.compile_annassign(target, annotation, value.as_deref(), *simple),
            StmtKind::For(f) => self.compile_for(f),
            StmtKind::AsyncFor(f) => self.compile_async_for(f),
            StmtKind::While { test, body, orelse } => self.compile_while(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => self.compile_if(test, body, orelse),
            StmtKind::Match { subject, cases } => self.compile_match(s, subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    n += 1;
                    if let Some(cause) = cause {
                        self.visit_expr(cause)?;
                        n += 1;
                    }
                }
                self.addop_i(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try(t) => self.compile_try(s, t),
            StmtKind::TryStar(t) => self.compile_try_star(s, t),
            StmtKind::Assert { test, msg } => self.compile_assert(test, msg.as_deref()),
            StmtKind::Import { names } => self.compile_import(names),
            StmtKind::ImportFrom { .. } => self.compile_from_import(s),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => self.compile_stmt_expr(value),
            StmtKind::Pass => {
                self.addop(Opcode::NOP);
                Ok(())
            }
            StmtKind::Break => self.compile_break(),
            StmtKind::Continue => self.compile_continue(),
            StmtKind::With(w) => self.compile_with(s, w, 0),
            StmtKind::AsyncWith(w) => self.compile_async_with(s, w, 0),
        }
    }

    /// `compiler_visit_stmt_expr`: an expression statement (printed in interactive
    /// mode; a constant is a `NOP`).
    fn compile_stmt_expr(&mut self, value: &'a ast::Expr) -> CResult {
        if self.interactive && self.nestlevel <= 1 {
            self.visit_expr(value)?;
            self.addop(Opcode::PRINT_EXPR);
            return Ok(());
        }
        if matches!(value.kind, ast::ExprKind::Constant { .. }) {
            self.addop(Opcode::NOP);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.addop(Opcode::POP_TOP);
        Ok(())
    }

    /// `compiler_if`.
    fn compile_if(&mut self, test: &'a ast::Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let end = self.new_block();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(test, next, false)?;
        self.visit_stmts(body)?;
        if !orelse.is_empty() {
            self.addop_j_noline(Pseudo::Jump, end);
            self.use_next_block(next);
            self.visit_stmts(orelse)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_for`.
    fn compile_for(&mut self, f: &'a ast::For) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(
            FBlockKind::ForLoop,
            Some(start),
            Some(end),
            FBlockDatum::None,
        )?;
        self.visit_expr(&f.iter)?;
        self.addop(Opcode::GET_ITER);
        self.use_next_block(start);
        self.addop_j(Opcode::FOR_ITER, cleanup);
        self.use_next_block(body);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        // The jump back is artificial.
        self.unset_loc();
        self.addop_j(Pseudo::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock(FBlockKind::ForLoop, Some(start));
        self.visit_stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_async_for`.
    fn compile_async_for(&mut self, f: &'a ast::For) -> CResult {
        if self.is_top_level_await() {
            self.u().coroutine = true;
        } else if self.scope_type() != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.addop(Opcode::GET_AITER);
        self.use_next_block(start);
        self.push_fblock(
            FBlockKind::ForLoop,
            Some(start),
            Some(end),
            FBlockDatum::None,
        )?;
        self.addop_j(Pseudo::SetupFinally, except);
        self.addop(Opcode::GET_ANEXT);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.addop(Pseudo::PopBlock);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.addop_j(Pseudo::Jump, start);
        self.pop_fblock(FBlockKind::ForLoop, Some(start));
        self.use_next_block(except);
        // END_ASYNC_FOR succeeds the `for`, not the body: the iterator's line.
        self.set_loc(&f.iter.loc);
        self.addop(Opcode::END_ASYNC_FOR);
        self.visit_stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_while`: the condition is tested before the loop and again at the
    /// end of the body (3.11 duplicates it).
    fn compile_while(
        &mut self,
        s: &'a Stmt,
        test: &'a ast::Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let lp = self.new_block();
        let body_block = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(
            FBlockKind::WhileLoop,
            Some(lp),
            Some(end),
            FBlockDatum::None,
        )?;
        self.jump_if(test, anchor, false)?;
        self.use_next_block(body_block);
        self.visit_stmts(body)?;
        self.set_loc(&s.loc);
        self.jump_if(test, body_block, true)?;
        self.pop_fblock(FBlockKind::WhileLoop, Some(lp));
        self.use_next_block(anchor);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_return`.
    fn compile_return(&mut self, s: &'a Stmt, value: Option<&'a ast::Expr>) -> CResult {
        let preserve_tos = value.is_some_and(|v| !matches!(v.kind, ast::ExprKind::Constant { .. }));
        if !self.in_function_block() {
            return Err(self.error("'return' outside function"));
        }
        let ste = self.ste();
        if value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator"));
        }
        if preserve_tos {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            // An instruction with the line of the returned constant.
            self.set_loc(&v.loc);
            self.addop(Opcode::NOP);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(&s.loc);
            self.addop(Opcode::NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_const(Constant::None),
            Some(v) if !preserve_tos => {
                if let ast::ExprKind::Constant { value, .. } = &v.kind {
                    self.load_const(super::constant(value));
                }
            }
            Some(_) => {}
        }
        self.addop(Opcode::RETURN_VALUE);
        Ok(())
    }

    /// `compiler_break`.
    fn compile_break(&mut self) -> CResult {
        let saved = self.loc();
        self.addop(Opcode::NOP);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            self.restore_loc(saved);
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(&lp, false)?;
        if let Some(exit) = lp.exit {
            self.addop_j(Pseudo::Jump, exit);
        }
        Ok(())
    }

    /// `compiler_continue`.
    fn compile_continue(&mut self) -> CResult {
        let saved = self.loc();
        self.addop(Opcode::NOP);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            self.restore_loc(saved);
            return Err(self.error("'continue' not properly in loop"));
        };
        if let Some(block) = lp.block {
            self.addop_j(Pseudo::Jump, block);
        }
        Ok(())
    }

    /// `compiler_assert` (nothing under `-O`).
    fn compile_assert(&mut self, test: &'a ast::Expr, msg: Option<&'a ast::Expr>) -> CResult {
        self.check_assert(test);
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(test, end, true)?;
        self.addop(Opcode::LOAD_ASSERTION_ERROR);
        if let Some(msg) = msg {
            self.visit_expr(msg)?;
            self.addop_i(Opcode::PRECALL, 0);
            self.addop_i(Opcode::CALL, 0);
        }
        self.addop_i(Opcode::RAISE_VARARGS, 1);
        self.use_next_block(end);
        Ok(())
    }
}
