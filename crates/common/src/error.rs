//! The error the text and number library reports: the CPython exception type it
//! stands for and its exact message. The VM turns it into a Python exception.

use std::fmt;

/// Which CPython built-in exception an operation raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExcKind {
    /// `ValueError` (bad format spec, unparsable number, ...).
    ValueError,
    /// `TypeError` (wrong argument type for a `%` conversion, ...).
    TypeError,
    /// `OverflowError` (`%c` out of range, int too large for float, ...).
    OverflowError,
    /// `KeyError` (a `%(name)s` mapping key that is missing).
    KeyError,
    /// `IndexError` (a `str.format` positional index out of range).
    IndexError,
    /// `MemoryError` (a result too large to build).
    MemoryError,
}

impl ExcKind {
    /// The exception's Python name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ValueError => "ValueError",
            ExcKind::TypeError => "TypeError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::KeyError => "KeyError",
            ExcKind::IndexError => "IndexError",
            ExcKind::MemoryError => "MemoryError",
        }
    }
}

/// An exception to raise: its type and CPython's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    /// The exception type.
    pub kind: ExcKind,
    /// The message, character for character as CPython 3.11 words it.
    pub message: String,
}

impl TextError {
    /// A `ValueError` with `message`.
    #[cold]
    pub fn value(message: impl Into<String>) -> TextError {
        TextError {
            kind: ExcKind::ValueError,
            message: message.into(),
        }
    }

    /// A `TypeError` with `message`.
    #[cold]
    pub fn type_error(message: impl Into<String>) -> TextError {
        TextError {
            kind: ExcKind::TypeError,
            message: message.into(),
        }
    }

    /// An `OverflowError` with `message`.
    #[cold]
    pub fn overflow(message: impl Into<String>) -> TextError {
        TextError {
            kind: ExcKind::OverflowError,
            message: message.into(),
        }
    }

    /// An error of any `kind` with `message`.
    #[cold]
    pub fn new(kind: ExcKind, message: impl Into<String>) -> TextError {
        TextError {
            kind,
            message: message.into(),
        }
    }
}

/// Shown as CPython prints an exception's last traceback line: `ValueError: msg`.
impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for TextError {}

/// Checks that `bytes` bytes could be allocated (CPython raises a bare MemoryError for
/// results too large to build, e.g. `'a'.ljust(10**18)`); the probe is freed at once.
pub fn check_alloc(bytes: usize) -> TextResult<()> {
    let mut probe: Vec<u8> = Vec::new();
    probe
        .try_reserve_exact(bytes)
        .map_err(|_| TextError::new(ExcKind::MemoryError, ""))
}

/// Result of a text-library operation.
pub type TextResult<T> = Result<T, TextError>;
