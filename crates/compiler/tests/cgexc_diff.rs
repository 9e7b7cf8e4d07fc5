//! Differential test of the code generated for `try`/`except`/`finally`,
//! `except*`, `with`/`async with` and `match` against python3 (CPython 3.11.7, the
//! oracle). Every snippet of `tests/fixtures/cgexc/*.py` (snippets separated by
//! lines `#### name`) is compiled by Krait and disassembled with `compiler::dis`,
//! and must print exactly what `python3 -m dis` prints (`tests/scripts/dis_oracle.py`,
//! code object addresses masked), or fail with the same error message and position.
//! Snippets named `err_*` must fail, all others must compile. Stdlib modules heavy
//! in these statements are compared whole. A missing python3 fails the test.

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
fn mask(s: &str) -> String {
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

/// What Krait gives, in the oracle's format. A name `F<hex>:name` compiles with
/// those `compile()` flags (as the oracle does).
fn krait(name: &str, src: &str) -> String {
    let (flags, name) = match name.strip_prefix('F').and_then(|n| n.split_once(':')) {
        Some((hex, n)) => (u32::from_str_radix(hex, 16).expect("hex flags"), n),
        None => (0, name),
    };
    let options = compiler::CompileOptions { optimize: 0, flags };
    match compiler::compile_with_options(src.as_bytes(), name, syntax::Mode::Exec, options) {
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

/// Compare every item with the oracle; report all differences at once.
fn check(items: Vec<(String, String)>) {
    let want = oracle(&items);
    assert_eq!(want.len(), items.len(), "oracle answered a different count");
    let mut failures = Vec::new();
    for ((name, src), want) in items.iter().zip(&want) {
        let base = name.rsplit(['/', ':']).next().unwrap_or(name);
        if base.starts_with("err_") != want.starts_with("ERROR") {
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

#[test]
fn try_with_match_snippets_match_cpython() {
    let dir = repo_root().join("crates/compiler/tests/fixtures/cgexc");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/cgexc")
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
    assert!(items.len() > 60, "fixtures missing");
    check(items);
}

/// Stdlib modules heavy in `try`, `except*`, `with` and `match` (the pattern-matching
/// and exception-group test suites among them), compared whole.
#[test]
fn stdlib_try_with_match_modules_match_cpython() {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .expect("python3 (CPython 3.11) must be installed to run this test");
    let base = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut items = Vec::new();
    for rel in STDLIB_FILES {
        let path = base.join(rel);
        let src = std::fs::read_to_string(&path).expect("stdlib file");
        items.push((path.to_string_lossy().into_owned(), src));
    }
    check(items);
}

const STDLIB_FILES: &[&str] = &[
    "test/test_patma.py",
    "test/test_except_star.py",
    "test/test_exception_variations.py",
    "test/test_asyncio/test_taskgroups.py",
    "test/test_asyncio/test_timeouts.py",
    "test/test_coroutines.py",
    "test/test_asyncgen.py",
    "test/test_contextlib.py",
    "test/test_contextlib_async.py",
    "test/test_with.py",
    "test/test_raise.py",
    "test/test_lzma.py",
    "contextlib.py",
    "asyncio/locks.py",
    "asyncio/taskgroups.py",
    "asyncio/timeouts.py",
    "dataclasses.py",
];

/// Generated sources at the limits: 20 and 21 nested `with` items (`CO_MAXBLOCKS`),
/// star-unpacking past 256 items, hundreds of handlers, sub-patterns and
/// or-alternatives binding the same names in rotated orders.
#[test]
fn generated_limits_match_cpython() {
    let names =
        |n: usize, f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(", ");
    let mut items = Vec::new();
    for n in [20, 21] {
        let src = format!("with {}:\n    pass\n", names(n, &|i| format!("a{i}")));
        let kind = if n > 20 { "err_" } else { "" };
        items.push((format!("{kind}with_items_{n}"), src));
    }
    items.push((
        "err_star_after_300".to_owned(),
        format!(
            "match x:\n    case [{}, *r]:\n        pass\n",
            names(300, &|i| format!("a{i}"))
        ),
    ));
    items.push((
        "star_before_300".to_owned(),
        format!(
            "match x:\n    case [*r, {}]:\n        pass\n",
            names(300, &|i| format!("a{i}"))
        ),
    ));
    let alts = (0..30)
        .map(|i| format!("[{}]", names(30, &|j| format!("n{}", (i + j) % 30))))
        .collect::<Vec<_>>()
        .join(" | ");
    items.push((
        "or_rotations".to_owned(),
        format!("def f(x):\n    match x:\n        case {alts}:\n            pass\n"),
    ));
    items.push((
        "class_300".to_owned(),
        format!(
            "match x:\n    case C({}):\n        pass\n",
            names(300, &|i| format!("k{i}=a{i}"))
        ),
    ));
    items.push((
        "mapping_300".to_owned(),
        format!(
            "match x:\n    case {{{}, **r}}:\n        pass\n",
            names(300, &|i| format!("{i}: a{i}"))
        ),
    ));
    let handlers: String = (0..500)
        .map(|i| format!("except E{i} as e:\n    pass\n"))
        .collect();
    items.push((
        "handlers_500".to_owned(),
        format!("try:\n    pass\n{handlers}"),
    ));
    let star_handlers: String = (0..200)
        .map(|i| format!("except* E{i} as e:\n    pass\n"))
        .collect();
    items.push((
        "star_handlers_200".to_owned(),
        format!("try:\n    pass\n{star_handlers}"),
    ));
    check(items);
}

/// Programs using these statements, compiled by Krait into `.pyc` files, run
/// under python3 exactly like their source (exception tables, unwinding,
/// `__exit__` calls, pattern captures).
#[test]
fn compiled_programs_run_like_source() {
    let dir = repo_root().join("crates/compiler/tests/fixtures/cgexc_run");
    let tmp = std::env::temp_dir().join(format!("krait-cgexc-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/cgexc_run")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "fixtures missing");
    for path in paths {
        let src = std::fs::read(&path).expect("fixture");
        let name = path.to_string_lossy().into_owned();
        let code = compiler::compile(&src, &name, syntax::Mode::Exec, 0)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let pyc = compiler::pyc::write(&compiler::pyc::Pyc {
            validation: compiler::pyc::Validation::Timestamp {
                mtime: 0,
                source_size: 0,
            },
            code,
        });
        let out = tmp.join("prog.pyc");
        std::fs::write(&out, pyc).expect("write pyc");
        let run = |p: &std::path::Path| {
            Command::new("python3")
                .arg(p)
                .output()
                .expect("python3 (CPython 3.11) must be installed to run this test")
        };
        let got = run(&out);
        let want = run(&path);
        assert!(want.status.success(), "{name}: the fixture itself fails");
        assert_eq!(
            String::from_utf8_lossy(&got.stdout),
            String::from_utf8_lossy(&want.stdout),
            "{name}: stdout differs"
        );
        assert_eq!(got.status.code(), want.status.code(), "{name}: exit status");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
