//! The Krait virtual machine; built on the compiler crate (see ARCHITECTURE §4-§9).
//!
//! The object-model core: [`value::Value`] (inline scalars or a counted pointer),
//! [`object`] (heap object header, allocation, the `Token`/`PyCell` discipline),
//! [`types`] (type objects, MRO, slots), [`builtins`] (one file per builtin type),
//! [`gc`] (the cycle collector) and [`vm::Vm`] (the interpreter context).
//! Design notes: `docs/internals/memory.md` and `docs/internals/unsafe.md`.

#![warn(missing_docs)]

mod agen_hooks;
pub mod arith;
pub mod ast;
pub mod attr_descr;
pub mod builtins;
pub mod builtins_module;
pub mod callable;
pub mod calls;
pub mod class;
pub mod class_build;
pub mod class_new;
pub mod cli_main;
pub mod code;
pub mod codeattrs;
pub mod coroutine;
pub mod descr_types;
pub mod descr_wrappers;
pub mod descriptor_members;
pub mod descriptors;
pub mod error;
pub mod eval;
pub mod exc_getsets;
pub mod exc_group;
pub mod exc_kwargs;
pub mod exc_notes;
pub mod exceptions;
pub mod format;
pub mod frame;
pub mod frameobj;
pub mod function;
pub mod gc;
pub mod genattrs;
pub mod generator;
pub mod generic_alias;
pub mod id_hash;
pub mod import;
pub mod instance_getsets;
pub mod instancecheck;
pub mod int_truediv;
pub mod interactive;
pub mod io;
pub mod mappingproxy;
pub mod methods;
pub mod module;
pub mod nan_identity;
pub mod native_attrs;
pub mod object;
pub mod os_error;
pub mod protocols;
pub mod reduce;
pub mod report;
pub mod rt_ctors;
pub mod rt_types;
pub mod runner;
pub mod setup;
pub mod shutdown;
pub mod strformat;
pub mod structseq;
pub mod suggestions;
pub mod sys_config;
pub mod sys_structseqs;
pub mod type_methods;
pub mod types;
pub mod unicode_error;
pub mod union;
pub mod unraisable;
pub mod value;
pub mod vm;
pub mod weakref;

pub use error::{ExcKind, PyErr, PyResult};
pub use object::{ObjRef, PyCell, Token};
pub use value::Value;
pub use vm::Vm;
