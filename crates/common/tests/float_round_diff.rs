//! `round(x)` and `round(x, ndigits)` for floats against CPython 3.11.

mod support;

use common::float_round::{round_to_digits, round_to_int};
use support::{compare, run_python, Rng, PY_PRELUDE};

#[test]
fn float_round_matches_cpython() {
    let mut rng = Rng(0x2020_0101_ABAB_3434);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..10000 {
        let x = match rng.below(5) {
            0 => f64::from_bits(rng.next()),
            1 => (rng.next() % 100_000) as f64 / 8.0 - 5000.0, // exact ties
            2 => (rng.next() % 10_000_000) as f64 / 1000.0,
            3 => rng.pick(&[
                0.5,
                1.5,
                2.5,
                -0.5,
                2.675,
                0.125,
                1e308,
                1.7e308,
                -0.0,
                5e-324,
                f64::NAN,
                f64::INFINITY,
            ]),
            _ => (rng.next() % 1000) as f64 * 10f64.powi(rng.below(40) as i32 - 20),
        };
        if rng.below(4) == 0 {
            ours.push(match round_to_int(x) {
                Ok(v) => format!("OK {v}"),
                Err(e) => format!("ERR {e}"),
            });
            cases.push(format!("{} N", x.to_bits()));
        } else {
            let nd = rng.pick(&[
                0isize, 1, 2, 3, 5, 10, 17, -1, -2, -5, -20, 300, 323, 324, -307, -308, -309, 400,
            ]);
            ours.push(match round_to_digits(x, nd) {
                Ok(v) => format!("OK {}", v.to_bits()),
                Err(e) => format!("ERR {e}"),
            });
            cases.push(format!("{} {nd}", x.to_bits()));
        }
    }
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
def bits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
for line in sys.stdin:
    b, nd = line.split()
    x = f64(b)
    if nd == 'N': print(outcome(lambda: round(x)))
    else: print(outcome(lambda: bits(round(x, int(nd)))))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} results differ", n - same);
}
