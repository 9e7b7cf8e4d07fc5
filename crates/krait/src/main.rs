//! The `krait` command: CPython 3.11's command line (`krait [option] ... [-c cmd
//! | -m mod | file | -] [arg] ...`, see `python3 --help`), plus developer
//! commands to look inside the machinery (`--dump-ast`, `--dis`, `--compile`,
//! `--pyc-roundtrip`).

mod args;
mod dump_ast;
mod help;
mod repl;
mod run;

use std::io::Write;
use std::process::ExitCode;

/// The allocator of the `krait` binary: Python programs allocate and free many
/// small objects, which CPython serves from its own small-object allocator
/// (pymalloc); mimalloc's thread-local free lists play that part here.
/// Programs embedding the `vm` crate choose their own global allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The version `-V` prints, as CPython's `PY_VERSION`; `-VV` prints
/// `"Python " + sys.version` (`"3.11.7 (krait)"`), as CPython prints its
/// `Py_GetVersion()`.
pub const VERSION: &str = "3.11.7";

/// `sys.version`, which `-VV` and the interactive banner show.
pub const SYS_VERSION: &str = "3.11.7 (krait)";

/// Stack for the thread that parses and compiles: deep (but bounded) rule nesting must
/// reach CPython's own depth limits, never a Rust stack overflow.
const WORKER_STACK: usize = 512 * 1024 * 1024;

/// The process exit status for `code`: its low 8 bits, as `exit(3)` keeps
/// (`sys.exit(257)` exits with 1, `sys.exit(-1)` with 255).
fn status(code: i32) -> ExitCode {
    ExitCode::from((code & 0xff) as u8)
}

fn main() -> ExitCode {
    let all: Vec<String> = std::env::args().collect();
    let worker = std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(move || run(&all));
    let code = match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 1,
    };
    let _ = std::io::stdout().flush();
    if code == vm::interactive::EXIT_SIGINT {
        kill_with_sigint();
        return ExitCode::from(130);
    }
    status(code)
}

/// After an uncaught `KeyboardInterrupt` CPython kills itself with `SIGINT` so
/// its parent sees the signal; without `unsafe` (no `raise(3)`), Krait asks
/// `kill(1)` to do it, and exits with 130 (the shell's status) if that fails.
fn kill_with_sigint() {
    let pid = std::process::id().to_string();
    let _ = std::process::Command::new("kill")
        .args(["-s", "INT", &pid])
        .status();
    std::thread::sleep(std::time::Duration::from_millis(200));
}

/// The developer commands; `None` if `args` isn't one.
fn developer(args: &[String]) -> Option<i32> {
    Some(match args {
        [flag, file] if flag == "--dump-ast" => dump_ast::run(file),
        [flag, file] if flag == "--dis" && file.ends_with(".pyc") => {
            compiler::cli::cmd_dis_pyc(file)
        }
        [flag, file] if flag == "--dis" => compiler::cli::cmd_dis_source(file),
        [flag, file, o, out] if flag == "--compile" && o == "-o" => {
            compiler::cli::cmd_compile(file, out)
        }
        [flag, files @ ..] if flag == "--pyc-roundtrip" => compiler::cli::cmd_pyc_roundtrip(files),
        _ => return None,
    })
}

fn run(all: &[String]) -> i32 {
    let prog = all.first().map_or("krait", String::as_str);
    let args = all.get(1..).unwrap_or_default();
    if let Some(code) = developer(args) {
        return code;
    }
    let o = match args::parse(args) {
        Ok(o) => o,
        Err(args::ArgError(msg)) => {
            eprint!("{}", help::bad_option(prog, &msg));
            return 2;
        }
    };
    if o.help {
        print!("{}", help::help(prog));
        return 0;
    }
    if o.version > 0 {
        if o.version > 1 {
            println!("Python {SYS_VERSION}");
        } else {
            println!("Python {VERSION}");
        }
        return 0;
    }
    run::run(prog, &o, all.to_vec())
}
