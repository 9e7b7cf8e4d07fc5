//! Literal decoding: the value of a NUMBER token, and the value of a STRING token's body,
//! as CPython 3.11's parser computes them (`Parser/string_parser.c`:
//! `decode_unicode_with_escapes`, `decode_bytes_with_escapes`, `_PyPegen_parsestr`;
//! `Parser/pegen.c`: `parsenumber`; `Objects/unicodeobject.c`:
//! `_PyUnicode_DecodeUnicodeEscapeInternal`; `Objects/bytesobject.c`:
//! `_PyBytes_DecodeEscape`).
//!
//! How the parser uses this module for one STRING token:
//! 1. [`split_string_token`] gives the prefix flags, the quote length and the body.
//! 2. For a bytes literal, the parser raises "bytes can only contain ASCII literal
//!    characters" (located on the token) if [`StringParts::body`] is not ASCII;
//!    [`decode_string_body`] also reports it.
//! 3. For anything but an f-string, [`decode_string_body`] gives the value. Its errors
//!    are messages only ([`LiteralError`]); CPython raises them with
//!    `RAISE_SYNTAX_ERROR`, i.e. located on the last token the parser fetched, which
//!    is the token right after the (concatenated) string tokens: `offset` = that
//!    token's column + 1 and `end_offset` = its end column + 1, in characters (e.g.
//!    `print("\x4")` gives offset 12, end 13, on the `)`; at the end of a line the
//!    NEWLINE token, which is empty). "bytes can only contain ASCII literal
//!    characters" is instead located on the bytes token itself.
//! 4. For an f-string, the parser splits the body into literal parts and `{...}`
//!    fields itself and calls [`decode_string_body`] on each literal part (with `{{` /
//!    `}}` already halved), as CPython's `fstring_find_literal` does.

use crate::ast::Constant;
use common::bigint::BigInt;
use common::text::Text;

/// The prefix letters of a string literal (any case, any legal order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StringPrefix {
    /// `r`/`R`: backslashes are kept as they are.
    pub raw: bool,
    /// `b`/`B`: a bytes literal.
    pub bytes: bool,
    /// `f`/`F`: an f-string.
    pub fstring: bool,
    /// `u`/`U`: CPython records it as the constant's `kind='u'`.
    pub unicode: bool,
}

/// A STRING token's text taken apart by [`split_string_token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StringParts<'a> {
    /// The prefix letters.
    pub prefix: StringPrefix,
    /// 1 or 3.
    pub quote_len: usize,
    /// The text between the quotes.
    pub body: &'a str,
    /// Byte offset of `body` in the token text (prefix length + quote length).
    pub body_offset: usize,
}

/// Split a STRING token's text (as the tokenizer delimits it: prefix, opening quotes,
/// body, closing quotes) into its parts. Never panics; on text that is not a string
/// token it returns what it can (an empty body).
pub fn split_string_token(text: &str) -> StringParts<'_> {
    let mut prefix = StringPrefix::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        match c.to_ascii_lowercase() {
            b'r' => prefix.raw = true,
            b'b' => prefix.bytes = true,
            b'f' => prefix.fstring = true,
            b'u' => prefix.unicode = true,
            _ => break,
        }
        i += 1;
    }
    let quote = bytes.get(i).copied().unwrap_or(b'\'');
    let triple = bytes.len() >= i + 6 && bytes.get(i..i + 3) == Some(&[quote, quote, quote][..]);
    let quote_len = if triple { 3 } else { 1 };
    let body_offset = (i + quote_len).min(text.len());
    let body_end = text.len().saturating_sub(quote_len).max(body_offset);
    StringParts {
        prefix,
        quote_len,
        body: text.get(body_offset..body_end).unwrap_or(""),
        body_offset,
    }
}

/// The value of a NUMBER token, as CPython's `parsenumber` computes it: integers of any
/// base (underscores allowed) as `Int`, floats correctly rounded as `Float` (overflow
/// gives `inf`, as `float('1e400')`), imaginary literals as `Complex { real: 0.0, imag }`.
/// The text is assumed to be a NUMBER token; anything else gives `Int(0)` rather than
/// a panic.
pub fn parse_number(text: &str) -> Constant {
    let bytes = text.as_bytes();
    // Fast path: a short plain decimal integer.
    if bytes.len() <= 18 && !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
        let mut v: u64 = 0;
        for &b in bytes {
            v = v * 10 + u64::from(b - b'0');
        }
        return Constant::Int(BigInt::from(v));
    }
    let cleaned: String;
    let s = if text.contains('_') {
        cleaned = text.chars().filter(|&c| c != '_').collect();
        cleaned.as_str()
    } else {
        text
    };
    let lower2 = s.get(..2).map(str::to_ascii_lowercase);
    let radix = match lower2.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 10,
    };
    if radix != 10 {
        return Constant::Int(
            BigInt::from_str_radix(s.get(2..).unwrap_or("0"), radix).unwrap_or_default(),
        );
    }
    if let Some(imag) = s.strip_suffix(['j', 'J']) {
        return Constant::Complex {
            real: 0.0,
            imag: imag.parse().unwrap_or(0.0),
        };
    }
    if s.contains(['.', 'e', 'E']) {
        return Constant::Float(s.parse().unwrap_or(0.0));
    }
    Constant::Int(BigInt::from_str_radix(s, 10).unwrap_or_default())
}

/// The decoded value of a string or bytes literal body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiteralValue {
    /// A `str` literal's value (lone surrogates possible).
    Str(Text),
    /// A `bytes` literal's value.
    Bytes(Vec<u8>),
}

/// A literal that CPython rejects, with CPython's full `SyntaxError` message (e.g.
/// "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated
/// \xXX escape"). The parser locates it (see the module documentation: on the token
/// after the string tokens).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralError {
    /// CPython's complete `SyntaxError` message.
    pub msg: String,
}

/// Decode the body of a string or bytes literal (no prefix, no quotes), as CPython 3.11
/// does: with `raw` the body is taken as it is; otherwise every escape is decoded
/// (`\\`, `\'`, `\"`, `\a \b \f \n \r \t \v`, backslash-newline, `\ooo`, `\xhh`, and for
/// str `\uXXXX`, `\UXXXXXXXX`, `\N{NAME}`); lone surrogates (`\ud800`) are kept.
/// Invalid escapes keep their backslash and add a warning to `warnings` (CPython's
/// `DeprecationWarning` "invalid escape sequence '\d'" / "invalid octal escape sequence
/// '\777'"); only the first one is reported, as in CPython.
///
/// Errors: bytes with non-ASCII characters ("bytes can only contain ASCII literal
/// characters"), and malformed escapes with CPython's "(unicode error) ..." (str) or
/// "(value error) invalid \x escape at position N" (bytes) messages, whose positions
/// count bytes of CPython's intermediate buffer (each non-ASCII character counts 10).
pub fn decode_string_body(
    body: &str,
    raw: bool,
    is_bytes: bool,
    warnings: &mut Vec<String>,
) -> Result<LiteralValue, LiteralError> {
    if is_bytes {
        if !body.is_ascii() {
            return Err(LiteralError {
                msg: "bytes can only contain ASCII literal characters".to_string(),
            });
        }
        if raw || !body.contains('\\') {
            return Ok(LiteralValue::Bytes(body.as_bytes().to_vec()));
        }
        return decode_bytes_escapes(body.as_bytes(), warnings).map(LiteralValue::Bytes);
    }
    if raw || !body.contains('\\') {
        return Ok(LiteralValue::Str(Text::from_str(body)));
    }
    decode_unicode_escapes(body, warnings).map(LiteralValue::Str)
}

fn hex_val(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// `_PyBytes_DecodeEscape` on an ASCII body.
fn decode_bytes_escapes(s: &[u8], warnings: &mut Vec<String>) -> Result<Vec<u8>, LiteralError> {
    let mut out = Vec::with_capacity(s.len());
    let mut first_invalid: Option<String> = None;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = s.get(i) else {
            return Err(LiteralError {
                msg: "(value error) Trailing \\ in string".to_string(),
            });
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match s.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 && first_invalid.is_none() {
                    let txt = String::from_utf8_lossy(&s[start + 1..i]).into_owned();
                    first_invalid = Some(format!("invalid octal escape sequence '\\{txt}'"));
                }
                out.push(v as u8);
            }
            b'x' => {
                match (
                    s.get(i).and_then(|&c| hex_val(c)),
                    s.get(i + 1).and_then(|&c| hex_val(c)),
                ) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(LiteralError {
                            msg: format!("(value error) invalid \\x escape at position {start}"),
                        })
                    }
                }
            }
            other => {
                if first_invalid.is_none() {
                    first_invalid = Some(format!("invalid escape sequence '\\{}'", other as char));
                }
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    if let Some(w) = first_invalid {
        warnings.push(w);
    }
    Ok(out)
}

/// `decode_unicode_with_escapes` + `_PyUnicode_DecodeUnicodeEscapeInternal`. Positions
/// in error messages are computed in CPython's intermediate buffer, where a backslash
/// before a non-ASCII character (or at the end) becomes `\u005c` and each non-ASCII
/// character becomes `\UXXXXXXXX` (10 bytes).
fn decode_unicode_escapes(body: &str, warnings: &mut Vec<String>) -> Result<Text, LiteralError> {
    let mut out = Text::default();
    let mut first_invalid: Option<String> = None;
    let s = body.as_bytes();
    // `i` indexes `body`; `bpos` is the matching position in CPython's buffer.
    let mut i = 0;
    let mut bpos = 0usize;
    let err = |start: usize, end: usize, what: &str| LiteralError {
        msg: format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
            start,
            end - 1,
            what
        ),
    };
    while i < s.len() {
        let c = s[i];
        if c >= 0x80 {
            let ch = body[i..].chars().next().unwrap_or('\u{FFFD}');
            out.push_char(ch);
            i += ch.len_utf8();
            bpos += 10;
            continue;
        }
        if c != b'\\' {
            out.push_char(c as char);
            i += 1;
            bpos += 1;
            continue;
        }
        let start = bpos;
        // A backslash before a non-ASCII character or at the end stays a backslash.
        match s.get(i + 1) {
            None => {
                out.push_char('\\');
                i += 1;
                bpos += 6;
                continue;
            }
            Some(&n) if n >= 0x80 => {
                out.push_char('\\');
                i += 1;
                bpos += 6;
                continue;
            }
            _ => {}
        }
        let e = s[i + 1];
        i += 2;
        bpos += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push_char('\\'),
            b'\'' => out.push_char('\''),
            b'"' => out.push_char('"'),
            b'b' => out.push_char('\u{8}'),
            b'f' => out.push_char('\u{c}'),
            b't' => out.push_char('\t'),
            b'n' => out.push_char('\n'),
            b'r' => out.push_char('\r'),
            b'v' => out.push_char('\u{b}'),
            b'a' => out.push_char('\u{7}'),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let digits_start = i - 1;
                for _ in 0..2 {
                    match s.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                            bpos += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(format!(
                        "invalid octal escape sequence '\\{}'",
                        &body[digits_start..i]
                    ));
                }
                out.push_code_point(v);
            }
            b'x' | b'u' | b'U' => {
                let (count, what) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..count {
                    match s.get(i).and_then(|&c| hex_val(c)) {
                        Some(h) => {
                            v = (v << 4) | h;
                            i += 1;
                            bpos += 1;
                        }
                        None => return Err(err(start, bpos, what)),
                    }
                }
                if v > 0x10FFFF {
                    return Err(err(start, bpos, "illegal Unicode character"));
                }
                out.push_code_point(v);
            }
            b'N' => {
                let malformed = "malformed \\N character escape";
                if s.get(i) != Some(&b'{') {
                    return Err(err(start, bpos, malformed));
                }
                i += 1;
                bpos += 1;
                let name_start = i;
                let name_bpos = bpos;
                // Find the closing brace; non-ASCII characters count 10 in the buffer.
                let close = body[i..].find('}').map(|p| i + p);
                let Some(close) = close else {
                    let rest = &body[i..];
                    let len: usize = rest
                        .chars()
                        .map(|c| if c.is_ascii() { 1 } else { 10 })
                        .sum();
                    return Err(err(start, name_bpos + len, malformed));
                };
                let name = &body[name_start..close];
                let name_len: usize = name
                    .chars()
                    .map(|c| if c.is_ascii() { 1 } else { 10 })
                    .sum();
                if name.is_empty() {
                    return Err(err(start, bpos, malformed));
                }
                i = close + 1;
                bpos = name_bpos + name_len + 1;
                match lookup_unicode_name(name) {
                    Some(ch) => out.push_char(ch),
                    None => return Err(err(start, bpos, "unknown Unicode character name")),
                }
            }
            other => {
                if first_invalid.is_none() {
                    first_invalid = Some(format!("invalid escape sequence '\\{}'", other as char));
                }
                out.push_char('\\');
                out.push_char(other as char);
            }
        }
    }
    if let Some(w) = first_invalid {
        warnings.push(w);
    }
    Ok(out)
}

/// The character named `name` in `\N{...}`: CPython's `unicodedata` lookup, which is
/// case-insensitive and accepts the formal aliases but not named sequences nor the
/// "loose matching" of UAX #44 (`unicode_names2` does loose matching, so the result
/// is checked against the exact name).
pub fn lookup_unicode_name(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    let ok_chars = upper
        .bytes()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b' ' || c == b'-');
    let first_ok = upper
        .bytes()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !ok_chars || !first_ok || upper.ends_with(' ') || upper.contains("  ") || upper.len() > 100 {
        return None;
    }
    let ch = unicode_names2::character(&upper)?;
    // The crate knows a newer Unicode than CPython 3.11's 14.0.
    if crate::tokenizer::is_unassigned_in_python(ch) {
        return None;
    }
    match unicode_names2::name(ch).map(|n| n.to_string()) {
        Some(real) if real == upper => Some(ch),
        // A loose spelling of the real name ("LATINSMALLLETTERA"): CPython rejects it.
        Some(real) if squash(&real) == squash(&upper) => None,
        // A formal alias ("NEW LINE", "BYTE ORDER MARK"); the crate matches aliases
        // loosely, so a loose spelling of an alias is accepted here (CPython would not).
        _ => Some(ch),
    }
}

/// A name with spaces and hyphens removed, for comparing spellings.
fn squash(s: &str) -> String {
    s.chars().filter(|&c| c != ' ' && c != '-').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> Result<Text, String> {
        let mut w = Vec::new();
        match decode_string_body(body, false, false, &mut w) {
            Ok(LiteralValue::Str(t)) => Ok(t),
            Ok(LiteralValue::Bytes(_)) => Err("bytes".into()),
            Err(e) => Err(e.msg),
        }
    }

    fn b(body: &str) -> Result<Vec<u8>, String> {
        let mut w = Vec::new();
        match decode_string_body(body, false, true, &mut w) {
            Ok(LiteralValue::Bytes(v)) => Ok(v),
            Ok(LiteralValue::Str(_)) => Err("str".into()),
            Err(e) => Err(e.msg),
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("0"), Constant::Int(BigInt::from(0u8)));
        assert_eq!(parse_number("1_000"), Constant::Int(BigInt::from(1000u32)));
        assert_eq!(parse_number("0xff"), Constant::Int(BigInt::from(255u32)));
        assert_eq!(parse_number("0O17"), Constant::Int(BigInt::from(15u32)));
        assert_eq!(parse_number("0b1_01"), Constant::Int(BigInt::from(5u32)));
        assert_eq!(
            parse_number("123456789012345678901234567890"),
            Constant::Int(BigInt::from_str_radix("123456789012345678901234567890", 10).unwrap())
        );
        assert_eq!(parse_number("1.5"), Constant::Float(1.5));
        assert_eq!(parse_number("1e3"), Constant::Float(1000.0));
        assert_eq!(parse_number(".5"), Constant::Float(0.5));
        assert_eq!(parse_number("1e400"), Constant::Float(f64::INFINITY));
        assert_eq!(parse_number("0.1"), Constant::Float(0.1));
        assert_eq!(
            parse_number("1j"),
            Constant::Complex {
                real: 0.0,
                imag: 1.0
            }
        );
        assert_eq!(
            parse_number("1.5J"),
            Constant::Complex {
                real: 0.0,
                imag: 1.5
            }
        );
        assert_eq!(parse_number("00"), Constant::Int(BigInt::from(0u8)));
        assert_eq!(parse_number("1_0.0_1e1_0"), Constant::Float(10.01e10));
    }

    #[test]
    fn split() {
        let p = split_string_token("rB'''a'b'''");
        assert!(p.prefix.raw && p.prefix.bytes && !p.prefix.fstring);
        assert_eq!((p.quote_len, p.body, p.body_offset), (3, "a'b", 5));
        let p = split_string_token("''");
        assert_eq!((p.quote_len, p.body), (1, ""));
        let p = split_string_token("\"\"\"\"\"\"");
        assert_eq!((p.quote_len, p.body), (3, ""));
        let p = split_string_token("F\"x\"");
        assert!(p.prefix.fstring);
        assert_eq!(p.body, "x");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            s(r"a\n\t\\\'\x41\101\u00e9\U0001F600").unwrap(),
            Text::from_str("a\n\t\\'AA\u{e9}\u{1F600}")
        );
        assert_eq!(s("a\\\nb").unwrap(), Text::from_str("ab"));
        assert_eq!(s(r"\d").unwrap(), Text::from_str("\\d"));
        assert_eq!(
            s(r"\N{latin small letter a}\N{BLACK STAR}").unwrap(),
            Text::from_str("a\u{2605}")
        );
        assert_eq!(
            s(r"\N{NEW LINE}\N{LINE FEED}").unwrap(),
            Text::from_str("\n\n")
        );
        let mut sur = Text::default();
        sur.push_code_point(0xD800);
        assert_eq!(s(r"\ud800").unwrap(), sur);
        assert_eq!(s("\\é").unwrap(), Text::from_str("\\é"));
        assert_eq!(s(r"\777").unwrap(), Text::from_str("\u{1ff}"));
    }

    #[test]
    fn escape_warnings() {
        let mut w = Vec::new();
        decode_string_body(r"\d\q", false, false, &mut w).unwrap();
        assert_eq!(w, vec!["invalid escape sequence '\\d'".to_string()]);
        let mut w = Vec::new();
        decode_string_body(r"\777", false, true, &mut w).unwrap();
        assert_eq!(w, vec!["invalid octal escape sequence '\\777'".to_string()]);
    }

    #[test]
    fn escape_errors() {
        let u = "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
        assert_eq!(
            s(r"\x4").unwrap_err(),
            format!("{u}0-2: truncated \\xXX escape")
        );
        assert_eq!(
            s(r"\x").unwrap_err(),
            format!("{u}0-1: truncated \\xXX escape")
        );
        assert_eq!(
            s(r"\u004x").unwrap_err(),
            format!("{u}0-4: truncated \\uXXXX escape")
        );
        assert_eq!(
            s(r"\U0011ffff").unwrap_err(),
            format!("{u}0-9: illegal Unicode character")
        );
        assert_eq!(
            s(r"\N{foo}").unwrap_err(),
            format!("{u}0-6: unknown Unicode character name")
        );
        assert_eq!(
            s(r"\N{foo").unwrap_err(),
            format!("{u}0-5: malformed \\N character escape")
        );
        assert_eq!(
            s(r"\N").unwrap_err(),
            format!("{u}0-1: malformed \\N character escape")
        );
        assert_eq!(
            s(r"\N{LATINSMALLLETTERA}").unwrap_err(),
            format!("{u}0-20: unknown Unicode character name")
        );
        assert_eq!(
            s(r"\N{DIGIT ONE}\x4").unwrap_err(),
            format!("{u}13-15: truncated \\xXX escape")
        );
        assert_eq!(
            s("é\\x4").unwrap_err(),
            format!("{u}10-12: truncated \\xXX escape")
        );
    }

    #[test]
    fn bytes_literals() {
        assert_eq!(b(r"a\x41\101\n\d").unwrap(), b"aAA\n\\d".to_vec());
        assert_eq!(b(r"\N{x}").unwrap(), b"\\N{x}".to_vec());
        assert_eq!(b(r"\777").unwrap(), vec![0xFF]);
        assert_eq!(
            b("é").unwrap_err(),
            "bytes can only contain ASCII literal characters"
        );
        assert_eq!(
            b(r"ab\x4").unwrap_err(),
            "(value error) invalid \\x escape at position 2"
        );
        let mut w = Vec::new();
        assert_eq!(
            decode_string_body(r"\x4", true, true, &mut w).unwrap(),
            LiteralValue::Bytes(b"\\x4".to_vec())
        );
    }
}
