//! 3.11's `label_exception_targets` (each instruction's innermost handler,
//! `i_except`, from the `SETUP_*`/`POP_BLOCK` nesting along every path; cleanup and
//! `with` handlers get `b_preserve_lasti`) and `convert_exception_handlers_to_nops`.

use super::graph::{is_block_push, is_jump, is_pseudo, Graph, ENTRY};
use super::FlowgraphError;
use crate::ir::{BlockId, Op, Pseudo};
use crate::opcode::Opcode;

/// The handler stack (`ExceptStack`): `handlers[0]` is "no handler".
#[derive(Clone, Debug)]
struct ExceptStack {
    handlers: Vec<Option<BlockId>>,
}

impl ExceptStack {
    fn top(&self) -> Option<BlockId> {
        self.handlers.last().copied().flatten()
    }
}

/// `label_exception_targets`: walks the graph from the entry, each block entered
/// with a copy of the handler stack of the first path that reaches it.
pub fn label_exception_targets(g: &mut Graph) -> Result<(), FlowgraphError> {
    for b in &mut g.blocks {
        b.visited = false;
    }
    let mut stacks: Vec<Option<ExceptStack>> = vec![None; g.blocks.len()];
    let mut todo: Vec<BlockId> = vec![ENTRY];
    g.block_mut(ENTRY).visited = true;
    stacks[0] = Some(ExceptStack {
        handlers: vec![None],
    });
    while let Some(b) = todo.pop() {
        let mut except_stack = stacks[b.0 as usize]
            .take()
            .ok_or(FlowgraphError::Malformed("block without handler stack"))?;
        let mut handler = except_stack.top();
        let mut stack_moved = false;
        let n = g.block(b).instrs.len();
        for i in 0..n {
            let ins = g.block(b).instrs[i];
            if is_block_push(&ins) {
                let t = ins.target.ok_or(FlowgraphError::MissingTarget)?;
                if !g.contains(t) {
                    return Err(FlowgraphError::MissingTarget);
                }
                if !g.block(t).visited {
                    stacks[t.0 as usize] = Some(except_stack.clone());
                    todo.push(t);
                    g.block_mut(t).visited = true;
                }
                if !is_pseudo(&ins, Pseudo::SetupFinally) {
                    g.block_mut(t).preserve_lasti = true;
                }
                except_stack.handlers.push(Some(t));
                handler = Some(t);
            } else if is_pseudo(&ins, Pseudo::PopBlock) {
                if except_stack.handlers.len() <= 1 {
                    return Err(FlowgraphError::Malformed("POP_BLOCK without SETUP"));
                }
                except_stack.handlers.pop();
                handler = except_stack.top();
            } else if is_jump(&ins) {
                g.block_mut(b).instrs[i].except = handler;
                let t = ins.target.ok_or(FlowgraphError::MissingTarget)?;
                if !g.contains(t) {
                    return Err(FlowgraphError::MissingTarget);
                }
                if !g.block(t).visited {
                    if !g.block(b).nofallthrough {
                        stacks[t.0 as usize] = Some(except_stack.clone());
                    } else {
                        stacks[t.0 as usize] = Some(except_stack.clone());
                        stack_moved = true;
                    }
                    todo.push(t);
                    g.block_mut(t).visited = true;
                }
            } else {
                g.block_mut(b).instrs[i].except = handler;
            }
        }
        let blk = g.block(b);
        if !blk.nofallthrough {
            if let Some(next) = blk.next {
                if !stack_moved && g.contains(next) && !g.block(next).visited {
                    stacks[next.0 as usize] = Some(except_stack);
                    todo.push(next);
                    g.block_mut(next).visited = true;
                }
            }
        }
    }
    Ok(())
}

/// `convert_exception_handlers_to_nops`: `SETUP_*` and `POP_BLOCK` become `NOP`s
/// (keeping their location, without a handler).
pub fn convert_exception_handlers_to_nops(g: &mut Graph) {
    for b in &mut g.blocks {
        for ins in &mut b.instrs {
            if is_block_push(ins) || is_pseudo(ins, Pseudo::PopBlock) {
                ins.op = Op::Real(Opcode::NOP);
                ins.target = None;
                ins.except = None;
            }
        }
    }
}
