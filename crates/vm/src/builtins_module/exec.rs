//! `compile`, `exec`, `eval` and `locals` (CPython's `builtin_compile_impl`,
//! `builtin_exec_impl`, `builtin_eval_impl`, `builtin_locals_impl` in
//! `Python/bltinmodule.c`).

use compiler::{CompileError, CompileOptions};

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::str::{intern, new_str, StrObj};
use crate::calls::{exact_args, ArgSpec, NativeFn};
use crate::code::CodeObj;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::exceptions::ExceptionObj;
use crate::object::ObjRef;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// `ast.PyCF_ONLY_AST`.
const PYCF_ONLY_AST: i64 = crate::ast::PYCF_ONLY_AST;
/// The `compile()` flags the compiler understands: the `__future__` features
/// and `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
const COMPILER_FLAGS: i64 = 0x1fe_0000 | 0x2000;

/// The text of a source argument (`str`), or CPython's `TypeError`.
fn source_text(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<String> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s.text().to_string_lossy().into_owned()),
        None => {
            let t = v.type_ref();
            Err(PyErr::type_error(format!(
                "{fname}() arg 1 must be a string, bytes or code object, not {}",
                type_name(vm.token(), &t)
            )))
        }
    }
}

/// Compiles `source` into a VM code object, turning compiler errors into
/// Python exceptions (`SyntaxError` with its attributes, `RecursionError`,
/// `SystemError`), as `Py_CompileStringObject` does.
pub(crate) fn compile_source(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    mode: syntax::Mode,
    flags: u32,
    optimize: u32,
) -> PyResult<ObjRef> {
    let options = CompileOptions { optimize, flags };
    // A `str` source: its coding cookie is ignored (CPython's `PyCF_IGNORE_COOKIE`).
    let result = syntax::parse_text(source, filename, mode)
        .map_err(CompileError::from)
        .and_then(|mut tree| compiler::compile_ast_with_options(&mut tree, filename, options));
    code_or_error(vm, source, result)
}

/// Compiles an AST (from `compile(tree, ...)`) into a VM code object, as
/// `_PyAST_Compile` does.
fn compile_tree(
    vm: &mut Vm,
    module: &mut syntax::ast::Mod,
    filename: &str,
    flags: u32,
    optimize: u32,
) -> PyResult<ObjRef> {
    let options = CompileOptions { optimize, flags };
    let result = compiler::compile_ast_with_options(module, filename, options);
    code_or_error(vm, "", result)
}

/// The code object of a compilation, or its error as a Python exception.
fn code_or_error(
    vm: &mut Vm,
    source: &str,
    result: Result<(compiler::code::CodeObject, Vec<compiler::CompileWarning>), CompileError>,
) -> PyResult<ObjRef> {
    match result {
        Ok((code, warnings)) => {
            let filename = code.filename.to_string_lossy().into_owned();
            crate::import::compile_warnings::emit(vm, &warnings, &filename, source.as_bytes())?;
            CodeObj::alloc(vm.token(), code)
        }
        Err(CompileError::Syntax(e)) => Err(syntax_error(vm, source, &e)),
        Err(CompileError::Recursion) => Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
        )),
        Err(CompileError::System(m)) => Err(PyErr::new(ExcKind::SystemError, m)),
    }
}

/// A `SyntaxError` (or subclass) object with CPython's `args` and attributes
/// (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`).
fn syntax_error(vm: &mut Vm, source: &str, e: &syntax::SyntaxError) -> PyErr {
    if e.error_type == syntax::SyntaxErrorType::MemoryError {
        // The parser ran out of stack: CPython's `PyErr_NoMemory()`, no arguments.
        return PyErr::bare(ExcKind::MemoryError);
    }
    let name = e.error_type.name();
    let rt = crate::rt_types::rt();
    let cls = rt
        .exc
        .all()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c.clone())
        .unwrap_or_else(|| crate::exceptions::exc_class(ExcKind::SyntaxError));
    let int = |v: Option<i32>| v.map_or(Value::None, |n| Value::Int(n as i64));
    // Errors found after parsing carry no text: CPython reads the line from
    // the file named `filename`, if there is one (`PyErr_ProgramTextObject`).
    let _ = source;
    let text = e.text.clone().or_else(|| {
        let l = e.lineno? as usize;
        let file = std::fs::read_to_string(&e.filename).ok()?;
        file.split_inclusive('\n')
            .nth(l.checked_sub(1)?)
            .map(str::to_owned)
    });
    let text = text.map_or(Value::None, |t| new_str(&t));
    let details = crate::builtins::tuple::Tuple::alloc(vec![
        new_str(&e.filename),
        int(e.lineno),
        int(e.offset),
        text.clone(),
        int(e.end_lineno),
        int(e.end_offset),
    ]);
    let exc = ExceptionObj::alloc(&cls, vec![new_str(&e.msg), Value::Obj(details)]);
    if let Some(x) = exc.downcast::<ExceptionObj>() {
        let d = x.dict(vm.token());
        for (k, v) in [
            ("msg", new_str(&e.msg)),
            ("filename", new_str(&e.filename)),
            ("lineno", int(e.lineno)),
            ("offset", int(e.offset)),
            ("text", text),
            ("end_lineno", int(e.end_lineno)),
            ("end_offset", int(e.end_offset)),
            ("print_file_and_line", Value::None),
        ] {
            let key = Value::Obj(intern(vm.token(), k));
            if let Some(dd) = d.downcast::<Dict>() {
                let _ = dd.set(&mut NativeEq(vm.token()), key, v);
            }
        }
    }
    let kind = rt.exc.kind_of(vm.token(), &cls);
    PyErr::from_object(kind, exc)
}

#[cold]
fn null_bytes_error() -> PyErr {
    PyErr::new(
        ExcKind::SyntaxError,
        "source code string cannot contain null bytes",
    )
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let (pos, kws) = ArgSpec::parse(vm, "compile", args, kw, names)?;
    if pos.len() > 6 {
        return Err(PyErr::type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            pos.len()
        )));
    }
    let mut vals: Vec<Option<Value>> = (0..7).map(|i| pos.get(i).cloned()).collect();
    for (i, k) in kws.into_iter().enumerate() {
        if let Some(v) = k {
            if vals[i].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for compile() given by name ('{}') and position ({})",
                    names[i],
                    i + 1
                )));
            }
            vals[i] = Some(v);
        }
    }
    for (i, n) in names.iter().enumerate().take(3) {
        if vals[i].is_none() {
            return Err(PyErr::type_error(format!(
                "compile() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    let filename = match vals[1].as_ref().and_then(|v| v.downcast::<StrObj>()) {
        Some(s) => s.text().to_string_lossy().into_owned(),
        None => {
            return Err(PyErr::type_error(
                "expected str, bytes or os.PathLike object",
            ))
        }
    };
    let mode_text = match vals[2].as_ref().and_then(|v| v.downcast::<StrObj>()) {
        Some(s) => s.text().to_string_lossy().into_owned(),
        None => return Err(PyErr::type_error("compile() argument 'mode' must be str")),
    };
    let flags = match &vals[3] {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let optimize = match &vals[5] {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let mode = match mode_text.as_str() {
        "exec" => syntax::Mode::Exec,
        "eval" => syntax::Mode::Eval,
        "single" => syntax::Mode::Single,
        "func_type" if flags & PYCF_ONLY_AST != 0 => syntax::Mode::FuncType,
        _ => {
            let m = if flags & PYCF_ONLY_AST != 0 {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            };
            return Err(PyErr::value_error(m));
        }
    };
    if !(-1..=2).contains(&optimize) {
        return Err(PyErr::value_error("compile(): invalid optimize value"));
    }
    if flags & !(COMPILER_FLAGS | PYCF_ONLY_AST | 0x200 | 0x100 | 0x1000 | 0x4000) != 0 {
        return Err(PyErr::value_error("compile(): unrecognised flags"));
    }
    let src = vals[0].clone().unwrap_or_default();
    if src.downcast::<CodeObj>().is_some() {
        return Err(PyErr::type_error(
            "compile() arg 1 must be a string, bytes or AST object",
        ));
    }
    let optimize = optimize.max(0) as u32;
    if crate::ast::is_ast(vm, &src) {
        if flags & PYCF_ONLY_AST != 0 {
            return Ok(src);
        }
        let mut tree = crate::ast::py_to_mod(vm, &src, mode)?;
        crate::ast::validate::validate_mod(&tree)?;
        let code = compile_tree(
            vm,
            &mut tree,
            &filename,
            (flags & COMPILER_FLAGS) as u32,
            optimize,
        )?;
        return Ok(Value::Obj(code));
    }
    if flags & PYCF_ONLY_AST != 0 {
        let (tree, text) = match crate::methods::bytes::bytes_of(vm.token(), &src) {
            Some(b) if src.downcast::<StrObj>().is_none() => {
                if b.contains(&0) {
                    return Err(null_bytes_error());
                }
                (
                    syntax::parse(&b, &filename, mode),
                    String::from_utf8_lossy(&b).into_owned(),
                )
            }
            _ => {
                let text = source_text(vm, "compile", &src)?;
                if text.contains('\0') {
                    return Err(null_bytes_error());
                }
                (syntax::parse_text(&text, &filename, mode), text)
            }
        };
        return match tree {
            Ok(tree) => crate::ast::mod_to_py(vm, &tree),
            Err(e) => Err(syntax_error(vm, &text, &e)),
        };
    }
    if src.downcast::<StrObj>().is_none() {
        let Some(bytes) = crate::methods::bytes::bytes_of(vm.token(), &src) else {
            return Err(PyErr::type_error(
                "compile() arg 1 must be a string, bytes or AST object",
            ));
        };
        if bytes.contains(&0) {
            return Err(PyErr::new(
                ExcKind::SyntaxError,
                "source code string cannot contain null bytes",
            ));
        }
        let options = CompileOptions {
            optimize,
            flags: (flags & COMPILER_FLAGS) as u32,
        };
        let result = compiler::compile_with_options(&bytes, &filename, mode, options);
        let code = code_or_error(vm, &String::from_utf8_lossy(&bytes), result)?;
        return Ok(Value::Obj(code));
    }
    let text = source_text(vm, "compile", &src)?;
    if text.contains('\0') {
        return Err(PyErr::new(
            ExcKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    let code = compile_source(
        vm,
        &text,
        &filename,
        mode,
        (flags & COMPILER_FLAGS) as u32,
        optimize,
    )?;
    Ok(Value::Obj(code))
}

/// The locals of frame `fi` as `locals()` gives them: the namespace of a
/// module or class frame, else a new dict of the bound fast locals, cell and
/// free variables (CPython's `PyFrame_FastToLocalsWithError`).
pub(crate) fn frame_locals(vm: &mut Vm, fi: usize) -> PyResult<ObjRef> {
    vm.frame_locals_dict(fi)
}

/// `locals()`.
fn locals(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "locals", args, kw, 0)?;
    match vm.frames.len().checked_sub(1) {
        Some(fi) => Ok(Value::Obj(frame_locals(vm, fi)?)),
        None => Ok(Value::None),
    }
}

/// Resolves `exec`/`eval`'s namespaces with CPython's defaulting: the caller's
/// globals and locals when `globals` is `None`, `globals` as locals when only
/// it is given; checks their types and inserts `__builtins__`.
fn namespaces(
    vm: &mut Vm,
    fname: &str,
    globals: Option<Value>,
    locals: Option<Value>,
) -> PyResult<(ObjRef, ObjRef)> {
    let globals = globals.filter(|g| !matches!(g, Value::None));
    let locals = locals.filter(|l| !matches!(l, Value::None));
    if let Some(l) = &locals {
        if !is_mapping(vm, l) {
            return Err(PyErr::type_error("locals must be a mapping"));
        }
    }
    let (g, l) = match globals {
        None => {
            let Some(fi) = vm.frames.len().checked_sub(1) else {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    "globals and locals cannot be NULL",
                ));
            };
            let g = vm.frames[fi].globals.clone();
            let l = match locals {
                Some(l) => l.as_obj().cloned().unwrap_or_else(|| g.clone()),
                None => frame_locals(vm, fi)?,
            };
            (g, l)
        }
        Some(gv) => {
            let Some(g) = gv
                .as_obj()
                .filter(|o| o.downcast::<Dict>().is_some())
                .cloned()
            else {
                let t = gv.type_ref();
                let tn = type_name(vm.token(), &t);
                return Err(PyErr::type_error(if fname == "exec" {
                    format!("exec() globals must be a dict, not {tn}")
                } else {
                    "globals must be a dict".to_string()
                }));
            };
            let l = locals
                .and_then(|l| l.as_obj().cloned())
                .unwrap_or_else(|| g.clone());
            (g, l)
        }
    };
    Ok((g, l))
}

/// Whether `v` can serve as a locals mapping (has `__getitem__`).
fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    if v.downcast::<Dict>().is_some() {
        return true;
    }
    let n = intern(vm.token(), "__getitem__");
    let t = Value::Obj(v.type_ref());
    vm.getattr(&t, &n).is_ok()
}

/// The code object to run: `src` itself, or `src` (a str) compiled in `mode`.
fn code_of(vm: &mut Vm, fname: &str, src: &Value, mode: syntax::Mode) -> PyResult<ObjRef> {
    if let Some(o) = src.as_obj().filter(|o| o.downcast::<CodeObj>().is_some()) {
        return Ok(o.clone());
    }
    if src.downcast::<StrObj>().is_none() {
        let t = src.type_ref();
        let tn = type_name(vm.token(), &t);
        return Err(PyErr::type_error(if fname == "exec" {
            format!("exec() arg 1 must be a string, bytes or code object, not {tn}")
        } else {
            "eval() arg 1 must be a string, bytes or code object".to_string()
        }));
    }
    let mut text = source_text(vm, fname, src)?;
    if mode == syntax::Mode::Eval {
        text = text.trim_start_matches([' ', '\t']).to_owned();
    }
    if text.contains('\0') {
        return Err(PyErr::new(
            ExcKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    compile_source(vm, &text, "<string>", mode, 0, 0)
}

/// Runs `code` in the namespaces, refusing code with free variables.
fn run_in(vm: &mut Vm, fname: &str, code: &ObjRef, g: &ObjRef, l: ObjRef) -> PyResult<Value> {
    if code
        .downcast::<CodeObj>()
        .is_some_and(|c| c.nlocalsplus > c.first_free)
    {
        return Err(PyErr::type_error(format!(
            "code object passed to {fname}() may not contain free variables"
        )));
    }
    vm.run_code(code, g, Some(l), None)
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
fn exec(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let (pos, kws) = ArgSpec::parse(vm, "exec", args, kw, ["closure"])?;
    if pos.is_empty() || pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "exec expected {} 3 arguments, got {}",
            if pos.is_empty() {
                "at least 1"
            } else {
                "at most"
            },
            pos.len()
        )));
    }
    let _ = kws;
    let (g, l) = namespaces(vm, "exec", pos.get(1).cloned(), pos.get(2).cloned())?;
    if let Some(d) = g.downcast::<Dict>() {
        let key = Value::Obj(intern(vm.token(), "__builtins__"));
        if d.get_str(vm.token(), &key).is_none() {
            let b = Value::Obj(vm.builtins_module.clone());
            d.set(&mut NativeEq(vm.token()), key, b)?;
        }
    }
    let code = code_of(vm, "exec", &pos[0], syntax::Mode::Exec)?;
    run_in(vm, "exec", &code, &g, l)?;
    Ok(Value::None)
}

/// `eval(source, globals=None, locals=None, /)`.
fn eval(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    crate::calls::no_kwargs(vm, "eval", kw)?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "eval expected {} 3 arguments, got {}",
            if args.is_empty() {
                "at least 1"
            } else {
                "at most"
            },
            args.len()
        )));
    }
    let (g, l) = namespaces(vm, "eval", args.get(1).cloned(), args.get(2).cloned())?;
    if let Some(d) = g.downcast::<Dict>() {
        let key = Value::Obj(intern(vm.token(), "__builtins__"));
        if d.get_str(vm.token(), &key).is_none() {
            let b = Value::Obj(vm.builtins_module.clone());
            d.set(&mut NativeEq(vm.token()), key, b)?;
        }
    }
    let code = code_of(vm, "eval", &args[0], syntax::Mode::Eval)?;
    run_in(vm, "eval", &code, &g, l)
}

/// Registers the functions of this file.
pub fn install(vm: &mut Vm, func: fn(&mut Vm, &'static str, NativeFn)) {
    func(vm, "compile", compile);
    func(vm, "exec", exec);
    func(vm, "eval", eval);
    func(vm, "locals", locals);
}
