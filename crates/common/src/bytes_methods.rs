//! `bytes`/`bytearray` methods with CPython 3.11's semantics (`Objects/bytes_methods.c`,
//! `Objects/stringlib/`): ASCII-only character classes and case mappings, the same
//! slice rules as `str`, and the bytes wording of errors ("subsection not found").

use crate::error::{check_alloc, TextError, TextResult};
use crate::str_methods::adjust_indices;

/// `Py_ISSPACE`: the ASCII whitespace bytes.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The first index `>= from` of `needle` in `hay`.
fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    crate::substring::find(hay, needle, from)
}

/// The last index of `needle` in `hay`.
fn rfind_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    crate::substring::rfind(hay, needle)
}

/// `b.find(sub, start, end)`.
pub fn find(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> isize {
    let (start, end) = adjust_indices(start, end, b.len());
    if end < start || end - start < sub.len() {
        return -1;
    }
    find_from(&b[..end], sub, start).map_or(-1, |i| i as isize)
}

/// `b.rfind(sub, start, end)`.
pub fn rfind(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> isize {
    let (start, end) = adjust_indices(start, end, b.len());
    if end < start || end - start < sub.len() {
        return -1;
    }
    rfind_in(&b[start..end], sub).map_or(-1, |i| (i + start) as isize)
}

/// `b.index(sub, start, end)`: ValueError "subsection not found".
pub fn index(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> TextResult<isize> {
    match find(b, sub, start, end) {
        -1 => Err(TextError::value("subsection not found")),
        i => Ok(i),
    }
}

/// `b.rindex(sub, start, end)`: ValueError "subsection not found".
pub fn rindex(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> TextResult<isize> {
    match rfind(b, sub, start, end) {
        -1 => Err(TextError::value("subsection not found")),
        i => Ok(i),
    }
}

/// `b.count(sub, start, end)`.
pub fn count(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> usize {
    let (start, end) = adjust_indices(start, end, b.len());
    if end < start || end - start < sub.len() {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let mut n = 0;
    let mut from = start;
    while let Some(i) = find_from(&b[..end], sub, from) {
        n += 1;
        from = i + sub.len();
    }
    n
}

/// `b.startswith(prefix, start, end)` / `endswith` for one affix.
pub fn tailmatch(
    b: &[u8],
    sub: &[u8],
    start: Option<isize>,
    end: Option<isize>,
    at_end: bool,
) -> bool {
    let (start, end) = adjust_indices(start, end, b.len());
    let Some(last) = end.checked_sub(sub.len()) else {
        return false;
    };
    if last < start {
        return false;
    }
    let at = if at_end { last } else { start };
    b[at..at + sub.len()] == *sub
}

/// `b.replace(old, new, count)` (all if `count < 0`; an empty `old` inserts `new`
/// around every byte). MemoryError if too large.
pub fn replace(b: &[u8], old: &[u8], new: &[u8], count: isize) -> TextResult<Vec<u8>> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let found = if old.is_empty() {
        b.len() + 1
    } else {
        self::count(b, old, None, None)
    }
    .min(limit);
    check_alloc(b.len().saturating_add(found.saturating_mul(new.len())))?;
    let mut out = Vec::with_capacity(b.len());
    let mut done = 0;
    if old.is_empty() {
        for &c in b {
            if done < limit {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.extend_from_slice(new);
        }
        return Ok(out);
    }
    let mut pos = 0;
    while done < limit {
        let Some(i) = find_from(b, old, pos) else {
            break;
        };
        out.extend_from_slice(&b[pos..i]);
        out.extend_from_slice(new);
        pos = i + old.len();
        done += 1;
    }
    out.extend_from_slice(&b[pos..]);
    Ok(out)
}

fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

/// `b.split(sep, maxsplit)`; `None` splits on runs of ASCII whitespace.
pub fn split(b: &[u8], sep: Option<&[u8]>, maxsplit: isize) -> TextResult<Vec<Vec<u8>>> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        None => {
            let (mut i, n) = (0, b.len());
            let mut splits = 0;
            loop {
                while i < n && is_space(b[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if splits == limit {
                    out.push(b[i..].to_vec());
                    break;
                }
                let j = i;
                while i < n && !is_space(b[i]) {
                    i += 1;
                }
                out.push(b[j..i].to_vec());
                splits += 1;
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(empty_separator());
            }
            let (mut pos, mut splits) = (0, 0);
            while splits < limit {
                let Some(i) = find_from(b, sep, pos) else {
                    break;
                };
                out.push(b[pos..i].to_vec());
                pos = i + sep.len();
                splits += 1;
            }
            out.push(b[pos..].to_vec());
        }
    }
    Ok(out)
}

/// `b.rsplit(sep, maxsplit)`.
pub fn rsplit(b: &[u8], sep: Option<&[u8]>, maxsplit: isize) -> TextResult<Vec<Vec<u8>>> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = b.len();
            let mut splits = 0;
            loop {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if splits == limit {
                    out.push(b[..i].to_vec());
                    break;
                }
                let j = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                out.push(b[i..j].to_vec());
                splits += 1;
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(empty_separator());
            }
            let (mut end, mut splits) = (b.len(), 0);
            while splits < limit {
                let Some(i) = rfind_in(&b[..end], sep) else {
                    break;
                };
                out.push(b[i + sep.len()..end].to_vec());
                end = i;
                splits += 1;
            }
            out.push(b[..end].to_vec());
        }
    }
    out.reverse();
    Ok(out)
}

/// `b.splitlines(keepends)`: only `\n`, `\r` and `\r\n` end lines in bytes.
pub fn splitlines(b: &[u8], keepends: bool) -> Vec<Vec<u8>> {
    let (mut out, mut i, n) = (Vec::new(), 0, b.len());
    while i < n {
        let start = i;
        while i < n && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            if keepends {
                eol = i;
            }
        }
        out.push(b[start..eol].to_vec());
    }
    out
}

/// `b.partition(sep)` (or `rpartition` with `from_right`): "empty separator" for `b''`.
pub fn partition(b: &[u8], sep: &[u8], from_right: bool) -> TextResult<[Vec<u8>; 3]> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    let found = if from_right {
        rfind_in(b, sep)
    } else {
        find_from(b, sep, 0)
    };
    Ok(match found {
        Some(i) => [b[..i].to_vec(), sep.to_vec(), b[i + sep.len()..].to_vec()],
        None if from_right => [Vec::new(), Vec::new(), b.to_vec()],
        None => [b.to_vec(), Vec::new(), Vec::new()],
    })
}

/// `b.strip(chars)` / `lstrip` / `rstrip` (`left`, `right` say which ends); ASCII
/// whitespace when `chars` is `None`.
pub fn strip(b: &[u8], chars: Option<&[u8]>, left: bool, right: bool) -> Vec<u8> {
    let strip_it = |c: u8| chars.map_or(is_space(c), |set| set.contains(&c));
    let (mut i, mut j) = (0, b.len());
    if left {
        while i < j && strip_it(b[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip_it(b[j - 1]) {
            j -= 1;
        }
    }
    b[i..j].to_vec()
}

/// `b.center`/`ljust`/`rjust(width, fill)`: `align` is `'^'`, `'<'` or `'>'`.
pub fn pad(b: &[u8], width: isize, fill: u8, align: char) -> TextResult<Vec<u8>> {
    let len = b.len() as isize;
    if width <= len {
        return Ok(b.to_vec());
    }
    let marg = width - len;
    let left = match align {
        '<' => 0,
        '>' => marg,
        _ => marg / 2 + (marg & width & 1),
    } as usize;
    check_alloc(width as usize)?;
    let mut out = vec![fill; left];
    out.extend_from_slice(b);
    out.resize(width as usize, fill);
    Ok(out)
}

/// `b.zfill(width)`.
pub fn zfill(b: &[u8], width: isize) -> TextResult<Vec<u8>> {
    let len = b.len() as isize;
    if width <= len {
        return Ok(b.to_vec());
    }
    check_alloc(width as usize)?;
    let fill = (width - len) as usize;
    let mut out = Vec::with_capacity(width as usize);
    let rest = match b.first() {
        Some(&c @ (b'+' | b'-')) => {
            out.push(c);
            &b[1..]
        }
        _ => b,
    };
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(rest);
    Ok(out)
}

/// `b.expandtabs(tabsize)`.
pub fn expandtabs(b: &[u8], tabsize: i32) -> TextResult<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut column: usize = 0;
    for &c in b {
        if c == b'\t' {
            if tabsize > 0 {
                let t = tabsize as usize;
                let incr = t - column % t;
                column += incr;
                if out.try_reserve(incr).is_err() {
                    return Err(TextError::new(crate::error::ExcKind::MemoryError, ""));
                }
                out.resize(out.len() + incr, b' ');
            }
        } else {
            column += 1;
            out.push(c);
            if c == b'\n' || c == b'\r' {
                column = 0;
            }
        }
    }
    Ok(out)
}

/// `b.upper()`.
pub fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

/// `b.lower()`.
pub fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

/// `b.swapcase()`.
pub fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

/// `b.capitalize()`: first byte upper-cased, the rest lower-cased.
pub fn capitalize(b: &[u8]) -> Vec<u8> {
    b.iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `b.title()`: letters after a letter lower-cased, others upper-cased.
pub fn title(b: &[u8]) -> Vec<u8> {
    let mut previous_is_cased = false;
    b.iter()
        .map(|&c| {
            let mapped = if previous_is_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            previous_is_cased = c.is_ascii_alphabetic();
            mapped
        })
        .collect()
}

/// Whether `b` is non-empty and every byte satisfies `pred`.
fn all_nonempty(b: &[u8], pred: impl Fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(pred)
}

/// `b.isalpha()`.
pub fn isalpha(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphabetic)
}

/// `b.isalnum()`.
pub fn isalnum(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphanumeric)
}

/// `b.isdigit()`.
pub fn isdigit(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_digit)
}

/// `b.isspace()`.
pub fn isspace(b: &[u8]) -> bool {
    all_nonempty(b, |&c| is_space(c))
}

/// `b.isascii()` (true when empty).
pub fn isascii(b: &[u8]) -> bool {
    b.is_ascii()
}

/// `b.islower()`: some lowercase letter and no uppercase one.
pub fn islower(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
}

/// `b.isupper()`: some uppercase letter and no lowercase one.
pub fn isupper(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
}

/// `b.istitle()`: uppercase only after non-letters, lowercase only after letters, and
/// at least one letter.
pub fn istitle(b: &[u8]) -> bool {
    let (mut cased, mut previous_is_cased) = (false, false);
    for &c in b {
        if c.is_ascii_uppercase() {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(
            split(b" a  b ", None, -1).unwrap(),
            vec![b"a".to_vec(), b"b".to_vec()]
        );
        assert_eq!(
            index(b"abc", b"x", None, None).unwrap_err().message,
            "subsection not found"
        );
        assert_eq!(title(b"hello wORLD"), b"Hello World");
        assert_eq!(pad(b"ab", 5, b'*', '^').unwrap(), b"**ab*");
        assert_eq!(
            splitlines(b"a\x0bb\r\nc", true),
            vec![b"a\x0bb\r\n".to_vec(), b"c".to_vec()]
        );
    }
}
