//! Expression rules of the 3.11 grammar (`expressions` down to `atom`, calls,
//! arguments, slices, comprehensions, lambdas). STUB: being written.

use super::{PResult, Parser};
use crate::ast;

impl<'src> Parser<'src> {
    /// `eval: expressions NEWLINE* ENDMARKER`
    pub(crate) fn eval(&mut self) -> PResult<ast::Mod> {
        Ok(None)
    }

    /// `func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER`
    pub(crate) fn func_type(&mut self) -> PResult<ast::Mod> {
        Ok(None)
    }
}
