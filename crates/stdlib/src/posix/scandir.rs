//! `posix.scandir` and `os.DirEntry` (CPython's `ScandirIterator` and
//! `DirEntry`): the directory is read when `scandir` is called; each entry
//! keeps its name, path and file type, and `stat()` caches its result.

use std::cell::Cell;
use std::os::unix::fs::DirEntryExt;

use vm::builtins::str::{intern, new_str};
use vm::calls::{add_method, exact_args, new_native_function, ArgSpec, NativeFn};
use vm::methods::bytes::new_bytes;
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::{new_native_type, TypeObject};
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use super::{make_stat, os_error, path_value};
use crate::util::{set_attr, tname};

/// One directory entry's facts, read with the listing.
struct EntryData {
    name: String,
    path: String,
    as_bytes: bool,
    ino: u64,
    is_dir: bool,
    is_file: bool,
    is_symlink: bool,
}

/// The payload of `os.DirEntry`.
pub struct DirEntry {
    data: EntryData,
    stat: PyCell<Option<Value>>,
    lstat: PyCell<Option<Value>>,
}

impl Payload for DirEntry {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        for v in [self.stat.borrow(token), self.lstat.borrow(token)]
            .into_iter()
            .flatten()
        {
            visit(v);
        }
    }
}

/// The payload of the iterator `scandir` returns.
pub struct ScandirIter {
    entries: PyCell<Vec<Value>>,
    next: Cell<usize>,
}

impl Payload for ScandirIter {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        self.entries.borrow(token).iter().for_each(visit);
    }
}

fn text_value(s: &str, as_bytes: bool) -> Value {
    if as_bytes {
        new_bytes(s.as_bytes().to_vec(), false)
    } else {
        new_str(s)
    }
}

fn entry<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a DirEntry> {
    v.downcast::<DirEntry>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'posix.DirEntry' object but received a '{}'",
            tname(vm, v)
        ))
    })
}

fn posix_type(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let m = vm.import_module("posix")?;
    let k = intern(vm.token(), name);
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error(format!("posix.{name} is missing"))),
    }
}

fn scandir(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, [p]) = ArgSpec::parse(vm, "scandir", args, kw, ["path"])?;
    let (dir, as_bytes) = match p.or_else(|| pos.first().cloned()) {
        None | Some(Value::None) => (".".to_owned(), false),
        Some(v) => path_value(vm, &v, "scandir", "path")?,
    };
    let rd = std::fs::read_dir(&dir).map_err(|e| os_error(vm, &e, Some(&dir), None))?;
    let entry_type = posix_type(vm, "DirEntry")?;
    let mut entries = Vec::new();
    for e in rd {
        let e = e.map_err(|err| os_error(vm, &err, Some(&dir), None))?;
        let name = e.file_name().to_string_lossy().into_owned();
        let ft = e.file_type().ok();
        let path = if dir.ends_with('/') {
            format!("{dir}{name}")
        } else {
            format!("{dir}/{name}")
        };
        let data = EntryData {
            ino: e.ino(),
            is_dir: ft.is_some_and(|t| t.is_dir()),
            is_file: ft.is_some_and(|t| t.is_file()),
            is_symlink: ft.is_some_and(|t| t.is_symlink()),
            name,
            path,
            as_bytes,
        };
        entries.push(Value::Obj(ObjRef::new(
            &entry_type,
            DirEntry {
                data,
                stat: PyCell::new(None),
                lstat: PyCell::new(None),
            },
        )));
    }
    let it_type = posix_type(vm, "ScandirIterator")?;
    Ok(Value::Obj(ObjRef::new(
        &it_type,
        ScandirIter {
            entries: PyCell::new(entries),
            next: Cell::new(0),
        },
    )))
}

fn follow(vm: &mut Vm, name: &str, args: &[Value], kw: Option<&ObjRef>) -> PyResult<bool> {
    let (pos, [f]) = ArgSpec::parse(vm, name, args, kw, ["follow_symlinks"])?;
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "DirEntry.{name}() takes no positional arguments"
        )));
    }
    match f {
        Some(v) => vm.is_true(&v),
        None => Ok(true),
    }
}

/// The entry's stat result (cached), following symlinks or not.
fn entry_stat(vm: &mut Vm, v: &Value, follow_links: bool) -> PyResult<Value> {
    let e = entry(vm, v)?;
    let cell = if follow_links && e.data.is_symlink {
        &e.stat
    } else {
        &e.lstat
    };
    if let Some(s) = cell.borrow(vm.token()).clone() {
        return Ok(s);
    }
    let md = if follow_links {
        std::fs::metadata(&e.data.path)
    } else {
        std::fs::symlink_metadata(&e.data.path)
    };
    let md = md.map_err(|err| os_error(vm, &err, Some(&e.data.path), None))?;
    let s = make_stat(vm, &md)?;
    *cell.borrow_mut(vm.token()) = Some(s.clone());
    Ok(s)
}

fn stat(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let f = follow(vm, "stat", args, kw)?;
    entry_stat(vm, &args[0], f)
}

/// Whether the entry is a file of type bit `fmt`, as CPython's `DirEntry_test_mode`.
fn test_mode(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&ObjRef>,
    name: &str,
    dir: bool,
) -> PyResult<Value> {
    let f = follow(vm, name, args, kw)?;
    let e = entry(vm, &args[0])?;
    if !(f && e.data.is_symlink) {
        return Ok(Value::Bool(if dir {
            e.data.is_dir
        } else {
            e.data.is_file
        }));
    }
    match std::fs::metadata(&e.data.path) {
        Ok(md) => Ok(Value::Bool(if dir { md.is_dir() } else { md.is_file() })),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Value::Bool(false)),
        Err(err) => Err(os_error(vm, &err, Some(&e.data.path), None)),
    }
}

fn is_dir(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    test_mode(vm, args, kw, "is_dir", true)
}

fn is_file(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    test_mode(vm, args, kw, "is_file", false)
}

fn is_symlink(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "is_symlink", args, kw, 1)?;
    Ok(Value::Bool(entry(vm, &a[0])?.data.is_symlink))
}

fn inode(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "inode", args, kw, 1)?;
    Ok(Value::Int(entry(vm, &a[0])?.data.ino as i64))
}

fn name(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "name", args, kw, 1)?;
    let e = entry(vm, &a[0])?;
    Ok(text_value(&e.data.name, e.data.as_bytes))
}

fn path(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "path", args, kw, 1)?;
    let e = entry(vm, &a[0])?;
    Ok(text_value(&e.data.path, e.data.as_bytes))
}

fn entry_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = entry(vm, v)?;
    let n = text_value(&e.data.name, e.data.as_bytes);
    let r = vm.repr(&n)?;
    Ok(new_str(&format!("<DirEntry {}>", vm.str_text(&r)?)))
}

fn iter_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<ScandirIter>() else {
        return Err(PyErr::type_error("not a ScandirIterator"));
    };
    let i = it.next.get();
    let e = it.entries.borrow(vm.token()).get(i).cloned();
    if e.is_some() {
        it.next.set(i + 1);
    }
    Ok(e)
}

fn it_close(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    if let Some(it) = args.first().and_then(|v| v.downcast::<ScandirIter>()) {
        it.entries.borrow_mut(vm.token()).clear();
        it.next.set(0);
    }
    Ok(Value::None)
}

fn it_enter(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__enter__", args, kw, 1)?;
    Ok(a[0].clone())
}

fn it_next_method(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "__next__", args, kw, 1)?;
    iter_next(vm, &a[0])?.ok_or_else(|| PyErr::bare(ExcKind::StopIteration))
}

fn add_property(vm: &mut Vm, ty: &ObjRef, name: &'static str, getter: NativeFn) {
    let prop = ObjRef::new(
        &vm::rt_types::rt().property,
        vm::descriptors::Property {
            funcs: PyCell::new([
                Value::Obj(new_native_function(name, getter)),
                Value::None,
                Value::None,
                Value::None,
            ]),
        },
    );
    if let Some(tp) = ty.downcast::<TypeObject>() {
        let k = Value::Obj(intern(vm.token(), name));
        let _ = tp.dict.set(
            &mut vm::builtins::dict::NativeEq(vm.token()),
            k,
            Value::Obj(prop),
        );
    }
}

/// Adds `DirEntry`, `ScandirIterator` and `scandir` to module `m`.
pub(crate) fn install(vm: &mut Vm, m: &ObjRef) {
    let de = new_native_type(vm.token(), "DirEntry", DirEntry::LAYOUT, None);
    if let Some(tp) = de.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "posix");
        tp.slots.repr.set(Some(entry_repr));
    }
    let methods: [(&'static str, NativeFn); 6] = [
        ("stat", stat),
        ("is_dir", is_dir),
        ("is_file", is_file),
        ("is_symlink", is_symlink),
        ("inode", inode),
        ("__fspath__", path),
    ];
    for (n, f) in methods {
        add_method(vm.token(), &de, n, f);
    }
    add_property(vm, &de, "name", name);
    add_property(vm, &de, "path", path);
    set_attr(vm, m, "DirEntry", Value::Obj(de));
    let it = new_native_type(vm.token(), "ScandirIterator", ScandirIter::LAYOUT, None);
    if let Some(tp) = it.downcast::<TypeObject>() {
        tp.set_module(vm.token(), "posix");
        tp.slots.iter.set(Some(iter_self));
        tp.slots.iternext.set(Some(iter_next));
    }
    for (n, f) in [
        ("close", it_close as NativeFn),
        ("__enter__", it_enter),
        ("__exit__", it_close),
        ("__next__", it_next_method),
    ] {
        add_method(vm.token(), &it, n, f);
    }
    set_attr(vm, m, "ScandirIterator", Value::Obj(it));
    set_attr(
        vm,
        m,
        "scandir",
        Value::Obj(new_native_function("scandir", scandir)),
    );
}
