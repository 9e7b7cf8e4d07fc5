//! C3 linearization: the method resolution order of a class (CPython's
//! `mro_implementation` / `pmerge` in `Objects/typeobject.c`).

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Token};
use crate::types::{type_name, TypeObject};

fn as_type(o: &ObjRef) -> PyResult<&TypeObject> {
    o.downcast::<TypeObject>()
        .ok_or_else(|| PyErr::type_error("bases must be types"))
}

/// The MRO of a class with direct `bases`: the class itself (`this`) followed by
/// the C3 merge of its bases' MROs and the list of bases.
///
/// Errors are CPython's: "duplicate base class A" when a base is listed twice, and
/// "Cannot create a consistent method resolution\norder (MRO) for bases A, B" (with
/// the names of the bases still unmerged, in the order CPython lists them) when no
/// linearization exists.
pub fn c3_mro(token: &Token, this: &ObjRef, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| o.is(b)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                type_name(token, b)
            )));
        }
    }
    // Fast path as in CPython: a single base's MRO is just extended.
    if bases.len() == 1 {
        let mut out = vec![this.clone()];
        out.extend(as_type(&bases[0])?.mro(token).iter().cloned());
        return Ok(out);
    }
    let mut seqs: Vec<Vec<ObjRef>> = Vec::with_capacity(bases.len() + 1);
    for b in bases {
        seqs.push(as_type(b)?.mro(token).to_vec());
    }
    seqs.push(bases.to_vec());
    let mut heads = vec![0usize; seqs.len()];
    let mut out = vec![this.clone()];
    loop {
        let mut empty = 0;
        let mut chosen: Option<ObjRef> = None;
        for (i, seq) in seqs.iter().enumerate() {
            if heads[i] >= seq.len() {
                empty += 1;
                continue;
            }
            let candidate = &seq[heads[i]];
            let in_tail = seqs.iter().enumerate().any(|(j, s)| {
                s[(heads[j] + 1).min(s.len())..]
                    .iter()
                    .any(|o| o.is(candidate))
            });
            if !in_tail {
                chosen = Some(candidate.clone());
                break;
            }
        }
        if empty == seqs.len() {
            return Ok(out);
        }
        let Some(c) = chosen else {
            return Err(consistency_error(token, &seqs, &heads));
        };
        for (i, seq) in seqs.iter().enumerate() {
            if heads[i] < seq.len() && seq[heads[i]].is(&c) {
                heads[i] += 1;
            }
        }
        out.push(c);
    }
}

/// CPython's `set_mro_error`: the distinct heads of the sequences still being
/// merged, in sequence order.
#[cold]
fn consistency_error(token: &Token, seqs: &[Vec<ObjRef>], heads: &[usize]) -> PyErr {
    let mut names: Vec<&ObjRef> = Vec::new();
    for (i, seq) in seqs.iter().enumerate() {
        if let Some(h) = seq.get(heads[i]) {
            if !names.iter().any(|n| n.is(h)) {
                names.push(h);
            }
        }
    }
    let names: Vec<String> = names.iter().map(|o| type_name(token, o)).collect();
    PyErr::type_error(format!(
        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
        names.join(", ")
    ))
}
