//! Fuzz the source decoder and tokenizer: any bytes must give tokens or a
//! SyntaxError, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = syntax::source::decode_source(data) {
        let _ = syntax::tokenizer::tokenize(&src);
    }
});
