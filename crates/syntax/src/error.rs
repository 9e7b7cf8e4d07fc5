//! Syntax errors as CPython 3.11 reports them: the exception type, the message, and the
//! position fields of `SyntaxError` (`lineno`, `offset`, `end_lineno`, `end_offset`,
//! `text`).

use std::fmt;

/// Which builtin exception a syntax error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorType {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorType {
    /// The Python name of the exception class.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorType::SyntaxError => "SyntaxError",
            SyntaxErrorType::IndentationError => "IndentationError",
            SyntaxErrorType::TabError => "TabError",
        }
    }
}

/// A `SyntaxError` (or subclass) with CPython's fields. `offset` and `end_offset` are
/// 1-based and count characters (code points) of `text`, as CPython 3.11 reports them;
/// 0 means "no offset" where CPython gives 0, `None` where it gives `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub error_type: SyntaxErrorType,
    pub msg: String,
    pub filename: String,
    pub lineno: Option<u32>,
    pub offset: Option<u32>,
    pub end_lineno: Option<u32>,
    pub end_offset: Option<u32>,
    /// The source line the error is on, with its newline, as CPython stores it.
    pub text: Option<String>,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.error_type.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}
