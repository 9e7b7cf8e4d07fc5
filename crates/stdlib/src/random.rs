//! `_random` (CPython's `Modules/_randommodule.c`): the Mersenne Twister
//! `Random` base class that `random.Random` subclasses — `random()`,
//! `seed()`, `getstate()`/`setstate()`, `getrandbits(k)` — giving the same
//! numbers as CPython for the same seed (MT19937 with `init_by_array`, 53-bit
//! floats from two draws).

use dashu_int::ops::UnsignedAbs;
use dashu_int::{IBig, UBig};
use vm::builtins::tuple::Tuple;
use vm::calls::{add_method, arg_range, exact_args};
use vm::class::register_ctor;
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::types::new_native_type;
use vm::value::IntRef;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::util::{new_module, set_attr, tname};

const N: usize = 624;
const M: usize = 397;

/// MT19937's state: 624 words and the position of the next one.
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        Mt {
            state: [0; N],
            index: N + 1,
        }
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            if self.index == N + 1 {
                self.init_genrand(5489);
            }
            for k in 0..N {
                let y = (self.state[k] & 0x8000_0000) | (self.state[(k + 1) % N] & 0x7fff_ffff);
                let mag = if y & 1 != 0 { 0x9908_b0df } else { 0 };
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// The payload of `_random.Random`.
pub struct RandomObj {
    mt: PyCell<Mt>,
}

impl Payload for RandomObj {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = false;
    fn traverse(&self, _t: &Token, _visit: &mut dyn FnMut(&Value)) {}
}

fn me<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RandomObj> {
    v.downcast::<RandomObj>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_random.Random' object but received a '{}'",
            tname(vm, v)
        ))
    })
}

/// The 32-bit words of `|n|`, least significant first (CPython's
/// `random_seed` key for an int seed).
fn key_of(n: &IBig) -> Vec<u32> {
    let mag: UBig = n.unsigned_abs();
    let bytes = mag.to_le_bytes();
    let mut key: Vec<u32> = bytes
        .chunks(4)
        .map(|c| {
            let mut w = [0u8; 4];
            w[..c.len()].copy_from_slice(c);
            u32::from_le_bytes(w)
        })
        .collect();
    while key.len() > 1 && key.last() == Some(&0) {
        key.pop();
    }
    if key.is_empty() {
        key.push(0);
    }
    key
}

fn int_value(v: &Value) -> Option<IBig> {
    v.as_int().map(IntRef::to_bigint)
}

/// Seeds from `arg`: `None` from the OS's randomness (time as a fallback), an
/// int by its magnitude, anything else by its hash (CPython's `random_seed`).
fn seed_with(vm: &mut Vm, r: &RandomObj, arg: Option<&Value>) -> PyResult<()> {
    let key = match arg {
        None | Some(Value::None) => {
            let mut buf = [0u8; 32];
            let ok = std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
                .is_ok();
            if !ok {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                buf[..16].copy_from_slice(&t.to_le_bytes());
            }
            buf.chunks(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        }
        Some(v) => match int_value(v) {
            Some(n) => key_of(&n),
            None => {
                let h = vm.hash(v)?;
                key_of(&IBig::from(h as i64))
            }
        },
    };
    r.mt.borrow_mut(vm.token()).init_by_array(&key);
    Ok(())
}

fn random_new(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let exact = cls.is(&random_type(vm)?);
    if exact && kw.is_some_and(|k| k.downcast::<Tuple>().is_some_and(|t| t.len(vm.token()) > 0)) {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    if exact && args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Random() expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let obj = ObjRef::new(
        cls,
        RandomObj {
            mt: PyCell::new(Mt::new()),
        },
    );
    if let Some(r) = obj.downcast::<RandomObj>() {
        seed_with(vm, r, args.first())?;
    }
    Ok(Value::Obj(obj))
}

fn random_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.import_module("_random")?;
    let k = vm::builtins::str::intern(vm.token(), "Random");
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error("_random.Random is missing")),
    }
}

/// `Random.random()`: a float in [0, 1) with 53 random bits.
fn m_random(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "random", args, kw, 1)?;
    let r = me(vm, &a[0])?;
    Ok(Value::Float(r.mt.borrow_mut(vm.token()).random()))
}

/// `Random.seed(n=None)`.
fn m_seed(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "seed", args, kw, 1, 2)?;
    let r = me(vm, &a[0])?;
    seed_with(vm, r, a.get(1))?;
    Ok(Value::None)
}

/// `Random.getrandbits(k)`: an int of `k` random bits, 32 per draw, low
/// words first.
fn m_getrandbits(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getrandbits", args, kw, 2)?;
    let r = me(vm, &a[0])?;
    let k = vm.index_i64(&a[1])?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let w = r.mt.borrow_mut(vm.token()).next_u32() >> (32 - k);
        return Ok(Value::Int(w as i64));
    }
    let words = usize::try_from((k - 1) / 32 + 1)
        .map_err(|_| PyErr::new(ExcKind::OverflowError, "getrandbits() too many bits"))?;
    let mut bytes = Vec::with_capacity(words * 4);
    let mut left = k;
    let mt = r.mt.borrow_mut(vm.token());
    for _ in 0..words {
        let mut w = mt.next_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        bytes.extend_from_slice(&w.to_le_bytes());
        left -= 32;
    }
    Ok(Value::from_bigint(IBig::from(UBig::from_le_bytes(&bytes))))
}

/// `Random.getstate()`: the 624 words and the position, as a tuple.
fn m_getstate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "getstate", args, kw, 1)?;
    let r = me(vm, &a[0])?;
    let mt = r.mt.borrow(vm.token());
    let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(mt.index.min(N) as i64));
    Ok(Value::Obj(Tuple::alloc(items)))
}

/// `Random.setstate(state)`: CPython's checks ("state vector must be a
/// tuple", "state vector is the wrong size", "invalid state").
fn m_setstate(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "setstate", args, kw, 2)?;
    let r = me(vm, &a[0])?;
    let Some(t) = a[1].downcast::<Tuple>() else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    let items = t.items(vm.token()).to_vec();
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, v) in state.iter_mut().zip(&items) {
        let n =
            int_value(v).ok_or_else(|| PyErr::type_error("state vector items must be integers"))?;
        *slot = u32::try_from(&n).map_err(|_| {
            PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            )
        })?;
    }
    let index = int_value(&items[N])
        .and_then(|n| usize::try_from(&n).ok())
        .filter(|&i| i <= N)
        .ok_or_else(|| PyErr::value_error("invalid state"))?;
    let mt = r.mt.borrow_mut(vm.token());
    mt.state = state;
    mt.index = index;
    Ok(Value::None)
}

/// Creates the `_random` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = new_module(vm, "_random", &[]);
    let t = new_native_type(vm.token(), "Random", RandomObj::LAYOUT, None);
    if let Some(tp) = t.downcast::<vm::types::TypeObject>() {
        tp.set_module(vm.token(), "_random");
    }
    register_ctor(&t, random_new, false);
    for (name, f) in [
        ("random", m_random as vm::calls::NativeFn),
        ("seed", m_seed),
        ("getrandbits", m_getrandbits),
        ("getstate", m_getstate),
        ("setstate", m_setstate),
    ] {
        add_method(vm.token(), &t, name, f);
    }
    set_attr(vm, &m, "Random", Value::Obj(t));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_sequence() {
        // MT19937's reference output for init_by_array([0x123, 0x234, 0x345, 0x456]).
        let mut mt = Mt::new();
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..3).map(|_| mt.next_u32()).collect();
        assert_eq!(first, [1_067_595_299, 955_945_823, 477_289_528]);
    }

    #[test]
    fn key_words() {
        assert_eq!(key_of(&IBig::from(0)), [0]);
        assert_eq!(key_of(&IBig::from(-5)), [5]);
        assert_eq!(key_of(&(IBig::from(1) << 40)), [0, 256]);
    }
}
