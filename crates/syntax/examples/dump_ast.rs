//! `cargo run -p syntax --example dump_ast FILE...`: print each file's AST as
//! `ast.dump(ast.parse(src), include_attributes=True)` does, or its SyntaxError as
//! `TYPE|msg|lineno|offset|end_lineno|end_offset`.

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        match syntax::parse(&bytes, &path, syntax::Mode::Exec) {
            Ok(m) => println!("{}", syntax::dump::dump(&m)),
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
    }
}
