//! Symbol table, code generation and code objects for CPython 3.11 bytecode.

pub mod future;
pub mod symtable;
