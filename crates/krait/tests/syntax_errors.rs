//! Snapshot tests of syntax errors: `krait --dump-ast` on each
//! `tests/syntax_errors/NAME.py` must print exactly `NAME.stderr`, which is CPython
//! 3.11's report for the same file (regenerate with `tests/syntax_errors/update.py`),
//! and exit 1; a case CPython accepts (empty snapshot) must exit 0.

use std::path::Path;
use std::process::Command;

#[test]
fn syntax_error_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("tests/syntax_errors");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/syntax_errors exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && n != "update.py")
        .collect();
    names.sort();
    assert!(names.len() > 50, "snapshot cases missing");
    let mut failures = Vec::new();
    for name in &names {
        let rel = format!("tests/syntax_errors/{name}");
        let want =
            std::fs::read_to_string(root.join(rel.replace(".py", ".stderr"))).expect("snapshot");
        let out = Command::new(env!("CARGO_BIN_EXE_krait"))
            .args(["--dump-ast", &rel])
            .current_dir(&root)
            .output()
            .expect("krait runs");
        let got = String::from_utf8_lossy(&out.stderr);
        let want_code = if want.is_empty() { 0 } else { 1 };
        if got != want || out.status.code() != Some(want_code) {
            failures.push(format!(
                "{name}: exit {:?} (want {want_code})\n--- krait\n{got}--- cpython\n{want}",
                out.status.code()
            ));
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} syntax-error snapshots differ:\n\n{}",
            failures.len(),
            names.len(),
            failures.join("\n")
        );
    }
}
