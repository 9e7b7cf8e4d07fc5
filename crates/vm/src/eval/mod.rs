//! The evaluation loop (CPython's `_PyEval_EvalFrameDefault`, 3.11): one
//! function, [`Vm::dispatch`], with one `match` on the opcode; the bigger
//! handlers live in topic files (`names`, `calls`, `unwind`, `build`, `ops`).
//!
//! A Python-to-Python call pushes a frame and the loop goes on with it without
//! leaving `dispatch`; `RETURN_VALUE` pops it and the loop goes on in the
//! caller (so is a generator resumed by `FOR_ITER`). An error leaves `dispatch`
//! for [`Vm::run_frames`], which unwinds it through the exception table
//! (`unwind.rs`) and re-enters. Native code that calls Python code re-enters
//! `run_frames` with an entry frame.

mod asyncops;
mod attr_cache;
mod build;
mod calls;
mod matching;
mod names;
mod ops;
mod unwind;

pub(crate) use unwind::mark_propagated;

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::code::CodeObj;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::types::CompareOp;
use crate::value::Value;
use crate::vm::{BinOp, Vm};
use compiler::opcode::num::*;

/// How a re-entered eval loop ended.
pub enum Exit {
    /// The entry frame returned.
    Return(Value),
    /// The entry frame (a generator's) yielded; its frame is still on top.
    Yield(Value),
}

/// Where the running frame is, kept where the error path can read it (the
/// next-instruction index lives in a register inside `dispatch`; an error
/// needs only the failing instruction, and the unwinder sets the handler's).
pub(crate) struct Cursor {
    /// The code unit of the current instruction.
    pub lasti: usize,
}

/// An error for malformed bytecode (CPython would crash or give SystemError).
#[cold]
pub(crate) fn bad_code(what: &str) -> PyErr {
    PyErr::new(ExcKind::SystemError, format!("bad bytecode: {what}"))
}

impl Vm {
    #[inline(always)]
    pub(crate) fn push(&mut self, v: Value) {
        self.stack.push(Some(v));
    }

    #[inline(always)]
    pub(crate) fn pop(&mut self) -> Value {
        self.stack.pop().flatten().unwrap_or_default()
    }

    #[inline(always)]
    pub(crate) fn top(&self) -> Value {
        self.stack.last().cloned().flatten().unwrap_or_default()
    }

    #[inline(always)]
    fn peek(&self, n: usize) -> Value {
        let len = self.stack.len();
        if n == 0 || n > len {
            return Value::None;
        }
        self.stack[len - n].clone().unwrap_or_default()
    }

    /// Runs frames until the entry frame (the one at index `entry`) returns or
    /// yields. Calls, returns and generator resumptions switch frames inside
    /// [`Vm::dispatch`]; an error comes back here to be unwound, and the loop
    /// goes on in the frame holding the handler.
    pub(crate) fn run_frames(&mut self, entry: usize) -> PyResult<Exit> {
        let mut cur = Cursor { lasti: 0 };
        loop {
            match self.dispatch(entry, &mut cur) {
                Ok(exit) => return Ok(exit),
                Err(e) => {
                    // The cursor belongs to the top frame whenever `dispatch`
                    // fails: the unwinder reads the failing instruction there.
                    if let Some(f) = self.frames.last_mut() {
                        f.lasti = cur.lasti;
                    }
                    if let Some(e) = self.unwind(e, entry) {
                        return Err(e);
                    }
                }
            }
        }
    }

    /// Pops the top frame, which returned `v`, and gives `v` to its caller:
    /// the exit of the eval loop for the entry frame, else the caller's stack
    /// (or, for a generator resumed in place by `FOR_ITER`, the loop's exit).
    #[inline(always)]
    fn return_from_frame(&mut self, v: Value, entry: usize) -> PyResult<Option<Exit>> {
        self.detach_frame_object();
        let Some(f) = self.frames.pop() else {
            return Err(bad_code("return without a frame"));
        };
        self.truncate_stack(f.ret_at);
        if let Some((gen, exit_ip)) = &f.inline_gen {
            // A generator driven by the caller's `FOR_ITER` is exhausted: the
            // loop ends (the iterator is popped).
            self.finish_inline_generator(gen, None);
            self.stack.pop();
            if let Some(caller) = self.frames.last_mut() {
                caller.ip = *exit_ip;
            }
            return Ok(None);
        }
        if self.frames.len() <= entry {
            return Ok(Some(Exit::Return(v)));
        }
        self.push(v);
        // The callee's locals just died: run their `__del__` before the caller
        // goes on (CPython runs it inside the decref).
        self.finalizer_point();
        Ok(None)
    }

    /// Executes instructions of the top frame, switching to the callee on a
    /// Python-to-Python call, back to the caller on a return, and into and out
    /// of generators resumed by `FOR_ITER`, without leaving this function (one
    /// eval loop, as CPython's). Returns when the entry frame returns or yields;
    /// an error is returned with `cur` holding the failing instruction.
    fn dispatch(&mut self, entry: usize, cur: &mut Cursor) -> PyResult<Exit> {
        'frames: loop {
            let fi = self.frames.len().wrapping_sub(1);
            let Some(frame) = self.frames.get(fi) else {
                return Err(bad_code("no frame"));
            };
            let mut ip = frame.ip;
            cur.lasti = frame.lasti;
            let base = frame.base;
            let code = frame.code.clone();
            let Some(co) = code.downcast::<CodeObj>() else {
                return Err(bad_code("frame without code"));
            };
            let units: &[[u8; 2]] = co.instrs.as_chunks::<2>().0;
            loop {
                let Some(&[first, a]) = units.get(ip) else {
                    return Err(bad_code("instruction pointer out of range"));
                };
                let (mut op, mut arg) = (first, a as u32);
                ip += 1;
                while op == EXTENDED_ARG {
                    let Some(&[o, a]) = units.get(ip) else {
                        return Err(bad_code("EXTENDED_ARG at end"));
                    };
                    op = o;
                    arg = (arg << 8) | a as u32;
                    ip += 1;
                }
                let lasti = ip - 1;
                cur.lasti = lasti;
                match op {
                    NOP | RESUME | CACHE => {}
                    PRECALL => ip += 1,
                    POP_TOP => {
                        self.stack.pop();
                        self.finalizer_point();
                    }
                    PUSH_NULL => self.stack.push(None),
                    COPY => {
                        let n = arg as usize;
                        let len = self.stack.len();
                        if n == 0 || n > len {
                            return Err(bad_code("COPY"));
                        }
                        let v = self.stack[len - n].clone();
                        self.stack.push(v);
                    }
                    SWAP => {
                        let n = arg as usize;
                        let len = self.stack.len();
                        if n == 0 || n > len {
                            return Err(bad_code("SWAP"));
                        }
                        self.stack.swap(len - 1, len - n);
                    }
                    LOAD_CONST => {
                        let Some(v) = co.consts.get(arg as usize) else {
                            return Err(bad_code("LOAD_CONST"));
                        };
                        self.push(v.clone());
                    }
                    LOAD_FAST | LOAD_CLOSURE => match self.stack.get(base + arg as usize) {
                        Some(Some(v)) => {
                            let v = v.clone();
                            self.push(v);
                        }
                        _ => return Err(self.unbound_local(co, arg as usize)),
                    },
                    STORE_FAST => {
                        let v = self.stack.pop().flatten();
                        match self.stack.get_mut(base + arg as usize) {
                            Some(slot) => {
                                let old = std::mem::replace(slot, v);
                                if let Some(Value::Obj(_)) = old {
                                    drop(old);
                                    self.finalizer_point();
                                }
                            }
                            None => return Err(bad_code("STORE_FAST")),
                        }
                    }
                    DELETE_FAST => {
                        let slot = self.stack.get_mut(base + arg as usize);
                        match slot {
                            Some(s) if s.is_some() => *s = None,
                            _ => return Err(self.unbound_local(co, arg as usize)),
                        }
                        self.finalizer_point();
                    }
                    LOAD_NAME => self.load_name_op(co, fi, arg)?,
                    STORE_NAME => {
                        self.store_name(co, fi, arg)?;
                        self.finalizer_point();
                    }
                    DELETE_NAME => {
                        self.delete_name(co, fi, arg)?;
                        self.finalizer_point();
                    }
                    LOAD_GLOBAL => {
                        let ni = (arg >> 1) as usize;
                        let cached = match self.frames.get(fi) {
                            Some(f) => self.load_global_cached(co, ni, &f.globals, &f.builtins),
                            None => None,
                        };
                        let v = match cached {
                            Some(v) => v,
                            None => {
                                let (globals, builtins) = self.namespaces(fi);
                                self.load_global_slow(co, ni, &globals, &builtins)?
                            }
                        };
                        if arg & 1 != 0 {
                            self.stack.push(None);
                        }
                        self.push(v);
                        ip += 5;
                    }
                    STORE_GLOBAL => {
                        let (globals, _) = self.namespaces(fi);
                        self.store_global(co, arg, &globals)?;
                        self.finalizer_point();
                    }
                    DELETE_GLOBAL => {
                        let (globals, _) = self.namespaces(fi);
                        self.delete_global(co, arg, &globals)?;
                        self.finalizer_point();
                    }
                    LOAD_DEREF | LOAD_CLASSDEREF => self.load_deref(co, fi, base, arg, op)?,
                    STORE_DEREF => self.store_deref(base, arg)?,
                    DELETE_DEREF => self.delete_deref(co, base, arg)?,
                    MAKE_CELL => {
                        let i = base + arg as usize;
                        let Some(slot) = self.stack.get_mut(i) else {
                            return Err(bad_code("MAKE_CELL"));
                        };
                        let v = slot.take();
                        *slot = Some(Value::Obj(crate::function::CellObj::alloc(v)));
                    }
                    COPY_FREE_VARS => self.copy_free_vars(co, fi, base, arg)?,
                    LOAD_ATTR => {
                        // What frame objects read as `f_lasti` of a running frame.
                        self.frames[fi].lasti = lasti;
                        let Some(name) = co.names.get(arg as usize) else {
                            return Err(bad_code("LOAD_ATTR"));
                        };
                        let obj = self.pop();
                        let v = match self.load_attr_cached(co, arg as usize, &obj, name) {
                            Some(v) => v,
                            None => self
                                .getattr(&obj, name)
                                .map_err(|e| self.attribute_error_context(e, &obj, name))?,
                        };
                        self.push(v);
                        ip += 4;
                    }
                    LOAD_METHOD => {
                        self.frames[fi].lasti = lasti;
                        let Some(name) = co.names.get(arg as usize) else {
                            return Err(bad_code("LOAD_METHOD"));
                        };
                        self.load_method(name)?;
                        ip += 10;
                    }
                    STORE_ATTR => {
                        self.frames[fi].lasti = lasti;
                        let Some(name) = co.names.get(arg as usize) else {
                            return Err(bad_code("STORE_ATTR"));
                        };
                        let obj = self.pop();
                        let v = self.pop();
                        match self.store_attr_cached(co, arg as usize, &obj, name, v) {
                            Ok(r) => r?,
                            Err(v) => self.setattr(&obj, name, Some(v))?,
                        }
                        ip += 4;
                        self.finalizer_point();
                    }
                    DELETE_ATTR => {
                        let Some(name) = co.names.get(arg as usize) else {
                            return Err(bad_code("DELETE_ATTR"));
                        };
                        let obj = self.pop();
                        self.setattr(&obj, name, None)?;
                        self.finalizer_point();
                    }
                    BINARY_SUBSCR => {
                        let sub = self.pop();
                        let container = self.pop();
                        let v = self.getitem(&container, &sub)?;
                        self.push(v);
                        ip += 4;
                    }
                    STORE_SUBSCR => {
                        let sub = self.pop();
                        let container = self.pop();
                        let v = self.pop();
                        self.setitem(&container, &sub, Some(v))?;
                        ip += 1;
                        self.finalizer_point();
                    }
                    DELETE_SUBSCR => {
                        let sub = self.pop();
                        let container = self.pop();
                        self.setitem(&container, &sub, None)?;
                        self.finalizer_point();
                    }
                    BINARY_OP => {
                        self.frames[fi].lasti = lasti;
                        let rhs = self.pop();
                        let lhs = self.pop();
                        let r = match (&lhs, &rhs) {
                            (Value::Int(a), Value::Int(b)) => match ops::int_fast(*a, *b, arg) {
                                Some(v) => v,
                                None => self.binary_op_arg(&lhs, &rhs, arg)?,
                            },
                            (Value::Float(a), Value::Float(b)) => {
                                match ops::float_fast(*a, *b, arg) {
                                    Some(v) => v,
                                    None => self.binary_op_arg(&lhs, &rhs, arg)?,
                                }
                            }
                            (Value::Int(a), Value::Float(b))
                                if a.unsigned_abs() < ops::EXACT_F64 =>
                            {
                                match ops::float_fast(*a as f64, *b, arg) {
                                    Some(v) => v,
                                    None => self.binary_op_arg(&lhs, &rhs, arg)?,
                                }
                            }
                            (Value::Float(a), Value::Int(b))
                                if b.unsigned_abs() < ops::EXACT_F64 =>
                            {
                                match ops::float_fast(*a, *b as f64, arg) {
                                    Some(v) => v,
                                    None => self.binary_op_arg(&lhs, &rhs, arg)?,
                                }
                            }
                            _ => self.binary_op_arg(&lhs, &rhs, arg)?,
                        };
                        self.push(r);
                        ip += 1;
                    }
                    COMPARE_OP => {
                        let rhs = self.pop();
                        let lhs = self.pop();
                        let r = match (&lhs, &rhs) {
                            (Value::Int(a), Value::Int(b)) => Value::Bool(ops::cmp_fast(a, b, arg)),
                            (Value::Float(a), Value::Float(b)) => {
                                Value::Bool(ops::cmp_fast(a, b, arg))
                            }
                            _ => {
                                let op = compare_op(arg)?;
                                self.rich_compare(&lhs, &rhs, op)?
                            }
                        };
                        self.push(r);
                        ip += 2;
                    }
                    IS_OP => {
                        let rhs = self.pop();
                        let lhs = self.pop();
                        self.push(Value::Bool(lhs.is(&rhs) != (arg != 0)));
                    }
                    CONTAINS_OP => {
                        let container = self.pop();
                        let item = self.pop();
                        let r = self.contains(&container, &item)?;
                        self.push(Value::Bool(r != (arg != 0)));
                    }
                    UNARY_NOT => {
                        let v = self.pop();
                        let b = self.is_true(&v)?;
                        self.push(Value::Bool(!b));
                    }
                    UNARY_NEGATIVE | UNARY_POSITIVE | UNARY_INVERT => {
                        let v = self.pop();
                        let r = self.unary_op(op, &v)?;
                        self.push(r);
                    }
                    JUMP_FORWARD => ip += arg as usize,
                    JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => {
                        ip = ip.saturating_sub(arg as usize);
                        if crate::object::has_pending_finalizers() {
                            self.run_finalizers();
                        }
                        self.gc_point();
                    }
                    POP_JUMP_FORWARD_IF_FALSE
                    | POP_JUMP_FORWARD_IF_TRUE
                    | POP_JUMP_BACKWARD_IF_FALSE
                    | POP_JUMP_BACKWARD_IF_TRUE => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => self.is_true(&v)?,
                        };
                        let want =
                            matches!(op, POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE);
                        if b == want {
                            jump(&mut ip, op, arg);
                            if matches!(op, POP_JUMP_BACKWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_TRUE)
                            {
                                self.gc_point();
                            }
                        }
                    }
                    POP_JUMP_FORWARD_IF_NONE
                    | POP_JUMP_FORWARD_IF_NOT_NONE
                    | POP_JUMP_BACKWARD_IF_NONE
                    | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                        let v = self.pop();
                        let want_none =
                            matches!(op, POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE);
                        if v.is_none() == want_none {
                            jump(&mut ip, op, arg);
                        }
                    }
                    JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                        let v = self.top();
                        let b = self.is_true(&v)?;
                        if b == (op == JUMP_IF_TRUE_OR_POP) {
                            ip += arg as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    GET_ITER | GET_YIELD_FROM_ITER => {
                        let v = self.pop();
                        let it = if op == GET_YIELD_FROM_ITER
                            && v.downcast::<crate::generator::GeneratorObj>().is_some()
                        {
                            v
                        } else {
                            self.iter(&v)?
                        };
                        self.push(it);
                    }
                    FOR_ITER => {
                        let it = self.top();
                        if let Value::Obj(g) = &it {
                            if self.push_generator_frame(g, ip + arg as usize) {
                                self.save_position(fi, ip, lasti);
                                continue 'frames;
                            }
                        }
                        match self.next(&it)? {
                            Some(v) => self.push(v),
                            None => {
                                self.stack.pop();
                                ip += arg as usize;
                            }
                        }
                    }
                    BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_MAP | BUILD_CONST_KEY_MAP
                    | BUILD_STRING | BUILD_SLICE | LIST_TO_TUPLE => self.build(op, arg)?,
                    LIST_APPEND => {
                        let v = self.pop();
                        let l = self.peek(arg as usize);
                        match l.downcast::<List>() {
                            Some(l) => l.append(&mut self.token, v),
                            None => return Err(bad_code("LIST_APPEND")),
                        }
                    }
                    SET_ADD | MAP_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE => {
                        self.collection_update(op, arg)?
                    }
                    UNPACK_SEQUENCE => {
                        self.unpack_sequence(arg as usize)?;
                        ip += 1;
                    }
                    UNPACK_EX => self.unpack_ex(arg)?,
                    KW_NAMES => {
                        let Some(Value::Obj(k)) = co.consts.get(arg as usize) else {
                            return Err(bad_code("KW_NAMES"));
                        };
                        self.kwnames = Some(k.clone());
                    }
                    CALL => {
                        ip += 4;
                        self.frames[fi].lasti = lasti;
                        let kwnames = self.kwnames.take();
                        if self.call_from_stack(arg as usize, kwnames)? {
                            self.save_position(fi, ip, lasti);
                            continue 'frames;
                        }
                    }
                    CALL_FUNCTION_EX => {
                        self.frames[fi].lasti = lasti;
                        self.call_function_ex(arg)?
                    }
                    MAKE_FUNCTION => {
                        let (globals, builtins) = self.namespaces(fi);
                        self.make_function(arg, &globals, &builtins)?
                    }
                    RETURN_VALUE => {
                        let v = self.pop();
                        self.finalizer_point();
                        self.gc_point();
                        match self.return_from_frame(v, entry)? {
                            Some(exit) => return Ok(exit),
                            None => continue 'frames,
                        }
                    }
                    RETURN_GENERATOR => {
                        let g = self.make_generator(fi, ip)?;
                        match self.return_from_frame(g, entry)? {
                            Some(exit) => return Ok(exit),
                            None => continue 'frames,
                        }
                    }
                    YIELD_VALUE => {
                        let v = self.pop();
                        self.save_position(fi, ip, lasti);
                        if self.frames[fi].inline_gen.is_some() {
                            self.yield_inline_generator(v)?;
                            continue 'frames;
                        }
                        return Ok(Exit::Yield(v));
                    }
                    SEND => {
                        let v = self.pop();
                        let receiver = self.top();
                        match self.send(&receiver, v)? {
                            crate::generator::SendResult::Yield(r) => self.push(r),
                            crate::generator::SendResult::Return(r) => {
                                self.stack.pop();
                                self.push(r);
                                ip += arg as usize;
                            }
                        }
                    }
                    LOAD_BUILD_CLASS => {
                        let key = Value::Obj(crate::builtins::str::intern(
                            &mut self.token,
                            "__build_class__",
                        ));
                        let (_, builtins) = self.namespaces(fi);
                        let v = builtins
                            .downcast::<Dict>()
                            .and_then(|d| d.get_str(&self.token, &key));
                        match v {
                            Some(v) => self.push(v),
                            None => {
                                return Err(PyErr::new(
                                    ExcKind::NameError,
                                    "__build_class__ not found",
                                ))
                            }
                        }
                    }
                    LOAD_ASSERTION_ERROR => self.push(Value::Obj(crate::exceptions::exc_class(
                        ExcKind::AssertionError,
                    ))),
                    IMPORT_NAME => self.import_name(co, arg)?,
                    IMPORT_FROM => self.import_from(co, arg)?,
                    IMPORT_STAR => self.import_star(fi)?,
                    PUSH_EXC_INFO => {
                        let v = self.pop();
                        let prev = std::mem::replace(&mut self.exc_info, v.clone());
                        self.push(prev);
                        self.push(v);
                    }
                    POP_EXCEPT => {
                        let v = self.pop();
                        self.exc_info = v;
                    }
                    CHECK_EXC_MATCH => {
                        let cls = self.pop();
                        let exc = self.top();
                        self.check_except_class(&cls)?;
                        let et = exc.type_ref();
                        let r = self.class_matches(&et, &cls)?;
                        self.push(Value::Bool(r));
                    }
                    RERAISE => {
                        // CPython restores `f_lasti` from the stack for RERAISE n,
                        // but looks the handler up at the RERAISE itself; tracebacks
                        // of re-raised exceptions already hold the original entry.
                        let exc = self.pop();
                        return Err(self.reraise(exc));
                    }
                    RAISE_VARARGS => return Err(self.raise_varargs(arg)?),
                    BEFORE_WITH => self.before_with()?,
                    WITH_EXCEPT_START => self.with_except_start()?,
                    FORMAT_VALUE => self.format_value(arg)?,
                    SETUP_ANNOTATIONS => self.setup_annotations(fi)?,
                    PRINT_EXPR => {
                        let v = self.pop();
                        self.print_expr(v)?;
                    }
                    GET_LEN => {
                        let v = self.top();
                        let n = self.len(&v)?;
                        self.push(Value::Int(n as i64));
                    }
                    MATCH_MAPPING | MATCH_SEQUENCE => {
                        let v = self.top();
                        let r = if op == MATCH_MAPPING {
                            self.match_mapping(&v)
                        } else {
                            self.match_sequence(&v)
                        };
                        self.push(Value::Bool(r));
                    }
                    MATCH_KEYS => {
                        let keys = self.top();
                        let subject = self.peek(2);
                        let r = self.match_keys(&subject, &keys)?;
                        self.push(r);
                    }
                    MATCH_CLASS => {
                        let names = self.pop();
                        let cls = self.pop();
                        let subject = self.pop();
                        let r = self.match_class(&subject, &cls, arg as usize, &names)?;
                        self.push(r);
                    }
                    GET_AWAITABLE => {
                        let v = self.pop();
                        let r = self.get_awaitable(&v, arg)?;
                        self.push(r);
                    }
                    CHECK_EG_MATCH => self.check_eg_match()?,
                    PREP_RERAISE_STAR => self.prep_reraise_star()?,
                    GET_AITER => self.get_aiter()?,
                    GET_ANEXT => self.get_anext()?,
                    END_ASYNC_FOR => self.end_async_for()?,
                    BEFORE_ASYNC_WITH => self.before_async_with()?,
                    ASYNC_GEN_WRAP => {
                        let v = self.pop();
                        self.push(crate::coroutine::wrap_value(v));
                    }
                    _ => {
                        let name = compiler::opcode::info(op).map_or("?", |i| i.name);
                        return Err(PyErr::new(
                            ExcKind::SystemError,
                            format!("opcode {name} ({op}) is not supported yet"),
                        ));
                    }
                }
            }
        }
    }

    /// `LOAD_NAME`. In module-level code (locals are the globals, an exact
    /// dict) it looks where `LOAD_GLOBAL` does, so it shares that per-name
    /// cache; elsewhere it is the general lookup. Kept out of line: module
    /// code runs once, and the eval loop's layout is sensitive to its size.
    #[inline(never)]
    fn load_name_op(&mut self, co: &CodeObj, fi: usize, arg: u32) -> PyResult<()> {
        let module_level = self.frames.get(fi).is_some_and(|f| {
            f.locals
                .as_ref()
                .is_some_and(|l| l.is(&f.globals) && l.downcast_exact::<Dict>().is_some())
        });
        let ni = arg as usize;
        let cached = match self.frames.get(fi) {
            Some(f) if module_level => self.load_global_cached(co, ni, &f.globals, &f.builtins),
            _ => None,
        };
        let v = match cached {
            Some(v) => v,
            None if module_level => {
                let (globals, builtins) = self.namespaces(fi);
                self.load_global_slow(co, ni, &globals, &builtins)?
            }
            None => {
                let (globals, builtins) = self.namespaces(fi);
                return self.load_name(co, fi, arg, &globals, &builtins);
            }
        };
        self.push(v);
        Ok(())
    }

    /// `LOAD_GLOBAL` through the code object's inline cache.
    #[inline(always)]
    fn load_global_cached(
        &self,
        co: &CodeObj,
        ni: usize,
        globals: &ObjRef,
        builtins: &ObjRef,
    ) -> Option<Value> {
        let e = co.global_cache.get(ni)?.get();
        if e.globals_id != globals.id() {
            return None;
        }
        let name = co.names.get(ni)?;
        let g = globals.downcast::<Dict>()?;
        if !e.in_builtins {
            return g.value_at_if_key(&self.token, e.index as usize, name);
        }
        if g.keys_version(&self.token) != e.globals_version {
            return None;
        }
        builtins
            .downcast::<Dict>()?
            .value_at_if_key(&self.token, e.index as usize, name)
    }

    /// `LOAD_GLOBAL` by lookup, filling the cache.
    #[cold]
    fn load_global_slow(
        &mut self,
        co: &CodeObj,
        ni: usize,
        globals: &ObjRef,
        builtins: &ObjRef,
    ) -> PyResult<Value> {
        let Some(name) = co.names.get(ni) else {
            return Err(bad_code("LOAD_GLOBAL"));
        };
        let key = Value::Obj(name.clone());
        let (Some(g), Some(b)) = (globals.downcast::<Dict>(), builtins.downcast::<Dict>()) else {
            return Err(bad_code("globals or builtins is not a dict"));
        };
        let mut entry = crate::code::GlobalCache {
            globals_id: globals.id(),
            globals_version: g.keys_version(&self.token),
            index: 0,
            in_builtins: false,
        };
        let found = match g.index_of_str(&self.token, &key) {
            Some(ix) => {
                entry.index = ix as u32;
                g.value_at(&self.token, ix)
            }
            None => match b.index_of_str(&self.token, &key) {
                Some(ix) => {
                    entry.index = ix as u32;
                    entry.in_builtins = true;
                    b.value_at(&self.token, ix)
                }
                None => None,
            },
        };
        match found {
            Some(v) => {
                if let Some(c) = co.global_cache.get(ni) {
                    c.set(entry);
                }
                Ok(v)
            }
            None if crate::exc_group::lazy_builtin(self, name) => {
                self.load_global_slow(co, ni, globals, builtins)
            }
            None => Err(self.name_error_with_name(name)),
        }
    }

    /// Runs pending `__del__` finalizers: at the statement-level points where an
    /// object's last reference typically goes (CPython runs them inside the
    /// decref itself). A thread-local read when none are pending.
    #[inline(always)]
    fn finalizer_point(&mut self) {
        if crate::object::has_pending_finalizers() {
            self.run_finalizers();
        }
    }

    /// Frame `fi`'s globals and builtins (owned: the frame's own references
    /// are not held across the instruction loop, so switching frames costs
    /// no reference counting).
    fn namespaces(&self, fi: usize) -> (ObjRef, ObjRef) {
        match self.frames.get(fi) {
            Some(f) => (f.globals.clone(), f.builtins.clone()),
            None => (self.builtins.clone(), self.builtins.clone()),
        }
    }

    /// Writes the running position back into frame `fi` before another frame
    /// takes over (a call, a generator resumed or suspended in place).
    #[inline(always)]
    fn save_position(&mut self, fi: usize, ip: usize, lasti: usize) {
        if let Some(f) = self.frames.get_mut(fi) {
            f.ip = ip;
            f.lasti = lasti;
        }
    }

    /// Runs the cycle collector if enough container objects were created since
    /// the last collection (`gc::should_collect`, CPython's thresholds). Called
    /// on loop back-edges and function returns, so a loop that makes reference
    /// cycles runs in flat memory; CPython collects from inside the allocator.
    #[inline(always)]
    fn gc_point(&mut self) {
        if crate::gc::should_collect() {
            self.collect_garbage_now();
        }
    }

    #[cold]
    fn collect_garbage_now(&mut self) {
        crate::gc::collect(&mut self.token);
        if crate::object::has_pending_finalizers() {
            self.run_finalizers();
        }
    }

    /// `BINARY_OP` by oparg, in-place variants included.
    fn binary_op_arg(&mut self, a: &Value, b: &Value, arg: u32) -> PyResult<Value> {
        let Some((op, inplace)) = BinOp::from_oparg(arg) else {
            return Err(bad_code("BINARY_OP oparg"));
        };
        if op == BinOp::Power {
            if inplace && a.as_obj().is_some() {
                return self.inplace_op(a, b, op);
            }
            self.power(a, b)
        } else if inplace {
            self.inplace_op(a, b, op)
        } else {
            self.binary_op(a, b, op)
        }
    }
}

fn jump(ip: &mut usize, op: u8, arg: u32) {
    if matches!(
        op,
        POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE
    ) {
        *ip = ip.saturating_sub(arg as usize);
    } else {
        *ip += arg as usize;
    }
}

fn compare_op(arg: u32) -> PyResult<CompareOp> {
    Ok(match arg {
        0 => CompareOp::Lt,
        1 => CompareOp::Le,
        2 => CompareOp::Eq,
        3 => CompareOp::Ne,
        4 => CompareOp::Gt,
        5 => CompareOp::Ge,
        _ => return Err(bad_code("COMPARE_OP oparg")),
    })
}

/// `NameError: name 'x' is not defined`.
#[cold]
pub(crate) fn name_error(name: &ObjRef) -> PyErr {
    let n = name
        .downcast::<crate::builtins::str::StrObj>()
        .and_then(crate::builtins::str::StrObj::as_str)
        .unwrap_or("?");
    PyErr::new(ExcKind::NameError, format!("name '{n}' is not defined"))
}
