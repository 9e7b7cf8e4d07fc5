//! Substring search and replacement: `str.find`, `rfind`, `index`, `rindex`, `count`,
//! `startswith`, `endswith`, `replace`, with CPython 3.11's slice rules for `start`/`end`
//! (`ADJUST_INDICES`, `any_find_slice`, `tailmatch`, `replace`).

use super::{adjust_indices, cps, text};
use crate::error::{check_alloc, TextError, TextResult};
use crate::text::Text;

/// The first index `>= from` where `needle` occurs in `hay`, if any.
fn find_in(hay: &[u32], needle: &[u32], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    let last = hay.len().checked_sub(needle.len())?;
    let first = needle[0];
    (from..=last).find(|&i| hay[i] == first && hay[i..i + needle.len()] == *needle)
}

/// The last index where `needle` occurs in `hay`, if any.
fn rfind_in(hay: &[u32], needle: &[u32]) -> Option<usize> {
    let last = hay.len().checked_sub(needle.len())?;
    (0..=last)
        .rev()
        .find(|&i| hay[i..i + needle.len()] == *needle)
}

/// `s.find(sub, start, end)`: the lowest index of `sub` within `s[start:end]`, or -1.
pub fn find(s: &Text, sub: &Text, start: Option<isize>, end: Option<isize>) -> isize {
    let hay = cps(s);
    let needle = cps(sub);
    let (start, end) = adjust_indices(start, end, hay.len());
    if end < start || end - start < needle.len() {
        return -1;
    }
    find_in(&hay[..end], &needle, start).map_or(-1, |i| i as isize)
}

/// `s.rfind(sub, start, end)`: the highest index of `sub` within `s[start:end]`, or -1.
pub fn rfind(s: &Text, sub: &Text, start: Option<isize>, end: Option<isize>) -> isize {
    let hay = cps(s);
    let needle = cps(sub);
    let (start, end) = adjust_indices(start, end, hay.len());
    if end < start || end - start < needle.len() {
        return -1;
    }
    rfind_in(&hay[start..end], &needle).map_or(-1, |i| (i + start) as isize)
}

/// `s.index(sub, start, end)`: like [`find`] but "substring not found" is a ValueError.
pub fn index(s: &Text, sub: &Text, start: Option<isize>, end: Option<isize>) -> TextResult<isize> {
    match find(s, sub, start, end) {
        -1 => Err(TextError::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`: like [`rfind`] but "substring not found" is a ValueError.
pub fn rindex(s: &Text, sub: &Text, start: Option<isize>, end: Option<isize>) -> TextResult<isize> {
    match rfind(s, sub, start, end) {
        -1 => Err(TextError::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences in `s[start:end]` (an empty
/// `sub` counts every position, `len + 1`).
pub fn count(s: &Text, sub: &Text, start: Option<isize>, end: Option<isize>) -> usize {
    let hay = cps(s);
    let needle = cps(sub);
    let (start, end) = adjust_indices(start, end, hay.len());
    if end < start || end - start < needle.len() {
        return 0;
    }
    if needle.is_empty() {
        return end - start + 1;
    }
    let window = &hay[..end];
    let mut n = 0;
    let mut from = start;
    while let Some(i) = find_in(window, &needle, from) {
        n += 1;
        from = i + needle.len();
    }
    n
}

/// CPython's `tailmatch`: whether `sub` matches `s[start:end]` at its start (or end).
fn tailmatch(
    hay: &[u32],
    sub: &Text,
    start: Option<isize>,
    end: Option<isize>,
    at_end: bool,
) -> bool {
    let needle = cps(sub);
    let (start, end) = adjust_indices(start, end, hay.len());
    let Some(last) = end.checked_sub(needle.len()) else {
        return false;
    };
    if last < start {
        return false;
    }
    if needle.is_empty() {
        return true;
    }
    let at = if at_end { last } else { start };
    hay[at..at + needle.len()] == *needle
}

/// `s.startswith(prefix, start, end)` for one prefix (the VM loops over a tuple).
pub fn startswith(s: &Text, prefix: &Text, start: Option<isize>, end: Option<isize>) -> bool {
    tailmatch(&cps(s), prefix, start, end, false)
}

/// `s.endswith(suffix, start, end)` for one suffix (the VM loops over a tuple).
pub fn endswith(s: &Text, suffix: &Text, start: Option<isize>, end: Option<isize>) -> bool {
    tailmatch(&cps(s), suffix, start, end, true)
}

/// `s.replace(old, new, count)`: at most `count` replacements (all if negative); an
/// empty `old` inserts `new` before every character and at the end. MemoryError if the
/// result is too large to build.
pub fn replace(s: &Text, old: &Text, new: &Text, count: isize) -> TextResult<Text> {
    let hay = cps(s);
    let needle = cps(old);
    let repl = cps(new);
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let found = if needle.is_empty() {
        hay.len() + 1
    } else {
        self::count(s, old, None, None)
    }
    .min(limit);
    let growth = found.saturating_mul(repl.len());
    check_alloc(hay.len().saturating_add(growth).saturating_mul(4))?;
    let mut out = Vec::with_capacity(hay.len());
    let mut done = 0;
    if needle.is_empty() {
        for &c in &hay {
            if done < limit {
                out.extend_from_slice(&repl);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.extend_from_slice(&repl);
        }
        return Ok(text(&out));
    }
    let mut pos = 0;
    while done < limit {
        let Some(i) = find_in(&hay, &needle, pos) else {
            break;
        };
        out.extend_from_slice(&hay[pos..i]);
        out.extend_from_slice(&repl);
        pos = i + needle.len();
        done += 1;
    }
    out.extend_from_slice(&hay[pos..]);
    Ok(text(&out))
}
