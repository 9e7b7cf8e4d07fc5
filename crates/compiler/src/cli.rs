//! Command-line entry points the `krait` binary dispatches to.

use crate::{dis, marshal, pyc, CompileError};

/// `krait --dis FILE.pyc`: print what `python3 -m dis` prints for the module in a
/// CPython-written `.pyc`. Returns the process exit code.
pub fn cmd_dis_pyc(path: &str) -> i32 {
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("krait: can't open file '{path}': {e}");
            return 2;
        }
    };
    match pyc::read(&data) {
        Ok(p) => {
            let mut out = String::new();
            dis::dis_module(&mut out, &p.code);
            print!("{out}");
            0
        }
        Err(e) => {
            eprintln!("krait: {path}: {e}");
            1
        }
    }
}

/// Read and compile a source file as `python3 -m dis FILE` and `py_compile` do
/// (`exec` mode, the path as given for `co_filename`), printing the error to stderr
/// as CPython's last traceback line on failure.
pub fn compile_file(path: &str, optimize: u32) -> Result<crate::code::CodeObject, i32> {
    let source = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("krait: can't open file '{path}': {e}");
            return Err(2);
        }
    };
    let options = crate::CompileOptions { optimize, flags: 0 };
    match crate::compile_with_options(&source, path, syntax::Mode::Exec, options) {
        Ok((code, warnings)) => {
            report_warnings(path, &source, &warnings);
            Ok(code)
        }
        Err(e) => {
            report_compile_error(&source, &e);
            Err(1)
        }
    }
}

/// Print compile-time warnings as `warnings.showwarning` does by default:
/// `FILE:LINE: SyntaxWarning: MSG` and the stripped source line. CPython warns
/// without a registry here, so a condition compiled twice (`while`) warns twice.
fn report_warnings(path: &str, source: &[u8], warnings: &[crate::codegen::CompileWarning]) {
    let text = String::from_utf8_lossy(source);
    for w in warnings {
        eprintln!("{path}:{}: SyntaxWarning: {}", w.lineno, w.msg);
        let line = usize::try_from(w.lineno - 1)
            .ok()
            .and_then(|i| text.lines().nth(i));
        if let Some(line) = line {
            eprintln!("  {}", line.trim());
        }
    }
}

/// Print a compile error as the end of CPython's traceback for it: for a
/// SyntaxError the file and line, the source line and the carets (the source line
/// read from the file when the error does not carry it, as CPython's
/// `PyErr_ProgramTextObject` does).
fn report_compile_error(source: &[u8], e: &CompileError) {
    if let CompileError::Syntax(s) = e {
        let mut s = s.clone();
        if s.text.is_none() {
            if let Some(line) = s.lineno.and_then(|l| usize::try_from(l - 1).ok()) {
                let text = String::from_utf8_lossy(source);
                s.text = text.split_inclusive('\n').nth(line).map(str::to_owned);
            }
        }
        eprint!("{}", s.format_uncaught());
        return;
    }
    eprintln!("{}: {}", e.type_name(), e.message());
}

/// `krait --dis FILE.py`: compile the source and print what `python3 -m dis FILE.py`
/// prints. Returns the process exit code.
pub fn cmd_dis_source(path: &str) -> i32 {
    match compile_file(path, 0) {
        Ok(code) => {
            let mut out = String::new();
            dis::dis_module(&mut out, &code);
            print!("{out}");
            0
        }
        Err(code) => code,
    }
}

/// `krait --compile FILE.py -o OUT.pyc`: compile the source into a `.pyc` that
/// CPython 3.11 can run (timestamp-validated against the source, as `py_compile`).
pub fn cmd_compile(path: &str, out: &str) -> i32 {
    let code = match compile_file(path, 0) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let (mtime, size) = std::fs::metadata(path)
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs() as u32);
            (mtime, m.len() as u32)
        })
        .unwrap_or((0, 0));
    let data = pyc::write(&pyc::Pyc {
        validation: pyc::Validation::Timestamp {
            mtime,
            source_size: size,
        },
        code,
    });
    match std::fs::write(out, data) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("krait: can't write '{out}': {e}");
            1
        }
    }
}

/// `krait --pyc-roundtrip FILE...`: for each `.pyc`, print `OK`, `LOADERR <why>`
/// or `DIFF <offset>`: whether re-marshalling reproduces the file's bytes.
pub fn cmd_pyc_roundtrip(paths: &[String]) -> i32 {
    for path in paths {
        let line = match std::fs::read(path) {
            Err(e) => format!("LOADERR {e}"),
            Ok(data) => match pyc::read_header(&data) {
                Err(e) => format!("LOADERR {e}"),
                Ok((_, body)) => match marshal::loads(body) {
                    Err(e) => format!("LOADERR {e}"),
                    Ok(c) => {
                        let again = marshal::dumps(&c);
                        if again == body {
                            "OK".to_string()
                        } else {
                            let at = again
                                .iter()
                                .zip(body)
                                .position(|(a, b)| a != b)
                                .unwrap_or(again.len().min(body.len()));
                            let ctx = |b: &[u8]| {
                                let lo = at.saturating_sub(8);
                                format!("{:02x?}", &b[lo..(at + 12).min(b.len())])
                            };
                            format!("DIFF {at} got {} want {}", ctx(&again), ctx(body))
                        }
                    }
                },
            },
        };
        println!("{path}\t{line}");
    }
    0
}
