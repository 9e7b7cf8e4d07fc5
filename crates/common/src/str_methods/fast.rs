//! Fast paths for text without lone surrogates: such text is a Rust `&str`, so the
//! standard library's substring search (two-way, no allocation) does the work. Each
//! function returns exactly what its general code-point version in the sibling files
//! returns; the differential tests run both (strings with and without surrogates).

use super::adjust_indices;
use crate::text::Text;

/// The code-point length of `s`.
fn cp_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The byte offset of code point `cp` in `s` (`s.len()` past the end).
fn byte_at(s: &str, cp: usize) -> usize {
    if s.is_ascii() {
        cp.min(s.len())
    } else {
        s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b)
    }
}

/// The code-point index of byte offset `b` (a char boundary) in `s`.
fn cp_at(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

/// The byte range of code points `start..end` of `s`, after `ADJUST_INDICES`, or
/// `None` when the slice cannot hold `needle_cps` code points (the search fails).
fn window(
    s: &str,
    start: Option<isize>,
    end: Option<isize>,
    needle_cps: usize,
) -> Option<(usize, usize, usize)> {
    let (start, end) = adjust_indices(start, end, cp_len(s));
    if end < start || end - start < needle_cps {
        return None;
    }
    Some((start, byte_at(s, start), byte_at(s, end)))
}

/// `str.find` on `&str`s.
pub(super) fn find(h: &str, n: &str, start: Option<isize>, end: Option<isize>) -> isize {
    let Some((start_cp, bs, be)) = window(h, start, end, cp_len(n)) else {
        return -1;
    };
    h[bs..be]
        .find(n)
        .map_or(-1, |i| (start_cp + cp_at(&h[bs..], i)) as isize)
}

/// `str.rfind` on `&str`s.
pub(super) fn rfind(h: &str, n: &str, start: Option<isize>, end: Option<isize>) -> isize {
    let Some((start_cp, bs, be)) = window(h, start, end, cp_len(n)) else {
        return -1;
    };
    h[bs..be]
        .rfind(n)
        .map_or(-1, |i| (start_cp + cp_at(&h[bs..], i)) as isize)
}

/// `str.count` on `&str`s.
pub(super) fn count(h: &str, n: &str, start: Option<isize>, end: Option<isize>) -> usize {
    let Some((start_cp, bs, be)) = window(h, start, end, cp_len(n)) else {
        return 0;
    };
    if n.is_empty() {
        let (_, end_cp) = adjust_indices(start, end, cp_len(h));
        return end_cp - start_cp + 1;
    }
    h[bs..be].matches(n).count()
}

/// `str.startswith` / `str.endswith` for one affix on `&str`s.
pub(super) fn tailmatch(
    h: &str,
    n: &str,
    start: Option<isize>,
    end: Option<isize>,
    at_end: bool,
) -> bool {
    let n_cps = cp_len(n);
    let (start_cp, end_cp) = adjust_indices(start, end, cp_len(h));
    match end_cp.checked_sub(n_cps) {
        Some(last) if last >= start_cp => {}
        _ => return false,
    }
    let slice = &h[byte_at(h, start_cp)..byte_at(h, end_cp)];
    if at_end {
        slice.ends_with(n)
    } else {
        slice.starts_with(n)
    }
}

/// `str.replace` on `&str`s with a non-empty `old`.
pub(super) fn replace(h: &str, old: &str, new: &str, count: isize) -> Text {
    if count < 0 {
        Text::from(h.replace(old, new))
    } else {
        Text::from(h.replacen(old, new, count as usize))
    }
}

/// `str.split(sep, maxsplit)` on `&str`s with a non-empty `sep`.
pub(super) fn split(h: &str, sep: &str, maxsplit: isize) -> Vec<Text> {
    if maxsplit < 0 {
        h.split(sep).map(Text::from).collect()
    } else {
        h.splitn((maxsplit as usize).saturating_add(1), sep)
            .map(Text::from)
            .collect()
    }
}

/// `str.rsplit(sep, maxsplit)` on `&str`s with a non-empty `sep`.
pub(super) fn rsplit(h: &str, sep: &str, maxsplit: isize) -> Vec<Text> {
    let mut v: Vec<Text> = if maxsplit < 0 {
        h.rsplit(sep).map(Text::from).collect()
    } else {
        h.rsplitn((maxsplit as usize).saturating_add(1), sep)
            .map(Text::from)
            .collect()
    };
    v.reverse();
    v
}

/// `str.partition` on `&str`s with a non-empty `sep`.
pub(super) fn partition(h: &str, sep: &str, from_right: bool) -> (Text, Text, Text) {
    let found = if from_right {
        h.rfind(sep)
    } else {
        h.find(sep)
    };
    match found {
        Some(i) => (
            Text::from(&h[..i]),
            Text::from(sep),
            Text::from(&h[i + sep.len()..]),
        ),
        None if from_right => (Text::new(), Text::new(), Text::from(h)),
        None => (Text::from(h), Text::new(), Text::new()),
    }
}

/// `str.split(None, maxsplit)` on a `&str`: runs of whitespace separate, none kept.
pub(super) fn split_whitespace(h: &str, maxsplit: isize) -> Vec<Text> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let ws = |c: char| crate::unicode_props::is_space(c as u32);
    let mut out = Vec::new();
    let mut it = h.char_indices().peekable();
    loop {
        while it.next_if(|&(_, c)| ws(c)).is_some() {}
        let Some(&(start, _)) = it.peek() else {
            break;
        };
        if out.len() == limit {
            out.push(Text::from(&h[start..]));
            break;
        }
        while it.next_if(|&(_, c)| !ws(c)).is_some() {}
        let end = it.peek().map_or(h.len(), |&(i, _)| i);
        out.push(Text::from(&h[start..end]));
    }
    out
}

/// `str.rsplit(None, maxsplit)` on a `&str`.
pub(super) fn rsplit_whitespace(h: &str, maxsplit: isize) -> Vec<Text> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let ws = |c: char| crate::unicode_props::is_space(c as u32);
    let mut out = Vec::new();
    let mut it = h.char_indices().rev().peekable();
    loop {
        while it.next_if(|&(_, c)| ws(c)).is_some() {}
        let Some(&(last, c)) = it.peek() else {
            break;
        };
        let end = last + c.len_utf8();
        if out.len() == limit {
            out.push(Text::from(&h[..end]));
            break;
        }
        while it.next_if(|&(_, c)| !ws(c)).is_some() {}
        let start = it.peek().map_or(0, |&(i, c)| i + c.len_utf8());
        out.push(Text::from(&h[start..end]));
    }
    out.reverse();
    out
}
