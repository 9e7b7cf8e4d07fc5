//! Differential tool for the symbol table: prints Krait's symbol table in the format
//! of `tests/scripts/symtable_dump.py` (python3's `symtable`).
//!
//! `symtable_dump FILE.py`: parse FILE with Krait's parser and print its symbol table
//! (or the error) to stdout, exactly as `python3 tests/scripts/symtable_dump.py FILE`.
//! `symtable_dump --compare DIR FILE...`: the same for many files, compared with the
//! `DIR/N.expected` that `tests/scripts/ast_export.py DIR FILE...` wrote.
//!
//! `symtable_dump --ast FILE.ast...`: read ASTs exported by
//! `tests/scripts/ast_export.py` and write `FILE.actual` next to each, then print
//! how many match their `FILE.expected`, and how many of Krait's errors are what
//! python3's `compile()` raises (`FILE.compile`).

#[path = "../tests/support/ast_import.rs"]
mod ast_import;

use compiler::future::future_from_ast;
use compiler::symtable::{dump, SymbolTable, SymtableError};
use syntax::ast::Mod;

fn code_facts(module: &Mod, filename: &str) -> Option<String> {
    let ff = future_from_ast(module, filename).ok()?;
    SymbolTable::build(module, filename, &ff)
        .ok()
        .map(|t| dump::dump_code_facts(&t))
}

fn dump_module(module: &Mod, filename: &str) -> String {
    let ff = match future_from_ast(module, filename) {
        Ok(ff) => ff,
        Err(e) => return dump::dump_error(&SymtableError::Syntax(e)),
    };
    match SymbolTable::build(module, filename, &ff) {
        Ok(t) => dump::dump(&t),
        Err(e) => dump::dump_error(&e),
    }
}

fn run(args: Vec<String>) {
    let mut build_time = std::time::Duration::ZERO;
    let (mut same, mut total) = (0, 0);
    let (mut errors, mut errors_same_as_compile) = (0, 0);
    let (mut code_same, mut code_total) = (0, 0);
    let mut differ = Vec::new();
    for path in &args {
        let text = std::fs::read_to_string(path).expect("read .ast");
        let base = path.trim_end_matches(".ast");
        let filename = std::fs::read_to_string(format!("{base}.path")).unwrap_or_default();
        let (out, facts) = match ast_import::import_module(&text) {
            Ok(m) => {
                let t0 = std::time::Instant::now();
                if let Ok(ff) = future_from_ast(&m, &filename) {
                    let _ = std::hint::black_box(SymbolTable::build(&m, &filename, &ff));
                }
                build_time += t0.elapsed();
                (dump_module(&m, &filename), code_facts(&m, &filename))
            }
            Err(e) => (format!("import error {e:?}\n"), None),
        };
        if let (Some(facts), Ok(code)) = (facts, std::fs::read_to_string(format!("{base}.code"))) {
            code_total += 1;
            if facts == code {
                code_same += 1;
            } else {
                std::fs::write(format!("{base}.code.actual"), &facts).expect("write");
                differ.push(format!("{base} {filename} (code facts)"));
            }
        }
        std::fs::write(format!("{base}.actual"), &out).expect("write");
        let expected = std::fs::read_to_string(format!("{base}.expected")).unwrap_or_default();
        total += 1;
        if out.starts_with("error") {
            errors += 1;
            let compiled = std::fs::read_to_string(format!("{base}.compile")).unwrap_or_default();
            if compiled == out {
                errors_same_as_compile += 1;
            } else {
                differ.push(format!("{base} {filename} (compile() raises differently)"));
            }
        }
        if expected == out {
            same += 1;
        } else {
            differ.push(format!("{base} {filename}"));
        }
    }
    for d in &differ {
        println!("DIFF {d}");
    }
    println!("identical {same}/{total}");
    println!("symbol table build time (future + both passes): {build_time:?}");
    println!("code-object facts identical {code_same}/{code_total}");
    println!("errors identical to compile()'s {errors_same_as_compile}/{errors}");
}

/// Parse each source file with Krait's parser and print its dump (one file), or
/// compare each with python3's dump in `DIR/N.expected` (`--compare DIR FILE...`, in the
/// order `ast_export.py` numbered them).
fn run_sources(args: Vec<String>) {
    let (compare_dir, files) = match args.first().map(String::as_str) {
        Some("--compare") if args.len() > 1 => (Some(args[1].clone()), args[2..].to_vec()),
        _ => (None, args),
    };
    let (mut same, mut total, mut parse_errors) = (0, 0, 0);
    for (i, path) in files.iter().enumerate() {
        let src = std::fs::read(path).expect("read source");
        let out = match syntax::parse(&src, path, syntax::Mode::Exec) {
            Ok(m) => dump_module(&m, path),
            Err(e) => {
                parse_errors += 1;
                // python3's symtable() raises the parser's SyntaxError the same way.
                dump::dump_error(&SymtableError::Syntax(e))
            }
        };
        let Some(dir) = &compare_dir else {
            print!("{out}");
            continue;
        };
        let Ok(expected) = std::fs::read_to_string(format!("{dir}/{i}.expected")) else {
            continue; // python3 could not parse it either
        };
        total += 1;
        if expected == out {
            same += 1;
        } else {
            std::fs::write(format!("{dir}/{i}.src-actual"), &out).expect("write");
            println!("DIFF {dir}/{i} {path}");
        }
    }
    if compare_dir.is_some() {
        println!("identical {same}/{total} (Krait parser errors: {parse_errors})");
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let from_ast = args.first().map(String::as_str) == Some("--ast");
    if from_ast {
        args.remove(0);
    }
    // Deep ASTs: give the importer and the passes room.
    let t = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            if from_ast {
                run(args)
            } else {
                run_sources(args)
            }
        })
        .expect("spawn");
    t.join().expect("join");
}
