//! Benchmark driver: parse every file named on stdin (one path a line) and print the
//! count, how many failed, and the time spent parsing (reading excluded), in seconds.
//! Used by `benches/parse_stdlib.py`, which times CPython's `ast.parse` beside it.

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let paths: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .collect();
    let sources: Vec<(String, Vec<u8>)> = paths
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|s| (p, s)))
        .collect();
    let repeat: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let mut best = f64::INFINITY;
    let mut failed = 0;
    for _ in 0..repeat {
        failed = 0;
        let start = Instant::now();
        for (path, src) in &sources {
            if syntax::parse(src, path, syntax::parser::Mode::Exec).is_err() {
                failed += 1;
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!("{} {} {:.6}", sources.len(), failed, best);
}
