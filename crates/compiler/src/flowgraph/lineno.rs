//! Line numbers and NOPs: 3.11's `duplicate_exits_without_lineno`,
//! `propagate_line_numbers`, `guarantee_lineno_for_exits` and `clean_basic_block`
//! (NOP removal that keeps one instruction per source line where a line would
//! otherwise vanish).

use super::graph::{copy_loc, is_jump, is_op, Graph};
use crate::assemble::Location;
use crate::ir::{BlockId, IrInstr};
use crate::opcode::Opcode;

/// `clean_basic_block`: drops a `NOP` without a line number, or whose line is the
/// previous kept instruction's, the next instruction's (within the block) or the
/// first line of the next non-empty block. A `NOP` followed by an instruction
/// without line number hands it its location and goes.
pub fn clean_basic_block(g: &mut Graph, b: BlockId) {
    let next_block_lineno = {
        let next = g.block(b).next.and_then(|n| g.skip_empty(n));
        next.map(|n| g.block(n).instrs[0].loc.lineno)
    };
    let blk = g.block_mut(b);
    let instrs = std::mem::take(&mut blk.instrs);
    let mut out: Vec<IrInstr> = Vec::with_capacity(instrs.len());
    let mut prev_lineno = -1;
    let n = instrs.len();
    let mut pending_loc: Option<Location> = None;
    for src in 0..n {
        let mut ins = instrs[src];
        if let Some(loc) = pending_loc.take() {
            ins.loc = loc;
        }
        let lineno = ins.loc.lineno;
        if is_op(&ins, Opcode::NOP) {
            if lineno < 0 || prev_lineno == lineno {
                continue;
            }
            if src + 1 < n {
                let next_lineno = instrs[src + 1].loc.lineno;
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    pending_loc = Some(ins.loc);
                    continue;
                }
            } else if next_block_lineno == Some(lineno) {
                continue;
            }
        }
        out.push(ins);
        prev_lineno = lineno;
    }
    blk.instrs = out;
}

/// `is_exit_without_lineno`: an exit block none of whose instructions has a line.
fn is_exit_without_lineno(g: &Graph, b: BlockId) -> bool {
    let blk = g.block(b);
    blk.exit && blk.instrs.iter().all(|i| i.loc.lineno < 0)
}

/// `duplicate_exits_without_lineno`: an exit block without line numbers that more
/// than one block jumps to is copied for each jumping block (the copy takes the
/// jump's location), so every exit can inherit a line; one reached by falling
/// through takes the location of the instruction before it.
pub fn duplicate_exits_without_lineno(g: &mut Graph) {
    for b in g.list_order() {
        let Some(last) = g.block(b).last().copied() else {
            continue;
        };
        if !is_jump(&last) {
            continue;
        }
        let Some(target) = last.target else { continue };
        if !g.contains(target) {
            continue;
        }
        if is_exit_without_lineno(g, target) && g.block(target).predecessors > 1 {
            let new = g.copy_block(target);
            if let Some(first) = g.block_mut(new).instrs.first_mut() {
                copy_loc(&last, first);
            }
            if let Some(l) = g.block_mut(b).instrs.last_mut() {
                l.target = Some(new);
            }
            g.block_mut(target).predecessors -= 1;
            g.block_mut(new).predecessors = 1;
            let tnext = g.block(target).next;
            g.block_mut(new).next = tnext;
            g.block_mut(target).next = Some(new);
        }
    }
    for b in g.list_order() {
        let mut steps = 0;
        while let Some(n) = g.block(b).next {
            if g.block(n).instrs.is_empty() && steps <= g.blocks.len() {
                let nn = g.block(n).next;
                g.block_mut(b).next = nn;
                steps += 1;
            } else {
                break;
            }
        }
    }
    for b in g.list_order() {
        let blk = g.block(b);
        if blk.nofallthrough || blk.instrs.is_empty() {
            continue;
        }
        let (Some(next), Some(&last)) = (blk.next, blk.instrs.last()) else {
            continue;
        };
        if is_exit_without_lineno(g, next) {
            if let Some(first) = g.block_mut(next).instrs.first_mut() {
                copy_loc(&last, first);
            }
        }
    }
}

/// `propagate_line_numbers`: an instruction without line takes the location of the
/// one before it in its block; the first instruction of a single-predecessor
/// successor (fall-through or jump target) takes the block's last location.
pub fn propagate_line_numbers(g: &mut Graph) {
    for b in g.order() {
        if g.block(b).instrs.is_empty() {
            continue;
        }
        let mut prev = Location::NONE;
        for ins in &mut g.block_mut(b).instrs {
            if ins.loc.lineno < 0 {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        let blk = g.block(b);
        if !blk.nofallthrough {
            if let Some(next) = blk.next {
                let nb = g.block_mut(next);
                if nb.predecessors == 1 {
                    if let Some(first) = nb.instrs.first_mut() {
                        if first.loc.lineno < 0 {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
        let Some(&last) = g.block(b).instrs.last() else {
            continue;
        };
        if is_jump(&last) {
            if let Some(t) = last.target {
                if g.contains(t) {
                    let tb = g.block_mut(t);
                    if tb.predecessors == 1 {
                        if let Some(first) = tb.instrs.first_mut() {
                            if first.loc.lineno < 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `guarantee_lineno_for_exits`: a block ending in `RETURN_VALUE` with no line gets
/// the line (only the line) of the last block that had one, or `firstlineno`.
pub fn guarantee_lineno_for_exits(g: &mut Graph, firstlineno: i32) {
    let mut lineno = firstlineno;
    for b in g.order() {
        let blk = g.block_mut(b);
        let Some(last) = blk.instrs.last() else {
            continue;
        };
        if last.loc.lineno < 0 {
            if is_op(last, Opcode::RETURN_VALUE) {
                for ins in &mut blk.instrs {
                    ins.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.loc.lineno;
        }
    }
}

/// Runs [`clean_basic_block`] over the blocks in emission order.
pub fn clean_all(g: &mut Graph) {
    for b in g.order() {
        clean_basic_block(g, b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Cfg, Op};

    fn line(l: i32) -> Location {
        Location {
            lineno: l,
            end_lineno: l,
            col_offset: 0,
            end_col_offset: 1,
        }
    }

    fn ops(g: &Graph, b: BlockId) -> Vec<(Op, i32)> {
        g.block(b)
            .instrs
            .iter()
            .map(|i| (i.op, i.loc.lineno))
            .collect()
    }

    /// `clean_basic_block`'s rules: a NOP stays only when its line would otherwise
    /// vanish; one before an instruction without line hands that instruction its
    /// location.
    #[test]
    fn nop_removal_keeps_lines() {
        let nop = |l: Location| IrInstr::new(Opcode::NOP, 0, l);
        let pop = |l: Location| IrInstr::new(Opcode::POP_TOP, 0, l);
        let mut cfg = Cfg::new();
        let next = cfg.new_block();
        cfg.block_mut(Cfg::ENTRY).next = Some(next);
        let mut g = Graph::from_cfg(cfg).unwrap();
        let b = BlockId(0);
        g.block_mut(b).instrs = vec![
            nop(Location::NONE), // no line: goes
            nop(line(1)),        // line 1 only here: stays
            nop(line(2)),        // next has line 2: goes
            pop(line(2)),
            nop(line(2)), // same as previous: goes
            nop(line(3)), // next has no line: goes, gives it line 3
            pop(Location::NONE),
            nop(line(4)), // last, next block starts at line 4: goes
        ];
        g.block_mut(next).instrs = vec![pop(line(4))];
        clean_basic_block(&mut g, b);
        let nop_op = Op::Real(Opcode::NOP);
        let pop_op = Op::Real(Opcode::POP_TOP);
        assert_eq!(ops(&g, b), [(nop_op, 1), (pop_op, 2), (pop_op, 3)]);
        // A last NOP whose line the next block does not start with stays.
        g.block_mut(b).instrs.push(nop(line(5)));
        clean_basic_block(&mut g, b);
        assert_eq!(g.block(b).instrs.len(), 4);
    }
}
