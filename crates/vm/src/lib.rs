//! The Krait virtual machine; built on the compiler crate (see ARCHITECTURE §4-§9).
