//! The `_string` module (CPython's `Objects/stringlib/unicode_format.h`
//! helpers used by `string.Formatter`): `formatter_parser` splits a format
//! string into `(literal, field_name, format_spec, conversion)` tuples and
//! `formatter_field_name_split` splits a field name into its first part and
//! the `(is_attribute, key)` accesses that follow, with CPython's `ValueError`s.

use vm::builtins::list::List;
use vm::builtins::str::{new_str, StrObj};
use vm::builtins::tuple::Tuple;
use vm::calls::exact_args;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, tname};

/// One parsed piece of a format string.
#[derive(Debug, PartialEq, Eq)]
pub struct Piece {
    /// Literal text before the field (escaped braces undone).
    pub literal: String,
    /// `(field_name, format_spec, conversion)` when a replacement field follows.
    pub field: Option<(String, String, Option<char>)>,
}

fn err(msg: &str) -> PyErr {
    PyErr::value_error(msg.to_owned())
}

/// Parses the replacement field starting at `*pos` (just after its `{`).
fn parse_field(s: &[char], pos: &mut usize) -> PyResult<(String, String, Option<char>)> {
    let start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(err("unexpected '{' in field name")),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name: String = s[start..pos.saturating_sub(1).max(start)].iter().collect();
    if c == '!' || c == ':' {
        let mut conversion = None;
        if c == '!' {
            if *pos >= s.len() {
                return Err(err("end of string while looking for conversion specifier"));
            }
            conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < s.len() {
                let c2 = s[*pos];
                *pos += 1;
                if c2 == '}' {
                    return Ok((name, String::new(), conversion));
                }
                if c2 != ':' {
                    return Err(err("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut depth = 1;
        while *pos < s.len() {
            let ch = s[*pos];
            *pos += 1;
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        let spec = s[spec_start..*pos - 1].iter().collect();
                        return Ok((name, spec, conversion));
                    }
                }
                _ => {}
            }
        }
        return Err(err("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(err("expected '}' before end of string"));
    }
    Ok((name, String::new(), None))
}

/// Splits a format string into pieces (CPython's `MarkupIterator`).
pub fn parse(text: &str) -> PyResult<Vec<Piece>> {
    let s: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let mut out = Vec::new();
    while pos < s.len() {
        let lit_start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < s.len() {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= s.len();
        let mut len = pos - lit_start;
        if c == '}' && markup && (at_end || s[pos] != '}') {
            return Err(err("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup {
            return Err(err("Single '{' encountered in format string"));
        }
        if !at_end && markup {
            if s[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal: String = s[lit_start..lit_start + len].iter().collect();
        let field = if markup {
            Some(parse_field(&s, &mut pos)?)
        } else {
            None
        };
        out.push(Piece { literal, field });
    }
    Ok(out)
}

fn formatter_parser(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "formatter_parser", args, kw, 1)?;
    let Some(s) = a[0].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "descriptor 'formatter_parser' requires a 'str' object but received a '{}'",
            tname(vm, &a[0])
        )));
    };
    let text = s.text().to_string_lossy().into_owned();
    let items: Vec<Value> = parse(&text)?
        .into_iter()
        .map(|p| {
            let t = match p.field {
                None => vec![new_str(&p.literal), Value::None, Value::None, Value::None],
                Some((name, spec, conv)) => vec![
                    new_str(&p.literal),
                    new_str(&name),
                    new_str(&spec),
                    conv.map_or(Value::None, |c| new_str(&c.to_string())),
                ],
            };
            Value::Obj(Tuple::alloc(t))
        })
        .collect();
    vm.iter(&Value::Obj(List::alloc(items)))
}

/// A field-name part as CPython gives it: an int when all decimal digits.
fn key_value(k: &str) -> PyResult<Value> {
    if !k.is_empty() && k.chars().all(|c| c.is_ascii_digit()) {
        return k
            .parse::<i64>()
            .map(Value::Int)
            .map_err(|_| err("Too many decimal digits in format string"));
    }
    Ok(new_str(k))
}

/// Splits a field name: the first part and the `(is_attribute, key)` accesses.
pub fn split_field_name(name: &str) -> PyResult<(String, Vec<(bool, String)>)> {
    let s: Vec<char> = name.chars().collect();
    let first_end = s
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(s.len());
    let first: String = s[..first_end].iter().collect();
    let mut rest = Vec::new();
    let mut pos = first_end;
    while pos < s.len() {
        let c = s[pos];
        pos += 1;
        match c {
            '.' => {
                let start = pos;
                while pos < s.len() && s[pos] != '.' && s[pos] != '[' {
                    pos += 1;
                }
                if pos == start {
                    return Err(err("Empty attribute in format string"));
                }
                rest.push((true, s[start..pos].iter().collect()));
            }
            '[' => {
                let start = pos;
                while pos < s.len() && s[pos] != ']' {
                    pos += 1;
                }
                if pos >= s.len() {
                    return Err(err("Missing ']' in format string"));
                }
                if pos == start {
                    return Err(err("Empty attribute in format string"));
                }
                rest.push((false, s[start..pos].iter().collect()));
                pos += 1;
                if pos < s.len() && s[pos] != '.' && s[pos] != '[' {
                    return Err(err(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
            _ => {
                return Err(err(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    Ok((first, rest))
}

fn formatter_field_name_split(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "formatter_field_name_split", args, kw, 1)?;
    let Some(s) = a[0].downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "descriptor 'formatter_field_name_split' requires a 'str' object but received a '{}'",
            tname(vm, &a[0])
        )));
    };
    let text = s.text().to_string_lossy().into_owned();
    let (first, rest) = split_field_name(&text)?;
    let first = key_value(&first)?;
    let mut items = Vec::with_capacity(rest.len());
    for (is_attr, k) in rest {
        let key = if is_attr { new_str(&k) } else { key_value(&k)? };
        items.push(Value::Obj(Tuple::alloc(vec![Value::Bool(is_attr), key])));
    }
    let it = vm.iter(&Value::Obj(List::alloc(items)))?;
    Ok(Value::Obj(Tuple::alloc(vec![first, it])))
}

/// Creates the `_string` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    Ok(new_module(
        vm,
        "_string",
        &[
            ("formatter_parser", formatter_parser),
            ("formatter_field_name_split", formatter_field_name_split),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_braces_and_fields() {
        let p = parse("a{{b{0!r:>{w}}").unwrap_or_default();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].literal, "a{");
        assert_eq!(
            p[1].field,
            Some(("0".to_owned(), ">{w}".to_owned(), Some('r')))
        );
        assert!(parse("}").is_err());
        assert!(parse("{").is_err());
    }

    #[test]
    fn field_names() {
        let (first, rest) = split_field_name("a.b[0]").unwrap_or_default();
        assert_eq!(first, "a");
        assert_eq!(rest, vec![(true, "b".to_owned()), (false, "0".to_owned())]);
        assert!(split_field_name("x[").is_err());
    }
}
