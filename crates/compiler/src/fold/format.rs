//! `%`-formatting of a str constant by a tuple display, turned into an f-string:
//! CPython 3.11's `optimize_format` in `Python/ast_opt.c` (with `parse_literal`,
//! `simple_format_arg_parse` and `parse_format`), called by `fold_binop`.
//!
//! `'x%sy%-5.2r' % (a, b)` becomes `f'x{a!s}y{b!r:5.2}'`, so the code generator
//! emits `FORMAT_VALUE`/`BUILD_STRING` instead of `BINARY_OP %`. Only the simple
//! units are converted: optional flags (`-+ #0`, of which only `-` matters), a width
//! and a precision of at most two digits each, and the conversion `s`, `r` or `a`;
//! `%%` becomes `%`. Anything else (another conversion, `*`, `(name)`, a three-digit
//! width, a `%` at the end, fewer or more items than units) leaves the node as it
//! was.
//!
//! Positions, as CPython gives them: the `JoinedStr` takes the `BinOp`'s; each
//! `FormattedValue` takes its item's; the literal parts and the format specs are
//! `Constant`s with no position (CPython's `-1`s, [`NO_POSITION`] here), which the
//! flow graph later gives the previous instruction's location.

use common::text::Text;
use syntax::ast::{Constant, Expr, ExprKind, Location, Operator};

/// A node position meaning "none" (CPython's `-1` for all four fields): every field
/// is `u32::MAX`, which the code generator reads as `-1`.
pub const NO_POSITION: Location = Location {
    lineno: u32::MAX,
    col_offset: u32::MAX,
    end_lineno: u32::MAX,
    end_col_offset: u32::MAX,
};

/// `MAXDIGITS`: a width or precision of this many digits is not converted.
const MAX_DIGITS: u32 = 3;

/// One part of the converted format string.
#[derive(Debug, PartialEq, Eq)]
enum Part {
    /// Literal text, `%%` already collapsed.
    Literal(Text),
    /// A format unit applied to the next item: the conversion character and the
    /// format spec, if any.
    Unit {
        conversion: u8,
        spec: Option<String>,
    },
}

/// `parse_literal`: the text from `pos` up to the next lone `%` (or the end), with
/// `%%` collapsed; `Ok(None)` if there is none. `Err` only if the text could not be
/// rebuilt (never, for well-formed generalized UTF-8): the caller then bails.
fn parse_literal(fmt: &[u8], pos: &mut usize) -> Result<Option<Text>, ()> {
    let start = *pos;
    let mut p = start;
    let mut has_percents = false;
    while p < fmt.len() {
        if fmt[p] != b'%' {
            p += 1;
        } else if fmt.get(p + 1) == Some(&b'%') {
            has_percents = true;
            p += 2;
        } else {
            break;
        }
    }
    *pos = p;
    if p == start {
        return Ok(None);
    }
    let raw = &fmt[start..p];
    let bytes: Vec<u8> = if has_percents {
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            out.push(raw[i]);
            i += if raw[i] == b'%' && raw.get(i + 1) == Some(&b'%') {
                2
            } else {
                1
            };
        }
        out
    } else {
        raw.to_vec()
    };
    // The slice boundaries are ASCII bytes and only `%` bytes were removed, so the
    // generalized UTF-8 stays well formed.
    Text::from_generalized_utf8(&bytes).map(Some).ok_or(())
}

/// Up to two decimal digits starting with `first` (`simple_format_arg_parse`'s
/// width and precision loops): the value and the character after them, or `None`
/// when the text ends or a third digit follows.
fn parse_number(fmt: &[u8], pos: &mut usize, first: u8) -> Option<(u32, u8)> {
    let mut ch = first;
    let mut value = 0u32;
    let mut digits = 0u32;
    while ch.is_ascii_digit() {
        value = value * 10 + u32::from(ch - b'0');
        ch = next_char(fmt, pos)?;
        digits += 1;
        if digits >= MAX_DIGITS {
            return None;
        }
    }
    Some((value, ch))
}

/// `NEXTC`: the byte at `pos`, advancing; `None` at the end.
fn next_char(fmt: &[u8], pos: &mut usize) -> Option<u8> {
    let ch = *fmt.get(*pos)?;
    *pos += 1;
    Some(ch)
}

/// `simple_format_arg_parse` then `parse_format`, for the unit after a `%` at
/// `pos`: the conversion and format spec, or `None` if the unit is not one that
/// is converted. A non-ASCII conversion character is read as its first byte, which
/// is never `s`, `r` or `a`, so it is refused as CPython refuses the code point.
fn parse_unit(fmt: &[u8], pos: &mut usize) -> Option<Part> {
    let mut left_justify = false;
    let mut ch;
    loop {
        ch = next_char(fmt, pos)?;
        match ch {
            b'-' => left_justify = true,
            b'+' | b' ' | b'#' | b'0' => {}
            _ => break,
        }
    }
    let mut width = None;
    if ch.is_ascii_digit() {
        let (w, next) = parse_number(fmt, pos, ch)?;
        width = Some(w);
        ch = next;
    }
    let mut precision = None;
    if ch == b'.' {
        ch = next_char(fmt, pos)?;
        let (p, next) = parse_number(fmt, pos, ch)?;
        precision = Some(p);
        ch = next;
    }
    if !matches!(ch, b's' | b'r' | b'a') {
        return None;
    }
    let mut spec = String::new();
    if let Some(w) = width {
        if !left_justify && w > 0 {
            spec.push('>');
        }
        spec.push_str(&w.to_string());
    }
    if let Some(p) = precision {
        spec.push('.');
        spec.push_str(&p.to_string());
    }
    Some(Part::Unit {
        conversion: ch,
        spec: (!spec.is_empty()).then_some(spec),
    })
}

/// The parts of `fmt` applied to `items` items, or `None` if CPython leaves the
/// expression alone (an unsupported unit, or a count mismatch).
fn parse(fmt: &Text, items: usize) -> Option<Vec<Part>> {
    let fmt = fmt.as_bytes();
    let mut pos = 0;
    let mut used = 0;
    let mut parts = Vec::new();
    loop {
        if let Some(lit) = parse_literal(fmt, &mut pos).ok()? {
            parts.push(Part::Literal(lit));
        }
        if pos >= fmt.len() {
            break;
        }
        if used >= items {
            return None;
        }
        pos += 1; // the `%`
        parts.push(parse_unit(fmt, &mut pos)?);
        used += 1;
    }
    (used == items).then_some(parts)
}

/// A str constant with no position (a literal part or a format spec).
fn unplaced_str(s: Text) -> Expr {
    Expr {
        kind: ExprKind::Constant {
            value: Constant::Str(s),
            kind: None,
        },
        loc: NO_POSITION,
    }
}

/// `optimize_format`: if `e` is `STR % (ITEMS)` with no starred item and every
/// unit of `STR` converts, turn it into the equivalent `JoinedStr` (at `e`'s
/// position) and return true; otherwise leave it untouched.
pub fn optimize_format(e: &mut Expr) -> bool {
    let ExprKind::BinOp {
        left,
        op: Operator::Mod,
        right,
    } = &mut e.kind
    else {
        return false;
    };
    let ExprKind::Constant {
        value: Constant::Str(fmt),
        ..
    } = &left.kind
    else {
        return false;
    };
    let ExprKind::Tuple { elts, .. } = &mut right.kind else {
        return false;
    };
    if elts
        .iter()
        .any(|x| matches!(x.kind, ExprKind::Starred { .. }))
    {
        return false;
    }
    let Some(parts) = parse(fmt, elts.len()) else {
        return false;
    };
    let mut items = std::mem::take(elts).into_iter();
    let mut values = Vec::with_capacity(parts.len());
    for part in parts {
        match part {
            Part::Literal(text) => values.push(unplaced_str(text)),
            Part::Unit { conversion, spec } => {
                // `parse` matched one unit to each item.
                let Some(item) = items.next() else {
                    return false;
                };
                let loc = item.loc;
                values.push(Expr {
                    kind: ExprKind::FormattedValue {
                        value: Box::new(item),
                        conversion: i32::from(conversion),
                        format_spec: spec.map(|s| Box::new(unplaced_str(Text::from(s.as_str())))),
                    },
                    loc,
                });
            }
        }
    }
    e.kind = ExprKind::JoinedStr { values };
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(fmt: &str, items: usize) -> Option<Vec<Part>> {
        parse(&Text::from(fmt), items)
    }

    fn unit(c: u8, spec: Option<&str>) -> Part {
        Part::Unit {
            conversion: c,
            spec: spec.map(String::from),
        }
    }

    fn lit(s: &str) -> Part {
        Part::Literal(Text::from(s))
    }

    #[test]
    fn simple_units_and_literals() {
        assert_eq!(
            parts("%s-%r", 2),
            Some(vec![unit(b's', None), lit("-"), unit(b'r', None)])
        );
        assert_eq!(
            parts("x%%y%a%%", 1),
            Some(vec![lit("x%y"), unit(b'a', None), lit("%")])
        );
        assert_eq!(parts("%%", 0), Some(vec![lit("%")]));
        assert_eq!(parts("", 0), Some(vec![]));
    }

    #[test]
    fn flags_width_and_precision_make_the_spec() {
        assert_eq!(parts("%5s", 1), Some(vec![unit(b's', Some(">5"))]));
        assert_eq!(parts("%-5s", 1), Some(vec![unit(b's', Some("5"))]));
        assert_eq!(parts("%05.2r", 1), Some(vec![unit(b'r', Some(">5.2"))]));
        assert_eq!(parts("%0s", 1), Some(vec![unit(b's', None)]));
        assert_eq!(parts("%00s", 1), Some(vec![unit(b's', None)]));
        assert_eq!(parts("%-0s", 1), Some(vec![unit(b's', None)]));
        assert_eq!(parts("%.s", 1), Some(vec![unit(b's', Some(".0"))]));
        assert_eq!(
            parts("%+ #99.99a", 1),
            Some(vec![unit(b'a', Some(">99.99"))])
        );
    }

    #[test]
    fn unsupported_units_and_count_mismatches_bail() {
        assert_eq!(parts("%d", 1), None);
        assert_eq!(parts("%100s", 1), None);
        assert_eq!(parts("%.100s", 1), None);
        assert_eq!(parts("%*s", 2), None);
        assert_eq!(parts("%(a)s", 1), None);
        assert_eq!(parts("%s%", 1), None);
        assert_eq!(parts("%s", 2), None);
        assert_eq!(parts("%s%s", 1), None);
        assert_eq!(parts("%s", 0), None);
        assert_eq!(parts("%\u{e9}", 1), None);
        assert_eq!(parts("%5", 1), None);
    }
}
