//! The differential program corpus (`tests/corpus`, ARCHITECTURE.md section 10):
//! each program runs under CPython 3.11 and under a subject built from Krait, and
//! stdout, stderr and exit status must be identical. `tests/corpus/run.py` does the
//! work; these tests run it with the `krait` binary cargo just built. A missing
//! `python3` fails the tests, it never skips them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `tests/corpus/run.py` in this checkout.
fn harness() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/run.py")
}

/// Runs the harness with `args` and fails the test, with its report, unless every
/// program passed.
fn run_harness(args: &[&str]) {
    let out = Command::new("python3")
        .arg(harness())
        .args(args)
        .output()
        .expect("python3 (CPython 3.11) must be installed to run the corpus");
    assert!(
        out.status.success(),
        "corpus harness {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `--compile-cmd` value that makes CPython itself the "compiler": the harness and a
/// few programs checked end to end without Krait.
const CPYTHON_AS_COMPILER: &str = "python3 -c \"import py_compile,sys; \
     py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)\"";

/// The harness itself works (reference runs, pyc preparation, comparison), shown
/// on a few programs with CPython standing in for `krait --compile`.
#[test]
fn harness_passes_with_cpython_as_the_compiler() {
    let corpus = harness().parent().expect("corpus dir").to_path_buf();
    let picks = [
        "lang_extended_arg.py",
        "exc_star.py",
        "err_uncaught_chained.py",
        "err_exit_codes.py",
        "import_package_relative.py",
    ];
    let files: Vec<String> = picks
        .iter()
        .map(|f| corpus.join(f).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["--mode", "pyc", "--compile-cmd", CPYTHON_AS_COMPILER];
    args.extend(files.iter().map(String::as_str));
    run_harness(&args);
}

/// The compiler's issue: `krait --compile FILE -o OUT.pyc`, then `python3 OUT.pyc`
/// behaves exactly like `python3 FILE`, for every corpus program.
#[test]
fn corpus_compiled_by_krait_runs_like_cpython() {
    run_harness(&[
        "--mode",
        "pyc",
        "--krait",
        env!("CARGO_BIN_EXE_krait"),
        "-q",
    ]);
}

/// The VM's issue, without Krait's compiler: `krait F.pyc` on CPython's own .pyc.
#[test]
fn corpus_cpython_pyc_runs_on_krait_like_cpython() {
    run_harness(&[
        "--mode",
        "cpython-pyc",
        "--krait",
        env!("CARGO_BIN_EXE_krait"),
        "-q",
    ]);
}

/// The VM's issue, end to end: `krait FILE` behaves exactly like `python3 FILE`.
#[test]
fn corpus_runs_on_krait_like_cpython() {
    run_harness(&[
        "--mode",
        "run",
        "--krait",
        env!("CARGO_BIN_EXE_krait"),
        "-q",
    ]);
}
