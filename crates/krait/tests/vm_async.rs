//! `match` statements, coroutines, async generators, `async for`/`async with`,
//! `throw()` delegation through `yield from`/`await`, and `import *` against
//! CPython 3.11: each program in `tests/vm_async_programs/` is compiled to a
//! `.pyc` by `python3`, run by `krait FILE.pyc`, and must give the same stdout,
//! stderr and exit status as `python3 FILE.py`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vm_async_programs")
}

fn run(cmd: &mut Command, dir: &Path) -> Output {
    cmd.current_dir(dir).output().expect("process runs")
}

fn check(name: &str) {
    let dir = programs_dir();
    let src = dir.join(format!("{name}.py"));
    let pyc = std::env::temp_dir().join(format!("krait-vmasync-{}-{name}.pyc", std::process::id()));
    let status = Command::new("python3")
        .args([
            "-c",
            "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[1], doraise=True)",
        ])
        .arg(&src)
        .arg(&pyc)
        .status()
        .expect("python3 must be installed to run the VM tests");
    assert!(status.success(), "python3 could not compile {name}");
    let expected = run(Command::new("python3").arg(&src), &dir);
    let got = run(Command::new(env!("CARGO_BIN_EXE_krait")).arg(&pyc), &dir);
    let _ = std::fs::remove_file(&pyc);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    assert_eq!(text(&got.stdout), text(&expected.stdout), "{name}: stdout");
    assert_eq!(text(&got.stderr), text(&expected.stderr), "{name}: stderr");
    assert_eq!(got.status.code(), expected.status.code(), "{name}: status");
}

/// `MATCH_SEQUENCE`/`MATCH_MAPPING`/`MATCH_KEYS`/`MATCH_CLASS` and their
/// `TypeError`s.
#[test]
fn match_patterns() {
    check("match_patterns");
}

/// Coroutines driven by `send(None)`, custom `__await__`, async generators,
/// `async for`, async comprehensions, `async with`, `asend`/`aclose`.
#[test]
fn coroutines() {
    check("coroutines");
}

/// `throw()`/`close()` through `yield from` and `await`, `gi_*`/`cr_*`
/// attributes, `athrow`, async-protocol errors, `from m import *`.
#[test]
fn delegation_async_import_star() {
    check("delegation_async_import_star");
}

/// `except*` (`CHECK_EG_MATCH`, `PREP_RERAISE_STAR`) and `ExceptionGroup`'s
/// constructor checks, `split`, `subgroup`, `str`/`repr`.
#[test]
fn except_star() {
    check("except_star");
}

/// An uncaught exception group is printed with CPython's boxes.
#[test]
fn uncaught_group() {
    check("uncaught_group");
}
