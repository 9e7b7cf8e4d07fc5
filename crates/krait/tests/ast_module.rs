//! The `_ast` module and `compile()` to and from AST objects against CPython 3.11:
//! each program in `tests/ast_programs/` is run by python3 and by krait and
//! compared (`support::check`). The programs use `_ast` directly (not `ast.py`),
//! so they exercise the native module alone.

mod support;

program_tests!(
    "ast_programs":
    ast_classes,
    ast_parse_dump,
    ast_compile_tree,
    ast_deep,
);

/// `tests/difftest/ast_objects.py` over an even spread of the stdlib: every file's
/// tree (as `ast.dump(..., include_attributes=True)` prints it) is CPython's, and
/// `compile(tree)` gives the same code objects as `compile(source)` (the whole
/// stdlib: `python3 tests/difftest/ast_objects.py --krait target/debug/krait --stdlib`).
#[test]
fn ast_objects_match_cpython_on_stdlib_subset() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::process::Command::new("python3")
        .arg(root.join("tests/difftest/ast_objects.py"))
        .args(["--krait", env!("CARGO_BIN_EXE_krait")])
        .args(["--stdlib", "--subset", "40", "-v"])
        .output()
        .expect("python3 runs the harness");
    assert!(
        out.status.success(),
        "ast_objects.py failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
