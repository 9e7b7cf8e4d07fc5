//! The code generator's intermediate form: CPython 3.11's control-flow graph of basic
//! blocks (`basicblock` / `struct instr` in `Python/compile.c`).
//!
//! The code generator ([`crate::codegen`]) appends instructions to the current block
//! and links blocks in emission order through [`BasicBlock::next`]; jumps name their
//! target block. Besides real opcodes an instruction may hold one of 3.11's virtual
//! ([`Pseudo`]) opcodes: the `SETUP_*`/`POP_BLOCK` markers that delimit exception
//! handlers (turned into exception-table entries and removed by the flow-graph passes)
//! and the direction-less jumps that become `*_FORWARD`/`*_BACKWARD` variants.
//! The flow-graph passes ([`crate::flowgraph`]) optimize the graph and linearize it
//! into [`crate::assemble::Instr`]s for the assembler.

use std::collections::HashMap;

use common::bigint::BigInt;
use common::text::Text;

use crate::assemble::Location;
use crate::code::Constant;
use crate::opcode::Opcode;

/// 3.11's virtual opcodes (negative numbers in `compile.c`, `IS_VIRTUAL_OPCODE`):
/// they never reach `co_code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pseudo {
    /// `SETUP_FINALLY target`: instructions until the matching `POP_BLOCK` are covered
    /// by the handler `target`, entered with the exception pushed.
    SetupFinally,
    /// `SETUP_CLEANUP target`: as `SetupFinally`, and the handler also gets `lasti`.
    SetupCleanup,
    /// `SETUP_WITH target`: as `SetupCleanup`, one more value (the `__exit__`) under it.
    SetupWith,
    /// `POP_BLOCK`: ends the innermost `SETUP_*` range.
    PopBlock,
    /// An unconditional jump (`JUMP_FORWARD` or `JUMP_BACKWARD`).
    Jump,
    /// An unconditional jump that does not check for interrupts
    /// (`JUMP_FORWARD` or `JUMP_BACKWARD_NO_INTERRUPT`).
    JumpNoInterrupt,
    /// `POP_JUMP_{FORWARD,BACKWARD}_IF_FALSE`.
    PopJumpIfFalse,
    /// `POP_JUMP_{FORWARD,BACKWARD}_IF_TRUE`.
    PopJumpIfTrue,
    /// `POP_JUMP_{FORWARD,BACKWARD}_IF_NONE`.
    PopJumpIfNone,
    /// `POP_JUMP_{FORWARD,BACKWARD}_IF_NOT_NONE`.
    PopJumpIfNotNone,
}

impl Pseudo {
    /// CPython 3.11's name for the virtual opcode.
    pub fn name(self) -> &'static str {
        match self {
            Pseudo::SetupFinally => "SETUP_FINALLY",
            Pseudo::SetupCleanup => "SETUP_CLEANUP",
            Pseudo::SetupWith => "SETUP_WITH",
            Pseudo::PopBlock => "POP_BLOCK",
            Pseudo::Jump => "JUMP",
            Pseudo::JumpNoInterrupt => "JUMP_NO_INTERRUPT",
            Pseudo::PopJumpIfFalse => "POP_JUMP_IF_FALSE",
            Pseudo::PopJumpIfTrue => "POP_JUMP_IF_TRUE",
            Pseudo::PopJumpIfNone => "POP_JUMP_IF_NONE",
            Pseudo::PopJumpIfNotNone => "POP_JUMP_IF_NOT_NONE",
        }
    }
}

/// An instruction's operation: a real 3.11 opcode or a virtual one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// A real opcode (any jump variant may be given; direction is fixed at assembly).
    Real(Opcode),
    /// A virtual opcode.
    Pseudo(Pseudo),
}

impl Op {
    /// The opcode's (or virtual opcode's) name.
    pub fn name(self) -> &'static str {
        match self {
            Op::Real(op) => op.name(),
            Op::Pseudo(p) => p.name(),
        }
    }

    /// Whether the instruction names a target block (jumps, `FOR_ITER`, `SEND`,
    /// `SETUP_*`).
    pub fn has_target(self) -> bool {
        match self {
            Op::Real(op) => op.info().jump() != crate::opcode::JumpKind::None,
            Op::Pseudo(p) => !matches!(p, Pseudo::PopBlock),
        }
    }
}

impl From<Opcode> for Op {
    fn from(op: Opcode) -> Op {
        Op::Real(op)
    }
}

impl From<Pseudo> for Op {
    fn from(p: Pseudo) -> Op {
        Op::Pseudo(p)
    }
}

/// Index of a block in its [`Cfg`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// One instruction (CPython's `struct instr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IrInstr {
    /// The operation.
    pub op: Op,
    /// The argument (0 where there is none; jumps' arguments come from `target`).
    pub oparg: u32,
    /// The target block of a jump or `SETUP_*` (`i_target`).
    pub target: Option<BlockId>,
    /// The handler covering this instruction, filled in by the flow-graph pass that
    /// labels exception targets (`i_except`).
    pub except: Option<BlockId>,
    /// The source location (`i_lineno` ... `i_end_col_offset`).
    pub loc: Location,
}

impl IrInstr {
    /// An instruction without target.
    pub fn new(op: impl Into<Op>, oparg: u32, loc: Location) -> IrInstr {
        IrInstr {
            op: op.into(),
            oparg,
            target: None,
            except: None,
            loc,
        }
    }

    /// A jump (or `SETUP_*`) to `target`.
    pub fn jump(op: impl Into<Op>, target: BlockId, loc: Location) -> IrInstr {
        IrInstr {
            op: op.into(),
            oparg: 0,
            target: Some(target),
            except: None,
            loc,
        }
    }
}

/// A basic block (CPython's `basicblock`): straight-line instructions, then the
/// fall-through successor in emission order.
#[derive(Clone, Debug, Default)]
pub struct BasicBlock {
    /// The instructions (`b_instr`).
    pub instrs: Vec<IrInstr>,
    /// The next block in emission (fall-through) order (`b_next`).
    pub next: Option<BlockId>,
    /// Number of predecessors (`b_predecessors`), maintained by the passes.
    pub predecessors: u32,
    /// Stack depth on entry (`b_startdepth`), or -1 while unknown.
    pub startdepth: i32,
    /// The block is an exception handler that also gets `lasti` (`b_preserve_lasti`).
    pub preserve_lasti: bool,
    /// Scratch mark for graph walks (`b_visited`).
    pub visited: bool,
    /// The block is an exception handler's entry (`b_except_handler`).
    pub except_handler: bool,
}

/// A code unit's control-flow graph. Blocks are stored in allocation order (CPython's
/// `b_list` links them in the reverse order); the entry block is the first
/// allocated.
#[derive(Clone, Debug, Default)]
pub struct Cfg {
    /// All blocks, by [`BlockId`].
    pub blocks: Vec<BasicBlock>,
}

impl Cfg {
    /// An empty graph holding only the entry block.
    pub fn new() -> Cfg {
        let mut cfg = Cfg { blocks: Vec::new() };
        cfg.new_block();
        cfg
    }

    /// The entry block.
    pub const ENTRY: BlockId = BlockId(0);

    /// Allocates a new, unlinked block (`compiler_new_block`).
    pub fn new_block(&mut self) -> BlockId {
        let id = BlockId(self.blocks.len() as u32);
        self.blocks.push(BasicBlock {
            startdepth: -1,
            ..BasicBlock::default()
        });
        id
    }

    /// The block `id`.
    pub fn block(&self, id: BlockId) -> &BasicBlock {
        &self.blocks[id.0 as usize]
    }

    /// The block `id`, mutably.
    pub fn block_mut(&mut self, id: BlockId) -> &mut BasicBlock {
        &mut self.blocks[id.0 as usize]
    }

    /// The blocks in emission order, following `next` from the entry.
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(Cfg::ENTRY);
        while let Some(id) = b {
            out.push(id);
            b = self.block(id).next;
        }
        out
    }
}

/// Identity of a constant for de-duplication in `co_consts`, as CPython's
/// `_PyCode_ConstantKey`: `1`, `1.0`, `True` and `-0.0`/`0.0` stay apart; equal tuples
/// and frozensets of equal keys share an entry (frozensets compared as sets: the
/// same items in any order are one key); code objects never merge.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConstKey {
    /// `None`.
    None,
    /// `...`.
    Ellipsis,
    /// A bool.
    Bool(bool),
    /// An int.
    Int(BigInt),
    /// A float, by bits (so `0.0` and `-0.0` differ).
    Float(u64),
    /// A complex, by the bits of both parts.
    Complex(u64, u64),
    /// A str.
    Str(Text),
    /// A bytes.
    Bytes(Vec<u8>),
    /// A tuple of keys.
    Tuple(Vec<ConstKey>),
    /// A frozenset of keys, sorted (so that equal sets have equal keys whatever
    /// their iteration order, as `_PyCode_ConstantKey` keys a frozenset by a
    /// frozenset of its items' keys).
    FrozenSet(Vec<ConstKey>),
    /// A code object: unique per insertion.
    Code(usize),
}

impl ConstKey {
    /// The key of `c`; `serial` makes code objects unique.
    pub fn of(c: &Constant, serial: usize) -> ConstKey {
        match c {
            Constant::None => ConstKey::None,
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Int(i) => ConstKey::Int(i.clone()),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Tuple(items) => {
                ConstKey::Tuple(items.iter().map(|c| ConstKey::of(c, serial)).collect())
            }
            Constant::FrozenSet(items) => {
                let mut keys: Vec<ConstKey> =
                    items.iter().map(|c| ConstKey::of(c, serial)).collect();
                keys.sort();
                ConstKey::FrozenSet(keys)
            }
            Constant::Code(_) => ConstKey::Code(serial),
        }
    }
}

/// A finished code unit as the code generator hands it to the flow-graph passes
/// (CPython's `compiler_unit` at the start of `assemble()`): the graph, with the
/// implicit `return None` already appended, and the tables its opargs index.
///
/// Oparg conventions (as 3.11's `compile.c` leaves them before `assemble()`):
/// `LOAD_CONST` indexes `consts`; name ops index `names` (`LOAD_GLOBAL` shifted
/// left one, low bit = push NULL); `*_FAST` index `varnames`; `*_DEREF`,
/// `LOAD_CLOSURE`, `LOAD_CLASSDEREF`, `MAKE_CELL` index `cellvars`, then `freevars`
/// (`len(cellvars) + i`): the passes map them to `co_localsplusnames` slots
/// (`fix_cell_offsets`).
#[derive(Clone, Debug, Default)]
pub struct Unit {
    /// The control-flow graph, entry block first.
    pub cfg: Cfg,
    /// `co_consts` before trimming (`u_consts`).
    pub consts: Vec<Constant>,
    /// Keys of `consts`, for [`Unit::add_const`].
    pub const_index: HashMap<ConstKey, u32>,
    /// `co_names` (`u_names`).
    pub names: NameTable,
    /// Local variables, parameters first (`u_varnames`).
    pub varnames: NameTable,
    /// Cell variables, in CPython's order (`u_cellvars`: sorted, `__class__` etc.).
    pub cellvars: NameTable,
    /// Free variables, in CPython's order (`u_freevars`).
    pub freevars: NameTable,
    /// `co_argcount`.
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_flags` as `compute_code_flags` gives it.
    pub flags: u32,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_name`.
    pub name: Text,
    /// `co_qualname`.
    pub qualname: Text,
    /// `co_filename`.
    pub filename: Text,
}

impl Unit {
    /// The index of `c` in `consts`, adding it if no equal key is there
    /// (`compiler_add_const` / `add_const`).
    pub fn add_const(&mut self, c: Constant) -> u32 {
        let key = ConstKey::of(&c, self.consts.len());
        if let Some(&i) = self.const_index.get(&key) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        self.const_index.insert(key, i);
        i
    }
}

/// An ordered table of names with O(1) lookup (CPython's `u_names`-style dicts
/// mapping a name to its index).
#[derive(Clone, Debug, Default)]
pub struct NameTable {
    /// The names, by index.
    pub list: Vec<Text>,
    index: HashMap<Text, u32>,
}

impl NameTable {
    /// The index of `name`, if present.
    pub fn get(&self, name: &Text) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// The index of `name`, adding it at the end if absent (`compiler_add_o`).
    pub fn add(&mut self, name: &Text) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(name.clone());
        self.index.insert(name.clone(), i);
        i
    }

    /// The number of names.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Constant {
        Constant::Int(BigInt::from(i))
    }

    #[test]
    fn frozenset_keys_compare_as_sets() {
        let a = Constant::FrozenSet(vec![int(9), int(1), Constant::Str(Text::from("a"))]);
        let b = Constant::FrozenSet(vec![Constant::Str(Text::from("a")), int(1), int(9)]);
        assert_eq!(ConstKey::of(&a, 0), ConstKey::of(&b, 1));
        let c = Constant::FrozenSet(vec![int(9), int(2)]);
        assert_ne!(ConstKey::of(&a, 0), ConstKey::of(&c, 0));
        // Tuples keep their order.
        let t = Constant::Tuple(vec![int(1), int(9)]);
        let u = Constant::Tuple(vec![int(9), int(1)]);
        assert_ne!(ConstKey::of(&t, 0), ConstKey::of(&u, 0));
        let mut unit = Unit::default();
        assert_eq!(unit.add_const(a), 0);
        assert_eq!(unit.add_const(b), 0);
        assert_eq!(unit.add_const(c), 1);
    }
}
