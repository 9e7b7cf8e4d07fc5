//! Syntax errors as CPython 3.11 reports them: the exception type, the message, and the
//! position fields of `SyntaxError` (`lineno`, `offset`, `end_lineno`, `end_offset`,
//! `text`).

use std::fmt;

/// Which builtin exception a failed parse raises: one of the `SyntaxError` family, or
/// `MemoryError` when the input nests deeper than the parser's stack (CPython's
/// `MAXSTACK`), as CPython 3.11 does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorType {
    SyntaxError,
    IndentationError,
    TabError,
    MemoryError,
}

impl SyntaxErrorType {
    /// The Python name of the exception class.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorType::SyntaxError => "SyntaxError",
            SyntaxErrorType::IndentationError => "IndentationError",
            SyntaxErrorType::TabError => "TabError",
            SyntaxErrorType::MemoryError => "MemoryError",
        }
    }
}

/// A `SyntaxError` (or subclass) with CPython's fields. `offset` and `end_offset` are
/// 1-based and count characters (code points) of `text`, as CPython 3.11 reports them;
/// they are signed because CPython reports 0 and -1 in some cases (an
/// `IndentationError`'s `end_offset` is -1), and `None` where it gives `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub error_type: SyntaxErrorType,
    pub msg: String,
    pub filename: String,
    pub lineno: Option<i32>,
    pub offset: Option<i32>,
    pub end_lineno: Option<i32>,
    pub end_offset: Option<i32>,
    /// The source line the error is on, with its newline, as CPython stores it.
    pub text: Option<String>,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.error_type.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}

impl SyntaxError {
    /// The report CPython 3.11 prints to stderr for this error when it is uncaught
    /// (`print_exception` + `print_error_text` in `Python/pythonrun.c`): the
    /// `File "...", line N` line, the stripped source line, the carets, and
    /// `Type: message`. Plain `SyntaxError`s get a caret range up to `end_offset`;
    /// subclasses (IndentationError, TabError) a single caret.
    pub fn format_uncaught(&self) -> String {
        let mut out = String::new();
        // Without a line number CPython's parse_syntax_error fails and only the
        // exception line is printed.
        if let Some(lineno) = self.lineno {
            self.format_location(&mut out, lineno);
        }
        out.push_str(self.error_type.name());
        if !self.msg.is_empty() {
            out.push_str(": ");
            out.push_str(&self.msg);
        }
        out.push('\n');
        out
    }

    /// The `File` line and the caret display of [`SyntaxError::format_uncaught`].
    fn format_location(&self, out: &mut String, lineno: i32) {
        out.push_str(&format!("  File \"{}\", line {}\n", self.filename, lineno));
        if let Some(text) = &self.text {
            let offset = self.offset.map_or(-1, i64::from);
            let (mut end_offset, end_lineno) = if self.error_type == SyntaxErrorType::SyntaxError {
                (
                    self.end_offset.map_or(-1, i64::from),
                    self.end_lineno.map_or(lineno, |l| l),
                )
            } else {
                (-1, lineno)
            };
            let line_size = text.len() as i64;
            if end_lineno > lineno {
                end_offset = line_size;
            }
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            print_error_text(out, offset, end_offset, text);
        }
    }
}

/// CPython's `print_error_text`: the source line without its indentation, then a caret
/// line. `offset` counts characters (1-based) but leading blanks are stripped byte by
/// byte, as CPython does.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset {
        (end_offset - offset) as usize
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(rest) = text.strip_prefix([' ', '\t', '\x0c']) {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(nl) = text.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    for _ in 0..offset {
        out.push(' ');
    }
    for _ in 0..carets {
        out.push('^');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(ty: SyntaxErrorType, msg: &str, pos: (i32, i32, i32, i32), text: &str) -> SyntaxError {
        SyntaxError {
            error_type: ty,
            msg: msg.into(),
            filename: "f.py".into(),
            lineno: Some(pos.0),
            offset: Some(pos.1),
            end_lineno: Some(pos.2),
            end_offset: Some(pos.3),
            text: Some(text.into()),
        }
    }

    // Expected outputs are what `python3 f.py` printed for these errors.
    #[test]
    fn range_carets() {
        let e = err(
            SyntaxErrorType::SyntaxError,
            "Generator expression must be parenthesized",
            (1, 3, 1, 15),
            "f(a for a in b, c)\n",
        );
        assert_eq!(
            e.format_uncaught(),
            "  File \"f.py\", line 1\n    f(a for a in b, c)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n"
        );
    }

    #[test]
    fn indented_line_and_zero_end() {
        let e = err(
            SyntaxErrorType::SyntaxError,
            "'(' was never closed",
            (2, 4, 2, 0),
            " 2 (\n",
        );
        assert_eq!(
            e.format_uncaught(),
            "  File \"f.py\", line 2\n    2 (\n      ^\nSyntaxError: '(' was never closed\n"
        );
    }

    #[test]
    fn caret_left_of_text_is_omitted() {
        let e = err(
            SyntaxErrorType::IndentationError,
            "unexpected indent",
            (3, 3, 3, -1),
            "   x = 1\n",
        );
        assert_eq!(
            e.format_uncaught(),
            "  File \"f.py\", line 3\n    x = 1\nIndentationError: unexpected indent\n"
        );
    }

    #[test]
    fn non_ascii_counts_characters() {
        let e = err(
            SyntaxErrorType::SyntaxError,
            "invalid character '€' (U+20AC)",
            (1, 5, 1, 5),
            "é = €",
        );
        assert_eq!(e.format_uncaught(), "  File \"f.py\", line 1\n    é = €\n        ^\nSyntaxError: invalid character '€' (U+20AC)\n");
    }
}
