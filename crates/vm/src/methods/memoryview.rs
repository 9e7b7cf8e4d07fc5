//! `memoryview` (CPython's `Objects/memoryobject.c`): a view of the memory of
//! a `bytes` or `bytearray`, sharing it (writes through a view of a bytearray
//! change the bytearray), with a native single-character item format, a shape
//! and strides. While a view of a bytearray is alive and not released, the
//! bytearray can't change size (`BytesObj::exports`).
//!
//! Supported: the constructor, `cast` (1-D <-> N-D, native formats `@bBchHiIlLqQnNfd?P`),
//! indexing (ints, tuples of ints for N-D, slices of the first dimension),
//! item and slice assignment, `tobytes`, `tolist`, `hex`, `toreadonly`,
//! `release` and the context manager, the attributes, `==`, `hash` of read-only
//! byte views, `len`, iteration.

use std::cell::Cell;

use common::bigint::BigInt;

use super::bytes::{b_hex, new_bytes, BytesObj};
use super::tname;
use crate::builtins::list::List;
use crate::builtins::slice::SliceObj;
use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, exact_args, ArgSpec, NativeFn};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{is_subtype, new_native_type, CompareOp, TypeObject};
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// The payload of a `memoryview`.
pub struct MemoryView {
    /// The exporting `bytes` / `bytearray` (`.obj`).
    obj: ObjRef,
    readonly: bool,
    /// Byte offset of the first item in `obj`'s data.
    start: isize,
    /// The format character (`'B'` for a plain view).
    code: u8,
    /// The format as given (`"B"`, `"@i"`).
    format: Box<str>,
    itemsize: usize,
    shape: Vec<usize>,
    strides: Vec<isize>,
    released: Cell<bool>,
    /// Whether this view counts in the bytearray's `exports`.
    exported: bool,
    hash: Cell<Option<isize>>,
}

impl Payload for MemoryView {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        self.unexport();
    }
}

impl MemoryView {
    fn unexport(&self) {
        if self.exported && !self.released.get() {
            if let Some(b) = self.obj.downcast::<BytesObj>() {
                b.exports.set(b.exports.get().saturating_sub(1));
            }
        }
        self.released.set(true);
    }

    fn nitems(&self) -> usize {
        self.shape.iter().product()
    }

    /// Byte offsets of every item, in C (row-major) order.
    fn offsets(&self) -> Vec<isize> {
        let mut out = vec![self.start];
        for (n, s) in self.shape.iter().zip(&self.strides) {
            let mut next = Vec::with_capacity(out.len() * n);
            for o in &out {
                for k in 0..*n {
                    next.push(o + k as isize * s);
                }
            }
            out = next;
        }
        out
    }

    fn is_c_contiguous(&self) -> bool {
        if self.nitems() == 0 {
            return true;
        }
        let mut expect = self.itemsize as isize;
        for (n, s) in self.shape.iter().zip(&self.strides).rev() {
            if *n > 1 && *s != expect {
                return false;
            }
            expect *= *n as isize;
        }
        true
    }

    fn is_f_contiguous(&self) -> bool {
        if self.nitems() == 0 {
            return true;
        }
        let mut expect = self.itemsize as isize;
        for (n, s) in self.shape.iter().zip(&self.strides) {
            if *n > 1 && *s != expect {
                return false;
            }
            expect *= *n as isize;
        }
        true
    }

    /// The bytes of every item in C order (`tobytes()`).
    fn to_bytes(&self, token: &Token) -> Vec<u8> {
        let Some(b) = self.obj.downcast::<BytesObj>() else {
            return Vec::new();
        };
        let data = b.data.borrow(token);
        let mut out = Vec::with_capacity(self.nitems() * self.itemsize);
        for o in self.offsets() {
            let o = o.max(0) as usize;
            if let Some(chunk) = data.get(o..o + self.itemsize) {
                out.extend_from_slice(chunk);
            }
        }
        out
    }

    fn child(&self, start: isize, shape: Vec<usize>, strides: Vec<isize>) -> MemoryView {
        self.reshaped(
            start,
            self.code,
            &self.format,
            self.itemsize,
            shape,
            strides,
        )
    }

    fn reshaped(
        &self,
        start: isize,
        code: u8,
        format: &str,
        itemsize: usize,
        shape: Vec<usize>,
        strides: Vec<isize>,
    ) -> MemoryView {
        if self.exported {
            if let Some(b) = self.obj.downcast::<BytesObj>() {
                b.exports.set(b.exports.get() + 1);
            }
        }
        MemoryView {
            obj: self.obj.clone(),
            readonly: self.readonly,
            start,
            code,
            format: format.into(),
            itemsize,
            shape,
            strides,
            released: Cell::new(false),
            exported: self.exported,
            hash: Cell::new(None),
        }
    }
}

/// The bytes of `v` if it is a live memoryview (what `bytes_of` uses).
pub fn view_bytes(token: &Token, v: &Value) -> Option<Vec<u8>> {
    let m = v.downcast::<MemoryView>()?;
    if m.released.get() {
        return None;
    }
    Some(m.to_bytes(token))
}

/// For `pack_into`: the bytearray a writable, C-contiguous view `v` shows,
/// the byte offset where the view starts and its length in bytes.
pub fn writable_region(v: &Value) -> Option<(ObjRef, usize, usize)> {
    let m = v.downcast::<MemoryView>()?;
    if m.released.get() || m.readonly || !m.is_c_contiguous() {
        return None;
    }
    Some((
        m.obj.clone(),
        m.start.max(0) as usize,
        m.nitems() * m.itemsize,
    ))
}

/// The size of a native format character (CPython's `get_native_fmtchar`).
fn native_size(code: u8) -> Option<usize> {
    Some(match code {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

/// The format character of a format string `"X"` or `"@X"`.
fn parse_format(f: &str) -> Option<u8> {
    let b = f.as_bytes();
    let c = match b {
        [c] => *c,
        [b'@', c] => *c,
        _ => return None,
    };
    native_size(c).map(|_| c)
}

fn is_byte_format(code: u8) -> bool {
    matches!(code, b'B' | b'b' | b'c')
}

/// One unpacked item.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(u8),
}

fn unpack(code: u8, b: &[u8]) -> Item {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    w[..n].copy_from_slice(&b[..n]);
    let u = u64::from_le_bytes(w);
    match code {
        b'c' => Item::Char(w[0]),
        b'?' => Item::Bool(w[0] != 0),
        b'b' => Item::Int(i128::from(w[0] as i8)),
        b'h' => Item::Int(i128::from(u as u16 as i16)),
        b'i' => Item::Int(i128::from(u as u32 as i32)),
        b'l' | b'q' | b'n' => Item::Int(i128::from(u as i64)),
        b'f' => Item::Float(f64::from(f32::from_bits(u as u32))),
        b'd' => Item::Float(f64::from_bits(u)),
        _ => Item::Int(i128::from(u)),
    }
}

fn item_value(it: Item) -> Value {
    match it {
        Item::Int(i) => match i64::try_from(i) {
            Ok(x) => Value::Int(x),
            Err(_) => crate::builtins::int::normalize(BigInt::from(i)),
        },
        Item::Float(f) => Value::Float(f),
        Item::Bool(b) => Value::Bool(b),
        Item::Char(c) => new_bytes(vec![c], false),
    }
}

/// The bytes of `v` as an item of format `code` (CPython's `pack_single`).
fn pack(vm: &mut Vm, code: u8, size: usize, v: &Value) -> PyResult<Vec<u8>> {
    let fmt = code as char;
    let bad_type = || PyErr::type_error(format!("memoryview: invalid type for format '{fmt}'"));
    let bad_value = || PyErr::value_error(format!("memoryview: invalid value for format '{fmt}'"));
    match code {
        b'c' => match v.downcast::<BytesObj>() {
            Some(b) => {
                let d = b.data.borrow(vm.token());
                if d.len() == 1 {
                    Ok(vec![d[0]])
                } else {
                    Err(bad_value())
                }
            }
            _ => Err(bad_type()),
        },
        b'?' => Ok(vec![u8::from(vm.is_true(v)?)]),
        b'f' | b'd' => {
            let f = match v {
                Value::Float(f) => crate::nan_identity::canonical(*f),
                Value::Int(i) => *i as f64,
                Value::Bool(b) => f64::from(u8::from(*b)),
                _ => match v.as_int() {
                    Some(i) => crate::arith::int_to_f64(i)?,
                    None => return Err(bad_type()),
                },
            };
            if code == b'f' {
                let x = f as f32;
                if x.is_infinite() && f.is_finite() {
                    return Err(PyErr::new(
                        ExcKind::OverflowError,
                        "float too large to pack with f format",
                    ));
                }
                Ok(x.to_le_bytes().to_vec())
            } else {
                Ok(f.to_le_bytes().to_vec())
            }
        }
        _ => {
            let i: i128 = match v.as_int() {
                Some(IntRef::Small(i)) => i128::from(i),
                Some(IntRef::Big(b)) => i128::try_from(b).map_err(|_| bad_value())?,
                None => {
                    let has_index = v
                        .type_ref()
                        .downcast::<TypeObject>()
                        .is_some_and(|t| t.number.index.get().is_some());
                    if !has_index || matches!(v, Value::Float(_)) {
                        return Err(bad_type());
                    }
                    i128::from(vm.index_i64(v)?)
                }
            };
            let bits = size as u32 * 8;
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let ok = if signed {
                let lim = 1i128 << (bits - 1);
                (-lim..lim).contains(&i)
            } else {
                (0..(1i128 << bits)).contains(&i)
            };
            if !ok {
                return Err(bad_value());
            }
            Ok((i as u128).to_le_bytes()[..size].to_vec())
        }
    }
}

fn released_err() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

/// The live view `v`, or CPython's errors.
fn view(v: &Value) -> PyResult<&MemoryView> {
    let m = v
        .downcast::<MemoryView>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'memoryview' object"))?;
    if m.released.get() {
        return Err(released_err());
    }
    Ok(m)
}

fn new_view(mv: MemoryView) -> PyResult<Value> {
    let ty = MV_TYPE
        .with(|t| t.borrow().clone())
        .ok_or_else(|| PyErr::runtime_error("memoryview type missing"))?;
    Ok(Value::Obj(ObjRef::new(&ty, mv)))
}

thread_local! {
    static MV_TYPE: std::cell::RefCell<Option<ObjRef>> = const { std::cell::RefCell::new(None) };
}

/// `memoryview(object)`.
fn memoryview_new(
    vm: &mut Vm,
    _cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let (pos, [obj_kw]) = ArgSpec::parse(vm, "memoryview", args, kw, ["object"])?;
    let src = match (pos, obj_kw) {
        ([x], None) => x.clone(),
        ([], Some(x)) => x,
        ([_], Some(_)) => {
            return Err(PyErr::type_error(
                "argument for memoryview() given by name ('object') and position (1)",
            ));
        }
        ([], None) => {
            return Err(PyErr::type_error(
                "memoryview() missing required argument 'object' (pos 1)",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "memoryview() takes at most 1 argument ({} given)",
                pos.len()
            )))
        }
    };
    memoryview_of(vm, src)
}

/// `memoryview(src)` after argument parsing: a view of a memoryview, `bytes`
/// or `bytearray` (a bytearray's exports counted). Native modules use it for
/// views of their own buffers (`BytesIO.getbuffer()`).
pub fn memoryview_of(vm: &mut Vm, src: Value) -> PyResult<Value> {
    if let Some(m) = src.downcast::<MemoryView>() {
        if m.released.get() {
            return Err(released_err());
        }
        return new_view(m.child(m.start, m.shape.clone(), m.strides.clone()));
    }
    let Some(b) = src.downcast::<BytesObj>() else {
        return Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            tname(vm, &src)
        )));
    };
    let mutable = match super::bytes::bytearray_type() {
        Some(t) => is_subtype(vm.token(), &src.type_ref(), &t),
        None => false,
    };
    let n = b.data.borrow(vm.token()).len();
    if mutable {
        b.exports.set(b.exports.get() + 1);
    }
    let Value::Obj(obj) = src else {
        return Err(PyErr::type_error(
            "memoryview: a bytes-like object is required",
        ));
    };
    new_view(MemoryView {
        obj,
        readonly: !mutable,
        start: 0,
        code: b'B',
        format: "B".into(),
        itemsize: 1,
        shape: vec![n],
        strides: vec![1],
        released: Cell::new(false),
        exported: mutable,
        hash: Cell::new(None),
    })
}

/// The nested list of `items` laid out as `shape` (`tolist()`).
fn nest(items: &[Value], shape: &[usize]) -> Value {
    match shape {
        [] => items.first().cloned().unwrap_or(Value::None),
        [_] => Value::Obj(List::alloc(items.to_vec())),
        [n, rest @ ..] => {
            let per: usize = rest.iter().product();
            let rows = (0..*n)
                .map(|k| nest(items.get(k * per..(k + 1) * per).unwrap_or(&[]), rest))
                .collect();
            Value::Obj(List::alloc(rows))
        }
    }
}

fn items_of(token: &Token, m: &MemoryView) -> Vec<Item> {
    let bytes = m.to_bytes(token);
    bytes
        .chunks(m.itemsize.max(1))
        .map(|c| unpack(m.code, c))
        .collect()
}

fn mv_tolist(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "tolist", args, kw, 1)?;
    let m = view(&a[0])?;
    let items: Vec<Value> = items_of(vm.token(), m)
        .into_iter()
        .map(item_value)
        .collect();
    Ok(nest(&items, &m.shape))
}

fn mv_tobytes(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [order_kw]) = ArgSpec::parse(vm, "tobytes", args, kw, ["order"])?;
    let order = pos.get(1).cloned().or(order_kw);
    if let Some(o) = order.filter(|o| !o.is_none()) {
        let s = o
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .map(str::to_owned);
        if !matches!(s.as_deref(), Some("C" | "F" | "A")) {
            return Err(PyErr::value_error("order must be 'C', 'F' or 'A'"));
        }
    }
    let m = view(&pos[0])?;
    Ok(new_bytes(m.to_bytes(vm.token()), false))
}

fn mv_hex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    view(&args[0])?;
    b_hex(vm, args, kw)
}

fn mv_release(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "release", args, kw, 1)?;
    if let Some(m) = a[0].downcast::<MemoryView>() {
        m.unexport();
    }
    Ok(Value::None)
}

fn mv_enter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__enter__", args, kw, 1)?;
    view(&a[0])?;
    Ok(a[0].clone())
}

fn mv_exit(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    if let Some(m) = args.first().and_then(|v| v.downcast::<MemoryView>()) {
        m.unexport();
    }
    Ok(Value::None)
}

fn mv_toreadonly(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "toreadonly", args, kw, 1)?;
    let m = view(&a[0])?;
    let mut c = m.child(m.start, m.shape.clone(), m.strides.clone());
    c.readonly = true;
    new_view(c)
}

/// `m.cast(format, shape=None)` (CPython's `memory_cast`).
fn mv_cast(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [fmt_kw, shape_kw]) = ArgSpec::parse(vm, "cast", args, kw, ["format", "shape"])?;
    let m = view(&pos[0])?;
    let Some(fmt) = pos.get(1).cloned().or(fmt_kw) else {
        return Err(PyErr::type_error(
            "cast() missing required argument 'format' (pos 1)",
        ));
    };
    let shape_arg = pos.get(2).cloned().or(shape_kw);
    let Some(fmt) = fmt
        .downcast::<StrObj>()
        .and_then(StrObj::as_str)
        .map(str::to_owned)
    else {
        return Err(PyErr::type_error(format!(
            "cast() argument 'format' must be str, not {}",
            tname(vm, &fmt)
        )));
    };
    if !m.is_c_contiguous() {
        return Err(PyErr::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let Some(code) = parse_format(&fmt) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !is_byte_format(code) && !is_byte_format(m.code) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let itemsize = native_size(code).unwrap_or(1);
    let nbytes = m.nitems() * m.itemsize;
    let shape = match shape_arg.filter(|s| !s.is_none()) {
        None => {
            if nbytes % itemsize != 0 {
                return Err(PyErr::type_error(
                    "memoryview: length is not a multiple of itemsize",
                ));
            }
            vec![nbytes / itemsize]
        }
        Some(s) => {
            let dims = if let Some(t) = s.downcast::<Tuple>() {
                t.items(vm.token()).to_vec()
            } else if let Some(l) = s.downcast::<List>() {
                l.to_vec(vm.token())
            } else {
                return Err(PyErr::type_error("shape must be a list or a tuple"));
            };
            if m.shape.len() != 1 && dims.len() != 1 {
                return Err(PyErr::type_error(
                    "memoryview: cast must be 1D -> ND or ND -> 1D",
                ));
            }
            if dims.len() > 64 {
                return Err(PyErr::value_error(
                    "memoryview: number of dimensions must not exceed 64",
                ));
            }
            let mut shape = Vec::with_capacity(dims.len());
            for d in &dims {
                match d {
                    Value::Int(i) if *i > 0 => shape.push(*i as usize),
                    _ => {
                        return Err(PyErr::type_error(
                            "memoryview.cast(): elements of shape must be integers > 0",
                        ))
                    }
                }
            }
            let total = shape
                .iter()
                .try_fold(itemsize, |acc: usize, d| acc.checked_mul(*d));
            if total != Some(nbytes) {
                return Err(PyErr::type_error(
                    "memoryview: product(shape) * itemsize != buffer size",
                ));
            }
            shape
        }
    };
    let mut strides = vec![0isize; shape.len()];
    let mut acc = itemsize as isize;
    for (st, n) in strides.iter_mut().zip(&shape).rev() {
        *st = acc;
        acc *= *n as isize;
    }
    let mv = m.reshaped(m.start, code, &fmt, itemsize, shape, strides);
    new_view(mv)
}

fn slot_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let m = view(v)?;
    match m.shape.first() {
        Some(n) => Ok(*n),
        None => Err(PyErr::type_error("0-dim memory has no length")),
    }
}

fn read_item(token: &Token, m: &MemoryView, off: isize) -> Value {
    let Some(b) = m.obj.downcast::<BytesObj>() else {
        return Value::None;
    };
    let data = b.data.borrow(token);
    let o = off.max(0) as usize;
    match data.get(o..o + m.itemsize) {
        Some(chunk) => item_value(unpack(m.code, chunk)),
        None => Value::None,
    }
}

/// The byte offset of item `key` along dimension `dim` (CPython's
/// "index out of bounds on dimension N").
fn dim_offset(vm: &mut Vm, m: &MemoryView, dim: usize, key: &Value) -> PyResult<isize> {
    let i = vm.index_isize(key)?;
    let n = m.shape[dim] as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::new(
            ExcKind::IndexError,
            format!("index out of bounds on dimension {}", dim + 1),
        ));
    }
    Ok(j * m.strides[dim])
}

fn is_index(v: &Value) -> bool {
    v.as_int().is_some()
        || v.type_ref()
            .downcast::<TypeObject>()
            .is_some_and(|t| t.number.index.get().is_some())
}

/// Where `key` points: one item's byte offset, or a sub-view.
enum Target {
    Item(isize),
    View(MemoryView),
}

fn target(vm: &mut Vm, m: &MemoryView, key: &Value) -> PyResult<Target> {
    let ellipsis = &crate::rt_types::rt().ellipsis;
    if m.shape.is_empty() {
        if key.as_obj().is_some_and(|o| o.is(ellipsis)) {
            return Ok(Target::View(m.child(m.start, vec![], vec![])));
        }
        if key
            .downcast::<Tuple>()
            .is_some_and(|t| t.is_empty(vm.token()))
        {
            return Ok(Target::Item(m.start));
        }
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    if is_index(key) {
        if m.shape.len() > 1 {
            return Err(PyErr::new(
                ExcKind::NotImplementedError,
                "multi-dimensional sub-views are not implemented",
            ));
        }
        let off = dim_offset(vm, m, 0, key)?;
        return Ok(Target::Item(m.start + off));
    }
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, _stop, step, n) = s.indices(vm, m.shape[0])?;
        let mut shape = m.shape.clone();
        let mut strides = m.strides.clone();
        shape[0] = n;
        strides[0] = m.strides[0] * step;
        return Ok(Target::View(m.child(
            m.start + start * m.strides[0],
            shape,
            strides,
        )));
    }
    if key.as_obj().is_some_and(|o| o.is(ellipsis)) {
        return Ok(Target::View(m.child(
            m.start,
            m.shape.clone(),
            m.strides.clone(),
        )));
    }
    if let Some(t) = key.downcast::<Tuple>() {
        let keys = t.items(vm.token()).to_vec();
        if keys.iter().all(is_index) {
            if keys.len() < m.shape.len() {
                return Err(PyErr::new(
                    ExcKind::NotImplementedError,
                    "sub-views are not implemented",
                ));
            }
            if keys.len() > m.shape.len() {
                return Err(PyErr::type_error(format!(
                    "cannot index {}-dimension view with {}-element tuple",
                    m.shape.len(),
                    keys.len()
                )));
            }
            let mut off = m.start;
            for (d, k) in keys.iter().enumerate() {
                off += dim_offset(vm, m, d, k)?;
            }
            return Ok(Target::Item(off));
        }
        if keys.iter().all(|k| k.downcast::<SliceObj>().is_some()) {
            return Err(PyErr::new(
                ExcKind::NotImplementedError,
                "multi-dimensional slicing is not implemented",
            ));
        }
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
}

fn slot_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = view(v)?;
    match target(vm, m, key)? {
        Target::Item(off) => Ok(read_item(vm.token(), m, off)),
        Target::View(c) => new_view(c),
    }
}

fn write_bytes(vm: &mut Vm, m: &MemoryView, off: isize, bytes: &[u8]) {
    if let Some(b) = m.obj.downcast::<BytesObj>() {
        let data = b.data.borrow_mut(vm.token());
        let o = off.max(0) as usize;
        if let Some(dst) = data.get_mut(o..o + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
    }
}

fn slot_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = view(v)?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    match target(vm, m, key)? {
        Target::Item(off) => {
            let bytes = pack(vm, m.code, m.itemsize, &value)?;
            write_bytes(vm, m, off, &bytes);
            Ok(())
        }
        Target::View(dst) => {
            let (src_code, src_shape, src_bytes) = if let Some(sm) = value.downcast::<MemoryView>()
            {
                if sm.released.get() {
                    return Err(released_err());
                }
                (sm.code, sm.shape.clone(), sm.to_bytes(vm.token()))
            } else if let Some(b) = value.downcast::<BytesObj>() {
                let d = b.data.borrow(vm.token()).clone();
                (b'B', vec![d.len()], d)
            } else {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    tname(vm, &value)
                )));
            };
            let same_format = src_code == dst.code
                || (native_size(src_code) == Some(1) && dst.code == b'B' && src_code == b'B');
            if !same_format || src_shape != dst.shape {
                return Err(PyErr::value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            for (k, off) in dst.offsets().into_iter().enumerate() {
                let chunk = &src_bytes[k * dst.itemsize..(k + 1) * dst.itemsize];
                write_bytes(vm, m, off, chunk);
            }
            Ok(())
        }
    }
}

fn slot_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = view(v)?;
    match m.shape.len() {
        0 => return Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        1 => {}
        _ => {
            return Err(PyErr::new(
                ExcKind::NotImplementedError,
                "multi-dimensional sub-views are not implemented",
            ))
        }
    }
    let items: Vec<Value> = items_of(vm.token(), m)
        .into_iter()
        .map(item_value)
        .collect();
    let l = Value::Obj(List::alloc(items));
    vm.iter(&l)
}

fn slot_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let released = v.downcast::<MemoryView>().is_some_and(|m| m.released.get());
    let id = v.as_obj().map_or(0, ObjRef::id);
    let r = if released {
        "released memory"
    } else {
        "memory"
    };
    Ok(new_str(&format!("<{r} at {id:#x}>")))
}

fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let m = view(v)?;
    if let Some(h) = m.hash.get() {
        return Ok(h);
    }
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.code) {
        return Err(PyErr::value_error(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    let b = new_bytes(m.to_bytes(vm.token()), false);
    let h = vm.hash(&b)?;
    m.hash.set(Some(h));
    Ok(h)
}

/// The format, shape and items of a buffer operand of `==`.
fn operand(token: &Token, v: &Value) -> Option<Option<(Vec<usize>, Vec<Item>)>> {
    if let Some(m) = v.downcast::<MemoryView>() {
        if m.released.get() {
            return Some(None);
        }
        return Some(Some((m.shape.clone(), items_of(token, m))));
    }
    let b = v.downcast::<BytesObj>()?;
    let d = b.data.borrow(token);
    Some(Some((
        vec![d.len()],
        d.iter().map(|x| Item::Int(i128::from(*x))).collect(),
    )))
}

fn item_eq(a: Item, b: Item) -> bool {
    let num = |i: Item| -> Option<f64> {
        match i {
            Item::Int(x) => Some(x as f64),
            Item::Float(f) => Some(f),
            Item::Bool(b) => Some(f64::from(u8::from(b))),
            Item::Char(_) => None,
        }
    };
    match (a, b) {
        (Item::Int(x), Item::Int(y)) => x == y,
        (Item::Char(x), Item::Char(y)) => x == y,
        (Item::Char(_), _) | (_, Item::Char(_)) => false,
        _ => num(a) == num(b),
    }
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let same = a.as_obj().zip(b.as_obj()).is_some_and(|(x, y)| x.is(y));
    let (Some(x), Some(y)) = (operand(vm.token(), a), operand(vm.token(), b)) else {
        return Ok(None);
    };
    let eq = match (x, y) {
        (Some((sa, ia)), Some((sb, ib))) => {
            sa == sb && ia.len() == ib.len() && ia.iter().zip(&ib).all(|(p, q)| item_eq(*p, *q))
        }
        _ => same,
    };
    Ok(Some(Value::Bool(if op == CompareOp::Eq {
        eq
    } else {
        !eq
    })))
}

macro_rules! getter {
    ($name:ident, $attr:literal, |$vm:ident, $m:ident| $body:expr) => {
        fn $name($vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
            let a = exact_args($vm, $attr, args, kw, 1)?;
            #[allow(unused_variables)]
            let $m = view(&a[0])?;
            Ok($body)
        }
    };
}

fn int_tuple<T: Copy>(xs: &[T], f: impl Fn(T) -> i64) -> Value {
    Value::Obj(Tuple::alloc(xs.iter().map(|x| Value::Int(f(*x))).collect()))
}

getter!(g_obj, "obj", |vm, m| Value::Obj(m.obj.clone()));
getter!(g_nbytes, "nbytes", |vm, m| Value::Int(
    (m.nitems() * m.itemsize) as i64
));
getter!(g_readonly, "readonly", |vm, m| Value::Bool(m.readonly));
getter!(g_itemsize, "itemsize", |vm, m| Value::Int(
    m.itemsize as i64
));
getter!(g_format, "format", |vm, m| new_str(&m.format));
getter!(g_ndim, "ndim", |vm, m| Value::Int(m.shape.len() as i64));
getter!(g_shape, "shape", |vm, m| int_tuple(&m.shape, |x| x as i64));
getter!(g_strides, "strides", |vm, m| int_tuple(&m.strides, |x| x
    as i64));
getter!(g_suboffsets, "suboffsets", |vm, _m| int_tuple::<i64>(
    &[],
    |x| x
));
getter!(g_c_contiguous, "c_contiguous", |vm, m| Value::Bool(
    m.is_c_contiguous()
));
getter!(g_f_contiguous, "f_contiguous", |vm, m| Value::Bool(
    m.is_f_contiguous()
));
getter!(g_contiguous, "contiguous", |vm, m| Value::Bool(
    m.is_c_contiguous() || m.is_f_contiguous()
));

fn g_released(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "released", args, kw, 1)?;
    Ok(Value::Bool(
        a[0].downcast::<MemoryView>()
            .is_none_or(|m| m.released.get()),
    ))
}

/// Creates the `memoryview` type and puts it in `builtins`.
pub fn install(vm: &mut Vm) {
    let t = new_native_type(vm.token(), "memoryview", MemoryView::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.len.set(Some(slot_len));
        tp.slots.getitem.set(Some(slot_getitem));
        tp.slots.setitem.set(Some(slot_setitem));
        tp.slots.iter.set(Some(slot_iter));
        tp.slots.repr.set(Some(slot_repr));
        tp.slots.hash.set(Some(slot_hash));
        tp.slots.richcompare.set(Some(slot_richcompare));
    }
    crate::class::register_ctor(&t, memoryview_new, false);
    let methods: [(&'static str, NativeFn); 8] = [
        ("tolist", mv_tolist),
        ("tobytes", mv_tobytes),
        ("hex", mv_hex),
        ("release", mv_release),
        ("cast", mv_cast),
        ("toreadonly", mv_toreadonly),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
    ];
    for (name, f) in methods {
        add_method(vm.token(), &t, name, f);
    }
    let getters: [(&'static str, NativeFn); 13] = [
        ("obj", g_obj),
        ("nbytes", g_nbytes),
        ("readonly", g_readonly),
        ("itemsize", g_itemsize),
        ("format", g_format),
        ("ndim", g_ndim),
        ("shape", g_shape),
        ("strides", g_strides),
        ("suboffsets", g_suboffsets),
        ("c_contiguous", g_c_contiguous),
        ("f_contiguous", g_f_contiguous),
        ("contiguous", g_contiguous),
        ("released", g_released),
    ];
    for (name, f) in getters {
        super::add_getter(vm.token(), &t, name, f);
    }
    MV_TYPE.with(|m| *m.borrow_mut() = Some(t.clone()));
    let m = vm.builtins_module.clone();
    if let Some(m) = m.downcast::<crate::module::ModuleObj>() {
        m.set(vm.token(), "memoryview", Value::Obj(t));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(parse_format("@i"), Some(b'i'));
        assert_eq!(parse_format("<i"), None);
        assert_eq!(parse_format("e"), None);
        assert!(unpack(b'b', &[0xff]) == Item::Int(-1));
        assert!(unpack(b'H', &[1, 1]) == Item::Int(257));
    }
}
