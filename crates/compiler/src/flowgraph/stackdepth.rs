//! 3.11's `stackdepth()` on the graph: a depth-first walk from the entry giving
//! every reached block its start depth (`b_startdepth`, which also fixes each
//! handler's depth in the exception table) and the largest depth (`co_stacksize`).
//! Jumps and `SETUP_*` push their target with the jump-taken stack effect.

use super::graph::{is_block_push, is_jump, is_scope_exit, is_unconditional_jump, Graph, ENTRY};
use super::FlowgraphError;
use crate::ir::{IrInstr, Op, Pseudo};
use crate::opcode;

/// 3.11's `stack_effect(opcode, oparg, jump)` for real and virtual opcodes.
pub fn stack_effect(i: &IrInstr, jump: bool) -> Result<i32, FlowgraphError> {
    match i.op {
        Op::Real(r) => opcode::stack_effect(r as u8, i.oparg, Some(jump))
            .ok_or(FlowgraphError::BadOparg(r.name())),
        Op::Pseudo(p) => Ok(match p {
            Pseudo::SetupFinally | Pseudo::SetupWith => i32::from(jump),
            Pseudo::SetupCleanup => 2 * i32::from(jump),
            Pseudo::PopBlock | Pseudo::Jump | Pseudo::JumpNoInterrupt => 0,
            Pseudo::PopJumpIfFalse
            | Pseudo::PopJumpIfTrue
            | Pseudo::PopJumpIfNone
            | Pseudo::PopJumpIfNotNone => -1,
        }),
    }
}

/// Blocks are pushed once; CPython also refuses start depths of 100 and more for an
/// already-set block, which cannot happen when depths agree.
fn push(g: &mut Graph, stack: &mut Vec<crate::ir::BlockId>, b: crate::ir::BlockId, depth: i32) {
    let blk = g.block_mut(b);
    let cur = blk.startdepth.unwrap_or(i32::MIN);
    if cur < depth && cur < 100 {
        blk.startdepth = Some(depth);
        stack.push(b);
    }
}

/// `stackdepth`: sets `startdepth` of every reachable block and returns the maximum
/// depth. Generators and coroutines start at 1: their prefix `RETURN_GENERATOR;
/// POP_TOP` nets -1.
pub fn stackdepth(g: &mut Graph, generator: bool) -> Result<i32, FlowgraphError> {
    for b in &mut g.blocks {
        b.startdepth = None;
    }
    let mut stack = Vec::new();
    let mut maxdepth = 0;
    push(g, &mut stack, ENTRY, i32::from(generator));
    while let Some(b) = stack.pop() {
        let mut depth = g.block(b).startdepth.unwrap_or(0);
        let mut next = g.block(b).next;
        let n = g.block(b).instrs.len();
        for k in 0..n {
            let ins = g.block(b).instrs[k];
            let effect = stack_effect(&ins, false)?;
            let new_depth = depth + effect;
            maxdepth = maxdepth.max(new_depth);
            if is_jump(&ins) || is_block_push(&ins) {
                let target_depth = depth + stack_effect(&ins, true)?;
                maxdepth = maxdepth.max(target_depth);
                let t = ins.target.ok_or(FlowgraphError::MissingTarget)?;
                if !g.contains(t) {
                    return Err(FlowgraphError::MissingTarget);
                }
                push(g, &mut stack, t, target_depth);
            }
            depth = new_depth;
            if is_unconditional_jump(&ins) || is_scope_exit(&ins) {
                next = None;
                break;
            }
        }
        if let Some(nb) = next {
            if g.contains(nb) {
                push(g, &mut stack, nb, depth);
            }
        }
    }
    Ok(maxdepth)
}
