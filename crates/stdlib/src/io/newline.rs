//! `_io.IncrementalNewlineDecoder` (CPython's `textio.c`): wraps an
//! incremental decoder (or none: the input is `str`) and translates `\r\n`
//! and `\r` to `\n` when asked, holding back a final `\r` until the next
//! call; records the kinds of line ends seen for `newlines`.

use std::cell::Cell;

use common::text::Text;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{exact_args, ArgSpec, NativeFn};
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::tname;

const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The payload of `IncrementalNewlineDecoder`.
pub struct NewlineDecoder {
    decoder: Value,
    translate: bool,
    pending_cr: Cell<bool>,
    seen: Cell<u8>,
    _errors: PyCell<Value>,
}

impl Payload for NewlineDecoder {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.decoder);
        visit(self._errors.borrow(token));
    }
}

fn me<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<&'a NewlineDecoder> {
    match v.and_then(|v| v.downcast::<NewlineDecoder>()) {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error(format!(
            "descriptor requires a '_io.IncrementalNewlineDecoder' object but received a '{}'",
            v.map_or_else(|| "nothing".to_owned(), |v| tname(vm, v))
        ))),
    }
}

fn new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [d, t, e]) = ArgSpec::parse(
        vm,
        "IncrementalNewlineDecoder",
        args,
        kw,
        ["decoder", "translate", "errors"],
    )?;
    let (Some(d), Some(t)) = (
        d.or_else(|| pos.first().cloned()),
        t.or_else(|| pos.get(1).cloned()),
    ) else {
        return Err(PyErr::type_error(
            "IncrementalNewlineDecoder() missing required argument 'translate' (pos 2)",
        ));
    };
    let translate = vm.is_true(&t)?;
    let errors = e
        .or_else(|| pos.get(2).cloned())
        .unwrap_or_else(|| new_str("strict"));
    Ok(Value::Obj(ObjRef::new(
        cls,
        NewlineDecoder {
            decoder: d,
            translate,
            pending_cr: Cell::new(false),
            seen: Cell::new(0),
            _errors: PyCell::new(errors),
        },
    )))
}

fn decode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [i, f]) = ArgSpec::parse(vm, "decode", args, kw, ["input", "final"])?;
    let d = me(vm, pos.first())?;
    let Some(input) = i.or_else(|| pos.get(1).cloned()) else {
        return Err(PyErr::type_error(
            "decode() missing required argument 'input' (pos 1)",
        ));
    };
    let fin = match f.or_else(|| pos.get(2).cloned()) {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    let out = if d.decoder.is_none() {
        input
    } else {
        let dec = d.decoder.clone();
        let k = vm::builtins::str::intern(vm.token(), "final");
        let kwn = Tuple::alloc(vec![Value::Obj(k)]);
        let name = vm::builtins::str::intern(vm.token(), "decode");
        let m = vm.getattr(&dec, &name)?;
        vm.call(&m, &[input, Value::Bool(fin)], Some(&kwn))?
    };
    let Some(s) = out.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "decoder should return a string result, not '{}'",
            tname(vm, &out)
        )));
    };
    let mut text = Text::new();
    if d.pending_cr.replace(false) {
        text.push_char('\r');
    }
    text.push_text(s.text());
    if !fin && text.as_bytes().last() == Some(&b'\r') {
        let b = text.as_bytes();
        text = Text::from_generalized_utf8(&b[..b.len() - 1]).unwrap_or_default();
        d.pending_cr.set(true);
    }
    let cr = u32::from('\r');
    let lf = u32::from('\n');
    let cps: Vec<u32> = text.code_points().collect();
    let mut res = Text::with_capacity(text.as_bytes().len());
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c == cr && cps.get(i + 1) == Some(&lf) {
            d.seen.set(d.seen.get() | SEEN_CRLF);
            if translating(d) {
                res.push_char('\n');
            } else {
                res.push_char('\r');
                res.push_char('\n');
            }
            i += 2;
            continue;
        }
        if c == cr {
            d.seen.set(d.seen.get() | SEEN_CR);
            res.push_code_point(if translating(d) { lf } else { cr });
        } else {
            if c == lf {
                d.seen.set(d.seen.get() | SEEN_LF);
            }
            res.push_code_point(c);
        }
        i += 1;
    }
    Ok(Value::Obj(StrObj::alloc_text(res)))
}

fn translating(d: &NewlineDecoder) -> bool {
    d.translate
}

fn getstate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getstate", args, kw, 1)?;
    let d = me(vm, a.first())?;
    let (buf, flag) = if d.decoder.is_none() {
        (vm::methods::bytes::new_bytes(Vec::new(), false), 0)
    } else {
        let dec = d.decoder.clone();
        let st = vm.call_method(&dec, "getstate", &[])?;
        let items = st
            .downcast::<Tuple>()
            .map(|t| t.items(vm.token()).to_vec())
            .unwrap_or_default();
        let flag = match items.get(1) {
            Some(v) => vm.index_i64(v)?,
            None => 0,
        };
        (items.first().cloned().unwrap_or(Value::None), flag)
    };
    let flag = (flag << 1) | i64::from(d.pending_cr.get());
    Ok(Value::Obj(Tuple::alloc(vec![buf, Value::Int(flag)])))
}

fn setstate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "setstate", args, kw, 2)?;
    let d = me(vm, a.first())?;
    let items = a[1]
        .downcast::<Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    let (Some(buf), Some(flag)) = (items.first().cloned(), items.get(1).cloned()) else {
        return Err(PyErr::type_error("state argument must be a tuple"));
    };
    let flag = vm.index_i64(&flag)?;
    d.pending_cr.set(flag & 1 == 1);
    if !d.decoder.is_none() {
        let dec = d.decoder.clone();
        let st = Value::Obj(Tuple::alloc(vec![buf, Value::Int(flag >> 1)]));
        vm.call_method(&dec, "setstate", &[st])?;
    }
    Ok(Value::None)
}

fn reset(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "reset", args, kw, 1)?;
    let d = me(vm, a.first())?;
    d.seen.set(0);
    d.pending_cr.set(false);
    if !d.decoder.is_none() {
        let dec = d.decoder.clone();
        vm.call_method(&dec, "reset", &[])?;
    }
    Ok(Value::None)
}

fn newlines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "newlines", args, kw, 1)?;
    let d = me(vm, a.first())?;
    let seen = d.seen.get();
    let mut kinds = Vec::new();
    for (bit, s) in [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")] {
        if seen & bit != 0 {
            kinds.push(new_str(s));
        }
    }
    Ok(match kinds.len() {
        0 => Value::None,
        1 => kinds.remove(0),
        _ => Value::Obj(Tuple::alloc(kinds)),
    })
}

/// Creates the `IncrementalNewlineDecoder` type.
pub(crate) fn create_type(vm: &mut Vm) -> ObjRef {
    let t = vm::types::new_native_type(
        vm.token(),
        "IncrementalNewlineDecoder",
        NewlineDecoder::LAYOUT,
        None,
    );
    if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
        tp.set_module(vm.token(), "_io");
    }
    let methods: [(&'static str, NativeFn); 4] = [
        ("decode", decode),
        ("getstate", getstate),
        ("setstate", setstate),
        ("reset", reset),
    ];
    for (n, f) in methods {
        vm::calls::add_method(vm.token(), &t, n, f);
    }
    super::iobase::add_property(vm, &t, "newlines", newlines);
    vm::class::register_ctor(&t, new, false);
    t
}
