//! The VM's runtime types beyond the object core's builtins: functions, code,
//! cells, methods, native functions, exceptions, iterators, generators, modules
//! (CPython's static `Py*_Type`s). Created once per thread by [`init`], reached
//! through [`rt`].

use std::cell::Cell;

use crate::builtins::iter::{seq_iter_next, SeqIter};
use crate::calls::{MethodDescr, NativeFunction};
use crate::code::CodeObj;
use crate::exceptions::{ExcTypes, TracebackObj};
use crate::function::{BoundMethod, CellObj, FunctionObj};
use crate::object::{ObjRef, Payload, Token};
use crate::types::builtin::BaseObject;
use crate::types::{new_native_type, TypeObject};

/// References to the runtime types.
pub struct RtTypes {
    /// `builtin_function_or_method`.
    pub builtin_function: ObjRef,
    /// `method_descriptor`.
    pub method_descriptor: ObjRef,
    /// `wrapper_descriptor` (a builtin type's slot method, `descr_types`).
    pub wrapper_descriptor: ObjRef,
    /// `method-wrapper` (a slot method bound to an instance).
    pub method_wrapper: ObjRef,
    /// `classmethod_descriptor` (a builtin type's native class method).
    pub classmethod_descriptor: ObjRef,
    /// `code`.
    pub code: ObjRef,
    /// `frame`.
    pub frame: ObjRef,
    /// `function`.
    pub function: ObjRef,
    /// `cell`.
    pub cell: ObjRef,
    /// `method` (bound methods).
    pub method: ObjRef,
    /// `ellipsis`'s type.
    pub ellipsis_type: ObjRef,
    /// `Ellipsis` (`...`).
    pub ellipsis: ObjRef,
    /// `NotImplementedType`.
    pub not_implemented_type: ObjRef,
    /// `NotImplemented`.
    pub not_implemented: ObjRef,
    /// `traceback`.
    pub traceback: ObjRef,
    /// `module`.
    pub module: ObjRef,
    /// The builtin exception classes.
    pub exc: ExcTypes,
    /// `set`.
    pub set: ObjRef,
    /// `slice`.
    pub slice: ObjRef,
    /// `range`.
    pub range: ObjRef,
    /// `range_iterator`.
    pub range_iterator: ObjRef,
    /// `longrange_iterator` (a range with big bounds).
    pub longrange_iterator: ObjRef,
    /// `list_iterator`.
    pub list_iterator: ObjRef,
    /// `tuple_iterator`.
    pub tuple_iterator: ObjRef,
    /// `set_iterator`.
    pub set_iterator: ObjRef,
    /// `str_ascii_iterator`.
    pub str_iterator: ObjRef,
    /// `dict_keyiterator`.
    pub dict_iterator: ObjRef,
    /// `iterator` (the `__getitem__` protocol's).
    pub seq_getitem_iterator: ObjRef,
    /// `generator`.
    pub generator: ObjRef,
    /// `staticmethod`.
    pub staticmethod: ObjRef,
    /// `classmethod`.
    pub classmethod: ObjRef,
    /// `property`.
    pub property: ObjRef,
    /// `super`.
    pub super_: ObjRef,
    /// `enumerate`, `zip`, `map`, `filter`, `reversed`.
    pub iters: crate::builtins_module::IterTypes,
}

thread_local! {
    static RT: Cell<Option<&'static RtTypes>> = const { Cell::new(None) };
}

/// This thread's runtime types (created by `Vm::new`).
#[inline]
pub fn rt() -> &'static RtTypes {
    match RT.with(Cell::get) {
        Some(r) => r,
        None => init_without_token(),
    }
}

#[cold]
fn init_without_token() -> &'static RtTypes {
    let Some(mut token) = Token::acquire() else {
        // The token exists but the runtime types don't: only `Vm::new` takes the
        // token for long, and it creates them first. Unreachable.
        std::process::abort()
    };
    init(&mut token)
}

/// Creates the runtime types if this thread doesn't have them yet.
pub fn init(token: &mut Token) -> &'static RtTypes {
    if let Some(r) = RT.with(Cell::get) {
        return r;
    }
    let r: &'static RtTypes = Box::leak(Box::new(create(token)));
    RT.with(|c| c.set(Some(r)));
    crate::setup::install(token, r);
    r
}

fn native<P: Payload>(token: &mut Token, name: &str) -> ObjRef {
    new_native_type(token, name, P::LAYOUT, None)
}

fn iter_type<P: Payload>(
    token: &mut Token,
    name: &str,
    next: crate::types::slots::IterNextFn,
) -> ObjRef {
    let t = new_native_type(token, name, P::LAYOUT, None);
    if let Some(tp) = t.downcast::<TypeObject>() {
        tp.slots.iter.set(Some(crate::builtins::iter::self_iter));
        tp.slots.iternext.set(Some(next));
    }
    t
}

fn create(token: &mut Token) -> RtTypes {
    let ellipsis_type = native::<BaseObject>(token, "ellipsis");
    let not_implemented_type = native::<BaseObject>(token, "NotImplementedType");
    let descr = crate::descriptors::create(token);
    RtTypes {
        builtin_function: native::<NativeFunction>(token, "builtin_function_or_method"),
        method_descriptor: native::<MethodDescr>(token, "method_descriptor"),
        wrapper_descriptor: native::<MethodDescr>(token, "wrapper_descriptor"),
        method_wrapper: native::<NativeFunction>(token, "method-wrapper"),
        classmethod_descriptor: native::<crate::descriptors::ClassMethod>(
            token,
            "classmethod_descriptor",
        ),
        code: native::<CodeObj>(token, "code"),
        frame: native::<crate::frameobj::FrameObj>(token, "frame"),
        function: native::<FunctionObj>(token, "function"),
        cell: native::<CellObj>(token, "cell"),
        method: native::<BoundMethod>(token, "method"),
        ellipsis: ObjRef::new(&ellipsis_type, BaseObject),
        ellipsis_type,
        not_implemented: ObjRef::new(&not_implemented_type, BaseObject),
        not_implemented_type,
        traceback: native::<TracebackObj>(token, "traceback"),
        module: native::<crate::module::ModuleObj>(token, "module"),
        exc: ExcTypes::create(token),
        set: native::<crate::builtins::set::Set>(token, "set"),
        slice: native::<crate::builtins::slice::SliceObj>(token, "slice"),
        range: native::<crate::builtins::range::RangeObj>(token, "range"),
        range_iterator: iter_type::<crate::builtins::range::RangeIter>(
            token,
            "range_iterator",
            crate::builtins::range::range_iter_next,
        ),
        longrange_iterator: iter_type::<crate::builtins::range::LongRangeIter>(
            token,
            "longrange_iterator",
            crate::builtins::range::longrange_iter_next,
        ),
        list_iterator: iter_type::<SeqIter>(token, "list_iterator", seq_iter_next),
        tuple_iterator: iter_type::<SeqIter>(token, "tuple_iterator", seq_iter_next),
        set_iterator: iter_type::<crate::builtins::set::SetIter>(
            token,
            "set_iterator",
            crate::builtins::set::set_iter_next,
        ),
        str_iterator: iter_type::<crate::builtins::iter::StrIter>(
            token,
            "str_ascii_iterator",
            crate::builtins::iter::str_iter_next,
        ),
        dict_iterator: iter_type::<crate::builtins::iter::DictKeyIter>(
            token,
            "dict_keyiterator",
            crate::builtins::iter::dict_iter_next,
        ),
        seq_getitem_iterator: iter_type::<SeqIter>(
            token,
            "iterator",
            crate::builtins::iter::getitem_iter_next,
        ),
        generator: native::<crate::generator::GeneratorObj>(token, "generator"),
        staticmethod: descr[0].clone(),
        classmethod: descr[1].clone(),
        property: descr[2].clone(),
        super_: descr[3].clone(),
        iters: crate::builtins_module::IterTypes::create(token),
    }
}
