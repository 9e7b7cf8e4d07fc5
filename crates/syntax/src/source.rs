//! Source decoding: the bytes of a Python file to the text the tokenizer reads, as
//! CPython 3.11 does it for `compile(bytes, ...)` / `ast.parse(bytes)`
//! (`Parser/tokenizer.c`: `decode_str`, `check_bom`, `check_coding_spec`,
//! `get_normal_name`, `translate_newlines`).
//!
//! * A UTF-8 BOM is dropped; it then forbids any coding cookie but a UTF-8 one.
//! * A PEP 263 cookie (`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`) is looked for on line 1,
//!   and on line 2 only if line 1 holds nothing but whitespace and a comment.
//! * Cookie names are normalized as `get_normal_name` does (`utf-8`, `utf_8-unix` →
//!   `utf-8`; `latin-1`, `iso-8859-1`, `iso-latin-1` and their `-suffix` variants →
//!   `iso-8859-1`), then looked up like Python's codec registry would for the
//!   encodings supported here: UTF-8, Latin-1, ASCII, cp1252 and other single-byte
//!   encodings through `encoding_rs` (Python's Latin-1 is decoded by hand: WHATWG's
//!   "latin1" label means windows-1252).
//! * Newlines are translated (`\r\n` and lone `\r` become `\n`), as the tokenizer does.

use crate::error::{SyntaxError, SyntaxErrorType};

/// Decode the bytes of a source file to text, exactly as CPython 3.11 accepts or
/// rejects them for `compile(bytes, filename, "exec")`, with newlines translated.
///
/// Errors, as CPython gives them: null bytes ("source code string cannot contain null
/// bytes", no position); an unknown cookie ("unknown encoding: NAME", `lineno` 0); a BOM
/// with a non-UTF-8 cookie ("encoding problem: NAME with BOM", `lineno` 0); bytes the
/// cookie's codec cannot decode (Python's codec message, `lineno` 0); and, without a
/// cookie or with a `utf-8` one, invalid UTF-8 outside comments, which CPython reports
/// from the token holding it as "(unicode error) 'utf-8' codec can't decode byte 0xNN
/// in position P: REASON".
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    decode_source_declared(bytes).map(|d| d.text)
}

/// Decoded source and whether it declared its encoding (a UTF-8 BOM or a coding
/// cookie): CPython's string tokenizer sets `tok->encoding` only then, and parser
/// errors report character offsets only when it is set (byte offsets otherwise).
pub struct DecodedSource {
    /// The text, newlines translated.
    pub text: String,
    /// True when a BOM or a coding cookie was found.
    pub declared_encoding: bool,
}

/// [`decode_source`], also telling whether the encoding was declared.
pub fn decode_source_declared(bytes: &[u8]) -> Result<DecodedSource, SyntaxError> {
    if bytes.contains(&0) {
        return Err(plain_error(
            "source code string cannot contain null bytes".to_string(),
            None,
        ));
    }
    let (has_bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let cookie = find_cookie(body);
    let declared_encoding = has_bom || cookie.is_some();
    let text = match cookie {
        None => decode_utf8_lazily(body)?,
        Some(name) if name == "utf-8" => decode_utf8_lazily(body)?,
        Some(name) => {
            if has_bom {
                return Err(plain_error(
                    format!("encoding problem: {name} with BOM"),
                    Some(0),
                ));
            }
            decode_with_codec(&name, body)?
        }
    };
    Ok(DecodedSource {
        text: translate_newlines(&text),
        declared_encoding,
    })
}

/// Newline translation for text that is already decoded (a `str` given to `compile`):
/// `\r\n` and lone `\r` become `\n`, as CPython's tokenizer translates them.
pub fn decode_str_source(s: &str) -> String {
    translate_newlines(s)
}

fn translate_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

/// An error without a source position: with `lineno` (CPython's 0 for decoding
/// errors) the offset is CPython's -1, else every field is `None`.
fn plain_error(msg: String, lineno: Option<u32>) -> SyntaxError {
    SyntaxError {
        error_type: SyntaxErrorType::SyntaxError,
        msg,
        filename: String::new(),
        lineno: lineno.map(|l| l as i32),
        offset: lineno.map(|_| -1),
        end_lineno: None,
        end_offset: None,
        text: None,
    }
}

/// The first two lines, as `check_coding_spec` looks at them.
fn find_cookie(body: &[u8]) -> Option<String> {
    let mut lines = body.split_inclusive(|&c| c == b'\n');
    let first = lines.next()?;
    if let Some(spec) = coding_spec(first) {
        return Some(spec);
    }
    // Line 2 is consulted only when line 1 is blank or only a comment.
    for &c in first {
        if c == b'#' || c == b'\n' || c == b'\r' {
            break;
        }
        if c != b' ' && c != b'\t' && c != 0x0c {
            return None;
        }
    }
    coding_spec(lines.next()?)
}

/// CPython's `get_coding_spec` followed by `get_normal_name`.
fn coding_spec(line: &[u8]) -> Option<String> {
    let size = line.len();
    let mut i = 0;
    while i + 6 < size {
        let c = line[i];
        if c == b'#' {
            break;
        }
        if c != b' ' && c != b'\t' && c != 0x0c {
            return None;
        }
        i += 1;
    }
    while i + 6 < size {
        if line.get(i..i + 6) == Some(b"coding") {
            let mut t = i + 6;
            let sep = line.get(t).copied().unwrap_or(0);
            if sep == b':' || sep == b'=' {
                t += 1;
                while matches!(line.get(t), Some(b' ' | b'\t')) {
                    t += 1;
                }
                let begin = t;
                while matches!(line.get(t), Some(c) if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
                {
                    t += 1;
                }
                if begin < t {
                    let raw = String::from_utf8_lossy(&line[begin..t]).into_owned();
                    return Some(normal_name(&raw));
                }
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: only the first 12 characters are looked at.
fn normal_name(s: &str) -> String {
    let buf: String = s
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".to_string()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&buf.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| buf.starts_with(p))
    {
        "iso-8859-1".to_string()
    } else {
        s.to_string()
    }
}

/// The codecs a cookie may name, after Python's `encodings.normalize_encoding` and alias
/// table.
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    /// A single-byte codec from `encoding_rs`, with the bytes Python's codec leaves
    /// undefined (WHATWG maps them to C1 controls instead).
    Rs(&'static encoding_rs::Encoding, &'static [u8]),
}

fn lookup_codec(name: &str) -> Option<Codec> {
    let norm: String = name
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    use encoding_rs as e;
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1:1987" => Codec::Latin1,
        "ascii" | "us_ascii" | "646" | "us" | "iso646_us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
        | "cp367" | "csascii" | "ibm367" | "iso_ir_6" => Codec::Ascii,
        "cp1252" | "windows_1252" | "1252" => {
            Codec::Rs(e::WINDOWS_1252, &[0x81, 0x8D, 0x8F, 0x90, 0x9D])
        }
        "koi8_r" | "cskoi8r" => Codec::Rs(e::KOI8_R, &[]),
        "koi8_u" => Codec::Rs(e::KOI8_U, &[]),
        "cp1251" | "windows_1251" | "1251" => Codec::Rs(e::WINDOWS_1251, &[0x98]),
        "iso8859_15" | "iso_8859_15" | "latin9" | "l9" | "latin_9" => {
            Codec::Rs(e::ISO_8859_15, &[])
        }
        _ => return None,
    })
}

fn decode_with_codec(name: &str, body: &[u8]) -> Result<String, SyntaxError> {
    let Some(codec) = lookup_codec(name) else {
        return Err(plain_error(format!("unknown encoding: {name}"), Some(0)));
    };
    match codec {
        Codec::Latin1 => Ok(body.iter().map(|&b| b as char).collect()),
        Codec::Ascii => match body.iter().position(|&b| b >= 0x80) {
            None => Ok(body.iter().map(|&b| b as char).collect()),
            Some(p) => Err(plain_error(
                format!("'ascii' codec can't decode byte 0x{:02x} in position {p}: ordinal not in range(128)", body[p]),
                Some(0),
            )),
        },
        Codec::Utf8 => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let p = e.valid_up_to();
                let reason = utf8_reason(&body[p..], e.error_len().is_none());
                Err(plain_error(
                    format!("'utf-8' codec can't decode byte 0x{:02x} in position {p}: {reason}", body[p]),
                    Some(0),
                ))
            }
        },
        Codec::Rs(enc, undefined) => {
            if let Some(p) = body.iter().position(|b| undefined.contains(b)) {
                return Err(plain_error(
                    format!(
                        "'charmap' codec can't decode byte 0x{:02x} in position {p}: character maps to <undefined>",
                        body[p]
                    ),
                    Some(0),
                ));
            }
            let (text, _) = enc.decode_without_bom_handling(body);
            Ok(text.into_owned())
        }
    }
}

/// Python's UTF-8 decoder's reason for the error at the start of `rest`.
fn utf8_reason(rest: &[u8], truncated: bool) -> &'static str {
    let first = rest.first().copied().unwrap_or(0);
    if matches!(first, 0x80..=0xC1 | 0xF5..=0xFF) {
        "invalid start byte"
    } else if truncated {
        "unexpected end of data"
    } else {
        "invalid continuation byte"
    }
}

/// UTF-8 as CPython's tokenizer decodes it without a codec: token by token. Invalid
/// bytes inside a comment are never decoded (replaced here by U+FFFD, which changes no
/// token position); anywhere else they are an error, reported as CPython reports it for
/// the token holding them (a string literal or a name).
fn decode_utf8_lazily(body: &[u8]) -> Result<String, SyntaxError> {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut done = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let p = e.valid_up_to();
                let bad = done + p;
                if !in_comment(body, bad) {
                    return Err(token_utf8_error(body, bad));
                }
                out.push_str(std::str::from_utf8(&rest[..p]).unwrap_or(""));
                out.push('\u{FFFD}');
                let skip = p + e.error_len().unwrap_or(rest.len() - p).max(1);
                done += skip;
                rest = rest.get(skip..).unwrap_or(&[]);
            }
        }
    }
}

/// Whether byte `at` follows a `#` on its line outside a (single-line) string literal.
fn in_comment(body: &[u8], at: usize) -> bool {
    let line_start = body[..at]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    let mut quote: Option<u8> = None;
    let mut i = line_start;
    while i < at {
        let c = body[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) if c == b'\\' => i += 1,
            Some(_) => {}
            None if c == b'#' => return true,
            None if c == b'\'' || c == b'"' => quote = Some(c),
            None => {}
        }
        i += 1;
    }
    false
}

/// The error CPython raises for invalid UTF-8 at byte `at` outside comments: for a
/// string literal, the string parser's "(unicode error)" located after the literal;
/// otherwise the tokenizer's, located on the byte. Best effort for multi-line strings.
fn token_utf8_error(body: &[u8], at: usize) -> SyntaxError {
    let line_start = body[..at]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    let line_end = body[at..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(body.len(), |p| at + p);
    let lineno = body[..line_start].iter().filter(|&&c| c == b'\n').count() as u32 + 1;
    let line = &body[line_start..line_end];
    let text = format!("{}\n", String::from_utf8_lossy(line));
    // Find the string literal holding `at`, if any (single-line scan).
    let mut quote: Option<(u8, usize)> = None;
    let mut i = line_start;
    while i < at {
        let c = body[i];
        match quote {
            Some((q, _)) if c == q => quote = None,
            Some(_) if c == b'\\' => i += 1,
            Some(_) => {}
            None if c == b'\'' || c == b'"' => quote = Some((c, i + 1)),
            None => {}
        }
        i += 1;
    }
    match quote {
        Some((q, body_start)) => {
            let mut j = at;
            while j < line_end && body[j] != q {
                j += if body[j] == b'\\' { 2 } else { 1 };
            }
            let str_body = &body[body_start..j.min(line_end)];
            let (pos, reason) = match std::str::from_utf8(str_body) {
                Ok(_) => (at - body_start, "invalid start byte"),
                Err(e) => {
                    let p = e.valid_up_to();
                    (p, utf8_reason(&str_body[p..], e.error_len().is_none()))
                }
            };
            let byte = body.get(body_start + pos).copied().unwrap_or(0);
            // CPython's parser raises this on the token after the literal (the last
            // one it fetched): offset and end offset are that token's columns + 1.
            let (tok_start, tok_end) = next_token_span(body, (j + 1).min(line_end), line_end);
            let chars = |p: usize| {
                String::from_utf8_lossy(&body[line_start..p])
                    .chars()
                    .count() as u32
                    + 1
            };
            SyntaxError {
                error_type: SyntaxErrorType::SyntaxError,
                msg: format!("(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"),
                filename: String::new(),
                lineno: Some(lineno as i32),
                offset: Some((chars(tok_start)) as i32),
                end_lineno: Some(lineno as i32),
                end_offset: Some((chars(tok_end)) as i32),
                text: Some(text),
            }
        }
        None => {
            let tok_start = body[line_start..at]
                .iter()
                .rposition(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80))
                .map_or(line_start, |p| line_start + p + 1);
            let run_end = body[at..line_end]
                .iter()
                .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80))
                .map_or(line_end, |p| at + p);
            let run = &body[tok_start..run_end];
            let (pos, reason) = match std::str::from_utf8(run) {
                Ok(_) => (at - tok_start, "invalid start byte"),
                Err(e) => {
                    let p = e.valid_up_to();
                    (p, utf8_reason(&run[p..], e.error_len().is_none()))
                }
            };
            SyntaxError {
                error_type: SyntaxErrorType::SyntaxError,
                msg: format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {pos}: {reason}",
                    body[at]
                ),
                filename: String::new(),
                lineno: Some(lineno as i32),
                offset: Some(((at - line_start + 1) as u32) as i32),
                end_lineno: Some(lineno as i32),
                end_offset: Some(-1),
                text: Some(text),
            }
        }
    }
}

/// The byte span of the token starting at or after `from` on a line ending at
/// `line_end` (a rough scan: names and numbers, two-character operators, else one
/// character); at the end of the line or a comment, the NEWLINE token (empty).
fn next_token_span(body: &[u8], from: usize, line_end: usize) -> (usize, usize) {
    let mut p = from;
    while p < line_end && matches!(body[p], b' ' | b'\t' | 0x0c) {
        p += 1;
    }
    if p >= line_end || body[p] == b'#' {
        return (p.min(line_end), p.min(line_end));
    }
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut q = p + 1;
    if word(body[p]) {
        while q < line_end && (word(body[q]) || body[q] == b'.') {
            q += 1;
        }
    } else if q < line_end && body[q] == b'='
        || body
            .get(p..p + 2)
            .is_some_and(|t| matches!(t, b"**" | b"//" | b"<<" | b">>" | b"->"))
    {
        q += 1;
    }
    (p, q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(b: &[u8]) -> (String, Option<i32>, Option<i32>, Option<i32>) {
        let e = decode_source(b).unwrap_err();
        (e.msg, e.lineno, e.offset, e.end_offset)
    }

    #[test]
    fn plain_utf8_and_bom() {
        assert_eq!(decode_source(b"x = 1\n").unwrap(), "x = 1\n");
        assert_eq!(
            decode_source(b"\xEF\xBB\xBFx = '\xC3\xA9'\n").unwrap(),
            "x = '\u{e9}'\n"
        );
        assert_eq!(
            decode_source(b"\xEF\xBB\xBF# coding: utf-8\nx=1").unwrap(),
            "# coding: utf-8\nx=1"
        );
    }

    #[test]
    fn newlines_are_translated() {
        assert_eq!(decode_source(b"a\r\nb\rc\n").unwrap(), "a\nb\nc\n");
        assert_eq!(decode_str_source("a\r\r\nb"), "a\n\nb");
    }

    #[test]
    fn cookies() {
        assert_eq!(
            decode_source(b"#coding:latin-1\nx='\xff'\n").unwrap(),
            "#coding:latin-1\nx='\u{ff}'\n"
        );
        assert_eq!(
            decode_source(b"\n# coding: latin-1\nx='\xe9'\n").unwrap(),
            "\n# coding: latin-1\nx='\u{e9}'\n"
        );
        assert_eq!(
            decode_source(b"# coding=koi8_r\nx='\xc1'\n").unwrap(),
            "# coding=koi8_r\nx='\u{430}'\n"
        );
        assert_eq!(
            decode_source(b"# coding: cp1252\nx='\x80'\n").unwrap(),
            "# coding: cp1252\nx='\u{20ac}'\n"
        );
        assert_eq!(
            decode_source(b"# coding: Latin-1-foo\nx='\xe9'\n").unwrap(),
            "# coding: Latin-1-foo\nx='\u{e9}'\n"
        );
        // Line 2 is not consulted after a code line.
        assert!(decode_source(b"x=1\n# coding: latin-1\nx='\xe9'\n").is_err());
        assert!(decode_source(b"x # coding: latin1\nx='\xe9'\n").is_err());
    }

    #[test]
    fn cookie_errors() {
        assert_eq!(
            err(b"# coding: foo\n"),
            ("unknown encoding: foo".into(), Some(0), Some(-1), None)
        );
        assert_eq!(
            err(b"\xef\xbb\xbf# coding: latin-1\nx=1\n"),
            (
                "encoding problem: iso-8859-1 with BOM".into(),
                Some(0),
                Some(-1),
                None
            )
        );
        assert_eq!(
            err(b"\xef\xbb\xbf# coding: UTF8\nx=1").0,
            "encoding problem: UTF8 with BOM"
        );
        assert_eq!(
            err(b"# coding: ascii\nx = '\xff'\n").0,
            "'ascii' codec can't decode byte 0xff in position 21: ordinal not in range(128)"
        );
        assert_eq!(
            err(b"# coding: cp1252\nx = '\x81'\n").0,
            "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>"
        );
        assert_eq!(
            err(b"# coding: utf8\nx='\xff'").0,
            "'utf-8' codec can't decode byte 0xff in position 18: invalid start byte"
        );
    }

    #[test]
    fn null_bytes() {
        assert_eq!(
            err(b"x\0"),
            (
                "source code string cannot contain null bytes".into(),
                None,
                None,
                None
            )
        );
    }

    #[test]
    fn invalid_utf8_as_cpython_reports_it() {
        assert_eq!(
            err(b"x = '\xff'\n"),
            (
                "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".into(),
                Some(1),
                Some(8),
                Some(8)
            )
        );
        assert_eq!(
            err(b"abc = 1\nx = 'abcdef\xe9\xe9'\n"),
            (
                "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 6: invalid continuation byte".into(),
                Some(2),
                Some(15),
                Some(15)
            )
        );
        // Located on the token after the literal, here ')'.
        assert_eq!(
            err(b"print(\"b\xf6se\")\n"),
            (
                "(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte".into(),
                Some(1),
                Some(13),
                Some(14)
            )
        );
        assert_eq!(
            err(b"x = '\xc3'\n").0,
            "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data"
        );
        assert_eq!(
            err(b"x\xff = 1\n"),
            (
                "(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte".into(),
                Some(1),
                Some(2),
                Some(-1)
            )
        );
        // Comments are never decoded.
        assert_eq!(
            decode_source(b"x = 1 # \xff\ny=2").unwrap(),
            "x = 1 # \u{fffd}\ny=2"
        );
    }
}
