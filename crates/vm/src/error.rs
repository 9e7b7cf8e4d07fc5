//! The error type of VM operations. A placeholder until exceptions are objects: it
//! carries the exception class (as a kind) and the message CPython would give, so
//! that callers already propagate errors with `?` and tests can check messages.

use crate::value::Value;

/// The builtin exception classes the object core raises.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExcKind {
    /// `TypeError`.
    TypeError,
    /// `ValueError`.
    ValueError,
    /// `KeyError` (its argument is the missing key).
    KeyError,
    /// `RuntimeError` (e.g. "dictionary changed size during iteration").
    RuntimeError,
    /// `ZeroDivisionError`.
    ZeroDivisionError,
    /// `OverflowError`.
    OverflowError,
    /// `MemoryError`.
    MemoryError,
    /// `RecursionError`.
    RecursionError,
    /// `AttributeError`.
    AttributeError,
}

/// A raised exception: its class, message and (for `KeyError`) argument.
#[derive(Clone, Debug)]
pub struct PyErr {
    /// The exception class.
    pub kind: ExcKind,
    /// `str(exc)` as CPython prints it (for `KeyError`, see `arg`).
    pub msg: String,
    /// The single argument when it isn't a string (`KeyError(key)`).
    pub arg: Option<Value>,
}

/// The result of any operation that can raise.
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// An exception of class `kind` with message `msg`.
    #[cold]
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr {
            kind,
            msg: msg.into(),
            arg: None,
        }
    }

    /// `TypeError(msg)`.
    #[cold]
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }

    /// `RuntimeError(msg)`.
    #[cold]
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::RuntimeError, msg)
    }

    /// `ZeroDivisionError(msg)`.
    #[cold]
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, msg)
    }

    /// `KeyError(key)`, as raised by `d[key]` on a missing key.
    #[cold]
    pub fn key_error(key: Value) -> PyErr {
        PyErr {
            kind: ExcKind::KeyError,
            msg: String::new(),
            arg: Some(key),
        }
    }
}
