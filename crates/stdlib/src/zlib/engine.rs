//! Deflate and inflate streams over `miniz_oxide`, shaped the way CPython's
//! `Modules/zlibmodule.c` drives zlib: incremental input, output collected
//! in chunks, a stream end that leaves unused input behind, and zlib's
//! error numbers and texts for the messages of `zlib.error`.

use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
use miniz_oxide::inflate::stream::InflateState;
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

/// Output is produced in chunks of this size (CPython's `DEF_BUF_SIZE`).
const CHUNK: usize = 16 * 1024;

/// A zlib failure: zlib's error number and text ("incorrect header check").
#[derive(Debug, PartialEq, Eq)]
pub struct ZError {
    /// zlib's return code (`Z_DATA_ERROR` is -3, `Z_BUF_ERROR` -5, ...).
    pub code: i32,
    /// zlib's message for it.
    pub text: &'static str,
}

const TRUNCATED: ZError = ZError {
    code: -5,
    text: "incomplete or truncated stream",
};

/// The stream format selected by a `wbits` value, or `None` for a value
/// zlib rejects (gzip containers, 16 + n, aren't supported).
pub fn format_for_wbits(wbits: i64, decompress: bool) -> Option<DataFormat> {
    match wbits {
        9..=15 => Some(DataFormat::Zlib),
        0 if decompress => Some(DataFormat::Zlib),
        -15..=-9 => Some(DataFormat::Raw),
        8 if !decompress => Some(DataFormat::Zlib),
        -8 if !decompress => Some(DataFormat::Raw),
        _ => None,
    }
}

/// An incremental compressor (a `Compress` object's state).
pub struct Deflater {
    inner: Box<CompressorOxide>,
    finished: bool,
    /// zlib's header flag byte for this level, written with CMF over miniz's
    /// header (which encodes the level differently) as the stream starts.
    header_flags: Option<u8>,
    emitted: usize,
}

/// The FLG byte zlib writes after CMF 0x78 for compression `level`.
fn zlib_header_flags(level: i64) -> u8 {
    let flevel: u16 = match level {
        0 | 1 => 0,
        2..=5 => 1,
        7..=9 => 3,
        _ => 2,
    };
    let base = 0x7800 | (flevel << 6);
    let check = (31 - base % 31) % 31;
    ((base | check) & 0xff) as u8
}

impl Deflater {
    /// A compressor at `level` (-1 default, 0-9) writing `format`.
    pub fn new(level: i64, format: DataFormat, strategy: i64) -> Deflater {
        let wbits = if format == DataFormat::Raw { -15 } else { 15 };
        let flags = create_comp_flags_from_zip_params(level as i32, wbits, strategy as i32);
        Deflater {
            inner: Box::new(CompressorOxide::new(flags)),
            finished: false,
            header_flags: (format == DataFormat::Zlib).then(|| zlib_header_flags(level)),
            emitted: 0,
        }
    }

    /// Compresses `input` with `flush` (`None` keeps data buffered; `Finish`
    /// ends the stream), returning what is ready.
    pub fn run(&mut self, input: &[u8], flush: MZFlush) -> Result<Vec<u8>, ZError> {
        let mut out = self.run_raw(input, flush)?;
        if let Some(flg) = self.header_flags {
            // The two header bytes: CMF (deflate, 32 KiB window) and FLG.
            for (pos, byte) in [(0usize, 0x78u8), (1, flg)] {
                if let Some(b) = pos.checked_sub(self.emitted).and_then(|i| out.get_mut(i)) {
                    *b = byte;
                }
            }
            if self.emitted + out.len() >= 2 {
                self.header_flags = None;
            }
        }
        self.emitted += out.len();
        Ok(out)
    }

    fn run_raw(&mut self, mut input: &[u8], flush: MZFlush) -> Result<Vec<u8>, ZError> {
        if self.finished {
            if input.is_empty() && flush == MZFlush::Finish {
                return Ok(Vec::new());
            }
            return Err(ZError {
                code: -2,
                text: "inconsistent stream state",
            });
        }
        let mut out = Vec::new();
        let mut buf = vec![0u8; CHUNK];
        loop {
            let r = miniz_oxide::deflate::stream::deflate(&mut self.inner, input, &mut buf, flush);
            input = input.get(r.bytes_consumed..).unwrap_or(&[]);
            out.extend_from_slice(buf.get(..r.bytes_written).unwrap_or(&[]));
            match r.status {
                Ok(MZStatus::StreamEnd) => {
                    self.finished = true;
                    return Ok(out);
                }
                Ok(_) => {}
                Err(MZError::Buf) => {
                    if input.is_empty() {
                        return Ok(out);
                    }
                }
                Err(_) => {
                    return Err(ZError {
                        code: -2,
                        text: "inconsistent stream state",
                    })
                }
            }
            let full = r.bytes_written == buf.len();
            if input.is_empty() && !full && flush != MZFlush::Finish {
                return Ok(out);
            }
            if r.bytes_consumed == 0 && r.bytes_written == 0 && !full {
                return Ok(out);
            }
        }
    }
}

/// An incremental decompressor (a `Decompress` object's state).
pub struct Inflater {
    inner: Box<InflateState>,
    format: DataFormat,
    /// Whether the end of the compressed stream was seen.
    pub eof: bool,
    header_checked: bool,
}

/// What one decompression step produced.
pub struct Inflated {
    /// The decompressed bytes.
    pub data: Vec<u8>,
    /// How many input bytes were used.
    pub consumed: usize,
}

impl Inflater {
    /// A decompressor for `format`.
    pub fn new(format: DataFormat) -> Inflater {
        Inflater {
            inner: InflateState::new_boxed(format),
            format,
            eof: false,
            header_checked: false,
        }
    }

    /// zlib's header checks on the first two bytes of a zlib stream.
    fn check_header(&mut self, input: &[u8]) -> Result<(), ZError> {
        if self.header_checked || self.format != DataFormat::Zlib || input.len() < 2 {
            return Ok(());
        }
        self.header_checked = true;
        let (cmf, flg) = (u16::from(input[0]), u16::from(input[1]));
        if (cmf * 256 + flg) % 31 != 0 {
            return Err(ZError {
                code: -3,
                text: "incorrect header check",
            });
        }
        if cmf & 0x0f != 8 {
            return Err(ZError {
                code: -3,
                text: "unknown compression method",
            });
        }
        Ok(())
    }

    /// Decompresses from `input`, producing at most `max_out` bytes (0: no
    /// limit); stops at the end of the stream.
    pub fn run(&mut self, input: &[u8], max_out: usize) -> Result<Inflated, ZError> {
        self.check_header(input)?;
        let mut out = Vec::new();
        let mut consumed = 0;
        while !self.eof {
            let room = if max_out == 0 {
                CHUNK
            } else {
                (max_out - out.len()).min(CHUNK)
            };
            if room == 0 {
                break;
            }
            let mut buf = vec![0u8; room];
            let rest = input.get(consumed..).unwrap_or(&[]);
            let r = miniz_oxide::inflate::stream::inflate(
                &mut self.inner,
                rest,
                &mut buf,
                MZFlush::None,
            );
            consumed += r.bytes_consumed;
            out.extend_from_slice(buf.get(..r.bytes_written).unwrap_or(&[]));
            match r.status {
                Ok(MZStatus::StreamEnd) => self.eof = true,
                Ok(_) | Err(MZError::Buf) => {
                    if r.bytes_consumed == 0 && r.bytes_written == 0 {
                        break;
                    }
                }
                Err(_) => return Err(self.data_error()),
            }
        }
        Ok(Inflated {
            data: out,
            consumed,
        })
    }

    #[cold]
    fn data_error(&self) -> ZError {
        use miniz_oxide::inflate::TINFLStatus;
        let text = match self.inner.last_status() {
            TINFLStatus::Adler32Mismatch => "incorrect data check",
            _ => "invalid block type",
        };
        ZError { code: -3, text }
    }
}

/// One-shot `compress`.
pub fn compress(data: &[u8], level: i64, format: DataFormat) -> Result<Vec<u8>, ZError> {
    Deflater::new(level, format, 0).run(data, MZFlush::Finish)
}

/// One-shot `decompress`: the whole stream must be present (what follows
/// its end is ignored).
pub fn decompress(data: &[u8], format: DataFormat) -> Result<Vec<u8>, ZError> {
    let mut z = Inflater::new(format);
    let r = z.run(data, 0)?;
    if !z.eof {
        return Err(TRUNCATED);
    }
    Ok(r.data)
}

/// `adler32(data, value)`.
pub fn adler32(data: &[u8], value: u32) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (value & 0xffff, value >> 16);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_checksums() {
        let z = compress(b"hello", -1, DataFormat::Zlib).unwrap();
        assert_eq!(decompress(&z, DataFormat::Zlib).unwrap(), b"hello");
        assert_eq!(
            decompress(&z[..z.len() - 1], DataFormat::Zlib),
            Err(TRUNCATED)
        );
        assert_eq!(
            decompress(b"abc", DataFormat::Zlib).unwrap_err().text,
            "incorrect header check"
        );
        assert_eq!(adler32(b"abc", 1), 0x024d_0127);
        let raw = compress(&[7u8; 100_000], 9, DataFormat::Raw).unwrap();
        assert_eq!(
            decompress(&raw, DataFormat::Raw).unwrap(),
            vec![7u8; 100_000]
        );
    }
}
