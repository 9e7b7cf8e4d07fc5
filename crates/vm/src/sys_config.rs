//! What the command line tells `sys` (CPython's `PyConfig` as `sys` shows it):
//! `sys.flags`, `sys.orig_argv`, `sys.executable`, `sys.warnoptions`,
//! `sys._xoptions` and the entries the command line puts in front of `sys.path`.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::list::List;
use crate::builtins::str::new_str;
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::structseq::{self, hidden_none, StructSeqDesc};
use crate::value::Value;
use crate::vm::Vm;

/// `sys.flags`' fields, in CPython 3.11's order.
pub const FLAG_NAMES: [&str; 18] = [
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
];

/// The values of `sys.flags` (CPython's `sys.flags` struct sequence); `dev_mode`
/// and `safe_path` are booleans there, the rest integers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flags {
    /// `-d`.
    pub debug: i64,
    /// `-i` / `PYTHONINSPECT`.
    pub inspect: i64,
    /// `-i`.
    pub interactive: i64,
    /// `-O` / `-OO` / `PYTHONOPTIMIZE`.
    pub optimize: i64,
    /// `-B` / `PYTHONDONTWRITEBYTECODE`.
    pub dont_write_bytecode: i64,
    /// `-s` / `-I` / `PYTHONNOUSERSITE`.
    pub no_user_site: i64,
    /// `-S`.
    pub no_site: i64,
    /// `-E` / `-I`.
    pub ignore_environment: i64,
    /// `-v` / `PYTHONVERBOSE`.
    pub verbose: i64,
    /// `-b` / `-bb`.
    pub bytes_warning: i64,
    /// `-q`.
    pub quiet: i64,
    /// 1 unless `PYTHONHASHSEED=0`.
    pub hash_randomization: i64,
    /// `-I`.
    pub isolated: i64,
    /// `-X dev` / `PYTHONDEVMODE`.
    pub dev_mode: bool,
    /// `-X utf8` / `PYTHONUTF8`.
    pub utf8_mode: i64,
    /// `-X warn_default_encoding`.
    pub warn_default_encoding: i64,
    /// `-P` / `-I` / `PYTHONSAFEPATH`.
    pub safe_path: bool,
    /// `-X int_max_str_digits` (-1: the default).
    pub int_max_str_digits: i64,
}

impl Default for Flags {
    fn default() -> Flags {
        Flags {
            debug: 0,
            inspect: 0,
            interactive: 0,
            optimize: 0,
            dont_write_bytecode: 0,
            no_user_site: 0,
            no_site: 0,
            ignore_environment: 0,
            verbose: 0,
            bytes_warning: 0,
            quiet: 0,
            hash_randomization: 1,
            isolated: 0,
            dev_mode: false,
            utf8_mode: 0,
            warn_default_encoding: 0,
            safe_path: false,
            int_max_str_digits: -1,
        }
    }
}

impl Flags {
    /// The fields as Python values, in [`FLAG_NAMES`] order.
    pub fn values(&self) -> Vec<Value> {
        let i = Value::Int;
        vec![
            i(self.debug),
            i(self.inspect),
            i(self.interactive),
            i(self.optimize),
            i(self.dont_write_bytecode),
            i(self.no_user_site),
            i(self.no_site),
            i(self.ignore_environment),
            i(self.verbose),
            i(self.bytes_warning),
            i(self.quiet),
            i(self.hash_randomization),
            i(self.isolated),
            Value::Bool(self.dev_mode),
            i(self.utf8_mode),
            i(self.warn_default_encoding),
            Value::Bool(self.safe_path),
            i(self.int_max_str_digits),
        ]
    }
}

/// The command line's settings as `sys` shows them (CPython's `PyConfig`).
#[derive(Clone, Debug, Default)]
pub struct SysConfig {
    /// `sys.flags`.
    pub flags: Flags,
    /// `sys.orig_argv`: the command line as given.
    pub orig_argv: Vec<String>,
    /// `sys.executable`.
    pub executable: String,
    /// `sys.warnoptions`: the `-W` options (after `PYTHONWARNINGS`' entries).
    pub warnoptions: Vec<String>,
    /// `sys._xoptions`: `-X name=value` (`None` value: `-X name`, shown as `True`).
    pub xoptions: Vec<(String, Option<String>)>,
    /// `sys.path[0]`: the script's directory, `''` for `-c`/stdin/`-m`, `None`
    /// with `-P`/`-I`.
    pub path0: Option<String>,
    /// `PYTHONPATH`'s entries (none under `-E`/`-I`).
    pub pythonpath: Vec<String>,
}

impl Vm {
    /// Applies the command line's settings: stored for `sys`, `-u` on the
    /// standard streams, `__debug__` false under `-O` (as CPython's
    /// `builtins.__debug__`).
    pub fn apply_sys_config(&mut self, config: SysConfig, unbuffered: bool) {
        self.stdout.unbuffered = unbuffered;
        if config.flags.optimize > 0 {
            if let Some(m) = self.builtins_module.downcast::<ModuleObj>() {
                m.set(&mut self.token, "__debug__", Value::Bool(false));
            }
        }
        self.sys_config = config;
    }
}

/// `sys.flags`' type (CPython's `FlagsType`).
static FLAGS_DESC: StructSeqDesc = StructSeqDesc {
    name: "sys.flags",
    doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
    fields: &FLAG_NAMES,
    n_in_sequence: FLAG_NAMES.len(),
    instantiable: false,
    hidden: hidden_none,
};

/// The `sys.flags` object: a struct sequence of [`FLAG_NAMES`].
fn flags_object(vm: &mut Vm, flags: &Flags) -> Value {
    let t = structseq::new_type(vm, &FLAGS_DESC);
    structseq::new_instance(&t, flags.values())
}

fn str_list(items: &[String]) -> Value {
    Value::Obj(List::alloc(items.iter().map(|a| new_str(a)).collect()))
}

/// Puts the command line's settings into the new `sys` module `m`.
pub fn install(vm: &mut Vm, m: &ObjRef) {
    let config = vm.sys_config.clone();
    let flags = flags_object(vm, &config.flags);
    let xoptions = ObjRef::new(&crate::types::builtin_types().dict, Dict::new());
    if let Some(d) = xoptions.downcast::<Dict>() {
        for (k, v) in &config.xoptions {
            let v = v.as_deref().map_or(Value::Bool(true), new_str);
            let _ = d.set(&mut NativeEq(vm.token()), new_str(k), v);
        }
    }
    let Some(mo) = m.downcast::<ModuleObj>() else {
        return;
    };
    let t = vm.token();
    mo.set(t, "flags", flags);
    mo.set(t, "orig_argv", str_list(&config.orig_argv));
    mo.set(t, "executable", new_str(&config.executable));
    mo.set(t, "warnoptions", str_list(&config.warnoptions));
    mo.set(t, "_xoptions", Value::Obj(xoptions));
    mo.set(
        t,
        "dont_write_bytecode",
        Value::Bool(config.flags.dont_write_bytecode != 0),
    );
}
