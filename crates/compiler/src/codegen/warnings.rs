//! The `SyntaxWarning`s CPython 3.11's code generator raises (`compiler_warn`):
//! `is` with a literal, calling or subscripting a literal that cannot support it,
//! indexing a literal sequence with a literal of the wrong type, and `assert` of a
//! non-empty tuple. They are collected on the [`Compiler`] with their line, for the
//! caller to issue through the `warnings` machinery.

use syntax::ast::{CmpOp, Constant, Expr, ExprKind};

use super::Compiler;

/// One compile-time `SyntaxWarning`: its message and line (`compiler_warn`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    /// The warning text.
    pub msg: String,
    /// The line it is reported at.
    pub lineno: i32,
}

/// The type name of a constant (`Py_TYPE(value)->tp_name`).
fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
    }
}

/// `infer_type`: the type name an expression certainly has, if known.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant { value, .. } => constant_type(value),
        _ => return None,
    })
}

/// `check_is_arg`: false for a constant other than `None`, `True`, `False`, `...`.
fn is_arg(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant { value, .. } => matches!(
            value,
            Constant::None | Constant::Bool(_) | Constant::Ellipsis
        ),
        _ => true,
    }
}

impl<'a> Compiler<'a> {
    /// `compiler_warn`: record a warning at the current line.
    pub(crate) fn warn(&mut self, msg: String) {
        let lineno = self.loc().lineno;
        self.warnings.push(CompileWarning { msg, lineno });
    }

    /// `check_compare`: `is` / `is not` with a literal operand.
    pub(crate) fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let mut left_ok = is_arg(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = is_arg(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!right_ok || !left_ok) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.to_owned());
                return;
            }
            left_ok = right_ok;
        }
    }

    /// `check_caller`: calling a literal.
    pub(crate) fn check_caller(&mut self, func: &Expr) {
        let callable_literal = matches!(
            func.kind,
            ExprKind::Constant { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::FormattedValue { .. }
        );
        if let (true, Some(t)) = (callable_literal, infer_type(func)) {
            self.warn(format!(
                "'{t}' object is not callable; perhaps you missed a comma?"
            ));
        }
    }

    /// `check_subscripter` and `check_index`: subscripting a literal that cannot
    /// be subscripted, or indexing a literal sequence with a literal non-integer.
    pub(crate) fn check_subscript(&mut self, value: &Expr, slice: &Expr) {
        let not_subscriptable = match &value.kind {
            ExprKind::Constant { value: c, .. } => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Int(_)
                    | Constant::Bool(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if not_subscriptable {
            if let Some(t) = infer_type(value) {
                self.warn(format!(
                    "'{t}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
            return;
        }
        let Some(index_type) = infer_type(slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match &value.kind {
            ExprKind::Constant { value: c, .. } => {
                matches!(
                    c,
                    Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
                )
            }
            ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. } => true,
            _ => false,
        };
        if let (true, Some(t)) = (sequence, infer_type(value)) {
            self.warn(format!(
                "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
            ));
        }
    }

    /// `compiler_assert`'s check: `assert (x, y)` is always true.
    pub(crate) fn check_assert(&mut self, test: &Expr) {
        let nonempty_tuple = match &test.kind {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            ExprKind::Constant {
                value: Constant::Tuple(items),
                ..
            } => !items.is_empty(),
            _ => false,
        };
        if nonempty_tuple {
            self.warn("assertion is always true, perhaps remove parentheses?".to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    /// The warnings python3 (3.11.7) gives for each snippet, with
    /// `warnings.simplefilter("always")`.
    const CASES: &[(&str, &[&str])] = &[
        ("x is 1", &["\"is\" with a literal. Did you mean \"==\"?"]),
        (
            "if x is not 'a': pass",
            &["\"is not\" with a literal. Did you mean \"!=\"?"],
        ),
        (
            "(1)(2)",
            &["'int' object is not callable; perhaps you missed a comma?"],
        ),
        (
            "[1,2](3)",
            &["'list' object is not callable; perhaps you missed a comma?"],
        ),
        (
            "f'x'()",
            &["'str' object is not callable; perhaps you missed a comma?"],
        ),
        (
            "(x for x in y)()",
            &["'generator' object is not callable; perhaps you missed a comma?"],
        ),
        (
            "1[2]",
            &["'int' object is not subscriptable; perhaps you missed a comma?"],
        ),
        (
            "None[0]",
            &["'NoneType' object is not subscriptable; perhaps you missed a comma?"],
        ),
        (
            "{1}[0]",
            &["'set' object is not subscriptable; perhaps you missed a comma?"],
        ),
        (
            "(lambda: 0)[1]",
            &["'function' object is not subscriptable; perhaps you missed a comma?"],
        ),
        (
            "'abc'[1.0]",
            &["str indices must be integers or slices, not float; perhaps you missed a comma?"],
        ),
        (
            "[1,2]['a']",
            &["list indices must be integers or slices, not str; perhaps you missed a comma?"],
        ),
        ("(1,2)[x]", &[]),
        (
            "[1][(1,2)]",
            &["list indices must be integers or slices, not tuple; perhaps you missed a comma?"],
        ),
        (
            "assert (x, 'msg')",
            &["assertion is always true, perhaps remove parentheses?"],
        ),
        (
            "x = 1 is 2 is 3",
            &["\"is\" with a literal. Did you mean \"==\"?"],
        ),
        (
            "True[0]",
            &["'bool' object is not subscriptable; perhaps you missed a comma?"],
        ),
        (
            "x = b'a'['s']",
            &["bytes indices must be integers or slices, not str; perhaps you missed a comma?"],
        ),
        (
            "x = f'{a}'[f'b']",
            &["str indices must be integers or slices, not str; perhaps you missed a comma?"],
        ),
        (
            "x = 1 < 2 is None",
            &["\"is\" with a literal. Did you mean \"==\"?"],
        ),
        ("x = a is None", &[]),
    ];

    #[test]
    fn warnings_match_cpython() {
        for (src, want) in CASES {
            let options = crate::CompileOptions::default();
            let (_, got) =
                crate::compile_with_options(src.as_bytes(), "<s>", syntax::Mode::Exec, options)
                    .unwrap();
            let got: Vec<&str> = got.iter().map(|w| w.msg.as_str()).collect();
            assert_eq!(&got, want, "{src}");
        }
    }
}
