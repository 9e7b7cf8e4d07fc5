//! The `krait` command: run Python 3.11 programs, and look inside the machinery
//! (`--dump-ast`, `--dis`, `--compile`).

mod dump_ast;

use std::process::ExitCode;

/// Stack for the thread that parses and compiles: deep (but bounded) rule nesting must
/// reach CPython's own depth limits, never a Rust stack overflow.
const WORKER_STACK: usize = 512 * 1024 * 1024;

fn usage() -> ExitCode {
    eprintln!(
        "usage: krait FILE.py|FILE.pyc [ARG...] | --dump-ast FILE.py | --dis FILE.py|FILE.pyc | --compile FILE.py -o OUT.pyc | --pyc-roundtrip FILE.pyc..."
    );
    ExitCode::from(2)
}

/// An exit status from a command that reports one as an `i32`.
fn status(code: i32) -> ExitCode {
    ExitCode::from(code.clamp(0, 255) as u8)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let worker = std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(move || run(&args));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => ExitCode::from(1),
    }
}

fn run(args: &[String]) -> ExitCode {
    match args {
        [flag, file] if flag == "--dump-ast" => dump_ast::run(file),
        [flag, file] if flag == "--dis" && file.ends_with(".pyc") => {
            status(compiler::cli::cmd_dis_pyc(file))
        }
        [flag, file] if flag == "--dis" => status(compiler::cli::cmd_dis_source(file)),
        [flag, file, o, out] if flag == "--compile" && o == "-o" => {
            status(compiler::cli::cmd_compile(file, out))
        }
        [flag, files @ ..] if flag == "--pyc-roundtrip" => {
            status(compiler::cli::cmd_pyc_roundtrip(files))
        }
        [flag, file, rest @ ..] if flag == "-B" => run_source(file, rest, true),
        [file, rest @ ..] if file.ends_with(".pyc") => {
            let mut argv = vec![file.clone()];
            argv.extend(rest.iter().cloned());
            status(vm::runner::run_pyc_file(file, argv))
        }
        [file, rest @ ..] if !file.starts_with('-') => run_source(file, rest, false),
        _ => usage(),
    }
}

/// `krait [-B] FILE.py ARG...`: run a source file as `__main__`.
fn run_source(file: &str, rest: &[String], dont_write_bytecode: bool) -> ExitCode {
    let mut argv = vec![file.to_owned()];
    argv.extend(rest.iter().cloned());
    let options = vm::import::main::RunOptions {
        argv,
        dont_write_bytecode,
        setup: None,
    };
    status(vm::import::main::run_source_file(file, options))
}
