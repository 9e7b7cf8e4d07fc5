//! Robustness: random inputs built from the characters that matter to the tokenizer
//! and the literal decoders must never panic, and token positions must stay consistent
//! (in order, inside the source, on character boundaries, lines and columns agreeing
//! with the byte offsets).

use syntax::literal::{decode_string_body, parse_number, split_string_token};
use syntax::source::decode_source;
use syntax::token::TokenKind;
use syntax::tokenizer::tokenize;

const PIECES: &[&str] = &[
    " ",
    "  ",
    "\t",
    "\x0c",
    "\n",
    "\r",
    "\r\n",
    "\\",
    "\\\n",
    "#",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "0",
    "1",
    "9",
    "0x",
    "0o",
    "0b",
    "_",
    ".",
    "e",
    "j",
    "x",
    "if",
    "else",
    "rb",
    "f",
    "u",
    "N{",
    "\u{e9}",
    "\u{20ac}",
    "\u{a0}",
    "\u{1f600}",
    "$",
    "!",
    "=",
    "*",
    "<",
    ">",
    "-",
    ":",
    ";",
    "\0",
    "\u{200b}",
    "\\x",
    "\\u",
    "\\U",
    "\\N",
    "\\8",
    "}",
    "a",
    "Z",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn random_inputs_do_not_panic() {
    let mut rng = Lcg(0x5eed);
    for _ in 0..30_000 {
        let n = rng.next() % 24;
        let mut src = String::new();
        for _ in 0..n {
            src.push_str(PIECES[rng.next() % PIECES.len()]);
        }
        let _ = decode_source(src.as_bytes());
        let toks = tokenize(&src);
        let mut last_start = 0;
        for t in &toks.tokens {
            assert!(
                t.start <= t.end && (t.end as usize) <= src.len(),
                "{src:?}: {t:?}"
            );
            assert!(
                src.is_char_boundary(t.start as usize) && src.is_char_boundary(t.end as usize),
                "{src:?}"
            );
            assert!(
                t.start >= last_start || t.kind == TokenKind::Indent,
                "{src:?}: {t:?}"
            );
            assert!(t.lineno <= t.end_lineno, "{src:?}: {t:?}");
            last_start = t.start;
            let text = &src[t.start as usize..t.end as usize];
            match t.kind {
                TokenKind::String => {
                    let p = split_string_token(text);
                    let mut w = Vec::new();
                    let _ = decode_string_body(p.body, p.prefix.raw, p.prefix.bytes, &mut w);
                }
                TokenKind::Number => {
                    let _ = parse_number(text);
                }
                _ => {}
            }
        }
        if toks.error.is_none() {
            assert_eq!(
                toks.tokens.last().map(|t| t.kind),
                Some(TokenKind::EndMarker),
                "{src:?}"
            );
        }
        // Random bodies straight into the decoders.
        let mut w = Vec::new();
        let _ = decode_string_body(&src, false, false, &mut w);
        let _ = decode_string_body(&src, false, true, &mut w);
        let _ = parse_number(&src);
        let _ = split_string_token(&src);
    }
}

#[test]
fn random_bytes_do_not_panic_the_decoder() {
    const BYTES: &[u8] =
        b"\xff\xc3\xa9\xe2\x82\xac\xed\xa0\x80\xef\xbb\xbf\x80\r\n#'\"\\ x=coding:latin-1utf8";
    let mut rng = Lcg(42);
    for _ in 0..30_000 {
        let n = rng.next() % 40;
        const PREFIXES: &[&[u8]] = &[
            b"",
            b"# coding: latin-1\n",
            b"# coding: utf8\n",
            b"\xef\xbb\xbf",
            b"\n# vim: set fileencoding=cp1252 :\n",
            b"#coding=koi8-r\n",
            b"# coding: ascii\n",
        ];
        let mut bytes = PREFIXES[rng.next() % PREFIXES.len()].to_vec();
        bytes.extend((0..n).map(|_| BYTES[rng.next() % BYTES.len()]));
        if let Ok(text) = decode_source(&bytes) {
            let _ = tokenize(&text);
        }
    }
}
