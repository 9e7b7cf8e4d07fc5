//! The pattern-matching opcodes of CPython 3.11 (`MATCH_MAPPING`,
//! `MATCH_SEQUENCE`, `MATCH_KEYS`, `MATCH_CLASS`; `ceval.c`'s `match_keys` and
//! `match_class`).

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// Builtin types with CPython's `Py_TPFLAGS_SEQUENCE` (inherited by subclasses).
const SEQUENCE_TYPES: &[&str] = &["list", "tuple", "range", "memoryview", "deque", "array"];
/// Builtin types with CPython's `Py_TPFLAGS_MAPPING`.
const MAPPING_TYPES: &[&str] = &["dict", "mappingproxy", "defaultdict", "OrderedDict"];
/// Builtin types with CPython's `_Py_TPFLAGS_MATCH_SELF` (inherited).
const MATCH_SELF_TYPES: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

/// Whether a type on `ty`'s MRO is a builtin named in `builtins`, or (for the
/// `collections.abc` ABCs, which CPython marks through `__abc_tpflags__`) a
/// class of that module named in `abcs`.
fn mro_has(vm: &mut Vm, ty: &ObjRef, builtins: &[&str], abcs: &[&str]) -> bool {
    let Some(t) = ty.downcast::<TypeObject>() else {
        return false;
    };
    let token = vm.token();
    for c in t.mro(token).iter() {
        let Some(ct) = c.downcast::<TypeObject>() else {
            continue;
        };
        let name = ct.name(token);
        if ct.is_builtin() && builtins.contains(&name.as_str()) {
            return true;
        }
        if abcs.contains(&name.as_str()) {
            let m = ct.module(token);
            if m == "collections.abc" || m == "_collections_abc" || m == "collections" {
                return true;
            }
        }
    }
    false
}

impl Vm {
    /// `MATCH_SEQUENCE`: whether the subject's type is a sequence
    /// (`Py_TPFLAGS_SEQUENCE`: list, tuple, range, deque, memoryview, array and
    /// `collections.abc.Sequence` subclasses; never str/bytes/bytearray).
    #[inline(never)]
    pub(crate) fn match_sequence(&mut self, subject: &Value) -> bool {
        let t = subject.type_ref();
        mro_has(
            self,
            &t,
            SEQUENCE_TYPES,
            &["Sequence", "MutableSequence", "deque", "UserList"],
        )
    }

    /// `MATCH_MAPPING`: whether the subject's type is a mapping
    /// (`Py_TPFLAGS_MAPPING`: dict and its subclasses, mappingproxy and
    /// `collections.abc.Mapping` subclasses).
    #[inline(never)]
    pub(crate) fn match_mapping(&mut self, subject: &Value) -> bool {
        let t = subject.type_ref();
        mro_has(
            self,
            &t,
            MAPPING_TYPES,
            &[
                "Mapping",
                "MutableMapping",
                "UserDict",
                "OrderedDict",
                "defaultdict",
                "Counter",
                "ChainMap",
            ],
        )
    }

    /// `MATCH_KEYS` (CPython's `match_keys`): the values of `keys` in `map`
    /// through `map.get(key, dummy)` as a tuple, or `None` if one is missing.
    #[inline(never)]
    pub(crate) fn match_keys(&mut self, map: &Value, keys: &Value) -> PyResult<Value> {
        let keys = match keys.downcast::<Tuple>() {
            Some(t) => t.items(self.token()).to_vec(),
            None => return Err(super::bad_code("MATCH_KEYS")),
        };
        if keys.is_empty() {
            return Ok(Value::Obj(Tuple::alloc(Vec::new())));
        }
        let get_name = intern(self.token(), "get");
        let get = self.getattr(map, &get_name)?;
        let dummy = Value::Obj(List::alloc(Vec::new()));
        let seen = Dict::new();
        let mut values = Vec::with_capacity(keys.len());
        for k in keys {
            if seen.contains(self, &k)? {
                let r = self.repr(&k)?;
                let r = self.str_text(&r)?;
                return Err(PyErr::value_error(format!(
                    "mapping pattern checks duplicate key ({})",
                    r.to_string_lossy()
                )));
            }
            seen.set(self, k.clone(), Value::None)?;
            let v = self.call(&get, &[k, dummy.clone()], None)?;
            if v.is(&dummy) {
                return Ok(Value::None);
            }
            values.push(v);
        }
        Ok(Value::Obj(Tuple::alloc(values)))
    }

    /// `MATCH_CLASS` (CPython's `match_class`): the tuple of attributes for the
    /// positional (through `__match_args__`) and keyword sub-patterns, or `None`
    /// when the subject isn't an instance or an attribute is missing.
    #[inline(never)]
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Some(ty) = cls
            .as_obj()
            .filter(|c| c.downcast::<TypeObject>().is_some())
            .cloned()
        else {
            return Err(PyErr::type_error("called match pattern must be a type"));
        };
        if !crate::class::isinstance(self, subject, cls)? {
            return Ok(Value::None);
        }
        let tname = type_name(self.token(), &ty);
        let kw = match names.downcast::<Tuple>() {
            Some(t) => t.items(self.token()).to_vec(),
            None => return Err(super::bad_code("MATCH_CLASS")),
        };
        let seen = Dict::new();
        let mut attrs = Vec::with_capacity(nargs + kw.len());
        if nargs > 0 {
            let ma_name = intern(self.token(), "__match_args__");
            let (match_args, match_self) = match self.getattr(cls, &ma_name) {
                Ok(m) => {
                    let exact = m.type_ref().is(&crate::types::builtin_types().tuple);
                    if !exact {
                        let got = type_name(self.token(), &m.type_ref());
                        return Err(PyErr::type_error(format!(
                            "{tname}.__match_args__ must be a tuple (got {got})"
                        )));
                    }
                    let items = m
                        .downcast::<Tuple>()
                        .map(|t| t.items(self.token()).to_vec())
                        .unwrap_or_default();
                    (items, false)
                }
                Err(e) if e.kind == ExcKind::AttributeError => {
                    (Vec::new(), mro_has(self, &ty, MATCH_SELF_TYPES, &[]))
                }
                Err(e) => return Err(e),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(PyErr::type_error(format!(
                    "{tname}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in match_args.into_iter().take(nargs) {
                    let exact_str = name.type_ref().is(&crate::types::builtin_types().str_);
                    if !exact_str {
                        let got = type_name(self.token(), &name.type_ref());
                        return Err(PyErr::type_error(format!(
                            "__match_args__ elements must be strings (got {got})"
                        )));
                    }
                    match self.match_class_attr(subject, &tname, &name, &seen)? {
                        Some(a) => attrs.push(a),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for name in kw {
            match self.match_class_attr(subject, &tname, &name, &seen)? {
                Some(a) => attrs.push(a),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::Obj(Tuple::alloc(attrs)))
    }

    /// One attribute of a class pattern (CPython's `match_class_attr`).
    fn match_class_attr(
        &mut self,
        subject: &Value,
        tname: &str,
        name: &Value,
        seen: &Dict,
    ) -> PyResult<Option<Value>> {
        if seen.contains(self, name)? {
            let r = self.repr(name)?;
            let r = self.str_text(&r)?;
            return Err(PyErr::type_error(format!(
                "{tname}() got multiple sub-patterns for attribute {}",
                r.to_string_lossy()
            )));
        }
        seen.set(self, name.clone(), Value::None)?;
        let Some(n) = name.as_obj().filter(|o| o.downcast::<StrObj>().is_some()) else {
            return Err(super::bad_code("MATCH_CLASS attribute name"));
        };
        let text = n
            .downcast::<StrObj>()
            .and_then(StrObj::as_str)
            .map(str::to_owned)
            .unwrap_or_default();
        let n = intern(self.token(), &text);
        match self.getattr(subject, &n) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.kind == ExcKind::AttributeError => Ok(None),
            Err(e) => Err(e),
        }
    }
}
