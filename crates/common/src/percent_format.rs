//! `str % args`: printf-style formatting as CPython 3.11's `PyUnicode_Format`
//! (`Objects/unicodeobject.c`: `unicode_format_arg_parse`, `unicode_format_arg_format`,
//! `unicode_format_arg_output`, `formatlong`, `formatfloat`, `formatchar`). The VM
//! supplies the right operand through [`PercentArgs`], which performs the conversions
//! that may run Python code (`str()`, `repr()`, `int()`, `__index__`, `float()`).

use crate::bigint::BigInt;
use crate::error::{ExcKind, TextError, TextResult};
use crate::float_to_string::{double_to_string, FloatFlags};
use crate::format_number::int_to_decimal;
use crate::text::Text;
use dashu_int::ops::UnsignedAbs;
use dashu_int::Sign;

/// What `%c` was given, as the VM classifies an argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CharSource {
    /// A `str` (valid if of length 1).
    Str(Text),
    /// An `int`, or an object with `__index__` (already called).
    Int(BigInt),
    /// Anything else.
    Neither,
}

/// The right operand of `%`, seen through the VM. `Value` is the VM's handle to one
/// argument object.
pub trait PercentArgs {
    /// A handle to one argument value.
    type Value;

    /// `Some(len)` when the operand is a tuple (its items are the arguments), `None`
    /// when it is a single object.
    fn tuple_len(&self) -> Option<usize>;
    /// The `i`-th tuple item (`i < tuple_len`).
    fn tuple_item(&mut self, i: usize) -> Self::Value;
    /// The operand itself (used when it is not a tuple).
    fn whole(&mut self) -> Self::Value;
    /// Whether the operand counts as a mapping for `%(key)s`: CPython's
    /// `PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)`.
    fn is_mapping(&self) -> bool;
    /// `operand[key]` (the VM raises KeyError etc. itself).
    fn get_item(&mut self, key: &Text) -> TextResult<Self::Value>;
    /// The value if the argument is an `int` (`PyLong_Check`), for `*` widths.
    fn exact_int(&mut self, v: &Self::Value) -> Option<BigInt>;
    /// `str(v)`, `repr(v)` or `ascii(v)` for `conversion` `s`, `r`, `a`.
    fn to_text(&mut self, v: &Self::Value, conversion: char) -> TextResult<Text>;
    /// The integer for `%d` (`int(v)`) or, with `index_only`, for `%x`/`%o` (`v.__index__()`).
    /// `Ok(None)` when `v` is not a number or the conversion raised TypeError.
    fn to_integer(&mut self, v: &Self::Value, index_only: bool) -> TextResult<Option<BigInt>>;
    /// `float(v)` for `%e`/`%f`/`%g`; `Ok(None)` if `v` is not a real number.
    fn to_float(&mut self, v: &Self::Value) -> TextResult<Option<f64>>;
    /// How `%c` sees `v`.
    fn char_source(&mut self, v: &Self::Value) -> TextResult<CharSource>;
    /// `type(v).__name__`, for messages.
    fn type_name(&mut self, v: &Self::Value) -> String;
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// Argument cursor state (CPython's `arglen`/`argidx`): `arglen < 0` means a single
/// object that `getnextarg` returns once.
struct Cursor {
    arglen: isize,
    argidx: isize,
    from_key: bool,
}

/// `format % args` for a `str` template. `max_str_digits` bounds `%d` output as `str()`.
pub fn percent_format<A: PercentArgs>(
    format: &Text,
    args: &mut A,
    max_str_digits: usize,
) -> TextResult<Text> {
    let fmt: Vec<u32> = format.code_points().collect();
    let is_mapping = args.is_mapping() && args.tuple_len().is_none();
    let mut cur = match args.tuple_len() {
        Some(n) => Cursor {
            arglen: n as isize,
            argidx: 0,
            from_key: false,
        },
        None => Cursor {
            arglen: -1,
            argidx: -2,
            from_key: false,
        },
    };
    let mut keyed: Option<A::Value> = None;
    let mut out = Text::with_capacity(format.as_bytes().len() + 16);
    let mut pos = 0;
    let cnt = fmt.len();
    while pos < cnt {
        let c = fmt[pos];
        if c != u32::from(b'%') {
            out.push_code_point(c);
            pos += 1;
            continue;
        }
        pos += 1;
        // "%%" writes one '%'.
        if fmt.get(pos) == Some(&u32::from(b'%')) {
            out.push_char('%');
            pos += 1;
            continue;
        }
        let mut flags = 0u8;
        let mut width: Option<usize> = None;
        let mut prec: Option<usize> = None;
        let mut ch = *fmt.get(pos).unwrap_or(&0);
        if pos < cnt && ch == u32::from(b'(') {
            if !is_mapping {
                return Err(TextError::type_error("format requires a mapping"));
            }
            let key_start = pos + 1;
            let mut depth = 1;
            let mut p = key_start;
            while depth > 0 && p < cnt {
                if fmt[p] == u32::from(b')') {
                    depth -= 1;
                } else if fmt[p] == u32::from(b'(') {
                    depth += 1;
                }
                p += 1;
            }
            if depth > 0 {
                return Err(TextError::value("incomplete format key"));
            }
            let mut key = Text::new();
            for &k in &fmt[key_start..p - 1] {
                key.push_code_point(k);
            }
            keyed = Some(args.get_item(&key)?);
            cur = Cursor {
                arglen: -1,
                argidx: -2,
                from_key: true,
            };
            pos = p;
        }
        // Flags.
        loop {
            let Some(&c) = fmt.get(pos) else {
                return Err(TextError::value("incomplete format"));
            };
            let f = match char::from_u32(c) {
                Some('-') => F_LJUST,
                Some('+') => F_SIGN,
                Some(' ') => F_BLANK,
                Some('#') => F_ALT,
                Some('0') => F_ZERO,
                _ => {
                    ch = c;
                    break;
                }
            };
            flags |= f;
            pos += 1;
        }
        // Width.
        if ch == u32::from(b'*') {
            let v = next_arg(&mut cur, args, &mut keyed)?;
            let Some(n) = args.exact_int(&v) else {
                return Err(TextError::type_error("* wants int"));
            };
            let n = isize::try_from(&n)
                .map_err(|_| TextError::overflow("Python int too large to convert to C ssize_t"))?;
            if n < 0 {
                flags |= F_LJUST;
            }
            width = Some(n.unsigned_abs());
            pos += 1;
            ch = *fmt.get(pos).unwrap_or(&0);
        } else if is_ascii_digit(ch) {
            let mut w: usize = 0;
            while let Some(&d) = fmt.get(pos).filter(|&&d| is_ascii_digit(d)) {
                let d = (d - u32::from(b'0')) as usize;
                if w > (isize::MAX as usize - d) / 10 {
                    return Err(TextError::value("width too big"));
                }
                w = w * 10 + d;
                pos += 1;
            }
            width = Some(w);
            ch = *fmt.get(pos).unwrap_or(&0);
        }
        // Precision.
        if pos < cnt && ch == u32::from(b'.') {
            pos += 1;
            ch = *fmt.get(pos).unwrap_or(&0);
            let mut p: usize = 0;
            if pos < cnt && ch == u32::from(b'*') {
                let v = next_arg(&mut cur, args, &mut keyed)?;
                let Some(n) = args.exact_int(&v) else {
                    return Err(TextError::type_error("* wants int"));
                };
                let n = i32::try_from(&n)
                    .map_err(|_| TextError::overflow("Python int too large to convert to C int"))?;
                p = n.max(0) as usize;
                pos += 1;
            } else {
                while let Some(&d) = fmt.get(pos).filter(|&&d| is_ascii_digit(d)) {
                    let d = (d - u32::from(b'0')) as usize;
                    if p > (i32::MAX as usize - d) / 10 {
                        return Err(TextError::value("precision too big"));
                    }
                    p = p * 10 + d;
                    pos += 1;
                }
            }
            prec = Some(p);
            ch = *fmt.get(pos).unwrap_or(&0);
        }
        // Length modifiers are accepted and ignored.
        if pos < cnt && matches!(char::from_u32(ch), Some('h' | 'l' | 'L')) {
            pos += 1;
            ch = *fmt.get(pos).unwrap_or(&0);
        }
        if pos >= cnt {
            return Err(TextError::value("incomplete format"));
        }
        pos += 1;
        let v = next_arg(&mut cur, args, &mut keyed)?;
        let conv = char::from_u32(ch).unwrap_or('\0');
        let (body, numeric) = match conv {
            's' | 'r' | 'a' => (args.to_text(&v, conv)?, false),
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                let index_only = matches!(conv, 'o' | 'x' | 'X');
                let Some(n) = args.to_integer(&v, index_only)? else {
                    let what = if index_only {
                        "an integer"
                    } else {
                        "a real number"
                    };
                    let name = args.type_name(&v);
                    return Err(TextError::type_error(format!(
                        "%{conv} format: {what} is required, not {name}"
                    )));
                };
                let s = format_long(&n, flags & F_ALT != 0, prec, conv, max_str_digits)?;
                (Text::from(s), true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let Some(x) = args.to_float(&v)? else {
                    let name = args.type_name(&v);
                    return Err(TextError::type_error(format!(
                        "must be real number, not {name}"
                    )));
                };
                let fl = FloatFlags {
                    alt: flags & F_ALT != 0,
                    ..FloatFlags::default()
                };
                (
                    Text::from(double_to_string(x, conv, prec.unwrap_or(6), fl)),
                    true,
                )
            }
            'c' => {
                let cp = match args.char_source(&v)? {
                    CharSource::Str(s) if s.len_code_points() == 1 => {
                        s.code_points().next().unwrap_or(0)
                    }
                    CharSource::Int(n) => match u32::try_from(&n) {
                        Ok(cp) if cp <= 0x10FFFF => cp,
                        _ => return Err(TextError::overflow("%c arg not in range(0x110000)")),
                    },
                    _ => return Err(TextError::type_error("%c requires int or char")),
                };
                let mut t = Text::new();
                t.push_code_point(cp);
                (t, false)
            }
            _ => {
                let shown = if (31..=126).contains(&ch) {
                    char::from(ch as u8)
                } else {
                    '?'
                };
                return Err(TextError::value(format!(
                    "unsupported format character '{shown}' (0x{ch:x}) at index {}",
                    pos - 1
                )));
            }
        };
        if let Some(w) = width {
            crate::error::check_alloc(w.saturating_mul(4))?;
        }
        output_arg(&mut out, &body, numeric, flags, width, prec, conv);
    }
    if cur.argidx < cur.arglen && !is_mapping {
        return Err(TextError::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    let _ = cur.from_key;
    Ok(out)
}

fn is_ascii_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

/// CPython's `getnextarg`.
fn next_arg<A: PercentArgs>(
    cur: &mut Cursor,
    args: &mut A,
    keyed: &mut Option<A::Value>,
) -> TextResult<A::Value> {
    let idx = cur.argidx;
    if idx < cur.arglen {
        cur.argidx += 1;
        if cur.arglen < 0 {
            if cur.from_key {
                if let Some(v) = keyed.take() {
                    return Ok(v);
                }
            }
            return Ok(args.whole());
        }
        return Ok(args.tuple_item(idx as usize));
    }
    Err(TextError::new(
        ExcKind::TypeError,
        "not enough arguments for format string",
    ))
}

/// CPython's `_PyUnicode_FormatLong`: `-`, `0x`/`0X`/`0o` prefix with `#`, and at least
/// `prec` digits.
pub fn format_long(
    n: &BigInt,
    alt: bool,
    prec: Option<usize>,
    conv: char,
    max_str_digits: usize,
) -> TextResult<String> {
    if prec.is_some_and(|p| p > i32::MAX as usize - 3) {
        return Err(TextError::overflow("precision too large"));
    }
    let negative = n.sign() == Sign::Negative;
    let m = n.unsigned_abs();
    let (prefix, mut digits) = match conv {
        'o' => ("0o", format!("{m:o}")),
        'x' => ("0x", format!("{m:x}")),
        'X' => ("0X", format!("{m:X}")),
        _ => {
            let s = int_to_decimal(n, max_str_digits)?;
            ("", s.trim_start_matches('-').to_string())
        }
    };
    if let Some(p) = prec {
        if p > digits.len() {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let mut out = String::with_capacity(digits.len() + 3);
    if negative {
        out.push('-');
    }
    if alt {
        out.push_str(prefix);
    }
    out.push_str(&digits);
    Ok(out)
}

/// CPython's `unicode_format_arg_output`: sign, `#` prefix, zero or space padding,
/// truncation of `%s`/`%r`/`%a` to the precision.
fn output_arg(
    out: &mut Text,
    body: &Text,
    numeric: bool,
    flags: u8,
    width: Option<usize>,
    prec: Option<usize>,
    conv: char,
) {
    let cps: Vec<u32> = body.code_points().collect();
    let mut len = cps.len();
    if matches!(conv, 's' | 'r' | 'a') {
        if let Some(p) = prec {
            len = len.min(p);
        }
    }
    let fill = if numeric && flags & F_ZERO != 0 {
        u32::from(b'0')
    } else {
        u32::from(b' ')
    };
    let mut idx = 0;
    let mut sign = None;
    if numeric {
        match cps.first() {
            Some(&c) if c == u32::from(b'-') || c == u32::from(b'+') => {
                sign = Some(c);
                len -= 1;
                idx = 1;
            }
            _ if flags & F_SIGN != 0 => sign = Some(u32::from(b'+')),
            _ if flags & F_BLANK != 0 => sign = Some(u32::from(b' ')),
            _ => {}
        }
    }
    let mut width = width.unwrap_or(0).max(len);
    if let Some(s) = sign {
        if fill != u32::from(b' ') {
            out.push_code_point(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = flags & F_ALT != 0 && matches!(conv, 'x' | 'X' | 'o');
    if prefixed {
        if fill != u32::from(b' ') {
            for &c in cps.get(idx..idx + 2).unwrap_or_default() {
                out.push_code_point(c);
            }
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
    }
    if width > len && flags & F_LJUST == 0 {
        for _ in 0..width - len {
            out.push_code_point(fill);
        }
        width = len;
    }
    if fill == u32::from(b' ') {
        if let Some(s) = sign {
            out.push_code_point(s);
        }
        if prefixed {
            for &c in cps.get(idx..idx + 2).unwrap_or_default() {
                out.push_code_point(c);
            }
        }
    }
    if prefixed {
        idx += 2;
    }
    for &c in cps.get(idx..idx + len).unwrap_or_default() {
        out.push_code_point(c);
    }
    for _ in len..width {
        out.push_char(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arguments for tests: ints, floats and strs.
    #[derive(Clone, Debug)]
    enum V {
        I(i64),
        F(f64),
        S(&'static str),
    }

    struct Args(Vec<V>, bool);

    impl PercentArgs for Args {
        type Value = V;
        fn tuple_len(&self) -> Option<usize> {
            self.1.then_some(self.0.len())
        }
        fn tuple_item(&mut self, i: usize) -> V {
            self.0[i].clone()
        }
        fn whole(&mut self) -> V {
            self.0[0].clone()
        }
        fn is_mapping(&self) -> bool {
            false
        }
        fn get_item(&mut self, _: &Text) -> TextResult<V> {
            unreachable!()
        }
        fn exact_int(&mut self, v: &V) -> Option<BigInt> {
            match v {
                V::I(i) => Some(BigInt::from(*i)),
                _ => None,
            }
        }
        fn to_text(&mut self, v: &V, _: char) -> TextResult<Text> {
            Ok(Text::from(match v {
                V::I(i) => i.to_string(),
                V::F(f) => crate::repr::repr_float(*f),
                V::S(s) => s.to_string(),
            }))
        }
        fn to_integer(&mut self, v: &V, index_only: bool) -> TextResult<Option<BigInt>> {
            Ok(match v {
                V::I(i) => Some(BigInt::from(*i)),
                V::F(f) if !index_only => Some(BigInt::from(*f as i64)),
                _ => None,
            })
        }
        fn to_float(&mut self, v: &V) -> TextResult<Option<f64>> {
            Ok(match v {
                V::I(i) => Some(*i as f64),
                V::F(f) => Some(*f),
                V::S(_) => None,
            })
        }
        fn char_source(&mut self, v: &V) -> TextResult<CharSource> {
            Ok(match v {
                V::I(i) => CharSource::Int(BigInt::from(*i)),
                V::S(s) => CharSource::Str(Text::from(*s)),
                V::F(_) => CharSource::Neither,
            })
        }
        fn type_name(&mut self, v: &V) -> String {
            match v {
                V::I(_) => "int",
                V::F(_) => "float",
                V::S(_) => "str",
            }
            .to_string()
        }
    }

    fn pf(f: &str, args: Vec<V>) -> String {
        match percent_format(&Text::from(f), &mut Args(args, true), 4300) {
            Ok(t) => t.to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn examples() {
        assert_eq!(pf("%#08x", vec![V::I(-255)]), "-0x000ff");
        assert_eq!(pf("%+#08x", vec![V::I(255)]), "+0x000ff");
        assert_eq!(pf("%010.3f", vec![V::F(-2.5625)]), "-00002.562");
        assert_eq!(pf("%-05d|", vec![V::I(-3)]), "-3   |");
        assert_eq!(pf("%*.*s|", vec![V::I(6), V::I(2), V::S("abc")]), "    ab|");
        assert_eq!(
            pf("%y", vec![V::I(1)]),
            "ValueError: unsupported format character 'y' (0x79) at index 1"
        );
        assert_eq!(
            pf("%s %s", vec![V::I(1)]),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(
            pf("%s", vec![V::I(1), V::I(2)]),
            "TypeError: not all arguments converted during string formatting"
        );
    }
}
