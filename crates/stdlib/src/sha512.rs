//! `_sha512` (CPython's `Modules/sha512module.c`): `sha512` and `sha384` hash
//! objects (`update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size`,
//! `block_size`), which `random.seed` of a str or bytes and `hashlib` use.
//! The digests come from the `sha2` crate.

use sha2::{Digest, Sha384, Sha512};
use vm::builtins::str::new_str;
use vm::calls::{add_method, exact_args, ArgSpec};
use vm::class::register_ctor;
use vm::methods::add_getter;
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::new_native_type;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

/// The running hash of one object.
#[derive(Clone)]
enum State {
    Sha512(Sha512),
    Sha384(Sha384),
}

/// The payload of `sha512` and `sha384` objects.
pub struct ShaObj {
    /// Boxed: the hasher's alignment exceeds what object payloads allow.
    state: PyCell<Box<State>>,
}

impl Payload for ShaObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
    fn traverse(&self, _t: &Token, _visit: &mut dyn FnMut(&Value)) {}
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a ShaObj> {
    v.downcast::<ShaObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a sha512 object, not '{}'",
            tname(vm, v)
        ))
    })
}

/// The bytes of a bytes-like argument; str is refused as CPython does
/// ("Strings must be encoded before hashing").
fn data_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.downcast::<vm::builtins::str::StrObj>().is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    vm::methods::bytes::bytes_of(vm.token(), v).ok_or_else(|| {
        PyErr::type_error(format!(
            "object supporting the buffer API required, not '{}'",
            tname(vm, v)
        ))
    })
}

fn update_state(state: &mut State, data: &[u8]) {
    match state {
        State::Sha512(h) => h.update(data),
        State::Sha384(h) => h.update(data),
    }
}

fn digest_of(state: &State) -> Vec<u8> {
    match state.clone() {
        State::Sha512(h) => h.finalize().to_vec(),
        State::Sha384(h) => h.finalize().to_vec(),
    }
}

fn construct(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
    st: State,
) -> PyResult<Value> {
    let (pos, [string, _used]) =
        ArgSpec::parse(vm, "sha512", args, kw, ["string", "usedforsecurity"])?;
    let data = match pos.first().cloned().or(string) {
        Some(v) => Some(data_of(vm, &v)?),
        None => None,
    };
    let mut st = st;
    if let Some(d) = data {
        update_state(&mut st, &d);
    }
    Ok(Value::Obj(ObjRef::new(
        cls,
        ShaObj {
            state: PyCell::new(Box::new(st)),
        },
    )))
}

fn sha512_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    construct(vm, cls, args, kw, State::Sha512(Sha512::new()))
}

fn sha384_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    construct(vm, cls, args, kw, State::Sha384(Sha384::new()))
}

fn m_update(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "update", args, kw, 2)?;
    let h = me(vm, &a[0])?;
    let d = data_of(vm, &a[1])?;
    update_state(h.state.borrow_mut(vm.token()), &d);
    Ok(Value::None)
}

fn m_digest(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "digest", args, kw, 1)?;
    let h = me(vm, &a[0])?;
    let d = digest_of(h.state.borrow(vm.token()));
    Ok(vm::methods::bytes::new_bytes(d, false))
}

fn m_hexdigest(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "hexdigest", args, kw, 1)?;
    let h = me(vm, &a[0])?;
    let d = digest_of(h.state.borrow(vm.token()));
    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(new_str(&hex))
}

fn m_copy(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "copy", args, kw, 1)?;
    let h = me(vm, &a[0])?;
    let st = (**h.state.borrow(vm.token())).clone();
    Ok(Value::Obj(ObjRef::new(
        &a[0].type_ref(),
        ShaObj {
            state: PyCell::new(Box::new(st)),
        },
    )))
}

fn is_384(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let h = me(vm, v)?;
    Ok(matches!(**h.state.borrow(vm.token()), State::Sha384(_)))
}

fn g_name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "name", args, kw, 1)?;
    Ok(new_str(if is_384(vm, &a[0])? {
        "sha384"
    } else {
        "sha512"
    }))
}

fn g_digest_size(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "digest_size", args, kw, 1)?;
    Ok(Value::Int(if is_384(vm, &a[0])? { 48 } else { 64 }))
}

fn g_block_size(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "block_size", args, kw, 1)?;
    me(vm, &a[0])?;
    Ok(Value::Int(128))
}

/// Creates the `_sha512` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(vm, "_sha512", &[]);
    for (name, ctor) in [
        ("sha512", sha512_new as vm::class::CtorFn),
        ("sha384", sha384_new),
    ] {
        let t = new_native_type(vm.token(), name, ShaObj::LAYOUT, None);
        if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
            tp.set_module(vm.token(), "_sha512");
        }
        register_ctor(&t, ctor, false);
        for (n, f) in [
            ("update", m_update as vm::calls::NativeFn),
            ("digest", m_digest),
            ("hexdigest", m_hexdigest),
            ("copy", m_copy),
        ] {
            add_method(vm.token(), &t, n, f);
        }
        add_getter(vm.token(), &t, "name", g_name);
        add_getter(vm.token(), &t, "digest_size", g_digest_size);
        add_getter(vm.token(), &t, "block_size", g_block_size);
        set_attr(vm, &m, name, Value::Obj(t));
    }
    Ok(m)
}
