//! Function parameters of the 3.11 grammar (`params`, `parameters`,
//! `slash_no_default`, `slash_with_default`, `star_etc`, `kwds`, `param*`, `default`)
//! and their `invalid_*` rules. Every rule takes `lambda`: with it set, it is the
//! `lambda_*` twin (no annotations, parameters end at `':'` instead of `')'`), so
//! lambda parameters can share this code.

use super::{PResult, Parser};
use crate::ast::{Arg, Arguments, Expr};
use crate::error::{SyntaxError, SyntaxErrorType};
use crate::token::TokenKind;

type Err = Box<SyntaxError>;

/// A parameter with its optional default (CPython's `NameDefaultPair`).
type NameDefault = (Arg, Option<Expr>);

/// What `star_etc` collects (CPython's `StarEtc`).
#[derive(Default)]
struct StarEtc {
    vararg: Option<Arg>,
    kwonly: Vec<NameDefault>,
    kwarg: Option<Arg>,
}

impl<'src> Parser<'src> {
    /// ```text
    /// params:
    ///     | invalid_parameters
    ///     | parameters
    /// ```
    pub(crate) fn params(&mut self) -> PResult<Arguments> {
        if self.call_invalid_rules {
            let m = self.mark();
            self.invalid_parameters(false)?;
            self.reset(m);
        }
        self.parameters(false)
    }

    /// `parameters` (and `lambda_parameters` when `lambda`):
    /// ```text
    /// parameters:
    ///     | slash_no_default param_no_default* param_with_default* [star_etc]
    ///     | slash_with_default param_with_default* [star_etc]
    ///     | param_no_default+ param_with_default* [star_etc]
    ///     | param_with_default+ [star_etc]
    ///     | star_etc
    /// ```
    /// For lambdas, parameters have no annotations and end at `':'` instead of `')'`.
    pub(crate) fn parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let m = self.mark();
        // slash_no_default param_no_default* param_with_default* [star_etc]
        if let Some(posonly) = self.slash_no_default(lambda)? {
            let plain = self.many(|p| p.param_no_default(lambda))?;
            let with_default = self.many(|p| p.param_with_default(lambda))?;
            let star = self.star_etc(lambda)?;
            return Ok(Some(make_arguments(
                posonly,
                Vec::new(),
                plain,
                with_default,
                star,
            )));
        }
        self.reset(m);
        // slash_with_default param_with_default* [star_etc]
        if let Some((plain, defaults)) = self.slash_with_default(lambda)? {
            let with_default = self.many(|p| p.param_with_default(lambda))?;
            let star = self.star_etc(lambda)?;
            return Ok(Some(make_arguments(
                plain,
                defaults,
                Vec::new(),
                with_default,
                star,
            )));
        }
        self.reset(m);
        // param_no_default+ param_with_default* [star_etc]
        let plain = self.many(|p| p.param_no_default(lambda))?;
        if !plain.is_empty() {
            let with_default = self.many(|p| p.param_with_default(lambda))?;
            let star = self.star_etc(lambda)?;
            return Ok(Some(make_arguments(
                Vec::new(),
                Vec::new(),
                plain,
                with_default,
                star,
            )));
        }
        // param_with_default+ [star_etc]
        let with_default = self.many(|p| p.param_with_default(lambda))?;
        if !with_default.is_empty() {
            let star = self.star_etc(lambda)?;
            return Ok(Some(make_arguments(
                Vec::new(),
                Vec::new(),
                Vec::new(),
                with_default,
                star,
            )));
        }
        // star_etc
        match self.star_etc(lambda)? {
            Some(star) => Ok(Some(make_arguments(
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Some(star),
            ))),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// `e*`: zero or more of `rule`.
    fn many<T>(&mut self, mut rule: impl FnMut(&mut Self) -> PResult<T>) -> Result<Vec<T>, Err> {
        let mut out = Vec::new();
        while let Some(x) = rule(self)? {
            out.push(x);
        }
        Ok(out)
    }

    /// The parameter list's closing token: `')'`, or `':'` for a lambda.
    fn params_end(lambda: bool) -> TokenKind {
        if lambda {
            TokenKind::Colon
        } else {
            TokenKind::Rpar
        }
    }

    /// `(',' | &')')` after a parameter: consume a comma or see the closing token.
    fn param_sep(&mut self, lambda: bool) -> Result<bool, Err> {
        if self.eat(TokenKind::Comma)?.is_some() {
            return Ok(true);
        }
        self.at(Self::params_end(lambda))
    }

    /// ```text
    /// slash_no_default:
    ///     | param_no_default+ '/' ','
    ///     | param_no_default+ '/' &')'
    /// ```
    fn slash_no_default(&mut self, lambda: bool) -> PResult<Vec<Arg>> {
        let m = self.mark();
        let a = self.many(|p| p.param_no_default(lambda))?;
        if !a.is_empty() && self.eat(TokenKind::Slash)?.is_some() && self.param_sep(lambda)? {
            return Ok(Some(a));
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// slash_with_default:
    ///     | param_no_default* param_with_default+ '/' ','
    ///     | param_no_default* param_with_default+ '/' &')'
    /// ```
    fn slash_with_default(&mut self, lambda: bool) -> PResult<(Vec<Arg>, Vec<NameDefault>)> {
        let m = self.mark();
        let a = self.many(|p| p.param_no_default(lambda))?;
        let b = self.many(|p| p.param_with_default(lambda))?;
        if !b.is_empty() && self.eat(TokenKind::Slash)?.is_some() && self.param_sep(lambda)? {
            return Ok(Some((a, b)));
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// star_etc:
    ///     | invalid_star_etc
    ///     | '*' param_no_default param_maybe_default* [kwds]
    ///     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
    ///     | '*' ',' param_maybe_default+ [kwds]
    ///     | kwds
    /// ```
    fn star_etc(&mut self, lambda: bool) -> PResult<StarEtc> {
        let m = self.mark();
        if self.call_invalid_rules {
            self.invalid_star_etc(lambda)?;
            self.reset(m);
        }
        if self.eat(TokenKind::Star)?.is_some() {
            let mut vararg = self.param_no_default(lambda)?;
            if vararg.is_none() && !lambda {
                vararg = self.param_no_default_star_annotation()?;
            }
            if let Some(vararg) = vararg {
                let kwonly = self.many(|p| p.param_maybe_default(lambda))?;
                let kwarg = self.kwds(lambda)?;
                return Ok(Some(StarEtc {
                    vararg: Some(vararg),
                    kwonly,
                    kwarg,
                }));
            }
            if self.eat(TokenKind::Comma)?.is_some() {
                let kwonly = self.many(|p| p.param_maybe_default(lambda))?;
                if !kwonly.is_empty() {
                    let kwarg = self.kwds(lambda)?;
                    return Ok(Some(StarEtc {
                        vararg: None,
                        kwonly,
                        kwarg,
                    }));
                }
            }
            self.reset(m);
            return Ok(None);
        }
        match self.kwds(lambda)? {
            Some(kwarg) => Ok(Some(StarEtc {
                vararg: None,
                kwonly: Vec::new(),
                kwarg: Some(kwarg),
            })),
            None => Ok(None),
        }
    }

    /// ```text
    /// kwds:
    ///     | invalid_kwds
    ///     | '**' param_no_default
    /// ```
    fn kwds(&mut self, lambda: bool) -> PResult<Arg> {
        let m = self.mark();
        if self.call_invalid_rules {
            self.invalid_kwds(lambda)?;
            self.reset(m);
        }
        if self.eat(TokenKind::DoubleStar)?.is_some() {
            if let Some(a) = self.param_no_default(lambda)? {
                return Ok(Some(a));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// param_no_default:
    ///     | param ',' TYPE_COMMENT?
    ///     | param TYPE_COMMENT? &')'
    /// ```
    fn param_no_default(&mut self, lambda: bool) -> PResult<Arg> {
        let m = self.mark();
        if let Some(a) = self.param(lambda)? {
            if self.param_sep(lambda)? {
                return Ok(Some(a));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// param_no_default_star_annotation:
    ///     | param_star_annotation ',' TYPE_COMMENT?
    ///     | param_star_annotation TYPE_COMMENT? &')'
    /// param_star_annotation: NAME star_annotation
    /// star_annotation: ':' star_expression
    /// ```
    fn param_no_default_star_annotation(&mut self) -> PResult<Arg> {
        let m = self.mark();
        if let Some((arg, _)) = self.name_token()? {
            if self.eat(TokenKind::Colon)?.is_some() {
                if let Some(ann) = self.star_expression()? {
                    let a = Arg {
                        arg,
                        annotation: Some(Box::new(ann)),
                        type_comment: None,
                        loc: self.loc_from(m),
                    };
                    if self.param_sep(false)? {
                        return Ok(Some(a));
                    }
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// param_with_default:
    ///     | param default ',' TYPE_COMMENT?
    ///     | param default TYPE_COMMENT? &')'
    /// ```
    fn param_with_default(&mut self, lambda: bool) -> PResult<NameDefault> {
        let m = self.mark();
        if let Some(a) = self.param(lambda)? {
            if let Some(d) = self.default()? {
                if self.param_sep(lambda)? {
                    return Ok(Some((a, Some(d))));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// param_maybe_default:
    ///     | param default? ',' TYPE_COMMENT?
    ///     | param default? TYPE_COMMENT? &')'
    /// ```
    fn param_maybe_default(&mut self, lambda: bool) -> PResult<NameDefault> {
        let m = self.mark();
        if let Some(a) = self.param(lambda)? {
            let d = self.default()?;
            if self.param_sep(lambda)? {
                return Ok(Some((a, d)));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `param: NAME annotation?` (`lambda_param: NAME`); `annotation: ':' expression`
    fn param(&mut self, lambda: bool) -> PResult<Arg> {
        let m = self.mark();
        let Some((arg, _)) = self.name_token()? else {
            return Ok(None);
        };
        let mut annotation = None;
        if !lambda {
            let m2 = self.mark();
            if self.eat(TokenKind::Colon)?.is_some() {
                match self.expression()? {
                    Some(e) => annotation = Some(Box::new(e)),
                    None => self.reset(m2),
                }
            }
        }
        Ok(Some(Arg {
            arg,
            annotation,
            type_comment: None,
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// default: '=' expression | invalid_default
    /// invalid_default:
    ///     | '=' &(')'|',') { "expected default value expression" }
    /// ```
    pub(crate) fn default(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let Some(eq) = self.eat(TokenKind::Equal)? else {
            return Ok(None);
        };
        if let Some(e) = self.expression()? {
            return Ok(Some(e));
        }
        if self.call_invalid_rules
            && matches!(self.peek()?.kind, TokenKind::Rpar | TokenKind::Comma)
        {
            return Err(
                self.syntax_error_at(Self::token_loc(eq), "expected default value expression")
            );
        }
        self.reset(m);
        Ok(None)
    }

    /// `invalid_parameters` (`invalid_lambda_parameters` when `lambda`):
    /// ```text
    ///     | param_no_default* invalid_parameters_helper param_no_default
    ///     | param_no_default* '(' param_no_default+ ','? ')'
    ///     | "/" ','
    ///     | (slash_no_default | slash_with_default) param_maybe_default* '/'
    ///     | (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default) param_maybe_default* '/'
    ///     | param_maybe_default+ '/' '*'
    /// invalid_parameters_helper: slash_with_default | param_with_default+
    /// ```
    pub(crate) fn invalid_parameters(&mut self, lambda: bool) -> Result<(), Err> {
        let m = self.mark();
        // param_no_default* invalid_parameters_helper param_no_default
        self.many(|p| p.param_no_default(lambda))?;
        let after_plain = self.mark();
        let mut helper = self.slash_with_default(lambda)?.is_some();
        if !helper {
            self.reset(after_plain);
            helper = !self.many(|p| p.param_with_default(lambda))?.is_empty();
        }
        if helper {
            if let Some(a) = self.param_no_default(lambda)? {
                return Err(
                    self.syntax_error_at(a.loc, "non-default argument follows default argument")
                );
            }
        }
        // param_no_default* '(' param_no_default+ ','? ')'   (lambda: ','.lambda_param+)
        self.reset(after_plain);
        if let Some(a) = self.eat(TokenKind::Lpar)? {
            let ok = if lambda {
                self.comma_list(|p| p.param(true))?.is_some()
            } else {
                !self.many(|p| p.param_no_default(false))?.is_empty()
            };
            if ok {
                self.eat(TokenKind::Comma)?;
                if let Some(b) = self.eat(TokenKind::Rpar)? {
                    let msg = if lambda {
                        "Lambda expression parameters cannot be parenthesized"
                    } else {
                        "Function parameters cannot be parenthesized"
                    };
                    return Err(self.syntax_error_range(
                        Self::token_loc(a),
                        Self::token_loc(b),
                        msg,
                    ));
                }
            }
        }
        // "/" ','
        self.reset(m);
        if let Some(a) = self.eat(TokenKind::Slash)? {
            if self.at(TokenKind::Comma)? {
                return Err(self
                    .syntax_error_at(Self::token_loc(a), "at least one argument must precede /"));
            }
        }
        // (slash_no_default | slash_with_default) param_maybe_default* '/'
        self.reset(m);
        let mut slash = self.slash_no_default(lambda)?.is_some();
        if !slash {
            slash = self.slash_with_default(lambda)?.is_some();
        }
        if slash {
            self.many(|p| p.param_maybe_default(lambda))?;
            if let Some(a) = self.eat(TokenKind::Slash)? {
                return Err(self.syntax_error_at(Self::token_loc(a), "/ may appear only once"));
            }
        }
        // (slash_no_default | slash_with_default)? param_maybe_default* '*'
        //     (',' | param_no_default) param_maybe_default* '/'
        self.reset(m);
        if self.slash_no_default(lambda)?.is_none() {
            self.slash_with_default(lambda)?;
        }
        self.many(|p| p.param_maybe_default(lambda))?;
        if self.eat(TokenKind::Star)?.is_some()
            && (self.eat(TokenKind::Comma)?.is_some() || self.param_no_default(lambda)?.is_some())
        {
            self.many(|p| p.param_maybe_default(lambda))?;
            if let Some(a) = self.eat(TokenKind::Slash)? {
                return Err(self.syntax_error_at(Self::token_loc(a), "/ must be ahead of *"));
            }
        }
        // param_maybe_default+ '/' '*'
        self.reset(m);
        if !self.many(|p| p.param_maybe_default(lambda))?.is_empty()
            && self.eat(TokenKind::Slash)?.is_some()
        {
            if let Some(a) = self.eat(TokenKind::Star)? {
                return Err(
                    self.syntax_error_at(Self::token_loc(a), "expected comma between / and *")
                );
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_star_etc` (`invalid_lambda_star_etc` when `lambda`):
    /// ```text
    ///     | '*' (')' | ',' (')' | '**'))        { "named arguments must follow bare *" }
    ///     | '*' ',' TYPE_COMMENT
    ///     | '*' param '='                        { "var-positional argument cannot have default value" }
    ///     | '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
    /// ```
    pub(crate) fn invalid_star_etc(&mut self, lambda: bool) -> Result<(), Err> {
        let m = self.mark();
        let Some(star) = self.eat(TokenKind::Star)? else {
            return Ok(());
        };
        let end = Self::params_end(lambda);
        let bare = if self.at(end)? {
            true
        } else if self.eat(TokenKind::Comma)?.is_some() {
            self.at(end)? || self.at(TokenKind::DoubleStar)?
        } else {
            false
        };
        if bare {
            let msg = "named arguments must follow bare *";
            if lambda {
                self.pos += 1;
                return Err(self.error_at_last_token(SyntaxErrorType::SyntaxError, msg));
            }
            return Err(self.syntax_error_at(Self::token_loc(star), msg));
        }
        self.reset(m + 1);
        if self.param(lambda)?.is_some() {
            if let Some(a) = self.eat(TokenKind::Equal)? {
                return Err(self.syntax_error_at(
                    Self::token_loc(a),
                    "var-positional argument cannot have default value",
                ));
            }
        }
        self.reset(m + 1);
        if self.param_no_default(lambda)?.is_some() || self.eat(TokenKind::Comma)?.is_some() {
            self.many(|p| p.param_maybe_default(lambda))?;
            if let Some(a) = self.eat(TokenKind::Star)? {
                if self.param_no_default(lambda)?.is_some() || self.at(TokenKind::Comma)? {
                    return Err(
                        self.syntax_error_at(Self::token_loc(a), "* argument may appear only once")
                    );
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `invalid_kwds` (`invalid_lambda_kwds` when `lambda`):
    /// ```text
    ///     | '**' param '='                 { "var-keyword argument cannot have default value" }
    ///     | '**' param ',' param           { "arguments cannot follow var-keyword argument" }
    ///     | '**' param ',' ('*'|'**'|'/')  { "arguments cannot follow var-keyword argument" }
    /// ```
    pub(crate) fn invalid_kwds(&mut self, lambda: bool) -> Result<(), Err> {
        let m = self.mark();
        if self.eat(TokenKind::DoubleStar)?.is_none() || self.param(lambda)?.is_none() {
            self.reset(m);
            return Ok(());
        }
        if let Some(a) = self.eat(TokenKind::Equal)? {
            return Err(self.syntax_error_at(
                Self::token_loc(a),
                "var-keyword argument cannot have default value",
            ));
        }
        if self.eat(TokenKind::Comma)?.is_some() {
            let t = self.peek()?;
            if let Some(a) = self.param(lambda)? {
                return Err(
                    self.syntax_error_at(a.loc, "arguments cannot follow var-keyword argument")
                );
            }
            if matches!(
                t.kind,
                TokenKind::Star | TokenKind::DoubleStar | TokenKind::Slash
            ) {
                return Err(self.syntax_error_at(
                    Self::token_loc(t),
                    "arguments cannot follow var-keyword argument",
                ));
            }
        }
        self.reset(m);
        Ok(())
    }
}

/// `_PyPegen_make_arguments`: assemble `arguments` from the parts the parameter rules
/// found.
fn make_arguments(
    slash_without_default: Vec<Arg>,
    slash_with_default: Vec<NameDefault>,
    plain_names: Vec<Arg>,
    names_with_default: Vec<NameDefault>,
    star_etc: Option<StarEtc>,
) -> Arguments {
    let mut posonlyargs = slash_without_default;
    let mut defaults = Vec::new();
    for (a, d) in slash_with_default {
        posonlyargs.push(a);
        defaults.extend(d);
    }
    let mut args = plain_names;
    for (a, d) in names_with_default {
        args.push(a);
        defaults.extend(d);
    }
    let star = star_etc.unwrap_or_default();
    let mut kwonlyargs = Vec::new();
    let mut kw_defaults = Vec::new();
    for (a, d) in star.kwonly {
        kwonlyargs.push(a);
        kw_defaults.push(d);
    }
    Arguments {
        posonlyargs,
        args,
        vararg: star.vararg.map(Box::new),
        kwonlyargs,
        kw_defaults,
        kwarg: star.kwarg.map(Box::new),
        defaults,
    }
}
