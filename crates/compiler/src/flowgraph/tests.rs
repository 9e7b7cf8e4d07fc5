//! Hand-built units, as 3.11's code generator leaves them, against the code objects
//! `python3` (3.11) makes from the same source.

use super::finish;
use crate::assemble::Location;
use crate::code::Constant;
use crate::ir::{BlockId, Cfg, IrInstr, Pseudo, Unit};
use crate::opcode::Opcode;
use common::text::Text;

fn at(line: i32, col: i32, end_col: i32) -> Location {
    Location {
        lineno: line,
        end_lineno: line,
        col_offset: col,
        end_col_offset: end_col,
    }
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// A unit for a function `name` in `<t>`, with the given variables.
fn function_unit(name: &str, varnames: &[&str], argcount: u32) -> Unit {
    let mut u = Unit {
        cfg: Cfg::new(),
        argcount,
        flags: 0x3,
        firstlineno: 1,
        name: Text::from(name),
        qualname: Text::from(name),
        filename: Text::from("<t>"),
        ..Unit::default()
    };
    for v in varnames {
        u.varnames.add(&Text::from(*v));
    }
    u
}

fn op(o: Opcode, arg: u32, loc: Location) -> IrInstr {
    IrInstr::new(o, arg, loc)
}

/// Appends a new block after `prev` in emission order.
fn next_block(cfg: &mut Cfg, prev: BlockId) -> BlockId {
    let b = cfg.new_block();
    cfg.block_mut(prev).next = Some(b);
    b
}

/// The implicit `return None` (no location) in a block of its own after `prev`.
fn implicit_return(u: &mut Unit, prev: BlockId) -> BlockId {
    let none = u.add_const(Constant::None);
    let b = next_block(&mut u.cfg, prev);
    u.cfg.block_mut(b).instrs = vec![
        op(Opcode::LOAD_CONST, none, Location::NONE),
        op(Opcode::RETURN_VALUE, 0, Location::NONE),
    ];
    b
}

/// `def f(x):\n    return x + 1`: the dead implicit return goes.
#[test]
fn simple_function() {
    let mut u = function_unit("f", &["x"], 1);
    u.add_const(Constant::None);
    let one = u.add_const(Constant::Int(1.into()));
    u.cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        op(Opcode::LOAD_FAST, 0, at(2, 11, 12)),
        op(Opcode::LOAD_CONST, one, at(2, 15, 16)),
        op(Opcode::BINARY_OP, 0, at(2, 11, 16)),
        op(Opcode::RETURN_VALUE, 0, at(2, 4, 16)),
    ];
    implicit_return(&mut u, Cfg::ENTRY);
    let co = finish(u).unwrap();
    assert_eq!(co.code, hex("97007c0064017a0000005300"));
    assert_eq!(co.linetable, hex("8000d80b0c88718935804c"));
    assert!(co.exceptiontable.is_empty());
    assert_eq!(co.stacksize, 2);
    assert_eq!(co.consts, vec![Constant::None, Constant::Int(1.into())]);
}

fn span(line: i32, end_line: i32, col: i32, end_col: i32) -> Location {
    Location {
        lineno: line,
        end_lineno: end_line,
        col_offset: col,
        end_col_offset: end_col,
    }
}

/// ```python
/// def f(n):
///     t = 0
///     for i in range(n):
///         t += i
///     return t
/// ```
/// `PUSH_NULL` folds into `LOAD_GLOBAL`, the empty loop-cleanup block is skipped,
/// the artificial back jump takes the line of the instruction before it.
#[test]
fn for_loop() {
    let mut u = function_unit("f", &["n", "t", "i"], 1);
    u.add_const(Constant::None);
    let zero = u.add_const(Constant::Int(0.into()));
    let range = u.names.add(&Text::from("range"));
    let cfg = &mut u.cfg;
    let start = cfg.new_block();
    let body = cfg.new_block();
    let cleanup = cfg.new_block();
    let end = cfg.new_block();
    let l3 = at(3, 13, 18);
    cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        op(Opcode::LOAD_CONST, zero, at(2, 8, 9)),
        op(Opcode::STORE_FAST, 1, at(2, 4, 5)),
        op(Opcode::PUSH_NULL, 0, l3),
        op(Opcode::LOAD_GLOBAL, range << 1, l3),
        op(Opcode::LOAD_FAST, 0, at(3, 19, 20)),
        op(Opcode::PRECALL, 1, at(3, 13, 21)),
        op(Opcode::CALL, 1, at(3, 13, 21)),
        op(Opcode::GET_ITER, 0, span(3, 4, 4, 14)),
    ];
    cfg.block_mut(Cfg::ENTRY).next = Some(start);
    cfg.block_mut(start).instrs = vec![IrInstr::jump(Opcode::FOR_ITER, cleanup, span(3, 4, 4, 14))];
    cfg.block_mut(start).next = Some(body);
    cfg.block_mut(body).instrs = vec![
        op(Opcode::STORE_FAST, 2, at(3, 8, 9)),
        op(Opcode::LOAD_FAST, 1, at(4, 8, 9)),
        op(Opcode::LOAD_FAST, 2, at(4, 13, 14)),
        op(Opcode::BINARY_OP, 13, at(4, 8, 14)),
        op(Opcode::STORE_FAST, 1, at(4, 8, 9)),
        IrInstr::jump(Pseudo::Jump, start, Location::NONE),
    ];
    cfg.block_mut(body).next = Some(cleanup);
    cfg.block_mut(cleanup).next = Some(end);
    cfg.block_mut(end).instrs = vec![
        op(Opcode::LOAD_FAST, 1, at(5, 11, 12)),
        op(Opcode::RETURN_VALUE, 0, at(5, 4, 12)),
    ];
    implicit_return(&mut u, end);
    let co = finish(u).unwrap();
    assert_eq!(
        co.code,
        hex(concat!(
            "970064017d017401000000000000000000007c00a6010000ab0100000000",
            "0000000044005d077d027c017c027a0d00007d018c087c015300"
        ))
    );
    assert_eq!(
        co.linetable,
        hex(concat!(
            "8000d808098041dd0d12903189588c58f00001050ff00001050f8801d808",
            "098851890688018801d80b0c8048"
        ))
    );
    assert_eq!(co.stacksize, 3);
    assert_eq!(co.consts.len(), 2);
}

/// ```python
/// def f():
///     try:
///         g()
///     except E:
///         return 1
///     return 2
/// ```
/// The `try` line keeps a `NOP` (from `SETUP_FINALLY`); handlers' depth and `lasti`
/// come from `SETUP_FINALLY`/`SETUP_CLEANUP`; the dead code after `return 1` goes.
#[test]
fn try_except() {
    let mut u = function_unit("f", &[], 0);
    u.add_const(Constant::None);
    let one = u.add_const(Constant::Int(1.into()));
    let two = u.add_const(Constant::Int(2.into()));
    let g = u.names.add(&Text::from("g"));
    let e = u.names.add(&Text::from("E"));
    let none = Location::NONE;
    let cfg = &mut u.cfg;
    let body = cfg.new_block();
    let except = cfg.new_block();
    let end = cfg.new_block();
    let cleanup = cfg.new_block();
    let except2 = cfg.new_block();
    let after_test = cfg.new_block();
    let cleanup_body = cfg.new_block();
    let dead = cfg.new_block();
    let try_loc = span(2, 5, 4, 16);
    let handler_loc = span(4, 5, 4, 16);
    let ret1 = at(5, 15, 16);
    cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        IrInstr::jump(Pseudo::SetupFinally, except, try_loc),
    ];
    cfg.block_mut(Cfg::ENTRY).next = Some(body);
    cfg.block_mut(body).instrs = vec![
        op(Opcode::PUSH_NULL, 0, at(3, 8, 9)),
        op(Opcode::LOAD_GLOBAL, g << 1, at(3, 8, 9)),
        op(Opcode::PRECALL, 0, at(3, 8, 11)),
        op(Opcode::CALL, 0, at(3, 8, 11)),
        op(Opcode::POP_TOP, 0, at(3, 8, 11)),
        IrInstr::new(Pseudo::PopBlock, 0, none),
        IrInstr::jump(Pseudo::Jump, end, none),
    ];
    cfg.block_mut(body).next = Some(except);
    cfg.block_mut(except).instrs = vec![
        IrInstr::jump(Pseudo::SetupCleanup, cleanup, none),
        op(Opcode::PUSH_EXC_INFO, 0, none),
        op(Opcode::LOAD_GLOBAL, e << 1, at(4, 11, 12)),
        op(Opcode::CHECK_EXC_MATCH, 0, handler_loc),
        IrInstr::jump(Pseudo::PopJumpIfFalse, except2, handler_loc),
    ];
    cfg.block_mut(except).next = Some(after_test);
    cfg.block_mut(after_test).instrs = vec![op(Opcode::POP_TOP, 0, handler_loc)];
    cfg.block_mut(after_test).next = Some(cleanup_body);
    cfg.block_mut(cleanup_body).instrs = vec![
        op(Opcode::NOP, 0, ret1),
        IrInstr::new(Pseudo::PopBlock, 0, ret1),
        op(Opcode::POP_EXCEPT, 0, ret1),
        op(Opcode::LOAD_CONST, one, ret1),
        op(Opcode::RETURN_VALUE, 0, ret1),
    ];
    cfg.block_mut(cleanup_body).next = Some(dead);
    cfg.block_mut(dead).instrs = vec![
        IrInstr::new(Pseudo::PopBlock, 0, none),
        op(Opcode::POP_EXCEPT, 0, none),
        IrInstr::jump(Pseudo::Jump, end, none),
    ];
    cfg.block_mut(dead).next = Some(except2);
    cfg.block_mut(except2).instrs = vec![op(Opcode::RERAISE, 0, none)];
    cfg.block_mut(except2).next = Some(cleanup);
    cfg.block_mut(cleanup).instrs = vec![
        op(Opcode::COPY, 3, none),
        op(Opcode::POP_EXCEPT, 0, none),
        op(Opcode::RERAISE, 1, none),
    ];
    cfg.block_mut(cleanup).next = Some(end);
    cfg.block_mut(end).instrs = vec![
        op(Opcode::NOP, 0, at(6, 11, 12)),
        op(Opcode::LOAD_CONST, two, at(6, 11, 12)),
        op(Opcode::RETURN_VALUE, 0, at(6, 11, 12)),
    ];
    implicit_return(&mut u, end);
    let co = finish(u).unwrap();
    assert_eq!(
        co.code,
        hex(concat!(
            "97000900740100000000000000000000a6000000ab000000000000000000",
            "01006e112300740200000000000000000000240072040100590064015300",
            "770078035900770164025300"
        ))
    );
    assert_eq!(
        co.linetable,
        hex(concat!(
            "8000f002030511dd080989038c0388038803f8dd0b0cf000010511f00001",
            "0511f000010511d80f1088718871f003010511f8f8f8e00b0c8831"
        ))
    );
    assert_eq!(co.exceptiontable, hex("820e1100910a1f039e011f03"));
    assert_eq!(co.stacksize, 4);
    assert_eq!(co.consts.len(), 3);
}

/// ```python
/// def f(a):
///     b = 1
///     def g():
///         return a + b
///     return g
/// ```
/// `f`: a parameter cell shares its parameter's slot, `MAKE_CELL`s come first in
/// slot order, cell opargs become slots; `g`: `COPY_FREE_VARS`.
#[test]
fn closure() {
    let mut u = function_unit("f", &["a", "g"], 1);
    u.cellvars.add(&Text::from("a"));
    u.cellvars.add(&Text::from("b"));
    u.add_const(Constant::None);
    let one = u.add_const(Constant::Int(1.into()));
    let code = u.add_const(Constant::Code(Box::default()));
    let def = span(3, 4, 4, 20);
    u.cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        op(Opcode::LOAD_CONST, one, at(2, 8, 9)),
        op(Opcode::STORE_DEREF, 1, at(2, 4, 5)),
        op(Opcode::LOAD_CLOSURE, 0, def),
        op(Opcode::LOAD_CLOSURE, 1, def),
        op(Opcode::BUILD_TUPLE, 2, def),
        op(Opcode::LOAD_CONST, code, def),
        op(Opcode::MAKE_FUNCTION, 8, def),
        op(Opcode::STORE_FAST, 1, def),
        op(Opcode::LOAD_FAST, 1, at(5, 11, 12)),
        op(Opcode::RETURN_VALUE, 0, at(5, 4, 12)),
    ];
    implicit_return(&mut u, Cfg::ENTRY);
    let co = finish(u).unwrap();
    assert_eq!(
        co.code,
        hex("87008702970064018a02880088026602640284087d017c015300")
    );
    assert_eq!(
        co.linetable,
        hex(concat!(
            "f8f88000d808098041f002010515f000010515f000010515f000010515f0",
            "00010515f000010515e00b0c8048"
        ))
    );
    assert_eq!(co.stacksize, 2);
    let names: Vec<String> = co
        .localsplusnames
        .iter()
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a", "g", "b"]);
    assert_eq!(co.localspluskinds, [0x60, 0x20, 0x40]);

    let mut g = function_unit("g", &[], 0);
    g.firstlineno = 3;
    g.flags = 0x13;
    g.freevars.add(&Text::from("a"));
    g.freevars.add(&Text::from("b"));
    g.add_const(Constant::None);
    g.cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(3, 0, 0)),
        op(Opcode::LOAD_DEREF, 0, at(4, 15, 16)),
        op(Opcode::LOAD_DEREF, 1, at(4, 19, 20)),
        op(Opcode::BINARY_OP, 0, at(4, 15, 20)),
        op(Opcode::RETURN_VALUE, 0, at(4, 8, 20)),
    ];
    implicit_return(&mut g, Cfg::ENTRY);
    let co = finish(g).unwrap();
    assert_eq!(co.code, hex("95029700890089017a0000005300"));
    assert_eq!(co.linetable, hex("f88000d80f1090318975880c"));
    assert_eq!(co.localspluskinds, [0x80, 0x80]);
}

/// ```python
/// def gen(x):
///     yield x
/// ```
/// `RETURN_GENERATOR; POP_TOP` at the first line; the walk starts at depth 1.
#[test]
fn generator() {
    let mut u = function_unit("gen", &["x"], 1);
    u.flags = 0x23;
    let none = u.add_const(Constant::None);
    u.cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        op(Opcode::LOAD_FAST, 0, at(2, 10, 11)),
        op(Opcode::YIELD_VALUE, 0, at(2, 4, 11)),
        op(Opcode::RESUME, 1, at(2, 4, 11)),
        op(Opcode::POP_TOP, 0, at(2, 4, 11)),
        op(Opcode::LOAD_CONST, none, Location::NONE),
        op(Opcode::RETURN_VALUE, 0, Location::NONE),
    ];
    let co = finish(u).unwrap();
    assert_eq!(co.code, hex("4b00010097007c0056009701010064005300"));
    assert_eq!(co.linetable, hex("e800e8008000d80a0b80478047804780478047"));
    assert_eq!(co.stacksize, 1);
}

/// `a, b = b, a`: `BUILD_TUPLE 2; UNPACK_SEQUENCE 2` becomes `SWAP 2`, which
/// `apply_static_swaps` turns into swapping the two stores.
#[test]
fn tuple_swap_becomes_reordered_stores() {
    let mut u = function_unit("f", &["a", "b"], 2);
    u.add_const(Constant::None);
    u.cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        op(Opcode::LOAD_FAST, 1, at(2, 11, 12)),
        op(Opcode::LOAD_FAST, 0, at(2, 14, 15)),
        op(Opcode::BUILD_TUPLE, 2, at(2, 11, 15)),
        op(Opcode::UNPACK_SEQUENCE, 2, at(2, 4, 8)),
        op(Opcode::STORE_FAST, 0, at(2, 4, 5)),
        op(Opcode::STORE_FAST, 1, at(2, 7, 8)),
        op(Opcode::LOAD_CONST, 0, Location::NONE),
        op(Opcode::RETURN_VALUE, 0, Location::NONE),
    ];
    let co = finish(u).unwrap();
    assert_eq!(co.code, hex("97007c017c007d017d0064005300"));
    assert_eq!(co.linetable, hex("8000d80b0c88618071804180418041"));
}

/// `if x is None: return 1` / `return 2`: `LOAD_CONST None; IS_OP 0;
/// POP_JUMP_IF_FALSE` becomes `POP_JUMP_IF_NOT_NONE`.
#[test]
fn is_none_jump() {
    let mut u = function_unit("f", &["x"], 1);
    let none = u.add_const(Constant::None);
    let one = u.add_const(Constant::Int(1.into()));
    let two = u.add_const(Constant::Int(2.into()));
    let cfg = &mut u.cfg;
    let next = cfg.new_block();
    let body = next_block(cfg, Cfg::ENTRY);
    let test = at(2, 7, 16);
    cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        op(Opcode::LOAD_FAST, 0, at(2, 7, 8)),
        op(Opcode::LOAD_CONST, none, at(2, 12, 16)),
        op(Opcode::IS_OP, 0, test),
        IrInstr::jump(Pseudo::PopJumpIfFalse, next, test),
    ];
    cfg.block_mut(body).instrs = vec![
        op(Opcode::LOAD_CONST, one, at(3, 15, 16)),
        op(Opcode::RETURN_VALUE, 0, at(3, 15, 16)),
    ];
    cfg.block_mut(body).next = Some(next);
    cfg.block_mut(next).instrs = vec![
        op(Opcode::LOAD_CONST, two, at(4, 11, 12)),
        op(Opcode::RETURN_VALUE, 0, at(4, 11, 12)),
    ];
    implicit_return(&mut u, next);
    let co = finish(u).unwrap();
    assert_eq!(co.code, hex("97007c0080026401530064025300"));
    assert_eq!(co.linetable, hex("8000d807088079d80f108871d80b0c8831"));
}

/// Pseudo-random graphs of any opcodes, targets and links: `finish` answers or
/// fails, never panics or hangs.
#[test]
fn random_graphs_never_panic() {
    let mut seed: u64 = 0x51_7CC1_B727_220A;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let reals: Vec<Opcode> = (0..=255u8)
        .filter_map(Opcode::from_u8)
        .filter(|o| !matches!(o, Opcode::EXTENDED_ARG | Opcode::CACHE))
        .collect();
    let pseudos = [
        Pseudo::SetupFinally,
        Pseudo::SetupCleanup,
        Pseudo::SetupWith,
        Pseudo::PopBlock,
        Pseudo::Jump,
        Pseudo::JumpNoInterrupt,
        Pseudo::PopJumpIfFalse,
        Pseudo::PopJumpIfTrue,
        Pseudo::PopJumpIfNone,
        Pseudo::PopJumpIfNotNone,
    ];
    let mut ok = 0;
    for round in 0..1500 {
        let mut u = function_unit("f", &["a", "b"], 1);
        if round % 3 == 0 {
            u.cellvars.add(&Text::from("a"));
            u.freevars.add(&Text::from("z"));
            u.flags |= 0x20;
        }
        u.add_const(Constant::None);
        u.add_const(Constant::Int(((next() % 3) as i64).into()));
        let nblocks = (next() % 6) as u32 + 1;
        for _ in 1..nblocks {
            u.cfg.new_block();
        }
        for b in 0..nblocks {
            let len = next() % 6;
            let mut instrs = Vec::new();
            for _ in 0..len {
                let loc = if next() % 3 == 0 {
                    Location::NONE
                } else {
                    at((next() % 5) as i32 + 1, 0, 1)
                };
                let target =
                    BlockId((next() % u64::from(nblocks + u32::from(next() % 9 == 0))) as u32);
                let ins = if next() % 3 == 0 {
                    IrInstr::jump(
                        pseudos[(next() % pseudos.len() as u64) as usize],
                        target,
                        loc,
                    )
                } else {
                    let o = match next() % 4 {
                        0 => [Opcode::LOAD_CONST, Opcode::SWAP, Opcode::BUILD_TUPLE]
                            [(next() % 3) as usize],
                        1 => Opcode::RETURN_VALUE,
                        _ => reals[(next() % reals.len() as u64) as usize],
                    };
                    let mut i = op(o, (next() % 4) as u32, loc);
                    if next() % 2 == 0 {
                        i.target = Some(target);
                    }
                    i
                };
                instrs.push(ins);
            }
            let blk = u.cfg.block_mut(BlockId(b));
            blk.instrs = instrs;
            if b + 1 < nblocks || next() % 5 == 0 {
                blk.next = Some(BlockId((next() % u64::from(nblocks + 1)) as u32));
            }
        }
        if finish(u).is_ok() {
            ok += 1;
        }
    }
    // Enough of them get through every pass for the test to mean something.
    assert!(ok > 50, "only {ok} graphs finished");
}

/// ```python
/// def f():
///     with a:
///         g()
///     return 2
/// ```
/// `SETUP_WITH` and `SETUP_CLEANUP` handlers get `lasti`; the handler depth comes
/// from the jump effect of `SETUP_WITH`.
#[test]
fn with_statement() {
    let mut u = function_unit("f", &[], 0);
    let none = u.add_const(Constant::None);
    let two = u.add_const(Constant::Int(2.into()));
    let a = u.names.add(&Text::from("a"));
    let g = u.names.add(&Text::from("g"));
    let w = span(2, 3, 4, 11);
    let no = Location::NONE;
    let cfg = &mut u.cfg;
    let block = cfg.new_block();
    let fin = cfg.new_block();
    let exit = cfg.new_block();
    let cleanup = cfg.new_block();
    let exit2 = cfg.new_block();
    let reraise = cfg.new_block();
    cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        op(Opcode::LOAD_GLOBAL, a << 1, at(2, 9, 10)),
        op(Opcode::BEFORE_WITH, 0, w),
        IrInstr::jump(Pseudo::SetupWith, fin, w),
    ];
    cfg.block_mut(Cfg::ENTRY).next = Some(block);
    cfg.block_mut(block).instrs = vec![
        op(Opcode::POP_TOP, 0, w),
        op(Opcode::PUSH_NULL, 0, at(3, 8, 9)),
        op(Opcode::LOAD_GLOBAL, g << 1, at(3, 8, 9)),
        op(Opcode::PRECALL, 0, at(3, 8, 11)),
        op(Opcode::CALL, 0, at(3, 8, 11)),
        op(Opcode::POP_TOP, 0, at(3, 8, 11)),
        IrInstr::new(Pseudo::PopBlock, 0, no),
        op(Opcode::LOAD_CONST, none, w),
        op(Opcode::LOAD_CONST, none, w),
        op(Opcode::LOAD_CONST, none, w),
        op(Opcode::PRECALL, 2, w),
        op(Opcode::CALL, 2, w),
        op(Opcode::POP_TOP, 0, w),
        IrInstr::jump(Pseudo::Jump, exit, w),
    ];
    cfg.block_mut(block).next = Some(fin);
    cfg.block_mut(fin).instrs = vec![
        IrInstr::jump(Pseudo::SetupCleanup, cleanup, w),
        op(Opcode::PUSH_EXC_INFO, 0, w),
        op(Opcode::WITH_EXCEPT_START, 0, w),
        IrInstr::jump(Pseudo::PopJumpIfTrue, exit2, no),
    ];
    cfg.block_mut(fin).next = Some(reraise);
    cfg.block_mut(reraise).instrs = vec![op(Opcode::RERAISE, 2, no)];
    cfg.block_mut(reraise).next = Some(cleanup);
    cfg.block_mut(cleanup).instrs = vec![
        op(Opcode::COPY, 3, no),
        op(Opcode::POP_EXCEPT, 0, no),
        op(Opcode::RERAISE, 1, no),
    ];
    cfg.block_mut(cleanup).next = Some(exit2);
    cfg.block_mut(exit2).instrs = vec![
        op(Opcode::POP_TOP, 0, no),
        IrInstr::new(Pseudo::PopBlock, 0, no),
        op(Opcode::POP_EXCEPT, 0, no),
        op(Opcode::POP_TOP, 0, no),
        op(Opcode::POP_TOP, 0, no),
    ];
    cfg.block_mut(exit2).next = Some(exit);
    cfg.block_mut(exit).instrs = vec![
        op(Opcode::NOP, 0, at(4, 11, 12)),
        op(Opcode::LOAD_CONST, two, at(4, 11, 12)),
        op(Opcode::RETURN_VALUE, 0, at(4, 11, 12)),
    ];
    implicit_return(&mut u, exit);
    let co = finish(u).unwrap();
    assert_eq!(
        co.code,
        hex(concat!(
            "970074000000000000000000000035000100740300000000000000000000",
            "a6000000ab0000000000000000000100640064006400a6020000ab020000",
            "00000000000001006e0b2300310073047702780359007701010059000100",
            "010064015300"
        ))
    );
    assert_eq!(
        co.linetable,
        hex(concat!(
            "8000dd090af00001050cf00001050cdd080989038c038803f00301050cf0",
            "0001050cf00001050cf10001050cf40001050cf00001050cf00001050cf0",
            "0001050cf00001050cf00001050cf00001050cf8f8f8f00001050cf00001",
            "050cf00001050cf00001050ce00b0c8831"
        ))
    );
    assert_eq!(co.exceptiontable, hex("880f2303a3042707aa012707"));
    assert_eq!(co.stacksize, 6);
}

/// ```python
/// def f():
///     try:
///         return 1
///     finally:
///         g()
/// ```
/// The protected range ends up empty (its only instruction, a `NOP`, goes in favour
/// of the `POP_BLOCK` one), yet the handler still gets its depth from
/// `SETUP_FINALLY`; the `return` leaves no trailing `return None`.
#[test]
fn try_finally_with_return() {
    let mut u = function_unit("f", &[], 0);
    let none = u.add_const(Constant::None);
    let one = u.add_const(Constant::Int(1.into()));
    let g = u.names.add(&Text::from("g"));
    let no = Location::NONE;
    let call_g = |v: &mut Vec<IrInstr>| {
        v.extend([
            op(Opcode::PUSH_NULL, 0, at(5, 8, 9)),
            op(Opcode::LOAD_GLOBAL, g << 1, at(5, 8, 9)),
            op(Opcode::PRECALL, 0, at(5, 8, 11)),
            op(Opcode::CALL, 0, at(5, 8, 11)),
            op(Opcode::POP_TOP, 0, at(5, 8, 11)),
        ])
    };
    let cfg = &mut u.cfg;
    let body = cfg.new_block();
    let end = cfg.new_block();
    let exit = cfg.new_block();
    let cleanup = cfg.new_block();
    let dead = cfg.new_block();
    cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        IrInstr::jump(Pseudo::SetupFinally, end, span(2, 5, 4, 11)),
    ];
    cfg.block_mut(Cfg::ENTRY).next = Some(body);
    let mut v = vec![
        op(Opcode::NOP, 0, at(3, 15, 16)),
        IrInstr::new(Pseudo::PopBlock, 0, at(3, 15, 16)),
    ];
    call_g(&mut v);
    v.extend([
        op(Opcode::LOAD_CONST, one, no),
        op(Opcode::RETURN_VALUE, 0, no),
    ]);
    cfg.block_mut(body).instrs = v;
    cfg.block_mut(body).next = Some(dead);
    let mut v = vec![IrInstr::new(Pseudo::PopBlock, 0, no)];
    call_g(&mut v);
    v.push(IrInstr::jump(Pseudo::Jump, exit, no));
    cfg.block_mut(dead).instrs = v;
    cfg.block_mut(dead).next = Some(end);
    let mut v = vec![
        IrInstr::jump(Pseudo::SetupCleanup, cleanup, no),
        op(Opcode::PUSH_EXC_INFO, 0, no),
    ];
    call_g(&mut v);
    v.push(op(Opcode::RERAISE, 0, no));
    cfg.block_mut(end).instrs = v;
    cfg.block_mut(end).next = Some(cleanup);
    cfg.block_mut(cleanup).instrs = vec![
        op(Opcode::COPY, 3, no),
        op(Opcode::POP_EXCEPT, 0, no),
        op(Opcode::RERAISE, 1, no),
    ];
    cfg.block_mut(cleanup).next = Some(exit);
    cfg.block_mut(exit).instrs = vec![
        op(Opcode::LOAD_CONST, none, no),
        op(Opcode::RETURN_VALUE, 0, no),
    ];
    let co = finish(u).unwrap();
    assert_eq!(
        co.code,
        hex(concat!(
            "970009000900740100000000000000000000a6000000ab00000000000000",
            "00000100640153002300740100000000000000000000a6000000ab000000",
            "00000000000001007700780359007701"
        ))
    );
    assert_eq!(
        co.linetable,
        hex("8000f00203050cd80f10e5080989038c03880388038803f88d0189038c0388038803f8f8f8")
    );
    assert_eq!(co.exceptiontable, hex("93102303"));
    assert_eq!(co.stacksize, 4);
}

/// `def f(a, /): pass`: `co_argcount` counts positional-only parameters too (the
/// unit's `argcount` is CPython's `u_argcount`).
#[test]
fn argcount_includes_positional_only() {
    let mut u = function_unit("f", &["a"], 0);
    u.posonlyargcount = 1;
    let none = u.add_const(Constant::None);
    u.cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, at(1, 0, 0)),
        op(Opcode::LOAD_CONST, none, Location::NONE),
        op(Opcode::RETURN_VALUE, 0, Location::NONE),
    ];
    let co = finish(u).unwrap();
    assert_eq!((co.argcount, co.posonlyargcount), (1, 1));
}

/// `def f(a=1, b=2): pass` then `x = (1, 2)` in a module: the defaults'
/// `BUILD_TUPLE` folds into the equal `(1, 2)` constant already there.
#[test]
fn constant_tuple_folding_reuses_equal_constant() {
    let mut u = function_unit("<module>", &[], 0);
    u.flags = 0;
    let one = u.add_const(Constant::Int(1.into()));
    let two = u.add_const(Constant::Int(2.into()));
    let code = u.add_const(Constant::Code(Box::default()));
    let pair = u.add_const(Constant::Tuple(vec![
        Constant::Int(1.into()),
        Constant::Int(2.into()),
    ]));
    let none = u.add_const(Constant::None);
    let f = u.names.add(&Text::from("f"));
    let x = u.names.add(&Text::from("x"));
    let def = at(1, 0, 21);
    u.cfg.block_mut(Cfg::ENTRY).instrs = vec![
        op(Opcode::RESUME, 0, span(0, 1, 0, 0)),
        op(Opcode::LOAD_CONST, one, def),
        op(Opcode::LOAD_CONST, two, def),
        op(Opcode::BUILD_TUPLE, 2, def),
        op(Opcode::LOAD_CONST, code, def),
        op(Opcode::MAKE_FUNCTION, 1, def),
        op(Opcode::STORE_NAME, f, def),
        op(Opcode::LOAD_CONST, pair, at(2, 4, 10)),
        op(Opcode::STORE_NAME, x, at(2, 0, 1)),
        op(Opcode::LOAD_CONST, none, Location::NONE),
        op(Opcode::RETURN_VALUE, 0, Location::NONE),
    ];
    let co = finish(u).unwrap();
    assert_eq!(co.code, hex("97006403640284015a0064035a0164045300"));
    assert_eq!(
        co.linetable,
        hex("f003010101d80015d00015d00015d00015d8040a800180018001")
    );
    assert_eq!(co.consts.len(), 5);
    assert_eq!(co.stacksize, 2);
}
