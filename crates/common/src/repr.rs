//! CPython 3.11's `repr` of literal values (`str`, `bytes`, `int`, `float`, `complex`),
//! written once so the AST printer and the runtime produce the same characters.
//!
//! Each `repr_*` function returns a new `String`; each `write_repr_*` appends to a
//! caller's buffer, for printers that build one big string.

use std::fmt::Write as _;

use unicode_general_category::{get_general_category, GeneralCategory};

use crate::bigint::BigInt;
use crate::text::Text;

/// The Unicode version of the general-category table used by [`is_printable`]. It must
/// be CPython 3.11's (`unicodedata.unidata_version == '14.0.0'`): a newer table would
/// call characters assigned after 14.0 printable where CPython escapes them.
pub const UNICODE_VERSION: (u64, u64, u64) = unicode_general_category::UNICODE_VERSION;

/// Whether code point `cp` is unassigned (category Cn) in the Unicode database of
/// CPython 3.11 (Unicode 14.0.0, see [`UNICODE_VERSION`]).
pub fn is_unassigned(cp: u32) -> bool {
    match char::from_u32(cp) {
        Some(c) => get_general_category(c) == GeneralCategory::Unassigned,
        None => false,
    }
}

/// Whether code point `cp` is printable in CPython's sense (`str.isprintable`,
/// `Py_UNICODE_ISPRINTABLE`): not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs, except
/// that the ASCII space is printable. `repr` escapes exactly the non-printable ones.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        return (0x20..0x7F).contains(&cp);
    }
    let Some(c) = char::from_u32(cp) else {
        return false; // surrogates (Cs) and values beyond U+10FFFF
    };
    use GeneralCategory as G;
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `\x`, `\u` or `\U` and `digits` lowercase hex digits of `cp`.
fn push_hex_escape(out: &mut String, prefix: &str, cp: u32, digits: u32) {
    out.push_str(prefix);
    for i in (0..digits).rev() {
        out.push(char::from(HEX[((cp >> (4 * i)) & 0xF) as usize]));
    }
}

/// The quote CPython's `str`/`bytes` repr picks: `"` when the contents hold a `'` and
/// no `"`, else `'`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// Appends the `repr` of a sequence of code points (CPython's `unicode_repr`).
fn write_repr_code_points(out: &mut String, cps: impl Iterator<Item = u32> + Clone) {
    let (mut single, mut double) = (false, false);
    for cp in cps.clone() {
        single |= cp == u32::from(b'\'');
        double |= cp == u32::from(b'"');
    }
    let quote = choose_quote(single, double);
    out.push(quote);
    for cp in cps {
        match cp {
            _ if cp == u32::from(quote) || cp == u32::from(b'\\') => {
                out.push('\\');
                out.push(char::from(cp as u8));
            }
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if is_printable(cp) => match char::from_u32(cp) {
                Some(c) => out.push(c),
                None => push_hex_escape(out, "\\U", cp, 8),
            },
            0..=0xFF => push_hex_escape(out, "\\x", cp, 2),
            0x100..=0xFFFF => push_hex_escape(out, "\\u", cp, 4),
            _ => push_hex_escape(out, "\\U", cp, 8),
        }
    }
    out.push(quote);
}

/// Appends `repr(s)` for a Python `str`, as CPython 3.11 prints it: quotes chosen as
/// described at [`repr_str`], `\\`, `\t`, `\n`, `\r` and the quote escaped,
/// non-printable code points as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn write_repr_str(out: &mut String, s: &Text) {
    write_repr_code_points(out, s.code_points());
}

/// Appends `repr(s)` for a Rust string (identifiers, type comments): the same output
/// as [`write_repr_str`] on the equal [`Text`].
pub fn write_repr_rust_str(out: &mut String, s: &str) {
    write_repr_code_points(out, s.chars().map(u32::from));
}

/// CPython 3.11's `repr(str)`: single quotes unless the text contains `'` and no `"`;
/// `\\`, `\t`, `\n`, `\r` and the chosen quote backslash-escaped; characters that are
/// not printable ([`is_printable`]) as `\xhh` (below 256), `\uhhhh` (below 65536,
/// including lone surrogates) or `\Uhhhhhhhh`; everything else as itself.
pub fn repr_str(s: &Text) -> String {
    let mut out = String::with_capacity(s.as_bytes().len() + 2);
    write_repr_str(&mut out, s);
    out
}

/// Appends `repr(b)` for a Python `bytes` (see [`repr_bytes`]).
pub fn write_repr_bytes(out: &mut String, b: &[u8]) {
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            _ if byte == quote as u8 || byte == b'\\' => {
                out.push('\\');
                out.push(char::from(byte));
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7E => out.push(char::from(byte)),
            _ => push_hex_escape(out, "\\x", u32::from(byte), 2),
        }
    }
    out.push(quote);
}

/// CPython 3.11's `repr(bytes)` (`bytes_repr`): `b` and the same quote choice as
/// [`repr_str`]; `\\`, `\t`, `\n`, `\r` and the quote escaped; bytes outside
/// `0x20..=0x7E` as `\xhh`.
pub fn repr_bytes(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 3);
    write_repr_bytes(&mut out, b);
    out
}

/// Appends `repr(i)` for a Python `int` (see [`repr_int`]).
pub fn write_repr_int(out: &mut String, i: &BigInt) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{i}");
}

/// CPython's `repr(int)`: the decimal digits, with `-` for negatives. (CPython 3.11
/// refuses to convert ints of more than 4300 digits, `sys.set_int_max_str_digits`;
/// this function has no such limit: the caller enforces it where CPython does.)
pub fn repr_int(i: &BigInt) -> String {
    let mut out = String::new();
    write_repr_int(&mut out, i);
    out
}

/// Appends a finite, non-negative `x` in CPython's `'r'` format (`format_float_short`
/// with mode 0): the shortest digits that round-trip, placed in positional notation
/// when the decimal exponent is in `-4..16`, else in `d.ddde±XX` notation.
/// `add_dot_0` appends `.0` to positional integers (`repr(float)` does; the parts of
/// `repr(complex)` do not).
fn write_float_abs(out: &mut String, x: f64, add_dot_0: bool) {
    // Ryu gives the shortest digits that round-trip and, among those, the closest to
    // `x`, ties to even, exactly as David Gay's dtoa mode 0 that CPython uses. (Rust's
    // own `{:e}` breaks such ties upwards: 271591320900466.125 prints as ...13, not
    // CPython's ...12.) Its layout differs from CPython's, so only its digits and
    // exponent are used: "1.5e300", "1e16", "0.0001", "123.45".
    let mut buf = ryu::Buffer::new();
    let formatted = buf.format_finite(x).as_bytes();
    let (mantissa, exp) = match formatted.iter().position(|&b| b == b'e' || b == b'E') {
        Some(i) => formatted.split_at(i),
        None => (formatted, &b""[..]),
    };
    let (neg_exp, exp_digits) = match exp.get(1..).unwrap_or_default().split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, exp.get(1..).unwrap_or_default()),
    };
    let exp_abs = exp_digits
        .iter()
        .fold(0i32, |acc, &b| acc * 10 + i32::from(b.saturating_sub(b'0')));
    // The mantissa's digits D without the point; x = 0.D * 10^decpt.
    let int_len = mantissa.iter().take_while(|&&b| b != b'.').count() as i32;
    let mut decpt = int_len + if neg_exp { -exp_abs } else { exp_abs };
    let mut digits = [0u8; 32];
    let mut n = 0;
    for &b in mantissa.iter().filter(|b| b.is_ascii_digit()) {
        if n == 0 && b == b'0' {
            decpt -= 1; // leading zero
        } else if let Some(slot) = digits.get_mut(n) {
            *slot = b;
            n += 1;
        }
    }
    while n > 0 && digits[n - 1] == b'0' {
        n -= 1;
    }
    if n == 0 {
        digits[0] = b'0';
        n = 1;
        decpt = 1;
    }
    let digits = &digits[..n];
    let exp10 = decpt - 1; // x = d.ddd * 10^exp10
    let push_digits = |out: &mut String, ds: &[u8]| {
        for &d in ds {
            out.push(char::from(d));
        }
    };
    if !(-4..16).contains(&exp10) {
        let (first, rest) = digits.split_first().unwrap_or((&b'0', &[]));
        out.push(char::from(*first));
        if !rest.is_empty() {
            out.push('.');
            push_digits(out, rest);
        }
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "e{}{:02}",
            if exp10 < 0 { '-' } else { '+' },
            exp10.unsigned_abs()
        );
    } else if exp10 < 0 {
        out.push_str("0.");
        for _ in 0..(-exp10 - 1) {
            out.push('0');
        }
        push_digits(out, digits);
    } else {
        let int_len = (exp10 + 1) as usize;
        if digits.len() > int_len {
            push_digits(out, &digits[..int_len]);
            out.push('.');
            push_digits(out, &digits[int_len..]);
        } else {
            push_digits(out, digits);
            for _ in digits.len()..int_len {
                out.push('0');
            }
            if add_dot_0 {
                out.push_str(".0");
            }
        }
    }
}

/// Appends `x` as CPython's `PyOS_double_to_string(x, 'r', 0, flags)` does, with
/// `add_dot_0` for `Py_DTSF_ADD_DOT_0` and `always_sign` for `Py_DTSF_SIGN`. A NaN's
/// sign is ignored, as CPython does.
fn write_float_r(out: &mut String, x: f64, add_dot_0: bool, always_sign: bool) {
    if x.is_nan() {
        out.push_str(if always_sign { "+nan" } else { "nan" });
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
    } else {
        write_float_abs(out, x.abs(), add_dot_0);
    }
}

/// Appends `repr(x)` for a Python `float` (see [`repr_float`]).
pub fn write_repr_float(out: &mut String, x: f64) {
    write_float_r(out, x, true, false);
}

/// CPython 3.11's `repr(float)` (`float_repr_style == 'short'`): the shortest digits
/// that read back as the same float; positional with `.0` added to integers when the
/// decimal exponent is in `-4..16` (`0.0001`, `1.0`, `-0.0`, `1234567890123456.0`),
/// else scientific with a signed, at-least-two-digit exponent (`1e-05`, `1e+16`,
/// `1.5e+300`); `inf`, `-inf`, `nan` (never `-nan`).
pub fn repr_float(x: f64) -> String {
    let mut out = String::with_capacity(24);
    write_repr_float(&mut out, x);
    out
}

/// Appends `repr(complex(real, imag))` (see [`repr_complex`]).
pub fn write_repr_complex(out: &mut String, real: f64, imag: f64) {
    if real == 0.0 && real.is_sign_positive() {
        write_float_r(out, imag, false, false);
        out.push('j');
    } else {
        out.push('(');
        write_float_r(out, real, false, false);
        write_float_r(out, imag, false, true);
        out.push_str("j)");
    }
}

/// CPython 3.11's `repr(complex)` (`complex_repr`): when the real part is `+0.0`, only
/// the imaginary part and `j` (`1j`, `-0j`, `infj`, `nanj`); otherwise
/// `(real±imagj)` (`(1+2j)`, `(-0-1j)`, `(nan+nanj)`). Parts are printed like floats
/// but without an added `.0` (`1j`, not `1.0j`).
pub fn repr_complex(real: f64, imag: f64) -> String {
    let mut out = String::with_capacity(48);
    write_repr_complex(&mut out, real, imag);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    /// Runs `python3 -c script` with `input` on stdin and returns its stdout lines:
    /// CPython 3.11 is the oracle for every expected value here.
    fn python(script: &str, input: &str) -> Vec<String> {
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 (CPython 3.11, the oracle) must be installed");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = input.to_owned();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().expect("python3 output");
        writer
            .join()
            .expect("writer thread")
            .expect("write to python3");
        assert!(out.status.success(), "python3 failed");
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// A small deterministic PRNG (xorshift64*) for reproducible random tests.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    #[test]
    fn unicode_version_is_cpython_311s() {
        assert_eq!(UNICODE_VERSION, (14, 0, 0));
        assert_eq!(
            python("import unicodedata; print(unicodedata.unidata_version)", ""),
            ["14.0.0"]
        );
    }

    #[test]
    fn printable_matches_python_for_every_code_point() {
        // Python prints the ranges of printable code points as "start end" lines.
        let script = "import sys\n\
            prev = False; start = 0\n\
            for cp in range(0x110001):\n\
            \x20   p = cp <= 0x10FFFF and chr(cp).isprintable()\n\
            \x20   if p and not prev: start = cp\n\
            \x20   if prev and not p: print(start, cp)\n\
            \x20   prev = p\n";
        let mut expected = vec![false; 0x110000];
        for line in python(script, "") {
            let mut it = line.split(' ').map(|n| n.parse::<usize>().unwrap());
            let (a, b) = (it.next().unwrap(), it.next().unwrap());
            expected[a..b].iter_mut().for_each(|p| *p = true);
        }
        let wrong: Vec<u32> = (0..0x110000u32)
            .filter(|&cp| is_printable(cp) != expected[cp as usize])
            .collect();
        assert!(
            wrong.is_empty(),
            "{} differ, first {:x?}",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
        assert!(!is_printable(0x110000));
    }

    #[test]
    fn str_repr_matches_python() {
        let mut cases: Vec<Text> = [
            "",
            "a",
            "'",
            "\"",
            "'\"",
            "it's",
            "say \"hi\"",
            "\\",
            "\\'\"",
            "\t\n\r\x0b\x0c",
            "\x00\x01\x1f\x7f\u{80}\u{9f}\u{a0}\u{ad}é",
            "\u{2028}\u{2029}\u{3000}\u{200b}",
            "\u{e000}\u{f8ff}\u{fffe}\u{ffff}\u{10ffff}\u{e0001}",
            "日本語 🐍 \u{1f600}",
            "\u{0378}\u{1F979}\u{1FAF7}\u{31350}",
            "a b\u{1680}c",
        ]
        .iter()
        .map(|&s| Text::from(s))
        .collect();
        let mut sur = Text::from("x");
        for cp in [0xD800, 0xDBFF, 0xDC00, 0xDFFF] {
            sur.push_code_point(cp);
        }
        cases.push(sur);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2000 {
            let mut t = Text::new();
            for _ in 0..(rng.next() % 6) {
                let r = rng.next();
                let cp = match r % 4 {
                    0 => (r >> 8) as u32 % 0x80,
                    1 => (r >> 8) as u32 % 0x800,
                    2 => (r >> 8) as u32 % 0x10000,
                    _ => (r >> 8) as u32 % 0x110000,
                };
                t.push_code_point(cp);
            }
            cases.push(t);
        }
        // Send code points as hex, get reprs back as ascii() so the pipe stays UTF-8.
        let input: String = cases
            .iter()
            .map(|t| {
                t.code_points()
                    .map(|c| format!("{c:x} "))
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        let script = "import sys\n\
            for line in sys.stdin:\n\
            \x20   print(ascii(repr(''.join(chr(int(h, 16)) for h in line.split()))))";
        let expected = python(script, &input);
        assert_eq!(expected.len(), cases.len());
        let ascii_script = "import sys\nfor l in sys.stdin: print(ascii(l.rstrip('\\n')))";
        let ours: String = cases
            .iter()
            .map(|t| {
                let r = repr_str(t);
                assert_eq!(r, {
                    let mut w = String::new();
                    if let Some(s) = t.as_str() {
                        write_repr_rust_str(&mut w, s);
                    } else {
                        write_repr_str(&mut w, t);
                    }
                    w
                });
                // Our repr never contains surrogates (they are escaped), so it is UTF-8.
                r + "\n"
            })
            .collect();
        let got = python(ascii_script, &ours);
        for ((t, e), g) in cases.iter().zip(&expected).zip(&got) {
            assert_eq!(g, e, "repr of {:x?}", t.code_points().collect::<Vec<_>>());
        }
    }

    #[test]
    fn str_repr_examples() {
        assert_eq!(repr_str(&Text::from("it's")), "\"it's\"");
        assert_eq!(repr_str(&Text::from("'\"")), "'\\'\"'");
        assert_eq!(
            repr_str(&Text::from("\u{7f}\u{a0}\u{ffff}\u{e0001}")),
            "'\\x7f\\xa0\\uffff\\U000e0001'"
        );
    }

    #[test]
    fn bytes_repr_matches_python() {
        let mut cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"'".to_vec(),
            b"\"".to_vec(),
            b"'\"".to_vec(),
            b"it's".to_vec(),
            b"\\\t\n\r\x0b".to_vec(),
            (0..=255).collect(),
        ];
        let mut rng = Rng(12345);
        for _ in 0..500 {
            cases.push(
                (0..rng.next() % 8)
                    .map(|_| (rng.next() >> 7) as u8)
                    .collect(),
            );
        }
        let input: String = cases
            .iter()
            .map(|b| b.iter().map(|x| format!("{x:02x}")).collect::<String>() + "\n")
            .collect();
        let expected = python(
            "import sys\nfor l in sys.stdin: print(repr(bytes.fromhex(l.strip())))",
            &input,
        );
        assert_eq!(expected.len(), cases.len());
        for (b, e) in cases.iter().zip(&expected) {
            assert_eq!(&repr_bytes(b), e, "{b:x?}");
        }
    }

    #[test]
    fn int_repr_matches_python() {
        let cases = [
            "0",
            "1",
            "-1",
            "255",
            "-9223372036854775808",
            "18446744073709551616",
            "-123456789012345678901234567890123456789",
        ];
        for c in cases {
            let i: BigInt = c.parse().unwrap();
            assert_eq!(repr_int(&i), c);
        }
        let big: BigInt = BigInt::from(7).pow(1000);
        let expected = python("print(repr(7**1000))", "");
        assert_eq!(repr_int(&big), expected[0]);
    }

    fn float_cases() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.5,
            1.5,
            100.0,
            1e15,
            1e16,
            9999999999999998.0,
            1e17,
            123456789012345680.0,
            1e-4,
            1e-5,
            0.00012345,
            1.2345e-5,
            1e22,
            1e23,
            1.5e300,
            1e308,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::from_bits(0x000f_ffff_ffff_ffff), // largest subnormal
            f64::EPSILON,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            1.0 / 3.0,
            2.0 / 3.0,
            0.3,
            1e-300,
            123.456,
            9007199254740993.0,
            4.35,
            0.000099999,
            1234567890123456.7,
        ];
        let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
        for i in 0..60000 {
            let bits = rng.next();
            v.push(match i % 4 {
                // Any bit pattern (includes subnormals, NaNs, infinities).
                0 => f64::from_bits(bits),
                // Magnitudes near the format switch points.
                1 => {
                    (bits >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((bits % 40) as i32 - 20)
                }
                // Short decimals.
                2 => (bits % 100_000) as f64 / 10f64.powi((bits >> 32) as i32 % 12),
                // Integers near 2**53 and 1e16.
                _ => {
                    ((bits % 20_000_000_000_000_000) as f64)
                        * if bits & 1 == 0 { 1.0 } else { -1.0 }
                }
            });
        }
        v
    }

    #[test]
    fn float_repr_matches_python() {
        let cases = float_cases();
        let input: String = cases
            .iter()
            .map(|x| format!("{:016x}\n", x.to_bits()))
            .collect();
        let script = "import sys, struct\n\
            for l in sys.stdin: print(repr(struct.unpack('<d', bytes.fromhex(l.strip())[::-1])[0]))";
        let expected = python(script, &input);
        assert_eq!(expected.len(), cases.len());
        for (x, e) in cases.iter().zip(&expected) {
            assert_eq!(&repr_float(*x), e, "bits {:016x}", x.to_bits());
        }
    }

    #[test]
    fn float_repr_round_trips() {
        let mut rng = Rng(42);
        for _ in 0..200_000 {
            let x = f64::from_bits(rng.next());
            let r = repr_float(x);
            let back: f64 = r.parse().unwrap();
            assert!(
                back.to_bits() == x.to_bits() || (x.is_nan() && back.is_nan()),
                "{r}"
            );
        }
    }

    #[test]
    fn float_repr_examples() {
        let cases = [
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (1e-4, "0.0001"),
            (1.5e300, "1.5e+300"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (-f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (5e-324, "5e-324"),
            // A tie between two shortest candidates: CPython rounds to even.
            (f64::from_bits(0x42ee_e059_069a_6e44), "271591320900466.12"),
        ];
        for (x, r) in cases {
            assert_eq!(repr_float(x), r);
        }
    }

    #[test]
    fn complex_repr_matches_python() {
        let specials = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.5,
            1e16,
            1e-5,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        let mut cases: Vec<(f64, f64)> = specials
            .iter()
            .flat_map(|&r| specials.iter().map(move |&i| (r, i)))
            .collect();
        let floats = float_cases();
        cases.extend(floats.chunks(2).take(3000).map(|c| (c[0], c[1])));
        let input: String = cases
            .iter()
            .map(|(r, i)| format!("{:016x} {:016x}\n", r.to_bits(), i.to_bits()))
            .collect();
        let script = "import sys, struct\n\
            f = lambda h: struct.unpack('<d', bytes.fromhex(h)[::-1])[0]\n\
            for l in sys.stdin:\n\
            \x20   a, b = l.split(); print(repr(complex(f(a), f(b))))";
        let expected = python(script, &input);
        assert_eq!(expected.len(), cases.len());
        for ((r, i), e) in cases.iter().zip(&expected) {
            assert_eq!(&repr_complex(*r, *i), e, "{r:?} {i:?}");
        }
        assert_eq!(repr_complex(0.0, 1.0), "1j");
        assert_eq!(repr_complex(-0.0, -1.0), "(-0-1j)");
        assert_eq!(repr_complex(f64::NAN, f64::NAN), "(nan+nanj)");
    }
}
