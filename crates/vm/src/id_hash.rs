//! A hasher for maps keyed by object identity (`ObjRef::id`, an address):
//! one multiply instead of SipHash, for per-thread tables consulted on hot
//! paths (the native constructor table behind `type.__call__`).

use std::hash::{BuildHasherDefault, Hasher};

/// Hashes one `usize` (an address) by a Fibonacci multiply.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// `HashMap<usize, V, IdBuildHasher>`: a map keyed by object identity.
pub type IdBuildHasher = BuildHasherDefault<IdHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn map_by_address() {
        let mut m: HashMap<usize, u32, IdBuildHasher> = HashMap::default();
        for i in 0..1000usize {
            m.insert(i * 16, i as u32);
        }
        assert_eq!(m.get(&(16 * 500)), Some(&500));
        assert_eq!(m.get(&3), None);
        assert_eq!(m.len(), 1000);
    }
}
