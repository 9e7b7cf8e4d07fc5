//! `bytes` methods against CPython 3.11 on thousands of random byte strings.

mod support;

use common::bytes_methods as b;
use common::error::TextResult;
use support::{compare, run_python, Rng};

const PIECES: &[&[u8]] = &[
    b"a", b"B", b" ", b"\t", b"\n", b"\r", b"\r\n", b"\x0b", b"\x0c", b"\x1c", b"x", b"ab", b"-",
    b"+", b"0", b"1", b"_", b".", b"\xe9", b"\x00", b"\xff", b"A", b"b", b"aa", b"Zz",
];

fn hexb(v: &[u8]) -> String {
    v.iter().map(|x| format!("{x:02x}")).collect()
}

#[derive(Clone, Debug)]
enum Arg {
    None,
    Int(isize),
    Bool(bool),
    Bytes(Vec<u8>),
}

fn encode_arg(a: &Arg) -> String {
    match a {
        Arg::None => "N".into(),
        Arg::Int(i) => format!("i{i}"),
        Arg::Bool(v) => format!("b{}", u8::from(*v)),
        Arg::Bytes(v) => format!("y{}", hexb(v)),
    }
}

fn random_bytes(rng: &mut Rng, max: usize) -> Vec<u8> {
    (0..rng.below(max + 1))
        .flat_map(|_| rng.pick(PIECES).to_vec())
        .collect()
}

fn y(v: &[u8]) -> String {
    format!("y{}", hexb(v))
}

fn ylist(v: &[Vec<u8>]) -> String {
    format!("[{}]", v.iter().map(|x| y(x)).collect::<Vec<_>>().join(","))
}

fn res<T>(r: TextResult<T>, f: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => format!("OK {}", f(v)),
        Err(e) => format!("ERR {e}"),
    }
}

fn by(a: &Arg) -> Option<&[u8]> {
    match a {
        Arg::Bytes(v) => Some(v),
        _ => None,
    }
}

fn int(a: &Arg) -> Option<isize> {
    match a {
        Arg::Int(i) => Some(*i),
        _ => None,
    }
}

fn run(method: &str, s: &[u8], a: &[Arg]) -> String {
    let a0 = a.first().and_then(by).unwrap_or(&[]);
    let ok = |x: String| format!("OK {x}");
    let flag = |v: bool| format!("OK b{}", u8::from(v));
    match method {
        "split" => res(
            b::split(s, a.first().and_then(by), int(&a[1]).unwrap_or(-1)),
            |v| ylist(&v),
        ),
        "rsplit" => res(
            b::rsplit(s, a.first().and_then(by), int(&a[1]).unwrap_or(-1)),
            |v| ylist(&v),
        ),
        "splitlines" => ok(ylist(&b::splitlines(s, matches!(a[0], Arg::Bool(true))))),
        "strip" => ok(y(&b::strip(s, a.first().and_then(by), true, true))),
        "lstrip" => ok(y(&b::strip(s, a.first().and_then(by), true, false))),
        "rstrip" => ok(y(&b::strip(s, a.first().and_then(by), false, true))),
        "find" => ok(format!("i{}", b::find(s, a0, int(&a[1]), int(&a[2])))),
        "rfind" => ok(format!("i{}", b::rfind(s, a0, int(&a[1]), int(&a[2])))),
        "index" => res(b::index(s, a0, int(&a[1]), int(&a[2])), |i| format!("i{i}")),
        "rindex" => res(b::rindex(s, a0, int(&a[1]), int(&a[2])), |i| {
            format!("i{i}")
        }),
        "count" => ok(format!("i{}", b::count(s, a0, int(&a[1]), int(&a[2])))),
        "startswith" => flag(b::tailmatch(s, a0, int(&a[1]), int(&a[2]), false)),
        "endswith" => flag(b::tailmatch(s, a0, int(&a[1]), int(&a[2]), true)),
        "replace" => res(
            b::replace(s, a0, by(&a[1]).unwrap_or(&[]), int(&a[2]).unwrap_or(-1)),
            |v| y(&v),
        ),
        "partition" => res(b::partition(s, a0, false), |v| ylist(&v)),
        "rpartition" => res(b::partition(s, a0, true), |v| ylist(&v)),
        "center" | "ljust" | "rjust" => {
            let align = match method {
                "center" => '^',
                "ljust" => '<',
                _ => '>',
            };
            let fill = by(&a[1]).and_then(|f| f.first().copied()).unwrap_or(b' ');
            res(b::pad(s, int(&a[0]).unwrap_or(0), fill, align), |v| y(&v))
        }
        "zfill" => res(b::zfill(s, int(&a[0]).unwrap_or(0)), |v| y(&v)),
        "expandtabs" => res(b::expandtabs(s, int(&a[0]).unwrap_or(8) as i32), |v| y(&v)),
        "upper" => ok(y(&b::upper(s))),
        "lower" => ok(y(&b::lower(s))),
        "swapcase" => ok(y(&b::swapcase(s))),
        "capitalize" => ok(y(&b::capitalize(s))),
        "title" => ok(y(&b::title(s))),
        "isalpha" => flag(b::isalpha(s)),
        "isalnum" => flag(b::isalnum(s)),
        "isdigit" => flag(b::isdigit(s)),
        "isspace" => flag(b::isspace(s)),
        "isascii" => flag(b::isascii(s)),
        "islower" => flag(b::islower(s)),
        "isupper" => flag(b::isupper(s)),
        "istitle" => flag(b::istitle(s)),
        other => panic!("no method {other}"),
    }
}

fn opt_bytes(rng: &mut Rng, allow_none: bool) -> Arg {
    if allow_none && rng.below(3) == 0 {
        Arg::None
    } else {
        Arg::Bytes(random_bytes(rng, 2))
    }
}

fn opt_index(rng: &mut Rng) -> Arg {
    if rng.below(2) == 0 {
        Arg::None
    } else {
        Arg::Int(rng.below(17) as isize - 8)
    }
}

#[test]
fn bytes_methods_match_cpython() {
    let methods = [
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
        "center",
        "ljust",
        "rjust",
        "zfill",
        "expandtabs",
        "upper",
        "lower",
        "swapcase",
        "capitalize",
        "title",
        "isalpha",
        "isalnum",
        "isdigit",
        "isspace",
        "isascii",
        "islower",
        "isupper",
        "istitle",
    ];
    let mut rng = Rng(0xB17E_5000_0000_0077);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..12000 {
        let s = random_bytes(&mut rng, 8);
        let method = rng.pick(&methods);
        let args = match method {
            "split" | "rsplit" => vec![
                opt_bytes(&mut rng, true),
                Arg::Int(rng.below(6) as isize - 1),
            ],
            "splitlines" => vec![Arg::Bool(rng.below(2) == 0)],
            "strip" | "lstrip" | "rstrip" => vec![opt_bytes(&mut rng, true)],
            "find" | "rfind" | "index" | "rindex" | "count" | "startswith" | "endswith" => {
                vec![
                    opt_bytes(&mut rng, false),
                    opt_index(&mut rng),
                    opt_index(&mut rng),
                ]
            }
            "replace" => vec![
                opt_bytes(&mut rng, false),
                opt_bytes(&mut rng, false),
                Arg::Int(rng.below(5) as isize - 1),
            ],
            "partition" | "rpartition" => vec![opt_bytes(&mut rng, false)],
            "center" | "ljust" | "rjust" => vec![
                Arg::Int(rng.below(16) as isize - 1),
                Arg::Bytes(rng.pick(&[&b" "[..], b"*", b"\xff"]).to_vec()),
            ],
            "zfill" => vec![Arg::Int(rng.below(12) as isize - 1)],
            "expandtabs" => vec![Arg::Int(rng.below(11) as isize - 1)],
            _ => vec![],
        };
        ours.push(run(method, &s, &args));
        let enc: Vec<String> = args.iter().map(encode_arg).collect();
        cases.push(
            format!("{method} y{} {}", hexb(&s), enc.join(" "))
                .trim_end()
                .to_string(),
        );
    }
    let script = r#"
import sys
def dec(a):
    if a == 'N': return None
    if a[0] == 'i': return int(a[1:])
    if a[0] == 'b': return a[1:] == '1'
    return bytes.fromhex(a[1:])
def enc(r):
    if isinstance(r, bytes): return 'y' + r.hex()
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
"#;
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} method calls differ", n - same);
}
