//! Buffered standard output for `print` (CPython's `sys.stdout` is a buffered
//! text stream too); flushed before anything goes to stderr and at exit.

use std::io::Write;

/// A buffered writer to fd 1.
pub struct StdStream {
    buf: Vec<u8>,
    /// `-u` / `PYTHONUNBUFFERED`: every write goes straight out.
    pub unbuffered: bool,
}

impl StdStream {
    /// The process's stdout.
    pub fn stdout() -> StdStream {
        StdStream {
            buf: Vec::with_capacity(8192),
            unbuffered: false,
        }
    }

    /// Appends bytes, flushing when the buffer is full.
    pub fn write(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
        if self.unbuffered || self.buf.len() >= 8192 {
            self.flush();
        }
    }

    /// Writes out the buffer.
    pub fn flush(&mut self) {
        if !self.buf.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&self.buf);
            let _ = out.flush();
            self.buf.clear();
        }
    }
}

impl Drop for StdStream {
    fn drop(&mut self) {
        self.flush();
    }
}
