//! Differential test of the code generator against python3 (CPython 3.11): every
//! snippet in `tests/fixtures/codegen/*.py` (one file, snippets separated by lines
//! `#### name`), plus an even spread of stdlib modules, is compiled by Krait and
//! disassembled with `compiler::dis`, and must print exactly what `python3 -m dis`
//! prints (`tests/scripts/dis_oracle.py`, code object addresses masked), or fail with
//! the same error message and position.

use std::path::PathBuf;
use std::process::Command;

#[path = "support/dis_oracle.rs"]
mod dis_oracle;
use dis_oracle::{check, fixture_snippets, repo_root};

#[test]
fn snippets_match_cpython() {
    let items = fixture_snippets(&repo_root().join("crates/compiler/tests/fixtures/codegen"));
    assert!(items.len() > 20, "fixtures missing");
    check(items, false);
}

/// A program compiled by Krait into a `.pyc` runs under python3 exactly like its
/// source (`krait --compile`'s promise).
#[test]
fn compiled_pyc_runs_like_source() {
    let dir = repo_root().join("crates/compiler/tests/fixtures/codegen_run");
    let tmp = std::env::temp_dir().join(format!("krait-codegen-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let src = std::fs::read(&path).unwrap();
        let name = path.to_string_lossy().into_owned();
        let code = compiler::compile(&src, &name, syntax::Mode::Exec, 0).unwrap();
        let pyc = compiler::pyc::write(&compiler::pyc::Pyc {
            validation: compiler::pyc::Validation::Timestamp {
                mtime: 0,
                source_size: 0,
            },
            code,
        });
        let out = tmp.join("prog.pyc");
        std::fs::write(&out, pyc).unwrap();
        let run = |p: &std::path::Path| Command::new("python3").arg(p).output().unwrap();
        let got = run(&out);
        let want = run(&path);
        assert_eq!(
            String::from_utf8_lossy(&got.stdout),
            String::from_utf8_lossy(&want.stdout),
            "{name}: stdout differs"
        );
        assert_eq!(got.status.code(), want.status.code(), "{name}: exit status");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// An even spread of the stdlib modules Krait compiles exactly (those without
/// `try`/`with`/`match`, which another part of the code generator writes).
#[test]
fn stdlib_subset_matches_cpython() {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .expect("python3 must be installed to run this test");
    let base = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut items = Vec::new();
    for rel in STDLIB_FILES {
        let path = base.join(rel);
        let src = std::fs::read_to_string(&path).unwrap();
        items.push((path.to_string_lossy().into_owned(), src));
    }
    check(items, false);
}

const STDLIB_FILES: &[&str] = &[
    "__future__.py",
    "sre_compile.py",
    "asyncio/base_tasks.py",
    "ctypes/macholib/__init__.py",
    "distutils/versionpredicate.py",
    "encodings/cp1258.py",
    "encodings/hz.py",
    "idlelib/idle.py",
    "importlib/_abc.py",
    "json/__init__.py",
    "lib2to3/fixes/fix_dict.py",
    "lib2to3/fixes/fix_input.py",
    "lib2to3/fixes/fix_numliterals.py",
    "lib2to3/fixes/fix_throw.py",
    "pydoc_data/topics.py",
    "tomllib/_types.py",
];
