//! Builtin types' methods in the VM: every program in `tests/vm_types/` is
//! compiled to a `.pyc` by `python3`, run by `krait` and by `python3`, and the two
//! runs must agree on stdout, stderr and exit code. The programs print method
//! results and the `repr` of caught exceptions (type and CPython's message).

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("the program runs");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code(),
    }
}

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vm_types");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vm_types exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

/// Compares krait with python3 on one program; returns a description of the
/// difference, if any, and the number of output lines compared.
fn compare(py: &Path, tmp: &Path) -> (Option<String>, usize) {
    let stem = py.file_stem().and_then(|s| s.to_str()).unwrap_or("prog");
    let pyc = tmp.join(format!("{stem}.pyc"));
    let compiled = Command::new("python3")
        .args([
            "-c",
            "import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
        ])
        .arg(py)
        .arg(&pyc)
        .status()
        .expect("python3 is installed (the oracle)");
    assert!(
        compiled.success(),
        "python3 failed to compile {}",
        py.display()
    );
    let want = run(Command::new("python3").arg(py).current_dir(tmp));
    let got = run(Command::new(env!("CARGO_BIN_EXE_krait"))
        .arg(&pyc)
        .current_dir(tmp));
    let lines = want.stdout.lines().count();
    if want.stdout == got.stdout && want.stderr == got.stderr && want.code == got.code {
        return (None, lines);
    }
    let mut diff = format!("{}: ", py.display());
    if want.code != got.code {
        diff += &format!("exit code python3 {:?} krait {:?}; ", want.code, got.code);
    }
    for (i, (w, g)) in want.stdout.lines().zip(got.stdout.lines()).enumerate() {
        if w != g {
            diff += &format!(
                "\n  line {}: python3 {w:?}\n           krait   {g:?}",
                i + 1
            );
        }
    }
    if want.stdout.lines().count() != got.stdout.lines().count() {
        diff += &format!(
            "\n  stdout lines: python3 {} krait {}",
            want.stdout.lines().count(),
            got.stdout.lines().count()
        );
    }
    if want.stderr != got.stderr {
        diff += &format!(
            "\n  stderr python3 {:?}\n  stderr krait {:?}",
            want.stderr, got.stderr
        );
    }
    (Some(diff), lines)
}

#[test]
fn builtin_type_methods_match_cpython() {
    let tmp = std::env::temp_dir().join(format!("krait-vm-types-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let progs = programs();
    assert!(!progs.is_empty(), "no test programs found");
    let mut failures = Vec::new();
    let mut total = 0;
    for p in &progs {
        let (d, n) = compare(p, &tmp);
        total += n;
        failures.extend(d);
    }
    let _ = std::fs::remove_dir_all(&tmp);
    eprintln!(
        "vm_types: {} programs, {total} output lines compared",
        progs.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from python3:\n{}",
        failures.len(),
        progs.len(),
        failures.join("\n")
    );
}
