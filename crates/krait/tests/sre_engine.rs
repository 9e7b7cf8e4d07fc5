//! The `_sre` engine against CPython 3.11: the programs in `tests/sre/` feed
//! code compiled by CPython's `re._compiler` (stored in `sre_cases.txt` by
//! `tools/gen_cases.py`, or pasted) straight to `_sre.compile` and print every
//! answer; run by python3 and by krait and compared (`support::check`).

mod support;

program_tests!(
    "sre":
    sre_compiled,
    sre_api,
    re_module,
    re_tests_table,
);
