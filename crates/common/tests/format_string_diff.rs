//! `str.format` template parsing against CPython 3.11's `_string.formatter_parser` and
//! `_string.formatter_field_name_split` on thousands of random templates.

mod support;

use common::format_string::{field_name_split, FieldAccessor, FieldKey, MarkupParser};
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
