//! `int(text, base)` and `float(text)` against CPython 3.11 on thousands of generated
//! strings (signs, prefixes, underscores, Unicode digits and spaces, NULs, long inputs).

mod support;

use common::format_number::int_to_prefixed_radix;
use common::parse_number::{
    parse_complex, parse_float, parse_float_bytes, parse_int, parse_int_bytes,
};
use common::text::Text;
use support::{compare, hex, hex_str, run_python, Rng, PY_PRELUDE};

const PIECES: &[&str] = &[
    "0", "1", "7", "9", "1", "5", "_", "_", " ", "+", "-", ".", "e", "E", "x", "o", "b", "X", "a",
    "f", "F", "z", "inf", "nan", "INFINITY", "iNf", "٣", "\u{3000}", "\u{a0}", "\u{1c}", "\0",
    "\t", "\n", "é", "0x", "0o", "0b", "00", "12", "e-3", "E+10", "1e400", "1e-400", "²", "\u{7f}",
];

/// A string shaped like a number (mostly valid): spaces, sign, digits with single
/// underscores, optional point, fraction and exponent.
fn plausible_number(rng: &mut Rng) -> String {
    let mut s = String::new();
    let digits = |rng: &mut Rng, s: &mut String| {
        for i in 0..rng.below(25) + 1 {
            if i > 0 && rng.below(12) == 0 {
                s.push('_');
            }
            s.push_str(rng.pick(&["0", "1", "2", "5", "7", "9", "\u{663}", "\u{ff19}"]));
        }
    };
    s.push_str(rng.pick(&["", "", " ", "\u{3000}", "\t"]));
    s.push_str(rng.pick(&["", "", "-", "+"]));
    digits(rng, &mut s);
    if rng.below(2) == 0 {
        s.push('.');
        if rng.below(4) != 0 {
            digits(rng, &mut s);
        }
    }
    if rng.below(3) == 0 {
        s.push_str(rng.pick(&["e", "E", "e-", "E+"]));
        s.push_str(&rng.below(400).to_string());
    }
    s.push_str(rng.pick(&["", "", " ", "\n"]));
    s
}

#[test]
fn number_parsing_matches_cpython() {
    let mut rng = Rng(0x5151_5151_AAAA_0001);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    let mut inputs: Vec<String> = (0..12000)
        .map(|_| {
            if rng.below(2) == 0 {
                plausible_number(&mut rng)
            } else {
                let n = rng.below(6) + 1;
                (0..n).map(|_| rng.pick(PIECES)).collect()
            }
        })
        .collect();
    inputs.push("1".repeat(4300));
    inputs.push("1".repeat(4301));
    inputs.push(format!("{}x", "1".repeat(5000)));
    inputs.push("f".repeat(5000));
    inputs.push("é".repeat(300));
    for s in &inputs {
        let text = Text::from(s.as_str());
        let base = rng.pick(&[0i64, 0, 10, 10, 10, 2, 8, 16, 36, 7, 1, 37]);
        ours.push(match parse_int(&text, base, 4300) {
            Ok(v) => format!("OK {}", hex_str(&int_to_prefixed_radix(&v, 16))),
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!("i {base} {}", hex(&text)));
        ours.push(match parse_float(&text) {
            Ok(x) => format!("OK {}", x.to_bits()),
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!("f 0 {}", hex(&text)));
        // The same bytes as a `bytes` argument (no Unicode digits or spaces there).
        let b = s.as_bytes();
        ours.push(match parse_int_bytes(b, base, 4300) {
            Ok(v) => format!("OK {}", hex_str(&int_to_prefixed_radix(&v, 16))),
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!("I {base} {}", hex(&text)));
        ours.push(match parse_float_bytes(b) {
            Ok(x) => format!("OK {}", x.to_bits()),
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!("F 0 {}", hex(&text)));
    }
    // complex(): pieces of complex literals.
    let complex_pieces: &[&str] = &[
        "1", "2.5", "j", "J", "+", "-", "(", ")", " ", "e", "e-3", "inf", "nan", "infinity", "_",
        "0", ".", "\u{663}", "\u{3000}", "7", "1e5", "x",
    ];
    for _ in 0..6000 {
        let n = rng.below(7) + 1;
        let s: String = (0..n).map(|_| rng.pick(complex_pieces)).collect();
        let text = Text::from(s.as_str());
        ours.push(match parse_complex(&text) {
            Ok((re, im)) => format!("OK {} {}", re.to_bits(), im.to_bits()),
            Err(e) => format!("ERR {e}"),
        });
        cases.push(format!("c 0 {}", hex(&text)));
    }
    let script = format!(
        "{PY_PRELUDE}\n{}",
        r#"
def bits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
for line in sys.stdin:
    kind, base, h = line.rstrip('\n').split(' ')
    s = unhex(h)
    b = bytes.fromhex(h)
    if kind == 'i': print(outcome(lambda: hex(int(s, int(base)))))
    elif kind == 'f': print(outcome(lambda: bits(float(s))))
    elif kind == 'I': print(outcome(lambda: hex(int(b, int(base)))))
    elif kind == 'c':
        try:
            z = complex(s)
            print('OK %d %d' % (bits(z.real), bits(z.imag)))
        except Exception as e:
            print('ERR ' + type(e).__name__ + ': ' + str(e))
    else: print(outcome(lambda: bits(float(b))))
"#
    );
    let input: String = cases.iter().map(|c| c.clone() + "\n").collect();
    let theirs = run_python(&script, &input);
    let (n, same) = compare(&cases, &ours, &theirs);
    assert_eq!(n, same, "{} of {n} results differ", n - same);
}
