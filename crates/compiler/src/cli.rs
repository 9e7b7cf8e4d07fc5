//! Command-line entry points the `krait` binary dispatches to.

use crate::{dis, marshal, pyc};

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
