//! Call arguments (3.11 grammar, "FUNCTION CALL ARGUMENTS"): `arguments`, `args`,
//! `kwargs`, `starred_expression`, `kwarg_or_starred`, `kwarg_or_double_starred`,
//! and `invalid_arguments` / `invalid_kwarg`.

use super::expression::{bx, dummy_expr, last_comprehension_item};
use super::{MemoRule, PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind, Keyword};
use crate::error::SyntaxErrorType;
use crate::token::TokenKind as T;

/// A call argument after the positional ones: `name=value`, `**value` or `*value`.
enum KeywordOrStarred {
    Keyword(Keyword),
    Starred(Expr),
}

impl<'src> Parser<'src> {
    /// ```text
    /// arguments (memo):
    ///     | args [','] &')'
    ///     | invalid_arguments
    /// ```
    /// Returns a `Call` with a dummy `func` holding the arguments, as CPython does.
    pub(crate) fn arguments(&mut self) -> PResult<Expr> {
        if let Some(r) = self.memo_lookup(MemoRule::Arguments) {
            return Ok(r);
        }
        let start = self.pos;
        let r = self.arguments_raw()?;
        self.memo_store(start, MemoRule::Arguments, &r);
        Ok(r)
    }

    fn arguments_raw(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if let Some(a) = self.args()? {
            self.eat(T::Comma)?;
            if self.at(T::Rpar)? {
                return Ok(Some(a));
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_arguments()?;
            self.reset(m);
        }
        Ok(None)
    }

    /// One positional argument:
    /// `starred_expression | ( assignment_expression | expression !':=') !'='`.
    fn positional_arg(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if let Some(e) = self.starred_expression()? {
            return Ok(Some(e));
        }
        let e = match self.assignment_expression()? {
            Some(e) => e,
            None => match self.expression()? {
                Some(e) => {
                    if self.at(T::ColonEqual)? {
                        self.stash_expression(m, e);
                        self.reset(m);
                        return Ok(None);
                    }
                    e
                }
                None => return Ok(None),
            },
        };
        if self.at(T::Equal)? {
            if !matches!(e.kind, ExprKind::NamedExpr { .. }) {
                self.stash_expression(m, e);
            }
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(e))
    }

    /// ```text
    /// args:
    ///     | ','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ [',' kwargs ]
    ///     | kwargs
    /// ```
    fn args(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if let Some(mut args) = self.gather(Self::positional_arg)? {
            let m2 = self.mark();
            let mut keywords = Vec::new();
            if self.eat(T::Comma)?.is_some() {
                match self.kwargs()? {
                    Some(kw) => {
                        for k in kw {
                            match k {
                                KeywordOrStarred::Keyword(k) => keywords.push(k),
                                KeywordOrStarred::Starred(e) => args.push(e),
                            }
                        }
                    }
                    None => self.reset(m2),
                }
            }
            return Ok(Some(self.call_node(args, keywords, m)));
        }
        self.reset(m);
        let Some(kw) = self.kwargs()? else {
            return Ok(None);
        };
        let mut args = Vec::new();
        let mut keywords = Vec::new();
        for k in kw {
            match k {
                KeywordOrStarred::Keyword(k) => keywords.push(k),
                KeywordOrStarred::Starred(e) => args.push(e),
            }
        }
        Ok(Some(self.call_node(args, keywords, m)))
    }

    fn call_node(&self, args: Vec<Expr>, keywords: Vec<Keyword>, m: usize) -> Expr {
        self.node(
            ExprKind::Call {
                func: bx(dummy_expr()),
                args,
                keywords,
            },
            m,
        )
    }

    /// ```text
    /// kwargs:
    ///     | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
    ///     | ','.kwarg_or_starred+
    ///     | ','.kwarg_or_double_starred+
    /// ```
    fn kwargs(&mut self) -> PResult<Vec<KeywordOrStarred>> {
        let m = self.mark();
        if let Some(mut a) = self.gather(Self::kwarg_or_starred)? {
            let m2 = self.mark();
            if self.eat(T::Comma)?.is_some() {
                if let Some(b) = self.gather(Self::kwarg_or_double_starred)? {
                    a.extend(b);
                    return Ok(Some(a));
                }
            }
            self.reset(m2);
            return Ok(Some(a));
        }
        self.reset(m);
        self.gather(Self::kwarg_or_double_starred)
    }

    /// `starred_expression: '*' expression`
    pub(crate) fn starred_expression(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Star)?.is_none() {
            return Ok(None);
        }
        match self.expression()? {
            Some(a) => Ok(Some(self.node(
                ExprKind::Starred {
                    value: bx(a),
                    ctx: ExprContext::Load,
                },
                m,
            ))),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// `NAME '=' expression`, the keyword alternative of the two rules below.
    fn keyword_arg(&mut self) -> PResult<KeywordOrStarred> {
        let m = self.mark();
        let t = self.peek()?;
        if t.kind != T::Name || self.kind_at(1)? != T::Equal {
            return Ok(None);
        }
        self.pos += 2;
        match self.expression()? {
            Some(value) => Ok(Some(KeywordOrStarred::Keyword(Keyword {
                arg: Some(self.identifier(t)),
                value,
                loc: self.loc_from(m),
            }))),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// ```text
    /// kwarg_or_starred:
    ///     | invalid_kwarg
    ///     | NAME '=' expression
    ///     | starred_expression
    /// ```
    fn kwarg_or_starred(&mut self) -> PResult<KeywordOrStarred> {
        if self.call_invalid_rules {
            let m = self.mark();
            self.invalid_kwarg()?;
            self.reset(m);
        }
        if let Some(k) = self.keyword_arg()? {
            return Ok(Some(k));
        }
        Ok(self.starred_expression()?.map(KeywordOrStarred::Starred))
    }

    /// ```text
    /// kwarg_or_double_starred:
    ///     | invalid_kwarg
    ///     | NAME '=' expression
    ///     | '**' expression
    /// ```
    fn kwarg_or_double_starred(&mut self) -> PResult<KeywordOrStarred> {
        if self.call_invalid_rules {
            let m = self.mark();
            self.invalid_kwarg()?;
            self.reset(m);
        }
        if let Some(k) = self.keyword_arg()? {
            return Ok(Some(k));
        }
        let m = self.mark();
        if self.eat(T::DoubleStar)?.is_some() {
            if let Some(value) = self.expression()? {
                return Ok(Some(KeywordOrStarred::Keyword(Keyword {
                    arg: None,
                    value,
                    loc: self.loc_from(m),
                })));
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// ```text
    /// invalid_kwarg:
    ///     | a=('True'|'False'|'None') b='='
    ///     | a=NAME b='=' expression for_if_clauses
    ///     | !(NAME '=') a=expression b='='
    /// ```
    fn invalid_kwarg(&mut self) -> PResult<()> {
        let m = self.mark();
        let t = self.peek()?;
        // The second token is only fetched after a first token that can start one of
        // the first two alternatives, as CPython does: fetching it otherwise can run
        // into the tokenizer's error (e.g. end of input inside brackets) first.
        let second = if matches!(t.kind, T::True | T::False | T::None | T::Name) {
            self.kind_at(1)?
        } else {
            T::EndMarker
        };
        if matches!(t.kind, T::True | T::False | T::None) && second == T::Equal {
            let b = self.peek_at(m + 1)?;
            return Err(self.syntax_error_range(
                Self::token_loc(t),
                Self::token_loc(b),
                format!("cannot assign to {}", self.text(t)),
            ));
        }
        if t.kind == T::Name && second == T::Equal {
            let b = self.peek_at(m + 1)?;
            self.pos += 2;
            if self.expression()?.is_some() && self.for_if_clauses()?.is_some() {
                return Err(self.syntax_error_range(
                    Self::token_loc(t),
                    Self::token_loc(b),
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                ));
            }
            self.reset(m);
            return Ok(None);
        }
        if let Some(a) = self.expression()? {
            if let Some(b) = self.eat(T::Equal)? {
                return Err(self.syntax_error_range(
                    a.loc,
                    Self::token_loc(b),
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                ));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// invalid_arguments:
    ///     | ((','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ ',' kwargs) | kwargs) ',' b='*'
    ///     | a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
    ///     | a=NAME b='=' expression for_if_clauses
    ///     | a=args b=for_if_clauses
    ///     | args ',' a=expression b=for_if_clauses
    ///     | a=args ',' args
    /// ```
    fn invalid_arguments(&mut self) -> PResult<()> {
        let m = self.mark();
        // 1 (3.11.7: `((','.positional+ ',' kwargs) | kwargs) ',' b='*'`, raised at `b`)
        let with_kwargs = {
            let ok = self.gather(Self::positional_arg)?.is_some()
                && self.eat(T::Comma)?.is_some()
                && self.kwargs()?.is_some();
            if !ok {
                self.reset(m);
            }
            ok || self.kwargs()?.is_some()
        };
        if with_kwargs && self.eat(T::Comma)?.is_some() {
            if let Some(star) = self.eat(T::Star)? {
                return Err(self.syntax_error_at(
                    Self::token_loc(star),
                    "iterable argument unpacking follows keyword argument unpacking",
                ));
            }
        }
        // 2
        self.reset(m);
        if let Some(a) = self.expression()? {
            if let Some(b) = self.for_if_clauses()? {
                if self.eat(T::Comma)?.is_some() {
                    let m2 = self.mark();
                    if self.args()?.is_none() {
                        self.reset(m2);
                        if self.expression()?.is_none() || self.for_if_clauses()?.is_none() {
                            self.reset(m2);
                        }
                    }
                    let last = b.last().map(last_comprehension_item).map(|e| e.loc);
                    return Err(self.syntax_error_range(
                        a.loc,
                        last.unwrap_or(a.loc),
                        "Generator expression must be parenthesized",
                    ));
                }
            }
        }
        // 3
        self.reset(m);
        if let Some((_, a)) = self.name_token()? {
            if let Some(b) = self.eat(T::Equal)? {
                if self.expression()?.is_some() && self.for_if_clauses()?.is_some() {
                    return Err(self.syntax_error_range(
                        Self::token_loc(a),
                        Self::token_loc(b),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
            }
        }
        // 4
        self.reset(m);
        if let Some(a) = self.args()? {
            if let Some(b) = self.for_if_clauses()? {
                if let ExprKind::Call { args, .. } = &a.kind {
                    if args.len() > 1 {
                        let last = b.last().map(last_comprehension_item).map(|e| e.loc);
                        let first = args[args.len() - 1].loc;
                        return Err(self.syntax_error_range(
                            first,
                            last.unwrap_or(first),
                            "Generator expression must be parenthesized",
                        ));
                    }
                }
            }
        }
        // 5
        self.reset(m);
        if self.args()?.is_some() && self.eat(T::Comma)?.is_some() {
            if let Some(a) = self.expression()? {
                if let Some(b) = self.for_if_clauses()? {
                    let last = b.last().map(last_comprehension_item).map(|e| e.loc);
                    return Err(self.syntax_error_range(
                        a.loc,
                        last.unwrap_or(a.loc),
                        "Generator expression must be parenthesized",
                    ));
                }
            }
        }
        // 6
        self.reset(m);
        if let Some(a) = self.args()? {
            if self.eat(T::Comma)?.is_some() && self.args()?.is_some() {
                let unpacking = matches!(&a.kind, ExprKind::Call { keywords, .. }
                    if keywords.iter().any(|k| k.arg.is_none()));
                let msg = if unpacking {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                return Err(self.error_at_last_token(SyntaxErrorType::SyntaxError, msg));
            }
        }
        self.reset(m);
        Ok(None)
    }
}
