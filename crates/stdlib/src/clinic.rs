//! Argument parsing for native functions with a fixed signature, giving the
//! messages of CPython's Argument Clinic (`Python/getargs.c`,
//! `_PyArg_UnpackKeywords`): positional-only, positional-or-keyword and
//! keyword-only parameters, some of them required.

use vm::builtins::str::StrObj;
use vm::builtins::tuple::Tuple;
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

/// A function signature: `params[..posonly]` are positional-only,
/// `params[kwonly..]` keyword-only, and the first `required` are required.
pub struct Signature {
    /// The function's name as it appears in messages (`"b2a_base64"`).
    pub name: &'static str,
    /// Every parameter name, in order.
    pub params: &'static [&'static str],
    /// How many leading parameters are positional-only.
    pub posonly: usize,
    /// Where the keyword-only parameters start (`params.len()` if none).
    pub kwonly: usize,
    /// How many leading parameters are required.
    pub required: usize,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl Signature {
    /// Binds `args`/`kwnames` (the native calling convention) to the
    /// parameters: one slot per parameter, `None` where not given.
    pub fn bind(
        &self,
        vm: &mut Vm,
        args: &[Value],
        kwnames: Option<&ObjRef>,
    ) -> PyResult<Vec<Option<Value>>> {
        let names: Vec<Value> = kwnames
            .and_then(|k| k.downcast::<Tuple>())
            .map(|t| t.items(vm.token()).to_vec())
            .unwrap_or_default();
        let npos = args.len().saturating_sub(names.len());
        let name = self.name;
        let total = args.len();
        if total > self.params.len() {
            return Err(PyErr::type_error(format!(
                "{name}() takes at most {} argument{} ({total} given)",
                self.params.len(),
                plural(self.params.len())
            )));
        }
        if npos > self.kwonly {
            return Err(self.positional_count_error(npos));
        }
        let mut out: Vec<Option<Value>> = vec![None; self.params.len()];
        for (slot, v) in out.iter_mut().zip(&args[..npos]) {
            *slot = Some(v.clone());
        }
        for (k, v) in names.iter().zip(&args[npos..]) {
            let key = k
                .downcast::<StrObj>()
                .and_then(StrObj::as_str)
                .unwrap_or("");
            let found = self
                .params
                .iter()
                .enumerate()
                .skip(self.posonly)
                .find(|(_, p)| **p == key)
                .map(|(i, _)| i);
            let Some(i) = found else {
                return Err(PyErr::type_error(format!(
                    "'{key}' is an invalid keyword argument for {name}()"
                )));
            };
            if out[i].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            out[i] = Some(v.clone());
        }
        for (i, slot) in out.iter().enumerate().take(self.required) {
            if slot.is_none() {
                if i < self.posonly {
                    return Err(self.positional_count_error(npos));
                }
                return Err(PyErr::type_error(format!(
                    "{name}() missing required argument '{}' (pos {})",
                    self.params[i],
                    i + 1
                )));
            }
        }
        Ok(out)
    }

    #[cold]
    fn positional_count_error(&self, npos: usize) -> PyErr {
        let (how, n) = if npos < self.required {
            if self.required == self.kwonly {
                ("exactly", self.required)
            } else {
                ("at least", self.required)
            }
        } else if self.required == self.kwonly {
            ("exactly", self.kwonly)
        } else {
            ("at most", self.kwonly)
        };
        PyErr::type_error(format!(
            "{}() takes {how} {n} positional argument{} ({npos} given)",
            self.name,
            plural(n)
        ))
    }
}

/// CPython's "f() takes no keyword arguments" check for functions whose
/// parameters are all positional-only.
pub fn no_keywords(vm: &mut Vm, qualname: &str, kwnames: Option<&ObjRef>) -> PyResult<()> {
    if vm::calls::kwnames_len(vm.token(), kwnames) > 0 {
        return Err(PyErr::type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    Ok(())
}
