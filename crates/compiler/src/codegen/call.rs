//! Calls, 3.11's sequence: `PUSH_NULL` + callable (or `LOAD_METHOD`), arguments,
//! `KW_NAMES`, `PRECALL`, `CALL`; `CALL_FUNCTION_EX` with `*args`/`**kwargs` or
//! many arguments (`compiler_call`, `maybe_optimize_method_call`,
//! `compiler_call_helper`, `compiler_subkwargs`, `compiler_call_simple_kw_helper`).

use common::text::Text;
use syntax::ast::{Expr, ExprContext, ExprKind, Keyword};

use super::expr::{Collection, LIST, STACK_USE_GUIDELINE};
use super::{CResult, Compiler};
use crate::code::Constant;
use crate::opcode::Opcode;
use crate::symtable::DEF_IMPORT;

impl<'a> Compiler<'a> {
    /// `validate_keywords`: `__debug__` and repeated keyword names.
    fn validate_keywords(&mut self, keywords: &'a [Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            self.forbidden_name(arg, ExprContext::Store)?;
            for other in &keywords[i + 1..] {
                if other.arg.as_deref() == Some(arg.as_str()) {
                    self.set_loc(&other.loc);
                    return Err(self.error(format!("keyword argument repeated: {arg}")));
                }
            }
        }
        Ok(())
    }

    /// `compiler_call`.
    pub(crate) fn compile_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.check_caller(func);
        self.set_loc(&func.loc);
        self.addop(Opcode::PUSH_NULL);
        self.set_loc(&e.loc);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `is_import_originated`: is `e` a name the module imports?
    fn is_import_originated(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name { id, .. } => self.st.top().flags(id) & DEF_IMPORT != 0,
            _ => false,
        }
    }

    /// `maybe_optimize_method_call`: `obj.meth(args)` as `LOAD_METHOD` + `CALL`.
    /// Returns whether the call was compiled.
    fn maybe_optimize_method_call(
        &mut self,
        e: &'a Expr,
        meth: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<bool> {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &meth.kind
        else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let argsl = args.len();
        let kwdsl = keywords.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
        {
            return Ok(false);
        }
        if keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(value)?;
        self.set_loc(&meth.loc);
        self.update_start_location_to_match_attr(meth);
        self.addop_name(Opcode::LOAD_METHOD, attr);
        for a in args {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            self.call_simple_kw_helper(keywords);
        }
        self.set_loc(&e.loc);
        self.update_start_location_to_match_attr(meth);
        let n = (argsl + kwdsl) as u32;
        self.addop_i(Opcode::PRECALL, n);
        self.addop_i(Opcode::CALL, n);
        Ok(true)
    }

    /// `compiler_call_simple_kw_helper`: `KW_NAMES` with the keyword names tuple.
    fn call_simple_kw_helper(&mut self, keywords: &'a [Keyword]) {
        let names = keywords
            .iter()
            .map(|k| Constant::Str(Text::from(k.arg.as_deref().unwrap_or(""))))
            .collect();
        let i = self.add_const(Constant::Tuple(names));
        self.addop_i(Opcode::KW_NAMES, i);
    }

    /// `compiler_subkwargs`: keywords `begin..end` (none `**`) as a dict.
    fn subkwargs(&mut self, keywords: &'a [Keyword], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let kws = &keywords[begin..end];
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.visit_expr(&k.value)?;
            }
            let keys = kws
                .iter()
                .map(|k| Constant::Str(Text::from(k.arg.as_deref().unwrap_or(""))))
                .collect();
            self.load_const(Constant::Tuple(keys));
            self.addop_i(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.addop_i_noline(Opcode::BUILD_MAP, 0);
        }
        for k in kws {
            self.load_const(super::str_const(k.arg.as_deref().unwrap_or("")));
            self.visit_expr(&k.value)?;
            if big {
                self.addop_i_noline(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// `compiler_call_helper`: the arguments and the call, `n` arguments already
    /// pushed (a class's function and name).
    pub(crate) fn call_helper(
        &mut self,
        n: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.call_simple_kw_helper(keywords);
            }
            let total = n + (nelts + nkwelts) as u32;
            self.addop_i(Opcode::PRECALL, total);
            self.addop_i(Opcode::CALL, total);
            return Ok(());
        }
        // Positional arguments.
        match args {
            [Expr {
                kind: ExprKind::Starred { value, .. },
                ..
            }] if n == 0 => self.visit_expr(value)?,
            _ => self.starunpack_helper(
                args,
                n,
                Collection {
                    tuple: true,
                    ..LIST
                },
            )?,
        }
        // Keyword arguments.
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.addop_i(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.addop_i(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.addop_i(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.addop_i(Opcode::CALL_FUNCTION_EX, u32::from(nkwelts > 0));
        Ok(())
    }
}
