//! `cargo run -p syntax --example parse_time FILE...`: parse every file (exec mode)
//! and print the total parse time, to compare with CPython's `ast.parse`.

fn main() {
    let files: Vec<(String, Vec<u8>)> = std::env::args()
        .skip(1)
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    let start = std::time::Instant::now();
    let mut errors = 0;
    for (path, bytes) in &files {
        if syntax::parse(bytes, path, syntax::Mode::Exec).is_err() {
            errors += 1;
        }
    }
    println!(
        "{} files, {} errors, {:.3} s",
        files.len(),
        errors,
        start.elapsed().as_secs_f64()
    );
}
