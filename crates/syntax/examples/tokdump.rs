//! Print the tokens of each file given as an argument (or of stdin with `-`), one per
//! line as `KIND startline,startcol-endline,endcol`, then `ERROR ...` if any. Used by
//! `scripts/compare_tokenize.py` to diff against Python's `tokenize` module.

use std::io::Read;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = if path == "-" {
            let mut v = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut v);
            v
        } else {
            match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    println!("FILE {path}\nIOERROR {e}");
                    continue;
                }
            }
        };
        println!("FILE {path}");
        let src = match syntax::source::decode_source(&bytes) {
            Ok(s) => s,
            Err(e) => {
                println!("ERROR {:?}", e);
                continue;
            }
        };
        let t0 = std::time::Instant::now();
        let toks = syntax::tokenizer::tokenize(&src);
        if std::env::var_os("TOKDUMP_TIME").is_some() {
            let dt = t0.elapsed();
            println!(
                "{} bytes, {} tokens, error: {:?}, {:?}",
                src.len(),
                toks.tokens.len(),
                toks.error.map(|e| e.msg),
                dt
            );
            continue;
        }
        for t in &toks.tokens {
            println!(
                "{:?} {},{}-{},{}",
                t.kind, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset
            );
        }
        if let Some(e) = toks.full_source_error {
            println!(
                "FULLERROR {} {:?} {:?} {:?} {:?} {:?} {:?}",
                e.error_type.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset,
                e.text
            );
        }
        if let Some(e) = toks.error {
            println!(
                "ERROR {} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                e.error_type.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset,
                e.text,
                toks.error_timing
            );
        }
    }
}
