//! Differential test of the code generator against python3 (CPython 3.11): every
//! snippet in `tests/fixtures/codegen/*.py` (one file, snippets separated by lines
//! `#### name`), plus an even spread of stdlib modules, is compiled by Krait and
//! disassembled with `compiler::dis`, and must print exactly what `python3 -m dis`
//! prints (`tests/scripts/dis_oracle.py`, code object addresses masked), or fail with
//! the same error message and position.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What python3 prints for each (name, source).
fn oracle(items: &[(String, String)]) -> Vec<String> {
    let mut child = Command::new("python3")
        .arg(repo_root().join("tests/scripts/dis_oracle.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 must be installed to run this test");
    let mut input = Vec::new();
    for (name, src) in items {
        input.extend_from_slice(name.as_bytes());
        input.push(0);
        input.extend_from_slice(src.as_bytes());
        input.push(0);
    }
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "oracle failed");
    String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .map(str::to_owned)
        .collect()
}

/// Mask `at 0x...` addresses as the oracle does.
fn mask(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        out.push_str(" at 0x?");
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// What Krait gives, in the oracle's format.
fn krait(name: &str, src: &str) -> String {
    let (flags, name) = match name.strip_prefix('F').and_then(|n| n.split_once(':')) {
        Some((hex, n)) => (u32::from_str_radix(hex, 16).unwrap(), n),
        None => (0, name),
    };
    let (mode, name) = if let Some(n) = name.strip_prefix("single:") {
        (syntax::Mode::Single, n)
    } else if let Some(n) = name.strip_prefix("eval:") {
        (syntax::Mode::Eval, n)
    } else {
        (syntax::Mode::Exec, name)
    };
    let (optimize, name) = if let Some(n) = name.strip_prefix("O1:") {
        (1, n)
    } else if let Some(n) = name.strip_prefix("O2:") {
        (2, n)
    } else {
        (0, name)
    };
    let options = compiler::CompileOptions { optimize, flags };
    match compiler::compile_with_options(src.as_bytes(), name, mode, options) {
        Ok((code, _)) => {
            let mut out = String::new();
            compiler::dis::dis_module(&mut out, &code);
            mask(&out)
        }
        Err(compiler::CompileError::Syntax(e)) => format!(
            "ERROR {}: {} ({}, {}, {}, {})",
            e.error_type.name(),
            e.msg,
            opt(e.lineno),
            opt(e.offset),
            opt(e.end_lineno),
            opt(e.end_offset)
        ),
        Err(e) => format!("ERROR {}: {}", e.type_name(), e.message()),
    }
}

fn opt(x: Option<i32>) -> String {
    x.map_or("None".to_owned(), |v| v.to_string())
}

/// The snippets of a fixture file, split at `#### name` lines.
fn snippets(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("#### ") {
            out.push((name.trim().to_owned(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
        }
    }
    out
}

fn check(items: Vec<(String, String)>) {
    let want = oracle(&items);
    assert_eq!(want.len(), items.len());
    let mut failures = Vec::new();
    for ((name, src), want) in items.iter().zip(&want) {
        let got = krait(name, src);
        if &got != want {
            let first = got
                .lines()
                .zip(want.lines())
                .find(|(g, w)| g != w)
                .map(|(g, w)| format!("    krait:   {g}\n    cpython: {w}"))
                .unwrap_or_else(|| "    (one output is a prefix of the other)".to_owned());
            failures.push(format!("{name}:\n{first}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        items.len(),
        failures.join("\n")
    );
}

#[test]
fn snippets_match_cpython() {
    let dir = repo_root().join("crates/compiler/tests/fixtures/codegen");
    let mut items = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    for p in paths {
        items.extend(snippets(&std::fs::read_to_string(&p).unwrap()));
    }
    assert!(items.len() > 20, "fixtures missing");
    check(items);
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
    check(items);
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
