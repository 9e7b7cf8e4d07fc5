//! The graph in emission order as the assembler's input: 3.11's block offsets become
//! instruction indexes, virtual jumps their real (direction to be fixed by the
//! assembler's `normalize_jumps`) opcodes, and each handler block its exception-table
//! entry (`b_startdepth - 1`, one less with `lasti`).

use super::graph::Graph;
use super::FlowgraphError;
use crate::assemble::{ExceptHandler, Instr};
use crate::ir::{BlockId, Op, Pseudo};
use crate::opcode::Opcode;

/// The real opcode a virtual jump is written as before direction is fixed.
fn real_opcode(op: Op) -> Result<Opcode, FlowgraphError> {
    Ok(match op {
        Op::Real(r) => r,
        Op::Pseudo(p) => match p {
            Pseudo::Jump => Opcode::JUMP_FORWARD,
            Pseudo::JumpNoInterrupt => Opcode::JUMP_BACKWARD_NO_INTERRUPT,
            Pseudo::PopJumpIfFalse => Opcode::POP_JUMP_FORWARD_IF_FALSE,
            Pseudo::PopJumpIfTrue => Opcode::POP_JUMP_FORWARD_IF_TRUE,
            Pseudo::PopJumpIfNone => Opcode::POP_JUMP_FORWARD_IF_NONE,
            Pseudo::PopJumpIfNotNone => Opcode::POP_JUMP_FORWARD_IF_NOT_NONE,
            _ => return Err(FlowgraphError::Malformed("SETUP_*/POP_BLOCK left over")),
        },
    })
}

/// Flattens the blocks reachable along `next` from the entry.
pub fn linearize(g: &Graph) -> Result<Vec<Instr>, FlowgraphError> {
    let order = g.order();
    // Index of each block's first instruction (an empty block starts where the next
    // non-empty one does).
    let mut start = vec![usize::MAX; g.blocks.len()];
    let mut n = 0;
    for &b in &order {
        start[b.0 as usize] = n;
        n += g.block(b).instrs.len();
    }
    let index_of = |b: BlockId| -> Result<usize, FlowgraphError> {
        match start.get(b.0 as usize) {
            Some(&i) if i != usize::MAX && i < n => Ok(i),
            _ => Err(FlowgraphError::Malformed(
                "jump or handler outside the code",
            )),
        }
    };
    let mut out = Vec::with_capacity(n);
    for &b in &order {
        for ins in &g.block(b).instrs {
            let opcode = real_opcode(ins.op)?;
            let target = match ins.target {
                Some(t) if opcode.info().jump() != crate::opcode::JumpKind::None => {
                    Some(index_of(t)?)
                }
                _ => None,
            };
            let handler = match ins.except {
                Some(h) => {
                    let hb = g.block(h);
                    let lasti = hb.preserve_lasti;
                    let depth = hb
                        .startdepth
                        .ok_or(FlowgraphError::Malformed("unreached handler"))?
                        - 1
                        - i32::from(lasti);
                    let depth = u32::try_from(depth)
                        .map_err(|_| FlowgraphError::Malformed("negative handler depth"))?;
                    Some(ExceptHandler {
                        target: index_of(h)?,
                        depth,
                        lasti,
                    })
                }
                None => None,
            };
            out.push(Instr {
                opcode,
                oparg: ins.oparg,
                target,
                loc: ins.loc,
                handler,
            });
        }
    }
    Ok(out)
}
