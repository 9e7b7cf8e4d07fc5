//! Raising syntax errors the way CPython's `Parser/pegen_errors.c` does: the
//! `RAISE_*` helpers used by `invalid_*` rules, the generic error chosen when both
//! passes fail (`_PyPegen_set_syntax_error`), and the depth-limit error.

use super::Parser;
use crate::ast::Location;
use crate::error::{SyntaxError, SyntaxErrorType};
use crate::token::{Token, TokenKind};

impl<'src> Parser<'src> {
    /// The text of line `lineno` (1-based) with its newline, as `SyntaxError.text`.
    pub(crate) fn line_text(&self, lineno: u32) -> Option<String> {
        let mut start = 0usize;
        let bytes = self.source.as_bytes();
        for _ in 1..lineno {
            let nl = bytes.get(start..)?.iter().position(|&b| b == b'\n')?;
            start += nl + 1;
        }
        let rest = self.source.get(start..)?;
        let line = match rest.find('\n') {
            Some(n) => &rest[..=n],
            None => rest,
        };
        Some(line.to_string())
    }

    /// CPython's `_PyPegen_byte_offset_to_character_offset`: a 0-based byte column in
    /// `line` to a 1-based character offset.
    pub(crate) fn byte_to_char_offset(line: &str, col: u32) -> u32 {
        let col = col as usize;
        let prefix = match line.get(..col.min(line.len())) {
            Some(p) => p.chars().count(),
            // Not on a char boundary: count the whole chars before it.
            None => line.char_indices().take_while(|(i, _)| *i < col).count(),
        };
        prefix as u32 + 1
    }

    /// Build an error of type `ty` at a known location (`RAISE_ERROR_KNOWN_LOCATION`):
    /// byte columns are turned into 1-based character offsets on the start line.
    #[cold]
    pub(crate) fn error_at(
        &self,
        ty: SyntaxErrorType,
        loc: Location,
        msg: impl Into<String>,
    ) -> Box<SyntaxError> {
        if let Some(origin) = self.fstring_origin {
            return self.fstring_error_at(origin, ty, loc, &msg.into());
        }
        let text = self.line_text(loc.lineno);
        let line = text.as_deref().unwrap_or("");
        let (offset, end_offset) = if self.char_offsets {
            Self::char_offsets(line, loc)
        } else {
            (loc.col_offset + 1, loc.end_col_offset + 1)
        };
        Box::new(SyntaxError {
            error_type: ty,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: Some(loc.lineno as i32),
            offset: Some(offset as i32),
            end_lineno: Some(loc.end_lineno as i32),
            end_offset: Some(end_offset as i32),
            text,
        })
    }

    /// 1-based character offsets of `loc`'s columns, counted on the start line `line`.
    fn char_offsets(line: &str, loc: Location) -> (u32, u32) {
        let offset = Self::byte_to_char_offset(line, loc.col_offset);
        let end_offset = if loc.end_lineno == loc.lineno {
            Self::byte_to_char_offset(line, loc.end_col_offset)
        } else {
            // CPython 3.11 converts the end column against the *start* line too
            // (`byte_offset_to_character_offset(error_line, end_col_offset)`), which
            // clamps it to that line's length.
            let len = line.chars().count() as u32;
            Self::byte_to_char_offset(line, loc.end_col_offset).min(len.max(1))
        };
        (offset, end_offset)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg)` / `KNOWN_RANGE(a, b, msg)`.
    #[cold]
    pub(crate) fn syntax_error_at(
        &self,
        loc: Location,
        msg: impl Into<String>,
    ) -> Box<SyntaxError> {
        self.error_at(SyntaxErrorType::SyntaxError, loc, msg)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg)`: from the start of `a` to the end of `b`.
    #[cold]
    pub(crate) fn syntax_error_range(
        &self,
        a: Location,
        b: Location,
        msg: impl Into<String>,
    ) -> Box<SyntaxError> {
        let loc = Location {
            lineno: a.lineno,
            col_offset: a.col_offset,
            end_lineno: b.end_lineno,
            end_col_offset: b.end_col_offset,
        };
        self.error_at(SyntaxErrorType::SyntaxError, loc, msg)
    }

    /// `RAISE_SYNTAX_ERROR(msg)` / `RAISE_INDENTATION_ERROR(msg)`: at the last token
    /// read (`p->tokens[p->fill-1]`).
    #[cold]
    pub(crate) fn error_at_last_token(
        &self,
        ty: SyntaxErrorType,
        msg: impl Into<String>,
    ) -> Box<SyntaxError> {
        let t = self.last_token();
        // The NEWLINE `single` input implies at its end is an ENDMARKER to CPython.
        let implied_newline = t.kind == TokenKind::Newline && t.start as usize >= self.source.len();
        if implied_newline
            || matches!(
                t.kind,
                TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
            )
        {
            return self.error_at_positionless_token(ty, t, msg);
        }
        self.error_at(ty, Self::token_loc(t), msg)
    }

    /// An error on a token CPython's tokenizer gives no columns (INDENT, DEDENT,
    /// ENDMARKER: `col_offset == -1`): `_PyPegen_raise_error` then reports the
    /// tokenizer's position (`tok->cur`) without the `+ 1`, and end offset -1. On a
    /// line, `tok->cur` is past the indentation; at the end of input it is past the last
    /// line and its newline (`eval`/`single` input may have none), on that line.
    #[cold]
    pub(crate) fn error_at_positionless_token(
        &self,
        ty: SyntaxErrorType,
        t: Token,
        msg: impl Into<String>,
    ) -> Box<SyntaxError> {
        let src = self.source;
        let (lineno, line, offset) = if t.start as usize >= src.len() && !src.is_empty() {
            let body = src.strip_suffix('\n').unwrap_or(src);
            let line_start = body.rfind('\n').map_or(0, |i| i + 1);
            let lineno = 1 + src.get(..line_start).unwrap_or("").matches('\n').count() as u32;
            let line = body.get(line_start..).unwrap_or("");
            (
                lineno,
                self.line_text(lineno),
                line.chars().count() as u32 + u32::from(src.ends_with('\n')),
            )
        } else {
            let text = self.line_text(t.end_lineno);
            let line = text.as_deref().unwrap_or("");
            let indent = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
            let col = (t.end_col_offset as usize).max(indent) as u32;
            let offset = Self::byte_to_char_offset(line, col).saturating_sub(1);
            (t.end_lineno, text, offset)
        };
        Box::new(SyntaxError {
            error_type: ty,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: Some(lineno as i32),
            offset: Some(offset as i32),
            end_lineno: Some(lineno as i32),
            end_offset: Some(-1),
            text: line,
        })
    }

    /// The furthest token read so far.
    pub(crate) fn last_token(&self) -> Token {
        let i = self.fill.saturating_sub(1);
        self.tokens
            .get(i)
            .or_else(|| self.tokens.last())
            .copied()
            .unwrap_or(Token {
                kind: TokenKind::EndMarker,
                start: 0,
                end: 0,
                lineno: 1,
                col_offset: 0,
                end_lineno: 1,
                end_col_offset: 0,
            })
    }

    /// The error for input nested deeper than [`super::MAX_DEPTH`] rule calls: CPython
    /// 3.11 raises a bare `MemoryError` ("Parser stack overflowed" is 3.12's).
    #[cold]
    pub(crate) fn too_deep(&self) -> Box<SyntaxError> {
        Box::new(SyntaxError {
            error_type: SyntaxErrorType::MemoryError,
            msg: String::new(),
            filename: self.filename.to_string(),
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
            text: None,
        })
    }

    /// CPython's `_PyPegen_set_syntax_error` for a parse that failed on both passes
    /// without raising: `last_token` is the furthest token of the first pass.
    #[cold]
    pub(crate) fn generic_error(&self, last_token: Token) -> Box<SyntaxError> {
        match last_token.kind {
            TokenKind::Indent => self.error_at_positionless_token(
                SyntaxErrorType::IndentationError,
                last_token,
                "unexpected indent",
            ),
            TokenKind::Dedent => self.error_at_positionless_token(
                SyntaxErrorType::IndentationError,
                last_token,
                "unexpected unindent",
            ),
            // `RAISE_SYNTAX_ERROR_KNOWN_LOCATION` on ENDMARKER (columns -1): offset and
            // end offset 0, on the last line.
            // (In `single` mode the ENDMARKER read as NEWLINE keeps those columns.) With
            // no input at all CPython's tokenizer is still on line 0.
            TokenKind::EndMarker | TokenKind::Newline
                if last_token.start as usize >= self.source.len() =>
            {
                let mut e = self.error_at_positionless_token(
                    SyntaxErrorType::SyntaxError,
                    last_token,
                    "invalid syntax",
                );
                e.offset = Some(0);
                e.end_offset = Some(0);
                if self.source.is_empty() {
                    e.lineno = Some(0);
                    e.end_lineno = Some(0);
                }
                e
            }
            _ => self.syntax_error_at(Self::token_loc(last_token), "invalid syntax"),
        }
    }
}
