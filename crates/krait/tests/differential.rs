//! The fast subset of the differential tests: `tests/difftest/difftest.py` runs
//! `krait` and `python3` over an even spread of the stdlib and compares (the whole
//! stdlib is `python3 tests/difftest/difftest.py ast --stdlib`).

use std::path::Path;
use std::process::Command;

fn difftest(layer: &str, extra: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new("python3")
        .arg(root.join("tests/difftest/difftest.py"))
        .args([layer, "--krait", env!("CARGO_BIN_EXE_krait")])
        .args(extra)
        .output()
        .expect("python3 runs the harness");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "differential test `{layer}` failed:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn ast_matches_cpython_on_stdlib_subset() {
    difftest("ast", &["--stdlib", "--subset", "150"]);
}
