//! The cycle collector (CPython's `Modules/gcmodule.c`, one generation for now).
//!
//! Reference counting frees everything except reference cycles. To find garbage
//! cycles among the container objects (those whose payload has `Payload::GC`):
//! 1. copy each tracked object's reference count into its `gc_refs`;
//! 2. for every reference *between* tracked objects (found with `traverse`, plus
//!    each object's reference to its type), decrement the target's `gc_refs`;
//!    what remains counts references from outside the tracked set (stack, locals,
//!    untracked holders);
//! 3. objects with `gc_refs > 0` are alive, and so is everything reachable from
//!    them; the rest is garbage;
//! 4. hold a reference to every garbage object, `clear` each (which drops its
//!    references and so breaks the cycles), then release them: their counts reach
//!    zero and they are freed normally.

use std::cell::Cell;

use crate::object::{
    gc_clear_weakrefs, gc_tracked_count, gc_tracked_objects, queue_finalizer, ObjRef, Token,
};
use crate::value::Value;

const REACHABLE: isize = isize::MAX;

fn dec(c: &ObjRef) {
    if c.is_gc() {
        let r: &Cell<isize> = c.gc_refs();
        r.set(r.get() - 1);
    }
}

/// Visits `o`'s references, including its type (a strong reference in the header).
fn each_ref(token: &Token, o: &ObjRef, f: &mut dyn FnMut(&ObjRef)) {
    o.traverse(token, &mut |v| {
        if let Value::Obj(c) = v {
            f(c)
        }
    });
    f(&o.type_ref());
}

thread_local! {
    /// Tracked objects alive right after the last collection.
    static AFTER_LAST: Cell<usize> = const { Cell::new(0) };
    /// `gc.get_threshold()[0]`: net new tracked objects that trigger a collection.
    static THRESHOLD: Cell<usize> = const { Cell::new(700) };
    /// `gc.isenabled()`.
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    ENABLED.with(Cell::get)
}

/// `gc.set_threshold(n)` (first generation's threshold; 0 disables automatic
/// collection, as in CPython).
pub fn set_threshold(n: usize) {
    THRESHOLD.with(|t| t.set(n));
}

/// Whether an automatic collection is due: more than the threshold of net new
/// tracked objects since the last one, and (since there is a single generation,
/// so each collection walks everything) at least a quarter of the survivors of
/// the last one — CPython's rule for its oldest generation, which keeps the total
/// work linear in the number of allocations.
#[inline]
pub fn should_collect() -> bool {
    let threshold = THRESHOLD.with(Cell::get);
    if threshold == 0 || !is_enabled() {
        return false;
    }
    let after = AFTER_LAST.with(Cell::get);
    gc_tracked_count().saturating_sub(after) > threshold.max(after / 4)
}

/// Collects if [`should_collect`] says so; the VM calls this at safe points
/// (CPython collects from inside the allocator instead). Returns the number of
/// objects freed.
pub fn maybe_collect(token: &mut Token) -> usize {
    if should_collect() {
        collect(token)
    } else {
        0
    }
}

/// Runs a full collection (CPython's `gc.collect()`) and returns the number of
/// unreachable objects found and freed.
pub fn collect(token: &mut Token) -> usize {
    let n = collect_inner(token);
    AFTER_LAST.with(|a| a.set(gc_tracked_count()));
    n
}

fn collect_inner(token: &mut Token) -> usize {
    let objs = gc_tracked_objects(token);
    // 1. Counts minus the reference `objs` itself holds.
    for o in &objs {
        o.gc_refs().set(o.refcount() as isize - 1);
    }
    // 2. Subtract references between tracked objects.
    for o in &objs {
        each_ref(token, o, &mut dec);
    }
    // 3. Mark everything reachable from an externally referenced object.
    let mut stack: Vec<ObjRef> = Vec::new();
    for o in &objs {
        if o.gc_refs().get() > 0 {
            o.gc_refs().set(REACHABLE);
            stack.push(o.clone());
        }
    }
    while let Some(o) = stack.pop() {
        each_ref(token, &o, &mut |c| {
            if c.is_gc() && c.gc_refs().get() != REACHABLE {
                c.gc_refs().set(REACHABLE);
                stack.push(c.clone());
            }
        });
    }
    // 4. Break the garbage cycles, then let the counts do the freeing.
    let garbage: Vec<ObjRef> = objs
        .into_iter()
        .filter(|o| o.gc_refs().get() != REACHABLE)
        .collect();
    // CPython's handle_weakrefs: weak references to garbage are cleared before
    // any finalizer can see them; callbacks run only for weak references that
    // are not garbage themselves.
    let is_garbage = |wr: &ObjRef| wr.is_gc() && wr.gc_refs().get() != REACHABLE;
    for g in &garbage {
        gc_clear_weakrefs(g, &is_garbage);
    }
    // PEP 442: garbage with finalizers that haven't run yet is finalized first,
    // and nothing is freed this time (a finalizer may resurrect any of it); the
    // next collection frees what is still unreachable.
    let mut queued = false;
    for g in &garbage {
        if g.type_obj().slots.finalize.get().is_some() {
            queued |= queue_finalizer(g);
        }
    }
    if queued {
        return 0;
    }
    // CPython 3.11 keeps instance attributes inline until `__dict__` is asked
    // for, so an instance and its dict count as one unreachable object.
    let inline_dicts = garbage
        .iter()
        .filter(|g| {
            g.downcast::<crate::builtins::object::Instance>()
                .and_then(|i| i.existing_dict(token))
                .is_some_and(|d| d.gc_refs().get() != REACHABLE)
        })
        .count();
    let n = garbage.len() - inline_dicts;
    for g in &garbage {
        g.clear(token);
    }
    drop(garbage);
    n
}

/// New references to every object the collector tracks (`gc.get_objects()`).
pub fn tracked_objects(token: &Token) -> Vec<ObjRef> {
    gc_tracked_objects(token)
}

/// Net new tracked objects since the last collection (`gc.get_count()[0]`).
pub fn count_since_last() -> usize {
    gc_tracked_count().saturating_sub(AFTER_LAST.with(Cell::get))
}
