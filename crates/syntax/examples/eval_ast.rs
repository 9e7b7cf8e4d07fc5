//! `cargo run -p syntax --example eval_ast FILE...`: like `dump_ast`, in `eval` mode
//! (`ast.parse(src, mode='eval')`), for testing expression rules alone.

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let t = std::time::Instant::now();
        let r = syntax::parse(&bytes, &path, syntax::Mode::Eval);
        let elapsed = t.elapsed();
        match r {
            Ok(m) => {
                let s = syntax::dump::dump(&m);
                println!("{}", &s[..s.len().min(200)]);
            }
            Err(e) => {
                let o = |v: Option<u32>| v.map_or("None".to_string(), |v| v.to_string());
                println!(
                    "{}|{}|{}|{}|{}|{}",
                    e.error_type.name(),
                    e.msg,
                    o(e.lineno),
                    o(e.offset),
                    o(e.end_lineno),
                    o(e.end_offset)
                )
            }
        }
        eprintln!("{elapsed:?}");
    }
}
