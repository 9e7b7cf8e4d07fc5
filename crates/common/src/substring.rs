//! Substring search over slices of bytes or code points, for the paths where the
//! standard library's `str` search cannot be used (`bytes`, text with lone
//! surrogates). Short needles are compared directly; long ones use a Rabin-Karp
//! rolling hash, so hostile inputs stay near linear instead of `O(n·m)`.

/// Needles shorter than this are searched by direct comparison.
const ROLLING_MIN: usize = 8;
const BASE: u64 = 0x100_0000_01B3;

fn hash<T: Copy + Into<u64>>(s: &[T]) -> u64 {
    s.iter()
        .fold(0u64, |h, &c| h.wrapping_mul(BASE).wrapping_add(c.into()))
}

/// The first index `>= from` where `needle` occurs in `hay` (`from` itself for an
/// empty needle, if `from <= hay.len()`).
pub fn find<T: Copy + Eq + Into<u64>>(hay: &[T], needle: &[T], from: usize) -> Option<usize> {
    let m = needle.len();
    if m == 0 {
        return (from <= hay.len()).then_some(from);
    }
    let last = hay.len().checked_sub(m)?;
    if from > last {
        return None;
    }
    if m < ROLLING_MIN {
        let first = needle[0];
        return (from..=last).find(|&i| hay[i] == first && hay[i..i + m] == *needle);
    }
    let target = hash(needle);
    let top = (1..m).fold(1u64, |p, _| p.wrapping_mul(BASE)); // BASE^(m-1)
    let mut h = hash(&hay[from..from + m]);
    let mut i = from;
    loop {
        if h == target && hay[i..i + m] == *needle {
            return Some(i);
        }
        if i == last {
            return None;
        }
        let out: u64 = hay[i].into();
        let inc: u64 = hay[i + m].into();
        h = h
            .wrapping_sub(out.wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(inc);
        i += 1;
    }
}

/// The last index where `needle` occurs in `hay` (`hay.len()` for an empty needle).
pub fn rfind<T: Copy + Eq + Into<u64>>(hay: &[T], needle: &[T]) -> Option<usize> {
    let m = needle.len();
    let last = hay.len().checked_sub(m)?;
    if m < ROLLING_MIN {
        return (0..=last).rev().find(|&i| hay[i..i + m] == *needle);
    }
    // Hash windows right to left: h(i) from h(i+1) by dropping hay[i+m], adding hay[i].
    let target = hash(needle);
    let top = (1..m).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let inverse = mod_inverse(BASE);
    let mut h = hash(&hay[last..last + m]);
    let mut i = last;
    loop {
        if h == target && hay[i..i + m] == *needle {
            return Some(i);
        }
        if i == 0 {
            return None;
        }
        let out: u64 = hay[i + m - 1].into();
        let inc: u64 = hay[i - 1].into();
        h = h
            .wrapping_sub(out)
            .wrapping_mul(inverse)
            .wrapping_add(inc.wrapping_mul(top));
        i -= 1;
    }
}

/// The inverse of odd `a` modulo 2^64 (Newton's iteration).
fn mod_inverse(a: u64) -> u64 {
    let mut x = a; // correct to 3 bits for odd a
    for _ in 0..6 {
        x = x.wrapping_mul(2u64.wrapping_sub(a.wrapping_mul(x)));
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
        if n.is_empty() {
            return (from <= h.len()).then_some(from);
        }
        (from..=h.len().checked_sub(n.len())?).find(|&i| &h[i..i + n.len()] == n)
    }

    fn naive_r(h: &[u8], n: &[u8]) -> Option<usize> {
        (0..=h.len().checked_sub(n.len())?)
            .rev()
            .find(|&i| &h[i..i + n.len()] == n)
    }

    #[test]
    fn agrees_with_naive_search() {
        let mut state = 12345u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let hay: Vec<u8> = (0..next() % 60)
                .map(|_| b"ab"[(next() % 2) as usize])
                .collect();
            let needle: Vec<u8> = (0..next() % 14)
                .map(|_| b"ab"[(next() % 2) as usize])
                .collect();
            let from = (next() % 70) as usize;
            assert_eq!(find(&hay, &needle, from), naive(&hay, &needle, from));
            assert_eq!(rfind(&hay, &needle), naive_r(&hay, &needle));
        }
        let long = vec![b'a'; 100_000];
        let mut needle = vec![b'a'; 5_000];
        needle.push(b'b');
        assert_eq!(find(&long, &needle, 0), None);
        assert_eq!(rfind(&long, &needle), None);
    }
}
