//! The hash table of `set` and `frozenset`, as CPython 3.11's `Objects/setobject.c`
//! lays it out, so iteration order (and `pop`) match: open addressing over
//! `(hash, key)` slots, an 8-slot initial table, the probe sequence of
//! [`common::set_order::ProbeSeq`], `fill`/`used` accounting with dummies left by
//! deletions (an insertion reuses the first dummy on its probe path), a resize to
//! the smallest power of two above `used * 4` (`used * 2` past 50,000) once
//! `fill * 5 >= mask * 3`, and `pop`'s finger.
//!
//! Keys' `__eq__` may run Python code that mutates the set: a lookup copies the
//! candidate key out, releases the table, calls `eq`, then checks the table's
//! `version`; if it changed, the lookup restarts (CPython's `goto restart`).

use common::set_order::ProbeSeq;

use crate::value::Value;

/// `PySet_MINSIZE`.
const MIN_SIZE: usize = 8;

/// One slot of the table (`setentry`).
#[derive(Clone, Default)]
pub enum Slot {
    /// Never used (`key == NULL`).
    #[default]
    Empty,
    /// A deleted entry (`key == dummy`, `hash == -1`).
    Dummy,
    /// An element and its hash.
    Active(isize, Value),
}

/// The table (`PySetObject`'s `table`, `mask`, `fill`, `used`, `finger`).
pub struct SetTable {
    /// The slots; the length is a power of two.
    pub slots: Vec<Slot>,
    /// Active plus dummy slots.
    pub fill: usize,
    /// Active slots (`len(s)`).
    pub used: usize,
    /// Where `pop` starts looking.
    pub finger: usize,
    /// Changes whenever any slot changes (lookups restart on a change).
    pub version: u64,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

/// What a scan of the probe path found before it needs the interpreter.
pub enum Scan {
    /// An equal key at this slot.
    Found(usize),
    /// An empty slot: the key is absent; the first dummy seen, if any.
    Absent(usize, Option<usize>),
    /// This slot's key has the same hash and needs `eq`.
    Ask(usize, Value),
}

impl SetTable {
    /// `mask`.
    pub fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Walks `seq` until a decision or a key that needs `eq`; `freeslot` collects
    /// the first dummy.
    pub fn scan(
        &self,
        seq: &mut ProbeSeq,
        key: &Value,
        hash: isize,
        freeslot: &mut Option<usize>,
    ) -> Scan {
        for j in seq.by_ref() {
            match self.slots.get(j) {
                None | Some(Slot::Empty) => return Scan::Absent(j, *freeslot),
                Some(Slot::Dummy) => {
                    freeslot.get_or_insert(j);
                }
                Some(Slot::Active(h, k)) if *h == hash => {
                    if k.is(key) {
                        return Scan::Found(j);
                    }
                    match k.native_eq(key) {
                        Some(true) => return Scan::Found(j),
                        Some(false) => {}
                        None => return Scan::Ask(j, k.clone()),
                    }
                }
                Some(Slot::Active(..)) => {}
            }
        }
        Scan::Absent(0, *freeslot)
    }

    /// Stores a key known to be absent at `slot` (empty or dummy), resizing as
    /// `set_add_entry` does after filling an empty slot.
    pub fn store(&mut self, slot: usize, hash: isize, key: Value) {
        let was_empty = matches!(self.slots.get(slot), Some(Slot::Empty));
        if let Some(s) = self.slots.get_mut(slot) {
            *s = Slot::Active(hash, key);
        }
        self.used += 1;
        self.version += 1;
        if was_empty {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                self.resize(self.grow_target());
            }
        }
    }

    /// The `minused` argument of a growing resize.
    pub fn grow_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// `set_table_resize`: the smallest power of two above `min_used` (at least 8
    /// slots), the active entries re-inserted in slot order.
    pub fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        self.version += 1;
        for s in old {
            if let Slot::Active(h, k) = s {
                self.insert_clean(h, k);
            }
        }
    }

    /// `set_insert_clean`: the first empty slot of the probe path (no counters).
    pub fn insert_clean(&mut self, hash: isize, key: Value) {
        let mask = self.mask();
        for j in ProbeSeq::new(hash as i64, mask) {
            if let Some(s @ Slot::Empty) = self.slots.get_mut(j) {
                *s = Slot::Active(hash, key);
                return;
            }
        }
    }

    /// `set_add_entry` for a key known to differ from every element (no `eq`): the
    /// first empty or dummy slot of its probe path.
    pub fn add_distinct(&mut self, hash: isize, key: Value) {
        let mut free = None;
        let mut seq = ProbeSeq::new(hash as i64, self.mask());
        if let Scan::Absent(j, f) = self.scan(&mut seq, &Value::None, hash, &mut free) {
            self.store(f.unwrap_or(j), hash, key);
        }
    }

    /// Turns the active slot `j` into a dummy; returns its key.
    pub fn remove_at(&mut self, j: usize) -> Option<Value> {
        let s = self.slots.get_mut(j)?;
        if !matches!(s, Slot::Active(..)) {
            return None;
        }
        let Slot::Active(_, k) = std::mem::replace(s, Slot::Dummy) else {
            return None;
        };
        self.used -= 1;
        self.version += 1;
        Some(k)
    }

    /// `set_pop`: the first active slot from the finger on (wrapping).
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        while !matches!(self.slots.get(j), Some(Slot::Active(..))) {
            j = (j + 1) & mask;
        }
        self.finger = j + 1;
        self.remove_at(j)
    }

    /// The active `(hash, key)` pairs in slot order.
    pub fn entries(&self) -> Vec<(isize, Value)> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    /// The first active slot at or after `pos`: its index and key.
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(j, s)| match s {
                Slot::Active(_, k) => Some((j, k.clone())),
                _ => None,
            })
    }
}
