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
    /// The number of positional parameters + keyword-only + `*args` + `**kwargs`
    /// slots (the bound arguments fill localsplus slots `0..total_args`).
    pub total_args: usize,
}

impl Payload for CodeObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.consts.iter().for_each(visit);
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
                global_cache: (0..data.names.len())
                    .map(|_| Cell::new(GlobalCache::EMPTY))
                    .collect(),
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
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
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
