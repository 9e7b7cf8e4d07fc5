//! The `bytes`/`bytearray` methods beyond `bytes.rs`'s first set (CPython's
//! `Objects/bytes_methods.c` and `bytesobject.c`): ASCII case operations and
//! predicates, padding (`center`, `ljust`, `rjust`, `zfill`, `expandtabs`),
//! `partition`/`rpartition`, `rsplit`, `splitlines`, `removeprefix`/
//! `removesuffix`, `rindex` and `maketrans` (`translate` is in bytes_translate.rs).

use super::bytes::{buffer_arg, find_common, is_bytearray, is_space, new_bytes, pos, recv, result};
use crate::builtins::list::List;
use crate::builtins::tuple::Tuple;
use crate::calls::{add_method, NativeFn};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// The longest result these methods build; beyond it CPython would run out
/// of memory, Krait raises `MemoryError` rather than abort.
const MAX_RESULT: usize = 1 << 31;

fn too_big() -> PyErr {
    PyErr::new(ExcKind::MemoryError, "")
}

fn map_bytes(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let s = recv(vm, args)?;
    pos(vm, name, args, kw, 0, 0)?;
    Ok(result(vm, &args[0], f(&s)))
}

fn capitalize(s: &[u8]) -> Vec<u8> {
    s.iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect()
}

fn swapcase(s: &[u8]) -> Vec<u8> {
    s.iter()
        .map(|b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        })
        .collect()
}

fn title(s: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    s.iter()
        .map(|&b| {
            let r = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn b_capitalize(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    map_bytes(vm, args, kw, "capitalize", capitalize)
}
fn b_swapcase(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    map_bytes(vm, args, kw, "swapcase", swapcase)
}
fn b_title(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    map_bytes(vm, args, kw, "title", title)
}

fn test(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    f: fn(&[u8]) -> bool,
) -> PyResult<Value> {
    let s = recv(vm, args)?;
    pos(vm, name, args, kw, 0, 0)?;
    Ok(Value::Bool(f(&s)))
}

fn is_lower(s: &[u8]) -> bool {
    s.iter().any(u8::is_ascii_lowercase) && !s.iter().any(u8::is_ascii_uppercase)
}
fn is_upper(s: &[u8]) -> bool {
    s.iter().any(u8::is_ascii_uppercase) && !s.iter().any(u8::is_ascii_lowercase)
}
fn is_title(s: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for b in s {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn b_islower(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    test(vm, args, kw, "islower", is_lower)
}
fn b_isupper(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    test(vm, args, kw, "isupper", is_upper)
}
fn b_istitle(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    test(vm, args, kw, "istitle", is_title)
}
fn b_isascii(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    test(vm, args, kw, "isascii", |s| s.is_ascii())
}

/// The fill byte of `center`/`ljust`/`rjust`: a bytes-like of length 1.
fn fill_byte(vm: &mut Vm, name: &str, v: Option<&Value>) -> PyResult<u8> {
    let Some(v) = v else {
        return Ok(b' ');
    };
    match super::bytes::bytes_of(vm.token(), v) {
        Some(b) if b.len() == 1 => Ok(b[0]),
        _ => {
            let tn = super::tname(vm, v);
            Err(PyErr::type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {tn}"
            )))
        }
    }
}

fn pad(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    place: fn(usize) -> usize,
) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let a = pos(vm, name, args, kw, 1, 2)?;
    let width = vm.index_isize(&a[0])?;
    let fill = fill_byte(vm, name, a.get(1))?;
    let width = usize::try_from(width).unwrap_or(0);
    if width <= s.len() {
        return Ok(result(vm, &args[0], s));
    }
    if width > MAX_RESULT {
        return Err(too_big());
    }
    let marg = width - s.len();
    // CPython's `pad`: `center` puts the odd byte on the left when the
    // width is odd.
    let left = if name == "center" {
        marg / 2 + (marg & width & 1)
    } else {
        place(marg)
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&s);
    out.resize(width, fill);
    Ok(result(vm, &args[0], out))
}

fn b_center(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pad(vm, args, kw, "center", |m| m / 2)
}
fn b_ljust(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pad(vm, args, kw, "ljust", |_| 0)
}
fn b_rjust(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    pad(vm, args, kw, "rjust", |m| m)
}

fn b_zfill(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let a = pos(vm, "zfill", args, kw, 1, 1)?;
    let width = usize::try_from(vm.index_isize(&a[0])?).unwrap_or(0);
    if width <= s.len() {
        return Ok(result(vm, &args[0], s));
    }
    if width > MAX_RESULT {
        return Err(too_big());
    }
    let fill = width - s.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(&s);
    if matches!(s.first(), Some(b'+' | b'-')) {
        out[0] = s[0];
        out[fill] = b'0';
    }
    Ok(result(vm, &args[0], out))
}

fn b_expandtabs(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let [tabsize] = super::str_methods::clinic_kw(vm, "expandtabs", args, kw, ["tabsize"], true)?;
    let tab = match tabsize {
        Some(t) => vm.index_isize(&t)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(s.len());
    let mut col = 0usize;
    for &b in &s {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    if out.len().saturating_add(n) > MAX_RESULT {
                        return Err(PyErr::new(ExcKind::OverflowError, "result too long"));
                    }
                    out.extend(std::iter::repeat_n(b' ', n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(result(vm, &args[0], out))
}

fn partition_common(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    from_right: bool,
) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let a = pos(vm, name, args, kw, 1, 1)?;
    let sep = buffer_arg(vm, &a[0])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let m = is_bytearray(vm, &args[0]);
    let found = if from_right {
        s.windows(sep.len()).rposition(|w| w == sep.as_slice())
    } else {
        s.windows(sep.len()).position(|w| w == sep.as_slice())
    };
    let parts = match found {
        Some(i) => [s[..i].to_vec(), sep.clone(), s[i + sep.len()..].to_vec()],
        None if from_right => [Vec::new(), Vec::new(), s],
        None => [s, Vec::new(), Vec::new()],
    };
    Ok(Value::Obj(Tuple::alloc(
        parts.into_iter().map(|p| new_bytes(p, m)).collect(),
    )))
}

fn b_partition(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    partition_common(vm, args, kw, "partition", false)
}
fn b_rpartition(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    partition_common(vm, args, kw, "rpartition", true)
}

fn b_rsplit(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let [sep, maxsplit] =
        super::str_methods::clinic_kw(vm, "rsplit", args, kw, ["sep", "maxsplit"], true)?;
    let maxsplit = match maxsplit {
        Some(m) => vm.index_isize(&m)?,
        None => -1,
    };
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None | Some(Value::None) => {
            let mut end = s.len();
            loop {
                while end > 0 && is_space(s[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if parts.len() == limit {
                    parts.push(s[..end].to_vec());
                    break;
                }
                let mut st = end;
                while st > 0 && !is_space(s[st - 1]) {
                    st -= 1;
                }
                parts.push(s[st..end].to_vec());
                end = st;
            }
        }
        Some(sep) => {
            let sep = buffer_arg(vm, &sep)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut rest: &[u8] = &s;
            loop {
                if parts.len() == limit {
                    parts.push(rest.to_vec());
                    break;
                }
                match rest.windows(sep.len()).rposition(|w| w == sep.as_slice()) {
                    Some(p) => {
                        parts.push(rest[p + sep.len()..].to_vec());
                        rest = &rest[..p];
                    }
                    None => {
                        parts.push(rest.to_vec());
                        break;
                    }
                }
            }
        }
    }
    parts.reverse();
    let m = is_bytearray(vm, &args[0]);
    Ok(Value::Obj(List::alloc(
        parts.into_iter().map(|p| new_bytes(p, m)).collect(),
    )))
}

fn b_splitlines(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let [keepends] = super::str_methods::clinic_kw(vm, "splitlines", args, kw, ["keepends"], true)?;
    let keep = match keepends {
        Some(k) => vm.is_true(&k)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let st = i;
        while i < s.len() && s[i] != b'\n' && s[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < s.len() {
            if s[i] == b'\r' && s.get(i + 1) == Some(&b'\n') {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        parts.push(s[st..eol].to_vec());
    }
    let m = is_bytearray(vm, &args[0]);
    Ok(Value::Obj(List::alloc(
        parts.into_iter().map(|p| new_bytes(p, m)).collect(),
    )))
}

fn b_removeprefix(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let a = pos(vm, "removeprefix", args, kw, 1, 1)?;
    let p = buffer_arg(vm, &a[0])?;
    let out = s.strip_prefix(p.as_slice()).unwrap_or(&s).to_vec();
    Ok(result(vm, &args[0], out))
}

fn b_removesuffix(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let a = pos(vm, "removesuffix", args, kw, 1, 1)?;
    let p = buffer_arg(vm, &a[0])?;
    let out = s.strip_suffix(p.as_slice()).unwrap_or(&s).to_vec();
    Ok(result(vm, &args[0], out))
}

fn b_rindex(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (s, sub, st, en) = find_common(vm, args, kw, "rindex")?;
    let i = common::str_methods::search::rfind(&s, &sub, st, en);
    if i < 0 {
        return Err(PyErr::value_error("subsection not found"));
    }
    Ok(Value::Int(i as i64))
}

/// `bytes.maketrans(frm, to)`: the 256-byte table mapping `frm[i]` to `to[i]`.
fn b_maketrans(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::no_kwargs(vm, "maketrans", kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let frm = buffer_arg(vm, &args[0])?;
    let to = buffer_arg(vm, &args[1])?;
    if frm.len() != to.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(table, false))
}

/// Adds these methods to `bytes` and `bytearray`.
pub fn install(vm: &mut Vm, types: &[ObjRef]) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("capitalize", b_capitalize),
        ("swapcase", b_swapcase),
        ("title", b_title),
        ("islower", b_islower),
        ("isupper", b_isupper),
        ("istitle", b_istitle),
        ("isascii", b_isascii),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("expandtabs", b_expandtabs),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("rsplit", b_rsplit),
        ("splitlines", b_splitlines),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("rindex", b_rindex),
    ];
    for ty in types {
        for (n, f) in methods {
            add_method(vm.token(), ty, n, *f);
        }
        super::add_staticmethod(vm.token(), ty, "maketrans", b_maketrans);
    }
}
