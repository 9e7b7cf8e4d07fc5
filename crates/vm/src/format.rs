//! The format-spec mini-language for builtin `int`, `float` and `str`
//! (CPython's `Python/formatter_unicode.c`): `[[fill]align][sign][#][0][width]
//! [,|_][.precision][type]`.

use crate::builtins::str::StrObj;
use crate::error::{PyErr, PyResult};
use crate::types::type_name;
use crate::value::{IntRef, Value};
use crate::vm::Vm;

/// A parsed format spec.
#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse(spec: &str) -> Option<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = c[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        s.precision = Some(c[start..i].iter().collect::<String>().parse().ok()?);
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    (i == c.len()).then_some(s)
}

fn pad(body: String, sign: &str, s: &Spec, default_align: char) -> String {
    let len = body.chars().count() + sign.chars().count();
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let n = s.width - len;
    let (fill, align) = if s.zero && s.align.is_none() {
        ('0', '=')
    } else {
        (s.fill.unwrap_or(' '), s.align.unwrap_or(default_align))
    };
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
    }
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let b: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, ch) in b.iter().enumerate() {
        if i > 0 && (b.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

fn sign_of(neg: bool, s: &Spec) -> &'static str {
    match (neg, s.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn invalid(vm: &mut Vm, ty: char, v: &Value) -> PyErr {
    let t = v.type_ref();
    PyErr::value_error(format!(
        "Unknown format code '{ty}' for object of type '{}'",
        type_name(vm.token(), &t)
    ))
}

/// `format(v, spec)` for builtin values.
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let Some(s) = parse(spec) else {
        return Err(PyErr::value_error("Invalid format specifier"));
    };
    if let Some(st) = v.downcast::<StrObj>() {
        if let Some(t) = s.ty.filter(|t| *t != 's') {
            return Err(invalid(vm, t, v));
        }
        let mut text = st.text().to_string_lossy().into_owned();
        if let Some(p) = s.precision {
            text = text.chars().take(p).collect();
        }
        return Ok(pad(text, "", &s, '<'));
    }
    if let Value::Float(f) = v {
        return format_float(vm, *f, &s, v);
    }
    if let Some(i) = v.as_int() {
        if let Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') = s.ty {
            let f = match i {
                IntRef::Small(x) => x as f64,
                IntRef::Big(_) => big_to_f64(v),
            };
            return format_float(vm, f, &s, v);
        }
        let (neg, mag) = match i {
            IntRef::Small(x) => (x < 0, x.unsigned_abs().to_string()),
            IntRef::Big(b) => {
                let t = b.to_string();
                match t.strip_prefix('-') {
                    Some(m) => (true, m.to_owned()),
                    None => (false, t),
                }
            }
        };
        let small = match i {
            IntRef::Small(x) => Some(x.unsigned_abs()),
            IntRef::Big(_) => None,
        };
        let (body, prefix) = match s.ty {
            None | Some('d') | Some('n') => (
                match s.grouping {
                    Some(g) => group(&mag, g, 3),
                    None => mag,
                },
                "",
            ),
            Some('b') => (radix_digits(i, small, 'b'), "0b"),
            Some('o') => (radix_digits(i, small, 'o'), "0o"),
            Some('x') => (radix_digits(i, small, 'x'), "0x"),
            Some('X') => (radix_digits(i, small, 'X'), "0X"),
            Some('c') => (
                small
                    .and_then(|m| char::from_u32(m as u32))
                    .map(String::from)
                    .unwrap_or_default(),
                "",
            ),
            Some(t) => return Err(invalid(vm, t, v)),
        };
        let body = match (s.grouping, s.ty) {
            (Some('_'), Some('b' | 'o' | 'x' | 'X')) => group(&body, '_', 4),
            _ => body,
        };
        let sign = format!("{}{}", sign_of(neg, &s), if s.alt { prefix } else { "" });
        return Ok(pad(body, &sign, &s, '>'));
    }
    let t = v.type_ref();
    Err(PyErr::type_error(format!(
        "unsupported format string passed to {}.__format__",
        type_name(vm.token(), &t)
    )))
}

fn format_float(vm: &mut Vm, f: f64, s: &Spec, v: &Value) -> PyResult<String> {
    let neg = f.is_sign_negative();
    let a = f.abs();
    let body = if a.is_nan() {
        "nan".to_owned()
    } else if a.is_infinite() {
        "inf".to_owned()
    } else {
        match s.ty {
            Some('f' | 'F') => format!("{:.*}", s.precision.unwrap_or(6), a),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
            Some('e' | 'E') => exp_format(a, s.precision.unwrap_or(6), s.ty == Some('E')),
            Some('g' | 'G') | None if s.precision.is_some() || s.ty.is_some() => {
                let p = s.precision.unwrap_or(6).max(1);
                general(a, p, s.alt)
            }
            None => common::repr::repr_float(a),
            Some(t) => return Err(invalid(vm, t, v)),
        }
    };
    let body = match s.grouping {
        Some(g) => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => body.split_at(i),
                None => (body.as_str(), ""),
            };
            format!("{}{rest}", group(int_part, g, 3))
        }
        None => body,
    };
    Ok(pad(body, sign_of(neg && !a.is_nan(), s), s, '>'))
}

fn exp_format(a: f64, p: usize, upper: bool) -> String {
    let s = format!("{:.*e}", p, a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let r = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

fn general(a: f64, p: usize, alt: bool) -> String {
    if a == 0.0 {
        return "0".to_owned();
    }
    let exp = a.log10().floor() as i32;
    let s = format!("{:.*e}", p - 1, a);
    let e: i32 = s
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(exp);
    let out = if e < -4 || e >= p as i32 {
        let m = s
            .split_once('e')
            .map(|(m, _)| m.to_owned())
            .unwrap_or_default();
        let m = if alt { m } else { trim_zeros(&m) };
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    } else {
        let decimals = (p as i32 - 1 - e).max(0) as usize;
        let m = format!("{:.*}", decimals, a);
        if alt {
            m
        } else {
            trim_zeros(&m)
        }
    };
    out
}

fn trim_zeros(m: &str) -> String {
    if m.contains('.') {
        m.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        m.to_owned()
    }
}

/// The magnitude of an int in base 2, 8 or 16.
fn radix_digits(i: IntRef<'_>, small: Option<u64>, ty: char) -> String {
    if let Some(m) = small {
        return match ty {
            'b' => format!("{m:b}"),
            'o' => format!("{m:o}"),
            'x' => format!("{m:x}"),
            _ => format!("{m:X}"),
        };
    }
    let IntRef::Big(b) = i else {
        return String::new();
    };
    let m = dashu_int::ops::UnsignedAbs::unsigned_abs(b.clone());
    match ty {
        'b' => format!("{m:b}"),
        'o' => format!("{m:o}"),
        'x' => format!("{m:x}"),
        _ => format!("{m:X}"),
    }
}

fn big_to_f64(v: &Value) -> f64 {
    match v.as_int() {
        Some(IntRef::Big(b)) => b.to_string().parse().unwrap_or(f64::INFINITY),
        Some(IntRef::Small(i)) => i as f64,
        None => 0.0,
    }
}
