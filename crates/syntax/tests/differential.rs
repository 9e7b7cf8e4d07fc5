//! Differential tests of the tokenizer against `python3` (CPython 3.11.7):
//! * token kinds and positions against the `tokenize` module (the known differences of
//!   tokenize.py from the C tokenizer are ignored: COMMENT/NL tokens; NEWLINE compared by
//!   line only; columns converted from characters to UTF-8 bytes);
//! * error type, message, lineno, offset, end_lineno, end_offset and text against
//!   `compile(src, "f", "exec")`, for inputs where the tokenizer's error is the one
//!   CPython reports.
//!
//! Skipped (with a message) when `python3` cannot be run.

use std::process::Command;
use syntax::source::decode_str_source;
use syntax::tokenizer::{tokenize, tokenize_mode};

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len() / 2)
        .filter_map(|i| u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Run `script` with `extra` arguments, then the hex-encoded snippets; one output line
/// per snippet.
fn python(script: &str, extra: &[&str], snippets: &[&str]) -> Option<Vec<String>> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(extra)
        .args(snippets.iter().map(|s| hex(s)))
        .output()
        .ok()?;
    if !out.status.success() {
        panic!("python3 failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(
        lines.len(),
        snippets.len(),
        "python3 gave one line per snippet"
    );
    Some(lines)
}

const ERROR_SCRIPT: &str = r#"
import sys, warnings
warnings.simplefilter("ignore")
def f(v):
    if v is None: return "N"
    return str(v).encode().hex() or "-"
mode = sys.argv[1]
for a in sys.argv[2:]:
    src = bytes.fromhex(a).decode()
    try:
        compile(src, "f", mode)
        print("OK")
    except SyntaxError as e:
        print(" ".join([type(e).__name__, f(e.msg), f(e.lineno), f(e.offset), f(e.end_lineno), f(e.end_offset), f(e.text)]))
"#;

fn field(v: Option<String>) -> String {
    match v {
        None => "N".to_string(),
        Some(s) if s.is_empty() => "-".to_string(),
        Some(s) => hex(&s),
    }
}

#[test]
fn errors_match_compile() {
    let snippets: &[&str] = &[
        "(]",
        "(\n\n]",
        ")",
        "x = (1, 2]",
        "foo(a, [b)\n",
        "x = 1 \\ y",
        "x = ('\u{e9}' \\ 2)",
        "x = 1 +\\",
        "\u{e9} = 1 +\\",
        "if x:\n    y\n  \\\n",
        "(1,\\",
        "x=1\n(",
        "x=1\n(\ny=[",
        "x = (1,\n  2 \\\n",
        "(",
        "1_",
        "0x",
        "0xg",
        "0o8",
        "0o",
        "0o1_9",
        "0b2",
        "0b12",
        "012",
        "0_7",
        "09.x",
        "1e",
        "1e+",
        "1.e",
        "0e",
        "1.5j_",
        "1_000_",
        "0b1_",
        "1__0",
        "1_a",
        "1abc",
        "0x1g",
        "0o7x",
        "1.5abc",
        "1jx",
        "1andy",
        "'abc",
        "x = 'abc\ny = 2\n",
        "x = rb'abc",
        "'''abc\n\n",
        "x = 1 + '''\u{e9}\nab",
        "x = (\n 'abc\n)",
        "x = 1 2 'abc\n",
        "if x:\n  y\n z\n",
        "if x:\n  y\n \u{e9}\n",
        "if x:\n    y\n  z = 1 + 2",
        "if x:\n    y\n  \\\n    z\n  w\n",
        "if x:\n\ty\n        z\n",
        "if x:\n        y\n\tz = 12345\n",
        "x = \u{20ac}",
        "x = \u{a0}",
        "x\u{200b}=1",
        "a\x01",
        "x = \u{2028}",
        "x = $",
        "x = ?",
        "a = `",
        "x = !",
        "\u{1f600} = 1",
        "x = 1\n\u{e9}\u{20ac} = 2",
        "x\rb",
        "x = 1 + \\\n 2 + \\\n",
        "x = 1 + \\\n 2 + \\",
        "(1 + \\\n 2 \\ 3)",
        "s = \"\"\"a\nb\"\"\" \\ 2",
        "x\\\n\\{{",
        "\nandx\\\n\\\u{e9}:1",
        "\u{e9} '''0b\u{20ac}in)\n    9'''in[",
        "0\u{e9}(rb\u{20ac}\t1\u{20ac}",
        "9\u{a0}\n",
        "\u{1e030} = 1",
        "x\u{1e030} = 1",
    ];
    compare_errors("exec", snippets);
}

#[test]
fn errors_match_compile_eval_mode() {
    let snippets: &[&str] = &[
        "(1",
        "'abc",
        "1 +\\",
        "x \\ y",
        "(1,\n 2 \\",
        "1_",
        "x + \u{20ac}",
        "x\n)",
    ];
    compare_errors("eval", snippets);
}

/// Compare `tokenize_mode` errors with `compile(src, "f", mode)` for each snippet.
fn compare_errors(mode: &str, snippets: &[&str]) {
    let Some(expected) = python(ERROR_SCRIPT, &[mode], snippets) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    let mut failures = Vec::new();
    for (src, exp) in snippets.iter().zip(&expected) {
        let toks = tokenize_mode(&decode_str_source(src), mode == "exec");
        let got = match toks.error {
            None => "OK".to_string(),
            Some(e) => [
                e.error_type.name().to_string(),
                field(Some(e.msg)),
                field(e.lineno.map(|v| v.to_string())),
                field(e.offset.map(|v| v.to_string())),
                field(e.end_lineno.map(|v| v.to_string())),
                field(e.end_offset.map(|v| v.to_string())),
                field(e.text),
            ]
            .join(" "),
        };
        if &got != exp {
            let show = |s: &str| {
                s.split(' ')
                    .map(|f| if f.len() > 1 { unhex(f) } else { f.to_string() })
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            failures.push(format!(
                "{src:?}\n  python: {}\n  krait:  {}",
                show(exp),
                show(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        snippets.len(),
        failures.join("\n")
    );
}

const TOKEN_SCRIPT: &str = r#"
import sys, io, tokenize, token, keyword
for a in sys.argv[1:]:
    src = bytes.fromhex(a).decode()
    lines = src.splitlines(keepends=True)
    def bcol(l, c):
        return len(lines[l-1][:c].encode()) if 1 <= l <= len(lines) else c
    out = []
    for t in tokenize.generate_tokens(io.StringIO(src).readline):
        if t.type in (tokenize.COMMENT, tokenize.NL):
            continue
        if t.type == token.OP:
            name = token.tok_name[t.exact_type]
        elif t.type == token.NAME and (keyword.iskeyword(t.string)):
            name = t.string.upper()
        else:
            name = token.tok_name[t.type]
        if name == "NEWLINE":
            out.append(f"NEWLINE@{t.start[0]}")
        else:
            out.append(f"{name}@{t.start[0]},{bcol(*t.start)}-{t.end[0]},{bcol(*t.end)}")
    print(" ".join(out))
"#;

#[test]
fn tokens_match_tokenize_module() {
    let snippets: &[&str] = &[
        "x = 1\n",
        "x = 1",
        "",
        "\n\n",
        "# only a comment",
        "if x:\n    y = 2\n\n    # c\n  # d\n    z\nw\n",
        "if x:\n\tif y:\n\t\tpass\n",
        "def f(a, *, b=1, **k) -> None: ...\n",
        "x = [1,\n  2,\n\n  3]\ny = {\n}\n",
        "x = 1 + \\\n  2\n",
        "s = '''a\nb''' + r'\\'' + b\"x\" + f'{x!r:>10}' + Rb'' + U'u'\n",
        "a <<= b >>= c **= d //= e -> f := g != h ... . @= ^= |= &= %=\n",
        "n = 0x_ff + 0o17 + 0b1_0 + 1_000 + 1.5e-3 + .5 + 5. + 1j + 1.5J + 0 + 00 + 0.0e0\n",
        "\u{e9}t\u{e9} = '\u{20ac}' ; \u{3c0} = 3.14\n",
        "async def f():\n    await x\n",
        "match x:\n    case _:\n        pass\n",
        "x = 1if y else 2\n",
        "x = 0x1for y in z\n",
        "class A:\n    def f(self):\n        return 1\n# trailing\n",
        "if a:\n    b\n  # comment at odd indent\n    c\n",
        "x = (  # comment\n  1)\n",
        "if x:\n    pass\n    ",
        "s = 'a\\\nb'\n",
        "print(1)\r\nprint(2)\r\n",
    ];
    let Some(expected) = python(TOKEN_SCRIPT, &[], snippets) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    let mut failures = Vec::new();
    for (src, exp) in snippets.iter().zip(&expected) {
        let toks = tokenize(&decode_str_source(src));
        assert!(toks.error.is_none(), "{src:?}: {:?}", toks.error);
        let got: Vec<String> = toks
            .tokens
            .iter()
            .map(|t| {
                let name = format!("{:?}", t.kind).to_uppercase();
                if name == "NEWLINE" {
                    format!("NEWLINE@{}", t.lineno)
                } else {
                    format!(
                        "{name}@{},{}-{},{}",
                        t.lineno, t.col_offset, t.end_lineno, t.end_col_offset
                    )
                }
            })
            .collect();
        let got = got.join(" ");
        if &got != exp {
            failures.push(format!("{src:?}\n  python: {exp}\n  krait:  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        snippets.len(),
        failures.join("\n")
    );
}

const LITERAL_SCRIPT: &str = r#"
import sys, warnings, struct
warnings.simplefilter("ignore")
for a in sys.argv[1:]:
    src = bytes.fromhex(a).decode()
    try:
        v = eval(compile(src, "f", "eval"))
    except SyntaxError as e:
        print("E " + e.msg.encode().hex())
        continue
    if isinstance(v, str):
        print("S " + v.encode("utf-8", "surrogatepass").hex())
    elif isinstance(v, bytes):
        print("B " + v.hex())
    elif isinstance(v, bool):
        print("?")
    elif isinstance(v, int):
        print("I " + str(v))
    elif isinstance(v, float):
        print("F %016x" % struct.unpack("<Q", struct.pack("<d", v))[0])
    elif isinstance(v, complex):
        print("J %016x" % struct.unpack("<Q", struct.pack("<d", v.imag))[0])
"#;

fn text_hex(t: &common::text::Text) -> String {
    // `Text` has no byte accessor of its own yet; compare through Debug of a fresh
    // Text built from the expected bytes instead.
    format!("{t:?}")
}

#[test]
fn literals_match_eval() {
    use syntax::ast::Constant;
    use syntax::literal::{decode_string_body, parse_number, split_string_token, LiteralValue};
    let strings: &[&str] = &[
        r"'plain'",
        r#"'a\nb\tc\\d\'e\"f'"#,
        r"'\a\b\f\v\r\0\7\77\101\777'",
        r"'\x41\x7e\xff'",
        r"'\u00e9\u20ac\U0001f600'",
        r"'\ud800\udc00\udfff'",
        r"'\N{LATIN SMALL LETTER E WITH ACUTE}\N{snowman}\N{BYTE ORDER MARK}\N{LF}'",
        r"'\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}'",
        r"'\d\q\ \8\9'",
        "'a\\\nb'",
        "'''a\nb\\\nc'''",
        "'\u{e9}\\x41\u{20ac}'",
        "'\\\u{e9}'",
        r"r'\n\x4\N{foo}'",
        r"b'\x41\101\n\d\777'",
        r"br'\x4'",
        r"'\x4'",
        r"'\xg0'",
        r"'\u12'",
        r"'\U1234567'",
        r"'\U00110000'",
        r"'\N{foo}'",
        r"'\N{LATIN SMALL LETTER A'",
        r"'\N{}'",
        r"'\N'",
        r"'\N{LATINSMALLLETTERA}'",
        "'\u{e9}\u{e9}\\N{foo}'",
        r"b'\x4'",
        r"b'ab\xZZ'",
        "b'\u{e9}'",
        r"u'\x41'",
    ];
    let numbers: &[&str] = &[
        "0",
        "7",
        "123456789012345678",
        "1234567890123456789",
        "99999999999999999999999999999999",
        "0x_dead_BEEF",
        "0o777",
        "0b1010_1010",
        "0XFFFFFFFFFFFFFFFFFFFFFFFF",
        "1_000_000",
        "00",
        "0_0",
        "1.5",
        "1e10",
        "1E-10",
        ".5",
        "5.",
        "1_0.0_5e+1_0",
        "1e400",
        "2.5e-324",
        "1e-400",
        "0.1",
        "3.141592653589793238462643383279",
        "9007199254740993",
        "9007199254740993.0",
        "1j",
        "1.5J",
        "0j",
        "1e3j",
    ];
    let mut all: Vec<&str> = strings.to_vec();
    all.extend_from_slice(numbers);
    let Some(expected) = python(LITERAL_SCRIPT, &[], &all) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    let mut failures = Vec::new();
    for (i, (src, exp)) in all.iter().zip(&expected).enumerate() {
        let got = if i < strings.len() {
            let parts = split_string_token(src);
            let mut w = Vec::new();
            match decode_string_body(parts.body, parts.prefix.raw, parts.prefix.bytes, &mut w) {
                Err(e) => format!("E {}", hex(&e.msg)),
                Ok(LiteralValue::Bytes(b)) => format!(
                    "B {}",
                    b.iter().map(|b| format!("{b:02x}")).collect::<String>()
                ),
                Ok(LiteralValue::Str(t)) => format!("S {}", text_hex(&t)),
            }
        } else {
            match parse_number(src) {
                Constant::Int(v) => format!("I {v}"),
                Constant::Float(f) => format!("F {:016x}", f.to_bits()),
                Constant::Complex { imag, .. } => format!("J {:016x}", imag.to_bits()),
                other => format!("{other:?}"),
            }
        };
        // Str values: compare the Debug of a Text built from python's bytes.
        let exp_norm = if let Some(h) = exp.strip_prefix("S ") {
            let bytes: Vec<u8> = (0..h.len() / 2)
                .filter_map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok())
                .collect();
            let mut t = common::text::Text::default();
            let mut k = 0;
            while k < bytes.len() {
                // Decode generalized UTF-8 (surrogatepass) code point by code point.
                let b0 = bytes[k] as u32;
                let (cp, n) = if b0 < 0x80 {
                    (b0, 1)
                } else if b0 < 0xE0 {
                    (((b0 & 0x1F) << 6) | (bytes[k + 1] as u32 & 0x3F), 2)
                } else if b0 < 0xF0 {
                    (
                        ((b0 & 0x0F) << 12)
                            | ((bytes[k + 1] as u32 & 0x3F) << 6)
                            | (bytes[k + 2] as u32 & 0x3F),
                        3,
                    )
                } else {
                    (
                        ((b0 & 0x07) << 18)
                            | ((bytes[k + 1] as u32 & 0x3F) << 12)
                            | ((bytes[k + 2] as u32 & 0x3F) << 6)
                            | (bytes[k + 3] as u32 & 0x3F),
                        4,
                    )
                };
                t.push_code_point(cp);
                k += n;
            }
            format!("S {}", text_hex(&t))
        } else {
            exp.clone()
        };
        if got != exp_norm {
            let show = |s: &str| match s.split_once(' ') {
                Some(("E", h)) => format!("E {}", unhex(h)),
                _ => s.to_string(),
            };
            failures.push(format!(
                "{src}\n  python: {}\n  krait:  {}",
                show(&exp_norm),
                show(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

const IDENT_SCRIPT: &str = r#"
import sys
for kind in ("start", "continue"):
    out, start = [], None
    for c in range(0x80, 0x110000):
        ch = chr(c)
        ok = ch.isidentifier() if kind == "start" else ("a" + ch).isidentifier()
        if ok and start is None:
            start = c
        if not ok and start is not None:
            out.append("%x-%x" % (start, c - 1))
            start = None
    if start is not None:
        out.append("%x-%x" % (start, 0x10FFFF))
    print(" ".join(out))
"#;

/// The identifier character classes agree with CPython 3.11's for every non-ASCII code
/// point (CPython uses Unicode 14.0, `unicode-ident` a newer version).
#[test]
fn identifier_characters_match_python() {
    use syntax::tokenizer::{is_identifier_continue, is_identifier_start};
    let Some(expected) = python(IDENT_SCRIPT, &[], &["", ""]) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    for (k, exp) in expected.iter().enumerate() {
        let f: fn(char) -> bool = if k == 0 {
            is_identifier_start
        } else {
            is_identifier_continue
        };
        let mut out = Vec::new();
        let mut start = None;
        for c in 0x80..=0x11_0000u32 {
            let ok = char::from_u32(c).is_some_and(f);
            if ok && start.is_none() {
                start = Some(c);
            }
            if !ok {
                if let Some(s) = start.take() {
                    out.push(format!("{s:x}-{:x}", c - 1));
                }
            }
        }
        let got = out.join(" ");
        if &got != exp {
            let e: Vec<&str> = exp.split(' ').collect();
            let g: Vec<&str> = got.split(' ').collect();
            let diff: Vec<String> = e
                .iter()
                .filter(|r| !g.contains(r))
                .map(|r| format!("python {r}"))
                .chain(
                    g.iter()
                        .filter(|r| !e.contains(r))
                        .map(|r| format!("krait {r}")),
                )
                .take(20)
                .collect();
            panic!(
                "identifier {} ranges differ: {diff:?}",
                if k == 0 { "start" } else { "continue" }
            );
        }
    }
}

const NAMES_SCRIPT: &str = r#"
import sys, unicodedata
out, start = [], None
for c in range(0, 0x110000):
    ok = bool(unicodedata.name(chr(c), ""))
    if ok and start is None:
        start = c
    if not ok and start is not None:
        out.append("%x-%x" % (start, c - 1))
        start = None
if start is not None:
    out.append("%x-%x" % (start, 0x10FFFF))
print(" ".join(out))
"#;

/// `\N{...}` accepts a character's name exactly for the characters CPython 3.11's
/// `unicodedata` names (Unicode 14.0), and finds the character back from its name.
#[test]
fn unicode_names_match_python() {
    use syntax::literal::lookup_unicode_name;
    let Some(expected) = python(NAMES_SCRIPT, &[], &[""]) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    let mut out = Vec::new();
    let mut start = None;
    for c in 0..=0x11_0000u32 {
        let ok = char::from_u32(c).is_some_and(|ch| {
            unicode_names2::name(ch)
                .is_some_and(|n| lookup_unicode_name(&n.to_string()) == Some(ch))
        });
        if ok && start.is_none() {
            start = Some(c);
        }
        if !ok {
            if let Some(s) = start.take() {
                out.push(format!("{s:x}-{:x}", c - 1));
            }
        }
    }
    let expand = |ranges: &str| -> std::collections::BTreeSet<u32> {
        ranges
            .split(' ')
            .filter_map(|r| r.split_once('-'))
            .flat_map(|(a, b)| {
                let a = u32::from_str_radix(a, 16).unwrap_or(1);
                let b = u32::from_str_radix(b, 16).unwrap_or(0);
                a..=b
            })
            .collect()
    };
    let exp = expand(&expected[0]);
    let got = expand(&out.join(" "));
    let missing: Vec<String> = exp
        .difference(&got)
        .take(20)
        .map(|c| format!("{c:X}"))
        .collect();
    let extra: Vec<String> = got
        .difference(&exp)
        .take(20)
        .map(|c| format!("{c:X}"))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "named characters differ: only python {missing:?}; only krait {extra:?}"
    );
}
