//! The async opcodes of CPython 3.11's eval loop: `GET_AWAITABLE`,
//! `GET_AITER`, `GET_ANEXT`, `END_ASYNC_FOR`, `BEFORE_ASYNC_WITH`,
//! `ASYNC_GEN_WRAP`.

use crate::builtins::str::intern;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::generator::{GenKind, GeneratorObj};
use crate::types::{type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The special method `name` of `v`'s type, unbound (CPython's
    /// `_PyObject_LookupSpecial` without the binding).
    fn type_special(&mut self, v: &Value, name: &str) -> Option<Value> {
        let key = Value::Obj(intern(&mut self.token, name));
        let t = v.type_ref();
        t.downcast::<TypeObject>()
            .and_then(|tt| tt.lookup(&mut self.token, &key))
    }

    /// `GET_AITER`: `type(obj).__aiter__(obj)`, which must have `__anext__`.
    #[inline(never)]
    pub(crate) fn get_aiter(&mut self) -> PyResult<()> {
        let obj = self.pop();
        let Some(m) = self.type_special(&obj, "__aiter__") else {
            let tn = type_name(&self.token, &obj.type_ref());
            return Err(PyErr::type_error(format!(
                "'async for' requires an object with __aiter__ method, got {tn}"
            )));
        };
        let it = self.call(&m, std::slice::from_ref(&obj), None)?;
        if self.type_special(&it, "__anext__").is_none() {
            let tn = type_name(&self.token, &it.type_ref());
            return Err(PyErr::type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
            )));
        }
        self.push(it);
        Ok(())
    }

    /// `GET_ANEXT`: pushes the awaitable of `type(aiter).__anext__(aiter)`.
    #[inline(never)]
    pub(crate) fn get_anext(&mut self) -> PyResult<()> {
        let aiter = self.top();
        if aiter
            .downcast::<GeneratorObj>()
            .is_some_and(|g| g.kind == GenKind::AsyncGenerator)
        {
            self.push(crate::coroutine::anext_awaitable(&aiter, Value::None));
            return Ok(());
        }
        let Some(m) = self.type_special(&aiter, "__anext__") else {
            let tn = type_name(&self.token, &aiter.type_ref());
            return Err(PyErr::type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {tn}"
            )));
        };
        let next = self.call(&m, std::slice::from_ref(&aiter), None)?;
        match self.get_awaitable(&next, 0) {
            Ok(a) => {
                self.push(a);
                Ok(())
            }
            Err(mut e) if e.kind == ExcKind::TypeError => {
                let cause = self.exc_object(&mut e);
                let tn = type_name(&self.token, &next.type_ref());
                let mut ne = PyErr::type_error(format!(
                    "'async for' received an invalid object from __anext__: {tn}"
                ));
                let n = self.exc_object(&mut ne);
                if let Some(x) = n.downcast::<crate::exceptions::ExceptionObj>() {
                    *x.cause.borrow_mut(&mut self.token) = Value::Obj(cause.clone());
                    *x.suppress_context.borrow_mut(&mut self.token) = true;
                    *x.context.borrow_mut(&mut self.token) = Value::Obj(cause);
                }
                Err(ne)
            }
            Err(e) => Err(e),
        }
    }

    /// `END_ASYNC_FOR`: `StopAsyncIteration` ends the loop (popping the async
    /// iterator), anything else is re-raised.
    #[inline(never)]
    pub(crate) fn end_async_for(&mut self) -> PyResult<()> {
        let exc = self.pop();
        let cls = crate::exceptions::exc_class(ExcKind::StopAsyncIteration);
        let et = exc.type_ref();
        if self.class_matches(&et, &Value::Obj(cls))? {
            self.stack.pop();
            Ok(())
        } else {
            Err(self.reraise(exc))
        }
    }

    /// `BEFORE_ASYNC_WITH`: pushes the bound `__aexit__` and the result of
    /// `__aenter__()`.
    #[inline(never)]
    pub(crate) fn before_async_with(&mut self) -> PyResult<()> {
        let mgr = self.pop();
        let tn = type_name(&self.token, &mgr.type_ref());
        let enter_n = intern(&mut self.token, "__aenter__");
        let exit_n = intern(&mut self.token, "__aexit__");
        if self.type_special(&mgr, "__aenter__").is_none() {
            return Err(PyErr::type_error(format!(
                "'{tn}' object does not support the asynchronous context manager protocol"
            )));
        }
        if self.type_special(&mgr, "__aexit__").is_none() {
            return Err(PyErr::type_error(format!(
                "'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
            )));
        }
        let enter = self.getattr(&mgr, &enter_n)?;
        let exit = self.getattr(&mgr, &exit_n)?;
        self.push(exit);
        let r = self.call(&enter, &[], None)?;
        self.push(r);
        Ok(())
    }
}
