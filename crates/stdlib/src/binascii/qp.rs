//! Quoted-printable (RFC 1521 / RFC 1522 headers) as CPython's
//! `binascii.a2b_qp` / `b2a_qp` do it, including their leniencies: a lone
//! '=' passes through, "==" decodes to '=', and the encoder keeps lines under
//! 76 characters and uses CRLF line ends if the first line end is CRLF.

/// The longest encoded line, soft break included (CPython's `MAXLINESIZE`).
const MAX_LINE: usize = 76;

/// `a2b_qp(data, header)`: decodes `=XX` escapes and soft line breaks; in a
/// header, '_' is a space.
pub fn a2b_qp(data: &[u8], header: bool) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            let Some(&next) = data.get(i) else {
                break;
            };
            if next == b'\n' || next == b'\r' {
                // A soft line break: skip to just past the '\n'.
                if next != b'\n' {
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < data.len() {
                    i += 1;
                }
            } else if next == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(h), Some(l)) = (hex(next), data.get(i + 1).and_then(|&c| hex(c))) {
                out.push((h * 16 + l) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Appends `=XX` (uppercase hex) for byte `c`.
fn push_escape(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.extend_from_slice(&[b'=', HEX[usize::from(c >> 4)], HEX[usize::from(c & 15)]]);
}

/// `b2a_qp(data, quotetabs, istext, header)`.
pub fn b2a_qp(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let n = data.len();
    let mut out = Vec::with_capacity(n + n / 8);
    let mut line_len = 0usize;
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let at_end = i + 1 == n;
        let must_escape = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && line_len == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && at_end)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if must_escape {
            if line_len + 3 >= MAX_LINE {
                soft_break(&mut out);
                line_len = 0;
            }
            push_escape(&mut out, c);
            i += 1;
            line_len += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            line_len = 0;
            // Whitespace at the end of a line is escaped.
            if let Some(&last) = out.last().filter(|&&l| l == b' ' || l == b'\t') {
                out.pop();
                push_escape(&mut out, last);
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if !at_end && next != Some(b'\n') && line_len + 1 >= MAX_LINE {
                soft_break(&mut out);
                line_len = 0;
            }
            line_len += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qp_round_trip() {
        assert_eq!(b2a_qp(b"a=b \n", false, true, false), b"a=3Db=20\n");
        assert_eq!(a2b_qp(b"a=3Db=20\n", false), b"a=b \n");
        assert_eq!(a2b_qp(b"a_b=\r\nc", true), b"a bc");
        assert_eq!(b2a_qp(b"a b", false, true, true), b"a_b");
    }
}
