//! The assembler: a finished, linear instruction sequence to `co_code`,
//! `co_linetable`, `co_exceptiontable` and `co_stacksize`, byte for byte as
//! CPython 3.11's `assemble()` in `Python/compile.c` produces them.
//!
//! The input mirrors CPython's `struct instr` after optimization: an opcode, an
//! oparg, a jump target (an instruction index instead of a block), a source location
//! and the exception handler covering it (`i_except`). The passes are CPython's:
//! - `normalize_jumps`: a jump's direction (forward/backward variant) follows from
//!   where its target lies;
//! - `stackdepth`: the largest stack depth over all paths, from
//!   [`opcode::stack_effect`];
//! - `assemble_jump_offsets`: jump opargs resolved to relative offsets, repeated
//!   until the `EXTENDED_ARG` prefixes they need stop changing sizes;
//! - `write_instr`, `assemble_emit_location` / `write_location_info_entry` (one
//!   location-table entry per instruction, split into entries of at most 8 code
//!   units) and `assemble_exception_table` (runs of instructions with the same
//!   handler).

use crate::opcode::{self, JumpKind, Opcode};

/// A source location, as CPython 3.11's `i_lineno`, `i_end_lineno`,
/// `i_col_offset`, `i_end_col_offset`: `-1` means unknown. A negative `lineno` makes
/// the instruction's location-table entry a "no location" one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// First line (1-based), or -1.
    pub lineno: i32,
    /// Last line, or -1.
    pub end_lineno: i32,
    /// Start column (0-based, UTF-8 bytes), or -1.
    pub col_offset: i32,
    /// End column, or -1.
    pub end_col_offset: i32,
}

impl Location {
    /// No location (CPython's `NO_LOCATION`, used for artificial instructions).
    pub const NONE: Location = Location {
        lineno: -1,
        end_lineno: -1,
        col_offset: -1,
        end_col_offset: -1,
    };
}

/// The exception handler covering an instruction (CPython's `i_except` block, with
/// the depth and `b_preserve_lasti` that the exception table records for it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptHandler {
    /// Index of the handler's first instruction.
    pub target: usize,
    /// Stack depth the unwinder pops to before pushing the exception.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed too (`lasti`).
    pub lasti: bool,
}

/// One input instruction (CPython's `struct instr`). `EXTENDED_ARG` and `CACHE`
/// are never given: the assembler writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Instr {
    /// The opcode. For jumps either direction's variant may be given
    /// (e.g. `JUMP_FORWARD` for any unconditional jump): the assembler picks the one
    /// the target's position calls for, as `normalize_jumps` does.
    pub opcode: Opcode,
    /// The argument; ignored (written as 0) for opcodes below `HAVE_ARGUMENT` and for
    /// jumps, whose argument is computed from `target`.
    pub oparg: u32,
    /// For jumps: the index of the target instruction.
    pub target: Option<usize>,
    /// Source location.
    pub loc: Location,
    /// The innermost exception handler covering this instruction, if any.
    pub handler: Option<ExceptHandler>,
}

impl Instr {
    /// An instruction with no jump target and no handler.
    pub fn new(opcode: Opcode, oparg: u32, loc: Location) -> Instr {
        Instr {
            opcode,
            oparg,
            target: None,
            loc,
            handler: None,
        }
    }
}

/// The assembler's output: the four code-object fields it is responsible for.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Assembled {
    /// `co_code`.
    pub code: Vec<u8>,
    /// `co_linetable`.
    pub linetable: Vec<u8>,
    /// `co_exceptiontable`.
    pub exceptiontable: Vec<u8>,
    /// `co_stacksize`.
    pub stacksize: u32,
}

/// Inconsistent input (CPython would fail an assertion or raise `SystemError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssembleError {
    /// A jump instruction without a target, or a target on a non-jump.
    BadTarget(usize),
    /// A jump target or handler index outside the sequence.
    TargetOutOfRange(usize),
    /// `EXTENDED_ARG` or `CACHE` given as an instruction.
    PseudoInstruction(usize),
    /// The stack depth would go below zero at this instruction.
    StackUnderflow(usize),
    /// Two paths reach this instruction with different stack depths.
    InconsistentDepth(usize),
    /// Code or table values too large for the format.
    TooLarge,
}

impl std::fmt::Display for AssembleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AssembleError::BadTarget(i) => write!(f, "instruction {i}: jump target mismatch"),
            AssembleError::TargetOutOfRange(i) => {
                write!(f, "instruction {i}: target out of range")
            }
            AssembleError::PseudoInstruction(i) => {
                write!(f, "instruction {i}: EXTENDED_ARG/CACHE not allowed")
            }
            AssembleError::StackUnderflow(i) => write!(f, "instruction {i}: stack underflow"),
            AssembleError::InconsistentDepth(i) => {
                write!(f, "instruction {i}: inconsistent stack depth")
            }
            AssembleError::TooLarge => f.write_str("code too large"),
        }
    }
}

impl std::error::Error for AssembleError {}

/// Assembles `instrs` (CPython's `assemble()` for one code unit). `firstlineno` is
/// `co_firstlineno`, the starting point of the location table's line deltas.
pub fn assemble(instrs: &[Instr], firstlineno: i32) -> Result<Assembled, AssembleError> {
    assemble_with_entries(instrs, firstlineno, &[])
}

/// [`assemble`], with extra block entries for the stack-depth walk: each
/// `(instruction index, start depth)` is a block CPython's `stackdepth()` would reach
/// through a `SETUP_*` pseudo-instruction (depth at the `SETUP_*` plus its jump
/// effect) even though no remaining instruction jumps there or is covered by it: a
/// cleanup handler whose protected range the optimizer emptied. Such blocks are
/// usually inferred without help (see `stackdepth`: every one in the stdlib is);
/// this is for a code generator that knows better.
pub fn assemble_with_entries(
    instrs: &[Instr],
    firstlineno: i32,
    entries: &[(usize, u32)],
) -> Result<Assembled, AssembleError> {
    assemble_inner(instrs, firstlineno, StackSize::Compute(entries))
}

/// [`assemble`] with `co_stacksize` given rather than computed: the flow-graph passes
/// compute it on the graph, before handler set-up instructions are removed, as
/// CPython's `assemble()` does.
pub fn assemble_with_stacksize(
    instrs: &[Instr],
    firstlineno: i32,
    stacksize: u32,
) -> Result<Assembled, AssembleError> {
    assemble_inner(instrs, firstlineno, StackSize::Given(stacksize))
}

/// Where `co_stacksize` comes from.
enum StackSize<'a> {
    /// Computed on the instruction sequence, with these extra block entries.
    Compute(&'a [(usize, u32)]),
    /// Already known.
    Given(u32),
}

fn assemble_inner(
    instrs: &[Instr],
    firstlineno: i32,
    stack: StackSize<'_>,
) -> Result<Assembled, AssembleError> {
    let mut instrs = instrs.to_vec();
    check(&instrs)?;
    let entries = match stack {
        StackSize::Compute(e) => e,
        StackSize::Given(_) => &[],
    };
    if let Some(&(i, _)) = entries.iter().find(|e| e.0 >= instrs.len()) {
        return Err(AssembleError::TargetOutOfRange(i));
    }
    normalize_jumps(&mut instrs);
    let stacksize = match stack {
        StackSize::Compute(entries) => stackdepth(&instrs, entries)?,
        StackSize::Given(n) => n,
    };
    let (opargs, offsets) = resolve_jumps(&instrs)?;
    let mut code = Vec::with_capacity(offsets.last().copied().unwrap_or(0) as usize * 2);
    for (ins, &oparg) in instrs.iter().zip(&opargs) {
        write_instr(&mut code, ins.opcode, oparg);
    }
    let mut linetable = Vec::new();
    let mut lineno = firstlineno;
    for (ins, &oparg) in instrs.iter().zip(&opargs) {
        let mut isize = instr_size(ins.opcode, oparg);
        while isize > 8 {
            write_location_info_entry(&mut linetable, &mut lineno, &ins.loc, 8);
            isize -= 8;
        }
        write_location_info_entry(&mut linetable, &mut lineno, &ins.loc, isize);
    }
    let exceptiontable = assemble_exception_table(&instrs, &offsets)?;
    Ok(Assembled {
        code,
        linetable,
        exceptiontable,
        stacksize,
    })
}

/// Validates targets and opcodes.
fn check(instrs: &[Instr]) -> Result<(), AssembleError> {
    let n = instrs.len();
    for (i, ins) in instrs.iter().enumerate() {
        if matches!(ins.opcode, Opcode::EXTENDED_ARG | Opcode::CACHE) {
            return Err(AssembleError::PseudoInstruction(i));
        }
        let is_jump = ins.opcode.info().jump() != JumpKind::None;
        match ins.target {
            Some(_) if !is_jump => return Err(AssembleError::BadTarget(i)),
            None if is_jump => return Err(AssembleError::BadTarget(i)),
            Some(t) if t >= n => return Err(AssembleError::TargetOutOfRange(i)),
            _ => {}
        }
        if let Some(h) = ins.handler {
            if h.target >= n {
                return Err(AssembleError::TargetOutOfRange(i));
            }
        }
    }
    Ok(())
}

/// The (forward, backward) variants of each directional jump, as 3.11's
/// `normalize_jumps` chooses between them.
const JUMP_PAIRS: [(Opcode, Opcode); 6] = [
    (Opcode::JUMP_FORWARD, Opcode::JUMP_BACKWARD),
    (
        Opcode::POP_JUMP_FORWARD_IF_FALSE,
        Opcode::POP_JUMP_BACKWARD_IF_FALSE,
    ),
    (
        Opcode::POP_JUMP_FORWARD_IF_TRUE,
        Opcode::POP_JUMP_BACKWARD_IF_TRUE,
    ),
    (
        Opcode::POP_JUMP_FORWARD_IF_NONE,
        Opcode::POP_JUMP_BACKWARD_IF_NONE,
    ),
    (
        Opcode::POP_JUMP_FORWARD_IF_NOT_NONE,
        Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE,
    ),
    (Opcode::JUMP_FORWARD, Opcode::JUMP_BACKWARD_NO_INTERRUPT),
];

/// `normalize_jumps`: a jump whose target is at or before it takes the backward
/// variant, any other the forward one. (`JUMP_BACKWARD_NO_INTERRUPT` going forward
/// becomes `JUMP_FORWARD`, as `JUMP_NO_INTERRUPT` would.)
fn normalize_jumps(instrs: &mut [Instr]) {
    for (i, ins) in instrs.iter_mut().enumerate() {
        let Some(t) = ins.target else { continue };
        let backward = t <= i;
        for (fwd, bwd) in JUMP_PAIRS {
            if ins.opcode == fwd && backward {
                // The first pair wins: `JUMP_FORWARD` backward is `JUMP_BACKWARD`.
                ins.opcode = bwd;
                break;
            }
            if ins.opcode == bwd && !backward {
                ins.opcode = fwd;
                break;
            }
        }
    }
}

/// Whether control never falls through past this instruction (3.11's
/// `IS_UNCONDITIONAL_JUMP_OPCODE` and `IS_SCOPE_EXIT_OPCODE`).
fn is_terminator(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::JUMP_FORWARD
            | Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
            | Opcode::RETURN_VALUE
            | Opcode::RAISE_VARARGS
            | Opcode::RERAISE
    )
}

/// Whether an opcode belongs to the prefix 3.11's `insert_prefix_instructions` puts
/// before `RESUME` (`COPY_FREE_VARS`, `MAKE_CELL`s, `RETURN_GENERATOR; POP_TOP`).
fn is_prefix(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::COPY_FREE_VARS | Opcode::MAKE_CELL | Opcode::RETURN_GENERATOR | Opcode::POP_TOP
    )
}

/// 3.11's `stackdepth()`: a depth-first walk over the basic blocks from the entry,
/// each block entered with one start depth, jumps and exception handlers pushing
/// their targets. A handler is entered with its recorded depth plus the exception
/// (and `lasti`), as the `SETUP_*` pseudo-instruction's jump effect gives it.
/// CPython inserts the prefix instructions only after computing the depth, so a
/// leading run of them is not counted (the `POP_TOP` after `RETURN_GENERATOR` would
/// otherwise underflow).
///
/// A handler whose protected range became empty (`try: return 1 finally: ...`) is
/// still walked by CPython, from its `SETUP_*`; here nothing reaches it. Such a block
/// starts with `PUSH_EXC_INFO` under the cleanup handler that `SETUP_CLEANUP` set up
/// at the block's own start depth, so it is entered with that handler's depth.
/// Any other unreached block (an `except* ... as name` cleanup) is entered with the
/// depth that makes it agree with the already-known block it jumps or falls into.
fn stackdepth(instrs: &[Instr], entries: &[(usize, u32)]) -> Result<u32, AssembleError> {
    let n = instrs.len();
    let entry = instrs.iter().take_while(|i| is_prefix(i.opcode)).count();
    if entry >= n {
        return Ok(0);
    }
    // Block starts: the entry, jump targets, handlers, and whatever follows a jump or
    // a terminator.
    let mut leader = vec![false; n + 1];
    leader[entry] = true;
    for &(i, _) in entries {
        leader[i] = true;
    }
    for (i, ins) in instrs.iter().enumerate() {
        if let Some(t) = ins.target {
            leader[t] = true;
            leader[i + 1] = true;
        }
        if let Some(h) = ins.handler {
            leader[h.target] = true;
        }
        if is_terminator(ins.opcode) {
            leader[i + 1] = true;
        }
    }
    let mut start: Vec<i64> = vec![i64::MIN; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut maxdepth: i64 = 0;
    let push = |start: &mut Vec<i64>, stack: &mut Vec<usize>, b: usize, depth: i64| {
        if start[b] == i64::MIN {
            start[b] = depth;
            stack.push(b);
            Ok(())
        } else if start[b] != depth {
            Err(AssembleError::InconsistentDepth(b))
        } else {
            Ok(())
        }
    };
    for &(i, d) in entries.iter().rev() {
        maxdepth = maxdepth.max(i64::from(d));
        push(&mut start, &mut stack, i, i64::from(d))?;
    }
    push(&mut start, &mut stack, entry, 0)?;
    let mut orphans = (entry..n).rev().filter(|&i| {
        leader[i] && instrs[i].opcode == Opcode::PUSH_EXC_INFO && instrs[i].handler.is_some()
    });
    loop {
        let Some(b) = stack.pop() else {
            // Orphaned handlers: see the doc comment.
            if let Some(i) = orphans.find(|&i| start[i] == i64::MIN) {
                let d = instrs[i].handler.map_or(0, |h| i64::from(h.depth));
                push(&mut start, &mut stack, i, d)?;
                continue;
            }
            let inferred = (entry..n)
                .filter(|&i| leader[i] && start[i] == i64::MIN)
                .find_map(|i| Some((i, infer_start_depth(instrs, &leader, &start, i)?)));
            match inferred {
                Some((i, d)) => {
                    push(&mut start, &mut stack, i, d)?;
                    continue;
                }
                None => break,
            }
        };
        let mut depth = start[b];
        let mut i = b;
        loop {
            let ins = &instrs[i];
            if let Some(h) = ins.handler {
                let d = i64::from(h.depth) + 1 + i64::from(h.lasti);
                maxdepth = maxdepth.max(d);
                push(&mut start, &mut stack, h.target, d)?;
            }
            let op = ins.opcode as u8;
            let effect = opcode::stack_effect(op, ins.oparg, Some(false))
                .ok_or(AssembleError::PseudoInstruction(i))?;
            let new_depth = depth + i64::from(effect);
            if new_depth < 0 {
                return Err(AssembleError::StackUnderflow(i));
            }
            maxdepth = maxdepth.max(new_depth);
            if let Some(t) = ins.target {
                let effect = opcode::stack_effect(op, ins.oparg, Some(true))
                    .ok_or(AssembleError::PseudoInstruction(i))?;
                let target_depth = depth + i64::from(effect);
                if target_depth < 0 {
                    return Err(AssembleError::StackUnderflow(i));
                }
                maxdepth = maxdepth.max(target_depth);
                push(&mut start, &mut stack, t, target_depth)?;
            }
            depth = new_depth;
            if is_terminator(ins.opcode) {
                break;
            }
            i += 1;
            if i >= n {
                break;
            }
            if leader[i] {
                push(&mut start, &mut stack, i, depth)?;
                break;
            }
        }
    }
    u32::try_from(maxdepth).map_err(|_| AssembleError::TooLarge)
}

/// The start depth of the unreached block at `b` that makes its depth agree with
/// the first block of known depth it jumps or falls into, following its fall-through
/// path; `None` if that path ends first (or the depth would be negative).
fn infer_start_depth(instrs: &[Instr], leader: &[bool], start: &[i64], b: usize) -> Option<i64> {
    let mut rel: i64 = 0;
    let mut i = b;
    loop {
        let ins = instrs.get(i)?;
        let op = ins.opcode as u8;
        if let Some(t) = ins.target {
            let known = *start.get(t)?;
            if known != i64::MIN {
                let effect = i64::from(opcode::stack_effect(op, ins.oparg, Some(true))?);
                return Some(known - rel - effect).filter(|d| *d >= 0);
            }
        }
        rel += i64::from(opcode::stack_effect(op, ins.oparg, Some(false))?);
        if is_terminator(ins.opcode) {
            return None;
        }
        i += 1;
        if *leader.get(i)? {
            let known = *start.get(i)?;
            if known != i64::MIN {
                return Some(known - rel).filter(|d| *d >= 0);
            }
        }
    }
}

/// The number of `EXTENDED_ARG` prefixes an oparg needs.
fn extended_args(oparg: u32) -> usize {
    usize::from(oparg > 0xFF) + usize::from(oparg > 0xFFFF) + usize::from(oparg > 0xFF_FFFF)
}

/// 3.11's `instr_size`: code units for an instruction, prefixes and caches included.
fn instr_size(op: Opcode, oparg: u32) -> usize {
    let oparg = if op.info().has_arg() { oparg } else { 0 };
    extended_args(oparg) + 1 + usize::from(op.info().cache_entries)
}

/// 3.11's `assemble_jump_offsets`: jump opargs from target offsets, recomputed until
/// no `EXTENDED_ARG` count changes. Returns every instruction's final oparg and the
/// code-unit offset of every instruction (plus the total size at the end).
fn resolve_jumps(instrs: &[Instr]) -> Result<(Vec<u32>, Vec<u32>), AssembleError> {
    let mut opargs: Vec<u32> = instrs
        .iter()
        .map(|i| if i.target.is_some() { 0 } else { i.oparg })
        .collect();
    let mut offsets = vec![0u32; instrs.len() + 1];
    // Sizes only grow once an oparg needs a prefix, so this settles quickly; the cap
    // only guards against a bug turning into a hang.
    for _ in 0..64 {
        let mut total: u64 = 0;
        for (i, ins) in instrs.iter().enumerate() {
            offsets[i] = u32::try_from(total).map_err(|_| AssembleError::TooLarge)?;
            total += instr_size(ins.opcode, opargs[i]) as u64;
        }
        offsets[instrs.len()] = u32::try_from(total).map_err(|_| AssembleError::TooLarge)?;
        let mut changed = false;
        for (i, ins) in instrs.iter().enumerate() {
            let Some(t) = ins.target else { continue };
            let isize = instr_size(ins.opcode, opargs[i]);
            let end = offsets[i] + isize as u32;
            let target = offsets[t];
            let arg = match ins.opcode.info().jump() {
                JumpKind::RelativeForward | JumpKind::RelativeBackward => {
                    // Backward if the target is before the instruction's end.
                    end.abs_diff(target)
                }
                _ => target,
            };
            opargs[i] = arg;
            if instr_size(ins.opcode, arg) != isize {
                changed = true;
            }
        }
        if !changed {
            return Ok((opargs, offsets));
        }
    }
    Err(AssembleError::TooLarge)
}

/// 3.11's `write_instr`: `EXTENDED_ARG` prefixes, the instruction, zeroed caches.
fn write_instr(code: &mut Vec<u8>, op: Opcode, oparg: u32) {
    let oparg = if op.info().has_arg() { oparg } else { 0 };
    for k in (1..=extended_args(oparg)).rev() {
        code.extend([opcode::EXTENDED_ARG, (oparg >> (8 * k)) as u8]);
    }
    code.extend([op as u8, oparg as u8]);
    for _ in 0..op.info().cache_entries {
        code.extend([0, 0]);
    }
}

/// Location-table entry kinds (`_PyCodeLocationInfoKind`).
const SHORT0: u8 = 0;
const ONE_LINE0: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG: u8 = 14;
const NONE: u8 = 15;

fn write_first_byte(t: &mut Vec<u8>, code: u8, length: usize) {
    t.push(0x80 | (code << 3) | (length as u8 - 1));
}

fn write_varint(t: &mut Vec<u8>, mut val: u32) {
    while val >= 64 {
        t.push(0x40 | (val & 63) as u8);
        val >>= 6;
    }
    t.push(val as u8);
}

fn write_signed_varint(t: &mut Vec<u8>, val: i32) {
    let u = if val < 0 {
        (val.unsigned_abs() << 1) | 1
    } else {
        (val as u32) << 1
    };
    write_varint(t, u);
}

/// 3.11's `write_location_info_entry`: one entry for `isize` (1..=8) code units,
/// choosing the NONE, NO_COLUMNS, SHORT, ONE_LINE or LONG form as CPython does, and
/// tracking the previous line in `lineno` (`a_lineno`).
fn write_location_info_entry(t: &mut Vec<u8>, lineno: &mut i32, loc: &Location, isize: usize) {
    if loc.lineno < 0 {
        write_first_byte(t, NONE, isize);
        return;
    }
    let line_delta = loc.lineno.wrapping_sub(*lineno);
    let column = loc.col_offset;
    let end_column = loc.end_col_offset;
    if column < 0 || end_column < 0 {
        if loc.end_lineno == loc.lineno || loc.end_lineno == -1 {
            write_first_byte(t, NO_COLUMNS, isize);
            write_signed_varint(t, line_delta);
            *lineno = loc.lineno;
            return;
        }
    } else if loc.end_lineno == loc.lineno {
        if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
            write_first_byte(t, SHORT0 + (column >> 3) as u8, isize);
            t.push((((column & 7) as u8) << 4) | (end_column - column) as u8);
            return;
        }
        if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
            write_first_byte(t, ONE_LINE0 + line_delta as u8, isize);
            t.push(column as u8);
            t.push(end_column as u8);
            *lineno = loc.lineno;
            return;
        }
    }
    write_first_byte(t, LONG, isize);
    write_signed_varint(t, line_delta);
    // CPython passes these through `unsigned int`: wrapping is its behaviour too.
    write_varint(t, loc.end_lineno.wrapping_sub(loc.lineno) as u32);
    write_varint(t, column.wrapping_add(1) as u32);
    write_varint(t, end_column.wrapping_add(1) as u32);
    *lineno = loc.lineno;
}

/// 3.11's `assemble_emit_exception_table_item`: a big-endian 6-bit varint, `msb`
/// (bit 7) marking an entry's first byte.
fn write_exception_item(t: &mut Vec<u8>, value: u32, mut msb: u8) -> Result<(), AssembleError> {
    if value >= 1 << 30 {
        return Err(AssembleError::TooLarge);
    }
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            t.push(((value >> shift) & 0x3f) as u8 | 64 | msb);
            msb = 0;
        }
    }
    t.push((value & 0x3f) as u8 | msb);
    Ok(())
}

/// 3.11's `assemble_exception_table`: one entry per maximal run of consecutive
/// instructions with the same handler.
fn assemble_exception_table(instrs: &[Instr], offsets: &[u32]) -> Result<Vec<u8>, AssembleError> {
    let mut t = Vec::new();
    let mut emit = |start: u32, end: u32, h: ExceptHandler| -> Result<(), AssembleError> {
        write_exception_item(&mut t, start, 0x80)?;
        write_exception_item(&mut t, end - start, 0)?;
        write_exception_item(&mut t, offsets[h.target], 0)?;
        let dl = h.depth.checked_mul(2).ok_or(AssembleError::TooLarge)? | u32::from(h.lasti);
        write_exception_item(&mut t, dl, 0)
    };
    let mut current: Option<ExceptHandler> = None;
    let mut start = 0;
    for (i, ins) in instrs.iter().enumerate() {
        if ins.handler != current {
            if let Some(h) = current {
                emit(start, offsets[i], h)?;
            }
            start = offsets[i];
            current = ins.handler;
        }
    }
    if let Some(h) = current {
        emit(start, offsets[instrs.len()], h)?;
    }
    Ok(t)
}

/// Why [`instrs_from_code`] could not turn a code object back into input form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DisassembleError {
    /// `co_code` ends inside an instruction or its caches.
    Truncated,
    /// A byte that is not a 3.11 opcode, at this code-unit offset.
    BadOpcode(usize),
    /// A jump or handler target that is not the start of an instruction.
    BadTarget(usize),
}

/// The inverse of [`assemble`] on a CPython-made code object: its instructions
/// without `EXTENDED_ARG` and `CACHE` units, jump targets as instruction indices,
/// each instruction's location from `co_positions()` (of its first code unit) and its
/// handler from the exception table. Assembling the result with `co_firstlineno`
/// should give back `co_code`, `co_linetable`, `co_exceptiontable` and
/// `co_stacksize`.
pub fn instrs_from_code(code: &crate::code::CodeObject) -> Result<Vec<Instr>, DisassembleError> {
    let units: Vec<(u8, u8)> = code
        .code
        .chunks(2)
        .map(|c| (c[0], *c.get(1).unwrap_or(&0)))
        .collect();
    if !code.code.len().is_multiple_of(2) {
        return Err(DisassembleError::Truncated);
    }
    let positions = code.positions();
    // (start unit, end unit incl. caches, opcode, oparg)
    let mut raw: Vec<(usize, usize, Opcode, u32)> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let start = i;
        let mut arg: u32 = 0;
        while units[i].0 == opcode::EXTENDED_ARG {
            arg = (arg << 8) | u32::from(units[i].1);
            i += 1;
            if i >= units.len() {
                return Err(DisassembleError::Truncated);
            }
        }
        let op = Opcode::from_u8(units[i].0).ok_or(DisassembleError::BadOpcode(i))?;
        arg = (arg << 8) | u32::from(units[i].1);
        let end = i + 1 + usize::from(op.info().cache_entries);
        if end > units.len() {
            return Err(DisassembleError::Truncated);
        }
        raw.push((start, end, op, arg));
        i = end;
    }
    let index_of = |unit: usize| -> Result<usize, DisassembleError> {
        raw.binary_search_by_key(&unit, |r| r.0)
            .map_err(|_| DisassembleError::BadTarget(unit))
    };
    let entries = code.exception_entries();
    let mut out = Vec::with_capacity(raw.len());
    for &(start, end, op, arg) in &raw {
        let target = match op.info().jump() {
            JumpKind::RelativeForward => Some(index_of(end + arg as usize)?),
            JumpKind::RelativeBackward => Some(index_of(
                end.checked_sub(arg as usize)
                    .ok_or(DisassembleError::BadTarget(start))?,
            )?),
            JumpKind::Absolute => Some(index_of(arg as usize)?),
            JumpKind::None => None,
        };
        let loc = match positions.get(start) {
            Some(&(l, el, c, ec)) => Location {
                lineno: l.unwrap_or(-1),
                end_lineno: el.unwrap_or(-1),
                col_offset: c.unwrap_or(-1),
                end_col_offset: ec.unwrap_or(-1),
            },
            None => Location::NONE,
        };
        let byte = (start * 2) as u32;
        let handler = match entries.iter().find(|e| e.start <= byte && byte < e.end) {
            Some(e) => Some(ExceptHandler {
                target: index_of(e.target as usize / 2)?,
                depth: e.depth,
                lasti: e.lasti,
            }),
            None => None,
        };
        out.push(Instr {
            opcode: op,
            oparg: if target.is_some() { 0 } else { arg },
            target,
            loc,
            handler,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: i32, col: i32, end_col: i32) -> Location {
        Location {
            lineno: line,
            end_lineno: line,
            col_offset: col,
            end_col_offset: end_col,
        }
    }

    fn jump(op: Opcode, target: usize, loc: Location) -> Instr {
        Instr {
            target: Some(target),
            ..Instr::new(op, 0, loc)
        }
    }

    /// `compile("", "", "exec")`: RESUME, LOAD_CONST None, RETURN_VALUE, all at
    /// line 0 with no columns.
    #[test]
    fn empty_module() {
        let loc = Location {
            lineno: 0,
            end_lineno: 1,
            col_offset: 0,
            end_col_offset: 0,
        };
        let instrs = [
            Instr::new(Opcode::RESUME, 0, loc),
            Instr::new(Opcode::LOAD_CONST, 0, loc),
            Instr::new(Opcode::RETURN_VALUE, 0, loc),
        ];
        let out = assemble(&instrs, 1).unwrap();
        assert_eq!(out.code, b"\x97\x00d\x00S\x00");
        assert_eq!(out.stacksize, 1);
        assert!(out.exceptiontable.is_empty());
    }

    /// A given stack size is used as is (the flow-graph passes computed it).
    #[test]
    fn given_stacksize_is_kept() {
        let l = at(1, 0, 1);
        let instrs = [
            Instr::new(Opcode::RESUME, 0, l),
            Instr::new(Opcode::LOAD_CONST, 0, l),
            Instr::new(Opcode::RETURN_VALUE, 0, l),
        ];
        assert_eq!(assemble(&instrs, 1).unwrap().stacksize, 1);
        let out = assemble_with_stacksize(&instrs, 1, 7).unwrap();
        assert_eq!(out.stacksize, 7);
        assert_eq!(out.code, assemble(&instrs, 1).unwrap().code);
    }

    /// Jumps take the direction their target calls for, whatever variant is given.
    #[test]
    fn jump_direction_is_normalized() {
        let l = at(1, 0, 1);
        let instrs = [
            Instr::new(Opcode::RESUME, 0, l),
            Instr::new(Opcode::LOAD_CONST, 0, l),
            jump(Opcode::POP_JUMP_BACKWARD_IF_TRUE, 4, l),
            jump(Opcode::JUMP_FORWARD, 1, l),
            Instr::new(Opcode::LOAD_CONST, 0, l),
            Instr::new(Opcode::RETURN_VALUE, 0, l),
        ];
        let out = assemble(&instrs, 1).unwrap();
        let ops: Vec<u8> = out.code.chunks(2).map(|u| u[0]).collect();
        assert_eq!(ops[2], Opcode::POP_JUMP_FORWARD_IF_TRUE as u8);
        assert_eq!(out.code[5], 1);
        assert_eq!(ops[3], Opcode::JUMP_BACKWARD as u8);
        assert_eq!(out.code[7], 3);
    }

    /// A forward jump over 300 units needs an EXTENDED_ARG, which itself moves
    /// the target: the offsets are recomputed until stable.
    #[test]
    fn extended_arg_jump() {
        let l = at(1, 0, 1);
        let mut instrs = vec![
            Instr::new(Opcode::RESUME, 0, l),
            Instr::new(Opcode::LOAD_CONST, 0, l),
            jump(Opcode::POP_JUMP_FORWARD_IF_FALSE, 303, l),
        ];
        instrs.extend((0..300).map(|_| Instr::new(Opcode::NOP, 0, l)));
        instrs.push(Instr::new(Opcode::LOAD_CONST, 0, l));
        instrs.push(Instr::new(Opcode::RETURN_VALUE, 0, l));
        let out = assemble(&instrs, 1).unwrap();
        assert_eq!(&out.code[4..8], &[opcode::EXTENDED_ARG, 1, 114, 44]);
    }

    /// Entries cover at most 8 code units; LOAD_METHOD (11 units) takes two.
    #[test]
    fn long_instruction_splits_location_entries() {
        let l = at(1, 0, 1);
        let instrs = [
            Instr::new(Opcode::RESUME, 0, l),
            Instr::new(Opcode::LOAD_METHOD, 0, at(1, 2, 5)),
        ];
        let out = assemble(&instrs, 1).unwrap();
        // RESUME: short form, 1 unit; LOAD_METHOD: short form 8 + 3 units.
        assert_eq!(out.linetable, [0x80, 0x01, 0x87, 0x23, 0x82, 0x23]);
    }

    #[test]
    fn bad_input_is_an_error() {
        let l = Location::NONE;
        let missing_target = [Instr::new(Opcode::JUMP_FORWARD, 0, l)];
        assert!(assemble(&missing_target, 1).is_err());
        let out_of_range = [jump(Opcode::JUMP_FORWARD, 7, l)];
        assert!(assemble(&out_of_range, 1).is_err());
        let underflow = [
            Instr::new(Opcode::RESUME, 0, l),
            Instr::new(Opcode::RETURN_VALUE, 0, l),
        ];
        assert_eq!(
            assemble(&underflow, 1),
            Err(AssembleError::StackUnderflow(1))
        );
        let cache = [Instr::new(Opcode::CACHE, 0, l)];
        assert!(assemble(&cache, 1).is_err());
        assert!(assemble_with_entries(&[], 1, &[(3, 1)]).is_err());
        assert_eq!(assemble(&[], 1), Ok(Assembled::default()));
    }

    /// Pseudo-random sequences of any opcodes, opargs, targets and locations: an
    /// answer or an error, never a panic.
    #[test]
    fn no_panics_on_random_input() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let ops: Vec<Opcode> = (0..=255u8).filter_map(Opcode::from_u8).collect();
        for _ in 0..2000 {
            let n = (next() % 40) as usize + 1;
            let mut instrs = Vec::new();
            for _ in 0..n {
                let op = ops[(next() % ops.len() as u64) as usize];
                let wild = |v: u64| match v % 4 {
                    0 => -1,
                    1 => (v >> 8) as i32,
                    2 => i32::MAX - (v % 3) as i32,
                    _ => (v % 200) as i32,
                };
                let loc = Location {
                    lineno: wild(next()),
                    end_lineno: wild(next()),
                    col_offset: wild(next()),
                    end_col_offset: wild(next()),
                };
                let oparg = match next() % 3 {
                    0 => (next() % 4) as u32,
                    1 => next() as u32,
                    _ => (next() % 300) as u32,
                };
                let is_jump = op.info().jump() != JumpKind::None;
                let target =
                    (is_jump || next() % 10 == 0).then(|| (next() % (n as u64 + 1)) as usize);
                let handler = (next() % 3 == 0).then(|| ExceptHandler {
                    target: (next() % (n as u64 + 1)) as usize,
                    depth: (next() % 5) as u32,
                    lasti: next() % 2 == 0,
                });
                instrs.push(Instr {
                    opcode: op,
                    oparg,
                    target,
                    loc,
                    handler,
                });
            }
            let _ = assemble(&instrs, wild_first(next()));
            let _ = assemble_with_entries(&instrs, 1, &[((next() % 40) as usize, 3)]);
        }
    }

    /// Random `co_code`, line and exception tables: disassembly answers or errors.
    #[test]
    fn instrs_from_code_survives_garbage() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2000 {
            let mut bytes = |n: u64| -> Vec<u8> { (0..next() % n).map(|_| next() as u8).collect() };
            let code = crate::code::CodeObject {
                code: bytes(60),
                linetable: bytes(30),
                exceptiontable: bytes(12),
                firstlineno: 1,
                ..Default::default()
            };
            if let Ok(instrs) = instrs_from_code(&code) {
                let _ = assemble(&instrs, 1);
            }
        }
    }

    fn wild_first(v: u64) -> i32 {
        match v % 3 {
            0 => i32::MIN,
            1 => i32::MAX,
            _ => 1,
        }
    }
}
