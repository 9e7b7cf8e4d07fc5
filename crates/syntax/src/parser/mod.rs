//! The Python 3.11 parser: a hand-written PEG parser that follows CPython's
//! `Grammar/python.gram` rule for rule, over the token vector made by the tokenizer.
//!
//! Vocabulary used by every rule (see STYLE.md):
//! - a rule is a method named after its grammar rule (`star_expressions`,
//!   `t_primary`, ...), with the rule's grammar text in its doc comment, returning
//!   [`PResult<T>`]: `Ok(Some(node))` on a match, `Ok(None)` when it does not match
//!   (the position is then back where it started), `Err(_)` for a raised error, which
//!   ends the parse (CPython's `p->error_indicator`);
//! - `mark()`/`reset(m)` save and restore the position; `at`, `eat`, `expect` look at
//!   and consume tokens; `loc_from(m)` is the location of what was consumed since `m`
//!   (CPython's `EXTRA`);
//! - `invalid_*` rules only run on the second pass (`self.call_invalid_rules`), as in
//!   CPython: the first pass parses valid code fast; on failure the parse is rerun with
//!   them enabled to find the precise message.
//!
//! Rules live in topic files: [`expression`], [`lambda`], [`call`] (call arguments),
//! [`statement`], [`params`] (function and
//! lambda parameters), [`target`], [`pattern`],
//! [`string`] (string concatenation and f-strings), [`errors`] (generic error
//! reporting).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::ast::{self, Location};
use crate::error::{SyntaxError, SyntaxErrorType};
use crate::token::{Token, TokenKind};

/// A rule's outcome: `Ok(Some)` matched, `Ok(None)` did not match, `Err` raised.
pub type PResult<T> = Result<Option<T>, Box<SyntaxError>>;

/// What the source is parsed as: the `mode` argument of `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module (`file` rule).
    Exec,
    /// `eval`: one expression (`eval` rule).
    Eval,
    /// `single`: one interactive statement (`interactive` rule).
    Single,
    /// `func_type`: a function type comment (`func_type` rule).
    FuncType,
    /// The inside of an f-string replacement field (`fstring` rule).
    FString,
}

/// Maximum rule-call depth, as CPython's `MAXSTACK`: deeper input raises the error
/// CPython raises instead of overflowing the Rust stack.
pub const MAX_DEPTH: u32 = 6000;

/// The depth a parse starts at. CPython counts every rule call (`p->level`), Krait
/// only the recursive ones; the 30 levels CPython spends from `file` down to the
/// expression rules of a top-level expression statement (and below its innermost
/// atom) are counted up front, so that chains of unary operators, `not`, conditional
/// expressions and lambdas raise `MemoryError` at CPython's length (5,970 `-`, 2,985
/// `lambda:`). Inside statements and calls CPython spends a few more levels (`x = `
/// 2, `f(...)` 5, a `def` body 7), so there Krait's limit is that much longer.
const START_DEPTH: u32 = 30;

/// Parser state for one parse of one token vector.
pub struct Parser<'src> {
    /// The decoded source (UTF-8, newlines translated).
    pub(crate) source: &'src str,
    pub(crate) filename: &'src str,
    pub(crate) tokens: Vec<Token>,
    /// The tokenizer's error, met when the parser reads past the last good token.
    pub(crate) tokenizer_error: Option<SyntaxError>,
    /// The rest of the tokenizer's output (its `tokens` moved out), when the parse
    /// runs on a whole [`crate::tokenizer::Tokens`]: what CPython's
    /// `_PyPegen_set_syntax_error` needs to choose between a parser error and a
    /// tokenizer error (see [`Parser::finish_error`]).
    pub(crate) tokens_meta: Option<Box<crate::tokenizer::Tokens>>,
    /// Index of the next token.
    pub(crate) pos: usize,
    /// One past the furthest token index ever looked at (CPython's `p->fill`): where
    /// "invalid syntax" is reported.
    pub(crate) fill: usize,
    /// True on the second pass, which runs the `invalid_*` rules.
    pub(crate) call_invalid_rules: bool,
    /// Nesting of `*_without_invalid` rules running inside the second pass (they turn
    /// `call_invalid_rules` off, but memoization still follows second-pass rules).
    pub(crate) invalid_suppressed: u32,
    /// Current rule-call depth (see [`MAX_DEPTH`]).
    pub(crate) depth: u32,
    /// Memoized results of `(memo)` rules, keyed by start position.
    pub(crate) memo: Memo,
    /// Start positions where `block` failed (its memo, failures only: see
    /// `statement.rs`).
    pub(crate) failed_blocks: HashSet<usize, FastHash>,
    /// Set in the sub-parser of an f-string replacement field: where its source is in
    /// the file (errors are reported relative to it, see [`string`]).
    pub(crate) fstring_origin: Option<string::FStringOrigin>,
    /// Whether parser errors give character offsets (CPython: `tok->encoding` is set,
    /// as for str input or bytes with a BOM or cookie) or byte offsets (bytes input
    /// without a declared encoding).
    pub(crate) char_offsets: bool,
}

/// Memo tables for the rules the grammar marks `(memo)`: start position to the result
/// and the position after it.
#[derive(Default)]
pub(crate) struct Memo {
    pub(crate) expr: HashMap<(usize, MemoRule), (Option<ast::Expr>, usize), FastHash>,
    /// `closed_pattern` results.
    pub(crate) pattern: HashMap<usize, (Option<ast::Pattern>, usize), FastHash>,
    /// Lambda parameters with (maybe) a default, keyed by start position and whether
    /// the default is optional: without it, nested `lambda a=(lambda b=...)` defaults
    /// are reparsed exponentially often.
    pub(crate) lambda_params:
        HashMap<(usize, bool), (Option<expression::NameDefaultPair>, usize), FastHash>,
}

/// The hasher of the memo tables: their keys are small integers made by the parser
/// itself (never by an adversary's choice of hash), so a multiply-rotate hash (as
/// rustc's FxHash) replaces SipHash, which showed up at ~6% of a stdlib parse.
pub(crate) type FastHash = BuildHasherDefault<MemoHasher>;

/// See [`FastHash`].
#[derive(Default, Clone, Copy)]
pub(crate) struct MemoHasher(u64);

impl Hasher for MemoHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    #[inline]
    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
}

/// Which memoized rule a memo entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum MemoRule {
    Disjunction,
    Conjunction,
    Inversion,
    Factor,
    AwaitPrimary,
    BitwiseOr,
    TPrimary,
    TargetWithStarAtom,
    DelTarget,
    Expression,
    StarExpression,
    Arguments,
    InvalidNamedExpression,
    AssignmentExpression,
    Strings,
}

impl<'src> Parser<'src> {
    /// A parser over `tokens` of `source`.
    pub fn new(
        source: &'src str,
        filename: &'src str,
        tokens: Vec<Token>,
        tokenizer_error: Option<SyntaxError>,
    ) -> Parser<'src> {
        Parser {
            source,
            filename,
            tokens,
            tokenizer_error,
            tokens_meta: None,
            pos: 0,
            fill: 0,
            call_invalid_rules: false,
            depth: START_DEPTH,
            invalid_suppressed: 0,
            memo: Memo::default(),
            failed_blocks: Default::default(),
            fstring_origin: None,
            char_offsets: true,
        }
    }

    // ----- position -----

    /// The current position, to hand back to [`Parser::reset`].
    #[inline]
    pub(crate) fn mark(&self) -> usize {
        self.pos
    }

    /// Go back to a position returned by [`Parser::mark`].
    #[inline]
    pub(crate) fn reset(&mut self, mark: usize) {
        self.pos = mark;
    }

    // ----- looking at tokens -----

    /// The token at the current position. Past the last token (only after a tokenizer
    /// error) this raises the tokenizer's error.
    #[inline]
    pub(crate) fn peek(&mut self) -> Result<Token, Box<SyntaxError>> {
        self.peek_at(self.pos)
    }

    /// The token at index `i` (see [`Parser::peek`]).
    #[inline]
    pub(crate) fn peek_at(&mut self, i: usize) -> Result<Token, Box<SyntaxError>> {
        if i >= self.fill {
            self.fill = i + 1;
        }
        match self.tokens.get(i) {
            Some(t) => Ok(*t),
            None => Err(self.tokenizer_failure()),
        }
    }

    /// The error for reading past the last token: the tokenizer's error.
    #[cold]
    fn tokenizer_failure(&self) -> Box<SyntaxError> {
        let mut err = self.tokenizer_error.clone().unwrap_or_else(|| SyntaxError {
            error_type: SyntaxErrorType::SyntaxError,
            msg: "unexpected EOF while parsing".to_string(),
            filename: String::new(),
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
            text: None,
        });
        err.filename = self.filename.to_string();
        Box::new(err)
    }

    /// Whether the current token is of kind `kind`.
    #[inline]
    pub(crate) fn at(&mut self, kind: TokenKind) -> Result<bool, Box<SyntaxError>> {
        Ok(self.peek()?.kind == kind)
    }

    /// Consume and return the current token if it is of kind `kind`.
    #[inline]
    pub(crate) fn eat(&mut self, kind: TokenKind) -> PResult<Token> {
        let t = self.peek()?;
        if t.kind == kind {
            self.pos += 1;
            Ok(Some(t))
        } else {
            Ok(None)
        }
    }

    /// Consume the current token whatever it is (the caller has looked at it).
    #[inline]
    pub(crate) fn bump(&mut self) -> Result<Token, Box<SyntaxError>> {
        let t = self.peek()?;
        self.pos += 1;
        Ok(t)
    }

    /// The source text of a token.
    #[inline]
    pub(crate) fn text(&self, t: Token) -> &'src str {
        self.source
            .get(t.start as usize..t.end as usize)
            .unwrap_or("")
    }

    /// Consume a NAME token that is the soft keyword `kw` (`match`, `case`, `_`).
    pub(crate) fn eat_soft_keyword(&mut self, kw: &str) -> PResult<Token> {
        let t = self.peek()?;
        if t.kind == TokenKind::Name && self.text(t) == kw {
            self.pos += 1;
            Ok(Some(t))
        } else {
            Ok(None)
        }
    }

    /// `NAME`: consume a name token and return it as an identifier, NFKC-normalized
    /// when it is not ASCII (CPython's `_PyPegen_new_identifier`).
    pub(crate) fn name_token(&mut self) -> PResult<(ast::Identifier, Token)> {
        let t = self.peek()?;
        if t.kind != TokenKind::Name {
            return Ok(None);
        }
        self.pos += 1;
        Ok(Some((self.identifier(t), t)))
    }

    /// The identifier a NAME token spells (NFKC-normalized if not ASCII).
    pub(crate) fn identifier(&self, t: Token) -> ast::Identifier {
        let s = self.text(t);
        if s.is_ascii() {
            s.to_string()
        } else {
            crate::identifier::normalize(s)
        }
    }

    /// `','.f+`: one or more `f`, separated by commas (a trailing comma is left
    /// unconsumed: callers add `[',']` where the grammar has it).
    pub(crate) fn gather<X>(&mut self, f: fn(&mut Self) -> PResult<X>) -> PResult<Vec<X>> {
        let Some(first) = f(self)? else {
            return Ok(None);
        };
        let mut v = vec![first];
        loop {
            let m = self.mark();
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            match f(self)? {
                Some(x) => v.push(x),
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        Ok(Some(v))
    }

    /// `','.f+ [',']`: [`Parser::gather`] and an optional trailing comma.
    pub(crate) fn gather_trailing<X>(&mut self, f: fn(&mut Self) -> PResult<X>) -> PResult<Vec<X>> {
        let v = self.gather(f)?;
        if v.is_some() {
            self.eat(TokenKind::Comma)?;
        }
        Ok(v)
    }

    // ----- locations -----

    /// The location from the token at `mark` to the end of the last consumed
    /// non-whitespace token (CPython's `EXTRA` with
    /// `_PyPegen_get_last_nonnwhitespace_token`).
    pub(crate) fn loc_from(&self, mark: usize) -> Location {
        let start = self.tokens.get(mark).or_else(|| self.tokens.last());
        let mut end_i = self.pos;
        let mut end = None;
        while end_i > mark {
            end_i -= 1;
            let t = &self.tokens[end_i];
            if !matches!(
                t.kind,
                TokenKind::EndMarker | TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
            ) {
                end = Some(t);
                break;
            }
        }
        let end = end.or(start);
        match (start, end) {
            (Some(s), Some(e)) => Location {
                lineno: s.lineno,
                col_offset: s.col_offset,
                end_lineno: e.end_lineno,
                end_col_offset: e.end_col_offset,
            },
            _ => Location::default(),
        }
    }

    /// The location of one token.
    pub(crate) fn token_loc(t: Token) -> Location {
        Location {
            lineno: t.lineno,
            col_offset: t.col_offset,
            end_lineno: t.end_lineno,
            end_col_offset: t.end_col_offset,
        }
    }

    // ----- depth guard -----

    /// Enter a rule: count depth, raising CPython's error past [`MAX_DEPTH`].
    #[inline]
    pub(crate) fn enter(&mut self) -> Result<(), Box<SyntaxError>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    /// Leave a rule entered with [`Parser::enter`].
    #[inline]
    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }
}

/// Parse a token vector (from [`crate::tokenizer`]) as `mode`, CPython's
/// `_PyPegen_run_parser`: a fast first pass; if it fails, a second pass with the
/// `invalid_*` rules enabled to raise a precise error; failing that, the generic error.
pub fn parse_tokens(
    source: &str,
    filename: &str,
    tokens: Vec<Token>,
    tokenizer_error: Option<SyntaxError>,
    mode: Mode,
) -> Result<ast::Mod, SyntaxError> {
    let mut p = Parser::new(source, filename, tokens, tokenizer_error);
    p.run(mode).map_err(|e| *e)
}

/// Parse the whole output of [`crate::tokenizer::tokenize`] as `mode`: like
/// [`parse_tokens`], and a syntax error is chosen between the parser's and the
/// tokenizer's as CPython's `_PyPegen_set_syntax_error` does.
pub fn parse_tokenized(
    source: &str,
    filename: &str,
    toks: crate::tokenizer::Tokens,
    mode: Mode,
) -> Result<ast::Mod, SyntaxError> {
    parse_tokenized_with_offsets(source, filename, toks, mode, true)
}

/// [`parse_tokenized`], choosing whether errors report character offsets (`true`) or
/// byte offsets (see [`Parser::char_offsets`]).
pub fn parse_tokenized_with_offsets(
    source: &str,
    filename: &str,
    mut toks: crate::tokenizer::Tokens,
    mode: Mode,
    char_offsets: bool,
) -> Result<ast::Mod, SyntaxError> {
    let tokens = std::mem::take(&mut toks.tokens);
    let error = toks.error.clone();
    let mut p = Parser::new(source, filename, tokens, error);
    p.char_offsets = char_offsets;
    p.tokens_meta = Some(Box::new(toks));
    p.run(mode).map_err(|e| *e)
}

impl<'src> Parser<'src> {
    /// CPython's `_PyPegen_run_parser` on this parser's tokens (see [`parse_tokens`]).
    pub(crate) fn run(&mut self, mode: Mode) -> Result<ast::Mod, Box<SyntaxError>> {
        match self.start_rule(mode) {
            Ok(Some(m)) => return Ok(m),
            Err(e) => return Err(self.finish_error(e)),
            Ok(None) => {}
        }
        let last_token = self.last_token();
        self.reset(0);
        self.memo = Memo::default();
        self.failed_blocks.clear();
        self.depth = START_DEPTH;
        self.call_invalid_rules = true;
        match self.start_rule(mode) {
            Err(e) => Err(self.finish_error(e)),
            Ok(_) => {
                let err = self.generic_error(last_token);
                if self.tokens_meta.is_some()
                    && matches!(last_token.kind, TokenKind::Indent | TokenKind::Dedent)
                {
                    // "unexpected indent/unindent": no full-source check.
                    return Err(err);
                }
                Err(self.finish_error(err))
            }
        }
    }

    /// The error a failed parse reports, given the error `err` the parser raised or
    /// chose: CPython's `_PyPegen_set_syntax_error` with
    /// `_PyPegen_tokenize_full_source_to_check_for_errors`. An error from the tokenizer
    /// itself (the parser needed a token past its error) stands; a parser error is
    /// replaced by an immediate tokenizer error anywhere in the file, or by "'(' was
    /// never closed" for a bracket opened on an earlier line. Without the tokenizer's
    /// full output (the f-string sub-parser), any tokenizer error wins.
    fn finish_error(&self, err: Box<SyntaxError>) -> Box<SyntaxError> {
        let Some(meta) = &self.tokens_meta else {
            return self.prefer_tokenizer_error(err);
        };
        // The parser ran into the tokenizer's error: it stands, except the "invalid
        // syntax" of a character that is no token (`$`, `?`, a backtick), which
        // CPython's parser meets as an OP token and reports as its own generic error.
        let stray_character = meta.error_timing == crate::tokenizer::ErrorTiming::Deferred
            && err.msg == "invalid syntax";
        if self.fill > self.tokens.len() && !stray_character {
            return err;
        }
        // CPython compares with the line of the furthest token fetched
        // (`p->tokens[p->fill - 1]`), not the error's own line.
        match meta.full_source_check(self.source, self.last_token().lineno) {
            Some(mut e) => {
                e.filename = self.filename.to_string();
                Box::new(e)
            }
            None => err,
        }
    }
}

impl<'src> Parser<'src> {
    /// Run the start rule of `mode`.
    fn start_rule(&mut self, mode: Mode) -> PResult<ast::Mod> {
        match mode {
            Mode::Exec => self.file(),
            Mode::Eval => self.eval(),
            Mode::Single => self.interactive(),
            Mode::FuncType => self.func_type(),
            Mode::FString => self.fstring(),
        }
    }

    /// CPython's `_PyPegen_tokenize_full_source_to_check_for_errors`: a tokenizer error
    /// anywhere in the source replaces an error the parser raised.
    fn prefer_tokenizer_error(&self, err: Box<SyntaxError>) -> Box<SyntaxError> {
        match &self.tokenizer_error {
            Some(tok_err) => {
                let mut e = tok_err.clone();
                e.filename = self.filename.to_string();
                Box::new(e)
            }
            None => err,
        }
    }
}

mod call;
mod errors;
mod expression;
mod fstring;
mod lambda;
mod params;
mod pattern;
mod statement;
mod string;
mod target;
#[cfg(test)]
mod test_support;
