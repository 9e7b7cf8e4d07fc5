//! `str % args` against CPython 3.11 on thousands of generated templates and argument
//! lists (tuples, single values, dicts of ints, floats and strs).

mod support;

use common::bigint::BigInt;
use common::error::{ExcKind, TextError, TextResult};
use common::format_number::{float_to_int, int_to_float};
use common::percent_format::{
    percent_format, percent_format_bytes, ByteSource, CharSource, PercentArgs, PercentBytesArgs,
};
use common::repr::{repr_bytes, repr_str};
use common::text::Text;
use support::{compare, hex, hex_str, run_python, Rng, PY_PRELUDE};

#[derive(Clone, Debug)]
enum V {
    I(BigInt),
    F(f64),
    S(String),
}

enum Operand {
    Tuple(Vec<V>),
    Single(V),
    Dict(Vec<(String, V)>),
}

fn ascii_of(repr: &str) -> String {
    let mut out = String::new();
    for c in repr.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

impl PercentArgs for Operand {
    type Value = V;
    fn tuple_len(&self) -> Option<usize> {
        match self {
            Operand::Tuple(v) => Some(v.len()),
            _ => None,
        }
    }
    fn tuple_item(&mut self, i: usize) -> V {
        match self {
            Operand::Tuple(v) => v[i].clone(),
            _ => unreachable!(),
        }
    }
    fn whole(&mut self) -> V {
        match self {
            Operand::Single(v) => v.clone(),
            // Only reached for '%s' of the dict itself; the test avoids printing it.
            _ => V::S("<dict>".into()),
        }
    }
    fn is_mapping(&self) -> bool {
        matches!(self, Operand::Dict(_))
    }
    fn get_item(&mut self, key: &Text) -> TextResult<V> {
        match self {
            Operand::Dict(items) => items
                .iter()
                .find(|(k, _)| *key == k.as_str())
                .map(|(_, v)| v.clone())
                .ok_or_else(|| TextError::new(ExcKind::KeyError, repr_str(key))),
            _ => unreachable!(),
        }
    }
    fn exact_int(&mut self, v: &V) -> Option<BigInt> {
        match v {
            V::I(i) => Some(i.clone()),
            _ => None,
        }
    }
    fn to_text(&mut self, v: &V, conversion: char) -> TextResult<Text> {
        Ok(Text::from(match (v, conversion) {
            (V::I(i), _) => i.to_string(),
            (V::F(f), _) => common::repr::repr_float(*f),
            (V::S(s), 's') => s.clone(),
            (V::S(s), 'r') => repr_str(&Text::from(s.as_str())),
            (V::S(s), _) => ascii_of(&repr_str(&Text::from(s.as_str()))),
        }))
    }
    fn to_integer(&mut self, v: &V, index_only: bool) -> TextResult<Option<BigInt>> {
        match v {
            V::I(i) => Ok(Some(i.clone())),
            V::F(f) if !index_only => float_to_int(*f).map(Some),
            _ => Ok(None),
        }
    }
    fn to_float(&mut self, v: &V) -> TextResult<Option<f64>> {
        match v {
            V::I(i) => int_to_float(i).map(Some),
            V::F(f) => Ok(Some(*f)),
            V::S(_) => Ok(None),
        }
    }
    fn char_source(&mut self, v: &V) -> TextResult<CharSource> {
        Ok(match v {
            V::I(i) => CharSource::Int(i.clone()),
            V::S(s) => CharSource::Str(Text::from(s.as_str())),
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

/// A random argument; with `small_ints` (templates with `*`), ints stay small so a
/// `*` width never asks for a giant string.
fn random_value(rng: &mut Rng, small_ints: bool) -> V {
    let class = rng.below(7);
    if small_ints && matches!(class, 1 | 2 | 6) {
        return V::I(BigInt::from(rng.below(40) as i64 - 20));
    }
    match class {
        0 => V::I(BigInt::from(rng.below(200) as i64 - 100)),
        1 => V::I(BigInt::from(rng.next() as i64 % 100_000)),
        2 => V::I(BigInt::from(
            rng.pick(&[0x41i64, 0xE9, 0x10FFFF, 0x110000, -1, 0, 255]),
        )),
        3 => V::F(rng.pick(&[
            1.5,
            -0.0,
            3.25159,
            1e100,
            -2.5e-7,
            f64::INFINITY,
            f64::NAN,
            123456.789,
            0.5,
        ])),
        4 => V::F((rng.next() % 1_000_000) as f64 / 64.0 - 5000.0),
        5 => V::S(
            rng.pick(&["", "a", "é", "abc", "x y", "\u{1F40D}"])
                .to_string(),
        ),
        _ => V::I(BigInt::from(rng.next()) * BigInt::from(rng.next())),
    }
}

fn encode(v: &V) -> String {
    match v {
        V::I(i) => format!("i{i}"),
        V::F(f) => format!("f{}", f.to_bits()),
        V::S(s) => format!("s{}", hex_str(s)),
    }
}

fn random_template(rng: &mut Rng, keys: bool) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(4) + 1 {
        s.push_str(rng.pick(&["", "a", " ", "é", "%%", "x="]));
        if rng.below(12) == 0 {
            continue;
        }
        s.push('%');
        if keys {
            s.push_str(rng.pick(&["(k)", "(v)", "(k)", "(v)", "(w)", "(k", "((k))"]));
        }
        for _ in 0..rng.below(3) {
            s.push_str(rng.pick(&["-", "+", " ", "#", "0"]));
        }
        match rng.below(5) {
            0 => s.push('*'),
            1 | 2 => s.push_str(&rng.below(15).to_string()),
            _ => {}
        }
        if rng.below(3) == 0 {
            s.push('.');
            match rng.below(4) {
                0 => s.push('*'),
                1 => {}
                _ => s.push_str(&rng.below(12).to_string()),
            }
        }
        if rng.below(15) == 0 {
            s.push('l');
        }
        s.push_str(rng.pick(&[
            "s", "r", "a", "d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "c", "s",
            "d", "x", "f", "g", "e", "s", "y", "%", "é", "",
        ]));
    }
    s
}

/// What each argument a template consumes should be: `W` for a `*`, else the
/// conversion character (a rough re-parse of the generated template).
fn consumed_kinds(template: &str) -> Vec<char> {
    let c: Vec<char> = template.chars().collect();
    let mut kinds = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i] != '%' {
            i += 1;
            continue;
        }
        i += 1;
        if c.get(i) == Some(&'%') {
            i += 1;
            continue;
        }
        if c.get(i) == Some(&'(') {
            while i < c.len() && c[i] != ')' {
                i += 1;
            }
            i += 1;
        }
        while i < c.len() && "-+ #0".contains(c[i]) {
            i += 1;
        }
        if c.get(i) == Some(&'*') {
            kinds.push('W');
            i += 1;
        }
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if c.get(i) == Some(&'.') {
            i += 1;
            if c.get(i) == Some(&'*') {
                kinds.push('W');
                i += 1;
            }
            while i < c.len() && c[i].is_ascii_digit() {
                i += 1;
            }
        }
        if c.get(i) == Some(&'l') {
            i += 1;
        }
        if let Some(&k) = c.get(i) {
            kinds.push(k);
            i += 1;
        }
    }
    kinds
}

/// An argument suited to conversion `kind` most of the time.
fn value_for(rng: &mut Rng, kind: char, small: bool) -> V {
    if rng.below(6) == 0 {
        return random_value(rng, small);
    }
    match kind {
        'W' => V::I(BigInt::from(rng.below(30) as i64 - 10)),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' if small => {
            V::I(BigInt::from(rng.below(2000) as i64 - 1000))
        }
        'o' | 'x' | 'X' => V::I(BigInt::from(rng.next() as i64 >> rng.below(60))),
        'd' | 'i' | 'u' => match random_value(rng, small) {
            V::S(_) => V::I(BigInt::from(rng.next() as i64 >> rng.below(60))),
            v => v,
        },
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => match random_value(rng, small) {
            V::S(_) => V::F((rng.next() % 100_000) as f64 / 7.0),
            v => v,
        },
        'c' => match rng.below(3) {
            0 => V::S(rng.pick(&["a", "é", "\u{1F40D}"]).to_string()),
            _ => V::I(BigInt::from(rng.below(0x11_0000) as i64)),
        },
        _ => random_value(rng, small),
    }
}

#[test]
fn percent_format_matches_cpython() {
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..8000 {
        let kind = rng.below(6);
        let keys = kind == 0;
        let template = random_template(&mut rng, keys);
        let small = template.contains('*');
        let mut operand = match kind {
            0 => Operand::Dict(
                ["k", "v"]
                    .iter()
                    .map(|k| (k.to_string(), random_value(&mut rng, small)))
                    .chain(std::iter::once(("(k)".to_string(), V::I(BigInt::from(7)))))
                    .collect(),
            ),
            1 => Operand::Single(value_for(
                &mut rng,
                consumed_kinds(&template).first().copied().unwrap_or('s'),
                small,
            )),
            _ if rng.below(4) == 0 => Operand::Tuple(
                (0..rng.below(6))
                    .map(|_| random_value(&mut rng, small))
                    .collect(),
            ),
            _ => Operand::Tuple(
                consumed_kinds(&template)
                    .into_iter()
                    .map(|k| value_for(&mut rng, k, small))
                    .collect(),
            ),
        };
        let encoded = match &operand {
            Operand::Tuple(v) => {
                format!("t {}", v.iter().map(encode).collect::<Vec<_>>().join(","))
            }
            Operand::Single(v) => format!("1 {}", encode(v)),
            Operand::Dict(items) => format!(
                "d {}",
                items
                    .iter()
                    .map(|(k, v)| format!("{}={}", hex_str(k), encode(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        };
        let r = percent_format(&Text::from(template.as_str()), &mut operand, 4300);
        ours.push(match r {
            Ok(t) => format!("OK {}", hex(&t)),
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!("{} {encoded}", hex_str(&template)));
    }
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
def val(e):
    if e[0] == 'i': return int(e[1:])
    if e[0] == 'f': return f64(e[1:])
    return unhex(e[1:])
for line in sys.stdin:
    parts = line.rstrip('\n').split(' ')
    fmt = unhex(parts[0])
    kind = parts[1]
    body = parts[2] if len(parts) > 2 else ''
    if kind == 't': args = tuple(val(e) for e in body.split(',') if e)
    elif kind == '1': args = val(body)
    else: args = {unhex(k): val(v) for k, v in (kv.split('=') for kv in body.split(','))}
    print(outcome(lambda: fmt % args))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} results differ", n - same);
}

/// A `bytes % args` operand: the same values plus `bytes`.
#[derive(Clone, Debug)]
enum BV {
    V(V),
    B(Vec<u8>),
}

enum BytesOperand {
    Tuple(Vec<BV>),
    Single(BV),
    Dict(Vec<(Vec<u8>, BV)>),
}

impl PercentBytesArgs for BytesOperand {
    type Value = BV;
    fn tuple_len(&self) -> Option<usize> {
        match self {
            BytesOperand::Tuple(v) => Some(v.len()),
            _ => None,
        }
    }
    fn tuple_item(&mut self, i: usize) -> BV {
        match self {
            BytesOperand::Tuple(v) => v[i].clone(),
            _ => unreachable!(),
        }
    }
    fn whole(&mut self) -> BV {
        match self {
            BytesOperand::Single(v) => v.clone(),
            _ => BV::B(b"<dict>".to_vec()),
        }
    }
    fn is_mapping(&self) -> bool {
        matches!(self, BytesOperand::Dict(_))
    }
    fn get_item(&mut self, key: &[u8]) -> TextResult<BV> {
        match self {
            BytesOperand::Dict(items) => items
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| TextError::new(ExcKind::KeyError, repr_bytes(key))),
            _ => unreachable!(),
        }
    }
    fn exact_int(&mut self, v: &BV) -> Option<BigInt> {
        match v {
            BV::V(V::I(i)) => Some(i.clone()),
            _ => None,
        }
    }
    fn to_bytes(&mut self, v: &BV) -> TextResult<Option<Vec<u8>>> {
        Ok(match v {
            BV::B(b) => Some(b.clone()),
            _ => None,
        })
    }
    fn ascii(&mut self, v: &BV) -> TextResult<Vec<u8>> {
        Ok(match v {
            BV::B(b) => repr_bytes(b).into_bytes(),
            BV::V(v) => {
                let t = Operand::Single(v.clone()).to_text(v, 'a')?;
                t.to_string().into_bytes()
            }
        })
    }
    fn to_integer(&mut self, v: &BV, index_only: bool) -> TextResult<Option<BigInt>> {
        match v {
            BV::V(v) => Operand::Single(v.clone()).to_integer(v, index_only),
            BV::B(_) => Ok(None),
        }
    }
    fn to_float(&mut self, v: &BV) -> TextResult<Option<f64>> {
        match v {
            BV::V(v) => Operand::Single(v.clone()).to_float(v),
            BV::B(_) => Ok(None),
        }
    }
    fn byte_source(&mut self, v: &BV) -> TextResult<ByteSource> {
        Ok(match v {
            BV::B(b) => ByteSource::Bytes(b.clone()),
            BV::V(V::I(i)) => ByteSource::Int(i.clone()),
            _ => ByteSource::Neither,
        })
    }
    fn type_name(&mut self, v: &BV) -> String {
        match v {
            BV::B(_) => "bytes".to_string(),
            BV::V(v) => Operand::Single(v.clone()).type_name(v),
        }
    }
}

fn random_bytes_value(rng: &mut Rng, small: bool) -> BV {
    if rng.below(3) == 0 {
        BV::B(
            rng.pick(&[&b""[..], b"a", b"xyz", b"\x80\xff", b"\x00"])
                .to_vec(),
        )
    } else {
        BV::V(random_value(rng, small))
    }
}

/// A `bytes % args` argument suited to conversion `kind` most of the time.
fn bytes_value_for(rng: &mut Rng, kind: char, small: bool) -> BV {
    if rng.below(6) == 0 {
        return random_bytes_value(rng, small);
    }
    match kind {
        's' | 'b' => BV::B(rng.pick(&[&b"ab"[..], b"", b"\xff", b"xyz"]).to_vec()),
        'c' => match rng.below(2) {
            0 => BV::B(rng.pick(&[&b"a"[..], b"\x80"]).to_vec()),
            _ => BV::V(V::I(BigInt::from(rng.below(300) as i64))),
        },
        _ => BV::V(value_for(rng, kind, small)),
    }
}

fn encode_bytes_value(v: &BV) -> String {
    match v {
        BV::B(b) => format!(
            "b{}",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
        BV::V(v) => encode(v),
    }
}

#[test]
fn bytes_percent_format_matches_cpython() {
    let mut rng = Rng(0x0BAD_CAFE_0000_0001);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..5000 {
        let kind = rng.below(6);
        let template = random_template(&mut rng, kind == 0).replace('r', "b");
        let small = template.contains('*');
        let mut operand = match kind {
            0 => BytesOperand::Dict(
                [&b"k"[..], b"v", b"(k)"]
                    .iter()
                    .map(|k| (k.to_vec(), random_bytes_value(&mut rng, small)))
                    .collect(),
            ),
            1 => BytesOperand::Single(random_bytes_value(&mut rng, small)),
            _ if rng.below(4) == 0 => BytesOperand::Tuple(
                (0..rng.below(6))
                    .map(|_| random_bytes_value(&mut rng, small))
                    .collect(),
            ),
            _ => BytesOperand::Tuple(
                consumed_kinds(&template)
                    .into_iter()
                    .map(|k| bytes_value_for(&mut rng, k, small))
                    .collect(),
            ),
        };
        let encoded = match &operand {
            BytesOperand::Tuple(v) => format!(
                "t {}",
                v.iter()
                    .map(encode_bytes_value)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            BytesOperand::Single(v) => format!("1 {}", encode_bytes_value(v)),
            BytesOperand::Dict(items) => format!(
                "d {}",
                items
                    .iter()
                    .map(|(k, v)| format!(
                        "{}={}",
                        k.iter().map(|x| format!("{x:02x}")).collect::<String>(),
                        encode_bytes_value(v)
                    ))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        };
        let r = percent_format_bytes(template.as_bytes(), &mut operand, 4300);
        ours.push(match r {
            Ok(b) => format!(
                "OK {}",
                b.iter().map(|x| format!("{x:02x}")).collect::<String>()
            ),
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!("{} {encoded}", hex_str(&template)));
    }
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
def val(e):
    if e[0] == 'i': return int(e[1:])
    if e[0] == 'f': return f64(e[1:])
    if e[0] == 'b': return bytes.fromhex(e[1:])
    return unhex(e[1:])
def run(fmt, args):
    return (fmt % args).hex()
for line in sys.stdin:
    parts = line.rstrip('\n').split(' ')
    fmt = bytes.fromhex(parts[0])
    kind = parts[1]
    body = parts[2] if len(parts) > 2 else ''
    if kind == 't': args = tuple(val(e) for e in body.split(',') if e)
    elif kind == '1': args = val(body)
    else: args = {bytes.fromhex(k): val(v) for k, v in (kv.split('=') for kv in body.split(','))}
    try:
        print('OK ' + run(fmt, args))
    except Exception as e:
        print('ERR ' + type(e).__name__ + ': ' + str(e))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} results differ", n - same);
}
