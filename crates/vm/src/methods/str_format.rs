//! `str.format`, `str.format_map` and `str.__format__`: the VM side of
//! `common::format_string::render_format` (CPython's `do_string_format`) and
//! `common::format_spec::format_str`.

use common::error::{TextError, TextResult};
use common::format_string::{render_format, FormatArgs};
use common::text::Text;

use super::{str_value, text_err};
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::calls::kwnames_len;
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// The arguments of one `format` call, seen by the common renderer. VM errors
/// (which may be any exception object) are kept in `err` and surface when the
/// renderer returns.
struct VmFormatArgs<'a> {
    vm: &'a mut Vm,
    positional: &'a [Value],
    keywords: Vec<(Text, Value)>,
    mapping: Option<Value>,
    err: Option<PyErr>,
}

impl VmFormatArgs<'_> {
    fn keep<T>(&mut self, r: PyResult<T>) -> TextResult<T> {
        r.map_err(|e| {
            self.err = Some(e);
            TextError::value("")
        })
    }
}

fn text_of(v: &Value) -> Text {
    v.downcast::<StrObj>()
        .map(|s| s.text().clone())
        .unwrap_or_default()
}

impl FormatArgs for VmFormatArgs<'_> {
    type Value = Value;

    fn has_positional(&self) -> bool {
        self.mapping.is_none()
    }

    fn positional(&mut self, i: usize) -> Option<Value> {
        self.positional.get(i).cloned()
    }

    fn keyword(&mut self, name: &Text) -> TextResult<Value> {
        let key = str_value(name.clone());
        if let Some(m) = self.mapping.clone() {
            let r = self.vm.getitem(&m, &key);
            return self.keep(r);
        }
        match self.keywords.iter().find(|(k, _)| k == name) {
            Some((_, v)) => Ok(v.clone()),
            None => self.keep(Err(PyErr::key_error(key))),
        }
    }

    fn getattr(&mut self, v: &Value, name: &Text) -> TextResult<Value> {
        let n = crate::builtins::str::intern_obj(self.vm.token(), StrObj::alloc_text(name.clone()));
        let r = self.vm.getattr(v, &n);
        self.keep(r)
    }

    fn getitem_index(&mut self, v: &Value, i: usize) -> TextResult<Value> {
        let r = self.vm.getitem(v, &Value::Int(i as i64));
        self.keep(r)
    }

    fn getitem_key(&mut self, v: &Value, key: &Text) -> TextResult<Value> {
        let r = self.vm.getitem(v, &str_value(key.clone()));
        self.keep(r)
    }

    fn convert(&mut self, v: &Value, conversion: char) -> TextResult<Value> {
        let r = match conversion {
            'r' => self.vm.repr(v),
            'a' => self.vm.ascii(v),
            _ => self.vm.str(v),
        };
        self.keep(r)
    }

    fn format(&mut self, v: &Value, spec: &Text) -> TextResult<Text> {
        let r = self.vm.format(v, &str_value(spec.clone()));
        let r = self.keep(r)?;
        Ok(text_of(&r))
    }
}

fn render(mut args: VmFormatArgs<'_>, template: &Text) -> PyResult<Value> {
    match render_format(template, &mut args) {
        Ok(t) => Ok(str_value(t)),
        Err(e) => Err(args.err.take().unwrap_or_else(|| text_err(e))),
    }
}

fn receiver(args: &[Value]) -> PyResult<Text> {
    args.first()
        .and_then(|v| v.downcast::<StrObj>())
        .map(|s| s.text().clone())
        .ok_or_else(|| PyErr::type_error("descriptor 'format' requires a 'str' object"))
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let template = receiver(args)?;
    let nkw = kwnames_len(vm.token(), kw);
    let npos = args.len().saturating_sub(nkw);
    let mut keywords = Vec::with_capacity(nkw);
    if let Some(t) = kw.and_then(|k| k.downcast::<Tuple>()) {
        for (k, v) in t.items(vm.token()).iter().zip(&args[npos..]) {
            keywords.push((text_of(k), v.clone()));
        }
    }
    let fa = VmFormatArgs {
        vm,
        positional: args.get(1..npos).unwrap_or(&[]),
        keywords,
        mapping: None,
        err: None,
    };
    render(fa, &template)
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let template = receiver(args)?;
    if kwnames_len(vm.token(), kw) > 0 {
        return Err(PyErr::type_error(
            "str.format_map() takes no keyword arguments",
        ));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "format_map() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let fa = VmFormatArgs {
        vm,
        positional: &[],
        keywords: Vec::new(),
        mapping: Some(args[1].clone()),
        err: None,
    };
    render(fa, &template)
}

/// `str.__format__(spec)`.
pub fn str_dunder_format(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = receiver(args)?;
    if kwnames_len(vm.token(), kw) > 0 || args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "__format__ expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let Some(spec) = args[1].downcast::<StrObj>() else {
        let tn = super::tname(vm, &args[1]);
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {tn}"
        )));
    };
    let r = common::format_spec::format_str(&s, spec.text()).map_err(text_err)?;
    Ok(str_value(r))
}
