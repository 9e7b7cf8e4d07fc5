//! Symbol table, code generation and code objects for CPython 3.11 bytecode.

pub mod cli;
pub mod code;
pub mod dis;
pub mod marshal;
pub mod opcode;
pub mod pyc;
