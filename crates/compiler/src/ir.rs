//! The code generator's intermediate form: CPython 3.11's control-flow graph of basic
//! blocks (`basicblock` / `struct instr` in `Python/compile.c`).
//!
//! The code generator ([`crate::codegen`]) appends instructions to the current block
//! and links blocks in emission order through [`BasicBlock::next`]; jumps name their
//! target block. Besides real opcodes an instruction may hold one of 3.11's virtual
//! ([`Pseudo`]) opcodes: the `SETUP_*`/`POP_BLOCK` markers that delimit exception
//! handlers (turned into exception-table entries and removed by the flow-graph passes)
//! and the direction-less jumps that become `*_FORWARD`/`*_BACKWARD` variants.
//! The flow-graph passes ([`crate::flowgraph`]) optimize the graph and linearize it
//! into [`crate::assemble::Instr`]s for the assembler.

use crate::assemble::Location;
use crate::opcode::Opcode;

/// 3.11's virtual opcodes (negative numbers in `compile.c`, `IS_VIRTUAL_OPCODE`):
/// they never reach `co_code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pseudo {
    /// `SETUP_FINALLY target`: instructions until the matching `POP_BLOCK` are covered
    /// by the handler `target`, entered with the exception pushed.
    SetupFinally,
    /// `SETUP_CLEANUP target`: as `SetupFinally`, and the handler also gets `lasti`.
    SetupCleanup,
    /// `SETUP_WITH target`: as `SetupCleanup`, one more value (the `__exit__`) under it.
    SetupWith,
    /// `POP_BLOCK`: ends the innermost `SETUP_*` range.
    PopBlock,
    /// An unconditional jump (`JUMP_FORWARD` or `JUMP_BACKWARD`).
    Jump,
    /// An unconditional jump that does not check for interrupts
    /// (`JUMP_FORWARD` or `JUMP_BACKWARD_NO_INTERRUPT`).
    JumpNoInterrupt,
    /// `POP_JUMP_{FORWARD,BACKWARD}_IF_FALSE`.
    PopJumpIfFalse,
    /// `POP_JUMP_{FORWARD,BACKWARD}_IF_TRUE`.
    PopJumpIfTrue,
    /// `POP_JUMP_{FORWARD,BACKWARD}_IF_NONE`.
    PopJumpIfNone,
    /// `POP_JUMP_{FORWARD,BACKWARD}_IF_NOT_NONE`.
    PopJumpIfNotNone,
}

impl Pseudo {
    /// CPython 3.11's name for the virtual opcode.
    pub fn name(self) -> &'static str {
        match self {
            Pseudo::SetupFinally => "SETUP_FINALLY",
            Pseudo::SetupCleanup => "SETUP_CLEANUP",
            Pseudo::SetupWith => "SETUP_WITH",
            Pseudo::PopBlock => "POP_BLOCK",
            Pseudo::Jump => "JUMP",
            Pseudo::JumpNoInterrupt => "JUMP_NO_INTERRUPT",
            Pseudo::PopJumpIfFalse => "POP_JUMP_IF_FALSE",
            Pseudo::PopJumpIfTrue => "POP_JUMP_IF_TRUE",
            Pseudo::PopJumpIfNone => "POP_JUMP_IF_NONE",
            Pseudo::PopJumpIfNotNone => "POP_JUMP_IF_NOT_NONE",
        }
    }
}

/// An instruction's operation: a real 3.11 opcode or a virtual one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// A real opcode (any jump variant may be given; direction is fixed at assembly).
    Real(Opcode),
    /// A virtual opcode.
    Pseudo(Pseudo),
}

impl Op {
    /// The opcode's (or virtual opcode's) name.
    pub fn name(self) -> &'static str {
        match self {
            Op::Real(op) => op.name(),
            Op::Pseudo(p) => p.name(),
        }
    }

    /// Whether the instruction names a target block (jumps, `FOR_ITER`, `SEND`,
    /// `SETUP_*`).
    pub fn has_target(self) -> bool {
        match self {
            Op::Real(op) => op.info().jump() != crate::opcode::JumpKind::None,
            Op::Pseudo(p) => !matches!(p, Pseudo::PopBlock),
        }
    }
}

impl From<Opcode> for Op {
    fn from(op: Opcode) -> Op {
        Op::Real(op)
    }
}

impl From<Pseudo> for Op {
    fn from(p: Pseudo) -> Op {
        Op::Pseudo(p)
    }
}

/// Index of a block in its [`Cfg`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// One instruction (CPython's `struct instr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IrInstr {
    /// The operation.
    pub op: Op,
    /// The argument (0 where there is none; jumps' arguments come from `target`).
    pub oparg: u32,
    /// The target block of a jump or `SETUP_*` (`i_target`).
    pub target: Option<BlockId>,
    /// The handler covering this instruction, filled in by the flow-graph pass that
    /// labels exception targets (`i_except`).
    pub except: Option<BlockId>,
    /// The source location (`i_lineno` ... `i_end_col_offset`).
    pub loc: Location,
}

impl IrInstr {
    /// An instruction without target.
    pub fn new(op: impl Into<Op>, oparg: u32, loc: Location) -> IrInstr {
        IrInstr {
            op: op.into(),
            oparg,
            target: None,
            except: None,
            loc,
        }
    }

    /// A jump (or `SETUP_*`) to `target`.
    pub fn jump(op: impl Into<Op>, target: BlockId, loc: Location) -> IrInstr {
        IrInstr {
            op: op.into(),
            oparg: 0,
            target: Some(target),
            except: None,
            loc,
        }
    }
}

/// A basic block (CPython's `basicblock`): straight-line instructions, then the
/// fall-through successor in emission order.
#[derive(Clone, Debug, Default)]
pub struct BasicBlock {
    /// The instructions (`b_instr`).
    pub instrs: Vec<IrInstr>,
    /// The next block in emission (fall-through) order (`b_next`).
    pub next: Option<BlockId>,
    /// Number of predecessors (`b_predecessors`), maintained by the passes.
    pub predecessors: u32,
    /// Stack depth on entry (`b_startdepth`), or -1 while unknown.
    pub startdepth: i32,
    /// The block is an exception handler that also gets `lasti` (`b_preserve_lasti`).
    pub preserve_lasti: bool,
    /// Scratch mark for graph walks (`b_visited`).
    pub visited: bool,
    /// The block is an exception handler's entry (`b_except_handler`).
    pub except_handler: bool,
}

/// A code unit's control-flow graph. Blocks are stored in allocation order (CPython's
/// `b_list` links them in the reverse order); the entry block is the first
/// allocated.
#[derive(Clone, Debug, Default)]
pub struct Cfg {
    /// All blocks, by [`BlockId`].
    pub blocks: Vec<BasicBlock>,
}

impl Cfg {
    /// An empty graph holding only the entry block.
    pub fn new() -> Cfg {
        let mut cfg = Cfg { blocks: Vec::new() };
        cfg.new_block();
        cfg
    }

    /// The entry block.
    pub const ENTRY: BlockId = BlockId(0);

    /// Allocates a new, unlinked block (`compiler_new_block`).
    pub fn new_block(&mut self) -> BlockId {
        let id = BlockId(self.blocks.len() as u32);
        self.blocks.push(BasicBlock {
            startdepth: -1,
            ..BasicBlock::default()
        });
        id
    }

    /// The block `id`.
    pub fn block(&self, id: BlockId) -> &BasicBlock {
        &self.blocks[id.0 as usize]
    }

    /// The block `id`, mutably.
    pub fn block_mut(&mut self, id: BlockId) -> &mut BasicBlock {
        &mut self.blocks[id.0 as usize]
    }

    /// The blocks in emission order, following `next` from the entry.
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(Cfg::ENTRY);
        while let Some(id) = b {
            out.push(id);
            b = self.block(id).next;
        }
        out
    }
}
