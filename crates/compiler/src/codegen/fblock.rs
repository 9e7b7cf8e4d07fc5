//! Frame blocks (`struct fblockinfo` in `compile.c`): the loops, handlers and
//! `with` blocks enclosing the code being generated, which `return`, `break` and
//! `continue` must unwind (pop iterators, run `finally` bodies, call `__exit__`,
//! pop exception state) before they jump.

use syntax::ast;

use super::{CResult, Compiler};
use crate::code::Constant;
use crate::ir::{BlockId, Pseudo};
use crate::opcode::Opcode;

/// CPython's `CO_MAXBLOCKS`: the deepest static nesting of frame blocks.
pub(crate) const CO_MAXBLOCKS: usize = 20;

/// The kind of a frame block (`enum fblocktype`).
#[allow(dead_code)] // some kinds are pushed only by try/with (try_stmt.rs, with_stmt.rs)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    /// A `while` loop: nothing to unwind.
    WhileLoop,
    /// A `for` / `async for` loop: the iterator is on the stack.
    ForLoop,
    /// The body of `try: … except`: `POP_BLOCK`.
    TryExcept,
    /// The body of `try: … finally`: run the `finally` body ([`FBlockDatum::Body`]).
    FinallyTry,
    /// The `finally` body run for an exception: the exception is on the stack.
    FinallyEnd,
    /// The body of a `with` ([`FBlockDatum::Stmt`]): call `__exit__(None, None, None)`.
    With,
    /// The body of an `async with`: as `With`, awaiting the result.
    AsyncWith,
    /// An `except` clause's body; [`FBlockDatum::Name`] names the bound exception.
    HandlerCleanup,
    /// A value to pop (the return value saved while a `finally` body runs).
    PopValue,
    /// The handler dispatch of a `try`: nothing to unwind.
    ExceptionHandler,
    /// The handlers of `try: … except*`: `break`/`continue`/`return` are errors.
    ExceptionGroupHandler,
    /// An `async for` of an asynchronous comprehension: nothing to unwind.
    AsyncComprehensionGenerator,
}

/// Type-specific data of a frame block (`fb_datum`).
#[allow(dead_code)] // some are made only by try/with (try_stmt.rs, with_stmt.rs)
#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlockDatum<'a> {
    /// Nothing.
    None,
    /// The `finally` body of a [`FBlockKind::FinallyTry`].
    Body(&'a [ast::Stmt]),
    /// The `with` statement of a [`FBlockKind::With`] / [`FBlockKind::AsyncWith`]
    /// (its location is given to the `__exit__` call).
    Stmt(&'a ast::Stmt),
    /// The name bound by `except … as name` in a [`FBlockKind::HandlerCleanup`].
    Name(&'a str),
}

/// One frame block (`struct fblockinfo`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    /// The kind (`fb_type`).
    pub(crate) kind: FBlockKind,
    /// The block's start: a loop's `continue` target (`fb_block`).
    pub(crate) block: Option<BlockId>,
    /// A loop's `break` target, or a handler (`fb_exit`).
    pub(crate) exit: Option<BlockId>,
    /// Extra data for unwinding (`fb_datum`).
    pub(crate) datum: FBlockDatum<'a>,
}

impl<'a> Compiler<'a> {
    /// `compiler_push_fblock`: fails with "too many statically nested blocks" past
    /// [`CO_MAXBLOCKS`].
    pub(crate) fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: Option<BlockId>,
        exit: Option<BlockId>,
        datum: FBlockDatum<'a>,
    ) -> CResult {
        if self.u_ref().fblocks.len() >= CO_MAXBLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            datum,
        });
        Ok(())
    }

    /// `compiler_pop_fblock`: pop the innermost frame block, which must be `kind`.
    pub(crate) fn pop_fblock(&mut self, kind: FBlockKind, block: Option<BlockId>) {
        let top = self.u().fblocks.pop();
        debug_assert!(matches!(top, Some(f) if f.kind == kind && f.block == block));
    }

    /// `compiler_call_exit_with_nones`: call the `__exit__` under the top of the
    /// stack with `(None, None, None)`.
    pub(crate) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.addop_i(Opcode::PRECALL, 2);
        self.addop_i(Opcode::CALL, 2);
    }

    /// `compiler_add_yield_from`: the `SEND` / `YIELD_VALUE` / `RESUME` loop of
    /// `yield from` (`is_await == false`, `RESUME 2`) and `await` (`RESUME 3`).
    pub(crate) fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.addop_j(Opcode::SEND, exit);
        self.use_next_block(resume);
        self.addop(Opcode::YIELD_VALUE);
        self.addop_i(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.addop_j(Pseudo::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    /// `compiler_pop_except_and_reraise`: `COPY 3`, `POP_EXCEPT`, `RERAISE 1` (for the
    /// handlers of try/with).
    #[allow(dead_code)]
    pub(crate) fn pop_except_and_reraise(&mut self) {
        self.addop_i(Opcode::COPY, 3);
        self.addop(Opcode::POP_EXCEPT);
        self.addop_i(Opcode::RERAISE, 1);
    }

    /// `compiler_unwind_fblock`: emit what leaving frame block `info` early needs.
    /// With `preserve_tos` the value on top of the stack (a return value) is kept
    /// above what is popped.
    pub(crate) fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Opcode::POP_TOP);
            }
            FBlockKind::TryExcept => self.addop(Pseudo::PopBlock),
            FBlockKind::FinallyTry => {
                // This POP_BLOCK gets the line number of the unwinding statement.
                self.addop(Pseudo::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, FBlockDatum::None)?;
                }
                if let FBlockDatum::Body(body) = info.datum {
                    self.visit_stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock(FBlockKind::PopValue, None);
                }
                // The finally body appears to run after the unwinding statement.
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Opcode::POP_TOP); // exc_value
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Pseudo::PopBlock);
                self.addop(Opcode::POP_EXCEPT);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                if let FBlockDatum::Stmt(s) = info.datum {
                    self.set_loc(&s.loc);
                }
                self.addop(Pseudo::PopBlock);
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FBlockKind::AsyncWith {
                    self.addop_i(Opcode::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.add_yield_from(true);
                }
                self.addop(Opcode::POP_TOP);
                // The exit appears to run after the unwinding statement.
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                let name = match info.datum {
                    FBlockDatum::Name(n) => Some(n),
                    _ => None,
                };
                if name.is_some() {
                    self.addop(Pseudo::PopBlock);
                }
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Pseudo::PopBlock);
                self.addop(Opcode::POP_EXCEPT);
                if let Some(name) = name {
                    self.load_const(Constant::None);
                    self.nameop(name, ast::ExprContext::Store)?;
                    self.nameop(name, ast::ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Opcode::POP_TOP);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwind every frame block, innermost first
    /// (for `return`), or, with `stop_at_loop`, up to the innermost loop, which is
    /// returned without being unwound (for `break` and `continue`). Fails inside an
    /// `except*` block.
    pub(crate) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(&top) = self.u_ref().fblocks.last() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(
                self.error("'break', 'continue' and 'return' cannot appear in an except* block")
            );
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let found = self.unwind_fblock_stack(preserve_tos, stop_at_loop)?;
        self.u().fblocks.push(top);
        Ok(found)
    }
}
