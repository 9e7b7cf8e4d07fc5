//! [`Vm`]: the interpreter context every operation that may run Python code takes
//! (`&mut Vm`). For now it owns the thread's [`Token`] and implements the generic
//! protocols the object core needs (hash, rich comparison, truth) through type
//! slots; frames, the eval loop and the module table come later.

use crate::builtins::dict::PyEq;
use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::object::Token;
use crate::types::slots::BinaryFn;
use crate::types::{is_subtype, type_name, CompareOp, TypeObject};
use crate::value::IntRef;
use crate::value::Value;

/// The interpreter state of one thread.
pub struct Vm {
    pub(crate) token: Token,
    /// Nesting of native operations that re-enter the VM (comparisons, hashes of
    /// containers): bounded so deep nesting raises instead of overflowing the
    /// Rust stack (ARCHITECTURE §6).
    pub(crate) native_depth: u32,
    /// `sys.getrecursionlimit()`.
    recursion_limit: u32,
    /// Ids of containers whose `repr` is in progress (CPython's `Py_ReprEnter`).
    repr_stack: Vec<usize>,
    /// The data stack: every frame's localsplus slots and value stack (see
    /// `frame.rs`); `None` is CPython's `NULL`.
    pub(crate) stack: Vec<Option<Value>>,
    /// The frame records, innermost last.
    pub(crate) frames: Vec<crate::frame::Frame>,
    /// The exception being handled (`sys.exc_info()[1]`), or `None`.
    pub(crate) exc_info: Value,
    /// The callers' "exception being handled" of the generators now running,
    /// innermost last (CPython's `exc_info->previous_item` chain): a generator
    /// with none of its own sees its caller's (`handled_exception`).
    pub(crate) exc_outer: Vec<Value>,
    /// The keyword names set by `KW_NAMES` for the `CALL` that follows it
    /// (CPython keeps them in a local of the eval loop; nothing runs between
    /// the two instructions, so one slot serves every frame).
    pub(crate) kwnames: Option<ObjRef>,
    /// The `builtins` module.
    pub(crate) builtins_module: ObjRef,
    /// The `builtins` namespace dict.
    pub(crate) builtins: ObjRef,
    /// `sys.modules`: name -> module.
    pub(crate) modules: ObjRef,
    /// Where `print` writes when `file` isn't given (buffered stdout).
    pub(crate) stdout: crate::io::StdStream,
    /// `print`'s shortcut to `sys.stdout`.
    pub(crate) print_cache: crate::io::PrintCache,
    /// Set by `RERAISE` and bare `raise`: the unwinder adds no traceback entry
    /// for the raising frame.
    pub(crate) reraising: bool,
    /// `sys.settrace`'s function (only "call" events are generated).
    pub(crate) trace_func: Option<Value>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// The command line's settings for `sys` (`flags`, `path`, `orig_argv`...).
    pub sys_config: crate::sys_config::SysConfig,
    /// Native modules registered by crates above the VM (`stdlib`), consulted by
    /// `import` after `sys` (CPython's `PyImport_Inittab`).
    pub(crate) native_modules: Vec<(&'static str, NativeModuleInit)>,
}

/// Creates a native module object on its first import (CPython's `PyInit_*`).
pub type NativeModuleInit = fn(&mut Vm) -> PyResult<ObjRef>;

impl Vm {
    /// A new interpreter on this thread, or `None` if one already exists here.
    pub fn new() -> Option<Vm> {
        let mut token = Token::acquire()?;
        crate::rt_types::init(&mut token);
        let builtins_module = crate::module::ModuleObj::alloc(&mut token, "builtins");
        let builtins = builtins_module
            .downcast::<crate::module::ModuleObj>()
            .map(|m| m.dict.clone())?;
        let modules = ObjRef::new(
            &crate::types::builtin_types().dict,
            crate::builtins::dict::Dict::new(),
        );
        let mut vm = Vm {
            token,
            native_depth: 0,
            recursion_limit: 1000,
            repr_stack: Vec::new(),
            stack: Vec::with_capacity(1 << 12),
            frames: Vec::with_capacity(64),
            exc_info: Value::None,
            exc_outer: Vec::new(),
            kwnames: None,
            builtins_module,
            builtins,
            modules,
            stdout: crate::io::StdStream::stdout(),
            print_cache: crate::io::PrintCache::default(),
            reraising: false,
            trace_func: None,
            argv: Vec::new(),
            sys_config: crate::sys_config::SysConfig::default(),
            native_modules: Vec::new(),
        };
        crate::builtins_module::install(&mut vm);
        Some(vm)
    }

    /// Registers native module `name` (created by `init` on its first import),
    /// replacing an earlier registration of the same name.
    pub fn register_native_module(&mut self, name: &'static str, init: NativeModuleInit) {
        self.native_modules.retain(|(n, _)| *n != name);
        self.native_modules.push((name, init));
        self.refresh_builtin_module_names();
    }

    /// `sys.builtin_module_names`: the sorted tuple of the modules built into
    /// the interpreter (`builtins`, `sys` and every registered native one), as
    /// CPython lists its compiled-in modules.
    pub(crate) fn builtin_module_names(&self) -> Value {
        let mut names: Vec<&str> = self
            .native_modules
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| crate::import::extension_origin::extension_file(n).is_none())
            .collect();
        names.extend(["builtins", "sys"]);
        names.sort_unstable();
        names.dedup();
        let items = names
            .into_iter()
            .map(crate::builtins::str::new_str)
            .collect();
        Value::Obj(crate::builtins::tuple::Tuple::alloc(items))
    }

    /// Updates `sys.builtin_module_names` if `sys` exists already (it is
    /// created lazily, once `sys.argv` and the command line are known, and
    /// then sets it itself).
    fn refresh_builtin_module_names(&mut self) {
        if let Some(Value::Obj(sys)) = self.sys_modules_get("sys") {
            let names = self.builtin_module_names();
            if let Some(m) = sys.downcast::<crate::module::ModuleObj>() {
                m.set(&mut self.token, "builtin_module_names", names);
            }
        }
    }

    /// Where Python frame `depth` levels out from the innermost (0) is: its
    /// code's file name, current line, and globals (what `sys._getframe(depth)`
    /// gives natives such as `_warnings.warn`); `None` past the outermost frame.
    pub fn frame_location(&self, depth: usize) -> Option<(String, Option<i32>, ObjRef)> {
        let idx = self.frames.len().checked_sub(depth + 1)?;
        let f = self.frames.get(idx)?;
        let co = f.code.downcast::<crate::code::CodeObj>()?;
        let file = co.data.filename.to_string_lossy().into_owned();
        Some((file, co.line_at(f.lasti), f.globals.clone()))
    }

    /// Flushes buffered standard output.
    pub fn flush_stdout(&mut self) {
        self.stdout.flush();
    }

    /// The exception being handled, looking through running generators to
    /// their callers when a generator handles none itself (CPython's
    /// `_PyErr_GetTopmostException`): what `sys.exc_info()`, a bare `raise`
    /// and implicit exception chaining see.
    pub(crate) fn handled_exception(&self) -> Value {
        if !self.exc_info.is_none() {
            return self.exc_info.clone();
        }
        self.exc_outer
            .iter()
            .rev()
            .find(|v| !v.is_none())
            .cloned()
            .unwrap_or(Value::None)
    }

    /// `sys.getrecursionlimit()`.
    pub fn recursion_limit(&self) -> u32 {
        self.recursion_limit
    }

    /// The thread's token, to look inside objects.
    #[inline(always)]
    pub fn token(&mut self) -> &mut Token {
        &mut self.token
    }

    /// `sys.setrecursionlimit(n)`.
    pub fn set_recursion_limit(&mut self, n: u32) {
        self.recursion_limit = n;
    }

    /// Runs `f` one native nesting level deeper, or raises CPython's
    /// `RecursionError("maximum recursion depth exceeded{what}")` at the limit
    /// (CPython's `Py_EnterRecursiveCall`).
    #[inline]
    pub fn guarded<R>(
        &mut self,
        what: &'static str,
        f: impl FnOnce(&mut Vm) -> PyResult<R>,
    ) -> PyResult<R> {
        if self.native_depth >= self.recursion_limit.min(MAX_NATIVE_DEPTH) {
            return Err(recursion_error(what));
        }
        self.native_depth += 1;
        // Native re-entry needs Rust stack: grow it on the heap when little is
        // left, so the depth bound (not the thread's stack size) is the limit.
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || f(self));
        self.native_depth -= 1;
        r
    }

    /// `hash(v)` (CPython's `PyObject_Hash`): native for numbers and exact str,
    /// else the type's `hash` slot, else `TypeError: unhashable type: 'T'`.
    pub fn hash(&mut self, v: &Value) -> PyResult<isize> {
        if let Some(h) = v.native_hash() {
            return Ok(h);
        }
        let ty = v.type_ref();
        match ty.downcast::<TypeObject>().and_then(|t| t.slots.hash.get()) {
            // Bounded, unlike CPython 3.11's (which recurses on the C stack for
            // nested tuples): a deliberate difference beyond the recursion limit.
            Some(f) => self.guarded(" while calling a Python object", |vm| f(vm, v)),
            None => Err(PyErr::type_error(format!(
                "unhashable type: '{}'",
                type_name(&self.token, &ty)
            ))),
        }
    }

    /// `a <op> b` (CPython's `PyObject_RichCompare`): the reflected operation of a
    /// proper subclass of `a`'s type first, then `a`'s slot, then `b`'s reflected
    /// slot, then identity for `==`/`!=`, else `TypeError`.
    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        self.guarded(" in comparison", |vm| vm.do_richcompare(a, b, op))
    }

    fn do_richcompare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let (ta, tb) = (a.type_ref(), b.type_ref());
        let fa = ta
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.richcompare.get());
        let fb = tb
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.richcompare.get());
        let mut checked_reverse = false;
        if !ta.is(&tb) && is_subtype(&self.token, &tb, &ta) {
            if let Some(f) = fb {
                checked_reverse = true;
                if let Some(r) = f(self, b, a, op.swapped())? {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = fa {
            if let Some(r) = f(self, a, b, op)? {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = fb {
                if let Some(r) = f(self, b, a, op.swapped())? {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::Bool(a.is(b))),
            CompareOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(&self.token, &ta),
                type_name(&self.token, &tb)
            ))),
        }
    }

    /// `a == b` as a bool, identity first (CPython's `PyObject_RichCompareBool`).
    pub fn eq_bool(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = a.native_eq(b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CompareOp::Eq)?;
        self.is_true(&r)
    }

    /// `bool(v)` (CPython's `PyObject_IsTrue`): the `bool` number slot, else the
    /// `len` slot, else true.
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            Value::None => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => {
                let t = o.type_obj();
                if let Some(f) = t.number.bool_.get() {
                    f(self, v)
                } else if let Some(f) = t.slots.len.get() {
                    Ok(f(self, v)? != 0)
                } else if let Some(f) = v.as_float() {
                    // An instance of a float subclass.
                    Ok(f != 0.0)
                } else {
                    Ok(true)
                }
            }
        }
    }
}

/// The operator of `BINARY_OP`, numbered as its oparg (CPython's `NB_*` in
/// `Include/internal/pycore_opcode.h`: `NB_ADD` = 0 ... `NB_INPLACE_XOR` = 25).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    /// `+`
    Add = 0,
    /// `&`
    And = 1,
    /// `//`
    FloorDivide = 2,
    /// `<<`
    Lshift = 3,
    /// `@`
    MatrixMultiply = 4,
    /// `*`
    Multiply = 5,
    /// `%`
    Remainder = 6,
    /// `|`
    Or = 7,
    /// `**`
    Power = 8,
    /// `>>`
    Rshift = 9,
    /// `-`
    Subtract = 10,
    /// `/`
    TrueDivide = 11,
    /// `^`
    Xor = 12,
}

impl BinOp {
    /// The operator from a `BINARY_OP` oparg: `(op, inplace)`, or `None` if out of
    /// range.
    pub fn from_oparg(arg: u32) -> Option<(BinOp, bool)> {
        use BinOp::*;
        const ALL: [BinOp; 13] = [
            Add,
            And,
            FloorDivide,
            Lshift,
            MatrixMultiply,
            Multiply,
            Remainder,
            Or,
            Power,
            Rshift,
            Subtract,
            TrueDivide,
            Xor,
        ];
        let i = arg as usize;
        Some((*ALL.get(i % 13)?, i >= 13)).filter(|_| i < 26)
    }

    /// The operator's symbol, as in CPython's error messages.
    pub fn symbol(self) -> &'static str {
        [
            "+",
            "&",
            "//",
            "<<",
            "@",
            "*",
            "%",
            "|",
            "** or pow()",
            ">>",
            "-",
            "/",
            "^",
        ][self as usize]
    }

    fn slot(self, t: &TypeObject) -> Option<BinaryFn> {
        let n = &t.number;
        match self {
            BinOp::Add => n.add.get(),
            BinOp::And => n.and.get(),
            BinOp::FloorDivide => n.floor_divide.get(),
            BinOp::Lshift => n.lshift.get(),
            BinOp::MatrixMultiply => n.matrix_multiply.get(),
            BinOp::Multiply => n.multiply.get(),
            BinOp::Remainder => n.remainder.get(),
            BinOp::Or => n.or.get(),
            BinOp::Power => None, // ternary slot, handled in `binary_op`
            BinOp::Rshift => n.rshift.get(),
            BinOp::Subtract => n.subtract.get(),
            BinOp::TrueDivide => n.true_divide.get(),
            BinOp::Xor => n.xor.get(),
        }
    }
}

impl Vm {
    /// `a <op> b` (CPython's `binary_op1` + the `TypeError`): the left operand's
    /// slot, unless the right operand's type is a proper subclass with its own
    /// slot, which goes first; `NotImplemented` from both gives "unsupported
    /// operand type(s) for +: 'int' and 'str'". Inline int and float operands take
    /// the native fast path (no slot call, no allocation unless an int overflows).
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        use crate::builtins::{float, int};
        match (a, b, op) {
            (Value::Int(x), Value::Int(y), BinOp::Add) => {
                return Ok(int::add(IntRef::Small(*x), IntRef::Small(*y)))
            }
            (Value::Int(x), Value::Int(y), BinOp::Subtract) => {
                return Ok(int::sub(IntRef::Small(*x), IntRef::Small(*y)))
            }
            (Value::Int(x), Value::Int(y), BinOp::Multiply) => {
                return Ok(int::mul(IntRef::Small(*x), IntRef::Small(*y)))
            }
            (Value::Float(x), Value::Float(y), BinOp::Add) => return Ok(Value::Float(x + y)),
            (Value::Float(x), Value::Float(y), BinOp::Subtract) => return Ok(Value::Float(x - y)),
            (Value::Float(x), Value::Float(y), BinOp::Multiply) => return Ok(Value::Float(x * y)),
            (Value::Float(x), Value::Float(y), BinOp::TrueDivide) => {
                return float::truediv(*x, *y).map(Value::Float)
            }
            _ => {}
        }
        if op == BinOp::Power {
            return self.power(a, b);
        }
        let (ta, tb) = (a.type_ref(), b.type_ref());
        let slot_of = |t: &ObjRef| t.downcast::<TypeObject>().and_then(|t| op.slot(t));
        let sa = slot_of(&ta);
        let mut sb = if ta.is(&tb) { None } else { slot_of(&tb) };
        if let (Some(x), Some(y)) = (sa, sb) {
            if std::ptr::fn_addr_eq(x, y) {
                sb = None;
            }
        }
        if let Some(fa) = sa {
            if let Some(fb) = sb {
                if is_subtype(&self.token, &tb, &ta) {
                    if let Some(r) = fb(self, a, b)? {
                        return Ok(r);
                    }
                    sb = None;
                }
            }
            if let Some(r) = fa(self, a, b)? {
                return Ok(r);
            }
        }
        if let Some(fb) = sb {
            if let Some(r) = fb(self, a, b)? {
                return Ok(r);
            }
        }
        if op == BinOp::Add {
            if let Some(e) = crate::arith::concat_error(self, a, b) {
                return Err(e);
            }
        }
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            type_name(&self.token, &ta),
            type_name(&self.token, &tb)
        )))
    }
}

impl Vm {
    /// `repr(v)` (CPython's `PyObject_Repr`): the type's `repr` slot, which must
    /// return a `str` (else CPython's `TypeError`).
    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        let ty = v.type_ref();
        let f = ty
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.repr.get())
            .unwrap_or(crate::builtins::repr::object_repr);
        let r = self.guarded(" while getting the repr of an object", |vm| f(vm, v))?;
        if r.downcast::<crate::builtins::str::StrObj>().is_none() {
            let rt = r.type_ref();
            return Err(PyErr::type_error(format!(
                "__repr__ returned non-string (type {})",
                type_name(&self.token, &rt)
            )));
        }
        Ok(r)
    }

    /// Marks container `id` as being repr'd; `false` if it already is.
    pub fn repr_enter(&mut self, id: usize) -> bool {
        if self.repr_stack.contains(&id) {
            return false;
        }
        self.repr_stack.push(id);
        true
    }

    /// Ends [`Vm::repr_enter`].
    pub fn repr_leave(&mut self, id: usize) {
        if let Some(pos) = self.repr_stack.iter().rposition(|&x| x == id) {
            self.repr_stack.remove(pos);
        }
    }

    /// Runs the finalizers (`__del__`) of objects that died since the last call,
    /// then releases them (CPython runs them inside the decref; the VM calls this
    /// at its next safe point instead). Finalizers may queue more; all run.
    pub fn run_finalizers(&mut self) {
        use crate::object::Pending;
        while crate::object::has_pending_finalizers() {
            for job in crate::object::take_pending_finalizers() {
                match job {
                    Pending::Finalize(obj) => {
                        let f = obj.type_obj().slots.finalize.get();
                        if let Some(f) = f {
                            f(self, &Value::Obj(obj.clone()));
                        }
                        drop(obj);
                    }
                    Pending::WeakCallback(wr) => crate::weakref::run_callback(self, &wr),
                }
            }
        }
    }

    /// `getattr(obj, name)` for an interned `str` name (CPython's
    /// `PyObject_GetAttr`): the type's `getattro` slot.
    pub fn getattr(&mut self, obj: &Value, name: &ObjRef) -> PyResult<Value> {
        let ty = obj.type_ref();
        match ty
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.getattro.get())
        {
            Some(f) => f(self, obj, name),
            None => crate::builtins::object::generic_getattr(self, obj, name),
        }
    }

    /// `setattr(obj, name, value)`, or `delattr` with `None` (CPython's
    /// `PyObject_SetAttr`): the type's `setattro` slot.
    pub fn setattr(&mut self, obj: &Value, name: &ObjRef, value: Option<Value>) -> PyResult<()> {
        let ty = obj.type_ref();
        match ty
            .downcast::<TypeObject>()
            .and_then(|t| t.slots.setattro.get())
        {
            Some(f) => f(self, obj, name, value),
            None => crate::builtins::object::generic_setattr(self, obj, name, value),
        }
    }
}

/// Stack that must remain before a native re-entry runs on the current stack.
const STACK_RED_ZONE: usize = 256 * 1024;
/// Size of each heap-allocated stack segment for deep native re-entry.
const STACK_GROW: usize = 8 * 1024 * 1024;

/// The bound on native re-entry whatever `sys.setrecursionlimit` says: each level
/// costs Rust stack, which must not overflow (ARCHITECTURE §6).
pub const MAX_NATIVE_DEPTH: u32 = 6000;

#[cold]
fn recursion_error(what: &str) -> PyErr {
    PyErr::new(
        crate::error::ExcKind::RecursionError,
        format!("maximum recursion depth exceeded{what}"),
    )
}

impl PyEq for Vm {
    fn token(&mut self) -> &mut Token {
        &mut self.token
    }

    fn hash(&mut self, key: &Value) -> PyResult<isize> {
        Vm::hash(self, key)
    }

    fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        self.eq_bool(a, b)
    }
}
