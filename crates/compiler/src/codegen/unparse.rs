//! Annotations as strings under `from __future__ import annotations`
//! (`_PyAST_ExprAsUnicode`, CPython 3.11's `Python/ast_unparse.c`): a limited
//! unparser with CPython's precedence-driven parenthesization.

use common::repr;
use syntax::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Operator,
    UnaryOp,
};

/// Precedence levels (`PR_*`).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The source text CPython's unparser gives the annotation `e`.
pub(crate) fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

/// `append_repr`: a constant's repr, with infinities spelled `1e309`.
fn constant_repr(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Int(i) => repr::write_repr_int(out, i),
        Constant::Float(f) => {
            let s = repr::repr_float(*f);
            if f.is_infinite() {
                out.push_str(&s.replace("inf", "1e309"));
            } else {
                out.push_str(&s);
            }
        }
        Constant::Complex { real, imag } => {
            out.push_str(&repr::repr_complex(*real, *imag).replace("inf", "1e309"))
        }
        Constant::Str(s) => repr::write_repr_str(out, s),
        Constant::Bytes(b) => repr::write_repr_bytes(out, b),
        Constant::Tuple(items) => {
            out.push('(');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                constant_repr(out, it);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                out.push_str("frozenset()");
                return;
            }
            out.push_str("frozenset({");
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                constant_repr(out, it);
            }
            out.push_str("})");
        }
    }
}

fn open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn seq(out: &mut String, items: &[Expr], level: u8) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn arg(out: &mut String, a: &Arg) {
    out.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        expr(out, ann, PR_TEST);
    }
}

/// `append_ast_args`.
fn args(out: &mut String, args: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let posonly = args.posonlyargs.len();
    let positional: Vec<&Arg> = args.posonlyargs.iter().chain(&args.args).collect();
    let n = positional.len();
    for (i, a) in positional.iter().enumerate() {
        sep(out);
        arg(out, a);
        let di = i as isize - n as isize + args.defaults.len() as isize;
        if di >= 0 {
            out.push('=');
            expr(out, &args.defaults[di as usize], PR_TEST);
        }
        if posonly > 0 && i + 1 == posonly {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &args.vararg {
            arg(out, v);
        }
    }
    let n = args.kwonlyargs.len();
    for (i, a) in args.kwonlyargs.iter().enumerate() {
        sep(out);
        arg(out, a);
        let di = i as isize - n as isize + args.kw_defaults.len() as isize;
        if di >= 0 {
            if let Some(Some(d)) = args.kw_defaults.get(di as usize) {
                out.push('=');
                expr(out, d, PR_TEST);
            }
        }
    }
    if let Some(k) = &args.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k);
    }
}

fn comprehensions(out: &mut String, gens: &[Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

fn keyword(out: &mut String, k: &Keyword) {
    match &k.arg {
        None => out.push_str("**"),
        Some(a) => {
            out.push_str(a);
            out.push('=');
        }
    }
    expr(out, &k.value, PR_TEST);
}

/// `append_fstring_element`.
fn fstring_element(out: &mut String, e: &Expr, is_format_spec: bool) {
    match &e.kind {
        ExprKind::Constant {
            value: Constant::Str(s),
            ..
        } => {
            let s = s.to_string_lossy();
            out.push_str(&s.replace('{', "{{").replace('}', "}}"));
        }
        ExprKind::JoinedStr { values } => joined_str(out, values, is_format_spec),
        ExprKind::FormattedValue { .. } => formatted_value(out, e),
        _ => {}
    }
}

/// `append_joinedstr`.
fn joined_str(out: &mut String, values: &[Expr], is_format_spec: bool) {
    let mut body = String::new();
    for v in values {
        fstring_element(&mut body, v, is_format_spec);
    }
    if is_format_spec {
        out.push_str(&body);
    } else {
        out.push('f');
        repr::write_repr_rust_str(out, &body);
    }
}

/// `append_formattedvalue`.
fn formatted_value(out: &mut String, e: &Expr) {
    let ExprKind::FormattedValue {
        value,
        conversion,
        format_spec,
    } = &e.kind
    else {
        return;
    };
    let mut inner = String::new();
    expr(&mut inner, value, PR_TEST + 1);
    out.push_str(if inner.starts_with('{') { "{ " } else { "{" });
    out.push_str(&inner);
    match *conversion {
        97 => out.push_str("!a"),
        114 => out.push_str("!r"),
        115 => out.push_str("!s"),
        _ => {}
    }
    if let Some(spec) = format_spec {
        out.push(':');
        fstring_element(out, spec, true);
    }
    out.push('}');
}

/// `append_ast_expr`.
fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (text, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            open(out, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                expr(out, v, pr + 1);
            }
            close(out, level > pr);
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, pr) = match op {
                Operator::Add => (" + ", PR_ARITH),
                Operator::Sub => (" - ", PR_ARITH),
                Operator::Mult => (" * ", PR_TERM),
                Operator::MatMult => (" @ ", PR_TERM),
                Operator::Div => (" / ", PR_TERM),
                Operator::Mod => (" % ", PR_TERM),
                Operator::LShift => (" << ", PR_SHIFT),
                Operator::RShift => (" >> ", PR_SHIFT),
                Operator::BitOr => (" | ", PR_BOR),
                Operator::BitXor => (" ^ ", PR_BXOR),
                Operator::BitAnd => (" & ", PR_BAND),
                Operator::FloorDiv => (" // ", PR_TERM),
                Operator::Pow => (" ** ", PR_POWER),
            };
            let rassoc = u8::from(*op == Operator::Pow);
            open(out, level > pr);
            expr(out, left, pr + rassoc);
            out.push_str(text);
            expr(out, right, pr + 1 - rassoc);
            close(out, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            open(out, level > pr);
            out.push_str(text);
            expr(out, operand, pr);
            close(out, level > pr);
        }
        ExprKind::Lambda { args: a, body } => {
            open(out, level > PR_TEST);
            let positional = a.args.len() + a.posonlyargs.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            args(out, a);
            out.push_str(": ");
            expr(out, body, PR_TEST);
            close(out, level > PR_TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > PR_TEST);
            expr(out, body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, PR_TEST);
            close(out, level > PR_TEST);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_EXPR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            out.push('{');
            seq(out, elts, PR_TEST);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            expr(out, key, PR_TEST);
            out.push_str(": ");
            expr(out, value, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::Yield { value } => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST);
                out.push(')');
            }
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            expr(out, value, PR_TEST);
            out.push(')');
        }
        ExprKind::Await { value } => {
            open(out, level > PR_AWAIT);
            out.push_str("await ");
            expr(out, value, PR_ATOM);
            close(out, level > PR_AWAIT);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open(out, level > PR_CMP);
            expr(out, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, c, PR_CMP + 1);
            }
            close(out, level > PR_CMP);
        }
        ExprKind::Call {
            func,
            args: a,
            keywords,
        } => {
            expr(out, func, PR_ATOM);
            if let (
                [g @ Expr {
                    kind: ExprKind::GeneratorExp { .. },
                    ..
                }],
                [],
            ) = (a.as_slice(), keywords.as_slice())
            {
                expr(out, g, PR_TEST);
                return;
            }
            out.push('(');
            let mut first = true;
            for x in a {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, x, PR_TEST);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                keyword(out, k);
            }
            out.push(')');
        }
        ExprKind::Constant { value, kind } => {
            if matches!(value, Constant::Ellipsis) {
                out.push_str("...");
                return;
            }
            if let Some(k) = kind {
                out.push_str(k);
            }
            constant_repr(out, value);
        }
        ExprKind::JoinedStr { values } => joined_str(out, values, false),
        ExprKind::FormattedValue { .. } => formatted_value(out, e),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, PR_ATOM);
            let int = matches!(
                value.kind,
                ExprKind::Constant {
                    value: Constant::Int(_),
                    ..
                }
            );
            out.push_str(if int { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM);
            out.push('[');
            expr(out, slice, PR_TUPLE);
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, PR_EXPR);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST);
            }
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(out, elts, PR_TEST);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > PR_TUPLE);
            seq(out, elts, PR_TEST);
            if elts.len() == 1 {
                out.push(',');
            }
            close(out, level > PR_TUPLE);
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > PR_TUPLE);
            expr(out, target, PR_ATOM);
            out.push_str(" := ");
            expr(out, value, PR_ATOM);
            close(out, level > PR_TUPLE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unparse;
    use syntax::ast::{ExprKind, Mod, StmtKind};

    fn annotation(src: &str) -> String {
        let m = syntax::parse(src.as_bytes(), "<t>", syntax::Mode::Exec).unwrap();
        let Mod::Module { body, .. } = &m else {
            panic!()
        };
        let StmtKind::AnnAssign { annotation, .. } = &body[0].kind else {
            panic!()
        };
        assert!(!matches!(annotation.kind, ExprKind::Slice { .. }));
        unparse(annotation)
    }

    #[test]
    fn precedence_and_atoms() {
        assert_eq!(annotation("x: (a + b) * c"), "(a + b) * c");
        assert_eq!(annotation("x: a ** -b ** c"), "a ** (-b ** c)");
        assert_eq!(annotation("x: lambda: 1"), "lambda: 1");
        assert_eq!(annotation("x: (1, )"), "(1,)");
        assert_eq!(annotation("x: a[1:2, ::3]"), "a[1:2, ::3]");
        assert_eq!(annotation("x: f'{a!r:>{b}}'"), "f'{a!r:>{b}}'");
        assert_eq!(annotation("x: not a and b or c"), "not a and b or c");
    }
}
