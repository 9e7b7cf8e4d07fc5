//! Native standard-library modules for Krait (ARCHITECTURE §9): each module's
//! names and behaviour match CPython's module of the same name.

use vm::Vm;

/// Registers every native module of this crate on `vm` (called by the `krait`
/// command when it creates the interpreter).
pub fn register_all(vm: &mut Vm) {
    let _ = vm;
}
