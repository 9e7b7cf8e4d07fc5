//! Name handlers: `LOAD_NAME`/`STORE_NAME` (module and class bodies), globals,
//! cells and free variables, `LOAD_METHOD`, imports.

use super::bad_code;
use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, StrObj};
use crate::calls::MethodDescr;
use crate::code::CodeObj;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::function::{CellObj, FunctionObj};
use crate::object::ObjRef;
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

fn name_at(co: &CodeObj, arg: u32) -> PyResult<&ObjRef> {
    co.names
        .get(arg as usize)
        .ok_or_else(|| bad_code("name index"))
}

fn text(o: &ObjRef) -> String {
    o.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Vm {
    /// `UnboundLocalError` for localsplus slot `i` (CPython 3.11's message).
    #[cold]
    pub(crate) fn unbound_local(&self, co: &CodeObj, i: usize) -> PyErr {
        let n = co.localsplus_names.get(i).map(text).unwrap_or_default();
        PyErr::new(
            ExcKind::UnboundLocalError,
            format!("cannot access local variable '{n}' where it is not associated with a value"),
        )
    }

    pub(crate) fn frame_locals(&self, fi: usize) -> PyResult<ObjRef> {
        self.frames[fi]
            .locals
            .clone()
            .ok_or_else(|| PyErr::new(ExcKind::SystemError, "no locals found"))
    }

    /// Reads `key` from a namespace mapping (a dict, fast; else `__getitem__`).
    fn mapping_get(&mut self, m: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        if let Some(d) = exact_dict(m) {
            if let Some(v) = d.get_str(&self.token, key) {
                return Ok(Some(v));
            }
            return d.get(self, key);
        }
        match self.getitem(&Value::Obj(m.clone()), key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.kind == ExcKind::KeyError => Ok(None),
            Err(e) => Err(e),
        }
    }

    #[inline(never)]
    pub(crate) fn load_name(
        &mut self,
        co: &CodeObj,
        fi: usize,
        arg: u32,
        globals: &ObjRef,
        builtins: &ObjRef,
    ) -> PyResult<()> {
        let name = name_at(co, arg)?.clone();
        let key = Value::Obj(name.clone());
        let locals = self.frame_locals(fi)?;
        for (i, m) in [&locals, globals, builtins].into_iter().enumerate() {
            // A module body's locals are its globals: an exact dict looked up
            // twice would give the same answer.
            if i == 1 && m.is(&locals) && exact_dict(m).is_some() {
                continue;
            }
            if let Some(v) = self.mapping_get(m, &key)? {
                self.push(v);
                return Ok(());
            }
        }
        if crate::exc_group::lazy_builtin(self, &name) {
            return self.load_name(co, fi, arg, globals, builtins);
        }
        Err(self.name_error_with_name(&name))
    }

    #[inline(never)]
    pub(crate) fn store_name(&mut self, co: &CodeObj, fi: usize, arg: u32) -> PyResult<()> {
        let key = Value::Obj(name_at(co, arg)?.clone());
        let v = self.pop();
        let locals = self.frame_locals(fi)?;
        match exact_dict(&locals) {
            Some(d) => d.set(self, key, v),
            None => self.setitem(&Value::Obj(locals.clone()), &key, Some(v)),
        }
    }

    #[inline(never)]
    pub(crate) fn delete_name(&mut self, co: &CodeObj, fi: usize, arg: u32) -> PyResult<()> {
        let name = name_at(co, arg)?.clone();
        let key = Value::Obj(name.clone());
        let locals = self.frame_locals(fi)?;
        let r = match exact_dict(&locals) {
            Some(d) => d.pop(self, &key)?.is_some(),
            None => self
                .setitem(&Value::Obj(locals.clone()), &key, None)
                .is_ok(),
        };
        if r {
            Ok(())
        } else {
            Err(self.name_error_with_name(&name))
        }
    }

    #[inline(never)]
    pub(crate) fn store_global(
        &mut self,
        co: &CodeObj,
        arg: u32,
        globals: &ObjRef,
    ) -> PyResult<()> {
        let key = Value::Obj(name_at(co, arg)?.clone());
        let v = self.pop();
        match globals.downcast::<Dict>() {
            Some(d) => d.set(self, key, v),
            None => Err(bad_code("globals is not a dict")),
        }
    }

    #[inline(never)]
    pub(crate) fn delete_global(
        &mut self,
        co: &CodeObj,
        arg: u32,
        globals: &ObjRef,
    ) -> PyResult<()> {
        let name = name_at(co, arg)?.clone();
        let key = Value::Obj(name.clone());
        match globals.downcast::<Dict>() {
            Some(d) if d.pop(self, &key)?.is_some() => Ok(()),
            _ => Err(self.name_error_with_name(&name)),
        }
    }

    fn cell_at(&self, base: usize, arg: u32) -> PyResult<ObjRef> {
        match self.stack.get(base + arg as usize) {
            Some(Some(Value::Obj(c))) if c.downcast::<CellObj>().is_some() => Ok(c.clone()),
            _ => Err(bad_code("cell slot without a cell")),
        }
    }

    #[cold]
    fn free_var_error(&self, co: &CodeObj, arg: u32) -> PyErr {
        let i = arg as usize;
        let n = co.localsplus_names.get(i).map(text).unwrap_or_default();
        if i >= co.first_free {
            PyErr::new(
                ExcKind::NameError,
                format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            self.unbound_local(co, i)
        }
    }

    pub(crate) fn load_deref(
        &mut self,
        co: &CodeObj,
        fi: usize,
        base: usize,
        arg: u32,
        op: u8,
    ) -> PyResult<()> {
        if op == compiler::opcode::num::LOAD_CLASSDEREF {
            if let Some(locals) = self.frames[fi].locals.clone() {
                let name = co
                    .localsplus_names
                    .get(arg as usize)
                    .ok_or_else(|| bad_code("LOAD_CLASSDEREF"))?;
                if let Some(v) = self.mapping_get(&locals, &Value::Obj(name.clone()))? {
                    self.push(v);
                    return Ok(());
                }
            }
        }
        // The cell is read in place (the data stack and the token are separate
        // fields): no reference taken on the cell itself.
        let v = match self.stack.get(base + arg as usize) {
            Some(Some(Value::Obj(c))) => match c.downcast::<CellObj>() {
                Some(cell) => cell.value.borrow(&self.token).clone(),
                None => return Err(bad_code("cell slot without a cell")),
            },
            _ => return Err(bad_code("cell slot without a cell")),
        };
        match v {
            Some(v) => {
                self.push(v);
                Ok(())
            }
            None => Err(self.free_var_error(co, arg)),
        }
    }

    pub(crate) fn store_deref(&mut self, base: usize, arg: u32) -> PyResult<()> {
        let v = self.pop();
        let cell = self.cell_at(base, arg)?;
        if let Some(c) = cell.downcast::<CellObj>() {
            let old = c.value.borrow_mut(&mut self.token).replace(v);
            drop(old);
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn delete_deref(&mut self, co: &CodeObj, base: usize, arg: u32) -> PyResult<()> {
        let cell = self.cell_at(base, arg)?;
        let old = cell
            .downcast::<CellObj>()
            .and_then(|c| c.value.borrow_mut(&mut self.token).take());
        match old {
            Some(_) => Ok(()),
            None => Err(self.free_var_error(co, arg)),
        }
    }

    /// `COPY_FREE_VARS n`: the function's closure cells into the last `n` slots.
    pub(crate) fn copy_free_vars(
        &mut self,
        co: &CodeObj,
        fi: usize,
        base: usize,
        n: u32,
    ) -> PyResult<()> {
        let closure = self
            .frames
            .get(fi)
            .and_then(|f| f.func.as_ref())
            .and_then(|f| f.downcast::<FunctionObj>())
            .and_then(|f| f.closure.as_ref())
            .and_then(|c| c.downcast::<crate::builtins::tuple::Tuple>());
        let Some(closure) = closure else {
            return Err(bad_code("COPY_FREE_VARS without closure"));
        };
        let n = n as usize;
        let first = co
            .nlocalsplus
            .checked_sub(n)
            .ok_or_else(|| bad_code("COPY_FREE_VARS"))?;
        // Borrow the cells in place (the frame records, the token and the data
        // stack are separate fields): no temporary vector and no reference on
        // the function per call of a closure.
        let cells = closure.items(&self.token);
        let Some(slots) = self.stack.get_mut(base + first..base + first + n) else {
            return Err(bad_code("COPY_FREE_VARS"));
        };
        for (slot, c) in slots.iter_mut().zip(cells) {
            *slot = Some(c.clone());
        }
        Ok(())
    }

    /// `LOAD_METHOD`: pushes `[method, self]` when the attribute is a plain
    /// function or method descriptor on the type not shadowed by the instance,
    /// else `[NULL, attribute]` (CPython's `_PyObject_GetMethod`).
    pub(crate) fn load_method(&mut self, name: &ObjRef) -> PyResult<()> {
        let obj = self.pop();
        let ty = obj.type_ref();
        let generic = ty
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.getattro.get())
            .is_none_or(|g| {
                std::ptr::fn_addr_eq(
                    g,
                    crate::builtins::object::generic_getattr as crate::types::slots::GetAttroFn,
                )
            });
        if generic {
            let key = Value::Obj(name.clone());
            let found = ty
                .downcast::<TypeObject>()
                .and_then(|t| t.lookup(&mut self.token, &key));
            if let Some(m) = found {
                let is_method = m.downcast::<FunctionObj>().is_some_and(|_| {
                    m.as_obj()
                        .is_some_and(|o| o.type_is(&crate::rt_types::rt().function))
                }) || m.downcast::<MethodDescr>().is_some();
                if is_method {
                    let shadowed =
                        crate::builtins::object::existing_instance_dict(&self.token, &obj)
                            .and_then(|d| {
                                d.downcast::<Dict>()
                                    .and_then(|d| d.get_str(&self.token, &key))
                            });
                    if let Some(v) = shadowed {
                        self.stack.push(None);
                        self.push(v);
                    } else {
                        self.push(m);
                        self.push(obj);
                    }
                    return Ok(());
                }
            }
        }
        let v = self
            .getattr(&obj, name)
            .map_err(|e| self.attribute_error_context(e, &obj, name))?;
        self.stack.push(None);
        self.push(v);
        Ok(())
    }

    /// `IMPORT_NAME`: `fromlist` and `level` on the stack (see `import/`).
    #[inline(never)]
    pub(crate) fn import_name(&mut self, co: &CodeObj, arg: u32) -> PyResult<()> {
        let name = name_at(co, arg)?.clone();
        let fromlist = self.pop();
        let level = self.pop();
        let Some(globals) = self.frames.last().map(|f| f.globals.clone()) else {
            return Err(bad_code("IMPORT_NAME outside a frame"));
        };
        let m = self.import_name_op(&text(&name), &fromlist, &level, &globals)?;
        self.push(m);
        Ok(())
    }

    /// The module `name` (absolute, dotted), imported if needed.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        self.import_absolute(name)
    }

    /// `IMPORT_FROM`: an attribute of the module on top (which stays).
    #[inline(never)]
    pub(crate) fn import_from(&mut self, co: &CodeObj, arg: u32) -> PyResult<()> {
        let name = name_at(co, arg)?.clone();
        let m = self.top();
        let v = self.import_from_op(&m, &name)?;
        self.push(v);
        Ok(())
    }

    /// `IMPORT_STAR`: the module on top into the frame's locals.
    #[inline(never)]
    pub(crate) fn import_star(&mut self, fi: usize) -> PyResult<()> {
        let m = self.pop();
        let locals = self.frame_locals(fi)?;
        self.import_star_op(&m, &locals)
    }

    /// `SETUP_ANNOTATIONS`: an `__annotations__` dict in the namespace.
    #[inline(never)]
    pub(crate) fn setup_annotations(&mut self, fi: usize) -> PyResult<()> {
        let locals = self.frame_locals(fi)?;
        let key = Value::Obj(intern(&mut self.token, "__annotations__"));
        if let Some(d) = locals.downcast::<Dict>() {
            if d.get_str(&self.token, &key).is_none() {
                let nd = ObjRef::new(&crate::types::builtin_types().dict, Dict::new());
                d.set(&mut NativeEq(&mut self.token), key, Value::Obj(nd))?;
            }
        }
        Ok(())
    }
}

/// The dict payload of `m` if it is exactly a `dict` (a subclass's overridden
/// `__getitem__`/`__setitem__` must be called, as `LOAD_NAME` does with
/// `PyDict_CheckExact`).
fn exact_dict(m: &ObjRef) -> Option<&Dict> {
    if m.type_ref().is(&crate::types::builtin_types().dict) {
        m.downcast::<Dict>()
    } else {
        None
    }
}
