//! The `krait` command. For now: `krait --dis FILE.pyc` (see `compiler::cli`).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("--dis") if args.len() == 2 => compiler::cli::cmd_dis_pyc(&args[1]),
        Some("--pyc-roundtrip") => compiler::cli::cmd_pyc_roundtrip(&args[1..]),
        _ => {
            eprintln!("usage: krait --dis FILE.pyc | krait --pyc-roundtrip FILE.pyc...");
            2
        }
    };
    std::process::exit(code);
}
