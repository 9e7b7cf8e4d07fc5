//! 3.11's `optimize_cfg`: the per-block peephole pass (`optimize_basic_block`:
//! constant conditions, jump threading, constant tuples, `BUILD_TUPLE` /
//! `UNPACK_SEQUENCE` and `SWAP` rewrites, `is None` jumps, `PUSH_NULL` folded into
//! `LOAD_GLOBAL`), then exit-block copying, unreachable-code removal, NOP cleaning
//! and redundant-jump removal; and `trim_unused_consts`.

use super::graph::{is_block_push, is_jump, is_op, is_pseudo, Graph};
use super::lineno::clean_basic_block;
use super::normalize::extend_block;
use super::reachability::{eliminate_empty_basic_blocks, mark_reachable};
use super::swaps::{apply_static_swaps, swaptimize};
use super::FlowgraphError;
use crate::code::Constant;
use crate::ir::{BlockId, ConstKey, IrInstr, Op, Pseudo};
use crate::opcode::Opcode;
use common::bigint::BigInt;
use std::collections::HashMap;

/// `PyObject_IsTrue` of a constant.
fn is_true(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != BigInt::ZERO,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(r, i) => *r != 0.0 || *i != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

fn get_const(consts: &[Constant], i: u32) -> Result<&Constant, FlowgraphError> {
    consts
        .get(i as usize)
        .ok_or(FlowgraphError::BadOparg("LOAD_CONST"))
}

/// The constants being optimized, with an index of the tuples among them so a
/// folded tuple finds an equal existing constant without a scan.
pub struct Consts<'a> {
    /// `co_consts` so far.
    pub list: &'a mut Vec<Constant>,
    /// First index of each tuple constant's key, built on first use.
    tuples: Option<HashMap<ConstKey, usize>>,
}

impl<'a> Consts<'a> {
    /// Wraps the unit's constants.
    pub fn new(list: &'a mut Vec<Constant>) -> Consts<'a> {
        Consts { list, tuples: None }
    }

    /// The index of a constant equal to the tuple `c` (as the compiler's constant
    /// cache makes them the same object), appending it if there is none.
    fn tuple_index(&mut self, c: Constant) -> Result<usize, FlowgraphError> {
        let list = &*self.list;
        let tuples = self.tuples.get_or_insert_with(|| {
            let mut m = HashMap::new();
            for (i, k) in list.iter().enumerate() {
                if matches!(k, Constant::Tuple(_)) {
                    m.entry(ConstKey::of(k, i)).or_insert(i);
                }
            }
            m
        });
        let key = ConstKey::of(&c, usize::MAX);
        if let Some(&i) = tuples.get(&key) {
            return Ok(i);
        }
        if self.list.len() >= i32::MAX as usize - 1 {
            return Err(FlowgraphError::Malformed("too many constants"));
        }
        let i = self.list.len();
        self.list.push(c);
        tuples.insert(key, i);
        Ok(i)
    }
}

/// `fold_tuple_on_constants`: `LOAD_CONST`s then `BUILD_TUPLE n` at `at` become
/// `NOP`s and one `LOAD_CONST` of the tuple.
fn fold_tuple_on_constants(
    instrs: &mut [IrInstr],
    at: usize,
    n: usize,
    consts: &mut Consts<'_>,
) -> Result<(), FlowgraphError> {
    let start = at - n;
    if !instrs[start..at]
        .iter()
        .all(|i| is_op(i, Opcode::LOAD_CONST))
    {
        return Ok(());
    }
    let mut items = Vec::with_capacity(n);
    for i in &instrs[start..at] {
        items.push(get_const(consts.list, i.oparg)?.clone());
    }
    let index = consts.tuple_index(Constant::Tuple(items))?;
    for i in &mut instrs[start..at] {
        i.op = Op::Real(Opcode::NOP);
    }
    instrs[at].op = Op::Real(Opcode::LOAD_CONST);
    instrs[at].oparg = index as u32;
    Ok(())
}

/// `jump_thread`: `inst` (at `i` in `b`) jumps to a jump on the same line: it takes
/// over that jump's target, as `opcode`. Returns whether it did.
fn jump_thread(g: &mut Graph, b: BlockId, i: usize, target: &IrInstr, opcode: Op) -> bool {
    let inst = &mut g.block_mut(b).instrs[i];
    if inst.loc.lineno == target.loc.lineno && inst.target != target.target {
        inst.target = target.target;
        inst.op = opcode;
        return true;
    }
    false
}

const POP_JUMP_IF_FALSE: Op = Op::Pseudo(Pseudo::PopJumpIfFalse);
const POP_JUMP_IF_TRUE: Op = Op::Pseudo(Pseudo::PopJumpIfTrue);
const POP_JUMP_IF_NONE: Op = Op::Pseudo(Pseudo::PopJumpIfNone);
const POP_JUMP_IF_NOT_NONE: Op = Op::Pseudo(Pseudo::PopJumpIfNotNone);
const JUMP: Op = Op::Pseudo(Pseudo::Jump);
const JUMP_IF_FALSE_OR_POP: Op = Op::Real(Opcode::JUMP_IF_FALSE_OR_POP);
const JUMP_IF_TRUE_OR_POP: Op = Op::Real(Opcode::JUMP_IF_TRUE_OR_POP);
const NOP: Op = Op::Real(Opcode::NOP);

/// `optimize_basic_block`.
pub fn optimize_basic_block(
    g: &mut Graph,
    b: BlockId,
    consts: &mut Consts<'_>,
) -> Result<(), FlowgraphError> {
    let nop = IrInstr::new(Opcode::NOP, 0, crate::assemble::Location::NONE);
    // Re-visits after a successful jump thread; bounded so a cycle cannot hang.
    let mut budget = 64 + 64 * g.block(b).instrs.len();
    let mut i = 0usize;
    while i < g.block(b).instrs.len() {
        let inst = g.block(b).instrs[i];
        let oparg = inst.oparg;
        let n = g.block(b).instrs.len();
        let nextop = if i + 1 < n {
            Some(g.block(b).instrs[i + 1].op)
        } else {
            None
        };
        let mut target = nop;
        if is_jump(&inst) || is_block_push(&inst) {
            let t = inst.target.ok_or(FlowgraphError::MissingTarget)?;
            let t = g
                .skip_empty(t)
                .ok_or(FlowgraphError::Malformed("jump past the last block"))?;
            g.block_mut(b).instrs[i].target = Some(t);
            target = g.block(t).instrs[0];
        }
        let mut redo = false;
        match inst.op {
            Op::Real(Opcode::LOAD_CONST) => match nextop {
                Some(POP_JUMP_IF_FALSE) | Some(POP_JUMP_IF_TRUE) => {
                    let truth = is_true(get_const(consts.list, oparg)?);
                    let blk = g.block_mut(b);
                    blk.instrs[i].op = NOP;
                    let jump_if_true = nextop == Some(POP_JUMP_IF_TRUE);
                    if truth == jump_if_true {
                        blk.instrs[i + 1].op = JUMP;
                        blk.nofallthrough = true;
                    } else {
                        blk.instrs[i + 1].op = NOP;
                    }
                }
                Some(JUMP_IF_FALSE_OR_POP) | Some(JUMP_IF_TRUE_OR_POP) => {
                    let truth = is_true(get_const(consts.list, oparg)?);
                    let blk = g.block_mut(b);
                    let jump_if_true = nextop == Some(JUMP_IF_TRUE_OR_POP);
                    if truth == jump_if_true {
                        blk.instrs[i + 1].op = JUMP;
                        blk.nofallthrough = true;
                    } else {
                        blk.instrs[i].op = NOP;
                        blk.instrs[i + 1].op = NOP;
                    }
                }
                Some(Op::Real(Opcode::IS_OP)) => {
                    let is_none = matches!(get_const(consts.list, oparg)?, Constant::None);
                    let jump_op = g.block(b).instrs.get(i + 2).map(|x| x.op);
                    if is_none
                        && (jump_op == Some(POP_JUMP_IF_FALSE) || jump_op == Some(POP_JUMP_IF_TRUE))
                    {
                        let blk = g.block_mut(b);
                        let nextarg = blk.instrs[i + 1].oparg as u8;
                        blk.instrs[i].op = NOP;
                        blk.instrs[i + 1].op = NOP;
                        let flip = u8::from(jump_op == Some(POP_JUMP_IF_FALSE));
                        blk.instrs[i + 2].op = if nextarg ^ flip != 0 {
                            POP_JUMP_IF_NOT_NONE
                        } else {
                            POP_JUMP_IF_NONE
                        };
                    }
                }
                _ => {}
            },
            Op::Real(Opcode::BUILD_TUPLE) => {
                let next = g.block(b).instrs.get(i + 1).copied();
                if let Some(next) = next {
                    if is_op(&next, Opcode::UNPACK_SEQUENCE) && oparg == next.oparg {
                        match oparg {
                            1 => {
                                let blk = g.block_mut(b);
                                blk.instrs[i].op = NOP;
                                blk.instrs[i + 1].op = NOP;
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                let blk = g.block_mut(b);
                                blk.instrs[i].op = NOP;
                                blk.instrs[i + 1].op = Op::Real(Opcode::SWAP);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                }
                if i >= oparg as usize {
                    fold_tuple_on_constants(&mut g.block_mut(b).instrs, i, oparg as usize, consts)?;
                }
            }
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                let falsy = inst.op == JUMP_IF_FALSE_OR_POP;
                let (same_pop, same_keep, other_keep, other_pop) = if falsy {
                    (
                        POP_JUMP_IF_FALSE,
                        JUMP_IF_FALSE_OR_POP,
                        JUMP_IF_TRUE_OR_POP,
                        POP_JUMP_IF_TRUE,
                    )
                } else {
                    (
                        POP_JUMP_IF_TRUE,
                        JUMP_IF_TRUE_OR_POP,
                        JUMP_IF_FALSE_OR_POP,
                        POP_JUMP_IF_FALSE,
                    )
                };
                if target.op == same_pop {
                    redo = jump_thread(g, b, i, &target, same_pop);
                } else if target.op == JUMP || target.op == same_keep {
                    redo = jump_thread(g, b, i, &target, same_keep);
                } else if (target.op == other_keep || target.op == other_pop)
                    && inst.loc.lineno == target.loc.lineno
                {
                    let cur_target = g.block(b).instrs[i].target;
                    if let Some(after) = cur_target.and_then(|t| g.block(t).next) {
                        let ins = &mut g.block_mut(b).instrs[i];
                        ins.op = same_pop;
                        ins.target = Some(after);
                        redo = true;
                    }
                }
            }
            POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE
            | JUMP
                if target.op == JUMP =>
            {
                redo = jump_thread(g, b, i, &target, inst.op);
            }
            Op::Real(Opcode::SWAP) => {
                if oparg == 1 {
                    g.block_mut(b).instrs[i].op = NOP;
                } else {
                    swaptimize(g, b, &mut i);
                    apply_static_swaps(g, b, i);
                }
            }
            // CPython tests the next instruction's *opcode* for the NULL bit (always
            // clear for LOAD_GLOBAL), so the fold always happens.
            Op::Real(Opcode::PUSH_NULL) if nextop == Some(Op::Real(Opcode::LOAD_GLOBAL)) => {
                let blk = g.block_mut(b);
                blk.instrs[i].op = NOP;
                blk.instrs[i].oparg = 0;
                blk.instrs[i + 1].oparg |= 1;
            }
            _ => {}
        }
        if redo && budget > 0 {
            budget -= 1;
            continue;
        }
        i += 1;
    }
    Ok(())
}

/// `optimize_cfg`.
pub fn optimize_cfg(g: &mut Graph, consts: &mut Vec<Constant>) -> Result<(), FlowgraphError> {
    let mut consts = Consts::new(consts);
    for b in g.order() {
        optimize_basic_block(g, b, &mut consts)?;
        clean_basic_block(g, b);
    }
    for b in g.list_order() {
        extend_block(g, b);
    }
    mark_reachable(g);
    for b in g.order() {
        let blk = g.block_mut(b);
        if blk.predecessors == 0 {
            blk.instrs.clear();
            blk.nofallthrough = false;
        }
    }
    eliminate_empty_basic_blocks(g);
    for b in g.order() {
        clean_basic_block(g, b);
    }
    let mut maybe_empty_blocks = false;
    for b in g.order() {
        let next = g.block(b).next;
        let blk = g.block_mut(b);
        let Some(last) = blk.instrs.last_mut() else {
            continue;
        };
        if (last.op == JUMP || is_pseudo(last, Pseudo::JumpNoInterrupt)) && last.target == next {
            last.op = NOP;
            last.target = None;
            blk.nofallthrough = false;
            maybe_empty_blocks = true;
        }
    }
    if maybe_empty_blocks {
        eliminate_empty_basic_blocks(g);
    }
    Ok(())
}

/// `trim_unused_consts`: drops constants after the last one a `LOAD_CONST` or
/// `KW_NAMES` uses (the first, maybe a docstring, always stays).
pub fn trim_unused_consts(g: &Graph, consts: &mut Vec<Constant>) {
    let mut max_const_index = 0usize;
    for b in g.order() {
        for ins in &g.block(b).instrs {
            if is_op(ins, Opcode::LOAD_CONST) || is_op(ins, Opcode::KW_NAMES) {
                max_const_index = max_const_index.max(ins.oparg as usize);
            }
        }
    }
    if max_const_index + 1 < consts.len() {
        consts.truncate(max_const_index + 1);
    }
}
