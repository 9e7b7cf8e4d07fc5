//! String-literal concatenation and the f-string splitter of CPython 3.11
//! (`Parser/string_parser.c`, `_PyPegen_concatenate_strings` in `action_helpers.c`),
//! kept apart from the parser so it can be tested on its own.
//!
//! 3.11 does not tokenize the inside of f-strings: an f-string is one STRING token, and
//! this module splits its body into literal text and replacement fields, finds each
//! field's expression, conversion (`!r`), `=` and format spec, and hands the
//! expression text to the [`StringsHost`] to be parsed by a sub-parser. The host also
//! decodes escapes, builds the nodes and raises the errors, so the same code drives the
//! real parser ([`super::string`]) and the mock host of the unit tests below.
//!
//! Order matters: CPython reports the first error it meets while walking the tokens
//! left to right, decoding a literal part before scanning the field after it and
//! parsing a field's expression before looking at its conversion and format spec. The
//! code below follows that walk step by step.
//!
//! Where 3.11.7 differs from older `string_parser.c` texts (checked against python3):
//! a field's position comes from where its `{` is, not from a text search; an empty
//! field before `!`, `:` or `=` says "expression required before '!'"; a lone `<` or
//! `>` at the end of a field does not end it; a `\N` not followed by `{` keeps the
//! literal going (the decoder rejects it later); non-ASCII bytes are reported on their
//! token without a final period.

use common::text::Text;

use crate::literal::split_string_token;

/// CPython's `MAXLEVEL`: how deep brackets may nest inside one replacement field.
const MAXLEVEL: usize = 200;

/// Which tokens a node built by the splitter spans. CPython 3.11 gives literal parts,
/// `FormattedValue`s and the result the location of the whole concatenation, but a
/// format spec's `JoinedStr` (and the literal after its last field) the location of
/// the one token it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Span {
    /// From the first to the last STRING token of the concatenation.
    Whole,
    /// The STRING token being split.
    Token,
}

/// What the splitter needs from its caller: the token texts, escape decoding,
/// expression parsing, node construction and errors.
pub(crate) trait StringsHost<'a> {
    type Node;
    type Error;

    /// Number of STRING tokens in the concatenation.
    fn token_count(&self) -> usize;
    /// The source text of token `i` (prefix and quotes included), as CPython's
    /// `t->bytes`.
    fn token_text(&self, i: usize) -> &'a str;
    /// Token `i` becomes the token being processed (CPython's `t`).
    fn set_current(&mut self, i: usize);
    /// `RAISE_SYNTAX_ERROR(msg)`: at the last token read.
    fn raise(&mut self, msg: &str) -> Self::Error;
    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, msg)`: on the current token.
    fn raise_on_token(&mut self, msg: &str) -> Self::Error;
    /// Decode the escapes of a (non-raw) str literal part.
    fn decode_str(&mut self, body: &str) -> Result<Text, Self::Error>;
    /// Decode the escapes of a (non-raw) bytes literal (ASCII already checked).
    fn decode_bytes(&mut self, body: &str) -> Result<Vec<u8>, Self::Error>;
    /// Parse the expression of a replacement field (`fstring_compile_expr` after its
    /// emptiness check). `lines`/`cols` are [`expr_location`]'s result.
    fn compile_expr(
        &mut self,
        expr: &str,
        lines: u32,
        cols: u32,
    ) -> Result<Self::Node, Self::Error>;
    /// A str `Constant` (`make_str_node_and_del`).
    fn str_constant(&mut self, value: Text, span: Span) -> Self::Node;
    /// The bytes `Constant` of an all-bytes concatenation.
    fn bytes_constant(&mut self, value: Vec<u8>) -> Self::Node;
    /// A `FormattedValue` (always spanning the whole concatenation).
    fn formatted_value(
        &mut self,
        value: Self::Node,
        conversion: i32,
        format_spec: Option<Self::Node>,
    ) -> Self::Node;
    /// A `JoinedStr`.
    fn joined_str(&mut self, values: Vec<Self::Node>, span: Span) -> Self::Node;
}

/// CPython's `FstringParser`: the str literal being accumulated and the nodes so far.
struct FStringState<N> {
    last_str: Option<Text>,
    exprs: Vec<N>,
    fmode: bool,
}

impl<N> FStringState<N> {
    fn new() -> Self {
        FStringState {
            last_str: None,
            exprs: Vec::new(),
            fmode: false,
        }
    }

    /// `_PyPegen_FstringParser_ConcatAndDel`: empty strings are dropped.
    fn concat(&mut self, s: Text) {
        if s.is_empty() {
            return;
        }
        match &mut self.last_str {
            Some(last) => last.push_text(&s),
            None => self.last_str = Some(s),
        }
    }

    /// Turn a pending literal into a `Constant` node before a field's node.
    fn flush<'a, H: StringsHost<'a, Node = N>>(&mut self, host: &mut H) {
        if let Some(s) = self.last_str.take() {
            let node = host.str_constant(s, Span::Whole);
            self.exprs.push(node);
        }
    }

    /// `_PyPegen_FstringParser_Finish`.
    fn finish<'a, H: StringsHost<'a, Node = N>>(mut self, host: &mut H, span: Span) -> N {
        if !self.fmode {
            let s = self.last_str.take().unwrap_or_default();
            return host.str_constant(s, span);
        }
        if let Some(s) = self.last_str.take() {
            let node = host.str_constant(s, span);
            self.exprs.push(node);
        }
        host.joined_str(self.exprs, span)
    }
}

/// `_PyPegen_concatenate_strings`: the STRING tokens of one `strings` rule as one
/// `Constant` (str or bytes) or `JoinedStr`.
pub(crate) fn concatenate<'a, H: StringsHost<'a>>(host: &mut H) -> Result<H::Node, H::Error> {
    let mut state = FStringState::new();
    let mut bytes_mode = false;
    let mut bytes_value: Vec<u8> = Vec::new();
    for i in 0..host.token_count() {
        host.set_current(i);
        let text = host.token_text(i);
        let parts = split_string_token(text);
        let tok = parts.prefix;
        let body = parts.body;
        // `_PyPegen_parsestr` decodes (and may fail) before the mixing check.
        let value = if tok.fstring {
            None
        } else if tok.bytes {
            if !body.is_ascii() {
                return Err(host.raise_on_token("bytes can only contain ASCII literal characters"));
            }
            Some(Err(if tok.raw || !body.contains('\\') {
                body.as_bytes().to_vec()
            } else {
                host.decode_bytes(body)?
            }))
        } else if tok.raw || !body.contains('\\') {
            Some(Ok(Text::from(body)))
        } else {
            Some(Ok(host.decode_str(body)?))
        };
        if i != 0 && bytes_mode != tok.bytes {
            return Err(host.raise("cannot mix bytes and nonbytes literals"));
        }
        bytes_mode = tok.bytes;
        match value {
            None => {
                let mut splitter = Splitter {
                    text,
                    end: parts.body_offset + body.len(),
                    raw: tok.raw,
                };
                splitter.concat_fstring(host, &mut state, parts.body_offset, 0)?;
            }
            Some(Ok(s)) => state.concat(s),
            Some(Err(b)) => bytes_value.extend_from_slice(&b),
        }
    }
    if bytes_mode {
        return Ok(host.bytes_constant(bytes_value));
    }
    Ok(state.finish(host, Span::Whole))
}

/// The byte at `i`, or 0 past the end (where CPython reads the closing quote or NUL,
/// neither of which any test below matches).
#[inline]
fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// `fstring_find_expr_location` (3.11.7): where the field whose `{` is at byte `brace`
/// of the token starts, as `(lines, cols)`: the newlines in the token before the `{`,
/// and the column of the `{` — from the token's start when `lines == 0` (the host adds
/// the token's column), from the start of its line otherwise — or 0 when only blanks
/// separate the `{` from a newline (then the expression starts on a later line and its
/// first line holds no token that needs shifting).
pub(crate) fn expr_location(token: &str, brace: usize) -> (u32, u32) {
    let b = token.as_bytes();
    let brace = brace.min(b.len());
    let before = &b[..brace];
    let lines = before.iter().filter(|&&c| c == b'\n').count() as u32;
    let mut newline_after_brace = true;
    for &c in b.get(brace + 1..).unwrap_or(&[]) {
        if c == b'}' || c == b'\n' {
            break;
        }
        if !matches!(c, b' ' | b'\t' | b'\x0c') {
            newline_after_brace = false;
            break;
        }
    }
    let cols = if newline_after_brace {
        0
    } else {
        match before.iter().rposition(|&c| c == b'\n') {
            Some(nl) => brace - nl - 1,
            None => brace,
        }
    };
    (lines, cols as u32)
}
/// The walk over one f-string token's body: `text` is the whole token, `end` the
/// offset of its closing quote(s).
struct Splitter<'a> {
    text: &'a str,
    end: usize,
    raw: bool,
}

/// What `fstring_find_literal` found.
enum LiteralEnd {
    /// A doubled brace: keep scanning for literal text (CPython's result 1).
    Doubled,
    /// At a `{`, a `}` ending a format spec, or the end of the body (result 0).
    Stop,
}

impl<'a> Splitter<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }

    /// `_PyPegen_FstringParser_ConcatFstring`: split the body from `pos` into `state`;
    /// returns the position where it stopped (the end, or the `}` closing a format
    /// spec when `recurse_lvl > 0`).
    fn concat_fstring<H: StringsHost<'a>>(
        &mut self,
        host: &mut H,
        state: &mut FStringState<H::Node>,
        mut pos: usize,
        recurse_lvl: u32,
    ) -> Result<usize, H::Error> {
        state.fmode = true;
        loop {
            let (literal, found, next) = self.find_literal(host, pos, recurse_lvl)?;
            pos = next;
            if let Some(lit) = literal {
                state.concat(lit);
            }
            if let LiteralEnd::Doubled = found {
                continue;
            }
            if pos >= self.end || at(self.bytes(), pos) == b'}' {
                break;
            }
            // At a '{': a replacement field.
            let (node, expr_text, next) = self.find_expr(host, pos, recurse_lvl)?;
            pos = next;
            if let Some(t) = expr_text {
                state.concat(t);
            }
            state.flush(host);
            state.exprs.push(node);
        }
        if recurse_lvl == 0 && pos + 1 < self.end {
            return Err(host.raise("f-string: unexpected end of string"));
        }
        if recurse_lvl != 0 && (pos >= self.end || at(self.bytes(), pos) != b'}') {
            return Err(host.raise("f-string: expecting '}'"));
        }
        Ok(pos)
    }

    /// `fstring_find_literal`: literal text up to an undoubled `{` (not part of a
    /// `\N{...}` escape), a `}` (an error at the top level unless doubled), or the end.
    fn find_literal<H: StringsHost<'a>>(
        &mut self,
        host: &mut H,
        pos: usize,
        recurse_lvl: u32,
    ) -> Result<(Option<Text>, LiteralEnd, usize), H::Error> {
        let b = self.bytes();
        let end = self.end;
        let start = pos;
        let mut s = pos;
        let mut found = LiteralEnd::Stop;
        let next;
        loop {
            if s >= end {
                next = s;
                break;
            }
            let mut ch = b[s];
            s += 1;
            if !self.raw && ch == b'\\' && s < end {
                ch = b[s];
                s += 1;
                if ch == b'N' {
                    if s < end {
                        let c = b[s];
                        s += 1;
                        if c == b'{' {
                            while s < end {
                                let c = b[s];
                                s += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    // A `\N` without `{` is left for the decoder to reject.
                    continue;
                }
                // `\{` only warns (DeprecationWarning), then counts as a brace.
            }
            if ch == b'{' || ch == b'}' {
                if recurse_lvl == 0 {
                    if s < end && b[s] == ch {
                        // A doubled brace: the literal keeps one of them.
                        found = LiteralEnd::Doubled;
                        next = s + 1;
                        break;
                    }
                    if ch == b'}' {
                        return Err(host.raise("f-string: single '}' is not allowed"));
                    }
                }
                s -= 1;
                next = s;
                break;
            }
        }
        let lit_end = match found {
            LiteralEnd::Doubled => next - 1,
            LiteralEnd::Stop => next,
        };
        let literal = if lit_end > start {
            let body = self.slice(start, lit_end);
            Some(if self.raw {
                Text::from(body)
            } else {
                host.decode_str(body)?
            })
        } else {
            None
        };
        Ok((literal, found, next))
    }

    /// `fstring_find_expr`: the replacement field starting at the `{` at `pos`.
    /// Returns its `FormattedValue`, the `=` debug text if any, and the position after
    /// its `}`.
    fn find_expr<H: StringsHost<'a>>(
        &mut self,
        host: &mut H,
        pos: usize,
        recurse_lvl: u32,
    ) -> Result<(H::Node, Option<Text>, usize), H::Error> {
        if recurse_lvl >= 2 {
            return Err(host.raise("f-string: expressions nested too deeply"));
        }
        let b = self.bytes();
        let end = self.end;
        let expr_start = pos + 1;
        let mut s = expr_start;
        let mut quote_char = 0u8;
        let mut string_type = 0;
        let mut parens: Vec<u8> = Vec::new();
        while s < end {
            let ch = b[s];
            if ch == b'\\' {
                return Err(host.raise("f-string expression part cannot include a backslash"));
            }
            if quote_char != 0 {
                if ch == quote_char {
                    if string_type == 3 {
                        if s + 2 < end && b[s + 1] == ch && b[s + 2] == ch {
                            s += 3;
                            string_type = 0;
                            quote_char = 0;
                            continue;
                        }
                    } else {
                        string_type = 0;
                        quote_char = 0;
                        s += 1;
                        continue;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                if s + 2 < end && b[s + 1] == ch && b[s + 2] == ch {
                    string_type = 3;
                    s += 2;
                } else {
                    string_type = 1;
                }
                quote_char = ch;
            } else if ch == b'[' || ch == b'{' || ch == b'(' {
                if parens.len() >= MAXLEVEL {
                    return Err(host.raise("f-string: too many nested parenthesis"));
                }
                parens.push(ch);
            } else if ch == b'#' {
                return Err(host.raise("f-string expression part cannot include '#'"));
            } else if parens.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                if s + 1 < end && b[s + 1] == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                    s += 2;
                    continue;
                }
                // A lone `<` or `>` is an operator, not the end of the expression.
                if ch == b'>' || ch == b'<' {
                    s += 1;
                    continue;
                }
                break;
            } else if ch == b']' || ch == b'}' || ch == b')' {
                let Some(opening) = parens.pop() else {
                    let msg = format!("f-string: unmatched '{}'", ch as char);
                    return Err(host.raise(&msg));
                };
                let matching = matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matching {
                    let msg = format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, opening as char
                    );
                    return Err(host.raise(&msg));
                }
            }
            s += 1;
        }
        let expr_end = s;
        if quote_char != 0 {
            return Err(host.raise("f-string: unterminated string"));
        }
        if let Some(&opening) = parens.last() {
            let msg = format!("f-string: unmatched '{}'", opening as char);
            return Err(host.raise(&msg));
        }
        if s >= end {
            return Err(expecting_brace(host));
        }

        // Parse the expression before looking at what follows it.
        let expr = self.slice(expr_start, expr_end);
        let blank = expr
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c'));
        if blank {
            let term = at(b, expr_end);
            let msg = if matches!(term, b'!' | b':' | b'=') {
                format!("f-string: expression required before '{}'", term as char)
            } else {
                "f-string: empty expression not allowed".to_string()
            };
            return Err(host.raise(&msg));
        }
        let (lines, cols) = expr_location(self.text, pos);
        let value = host.compile_expr(expr, lines, cols)?;

        // `=`: the expression's text, the `=` and the blanks after it.
        let mut expr_text = None;
        if at(b, s) == b'=' {
            s += 1;
            while s < end && matches!(b[s], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
                s += 1;
            }
            expr_text = Some(Text::from(self.slice(expr_start, s)));
        }

        let mut conversion = -1;
        if s < end && b[s] == b'!' {
            s += 1;
            if s >= end {
                return Err(expecting_brace(host));
            }
            let c = b[s];
            s += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(
                    host.raise("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                );
            }
            conversion = c as i32;
        }

        if s >= end {
            return Err(expecting_brace(host));
        }
        let mut format_spec = None;
        if b[s] == b':' {
            s += 1;
            if s >= end {
                return Err(expecting_brace(host));
            }
            // `fstring_parse`: the spec is an f-string of its own, one level down.
            let mut spec_state = FStringState::new();
            s = self.concat_fstring(host, &mut spec_state, s, recurse_lvl + 1)?;
            format_spec = Some(spec_state.finish(host, Span::Token));
        }
        if s >= end || b[s] != b'}' {
            return Err(expecting_brace(host));
        }
        s += 1;

        if expr_text.is_some() && format_spec.is_none() && conversion == -1 {
            conversion = b'r' as i32;
        }
        let node = host.formatted_value(value, conversion, format_spec);
        Ok((node, expr_text, s))
    }
}

#[cold]
fn expecting_brace<'a, H: StringsHost<'a>>(host: &mut H) -> H::Error {
    host.raise("f-string: expecting '}'")
}

#[cfg(test)]
mod tests {
    //! The splitter against a mock host that renders nodes as text. Expressions are
    //! rendered `E(text@lines,cols)`, constants `C('...')` with a `*` when they span
    //! one token only, so each test shows exactly what CPython's walk produces.
    use super::*;

    struct Mock<'a> {
        tokens: Vec<&'a str>,
        current: usize,
    }

    impl<'a> StringsHost<'a> for Mock<'a> {
        type Node = String;
        type Error = String;

        fn token_count(&self) -> usize {
            self.tokens.len()
        }
        fn token_text(&self, i: usize) -> &'a str {
            self.tokens[i]
        }
        fn set_current(&mut self, i: usize) {
            self.current = i;
        }
        fn raise(&mut self, msg: &str) -> String {
            format!("error: {msg}")
        }
        fn raise_on_token(&mut self, msg: &str) -> String {
            format!("error on token {}: {msg}", self.current)
        }
        fn decode_str(&mut self, body: &str) -> Result<Text, String> {
            // Enough escapes for the tests: \n, \\, \N{...} kept verbatim, \{ kept.
            let mut out = String::new();
            let mut it = body.chars().peekable();
            while let Some(c) = it.next() {
                if c != '\\' {
                    out.push(c);
                    continue;
                }
                match it.next() {
                    Some('n') => out.push('\n'),
                    Some('\\') => out.push('\\'),
                    Some('N') => {
                        if it.next() != Some('{') {
                            return Err("error: malformed \\N".into());
                        }
                        out.push('<');
                        for c in it.by_ref() {
                            if c == '}' {
                                break;
                            }
                            out.push(c);
                        }
                        out.push('>');
                    }
                    Some(o) => {
                        out.push('\\');
                        out.push(o);
                    }
                    // A trailing backslash decodes as itself (CPython's `\u005c`).
                    None => out.push('\\'),
                }
            }
            Ok(Text::from(out.as_str()))
        }
        fn decode_bytes(&mut self, body: &str) -> Result<Vec<u8>, String> {
            Ok(body.replace("\\n", "\n").into_bytes())
        }
        fn compile_expr(&mut self, expr: &str, lines: u32, cols: u32) -> Result<String, String> {
            if expr.contains('$') {
                return Err(format!("error: sub-parser: {expr}"));
            }
            Ok(format!("E({expr}@{lines},{cols})"))
        }
        fn str_constant(&mut self, value: Text, span: Span) -> String {
            let star = if span == Span::Token { "*" } else { "" };
            format!("C({:?}){star}", value.to_string())
        }
        fn bytes_constant(&mut self, value: Vec<u8>) -> String {
            format!("B({:?})", String::from_utf8_lossy(&value))
        }
        fn formatted_value(
            &mut self,
            value: String,
            conversion: i32,
            spec: Option<String>,
        ) -> String {
            let conv = if conversion == -1 {
                String::new()
            } else {
                format!("!{}", conversion as u8 as char)
            };
            match spec {
                Some(s) => format!("FV({value}{conv}:{s})"),
                None => format!("FV({value}{conv})"),
            }
        }
        fn joined_str(&mut self, values: Vec<String>, span: Span) -> String {
            let star = if span == Span::Token { "*" } else { "" };
            format!("J[{}]{star}", values.join(", "))
        }
    }

    fn run(tokens: &[&str]) -> String {
        let mut host = Mock {
            tokens: tokens.to_vec(),
            current: 0,
        };
        match concatenate(&mut host) {
            Ok(s) | Err(s) => s,
        }
    }

    #[test]
    fn plain_strings() {
        assert_eq!(run(&["'a'"]), "C(\"a\")");
        assert_eq!(run(&["'a'", "\"b\"", "'''c'''"]), "C(\"abc\")");
        assert_eq!(run(&["''", "''"]), "C(\"\")");
        assert_eq!(run(&["r'\\n'"]), "C(\"\\\\n\")");
        assert_eq!(run(&["'\\n'"]), "C(\"\\n\")");
        assert_eq!(run(&["u'x'", "U'y'"]), "C(\"xy\")");
        assert_eq!(run(&["''''''"]), "C(\"\")");
        assert_eq!(run(&["\"\"\"a\"b\"\"\""]), "C(\"a\\\"b\")");
    }

    #[test]
    fn bytes() {
        assert_eq!(run(&["b'a'", "B'b'", "rb'\\n'"]), "B(\"ab\\\\n\")");
        assert_eq!(run(&["b'\\n'"]), "B(\"\\n\")");
        assert_eq!(
            run(&["b'a'", "'b'"]),
            "error: cannot mix bytes and nonbytes literals"
        );
        assert_eq!(
            run(&["'a'", "b'b'"]),
            "error: cannot mix bytes and nonbytes literals"
        );
        assert_eq!(
            run(&["f'a'", "b'b'"]),
            "error: cannot mix bytes and nonbytes literals"
        );
        assert_eq!(
            run(&["'a'", "b'\u{e9}'"]),
            "error on token 1: bytes can only contain ASCII literal characters"
        );
    }

    #[test]
    fn fstring_literals() {
        assert_eq!(run(&["f''"]), "J[]");
        assert_eq!(run(&["f'a'"]), "J[C(\"a\")]");
        assert_eq!(run(&["'a'", "f'b'", "'c'"]), "J[C(\"abc\")]");
        assert_eq!(run(&["f'{{'"]), "J[C(\"{\")]");
        assert_eq!(run(&["f'a{{b}}c'"]), "J[C(\"a{b}c\")]");
        assert_eq!(run(&["f'}}'"]), "J[C(\"}\")]");
        assert_eq!(run(&["f'\\N{DASH}'"]), "J[C(\"<DASH>\")]");
        assert_eq!(run(&["rf'\\n{{'"]), "J[C(\"\\\\n{\")]");
    }

    #[test]
    fn fields() {
        assert_eq!(run(&["f'{x}'"]), "J[FV(E(x@0,2))]");
        assert_eq!(run(&["f'a{x}b'"]), "J[C(\"a\"), FV(E(x@0,3)), C(\"b\")]");
        assert_eq!(run(&["f'{x!r}'"]), "J[FV(E(x@0,2)!r)]");
        assert_eq!(run(&["f'{x!s:>10}'"]), "J[FV(E(x@0,2)!s:J[C(\">10\")*]*)]");
        assert_eq!(run(&["f'{x:}'"]), "J[FV(E(x@0,2):J[]*)]");
        assert_eq!(
            run(&["f'{x:a{y}b}'"]),
            "J[FV(E(x@0,2):J[C(\"a\"), FV(E(y@0,6)), C(\"b\")*]*)]"
        );
        assert_eq!(run(&["f'{x}{x}'"]), "J[FV(E(x@0,2)), FV(E(x@0,5))]");
        assert_eq!(
            run(&["'a'", "f'{x}'", "'b'"]),
            "J[C(\"a\"), FV(E(x@0,2)), C(\"b\")]"
        );
        assert_eq!(run(&["f'{a!=b}'"]), "J[FV(E(a!=b@0,2))]");
        assert_eq!(
            run(&["f'{a<b>c<=d>=e==f}'"]),
            "J[FV(E(a<b>c<=d>=e==f@0,2))]"
        );
        assert_eq!(run(&["f'{d[\"}\"]}'"]), "J[FV(E(d[\"}\"]@0,2))]");
        assert_eq!(
            run(&["f'{\"\"\"a}\"\"\"}'"]),
            "J[FV(E(\"\"\"a}\"\"\"@0,2))]"
        );
        assert_eq!(run(&["f'{ {1:2}[1] }'"]), "J[FV(E( {1:2}[1] @0,2))]");
        assert_eq!(run(&["f'{x:{{y}}}'"]), "J[FV(E(x@0,2):J[FV(E({y}@0,5))]*)]");
        assert_eq!(run(&["f'{a:}}}'"]), "J[FV(E(a@0,2):J[]*), C(\"}\")]");
    }

    #[test]
    fn self_documenting() {
        assert_eq!(run(&["f'{x=}'"]), "J[C(\"x=\"), FV(E(x@0,2)!r)]");
        assert_eq!(run(&["f'{ x = }'"]), "J[C(\" x = \"), FV(E( x @0,2)!r)]");
        assert_eq!(run(&["f'{x=!s}'"]), "J[C(\"x=\"), FV(E(x@0,2)!s)]");
        assert_eq!(
            run(&["f'{x=:>3}'"]),
            "J[C(\"x=\"), FV(E(x@0,2):J[C(\">3\")*]*)]"
        );
        assert_eq!(run(&["f'a{x=}'"]), "J[C(\"ax=\"), FV(E(x@0,3)!r)]");
        assert_eq!(run(&["f'{x==y}'"]), "J[FV(E(x==y@0,2))]");
    }

    #[test]
    fn positions() {
        assert_eq!(expr_location("f'{x}'", 2), (0, 2));
        assert_eq!(expr_location("f'''a\nbc{x}'''", 8), (1, 2));
        assert_eq!(expr_location("f'''{\nx}'''", 4), (0, 0));
        assert_eq!(expr_location("f'''a\n{ \n x}'''", 6), (1, 0));
        assert_eq!(run(&["f'''\n  {x}'''"]), "J[C(\"\\n  \"), FV(E(x@1,2))]");
        assert_eq!(run(&["f'{x}{x}'"]), "J[FV(E(x@0,2)), FV(E(x@0,5))]");
    }

    #[test]
    fn errors() {
        let e = |t: &str| run(&[t]);
        assert_eq!(e("f'}'"), "error: f-string: single '}' is not allowed");
        assert_eq!(e("f'{a}}'"), "error: f-string: single '}' is not allowed");
        assert_eq!(e("f'{'"), "error: f-string: expecting '}'");
        assert_eq!(e("f'{x'"), "error: f-string: expecting '}'");
        assert_eq!(e("f'{x!'"), "error: f-string: expecting '}'");
        assert_eq!(e("f'{x!r'"), "error: f-string: expecting '}'");
        assert_eq!(e("f'{x:'"), "error: f-string: expecting '}'");
        assert_eq!(e("f'{x:a'"), "error: f-string: expecting '}'");
        assert_eq!(e("f'{x=y}'"), "error: f-string: expecting '}'");
        assert_eq!(e("f'{a!r=}'"), "error: f-string: expecting '}'");
        assert_eq!(e("f'{}'"), "error: f-string: empty expression not allowed");
        assert_eq!(
            e("f'{ \t}'"),
            "error: f-string: empty expression not allowed"
        );
        assert_eq!(
            e("f'{!r}'"),
            "error: f-string: expression required before '!'"
        );
        assert_eq!(
            e("f'{=}'"),
            "error: f-string: expression required before '='"
        );
        assert_eq!(
            e("f'{ :}'"),
            "error: f-string: expression required before ':'"
        );
        assert_eq!(
            e("f'{x!z}'"),
            "error: f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(
            e("f'{x!}'"),
            "error: f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(
            e("f'{x\\n}'"),
            "error: f-string expression part cannot include a backslash"
        );
        assert_eq!(
            e("rf'{x\\n}'"),
            "error: f-string expression part cannot include a backslash"
        );
        assert_eq!(
            e("f'{x#}'"),
            "error: f-string expression part cannot include '#'"
        );
        assert_eq!(
            e("f'{(}'"),
            "error: f-string: closing parenthesis '}' does not match opening parenthesis '('"
        );
        assert_eq!(e("f'{)}'"), "error: f-string: unmatched ')'");
        assert_eq!(e("f'{(x'"), "error: f-string: unmatched '('");
        assert_eq!(e("f'{\"x}'"), "error: f-string: unterminated string");
        assert_eq!(
            e("f'{x:{y:{z}}}'"),
            "error: f-string: expressions nested too deeply"
        );
        assert_eq!(e("f'{x:{$}}'"), "error: sub-parser: $");
        let deep = format!("f'{{{}}}'", "(".repeat(201));
        assert_eq!(e(&deep), "error: f-string: too many nested parenthesis");
    }

    #[test]
    fn error_order() {
        // The expression is parsed before its conversion is checked, and fields are
        // processed left to right across tokens.
        assert_eq!(run(&["f'{$!z}'"]), "error: sub-parser: $");
        assert_eq!(run(&["f'{$}'", "f'{'"]), "error: sub-parser: $");
        assert_eq!(run(&["f'{'", "b''"]), "error: f-string: expecting '}'");
        assert_eq!(run(&["f'\\N'"]), "error: malformed \\N");
        assert_eq!(
            run(&["f'\\Nr}'"]),
            "error: f-string: single '}' is not allowed"
        );
        assert_eq!(run(&["f'\\{x}'"]), "J[C(\"\\\\\"), FV(E(x@0,3))]");
    }
}
