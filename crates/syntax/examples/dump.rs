//! Debugging and bulk-testing driver for the front end:
//!
//! - `cargo run -p syntax --example dump -- [--mode exec|eval|single] FILE...` prints
//!   each file's AST as `ast.dump(ast.parse(src, mode=MODE), include_attributes=True)`
//!   does, or its error as `TYPE|msg|lineno|offset|end_lineno|end_offset`;
//! - `--source SRC...` takes the sources from the arguments instead (`\n` escapes);
//! - `--batch` reads NUL-separated sources from stdin and writes the results
//!   NUL-separated (for bulk differential tests against python3).

use std::io::{Read, Write};

use syntax::{Mode, SyntaxError};

/// One line describing an error, the format the differential scripts compare.
fn error_line(e: &SyntaxError) -> String {
    let o = |v: Option<i32>| v.map_or("None".to_string(), |v| v.to_string());
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

fn result(src: &[u8], name: &str, mode: Mode) -> String {
    match syntax::parse(src, name, mode) {
        Ok(m) => syntax::dump::dump(&m),
        Err(e) => error_line(&e),
    }
}

fn main() {
    let mut mode = Mode::Exec;
    let mut inputs = Vec::new();
    let (mut from_args, mut batch) = (false, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--mode" => {
                mode = match args.next().as_deref() {
                    Some("eval") => Mode::Eval,
                    Some("single") => Mode::Single,
                    _ => Mode::Exec,
                }
            }
            "--source" => from_args = true,
            "--batch" => batch = true,
            _ => inputs.push(arg),
        }
    }
    if batch {
        let mut input = String::new();
        if std::io::stdin().read_to_string(&mut input).is_err() {
            return;
        }
        let out: Vec<String> = input
            .split('\0')
            .map(|s| result(s.as_bytes(), "<unknown>", mode))
            .collect();
        let _ = std::io::stdout().write_all(out.join("\0").as_bytes());
        return;
    }
    for input in inputs {
        let line = if from_args {
            result(input.replace("\\n", "\n").as_bytes(), "<s>", mode)
        } else {
            match std::fs::read(&input) {
                Ok(bytes) => result(&bytes, &input, mode),
                Err(e) => format!("cannot read {input}: {e}"),
            }
        };
        println!("{line}");
    }
}
