//! The call sequence (`CALL`, `CALL_FUNCTION_EX`, `MAKE_FUNCTION`) and native
//! entry into Python code ([`Vm::call_python`], [`Vm::run_code`]).

use super::{bad_code, Exit};
use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::code::CodeObj;
use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::function::{BoundMethod, FunctionObj};
use crate::object::{ObjRef, PyCell};
use crate::types::{builtin_types, type_name};
use crate::value::Value;
use crate::vm::Vm;

/// Native calls with at most this many arguments copy them to the Rust stack
/// (no allocation).
const INLINE_ARGS: usize = 8;

impl Vm {
    /// `CALL argc`: the stack holds `[NULL | method, callable | self, args...]`.
    /// Returns `true` if a Python frame was pushed (the loop continues in it).
    pub(crate) fn call_from_stack(
        &mut self,
        argc: usize,
        kwnames: Option<ObjRef>,
    ) -> PyResult<bool> {
        let len = self.stack.len();
        let lower = len
            .checked_sub(argc + 2)
            .ok_or_else(|| bad_code("CALL stack"))?;
        let (mut callable, mut args_start, mut nargs) = match &self.stack[lower] {
            Some(m) => (m.clone(), lower + 1, argc + 1),
            None => (
                self.stack[lower + 1].clone().unwrap_or_default(),
                lower + 2,
                argc,
            ),
        };
        // A bound method called from a `NULL` slot: unpack it in place
        // (CPython's CALL does the same), so the function gets a frame.
        if nargs == argc {
            if let Some(m) = callable.downcast::<BoundMethod>() {
                let (f, s) = (m.func.clone(), m.self_.clone());
                self.stack[lower] = Some(f.clone());
                self.stack[lower + 1] = Some(s);
                callable = f;
                args_start = lower + 1;
                nargs = argc + 1;
            }
        }
        if let Value::Obj(o) = &callable {
            if o.type_is(&crate::rt_types::rt().function) {
                let o = o.clone();
                self.push_function_frame(&o, args_start, nargs, kwnames.as_ref(), lower, false)?;
                return Ok(true);
            }
        }
        let r = self.call_native_from_stack(&callable, args_start, nargs, kwnames.as_ref(), lower);
        self.push(r?);
        Ok(false)
    }

    /// Moves `nargs` values at `args_start` out of the data stack, truncates it to
    /// `ret_at`, and calls `callable` with them.
    fn call_native_from_stack(
        &mut self,
        callable: &Value,
        args_start: usize,
        nargs: usize,
        kwnames: Option<&ObjRef>,
        ret_at: usize,
    ) -> PyResult<Value> {
        if nargs <= INLINE_ARGS {
            let mut buf: [Value; INLINE_ARGS] = Default::default();
            for (i, slot) in buf.iter_mut().enumerate().take(nargs) {
                *slot = self
                    .stack
                    .get_mut(args_start + i)
                    .and_then(Option::take)
                    .unwrap_or_default();
            }
            self.truncate_stack(ret_at);
            self.call(callable, &buf[..nargs], kwnames)
        } else {
            let args: Vec<Value> = self
                .stack
                .drain(args_start..)
                .map(Option::unwrap_or_default)
                .collect();
            self.truncate_stack(ret_at);
            self.call(callable, &args, kwnames)
        }
    }

    /// `CALL_FUNCTION_EX flags`: `[NULL, callable, args_tuple, kwargs?]`.
    #[inline(never)]
    pub(crate) fn call_function_ex(&mut self, flags: u32) -> PyResult<()> {
        let kwargs = if flags & 1 != 0 {
            Some(self.pop())
        } else {
            None
        };
        let args = self.pop();
        let callable = self.pop();
        let _null = self.stack.pop();
        if args.downcast::<Tuple>().is_none() && !self.is_iterable(&args) {
            // CPython's `check_args_iterable`.
            let fname = self.function_str(&callable);
            let tn = type_name(&self.token, &args.type_ref());
            return Err(PyErr::type_error(format!(
                "{fname} argument after * must be an iterable, not {tn}"
            )));
        }
        let mut all = self.sequence_to_vec(&args)?;
        let mut kwnames = None;
        if let Some(kw) = kwargs {
            let Some(d) = kw.downcast::<Dict>() else {
                return Err(PyErr::type_error(format!(
                    "argument after ** must be a mapping, not {}",
                    type_name(&self.token, &kw.type_ref())
                )));
            };
            let items = d.items(&self.token);
            let mut names = Vec::with_capacity(items.len());
            for (k, v) in items {
                if k.downcast::<StrObj>().is_none() {
                    return Err(PyErr::type_error("keywords must be strings"));
                }
                names.push(k);
                all.push(v);
            }
            if !names.is_empty() {
                kwnames = Some(Tuple::alloc(names));
            }
        }
        let r = self.call(&callable, &all, kwnames.as_ref())?;
        self.push(r);
        Ok(())
    }

    /// `MAKE_FUNCTION flags`: code on top, then closure (0x08), annotations
    /// (0x04), keyword defaults (0x02), defaults (0x01).
    #[inline(never)]
    pub(crate) fn make_function(
        &mut self,
        flags: u32,
        globals: &ObjRef,
        builtins: &ObjRef,
    ) -> PyResult<()> {
        let code = self.pop();
        let Some(code_ref) = code
            .as_obj()
            .filter(|c| c.downcast::<CodeObj>().is_some())
            .cloned()
        else {
            return Err(bad_code("MAKE_FUNCTION without code"));
        };
        let closure = if flags & 0x08 != 0 {
            self.pop().as_obj().cloned()
        } else {
            None
        };
        let annotations = if flags & 0x04 != 0 {
            self.pop()
        } else {
            Value::None
        };
        let kwdefaults = if flags & 0x02 != 0 {
            self.pop().as_obj().cloned()
        } else {
            None
        };
        let defaults = if flags & 0x01 != 0 {
            self.pop().as_obj().cloned()
        } else {
            None
        };
        let (name, qualname, doc) = match code_ref.downcast::<CodeObj>() {
            Some(co) => {
                let doc = match co.consts.first() {
                    Some(v @ Value::Obj(o))
                        if o.downcast::<StrObj>().is_some()
                            && co.data.flags & crate::code::CO_OPTIMIZED != 0 =>
                    {
                        v.clone()
                    }
                    _ => Value::None,
                };
                (
                    Value::Obj(co.name.clone()),
                    Value::Obj(co.qualname.clone()),
                    doc,
                )
            }
            None => (Value::None, Value::None, Value::None),
        };
        let key = Value::Obj(crate::builtins::str::intern(&mut self.token, "__name__"));
        let module = globals
            .downcast::<Dict>()
            .and_then(|d| d.get_str(&self.token, &key))
            .unwrap_or_default();
        let f = FunctionObj {
            code: PyCell::new(code_ref),
            globals: globals.clone(),
            builtins: builtins.clone(),
            name: PyCell::new(name),
            qualname: PyCell::new(qualname),
            defaults: PyCell::new(defaults),
            kwdefaults: PyCell::new(kwdefaults),
            closure,
            doc: PyCell::new(doc),
            module: PyCell::new(module),
            annotations: PyCell::new(annotations),
            dict: PyCell::new(None),
        };
        let fo = ObjRef::new(&crate::rt_types::rt().function, f);
        self.push(Value::Obj(fo));
        Ok(())
    }

    /// Calls Python function `func` from native code: binds the arguments on the
    /// data stack, pushes an entry frame and re-enters the eval loop (bounded by
    /// the native depth limit).
    pub fn call_python(
        &mut self,
        func: &ObjRef,
        args: &[Value],
        kwnames: Option<&ObjRef>,
    ) -> PyResult<Value> {
        self.guarded("", |vm| {
            let base = vm.stack.len();
            vm.stack.extend(args.iter().cloned().map(Some));
            vm.push_function_frame(func, base, args.len(), kwnames, base, true)?;
            let entry = vm.frames.len() - 1;
            match vm.run_frames(entry)? {
                Exit::Return(v) => Ok(v),
                Exit::Yield(_) => Err(bad_code("yield from a non-generator frame")),
            }
        })
    }

    /// Runs a module or class body `code` with namespace `locals` and `globals`
    /// (CPython's `PyEval_EvalCode`), `func` giving the closure if any.
    pub fn run_code(
        &mut self,
        code: &ObjRef,
        globals: &ObjRef,
        locals: Option<ObjRef>,
        func: Option<ObjRef>,
    ) -> PyResult<Value> {
        let Some(co) = code.downcast::<CodeObj>() else {
            return Err(PyErr::type_error("run_code: not a code object"));
        };
        let mut builtins = self.builtins.clone();
        if let Some(g) = globals.downcast::<Dict>() {
            let key = Value::Obj(crate::builtins::str::intern(
                &mut self.token,
                "__builtins__",
            ));
            match g.get_str(&self.token, &key) {
                None => g.set(
                    &mut NativeEq(&mut self.token),
                    key,
                    Value::Obj(self.builtins_module.clone()),
                )?,
                // CPython's `_PyEval_BuiltinsFromGlobals`: a dict is the
                // builtins namespace itself, a module lends its dict.
                Some(Value::Obj(b)) if b.downcast::<Dict>().is_some() => builtins = b,
                Some(Value::Obj(b)) => {
                    if let Some(m) = b.downcast::<crate::module::ModuleObj>() {
                        builtins = m.dict.clone();
                    }
                }
                Some(_) => {}
            }
        }
        let n = co.nlocalsplus;
        self.guarded("", |vm| {
            if vm.frames.len() >= vm.recursion_limit() as usize {
                return Err(PyErr::new(
                    crate::error::ExcKind::RecursionError,
                    "maximum recursion depth exceeded",
                ));
            }
            let base = vm.stack.len();
            vm.stack.resize(base + n, None);
            vm.frames.push(Frame {
                code: code.clone(),
                func,
                globals: globals.clone(),
                builtins,
                locals,
                base,
                ip: 0,
                lasti: 0,
                ret_at: base,
                entry: true,
                obj: None,
                inline_gen: None,
            });
            let entry = vm.frames.len() - 1;
            match vm.run_frames(entry)? {
                Exit::Return(v) => Ok(v),
                Exit::Yield(_) => Err(bad_code("yield in module code")),
            }
        })
    }

    /// Runs `code` as a new module named `name` (not registered in
    /// `sys.modules`) and returns its globals dict.
    pub fn exec_module(
        &mut self,
        name: &str,
        code: compiler::code::CodeObject,
    ) -> PyResult<ObjRef> {
        let code = CodeObj::alloc(&mut self.token, code)?;
        let module = crate::module::ModuleObj::alloc(&mut self.token, name);
        let globals = module
            .downcast::<crate::module::ModuleObj>()
            .map(|m| m.dict.clone())
            .ok_or_else(|| bad_code("module"))?;
        self.run_code(&code, &globals, Some(globals.clone()), None)?;
        Ok(globals)
    }

    /// The value of global `name` in a globals dict.
    pub fn global(&mut self, globals: &ObjRef, name: &str) -> Option<Value> {
        let key = Value::Obj(crate::builtins::str::intern(&mut self.token, name));
        globals.downcast::<Dict>()?.get_str(&self.token, &key)
    }

    /// Runs a module's code as `__main__` (what `krait FILE.pyc` does); the
    /// module's globals are returned with the result.
    pub fn run_main(&mut self, code: compiler::code::CodeObject) -> PyResult<Value> {
        let code = CodeObj::alloc(&mut self.token, code)?;
        let module = crate::module::ModuleObj::alloc(&mut self.token, "__main__");
        let globals = module
            .downcast::<crate::module::ModuleObj>()
            .map(|m| m.dict.clone())
            .ok_or_else(|| bad_code("module"))?;
        let key = Value::Obj(crate::builtins::str::intern(&mut self.token, "__main__"));
        if let Some(d) = self.modules.clone().downcast::<Dict>() {
            d.set(
                &mut NativeEq(&mut self.token),
                key,
                Value::Obj(module.clone()),
            )?;
        }
        let _ = builtin_types();
        self.run_code(&code, &globals.clone(), Some(globals), None)
    }
}
