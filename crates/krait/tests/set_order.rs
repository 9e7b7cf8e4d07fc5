//! Set iteration order against CPython 3.11: each program in `tests/set_order/`
//! prints sets (ints, strs, floats, tuples, mixed; after adds, removes, pops and
//! operations) and must print exactly what `PYTHONHASHSEED=0 python3` prints, run
//! from source by `krait FILE.py`, and from CPython's `.pyc` by `krait FILE.pyc`
//! as `python3 FILE.pyc` prints.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/set_order")
}

fn run(cmd: &mut Command) -> Output {
    cmd.current_dir(programs_dir())
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("process runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn check(name: &str) {
    let src = programs_dir().join(format!("{name}.py"));
    let expected = run(Command::new("python3").arg(&src));
    assert!(expected.status.success(), "{name}: python3 failed");
    let got = run(Command::new(env!("CARGO_BIN_EXE_krait")).arg(&src));
    assert_eq!(
        text(&got.stdout),
        text(&expected.stdout),
        "{name}.py: stdout differs"
    );
    assert_eq!(
        text(&got.stderr),
        text(&expected.stderr),
        "{name}.py: stderr differs"
    );

    let pyc =
        std::env::temp_dir().join(format!("krait-setorder-{}-{name}.pyc", std::process::id()));
    let status = run(Command::new("python3")
        .args([
            "-c",
            "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[1], doraise=True)",
        ])
        .arg(&src)
        .arg(&pyc))
    .status;
    assert!(status.success(), "python3 could not compile {name}");
    // CPython loading a .pyc rebuilds frozenset constants from marshal's order,
    // which can differ from the compiler's: compare with `python3 FILE.pyc`.
    let expected = run(Command::new("python3").arg(&pyc));
    let got = run(Command::new(env!("CARGO_BIN_EXE_krait")).arg(&pyc));
    let _ = std::fs::remove_file(&pyc);
    assert_eq!(
        text(&got.stdout),
        text(&expected.stdout),
        "{name}.pyc: stdout differs"
    );
}

#[test]
fn ints() {
    check("ints");
}

#[test]
fn strs_floats_tuples_mixed() {
    check("strs");
}

#[test]
fn operations() {
    check("ops");
}

#[test]
fn mutation_during_iteration_and_eq() {
    check("mutate");
}
