//! Benchmark driver: compile every file named on stdin (one path a line) to a code
//! object, as CPython's `compile(source, path, "exec")` does (parsing included,
//! reading excluded), and print the count, how many failed, and the best time over
//! `repeat` rounds in seconds. Used by `benches/compile_stdlib.py`, which times
//! CPython's `compile()` beside it.

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
            if compiler::compile(src, path, syntax::Mode::Exec, 0).is_err() {
                failed += 1;
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!("{} {} {:.6}", sources.len(), failed, best);
}
