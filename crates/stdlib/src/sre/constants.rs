//! The numbering `_sre` shares with `re/_constants.py` (3.11, `MAGIC`
//! 20220615): opcodes, `AT_*` position codes, `CATEGORY_*` codes, flags and
//! `INFO` block flags. Each list is written once, in `_constants.py`'s order;
//! the numbers are the positions in it.

/// The engine version `re._constants.MAGIC` must equal.
pub const MAGIC: u32 = 20220615;
/// Bytes per code word (`_sre.CODESIZE`, `getcodesize()`).
pub const CODESIZE: u32 = 4;
/// The largest repeat count; also the "no upper bound" marker (`MAXREPEAT`).
pub const MAXREPEAT: u32 = u32::MAX;
/// The most groups a pattern may have (`MAXGROUPS`: `INT32_MAX / 2` on 64-bit).
pub const MAXGROUPS: u32 = i32::MAX as u32 / 2;

/// Defines one `u32` constant per name, numbered from 0 in order, plus a table
/// of the names (for debugging and tests).
macro_rules! numbered {
    ($table:ident: $($name:ident),* $(,)?) => {
        numbered!(@step 0u32; $($name),*);
        /// The names, indexed by number.
        #[allow(dead_code)]
        pub const $table: &[&str] = &[$(stringify!($name)),*];
    };
    (@step $n:expr; $first:ident $(, $rest:ident)*) => {
        #[allow(missing_docs, dead_code)]
        pub const $first: u32 = $n;
        numbered!(@step $n + 1u32; $($rest),*);
    };
    (@step $n:expr;) => {};
}

/// Opcodes (`OPCODES` in `_constants.py`; the operand layout of each is
/// described where `engine.rs` executes it).
pub mod op {
    numbered!(OPCODE_NAMES:
        FAILURE, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY,
        CHARSET, BIGCHARSET, GROUPREF, GROUPREF_EXISTS, IN, INFO, JUMP, LITERAL,
        MARK, MAX_UNTIL, MIN_UNTIL, NOT_LITERAL, NEGATE, RANGE, REPEAT, REPEAT_ONE,
        SUBPATTERN, MIN_REPEAT_ONE, ATOMIC_GROUP, POSSESSIVE_REPEAT,
        POSSESSIVE_REPEAT_ONE, GROUPREF_IGNORE, IN_IGNORE, LITERAL_IGNORE,
        NOT_LITERAL_IGNORE, GROUPREF_LOC_IGNORE, IN_LOC_IGNORE, LITERAL_LOC_IGNORE,
        NOT_LITERAL_LOC_IGNORE, GROUPREF_UNI_IGNORE, IN_UNI_IGNORE,
        LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE, RANGE_UNI_IGNORE,
    );
}

/// Position assertions, the operand of `AT` (`ATCODES`).
pub mod at {
    numbered!(AT_NAMES:
        BEGINNING, BEGINNING_LINE, BEGINNING_STRING, BOUNDARY, NON_BOUNDARY, END,
        END_LINE, END_STRING, LOC_BOUNDARY, LOC_NON_BOUNDARY, UNI_BOUNDARY,
        UNI_NON_BOUNDARY,
    );
}

/// Character classes, the operand of `CATEGORY` (`CHCODES`).
pub mod category {
    numbered!(CATEGORY_NAMES:
        DIGIT, NOT_DIGIT, SPACE, NOT_SPACE, WORD, NOT_WORD, LINEBREAK,
        NOT_LINEBREAK, LOC_WORD, LOC_NOT_WORD, UNI_DIGIT, UNI_NOT_DIGIT, UNI_SPACE,
        UNI_NOT_SPACE, UNI_WORD, UNI_NOT_WORD, UNI_LINEBREAK, UNI_NOT_LINEBREAK,
    );
}

/// Pattern flags (`SRE_FLAG_*`), in bit order, with the names `Pattern.__repr__`
/// shows.
pub const FLAG_NAMES: &[(u32, &str)] = &[
    (1, "re.TEMPLATE"),
    (2, "re.IGNORECASE"),
    (4, "re.LOCALE"),
    (8, "re.MULTILINE"),
    (16, "re.DOTALL"),
    (32, "re.UNICODE"),
    (64, "re.VERBOSE"),
    (128, "re.DEBUG"),
    (256, "re.ASCII"),
];
/// `re.LOCALE`.
pub const FLAG_LOCALE: u32 = 4;
/// `re.UNICODE`.
pub const FLAG_UNICODE: u32 = 32;
/// `re.ASCII`.
pub const FLAG_ASCII: u32 = 256;

/// `INFO` flag: the pattern starts with a literal prefix.
pub const INFO_PREFIX: u32 = 1;
/// `INFO` flag: the whole pattern is that prefix.
pub const INFO_LITERAL: u32 = 2;
/// `INFO` flag: the pattern starts with a character from a known set.
pub const INFO_CHARSET: u32 = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_matches_constants_py() {
        assert_eq!(op::FAILURE, 0);
        assert_eq!(op::IN, 13);
        assert_eq!(op::RANGE_UNI_IGNORE, 42);
        assert_eq!(op::OPCODE_NAMES.len(), 43);
        assert_eq!(at::UNI_NON_BOUNDARY, 11);
        assert_eq!(category::UNI_NOT_LINEBREAK, 17);
    }
}
