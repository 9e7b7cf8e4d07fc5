//! `krait FILE.py` / `krait -c CODE`: compile a source file and run it as `__main__` (CPython's
//! `pymain_run_file` + `_PyRun_SimpleFileObject`): `sys.argv`, `sys.path[0]` the
//! script's directory, `__file__` absolute, a `SyntaxError` reported as
//! CPython reports it (exit status 1), an unreadable file as "can't open
//! file" (exit status 2).

use std::path::{Path, PathBuf};

use crate::builtins::str::new_str;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::module::ModuleObj;
use crate::value::Value;
use crate::vm::Vm;

/// How a script is run.
pub struct RunOptions {
    /// `sys.argv` (the script's path first).
    pub argv: Vec<String>,
    /// `-B`: don't write `__pycache__` files.
    pub dont_write_bytecode: bool,
    /// Run on the new VM before anything else (how the `krait` command
    /// registers the native standard-library modules).
    pub setup: Option<fn(&mut Vm)>,
}

/// The absolute form of `path`, without resolving symlinks (`os.path.abspath`).
fn absolute(path: &str) -> PathBuf {
    let p = Path::new(path);
    if p.is_absolute() {
        return p.to_path_buf();
    }
    match std::env::current_dir() {
        Ok(d) => d.join(p.strip_prefix("./").unwrap_or(p)),
        Err(_) => p.to_path_buf(),
    }
}

/// Fills a syntax error's missing source line from the file's text, so the
/// report shows it (CPython reads it back from the file).
fn with_text(mut e: syntax::SyntaxError, source: &[u8]) -> syntax::SyntaxError {
    if e.text.is_none() {
        if let Some(l) = e.lineno.and_then(|l| usize::try_from(l - 1).ok()) {
            let text = String::from_utf8_lossy(source);
            e.text = text.split_inclusive('\n').nth(l).map(str::to_owned);
        }
    }
    e
}

/// `krait -c COMMAND ARG...`: runs `command` as `__main__` from `<string>`,
/// with `""` (the current directory) first on `sys.path`; the exit status.
pub fn run_source_string(command: &str, options: RunOptions) -> i32 {
    run_source(command.as_bytes(), "<string>", "", options)
}

/// Runs the Python source file at `path` as `__main__`; the exit status.
pub fn run_source_file(path: &str, options: RunOptions) -> i32 {
    let abs = absolute(path);
    let display = abs.to_string_lossy().into_owned();
    let source = match std::fs::read(&abs) {
        Ok(s) => s,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(0);
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_owned(),
                _ => e.to_string(),
            };
            eprintln!("krait: can't open file '{display}': [Errno {errno}] {why}");
            return 2;
        }
    };
    let dir = abs
        .parent()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    run_source(&source, &display, &dir, options)
}

/// Compiles `source` (named `display`) and runs it as `__main__` with `dir`
/// first on `sys.path`.
fn run_source(source: &[u8], display: &str, dir: &str, options: RunOptions) -> i32 {
    let code = match super::cache::compile_source(source, display) {
        Ok(c) => c,
        Err(compiler::CompileError::Syntax(e)) => {
            eprint!("{}", with_text(e, source).format_uncaught());
            return 1;
        }
        Err(e) => {
            eprintln!("{}: {}", e.type_name(), e.message());
            return 1;
        }
    };
    let Some(mut vm) = Vm::new() else {
        eprintln!("krait: an interpreter already runs on this thread");
        return 2;
    };
    vm.argv = options.argv;
    if let Some(setup) = options.setup {
        setup(&mut vm);
    }
    let file = (display != "<string>").then_some(display);
    let r = vm
        .prepare_main(Some(dir), options.dont_write_bytecode)
        .and_then(|_| vm.run_as_main(code, file));
    vm.run_finalizers();
    let status = match r {
        Ok(()) => 0,
        Err(e) => report_error(&mut vm, e),
    };
    vm.flush_stdout();
    status
}

/// The `syntax::SyntaxError` a `SyntaxError` exception object describes (its
/// `msg`, `filename`, `lineno`, `offset`, `text`, `end_*` attributes).
fn syntax_error_of(vm: &mut Vm, exc: &Value) -> Option<syntax::SyntaxError> {
    let mut get = |name: &str| vm.getattr_opt(exc, name).ok().flatten();
    let int = |v: Option<Value>| match v {
        Some(Value::Int(i)) => i32::try_from(i).ok(),
        _ => None,
    };
    let msg = get("msg").and_then(|v| super::str_text(&v))?;
    let filename = get("filename").and_then(|v| super::str_text(&v))?;
    Some(syntax::SyntaxError {
        error_type: syntax::SyntaxErrorType::SyntaxError,
        msg,
        filename,
        lineno: int(get("lineno")),
        offset: int(get("offset")),
        end_lineno: int(get("end_lineno")),
        end_offset: int(get("end_offset")),
        text: get("text").and_then(|v| super::str_text(&v)),
    })
}

/// Reports an uncaught exception; a `SyntaxError` from an import ends with
/// CPython's `File`/source/caret lines instead of its `str()`.
pub(crate) fn report_error(vm: &mut Vm, mut e: PyErr) -> i32 {
    if e.kind != ExcKind::SyntaxError {
        return vm.report_uncaught(e);
    }
    let exc = Value::Obj(vm.exc_object(&mut e));
    let Some(se) = syntax_error_of(vm, &exc) else {
        return vm.report_uncaught(e);
    };
    vm.flush_stdout();
    let text = vm.format_exception(&mut e);
    let body = text.trim_end_matches('\n');
    let head = body.rfind('\n').map_or("", |i| &body[..=i]);
    if body[head.len()..].starts_with("SyntaxError: ") {
        eprint!("{head}{}", se.format_uncaught());
    } else {
        eprint!("{text}");
    }
    1
}

impl Vm {
    /// Sets up `sys` for running a program: `sys.path` (with `first` in front),
    /// `sys.dont_write_bytecode`, the import machinery's objects.
    pub fn prepare_main(&mut self, first: Option<&str>, dont_write_bytecode: bool) -> PyResult<()> {
        self.init_sys_path(first)?;
        self.bootstrap()?;
        let sys = self.sys_module()?;
        self.setattr_str(
            &sys,
            "dont_write_bytecode",
            Value::Bool(dont_write_bytecode),
        )
    }

    /// Runs `code` as the `__main__` module of the file `file` (`None` for
    /// `-c`, which has no `__file__` and a `BuiltinImporter` loader).
    pub fn run_as_main(
        &mut self,
        code: compiler::code::CodeObject,
        file: Option<&str>,
    ) -> PyResult<()> {
        let code = crate::code::CodeObj::alloc(&mut self.token, code)?;
        let module = ModuleObj::alloc(&mut self.token, "__main__");
        let Some(dict) = module.downcast::<ModuleObj>().map(|m| m.dict.clone()) else {
            return Ok(());
        };
        let boot = self.bootstrap()?;
        let loader = match file {
            // Standard input has a `__file__` but, as in CPython, the builtin
            // importer as its loader.
            Some(f) if f != "<stdin>" => {
                let cls = Value::Obj(boot.source_loader.clone());
                self.call(&cls, &[new_str("__main__"), new_str(f)], None)?
            }
            _ => boot.builtin_importer.clone(),
        };
        let builtins = Value::Obj(self.builtins_module.clone());
        if let Some(m) = module.downcast::<ModuleObj>() {
            // In CPython's order (what `list(globals())` shows).
            let t = &mut self.token;
            m.set(t, "__doc__", Value::None);
            m.set(t, "__package__", Value::None);
            m.set(t, "__loader__", loader);
            m.set(t, "__spec__", Value::None);
            let annotations = crate::object::ObjRef::new(
                &crate::types::builtin_types().dict,
                crate::builtins::dict::Dict::new(),
            );
            m.set(t, "__annotations__", Value::Obj(annotations));
            m.set(t, "__builtins__", builtins);
            if let Some(f) = file {
                m.set(t, "__file__", new_str(f));
                m.set(t, "__cached__", Value::None);
            }
        }
        self.sys_modules_set("__main__", Value::Obj(module))?;
        self.run_code(&code, &dict, Some(dict.clone()), None)?;
        Ok(())
    }
}
