//! The string a pattern runs over (CPython's `getstring` and `getslice` in
//! `sre.c`): a `str` or a bytes-like object, copied into units the engine can
//! index by position (bytes and ASCII text as `u8`, other text as code points),
//! and sliced back into `str`/`bytes` for groups.

use common::text::Text;
use vm::builtins::str::StrObj;
use vm::methods::bytes::{bytes_of, new_bytes};
use vm::{PyErr, PyResult, Value, Vm};

use super::engine::{Engine, SetCache, SreChar, SreResult, State};
use crate::util::tname;

/// The units of a subject.
pub enum Units {
    /// Bytes, or a `str` whose characters are all ASCII.
    Narrow(Vec<u8>),
    /// A `str` with non-ASCII characters, one code point per unit.
    Wide(Vec<u32>),
}

/// A subject string prepared for matching.
pub struct Subject {
    /// The units.
    pub units: Units,
    /// Whether the subject is bytes-like (groups are `bytes`).
    pub is_bytes: bool,
}

impl Subject {
    /// Reads `v` (CPython's `getstring`): a `str`, `bytes` or `bytearray`, else
    /// "expected string or bytes-like object, got 'T'".
    pub fn from_value(vm: &mut Vm, v: &Value) -> PyResult<Subject> {
        if let Some(s) = v.downcast::<StrObj>() {
            let units = if s.is_ascii() {
                Units::Narrow(s.as_bytes().to_vec())
            } else {
                Units::Wide(s.text().code_points().collect())
            };
            return Ok(Subject {
                units,
                is_bytes: false,
            });
        }
        if let Some(b) = bytes_of(vm.token(), v) {
            return Ok(Subject {
                units: Units::Narrow(b),
                is_bytes: true,
            });
        }
        Err(PyErr::type_error(format!(
            "expected string or bytes-like object, got '{}'",
            tname(vm, v)
        )))
    }

    /// The number of units (`len(string)`).
    pub fn len(&self) -> usize {
        match &self.units {
            Units::Narrow(b) => b.len(),
            Units::Wide(w) => w.len(),
        }
    }

    /// The slice `[a:b]` as a new `str` or `bytes` (positions are clamped;
    /// an empty slice when `b <= a`).
    pub fn slice(&self, a: usize, b: usize) -> Value {
        let n = self.len();
        let (a, b) = (a.min(n), b.min(n));
        let (a, b) = (a, b.max(a));
        match &self.units {
            Units::Narrow(bytes) => {
                let part = &bytes[a..b];
                if self.is_bytes {
                    new_bytes(part.to_vec(), false)
                } else {
                    // Narrow text is ASCII, hence UTF-8.
                    match std::str::from_utf8(part) {
                        Ok(s) => Value::Obj(StrObj::alloc(s)),
                        Err(_) => Value::Obj(StrObj::alloc_text(Text::from_latin1(part))),
                    }
                }
            }
            Units::Wide(cps) => {
                let mut t = Text::with_capacity(b - a);
                for &c in &cps[a..b] {
                    t.push_code_point(c);
                }
                Value::Obj(StrObj::alloc_text(t))
            }
        }
    }

    /// Runs `f` with an engine over this subject's units.
    pub fn with_engine<R>(
        &self,
        code: &[u32],
        sets: &SetCache,
        f: impl FnOnce(&dyn EngineOps, &mut State) -> SreResult<R>,
        state: &mut State,
    ) -> SreResult<R> {
        match &self.units {
            Units::Narrow(b) => f(
                &Engine {
                    text: b,
                    code,
                    sets,
                },
                state,
            ),
            Units::Wide(w) => f(
                &Engine {
                    text: w,
                    code,
                    sets,
                },
                state,
            ),
        }
    }
}

/// The engine entry points, independent of the unit type.
pub trait EngineOps {
    /// `SRE(match)` from `state.ptr` (toplevel).
    fn match_at(&self, state: &mut State) -> SreResult<bool>;
    /// `SRE(search)` from `state.start`.
    fn search(&self, state: &mut State) -> SreResult<bool>;
}

impl<C: SreChar> EngineOps for Engine<'_, C> {
    fn match_at(&self, state: &mut State) -> SreResult<bool> {
        let found = self.run(state, 0, true)?;
        check_span(state, found)
    }

    fn search(&self, state: &mut State) -> SreResult<bool> {
        let found = Engine::search(self, state)?;
        check_span(state, found)
    }
}

/// A match must end at or after its start (only malformed code can break
/// this; the `findall`/`sub` loops would then never advance).
fn check_span(state: &State, found: bool) -> SreResult<bool> {
    if found && state.ptr < state.start {
        return Err(super::engine::SreError::InvalidCode);
    }
    Ok(found)
}
