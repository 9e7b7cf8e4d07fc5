//! Unit tests of the tokenizer. The differential tests against python3 are in
//! `tests/differential.rs`; these pin behaviour checked by hand against CPython 3.11.7.

use super::*;
use crate::token::TokenKind as K;

fn kinds(src: &str) -> Vec<K> {
    let t = tokenize(src);
    assert!(t.error.is_none(), "{src:?}: {:?}", t.error);
    t.tokens.iter().map(|t| t.kind).collect()
}

fn error(
    src: &str,
) -> (
    SyntaxErrorType,
    String,
    Option<i32>,
    Option<i32>,
    Option<i32>,
) {
    let e = tokenize(src).error.expect("an error");
    (e.error_type, e.msg, e.lineno, e.offset, e.end_offset)
}

#[test]
fn simple_statement() {
    assert_eq!(
        kinds("x = 1\n"),
        vec![K::Name, K::Equal, K::Number, K::Newline, K::EndMarker]
    );
    // No trailing newline: CPython appends one.
    assert_eq!(kinds("x"), vec![K::Name, K::Newline, K::EndMarker]);
    assert_eq!(kinds(""), vec![K::EndMarker]);
}

#[test]
fn keywords_and_soft_keywords() {
    assert_eq!(
        kinds("if match _ async await None"),
        vec![
            K::If,
            K::Name,
            K::Name,
            K::Async,
            K::Await,
            K::None,
            K::Newline,
            K::EndMarker
        ]
    );
}

#[test]
fn indentation_and_form_feed() {
    assert_eq!(
        kinds("if x:\n  y\n\n  # c\nz\n"),
        vec![
            K::If,
            K::Name,
            K::Colon,
            K::Newline,
            K::Indent,
            K::Name,
            K::Newline,
            K::Dedent,
            K::Name,
            K::Newline,
            K::EndMarker
        ]
    );
    // Form feed resets the column (ast gives col 5 for x).
    let t = tokenize("if 1:\n  \x0c  x\n");
    let x = t.tokens.iter().find(|t| t.kind == K::Name).unwrap();
    assert_eq!((x.lineno, x.col_offset, x.end_col_offset), (2, 5, 6));
    // Final DEDENTs are synthesized at the end.
    assert_eq!(
        kinds("if x:\n  if y:\n    z")
            .iter()
            .filter(|k| **k == K::Dedent)
            .count(),
        2
    );
}

#[test]
fn newline_token_positions_follow_the_c_tokenizer() {
    // compile('x = # c\n') reports invalid syntax at offset 5, end offset 8: the NEWLINE
    // token starts at the comment and leaves the newline out.
    let t = tokenize("x = # c\n");
    let nl = t.tokens[2];
    assert_eq!(
        (nl.kind, nl.col_offset, nl.end_col_offset),
        (K::Newline, 4, 7)
    );
}

#[test]
fn brackets_join_lines() {
    assert_eq!(
        kinds("(1,\n 2)\n"),
        vec![
            K::Lpar,
            K::Number,
            K::Comma,
            K::Number,
            K::Rpar,
            K::Newline,
            K::EndMarker
        ]
    );
}

#[test]
fn operators() {
    assert_eq!(
        kinds("**= //= ... -> := <>"),
        vec![
            K::DoubleStarEqual,
            K::DoubleSlashEqual,
            K::Ellipsis,
            K::Rarrow,
            K::ColonEqual,
            K::NotEqual,
            K::Newline,
            K::EndMarker
        ]
    );
    assert_eq!(
        kinds("a..b"),
        vec![K::Name, K::Dot, K::Dot, K::Name, K::Newline, K::EndMarker]
    );
}

#[test]
fn numbers_followed_by_keywords_warn() {
    let t = tokenize("x = 1if y else 2\n");
    assert!(t.error.is_none());
    assert_eq!(
        t.warnings,
        vec![TokenizerWarning {
            msg: "invalid decimal literal".into(),
            lineno: 1
        }]
    );
    assert_eq!(
        kinds("0x1for"),
        vec![K::Number, K::Or, K::Newline, K::EndMarker]
    );
}

#[test]
fn number_errors() {
    assert_eq!(
        error("0o8"),
        (
            SyntaxErrorType::SyntaxError,
            "invalid digit '8' in octal literal".into(),
            Some(1),
            Some(3),
            Some(3)
        )
    );
    assert_eq!(error("012").1, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    assert_eq!(error("1_").1, "invalid decimal literal");
    assert_eq!(error("1.5j_").1, "invalid imaginary literal");
}

#[test]
fn strings() {
    assert_eq!(
        kinds("rb'a' F\"b\" '''c\nd''' u''"),
        vec![
            K::String,
            K::String,
            K::String,
            K::String,
            K::Newline,
            K::EndMarker
        ]
    );
    assert_eq!(
        error("'abc").1,
        "unterminated string literal (detected at line 1)"
    );
    assert_eq!(
        error("'''abc\n\n").1,
        "unterminated triple-quoted string literal (detected at line 2)"
    );
    // "ur" is not a prefix: a name then a string.
    assert_eq!(
        kinds("ur'x'"),
        vec![K::Name, K::String, K::Newline, K::EndMarker]
    );
}

#[test]
fn bracket_errors() {
    assert_eq!(error(")").1, "unmatched ')'");
    assert_eq!(
        error("(]").1,
        "closing parenthesis ']' does not match opening parenthesis '('"
    );
    let t = tokenize("x = (1,\n");
    assert_eq!(t.error_timing, ErrorTiming::Deferred);
    assert_eq!(t.error.unwrap().msg, "'(' was never closed");
    assert_eq!(
        t.open_brackets,
        vec![OpenBracket {
            ch: '(',
            lineno: 1,
            col: 4
        }]
    );
    let deep = "(".repeat(201);
    assert_eq!(error(&deep).1, "too many nested parentheses");
    assert_eq!(error(&"(".repeat(200)).1, "'(' was never closed");
}

#[test]
fn full_source_check_after_generic_error() {
    // compile("(\n  $\n") says "'(' was never closed" (line 1), not invalid syntax.
    let src = "(\n  $\n\t";
    let t = tokenize(src);
    assert_eq!(t.error.as_ref().unwrap().msg, "invalid syntax");
    assert_eq!(
        t.full_source_check(src, 2).unwrap().msg,
        "'(' was never closed"
    );
    // compile("x $ 1_") says "invalid decimal literal": the error after the stray '$'.
    let src = "x $ 1_";
    let t = tokenize(src);
    assert_eq!(t.error.as_ref().unwrap().msg, "invalid syntax");
    assert_eq!(
        t.full_source_check(src, 1).unwrap().msg,
        "invalid decimal literal"
    );
    assert!(tokenize("x = 1 2\n")
        .full_source_check("x = 1 2\n", 1)
        .is_none());
}

#[test]
fn indentation_errors() {
    assert_eq!(
        error("if x:\n  y\n z\n").0,
        SyntaxErrorType::IndentationError
    );
    assert_eq!(
        error("if x:\n\ty\n        z\n").0,
        SyntaxErrorType::TabError
    );
    let mut src = String::new();
    for i in 0..100 {
        src.push_str(&" ".repeat(i));
        src.push_str("if 1:\n");
    }
    let ok = format!("{src}{}pass\n", " ".repeat(99));
    assert!(tokenize(&ok).error.is_none());
    src.push_str(&" ".repeat(100));
    src.push_str("pass\n");
    // compile() gives line 101, offset 1, end offset 0.
    assert_eq!(
        error(&src),
        (
            SyntaxErrorType::IndentationError,
            "too many levels of indentation".into(),
            Some(101),
            Some(1),
            Some(0)
        )
    );
}

#[test]
fn identifiers() {
    assert_eq!(
        kinds("\u{e9}t\u{e9} \u{2118}x"),
        vec![K::Name, K::Name, K::Newline, K::EndMarker]
    );
    assert_eq!(
        error("x = \u{20ac}").1,
        "invalid character '\u{20ac}' (U+20AC)"
    );
    assert_eq!(
        error("x = \u{a0}").1,
        "invalid non-printable character U+00A0"
    );
    assert!(is_printable('\u{e9}') && !is_printable('\u{200b}') && !is_printable('\u{e000}'));
}

#[test]
fn null_bytes_and_no_panics() {
    assert_eq!(
        error("x\0").1,
        "source code string cannot contain null bytes"
    );
    // A few nasty inputs must not panic.
    for src in [
        "\\",
        "(\\",
        "'\\",
        "0x_",
        "1e-",
        "\u{e9}\\\n",
        "\t\x0c\\\n\\\n",
        "if 1:\n \\\n",
        "0b",
        "f'",
        "\"\"\"",
        ".",
        "..",
        "\r",
    ] {
        let _ = tokenize(src);
    }
}
