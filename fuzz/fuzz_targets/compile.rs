//! Fuzz the whole compiler (parse, fold, symtable, codegen, flow-graph passes,
//! assembly, marshal) in every mode: any bytes must give a code object or a
//! CompileError, never a panic or a stack overflow; a code object must marshal and
//! load back the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use syntax::parser::Mode;

fuzz_target!(|data: &[u8]| {
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        for optimize in [0, 2] {
            if let Ok(code) = compiler::compile(data, "<fuzz>", mode, optimize) {
                let bytes = compiler::marshal::dumps_code(&code);
                let back = compiler::marshal::loads_code(&bytes).expect("marshal round trip");
                // Compared as bytes: NaN constants are never `==`.
                let again = compiler::marshal::dumps_code(&back);
                assert!(again == bytes, "marshal round trip changed the code object");
            }
        }
    }
});
