//! Code objects as plain data: CPython 3.11's `co_*` fields, the [`Constant`]s of
//! `co_consts`, and decoders for the location table (`co_lines()`, `co_positions()`,
//! `co_lnotab`) and the exception table.

use common::bigint::BigInt;
use common::text::Text;

/// A value in `co_consts` (what the compiler can put there, and `marshal` can load).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `...`.
    Ellipsis,
    /// `True` / `False`.
    Bool(bool),
    /// An `int`.
    Int(BigInt),
    /// A `float`.
    Float(f64),
    /// A `complex` (real, imaginary).
    Complex(f64, f64),
    /// A `str`.
    Str(Text),
    /// A `bytes`.
    Bytes(Vec<u8>),
    /// A `tuple`.
    Tuple(Vec<Constant>),
    /// A `frozenset`, in the order marshal stored (iteration order of the original).
    FrozenSet(Vec<Constant>),
    /// A nested code object.
    Code(Box<CodeObject>),
}

/// `co_localspluskinds` bit: an ordinary local variable (in `co_varnames`).
pub const CO_FAST_LOCAL: u8 = 0x20;
/// `co_localspluskinds` bit: a cell variable (in `co_cellvars`).
pub const CO_FAST_CELL: u8 = 0x40;
/// `co_localspluskinds` bit: a free variable (in `co_freevars`).
pub const CO_FAST_FREE: u8 = 0x80;

/// `co_flags` bits (`inspect.CO_*`), by name, in `dis.COMPILER_FLAG_NAMES` order.
pub const CO_FLAG_NAMES: [(u32, &str); 10] = [
    (0x1, "OPTIMIZED"),
    (0x2, "NEWLOCALS"),
    (0x4, "VARARGS"),
    (0x8, "VARKEYWORDS"),
    (0x10, "NESTED"),
    (0x20, "GENERATOR"),
    (0x40, "NOFREE"),
    (0x80, "COROUTINE"),
    (0x100, "ITERABLE_COROUTINE"),
    (0x200, "ASYNC_GENERATOR"),
];

/// A CPython 3.11 code object, as plain data. Field names are CPython's minus `co_`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeObject {
    /// `co_argcount`: positional parameters (including positional-only).
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_stacksize`.
    pub stacksize: u32,
    /// `co_flags` (`CO_*` bits).
    pub flags: u32,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_code`: canonical wordcode with zeroed `CACHE` units.
    pub code: Vec<u8>,
    /// `co_consts`.
    pub consts: Vec<Constant>,
    /// `co_names`: globals, attributes and imported names.
    pub names: Vec<Text>,
    /// `co_localsplusnames`: locals, then cells not already locals, then free variables.
    pub localsplusnames: Vec<Text>,
    /// `co_localspluskinds`: one `CO_FAST_*` byte per `localsplusnames` entry.
    pub localspluskinds: Vec<u8>,
    /// `co_filename`.
    pub filename: Text,
    /// `co_name`.
    pub name: Text,
    /// `co_qualname`.
    pub qualname: Text,
    /// `co_linetable` (3.11 location table; see [`CodeObject::positions`]).
    pub linetable: Vec<u8>,
    /// `co_exceptiontable` (see [`CodeObject::exception_entries`]).
    pub exceptiontable: Vec<u8>,
}

/// One `co_lines()` item: code offsets `start..end` and the line (None = no line).
pub type LineRange = (u32, u32, Option<i32>);

/// One `co_positions()` item: (line, end line, column, end column); None = unknown.
pub type Position = (Option<i32>, Option<i32>, Option<i32>, Option<i32>);

/// One decoded exception-table entry, as `dis._parse_exception_table` gives it
/// (offsets in bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// First covered byte offset.
    pub start: u32,
    /// End of the covered range (exclusive).
    pub end: u32,
    /// Handler byte offset.
    pub target: u32,
    /// Stack depth to pop to.
    pub depth: u32,
    /// Whether the raising instruction's offset is pushed too.
    pub lasti: bool,
}

impl CodeObject {
    fn names_with(&self, pred: impl Fn(u8) -> bool) -> Vec<Text> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, &k)| pred(k))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: parameters and local variables.
    pub fn varnames(&self) -> Vec<Text> {
        self.names_with(|k| k & CO_FAST_LOCAL != 0)
    }

    /// `co_cellvars`: locals referenced by nested functions.
    pub fn cellvars(&self) -> Vec<Text> {
        self.names_with(|k| k & CO_FAST_CELL != 0)
    }

    /// `co_freevars`: variables from enclosing functions.
    pub fn freevars(&self) -> Vec<Text> {
        self.names_with(|k| k & CO_FAST_FREE != 0)
    }

    /// `co_nlocals`: the number of `co_varnames`.
    pub fn nlocals(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|&&k| k & CO_FAST_LOCAL != 0)
            .count()
    }

    /// `co._varname_from_oparg(i)`: the name in the `localsplus` slot `i`.
    pub fn varname_from_oparg(&self, i: usize) -> Option<&Text> {
        self.localsplusnames.get(i)
    }

    /// `co_lines()` (3.11): one range per location-table entry, equal lines not merged.
    pub fn lines(&self) -> Vec<LineRange> {
        let mut out = Vec::new();
        let mut r = LineTableReader::new(&self.linetable, self.firstlineno);
        while let Some(e) = r.next_entry() {
            if e.end > e.start {
                out.push((e.start, e.end, e.line_for_lines));
            }
        }
        out
    }

    /// `co_positions()`: one (line, end line, column, end column) per code unit.
    pub fn positions(&self) -> Vec<Position> {
        let mut out = Vec::new();
        let mut r = LineTableReader::new(&self.linetable, self.firstlineno);
        while let Some(e) = r.next_entry() {
            for _ in (e.start..e.end).step_by(2) {
                out.push(e.position);
            }
        }
        out
    }

    /// `co_lnotab` as 3.11 derives it from the location table (deprecated format:
    /// pairs of byte-offset delta, signed line delta).
    pub fn lnotab(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut code_offset: i64 = 0;
        let mut line = i64::from(self.firstlineno);
        let mut r = LineTableReader::new(&self.linetable, self.firstlineno);
        while let Some(e) = r.next_entry() {
            if e.end == e.start {
                continue;
            }
            if e.computed_line != line {
                let mut bdelta = i64::from(e.start) - code_offset;
                let mut ldelta = e.computed_line - line;
                while bdelta > 255 {
                    out.extend([255, 0]);
                    bdelta -= 255;
                }
                while ldelta > 127 {
                    out.extend([bdelta as u8, 127]);
                    bdelta = 0;
                    ldelta -= 127;
                }
                while ldelta < -128 {
                    out.extend([bdelta as u8, (-128i8) as u8]);
                    bdelta = 0;
                    ldelta += 128;
                }
                out.extend([bdelta as u8, ldelta as i8 as u8]);
                code_offset = i64::from(e.start);
                line = e.computed_line;
            }
        }
        out
    }

    /// The exception table's entries, as `dis._parse_exception_table` decodes them
    /// (a truncated last entry is dropped).
    pub fn exception_entries(&self) -> Vec<ExceptionEntry> {
        parse_exception_table(&self.exceptiontable)
    }
}

/// Decodes an exception table (`co_exceptiontable`); see [`CodeObject::exception_entries`].
pub fn parse_exception_table(table: &[u8]) -> Vec<ExceptionEntry> {
    let mut it = table.iter().copied();
    let mut out = Vec::new();
    let varint = |it: &mut dyn Iterator<Item = u8>| -> Option<u64> {
        let mut b = it.next()?;
        let mut val = u64::from(b & 63);
        while b & 64 != 0 {
            b = it.next()?;
            val = (val << 6) | u64::from(b & 63);
            if val > u64::from(u32::MAX) {
                return None;
            }
        }
        Some(val)
    };
    while let Some(start) = varint(&mut it) {
        let Some(length) = varint(&mut it) else { break };
        let Some(target) = varint(&mut it) else { break };
        let Some(dl) = varint(&mut it) else { break };
        let start = (start * 2) as u32;
        out.push(ExceptionEntry {
            start,
            end: start.wrapping_add((length * 2) as u32),
            target: (target * 2) as u32,
            depth: (dl >> 1) as u32,
            lasti: dl & 1 != 0,
        });
    }
    out
}

/// One decoded location-table entry.
struct LineEntry {
    start: u32,
    end: u32,
    /// The line as `co_lines()` reports it.
    line_for_lines: Option<i32>,
    /// The running line number (continues through no-location entries).
    computed_line: i64,
    position: Position,
}

/// Walks a 3.11 location table (`Objects/locations.md`), tolerating bad data.
struct LineTableReader<'a> {
    table: &'a [u8],
    pos: usize,
    end: u32,
    line: i64,
}

impl<'a> LineTableReader<'a> {
    fn new(table: &'a [u8], firstlineno: i32) -> Self {
        LineTableReader {
            table,
            pos: 0,
            end: 0,
            line: i64::from(firstlineno),
        }
    }

    fn byte(&mut self) -> u8 {
        let b = self.table.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    fn varint(&mut self) -> i64 {
        let mut b = self.byte();
        let mut val = i64::from(b & 63);
        let mut shift = 0;
        while b & 64 != 0 && shift < 56 {
            b = self.byte();
            shift += 6;
            val |= i64::from(b & 63) << shift;
        }
        val
    }

    fn svarint(&mut self) -> i64 {
        let u = self.varint();
        if u & 1 != 0 {
            -(u >> 1)
        } else {
            u >> 1
        }
    }

    fn next_entry(&mut self) -> Option<LineEntry> {
        if self.pos >= self.table.len() {
            return None;
        }
        let first = self.byte();
        let code = (first >> 3) & 15;
        let start = self.end;
        self.end = start.saturating_add((u32::from(first & 7) + 1) * 2);
        let clamp = |v: i64| i32::try_from(v).ok();
        let (line_for_lines, position) = match code {
            15 => (None, (None, None, None, None)),
            14 => {
                self.line += self.svarint();
                let end_line = self.line + self.varint();
                let col = self.varint() - 1;
                let end_col = self.varint() - 1;
                let col = if col < 0 { None } else { clamp(col) };
                let end_col = if end_col < 0 { None } else { clamp(end_col) };
                (
                    clamp(self.line),
                    (clamp(self.line), clamp(end_line), col, end_col),
                )
            }
            13 => {
                self.line += self.svarint();
                (
                    clamp(self.line),
                    (clamp(self.line), clamp(self.line), None, None),
                )
            }
            10..=12 => {
                self.line += i64::from(code - 10);
                let col = i32::from(self.byte());
                let end_col = i32::from(self.byte());
                (
                    clamp(self.line),
                    (clamp(self.line), clamp(self.line), Some(col), Some(end_col)),
                )
            }
            _ => {
                let second = self.byte();
                let col = i32::from(code) << 3 | i32::from(second >> 4);
                let end_col = col + i32::from(second & 15);
                (
                    clamp(self.line),
                    (clamp(self.line), clamp(self.line), Some(col), Some(end_col)),
                )
            }
        };
        // Skip to the next entry start (bytes with the high bit set), as CPython does.
        while self.pos < self.table.len() && self.table[self.pos] & 0x80 == 0 {
            self.pos += 1;
        }
        Some(LineEntry {
            start,
            end: self.end,
            line_for_lines,
            computed_line: self.line,
            position,
        })
    }
}
