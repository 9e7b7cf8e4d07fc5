//! The small struct-sequence types of `posix` (`terminal_size`,
//! `times_result`): tuple subclasses with named read-only fields and
//! CPython's `os.terminal_size(columns=80, lines=24)` repr. One table,
//! [`SEQS`], gives each type's name, repr prefix and field names.

use vm::builtins::str::{intern, new_str};
use vm::builtins::tuple::Tuple;
use vm::calls::{exact_args, new_native_function, NativeFn};
use vm::object::PyCell;
use vm::types::{new_native_type, type_name, TypeObject};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::set_attr;

/// Each struct sequence: type name, the module its repr names, the fields.
const SEQS: &[(&str, &str, &[&str])] = &[
    ("terminal_size", "os", &["columns", "lines"]),
    (
        "times_result",
        "posix",
        &[
            "user",
            "system",
            "children_user",
            "children_system",
            "elapsed",
        ],
    ),
];

fn item(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>, i: usize) -> PyResult<Value> {
    let a = exact_args(vm, "field", args, kw, 1)?;
    a[0].downcast::<Tuple>()
        .and_then(|t| t.get(vm.token(), i))
        .ok_or_else(|| PyErr::type_error("descriptor needs a struct sequence"))
}

macro_rules! item_getters {
    ($($name:ident = $i:expr),*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
            item(vm, args, kw, $i)
        })*
        const GETTERS: &[NativeFn] = &[$($name),*];
    };
}

item_getters!(item0 = 0, item1 = 1, item2 = 2, item3 = 3, item4 = 4);

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = type_name(vm.token(), &v.type_ref());
    let Some((_, module, fields)) = SEQS.iter().find(|(n, _, _)| *n == name) else {
        return Err(PyErr::type_error("not a struct sequence"));
    };
    let mut parts = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let x = v
            .downcast::<Tuple>()
            .and_then(|t| t.get(vm.token(), i))
            .unwrap_or(Value::None);
        let r = vm.repr(&x)?;
        parts.push(format!("{f}={}", vm.str_text(&r)?));
    }
    Ok(new_str(&format!("{module}.{name}({})", parts.join(", "))))
}

/// Adds every type of [`SEQS`] to module `m`.
pub(crate) fn install(vm: &mut Vm, m: &ObjRef) {
    let bt = vm::types::builtin_types();
    let Some(layout) = bt.tuple.downcast::<TypeObject>().map(TypeObject::layout) else {
        return;
    };
    for (name, module, fields) in SEQS {
        let t = new_native_type(vm.token(), name, layout, Some(&bt.tuple));
        let Some(tp) = t.downcast::<TypeObject>() else {
            continue;
        };
        tp.set_module(vm.token(), module);
        tp.slots.repr.set(Some(repr));
        for (f, g) in fields.iter().zip(GETTERS) {
            let prop = ObjRef::new(
                &vm::rt_types::rt().property,
                vm::descriptors::Property {
                    funcs: PyCell::new([
                        Value::Obj(new_native_function(f, *g)),
                        Value::None,
                        Value::None,
                        Value::None,
                    ]),
                },
            );
            let k = Value::Obj(intern(vm.token(), f));
            let _ = tp.dict.set(
                &mut vm::builtins::dict::NativeEq(vm.token()),
                k,
                Value::Obj(prop),
            );
        }
        set_attr(vm, m, name, Value::Obj(t));
    }
}

/// A new `posix.<name>` struct sequence holding `items`.
pub(crate) fn make(vm: &mut Vm, name: &str, items: Vec<Value>) -> PyResult<Value> {
    let m = vm.import_module("posix")?;
    let k = intern(vm.token(), name);
    let Value::Obj(t) = vm.getattr(&m, &k)? else {
        return Err(PyErr::runtime_error(format!("posix.{name} is missing")));
    };
    Ok(Value::Obj(ObjRef::new(&t, Tuple::payload(items))))
}
