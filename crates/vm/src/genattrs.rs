//! Generator attributes (CPython's `gen_getsetlist`/`gen_memberlist` in
//! `Objects/genobject.c`): `gi_frame`, `gi_code`, `gi_running`,
//! `gi_suspended` (the attribute lookup itself is `coroutine::gen_getattro`).

use crate::error::PyResult;
use crate::generator::GeneratorObj;
use crate::value::Value;
use crate::vm::Vm;

/// `gi_frame` / `cr_frame` / `ag_frame`: the frame object of a suspended or running
/// generator (made lazily; it keeps a copy of the locals while suspended), or
/// `None` once it has finished.
pub fn gen_frame(vm: &mut Vm, g: &GeneratorObj) -> PyResult<Value> {
    if g.running.get() {
        // Running: its frame is on the frame stack.
        let code = g.code.clone();
        let fi = vm.frames.iter().rposition(|f| f.code.is(&code));
        return Ok(fi
            .and_then(|fi| vm.frame_object(fi))
            .map_or(Value::None, Value::Obj));
    }
    let saved = g.take_saved(vm.token());
    let Some(mut saved) = saved else {
        return Ok(Value::None);
    };
    let o = vm.saved_frame_object(&mut saved);
    let slots = saved.values.clone();
    g.put_saved(vm.token(), saved);
    vm.refresh_saved_locals(&o, &slots)?;
    Ok(Value::Obj(o))
}

/// `gi_suspended` (new in 3.11): started, not finished, not running.
pub fn gen_suspended(vm: &mut Vm, g: &GeneratorObj) -> bool {
    let saved = g.has_frame(vm.token());
    saved && g.started.get() && !g.running.get()
}
