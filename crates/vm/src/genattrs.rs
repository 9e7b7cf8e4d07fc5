//! Generator attributes (CPython's `gen_getsetlist`/`gen_memberlist` in
//! `Objects/genobject.c`): `gi_frame`, `gi_code`, `gi_running`,
//! `gi_suspended`, `gi_yieldfrom`, `__name__`, `__qualname__`.

use crate::builtins::str::StrObj;
use crate::error::PyResult;
use crate::generator::GeneratorObj;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// Attribute lookup on generators: the `gi_*` attributes, then the type's
/// methods.
pub fn gen_getattro(vm: &mut Vm, obj: &Value, name: &ObjRef) -> PyResult<Value> {
    let attr = name.downcast::<StrObj>().and_then(StrObj::as_str);
    if let (Some(attr), Some(g)) = (attr, obj.downcast::<GeneratorObj>()) {
        match attr {
            "gi_code" => return Ok(Value::Obj(g.code.clone())),
            "gi_running" => return Ok(Value::Bool(g.running.get())),
            "gi_suspended" => {
                let saved = g.saved.borrow(vm.token()).is_some();
                return Ok(Value::Bool(saved && g.started.get() && !g.running.get()));
            }
            "gi_yieldfrom" => return Ok(Value::None),
            "__name__" => return Ok(Value::Obj(g.name.clone())),
            "__qualname__" => return Ok(Value::Obj(g.qualname.clone())),
            "gi_frame" => {
                if g.running.get() {
                    // Running: its frame is on the frame stack.
                    let code = g.code.clone();
                    let fi = vm.frames.iter().rposition(|f| f.code.is(&code));
                    return Ok(fi
                        .and_then(|fi| vm.frame_object(fi))
                        .map_or(Value::None, Value::Obj));
                }
                let saved = g.saved.borrow_mut(vm.token()).take();
                let Some(mut saved) = saved else {
                    return Ok(Value::None);
                };
                let o = vm.saved_frame_object(&mut saved);
                let slots = saved.values.clone();
                *g.saved.borrow_mut(vm.token()) = Some(saved);
                vm.refresh_saved_locals(&o, &slots)?;
                return Ok(Value::Obj(o));
            }
            _ => {}
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}
