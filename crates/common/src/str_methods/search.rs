//! Substring search and replacement: `str.find`, `rfind`, `index`, `rindex`, `count`,
//! `startswith`, `endswith`, `replace`, with CPython 3.11's slice rules for `start`/`end`
//! (`ADJUST_INDICES`, `any_find_slice`, `tailmatch`, `replace`).

use super::{adjust_indices, cps, fast, text};
use crate::error::{check_alloc, TextError, TextResult};
use crate::text::Text;

/// The first index `>= from` where `needle` occurs in `hay`, if any.
fn find_in(hay: &[u32], needle: &[u32], from: usize) -> Option<usize> {
    crate::substring::find(hay, needle, from)
}

/// The last index where `needle` occurs in `hay`, if any.
fn rfind_in(hay: &[u32], needle: &[u32]) -> Option<usize> {
    crate::substring::rfind(hay, needle)
}

/// `s.find(sub, start, end)`: the lowest index of `sub` within `s[start:end]`, or -1.
pub fn find(s: &Text, sub: &Text, start: Option<isize>, end: Option<isize>) -> isize {
    if let (Some(h), Some(n)) = (s.as_str(), sub.as_str()) {
        return fast::find(h, n, start, end);
    }
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
    if let (Some(h), Some(n)) = (s.as_str(), sub.as_str()) {
        return fast::rfind(h, n, start, end);
    }
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
    if let (Some(h), Some(n)) = (s.as_str(), sub.as_str()) {
        return fast::count(h, n, start, end);
    }
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
    if let (Some(h), Some(n)) = (s.as_str(), prefix.as_str()) {
        return fast::tailmatch(h, n, start, end, false);
    }
    tailmatch(&cps(s), prefix, start, end, false)
}

/// `s.endswith(suffix, start, end)` for one suffix (the VM loops over a tuple).
pub fn endswith(s: &Text, suffix: &Text, start: Option<isize>, end: Option<isize>) -> bool {
    if let (Some(h), Some(n)) = (s.as_str(), suffix.as_str()) {
        return fast::tailmatch(h, n, start, end, true);
    }
    tailmatch(&cps(s), suffix, start, end, true)
}

/// `s.replace(old, new, count)`: at most `count` replacements (all if negative); an
/// empty `old` inserts `new` before every character and at the end. MemoryError if the
/// result is too large to build.
pub fn replace(s: &Text, old: &Text, new: &Text, count: isize) -> TextResult<Text> {
    if let (Some(h), Some(o), Some(n)) = (s.as_str(), old.as_str(), new.as_str()) {
        if !o.is_empty() {
            let limit = if count < 0 {
                usize::MAX
            } else {
                count as usize
            };
            let found = h.matches(o).count().min(limit);
            check_alloc(h.len().saturating_add(found.saturating_mul(n.len())))?;
            return Ok(fast::replace(h, o, n, count));
        }
    }
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

/// `s.removeprefix(prefix)`.
pub fn removeprefix(s: &Text, prefix: &Text) -> Text {
    match s.as_bytes().strip_prefix(prefix.as_bytes()) {
        // Both are well-formed, so the rest starts on a code-point boundary.
        Some(rest) => Text::from_generalized_utf8(rest).unwrap_or_default(),
        None => s.clone(),
    }
}

/// `s.removesuffix(suffix)` (an empty suffix removes nothing).
pub fn removesuffix(s: &Text, suffix: &Text) -> Text {
    match s.as_bytes().strip_suffix(suffix.as_bytes()) {
        Some(rest) if !suffix.is_empty() => Text::from_generalized_utf8(rest).unwrap_or_default(),
        _ => s.clone(),
    }
}

/// `sep.join(items)` once the VM has checked that every item is a `str` (MemoryError
/// if the result is too large to build).
pub fn join(sep: &Text, items: &[Text]) -> TextResult<Text> {
    let total = items
        .iter()
        .fold(0usize, |acc, t| acc.saturating_add(t.as_bytes().len()))
        .saturating_add(
            sep.as_bytes()
                .len()
                .saturating_mul(items.len().saturating_sub(1)),
        );
    check_alloc(total)?;
    let mut out = Text::with_capacity(total);
    for (i, t) in items.iter().enumerate() {
        if i > 0 {
            out.push_text(sep);
        }
        out.push_text(t);
    }
    Ok(out)
}
