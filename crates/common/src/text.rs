//! Python `str` contents: a sequence of code points that may include lone surrogates
//! (U+D800..U+DFFF), which Rust's `str` cannot hold. Stored as "generalized UTF-8":
//! UTF-8 in which surrogate code points are encoded like any other 3-byte code point
//! and are never combined into pairs.
//!
//! Invariant: `bytes` is always well-formed generalized UTF-8, because the only ways
//! to add to a [`Text`] are whole Rust strings, `char`s and single code points.

use std::borrow::Cow;
use std::fmt;

/// The largest Unicode code point, `sys.maxunicode` in CPython.
pub const MAX_CODE_POINT: u32 = 0x10FFFF;

/// Owned Python text (the contents of a CPython `str`, lone surrogates included).
///
/// Equal to a Rust `String` when it holds no surrogates. The derived ordering compares
/// the encoded bytes, which for generalized UTF-8 is the same as comparing code point
/// by code point, as CPython's `str.__lt__` does.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text {
    bytes: Vec<u8>,
}

impl Text {
    /// An empty text, like CPython's `''`.
    pub fn new() -> Text {
        Text { bytes: Vec::new() }
    }

    /// An empty text with room for `bytes` bytes of generalized UTF-8.
    pub fn with_capacity(bytes: usize) -> Text {
        Text {
            bytes: Vec::with_capacity(bytes),
        }
    }

    /// Appends one Unicode scalar value.
    pub fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Appends any code point `0..=0x10FFFF`, lone surrogates included (as CPython's
    /// `chr` accepts them). Values above [`MAX_CODE_POINT`] cannot be a Python `str`
    /// element (CPython's `chr` raises `ValueError` for them); callers must reject them
    /// first, and if one gets here it is appended as U+FFFD rather than panicking.
    pub fn push_code_point(&mut self, cp: u32) {
        if let Some(c) = char::from_u32(cp) {
            self.push_char(c);
        } else if (0xD800..=0xDFFF).contains(&cp) {
            // Encoded as a 3-byte sequence exactly like U+D7FF or U+E000 would be.
            self.bytes.extend_from_slice(&[
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]);
        } else {
            self.push_char(char::REPLACEMENT_CHARACTER);
        }
    }

    /// Appends a Rust string.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends another text (string concatenation, CPython's `str.__add__`).
    pub fn push_text(&mut self, t: &Text) {
        self.bytes.extend_from_slice(&t.bytes);
    }

    /// The text as a Rust `&str`, or `None` if it holds a lone surrogate (such text
    /// cannot be encoded to UTF-8 in CPython either without an error handler).
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The generalized UTF-8 encoding (surrogates as 3-byte sequences `ED A0..BF xx`).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The code points in order, each as a `u32` (CPython's `ord` of each element).
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes }
    }

    /// The number of code points, CPython's `len(s)`.
    pub fn len_code_points(&self) -> usize {
        self.bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Whether every code point is below 128, CPython's `str.isascii()`.
    pub fn is_ascii(&self) -> bool {
        self.bytes.is_ascii()
    }

    /// The text as a Rust string, each lone surrogate replaced by U+FFFD. Borrowed
    /// when there is no surrogate. For display only: it loses information.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        match self.as_str() {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(
                self.code_points()
                    .map(|cp| char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            ),
        }
    }
}

impl Text {
    /// Text from generalized UTF-8 bytes, as CPython's `bytes.decode('utf-8',
    /// 'surrogatepass')` reads them (and as `marshal` stores `str`): lone surrogates
    /// encoded as 3-byte sequences are accepted. `None` if the bytes are not well
    /// formed: a bad lead or continuation byte, a truncated or overlong sequence, or a
    /// code point above [`MAX_CODE_POINT`].
    pub fn from_generalized_utf8(bytes: &[u8]) -> Option<Text> {
        let mut rest = bytes;
        while !rest.is_empty() {
            rest = &rest[generalized_utf8_len(rest)?..];
        }
        Some(Text {
            bytes: bytes.to_vec(),
        })
    }

    /// Text from Latin-1 bytes, one code point per byte, as CPython's
    /// `bytes.decode('latin-1')` (and `marshal`'s ASCII string types) read them.
    pub fn from_latin1(bytes: &[u8]) -> Text {
        let mut t = Text::with_capacity(bytes.len());
        for &b in bytes {
            t.push_char(char::from(b));
        }
        t
    }

    /// Text from a Rust string (never holds surrogates); same as `Text::from(s)`.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Text {
        Text::from(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text {
            bytes: s.as_bytes().to_vec(),
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text {
            bytes: s.into_bytes(),
        }
    }
}

impl From<char> for Text {
    fn from(c: char) -> Text {
        let mut t = Text::new();
        t.push_char(c);
        t
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.bytes == other.as_bytes()
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.bytes == other.as_bytes()
    }
}

/// Lossy display: lone surrogates are shown as U+FFFD (see [`Text::to_string_lossy`]).
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

/// Debug output is the Python `repr` of the text, e.g. `Text('a\udc80')`.
impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Text({})", crate::repr::repr_str(self))
    }
}

/// The byte length of the well-formed generalized-UTF-8 sequence that starts `b`, or
/// `None` if `b` is empty or does not start with one (see [`Text::from_generalized_utf8`]).
fn generalized_utf8_len(b: &[u8]) -> Option<usize> {
    let b0 = *b.first()?;
    let (len, init) = match b0 {
        0x00..=0x7F => return Some(1),
        0xC2..=0xDF => (2, u32::from(b0 & 0x1F)),
        0xE0..=0xEF => (3, u32::from(b0 & 0x0F)),
        0xF0..=0xF4 => (4, u32::from(b0 & 0x07)),
        _ => return None,
    };
    let mut cp = init;
    for k in 1..len {
        let c = *b.get(k)?;
        if c & 0xC0 != 0x80 {
            return None;
        }
        cp = (cp << 6) | u32::from(c & 0x3F);
    }
    // Shortest form only; surrogates (U+D800..U+DFFF) are allowed.
    let min = [0, 0, 0x80, 0x800, 0x10000][len];
    (min..=MAX_CODE_POINT).contains(&cp).then_some(len)
}

/// Iterator over the code points of a [`Text`], from [`Text::code_points`].
#[derive(Clone, Debug)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (&b0, rest) = self.bytes.split_first()?;
        if b0 < 0x80 {
            self.bytes = rest;
            return Some(u32::from(b0));
        }
        // Sequence length from the lead byte. The invariant guarantees the
        // continuation bytes are there; `get` keeps a broken invariant panic-free.
        let (len, init) = match b0 {
            0xC0..=0xDF => (2, u32::from(b0 & 0x1F)),
            0xE0..=0xEF => (3, u32::from(b0 & 0x0F)),
            _ => (4, u32::from(b0 & 0x07)),
        };
        let tail = rest.get(..len - 1).unwrap_or(rest);
        let cp = tail
            .iter()
            .fold(init, |acc, &b| (acc << 6) | u32::from(b & 0x3F));
        self.bytes = &rest[tail.len()..];
        Some(cp)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.bytes.len().div_ceil(4), Some(self.bytes.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_str_round_trips() {
        let t = Text::from("héllo, 世界 🐍");
        assert_eq!(t.as_str(), Some("héllo, 世界 🐍"));
        assert_eq!(t.len_code_points(), 11);
        assert!(!t.is_ascii());
        assert!(Text::from(String::from("abc")).is_ascii());
        assert_eq!(Text::from("abc"), "abc");
    }

    #[test]
    fn surrogates_are_kept_unpaired() {
        let mut t = Text::new();
        t.push_code_point(0xD83D);
        t.push_code_point(0xDC0D);
        assert_eq!(t.as_bytes(), &[0xED, 0xA0, 0xBD, 0xED, 0xB0, 0x8D]);
        assert_eq!(t.as_str(), None);
        assert_eq!(t.len_code_points(), 2);
        assert_eq!(t.code_points().collect::<Vec<_>>(), vec![0xD83D, 0xDC0D]);
        assert_eq!(t.to_string(), "\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn every_code_point_round_trips() {
        let mut t = Text::new();
        for cp in 0..=MAX_CODE_POINT {
            t.push_code_point(cp);
        }
        assert_eq!(t.len_code_points(), 0x110000);
        assert!(t.code_points().eq(0..=MAX_CODE_POINT));
    }

    #[test]
    fn out_of_range_code_point_becomes_replacement() {
        let mut t = Text::new();
        t.push_code_point(0x110000);
        t.push_code_point(u32::MAX);
        assert_eq!(t.as_str(), Some("\u{FFFD}\u{FFFD}"));
    }

    #[test]
    fn push_helpers_append() {
        let mut t = Text::with_capacity(8);
        assert!(t.is_empty());
        t.push_str("ab");
        t.push_char('é');
        t.push_text(&Text::from('z'));
        assert_eq!(t, "abéz");
        assert_eq!(
            t.code_points().collect::<Vec<_>>(),
            vec![0x61, 0x62, 0xE9, 0x7A]
        );
    }

    #[test]
    fn order_is_code_point_order() {
        let mut lo = Text::new();
        lo.push_code_point(0xD7FF);
        let mut sur = Text::new();
        sur.push_code_point(0xDFFF);
        let mut hi = Text::new();
        hi.push_code_point(0xE000);
        let astral = Text::from("\u{10000}");
        assert!(lo < sur && sur < hi && hi < astral);
    }

    #[test]
    fn from_generalized_utf8_accepts_surrogates_only() {
        let t = Text::from_generalized_utf8(&[b'a', 0xED, 0xB2, 0x80, 0xC3, 0xA9]).unwrap();
        assert_eq!(
            t.code_points().collect::<Vec<_>>(),
            vec![0x61, 0xDC80, 0xE9]
        );
        let astral = "\u{10FFFF}\u{1F40D}".as_bytes();
        assert_eq!(
            Text::from_generalized_utf8(astral).unwrap(),
            Text::from("\u{10FFFF}\u{1F40D}")
        );
        assert_eq!(Text::from_generalized_utf8(b"").unwrap(), Text::new());
        for bad in [
            &[0x80][..],               // lone continuation byte
            &[0xC0, 0x80],             // overlong NUL
            &[0xC3],                   // truncated
            &[0xE0, 0x80, 0x80],       // overlong 3-byte
            &[0xE2, 0x28, 0xA1],       // bad continuation
            &[0xF0, 0x80, 0x80, 0x80], // overlong 4-byte
            &[0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
            &[0xF5, 0x80, 0x80, 0x80], // bad lead
            &[0xFF],
        ] {
            assert_eq!(Text::from_generalized_utf8(bad), None, "{bad:x?}");
        }
    }

    #[test]
    fn from_latin1_maps_each_byte() {
        let t = Text::from_latin1(&[b'a', 0xE9, 0x00, 0xFF]);
        assert_eq!(t, "a\u{E9}\0\u{FF}");
        assert_eq!(Text::from_latin1(b""), Text::new());
    }

    #[test]
    fn debug_is_python_repr() {
        let mut t = Text::from("a'");
        t.push_code_point(0xDC80);
        assert_eq!(format!("{t:?}"), "Text(\"a'\\udc80\")");
    }
}
