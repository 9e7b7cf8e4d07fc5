//! `dict` (CPython's `Objects/dictobject.c`): a compact, insertion-ordered hash
//! table: an entries vector in insertion order (hash, key, value; a deleted entry
//! leaves a hole) and an index table (`hashbrown::HashTable<usize>`) mapping hashes
//! to entry positions. Holes are squeezed out when the entries vector would grow
//! while more than half of it is holes (CPython compacts on resize).
//!
//! Keys' `__hash__` and `__eq__` may run Python code, which may mutate this very
//! dict. The rules (ARCHITECTURE §4):
//! - every operation that may compare keys takes a [`PyEq`] context, which owns the
//!   thread's [`Token`]; the borrow checker then proves no borrow of the dict's
//!   insides is held while `eq`/`hash` runs;
//! - a lookup copies the candidate key out (one incref), releases the dict, calls
//!   `eq`, then re-checks the dict's `keys_version`: if the set of keys changed
//!   meanwhile, the lookup restarts (CPython's `goto start` in `_Py_dict_lookup`);
//! - iteration checks the size on every step and raises CPython's
//!   "dictionary changed size during iteration".
//!
//! Fast paths: identical keys match without `eq` (CPython checks `me_key == key`
//! first, which makes interned identifiers a pointer compare), and keys whose
//! equality is fixed (inline numbers, exact `str` and `int`) compare natively.

use hashbrown::HashTable;

use crate::builtins::str::StrObj;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{Payload, PayloadKind, PyCell, Token};
use crate::value::Value;

/// The operations a dict needs from the interpreter: `hash(key)` and `a == b`,
/// both of which may run Python code (and mutate the dict being used). The VM
/// implements it; tests implement it with mocks.
pub trait PyEq {
    /// The thread's token (the context owns it while Python code may run).
    fn token(&mut self) -> &mut Token;
    /// `hash(key)` for a key whose hash isn't native (see `Value::native_hash`).
    fn hash(&mut self, key: &Value) -> PyResult<isize>;
    /// `a == b` (CPython's `PyObject_RichCompareBool(a, b, Py_EQ)`, identity
    /// already checked) for keys whose equality isn't native.
    fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool>;
}

/// A [`PyEq`] that never runs Python code: keys must have a native hash (else
/// `TypeError: unhashable type`), and other keys compare by identity. For dicts
/// whose keys are str by construction (type and module namespaces).
pub struct NativeEq<'a>(pub &'a mut Token);

impl PyEq for NativeEq<'_> {
    fn token(&mut self) -> &mut Token {
        self.0
    }

    fn hash(&mut self, key: &Value) -> PyResult<isize> {
        key.native_hash()
            .ok_or_else(|| PyErr::type_error("unhashable type"))
    }

    fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        Ok(a.is(b))
    }
}

/// One key/value pair with the key's hash.
struct Entry {
    hash: isize,
    key: Value,
    value: Value,
}

#[derive(Default)]
struct DictInner {
    /// Position in `entries` (u32, as CPython's 1-4 byte index arrays; inserting
    /// refuses to go beyond) and 32 mixed bits of the key's hash, from which the
    /// table's own hash is recomputed on resize without touching the entries.
    indices: HashTable<Slot>,
    /// Entries in insertion order; `None` is a deleted entry.
    entries: Vec<Option<Entry>>,
    /// Number of live entries (`len(d)`, CPython's `ma_used`).
    used: usize,
    /// Changes whenever keys are added, removed or moved.
    keys_version: u64,
}

/// A dict (also the payload of `dict` objects).
#[derive(Default)]
pub struct Dict {
    inner: PyCell<DictInner>,
}

impl Payload for Dict {
    const KIND: PayloadKind = PayloadKind::Dict;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        Dict::traverse(self, token, visit)
    }

    fn clear(&self, token: &mut Token) {
        Dict::clear(self, token)
    }
}

/// An index-table slot: entry position and [`hbits`] of the key's hash.
type Slot = (u32, u32);

/// 32 well-mixed bits of a Python hash (small ints hash to themselves, and
/// hashbrown needs variety in both its bucket bits and its tag bits). A folded
/// multiply, as in foldhash.
#[inline(always)]
fn hbits(hash: isize) -> u32 {
    let full = (hash as u64 as u128).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let m = (full as u64) ^ ((full >> 64) as u64);
    (m ^ (m >> 32)) as u32
}

/// The hash hashbrown sees for a slot with hash bits `b` (low bits pick the
/// bucket, the top 7 bits are the tag).
#[inline(always)]
fn table_hash(b: u32) -> u64 {
    (b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (b as u64)
}

#[inline(always)]
fn slot_hash(&(_, b): &Slot) -> u64 {
    table_hash(b)
}

/// What `DictInner::set_native` did.
enum SetOutcome {
    /// Replaced the value of an existing key (the old value, to drop later).
    Replaced(Value),
    /// Inserted a new key.
    Inserted,
    /// A candidate needs the interpreter's `eq`; key and value handed back.
    NeedsEq(Value, Value),
    /// Too many entries for a `u32` position.
    Full,
}

/// What one probe of the index table found.
enum Probe {
    /// The key is at this position.
    Hit(usize),
    /// The key is absent.
    Miss,
    /// The entry at `ix` has the same hash but a key whose equality needs the
    /// interpreter; `other` is that key, copied out.
    Ask {
        ix: usize,
        other: Value,
        version: u64,
    },
}

impl DictInner {
    /// Finds `key`, skipping the first `skip` candidates that needed `eq` and
    /// were found unequal.
    #[inline]
    fn probe(&self, key: &Value, hash: isize, skip: usize) -> Probe {
        if skip == 0 {
            // Fast path: hashbrown's `find`, as long as every candidate compares
            // natively. The first candidate that needs the interpreter sends us to
            // the slow path, which asks in probe order as CPython does.
            let mut needs_ask = false;
            let hb = hbits(hash);
            let found = self.indices.find(table_hash(hb), |&(ix, b)| {
                if needs_ask || b != hb {
                    return false;
                }
                let Some(Some(e)) = self.entries.get(ix as usize) else {
                    return false;
                };
                if e.hash != hash {
                    return false;
                }
                if e.key.is(key) {
                    return true;
                }
                match e.key.native_eq(key) {
                    Some(eq) => eq,
                    None => {
                        needs_ask = true;
                        false
                    }
                }
            });
            if let Some(&(ix, _)) = found {
                return Probe::Hit(ix as usize);
            }
            if !needs_ask {
                return Probe::Miss;
            }
        }
        self.probe_slow(key, hash, skip)
    }

    #[cold]
    fn probe_slow(&self, key: &Value, hash: isize, skip: usize) -> Probe {
        let mut asked = 0;
        let hb = hbits(hash);
        for &(ix, b) in self.indices.iter_hash(table_hash(hb)) {
            if b != hb {
                continue;
            }
            let ix = ix as usize;
            let Some(Some(e)) = self.entries.get(ix) else {
                continue;
            };
            if e.hash != hash {
                continue;
            }
            if e.key.is(key) {
                return Probe::Hit(ix);
            }
            match e.key.native_eq(key) {
                Some(true) => return Probe::Hit(ix),
                Some(false) => {}
                None => {
                    if asked == skip {
                        return Probe::Ask {
                            ix,
                            other: e.key.clone(),
                            version: self.keys_version,
                        };
                    }
                    asked += 1;
                }
            }
        }
        Probe::Miss
    }

    /// Finds an exact-str key natively; other keys with the same hash count as
    /// unequal (see `Dict::get_str`).
    #[inline]
    fn probe_str(&self, key: &Value, s: &StrObj, hash: isize) -> Option<usize> {
        let hb = hbits(hash);
        self.indices
            .find(table_hash(hb), |&(ix, b)| {
                if b != hb {
                    return false;
                }
                let Some(Some(e)) = self.entries.get(ix as usize) else {
                    return false;
                };
                if e.hash != hash {
                    return false;
                }
                if e.key.is(key) {
                    return true;
                }
                e.key.as_obj().is_some_and(|o| {
                    o.type_obj().is_builtin()
                        && o.downcast::<StrObj>()
                            .is_some_and(|k| k.as_bytes() == s.as_bytes())
                })
            })
            .map(|&(ix, _)| ix as usize)
    }

    /// `d[key] = value` in a single probe (hashbrown's `entry`), unless some
    /// candidate with the same hash needs the interpreter's `eq`: then the key and
    /// value are handed back for the slow path.
    fn set_native(&mut self, hash: isize, key: Value, value: Value) -> SetOutcome {
        let len = self.entries.len();
        if len == self.entries.capacity() && len >= 8 && len - self.used > len / 2 {
            self.compact();
        }
        let Ok(new_ix) = u32::try_from(self.entries.len()) else {
            return SetOutcome::Full;
        };
        let mut needs_eq = false;
        let entries = &self.entries;
        let hb = hbits(hash);
        let slot = self.indices.entry(
            table_hash(hb),
            |&(ix, b)| {
                if needs_eq || b != hb {
                    return false;
                }
                let Some(Some(e)) = entries.get(ix as usize) else {
                    return false;
                };
                if e.hash != hash {
                    return false;
                }
                if e.key.is(&key) {
                    return true;
                }
                match e.key.native_eq(&key) {
                    Some(eq) => eq,
                    None => {
                        needs_eq = true;
                        false
                    }
                }
            },
            slot_hash,
        );
        match slot {
            hashbrown::hash_table::Entry::Occupied(o) => {
                let ix = o.get().0 as usize;
                match self.entries.get_mut(ix).and_then(Option::as_mut) {
                    Some(e) => SetOutcome::Replaced(std::mem::replace(&mut e.value, value)),
                    None => SetOutcome::NeedsEq(key, value), // unreachable: indices point at entries
                }
            }
            hashbrown::hash_table::Entry::Vacant(_) if needs_eq => SetOutcome::NeedsEq(key, value),
            hashbrown::hash_table::Entry::Vacant(v) => {
                v.insert((new_ix, hb));
                self.entries.push(Some(Entry { hash, key, value }));
                self.used += 1;
                self.keys_version += 1;
                SetOutcome::Inserted
            }
        }
    }

    fn insert_new(&mut self, hash: isize, key: Value, value: Value) -> PyResult<()> {
        let len = self.entries.len();
        if len == self.entries.capacity() && len >= 8 && len - self.used > len / 2 {
            self.compact();
        }
        let ix = self.entries.len();
        let Ok(ix32) = u32::try_from(ix) else {
            return Err(PyErr::new(ExcKind::MemoryError, ""));
        };
        self.entries.push(Some(Entry { hash, key, value }));
        let hb = hbits(hash);
        self.indices
            .insert_unique(table_hash(hb), (ix32, hb), slot_hash);
        self.used += 1;
        self.keys_version += 1;
        Ok(())
    }

    /// Squeezes out deleted entries and rebuilds the index table.
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.indices.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(e) = e {
                // Positions fit in u32: compaction only shrinks the vector.
                let hb = hbits(e.hash);
                self.indices
                    .insert_unique(table_hash(hb), (i as u32, hb), slot_hash);
            }
        }
        self.keys_version += 1;
    }

    fn remove_at(&mut self, ix: usize) -> Option<Entry> {
        let e = self.entries.get_mut(ix)?.take()?;
        if let Ok(found) = self
            .indices
            .find_entry(table_hash(hbits(e.hash)), |&(i, _)| i as usize == ix)
        {
            found.remove();
        }
        // Trailing holes can go at once (keeps popitem O(1) amortized).
        while let Some(None) = self.entries.last() {
            self.entries.pop();
        }
        self.used -= 1;
        self.keys_version += 1;
        Some(e)
    }
}

/// A position in a dict's iteration (CPython's `dictiterobject` state).
pub struct DictIter {
    pos: usize,
    /// `len(d)` when iteration started; `usize::MAX` once a change was reported.
    used: usize,
    /// Entries still expected (CPython's `len` field).
    remaining: usize,
    done: bool,
}

/// The hash of a key: native when known, else through the context.
#[inline]
pub fn hash_key(cx: &mut impl PyEq, key: &Value) -> PyResult<isize> {
    match key.native_hash() {
        Some(h) => Ok(h),
        None => cx.hash(key),
    }
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// `len(d)`.
    pub fn len(&self, token: &Token) -> usize {
        self.inner.borrow(token).used
    }

    /// Whether the dict is empty.
    pub fn is_empty(&self, token: &Token) -> bool {
        self.len(token) == 0
    }

    /// A counter that changes whenever keys are added, removed or reordered (for
    /// caches that remember where a key lives, e.g. `LOAD_GLOBAL`).
    pub fn keys_version(&self, token: &Token) -> u64 {
        self.inner.borrow(token).keys_version
    }

    /// Position of `key`, comparing through `cx` with no borrow held during
    /// `eq`, restarting when the keys changed meanwhile.
    fn lookup(&self, cx: &mut impl PyEq, key: &Value, hash: isize) -> PyResult<Option<usize>> {
        let mut skip = 0;
        loop {
            let probe = self.inner.borrow(cx.token()).probe(key, hash, skip);
            match probe {
                Probe::Hit(ix) => return Ok(Some(ix)),
                Probe::Miss => return Ok(None),
                Probe::Ask { ix, other, version } => {
                    let equal = cx.eq(&other, key)?;
                    if self.inner.borrow(cx.token()).keys_version != version {
                        skip = 0; // mutated by `eq`: start over
                        continue;
                    }
                    if equal {
                        return Ok(Some(ix));
                    }
                    skip += 1;
                }
            }
        }
    }

    /// `d.get(key)`: the value, or `None` if absent.
    pub fn get(&self, cx: &mut impl PyEq, key: &Value) -> PyResult<Option<Value>> {
        let hash = hash_key(cx, key)?;
        self.get_with_hash(cx, key, hash)
    }

    /// `get` with a precomputed hash.
    pub fn get_with_hash(
        &self,
        cx: &mut impl PyEq,
        key: &Value,
        hash: isize,
    ) -> PyResult<Option<Value>> {
        let Some(ix) = self.lookup(cx, key, hash)? else {
            return Ok(None);
        };
        let inner = self.inner.borrow(cx.token());
        Ok(inner
            .entries
            .get(ix)
            .and_then(Option::as_ref)
            .map(|e| e.value.clone()))
    }

    /// `d[key]`: the value, or `KeyError(key)`.
    pub fn getitem(&self, cx: &mut impl PyEq, key: &Value) -> PyResult<Value> {
        self.get(cx, key)?
            .ok_or_else(|| PyErr::key_error(key.clone()))
    }

    /// `key in d`.
    pub fn contains(&self, cx: &mut impl PyEq, key: &Value) -> PyResult<bool> {
        let hash = hash_key(cx, key)?;
        Ok(self.lookup(cx, key, hash)?.is_some())
    }

    /// Lookup of an exact `str` key without the interpreter: the fast path for
    /// globals, builtins and attribute dicts. Identity first, then contents.
    /// Differs from CPython only if a non-str key with the same hash claims to
    /// equal the str (such a key is skipped here). `None` if `key` isn't a str.
    #[inline]
    pub fn get_str(&self, token: &Token, key: &Value) -> Option<Value> {
        let s = key.downcast::<StrObj>()?;
        let inner = self.inner.borrow(token);
        let ix = inner.probe_str(key, s, s.hash())?;
        inner
            .entries
            .get(ix)
            .and_then(Option::as_ref)
            .map(|e| e.value.clone())
    }

    /// Position of an exact-`str` key, for inline caches (CPython 3.11's
    /// `LOAD_GLOBAL` caches the index and the keys version): valid while
    /// [`Dict::keys_version`] is unchanged. Same matching rule as `get_str`.
    pub fn index_of_str(&self, token: &Token, key: &Value) -> Option<usize> {
        let s = key.downcast::<StrObj>()?;
        self.inner.borrow(token).probe_str(key, s, s.hash())
    }

    /// The value at a position from [`Dict::index_of_str`] (`None` if that entry
    /// is gone).
    #[inline]
    pub fn value_at(&self, token: &Token, ix: usize) -> Option<Value> {
        self.inner
            .borrow(token)
            .entries
            .get(ix)
            .and_then(Option::as_ref)
            .map(|e| e.value.clone())
    }

    /// The value at position `ix` if the key there is the object `key` (an
    /// identity check: for caches keyed by interned names, always correct).
    #[inline]
    pub fn value_at_if_key(
        &self,
        token: &Token,
        ix: usize,
        key: &crate::object::ObjRef,
    ) -> Option<Value> {
        let e = self.inner.borrow(token).entries.get(ix)?.as_ref()?;
        match &e.key {
            Value::Obj(k) if k.is(key) => Some(e.value.clone()),
            _ => None,
        }
    }

    /// Replaces the value at position `ix` if the key there is the object `key`
    /// (the store counterpart of [`Dict::value_at_if_key`], for `STORE_ATTR`'s
    /// inline cache); gives `value` back otherwise. Returns the old value, to be
    /// dropped by the caller after the borrow ends.
    #[inline]
    pub fn replace_at_if_key(
        &self,
        token: &mut Token,
        ix: usize,
        key: &crate::object::ObjRef,
        value: Value,
    ) -> Result<Value, Value> {
        let inner = self.inner.borrow_mut(token);
        match inner.entries.get_mut(ix) {
            Some(Some(e)) if matches!(&e.key, Value::Obj(k) if k.is(key)) => {
                Ok(std::mem::replace(&mut e.value, value))
            }
            _ => Err(value),
        }
    }

    /// `d[key] = value` (a new key goes last; an existing key keeps its place and
    /// its original key object, as in CPython).
    pub fn set(&self, cx: &mut impl PyEq, key: Value, value: Value) -> PyResult<()> {
        // Fast path: an exact-str key already present (attribute and global
        // stores): replace the value in place.
        let value = match self.replace_str(cx.token(), &key, value) {
            Ok(old) => {
                drop(old);
                return Ok(());
            }
            Err(v) => v,
        };
        let hash = hash_key(cx, &key)?;
        self.set_with_hash(cx, key, hash, value)
    }

    /// Replaces the value of an existing exact-`str` key; gives `value` back if
    /// the key isn't a str or isn't present.
    #[inline]
    fn replace_str(&self, token: &mut Token, key: &Value, value: Value) -> Result<Value, Value> {
        let Some(s) = key.downcast::<StrObj>() else {
            return Err(value);
        };
        if !key.as_obj().is_some_and(|o| o.type_obj().is_builtin()) {
            return Err(value);
        }
        let inner = self.inner.borrow_mut(token);
        let Some(ix) = inner.probe_str(key, s, s.hash()) else {
            return Err(value);
        };
        match inner.entries.get_mut(ix).and_then(Option::as_mut) {
            Some(e) => Ok(std::mem::replace(&mut e.value, value)),
            None => Err(value),
        }
    }

    /// `set` with a precomputed hash.
    pub fn set_with_hash(
        &self,
        cx: &mut impl PyEq,
        key: Value,
        hash: isize,
        value: Value,
    ) -> PyResult<()> {
        // Fast path: one probe of the index table when every candidate key
        // compares natively.
        let (key, value) = match self
            .inner
            .borrow_mut(cx.token())
            .set_native(hash, key, value)
        {
            SetOutcome::Replaced(old) => {
                drop(old);
                return Ok(());
            }
            SetOutcome::Inserted => return Ok(()),
            SetOutcome::Full => return Err(PyErr::new(ExcKind::MemoryError, "")),
            SetOutcome::NeedsEq(key, value) => (key, value),
        };
        let found = self.lookup(cx, &key, hash)?;
        let inner = self.inner.borrow_mut(cx.token());
        let old = match found.and_then(|ix| inner.entries.get_mut(ix)?.as_mut()) {
            Some(e) => Some(std::mem::replace(&mut e.value, value)),
            None => {
                inner.insert_new(hash, key, value)?;
                None
            }
        };
        // The old value dies after the dict is consistent again.
        drop(old);
        Ok(())
    }

    /// `d.setdefault(key, default)`: the existing value, or `default` after
    /// inserting it.
    pub fn setdefault(&self, cx: &mut impl PyEq, key: Value, default: Value) -> PyResult<Value> {
        let hash = hash_key(cx, &key)?;
        if let Some(v) = self.get_with_hash(cx, &key, hash)? {
            return Ok(v);
        }
        self.set_with_hash(cx, key, hash, default.clone())?;
        Ok(default)
    }

    /// `d.pop(key, None)`-like: removes `key` and returns its value, or `None` if
    /// absent.
    pub fn pop(&self, cx: &mut impl PyEq, key: &Value) -> PyResult<Option<Value>> {
        let hash = hash_key(cx, key)?;
        let Some(ix) = self.lookup(cx, key, hash)? else {
            return Ok(None);
        };
        let removed = self.inner.borrow_mut(cx.token()).remove_at(ix);
        Ok(removed.map(|e| e.value))
    }

    /// `del d[key]`: `KeyError(key)` if absent.
    pub fn del(&self, cx: &mut impl PyEq, key: &Value) -> PyResult<()> {
        match self.pop(cx, key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key.clone())),
        }
    }

    /// `d.popitem()`: removes and returns the last inserted pair.
    pub fn popitem(&self, token: &mut Token) -> PyResult<(Value, Value)> {
        let inner = self.inner.borrow_mut(token);
        let last = inner.entries.len().checked_sub(1);
        match last.and_then(|ix| inner.remove_at(ix)) {
            Some(e) => Ok((e.key, e.value)),
            None => Err(PyErr::new(
                ExcKind::KeyError,
                "popitem(): dictionary is empty",
            )),
        }
    }

    /// `d.clear()`. The old entries are dropped after the dict is empty.
    pub fn clear(&self, token: &mut Token) {
        let inner = self.inner.borrow_mut(token);
        let version = inner.keys_version;
        let old = std::mem::take(inner);
        inner.keys_version = version + 1;
        drop(old);
    }

    /// `list(d)`: the keys in order.
    pub fn keys(&self, token: &Token) -> Vec<Value> {
        self.inner
            .borrow(token)
            .entries
            .iter()
            .flatten()
            .map(|e| e.key.clone())
            .collect()
    }

    /// `list(d.values())`.
    pub fn values(&self, token: &Token) -> Vec<Value> {
        self.inner
            .borrow(token)
            .entries
            .iter()
            .flatten()
            .map(|e| e.value.clone())
            .collect()
    }

    /// `list(d.items())`.
    pub fn items(&self, token: &Token) -> Vec<(Value, Value)> {
        self.inner
            .borrow(token)
            .entries
            .iter()
            .flatten()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    /// `d.copy()` (same order; holes squeezed out).
    pub fn copy(&self, token: &Token) -> Dict {
        let inner = self.inner.borrow(token);
        let mut new = DictInner::default();
        for e in inner.entries.iter().flatten() {
            // Can't fail: `new` is no larger than `self`, whose positions fit.
            let _ = new.insert_new(e.hash, e.key.clone(), e.value.clone());
        }
        Dict {
            inner: PyCell::new(new),
        }
    }

    /// Starts an iteration (`iter(d)`).
    pub fn iter(&self, token: &Token) -> DictIter {
        let used = self.len(token);
        DictIter {
            pos: 0,
            used,
            remaining: used,
            done: false,
        }
    }

    /// The next `(key, value)` of an iteration, `None` at the end, or CPython's
    /// `RuntimeError` if the dict changed size (or its keys changed) since the
    /// iteration started.
    pub fn next_item(&self, token: &Token, it: &mut DictIter) -> PyResult<Option<(Value, Value)>> {
        if it.done {
            return Ok(None);
        }
        let inner = self.inner.borrow(token);
        if it.used != inner.used {
            it.used = usize::MAX;
            return Err(PyErr::runtime_error(
                "dictionary changed size during iteration",
            ));
        }
        while let Some(slot) = inner.entries.get(it.pos) {
            it.pos += 1;
            if let Some(e) = slot {
                if it.remaining == 0 {
                    return Err(PyErr::runtime_error(
                        "dictionary keys changed during iteration",
                    ));
                }
                it.remaining -= 1;
                return Ok(Some((e.key.clone(), e.value.clone())));
            }
        }
        it.done = true;
        Ok(None)
    }

    /// Visits every key and value (CPython's `dict_traverse`).
    pub fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        for e in self.inner.borrow(token).entries.iter().flatten() {
            visit(&e.key);
            visit(&e.value);
        }
    }
}
