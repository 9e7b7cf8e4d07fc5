//! `import` and `from … import` (`compiler_import`, `compiler_import_as`,
//! `compiler_from_import`).

use common::text::Text;
use syntax::ast::{self, ExprContext, Stmt, StmtKind};

use super::{CResult, Compiler};
use crate::code::Constant;
use crate::opcode::Opcode;

impl<'a> Compiler<'a> {
    /// `compiler_import_as`: bind `import a.b.c as d` (the module `a.b.c` is on the
    /// stack: walk to `c` with `IMPORT_FROM`).
    fn import_as(&mut self, name: &str, asname: &str) -> CResult {
        if let Some((_, rest)) = name.split_once('.') {
            let attrs: Vec<&str> = rest.split('.').collect();
            for (i, attr) in attrs.iter().enumerate() {
                self.addop_names(Opcode::IMPORT_FROM, attr);
                if i + 1 == attrs.len() {
                    break;
                }
                self.addop_i(Opcode::SWAP, 2);
                self.addop(Opcode::POP_TOP);
            }
            self.nameop(asname, ExprContext::Store)?;
            self.addop(Opcode::POP_TOP);
            return Ok(());
        }
        self.nameop(asname, ExprContext::Store)
    }

    /// `compiler_import`.
    pub(crate) fn compile_import(&mut self, names: &'a [ast::Alias]) -> CResult {
        for alias in names {
            self.load_const(Constant::Int(0.into()));
            self.load_const(Constant::None);
            self.addop_name(Opcode::IMPORT_NAME, &alias.name);
            match &alias.asname {
                Some(asname) => self.import_as(&alias.name, asname)?,
                None => {
                    let first = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.nameop(first, ExprContext::Store)?;
                }
            }
        }
        Ok(())
    }

    /// `compiler_from_import`.
    pub(crate) fn compile_from_import(&mut self, s: &'a Stmt) -> CResult {
        let StmtKind::ImportFrom {
            module,
            names,
            level,
        } = &s.kind
        else {
            return Ok(());
        };
        self.load_const(Constant::Int((*level).into()));
        let tuple = names
            .iter()
            .map(|a| Constant::Str(Text::from(a.name.as_str())))
            .collect();
        if let Some(err) = crate::future::late_future_import_error(s, &self.future, &self.filename)
        {
            return Err(err.into());
        }
        self.load_const(Constant::Tuple(tuple));
        self.addop_name(Opcode::IMPORT_NAME, module.as_deref().unwrap_or(""));
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.addop(Opcode::IMPORT_STAR);
                return Ok(());
            }
            self.addop_name(Opcode::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, ExprContext::Store)?;
        }
        self.addop(Opcode::POP_TOP);
        Ok(())
    }
}
