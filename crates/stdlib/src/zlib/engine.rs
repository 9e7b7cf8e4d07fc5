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

/// The container around the deflate data, as `wbits` selects it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Container {
    /// zlib header and Adler-32 trailer (`wbits` 9..15, 0 to decompress).
    Zlib,
    /// No header or trailer (`wbits` -15..-9).
    Raw,
    /// gzip header and CRC-32/size trailer (`wbits` 25..31).
    Gzip,
    /// zlib or gzip, whichever the header says (`wbits` 40..47, decompress only).
    Auto,
}

/// The container selected by a `wbits` value, or `None` for a value zlib
/// rejects.
pub fn format_for_wbits(wbits: i64, decompress: bool) -> Option<Container> {
    match wbits {
        9..=15 => Some(Container::Zlib),
        0 if decompress => Some(Container::Zlib),
        -15..=-9 => Some(Container::Raw),
        25..=31 => Some(Container::Gzip),
        40..=47 if decompress => Some(Container::Auto),
        8 if !decompress => Some(Container::Zlib),
        -8 if !decompress => Some(Container::Raw),
        24 if !decompress => Some(Container::Gzip),
        _ => None,
    }
}

/// The gzip header zlib writes: no name or time, `xfl` from the level, OS 3.
fn gzip_header(level: i64) -> [u8; 10] {
    let xfl = match level {
        9 => 2,
        1 => 4,
        _ => 0,
    };
    [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]
}

/// The length of the gzip header at the start of `b`: `Ok(None)` if more
/// bytes are needed.
fn parse_gzip_header(b: &[u8]) -> Result<Option<usize>, ZError> {
    let need = |n: usize| b.len() < n;
    if need(10) {
        if b.first().is_some_and(|&c| c != 0x1f) || b.get(1).is_some_and(|&c| c != 0x8b) {
            return Err(ZError {
                code: -3,
                text: "incorrect header check",
            });
        }
        return Ok(None);
    }
    if b[0] != 0x1f || b[1] != 0x8b {
        return Err(ZError {
            code: -3,
            text: "incorrect header check",
        });
    }
    if b[2] != 8 {
        return Err(ZError {
            code: -3,
            text: "unknown compression method",
        });
    }
    let flags = b[3];
    let mut pos = 10;
    if flags & 4 != 0 {
        if need(pos + 2) {
            return Ok(None);
        }
        pos += 2 + (usize::from(b[pos]) | (usize::from(b[pos + 1]) << 8));
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            match b.get(pos..).and_then(|r| r.iter().position(|&c| c == 0)) {
                Some(z) => pos += z + 1,
                None => return Ok(None),
            }
        }
    }
    if flags & 2 != 0 {
        pos += 2;
    }
    if need(pos) {
        return Ok(None);
    }
    Ok(Some(pos))
}

/// An incremental compressor (a `Compress` object's state).
pub struct Deflater {
    inner: Box<CompressorOxide>,
    finished: bool,
    /// For gzip: the header still to write, and the CRC-32 and length of
    /// the input so far (the trailer).
    gzip: Option<(Option<[u8; 10]>, u32, u32)>,
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
    pub fn new(level: i64, format: Container, strategy: i64) -> Deflater {
        let wbits = if format == Container::Zlib { 15 } else { -15 };
        let flags = create_comp_flags_from_zip_params(level as i32, wbits, strategy as i32);
        Deflater {
            inner: Box::new(CompressorOxide::new(flags)),
            finished: false,
            header_flags: (format == Container::Zlib).then(|| zlib_header_flags(level)),
            emitted: 0,
            gzip: (format == Container::Gzip).then(|| (Some(gzip_header(level)), 0, 0)),
        }
    }

    /// Compresses `input` with `flush` (`None` keeps data buffered; `Finish`
    /// ends the stream), returning what is ready.
    pub fn run(&mut self, input: &[u8], flush: MZFlush) -> Result<Vec<u8>, ZError> {
        let was_finished = self.finished;
        let body = self.run_raw(input, flush)?;
        let Some((header, crc, len)) = self.gzip.as_mut() else {
            return self.fix_zlib_header(body);
        };
        *crc = crate::binascii::crc32_bytes(input, *crc);
        *len = len.wrapping_add(input.len() as u32);
        let mut out = Vec::with_capacity(body.len() + 18);
        if let Some(h) = header.take() {
            out.extend_from_slice(&h);
        }
        out.extend_from_slice(&body);
        if self.finished && !was_finished {
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&len.to_le_bytes());
        }
        Ok(out)
    }

    /// Writes zlib's own header bytes over miniz's.
    fn fix_zlib_header(&mut self, mut out: Vec<u8>) -> Result<Vec<u8>, ZError> {
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
#[derive(Clone)]
pub struct Inflater {
    inner: Box<InflateState>,
    format: Container,
    /// Whether the end of the compressed stream was seen.
    pub eof: bool,
    header_checked: bool,
    /// For gzip: where the container is, and the bytes of a header or
    /// trailer gathered so far.
    gzip: GzipState,
    held: Vec<u8>,
    crc: u32,
    len: u32,
}

/// Where a gzip (or not yet known) stream's decoding is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum GzipState {
    /// Not gzip (zlib or raw): miniz does it all.
    None,
    /// Waiting for the first bytes to tell zlib from gzip.
    Detect,
    Header,
    Body,
    Trailer,
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
    pub fn new(format: Container) -> Inflater {
        let (data_format, gzip) = match format {
            Container::Zlib => (DataFormat::Zlib, GzipState::None),
            Container::Raw => (DataFormat::Raw, GzipState::None),
            Container::Gzip => (DataFormat::Raw, GzipState::Header),
            Container::Auto => (DataFormat::Raw, GzipState::Detect),
        };
        Inflater {
            inner: InflateState::new_boxed(data_format),
            format,
            eof: false,
            header_checked: false,
            gzip,
            held: Vec::new(),
            crc: 0,
            len: 0,
        }
    }

    /// Decompresses from `input` (at most `max_out` bytes out, 0: no limit),
    /// handling a gzip container around the deflate data.
    pub fn run(&mut self, input: &[u8], max_out: usize) -> Result<Inflated, ZError> {
        let mut consumed = 0;
        if self.gzip == GzipState::Detect {
            let before = self.held.len();
            self.held.extend_from_slice(input);
            if self.held.len() < 2 {
                return Ok(Inflated {
                    data: Vec::new(),
                    consumed: input.len(),
                });
            }
            let held = std::mem::take(&mut self.held);
            if held[0] == 0x1f && held[1] == 0x8b {
                self.gzip = GzipState::Header;
                self.format = Container::Gzip;
            } else {
                self.gzip = GzipState::None;
                self.format = Container::Zlib;
                self.inner = InflateState::new_boxed(DataFormat::Zlib);
                // The held bytes from earlier calls go through with `input`.
                let mut r = self.run_deflate(&held, max_out)?;
                r.consumed = r.consumed.saturating_sub(before);
                return Ok(r);
            }
            self.held = held[..before].to_vec();
        }
        if self.gzip == GzipState::None {
            return self.run_deflate(input, max_out);
        }
        if self.gzip == GzipState::Header {
            let before = self.held.len();
            self.held.extend_from_slice(input);
            match parse_gzip_header(&self.held)? {
                None => {
                    return Ok(Inflated {
                        data: Vec::new(),
                        consumed: input.len(),
                    })
                }
                Some(h) => {
                    consumed = h.saturating_sub(before);
                    self.held.clear();
                    self.gzip = GzipState::Body;
                }
            }
        }
        let mut data = Vec::new();
        if self.gzip == GzipState::Body {
            let r = self.run_deflate(input.get(consumed..).unwrap_or(&[]), max_out)?;
            consumed += r.consumed;
            self.crc = crate::binascii::crc32_bytes(&r.data, self.crc);
            self.len = self.len.wrapping_add(r.data.len() as u32);
            data = r.data;
            if self.eof {
                self.eof = false;
                self.gzip = GzipState::Trailer;
            }
        }
        if self.gzip == GzipState::Trailer {
            let rest = input.get(consumed..).unwrap_or(&[]);
            let take = (8 - self.held.len()).min(rest.len());
            self.held.extend_from_slice(&rest[..take]);
            consumed += take;
            if self.held.len() == 8 {
                let word = |i: usize| {
                    u32::from_le_bytes([
                        self.held[i],
                        self.held[i + 1],
                        self.held[i + 2],
                        self.held[i + 3],
                    ])
                };
                if word(0) != self.crc {
                    return Err(ZError {
                        code: -3,
                        text: "incorrect data check",
                    });
                }
                if word(4) != self.len {
                    return Err(ZError {
                        code: -3,
                        text: "incorrect length check",
                    });
                }
                self.eof = true;
            }
        }
        Ok(Inflated { data, consumed })
    }

    /// zlib's header checks on the first two bytes of a zlib stream.
    fn check_header(&mut self, input: &[u8]) -> Result<(), ZError> {
        if self.header_checked || self.format != Container::Zlib || input.len() < 2 {
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

    /// Decompresses deflate data (with miniz's zlib wrapper, or raw) from
    /// `input`, producing at most `max_out` bytes (0: no limit); stops at
    /// the end of the stream.
    fn run_deflate(&mut self, input: &[u8], max_out: usize) -> Result<Inflated, ZError> {
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
pub fn compress(data: &[u8], level: i64, format: Container) -> Result<Vec<u8>, ZError> {
    Deflater::new(level, format, 0).run(data, MZFlush::Finish)
}

/// One-shot `decompress`: the whole stream must be present (what follows
/// its end is ignored).
pub fn decompress(data: &[u8], format: Container) -> Result<Vec<u8>, ZError> {
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
        let z = compress(b"hello", -1, Container::Zlib).unwrap();
        assert_eq!(decompress(&z, Container::Zlib).unwrap(), b"hello");
        assert_eq!(
            decompress(&z[..z.len() - 1], Container::Zlib),
            Err(TRUNCATED)
        );
        assert_eq!(
            decompress(b"abc", Container::Zlib).unwrap_err().text,
            "incorrect header check"
        );
        assert_eq!(adler32(b"abc", 1), 0x024d_0127);
        let raw = compress(&[7u8; 100_000], 9, Container::Raw).unwrap();
        assert_eq!(
            decompress(&raw, Container::Raw).unwrap(),
            vec![7u8; 100_000]
        );
    }
}
