//! The flow-graph passes' working form of a code unit's CFG: CPython 3.11's
//! `basicblock` with the flags the passes keep (`b_exit`, `b_nofallthrough`,
//! `b_predecessors`, `b_startdepth`, `b_preserve_lasti`, `b_visited`), and the
//! instruction predicates of `compile.c` (`is_jump`, `is_block_push`).
//!
//! Blocks live in allocation order; CPython's `u_blocks`/`b_list` chain is the reverse
//! of it, so "for every block in `b_list` order" is a walk from the highest index down.

use super::FlowgraphError;
use crate::ir::{BlockId, Cfg, IrInstr, Op, Pseudo};
use crate::opcode::{JumpKind, Opcode};

/// One basic block (CPython's `basicblock`).
#[derive(Clone, Debug)]
pub struct Block {
    /// The instructions (`b_instr`, `b_iused`).
    pub instrs: Vec<IrInstr>,
    /// The fall-through successor in emission order (`b_next`).
    pub next: Option<BlockId>,
    /// Ends in a return or raise (`b_exit`).
    pub exit: bool,
    /// Control never falls out of the end (`b_nofallthrough`).
    pub nofallthrough: bool,
    /// Predecessor count from `mark_reachable` (`b_predecessors`).
    pub predecessors: u32,
    /// Stack depth on entry, `None` until `stackdepth` reaches it (`b_startdepth`).
    pub startdepth: Option<i32>,
    /// Handler that also receives `lasti` (`b_preserve_lasti`).
    pub preserve_lasti: bool,
    /// Scratch mark (`b_visited`).
    pub visited: bool,
}

impl Block {
    fn new(instrs: Vec<IrInstr>, next: Option<BlockId>) -> Block {
        Block {
            instrs,
            next,
            exit: false,
            nofallthrough: false,
            predecessors: 0,
            startdepth: None,
            preserve_lasti: false,
            visited: false,
        }
    }

    /// The last instruction, if any.
    pub fn last(&self) -> Option<&IrInstr> {
        self.instrs.last()
    }
}

/// A code unit's CFG as the passes see it (the `u_blocks` of a `compiler_unit`).
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// All blocks, by allocation order ([`BlockId`]); the entry is block 0.
    pub blocks: Vec<Block>,
}

/// The entry block.
pub const ENTRY: BlockId = BlockId(0);

impl Graph {
    /// Takes over the code generator's graph, spelling every jump as 3.11's code
    /// generator does (virtual `JUMP`/`POP_JUMP_IF_*` rather than a directed variant).
    /// Fails if a `next` or jump target names no block.
    pub fn from_cfg(cfg: Cfg) -> Result<Graph, FlowgraphError> {
        let n = cfg.blocks.len();
        let valid = |b: &Option<BlockId>| b.is_none_or(|b| (b.0 as usize) < n);
        for b in &cfg.blocks {
            if !valid(&b.next) || !b.instrs.iter().all(|i| valid(&i.target)) {
                return Err(FlowgraphError::MissingTarget);
            }
        }
        let blocks = cfg
            .blocks
            .into_iter()
            .map(|b| {
                let instrs = b
                    .instrs
                    .into_iter()
                    .map(|mut i| {
                        i.op = canonical_op(i.op);
                        i.except = None;
                        i
                    })
                    .collect();
                Block::new(instrs, b.next)
            })
            .collect();
        Ok(Graph { blocks })
    }

    /// The block `id`.
    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.0 as usize]
    }

    /// The block `id`, mutably.
    pub fn block_mut(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.0 as usize]
    }

    /// Whether `id` names a block of this graph.
    pub fn contains(&self, id: BlockId) -> bool {
        (id.0 as usize) < self.blocks.len()
    }

    /// The blocks in emission order, following `next` from the entry (`b_next`).
    /// Stops at a repeated block, so a malformed chain cannot loop.
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.blocks.len()];
        let mut b = Some(ENTRY);
        while let Some(id) = b {
            if !self.contains(id) || seen[id.0 as usize] {
                break;
            }
            seen[id.0 as usize] = true;
            out.push(id);
            b = self.block(id).next;
        }
        out
    }

    /// All blocks in `b_list` order (most recently allocated first).
    pub fn list_order(&self) -> Vec<BlockId> {
        (0..self.blocks.len() as u32).rev().map(BlockId).collect()
    }

    /// Allocates an empty, unlinked block (`compiler_new_block`).
    pub fn new_block(&mut self) -> BlockId {
        let id = BlockId(self.blocks.len() as u32);
        self.blocks.push(Block::new(Vec::new(), None));
        id
    }

    /// `compiler_copy_block`: a new block with `id`'s instructions and exit flag,
    /// never falling through.
    pub fn copy_block(&mut self, id: BlockId) -> BlockId {
        let instrs = self.block(id).instrs.clone();
        let exit = self.block(id).exit;
        let new = self.new_block();
        let b = self.block_mut(new);
        b.instrs = instrs;
        b.exit = exit;
        b.nofallthrough = true;
        new
    }

    /// The first non-empty block at or after `id` along `next`, as CPython's
    /// "skip over empty basic blocks" loops find it (`None` past the end).
    pub fn skip_empty(&self, id: BlockId) -> Option<BlockId> {
        let mut b = Some(id);
        let mut steps = 0;
        while let Some(cur) = b {
            if !self.contains(cur) || steps > self.blocks.len() {
                return None;
            }
            if !self.block(cur).instrs.is_empty() {
                return Some(cur);
            }
            b = self.block(cur).next;
            steps += 1;
        }
        None
    }
}

/// Real directed jumps turned back into the virtual opcodes 3.11's code generator
/// emits, so every pass sees one spelling.
fn canonical_op(op: Op) -> Op {
    let Op::Real(r) = op else { return op };
    let p = match r {
        Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD => Pseudo::Jump,
        Opcode::JUMP_BACKWARD_NO_INTERRUPT => Pseudo::JumpNoInterrupt,
        Opcode::POP_JUMP_FORWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_FALSE => {
            Pseudo::PopJumpIfFalse
        }
        Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
            Pseudo::PopJumpIfTrue
        }
        Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE => {
            Pseudo::PopJumpIfNone
        }
        Opcode::POP_JUMP_FORWARD_IF_NOT_NONE | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
            Pseudo::PopJumpIfNotNone
        }
        _ => return op,
    };
    Op::Pseudo(p)
}

/// 3.11's `is_jump`: a real or virtual jump (not `SETUP_*`).
pub fn is_jump(i: &IrInstr) -> bool {
    match i.op {
        Op::Real(r) => r.info().jump() != JumpKind::None,
        Op::Pseudo(p) => !matches!(
            p,
            Pseudo::SetupFinally | Pseudo::SetupCleanup | Pseudo::SetupWith | Pseudo::PopBlock
        ),
    }
}

/// 3.11's `is_block_push`: `SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`.
pub fn is_block_push(i: &IrInstr) -> bool {
    matches!(
        i.op,
        Op::Pseudo(Pseudo::SetupFinally | Pseudo::SetupCleanup | Pseudo::SetupWith)
    )
}

/// Whether the instruction is the real opcode `op`.
pub fn is_op(i: &IrInstr, op: Opcode) -> bool {
    i.op == Op::Real(op)
}

/// Whether the instruction is the virtual opcode `p`.
pub fn is_pseudo(i: &IrInstr, p: Pseudo) -> bool {
    i.op == Op::Pseudo(p)
}

/// `JUMP` or `JUMP_NO_INTERRUPT`.
pub fn is_unconditional_jump(i: &IrInstr) -> bool {
    matches!(i.op, Op::Pseudo(Pseudo::Jump | Pseudo::JumpNoInterrupt))
}

/// `RETURN_VALUE`, `RAISE_VARARGS`, `RERAISE` (3.11's `IS_SCOPE_EXIT_OPCODE`).
pub fn is_scope_exit(i: &IrInstr) -> bool {
    matches!(
        i.op,
        Op::Real(Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE)
    )
}

/// `COPY_INSTR_LOC`: copies the source location of `from` to `to`.
pub fn copy_loc(from: &IrInstr, to: &mut IrInstr) {
    to.loc = from.loc;
}
