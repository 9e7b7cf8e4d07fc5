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

/// Parse Python source bytes as CPython 3.11's `compile(source, filename, mode,
/// ast.PyCF_ONLY_AST)` does: decode (BOM, PEP 263 cookie, newline translation),
/// tokenize, and run the PEG parser.
pub fn parse(source: &[u8], filename: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    let text = source::decode_source(source).map_err(|mut e| {
        e.filename = filename.to_string();
        e
    })?;
    let toks = tokenizer::tokenize(&text);
    parser::parse_tokenized(&text, filename, toks, mode)
}
