//! Case conversion: `str.upper`, `lower`, `casefold`, `capitalize`, `title`, `swapcase`
//! with full Unicode 14.0 mappings (ß → SS) and the final-sigma rule, as CPython 3.11's
//! `do_upper`, `do_lower`, `do_casefold`, `do_capitalize`, `do_title`, `do_swapcase`.

use super::{cps, text};
use crate::text::Text;
use crate::unicode_props::{
    is_case_ignorable, is_cased, is_lower, is_upper, map_case, CaseMapping,
};

const CAPITAL_SIGMA: u32 = 0x3A3;
const SMALL_SIGMA: u32 = 0x3C3;
const FINAL_SIGMA: u32 = 0x3C2;

/// Whether the capital sigma at `i` ends a word (CPython's `final_sigma`): a cased
/// letter before it and none after it, skipping case-ignorable characters.
fn is_final_sigma(s: &[u32], i: usize) -> bool {
    let before = s[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = s[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

/// CPython's `lower_ucs4`: the lower-case mapping of `s[i]` with the sigma rule.
fn lower_at(s: &[u32], i: usize, out: &mut Vec<u32>) {
    let c = s[i];
    if c == CAPITAL_SIGMA {
        out.push(if is_final_sigma(s, i) {
            FINAL_SIGMA
        } else {
            SMALL_SIGMA
        });
    } else {
        map_case(c, CaseMapping::Lower, &mut |m| out.push(m));
    }
}

fn map_all(t: &Text, mapping: CaseMapping) -> Text {
    let mut out = Vec::with_capacity(t.as_bytes().len());
    for c in t.code_points() {
        map_case(c, mapping, &mut |m| out.push(m));
    }
    text(&out)
}

/// `str.upper()`.
pub fn upper(t: &Text) -> Text {
    if let Some(s) = t.as_str().filter(|s| s.is_ascii()) {
        return Text::from(s.to_ascii_uppercase());
    }
    map_all(t, CaseMapping::Upper)
}

/// `str.casefold()`.
pub fn casefold(t: &Text) -> Text {
    map_all(t, CaseMapping::Fold)
}

/// `str.lower()`, with Σ → ς at the end of a word.
pub fn lower(t: &Text) -> Text {
    if let Some(s) = t.as_str().filter(|s| s.is_ascii()) {
        return Text::from(s.to_ascii_lowercase());
    }
    let s = cps(t);
    let mut out = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        lower_at(&s, i, &mut out);
    }
    text(&out)
}

/// `str.capitalize()`: the first character title-cased, the rest lower-cased.
pub fn capitalize(t: &Text) -> Text {
    let s = cps(t);
    let mut out = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        if i == 0 {
            map_case(s[0], CaseMapping::Title, &mut |m| out.push(m));
        } else {
            lower_at(&s, i, &mut out);
        }
    }
    text(&out)
}

/// `str.title()`: title-case after uncased characters, lower-case after cased ones.
pub fn title(t: &Text) -> Text {
    let s = cps(t);
    let mut out = Vec::with_capacity(s.len());
    let mut previous_is_cased = false;
    for i in 0..s.len() {
        if previous_is_cased {
            lower_at(&s, i, &mut out);
        } else {
            map_case(s[i], CaseMapping::Title, &mut |m| out.push(m));
        }
        previous_is_cased = is_cased(s[i]);
    }
    text(&out)
}

/// `str.swapcase()`: uppercase characters lowered (with the sigma rule), lowercase ones
/// uppercased.
pub fn swapcase(t: &Text) -> Text {
    let s = cps(t);
    let mut out = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        let c = s[i];
        if is_upper(c) {
            lower_at(&s, i, &mut out);
        } else if is_lower(c) {
            map_case(c, CaseMapping::Upper, &mut |m| out.push(m));
        } else {
            out.push(c);
        }
    }
    text(&out)
}
