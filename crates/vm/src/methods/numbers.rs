//! Methods and attributes of `int` and `float`.

use crate::vm::Vm;

/// Adds the number methods.
pub fn install(_vm: &mut Vm) {}
