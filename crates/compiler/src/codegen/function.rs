//! Functions: `def`/`async def` and `lambda` (`compiler_function`,
//! `compiler_lambda`), their defaults, keyword-only defaults and annotations
//! (`compiler_default_arguments`, `compiler_visit_annotations`), decorators, and
//! closures (`compiler_make_closure`).

use common::text::Text;
use syntax::ast::{self, Arg, Arguments, ExprContext, ExprKind, Stmt};

use super::{CResult, CompileError, Compiler, ScopeType};
use crate::code::{CodeObject, Constant};
use crate::opcode::Opcode;
use crate::symtable::{mangle, Scope};

/// `MAKE_FUNCTION` flag: a tuple of positional defaults.
pub(crate) const MF_DEFAULTS: u32 = 0x01;
/// `MAKE_FUNCTION` flag: a dict of keyword-only defaults.
pub(crate) const MF_KWDEFAULTS: u32 = 0x02;
/// `MAKE_FUNCTION` flag: a tuple of annotation names and values.
pub(crate) const MF_ANNOTATIONS: u32 = 0x04;
/// `MAKE_FUNCTION` flag: a tuple of closure cells.
pub(crate) const MF_CLOSURE: u32 = 0x08;

impl<'a> Compiler<'a> {
    /// `compiler_check_debug_args`: no parameter may be named `__debug__`.
    fn check_debug_args(&self, args: &Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for a in all {
            self.forbidden_name(&a.arg, ExprContext::Store)?;
        }
        Ok(())
    }

    /// `compiler_default_arguments`: push the defaults tuple and keyword-only
    /// defaults dict; returns the `MAKE_FUNCTION` flags for them.
    fn default_arguments(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.addop_i(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
            flags |= MF_DEFAULTS;
        }
        let mut keys = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                let mangled = mangle(self.u_ref().private, &arg.arg).into_owned();
                keys.push(Constant::Str(Text::from(mangled)));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys));
            self.addop_i(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= MF_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// `compiler_visit_argannotation`: push a parameter's name and annotation.
    fn visit_argannotation(
        &mut self,
        name: &str,
        annotation: Option<&'a ast::Expr>,
        len: &mut u32,
    ) -> CResult {
        let Some(annotation) = annotation else {
            return Ok(());
        };
        let mangled = mangle(self.u_ref().private, name).into_owned();
        self.load_const(super::str_const(&mangled));
        if self.future_annotations() {
            self.visit_annexpr(annotation);
        } else if let ExprKind::Starred { value, .. } = &annotation.kind {
            // `*args: *Ts`: [annotation] = [*Ts].
            self.visit_expr(value)?;
            self.addop_i(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(annotation)?;
        }
        *len += 2;
        Ok(())
    }

    /// `compiler_visit_argannotations` over a parameter list.
    fn visit_argannotations(&mut self, args: &'a [Arg], len: &mut u32) -> CResult {
        for a in args {
            self.visit_argannotation(&a.arg, a.annotation.as_deref(), len)?;
        }
        Ok(())
    }

    /// `compiler_visit_annotations`: push the annotations tuple if there is one;
    /// returns whether it was pushed.
    fn visit_annotations(
        &mut self,
        args: &'a Arguments,
        returns: Option<&'a ast::Expr>,
    ) -> CResult<bool> {
        let mut len = 0;
        self.visit_argannotations(&args.args, &mut len)?;
        self.visit_argannotations(&args.posonlyargs, &mut len)?;
        if let Some(v) = &args.vararg {
            self.visit_argannotation(&v.arg, v.annotation.as_deref(), &mut len)?;
        }
        self.visit_argannotations(&args.kwonlyargs, &mut len)?;
        if let Some(k) = &args.kwarg {
            self.visit_argannotation(&k.arg, k.annotation.as_deref(), &mut len)?;
        }
        self.visit_argannotation("return", returns, &mut len)?;
        if len > 0 {
            self.addop_i(Opcode::BUILD_TUPLE, len);
            return Ok(true);
        }
        Ok(false)
    }

    /// `compiler_decorators`: evaluate the decorators, outermost first.
    pub(crate) fn visit_decorators(&mut self, decos: &'a [ast::Expr]) -> CResult {
        for d in decos {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    /// `compiler_apply_decorators`: call them, innermost first, each at its own
    /// location.
    pub(crate) fn apply_decorators(&mut self, decos: &'a [ast::Expr]) {
        let saved = self.loc();
        for d in decos.iter().rev() {
            self.set_loc(&d.loc);
            self.addop_i(Opcode::PRECALL, 0);
            self.addop_i(Opcode::CALL, 0);
        }
        self.restore_loc(saved);
    }

    /// `compiler_make_closure`: push a function made from `code` (its free
    /// variables' cells as a tuple when it has any) with `MAKE_FUNCTION flags`.
    pub(crate) fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> CResult {
        let freevars = code.freevars();
        if !freevars.is_empty() {
            let is_class = self.scope_type() == ScopeType::Class;
            for name in &freevars {
                let name_str = name.to_string_lossy();
                let cell = (is_class && name_str == "__class__")
                    || self.ste().scope(&name_str) == Some(Scope::Cell);
                let u = self.u_ref();
                let arg = if cell {
                    u.unit.cellvars.get(name)
                } else {
                    u.unit
                        .freevars
                        .get(name)
                        .map(|i| i + u.unit.cellvars.len() as u32)
                };
                let Some(arg) = arg else {
                    return Err(CompileError::System(format!(
                        "compiler_lookup_arg(name='{name_str}') failed in {}",
                        u.unit.name
                    )));
                };
                self.addop_i(Opcode::LOAD_CLOSURE, arg);
            }
            flags |= MF_CLOSURE;
            self.addop_i(Opcode::BUILD_TUPLE, freevars.len() as u32);
        }
        self.load_const(Constant::Code(Box::new(code)));
        self.addop_i(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    /// The symbol-table block of a definition, or a `SystemError`.
    fn block_of_stmt(&self, s: &Stmt) -> CResult<crate::symtable::EntryId> {
        self.st
            .lookup_stmt(s)
            .ok_or_else(|| CompileError::System("no symtable entry for definition".to_owned()))
    }

    /// `compiler_function`: `def` and `async def`.
    pub(crate) fn compile_function(
        &mut self,
        s: &'a Stmt,
        f: &'a ast::FunctionDef,
        is_async: bool,
    ) -> CResult {
        self.check_debug_args(&f.args)?;
        self.visit_decorators(&f.decorator_list)?;
        let firstlineno = f
            .decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let mut funcflags = self.default_arguments(&f.args)?;
        if self.visit_annotations(&f.args, f.returns.as_deref())? {
            funcflags |= MF_ANNOTATIONS;
        }
        let ste = self.block_of_stmt(s)?;
        let scope = if is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(&f.name, scope, ste, firstlineno)?;
        let result = self.function_body(f);
        let code = match result {
            Ok(()) => self.assemble(true),
            Err(e) => Err(e),
        };
        self.exit_scope();
        self.make_closure(code?, funcflags)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, ExprContext::Store)
    }

    /// The inside of a function: docstring constant, counts, body.
    fn function_body(&mut self, f: &'a ast::FunctionDef) -> CResult {
        let doc = if self.optimize < 2 {
            super::docstring(&f.body)
        } else {
            None
        };
        match doc {
            Some(d) => self.add_const(Constant::Str(d.clone())),
            None => self.add_const(Constant::None),
        };
        let u = self.u();
        u.unit.argcount = f.args.args.len() as u32;
        u.unit.posonlyargcount = f.args.posonlyargs.len() as u32;
        u.unit.kwonlyargcount = f.args.kwonlyargs.len() as u32;
        let body = if doc.is_some() {
            &f.body[1..]
        } else {
            &f.body[..]
        };
        self.visit_stmts(body)
    }

    /// `compiler_lambda`.
    pub(crate) fn compile_lambda(
        &mut self,
        e: &'a ast::Expr,
        args: &'a Arguments,
        body: &'a ast::Expr,
    ) -> CResult {
        self.check_debug_args(args)?;
        let funcflags = self.default_arguments(args)?;
        let ste = self
            .st
            .lookup_expr(e)
            .ok_or_else(|| CompileError::System("no symtable entry for lambda".to_owned()))?;
        self.enter_scope("<lambda>", ScopeType::Lambda, ste, e.loc.lineno)?;
        // None first, so a lambda has no docstring.
        self.add_const(Constant::None);
        let u = self.u();
        u.unit.argcount = args.args.len() as u32;
        u.unit.posonlyargcount = args.posonlyargs.len() as u32;
        u.unit.kwonlyargcount = args.kwonlyargs.len() as u32;
        let code = match self.visit_expr(body) {
            Ok(()) => {
                if self.ste().generator {
                    self.assemble(false)
                } else {
                    self.addop(Opcode::RETURN_VALUE);
                    self.assemble(true)
                }
            }
            Err(err) => Err(err),
        };
        self.exit_scope();
        self.make_closure(code?, funcflags)
    }
}
