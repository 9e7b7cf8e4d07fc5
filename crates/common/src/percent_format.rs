//! `str % args` and `bytes % args`: printf-style formatting as CPython 3.11's
//! `PyUnicode_Format` (`Objects/unicodeobject.c`: `unicode_format_arg_parse`,
//! `unicode_format_arg_format`, `unicode_format_arg_output`, `formatlong`,
//! `formatfloat`, `formatchar`) and `_PyBytes_FormatEx` (`Objects/bytesobject.c`). The
//! VM supplies the right operand through [`PercentArgs`] / [`PercentBytesArgs`], which
//! perform the conversions that may run Python code (`str()`, `repr()`, `int()`,
//! `__index__`, `float()`, `__bytes__`).

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

/// What `%c` was given in `bytes % args`, as the VM classifies an argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ByteSource {
    /// A `bytes` or `bytearray` (valid if of length 1).
    Bytes(Vec<u8>),
    /// An `int`, or an object with `__index__` (already called).
    Int(BigInt),
    /// Anything else.
    Neither,
}

/// The right operand of `bytes % args`, seen through the VM (see [`PercentArgs`]).
pub trait PercentBytesArgs {
    /// A handle to one argument value.
    type Value;

    /// `Some(len)` when the operand is a tuple, `None` when it is a single object.
    fn tuple_len(&self) -> Option<usize>;
    /// The `i`-th tuple item (`i < tuple_len`).
    fn tuple_item(&mut self, i: usize) -> Self::Value;
    /// The operand itself (used when it is not a tuple).
    fn whole(&mut self) -> Self::Value;
    /// Whether the operand counts as a mapping: it has `__getitem__` and is not a
    /// tuple, bytes, bytearray or str.
    fn is_mapping(&self) -> bool;
    /// `operand[key]` with a `bytes` key.
    fn get_item(&mut self, key: &[u8]) -> TextResult<Self::Value>;
    /// The value if the argument is an `int`, for `*` widths.
    fn exact_int(&mut self, v: &Self::Value) -> Option<BigInt>;
    /// The bytes of `v` for `%b`/`%s`: bytes, bytearray, a buffer, or `__bytes__()`;
    /// `Ok(None)` for anything else.
    fn to_bytes(&mut self, v: &Self::Value) -> TextResult<Option<Vec<u8>>>;
    /// `ascii(v)` as bytes, for `%r`/`%a`.
    fn ascii(&mut self, v: &Self::Value) -> TextResult<Vec<u8>>;
    /// As [`PercentArgs::to_integer`].
    fn to_integer(&mut self, v: &Self::Value, index_only: bool) -> TextResult<Option<BigInt>>;
    /// As [`PercentArgs::to_float`].
    fn to_float(&mut self, v: &Self::Value) -> TextResult<Option<f64>>;
    /// How `%c` sees `v`.
    fn byte_source(&mut self, v: &Self::Value) -> TextResult<ByteSource>;
    /// `type(v).__name__`, for messages.
    fn type_name(&mut self, v: &Self::Value) -> String;
}

/// What the formatting engine needs from either flavour of operand; code units are
/// code points for `str` and bytes (0..=255) for `bytes`.
trait Source {
    type Value;
    /// Whether this is `bytes % args` (messages and conversions differ).
    const BYTES: bool;
    fn tuple_len(&self) -> Option<usize>;
    fn tuple_item(&mut self, i: usize) -> Self::Value;
    fn whole(&mut self) -> Self::Value;
    fn is_mapping(&self) -> bool;
    fn get_item(&mut self, key: &[u32]) -> TextResult<Self::Value>;
    fn exact_int(&mut self, v: &Self::Value) -> Option<BigInt>;
    /// `%s`/`%r`/`%a` (and `%b` for bytes).
    fn convert_text(&mut self, v: &Self::Value, conv: char) -> TextResult<Vec<u32>>;
    /// `%c`.
    fn convert_char(&mut self, v: &Self::Value) -> TextResult<u32>;
    fn to_integer(&mut self, v: &Self::Value, index_only: bool) -> TextResult<Option<BigInt>>;
    fn to_float(&mut self, v: &Self::Value) -> TextResult<Option<f64>>;
    fn type_name(&mut self, v: &Self::Value) -> String;
}

/// `str % args` through [`PercentArgs`].
struct StrSource<'a, A>(&'a mut A);

impl<A: PercentArgs> Source for StrSource<'_, A> {
    type Value = A::Value;
    const BYTES: bool = false;
    fn tuple_len(&self) -> Option<usize> {
        self.0.tuple_len()
    }
    fn tuple_item(&mut self, i: usize) -> A::Value {
        self.0.tuple_item(i)
    }
    fn whole(&mut self) -> A::Value {
        self.0.whole()
    }
    fn is_mapping(&self) -> bool {
        self.0.is_mapping()
    }
    fn get_item(&mut self, key: &[u32]) -> TextResult<A::Value> {
        let mut t = Text::new();
        for &c in key {
            t.push_code_point(c);
        }
        self.0.get_item(&t)
    }
    fn exact_int(&mut self, v: &A::Value) -> Option<BigInt> {
        self.0.exact_int(v)
    }
    fn convert_text(&mut self, v: &A::Value, conv: char) -> TextResult<Vec<u32>> {
        Ok(self.0.to_text(v, conv)?.code_points().collect())
    }
    fn convert_char(&mut self, v: &A::Value) -> TextResult<u32> {
        match self.0.char_source(v)? {
            CharSource::Str(s) if s.len_code_points() == 1 => {
                Ok(s.code_points().next().unwrap_or(0))
            }
            CharSource::Int(n) => match u32::try_from(&n) {
                Ok(cp) if cp <= 0x10FFFF => Ok(cp),
                _ => Err(TextError::overflow("%c arg not in range(0x110000)")),
            },
            _ => Err(TextError::type_error("%c requires int or char")),
        }
    }
    fn to_integer(&mut self, v: &A::Value, index_only: bool) -> TextResult<Option<BigInt>> {
        self.0.to_integer(v, index_only)
    }
    fn to_float(&mut self, v: &A::Value) -> TextResult<Option<f64>> {
        self.0.to_float(v)
    }
    fn type_name(&mut self, v: &A::Value) -> String {
        self.0.type_name(v)
    }
}

/// `bytes % args` through [`PercentBytesArgs`].
struct BytesSource<'a, B>(&'a mut B);

impl<B: PercentBytesArgs> Source for BytesSource<'_, B> {
    type Value = B::Value;
    const BYTES: bool = true;
    fn tuple_len(&self) -> Option<usize> {
        self.0.tuple_len()
    }
    fn tuple_item(&mut self, i: usize) -> B::Value {
        self.0.tuple_item(i)
    }
    fn whole(&mut self) -> B::Value {
        self.0.whole()
    }
    fn is_mapping(&self) -> bool {
        self.0.is_mapping()
    }
    fn get_item(&mut self, key: &[u32]) -> TextResult<B::Value> {
        let key: Vec<u8> = key.iter().map(|&c| c as u8).collect();
        self.0.get_item(&key)
    }
    fn exact_int(&mut self, v: &B::Value) -> Option<BigInt> {
        self.0.exact_int(v)
    }
    fn convert_text(&mut self, v: &B::Value, conv: char) -> TextResult<Vec<u32>> {
        let bytes = if conv == 'r' || conv == 'a' {
            self.0.ascii(v)?
        } else {
            match self.0.to_bytes(v)? {
                Some(b) => b,
                None => {
                    let name = self.0.type_name(v);
                    return Err(TextError::type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{name}'"
                    )));
                }
            }
        };
        Ok(bytes.into_iter().map(u32::from).collect())
    }
    fn convert_char(&mut self, v: &B::Value) -> TextResult<u32> {
        match self.0.byte_source(v)? {
            ByteSource::Bytes(b) if b.len() == 1 => Ok(u32::from(b[0])),
            ByteSource::Int(n) => match u8::try_from(&n) {
                Ok(b) => Ok(u32::from(b)),
                Err(_) => Err(TextError::overflow("%c arg not in range(256)")),
            },
            _ => Err(TextError::type_error(
                "%c requires an integer in range(256) or a single byte",
            )),
        }
    }
    fn to_integer(&mut self, v: &B::Value, index_only: bool) -> TextResult<Option<BigInt>> {
        self.0.to_integer(v, index_only)
    }
    fn to_float(&mut self, v: &B::Value) -> TextResult<Option<f64>> {
        self.0.to_float(v)
    }
    fn type_name(&mut self, v: &B::Value) -> String {
        self.0.type_name(v)
    }
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
    let out = run(&fmt, &mut StrSource(args), max_str_digits)?;
    let mut t = Text::with_capacity(out.len());
    for c in out {
        t.push_code_point(c);
    }
    Ok(t)
}

/// `format % args` for a `bytes` (or `bytearray`) template.
pub fn percent_format_bytes<B: PercentBytesArgs>(
    format: &[u8],
    args: &mut B,
    max_str_digits: usize,
) -> TextResult<Vec<u8>> {
    let fmt: Vec<u32> = format.iter().map(|&b| u32::from(b)).collect();
    let out = run(&fmt, &mut BytesSource(args), max_str_digits)?;
    // Every code unit is a byte: template bytes, ASCII, or `%c`/`%b` bytes.
    Ok(out.into_iter().map(|c| c as u8).collect())
}

/// The formatting engine shared by `str` and `bytes`.
fn run<A: Source>(fmt: &[u32], args: &mut A, max_str_digits: usize) -> TextResult<Vec<u32>> {
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
    let mut out: Vec<u32> = Vec::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    let cnt = fmt.len();
    while pos < cnt {
        let c = fmt[pos];
        if c != u32::from(b'%') {
            out.push(c);
            pos += 1;
            continue;
        }
        pos += 1;
        // "%%" writes one '%'.
        if fmt.get(pos) == Some(&u32::from(b'%')) {
            out.push(u32::from(b'%'));
            pos += 1;
            continue;
        }
        let mut flags = 0u8;
        let mut width: Option<usize> = None;
        let mut prec: Option<usize> = None;
        let mut ch = *fmt.get(pos).unwrap_or(&0);
        // Whether `ch` was last read by a digit loop: CPython's bytes formatting reads
        // it as unsigned there and as a signed `char` elsewhere (see
        // `unsupported_character`).
        let mut read_by_digits = false;
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
            keyed = Some(args.get_item(&fmt[key_start..p - 1])?);
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
            read_by_digits = true;
        }
        // Precision.
        if pos < cnt && ch == u32::from(b'.') {
            pos += 1;
            ch = *fmt.get(pos).unwrap_or(&0);
            read_by_digits = false;
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
                        return Err(TextError::value(if A::BYTES {
                            "prec too big"
                        } else {
                            "precision too big"
                        }));
                    }
                    p = p * 10 + d;
                    pos += 1;
                    read_by_digits = true;
                }
            }
            prec = Some(p);
            ch = *fmt.get(pos).unwrap_or(&0);
        }
        // Length modifiers are accepted and ignored.
        if pos < cnt && matches!(char::from_u32(ch), Some('h' | 'l' | 'L')) {
            pos += 1;
            ch = *fmt.get(pos).unwrap_or(&0);
            read_by_digits = false;
        }
        if pos >= cnt {
            return Err(TextError::value("incomplete format"));
        }
        pos += 1;
        let v = next_arg(&mut cur, args, &mut keyed)?;
        let conv = char::from_u32(ch).unwrap_or('\0');
        let (body, numeric): (Vec<u32>, bool) = match conv {
            's' | 'r' | 'a' => (args.convert_text(&v, conv)?, false),
            'b' if A::BYTES => (args.convert_text(&v, conv)?, false),
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                let index_only = matches!(conv, 'o' | 'x' | 'X');
                let Some(n) = args.to_integer(&v, index_only)? else {
                    let what = if index_only {
                        "an integer"
                    } else {
                        "a real number"
                    };
                    let name = args.type_name(&v);
                    // bytes formatting reports `%i` as `%d`.
                    let shown = if A::BYTES && conv == 'i' { 'd' } else { conv };
                    return Err(TextError::type_error(format!(
                        "%{shown} format: {what} is required, not {name}"
                    )));
                };
                let s = format_long(&n, flags & F_ALT != 0, prec, conv, max_str_digits)?;
                (s.bytes().map(u32::from).collect(), true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let Some(x) = args.to_float(&v)? else {
                    let name = args.type_name(&v);
                    return Err(TextError::type_error(if A::BYTES {
                        format!("float argument required, not {name}")
                    } else {
                        format!("must be real number, not {name}")
                    }));
                };
                let fl = FloatFlags {
                    alt: flags & F_ALT != 0,
                    ..FloatFlags::default()
                };
                let p = prec.unwrap_or(6);
                crate::error::check_alloc(p.saturating_add(400))?;
                let s = double_to_string(x, conv, p, fl);
                (s.bytes().map(u32::from).collect(), true)
            }
            'c' => (vec![args.convert_char(&v)?], false),
            _ => {
                let signed_read = A::BYTES && !read_by_digits;
                return Err(unsupported_character(ch, pos - 1, A::BYTES, signed_read));
            }
        };
        if let Some(w) = width {
            crate::error::check_alloc(w.saturating_mul(4))?;
        }
        output_arg(&mut out, &body, numeric, flags, width, prec, conv);
    }
    if cur.argidx < cur.arglen && !is_mapping {
        return Err(TextError::type_error(if A::BYTES {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    let _ = cur.from_key;
    Ok(out)
}

/// "unsupported format character": shown as is when printable ASCII, else `?`. For
/// bytes any byte is shown as its Latin-1 character, except that a non-ASCII byte read
/// as a signed C `char` (`signed_read`) gives CPython's odd OverflowError.
#[cold]
fn unsupported_character(ch: u32, index: usize, bytes: bool, signed_read: bool) -> TextError {
    if bytes {
        if ch >= 0x80 && signed_read {
            return TextError::overflow("character argument not in range(0x110000)");
        }
        return TextError::value(format!(
            "unsupported format character '{}' (0x{ch:x}) at index {index}",
            char::from_u32(ch).unwrap_or('?')
        ));
    }
    let shown = if (31..=126).contains(&ch) {
        char::from(ch as u8)
    } else {
        '?'
    };
    TextError::value(format!(
        "unsupported format character '{shown}' (0x{ch:x}) at index {index}"
    ))
}

fn is_ascii_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

/// CPython's `getnextarg`.
fn next_arg<A: Source>(
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
        crate::error::check_alloc(p)?;
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
    out: &mut Vec<u32>,
    cps: &[u32],
    numeric: bool,
    flags: u8,
    width: Option<usize>,
    prec: Option<usize>,
    conv: char,
) {
    let mut len = cps.len();
    if matches!(conv, 's' | 'r' | 'a' | 'b') {
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
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = flags & F_ALT != 0 && matches!(conv, 'x' | 'X' | 'o');
    if prefixed {
        if fill != u32::from(b' ') {
            for &c in cps.get(idx..idx + 2).unwrap_or_default() {
                out.push(c);
            }
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
    }
    if width > len && flags & F_LJUST == 0 {
        for _ in 0..width - len {
            out.push(fill);
        }
        width = len;
    }
    if fill == u32::from(b' ') {
        if let Some(s) = sign {
            out.push(s);
        }
        if prefixed {
            for &c in cps.get(idx..idx + 2).unwrap_or_default() {
                out.push(c);
            }
        }
    }
    if prefixed {
        idx += 2;
    }
    for &c in cps.get(idx..idx + len).unwrap_or_default() {
        out.push(c);
    }
    for _ in len..width {
        out.push(u32::from(b' '));
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
