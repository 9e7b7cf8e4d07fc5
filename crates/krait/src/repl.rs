//! The interactive loop on a terminal (CPython's `PyRun_InteractiveLoopFlags`),
//! with a plain line reader: `>>> ` / `... ` prompts on stderr (where CPython
//! writes them without GNU readline), each statement compiled in `single` mode
//! so expression values are printed, tracebacks for errors, EOF ends the loop.

use std::io::{BufRead, Write};

use crate::args::Options;
use vm::sys_config::SysConfig;

/// Whether a compile error only says the input stops early, so the loop reads
/// a continuation line (what `codeop` decides by compiling with extra newlines).
fn incomplete(e: &compiler::CompileError) -> bool {
    let msg = e.message();
    msg.contains("was never closed")
        || msg.contains("unexpected EOF")
        || msg.contains("expected an indented block")
        || msg.contains("unterminated triple-quoted string")
        || msg.contains("unexpected end of input")
}

fn prompt(p: &str) {
    let mut err = std::io::stderr();
    let _ = err.write_all(p.as_bytes());
    let _ = err.flush();
}

/// Runs the loop; the exit status.
pub fn run(o: &Options, config: SysConfig, argv: Vec<String>) -> i32 {
    let optimize = config.flags.optimize;
    let startup = if o.ignore_environment || o.isolated {
        None
    } else {
        std::env::var("PYTHONSTARTUP")
            .ok()
            .filter(|s| !s.is_empty())
    };
    let Some(mut vm) = crate::run::new_vm(o, config, argv) else {
        return 2;
    };
    if let Err(e) = vm.prepare_cli() {
        return vm.finish_cli(Err(e));
    }
    if !o.quiet {
        eprintln!(
            "Python {} on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
            crate::SYS_VERSION
        );
    }
    if let Some(path) = startup {
        match std::fs::read(&path) {
            Ok(src) => match crate::run::compile(&src, &path, syntax::Mode::Exec, optimize) {
                Ok(code) => {
                    if let Some(status) = vm.run_interactive(code) {
                        return status;
                    }
                }
                Err(e) => crate::run::report_compile_error(&e),
            },
            Err(e) => eprintln!(
                "Could not open PYTHONSTARTUP\nFileNotFoundError: {}: '{path}'",
                crate::run::errno_text(&e)
            ),
        }
    }
    interact(&mut vm, optimize)
}

/// The loop itself on interpreter `vm` (also what `-i` enters after the
/// script or command); the exit status.
pub fn interact(vm: &mut vm::vm::Vm, optimize: i64) -> i32 {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock();
    let mut buf = String::new();
    loop {
        prompt(if buf.is_empty() { ">>> " } else { "... " });
        let mut line = String::new();
        match lines.read_line(&mut line) {
            Ok(0) | Err(_) => {
                eprintln!();
                vm.flush_stdout();
                return 0;
            }
            Ok(_) => {}
        }
        if !line.ends_with('\n') {
            line.push('\n');
        }
        let blank = line.trim().is_empty();
        if buf.is_empty() && blank {
            continue;
        }
        buf.push_str(&line);
        // A compound statement (its first line opens a block, or a decorator)
        // goes on until a blank line.
        let first = buf.lines().next().unwrap_or("").trim_end();
        let compound = first.ends_with(':') || first.starts_with('@');
        if compound && !blank {
            continue;
        }
        match crate::run::compile(buf.as_bytes(), "<stdin>", syntax::Mode::Single, optimize) {
            Ok(code) => {
                buf.clear();
                if let Some(status) = vm.run_interactive(code) {
                    return status;
                }
            }
            Err(e) if incomplete(&e) && !blank => continue,
            Err(e) => {
                buf.clear();
                crate::run::report_compile_error(&e);
            }
        }
    }
}
