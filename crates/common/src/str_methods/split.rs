//! Splitting: `str.split`, `rsplit`, `splitlines`, `partition`, `rpartition`, as
//! CPython 3.11's `stringlib/split.h` and `partition.h`.

use super::{cps, fast, text};
use crate::error::{TextError, TextResult};
use crate::text::Text;
use crate::unicode_props::is_space;

fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

/// `s.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace and drops empty
/// pieces; a negative `maxsplit` means no limit. "empty separator" for `sep == ''`.
pub fn split(s: &Text, sep: Option<&Text>, maxsplit: isize) -> TextResult<Vec<Text>> {
    if let (None, Some(h)) = (sep, s.as_str()) {
        return Ok(fast::split_whitespace(h, maxsplit));
    }
    if let Some(sep) = sep {
        if sep.is_empty() {
            return Err(empty_separator());
        }
        if let (Some(h), Some(n)) = (s.as_str(), sep.as_str()) {
            return Ok(fast::split(h, n, maxsplit));
        }
    }
    let hay = cps(s);
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let n = hay.len();
            let mut splits = 0;
            loop {
                while i < n && is_space(hay[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if splits == limit {
                    // The rest, trailing whitespace included.
                    out.push(text(&hay[i..]));
                    break;
                }
                let j = i;
                while i < n && !is_space(hay[i]) {
                    i += 1;
                }
                out.push(text(&hay[j..i]));
                splits += 1;
            }
        }
        Some(sep) => {
            let needle = cps(sep);
            if needle.is_empty() {
                return Err(empty_separator());
            }
            let mut pos = 0;
            let mut splits = 0;
            while splits < limit {
                let Some(i) = find_from(&hay, &needle, pos) else {
                    break;
                };
                out.push(text(&hay[pos..i]));
                pos = i + needle.len();
                splits += 1;
            }
            out.push(text(&hay[pos..]));
        }
    }
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`: like [`split`] but splitting from the right.
pub fn rsplit(s: &Text, sep: Option<&Text>, maxsplit: isize) -> TextResult<Vec<Text>> {
    if let (None, Some(h)) = (sep, s.as_str()) {
        return Ok(fast::rsplit_whitespace(h, maxsplit));
    }
    if let Some(sep) = sep {
        if sep.is_empty() {
            return Err(empty_separator());
        }
        if let (Some(h), Some(n)) = (s.as_str(), sep.as_str()) {
            return Ok(fast::rsplit(h, n, maxsplit));
        }
    }
    let hay = cps(s);
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = hay.len();
            let mut splits = 0;
            loop {
                while i > 0 && is_space(hay[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if splits == limit {
                    out.push(text(&hay[..i]));
                    break;
                }
                let j = i;
                while i > 0 && !is_space(hay[i - 1]) {
                    i -= 1;
                }
                out.push(text(&hay[i..j]));
                splits += 1;
            }
        }
        Some(sep) => {
            let needle = cps(sep);
            if needle.is_empty() {
                return Err(empty_separator());
            }
            let mut end = hay.len();
            let mut splits = 0;
            while splits < limit {
                let Some(i) = rfind_before(&hay[..end], &needle) else {
                    break;
                };
                out.push(text(&hay[i + needle.len()..end]));
                end = i;
                splits += 1;
            }
            out.push(text(&hay[..end]));
        }
    }
    out.reverse();
    Ok(out)
}

fn find_from(hay: &[u32], needle: &[u32], from: usize) -> Option<usize> {
    crate::substring::find(hay, needle, from)
}

fn rfind_before(hay: &[u32], needle: &[u32]) -> Option<usize> {
    crate::substring::rfind(hay, needle)
}

/// Whether `c` ends a line for `str.splitlines` (`\n \r \v \f \x1c \x1d \x1e \x85
/// U+2028 U+2029`; `\r\n` counts as one).
pub fn is_line_break(c: u32) -> bool {
    matches!(c, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &Text, keepends: bool) -> Vec<Text> {
    let hay = cps(s);
    let n = hay.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        while i < n && !is_line_break(hay[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if hay[i] == 0x0D && hay.get(i + 1) == Some(&0x0A) {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(text(&hay[start..eol]));
    }
    out
}

/// `s.partition(sep)`: `(before, sep, after)` at the first `sep`, or `(s, '', '')`.
pub fn partition(s: &Text, sep: &Text) -> TextResult<(Text, Text, Text)> {
    if let (Some(h), Some(n)) = (s.as_str(), sep.as_str()) {
        if n.is_empty() {
            return Err(empty_separator());
        }
        return Ok(fast::partition(h, n, false));
    }
    let hay = cps(s);
    let needle = cps(sep);
    if needle.is_empty() {
        return Err(empty_separator());
    }
    Ok(match find_from(&hay, &needle, 0) {
        Some(i) => (text(&hay[..i]), sep.clone(), text(&hay[i + needle.len()..])),
        None => (s.clone(), Text::new(), Text::new()),
    })
}

/// `s.rpartition(sep)`: `(before, sep, after)` at the last `sep`, or `('', '', s)`.
pub fn rpartition(s: &Text, sep: &Text) -> TextResult<(Text, Text, Text)> {
    if let (Some(h), Some(n)) = (s.as_str(), sep.as_str()) {
        if n.is_empty() {
            return Err(empty_separator());
        }
        return Ok(fast::partition(h, n, true));
    }
    let hay = cps(s);
    let needle = cps(sep);
    if needle.is_empty() {
        return Err(empty_separator());
    }
    Ok(match rfind_before(&hay, &needle) {
        Some(i) => (text(&hay[..i]), sep.clone(), text(&hay[i + needle.len()..])),
        None => (Text::new(), Text::new(), s.clone()),
    })
}
