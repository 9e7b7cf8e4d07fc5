//! Python 3.11 source to AST, exactly as CPython's tokenizer and PEG parser do it.
//!
//! Layers, bottom up: `source` decodes bytes (BOM, PEP 263 cookie), `tokenizer`
//! makes [`token::Token`]s, `literal` decodes number and string literals, [`parser`]
//! builds the [`ast`], and `dump` prints it as `ast.dump(..., include_attributes=True)`.

pub mod ast;
pub mod dump;
pub mod error;
pub mod identifier;
pub mod literal;
pub mod parser;
pub mod source;
pub mod token;
pub mod tokenizer;

pub use error::{SyntaxError, SyntaxErrorType};

pub use parser::Mode;

/// Stack the parser may need at its deepest: CPython's limits (200 brackets,
/// 100 indentation levels, 6000 rule levels) bound the recursion, and this covers it
/// in unoptimized builds too.
const PARSER_STACK: usize = 256 * 1024 * 1024;

/// Run `f` with at least [`PARSER_STACK`] bytes of stack: on the current stack when
/// there is that much left, else on a fresh one (any thread, any embedder, no overflow).
pub fn with_parser_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(PARSER_STACK, PARSER_STACK, f)
}

/// Parse Python source bytes as CPython 3.11's `compile(source, filename, mode,
/// ast.PyCF_ONLY_AST)` does: decode (BOM, PEP 263 cookie, newline translation),
/// tokenize, and run the PEG parser.
pub fn parse(source: &[u8], filename: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    with_parser_stack(|| parse_on_this_stack(source, filename, mode))
}

/// Parse source that is already text (a `str` given to `compile()` or `ast.parse`):
/// CPython ignores its coding cookie (`PyCF_IGNORE_COOKIE`) and only translates
/// newlines, so a cookie naming an unknown encoding is harmless and a BOM character
/// is an invalid character.
pub fn parse_text(text: &str, filename: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    with_parser_stack(|| parse_decoded(source::decode_str_source(text), false, filename, mode))
}

fn parse_on_this_stack(source: &[u8], filename: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    let decoded = source::decode_source_declared(source).map_err(|mut e| {
        e.filename = filename.to_string();
        e
    })?;
    parse_decoded(decoded.text, decoded.declared_encoding, filename, mode)
}

fn parse_decoded(
    mut text: String,
    declared_encoding: bool,
    filename: &str,
    mode: Mode,
) -> Result<ast::Mod, SyntaxError> {
    let exec_input = mode == Mode::Exec;
    if exec_input && !text.ends_with('\n') {
        // CPython's `translate_newlines` appends a newline to `exec` input only; error
        // texts of the last line then keep it.
        text.push('\n');
    }
    let mut toks = tokenizer::tokenize_mode(&text, exec_input);
    if mode == Mode::Single {
        imply_final_newline(&mut toks.tokens);
    }
    parser::parse_tokenized_with_offsets(&text, filename, toks, mode, declared_encoding)
}

/// `_PyPegen_fill_token` for `single` input: the first ENDMARKER after another token
/// is read as a NEWLINE (same position), followed by a DEDENT for each indentation
/// level still open (`tok->pendin = -tok->indent`), then the ENDMARKER.
fn imply_final_newline(tokens: &mut Vec<token::Token>) {
    use token::TokenKind;
    let Some(&last) = tokens.last() else { return };
    if last.kind != TokenKind::EndMarker || tokens.len() < 2 {
        return;
    }
    let open: isize = tokens
        .iter()
        .map(|t| match t.kind {
            TokenKind::Indent => 1,
            TokenKind::Dedent => -1,
            _ => 0,
        })
        .sum();
    tokens.pop();
    tokens.push(token::Token {
        kind: TokenKind::Newline,
        ..last
    });
    for _ in 0..open.max(0) {
        tokens.push(token::Token {
            kind: TokenKind::Dedent,
            ..last
        });
    }
    tokens.push(last);
}
