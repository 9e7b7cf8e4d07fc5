//! `_csv.writer` (CPython's `csv_writerow` and `join_append_data`): joins a
//! row's fields with the dialect's delimiter, quoting or escaping special
//! characters, and passes the record to the file's `write`.

use vm::builtins::str::{new_str, StrObj};
use vm::object::{Payload, PayloadKind, Token};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::dialect::{Dialect, QUOTE_ALL, QUOTE_NONE, QUOTE_NONNUMERIC};
use crate::util::tname;

/// The payload of a `_csv.writer` object.
pub struct Writer {
    /// The bound `write` method of the output file.
    pub write: Value,
    /// The writer's dialect.
    pub dialect: ObjRef,
}

impl Payload for Writer {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, _token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.write);
        visit(&Value::Obj(self.dialect.clone()));
    }
}

/// Appends one field to `rec` (CPython's `join_append`): a delimiter first
/// unless it is the first field, quotes when `quoted` or when the text needs
/// them, escapes under `QUOTE_NONE` or without `doublequote`.
fn join_append(
    d: &Dialect,
    rec: &mut String,
    num_fields: usize,
    field: Option<&str>,
    mut quoted: bool,
) -> PyResult<()> {
    let text = field.unwrap_or("");
    // First pass: does the field need quotes?
    let special = |c: char| {
        c == d.delimiter
            || Some(c) == d.escapechar
            || Some(c) == d.quotechar
            || d.lineterminator.contains(c)
    };
    let mut body = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        if special(c) {
            let mut want_escape = false;
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                let Some(esc) = d.escapechar else {
                    return Err(super::error("need to escape, but no escapechar set"));
                };
                body.push(esc);
            }
        }
        body.push(c);
    }
    if num_fields > 0 {
        rec.push(d.delimiter);
    }
    let q = d.quotechar.filter(|_| quoted);
    if let Some(q) = q {
        rec.push(q);
    }
    rec.push_str(&body);
    if let Some(q) = q {
        rec.push(q);
    }
    Ok(())
}

/// Whether `v` is a number for `QUOTE_NONNUMERIC` (CPython's `PyNumber_Check`).
fn is_number(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if v.as_int().is_some() || v.as_float().is_some() {
        return Ok(true);
    }
    let ty = Value::Obj(v.type_ref());
    for name in ["__index__", "__int__", "__float__", "__complex__"] {
        let key = vm::builtins::str::intern(vm.token(), name);
        match vm.getattr(&ty, &key) {
            Ok(_) => return Ok(true),
            Err(e) if e.is_kind(ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(false)
}

/// Writes one row through `w`.
fn write_row(vm: &mut Vm, w: &Writer, row: &Value) -> PyResult<Value> {
    let Some(d) = w.dialect.downcast::<Dialect>() else {
        return Err(PyErr::type_error("writer without a dialect"));
    };
    let it = match vm.iter(row) {
        Ok(it) => it,
        Err(e) if e.is_kind(ExcKind::TypeError) => {
            return Err(super::error(&format!(
                "iterable expected, not {}",
                tname(vm, row)
            )))
        }
        Err(e) => return Err(e),
    };
    let mut rec = String::new();
    let mut num_fields = 0usize;
    while let Some(field) = vm.next(&it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, &field)?,
            QUOTE_ALL => true,
            _ => false,
        };
        let text = if field.is_none() {
            None
        } else if let Some(s) = field.downcast::<StrObj>() {
            Some(s.text().to_string_lossy().into_owned())
        } else {
            let s = vm.str(&field)?;
            Some(
                s.downcast::<StrObj>()
                    .map(|s| s.text().to_string_lossy().into_owned())
                    .unwrap_or_default(),
            )
        };
        join_append(d, &mut rec, num_fields, text.as_deref(), quoted)?;
        num_fields += 1;
    }
    if num_fields > 0 && rec.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(super::error("single empty field record must be quoted"));
        }
        join_append(d, &mut rec, 0, None, true)?;
    }
    rec.push_str(&d.lineterminator);
    let line = new_str(&rec);
    vm.call(&w.write, &[line], None)
}

fn me(v: &Value) -> PyResult<&Writer> {
    v.downcast::<Writer>()
        .ok_or_else(|| PyErr::type_error("expected a _csv.writer"))
}

/// `writer.writerow(row)`: the value `write` returned.
pub fn writerow(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::exact_args(vm, "writerow", args, kw, 2)?;
    let w = me(&a[0])?;
    write_row(vm, w, &a[1])
}

/// `writer.writerows(rows)`.
pub fn writerows(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = vm::calls::exact_args(vm, "writerows", args, kw, 2)?;
    let w = me(&a[0])?;
    let it = vm.iter(&a[1])?;
    while let Some(row) = vm.next(&it)? {
        write_row(vm, w, &row)?;
    }
    Ok(Value::None)
}

/// `writer.dialect`.
pub fn writer_dialect(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    Ok(Value::Obj(
        me(args.first().unwrap_or(&Value::None))?.dialect.clone(),
    ))
}
