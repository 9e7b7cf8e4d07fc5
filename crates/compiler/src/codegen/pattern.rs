//! `match` statements and patterns (PEP 634; `compiler_match`, `compiler_pattern*`
//! and `pattern_helper_*` in 3.11's `compile.c`).
//!
//! Every pattern routine consumes the subject on top of the stack and, on failure,
//! jumps to a "fail_pop" block that pops what is still on the stack. The
//! [`PatternContext`] counts those items: `on_top` values the pattern keeps on top
//! while it works, plus the captured values stashed under them (`stores`), which
//! are only bound to their names once the whole pattern has matched. Captured values
//! are rotated underneath the working items with `SWAP`s (3.10's `ROT_N`).

use common::bigint::BigInt;
use syntax::ast::{self, CmpOp, ExprKind, Operator, Pattern, PatternKind};

use super::{constant, CResult, CompileError, Compiler};
use crate::code::Constant;
use crate::ir::{BlockId, Op, Pseudo};
use crate::opcode::Opcode;

/// `pattern_context`: the state threaded through one case's pattern.
struct PatternContext<'a> {
    /// The names captured so far, in the order their values sit on the stack
    /// (`stores`).
    stores: Vec<&'a str>,
    /// An irrefutable pattern is allowed here (`allow_irrefutable`).
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and falls through to `fail_pop[n - 1]`
    /// (`fail_pop`, `fail_pop_size`).
    fail_pop: Vec<BlockId>,
    /// Items on top of the stack to pop on failure, above the stores (`on_top`).
    on_top: isize,
}

impl<'a> PatternContext<'a> {
    fn new() -> PatternContext<'a> {
        PatternContext {
            stores: Vec::new(),
            allow_irrefutable: false,
            fail_pop: Vec::new(),
            on_top: 0,
        }
    }
}

/// `WILDCARD_CHECK`: `_` (a `MatchAs` without a name).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchAs { name: None, .. })
}

/// `WILDCARD_STAR_CHECK`: `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchStar { name: None })
}

/// `repr()` of a name, for the `%R` of CPython's messages.
fn repr_name(name: &str) -> String {
    let mut s = String::new();
    common::repr::write_repr_rust_str(&mut s, name);
    s
}

/// A numeric constant as Python compares it.
enum Num<'c> {
    Int(&'c BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(c: &ast::Constant) -> Option<Num<'_>> {
    match c {
        ast::Constant::Int(i) => Some(Num::Int(i)),
        ast::Constant::Float(f) => Some(Num::Float(*f)),
        ast::Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

/// Whether the int `i` equals the float `f` exactly (Python's `int == float`).
fn int_eq_float(i: &BigInt, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    // f is an integer: f = mantissa * 2**exp exactly.
    let bits = f.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        // Zero or subnormal; an integral subnormal is zero.
        return *i == BigInt::from(0u8);
    }
    let mantissa = frac | (1u64 << 52);
    let shift = exp - 1075;
    let magnitude = if shift >= 0 {
        BigInt::from(mantissa) << (shift as usize)
    } else {
        BigInt::from(mantissa >> ((-shift) as u32))
    };
    let value = if negative { -magnitude } else { magnitude };
    *i == value
}

fn num_eq(a: &Num<'_>, b: &Num<'_>) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Int(x), Num::Float(f)) | (Num::Float(f), Num::Int(x)) => int_eq_float(x, *f),
        (Num::Float(x), Num::Float(y)) => x == y,
        (Num::Complex(re, im), other) | (other, Num::Complex(re, im)) => {
            if let Num::Complex(re2, im2) = other {
                return re == re2 && im == im2;
            }
            *im == 0.0 && num_eq(&Num::Float(*re), other)
        }
    }
}

/// Python equality of two constants that can be mapping-pattern keys (the
/// `PySet_Contains` duplicate check: `1`, `1.0`, `True` and `(1+0j)` are one key).
fn const_key_eq(a: &ast::Constant, b: &ast::Constant) -> bool {
    let bool_num = |c: &ast::Constant| match c {
        ast::Constant::Bool(v) => Some(ast::Constant::Int(BigInt::from(*v as u8))),
        _ => None,
    };
    let (a2, b2) = (bool_num(a), bool_num(b));
    let a = a2.as_ref().unwrap_or(a);
    let b = b2.as_ref().unwrap_or(b);
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return num_eq(&x, &y);
    }
    match (a, b) {
        (ast::Constant::Tuple(x), ast::Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_key_eq(p, q))
        }
        _ => a == b,
    }
}

impl<'a> Compiler<'a> {
    /// `compiler_match`: the subject is evaluated once and copied for each case but
    /// the last; a trailing `case _:` (without captures) costs no test.
    pub(crate) fn compile_match(
        &mut self,
        _s: &'a ast::Stmt,
        subject: &'a ast::Expr,
        cases: &'a [ast::MatchCase],
    ) -> CResult {
        self.visit_expr(subject)?;
        let end = self.new_block();
        let Some(last) = cases.last() else {
            return Err(CompileError::System(
                "match statement without cases".to_owned(),
            ));
        };
        let ncases = cases.len();
        let has_default = usize::from(is_wildcard(&last.pattern) && 1 < ncases);
        let mut pc = PatternContext::new();
        for (i, m) in cases[..ncases - has_default].iter().enumerate() {
            self.set_loc(&m.pattern.loc);
            let last_tested = i == ncases - has_default - 1;
            // Only copy the subject if this is not the last case tested.
            if !last_tested {
                self.addop_i(Opcode::COPY, 1);
            }
            pc.stores = Vec::new();
            // Irrefutable cases must be either guarded, last, or both.
            pc.allow_irrefutable = m.guard.is_some() || i == ncases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            // A match: bind the captured names (their values are on the stack).
            for name in std::mem::take(&mut pc.stores) {
                self.nameop(name, ast::ExprContext::Store)?;
            }
            if let Some(guard) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let fail = pc.fail_pop[0];
                self.jump_if(guard, fail, false)?;
            }
            // Done with the subject.
            if !last_tested {
                self.addop(Opcode::POP_TOP);
            }
            self.visit_stmts(&m.body)?;
            self.unset_loc();
            self.addop_j(Pseudo::Jump, end);
            // The cleanup of a failed match belongs to the pattern's line, not the
            // body's last.
            self.set_loc(&m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default == 1 {
            // A trailing `case _:` needs no pushing and popping.
            self.set_loc(&last.pattern.loc);
            if ncases == 1 {
                // No matches: done with the subject.
                self.addop(Opcode::POP_TOP);
            } else {
                // Line coverage for the default case (it makes no bytecode).
                self.addop(Opcode::NOP);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.visit_stmts(&last.body)?;
            self.unset_loc();
        }
        self.use_next_block(end);
        Ok(())
    }

    // ---- fail_pop bookkeeping ----

    /// `ensure_fail_pop`: make `fail_pop[n]` exist.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext<'a>, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    /// `jump_to_fail_pop`: jump with `op` to the block popping everything the
    /// pattern holds (items on top and stashed captures).
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext<'a>, op: Pseudo) {
        let pops = usize::try_from(pc.on_top + pc.stores.len() as isize).unwrap_or(0);
        self.ensure_fail_pop(pc, pops);
        self.addop_j(Op::Pseudo(op), pc.fail_pop[pops]);
    }

    /// `emit_and_reset_fail_pop`: the chain of `POP_TOP` blocks, deepest first.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext<'a>) {
        let blocks = std::mem::take(&mut pc.fail_pop);
        let Some((&first, rest)) = blocks.split_first() else {
            return;
        };
        for &b in rest.iter().rev() {
            self.use_next_block(b);
            self.addop(Opcode::POP_TOP);
        }
        self.use_next_block(first);
    }

    /// `pattern_helper_rotate`: move the top of the stack `count - 1` places down
    /// (`SWAP count`, `SWAP count-1`, …, `SWAP 2`).
    fn pattern_rotate(&mut self, count: usize) {
        let mut count = count;
        while 1 < count {
            self.addop_i(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    /// `pattern_helper_store_name`: capture the top of the stack as `name` (or pop
    /// it for `_`), stashing it under the items still in use.
    fn pattern_store_name(
        &mut self,
        name: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let Some(name) = name else {
            self.addop(Opcode::POP_TOP);
            return Ok(());
        };
        self.forbidden_name(name, ast::ExprContext::Store)?;
        if pc.stores.contains(&name) {
            return Err(self.error_duplicate_store(name));
        }
        let rotations = usize::try_from(pc.on_top).unwrap_or(0) + pc.stores.len() + 1;
        self.pattern_rotate(rotations);
        pc.stores.push(name);
        Ok(())
    }

    /// `compiler_error_duplicate_store`.
    fn error_duplicate_store(&self, name: &str) -> CompileError {
        self.error(format!(
            "multiple assignments to name {} in pattern",
            repr_name(name)
        ))
    }

    // ---- the patterns ----

    /// `compiler_pattern`: dispatch on the pattern kind, at the pattern's location
    /// (which stays set afterwards, as in CPython).
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        self.set_loc(&p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => self.pattern_value(value, pc),
            PatternKind::MatchSingleton { value } => {
                self.load_const(constant(value));
                self.addcompare(CmpOp::Is);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
                Ok(())
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(keys, patterns, rest.as_deref(), pc),
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc),
            PatternKind::MatchStar { name } => self.pattern_store_name(name.as_deref(), pc),
            PatternKind::MatchAs { pattern, name } => {
                self.pattern_as(pattern.as_deref(), name.as_deref(), pc)
            }
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc),
        }
    }

    /// `compiler_pattern_subpattern`: a sub-pattern, where irrefutable patterns are
    /// always allowed.
    fn pattern_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        let allow_irrefutable = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow_irrefutable;
        Ok(())
    }

    /// `compiler_pattern_value`: `subject == value`.
    fn pattern_value(&mut self, value: &'a ast::Expr, pc: &mut PatternContext<'a>) -> CResult {
        if !matches!(
            value.kind,
            ExprKind::Constant { .. } | ExprKind::Attribute { .. }
        ) {
            return Err(self.error("patterns may only match literals and attribute lookups"));
        }
        self.visit_expr(value)?;
        self.addcompare(CmpOp::Eq);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        Ok(())
    }

    /// `compiler_pattern_as`: a capture (`name`), the wildcard `_`, or
    /// `pattern as name`.
    fn pattern_as(
        &mut self,
        pattern: Option<&'a Pattern>,
        name: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let Some(pattern) = pattern else {
            // An irrefutable match.
            if !pc.allow_irrefutable {
                if let Some(name) = name {
                    return Err(self.error(format!(
                        "name capture {} makes remaining patterns unreachable",
                        repr_name(name)
                    )));
                }
                return Err(self.error("wildcard makes remaining patterns unreachable"));
            }
            return self.pattern_store_name(name, pc);
        };
        // A copy to store if the pattern matches.
        pc.on_top += 1;
        self.addop_i(Opcode::COPY, 1);
        self.pattern(pattern, pc)?;
        pc.on_top -= 1;
        self.pattern_store_name(name, pc)
    }

    /// `compiler_pattern_sequence`: `MATCH_SEQUENCE`, a length test, then the
    /// items by unpacking or, with a `*_`, by subscripting.
    fn pattern_sequence(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        // At most one starred name.
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top during the sequence and length checks.
        pc.on_top += 1;
        self.addop(Opcode::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        match star {
            None => {
                // len(subject) == size
                self.addop(Opcode::GET_LEN);
                self.load_const(Constant::Int(BigInt::from(size)));
                self.addcompare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                // len(subject) >= size - 1
                self.addop(Opcode::GET_LEN);
                self.load_const(Constant::Int(BigInt::from(size - 1)));
                self.addcompare(CmpOp::GtE);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        // What comes next consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            // [] / [_] / [_, _] / [*_] / [_, *_] / …
            self.addop(Opcode::POP_TOP);
        } else if star_wildcard {
            self.pattern_sequence_subscr(patterns, star, pc)?;
        } else {
            self.pattern_sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    /// `pattern_unpack_helper`: `UNPACK_SEQUENCE`, or `UNPACK_EX` around the star.
    fn pattern_unpack(&mut self, elts: &'a [Pattern]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt.kind, PatternKind::MatchStar { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern"));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern")
                    );
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

    /// `pattern_helper_sequence_unpack`: unpack, then match each item.
    fn pattern_sequence_unpack(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        self.pattern_unpack(patterns)?;
        // The items stay on the stack until each is matched.
        pc.on_top += patterns.len() as isize;
        for p in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_subscr`: with a `*_`, fetch each item by index
    /// (negative ones computed from `len()`) instead of unpacking.
    fn pattern_sequence_subscr(
        &mut self,
        patterns: &'a [Pattern],
        star: Option<usize>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        // The subject is kept to index into.
        pc.on_top += 1;
        let size = patterns.len();
        let star = star.unwrap_or(usize::MAX);
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.addop_i(Opcode::COPY, 1);
            if i < star {
                self.load_const(Constant::Int(BigInt::from(i)));
            } else {
                // The subject may not support negative indexes.
                self.addop(Opcode::GET_LEN);
                self.load_const(Constant::Int(BigInt::from(size - i)));
                self.addop_i(
                    Opcode::BINARY_OP,
                    super::expr::binary_oparg(Operator::Sub, false),
                );
            }
            self.addop(Opcode::BINARY_SUBSCR);
            self.pattern_subpattern(p, pc)?;
        }
        // Done with the subject.
        pc.on_top -= 1;
        self.addop(Opcode::POP_TOP);
        Ok(())
    }

    /// `validate_kwd_attrs`: keyword attribute names may not repeat (nor be
    /// `__debug__`); errors point at the sub-pattern.
    fn validate_kwd_attrs(&mut self, attrs: &'a [String], patterns: &'a [Pattern]) -> CResult {
        for (i, attr) in attrs.iter().enumerate() {
            if let Some(p) = patterns.get(i) {
                self.set_loc(&p.loc);
            }
            self.forbidden_name(attr, ast::ExprContext::Store)?;
            for (j, other) in attrs.iter().enumerate().skip(i + 1) {
                if attr == other {
                    if let Some(p) = patterns.get(j) {
                        self.set_loc(&p.loc);
                    }
                    return Err(
                        self.error(format!("attribute name repeated in class pattern: {attr}"))
                    );
                }
            }
        }
        Ok(())
    }

    /// `compiler_pattern_class`: `MATCH_CLASS` gives a tuple of the positional and
    /// keyword attributes (or `None`), whose items are matched in turn.
    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a ast::Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(self.error(format!(
                "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                kwd_patterns.len()
            )));
        }
        if nattrs > 0 {
            self.validate_kwd_attrs(kwd_attrs, kwd_patterns)?;
            self.set_loc(&p.loc);
        }
        self.visit_expr(cls)?;
        let names = kwd_attrs
            .iter()
            .map(|a| super::str_const(a))
            .collect::<Vec<_>>();
        self.load_const(Constant::Tuple(names));
        self.addop_i(Opcode::MATCH_CLASS, nargs as u32);
        self.addop_i(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.addop_i(Opcode::IS_OP, 1);
        // On top: a tuple of nargs + nattrs attributes (or None).
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        let total = nargs + nattrs;
        self.addop_i(Opcode::UNPACK_SEQUENCE, total as u32);
        pc.on_top += total as isize - 1;
        for sub in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(sub) {
                self.addop(Opcode::POP_TOP);
                continue;
            }
            self.pattern_subpattern(sub, pc)?;
        }
        // Success; the tuple of attributes was consumed.
        Ok(())
    }

    /// `compiler_pattern_mapping`: `MATCH_MAPPING`, a length test, `MATCH_KEYS` for
    /// the keys' values, their sub-patterns, and `**rest` as a copy of the subject
    /// without the keys.
    fn pattern_mapping(
        &mut self,
        keys: &'a [ast::Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error(format!(
                "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                patterns.len()
            )));
        }
        // The subject stays on top during the mapping and length checks.
        pc.on_top += 1;
        self.addop(Opcode::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            // Just `{}`: done, pop the subject.
            pc.on_top -= 1;
            self.addop(Opcode::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            // len(subject) >= number of keys
            self.addop(Opcode::GET_LEN);
            self.load_const(Constant::Int(BigInt::from(size)));
            self.addcompare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        }
        if size > i32::MAX as usize {
            return Err(self.error("too many sub-patterns in mapping pattern"));
        }
        // The keys, as a tuple for MATCH_KEYS: literals (no duplicates) or dotted
        // names.
        let mut seen: Vec<&'a ast::Constant> = Vec::new();
        for key in keys {
            match &key.kind {
                ExprKind::Constant { value, .. } => {
                    if seen.iter().any(|s| const_key_eq(s, value)) {
                        let shown = crate::dis::repr_constant(&constant(value));
                        return Err(
                            self.error(format!("mapping pattern checks duplicate key ({shown})"))
                        );
                    }
                    seen.push(value);
                }
                ExprKind::Attribute { .. } => {}
                _ => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                    ))
                }
            }
            self.visit_expr(key)?;
        }
        self.addop_i(Opcode::BUILD_TUPLE, size as u32);
        self.addop(Opcode::MATCH_KEYS);
        // Now a tuple of keys and a tuple of values (or None) on the subject.
        pc.on_top += 2;
        self.addop_i(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.addop_i(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        // Match the values against the sub-patterns.
        self.addop_i(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size as isize - 1;
        for sub in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(sub, pc)?;
        }
        // A match: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        if let Some(rest) = rest {
            // rest = dict(subject); for key in keys: del rest[key]
            self.addop_i(Opcode::BUILD_MAP, 0); // [subject, keys, empty]
            self.addop_i(Opcode::SWAP, 3); // [empty, keys, subject]
            self.addop_i(Opcode::DICT_UPDATE, 2); // [copy, keys]
            self.addop_i(Opcode::UNPACK_SEQUENCE, size as u32); // [copy, keys...]
            let mut remaining = size;
            while remaining > 0 {
                self.addop_i(Opcode::COPY, (1 + remaining) as u32); // [copy, keys..., copy]
                remaining -= 1;
                self.addop_i(Opcode::SWAP, 2); // [copy, keys..., copy, key]
                self.addop(Opcode::DELETE_SUBSCR); // [copy, keys...]
            }
            self.pattern_store_name(Some(rest), pc)?;
        } else {
            self.addop(Opcode::POP_TOP); // the tuple of keys
            self.addop(Opcode::POP_TOP); // the subject
        }
        Ok(())
    }

    /// `compiler_pattern_or`: each alternative matches a copy of the subject with
    /// its own fail_pop chain; all must bind the same names, and the captures of
    /// later alternatives are reordered on the stack to the first one's order.
    fn pattern_or(&mut self, alts: &'a [Pattern], pc: &mut PatternContext<'a>) -> CResult {
        let end = self.new_block();
        let size = alts.len();
        // Keep the outer context; each alternative starts afresh.
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow_irrefutable = pc.allow_irrefutable;
        // The names the first alternative binds, in its stack order.
        let mut control: Option<Vec<&'a str>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(&alt.loc);
            pc.stores = Vec::new();
            // An irrefutable alternative must be last, if allowed at all.
            pc.allow_irrefutable = i == size - 1 && old_allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.addop_i(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names"))
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|n| *n == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            // The names after `icontrol` are in place already, so
                            // this one is further down (CPython asserts it).
                            if istores > icontrol {
                                return Err(CompileError::System(
                                    "or-pattern capture order".to_owned(),
                                ));
                            }
                            // Reorder to the control's order: move the first
                            // `istores + 1` captures up by `icontrol - istores`.
                            let rotations = istores + 1;
                            let rotated: Vec<&'a str> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.addop_j(Pseudo::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow_irrefutable;
        // No alternative matched: pop the remaining copy of the subject and fail.
        self.addop(Opcode::POP_TOP);
        self.jump_to_fail_pop(pc, Pseudo::Jump);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        // Between the new captures and their place: the other new captures, the
        // subject's copy, the items on top, and the earlier captures.
        let nrots = nstores + 1 + usize::try_from(pc.on_top).unwrap_or(0) + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error_duplicate_store(name));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.addop(Opcode::POP_TOP);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> ast::Constant {
        ast::Constant::Int(BigInt::from(i))
    }

    #[test]
    fn numeric_keys_compare_as_python() {
        assert!(const_key_eq(&int(1), &ast::Constant::Float(1.0)));
        assert!(const_key_eq(&int(1), &ast::Constant::Bool(true)));
        assert!(const_key_eq(&ast::Constant::Bool(false), &int(0)));
        assert!(const_key_eq(&ast::Constant::Float(-0.0), &int(0)));
        assert!(const_key_eq(
            &ast::Constant::Complex {
                real: 2.0,
                imag: 0.0
            },
            &int(2)
        ));
        assert!(!const_key_eq(
            &ast::Constant::Complex {
                real: 2.0,
                imag: 1.0
            },
            &int(2)
        ));
        assert!(!const_key_eq(&int(1), &ast::Constant::Float(1.5)));
        assert!(const_key_eq(
            &ast::Constant::Int(BigInt::from(1u128 << 100)),
            &ast::Constant::Float(2f64.powi(100))
        ));
        assert!(!const_key_eq(
            &ast::Constant::Int(BigInt::from((1u128 << 100) + 1)),
            &ast::Constant::Float(2f64.powi(100))
        ));
        assert!(const_key_eq(&int(-3), &ast::Constant::Float(-3.0)));
        assert!(!const_key_eq(&int(3), &ast::Constant::Float(f64::INFINITY)));
    }

    #[test]
    fn other_keys_compare_by_type_and_value() {
        let s = |v: &str| ast::Constant::Str(common::text::Text::from(v));
        assert!(const_key_eq(&s("a"), &s("a")));
        assert!(!const_key_eq(&s("a"), &s("b")));
        assert!(!const_key_eq(&s("0"), &int(0)));
        assert!(!const_key_eq(&ast::Constant::Bytes(b"a".to_vec()), &s("a")));
        assert!(!const_key_eq(
            &ast::Constant::None,
            &ast::Constant::Bool(false)
        ));
        assert!(const_key_eq(&ast::Constant::None, &ast::Constant::None));
    }

    #[test]
    fn names_are_shown_as_repr() {
        assert_eq!(repr_name("a"), "'a'");
    }
}
