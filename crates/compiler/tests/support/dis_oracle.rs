//! The `python3 -m dis` oracle shared by the code generator's differential tests
//! (`codegen_diff.rs`, `cgexc_diff.rs`): snippets are sent to
//! `tests/scripts/dis_oracle.py` and Krait's `compiler::dis` output is compared
//! with what it prints (addresses masked), or the error type, message and position.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every snippet of the `*.py` fixture files in `dir` (sorted by file name).
pub fn fixture_snippets(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture directory")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let mut items = Vec::new();
    for p in paths {
        items.extend(snippets(
            &std::fs::read_to_string(&p).expect("fixture file"),
        ));
    }
    items
}

/// What python3 prints for each (name, source).
pub fn oracle(items: &[(String, String)]) -> Vec<String> {
    let mut child = Command::new("python3")
        // Frozenset constants iterate in hash order: fix the str hashes as Krait does.
        .env("PYTHONHASHSEED", "0")
        .arg(repo_root().join("tests/scripts/dis_oracle.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 (CPython 3.11) must be installed to run this test");
    let mut input = Vec::new();
    for (name, src) in items {
        input.extend_from_slice(name.as_bytes());
        input.push(0);
        input.extend_from_slice(src.as_bytes());
        input.push(0);
    }
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&input)
        .expect("write to python3");
    let out = child.wait_with_output().expect("python3 output");
    assert!(out.status.success(), "the dis oracle failed");
    String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .map(str::to_owned)
        .collect()
}

/// Mask `at 0x...` addresses as the oracle does (` at 0x` and at least one hex
/// digit).
pub fn mask(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(" at 0x") {
        let after = &rest[i + 6..];
        let digits = after.trim_start_matches(|c: char| c.is_ascii_hexdigit());
        out.push_str(&rest[..i]);
        if digits.len() == after.len() {
            // No hex digit: not an address (the oracle's regex needs one).
            out.push_str(" at 0x");
        } else {
            out.push_str(" at 0x?");
        }
        rest = digits;
    }
    out.push_str(rest);
    out
}

/// What Krait gives, in the oracle's format. A name may start with `F<hex>:`
/// (compile() flags), `single:`/`eval:` (mode) and `O1:`/`O2:` (optimize level).
pub fn krait(name: &str, src: &str) -> String {
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
pub fn snippets(text: &str) -> Vec<(String, String)> {
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

/// Compare every item with the oracle; report all differences at once. With
/// `err_names`, snippets named `err_*` must fail and all others must compile.
pub fn check(items: Vec<(String, String)>, err_names: bool) {
    let want = oracle(&items);
    assert_eq!(want.len(), items.len(), "oracle answered a different count");
    let mut failures = Vec::new();
    for ((name, src), want) in items.iter().zip(&want) {
        let base = name.rsplit(['/', ':']).next().unwrap_or(name);
        if err_names && base.starts_with("err_") != want.starts_with("ERROR") {
            failures.push(format!("{name}: python3 says {want:.200}"));
            continue;
        }
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
