//! The byte-level codecs of `binascii` (CPython's `Modules/binascii.c`),
//! free of Python objects so they can be tested alone: uuencode, base64,
//! hex, and the CRCs. Quoted-printable is in `qp.rs`.

/// Why a decoder rejected its input: the text of `binascii.Error`.
pub type CodecError = String;

/// The base64 alphabet (RFC 4648 §4).
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The value of base64 digit `c`, or `None` for any other byte ('=' included).
fn b64_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `b2a_base64`: standard base64 with `=` padding, `\n` appended if asked.
pub fn b2a_base64(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let digits = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
        for (i, d) in digits.iter().enumerate() {
            if i <= chunk.len() {
                out.push(B64[*d as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    out
}

/// `a2b_base64`: decodes base64, skipping bytes outside the alphabet and
/// stopping at a complete pad sequence; `strict` rejects anything but
/// canonical base64 (CPython's messages).
pub fn a2b_base64(data: &[u8], strict: bool) -> Result<Vec<u8>, CodecError> {
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let mut quad_pos = 0u8;
    let mut left = 0u32;
    let mut pads = 0usize;
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad_pos >= 2 && usize::from(quad_pos) + pads >= 4 {
                if strict && i + 1 < data.len() {
                    return Err("Excess data after padding".into());
                }
                return Ok(out);
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = v;
            }
            1 => {
                quad_pos = 2;
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

/// `b2a_uu`: one uuencoded line (at most 45 bytes of data) ending in `\n`;
/// `backtick` writes zero digits as '`' instead of ' '.
pub fn b2a_uu(data: &[u8], backtick: bool) -> Result<Vec<u8>, CodecError> {
    if data.len() > 45 {
        return Err("At most 45 bytes at once".into());
    }
    let digit = |d: u32| -> u8 {
        if backtick && d == 0 {
            b'`'
        } else {
            b' ' + d as u8
        }
    };
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(digit(data.len() as u32));
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for shift in [18, 12, 6, 0] {
            out.push(digit((n >> shift) & 63));
        }
    }
    out.push(b'\n');
    Ok(out)
}

/// `a2b_uu`: decodes one uuencoded line; missing characters at the end of
/// the line count as zeros, and what follows the data may only be
/// whitespace or '`'.
pub fn a2b_uu(data: &[u8]) -> Result<Vec<u8>, CodecError> {
    // CPython reads the length from the terminating NUL of an empty input.
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = usize::from(first.wrapping_sub(b' ') & 0o77);
    let mut out = Vec::with_capacity(bin_len);
    let mut rest = data.get(1..).unwrap_or(&[]).iter();
    let mut left = 0u32;
    let mut bits = 0u32;
    while bin_len > 0 {
        let c = match rest.next() {
            None | Some(b'\n' | b'\r') => 0,
            Some(&c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err("Illegal char".into());
                }
                u32::from((c - b' ') & 0o77)
            }
        };
        left = (left << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((left >> bits) as u8);
            left &= (1 << bits) - 1;
            bin_len -= 1;
        }
    }
    for &c in rest {
        if !matches!(c, b' ' | b'`' | b'\n' | b'\r') {
            return Err("Trailing garbage".into());
        }
    }
    Ok(out)
}

/// `b2a_hex`: two lowercase hex digits per byte; with `sep`, groups of
/// `per_sep` bytes counted from the right (from the left when negative).
pub fn b2a_hex(data: &[u8], sep: Option<u8>, per_sep: i64) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let group = per_sep.unsigned_abs() as usize;
    let mut out = Vec::with_capacity(data.len() * 3);
    let len = data.len();
    for (i, b) in data.iter().enumerate() {
        if let Some(s) = sep.filter(|_| group != 0 && i > 0) {
            let boundary = if per_sep > 0 {
                (len - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 15)]);
    }
    out
}

/// `a2b_hex`: pairs of hex digits (either case) to bytes.
pub fn a2b_hex(data: &[u8]) -> Result<Vec<u8>, CodecError> {
    if !data.len().is_multiple_of(2) {
        return Err("Odd-length string".into());
    }
    let digit = |c: u8| (c as char).to_digit(16);
    data.chunks(2)
        .map(|p| match (digit(p[0]), digit(p[1])) {
            (Some(h), Some(l)) => Ok((h * 16 + l) as u8),
            _ => Err("Non-hexadecimal digit found".to_string()),
        })
        .collect()
}

/// The CRC-32 table (polynomial 0xEDB88320, reflected), built at compile time.
const CRC32_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// `crc32(data, crc)`: zlib's CRC-32, continuing from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c = CRC32_TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// The CRC-CCITT table (polynomial 0x1021, not reflected).
const CRC_HQX_TABLE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// `crc_hqx(data, crc)`: the CRC-CCITT of BinHex 4, continuing from `crc`.
pub fn crc_hqx(data: &[u8], crc: u16) -> u16 {
    let mut c = crc;
    for &b in data {
        c = (c << 8) ^ CRC_HQX_TABLE[usize::from((c >> 8) as u8 ^ b)];
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip_and_errors() {
        assert_eq!(
            b2a_base64(b"any carnal pleas", true),
            b"YW55IGNhcm5hbCBwbGVhcw==\n"
        );
        assert_eq!(
            a2b_base64(b"YW55IGNhcm5hbCBwbGVhcw==", false).unwrap(),
            b"any carnal pleas"
        );
        assert_eq!(a2b_base64(b"ab", false).unwrap_err(), "Incorrect padding");
        assert!(a2b_base64(b"abcde", false).unwrap_err().contains("(5)"));
        assert_eq!(
            a2b_base64(b"=YQ==", true).unwrap_err(),
            "Leading padding not allowed"
        );
        assert_eq!(a2b_base64(b"YQ==YQ==", false).unwrap(), b"a");
    }

    #[test]
    fn uu_hex_crc() {
        assert_eq!(b2a_uu(b"Cat", false).unwrap(), b"#0V%T\n");
        assert_eq!(a2b_uu(b"#0V%T\n").unwrap(), b"Cat");
        assert_eq!(a2b_uu(b"").unwrap(), vec![0; 32]);
        assert_eq!(b2a_hex(b"\x01\xab\xcd", Some(b'-'), 2), b"01-abcd");
        assert_eq!(b2a_hex(b"\x01\xab\xcd", Some(b'-'), -2), b"01ab-cd");
        assert_eq!(a2b_hex(b"01aB").unwrap(), b"\x01\xab");
        assert_eq!(crc32(b"hello world", 0), 0x0d4a_1185);
        assert_eq!(crc_hqx(b"123456789", 0xffff), 0x29b1);
    }
}
