//! Stripping, padding and tabs: `str.strip`, `lstrip`, `rstrip`, `center`, `ljust`,
//! `rjust`, `zfill`, `expandtabs`, as CPython 3.11 (`do_strip`, `do_argstrip`, `pad`,
//! `unicode_zfill_impl`, `unicode_expandtabs_impl`).

use super::{cps, text};
use crate::error::{check_alloc, TextError, TextResult};
use crate::text::Text;
use crate::unicode_props::is_space;

/// Which ends to strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StripSide {
    /// `lstrip`.
    Left,
    /// `rstrip`.
    Right,
    /// `strip`.
    Both,
}

/// `s.strip(chars)` / `lstrip` / `rstrip`: whitespace when `chars` is `None`, else any
/// code point of `chars`.
pub fn strip(s: &Text, chars: Option<&Text>, side: StripSide) -> Text {
    if let (Some(h), None) = (s.as_str(), chars) {
        let ws = |c: char| is_space(c as u32);
        return Text::from(match side {
            StripSide::Both => h.trim_matches(ws),
            StripSide::Left => h.trim_start_matches(ws),
            StripSide::Right => h.trim_end_matches(ws),
        });
    }
    let hay = cps(s);
    let set: Option<Vec<u32>> = chars.map(cps);
    let strip_it = |c: u32| match &set {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut i = 0;
    let mut j = hay.len();
    if side != StripSide::Right {
        while i < j && strip_it(hay[i]) {
            i += 1;
        }
    }
    if side != StripSide::Left {
        while j > i && strip_it(hay[j - 1]) {
            j -= 1;
        }
    }
    text(&hay[i..j])
}

/// CPython's `pad`: `left` and `right` copies of `fill` around `s`.
fn pad(hay: &[u32], left: usize, right: usize, fill: u32) -> TextResult<Text> {
    let total = hay.len().saturating_add(left).saturating_add(right);
    check_alloc(total.saturating_mul(4))?;
    let mut out = Vec::with_capacity(total);
    out.resize(left, fill);
    out.extend_from_slice(hay);
    out.resize(out.len() + right, fill);
    Ok(text(&out))
}

/// `s.center(width, fill)` (MemoryError if too wide to build), with CPython's rounding: the odd extra character goes left
/// when both the margin and `width` are odd.
pub fn center(s: &Text, width: isize, fill: u32) -> TextResult<Text> {
    let hay = cps(s);
    let len = hay.len() as isize;
    if width <= len {
        return Ok(s.clone());
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(&hay, left as usize, (marg - left) as usize, fill)
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &Text, width: isize, fill: u32) -> TextResult<Text> {
    let hay = cps(s);
    let len = hay.len() as isize;
    if width <= len {
        return Ok(s.clone());
    }
    pad(&hay, 0, (width - len) as usize, fill)
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &Text, width: isize, fill: u32) -> TextResult<Text> {
    let hay = cps(s);
    let len = hay.len() as isize;
    if width <= len {
        return Ok(s.clone());
    }
    pad(&hay, (width - len) as usize, 0, fill)
}

/// `s.zfill(width)`: zeros on the left, after a leading `+` or `-`.
pub fn zfill(s: &Text, width: isize) -> TextResult<Text> {
    let hay = cps(s);
    let len = hay.len() as isize;
    if width <= len {
        return Ok(s.clone());
    }
    let fill = (width - len) as usize;
    check_alloc((width as usize).saturating_mul(4))?;
    let mut out = Vec::with_capacity(width as usize);
    let rest = match hay.first() {
        Some(&c) if c == u32::from(b'+') || c == u32::from(b'-') => {
            out.push(c);
            &hay[1..]
        }
        _ => &hay[..],
    };
    out.resize(out.len() + fill, u32::from(b'0'));
    out.extend_from_slice(rest);
    Ok(text(&out))
}

/// `s.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple of
/// `tabsize` (none if `tabsize <= 0`); the column restarts after `\n` and `\r`.
/// OverflowError "result too long" past `isize::MAX`.
pub fn expandtabs(s: &Text, tabsize: i32) -> TextResult<Text> {
    let hay = cps(s);
    let mut out = Vec::with_capacity(hay.len());
    let mut column: usize = 0;
    let too_long = || TextError::overflow("result too long");
    for &c in &hay {
        if c == u32::from(b'\t') {
            if tabsize > 0 {
                let t = tabsize as usize;
                let incr = t - column % t;
                column = column.checked_add(incr).ok_or_else(too_long)?;
                let new_len = out.len().checked_add(incr).ok_or_else(too_long)?;
                if new_len > isize::MAX as usize {
                    return Err(too_long());
                }
                if out.try_reserve(incr).is_err() {
                    return Err(crate::error::TextError::new(
                        crate::error::ExcKind::MemoryError,
                        "",
                    ));
                }
                out.resize(new_len, u32::from(b' '));
            }
        } else {
            column += 1;
            out.push(c);
            if c == u32::from(b'\n') || c == u32::from(b'\r') {
                column = 0;
            }
        }
    }
    Ok(text(&out))
}
