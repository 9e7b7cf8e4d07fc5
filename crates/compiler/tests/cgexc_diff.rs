//! Differential test of the code generated for `try`/`except`/`finally`,
//! `except*`, `with`/`async with` and `match` against python3 (CPython 3.11.7, the
//! oracle). Every snippet of `tests/fixtures/cgexc/*.py` (snippets separated by
//! lines `#### name`) is compiled by Krait and disassembled with `compiler::dis`,
//! and must print exactly what `python3 -m dis` prints (`tests/scripts/dis_oracle.py`,
//! code object addresses masked), or fail with the same error message and position.
//! Snippets named `err_*` must fail, all others must compile. Stdlib modules heavy
//! in these statements are compared whole. A missing python3 fails the test.

use std::path::PathBuf;
use std::process::Command;

#[path = "support/dis_oracle.rs"]
mod dis_oracle;
use dis_oracle::{check, fixture_snippets, repo_root};

#[test]
fn try_with_match_snippets_match_cpython() {
    let items = fixture_snippets(&repo_root().join("crates/compiler/tests/fixtures/cgexc"));
    assert!(items.len() > 60, "fixtures missing");
    check(items, true);
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
    check(items, true);
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
    check(items, true);
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
