//! `str.format` template parsing against CPython 3.11's `_string.formatter_parser` and
//! `_string.formatter_field_name_split` on thousands of random templates.

mod support;

use common::error::{ExcKind, TextError, TextResult};
use common::format_number::{format_float, format_int};
use common::format_spec::format_str;
use common::format_string::{
    field_name_split, render_format, FieldAccessor, FieldKey, FormatArgs, MarkupParser,
};
use common::repr::{repr_float, repr_str};
use common::text::Text;
use support::{compare, hex, run_python, Rng, PY_PRELUDE};

const ALPHABET: &[&str] = &[
    "a", "b", "0", "1", "{", "}", "{", "}", "[", "]", ".", "!", ":", "r", "s", "x", "é", "٣", " ",
];

fn random_text(rng: &mut Rng, alphabet: &[&str], max_len: usize) -> String {
    let n = rng.below(max_len + 1);
    (0..n).map(|_| rng.pick(alphabet)).collect()
}

fn parser_outcome(template: &str) -> String {
    let mut parts = Vec::new();
    for item in MarkupParser::new(&Text::from(template)) {
        match item {
            Err(e) => return format!("ERR {e}"),
            Ok(item) => {
                let mut s = hex(&item.literal);
                s.push(',');
                match item.field {
                    None => s.push('-'),
                    Some(f) => {
                        s.push_str(&format!("{},{},", hex(&f.name), hex(&f.spec)));
                        match f.conversion {
                            None => s.push('-'),
                            Some(c) => {
                                let mut t = Text::new();
                                t.push_code_point(c);
                                s.push_str(&hex(&t));
                            }
                        }
                    }
                }
                parts.push(s);
            }
        }
    }
    format!("OK {}", hex(&Text::from(parts.join(";"))))
}

fn split_outcome(name: &str) -> String {
    let (key, rest) = match field_name_split(&Text::from(name), None) {
        Ok(r) => r,
        Err(e) => return format!("ERR {e}"),
    };
    let mut parts = vec![match key {
        FieldKey::Index(i) => format!("i{i}"),
        FieldKey::Name(t) => format!("s{}", hex(&t)),
    }];
    for step in rest {
        match step {
            Err(e) => return format!("ERR {e}"),
            Ok(FieldAccessor::Attribute(t)) => parts.push(format!("a{}", hex(&t))),
            Ok(FieldAccessor::Index(i)) => parts.push(format!("i{i}")),
            Ok(FieldAccessor::Key(t)) => parts.push(format!("k{}", hex(&t))),
        }
    }
    format!("OK {}", hex(&Text::from(parts.join(";"))))
}

#[test]
fn template_parsing_matches_cpython() {
    let mut rng = Rng(0xDEAD_BEEF_1234_5678);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..6000 {
        let t = random_text(&mut rng, ALPHABET, 12);
        ours.push(parser_outcome(&t));
        cases.push(format!("p {}", hex(&Text::from(t.as_str()))));
    }
    let name_alphabet = &["a", "0", "1", "٣", ".", "[", "]", "x", "9"];
    for _ in 0..4000 {
        let t = random_text(&mut rng, name_alphabet, 10);
        ours.push(split_outcome(&t));
        cases.push(format!("n {}", hex(&Text::from(t.as_str()))));
    }
    ours.push(split_outcome("99999999999999999999.x"));
    cases.push(format!("n {}", hex(&Text::from("99999999999999999999.x"))));
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
import _string
def fp(s):
    out = []
    for lit, name, spec, conv in _string.formatter_parser(s):
        item = tohex(lit) + ','
        if name is None: item += '-'
        else: item += tohex(name) + ',' + tohex(spec) + ',' + ('-' if conv is None else tohex(conv))
        out.append(item)
    return ';'.join(out)
def fs(s):
    first, rest = _string.formatter_field_name_split(s)
    out = ['i%d' % first if isinstance(first, int) else 's' + tohex(first)]
    for is_attr, k in rest:
        if is_attr: out.append('a' + tohex(k))
        elif isinstance(k, int): out.append('i%d' % k)
        else: out.append('k' + tohex(k))
    return ';'.join(out)
for line in sys.stdin:
    kind, _, h = line.rstrip('\n').partition(' ')
    s = unhex(h)
    print(outcome(lambda: fp(s) if kind == 'p' else fs(s)))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} parses differ", n - same);
}

/// A small value model for `str.format` rendering: the arguments the test passes.
#[derive(Clone, Debug)]
enum TV {
    I(i64),
    F(f64),
    S(Text),
    L(Vec<TV>),
    D(Vec<(String, TV)>),
}

impl TV {
    fn type_name(&self) -> &'static str {
        match self {
            TV::I(_) => "int",
            TV::F(_) => "float",
            TV::S(_) => "str",
            TV::L(_) => "list",
            TV::D(_) => "dict",
        }
    }

    fn repr(&self) -> Text {
        match self {
            TV::S(t) => Text::from(repr_str(t)),
            other => other.str(),
        }
    }

    fn str(&self) -> Text {
        match self {
            TV::I(i) => Text::from(i.to_string()),
            TV::F(f) => Text::from(repr_float(*f)),
            TV::S(t) => t.clone(),
            TV::L(items) => {
                let parts: Vec<String> = items.iter().map(|v| v.repr().to_string()).collect();
                Text::from(format!("[{}]", parts.join(", ")))
            }
            TV::D(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|(k, v)| format!("{}: {}", repr_str(&Text::from(k.as_str())), v.repr()))
                    .collect();
                Text::from(format!("{{{}}}", parts.join(", ")))
            }
        }
    }
}

struct Args {
    positional: Option<Vec<TV>>,
    keywords: Vec<(String, TV)>,
}

fn ascii_text(t: &Text) -> Text {
    let mut out = Text::new();
    for cp in t.code_points() {
        match cp {
            0..=0x7F => out.push_code_point(cp),
            0x80..=0xFF => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xFFFF => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out
}

impl FormatArgs for Args {
    type Value = TV;
    fn has_positional(&self) -> bool {
        self.positional.is_some()
    }
    fn positional(&mut self, i: usize) -> Option<TV> {
        self.positional.as_ref()?.get(i).cloned()
    }
    fn keyword(&mut self, name: &Text) -> TextResult<TV> {
        self.keywords
            .iter()
            .find(|(k, _)| *name == k.as_str())
            .map(|(_, v)| v.clone())
            .ok_or_else(|| TextError::new(ExcKind::KeyError, repr_str(name)))
    }
    fn getattr(&mut self, v: &TV, name: &Text) -> TextResult<TV> {
        match v {
            TV::I(_) | TV::F(_) if *name == "real" => Ok(v.clone()),
            _ => Err(TextError::new(
                ExcKind::ValueError,
                format!("'{}' object has no attribute '{name}'", v.type_name()),
            )),
        }
    }
    fn getitem_index(&mut self, v: &TV, i: usize) -> TextResult<TV> {
        match v {
            TV::L(items) => items
                .get(i)
                .cloned()
                .ok_or_else(|| TextError::new(ExcKind::IndexError, "list index out of range")),
            TV::S(t) => t
                .code_points()
                .nth(i)
                .map(|c| {
                    let mut s = Text::new();
                    s.push_code_point(c);
                    TV::S(s)
                })
                .ok_or_else(|| TextError::new(ExcKind::IndexError, "string index out of range")),
            TV::D(_) => Err(TextError::new(ExcKind::KeyError, i.to_string())),
            _ => Err(TextError::type_error(format!(
                "'{}' object is not subscriptable",
                v.type_name()
            ))),
        }
    }
    fn getitem_key(&mut self, v: &TV, key: &Text) -> TextResult<TV> {
        match v {
            TV::D(items) => items
                .iter()
                .find(|(k, _)| *key == k.as_str())
                .map(|(_, v)| v.clone())
                .ok_or_else(|| TextError::new(ExcKind::KeyError, repr_str(key))),
            TV::L(_) => Err(TextError::type_error(
                "list indices must be integers or slices, not str",
            )),
            TV::S(_) => Err(TextError::type_error(
                "string indices must be integers, not 'str'",
            )),
            _ => Err(TextError::type_error(format!(
                "'{}' object is not subscriptable",
                v.type_name()
            ))),
        }
    }
    fn convert(&mut self, v: &TV, conversion: char) -> TextResult<TV> {
        Ok(TV::S(match conversion {
            's' => v.str(),
            'r' => v.repr(),
            _ => ascii_text(&v.repr()),
        }))
    }
    fn format(&mut self, v: &TV, spec: &Text) -> TextResult<Text> {
        match v {
            TV::I(i) => format_int(&(*i).into(), spec, "int", 4300),
            TV::F(f) => format_float(*f, spec, "float"),
            TV::S(t) => format_str(t, spec),
            _ if spec.is_empty() => Ok(v.str()),
            _ => Err(TextError::type_error(format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            ))),
        }
    }
}

const TEMPLATE_PIECES: &[&str] = &[
    "{", "}", "{", "}", "0", "1", "2", "3", "5", "[", "]", "k", "0]", ".", ".real", ".x", "!r",
    "!s", "!a", "!x", ":", ">", "<", "^", "8", "{w}", "{}", "a", "n", "l", "d", "s", "x", "{{",
    "}}", "*", "{0}", "{1}", "{:", ",", "é",
];

#[test]
fn str_format_rendering_matches_cpython() {
    let mut rng = Rng(0xF0F0_1234_5555_AAAA);
    let positional = vec![
        TV::I(5),
        TV::S(Text::from("ab")),
        TV::L(vec![TV::I(1), TV::S(Text::from("x"))]),
        TV::D(vec![("k".to_string(), TV::I(7))]),
        TV::F(-3.5),
        TV::I(10),
    ];
    let keywords = vec![
        ("a".to_string(), TV::S(Text::from("é"))),
        ("n".to_string(), TV::I(12)),
        ("w".to_string(), TV::I(8)),
        ("l".to_string(), TV::L(vec![TV::S(Text::from("q"))])),
    ];
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..8000 {
        let n = rng.below(7) + 1;
        let t: String = (0..n).map(|_| rng.pick(TEMPLATE_PIECES)).collect();
        let use_map = rng.below(5) == 0;
        let mut args = Args {
            positional: (!use_map).then(|| positional.clone()),
            keywords: keywords.clone(),
        };
        ours.push(match render_format(&Text::from(t.as_str()), &mut args) {
            Ok(r) => format!("OK {}", hex(&r)),
            // The test model words AttributeError as ValueError; name it right here.
            Err(e) if e.message.contains("has no attribute") => {
                format!("ERR AttributeError: {}", e.message)
            }
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!(
            "{} {}",
            u8::from(use_map),
            hex(&Text::from(t.as_str()))
        ));
    }
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
args = (5, 'ab', [1, 'x'], {'k': 7}, -3.5, 10)
kwargs = dict(a='é', n=12, w=8, l=['q'])
for line in sys.stdin:
    m, h = line.rstrip('\n').split(' ')
    t = unhex(h)
    if m == '1': print(outcome(lambda: t.format_map(kwargs)))
    else: print(outcome(lambda: t.format(*args, **kwargs)))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} renderings differ", n - same);
}
