//! The generated Unicode tables are exactly what their generator prints today (so a
//! hand edit, or a stale table, fails here).

use std::path::Path;
use std::process::Command;

#[test]
fn unicode_tables_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("../../tests/scripts/gen_unicode_tables.py");
    let out = Command::new("python3")
        .arg(&script)
        .output()
        .expect("python3 is required for this test (CPython 3.11 is the oracle)");
    assert!(
        out.status.success(),
        "generator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let generated = String::from_utf8(out.stdout).expect("utf-8");
    let stored = std::fs::read_to_string(root.join("src/unicode_tables.rs")).expect("table file");
    assert!(
        generated == stored,
        "src/unicode_tables.rs is stale: run python3 tests/scripts/gen_unicode_tables.py > crates/common/src/unicode_tables.rs"
    );
}
