//! Expressions (`compiler_visit_expr`): operators, boolean operations and
//! conditions (`compiler_jump_if`), comparisons, displays (`starunpack_helper`,
//! `compiler_dict`), f-strings, subscripts and slices, attributes, `yield`,
//! `yield from`, `await`, named expressions.

use syntax::ast::{BoolOp, CmpOp, Expr, ExprContext, ExprKind, Operator, UnaryOp};

use super::{constant, CResult, Compiler, ScopeType};
use crate::code::Constant;
use crate::ir::{BlockId, Pseudo};
use crate::opcode::Opcode;

/// `STACK_USE_GUIDELINE`: above this many stack items, displays and calls are built
/// incrementally.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// `BINARY_OP`'s argument for `op` (`NB_*`, plus 13 for the in-place forms).
pub(crate) fn binary_oparg(op: Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace {
        base + 13
    } else {
        base
    }
}

/// Whether every expression is a constant (`are_all_items_const`).
pub(crate) fn all_const(elts: &[Expr]) -> bool {
    elts.iter()
        .all(|e| matches!(e.kind, ExprKind::Constant { .. }))
}

/// The constant of a `Constant` node (callers check the kind).
fn const_of(e: &Expr) -> Constant {
    match &e.kind {
        ExprKind::Constant { value, .. } => constant(value),
        _ => Constant::None,
    }
}

/// How a display is built (`starunpack_helper`'s `build`, `add`, `extend`).
#[derive(Clone, Copy)]
pub(crate) struct Collection {
    pub(crate) build: Opcode,
    pub(crate) add: Opcode,
    pub(crate) extend: Opcode,
    pub(crate) tuple: bool,
}

/// Lists and tuples (via a list and `LIST_TO_TUPLE`).
pub(crate) const LIST: Collection = Collection {
    build: Opcode::BUILD_LIST,
    add: Opcode::LIST_APPEND,
    extend: Opcode::LIST_EXTEND,
    tuple: false,
};

impl<'a> Compiler<'a> {
    /// `compiler_visit_expr`: an expression, at its own location; the previous
    /// location is restored afterwards.
    pub(crate) fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.loc();
        self.set_loc(&e.loc);
        let r = self.visit_expr1(e);
        self.restore_loc(saved);
        r
    }

    /// `compiler_visit_expr1`.
    fn visit_expr1(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.addop_i(Opcode::COPY, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => self.compile_boolop(*op, values)?,
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.addop_i(Opcode::BINARY_OP, binary_oparg(*op, false));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                self.addop(match op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                });
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.addop_j_noline(Pseudo::Jump, end);
                self.use_next_block(next);
                self.visit_expr(orelse)?;
                self.use_next_block(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack_helper(
                elts,
                0,
                Collection {
                    build: Opcode::BUILD_SET,
                    add: Opcode::SET_ADD,
                    extend: Opcode::SET_UPDATE,
                    tuple: false,
                },
            )?,
            ExprKind::GeneratorExp { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. } => self.compile_comprehension(e)?,
            ExprKind::Yield { value } => {
                if !self.in_function_block() {
                    return Err(self.error("'yield' outside function"));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.addop_yield();
            }
            ExprKind::YieldFrom { value } => {
                if !self.in_function_block() {
                    return Err(self.error("'yield' outside function"));
                }
                if self.scope_type() == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.visit_expr(value)?;
                self.addop(Opcode::GET_YIELD_FROM_ITER);
                self.load_const(Constant::None);
                self.add_yield_from(false);
            }
            ExprKind::Await { value } => {
                if !self.is_top_level_await() {
                    if !self.in_function_block() {
                        return Err(self.error("'await' outside function"));
                    }
                    if !matches!(
                        self.scope_type(),
                        ScopeType::AsyncFunction | ScopeType::Comprehension
                    ) {
                        return Err(self.error("'await' outside async function"));
                    }
                }
                self.visit_expr(value)?;
                self.addop_i(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.add_yield_from(true);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compile_compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compile_call(e, func, args, keywords)?,
            ExprKind::Constant { value, .. } => self.load_const(constant(value)),
            ExprKind::JoinedStr { values } => self.compile_joined_str(values)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.visit_expr(value)?;
                let mut oparg = match *conversion {
                    -1 => 0,
                    115 => 1, // 's'
                    114 => 2, // 'r'
                    97 => 3,  // 'a'
                    c => {
                        return Err(super::CompileError::System(format!(
                            "Unrecognized conversion character {c}"
                        )))
                    }
                };
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                    oparg |= 4;
                }
                self.addop_i(Opcode::FORMAT_VALUE, oparg);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.update_start_location_to_match_attr(e);
                match ctx {
                    ExprContext::Load => self.addop_name(Opcode::LOAD_ATTR, attr),
                    ExprContext::Store => {
                        self.forbidden_name(attr, *ctx)?;
                        self.addop_name(Opcode::STORE_ATTR, attr);
                    }
                    ExprContext::Del => self.addop_name(Opcode::DELETE_ATTR, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscript(value, slice);
                }
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.addop(match ctx {
                    ExprContext::Load => Opcode::BINARY_SUBSCR,
                    ExprContext::Store => Opcode::STORE_SUBSCR,
                    ExprContext::Del => Opcode::DELETE_SUBSCR,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(self.error(match ctx {
                    ExprContext::Store => "starred assignment target must be in a list or tuple",
                    _ => "can't use starred expression here",
                }))
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                match lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(Constant::None),
                }
                match upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(s) = step {
                    n += 1;
                    self.visit_expr(s)?;
                }
                self.addop_i(Opcode::BUILD_SLICE, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx)?,
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let tuple = matches!(e.kind, ExprKind::Tuple { .. });
                match ctx {
                    ExprContext::Store => self.assignment_helper(elts)?,
                    ExprContext::Load => {
                        self.starunpack_helper(elts, 0, Collection { tuple, ..LIST })?
                    }
                    ExprContext::Del => {
                        for el in elts {
                            self.visit_expr(el)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// `addop_yield`: `YIELD_VALUE` (wrapped for async generators), `RESUME 1`.
    pub(crate) fn addop_yield(&mut self) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.addop(Opcode::ASYNC_GEN_WRAP);
        }
        self.addop(Opcode::YIELD_VALUE);
        self.addop_i(Opcode::RESUME, 1);
    }

    /// `update_start_location_to_match_attr`: an attribute access spanning lines
    /// starts at the attribute name.
    pub(crate) fn update_start_location_to_match_attr(&mut self, attr: &Expr) {
        let ExprKind::Attribute { attr: name, .. } = &attr.kind else {
            return;
        };
        let end_lineno = attr.loc.end_lineno as i32;
        let end_col = attr.loc.end_col_offset as i32;
        let u = self.u();
        if u.loc.lineno != end_lineno {
            u.loc.lineno = end_lineno;
            let len = name.chars().count() as i32;
            if len <= end_col {
                u.loc.col_offset = end_col - len;
            } else {
                u.loc.col_offset = -1;
                u.loc.end_col_offset = -1;
            }
            u.loc.end_lineno = u.loc.end_lineno.max(u.loc.lineno);
            if u.loc.lineno == u.loc.end_lineno {
                u.loc.end_col_offset = u.loc.end_col_offset.max(u.loc.col_offset);
            }
        }
    }

    /// `compiler_boolop`: `and`/`or` with `JUMP_IF_{FALSE,TRUE}_OR_POP`.
    fn compile_boolop(&mut self, op: BoolOp, values: &'a [Expr]) -> CResult {
        let jump = match op {
            BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
            BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_block();
        let Some((last, init)) = values.split_last() else {
            return Err(super::CompileError::System(
                "BoolOp with no values".to_owned(),
            ));
        };
        for v in init {
            self.visit_expr(v)?;
            self.addop_j(jump, end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.visit_expr(last)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_addcompare`.
    pub(crate) fn addcompare(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::COMPARE_OP, 0),
            CmpOp::LtE => (Opcode::COMPARE_OP, 1),
            CmpOp::Eq => (Opcode::COMPARE_OP, 2),
            CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
            CmpOp::Gt => (Opcode::COMPARE_OP, 4),
            CmpOp::GtE => (Opcode::COMPARE_OP, 5),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.addop_i(opcode, arg);
    }

    /// `compiler_compare`: chained comparisons keep the middle operand with
    /// `SWAP`/`COPY` and stop early with `JUMP_IF_FALSE_OR_POP`.
    fn compile_compare(
        &mut self,
        left: &'a Expr,
        ops: &'a [CmpOp],
        comparators: &'a [Expr],
    ) -> CResult {
        self.check_compare(left, ops, comparators);
        self.visit_expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Err(super::CompileError::System(
                "Compare with no operators".to_owned(),
            ));
        }
        if n == 1 {
            self.visit_expr(&comparators[0])?;
            self.addcompare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n - 1 {
            self.visit_expr(&comparators[i])?;
            self.addop_i(Opcode::SWAP, 2);
            self.addop_i(Opcode::COPY, 2);
            self.addcompare(ops[i]);
            self.addop_j(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.visit_expr(&comparators[n - 1])?;
        self.addcompare(ops[n - 1]);
        let end = self.new_block();
        self.addop_j_noline(Pseudo::Jump, end);
        self.use_next_block(cleanup);
        self.addop_i(Opcode::SWAP, 2);
        self.addop(Opcode::POP_TOP);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_jump_if`: jump to `next` when `e` is true (`cond`) or false
    /// (`!cond`), with `not`, `and`/`or`, conditional expressions and chained
    /// comparisons compiled to jumps.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let Some((last, init)) = values.split_last() else {
                    return Err(super::CompileError::System(
                        "BoolOp with no values".to_owned(),
                    ));
                };
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for v in init {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(last, next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.addop_j_noline(Pseudo::Jump, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare { .. } => self.set_loc(&e.loc),
            _ => {}
        }
        match &e.kind {
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && comparators.len() == ops.len() => {
                self.check_compare(left, ops, comparators);
                let n = ops.len() - 1;
                let cleanup = self.new_block();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.visit_expr(&comparators[i])?;
                    self.addop_i(Opcode::SWAP, 2);
                    self.addop_i(Opcode::COPY, 2);
                    self.addcompare(ops[i]);
                    self.addop_j(Pseudo::PopJumpIfFalse, cleanup);
                }
                self.visit_expr(&comparators[n])?;
                self.addcompare(ops[n]);
                self.addop_j(
                    if cond {
                        Pseudo::PopJumpIfTrue
                    } else {
                        Pseudo::PopJumpIfFalse
                    },
                    next,
                );
                let end = self.new_block();
                self.addop_j_noline(Pseudo::Jump, end);
                self.use_next_block(cleanup);
                self.addop(Opcode::POP_TOP);
                if !cond {
                    self.addop_j_noline(Pseudo::Jump, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.addop_j(
            if cond {
                Pseudo::PopJumpIfTrue
            } else {
                Pseudo::PopJumpIfFalse
            },
            next,
        );
        Ok(())
    }

    /// `starunpack_helper`: a list, tuple or set display (or the positional
    /// arguments of a `CALL_FUNCTION_EX`), `pushed` items already on the stack.
    pub(crate) fn starunpack_helper(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        kind: Collection,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && all_const(elts) {
            let folded: Vec<Constant> = elts.iter().map(const_of).collect();
            if kind.tuple && pushed == 0 {
                self.load_const(Constant::Tuple(folded));
            } else {
                let folded = if kind.add == Opcode::SET_ADD {
                    Constant::FrozenSet(dedup_set(folded))
                } else {
                    Constant::Tuple(folded)
                };
                self.addop_i(kind.build, pushed);
                self.load_const(folded);
                self.addop_i(kind.extend, 1);
                if kind.tuple {
                    self.addop(Opcode::LIST_TO_TUPLE);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            let build = if kind.tuple {
                Opcode::BUILD_TUPLE
            } else {
                kind.build
            };
            self.addop_i(build, n as u32 + pushed);
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.addop_i(kind.build, pushed);
            sequence_built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !sequence_built {
                    self.addop_i(kind.build, i as u32 + pushed);
                    sequence_built = true;
                }
                self.visit_expr(value)?;
                self.addop_i(kind.extend, 1);
            } else {
                self.visit_expr(e)?;
                if sequence_built {
                    self.addop_i(kind.add, 1);
                }
            }
        }
        if kind.tuple {
            self.addop(Opcode::LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// `compiler_subdict`: entries `begin..end` of a dict display, none unpacked.
    fn compile_subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let keys = &keys[begin..end];
        let values = &values[begin..end];
        let consts = keys.iter().all(|k| {
            matches!(
                k,
                Some(Expr {
                    kind: ExprKind::Constant { .. },
                    ..
                })
            )
        });
        if n > 1 && !big && consts {
            for v in values {
                self.visit_expr(v)?;
            }
            let tuple = keys.iter().flatten().map(const_of).collect();
            self.load_const(Constant::Tuple(tuple));
            self.addop_i(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.addop_i(Opcode::BUILD_MAP, 0);
        }
        for (k, v) in keys.iter().zip(values) {
            if let Some(k) = k {
                self.visit_expr(k)?;
            }
            self.visit_expr(v)?;
            if big {
                self.addop_i(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// `compiler_dict`: a dict display, in chunks around `**` entries and every 16
    /// pairs.
    fn compile_dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = values.len().min(keys.len());
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.compile_subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.addop_i(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.addop_i(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.addop_i(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// `compiler_joined_str`: an f-string (`BUILD_STRING`, or `''.join([...])` for
    /// more than 30 parts).
    fn compile_joined_str(&mut self, values: &'a [Expr]) -> CResult {
        if values.len() > STACK_USE_GUIDELINE {
            self.load_const(super::str_const(""));
            self.addop_names(Opcode::LOAD_METHOD, "join");
            self.addop_i(Opcode::BUILD_LIST, 0);
            for v in values {
                self.visit_expr(v)?;
                self.addop_i(Opcode::LIST_APPEND, 1);
            }
            self.addop_i(Opcode::PRECALL, 1);
            self.addop_i(Opcode::CALL, 1);
        } else {
            for v in values {
                self.visit_expr(v)?;
            }
            if values.len() != 1 {
                self.addop_i(Opcode::BUILD_STRING, values.len() as u32);
            }
        }
        Ok(())
    }
}

/// The items of a frozenset built from `items`, duplicates (by constant identity
/// key) dropped, first occurrence kept.
fn dedup_set(items: Vec<Constant>) -> Vec<Constant> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|c| seen.insert(crate::ir::ConstKey::of(c, 0)))
        .collect()
}
