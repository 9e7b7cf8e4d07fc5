//! The matcher (CPython's `Modules/_sre/sre_lib.h`): runs `_sre` code words
//! against a text of `u8` (bytes, ASCII str) or `u32` (other str) units.
//!
//! Backtracking never recurses on the Rust stack: like CPython's
//! `SRE(match)`, every sub-match (a branch alternative, one more repeat
//! iteration, a lookaround, the tail after a repeat) is a [`Ctx`] pushed on a
//! heap vector, and when it finishes its parent resumes at the point recorded
//! in the child's [`Jump`]. Saved group marks and `last_ptr`s go on a second
//! heap stack (`data`). Every code read is bounds-checked: malformed code from
//! `_sre.compile` gives [`SreError::InvalidCode`], never a panic.

use super::chars;
use super::constants::{at, op, INFO_CHARSET, INFO_LITERAL, INFO_PREFIX, MAXREPEAT};

/// A text unit the engine can match: a byte or a code point.
pub trait SreChar: Copy {
    /// The unit as a code point.
    fn code(self) -> u32;
}

impl SreChar for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        u32::from(self)
    }
}

impl SreChar for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// Why the engine stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// The code is malformed (CPython: `RuntimeError("invalid SRE code")`).
    InvalidCode,
    /// The backtracking stacks grew past [`MAX_CONTEXTS`] (CPython runs out of
    /// memory there: `MemoryError`).
    Memory,
}

/// Engine result: `Ok(true)` matched, `Ok(false)` did not.
pub type SreResult<T> = Result<T, SreError>;

/// "No position" in the mark array (CPython's `NULL` mark).
pub const NO_MARK: usize = usize::MAX;

/// The most backtracking contexts (and saved words) the engine keeps before
/// giving up with [`SreError::Memory`].
pub const MAX_CONTEXTS: usize = 1 << 21;

/// How deeply single-character repeat counting may nest through the general
/// matcher (only malformed code nests at all).
const MAX_COUNT_DEPTH: u32 = 32;

/// Where a parent context resumes when a child context finishes (CPython's
/// `JUMP_*` labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One backtracking context (CPython's `SRE(match_context)`).
#[derive(Debug, Clone, Copy)]
struct Ctx {
    /// Repeat count of the operator this context is running.
    count: isize,
    /// `REPEAT_ONE`'s literal tail character, or the index of the repeat.
    aux: usize,
    lastmark: isize,
    lastindex: isize,
    /// Code position (just after the opcode being run).
    pc: usize,
    /// Text position.
    ptr: usize,
    toplevel: bool,
    /// Where the parent resumes when this context finishes.
    jump: Jump,
}

/// An active `REPEAT` (CPython's `SRE_REPEAT`).
#[derive(Debug, Clone, Copy)]
struct Repeat {
    count: isize,
    /// Code position of the `REPEAT`'s operands (`<skip> <min> <max> item`).
    pc: usize,
    prev: Option<usize>,
    last_ptr: usize,
}

/// What a context does next.
enum Step {
    /// Run a child context at `pc`; the parent resumes at `jump`.
    Call {
        jump: Jump,
        pc: usize,
        toplevel: bool,
    },
    /// The context finished (matched or not).
    Done(bool),
    /// Continue dispatching at the context's `pc` and `ptr`.
    Dispatch,
}

/// Matching state (CPython's `SRE_STATE`): the bounds, the group marks, and the
/// backtracking stacks, reused across the searches of one `findall`/`sub`.
pub struct State {
    /// Where the current match attempt starts (match start after a search).
    pub start: usize,
    /// The end bound (`endpos`, clamped).
    pub end: usize,
    /// The current position (match end after a successful match).
    pub ptr: usize,
    /// The clamped `pos` argument.
    pub pos: usize,
    /// The clamped `endpos` argument.
    pub endpos: usize,
    /// Group marks: `2*g` is the start of group `g+1`, `2*g+1` its end.
    pub marks: Vec<usize>,
    /// The highest valid index in `marks` (`-1`: none).
    pub lastmark: isize,
    /// The last closed group (`-1`: none).
    pub lastindex: isize,
    /// `fullmatch`: the match must end at `end`.
    pub match_all: bool,
    /// The match must not be empty at `start` (after an empty match in
    /// `findall`/`sub`/`split`).
    pub must_advance: bool,
    repeat: Option<usize>,
    repeats: Vec<Repeat>,
    data: Vec<usize>,
    ctxs: Vec<Ctx>,
    count_depth: u32,
}

impl State {
    /// A state for a text of `len` units and a pattern with `groups` groups,
    /// with CPython's clamping of `pos`/`endpos` to `0..=len`.
    pub fn new(len: usize, groups: usize, pos: isize, endpos: isize) -> State {
        let clamp = |v: isize| -> usize {
            if v < 0 {
                0
            } else {
                (v as usize).min(len)
            }
        };
        let (start, end) = (clamp(pos), clamp(endpos));
        State {
            start,
            end,
            ptr: start,
            pos: start,
            endpos: end,
            marks: vec![NO_MARK; groups.saturating_mul(2)],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: None,
            repeats: Vec::new(),
            data: Vec::new(),
            ctxs: Vec::new(),
            count_depth: 0,
        }
    }

    /// Forgets the marks of the previous attempt (CPython's `state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.data.clear();
    }

    /// The span of group `g` (1-based), if it took part in the match.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize > self.lastmark {
            return None;
        }
        let (s, e) = (*self.marks.get(j)?, *self.marks.get(j + 1)?);
        if s == NO_MARK || e == NO_MARK {
            return None;
        }
        Some((s, e))
    }
}

/// The code word at `i`, or [`SreError::InvalidCode`].
#[inline(always)]
fn word(code: &[u32], i: usize) -> SreResult<u32> {
    code.get(i).copied().ok_or(SreError::InvalidCode)
}

/// `i + off`, or [`SreError::InvalidCode`] on overflow.
#[inline(always)]
fn add(i: usize, off: u32) -> SreResult<usize> {
    i.checked_add(off as usize).ok_or(SreError::InvalidCode)
}

/// `SRE(charset)`: whether `ch` is in the set starting at `code[i]`.
pub fn in_charset(code: &[u32], mut i: usize, ch: u32) -> SreResult<bool> {
    let mut ok = true;
    loop {
        match word(code, i)? {
            op::FAILURE => return Ok(!ok),
            op::LITERAL => {
                if ch == word(code, i + 1)? {
                    return Ok(ok);
                }
                i += 2;
            }
            op::CATEGORY => {
                if chars::category(word(code, i + 1)?, ch).ok_or(SreError::InvalidCode)? {
                    return Ok(ok);
                }
                i += 2;
            }
            op::CHARSET => {
                if ch < 256 && word(code, i + 1 + (ch as usize >> 5))? & (1u32 << (ch & 31)) != 0 {
                    return Ok(ok);
                }
                i += 1 + 8;
            }
            op::RANGE => {
                if word(code, i + 1)? <= ch && ch <= word(code, i + 2)? {
                    return Ok(ok);
                }
                i += 3;
            }
            op::RANGE_UNI_IGNORE => {
                let (lo, hi) = (word(code, i + 1)?, word(code, i + 2)?);
                if lo <= ch && ch <= hi {
                    return Ok(ok);
                }
                let up = chars::upper_unicode(ch);
                if lo <= up && up <= hi {
                    return Ok(ok);
                }
                i += 3;
            }
            op::NEGATE => {
                ok = !ok;
                i += 1;
            }
            op::BIGCHARSET => {
                // <BIGCHARSET> <blockcount> <256 block indices as bytes> <blocks>
                let count = word(code, i + 1)? as usize;
                let indices = i + 2;
                let blocks = indices + 64;
                if ch < 0x10000 {
                    let hi = (ch >> 8) as usize;
                    let block = (word(code, indices + hi / 4)? >> (8 * (hi % 4))) & 0xff;
                    let bit = block as usize * 256 + (ch & 255) as usize;
                    if word(code, blocks + bit / 32)? & (1u32 << (bit % 32)) != 0 {
                        return Ok(ok);
                    }
                }
                i = count
                    .checked_mul(8)
                    .and_then(|n| blocks.checked_add(n))
                    .ok_or(SreError::InvalidCode)?;
            }
            _ => return Err(SreError::InvalidCode),
        }
    }
}

/// Precomputed answers of the character sets of a program for the first 256
/// characters (each set's loop over its items done once, at compile time).
#[derive(Default)]
pub struct SetCache {
    /// Code position of a set's first item → index into `bits` (`u32::MAX`:
    /// none).
    index: Vec<u32>,
    bits: Vec<[u64; 4]>,
}

impl SetCache {
    /// The cache for the sets starting at `starts` in `code`.
    pub fn new(code: &[u32], starts: &[usize]) -> SetCache {
        let mut cache = SetCache::default();
        for &p in starts {
            let mut bits = [0u64; 4];
            let mut ok = true;
            for ch in 0..256u32 {
                match in_charset(code, p, ch) {
                    Ok(true) => bits[(ch >> 6) as usize] |= 1 << (ch & 63),
                    Ok(false) => {}
                    Err(_) => ok = false,
                }
            }
            if !ok || p >= code.len() || cache.bits.len() >= u32::MAX as usize {
                continue;
            }
            if cache.index.len() < code.len() {
                cache.index.resize(code.len(), u32::MAX);
            }
            cache.index[p] = cache.bits.len() as u32;
            cache.bits.push(bits);
        }
        cache
    }

    #[inline(always)]
    fn lookup(&self, pc: usize, ch: u32) -> Option<bool> {
        let i = *self.index.get(pc)?;
        let bits = self.bits.get(i as usize)?;
        (ch < 256).then(|| bits[(ch >> 6) as usize] & (1 << (ch & 63)) != 0)
    }
}

/// The engine over one text and one code array.
pub struct Engine<'a, C: SreChar> {
    /// The whole subject (positions are indices into it).
    pub text: &'a [C],
    /// The code words.
    pub code: &'a [u32],
    /// The sets' precomputed answers.
    pub sets: &'a SetCache,
}

impl<'a, C: SreChar> Engine<'a, C> {
    /// `SRE(charset)`, answered from the cache when it can.
    #[inline(always)]
    fn charset(&self, i: usize, ch: u32) -> SreResult<bool> {
        match self.sets.lookup(i, ch) {
            Some(r) => Ok(r),
            None => in_charset(self.code, i, ch),
        }
    }

    /// `SRE(charset_loc_ignore)`.
    fn charset_loc_ignore(&self, i: usize, ch: u32) -> SreResult<bool> {
        let lo = chars::lower_locale(ch);
        if self.charset(i, lo)? {
            return Ok(true);
        }
        let up = chars::upper_locale(ch);
        Ok(up != lo && self.charset(i, up)?)
    }

    /// The unit at `i` (callers check `i < state.end <= text.len()`).
    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        self.text.get(i).map_or(u32::MAX, |c| c.code())
    }

    /// `SRE(at)`: whether position `ptr` satisfies assertion `code`.
    fn at(&self, state: &State, ptr: usize, code: u32) -> SreResult<bool> {
        let end = state.end;
        let prev_is = |f: fn(u32) -> bool| ptr > 0 && f(self.ch(ptr - 1));
        let this_is = |f: fn(u32) -> bool| ptr < end && f(self.ch(ptr));
        let boundary = |f: fn(u32) -> bool, want_boundary: bool| {
            if end == 0 {
                return false;
            }
            (prev_is(f) != this_is(f)) == want_boundary
        };
        Ok(match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
            at::BEGINNING_LINE => ptr == 0 || chars::is_linebreak(self.ch(ptr - 1)),
            at::END => {
                (end.checked_sub(ptr) == Some(1) && chars::is_linebreak(self.ch(ptr))) || ptr == end
            }
            at::END_LINE => ptr == end || chars::is_linebreak(self.ch(ptr)),
            at::END_STRING => ptr == end,
            at::BOUNDARY => boundary(chars::is_word, true),
            at::NON_BOUNDARY => boundary(chars::is_word, false),
            at::LOC_BOUNDARY => boundary(chars::is_loc_word, true),
            at::LOC_NON_BOUNDARY => boundary(chars::is_loc_word, false),
            at::UNI_BOUNDARY => boundary(chars::is_uni_word, true),
            at::UNI_NON_BOUNDARY => boundary(chars::is_uni_word, false),
            _ => return Err(SreError::InvalidCode),
        })
    }

    /// Whether the single-character operator at `code[pc]` accepts `ch`;
    /// `None` if it is not a single-character operator.
    #[inline]
    fn single(&self, pc: usize, ch: u32) -> SreResult<Option<bool>> {
        let code = self.code;
        Ok(Some(match word(code, pc)? {
            op::ANY => !chars::is_linebreak(ch),
            op::ANY_ALL => true,
            op::LITERAL => ch == word(code, pc + 1)?,
            op::NOT_LITERAL => ch != word(code, pc + 1)?,
            op::LITERAL_IGNORE => chars::lower_ascii(ch) == word(code, pc + 1)?,
            op::NOT_LITERAL_IGNORE => chars::lower_ascii(ch) != word(code, pc + 1)?,
            op::LITERAL_UNI_IGNORE => chars::lower_unicode(ch) == word(code, pc + 1)?,
            op::NOT_LITERAL_UNI_IGNORE => chars::lower_unicode(ch) != word(code, pc + 1)?,
            op::LITERAL_LOC_IGNORE => chars::char_loc_ignore(word(code, pc + 1)?, ch),
            op::NOT_LITERAL_LOC_IGNORE => !chars::char_loc_ignore(word(code, pc + 1)?, ch),
            op::CATEGORY => {
                chars::category(word(code, pc + 1)?, ch).ok_or(SreError::InvalidCode)?
            }
            op::IN => self.charset(pc + 2, ch)?,
            op::IN_IGNORE => self.charset(pc + 2, chars::lower_ascii(ch))?,
            op::IN_UNI_IGNORE => self.charset(pc + 2, chars::lower_unicode(ch))?,
            op::IN_LOC_IGNORE => self.charset_loc_ignore(pc + 2, ch)?,
            _ => return Ok(None),
        }))
    }

    /// `SRE(count)`: how many times (at most `maxcount`) the single-character
    /// item at `code[pc]` matches from `state.ptr`.
    fn count(&self, state: &mut State, pc: usize, maxcount: u32) -> SreResult<usize> {
        let start = state.ptr;
        let mut end = state.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end.saturating_sub(start) {
            end = start + maxcount as usize;
        }
        let code = self.code;
        let mut ptr = start;
        match word(code, pc)? {
            op::ANY_ALL => ptr = end.max(start),
            op::LITERAL => {
                let c = word(code, pc + 1)?;
                while ptr < end && self.ch(ptr) == c {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL => {
                let c = word(code, pc + 1)?;
                while ptr < end && self.ch(ptr) != c {
                    ptr += 1;
                }
            }
            op::IN => {
                while ptr < end && self.charset(pc + 2, self.ch(ptr))? {
                    ptr += 1;
                }
            }
            _ => {
                if ptr < end && self.single(pc, self.ch(ptr))?.is_none() {
                    return self.count_general(state, pc, end);
                }
                while ptr < end && self.single(pc, self.ch(ptr))? == Some(true) {
                    ptr += 1;
                }
            }
        }
        Ok(ptr - start)
    }

    /// `SRE(count)`'s general case: the item is run as a sub-pattern until it
    /// fails (only reached by code the compiler never emits).
    #[cold]
    fn count_general(&self, state: &mut State, pc: usize, end: usize) -> SreResult<usize> {
        if state.count_depth >= MAX_COUNT_DEPTH {
            return Err(SreError::InvalidCode);
        }
        state.count_depth += 1;
        let start = state.ptr;
        let r = (|| {
            while state.ptr < end {
                let before = state.ptr;
                if !self.run(state, pc, false)? || state.ptr <= before {
                    break;
                }
            }
            Ok(state.ptr.saturating_sub(start))
        })();
        state.count_depth -= 1;
        r
    }

    fn mark_push(&self, state: &mut State, lastmark: isize) -> SreResult<()> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let marks = state.marks.get(..n).ok_or(SreError::InvalidCode)?;
            if state.data.len() + n > MAX_CONTEXTS * 4 {
                return Err(SreError::Memory);
            }
            state.data.extend_from_slice(marks);
        }
        Ok(())
    }

    fn mark_pop(&self, state: &mut State, lastmark: isize, discard: bool) -> SreResult<()> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let from = state
                .data
                .len()
                .checked_sub(n)
                .ok_or(SreError::InvalidCode)?;
            if let (Some(dst), Some(src)) = (state.marks.get_mut(..n), state.data.get(from..)) {
                dst.copy_from_slice(src);
            }
            if discard {
                state.data.truncate(from);
            }
        }
        Ok(())
    }

    fn mark_discard(&self, state: &mut State, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let keep = state.data.len().saturating_sub(n);
            state.data.truncate(keep);
        }
    }

    /// `SRE(match)`: whether the code at `pc` matches at `state.ptr`; on success
    /// `state.ptr` is the end of the match and the marks are set.
    pub fn run(&self, state: &mut State, pc: usize, toplevel: bool) -> SreResult<bool> {
        let base = state.ctxs.len();
        state.ctxs.push(Ctx {
            count: 0,
            aux: 0,
            lastmark: -1,
            lastindex: -1,
            pc,
            ptr: state.ptr,
            toplevel,
            jump: Jump::None,
        });
        let r = self.drive(state, base);
        state.ctxs.truncate(base);
        r
    }

    fn drive(&self, state: &mut State, base: usize) -> SreResult<bool> {
        let mut step = self.dispatch(state, base, true)?;
        loop {
            let top = state.ctxs.len() - 1;
            step = match step {
                Step::Call { jump, pc, toplevel } => {
                    if state.ctxs.len() >= MAX_CONTEXTS {
                        return Err(SreError::Memory);
                    }
                    state.ctxs.push(Ctx {
                        count: 0,
                        aux: 0,
                        lastmark: -1,
                        lastindex: -1,
                        pc,
                        ptr: state.ptr,
                        toplevel,
                        jump,
                    });
                    self.dispatch(state, top + 1, true)?
                }
                Step::Done(ret) => {
                    let child = state.ctxs.pop().ok_or(SreError::InvalidCode)?;
                    if state.ctxs.len() <= base {
                        return Ok(ret);
                    }
                    self.resume(state, top - 1, child.jump, ret)?
                }
                Step::Dispatch => self.dispatch(state, top, false)?,
            };
        }
    }

    /// Runs opcodes of context `ci` from its `pc`/`ptr` until it needs a child
    /// context or finishes (CPython's `entrance:` and `dispatch:`).
    fn dispatch(&self, state: &mut State, ci: usize, entering: bool) -> SreResult<Step> {
        let code = self.code;
        let end = state.end;
        let Ctx {
            mut pc,
            mut ptr,
            toplevel,
            ..
        } = state.ctxs[ci];
        if entering && word(code, pc)? == op::INFO {
            // <INFO> <1=skip> <2=flags> <3=min> ...
            let min = word(code, pc + 3)? as usize;
            if min != 0 && ptr <= end && end - ptr < min {
                return Ok(Step::Done(false));
            }
            pc = add(pc + 1, word(code, pc + 1)?)?;
        }
        macro_rules! fail {
            () => {
                return Ok(Step::Done(false))
            };
        }
        macro_rules! call {
            ($jump:expr, $next:expr, $top:expr) => {{
                let c = &mut state.ctxs[ci];
                c.pc = pc;
                c.ptr = ptr;
                return Ok(Step::Call {
                    jump: $jump,
                    pc: $next,
                    toplevel: $top,
                });
            }};
        }
        loop {
            let opcode = word(code, pc)?;
            pc += 1;
            match opcode {
                op::MARK => {
                    let i = word(code, pc)? as usize;
                    if i >= state.marks.len() {
                        return Err(SreError::InvalidCode);
                    }
                    if i & 1 == 1 {
                        state.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > state.lastmark {
                        let from = (state.lastmark + 1) as usize;
                        for m in &mut state.marks[from..i] {
                            *m = NO_MARK;
                        }
                        state.lastmark = i as isize;
                    }
                    state.marks[i] = ptr;
                    pc += 1;
                }
                op::LITERAL => {
                    if ptr >= end || self.ch(ptr) != word(code, pc)? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::NOT_LITERAL => {
                    if ptr >= end || self.ch(ptr) == word(code, pc)? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::SUCCESS => {
                    if toplevel
                        && ((state.match_all && ptr != end)
                            || (state.must_advance && ptr == state.start))
                    {
                        fail!();
                    }
                    state.ptr = ptr;
                    return Ok(Step::Done(true));
                }
                op::AT => {
                    if !self.at(state, ptr, word(code, pc)?)? {
                        fail!();
                    }
                    pc += 1;
                }
                op::ANY
                | op::ANY_ALL
                | op::CATEGORY
                | op::LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE => {
                    if ptr >= end || self.single(pc - 1, self.ch(ptr))? != Some(true) {
                        fail!();
                    }
                    if opcode != op::ANY && opcode != op::ANY_ALL {
                        pc += 1;
                    }
                    ptr += 1;
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    // <IN> <skip> <set>
                    if ptr >= end || self.single(pc - 1, self.ch(ptr))? != Some(true) {
                        fail!();
                    }
                    pc = add(pc, word(code, pc)?)?;
                    ptr += 1;
                }
                op::JUMP | op::INFO => {
                    // <JUMP> <offset>
                    pc = add(pc, word(code, pc)?)?;
                }
                op::BRANCH => {
                    // <BRANCH> <0=skip> code <JUMP> ... <NULL>
                    let c = &mut state.ctxs[ci];
                    c.lastmark = state.lastmark;
                    c.lastindex = state.lastindex;
                    c.pc = pc;
                    c.ptr = ptr;
                    if state.repeat.is_some() {
                        let lm = c.lastmark;
                        self.mark_push(state, lm)?;
                    }
                    return self.branch_next(state, ci);
                }
                op::REPEAT_ONE => {
                    // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = word(code, pc + 1)? as usize;
                    if ptr > end || min > end - ptr {
                        fail!();
                    }
                    state.ptr = ptr;
                    let count = self.count(state, pc + 3, word(code, pc + 2)?)?;
                    ptr += count;
                    if count < min {
                        fail!();
                    }
                    let next = add(pc, word(code, pc)?)?;
                    let next_op = word(code, next)?;
                    if next_op == op::SUCCESS {
                        // The tail is empty: backing off can only move
                        // further from `end` and closer to `start`, so the
                        // longest count is the only one that can succeed
                        // (CPython tries them all, with the same answer).
                        if toplevel
                            && ((state.match_all && ptr != end)
                                || (state.must_advance && ptr == state.start))
                        {
                            fail!();
                        }
                        state.ptr = ptr;
                        return Ok(Step::Done(true));
                    }
                    let c = &mut state.ctxs[ci];
                    c.count = count as isize;
                    c.lastmark = state.lastmark;
                    c.lastindex = state.lastindex;
                    c.pc = pc;
                    c.ptr = ptr;
                    if next_op == op::LITERAL {
                        c.aux = word(code, next + 1)? as usize;
                    }
                    if state.repeat.is_some() {
                        let lm = c.lastmark;
                        self.mark_push(state, lm)?;
                    }
                    return if next_op == op::LITERAL {
                        self.repeat_one_literal(state, ci)
                    } else {
                        self.repeat_one_general(state, ci)
                    };
                }
                op::MIN_REPEAT_ONE => {
                    // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = word(code, pc + 1)?;
                    if ptr > end || min as usize > end - ptr {
                        fail!();
                    }
                    state.ptr = ptr;
                    let mut count = 0;
                    if min != 0 {
                        count = self.count(state, pc + 3, min)?;
                        if count < min as usize {
                            fail!();
                        }
                        ptr += count;
                    }
                    let next = add(pc, word(code, pc)?)?;
                    if word(code, next)? == op::SUCCESS
                        && !(toplevel
                            && ((state.match_all && ptr != end)
                                || (state.must_advance && ptr == state.start)))
                    {
                        state.ptr = ptr;
                        return Ok(Step::Done(true));
                    }
                    let c = &mut state.ctxs[ci];
                    c.count = count as isize;
                    c.lastmark = state.lastmark;
                    c.lastindex = state.lastindex;
                    c.pc = pc;
                    c.ptr = ptr;
                    if state.repeat.is_some() {
                        let lm = c.lastmark;
                        self.mark_push(state, lm)?;
                    }
                    return self.min_repeat_one_next(state, ci);
                }
                op::POSSESSIVE_REPEAT_ONE => {
                    // <POSSESSIVE_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = word(code, pc + 1)? as usize;
                    if ptr > end || min > end - ptr {
                        fail!();
                    }
                    state.ptr = ptr;
                    let count = self.count(state, pc + 3, word(code, pc + 2)?)?;
                    ptr += count;
                    if count < min {
                        fail!();
                    }
                    pc = add(pc, word(code, pc)?)?;
                    if word(code, pc)? == op::SUCCESS
                        && ptr == end
                        && !(toplevel && state.must_advance && ptr == state.start)
                    {
                        state.ptr = ptr;
                        return Ok(Step::Done(true));
                    }
                }
                op::REPEAT => {
                    // <REPEAT> <skip> <1=min> <2=max> item <UNTIL> tail
                    let idx = state.repeats.len();
                    if idx >= MAX_CONTEXTS {
                        return Err(SreError::Memory);
                    }
                    state.repeats.push(Repeat {
                        count: -1,
                        pc,
                        prev: state.repeat,
                        last_ptr: NO_MARK,
                    });
                    state.repeat = Some(idx);
                    state.ctxs[ci].aux = idx;
                    state.ptr = ptr;
                    let next = add(pc, word(code, pc)?)?;
                    call!(Jump::Repeat, next, toplevel);
                }
                op::MAX_UNTIL => {
                    // <REPEAT> <skip> <1=min> <2=max> item <MAX_UNTIL> tail
                    let ri = state.repeat.ok_or(SreError::InvalidCode)?;
                    state.ptr = ptr;
                    let rep = *state.repeats.get(ri).ok_or(SreError::InvalidCode)?;
                    let count = rep.count + 1;
                    let (min, max) = (word(code, rep.pc + 1)?, word(code, rep.pc + 2)?);
                    {
                        let c = &mut state.ctxs[ci];
                        c.aux = ri;
                        c.count = count;
                    }
                    if count < min as isize {
                        state.repeats[ri].count = count;
                        call!(Jump::MaxUntil1, rep.pc + 3, toplevel);
                    }
                    if (count < max as isize || max == MAXREPEAT) && state.ptr != rep.last_ptr {
                        state.repeats[ri].count = count;
                        let lm = state.lastmark;
                        {
                            let c = &mut state.ctxs[ci];
                            c.lastmark = lm;
                            c.lastindex = state.lastindex;
                        }
                        self.mark_push(state, lm)?;
                        state.data.push(rep.last_ptr);
                        state.repeats[ri].last_ptr = state.ptr;
                        call!(Jump::MaxUntil2, rep.pc + 3, toplevel);
                    }
                    state.repeat = rep.prev;
                    call!(Jump::MaxUntil3, pc, toplevel);
                }
                op::MIN_UNTIL => {
                    let ri = state.repeat.ok_or(SreError::InvalidCode)?;
                    state.ptr = ptr;
                    let rep = *state.repeats.get(ri).ok_or(SreError::InvalidCode)?;
                    let count = rep.count + 1;
                    let min = word(code, rep.pc + 1)?;
                    {
                        let c = &mut state.ctxs[ci];
                        c.aux = ri;
                        c.count = count;
                    }
                    if count < min as isize {
                        state.repeats[ri].count = count;
                        call!(Jump::MinUntil1, rep.pc + 3, toplevel);
                    }
                    state.repeat = rep.prev;
                    let lm = state.lastmark;
                    {
                        let c = &mut state.ctxs[ci];
                        c.lastmark = lm;
                        c.lastindex = state.lastindex;
                    }
                    if rep.prev.is_some() {
                        self.mark_push(state, lm)?;
                    }
                    call!(Jump::MinUntil2, pc, toplevel);
                }
                op::POSSESSIVE_REPEAT => {
                    // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
                    state.ptr = ptr;
                    {
                        let c = &mut state.ctxs[ci];
                        c.count = 0;
                        c.aux = NO_MARK;
                        c.pc = pc;
                        c.ptr = ptr;
                    }
                    return self.possessive_next(state, ci);
                }
                op::ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    state.ptr = ptr;
                    call!(Jump::AtomicGroup, pc + 1, false);
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    let g = word(code, pc)? as usize;
                    let Some((mut p, e)) = self.groupref(state, g) else {
                        fail!();
                    };
                    let fold: fn(u32) -> u32 = match opcode {
                        op::GROUPREF => |c| c,
                        op::GROUPREF_IGNORE => chars::lower_ascii,
                        op::GROUPREF_UNI_IGNORE => chars::lower_unicode,
                        _ => chars::lower_locale,
                    };
                    while p < e {
                        if ptr >= end || fold(self.ch(ptr)) != fold(self.ch(p)) {
                            fail!();
                        }
                        p += 1;
                        ptr += 1;
                    }
                    pc += 1;
                }
                op::GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
                    let g = word(code, pc)? as usize;
                    if self.groupref(state, g).is_none() {
                        pc = add(pc, word(code, pc + 1)?)?;
                    } else {
                        pc += 2;
                    }
                }
                op::ASSERT => {
                    // <ASSERT> <skip> <back> <pattern>
                    let back = word(code, pc + 1)? as usize;
                    if ptr < back {
                        fail!();
                    }
                    state.ptr = ptr - back;
                    call!(Jump::Assert, pc + 2, false);
                }
                op::ASSERT_NOT => {
                    // <ASSERT_NOT> <skip> <back> <pattern>
                    let back = word(code, pc + 1)? as usize;
                    if ptr >= back {
                        state.ptr = ptr - back;
                        let lm = state.lastmark;
                        {
                            let c = &mut state.ctxs[ci];
                            c.lastmark = lm;
                            c.lastindex = state.lastindex;
                        }
                        if state.repeat.is_some() {
                            self.mark_push(state, lm)?;
                        }
                        call!(Jump::AssertNot, pc + 2, false);
                    }
                    pc = add(pc, word(code, pc)?)?;
                }
                op::FAILURE => fail!(),
                _ => return Err(SreError::InvalidCode),
            }
        }
    }

    /// The span of group `g` (0-based in code: `g`th group) for a back
    /// reference, if it is set and well formed.
    fn groupref(&self, state: &State, g: usize) -> Option<(usize, usize)> {
        let i = g.checked_mul(2)?;
        if i as isize >= state.lastmark {
            return None;
        }
        let (p, e) = (*state.marks.get(i)?, *state.marks.get(i + 1)?);
        if p == NO_MARK || e == NO_MARK || e < p {
            return None;
        }
        Some((p, e))
    }

    /// Tries the next alternative of a `BRANCH` (the context's `pc` is at the
    /// alternative's skip word).
    fn branch_next(&self, state: &mut State, ci: usize) -> SreResult<Step> {
        let code = self.code;
        let end = state.end;
        let Ctx {
            mut pc,
            ptr,
            toplevel,
            lastmark,
            ..
        } = state.ctxs[ci];
        loop {
            let skip = word(code, pc)?;
            if skip == 0 {
                break;
            }
            let first = word(code, pc + 1)?;
            let skip_alt = if first == op::LITERAL {
                ptr >= end || self.ch(ptr) != word(code, pc + 2)?
            } else if first == op::IN {
                ptr >= end || !self.charset(pc + 3, self.ch(ptr))?
            } else {
                false
            };
            if !skip_alt {
                state.ptr = ptr;
                state.ctxs[ci].pc = pc;
                return Ok(Step::Call {
                    jump: Jump::Branch,
                    pc: pc + 1,
                    toplevel,
                });
            }
            pc = add(pc, skip)?;
        }
        if state.repeat.is_some() {
            self.mark_discard(state, lastmark);
        }
        Ok(Step::Done(false))
    }

    /// `REPEAT_ONE` whose tail starts with a literal: back off to positions
    /// where that literal is next, trying the tail at each.
    fn repeat_one_literal(&self, state: &mut State, ci: usize) -> SreResult<Step> {
        let end = state.end;
        let c = state.ctxs[ci];
        let min = word(self.code, c.pc + 1)? as isize;
        let chr = c.aux as u32;
        let (mut ptr, mut count) = (c.ptr, c.count);
        while count >= min && (ptr >= end || self.ch(ptr) != chr) {
            ptr = ptr.wrapping_sub(1);
            count -= 1;
        }
        if count < min {
            if state.repeat.is_some() {
                self.mark_discard(state, c.lastmark);
            }
            return Ok(Step::Done(false));
        }
        state.ptr = ptr;
        let cm = &mut state.ctxs[ci];
        cm.ptr = ptr;
        cm.count = count;
        Ok(Step::Call {
            jump: Jump::RepeatOne1,
            pc: add(c.pc, word(self.code, c.pc)?)?,
            toplevel: c.toplevel,
        })
    }

    /// `REPEAT_ONE`, general tail: try the tail after each count, longest first.
    fn repeat_one_general(&self, state: &mut State, ci: usize) -> SreResult<Step> {
        let c = state.ctxs[ci];
        let min = word(self.code, c.pc + 1)? as isize;
        if c.count < min {
            if state.repeat.is_some() {
                self.mark_discard(state, c.lastmark);
            }
            return Ok(Step::Done(false));
        }
        state.ptr = c.ptr;
        Ok(Step::Call {
            jump: Jump::RepeatOne2,
            pc: add(c.pc, word(self.code, c.pc)?)?,
            toplevel: c.toplevel,
        })
    }

    /// `MIN_REPEAT_ONE`: try the tail, then one more item, shortest first.
    fn min_repeat_one_next(&self, state: &mut State, ci: usize) -> SreResult<Step> {
        let code = self.code;
        let c = state.ctxs[ci];
        let max = word(code, c.pc + 2)?;
        let tail = add(c.pc, word(code, c.pc)?)?;
        // A tail starting with a literal fails at once where that character
        // is absent: take one more item without trying it (same answer,
        // no context).
        let literal = match word(code, tail)? {
            op::LITERAL => Some(word(code, tail + 1)?),
            _ => None,
        };
        let (mut ptr, mut count) = (c.ptr, c.count);
        loop {
            if !(max == MAXREPEAT || count <= max as isize) {
                if state.repeat.is_some() {
                    self.mark_discard(state, c.lastmark);
                }
                return Ok(Step::Done(false));
            }
            match literal {
                Some(l) if ptr >= state.end || self.ch(ptr) != l => {
                    state.ptr = ptr;
                    if self.count(state, c.pc + 3, 1)? == 0 {
                        if state.repeat.is_some() {
                            self.mark_discard(state, c.lastmark);
                        }
                        return Ok(Step::Done(false));
                    }
                    ptr += 1;
                    count += 1;
                }
                _ => break,
            }
        }
        let cm = &mut state.ctxs[ci];
        cm.ptr = ptr;
        cm.count = count;
        state.ptr = ptr;
        Ok(Step::Call {
            jump: Jump::MinRepeatOne,
            pc: tail,
            toplevel: c.toplevel,
        })
    }

    /// `POSSESSIVE_REPEAT`: the minimum iterations, then as many more as match,
    /// never giving any back.
    fn possessive_next(&self, state: &mut State, ci: usize) -> SreResult<Step> {
        let c = state.ctxs[ci];
        let (min, max) = (word(self.code, c.pc + 1)?, word(self.code, c.pc + 2)?);
        if c.count < min as isize {
            return Ok(Step::Call {
                jump: Jump::PossRepeat1,
                pc: c.pc + 3,
                toplevel: false,
            });
        }
        // After the minimum, `aux` holds the position before the last
        // iteration (`NO_MARK` at first), for the zero-width check.
        if (c.count < max as isize || max == MAXREPEAT) && state.ptr != c.aux {
            let lm = state.lastmark;
            {
                let cm = &mut state.ctxs[ci];
                cm.lastmark = lm;
                cm.lastindex = state.lastindex;
                cm.aux = state.ptr;
            }
            self.mark_push(state, lm)?;
            return Ok(Step::Call {
                jump: Jump::PossRepeat2,
                pc: c.pc + 3,
                toplevel: false,
            });
        }
        self.possessive_tail(state, ci)
    }

    fn possessive_tail(&self, state: &mut State, ci: usize) -> SreResult<Step> {
        let c = &mut state.ctxs[ci];
        c.pc = add(c.pc, word(self.code, c.pc)?)? + 1;
        c.ptr = state.ptr;
        Ok(Step::Dispatch)
    }

    /// Continues context `ci` after its child (started at `jump`) finished
    /// with `ret` (CPython's `jump_*:` labels).
    fn resume(&self, state: &mut State, ci: usize, jump: Jump, ret: bool) -> SreResult<Step> {
        let code = self.code;
        let c = state.ctxs[ci];
        let restore_lastmark = |state: &mut State| {
            state.lastmark = c.lastmark;
            state.lastindex = c.lastindex;
        };
        match jump {
            Jump::None => Err(SreError::InvalidCode),
            Jump::Branch => {
                if ret {
                    if state.repeat.is_some() {
                        self.mark_discard(state, c.lastmark);
                    }
                    return Ok(Step::Done(true));
                }
                if state.repeat.is_some() {
                    self.mark_pop(state, c.lastmark, false)?;
                }
                restore_lastmark(state);
                state.ctxs[ci].pc = add(c.pc, word(code, c.pc)?)?;
                self.branch_next(state, ci)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if ret {
                    if state.repeat.is_some() {
                        self.mark_discard(state, c.lastmark);
                    }
                    return Ok(Step::Done(true));
                }
                if state.repeat.is_some() {
                    self.mark_pop(state, c.lastmark, false)?;
                }
                restore_lastmark(state);
                let cm = &mut state.ctxs[ci];
                cm.ptr = cm.ptr.wrapping_sub(1);
                cm.count -= 1;
                if jump == Jump::RepeatOne1 {
                    self.repeat_one_literal(state, ci)
                } else {
                    self.repeat_one_general(state, ci)
                }
            }
            Jump::MinRepeatOne => {
                if ret {
                    if state.repeat.is_some() {
                        self.mark_discard(state, c.lastmark);
                    }
                    return Ok(Step::Done(true));
                }
                if state.repeat.is_some() {
                    self.mark_pop(state, c.lastmark, false)?;
                }
                restore_lastmark(state);
                state.ptr = c.ptr;
                if self.count(state, c.pc + 3, 1)? == 0 {
                    if state.repeat.is_some() {
                        self.mark_discard(state, c.lastmark);
                    }
                    return Ok(Step::Done(false));
                }
                let cm = &mut state.ctxs[ci];
                cm.ptr += 1;
                cm.count += 1;
                self.min_repeat_one_next(state, ci)
            }
            Jump::Repeat => {
                let prev = state.repeats.get(c.aux).ok_or(SreError::InvalidCode)?.prev;
                state.repeat = prev;
                state.repeats.truncate(c.aux);
                Ok(Step::Done(ret))
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return Ok(Step::Done(true));
                }
                let rep = state.repeats.get_mut(c.aux).ok_or(SreError::InvalidCode)?;
                rep.count = c.count - 1;
                state.ptr = c.ptr;
                Ok(Step::Done(false))
            }
            Jump::MaxUntil2 => {
                let saved = state.data.pop().ok_or(SreError::InvalidCode)?;
                state
                    .repeats
                    .get_mut(c.aux)
                    .ok_or(SreError::InvalidCode)?
                    .last_ptr = saved;
                if ret {
                    self.mark_discard(state, c.lastmark);
                    return Ok(Step::Done(true));
                }
                self.mark_pop(state, c.lastmark, true)?;
                restore_lastmark(state);
                let rep = &mut state.repeats[c.aux];
                rep.count = c.count - 1;
                let prev = rep.prev;
                state.ptr = c.ptr;
                // Cannot match more items here: make sure the tail matches.
                state.repeat = prev;
                Ok(Step::Call {
                    jump: Jump::MaxUntil3,
                    pc: c.pc,
                    toplevel: c.toplevel,
                })
            }
            Jump::MaxUntil3 => {
                state.repeat = Some(c.aux);
                if ret {
                    return Ok(Step::Done(true));
                }
                state.ptr = c.ptr;
                Ok(Step::Done(false))
            }
            Jump::MinUntil2 => {
                let rep = *state.repeats.get(c.aux).ok_or(SreError::InvalidCode)?;
                state.repeat = Some(c.aux);
                if ret {
                    if rep.prev.is_some() {
                        self.mark_discard(state, c.lastmark);
                    }
                    return Ok(Step::Done(true));
                }
                if rep.prev.is_some() {
                    self.mark_pop(state, c.lastmark, true)?;
                }
                restore_lastmark(state);
                state.ptr = c.ptr;
                let max = word(code, rep.pc + 2)?;
                if (c.count >= max as isize && max != MAXREPEAT) || state.ptr == rep.last_ptr {
                    return Ok(Step::Done(false));
                }
                state.data.push(rep.last_ptr);
                let r = &mut state.repeats[c.aux];
                r.count = c.count;
                r.last_ptr = state.ptr;
                Ok(Step::Call {
                    jump: Jump::MinUntil3,
                    pc: rep.pc + 3,
                    toplevel: c.toplevel,
                })
            }
            Jump::MinUntil3 => {
                let saved = state.data.pop().ok_or(SreError::InvalidCode)?;
                let rep = state.repeats.get_mut(c.aux).ok_or(SreError::InvalidCode)?;
                rep.last_ptr = saved;
                if ret {
                    return Ok(Step::Done(true));
                }
                rep.count = c.count - 1;
                state.ptr = c.ptr;
                Ok(Step::Done(false))
            }
            Jump::PossRepeat1 => {
                if !ret {
                    state.ptr = c.ptr;
                    return Ok(Step::Done(false));
                }
                state.ctxs[ci].count += 1;
                self.possessive_next(state, ci)
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_discard(state, c.lastmark);
                    state.ctxs[ci].count += 1;
                    return self.possessive_next(state, ci);
                }
                self.mark_pop(state, c.lastmark, true)?;
                restore_lastmark(state);
                state.ptr = c.aux;
                self.possessive_tail(state, ci)
            }
            Jump::AtomicGroup => {
                if !ret {
                    state.ptr = c.ptr;
                    return Ok(Step::Done(false));
                }
                let cm = &mut state.ctxs[ci];
                cm.pc = add(c.pc, word(code, c.pc)?)?;
                cm.ptr = state.ptr;
                Ok(Step::Dispatch)
            }
            Jump::Assert => {
                if !ret {
                    return Ok(Step::Done(false));
                }
                state.ctxs[ci].pc = add(c.pc, word(code, c.pc)?)?;
                Ok(Step::Dispatch)
            }
            Jump::AssertNot => {
                if ret {
                    if state.repeat.is_some() {
                        self.mark_discard(state, c.lastmark);
                    }
                    return Ok(Step::Done(false));
                }
                if state.repeat.is_some() {
                    self.mark_pop(state, c.lastmark, true)?;
                }
                restore_lastmark(state);
                state.ctxs[ci].pc = add(c.pc, word(code, c.pc)?)?;
                Ok(Step::Dispatch)
            }
        }
    }

    /// `SRE(search)`: the first position from `state.start` where the code
    /// matches, using the `INFO` block's prefix or charset to skip ahead.
    pub fn search(&self, state: &mut State) -> SreResult<bool> {
        let (start, must_advance) = (state.start, state.must_advance);
        let found = self.search_from(state)?;
        // An empty match where one was just found would make `findall` and
        // `sub` loop forever; only malformed code can produce it.
        if found && must_advance && state.start == start && state.ptr == start {
            return Err(SreError::InvalidCode);
        }
        Ok(found)
    }

    fn search_from(&self, state: &mut State) -> SreResult<bool> {
        let code = self.code;
        let mut ptr = state.start;
        let mut end = state.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut prefix: Option<(usize, usize, usize)> = None; // (pos, len, skip)
        let mut charset = None;
        if word(code, 0)? == op::INFO {
            // <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
            flags = word(code, 2)?;
            let min = word(code, 3)? as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end = end.saturating_sub(min - 1).max(ptr);
            }
            if flags & INFO_PREFIX != 0 {
                // <length> <skip> <prefix data> <overlap data>
                let len = word(code, 5)? as usize;
                let skip = word(code, 6)? as usize;
                prefix = Some((7, len, skip));
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = add(1, word(code, 1)?)?;
        }
        if let Some((at_, len, skip)) = prefix {
            if len >= 1 {
                return self.search_prefix(state, pc, flags, at_, len, skip);
            }
        }
        if let Some(set) = charset {
            let end = state.end;
            state.must_advance = false;
            loop {
                while ptr < end && !self.charset(set, self.ch(ptr))? {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                state.start = ptr;
                state.ptr = ptr;
                if self.run(state, pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                state.reset();
            }
        }
        state.start = ptr;
        state.ptr = ptr;
        let mut status =
            !self.first_char_rejects(pc, ptr, state.end)? && self.run(state, pc, true)?;
        state.must_advance = false;
        if !status
            && word(code, pc)? == op::AT
            && matches!(word(code, pc + 1)?, at::BEGINNING | at::BEGINNING_STRING)
        {
            state.start = end;
            state.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            state.reset();
            state.start = ptr;
            state.ptr = ptr;
            status = !self.first_char_rejects(pc, ptr, state.end)? && self.run(state, pc, false)?;
        }
        Ok(status)
    }

    /// Whether the code at `pc` certainly fails at `ptr` because it must
    /// start with one character that is not there (a shortcut for the
    /// search loop; the engine would fail the same way).
    #[inline]
    fn first_char_rejects(&self, pc: usize, ptr: usize, end: usize) -> SreResult<bool> {
        let code = self.code;
        let item = match word(code, pc)? {
            op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                if word(code, pc + 2)? == 0 {
                    return Ok(false);
                }
                pc + 4
            }
            _ => pc,
        };
        if ptr >= end {
            return Ok(self.single(item, 0)?.is_some());
        }
        Ok(self.single(item, self.ch(ptr))? == Some(false))
    }

    /// `SRE(search)` for a pattern with a literal prefix of `len` characters at
    /// `code[at_..]` (followed by its overlap table).
    fn search_prefix(
        &self,
        state: &mut State,
        pc: usize,
        flags: u32,
        at_: usize,
        len: usize,
        skip: usize,
    ) -> SreResult<bool> {
        let code = self.code;
        let end = state.end;
        let mut ptr = state.start;
        let prefix = code
            .get(at_..at_.saturating_add(len))
            .ok_or(SreError::InvalidCode)?;
        let body = skip
            .checked_mul(2)
            .and_then(|n| pc.checked_add(n))
            .ok_or(SreError::InvalidCode)?;
        if len == 1 {
            let c = prefix[0];
            state.must_advance = false;
            while ptr < end {
                while self.ch(ptr) != c {
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                state.start = ptr;
                state.ptr = ptr + skip;
                if flags & INFO_LITERAL != 0 {
                    return Ok(true);
                }
                if self.run(state, body, false)? {
                    return Ok(true);
                }
                ptr += 1;
                state.reset();
            }
            return Ok(false);
        }
        // overlap[i] for 1 <= i <= len (CPython's `overlap = prefix + len - 1`).
        let overlap = at_ + len - 1;
        if len > end.saturating_sub(ptr) {
            return Ok(false);
        }
        while ptr < end {
            let c = prefix[0];
            loop {
                let x = self.ch(ptr);
                ptr += 1;
                if x == c {
                    break;
                }
                if ptr >= end {
                    return Ok(false);
                }
            }
            if ptr >= end {
                return Ok(false);
            }
            let mut i = 1;
            state.must_advance = false;
            loop {
                if self.ch(ptr) == *prefix.get(i).ok_or(SreError::InvalidCode)? {
                    i += 1;
                    if i != len {
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        continue;
                    }
                    // A potential match.
                    state.start = ptr + 1 - len;
                    state.ptr = (ptr + 1 + skip)
                        .checked_sub(len)
                        .ok_or(SreError::InvalidCode)?;
                    if flags & INFO_LITERAL != 0 {
                        return Ok(true);
                    }
                    if self.run(state, body, false)? {
                        return Ok(true);
                    }
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                    state.reset();
                }
                // The overlap table only ever moves back (a table that
                // doesn't is malformed and could loop forever).
                let back = word(code, overlap + i)? as usize;
                if back >= i {
                    return Err(SreError::InvalidCode);
                }
                i = back;
                if i == 0 {
                    break;
                }
            }
        }
        Ok(false)
    }
}
