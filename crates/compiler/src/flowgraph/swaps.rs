//! 3.11's `SWAP` optimizations: `swaptimize` (a run of `SWAP`s and `NOP`s replaced by
//! the shortest `SWAP` sequence with the same permutation) and `apply_static_swaps`
//! (a `SWAP` before `STORE_FAST`/`POP_TOP`s turned into reordering those
//! instructions, when no name binding visible to line tracing changes).

use super::graph::{is_op, Graph};
use crate::ir::{BlockId, IrInstr, Op};
use crate::opcode::Opcode;

/// `swaptimize`: `ix` is the index of a `SWAP`; on return it is the index of the run's
/// last instruction (as CPython's `*ix += len - 1`).
pub fn swaptimize(g: &mut Graph, b: BlockId, ix: &mut usize) {
    let instrs = &mut g.block_mut(b).instrs;
    let start = *ix;
    let Some(first) = instrs.get(start) else {
        return;
    };
    let mut depth = first.oparg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let ins = &instrs[start + len];
        if is_op(ins, Opcode::SWAP) {
            depth = depth.max(ins.oparg as usize);
            more = true;
        } else if !is_op(ins, Opcode::NOP) {
            break;
        }
    }
    if !more || depth == 0 || depth > 1 << 20 {
        return;
    }
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for ins in &instrs[start..start + len] {
        if is_op(ins, Opcode::SWAP) {
            let k = (ins.oparg as usize).wrapping_sub(1);
            if k < depth {
                stack.swap(0, k);
            }
        }
    }
    // Rewrite from the end of the run, one SWAP per step of each cycle through 0.
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return;
                }
                let ins = &mut instrs[start + current as usize];
                ins.op = Op::Real(Opcode::SWAP);
                ins.oparg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].op = Op::Real(Opcode::NOP);
        current -= 1;
    }
    *ix += len - 1;
}

/// `SWAPPABLE`: `STORE_FAST` and `POP_TOP` only touch the top of the stack.
fn swappable(i: &IrInstr) -> bool {
    is_op(i, Opcode::STORE_FAST) || is_op(i, Opcode::POP_TOP)
}

/// `STORES_TO`: the local a `STORE_FAST` writes.
fn stores_to(i: &IrInstr) -> Option<u32> {
    is_op(i, Opcode::STORE_FAST).then_some(i.oparg)
}

/// `next_swappable_instruction`: the next swappable instruction after `i`, skipping
/// `NOP`s; `None` at anything else or, when `lineno` is given, at another line.
fn next_swappable(instrs: &[IrInstr], i: usize, lineno: Option<i32>) -> Option<usize> {
    let mut k = i + 1;
    while k < instrs.len() {
        let ins = &instrs[k];
        if let Some(l) = lineno {
            if ins.loc.lineno != l {
                return None;
            }
        }
        if is_op(ins, Opcode::NOP) {
            k += 1;
            continue;
        }
        return swappable(ins).then_some(k);
    }
    None
}

/// `apply_static_swaps`: walking left from `i`, each `SWAP n` whose operands are
/// consumed by the next `n` swappable instructions becomes a `NOP` and those
/// instructions trade places.
pub fn apply_static_swaps(g: &mut Graph, b: BlockId, i: usize) {
    let instrs = &mut g.block_mut(b).instrs;
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        if iu >= instrs.len() {
            return;
        }
        let swap = instrs[iu];
        if !is_op(&swap, Opcode::SWAP) {
            if is_op(&swap, Opcode::NOP) || swappable(&swap) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, None) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        let mut count = swap.oparg as i64 - 1;
        while count > 0 {
            match next_swappable(instrs, k, Some(lineno)) {
                Some(n) => k = n,
                None => return,
            }
            count -= 1;
        }
        let store_j = stores_to(&instrs[j]);
        let store_k = stores_to(&instrs[k]);
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            for ins in instrs.get(j + 1..k).unwrap_or(&[]) {
                if let Some(s) = stores_to(ins) {
                    if Some(s) == store_j || Some(s) == store_k {
                        return;
                    }
                }
            }
        }
        instrs[iu].op = Op::Real(Opcode::NOP);
        instrs.swap(j, k);
        i -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assemble::Location;
    use crate::ir::Cfg;

    fn permutation(instrs: &[IrInstr], depth: usize) -> Vec<usize> {
        let mut stack: Vec<usize> = (0..depth).collect();
        for i in instrs {
            if is_op(i, Opcode::SWAP) {
                stack.swap(0, i.oparg as usize - 1);
            }
        }
        stack
    }

    /// Random runs of `SWAP`s and `NOP`s keep their permutation under `swaptimize`,
    /// with no more `SWAP`s than before, and `ix` ends on the run's last instruction.
    #[test]
    fn swaptimize_keeps_the_permutation() {
        let mut seed: u64 = 0x1234_5678_9ABC_DEF1;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let len = (next() % 8) as usize + 1;
            let mut instrs = vec![IrInstr::new(
                Opcode::SWAP,
                (next() % 5) as u32 + 2,
                Location::NONE,
            )];
            for _ in 1..len {
                instrs.push(if next() % 4 == 0 {
                    IrInstr::new(Opcode::NOP, 0, Location::NONE)
                } else {
                    IrInstr::new(Opcode::SWAP, (next() % 6) as u32 + 1, Location::NONE)
                });
            }
            instrs.push(IrInstr::new(Opcode::POP_TOP, 0, Location::NONE));
            let before = permutation(&instrs, 8);
            let swaps_before = instrs.iter().filter(|i| is_op(i, Opcode::SWAP)).count();
            let mut g = Graph::from_cfg(Cfg::new()).unwrap();
            g.blocks[0].instrs = instrs;
            let mut ix = 0;
            swaptimize(&mut g, ENTRY_FOR_TESTS, &mut ix);
            let after = &g.blocks[0].instrs;
            assert_eq!(permutation(after, 8), before);
            assert!(after.iter().filter(|i| is_op(i, Opcode::SWAP)).count() <= swaps_before);
            assert!(is_op(&after[len], Opcode::POP_TOP));
            assert!(ix == 0 || ix == len - 1);
        }
    }

    const ENTRY_FOR_TESTS: BlockId = BlockId(0);

    /// `SWAP 2; STORE_FAST 0; STORE_FAST 0` must not be reordered (both store to the
    /// same local: `a, a = x, y`).
    #[test]
    fn static_swap_refuses_same_target() {
        let l = Location::NONE;
        let mut g = Graph::from_cfg(Cfg::new()).unwrap();
        g.blocks[0].instrs = vec![
            IrInstr::new(Opcode::SWAP, 2, l),
            IrInstr::new(Opcode::STORE_FAST, 0, l),
            IrInstr::new(Opcode::STORE_FAST, 0, l),
        ];
        apply_static_swaps(&mut g, ENTRY_FOR_TESTS, 0);
        assert!(is_op(&g.blocks[0].instrs[0], Opcode::SWAP));
        g.blocks[0].instrs[2].oparg = 1;
        apply_static_swaps(&mut g, ENTRY_FOR_TESTS, 0);
        assert!(is_op(&g.blocks[0].instrs[0], Opcode::NOP));
        assert_eq!(g.blocks[0].instrs[1].oparg, 1);
    }
}
