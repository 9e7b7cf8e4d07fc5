//! Code objects as VM objects (CPython's `PyCodeObject`, `Objects/codeobject.c`):
//! the compiler's plain-data [`CodeObject`] plus what the eval loop needs ready to
//! use: constants converted once to [`Value`]s, names interned, the instruction
//! stream as a private copy (room for specialization, ARCHITECTURE §3), the
//! exception table decoded, and the localsplus layout (cells, free variables).

use std::cell::Cell;

use common::text::Text;
use compiler::code::{
    CodeObject, Constant, ExceptionEntry, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL,
};

use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::value::Value;

/// `co_flags` bit: the code is a generator function's.
pub const CO_GENERATOR: u32 = 0x20;
/// `co_flags` bit: `*args`.
pub const CO_VARARGS: u32 = 0x4;
/// `co_flags` bit: `**kwargs`.
pub const CO_VARKEYWORDS: u32 = 0x8;
/// `co_flags` bit: a coroutine.
pub const CO_COROUTINE: u32 = 0x80;
/// `co_flags` bit: an async generator.
pub const CO_ASYNC_GENERATOR: u32 = 0x200;
/// `co_flags` bit: a new locals dict is not created (function code).
pub const CO_OPTIMIZED: u32 = 0x1;

/// Where `LOAD_GLOBAL` last found a name: the entry position in the globals
/// dict, or (when `in_builtins`) in the builtins dict while the globals dict
/// (identified by address and keys version) didn't have it. A hit re-checks
/// the key's identity at that position, so a stale entry can't give a wrong
/// value.
#[derive(Clone, Copy, Debug)]
pub struct GlobalCache {
    /// Address of the globals dict the entry is for (0: empty).
    pub globals_id: usize,
    /// Its keys version (for the `in_builtins` case).
    pub globals_version: u64,
    /// Position in the dict that holds the name.
    pub index: u32,
    /// Whether the name was found in builtins.
    pub in_builtins: bool,
}

impl GlobalCache {
    /// No entry.
    pub const EMPTY: GlobalCache = GlobalCache {
        globals_id: 0,
        globals_version: 0,
        index: 0,
        in_builtins: false,
    };
}

/// What `LOAD_ATTR`/`STORE_ATTR` last learned about one name (CPython 3.11's
/// `LOAD_ATTR_INSTANCE_VALUE`/`STORE_ATTR_INSTANCE_VALUE` specializations):
/// instances of the type with version tag `type_version` use the generic
/// attribute protocol and their type has no attribute of that name, so the
/// name is looked up in (stored into) the instance dict only, where it was last
/// found at position `index`. Type version tags change whenever the type or a
/// base changes, so a stale entry never matches (0 = empty).
#[derive(Clone, Copy, Debug, Default)]
pub struct AttrCache {
    /// The type's version tag when the entry was made.
    pub type_version: u32,
    /// Position of the name in the last instance dict that had it.
    pub index: u32,
}

/// The payload of a `code` object.
pub struct CodeObj {
    /// The plain data (every `co_*` field).
    pub data: CodeObject,
    /// The instructions the eval loop reads (a private copy of `co_code`).
    pub instrs: Box<[u8]>,
    /// `co_consts` as values.
    pub consts: Box<[Value]>,
    /// `co_names`, interned.
    pub names: Box<[ObjRef]>,
    /// `co_localsplusnames`, interned.
    pub localsplus_names: Box<[ObjRef]>,
    /// Number of localsplus slots (locals + cells + free variables).
    pub nlocalsplus: usize,
    /// Slots that hold a cell (cell variables and free variables), in order.
    pub cell_slots: Box<[usize]>,
    /// Index of the first free variable slot (`nlocalsplus - nfree`).
    pub first_free: usize,
    /// The decoded exception table.
    pub exception_table: Box<[ExceptionEntry]>,
    /// `co_name`, interned.
    pub name: ObjRef,
    /// `co_qualname`.
    pub qualname: ObjRef,
    /// `co_filename`.
    pub filename: ObjRef,
    /// `LOAD_GLOBAL`'s inline cache, one entry per `co_names` entry (CPython
    /// 3.11 keeps it in the instruction stream's cache units).
    pub global_cache: Box<[Cell<GlobalCache>]>,
    /// `LOAD_ATTR`'s inline cache, one entry per `co_names` entry.
    pub load_attr_cache: Box<[Cell<AttrCache>]>,
    /// `STORE_ATTR`'s inline cache, one entry per `co_names` entry.
    pub store_attr_cache: Box<[Cell<AttrCache>]>,
    /// The number of positional parameters + keyword-only + `*args` + `**kwargs`
    /// slots (the bound arguments fill localsplus slots `0..total_args`).
    pub total_args: usize,
    /// Frames running this code add no traceback entries, as C functions add
    /// none in CPython: set on the code of native-module stand-ins written in
    /// Python (see [`hide_from_tracebacks`]).
    pub hidden_from_tracebacks: Cell<bool>,
}

impl Payload for CodeObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.consts.iter().for_each(visit);
    }
}

/// Marks `code` and the code objects nested in its constants as hidden from
/// tracebacks (a native-module stand-in's Python code standing for C code).
pub fn hide_from_tracebacks(code: &ObjRef) {
    // A worklist: nesting depth comes from the source.
    let mut work = vec![code.clone()];
    while let Some(c) = work.pop() {
        if let Some(co) = c.downcast::<CodeObj>() {
            co.hidden_from_tracebacks.set(true);
            work.extend(co.consts.iter().filter_map(|v| {
                v.as_obj()
                    .filter(|o| o.downcast::<CodeObj>().is_some())
                    .cloned()
            }));
        }
    }
}

impl CodeObj {
    /// Builds the VM code object (and nested ones) from compiler data; errors on
    /// constants the VM can't represent yet.
    pub fn alloc(token: &mut Token, data: CodeObject) -> PyResult<ObjRef> {
        let consts = data
            .consts
            .iter()
            .map(|c| constant_to_value(token, c))
            .collect::<PyResult<Vec<_>>>()?
            .into_boxed_slice();
        let names = data.names.iter().map(|n| intern_text(token, n)).collect();
        let localsplus_names = data
            .localsplusnames
            .iter()
            .map(|n| intern_text(token, n))
            .collect();
        let kinds = &data.localspluskinds;
        let cell_slots = kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| *k & (CO_FAST_CELL | CO_FAST_FREE) != 0)
            .map(|(i, _)| i)
            .collect();
        let nfree = kinds.iter().filter(|k| *k & CO_FAST_FREE != 0).count();
        let _ = CO_FAST_LOCAL;
        let nlocalsplus = data.localsplusnames.len();
        let total_args = data.argcount as usize
            + data.kwonlyargcount as usize
            + usize::from(data.flags & CO_VARARGS != 0)
            + usize::from(data.flags & CO_VARKEYWORDS != 0);
        if total_args > nlocalsplus || data.localspluskinds.len() != nlocalsplus {
            return Err(PyErr::new(
                crate::error::ExcKind::SystemError,
                "invalid code object: arguments don't fit in the local variables",
            ));
        }
        let mut instrs = data.code.clone();
        if instrs.len() % 2 == 1 {
            instrs.pop();
        }
        let name = intern_text(token, &data.name);
        let qualname = ObjRef::new(
            &crate::types::builtin_types().str_,
            StrObj::from_text(data.qualname.clone()),
        );
        let filename = StrObj::alloc_text(data.filename.clone());
        let exception_table = data.exception_entries().into_boxed_slice();
        Ok(ObjRef::new(
            &crate::rt_types::rt().code,
            CodeObj {
                instrs: instrs.into_boxed_slice(),
                consts,
                names,
                localsplus_names,
                nlocalsplus,
                cell_slots,
                first_free: nlocalsplus - nfree,
                exception_table,
                name,
                qualname,
                filename,
                total_args: total_args.min(nlocalsplus),
                hidden_from_tracebacks: Cell::new(false),
                global_cache: (0..data.names.len())
                    .map(|_| Cell::new(GlobalCache::EMPTY))
                    .collect(),
                load_attr_cache: (0..data.names.len()).map(|_| Cell::default()).collect(),
                store_attr_cache: (0..data.names.len()).map(|_| Cell::default()).collect(),
                data,
            },
        ))
    }

    /// `co_flags`.
    #[inline]
    pub fn flags(&self) -> u32 {
        self.data.flags
    }

    /// The source line of the instruction at code-unit index `unit` (from
    /// `co_positions`), if known.
    pub fn line_at(&self, unit: usize) -> Option<i32> {
        self.position_at(unit).0
    }

    /// `co_positions()[unit]`: (line, end line, column, end column).
    pub fn position_at(&self, unit: usize) -> compiler::code::Position {
        self.data
            .positions()
            .get(unit)
            .copied()
            .unwrap_or((None, None, None, None))
    }

    /// The exception handler covering byte offset `offset`: (target code unit,
    /// stack depth, push lasti).
    pub fn handler_for(&self, offset: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= offset && offset < e.end)
    }
}

fn intern_text(token: &mut Token, t: &Text) -> ObjRef {
    match t.as_str() {
        Some(s) => intern(token, s),
        None => StrObj::alloc_text(t.clone()),
    }
}

/// Puts the items of the frozenset constants of a code object read from CPython's
/// marshal format (which stores them sorted by their marshal bytes, and rebuilds
/// the frozenset by adding them in that order) in the iteration order of that
/// rebuilt frozenset, the order Krait's constants hold.
pub fn frozensets_from_marshal(code: &mut compiler::code::CodeObject) {
    fn fix(c: &mut Constant) {
        match c {
            Constant::FrozenSet(items) => {
                items.iter_mut().for_each(fix);
                *items = compiler::frozenset::build(std::mem::take(items));
            }
            Constant::Tuple(items) => items.iter_mut().for_each(fix),
            Constant::Code(code) => frozensets_from_marshal(code),
            _ => {}
        }
    }
    code.consts.iter_mut().for_each(fix);
}

/// An insertion order of a frozenset constant's items (indices into `items`, which
/// are distinct and in CPython's iteration order) whose table iterates in that
/// order: CPython's constant is a table built from an earlier order of the same
/// items, and rebuilding from the iteration order itself can swap items whose
/// hashes collide. Tries the iteration order, then the orders successive rebuilds
/// give, and keeps the first that reproduces it (else the iteration order).
fn frozenset_insertion_order(items: &[Constant]) -> Vec<usize> {
    let hashes: Vec<i64> = items.iter().map(compiler::frozenset::hash).collect();
    let target: Vec<usize> = (0..items.len()).collect();
    let build = |order: &[usize]| -> Vec<usize> {
        let hs: Vec<i64> = order
            .iter()
            .filter_map(|&k| hashes.get(k).copied())
            .collect();
        common::set_order::frozenset_order(&hs, |a, b| a == b)
            .into_iter()
            .filter_map(|i| order.get(i).copied())
            .collect()
    };
    let mut candidate = target.clone();
    for _ in 0..6 {
        let got = build(&candidate);
        if got == target {
            return candidate;
        }
        candidate = got;
    }
    target
}

/// Converts a compiler constant to a value (strings interned, as CPython interns
/// the constants that look like identifiers; interning all is harmless).
pub fn constant_to_value(token: &mut Token, c: &Constant) -> PyResult<Value> {
    Ok(match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::from_bigint(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Str(s) => Value::Obj(intern_text(token, s)),
        Constant::Ellipsis => Value::Obj(crate::rt_types::rt().ellipsis.clone()),
        Constant::FrozenSet(items) => {
            let mut v = Vec::with_capacity(items.len());
            for k in frozenset_insertion_order(items) {
                if let Some(c) = items.get(k) {
                    v.push((
                        compiler::frozenset::hash(c) as isize,
                        constant_to_value(token, c)?,
                    ));
                }
            }
            match crate::methods::frozenset::frozenset_type() {
                Some(ft) => Value::Obj(ObjRef::new(
                    &ft,
                    crate::builtins::set::Set::from_distinct(v),
                )),
                None => Value::Obj(Tuple::alloc(v.into_iter().map(|(_, x)| x).collect())),
            }
        }
        Constant::Tuple(items) => {
            let v = items
                .iter()
                .map(|c| constant_to_value(token, c))
                .collect::<PyResult<Vec<_>>>()?;
            Value::Obj(Tuple::alloc(v))
        }
        Constant::Code(code) => Value::Obj(CodeObj::alloc(token, (**code).clone())?),
        Constant::Complex(re, im) => match crate::methods::complex::new_complex(*re, *im) {
            Some(v) => v,
            None => {
                return Err(PyErr::new(
                    crate::error::ExcKind::NotImplementedError,
                    "complex constants need the complex type",
                ))
            }
        },
        Constant::Bytes(b) => match crate::methods::bytes::new_bytes(b.clone(), false) {
            Value::None => {
                return Err(PyErr::new(
                    crate::error::ExcKind::NotImplementedError,
                    "bytes constants need the bytes type",
                ))
            }
            v => v,
        },
    })
}
