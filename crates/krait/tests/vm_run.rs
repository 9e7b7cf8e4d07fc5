//! The VM against CPython 3.11: each program in `tests/vm_programs/` is compiled
//! to a `.pyc` by `python3` and run by `krait FILE.pyc`, and also run from
//! source by `krait FILE.py` (Krait's compiler); both must give the same
//! stdout, stderr and exit status as `python3 FILE.py`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vm_programs")
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
    cmd.current_dir(dir).output().expect("process runs")
}

fn check(name: &str) {
    let dir = programs_dir();
    let src = dir.join(format!("{name}.py"));
    let tmp = std::env::temp_dir().join(format!("krait-vm-{}-{name}.pyc", std::process::id()));
    compile(&src, &tmp);
    let expected = run(Command::new("python3").arg(&src), &dir);
    let got = run(Command::new(env!("CARGO_BIN_EXE_krait")).arg(&tmp), &dir);
    let _ = std::fs::remove_file(&tmp);
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

macro_rules! programs {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*

        #[test]
        fn every_program_has_a_test() {
            let mut listed = vec![$(stringify!($name)),*];
            listed.sort_unstable();
            let mut found: Vec<String> = std::fs::read_dir(programs_dir())
                .expect("tests/vm_programs exists")
                .filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".py")).map(str::to_owned))
                .collect();
            found.sort_unstable();
            assert_eq!(found, listed);
        }
    };
}

programs!(
    attr_descriptors,
    basics,
    classes,
    dunder,
    errors,
    exceptions,
    finalizers,
    formatting,
    functions,
    generator_send,
    generators,
    loops,
    misc,
    program,
    radix_dir,
    recursion,
    scopes,
    sysexit,
    uncaught,
    uncaught_chain,
    uncaught_recursion,
    object_args,
    sys_exit_pow,
    iter_oserror,
    int_str_hex_notes,
    generic_union,
);
