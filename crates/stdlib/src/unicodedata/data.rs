//! The Unicode 14.0.0 database of `unicodedata`, read from `ucd.bin` (made by
//! `tests/scripts/gen_unicodedata.py` from python3 3.11's own `unicodedata`;
//! the layout is described there). The blob is embedded in the binary and
//! read in place; only the name-to-code-point map for `lookup` is built, on
//! first use.

use std::collections::HashMap;
use std::sync::OnceLock;

static BLOB: &[u8] = include_bytes!("ucd.bin");
const SHIFT: u32 = 7;

/// The sections of the blob, split once.
struct Sections {
    records: &'static [u8],
    index1: &'static [u8],
    index2: &'static [u8],
    categories: Vec<&'static str>,
    bidis: Vec<&'static str>,
    eaws: Vec<&'static str>,
    decomp: &'static [u8],
    decomp_text: &'static [u8],
    exclusions: &'static [u8],
    words: Vec<&'static str>,
    names: &'static [u8],
    computed: Vec<(u32, u32, &'static str)>,
    aliases: Vec<(u32, &'static str)>,
    sequences: Vec<(&'static str, Vec<u32>)>,
    /// Code points unassigned in Unicode 3.2.0 (inclusive ranges).
    new_since_3_2: Vec<(u32, u32)>,
    /// Code points whose 3.2.0 properties differ: the old record bytes and
    /// decomposition, sorted by code point.
    changed_since_3_2: Vec<(u32, &'static [u8], &'static str)>,
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    match b.get(2 * i..2 * i + 2) {
        Some(s) => u16::from_le_bytes([s[0], s[1]]),
        None => 0,
    }
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    match b.get(off..off + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

fn ascii(b: &'static [u8]) -> &'static str {
    std::str::from_utf8(b).unwrap_or("")
}

fn sections() -> &'static Sections {
    static S: OnceLock<Sections> = OnceLock::new();
    S.get_or_init(|| {
        let mut parts: Vec<&'static [u8]> = Vec::new();
        let mut pos = 4;
        while pos + 4 <= BLOB.len() {
            let n = u32_at(BLOB, pos) as usize;
            let start = pos + 4;
            let end = (start + n).min(BLOB.len());
            parts.push(&BLOB[start..end]);
            pos = end;
        }
        let part = |i: usize| parts.get(i).copied().unwrap_or(&[]);
        let lists: Vec<Vec<&'static str>> = ascii(part(3))
            .split('\n')
            .map(|l| l.split(',').collect())
            .collect();
        let list = |i: usize| lists.get(i).cloned().unwrap_or_default();
        let computed = {
            let b = part(9);
            let n = u32_at(b, 0) as usize;
            let mut out = Vec::with_capacity(n);
            let mut p = 4;
            for _ in 0..n {
                let start = u32_at(b, p);
                let end = u32_at(b, p + 4);
                let len = usize::from(b.get(p + 8).copied().unwrap_or(0));
                let prefix = ascii(b.get(p + 9..p + 9 + len).unwrap_or(&[]));
                out.push((start, end, prefix));
                p += 9 + len;
            }
            out
        };
        let aliases = {
            let b = part(10);
            let n = u32_at(b, 0) as usize;
            let mut out = Vec::with_capacity(n);
            let mut p = 4;
            for _ in 0..n {
                let cp = u32_at(b, p);
                let len = usize::from(b.get(p + 4).copied().unwrap_or(0));
                out.push((cp, ascii(b.get(p + 5..p + 5 + len).unwrap_or(&[]))));
                p += 5 + len;
            }
            out
        };
        let sequences = {
            let b = part(11);
            let n = u32_at(b, 0) as usize;
            let mut out = Vec::with_capacity(n);
            let mut p = 4;
            for _ in 0..n {
                let len = usize::from(b.get(p).copied().unwrap_or(0));
                let name = ascii(b.get(p + 1..p + 1 + len).unwrap_or(&[]));
                p += 1 + len;
                let k = usize::from(b.get(p).copied().unwrap_or(0));
                let cps = (0..k).map(|i| u32_at(b, p + 1 + 4 * i)).collect();
                p += 1 + 4 * k;
                out.push((name, cps));
            }
            out
        };
        let (new_since_3_2, changed_since_3_2) = {
            let b = part(12);
            let n = u32_at(b, 0) as usize;
            let ranges = (0..n)
                .map(|i| (u32_at(b, 4 + 8 * i), u32_at(b, 8 + 8 * i)))
                .collect();
            let mut p = 4 + 8 * n;
            let m = u32_at(b, p) as usize;
            p += 4;
            let mut changed = Vec::with_capacity(m);
            for _ in 0..m {
                let cp = u32_at(b, p);
                let rec = b.get(p + 4..p + 20).unwrap_or(&[]);
                let len = usize::from(u16_at(b.get(p + 20..p + 22).unwrap_or(&[]), 0));
                let d = ascii(b.get(p + 22..p + 22 + len).unwrap_or(&[]));
                changed.push((cp, rec, d));
                p += 22 + len;
            }
            (ranges, changed)
        };
        Sections {
            records: part(0),
            index1: part(1),
            index2: part(2),
            categories: list(0),
            bidis: list(1),
            eaws: list(2),
            decomp: part(4),
            decomp_text: part(5),
            exclusions: part(6),
            words: ascii(part(7)).split('\n').collect(),
            names: part(8),
            computed,
            aliases,
            sequences,
            new_since_3_2,
            changed_since_3_2,
        }
    })
}

/// The properties of one code point.
pub struct Record {
    /// `category()`.
    pub category: &'static str,
    /// `bidirectional()`.
    pub bidirectional: &'static str,
    /// `combining()`.
    pub combining: u8,
    /// `mirrored()`.
    pub mirrored: bool,
    /// `east_asian_width()`.
    pub east_asian_width: &'static str,
    /// `decimal()`.
    pub decimal: Option<u8>,
    /// `digit()`.
    pub digit: Option<u8>,
    /// `numeric()`.
    pub numeric: Option<f64>,
}

/// The properties of `cp` (unassigned code points get `Cn`, no values).
pub fn record(cp: u32) -> Record {
    let s = sections();
    let block = u16_at(s.index1, (cp >> SHIFT) as usize) as usize;
    let i = u16_at(
        s.index2,
        (block << SHIFT) + (cp & ((1 << SHIFT) - 1)) as usize,
    ) as usize;
    decode_record(s.records.get(16 * i..16 * i + 16).unwrap_or(&[0; 16]))
}

fn decode_record(r: &[u8]) -> Record {
    let s = sections();
    let r = if r.len() == 16 { r } else { &[0; 16] };
    let name = |v: &Vec<&'static str>, k: u8| v.get(usize::from(k)).copied().unwrap_or("");
    let mut f = [0u8; 8];
    f.copy_from_slice(&r[8..16]);
    let numeric = f64::from_le_bytes(f);
    Record {
        category: name(&s.categories, r[0]),
        bidirectional: name(&s.bidis, r[1]),
        combining: r[2],
        mirrored: r[3] & 1 != 0,
        east_asian_width: name(&s.eaws, r[4]),
        decimal: u8::try_from(r[5] as i8).ok(),
        digit: u8::try_from(r[6] as i8).ok(),
        numeric: (!numeric.is_nan()).then_some(numeric),
    }
}

/// `decomposition(chr(cp))`: `""` when there is none.
pub fn decomposition(cp: u32) -> &'static str {
    let s = sections();
    let n = u32_at(s.decomp, 0) as usize;
    let entry = |i: usize| -> (u32, usize, usize) {
        let p = 4 + 12 * i;
        (
            u32_at(s.decomp, p),
            u32_at(s.decomp, p + 4) as usize,
            u32_at(s.decomp, p + 8) as usize,
        )
    };
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let (c, off, len) = entry(mid);
        match c.cmp(&cp) {
            std::cmp::Ordering::Equal => {
                return ascii(s.decomp_text.get(off..off + len).unwrap_or(&[]));
            }
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    ""
}

/// Whether `cp`'s two-code-point canonical decomposition is excluded from
/// composition.
pub fn composition_excluded(cp: u32) -> bool {
    let b = sections().exclusions;
    let n = b.len() / 4;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let c = u32_at(b, 4 * mid);
        match c.cmp(&cp) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    false
}

/// Every code point that has a decomposition, with it.
pub fn decompositions() -> impl Iterator<Item = (u32, &'static str)> {
    let s = sections();
    let n = u32_at(s.decomp, 0) as usize;
    (0..n).map(move |i| {
        let p = 4 + 12 * i;
        let cp = u32_at(s.decomp, p);
        let off = u32_at(s.decomp, p + 4) as usize;
        let len = u32_at(s.decomp, p + 8) as usize;
        (cp, ascii(s.decomp_text.get(off..off + len).unwrap_or(&[])))
    })
}

/// The names table: code points, word counts, and where each name's tokens
/// start.
struct Names {
    count: usize,
    starts: Vec<u32>,
}

fn names() -> &'static Names {
    static N: OnceLock<Names> = OnceLock::new();
    N.get_or_init(|| {
        let b = sections().names;
        let count = u32_at(b, 0) as usize;
        let lens = b.get(4 + 4 * count..4 + 5 * count).unwrap_or(&[]);
        let mut starts = Vec::with_capacity(count + 1);
        let mut acc = 0u32;
        for l in lens {
            starts.push(acc);
            acc += u32::from(*l);
        }
        starts.push(acc);
        Names { count, starts }
    })
}

fn name_at(i: usize) -> String {
    let s = sections();
    let b = s.names;
    let n = names();
    let tokens = b.get(4 + 5 * n.count..).unwrap_or(&[]);
    let (a, z) = (n.starts[i] as usize, n.starts[i + 1] as usize);
    let mut out = String::new();
    for k in a..z {
        let t = u16_at(tokens, k);
        out.push_str(s.words.get(usize::from(t & 0x7fff)).copied().unwrap_or(""));
        if k + 1 < z {
            out.push(if t & 0x8000 != 0 { '-' } else { ' ' });
        }
    }
    out
}

const JAMO_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];
/// First Hangul syllable.
pub const S_BASE: u32 = 0xAC00;
/// Number of Hangul syllables.
pub const S_COUNT: u32 = 11172;

/// `name(chr(cp))`, if it has one.
pub fn name(cp: u32) -> Option<String> {
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let (l, v, t) = (s / 588, (s % 588) / 28, s % 28);
        return Some(format!(
            "HANGUL SYLLABLE {}{}{}",
            JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]
        ));
    }
    let s = sections();
    if let Some((_, _, prefix)) = s.computed.iter().find(|(a, z, _)| (*a..=*z).contains(&cp)) {
        return Some(format!("{prefix}-{cp:04X}"));
    }
    let b = s.names;
    let n = names();
    let (mut lo, mut hi) = (0, n.count);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let c = u32_at(b, 4 + 4 * mid);
        match c.cmp(&cp) {
            std::cmp::Ordering::Equal => return Some(name_at(mid)),
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    None
}

/// `lookup(name)`: the code point of a character name or alias (CPython
/// accepts names in any case).
pub fn lookup(name: &str) -> Option<u32> {
    static MAP: OnceLock<HashMap<String, u32>> = OnceLock::new();
    let upper = name.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("HANGUL SYLLABLE ") {
        for cp in S_BASE..S_BASE + S_COUNT {
            if self::name(cp)
                .as_deref()
                .and_then(|n| n.strip_prefix("HANGUL SYLLABLE "))
                == Some(rest)
            {
                return Some(cp);
            }
        }
        return None;
    }
    let s = sections();
    for (a, z, prefix) in &s.computed {
        if let Some(hex) = upper.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')) {
            if let Ok(cp) = u32::from_str_radix(hex, 16) {
                if (*a..=*z).contains(&cp) && hex.len() >= 4 && !hex.starts_with('+') {
                    return Some(cp);
                }
            }
        }
    }
    let map = MAP.get_or_init(|| {
        let n = names();
        let mut m = HashMap::with_capacity(n.count + s.aliases.len());
        for i in 0..n.count {
            m.insert(name_at(i), u32_at(s.names, 4 + 4 * i));
        }
        for (cp, alias) in &s.aliases {
            m.entry((*alias).to_owned()).or_insert(*cp);
        }
        m
    });
    map.get(&upper).copied()
}

/// The code points of a named sequence (`lookup("LATIN CAPITAL LETTER A
/// WITH MACRON AND GRAVE")`), names in any case.
pub fn named_sequence(name: &str) -> Option<&'static [u32]> {
    let upper = name.to_ascii_uppercase();
    sections()
        .sequences
        .iter()
        .find(|(n, _)| *n == upper)
        .map(|(_, cps)| cps.as_slice())
}

/// How a code point looked in Unicode 3.2.0 (`ucd_3_2_0`).
pub enum Old {
    /// Not assigned then.
    Unassigned,
    /// Assigned, with other properties or decomposition.
    Changed(Record, &'static str),
    /// As today.
    Same,
}

/// `cp` in Unicode 3.2.0.
pub fn old(cp: u32) -> Old {
    let s = sections();
    let r = &s.new_since_3_2;
    let i = r.partition_point(|(_, z)| *z < cp);
    if r.get(i).is_some_and(|(a, _)| *a <= cp) {
        return Old::Unassigned;
    }
    let c = &s.changed_since_3_2;
    match c.binary_search_by_key(&cp, |(x, _, _)| *x) {
        Ok(k) => Old::Changed(decode_record(c[k].1), c[k].2),
        Err(_) => Old::Same,
    }
}

/// The properties `ucd_3_2_0` gives a code point unassigned in 3.2.0.
pub fn unassigned_3_2() -> Record {
    Record {
        category: "Cn",
        bidirectional: "",
        combining: 0,
        mirrored: false,
        east_asian_width: "F",
        decimal: None,
        digit: None,
        numeric: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_and_names() {
        assert_eq!(record(0x41).category, "Lu");
        assert_eq!(record(0x378).category, "Cn");
        assert_eq!(record(0x31).decimal, Some(1));
        assert_eq!(record(0xBD).numeric, Some(0.5));
        assert_eq!(decomposition(0xE9), "0065 0301");
        assert_eq!(
            name(0xE9).as_deref(),
            Some("LATIN SMALL LETTER E WITH ACUTE")
        );
        assert_eq!(name(0xAC00).as_deref(), Some("HANGUL SYLLABLE GA"));
        assert_eq!(name(0x4E00).as_deref(), Some("CJK UNIFIED IDEOGRAPH-4E00"));
        assert_eq!(lookup("snowman"), Some(0x2603));
        assert_eq!(lookup("BYTE ORDER MARK"), Some(0xFEFF));
        assert_eq!(lookup("HANGUL SYLLABLE GAG"), Some(0xAC01));
    }
}
