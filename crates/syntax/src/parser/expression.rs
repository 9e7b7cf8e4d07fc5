//! Expression rules of the 3.11 grammar (`Grammar/python.gram`, section EXPRESSIONS
//! down to LITERALS): `expressions` ... `atom`, slices, displays and comprehensions,
//! `yield`, the `eval` and `func_type` start rules, and the `invalid_*` rules for all
//! of them. Lambdas are in [`super::lambda`], call arguments in [`super::call`].
//!
//! Left-recursive rules (`bitwise_or` ... `term`, `primary`) are loops. Memoization:
//! on the first pass only `arguments` and failed `expression`s are memoized (CPython
//! memoizes `arguments` to avoid reparsing a call's arguments after `t_primary` gave
//! up), lambda parameters with defaults always are, and a sub-expression a
//! failed alternative already parsed is handed to the next alternative through
//! [`Parser::stash_expression`] instead of being parsed again (`(x)` is tried as a
//! tuple, then a group; `f(x)` as a generator argument, then arguments). On the
//! second pass, where the `invalid_*` rules backtrack a lot, the `(memo)` rules are
//! memoized as in CPython.

use super::{MemoRule, PResult, Parser};
use crate::ast::{
    self, Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind,
    Location, Operator, UnaryOp,
};
use crate::error::{SyntaxError, SyntaxErrorType};
use crate::token::{Token, TokenKind as T};

type Res<T> = Result<T, Box<SyntaxError>>;

/// A parameter with its optional default (CPython's `NameDefaultPair`).
#[derive(Clone)]
pub(crate) struct NameDefaultPair {
    pub(crate) arg: Arg,
    pub(crate) value: Option<Expr>,
}

/// `slash_with_default`: the plain names and the names with defaults before a `/`.
pub(crate) struct SlashWithDefault {
    pub(crate) plain_names: Vec<Arg>,
    pub(crate) names_with_defaults: Vec<NameDefaultPair>,
}

/// What follows `*` in a parameter list (CPython's `StarEtc`).
pub(crate) struct StarEtc {
    pub(crate) vararg: Option<Arg>,
    pub(crate) kwonlyargs: Vec<NameDefaultPair>,
    pub(crate) kwarg: Option<Arg>,
}

/// Which kind of target an invalid-target check is for (`TARGETS_TYPE`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetsType {
    /// Assignment targets (`invalid_assignment`, `invalid_with_item`: pstmt's rules).
    Star,
    Del,
    For,
}

/// CPython's `_PyPegen_make_arguments`: assemble an `arguments` node from the pieces
/// the parameter rules parse. Shared by `def` parameters and lambda parameters.
pub(crate) fn make_arguments(
    slash_without_default: Option<Vec<Arg>>,
    slash_with_default: Option<SlashWithDefault>,
    plain_names: Vec<Arg>,
    names_with_default: Vec<NameDefaultPair>,
    star_etc: Option<StarEtc>,
) -> Arguments {
    let mut a = Arguments::default();
    if let Some(names) = slash_without_default {
        a.posonlyargs = names;
    } else if let Some(sw) = slash_with_default {
        a.posonlyargs = sw.plain_names;
        for nd in sw.names_with_defaults {
            a.posonlyargs.push(nd.arg);
            if let Some(v) = nd.value {
                a.defaults.push(v);
            }
        }
    }
    a.args = plain_names;
    for nd in names_with_default {
        a.args.push(nd.arg);
        if let Some(v) = nd.value {
            a.defaults.push(v);
        }
    }
    if let Some(se) = star_etc {
        a.vararg = se.vararg.map(Box::new);
        for nd in se.kwonlyargs {
            a.kwonlyargs.push(nd.arg);
            a.kw_defaults.push(nd.value);
        }
        a.kwarg = se.kwarg.map(Box::new);
    }
    a
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression of `e` that cannot
/// be a target of kind `ty`, if any.
pub(crate) fn invalid_target(e: &Expr, ty: TargetsType) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, ty))
        }
        ExprKind::Starred { value, .. } => {
            if ty == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(value, ty)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if ty == TargetsType::For {
                if ops.first() == Some(&CmpOp::In) {
                    return invalid_target(left, ty);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// `_PyPegen_set_expr_context`: `e` with its context (and its elements') set to `ctx`.
pub(crate) fn set_context(mut e: Expr, ctx: ExprContext) -> Expr {
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            let inner = std::mem::replace(value.as_mut(), dummy_expr());
            **value = set_context(inner, ctx);
        }
        ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
            *c = ctx;
            let old = std::mem::take(elts);
            *elts = old.into_iter().map(|x| set_context(x, ctx)).collect();
        }
        _ => {}
    }
    e
}

/// A placeholder expression (CPython's `_PyPegen_dummy_name`).
pub(super) fn dummy_expr() -> Expr {
    Expr {
        kind: ExprKind::Constant {
            value: Constant::None,
            kind: None,
        },
        loc: Location::default(),
    }
}

pub(super) fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// `_PyPegen_get_last_comprehension_item`.
pub(super) fn last_comprehension_item(c: &Comprehension) -> &Expr {
    c.ifs.last().unwrap_or(&c.iter)
}

impl<'src> Parser<'src> {
    // ===== helpers =====

    pub(super) fn node(&self, kind: ExprKind, mark: usize) -> Expr {
        Expr {
            kind,
            loc: self.loc_from(mark),
        }
    }

    /// The kind of the token `n` places ahead (looking at it, as CPython does).
    pub(super) fn kind_at(&mut self, n: usize) -> Res<T> {
        Ok(self.peek_at(self.pos + n)?.kind)
    }

    /// Hand a successfully parsed `expression` at `start` (ending at the current
    /// position) to the next alternative that asks for an `expression` there.
    pub(super) fn stash_expression(&mut self, start: usize, e: Expr) {
        let end = self.pos;
        self.memo
            .expr
            .insert((start, MemoRule::Expression), (Some(e), end));
    }

    /// Like [`Parser::stash_expression`] for the result of `star_named_expression` or
    /// `named_expression`, when it came from `expression`.
    fn stash_if_expression(&mut self, start: usize, e: Expr) {
        let first = self.tokens.get(start).map(|t| t.kind);
        let second = self.tokens.get(start + 1).map(|t| t.kind);
        if first == Some(T::Star) {
            return;
        }
        let rule = if first == Some(T::Name) && second == Some(T::ColonEqual) {
            MemoRule::AssignmentExpression
        } else {
            MemoRule::Expression
        };
        let end = self.pos;
        self.memo.expr.insert((start, rule), (Some(e), end));
    }

    /// Whether this is the second pass (possibly inside a `*_without_invalid` rule),
    /// where memoization follows CPython's: every `(memo)` result is kept.
    fn second_pass(&self) -> bool {
        self.call_invalid_rules || self.invalid_suppressed > 0
    }

    /// Look up a memo entry (second pass: keep it; first pass: stashes are taken).
    pub(super) fn memo_lookup(&mut self, rule: MemoRule) -> Option<Option<Expr>> {
        if self.memo.expr.is_empty() {
            return None;
        }
        let key = (self.pos, rule);
        if self.second_pass() {
            let (res, end) = self.memo.expr.get(&key)?;
            let (res, end) = (res.clone(), *end);
            self.pos = end;
            Some(res)
        } else {
            // A failure stays memoized; a success is taken (a stash).
            if let Some((None, _)) = self.memo.expr.get(&key) {
                return Some(None);
            }
            let (res, end) = self.memo.expr.remove(&key)?;
            self.pos = end;
            Some(res)
        }
    }

    pub(super) fn memo_store(&mut self, start: usize, rule: MemoRule, res: &Option<Expr>) {
        self.memo
            .expr
            .insert((start, rule), (res.clone(), self.pos));
    }

    /// Parse `rule` with second-pass memoization (first pass: just parse).
    fn memoized(&mut self, rule: MemoRule, f: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        if !self.second_pass() {
            return f(self);
        }
        if let Some(r) = self.memo_lookup(rule) {
            return Ok(r);
        }
        let start = self.pos;
        let r = f(self)?;
        self.memo_store(start, rule, &r);
        Ok(r)
    }

    /// Run `f` with the `invalid_*` rules switched off (`*_without_invalid` rules).
    fn without_invalid<X>(&mut self, f: impl FnOnce(&mut Self) -> PResult<X>) -> PResult<X> {
        let saved = self.call_invalid_rules;
        if saved {
            self.invalid_suppressed += 1;
        }
        self.call_invalid_rules = false;
        let r = f(self);
        self.call_invalid_rules = saved;
        if saved {
            self.invalid_suppressed -= 1;
        }
        r
    }

    /// Bracket nesting level after token `i` (the tokenizer's `level`).
    fn token_level(&self, i: usize) -> i32 {
        let mut level = 0i32;
        for t in self.tokens.iter().take(i + 1) {
            match t.kind {
                T::Lpar | T::Lsqb | T::Lbrace => level += 1,
                T::Rpar | T::Rsqb | T::Rbrace => level -= 1,
                _ => {}
            }
        }
        level
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg)`: from `a` to the current token... as
    /// CPython 3.11 reports it: start at `a`, end offset taken from `a`'s start line.
    #[cold]
    pub(super) fn error_starting_from(&self, a: Location, msg: &str) -> Box<SyntaxError> {
        let t = self
            .tokens
            .get(self.pos.saturating_sub(1))
            .copied()
            .unwrap_or_else(|| self.last_token());
        let loc = Location {
            lineno: a.lineno,
            col_offset: a.col_offset,
            end_lineno: t.end_lineno,
            end_col_offset: t.end_col_offset,
        };
        self.syntax_error_at(loc, msg)
    }

    /// `RAISE_SYNTAX_ERROR_INVALID_TARGET(type, e)`: the error for the first invalid
    /// target in `e`; `None` when there is none, and then (as in 3.11, where the macro
    /// returns NULL without raising) the alternative just fails and the parse goes on
    /// (e.g. `for i < (): pass` gets the first pass's generic "invalid syntax").
    #[cold]
    pub(crate) fn invalid_target_error(
        &self,
        ty: TargetsType,
        e: &Expr,
    ) -> Option<Box<SyntaxError>> {
        let t = invalid_target(e, ty)?;
        let msg = if ty == TargetsType::Del {
            format!("cannot delete {}", expr_name(t))
        } else {
            format!("cannot assign to {}", expr_name(t))
        };
        Some(self.syntax_error_at(t.loc, msg))
    }

    // ===== start rules =====

    /// `eval: expressions NEWLINE* ENDMARKER`
    pub(crate) fn eval(&mut self) -> PResult<ast::Mod> {
        let Some(body) = self.expressions()? else {
            return Ok(None);
        };
        while self.eat(T::Newline)?.is_some() {}
        if self.eat(T::EndMarker)?.is_none() {
            return Ok(None);
        }
        Ok(Some(ast::Mod::Expression { body: bx(body) }))
    }

    /// `func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER`
    pub(crate) fn func_type(&mut self) -> PResult<ast::Mod> {
        if self.eat(T::Lpar)?.is_none() {
            return Ok(None);
        }
        let argtypes = self.type_expressions()?.unwrap_or_default();
        if self.eat(T::Rpar)?.is_none() || self.eat(T::Rarrow)?.is_none() {
            return Ok(None);
        }
        let Some(returns) = self.expression()? else {
            return Ok(None);
        };
        while self.eat(T::Newline)?.is_some() {}
        if self.eat(T::EndMarker)?.is_none() {
            return Ok(None);
        }
        Ok(Some(ast::Mod::FunctionType {
            argtypes,
            returns: bx(returns),
        }))
    }

    /// ```text
    /// type_expressions:
    ///     | ','.expression+ ',' '*' expression ',' '**' expression
    ///     | ','.expression+ ',' '*' expression
    ///     | ','.expression+ ',' '**' expression
    ///     | '*' expression ',' '**' expression
    ///     | '*' expression
    ///     | '**' expression
    ///     | ','.expression+
    /// ```
    pub(crate) fn type_expressions(&mut self) -> PResult<Vec<Expr>> {
        let m = self.mark();
        if self.eat(T::Star)?.is_some() {
            if let Some(a) = self.expression()? {
                let m2 = self.mark();
                if self.eat(T::Comma)?.is_some() && self.eat(T::DoubleStar)?.is_some() {
                    if let Some(b) = self.expression()? {
                        return Ok(Some(vec![a, b]));
                    }
                }
                self.reset(m2);
                return Ok(Some(vec![a]));
            }
            self.reset(m);
            return Ok(None);
        }
        if self.eat(T::DoubleStar)?.is_some() {
            if let Some(a) = self.expression()? {
                return Ok(Some(vec![a]));
            }
            self.reset(m);
            return Ok(None);
        }
        let Some(mut list) = self.gather(Self::expression)? else {
            return Ok(None);
        };
        let m1 = self.mark();
        if self.eat(T::Comma)?.is_some() {
            if self.eat(T::Star)?.is_some() {
                if let Some(b) = self.expression()? {
                    let m2 = self.mark();
                    if self.eat(T::Comma)?.is_some() && self.eat(T::DoubleStar)?.is_some() {
                        if let Some(c) = self.expression()? {
                            list.push(b);
                            list.push(c);
                            return Ok(Some(list));
                        }
                    }
                    self.reset(m2);
                    list.push(b);
                    return Ok(Some(list));
                }
            } else if self.eat(T::DoubleStar)?.is_some() {
                if let Some(b) = self.expression()? {
                    list.push(b);
                    return Ok(Some(list));
                }
            }
        }
        self.reset(m1);
        Ok(Some(list))
    }

    // ===== expressions =====

    /// ```text
    /// expressions:
    ///     | expression (',' expression )+ [',']
    ///     | expression ','
    ///     | expression
    /// ```
    pub(crate) fn expressions(&mut self) -> PResult<Expr> {
        self.tuple_of(Self::expression)
    }

    /// The shape shared by `expressions` and `star_expressions`.
    fn tuple_of(&mut self, f: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let m = self.mark();
        let Some(a) = f(self)? else {
            return Ok(None);
        };
        if !self.at(T::Comma)? {
            return Ok(Some(a));
        }
        let mut elts = vec![a];
        loop {
            let m2 = self.mark();
            if self.eat(T::Comma)?.is_none() {
                break;
            }
            match f(self)? {
                Some(e) => elts.push(e),
                None => {
                    self.reset(m2);
                    break;
                }
            }
        }
        self.eat(T::Comma)?;
        Ok(Some(self.node(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            m,
        )))
    }

    /// ```text
    /// expression (memo):
    ///     | invalid_expression
    ///     | invalid_legacy_expression
    ///     | disjunction 'if' disjunction 'else' expression
    ///     | disjunction
    ///     | lambdef
    /// ```
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        if let Some(r) = self.memo_lookup(MemoRule::Expression) {
            return Ok(r);
        }
        self.enter()?;
        let start = self.pos;
        let r = self.expression_raw(true);
        self.leave();
        let r = r?;
        if self.second_pass() || r.is_none() {
            self.memo_store(start, MemoRule::Expression, &r);
        }
        Ok(r)
    }

    fn expression_raw(&mut self, allow_invalid: bool) -> PResult<Expr> {
        let m = self.mark();
        if allow_invalid && self.call_invalid_rules {
            self.invalid_expression()?;
            self.reset(m);
            self.invalid_legacy_expression()?;
            self.reset(m);
        }
        if let Some(a) = self.disjunction()? {
            let m2 = self.mark();
            if self.eat(T::If)?.is_some() {
                if let Some(b) = self.disjunction()? {
                    if self.eat(T::Else)?.is_some() {
                        if let Some(c) = self.expression()? {
                            return Ok(Some(self.node(
                                ExprKind::IfExp {
                                    test: bx(b),
                                    body: bx(a),
                                    orelse: bx(c),
                                },
                                m,
                            )));
                        }
                    }
                }
            }
            self.reset(m2);
            return Ok(Some(a));
        }
        self.lambdef()
    }

    /// ```text
    /// expression_without_invalid:
    ///     | disjunction 'if' disjunction 'else' expression
    ///     | disjunction
    ///     | lambdef
    /// ```
    fn expression_without_invalid(&mut self) -> PResult<Expr> {
        self.without_invalid(|p| {
            p.enter()?;
            let r = p.expression_raw(false);
            p.leave();
            r
        })
    }

    /// ```text
    /// invalid_expression:
    ///    | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    ///    | a=disjunction 'if' b=disjunction !('else'|':')
    /// ```
    fn invalid_expression(&mut self) -> PResult<()> {
        let m = self.mark();
        let t0 = self.peek()?;
        let skip = t0.kind == T::Name
            && (self.kind_at(1)? == T::String || is_soft_keyword_prefix(self.text(t0)));
        if !skip {
            if let Some(a) = self.disjunction()? {
                if let Some(b) = self.expression_without_invalid()? {
                    let legacy = matches!(&a.kind, ExprKind::Name { id, .. } if id == "print" || id == "exec");
                    if !legacy && self.token_level(self.pos.saturating_sub(1)) != 0 {
                        return Err(self.syntax_error_range(
                            a.loc,
                            b.loc,
                            "invalid syntax. Perhaps you forgot a comma?",
                        ));
                    }
                }
            }
        }
        self.reset(m);
        if let Some(a) = self.disjunction()? {
            if self.eat(T::If)?.is_some() {
                if let Some(b) = self.disjunction()? {
                    let k = self.peek()?.kind;
                    if k != T::Else && k != T::Colon {
                        return Err(self.syntax_error_range(
                            a.loc,
                            b.loc,
                            "expected 'else' after 'if' expression",
                        ));
                    }
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// invalid_legacy_expression:
    ///     | a=NAME !'(' b=star_expressions
    /// ```
    fn invalid_legacy_expression(&mut self) -> PResult<()> {
        let m = self.mark();
        if let Some((name, t)) = self.name_token()? {
            if !self.at(T::Lpar)? {
                if let Some(b) = self.star_expressions()? {
                    if name == "print" || name == "exec" {
                        return Err(self.syntax_error_range(
                            Self::token_loc(t),
                            b.loc,
                            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                        ));
                    }
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// yield_expr:
    ///     | 'yield' 'from' expression
    ///     | 'yield' [star_expressions]
    /// ```
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Yield)?.is_none() {
            return Ok(None);
        }
        let m2 = self.mark();
        if self.eat(T::From)?.is_some() {
            if let Some(a) = self.expression()? {
                return Ok(Some(self.node(ExprKind::YieldFrom { value: bx(a) }, m)));
            }
            self.reset(m2);
        }
        let value = self.star_expressions()?.map(bx);
        Ok(Some(self.node(ExprKind::Yield { value }, m)))
    }

    /// ```text
    /// star_expressions:
    ///     | star_expression (',' star_expression )+ [',']
    ///     | star_expression ','
    ///     | star_expression
    /// ```
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        self.tuple_of(Self::star_expression)
    }

    /// ```text
    /// star_expression (memo):
    ///     | '*' bitwise_or
    ///     | expression
    /// ```
    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        self.memoized(MemoRule::StarExpression, |p| {
            let m = p.mark();
            if p.eat(T::Star)?.is_some() {
                if let Some(a) = p.bitwise_or()? {
                    return Ok(Some(p.node(
                        ExprKind::Starred {
                            value: bx(a),
                            ctx: ExprContext::Load,
                        },
                        m,
                    )));
                }
                p.reset(m);
            }
            p.expression()
        })
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']`
    pub(crate) fn star_named_expressions(&mut self) -> PResult<Vec<Expr>> {
        let Some(v) = self.gather(Self::star_named_expression)? else {
            return Ok(None);
        };
        self.eat(T::Comma)?;
        Ok(Some(v))
    }

    /// ```text
    /// star_named_expression:
    ///     | '*' bitwise_or
    ///     | named_expression
    /// ```
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Star)?.is_some() {
            if let Some(a) = self.bitwise_or()? {
                return Ok(Some(self.node(
                    ExprKind::Starred {
                        value: bx(a),
                        ctx: ExprContext::Load,
                    },
                    m,
                )));
            }
            self.reset(m);
        }
        self.named_expression()
    }

    /// `assignment_expression: NAME ':=' ~ expression`
    pub(crate) fn assignment_expression(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let t = self.peek()?;
        if t.kind != T::Name || self.kind_at(1)? != T::ColonEqual {
            return Ok(None);
        }
        if let Some(r) = self.memo_lookup(MemoRule::AssignmentExpression) {
            return Ok(r);
        }
        self.pos += 2;
        let Some(b) = self.expression()? else {
            self.reset(m);
            return Ok(None);
        };
        let target = Expr {
            kind: ExprKind::Name {
                id: self.identifier(t),
                ctx: ExprContext::Store,
            },
            loc: Self::token_loc(t),
        };
        Ok(Some(self.node(
            ExprKind::NamedExpr {
                target: bx(target),
                value: bx(b),
            },
            m,
        )))
    }

    /// ```text
    /// named_expression:
    ///     | assignment_expression
    ///     | invalid_named_expression
    ///     | expression !':='
    /// ```
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if let Some(e) = self.assignment_expression()? {
            return Ok(Some(e));
        }
        if self.call_invalid_rules {
            self.invalid_named_expression()?;
            self.reset(m);
        }
        let Some(e) = self.expression()? else {
            return Ok(None);
        };
        if self.at(T::ColonEqual)? {
            self.stash_expression(m, e);
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(e))
    }

    /// ```text
    /// invalid_named_expression(memo):
    ///     | a=expression ':=' expression
    ///     | a=NAME '=' b=bitwise_or !('='|':=')
    ///     | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
    /// ```
    fn invalid_named_expression(&mut self) -> PResult<()> {
        let key = (self.pos, MemoRule::InvalidNamedExpression);
        if self.memo.expr.contains_key(&key) {
            return Ok(None);
        }
        let m = self.mark();
        if let Some(a) = self.expression()? {
            if self.eat(T::ColonEqual)?.is_some() && self.expression()?.is_some() {
                return Err(self.syntax_error_at(
                    a.loc,
                    format!("cannot use assignment expressions with {}", expr_name(&a)),
                ));
            }
        }
        self.reset(m);
        if let Some((_, t)) = self.name_token()? {
            if self.eat(T::Equal)?.is_some() {
                if let Some(b) = self.bitwise_or()? {
                    let k = self.peek()?.kind;
                    if k != T::Equal && k != T::ColonEqual {
                        return Err(self.syntax_error_range(
                            Self::token_loc(t),
                            b.loc,
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        ));
                    }
                }
            }
        }
        self.reset(m);
        let k = self.peek()?.kind;
        let excluded = matches!(k, T::True | T::None | T::False) || {
            let hit = match k {
                T::Lsqb => self.list()?.is_some(),
                T::Lpar => {
                    self.tuple()?.is_some() || {
                        self.reset(m);
                        self.genexp()?.is_some()
                    }
                }
                _ => false,
            };
            self.reset(m);
            hit
        };
        if !excluded {
            if let Some(a) = self.bitwise_or()? {
                if self.eat(T::Equal)?.is_some() && self.bitwise_or()?.is_some() {
                    let k = self.peek()?.kind;
                    if k != T::Equal && k != T::ColonEqual {
                        return Err(self.syntax_error_at(
                            a.loc,
                            format!(
                                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                expr_name(&a)
                            ),
                        ));
                    }
                }
            }
        }
        self.reset(m);
        self.memo.expr.insert(key, (None, m));
        Ok(None)
    }

    /// ```text
    /// disjunction (memo):
    ///     | conjunction ('or' conjunction )+
    ///     | conjunction
    /// ```
    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        self.memoized(MemoRule::Disjunction, |p| {
            p.bool_chain(T::Or, BoolOp::Or, Self::conjunction)
        })
    }

    /// ```text
    /// conjunction (memo):
    ///     | inversion ('and' inversion )+
    ///     | inversion
    /// ```
    pub(crate) fn conjunction(&mut self) -> PResult<Expr> {
        self.memoized(MemoRule::Conjunction, |p| {
            p.bool_chain(T::And, BoolOp::And, Self::inversion)
        })
    }

    fn bool_chain(
        &mut self,
        tok: T,
        op: BoolOp,
        f: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let m = self.mark();
        let Some(a) = f(self)? else {
            return Ok(None);
        };
        if !self.at(tok)? {
            return Ok(Some(a));
        }
        let mut values = vec![a];
        loop {
            let m2 = self.mark();
            if self.eat(tok)?.is_none() {
                break;
            }
            match f(self)? {
                Some(e) => values.push(e),
                None => {
                    self.reset(m2);
                    break;
                }
            }
        }
        if values.len() == 1 {
            return Ok(values.pop());
        }
        Ok(Some(self.node(ExprKind::BoolOp { op, values }, m)))
    }

    /// ```text
    /// inversion (memo):
    ///     | 'not' inversion
    ///     | comparison
    /// ```
    pub(crate) fn inversion(&mut self) -> PResult<Expr> {
        self.memoized(MemoRule::Inversion, Self::inversion_raw)
    }

    fn inversion_raw(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Not)?.is_some() {
            self.enter()?;
            let a = self.inversion();
            self.leave();
            if let Some(a) = a? {
                return Ok(Some(self.node(
                    ExprKind::UnaryOp {
                        op: UnaryOp::Not,
                        operand: bx(a),
                    },
                    m,
                )));
            }
            self.reset(m);
        }
        self.comparison()
    }

    /// ```text
    /// comparison:
    ///     | bitwise_or compare_op_bitwise_or_pair+
    ///     | bitwise_or
    /// compare_op_bitwise_or_pair:
    ///     | eq_bitwise_or | noteq_bitwise_or | lte_bitwise_or | lt_bitwise_or
    ///     | gte_bitwise_or | gt_bitwise_or | notin_bitwise_or | in_bitwise_or
    ///     | isnot_bitwise_or | is_bitwise_or
    /// ```
    fn comparison(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let Some(a) = self.bitwise_or()? else {
            return Ok(None);
        };
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, e)) = self.compare_op_bitwise_or_pair()? {
            ops.push(op);
            comparators.push(e);
        }
        if ops.is_empty() {
            return Ok(Some(a));
        }
        Ok(Some(self.node(
            ExprKind::Compare {
                left: bx(a),
                ops,
                comparators,
            },
            m,
        )))
    }

    fn compare_op_bitwise_or_pair(&mut self) -> PResult<(CmpOp, Expr)> {
        let m = self.mark();
        let t = self.peek()?;
        let simple = match t.kind {
            T::EqEqual => Some(CmpOp::Eq),
            // `<>` is only accepted under `from __future__ import barry_as_FLUFL`.
            T::NotEqual if self.text(t) == "!=" => Some(CmpOp::NotEq),
            T::LessEqual => Some(CmpOp::LtE),
            T::Less => Some(CmpOp::Lt),
            T::GreaterEqual => Some(CmpOp::GtE),
            T::Greater => Some(CmpOp::Gt),
            T::In => Some(CmpOp::In),
            _ => None,
        };
        if let Some(op) = simple {
            self.pos += 1;
            if let Some(e) = self.bitwise_or()? {
                return Ok(Some((op, e)));
            }
            self.reset(m);
            return Ok(None);
        }
        let (first, second, two, one) = match t.kind {
            T::Not => (T::Not, T::In, CmpOp::NotIn, None),
            T::Is => (T::Is, T::Not, CmpOp::IsNot, Some(CmpOp::Is)),
            _ => return Ok(None),
        };
        let _ = first;
        self.pos += 1;
        if self.eat(second)?.is_some() {
            if let Some(e) = self.bitwise_or()? {
                return Ok(Some((two, e)));
            }
        }
        self.reset(m + 1);
        if let Some(op) = one {
            if let Some(e) = self.bitwise_or()? {
                return Ok(Some((op, e)));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// A left-recursive binary-operator rule as a loop: `a=self op b=next | next`.
    fn binop_loop(
        &mut self,
        next: fn(&mut Self) -> PResult<Expr>,
        op_of: fn(T) -> Option<Operator>,
    ) -> PResult<Expr> {
        let m = self.mark();
        let Some(mut a) = next(self)? else {
            return Ok(None);
        };
        loop {
            let m2 = self.mark();
            let Some(op) = op_of(self.peek()?.kind) else {
                break;
            };
            self.pos += 1;
            match next(self)? {
                Some(b) => {
                    a = self.node(
                        ExprKind::BinOp {
                            left: bx(a),
                            op,
                            right: bx(b),
                        },
                        m,
                    );
                }
                None => {
                    self.reset(m2);
                    break;
                }
            }
        }
        Ok(Some(a))
    }

    /// ```text
    /// bitwise_or:
    ///     | bitwise_or '|' bitwise_xor
    ///     | bitwise_xor
    /// ```
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.memoized(MemoRule::BitwiseOr, |p| {
            p.binop_loop(Self::bitwise_xor, |k| {
                (k == T::Vbar).then_some(Operator::BitOr)
            })
        })
    }

    /// `bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and`
    fn bitwise_xor(&mut self) -> PResult<Expr> {
        self.binop_loop(Self::bitwise_and, |k| {
            (k == T::Circumflex).then_some(Operator::BitXor)
        })
    }

    /// `bitwise_and: bitwise_and '&' shift_expr | shift_expr`
    fn bitwise_and(&mut self) -> PResult<Expr> {
        self.binop_loop(Self::shift_expr, |k| {
            (k == T::Amper).then_some(Operator::BitAnd)
        })
    }

    /// `shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | sum`
    fn shift_expr(&mut self) -> PResult<Expr> {
        self.binop_loop(Self::sum, |k| match k {
            T::LeftShift => Some(Operator::LShift),
            T::RightShift => Some(Operator::RShift),
            _ => None,
        })
    }

    /// `sum: sum '+' term | sum '-' term | term`
    fn sum(&mut self) -> PResult<Expr> {
        self.binop_loop(Self::term, |k| match k {
            T::Plus => Some(Operator::Add),
            T::Minus => Some(Operator::Sub),
            _ => None,
        })
    }

    /// `term: term ('*' | '/' | '//' | '%' | '@') factor | factor`
    fn term(&mut self) -> PResult<Expr> {
        self.binop_loop(Self::factor, |k| match k {
            T::Star => Some(Operator::Mult),
            T::Slash => Some(Operator::Div),
            T::DoubleSlash => Some(Operator::FloorDiv),
            T::Percent => Some(Operator::Mod),
            T::At => Some(Operator::MatMult),
            _ => None,
        })
    }

    /// ```text
    /// factor (memo):
    ///     | '+' factor
    ///     | '-' factor
    ///     | '~' factor
    ///     | power
    /// ```
    pub(crate) fn factor(&mut self) -> PResult<Expr> {
        self.memoized(MemoRule::Factor, Self::factor_raw)
    }

    fn factor_raw(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let op = match self.peek()?.kind {
            T::Plus => UnaryOp::UAdd,
            T::Minus => UnaryOp::USub,
            T::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        self.pos += 1;
        self.enter()?;
        let a = self.factor();
        self.leave();
        match a? {
            Some(a) => Ok(Some(self.node(ExprKind::UnaryOp { op, operand: bx(a) }, m))),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// ```text
    /// power:
    ///     | await_primary '**' factor
    ///     | await_primary
    /// ```
    fn power(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let Some(a) = self.await_primary()? else {
            return Ok(None);
        };
        let m2 = self.mark();
        if self.eat(T::DoubleStar)?.is_some() {
            // Two levels, as CPython's `power` -> `factor` -> `power` recursion.
            self.enter()?;
            let b = self.enter().and_then(|()| self.factor());
            self.leave();
            self.leave();
            if let Some(b) = b? {
                return Ok(Some(self.node(
                    ExprKind::BinOp {
                        left: bx(a),
                        op: Operator::Pow,
                        right: bx(b),
                    },
                    m,
                )));
            }
            self.reset(m2);
        }
        Ok(Some(a))
    }

    /// ```text
    /// await_primary (memo):
    ///     | AWAIT primary
    ///     | primary
    /// ```
    fn await_primary(&mut self) -> PResult<Expr> {
        self.memoized(MemoRule::AwaitPrimary, Self::await_primary_raw)
    }

    fn await_primary_raw(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Await)?.is_some() {
            if let Some(a) = self.primary()? {
                return Ok(Some(self.node(ExprKind::Await { value: bx(a) }, m)));
            }
            self.reset(m);
            return Ok(None);
        }
        self.primary()
    }

    /// ```text
    /// primary:
    ///     | primary '.' NAME
    ///     | primary genexp
    ///     | primary '(' [arguments] ')'
    ///     | primary '[' slices ']'
    ///     | atom
    /// ```
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let Some(mut a) = self.atom()? else {
            return Ok(None);
        };
        loop {
            let m2 = self.mark();
            match self.peek()?.kind {
                T::Dot => {
                    self.pos += 1;
                    match self.name_token()? {
                        Some((attr, _)) => {
                            a = self.node(
                                ExprKind::Attribute {
                                    value: bx(a),
                                    attr,
                                    ctx: ExprContext::Load,
                                },
                                m,
                            );
                        }
                        None => {
                            self.reset(m2);
                            break;
                        }
                    }
                }
                T::Lpar => {
                    if let Some(g) = self.genexp()? {
                        a = self.node(
                            ExprKind::Call {
                                func: bx(a),
                                args: vec![g],
                                keywords: Vec::new(),
                            },
                            m,
                        );
                        continue;
                    }
                    self.reset(m2);
                    self.pos += 1;
                    let (args, keywords) = match self.arguments()?.map(Expr::into_kind) {
                        Some(ExprKind::Call { args, keywords, .. }) => (args, keywords),
                        _ => (Vec::new(), Vec::new()),
                    };
                    if self.eat(T::Rpar)?.is_none() {
                        self.reset(m2);
                        break;
                    }
                    a = self.node(
                        ExprKind::Call {
                            func: bx(a),
                            args,
                            keywords,
                        },
                        m,
                    );
                }
                T::Lsqb => {
                    self.pos += 1;
                    let Some(s) = self.slices()? else {
                        self.reset(m2);
                        break;
                    };
                    if self.eat(T::Rsqb)?.is_none() {
                        self.reset(m2);
                        break;
                    }
                    a = self.node(
                        ExprKind::Subscript {
                            value: bx(a),
                            slice: bx(s),
                            ctx: ExprContext::Load,
                        },
                        m,
                    );
                }
                _ => break,
            }
        }
        Ok(Some(a))
    }

    /// ```text
    /// slices:
    ///     | slice !','
    ///     | ','.(slice | starred_expression)+ [',']
    /// ```
    pub(crate) fn slices(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if let Some(s) = self.slice()? {
            if !self.at(T::Comma)? {
                return Ok(Some(s));
            }
            self.reset(m);
        }
        let Some(elts) = self.gather(|p| {
            if let Some(s) = p.slice()? {
                return Ok(Some(s));
            }
            p.starred_expression()
        })?
        else {
            return Ok(None);
        };
        self.eat(T::Comma)?;
        Ok(Some(self.node(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            m,
        )))
    }

    /// ```text
    /// slice:
    ///     | [expression] ':' [expression] [':' [expression] ]
    ///     | named_expression
    /// ```
    fn slice(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let lower = self.expression()?;
        if self.eat(T::Colon)?.is_some() {
            let upper = self.expression()?;
            let mut step = None;
            let m2 = self.mark();
            if self.eat(T::Colon)?.is_some() {
                step = self.expression()?;
            } else {
                self.reset(m2);
            }
            return Ok(Some(self.node(
                ExprKind::Slice {
                    lower: lower.map(bx),
                    upper: upper.map(bx),
                    step: step.map(bx),
                },
                m,
            )));
        }
        if let Some(e) = lower {
            self.stash_expression(m, e);
        }
        self.reset(m);
        self.named_expression()
    }

    /// ```text
    /// atom:
    ///     | NAME
    ///     | 'True' | 'False' | 'None'
    ///     | &STRING strings
    ///     | NUMBER
    ///     | &'(' (tuple | group | genexp)
    ///     | &'[' (list | listcomp)
    ///     | &'{' (dict | set | dictcomp | setcomp)
    ///     | '...'
    /// ```
    pub(crate) fn atom(&mut self) -> PResult<Expr> {
        let t = self.peek()?;
        let constant = |value| ExprKind::Constant { value, kind: None };
        let kind = match t.kind {
            T::Name => ExprKind::Name {
                id: self.identifier(t),
                ctx: ExprContext::Load,
            },
            T::True => constant(Constant::Bool(true)),
            T::False => constant(Constant::Bool(false)),
            T::None => constant(Constant::None),
            T::Ellipsis => constant(Constant::Ellipsis),
            T::Number => constant(self.number_constant(t)),
            T::String => return self.strings(),
            T::Lpar => {
                let m = self.mark();
                if let Some(e) = self.tuple()? {
                    return Ok(Some(e));
                }
                self.reset(m);
                if let Some(e) = self.group()? {
                    return Ok(Some(e));
                }
                self.reset(m);
                return self.genexp();
            }
            T::Lsqb => {
                let m = self.mark();
                if let Some(e) = self.list()? {
                    return Ok(Some(e));
                }
                self.reset(m);
                return self.listcomp();
            }
            T::Lbrace => {
                let m = self.mark();
                if let Some(e) = self.dict()? {
                    return Ok(Some(e));
                }
                self.reset(m);
                if let Some(e) = self.set()? {
                    return Ok(Some(e));
                }
                self.reset(m);
                if let Some(e) = self.dictcomp()? {
                    return Ok(Some(e));
                }
                self.reset(m);
                return self.setcomp();
            }
            _ => return Ok(None),
        };
        self.pos += 1;
        Ok(Some(Expr {
            kind,
            loc: Self::token_loc(t),
        }))
    }

    /// ```text
    /// group:
    ///     | '(' (yield_expr | named_expression) ')'
    ///     | invalid_group
    /// ```
    fn group(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Lpar)?.is_some() {
            let start = self.mark();
            let inner = match self.yield_expr()? {
                Some(y) => Some((y, false)),
                None => self.named_expression()?.map(|e| (e, true)),
            };
            if let Some((e, named)) = inner {
                if self.eat(T::Rpar)?.is_some() {
                    return Ok(Some(e));
                }
                if named {
                    self.stash_if_expression(start, e);
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_group()?;
            self.reset(m);
        }
        Ok(None)
    }

    /// ```text
    /// invalid_group:
    ///     | '(' a=starred_expression ')'
    ///     | '(' a='**' expression ')'
    /// ```
    fn invalid_group(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.eat(T::Lpar)?.is_none() {
            return Ok(None);
        }
        if let Some(a) = self.starred_expression()? {
            if self.eat(T::Rpar)?.is_some() {
                return Err(self.syntax_error_at(a.loc, "cannot use starred expression here"));
            }
        }
        self.reset(m + 1);
        if let Some(a) = self.eat(T::DoubleStar)? {
            if self.expression()?.is_some() && self.eat(T::Rpar)?.is_some() {
                return Err(self.syntax_error_at(
                    Self::token_loc(a),
                    "cannot use double starred expression here",
                ));
            }
        }
        self.reset(m);
        Ok(None)
    }

    // ===== displays =====

    /// `list: '[' [star_named_expressions] ']'`
    pub(crate) fn list(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Lsqb)?.is_none() {
            return Ok(None);
        }
        let start = self.mark();
        let elts = self.star_named_expressions_first_end()?;
        if self.eat(T::Rsqb)?.is_some() {
            return Ok(Some(self.node(
                ExprKind::List {
                    elts: elts.map(|(v, _)| v).unwrap_or_default(),
                    ctx: ExprContext::Load,
                },
                m,
            )));
        }
        self.stash_first(start, elts);
        self.reset(m);
        Ok(None)
    }

    /// `star_named_expressions`, also returning where its first element ended.
    fn star_named_expressions_first_end(&mut self) -> PResult<(Vec<Expr>, usize)> {
        let Some(first) = self.star_named_expression()? else {
            return Ok(None);
        };
        let first_end = self.pos;
        let mut v = vec![first];
        loop {
            let m = self.mark();
            if self.eat(T::Comma)?.is_none() {
                break;
            }
            match self.star_named_expression()? {
                Some(x) => v.push(x),
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        self.eat(T::Comma)?;
        Ok(Some((v, first_end)))
    }

    /// Stash the first element of a failed display for the next alternative (the
    /// comprehension alternatives reparse it), if it came from `expression`.
    fn stash_first(&mut self, start: usize, elts: Option<(Vec<Expr>, usize)>) {
        if let Some((v, end)) = elts {
            if let Some(first) = v.into_iter().next() {
                let save = self.pos;
                self.pos = end;
                self.stash_if_expression(start, first);
                self.pos = save;
            }
        }
    }

    /// `tuple: '(' [star_named_expression ',' [star_named_expressions] ] ')'`
    pub(crate) fn tuple(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Lpar)?.is_none() {
            return Ok(None);
        }
        let start = self.mark();
        let mut elts = Vec::new();
        if let Some(first) = self.star_named_expression()? {
            if self.eat(T::Comma)?.is_none() {
                self.stash_if_expression(start, first);
                self.reset(m);
                return Ok(None);
            }
            elts.push(first);
            if let Some(rest) = self.star_named_expressions()? {
                elts.extend(rest);
            }
        }
        if self.eat(T::Rpar)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(self.node(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            m,
        )))
    }

    /// `set: '{' star_named_expressions '}'`
    fn set(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Lbrace)?.is_none() {
            return Ok(None);
        }
        let start = self.mark();
        let Some((elts, first_end)) = self.star_named_expressions_first_end()? else {
            self.reset(m);
            return Ok(None);
        };
        if self.eat(T::Rbrace)?.is_none() {
            self.stash_first(start, Some((elts, first_end)));
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(self.node(ExprKind::Set { elts }, m)))
    }

    /// ```text
    /// dict:
    ///     | '{' [double_starred_kvpairs] '}'
    ///     | '{' invalid_double_starred_kvpairs '}'
    /// double_starred_kvpairs: ','.double_starred_kvpair+ [',']
    /// ```
    fn dict(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Lbrace)?.is_none() {
            return Ok(None);
        }
        let pairs = match self.gather(Self::double_starred_kvpair)? {
            Some(p) => {
                self.eat(T::Comma)?;
                p
            }
            None => Vec::new(),
        };
        if self.eat(T::Rbrace)?.is_some() {
            let mut keys = Vec::with_capacity(pairs.len());
            let mut values = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                keys.push(k);
                values.push(v);
            }
            return Ok(Some(self.node(ExprKind::Dict { keys, values }, m)));
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.pos += 1;
            self.invalid_double_starred_kvpairs()?;
            self.reset(m);
        }
        Ok(None)
    }

    /// ```text
    /// double_starred_kvpair:
    ///     | '**' bitwise_or
    ///     | kvpair
    /// ```
    fn double_starred_kvpair(&mut self) -> PResult<(Option<Expr>, Expr)> {
        let m = self.mark();
        if self.eat(T::DoubleStar)?.is_some() {
            if let Some(a) = self.bitwise_or()? {
                return Ok(Some((None, a)));
            }
            self.reset(m);
            return Ok(None);
        }
        Ok(self.kvpair()?.map(|(k, v)| (Some(k), v)))
    }

    /// `kvpair: expression ':' expression`
    fn kvpair(&mut self) -> PResult<(Expr, Expr)> {
        let m = self.mark();
        let Some(a) = self.expression()? else {
            return Ok(None);
        };
        if self.eat(T::Colon)?.is_none() {
            self.stash_expression(m, a);
            self.reset(m);
            return Ok(None);
        }
        let Some(b) = self.expression()? else {
            self.reset(m);
            return Ok(None);
        };
        Ok(Some((a, b)))
    }

    /// ```text
    /// invalid_double_starred_kvpairs:
    ///     | ','.double_starred_kvpair+ ',' invalid_kvpair
    ///     | expression ':' a='*' bitwise_or
    ///     | expression a=':' &('}'|',')
    /// invalid_kvpair:
    ///     | a=expression !(':')
    ///     | expression ':' a='*' bitwise_or
    ///     | expression a=':' &('}'|',')
    /// ```
    fn invalid_double_starred_kvpairs(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.gather(Self::double_starred_kvpair)?.is_some() && self.eat(T::Comma)?.is_some() {
            let m2 = self.mark();
            if let Some(a) = self.expression()? {
                if !self.at(T::Colon)? {
                    let line = self.line_text(a.loc.lineno).unwrap_or_default();
                    let offset =
                        Self::byte_to_char_offset(&line, a.loc.end_col_offset.saturating_sub(1));
                    return Err(Box::new(SyntaxError {
                        error_type: SyntaxErrorType::SyntaxError,
                        msg: "':' expected after dictionary key".to_string(),
                        filename: self.filename.to_string(),
                        lineno: Some(a.loc.lineno as i32),
                        offset: Some(offset as i32),
                        end_lineno: Some(a.loc.end_lineno as i32),
                        end_offset: Some(0),
                        text: Some(line),
                    }));
                }
            }
            self.reset(m2);
            self.invalid_kvpair_value()?;
        }
        self.reset(m);
        self.invalid_kvpair_value()?;
        self.reset(m);
        Ok(None)
    }

    /// The last two alternatives shared by `invalid_double_starred_kvpairs` and
    /// `invalid_kvpair`.
    fn invalid_kvpair_value(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.expression()?.is_some() {
            if let Some(c) = self.eat(T::Colon)? {
                if let Some(a) = self.eat(T::Star)? {
                    if self.bitwise_or()?.is_some() {
                        return Err(self.error_starting_from(
                            Self::token_loc(a),
                            "cannot use a starred expression in a dictionary value",
                        ));
                    }
                } else if matches!(self.peek()?.kind, T::Rbrace | T::Comma) {
                    return Err(self.syntax_error_at(
                        Self::token_loc(c),
                        "expression expected after dictionary key and ':'",
                    ));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    // ===== comprehensions =====

    /// `for_if_clauses: for_if_clause+`
    pub(crate) fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let v = self.repeat(Self::for_if_clause)?;
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// ```text
    /// for_if_clause:
    ///     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction )*
    ///     | 'for' star_targets 'in' ~ disjunction ('if' disjunction )*
    ///     | invalid_for_target
    /// ```
    fn for_if_clause(&mut self) -> PResult<Comprehension> {
        let m = self.mark();
        let is_async = self.eat(T::Async)?.is_some();
        if self.eat(T::For)?.is_some() {
            if let Some(target) = self.star_targets()? {
                if self.eat(T::In)?.is_some() {
                    // Cut: past 'in', no other alternative is tried.
                    let Some(iter) = self.disjunction()? else {
                        self.reset(m);
                        return Ok(None);
                    };
                    let mut ifs = Vec::new();
                    loop {
                        let m2 = self.mark();
                        if self.eat(T::If)?.is_none() {
                            break;
                        }
                        match self.disjunction()? {
                            Some(e) => ifs.push(e),
                            None => {
                                self.reset(m2);
                                break;
                            }
                        }
                    }
                    return Ok(Some(Comprehension {
                        target,
                        iter,
                        ifs,
                        is_async,
                    }));
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            // invalid_for_target: ASYNC? 'for' a=star_expressions
            self.eat(T::Async)?;
            if self.eat(T::For)?.is_some() {
                if let Some(a) = self.star_expressions()? {
                    if let Some(e) = self.invalid_target_error(TargetsType::For, &a) {
                        return Err(e);
                    }
                }
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// ```text
    /// listcomp:
    ///     | '[' named_expression for_if_clauses ']'
    ///     | invalid_comprehension
    /// ```
    fn listcomp(&mut self) -> PResult<Expr> {
        self.comprehension(T::Lsqb, T::Rsqb, |elt, generators| ExprKind::ListComp {
            elt,
            generators,
        })
    }

    /// ```text
    /// setcomp:
    ///     | '{' named_expression for_if_clauses '}'
    ///     | invalid_comprehension
    /// ```
    fn setcomp(&mut self) -> PResult<Expr> {
        self.comprehension(T::Lbrace, T::Rbrace, |elt, generators| ExprKind::SetComp {
            elt,
            generators,
        })
    }

    /// ```text
    /// genexp:
    ///     | '(' ( assignment_expression | expression !':=') for_if_clauses ')'
    ///     | invalid_comprehension
    /// ```
    pub(crate) fn genexp(&mut self) -> PResult<Expr> {
        self.comprehension(T::Lpar, T::Rpar, |elt, generators| ExprKind::GeneratorExp {
            elt,
            generators,
        })
    }

    /// The shape shared by `listcomp`, `setcomp` and `genexp` (whose element,
    /// `assignment_expression | expression !':='`, is `named_expression` without
    /// its invalid alternative).
    fn comprehension(
        &mut self,
        open: T,
        close: T,
        make: fn(Box<Expr>, Vec<Comprehension>) -> ExprKind,
    ) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(open)?.is_none() {
            return Ok(None);
        }
        let start = self.mark();
        let elt = if open == T::Lpar {
            match self.assignment_expression()? {
                Some(e) => Some(e),
                None => match self.expression()? {
                    Some(e) if self.at(T::ColonEqual)? => {
                        self.stash_expression(start, e);
                        self.reset(start);
                        None
                    }
                    other => other,
                },
            }
        } else {
            self.named_expression()?
        };
        if let Some(elt) = elt {
            match self.for_if_clauses()? {
                Some(generators) => {
                    if self.eat(close)?.is_some() {
                        return Ok(Some(self.node(make(bx(elt), generators), m)));
                    }
                }
                None => {
                    let save = self.pos;
                    self.stash_if_expression(start, elt);
                    self.pos = save;
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_comprehension()?;
            self.reset(m);
        }
        Ok(None)
    }

    /// ```text
    /// invalid_comprehension:
    ///     | ('[' | '(' | '{') a=starred_expression for_if_clauses
    ///     | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
    ///     | ('[' | '{') a=star_named_expression b=',' for_if_clauses
    /// ```
    fn invalid_comprehension(&mut self) -> PResult<()> {
        let m = self.mark();
        let open = self.peek()?.kind;
        if !matches!(open, T::Lsqb | T::Lpar | T::Lbrace) {
            return Ok(None);
        }
        self.pos += 1;
        if let Some(a) = self.starred_expression()? {
            if self.for_if_clauses()?.is_some() {
                return Err(self
                    .syntax_error_at(a.loc, "iterable unpacking cannot be used in comprehension"));
            }
        }
        if open != T::Lpar {
            self.reset(m + 1);
            if let Some(a) = self.star_named_expression()? {
                if let Some(comma) = self.eat(T::Comma)? {
                    let m2 = self.mark();
                    if let Some(b) = self.star_named_expressions()? {
                        if self.for_if_clauses()?.is_some() {
                            let last = b.last().map(|e| e.loc).unwrap_or(a.loc);
                            return Err(self.syntax_error_range(
                                a.loc,
                                last,
                                "did you forget parentheses around the comprehension target?",
                            ));
                        }
                    }
                    self.reset(m2);
                    if self.for_if_clauses()?.is_some() {
                        return Err(self.syntax_error_range(
                            a.loc,
                            Self::token_loc(comma),
                            "did you forget parentheses around the comprehension target?",
                        ));
                    }
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// dictcomp:
    ///     | '{' kvpair for_if_clauses '}'
    ///     | invalid_dict_comprehension
    /// ```
    fn dictcomp(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Lbrace)?.is_none() {
            return Ok(None);
        }
        if let Some((k, v)) = self.kvpair()? {
            if let Some(generators) = self.for_if_clauses()? {
                if self.eat(T::Rbrace)?.is_some() {
                    return Ok(Some(self.node(
                        ExprKind::DictComp {
                            key: bx(k),
                            value: bx(v),
                            generators,
                        },
                        m,
                    )));
                }
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            // invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'
            self.pos += 1;
            if let Some(a) = self.eat(T::DoubleStar)? {
                if self.bitwise_or()?.is_some()
                    && self.for_if_clauses()?.is_some()
                    && self.eat(T::Rbrace)?.is_some()
                {
                    return Err(self.syntax_error_at(
                        Self::token_loc(a),
                        "dict unpacking cannot be used in dict comprehension",
                    ));
                }
            }
            self.reset(m);
        }
        Ok(None)
    }

    // ===== literals =====

    /// The value of a NUMBER token.
    fn number_constant(&self, t: Token) -> Constant {
        crate::literal::parse_number(self.text(t))
    }
}

#[cfg(test)]
#[path = "expression_tests.rs"]
mod tests;

/// CPython 3.11's `SOFT_KEYWORD` test (`_PyPegen_soft_keyword_token`): it compares a
/// NAME with each soft keyword by `strncmp(keyword, name, len(name))`, so any prefix
/// of `match`, `case` or `_` counts (`c`, `ma`): `f(c d)` is then plain "invalid
/// syntax", not "Perhaps you forgot a comma?".
fn is_soft_keyword_prefix(name: &str) -> bool {
    !name.is_empty() && ["_", "case", "match"].iter().any(|kw| kw.starts_with(name))
}
