//! "Did you mean: 'x'?" for uncaught `NameError` and `AttributeError`
//! (CPython 3.11's `Python/suggestions.c`, used by the traceback printer).
//!
//! The errors the eval loop raises carry their context as CPython's do: a
//! `NameError` its `name`, an `AttributeError` from the generic lookup its
//! `name` and `obj` (set when the error is raised, so only the failing path
//! pays). The suggestion itself is computed only when a report is printed: the
//! candidate closest to the name by a Levenshtein distance where a case change
//! costs 1 and any other edit 2, within a third of the two lengths.

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::list::List;
use crate::builtins::str::{intern, StrObj};
use crate::code::CodeObj;
use crate::error::{ExcKind, PyErr};
use crate::exceptions::{exc_class, ExceptionObj, TracebackObj};
use crate::frameobj::FrameObj;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// Lists with this many candidates or more give no suggestion.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Names longer than this (in UTF-8 bytes) are never close.
const MAX_STRING_SIZE: usize = 40;
/// The cost of an insertion, deletion or substitution.
const MOVE_COST: usize = 2;
/// The cost of substituting a letter by itself in the other case.
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted Levenshtein distance of `a` and `b` over bytes, or anything
/// above `max_cost` once it is certain to exceed it.
fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let common_prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[common_prefix..], &b[common_prefix..]);
    let common_suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a = &a[..a.len() - common_suffix];
    b = &b[..b.len() - common_suffix];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place.
    let mut row = [0usize; MAX_STRING_SIZE];
    for (i, cell) in row.iter_mut().take(a.len()).enumerate() {
        *cell = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name` (CPython's `calculate_suggestions`).
fn calculate_suggestion(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_distance = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let max_distance =
            ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best.cloned()
}

fn text(v: &Value) -> Option<String> {
    v.downcast::<StrObj>()
        .map(|s| s.text().to_string_lossy().into_owned())
}

fn dict_keys(vm: &mut Vm, d: &ObjRef) -> Vec<String> {
    d.downcast::<Dict>()
        .map(|d| d.keys(vm.token()).iter().filter_map(text).collect())
        .unwrap_or_default()
}

/// Sets `name` (and `obj`) in exception `exc`'s dict, as CPython's
/// `PyNameErrorObject` / `PyAttributeErrorObject` members.
fn set_context(vm: &mut Vm, exc: &ObjRef, name: &ObjRef, obj: Option<&Value>) {
    let Some(e) = exc.downcast::<ExceptionObj>() else {
        return;
    };
    let d = e.dict(vm.token());
    let Some(d) = d.downcast::<Dict>() else {
        return;
    };
    let k = Value::Obj(intern(vm.token(), "name"));
    let _ = d.set(&mut NativeEq(vm.token()), k, Value::Obj(name.clone()));
    if let Some(o) = obj {
        let k = Value::Obj(intern(vm.token(), "obj"));
        let _ = d.set(&mut NativeEq(vm.token()), k, o.clone());
    }
}

impl Vm {
    /// The eval loop's `NameError: name 'x' is not defined`, with `name` set.
    #[cold]
    pub(crate) fn name_error_with_name(&mut self, name: &ObjRef) -> PyErr {
        let mut err = crate::eval::name_error(name);
        let exc = self.exc_object(&mut err);
        set_context(self, &exc, name, None);
        err
    }

    /// Adds `name` and `obj` to a native "'T' object has no attribute 'x'"
    /// (the generic lookup's error, as CPython's `set_attribute_error_context`);
    /// other errors pass unchanged.
    #[cold]
    pub(crate) fn attribute_error_context(
        &mut self,
        mut err: PyErr,
        obj: &Value,
        name: &ObjRef,
    ) -> PyErr {
        if err.exc.is_some() || err.kind != ExcKind::AttributeError {
            return err;
        }
        let Some(n) = name.downcast::<StrObj>().and_then(StrObj::as_str) else {
            return err;
        };
        if !err.msg.ends_with(&format!("has no attribute '{n}'")) {
            return err;
        }
        let exc = self.exc_object(&mut err);
        set_context(self, &exc, name, Some(obj));
        err
    }

    /// The suggestion for an exception about to be reported: for an exact
    /// `NameError`, the closest local of the innermost traceback frame, else
    /// global, else builtin; for an exact `AttributeError`, the closest name in
    /// `dir(obj)`.
    pub(crate) fn suggestion_for(&mut self, exc: &ObjRef) -> Option<String> {
        let cls = exc.type_ref();
        let is_name = cls.is(&exc_class(ExcKind::NameError));
        let is_attr = cls.is(&exc_class(ExcKind::AttributeError));
        if !is_name && !is_attr {
            return None;
        }
        let e = exc.downcast::<ExceptionObj>()?;
        let dict = e.dict.borrow(self.token()).clone()?;
        let d = dict.downcast::<Dict>()?;
        let kname = Value::Obj(intern(self.token(), "name"));
        let name = d.get_str(self.token(), &kname).as_ref().and_then(text)?;
        if is_attr {
            let kobj = Value::Obj(intern(self.token(), "obj"));
            let obj = d.get_str(self.token(), &kobj)?;
            let dir = self.builtins_dir(&obj)?;
            return calculate_suggestion(&dir, &name);
        }
        let mut tb = e.traceback.borrow(self.token()).clone().as_obj()?.clone();
        while let Some(next) = tb.downcast::<TracebackObj>()?.next.clone() {
            tb = next;
        }
        let t = tb.downcast::<TracebackObj>()?;
        let varnames: Vec<String> = t
            .code
            .downcast::<CodeObj>()
            .map(|c| {
                c.data
                    .varnames()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(s) = calculate_suggestion(&varnames, &name) {
            return Some(s);
        }
        let frame = t.frame.clone()?;
        let f = frame.downcast::<FrameObj>()?;
        let (g, b) = (f.globals.clone(), f.builtins.clone());
        let globals = dict_keys(self, &g);
        if let Some(s) = calculate_suggestion(&globals, &name) {
            return Some(s);
        }
        let builtins = dict_keys(self, &b);
        calculate_suggestion(&builtins, &name)
    }

    /// `dir(obj)` as strings (through the `dir` builtin), `None` on error.
    fn builtins_dir(&mut self, obj: &Value) -> Option<Vec<String>> {
        let k = Value::Obj(intern(self.token(), "dir"));
        let b = self.builtins.clone();
        let dir = b.downcast::<Dict>()?.get_str(self.token(), &k)?;
        let r = self.call(&dir, std::slice::from_ref(obj), None).ok()?;
        let l = r.downcast::<List>()?;
        Some(l.to_vec(self.token()).iter().filter_map(text).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_cpython() {
        assert_eq!(levenshtein_distance(b"countr", b"counter", 100), 2);
        assert_eq!(levenshtein_distance(b"abc", b"ABC", 100), 3);
        assert_eq!(levenshtein_distance(b"", b"ab", 100), 4);
        let c = vec!["counter".to_owned(), "print".to_owned()];
        assert_eq!(
            calculate_suggestion(&c, "countr").as_deref(),
            Some("counter")
        );
        assert_eq!(calculate_suggestion(&c, "zzzzzz"), None);
    }
}
