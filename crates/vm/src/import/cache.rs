//! The bytecode cache (CPython's `SourceLoader.get_code` with
//! `cache_from_source`): `DIR/__pycache__/NAME.krait-311.pyc`, a CPython 3.11
//! `.pyc` validated by the source's mtime and size, so a second import skips
//! the compiler. Written atomically (a temporary file renamed into place);
//! unwritable directories are ignored; `sys.dont_write_bytecode` turns writing
//! off.

use std::path::{Path, PathBuf};

use compiler::code::CodeObject;
use compiler::pyc::{self, Pyc, Validation};
use compiler::CompileError;

use crate::builtins::str::new_str;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// Krait's cache tag (CPython's is `cpython-311`): compiled files of the two
/// implementations never overwrite each other.
pub const CACHE_TAG: &str = "krait-311";

/// Compiles module source, printing its compile-time `SyntaxWarning`s to
/// stderr as `warnings.showwarning` does (`FILE:LINE: SyntaxWarning: MSG` and
/// the stripped line), unfiltered: for the main script, compiled before the
/// VM exists. Imports and `compile()` issue them through the warnings
/// filters (`compile_warnings.rs`).
pub fn compile_source(source: &[u8], filename: &str) -> Result<CodeObject, CompileError> {
    compile_source_at(source, filename, 0)
}

/// [`compile_source`] at optimization level `optimize` (`-O`: 1, `-OO`: 2).
pub fn compile_source_at(
    source: &[u8],
    filename: &str,
    optimize: u32,
) -> Result<CodeObject, CompileError> {
    let options = compiler::CompileOptions { optimize, flags: 0 };
    let (code, warnings) =
        compiler::compile_with_options(source, filename, syntax::Mode::Exec, options)?;
    if !warnings.is_empty() {
        let text = String::from_utf8_lossy(source);
        let mut out = String::new();
        for w in &warnings {
            out.push_str(&format!(
                "{filename}:{}: SyntaxWarning: {}\n",
                w.lineno, w.msg
            ));
            let line = usize::try_from(w.lineno - 1)
                .ok()
                .and_then(|i| text.lines().nth(i));
            if let Some(line) = line {
                out.push_str(&format!("  {}\n", line.trim()));
            }
        }
        eprint!("{out}");
    }
    Ok(code)
}

/// Where the cached bytecode of `source` lives (`importlib.util.cache_from_source`).
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let stem = source.file_stem()?.to_str()?;
    let dir = source.parent()?;
    Some(
        dir.join("__pycache__")
            .join(format!("{stem}.{CACHE_TAG}.pyc")),
    )
}

/// [`cache_path`] for optimization level `optimize`: `NAME.TAG.opt-N.pyc`
/// above level 0 (`cache_from_source(path, optimization=N)`).
pub fn cache_path_at(source: &Path, optimize: u32) -> Option<PathBuf> {
    let plain = cache_path(source)?;
    if optimize == 0 {
        return Some(plain);
    }
    let stem = source.file_stem()?.to_str()?;
    Some(plain.with_file_name(format!("{stem}.{CACHE_TAG}.opt-{optimize}.pyc")))
}

/// The source's modification time (seconds, truncated to 32 bits as in the
/// `.pyc` header) and size.
fn source_stamp(meta: &std::fs::Metadata) -> Validation {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as u32);
    Validation::Timestamp {
        mtime,
        source_size: meta.len() as u32,
    }
}

/// The cached code if the cache file exists and matches `stamp`.
fn read_cached(cache: &Path, stamp: &Validation) -> Option<CodeObject> {
    let data = std::fs::read(cache).ok()?;
    let (validation, _) = pyc::read_header(&data).ok()?;
    if validation != *stamp {
        return None;
    }
    pyc::read(&data).ok().map(|p| p.code)
}

/// Writes `code` to `cache` through a temporary file and a rename, ignoring
/// every failure (`_write_atomic`; CPython also skips unwritable directories).
fn write_cached(cache: &Path, stamp: Validation, code: &CodeObject) {
    let Some(dir) = cache.parent() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let data = pyc::write(&Pyc {
        validation: stamp,
        code: code.clone(),
    });
    let tmp = cache.with_extension(format!("pyc.{}", std::process::id()));
    if std::fs::write(&tmp, data).is_ok() && std::fs::rename(&tmp, cache).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The Python exception for a compile error: `SyntaxError('msg (file.py, line
/// N)')` as `str()` of CPython's shows it, with its `msg`, `filename`,
/// `lineno`, `offset`, `text`, `end_lineno` and `end_offset` attributes;
/// `RecursionError`; `SystemError`.
pub fn compile_error_to_exc(vm: &mut Vm, e: &CompileError, source: &[u8]) -> PyErr {
    match e {
        CompileError::Syntax(s) => {
            let base = s.filename.rsplit('/').next().unwrap_or(&s.filename);
            let msg = match s.lineno {
                Some(l) => format!("{} ({base}, line {l})", s.msg),
                None => s.msg.clone(),
            };
            let cls = crate::exceptions::exc_class(ExcKind::SyntaxError);
            let exc = crate::exceptions::ExceptionObj::alloc(&cls, vec![new_str(&msg)]);
            let v = Value::Obj(exc.clone());
            let int = |n: Option<i32>| n.map_or(Value::None, |n| Value::Int(n.into()));
            let text = s.text.clone().or_else(|| {
                let l = usize::try_from(s.lineno? - 1).ok()?;
                let all = String::from_utf8_lossy(source);
                all.split_inclusive('\n').nth(l).map(str::to_owned)
            });
            for (name, value) in [
                ("msg", new_str(&s.msg)),
                ("filename", new_str(&s.filename)),
                ("lineno", int(s.lineno)),
                ("offset", int(s.offset)),
                ("text", text.as_deref().map_or(Value::None, new_str)),
                ("end_lineno", int(s.end_lineno)),
                ("end_offset", int(s.end_offset)),
            ] {
                let _ = vm.setattr_str(&v, name, value);
            }
            vm.err_from_object(exc)
        }
        CompileError::Recursion => PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
        ),
        CompileError::System(m) => PyErr::new(ExcKind::SystemError, m.clone()),
    }
}

/// The code of the source file at `path`: from its cache when valid, else
/// compiled (and cached unless `sys.dont_write_bytecode`).
pub fn load_code(vm: &mut Vm, path: &Path) -> PyResult<CodeObject> {
    let display = path.to_string_lossy().into_owned();
    let source = std::fs::read(path).map_err(|e| {
        PyErr::new(
            ExcKind::OSError,
            format!("[Errno {}] {e}: '{display}'", e.raw_os_error().unwrap_or(0)),
        )
    })?;
    let meta = std::fs::metadata(path).ok();
    let stamp = meta.as_ref().map(source_stamp);
    // `-O`/`-OO` (sys.flags.optimize) compile and cache at that level.
    let optimize = vm.sys_config.flags.optimize.clamp(0, 2) as u32;
    let cache = cache_path_at(path, optimize);
    if let (Some(c), Some(s)) = (&cache, &stamp) {
        if let Some(code) = read_cached(c, s) {
            return Ok(code);
        }
    }
    vm.flush_stdout();
    let options = compiler::CompileOptions { optimize, flags: 0 };
    let (code, warnings) =
        compiler::compile_with_options(&source, &display, syntax::Mode::Exec, options)
            .map_err(|e| compile_error_to_exc(vm, &e, &source))?;
    super::compile_warnings::emit(vm, &warnings, &display, &source)?;
    let dont_write = match vm.sys_attr("dont_write_bytecode")? {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    if let (false, Some(c), Some(s)) = (dont_write, &cache, stamp) {
        write_cached(c, s, &code);
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_path_uses_krait_tag() {
        assert_eq!(
            cache_path(Path::new("/a/b/mod.py")),
            Some(PathBuf::from("/a/b/__pycache__/mod.krait-311.pyc"))
        );
    }

    #[test]
    fn stale_cache_is_ignored() {
        let dir = std::env::temp_dir().join(format!("krait-cache-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let src = dir.join("m.py");
        std::fs::write(&src, "x = 1\n").unwrap();
        let code = compiler::compile(b"x = 1\n", "m.py", syntax::Mode::Exec, 0).unwrap();
        let cache = cache_path(&src).unwrap();
        let stamp = source_stamp(&std::fs::metadata(&src).unwrap());
        write_cached(&cache, stamp, &code);
        assert!(read_cached(&cache, &stamp).is_some());
        let other = Validation::Timestamp {
            mtime: 1,
            source_size: 99,
        };
        assert!(read_cached(&cache, &other).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
