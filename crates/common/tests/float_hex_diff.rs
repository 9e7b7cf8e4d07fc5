//! `float.hex()` and `float.fromhex()` against CPython 3.11: random doubles of every
//! kind, and generated hexadecimal strings (long significands that must round,
//! subnormal and overflowing exponents, malformed input).

mod support;

use common::float_hex::{float_fromhex, float_hex};
use common::text::Text;
use support::{compare, hex_str, run_python, Rng, PY_PRELUDE};

fn random_hex_string(rng: &mut Rng) -> String {
    let mut s = String::new();
    s.push_str(rng.pick(&["", "", " ", "\t"]));
    s.push_str(rng.pick(&["", "", "-", "+"]));
    s.push_str(rng.pick(&["0x", "0X", "", "0x", "0x"]));
    let digits = "0123456789abcdefABCDEF";
    for _ in 0..rng.below(20) {
        s.push(char::from(digits.as_bytes()[rng.below(digits.len())]));
    }
    if rng.below(2) == 0 {
        s.push('.');
        for _ in 0..rng.below(18) {
            s.push(char::from(digits.as_bytes()[rng.below(digits.len())]));
        }
    }
    if rng.below(3) != 0 {
        s.push_str(rng.pick(&["p", "P", "p-", "p+"]));
        let e = rng.pick(&[
            0i64, 1, 10, 52, 1000, 1020, 1023, 1024, 1030, 1070, 1074, 1080, 99999,
        ]);
        s.push_str(&(e + rng.below(5) as i64).to_string());
    }
    s.push_str(rng.pick(&["", "", " ", "x", "_"]));
    s
}

#[test]
fn float_hex_matches_cpython() {
    let mut rng = Rng(0x4E58_F10A_7000_0001);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..5000 {
        let x = match rng.below(3) {
            0 => f64::from_bits(rng.next()),
            1 => f64::from_bits(rng.next() >> 12), // subnormals
            _ => (rng.next() % 1_000_000) as f64 / 7.0,
        };
        ours.push(format!("OK {}", hex_str(&float_hex(x))));
        cases.push(format!("h {}", x.to_bits()));
    }
    for _ in 0..8000 {
        let s = if rng.below(3) == 0 {
            // A real float's hex, sometimes with extra trailing digits to round.
            let mut h = float_hex(f64::from_bits(rng.next()));
            if rng.below(2) == 0 {
                if let Some(p) = h.find('p') {
                    h.insert_str(p, rng.pick(&["8", "80", "81", "7f", "0001", "8000000001"]));
                }
            }
            h
        } else {
            random_hex_string(&mut rng)
        };
        ours.push(match float_fromhex(&Text::from(s.as_str())) {
            Ok(x) => format!("OK {}", x.to_bits()),
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!("f {}", hex_str(&s)));
    }
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
def bits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
for line in sys.stdin:
    kind, arg = line.rstrip('\n').split(' ')
    if kind == 'h': print(outcome(lambda: f64(arg).hex()))
    else: print(outcome(lambda: bits(float.fromhex(unhex(arg)))))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} results differ", n - same);
}
