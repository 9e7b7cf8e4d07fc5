//! Mutation tests: code compiled by CPython's `re._compiler` (pasted below),
//! randomly corrupted, must either be rejected by the validator or run
//! without panicking, hanging or growing without bound.

use super::engine::{Engine, SetCache, State};
use super::validate::validate;

const CODES: &[(usize, &[u32])] = &[
    (
        1,
        &[
            14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18,
            16, 99, 1,
        ],
    ),
    (
        0,
        &[
            14, 4, 0, 3, 4294967295, 24, 97, 1, 4294967295, 39, 92, 10, 3, 33685760, 33686018,
            33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018,
            33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018,
            33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018,
            33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018,
            33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018,
            33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018,
            33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018,
            33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 0, 0, 0, 134217726, 0, 0,
            0, 0, 2, 131072, 0, 2147483648, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 26, 9, 2, 3,
            13, 4, 8, 10, 0, 1, 1,
        ],
    ),
    (
        1,
        &[
            14, 8, 1, 2, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 12, 0, 6, 16, 98, 15, 3, 16, 99, 4,
            5, 1, 16, 98, 1, 1,
        ],
    ),
    (
        0,
        &[
            14, 4, 0, 3, 4294967295, 28, 7, 1, 4294967295, 16, 97, 16, 98, 1, 27, 8, 13, 5, 22,
            120, 121, 0, 1, 1,
        ],
    ),
    (
        0,
        &[
            14, 4, 0, 0, 3, 7, 13, 6, 10, 16, 102, 16, 111, 16, 111, 6, 10, 15, 9, 7, 6, 0, 6, 5,
            15, 2, 0, 1,
        ],
    ),
    (
        1,
        &[
            14, 8, 1, 1, 4294967295, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 5, 0, 4294967295, 11,
            0, 19, 1,
        ],
    ),
    (
        0,
        &[
            14, 10, 4, 3, 4294967295, 21, 8, 15, 8, 10, 0, 13, 7, 21, 8, 15, 8, 10, 0, 24, 11, 0,
            4294967295, 13, 6, 8, 14, 16, 46, 0, 1, 16, 64, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0,
            1, 1,
        ],
    ),
    (
        0,
        &[
            14, 4, 0, 0, 4294967295, 26, 5, 0, 4294967295, 3, 1, 4, 5, 0, 16, 122, 1, 1,
        ],
    ),
    (
        1,
        &[
            14, 4, 0, 1, 4294967295, 23, 14, 0, 4294967295, 17, 0, 24, 6, 0, 4294967295, 16, 97, 1,
            17, 1, 18, 16, 98, 1,
        ],
    ),
    (0, &[14, 4, 0, 2, 5, 29, 6, 2, 5, 16, 120, 1, 1]),
    (
        0,
        &[
            14, 4, 0, 1, 1, 5, 5, 0, 16, 97, 1, 5, 5, 1, 16, 98, 1, 20, 99, 1,
        ],
    ),
];

const SUBJECTS: &[&str] = &[
    "",
    "abc",
    "aabbc",
    "foo bar",
    "xxxxy",
    "a@b c.d@ef",
    "zzz",
    "\u{100}12",
];

/// A small deterministic generator (an LCG), so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn run_all(code: &[u32], groups: usize) {
    let starts = validate(code, groups).unwrap_or_default();
    let sets = SetCache::new(code, &starts);
    for s in SUBJECTS {
        let wide: Vec<u32> = s.chars().map(u32::from).collect();
        let engine = Engine {
            text: &wide[..],
            code,
            sets: &sets,
        };
        for search in [false, true] {
            let mut state = State::new(wide.len(), groups, 0, isize::MAX);
            let _ = if search {
                engine.search(&mut state)
            } else {
                engine.run(&mut state, 0, true)
            };
        }
    }
}

#[test]
fn valid_code_validates() {
    for (groups, code) in CODES {
        assert!(validate(code, *groups).is_ok(), "{code:?}");
        run_all(code, *groups);
    }
}

#[test]
fn corrupted_code_never_panics() {
    let mut rng = Lcg(0x5eed);
    for _ in 0..30_000 {
        let (groups, code) = CODES[rng.below(CODES.len())];
        let mut code = code.to_vec();
        for _ in 0..=rng.below(3) {
            let i = rng.below(code.len());
            match rng.below(4) {
                0 => code[i] = rng.below(45) as u32,
                1 => code[i] = rng.below(300) as u32,
                2 => code.insert(i, rng.below(45) as u32),
                _ => {
                    code.remove(i);
                }
            }
            if code.is_empty() {
                code.push(1);
            }
        }
        // Validated code must run safely; so must unvalidated code (the
        // engine bounds-checks every read on its own).
        let _ = validate(&code, groups);
        run_all(&code, groups);
    }
}
