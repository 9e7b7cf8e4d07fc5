//! `str` methods over [`Text`] with CPython 3.11's exact semantics
//! (`Objects/unicodeobject.c` and `Objects/stringlib/`), one file per family. Methods
//! work on code points, so lone surrogates behave as in CPython.

pub mod case;
mod fast;
pub mod pad;
pub mod predicates;
pub mod search;
pub mod split;

use crate::text::Text;

/// The code points of `t`.
pub(crate) fn cps(t: &Text) -> Vec<u32> {
    t.code_points().collect()
}

/// Text from code points.
pub(crate) fn text(cps: &[u32]) -> Text {
    let mut t = Text::with_capacity(cps.len());
    for &c in cps {
        t.push_code_point(c);
    }
    t
}

/// CPython's `ADJUST_INDICES`: slice-style `start`/`end` (`None` = omitted) for a
/// string of `len` code points. `end` is clamped to `0..=len`; `start` only from below,
/// so a `start` past the end stays there (and makes searches fail).
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let len_i = len as isize;
    let end = match end {
        None => len,
        Some(e) if e > len_i => len,
        Some(e) if e < 0 => (e + len_i).max(0) as usize,
        Some(e) => e as usize,
    };
    let start = match start {
        None => 0,
        Some(s) if s < 0 => (s + len_i).max(0) as usize,
        Some(s) => s as usize,
    };
    (start, end)
}
