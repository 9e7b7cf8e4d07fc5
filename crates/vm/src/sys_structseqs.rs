//! The struct sequences of `sys` that describe the implementation (CPython's
//! `Python/sysmodule.c`, `Objects/floatobject.c`, `Objects/longobject.c`,
//! `Python/thread.c`): `version_info`, `float_info`, `int_info`, `hash_info`,
//! `thread_info`. Each is one static description plus its values.

use crate::builtins::str::new_str;
use crate::module::ModuleObj;
use crate::structseq::{self, hidden_none, StructSeqDesc};
use crate::value::Value;
use crate::vm::Vm;

/// `sys.version_info`.
static VERSION_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.version_info",
    doc: "sys.version_info\n\nVersion information as a named tuple.",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    n_in_sequence: 5,
    instantiable: false,
    hidden: hidden_none,
};

/// `sys.float_info`.
static FLOAT_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.float_info",
    doc: "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\ninformation about the precision and internal representation. Please study\nyour system's :file:`float.h` for more information.",
    fields: &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ],
    n_in_sequence: 11,
    instantiable: true,
    hidden: hidden_none,
};

/// `sys.int_info`.
static INT_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.int_info",
    doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.  The attributes are read only.",
    fields: &[
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ],
    n_in_sequence: 4,
    instantiable: true,
    hidden: hidden_none,
};

/// `sys.hash_info` (CPython names its type `hash_info`, without `sys.`).
static HASH_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.hash_info",
    doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.",
    fields: &[
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ],
    n_in_sequence: 9,
    instantiable: true,
    hidden: hidden_none,
};

/// `sys.thread_info`.
static THREAD_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.thread_info",
    doc: "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
    fields: &["name", "lock", "version"],
    n_in_sequence: 3,
    instantiable: true,
    hidden: hidden_none,
};

/// Puts the struct sequences above into the `sys` module `mo`, with
/// `sys.hexversion` (3.11.7 final: `0x030b07f0`).
pub fn install(vm: &mut Vm, mo: &ModuleObj) {
    mo.set(vm.token(), "hexversion", Value::Int(0x030b_07f0));
    let i = Value::Int;
    let f = Value::Float;
    let records: [(&str, &'static StructSeqDesc, Vec<Value>); 5] = [
        (
            "version_info",
            &VERSION_INFO,
            vec![i(3), i(11), i(7), new_str("final"), i(0)],
        ),
        (
            "float_info",
            &FLOAT_INFO,
            vec![
                f(f64::MAX),
                i(f64::MAX_EXP as i64),
                i(f64::MAX_10_EXP as i64),
                f(f64::MIN_POSITIVE),
                i(f64::MIN_EXP as i64),
                i(f64::MIN_10_EXP as i64),
                i(f64::DIGITS as i64),
                i(f64::MANTISSA_DIGITS as i64),
                f(f64::EPSILON),
                i(2),
                i(1),
            ],
        ),
        ("int_info", &INT_INFO, vec![i(30), i(4), i(4300), i(640)]),
        (
            "hash_info",
            &HASH_INFO,
            vec![
                i(64),
                i((1 << 61) - 1),
                i(314_159),
                i(0),
                i(1_000_003),
                new_str("siphash13"),
                i(64),
                i(128),
                i(0),
            ],
        ),
        (
            "thread_info",
            &THREAD_INFO,
            vec![new_str("pthread"), new_str("semaphore"), Value::None],
        ),
    ];
    for (name, desc, values) in records {
        let t = structseq::new_type(vm, desc);
        let v = structseq::new_instance(&t, values);
        mo.set(vm.token(), name, v);
    }
}
