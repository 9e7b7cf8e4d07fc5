//! The `match` statement and its patterns (PEP 634), as the 3.11 grammar has them:
//! `match_stmt`, `case_block`, `patterns` ... `keyword_pattern`, and their `invalid_*`
//! rules.

use super::{PResult, Parser};
use crate::ast::{
    Constant, Expr, ExprContext, ExprKind, MatchCase, Operator, Pattern, PatternKind, Stmt,
    StmtKind, UnaryOp,
};
use crate::error::SyntaxErrorType;
use crate::token::TokenKind;

impl<'src> Parser<'src> {
    /// ```text
    /// match_stmt:
    ///     | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
    ///     | invalid_match_stmt
    /// invalid_match_stmt:
    ///     | "match" subject_expr NEWLINE { "expected ':'" }
    ///     | "match" subject_expr ':' NEWLINE !INDENT
    /// ```
    pub(crate) fn match_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let Some(kw) = self.eat_soft_keyword("match")? else {
            return Ok(None);
        };
        let Some(subject) = self.subject_expr()? else {
            self.reset(m);
            return Ok(None);
        };
        let after_subject = self.mark();
        if self.eat(TokenKind::Colon)?.is_some()
            && self.eat(TokenKind::Newline)?.is_some()
            && self.eat(TokenKind::Indent)?.is_some()
        {
            let mut cases = Vec::new();
            while let Some(c) = self.case_block()? {
                cases.push(c);
            }
            if !cases.is_empty() && self.eat(TokenKind::Dedent)?.is_some() {
                return Ok(Some(Stmt {
                    kind: StmtKind::Match {
                        subject: Box::new(subject),
                        cases,
                    },
                    loc: self.loc_from(m),
                }));
            }
        }
        if self.call_invalid_rules {
            self.reset(after_subject);
            if self.eat(TokenKind::Newline)?.is_some() {
                return Err(self.error_at_last_token(SyntaxErrorType::SyntaxError, "expected ':'"));
            }
            self.reset(after_subject);
            if self.eat(TokenKind::Colon)?.is_some()
                && self.eat(TokenKind::Newline)?.is_some()
                && !self.at(TokenKind::Indent)?
            {
                return Err(self.error_at_last_token(
                    SyntaxErrorType::IndentationError,
                    format!(
                        "expected an indented block after 'match' statement on line {}",
                        kw.lineno
                    ),
                ));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// subject_expr:
    ///     | star_named_expression ',' star_named_expressions?
    ///     | named_expression
    /// ```
    fn subject_expr(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if let Some(first) = self.star_named_expression()? {
            if self.eat(TokenKind::Comma)?.is_some() {
                let mut elts = vec![first];
                if let Some(rest) = self.star_named_expressions()? {
                    elts.extend(rest);
                }
                return Ok(Some(Expr {
                    kind: ExprKind::Tuple {
                        elts,
                        ctx: ExprContext::Load,
                    },
                    loc: self.loc_from(m),
                }));
            }
        }
        self.reset(m);
        self.named_expression()
    }

    /// ```text
    /// case_block:
    ///     | invalid_case_block
    ///     | "case" patterns guard? ':' block
    /// invalid_case_block:
    ///     | "case" patterns guard? NEWLINE { "expected ':'" }
    ///     | "case" patterns guard? ':' NEWLINE !INDENT
    /// guard: 'if' named_expression
    /// ```
    fn case_block(&mut self) -> PResult<MatchCase> {
        let m = self.mark();
        let Some(kw) = self.eat_soft_keyword("case")? else {
            return Ok(None);
        };
        let Some(pattern) = self.patterns()? else {
            self.reset(m);
            return Ok(None);
        };
        let m2 = self.mark();
        let mut guard = None;
        if self.eat(TokenKind::If)?.is_some() {
            match self.named_expression()? {
                Some(g) => guard = Some(Box::new(g)),
                None => self.reset(m2),
            }
        }
        if self.call_invalid_rules {
            if self.eat(TokenKind::Newline)?.is_some() {
                return Err(self.error_at_last_token(SyntaxErrorType::SyntaxError, "expected ':'"));
            }
            let m3 = self.mark();
            if self.eat(TokenKind::Colon)?.is_some()
                && self.eat(TokenKind::Newline)?.is_some()
                && !self.at(TokenKind::Indent)?
            {
                return Err(self.error_at_last_token(
                    SyntaxErrorType::IndentationError,
                    format!(
                        "expected an indented block after 'case' statement on line {}",
                        kw.lineno
                    ),
                ));
            }
            self.reset(m3);
        }
        if self.eat(TokenKind::Colon)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        Ok(Some(MatchCase {
            pattern,
            guard,
            body,
        }))
    }

    /// ```text
    /// patterns:
    ///     | open_sequence_pattern
    ///     | pattern
    /// ```
    fn patterns(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        if let Some(patterns) = self.open_sequence_pattern()? {
            return Ok(Some(Pattern {
                kind: PatternKind::MatchSequence { patterns },
                loc: self.loc_from(m),
            }));
        }
        self.reset(m);
        self.pattern()
    }

    /// ```text
    /// pattern: as_pattern | or_pattern
    /// as_pattern:
    ///     | or_pattern 'as' pattern_capture_target
    ///     | invalid_as_pattern
    /// invalid_as_pattern:
    ///     | or_pattern 'as' "_" { "cannot use '_' as a target" }
    ///     | or_pattern 'as' !NAME expression { "invalid pattern target" }
    /// ```
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        let Some(or) = self.or_pattern()? else {
            return Ok(None);
        };
        let after = self.mark();
        if self.eat(TokenKind::As)?.is_some() {
            if let Some(name) = self.pattern_capture_target()? {
                return Ok(Some(Pattern {
                    kind: PatternKind::MatchAs {
                        pattern: Some(Box::new(or)),
                        name: Some(name),
                    },
                    loc: self.loc_from(m),
                }));
            }
            if self.call_invalid_rules {
                if let Some(t) = self.eat_soft_keyword("_")? {
                    return Err(
                        self.syntax_error_at(Self::token_loc(t), "cannot use '_' as a target")
                    );
                }
                if !self.at(TokenKind::Name)? {
                    if let Some(a) = self.expression()? {
                        return Err(self.syntax_error_at(a.loc, "invalid pattern target"));
                    }
                }
            }
        }
        self.reset(after);
        Ok(Some(or))
    }

    /// `or_pattern: '|'.closed_pattern+`
    fn or_pattern(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        let Some(first) = self.closed_pattern()? else {
            return Ok(None);
        };
        if !self.at(TokenKind::Vbar)? {
            return Ok(Some(first));
        }
        let mut patterns = vec![first];
        loop {
            let m2 = self.mark();
            if self.eat(TokenKind::Vbar)?.is_none() {
                break;
            }
            match self.closed_pattern()? {
                Some(p) => patterns.push(p),
                None => {
                    self.reset(m2);
                    break;
                }
            }
        }
        if patterns.len() == 1 {
            return Ok(patterns.pop());
        }
        Ok(Some(Pattern {
            kind: PatternKind::MatchOr { patterns },
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// closed_pattern (memo):
    ///     | literal_pattern
    ///     | capture_pattern
    ///     | wildcard_pattern
    ///     | value_pattern
    ///     | group_pattern
    ///     | sequence_pattern
    ///     | mapping_pattern
    ///     | class_pattern
    /// ```
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        if let Some((r, end)) = self.memo.pattern.get(&m) {
            let r = r.clone();
            self.pos = *end;
            return Ok(r);
        }
        let r = self.closed_pattern_inner()?;
        self.memo.pattern.insert(m, (r.clone(), self.pos));
        Ok(r)
    }

    fn closed_pattern_inner(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        if let Some(p) = self.literal_pattern()? {
            return Ok(Some(p));
        }
        self.reset(m);
        // capture_pattern: pattern_capture_target
        if let Some(name) = self.pattern_capture_target()? {
            return Ok(Some(Pattern {
                kind: PatternKind::MatchAs {
                    pattern: None,
                    name: Some(name),
                },
                loc: self.loc_from(m),
            }));
        }
        // wildcard_pattern: "_"
        if self.eat_soft_keyword("_")?.is_some() {
            return Ok(Some(Pattern {
                kind: PatternKind::MatchAs {
                    pattern: None,
                    name: None,
                },
                loc: self.loc_from(m),
            }));
        }
        // value_pattern: attr !('.' | '(' | '=')
        if let Some(attr) = self.attr()? {
            if !matches!(
                self.peek()?.kind,
                TokenKind::Dot | TokenKind::Lpar | TokenKind::Equal
            ) {
                return Ok(Some(Pattern {
                    kind: PatternKind::MatchValue {
                        value: Box::new(attr),
                    },
                    loc: self.loc_from(m),
                }));
            }
        }
        self.reset(m);
        match self.peek()?.kind {
            TokenKind::Lpar => {
                // group_pattern: '(' pattern ')'
                self.pos += 1;
                if let Some(p) = self.pattern()? {
                    if self.eat(TokenKind::Rpar)?.is_some() {
                        return Ok(Some(p));
                    }
                }
                // sequence_pattern: '(' open_sequence_pattern? ')'
                self.reset(m + 1);
                let patterns = self.open_sequence_pattern()?.unwrap_or_default();
                if self.eat(TokenKind::Rpar)?.is_some() {
                    return Ok(Some(Pattern {
                        kind: PatternKind::MatchSequence { patterns },
                        loc: self.loc_from(m),
                    }));
                }
            }
            TokenKind::Lsqb => {
                // sequence_pattern: '[' maybe_sequence_pattern? ']'
                self.pos += 1;
                let patterns = self.maybe_sequence_pattern()?.unwrap_or_default();
                if self.eat(TokenKind::Rsqb)?.is_some() {
                    return Ok(Some(Pattern {
                        kind: PatternKind::MatchSequence { patterns },
                        loc: self.loc_from(m),
                    }));
                }
            }
            TokenKind::Lbrace => {
                if let Some(p) = self.mapping_pattern()? {
                    return Ok(Some(p));
                }
            }
            _ => {
                if let Some(p) = self.class_pattern()? {
                    return Ok(Some(p));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// literal_pattern:
    ///     | signed_number !('+' | '-')
    ///     | complex_number
    ///     | strings
    ///     | 'None' | 'True' | 'False'
    /// ```
    fn literal_pattern(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        let t = self.peek()?;
        let singleton = match t.kind {
            TokenKind::None => Some(Constant::None),
            TokenKind::True => Some(Constant::Bool(true)),
            TokenKind::False => Some(Constant::Bool(false)),
            _ => None,
        };
        if let Some(value) = singleton {
            self.pos += 1;
            return Ok(Some(Pattern {
                kind: PatternKind::MatchSingleton { value },
                loc: Self::token_loc(t),
            }));
        }
        match self.literal_number_or_string()? {
            Some(value) => Ok(Some(Pattern {
                kind: PatternKind::MatchValue {
                    value: Box::new(value),
                },
                loc: self.loc_from(m),
            })),
            None => Ok(None),
        }
    }

    /// The number and string alternatives shared by `literal_pattern` and
    /// `literal_expr`: `signed_number !('+' | '-') | complex_number | strings`.
    fn literal_number_or_string(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.at(TokenKind::String)? {
            return self.strings();
        }
        if let Some(n) = self.signed_number()? {
            if !matches!(self.peek()?.kind, TokenKind::Plus | TokenKind::Minus) {
                return Ok(Some(n));
            }
        }
        self.reset(m);
        // complex_number: signed_real_number ('+' | '-') imaginary_number
        if let Some(real) = self.signed_number()? {
            if is_real(&real) {
                let op = match self.peek()?.kind {
                    TokenKind::Plus => Some(Operator::Add),
                    TokenKind::Minus => Some(Operator::Sub),
                    _ => None,
                };
                if let Some(op) = op {
                    self.pos += 1;
                    let it = self.peek()?;
                    if let Some(imag) = self.number()? {
                        if !matches!(
                            &imag.kind,
                            ExprKind::Constant {
                                value: Constant::Complex { .. },
                                ..
                            }
                        ) {
                            return Err(self.syntax_error_at(
                                Self::token_loc(it),
                                "imaginary number required in complex literal",
                            ));
                        }
                        return Ok(Some(Expr {
                            kind: ExprKind::BinOp {
                                left: Box::new(real),
                                op,
                                right: Box::new(imag),
                            },
                            loc: self.loc_from(m),
                        }));
                    }
                }
            } else if matches!(self.peek()?.kind, TokenKind::Plus | TokenKind::Minus) {
                // `_PyPegen_ensure_real` on the left operand.
                let loc = match &real.kind {
                    ExprKind::UnaryOp { operand, .. } => operand.loc,
                    _ => real.loc,
                };
                return Err(self.syntax_error_at(loc, "real number required in complex literal"));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// signed_number:
    ///     | NUMBER
    ///     | '-' NUMBER
    /// ```
    fn signed_number(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if self.eat(TokenKind::Minus)?.is_some() {
            if let Some(n) = self.number()? {
                return Ok(Some(Expr {
                    kind: ExprKind::UnaryOp {
                        op: UnaryOp::USub,
                        operand: Box::new(n),
                    },
                    loc: self.loc_from(m),
                }));
            }
            self.reset(m);
            return Ok(None);
        }
        self.number()
    }

    /// `NUMBER` as a constant expression.
    fn number(&mut self) -> PResult<Expr> {
        let Some(t) = self.eat(TokenKind::Number)? else {
            return Ok(None);
        };
        let value = crate::literal::parse_number(self.text(t));
        Ok(Some(Expr {
            kind: ExprKind::Constant { value, kind: None },
            loc: Self::token_loc(t),
        }))
    }

    /// `pattern_capture_target: !"_" NAME !('.' | '(' | '=')`
    fn pattern_capture_target(&mut self) -> PResult<String> {
        let m = self.mark();
        let t = self.peek()?;
        if t.kind != TokenKind::Name || self.text(t) == "_" {
            return Ok(None);
        }
        self.pos += 1;
        if matches!(
            self.peek()?.kind,
            TokenKind::Dot | TokenKind::Lpar | TokenKind::Equal
        ) {
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(self.identifier(t)))
    }

    /// ```text
    /// attr: name_or_attr '.' NAME
    /// ```
    fn attr(&mut self) -> PResult<Expr> {
        let m = self.mark();
        match self.name_or_attr()? {
            Some(e) if matches!(e.kind, ExprKind::Attribute { .. }) => Ok(Some(e)),
            _ => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// `name_or_attr: attr | NAME` (a dotted name, as `Attribute`s over a `Name`).
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let Some((id, t)) = self.name_token()? else {
            return Ok(None);
        };
        let mut e = Expr {
            kind: ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            },
            loc: Self::token_loc(t),
        };
        loop {
            let m2 = self.mark();
            if self.eat(TokenKind::Dot)?.is_none() {
                break;
            }
            match self.name_token()? {
                Some((attr, _)) => {
                    e = Expr {
                        kind: ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                            ctx: ExprContext::Load,
                        },
                        loc: self.loc_from(m),
                    };
                }
                None => {
                    self.reset(m2);
                    break;
                }
            }
        }
        Ok(Some(e))
    }

    /// `open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?`
    fn open_sequence_pattern(&mut self) -> PResult<Vec<Pattern>> {
        let m = self.mark();
        let Some(first) = self.maybe_star_pattern()? else {
            return Ok(None);
        };
        if self.eat(TokenKind::Comma)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        let mut out = vec![first];
        if let Some(rest) = self.maybe_sequence_pattern()? {
            out.extend(rest);
        }
        Ok(Some(out))
    }

    /// `maybe_sequence_pattern: ','.maybe_star_pattern+ ','?`
    fn maybe_sequence_pattern(&mut self) -> PResult<Vec<Pattern>> {
        self.gather_trailing(Self::maybe_star_pattern)
    }

    /// ```text
    /// maybe_star_pattern: star_pattern | pattern
    /// star_pattern (memo):
    ///     | '*' pattern_capture_target
    ///     | '*' wildcard_pattern
    /// ```
    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        if self.eat(TokenKind::Star)?.is_some() {
            let name = self.pattern_capture_target()?;
            if name.is_some() || self.eat_soft_keyword("_")?.is_some() {
                return Ok(Some(Pattern {
                    kind: PatternKind::MatchStar { name },
                    loc: self.loc_from(m),
                }));
            }
            self.reset(m);
        }
        self.pattern()
    }

    /// ```text
    /// mapping_pattern:
    ///     | '{' '}'
    ///     | '{' double_star_pattern ','? '}'
    ///     | '{' items_pattern ',' double_star_pattern ','? '}'
    ///     | '{' items_pattern ','? '}'
    /// items_pattern: ','.key_value_pattern+
    /// key_value_pattern: (literal_expr | attr) ':' pattern
    /// double_star_pattern: '**' pattern_capture_target
    /// ```
    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        if self.eat(TokenKind::Lbrace)?.is_none() {
            return Ok(None);
        }
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        loop {
            if self.at(TokenKind::Rbrace)? {
                break;
            }
            if self.eat(TokenKind::DoubleStar)?.is_some() {
                match self.pattern_capture_target()? {
                    Some(n) => rest = Some(n),
                    None => {
                        self.reset(m);
                        return Ok(None);
                    }
                }
                self.eat(TokenKind::Comma)?;
                break;
            }
            let Some((k, p)) = self.key_value_pattern()? else {
                self.reset(m);
                return Ok(None);
            };
            keys.push(k);
            patterns.push(p);
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
        }
        if self.eat(TokenKind::Rbrace)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(Pattern {
            kind: PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            loc: self.loc_from(m),
        }))
    }

    /// `key_value_pattern: (literal_expr | attr) ':' pattern`
    fn key_value_pattern(&mut self) -> PResult<(Expr, Pattern)> {
        let m = self.mark();
        let key = match self.literal_expr()? {
            Some(k) => Some(k),
            None => {
                self.reset(m);
                self.attr()?
            }
        };
        if let Some(key) = key {
            if self.eat(TokenKind::Colon)?.is_some() {
                if let Some(p) = self.pattern()? {
                    return Ok(Some((key, p)));
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// literal_expr:
    ///     | signed_number !('+' | '-')
    ///     | complex_number
    ///     | strings
    ///     | 'None' | 'True' | 'False'
    /// ```
    fn literal_expr(&mut self) -> PResult<Expr> {
        let t = self.peek()?;
        let value = match t.kind {
            TokenKind::None => Some(Constant::None),
            TokenKind::True => Some(Constant::Bool(true)),
            TokenKind::False => Some(Constant::Bool(false)),
            _ => None,
        };
        if let Some(value) = value {
            self.pos += 1;
            return Ok(Some(Expr {
                kind: ExprKind::Constant { value, kind: None },
                loc: Self::token_loc(t),
            }));
        }
        self.literal_number_or_string()
    }

    /// ```text
    /// class_pattern:
    ///     | name_or_attr '(' ')'
    ///     | name_or_attr '(' positional_patterns ','? ')'
    ///     | name_or_attr '(' keyword_patterns ','? ')'
    ///     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
    ///     | invalid_class_pattern
    /// invalid_class_pattern:
    ///     | name_or_attr '(' [positional_patterns ','] keyword_patterns ',' positional_patterns
    /// ```
    fn class_pattern(&mut self) -> PResult<Pattern> {
        let m = self.mark();
        let Some(cls) = self.name_or_attr()? else {
            return Ok(None);
        };
        if self.eat(TokenKind::Lpar)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        let after_paren = self.mark();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        let mut ok = self.eat(TokenKind::Rpar)?.is_some();
        if !ok {
            let pos = self.positional_patterns()?;
            let after_pos = self.mark();
            if let Some(pos) = pos {
                self.eat(TokenKind::Comma)?;
                if self.eat(TokenKind::Rpar)?.is_some() {
                    patterns = pos;
                    ok = true;
                } else {
                    self.reset(after_pos);
                    if self.eat(TokenKind::Comma)?.is_some() {
                        if let Some((a, p)) = self.keyword_patterns()? {
                            self.eat(TokenKind::Comma)?;
                            if self.eat(TokenKind::Rpar)?.is_some() {
                                patterns = pos;
                                kwd_attrs = a;
                                kwd_patterns = p;
                                ok = true;
                            }
                        }
                    }
                }
            } else {
                self.reset(after_paren);
                if let Some((a, p)) = self.keyword_patterns()? {
                    self.eat(TokenKind::Comma)?;
                    if self.eat(TokenKind::Rpar)?.is_some() {
                        kwd_attrs = a;
                        kwd_patterns = p;
                        ok = true;
                    }
                }
            }
        }
        if ok {
            return Ok(Some(Pattern {
                kind: PatternKind::MatchClass {
                    cls: Box::new(cls),
                    patterns,
                    kwd_attrs,
                    kwd_patterns,
                },
                loc: self.loc_from(m),
            }));
        }
        if self.call_invalid_rules {
            self.reset(after_paren);
            let m2 = self.mark();
            if self.positional_patterns()?.is_none() || self.eat(TokenKind::Comma)?.is_none() {
                self.reset(m2);
            }
            if self.keyword_patterns()?.is_some() && self.eat(TokenKind::Comma)?.is_some() {
                if let Some(a) = self.positional_patterns()? {
                    if let (Some(first), Some(last)) = (a.first(), a.last()) {
                        return Err(self.syntax_error_range(
                            first.loc,
                            last.loc,
                            "positional patterns follow keyword patterns",
                        ));
                    }
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `positional_patterns: ','.pattern+`
    fn positional_patterns(&mut self) -> PResult<Vec<Pattern>> {
        self.gather(Self::pattern)
    }

    /// ```text
    /// keyword_patterns: ','.keyword_pattern+
    /// keyword_pattern: NAME '=' pattern
    /// ```
    fn keyword_patterns(&mut self) -> PResult<(Vec<String>, Vec<Pattern>)> {
        let mut names = Vec::new();
        let mut pats = Vec::new();
        loop {
            let m = self.mark();
            if !names.is_empty() && self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            let mut ok = false;
            if let Some((n, _)) = self.name_token()? {
                if self.eat(TokenKind::Equal)?.is_some() {
                    if let Some(p) = self.pattern()? {
                        names.push(n);
                        pats.push(p);
                        ok = true;
                    }
                }
            }
            if !ok {
                self.reset(m);
                break;
            }
        }
        Ok(if names.is_empty() {
            None
        } else {
            Some((names, pats))
        })
    }
}

/// Whether a `signed_number` is real (not imaginary): `_PyPegen_ensure_real`.
fn is_real(e: &Expr) -> bool {
    let inner = match &e.kind {
        ExprKind::UnaryOp { operand, .. } => operand,
        _ => e,
    };
    !matches!(
        &inner.kind,
        ExprKind::Constant {
            value: Constant::Complex { .. },
            ..
        }
    )
}
