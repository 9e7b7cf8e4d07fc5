//! Assignment and deletion targets of the 3.11 grammar (`star_targets` ... `t_primary`,
//! `del_targets`), and the helpers CPython's actions use on targets:
//! `_PyPegen_set_expr_context`, `_PyPegen_get_expr_name`,
//! `_PyPegen_get_invalid_target` and `RAISE_SYNTAX_ERROR_INVALID_TARGET`.

use super::expression::set_context;
use super::{MemoRule, PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind};
use crate::error::SyntaxError;
use crate::token::TokenKind;

/// A `t_primary` suffix, parsed before its node is built.
enum Suffix {
    Attr(crate::ast::Identifier),
    Index(Expr),
    Call(Vec<Expr>, Vec<crate::ast::Keyword>),
}

impl<'src> Parser<'src> {
    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`
    pub(crate) fn star_targets(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let Some(first) = self.star_target()? else {
            return Ok(None);
        };
        if !self.at(TokenKind::Comma)? {
            return Ok(Some(first));
        }
        let mut elts = vec![first];
        loop {
            let m2 = self.mark();
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            match self.star_target()? {
                Some(t) => elts.push(t),
                None => {
                    // The trailing comma.
                    self.reset(m2);
                    self.eat(TokenKind::Comma)?;
                    break;
                }
            }
        }
        Ok(Some(Expr {
            kind: ExprKind::Tuple {
                elts,
                ctx: ExprContext::Store,
            },
            loc: self.loc_from(m),
        }))
    }

    /// `star_targets_list_seq: ','.star_target+ [',']`
    fn star_targets_list_seq(&mut self) -> PResult<Vec<Expr>> {
        self.gather_trailing(Self::star_target)
    }

    /// ```text
    /// star_targets_tuple_seq:
    ///     | star_target (',' star_target)+ [',']
    ///     | star_target ','
    /// ```
    fn star_targets_tuple_seq(&mut self) -> PResult<Vec<Expr>> {
        let m = self.mark();
        let Some(first) = self.star_target()? else {
            return Ok(None);
        };
        if self.eat(TokenKind::Comma)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        let mut elts = vec![first];
        loop {
            let m2 = self.mark();
            match self.star_target()? {
                Some(t) => elts.push(t),
                None => {
                    self.reset(m2);
                    break;
                }
            }
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
        }
        Ok(Some(elts))
    }

    /// ```text
    /// star_target (memo):
    ///     | '*' a=(!'*' star_target) { Starred(set_context(a, Store), Store) }
    ///     | target_with_star_atom
    /// ```
    pub(crate) fn star_target(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.star_target_inner();
        self.leave();
        r
    }

    fn star_target_inner(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(TokenKind::Star)?.is_some() && !self.at(TokenKind::Star)? {
            if let Some(a) = self.star_target()? {
                return Ok(Some(Expr {
                    kind: ExprKind::Starred {
                        value: Box::new(set_context(a, ExprContext::Store)),
                        ctx: ExprContext::Store,
                    },
                    loc: self.loc_from(m),
                }));
            }
        }
        self.reset(m);
        self.target_with_star_atom()
    }

    /// ```text
    /// target_with_star_atom (memo):
    ///     | t_primary '.' NAME !t_lookahead
    ///     | t_primary '[' slices ']' !t_lookahead
    ///     | star_atom
    /// ```
    pub(crate) fn target_with_star_atom(&mut self) -> PResult<Expr> {
        // Memoized as in CPython: without it `x = ((((1))))` reparses each level
        // through both `star_atom` parenthesized alternatives (exponential).
        let key = (self.mark(), MemoRule::TargetWithStarAtom);
        if let Some((res, end)) = self.memo.expr.get(&key) {
            let (res, end) = (res.clone(), *end);
            self.reset(end);
            return Ok(res);
        }
        let r = match self.attribute_or_subscript_target(ExprContext::Store)? {
            Some(e) => Some(e),
            None => self.star_atom()?,
        };
        self.memo.expr.insert(key, (r.clone(), self.mark()));
        Ok(r)
    }

    /// The two `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead`
    /// alternatives shared by `target_with_star_atom`,
    /// `single_subscript_attribute_target` and `del_target`.
    fn attribute_or_subscript_target(&mut self, ctx: ExprContext) -> PResult<Expr> {
        let m = self.mark();
        let Some(a) = self.t_primary()? else {
            return Ok(None);
        };
        let after = self.mark();
        if self.eat(TokenKind::Dot)?.is_some() {
            if let Some((attr, _)) = self.name_token()? {
                if !self.t_lookahead()? {
                    return Ok(Some(Expr {
                        kind: ExprKind::Attribute {
                            value: Box::new(a),
                            attr,
                            ctx,
                        },
                        loc: self.loc_from(m),
                    }));
                }
            }
            self.reset(m);
            return Ok(None);
        }
        self.reset(after);
        if self.eat(TokenKind::Lsqb)?.is_some() {
            if let Some(slice) = self.slices()? {
                if self.eat(TokenKind::Rsqb)?.is_some() && !self.t_lookahead()? {
                    return Ok(Some(Expr {
                        kind: ExprKind::Subscript {
                            value: Box::new(a),
                            slice: Box::new(slice),
                            ctx,
                        },
                        loc: self.loc_from(m),
                    }));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// star_atom:
    ///     | NAME
    ///     | '(' target_with_star_atom ')'
    ///     | '(' [star_targets_tuple_seq] ')'
    ///     | '[' [star_targets_list_seq] ']'
    /// ```
    fn star_atom(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let t = self.peek()?;
        match t.kind {
            TokenKind::Name => {
                self.pos += 1;
                Ok(Some(Expr {
                    kind: ExprKind::Name {
                        id: self.identifier(t),
                        ctx: ExprContext::Store,
                    },
                    loc: Self::token_loc(t),
                }))
            }
            TokenKind::Lpar => {
                self.pos += 1;
                if let Some(a) = self.target_with_star_atom()? {
                    if self.eat(TokenKind::Rpar)?.is_some() {
                        return Ok(Some(set_context(a, ExprContext::Store)));
                    }
                }
                self.reset(m + 1);
                let elts = self.star_targets_tuple_seq()?.unwrap_or_default();
                if self.eat(TokenKind::Rpar)?.is_some() {
                    return Ok(Some(Expr {
                        kind: ExprKind::Tuple {
                            elts,
                            ctx: ExprContext::Store,
                        },
                        loc: self.loc_from(m),
                    }));
                }
                self.reset(m);
                Ok(None)
            }
            TokenKind::Lsqb => {
                self.pos += 1;
                let elts = self.star_targets_list_seq()?.unwrap_or_default();
                if self.eat(TokenKind::Rsqb)?.is_some() {
                    return Ok(Some(Expr {
                        kind: ExprKind::List {
                            elts,
                            ctx: ExprContext::Store,
                        },
                        loc: self.loc_from(m),
                    }));
                }
                self.reset(m);
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// ```text
    /// single_target:
    ///     | single_subscript_attribute_target
    ///     | NAME
    ///     | '(' single_target ')'
    /// ```
    pub(crate) fn single_target(&mut self) -> PResult<Expr> {
        if let Some(e) = self.single_subscript_attribute_target()? {
            return Ok(Some(e));
        }
        let m = self.mark();
        if let Some((id, t)) = self.name_token()? {
            return Ok(Some(Expr {
                kind: ExprKind::Name {
                    id,
                    ctx: ExprContext::Store,
                },
                loc: Self::token_loc(t),
            }));
        }
        if self.eat(TokenKind::Lpar)?.is_some() {
            self.enter()?;
            let a = self.single_target();
            self.leave();
            if let Some(a) = a? {
                if self.eat(TokenKind::Rpar)?.is_some() {
                    return Ok(Some(a));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// single_subscript_attribute_target:
    ///     | t_primary '.' NAME !t_lookahead
    ///     | t_primary '[' slices ']' !t_lookahead
    /// ```
    pub(crate) fn single_subscript_attribute_target(&mut self) -> PResult<Expr> {
        self.attribute_or_subscript_target(ExprContext::Store)
    }

    /// ```text
    /// t_primary:
    ///     | t_primary '.' NAME &t_lookahead
    ///     | t_primary '[' slices ']' &t_lookahead
    ///     | t_primary genexp &t_lookahead
    ///     | t_primary '(' [arguments] ')' &t_lookahead
    ///     | atom &t_lookahead
    /// ```
    /// Left-recursive (and so memoized): grown as a loop.
    pub(crate) fn t_primary(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if let Some((res, end)) = self.memo.expr.get(&(m, MemoRule::TPrimary)) {
            let res = res.clone();
            self.pos = *end;
            return Ok(res);
        }
        self.enter()?;
        let r = self.t_primary_inner(m);
        self.leave();
        let r = r?;
        self.memo
            .expr
            .insert((m, MemoRule::TPrimary), (r.clone(), self.pos));
        Ok(r)
    }

    fn t_primary_inner(&mut self, m: usize) -> PResult<Expr> {
        let Some(mut a) = self.atom()? else {
            self.reset(m);
            return Ok(None);
        };
        if !self.t_lookahead()? {
            self.reset(m);
            return Ok(None);
        }
        loop {
            let before = self.mark();
            let t = self.peek()?;
            // Each suffix is parsed first, and the node built only once its
            // `&t_lookahead` holds, so `a` is never cloned.
            let suffix = match t.kind {
                TokenKind::Dot => {
                    self.pos += 1;
                    match self.name_token()? {
                        Some((attr, _)) if self.t_lookahead()? => Some(Suffix::Attr(attr)),
                        _ => None,
                    }
                }
                TokenKind::Lsqb => {
                    self.pos += 1;
                    match self.slices()? {
                        Some(s)
                            if self.eat(TokenKind::Rsqb)?.is_some() && self.t_lookahead()? =>
                        {
                            Some(Suffix::Index(s))
                        }
                        _ => None,
                    }
                }
                TokenKind::Lpar => {
                    let mut k = None;
                    if let Some(g) = self.genexp()? {
                        if self.t_lookahead()? {
                            k = Some(Suffix::Call(vec![g], Vec::new()));
                        }
                    }
                    if k.is_none() {
                        self.reset(before + 1);
                        let (args, keywords) = self.call_arguments()?.unwrap_or_default();
                        if self.eat(TokenKind::Rpar)?.is_some() && self.t_lookahead()? {
                            k = Some(Suffix::Call(args, keywords));
                        }
                    }
                    k
                }
                _ => None,
            };
            let Some(suffix) = suffix else {
                self.reset(before);
                return Ok(Some(a));
            };
            let value = Box::new(a);
            let kind = match suffix {
                Suffix::Attr(attr) => ExprKind::Attribute {
                    value,
                    attr,
                    ctx: ExprContext::Load,
                },
                Suffix::Index(s) => ExprKind::Subscript {
                    value,
                    slice: Box::new(s),
                    ctx: ExprContext::Load,
                },
                Suffix::Call(args, keywords) => ExprKind::Call {
                    func: value,
                    args,
                    keywords,
                },
            };
            a = Expr {
                kind,
                loc: self.loc_from(m),
            };
        }
    }

    /// `[arguments]` as the argument and keyword lists (pexpr's `arguments` returns
    /// them in a dummy `Call`, as CPython does).
    pub(crate) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<crate::ast::Keyword>)> {
        Ok(self.arguments()?.and_then(|e| match e.into_kind() {
            ExprKind::Call { args, keywords, .. } => Some((args, keywords)),
            _ => None,
        }))
    }

    /// `t_lookahead: '(' | '[' | '.'`
    #[inline]
    pub(crate) fn t_lookahead(&mut self) -> Result<bool, Box<SyntaxError>> {
        Ok(matches!(
            self.peek()?.kind,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Dot
        ))
    }

    /// `del_targets: ','.del_target+ [',']`
    pub(crate) fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        self.gather_trailing(Self::del_target)
    }

    /// ```text
    /// del_target (memo):
    ///     | t_primary '.' NAME !t_lookahead
    ///     | t_primary '[' slices ']' !t_lookahead
    ///     | del_t_atom
    /// ```
    pub(crate) fn del_target(&mut self) -> PResult<Expr> {
        // Memoized as in CPython (`del ((((1))))` is exponential without it).
        let key = (self.mark(), MemoRule::DelTarget);
        if let Some((res, end)) = self.memo.expr.get(&key) {
            let (res, end) = (res.clone(), *end);
            self.reset(end);
            return Ok(res);
        }
        let r = match self.attribute_or_subscript_target(ExprContext::Del)? {
            Some(e) => Some(e),
            None => {
                self.enter()?;
                let r = self.del_t_atom();
                self.leave();
                r?
            }
        };
        self.memo.expr.insert(key, (r.clone(), self.mark()));
        Ok(r)
    }

    /// ```text
    /// del_t_atom:
    ///     | NAME
    ///     | '(' del_target ')'
    ///     | '(' [del_targets] ')'
    ///     | '[' [del_targets] ']'
    /// ```
    fn del_t_atom(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let t = self.peek()?;
        match t.kind {
            TokenKind::Name => {
                self.pos += 1;
                Ok(Some(Expr {
                    kind: ExprKind::Name {
                        id: self.identifier(t),
                        ctx: ExprContext::Del,
                    },
                    loc: Self::token_loc(t),
                }))
            }
            TokenKind::Lpar | TokenKind::Lsqb => {
                self.pos += 1;
                if t.kind == TokenKind::Lpar {
                    if let Some(a) = self.del_target()? {
                        if self.eat(TokenKind::Rpar)?.is_some() {
                            return Ok(Some(set_context(a, ExprContext::Del)));
                        }
                    }
                    self.reset(m + 1);
                }
                let elts = self.del_targets()?.unwrap_or_default();
                let close = if t.kind == TokenKind::Lpar {
                    TokenKind::Rpar
                } else {
                    TokenKind::Rsqb
                };
                if self.eat(close)?.is_some() {
                    let ctx = ExprContext::Del;
                    let kind = if t.kind == TokenKind::Lpar {
                        ExprKind::Tuple { elts, ctx }
                    } else {
                        ExprKind::List { elts, ctx }
                    };
                    return Ok(Some(Expr {
                        kind,
                        loc: self.loc_from(m),
                    }));
                }
                self.reset(m);
                Ok(None)
            }
            _ => Ok(None),
        }
    }
}
