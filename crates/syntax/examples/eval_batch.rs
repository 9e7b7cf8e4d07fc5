//! `eval_batch < snippets`: parse NUL-separated snippets in `eval` mode and print their
//! dumps (or `TYPE|msg|lineno|offset|end_lineno|end_offset`), NUL-separated: the
//! expression parser's bulk differential test against python3.

use std::io::{Read, Write};

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin");
    let mut out = Vec::new();
    let t = std::time::Instant::now();
    for src in input.split('\0') {
        let s = match syntax::parse(src.as_bytes(), "<unknown>", syntax::Mode::Eval) {
            Ok(m) => syntax::dump::dump(&m),
            Err(e) => {
                let o = |v: Option<u32>| v.map_or("None".to_string(), |v| v.to_string());
                format!(
                    "{}|{}|{}|{}|{}|{}",
                    e.error_type.name(),
                    e.msg,
                    o(e.lineno),
                    o(e.offset),
                    o(e.end_lineno),
                    o(e.end_offset)
                )
            }
        };
        out.push(s);
    }
    eprintln!("parsed in {:?}", t.elapsed());
    std::io::stdout()
        .write_all(out.join("\0").as_bytes())
        .expect("stdout");
}
