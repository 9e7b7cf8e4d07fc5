//! A text dump of a symbol table, line for line the format that
//! `tests/scripts/symtable_dump.py` prints from python3's `symtable` module, so the
//! two can be diffed:
//!
//! ```text
//! block module top line=0 nested=0
//!   sym os LOCAL DEF_IMPORT
//!   block function f line=3 nested=0
//!     varnames self a
//!     sym a LOCAL DEF_PARAM|USE
//! ```
//!
//! Blocks in pre-order, symbols sorted by name, flags by name.

use std::fmt::Write;

use super::{
    BlockType, EntryId, Scope, SymbolTable, SymtableError, DEF_ANNOT, DEF_COMP_ITER, DEF_FREE,
    DEF_FREE_CLASS, DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, SCOPE_OFFSET, USE,
};

const FLAG_NAMES: [(u32, &str); 10] = [
    (DEF_GLOBAL, "DEF_GLOBAL"),
    (DEF_LOCAL, "DEF_LOCAL"),
    (DEF_PARAM, "DEF_PARAM"),
    (DEF_NONLOCAL, "DEF_NONLOCAL"),
    (USE, "USE"),
    (DEF_FREE, "DEF_FREE"),
    (DEF_FREE_CLASS, "DEF_FREE_CLASS"),
    (DEF_IMPORT, "DEF_IMPORT"),
    (DEF_ANNOT, "DEF_ANNOT"),
    (DEF_COMP_ITER, "DEF_COMP_ITER"),
];

/// The definition flags of `flags` as `DEF_LOCAL|USE` (or `0`).
pub fn flag_names(flags: u32) -> String {
    let names: Vec<&str> = FLAG_NAMES
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, n)| *n)
        .collect();
    if names.is_empty() {
        "0".to_owned()
    } else {
        names.join("|")
    }
}

/// Dump the whole table in `symtable_dump.py`'s format.
pub fn dump(table: &SymbolTable) -> String {
    let mut out = String::new();
    // Explicit stack: block nesting can be deep.
    let mut stack: Vec<(EntryId, usize)> = vec![(SymbolTable::TOP, 0)];
    while let Some((id, depth)) = stack.pop() {
        let e = table.entry(id);
        let ind = "  ".repeat(depth);
        let kind = match e.block_type {
            BlockType::Function => "function",
            BlockType::Class => "class",
            BlockType::Module => "module",
            BlockType::Annotation => "annotation",
        };
        let _ = writeln!(
            out,
            "{ind}block {kind} {} line={} nested={}",
            e.name,
            e.loc.lineno,
            u8::from(e.nested)
        );
        if e.block_type == BlockType::Function {
            let line = format!("{ind}  varnames {}", e.varnames.join(" "));
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let mut syms: Vec<(&str, u32)> = e.symbols().collect();
        syms.sort_by(|a, b| a.0.cmp(b.0));
        for (name, flags) in syms {
            let scope = Scope::from_flags(flags).map_or("NONE", Scope::name);
            let defs = flag_names(flags & ((1 << SCOPE_OFFSET) - 1));
            let _ = writeln!(out, "{ind}  sym {name} {scope} {defs}");
        }
        for &c in e.children.iter().rev() {
            stack.push((c, depth + 1));
        }
    }
    out
}

/// The one-line form `symtable_dump.py` prints for an error.
pub fn dump_error(err: &SymtableError) -> String {
    match err {
        SymtableError::Syntax(e) => {
            let opt = |v: Option<i32>| v.map_or("None".to_owned(), |v| v.to_string());
            format!(
                "error {} {} {} {} {} {}\n",
                e.error_type.name(),
                py_str_repr(&e.msg),
                opt(e.lineno),
                opt(e.offset),
                opt(e.end_lineno),
                opt(e.end_offset)
            )
        }
        SymtableError::Recursion => {
            format!("error RecursionError {}\n", py_str_repr(err.message()))
        }
        SymtableError::Runtime(m) => format!("error RuntimeError {}\n", py_str_repr(m)),
    }
}

/// `repr()` of a message string (messages only hold printable text).
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The `co_flags` bits the symbol table decides, CPython 3.11's values.
const CO_OPTIMIZED: u32 = 0x1;
const CO_NEWLOCALS: u32 = 0x2;
const CO_VARARGS: u32 = 0x4;
const CO_VARKEYWORDS: u32 = 0x8;
const CO_NESTED: u32 = 0x10;
const CO_GENERATOR: u32 = 0x20;
const CO_COROUTINE: u32 = 0x80;
const CO_ASYNC_GENERATOR: u32 = 0x200;

/// The code-object facts each block implies, as `compute_code_flags` and
/// `compiler_enter_scope` derive them: `co_name`, the flag bits above, and sorted
/// `co_cellvars` / `co_freevars`. One line per block, lines sorted; compared with the
/// code objects python3 compiles (`tests/scripts/ast_export.py`, `N.code`). Annotation
/// blocks are skipped (never compiled).
pub fn dump_code_facts(table: &SymbolTable) -> String {
    let mut lines = Vec::new();
    for e in &table.entries {
        let mut stack_top = e.parent;
        // Skip annotation blocks and everything under them.
        let mut in_annotation = e.block_type == BlockType::Annotation;
        while let Some(p) = stack_top {
            in_annotation |= table.entry(p).block_type == BlockType::Annotation;
            stack_top = table.entry(p).parent;
        }
        let reachable = e.parent.is_some() || std::ptr::eq(e, table.top());
        if in_annotation || !reachable {
            continue;
        }
        let co_name = match (e.block_type, e.name.as_str()) {
            (BlockType::Module, _) => "<module>".to_owned(),
            (
                BlockType::Function,
                n @ ("lambda" | "listcomp" | "setcomp" | "dictcomp" | "genexpr"),
            ) if e.comprehension.is_some() || n == "lambda" => {
                format!("<{n}>")
            }
            (_, n) => n.to_owned(),
        };
        let mut flags = 0;
        if e.block_type == BlockType::Function {
            flags |= CO_OPTIMIZED | CO_NEWLOCALS;
            if e.nested {
                flags |= CO_NESTED;
            }
            flags |= match (e.generator, e.coroutine) {
                (true, false) => CO_GENERATOR,
                (false, true) => CO_COROUTINE,
                (true, true) => CO_ASYNC_GENERATOR,
                (false, false) => 0,
            };
            if e.varargs {
                flags |= CO_VARARGS;
            }
            if e.varkeywords {
                flags |= CO_VARKEYWORDS;
            }
        }
        let cellvars = e.cellvars();
        let freevars = e.freevars();
        lines.push(format!(
            "code {co_name} flags={flags:#x} cellvars={} freevars={}\n",
            cellvars.join(","),
            freevars.join(",")
        ));
    }
    lines.sort();
    lines.concat()
}
