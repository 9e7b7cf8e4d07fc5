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
