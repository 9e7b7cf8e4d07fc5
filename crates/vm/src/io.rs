//! Buffered standard output for `print` (CPython's `sys.stdout` is a buffered
//! text stream too); flushed before anything goes to stderr and at exit.

use std::io::Write;

/// A buffered writer to fd 1.
pub struct StdStream {
    buf: Vec<u8>,
    /// `-u` / `PYTHONUNBUFFERED`: every write goes straight out.
    pub unbuffered: bool,
}

impl StdStream {
    /// The process's stdout.
    pub fn stdout() -> StdStream {
        StdStream {
            buf: Vec::with_capacity(8192),
            unbuffered: false,
        }
    }

    /// Appends bytes, flushing when the buffer is full.
    pub fn write(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
        if self.unbuffered || self.buf.len() >= 8192 {
            self.flush();
        }
    }

    /// Writes out the buffer.
    pub fn flush(&mut self) {
        if !self.buf.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&self.buf);
            let _ = out.flush();
            self.buf.clear();
        }
    }
}

impl Drop for StdStream {
    fn drop(&mut self) {
        self.flush();
    }
}

/// What `print` needs to find `sys.stdout` quickly: `sys`'s namespace with
/// the interned key `"stdout"`, and the original stream object whose writes
/// go straight to [`StdStream`] (set by `_io` when it builds the standard
/// streams): `print` skips its method calls while `sys.stdout` is that object.
#[derive(Default)]
pub struct PrintCache {
    sys_stdout_key: Option<(crate::object::ObjRef, crate::value::Value)>,
    fast_stdout: Option<crate::object::ObjRef>,
    /// Builds `sys.stdin`/`stdout`/`stderr` when `sys` is created (set by
    /// the `_io` module of the `stdlib` crate).
    stdio_init: Option<StdioInit>,
}

/// Installs the standard streams in a new `sys` module.
pub type StdioInit = fn(&mut crate::vm::Vm, &crate::object::ObjRef);

/// Where `print` without `file=` writes.
pub(crate) enum PrintTarget {
    /// The process's stdout buffer (`sys.stdout` is the original stream).
    Fast,
    /// `sys.stdout` is `None`: print does nothing, as in CPython.
    Nothing,
    /// A replaced `sys.stdout`: its `write` method is called.
    Object(crate::value::Value),
}

impl crate::vm::Vm {
    /// Records the `sys.stdout` object `print` may bypass (see [`PrintCache`]).
    pub fn set_fast_stdout(&mut self, obj: Option<crate::object::ObjRef>) {
        self.print_cache.fast_stdout = obj;
    }

    /// The `builtins` module (for native modules that add to it, as `_io`
    /// adds `open`), without going through `import`.
    pub fn builtins_module(&self) -> crate::object::ObjRef {
        self.builtins_module.clone()
    }

    /// Sets the function that builds the standard streams of `sys`.
    pub fn set_stdio_init(&mut self, f: StdioInit) {
        self.print_cache.stdio_init = Some(f);
    }

    /// Runs the [`StdioInit`] hook on a new `sys` module.
    pub(crate) fn init_stdio(&mut self, sys: &crate::object::ObjRef) {
        if let Some(f) = self.print_cache.stdio_init {
            f(self, sys);
        }
    }

    /// Appends bytes to the buffered standard output (`print`'s buffer), for
    /// the `_io` objects of `sys.stdout`.
    pub fn write_stdout(&mut self, b: &[u8]) {
        self.stdout.write(b);
    }

    /// `PRINT_EXPR`: calls `sys.displayhook(value)`, or raises CPython's
    /// "lost sys.displayhook".
    pub(crate) fn print_expr(&mut self, v: crate::value::Value) -> crate::error::PyResult<()> {
        use crate::value::Value;
        let hook = match self.sys_modules_get("sys") {
            Some(sys @ Value::Obj(_)) => {
                let k = crate::builtins::str::intern(&mut self.token, "displayhook");
                self.getattr(&sys, &k).ok()
            }
            _ => None,
        };
        match hook {
            Some(h) => self.call(&h, &[v], None).map(drop),
            None => Err(crate::error::PyErr::runtime_error("lost sys.displayhook")),
        }
    }

    /// Where `print` writes: CPython looks `sys.stdout` up on every call
    /// (one dict probe here: `sys`'s namespace and the key are cached).
    pub(crate) fn print_target(&mut self) -> PrintTarget {
        use crate::value::Value;
        let cached = self.print_cache.sys_stdout_key.clone();
        let (ns, key) = match cached {
            Some(c) => c,
            None => {
                let Some(Value::Obj(sys)) = self.sys_modules_get("sys") else {
                    return PrintTarget::Fast;
                };
                let Some(m) = sys.downcast::<crate::module::ModuleObj>() else {
                    return PrintTarget::Fast;
                };
                let key = Value::Obj(crate::builtins::str::intern(&mut self.token, "stdout"));
                let c = (m.dict.clone(), key);
                self.print_cache.sys_stdout_key = Some(c.clone());
                c
            }
        };
        let out = ns
            .downcast::<crate::builtins::dict::Dict>()
            .and_then(|d| d.get_str(&self.token, &key));
        match out {
            None => PrintTarget::Fast,
            Some(Value::None) => PrintTarget::Nothing,
            Some(v) => {
                let fast = self
                    .print_cache
                    .fast_stdout
                    .as_ref()
                    .is_some_and(|o| v.as_obj().is_some_and(|x| x.is(o)));
                if fast {
                    PrintTarget::Fast
                } else {
                    PrintTarget::Object(v)
                }
            }
        }
    }
}
