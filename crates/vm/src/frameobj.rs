//! Frame objects as Python sees them (CPython's `PyFrameObject`,
//! `Objects/frameobject.c`), created lazily for a frame on the data stack
//! (ARCHITECTURE §6). While its frame runs, a frame object reads the frame
//! record (found by identity in [`Vm::frames`]); afterwards it keeps the copy
//! taken at its last look (line, `f_back`, locals).

use std::cell::Cell;

use crate::builtins::dict::Dict;
use crate::builtins::str::{new_str, StrObj};
use crate::code::CodeObj;
use crate::error::{PyErr, PyResult};
use crate::function::CellObj;
use crate::object::{ObjRef, Payload, PayloadKind, PyCell, Token};
use crate::types::builtin_types;
use crate::value::Value;
use crate::vm::Vm;

/// The payload of a `frame` object.
pub struct FrameObj {
    /// `f_code`.
    pub code: ObjRef,
    /// `f_globals`.
    pub globals: ObjRef,
    /// `f_builtins`.
    pub builtins: ObjRef,
    /// `f_locals`: the namespace of a module/class frame, or the snapshot dict
    /// of a function frame (refreshed at each look while the frame runs).
    pub locals: PyCell<Option<ObjRef>>,
    /// `f_back` as last seen.
    pub back: PyCell<Option<ObjRef>>,
    /// `f_trace`.
    pub trace: PyCell<Value>,
    /// The code unit last executed, as last seen.
    pub lasti: Cell<usize>,
}

impl Payload for FrameObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.code.clone()));
        visit(&Value::Obj(self.globals.clone()));
        visit(&Value::Obj(self.builtins.clone()));
        if let Some(l) = self.locals.borrow(token) {
            visit(&Value::Obj(l.clone()));
        }
        if let Some(b) = self.back.borrow(token) {
            visit(&Value::Obj(b.clone()));
        }
        visit(self.trace.borrow(token));
    }

    fn clear(&self, token: &mut Token) {
        let a = self.locals.borrow_mut(token).take();
        let b = self.back.borrow_mut(token).take();
        let c = std::mem::take(self.trace.borrow_mut(token));
        drop((a, b, c));
    }
}

impl Vm {
    /// The frame object of frame record `fi`, created on first use (CPython's
    /// `_PyFrame_GetFrameObject`).
    pub fn frame_object(&mut self, fi: usize) -> Option<ObjRef> {
        let f = self.frames.get(fi)?;
        if let Some(o) = &f.obj {
            return Some(o.clone());
        }
        let o = ObjRef::new(
            &crate::rt_types::rt().frame,
            FrameObj {
                code: f.code.clone(),
                globals: f.globals.clone(),
                builtins: f.builtins.clone(),
                locals: PyCell::new(f.locals.clone()),
                back: PyCell::new(None),
                trace: PyCell::new(Value::None),
                lasti: Cell::new(f.lasti),
            },
        );
        self.frames[fi].obj = Some(o.clone());
        Some(o)
    }

    /// Before the top frame is popped: if it has a frame object, that object
    /// keeps a copy of its last line, `f_back` and locals.
    #[inline(always)]
    pub(crate) fn detach_frame_object(&mut self) {
        if self.frames.last().is_some_and(|f| f.obj.is_some()) {
            self.detach_frame_object_slow();
        }
    }

    #[cold]
    fn detach_frame_object_slow(&mut self) {
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return;
        };
        let Some(o) = self.frames[fi].obj.clone() else {
            return;
        };
        self.sync_frame(&o);
        if self.frames[fi].locals.is_none() {
            let _ = self.frame_locals_dict(fi);
        }
    }

    /// Where the frame of frame object `o` is on the frame stack, if it runs.
    fn live_index(&self, o: &ObjRef) -> Option<usize> {
        self.frames
            .iter()
            .rposition(|f| f.obj.as_ref().is_some_and(|x| x.is(o)))
    }

    /// Refreshes frame object `o` from its running frame (line, `f_back`).
    pub(crate) fn sync_frame(&mut self, o: &ObjRef) -> Option<usize> {
        let fi = self.live_index(o)?;
        let back = match fi.checked_sub(1) {
            Some(b) => self.frame_object(b),
            None => None,
        };
        let lasti = self.frames[fi].lasti;
        if let Some(fo) = o.downcast::<FrameObj>() {
            fo.lasti.set(lasti);
            *fo.back.borrow_mut(&mut self.token) = back;
        }
        Some(fi)
    }

    /// `frame.f_locals` / `locals()` of frame record `fi`: the namespace of a
    /// module or class frame, else the frame object's dict refreshed from the
    /// fast locals, cells and free variables (CPython's
    /// `PyFrame_FastToLocalsWithError`: unbound names are removed).
    pub fn frame_locals_dict(&mut self, fi: usize) -> PyResult<ObjRef> {
        if let Some(l) = self.frames.get(fi).and_then(|f| f.locals.clone()) {
            return Ok(l);
        }
        let Some(o) = self.frame_object(fi) else {
            return Ok(ObjRef::new(&builtin_types().dict, Dict::new()));
        };
        let d = {
            let Some(fo) = o.downcast::<FrameObj>() else {
                return Err(PyErr::type_error("not a frame"));
            };
            let slot = fo.locals.borrow_mut(&mut self.token);
            match slot {
                Some(d) => d.clone(),
                None => {
                    let d = ObjRef::new(&builtin_types().dict, Dict::new());
                    *slot = Some(d.clone());
                    d
                }
            }
        };
        let (code, base) = (self.frames[fi].code.clone(), self.frames[fi].base);
        let Some(co) = code.downcast::<CodeObj>() else {
            return Ok(d);
        };
        let end = (base + co.nlocalsplus).min(self.stack.len());
        let slots: Vec<Option<Value>> = self.stack.get(base..end).unwrap_or(&[]).to_vec();
        self.fill_locals(&d, co, &slots)?;
        Ok(d)
    }

    /// Stores the bound localsplus `slots` of `co` (cells dereferenced) into
    /// dict `d` by name, removing the unbound ones.
    pub(crate) fn fill_locals(
        &mut self,
        d: &ObjRef,
        co: &CodeObj,
        slots: &[Option<Value>],
    ) -> PyResult<()> {
        let Some(dd) = d.downcast::<Dict>() else {
            return Ok(());
        };
        for (i, name) in co.localsplus_names.iter().enumerate() {
            let mut v = slots.get(i).cloned().flatten();
            if co.cell_slots.contains(&i) {
                if let Some(c) = v.as_ref().and_then(|x| x.downcast::<CellObj>()) {
                    v = c.value.borrow(&self.token).clone();
                }
            }
            let key = Value::Obj(name.clone());
            match v {
                Some(v) => dd.set(self, key, v)?,
                None => {
                    dd.pop(self, &key)?;
                }
            }
        }
        Ok(())
    }

    /// The frame object of a suspended generator's saved frame, created on
    /// first use, its locals refreshed from the saved slots (`gi_frame`).
    pub fn saved_frame_object(&mut self, saved: &mut crate::generator::SavedFrame) -> ObjRef {
        let f = &saved.frame;
        match &f.obj {
            Some(o) => o.clone(),
            None => {
                let o = ObjRef::new(
                    &crate::rt_types::rt().frame,
                    FrameObj {
                        code: f.code.clone(),
                        globals: f.globals.clone(),
                        builtins: f.builtins.clone(),
                        locals: PyCell::new(f.locals.clone()),
                        back: PyCell::new(None),
                        trace: PyCell::new(Value::None),
                        lasti: Cell::new(f.lasti),
                    },
                );
                saved.frame.obj = Some(o.clone());
                o
            }
        }
    }

    /// Refreshes the locals of a suspended generator's frame object `o` from
    /// the saved `slots`.
    pub fn refresh_saved_locals(&mut self, o: &ObjRef, slots: &[Option<Value>]) -> PyResult<()> {
        let Some(fo) = o.downcast::<FrameObj>() else {
            return Ok(());
        };
        let d = {
            let slot = fo.locals.borrow_mut(&mut self.token);
            match slot {
                Some(d) => d.clone(),
                None => {
                    let d = ObjRef::new(&builtin_types().dict, Dict::new());
                    *slot = Some(d.clone());
                    d
                }
            }
        };
        if let Some(co) = fo.code.downcast::<CodeObj>() {
            if co.flags() & crate::code::CO_OPTIMIZED != 0 {
                self.fill_locals(&d, co, slots)?;
            }
        }
        Ok(())
    }

    /// Before a generator's frame is suspended: its frame object (if any)
    /// keeps the line and locals, and has no `f_back` while suspended.
    #[inline(always)]
    pub(crate) fn suspend_frame_object(&mut self) {
        if self.frames.last().is_some_and(|f| f.obj.is_some()) {
            self.suspend_frame_object_slow();
        }
    }

    #[cold]
    fn suspend_frame_object_slow(&mut self) {
        self.detach_frame_object();
        if let Some(o) = self.frames.last().and_then(|f| f.obj.clone()) {
            if let Some(fo) = o.downcast::<FrameObj>() {
                *fo.back.borrow_mut(&mut self.token) = None;
            }
        }
    }
}

fn frame_of(v: &Value) -> PyResult<&FrameObj> {
    v.downcast::<FrameObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'frame' object"))
}

/// The current line of frame object `fo` (from `co_positions` of `f_lasti`).
fn lineno(fo: &FrameObj) -> Value {
    let line = fo
        .code
        .downcast::<CodeObj>()
        .and_then(|c| c.line_at(fo.lasti.get()));
    line.map_or(Value::None, |l| Value::Int(l as i64))
}

/// Attribute lookup on frame objects: `f_back`, `f_code`, `f_locals`,
/// `f_globals`, `f_builtins`, `f_lineno`, `f_lasti`, `f_trace`,
/// `f_trace_lines`, `f_trace_opcodes`, then the type's methods.
pub fn frame_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let attr = name.downcast::<StrObj>().and_then(StrObj::as_str);
    if let (Some(attr), Some(o)) = (attr, obj.as_obj()) {
        if attr.starts_with("f_") {
            let live = vm.sync_frame(o);
            let fo = frame_of(obj)?;
            return Ok(match attr {
                "f_back" => fo
                    .back
                    .borrow(vm.token())
                    .clone()
                    .map_or(Value::None, Value::Obj),
                "f_code" => Value::Obj(fo.code.clone()),
                "f_globals" => Value::Obj(fo.globals.clone()),
                "f_builtins" => Value::Obj(fo.builtins.clone()),
                "f_lineno" => lineno(fo),
                "f_lasti" => Value::Int(fo.lasti.get() as i64 * 2),
                "f_trace" => fo.trace.borrow(vm.token()).clone(),
                "f_trace_lines" => Value::Bool(true),
                "f_trace_opcodes" => Value::Bool(false),
                "f_locals" => match live {
                    Some(fi) => Value::Obj(vm.frame_locals_dict(fi)?),
                    None => {
                        let l = fo.locals.borrow_mut(vm.token());
                        match l {
                            Some(d) => Value::Obj(d.clone()),
                            None => {
                                let d = ObjRef::new(&builtin_types().dict, Dict::new());
                                *l = Some(d.clone());
                                Value::Obj(d)
                            }
                        }
                    }
                },
                _ => return crate::builtins::object::generic_getattr(vm, obj, name),
            });
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// Attribute assignment on frame objects: `f_trace` is stored; the others are
/// read-only (`AttributeError`, as CPython's getset descriptors).
pub fn frame_setattro(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    value: Option<Value>,
) -> PyResult<()> {
    let attr = name
        .downcast::<StrObj>()
        .and_then(StrObj::as_str)
        .unwrap_or("");
    let fo = frame_of(obj)?;
    match attr {
        "f_trace" => {
            *fo.trace.borrow_mut(vm.token()) = value.unwrap_or(Value::None);
            Ok(())
        }
        "f_trace_lines" | "f_trace_opcodes" => Ok(()),
        "f_lineno" => Err(PyErr::value_error(
            "f_lineno can only be set by a trace function",
        )),
        _ => Err(PyErr::new(
            crate::error::ExcKind::AttributeError,
            format!("attribute '{attr}' of 'frame' objects is not writable"),
        )),
    }
}

/// `frame.__repr__`: `<frame at 0x..., file '...', line N, code f>`.
pub fn frame_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(o) = v.as_obj() {
        vm.sync_frame(o);
    }
    let fo = frame_of(v)?;
    let id = v.as_obj().map_or(0, ObjRef::id);
    let (file, name) = fo
        .code
        .downcast::<CodeObj>()
        .map(|c| {
            (
                c.data.filename.to_string_lossy().into_owned(),
                c.data.name.to_string_lossy().into_owned(),
            )
        })
        .unwrap_or_default();
    let line = match lineno(fo) {
        Value::Int(n) => n.to_string(),
        _ => "None".to_string(),
    };
    Ok(new_str(&format!(
        "<frame at {id:#x}, file '{file}', line {line}, code {name}>"
    )))
}

/// `frame.clear()`: drops the locals of a finished frame; `RuntimeError` for a
/// running one (CPython's `frame_tp_clear` via `frame_clear`).
fn frame_clear(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(PyErr::type_error("frame.clear() needs a frame"));
    };
    if let Some(o) = me.as_obj() {
        if vm.live_index(o).is_some() {
            return Err(PyErr::runtime_error("cannot clear an executing frame"));
        }
    }
    let fo = frame_of(me)?;
    if let Some(d) = fo.locals.borrow(vm.token()).clone() {
        if let Some(dd) = d.downcast::<Dict>() {
            if !d.is(&fo.globals) {
                dd.clear(vm.token());
            }
        }
    }
    Ok(Value::None)
}

/// `sys._getframe(depth=0)`: the frame object `depth` calls out from the
/// caller, or `ValueError: call stack is not deep enough`.
pub fn sys_getframe(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = crate::calls::arg_range(vm, "_getframe", args, kw, 0, 1)?;
    let depth = match a.first() {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let n = vm.frames.len() as i64;
    if depth < 0 || depth >= n {
        if depth < 0 && n > 0 {
            let o = vm.frame_object(n as usize - 1);
            return Ok(o.map_or(Value::None, Value::Obj));
        }
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    let fi = (n - 1 - depth) as usize;
    Ok(vm.frame_object(fi).map_or(Value::None, Value::Obj))
}

/// Sets up the `frame` type's slots and methods.
pub fn install(token: &mut Token, ty: &ObjRef) {
    if let Some(t) = ty.downcast::<crate::types::TypeObject>() {
        t.slots.getattro.set(Some(frame_getattro));
        t.slots.setattro.set(Some(frame_setattro));
        t.slots.repr.set(Some(frame_repr));
    }
    crate::calls::add_method(token, ty, "clear", frame_clear);
}
