//! Running a program the way CPython 3.11's `Modules/main.c` does: the
//! configuration from options and `PYTHON*` variables, then the file, `-c`
//! command, `-m` module, stdin program or the interactive loop.

use std::io::{IsTerminal, Read, Write};

use crate::args::{Options, Program};
use vm::sys_config::{Flags, SysConfig};
use vm::vm::Vm;

/// The environment variable `name` unless `-E`/`-I`, and only when non-empty
/// (CPython's `config_get_env`).
fn env(o: &Options, name: &str) -> Option<String> {
    if o.ignore_environment || o.isolated {
        return None;
    }
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// An integer environment flag: its value if a number, else 1 (CPython's
/// `_Py_get_env_flag`).
fn env_flag(o: &Options, name: &str) -> i64 {
    env(o, name).map_or(0, |v| match v.trim().parse::<i64>() {
        Ok(n) if n >= 0 => n,
        _ => 1,
    })
}

/// `sys.flags` and the other `sys` settings for options `o`, `orig_argv` and
/// the program's `sys.path[0]` (`None`: none, as with `-P`/`-I`).
pub fn sys_config(o: &Options, orig_argv: Vec<String>, path0: Option<String>) -> SysConfig {
    let isolated = o.isolated;
    let flags = Flags {
        debug: o.debug as i64,
        inspect: o.inspect as i64,
        interactive: o.inspect as i64,
        optimize: o.optimize.max(env_flag(o, "PYTHONOPTIMIZE")),
        dont_write_bytecode: (o.dont_write_bytecode || env_flag(o, "PYTHONDONTWRITEBYTECODE") > 0)
            as i64,
        no_user_site: (o.no_user_site || isolated || env_flag(o, "PYTHONNOUSERSITE") > 0) as i64,
        no_site: o.no_site as i64,
        ignore_environment: (o.ignore_environment || isolated) as i64,
        verbose: o.verbose.max(env_flag(o, "PYTHONVERBOSE")),
        bytes_warning: o.bytes_warning,
        quiet: o.quiet as i64,
        hash_randomization: (env(o, "PYTHONHASHSEED").as_deref() != Some("0")) as i64,
        isolated: isolated as i64,
        dev_mode: o.xoptions.iter().any(|x| x == "dev") || env(o, "PYTHONDEVMODE").is_some(),
        utf8_mode: o.xoptions.iter().any(|x| x == "utf8" || x == "utf8=1") as i64,
        warn_default_encoding: o.xoptions.iter().any(|x| x == "warn_default_encoding") as i64,
        safe_path: o.safe_path || isolated || env(o, "PYTHONSAFEPATH").is_some(),
        int_max_str_digits: o
            .xoptions
            .iter()
            .find_map(|x| x.strip_prefix("int_max_str_digits="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(-1),
    };
    // Development mode's "default" filter comes first (`config_init_warnoptions`).
    let mut warnoptions: Vec<String> = flags
        .dev_mode
        .then(|| "default".to_owned())
        .into_iter()
        .collect();
    warnoptions.extend(
        env(o, "PYTHONWARNINGS")
            .map(|w| {
                w.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    warnoptions.extend(o.warnoptions.iter().cloned());
    let xoptions = o
        .xoptions
        .iter()
        .map(|x| match x.split_once('=') {
            Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
            None => (x.clone(), None),
        })
        .collect();
    let path0 = if flags.safe_path { None } else { path0 };
    let pythonpath = env(o, "PYTHONPATH")
        .map(|pp| {
            pp.split(':')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let executable = std::env::current_exe()
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
        .unwrap_or_default();
    SysConfig {
        flags,
        orig_argv,
        executable,
        warnoptions,
        xoptions,
        path0,
        pythonpath,
    }
}

/// A new interpreter set up for `config`, with the native standard library.
pub(crate) fn new_vm(o: &Options, config: SysConfig, argv: Vec<String>) -> Option<Vm> {
    let Some(mut vm) = Vm::new() else {
        eprintln!("krait: an interpreter already runs on this thread");
        return None;
    };
    vm.argv = argv;
    let unbuffered = o.unbuffered || env_flag(o, "PYTHONUNBUFFERED") > 0;
    vm.apply_sys_config(config, unbuffered);
    // The native modules (and the `_io` streams' factory) before `sys` is
    // made: `sys` takes its streams, `argv` and flags when it is created.
    stdlib::register_all(&mut vm);
    if let Some(arg0) = vm.argv.first().cloned() {
        let _ = vm.set_sys_argv0(&arg0);
    }
    Some(vm)
}

/// Compiles `source` (named `filename`) in `mode` at `optimize`, printing a
/// syntax error's report as CPython does; `Err(1)` then.
pub(crate) fn compile(
    source: &[u8],
    filename: &str,
    mode: syntax::Mode,
    optimize: i64,
) -> Result<compiler::code::CodeObject, compiler::CompileError> {
    let options = compiler::CompileOptions {
        optimize: optimize.clamp(0, 2) as u32,
        flags: 0,
    };
    compiler::compile_with_options(source, filename, mode, options).map(|(code, warnings)| {
        let text = String::from_utf8_lossy(source);
        for w in warnings {
            eprintln!("{filename}:{}: SyntaxWarning: {}", w.lineno, w.msg);
            let line = usize::try_from(w.lineno - 1)
                .ok()
                .and_then(|i| text.lines().nth(i));
            if let Some(line) = line {
                eprintln!("  {}", line.trim());
            }
        }
        code
    })
}

/// Prints a compile error as CPython's uncaught-exception report.
pub(crate) fn report_compile_error(e: &compiler::CompileError) {
    let text = match e {
        compiler::CompileError::Syntax(s) => s.format_uncaught(),
        other => format!("{}: {}\n", other.type_name(), other.message()),
    };
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// The message CPython gives for an I/O error: `[Errno N] text`.
pub(crate) fn errno_text(e: &std::io::Error) -> String {
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_owned();
    match e.raw_os_error() {
        Some(n) => format!("[Errno {n}] {msg}"),
        None => msg,
    }
}

/// Runs `code` as `__main__` (from `file`; `None` for `-c` and stdin) and
/// gives the exit status.
/// With `-i`, the interactive loop follows, whatever the program did (an
/// uncaught exception, `SystemExit` too, is printed as a traceback first).
fn run_code(vm: &mut Vm, o: &Options, code: compiler::code::CodeObject, file: Option<&str>) -> i32 {
    if !o.inspect {
        return vm.run_cli_main(code, file);
    }
    let r = vm.prepare_cli().and_then(|_| vm.run_as_main(code, file));
    vm.run_finalizers();
    vm.flush_stdout();
    if let Err(mut e) = r {
        let text = vm.format_exception(&mut e);
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    let optimize = vm.sys_config.flags.optimize;
    let status = crate::repl::interact(vm, optimize);
    vm.finish_cli(Ok(()));
    status
}

/// Skips the first line for `-x`, keeping the line count (CPython reads past
/// it; line numbers then start at the second line, which we keep as line 2
/// by leaving an empty line).
fn skip_first(source: Vec<u8>) -> Vec<u8> {
    match source.iter().position(|&b| b == b'\n') {
        Some(i) => source[i..].to_vec(),
        None => Vec::new(),
    }
}

/// Runs the program `o` names; the process exit status.
pub fn run(prog: &str, o: &Options, orig_argv: Vec<String>) -> i32 {
    let program = o.program.clone().unwrap_or(Program::Stdin);
    let mut argv = Vec::new();
    match &program {
        Program::Command(_) => argv.push("-c".to_owned()),
        Program::Module(_) => argv.push("-m".to_owned()),
        Program::File(f) => argv.push(f.clone()),
        Program::Stdin => argv.push(if o.program.is_some() { "-" } else { "" }.to_owned()),
    }
    argv.extend(o.rest.iter().cloned());
    match program {
        Program::Command(cmd) => {
            let config = sys_config(o, orig_argv, Some(String::new()));
            let optimize = config.flags.optimize;
            let Some(mut vm) = new_vm(o, config, argv) else {
                return 2;
            };
            match compile(cmd.as_bytes(), "<string>", syntax::Mode::Exec, optimize) {
                Ok(code) => run_code(&mut vm, o, code, None),
                Err(e) => {
                    report_compile_error(&e);
                    1
                }
            }
        }
        Program::Module(m) => run_module(prog, o, orig_argv, argv, &m),
        Program::File(f) => run_file(prog, o, orig_argv, argv, &f),
        Program::Stdin => {
            let config = sys_config(o, orig_argv, Some(String::new()));
            // `-i` forces the interactive loop even when stdin is not a terminal.
            if o.inspect || std::io::stdin().is_terminal() {
                return crate::repl::run(o, config, argv);
            }
            let mut source = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut source) {
                eprintln!("{prog}: can't read <stdin>: {}", errno_text(&e));
                return 1;
            }
            if o.skip_first_line {
                source = skip_first(source);
            }
            let optimize = config.flags.optimize;
            let Some(mut vm) = new_vm(o, config, argv) else {
                return 2;
            };
            match compile(&source, "<stdin>", syntax::Mode::Exec, optimize) {
                Ok(code) => run_code(&mut vm, o, code, Some("<stdin>")),
                Err(e) => {
                    report_compile_error(&e);
                    1
                }
            }
        }
    }
}

/// `-m MODULE` (CPython's `runpy._run_module_as_main`): `sys.path[0]` is the
/// current directory, `sys.argv[0]` the module's file.
fn run_module(prog: &str, o: &Options, orig_argv: Vec<String>, argv: Vec<String>, m: &str) -> i32 {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
        .unwrap_or_default();
    let config = sys_config(o, orig_argv, Some(cwd));
    let optimize = config.flags.optimize;
    let Some(mut vm) = new_vm(o, config, argv) else {
        return 2;
    };
    if let Err(e) = vm.prepare_cli() {
        return vm.finish_cli(Err(e));
    }
    let file = match vm.find_main_module(m) {
        Ok(f) => f,
        Err(msg) => {
            vm.flush_stdout();
            eprintln!("{prog}: {msg}");
            return 1;
        }
    };
    let source = match std::fs::read(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{prog}: can't open file '{file}': {}", errno_text(&e));
            return 1;
        }
    };
    let code = match compile(&source, &file, syntax::Mode::Exec, optimize) {
        Ok(c) => c,
        Err(e) => {
            report_compile_error(&e);
            return 1;
        }
    };
    if let Err(e) = vm.set_sys_argv0(&file) {
        return vm.finish_cli(Err(e));
    }
    let r = vm.run_as_main(code, Some(&file));
    vm.finish_cli(r)
}

fn run_file(prog: &str, o: &Options, orig_argv: Vec<String>, argv: Vec<String>, f: &str) -> i32 {
    let mut abs = std::path::absolute(f)
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
        .unwrap_or_else(|| f.to_owned());
    // A directory runs its `__main__.py`, with the directory as `sys.path[0]`
    // (CPython's `pymain_run_python` via `runpy._run_module_as_main`).
    let mut dir = None;
    if std::path::Path::new(f).is_dir() {
        let main = std::path::Path::new(&abs).join("__main__.py");
        if !main.is_file() {
            eprintln!("{prog}: can't find '__main__' module in '{abs}'");
            return 1;
        }
        dir = Some(abs.clone());
        abs = main.to_string_lossy().into_owned();
    }
    let data = match std::fs::read(&abs) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{prog}: can't open file '{abs}': {}", errno_text(&e));
            return 2;
        }
    };
    // sys.path[0]: the script's directory (symlinks resolved, as CPython).
    let dir = dir.unwrap_or_else(|| {
        std::fs::canonicalize(f)
            .ok()
            .and_then(|p| p.parent().and_then(|d| d.to_str().map(str::to_owned)))
            .unwrap_or_default()
    });
    let config = sys_config(o, orig_argv, Some(dir));
    let optimize = config.flags.optimize;
    let code = if data.starts_with(&compiler::pyc::MAGIC) {
        match compiler::pyc::read(&data) {
            Ok(mut p) => {
                // A CPython-written file: its frozensets are stored in marshal's
                // sorted order; CPython's load rebuilds them.
                vm::code::frozensets_from_marshal(&mut p.code);
                p.code
            }
            Err(e) => {
                eprintln!("{prog}: {f}: not a CPython 3.11 .pyc file ({e:?})");
                return 1;
            }
        }
    } else {
        let data = if o.skip_first_line {
            skip_first(data)
        } else {
            data
        };
        match compile(&data, &abs, syntax::Mode::Exec, optimize) {
            Ok(c) => c,
            Err(e) => {
                report_compile_error(&e);
                return 1;
            }
        }
    };
    let Some(mut vm) = new_vm(o, config, argv) else {
        return 2;
    };
    run_code(&mut vm, o, code, Some(&abs))
}
