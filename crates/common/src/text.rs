//! Python `str` contents: a sequence of code points that may include lone surrogates
//! (U+D800..U+DFFF), which Rust's `str` cannot hold. Stored as "generalized UTF-8":
//! UTF-8 in which surrogate code points are encoded like any other 3-byte code point
//! and are never combined into pairs.

/// Owned Python text. Equal to a Rust `String` when it holds no surrogates.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Text {
    bytes: Vec<u8>,
}

impl Text {
    /// Text from a Rust string (never holds surrogates).
    pub fn from_str(s: &str) -> Text {
        Text {
            bytes: s.as_bytes().to_vec(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Builders added by the tokenizer/literal work (crates/syntax/src/literal.rs needs to
// build string constants, lone surrogates included). Kept minimal and separate so the
// owner of this file can reconcile them with the full `Text` API.
impl Text {
    /// Append one Unicode scalar value.
    pub fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Append any code point up to U+10FFFF, lone surrogates included (encoded as
    /// 3-byte generalized UTF-8). Values above U+10FFFF are ignored.
    pub fn push_code_point(&mut self, cp: u32) {
        if let Some(c) = char::from_u32(cp) {
            self.push_char(c);
        } else if (0xD800..=0xDFFF).contains(&cp) {
            self.bytes.extend_from_slice(&[
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]);
        }
    }

    /// Append a Rust string.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }
}
