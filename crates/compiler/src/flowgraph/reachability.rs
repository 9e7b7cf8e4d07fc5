//! 3.11's `mark_reachable` (predecessor counts from the entry, through fall-through,
//! jumps and `SETUP_*` handlers) and `eliminate_empty_basic_blocks` (unlinks empty
//! blocks and retargets jumps past them).

use super::graph::{is_block_push, is_jump, Graph, ENTRY};
use crate::ir::BlockId;

/// `mark_reachable`: counts every block's predecessors; unreachable blocks keep 0.
/// (The entry counts one.)
pub fn mark_reachable(g: &mut Graph) {
    for b in &mut g.blocks {
        b.predecessors = 0;
    }
    g.block_mut(ENTRY).predecessors = 1;
    let mut stack: Vec<BlockId> = vec![ENTRY];
    while let Some(b) = stack.pop() {
        let blk = g.block(b);
        if let Some(next) = blk.next {
            if !blk.nofallthrough && g.contains(next) {
                if g.block(next).predecessors == 0 {
                    stack.push(next);
                }
                g.block_mut(next).predecessors += 1;
            }
        }
        let n = g.block(b).instrs.len();
        for i in 0..n {
            let ins = g.block(b).instrs[i];
            if is_jump(&ins) || is_block_push(&ins) {
                let Some(t) = ins.target.filter(|t| g.contains(*t)) else {
                    continue;
                };
                if g.block(t).predecessors == 0 {
                    stack.push(t);
                }
                g.block_mut(t).predecessors += 1;
            }
        }
    }
}

/// `eliminate_empty_basic_blocks`: each block's `next` skips empty blocks (the last
/// block stays even if empty), and a block-ending jump targets the first non-empty
/// block at or after its target.
pub fn eliminate_empty_basic_blocks(g: &mut Graph) {
    for b in g.order() {
        let mut next = g.block(b).next;
        let mut steps = 0;
        while let Some(n) = next {
            let nb = g.block(n);
            if nb.instrs.is_empty() && nb.next.is_some() && steps <= g.blocks.len() {
                next = nb.next;
                steps += 1;
            } else {
                break;
            }
        }
        g.block_mut(b).next = next;
    }
    for b in g.order() {
        let Some(last) = g.block(b).last().copied() else {
            continue;
        };
        if is_jump(&last) {
            if let Some(t) = last.target.and_then(|t| g.skip_empty(t)) {
                if let Some(l) = g.block_mut(b).instrs.last_mut() {
                    l.target = Some(t);
                }
            }
        }
    }
}
