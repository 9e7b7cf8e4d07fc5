//! `krait --dump-ast FILE`: print the file's AST exactly as
//! `ast.dump(ast.parse(src, FILE), include_attributes=True)` does, or the
//! SyntaxError exactly as CPython reports an uncaught one (exit status 1).

use std::io::Write;

/// Parse `path` and print its AST dump to stdout, or its syntax error to stderr.
pub fn run(path: &str) -> i32 {
    let source = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!(
                "krait: can't open file '{path}': [Errno {}] {}",
                e.raw_os_error().unwrap_or(0),
                e
            );
            return 2;
        }
    };
    match syntax::parse(&source, path, syntax::parser::Mode::Exec) {
        Ok(module) => match syntax::dump::dump_like_reference(&module) {
            Ok(mut text) => {
                text.push('\n');
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
                0
            }
            Err(too_deep) => {
                eprintln!("{too_deep}");
                1
            }
        },
        Err(err) => {
            let _ = std::io::stderr()
                .lock()
                .write_all(err.format_uncaught().as_bytes());
            1
        }
    }
}
