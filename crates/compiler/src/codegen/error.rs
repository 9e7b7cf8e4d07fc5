//! What compilation can fail with: CPython's `SyntaxError`s raised by the symbol
//! table or by `compile.c` (with `compiler_error`'s positions), its
//! `RecursionError` for too-deep nesting, and `SystemError`s for malformed ASTs.

use std::fmt;

use syntax::{SyntaxError, SyntaxErrorType};

use crate::symtable::SymtableError;

/// A compilation failure, as the Python exception CPython raises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    /// A `SyntaxError` (from the parser, the future scan, the symbol table or the
    /// code generator). Offsets are 1-based UTF-8 byte columns as `compiler_error`
    /// reports them; `text` is left to the driver, as in [`SymtableError`].
    Syntax(SyntaxError),
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Recursion,
    /// `SystemError`: an AST the code generator cannot handle (CPython raises it for
    /// hand-built ASTs), or a construct not compiled yet.
    System(String),
}

impl CompileError {
    /// The message, as `str()` of the Python exception shows it.
    pub fn message(&self) -> &str {
        match self {
            CompileError::Syntax(e) => &e.msg,
            CompileError::Recursion => "maximum recursion depth exceeded during compilation",
            CompileError::System(m) => m,
        }
    }

    /// The Python exception class name.
    pub fn type_name(&self) -> &'static str {
        match self {
            CompileError::Syntax(e) => e.error_type.name(),
            CompileError::Recursion => "RecursionError",
            CompileError::System(_) => "SystemError",
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax(e) => write!(f, "{e}"),
            other => write!(f, "{}: {}", other.type_name(), other.message()),
        }
    }
}

impl std::error::Error for CompileError {}

impl From<SyntaxError> for CompileError {
    fn from(e: SyntaxError) -> Self {
        CompileError::Syntax(e)
    }
}

impl From<SymtableError> for CompileError {
    fn from(e: SymtableError) -> Self {
        match e {
            SymtableError::Syntax(s) => CompileError::Syntax(s),
            SymtableError::Recursion => CompileError::Recursion,
            SymtableError::Runtime(m) => CompileError::System(m),
        }
    }
}

/// A `SyntaxError` at a code-generator location (`compiler_error`): 1-based
/// offsets, end position included.
pub(crate) fn syntax_error(
    filename: &str,
    msg: String,
    loc: crate::assemble::Location,
) -> CompileError {
    CompileError::Syntax(SyntaxError {
        error_type: SyntaxErrorType::SyntaxError,
        msg,
        filename: filename.to_owned(),
        lineno: Some(loc.lineno),
        offset: Some(loc.col_offset + 1),
        end_lineno: Some(loc.end_lineno),
        end_offset: Some(loc.end_col_offset + 1),
        text: None,
    })
}
