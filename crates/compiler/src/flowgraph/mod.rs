//! The flow-graph passes: everything CPython 3.11's `assemble()` in
//! `Python/compile.c` does between the code generator and the byte code, in the same
//! order, so the code object comes out as CPython's:
//!
//! 1. `normalize_basic_block`, `extend_block` ([`normalize`]);
//! 2. `insert_prefix_instructions`, `fix_cell_offsets` ([`prefix`]);
//! 3. `optimize_cfg` ([`optimize`], [`reachability`]);
//! 4. `duplicate_exits_without_lineno`, `trim_unused_consts`,
//!    `propagate_line_numbers`, `guarantee_lineno_for_exits` ([`lineno`]);
//! 5. `stackdepth` ([`stackdepth`]);
//! 6. `label_exception_targets`, `convert_exception_handlers_to_nops` ([`except`]);
//! 7. `clean_basic_block` ([`lineno`]);
//! 8. `normalize_jumps` and the rest of assembly ([`crate::assemble`]), then
//!    `makecode`.

pub mod except;
pub mod graph;
pub mod linearize;
pub mod lineno;
pub mod normalize;
pub mod optimize;
pub mod prefix;
pub mod reachability;
pub mod stackdepth;
pub mod swaps;

use crate::assemble::{assemble_with_stacksize, AssembleError};
use crate::code::CodeObject;
use crate::ir::Unit;
use graph::{Graph, ENTRY};

/// Why a unit could not be finished (CPython raises `SystemError` or fails an
/// assertion for these: they mean a code-generator bug).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlowgraphError {
    /// The graph breaks a structural rule.
    Malformed(&'static str),
    /// A jump or `SETUP_*` without a valid target block.
    MissingTarget,
    /// An oparg out of range for the named opcode.
    BadOparg(&'static str),
    /// The assembler refused the result.
    Assemble(AssembleError),
}

impl std::fmt::Display for FlowgraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FlowgraphError::Malformed(what) => write!(f, "malformed control flow graph: {what}"),
            FlowgraphError::MissingTarget => f.write_str("jump without a valid target"),
            FlowgraphError::BadOparg(op) => write!(f, "bad oparg for {op}"),
            FlowgraphError::Assemble(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for FlowgraphError {}

impl From<AssembleError> for FlowgraphError {
    fn from(e: AssembleError) -> FlowgraphError {
        FlowgraphError::Assemble(e)
    }
}

/// Turns a code unit into its code object: CPython 3.11's `assemble()` after the
/// implicit `return None` (which the code generator has appended).
pub fn finish(mut unit: Unit) -> Result<CodeObject, FlowgraphError> {
    let mut g = Graph::from_cfg(std::mem::take(&mut unit.cfg))?;
    if g.blocks.is_empty() {
        return Err(FlowgraphError::Malformed("no entry block"));
    }
    for b in g.list_order() {
        normalize::normalize_basic_block(&mut g, b)?;
    }
    for b in g.list_order() {
        normalize::extend_block(&mut g, b);
    }
    let nlocals = unit.varnames.len() as u32;
    let mut fixed = prefix::build_cellfixedoffsets(&unit);
    let firstlineno = if unit.firstlineno != 0 {
        unit.firstlineno
    } else {
        match g.block(ENTRY).instrs.first() {
            Some(i) if i.loc.lineno != 0 => i.loc.lineno,
            _ => 1,
        }
    };
    prefix::insert_prefix_instructions(&mut g, &unit, firstlineno, &fixed);
    prefix::fix_cell_offsets(&mut g, nlocals, &mut fixed)?;
    let mut consts = std::mem::take(&mut unit.consts);
    optimize::optimize_cfg(&mut g, &mut consts)?;
    lineno::duplicate_exits_without_lineno(&mut g);
    optimize::trim_unused_consts(&g, &mut consts);
    lineno::propagate_line_numbers(&mut g);
    lineno::guarantee_lineno_for_exits(&mut g, firstlineno);
    let generator = unit.flags & prefix::GENERATOR_FLAGS != 0;
    let maxdepth = stackdepth::stackdepth(&mut g, generator)?;
    except::label_exception_targets(&mut g)?;
    except::convert_exception_handlers_to_nops(&mut g);
    lineno::clean_all(&mut g);
    let instrs = linearize::linearize(&g)?;
    let stacksize = u32::try_from(maxdepth).map_err(|_| FlowgraphError::Malformed("stack"))?;
    let out = assemble_with_stacksize(&instrs, firstlineno, stacksize)?;
    let (localsplusnames, localspluskinds) = prefix::localsplus_info(&unit);
    // `makecode`: `co_argcount` counts the positional-only parameters too, while the
    // unit's `argcount` is `u_argcount` (positional-or-keyword only), as the code
    // generator sets it.
    let argcount = unit
        .argcount
        .checked_add(unit.posonlyargcount)
        .ok_or(FlowgraphError::Malformed("argument count"))?;
    Ok(CodeObject {
        argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        stacksize: out.stacksize,
        flags: unit.flags,
        firstlineno,
        code: out.code,
        consts,
        names: unit.names.list,
        localsplusnames,
        localspluskinds,
        filename: unit.filename,
        // `u_qualname ? u_qualname : u_name`
        qualname: if unit.qualname.is_empty() {
            unit.name.clone()
        } else {
            unit.qualname
        },
        name: unit.name,
        linetable: out.linetable,
        exceptiontable: out.exceptiontable,
    })
}

#[cfg(test)]
mod tests;
