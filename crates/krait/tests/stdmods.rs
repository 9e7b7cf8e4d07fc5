//! The native standard-library modules against CPython 3.11: each program in
//! `tests/stdmods/` imports modules, prints results and caught error messages;
//! run by python3 and by krait (from CPython's `.pyc` and from source) and
//! compared (`support::check`).

mod support;

program_tests!(
    "stdmods":
    atexit_mod,
    collections_defaultdict,
    collections_deque,
    functools_mod,
    io_text,
    itertools_basic,
    limits,
    math_funcs,
    operator_funcs,
    posix_mod,
    small_modules,
    string_opcode,
    thread_mod,
    warnings_mod,
    weakref_mod,
);
