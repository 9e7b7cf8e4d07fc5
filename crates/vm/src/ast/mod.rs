//! The `_ast` module and the AST side of `compile()` (CPython's
//! `Python/Python-ast.c` and `Python/ast.c`):
//!
//! - [`asdl`]: the node table, read from `Python.asdl` (the one source of every
//!   class's name, base, fields and attributes);
//! - [`classes`]: the `AST` class hierarchy built from that table;
//! - [`to_py`]: the parser's AST as Python node objects (`ast.parse`);
//! - [`from_py`]: Python node objects back to the parser's AST, with CPython's
//!   errors, for `compile(tree, ...)`;
//! - [`validate`]: the checks `_PyAST_Validate` makes before compiling a tree.

pub mod asdl;
pub mod classes;
pub mod from_py;
pub mod to_py;
pub mod validate;

use crate::error::PyResult;
use crate::module::ModuleObj;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

pub use classes::{is_ast, state};
pub use from_py::py_to_mod;
pub use to_py::mod_to_py;

/// `ast.PyCF_ONLY_AST`: `compile()` returns the AST instead of a code object.
pub const PYCF_ONLY_AST: i64 = 0x400;
/// `ast.PyCF_TYPE_COMMENTS`: keep `# type:` comments in the AST.
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
/// `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`: allow `await` outside functions.
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// Creates the `_ast` module: `AST`, every node class and the `PyCF_*` flags.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let st = state(vm)?;
    let m = ModuleObj::alloc(vm.token(), "_ast");
    let Some(mo) = m.downcast::<ModuleObj>() else {
        return Ok(m);
    };
    mo.set(vm.token(), "AST", Value::Obj(st.ast.clone()));
    for (spec, cls) in st.specs.iter().zip(&st.classes) {
        mo.set(vm.token(), &spec.name, Value::Obj(cls.clone()));
    }
    for (name, v) in [
        ("PyCF_ONLY_AST", PYCF_ONLY_AST),
        ("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT),
    ] {
        mo.set(vm.token(), name, Value::Int(v));
    }
    Ok(m)
}
