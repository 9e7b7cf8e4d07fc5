//! Assignment targets: unpacking (`unpack_helper`, `assignment_helper`), augmented
//! assignment (`compiler_augassign`) and annotated assignment
//! (`compiler_annassign`, `check_ann_*`).

use syntax::ast::{self, Expr, ExprContext, ExprKind, Operator};

use super::expr::binary_oparg;
use super::{CResult, CompileError, Compiler, ScopeType};
use crate::future::CO_FUTURE_ANNOTATIONS;
use crate::opcode::Opcode;

impl<'a> Compiler<'a> {
    /// `unpack_helper`: `UNPACK_SEQUENCE n`, or `UNPACK_EX` around one starred
    /// target.
    pub(crate) fn unpack_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= (1 << 8) || n - i > (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.addop_i(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    /// `assignment_helper`: unpack the top of the stack into the targets `elts`.
    pub(crate) fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        self.unpack_helper(elts)?;
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    /// `compiler_augassign`: `target op= value`.
    pub(crate) fn compile_augassign(
        &mut self,
        target: &'a Expr,
        op: Operator,
        value: &'a Expr,
    ) -> CResult {
        let saved = self.loc();
        self.set_loc(&target.loc);
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.visit_expr(obj)?;
                self.addop_i(Opcode::COPY, 1);
                self.update_start_location_to_match_attr(target);
                self.addop_name(Opcode::LOAD_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.addop_i(Opcode::COPY, 2);
                self.addop_i(Opcode::COPY, 2);
                self.addop(Opcode::BINARY_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => {
                return Err(CompileError::System(
                    "invalid node type for augmented assignment".to_owned(),
                ))
            }
        }
        self.restore_loc(saved);
        self.visit_expr(value)?;
        self.addop_i(Opcode::BINARY_OP, binary_oparg(op, true));
        self.set_loc(&target.loc);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.update_start_location_to_match_attr(target);
                self.addop_i(Opcode::SWAP, 2);
                self.addop_name(Opcode::STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.addop_i(Opcode::SWAP, 3);
                self.addop_i(Opcode::SWAP, 2);
                self.addop(Opcode::STORE_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// `check_ann_expr`: evaluate and discard.
    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.visit_expr(e)?;
        self.addop(Opcode::POP_TOP);
        Ok(())
    }

    /// `check_ann_subscr`: evaluate the parts of an annotated subscript target.
    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for el in elts {
                    self.check_ann_subscr(el)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// Whether annotations are kept as strings (`from __future__ import annotations`,
    /// in the module or inherited through the compile flags).
    pub(crate) fn future_annotations(&self) -> bool {
        self.flags & CO_FUTURE_ANNOTATIONS != 0
    }

    /// `compiler_annassign`: `target: annotation [= value]`.
    pub(crate) fn compile_annassign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        let module_or_class = matches!(self.scope_type(), ScopeType::Module | ScopeType::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.forbidden_name(id, ExprContext::Store)?;
                if simple && module_or_class {
                    if self.future_annotations() {
                        self.visit_annexpr(annotation);
                    } else {
                        self.visit_expr(annotation)?;
                    }
                    self.addop_names(Opcode::LOAD_NAME, "__annotations__");
                    let mangled = crate::symtable::mangle(self.u_ref().private, id).into_owned();
                    self.load_const(super::str_const(&mangled));
                    self.addop(Opcode::STORE_SUBSCR);
                }
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.forbidden_name(attr, ExprContext::Store)?;
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => {
                return Err(CompileError::System(
                    "invalid node type for annotated assignment".to_owned(),
                ))
            }
        }
        // check_annotation: a complex target's annotation is evaluated last.
        if !simple && !self.future_annotations() && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    /// `compiler_visit_annexpr`: an annotation as its source string.
    pub(crate) fn visit_annexpr(&mut self, annotation: &ast::Expr) {
        let s = super::unparse::unparse(annotation);
        self.load_const(super::str_const(&s));
    }
}
