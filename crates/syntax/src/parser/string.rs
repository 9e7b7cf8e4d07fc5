//! The `strings` rule (consecutive STRING tokens as one `Constant` or `JoinedStr`) and
//! the `fstring` start rule, CPython 3.11's `_PyPegen_concatenate_strings` and
//! `fstring_compile_expr`.
//!
//! The splitting itself is in [`super::fstring`]; this file is its host inside the
//! parser: it decodes literal parts with [`crate::literal`], builds the nodes with
//! 3.11's locations, and parses each replacement field's expression with a
//! sub-parser over `(expr)`, whose tokens are moved to where the expression is in the
//! file as 3.11.7 does it: the sub-source's line 1 is the line of the field's `{`, and
//! the tokens on that line are shifted to the `{`'s column; tokens on later lines (a
//! field spanning lines in a triple-quoted f-string) keep their columns, which are
//! already the file's. See [`super::fstring::expr_location`]. Errors raised by the
//! sub-parser are prefixed "f-string: ", have columns relative to that shift and in
//! bytes, and quote the sub-source's line ([`Parser::fstring_error_at`]).

use common::text::Text;

use super::fstring::{self, Span, StringsHost};
use super::{MemoRule, Mode, PResult, Parser};
use crate::ast::{self, Constant, Expr, ExprKind, Location};
use crate::error::{SyntaxError, SyntaxErrorType};
use crate::literal::{decode_string_body, LiteralValue};
use crate::token::{Token, TokenKind};
use crate::tokenizer;

/// Where an f-string sub-parser's source sits in the file (CPython's
/// `p->starting_lineno` and `p->starting_col_offset` of the sub-parser): the line of
/// the field's `{` and the column its tokens on that line are shifted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FStringOrigin {
    pub(crate) starting_lineno: u32,
    pub(crate) starting_col_offset: u32,
}

impl<'src> Parser<'src> {
    /// `strings[expr_ty] (memo): a=STRING+ { _PyPegen_concatenate_strings(p, a) }`
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let mark = self.mark();
        if let Some((result, end)) = self.memo.expr.get(&(mark, MemoRule::Strings)) {
            let result = result.clone();
            self.reset(*end);
            return Ok(result);
        }
        while self.eat(TokenKind::String)?.is_some() {}
        let result = if self.pos == mark {
            None
        } else {
            let mut host = Host {
                first: mark,
                count: self.pos - mark,
                current: mark,
                p: self,
            };
            Some(fstring::concatenate(&mut host)?)
        };
        self.memo
            .expr
            .insert((mark, MemoRule::Strings), (result.clone(), self.pos));
        Ok(result)
    }

    /// `fstring[expr_ty]: star_expressions` (the start rule of the sub-parser that
    /// parses an f-string replacement field's `(expr)`).
    pub(crate) fn fstring(&mut self) -> PResult<ast::Mod> {
        Ok(self.star_expressions()?.map(|body| ast::Mod::Expression {
            body: Box::new(body),
        }))
    }

    /// `fstring_compile_expr` after its emptiness check: parse `expr` (a field's text)
    /// as `(expr)` with a sub-parser placed at `origin`.
    fn compile_fstring_expr(
        &self,
        expr: &str,
        origin: FStringOrigin,
    ) -> Result<Expr, Box<SyntaxError>> {
        let mut src = String::with_capacity(expr.len() + 2);
        src.push('(');
        src.push_str(expr);
        src.push(')');
        let mut toks = tokenizer::tokenize(&src);
        let line_shift = origin.starting_lineno.saturating_sub(1);
        let mut tokens = std::mem::take(&mut toks.tokens);
        for t in &mut tokens {
            if t.end_lineno == 1 {
                t.col_offset += origin.starting_col_offset;
                t.end_col_offset += origin.starting_col_offset;
            }
            t.lineno += line_shift;
            t.end_lineno += line_shift;
        }
        // The sub-tokenizer counts lines from the field's first line. Errors CPython
        // raises from the parser (`tok->done`) go through the f-string error path.
        let deferred = toks.error_timing == tokenizer::ErrorTiming::Deferred;
        if let Some(e) = &mut toks.error {
            relocate_tokenizer_error(e, origin, deferred);
        }
        if let Some(e) = &mut toks.full_source_error {
            relocate_tokenizer_error(e, origin, false);
        }
        // The field's brackets are balanced (the splitter checked), so the tokenizer
        // can only stop inside them at an error, where CPython has no "never closed".
        toks.open_brackets.clear();
        let error = toks.error.clone();
        let mut sub = Parser::new(&src, self.filename, tokens, error);
        sub.fstring_origin = Some(origin);
        sub.tokens_meta = Some(Box::new(toks));
        match sub.run(Mode::FString)? {
            ast::Mod::Expression { body } => Ok(*body),
            // `fstring` only ever returns an `Expression`.
            _ => Err(sub.error_at_last_token(SyntaxErrorType::SyntaxError, "invalid syntax")),
        }
    }

    /// `_PyPegen_raise_error_known_location` in an f-string sub-parser: the message
    /// gets the "f-string: " prefix, offsets are byte columns relative to
    /// `starting_col_offset` (negative for errors on a field's later lines, as CPython
    /// gives them), and the text is a line of the sub-source: the
    /// sub-tokenizer's current line if the error is not above it, else the error's line
    /// counted from the field's first line.
    #[cold]
    pub(crate) fn fstring_error_at(
        &self,
        origin: FStringOrigin,
        ty: SyntaxErrorType,
        loc: Location,
        msg: &str,
    ) -> Box<SyntaxError> {
        let rel = |col: u32| col as i32 + 1 - origin.starting_col_offset as i32;
        // CPython's `tok->lineno`: the (absolute) line where the furthest token ends.
        let tok_lineno = self.last_token().end_lineno;
        let first = origin.starting_lineno;
        let text = if tok_lineno <= loc.lineno {
            let mut line =
                sub_source_line(self.source, tok_lineno + 1 - first.min(tok_lineno)).to_string();
            line.push('\n');
            line
        } else {
            let relative = if first != 0 {
                (loc.lineno + 1).saturating_sub(first)
            } else {
                loc.lineno
            };
            let cap = tok_lineno + 1 - first.min(tok_lineno);
            sub_source_line(self.source, relative.clamp(1, cap.max(1))).to_string()
        };
        Box::new(SyntaxError {
            error_type: ty,
            msg: format!("f-string: {msg}"),
            filename: self.filename.to_string(),
            lineno: Some(loc.lineno as i32),
            offset: Some(rel(loc.col_offset)),
            end_lineno: Some(loc.end_lineno as i32),
            end_offset: Some(rel(loc.end_col_offset)),
            text: Some(text),
        })
    }
}

/// A sub-tokenizer error as CPython reports it: on the file's lines; and, for an error
/// the parser raises when it fetches the failing token, with the "f-string: " prefix
/// and columns relative to the field's shift.
fn relocate_tokenizer_error(e: &mut SyntaxError, origin: FStringOrigin, deferred: bool) {
    let line_shift = origin.starting_lineno.saturating_sub(1) as i32;
    let sub_lineno = e.lineno.unwrap_or(1);
    e.lineno = e.lineno.map(|l| l + line_shift);
    e.end_lineno = e.end_lineno.map(|l| l + line_shift);
    if deferred {
        e.msg.insert_str(0, "f-string: ");
        if sub_lineno > 1 {
            let shift = origin.starting_col_offset as i32;
            e.offset = e.offset.map(|o| o - shift);
            e.end_offset = e.end_offset.map(|o| o - shift);
        }
    }
}

/// Line `n` (1-based) of an f-string sub-source, without its newline.
fn sub_source_line(src: &str, n: u32) -> &str {
    src.split('\n')
        .nth((n as usize).saturating_sub(1))
        .unwrap_or("")
}

/// The parser as the host of [`fstring::concatenate`] for the STRING tokens
/// `first..first + count`.
struct Host<'p, 'src> {
    p: &'p mut Parser<'src>,
    first: usize,
    count: usize,
    /// Index (in `p.tokens`) of the token being split.
    current: usize,
}

impl Host<'_, '_> {
    fn token(&self, i: usize) -> Token {
        self.p.tokens[i]
    }

    fn location(&self, span: Span) -> Location {
        let (a, b) = match span {
            Span::Whole => (
                self.token(self.first),
                self.token(self.first + self.count - 1),
            ),
            Span::Token => (self.token(self.current), self.token(self.current)),
        };
        Location {
            lineno: a.lineno,
            col_offset: a.col_offset,
            end_lineno: b.end_lineno,
            end_col_offset: b.end_col_offset,
        }
    }

    #[cold]
    fn literal_error(&self, msg: String) -> Box<SyntaxError> {
        self.p
            .error_at_last_token(SyntaxErrorType::SyntaxError, msg)
    }
}

impl<'src> StringsHost<'src> for Host<'_, 'src> {
    type Node = Expr;
    type Error = Box<SyntaxError>;

    fn token_count(&self) -> usize {
        self.count
    }

    fn token_text(&self, i: usize) -> &'src str {
        self.p.text(self.p.tokens[self.first + i])
    }

    fn set_current(&mut self, i: usize) {
        self.current = self.first + i;
    }

    fn raise(&mut self, msg: &str) -> Box<SyntaxError> {
        self.p
            .error_at_last_token(SyntaxErrorType::SyntaxError, msg)
    }

    fn raise_on_token(&mut self, msg: &str) -> Box<SyntaxError> {
        let t = self.token(self.current);
        self.p.syntax_error_at(Parser::token_loc(t), msg)
    }

    fn decode_str(&mut self, body: &str) -> Result<Text, Box<SyntaxError>> {
        let mut warnings = Vec::new();
        match decode_string_body(body, false, false, &mut warnings) {
            Ok(LiteralValue::Str(s)) => Ok(s),
            Ok(LiteralValue::Bytes(_)) => Ok(Text::new()),
            Err(e) => Err(self.literal_error(e.msg)),
        }
    }

    fn decode_bytes(&mut self, body: &str) -> Result<Vec<u8>, Box<SyntaxError>> {
        let mut warnings = Vec::new();
        match decode_string_body(body, false, true, &mut warnings) {
            Ok(LiteralValue::Bytes(b)) => Ok(b),
            Ok(LiteralValue::Str(_)) => Ok(Vec::new()),
            Err(e) => Err(self.literal_error(e.msg)),
        }
    }

    fn compile_expr(
        &mut self,
        expr: &str,
        lines: u32,
        cols: u32,
    ) -> Result<Expr, Box<SyntaxError>> {
        let t = self.token(self.current);
        let origin = FStringOrigin {
            starting_lineno: t.lineno + lines,
            starting_col_offset: if lines == 0 {
                t.col_offset + cols
            } else {
                cols
            },
        };
        self.p.compile_fstring_expr(expr, origin)
    }

    fn str_constant(&mut self, value: Text, span: Span) -> Expr {
        // `make_str_node_and_del`: kind 'u' when the span's first token starts with a
        // lowercase `u`.
        let first = match span {
            Span::Whole => self.first,
            Span::Token => self.current,
        };
        let kind = self
            .p
            .text(self.token(first))
            .starts_with('u')
            .then(|| "u".to_string());
        Expr {
            kind: ExprKind::Constant {
                value: Constant::Str(value),
                kind,
            },
            loc: self.location(span),
        }
    }

    fn bytes_constant(&mut self, value: Vec<u8>) -> Expr {
        Expr {
            kind: ExprKind::Constant {
                value: Constant::Bytes(value),
                kind: None,
            },
            loc: self.location(Span::Whole),
        }
    }

    fn formatted_value(&mut self, value: Expr, conversion: i32, format_spec: Option<Expr>) -> Expr {
        Expr {
            kind: ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec: format_spec.map(Box::new),
            },
            loc: self.location(Span::Whole),
        }
    }

    fn joined_str(&mut self, values: Vec<Expr>, span: Span) -> Expr {
        Expr {
            kind: ExprKind::JoinedStr { values },
            loc: self.location(span),
        }
    }
}

#[cfg(test)]
#[path = "string_tests.rs"]
mod tests;
