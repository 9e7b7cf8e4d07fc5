//! `.pyc` files: CPython 3.11's 16-byte header followed by `marshal.dumps(code)`
//! (see `importlib._bootstrap_external._code_to_timestamp_pyc` / `_code_to_hash_pyc`).

use crate::code::CodeObject;
use crate::marshal::{self, MarshalError};

/// CPython 3.11's magic number (3495) as the 4 bytes that start a `.pyc`.
pub const MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];
/// `MAGIC` as the number `importlib.util.MAGIC_NUMBER` encodes.
pub const MAGIC_NUMBER: u16 = 3495;

/// How the `.pyc` is validated against its source (header flags, PEP 552).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// Flags 0: source modification time and size (both truncated to 32 bits).
    Timestamp {
        /// Source mtime in seconds.
        mtime: u32,
        /// Source size in bytes.
        source_size: u32,
    },
    /// Flags 1 (unchecked) or 3 (checked): SipHash-1-3 of the source.
    Hash {
        /// The 8-byte source hash.
        hash: [u8; 8],
        /// Whether the importer checks the hash (`check_source` bit).
        check_source: bool,
    },
}

/// A `.pyc` file: its header fields and the module's code object.
#[derive(Clone, Debug, PartialEq)]
pub struct Pyc {
    /// How the file is validated.
    pub validation: Validation,
    /// The module code object.
    pub code: CodeObject,
}

/// Why a `.pyc` could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PycError {
    /// Shorter than the 16-byte header.
    Truncated,
    /// The magic number is not 3.11's.
    BadMagic([u8; 4]),
    /// Unknown header flag bits.
    BadFlags(u32),
    /// The marshalled code is bad.
    Marshal(MarshalError),
}

impl std::fmt::Display for PycError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PycError::Truncated => f.write_str("pyc header too short"),
            PycError::BadMagic(m) => write!(f, "bad magic number in .pyc: {m:02x?}"),
            PycError::BadFlags(x) => write!(f, "invalid flags {x:#x} in .pyc"),
            PycError::Marshal(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for PycError {}

/// Splits a `.pyc` into its validation header and the marshalled data after it.
pub fn read_header(data: &[u8]) -> Result<(Validation, &[u8]), PycError> {
    if data.len() < 16 {
        return Err(PycError::Truncated);
    }
    let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let magic = [data[0], data[1], data[2], data[3]];
    if magic != MAGIC {
        return Err(PycError::BadMagic(magic));
    }
    let flags = word(4);
    let validation = match flags {
        0 => Validation::Timestamp {
            mtime: word(8),
            source_size: word(12),
        },
        1 | 3 => {
            let mut hash = [0u8; 8];
            hash.copy_from_slice(&data[8..16]);
            Validation::Hash {
                hash,
                check_source: flags & 2 != 0,
            }
        }
        _ => return Err(PycError::BadFlags(flags)),
    };
    Ok((validation, &data[16..]))
}

/// Reads a whole `.pyc`.
pub fn read(data: &[u8]) -> Result<Pyc, PycError> {
    let (validation, rest) = read_header(data)?;
    let code = marshal::loads_code(rest).map_err(PycError::Marshal)?;
    Ok(Pyc { validation, code })
}

/// The 16-byte header for a validation mode.
pub fn header(validation: &Validation) -> [u8; 16] {
    let mut h = [0u8; 16];
    h[..4].copy_from_slice(&MAGIC);
    match validation {
        Validation::Timestamp { mtime, source_size } => {
            h[8..12].copy_from_slice(&mtime.to_le_bytes());
            h[12..16].copy_from_slice(&source_size.to_le_bytes());
        }
        Validation::Hash { hash, check_source } => {
            let flags: u32 = if *check_source { 3 } else { 1 };
            h[4..8].copy_from_slice(&flags.to_le_bytes());
            h[8..16].copy_from_slice(hash);
        }
    }
    h
}

/// Writes a whole `.pyc` (header, then `marshal.dumps(code)`).
pub fn write(pyc: &Pyc) -> Vec<u8> {
    let mut out = header(&pyc.validation).to_vec();
    out.extend(marshal::dumps_code(&pyc.code));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trip() {
        for v in [
            Validation::Timestamp {
                mtime: 1_700_000_000,
                source_size: 1234,
            },
            Validation::Hash {
                hash: [1, 2, 3, 4, 5, 6, 7, 8],
                check_source: true,
            },
            Validation::Hash {
                hash: [9; 8],
                check_source: false,
            },
        ] {
            let h = header(&v);
            assert_eq!(read_header(&h).unwrap().0, v);
        }
    }

    #[test]
    fn bad_headers() {
        assert_eq!(read_header(&[0xa7, 0x0d]), Err(PycError::Truncated));
        let mut h = header(&Validation::Timestamp {
            mtime: 0,
            source_size: 0,
        });
        h[4] = 4;
        assert_eq!(read_header(&h), Err(PycError::BadFlags(4)));
        h[0] = 0;
        assert!(matches!(read_header(&h), Err(PycError::BadMagic(_))));
        let h = header(&Validation::Timestamp {
            mtime: 0,
            source_size: 0,
        });
        assert!(matches!(
            read(&h),
            Err(PycError::Marshal(MarshalError::Truncated))
        ));
    }
}
