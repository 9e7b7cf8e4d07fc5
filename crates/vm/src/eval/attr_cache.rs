//! `LOAD_ATTR` and `STORE_ATTR` on plain instances through the code object's
//! per-name inline caches (CPython 3.11's `LOAD_ATTR_INSTANCE_VALUE` and
//! `STORE_ATTR_INSTANCE_VALUE` specializations, see `code::AttrCache`).
//!
//! A cache entry records that instances of a type (by version tag) use the
//! generic attribute protocol and that the type has no attribute of the name,
//! so only the instance dict matters; the hit then checks the dict entry at the
//! remembered position by key identity (names are interned). Anything else
//! falls back to the full protocol.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::object::{generic_getattr, generic_setattr, Instance};
use crate::code::{AttrCache, CodeObj};
use crate::error::PyResult;
use crate::object::ObjRef;
use crate::types::slots::{GetAttroFn, SetAttroFn};
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Whether `t`'s instances look `name` up only in their dict: generic
    /// `__getattribute__` (or `__setattr__` when `store`) and no attribute of
    /// that name anywhere on the MRO.
    fn dict_only_attr(&mut self, t: &TypeObject, name: &ObjRef, store: bool) -> bool {
        let generic = if store {
            t.slots
                .setattro
                .get()
                .is_none_or(|f| std::ptr::fn_addr_eq(f, generic_setattr as SetAttroFn))
        } else {
            t.slots
                .getattro
                .get()
                .is_some_and(|f| std::ptr::fn_addr_eq(f, generic_getattr as GetAttroFn))
        };
        // Instances of a `__slots__` class without `__dict__` have no dict to
        // use; `__class__` and `__dict__` are getsets found on the MRO.
        generic
            && t.has_instance_dict()
            && t.lookup(&mut self.token, &Value::Obj(name.clone()))
                .is_none()
    }

    /// The cache entry for name `ni` valid for type `t` (refreshed if the type
    /// qualifies), or `None` when the fast path doesn't apply.
    #[inline(always)]
    fn attr_cache_entry(
        &mut self,
        cache: &std::cell::Cell<AttrCache>,
        t: &TypeObject,
        name: &ObjRef,
        store: bool,
    ) -> Option<AttrCache> {
        let c = cache.get();
        let version = t.version();
        if version == 0 {
            return None;
        }
        if c.type_version == version {
            return Some(c);
        }
        if !self.dict_only_attr(t, name, store) {
            return None;
        }
        let fresh = AttrCache {
            type_version: version,
            index: c.index,
        };
        cache.set(fresh);
        Some(fresh)
    }

    /// `LOAD_ATTR` of name `ni` found in a plain instance's dict, or `None`
    /// (then the caller runs the full protocol).
    #[inline(always)]
    pub(super) fn load_attr_cached(
        &mut self,
        co: &CodeObj,
        ni: usize,
        obj: &Value,
        name: &ObjRef,
    ) -> Option<Value> {
        let Value::Obj(o) = obj else { return None };
        let inst = o.downcast::<Instance>()?;
        let cache = co.load_attr_cache.get(ni)?;
        let c = self.attr_cache_entry(cache, o.type_obj(), name, false)?;
        let d = inst.existing_dict(&self.token)?;
        let dict = d.downcast::<Dict>()?;
        if let Some(v) = dict.value_at_if_key(&self.token, c.index as usize, name) {
            return Some(v);
        }
        let ix = dict.index_of_str(&self.token, &Value::Obj(name.clone()))?;
        cache.set(AttrCache {
            index: ix as u32,
            ..c
        });
        dict.value_at(&self.token, ix)
    }

    /// `STORE_ATTR` of name `ni` into a plain instance's dict; gives the value
    /// back (`Err`) when the fast path doesn't apply.
    #[inline(always)]
    pub(super) fn store_attr_cached(
        &mut self,
        co: &CodeObj,
        ni: usize,
        obj: &Value,
        name: &ObjRef,
        value: Value,
    ) -> Result<PyResult<()>, Value> {
        let Value::Obj(o) = obj else {
            return Err(value);
        };
        let Some(inst) = o.downcast::<Instance>() else {
            return Err(value);
        };
        let Some(cache) = co.store_attr_cache.get(ni) else {
            return Err(value);
        };
        let Some(c) = self.attr_cache_entry(cache, o.type_obj(), name, true) else {
            return Err(value);
        };
        let d = inst.dict(&mut self.token);
        let Some(dict) = d.downcast::<Dict>() else {
            return Err(value);
        };
        let value = match dict.replace_at_if_key(&mut self.token, c.index as usize, name, value) {
            Ok(old) => {
                drop(old);
                return Ok(Ok(()));
            }
            Err(v) => v,
        };
        let key = Value::Obj(name.clone());
        // A str key compares natively: `set` can't run Python code here.
        if let Err(e) = dict.set(&mut NativeEq(&mut self.token), key.clone(), value) {
            return Ok(Err(e));
        }
        if let Some(ix) = dict.index_of_str(&self.token, &key) {
            cache.set(AttrCache {
                index: ix as u32,
                ..c
            });
        }
        Ok(Ok(()))
    }
}
