//! The error type of VM operations. A [`PyErr`] is a raised exception: either
//! lazily described (a builtin class as an [`ExcKind`] plus the message CPython
//! would give, materialized into an exception object only when Python code
//! looks at it, like CPython's unnormalized exceptions), or an exception object
//! (`exc`) raised by Python code or already materialized.

use crate::object::ObjRef;
use crate::value::Value;

macro_rules! exc_kinds {
    ($( $(#[doc = $doc:literal])* $name:ident : $base:ident ),* $(,)?) => {
        /// The builtin exception classes (CPython's `PyExc_*`), in hierarchy order
        /// (every class after its base).
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[repr(u8)]
        pub enum ExcKind {
            $( $(#[doc = $doc])* $name, )*
        }

        /// Every builtin exception class: its name and its base's kind (the root
        /// `BaseException` names itself).
        pub const EXC_TABLE: &[(ExcKind, &str, ExcKind)] = &[
            $( (ExcKind::$name, stringify!($name), ExcKind::$base), )*
        ];
    };
}

exc_kinds! {
    /// `BaseException`.
    BaseException: BaseException,
    /// `SystemExit`.
    SystemExit: BaseException,
    /// `KeyboardInterrupt`.
    KeyboardInterrupt: BaseException,
    /// `GeneratorExit`.
    GeneratorExit: BaseException,
    /// `Exception`.
    Exception: BaseException,
    /// `StopIteration`.
    StopIteration: Exception,
    /// `StopAsyncIteration`.
    StopAsyncIteration: Exception,
    /// `ArithmeticError`.
    ArithmeticError: Exception,
    /// `FloatingPointError`.
    FloatingPointError: ArithmeticError,
    /// `OverflowError`.
    OverflowError: ArithmeticError,
    /// `ZeroDivisionError`.
    ZeroDivisionError: ArithmeticError,
    /// `AssertionError`.
    AssertionError: Exception,
    /// `AttributeError`.
    AttributeError: Exception,
    /// `BufferError`.
    BufferError: Exception,
    /// `EOFError`.
    EOFError: Exception,
    /// `ImportError`.
    ImportError: Exception,
    /// `ModuleNotFoundError`.
    ModuleNotFoundError: ImportError,
    /// `LookupError`.
    LookupError: Exception,
    /// `IndexError`.
    IndexError: LookupError,
    /// `KeyError` (its argument is the missing key).
    KeyError: LookupError,
    /// `MemoryError`.
    MemoryError: Exception,
    /// `NameError`.
    NameError: Exception,
    /// `UnboundLocalError`.
    UnboundLocalError: NameError,
    /// `OSError`.
    OSError: Exception,
    /// `BlockingIOError`.
    BlockingIOError: OSError,
    /// `ChildProcessError`.
    ChildProcessError: OSError,
    /// `ConnectionError`.
    ConnectionError: OSError,
    /// `BrokenPipeError`.
    BrokenPipeError: ConnectionError,
    /// `ConnectionAbortedError`.
    ConnectionAbortedError: ConnectionError,
    /// `ConnectionRefusedError`.
    ConnectionRefusedError: ConnectionError,
    /// `ConnectionResetError`.
    ConnectionResetError: ConnectionError,
    /// `FileExistsError`.
    FileExistsError: OSError,
    /// `FileNotFoundError`.
    FileNotFoundError: OSError,
    /// `InterruptedError`.
    InterruptedError: OSError,
    /// `IsADirectoryError`.
    IsADirectoryError: OSError,
    /// `NotADirectoryError`.
    NotADirectoryError: OSError,
    /// `PermissionError`.
    PermissionError: OSError,
    /// `ProcessLookupError`.
    ProcessLookupError: OSError,
    /// `TimeoutError`.
    TimeoutError: OSError,
    /// `ReferenceError`.
    ReferenceError: Exception,
    /// `RuntimeError` (e.g. "dictionary changed size during iteration").
    RuntimeError: Exception,
    /// `NotImplementedError`.
    NotImplementedError: RuntimeError,
    /// `RecursionError`.
    RecursionError: RuntimeError,
    /// `SyntaxError`.
    SyntaxError: Exception,
    /// `SystemError`.
    SystemError: Exception,
    /// `TypeError`.
    TypeError: Exception,
    /// `ValueError`.
    ValueError: Exception,
    /// `UnicodeError`.
    UnicodeError: ValueError,
    /// `UnicodeDecodeError`.
    UnicodeDecodeError: UnicodeError,
    /// `UnicodeEncodeError`.
    UnicodeEncodeError: UnicodeError,
    /// `UnicodeTranslateError`.
    UnicodeTranslateError: UnicodeError,
    /// `Warning`.
    Warning: Exception,
    /// `DeprecationWarning`.
    DeprecationWarning: Warning,
    /// `RuntimeWarning`.
    RuntimeWarning: Warning,
    /// `UserWarning`.
    UserWarning: Warning,
    /// `PendingDeprecationWarning`.
    PendingDeprecationWarning: Warning,
    /// `SyntaxWarning`.
    SyntaxWarning: Warning,
    /// `FutureWarning`.
    FutureWarning: Warning,
    /// `ImportWarning`.
    ImportWarning: Warning,
    /// `UnicodeWarning`.
    UnicodeWarning: Warning,
    /// `BytesWarning`.
    BytesWarning: Warning,
    /// `ResourceWarning`.
    ResourceWarning: Warning,
    /// `EncodingWarning`.
    EncodingWarning: Warning,
}

/// A raised exception: its class, message and (for `KeyError`) argument, or the
/// exception object itself.
#[derive(Clone, Debug)]
pub struct PyErr {
    /// The exception class (for an object of a user class: its nearest builtin
    /// base's kind, or `Exception`).
    pub kind: ExcKind,
    /// `str(exc)` as CPython prints it (for `KeyError`, see `arg`; empty when
    /// `exc` is set).
    pub msg: String,
    /// The single argument when it isn't a string (`KeyError(key)`).
    pub arg: Option<Value>,
    /// The exception object, once there is one.
    pub exc: Option<ObjRef>,
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
            exc: None,
        }
    }

    /// An exception of class `kind` with no arguments (`raise StopIteration`).
    #[cold]
    pub fn bare(kind: ExcKind) -> PyErr {
        PyErr::new(kind, "")
    }

    /// An exception raised as an object (`raise exc`).
    #[cold]
    pub fn from_object(kind: ExcKind, exc: ObjRef) -> PyErr {
        PyErr {
            kind,
            msg: String::new(),
            arg: None,
            exc: Some(exc),
        }
    }

    /// `TypeError(msg)`.
    #[cold]
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }

    /// `ValueError(msg)`.
    #[cold]
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
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
            exc: None,
        }
    }

    /// Whether this is (lazily) a `kind` exactly, without materializing it.
    pub fn is_kind(&self, kind: ExcKind) -> bool {
        self.kind == kind
    }
}
