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
