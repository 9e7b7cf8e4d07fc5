//! Shared by the program-directory tests (`vm_run.rs`, `stdmods.rs`): each
//! `DIR/NAME.py` is compiled to a `.pyc` by `python3` and run by `krait FILE.pyc`,
//! and run from source by `krait FILE.py` (Krait's compiler); both must give the
//! same stdout, stderr and exit status as `python3 FILE.py`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `crates/krait/tests/<dir>`.
pub fn programs_dir(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir)
}

/// Compiles `src` with CPython into `out` (the code's filename is the absolute
/// source path, as when CPython runs the script).
fn compile(src: &Path, out: &Path) {
    let status = Command::new("python3")
        .args([
            "-c",
            "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[1], doraise=True)",
        ])
        .arg(src)
        .arg(out)
        .status()
        .expect("python3 must be installed to run the VM tests");
    assert!(
        status.success(),
        "python3 could not compile {}",
        src.display()
    );
}

fn run(cmd: &mut Command, dir: &Path) -> Output {
    cmd.current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("process runs")
}

fn assert_same(what: &str, got: &Output, expected: &Output) {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    assert_eq!(
        text(&got.stdout),
        text(&expected.stdout),
        "{what}: stdout differs"
    );
    assert_eq!(
        text(&got.stderr),
        text(&expected.stderr),
        "{what}: stderr differs"
    );
    assert_eq!(
        got.status.code(),
        expected.status.code(),
        "{what}: exit status differs"
    );
}

/// Runs `dir/name.py` under python3, and under krait from CPython's `.pyc` and
/// from source, comparing all three.
pub fn check(dir: &str, name: &str) {
    let dir = programs_dir(dir);
    let src = dir.join(format!("{name}.py"));
    let tmp = std::env::temp_dir().join(format!("krait-prog-{}-{name}.pyc", std::process::id()));
    compile(&src, &tmp);
    let expected = run(Command::new("python3").arg(&src), &dir);
    let from_pyc = run(Command::new(env!("CARGO_BIN_EXE_krait")).arg(&tmp), &dir);
    let _ = std::fs::remove_file(&tmp);
    assert_same(&format!("{name}.pyc"), &from_pyc, &expected);
    let from_source = run(Command::new(env!("CARGO_BIN_EXE_krait")).arg(&src), &dir);
    assert_same(&format!("{name}.py"), &from_source, &expected);
}

/// One test per program of `dir`, plus a test that every program is listed.
#[macro_export]
macro_rules! program_tests {
    ($dir:literal: $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                support::check($dir, stringify!($name));
            }
        )*

        #[test]
        fn every_program_has_a_test() {
            let mut listed = vec![$(stringify!($name)),*];
            listed.sort_unstable();
            let mut found: Vec<String> = std::fs::read_dir(support::programs_dir($dir))
                .expect("the program directory exists")
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".py"))
                        .map(str::to_owned)
                })
                .collect();
            found.sort_unstable();
            assert_eq!(found, listed);
        }
    };
}
