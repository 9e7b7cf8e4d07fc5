//! The frame set-up prefix and the `localsplus` layout: 3.11's
//! `build_cellfixedoffsets`, `insert_prefix_instructions` (`COPY_FREE_VARS`, one
//! `MAKE_CELL` per cell, `RETURN_GENERATOR; POP_TOP`), `fix_cell_offsets` (cell and
//! free opargs to `localsplus` slots; a cell that is also a parameter shares the
//! parameter's slot) and `compute_localsplus_info` (`co_localsplusnames`/`kinds`).

use super::graph::{Graph, ENTRY};
use super::FlowgraphError;
use crate::assemble::Location;
use crate::code::{CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL};
use crate::ir::{IrInstr, Op, Unit};
use crate::opcode::Opcode;
use common::text::Text;

/// `CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR`.
pub const GENERATOR_FLAGS: u32 = 0x20 | 0x80 | 0x200;

/// `build_cellfixedoffsets`: for each cell then free variable, its `localsplus`
/// slot before dropped duplicates are compacted: `nlocals + i`, or the parameter's
/// slot for a cell that is also in `varnames`.
pub fn build_cellfixedoffsets(unit: &Unit) -> Vec<u32> {
    let nlocals = unit.varnames.len() as u32;
    let noffsets = unit.cellvars.len() + unit.freevars.len();
    let mut fixed: Vec<u32> = (0..noffsets as u32).map(|i| nlocals + i).collect();
    for (cellindex, name) in unit.cellvars.list.iter().enumerate() {
        if let Some(varindex) = unit.varnames.get(name) {
            fixed[cellindex] = varindex;
        }
    }
    fixed
}

/// `insert_prefix_instructions`: puts `RETURN_GENERATOR; POP_TOP` (generators and
/// coroutines), the `MAKE_CELL`s in slot order and `COPY_FREE_VARS` at the start of
/// the entry block, in that final order: `COPY_FREE_VARS`, `MAKE_CELL`...,
/// `RETURN_GENERATOR`, `POP_TOP`. `MAKE_CELL` opargs are cell indexes, fixed later.
pub fn insert_prefix_instructions(g: &mut Graph, unit: &Unit, firstlineno: i32, fixed: &[u32]) {
    let mut prefix: Vec<IrInstr> = Vec::new();
    let nfreevars = unit.freevars.len() as u32;
    if nfreevars > 0 {
        prefix.push(IrInstr::new(
            Opcode::COPY_FREE_VARS,
            nfreevars,
            Location::NONE,
        ));
    }
    let ncellvars = unit.cellvars.len();
    if ncellvars > 0 {
        let nvars = ncellvars + unit.varnames.len();
        // sorted[slot] = cell index + 1
        let mut sorted = vec![0usize; nvars];
        for (i, &slot) in fixed.iter().take(ncellvars).enumerate() {
            if let Some(s) = sorted.get_mut(slot as usize) {
                *s = i + 1;
            }
        }
        for &s in &sorted {
            if s != 0 {
                prefix.push(IrInstr::new(
                    Opcode::MAKE_CELL,
                    (s - 1) as u32,
                    Location::NONE,
                ));
            }
        }
    }
    if unit.flags & GENERATOR_FLAGS != 0 {
        let loc = Location {
            lineno: firstlineno,
            end_lineno: firstlineno,
            col_offset: -1,
            end_col_offset: -1,
        };
        prefix.push(IrInstr::new(Opcode::RETURN_GENERATOR, 0, loc));
        prefix.push(IrInstr::new(Opcode::POP_TOP, 0, Location::NONE));
    }
    if prefix.is_empty() {
        return;
    }
    let entry = g.block_mut(ENTRY);
    prefix.append(&mut entry.instrs);
    entry.instrs = prefix;
}

/// `fix_cell_offsets`: compacts the slots of cells that are not parameters (the
/// duplicates are dropped), then rewrites the opargs of `MAKE_CELL`,
/// `LOAD_CLOSURE`, `LOAD_DEREF`, `STORE_DEREF`, `DELETE_DEREF` and
/// `LOAD_CLASSDEREF` from cell/free indexes to slots. Returns the number dropped.
pub fn fix_cell_offsets(
    g: &mut Graph,
    nlocals: u32,
    fixed: &mut [u32],
) -> Result<u32, FlowgraphError> {
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i as u32 + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in &mut g.blocks {
        for ins in &mut b.instrs {
            if matches!(
                ins.op,
                Op::Real(
                    Opcode::MAKE_CELL
                        | Opcode::LOAD_CLOSURE
                        | Opcode::LOAD_DEREF
                        | Opcode::STORE_DEREF
                        | Opcode::DELETE_DEREF
                        | Opcode::LOAD_CLASSDEREF
                )
            ) {
                ins.oparg = *fixed
                    .get(ins.oparg as usize)
                    .ok_or(FlowgraphError::BadOparg(ins.op.name()))?;
            }
        }
    }
    Ok(numdropped)
}

/// `compute_localsplus_info`: `co_localsplusnames` and `co_localspluskinds`:
/// the variables (`CO_FAST_LOCAL`, plus `CO_FAST_CELL` for parameter cells), the
/// other cells, then the free variables.
pub fn localsplus_info(unit: &Unit) -> (Vec<Text>, Vec<u8>) {
    let mut names: Vec<Text> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for name in &unit.varnames.list {
        let mut kind = CO_FAST_LOCAL;
        if unit.cellvars.get(name).is_some() {
            kind |= CO_FAST_CELL;
        }
        names.push(name.clone());
        kinds.push(kind);
    }
    for name in &unit.cellvars.list {
        if unit.varnames.get(name).is_some() {
            continue;
        }
        names.push(name.clone());
        kinds.push(CO_FAST_CELL);
    }
    for name in &unit.freevars.list {
        names.push(name.clone());
        kinds.push(CO_FAST_FREE);
    }
    (names, kinds)
}
