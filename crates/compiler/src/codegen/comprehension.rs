//! Comprehensions and generator expressions: each is a nested function taking the
//! outermost iterator as `.0`, called at once (`compiler_comprehension`,
//! `compiler_sync_comprehension_generator`,
//! `compiler_async_comprehension_generator`).

use syntax::ast::{Comprehension, Expr, ExprKind};

use super::fblock::{FBlockDatum, FBlockKind};
use super::{CResult, CompileError, Compiler, ScopeType};
use crate::code::Constant;
use crate::ir::Pseudo;
use crate::opcode::Opcode;

/// Which comprehension (`COMP_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    GenExp,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    /// `compiler_comprehension` for any of the four comprehension nodes.
    pub(crate) fn compile_comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, name, generators, elt, val) = match &e.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                (CompKind::GenExp, "<genexpr>", generators, &**elt, None)
            }
            ExprKind::ListComp { elt, generators } => {
                (CompKind::List, "<listcomp>", generators, &**elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (CompKind::Set, "<setcomp>", generators, &**elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (
                CompKind::Dict,
                "<dictcomp>",
                generators,
                &**key,
                Some(&**value),
            ),
            _ => return Ok(()),
        };
        let Some(outermost) = generators.first() else {
            return Err(CompileError::System(
                "comprehension without generators".to_owned(),
            ));
        };
        let outer_scope = self.scope_type();
        let is_top_level_await = self.is_top_level_await();
        let ste = self.st.lookup_expr(e).ok_or_else(|| {
            CompileError::System("no symtable entry for comprehension".to_owned())
        })?;
        self.enter_scope(name, ScopeType::Comprehension, ste, e.loc.lineno)?;
        self.set_loc(&e.loc);
        let is_async_generator = self.ste().coroutine;
        let async_outside = is_async_generator
            && kind != CompKind::GenExp
            && !matches!(
                outer_scope,
                ScopeType::AsyncFunction | ScopeType::Comprehension
            )
            && !is_top_level_await;
        let code = if async_outside {
            Err(self.error("asynchronous comprehension outside of an asynchronous function"))
        } else {
            match self.comprehension_body(kind, generators, elt, val) {
                Ok(()) => self.assemble(true),
                Err(err) => Err(err),
            }
        };
        self.exit_scope();
        if is_top_level_await && is_async_generator {
            self.u().coroutine = true;
        }
        self.make_closure(code?, 0)?;
        self.visit_expr(&outermost.iter)?;
        self.addop(if outermost.is_async {
            Opcode::GET_AITER
        } else {
            Opcode::GET_ITER
        });
        self.addop_i(Opcode::PRECALL, 0);
        self.addop_i(Opcode::CALL, 0);
        if is_async_generator && kind != CompKind::GenExp {
            self.addop_i(Opcode::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    /// The comprehension function's code.
    fn comprehension_body(
        &mut self,
        kind: CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult {
        match kind {
            CompKind::List => self.addop_i(Opcode::BUILD_LIST, 0),
            CompKind::Set => self.addop_i(Opcode::BUILD_SET, 0),
            CompKind::Dict => self.addop_i(Opcode::BUILD_MAP, 0),
            CompKind::GenExp => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::GenExp {
            self.addop(Opcode::RETURN_VALUE);
        }
        Ok(())
    }

    /// `compiler_comprehension_generator`.
    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        if generators[gen_index].is_async {
            self.async_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        }
    }

    /// The innermost element: `YIELD_VALUE`, `LIST_APPEND`, `SET_ADD` or `MAP_ADD`.
    fn comprehension_element(
        &mut self,
        kind: CompKind,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult {
        self.visit_expr(elt)?;
        match kind {
            CompKind::GenExp => {
                self.addop_yield();
                self.addop(Opcode::POP_TOP);
            }
            CompKind::List => self.addop_i(Opcode::LIST_APPEND, depth + 1),
            CompKind::Set => self.addop_i(Opcode::SET_ADD, depth + 1),
            CompKind::Dict => {
                if let Some(v) = val {
                    self.visit_expr(v)?;
                }
                self.addop_i(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    /// `compiler_sync_comprehension_generator`.
    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            // The outermost iterator is the implicit argument `.0`.
            self.u().unit.argcount = 1;
            self.addop_i(Opcode::LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]`: no loop for a one-element list or tuple.
            let elts = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                _ => None,
            };
            if let Some([one]) = elts.map(|v| v.as_slice()) {
                if !matches!(one.kind, ExprKind::Starred { .. }) {
                    self.visit_expr(one)?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_expr(&gen.iter)?;
                self.addop(Opcode::GET_ITER);
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_next_block(start);
            self.addop_j(Opcode::FOR_ITER, anchor);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(kind, depth, elt, val)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(start) = start {
            self.addop_j(Pseudo::Jump, start);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    /// `compiler_async_comprehension_generator`.
    fn async_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().unit.argcount = 1;
            self.addop_i(Opcode::LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.addop(Opcode::GET_AITER);
        }
        self.use_next_block(start);
        self.push_fblock(
            FBlockKind::AsyncComprehensionGenerator,
            Some(start),
            None,
            FBlockDatum::None,
        )?;
        self.addop_j(Pseudo::SetupFinally, except);
        self.addop(Opcode::GET_ANEXT);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.addop(Pseudo::PopBlock);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(kind, depth, elt, val)?;
        }
        self.use_next_block(if_cleanup);
        self.addop_j(Pseudo::Jump, start);
        self.pop_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start));
        self.use_next_block(except);
        self.addop(Opcode::END_ASYNC_FOR);
        Ok(())
    }
}
