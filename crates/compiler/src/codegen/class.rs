//! Class definitions (`compiler_class`): the body as a function that fills the
//! namespace (`__module__`, `__qualname__`, `__classcell__`), then
//! `__build_class__(func, name, *bases, **keywords)` and the decorators.

use syntax::ast::{self, ExprContext, Stmt};

use super::{CResult, CompileError, Compiler, ScopeType};
use crate::code::Constant;
use crate::opcode::Opcode;

impl<'a> Compiler<'a> {
    /// `compiler_class`.
    pub(crate) fn compile_class(&mut self, s: &'a Stmt, cd: &'a ast::ClassDef) -> CResult {
        self.visit_decorators(&cd.decorator_list)?;
        let firstlineno = cd
            .decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let ste = self
            .st
            .lookup_stmt(s)
            .ok_or_else(|| CompileError::System("no symtable entry for class".to_owned()))?;
        self.enter_scope(&cd.name, ScopeType::Class, ste, firstlineno)?;
        self.u().private = Some(cd.name.as_str());
        let code = match self.class_body(cd) {
            Ok(()) => self.assemble(true),
            Err(e) => Err(e),
        };
        self.exit_scope();
        let code = code?;
        self.addop(Opcode::PUSH_NULL);
        self.addop(Opcode::LOAD_BUILD_CLASS);
        self.make_closure(code, 0)?;
        self.load_const(super::str_const(&cd.name));
        self.call_helper(2, &cd.bases, &cd.keywords)?;
        self.apply_decorators(&cd.decorator_list);
        self.nameop(&cd.name, ExprContext::Store)
    }

    /// The class body unit: `__module__ = __name__`, `__qualname__`, the body, and
    /// the `__classcell__` (or `None`) returned.
    fn class_body(&mut self, cd: &'a ast::ClassDef) -> CResult {
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let qualname = self.u_ref().unit.qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.compile_body(&cd.body)?;
        // The rest is artificial.
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self
                .u_ref()
                .unit
                .cellvars
                .get(&"__class__".into())
                .ok_or_else(|| CompileError::System("no __class__ cell".to_owned()))?;
            self.addop_i(Opcode::LOAD_CLOSURE, i);
            self.addop_i(Opcode::COPY, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.addop(Opcode::RETURN_VALUE);
        Ok(())
    }
}
