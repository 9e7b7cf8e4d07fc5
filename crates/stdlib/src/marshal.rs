//! `marshal` (CPython's `Python/marshal.c`): `dumps`, `loads`, `dump`, `load`,
//! `version`. Values made only of constants with a code object in them are
//! written and read by the compiler's marshal code (`compiler::marshal`, the
//! `.pyc` format, which knows code objects' layout and CPython's interning and
//! reference decisions); everything else (lists, dicts, sets, plain constants)
//! by the writer and reader here, which share its type codes.
//!
//! Writing follows CPython's `w_ref`: an object gets `FLAG_REF` when something
//! else also holds it (its reference count is above what the writer itself
//! holds) or it is an interned string; inline ints and floats are taken to be
//! shared, as the constants they usually are. Sets are written sorted by their
//! items' own marshal bytes (bpo-37596).

use common::bigint::BigInt;
use common::text::Text;
use dashu_int::ops::UnsignedAbs;
use dashu_int::UBig;
use std::collections::HashMap;

use vm::builtins::dict::Dict;
use vm::builtins::list::List;
use vm::builtins::set::Set;
use vm::builtins::str::{intern, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, ArgSpec, NativeFn};
use vm::code::CodeObj;
use vm::methods::bytes::{bytes_of, new_bytes, BytesObj};
use vm::methods::complex::ComplexObj;
use vm::types::builtin_types;
use vm::value::IntRef;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// The format version `dumps` writes by default.
const VERSION: i64 = 4;
/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

const FLAG_REF: u8 = 0x80;
const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';

fn unmarshallable() -> PyErr {
    PyErr::value_error("unmarshallable object")
}

// ---- writing ----

/// How a value is identified for `TYPE_REF` back-references.
#[derive(Hash, PartialEq, Eq)]
enum RefKey {
    Obj(usize),
    Int(i64),
    Float(u64),
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    refs: HashMap<RefKey, u32>,
    depth: usize,
}

fn is_type(v: &Value, ty: &ObjRef) -> bool {
    v.as_obj().is_some_and(|o| o.type_ref().is(ty))
}

impl Writer {
    fn new(version: i64) -> Writer {
        Writer {
            out: Vec::new(),
            version,
            refs: HashMap::new(),
            depth: 0,
        }
    }

    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        let n = i32::try_from(n).map_err(|_| unmarshallable())?;
        self.long(n);
        Ok(())
    }

    /// Writes `v`; `held` is how many references the writer itself holds to it
    /// (so `refcount > held` means someone else shares it).
    fn object(&mut self, vm: &mut Vm, v: &Value, held: usize) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(PyErr::value_error("object too deeply nested to marshal"));
        }
        let r = self.object_inner(vm, v, held);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, vm: &mut Vm, v: &Value, held: usize) -> PyResult<()> {
        let rt = vm::rt_types::rt();
        match v {
            Value::None => {
                self.out.push(TYPE_NONE);
                return Ok(());
            }
            Value::Bool(b) => {
                self.out.push(if *b { TYPE_TRUE } else { TYPE_FALSE });
                return Ok(());
            }
            Value::Obj(o) if o.is(&rt.ellipsis) => {
                self.out.push(TYPE_ELLIPSIS);
                return Ok(());
            }
            Value::Obj(o) if o.is(&vm::exceptions::exc_class(ExcKind::StopIteration)) => {
                self.out.push(TYPE_STOPITER);
                return Ok(());
            }
            _ => {}
        }
        // `w_ref`: a back-reference, or the flag on the first occurrence.
        let (key, shared) = match v {
            Value::Int(i) => (RefKey::Int(*i), true),
            Value::Float(f) => (RefKey::Float(f.to_bits()), true),
            Value::Obj(o) => {
                let interned = o.downcast::<StrObj>().is_some_and(|s| {
                    s.is_interned() && compiler::marshal::const_is_interned(s.text())
                });
                (RefKey::Obj(o.id()), o.refcount() > held || interned)
            }
            _ => return Err(unmarshallable()),
        };
        let mut flag = 0u8;
        if self.version >= 3 && shared {
            if let Some(&i) = self.refs.get(&key) {
                self.out.push(TYPE_REF);
                self.long(i as i32);
                return Ok(());
            }
            let n = self.refs.len() as u32;
            self.refs.insert(key, n);
            flag = FLAG_REF;
        }
        self.complex_object(vm, v, flag)
    }

    fn complex_object(&mut self, vm: &mut Vm, v: &Value, flag: u8) -> PyResult<()> {
        let bt = builtin_types();
        match v {
            Value::Int(i) => {
                self.int(&BigInt::from(*i), flag);
                return Ok(());
            }
            Value::Float(f) => {
                self.float(*f, flag);
                return Ok(());
            }
            _ => {}
        }
        let Value::Obj(o) = v else {
            return Err(unmarshallable());
        };
        if is_type(v, &bt.int) {
            if let Some(IntRef::Big(b)) = v.as_int() {
                self.int(b, flag);
                return Ok(());
            }
        }
        if let Some(s) = o.downcast::<StrObj>().filter(|_| is_type(v, &bt.str_)) {
            self.str(s, flag);
            return Ok(());
        }
        if let Some(c) = o.downcast::<ComplexObj>() {
            if self.version > 1 {
                self.out.push(TYPE_BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&c.re.to_le_bytes());
                self.out.extend_from_slice(&c.im.to_le_bytes());
            } else {
                self.out.push(TYPE_COMPLEX | flag);
                for part in [c.re, c.im] {
                    let t = float_repr(part);
                    self.out.push(t.len() as u8);
                    self.out.extend_from_slice(t.as_bytes());
                }
            }
            return Ok(());
        }
        if is_type(v, &bt.tuple) {
            let items = o
                .downcast::<Tuple>()
                .map(|t| t.items(vm.token()).to_vec())
                .unwrap_or_default();
            if self.version >= 4 && items.len() < 256 {
                self.out.push(TYPE_SMALL_TUPLE | flag);
                self.out.push(items.len() as u8);
            } else {
                self.out.push(TYPE_TUPLE | flag);
                self.size(items.len())?;
            }
            for it in &items {
                self.object(vm, it, 2)?;
            }
            return Ok(());
        }
        if is_type(v, &bt.list) {
            let items = o
                .downcast::<List>()
                .map(|l| l.to_vec(vm.token()))
                .unwrap_or_default();
            self.out.push(TYPE_LIST | flag);
            self.size(items.len())?;
            for it in &items {
                self.object(vm, it, 2)?;
            }
            return Ok(());
        }
        if is_type(v, &bt.dict) {
            let items = o
                .downcast::<Dict>()
                .map(|d| d.items(vm.token()))
                .unwrap_or_default();
            self.out.push(TYPE_DICT | flag);
            for (k, x) in &items {
                self.object(vm, k, 2)?;
                self.object(vm, x, 2)?;
            }
            self.out.push(TYPE_NULL);
            return Ok(());
        }
        let frozen = vm::methods::frozenset::frozenset_type();
        let is_set = is_type(v, &vm::rt_types::rt().set);
        let is_frozen = frozen.as_ref().is_some_and(|f| is_type(v, f));
        if is_set || is_frozen {
            let items = o
                .downcast::<Set>()
                .map(|s| s.items(vm.token()))
                .unwrap_or_default();
            self.out
                .push(if is_set { TYPE_SET } else { TYPE_FROZENSET } | flag);
            self.size(items.len())?;
            let mut keyed = Vec::with_capacity(items.len());
            for it in items {
                let mut w = Writer::new(self.version);
                w.depth = self.depth;
                w.object(vm, &it, 2)?;
                keyed.push((w.out, it));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, it) in &keyed {
                self.object(vm, it, 3)?;
            }
            return Ok(());
        }
        if let Some(b) = o.downcast::<BytesObj>() {
            let data = b.data.borrow(vm.token()).clone();
            self.out.push(TYPE_STRING | flag);
            self.size(data.len())?;
            self.out.extend_from_slice(&data);
            return Ok(());
        }
        if let Some(data) = bytes_of(vm.token(), v) {
            self.out.push(TYPE_STRING | flag);
            self.size(data.len())?;
            self.out.extend_from_slice(&data);
            return Ok(());
        }
        Err(unmarshallable())
    }

    fn int(&mut self, i: &BigInt, flag: u8) {
        if let Ok(x) = i32::try_from(i) {
            self.out.push(TYPE_INT | flag);
            self.long(x);
            return;
        }
        self.out.push(TYPE_LONG | flag);
        let digits = digits15(&i.unsigned_abs());
        let n = digits.len() as i32;
        self.long(if *i < BigInt::ZERO { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn float(&mut self, f: f64, flag: u8) {
        if self.version > 1 {
            self.out.push(TYPE_BINARY_FLOAT | flag);
            let f = vm::nan_identity::canonical(f);
            self.out.extend_from_slice(&f.to_le_bytes());
        } else {
            self.out.push(TYPE_FLOAT | flag);
            let t = float_repr(f);
            self.out.push(t.len() as u8);
            self.out.extend_from_slice(t.as_bytes());
        }
    }

    fn str(&mut self, s: &StrObj, flag: u8) {
        let t = s.text();
        let interned = s.is_interned() && compiler::marshal::const_is_interned(t);
        let bytes = t.as_bytes();
        if self.version >= 4 && t.is_ascii() {
            let short = bytes.len() < 256;
            let code = match (short, interned) {
                (true, true) => TYPE_SHORT_ASCII_INTERNED,
                (true, false) => TYPE_SHORT_ASCII,
                (false, true) => TYPE_ASCII_INTERNED,
                (false, false) => TYPE_ASCII,
            };
            self.out.push(code | flag);
            if short {
                self.out.push(bytes.len() as u8);
            } else {
                self.long(bytes.len() as i32);
            }
        } else {
            let code = if interned && self.version >= 1 {
                TYPE_INTERNED
            } else {
                TYPE_UNICODE
            };
            self.out.push(code | flag);
            self.long(bytes.len() as i32);
        }
        self.out.extend_from_slice(bytes);
    }
}

/// `repr(f)` for the text float formats of versions 0 and 1.
fn float_repr(f: f64) -> String {
    common::repr::repr_float(f)
}

/// The 15-bit digits of `n`, least significant first (CPython's `PyLong_SHIFT`
/// for marshal).
fn digits15(n: &UBig) -> Vec<u16> {
    let bytes = n.to_le_bytes();
    let bits = bytes.len() * 8;
    let mut out = Vec::with_capacity(bits / 15 + 1);
    let mut k = 0;
    while k < bits {
        let mut d = 0u16;
        for j in 0..15 {
            let bit = k + j;
            if bit < bits && (bytes[bit / 8] >> (bit % 8)) & 1 == 1 {
                d |= 1 << j;
            }
        }
        out.push(d);
        k += 15;
    }
    while out.len() > 1 && out.last() == Some(&0) {
        out.pop();
    }
    out
}

/// The constant a value is, when it holds a code object and nothing the
/// compiler's format can't hold (then the compiler writes it).
fn code_constant(vm: &mut Vm, v: &Value, depth: usize) -> Option<compiler::code::Constant> {
    use compiler::code::Constant as C;
    if depth > MAX_DEPTH {
        return None;
    }
    let bt = builtin_types();
    Some(match v {
        Value::None => C::None,
        Value::Bool(b) => C::Bool(*b),
        Value::Int(i) => C::Int(BigInt::from(*i)),
        Value::Float(f) => C::Float(vm::nan_identity::canonical(*f)),
        Value::Obj(o) => {
            if let Some(c) = o.downcast::<CodeObj>() {
                C::Code(Box::new(c.data.clone()))
            } else if o.is(&vm::rt_types::rt().ellipsis) {
                C::Ellipsis
            } else if let Some(IntRef::Big(b)) = v.as_int().filter(|_| is_type(v, &bt.int)) {
                C::Int(b.clone())
            } else if let Some(s) = o.downcast::<StrObj>().filter(|_| is_type(v, &bt.str_)) {
                C::Str(s.text().clone())
            } else if let Some(c) = o.downcast::<ComplexObj>() {
                C::Complex(c.re, c.im)
            } else if let Some(t) = o.downcast::<Tuple>().filter(|_| is_type(v, &bt.tuple)) {
                let items = t.items(vm.token()).to_vec();
                C::Tuple(
                    items
                        .iter()
                        .map(|x| code_constant(vm, x, depth + 1))
                        .collect::<Option<Vec<_>>>()?,
                )
            } else if let Some(b) = o.downcast::<BytesObj>() {
                let frozen_or_bytes =
                    !vm::methods::bytes::bytearray_type().is_some_and(|t| o.type_ref().is(&t));
                if !frozen_or_bytes {
                    return None;
                }
                C::Bytes(b.data.borrow(vm.token()).clone())
            } else {
                return None;
            }
        }
    })
}

fn contains_code(vm: &mut Vm, v: &Value, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match v {
        Value::Obj(o) if o.downcast::<CodeObj>().is_some() => true,
        Value::Obj(o) => match o.downcast::<Tuple>() {
            Some(t) => {
                let items = t.items(vm.token()).to_vec();
                items.iter().any(|x| contains_code(vm, x, depth + 1))
            }
            None => false,
        },
        _ => false,
    }
}

/// `marshal.dumps(value)` as bytes.
fn dump_bytes(vm: &mut Vm, v: &Value, version: i64) -> PyResult<Vec<u8>> {
    if contains_code(vm, v, 0) {
        return match code_constant(vm, v, 0) {
            Some(c) => Ok(compiler::marshal::dumps(&c)),
            None => Err(unmarshallable()),
        };
    }
    let mut w = Writer::new(version);
    w.object(vm, v, 1)?;
    Ok(w.out)
}

fn version_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(x) => {
            if x.as_int().is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tname(vm, &x)
                )));
            }
            vm.index_i64(&x)
        }
    }
}

/// `marshal.dumps(value, version=4, /)`.
fn dumps(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "dumps", args, kw, 1, 2)?;
    let version = version_arg(vm, a.get(1).cloned())?;
    let data = dump_bytes(vm, &a[0], version)?;
    Ok(new_bytes(data, false))
}

/// `marshal.dump(value, file, version=4, /)`: `file.write(dumps(value))`.
fn dump(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "dump", args, kw, 2, 3)?;
    let version = version_arg(vm, a.get(2).cloned())?;
    let data = dump_bytes(vm, &a[0], version)?;
    vm.call_method(&a[1], "write", &[new_bytes(data, false)])?;
    Ok(Value::None)
}

// ---- reading ----

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Option<Value>>,
    depth: usize,
}

/// Why reading stopped: a Python error, or a code object the compiler's reader
/// must handle.
enum ReadErr {
    Py(PyErr),
    Code,
}

impl From<PyErr> for ReadErr {
    fn from(e: PyErr) -> ReadErr {
        ReadErr::Py(e)
    }
}

fn too_short() -> ReadErr {
    ReadErr::Py(PyErr::new(ExcKind::EOFError, "marshal data too short"))
}

fn bad(what: &str) -> ReadErr {
    ReadErr::Py(PyErr::value_error(format!("bad marshal data ({what})")))
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ReadErr> {
        let end = self.pos.checked_add(n).ok_or_else(too_short)?;
        let s = self.data.get(self.pos..end).ok_or_else(too_short)?;
        self.pos = end;
        Ok(s)
    }

    fn long(&mut self) -> Result<i32, ReadErr> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self) -> Result<usize, ReadErr> {
        let n = self.long()?;
        usize::try_from(n).map_err(|_| bad("size out of range"))
    }

    fn f64(&mut self) -> Result<f64, ReadErr> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    fn text_float(&mut self) -> Result<f64, ReadErr> {
        let n = usize::from(self.take(1)?[0]);
        let t = self.take(n)?;
        std::str::from_utf8(t)
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .ok_or_else(|| bad("invalid float"))
    }

    /// A value; `what` names the container for the NULL message.
    fn object(&mut self, vm: &mut Vm, what: &str) -> Result<Value, ReadErr> {
        match self.object_or_null(vm)? {
            Some(v) => Ok(v),
            None => Err(ReadErr::Py(PyErr::type_error(format!(
                "NULL object in marshal data for {what}"
            )))),
        }
    }

    fn object_or_null(&mut self, vm: &mut Vm) -> Result<Option<Value>, ReadErr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(bad("nesting too deep"));
        }
        let r = self.read(vm);
        self.depth -= 1;
        r
    }

    fn read(&mut self, vm: &mut Vm) -> Result<Option<Value>, ReadErr> {
        let Some(&code) = self.data.get(self.pos) else {
            return Err(ReadErr::Py(PyErr::new(
                ExcKind::EOFError,
                "EOF read where object expected",
            )));
        };
        self.pos += 1;
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        // Reserve the reference slot before reading the contents, so nested
        // back-references get CPython's numbering.
        let slot = if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match ty {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => Value::None,
            TYPE_TRUE => Value::Bool(true),
            TYPE_FALSE => Value::Bool(false),
            TYPE_ELLIPSIS => Value::Obj(vm::rt_types::rt().ellipsis.clone()),
            TYPE_STOPITER => Value::Obj(vm::exceptions::exc_class(ExcKind::StopIteration)),
            TYPE_INT => Value::Int(i64::from(self.long()?)),
            TYPE_INT64 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Value::Int(i64::from_le_bytes(a))
            }
            TYPE_LONG => self.read_long()?,
            TYPE_BINARY_FLOAT => vm::nan_identity::new_float(self.f64()?),
            TYPE_FLOAT => vm::nan_identity::new_float(self.text_float()?),
            TYPE_BINARY_COMPLEX | TYPE_COMPLEX => {
                let (re, im) = if ty == TYPE_BINARY_COMPLEX {
                    (self.f64()?, self.f64()?)
                } else {
                    (self.text_float()?, self.text_float()?)
                };
                vm::methods::complex::new_complex(re, im).unwrap_or(Value::None)
            }
            TYPE_STRING => {
                let n = self.size()?;
                new_bytes(self.take(n)?.to_vec(), false)
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size()?;
                let b = self.take(n)?;
                let t = match Text::from_generalized_utf8(b) {
                    Some(t) => t,
                    // The strict decoder names the first bad byte (CPython
                    // decodes with `surrogatepass`; surrogates were accepted
                    // above, so the error is elsewhere).
                    None => {
                        let e = vm::methods::bytes::decode(b, "utf-8", "strict").err();
                        return Err(ReadErr::Py(e.unwrap_or_else(|| {
                            PyErr::new(ExcKind::UnicodeDecodeError, "invalid utf-8 data")
                        })));
                    }
                };
                str_value(vm, t, ty == TYPE_INTERNED)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = if matches!(ty, TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED) {
                    usize::from(self.take(1)?[0])
                } else {
                    self.size()?
                };
                let t = Text::from_latin1(self.take(n)?);
                str_value(
                    vm,
                    t,
                    matches!(ty, TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII_INTERNED),
                )
            }
            TYPE_SMALL_TUPLE | TYPE_TUPLE => {
                let n = if ty == TYPE_SMALL_TUPLE {
                    usize::from(self.take(1)?[0])
                } else {
                    self.size()?
                };
                self.check_len(n)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.object(vm, "tuple")?);
                }
                Value::Obj(Tuple::alloc(items))
            }
            TYPE_LIST => {
                let n = self.size()?;
                self.check_len(n)?;
                let l = List::alloc(Vec::with_capacity(n));
                if let Some(i) = slot {
                    self.refs[i] = Some(Value::Obj(l.clone()));
                }
                for _ in 0..n {
                    let x = self.object(vm, "list")?;
                    if let Some(lst) = l.downcast::<List>() {
                        lst.append(vm.token(), x);
                    }
                }
                Value::Obj(l)
            }
            TYPE_DICT => {
                let d = ObjRef::new(&builtin_types().dict, Dict::new());
                if let Some(i) = slot {
                    self.refs[i] = Some(Value::Obj(d.clone()));
                }
                loop {
                    let Some(k) = self.object_or_null(vm)? else {
                        break;
                    };
                    let Some(x) = self.object_or_null(vm)? else {
                        break;
                    };
                    if let Some(dd) = d.downcast::<Dict>() {
                        dd.set(vm, k, x)?;
                    }
                }
                Value::Obj(d)
            }
            TYPE_SET | TYPE_FROZENSET => {
                let n = self.size()?;
                self.check_len(n)?;
                if ty == TYPE_SET {
                    let s = ObjRef::new(&vm::rt_types::rt().set, Set::default());
                    if let Some(i) = slot {
                        self.refs[i] = Some(Value::Obj(s.clone()));
                    }
                    for _ in 0..n {
                        let x = self.object(vm, "set")?;
                        if let Some(set) = s.downcast::<Set>() {
                            set.add(vm, x)?;
                        }
                    }
                    Value::Obj(s)
                } else {
                    let mut items = Vec::with_capacity(n);
                    for _ in 0..n {
                        items.push(self.object(vm, "set")?);
                    }
                    vm::methods::frozenset::new_frozenset(vm, items)?
                }
            }
            TYPE_REF => {
                let i = self.long()?;
                let v = usize::try_from(i)
                    .ok()
                    .and_then(|i| self.refs.get(i).cloned().flatten());
                return match v {
                    Some(v) => Ok(Some(v)),
                    None => Err(bad("invalid reference")),
                };
            }
            TYPE_CODE => return Err(ReadErr::Code),
            _ => return Err(bad("unknown type code")),
        };
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
        Ok(Some(v))
    }

    /// A length must fit in the remaining data (at least one byte per item), so
    /// hostile sizes can't allocate.
    fn check_len(&self, n: usize) -> Result<(), ReadErr> {
        if n > self.data.len().saturating_sub(self.pos) {
            return Err(ReadErr::Py(PyErr::new(
                ExcKind::EOFError,
                "EOF read where object expected",
            )));
        }
        Ok(())
    }

    fn read_long(&mut self) -> Result<Value, ReadErr> {
        let n = self.long()?;
        let count = n.unsigned_abs() as usize;
        if count > self.data.len().saturating_sub(self.pos) {
            return Err(too_short());
        }
        let mut digits = Vec::with_capacity(count);
        for _ in 0..count {
            let b = self.take(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d >= 1 << 15 {
                return Err(bad("digit out of range in long"));
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return Err(bad("unnormalized long data"));
        }
        let mut mag = UBig::ZERO;
        for d in digits.iter().rev() {
            mag = (mag << 15) + UBig::from(*d);
        }
        let v = BigInt::from(mag);
        Ok(Value::from_bigint(if n < 0 { -v } else { v }))
    }
}

fn str_value(vm: &mut Vm, t: Text, interned: bool) -> Value {
    match t.as_str() {
        Some(s) if interned => Value::Obj(intern(vm.token(), s)),
        _ => Value::Obj(StrObj::alloc_text(t)),
    }
}

/// Reads one value from `data`; the value and the bytes consumed.
fn load_bytes(vm: &mut Vm, data: &[u8]) -> PyResult<(Value, usize)> {
    let mut r = Reader {
        data,
        pos: 0,
        refs: Vec::new(),
        depth: 0,
    };
    match r.object_or_null(vm) {
        Ok(Some(v)) => Ok((v, r.pos)),
        Ok(None) => Err(PyErr::type_error("NULL object in marshal data for object")),
        Err(ReadErr::Py(e)) => Err(e),
        Err(ReadErr::Code) => match compiler::marshal::loads(data) {
            Ok(mut c) => {
                if let compiler::code::Constant::Code(code) = &mut c {
                    vm::code::frozensets_from_marshal(code);
                }
                let v = vm::code::constant_to_value(vm.token(), &c)?;
                Ok((v, data.len()))
            }
            Err(compiler::marshal::MarshalError::Truncated) => {
                Err(PyErr::new(ExcKind::EOFError, "marshal data too short"))
            }
            Err(_) => Err(PyErr::value_error("bad marshal data (unknown type code)")),
        },
    }
}

/// `marshal.loads(bytes, /)`.
fn loads(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "loads", args, kw, 1, 1)?;
    let Some(data) = bytes_of(vm.token(), &a[0]) else {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(vm, &a[0])
        )));
    };
    Ok(load_bytes(vm, &data)?.0)
}

/// `marshal.load(file, /)`: reads the rest of `file`, loads one value and
/// moves the file position just after it.
fn load(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, []) = ArgSpec::parse(vm, "load", args, kw, [])?;
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "load() takes exactly one argument ({} given)",
            pos.len()
        )));
    }
    let file = &pos[0];
    let start = vm.call_method(file, "tell", &[]).ok();
    let chunk = vm.call_method(file, "read", &[])?;
    let Some(data) = bytes_of(vm.token(), &chunk) else {
        return Err(PyErr::type_error(format!(
            "file.read() returned not bytes but {}",
            tname(vm, &chunk)
        )));
    };
    let (v, used) = load_bytes(vm, &data)?;
    if let Some(Value::Int(s)) = start {
        if used < data.len() {
            vm.call_method(file, "seek", &[Value::Int(s + used as i64)])?;
        }
    }
    Ok(v)
}

/// Creates the `marshal` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("dumps", dumps),
        ("loads", loads),
        ("dump", dump),
        ("load", load),
    ];
    let m = new_module(vm, "marshal", funcs);
    set_attr(vm, &m, "version", Value::Int(VERSION));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_bit_digits() {
        assert_eq!(digits15(&UBig::from(1u8)), vec![1]);
        assert_eq!(
            digits15(&(UBig::from(1u8) << 100)),
            vec![0, 0, 0, 0, 0, 0, 1 << 10]
        );
        assert_eq!(digits15(&UBig::from(1u64 << 31)), vec![0, 0, 2]);
    }
}
