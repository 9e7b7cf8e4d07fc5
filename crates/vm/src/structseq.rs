//! Struct sequences (CPython's `Objects/structseq.c`): tuple subclasses whose
//! items also have names, as `sys.version_info`, `sys.flags`,
//! `time.struct_time`. A type is made from one static [`StructSeqDesc`]; each
//! named field is a `member_descriptor` in the type's dict that carries the
//! field's index and the description, so everything else (`repr`, `__new__`,
//! `__reduce__`) finds the description from the type itself.
//!
//! Instances are plain `tuple` payloads of the *visible* fields (the first
//! `n_sequence_fields`). Fields past those (`time.struct_time.tm_zone`) are not
//! stored: their value comes from the description's `hidden` function.

use std::cell::RefCell;

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, new_str};
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, exact_args, ArgSpec};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Payload, PayloadKind, Token};
use crate::types::{builtin_types, is_subtype, new_native_type, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The static description of a struct sequence type (CPython's
/// `PyStructSequence_Desc`).
pub struct StructSeqDesc {
    /// The full name (`tp_name`), e.g. `"sys.version_info"`: the part before the
    /// last dot becomes `__module__`.
    pub name: &'static str,
    /// `__doc__`.
    pub doc: &'static str,
    /// All field names, visible ones first.
    pub fields: &'static [&'static str],
    /// How many fields the tuple holds (`n_sequence_fields`).
    pub n_in_sequence: usize,
    /// Whether Python code may call the type (`sys.version_info` can't be
    /// instantiated: "cannot create 'sys.version_info' instances").
    pub instantiable: bool,
    /// The value of hidden field `i` (`i >= n_in_sequence`) of an instance with
    /// the given visible items.
    pub hidden: fn(&[Value], usize) -> Value,
}

/// `hidden` for descriptions without hidden fields, or whose hidden fields are
/// `None` (CPython's value when the constructor's dict omits them).
pub fn hidden_none(_items: &[Value], _i: usize) -> Value {
    Value::None
}

/// The payload of a field's `member_descriptor`.
pub struct FieldDescr {
    /// `__name__`.
    name: ObjRef,
    /// Position of the field among `desc.fields`.
    index: usize,
    /// The struct sequence type (`__objclass__`).
    owner: ObjRef,
    /// The type's description.
    desc: &'static StructSeqDesc,
}

impl Payload for FieldDescr {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;
    fn traverse(&self, _t: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.name.clone()));
        visit(&Value::Obj(self.owner.clone()));
    }
}

thread_local! {
    /// The `member_descriptor` type of struct sequence fields.
    static FIELD_TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

fn field_type(token: &mut Token) -> ObjRef {
    if let Some(t) = FIELD_TYPE.with(|f| f.borrow().clone()) {
        return t;
    }
    let t = new_native_type(token, "member_descriptor", FieldDescr::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.descr_get.set(Some(field_get));
        tp.slots.descr_set.set(Some(field_set));
        tp.slots.repr.set(Some(field_repr));
    }
    add_method(token, &t, "__get__", field_get_method);
    FIELD_TYPE.with(|f| *f.borrow_mut() = Some(t.clone()));
    t
}

/// `descr.__get__(obj)`: the field of `obj` (itself through the class).
fn field_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: &ObjRef) -> PyResult<Value> {
    let (Some(obj), Some(f)) = (obj, d.downcast::<FieldDescr>()) else {
        return Ok(d.clone());
    };
    let ot = obj.type_ref();
    let tuple = obj
        .downcast::<Tuple>()
        .filter(|_| is_subtype(vm.token(), &ot, &f.owner));
    let Some(t) = tuple else {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            f.desc.fields[f.index],
            f.desc.name,
            type_name(vm.token(), &ot)
        )));
    };
    let items = t.items(vm.token());
    Ok(match items.get(f.index) {
        Some(v) if f.index < f.desc.n_in_sequence => v.clone(),
        _ => (f.desc.hidden)(items, f.index),
    })
}

/// `descr.__get__(obj, type=None)`.
fn field_get_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::arg_range(vm, "__get__", args, kw, 2, 3)?;
    let obj = Some(&a[1]).filter(|o| !o.is_none());
    let ty = a[1].type_ref();
    field_get(vm, &a[0], obj, &ty)
}

/// Assigning or deleting a field: "readonly attribute".
fn field_set(_vm: &mut Vm, _d: &Value, _obj: &Value, _v: Option<Value>) -> PyResult<()> {
    Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"))
}

/// `<member 'major' of 'sys.version_info' objects>`.
fn field_repr(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(f) = d.downcast::<FieldDescr>() else {
        return Ok(new_str("<member>"));
    };
    Ok(new_str(&format!(
        "<member '{}' of '{}' objects>",
        f.desc.fields[f.index], f.desc.name
    )))
}

/// The description of struct sequence type `ty` (or of its nearest struct
/// sequence base), found through its first field's descriptor.
pub fn desc_of(vm: &mut Vm, ty: &ObjRef) -> Option<&'static StructSeqDesc> {
    let tp = ty.downcast::<TypeObject>()?;
    let ft = field_type(vm.token());
    for t in tp.mro(vm.token()).iter() {
        let Some(tt) = t.downcast::<TypeObject>() else {
            continue;
        };
        for v in tt.dict.values(vm.token()) {
            if v.type_ref().is(&ft) {
                return v.downcast::<FieldDescr>().map(|f| f.desc);
            }
        }
    }
    None
}

/// Creates the type described by `desc` (CPython's `PyStructSequence_NewType`).
pub fn new_type(vm: &mut Vm, desc: &'static StructSeqDesc) -> ObjRef {
    let bt = builtin_types();
    let tuple_layout = Tuple::LAYOUT;
    let (module, name) = desc
        .name
        .rsplit_once('.')
        .unwrap_or(("builtins", desc.name));
    let ty = new_native_type(vm.token(), name, tuple_layout, Some(&bt.tuple));
    let ft = field_type(vm.token());
    let n_unnamed = 0usize;
    let mut match_args = Vec::new();
    let token = vm.token();
    if let Some(tp) = ty.downcast::<TypeObject>() {
        tp.set_module(token, module);
        tp.slots.repr.set(Some(structseq_repr));
        let set = |token: &mut Token, k: &str, v: Value| {
            let key = Value::Obj(intern(token, k));
            let _ = tp.dict.set(&mut NativeEq(token), key, v);
        };
        set(token, "__doc__", new_str(desc.doc));
        for (i, field) in desc.fields.iter().enumerate() {
            let name = intern(token, field);
            if i < desc.n_in_sequence {
                match_args.push(Value::Obj(name.clone()));
            }
            let d = ObjRef::new(
                &ft,
                FieldDescr {
                    name,
                    index: i,
                    owner: ty.clone(),
                    desc,
                },
            );
            set(token, field, Value::Obj(d));
        }
        set(
            token,
            "n_sequence_fields",
            Value::Int(desc.n_in_sequence as i64),
        );
        set(token, "n_fields", Value::Int(desc.fields.len() as i64));
        set(token, "n_unnamed_fields", Value::Int(n_unnamed as i64));
        set(
            token,
            "__match_args__",
            Value::Obj(Tuple::alloc(match_args)),
        );
    }
    add_method(token, &ty, "__reduce__", structseq_reduce);
    crate::class::register_ctor(&ty, structseq_new, false);
    crate::types::type_modified(token, &ty);
    ty
}

/// A new instance of struct sequence type `ty` holding `visible` (the first
/// `n_sequence_fields` values).
pub fn new_instance(ty: &ObjRef, visible: Vec<Value>) -> Value {
    Value::Obj(ObjRef::new(ty, Tuple::payload(visible)))
}

/// `repr(x)`: `sys.version_info(major=3, minor=11, ...)`.
fn structseq_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = v.type_ref();
    let items = v
        .downcast::<Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    let Some(desc) = desc_of(vm, &ty) else {
        return Ok(new_str("structseq()"));
    };
    let mut out = format!("{}(", desc.name);
    for (i, (name, it)) in desc.fields.iter().zip(items.iter()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr(it)?;
        out.push_str(name);
        out.push('=');
        out.push_str(&vm.str_text(&r)?.to_string_lossy());
    }
    out.push(')');
    Ok(new_str(&out))
}

/// `x.__reduce__()`: `(type, (visible_items, {hidden_name: value}))`.
fn structseq_reduce(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__reduce__", args, kw, 1)?;
    let ty = a[0].type_ref();
    let items = a[0]
        .downcast::<Tuple>()
        .map(|t| t.items(vm.token()).to_vec())
        .unwrap_or_default();
    let hidden = ObjRef::new(&builtin_types().dict, Dict::new());
    if let (Some(desc), Some(d)) = (desc_of(vm, &ty), hidden.downcast::<Dict>()) {
        for (i, name) in desc.fields.iter().enumerate().skip(desc.n_in_sequence) {
            let key = new_str(name);
            d.set(vm, key, (desc.hidden)(&items, i))?;
        }
    }
    let state = Tuple::alloc(vec![Value::Obj(Tuple::alloc(items)), Value::Obj(hidden)]);
    Ok(Value::Obj(Tuple::alloc(vec![
        Value::Obj(ty),
        Value::Obj(state),
    ])))
}

/// `T(sequence, dict=None)` (CPython's `structseq_new_impl`). Hidden fields
/// given by the sequence or the dict are checked but not kept.
fn structseq_new(
    vm: &mut Vm,
    cls: &ObjRef,
    args: &[Value],
    kw: Option<&ObjRef>,
) -> PyResult<Value> {
    let Some(desc) = desc_of(vm, cls) else {
        return Err(PyErr::type_error("not a struct sequence type"));
    };
    if !desc.instantiable {
        return Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            desc.name
        )));
    }
    let short = desc.name.rsplit('.').next().unwrap_or(desc.name);
    let (pos, [seq_kw, dict_kw]) = ArgSpec::parse(vm, short, args, kw, ["sequence", "dict"])?;
    let total = pos.len() + usize::from(seq_kw.is_some()) + usize::from(dict_kw.is_some());
    if total > 2 || (!pos.is_empty() && seq_kw.is_some()) || (pos.len() == 2 && dict_kw.is_some()) {
        return Err(PyErr::type_error(format!(
            "{short}() takes at most 2 arguments ({total} given)"
        )));
    }
    let Some(seq) = pos.first().cloned().or(seq_kw) else {
        return Err(PyErr::type_error(format!(
            "{short}() missing required argument 'sequence' (pos 1)"
        )));
    };
    let dict = pos.get(1).cloned().or(dict_kw).filter(|d| !d.is_none());
    let is_seq = seq.downcast::<Tuple>().is_some()
        || seq.downcast::<crate::builtins::list::List>().is_some();
    let items = if is_seq {
        vm.sequence_to_vec(&seq)?
    } else {
        match vm.sequence_to_vec(&seq) {
            Ok(v) => v,
            Err(e) if e.kind == ExcKind::TypeError => {
                return Err(PyErr::type_error("constructor requires a sequence"))
            }
            Err(e) => return Err(e),
        }
    };
    if let Some(d) = &dict {
        if d.downcast::<Dict>().is_none() {
            return Err(PyErr::type_error(format!(
                "{}() takes a dict as second arg, if any",
                desc.name
            )));
        }
    }
    let (min, max, n) = (desc.n_in_sequence, desc.fields.len(), items.len());
    if n < min || n > max {
        let bound = if min == max {
            "a"
        } else if n < min {
            "an at least"
        } else {
            "an at most"
        };
        let k = if n < min { min } else { max };
        return Err(PyErr::type_error(format!(
            "{}() takes {bound} {k}-sequence ({n}-sequence given)",
            desc.name
        )));
    }
    let mut visible = items;
    visible.truncate(min);
    Ok(new_instance(cls, visible))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_none_is_none() {
        assert!(hidden_none(&[], 3).is_none());
    }
}
