//! `str` methods and Unicode character properties against CPython 3.11: every code
//! point of planes 0-3 and 14 (and a sample of the rest) through the predicates and
//! case mappings, then thousands of random strings through every method.

mod support;

use common::error::TextResult;
use common::str_methods::pad::StripSide;
use common::str_methods::{case, pad, predicates as p, search, split};
use common::text::Text;
use support::{compare, hex, run_python, Rng, PY_PRELUDE};

/// The code points compared one by one: planes 0-3 and 14 in full, every 97th of the rest.
fn code_points_to_check() -> Vec<u32> {
    (0..0x11_0000u32)
        .filter(|&c| c < 0x4_0000 || (0xE_0000..0xF_0000).contains(&c) || c % 97 == 0)
        .collect()
}

fn mapping_field(c: u32, m: &Text) -> String {
    let mut single = Text::new();
    single.push_code_point(c);
    if *m == single {
        String::new()
    } else {
        m.code_points()
            .map(|x| format!("{x:x}"))
            .collect::<Vec<_>>()
            .join(".")
    }
}

#[test]
fn character_properties_match_cpython() {
    let cps = code_points_to_check();
    let mut ours = Vec::with_capacity(cps.len());
    for &c in &cps {
        let mut t = Text::new();
        t.push_code_point(c);
        let flags = [
            p::isalpha(&t),
            p::isdecimal(&t),
            p::isdigit(&t),
            p::isnumeric(&t),
            p::isalnum(&t),
            p::isspace(&t),
            p::isprintable(&t),
            p::isidentifier(&t),
            p::islower(&t),
            p::isupper(&t),
            p::istitle(&t),
        ];
        let bits = flags
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &f)| acc | (u32::from(f) << i));
        let maps = [
            case::upper(&t),
            case::lower(&t),
            case::casefold(&t),
            case::title(&t),
            case::capitalize(&t),
            case::swapcase(&t),
        ];
        let fields: Vec<String> = maps.iter().map(|m| mapping_field(c, m)).collect();
        ours.push(format!("OK {bits:x},{}", fields.join(",")));
    }
    let script = r#"
import sys
cps = [int(x, 16) for x in sys.stdin.read().split()]
out = []
for c in cps:
    s = chr(c)
    flags = (s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isspace(),
             s.isprintable(), s.isidentifier(), s.islower(), s.isupper(), s.istitle())
    bits = sum(1 << i for i, f in enumerate(flags) if f)
    fields = []
    for m in (s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase()):
        fields.append('' if m == s else '.'.join('%x' % ord(x) for x in m))
    out.append('OK %x,' % bits + ','.join(fields))
sys.stdout.write('\n'.join(out) + '\n')
"#;
    let input: String = cps.iter().map(|c| format!("{c:x}\n")).collect();
    let theirs = run_python(script, &input);
    let cases: Vec<String> = cps.iter().map(|c| format!("U+{c:04X}")).collect();
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} code points differ", n - same);
}

const ALPHABET: &[&str] = &[
    "a",
    "B",
    " ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{3a3}",
    "\u{3c3}",
    "\u{3c2}",
    "'",
    "\u{b7}",
    "\u{301}",
    "\u{df}",
    "\u{fb01}",
    "\u{130}",
    "\u{1c5}",
    "x",
    "ab",
    "\u{1c}",
    "\u{2028}",
    "\u{85}",
    "\u{3000}",
    "-",
    "+",
    "0",
    "1",
    "\u{2167}",
    "\u{663}",
    "_",
    ".",
    "\u{1fc}",
    "\u{1ffc}",
    "A",
    "b",
    "aa",
    "\u{b}",
    "\u{c}",
    "\u{1f40d}",
];

/// One method argument as it crosses the pipe.
#[derive(Clone, Debug)]
enum Arg {
    None,
    Int(isize),
    Bool(bool),
    Str(Text),
}

fn encode_arg(a: &Arg) -> String {
    match a {
        Arg::None => "N".into(),
        Arg::Int(i) => format!("i{i}"),
        Arg::Bool(b) => format!("b{}", u8::from(*b)),
        Arg::Str(t) => format!("s{}", hex(t)),
    }
}

fn enc_text(t: &Text) -> String {
    format!("s{}", hex(t))
}

fn enc_list(v: &[Text]) -> String {
    format!("[{}]", v.iter().map(enc_text).collect::<Vec<_>>().join(","))
}

fn ok(s: String) -> String {
    format!("OK {s}")
}

fn res<T>(r: TextResult<T>, f: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => ok(f(v)),
        Err(e) => format!("ERR {e}"),
    }
}

fn random_text(rng: &mut Rng, max: usize) -> Text {
    let n = rng.below(max + 1);
    let mut t = Text::new();
    for _ in 0..n {
        if rng.below(40) == 0 {
            t.push_code_point(0xD800 + rng.below(0x800) as u32); // a lone surrogate
        } else {
            t.push_str(rng.pick(ALPHABET));
        }
    }
    t
}

fn opt_str(rng: &mut Rng, allow_none: bool) -> Arg {
    if allow_none && rng.below(3) == 0 {
        Arg::None
    } else {
        Arg::Str(random_text(rng, 2))
    }
}

fn opt_index(rng: &mut Rng) -> Arg {
    if rng.below(2) == 0 {
        Arg::None
    } else {
        Arg::Int(rng.below(17) as isize - 8)
    }
}

fn s_of(a: &Arg) -> Option<&Text> {
    match a {
        Arg::Str(t) => Some(t),
        _ => None,
    }
}

fn i_of(a: &Arg) -> Option<isize> {
    match a {
        Arg::Int(i) => Some(*i),
        _ => None,
    }
}

fn run(method: &str, s: &Text, a: &[Arg]) -> String {
    let empty = Text::new();
    let t0 = a.first().and_then(s_of).unwrap_or(&empty);
    let fill = |a: &Arg| s_of(a).and_then(|t| t.code_points().next()).unwrap_or(32);
    match method {
        "split" | "rsplit" => {
            let f = if method == "split" {
                split::split
            } else {
                split::rsplit
            };
            res(
                f(s, a.first().and_then(s_of), i_of(&a[1]).unwrap_or(-1)),
                |v| enc_list(&v),
            )
        }
        "splitlines" => ok(enc_list(&split::splitlines(
            s,
            matches!(a[0], Arg::Bool(true)),
        ))),
        "strip" | "lstrip" | "rstrip" => {
            let side = match method {
                "strip" => StripSide::Both,
                "lstrip" => StripSide::Left,
                _ => StripSide::Right,
            };
            ok(enc_text(&pad::strip(s, a.first().and_then(s_of), side)))
        }
        "find" => ok(format!(
            "i{}",
            search::find(s, t0, i_of(&a[1]), i_of(&a[2]))
        )),
        "rfind" => ok(format!(
            "i{}",
            search::rfind(s, t0, i_of(&a[1]), i_of(&a[2]))
        )),
        "index" => res(search::index(s, t0, i_of(&a[1]), i_of(&a[2])), |i| {
            format!("i{i}")
        }),
        "rindex" => res(search::rindex(s, t0, i_of(&a[1]), i_of(&a[2])), |i| {
            format!("i{i}")
        }),
        "count" => ok(format!(
            "i{}",
            search::count(s, t0, i_of(&a[1]), i_of(&a[2]))
        )),
        "startswith" => ok(format!(
            "b{}",
            u8::from(search::startswith(s, t0, i_of(&a[1]), i_of(&a[2])))
        )),
        "endswith" => ok(format!(
            "b{}",
            u8::from(search::endswith(s, t0, i_of(&a[1]), i_of(&a[2])))
        )),
        "replace" => res(
            search::replace(
                s,
                t0,
                s_of(&a[1]).unwrap_or(&empty),
                i_of(&a[2]).unwrap_or(-1),
            ),
            |t| enc_text(&t),
        ),
        "partition" | "rpartition" => {
            let f = if method == "partition" {
                split::partition
            } else {
                split::rpartition
            };
            res(f(s, t0), |(x, y, z)| enc_list(&[x, y, z]))
        }
        "expandtabs" => res(pad::expandtabs(s, i_of(&a[0]).unwrap_or(8) as i32), |t| {
            enc_text(&t)
        }),
        "center" => res(pad::center(s, i_of(&a[0]).unwrap_or(0), fill(&a[1])), |t| {
            enc_text(&t)
        }),
        "ljust" => res(pad::ljust(s, i_of(&a[0]).unwrap_or(0), fill(&a[1])), |t| {
            enc_text(&t)
        }),
        "rjust" => res(pad::rjust(s, i_of(&a[0]).unwrap_or(0), fill(&a[1])), |t| {
            enc_text(&t)
        }),
        "zfill" => res(pad::zfill(s, i_of(&a[0]).unwrap_or(0)), |t| enc_text(&t)),
        "upper" => ok(enc_text(&case::upper(s))),
        "lower" => ok(enc_text(&case::lower(s))),
        "casefold" => ok(enc_text(&case::casefold(s))),
        "title" => ok(enc_text(&case::title(s))),
        "capitalize" => ok(enc_text(&case::capitalize(s))),
        "swapcase" => ok(enc_text(&case::swapcase(s))),
        "istitle" => ok(format!("b{}", u8::from(p::istitle(s)))),
        "isupper" => ok(format!("b{}", u8::from(p::isupper(s)))),
        "islower" => ok(format!("b{}", u8::from(p::islower(s)))),
        "isidentifier" => ok(format!("b{}", u8::from(p::isidentifier(s)))),
        "isspace" => ok(format!("b{}", u8::from(p::isspace(s)))),
        "isalnum" => ok(format!("b{}", u8::from(p::isalnum(s)))),
        "removeprefix" => ok(enc_text(&search::removeprefix(s, t0))),
        "removesuffix" => ok(enc_text(&search::removesuffix(s, t0))),
        "join" => {
            let items: Vec<Text> = t0
                .code_points()
                .map(|c| {
                    let mut t = Text::new();
                    t.push_code_point(c);
                    t
                })
                .collect();
            res(search::join(s, &items), |t| enc_text(&t))
        }
        other => panic!("no method {other}"),
    }
}

fn random_call(rng: &mut Rng) -> (&'static str, Vec<Arg>) {
    let method = rng.pick(&[
        "split",
        "rsplit",
        "splitlines",
        "strip",
        "lstrip",
        "rstrip",
        "find",
        "rfind",
        "index",
        "rindex",
        "count",
        "startswith",
        "endswith",
        "replace",
        "partition",
        "rpartition",
        "expandtabs",
        "center",
        "ljust",
        "rjust",
        "zfill",
        "upper",
        "lower",
        "casefold",
        "title",
        "capitalize",
        "swapcase",
        "istitle",
        "isupper",
        "islower",
        "isidentifier",
        "isspace",
        "isalnum",
        "split",
        "lower",
        "title",
        "removeprefix",
        "removesuffix",
        "join",
    ]);
    let args = match method {
        "split" | "rsplit" => vec![opt_str(rng, true), Arg::Int(rng.below(6) as isize - 1)],
        "splitlines" => vec![Arg::Bool(rng.below(2) == 0)],
        "strip" | "lstrip" | "rstrip" => vec![opt_str(rng, true)],
        "find" | "rfind" | "index" | "rindex" | "count" | "startswith" | "endswith" => {
            vec![opt_str(rng, false), opt_index(rng), opt_index(rng)]
        }
        "replace" => vec![
            opt_str(rng, false),
            opt_str(rng, false),
            Arg::Int(rng.below(5) as isize - 1),
        ],
        "partition" | "rpartition" | "removeprefix" | "removesuffix" => vec![opt_str(rng, false)],
        "join" => vec![Arg::Str(random_text(rng, 4))],
        "expandtabs" => vec![Arg::Int(rng.below(11) as isize - 1)],
        "center" | "ljust" | "rjust" => vec![
            Arg::Int(rng.below(16) as isize - 1),
            Arg::Str(Text::from(rng.pick(&[" ", "*", "\u{e9}", "\u{1f40d}"]))),
        ],
        "zfill" => vec![Arg::Int(rng.below(12) as isize - 1)],
        _ => vec![],
    };
    (method, args)
}

#[test]
fn str_methods_match_cpython() {
    let mut rng = Rng(0x7777_1234_ABCD_0042);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..15000 {
        let s = random_text(&mut rng, 8);
        let (method, args) = random_call(&mut rng);
        ours.push(run(method, &s, &args));
        let enc: Vec<String> = args.iter().map(encode_arg).collect();
        cases.push(
            format!("{method} s{} {}", hex(&s), enc.join(" "))
                .trim_end()
                .to_string(),
        );
    }
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
def dec(a):
    if a == 'N': return None
    if a[0] == 'i': return int(a[1:])
    if a[0] == 'b': return a[1:] == '1'
    return unhex(a[1:])
def enc(r):
    if isinstance(r, str): return 's' + tohex(r)
    if isinstance(r, bool): return 'b%d' % r
    if isinstance(r, int): return 'i%d' % r
    return '[' + ','.join(enc(x) for x in r) + ']'
for line in sys.stdin:
    parts = line.rstrip('\n').split(' ')
    method, s, args = parts[0], dec(parts[1]), [dec(a) for a in parts[2:]]
    try:
        print('OK ' + enc(getattr(s, method)(*args)))
    except Exception as e:
        print('ERR ' + type(e).__name__ + ': ' + str(e))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} method calls differ", n - same);
}
