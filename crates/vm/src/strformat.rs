//! `str % args` (CPython's `PyUnicode_Format`), the common conversions:
//! `%s %r %a %d %i %u %x %X %o %f %F %e %E %g %G %c %%` with flags, width and
//! precision (`*` not supported), and `%(name)s` with a dict.

use crate::builtins::dict::Dict;
use crate::builtins::str::{new_str, StrObj};
use crate::builtins::tuple::Tuple;
use crate::error::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

fn text(v: &Value) -> String {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `%` slot of `str`.
pub fn str_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(fmt) = a.downcast::<StrObj>() else {
        return Ok(None);
    };
    let fmt = fmt.text().to_string_lossy().into_owned();
    let args: Vec<Value> = match b.downcast::<Tuple>() {
        Some(t) => t.items(vm.token()).to_vec(),
        None => vec![b.clone()],
    };
    let mapping = b.downcast::<Dict>().is_some();
    let mut out = String::new();
    let mut next = 0usize;
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut key: Option<String> = None;
        if chars.get(i) == Some(&'(') {
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && chars[j] != ')' {
                j += 1;
            }
            key = Some(chars[start..j.min(chars.len())].iter().collect());
            i = j + 1;
        }
        let mut flags = String::new();
        while let Some(&f) = chars.get(i) {
            if "-+ #0".contains(f) {
                flags.push(f);
                i += 1;
            } else {
                break;
            }
        }
        let mut width = String::new();
        while let Some(&d) = chars.get(i).filter(|d| d.is_ascii_digit()) {
            width.push(d);
            i += 1;
        }
        let mut prec: Option<String> = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            let mut p = String::new();
            while let Some(&d) = chars.get(i).filter(|d| d.is_ascii_digit()) {
                p.push(d);
                i += 1;
            }
            prec = Some(p);
        }
        let Some(&conv) = chars.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match &key {
            Some(k) => {
                let kv = new_str(k);
                vm.getitem(b, &kv)?
            }
            None => {
                let Some(v) = args.get(next).cloned() else {
                    return Err(PyErr::type_error("not enough arguments for format string"));
                };
                next += 1;
                v
            }
        };
        let mut spec = String::new();
        let left = flags.contains('-');
        if flags.contains('+') {
            spec.push('+');
        } else if flags.contains(' ') {
            spec.push(' ');
        }
        if flags.contains('#') {
            spec.push('#');
        }
        if flags.contains('0') && !left {
            spec.push('0');
        }
        if left {
            spec.insert(0, '<');
        }
        spec.push_str(&width);
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.str(&arg)?,
                    'r' => vm.repr(&arg)?,
                    _ => vm.ascii(&arg)?,
                };
                let mut t = text(&s);
                if let Some(p) = &prec {
                    t = t.chars().take(p.parse().unwrap_or(0)).collect();
                }
                let w: usize = width.parse().unwrap_or(0);
                let n = t.chars().count();
                if n < w {
                    if left {
                        format!("{t}{}", " ".repeat(w - n))
                    } else {
                        format!("{}{t}", " ".repeat(w - n))
                    }
                } else {
                    t
                }
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'c' => {
                let v = match &arg {
                    Value::Float(f) if conv != 'c' => Value::Int(f.trunc() as i64),
                    v => v.clone(),
                };
                if v.as_int().is_none() {
                    return Err(PyErr::type_error(format!(
                        "%{conv} format: a real number is required, not {}",
                        crate::types::type_name(vm.token(), &arg.type_ref())
                    )));
                }
                let ty = match conv {
                    'd' | 'i' | 'u' => 'd',
                    c => c,
                };
                let spec = format!("{spec}{ty}");
                crate::format::format_builtin(vm, &v, &spec)?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let f = match arg.as_float() {
                    Some(f) => f,
                    None => match arg.as_int() {
                        Some(i) => crate::arith::int_to_f64(i)?,
                        None => {
                            return Err(PyErr::type_error(format!(
                                "must be real number, not {}",
                                crate::types::type_name(vm.token(), &arg.type_ref())
                            )))
                        }
                    },
                };
                let p = prec.as_deref().map(|p| p.parse().unwrap_or(0)).unwrap_or(6);
                let spec = format!("{spec}.{p}{conv}");
                crate::format::format_builtin(vm, &Value::Float(f), &spec)?
            }
            c => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{c}' (0x{:x}) at index {}",
                    c as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&piece);
    }
    if key_free_leftover(next, &args, b, mapping) {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Some(new_str(&out)))
}

fn key_free_leftover(used: usize, args: &[Value], b: &Value, mapping: bool) -> bool {
    if mapping {
        return false;
    }
    if b.downcast::<Tuple>().is_some() {
        used < args.len()
    } else {
        used == 0 && !args.is_empty() && b.downcast::<StrObj>().is_none()
    }
}
