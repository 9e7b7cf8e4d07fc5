//! Statement rules of the 3.11 grammar: `file`, `interactive`, `statements`, simple
//! statements (assignments, imports, `return`, `raise`, `del`, ...), compound
//! statements (`if`, `while`, `for`, `with`, `try`, function and class definitions),
//! `block` and decorators, with their `invalid_*` rules (function parameters are in
//! [`super::params`]).
//!
//! Where alternatives of a rule share a prefix that always parses the same way (`'if'
//! named_expression ':' block` in `if_stmt`, `'try' ':' block` in `try_stmt`), the
//! prefix is parsed once and the alternatives branch after it: the result is the one
//! PEG ordered choice gives, without parsing nested blocks twice (CPython memoizes
//! `block` instead).

use super::expression::{expr_name, TargetsType};
use super::{PResult, Parser};
use crate::ast::{
    self, Alias, ClassDef, ExceptHandler, Expr, ExprContext, ExprKind, FunctionDef, Location,
    Operator, Stmt, StmtKind, WithItem,
};
use crate::error::{SyntaxError, SyntaxErrorType};
use crate::token::{Token, TokenKind};

type Err = Box<SyntaxError>;

impl<'src> Parser<'src> {
    // ===================================================================
    // Start rules and statement sequences
    // ===================================================================

    /// `file: [statements] ENDMARKER`
    pub(crate) fn file(&mut self) -> PResult<ast::Mod> {
        let body = self.statements()?.unwrap_or_default();
        if self.eat(TokenKind::EndMarker)?.is_none() {
            return Ok(None);
        }
        Ok(Some(ast::Mod::Module {
            body,
            type_ignores: Vec::new(),
        }))
    }

    /// `interactive: statement_newline`, then CPython's `bad_single_statement` check
    /// (`_PyPegen_run_parser`): anything but whitespace and comments after the
    /// statement is "multiple statements found while compiling a single statement".
    pub(crate) fn interactive(&mut self) -> PResult<ast::Mod> {
        let Some(body) = self.statement_newline()? else {
            return Ok(None);
        };
        let rest = self
            .source
            .get(self.last_token().end as usize..)
            .unwrap_or("");
        let mut lines = rest.split('\n');
        let bad = lines.any(|l| {
            let l = l.trim_start_matches([' ', '\t', '\x0c', '\r']);
            !l.is_empty() && !l.starts_with('#')
        });
        if bad {
            return Err(self.error_at_last_token(
                SyntaxErrorType::SyntaxError,
                "multiple statements found while compiling a single statement",
            ));
        }
        Ok(Some(ast::Mod::Interactive { body }))
    }

    /// ```text
    /// statement_newline:
    ///     | compound_stmt NEWLINE
    ///     | simple_stmts
    ///     | NEWLINE
    ///     | ENDMARKER
    /// ```
    fn statement_newline(&mut self) -> PResult<Vec<Stmt>> {
        let m = self.mark();
        if let Some(s) = self.compound_stmt()? {
            // Outside the REPL, CPython's tokenizer ends single-mode input after a
            // compound statement with a NEWLINE that ours (mode-independent) does not
            // make: the end of input stands for it.
            if self.eat(TokenKind::Newline)?.is_some() || self.at(TokenKind::EndMarker)? {
                return Ok(Some(vec![s]));
            }
            self.reset(m);
        }
        if let Some(s) = self.simple_stmts()? {
            return Ok(Some(s));
        }
        if self.eat(TokenKind::Newline)?.is_some() {
            return Ok(Some(vec![Stmt {
                kind: StmtKind::Pass,
                loc: self.loc_from(m),
            }]));
        }
        // ENDMARKER: `_PyPegen_interactive_exit` fails the parse.
        Ok(None)
    }

    /// `statements: statement+`
    pub(crate) fn statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut out = Vec::new();
        loop {
            let m = self.mark();
            if !self.statement(&mut out)? {
                self.reset(m);
                break;
            }
        }
        Ok(if out.is_empty() { None } else { Some(out) })
    }

    /// `statement: compound_stmt | simple_stmts`, appending to `out`; false when
    /// neither matches.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> Result<bool, Err> {
        if let Some(s) = self.compound_stmt()? {
            out.push(s);
            return Ok(true);
        }
        match self.simple_stmts()? {
            Some(v) => {
                out.extend(v);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// ```text
    /// simple_stmts:
    ///     | simple_stmt !';' NEWLINE
    ///     | ';'.simple_stmt+ [';'] NEWLINE
    /// ```
    pub(crate) fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let m = self.mark();
        let Some(first) = self.simple_stmt()? else {
            return Ok(None);
        };
        let mut out = vec![first];
        loop {
            let m2 = self.mark();
            if self.eat(TokenKind::Semi)?.is_none() {
                break;
            }
            match self.simple_stmt()? {
                Some(s) => out.push(s),
                None => {
                    self.reset(m2);
                    self.eat(TokenKind::Semi)?;
                    break;
                }
            }
        }
        if self.eat(TokenKind::Newline)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        Ok(Some(out))
    }

    /// ```text
    /// simple_stmt (memo):
    ///     | assignment
    ///     | star_expressions
    ///     | &'return' return_stmt
    ///     | &('import' | 'from') import_stmt
    ///     | &'raise' raise_stmt
    ///     | 'pass'
    ///     | &'del' del_stmt
    ///     | &'yield' yield_stmt
    ///     | &'assert' assert_stmt
    ///     | 'break'
    ///     | 'continue'
    ///     | &'global' global_stmt
    ///     | &'nonlocal' nonlocal_stmt
    /// ```
    /// A statement starting with one of these keywords (but `yield`) cannot be an
    /// assignment or expression, so it goes straight to its rule.
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let t = self.peek()?;
        let simple = |kind| Stmt {
            kind,
            loc: Self::token_loc(t),
        };
        match t.kind {
            TokenKind::Return => return self.return_stmt(),
            TokenKind::Import | TokenKind::From => return self.import_stmt(),
            TokenKind::Raise => return self.raise_stmt(),
            TokenKind::Pass => {
                self.pos += 1;
                return Ok(Some(simple(StmtKind::Pass)));
            }
            TokenKind::Del => return self.del_stmt(),
            TokenKind::Assert => return self.assert_stmt(),
            TokenKind::Break => {
                self.pos += 1;
                return Ok(Some(simple(StmtKind::Break)));
            }
            TokenKind::Continue => {
                self.pos += 1;
                return Ok(Some(simple(StmtKind::Continue)));
            }
            TokenKind::Global | TokenKind::Nonlocal => return self.global_or_nonlocal_stmt(),
            _ => {}
        }
        if self.call_invalid_rules || self.may_be_assignment() {
            if let Some(s) = self.assignment()? {
                return Ok(Some(s));
            }
            self.reset(m);
        }
        if let Some(e) = self.star_expressions()? {
            return Ok(Some(Stmt {
                kind: StmtKind::Expr { value: Box::new(e) },
                loc: self.loc_from(m),
            }));
        }
        self.reset(m);
        if t.kind == TokenKind::Yield {
            // yield_stmt: yield_expr
            if let Some(e) = self.yield_expr()? {
                return Ok(Some(Stmt {
                    kind: StmtKind::Expr { value: Box::new(e) },
                    loc: self.loc_from(m),
                }));
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// Whether the simple statement starting here could be an `assignment`: every
    /// alternative of the rule needs a `:`, `=` or augmented-assignment operator outside
    /// brackets before the end of the statement. A scan of the tokens (which reads no
    /// token the parser has not been given, and so changes no error position) saves
    /// parsing each expression statement's target alternatives first.
    fn may_be_assignment(&self) -> bool {
        let mut depth = 0u32;
        for t in self.tokens.get(self.pos..).unwrap_or_default() {
            match t.kind {
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                    depth = depth.saturating_sub(1)
                }
                TokenKind::Newline | TokenKind::Semi | TokenKind::EndMarker if depth == 0 => {
                    return false
                }
                TokenKind::Colon
                | TokenKind::Equal
                | TokenKind::PlusEqual
                | TokenKind::MinEqual
                | TokenKind::StarEqual
                | TokenKind::AtEqual
                | TokenKind::SlashEqual
                | TokenKind::PercentEqual
                | TokenKind::AmperEqual
                | TokenKind::VbarEqual
                | TokenKind::CircumflexEqual
                | TokenKind::LeftShiftEqual
                | TokenKind::RightShiftEqual
                | TokenKind::DoubleStarEqual
                | TokenKind::DoubleSlashEqual
                    if depth == 0 =>
                {
                    return true
                }
                _ => {}
            }
        }
        // The tokens end early (a tokenizer error): let the rules decide.
        true
    }

    /// ```text
    /// compound_stmt:
    ///     | &('def' | '@' | ASYNC) function_def
    ///     | &'if' if_stmt
    ///     | &('class' | '@') class_def
    ///     | &('with' | ASYNC) with_stmt
    ///     | &('for' | ASYNC) for_stmt
    ///     | &'try' try_stmt
    ///     | &'while' while_stmt
    ///     | match_stmt
    /// ```
    pub(crate) fn compound_stmt(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.compound_stmt_inner();
        self.leave();
        r
    }

    fn compound_stmt_inner(&mut self) -> PResult<Stmt> {
        let k = self.peek()?.kind;
        if matches!(k, TokenKind::Def | TokenKind::At | TokenKind::Async) {
            if let Some(s) = self.function_def()? {
                return Ok(Some(s));
            }
        }
        match k {
            TokenKind::If => return self.if_stmt(),
            TokenKind::Class | TokenKind::At => {
                if let Some(s) = self.class_def()? {
                    return Ok(Some(s));
                }
                return Ok(None);
            }
            TokenKind::With => return self.with_stmt(),
            TokenKind::For => return self.for_stmt(),
            TokenKind::Async => {
                if let Some(s) = self.with_stmt()? {
                    return Ok(Some(s));
                }
                return self.for_stmt();
            }
            TokenKind::Try => return self.try_stmt(),
            TokenKind::While => return self.while_stmt(),
            TokenKind::Name => return self.match_stmt(),
            _ => {}
        }
        Ok(None)
    }

    // ===================================================================
    // Simple statements
    // ===================================================================

    /// ```text
    /// assignment:
    ///     | NAME ':' expression ['=' annotated_rhs]
    ///     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
    ///     | (star_targets '=')+ annotated_rhs !'=' [TYPE_COMMENT]
    ///     | single_target augassign ~ annotated_rhs
    ///     | invalid_assignment
    /// ```
    fn assignment(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        // NAME ':' expression ['=' annotated_rhs]
        if let Some((id, t)) = self.name_token()? {
            if self.eat(TokenKind::Colon)?.is_some() {
                if let Some(annotation) = self.expression()? {
                    let target = Expr {
                        kind: ExprKind::Name {
                            id,
                            ctx: ExprContext::Store,
                        },
                        loc: Self::token_loc(t),
                    };
                    let value = self.assignment_value()?;
                    return Ok(Some(Stmt {
                        kind: StmtKind::AnnAssign {
                            target: Box::new(target),
                            annotation: Box::new(annotation),
                            value: value.map(Box::new),
                            simple: true,
                        },
                        loc: self.loc_from(m),
                    }));
                }
            }
            self.reset(m);
        }
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ...
        let mut target = None;
        if self.eat(TokenKind::Lpar)?.is_some() {
            if let Some(t) = self.single_target()? {
                if self.eat(TokenKind::Rpar)?.is_some() {
                    target = Some(t);
                }
            }
            if target.is_none() {
                self.reset(m);
            }
        }
        if target.is_none() {
            target = self.single_subscript_attribute_target()?;
        }
        if let Some(target) = target {
            if self.eat(TokenKind::Colon)?.is_some() {
                if let Some(annotation) = self.expression()? {
                    let value = self.assignment_value()?;
                    return Ok(Some(Stmt {
                        kind: StmtKind::AnnAssign {
                            target: Box::new(target),
                            annotation: Box::new(annotation),
                            value: value.map(Box::new),
                            simple: false,
                        },
                        loc: self.loc_from(m),
                    }));
                }
            }
        }
        self.reset(m);
        // (star_targets '=')+ annotated_rhs !'='
        let mut targets = Vec::new();
        loop {
            let m2 = self.mark();
            match self.star_targets()? {
                Some(t) if self.eat(TokenKind::Equal)?.is_some() => targets.push(t),
                _ => {
                    self.reset(m2);
                    break;
                }
            }
        }
        if !targets.is_empty() {
            if let Some(value) = self.annotated_rhs()? {
                if !self.at(TokenKind::Equal)? {
                    return Ok(Some(Stmt {
                        kind: StmtKind::Assign {
                            targets,
                            value: Box::new(value),
                            type_comment: None,
                        },
                        loc: self.loc_from(m),
                    }));
                }
            }
        }
        self.reset(m);
        // single_target augassign ~ annotated_rhs
        if let Some(target) = self.single_target()? {
            if let Some(op) = self.augassign()? {
                let Some(value) = self.annotated_rhs()? else {
                    // The cut: the rule fails without trying invalid_assignment.
                    self.reset(m);
                    return Ok(None);
                };
                return Ok(Some(Stmt {
                    kind: StmtKind::AugAssign {
                        target: Box::new(target),
                        op,
                        value: Box::new(value),
                    },
                    loc: self.loc_from(m),
                }));
            }
        }
        self.reset(m);
        if self.call_invalid_rules {
            self.invalid_assignment()?;
            self.reset(m);
        }
        Ok(None)
    }

    /// `['=' annotated_rhs]` after an annotation.
    fn assignment_value(&mut self) -> Result<Option<Expr>, Err> {
        let m = self.mark();
        if self.eat(TokenKind::Equal)?.is_some() {
            if let Some(v) = self.annotated_rhs()? {
                return Ok(Some(v));
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// ```text
    /// invalid_assignment:
    ///     | invalid_ann_assign_target ':' expression
    ///     | star_named_expression ',' star_named_expressions* ':' expression
    ///     | expression ':' expression
    ///     | (star_targets '=')* star_expressions '='
    ///     | (star_targets '=')* yield_expr '='
    ///     | star_expressions augassign (yield_expr | star_expressions)
    /// ```
    fn invalid_assignment(&mut self) -> Result<(), Err> {
        let m = self.mark();
        if let Some(a) = self.invalid_ann_assign_target()? {
            if self.eat(TokenKind::Colon)?.is_some() && self.expression()?.is_some() {
                return Err(self.syntax_error_at(
                    a.loc,
                    format!(
                        "only single target (not {}) can be annotated",
                        expr_name(&a)
                    ),
                ));
            }
        }
        self.reset(m);
        if let Some(a) = self.star_named_expression()? {
            if self.eat(TokenKind::Comma)?.is_some() {
                loop {
                    let m2 = self.mark();
                    if self.star_named_expressions()?.is_none() {
                        self.reset(m2);
                        break;
                    }
                }
                if self.eat(TokenKind::Colon)?.is_some() && self.expression()?.is_some() {
                    return Err(self.syntax_error_at(
                        a.loc,
                        "only single target (not tuple) can be annotated",
                    ));
                }
            }
        }
        self.reset(m);
        if let Some(a) = self.expression()? {
            if self.eat(TokenKind::Colon)?.is_some() && self.expression()?.is_some() {
                return Err(self.syntax_error_at(a.loc, "illegal target for annotation"));
            }
        }
        self.reset(m);
        self.skip_star_targets_eq()?;
        if let Some(a) = self.star_expressions()? {
            if self.at(TokenKind::Equal)? {
                self.bump()?;
                if let Some(e) = self.invalid_target_error(TargetsType::Star, &a) {
                    return Err(e);
                }
            }
        }
        self.reset(m);
        self.skip_star_targets_eq()?;
        if let Some(a) = self.yield_expr()? {
            if self.eat(TokenKind::Equal)?.is_some() {
                return Err(
                    self.syntax_error_at(a.loc, "assignment to yield expression not possible")
                );
            }
        }
        self.reset(m);
        if let Some(a) = self.star_expressions()? {
            if self.augassign()?.is_some() && self.annotated_rhs()?.is_some() {
                return Err(self.syntax_error_at(
                    a.loc,
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&a)
                    ),
                ));
            }
        }
        self.reset(m);
        Ok(())
    }

    /// `(star_targets '=')*`, discarding the targets.
    fn skip_star_targets_eq(&mut self) -> Result<(), Err> {
        loop {
            let m = self.mark();
            match self.star_targets()? {
                Some(_) if self.eat(TokenKind::Equal)?.is_some() => {}
                _ => {
                    self.reset(m);
                    return Ok(());
                }
            }
        }
    }

    /// ```text
    /// invalid_ann_assign_target:
    ///     | list
    ///     | tuple
    ///     | '(' invalid_ann_assign_target ')'
    /// ```
    fn invalid_ann_assign_target(&mut self) -> PResult<Expr> {
        let m = self.mark();
        if let Some(e) = self.list()? {
            return Ok(Some(e));
        }
        self.reset(m);
        if let Some(e) = self.tuple()? {
            return Ok(Some(e));
        }
        self.reset(m);
        if self.eat(TokenKind::Lpar)?.is_some() {
            self.enter()?;
            let a = self.invalid_ann_assign_target();
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

    /// `annotated_rhs: yield_expr | star_expressions`
    pub(crate) fn annotated_rhs(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Yield)? {
            if let Some(e) = self.yield_expr()? {
                return Ok(Some(e));
            }
        }
        self.star_expressions()
    }

    /// `augassign: '+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '**=' | '//='`
    fn augassign(&mut self) -> PResult<Operator> {
        let op = match self.peek()?.kind {
            TokenKind::PlusEqual => Operator::Add,
            TokenKind::MinEqual => Operator::Sub,
            TokenKind::StarEqual => Operator::Mult,
            TokenKind::AtEqual => Operator::MatMult,
            TokenKind::SlashEqual => Operator::Div,
            TokenKind::PercentEqual => Operator::Mod,
            TokenKind::AmperEqual => Operator::BitAnd,
            TokenKind::VbarEqual => Operator::BitOr,
            TokenKind::CircumflexEqual => Operator::BitXor,
            TokenKind::LeftShiftEqual => Operator::LShift,
            TokenKind::RightShiftEqual => Operator::RShift,
            TokenKind::DoubleStarEqual => Operator::Pow,
            TokenKind::DoubleSlashEqual => Operator::FloorDiv,
            _ => return Ok(None),
        };
        self.pos += 1;
        Ok(Some(op))
    }

    /// `return_stmt: 'return' [star_expressions]`
    fn return_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        if self.eat(TokenKind::Return)?.is_none() {
            return Ok(None);
        }
        let value = self.star_expressions()?.map(Box::new);
        Ok(Some(Stmt {
            kind: StmtKind::Return { value },
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// raise_stmt:
    ///     | 'raise' expression ['from' expression]
    ///     | 'raise'
    /// ```
    fn raise_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        if self.eat(TokenKind::Raise)?.is_none() {
            return Ok(None);
        }
        let mut exc = None;
        let mut cause = None;
        if let Some(e) = self.expression()? {
            exc = Some(Box::new(e));
            let m2 = self.mark();
            if self.eat(TokenKind::From)?.is_some() {
                match self.expression()? {
                    Some(c) => cause = Some(Box::new(c)),
                    None => self.reset(m2),
                }
            }
        }
        Ok(Some(Stmt {
            kind: StmtKind::Raise { exc, cause },
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// global_stmt: 'global' ','.NAME+
    /// nonlocal_stmt: 'nonlocal' ','.NAME+
    /// ```
    fn global_or_nonlocal_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let kw = self.bump()?;
        let mut names = Vec::new();
        while let Some((n, _)) = self.name_token()? {
            names.push(n);
            let m2 = self.mark();
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            if !self.at(TokenKind::Name)? {
                self.reset(m2);
                break;
            }
        }
        if names.is_empty() {
            self.reset(m);
            return Ok(None);
        }
        let kind = if kw.kind == TokenKind::Global {
            StmtKind::Global { names }
        } else {
            StmtKind::Nonlocal { names }
        };
        Ok(Some(Stmt {
            kind,
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// del_stmt:
    ///     | 'del' del_targets &(';' | NEWLINE)
    ///     | invalid_del_stmt
    /// invalid_del_stmt:
    ///     | 'del' star_expressions
    /// ```
    fn del_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        if self.eat(TokenKind::Del)?.is_none() {
            return Ok(None);
        }
        if let Some(targets) = self.del_targets()? {
            if matches!(self.peek()?.kind, TokenKind::Semi | TokenKind::Newline) {
                return Ok(Some(Stmt {
                    kind: StmtKind::Delete { targets },
                    loc: self.loc_from(m),
                }));
            }
        }
        if self.call_invalid_rules {
            self.reset(m + 1);
            if let Some(a) = self.star_expressions()? {
                if let Some(e) = self.invalid_target_error(TargetsType::Del, &a) {
                    return Err(e);
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `assert_stmt: 'assert' expression [',' expression]`
    fn assert_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        if self.eat(TokenKind::Assert)?.is_none() {
            return Ok(None);
        }
        let Some(test) = self.expression()? else {
            self.reset(m);
            return Ok(None);
        };
        let mut msg = None;
        let m2 = self.mark();
        if self.eat(TokenKind::Comma)?.is_some() {
            match self.expression()? {
                Some(e) => msg = Some(Box::new(e)),
                None => self.reset(m2),
            }
        }
        Ok(Some(Stmt {
            kind: StmtKind::Assert {
                test: Box::new(test),
                msg,
            },
            loc: self.loc_from(m),
        }))
    }

    // ----- imports -----

    /// `import_stmt: import_name | import_from`
    fn import_stmt(&mut self) -> PResult<Stmt> {
        if self.at(TokenKind::Import)? {
            self.import_name()
        } else {
            self.import_from()
        }
    }

    /// `import_name: 'import' dotted_as_names`
    fn import_name(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        self.bump()?;
        let Some(names) = self.comma_list(Self::dotted_as_name)? else {
            self.reset(m);
            return Ok(None);
        };
        Ok(Some(Stmt {
            kind: StmtKind::Import { names },
            loc: self.loc_from(m),
        }))
    }

    /// `s.e+` for a rule `e`: one or more, separated by commas (no trailing comma).
    pub(crate) fn comma_list<T>(
        &mut self,
        mut rule: impl FnMut(&mut Self) -> PResult<T>,
    ) -> PResult<Vec<T>> {
        let Some(first) = rule(self)? else {
            return Ok(None);
        };
        let mut out = vec![first];
        loop {
            let m = self.mark();
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            match rule(self)? {
                Some(x) => out.push(x),
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        Ok(Some(out))
    }

    /// `dotted_as_name: dotted_name ['as' NAME]`
    fn dotted_as_name(&mut self) -> PResult<Alias> {
        let m = self.mark();
        let Some(name) = self.dotted_name()? else {
            return Ok(None);
        };
        let asname = self.as_name()?;
        Ok(Some(Alias {
            name,
            asname,
            loc: self.loc_from(m),
        }))
    }

    /// `['as' NAME]`
    fn as_name(&mut self) -> Result<Option<ast::Identifier>, Err> {
        let m = self.mark();
        if self.eat(TokenKind::As)?.is_some() {
            if let Some((n, _)) = self.name_token()? {
                return Ok(Some(n));
            }
            self.reset(m);
        }
        Ok(None)
    }

    /// `dotted_name: dotted_name '.' NAME | NAME`
    fn dotted_name(&mut self) -> PResult<ast::Identifier> {
        let Some((mut name, _)) = self.name_token()? else {
            return Ok(None);
        };
        loop {
            let m = self.mark();
            if self.eat(TokenKind::Dot)?.is_none() {
                break;
            }
            match self.name_token()? {
                Some((n, _)) => {
                    name.push('.');
                    name.push_str(&n);
                }
                None => {
                    self.reset(m);
                    break;
                }
            }
        }
        Ok(Some(name))
    }

    /// ```text
    /// import_from:
    ///     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///     | 'from' ('.' | '...')+ 'import' import_from_targets
    /// ```
    fn import_from(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        if self.eat(TokenKind::From)?.is_none() {
            return Ok(None);
        }
        let mut level = 0;
        loop {
            match self.peek()?.kind {
                TokenKind::Dot => level += 1,
                TokenKind::Ellipsis => level += 3,
                _ => break,
            }
            self.pos += 1;
        }
        let module = self.dotted_name()?;
        if module.is_none() && level == 0 {
            self.reset(m);
            return Ok(None);
        }
        if self.eat(TokenKind::Import)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        let Some(names) = self.import_from_targets()? else {
            self.reset(m);
            return Ok(None);
        };
        Ok(Some(Stmt {
            kind: StmtKind::ImportFrom {
                module,
                names,
                level,
            },
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// import_from_targets:
    ///     | '(' import_from_as_names [','] ')'
    ///     | import_from_as_names !','
    ///     | '*'
    ///     | invalid_import_from_targets
    /// invalid_import_from_targets:
    ///     | import_from_as_names ',' NEWLINE
    /// ```
    fn import_from_targets(&mut self) -> PResult<Vec<Alias>> {
        let m = self.mark();
        if self.eat(TokenKind::Lpar)?.is_some() {
            if let Some(names) = self.comma_list(Self::import_from_as_name)? {
                self.eat(TokenKind::Comma)?;
                if self.eat(TokenKind::Rpar)?.is_some() {
                    return Ok(Some(names));
                }
            }
            self.reset(m);
        }
        if let Some(names) = self.comma_list(Self::import_from_as_name)? {
            if !self.at(TokenKind::Comma)? {
                return Ok(Some(names));
            }
        }
        self.reset(m);
        if let Some(t) = self.eat(TokenKind::Star)? {
            return Ok(Some(vec![Alias {
                name: "*".to_string(),
                asname: None,
                loc: Self::token_loc(t),
            }]));
        }
        if self.call_invalid_rules
            && self.comma_list(Self::import_from_as_name)?.is_some()
            && self.eat(TokenKind::Comma)?.is_some()
            && self.eat(TokenKind::Newline)?.is_some()
        {
            return Err(self.error_at_last_token(
                SyntaxErrorType::SyntaxError,
                "trailing comma not allowed without surrounding parentheses",
            ));
        }
        self.reset(m);
        Ok(None)
    }

    /// `import_from_as_name: NAME ['as' NAME]`
    fn import_from_as_name(&mut self) -> PResult<Alias> {
        let m = self.mark();
        let Some((name, _)) = self.name_token()? else {
            return Ok(None);
        };
        let asname = self.as_name()?;
        Ok(Some(Alias {
            name,
            asname,
            loc: self.loc_from(m),
        }))
    }

    // ===================================================================
    // Compound statements
    // ===================================================================

    /// ```text
    /// block (memo):
    ///     | NEWLINE INDENT statements DEDENT
    ///     | simple_stmts
    ///     | invalid_block
    /// invalid_block:
    ///     | NEWLINE !INDENT { RAISE_INDENTATION_ERROR("expected an indented block") }
    /// ```
    /// Only failures are memoized: a successful block is never parsed twice here.
    pub(crate) fn block(&mut self) -> PResult<Vec<Stmt>> {
        let m = self.mark();
        if self.failed_blocks.contains(&m) {
            return Ok(None);
        }
        self.enter()?;
        let r = self.block_inner(m);
        self.leave();
        let r = r?;
        if r.is_none() {
            self.failed_blocks.insert(m);
        }
        Ok(r)
    }

    fn block_inner(&mut self, m: usize) -> PResult<Vec<Stmt>> {
        if self.eat(TokenKind::Newline)?.is_some() {
            if self.eat(TokenKind::Indent)?.is_some() {
                if let Some(body) = self.statements()? {
                    if self.eat(TokenKind::Dedent)?.is_some() {
                        return Ok(Some(body));
                    }
                }
            }
            self.reset(m);
        }
        if let Some(s) = self.simple_stmts()? {
            return Ok(Some(s));
        }
        self.reset(m);
        if self.call_invalid_rules
            && self.eat(TokenKind::Newline)?.is_some()
            && !self.at(TokenKind::Indent)?
        {
            return Err(self.error_at_last_token(
                SyntaxErrorType::IndentationError,
                "expected an indented block",
            ));
        }
        self.reset(m);
        Ok(None)
    }

    /// `NEWLINE !INDENT` of the `invalid_*_stmt` indentation alternatives: raise
    /// "expected an indented block after {what} on line {lineno}".
    fn check_indented_block(&mut self, what: &str, lineno: u32) -> Result<(), Err> {
        let m = self.mark();
        if self.eat(TokenKind::Newline)?.is_some() && !self.at(TokenKind::Indent)? {
            return Err(self.error_at_last_token(
                SyntaxErrorType::IndentationError,
                format!("expected an indented block after {what} on line {lineno}"),
            ));
        }
        self.reset(m);
        Ok(())
    }

    /// `&&tok`: the token must be there, else "expected 'tok'" on the token found.
    fn expect_forced(&mut self, kind: TokenKind, text: &str) -> Result<Token, Err> {
        let t = self.peek()?;
        if t.kind == kind {
            self.pos += 1;
            return Ok(t);
        }
        Err(self.syntax_error_at(Self::token_loc(t), format!("expected '{text}'")))
    }

    /// `RAISE_SYNTAX_ERROR("expected ':'")` when the current token is NEWLINE (the
    /// `... NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }` alternatives).
    fn check_colon_newline(&mut self) -> Result<(), Err> {
        if self.at(TokenKind::Newline)? {
            self.pos += 1;
            return Err(self.error_at_last_token(SyntaxErrorType::SyntaxError, "expected ':'"));
        }
        Ok(())
    }

    /// `decorators: ('@' named_expression NEWLINE)+`
    fn decorators(&mut self) -> PResult<Vec<Expr>> {
        let mut out = Vec::new();
        loop {
            let m = self.mark();
            if self.eat(TokenKind::At)?.is_none() {
                break;
            }
            match self.named_expression()? {
                Some(e) if self.eat(TokenKind::Newline)?.is_some() => out.push(e),
                _ => {
                    self.reset(m);
                    break;
                }
            }
        }
        Ok(if out.is_empty() { None } else { Some(out) })
    }

    /// ```text
    /// class_def:
    ///     | decorators class_def_raw
    ///     | class_def_raw
    /// ```
    fn class_def(&mut self) -> PResult<Stmt> {
        self.decorated(Self::class_def_raw)
    }

    /// `[decorators] raw`: the definition `raw` parses, with the decorators (if any)
    /// stored in its `decorator_list`; shared by `class_def` and `function_def`.
    fn decorated(&mut self, raw: fn(&mut Self) -> PResult<Stmt>) -> PResult<Stmt> {
        let m = self.mark();
        let decorators = self.decorators()?;
        let Some(mut s) = raw(self)? else {
            self.reset(m);
            return Ok(None);
        };
        let list = match &mut s.kind {
            StmtKind::ClassDef(c) => &mut c.decorator_list,
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => &mut f.decorator_list,
            _ => return Ok(Some(s)),
        };
        *list = decorators.unwrap_or_default();
        Ok(Some(s))
    }

    /// ```text
    /// class_def_raw:
    ///     | invalid_class_def_raw
    ///     | 'class' NAME ['(' [arguments] ')'] ':' block
    /// invalid_class_def_raw:
    ///     | 'class' NAME ['(' [arguments] ')'] NEWLINE { "expected ':'" }
    ///     | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
    /// ```
    fn class_def_raw(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let Some(kw) = self.eat(TokenKind::Class)? else {
            return Ok(None);
        };
        let Some((name, _)) = self.name_token()? else {
            self.reset(m);
            return Ok(None);
        };
        let m2 = self.mark();
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.eat(TokenKind::Lpar)?.is_some() {
            let (a, k) = self.call_arguments()?.unwrap_or_default();
            if self.eat(TokenKind::Rpar)?.is_some() {
                bases = a;
                keywords = k;
            } else {
                self.reset(m2);
            }
        }
        if self.call_invalid_rules {
            self.check_colon_newline()?;
        }
        if self.eat(TokenKind::Colon)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        if self.call_invalid_rules {
            self.check_indented_block("class definition", kw.lineno)?;
        }
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        Ok(Some(Stmt {
            kind: StmtKind::ClassDef(ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list: Vec::new(),
            }),
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// function_def:
    ///     | decorators function_def_raw
    ///     | function_def_raw
    /// ```
    fn function_def(&mut self) -> PResult<Stmt> {
        self.decorated(Self::function_def_raw)
    }

    /// ```text
    /// function_def_raw:
    ///     | invalid_def_raw
    ///     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
    ///     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
    /// invalid_def_raw:
    ///     | [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
    /// ```
    fn function_def_raw(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let is_async = self.eat(TokenKind::Async)?.is_some();
        let Some(kw) = self.eat(TokenKind::Def)? else {
            self.reset(m);
            return Ok(None);
        };
        let Some((name, _)) = self.name_token()? else {
            self.reset(m);
            return Ok(None);
        };
        self.expect_forced(TokenKind::Lpar, "(")?;
        let args = self.params()?.unwrap_or_default();
        if self.eat(TokenKind::Rpar)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        let m2 = self.mark();
        let mut returns = None;
        if self.eat(TokenKind::Rarrow)?.is_some() {
            match self.expression()? {
                Some(e) => returns = Some(Box::new(e)),
                None => self.reset(m2),
            }
        }
        if self.call_invalid_rules && self.at(TokenKind::Colon)? {
            let m3 = self.mark();
            self.pos += 1;
            self.check_indented_block("function definition", kw.lineno)?;
            self.reset(m3);
        }
        self.expect_forced(TokenKind::Colon, ":")?;
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        let def = FunctionDef {
            name,
            args: Box::new(args),
            body,
            decorator_list: Vec::new(),
            returns,
            type_comment: None,
        };
        Ok(Some(Stmt {
            kind: if is_async {
                StmtKind::AsyncFunctionDef(def)
            } else {
                StmtKind::FunctionDef(def)
            },
            loc: self.loc_from(m),
        }))
    }

    // ----- if / while / for -----

    /// ```text
    /// if_stmt:
    ///     | invalid_if_stmt
    ///     | 'if' named_expression ':' block elif_stmt
    ///     | 'if' named_expression ':' block [else_block]
    /// elif_stmt:
    ///     | invalid_elif_stmt
    ///     | 'elif' named_expression ':' block elif_stmt
    ///     | 'elif' named_expression ':' block [else_block]
    /// invalid_if_stmt / invalid_elif_stmt:
    ///     | ('if' | 'elif') named_expression NEWLINE { "expected ':'" }
    ///     | ('if' | 'elif') named_expression ':' NEWLINE !INDENT
    /// ```
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let t = self.peek()?;
        if !matches!(t.kind, TokenKind::If | TokenKind::Elif) {
            return Ok(None);
        }
        let kw = self.bump()?;
        let what = if kw.kind == TokenKind::If {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let Some(test) = self.named_expression()? else {
            self.reset(m);
            return Ok(None);
        };
        if self.call_invalid_rules {
            self.check_colon_newline()?;
        }
        if self.eat(TokenKind::Colon)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        if self.call_invalid_rules {
            // CPython's `a='if' a=named_expression`: the line is the condition's.
            let line = if kw.kind == TokenKind::If {
                test.loc.lineno
            } else {
                kw.lineno
            };
            self.check_indented_block(what, line)?;
        }
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        let orelse = if self.at(TokenKind::Elif)? {
            match self.if_stmt()? {
                Some(s) => vec![s],
                None => self.else_block()?.unwrap_or_default(),
            }
        } else {
            self.else_block()?.unwrap_or_default()
        };
        Ok(Some(Stmt {
            kind: StmtKind::If {
                test: Box::new(test),
                body,
                orelse,
            },
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// else_block:
    ///     | invalid_else_stmt
    ///     | 'else' &&':' block
    /// invalid_else_stmt:
    ///     | 'else' ':' NEWLINE !INDENT
    /// ```
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        self.keyword_block(TokenKind::Else, "'else' statement")
    }

    /// `kw &&':' block`, with the `kw ':' NEWLINE !INDENT` indentation error (the
    /// shape of `else_block` and `finally_block`).
    fn keyword_block(&mut self, kw: TokenKind, what: &str) -> PResult<Vec<Stmt>> {
        let m = self.mark();
        let Some(t) = self.eat(kw)? else {
            return Ok(None);
        };
        if self.call_invalid_rules && self.at(TokenKind::Colon)? {
            self.pos += 1;
            self.check_indented_block(what, t.lineno)?;
            self.pos -= 1;
        }
        self.expect_forced(TokenKind::Colon, ":")?;
        match self.block()? {
            Some(b) => Ok(Some(b)),
            None => {
                self.reset(m);
                Ok(None)
            }
        }
    }

    /// ```text
    /// while_stmt:
    ///     | invalid_while_stmt
    ///     | 'while' named_expression ':' block [else_block]
    /// invalid_while_stmt:
    ///     | 'while' named_expression NEWLINE { "expected ':'" }
    ///     | 'while' named_expression ':' NEWLINE !INDENT
    /// ```
    fn while_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let Some(kw) = self.eat(TokenKind::While)? else {
            return Ok(None);
        };
        let Some(test) = self.named_expression()? else {
            self.reset(m);
            return Ok(None);
        };
        if self.call_invalid_rules {
            self.check_colon_newline()?;
        }
        if self.eat(TokenKind::Colon)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        if self.call_invalid_rules {
            self.check_indented_block("'while' statement", kw.lineno)?;
        }
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        let orelse = self.else_block()?.unwrap_or_default();
        Ok(Some(Stmt {
            kind: StmtKind::While {
                test: Box::new(test),
                body,
                orelse,
            },
            loc: self.loc_from(m),
        }))
    }

    /// ```text
    /// for_stmt:
    ///     | invalid_for_stmt
    ///     | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
    ///     | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
    ///     | invalid_for_target
    /// invalid_for_stmt:
    ///     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE { "expected ':'" }
    ///     | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
    /// invalid_for_target:
    ///     | ASYNC? 'for' star_expressions
    /// ```
    fn for_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let is_async = self.eat(TokenKind::Async)?.is_some();
        let Some(kw) = self.eat(TokenKind::For)? else {
            self.reset(m);
            return Ok(None);
        };
        let after_for = self.mark();
        if let Some(target) = self.star_targets()? {
            if self.eat(TokenKind::In)?.is_some() {
                // The cut: from here on, failing fails the whole rule.
                let Some(iter) = self.star_expressions()? else {
                    self.reset(m);
                    return Ok(None);
                };
                if self.call_invalid_rules {
                    self.check_colon_newline()?;
                }
                if self.eat(TokenKind::Colon)?.is_none() {
                    self.reset(m);
                    return Ok(None);
                }
                if self.call_invalid_rules {
                    self.check_indented_block("'for' statement", kw.lineno)?;
                }
                let Some(body) = self.block()? else {
                    self.reset(m);
                    return Ok(None);
                };
                let orelse = self.else_block()?.unwrap_or_default();
                let f = ast::For {
                    target: Box::new(target),
                    iter: Box::new(iter),
                    body,
                    orelse,
                    type_comment: None,
                };
                return Ok(Some(Stmt {
                    kind: if is_async {
                        StmtKind::AsyncFor(f)
                    } else {
                        StmtKind::For(f)
                    },
                    loc: self.loc_from(m),
                }));
            }
        }
        if self.call_invalid_rules {
            self.reset(after_for);
            if let Some(a) = self.star_expressions()? {
                if let Some(e) = self.invalid_target_error(TargetsType::For, &a) {
                    return Err(e);
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    // ----- with -----

    /// ```text
    /// with_stmt:
    ///     | invalid_with_stmt_indent
    ///     | 'with' '(' ','.with_item+ ','? ')' ':' block
    ///     | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
    ///     | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
    ///     | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
    ///     | invalid_with_stmt
    /// ```
    fn with_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let is_async = self.eat(TokenKind::Async)?.is_some();
        let Some(kw) = self.eat(TokenKind::With)? else {
            self.reset(m);
            return Ok(None);
        };
        let after_with = self.mark();
        if self.call_invalid_rules {
            self.invalid_with_stmt_indent(kw)?;
            self.reset(after_with);
        }
        let mut items = None;
        if self.eat(TokenKind::Lpar)?.is_some() {
            if let Some(v) = self.comma_list(Self::with_item)? {
                self.eat(TokenKind::Comma)?;
                if self.eat(TokenKind::Rpar)?.is_some() && self.at(TokenKind::Colon)? {
                    items = Some(v);
                }
            }
            if items.is_none() {
                self.reset(after_with);
            }
        }
        if items.is_none() {
            items = self.comma_list(Self::with_item)?;
        }
        if let Some(items) = items {
            if self.eat(TokenKind::Colon)?.is_some() {
                if let Some(body) = self.block()? {
                    let w = ast::With {
                        items,
                        body,
                        type_comment: None,
                    };
                    return Ok(Some(Stmt {
                        kind: if is_async {
                            StmtKind::AsyncWith(w)
                        } else {
                            StmtKind::With(w)
                        },
                        loc: self.loc_from(m),
                    }));
                }
            }
        }
        if self.call_invalid_rules {
            // invalid_with_stmt:
            //     | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
            //     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
            self.reset(after_with);
            if self.with_items_loose(false)? {
                self.check_colon_newline()?;
            }
            self.reset(after_with);
            if self.eat(TokenKind::Lpar)?.is_some() && self.with_items_loose(true)? {
                self.eat(TokenKind::Comma)?;
                if self.eat(TokenKind::Rpar)?.is_some() {
                    self.check_colon_newline()?;
                }
            }
        }
        self.reset(m);
        Ok(None)
    }

    /// `','.(expression ['as' star_target])+` (or `expressions` when `plural`), as
    /// the invalid `with` rules match it.
    fn with_items_loose(&mut self, plural: bool) -> Result<bool, Err> {
        let mut any = false;
        loop {
            let m = self.mark();
            if any && self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            let e = if plural {
                self.expressions()?
            } else {
                self.expression()?
            };
            if e.is_none() {
                self.reset(m);
                break;
            }
            any = true;
            let m2 = self.mark();
            if self.eat(TokenKind::As)?.is_none() || self.star_target()?.is_none() {
                self.reset(m2);
            }
        }
        Ok(any)
    }

    /// ```text
    /// invalid_with_stmt_indent:
    ///     | [ASYNC] 'with' ','.(expression ['as' star_target])+ ':' NEWLINE !INDENT
    ///     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' ':' NEWLINE !INDENT
    /// ```
    fn invalid_with_stmt_indent(&mut self, kw: Token) -> Result<(), Err> {
        let m = self.mark();
        if self.with_items_loose(false)? && self.eat(TokenKind::Colon)?.is_some() {
            self.check_indented_block("'with' statement", kw.lineno)?;
        }
        self.reset(m);
        if self.eat(TokenKind::Lpar)?.is_some() && self.with_items_loose(true)? {
            self.eat(TokenKind::Comma)?;
            if self.eat(TokenKind::Rpar)?.is_some() && self.eat(TokenKind::Colon)?.is_some() {
                self.check_indented_block("'with' statement", kw.lineno)?;
            }
        }
        self.reset(m);
        Ok(())
    }

    /// ```text
    /// with_item:
    ///     | expression 'as' star_target &(',' | ')' | ':')
    ///     | invalid_with_item
    ///     | expression
    /// invalid_with_item:
    ///     | expression 'as' expression &(',' | ')' | ':')
    /// ```
    fn with_item(&mut self) -> PResult<WithItem> {
        let Some(e) = self.expression()? else {
            return Ok(None);
        };
        let after = self.mark();
        if self.eat(TokenKind::As)?.is_some() {
            if let Some(t) = self.star_target()? {
                if matches!(
                    self.peek()?.kind,
                    TokenKind::Comma | TokenKind::Rpar | TokenKind::Colon
                ) {
                    return Ok(Some(WithItem {
                        context_expr: e,
                        optional_vars: Some(Box::new(t)),
                    }));
                }
            }
            if self.call_invalid_rules {
                self.reset(after + 1);
                if let Some(a) = self.expression()? {
                    if matches!(
                        self.peek()?.kind,
                        TokenKind::Comma | TokenKind::Rpar | TokenKind::Colon
                    ) {
                        if let Some(e) = self.invalid_target_error(TargetsType::Star, &a) {
                            return Err(e);
                        }
                    }
                }
            }
        }
        self.reset(after);
        Ok(Some(WithItem {
            context_expr: e,
            optional_vars: None,
        }))
    }

    // ----- try -----

    /// ```text
    /// try_stmt:
    ///     | invalid_try_stmt
    ///     | 'try' &&':' block finally_block
    ///     | 'try' &&':' block except_block+ [else_block] [finally_block]
    ///     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
    /// invalid_try_stmt:
    ///     | 'try' ':' NEWLINE !INDENT
    ///     | 'try' ':' block !('except' | 'finally') { "expected 'except' or 'finally' block" }
    ///     | 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
    ///     | 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':'
    /// ```
    fn try_stmt(&mut self) -> PResult<Stmt> {
        let m = self.mark();
        let Some(kw) = self.eat(TokenKind::Try)? else {
            return Ok(None);
        };
        if self.call_invalid_rules {
            self.invalid_try_stmt(kw)?;
            self.reset(m + 1);
        }
        self.expect_forced(TokenKind::Colon, ":")?;
        let Some(body) = self.block()? else {
            self.reset(m);
            return Ok(None);
        };
        let after_body = self.mark();
        if let Some(finalbody) = self.finally_block()? {
            return Ok(Some(self.make_try(
                m,
                body,
                Vec::new(),
                Vec::new(),
                finalbody,
                false,
            )));
        }
        self.reset(after_body);
        for star in [false, true] {
            let mut handlers = Vec::new();
            while let Some(h) = self.except_block(star)? {
                handlers.push(h);
            }
            if !handlers.is_empty() {
                let orelse = self.else_block()?.unwrap_or_default();
                let finalbody = self.finally_block()?.unwrap_or_default();
                return Ok(Some(
                    self.make_try(m, body, handlers, orelse, finalbody, star),
                ));
            }
            self.reset(after_body);
        }
        self.reset(m);
        Ok(None)
    }

    fn make_try(
        &self,
        m: usize,
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        star: bool,
    ) -> Stmt {
        let t = ast::Try {
            body,
            handlers,
            orelse,
            finalbody,
        };
        Stmt {
            kind: if star {
                StmtKind::TryStar(t)
            } else {
                StmtKind::Try(t)
            },
            loc: self.loc_from(m),
        }
    }

    /// The `invalid_try_stmt` alternatives (the position is after `'try'`).
    fn invalid_try_stmt(&mut self, kw: Token) -> Result<(), Err> {
        let m = self.mark();
        if self.eat(TokenKind::Colon)?.is_none() {
            return Ok(());
        }
        self.check_indented_block("'try' statement", kw.lineno)?;
        let after_colon = self.mark();
        if self.block()?.is_some()
            && !matches!(self.peek()?.kind, TokenKind::Except | TokenKind::Finally)
        {
            return Err(self.error_at_last_token(
                SyntaxErrorType::SyntaxError,
                "expected 'except' or 'finally' block",
            ));
        }
        for star in [false, true] {
            self.reset(after_colon);
            while self.block()?.is_some() {}
            let mut n = 0;
            while self.except_block(star)?.is_some() {
                n += 1;
            }
            if n == 0 {
                continue;
            }
            let Some(a) = self.eat(TokenKind::Except)? else {
                continue;
            };
            if !star {
                if let Some(b) = self.eat(TokenKind::Star)? {
                    if self.expression()?.is_some() {
                        self.as_name()?;
                        if self.at(TokenKind::Colon)? {
                            return Err(self.syntax_error_range(
                                Self::token_loc(a),
                                Self::token_loc(b),
                                "cannot have both 'except' and 'except*' on the same 'try'",
                            ));
                        }
                    }
                }
            } else {
                let m2 = self.mark();
                if self.expression()?.is_some() {
                    self.as_name()?;
                } else {
                    self.reset(m2);
                }
                if self.at(TokenKind::Colon)? {
                    return Err(self.syntax_error_at(
                        Self::token_loc(a),
                        "cannot have both 'except' and 'except*' on the same 'try'",
                    ));
                }
            }
        }
        self.reset(m);
        Ok(())
    }

    /// ```text
    /// except_block:
    ///     | invalid_except_stmt_indent
    ///     | 'except' expression ['as' NAME] ':' block
    ///     | 'except' ':' block
    ///     | invalid_except_stmt
    /// except_star_block:
    ///     | invalid_except_star_stmt_indent
    ///     | 'except' '*' expression ['as' NAME] ':' block
    ///     | invalid_except_stmt
    /// ```
    fn except_block(&mut self, star: bool) -> PResult<ExceptHandler> {
        let m = self.mark();
        let Some(kw) = self.eat(TokenKind::Except)? else {
            return Ok(None);
        };
        if star && self.eat(TokenKind::Star)?.is_none() {
            self.reset(m);
            return Ok(None);
        }
        let mut parsed = None;
        if let Some(e) = self.expression()? {
            let name = self.as_name()?;
            parsed = Some((Some(Box::new(e)), name));
        } else if !star {
            parsed = Some((None, None));
        }
        if let Some((type_, name)) = parsed {
            if self.eat(TokenKind::Colon)?.is_some() {
                if self.call_invalid_rules {
                    let what = if star {
                        "'except*' statement"
                    } else {
                        "'except' statement"
                    };
                    self.check_indented_block(what, kw.lineno)?;
                }
                if let Some(body) = self.block()? {
                    return Ok(Some(ExceptHandler {
                        type_,
                        name,
                        body,
                        loc: self.loc_from(m),
                    }));
                }
            }
        }
        if self.call_invalid_rules {
            self.reset(m);
            self.invalid_except_stmt()?;
        }
        self.reset(m);
        Ok(None)
    }

    /// ```text
    /// invalid_except_stmt:
    ///     | 'except' '*'? expression ',' expressions ['as' NAME ] ':'
    ///     | 'except' '*'? expression ['as' NAME ] NEWLINE { "expected ':'" }
    ///     | 'except' NEWLINE { "expected ':'" }
    ///     | 'except' '*' (NEWLINE | ':') { "expected one or more exception types" }
    /// ```
    fn invalid_except_stmt(&mut self) -> Result<(), Err> {
        let m = self.mark();
        if self.eat(TokenKind::Except)?.is_none() {
            return Ok(());
        }
        let after_kw = self.mark();
        self.eat(TokenKind::Star)?;
        let after_star = self.mark();
        if let Some(a) = self.expression()? {
            if self.eat(TokenKind::Comma)?.is_some() && self.expressions()?.is_some() {
                self.as_name()?;
                if self.eat(TokenKind::Colon)?.is_some() {
                    return Err(self.error_starting_from_tokenizer_pos(
                        a.loc,
                        "multiple exception types must be parenthesized",
                    ));
                }
            }
        }
        self.reset(after_star);
        if self.expression()?.is_some() {
            self.as_name()?;
            self.check_colon_newline()?;
        }
        self.reset(after_kw);
        self.check_colon_newline()?;
        if self.eat(TokenKind::Star)?.is_some()
            && matches!(self.peek()?.kind, TokenKind::Newline | TokenKind::Colon)
        {
            self.pos += 1;
            return Err(self.error_at_last_token(
                SyntaxErrorType::SyntaxError,
                "expected one or more exception types",
            ));
        }
        self.reset(m);
        Ok(())
    }

    /// ```text
    /// finally_block:
    ///     | invalid_finally_stmt
    ///     | 'finally' &&':' block
    /// ```
    fn finally_block(&mut self) -> PResult<Vec<Stmt>> {
        self.keyword_block(TokenKind::Finally, "'finally' statement")
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg)`: from the start of `a` to where the
    /// tokenizer is (the end of the last token read).
    #[cold]
    pub(crate) fn error_starting_from_tokenizer_pos(&self, a: Location, msg: &str) -> Err {
        let last = self.last_token();
        let mut e = self.syntax_error_at(
            Location {
                lineno: a.lineno,
                col_offset: a.col_offset,
                end_lineno: last.end_lineno,
                end_col_offset: last.end_col_offset,
            },
            msg,
        );
        // CPython uses the tokenizer's current column, not a token's end + 1.
        if let Some(off) = e.end_offset.as_mut() {
            *off = off.saturating_sub(1);
        }
        e
    }
}

#[cfg(test)]
#[path = "statement_tests.rs"]
mod tests;
