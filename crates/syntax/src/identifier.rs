//! Identifier normalization: CPython's parser NFKC-normalizes non-ASCII identifiers
//! (PEP 3131, `_PyPegen_new_identifier`).

use unicode_normalization::UnicodeNormalization;

/// The NFKC form of a non-ASCII identifier.
pub fn normalize(name: &str) -> String {
    name.nfkc().collect()
}
