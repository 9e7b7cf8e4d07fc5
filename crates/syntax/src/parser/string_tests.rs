//! `strings` and f-strings against python3: every snippet's AST dump (with positions)
//! or error (type, message, position, text) must be CPython 3.11's.

use std::process::Command;

use super::super::{parse_tokenized, Mode};
use crate::dump::dump;
use crate::parser::test_support::{error_line, python_results};
use crate::tokenizer::tokenize;

fn ours(src: &str) -> String {
    let src = &crate::source::decode_str_source(src);
    let toks = tokenize(src);
    match parse_tokenized(src, "<unknown>", toks, Mode::Eval) {
        Ok(m) => dump(&m),
        Err(e) => error_line(&e, true),
    }
}

fn check(snippets: &[&str]) {
    let snippets: Vec<String> = snippets.iter().map(|s| format!("{s}\n")).collect();
    let snippets: Vec<&str> = snippets.iter().map(String::as_str).collect();
    let snippets = &snippets[..];
    let expected = python_results(snippets, "eval", true);
    let mut failures = Vec::new();
    for (src, want) in snippets.iter().zip(&expected) {
        let got = ours(src);
        if &got != want {
            failures.push(format!("{src:?}\n  python: {want}\n  krait:  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn plain_concatenation() {
    check(&[
        "'a'",
        "'a' 'b'",
        "('a'\n 'b'\n  'c')",
        "u'a' 'b'",
        "'a' u'b'",
        "U'a'",
        "b'a' b'b'",
        "b'\\x41' rb'\\x'",
        "''",
        "'' ''",
        "'\\n\\t\\x41\\u00e9\\N{BULLET}'",
        "'é' \"ü\"",
        "'''a\nb'''",
        "r'\\d'",
    ]);
}

#[test]
fn literal_errors() {
    check(&[
        "b'a' 'b'",
        "'a' b'b'",
        "f'{x}' b'a'",
        "b'é'",
        "(b'a'\n  b'é')",
        "'\\x4'",
        "('a'\n  '\\x4' 'b')",
        "('a'\n  f'\\x4{x}' 'b')",
        "b'\\x4'",
        "'\\N{NOPE}'",
    ]);
}

#[test]
fn fstring_fields() {
    check(&[
        "f''",
        "f'a'",
        "f'{x}'",
        "f'a{x}b{y}c'",
        "'a' f'{x}' 'b'",
        "f'{x}' f'{y}'",
        "f'{x!r}'",
        "f'{x!s:>10}'",
        "f'{x:}'",
        "f'{x:a{y}b}'",
        "('a'\n f'{x:a{y}b}')",
        "f'{x:a{y}b}' 'zz'",
        "u'a' f'{x:b{y}c}'",
        "f'{x}{x}'",
        "f'{x} {y} {x}'",
        "f'{ x }'",
        "f'{x,y}'",
        "f'{(x,y)}'",
        "f'{x.y + 1}'",
        "f'{{x}} {x}'",
        "f'{{'",
        "f'}}'",
        "f'{x:{{y}}}'",
        "f'{a:}}}'",
        "f'\\{x}'",
        "f'\\\\{x}'",
        "f'\\N{BULLET}{x}'",
        "rf'\\n{x}'",
        "f'{f\"{y}\"}'",
        "f'''{f\"{y}\"}'''",
        "f'é{x}'",
        "f'{\"é\"}{x}'",
        "(1,\n  f'{x}')",
    ]);
}

#[test]
fn self_documenting() {
    check(&[
        "f'{x=}'",
        "f'{ x = }'",
        "f'{x=!s}'",
        "f'{x=:>3}'",
        "f'a{x=}b'",
        "f'{x=}{x=}'",
    ]);
}

#[test]
fn multiline() {
    check(&[
        "f'''{x}\n{y}'''",
        "f'''\n  {x}'''",
        "f'''{\nx}'''",
        "f'''{\n  x}'''",
        "f'''{ \n x + y}'''",
        "f'''a\n{x\n+ y}'''",
        "(1,\n  f'''a\n  {x}''')",
        "(1,\n  f'''{x\n}''')",
        "f'''{x}\n''' f'{y}'",
    ]);
}

#[test]
fn fstring_errors() {
    check(&[
        "f'{}'",
        "f'{ }'",
        "f'}'",
        "f'{x!z}'",
        "f'{x'",
        "f'{x:{y:{z}}}'",
        "f'{#}'",
        "f'{\\n}'",
        "f'{(}'",
        "f'{)}'",
        "f'{x!}'",
        "f'{a!r=}'",
        "f'{!r}'",
        "f'{=}'",
        "f'{:}'",
        "f'{a=b}'",
        "f'{a:{b}}}'",
        "f'{a}}'",
        "f'{\"a}'",
        "f'{x:{}}'",
        "f'{x!r:a{b!z}}'",
        "(1,\n f'{x'",
    ]);
}

#[test]
fn nested() {
    check(&[
        "f'{f\"{x}\"}'",
        "f'{f\"{x:{y}}\"!r:>{w}}'",
        "(1,\n  f'''{f\"a{x}\"}\n{y}''')",
        "(1,\n  f'''a\n {f\"a{x}\" + f\"{y}\"}''')",
        "f'{f\"{x!z}\"}'",
        "f'{f\"{a b}\"}'",
        "f'{\"a\" b\"b\"}'",
        "f'{\"\\N\"}'",
        "f'{\"\\x4\"}'",
    ]);
}

/// CPython reports negative offsets for errors on the later lines of a field spanning
/// lines (its columns are relative to the field's first line); so do we.
#[test]
fn negative_offsets_as_cpython() {
    assert_eq!(
        ours("f'''{a\n +}'''\n"),
        "SyntaxError|f-string: invalid syntax|2|-1|2|0|' +)\\n'"
    );
    assert_eq!(
        ours("f'''{a\n b c}'''\n"),
        "SyntaxError|f-string: invalid syntax. Perhaps you forgot a comma?|1|2|2|-1|'(a'"
    );
}

#[test]
fn sub_parser_errors() {
    check(&[
        "f'{a b}'",
        "(1,\n  f'{a b}')",
        "f'{ a b}'",
        "f'{ä b}'",
        "f'{1+}'",
        "f'{a $ b}'",
        "f'{1_}'",
        "f'{0x}'",
        "f'''\n{a\n b c}'''",
        "f'{a b c}' f'{x'",
        "f'{x}' f'{a b}'",
    ]);
}

/// Random f-strings (seeded) against python3, for the splitter's own errors and
/// values. Run with `cargo test -p syntax --lib fuzz -- --ignored`.
#[test]
#[ignore]
fn fuzz_splitter() {
    const GEN: &str = r#"
import random, sys
random.seed(int(sys.argv[1]))
chars = ['x', 'x', 'y', '{', '{', '}', '}', '!', 'r', 's', 'z', ':', '=', '"', '\\', ' ', '(', ')', '#', 'N', '<', '>', 'a', '.', '+', '\n']
words = ['x', 'y', '1', '(', ')', '[', ']', '{', '}', '{', '}', '!r', '!s', ':', '=', '==', '!=', '<', '>', ' ', ',', "'a'", '"b"', 'f"{z}"', 'lambda', '.', '*', '\n', '\\n', ':=', ' if ', ' else ', ' for ', ' in ', '{x}', '{y!r:>{w}}', '{{', '}}', 'x=']
out = []
for i in range(4000):
    alpha = chars if i % 2 else words
    body = ''.join(random.choice(alpha) for _ in range(random.randint(1, 9)))
    q = random.choice(["'", "'''"])
    if body.endswith('\\') or (q == "'" and '\n' in body) or q in body: continue
    out.append(random.choice(['f', 'rf', 'F', 'f']) + q + body + q)
sys.stdout.write('\0'.join(out))
"#;
    let seed = std::env::var("FUZZ_SEED").unwrap_or_else(|_| "1".to_string());
    let out = Command::new("python3")
        .args(["-c", GEN, &seed])
        .output()
        .expect("python3");
    let text = String::from_utf8(out.stdout).unwrap();
    let snippets: Vec<&str> = text.split('\0').collect();
    let snippets: Vec<String> = snippets.iter().map(|s| format!("{s}\n")).collect();
    let snippets: Vec<&str> = snippets.iter().map(String::as_str).collect();
    let expected = python_results(&snippets, "eval", true);
    let mut failures = Vec::new();
    for (src, want) in snippets.iter().zip(&expected) {
        let mut got = ours(src);
        let mut want = want.clone();
        if src.trim_end().contains('\n') {
            // CPython quotes every line of a multi-line token as the text of an error
            // raised just after it; that is the main parser's business, not the splitter's.
            got = got
                .rsplit_once('|')
                .map_or(got.clone(), |(a, _)| a.to_string());
            want = want
                .rsplit_once('|')
                .map_or(want.clone(), |(a, _)| a.to_string());
        }
        if got != want {
            failures.push(format!("{src:?}\n  python: {want}\n  krait:  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures[..failures.len().min(15)].join("\n")
    );
}

/// Every string expression of a corpus (snippets separated by NUL, each parsed in
/// `eval` mode) against python3: `STRINGS_CORPUS=/path cargo test -p syntax --lib
/// corpus -- --ignored`.
#[test]
#[ignore]
fn corpus() {
    let Ok(path) = std::env::var("STRINGS_CORPUS") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let snippets: Vec<&str> = text.split('\0').collect();
    let mut failures = Vec::new();
    for chunk in snippets.chunks(5000) {
        let expected = python_results(chunk, "eval", true);
        for (src, want) in chunk.iter().zip(&expected) {
            let got = ours(src);
            if &got != want {
                failures.push(format!("{src:?}\n  python: {want}\n  krait:  {got}"));
            }
        }
    }
    eprintln!("{} snippets, {} mismatches", snippets.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}
