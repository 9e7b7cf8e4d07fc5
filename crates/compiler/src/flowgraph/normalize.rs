//! 3.11's `normalize_basic_block` (exit / no-fall-through flags, jumps past empty
//! blocks) and `extend_block` (a jump to a short exit block without line numbers
//! becomes a copy of that block: the implicit `return None` duplicated at each
//! `return`-less end).

use super::graph::{is_scope_exit, is_unconditional_jump, Graph};
use super::FlowgraphError;
use crate::ir::{BlockId, Op, Pseudo};
use crate::opcode::Opcode;

/// Blocks at most this long are copied (`MAX_COPY_SIZE`).
pub const MAX_COPY_SIZE: usize = 4;

/// `normalize_basic_block`: sets `exit` and `nofallthrough`, checks that jumps end
/// their block and retargets them past empty blocks.
pub fn normalize_basic_block(g: &mut Graph, b: BlockId) -> Result<(), FlowgraphError> {
    let n = g.block(b).instrs.len();
    for i in 0..n {
        let ins = g.block(b).instrs[i];
        if is_scope_exit(&ins) {
            let blk = g.block_mut(b);
            blk.exit = true;
            blk.nofallthrough = true;
            continue;
        }
        let checked = matches!(
            ins.op,
            Op::Pseudo(
                Pseudo::Jump
                    | Pseudo::JumpNoInterrupt
                    | Pseudo::PopJumpIfFalse
                    | Pseudo::PopJumpIfTrue
                    | Pseudo::PopJumpIfNone
                    | Pseudo::PopJumpIfNotNone
            ) | Op::Real(
                Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP | Opcode::FOR_ITER
            )
        );
        if !checked {
            continue;
        }
        if is_unconditional_jump(&ins) {
            g.block_mut(b).nofallthrough = true;
        }
        if i != n - 1 {
            return Err(FlowgraphError::Malformed(
                "jump not at the end of its block",
            ));
        }
        let target = ins.target.ok_or(FlowgraphError::MissingTarget)?;
        let target = g
            .skip_empty(target)
            .ok_or(FlowgraphError::Malformed("jump past the last block"))?;
        g.block_mut(b).instrs[i].target = Some(target);
    }
    Ok(())
}

/// Whether any instruction of `b` has a line number (`basicblock_has_lineno`:
/// strictly positive).
fn has_lineno(g: &Graph, b: BlockId) -> bool {
    g.block(b).instrs.iter().any(|i| i.loc.lineno > 0)
}

/// `extend_block`: if `b` ends with `JUMP` to an exit block of at most
/// [`MAX_COPY_SIZE`] instructions, none with a line number, the jump becomes a `NOP`
/// and the target's instructions are appended.
pub fn extend_block(g: &mut Graph, b: BlockId) {
    let Some(last) = g.block(b).last().copied() else {
        return;
    };
    if !is_jump_op(last.op) {
        return;
    }
    let Some(target) = last.target else { return };
    if !g.contains(target) {
        return;
    }
    let t = g.block(target);
    if !(t.exit && t.instrs.len() <= MAX_COPY_SIZE) || has_lineno(g, target) {
        return;
    }
    let copied = g.block(target).instrs.clone();
    let blk = g.block_mut(b);
    if let Some(l) = blk.instrs.last_mut() {
        l.op = Op::Real(Opcode::NOP);
        l.target = None;
    }
    blk.instrs.extend(copied);
    blk.exit = true;
}

/// `JUMP` (3.11 also accepts `JUMP_FORWARD`/`JUMP_BACKWARD` here, which the graph
/// spells as `JUMP`), not `JUMP_NO_INTERRUPT`.
fn is_jump_op(op: Op) -> bool {
    op == Op::Pseudo(Pseudo::Jump)
}
