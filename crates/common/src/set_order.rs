//! The iteration order of a CPython 3.11 set built from a sequence, for constants
//! whose order Python code (and `dis`, and marshal) can see: a `frozenset` constant
//! lists its items in hash-table order, not insertion order.
//!
//! Mirrors `Objects/setobject.c` as `PyFrozenSet_New(sequence)` uses it: an empty
//! 8-slot table (`PySet_MINSIZE`), then `set_add_entry` for each item in order
//! (home slot `hash & mask`; the slot and the next `LINEAR_PROBES` = 9 slots when
//! they fit before the table's end; then the perturbed jump
//! `i = (i * 5 + 1 + (perturb >>= 5)) & mask`); an item equal to one already in the
//! table (same hash, then `==`) is dropped, so the first of equal items stays; after
//! filling an unused slot, `fill * 5 >= mask * 3` resizes (`set_table_resize`) to
//! the smallest power of two above `used * 4` (`used * 2` past 50,000 items),
//! re-inserting the old table's entries in slot order with `set_insert_clean`.
//! Iteration walks the slots in order.

/// `LINEAR_PROBES`: slots examined after the home slot before jumping.
const LINEAR_PROBES: usize = 9;
/// `PERTURB_SHIFT`: how fast the high hash bits enter the jump sequence.
const PERTURB_SHIFT: u32 = 5;
/// `PySet_MINSIZE`: the size of a new set's table.
const MIN_SIZE: usize = 8;

/// CPython 3.11's set probe sequence (`set_lookkey`, `set_add_entry`,
/// `set_insert_clean`): the home slot `hash & mask`, then, when they fit before the
/// table's end, the next [`LINEAR_PROBES`] slots; then the perturbed jump
/// `i = (i * 5 + 1 + (perturb >>= 5)) & mask` and again. An endless iterator of
/// slot indices; the one implementation of the rule (the VM's set uses it too).
#[derive(Clone, Debug)]
pub struct ProbeSeq {
    mask: usize,
    /// Start of the current run of slots.
    i: usize,
    /// Offset of the next slot in the run.
    j: usize,
    /// Length of the current run minus one.
    probes: usize,
    perturb: u64,
}

impl ProbeSeq {
    /// The probe sequence of `hash` in a table of `mask + 1` slots.
    pub fn new(hash: i64, mask: usize) -> ProbeSeq {
        let i = (hash as u64 as usize) & mask;
        ProbeSeq {
            mask,
            i,
            j: 0,
            probes: Self::run(i, mask),
            perturb: hash as u64,
        }
    }

    fn run(i: usize, mask: usize) -> usize {
        if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        }
    }
}

impl Iterator for ProbeSeq {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.j > self.probes {
            self.perturb >>= PERTURB_SHIFT;
            self.i = (self
                .i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & self.mask;
            self.j = 0;
            self.probes = Self::run(self.i, self.mask);
        }
        let slot = self.i + self.j;
        self.j += 1;
        Some(slot)
    }
}

/// One occupied slot: the index of the item in the caller's list, and its hash.
#[derive(Clone, Copy)]
struct Entry {
    item: usize,
    hash: i64,
}

/// A set's hash table: only what decides the layout (no dummies: nothing is ever
/// deleted from a set under construction).
struct Table {
    slots: Vec<Option<Entry>>,
    /// Occupied slots (`fill`, equal to `used` without deletions).
    fill: usize,
}

impl Table {
    fn new() -> Table {
        Table {
            slots: vec![None; MIN_SIZE],
            fill: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_add_entry`: adds `item` unless `eq` finds an equal entry of the same
    /// hash on its probe path; resizes after filling a slot when the table is full
    /// enough.
    fn add(&mut self, item: usize, hash: i64, eq: &mut impl FnMut(usize, usize) -> bool) {
        let mask = self.mask();
        for j in ProbeSeq::new(hash, mask) {
            match self.slots.get(j).copied().flatten() {
                None => {
                    if let Some(slot) = self.slots.get_mut(j) {
                        *slot = Some(Entry { item, hash });
                    }
                    self.fill += 1;
                    if self.fill * 5 >= mask * 3 {
                        let used = self.fill;
                        self.resize(if used > 50_000 { used * 2 } else { used * 4 });
                    }
                    return;
                }
                Some(e) if e.hash == hash && eq(e.item, item) => return,
                Some(_) => {}
            }
        }
    }

    /// `set_table_resize`: a table of the smallest power of two above `min_used`
    /// (at least [`MIN_SIZE`]), the old entries re-inserted in slot order.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        for e in old.into_iter().flatten() {
            self.insert_clean(e);
        }
    }

    /// `set_insert_clean`: places an entry known to be absent in the first free slot
    /// of its probe sequence.
    fn insert_clean(&mut self, e: Entry) {
        let mask = self.mask();
        for j in ProbeSeq::new(e.hash, mask) {
            if let Some(slot @ None) = self.slots.get_mut(j) {
                *slot = Some(e);
                return;
            }
        }
    }
}

/// The order in which `iter(frozenset(seq))` yields the items of `seq` in CPython
/// 3.11, given each item's `hash()` (`hashes[k]` for `seq[k]`) and `==` between two
/// items (`eq(kept, new)`, asked only for items of equal hash). Returns indices into
/// `seq`: duplicates dropped (the first of equal items kept), then table order.
///
/// The result depends on the insertion order when hashes collide: CPython's compiler
/// builds a constant frozenset more than once (see `compiler::frozenset`), each time
/// from the previous one's iteration order.
pub fn frozenset_order(hashes: &[i64], mut eq: impl FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut table = Table::new();
    for (item, &hash) in hashes.iter().enumerate() {
        table.add(item, hash, &mut eq);
    }
    table.slots.into_iter().flatten().map(|e| e.item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items that are equal exactly when their hashes are (distinct ints).
    fn order_of(hashes: &[i64]) -> Vec<i64> {
        frozenset_order(hashes, |a, b| hashes[a] == hashes[b])
            .into_iter()
            .map(|k| hashes[k])
            .collect()
    }

    #[test]
    fn small_ints_sit_in_their_home_slots() {
        // `list(frozenset([3, 1, 2]))` is `[1, 2, 3]`.
        assert_eq!(order_of(&[3, 1, 2]), vec![1, 2, 3]);
        assert_eq!(order_of(&[]), Vec::<i64>::new());
    }

    #[test]
    fn collisions_follow_the_perturbed_jump() {
        // `list(frozenset([1, 9]))` is `[1, 9]`; `list(frozenset([9, 1]))` is `[9, 1]`:
        // in an 8-slot table the second goes to (1 * 5 + 1) & 7 = 6.
        assert_eq!(order_of(&[1, 9]), vec![1, 9]);
        assert_eq!(order_of(&[9, 1]), vec![9, 1]);
        // `list(frozenset([6, 1, 9]))`: 9 jumps from 1 to 6, taken, then to
        // (6 * 5 + 1) & 7 = 7. Python prints [1, 6, 9].
        assert_eq!(order_of(&[6, 1, 9]), vec![1, 6, 9]);
    }

    #[test]
    fn resizing_reinserts_in_slot_order() {
        // Five items fill an 8-slot table past 3/5: it grows to 32 slots.
        // `list(frozenset([0, 8, 16, 24, 32]))` is `[0, 32, 8, 16, 24]`.
        assert_eq!(order_of(&[0, 8, 16, 24, 32]), vec![0, 32, 8, 16, 24]);
    }

    #[test]
    fn probe_sequence_runs_linearly_then_jumps() {
        // Home slot 3 of 32: slots 3..=12, then (3 * 5 + 1 + (3 >> 5)) & 31 = 16.
        let got: Vec<usize> = ProbeSeq::new(3, 31).take(11).collect();
        assert_eq!(got, vec![3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16]);
        // Near the end of the table: no linear run.
        let got: Vec<usize> = ProbeSeq::new(30, 31).take(2).collect();
        assert_eq!(got, vec![30, (30 * 5 + 1) & 31]);
    }

    #[test]
    fn duplicates_keep_the_first() {
        let hashes = [5, 5, 7];
        let kept = frozenset_order(&hashes, |_, _| true);
        assert_eq!(kept, vec![0, 2]);
        // Equal hashes but unequal items (like two NaNs) are both kept.
        let kept = frozenset_order(&hashes, |_, _| false);
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn large_sets_use_the_linear_probes() {
        let hashes: Vec<i64> = (0..1000).map(|k| (k * 64) as i64).collect();
        let order = frozenset_order(&hashes, |a, b| a == b);
        assert_eq!(order.len(), 1000);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 1000);
    }
}
