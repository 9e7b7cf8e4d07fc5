//! Shared pieces of the parser's differential tests: python3 parses every snippet in
//! one run, and both sides describe an error the same way.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::error::SyntaxError;

/// For each snippet, what python3's `ast.parse(src, '<unknown>', mode=mode)` gives:
/// the dump with positions, or `TYPE|msg|lineno|offset|end_lineno|end_offset` (and
/// `|repr(text)` when `with_text`). One python3 process for all snippets.
pub(crate) fn python_results(snippets: &[&str], mode: &str, with_text: bool) -> Vec<String> {
    const SCRIPT: &str = r#"
import ast, sys
out = []
mode, with_text = sys.argv[1], sys.argv[2] == '1'
for src in sys.stdin.buffer.read().decode().split('\0'):
    try:
        out.append(ast.dump(ast.parse(src, '<unknown>', mode=mode), include_attributes=True))
    except SyntaxError as e:
        line = '%s|%s|%s|%s|%s|%s' % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        out.append(line + ('|%r' % (e.text,) if with_text else ''))
sys.stdout.write('\0'.join(out))
"#;
    let flag = if with_text { "1" } else { "0" };
    let mut child = Command::new("python3")
        .args(["-W", "ignore", "-c", SCRIPT, mode, flag])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(snippets.join("\0").as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3 output");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .split('\0')
        .map(str::to_string)
        .collect()
}

/// Krait's error in the format of [`python_results`].
pub(crate) fn error_line(e: &SyntaxError, with_text: bool) -> String {
    let opt = |v: Option<i32>| v.map_or("None".to_string(), |v| v.to_string());
    let mut line = format!(
        "{}|{}|{}|{}|{}|{}",
        e.error_type.name(),
        e.msg,
        opt(e.lineno),
        opt(e.offset),
        opt(e.end_lineno),
        opt(e.end_offset),
    );
    if with_text {
        line.push('|');
        match &e.text {
            Some(t) => common::repr::write_repr_rust_str(&mut line, t),
            None => line.push_str("None"),
        }
    }
    line
}
