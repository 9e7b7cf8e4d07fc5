//! Methods of `list`, `tuple`, `dict` and `set`.

use crate::vm::Vm;

/// Adds the container methods.
pub fn install(_vm: &mut Vm) {}
