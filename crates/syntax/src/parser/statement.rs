//! Statement rules of the 3.11 grammar (`file` ... `simple_stmt`, `compound_stmt`,
//! function and class definitions, parameters, imports). STUB: being written.

use super::{PResult, Parser};
use crate::ast;

impl<'src> Parser<'src> {
    /// `file: [statements] ENDMARKER`
    pub(crate) fn file(&mut self) -> PResult<ast::Mod> {
        Ok(None)
    }

    /// `interactive: statement_newline`
    pub(crate) fn interactive(&mut self) -> PResult<ast::Mod> {
        Ok(None)
    }
}
