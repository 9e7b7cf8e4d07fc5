//! Native standard-library modules for Krait (ARCHITECTURE §9): each module's
//! names and behaviour match CPython's module of the same name. One file per
//! module; [`register_all`] makes them importable on a [`vm::Vm`].

#![warn(missing_docs)]

mod clinic;
mod util;

pub mod abc;
pub mod atexit;
pub mod binascii;
pub mod cmath;
#[rustfmt::skip]
mod cmath_special;
pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod csv;
pub mod datetime;
pub mod decimal;
pub mod defaultdict;
pub mod errno;
pub mod functools;
pub mod gc;
pub mod io;
pub mod itertools;
pub mod marshal;
pub mod math;
pub mod opcode;
pub mod operator;
pub mod posix;
pub mod posixsubprocess;
pub mod random;
pub mod select;
pub mod sha512;
pub mod signal;
pub mod socket;
pub mod sre;
mod standin;
pub mod string;
pub mod structmod;
pub mod thread;
pub mod time;
mod time_clock_info;
pub mod tuplegetter;
pub mod unicodedata;
pub mod warnings;
pub mod weakproxy;
pub mod weakref;
pub mod zlib;

use vm::Vm;

/// Registers every native module of this crate on `vm` (called by the `krait`
/// command when it creates the interpreter).
pub fn register_all(vm: &mut Vm) {
    vm.register_native_module("itertools", itertools::create);
    vm.register_native_module("math", math::create);
    vm.register_native_module("_collections", collections::create);
    vm.register_native_module("_operator", operator::create);
    vm.register_native_module("time", time::create);
    vm.register_native_module("errno", errno::create);
    vm.register_native_module("gc", gc::create);
    vm.register_native_module("_functools", functools::create);
    vm.register_native_module("_string", string::create);
    vm.register_native_module("_opcode", opcode::create);
    vm.register_native_module("atexit", atexit::create);
    vm.register_native_module("_thread", thread::create);
    vm.register_native_module("_warnings", warnings::create);
    vm.register_native_module("_weakref", weakref::create);
    vm.register_native_module("_abc", abc::create);
    vm.register_native_module("posix", posix::create);
    vm.register_native_module("_io", io::create);
    vm.register_native_module("_ast", vm::ast::create);
    vm.register_native_module("_contextvars", contextvars::create);
    vm.register_native_module("_struct", structmod::create);
    vm.register_native_module("marshal", marshal::create);
    vm.register_native_module("cmath", cmath::create);
    vm.register_native_module("unicodedata", unicodedata::create);
    vm.register_native_module("_codecs", codecs::create);
    vm.register_native_module("_sre", sre::create);
    vm.register_native_module("_random", random::create);
    vm.register_native_module("_sha512", sha512::create);
    vm.register_native_module("_socket", socket::create);
    vm.register_native_module("select", select::create);
    vm.register_native_module("_signal", signal::create);
    vm.register_native_module("_posixsubprocess", posixsubprocess::create);
    vm.register_native_module("binascii", binascii::create);
    vm.register_native_module("_csv", csv::create);
    vm.register_native_module("zlib", zlib::create);
    vm.register_native_module("_datetime", datetime::create);
    vm.register_native_module("_decimal", decimal::create);
    io::install_builtins(vm);
}
