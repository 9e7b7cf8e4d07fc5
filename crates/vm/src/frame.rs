//! Frames on the per-interpreter data stack (CPython 3.11's
//! `_PyInterpreterFrame` in `Include/internal/pycore_frame.h`, and argument
//! binding from `Python/ceval.c`'s `initialize_locals`).
//!
//! The data stack is one `Vec<Option<Value>>` ([`Vm::stack`]); `None` is
//! CPython's `NULL` (an unbound local, the `PUSH_NULL` marker). A frame is a
//! [`Frame`] record on [`Vm::frames`] plus the slice `stack[base..]` holding its
//! localsplus slots (locals, cells, free variables) followed by its value stack.
//! A call from Python code puts the callee's frame right where its arguments
//! already are (they become its first locals, no copy); the frame's `ret_at`
//! says where the caller's stack resumes. Both vectors keep their capacity, so a
//! call allocates nothing once the stack has grown to the program's depth.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::StrObj;
use crate::builtins::tuple::Tuple;
use crate::code::{CodeObj, CO_VARARGS, CO_VARKEYWORDS};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::function::FunctionObj;
use crate::object::ObjRef;
use crate::types::builtin_types;
use crate::value::Value;
use crate::vm::Vm;

/// One activation record (CPython's `_PyInterpreterFrame` minus the localsplus
/// array, which lives on the data stack at `base`).
#[derive(Clone)]
pub struct Frame {
    /// The code object being run (a [`CodeObj`]).
    pub code: ObjRef,
    /// The function, if the frame runs one (for `COPY_FREE_VARS`).
    pub func: Option<ObjRef>,
    /// `f_globals`.
    pub globals: ObjRef,
    /// `f_builtins` (the builtins namespace dict).
    pub builtins: ObjRef,
    /// `f_locals` for module and class bodies (a dict), else `None`.
    pub locals: Option<ObjRef>,
    /// Index of localsplus slot 0 on the data stack.
    pub base: usize,
    /// The next code unit to execute.
    pub ip: usize,
    /// The code unit of the instruction being executed (`f_lasti`).
    pub lasti: usize,
    /// The data stack length to restore when the frame returns (the result is
    /// pushed after it).
    pub ret_at: usize,
    /// Whether returning from this frame leaves the (re-entered) eval loop.
    pub entry: bool,
    /// The frame object, once Python code asked for it (`sys._getframe`, a
    /// traceback's `tb_frame`).
    pub obj: Option<ObjRef>,
    /// For a generator's frame resumed in place by the caller's `FOR_ITER`
    /// (see `generator::push_generator_frame`): the generator, and where the
    /// caller continues when the generator is exhausted.
    pub inline_gen: Option<(ObjRef, usize)>,
}

impl Vm {
    /// Pushes a frame for `func` whose `nargs` argument values (positional, then
    /// keyword values named by `kwnames`) are on the data stack at `base..`,
    /// binding them to parameters with CPython's rules and messages. `ret_at` is
    /// where the caller's stack resumes.
    pub(crate) fn push_function_frame(
        &mut self,
        func: &ObjRef,
        base: usize,
        nargs: usize,
        kwnames: Option<&ObjRef>,
        ret_at: usize,
        entry: bool,
    ) -> PyResult<()> {
        let Some(f) = func.downcast::<FunctionObj>() else {
            return Err(PyErr::type_error("not a Python function"));
        };
        let code = f.code.borrow(&self.token).clone();
        let Some(co) = code.downcast::<CodeObj>() else {
            return Err(PyErr::type_error("function has no code"));
        };
        if self.frames.len() >= self.recursion_limit() as usize {
            self.truncate_stack(ret_at);
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let argcount = co.data.argcount as usize;
        let simple = kwnames.is_none()
            && co.data.kwonlyargcount == 0
            && co.flags() & (CO_VARARGS | CO_VARKEYWORDS) == 0;
        if simple && nargs == argcount {
            // The fast path: arguments are the first locals already.
        } else if simple
            && nargs < argcount
            && f.defaults
                .borrow(&self.token)
                .as_ref()
                .and_then(|d| d.downcast::<Tuple>())
                .is_some_and(|d| nargs + d.len(&self.token) >= argcount)
        {
            let d = f.defaults.borrow(&self.token).clone();
            if let Some(t) = d.as_ref().and_then(|d| d.downcast::<Tuple>()) {
                let items = t.items(&self.token);
                let needed = argcount - nargs;
                let from = items.len().saturating_sub(needed);
                self.stack
                    .extend(items[from..].iter().map(|v| Some(v.clone())));
            }
        } else if let Err(e) = self.bind_general(f, co, base, nargs, kwnames) {
            self.truncate_stack(ret_at);
            return Err(e);
        }
        // The other locals start unbound (an inlined fill, not `resize`'s call).
        let want = base + co.nlocalsplus;
        let have = self.stack.len();
        if have < want {
            self.stack.extend(std::iter::repeat_n(None, want - have));
        } else {
            self.stack.truncate(want);
        }
        self.frames.push(Frame {
            code: code.clone(),
            func: Some(func.clone()),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            locals: None,
            base,
            ip: 0,
            lasti: 0,
            ret_at,
            entry,
            obj: None,
            inline_gen: None,
        });
        if self.trace_func.is_some() {
            if let Err(e) = self.trace_call_event() {
                self.frames.pop();
                self.truncate_stack(ret_at);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Pops stack values down to length `n` (dropping them).
    pub(crate) fn truncate_stack(&mut self, n: usize) {
        self.stack.truncate(n);
    }

    #[allow(clippy::needless_range_loop)]
    /// The general argument binding (CPython's `initialize_locals`): keywords,
    /// `*args`, `**kwargs`, defaults, keyword-only defaults, and the
    /// `TypeError`s. Leaves exactly `total_args` slots at `base..`.
    fn bind_general(
        &mut self,
        f: &FunctionObj,
        co: &CodeObj,
        base: usize,
        nargs: usize,
        kwnames: Option<&ObjRef>,
    ) -> PyResult<()> {
        let args: Vec<Value> = self
            .stack
            .drain(base..)
            .map(Option::unwrap_or_default)
            .collect();
        let kwn: Vec<Value> = kwnames
            .and_then(|k| k.downcast::<Tuple>())
            .map(|t| t.items(&self.token).to_vec())
            .unwrap_or_default();
        let nkw = kwn.len().min(args.len());
        let npos = nargs.min(args.len()) - nkw;
        let argcount = co.data.argcount as usize;
        let posonly = co.data.posonlyargcount as usize;
        let kwonly = co.data.kwonlyargcount as usize;
        let has_varargs = co.flags() & CO_VARARGS != 0;
        let has_varkw = co.flags() & CO_VARKEYWORDS != 0;
        let qualname = f
            .qualname
            .borrow(&self.token)
            .downcast::<StrObj>()
            .map(|s| s.text().to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut slots: Vec<Option<Value>> = vec![None; co.total_args];
        for (i, v) in args[..npos.min(argcount)].iter().enumerate() {
            slots[i] = Some(v.clone());
        }
        let mut kwdict: Option<ObjRef> = None;
        if has_varkw {
            kwdict = Some(ObjRef::new(&builtin_types().dict, Dict::new()));
        }
        if has_varargs {
            let extra = if npos > argcount {
                args[argcount..npos].to_vec()
            } else {
                vec![]
            };
            slots[argcount + kwonly] = Some(Value::Obj(Tuple::alloc(extra)));
        } else if npos > argcount {
            let ndefaults = defaults_len(self, f);
            let kw_given = (0..nkw)
                .filter(|i| {
                    let name = &kwn[*i];
                    co.localsplus_names[argcount..argcount + kwonly]
                        .iter()
                        .any(|n| name_eq(n, name))
                })
                .count();
            let takes = if ndefaults > 0 {
                format!(
                    "from {} to {} positional arguments",
                    argcount - ndefaults,
                    argcount
                )
            } else {
                format!(
                    "{argcount} positional argument{}",
                    if argcount == 1 { "" } else { "s" }
                )
            };
            let given = if kw_given > 0 {
                format!(
                    " positional argument{} (and {kw_given} keyword-only argument{})",
                    if npos == 1 { "" } else { "s" },
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            return Err(PyErr::type_error(format!(
                "{qualname}() takes {takes} but {npos}{given} {} given",
                if npos == 1 && kw_given == 0 {
                    "was"
                } else {
                    "were"
                }
            )));
        }
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (name, value) in kwn.iter().zip(&args[npos..]) {
            let found = co.localsplus_names[..argcount + kwonly]
                .iter()
                .position(|n| name_eq(n, name));
            match found {
                Some(i) if i >= posonly => {
                    if slots[i].is_some() {
                        return Err(PyErr::type_error(format!(
                            "{qualname}() got multiple values for argument '{}'",
                            text(name)
                        )));
                    }
                    slots[i] = Some(value.clone());
                }
                other => {
                    if let Some(d) = kwdict.as_ref().and_then(|d| d.downcast::<Dict>()) {
                        d.set(&mut NativeEq(&mut self.token), name.clone(), value.clone())?;
                    } else if other.is_some() {
                        posonly_as_kw.push(text(name));
                    } else {
                        return Err(PyErr::type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{}'",
                            text(name)
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for missing positional parameters.
        let defaults: Vec<Value> = f
            .defaults
            .borrow(&self.token)
            .as_ref()
            .and_then(|d| d.downcast::<Tuple>())
            .map(|t| t.items(&self.token).to_vec())
            .unwrap_or_default();
        let first_default = argcount.saturating_sub(defaults.len());
        let mut missing = Vec::new();
        for i in npos.min(argcount)..argcount {
            if slots[i].is_none() {
                if i >= first_default {
                    slots[i] = defaults.get(i - first_default).cloned();
                } else {
                    missing.push(text(&Value::Obj(co.localsplus_names[i].clone())));
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(&qualname, "positional", &missing));
        }
        let kwdefaults = f.kwdefaults.borrow(&self.token).clone();
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if slots[i].is_none() {
                let name = Value::Obj(co.localsplus_names[i].clone());
                let d = kwdefaults
                    .as_ref()
                    .and_then(|d| d.downcast::<Dict>())
                    .and_then(|d| d.get_str(&self.token, &name));
                match d {
                    Some(v) => slots[i] = Some(v),
                    None => missing.push(text(&name)),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(&qualname, "keyword-only", &missing));
        }
        if let Some(d) = kwdict {
            let at = argcount + kwonly + usize::from(has_varargs);
            slots[at] = Some(Value::Obj(d));
        }
        self.stack.extend(slots);
        Ok(())
    }
}

fn defaults_len(vm: &mut Vm, f: &FunctionObj) -> usize {
    f.defaults
        .borrow(&vm.token)
        .as_ref()
        .and_then(|d| d.downcast::<Tuple>())
        .map_or(0, |t| t.len(&vm.token))
}

fn name_eq(n: &ObjRef, v: &Value) -> bool {
    match v.as_obj() {
        Some(o) if o.is(n) => true,
        Some(o) => match (o.downcast::<StrObj>(), n.downcast::<StrObj>()) {
            (Some(a), Some(b)) => a.as_bytes() == b.as_bytes(),
            _ => false,
        },
        None => false,
    }
}

fn text(v: &Value) -> String {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// CPython's `missing_arguments` message: "f() missing 2 required positional
/// arguments: 'a' and 'b'".
fn missing_error(qualname: &str, kind: &str, names: &[String]) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    PyErr::type_error(format!(
        "{qualname}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}
