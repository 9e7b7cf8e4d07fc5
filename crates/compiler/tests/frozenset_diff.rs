//! Differential test of frozenset constants against python3 (CPython 3.11) run with
//! `PYTHONHASHSEED=0`: `tests/scripts/frozenset_oracle.py` prints, for a few thousand
//! generated sets of constants (str of every PEP 393 width, ints small, negative and
//! big, floats, complexes, bools, bytes, tuples, with duplicates across types),
//! each item's `hash()`, `list(frozenset(items))`, and the frozenset constant
//! `compile('x in {...}')` makes. Krait must agree on all three: the hashes
//! (`compiler::frozenset::hash`), the order of one build (the folder's
//! `fold_iter`), and the order after the compiler's rebuilds
//! (`compiler::frozenset::finish_const`).
//!
//! `None`, `...` and NaN are left out: CPython 3.11 hashes them by address, so
//! their order is not reproducible (see `common::hash`).

use common::bigint::BigInt;
use common::repr;
use common::text::Text;
use compiler::fold::fold_module;
use compiler::frozenset;
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use syntax::ast::{Constant, ExprKind, Mod, StmtKind};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The oracle's `canon`: type and repr; tuples item by item.
fn canon(c: &Constant) -> String {
    match c {
        Constant::None => "NoneType:None".into(),
        Constant::Ellipsis => "ellipsis:Ellipsis".into(),
        Constant::Bool(b) => format!("bool:{}", if *b { "True" } else { "False" }),
        Constant::Int(i) => format!("int:{}", repr::repr_int(i)),
        Constant::Float(f) => format!("float:{}", repr::repr_float(*f)),
        Constant::Complex { real, imag } => format!("complex:{}", repr::repr_complex(*real, *imag)),
        Constant::Str(s) => format!("str:{}", repr::repr_str(s)),
        Constant::Bytes(b) => format!("bytes:{}", repr::repr_bytes(b)),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(canon).collect();
            format!("({},)", parts.join(", "))
        }
        Constant::FrozenSet(_) => "frozenset:?".into(),
    }
}

/// A random string whose largest code point is of the given PEP 393 width class:
/// 0 ASCII, 1 Latin-1, 2 BMP (lone surrogates included), 3 astral.
fn gen_str(rng: &mut Rng, class: u64) -> Text {
    let len = rng.below(7) as usize + usize::from(class > 0);
    let mut t = Text::new();
    let wide_at = rng.below(len.max(1) as u64) as usize;
    for k in 0..len {
        let cp = if k == wide_at && class > 0 {
            match class {
                1 => 0x80 + rng.below(0x80) as u32,
                2 => 0x100 + rng.below(0xFF00) as u32,
                _ => 0x10000 + rng.below(0x100000) as u32,
            }
        } else if rng.chance(60) {
            b"abc xyz-_+!'\"\\\t"[rng.below(15) as usize] as u32
        } else {
            0x20 + rng.below(0x5F) as u32
        };
        t.push_code_point(cp);
    }
    // Name-like strings of 2 to 5 characters may already be interned by CPython
    // (identifiers of its runtime), which the test cannot control: make them not
    // name-like.
    if (2..=5).contains(&len) && common::hash::all_name_chars(&t) {
        t.push_str("-");
    }
    t
}

/// A random name-like string long enough that CPython has not interned it.
fn gen_name(rng: &mut Rng) -> Text {
    let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    let len = 6 + rng.below(6) as usize;
    let mut s = String::new();
    for _ in 0..len {
        s.push(alphabet[rng.below(alphabet.len() as u64) as usize] as char);
    }
    Text::from(s.as_str())
}

fn gen_int(rng: &mut Rng) -> BigInt {
    match rng.below(8) {
        0 => BigInt::from(rng.below(300) as i64),
        1 => -BigInt::from(rng.below(300) as i64),
        2 => BigInt::from(-1),
        3 => BigInt::from(rng.next() as i64),
        4 => {
            let bits = rng.below(200) as usize;
            let v = BigInt::ONE << bits;
            if rng.chance(50) {
                -v
            } else {
                v
            }
        }
        5 => {
            // Around multiples of the hash modulus 2**61 - 1.
            let m = BigInt::from((1u64 << 61) - 1);
            m * BigInt::from(rng.below(5) as i64 + 1) + BigInt::from(rng.below(5) as i64)
                - BigInt::from(2)
        }
        6 => BigInt::from(8 * rng.below(64) as i64),
        _ => {
            let hi = BigInt::from(rng.next());
            let lo = BigInt::from(rng.next());
            let v = (hi << 64) + lo;
            if rng.chance(50) {
                -v
            } else {
                v
            }
        }
    }
}

fn gen_float(rng: &mut Rng) -> f64 {
    match rng.below(6) {
        0 => rng.below(300) as f64 - 100.0,
        1 => (rng.below(2000) as f64 - 1000.0) / 8.0,
        2 => [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.5,
            1e300,
            5e-324,
        ][rng.below(7) as usize],
        _ => loop {
            let f = f64::from_bits(rng.next());
            if f.is_finite() {
                break f;
            }
        },
    }
}

/// Python source for a float constant (`1e999` for infinity).
fn float_src(f: f64) -> String {
    if f == f64::INFINITY {
        "1e999".into()
    } else if f == f64::NEG_INFINITY {
        "-1e999".into()
    } else {
        repr::repr_float(f)
    }
}

/// A random scalar constant as source text; long name-like strings it makes are
/// added to `names` (candidates for interning).
fn gen_scalar(rng: &mut Rng, names: &mut Vec<Text>) -> String {
    match rng.below(16) {
        0..=2 => repr::repr_str(&gen_str(rng, 0)),
        3 => repr::repr_str(&gen_str(rng, 1)),
        4 => repr::repr_str(&gen_str(rng, 2)),
        5 => repr::repr_str(&gen_str(rng, 3)),
        6 => {
            let n = gen_name(rng);
            names.push(n.clone());
            repr::repr_str(&n)
        }
        7..=9 => repr::repr_int(&gen_int(rng)),
        10 | 11 => float_src(gen_float(rng)),
        12 => {
            let (r, i) = (
                rng.below(50) as f64 / 4.0,
                rng.below(50) as f64 / 4.0 + 0.25,
            );
            format!("({}+{}j)", float_src(r), float_src(i))
        }
        13 => if rng.chance(50) { "True" } else { "False" }.into(),
        14 => {
            let len = rng.below(6) as usize;
            let b: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
            repr::repr_bytes(&b)
        }
        _ => {
            // A float equal to an int, or an int equal to a float: duplicates.
            let k = rng.below(40) as i64 - 10;
            if rng.chance(50) {
                format!("{k}.0")
            } else {
                k.to_string()
            }
        }
    }
}

/// One generated set: the items' source, and the name-like strings to intern.
fn gen_case(rng: &mut Rng) -> (Vec<String>, Vec<Text>) {
    let n = match rng.below(10) {
        0..=5 => 1 + rng.below(10),
        6..=8 => 1 + rng.below(40),
        _ => 1 + rng.below(200),
    } as usize;
    let mut items: Vec<String> = Vec::with_capacity(n);
    let mut names = Vec::new();
    for _ in 0..n {
        let item = if !items.is_empty() && rng.chance(8) {
            items[rng.below(items.len() as u64) as usize].clone()
        } else if rng.chance(10) {
            let k = rng.below(4);
            let parts: Vec<String> = (0..k).map(|_| gen_scalar(rng, &mut names)).collect();
            format!("({}{})", parts.join(", "), if k == 1 { "," } else { "" })
        } else {
            gen_scalar(rng, &mut names)
        };
        items.push(item);
    }
    let interned = names.into_iter().filter(|_| rng.chance(50)).collect();
    (items, interned)
}

/// The constants of `(ITEMS,)` after folding, and the frozenset `x in {ITEMS}`
/// folds to.
fn krait_fold(src: &str) -> (Vec<Constant>, Vec<Constant>) {
    let text = format!("({src},)\nx in {{{src}}}\n");
    let mut m = syntax::parse(text.as_bytes(), "<set>", syntax::Mode::Exec)
        .unwrap_or_else(|e| panic!("parse {src}: {e:?}"));
    fold_module(&mut m, 0).expect("fold");
    let Mod::Module { body, .. } = &m else {
        panic!("not a module")
    };
    let mut out = Vec::new();
    for stmt in body {
        let StmtKind::Expr { value } = &stmt.kind else {
            panic!("not an expression statement")
        };
        let c = match &value.kind {
            ExprKind::Constant { value, .. } => value.clone(),
            ExprKind::Compare { comparators, .. } => match comparators.first().map(|e| &e.kind) {
                Some(ExprKind::Constant { value, .. }) => value.clone(),
                other => panic!("set display not folded in {src}: {other:?}"),
            },
            other => panic!("tuple not folded in {src}: {other:?}"),
        };
        out.push(c);
    }
    match (out.first(), out.get(1)) {
        (Some(Constant::Tuple(items)), Some(Constant::FrozenSet(set))) => {
            (items.clone(), set.clone())
        }
        other => panic!("unexpected fold result for {src}: {other:?}"),
    }
}

fn joined(items: &[Constant]) -> String {
    items.iter().map(canon).collect::<Vec<_>>().join("\x1f")
}

#[test]
fn frozensets_match_python3() {
    let count: usize = std::env::var("FROZENSET_DIFF_COUNT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4000);
    let seed: u64 = std::env::var("FROZENSET_DIFF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5E7_0D3E);
    let mut rng = Rng(seed | 1);
    let cases: Vec<(Vec<String>, Vec<Text>)> = (0..count).map(|_| gen_case(&mut rng)).collect();
    let mut input = String::new();
    for (items, interned) in &cases {
        let names: Vec<String> = interned.iter().map(repr::repr_str).collect();
        input.push_str(&format!("[{}]\t{}\n", names.join(", "), items.join(", ")));
    }
    let mut child = Command::new("python3")
        .arg(repo_root().join("tests/scripts/frozenset_oracle.py"))
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is required for this test (CPython 3.11 is the oracle)");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("oracle output");
    writer.join().expect("writer thread").expect("write cases");
    assert!(
        out.status.success(),
        "oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 oracle output");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3 * cases.len(), "oracle line count");

    let mut interned_so_far: HashSet<Text> = HashSet::new();
    let mut failures = Vec::new();
    let (mut items_total, mut reordered_by_rebuild) = (0, 0);
    for (k, (items, interned)) in cases.iter().enumerate() {
        let src = items.join(", ");
        interned_so_far.extend(interned.iter().cloned());
        let (consts, folded) = krait_fold(&src);
        items_total += consts.len();
        let hashes: Vec<String> = consts
            .iter()
            .map(|c| frozenset::hash(c).to_string())
            .collect();
        let expect_h = lines[3 * k].strip_prefix("H ").unwrap_or("?");
        if hashes.join(" ") != expect_h {
            failures.push(format!(
                "hashes of {src}\n  python3: {expect_h}\n  krait:   {}",
                hashes.join(" ")
            ));
        }
        let expect_o = lines[3 * k + 1].strip_prefix("O ").unwrap_or("?");
        if joined(&folded) != expect_o {
            failures.push(format!(
                "frozenset({src})\n  python3: {expect_o:?}\n  krait:   {:?}",
                joined(&folded)
            ));
        }
        let finished = frozenset::finish_const(&folded, |s| {
            interned_so_far.contains(s) || frozenset::likely_interned(s) && s.as_bytes().len() == 1
        });
        if finished != folded {
            reordered_by_rebuild += 1;
        }
        let expect_c = lines[3 * k + 2].strip_prefix("C ").unwrap_or("?");
        if joined(&finished) != expect_c {
            failures.push(format!(
                "x in {{{src}}}\n  python3: {expect_c:?}\n  krait:   {:?}",
                joined(&finished)
            ));
        }
    }
    eprintln!(
        "frozenset_diff: {} sets ({} items) compared, {} mismatches; the compiler's rebuilds reorder {} sets",
        cases.len(),
        items_total,
        failures.len(),
        reordered_by_rebuild
    );
    assert!(
        cases.len() < 100 || reordered_by_rebuild > 0,
        "no set exercised the rebuilds"
    );
    if !failures.is_empty() {
        panic!(
            "{} mismatches:\n{}",
            failures.len(),
            failures
                .iter()
                .take(30)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
