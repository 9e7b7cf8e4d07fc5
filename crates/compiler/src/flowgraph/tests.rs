//! Hand-built units, as 3.11's code generator leaves them, against the code objects
//! `python3` (3.11) makes from the same source.

use super::finish;
use crate::assemble::Location;
use crate::code::Constant;
use crate::ir::{BlockId, Cfg, IrInstr, Unit};
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
