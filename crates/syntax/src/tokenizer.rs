//! The tokenizer: decoded Python source text to [`Token`]s, as CPython 3.11's C tokenizer
//! (`Parser/tokenizer.c`, `tok_get`) produces them for the parser.
//!
//! [`tokenize`] runs over the whole input up front. It reproduces CPython's
//! NEWLINE/INDENT/DEDENT rules (blank and comment-only lines, tabs to multiples of 8
//! with the one-column "alt" check, form feeds, backslash continuations, implicit line
//! joining inside brackets), its number scanner with every error message, its string
//! scanner (f-strings are one `String` token in 3.11), and the positions and messages of
//! every error CPython raises while tokenizing.
//!
//! Like `compile()` with `exec` input, the input is treated as if it ended with a
//! newline when it does not (CPython's `translate_newlines` appends one): the final
//! `NEWLINE` token then sits just past the end of the last line. The input must already
//! have had its newlines translated (`\r\n` and `\r` to `\n`, see
//! [`crate::source::decode_str_source`]); a stray `\r` is reported as CPython reports it,
//! "invalid non-printable character U+000D".
//!
//! # Errors: who raises what
//!
//! CPython raises tokenizer errors in two ways, and the parser must know which:
//!
//! * **Immediate** errors ([`ErrorTiming::Immediate`]) are raised inside the tokenizer
//!   (`syntaxerror()` in tokenizer.c): bad numbers, unterminated strings, invalid
//!   characters, bracket mismatches, too many nested parentheses. Besides being raised
//!   when the parser asks for that token, they also *replace* a generic
//!   "invalid syntax" error that the parser found earlier in the file
//!   (`_PyPegen_tokenize_full_source_to_check_for_errors`).
//! * **Deferred** errors ([`ErrorTiming::Deferred`]) are raised by the parser when it
//!   asks for the failing token (`tokenizer_error()` in Parser/pegen_errors.c, from
//!   `tok->done`): IndentationError "unindent does not match any outer indentation
//!   level", TabError, "too many levels of indentation", "unexpected character after
//!   line continuation character", "unexpected EOF while parsing", and "'(' was never
//!   closed" (end of input inside brackets; CPython builds it in
//!   `raise_unclosed_parentheses_error` from the innermost open bracket). A character
//!   that is no token at all (`$`, `?`, `` ` ``, a lone `!`) is an `OP` token in
//!   CPython on which the parser fails with "invalid syntax"; here it is a deferred
//!   "invalid syntax" error located on that character.
//!
//! The parser still has to produce two errors itself from this module's data:
//! "unexpected indent" / "unexpected unindent" (it fails on an `Indent`/`Dedent`
//! token; CPython reports line `end_lineno` of that token, offset = the number of
//! characters before `end_col_offset`, no end offset), and, after a generic
//! "invalid syntax" on line L with [`Tokens::open_brackets`] non-empty at the end of
//! input, "'(' was never closed" if the innermost open bracket is on a line before L
//! ([`Tokens::unclosed_bracket_error`]).

use crate::error::{SyntaxError, SyntaxErrorType};
use crate::token::{Token, TokenKind};

/// CPython's `MAXINDENT`: at most 99 indentation levels.
const MAX_INDENT: usize = 100;
/// CPython's `MAXLEVEL`: at most 200 nested brackets.
const MAX_LEVEL: usize = 200;
/// CPython's `TABSIZE`.
const TAB_SIZE: u32 = 8;
/// End of input, as `tok_nextc` returns it.
const EOF: i32 = -1;

/// The tokenizer's whole output for one source text.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// Every token before the error, if any; without an error, ending in `EndMarker`.
    pub tokens: Vec<Token>,
    /// The error the tokenizer stopped on, fully located as CPython reports it
    /// (filename left empty). The parser raises it when it needs a token past the end
    /// of `tokens`; see the module documentation for [`Tokens::error_timing`].
    pub error: Option<SyntaxError>,
    /// Whether `error` is raised inside CPython's tokenizer (and so also replaces an
    /// earlier generic "invalid syntax") or by the parser. Meaningless without `error`.
    pub error_timing: ErrorTiming,
    /// Brackets still open where tokenizing stopped (end of input or the error),
    /// outermost first: CPython's `parenstack`/`parenlinenostack`/`parencolstack`.
    pub open_brackets: Vec<OpenBracket>,
    /// When `error` is the "invalid syntax" of a stray character (`$`, `?`, ...):
    /// the first *immediate* tokenizer error after it, if any. CPython keeps tokenizing
    /// past such a character, and `_PyPegen_tokenize_full_source_to_check_for_errors`
    /// then raises that error instead of the generic one.
    pub full_source_error: Option<SyntaxError>,
    /// Warnings CPython's tokenizer emits (`parser_warn`): a `SyntaxWarning`
    /// "invalid decimal literal" and the like for a number directly followed by a
    /// keyword, as in `1if x else y`.
    pub warnings: Vec<TokenizerWarning>,
    /// The physical line the tokenizer was on when it stopped (CPython's
    /// `tok->lineno`), used to decide whether an error's `text` keeps its newline.
    pub last_lineno: u32,
    /// Byte offsets of the start of each physical line (index 0 is line 1).
    pub line_starts: Vec<u32>,
    /// Where CPython's line buffer started when tokenizing stopped (see `buf_start`).
    last_buf_start: u32,
    /// Whether the input was tokenized as `exec` input (see [`tokenize_mode`]).
    exec_input: bool,
}

/// See [`Tokens::error_timing`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorTiming {
    /// Raised inside the tokenizer (`syntaxerror()` in tokenizer.c).
    #[default]
    Immediate,
    /// Raised by the parser from `tok->done` when it fetches the failing token.
    Deferred,
}

/// An open bracket: the character, its 1-based line and its 0-based byte column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenBracket {
    /// `(`, `[` or `{`.
    pub ch: char,
    /// 1-based line of the bracket.
    pub lineno: u32,
    /// 0-based byte column of the bracket in its line.
    pub col: u32,
}

/// A warning emitted while tokenizing (CPython's `parser_warn`, category `SyntaxWarning`
/// in 3.11.7), reported at `lineno` of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenizerWarning {
    /// The warning text, e.g. "invalid decimal literal".
    pub msg: String,
    /// The 1-based line CPython reports the warning on.
    pub lineno: u32,
}

impl Tokens {
    /// The text of physical line `lineno` (1-based) of `source`, without its newline.
    pub fn line_text<'s>(&self, source: &'s str, lineno: u32) -> &'s str {
        line_of(source, &self.line_starts, lineno)
    }

    /// What CPython's `_PyPegen_tokenize_full_source_to_check_for_errors` does after the
    /// parser raised a generic "invalid syntax" on line `err_lineno`: the error that
    /// replaces it, if any. That is the first immediate tokenizer error in the rest of
    /// the file (`error` when it is immediate, else `full_source_error`), or else
    /// "'(' was never closed" when the tokenizer stopped inside brackets opened on a
    /// line before `err_lineno`.
    pub fn full_source_check(&self, source: &str, err_lineno: u32) -> Option<SyntaxError> {
        if self.error.is_some() && self.error_timing == ErrorTiming::Immediate {
            return self.error.clone();
        }
        if self.full_source_error.is_some() {
            return self.full_source_error.clone();
        }
        let stopped_in_brackets = self.error.is_some();
        match self.open_brackets.last() {
            Some(b) if stopped_in_brackets && b.lineno < err_lineno => {
                self.unclosed_bracket_error(source)
            }
            _ => None,
        }
    }

    /// CPython's `raise_unclosed_parentheses_error` for the innermost open bracket:
    /// "'(' was never closed", located on the bracket, end offset 0. The parser calls
    /// this when a generic "invalid syntax" is on a line after that bracket's line.
    pub fn unclosed_bracket_error(&self, source: &str) -> Option<SyntaxError> {
        let b = self.open_brackets.last()?;
        Some(unclosed_error(
            source,
            &self.line_starts,
            b,
            self.last_lineno,
            self.last_buf_start as usize,
            self.exec_input,
        ))
    }
}

fn line_of<'s>(source: &'s str, line_starts: &[u32], lineno: u32) -> &'s str {
    let Some(&start) = line_starts.get((lineno as usize).wrapping_sub(1)) else {
        return "";
    };
    let rest = source.get(start as usize..).unwrap_or("");
    match rest.find('\n') {
        Some(n) => &rest[..n],
        None => rest,
    }
}

/// Number of characters in the first `nbytes` bytes of `line` (a cut inside a
/// character counts that character, as CPython's "replace" decoding does).
fn chars_in_prefix(line: &str, nbytes: usize) -> u32 {
    let mut n = 0u32;
    for (i, _) in line.char_indices() {
        if i >= nbytes {
            return n;
        }
        n += 1;
    }
    // Past the end of the line: the newline (or CPython's appended one) counts too.
    if nbytes > line.len() {
        n += 1;
    }
    n
}

/// `raise_unclosed_parentheses_error`. When the bracket is on the tokenizer's current
/// line, CPython takes the text from its line buffer (which starts at `buf_start`, maybe
/// lines earlier) and measures the column in it, as reproduced here.
fn unclosed_error(
    source: &str,
    line_starts: &[u32],
    b: &OpenBracket,
    cur_lineno: u32,
    buf_start: usize,
    exec_input: bool,
) -> SyntaxError {
    let mut line = line_of(source, line_starts, b.lineno);
    let mut text = line.to_string();
    if b.lineno >= cur_lineno {
        let idx = (b.lineno as usize).wrapping_sub(1);
        let line_start = line_starts.get(idx).map_or(0, |&s| s as usize);
        let end = line_start + line.len();
        line = source.get(buf_start.min(line_start)..end).unwrap_or(line);
        // With exec input CPython appended a newline to the source if it had none.
        let has_nl = exec_input || source.as_bytes().get(end) == Some(&b'\n');
        text = format!("{line}{}", if has_nl { "\n" } else { "" });
    }
    SyntaxError {
        error_type: SyntaxErrorType::SyntaxError,
        msg: format!("'{}' was never closed", b.ch),
        filename: String::new(),
        lineno: Some(b.lineno as i32),
        offset: Some((chars_in_prefix(line, b.col as usize + 1)) as i32),
        end_lineno: Some(b.lineno as i32),
        end_offset: Some(0),
        text: Some(text),
    }
}

/// Tokenize `source` (already decoded and newline-translated) the way CPython 3.11's C
/// tokenizer does for `compile(source, filename, "exec")`.
pub fn tokenize(source: &str) -> Tokens {
    tokenize_mode(source, true)
}

/// Tokenize for a given compile mode: `exec_input` is true for `exec` (CPython then
/// appends a newline to a source that lacks one) and false for `eval` and `single`
/// (no newline appended: no final NEWLINE token, a backslash at the very end is
/// "unexpected character after line continuation character", and error texts of a
/// last line keep no newline).
pub fn tokenize_mode(source: &str, exec_input: bool) -> Tokens {
    let mut t = Tokenizer::new(source, exec_input);
    if source.as_bytes().contains(&0) {
        t.out.error = Some(SyntaxError {
            error_type: SyntaxErrorType::SyntaxError,
            msg: "source code string cannot contain null bytes".to_string(),
            filename: String::new(),
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
            text: None,
        });
        return t.out;
    }
    t.run();
    t.finish()
}

/// A tokenizer error before it is located: either CPython's `syntaxerror()` family or a
/// `tok->done` code.
struct Stop;

struct Tokenizer<'a> {
    src: &'a str,
    /// The source bytes with CPython's implicit final newline (exec input only).
    b: Vec<u8>,
    /// See [`tokenize_mode`].
    exec_input: bool,
    pos: usize,
    line_start: usize,
    lineno: u32,
    atbol: bool,
    indstack: Vec<u32>,
    altindstack: Vec<u32>,
    pendin: i32,
    brackets: Vec<OpenBracket>,
    tok_start: usize,
    tok_lineno: u32,
    tok_line_start: usize,
    /// Set when the last error was a stray character (CPython's generic `OP`).
    stray: bool,
    /// Start of CPython's line buffer `tok->buf`: the current line, extended backwards
    /// over the lines a token (a string, or a backslash continuation) started on.
    buf_start: usize,
    /// CPython's `tok->start != NULL`: inside a token, where reading a new line keeps
    /// the buffer.
    in_token: bool,
    out: Tokens,
}

fn is_ident_start(c: i32) -> bool {
    (c >= b'a' as i32 && c <= b'z' as i32)
        || (c >= b'A' as i32 && c <= b'Z' as i32)
        || c == b'_' as i32
        || c >= 128
}

fn is_ident_char(c: i32) -> bool {
    is_ident_start(c) || (c >= b'0' as i32 && c <= b'9' as i32)
}

fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

fn is_xdigit(c: i32) -> bool {
    is_digit(c)
        || (b'a' as i32..=b'f' as i32).contains(&c)
        || (b'A' as i32..=b'F' as i32).contains(&c)
}

/// Whether `ch` may start an identifier: `_` or XID_Start, as CPython 3.11's
/// `_PyUnicode_ScanIdentifier` (Unicode 14.0). `unicode-ident` follows a newer Unicode;
/// characters assigned since 14.0 are unassigned, hence non-printable, for CPython, so
/// the printability table (generated from python3) filters them out.
pub fn is_identifier_start(ch: char) -> bool {
    (ch == '_' || unicode_ident::is_xid_start(ch)) && is_printable(ch)
}

/// Whether `ch` may continue an identifier: XID_Continue, as CPython 3.11 (see
/// [`is_identifier_start`]).
pub fn is_identifier_continue(ch: char) -> bool {
    // The two katakana middle dots became XID_Continue in Unicode 15.1.
    unicode_ident::is_xid_continue(ch) && is_printable(ch) && !matches!(ch, '\u{30FB}' | '\u{FF65}')
}

/// Whether `ch` is unassigned (category Cn) in CPython 3.11's Unicode 14.0 database.
pub(crate) fn is_unassigned_in_python(ch: char) -> bool {
    common::repr::is_unassigned(ch as u32)
}

/// CPython's `Py_UNICODE_ISPRINTABLE`.
pub(crate) fn is_printable(ch: char) -> bool {
    common::repr::is_printable(ch as u32)
}

fn keyword(name: &[u8]) -> Option<TokenKind> {
    use TokenKind as K;
    Some(match name {
        b"False" => K::False,
        b"None" => K::None,
        b"True" => K::True,
        b"and" => K::And,
        b"as" => K::As,
        b"assert" => K::Assert,
        b"async" => K::Async,
        b"await" => K::Await,
        b"break" => K::Break,
        b"class" => K::Class,
        b"continue" => K::Continue,
        b"def" => K::Def,
        b"del" => K::Del,
        b"elif" => K::Elif,
        b"else" => K::Else,
        b"except" => K::Except,
        b"finally" => K::Finally,
        b"for" => K::For,
        b"from" => K::From,
        b"global" => K::Global,
        b"if" => K::If,
        b"import" => K::Import,
        b"in" => K::In,
        b"is" => K::Is,
        b"lambda" => K::Lambda,
        b"nonlocal" => K::Nonlocal,
        b"not" => K::Not,
        b"or" => K::Or,
        b"pass" => K::Pass,
        b"raise" => K::Raise,
        b"return" => K::Return,
        b"try" => K::Try,
        b"while" => K::While,
        b"with" => K::With,
        b"yield" => K::Yield,
        _ => return None,
    })
}

/// CPython's `PyToken_OneChar` (without the generic `OP`).
fn one_char(c: u8) -> Option<TokenKind> {
    use TokenKind as K;
    Some(match c {
        b'(' => K::Lpar,
        b')' => K::Rpar,
        b'[' => K::Lsqb,
        b']' => K::Rsqb,
        b':' => K::Colon,
        b',' => K::Comma,
        b';' => K::Semi,
        b'+' => K::Plus,
        b'-' => K::Minus,
        b'*' => K::Star,
        b'/' => K::Slash,
        b'|' => K::Vbar,
        b'&' => K::Amper,
        b'<' => K::Less,
        b'>' => K::Greater,
        b'=' => K::Equal,
        b'.' => K::Dot,
        b'%' => K::Percent,
        b'{' => K::Lbrace,
        b'}' => K::Rbrace,
        b'~' => K::Tilde,
        b'^' => K::Circumflex,
        b'@' => K::At,
        _ => return None,
    })
}

/// CPython's `PyToken_TwoChars`. `<>` is `NotEqual`, as in CPython: the parser rejects
/// it by its text unless `barry_as_FLUFL`.
fn two_chars(c1: u8, c2: u8) -> Option<TokenKind> {
    use TokenKind as K;
    Some(match (c1, c2) {
        (b'!', b'=') => K::NotEqual,
        (b'%', b'=') => K::PercentEqual,
        (b'&', b'=') => K::AmperEqual,
        (b'*', b'*') => K::DoubleStar,
        (b'*', b'=') => K::StarEqual,
        (b'+', b'=') => K::PlusEqual,
        (b'-', b'=') => K::MinEqual,
        (b'-', b'>') => K::Rarrow,
        (b'/', b'/') => K::DoubleSlash,
        (b'/', b'=') => K::SlashEqual,
        (b':', b'=') => K::ColonEqual,
        (b'<', b'<') => K::LeftShift,
        (b'<', b'=') => K::LessEqual,
        (b'<', b'>') => K::NotEqual,
        (b'=', b'=') => K::EqEqual,
        (b'>', b'=') => K::GreaterEqual,
        (b'>', b'>') => K::RightShift,
        (b'@', b'=') => K::AtEqual,
        (b'^', b'=') => K::CircumflexEqual,
        (b'|', b'=') => K::VbarEqual,
        _ => return None,
    })
}

/// CPython's `PyToken_ThreeChars` (`...` is handled with `.`).
fn three_chars(c1: u8, c2: u8, c3: u8) -> Option<TokenKind> {
    use TokenKind as K;
    Some(match (c1, c2, c3) {
        (b'*', b'*', b'=') => K::DoubleStarEqual,
        (b'/', b'/', b'=') => K::DoubleSlashEqual,
        (b'<', b'<', b'=') => K::LeftShiftEqual,
        (b'>', b'>', b'=') => K::RightShiftEqual,
        _ => return None,
    })
}

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str, exec_input: bool) -> Self {
        let mut b = Vec::with_capacity(src.len() + 1);
        b.extend_from_slice(src.as_bytes());
        if exec_input && b.last() != Some(&b'\n') {
            b.push(b'\n');
        }
        Tokenizer {
            src,
            b,
            pos: 0,
            line_start: 0,
            lineno: 1,
            atbol: true,
            indstack: vec![0],
            altindstack: vec![0],
            pendin: 0,
            brackets: Vec::new(),
            tok_start: 0,
            tok_lineno: 1,
            tok_line_start: 0,
            stray: false,
            buf_start: 0,
            in_token: false,
            exec_input,
            out: Tokens {
                // About one token per 6 bytes of typical code: reserve to avoid regrowth.
                tokens: Vec::with_capacity(src.len() / 8 + 16),
                line_starts: vec![0],
                exec_input,
                ..Tokens::default()
            },
        }
    }

    /// CPython's `tok_nextc`: the next byte, or `EOF`. A new line is entered (and
    /// `lineno` bumped) only when its first byte is read, as CPython reads line by line.
    #[inline]
    fn nextc(&mut self) -> i32 {
        let Some(&c) = self.b.get(self.pos) else {
            return EOF;
        };
        if self.pos > self.line_start && self.b.get(self.pos - 1) == Some(&b'\n') {
            self.lineno += 1;
            self.line_start = self.pos;
            if !self.in_token {
                self.buf_start = self.pos;
            }
            self.out.line_starts.push(self.pos as u32);
        }
        self.pos += 1;
        c as i32
    }

    /// CPython's `tok_backup`.
    #[inline]
    fn backup(&mut self, c: i32) {
        if c != EOF && self.pos > 0 {
            self.pos -= 1;
        }
    }

    fn finish(mut self) -> Tokens {
        self.out.open_brackets = std::mem::take(&mut self.brackets);
        self.out.last_lineno = self.lineno;
        self.out.last_buf_start = self.buf_start as u32;
        self.out
    }

    fn run(&mut self) {
        // After a stray character the scan goes on without recording tokens, to find
        // the error CPython's full-source check would raise (see `full_source_error`).
        let mut stashed: Option<SyntaxError> = None;
        loop {
            let res = self.next_token();
            let stray = std::mem::take(&mut self.stray);
            match res {
                Ok(kind) => {
                    if stashed.is_none() {
                        self.push_token(kind);
                    }
                    if kind == TokenKind::EndMarker {
                        break;
                    }
                }
                Err(Stop) if stray => {
                    let err = self.out.error.take();
                    if stashed.is_none() {
                        stashed = err;
                    }
                }
                Err(Stop) => {
                    if stashed.is_some() {
                        let later = self.out.error.take();
                        if self.out.error_timing == ErrorTiming::Immediate {
                            self.out.full_source_error = later;
                        }
                    }
                    break;
                }
            }
        }
        if let Some(err) = stashed {
            self.out.error = Some(err);
            self.out.error_timing = ErrorTiming::Deferred;
        }
    }

    fn push_token(&mut self, kind: TokenKind) {
        let src_len = self.src.len();
        let (lineno, col, end_lineno, end_col) = match kind {
            // At the end of input (ENDMARKER, final DEDENTs) CPython's tokenize module
            // reports the line after the last one, column 0.
            TokenKind::EndMarker if self.src.is_empty() => (1, 0, 1, 0),
            TokenKind::EndMarker | TokenKind::Dedent if self.pos >= self.b.len() => {
                // ... except after a final whitespace-only line without a newline.
                let last = self.src.get(self.line_start..).unwrap_or("");
                let l = if !self.src.ends_with('\n')
                    && last.bytes().all(|c| matches!(c, b' ' | b'\t' | 0x0c))
                {
                    self.lineno
                } else {
                    self.lineno + 1
                };
                (l, 0, l, 0)
            }
            _ => (
                self.tok_lineno,
                self.tok_start - self.tok_line_start,
                self.lineno,
                self.pos - self.line_start,
            ),
        };
        // DEDENT is empty; NEWLINE leaves its '\n' out ("Leave '\n' out of the string" in
        // tok_get) and starts at a comment before it, if any.
        let (lineno, col, end_lineno, end_col) = match kind {
            TokenKind::Dedent => (lineno, col, lineno, col),
            TokenKind::Newline => (lineno, col, lineno, end_col.saturating_sub(1)),
            _ => (lineno, col, end_lineno, end_col),
        };
        let start = self.tok_start.min(src_len);
        let end = match kind {
            TokenKind::Dedent => start,
            TokenKind::Newline => self.pos.saturating_sub(1).min(src_len),
            _ => self.pos.min(src_len),
        };
        self.out.tokens.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
            lineno,
            col_offset: col as u32,
            end_lineno,
            end_col_offset: end_col as u32,
        });
    }

    // ----- error construction (cold) -----

    /// The current physical line, without its newline.
    fn cur_line(&self) -> &str {
        line_of_bytes(&self.b, self.line_start)
    }

    /// The newline ending the current line in CPython's buffer, if it has one.
    fn nl(&self) -> &'static str {
        let end = self.line_start + self.cur_line().len();
        if self.b.get(end) == Some(&b'\n') {
            "\n"
        } else {
            ""
        }
    }

    /// CPython's line buffer (`tok->buf` to the end of the current line), without the
    /// final newline.
    fn buf_text(&self) -> &str {
        let start = self.buf_start.min(self.line_start);
        let end = self.line_start + self.cur_line().len();
        std::str::from_utf8(self.b.get(start..end).unwrap_or(&[])).unwrap_or("")
    }

    /// CPython's `_syntaxerror_range` with `col_offset == -1`: located at the number of
    /// characters before `tok->cur`, text without the newline.
    #[cold]
    fn syntax_error(&mut self, msg: String) -> Stop {
        let line = self.cur_line();
        let upto = self.pos.saturating_sub(self.line_start);
        let col = chars_in_prefix(line, upto.min(line.len()));
        let err = self.make(
            SyntaxErrorType::SyntaxError,
            msg,
            self.lineno,
            col,
            Some(col),
            line.to_string(),
        );
        self.set_error(err, ErrorTiming::Immediate)
    }

    /// CPython's `syntaxerror_known_range`: byte columns used as they are.
    #[cold]
    fn syntax_error_range(&mut self, msg: String, col: u32, end_col: u32) -> Stop {
        let line = self.cur_line().to_string();
        let err = self.make(
            SyntaxErrorType::SyntaxError,
            msg,
            self.lineno,
            col,
            Some(end_col),
            line,
        );
        self.set_error(err, ErrorTiming::Immediate)
    }

    /// Errors raised from `tok->done` through `RAISE_ERROR_KNOWN_LOCATION`: `byte_col`
    /// is CPython's 0-based byte column, end offset 0, text with its newline.
    #[cold]
    fn done_error(&mut self, ty: SyntaxErrorType, msg: &str, byte_col: usize) -> Stop {
        let buf = self.buf_text();
        let col = chars_in_prefix(buf, byte_col + 1);
        let text = format!("{buf}{}", self.nl());
        let err = self.make(ty, msg.to_string(), self.lineno, col, Some(0), text);
        self.set_error(err, ErrorTiming::Deferred)
    }

    /// Errors raised from `tok->done` through `_PyPegen_raise_error` on the error token
    /// (E_DEDENT, E_EOF): offset = characters up to the end of the line, newline (if
    /// any) included; end offset -1, as CPython reports it.
    #[cold]
    fn eol_error(&mut self, ty: SyntaxErrorType, msg: &str) -> Stop {
        let nl = self.nl();
        let col = self.cur_line().chars().count() as u32 + nl.len() as u32;
        let text = format!("{}{nl}", self.buf_text());
        let mut err = self.make(ty, msg.to_string(), self.lineno, col, None, text);
        err.end_offset = Some(-1);
        self.set_error(err, ErrorTiming::Deferred)
    }

    #[cold]
    fn eof_in_brackets(&mut self) -> Stop {
        match self.brackets.last() {
            Some(b) => {
                let b = *b;
                let err = unclosed_error(
                    self.src,
                    &self.out.line_starts,
                    &b,
                    self.lineno,
                    self.buf_start,
                    self.exec_input,
                );
                self.set_error(err, ErrorTiming::Deferred)
            }
            None => self.eol_error(SyntaxErrorType::SyntaxError, "unexpected EOF while parsing"),
        }
    }

    fn make(
        &self,
        ty: SyntaxErrorType,
        msg: String,
        lineno: u32,
        col: u32,
        end: Option<u32>,
        text: String,
    ) -> SyntaxError {
        SyntaxError {
            error_type: ty,
            msg,
            filename: String::new(),
            lineno: Some(lineno as i32),
            offset: Some(col as i32),
            end_lineno: Some(lineno as i32),
            end_offset: end.map(|e| e as i32),
            text: Some(text),
        }
    }

    fn set_error(&mut self, err: SyntaxError, timing: ErrorTiming) -> Stop {
        self.out.error = Some(err);
        self.out.error_timing = timing;
        Stop
    }

    // ----- the scanner -----

    /// CPython's `tok_continuation_line`, after a backslash has been read.
    fn continuation_line(&mut self) -> Result<i32, Stop> {
        let c = self.nextc();
        if c != b'\n' as i32 {
            let byte_col = self
                .pos
                .saturating_sub(self.buf_start.min(self.line_start) + 1);
            return Err(self.done_error(
                SyntaxErrorType::SyntaxError,
                "unexpected character after line continuation character",
                byte_col,
            ));
        }
        let c = self.nextc();
        if c == EOF {
            if self.brackets.is_empty() {
                return Err(
                    self.eol_error(SyntaxErrorType::SyntaxError, "unexpected EOF while parsing")
                );
            }
            return Err(self.eof_in_brackets());
        }
        self.backup(c);
        Ok(c)
    }

    /// CPython's `tok_get`, returning one token kind with `tok_start`/`pos` around it.
    fn next_token(&mut self) -> Result<TokenKind, Stop> {
        'nextline: loop {
            self.in_token = false;
            let mut blankline = false;
            if self.atbol {
                self.atbol = false;
                let (mut col, mut altcol, mut cont_line_col) = (0u32, 0u32, 0u32);
                let mut c;
                loop {
                    c = self.nextc();
                    if c == b' ' as i32 {
                        col += 1;
                        altcol += 1;
                    } else if c == b'\t' as i32 {
                        col = (col / TAB_SIZE + 1) * TAB_SIZE;
                        altcol += 1;
                    } else if c == 0x0c {
                        col = 0;
                        altcol = 0;
                    } else if c == b'\\' as i32 {
                        if cont_line_col == 0 {
                            cont_line_col = col;
                        }
                        self.continuation_line()?;
                    } else {
                        break;
                    }
                }
                self.backup(c);
                if c == b'#' as i32 || c == b'\n' as i32 {
                    blankline = true;
                }
                if !blankline && self.brackets.is_empty() {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    let top = self.indstack.len() - 1;
                    let (ind, altind) = (self.indstack[top], self.altindstack[top]);
                    if col == ind {
                        if altcol != altind {
                            return Err(self.tab_error());
                        }
                    } else if col > ind {
                        if self.indstack.len() >= MAX_INDENT {
                            return Err(self.done_error(
                                SyntaxErrorType::IndentationError,
                                "too many levels of indentation",
                                0,
                            ));
                        }
                        if altcol <= altind {
                            return Err(self.tab_error());
                        }
                        self.pendin += 1;
                        self.indstack.push(col);
                        self.altindstack.push(altcol);
                    } else {
                        while self.indstack.len() > 1 && col < *self.indstack.last().unwrap_or(&0) {
                            self.pendin -= 1;
                            self.indstack.pop();
                            self.altindstack.pop();
                        }
                        if col != *self.indstack.last().unwrap_or(&0) {
                            return Err(self.eol_error(
                                SyntaxErrorType::IndentationError,
                                "unindent does not match any outer indentation level",
                            ));
                        }
                        if altcol != *self.altindstack.last().unwrap_or(&0) {
                            return Err(self.tab_error());
                        }
                    }
                }
            }

            self.tok_start = self.pos;
            self.tok_lineno = self.lineno;
            self.tok_line_start = self.line_start;
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    return Ok(TokenKind::Dedent);
                }
                self.pendin -= 1;
                // INDENT spans the indentation, as Python's tokenize module reports it.
                self.tok_start = self.line_start;
                return Ok(TokenKind::Indent);
            }

            // `again:` — skip spaces.
            loop {
                let mut c;
                self.in_token = false;
                loop {
                    c = self.nextc();
                    if !(c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c) {
                        break;
                    }
                }
                self.in_token = true;
                self.tok_start = self.pos.saturating_sub(1);
                self.tok_lineno = self.lineno;
                self.tok_line_start = self.line_start;

                if c == b'#' as i32 {
                    while c != EOF && c != b'\n' as i32 {
                        c = self.nextc();
                    }
                }
                if c == EOF {
                    self.tok_start = self.pos;
                    if !self.brackets.is_empty() {
                        return Err(self.eof_in_brackets());
                    }
                    return Ok(TokenKind::EndMarker);
                }

                if is_ident_start(c) {
                    return self.identifier_or_string(c);
                }

                if c == b'\n' as i32 {
                    self.atbol = true;
                    if blankline || !self.brackets.is_empty() {
                        continue 'nextline;
                    }
                    return Ok(TokenKind::Newline);
                }

                if c == b'.' as i32 {
                    let c2 = self.nextc();
                    if is_digit(c2) {
                        return self.fraction(c2);
                    } else if c2 == b'.' as i32 {
                        let c3 = self.nextc();
                        if c3 == b'.' as i32 {
                            return Ok(TokenKind::Ellipsis);
                        }
                        self.backup(c3);
                        self.backup(c2);
                    } else {
                        self.backup(c2);
                    }
                    return Ok(TokenKind::Dot);
                }

                if is_digit(c) {
                    return self.number(c);
                }

                if c == b'\'' as i32 || c == b'"' as i32 {
                    return self.string(c);
                }

                if c == b'\\' as i32 {
                    self.continuation_line()?;
                    continue;
                }

                return self.operator(c as u8);
            }
        }
    }

    #[cold]
    fn tab_error(&mut self) -> Stop {
        self.done_error(
            SyntaxErrorType::TabError,
            "inconsistent use of tabs and spaces in indentation",
            0,
        )
    }

    fn operator(&mut self, c: u8) -> Result<TokenKind, Stop> {
        let c2 = self.nextc();
        if let Some(kind) = u8::try_from(c2).ok().and_then(|c2| two_chars(c, c2)) {
            let c3 = self.nextc();
            if let Some(kind3) = u8::try_from(c3)
                .ok()
                .and_then(|c3| three_chars(c, c2 as u8, c3))
            {
                return Ok(kind3);
            }
            self.backup(c3);
            return Ok(kind);
        }
        self.backup(c2);
        match c {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(self.syntax_error("too many nested parentheses".to_string()));
                }
                self.brackets.push(OpenBracket {
                    ch: c as char,
                    lineno: self.lineno,
                    col: (self.tok_start - self.line_start) as u32,
                });
            }
            b')' | b']' | b'}' => {
                let Some(open) = self.brackets.pop() else {
                    return Err(self.syntax_error(format!("unmatched '{}'", c as char)));
                };
                let matches = matches!((open.ch, c), ('(', b')') | ('[', b']') | ('{', b'}'));
                if !matches {
                    let msg = if open.lineno != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char, open.ch, open.lineno
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open.ch
                        )
                    };
                    return Err(self.syntax_error(msg));
                }
            }
            _ => {}
        }
        if !(0x20..0x7f).contains(&c) {
            return Err(self.syntax_error(format!("invalid non-printable character U+{:04X}", c)));
        }
        match one_char(c) {
            Some(kind) => Ok(kind),
            None => Err(self.invalid_syntax_here()),
        }
    }

    /// A character that is CPython's generic `OP` token: the parser fails on it with
    /// "invalid syntax" located on that one character.
    #[cold]
    fn invalid_syntax_here(&mut self) -> Stop {
        let line = self.cur_line();
        let start = self.tok_start.saturating_sub(self.line_start);
        let col = chars_in_prefix(line, start) + 1;
        let text = format!("{line}{}", self.nl());
        self.stray = true;
        let err = self.make(
            SyntaxErrorType::SyntaxError,
            "invalid syntax".to_string(),
            self.lineno,
            col,
            Some(col + 1),
            text,
        );
        self.set_error(err, ErrorTiming::Deferred)
    }

    fn identifier_or_string(&mut self, first: i32) -> Result<TokenKind, Stop> {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut c = first;
        loop {
            let lc = if (0..128).contains(&c) {
                (c as u8).to_ascii_lowercase()
            } else {
                0
            };
            if !(saw_b || saw_u || saw_f) && lc == b'b' {
                saw_b = true;
            } else if !(saw_b || saw_u || saw_r || saw_f) && lc == b'u' {
                saw_u = true;
            } else if !(saw_r || saw_u) && lc == b'r' {
                saw_r = true;
            } else if !(saw_f || saw_b || saw_u) && lc == b'f' {
                saw_f = true;
            } else {
                break;
            }
            c = self.nextc();
            if c == b'"' as i32 || c == b'\'' as i32 {
                return self.string(c);
            }
        }
        let mut nonascii = false;
        while is_ident_char(c) {
            if c >= 128 {
                nonascii = true;
            }
            c = self.nextc();
        }
        self.backup(c);
        if nonascii {
            self.verify_identifier()?;
        }
        let name = self.b.get(self.tok_start..self.pos).unwrap_or(&[]);
        Ok(keyword(name).unwrap_or(TokenKind::Name))
    }

    /// CPython's `verify_identifier`: XID_Start/XID_Continue (via `unicode-ident`).
    fn verify_identifier(&mut self) -> Result<(), Stop> {
        let text =
            std::str::from_utf8(self.b.get(self.tok_start..self.pos).unwrap_or(&[])).unwrap_or("");
        let mut bad = None;
        for (i, ch) in text.char_indices() {
            let ok = if i == 0 {
                is_identifier_start(ch)
            } else {
                is_identifier_continue(ch)
            };
            if !ok {
                bad = Some((i, ch));
                break;
            }
        }
        let Some((i, ch)) = bad else { return Ok(()) };
        self.pos = self.tok_start + i + ch.len_utf8();
        let msg = if is_printable(ch) {
            format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        Err(self.syntax_error(msg))
    }

    /// CPython's `tok_decimal_tail`: digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<i32, Stop> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !is_digit(c) {
                    break;
                }
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.syntax_error("invalid decimal literal".to_string()));
            }
        }
    }

    /// CPython's `lookahead`: whether the next bytes are `rest` and then no identifier
    /// character. Consumes nothing.
    fn lookahead(&self, rest: &[u8]) -> bool {
        let p = self.pos;
        self.b.get(p..p + rest.len()) == Some(rest)
            && !is_ident_char(self.b.get(p + rest.len()).map_or(EOF, |&c| c as i32))
    }

    /// CPython's `verify_end_of_number`; `c` has been read.
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Result<(), Stop> {
        let r = match u8::try_from(c).unwrap_or(0) {
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => matches!(self.b.get(self.pos), Some(b'f' | b'n' | b's')),
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        if r {
            self.out.warnings.push(TokenizerWarning {
                msg: format!("invalid {kind} literal"),
                lineno: self.lineno,
            });
            Ok(())
        } else if c < 128 && is_ident_char(c) {
            // Non-ASCII is left to the identifier check of the next token, as in 3.11.
            self.backup(c);
            Err(self.syntax_error(format!("invalid {kind} literal")))
        } else {
            Ok(())
        }
    }

    fn number(&mut self, first: i32) -> Result<TokenKind, Stop> {
        let mut c;
        if first == b'0' as i32 {
            c = self.nextc();
            let lc = u8::try_from(c).unwrap_or(0).to_ascii_lowercase();
            if lc == b'x' {
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !is_xdigit(c) {
                        self.backup(c);
                        return Err(self.syntax_error("invalid hexadecimal literal".to_string()));
                    }
                    loop {
                        c = self.nextc();
                        if !is_xdigit(c) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                self.verify_end_of_number(c, "hexadecimal")?;
            } else if lc == b'o' || lc == b'b' {
                let (kind, max) = if lc == b'o' {
                    ("octal", b'7')
                } else {
                    ("binary", b'1')
                };
                let ok = |c: i32| (b'0' as i32..=max as i32).contains(&c);
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !ok(c) {
                        if is_digit(c) {
                            return Err(self.syntax_error(format!(
                                "invalid digit '{}' in {kind} literal",
                                c as u8 as char
                            )));
                        }
                        self.backup(c);
                        return Err(self.syntax_error(format!("invalid {kind} literal")));
                    }
                    loop {
                        c = self.nextc();
                        if !ok(c) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                if is_digit(c) {
                    return Err(self.syntax_error(format!(
                        "invalid digit '{}' in {kind} literal",
                        c as u8 as char
                    )));
                }
                self.verify_end_of_number(c, kind)?;
            } else {
                let mut nonzero = false;
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                        if !is_digit(c) {
                            self.backup(c);
                            return Err(self.syntax_error("invalid decimal literal".to_string()));
                        }
                    }
                    if c != b'0' as i32 {
                        break;
                    }
                    c = self.nextc();
                }
                let zeros_end = self.pos;
                if is_digit(c) {
                    nonzero = true;
                    c = self.decimal_tail()?;
                }
                if c == b'.' as i32 {
                    let c2 = self.nextc();
                    return self.fraction(c2);
                } else if c == b'e' as i32 || c == b'E' as i32 {
                    return self.exponent(c);
                } else if c == b'j' as i32 || c == b'J' as i32 {
                    return self.imaginary();
                } else if nonzero {
                    self.backup(c);
                    let col = (self.tok_start + 1 - self.line_start) as u32;
                    let end = (zeros_end - self.line_start) as u32;
                    return Err(self.syntax_error_range(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                            .to_string(),
                        col,
                        end,
                    ));
                }
                self.verify_end_of_number(c, "decimal")?;
            }
        } else {
            c = self.decimal_tail()?;
            if c == b'.' as i32 {
                let c2 = self.nextc();
                return self.fraction(c2);
            } else if c == b'e' as i32 || c == b'E' as i32 {
                return self.exponent(c);
            } else if c == b'j' as i32 || c == b'J' as i32 {
                return self.imaginary();
            }
            self.verify_end_of_number(c, "decimal")?;
        }
        self.backup(c);
        Ok(TokenKind::Number)
    }

    /// After the `.` of a number; `c` is the byte after it.
    fn fraction(&mut self, mut c: i32) -> Result<TokenKind, Stop> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.exponent(c);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(TokenKind::Number)
    }

    /// At an `e`/`E` after a number's digits.
    fn exponent(&mut self, e: i32) -> Result<TokenKind, Stop> {
        let mut c = self.nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.syntax_error("invalid decimal literal".to_string()));
            }
        } else if !is_digit(c) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(TokenKind::Number);
        }
        c = self.decimal_tail()?;
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(TokenKind::Number)
    }

    /// After the `j`/`J` of an imaginary number.
    fn imaginary(&mut self) -> Result<TokenKind, Stop> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(TokenKind::Number)
    }

    /// A string literal whose opening quote `quote` has just been read; `tok_start` is at
    /// its prefix. Mirrors the `letter_quote:` part of `tok_get`.
    fn string(&mut self, quote: i32) -> Result<TokenKind, Stop> {
        let first_lineno = self.tok_lineno;
        let multi_line_start = self.tok_line_start;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != quote {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            c = self.nextc();
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                let detected = self.lineno;
                let line = line_of_bytes(&self.b, multi_line_start);
                let col = chars_in_prefix(line, self.tok_start + 1 - multi_line_start);
                let msg = if quote_size == 3 {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                let err = self.make(
                    SyntaxErrorType::SyntaxError,
                    msg,
                    first_lineno,
                    col,
                    Some(col),
                    line.to_string(),
                );
                return Err(self.set_error(err, ErrorTiming::Immediate));
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    self.nextc();
                }
            }
        }
        Ok(TokenKind::String)
    }
}

/// The line starting at byte `start` of `b`, without its newline.
fn line_of_bytes(b: &[u8], start: usize) -> &str {
    let rest = b.get(start..).unwrap_or(&[]);
    let end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
    std::str::from_utf8(&rest[..end]).unwrap_or("")
}

#[cfg(test)]
mod tests;
