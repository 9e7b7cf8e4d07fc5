//! Emission: appending instructions to the current block (`compiler_addop*`,
//! `ADDOP_*`), blocks (`compiler_new_block`, `compiler_use_next_block`), constants
//! and names (`compiler_add_const`, `compiler_addop_name`, `compiler_nameop`), and
//! locations (`SET_LOC` / `UNSET_LOC`).

use common::text::Text;
use syntax::ast::{self, ExprContext};

use super::{CResult, Compiler, ScopeType};
use crate::assemble::Location;
use crate::code::Constant;
use crate::ir::{BlockId, IrInstr, Op, Pseudo};
use crate::opcode::{JumpKind, Opcode};
use crate::symtable::{mangle, BlockType, Scope};

/// The location of an instruction without a line (`compiler_addop_noline`: line
/// -1, the rest 0); the flow-graph passes give it its predecessor's.
pub(crate) const NO_LINE: Location = Location {
    lineno: -1,
    end_lineno: 0,
    col_offset: 0,
    end_col_offset: 0,
};

/// `is_end_of_basic_block`: jumps, `RETURN_VALUE`, `RAISE_VARARGS`, `RERAISE`.
fn ends_block(op: Op) -> bool {
    match op {
        Op::Real(o) => {
            o.info().jump() != JumpKind::None
                || matches!(
                    o,
                    Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
                )
        }
        Op::Pseudo(p) => !matches!(
            p,
            Pseudo::SetupFinally | Pseudo::SetupCleanup | Pseudo::SetupWith | Pseudo::PopBlock
        ),
    }
}

/// Whether a constant is or holds a NaN float.
fn has_nan(c: &Constant) -> bool {
    match c {
        Constant::Float(f) => f.is_nan(),
        Constant::Complex(r, i) => r.is_nan() || i.is_nan(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().any(has_nan),
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    // ---- blocks ----

    /// `compiler_new_block`: a new, unlinked block.
    pub(crate) fn new_block(&mut self) -> BlockId {
        self.u().unit.cfg.new_block()
    }

    /// `compiler_use_next_block`: link `block` after the current one and append to
    /// it from now on.
    pub(crate) fn use_next_block(&mut self, block: BlockId) {
        let u = self.u();
        let cur = u.curblock;
        u.unit.cfg.block_mut(cur).next = Some(block);
        u.curblock = block;
        u.need_new_implicit_block = false;
    }

    /// Append `instr` to the current block, starting a new block first if the last
    /// instruction ended one.
    pub(crate) fn add_instr(&mut self, instr: IrInstr) {
        if self.u_ref().need_new_implicit_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
        let u = self.u();
        let cur = u.curblock;
        u.unit.cfg.block_mut(cur).instrs.push(instr);
        if ends_block(instr.op) {
            u.need_new_implicit_block = true;
        }
    }

    // ---- locations ----

    /// `SET_LOC`: following instructions get the position `loc`.
    pub(crate) fn set_loc(&mut self, loc: &ast::Location) {
        self.u().loc = super::loc_of(loc);
    }

    /// `UNSET_LOC`: following instructions are artificial (no line).
    pub(crate) fn unset_loc(&mut self) {
        self.u().loc = Location::NONE;
    }

    /// The current location, to restore later.
    pub(crate) fn loc(&self) -> Location {
        self.u_ref().loc
    }

    /// Restore a location saved with [`Compiler::loc`].
    pub(crate) fn restore_loc(&mut self, loc: Location) {
        self.u().loc = loc;
    }

    // ---- instructions ----

    /// `ADDOP`: an instruction without argument at the current location.
    pub(crate) fn addop(&mut self, op: impl Into<Op>) {
        let loc = self.loc();
        self.add_instr(IrInstr::new(op, 0, loc));
    }

    /// `ADDOP_NOLINE`: an artificial instruction without argument.
    #[allow(dead_code)] // used by try/with (try_stmt.rs, with_stmt.rs)
    pub(crate) fn addop_noline(&mut self, op: impl Into<Op>) {
        self.add_instr(IrInstr::new(op, 0, NO_LINE));
    }

    /// `ADDOP_I`: an instruction with argument `arg` at the current location.
    pub(crate) fn addop_i(&mut self, op: impl Into<Op>, arg: u32) {
        let loc = self.loc();
        self.add_instr(IrInstr::new(op, arg, loc));
    }

    /// `ADDOP_I_NOLINE`.
    pub(crate) fn addop_i_noline(&mut self, op: impl Into<Op>, arg: u32) {
        self.add_instr(IrInstr::new(op, arg, NO_LINE));
    }

    /// `ADDOP_JUMP`: a jump (or `SETUP_*`, `FOR_ITER`, `SEND`) to `target`.
    pub(crate) fn addop_j(&mut self, op: impl Into<Op>, target: BlockId) {
        let loc = self.loc();
        self.add_instr(IrInstr::jump(op, target, loc));
    }

    /// `ADDOP_JUMP_NOLINE`: an artificial jump.
    pub(crate) fn addop_j_noline(&mut self, op: impl Into<Op>, target: BlockId) {
        self.add_instr(IrInstr::jump(op, target, NO_LINE));
    }

    /// The index of `c` in the unit's constants (`compiler_add_const`). As in
    /// CPython, whose constant key of a code object is the object itself (compared
    /// with `code_richcompare`), an equal code object already there is reused: the
    /// condition of a `while` is compiled twice, its lambdas and comprehensions once.
    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let unit = &mut self.u().unit;
        if let Constant::Code(code) = &c {
            let same = unit
                .consts
                .iter()
                .position(|k| matches!(k, Constant::Code(other) if other == code));
            if let Some(i) = same {
                return i as u32;
            }
        }
        if has_nan(&c) {
            // A NaN is never equal to another NaN object, so CPython's constant keys
            // never merge two of them.
            unit.consts.push(c);
            return unit.consts.len() as u32 - 1;
        }
        unit.add_const(c)
    }

    /// `ADDOP_LOAD_CONST`.
    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.addop_i(Opcode::LOAD_CONST, i);
    }

    /// `ADDOP_N(..., names)`: an instruction naming `name` in `co_names`, unmangled.
    pub(crate) fn addop_names(&mut self, op: Opcode, name: &str) {
        let i = self.u().unit.names.add(&Text::from(name));
        self.addop_i(op, i);
    }

    /// `ADDOP_NAME(..., names)`: as [`Compiler::addop_names`], with the name mangled
    /// in a class.
    pub(crate) fn addop_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.u_ref().private, name).into_owned();
        self.addop_names(op, &mangled);
    }

    /// `forbidden_name`: `__debug__` may not be assigned or deleted.
    pub(crate) fn forbidden_name(&self, name: &str, ctx: ExprContext) -> CResult {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => return Err(self.error("cannot assign to __debug__")),
                ExprContext::Del => return Err(self.error("cannot delete __debug__")),
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    /// `compiler_nameop`: load, store or delete the variable `name`, with the
    /// instruction its scope calls for (`*_FAST`, `*_DEREF`/`LOAD_CLASSDEREF`,
    /// `*_GLOBAL`, `*_NAME`).
    pub(crate) fn nameop(&mut self, name: &str, ctx: ExprContext) -> CResult {
        self.forbidden_name(name, ctx)?;
        let mangled = mangle(self.u_ref().private, name).into_owned();
        let ste = self.ste();
        let is_function = ste.block_type == BlockType::Function;
        let is_class = ste.block_type == BlockType::Class;
        let text = Text::from(mangled.as_str());
        enum Kind {
            Fast,
            Global,
            Cell,
            Free,
            Name,
        }
        let kind = match ste.scope(&mangled) {
            Some(Scope::Free) => Kind::Free,
            Some(Scope::Cell) => Kind::Cell,
            Some(Scope::Local) if is_function => Kind::Fast,
            Some(Scope::GlobalImplicit) if is_function => Kind::Global,
            Some(Scope::GlobalExplicit) => Kind::Global,
            _ => Kind::Name,
        };
        let u = self.u();
        let (op, arg) = match kind {
            Kind::Free | Kind::Cell => {
                let arg = match kind {
                    Kind::Cell => u.unit.cellvars.add(&text),
                    _ => u.unit.cellvars.len() as u32 + u.unit.freevars.add(&text),
                };
                let op = match ctx {
                    ExprContext::Load if is_class => Opcode::LOAD_CLASSDEREF,
                    ExprContext::Load => Opcode::LOAD_DEREF,
                    ExprContext::Store => Opcode::STORE_DEREF,
                    ExprContext::Del => Opcode::DELETE_DEREF,
                };
                (op, arg)
            }
            Kind::Fast => {
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_FAST,
                    ExprContext::Store => Opcode::STORE_FAST,
                    ExprContext::Del => Opcode::DELETE_FAST,
                };
                (op, u.unit.varnames.add(&text))
            }
            Kind::Global => {
                let arg = u.unit.names.add(&text);
                match ctx {
                    ExprContext::Load => (Opcode::LOAD_GLOBAL, arg << 1),
                    ExprContext::Store => (Opcode::STORE_GLOBAL, arg),
                    ExprContext::Del => (Opcode::DELETE_GLOBAL, arg),
                }
            }
            Kind::Name => {
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_NAME,
                    ExprContext::Store => Opcode::STORE_NAME,
                    ExprContext::Del => Opcode::DELETE_NAME,
                };
                (op, u.unit.names.add(&text))
            }
        };
        self.addop_i(op, arg);
        Ok(())
    }

    /// Whether the innermost unit is a function-like block (`ste_type ==
    /// FunctionBlock`).
    pub(crate) fn in_function_block(&self) -> bool {
        self.ste().block_type == BlockType::Function
    }

    /// The innermost unit's scope type.
    pub(crate) fn scope_type(&self) -> ScopeType {
        self.u_ref().scope_type
    }
}
