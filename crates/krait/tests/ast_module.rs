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
