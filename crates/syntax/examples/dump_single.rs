//! `cargo run -p syntax --example dump_single SRC...`: parse each argument (with `\n`
//! escapes) in `single` mode and print its dump or error, like `dump_ast`.

fn main() {
    for arg in std::env::args().skip(1) {
        let src = arg.replace("\\n", "\n");
        match syntax::parse(src.as_bytes(), "<s>", syntax::Mode::Single) {
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
