//! The VM against CPython 3.11: each program in `tests/vm_programs/` is run by
//! python3 and by krait (from CPython's `.pyc` and from source) and compared
//! (`support::check`).

mod support;

program_tests!(
    "vm_programs":
    attr_descriptors,
    basics,
    big_range,
    deep_and_reentrant,
    classes,
    dunder,
    errors,
    exceptions,
    finalizers,
    formatting,
    functions,
    generator_send,
    generators,
    io_files,
    loops,
    misc,
    posix_fds,
    program,
    radix_dir,
    recursion,
    scopes,
    sysexit,
    uncaught,
    uncaught_chain,
    uncaught_recursion,
    object_args,
    sys_exit_pow,
    iter_oserror,
    int_str_hex_notes,
    generic_union,
    weakrefs,
    gc_module,
    copy_reduce,
    class_creation,
);
