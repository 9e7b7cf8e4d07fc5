//! Fuzz the whole front end (decode, tokenize, parse, dump) in every mode: any bytes
//! must give an AST or a SyntaxError, never a panic or a stack overflow.
#![no_main]
use libfuzzer_sys::fuzz_target;
use syntax::parser::Mode;

fuzz_target!(|data: &[u8]| {
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        if let Ok(m) = syntax::parse(data, "<fuzz>", mode) {
            let _ = syntax::dump::dump(&m);
        }
    }
});
