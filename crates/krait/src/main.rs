//! The `krait` command: run Python 3.11 programs, and look inside the machinery
//! (`--dump-ast`, `--dis`, `--compile`).

mod dump_ast;

use std::process::ExitCode;

/// Stack for the thread that parses and compiles: deep (but bounded) rule nesting must
/// reach CPython's own depth limits, never a Rust stack overflow.
const WORKER_STACK: usize = 512 * 1024 * 1024;

fn usage() -> ExitCode {
    eprintln!(
        "usage: krait [-B] FILE.py|FILE.pyc [ARG...] | -c CODE [ARG...] | --dump-ast FILE.py | --dis FILE.py|FILE.pyc | --compile FILE.py -o OUT.pyc | --pyc-roundtrip FILE.pyc..."
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
        [flag, rest @ ..] if flag == "-B" => run_python(rest, true),
        [file, rest @ ..] if file.ends_with(".pyc") => {
            let mut argv = vec![file.clone()];
            argv.extend(rest.iter().cloned());
            status(vm::runner::run_pyc_file_with(
                file,
                argv,
                stdlib::register_all,
            ))
        }
        _ => run_python(args, false),
    }
}

/// `krait [-B] FILE.py ARG...` or `krait [-B] -c CODE ARG...`: run source as
/// `__main__` (`-B`: don't write `__pycache__` files).
fn run_python(args: &[String], dont_write_bytecode: bool) -> ExitCode {
    let options = |argv: Vec<String>| vm::import::main::RunOptions {
        argv,
        dont_write_bytecode,
        setup: Some(stdlib::register_all),
    };
    match args {
        [flag, command, rest @ ..] if flag == "-c" => {
            let mut argv = vec!["-c".to_owned()];
            argv.extend(rest.iter().cloned());
            status(vm::import::main::run_source_string(command, options(argv)))
        }
        [file, ..] if file.ends_with(".pyc") => status(vm::runner::run_pyc_file_with(
            file,
            args.to_vec(),
            stdlib::register_all,
        )),
        [file, ..] if !file.starts_with('-') => {
            let file = file.clone();
            status(vm::import::main::run_source_file(
                &file,
                options(args.to_vec()),
            ))
        }
        _ => usage(),
    }
}
