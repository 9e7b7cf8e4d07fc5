//! Every `SyntaxError` field against python3 (CPython 3.11.7) for the full pipeline:
//! `syntax::parse(bytes, "f", mode)` must give what `compile(bytes, "f", mode,
//! ast.PyCF_ONLY_AST)` gives (type, msg, lineno, offset, end_lineno, end_offset, text),
//! or, when CPython accepts the input, the same `ast.dump` — in each of the modes
//! exec, eval and single. CPython's -1 and `None` are kept apart.
//!
//! Skipped (with a message) when `python3` cannot be run.

use std::process::Command;
use syntax::dump::dump;
use syntax::Mode;

const SCRIPT: &str = r#"
import ast, sys, warnings
warnings.simplefilter("ignore")
mode = sys.argv[1]
for a in sys.argv[2:]:
    src = bytes.fromhex(a)
    try:
        t = compile(src, "f", mode, ast.PyCF_ONLY_AST)
        print("ok " + ast.dump(t, include_attributes=True))
    except SyntaxError as e:
        print("%s|%s|%s|%s|%s|%s|%r" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text))
    except (MemoryError, RecursionError, ValueError) as e:
        print("%s|%s" % (type(e).__name__, e))
"#;

fn hex(s: &[u8]) -> String {
    s.iter().map(|b| format!("{b:02x}")).collect()
}

fn python(mode: &str, snippets: &[&[u8]]) -> Option<Vec<String>> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(mode)
        .args(snippets.iter().map(|s| hex(s)))
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(lines.len(), snippets.len());
    Some(lines)
}

/// Python's `repr` of a `str` for the characters our snippets use.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn ours(src: &[u8], mode: Mode) -> String {
    let opt = |v: Option<i32>| v.map_or("None".to_string(), |v| v.to_string());
    match syntax::parse(src, "f", mode) {
        Ok(m) => format!("ok {}", dump(&m)),
        Err(e) if e.error_type == syntax::SyntaxErrorType::MemoryError => "MemoryError|".into(),
        Err(e) => format!(
            "{}|{}|{}|{}|{}|{}|{}",
            e.error_type.name(),
            e.msg,
            opt(e.lineno),
            opt(e.offset),
            opt(e.end_lineno),
            opt(e.end_offset),
            e.text.as_deref().map_or("None".to_string(), py_repr),
        ),
    }
}

fn check(modes: &[(&str, Mode)], snippets: &[&[u8]]) {
    let mut failures = Vec::new();
    for &(name, mode) in modes {
        let Some(want) = python(name, snippets) else {
            eprintln!("python3 not available; skipped");
            return;
        };
        for (src, want) in snippets.iter().zip(want) {
            let got = ours(src, mode);
            if got != want {
                failures.push(format!(
                    "{name} {:?}\n  python: {want}\n  krait:  {got}",
                    String::from_utf8_lossy(src)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const ALL: &[(&str, Mode)] = &[
    ("exec", Mode::Exec),
    ("eval", Mode::Eval),
    ("single", Mode::Single),
];

/// Errors whose position fields CPython reports as -1 or 0 rather than `None`.
#[test]
fn minus_one_and_zero_positions() {
    check(
        ALL,
        &[
            b"if x:\n    a\n  b\n",
            b"if x:\n    a\n  b",
            b"if x:\n",
            b"if x:",
            b"for x in y:\n",
            b"if x:\n  y",
            b"if x:\n  y\n",
            b"if x:\n  y\nz\n",
            b"x = 1\ny = 2\n",
            b"f'{a'",
            b"f'{a'\n",
            b"f'{'",
            b"f'{a!}'",
            b"x = 1; y",
            b"x = 1\ny",
            b"while x:\n  pass\n  else",
            b"try:\n  x\n",
            b"try:\n  x",
            b"class C:\n  def f(self):\n    pass",
            b"class C:\n  def f(self):\n    pass\n",
            b"@d\n",
            b"@d",
            b"match x:\n  case 1:\n    pass",
            b"x = (yield)",
            b"\n\nx +",
            b"  \n",
            b"# c",
            b"# c\n",
            b"if x:\n  pass\nelse:",
            b"a, b = c d",
            b"(",
            b"(\n",
            b"a +",
            b"a +\n",
            b"a + (",
            b"",
            b"\n",
            b"def f():\n    pass\n  x\n",
            b"# -*- coding: bogus -*-\nx\n",
            b"# -*- coding: latin-1 -*-\n\xef\xbb\xbf\n",
            b"\xef\xbb\xbf# -*- coding: latin-1 -*-\nx\n",
            b"1 2",
            b"f(",
            b"a = (1,\n",
            b"  x",
            b" x\n",
            b"x\n y\n",
            b"x;\n",
            b"x = \\",
            b"x = \\\n",
            b"'''abc",
            b"'abc",
            b"import",
            b"del",
            b"class C:\npass\n",
            b"a\n\n",
            b"a\nb\n",
            b"a\nb",
            b"x = 1; y = 2",
            b"1 if 2",
            b"lambda",
            b"yield",
            b"*a",
            b"a, *b",
            b"x = 1\n\n\n",
            b"\t\n",
            b"if x:\n\ty\n        z\n",
        ],
    );
}

/// "Perhaps you forgot a comma?" is not offered after a NAME that is a prefix of a soft
/// keyword (CPython 3.11's `strncmp` test), nor at bracket level 0.
#[test]
fn forgot_comma_rule() {
    check(
        &[("exec", Mode::Exec), ("eval", Mode::Eval)],
        &[
            b"f(c d, 1)",
            b"(a, b, c d)",
            b"f(c.E 1)",
            b"f(a b)",
            b"f(m b)",
            b"f(ca b)",
            b"f(cat b)",
            b"f(matc b)",
            b"f(match b)",
            b"f(_ b)",
            b"f(_a b)",
            b"f(cases b)",
            b"f(a d, 1)",
            b"[a, b c]",
            b"f(print a)",
            b"a b",
            b"f(c 'x')",
            b"f(x 'x')",
        ],
    );
}
