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
        let text = self.line_text(loc.lineno);
        let line = text.as_deref().unwrap_or("");
        let offset = Self::byte_to_char_offset(line, loc.col_offset);
        let end_offset = if loc.end_lineno == loc.lineno {
            Self::byte_to_char_offset(line, loc.end_col_offset)
        } else {
            match self.line_text(loc.end_lineno) {
                Some(end_line) => Self::byte_to_char_offset(&end_line, loc.end_col_offset),
                None => loc.end_col_offset + 1,
            }
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
        self.error_at(ty, Self::token_loc(t), msg)
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
            TokenKind::Indent => self.error_at(
                SyntaxErrorType::IndentationError,
                Self::token_loc(last_token),
                "unexpected indent",
            ),
            TokenKind::Dedent => self.error_at(
                SyntaxErrorType::IndentationError,
                Self::token_loc(last_token),
                "unexpected unindent",
            ),
            _ => self.syntax_error_at(Self::token_loc(last_token), "invalid syntax"),
        }
    }
}
