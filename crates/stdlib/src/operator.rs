//! The `_operator` module (CPython's `Modules/_operator.c`): every operator as
//! a function, the in-place variants, and the `itemgetter`, `attrgetter` and
//! `methodcaller` callable types (with CPython's reprs).

use vm::builtins::str::{intern, new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, no_kwargs, NativeFn};
use vm::class::{call_special, register_ctor};
use vm::object::{Payload, PayloadKind, Token};
use vm::types::{new_native_type, CompareOp, TypeObject};
use vm::value::IntRef;
use vm::vm::BinOp;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

macro_rules! binary {
    ($($name:ident => $op:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let a = exact_args(vm, stringify!($name), args, kw, 2)?;
                if BinOp::$op == BinOp::Power {
                    return vm.power(&a[0], &a[1]);
                }
                vm.binary_op(&a[0], &a[1], BinOp::$op)
            }
        )*
    };
}

binary! {
    add => Add, and_ => And, floordiv => FloorDivide, lshift => Lshift,
    matmul => MatrixMultiply, mul => Multiply, mod_ => Remainder, or_ => Or,
    pow => Power, rshift => Rshift, sub => Subtract, truediv => TrueDivide, xor => Xor,
}

macro_rules! inplace {
    ($($name:ident => $op:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let a = exact_args(vm, stringify!($name), args, kw, 2)?;
                vm.inplace_op(&a[0], &a[1], BinOp::$op)
            }
        )*
    };
}

inplace! {
    iadd => Add, iand => And, ifloordiv => FloorDivide, ilshift => Lshift,
    imatmul => MatrixMultiply, imul => Multiply, imod => Remainder, ior => Or,
    ipow => Power, irshift => Rshift, isub => Subtract, itruediv => TrueDivide, ixor => Xor,
}

macro_rules! compare {
    ($($name:ident => $op:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
                let a = exact_args(vm, stringify!($name), args, kw, 2)?;
                vm.rich_compare(&a[0], &a[1], CompareOp::$op)
            }
        )*
    };
}

compare! { lt => Lt, le => Le, eq => Eq, ne => Ne, gt => Gt, ge => Ge }

fn unary(vm: &mut Vm, v: &Value, dunder: &str, sym: &str) -> PyResult<Value> {
    use vm::builtins::int;
    match (sym, v) {
        ("-", Value::Float(f)) => return Ok(Value::Float(-f)),
        ("+", Value::Float(f)) => return Ok(Value::Float(*f)),
        _ => {}
    }
    if let Some(i) = v.as_int() {
        return Ok(match sym {
            "-" => int::neg(i),
            "+" => int::add(i, IntRef::Small(0)),
            _ => {
                let x1 = int::add(i, IntRef::Small(1));
                match x1.as_int() {
                    Some(j) => int::neg(j),
                    None => x1,
                }
            }
        });
    }
    match call_special(vm, v, dunder, &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            tname(vm, v)
        ))),
    }
}

fn neg(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "neg", args, kw, 1)?;
    unary(vm, &a[0], "__neg__", "-")
}

fn pos(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "pos", args, kw, 1)?;
    unary(vm, &a[0], "__pos__", "+")
}

fn invert(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "invert", args, kw, 1)?;
    unary(vm, &a[0], "__invert__", "~")
}

fn builtin(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let b = vm.import_module("builtins")?;
    let k = intern(vm.token(), name);
    let f = vm.getattr(&b, &k)?;
    vm.call(&f, args, None)
}

fn abs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "abs", args, kw, 1)?;
    builtin(vm, "abs", a)
}

fn index(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "index", args, kw, 1)?;
    if a[0].as_int().is_some() {
        return Ok(a[0].clone());
    }
    match call_special(vm, &a[0], "__index__", &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            tname(vm, &a[0])
        ))),
    }
}

fn not_(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "not_", args, kw, 1)?;
    Ok(Value::Bool(!vm.is_true(&a[0])?))
}

fn truth(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "truth", args, kw, 1)?;
    Ok(Value::Bool(vm.is_true(&a[0])?))
}

fn is_(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "is_", args, kw, 2)?;
    Ok(Value::Bool(a[0].is(&a[1])))
}

fn is_not(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "is_not", args, kw, 2)?;
    Ok(Value::Bool(!a[0].is(&a[1])))
}

fn is_sequence(v: &Value) -> bool {
    v.downcast::<Tuple>().is_some()
        || v.downcast::<vm::builtins::list::List>().is_some()
        || v.downcast::<StrObj>().is_some()
}

fn concat(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "concat", args, kw, 2)?;
    let has_getitem = |vm: &mut Vm, v: &Value| {
        let k = Value::Obj(intern(vm.token(), "__getitem__"));
        let t = v.type_ref();
        t.downcast::<TypeObject>()
            .and_then(|t| t.lookup(vm.token(), &k))
            .is_some()
    };
    if !is_sequence(&a[0]) && !has_getitem(vm, &a[0]) {
        return Err(PyErr::type_error(format!(
            "'{}' object can't be concatenated",
            tname(vm, &a[0])
        )));
    }
    vm.binary_op(&a[0], &a[1], BinOp::Add)
}

fn iconcat(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "iconcat", args, kw, 2)?;
    if !is_sequence(&a[0]) && call_special(vm, &a[0], "__len__", &[]).is_err() {
        return Err(PyErr::type_error(format!(
            "'{}' object can't be concatenated",
            tname(vm, &a[0])
        )));
    }
    vm.inplace_op(&a[0], &a[1], BinOp::Add)
}

fn contains(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "contains", args, kw, 2)?;
    Ok(Value::Bool(vm.contains(&a[0], &a[1])?))
}

fn count_of(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "countOf", args, kw, 2)?;
    let it = vm.iter(&a[0])?;
    let mut n = 0i64;
    while let Some(x) = vm.next(&it)? {
        if x.is(&a[1]) || vm.eq_bool(&x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index_of(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "indexOf", args, kw, 2)?;
    let it = vm.iter(&a[0])?;
    let mut n = 0i64;
    while let Some(x) = vm.next(&it)? {
        if x.is(&a[1]) || vm.eq_bool(&x, &a[1])? {
            return Ok(Value::Int(n));
        }
        n += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn getitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getitem", args, kw, 2)?;
    vm.getitem(&a[0], &a[1])
}

fn setitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "setitem", args, kw, 3)?;
    vm.setitem(&a[0], &a[1], Some(a[2].clone()))?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "delitem", args, kw, 2)?;
    vm.setitem(&a[0], &a[1], None)?;
    Ok(Value::None)
}

fn length_hint(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "length_hint", args, kw, 1, 2)?;
    let default = match a.get(1) {
        Some(d) => {
            if d.as_int().is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tname(vm, d)
                )));
            }
            d.clone()
        }
        None => Value::Int(0),
    };
    if let Ok(n) = vm.len(&a[0]) {
        return Ok(Value::Int(n as i64));
    }
    match call_special(vm, &a[0], "__length_hint__", &[])? {
        Some(r) if r.as_int().is_some() => Ok(r),
        _ => Ok(default),
    }
}

fn compare_digest(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "_compare_digest", args, kw, 2)?;
    match (a[0].downcast::<StrObj>(), a[1].downcast::<StrObj>()) {
        (Some(x), Some(y)) => {
            if !x.is_ascii() || !y.is_ascii() {
                return Err(PyErr::type_error(
                    "comparing strings with non-ASCII characters is not supported",
                ));
            }
            Ok(Value::Bool(x.as_bytes() == y.as_bytes()))
        }
        _ => Err(PyErr::type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            tname(vm, &a[0]),
            tname(vm, &a[1])
        ))),
    }
}

// ----- itemgetter / attrgetter / methodcaller -----

/// The payload of `itemgetter`, `attrgetter` and `methodcaller` objects.
pub struct Getter {
    kind: GetterKind,
    /// Items, dotted attribute paths (as tuples of names), or the method name
    /// followed by its positional arguments.
    items: Box<[Value]>,
    /// `methodcaller`'s keyword names (a tuple) and values.
    kwnames: Option<ObjRef>,
    kwvalues: Box<[Value]>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum GetterKind {
    Item,
    Attr,
    Method,
}

impl Payload for Getter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(&mut *visit);
        self.kwvalues.iter().for_each(&mut *visit);
        if let Some(k) = &self.kwnames {
            visit(&Value::Obj(k.clone()));
        }
    }
}

fn new_getter(cls: &ObjRef, kind: GetterKind, items: Vec<Value>) -> Value {
    Value::Obj(ObjRef::new(
        cls,
        Getter {
            kind,
            items: items.into_boxed_slice(),
            kwnames: None,
            kwvalues: Box::new([]),
        },
    ))
}

fn itemgetter_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    no_kwargs(vm, "itemgetter", kw)?;
    if args.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(new_getter(cls, GetterKind::Item, args.to_vec()))
}

fn attrgetter_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    no_kwargs(vm, "attrgetter", kw)?;
    if args.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    for a in args {
        if a.downcast::<StrObj>().is_none() {
            return Err(PyErr::type_error("attribute name must be a string"));
        }
    }
    Ok(new_getter(cls, GetterKind::Attr, args.to_vec()))
}

fn methodcaller_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let nkw = vm::calls::kwnames_len(vm.token(), kw);
    let npos = args.len() - nkw;
    if npos == 0 {
        return Err(PyErr::type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    }
    if args[0].downcast::<StrObj>().is_none() {
        return Err(PyErr::type_error("method name must be a string"));
    }
    Ok(Value::Obj(ObjRef::new(
        cls,
        Getter {
            kind: GetterKind::Method,
            items: args[..npos].to_vec().into_boxed_slice(),
            kwnames: kw.cloned(),
            kwvalues: args[npos..].to_vec().into_boxed_slice(),
        },
    )))
}

fn dotted_getattr(vm: &mut Vm, obj: &Value, path: &Value) -> PyResult<Value> {
    let text = path
        .downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut cur = obj.clone();
    for part in text.split('.') {
        let k = intern(vm.token(), part);
        cur = vm.getattr(&cur, &k)?;
    }
    Ok(cur)
}

fn getter_call(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(g) = me.downcast::<Getter>() else {
        return Err(PyErr::type_error("not a getter"));
    };
    let items = g.items.to_vec();
    match g.kind {
        GetterKind::Item | GetterKind::Attr => {
            let name = if g.kind == GetterKind::Item {
                "itemgetter"
            } else {
                "attrgetter"
            };
            no_kwargs(vm, name, kw)?;
            if args.len() != 1 {
                return Err(PyErr::type_error(format!(
                    "{name} expected 1 argument, got {}",
                    args.len()
                )));
            }
            let get = |vm: &mut Vm, k: &Value| {
                if g.kind == GetterKind::Item {
                    vm.getitem(&args[0], k)
                } else {
                    dotted_getattr(vm, &args[0], k)
                }
            };
            if items.len() == 1 {
                return get(vm, &items[0]);
            }
            let mut out = Vec::with_capacity(items.len());
            for k in &items {
                out.push(get(vm, k)?);
            }
            Ok(Value::Obj(Tuple::alloc(out)))
        }
        GetterKind::Method => {
            no_kwargs(vm, "methodcaller", kw)?;
            if args.len() != 1 {
                return Err(PyErr::type_error(format!(
                    "methodcaller expected 1 argument, got {}",
                    args.len()
                )));
            }
            let name = match items[0].as_obj() {
                Some(o) => o.clone(),
                None => return Err(PyErr::type_error("method name must be a string")),
            };
            let m = vm.getattr(&args[0], &name)?;
            let mut all = items[1..].to_vec();
            all.extend(g.kwvalues.iter().cloned());
            let kwn = g.kwnames.clone();
            vm.call(&m, &all, kwn.as_ref())
        }
    }
}

fn repr_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = vm.repr(v)?;
    Ok(vm.str_text(&r)?.to_string_lossy().into_owned())
}

fn getter_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let Some(g) = me.downcast::<Getter>() else {
        return Ok(new_str("?"));
    };
    let items = g.items.to_vec();
    let kwvalues = g.kwvalues.to_vec();
    let kwnames = g.kwnames.clone();
    let name = format!(
        "operator.{}",
        match g.kind {
            GetterKind::Item => "itemgetter",
            GetterKind::Attr => "attrgetter",
            GetterKind::Method => "methodcaller",
        }
    );
    let mut parts = Vec::new();
    for it in &items {
        parts.push(repr_of(vm, it)?);
    }
    if let Some(k) =
        kwnames.and_then(|k| k.downcast::<Tuple>().map(|t| t.items(vm.token()).to_vec()))
    {
        for (n, v) in k.iter().zip(&kwvalues) {
            let n = vm.str_text(n)?.to_string_lossy().into_owned();
            parts.push(format!("{n}={}", repr_of(vm, v)?));
        }
    }
    Ok(new_str(&format!("{name}({})", parts.join(", "))))
}

fn new_getter_type(vm: &mut Vm, m: &ObjRef, name: &str, ctor: vm::class::CtorFn) {
    let t = new_native_type(vm.token(), name, Getter::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "operator");
        tp.slots.call.set(Some(getter_call));
        tp.slots.repr.set(Some(getter_repr));
    }
    register_ctor(&t, ctor, false);
    set_attr(vm, m, name, Value::Obj(t));
}

/// Creates the `_operator` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("abs", abs),
        ("add", add),
        ("and_", and_),
        ("concat", concat),
        ("contains", contains),
        ("countOf", count_of),
        ("delitem", delitem),
        ("eq", eq),
        ("floordiv", floordiv),
        ("ge", ge),
        ("getitem", getitem),
        ("gt", gt),
        ("iadd", iadd),
        ("iand", iand),
        ("iconcat", iconcat),
        ("ifloordiv", ifloordiv),
        ("ilshift", ilshift),
        ("imatmul", imatmul),
        ("imod", imod),
        ("imul", imul),
        ("index", index),
        ("indexOf", index_of),
        ("inv", invert),
        ("invert", invert),
        ("ior", ior),
        ("ipow", ipow),
        ("irshift", irshift),
        ("is_", is_),
        ("is_not", is_not),
        ("isub", isub),
        ("itruediv", itruediv),
        ("ixor", ixor),
        ("le", le),
        ("length_hint", length_hint),
        ("lshift", lshift),
        ("lt", lt),
        ("matmul", matmul),
        ("mod", mod_),
        ("mul", mul),
        ("ne", ne),
        ("neg", neg),
        ("not_", not_),
        ("or_", or_),
        ("pos", pos),
        ("pow", pow),
        ("rshift", rshift),
        ("setitem", setitem),
        ("sub", sub),
        ("truediv", truediv),
        ("truth", truth),
        ("xor", xor),
        ("_compare_digest", compare_digest),
    ];
    let m = new_module(vm, "_operator", funcs);
    new_getter_type(vm, &m, "itemgetter", itemgetter_new);
    new_getter_type(vm, &m, "attrgetter", attrgetter_new);
    new_getter_type(vm, &m, "methodcaller", methodcaller_new);
    Ok(m)
}
