//! Symbol table, code generation and code objects for CPython 3.11 bytecode.
//!
//! The plain-data half, which needs no parser:
//! - [`opcode`]: the one opcode table and everything derived from it;
//! - [`code`]: [`code::CodeObject`] and [`code::Constant`], with the location and
//!   exception table decoders;
//! - [`marshal`] and [`pyc`]: CPython 3.11's `.pyc` format, both ways;
//! - [`dis`]: a `python3 -m dis`-compatible disassembler;
//! - [`ir`]: the code generator's control-flow graph (basic blocks, virtual opcodes);
//! - [`assemble`]: instruction sequences to `co_code` and its tables (the back end);
//! - [`cli`]: the `krait --dis` entry point.
//!
//! The analysis half: [`future`] and [`symtable`] (scopes, as CPython's `symtable.c`).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod assemble;
pub mod cli;
pub mod code;
pub mod dis;
pub mod flowgraph;
pub mod ir;
pub mod marshal;
pub mod opcode;
pub mod pyc;

pub mod future;
pub mod symtable;
