//! Lambda expressions and their parameters (3.11 grammar, "Lambda functions"):
//! `lambdef`, `lambda_params` ... `lambda_param`, and their `invalid_*` rules.

use super::expression::{bx, make_arguments, NameDefaultPair, SlashWithDefault, StarEtc};
use super::{PResult, Parser};
use crate::ast::{Arg, Arguments, Expr, ExprKind};
use crate::error::SyntaxErrorType;
use crate::token::TokenKind as T;

type Res<T> = Result<T, Box<crate::error::SyntaxError>>;

impl<'src> Parser<'src> {
    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    pub(crate) fn lambdef(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(T::Lambda)?.is_none() {
            return Ok(None);
        }
        self.enter()?;
        let r = self.lambdef_rest(m);
        self.leave();
        let r = r?;
        if r.is_none() {
            self.reset(m);
        }
        Ok(r)
    }

    fn lambdef_rest(&mut self, m: usize) -> PResult<Expr> {
        let args = self.lambda_params()?.unwrap_or_default();
        if self.eat(T::Colon)?.is_none() {
            return Ok(None);
        }
        let Some(body) = self.expression()? else {
            return Ok(None);
        };
        Ok(Some(self.node(
            ExprKind::Lambda {
                args: Box::new(args),
                body: bx(body),
            },
            m,
        )))
    }

    /// ```text
    /// lambda_params:
    ///     | invalid_lambda_parameters
    ///     | lambda_parameters
    /// ```
    fn lambda_params(&mut self) -> PResult<Arguments> {
        if self.call_invalid_rules {
            let m = self.mark();
            self.invalid_lambda_parameters()?;
            self.reset(m);
        }
        self.lambda_parameters()
    }

    /// ```text
    /// lambda_parameters:
    ///     | lambda_slash_no_default lambda_param_no_default* lambda_param_with_default* [lambda_star_etc]
    ///     | lambda_slash_with_default lambda_param_with_default* [lambda_star_etc]
    ///     | lambda_param_no_default+ lambda_param_with_default* [lambda_star_etc]
    ///     | lambda_param_with_default+ [lambda_star_etc]
    ///     | lambda_star_etc
    /// ```
    fn lambda_parameters(&mut self) -> PResult<Arguments> {
        let m = self.mark();
        if let Some(a) = self.lambda_slash_no_default()? {
            let b = self.repeat(Self::lambda_param_no_default)?;
            let c = self.repeat(Self::lambda_param_with_default)?;
            let d = self.lambda_star_etc()?;
            return Ok(Some(make_arguments(Some(a), None, b, c, d)));
        }
        self.reset(m);
        if let Some(a) = self.lambda_slash_with_default()? {
            let b = self.repeat(Self::lambda_param_with_default)?;
            let c = self.lambda_star_etc()?;
            return Ok(Some(make_arguments(None, Some(a), Vec::new(), b, c)));
        }
        self.reset(m);
        let a = self.repeat(Self::lambda_param_no_default)?;
        if !a.is_empty() {
            let b = self.repeat(Self::lambda_param_with_default)?;
            let c = self.lambda_star_etc()?;
            return Ok(Some(make_arguments(None, None, a, b, c)));
        }
        self.reset(m);
        let a = self.repeat(Self::lambda_param_with_default)?;
        if !a.is_empty() {
            let b = self.lambda_star_etc()?;
            return Ok(Some(make_arguments(None, None, Vec::new(), a, b)));
        }
        self.reset(m);
        if let Some(a) = self.lambda_star_etc()? {
            return Ok(Some(make_arguments(
                None,
                None,
                Vec::new(),
                Vec::new(),
                Some(a),
            )));
        }
        self.reset(m);
        Ok(None)
    }

    /// `e*`: zero or more `f`.
    pub(super) fn repeat<X>(&mut self, f: fn(&mut Self) -> PResult<X>) -> Res<Vec<X>> {
        let mut v = Vec::new();
        while let Some(x) = f(self)? {
            v.push(x);
        }
        Ok(v)
    }

    /// ```text
    /// lambda_slash_no_default:
    ///     | lambda_param_no_default+ '/' ','
    ///     | lambda_param_no_default+ '/' &':'
    /// ```
    fn lambda_slash_no_default(&mut self) -> PResult<Vec<Arg>> {
        let m = self.mark();
        let a = self.repeat(Self::lambda_param_no_default)?;
        if !a.is_empty()
            && self.eat(T::Slash)?.is_some()
            && (self.eat(T::Comma)?.is_some() || self.at(T::Colon)?)
        {
            return Ok(Some(a));
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// lambda_slash_with_default:
    ///     | lambda_param_no_default* lambda_param_with_default+ '/' ','
    ///     | lambda_param_no_default* lambda_param_with_default+ '/' &':'
    /// ```
    fn lambda_slash_with_default(&mut self) -> PResult<SlashWithDefault> {
        let m = self.mark();
        let a = self.repeat(Self::lambda_param_no_default)?;
        let b = self.repeat(Self::lambda_param_with_default)?;
        if !b.is_empty()
            && self.eat(T::Slash)?.is_some()
            && (self.eat(T::Comma)?.is_some() || self.at(T::Colon)?)
        {
            return Ok(Some(SlashWithDefault {
                plain_names: a,
                names_with_defaults: b,
            }));
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// lambda_star_etc:
    ///     | invalid_lambda_star_etc
    ///     | '*' lambda_param_no_default lambda_param_maybe_default* [lambda_kwds]
    ///     | '*' ',' lambda_param_maybe_default+ [lambda_kwds]
    ///     | lambda_kwds
    /// ```
    fn lambda_star_etc(&mut self) -> PResult<StarEtc> {
        let m = self.mark();
        if self.call_invalid_rules {
            self.invalid_lambda_star_etc()?;
            self.reset(m);
        }
        if self.eat(T::Star)?.is_some() {
            if let Some(a) = self.lambda_param_no_default()? {
                let b = self.repeat(Self::lambda_param_maybe_default)?;
                let c = self.lambda_kwds()?;
                return Ok(Some(StarEtc {
                    vararg: Some(a),
                    kwonlyargs: b,
                    kwarg: c,
                }));
            }
            self.reset(m + 1);
            if self.eat(T::Comma)?.is_some() {
                let b = self.repeat(Self::lambda_param_maybe_default)?;
                if !b.is_empty() {
                    let c = self.lambda_kwds()?;
                    return Ok(Some(StarEtc {
                        vararg: None,
                        kwonlyargs: b,
                        kwarg: c,
                    }));
                }
            }
            self.reset(m);
        }
        if let Some(a) = self.lambda_kwds()? {
            return Ok(Some(StarEtc {
                vararg: None,
                kwonlyargs: Vec::new(),
                kwarg: Some(a),
            }));
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// lambda_kwds:
    ///     | invalid_lambda_kwds
    ///     | '**' lambda_param_no_default
    /// ```
    fn lambda_kwds(&mut self) -> PResult<Arg> {
        let m = self.mark();
        if self.call_invalid_rules {
            self.invalid_lambda_kwds()?;
            self.reset(m);
        }
        if self.eat(T::DoubleStar)?.is_some() {
            if let Some(a) = self.lambda_param_no_default()? {
                return Ok(Some(a));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// lambda_param_no_default:
    ///     | lambda_param ','
    ///     | lambda_param &':'
    /// ```
    fn lambda_param_no_default(&mut self) -> PResult<Arg> {
        let m = self.mark();
        if let Some(a) = self.lambda_param()? {
            if self.eat(T::Comma)?.is_some() || self.at(T::Colon)? {
                return Ok(Some(a));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// lambda_param_with_default:
    ///     | lambda_param default ','
    ///     | lambda_param default &':'
    /// ```
    fn lambda_param_with_default(&mut self) -> PResult<NameDefaultPair> {
        self.lambda_param_memo(false, Self::lambda_param_with_default_raw)
    }

    /// Memoized `lambda_param_with_default` (`maybe == false`) and
    /// `lambda_param_maybe_default` (`maybe == true`).
    fn lambda_param_memo(
        &mut self,
        maybe: bool,
        f: fn(&mut Self) -> PResult<NameDefaultPair>,
    ) -> PResult<NameDefaultPair> {
        let key = (self.pos, maybe);
        if let Some((r, end)) = self.memo.lambda_params.get(&key) {
            let (r, end) = (r.clone(), *end);
            self.pos = end;
            return Ok(r);
        }
        let r = f(self)?;
        self.memo.lambda_params.insert(key, (r.clone(), self.pos));
        Ok(r)
    }

    fn lambda_param_with_default_raw(&mut self) -> PResult<NameDefaultPair> {
        let m = self.mark();
        if let Some(a) = self.lambda_param()? {
            if let Some(c) = self.default()? {
                if self.eat(T::Comma)?.is_some() || self.at(T::Colon)? {
                    return Ok(Some(NameDefaultPair {
                        arg: a,
                        value: Some(c),
                    }));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// lambda_param_maybe_default:
    ///     | lambda_param default? ','
    ///     | lambda_param default? &':'
    /// ```
    fn lambda_param_maybe_default(&mut self) -> PResult<NameDefaultPair> {
        self.lambda_param_memo(true, Self::lambda_param_maybe_default_raw)
    }

    fn lambda_param_maybe_default_raw(&mut self) -> PResult<NameDefaultPair> {
        let m = self.mark();
        if let Some(a) = self.lambda_param()? {
            let c = self.default()?;
            if self.eat(T::Comma)?.is_some() || self.at(T::Colon)? {
                return Ok(Some(NameDefaultPair { arg: a, value: c }));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `lambda_param: NAME`
    fn lambda_param(&mut self) -> PResult<Arg> {
        Ok(self.name_token()?.map(|(arg, t)| Arg {
            arg,
            annotation: None,
            type_comment: None,
            loc: Self::token_loc(t),
        }))
    }

    /// ```text
    /// invalid_lambda_parameters:
    ///     | lambda_param_no_default* invalid_lambda_parameters_helper a=lambda_param_no_default
    ///     | lambda_param_no_default* a='(' ','.lambda_param+ ','? b=')'
    ///     | a="/" ','
    ///     | (lambda_slash_no_default | lambda_slash_with_default) lambda_param_maybe_default* a='/'
    ///     | (lambda_slash_no_default | lambda_slash_with_default)? lambda_param_maybe_default* '*' (',' | lambda_param_no_default) lambda_param_maybe_default* a='/'
    ///     | lambda_param_maybe_default+ '/' a='*'
    /// invalid_lambda_parameters_helper:
    ///     | lambda_slash_with_default
    ///     | lambda_param_with_default+
    /// ```
    fn invalid_lambda_parameters(&mut self) -> PResult<()> {
        let m = self.mark();
        // Alternative 1.
        self.repeat(Self::lambda_param_no_default)?;
        let helper = {
            let h = self.mark();
            if self.lambda_slash_with_default()?.is_some() {
                true
            } else {
                self.reset(h);
                !self.repeat(Self::lambda_param_with_default)?.is_empty()
            }
        };
        if helper {
            if let Some(a) = self.lambda_param_no_default()? {
                return Err(
                    self.syntax_error_at(a.loc, "non-default argument follows default argument")
                );
            }
        }
        // Alternative 2.
        self.reset(m);
        self.repeat(Self::lambda_param_no_default)?;
        if let Some(a) = self.eat(T::Lpar)? {
            if self.gather(Self::lambda_param)?.is_some() {
                self.eat(T::Comma)?;
                if let Some(b) = self.eat(T::Rpar)? {
                    return Err(self.syntax_error_range(
                        Self::token_loc(a),
                        Self::token_loc(b),
                        "Lambda expression parameters cannot be parenthesized",
                    ));
                }
            }
        }
        // Alternative 3.
        self.reset(m);
        if let Some(a) = self.eat(T::Slash)? {
            if self.eat(T::Comma)?.is_some() {
                return Err(self
                    .syntax_error_at(Self::token_loc(a), "at least one argument must precede /"));
            }
        }
        // Alternative 4.
        self.reset(m);
        if self.lambda_slash_any()? {
            self.repeat(Self::lambda_param_maybe_default)?;
            if let Some(a) = self.eat(T::Slash)? {
                return Err(self.syntax_error_at(Self::token_loc(a), "/ may appear only once"));
            }
        }
        // Alternative 5.
        self.reset(m);
        self.lambda_slash_any()?;
        self.repeat(Self::lambda_param_maybe_default)?;
        if self.eat(T::Star)?.is_some()
            && (self.eat(T::Comma)?.is_some() || self.lambda_param_no_default()?.is_some())
        {
            self.repeat(Self::lambda_param_maybe_default)?;
            if let Some(a) = self.eat(T::Slash)? {
                return Err(self.syntax_error_at(Self::token_loc(a), "/ must be ahead of *"));
            }
        }
        // Alternative 6.
        self.reset(m);
        if !self.repeat(Self::lambda_param_maybe_default)?.is_empty()
            && self.eat(T::Slash)?.is_some()
        {
            if let Some(a) = self.eat(T::Star)? {
                return Err(
                    self.syntax_error_at(Self::token_loc(a), "expected comma between / and *")
                );
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `(lambda_slash_no_default | lambda_slash_with_default)`, result dropped.
    fn lambda_slash_any(&mut self) -> Res<bool> {
        let m = self.mark();
        if self.lambda_slash_no_default()?.is_some() {
            return Ok(true);
        }
        self.reset(m);
        Ok(self.lambda_slash_with_default()?.is_some())
    }

    /// ```text
    /// invalid_lambda_star_etc:
    ///     | '*' (':' | ',' (':' | '**'))
    ///     | '*' lambda_param a='='
    ///     | '*' (lambda_param_no_default | ',') lambda_param_maybe_default* a='*' (lambda_param_no_default | ',')
    /// ```
    fn invalid_lambda_star_etc(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.eat(T::Star)?.is_none() {
            return Ok(None);
        }
        if self.eat(T::Colon)?.is_some()
            || (self.eat(T::Comma)?.is_some()
                && (self.eat(T::Colon)?.is_some() || self.eat(T::DoubleStar)?.is_some()))
        {
            return Err(self.error_at_last_token(
                SyntaxErrorType::SyntaxError,
                "named arguments must follow bare *",
            ));
        }
        self.reset(m + 1);
        if self.lambda_param()?.is_some() {
            if let Some(a) = self.eat(T::Equal)? {
                return Err(self.syntax_error_at(
                    Self::token_loc(a),
                    "var-positional argument cannot have default value",
                ));
            }
        }
        self.reset(m + 1);
        if self.lambda_param_no_default()?.is_some() || self.eat(T::Comma)?.is_some() {
            self.repeat(Self::lambda_param_maybe_default)?;
            if let Some(a) = self.eat(T::Star)? {
                if self.lambda_param_no_default()?.is_some() || self.eat(T::Comma)?.is_some() {
                    return Err(
                        self.syntax_error_at(Self::token_loc(a), "* argument may appear only once")
                    );
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// invalid_lambda_kwds:
    ///     | '**' lambda_param a='='
    ///     | '**' lambda_param ',' a=lambda_param
    ///     | '**' lambda_param ',' a=('*'|'**'|'/')
    /// ```
    fn invalid_lambda_kwds(&mut self) -> PResult<()> {
        let m = self.mark();
        if self.eat(T::DoubleStar)?.is_none() || self.lambda_param()?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        if let Some(a) = self.eat(T::Equal)? {
            return Err(self.syntax_error_at(
                Self::token_loc(a),
                "var-keyword argument cannot have default value",
            ));
        }
        if self.eat(T::Comma)?.is_some() {
            let t = self.peek()?;
            if let Some(a) = self.lambda_param()? {
                return Err(
                    self.syntax_error_at(a.loc, "arguments cannot follow var-keyword argument")
                );
            }
            if matches!(t.kind, T::Star | T::DoubleStar | T::Slash) {
                return Err(self.syntax_error_at(
                    Self::token_loc(t),
                    "arguments cannot follow var-keyword argument",
                ));
            }
        }
        self.reset(m);
        Ok(None)
    }
}
