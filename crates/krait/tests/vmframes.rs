//! Frame objects, code objects and `compile`/`exec`/`eval` against CPython
//! 3.11: each program in `tests/vmframes/` runs under `python3` and under
//! `krait FILE.py`; stdout, stderr and exit status must be identical.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vmframes")
}

fn run(cmd: &mut Command, dir: &Path) -> Output {
    cmd.current_dir(dir).output().expect("process runs")
}

fn check(name: &str) {
    let dir = programs_dir();
    let src = dir.join(format!("{name}.py"));
    let expected = run(Command::new("python3").arg(&src), &dir);
    let got = run(Command::new(env!("CARGO_BIN_EXE_krait")).arg(&src), &dir);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    assert_eq!(
        text(&got.stdout),
        text(&expected.stdout),
        "{name}: stdout differs"
    );
    assert_eq!(
        text(&got.stderr),
        text(&expected.stderr),
        "{name}: stderr differs"
    );
    assert_eq!(
        got.status.code(),
        expected.status.code(),
        "{name}: exit status differs"
    );
}

/// `sys._getframe`, `f_back` walks, `f_locals` snapshots, tracebacks'
/// `tb_frame`, generator frames, `locals()` in closures.
#[test]
fn frames_walk() {
    check("frames_walk");
}

/// `compile`/`exec`/`eval` namespaces, code object attributes and methods,
/// `SyntaxError` attributes.
#[test]
fn compile_exec() {
    check("compile_exec");
}

/// The example including `co_code.hex()`.
#[test]
fn co_code_example() {
    check("co_code");
}
