//! CPython 3.11's `marshal` format (version 4) for code objects and their constants,
//! both ways. Reading accepts every type code `marshal.dumps` produces for a code
//! object (refs, small tuples, short/interned ASCII strings, 15-bit-digit longs,
//! binary floats and complexes, frozensets, code objects); bad or hostile data gives
//! a [`MarshalError`], never a panic, with bounded nesting and output size.
//!
//! Writing reproduces CPython's decisions: which strings are interned (names, and
//! constants made only of `[A-Za-z0-9_]`, as `intern_string_constants` does), and
//! which objects get `FLAG_REF` (those whose reference count would be above 1 when
//! `marshal.dumps` runs: objects the compiler's constant cache shares between
//! several places, and CPython's immortal singletons).
//!
//! The rules, measured on the stdlib's `.pyc` files (`tests/scripts/pyc_roundtrip.py`):
//! - always `FLAG_REF`: interned strings, `co_code` (cached on the code object),
//!   `co_filename`, non-identifier `co_name`s (static strings like `<module>`), small
//!   ints (-5..=256), `''`, 1-character Latin-1 strings, `b''`, `()`, the top-level
//!   code object;
//! - shared by value (so `FLAG_REF` once, then `TYPE_REF`): constants of equal value
//!   and type (ints, floats except NaN, complexes, strings, bytes, tuples including
//!   `co_consts`, `co_names` and `co_localsplusnames`, frozensets), line and
//!   exception tables, a class body's qualname with its `__qualname__` constant (first
//!   class only), items of frozensets (also held by the folded tuple);
//! - never shared: code objects, `co_localspluskinds`, other qualnames;
//! - interned: names, identifier-like constants (`[A-Za-z0-9_]*`) and `"*"`.

use crate::code::{CodeObject, Constant};
use common::bigint::BigInt;
use common::text::Text;
use dashu_int::ops::{BitTest, UnsignedAbs};
use std::collections::HashMap;

/// The marshal format version `marshal.dumps` uses in 3.11.
pub const VERSION: u32 = 4;
/// Maximum nesting depth accepted when reading (CPython's `MAX_MARSHAL_STACK_DEPTH`).
pub const MAX_DEPTH: usize = 2000;
/// Maximum number of values materialized when reading (bounds `TYPE_REF` blow-ups).
pub const MAX_NODES: usize = 1 << 22;

const FLAG_REF: u8 = 0x80;

/// Why marshal data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarshalError {
    /// The data ends in the middle of a value (`EOFError` in CPython).
    Truncated,
    /// An unknown or unsupported type code.
    BadType(u8),
    /// Structurally invalid data, with a description.
    Invalid(&'static str),
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More values than [`MAX_NODES`].
    TooLarge,
}

impl std::fmt::Display for MarshalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MarshalError::Truncated => f.write_str("marshal data too short"),
            MarshalError::BadType(t) => write!(f, "bad marshal data (unknown type code {t:#04x})"),
            MarshalError::Invalid(m) => write!(f, "bad marshal data ({m})"),
            MarshalError::TooDeep => f.write_str("bad marshal data (nesting too deep)"),
            MarshalError::TooLarge => f.write_str("bad marshal data (too many objects)"),
        }
    }
}

impl std::error::Error for MarshalError {}

/// `marshal.loads(data)` for data holding a constant (usually a code object).
/// Trailing bytes are ignored, as CPython ignores them.
pub fn loads(data: &[u8]) -> Result<Constant, MarshalError> {
    let mut r = Reader {
        data,
        pos: 0,
        refs: Vec::new(),
        depth: 0,
        nodes: 0,
    };
    r.object()
}

/// `marshal.loads(data)` for data holding a code object.
pub fn loads_code(data: &[u8]) -> Result<CodeObject, MarshalError> {
    match loads(data)? {
        Constant::Code(c) => Ok(*c),
        _ => Err(MarshalError::Invalid("not a code object")),
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Values stored with FLAG_REF, with their node counts; `None` while being built.
    refs: Vec<Option<(Constant, usize)>>,
    depth: usize,
    nodes: usize,
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> Result<&[u8], MarshalError> {
        let end = self.pos.checked_add(n).ok_or(MarshalError::Truncated)?;
        let s = self
            .data
            .get(self.pos..end)
            .ok_or(MarshalError::Truncated)?;
        self.pos = end;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, MarshalError> {
        Ok(self.bytes(1)?[0])
    }

    fn long(&mut self) -> Result<i32, MarshalError> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self) -> Result<usize, MarshalError> {
        let n = self.long()?;
        usize::try_from(n).map_err(|_| MarshalError::Invalid("size out of range"))
    }

    fn float(&mut self) -> Result<f64, MarshalError> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    fn text_float(&mut self) -> Result<f64, MarshalError> {
        let n = usize::from(self.byte()?);
        let s = std::str::from_utf8(self.bytes(n)?).map_err(|_| MarshalError::Invalid("float"))?;
        parse_python_float(s).ok_or(MarshalError::Invalid("float"))
    }

    fn count(&mut self, n: usize) -> Result<(), MarshalError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(MarshalError::TooLarge);
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Constant, MarshalError> {
        if self.depth >= MAX_DEPTH {
            return Err(MarshalError::TooDeep);
        }
        self.depth += 1;
        let start = self.nodes;
        let r = self.object_inner(start);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, start_nodes: usize) -> Result<Constant, MarshalError> {
        let code = self.byte()?;
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        if ty == b'r' {
            let i = self.size()?;
            let n = match self.refs.get(i) {
                Some(Some((_, n))) => *n,
                Some(None) => return Err(MarshalError::Invalid("reference to unfinished object")),
                None => return Err(MarshalError::Invalid("invalid reference")),
            };
            // Count before cloning, so a reference bomb fails before it allocates.
            self.count(n)?;
            return match self.refs.get(i) {
                Some(Some((v, _))) => Ok(v.clone()),
                _ => Err(MarshalError::Invalid("invalid reference")),
            };
        }
        self.count(1)?;
        // Containers reserve their ref slot before reading their contents.
        let slot = if flag && matches!(ty, b'(' | b')' | b'>' | b'<' | b'c') {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match ty {
            b'N' => Constant::None,
            b'F' => Constant::Bool(false),
            b'T' => Constant::Bool(true),
            b'.' => Constant::Ellipsis,
            b'i' => Constant::Int(BigInt::from(self.long()?)),
            b'l' => self.read_long()?,
            b'g' => Constant::Float(self.float()?),
            b'f' => Constant::Float(self.text_float()?),
            b'y' => {
                let re = self.float()?;
                Constant::Complex(re, self.float()?)
            }
            b'x' => {
                let re = self.text_float()?;
                Constant::Complex(re, self.text_float()?)
            }
            b's' => {
                let n = self.size()?;
                Constant::Bytes(self.bytes(n)?.to_vec())
            }
            b'u' | b't' => {
                let n = self.size()?;
                let b = self.bytes(n)?;
                Constant::Str(Text::from_generalized_utf8(b).ok_or(MarshalError::Invalid("utf-8"))?)
            }
            b'a' | b'A' => {
                let n = self.size()?;
                Constant::Str(Text::from_latin1(self.bytes(n)?))
            }
            b'z' | b'Z' => {
                let n = usize::from(self.byte()?);
                Constant::Str(Text::from_latin1(self.bytes(n)?))
            }
            b'(' | b')' | b'>' | b'<' => {
                let n = if ty == b')' {
                    usize::from(self.byte()?)
                } else {
                    self.size()?
                };
                if n > self.data.len() - self.pos {
                    return Err(MarshalError::Truncated);
                }
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.object()?);
                }
                match ty {
                    b'(' | b')' => Constant::Tuple(items),
                    b'>' => Constant::FrozenSet(items),
                    _ => return Err(MarshalError::BadType(code)),
                }
            }
            b'c' => Constant::Code(Box::new(self.code()?)),
            _ => return Err(MarshalError::BadType(code)),
        };
        let nodes = self.nodes - start_nodes;
        if slot.is_some() || flag {
            // Keeping a copy for later references costs as much as the value itself.
            self.count(nodes)?;
        }
        match slot {
            Some(i) => self.refs[i] = Some((v.clone(), nodes)),
            None if flag => self.refs.push(Some((v.clone(), nodes))),
            None => {}
        }
        Ok(v)
    }

    fn read_long(&mut self) -> Result<Constant, MarshalError> {
        let n = self.long()?;
        let digits = n.unsigned_abs() as usize;
        if digits > (self.data.len() - self.pos) / 2 {
            return Err(MarshalError::Truncated);
        }
        // Pack the 15-bit digits into little-endian bytes.
        let mut bytes = vec![0u8; (digits * 15).div_ceil(8) + 1];
        let mut top = 0u16;
        for i in 0..digits {
            let b = self.bytes(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d >= 1 << 15 {
                return Err(MarshalError::Invalid("digit out of range"));
            }
            top = d;
            let bit = i * 15;
            let v = u32::from(d) << (bit % 8);
            let at = bit / 8;
            bytes[at] |= v as u8;
            bytes[at + 1] |= (v >> 8) as u8;
            if at + 2 < bytes.len() {
                bytes[at + 2] |= (v >> 16) as u8;
            }
        }
        if digits > 0 && top == 0 {
            return Err(MarshalError::Invalid("unnormalized long data"));
        }
        let mag = BigInt::from(dashu_int::UBig::from_le_bytes(&bytes));
        Ok(Constant::Int(if n < 0 { -mag } else { mag }))
    }

    fn str_field(&mut self) -> Result<Text, MarshalError> {
        match self.object()? {
            Constant::Str(s) => Ok(s),
            _ => Err(MarshalError::Invalid("expected a str")),
        }
    }

    fn str_tuple(&mut self) -> Result<Vec<Text>, MarshalError> {
        match self.object()? {
            Constant::Tuple(items) => items
                .into_iter()
                .map(|i| match i {
                    Constant::Str(s) => Ok(s),
                    _ => Err(MarshalError::Invalid("expected a tuple of str")),
                })
                .collect(),
            _ => Err(MarshalError::Invalid("expected a tuple")),
        }
    }

    fn bytes_field(&mut self) -> Result<Vec<u8>, MarshalError> {
        match self.object()? {
            Constant::Bytes(b) => Ok(b),
            _ => Err(MarshalError::Invalid("expected bytes")),
        }
    }

    fn uint(&mut self) -> Result<u32, MarshalError> {
        u32::try_from(self.long()?).map_err(|_| MarshalError::Invalid("negative count"))
    }

    fn code(&mut self) -> Result<CodeObject, MarshalError> {
        let argcount = self.uint()?;
        let posonlyargcount = self.uint()?;
        let kwonlyargcount = self.uint()?;
        let stacksize = self.uint()?;
        let flags = self.long()? as u32;
        let code = self.bytes_field()?;
        let consts = match self.object()? {
            Constant::Tuple(items) => items,
            _ => return Err(MarshalError::Invalid("co_consts is not a tuple")),
        };
        let names = self.str_tuple()?;
        let localsplusnames = self.str_tuple()?;
        let localspluskinds = self.bytes_field()?;
        let filename = self.str_field()?;
        let name = self.str_field()?;
        let qualname = self.str_field()?;
        let firstlineno = self.long()?;
        let linetable = self.bytes_field()?;
        let exceptiontable = self.bytes_field()?;
        if localsplusnames.len() != localspluskinds.len() {
            return Err(MarshalError::Invalid(
                "localsplusnames/kinds length mismatch",
            ));
        }
        if code.len() % 2 != 0 {
            return Err(MarshalError::Invalid("odd co_code length"));
        }
        Ok(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            firstlineno,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            linetable,
            exceptiontable,
        })
    }
}

/// Parses the text of a float as `marshal`'s old text formats store it.
fn parse_python_float(s: &str) -> Option<f64> {
    match s.trim() {
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" => Some(f64::NAN),
        "-nan" => Some(-f64::NAN),
        t => t.parse().ok(),
    }
}

// ---------------------------------------------------------------------------
// Writing

/// Identity of an object as CPython would share it when the module was compiled.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A str, by value and interned state.
    Str(Vec<u8>, bool),
    /// A bytes object merged by the constant cache (by value).
    Bytes(Vec<u8>),
    /// An int by value.
    Int(BigInt),
    /// A float by bit pattern.
    Float(u64),
    /// A complex by bit patterns.
    Complex(u64, u64),
    /// A tuple by its items' keys.
    Tuple(Vec<Key>),
    /// A frozenset by its items' keys.
    FrozenSet(Vec<Key>),
    /// An object never shared with anything else (code objects, `co_code`, ...).
    Unique(usize),
    /// An object referenced once but with a reference count above 1 anyway
    /// (`co_code`, which `_PyCode_GetCode` also caches on the code object).
    Held(usize),
    /// A `co_name` that is not an identifier (`<module>`, `<lambda>`, ...): one of
    /// CPython's static strings, not interned.
    StaticName(Vec<u8>),
    /// None (0), Ellipsis (1), False (2), True (3): written by type code alone.
    Singleton(u8),
    /// The code objects' shared `co_filename`.
    Filename(Vec<u8>),
}

/// An object whose reference count is always above 1 in CPython (a singleton or a
/// statically allocated object).
fn immortal(key: &Key) -> bool {
    match key {
        // Interned strings: their count is never 1 when marshal runs (measured).
        Key::Str(_, true) => true,
        Key::Int(i) => *i >= BigInt::from(-5) && *i <= BigInt::from(256),
        Key::Str(b, _) => {
            b.is_empty()
                || Text::from_generalized_utf8(b).is_some_and(|s| {
                    let mut cps = s.code_points();
                    matches!((cps.next(), cps.next()), (Some(c), None) if c < 256)
                })
        }
        Key::Bytes(b) => b.len() <= 1,
        Key::Tuple(t) => t.is_empty(),
        Key::Filename(_) | Key::Held(_) | Key::StaticName(_) => true,
        _ => false,
    }
}

/// `intern_string_constants`'s test: ASCII letters, digits and underscores only.
pub fn all_name_chars(s: &Text) -> bool {
    s.as_bytes()
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether a string constant is interned when CPython compiles a module: those
/// passing [`all_name_chars`], and `"*"` (the 1-character singleton `from m import *`
/// interns).
pub fn const_is_interned(s: &Text) -> bool {
    all_name_chars(s) || s.as_bytes() == b"*"
}

/// What is written for one slot: a constant, or a code-object field with its role.
#[derive(Clone, Copy)]
enum Slot<'a> {
    Const(&'a Constant),
    Name(&'a Text),
    NameTuple(&'a [Text]),
    Filename(&'a Text),
    PlainStr(&'a Text),
    MergedBytes(&'a [u8]),
    UniqueBytes(&'a [u8]),
    CoCode(&'a [u8]),
    CodeName(&'a Text),
    ClassQualname(&'a Text),
}

/// `marshal.dumps(code)`, with CPython 3.11's interning and `FLAG_REF` decisions.
pub fn dumps_code(code: &CodeObject) -> Vec<u8> {
    let top = Constant::Code(Box::new(code.clone()));
    dumps(&top)
}

/// `marshal.dumps(value)` for a constant (usually a code object, as the top-level
/// module code, which `py_compile` holds a reference to while dumping).
pub fn dumps(value: &Constant) -> Vec<u8> {
    let mut w = Writer {
        out: Vec::new(),
        counts: HashMap::new(),
        refs: HashMap::new(),
        unique: 0,
        class_qualnames: Default::default(),
    };
    // Pass 1: count references to each shared object.
    w.unique = 0;
    w.count(Slot::Const(value), true);
    // Pass 2: write.
    w.unique = 0;
    w.class_qualnames.clear();
    w.write(Slot::Const(value), true);
    w.out
}

struct Writer {
    out: Vec<u8>,
    counts: HashMap<Key, usize>,
    refs: HashMap<Key, u32>,
    unique: usize,
    /// Qualnames of class bodies seen so far (see `code_slots`).
    class_qualnames: std::collections::HashSet<Vec<u8>>,
}

impl Writer {
    fn next_unique(&mut self) -> Key {
        self.unique += 1;
        Key::Unique(self.unique)
    }

    fn key(&mut self, slot: Slot<'_>) -> Option<Key> {
        Some(match slot {
            Slot::Const(c) => match c {
                Constant::None | Constant::Ellipsis | Constant::Bool(_) => return None,
                Constant::Int(i) => Key::Int(i.clone()),
                // NaN != NaN, so the constant cache never merges NaNs.
                Constant::Float(f) if f.is_nan() => self.next_unique(),
                Constant::Complex(a, b) if a.is_nan() || b.is_nan() => self.next_unique(),
                Constant::Float(f) => Key::Float(f.to_bits()),
                Constant::Complex(a, b) => Key::Complex(a.to_bits(), b.to_bits()),
                Constant::Str(s) => Key::Str(s.as_bytes().to_vec(), const_is_interned(s)),
                Constant::Bytes(b) => Key::Bytes(b.clone()),
                Constant::Tuple(items) => Key::Tuple(self.const_keys(items)),
                Constant::FrozenSet(items) => Key::FrozenSet(self.const_keys(items)),
                Constant::Code(_) => self.next_unique(),
            },
            Slot::Name(s) => Key::Str(s.as_bytes().to_vec(), true),
            Slot::NameTuple(items) => Key::Tuple(
                items
                    .iter()
                    .map(|s| Key::Str(s.as_bytes().to_vec(), true))
                    .collect(),
            ),
            Slot::Filename(s) => Key::Filename(s.as_bytes().to_vec()),
            Slot::PlainStr(_) => self.next_unique(),
            // A class body's qualname is also its `__qualname__` constant.
            Slot::ClassQualname(s) => Key::Str(s.as_bytes().to_vec(), false),
            Slot::MergedBytes(b) => Key::Bytes(b.to_vec()),
            Slot::CodeName(s) if all_name_chars(s) => Key::Str(s.as_bytes().to_vec(), true),
            Slot::CodeName(s) => Key::StaticName(s.as_bytes().to_vec()),
            Slot::CoCode(_) => {
                self.unique += 1;
                Key::Held(self.unique)
            }
            Slot::UniqueBytes(b) => {
                if b.is_empty() {
                    Key::Bytes(b.to_vec())
                } else {
                    self.next_unique()
                }
            }
        })
    }

    fn const_keys(&mut self, items: &[Constant]) -> Vec<Key> {
        items
            .iter()
            .map(|c| match c {
                Constant::None => Key::Singleton(0),
                Constant::Ellipsis => Key::Singleton(1),
                Constant::Bool(b) => Key::Singleton(2 + u8::from(*b)),
                _ => self.key(Slot::Const(c)).unwrap_or(Key::Singleton(0)),
            })
            .collect()
    }

    /// The slots of a code object's fields, in marshal order (`co_consts` marked).
    fn code_slots<'c>(&mut self, code: &'c CodeObject) -> Vec<Slot<'c>> {
        let qual = if code.qualname == code.name {
            Slot::CodeName(&code.qualname)
        } else if code
            .consts
            .iter()
            .any(|c| matches!(c, Constant::Str(s) if *s == code.qualname))
            && self
                .class_qualnames
                .insert(code.qualname.as_bytes().to_vec())
        {
            // The first class body with this qualname put it in the constant cache.
            Slot::ClassQualname(&code.qualname)
        } else {
            Slot::PlainStr(&code.qualname)
        };
        vec![
            Slot::CoCode(&code.code),
            Slot::Const(&CONSTS_MARKER),
            Slot::NameTuple(&code.names),
            Slot::NameTuple(&code.localsplusnames),
            Slot::UniqueBytes(&code.localspluskinds),
            Slot::Filename(&code.filename),
            Slot::CodeName(&code.name),
            qual,
            Slot::MergedBytes(&code.linetable),
            Slot::MergedBytes(&code.exceptiontable),
        ]
    }

    /// Pass 1: count references, descending into each shared object once.
    fn count(&mut self, slot: Slot<'_>, top: bool) {
        let Some(key) = self.key(slot) else { return };
        let n = self.counts.entry(key).or_insert(0);
        *n += if top { 2 } else { 1 };
        if *n > 1 && !top {
            return;
        }
        match slot {
            Slot::Const(Constant::Tuple(items)) => {
                for i in items {
                    self.count(Slot::Const(i), false);
                }
            }
            Slot::Const(Constant::FrozenSet(items)) => {
                // A frozenset's items are also held by the tuple it was folded from.
                for i in items {
                    self.count(Slot::Const(i), false);
                    self.count(Slot::Const(i), false);
                }
            }
            Slot::Const(Constant::Code(code)) => self.count_code(code),
            Slot::NameTuple(items) => {
                for s in items {
                    self.count(Slot::Name(s), false);
                }
            }
            _ => {}
        }
    }

    fn count_code(&mut self, code: &CodeObject) {
        for s in self.code_slots(code) {
            if let Slot::Const(_) = s {
                self.count_consts(&code.consts);
            } else {
                self.count(s, false);
            }
        }
    }

    fn count_consts(&mut self, consts: &[Constant]) {
        // co_consts tuples are merged by the constant cache like any tuple.
        let key = self.const_tuple_key(consts);
        let n = self.counts.entry(key).or_insert(0);
        *n += 1;
        if *n == 1 {
            for c in consts {
                self.count(Slot::Const(c), false);
            }
        }
    }

    fn const_tuple_key(&mut self, consts: &[Constant]) -> Key {
        Key::Tuple(self.const_keys(consts))
    }

    fn w_long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes the type byte, handling FLAG_REF / TYPE_REF; returns false if a ref was
    /// written (the object is already done).
    fn begin(&mut self, key: &Option<Key>, ty: u8) -> bool {
        if let Some(k) = key {
            if let Some(&i) = self.refs.get(k) {
                self.out.push(b'r');
                self.w_long(i as i32);
                return false;
            }
            let shared = self.counts.get(k).copied().unwrap_or(0) > 1 || immortal(k);
            if shared {
                let i = self.refs.len() as u32;
                self.refs.insert(k.clone(), i);
                self.out.push(ty | FLAG_REF);
                return true;
            }
        }
        self.out.push(ty);
        true
    }

    fn write_str(&mut self, key: Option<Key>, s: &Text, interned: bool) {
        if s.is_ascii() {
            let n = s.as_bytes().len();
            let ty = match (n < 256, interned) {
                (true, true) => b'Z',
                (true, false) => b'z',
                (false, true) => b'A',
                (false, false) => b'a',
            };
            if !self.begin(&key, ty) {
                return;
            }
            if n < 256 {
                self.out.push(n as u8);
            } else {
                self.w_long(n as i32);
            }
        } else {
            if !self.begin(&key, if interned { b't' } else { b'u' }) {
                return;
            }
            self.w_long(s.as_bytes().len() as i32);
        }
        self.out.extend_from_slice(s.as_bytes());
    }

    fn write_bytes(&mut self, key: Option<Key>, b: &[u8]) {
        if self.begin(&key, b's') {
            self.w_long(b.len() as i32);
            self.out.extend_from_slice(b);
        }
    }

    fn write_seq_header(&mut self, key: Option<Key>, n: usize, set: bool) -> bool {
        if set {
            if !self.begin(&key, b'>') {
                return false;
            }
            self.w_long(n as i32);
        } else if n < 256 {
            if !self.begin(&key, b')') {
                return false;
            }
            self.out.push(n as u8);
        } else {
            if !self.begin(&key, b'(') {
                return false;
            }
            self.w_long(n as i32);
        }
        true
    }

    fn write(&mut self, slot: Slot<'_>, top: bool) {
        let _ = top;
        let key = self.key(slot);
        match slot {
            Slot::Const(c) => match c {
                Constant::None => self.out.push(b'N'),
                Constant::Ellipsis => self.out.push(b'.'),
                Constant::Bool(b) => self.out.push(if *b { b'T' } else { b'F' }),
                Constant::Int(i) => {
                    let small = i32::try_from(i).ok();
                    if let Some(v) = small {
                        if self.begin(&key, b'i') {
                            self.w_long(v);
                        }
                    } else if self.begin(&key, b'l') {
                        self.write_long_digits(i);
                    }
                }
                Constant::Float(f) => {
                    if self.begin(&key, b'g') {
                        self.out.extend_from_slice(&f.to_le_bytes());
                    }
                }
                Constant::Complex(a, b) => {
                    if self.begin(&key, b'y') {
                        self.out.extend_from_slice(&a.to_le_bytes());
                        self.out.extend_from_slice(&b.to_le_bytes());
                    }
                }
                Constant::Str(s) => self.write_str(key, s, const_is_interned(s)),
                Constant::Bytes(b) => self.write_bytes(key, b),
                Constant::Tuple(items) | Constant::FrozenSet(items) => {
                    let set = matches!(c, Constant::FrozenSet(_));
                    if self.write_seq_header(key, items.len(), set) {
                        for i in items {
                            self.write(Slot::Const(i), false);
                        }
                    }
                }
                Constant::Code(code) => {
                    let key = if top {
                        key.map(|_| Key::Unique(0))
                    } else {
                        key
                    };
                    if top {
                        self.counts.insert(Key::Unique(0), 2);
                    }
                    if self.begin(&key, b'c') {
                        self.write_code(code);
                    }
                }
            },
            Slot::Name(s) => self.write_str(key, s, true),
            Slot::NameTuple(items) => {
                if self.write_seq_header(key, items.len(), false) {
                    for s in items {
                        self.write(Slot::Name(s), false);
                    }
                }
            }
            Slot::Filename(s) | Slot::PlainStr(s) | Slot::ClassQualname(s) => {
                self.write_str(key, s, false)
            }
            Slot::CodeName(s) => self.write_str(key, s, all_name_chars(s)),
            Slot::MergedBytes(b) | Slot::UniqueBytes(b) | Slot::CoCode(b) => {
                self.write_bytes(key, b)
            }
        }
    }

    fn write_code(&mut self, code: &CodeObject) {
        self.w_long(code.argcount as i32);
        self.w_long(code.posonlyargcount as i32);
        self.w_long(code.kwonlyargcount as i32);
        self.w_long(code.stacksize as i32);
        self.w_long(code.flags as i32);
        let slots = self.code_slots(code);
        for (i, s) in slots.into_iter().enumerate() {
            if i == 8 {
                self.w_long(code.firstlineno);
            }
            if let Slot::Const(_) = s {
                let key = Some(self.const_tuple_key(&code.consts));
                if self.write_seq_header(key, code.consts.len(), false) {
                    for c in &code.consts {
                        self.write(Slot::Const(c), false);
                    }
                }
            } else {
                self.write(s, false);
            }
        }
    }

    fn write_long_digits(&mut self, i: &BigInt) {
        let neg = *i < BigInt::from(0);
        let mag = i.unsigned_abs();
        let bytes = mag.to_le_bytes();
        let bits = mag.bit_len();
        let ndigits = bits.div_ceil(15).max(1);
        self.w_long(if neg {
            -(ndigits as i32)
        } else {
            ndigits as i32
        });
        for d in 0..ndigits {
            let bit = d * 15;
            let mut v: u32 = 0;
            for k in 0..3 {
                if let Some(&b) = bytes.get(bit / 8 + k) {
                    v |= u32::from(b) << (8 * k);
                }
            }
            let digit = ((v >> (bit % 8)) & 0x7FFF) as u16;
            self.out.extend_from_slice(&digit.to_le_bytes());
        }
    }
}

/// Placeholder marking where `co_consts` goes among a code object's fields.
static CONSTS_MARKER: Constant = Constant::None;

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let code = CodeObject {
            argcount: 1,
            stacksize: 2,
            flags: 3,
            firstlineno: 1,
            code: vec![151, 0, 100, 0, 83, 0],
            consts: vec![
                Constant::None,
                Constant::Int(BigInt::from(10).pow(30)),
                Constant::Int(BigInt::from(-70000)),
                Constant::Float(1.5),
                Constant::Complex(0.0, 2.0),
                Constant::Str(Text::from("héllo")),
                Constant::Str(Text::from("name_like")),
                Constant::Bytes(b"ab".to_vec()),
                Constant::Tuple(vec![Constant::Bool(true), Constant::Ellipsis]),
                Constant::FrozenSet(vec![Constant::Int(BigInt::from(1))]),
            ],
            names: vec![Text::from("print")],
            localsplusnames: vec![Text::from("x")],
            localspluskinds: vec![0x20],
            filename: Text::from("f.py"),
            name: Text::from("f"),
            qualname: Text::from("f"),
            linetable: vec![0x80, 0x00],
            exceptiontable: Vec::new(),
            ..Default::default()
        };
        dumps_code(&code)
    }

    #[test]
    fn round_trip() {
        let data = sample();
        let code = loads_code(&data).unwrap();
        assert_eq!(code.consts[1], Constant::Int(BigInt::from(10).pow(30)));
        assert_eq!(code.consts[2], Constant::Int(BigInt::from(-70000)));
        assert_eq!(code.consts[5], Constant::Str(Text::from("héllo")));
        assert_eq!(dumps_code(&code), data);
    }

    #[test]
    fn long_digits() {
        for v in [
            BigInt::from(1) << 31,
            -(BigInt::from(1) << 45),
            BigInt::from(10).pow(100),
        ] {
            let data = dumps(&Constant::Int(v.clone()));
            assert_eq!(data[0] & 0x7f, b'l');
            assert_eq!(loads(&data).unwrap(), Constant::Int(v));
        }
        // 2**31 in 15-bit digits: [0, 0, 2].
        let data = dumps(&Constant::Int(BigInt::from(1) << 31));
        assert_eq!(&data[1..], &[3, 0, 0, 0, 0, 0, 0, 0, 2, 0]);
    }

    #[test]
    fn truncated_input_is_an_error() {
        let data = sample();
        for n in 0..data.len() {
            assert!(loads(&data[..n]).is_err(), "prefix {n}");
        }
    }

    #[test]
    fn corrupted_input_never_panics() {
        let data = sample();
        let mut seed: u64 = 0x9E3779B97F4A7C15;
        for _ in 0..20000 {
            let mut d = data.clone();
            for _ in 0..3 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let i = (seed as usize) % d.len();
                d[i] = (seed >> 32) as u8;
            }
            let _ = loads(&d);
        }
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut d = [b')', 1].repeat(100_000);
        d.push(b'N');
        assert_eq!(loads(&d), Err(MarshalError::TooDeep));
    }

    #[test]
    fn reference_bomb_is_bounded() {
        // t0 = (None,)*200 with FLAG_REF; each next tuple holds 200 refs to the last.
        let mut d = Vec::new();
        let levels: i32 = 6;
        for _ in 0..levels {
            d.extend([b')' | FLAG_REF, 200]);
        }
        // Innermost: 200 Nones.
        d.extend(std::iter::repeat_n(b'N', 200));
        // Close each outer level with 199 refs to the level inside it.
        for level in (0..levels - 1).rev() {
            for _ in 0..199 {
                d.push(b'r');
                d.extend((level + 1).to_le_bytes());
            }
        }
        assert_eq!(loads(&d), Err(MarshalError::TooLarge));
    }

    #[test]
    fn bad_refs() {
        assert!(loads(&[b'r', 0, 0, 0, 0]).is_err());
        assert!(loads(&[b')' | FLAG_REF, 1, b'r', 0, 0, 0, 0]).is_err());
        assert_eq!(loads(b"?"), Err(MarshalError::BadType(b'?')));
    }
}
