//! Differential tests against `python3` (CPython 3.11.7, the project's oracle): code
//! objects compiled by CPython, marshalled, loaded by Krait, and compared field by
//! field, decoder by decoder, and as `dis` listings.

use compiler::code::CodeObject;
use compiler::{dis, marshal};
use std::process::Command;

/// A snippet exercising closures, exceptions, long lines, big ints, floats, f-strings,
/// keyword calls, comprehensions, async, pattern matching and jumps.
const SNIPPET: &str = r#"
import os, sys as system
from collections import OrderedDict as OD
X = 10**30 + 7; Y = -2**70; Z = (1.5, -0.0, 1e300, 1e-7, 2j, (1-2j), float('inf'))
S = ("a b", 'it\'s', "q\"", "\t\x00\x7f\u20ac\U0001f600\udc80", b"\x00ab'\"", frozenset({1, 2}))
def outer(a, /, b=2, *args, c, d=4, **kw):
    total = 0
    def inner(x):
        nonlocal total
        total += x
        return total + a
    for i in range(a):
        if i % 2 == 0 and i in {1, 2, 3}:
            continue
        elif i > 100:
            break
        inner(i)
    try:
        r = [j * 2 for j in args if j]
    except (ValueError, TypeError) as e:
        r = None
    finally:
        print(f"{a!r:>{b}} {c!s} {d}", sep="", end="\n", file=system.stderr)
    with open(os.devnull) as f, open(os.devnull) as g:
        pass
    return lambda: (total, r, kw)

class C(OD):
    attr: int = 3
    def m(self):
        return super().m(), __class__

async def agen(xs):
    async for x in xs:
        yield await x
    async with xs as y:
        pass

def matcher(v):
    match v:
        case [1, 2, *rest]:
            return rest
        case {"k": val, **others}:
            return val
        case C(attr=3) | None:
            return 0
        case _:
            return -1

if __name__ == "__main__":
    very_long_expression_name = (outer(1, 2, 3, c=4) +
                                 outer(5, c=6)) if X else [x for x in range(3000) if x > 2999 and x < 3001 and x != 17]
"#;

fn python(script: &str) -> Vec<u8> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .output()
        .expect("python3 (CPython 3.11) is needed: it is the oracle");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn snippet_path() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("krait-compiler-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("snippet.py");
    std::fs::write(&p, SNIPPET).unwrap();
    p
}

/// Marshal bytes of the snippet's module code, as `py_compile` writes them into a .pyc.
fn cpython_marshal(path: &std::path::Path) -> Vec<u8> {
    let pyc = python(&format!(
        "import py_compile,sys; sys.stdout.buffer.write(open(py_compile.compile({p:?}, cfile={p:?}+'c', doraise=True),'rb').read())",
        p = path.to_str().unwrap()
    ));
    let (_, body) = compiler::pyc::read_header(&pyc).unwrap();
    body.to_vec()
}

fn all_codes(c: &CodeObject) -> Vec<&CodeObject> {
    let mut out = vec![c];
    for k in &c.consts {
        if let compiler::code::Constant::Code(inner) = k {
            out.extend(all_codes(inner));
        }
    }
    out
}

#[test]
fn marshal_round_trip_of_cpython_output() {
    let p = snippet_path();
    let data = cpython_marshal(&p);
    let code = marshal::loads_code(&data).unwrap();
    assert_eq!(code.name.as_str(), Some("<module>"));
    let again = marshal::dumps_code(&code);
    let at = again.iter().zip(&data).position(|(a, b)| a != b);
    assert!(
        again == data,
        "first difference at {at:?} (lengths {} and {}): got {:02x?} want {:02x?}",
        again.len(),
        data.len(),
        &again[at.unwrap_or(0).saturating_sub(8)..(at.unwrap_or(0) + 12).min(again.len())],
        &data[at.unwrap_or(0).saturating_sub(8)..(at.unwrap_or(0) + 12).min(data.len())]
    );
}

#[test]
fn decoders_match_cpython() {
    let p = snippet_path();
    let data = cpython_marshal(&p);
    let code = marshal::loads_code(&data).unwrap();
    // For each code object, in the same pre-order, python prints the decoded data.
    let script = format!(
        r#"
src=open({p:?},'rb').read()
def walk(c):
    yield c
    for k in c.co_consts:
        if hasattr(k,'co_code'): yield from walk(k)
import dis
for c in walk(compile(src,{p:?},'exec')):
    print(c.co_name, c.co_qualname, c.co_nlocals, c.co_varnames, c.co_cellvars, c.co_freevars)
    print(list(c.co_lines()))
    print(list(c.co_positions()))
    print(c.co_lnotab.hex())
    print([tuple(e) for e in dis._parse_exception_table(c)])
    names = []
    while True:
        try: names.append(c._varname_from_oparg(len(names)))
        except IndexError: break
    print(names)
"#,
        p = p.to_str().unwrap()
    );
    let want = String::from_utf8(python(&script)).unwrap();
    let mut got = String::new();
    let opt = |v: Option<i32>| v.map_or("None".to_string(), |x| x.to_string());
    let names = |v: &[common::text::Text]| {
        let inner: Vec<String> = v.iter().map(|s| format!("'{s}'")).collect();
        if inner.len() == 1 {
            format!("({},)", inner[0])
        } else {
            format!("({})", inner.join(", "))
        }
    };
    for c in all_codes(&code) {
        got += &format!(
            "{} {} {} {} {} {}\n",
            c.name,
            c.qualname,
            c.nlocals(),
            names(&c.varnames()),
            names(&c.cellvars()),
            names(&c.freevars())
        );
        let lines: Vec<String> = c
            .lines()
            .iter()
            .map(|(s, e, l)| format!("({s}, {e}, {})", opt(*l)))
            .collect();
        got += &format!("[{}]\n", lines.join(", "));
        let pos: Vec<String> = c
            .positions()
            .iter()
            .map(|(a, b, x, y)| format!("({}, {}, {}, {})", opt(*a), opt(*b), opt(*x), opt(*y)))
            .collect();
        got += &format!("[{}]\n", pos.join(", "));
        got += &c
            .lnotab()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        got += "\n";
        let ex: Vec<String> = c
            .exception_entries()
            .iter()
            .map(|e| {
                format!(
                    "({}, {}, {}, {}, {})",
                    e.start,
                    e.end,
                    e.target,
                    e.depth,
                    if e.lasti { "True" } else { "False" }
                )
            })
            .collect();
        got += &format!("[{}]\n", ex.join(", "));
        let vn: Vec<String> = (0..c.localsplusnames.len())
            .map(|i| format!("'{}'", c.varname_from_oparg(i).unwrap()))
            .collect();
        got += &format!("[{}]\n", vn.join(", "));
    }
    for (g, w) in got.lines().zip(want.lines()) {
        assert_eq!(g, w);
    }
    assert_eq!(got.lines().count(), want.lines().count());
}

#[test]
fn dis_matches_python_dis() {
    let p = snippet_path();
    let data = cpython_marshal(&p);
    let code = marshal::loads_code(&data).unwrap();
    let mut got = String::new();
    dis::dis_module(&mut got, &code);
    let want = String::from_utf8(python(&format!(
        "import dis; dis.dis(compile(open({p:?},'rb').read(),{p:?},'exec'))",
        p = p.to_str().unwrap()
    )))
    .unwrap();
    let mask = |s: &str| -> String {
        s.lines()
            .map(|l| match l.find(" at 0x") {
                Some(i) => {
                    let rest = &l[i + 6..];
                    let end = rest
                        .find(|c: char| !c.is_ascii_hexdigit())
                        .unwrap_or(rest.len());
                    format!("{} at 0xADDR{}", &l[..i], &rest[end..])
                }
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (g, w) = (mask(&got), mask(&want));
    for (a, b) in g.lines().zip(w.lines()) {
        assert_eq!(a, b);
    }
    assert_eq!(g.lines().count(), w.lines().count());
}

/// A fast subset of `tests/scripts/pyc_roundtrip.py`: stdlib `.pyc` files written by
/// CPython load, re-marshal to the same bytes, and disassemble like `python3 -m dis`.
#[test]
fn stdlib_subset() {
    let stdlib = String::from_utf8(python(
        "import sysconfig; print(sysconfig.get_paths()['stdlib'], end='')",
    ))
    .unwrap();
    let modules = [
        "__future__",
        "abc",
        "ast",
        "dis",
        "enum",
        "dataclasses",
        "json/__init__",
        "collections/__init__",
        "asyncio/tasks",
        "re/_parser",
        "functools",
    ];
    let mut checked = 0;
    for m in modules {
        let (dir, base) = match m.rsplit_once('/') {
            Some((d, b)) => (format!("{stdlib}/{d}"), b.to_string()),
            None => (stdlib.clone(), m.to_string()),
        };
        let pyc = format!("{dir}/__pycache__/{base}.cpython-311.pyc");
        let Ok(data) = std::fs::read(&pyc) else {
            continue;
        };
        checked += 1;
        let (_, body) = compiler::pyc::read_header(&data).unwrap();
        let code = marshal::loads_code(body).unwrap();
        let whole = compiler::pyc::read(&data).unwrap();
        assert!(
            compiler::pyc::write(&whole) == data,
            "{pyc}: rewritten .pyc differs"
        );
        assert!(
            marshal::dumps_code(&code) == body,
            "{pyc}: re-marshalled bytes differ"
        );
        if checked <= 4 {
            let mut got = String::new();
            dis::dis_module(&mut got, &code);
            let src = format!("{dir}/{base}.py");
            let want = String::from_utf8(python(&format!(
                "import dis; dis.dis(compile(open({src:?},'rb').read(),{src:?},'exec'))"
            )))
            .unwrap();
            let mask = |s: &str| {
                s.lines()
                    .map(|l| match l.find(" at 0x") {
                        Some(i) => format!(
                            "{}{}",
                            &l[..i],
                            &l[l[i..].find(',').map_or(l.len(), |j| i + j)..]
                        ),
                        None => l.to_string(),
                    })
                    .collect::<Vec<_>>()
            };
            let (g, w) = (mask(&got), mask(&want));
            for (a, b) in g.iter().zip(&w) {
                assert_eq!(a, b, "{pyc}");
            }
            assert_eq!(g.len(), w.len(), "{pyc}");
        }
    }
    assert!(checked >= 4, "stdlib .pyc files not found under {stdlib}");
}

/// The committed generated opcode fixture equals what its script produces from this
/// python3.
#[test]
fn generated_files_are_fresh() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let script = "tests/scripts/gen_opcode_fixture.py";
    let file = "crates/compiler/tests/fixtures/opcode.txt";
    let out = Command::new("python3")
        .arg(format!("{root}/{script}"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let committed = std::fs::read(format!("{root}/{file}")).unwrap();
    assert!(out.stdout == committed, "{file} is stale: rerun {script}");
}
