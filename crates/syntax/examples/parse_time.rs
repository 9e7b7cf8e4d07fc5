//! `parse_time FILE...`: total time to decode, tokenize and parse the files (no dump),
//! to compare with `ast.parse` over the same files.

fn main() {
    let files: Vec<Vec<u8>> = std::env::args()
        .skip(1)
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    let t = std::time::Instant::now();
    let mut errors = 0;
    for bytes in &files {
        if syntax::parse(bytes, "<file>", syntax::Mode::Exec).is_err() {
            errors += 1;
        }
    }
    println!(
        "{} files, {} errors, {:?}",
        files.len(),
        errors,
        t.elapsed()
    );
}
