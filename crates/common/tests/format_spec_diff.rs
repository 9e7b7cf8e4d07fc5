//! `format(x, spec)` for int, float, complex and str against CPython 3.11: thousands of
//! generated (value, spec) pairs, every result or error message compared exactly.

mod support;

use common::bigint::BigInt;
use common::error::TextResult;
use common::format_number::{format_complex, format_float, format_int};
use common::format_spec::format_str;
use common::text::Text;
use support::{compare, hex, hex_str, run_python, Rng, PY_PRELUDE};

/// A text as a whitespace-free field: its hex, or `-` when empty.
fn field(s: &str) -> String {
    if s.is_empty() {
        "-".to_string()
    } else {
        hex_str(s)
    }
}

fn outcome(r: TextResult<Text>) -> String {
    match r {
        Ok(t) => format!("OK {}", hex(&t)),
        Err(e) => format!("ERR {e}"),
    }
}

/// A random format spec built from the mini-language's parts (sometimes invalid).
fn random_spec(rng: &mut Rng, types: &[&str]) -> String {
    let mut s = String::new();
    match rng.below(6) {
        0 => s.push_str(rng.pick(&["<", ">", "^", "="])),
        1 => {
            s.push_str(rng.pick(&["*", "0", "é", " ", "x", "\u{3000}"]));
            s.push_str(rng.pick(&["<", ">", "^", "="]));
        }
        _ => {}
    }
    if rng.below(3) == 0 {
        s.push_str(rng.pick(&["+", "-", " "]));
    }
    if rng.below(8) == 0 {
        s.push('z');
    }
    if rng.below(4) == 0 {
        s.push('#');
    }
    if rng.below(4) == 0 {
        s.push('0');
    }
    if rng.below(2) == 0 {
        s.push_str(&rng.below(25).to_string());
    }
    match rng.below(6) {
        0 => s.push(','),
        1 => s.push('_'),
        _ => {}
    }
    if rng.below(3) == 0 {
        s.push('.');
        s.push_str(
            &rng.pick(&[0, 0, 1, 2, 3, 5, 6, 10, 15, 16, 17, 20, 30])
                .to_string(),
        );
    }
    s.push_str(rng.pick(types));
    s
}

const INT_TYPES: &[&str] = &[
    "", "", "d", "b", "o", "x", "X", "c", "n", "e", "f", "g", "%", "E", "G", "F", "s", "r",
];
const FLOAT_TYPES: &[&str] = &[
    "", "", "", "e", "E", "f", "F", "g", "G", "n", "%", "d", "x", "c",
];

fn random_int(rng: &mut Rng) -> BigInt {
    match rng.below(5) {
        0 => BigInt::from(rng.below(300) as i64 - 150),
        1 => BigInt::from(rng.next() as i64),
        2 => BigInt::from(rng.next() as i64 % 1_000_000),
        3 => {
            let a = BigInt::from(rng.next()) * BigInt::from(rng.next()) * BigInt::from(rng.next());
            if rng.below(2) == 0 {
                -a
            } else {
                a
            }
        }
        _ => BigInt::from(rng.pick(&[0i64, 1, -1, 0x10FFFF, 0x110000, 65, 0xE9, 0x1F40D])),
    }
}

fn random_float(rng: &mut Rng) -> f64 {
    match rng.below(6) {
        0 => f64::from_bits(rng.next()),
        1 => (rng.next() % 2_000_000) as f64 / 1000.0 - 1000.0,
        2 => rng.pick(&[
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            0.125,
            0.375,
            2.5,
            1e16,
            1e22,
            0.1,
            5e-324,
            f64::MAX,
            1.5,
            -0.001,
            123456789.0,
            9.9999,
            0.5,
            1e-5,
            1e-4,
        ]),
        3 => (rng.next() % 100_000) as f64 * 10f64.powi(rng.below(40) as i32 - 20),
        4 => -((rng.next() % 1000) as f64) / 8.0,
        _ => f64::from_bits(rng.next() >> 2),
    }
}

#[test]
fn format_spec_matches_cpython() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..6000 {
        let v = random_int(&mut rng);
        let spec = random_spec(&mut rng, INT_TYPES);
        ours.push(outcome(format_int(
            &v,
            &Text::from(spec.as_str()),
            "int",
            4300,
        )));
        cases.push(format!("i {v} {}", field(&spec)));
    }
    // The 4300-digit limit of str(int), and bases it does not apply to.
    for (digits, spec) in [
        (4299, ""),
        (4299, "d"),
        (4300, ""),
        (4300, ","),
        (4300, "x"),
        (4300, "_b"),
        (4300, "e"),
        (640, "n"),
    ] {
        let v = BigInt::from(10u8).pow(digits) * BigInt::from(7);
        ours.push(outcome(format_int(&v, &Text::from(spec), "int", 4300)));
        cases.push(format!("i {v:x} {}", field(spec)).replacen("i ", "h ", 1));
    }
    for _ in 0..8000 {
        let x = random_float(&mut rng);
        let spec = random_spec(&mut rng, FLOAT_TYPES);
        ours.push(outcome(format_float(
            x,
            &Text::from(spec.as_str()),
            "float",
        )));
        cases.push(format!("f {} {}", x.to_bits(), field(&spec)));
    }
    for _ in 0..3000 {
        let (re, im) = (random_float(&mut rng), random_float(&mut rng));
        let spec = random_spec(&mut rng, FLOAT_TYPES);
        ours.push(outcome(format_complex(
            re,
            im,
            &Text::from(spec.as_str()),
            "complex",
        )));
        cases.push(format!(
            "c {} {} {}",
            re.to_bits(),
            im.to_bits(),
            field(&spec)
        ));
    }
    for _ in 0..2000 {
        let s = rng
            .pick(&["", "abc", "é", "a\u{1F40D}b", "hello world"])
            .to_string();
        let spec = random_spec(&mut rng, &["", "s", "d", "x"]);
        ours.push(outcome(format_str(
            &Text::from(s.as_str()),
            &Text::from(spec.as_str()),
        )));
        cases.push(format!("s {} {}", field(&s), field(&spec)));
    }
    // Hex fields may be empty: '-' stands for an empty one so split() keeps columns.
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
for line in sys.stdin:
    p = [x if x != '-' else '' for x in line.split()]
    spec = unhex(p[-1])
    if p[0] == 'i': v = int(p[1])
    elif p[0] == 'h': v = int(p[1], 16)
    elif p[0] == 'f': v = f64(p[1])
    elif p[0] == 'c': v = complex(f64(p[1]), f64(p[2]))
    else: v = unhex(p[1])
    print(outcome(lambda: format(v, spec)))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} format() results differ", n - same);
}
