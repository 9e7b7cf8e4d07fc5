//! Round trip of the assembler on CPython's own output: every code object of the
//! stdlib's `__pycache__/*.cpython-311.pyc` files is taken apart into the
//! assembler's input ([`compiler::assemble::instrs_from_code`]) and assembled again;
//! `co_code`, `co_linetable`, `co_exceptiontable` and `co_stacksize` must come back
//! byte for byte.
//!
//! Fast subset: `cargo test -p compiler --test assemble_roundtrip`.
//! Whole stdlib: `cargo test -p compiler --release --test assemble_roundtrip -- --ignored --nocapture`.

use compiler::assemble::{assemble, instrs_from_code};
use compiler::code::{CodeObject, Constant};
use std::collections::BTreeMap;
use std::process::Command;

fn stdlib() -> String {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'], end='')",
        ])
        .output()
        .expect("python3 (CPython 3.11) is needed: it is the oracle");
    String::from_utf8(out.stdout).expect("utf-8 path")
}

/// Every `.cpython-311.pyc` under `root`, site-packages skipped, sorted.
fn find_pycs(root: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(root) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "site-packages") {
                find_pycs(&p, out);
            }
        } else if p.to_string_lossy().ends_with(".cpython-311.pyc")
            && p.parent()
                .and_then(|d| d.file_name())
                .is_some_and(|n| n == "__pycache__")
        {
            out.push(p);
        }
    }
}

fn all_codes<'a>(c: &'a CodeObject, out: &mut Vec<&'a CodeObject>) {
    out.push(c);
    for k in &c.consts {
        if let Constant::Code(inner) = k {
            all_codes(inner, out);
        }
    }
}

#[derive(Default)]
struct Stats {
    codes: usize,
    errors: usize,
    same: [usize; 4],
    diffs: BTreeMap<String, usize>,
    examples: BTreeMap<String, String>,
}

const FIELDS: [&str; 4] = [
    "co_code",
    "co_linetable",
    "co_exceptiontable",
    "co_stacksize",
];

fn check(code: &CodeObject, file: &str, st: &mut Stats) {
    st.codes += 1;
    let instrs = match instrs_from_code(code) {
        Ok(i) => i,
        Err(e) => {
            st.errors += 1;
            *st.diffs.entry(format!("disassemble: {e:?}")).or_default() += 1;
            return;
        }
    };
    let out = match assemble(&instrs, code.firstlineno) {
        Ok(o) => o,
        Err(e) => {
            st.errors += 1;
            let key = format!("assemble: {e}")
                .split(':')
                .take(2)
                .collect::<Vec<_>>()
                .join(":");
            let key = format!(
                "assemble error {}",
                key.split(' ').next_back().unwrap_or("")
            );
            st.examples
                .entry(key.clone())
                .or_insert_with(|| format!("{file} {} {e}", code.qualname));
            *st.diffs.entry(key).or_default() += 1;
            return;
        }
    };
    let got = [
        out.code == code.code,
        out.linetable == code.linetable,
        out.exceptiontable == code.exceptiontable,
        out.stacksize == code.stacksize,
    ];
    for (k, ok) in got.iter().enumerate() {
        if *ok {
            st.same[k] += 1;
        } else {
            let key = if k == 3 {
                let d = i64::from(out.stacksize) - i64::from(code.stacksize);
                format!("co_stacksize off by {d}")
            } else {
                FIELDS[k].to_string()
            };
            st.examples
                .entry(key.clone())
                .or_insert_with(|| format!("{file} {}", code.qualname));
            *st.diffs.entry(key).or_default() += 1;
        }
    }
}

fn run(limit: Option<usize>) -> Stats {
    let root = stdlib();
    let mut pycs = Vec::new();
    find_pycs(std::path::Path::new(&root), &mut pycs);
    if let Some(n) = limit {
        // Spread the subset over the whole tree.
        let step = (pycs.len() / n).max(1);
        pycs = pycs.into_iter().step_by(step).take(n).collect();
    }
    let mut st = Stats::default();
    for p in &pycs {
        let Ok(data) = std::fs::read(p) else { continue };
        let Ok(pyc) = compiler::pyc::read(&data) else {
            continue;
        };
        let mut codes = Vec::new();
        all_codes(&pyc.code, &mut codes);
        let name = p.to_string_lossy().replace(&root, "");
        for c in codes {
            check(c, &name, &mut st);
        }
    }
    println!("{} code objects from {} .pyc files", st.codes, pycs.len());
    println!("assembler/disassembler errors: {}", st.errors);
    for (k, f) in FIELDS.iter().enumerate() {
        println!(
            "{f}: {}/{} identical ({:.3}%)",
            st.same[k],
            st.codes,
            100.0 * st.same[k] as f64 / st.codes.max(1) as f64
        );
    }
    let mut diffs: Vec<_> = st.diffs.iter().collect();
    diffs.sort_by(|a, b| b.1.cmp(a.1));
    for (k, n) in diffs.iter().take(20) {
        println!(
            "  {n:6} {k}   e.g. {}",
            st.examples.get(*k).map_or("", |s| s)
        );
    }
    st
}

/// Code CPython compiles from generated source chosen for the hard cases: jumps
/// long enough to need one or two `EXTENDED_ARG`s (so offsets must be recomputed),
/// opargs above 0xFFFF, lines far apart (long-form entries), multi-line and
/// column-less instructions, and `try`/`with`/`except*` tables.
#[test]
fn generated_hard_cases_round_trip() {
    let script = r#"
import marshal, sys
body = "\n".join(f"            x{i} = y.a{i}[{i}] + {i}" for i in range(3000))
consts = ", ".join(str(i) for i in range(70000))
src = f'''
def big(y, z):
    while z:
        if z > 1:
{body}
        else:
            break
    return 0

def many():
    return [{consts}]

def multi(a,
          b):
    try:
        with a as c:
            return (a +
                    b)
    except* ValueError as e:
        a(e)
    except* TypeError as f:
        pass
    finally:
        del a
''' + "\n" * 5000 + '''
def far():
    return far_away
'''
sys.stdout.buffer.write(marshal.dumps(compile(src, "gen", "exec")))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .output()
        .expect("python3 (CPython 3.11) is needed: it is the oracle");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let code = compiler::marshal::loads_code(&out.stdout).expect("CPython's marshal output");
    let mut codes = Vec::new();
    all_codes(&code, &mut codes);
    assert!(codes.len() >= 5);
    let mut extended_jumps = 0;
    for c in codes {
        let instrs = instrs_from_code(c).expect("disassembles");
        extended_jumps += instrs.iter().filter(|i| i.target.is_some()).count();
        let out = assemble(&instrs, c.firstlineno).expect("assembles");
        assert_eq!(out.code, c.code, "co_code of {}", c.qualname);
        assert_eq!(out.linetable, c.linetable, "co_linetable of {}", c.qualname);
        assert_eq!(
            out.exceptiontable, c.exceptiontable,
            "co_exceptiontable of {}",
            c.qualname
        );
        assert_eq!(out.stacksize, c.stacksize, "co_stacksize of {}", c.qualname);
    }
    assert!(extended_jumps > 0);
    // The big function really has jumps needing two EXTENDED_ARG prefixes.
    let big = code.consts.iter().find_map(|k| match k {
        Constant::Code(c) if c.name.as_str() == Some("big") => Some(c),
        _ => None,
    });
    let big = big.expect("big");
    let ext = big
        .code
        .chunks(2)
        .filter(|u| u[0] == compiler::opcode::EXTENDED_ARG)
        .count();
    assert!(ext >= 2, "expected EXTENDED_ARG in big()");
}

#[test]
fn stdlib_subset_round_trips() {
    let st = run(Some(40));
    assert!(st.codes > 100, "stdlib .pyc files not found");
    assert!(
        st.diffs.is_empty(),
        "assembler output differs from CPython's"
    );
}

#[test]
#[ignore = "whole stdlib: slow; run with --ignored --nocapture"]
fn stdlib_full_round_trips() {
    let st = run(None);
    assert_eq!(st.errors, 0);
    assert!(
        st.diffs.is_empty(),
        "assembler output differs from CPython's"
    );
}
