//! Structural checks of code passed to `_sre.compile` (CPython's
//! `_validate` in `sre.c`): operand counts, skips that stay inside their
//! block, group numbers in range, blocks that end where the opcode says.
//! The engine bounds-checks every read as well, so code this lets through
//! can still only fail with `RuntimeError`, never crash.

use super::constants::{at, category, op, INFO_CHARSET, INFO_LITERAL, INFO_PREFIX, MAXREPEAT};
use super::engine::{SreError, SreResult};

/// Nesting beyond this is accepted unchecked (the engine checks as it runs).
const MAX_DEPTH: u32 = 400;

fn bad<T>() -> SreResult<T> {
    Err(SreError::InvalidCode)
}

fn get(code: &[u32], i: usize, end: usize) -> SreResult<u32> {
    if i >= end {
        return bad();
    }
    code.get(i).copied().ok_or(SreError::InvalidCode)
}

/// The end of a block whose skip word is at `i` (`i + skip`), which must lie
/// within `i + 1 ..= end`.
fn skip_end(code: &[u32], i: usize, end: usize) -> SreResult<usize> {
    let skip = get(code, i, end)? as usize;
    let to = i.checked_add(skip).ok_or(SreError::InvalidCode)?;
    if skip == 0 || to > end {
        return bad();
    }
    Ok(to)
}

/// Checks a whole program (it must end with `SUCCESS`); returns where its
/// character sets start (for [`super::engine::SetCache`]).
pub fn validate(code: &[u32], groups: usize) -> SreResult<Vec<usize>> {
    if code.last() != Some(&op::SUCCESS) {
        return bad();
    }
    let mut sets = Vec::new();
    inner(code, 0, code.len() - 1, groups, 0, &mut sets)?;
    Ok(sets)
}

/// Checks a character set in `code[i..end]` (it must end with `FAILURE`
/// exactly at `end - 1`).
fn charset(code: &[u32], mut i: usize, end: usize) -> SreResult<()> {
    while i < end {
        match get(code, i, end)? {
            op::FAILURE => {
                return if i + 1 == end { Ok(()) } else { bad() };
            }
            op::NEGATE => i += 1,
            op::LITERAL => i += 2,
            op::CATEGORY => {
                if get(code, i + 1, end)? > category::UNI_NOT_LINEBREAK {
                    return bad();
                }
                i += 2;
            }
            op::RANGE | op::RANGE_UNI_IGNORE => {
                if get(code, i + 1, end)? > get(code, i + 2, end)? {
                    return bad();
                }
                i += 3;
            }
            op::CHARSET => i += 9,
            op::BIGCHARSET => {
                let count = get(code, i + 1, end)? as usize;
                // Every block index must name an existing block.
                for w in 0..64 {
                    let word = get(code, i + 2 + w, end)?;
                    if word.to_le_bytes().iter().any(|&b| b as usize >= count) {
                        return bad();
                    }
                }
                i = count
                    .checked_mul(8)
                    .and_then(|n| n.checked_add(i + 66))
                    .ok_or(SreError::InvalidCode)?;
            }
            _ => return bad(),
        }
    }
    bad()
}

/// Checks the ops in `code[i..end]`.
fn inner(
    code: &[u32],
    mut i: usize,
    end: usize,
    groups: usize,
    depth: u32,
    sets: &mut Vec<usize>,
) -> SreResult<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    macro_rules! sub {
        ($from:expr, $to:expr) => {
            inner(code, $from, $to, groups, depth + 1, sets)
        };
    }
    while i < end {
        let opcode = get(code, i, end)?;
        i += 1;
        match opcode {
            op::FAILURE | op::SUCCESS | op::ANY | op::ANY_ALL => {}
            op::AT => {
                if get(code, i, end)? > at::UNI_NON_BOUNDARY {
                    return bad();
                }
                i += 1;
            }
            op::CATEGORY => {
                if get(code, i, end)? > category::UNI_NOT_LINEBREAK {
                    return bad();
                }
                i += 1;
            }
            op::LITERAL
            | op::NOT_LITERAL
            | op::LITERAL_IGNORE
            | op::NOT_LITERAL_IGNORE
            | op::LITERAL_UNI_IGNORE
            | op::NOT_LITERAL_UNI_IGNORE
            | op::LITERAL_LOC_IGNORE
            | op::NOT_LITERAL_LOC_IGNORE => {
                get(code, i, end)?;
                i += 1;
            }
            op::MARK => {
                if get(code, i, end)? as usize >= groups.saturating_mul(2) {
                    return bad();
                }
                i += 1;
            }
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                let to = skip_end(code, i, end)?;
                charset(code, i + 1, to)?;
                sets.push(i + 1);
                i = to;
            }
            op::INFO => {
                // <INFO> <skip> <flags> <min> <max> [prefix or charset]
                let to = skip_end(code, i, end)?;
                let flags = get(code, i + 1, to)?;
                let (min, max) = (get(code, i + 2, to)?, get(code, i + 3, to)?);
                if min > max && max != MAXREPEAT {
                    return bad();
                }
                if flags & INFO_PREFIX != 0 {
                    if flags & INFO_CHARSET != 0 {
                        return bad();
                    }
                    let len = get(code, i + 4, to)? as usize;
                    let skip = get(code, i + 5, to)? as usize;
                    let table = i + 6 + len;
                    let literal_ok = flags & INFO_LITERAL == 0 || (skip == len && len > 0);
                    if skip > len
                        || !literal_ok
                        || len.checked_mul(2).and_then(|n| n.checked_add(i + 6)) != Some(to)
                    {
                        return bad();
                    }
                    for k in 0..len {
                        if get(code, table + k, to)? as usize > k {
                            return bad();
                        }
                    }
                } else if flags & INFO_CHARSET != 0 {
                    if flags & INFO_LITERAL != 0 {
                        return bad();
                    }
                    charset(code, i + 4, to)?;
                    sets.push(i + 4);
                } else if flags & INFO_LITERAL != 0 {
                    return bad();
                }
                i = to;
            }
            op::BRANCH => {
                // <BRANCH> <skip> code <JUMP> <skip> ... <0>
                let mut target = None;
                loop {
                    let skip = get(code, i, end)?;
                    if skip == 0 {
                        i += 1;
                        break;
                    }
                    let to = skip_end(code, i, end)?;
                    // Each alternative ends with a JUMP to the common end.
                    if to < i + 3 || get(code, to - 2, end)? != op::JUMP {
                        return bad();
                    }
                    sub!(i + 1, to - 2)?;
                    let jend = skip_end(code, to - 1, end)?;
                    if *target.get_or_insert(jend) != jend {
                        return bad();
                    }
                    i = to;
                }
                if target != Some(i) {
                    return bad();
                }
            }
            op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                // <op> <skip> <min> <max> item <SUCCESS> tail
                let to = skip_end(code, i, end)?;
                let (min, max) = (get(code, i + 1, to)?, get(code, i + 2, to)?);
                if min > max || to < i + 4 || get(code, to - 1, end)? != op::SUCCESS {
                    return bad();
                }
                sub!(i + 3, to - 1)?;
                i = to;
            }
            op::REPEAT | op::POSSESSIVE_REPEAT => {
                // <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail
                let to = skip_end(code, i, end)?;
                let (min, max) = (get(code, i + 1, to)?, get(code, i + 2, to)?);
                if min > max || to < i + 3 {
                    return bad();
                }
                sub!(i + 3, to)?;
                let closing = get(code, to, end)?;
                let ok = if opcode == op::REPEAT {
                    closing == op::MAX_UNTIL || closing == op::MIN_UNTIL
                } else {
                    closing == op::SUCCESS
                };
                if !ok {
                    return bad();
                }
                i = to + 1;
            }
            op::ATOMIC_GROUP => {
                // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                let to = skip_end(code, i, end)?;
                if to < i + 2 || get(code, to - 1, end)? != op::SUCCESS {
                    return bad();
                }
                sub!(i + 1, to - 1)?;
                i = to;
            }
            op::GROUPREF
            | op::GROUPREF_IGNORE
            | op::GROUPREF_UNI_IGNORE
            | op::GROUPREF_LOC_IGNORE => {
                if get(code, i, end)? as usize >= groups {
                    return bad();
                }
                i += 1;
            }
            op::GROUPREF_EXISTS => {
                // <GROUPREF_EXISTS> <group> <skip> codeyes [<JUMP> <skip> codeno]
                if get(code, i, end)? as usize >= groups {
                    return bad();
                }
                // The skip counts from the group word.
                let skip = get(code, i + 1, end)? as usize;
                let to = i.checked_add(skip).ok_or(SreError::InvalidCode)?;
                if to < i + 2 || to > end {
                    return bad();
                }
                let mut with_else = || -> SreResult<usize> {
                    if to < i + 4 || get(code, to - 2, end)? != op::JUMP {
                        return bad();
                    }
                    sub!(i + 2, to - 2)?;
                    let no_end = skip_end(code, to - 1, end)?;
                    sub!(to, no_end)?;
                    Ok(no_end)
                };
                i = match with_else() {
                    Ok(no_end) => no_end,
                    Err(_) => {
                        sub!(i + 2, to)?;
                        to
                    }
                };
            }
            op::ASSERT | op::ASSERT_NOT => {
                // <op> <skip> <back> pattern <SUCCESS>
                let to = skip_end(code, i, end)?;
                get(code, i + 1, to)?;
                if to < i + 3 || get(code, to - 1, end)? != op::SUCCESS {
                    return bad();
                }
                sub!(i + 2, to - 1)?;
                i = to;
            }
            // JUMP only appears inside BRANCH and GROUPREF_EXISTS; the UNTILs
            // only right after a REPEAT's body.
            _ => return bad(),
        }
    }
    if i == end {
        Ok(())
    } else {
        bad()
    }
}
