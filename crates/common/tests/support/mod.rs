//! Shared helpers for the differential tests: run python3 (CPython 3.11, the oracle)
//! on a script with input lines, a small deterministic random generator, and hex
//! encoding of text so any code point (lone surrogates included) crosses the pipe.
#![allow(dead_code)]

use common::text::Text;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `python3 -c script`, feeding `input` on stdin; returns stdout's lines. Panics
/// (fails the test) if python3 is missing or exits with an error.
pub fn run_python(script: &str, input: &str) -> Vec<String> {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is required for this test (CPython 3.11 is the oracle)");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || {
        stdin.write_all(input.as_bytes()).expect("write to python3");
    });
    let out = child.wait_with_output().expect("python3 output");
    writer.join().expect("writer thread");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8 from python3")
        .lines()
        .map(str::to_string)
        .collect()
}

/// Python helpers prepended to every script: `unhex` / `tohex` for text in
/// generalized UTF-8 (surrogatepass), `outcome` to print a result or an exception.
pub const PY_PRELUDE: &str = r#"
import sys, struct
def unhex(h): return bytes.fromhex(h).decode('utf-8', 'surrogatepass')
def tohex(s): return s.encode('utf-8', 'surrogatepass').hex()
def f64(n): return struct.unpack('<d', struct.pack('<Q', int(n)))[0]
def outcome(fn):
    try:
        r = fn()
    except Exception as e:
        return 'ERR ' + type(e).__name__ + ': ' + str(e)
    if isinstance(r, str): return 'OK ' + tohex(r)
    return 'OK ' + repr(r)
"#;

/// Hex of a text's generalized UTF-8 (what `tohex` prints in Python).
pub fn hex(t: &Text) -> String {
    t.as_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex of a Rust string.
pub fn hex_str(s: &str) -> String {
    hex(&Text::from(s))
}

/// xorshift64*: deterministic, dependency-free randomness for case generation.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One element of `items`.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Compares paired outcomes, printing up to 20 differences; returns (compared, same).
pub fn compare(cases: &[String], ours: &[String], theirs: &[String]) -> (usize, usize) {
    assert_eq!(
        ours.len(),
        theirs.len(),
        "python3 answered a different number of cases"
    );
    let mut same = 0;
    let mut shown = 0;
    for ((case, a), b) in cases.iter().zip(ours).zip(theirs) {
        if a == b {
            same += 1;
        } else if shown < 20 {
            shown += 1;
            eprintln!("case {case}\n  krait:   {a}\n  cpython: {b}");
        }
    }
    let ok = ours.iter().filter(|a| a.starts_with("OK")).count();
    eprintln!(
        "{same}/{} identical ({ok} results, {} errors)",
        ours.len(),
        ours.len() - ok
    );
    (ours.len(), same)
}
