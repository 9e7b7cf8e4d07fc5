//! Annotations as strings under `from __future__ import annotations`
//! (`_PyAST_ExprAsUnicode`, CPython's `ast_unparse.c`).

use syntax::ast::Expr;

/// The source text CPython's unparser gives `e`.
/// TODO: not written yet; returns an empty string.
pub(crate) fn unparse(_e: &Expr) -> String {
    String::new()
}
