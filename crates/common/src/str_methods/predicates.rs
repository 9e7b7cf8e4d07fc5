//! The `str.is*` predicates (`unicode_isdigit_impl` and friends), as CPython 3.11.

use crate::text::Text;
use crate::unicode_props as u;

/// Whether `t` is non-empty and every code point satisfies `pred`.
fn all_nonempty(t: &Text, pred: impl Fn(u32) -> bool) -> bool {
    !t.is_empty() && t.code_points().all(pred)
}

/// `str.isdecimal()`.
pub fn isdecimal(t: &Text) -> bool {
    all_nonempty(t, u::is_decimal)
}

/// `str.isdigit()`.
pub fn isdigit(t: &Text) -> bool {
    all_nonempty(t, u::is_digit)
}

/// `str.isnumeric()`.
pub fn isnumeric(t: &Text) -> bool {
    all_nonempty(t, u::is_numeric)
}

/// `str.isalpha()`.
pub fn isalpha(t: &Text) -> bool {
    all_nonempty(t, u::is_alpha)
}

/// `str.isalnum()`: every character alpha, decimal, digit or numeric.
pub fn isalnum(t: &Text) -> bool {
    all_nonempty(t, u::is_alnum)
}

/// `str.isspace()`.
pub fn isspace(t: &Text) -> bool {
    all_nonempty(t, u::is_space)
}

/// `str.isprintable()` (true for the empty string).
pub fn isprintable(t: &Text) -> bool {
    t.code_points().all(u::is_printable)
}

/// `str.isascii()` (true for the empty string).
pub fn isascii(t: &Text) -> bool {
    t.is_ascii()
}

/// `str.isidentifier()`: XID_Start or `_`, then XID_Continue.
pub fn isidentifier(t: &Text) -> bool {
    let mut it = t.code_points();
    match it.next() {
        Some(c) if u::is_id_start(c) => it.all(u::is_id_continue),
        _ => false,
    }
}

/// `str.islower()`: no uppercase or titlecase character and at least one lowercase.
pub fn islower(t: &Text) -> bool {
    let mut cased = false;
    for c in t.code_points() {
        if u::is_upper(c) || u::is_title(c) {
            return false;
        }
        cased |= u::is_lower(c);
    }
    cased
}

/// `str.isupper()`: no lowercase or titlecase character and at least one uppercase.
pub fn isupper(t: &Text) -> bool {
    let mut cased = false;
    for c in t.code_points() {
        if u::is_lower(c) || u::is_title(c) {
            return false;
        }
        cased |= u::is_upper(c);
    }
    cased
}

/// `str.istitle()`: upper/titlecase only after uncased characters, lowercase only after
/// cased ones, and at least one cased character.
pub fn istitle(t: &Text) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in t.code_points() {
        if u::is_upper(c) || u::is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if u::is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}
