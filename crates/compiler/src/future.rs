//! `from __future__` statements: CPython 3.11's `Python/future.c`.
//!
//! [`future_from_ast`] scans the leading `from __future__ import …` statements of a
//! module (after an optional docstring) and returns the features they turn on, or
//! the `SyntaxError` CPython raises for an unknown feature, for `braces`, or for a
//! future import following another statement on the same line. A future import on a
//! *later* line than the leading block is the code generator's error; it calls
//! [`late_future_import_error`].

use syntax::ast::{ExprKind, Mod, Stmt, StmtKind};
use syntax::{SyntaxError, SyntaxErrorType};

/// `CO_FUTURE_DIVISION`: code flag of `from __future__ import division` (always on).
pub const CO_FUTURE_DIVISION: u32 = 0x20000;
/// `CO_FUTURE_ABSOLUTE_IMPORT` (always on in Python 3).
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
/// `CO_FUTURE_WITH_STATEMENT` (always on in Python 3).
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x80000;
/// `CO_FUTURE_PRINT_FUNCTION` (always on in Python 3).
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x100000;
/// `CO_FUTURE_UNICODE_LITERALS` (always on in Python 3).
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x200000;
/// `CO_FUTURE_BARRY_AS_BDFL`: `from __future__ import barry_as_FLUFL` (`<>`).
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
/// `CO_FUTURE_GENERATOR_STOP` (always on in 3.7+).
pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x800000;
/// `CO_FUTURE_ANNOTATIONS`: `from __future__ import annotations` (PEP 563).
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;

/// The features `__future__` knows in 3.11, with the code flag each one sets when
/// imported (0 for those that are mandatory, so importing them changes nothing).
pub const FEATURES: [(&str, u32); 10] = [
    ("nested_scopes", 0),
    ("generators", 0),
    ("division", 0),
    ("absolute_import", 0),
    ("with_statement", 0),
    ("print_function", 0),
    ("unicode_literals", 0),
    ("barry_as_FLUFL", CO_FUTURE_BARRY_AS_BDFL),
    ("generator_stop", 0),
    ("annotations", CO_FUTURE_ANNOTATIONS),
];

/// The result of scanning future statements (CPython's `PyFutureFeatures`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureFeatures {
    /// `CO_FUTURE_*` flags turned on (`ff_features`).
    pub features: u32,
    /// Line of the last leading future import, `None` if there is none (`ff_lineno`,
    /// -1 in CPython). A future import on a later line is an error.
    pub lineno: Option<u32>,
}

fn error(filename: &str, msg: String, lineno: u32, offset: u32) -> SyntaxError {
    // `PyErr_SyntaxLocationObject`: the end line is the line, no end offset.
    SyntaxError {
        error_type: SyntaxErrorType::SyntaxError,
        msg,
        filename: filename.to_owned(),
        lineno: Some(lineno as i32),
        offset: Some(offset as i32),
        end_lineno: Some(lineno as i32),
        end_offset: None,
        text: None,
    }
}

/// `future_check_features`: the features one `from __future__ import …` names.
fn check_features(ff: &mut FutureFeatures, s: &Stmt, filename: &str) -> Result<(), SyntaxError> {
    let StmtKind::ImportFrom { names, .. } = &s.kind else {
        return Ok(());
    };
    for alias in names {
        let feature = alias.name.as_str();
        if let Some((_, flag)) = FEATURES.iter().find(|(n, _)| *n == feature) {
            ff.features |= flag;
        } else if feature == "braces" {
            return Err(error(
                filename,
                "not a chance".to_owned(),
                s.loc.lineno,
                s.loc.col_offset + 1,
            ));
        } else {
            return Err(error(
                filename,
                format!("future feature {feature} is not defined"),
                s.loc.lineno,
                s.loc.col_offset + 1,
            ));
        }
    }
    Ok(())
}

/// Is `s` a `from __future__ import …`? (As in CPython, a relative
/// `from .__future__ import …` counts too: only the module name is compared.)
pub fn is_future_import(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::ImportFrom { module: Some(m), .. } if m == "__future__")
}

/// `_PyAST_GetDocString`'s test: is the first statement a string expression?
fn has_docstring(body: &[Stmt]) -> bool {
    matches!(body.first().map(|s| &s.kind), Some(StmtKind::Expr { value })
        if matches!(&value.kind, ExprKind::Constant { value: syntax::ast::Constant::Str(_), .. }))
}

/// `_PyFuture_FromAST` / `future_parse`: scan the future statements at the start of
/// `module` (a docstring may precede them). Only `exec` and `single` input can have
/// them. Errors: "future feature X is not defined", "not a chance" (for `braces`),
/// and "from __future__ imports must occur at the beginning of the file" when a
/// future import follows another statement *on the same line* (with CPython's
/// offset, the column without the `+ 1`).
pub fn future_from_ast(module: &Mod, filename: &str) -> Result<FutureFeatures, SyntaxError> {
    let mut ff = FutureFeatures::default();
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return Ok(ff),
    };
    let start = usize::from(has_docstring(body));
    let mut done = false;
    let mut prev_line = 0;
    for s in &body[start.min(body.len())..] {
        if done && s.loc.lineno > prev_line {
            break;
        }
        prev_line = s.loc.lineno;
        if is_future_import(s) {
            if done {
                return Err(error(
                    filename,
                    LATE_FUTURE.to_owned(),
                    s.loc.lineno,
                    s.loc.col_offset,
                ));
            }
            check_features(&mut ff, s, filename)?;
            ff.lineno = Some(s.loc.lineno);
        } else {
            done = true;
        }
    }
    Ok(ff)
}

const LATE_FUTURE: &str = "from __future__ imports must occur at the beginning of the file";

/// The code generator's check on each `from … import` (`compiler_from_import`): a
/// future import on a line after the leading future statements is
/// "from __future__ imports must occur at the beginning of the file", positioned
/// like every `compiler_error` (1-based byte offsets, with end position).
pub fn late_future_import_error(
    s: &Stmt,
    ff: &FutureFeatures,
    filename: &str,
) -> Option<SyntaxError> {
    let late = match ff.lineno {
        Some(l) => s.loc.lineno > l,
        None => true,
    };
    if !(late && is_future_import(s)) {
        return None;
    }
    Some(SyntaxError {
        error_type: SyntaxErrorType::SyntaxError,
        msg: LATE_FUTURE.to_owned(),
        filename: filename.to_owned(),
        lineno: Some(s.loc.lineno as i32),
        offset: Some((s.loc.col_offset + 1) as i32),
        end_lineno: Some(s.loc.end_lineno as i32),
        end_offset: Some((s.loc.end_col_offset + 1) as i32),
        text: None,
    })
}
